//! The versioned JSON envelope (documented in docs/report-format.md).

use std::collections::HashMap;

use isnad_claims::claims::{Claim, Statement};
use isnad_claims::entities::{EntityId, EntityRecord, EntityType, NameSeen};
use isnad_claims::facts::{Fact, Participant};
use isnad_graph::{Comparison, CopyLink, Decision, Event, Finding};
use isnad_parser::{DateSource, Document};
use serde::Serialize;

/// Schema name and version of the envelope.
pub const SCHEMA: &str = "isnad.report/1";

/// The report envelope. It borrows what the pipeline made (a story of 10,000 articles holds
/// gigabytes of claims, facts and findings: copying them into the report would hold them twice).
#[derive(Debug, Clone, Serialize)]
pub struct Report<'a> {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// Documents read, sorted by id.
    pub documents: Vec<DocumentSummary>,
    /// Claims of all documents.
    pub claims: Vec<&'a Claim>,
    /// Statements (what each source says or denies, as open content) of all documents.
    pub statements: Vec<&'a Statement>,
    /// Facts (figures with what they measure, as of when, by whom) of all documents.
    pub facts: Vec<&'a Fact>,
    /// Who does what each clause says, and where, of all documents.
    pub participants: Vec<&'a Participant>,
    /// Entities of the story, with every name seen.
    pub entities: Vec<Entity<'a>>,
    /// Findings, most severe first.
    pub findings: &'a [Finding],
    /// Documents that copy others.
    pub copies: &'a [CopyLink],
    /// Events: claims merged across documents, with how many independent documents report each.
    pub events: &'a [Event],
    /// Every merge or split decision between claims with the same participants, with its reason.
    pub decisions: &'a [Decision],
    /// Every comparison (or decision not to compare) between facts with one attribute, with its
    /// reason.
    pub comparisons: &'a [Comparison],
    /// Inputs that could not be read.
    pub errors: Vec<ErrorEntry>,
}

/// An entity of the story: the record of the first document naming it, with the names every
/// document saw (serialized as an [`EntityRecord`]).
#[derive(Debug, Clone, Serialize)]
pub struct Entity<'a> {
    /// Stable id.
    pub id: &'a EntityId,
    /// Kind.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Canonical (or first seen) name.
    pub name: &'a str,
    /// Every spelling seen, with spans, in document order.
    pub names: Vec<&'a NameSeen>,
}

impl<'a> Entity<'a> {
    /// The entity of one document's record.
    pub fn of(record: &'a EntityRecord) -> Entity<'a> {
        Entity {
            id: &record.id,
            kind: record.kind,
            name: &record.name,
            names: record.names.iter().collect(),
        }
    }
}

/// A document in the envelope.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentSummary {
    /// Document id.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Where the date came from.
    pub published_from: Option<DateSource>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Size in bytes.
    pub bytes: usize,
}

impl DocumentSummary {
    /// Summarizes a parsed document.
    pub fn of(document: &Document) -> DocumentSummary {
        DocumentSummary {
            id: document.id.clone(),
            title: document.meta.title.clone(),
            published: document.meta.published.map(|d| d.format("%Y-%m-%d").to_string()),
            published_from: document.meta.published_from,
            outlet: document.meta.outlet.clone(),
            bytes: document.bytes,
        }
    }
}

/// An input that could not be read.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorEntry {
    /// The input's name, as documents are named: its path relative to the common folder of the
    /// inputs (the path as given when it could not be found).
    pub path: String,
    /// What went wrong.
    pub message: String,
}

impl<'a> Report<'a> {
    /// Assembles the envelope from the pipeline's results, borrowing them. Entities seen in
    /// several documents are merged by id, keeping every name seen.
    pub fn build(
        documents: &[Document],
        analyses: &'a [isnad_claims::DocAnalysis],
        check: &'a isnad_graph::StoryCheck,
        errors: &[isnad_parser::InputError],
    ) -> Report<'a> {
        let mut entities: Vec<Entity<'a>> = Vec::new();
        let mut index: HashMap<&EntityId, usize> = HashMap::new();
        for record in analyses.iter().flat_map(|a| &a.entities.entities) {
            match index.get(&record.id) {
                Some(&i) => entities[i].names.extend(&record.names),
                None => {
                    index.insert(&record.id, entities.len());
                    entities.push(Entity::of(record));
                }
            }
        }
        entities.sort_by(|a, b| a.id.cmp(b.id));
        Report {
            schema: SCHEMA,
            documents: documents.iter().map(DocumentSummary::of).collect(),
            claims: analyses.iter().flat_map(|a| &a.claims).collect(),
            statements: analyses.iter().flat_map(|a| &a.statements).collect(),
            facts: analyses.iter().flat_map(|a| &a.facts).collect(),
            participants: analyses.iter().flat_map(|a| &a.participants).collect(),
            entities,
            findings: &check.findings,
            copies: &check.copies,
            events: &check.events,
            decisions: &check.decisions,
            comparisons: &check.comparisons,
            errors: errors
                .iter()
                .map(|e| ErrorEntry {
                    path: e.id.clone(),
                    message: e.kind.to_string(),
                })
                .collect(),
        }
    }

    /// The envelope as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("the report serializes: all keys are strings")
    }

    /// The envelope as pretty-printed JSON, written as it is made: the report of a large story
    /// runs to hundreds of megabytes, which [`Report::to_json`] holds whole in memory first.
    /// Byte for byte what `to_json` returns.
    pub fn write_json<W: std::io::Write>(&self, writer: W) -> std::io::Result<()> {
        let mut writer = std::io::BufWriter::with_capacity(1 << 16, writer);
        serde_json::to_writer_pretty(&mut writer, self).map_err(std::io::Error::other)?;
        std::io::Write::flush(&mut writer)
    }
}
