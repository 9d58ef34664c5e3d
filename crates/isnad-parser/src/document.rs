//! The parsed document: metadata, blocks, sentences, all with byte spans.

use crate::Span;
use chrono::NaiveDate;
use serde::Serialize;

/// A parsed article.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// Path relative to the directory given (or the file name), with `/` separators; `-` for stdin.
    pub id: String,
    /// The article's text. Spans index this string; for UTF-8 input it is the file byte for byte.
    #[serde(skip)]
    pub source: String,
    /// Size of the input in bytes.
    pub bytes: usize,
    /// Set when the input was not UTF-8 and was decoded (e.g. `"windows-1256"`); spans then index
    /// the decoded UTF-8 text.
    pub decoded_from: Option<String>,
    /// Front matter and inferred metadata.
    pub meta: Metadata,
    /// The whole text in order, divided into blocks (front matter, headline, body, boilerplate).
    pub blocks: Vec<Block>,
    /// Sentences of headline and body blocks (none from boilerplate or front matter).
    pub sentences: Vec<Sentence>,
}

/// What the article says about itself.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Metadata {
    /// Headline: from front matter, else the first line when it reads as one.
    pub title: Option<String>,
    /// Span of the headline in the text, when it is in the text.
    pub title_span: Option<Span>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Where `published` came from.
    pub published_from: Option<DateSource>,
    /// Span of the dateline or publication line the date was read from.
    pub published_span: Option<Span>,
    /// Publishing outlet (front matter `outlet`, the masthead line above the headline, the first
    /// part of a frame line of parts, a "headline | Site" suffix, or a source line such as
    /// "المصدر: …").
    pub outlet: Option<String>,
    /// Span of the outlet in the frame line it was read from: the masthead, the first part of a
    /// line of parts ("وكالة الوادي للأنباء | محليات"), or a headline's "| Site" suffix.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet_span: Option<Span>,
    /// The outlet's own name inside `outlet_span`: its head word and a descriptive tail left out
    /// ("الوادي" in "وكالة الوادي للأنباء"; "ميدان نيوز" keeps its tail).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet_name: Option<Span>,
    /// The place a dateline opens with ("كرمانة" in "كرمانة، 17 نوفمبر 2025 (الراصد) - …").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline_place: Option<Span>,
    /// The writer named by a byline ("كتب: …", "بقلم …"), as written after its lead word.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// Dates of the frame that disagree with the publication date (a Hijri date printed with a
    /// Gregorian day it does not fall on).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub date_disagreements: Vec<DateDisagreement>,
    /// Article URL from front matter.
    pub url: Option<String>,
}

/// A Hijri date printed beside the Gregorian publication date that it does not fall on (beyond
/// the day of tolerance that sighting calendars need).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateDisagreement {
    /// The Hijri date as written.
    pub hijri_span: Span,
    /// The Hijri date read as a Gregorian day (Umm al-Qura).
    pub hijri_as_gregorian: NaiveDate,
    /// The Gregorian date as written.
    pub gregorian_span: Span,
    /// The Gregorian date, taken as the publication date.
    pub gregorian: NaiveDate,
}

/// Where a publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// The `published` key of TOML front matter.
    FrontMatter,
    /// A dateline or publication line at the top of the article.
    Dateline,
    /// Supplied by the caller (e.g. `--reference-date`) or inferred from other evidence.
    Inferred,
}

/// A run of lines with one role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    /// Bytes of the block (without its trailing newline).
    pub span: Span,
    /// Its role.
    pub kind: BlockKind,
}

/// The role of a block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BlockKind {
    /// TOML front matter including its `+++` fences.
    FrontMatter,
    /// The article's headline.
    Headline,
    /// Story text: the only source of claims, with the headline.
    Body,
    /// Not the story: kept for display, never a source of claims.
    Boilerplate {
        /// Why it is not the story.
        reason: BoilerplateReason,
    },
}

impl BlockKind {
    /// True for blocks claims may come from (headline and body).
    pub fn is_story(&self) -> bool {
        matches!(self, BlockKind::Headline | BlockKind::Body)
    }
}

/// Why a block is boilerplate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BoilerplateReason {
    /// "اقرأ أيضاً", "مقالات مشابهة" and every block after them.
    ReadAlso,
    /// "كلمات دلالية", tags and keywords lines.
    Tags,
    /// "المصدر:", "مصادر إضافية" and similar source lines.
    SourceLine,
    /// `[ad_1]`, "إعلان" markers.
    Ad,
    /// "اشترك في نشرتنا" and other subscription prompts.
    Subscribe,
    /// "حجم الخط" and other page widgets.
    Widget,
    /// "خبر عاجل" and similar labels.
    BreakingLabel,
    /// An embedded tweet or social-media post.
    Embed,
    /// A block in another language (e.g. English) inside an Arabic article.
    ForeignLanguage,
    /// The headline repeated in the text.
    RepeatedHeadline,
    /// A line dating the article ("نُشر في …", "آخر تحديث: …", a date alone at the top).
    PublicationLine,
    /// A line too short to be story text (a lone name or label).
    Fragment,
    /// The outlet's masthead above the headline, and its tagline.
    Masthead,
    /// A byline ("كتب: …") or a "place - source" line ("المدينة - خاص").
    Byline,
}

/// A sentence of story text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// Bytes of the sentence, trimmed of surrounding whitespace.
    pub span: Span,
    /// Index into [`Document::blocks`].
    pub block: usize,
    /// True when the sentence is (part of) the headline.
    pub in_headline: bool,
}

impl Document {
    /// The original text of a span.
    pub fn text(&self, span: Span) -> &str {
        &self.source[span.range()]
    }

    /// The publication date, the reference for relative expressions.
    pub fn reference_date(&self) -> Option<NaiveDate> {
        self.meta.published
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let before = &self.source[..offset.min(self.source.len())];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (line, before[line_start..].chars().count() + 1)
    }

    /// The sentence containing `span`, if any.
    pub fn sentence_of(&self, span: Span) -> Option<&Sentence> {
        // Sentences come in text order: the last one starting at or before `span` is looked up,
        // not every sentence of a long article scanned (the scan stays for spans it misses).
        let after = self.sentences.partition_point(|s| s.span.start <= span.start);
        after
            .checked_sub(1)
            .map(|at| &self.sentences[at])
            .filter(|s| s.span.contains(span))
            .or_else(|| self.sentences.iter().find(|s| s.span.contains(span)))
    }
}
