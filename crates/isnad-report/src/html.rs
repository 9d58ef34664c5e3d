//! The HTML report: one self-contained page (inline CSS, a few lines of plain JavaScript for the
//! filters, an inline SVG timeline, system fonts, nothing fetched from the network).
//!
//! The chrome is English and left to right; Arabic text sits in `dir="rtl" lang="ar"` blocks and
//! numbers, dates, ids and Latin names inside `<bdi>` so the bidi algorithm cannot reorder them
//! into their neighbours; each Arabic run of an English message is in a `<bdi>` of its own. Bidi
//! controls are written out in names, titles and messages, and embeddings and overrides in the
//! articles' text (see `bidi`).
//!
//! Sections: summary, findings (with filters), timeline, the documents' full text with claims
//! highlighted, help for each finding kind.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{NaiveDateTime, Timelike};
use isnad_claims::claims::Claim;
use isnad_graph::{Finding, FindingKind, Side};
use isnad_parser::{Block, BlockKind, DateSource, Document};
use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::Report;
use crate::bidi::{escape_bidi as name, escape_embeddings, isolate, runs};
use crate::quote::{
    SEVERITIES, count, find_document, line_col, plural, safe_span, severity_name, side_quote, summary_line,
};

/// Renders the report as one HTML page.
pub fn render_html(report: &Report, documents: &[Document]) -> String {
    let page = Page::new(report, documents);
    let markup = html! {
        (DOCTYPE)
        html lang="en" dir="ltr" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content=(report.schema);
                title { "isnad report" }
                style { (PreEscaped(CSS)) }
            }
            body {
                header.top {
                    h1 { "isnad report" }
                    nav {
                        a href="#summary" { "Summary" }
                        a href="#findings" { "Findings" }
                        a href="#timeline" { "Timeline" }
                        a href="#documents" { "Documents" }
                        a href="#help" { "Finding kinds" }
                    }
                }
                main {
                    (page.summary())
                    (page.findings())
                    (page.timeline())
                    (page.documents())
                    (help())
                }
                script { (PreEscaped(SCRIPT)) }
            }
        }
    };
    markup.into_string()
}

/// The report with the lookups the sections share.
struct Page<'a> {
    report: &'a Report,
    documents: &'a [Document],
    /// Claim id → ids of the findings citing it, in report order.
    findings_of: HashMap<&'a str, Vec<&'a str>>,
}

