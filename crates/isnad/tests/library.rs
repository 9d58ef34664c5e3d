//! A library caller of `isnad_graph::check_documents` gets what `isnad check` reports: the same
//! analysis (linked across the story) and the same findings.

use std::path::PathBuf;
use std::process::Command;

use isnad_claims::mentions::Lean;
use isnad_parser::ParseOptions;
use isnad_report::Report;
use serde_json::Value;

/// The findings and claims of a JSON report, the parts a library caller compares.
fn findings_and_claims(json: &str) -> (Value, Value) {
    let report: Value = serde_json::from_str(json).expect("a JSON report");
    (report["findings"].clone(), report["claims"].clone())
}

#[test]
fn check_documents_finds_what_isnad_check_reports() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    for story in ["seeds", "fixtures/summit-amman"] {
        let folder = root.join(story);
        let read = isnad::pipeline::read(std::slice::from_ref(&folder), &ParseOptions::default());
        let gazetteer = isnad::pipeline::gazetteer(&[]).expect("gazetteer");
        let (analyses, check) = isnad_graph::check_documents(&read.documents, &gazetteer, Lean::Tense);
        let library = Report::build(&read.documents, &analyses, &check, &read.errors).to_json();

        let cli = Command::new(env!("CARGO_BIN_EXE_isnad"))
            .args(["check", "--format", "json", "--fail-on", "never"])
            .arg(&folder)
            .output()
            .expect("isnad runs");
        assert!(
            cli.status.success(),
            "{story}: {}",
            String::from_utf8_lossy(&cli.stderr)
        );
        let (lib_findings, lib_claims) = findings_and_claims(&library);
        let (cli_findings, cli_claims) = findings_and_claims(&String::from_utf8_lossy(&cli.stdout));
        assert!(
            lib_findings.as_array().is_some_and(|f| !f.is_empty()),
            "{story}: no findings"
        );
        assert_eq!(lib_findings, cli_findings, "{story}: findings differ");
        assert_eq!(lib_claims, cli_claims, "{story}: claims differ");
    }
}
