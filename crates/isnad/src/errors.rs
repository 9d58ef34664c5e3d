//! Rendering input errors with miette.

use isnad_parser::InputError;
use miette::Diagnostic;

/// An input that could not be read, as a miette diagnostic naming the file.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("cannot check {path}: {problem}")]
#[diagnostic(code(isnad::input), help("the other inputs were still checked; fix or remove this file"))]
pub struct InputProblem {
    path: String,
    problem: String,
}

/// Prints every input error to standard error.
pub fn report(errors: &[InputError]) {
    for error in errors {
        let problem = InputProblem { path: error.path.clone(), problem: error.kind.to_string() };
        eprintln!("{:?}", miette::Report::new(problem));
    }
}

/// Prints document diagnostics (warnings such as an empty file) to standard error.
pub fn warn(documents: &[isnad_parser::Document], diagnostics: &[Vec<isnad_parser::Diagnostic>]) {
    for (document, list) in documents.iter().zip(diagnostics) {
        for diagnostic in list.iter().filter(|d| d.severity == isnad_parser::Severity::Warning) {
            eprintln!("warning: {}: {}", document.id, diagnostic.message);
        }
    }
}
