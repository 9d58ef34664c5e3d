//! The knowledge graph as Graphviz DOT and as JSON (`isnad graph --format dot|json`).
//!
//! The DOT is drawn to be read: left to right, documents first, then the sources they cite, the
//! events, and the entities taking part in them last; whatever only one document mentions sits in
//! that document's box (`subgraph cluster_…`), what several share sits between the boxes; labels
//! are cut to a few words (the JSON has them whole).

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;

use isnad_graph::{Edge, KnowledgeGraph, Node};

use crate::bidi::escape_bidi;

/// Longest name or title drawn in a node, in characters, before it is cut with `…`.
const NAME_CHARS: usize = 28;
/// Longest claim text drawn in a claim node (claim level), in characters.
const CLAIM_CHARS: usize = 48;
/// Event types per line of a folded-events node.
const TYPES_PER_LINE: usize = 4;

/// The graph in Graphviz DOT, every id and label escaped, bidi controls written out (an id could
/// only meet another by holding the written-out form itself).
///
/// At the story level, the events a document alone tells once, with no named participant and no
/// source besides itself, are drawn as one node per document that counts them by type: listed
/// one by one they would make most of the drawing and say least (`--format json` keeps them).
pub fn graph_dot(graph: &KnowledgeGraph) -> String {
    let story = is_story_level(graph);
    let folded = if story {
        folded_events(graph)
    } else {
        BTreeMap::new()
    };
    let hidden: HashSet<&str> = folded.values().flatten().map(|e| e.id()).collect();
    let mut out = String::from("digraph isnad {\n");
    out += "  graph [rankdir=LR, newrank=true, nodesep=0.04, ranksep=0.5, fontname=\"sans-serif\", fontsize=10];\n";
    out += "  node [fontname=\"sans-serif\", fontsize=9, height=0.2, margin=\"0.06,0.02\", style=filled];\n";
    out += "  edge [fontname=\"sans-serif\", fontsize=8, color=\"#666666\", fontcolor=\"#444444\", arrowsize=0.6];\n";

    // Nodes by the document box they are drawn in (`None`: between the boxes).
    let mut boxes: BTreeMap<Option<&str>, Vec<&Node>> = BTreeMap::new();
    let mut documents = Vec::new();
    let mut entities = Vec::new();
    let mut events = Vec::new();
    for node in graph.nodes() {
        if hidden.contains(node.id()) {
            continue;
        }
        match node {
            Node::Document { .. } => documents.push(node.id().to_string()),
            Node::Entity { .. } => entities.push(node.id().to_string()),
            Node::Event { .. } if story => events.push(node.id().to_string()),
            _ => {}
        }
        // Entities are drawn outside the boxes, in the last column, where every event can reach them.
        let home = match node {
            Node::Entity { .. } => None,
            _ => graph.home_document(node.id()),
        };
        boxes.entry(home).or_default().push(node);
    }
    for (n, (home, nodes)) in boxes.iter().enumerate() {
        let indent = if home.is_some() { "    " } else { "  " };
        if let Some(doc) = home {
            let _ = writeln!(
                out,
                "  subgraph cluster_{n} {{\n    label={}; style=rounded; color=\"#9aa5b1\"; fontsize=10;",
                quoted(doc)
            );
        }
        for node in nodes {
            let _ = writeln!(
                out,
                "{indent}{} [{}];",
                quoted(node.id()),
                node_attributes(graph, node)
            );
        }
        if let Some(doc) = home
            && let Some(events) = folded.get(doc)
        {
            let _ = writeln!(
                out,
                "{indent}{} [label={}, shape=box, style=\"dashed,rounded\"];",
                quoted(&folded_id(doc)),
                quoted(&folded_label(events))
            );
        }
        if home.is_some() {
            out += "  }\n";
        }
    }
    // One column per kind: events side by side would stretch the page to one rank per
    // chain length, each doubled by the edge labels.
    events.extend(folded.keys().map(|doc| folded_id(doc)));
    rank(&mut out, "min", &documents);
    rank(&mut out, "same", &events);
    rank(&mut out, "max", &entities);
    for (from, to, edge) in graph.edges() {
        if hidden.contains(to.id()) {
            continue;
        }
        let _ = writeln!(
            out,
            "  {} -> {} [{}];",
            quoted(from.id()),
            quoted(to.id()),
            edge_attributes(edge)
        );
    }
    for doc in folded.keys() {
        let _ = writeln!(
            out,
            "  {} -> {} [style=dashed];",
            quoted(doc),
            quoted(&folded_id(doc))
        );
    }
    out.push_str("}\n");
    out
}