impl<'a> Page<'a> {
    fn new(report: &'a Report, documents: &'a [Document]) -> Page<'a> {
        let mut findings_of: HashMap<&str, Vec<&str>> = HashMap::new();
        for finding in &report.findings {
            for claim in cited_claims(finding) {
                let ids = findings_of.entry(claim).or_default();
                if !ids.contains(&finding.id.as_str()) {
                    ids.push(&finding.id);
                }
            }
        }
        Page {
            report,
            documents,
            findings_of,
        }
    }

    fn summary(&self) -> Markup {
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

    fn findings(&self) -> Markup {
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

    /// The timeline: one lane per event type holding one mark per dated event, then one row per
    /// document holding its dated claims, with the claims cited by one finding joined by a line
    /// in the finding's severity colour.
    ///
    /// A *dated claim* is a claim whose `time` mention has a resolved value with both `start` and
    /// `end`. A *dated event* is a distinct `(event, start, end)` triple among the dated claims,
    /// `start` and `end` compared as written in the JSON (at the value's grain). Exactly one
    /// `.event-mark` is drawn per dated event; its `data-claims` lists the ids of its claims,
    /// separated by spaces.
    ///
    /// Positions are in date order, evenly spaced, not to scale: a story often sets today's events
    /// beside ones decades old, and a linear axis would crush them together.
    fn timeline(&self) -> Markup {
        let dated: Vec<Dated<'_>> = self.report.claims.iter().filter_map(Dated::of).collect();
        let unanchored: Vec<&Claim> = self
            .report
            .claims
            .iter()
            .filter(|c| Dated::of(c).is_none())
            .collect();
        html! {
            section #timeline {
                h2 { "Timeline" }
                @if dated.is_empty() {
                    p.empty { "No claim has a resolved time." }
                } @else {
                    p.hint {
                        "A dot is a point in time, a bar an interval; lines join claims cited by one finding. "
                        "Positions are in date order, evenly spaced, not to scale."
                    }
                    (self.timeline_svg(&dated))
                }
                h3 { "Claims without a time" }
                @if unanchored.is_empty() {
                    p.empty { "None." }
                } @else {
                    ul.unanchored {
                        @for claim in unanchored {
                            li {
                                a href=(href("claim-", &claim.id)) { bdi { (name(&claim.id)) } }
                                " " code { (claim.event) }
                                @if let Some(reason) = claim.time.as_ref().and_then(|m| m.value.time()).and_then(|t| t.unresolved.as_deref()) {
                                    " " span.why { "(" (reason) ")" }
                                }
                                div.claim-text dir="rtl" lang="ar" { (escape_embeddings(&claim.text)) }
                            }
                        }
                    }
                }
            }
        }
    }

    fn timeline_svg(&self, dated: &[Dated<'_>]) -> Markup {
        // Evenly spaced positions for every distinct instant that starts or ends a claim's time.
        let instants: BTreeSet<NaiveDateTime> = dated.iter().flat_map(|d| [d.start, d.end]).collect();
        let index: BTreeMap<NaiveDateTime, usize> =
            instants.iter().enumerate().map(|(i, &t)| (t, i)).collect();
        // The right margin leaves room for the last date label, which is drawn rising to the right.
        let (x0, x1) = (LABEL_WIDTH + 20.0, SVG_WIDTH - 90.0);
        let step = if instants.len() > 1 {
            (x1 - x0) / (instants.len() - 1) as f64
        } else {
            0.0
        };
        let x = |t: NaiveDateTime| {
            if instants.len() > 1 {
                x0 + index.get(&t).copied().unwrap_or(0) as f64 * step
            } else {
                (x0 + x1) / 2.0
            }
        };

        // One lane per event type, one mark per dated event.
        let mut events: BTreeMap<(&str, &str, &str), Vec<&Dated<'_>>> = BTreeMap::new();
        for d in dated {
            events
                .entry((d.claim.event.as_str(), d.start_key.as_str(), d.end_key.as_str()))
                .or_default()
                .push(d);
        }
        let lanes: Vec<&str> = events
            .keys()
            .map(|k| k.0)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let lane_y =
            |event: &str| TOP + ROW * lanes.iter().position(|&e| e == event).unwrap_or(0) as f64 + ROW / 2.0;

        // One row per document: the report's documents, then any other document a claim names.
        let mut rows: Vec<&str> = self.report.documents.iter().map(|d| d.id.as_str()).collect();
        for d in dated {
            if !rows.contains(&d.claim.doc.as_str()) {
                rows.push(&d.claim.doc);
            }
        }
        let rows_top = TOP + ROW * lanes.len() as f64 + ROW;
        let row_y =
            |doc: &str| rows_top + ROW * rows.iter().position(|&r| r == doc).unwrap_or(0) as f64 + ROW / 2.0;
        let height = rows_top + ROW * rows.len() as f64 + 16.0;

        let mut at: HashMap<&str, (f64, f64)> = HashMap::new();
        for d in dated {
            at.entry(d.claim.id.as_str())
                .or_insert(((x(d.start) + x(d.end)) / 2.0, row_y(&d.claim.doc)));
        }
        // Findings often cite the same pair of claims (a date and a count of one event): each further
        // link between the same two points bends further, so none hides another.
        let mut lines = Vec::new();
        let mut drawn: HashMap<(&str, &str), usize> = HashMap::new();
        for finding in &self.report.findings {
            let cited: Vec<&str> = cited_claims(finding).filter(|c| at.contains_key(c)).collect();
            for pair in cited.windows(2) {
                let key = if pair[0] <= pair[1] {
                    (pair[0], pair[1])
                } else {
                    (pair[1], pair[0])
                };
                let nth = drawn.entry(key).or_default();
                lines.push((finding, link_path(at[pair[0]], at[pair[1]], *nth)));
                *nth += 1;
            }
        }

        html! {
            svg #timeline-svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Timeline of the story's dated claims"
                width=(num(SVG_WIDTH)) height=(num(height)) viewBox=(format!("0 0 {} {}", num(SVG_WIDTH), num(height))) {
                @for &t in &instants {
                    line.grid x1=(num(x(t))) y1=(num(TOP - 4.0)) x2=(num(x(t))) y2=(num(height - 8.0)) {}
                    text.tick x=(num(x(t))) y=(num(TOP - 8.0)) transform=(format!("rotate(-40 {} {})", num(x(t)), num(TOP - 8.0))) {
                        (instant_label(t))
                    }
                }
                text.group-label x="8" y=(num(TOP - 8.0)) { "Events" }
                @for lane in &lanes {
                    text.lane-label x="8" y=(num(lane_y(lane) + 4.0)) { (lane) }
                }
                line.divider x1="0" y1=(num(rows_top - ROW / 2.0)) x2=(num(SVG_WIDTH)) y2=(num(rows_top - ROW / 2.0)) {}
                text.group-label x="8" y=(num(rows_top - 4.0)) { "Documents" }
                @for row in &rows {
                    text.lane-label x="8" y=(num(row_y(row) + 4.0)) { (short(&name(row), 24)) title { (name(row)) } }
                }
                @for ((event, start, end), claims) in &events {
                    @let (xs, xe, y) = (x(claims[0].start), x(claims[0].end), lane_y(event));
                    @let ids = claims.iter().map(|d| d.claim.id.as_str()).collect::<Vec<_>>().join(" ");
                    g.event-mark data-event=(event) data-start=(start) data-end=(end) data-claims=(ids) {
                        title { (event) ": " (start) @if start != end { " – " (end) } " (" (plural(claims.len(), "claim", "claims")) ")" }
                        @if xe - xs < 1.0 {
                            circle cx=(num(xs)) cy=(num(y)) r="7" {}
                        } @else {
                            rect x=(num(xs)) y=(num(y - 7.0)) width=(num(xe - xs)) height="14" rx="4" {}
                        }
                    }
                }
                @for (finding, d) in &lines {
                    path class=(format!("conflict sev-{}", severity_name(finding.severity))) data-finding=(finding.id) d=(d) {
                        title { (finding.id) ": " (isolate(&finding.message)) }
                    }
                }
                @for d in dated {
                    @let (xs, xe, y) = (x(d.start), x(d.end), row_y(&d.claim.doc));
                    a href=(href("claim-", &d.claim.id)) {
                        g.claim-dot.conflicted[self.findings_of.contains_key(d.claim.id.as_str())] data-claim=(d.claim.id) {
                            title { (name(&d.claim.id)) " · " (d.claim.event) " · " (d.start_key) @if d.start_key != d.end_key { " – " (d.end_key) } }
                            @if xe - xs >= 1.0 { rect.span-bar x=(num(xs)) y=(num(y - 2.0)) width=(num(xe - xs)) height="4" {} }
                            circle cx=(num((xs + xe) / 2.0)) cy=(num(y)) r="5" {}
                        }
                    }
                }
            }
        }
    }

    fn documents(&self) -> Markup {
        html! {
            section #documents {
                h2 { "Documents" }
                @if self.documents.is_empty() { p.empty { "No documents." } }
                @for document in self.documents { (self.document(document)) }
            }
        }
    }

    fn document(&self, document: &Document) -> Markup {
        let mut claims: Vec<&Claim> = self
            .report
            .claims
            .iter()
            .filter(|c| c.doc == document.id)
            .collect();
        claims.sort_by_key(|c| (c.span.start, c.span.end));
        let mut shown: BTreeSet<&str> = BTreeSet::new();
        let blocks: Vec<Markup> = document
            .blocks
            .iter()
            .map(|block| self.block(document, block, &claims, &mut shown))
            .collect();
        let meta = &document.meta;
        html! {
            article.document id=(anchor("doc-", &document.id)) {
                h3 { bdi { (name(&document.id)) } }
                p.doc-meta {
                    @if let Some(outlet) = &meta.outlet { "Outlet: " bdi { (name(outlet)) } " · " }
                    "Published: "
                    @if let Some(date) = meta.published { bdi { (date.format("%Y-%m-%d")) } } @else { "unknown" }
                    @if let Some(from) = meta.published_from { " (" (date_source(from)) ")" }
                    @if let Some(url) = &meta.url { " · " bdi { (name(url)) } }
                    @if let Some(encoding) = &document.decoded_from { " · decoded from " bdi { (encoding) } }
                }
                div.doc-text dir="rtl" lang="ar" { @for block in blocks { (block) } }
                // Anchors for claims whose span lies outside every block, so links to them still land.
                @for claim in claims.iter().filter(|c| !shown.contains(c.id.as_str())) {
                    span.claim-anchor id=(anchor("claim-", &claim.id)) {}
                }
            }
        }
    }

    /// One block of a document; claims starting in it are highlighted and linked to their findings.
    fn block<'c>(
        &self,
        document: &Document,
        block: &Block,
        claims: &[&'c Claim],
        shown: &mut BTreeSet<&'c str>,
    ) -> Markup {
        let source = document.source.as_str();
        let span = safe_span(source, block.span);
        let mut pieces = Vec::new();
        let mut cursor = span.start;
        for &claim in claims
            .iter()
            .filter(|c| span.start <= c.span.start && c.span.start < span.end.max(span.start + 1))
        {
            let c = safe_span(source, claim.span);
            let (start, end) = (c.start.max(cursor), c.end.min(span.end));
            shown.insert(&claim.id);
            if start >= end {
                // Nested in the claim before: keep a link target without a second highlight.
                pieces.push(html! { span.claim-anchor id=(anchor("claim-", &claim.id)) {} });
                continue;
            }
            pieces.push(html! { (escape_embeddings(&source[cursor..start])) });
            let findings = self
                .findings_of
                .get(claim.id.as_str())
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            let title = format!("{} · {} · {}", name(&claim.id), claim.event, modality(claim));
            pieces.push(html! {
                mark.claim.conflicted[!findings.is_empty()] id=(anchor("claim-", &claim.id)) data-claim=(claim.id) title=(title) {
                    (escape_embeddings(&source[start..end]))
                }
                @for id in findings { a.flink href=(href("finding-", id)) { bdi { (id) } } }
            });
            cursor = end;
        }
        pieces.push(html! { (escape_embeddings(&source[cursor..span.end])) });
        html! {
            @match &block.kind {
                BlockKind::FrontMatter => pre.block.front-matter dir="ltr" title="front matter" { @for p in &pieces { (p) } },
                BlockKind::Headline => p.block.headline { @for p in &pieces { (p) } },
                BlockKind::Body => p.block.body { @for p in &pieces { (p) } },
                BlockKind::Boilerplate { reason } => {
                    @let reason = serde_json::to_value(reason).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
                    p.block.boilerplate dir="auto" data-reason=(reason) title=(format!("boilerplate: {reason}")) { @for p in &pieces { (p) } }
                },
            }
        }
    }
}

