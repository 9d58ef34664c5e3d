//! Comparing facts across the story: which figures are about the same thing at the same time
//! (alignment), which of those disagree, and one finding per disagreement (docs/facts.md).
//!
//! Two figures are compared when their attributes are the same (the class or the lemma the
//! claims layer read), their units convert, neither is a part of a whole the other is not, they
//! hold at the same time (a running total is compared only as of one time), nothing in their
//! clauses tells them apart (another occurrence, another named subject), and their clauses align:
//! they share enough of what is distinctive in the story, words weighed by how rare they are in
//! the story's sentences (inverse document frequency). Every pair with one attribute gets a
//! [`Comparison`] with its reason, compared or not.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use isnad_claims::DocAnalysis;
use isnad_claims::claims::{ClaimLocation, Modality, SourceKind};
use isnad_claims::entities::{EntityId, EntityKey};
use isnad_claims::facts::{Fact, has_word};
use isnad_claims::mentions::{NumberValue, Qualifier};
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

mod participants;
mod series;

pub(crate) use participants::ParticipantConflict;

/// Times further apart than this are two occurrences, not one misdated figure.
const SAME_OCCURRENCE_MAX_GAP_DAYS: i64 = 45;

/// Share of the smaller clause's weight two clauses must share to be about the same thing when
/// either has words of its own that the other does not.
const ALIGNED_SHARE: f64 = 0.25;

/// Share two body sentences of one article must have to be one figure given twice.
const RESTATED_SHARE: f64 = 0.5;

/// What came of comparing two facts with one attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Compared: the values can both be right.
    Agree,
    /// Compared: the values cannot both be right.
    Conflict,
    /// A later figure of a running total: an update over time.
    Update,
    /// Not compared (the reason says why).
    NotCompared,
}

/// One comparison (or decision not to compare) between two facts, with its reason.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// The two fact ids.
    pub facts: [Arc<str>; 2],
    /// The attribute they share.
    pub attribute: Arc<str>,
    /// What came of it.
    pub outcome: Outcome,
    /// Why.
    pub reason: Cow<'static, str>,
}

/// A fact with what comparing it needs, computed once.
pub(crate) struct FactView<'a> {
    /// Index of its document.
    pub doc: usize,
    /// The fact.
    pub fact: &'a Fact,
    /// Its id, shared by every comparison that names it.
    id: Arc<str>,
    /// The unit its value was converted to (`None` for a count) and the interval in that unit.
    pub base_unit: Option<&'static str>,
    pub low: f64,
    pub high: Option<f64>,
    /// The factor from its unit into the base unit.
    factor: f64,
    /// The stated time of its clause, when stated and resolved.
    pub stated: Option<Period>,
    /// When the figure holds: stated, else the report's date.
    pub as_of: Option<Period>,
    /// The report's date.
    pub published: Option<NaiveDate>,
    /// The named source that says it, when one does (not the outlet).
    pub source: Option<EntityKey>,
    /// Ids of its sentence's words, sorted (see [`Facts::weights`]).
    sentence_ids: std::sync::Arc<[u32]>,
    /// Ids of its clause's words, sorted.
    context_ids: std::sync::Arc<[u32]>,
    /// Ids of its clause's words other than its own head and qualifiers: what its clause says
    /// about the thing measured, for alignment.
    about_ids: Vec<u32>,
    /// The senses its clause's words name (`~start`, `~end`: `data/facts.toml` `[[sense]]`).
    senses: Vec<&'a str>,
    /// The ids of those senses' words.
    sense_ids: Vec<u32>,
    /// True when no other figure of its report has its attribute and unit.
    alone_in_report: bool,
    /// What it is grouped on for comparison ([`group_key`]), computed once.
    group: Arc<str>,
}

impl FactView<'_> {
    /// True when the two value intervals share a value.
    pub fn overlaps(&self, other: &FactView<'_>) -> bool {
        let below = |high: Option<f64>, low: f64| high.is_some_and(|h| h < low - 1e-9 * low.abs().max(1.0));
        !below(self.high, other.low) && !below(other.high, self.low)
    }

    /// True when both figures are bounded the same way ("أكثر من"، "على الأقل"، "حتى") from
    /// different numbers.
    fn moved_bound(&self, other: &FactView<'_>) -> bool {
        let (x, y) = (&self.fact.value.amount, &other.fact.value.amount);
        let open = matches!(
            x.qualifier,
            Qualifier::MoreThan | Qualifier::AtLeast | Qualifier::AtMost | Qualifier::LessThan
        );
        open && x.qualifier == y.qualifier
            && match (
                x.value.map(|v| v * self.factor),
                y.value.map(|v| v * other.factor),
            ) {
                (Some(p), Some(q)) => (p - q).abs() > 1e-9 * p.abs().max(q.abs()).max(1.0),
                _ => false,
            }
    }

    /// True for a vague amount ("عشرات") that agrees with any plausible count.
    fn vague(&self) -> bool {
        self.fact.value.amount.qualifier == Qualifier::Vague
    }
}

/// Units that convert into one another, with the factor into the first unit of their family.
const CONVERSIONS: &[(&str, &str, f64)] = &[
    ("m", "m", 1.0),
    ("mm", "m", 0.001),
    ("cm", "m", 0.01),
    ("km", "m", 1000.0),
    ("mile", "m", 1609.344),
    ("nmi", "m", 1852.0),
    ("m2", "m2", 1.0),
    ("km2", "m2", 1.0e6),
    ("hectare", "m2", 1.0e4),
    ("kg", "kg", 1.0),
    ("ton", "kg", 1000.0),
    ("second", "day", 1.0 / 86400.0),
    ("minute", "day", 1.0 / 1440.0),
    ("hour", "day", 1.0 / 24.0),
    ("day", "day", 1.0),
    ("week", "day", 7.0),
    ("month", "day", 30.436875),
    ("year", "day", 365.2425),
];

/// Currencies written by their family name alone ("دينار") and the national ones of the family: a
/// story set in one country writes its own currency either way.
const CURRENCY_FAMILIES: &[(&str, &[&str])] = &[
    ("dinar", &["KWD", "JOD", "IQD", "BHD", "LYD", "DZD", "TND"]),
    ("lira", &["TRY", "LBP"]),
    ("SAR", &["QAR", "OMR", "YER"]),
    ("AED", &["MAD"]),
];

/// True when two units measure alike: the same base unit, or a currency's family name and one of
/// its national currencies.
fn same_unit(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => {
            x == y
                || CURRENCY_FAMILIES.iter().any(|(family, members)| {
                    (x == *family && members.contains(&y)) || (y == *family && members.contains(&x))
                })
        }
        (None, None) => true,
        _ => false,
    }
}

