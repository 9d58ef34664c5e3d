//! The summary: counts, one line per contradiction and tension, the documents, copies and
//! unreadable files.

use isnad_graph::{Finding, Severity};
use maud::{Markup, html};

use super::{Page, date_source, href, mixed, name, short};
use crate::quote::{plural, severity_name, summary_line};

impl Page<'_> {
    pub(super) fn summary(&self) -> Markup {
        let report = self.report;
        let pressing: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| f.severity != Severity::Note)
            .collect();
        let notes = report.findings.len() - pressing.len();
        html! {
            section #summary {
                h2 { "Summary" }
                p.summary-line { (summary_line(report)) }
                @if pressing.is_empty() {
                    p.all-clear { "No contradictions or tensions." @if notes > 0 { " " (plural(notes, "note", "notes")) " below." } }
                } @else {
                    // What an editor acts on, before anything else: one line per finding, each
                    // linking to its details; a line too long for the page is cut, not wrapped.
                    ol #glance.glance {
                        @for finding in &pressing { (self.glance(finding)) }
                    }
                }
                h3 { "Documents" }
                table.doc-table {
                    thead { tr { th { "Document" } th { "Headline" } th { "Outlet" } th { "Published" } th { "Date from" } th { "Claims" } th { "Size" } } }
                    tbody {
                        @for doc in &report.documents {
                            tr {
                                td { a href=(href("doc-", &doc.id)) { bdi { (name(&doc.id)) } } }
                                td { @if let Some(title) = &doc.title { span dir="rtl" lang="ar" { (name(title)) } } @else { span.none { "—" } } }
                                td { @if let Some(outlet) = &doc.outlet { bdi { (name(outlet)) } } @else { span.none { "—" } } }
                                td { @if let Some(date) = &doc.published { bdi { (date) } } @else { span.none { "unknown" } } }
                                td { @match doc.published_from { Some(from) => (date_source(from)), None => span.none { "—" } } }
                                td { bdi { (report.claims.iter().filter(|c| c.doc == doc.id).count()) } }
                                td { bdi { (doc.bytes) } " bytes" }
                            }
                        }
                    }
                }
                @if !report.copies.is_empty() {
                    h3 { "Copies" }
                    p.hint { "A copy repeats its source: it counts as one source, not as corroboration." }
                    @let (shown, folded) = report.copies.split_at(report.copies.len().min(COPIES_SHOWN));
                    ul.copies {
                        @for copy in shown { (copy_item(copy)) }
                    }
                    @if !folded.is_empty() {
                        details.more-copies {
                            summary { (plural(folded.len(), "more copy", "more copies")) }
                            ul.copies { @for copy in folded { (copy_item(copy)) } }
                        }
                    }
                }
                @if !report.errors.is_empty() {
                    h3 { "Files that could not be read" }
                    ul.errors {
                        @for error in &report.errors { li { bdi { (name(&error.path)) } ": " (mixed(&error.message)) } }
                    }
                }
            }
        }
    }
}

impl Page<'_> {
    /// One line of the summary: severity, kind, the event, then each value with who gives it.
    fn glance(&self, finding: &Finding) -> Markup {
        let severity = severity_name(finding.severity);
        let event = finding
            .sides
            .iter()
            .filter_map(|s| s.claim.as_deref())
            .chain(finding.claims.iter().map(String::as_str))
            .find_map(|c| self.claims.get(c))
            .map(|c| c.event.as_str());
        let full = format!("{}: {}", finding.id, name(&finding.message));
        html! {
            li class=(format!("glance-item sev-{severity}")) data-finding=(finding.id) title=(full) {
                a href=(href("finding-", &finding.id)) {
                    span class=(format!("badge sev-{severity}")) { (severity) }
                    " " code.kind { (finding.kind.name()) }
                    @if let Some(event) = event { " " span.event { (event) } }
                    " "
                    @for (i, (value, who)) in self.values(finding).iter().enumerate() {
                        @if i > 0 { span.vs { " vs " } }
                        span.said {
                            bdi.value { (name(value)) }
                            " "
                            span.who {
                                "("
                                @for (j, (source, outlet)) in who.iter().enumerate() {
                                    @if j > 0 { ", " }
                                    @if let Some(source) = source { bdi { (name(source)) } " in " }
                                    bdi { (name(outlet)) }
                                }
                                ")"
                            }
                        }
                    }
                    " " span.fid { bdi { (finding.id) } }
                }
            }
        }
    }

    /// A finding's sides grouped by value, in order of first appearance, each with who gives it:
    /// the source when the outlet quotes one, and the outlet (or the document when it has none).
    fn values<'f>(&'f self, finding: &'f Finding) -> Vec<(String, Vec<Who<'f>>)> {
        let mut values: Vec<(String, Vec<Who<'f>>)> = Vec::new();
        for side in &finding.sides {
            let value = side.value.clone().unwrap_or_else(|| short(&side.text, 40));
            let outlet = self.doc_label(&side.doc);
            let source = match side.attribution.first() {
                Some(source) if side.attribution.len() > 1 && source != outlet => Some(source.as_str()),
                _ => None,
            };
            let who = (source, outlet);
            match values.iter_mut().find(|(v, _)| *v == value) {
                Some((_, whos)) if whos.contains(&who) => {}
                Some((_, whos)) => whos.push(who),
                None => values.push((value, vec![who])),
            }
        }
        values
    }
}

/// Who gives a value: the source an outlet quotes, if any, and the outlet or document.
type Who<'a> = (Option<&'a str>, &'a str);

/// Copy links listed in the summary before the rest fold.
const COPIES_SHOWN: usize = 20;

/// One copy link of the summary.
fn copy_item(copy: &isnad_graph::CopyLink) -> Markup {
    html! {
        li {
            a href=(href("doc-", &copy.doc)) { bdi { (name(&copy.doc)) } }
            " copies "
            a href=(href("doc-", &copy.source)) { bdi { (name(&copy.source)) } }
            " (" bdi { (format!("{:.0}%", copy.overlap * 100.0)) } " of its sentences)"
        }
    }
}
