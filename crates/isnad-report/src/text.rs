//! The terminal report: findings grouped by severity, each side quoted in its sentence (once:
//! a side is one sentence, and lists its claims when the sentence holds several).
//!
//! The exact words of a side are bracketed ⟦ ⟧ inside the sentence rather than underlined with
//! carets: a terminal that lays Arabic out right to left reverses the sentence but not a caret line
//! under it, so carets would point at the wrong words. The brackets are Unicode mirrored pairs and
//! travel with the text; with colour on, the words are also highlighted.

use std::fmt::Write as _;

use isnad_graph::{Finding, Severity};
use isnad_parser::Document;

use crate::Report;
use crate::bidi::{escape_embeddings, isolate};
use crate::quote::{Documents, SEVERITIES, severity_name, side_quote, sources_line, summary_line};

/// How to render the terminal report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TextOptions {
    /// Only the summary line.
    pub quiet: bool,
    /// ANSI colour (the caller decides from `NO_COLOR` and whether the output is a terminal).
    pub color: bool,
}

/// Opening and closing bracket around a side's exact words.
const OPEN: &str = "⟦";
const CLOSE: &str = "⟧";

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const MARK: &str = "\x1b[1;4m";

/// ANSI style of a severity's heading.
fn severity_style(severity: Severity) -> &'static str {
    match severity {
        Severity::Contradiction => "\x1b[1;31m",
        Severity::Tension => "\x1b[1;33m",
        Severity::Note => "\x1b[1;36m",
    }
}

/// Heading of a severity group.
fn heading(severity: Severity) -> &'static str {
    match severity {
        Severity::Contradiction => "Contradictions",
        Severity::Tension => "Tensions",
        Severity::Note => "Notes",
    }
}

/// Writes styled text when colour is on, plain text otherwise.
struct Painter {
    color: bool,
}

impl Painter {
    fn paint(&self, style: &str, text: &str) -> String {
        if self.color && !text.is_empty() {
            format!("{style}{text}{RESET}")
        } else {
            text.to_string()
        }
    }
}

/// Renders the terminal report. Ends with a newline.
pub fn render_text(report: &Report, documents: &[Document], options: TextOptions) -> String {
    let p = Painter { color: options.color };
    let documents = Documents::new(documents);
    let mut out = String::new();
    if !options.quiet {
        for severity in SEVERITIES {
            let group: Vec<&Finding> = report
                .findings
                .iter()
                .filter(|f| f.severity == severity)
                .collect();
            if group.is_empty() {
                continue;
            }
            let _ = writeln!(
                out,
                "{}",
                p.paint(
                    severity_style(severity),
                    &format!("{} ({})", heading(severity), group.len())
                )
            );
            out.push('\n');
            for finding in group {
                finding_text(&mut out, finding, &documents, &p);
                out.push('\n');
            }
        }
        if !report.errors.is_empty() {
            let _ = writeln!(out, "{}", p.paint(BOLD, "Could not read"));
            for error in &report.errors {
                let _ = writeln!(out, "  {}: {}", shown(&error.path), shown(&error.message));
            }
            out.push('\n');
        }
    }
    let _ = writeln!(out, "{}", p.paint(BOLD, &summary_line(report)));
    out
}

/// One finding: heading, message, every side, resolution.
fn finding_text(out: &mut String, finding: &Finding, documents: &Documents<'_>, p: &Painter) {
    let label = format!("{}[{}]", severity_name(finding.severity), finding.kind.name());
    let _ = writeln!(
        out,
        "{} {}: {}",
        p.paint(severity_style(finding.severity), &label),
        finding.id,
        shown(&finding.message)
    );
    for side in &finding.sides {
        let document = documents.find(&side.doc);
        let place = match document {
            Some(d) => {
                let (line, col) = documents.line_col(d, side.span.start);
                format!("{}:{line}:{col}", shown(&side.doc))
            }
            None => shown(&side.doc),
        };
        let _ = writeln!(out, "  {} {}", p.paint(DIM, "-->"), place);
        let q = side_quote(side, document);
        // The sentence stands alone on its line so a bidi terminal can lay it out right to left.
        let _ = writeln!(
            out,
            "    {}{}{}",
            quoted(q.before),
            p.paint(MARK, &format!("{OPEN}{}{CLOSE}", quoted(q.marked))),
            quoted(q.after)
        );
        if let Some(value) = &side.value {
            let _ = writeln!(out, "    {} value: {}", p.paint(DIM, "="), shown(value));
        }
        if side.claims.len() > 1 {
            let _ = writeln!(
                out,
                "    {} claims: {}",
                p.paint(DIM, "="),
                shown(&claims_line(&side.doc, &side.claims))
            );
        }
        if !side.attribution.is_empty() {
            let _ = writeln!(
                out,
                "    {} sources: {}",
                p.paint(DIM, "="),
                shown(&sources_line(&side.attribution))
            );
        }
    }
    if let Some(resolution) = &finding.resolution {
        let _ = writeln!(out, "  {} resolution: {}", p.paint(DIM, "="), shown(resolution));
    }
}

/// The claims of a side, each id shortened to `#n` when it is of the side's own document.
fn claims_line(doc: &str, claims: &[String]) -> String {
    let prefix = format!("{doc}#");
    claims
        .iter()
        .map(|id| match id.strip_prefix(&prefix) {
            Some(n) => format!("#{n}"),
            None => id.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A name, title or message on one line, its bidi controls escaped and its Arabic runs isolated
/// (FSI…PDI) from the English around them.
fn shown(text: &str) -> String {
    isolate(&one_line(text))
}

/// An article's words on one line, with embeddings and overrides escaped: the sentence line is
/// laid out as the article's own paragraph, so it is not isolated.
fn quoted(text: &str) -> String {
    one_line(&escape_embeddings(text))
}

/// Keeps text on one terminal line and drops control characters, so an article cannot move the
/// cursor or change colours (an ESC in the source would otherwise reach the terminal).
fn one_line(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            c if c.is_whitespace() => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}
