//! The summary: counts, the documents, copies and unreadable files.

use maud::{Markup, html};

use super::{Page, date_source, href, mixed, name};
use crate::quote::{SEVERITIES, count, plural, severity_name, summary_line};

impl Page<'_> {
    pub(super) fn summary(&self) -> Markup {
        let report = self.report;
        html! {
            section #summary {
                h2 { "Summary" }
                p.summary-line { (summary_line(report)) }
                ul.severity-counts {
                    @for severity in SEVERITIES {
                        @let name = severity_name(severity);
                        li { span class=(format!("badge sev-{name}")) { (name) } " " bdi { (count(&report.findings, severity)) } }
                    }
                }
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
