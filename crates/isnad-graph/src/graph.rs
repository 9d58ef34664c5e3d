//! The story's knowledge graph (petgraph `StableGraph`): documents, sources, entities, events and
//! claims. Nodes carry our own ids; a `NodeIndex` is never persisted or printed.
//!
//! Two levels: the claim level ([`KnowledgeGraph`] as built, every claim a node) and the story
//! level ([`KnowledgeGraph::story_level`]), where each claim is folded into its event and what
//! the claims said becomes edges between documents, sources, events and entities.

use crate::CopyLink;
use crate::events::Event;
use isnad_claims::DocAnalysis;
use isnad_parser::Document;
use petgraph::stable_graph::{NodeIndex, StableGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

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
        /// The entity the name resolved to, when it did.
        #[serde(skip_serializing_if = "Option::is_none")]
        entity: Option<String>,
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
        /// Its claims, at the story level (empty at the claim level, where they are nodes).
        #[serde(skip_serializing_if = "Vec::is_empty")]
        claims: Vec<FoldedClaim>,
    },
    /// A claim.
    Claim {
        /// Claim id.
        id: String,
        /// Its text.
        text: std::sync::Arc<str>,
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
}

/// A claim folded into its event (story level).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FoldedClaim {
    /// Claim id.
    pub id: String,
    /// The document it is in.
    pub doc: String,
    /// Its text.
    pub text: String,
}

/// Which level a graph is drawn at.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GraphLevel {
    /// Every claim is a node, tied to its document, sources and event.
    #[default]
    Claims,
    /// Claims folded into their events; documents report events, sources say them.
    Story,
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
    /// document → event it reports (story level).
    Reports {
        /// How many of the document's claims are about the event.
        claims: usize,
    },
    /// source or entity → event it is cited for (story level): the innermost link of a claim's
    /// attribution chain, when the claim has one besides its outlet.
    Says {
        /// How many claims cite it for the event.
        claims: usize,
    },
    /// source → source it cites (story level): an agency relaying a spokesman.
    Relays {
        /// How many claims have this link.
        claims: usize,
    },
}