/// The base unit of a unit code and the factor into it.
fn base_of(unit: &str) -> (&'static str, f64) {
    CONVERSIONS
        .iter()
        .find(|(code, _, _)| *code == unit)
        .map(|&(_, base, factor)| (base, factor))
        .unwrap_or_else(|| (leak_unit(unit), 1.0))
}

/// Unit codes come from the claims layer's data: a small fixed set, interned once.
fn leak_unit(unit: &str) -> &'static str {
    use std::sync::{Mutex, OnceLock};
    static UNITS: OnceLock<Mutex<Vec<&'static str>>> = OnceLock::new();
    let units = UNITS.get_or_init(|| Mutex::new(Vec::new()));
    let mut units = units.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(u) = units.iter().find(|u| **u == unit) {
        return u;
    }
    let leaked: &'static str = Box::leak(unit.to_string().into_boxed_str());
    units.push(leaked);
    leaked
}

/// The story's facts, prepared for comparison.
pub(crate) struct Facts<'a> {
    /// Every fact of the story.
    pub views: Vec<FactView<'a>>,
    /// Inverse document frequency of each context lemma over the story's figure sentences, by
    /// word id: alignment and near-copies compare integers, not strings.
    weights: Vec<f64>,
    /// Lemmas that most of the story's documents use: the story's topic, which says nothing
    /// about which of its things a figure is of.
    topic: rustc_hash::FxHashSet<&'a str>,
    /// For each word id, whether nearly every report of the story uses it.
    story_wide: Vec<bool>,
    /// For each document, the range of its facts in `views` (facts come document by document).
    doc_views: Vec<std::ops::Range<usize>>,
    /// Every gazetteer place the facts name, with the places it lies in (itself included).
    enclosing: FxHashMap<EntityId, Vec<EntityId>>,
}

