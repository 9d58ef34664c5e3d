//! Checking short invented stories end to end, for the graph's tests.

use isnad_claims::entities::Gazetteer;
use isnad_claims::mentions::Lean;
use isnad_graph::{StoryCheck, check_documents};
use isnad_parser::{ParseOptions, parse_document};

/// Checks a story of `(id, publication date, text)` articles (a headline line, then the body).
pub fn check_articles(articles: &[(&str, &str, &str)]) -> (StoryCheck, Vec<isnad_parser::Document>) {
    let gazetteer = Gazetteer::builtin();
    let documents: Vec<_> = articles
        .iter()
        .map(|(id, published, text)| {
            let options = ParseOptions {
                fallback_date: published.parse().ok(),
                ..ParseOptions::default()
            };
            parse_document(id, text.as_bytes(), &options).expect("parses").0
        })
        .collect();
    let (_, check) = check_documents(&documents, &gazetteer, Lean::Tense);
    (check, documents)
}

/// The contradictions and tensions of a check: kind and the cited words of every side.
#[allow(dead_code)] // not every test binary asks for it
pub fn serious_sides(result: &StoryCheck) -> Vec<(isnad_graph::FindingKind, Vec<String>)> {
    result
        .findings
        .iter()
        .filter(|f| f.severity != isnad_graph::Severity::Note)
        .map(|f| (f.kind, f.sides.iter().map(|s| s.text.clone()).collect()))
        .collect()
}