/// The knowledge graph of a story.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeGraph {
    graph: StableGraph<Node, Edge>,
    index: HashMap<String, NodeIndex>,
    /// The documents that mention each node (by id), for drawings that group nodes by document.
    mentioned_in: HashMap<String, BTreeSet<String>>,
    level: GraphLevel,
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
            kg.mention(&document.id, &document.id);
        }
        let mut event_of: HashMap<&str, &str> = HashMap::new();
        for event in events {
            kg.node(&event.id, || Node::Event {
                id: event.id.clone(),
                event: event.event.to_string(),
                claims: Vec::new(),
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
                kg.mention(&claim.id, &claim.doc);
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
                        entity: source.entity.as_ref().map(|e| e.to_string()),
                    });
                    kg.mention(&source_id, &claim.doc);
                    kg.graph.add_edge(c, s, Edge::AttributedTo { position });
                }
                if let Some(&event) = event_of.get(claim.id.as_str())
                    && let Some(&e) = kg.index.get(event)
                {
                    kg.mention(event, &claim.doc);
                    kg.graph.add_edge(c, e, Edge::About);
                    for (role, filler) in &claim.roles {
                        let Some(entity) = &filler.entity else { continue };
                        let n = kg.node(entity.as_str(), || Node::Entity {
                            id: entity.to_string(),
                            name: filler.text.clone(),
                        });
                        kg.mention(entity.as_str(), &claim.doc);
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

    /// The story level of this graph: each claim folded into its event (its id, document and
    /// text), and what the claims said as edges: the document reports the event, the innermost
    /// source besides the outlet says it (the entity it resolved to, when it did, so two
    /// spellings of one speaker are one node), outer sources relay inner ones, the event's
    /// participants keep their roles. Entities no event or claim refers to are left out.
    /// A graph already at the story level is returned as it is.
    pub fn story_level(&self) -> KnowledgeGraph {
        if self.level == GraphLevel::Story {
            return self.clone();
        }
        let mut story = KnowledgeGraph {
            level: GraphLevel::Story,
            ..KnowledgeGraph::default()
        };
        let mut counts = EdgeCounts::default();
        // Documents first and events in their order, so the story graph lists them as this one does.
        for i in self.graph.node_indices() {
            if let node @ (Node::Document { .. } | Node::Event { .. }) = &self.graph[i] {
                story.node(node.id(), || node.clone());
                story
                    .mentioned_in
                    .insert(node.id().to_string(), self.documents_mentioning(node.id()));
            }
        }
        for i in self.graph.node_indices() {
            let Node::Claim { id, text } = &self.graph[i] else {
                continue;
            };
            let mut doc = None;
            let mut event = None;
            let mut chain: Vec<(usize, NodeIndex)> = Vec::new();
            for edge in self.graph.edges(i) {
                match edge.weight() {
                    Edge::InDocument => doc = Some(edge.target()),
                    Edge::About => event = Some(edge.target()),
                    Edge::AttributedTo { position } => chain.push((*position, edge.target())),
                    _ => {}
                }
            }
            let (Some(doc), Some(event)) = (doc, event) else {
                continue;
            };
            let doc_id = self.graph[doc].id();
            let event_id = self.graph[event].id();
            let e = story.index[event_id];
            if let Node::Event { claims, .. } = &mut story.graph[e] {
                claims.push(FoldedClaim {
                    id: id.clone(),
                    doc: doc_id.to_string(),
                    text: text.to_string(),
                });
            }
            counts.add(story.index[doc_id], e, EdgeKind::Reports);
            // Innermost first; the outlet, always last, is the document itself here.
            chain.sort_unstable_by_key(|&(position, _)| position);
            chain.pop();
            let speakers: Vec<NodeIndex> = chain
                .iter()
                .map(|&(_, s)| story.speaker(self, s, doc_id))
                .collect();
            if let Some(&innermost) = speakers.first() {
                counts.add(innermost, e, EdgeKind::Says);
            }
            for pair in speakers.windows(2) {
                if pair[0] != pair[1] {
                    counts.add(pair[1], pair[0], EdgeKind::Relays);
                }
            }
        }
        for (from, to, kind, n) in counts.into_edges() {
            let edge = match kind {
                EdgeKind::Reports => Edge::Reports { claims: n },
                EdgeKind::Says => Edge::Says { claims: n },
                EdgeKind::Relays => Edge::Relays { claims: n },
            };
            story.graph.add_edge(from, to, edge);
        }
        for edge in self.graph.edge_references() {
            let (from, to) = (&self.graph[edge.source()], &self.graph[edge.target()]);
            match edge.weight() {
                Edge::Role { .. } => {
                    let e = story.index[from.id()];
                    let n = story.node(to.id(), || to.clone());
                    for doc in self.documents_mentioning(to.id()) {
                        story.mention(to.id(), &doc);
                    }
                    story.graph.add_edge(e, n, edge.weight().clone());
                }
                Edge::Copies { .. } => {
                    story.graph.add_edge(
                        story.index[from.id()],
                        story.index[to.id()],
                        edge.weight().clone(),
                    );
                }
                _ => {}
            }
        }
        story
    }

    /// The story-level node that speaks for the claim-level source `source` (cited in
    /// `doc`): its entity when it resolved to one the graph knows, else the source itself.
    fn speaker(&mut self, claims: &KnowledgeGraph, source: NodeIndex, doc: &str) -> NodeIndex {
        let node = &claims.graph[source];
        let entity = match node {
            Node::Source {
                entity: Some(entity), ..
            } => claims.index.get(entity.as_str()).map(|&i| &claims.graph[i]),
            _ => None,
        };
        let node = entity.unwrap_or(node);
        let i = self.node(node.id(), || node.clone());
        self.mention(node.id(), doc);
        i
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

    /// Notes that `doc` mentions the node `id`.
    fn mention(&mut self, id: &str, doc: &str) {
        match self.mentioned_in.get_mut(id) {
            Some(docs) => {
                if !docs.contains(doc) {
                    docs.insert(doc.to_string());
                }
            }
            None => {
                self.mentioned_in
                    .insert(id.to_string(), BTreeSet::from([doc.to_string()]));
            }
        }
    }

    /// The documents that mention the node `id`, in id order.
    fn documents_mentioning(&self, id: &str) -> BTreeSet<String> {
        self.mentioned_in.get(id).cloned().unwrap_or_default()
    }

    /// The one document every mention of the node `id` comes from, when there is one (a
    /// document is its own); `None` for a node several documents share.
    pub fn home_document(&self, id: &str) -> Option<&str> {
        match self.mentioned_in.get(id) {
            Some(docs) if docs.len() == 1 => docs.first().map(String::as_str),
            _ => None,
        }
    }

    /// Which level the graph is at.
    pub fn level(&self) -> GraphLevel {
        self.level
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

/// The kinds of story-level edges counted over claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum EdgeKind {
    Reports,
    Says,
    Relays,
}

/// Story-level edges with the number of claims behind each, in the order first met.
#[derive(Default)]
struct EdgeCounts {
    order: Vec<(NodeIndex, NodeIndex, EdgeKind)>,
    counts: HashMap<(NodeIndex, NodeIndex, EdgeKind), usize>,
}

impl EdgeCounts {
    fn add(&mut self, from: NodeIndex, to: NodeIndex, kind: EdgeKind) {
        let key = (from, to, kind);
        let count = self.counts.entry(key).or_insert_with(|| {
            self.order.push(key);
            0
        });
        *count += 1;
    }

    fn into_edges(self) -> impl Iterator<Item = (NodeIndex, NodeIndex, EdgeKind, usize)> {
        let counts = self.counts;
        self.order
            .into_iter()
            .map(move |key| (key.0, key.1, key.2, counts[&key]))
    }
}