impl<'a> Facts<'a> {
    /// Prepares every fact of the story.
    pub fn new(
        documents: &[isnad_parser::Document],
        analyses: &'a [DocAnalysis],
        within: &dyn Fn(&EntityId) -> Option<EntityId>,
    ) -> Facts<'a> {
        // Every lemma of the story gets an id; a clause or sentence shared by several facts is
        // mapped once.
        let mut ids: FxHashMap<&'a str, u32> = FxHashMap::default();
        let mut mapped: FxHashMap<*const std::sync::Arc<str>, std::sync::Arc<[u32]>> = FxHashMap::default();
        let map_words = |ids: &mut FxHashMap<&'a str, u32>,
                         mapped: &mut FxHashMap<*const std::sync::Arc<str>, std::sync::Arc<[u32]>>,
                         words: &'a [std::sync::Arc<str>]|
         -> std::sync::Arc<[u32]> {
            std::sync::Arc::clone(mapped.entry(words.as_ptr()).or_insert_with(|| {
                let mut list: Vec<u32> = words
                    .iter()
                    .map(|w| {
                        let next = ids.len() as u32;
                        *ids.entry(isnad_claims::facts::align_form(w)).or_insert(next)
                    })
                    .collect();
                list.sort_unstable();
                list.into()
            }))
        };
        let mut views = Vec::new();
        let mut sentences: BTreeMap<(usize, usize), std::sync::Arc<[u32]>> = BTreeMap::new();
        for (doc, analysis) in analyses.iter().enumerate() {
            let published = documents.get(doc).and_then(|d| d.reference_date());
            for fact in &analysis.facts {
                let sentence_ids = map_words(&mut ids, &mut mapped, &fact.sentence_words);
                let context_ids = map_words(&mut ids, &mut mapped, &fact.context);
                sentences.insert((doc, fact.sentence.start), std::sync::Arc::clone(&sentence_ids));
                let (base, factor) = match fact.value.unit.as_deref() {
                    Some(unit) => {
                        let (base, factor) = base_of(unit);
                        (Some(base), factor)
                    }
                    None => (None, 1.0),
                };
                let amount: &NumberValue = &fact.value.amount;
                let period = fact
                    .as_of
                    .time
                    .as_ref()
                    .and_then(|t| Period::of(t, fact.as_of.hours));
                let stated = if fact.as_of.basis == isnad_claims::claims::TimeBasis::Stated {
                    period
                } else {
                    None
                };
                let source = fact
                    .attribution
                    .iter()
                    .find(|s| s.kind != SourceKind::Outlet && s.kind != SourceKind::Unnamed)
                    .map(|s| EntityKey::of(s.entity.as_ref(), &s.name));
                // The head and qualifiers say what is measured, not what it is about.
                // A date's head is only the word nearest to it: what it dates is its whole clause.
                let is_date = base == Some("date");
                let own = |w: &str| {
                    !is_date && fact.attribute.head.as_ref().is_some_and(|h| h.lemma == w)
                        || fact.attribute.qualifiers.iter().any(|q| q == w)
                };
                let aligned: Vec<(&'a str, &'a str)> = fact
                    .context
                    .iter()
                    .map(|w| (&**w, isnad_claims::facts::align_form(w)))
                    .collect();
                let mut about_ids: Vec<u32> = aligned
                    .iter()
                    .filter(|(w, _)| !own(w))
                    .map(|(_, form)| ids[*form])
                    .collect();
                about_ids.sort_unstable();
                let mut senses: Vec<&'a str> = aligned
                    .iter()
                    .map(|&(_, form)| form)
                    .filter(|form| isnad_claims::facts::is_sense(form))
                    .collect();
                senses.sort_unstable();
                senses.dedup();
                let sense_ids = senses.iter().map(|s| ids[*s]).collect();
                views.push(FactView {
                    doc,
                    fact,
                    id: fact.id.as_str().into(),
                    base_unit: base,
                    low: amount.low * factor,
                    factor,
                    high: amount.high.map(|h| h * factor),
                    stated,
                    as_of: period,
                    published,
                    source,
                    sentence_ids,
                    context_ids,
                    about_ids,
                    senses,
                    sense_ids,
                    alone_in_report: false,
                    group: Arc::from(""),
                });
            }
        }
        // A short word with a glued preposition or conjunction ("بسجن") is read whole by the
        // claims layer, since it may be a word of its own; the story settles it when another
        // figure's attribute is the word without it ("السجن").
        let keys: rustc_hash::FxHashSet<&str> = views
            .iter()
            .filter_map(|v| v.fact.attribute.key.as_deref())
            .collect();
        let unglued: Vec<Option<&str>> = views
            .iter()
            .map(|v| {
                let key = v.fact.attribute.key.as_deref()?;
                let rest = key.strip_prefix(['ب', 'ل', 'ك', 'و', 'ف'])?;
                (rest.chars().count() >= 3 && keys.contains(rest)).then_some(rest)
            })
            .collect();
        for (v, unglued) in views.iter_mut().zip(unglued) {
            v.group = group_key(v, unglued).into();
        }
        let mut doc_views = vec![0..0; analyses.len()];
        for (doc, range) in doc_views.iter_mut().enumerate() {
            let start = views.partition_point(|v| v.doc < doc);
            *range = start..views.partition_point(|v| v.doc <= doc);
        }
        let mut per_report: FxHashMap<(usize, Arc<str>), usize> = FxHashMap::default();
        for v in &views {
            *per_report.entry((v.doc, Arc::clone(&v.group))).or_default() += 1;
        }
        for v in &mut views {
            v.alone_in_report = per_report[&(v.doc, Arc::clone(&v.group))] == 1;
        }
        let n = sentences.len().max(1) as f64;
        let mut df: Vec<usize> = vec![0; ids.len()];
        for words in sentences.values() {
            for &w in words.iter() {
                df[w as usize] += 1;
            }
        }
        // A word no sentence has (a clause word the sentence's list dropped) weighs as a rare one.
        let weights = df
            .into_iter()
            .map(|d| if d == 0 { 1.0 } else { (1.0 + n / d as f64).ln() })
            .collect();
        // Sentences are in document order: a word's documents are counted as they change.
        let (mut in_docs, mut last_doc) = (vec![0usize; ids.len()], vec![usize::MAX; ids.len()]);
        for (&(doc, _), words) in &sentences {
            for &w in words.iter() {
                if last_doc[w as usize] != doc {
                    last_doc[w as usize] = doc;
                    in_docs[w as usize] += 1;
                }
            }
        }
        let documents_with_facts = sentences
            .keys()
            .map(|&(d, _)| d)
            .collect::<rustc_hash::FxHashSet<_>>()
            .len();
        let topic_docs = 2.max(documents_with_facts.div_ceil(2));
        let topic = ids
            .iter()
            .filter(|&(_, &id)| in_docs[id as usize] >= topic_docs)
            .map(|(&w, _)| w)
            .collect();
        // Words nearly every report uses (three quarters, at least three) say nothing about which
        // event a date is of; a word two of three reports share still can.
        let story_wide_docs = 3.max((3 * documents_with_facts).div_ceil(4));
        let story_wide = in_docs.iter().map(|&d| d >= story_wide_docs).collect();
        let mut enclosing: FxHashMap<EntityId, Vec<EntityId>> = FxHashMap::default();
        for v in &views {
            let listed = v.fact.subject.places.iter().filter_map(EntityKey::entity);
            for place in listed.filter(|p| p.is_listed()) {
                enclosing.entry(place.clone()).or_insert_with(|| {
                    let mut chain = vec![place.clone()];
                    while chain.len() < 8
                        && let Some(up) = within(chain.last().expect("not empty"))
                    {
                        chain.push(up);
                    }
                    chain
                });
            }
        }
        Facts {
            views,
            weights,
            topic,
            story_wide,
            doc_views,
            enclosing,
        }
    }

    fn weight(&self, word: u32) -> f64 {
        self.weights[word as usize]
    }

    /// The facts of one document.
    fn views_of(&self, doc: usize) -> &[FactView<'a>] {
        self.doc_views.get(doc).map_or(&[], |r| &self.views[r.clone()])
    }

    /// True when nearly every report of the story uses the word.
    fn is_story_wide(&self, word: u32) -> bool {
        self.story_wide.get(word as usize).copied().unwrap_or(false)
    }

    /// The summed weight of some words.
    fn weight_of(&self, words: &[u32]) -> f64 {
        words.iter().map(|&w| self.weight(w)).sum()
    }

    /// How well two clauses align: the weight they share over the weight of the smaller, and
    /// whether each has distinctive words (of weight) that the other's whole sentence lacks.
    fn alignment(&self, a: &FactView<'_>, b: &FactView<'_>) -> (f64, f64, f64) {
        let shared_with = |x: &FactView<'_>, y: &FactView<'_>| -> f64 {
            x.about_ids
                .iter()
                .filter(|w| y.sentence_ids.binary_search(w).is_ok())
                .map(|&w| self.weight(w))
                .sum()
        };
        let shared = shared_with(a, b).max(shared_with(b, a));
        let (ta, tb) = (self.weight_of(&a.about_ids), self.weight_of(&b.about_ids));
        let smaller = ta.min(tb);
        let share = if smaller <= 0.0 {
            1.0
        } else {
            (shared / smaller).min(1.0)
        };
        (share, ta - shared.min(ta), tb - shared.min(tb))
    }

    /// Whether two facts with one attribute are about the same thing at the same time, and why.
    /// `copied`: the two facts are the same place of two near-copied sentences, so their
    /// attributes need not have been read alike (but must not be known to differ).
    pub fn judge(&self, a: &FactView<'_>, b: &FactView<'_>, copied: bool) -> Result<(), Apart> {
        self.judge_inner(a, b, copied)
            .map_err(|(as_of, reason)| Apart { as_of, reason })
    }

    fn judge_inner(
        &self,
        a: &FactView<'_>,
        b: &FactView<'_>,
        copied: bool,
    ) -> Result<(), (bool, Cow<'static, str>)> {
        let (fa, fb) = (a.fact, b.fact);
        fn apart(reason: impl Into<Cow<'static, str>>) -> Result<(), (bool, Cow<'static, str>)> {
            Err((false, reason.into()))
        }
        if !same_unit(a.base_unit, b.base_unit) {
            return apart("different units");
        }
        if copied {
            let (ca, cb) = (&fa.attribute.class, &fb.attribute.class);
            if ca.is_some() && cb.is_some() && ca != cb {
                return apart("near-copied sentences, but the figures measure different things");
            }
            if fa.attribute.modifier != fb.attribute.modifier {
                return apart("near-copied sentences, but one figure is a change, a capacity or a target");
            }
            if a.base_unit == Some("date")
                && let Err(reason) = self.dates_apart(a, b)
            {
                return apart(reason);
            }
            if a.base_unit == Some("ordinal")
                && let Err(reason) = self.series_apart(a, b)
            {
                return apart(reason);
            }
        }
        if fa.scope.part_of.is_some() || fb.scope.part_of.is_some() {
            return apart("one is a part of a whole stated with it");
        }
        if fa.scope.pool != fb.scope.pool {
            return apart("one is the pool a figure is taken from (\"من أصل …\")");
        }
        // What a figure is of ("نسبة التغطية"، "الوردية الليلية التي تضم") must be what the other is of,
        // or at least be spoken of in the other's sentence.
        // Another named place the gazetteer knows, neither inside the other: another occurrence.
        if let Some((x, y)) = self.places_apart(fa, fb) {
            return apart(format!("at different places ({x} and {y})"));
        }
        // A figure said of another named person or organization ("6 سنوات لرجل الأعمال X"، "5 سنوات
        // للمقاول Y"): another subject. A running total is the story's, whoever gives it.
        let (ea, eb): (Vec<&EntityId>, Vec<&EntityId>) = (
            fa.subject.entities.iter().filter_map(EntityKey::entity).collect(),
            fb.subject.entities.iter().filter_map(EntityKey::entity).collect(),
        );
        // A name read a word too long ("فرديناند تفك") is still the name: one key may extend the other.
        let same_name = |x: &EntityId, y: &EntityId| {
            let (x, y) = (x.as_str(), y.as_str());
            x == y || (x.len() >= 12 && y.len() >= 12 && (x.starts_with(y) || y.starts_with(x)))
        };
        if !fa.attribute.evolving
            && !ea.is_empty()
            && !eb.is_empty()
            && !ea.iter().any(|x| eb.iter().any(|y| same_name(x, y)))
        {
            return apart("said of different named subjects");
        }
        // Only what sets a figure apart counts: the story's topic ("الزلزال" in a quake story) is
        // what every figure is of.
        let distinctive = |q: &[String]| -> Vec<String> {
            q.iter()
                .filter(|w| !self.topic.contains(w.as_str()))
                .cloned()
                .collect()
        };
        let (qa, qb) = (
            distinctive(&fa.attribute.qualifiers),
            distinctive(&fb.attribute.qualifiers),
        );
        let covered = |q: &[String], other: &Fact, other_q: &[String]| {
            q.is_empty()
                || q.iter()
                    .any(|w| other_q.contains(w) || has_word(&other.sentence_words, w))
        };
        // Only two governors can differ: a figure with none says nothing about what governs it.
        let governed = |g: &Option<String>, other: &Fact| {
            g.as_ref().is_none_or(|g| {
                other.attribute.governor.is_none()
                    || other.attribute.governor.as_ref() == Some(g)
                    || has_word(&other.sentence_words, g)
            })
        };
        if !copied && (!governed(&fa.attribute.governor, fb) || !governed(&fb.attribute.governor, fa)) {
            return apart("governed by different events (\"بإدانة 11\" and \"شملت 17\")");
        }
        if !copied
            && (!covered(&qa, fb, &qb)
                || !covered(&qb, fa, &qa)
                || (!qa.is_empty() && !qb.is_empty() && !qa.iter().any(|q| qb.contains(q))))
        {
            return apart(format!(
                "what they are of differs ({} and {})",
                if qa.is_empty() {
                    "-".to_string()
                } else {
                    qa.join(" ")
                },
                if qb.is_empty() {
                    "-".to_string()
                } else {
                    qb.join(" ")
                }
            ));
        }
        // "جسراً بطول 1.8 كيلومتر وطريقاً بطول 14 كيلومتراً" against "طول الجسر 1800 متر": a report
        // that gives the other's thing its own figure says this one is of something else.
        let (ra, rb) = (&fa.attribute.qualifiers, &fb.attribute.qualifiers);
        let own_figure = |v: &FactView<'_>, theirs: &[String]| {
            self.views_of(v.doc).iter().any(|o| {
                !std::ptr::eq(o.fact, v.fact)
                    && o.group == v.group
                    && o.fact.attribute.qualifiers.iter().any(|q| theirs.contains(q))
            })
        };
        if !ra.is_empty()
            && !rb.is_empty()
            && !ra.iter().any(|q| rb.contains(q))
            && (own_figure(a, rb) || own_figure(b, ra))
        {
            return apart("its report gives the other's thing a figure of its own");
        }
        // "إصابة 30 من الممرضين" and "الممرضين الـ12 المصابين" in one article count one part of one
        // set: a part of a set the other speaks of is its rival. A part of what the other counts ("19 من
        // المصابين" in a critical state, 167 injured) or of a set it does not name is not.
        let same_set = |part: &Fact, other: &Fact| {
            let other_head = other.attribute.head.as_ref().map(|h| h.lemma.as_str());
            part.attribute
                .head
                .as_ref()
                .is_some_and(|h| has_word(&other.context, &h.lemma) && other_head != Some(h.lemma.as_str()))
        };
        // Only within one article: across reports a set's word in the other clause is too weak a
        // tie ("مقتل 5 من أفراد الشرطة" and "حبس 4 أمناء شرطة").
        let one_group = a.doc == b.doc
            && if fa.scope.partitive {
                same_set(fa, fb)
            } else {
                same_set(fb, fa)
            };
        if fa.scope.partitive != fb.scope.partitive && !one_group {
            return apart("one counts a part of a set (\"من …\"), the other a total");
        }
        if !affirmed(fa.modality) || !affirmed(fb.modality) {
            return apart("one is not asserted (denied, negated or doubted)");
        }
        if fa.scope.earlier != fb.scope.earlier {
            return apart("one refers to an earlier occurrence");
        }
        if fa.scope.previous != fb.scope.previous {
            return apart("one is the value before a change (\"من 12 إلى 15\"), the other a value after it");
        }
        // Another time: a figure dated apart from the other is another occurrence (or, for a
        // running total, another as-of).
        if let (Some(x), Some(y)) = (a.stated, b.stated)
            && disjoint(x, y)
        {
            let near = gap_days(x, y) <= occurrence_gap(x, y);
            return Err((
                fa.attribute.evolving && near,
                format!(
                    "stated at different times ({} and {})",
                    describe_days(x),
                    describe_days(y)
                )
                .into(),
            ));
        }
        if let Some((x, p)) = dated_long_before(a, b) {
            return apart(format!(
                "one is dated {} and the other report is of {p}: another occurrence",
                describe_days(x)
            ));
        }
        if fa.attribute.evolving
            && let (Some(x), Some(y)) = (a.as_of, b.as_of)
            && disjoint(x, y)
        {
            return Err((
                true,
                format!(
                    "a running total as of different times ({} and {})",
                    describe_days(x),
                    describe_days(y)
                )
                .into(),
            ));
        }
        if fa.attribute.evolving && a.as_of.is_none() != b.as_of.is_none() {
            return apart("a running total, and one report has no date to set it against");
        }
        // A figure of a class the data names (a toll, revenue) is about the story's main event
        // unless something above sets it apart; other attributes (and lengths and ages, said of
        // many things) need their clauses to be about the same thing.
        let (share, own_a, own_b) = self.alignment(a, b);
        // Two figures of one distinctive thing ("جسراً بطول" and "للجسر الذي يبلغ طوله") need no
        // more agreement from their clauses.
        // So do two figures whose attribute is the story's topic itself ("بتبديد 430 مليون" in an
        // embezzlement story): they are of its main event unless something above set them apart.
        // A report that gives two such figures (eight years for one defendant, five for another)
        // says they are of different things, so each must be alone in its report.
        let topical = |v: &FactView<'_>| {
            v.alone_in_report
                && v.fact
                    .attribute
                    .head
                    .as_ref()
                    .is_some_and(|h| self.topic.contains(h.lemma.as_str()))
        };
        let same_thing = fa
            .attribute
            .qualifiers
            .iter()
            .any(|q| fb.attribute.qualifiers.contains(q))
            || (topical(a) && topical(b));
        if copied {
            return Ok(());
        }
        if fa.attribute.of_something && !same_thing && share < ALIGNED_SHARE && own_a > 2.0 && own_b > 2.0 {
            return apart(format!(
                "their clauses are about different things (share {share:.2})"
            ));
        }
        // One article giving one figure twice: two body sentences must be restatements of one
        // another (a headline is a restatement of the body by nature).
        if a.doc == b.doc
            && fa.location == ClaimLocation::Body
            && fb.location == ClaimLocation::Body
            && share < RESTATED_SHARE
        {
            return apart(format!(
                "two sentences of one article about different things (share {share:.2})"
            ));
        }
        if fa.attribute.key.is_none() && share < 0.7 {
            return apart(format!(
                "nothing says what is measured and the clauses differ (share {share:.2})"
            ));
        }
        Ok(())
    }
}

