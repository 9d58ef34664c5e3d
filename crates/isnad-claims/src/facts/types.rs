//! The fact: one figure of the story text with what it measures, of what, as of when and by whom
//! (see docs/facts.md).

use crate::claims::{Chain, ClaimLocation, Modality, TimeBasis};
use crate::entities::EntityKey;
use crate::mentions::{NumberValue, TimeValue};
use isnad_parser::Span;
use serde::Serialize;
use std::sync::Arc;

/// A number, amount or length of time stated in story text, ready to be compared with the
/// figures of other reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fact {
    /// Stable within a run: `"<doc>#f<n>"`.
    pub id: String,
    /// Document id.
    pub doc: String,
    /// The value's words.
    pub span: Span,
    /// Exactly the original bytes of `span`.
    pub text: String,
    /// The sentence that states it.
    pub sentence: Span,
    /// The part of the sentence the figure belongs to (its clause).
    pub clause: Span,
    /// The value as an interval, with its unit (none for a count).
    pub value: FactValue,
    /// What is measured.
    pub attribute: Attribute,
    /// What it is about: the event of its claim and the named entities of its clause.
    pub subject: Subject,
    /// The time the figure holds (shared: most figures hold as of their report's date).
    pub as_of: Arc<AsOf>,
    /// How the figure relates to others: part of a whole, a total, a rising count, an earlier
    /// occurrence.
    pub scope: Scope,
    /// Who says so, innermost first; the outlet last.
    pub attribution: Chain,
    /// How firmly the source presents it.
    pub modality: Modality,
    /// Headline or body.
    #[serde(rename = "in")]
    pub location: ClaimLocation,
    /// Light lemmas of the content words of its clause: what the graph aligns figures on
    /// (shared by the facts of one clause).
    #[serde(skip)]
    pub context: Words,
    /// Light lemmas of the content words of its whole sentence (shared by its facts).
    #[serde(skip)]
    pub sentence_words: Words,
}

pub use crate::lexical::Words;

/// True when sorted `words` hold `word`.
pub fn has_word(words: &[std::sync::Arc<str>], word: &str) -> bool {
    words.binary_search_by(|w| (**w).cmp(word)).is_ok()
}

/// A figure's value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactValue {
    /// The amount as an interval (approximations and bounds widen it).
    #[serde(flatten)]
    pub amount: NumberValue,
    /// Normalized unit (`USD`, `percent`, `km`, `year`, `day`, …, `date` for a date, `ordinal`
    /// for a place in a series); `None` for a count. A date's amount is its days (counted from
    /// 1 January of year 1).
    pub unit: Option<Box<str>>,
    /// For a date, the date itself (boxed: most figures are no dates).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<Box<TimeValue>>,
}

/// Where a figure's attribute was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AttributeSource {
    /// The counted noun after the number ("250 جريحاً").
    Counted,
    /// A measure noun before it ("نسبة التغطية 87%").
    Measure,
    /// The event word next to it ("مقتل 7"، "توقيف 23 شخصاً").
    Event,
    /// The moment a length of time is counted from ("بعد 38 ساعة من اندلاعه"): how long after
    /// (or before) it, of the event its clause names.
    Moment,
    /// Only its unit is known.
    Unit,
    /// Nothing says what it measures.
    Unknown,
}

/// A word of the text that an attribute comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttributeWord {
    /// Its light lemma.
    pub lemma: Box<str>,
    /// Its span.
    pub span: Span,
}

/// What a figure measures, read from the text (open vocabulary) and folded to a light lemma.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attribute {
    /// The key figures are grouped on: the class (`killed`) when the data names one, else the
    /// head lemma (with the modifier after a `+`); `None` when nothing says what is measured.
    pub key: Option<Box<str>>,
    /// The class from `data/facts.toml`, when one matches (its name in the lexicon).
    pub class: Option<&'static str>,
    /// Where it was read.
    pub from: AttributeSource,
    /// The head word (counted noun, measure noun or event word).
    pub head: Option<AttributeWord>,
    /// What few attributes have besides (boxed, none when it would be empty: a long article holds
    /// a hundred thousand figures, issue #17); read through [`Attribute::qualifiers`],
    /// [`Attribute::governor`] and [`Attribute::modifier`].
    #[serde(flatten)]
    pub detail: Option<Box<AttributeDetail>>,
    /// A running total that changes over a story (a toll): compared only as of one time.
    pub evolving: bool,
    /// Said of many things in one story (a length, an age): compared only when of one thing.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub of_something: bool,
}

