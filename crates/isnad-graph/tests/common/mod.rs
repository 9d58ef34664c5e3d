//! Checking short invented stories end to end, for the graph's tests.

use isnad_claims::entities::Gazetteer;
use isnad_claims::mentions::Lean;
use isnad_graph::{StoryCheck, check_story};
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
    let mut analyses: Vec<_> = documents
        .iter()
        .map(|d| isnad_claims::analyze(d, &gazetteer, Lean::Tense))
        .collect();
    isnad_claims::link_story(&mut analyses);
    (check_story(&documents, &analyses, &gazetteer), documents)
}
