//! isnad-report: the `isnad.report/1` JSON envelope and its renderings (terminal text, HTML, DOT).
//!
//! Only this crate and the CLI know about output formats.

mod envelope;

pub use envelope::{DocumentSummary, ErrorEntry, Report, SCHEMA};