impl Facts<'_> {
    /// Two places, one of each fact, that the gazetteer knows and that lie apart (neither inside
    /// the other), when each fact names only places apart from the other's.
    fn places_apart<'f>(&self, a: &'f Fact, b: &'f Fact) -> Option<(&'f str, &'f str)> {
        let listed = |f: &'f Fact| -> Vec<&'f EntityId> {
            f.subject
                .places
                .iter()
                .filter_map(EntityKey::entity)
                .filter(|p| p.is_listed())
                .collect()
        };
        let (pa, pb) = (listed(a), listed(b));
        if pa.is_empty() || pb.is_empty() {
            return None;
        }
        let related = |x: &EntityId, y: &EntityId| {
            let chain = |p: &EntityId| self.enclosing.get(p).cloned().unwrap_or_else(|| vec![p.clone()]);
            chain(x).contains(y) || chain(y).contains(x)
        };
        if pa.iter().any(|x| pb.iter().any(|y| related(x, y))) {
            return None;
        }
        Some((pa[0].as_str(), pb[0].as_str()))
    }
}

/// One fact's stated time and the other's report date when the stated time lies too far from
/// that report for one occurrence ("عام 2021" against an undated figure of a report of 2025).
fn dated_long_before(a: &FactView<'_>, b: &FactView<'_>) -> Option<(Period, NaiveDate)> {
    [(a, b), (b, a)].into_iter().find_map(|(dated, other)| {
        let (x, p) = (dated.stated?, other.published?);
        (other.stated.is_none() && gap_days(x, Period::day(p)) > occurrence_gap(x, Period::day(p)))
            .then_some((x, p))
    })
}