/// A message or other mixed-direction string: bidi controls written out, each Arabic run in a
/// `<bdi>` so punctuation between two runs keeps the page's direction.
fn mixed(text: &str) -> Markup {
    let text = name(text);
    html! {
        @for (rtl, piece) in runs(&text) {
            @if rtl { bdi { (piece) } } @else { (piece) }
        }
    }
}

/// Help for every finding kind that has some.
fn help() -> Markup {
    let kinds: Vec<FindingKind> = FindingKind::ALL
        .into_iter()
        .filter(|k| !k.help().trim().is_empty())
        .collect();
    html! {
        section #help {
            h2 { "Finding kinds" }
            @if kinds.is_empty() { p.empty { "No help text is available in this build." } }
            @for kind in kinds {
                article.help id=(anchor("help-", kind.name())) {
                    h3 { code { (kind.name()) } }
                    @for para in help_paragraphs(kind.help()) {
                        p dir="auto" {
                            @if let Some((label, rest)) = para.split_once(':').filter(|(l, _)| is_label(l)) {
                                strong { (label) ":" } (inline(rest))
                            } @else {
                                (inline(&para))
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

/// A claim placed on the timeline.
struct Dated<'a> {
    claim: &'a Claim,
    start: NaiveDateTime,
    end: NaiveDateTime,
    /// `start` as written in the JSON.
    start_key: String,
    /// `end` as written in the JSON.
    end_key: String,
}

impl<'a> Dated<'a> {
    fn of(claim: &'a Claim) -> Option<Dated<'a>> {
        let time = claim.time.as_ref()?.value.time()?;
        let (start, end) = (time.start?, time.end?);
        // Keys come from the serializer itself, so the page and the JSON agree on what is distinct.
        let json = serde_json::to_value(time).ok()?;
        let key = |field: &str| json.get(field).and_then(|v| v.as_str()).map(str::to_owned);
        let (start_key, end_key) = (key("start")?, key("end")?);
        let (start, end) = if end < start { (end, start) } else { (start, end) };
        Some(Dated {
            claim,
            start,
            end,
            start_key,
            end_key,
        })
    }
}

/// Sides of a finding shown before the rest fold.
const SIDES_SHOWN: usize = 8;

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

/// Ids of the claims a finding cites, its list first then its sides', without repeats.
fn cited_claims(finding: &Finding) -> impl Iterator<Item = &str> {
    let mut seen = BTreeSet::new();
    finding
        .claims
        .iter()
        .map(String::as_str)
        .chain(finding.sides.iter().filter_map(|s| s.claim.as_deref()))
        .filter(move |c| seen.insert(*c))
}

/// An element id: `prefix` + `raw`, whitespace replaced (ids may not contain it) and bidi
/// controls written out (a page's source stays readable).
fn anchor(prefix: &str, raw: &str) -> String {
    let mut id = String::from(prefix);
    id.extend(name(raw).chars().map(|c| if c.is_whitespace() { '_' } else { c }));
    id
}

/// A link to [`anchor`]`(prefix, raw)`; claim ids hold `#`, so the fragment is percent-encoded.
fn href(prefix: &str, raw: &str) -> String {
    let mut out = String::from("#");
    for byte in anchor(prefix, raw).bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~:".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Where a publication date came from, in words.
fn date_source(from: DateSource) -> &'static str {
    match from {
        DateSource::FrontMatter => "front matter",
        DateSource::Dateline => "dateline",
        DateSource::Inferred => "inferred",
    }
}

/// A claim's modality as in the JSON.
fn modality(claim: &Claim) -> String {
    serde_json::to_value(claim.modality)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// An axis label: the date, with the time of day when there is one.
fn instant_label(t: NaiveDateTime) -> String {
    if t.hour() == 0 && t.minute() == 0 && t.second() == 0 {
        t.format("%Y-%m-%d").to_string()
    } else {
        t.format("%Y-%m-%d %H:%M").to_string()
    }
}

/// An SVG path from `a` to `b`: straight for the first link between two points, then bowed
/// alternately to either side, further each time.
fn link_path(a: (f64, f64), b: (f64, f64), nth: usize) -> String {
    let (mx, my) = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length = (dx * dx + dy * dy).sqrt().max(1.0);
    let side = if nth % 2 == 1 { 1.0 } else { -1.0 };
    let bend = side * 12.0 * nth.div_ceil(2) as f64;
    // The control point sits off the midpoint, perpendicular to the segment.
    let (cx, cy) = (mx - dy / length * bend, my + dx / length * bend);
    format!(
        "M{} {} Q{} {} {} {}",
        num(a.0),
        num(a.1),
        num(cx),
        num(cy),
        num(b.0),
        num(b.1)
    )
}

/// At most `max` characters of `s`, with an ellipsis when cut.
fn short(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        s.chars().take(max - 1).chain(['…']).collect()
    }
}

/// A coordinate with one decimal.
fn num(x: f64) -> String {
    format!("{x:.1}")
}

const SVG_WIDTH: f64 = 1180.0;
const LABEL_WIDTH: f64 = 190.0;
/// Top of the first lane: room for the rotated date labels.
const TOP: f64 = 96.0;
/// Height of a lane or a row.
const ROW: f64 = 26.0;

const CSS: &str = r#"
:root { --contradiction: #c62828; --tension: #e65100; --note: #1565c0; --muted: #666; --line: #ddd; }
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1d1d1d; background: #fafafa; line-height: 1.5; }
[lang=ar] { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Geeza Pro", "Segoe UI", Tahoma, system-ui, sans-serif; font-size: 1.08em; line-height: 1.9; }
header.top { background: #263238; color: #fff; padding: .6em 1.5em; display: flex; gap: 2em; align-items: baseline; flex-wrap: wrap; position: sticky; top: 0; z-index: 2; }
header.top h1 { margin: 0; font-size: 1.3em; }
header.top nav a { color: #cfd8dc; margin-right: 1.2em; text-decoration: none; }
main { max-width: 1240px; margin: 0 auto; padding: 0 1.5em 4em; }
section > h2 { border-bottom: 2px solid var(--line); padding-bottom: .2em; margin-top: 1.8em; }
.summary-line { font-size: 1.15em; font-weight: 600; }
.severity-counts { list-style: none; padding: 0; display: flex; gap: 1.5em; }
.badge { display: inline-block; padding: 0 .5em; border-radius: 3px; color: #fff; font-size: .85em; font-weight: 600; }
.badge.sev-contradiction { background: var(--contradiction); } .badge.sev-tension { background: var(--tension); } .badge.sev-note { background: var(--note); }
table.doc-table { border-collapse: collapse; width: 100%; background: #fff; }
.doc-table th, .doc-table td { border: 1px solid var(--line); padding: .3em .6em; text-align: left; vertical-align: top; }
.doc-table td:nth-child(n+4) { white-space: nowrap; }
.none, .hint, .empty { color: var(--muted); }
form.filters { display: flex; gap: 2em; align-items: center; flex-wrap: wrap; background: #fff; border: 1px solid var(--line); padding: .5em 1em; margin-bottom: 1em; }
form.filters fieldset { border: none; margin: 0; padding: 0; display: flex; gap: 1em; }
form.filters legend { float: left; margin-right: 1em; font-weight: 600; }
#filter-status { color: var(--muted); }
article.finding { background: #fff; border: 1px solid var(--line); border-left: 6px solid var(--muted); margin: 0 0 1em; padding: .6em 1em; }
article.finding[hidden] { display: none; }
article.finding.sev-contradiction { border-left-color: var(--contradiction); }
article.finding.sev-tension { border-left-color: var(--tension); }
article.finding.sev-note { border-left-color: var(--note); }
article.finding:target { outline: 3px solid #ffd54f; }
.finding header { display: flex; gap: .5em; align-items: center; }
.finding .fid { margin-left: auto; color: var(--muted); }
.finding .message { font-weight: 600; margin: .4em 0; }
.finding .resolution { background: #e8f5e9; padding: .3em .6em; }
ol.sides { padding-left: 1.2em; }
blockquote.quote { margin: .3em 0; padding: .4em .8em; background: #f5f5f5; border-right: 3px solid #bbb; }
mark.side-mark { background: #ffe082; padding: 0 .1em; }
dl.side-meta { display: grid; grid-template-columns: max-content 1fr; gap: .1em 1em; margin: .2em 0 .8em; font-size: .92em; }
dl.side-meta dt { color: var(--muted); } dl.side-meta dd { margin: 0; }
.pos { color: var(--muted); font-family: ui-monospace, monospace; }
#timeline-svg { background: #fff; border: 1px solid var(--line); max-width: 100%; height: auto; }
#timeline-svg .grid { stroke: #eee; }
#timeline-svg .divider { stroke: #bbb; stroke-dasharray: 4 3; }
#timeline-svg text { font-size: 12px; fill: #333; }
#timeline-svg .group-label { font-weight: 700; fill: var(--muted); }
#timeline-svg .tick { fill: var(--muted); font-size: 11px; }
#timeline-svg .event-mark circle, #timeline-svg .event-mark rect { fill: #546e7a; opacity: .85; }
#timeline-svg .claim-dot circle { fill: #90a4ae; stroke: #fff; stroke-width: 1.5; }
#timeline-svg .claim-dot.conflicted circle { fill: #37474f; }
#timeline-svg .span-bar { fill: #cfd8dc; }
#timeline-svg .conflict { stroke-width: 2.5; opacity: .8; fill: none; }
#timeline-svg .conflict.sev-contradiction { stroke: var(--contradiction); }
#timeline-svg .conflict.sev-tension { stroke: var(--tension); }
#timeline-svg .conflict.sev-note { stroke: var(--note); }
ul.unanchored li { margin-bottom: .5em; }
.claim-text { color: #333; }
.why { color: var(--muted); }
article.document { background: #fff; border: 1px solid var(--line); padding: .4em 1.2em 1em; margin-bottom: 1.5em; }
.doc-meta { color: var(--muted); }
.doc-text .block { margin: .5em 0; white-space: pre-wrap; }
.doc-text .headline { font-weight: 700; font-size: 1.15em; }
.doc-text .boilerplate { opacity: .45; font-size: .92em; border-right: 3px dotted #bbb; padding-right: .5em; }
.doc-text .front-matter { background: #f5f5f5; padding: .4em; font-size: .85em; opacity: .7; }
mark.claim { background: #e3f2fd; border-bottom: 2px solid #90caf9; }
mark.claim.conflicted { background: #ffebee; border-bottom-color: var(--contradiction); }
mark.claim:target { background: #ffd54f; }
a.flink { font-size: .75em; vertical-align: super; margin: 0 .15em; text-decoration: none; }
article.help p { max-width: 60em; }
"#;

/// Filters findings (and their timeline lines) by severity and kind.
const SCRIPT: &str = r#"
(function () {
  var form = document.getElementById('filters');
  if (!form) return;
  function apply() {
    var severities = {};
    form.querySelectorAll('input[name=severity]').forEach(function (box) { severities[box.value] = box.checked; });
    var kind = form.querySelector('select[name=kind]').value;
    var shown = {}, count = 0, all = document.querySelectorAll('article.finding');
    all.forEach(function (a) {
      var visible = severities[a.dataset.severity] && (kind === '' || a.dataset.kind === kind);
      a.hidden = !visible;
      if (visible) { shown[a.dataset.id] = true; count++; }
    });
    document.querySelectorAll('#timeline-svg .conflict').forEach(function (line) {
      line.style.display = shown[line.dataset.finding] ? '' : 'none';
    });
    document.getElementById('filter-status').textContent = count + ' of ' + all.length + ' findings shown';
  }
  form.addEventListener('change', apply);
  apply();
})();
"#;

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
