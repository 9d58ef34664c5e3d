//! Unit tests' shared helper: a one-article story analysed as `isnad` would.

use crate::entities::Gazetteer;
use isnad_parser::{ParseOptions, parse_document};

/// The analysis of a one-article story written as its text (a headline line, then the body),
/// published on Thursday 12 June 2025.
pub(crate) fn analyze_article(text: &str) -> crate::DocAnalysis {
    let options = ParseOptions {
        fallback_date: chrono::NaiveDate::from_ymd_opt(2025, 6, 12),
        ..ParseOptions::default()
    };
    let (doc, _) = parse_document("a.txt", text.as_bytes(), &options).expect("parses");
    crate::analyze(&doc, &Gazetteer::builtin(), crate::mentions::Lean::Tense)
}