/// Why two facts with one attribute are not compared.
pub(crate) struct Apart {
    /// True when the only thing between them is time: a running total at two times.
    pub as_of: bool,
    /// The reason, in words.
    pub reason: Cow<'static, str>,
}

fn affirmed(modality: Modality) -> bool {
    matches!(
        modality,
        Modality::Asserted | Modality::Reported | Modality::Planned
    )
}

/// A stretch of time a figure holds in: `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Period {
    start: NaiveDateTime,
    end: NaiveDateTime,
}

impl Period {
    /// The period of a time value at its grain, narrowed to a part of the day when one is named.
    fn of(t: &isnad_claims::mentions::TimeValue, hours: Option<(u32, u32)>) -> Option<Period> {
        use isnad_claims::mentions::Grain;
        let (start, last) = (t.start?, t.end?);
        let step = match t.grain {
            Grain::Second => Duration::seconds(1),
            Grain::Minute => Duration::minutes(1),
            Grain::Hour => Duration::hours(1),
            _ => Duration::days(1),
        };
        let mut period = Period {
            start,
            end: last + step,
        };
        if let Some((from, to)) = hours
            && t.grain == Grain::Day
            && start.date() == last.date()
        {
            let day = start.date().and_hms_opt(0, 0, 0)?;
            period = Period {
                start: day + Duration::hours(i64::from(from)),
                end: day + Duration::hours(i64::from(to)),
            };
        }
        Some(period)
    }

    /// The period of one whole day.
    fn day(date: NaiveDate) -> Period {
        let start = date.and_hms_opt(0, 0, 0).expect("midnight exists");
        Period {
            start,
            end: start + Duration::days(1),
        }
    }

    /// Its length in days.
    fn days(&self) -> i64 {
        (self.end - self.start).num_days()
    }
}

/// How far apart two times may be and still be one occurrence: 45 days, or the length of the
/// longer period ("in 2024" and a report of March 2025 may speak of one year's figure).
fn occurrence_gap(a: Period, b: Period) -> i64 {
    SAME_OCCURRENCE_MAX_GAP_DAYS.max(a.days()).max(b.days())
}

fn disjoint(a: Period, b: Period) -> bool {
    a.end <= b.start || b.end <= a.start
}

/// Whole days between two periods (0 when they touch or overlap).
fn gap_days(a: Period, b: Period) -> i64 {
    if a.end <= b.start {
        (b.start - a.end).num_days()
    } else if b.end <= a.start {
        (a.start - b.end).num_days()
    } else {
        0
    }
}

fn describe_days(p: Period) -> String {
    let last = p.end - Duration::seconds(1);
    if (p.end - p.start) < Duration::days(1) && p.start.date() == last.date() {
        if p.end - p.start == Duration::days(1) {
            p.start.date().to_string()
        } else {
            format!(
                "{} {}–{}",
                p.start.date(),
                p.start.format("%H:%M"),
                p.end.format("%H:%M")
            )
        }
    } else if p.start.date() == last.date() {
        p.start.date().to_string()
    } else {
        format!("{}..{}", p.start.date(), last.date())
    }
}

