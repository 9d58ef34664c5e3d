//! Rendering input errors and notes with miette, every path with its bidi controls written out
//! and its Arabic isolated from the message around it.

use isnad_parser::{InputError, InputErrorKind, InputNote};
use isnad_report::isolate;
use miette::Diagnostic;

/// An input that could not be read, as a miette diagnostic naming the file.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("cannot check {path}: {problem}")]
#[diagnostic(code(isnad::input))]
pub struct InputProblem {
    path: String,
    problem: String,
    #[help]
    help: String,
}

/// Prints every input error to standard error.
pub fn report(errors: &[InputError]) {
    for error in errors {
        let mut help = "the other inputs were still checked; fix or remove this file".to_string();
        if matches!(error.kind, InputErrorKind::InvalidUtf8 { .. }) {
            help += ", or read it with --lossy (bad bytes become U+FFFD)";
        }
        let problem = InputProblem {
            path: isolate(&error.path),
            problem: error.kind.to_string(),
            help,
        };
        eprintln!("{:?}", miette::Report::new(problem));
    }
}

/// The word a message of this severity is printed with.
fn label(severity: isnad_parser::Severity) -> &'static str {
    if severity == isnad_parser::Severity::Warning {
        "warning"
    } else {
        "note"
    }
}

/// Prints document diagnostics (an empty file, a legacy encoding decoded) to standard error.
pub fn warn(documents: &[isnad_parser::Document], diagnostics: &[Vec<isnad_parser::Diagnostic>]) {
    for (document, list) in documents.iter().zip(diagnostics) {
        for diagnostic in list {
            eprintln!(
                "{}: {}: {}",
                label(diagnostic.severity),
                isolate(&document.id),
                diagnostic.message
            );
        }
    }
}

/// Prints what was left out on purpose (special files, second visits, isnad's own reports) and
/// folders without Arabic.
pub fn notes(notes: &[InputNote]) {
    for note in notes {
        eprintln!(
            "{}: {}: {}",
            label(note.severity()),
            isolate(&note.path),
            note.kind
        );
    }
}

/// Says which files of the given directories were not read because they are not articles.
pub fn skipped(paths: &[std::path::PathBuf]) {
    if paths.is_empty() {
        return;
    }
    let names: Vec<String> = paths.iter().map(|p| isolate(&p.display().to_string())).collect();
    eprintln!(
        "note: skipped {} file(s) that are not articles (only .txt, .text, .md and files without extension are read from directories): {}",
        names.len(),
        names.join(", ")
    );
}
