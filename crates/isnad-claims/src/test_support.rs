//! Unit tests' shared helpers: a one-article story analysed as `isnad` would, and every bundled
//! article parsed.

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

/// Every article of the repository's `seeds/` and `fixtures/` that parses, with its path.
pub(crate) fn bundled_articles(options: &ParseOptions) -> Vec<(std::path::PathBuf, isnad_parser::Document)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut articles = Vec::new();
    let mut dirs = vec![root.join("seeds"), root.join("fixtures")];
    while let Some(dir) = dirs.pop() {
        for path in std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
        {
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|x| x == "txt") {
                let bytes = std::fs::read(&path).expect("readable article");
                if let Ok((doc, _)) = parse_document("a.txt", &bytes, options) {
                    articles.push((path, doc));
                }
            }
        }
    }
    articles
}
