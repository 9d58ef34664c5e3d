//! One fuzz input is one story: its articles separated by a NUL line. Every stage runs on it —
//! parse, claims, the story links, check — and every report is written (JSON, HTML, text, DOT):
//! none may panic, and every span a report quotes must lie on character boundaries of its article.

#![no_main]

use isnad_claims::entities::Gazetteer;
use isnad_claims::mentions::Lean;
use isnad_parser::{Document, ParseOptions, parse_document};
use isnad_report::{Report, TextOptions};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::builtin);

/// Up to this many articles per story: enough for every cross-article rule.
const MAX_ARTICLES: usize = 4;

fuzz_target!(|data: &[u8]| {
    let documents: Vec<Document> = data
        .split(|&b| b == 0)
        .take(MAX_ARTICLES)
        .enumerate()
        .filter_map(|(i, bytes)| {
            parse_document(&format!("{i}.txt"), bytes, &ParseOptions::default())
                .ok()
                .map(|(document, _)| document)
        })
        .collect();
    if documents.is_empty() {
        return;
    }
    let mut analyses: Vec<_> = documents
        .iter()
        .map(|document| isnad_claims::analyze(document, &GAZETTEER, Lean::Tense))
        .collect();
    isnad_claims::spread_story_names(&documents, &mut analyses);
    isnad_claims::link_story(&mut analyses);
    let check = isnad_graph::check_story(&documents, &analyses, &GAZETTEER);
    for (document, analysis) in documents.iter().zip(&analyses) {
        for claim in &analysis.claims {
            assert!(
                document.source.get(claim.span.range()).is_some(),
                "claim span {:?} is not text of {}",
                claim.span,
                document.id
            );
        }
    }
    let report = Report::build(&documents, &analyses, &check, &[]);
    let _ = report.to_json();
    let _ = isnad_report::render_html(&report, &documents);
    let _ = isnad_report::render_text(&report, &documents, TextOptions { quiet: false, color: true });
    let _ = isnad_report::graph_dot(&check.graph);
    let _ = isnad_report::graph_dot(&check.graph.story_level());
});
