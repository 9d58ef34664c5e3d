//! The same files in any order give the same report, byte for byte (issue #17: 50 articles listed
//! in two orders gave 18 and 14 contradictions).

use isnad_claims::mentions::Lean;
use isnad_parser::ParseOptions;
use isnad_report::{Report, TextOptions, render_html, render_text};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

/// The seeds and one fixture story's articles: two folders, so ids hold folder names.
fn inputs() -> Vec<PathBuf> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    for folder in ["seeds", "fixtures/ferry-marsa-hamdan"] {
        for entry in std::fs::read_dir(repo.join(folder)).expect("folder") {
            let path = entry.expect("entry").path();
            if isnad_parser::is_article(&path) {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The JSON envelope, the terminal report and the HTML page of `check` over `paths`.
fn reports(paths: &[PathBuf]) -> (String, String, String) {
    let story = isnad::pipeline::read(paths, &ParseOptions::default());
    let gazetteer = isnad::pipeline::gazetteer(&[]).expect("gazetteer");
    let analyses = isnad::pipeline::analyze(&story, &gazetteer, Lean::Tense);
    let check = isnad_graph::check_story(&story.documents, &analyses, &gazetteer);
    let report = Report::build(&story.documents, &analyses, &check, &story.errors);
    let options = TextOptions {
        quiet: false,
        color: false,
    };
    (
        report.to_json(),
        render_text(&report, &story.documents, options),
        render_html(&report, &story.documents),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn permuting_the_inputs_changes_nothing(order in Just(inputs()).prop_shuffle()) {
        let reference = reports(&inputs());
        prop_assert!(
            reference.0.contains("\"fixtures/ferry-marsa-hamdan/01_bawabat_albahr.txt\""),
            "ids are relative to the common folder"
        );
        let permuted = reports(&order);
        prop_assert!(permuted.0 == reference.0, "JSON differs for {order:?}");
        prop_assert!(permuted.1 == reference.1, "text differs for {order:?}");
        prop_assert!(permuted.2 == reference.2, "HTML differs for {order:?}");
    }
}
