//! The summary: counts, one line per contradiction and tension, the documents, copies and
//! unreadable files.

use std::io;

use isnad_graph::{Finding, Severity};
use maud::{Markup, html};
use rustc_hash::{FxHashMap, FxHashSet};

use super::{HOLE, Out, Page, Shell, date_source, href, mixed, name, put, short};
use crate::DocumentSummary;
use crate::quote::{plural, severity_name, summary_line};

impl Page<'_> {
    /// The summary section, each glance line, document row and copy written as it is made.
    pub(super) fn summary(&self, out: Out<'_>) -> io::Result<()> {
        let report = self.report;
        let pressing: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| f.severity != Severity::Note)
            .collect();
        let notes = report.findings.len() - pressing.len();
        let mut section = Shell::new(html! {
            section #summary {
                h2 { "Summary" }
                p.summary-line { (summary_line(report)) }
                @if pressing.is_empty() {
                    p.all-clear { "No contradictions or tensions." @if notes > 0 { " " (plural(notes, "note", "notes")) " below." } }
                } @else {
                    // What an editor acts on, before anything else: one line per finding, each
                    // linking to its details; a line too long for the page is cut, not wrapped.
                    ol #glance.glance { (HOLE) }
                }
                h3 { "Documents" }
                table.doc-table {
                    thead { tr { th { "Document" } th { "Headline" } th { "Outlet" } th { "Published" } th { "Date from" } th { "Claims" } th { "Size" } } }
                    tbody { (HOLE) }
                }
                (HOLE)
            }
        });
        section.write_to_hole(out)?;
        if !pressing.is_empty() {
            for finding in &pressing {
                put(out, self.glance(finding))?;
            }
            section.write_to_hole(out)?;
        }
        for doc in &report.documents {
            put(out, self.document_row(doc))?;
        }
        section.write_to_hole(out)?;
        if !report.copies.is_empty() {
            let (shown, folded) = report.copies.split_at(report.copies.len().min(COPIES_SHOWN));
            let mut copies = Shell::new(html! {
                h3 { "Copies" }
                p.hint { "A copy repeats its source: it counts as one source, not as corroboration." }
                ul.copies { (HOLE) }
                @if !folded.is_empty() {
                    details.more-copies {
                        summary { (plural(folded.len(), "more copy", "more copies")) }
                        ul.copies { (HOLE) }
                    }
                }
            });
            copies.write_to_hole(out)?;
            for copy in shown {
                put(out, copy_item(copy))?;
            }
            copies.write_to_hole(out)?;
            if !folded.is_empty() {
                for copy in folded {
                    put(out, copy_item(copy))?;
                }
                copies.write_to_hole(out)?;
            }
        }
        if !report.errors.is_empty() {
            put(
                out,
                html! {
                    h3 { "Files that could not be read" }
                    ul.errors {
                        @for error in &report.errors { li { bdi { (name(&error.path)) } ": " (mixed(&error.message)) } }
                    }
                },
            )?;
        }
        section.write_to_hole(out)
    }

    /// A document's row of the summary's table.
    fn document_row(&self, doc: &DocumentSummary) -> Markup {
        html! {
            tr {
                td { a href=(href("doc-", &doc.id)) { bdi { (name(&doc.id)) } } }
                td { @if let Some(title) = &doc.title { span dir="rtl" lang="ar" { (name(title)) } } @else { span.none { "—" } } }
                td { @if let Some(outlet) = &doc.outlet { bdi { (name(outlet)) } } @else { span.none { "—" } } }
                td { @if let Some(date) = &doc.published { bdi { (date) } } @else { span.none { "unknown" } } }
                td { @match doc.published_from { Some(from) => (date_source(from)), None => span.none { "—" } } }
                td { bdi { (self.claims_of.get(doc.id.as_str()).map_or(0, Vec::len)) } }
                td { bdi { (doc.bytes) } " bytes" }
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
                    @if let Some(event) = event { " " span.event { (event) ":" } }
                    " "
                    @for (i, said) in self.values(finding).iter().enumerate() {
                        @if i > 0 { span.vs { " vs " } }
                        // Who quotes whom is a hover away: the line has room for outlets only.
                        span.said title=[(!said.sources.is_empty()).then(|| name(&said.sources.join("; ")).to_string())] {
                            bdi.value { (name(&said.value)) }
                            " "
                            span.who {
                                "("
                                @for (j, doc) in said.docs.iter().take(WHO_SHOWN).enumerate() {
                                    @if j > 0 { ", " }
                                    bdi { (name(&self.short_label(doc))) }
                                }
                                @if said.docs.len() > WHO_SHOWN { ", +" (said.docs.len() - WHO_SHOWN) }
                                ")"
                            }
                        }
                    }
                    " " span.fid { bdi { (finding.id) } }
                }
            }
        }
    }

    /// A finding's sides grouped by value, in order of first appearance, each with the documents
    /// giving it and the sources they quote.
    fn values<'f>(&'f self, finding: &'f Finding) -> Vec<Said<'f>> {
        let mut values: Vec<Said<'f>> = Vec::new();
        // What each value already lists, looked up: a finding may cite thousands of copies.
        let mut at_value: FxHashMap<String, usize> = FxHashMap::default();
        let mut listed: FxHashSet<(usize, &str)> = FxHashSet::default();
        let mut quoted: FxHashSet<(usize, String)> = FxHashSet::default();
        for side in &finding.sides {
            let value = side.value.clone().unwrap_or_else(|| short(&side.text, 40));
            let at = match at_value.get(&value) {
                Some(&at) => at,
                None => {
                    at_value.insert(value.clone(), values.len());
                    values.push(Said {
                        value,
                        docs: Vec::new(),
                        sources: Vec::new(),
                    });
                    values.len() - 1
                }
            };
            let said = &mut values[at];
            if listed.insert((at, side.doc.as_str())) {
                said.docs.push(&side.doc);
            }
            let outlet = self.doc_label(&side.doc);
            if let Some(source) = side
                .attribution
                .first()
                .filter(|s| side.attribution.len() > 1 && *s != outlet)
            {
                let source = format!("{source} in {outlet}");
                if quoted.insert((at, source.clone())) {
                    said.sources.push(source);
                }
            }
        }
        values
    }
}

/// One value of a finding's sides and who gives it.
struct Said<'a> {
    /// The value, or the side's words when it has none.
    value: String,
    /// Documents giving it, in order.
    docs: Vec<&'a str>,
    /// "source in outlet" for each source the documents quote for it.
    sources: Vec<String>,
}

/// Documents named after a value on a summary line before the rest are counted.
const WHO_SHOWN: usize = 2;

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