/// The parts of an attribute that few figures have.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct AttributeDetail {
    /// Lemmas of what the head is of: the noun after a measure noun ("التغطية" in "نسبة
    /// التغطية"), the noun before "بطول" ("جسراً بطول")، the noun a relative clause hangs on
    /// ("الوردية التي تضم 64 عاملاً").
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub qualifiers: Box<[Box<str>]>,
    /// The verbal noun that governs a count ("إدانة" in "بإدانة 11 متهماً": the convicted among
    /// the defendants).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub governor: Option<Box<str>>,
    /// A modifier that makes it another attribute: `new`, `daily`, `average`, `delta` (a change,
    /// not a level), `contrast` (the other side of "مقابل").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modifier: Option<Box<str>>,
}

impl AttributeDetail {
    /// The detail of an attribute, none when it has no part.
    pub fn boxed(detail: AttributeDetail) -> Option<Box<AttributeDetail>> {
        (detail != AttributeDetail::default()).then(|| Box::new(detail))
    }
}

impl Attribute {
    /// Lemmas of what the head is of (see [`AttributeDetail::qualifiers`]).
    pub fn qualifiers(&self) -> &[Box<str>] {
        self.detail.as_ref().map_or(&[], |d| &d.qualifiers)
    }

    /// The verbal noun that governs a count (see [`AttributeDetail::governor`]).
    pub fn governor(&self) -> Option<&str> {
        self.detail.as_ref().and_then(|d| d.governor.as_deref())
    }

    /// The modifier that makes it another attribute (see [`AttributeDetail::modifier`]).
    pub fn modifier(&self) -> Option<&str> {
        self.detail.as_ref().and_then(|d| d.modifier.as_deref())
    }

    /// Sets its modifier, keeping no detail when none is left.
    pub fn set_modifier(&mut self, modifier: Option<Box<str>>) {
        let mut detail = self.detail.take().map_or_else(AttributeDetail::default, |d| *d);
        detail.modifier = modifier;
        self.detail = AttributeDetail::boxed(detail);
    }
}

/// What a figure is about.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Subject {
    /// The claim whose clause states it, when there is one.
    pub claim: Option<Box<str>>,
    /// That claim's event type.
    pub event: Option<Box<str>>,
    /// People and organizations named in its clause besides its sources (written as entity ids,
    /// or `text:` + the folded name).
    pub entities: Box<[EntityKey]>,
    /// Places and countries named in its clause.
    pub places: Box<[EntityKey]>,
}

/// The time a figure holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AsOf {
    /// The time stated in its clause, else the report's date.
    pub time: Option<TimeValue>,
    /// Where `time` came from.
    pub basis: TimeBasis,
    /// The stated time's words, when stated.
    pub span: Option<Span>,
    /// The hours `[from, to)` of the day a stated day-grain time names ("مساء اليوم": 15–24).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<(u32, u32)>,
}

/// How a figure relates to the others.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Scope {
    /// The fact this one is a part of ("12 طفلاً" in "31 قتيلاً، بينهم 12 طفلاً").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part_of: Option<Box<str>>,
    /// A part of a set named after it ("6 من أفراد الطاقم"), never a rival total.
    pub partitive: bool,
    /// An explicit total: its parts must add up to it ("أي ما مجموعه 180").
    pub total: bool,
    /// The pool one figure is taken from ("82 مقعداً من أصل 156"): a capacity, not a rival count.
    pub pool: bool,
    /// Announced as a change ("ارتفعت الحصيلة إلى"): a newer figure.
    pub rise: bool,
    /// A running figure "so far" ("حتى الآن").
    pub so_far: bool,
    /// Its clause refers to an earlier occurrence ("سبق أن").
    pub earlier: bool,
    /// The value before a change, or the low end of a span, given with the value after it
    /// ("من 12 ديناراً إلى 15 ديناراً"): never a rival of that value nor of the story's current one.
    pub previous: bool,
    /// A date that dates a saying ("قال الوزير أمس إن …"), not what is said.
    pub saying: bool,
    /// A date a «منذ» window that names what started it starts at ("منذ اندلاعه بعد ظهر الأحد
    /// الماضي"): a later report's date of the story's incident («منذ الخميس» names nothing).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub window_start: bool,
    /// The hours `[from, to)` of the part of the day a date names ("فجر الأحد الماضي": 3–7).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day_part: Option<(u8, u8)>,
    /// A date said as a past weekday ("فجر الأحد الماضي"), not one the tense resolved ("مساء الجمعة").
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub past_weekday: bool,
    /// Its side of a contrast of two figures ("171 نائباً مقابل 58"): the other side counts
    /// something else (those against, last year's), and a total ("ما مجموعه 229") both.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub versus: Option<Versus>,
}

/// The side of a figure in a contrast of two ("X مقابل Y").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Versus {
    /// The figure before مقابل.
    First,
    /// The figure after it.
    Second,
}
