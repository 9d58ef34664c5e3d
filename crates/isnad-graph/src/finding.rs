//! Findings: what the checker tells an editor.

use isnad_parser::Span;
use serde::Serialize;

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The claims cannot both be true.
    Contradiction,
    /// Sources disagree (one asserts, another denies) or the text is uncertain.
    Tension,
    /// Worth an editor's eye: variants, explained look-alikes, updates over time.
    Note,
}

/// Kinds of findings; each has one rule file in `rules/` whose doc comment is its help text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// One event, times that cannot overlap.
    DateMismatch,
    /// A weekday that is not the weekday of its date.
    WeekdayMismatch,
    /// One counted thing, counts that cannot overlap.
    CountMismatch,
    /// One measured thing, quantities that cannot overlap.
    QuantityMismatch,
    /// An ordinal inconsistent with the series' timeline.
    OrdinalConflict,
    /// One event, incompatible places.
    PlaceMismatch,
    /// One event, incompatible participants.
    ActorMismatch,
    /// Asserted by one source, denied by another.
    Contested,
    /// Stated as happened in one article, as not happened in another.
    PolarityConflict,
    /// An article disagreeing with itself.
    Internal,
    /// One entity spelled differently.
    NameVariant,
    /// A later report updates an earlier value (a rising toll).
    Update,
    /// One document copies another.
    Copy,
}

impl FindingKind {
    /// Every kind, in catalogue order.
    pub const ALL: [FindingKind; 13] = [
        FindingKind::DateMismatch,
        FindingKind::WeekdayMismatch,
        FindingKind::CountMismatch,
        FindingKind::QuantityMismatch,
        FindingKind::OrdinalConflict,
        FindingKind::PlaceMismatch,
        FindingKind::ActorMismatch,
        FindingKind::Contested,
        FindingKind::PolarityConflict,
        FindingKind::Internal,
        FindingKind::NameVariant,
        FindingKind::Update,
        FindingKind::Copy,
    ];

    /// Help text for the kind: what it detects, why an editor cares, an example, known false
    /// positives. Generated from the doc comment of the kind's rule file.
    pub fn help(self) -> &'static str {
        crate::rules::help(self)
    }

    /// The snake_case name used in JSON and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            FindingKind::DateMismatch => "date_mismatch",
            FindingKind::WeekdayMismatch => "weekday_mismatch",
            FindingKind::CountMismatch => "count_mismatch",
            FindingKind::QuantityMismatch => "quantity_mismatch",
            FindingKind::OrdinalConflict => "ordinal_conflict",
            FindingKind::PlaceMismatch => "place_mismatch",
            FindingKind::ActorMismatch => "actor_mismatch",
            FindingKind::Contested => "contested",
            FindingKind::PolarityConflict => "polarity_conflict",
            FindingKind::Internal => "internal",
            FindingKind::NameVariant => "name_variant",
            FindingKind::Update => "update",
            FindingKind::Copy => "copy",
        }
    }
}

/// One side of a finding: the evidence an editor needs without opening the article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side {
    /// Document id.
    pub doc: String,
    /// The claim, when the side is a claim.
    pub claim: Option<String>,
    /// The fact, when the side is a figure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fact: Option<String>,
    /// The exact words (a value, a name, a trigger) this side is about.
    pub span: Span,
    /// Exactly the original bytes of `span`.
    pub text: String,
    /// The sentence that contains it.
    pub sentence: Span,
    /// The normalized value in words ("2024-02-20", "≥ 9000", "ordinal 2 of زياره"), when there is one.
    pub value: Option<String>,
    /// Attribution chain as names, innermost first, outlet last.
    pub attribution: Vec<String>,
}

/// A conflict, an explained look-alike, or a note.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Stable within a run: `"F<n>"` in report order.
    pub id: String,
    /// Kind.
    pub kind: FindingKind,
    /// Severity.
    pub severity: Severity,
    /// One sentence saying what disagrees with what.
    pub message: String,
    /// Ids of every claim cited, every side.
    pub claims: Vec<String>,
    /// Ids of every fact cited, every side.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<String>,
    /// Why the apparent conflict is not one, when it is explained.
    pub resolution: Option<String>,
    /// The evidence, one entry per side.
    pub sides: Vec<Side>,
}
