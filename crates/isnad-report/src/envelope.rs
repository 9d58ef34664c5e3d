//! The versioned JSON envelope (documented in docs/report-format.md).

use isnad_claims::claims::Claim;
use isnad_claims::entities::EntityRecord;
use isnad_claims::facts::Fact;
use isnad_graph::{CopyLink, Finding};
use isnad_parser::{DateSource, Document};
use serde::Serialize;

/// Schema name and version of the envelope.
pub const SCHEMA: &str = "isnad.report/1";

/// The report envelope.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// Documents read, sorted by id.
    pub documents: Vec<DocumentSummary>,
    /// Claims of all documents.
    pub claims: Vec<Claim>,
    /// Statements (what each source says or denies, as open content) of all documents.
    pub statements: Vec<isnad_claims::claims::Statement>,
    /// Facts (figures with what they measure, as of when, by whom) of all documents.
    pub facts: Vec<Fact>,
    /// Who does what each clause says, and where, of all documents.
    pub participants: Vec<isnad_claims::facts::Participant>,
    /// Entities of the story, with every name seen.
    pub entities: Vec<EntityRecord>,
    /// Findings, most severe first.
    pub findings: Vec<Finding>,
    /// Documents that copy others.
    pub copies: Vec<CopyLink>,
    /// Events: claims merged across documents, with how many independent documents report each.
    pub events: Vec<isnad_graph::Event>,
    /// Every merge or split decision between claims with the same participants, with its reason.
    pub decisions: Vec<isnad_graph::Decision>,
    /// Every comparison (or decision not to compare) between facts with one attribute, with its
    /// reason.
    pub comparisons: Vec<isnad_graph::Comparison>,
    /// Inputs that could not be read.
    pub errors: Vec<ErrorEntry>,
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

impl Report {
    /// Assembles the envelope from the pipeline's results. Entities seen in several documents are
    /// merged by id, keeping every name seen.
    pub fn build(
        documents: &[Document],
        analyses: &[isnad_claims::DocAnalysis],
        check: &isnad_graph::StoryCheck,
        errors: &[isnad_parser::InputError],
    ) -> Report {
        let mut entities: Vec<EntityRecord> = Vec::new();
        let mut index = std::collections::HashMap::new();
        for record in analyses.iter().flat_map(|a| &a.entities.entities) {
            match index.get(&record.id) {
                Some(&i) => {
                    let merged: &mut EntityRecord = &mut entities[i];
                    merged.names.extend(record.names.iter().cloned());
                }
                None => {
                    index.insert(record.id.clone(), entities.len());
                    entities.push(record.clone());
                }
            }
        }
        entities.sort_by(|a, b| a.id.cmp(&b.id));
        Report {
            schema: SCHEMA,
            documents: documents.iter().map(DocumentSummary::of).collect(),
            claims: analyses.iter().flat_map(|a| a.claims.iter().cloned()).collect(),
            statements: analyses
                .iter()
                .flat_map(|a| a.statements.iter().cloned())
                .collect(),
            facts: analyses.iter().flat_map(|a| a.facts.iter().cloned()).collect(),
            participants: analyses
                .iter()
                .flat_map(|a| a.participants.iter().cloned())
                .collect(),
            entities,
            findings: check.findings.clone(),
            copies: check.copies.clone(),
            events: check.events.clone(),
            decisions: check.decisions.clone(),
            comparisons: check.comparisons.clone(),
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
        let mut writer = std::io::BufWriter::new(writer);
        serde_json::to_writer_pretty(&mut writer, self).map_err(std::io::Error::other)?;
        std::io::Write::flush(&mut writer)
    }
}
