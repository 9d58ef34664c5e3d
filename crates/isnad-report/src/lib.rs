//! isnad-report: the `isnad.report/1` JSON envelope and its renderings (terminal text, HTML, DOT).
//!
//! Only this crate and the CLI know about output formats. Names, titles and messages are shown
//! with their bidi controls escaped and their Arabic runs isolated (`bidi`).
//!
//! ```
//! use isnad_report::{Report, TextOptions, render_html, render_html_to, render_text};
//!
//! let text = "قال الوزير إن 20 شخصا أصيبوا في الحادث.";
//! let (doc, _) = isnad_parser::parse_document("a.txt", text.as_bytes(), &Default::default()).unwrap();
//! let docs = [doc];
//! let check = isnad_graph::StoryCheck::default();
//! let report = Report::build(&docs, &[], &check, &[]);
//! let summary = render_text(&report, &docs, TextOptions { quiet: true, color: false });
//! assert_eq!(summary, "1 document, 0 claims: 0 contradictions, 0 tensions, 0 notes\n");
//! assert!(render_html(&report, &docs).contains("<div class=\"doc-text\" dir=\"rtl\" lang=\"ar\">"));
//!
//! // A large report is written as it is made, never held whole.
//! let mut page = Vec::new();
//! render_html_to(&report, &docs, &mut page).unwrap();
//! assert!(page.starts_with(b"<!DOCTYPE html>"));
//! ```

mod bidi;
mod envelope;
mod graph_export;
mod html;
mod own;
mod quote;
mod text;

pub use bidi::{FSI, PDI, escape_bidi, is_bidi_control, isolate};
pub use envelope::{DocumentSummary, Entity, ErrorEntry, Report, SCHEMA};
pub use graph_export::{graph_dot, graph_json};
pub use html::{render_html, render_html_to};
pub use own::own_output;
pub use text::{TextOptions, render_text};
