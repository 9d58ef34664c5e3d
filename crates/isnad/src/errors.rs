//! Rendering input errors with miette.

use isnad_parser::InputError;
use miette::Diagnostic;

/// An input that could not be read, as a miette diagnostic naming the file.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("cannot check {path}: {problem}")]
#[diagnostic(
    code(isnad::input),
    help("the other inputs were still checked; fix or remove this file")
)]
pub struct InputProblem {
    path: String,
    problem: String,
}

/// Prints every input error to standard error.
pub fn report(errors: &[InputError]) {
    for error in errors {
        let problem = InputProblem {
            path: error.path.clone(),
            problem: error.kind.to_string(),
        };
        eprintln!("{:?}", miette::Report::new(problem));
    }
}

/// Prints document diagnostics (an empty file, a legacy encoding decoded) to standard error.
pub fn warn(documents: &[isnad_parser::Document], diagnostics: &[Vec<isnad_parser::Diagnostic>]) {
    for (document, list) in documents.iter().zip(diagnostics) {
        for diagnostic in list {
            let label = if diagnostic.severity == isnad_parser::Severity::Warning {
                "warning"
            } else {
                "note"
            };
            eprintln!("{label}: {}: {}", document.id, diagnostic.message);
        }
    }
}

/// Says which files of the given directories were not read because they are not articles.
pub fn skipped(paths: &[std::path::PathBuf]) {
    if paths.is_empty() {
        return;
    }
    let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    eprintln!(
        "note: skipped {} file(s) that are not articles (only .txt, .text, .md and files without extension are read from directories): {}",
        names.len(),
        names.join(", ")
    );
}
