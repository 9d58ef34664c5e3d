//! isnad-graph: merges the claims of a story's documents into one knowledge graph (petgraph) and
//! finds the conflicts between them, each with evidence and, where the conflict is only apparent,
//! the reason it is not one.
//!
//! Stages: [`view`] prepares each claim's comparable values; `events` merges claims into events
//! (keeping every merge or split decision with its reason); the rules (one file each in `rules/`)
//! turn events and claims into [`Finding`]s; `copies` finds syndicated copies.

mod copies;
mod events;
mod facts;
mod finding;
mod graph;
mod rules;
mod tally;
#[cfg(test)]
mod tests;
mod view;

pub use events::{Decision, Event};
pub use facts::{Comparison, Outcome, Pairs};
pub use finding::{Finding, FindingKind, Severity, Side};
pub use graph::{Edge, FoldedClaim, GraphLevel, KnowledgeGraph, Node};

use isnad_claims::DocAnalysis;
use isnad_claims::entities::Gazetteer;
use isnad_parser::Document;
use serde::Serialize;

/// One document derived from another (shared runs of normalized text).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CopyLink {
    /// The later (or derived) document.
    pub doc: String,
    /// The document it copies.
    pub source: String,
    /// Share of the derived document's sentences found in the source (0–1).
    pub overlap: f64,
}

/// The result of checking a story.
#[derive(Debug, Clone, Default, Serialize)]
pub struct StoryCheck {
    /// Findings, most severe first.
    pub findings: Vec<Finding>,
    /// Copies among the documents.
    pub copies: Vec<CopyLink>,
    /// Events merged across documents.
    pub events: Vec<Event>,
    /// Every merge or split decision between claims with the same participants.
    pub decisions: Vec<Decision>,
    /// Every comparison (or decision not to compare) between facts with one attribute.
    pub comparisons: Vec<Comparison>,
}

impl StoryCheck {
    /// The story's knowledge graph at the claim level, built from this check's events and
    /// copies when asked for: `isnad check` never draws it, so a check does not hold one (for a
    /// story of thousands of articles it was most of the check's memory).
    pub fn graph(&self, documents: &[Document], analyses: &[DocAnalysis]) -> KnowledgeGraph {
        KnowledgeGraph::build(documents, analyses, &self.events, &self.copies)
    }
}

/// What `isnad check` does with the documents of one story: analyzes them and links them across
/// the story ([`isnad_claims::analyze_story`]), then checks them ([`check_story`]). The CLI, the
/// benchmarks and the tests all go through these two steps, so a library caller gets the CLI's
/// findings.
pub fn check_documents(
    documents: &[Document],
    gazetteer: &Gazetteer,
    lean: isnad_claims::mentions::Lean,
) -> (Vec<DocAnalysis>, StoryCheck) {
    let analyses = isnad_claims::analyze_story(documents, gazetteer, lean, |_| {});
    let check = check_story(documents, &analyses, gazetteer);
    (analyses, check)
}

/// Checks a story whose documents are analyzed and linked ([`isnad_claims::analyze_story`]):
/// merges events, builds the graph and runs every rule.
pub fn check_story(documents: &[Document], analyses: &[DocAnalysis], gazetteer: &Gazetteer) -> StoryCheck {
    // Independent stages run side by side (the checks are sequential within a story otherwise).
    let (mut context, copies) = rayon::join(
        || view::Context::new(documents, analyses, gazetteer),
        || copies::find(documents),
    );
    let (mut events, decisions) = events::merge(&context);
    events::count_sources(&context, &mut events, &copies);
    let governments = finding::Governments::new(gazetteer);
    let findings = rules::run(&context, &events, &copies, &governments);
    // What the claims and facts were prepared into is not reported: let it go before the
    // findings are finished, which is where a story of many articles holds the most.
    let comparisons = std::mem::take(&mut context.compared.comparisons);
    drop(context);
    let mut findings = finding::finish(findings, documents, analyses, &governments);
    // Ordered by severity, kind and first side; a side's document is read as its place among the
    // story's ids (every side is of a document of the story), so the sort compares numbers.
    let mut ids: Vec<&str> = documents.iter().map(|d| d.id.as_str()).chain([""]).collect();
    ids.sort_unstable();
    ids.dedup();
    findings.sort_by_cached_key(|f| {
        let (doc, start) = first_position(f);
        let rank = ids.binary_search(&doc).unwrap_or_else(|at| at);
        (f.severity, f.kind, rank, start)
    });
    for (n, finding) in findings.iter_mut().enumerate() {
        finding.id = numbered('F', n + 1);
    }
    StoryCheck {
        findings,
        copies,
        events,
        decisions,
        comparisons,
    }
}

/// An id of a letter and a number ("F12"), written without the formatting machinery: a story
/// numbers thousands of findings and events.
pub(crate) fn numbered(letter: char, n: usize) -> String {
    let mut id = String::with_capacity(8);
    id.push(letter);
    push_digits(&mut id, n as u64);
    id
}

/// `before`, then `n` in decimal, then `after`: what `format!("{before}{n}{after}")` writes,
/// without the formatting machinery (reasons with a count of days are written by the thousand).
pub(crate) fn with_number(before: &str, n: i64, after: &str) -> String {
    let mut text = String::with_capacity(before.len() + 20 + after.len());
    text.push_str(before);
    if n < 0 {
        text.push('-');
    }
    push_digits(&mut text, n.unsigned_abs());
    text.push_str(after);
    text
}

/// Writes `n` in decimal at the end of `out`, as `{}` writes it.
pub(crate) fn push_digits(out: &mut String, n: u64) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    let mut rest = n;
    loop {
        start -= 1;
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    out.extend(digits[start..].iter().map(|&d| char::from(d)));
}

/// Where a finding's first side is, for a stable order.
fn first_position(finding: &Finding) -> (&str, usize) {
    finding
        .sides
        .first()
        .map_or(("", 0), |s| (s.doc.as_str(), s.span.start))
}
