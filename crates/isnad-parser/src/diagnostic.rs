//! Diagnostics: what looked wrong in an input that still parsed.

use crate::Span;
use serde::Serialize;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth telling the user; results are still complete.
    Warning,
    /// For information only.
    Info,
}

/// Something a stage noticed about its input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// How serious.
    pub severity: Severity,
    /// One sentence for the user.
    pub message: String,
    /// Where, when it is about a part of the text.
    pub span: Option<Span>,
}

impl Diagnostic {
    /// A warning.
    pub fn warning(message: impl Into<String>, span: Option<Span>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            message: message.into(),
            span,
        }
    }

    /// An informational note.
    pub fn info(message: impl Into<String>, span: Option<Span>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Info,
            message: message.into(),
            span,
        }
    }
}
