//! Glue to the renderers of isnad-report and isnad-graph.

use isnad_graph::StoryCheck;
use isnad_parser::Document;
use isnad_report::Report;

/// The terminal report.
pub fn text(report: &Report, documents: &[Document], quiet: bool, to_terminal: bool) -> String {
    let _ = (documents, quiet, to_terminal);
    report.to_json()
}

/// The self-contained HTML page.
pub fn html(report: &Report, documents: &[Document]) -> String {
    let _ = documents;
    report.to_json()
}

/// The knowledge graph as DOT.
pub fn dot(check: &StoryCheck) -> String {
    let _ = check;
    String::from("digraph isnad {}\n")
}

/// The knowledge graph as JSON.
pub fn graph_json(check: &StoryCheck) -> miette::Result<String> {
    let _ = check;
    Ok(String::from("{}\n"))
}
