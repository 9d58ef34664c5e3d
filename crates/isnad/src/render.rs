//! Glue to the renderers of isnad-report and isnad-graph.

use std::io::IsTerminal;

use isnad_graph::KnowledgeGraph;
use isnad_parser::Document;
use isnad_report::Report;

/// The terminal report. `to_terminal` is true when the report goes to stdout (not `--output`);
/// colour is used only then, when stdout is a terminal and `NO_COLOR` is unset or empty.
pub fn text(report: &Report<'_>, documents: &[Document], quiet: bool, to_terminal: bool) -> String {
    let color = to_terminal && std::io::stdout().is_terminal() && !no_color(std::env::var_os("NO_COLOR"));
    isnad_report::render_text(report, documents, isnad_report::TextOptions { quiet, color })
}

/// True when `NO_COLOR` asks for no colour: set to anything but the empty string (no-color.org).
fn no_color(value: Option<std::ffi::OsString>) -> bool {
    value.is_some_and(|v| !v.is_empty())
}

/// The self-contained HTML page, written as it is made.
pub fn html(
    report: &Report<'_>,
    documents: &[Document],
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    isnad_report::render_html_to(report, documents, out)
}

/// The knowledge graph as DOT.
pub fn dot(graph: &KnowledgeGraph) -> String {
    isnad_report::graph_dot(graph)
}

/// The knowledge graph as JSON.
pub fn graph_json(graph: &KnowledgeGraph) -> miette::Result<String> {
    let json = serde_json::to_string_pretty(&isnad_report::graph_json(graph))
        .map_err(|e| miette::miette!("cannot write the graph: {e}"))?;
    Ok(json + "\n")
}

#[cfg(test)]
mod tests {
    use super::no_color;

    #[test]
    fn no_color_is_any_non_empty_value() {
        assert!(!no_color(None));
        assert!(!no_color(Some("".into())));
        assert!(no_color(Some("1".into())));
        assert!(no_color(Some("0".into())));
    }
}