/// True when the graph is at the story level (claims folded into events).
fn is_story_level(graph: &KnowledgeGraph) -> bool {
    graph.level() == isnad_graph::GraphLevel::Story
}

/// The story-level events drawn folded, by document: told by one claim of one document, with
/// no participant, no source but the document, and nothing else tied to them. A document with
/// only one such event keeps it drawn.
fn folded_events(graph: &KnowledgeGraph) -> BTreeMap<&str, Vec<&Node>> {
    let mut ties: BTreeMap<&str, usize> = BTreeMap::new();
    for (from, to, _) in graph.edges() {
        *ties.entry(from.id()).or_default() += 1;
        *ties.entry(to.id()).or_default() += 1;
    }
    let mut folded: BTreeMap<&str, Vec<&Node>> = BTreeMap::new();
    for node in graph.nodes() {
        if let Node::Event { id, claims, .. } = node
            && claims.len() == 1
            && ties.get(id.as_str()) == Some(&1)
            && let Some(doc) = graph.home_document(id)
        {
            folded.entry(doc).or_default().push(node);
        }
    }
    folded.retain(|_, events| events.len() > 1);
    folded
}

/// The id of a document's folded-events node (a `#` cannot start one of our ids' own parts).
fn folded_id(doc: &str) -> String {
    format!("{doc}#more")
}

/// "N more events told once …" with the count of each event type, most frequent first.
fn folded_label(events: &[&Node]) -> String {
    let mut by_type: BTreeMap<&str, usize> = BTreeMap::new();
    for node in events {
        if let Node::Event { event, .. } = node {
            *by_type.entry(event).or_default() += 1;
        }
    }
    let mut counts: Vec<(&str, usize)> = by_type.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut label = format!("{} more events told once, no one named:", events.len());
    for (n, (event, count)) in counts.iter().enumerate() {
        label.push_str(if n % TYPES_PER_LINE == 0 { "\n" } else { ", " });
        let _ = write!(label, "{event} {count}");
    }
    label
}

/// A `{rank=…; …}` line holding `ids`, when there are any.
fn rank(out: &mut String, rank: &str, ids: &[String]) {
    if ids.is_empty() {
        return;
    }
    let ids: Vec<String> = ids.iter().map(|id| quoted(id)).collect();
    let _ = writeln!(out, "  {{rank={rank}; {};}}", ids.join("; "));
}

/// A node's DOT attributes: its short label, a shape and colour per kind.
fn node_attributes(graph: &KnowledgeGraph, node: &Node) -> String {
    let (label, style) = match node {
        Node::Document {
            id,
            outlet,
            published,
        } => {
            let mut label = outlet
                .as_deref()
                .map_or_else(|| ellipsize(id, NAME_CHARS), |o| ellipsize(o, NAME_CHARS));
            label.push('\n');
            label.push_str(published.as_deref().unwrap_or("date unknown"));
            (label, "shape=note, fillcolor=\"#dbe7f6\"")
        }
        Node::Source { name, .. } => (ellipsize(name, NAME_CHARS), "shape=house, fillcolor=\"#efe3f5\""),
        Node::Entity { name, .. } => (
            ellipsize(name, NAME_CHARS),
            "shape=ellipse, fillcolor=\"#e2f2e3\"",
        ),
        Node::Event { id, event, claims } => {
            let mut label = format!("{id} {event}");
            let documents = claims
                .iter()
                .map(|c| c.doc.as_str())
                .collect::<std::collections::BTreeSet<_>>()
                .len();
            // On the same line: the event column's height is the drawing's.
            match (claims.len(), documents) {
                (0 | 1, _) => {}
                (n, 1) => {
                    let _ = write!(label, " · {n} claims");
                }
                (n, d) => {
                    let _ = write!(label, " · {n} claims, {d} documents");
                }
            }
            let style = if graph.home_document(id).is_none() {
                // Told by several documents: the events a reader compares accounts of.
                "shape=box, style=\"rounded,filled,bold\", fillcolor=\"#ffe9b3\""
            } else {
                "shape=box, style=\"rounded,filled\", fillcolor=\"#fff6dc\""
            };
            (label, style)
        }
        Node::Claim { id, text } => (
            format!("{id}\n{}", ellipsize(text, CLAIM_CHARS)),
            "shape=box, fillcolor=\"#f4f4f4\", fontsize=9",
        ),
    };
    format!("label={}, {style}", quoted(&label))
}

