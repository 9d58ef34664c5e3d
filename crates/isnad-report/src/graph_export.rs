//! The knowledge graph as Graphviz DOT and as JSON (`isnad graph --format dot|json`).

use isnad_graph::KnowledgeGraph;

use crate::bidi::escape_bidi;

/// The graph in Graphviz DOT, every id and label escaped, bidi controls written out (an id could
/// only meet another by holding the written-out form itself).
pub fn graph_dot(graph: &KnowledgeGraph) -> String {
    let mut out = String::from("digraph isnad {\n  rankdir=LR;\n  node [fontname=\"sans-serif\"];\n");
    for node in graph.nodes() {
        out += &format!(
            "  {} [label={}, shape={}];\n",
            dot_string(&escape_bidi(node.id())),
            dot_string(&escape_bidi(&node.label())),
            node.shape()
        );
    }
    for (from, to, edge) in graph.edges() {
        out += &format!(
            "  {} -> {} [label={}];\n",
            dot_string(&escape_bidi(from.id())),
            dot_string(&escape_bidi(to.id())),
            dot_string(&escape_bidi(&edge.label()))
        );
    }
    out.push_str("}\n");
    out
}

/// The graph as JSON: `{"schema": "isnad.graph/1", "nodes": [...], "edges": [{"from", "to", "kind", ...}]}`,
/// nodes and edges referring to each other by our ids.
pub fn graph_json(graph: &KnowledgeGraph) -> serde_json::Value {
    let nodes: Vec<serde_json::Value> = graph
        .nodes()
        .map(|n| serde_json::to_value(n).unwrap_or_default())
        .collect();
    let edges: Vec<serde_json::Value> = graph
        .edges()
        .map(|(from, to, edge)| {
            let mut value = serde_json::to_value(edge).unwrap_or_default();
            value["from"] = from.id().into();
            value["to"] = to.id().into();
            value
        })
        .collect();
    serde_json::json!({ "schema": "isnad.graph/1", "nodes": nodes, "edges": edges })
}

/// A DOT double-quoted string with quotes, backslashes and newlines escaped.
fn dot_string(text: &str) -> String {
    let mut out = String::from("\"");
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::dot_string;

    #[test]
    fn dot_labels_are_escaped() {
        assert_eq!(dot_string("قال \"نعم\"\\\nثم"), "\"قال \\\"نعم\\\"\\\\\\nثم\"");
    }
}
