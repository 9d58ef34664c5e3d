//! The findings: filters, then one article per finding with its sides quoted.

use isnad_graph::{Finding, FindingKind, Side};
use maud::{Markup, html};

use super::{Page, anchor, href, mixed, name};
use crate::bidi::escape_embeddings;
use crate::quote::{SEVERITIES, count, find_document, line_col, plural, severity_name, side_quote};

impl Page<'_> {
    pub(super) fn findings(&self) -> Markup {
        let findings = &self.report.findings;
        let kinds: Vec<(FindingKind, usize)> = FindingKind::ALL
            .iter()
            .map(|&k| (k, findings.iter().filter(|f| f.kind == k).count()))
            .filter(|&(_, n)| n > 0)
            .collect();
        html! {
            section #findings {
                h2 { "Findings" }
                @if findings.is_empty() {
                    p.empty { "No findings." }
                } @else {
                    form #filters.filters {
                        fieldset {
                            legend { "Severity" }
                            @for severity in SEVERITIES {
                                @let name = severity_name(severity);
                                label class=(format!("sev-{name}")) {
                                    input type="checkbox" name="severity" value=(name) checked;
                                    " " (name) " (" bdi { (count(findings, severity)) } ")"
                                }
                            }
                        }
                        label {
                            "Kind "
                            select name="kind" {
                                option value="" { "all kinds" }
                                @for (kind, n) in &kinds { option value=(kind.name()) { (kind.name()) " (" (n) ")" } }
                            }
                        }
                        output #filter-status {}
                    }
                    @for finding in findings { (self.finding(finding)) }
                }
            }
        }
    }

    fn finding(&self, finding: &Finding) -> Markup {
        let severity = severity_name(finding.severity);
        let kind = finding.kind.name();
        html! {
            article class=(format!("finding sev-{severity}")) id=(anchor("finding-", &finding.id))
                data-id=(finding.id) data-kind=(kind) data-severity=(severity) {
                header {
                    span class=(format!("badge sev-{severity}")) { (severity) }
                    " " code.kind { (kind) }
                    @if !finding.kind.help().trim().is_empty() {
                        " " a.help-link href=(href("help-", kind)) title="What this kind of finding means" { "?" }
                    }
                    span.fid { bdi { (finding.id) } }
                }
                p.message { (mixed(&finding.message)) }
                @if let Some(resolution) = &finding.resolution {
                    p.resolution { strong { "Resolution: " } (mixed(resolution)) }
                }
                // A disagreement many articles repeat cites them all: the first sides show, the
                // rest fold, so a long finding stays one screen until opened.
                @let (shown, folded) = finding.sides.split_at(finding.sides.len().min(SIDES_SHOWN));
                ol.sides { @for side in shown { li.side { (self.side(side)) } } }
                @if !folded.is_empty() {
                    details.more-sides {
                        summary { (plural(folded.len(), "more side", "more sides")) }
                        ol.sides start=(SIDES_SHOWN + 1) { @for side in folded { li.side { (self.side(side)) } } }
                    }
                }
            }
        }
    }

    fn side(&self, side: &Side) -> Markup {
        let document = find_document(self.documents, &side.doc);
        let quote = side_quote(side, document);
        html! {
            blockquote.quote dir="rtl" lang="ar" { (escape_embeddings(quote.before)) mark.side-mark { (escape_embeddings(quote.marked)) } (escape_embeddings(quote.after)) }
            dl.side-meta {
                dt { "Document" }
                dd {
                    a href=(href("doc-", &side.doc)) { bdi { (name(&side.doc)) } }
                    @if let Some(document) = document {
                        @let (line, col) = line_col(document, side.span.start);
                        " " bdi.pos { (line) ":" (col) }
                    }
                }
                @if let Some(value) = &side.value { dt { "Value" } dd { bdi { (name(value)) } } }
                @if !side.attribution.is_empty() {
                    dt { "Sources" }
                    dd { @for (i, source) in side.attribution.iter().enumerate() { @if i > 0 { " via " } bdi { (name(source)) } } }
                }
                @if let Some(claim) = &side.claim { dt { "Claim" } dd { a href=(href("claim-", claim)) { bdi { (name(claim)) } } } }
            }
        }
    }
}

/// Sides of a finding shown before the rest fold.
const SIDES_SHOWN: usize = 8;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Report, render_html};

    /// Issue #17: a finding citing many articles shows its first sides and folds the rest.
    #[test]
    fn long_side_lists_fold_after_the_first() {
        let text = "قال الوزير إن الجسر افتتح اليوم.";
        let (doc, _) = isnad_parser::parse_document("a.txt", text.as_bytes(), &Default::default()).unwrap();
        let span = isnad_parser::Span::new(0, text.len());
        let side = |n: usize| Side {
            doc: "a.txt".into(),
            claim: None,
            fact: None,
            span,
            text: text.into(),
            sentence: span,
            value: Some(format!("value {n}")),
            attribution: Vec::new(),
        };
        let finding = |sides: usize| Finding {
            id: format!("F{sides}"),
            kind: FindingKind::Contested,
            severity: isnad_graph::Severity::Tension,
            message: "m".into(),
            claims: Vec::new(),
            facts: Vec::new(),
            resolution: None,
            sides: (0..sides).map(side).collect(),
        };
        let check = isnad_graph::StoryCheck {
            findings: vec![finding(SIDES_SHOWN + 4), finding(2)],
            ..Default::default()
        };
        let docs = [doc];
        let page = render_html(&Report::build(&docs, &[], &check, &[]), &docs);
        assert_eq!(page.matches("<details class=\"more-sides\">").count(), 1);
        assert!(page.contains("<summary>4 more sides</summary>"));
        assert!(page.contains(&format!("<ol class=\"sides\" start=\"{}\">", SIDES_SHOWN + 1)));
        // Every side is still in the page.
        assert!(page.contains(&format!("value {}", SIDES_SHOWN + 3)));
    }
}