/// The key two facts are grouped on: the attribute (`unglued` when the story reads a glued
/// preposition off it), or for a figure with none, its unit.
pub(crate) fn group_key(v: &FactView<'_>, unglued: Option<&str>) -> String {
    let unit = v.base_unit.map_or("count", |u| {
        CURRENCY_FAMILIES
            .iter()
            .find(|(family, members)| *family == u || members.contains(&u))
            .map_or(u, |(family, _)| family)
    });
    match unglued.or(v.fact.attribute.key.as_deref()) {
        Some(k) => format!("{k}|{unit}"),
        None => format!("?|{unit}"),
    }
}

/// A disagreement: comparable facts whose values fall into two or more sides.
pub(crate) struct Disagreement {
    /// The sides, each a list of view indices whose values agree, in ascending order of value.
    pub sides: Vec<Vec<usize>>,
    /// True when one document is on both sides: the article disagrees with itself (other reports
    /// may side with either of its figures).
    pub internal: bool,
}

/// Everything the fact rules need: disagreements, updates and every comparison.
pub(crate) struct Compared {
    /// Disagreements, one per group of comparable facts.
    pub disagreements: Vec<Disagreement>,
    /// Updates: (earlier view, later view).
    pub updates: Vec<(usize, usize)>,
    /// Every comparison with its reason.
    pub comparisons: Vec<Comparison>,
}

/// How much two clauses (sorted word ids) share: the shared weight over the smaller clause's
/// weight (0 when it weighs nothing), the shared words, and how many of those are not
/// `story_wide`.
fn clause_overlap(
    a: &[u32],
    b: &[u32],
    weight: impl Fn(u32) -> f64,
    story_wide: impl Fn(u32) -> bool,
) -> (f64, Vec<u32>, usize) {
    let shared: Vec<u32> = a.iter().copied().filter(|w| b.binary_search(w).is_ok()).collect();
    let total = |words: &[u32]| words.iter().map(|&w| weight(w)).sum::<f64>();
    let smaller = total(a).min(total(b));
    let share = if smaller > 0.0 {
        total(&shared) / smaller
    } else {
        0.0
    };
    let distinctive = shared.iter().filter(|&&w| !story_wide(w)).count();
    (share, shared, distinctive)
}

/// Compares the named doers and places of the story's clauses across reports.
pub(crate) fn compare_participants(analyses: &[DocAnalysis]) -> (Vec<ParticipantConflict>, Vec<Comparison>) {
    participants::compare(analyses)
}

/// Compares every pair of facts with one attribute.
pub(crate) fn compare(facts: &Facts<'_>) -> Compared {
    let mut groups: BTreeMap<Arc<str>, Vec<usize>> = BTreeMap::new();
    for (i, v) in facts.views.iter().enumerate() {
        groups.entry(Arc::clone(&v.group)).or_default().push(i);
    }
    let copies: rustc_hash::FxHashSet<(usize, usize)> = near_copies(facts)
        .into_iter()
        .map(|(i, j)| (i.min(j), i.max(j)))
        .collect();
    let mut pairs: Vec<(usize, usize, Arc<str>, bool)> = Vec::new();
    let mut seen: rustc_hash::FxHashSet<(usize, usize)> = rustc_hash::FxHashSet::default();
    for (key, members) in &groups {
        // Dates and ordinals are the claims' to compare (date_mismatch, ordinal_conflict); as
        // facts they are compared only where two reports copy one sentence.
        if members.iter().any(|&i| is_time_or_order(&facts.views[i])) {
            continue;
        }
        for (n, &i) in members.iter().enumerate() {
            for &j in &members[n + 1..] {
                let (a, b) = (&facts.views[i], &facts.views[j]);
                // Two figures of one sentence are two things ("19 قتيلاً و34 مفقوداً").
                if a.doc == b.doc && a.fact.sentence == b.fact.sentence {
                    continue;
                }
                seen.insert((i.min(j), i.max(j)));
                pairs.push((i, j, Arc::clone(key), copies.contains(&(i.min(j), i.max(j)))));
            }
        }
    }
    for &(i, j) in &copies {
        if seen.insert((i, j)) {
            let unit = facts.views[i].base_unit.unwrap_or("count");
            pairs.push((i, j, format!("copy|{unit}").into(), true));
        }
    }
    let mut comparisons = Vec::new();
    let mut updates = Vec::new();
    let mut comparable: Vec<(usize, usize, bool)> = Vec::new();
    // Dates and places in a series that no copy pairs: compared where their clauses align.
    for (i, j, key) in series::candidate_pairs(facts) {
        if !seen.insert((i, j)) {
            continue;
        }
        let (a, b) = (&facts.views[i], &facts.views[j]);
        let (outcome, reason): (Outcome, Cow<'static, str>) = match facts.judge_series(a, b) {
            Err(reason) => (Outcome::NotCompared, reason),
            Ok(()) => {
                let agree = a.overlaps(b);
                comparable.push((i, j, agree));
                if agree {
                    (Outcome::Agree, "their clauses align, values overlap".into())
                } else {
                    (
                        Outcome::Conflict,
                        "their clauses align, values cannot both be right".into(),
                    )
                }
            }
        };
        comparisons.push(Comparison {
            facts: [Arc::clone(&a.id), Arc::clone(&b.id)],
            attribute: key,
            outcome,
            reason,
        });
    }
    for (i, j, key, copied) in pairs {
        let (a, b) = (&facts.views[i], &facts.views[j]);
        let record = |outcome, reason: Cow<'static, str>| Comparison {
            facts: [Arc::clone(&a.id), Arc::clone(&b.id)],
            attribute: Arc::clone(&key),
            outcome,
            reason,
        };
        match facts.judge(a, b, copied) {
            Err(apart) => match update_of(a, b, i, j).filter(|_| apart.as_of) {
                Some((earlier, later)) => {
                    updates.push((earlier, later));
                    comparisons.push(record(
                        Outcome::Update,
                        format!("{}; the later figure is newer", apart.reason).into(),
                    ));
                }
                None => comparisons.push(record(Outcome::NotCompared, apart.reason)),
            },
            Ok(()) => {
                // A copied sentence that bounds its figure alike but moved the bound ("أكثر من 22
                // مليون" → "أكثر من 500 مليون") changed the figure, though both bounds can hold.
                let agree = a.overlaps(b) && !(copied && a.moved_bound(b));
                // A rise announced for a running total (or for a count nothing says is fixed):
                // the larger, later figure is newer.
                let may_run = a.fact.attribute.evolving || a.fact.attribute.class.is_none();
                let same_stated_time = a.stated.is_some() && b.stated.is_some();
                if !agree
                    && may_run
                    && !same_stated_time
                    && a.doc != b.doc
                    && (a.fact.scope.rise || b.fact.scope.rise)
                    && is_later_and_larger(a, b).or(is_later_and_larger(b, a)).is_some()
                {
                    let (earlier, later) = if is_later_and_larger(a, b).is_some() {
                        (i, j)
                    } else {
                        (j, i)
                    };
                    updates.push((earlier, later));
                    comparisons.push(record(
                        Outcome::Update,
                        "announced as a rise: the later figure is newer".into(),
                    ));
                    continue;
                }
                // Within one article, two sources giving two figures is a reported dispute, not
                // the article contradicting itself.
                if !agree
                    && a.doc == b.doc
                    && a.source.is_some()
                    && b.source.is_some()
                    && a.source != b.source
                {
                    comparisons.push(record(
                        Outcome::NotCompared,
                        "one article quoting two sources with two figures".into(),
                    ));
                    continue;
                }
                comparable.push((i, j, agree));
                comparisons.push(record(
                    if agree { Outcome::Agree } else { Outcome::Conflict },
                    match (agree, copied) {
                        (true, true) => "the same place of near-copied sentences, values overlap".into(),
                        (true, false) => "same attribute, same time, values overlap".into(),
                        (false, true) => {
                            "the same place of near-copied sentences, values cannot both be right".into()
                        }
                        (false, false) => "same attribute, same time, values cannot both be right".into(),
                    },
                ));
            }
        }
    }
    Compared {
        disagreements: disagreements_of(facts, &comparable),
        updates,
        comparisons,
    }
}

