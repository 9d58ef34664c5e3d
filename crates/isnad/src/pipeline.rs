//! Runs the stages over a set of inputs: parse, then analyze documents in parallel.

use isnad_claims::DocAnalysis;
use isnad_claims::entities::Gazetteer;
use isnad_claims::mentions::Lean;
use isnad_parser::{Diagnostic, Document, InputError, InputNote, InputNoteKind, ParseOptions};

/// Everything read and extracted from the inputs.
pub struct Story {
    /// Parsed documents, sorted by id.
    pub documents: Vec<Document>,
    /// Per-document diagnostics, parallel to `documents`.
    pub diagnostics: Vec<Vec<Diagnostic>>,
    /// Inputs that could not be read.
    pub errors: Vec<InputError>,
    /// Files in the given directories that were not read because they are not articles.
    pub skipped: Vec<std::path::PathBuf>,
    /// Inputs left out on purpose (special files, second visits, isnad's own reports) and folders
    /// without Arabic.
    pub notes: Vec<InputNote>,
}

/// Reads and parses every input; unreadable ones are collected, never fatal. isnad's own reports
/// found among them are left out with a note.
pub fn read(paths: &[std::path::PathBuf], options: &ParseOptions) -> Story {
    let loaded = isnad_parser::load(paths, options);
    let mut notes = loaded.notes;
    let (documents, diagnostics) = loaded
        .documents
        .into_iter()
        .filter(|(document, _)| match isnad_report::own_output(&document.source) {
            Some(kind) => {
                notes.push(InputNote {
                    path: document.id.clone(),
                    kind: InputNoteKind::OwnOutput(kind),
                });
                false
            }
            None => true,
        })
        .unzip();
    Story {
        documents,
        diagnostics,
        errors: loaded.errors,
        skipped: loaded.skipped,
        notes,
    }
}

/// The gazetteer: built-in data plus the user's files.
pub fn gazetteer(extra: &[std::path::PathBuf]) -> miette::Result<Gazetteer> {
    let mut gazetteer = Gazetteer::builtin();
    for path in extra {
        gazetteer.load_file(path).map_err(|e| miette::miette!("{e}"))?;
    }
    Ok(gazetteer)
}

/// Extracts mentions, entities, claims and facts from every document, in parallel, and links
/// them across the story ([`isnad_claims::analyze_story`], as every command does).
pub fn analyze(story: &Story, gazetteer: &Gazetteer, lean: Lean) -> Vec<DocAnalysis> {
    let progress = crate::progress::bar(&story.documents, "analyzing");
    let analyses = isnad_claims::analyze_story(&story.documents, gazetteer, lean, |document| {
        progress.inc(document.bytes as u64)
    });
    progress.finish_and_clear();
    analyses
}