/// An edge's DOT attributes: its label and a line style per kind.
fn edge_attributes(edge: &Edge) -> String {
    let style = match edge {
        Edge::Says { .. } | Edge::Relays { .. } | Edge::AttributedTo { .. } => {
            ", style=dashed, color=\"#8e5ea2\""
        }
        Edge::Reports { .. } | Edge::InDocument => ", color=\"#9aa5b1\"",
        Edge::Copies { .. } => ", style=bold, color=\"#c0392b\"",
        Edge::About | Edge::Role { .. } => "",
    };
    format!("label={}{style}", quoted(&edge_label(edge)))
}

/// An edge's short label: its role, its kind or the number of claims behind it.
fn edge_label(edge: &Edge) -> String {
    match edge {
        Edge::InDocument => "in".into(),
        Edge::AttributedTo { position } => format!("source {position}"),
        Edge::About => "about".into(),
        Edge::Role { role } => role.to_string(),
        Edge::Copies { overlap } => format!("copies {:.0}%", overlap * 100.0),
        Edge::Reports { claims } => times("", *claims),
        Edge::Says { claims } => times("says", *claims),
        Edge::Relays { claims } => times("relays", *claims),
    }
}

/// `word` with `×n` after it when `n` is more than one (a count of claims on an edge).
fn times(word: &str, n: usize) -> String {
    match (n, word.is_empty()) {
        (0 | 1, _) => word.to_string(),
        (_, true) => format!("×{n}"),
        (_, false) => format!("{word} ×{n}"),
    }
}

/// `text` cut to at most `max` characters, the last one `…` when it was cut.
fn ellipsize(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// `text` as a DOT string, its bidi controls written out.
fn quoted(text: &str) -> String {
    dot_string(&escape_bidi(text))
}

/// The graph as JSON, nodes and edges referring to each other by our ids:
///
/// ```json
/// {"schema": "isnad.graph/1", "level": "story",
///  "nodes": [{"kind": "document", "id": "a.txt", "outlet": "…", "published": "2024-02-20"},
///            {"kind": "event", "id": "E1", "event": "visit",
///             "claims": [{"id": "a.txt#3", "doc": "a.txt", "text": "…"}]},
///            {"kind": "entity", "id": "…", "name": "…"},
///            {"kind": "source", "id": "source:…", "name": "…", "entity": "…"}],
///  "edges": [{"kind": "reports", "from": "a.txt", "to": "E1", "claims": 1},
///            {"kind": "says", "from": "source:…", "to": "E1", "claims": 1},
///            {"kind": "relays", "from": "source:…", "to": "source:…", "claims": 1},
///            {"kind": "role", "from": "E1", "to": "…", "role": "agent"},
///            {"kind": "copies", "from": "b.txt", "to": "a.txt", "overlap": 0.8}]}
/// ```
///
/// `level` is `story` (the default of `isnad graph`: claims folded into their events, the
/// event's `claims` listing them) or `claims` (`isnad graph --claims`: every claim a node
/// `{"kind": "claim", "id", "text"}`, with edges `in_document` claim → document, `about`
/// claim → event and `attributed_to` claim → source with its `position` in the chain, 0 the
/// innermost; events have no `claims` list). A source's `entity` is there when its name resolved
/// to one.
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
    let level = serde_json::to_value(graph.level()).unwrap_or_default();
    serde_json::json!({ "schema": "isnad.graph/1", "level": level, "nodes": nodes, "edges": edges })
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
    use super::{dot_string, ellipsize};

    #[test]
    fn dot_labels_are_escaped() {
        assert_eq!(dot_string("قال \"نعم\"\\\nثم"), "\"قال \\\"نعم\\\"\\\\\\nثم\"");
    }

    #[test]
    fn long_names_are_cut_with_an_ellipsis() {
        assert_eq!(ellipsize("وزارة الخارجية", 28), "وزارة الخارجية");
        assert_eq!(
            ellipsize("وزير الدفاع الكوري الجنوبي شين وونسيك", 12),
            "وزير الدفاع…"
        );
        assert_eq!(ellipsize("abcdef", 4).chars().count(), 4);
    }
}