/// True for a date or an ordinal fact.
pub(crate) fn is_time_or_order(v: &FactView<'_>) -> bool {
    matches!(v.base_unit, Some("date" | "ordinal"))
}

/// Share of the smaller sentence's weight two sentences of different reports must share to be
/// near-copies (one agency text run twice, or a headline restated).
const NEAR_COPY_SHARE: f64 = 0.6;

/// How much of a report two near-copies share.
#[derive(Clone, Copy)]
enum CopyLevel {
    /// Whole sentences (a headline restated, a sentence rewritten a little).
    Sentence,
    /// One long clause copied into sentences that go on differently.
    Clause,
}

/// Share a copied clause must have (of the smaller clause's weight, with at least four words).
const COPIED_CLAUSE_SHARE: f64 = 0.8;

/// Facts at the same place of near-copied sentences or clauses of two reports.
fn near_copies(facts: &Facts<'_>) -> Vec<(usize, usize)> {
    let mut pairs = near_copies_by(facts, CopyLevel::Sentence);
    pairs.extend(near_copies_by(facts, CopyLevel::Clause));
    pairs
}

/// Facts at the same place of near-copied clauses of two reports: the k-th figure of a unit in
/// one and the k-th of that unit in the other, when both sentences have as many.
fn near_copies_by(facts: &Facts<'_>, level: CopyLevel) -> Vec<(usize, usize)> {
    // The story's figure clauses, each with its facts in text order: a copied clause may sit in
    // sentences that go on differently.
    let mut sentences: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for (i, v) in facts.views.iter().enumerate() {
        let start = match level {
            CopyLevel::Sentence => v.fact.sentence.start,
            CopyLevel::Clause => v.fact.clause.start,
        };
        sentences.entry((v.doc, start)).or_default().push(i);
    }
    let list: Vec<(&(usize, usize), &Vec<usize>)> = sentences.iter().collect();
    let words = |s: &[usize]| -> &[u32] {
        match level {
            CopyLevel::Sentence => &facts.views[s[0]].sentence_ids,
            CopyLevel::Clause => &facts.views[s[0]].context_ids,
        }
    };
    let (min_shared, min_share) = match level {
        CopyLevel::Sentence => (2, NEAR_COPY_SHARE),
        CopyLevel::Clause => (4, COPIED_CLAUSE_SHARE),
    };
    // Sentences sharing a word, found through the word, so unrelated ones are never paired.
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); facts.weights.len()];
    for (n, (_, members)) in list.iter().enumerate() {
        for &w in words(members) {
            postings[w as usize].push(n as u32);
        }
    }
    let totals: Vec<f64> = list
        .iter()
        .map(|(_, members)| facts.weight_of(words(members)))
        .collect();
    // What each later sentence shares with the current one, and which were touched.
    let mut shared: Vec<(f64, usize)> = vec![(0.0, 0); list.len()];
    let mut touched: Vec<usize> = Vec::new();
    let mut out = Vec::new();
    for (n, ((doc, _), members)) in list.iter().enumerate() {
        for &w in words(members) {
            let others = &postings[w as usize];
            // A word most sentences use says nothing about which are copies.
            if others.len() * 2 > list.len().max(4) {
                continue;
            }
            for &m in others {
                let m = m as usize;
                if m > n && list[m].0.0 != *doc {
                    if shared[m].1 == 0 {
                        touched.push(m);
                    }
                    shared[m].0 += facts.weight(w);
                    shared[m].1 += 1;
                }
            }
        }
        touched.sort_unstable();
        for m in touched.drain(..) {
            let (weight, count) = std::mem::take(&mut shared[m]);
            let other = list[m].1;
            let smaller = totals[n].min(totals[m]);
            if count < min_shared || smaller <= 0.0 || weight / smaller < min_share {
                continue;
            }
            // The k-th figure of each unit with the k-th of that unit.
            let by_unit = |s: &[usize]| -> BTreeMap<&str, Vec<usize>> {
                let mut units: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
                for &i in s {
                    units
                        .entry(facts.views[i].base_unit.unwrap_or("count"))
                        .or_default()
                        .push(i);
                }
                units
            };
            let (ua, ub) = (by_unit(members), by_unit(other));
            for (unit, xs) in &ua {
                let Some(ys) = ub.get(unit) else { continue };
                // Figures of one attribute pair up first ("زوجها السادس" with "زوجها السادس"),
                // the rest in their order when as many are left on each side.
                let key = |i: usize| facts.views[i].fact.attribute.key.as_deref();
                let (mut left_x, mut left_y): (Vec<usize>, Vec<usize>) = (Vec::new(), ys.clone());
                for &x in xs {
                    let same: Vec<usize> = left_y
                        .iter()
                        .copied()
                        .filter(|&y| key(x).is_some() && key(y) == key(x))
                        .collect();
                    let unique_here = xs.iter().filter(|&&o| key(o) == key(x)).count() == 1;
                    if let [y] = same[..]
                        && unique_here
                    {
                        out.push((x, y));
                        left_y.retain(|&o| o != y);
                    } else {
                        left_x.push(x);
                    }
                }
                if left_x.len() == left_y.len() {
                    out.extend(left_x.into_iter().zip(left_y));
                }
            }
        }
    }
    out
}

