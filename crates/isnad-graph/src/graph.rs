//! The story's knowledge graph (petgraph `StableGraph`): documents, sources, entities, events and
//! claims. Nodes carry our own ids; a `NodeIndex` is never persisted or printed.

use crate::CopyLink;
use crate::events::Event;
use isnad_claims::DocAnalysis;
use isnad_parser::Document;
use petgraph::stable_graph::{NodeIndex, StableGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use serde::Serialize;
use std::collections::HashMap;

/// A node: what it is and its id.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Node {
    /// An article.
    Document {
        /// Document id.
        id: String,
        /// Outlet, when known.
        outlet: Option<String>,
        /// Publication date, when known.
        published: Option<String>,
    },
    /// A link of an attribution chain: an outlet, agency or speaker.
    Source {
        /// `source:<name>`.
        id: String,
        /// Name as written.
        name: String,
    },
    /// A person, place, organization…
    Entity {
        /// Entity id.
        id: String,
        /// Name.
        name: String,
    },
    /// An event merged across documents.
    Event {
        /// Event id.
        id: String,
        /// Event type.
        event: String,
    },
    /// A claim.
    Claim {
        /// Claim id.
        id: String,
        /// Its text.
        text: String,
    },
}

impl Node {
    /// Our id of the node.
    pub fn id(&self) -> &str {
        match self {
            Node::Document { id, .. }
            | Node::Source { id, .. }
            | Node::Entity { id, .. }
            | Node::Event { id, .. }
            | Node::Claim { id, .. } => id,
        }
    }

    /// A short human-readable label (for drawings).
    pub fn label(&self) -> String {
        match self {
            Node::Document {
                id,
                outlet,
                published,
            } => {
                format!(
                    "{id}\n{}{}",
                    outlet.as_deref().unwrap_or(""),
                    published.as_deref().map(|p| format!(" {p}")).unwrap_or_default()
                )
            }
            Node::Source { name, .. } => name.clone(),
            Node::Entity { name, .. } => name.clone(),
            Node::Event { id, event } => format!("{id}: {event}"),
            Node::Claim { id, text } => {
                let short: String = text.chars().take(60).collect();
                format!("{id}\n{short}")
            }
        }
    }

    /// A Graphviz shape suggesting the node's kind.
    pub fn shape(&self) -> &'static str {
        match self {
            Node::Document { .. } => "note",
            Node::Source { .. } => "house",
            Node::Entity { .. } => "ellipse",
            Node::Event { .. } => "diamond",
            Node::Claim { .. } => "box",
        }
    }
}

/// An edge: how two nodes relate.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Edge {
    /// claim → document it is in.
    InDocument,
    /// claim → source, with the position in the chain (0 = innermost).
    AttributedTo {
        /// Position in the chain.
        position: usize,
    },
    /// claim → event it is about.
    About,
    /// event → entity, with the entity's role.
    Role {
        /// The role.
        role: isnad_claims::claims::Role,
    },
    /// document → document it copies.
    Copies {
        /// Share of sentences copied.
        overlap: f64,
    },
}

impl Edge {
    /// A short label (for drawings).
    pub fn label(&self) -> String {
        match self {
            Edge::InDocument => "in".into(),
            Edge::AttributedTo { position } => format!("source {position}"),
            Edge::About => "about".into(),
            Edge::Role { role } => role.to_string(),
            Edge::Copies { overlap } => format!("copies {:.0}%", overlap * 100.0),
        }
    }
}

/// The knowledge graph of a story.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeGraph {
    graph: StableGraph<Node, Edge>,
    index: HashMap<String, NodeIndex>,
}

impl KnowledgeGraph {
    /// Builds the graph from the story's documents, analyses, merged events and copies.
    pub(crate) fn build(
        documents: &[Document],
        analyses: &[DocAnalysis],
        events: &[Event],
        copies: &[CopyLink],
    ) -> KnowledgeGraph {
        let mut kg = KnowledgeGraph::default();
        for document in documents {
            kg.node(&document.id, || Node::Document {
                id: document.id.clone(),
                outlet: document.meta.outlet.clone(),
                published: document.meta.published.map(|d| d.to_string()),
            });
        }
        let mut event_of: HashMap<&str, &str> = HashMap::new();
        for event in events {
            kg.node(&event.id, || Node::Event {
                id: event.id.clone(),
                event: event.event.clone(),
            });
            for claim in &event.claims {
                event_of.insert(claim, &event.id);
            }
        }
        let mut source_id = String::new();
        for analysis in analyses {
            for record in &analysis.entities.entities {
                kg.node(record.id.as_str(), || Node::Entity {
                    id: record.id.to_string(),
                    name: record.name.clone(),
                });
            }
            for claim in &analysis.claims {
                let c = kg.node(&claim.id, || Node::Claim {
                    id: claim.id.clone(),
                    text: claim.text.clone(),
                });
                if let Some(&d) = kg.index.get(&claim.doc) {
                    kg.graph.add_edge(c, d, Edge::InDocument);
                }
                for (position, source) in claim.attribution.iter().enumerate() {
                    source_id.clear();
                    source_id.push_str("source:");
                    source_id.push_str(&source.name);
                    let s = kg.node(&source_id, || Node::Source {
                        id: source_id.clone(),
                        name: source.name.clone(),
                    });
                    kg.graph.add_edge(c, s, Edge::AttributedTo { position });
                }
                if let Some(&event) = event_of.get(claim.id.as_str())
                    && let Some(&e) = kg.index.get(event)
                {
                    kg.graph.add_edge(c, e, Edge::About);
                    for (role, filler) in &claim.roles {
                        let Some(entity) = &filler.entity else { continue };
                        let n = kg.node(entity.as_str(), || Node::Entity {
                            id: entity.to_string(),
                            name: filler.text.clone(),
                        });
                        let exists = kg
                            .graph
                            .edges_connecting(e, n)
                            .any(|edge| matches!(edge.weight(), Edge::Role { role: r } if r == role));
                        if !exists {
                            kg.graph.add_edge(e, n, Edge::Role { role: *role });
                        }
                    }
                }
            }
        }
        for link in copies {
            if let (Some(&a), Some(&b)) = (kg.index.get(&link.doc), kg.index.get(&link.source)) {
                kg.graph.add_edge(
                    a,
                    b,
                    Edge::Copies {
                        overlap: link.overlap,
                    },
                );
            }
        }
        kg
    }

    /// Adds the node `make` builds unless one with the id `id` exists (the node's own id, checked
    /// before building it: most ids recur); returns its index.
    fn node(&mut self, id: &str, make: impl FnOnce() -> Node) -> NodeIndex {
        if let Some(&i) = self.index.get(id) {
            return i;
        }
        let node = make();
        let id = node.id().to_string();
        let i = self.graph.add_node(node);
        self.index.insert(id, i);
        i
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Every node.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.graph.node_indices().map(|i| &self.graph[i])
    }

    /// Every edge as (from, to, edge).
    pub fn edges(&self) -> impl Iterator<Item = (&Node, &Node, &Edge)> {
        (&self.graph)
            .edge_references()
            .map(|e| (&self.graph[e.source()], &self.graph[e.target()], e.weight()))
    }
}
