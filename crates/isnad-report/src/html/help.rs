//! Help for each finding kind, from the rules' doc comments.

use isnad_graph::FindingKind;
use maud::{Markup, html};

use super::anchor;

/// Help for every finding kind that has some.
pub(super) fn help() -> Markup {
    let kinds: Vec<FindingKind> = FindingKind::ALL
        .into_iter()
        .filter(|k| !k.help().trim().is_empty())
        .collect();
    html! {
        section #help {
            h2 { "Finding kinds" }
            @if kinds.is_empty() { p.empty { "No help text is available in this build." } }
            @if !kinds.is_empty() { p.hint { "What each kind of finding means, why it matters and when it misfires; open one to read it." } }
            // Folded to its first line: the page is read for its findings, and a finding's "?"
            // opens the one it needs.
            @for kind in kinds {
                @let paragraphs = help_paragraphs(kind.help());
                @let (first, rest) = paragraphs.split_first().map(|(f, r)| (f.as_str(), r)).unwrap_or(("", &[]));
                details.help id=(anchor("help-", kind.name())) {
                    summary {
                        @if !first.starts_with(&format!("**{}**", kind.name())) { code { (kind.name()) } " " }
                        (inline(first))
                    }
                    @for para in rest {
                        p dir="auto" {
                            @if let Some((label, rest)) = para.split_once(':').filter(|(l, _)| is_label(l)) {
                                strong { (label) ":" } (inline(rest))
                            } @else {
                                (inline(para))
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The paragraphs of a rule's help text (its doc comment): blank lines separate paragraphs, a line
/// opening with a label ("Example:", "Known false positives:") starts one, other line breaks are
/// only the comment's wrapping.
fn help_paragraphs(text: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    for block in text.split("\n\n") {
        let mut current = String::new();
        for line in block.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if line.split_once(':').is_some_and(|(label, _)| is_label(label)) && !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(line);
        }
        if !current.is_empty() {
            paragraphs.push(current);
        }
    }
    paragraphs
}

/// True for a short English label such as "Why it matters" or "Example".
fn is_label(text: &str) -> bool {
    text.len() <= 30
        && text.starts_with(|c: char| c.is_ascii_uppercase())
        && text.chars().all(|c| c.is_ascii_alphabetic() || c == ' ')
}

/// The little inline markup the rules' doc comments use: `**strong**` and `` `code` ``.
fn inline(text: &str) -> Markup {
    html! {
        @for (i, part) in text.split("**").enumerate() {
            @if i % 2 == 1 {
                strong { (part) }
            } @else {
                @for (j, piece) in part.split('`').enumerate() {
                    @if j % 2 == 1 { code { (piece) } } @else { (piece) }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(help: &str, expected: &[&str]) {
        assert_eq!(help_paragraphs(help), expected, "{help:?}");
    }

    #[test]
    fn help_text_is_unwrapped_into_paragraphs() {
        check("", &[]);
        check(
            "**kind** — what it is,\nwrapped.",
            &["**kind** — what it is, wrapped."],
        );
        check("One.\n\nTwo\nlines.", &["One.", "Two lines."]);
        // A label opens a paragraph; a colon later in a line does not.
        check(
            "Why: because\nit is.\nExample: «أ: ب»\nthe ratio 2:1 holds.",
            &["Why: because it is.", "Example: «أ: ب» the ratio 2:1 holds."],
        );
    }

    #[test]
    fn inline_markup_is_escaped_and_rendered() {
        assert_eq!(
            inline("**a<b** and `c&d` «ج»").into_string(),
            "<strong>a&lt;b</strong> and <code>c&amp;d</code> «ج»"
        );
        assert_eq!(
            inline("odd ** count").into_string(),
            "odd <strong> count</strong>"
        );
    }
}