/// When two facts of a running total are not compared because they hold at different times, the
/// later one is an update when it is published or stated later.
fn update_of(a: &FactView<'_>, b: &FactView<'_>, i: usize, j: usize) -> Option<(usize, usize)> {
    if !a.fact.attribute.evolving || a.doc == b.doc && a.fact.sentence == b.fact.sentence {
        return None;
    }
    let (Some(x), Some(y)) = (a.as_of, b.as_of) else {
        return None;
    };
    if !disjoint(x, y) || a.overlaps(b) || a.fact.scope.part_of.is_some() || b.fact.scope.part_of.is_some() {
        return None;
    }
    if x.end <= y.start {
        Some((i, j))
    } else {
        Some((j, i))
    }
}

/// `Some(())` when `later` is published after `earlier` and its value is larger.
fn is_later_and_larger(earlier: &FactView<'_>, later: &FactView<'_>) -> Option<()> {
    let published_later = matches!((earlier.published, later.published), (Some(x), Some(y)) if y > x);
    let larger = later.low > earlier.high.unwrap_or(f64::INFINITY);
    (larger && (published_later || later.fact.scope.rise)).then_some(())
}

/// Groups the comparable pairs into disagreements. Each conflict not yet reported seeds one: its
/// two facts, each joined by every fact compared with both that agrees with it and conflicts with
/// the other. So one disagreement is reported once, citing every report on each side, and facts
/// that were never compared with each other are never put side by side.
fn disagreements_of(facts: &Facts<'_>, comparable: &[(usize, usize, bool)]) -> Vec<Disagreement> {
    let mut outcome: FxHashMap<(usize, usize), bool> = FxHashMap::default();
    for &(i, j, agree) in comparable {
        outcome.insert((i.min(j), i.max(j)), agree);
    }
    let relation = |x: usize, y: usize| outcome.get(&(x.min(y), x.max(y))).copied();
    let mut members: Vec<usize> = comparable.iter().flat_map(|&(i, j, _)| [i, j]).collect();
    members.sort_unstable();
    members.dedup();
    let mut conflicts: Vec<(usize, usize)> = comparable
        .iter()
        .filter(|(_, _, agree)| !agree)
        .map(|&(i, j, _)| (i.min(j), i.max(j)))
        .collect();
    conflicts.sort_unstable();
    let mut covered: rustc_hash::FxHashSet<(usize, usize)> = rustc_hash::FxHashSet::default();
    let mut out = Vec::new();
    let internal_of = |sides: &[Vec<usize>]| {
        let docs: Vec<usize> = sides.iter().flatten().map(|&m| facts.views[m].doc).collect();
        docs.iter().all(|&d| d == docs[0])
            || sides[0]
                .iter()
                .any(|&x| sides[1].iter().any(|&y| facts.views[x].doc == facts.views[y].doc))
    };
    for &(a, b) in &conflicts {
        if covered.contains(&(a, b)) {
            continue;
        }
        // A conflict one of whose facts is on a side of a disagreement already found, while the
        // other agrees with the opposite side and with nothing on this one, is that disagreement
        // again: its fact joins the opposite side («120 ألف» of a third report against the
        // body's «نحو 150 ألف», where the first disagreement held the headline's «150 ألف»).
        let joins = |out: &[Disagreement]| {
            out.iter().enumerate().find_map(|(d, found)| {
                (0..2).find_map(|s| {
                    let (this, opposite) = (&found.sides[s], &found.sides[1 - s]);
                    let fits = |joiner: usize| {
                        opposite.iter().any(|&m| relation(m, joiner) == Some(true))
                            && this.iter().all(|&m| relation(m, joiner) != Some(true))
                    };
                    if this.contains(&a) && fits(b) {
                        Some((d, 1 - s, b))
                    } else if this.contains(&b) && fits(a) {
                        Some((d, 1 - s, a))
                    } else {
                        None
                    }
                })
            })
        };
        if let Some((d, side, joiner)) = joins(&out) {
            let found: &mut Disagreement = &mut out[d];
            for &m in &found.sides[1 - side] {
                covered.insert((m.min(joiner), m.max(joiner)));
            }
            if !found.sides[side].contains(&joiner) {
                found.sides[side].push(joiner);
                found.sides[side].sort_unstable();
            }
            found.internal = internal_of(&found.sides);
            continue;
        }
        let side_of = |seed: usize, other: usize| -> Vec<usize> {
            let mut side: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&m| {
                    m == seed || (relation(m, seed) == Some(true) && relation(m, other) == Some(false))
                })
                .collect();
            side.sort_unstable();
            side
        };
        let (side_a, side_b) = (side_of(a, b), side_of(b, a));
        for &x in &side_a {
            for &y in &side_b {
                covered.insert((x.min(y), x.max(y)));
            }
        }
        let mut sides = vec![side_a, side_b];
        sides.sort_by(|x, y| {
            facts.views[x[0]]
                .low
                .partial_cmp(&facts.views[y[0]].low)
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        let internal = internal_of(&sides);
        out.push(Disagreement { sides, internal });
    }
    out
}

/// Parts that cannot make their whole: a stated total its parts do not add up to, or parts that
/// exceed their whole. Returns (whole, parts, sum).
pub(crate) fn sums(facts: &Facts<'_>) -> Vec<(usize, Vec<usize>, f64)> {
    let index: FxHashMap<&str, usize> = facts
        .views
        .iter()
        .enumerate()
        .map(|(i, v)| (v.fact.id.as_str(), i))
        .collect();
    let mut parts: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, v) in facts.views.iter().enumerate() {
        if let Some(&w) = v.fact.scope.part_of.as_deref().and_then(|id| index.get(id)) {
            parts.entry(w).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    for (whole, members) in parts {
        let w = &facts.views[whole];
        if members
            .iter()
            .any(|&m| facts.views[m].high.is_none() || facts.views[m].vague())
            || w.vague()
        {
            continue;
        }
        let exact = |v: &FactView<'_>| v.fact.value.amount.qualifier == Qualifier::Exact;
        let sum_low: f64 = members.iter().map(|&m| facts.views[m].low).sum();
        let sum_high: f64 = members.iter().filter_map(|&m| facts.views[m].high).sum();
        let exceeds = w.high.is_some_and(|h| sum_low > h + 1e-9);
        let short_of_total = w.fact.scope.total
            && exact(w)
            && members.iter().all(|&m| exact(&facts.views[m]))
            && (sum_high - w.low).abs() > 1e-9;
        if exceeds || short_of_total {
            out.push((whole, members, sum_low));
        }
    }
    out
}
