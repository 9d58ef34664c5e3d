//! The timeline: publication dates, event dates and dated claims on one axis; an event given
//! dates that cannot both hold drawn as a range with each end marked by the articles giving it;
//! then the claims without a time, grouped by sentence and folded.

use std::collections::{BTreeMap, BTreeSet};
use std::io;

use chrono::{NaiveDate, NaiveDateTime, Timelike};
use isnad_claims::claims::Claim;
use isnad_graph::{Finding, FindingKind};
use maud::{Markup, html};
use rustc_hash::{FxHashMap, FxHashSet};

use super::{HOLE, Out, Page, Shell, anchor, cited_claims, href, name, num, put, short};
use crate::bidi::{escape_embeddings, isolate};
use crate::quote::{plural, severity_name};

/// Links drawn between the claims one finding cites, at most.
const MAX_LINKS_PER_FINDING: usize = 60;

impl Page<'_> {
    /// The timeline: one lane per event type holding one mark per dated event, one row per
    /// conflicting date (an event given dates that cannot both hold), then one row per document
    /// holding its publication date and its dated claims, with the claims cited by one finding
    /// joined by a line in the finding's severity colour.
    ///
    /// A *dated claim* is a claim whose `time` mention has a resolved value with both `start` and
    /// `end`. A *dated event* is a distinct `(event, start, end)` triple among the dated claims,
    /// `start` and `end` compared as written in the JSON (at the value's grain). Exactly one
    /// `.event-mark` is drawn per dated event; its `data-claims` lists the ids of its claims,
    /// separated by spaces.
    ///
    /// Positions are in date order, evenly spaced, not to scale: a story often sets today's events
    /// beside ones decades old, and a linear axis would crush them together.
    pub(super) fn timeline(&self, out: Out<'_>) -> io::Result<()> {
        // Each claim is placed once: on the axis when dated, in the inventory below when not.
        let mut dated: Vec<Dated<'_>> = Vec::new();
        let mut undated: Vec<&Claim> = Vec::new();
        for &claim in &self.report.claims {
            match Dated::of(claim) {
                Some(d) => dated.push(d),
                None => undated.push(claim),
            }
        }
        let published: Vec<(&str, NaiveDateTime)> = self
            .report
            .documents
            .iter()
            .filter_map(|d| Some((d.id.as_str(), day(d.published.as_deref()?)?)))
            .collect();
        let conflicts = self.date_conflicts(&dated);
        let drawn = !(dated.is_empty() && published.is_empty());
        let mut section = Shell::new(html! {
            section #timeline {
                h2 { "Timeline" }
                @if !drawn {
                    p.empty { "No claim has a resolved time and no article a publication date." }
                } @else {
                    p.hint {
                        "◆ an article's publication date; a dot is a point in time, a bar an interval; lines join claims cited by one finding. "
                        @if !conflicts.is_empty() {
                            "Under “Conflicting dates”, a range spans the dates one event is given, each date marked with the articles that give it: "
                            "in the colour of the finding that flags it, grey where the claims of one merged event differ and no rule flagged them. "
                        }
                        "Positions are in date order, evenly spaced, not to scale."
                    }
                    (HOLE)
                }
                (HOLE)
            }
        });
        section.write_to_hole(out)?;
        if drawn {
            self.timeline_svg(&dated, &published, &conflicts, out)?;
            section.write_to_hole(out)?;
        }
        self.undated(&undated, out)?;
        section.write_to_hole(out)
    }

    /// Claims without a time, one row per sentence with its claims inside, folded: an inventory to
    /// consult, not to read, and a sentence often holds several claims.
    fn undated(&self, undated: &[&Claim], out: Out<'_>) -> io::Result<()> {
        let mut sentences: Vec<((&str, &str), Vec<&Claim>)> = Vec::new();
        // Rows by their sentence, so each claim finds its row in one lookup.
        let mut row_of: FxHashMap<(&str, &str), usize> = FxHashMap::default();
        for &claim in undated {
            let key = (claim.doc.as_str(), &*claim.text);
            match row_of.get(&key) {
                Some(&row) => sentences[row].1.push(claim),
                None => {
                    row_of.insert(key, sentences.len());
                    sentences.push((key, vec![claim]));
                }
            }
        }
        let mut inventory = Shell::new(html! {
            h3 { "Claims without a time" }
            @if sentences.is_empty() {
                p.empty { "None." }
            } @else {
                details #undated.inventory {
                    summary { (plural(undated.len(), "claim", "claims")) " in " (plural(sentences.len(), "sentence", "sentences")) }
                    ol.undated { (HOLE) }
                }
            }
        });
        inventory.write_to_hole(out)?;
        for ((doc, text), claims) in &sentences {
            put(
                out,
                html! {
                    li.sentence {
                        p.sentence-claims {
                            a href=(href("doc-", doc)) { bdi { (name(doc)) } }
                            @if let Some(document) = self.find_document(doc) {
                                @let (line, col) = self.line_col(document, claims[0].span.start);
                                " " bdi.pos { (line) ":" (col) }
                            }
                            " · "
                            @for (i, claim) in claims.iter().enumerate() {
                                @if i > 0 { ", " }
                                a href=(href("claim-", &claim.id)) { bdi { (name(&claim.id)) } }
                                " " code { (claim.event) }
                                @if let Some(reason) = claim.time.as_ref().and_then(|m| m.value.time()).and_then(|t| t.unresolved.as_deref()) {
                                    " " span.why { "(" (reason) ")" }
                                }
                            }
                        }
                        div.claim-text dir="rtl" lang="ar" { (escape_embeddings(text)) }
                    }
                },
            )?;
        }
        inventory.write_to_hole(out)
    }

    /// Events given dates that cannot both hold: each `date_mismatch` finding whose sides carry
    /// two dates or more, then each merged event whose claims carry two dates that do not overlap
    /// and that no such finding already shows.
    fn date_conflicts<'s>(&'s self, dated: &'s [Dated<'s>]) -> Vec<DateConflict<'s>> {
        let by_id: FxHashMap<&str, &Dated<'_>> = dated.iter().map(|d| (d.claim.id.as_str(), d)).collect();
        let mut conflicts = Vec::new();
        let mut shown: BTreeSet<&str> = BTreeSet::new();
        for finding in self
            .report
            .findings
            .iter()
            .filter(|f| f.kind == FindingKind::DateMismatch)
        {
            let mut dates = Dates::default();
            for side in &finding.sides {
                let claim = side.claim.as_deref().and_then(|c| by_id.get(c));
                let when = match claim {
                    Some(d) => Some((d.start, d.end)),
                    None => side.value.as_deref().and_then(range),
                };
                if let Some((start, end)) = when {
                    dates.add(start, end, &side.doc, claim.map(|d| d.claim.id.as_str()));
                }
            }
            let dates = dates.dates;
            if dates.len() > 1 {
                let event = finding
                    .sides
                    .iter()
                    .find_map(|s| s.claim.as_deref().and_then(|c| self.claims.get(c)))
                    .map_or("date", |c| c.event.as_str());
                shown.extend(
                    dates
                        .iter()
                        .flat_map(|d: &ConflictDate<'_>| d.claims.iter().copied()),
                );
                conflicts.push(DateConflict {
                    finding: Some(finding),
                    id: &finding.id,
                    event,
                    dates,
                });
            }
        }
        for event in self.report.events {
            let members: Vec<&Dated<'_>> = event
                .claims
                .iter()
                .filter_map(|c| by_id.get(&**c).copied())
                .collect();
            // Two claims whose dates do not overlap: one that ends before another starts, so the
            // earliest end before the latest start (an event of many copies compares each once).
            let earliest_end = members.iter().map(|d| d.end).min();
            let latest_start = members.iter().map(|d| d.start).max();
            let disjoint = earliest_end < latest_start;
            if !disjoint || members.iter().any(|d| shown.contains(d.claim.id.as_str())) {
                continue;
            }
            let mut dates = Dates::default();
            for d in &members {
                dates.add(d.start, d.end, &d.claim.doc, Some(&d.claim.id));
            }
            let dates = dates.dates;
            conflicts.push(DateConflict {
                finding: None,
                id: &event.id,
                event: &event.event,
                dates,
            });
        }
        conflicts
    }

    fn timeline_svg(
        &self,
        dated: &[Dated<'_>],
        published: &[(&str, NaiveDateTime)],
        conflicts: &[DateConflict<'_>],
        out: Out<'_>,
    ) -> io::Result<()> {
        // Evenly spaced positions for every distinct instant that starts or ends a claim's time or
        // a conflicting date, and every publication date.
        let instants: BTreeSet<NaiveDateTime> = dated
            .iter()
            .flat_map(|d| [d.start, d.end])
            .chain(published.iter().map(|&(_, t)| t))
            .chain(
                conflicts
                    .iter()
                    .flat_map(|c| c.dates.iter().flat_map(|d| [d.start, d.end])),
            )
            .collect();
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
        let lane_of: FxHashMap<&str, usize> = lanes.iter().enumerate().map(|(n, &e)| (e, n)).collect();
        let lane_y = |event: &str| TOP + ROW * lane_of.get(event).copied().unwrap_or(0) as f64 + ROW / 2.0;

        // Conflicting dates: the range on top, who says what below it, in two staggered lines so
        // labels of neighbouring dates do not overlap.
        let conflicts_top = TOP + ROW * lanes.len() as f64 + if conflicts.is_empty() { 0.0 } else { ROW };
        let conflict_y = |i: usize| conflicts_top + CONFLICT_ROW * i as f64 + ROW / 2.0;

        // One row per document: the report's documents, then any other document a claim names.
        let mut rows: Vec<&str> = self.report.documents.iter().map(|d| d.id.as_str()).collect();
        // Each document's row, looked up: a story of many articles has as many rows.
        let mut row_of: FxHashMap<&str, usize> = FxHashMap::default();
        for (n, doc) in rows.iter().enumerate() {
            row_of.entry(doc).or_insert(n);
        }
        for d in dated {
            if !row_of.contains_key(d.claim.doc.as_str()) {
                row_of.insert(&d.claim.doc, rows.len());
                rows.push(&d.claim.doc);
            }
        }
        let rows_top = conflicts_top + CONFLICT_ROW * conflicts.len() as f64 + ROW;
        let row_y = |doc: &str| rows_top + ROW * row_of.get(doc).copied().unwrap_or(0) as f64 + ROW / 2.0;
        let height = rows_top + ROW * rows.len() as f64 + 16.0;

        let mut at: FxHashMap<&str, (f64, f64)> = FxHashMap::default();
        for d in dated {
            at.entry(d.claim.id.as_str())
                .or_insert(((x(d.start) + x(d.end)) / 2.0, row_y(&d.claim.doc)));
        }
        // Findings often cite the same pair of claims (a date and a count of one event): each further
        // link between the same two points bends further, so none hides another.
        let mut lines = Vec::new();
        let mut messages: Vec<String> = Vec::new();
        let mut drawn: FxHashMap<(&str, &str), usize> = FxHashMap::default();
        for finding in self.report.findings {
            let cited: Vec<&str> = cited_claims(finding).filter(|c| at.contains_key(c)).collect();
            if cited.len() < 2 {
                continue;
            }
            // Each of a finding's links shows its message: isolated once, not once per link.
            messages.push(isolate(&finding.message));
            let message = messages.len() - 1;
            // A finding citing thousands of copies is drawn by its first links: more lines would
            // only blacken the same rows (and grow with the copies, issue #17).
            for pair in cited.windows(2).take(MAX_LINKS_PER_FINDING) {
                let key = if pair[0] <= pair[1] {
                    (pair[0], pair[1])
                } else {
                    (pair[1], pair[0])
                };
                let nth = drawn.entry(key).or_default();
                lines.push((finding, message, link_path(at[pair[0]], at[pair[1]], *nth)));
                *nth += 1;
            }
        }

        // The timeline of a story of many articles holds a mark for each of its dated claims:
        // each mark is written as it is made.
        let mut svg = Shell::new(html! {
            svg #timeline-svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Timeline of the story's dated claims"
                width=(num(SVG_WIDTH)) height=(num(height)) viewBox=(format!("0 0 {} {}", num(SVG_WIDTH), num(height))) {
                (HOLE)
            }
        });
        svg.write_to_hole(out)?;
        for &t in &instants {
            put(
                out,
                html! {
                    line.grid x1=(num(x(t))) y1=(num(TOP - 4.0)) x2=(num(x(t))) y2=(num(height - 8.0)) {}
                    text.tick x=(num(x(t))) y=(num(TOP - 8.0)) transform=(format!("rotate(-40 {} {})", num(x(t)), num(TOP - 8.0))) {
                        (instant_label(t))
                    }
                },
            )?;
        }
        put(
            out,
            html! {
                text.group-label x="8" y=(num(TOP - 8.0)) { "Events" }
                @for lane in &lanes {
                    text.lane-label x="8" y=(num(lane_y(lane) + 4.0)) { (lane) }
                }
                @if !conflicts.is_empty() {
                    line.divider x1="0" y1=(num(conflicts_top - ROW / 2.0)) x2=(num(SVG_WIDTH)) y2=(num(conflicts_top - ROW / 2.0)) {}
                    text.group-label x="8" y=(num(conflicts_top - 4.0)) { "Conflicting dates" }
                }
            },
        )?;
        for (i, conflict) in conflicts.iter().enumerate() {
            put(out, self.conflict_row(conflict, conflict_y(i), &x))?;
        }
        put(
            out,
            html! {
                line.divider x1="0" y1=(num(rows_top - ROW / 2.0)) x2=(num(SVG_WIDTH)) y2=(num(rows_top - ROW / 2.0)) {}
                text.group-label x="8" y=(num(rows_top - 4.0)) { "Documents" }
            },
        )?;
        for row in &rows {
            put(
                out,
                html! { text.lane-label x="8" y=(num(row_y(row) + 4.0)) { (short(&name(row), 24)) title { (name(row)) } } },
            )?;
        }
        for ((event, start, end), claims) in &events {
            let (xs, xe, y) = (x(claims[0].start), x(claims[0].end), lane_y(event));
            let ids = claims
                .iter()
                .map(|d| d.claim.id.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            put(
                out,
                html! {
                    g.event-mark data-event=(event) data-start=(start) data-end=(end) data-claims=(ids) {
                        title { (event) ": " (start) @if start != end { " – " (end) } " (" (plural(claims.len(), "claim", "claims")) ")" }
                        @if xe - xs < 1.0 {
                            circle cx=(num(xs)) cy=(num(y)) r="7" {}
                        } @else {
                            rect x=(num(xs)) y=(num(y - 7.0)) width=(num(xe - xs)) height="14" rx="4" {}
                        }
                    }
                },
            )?;
        }
        for (finding, message, d) in &lines {
            put(
                out,
                html! {
                    path class=(format!("conflict sev-{}", severity_name(finding.severity))) data-finding=(finding.id) d=(d) {
                        title { (finding.id) ": " (messages[*message]) }
                    }
                },
            )?;
        }
        for d in dated {
            let (xs, xe, y) = (x(d.start), x(d.end), row_y(&d.claim.doc));
            put(
                out,
                html! {
                    a href=(href("claim-", &d.claim.id)) {
                        g.claim-dot.conflicted[self.findings_of.contains_key(d.claim.id.as_str())] data-claim=(d.claim.id) {
                            title { (name(&d.claim.id)) " · " (d.claim.event) " · " (d.start_key) @if d.start_key != d.end_key { " – " (d.end_key) } }
                            @if xe - xs >= 1.0 { rect.span-bar x=(num(xs)) y=(num(y - 2.0)) width=(num(xe - xs)) height="4" {} }
                            circle cx=(num((xs + xe) / 2.0)) cy=(num(y)) r="5" {}
                        }
                    }
                },
            )?;
        }
        // Drawn last and hollow, so a claim dated the day of publication still shows.
        for &(doc, t) in published {
            let (cx, cy) = (x(t), row_y(doc));
            put(
                out,
                html! {
                    g.published-mark data-doc=(name(doc)) data-date=(instant_label(t)) {
                        title { (name(doc)) " published " (instant_label(t)) }
                        path d=(format!("M{} {} L{} {} L{} {} L{} {} Z", num(cx), num(cy - 9.0), num(cx + 7.0), num(cy), num(cx), num(cy + 9.0), num(cx - 7.0), num(cy))) {}
                    }
                },
            )?;
        }
        svg.write_to_hole(out)
    }

    /// One conflicting date: the range between the dates an event is given, each date marked and
    /// labelled below with the articles that give it, linked to the finding when there is one.
    fn conflict_row(&self, conflict: &DateConflict<'_>, y: f64, x: &dyn Fn(NaiveDateTime) -> f64) -> Markup {
        let (first, last) = (&conflict.dates[0], &conflict.dates[conflict.dates.len() - 1]);
        let (from, to) = (x(first.start), x(last.end));
        let severity = conflict.finding.map_or("none", |f| severity_name(f.severity));
        let link = match conflict.finding {
            Some(f) => href("finding-", &f.id),
            None => href("claim-", first.claims.first().copied().unwrap_or_default()),
        };
        html! {
            a href=(link) {
                g id=(anchor("date-", conflict.id)) class=(format!("date-range sev-{severity}"))
                    data-finding=[conflict.finding.map(|f| f.id.as_str())] data-event=(conflict.event)
                    data-from=(instant_label(first.start)) data-to=(instant_label(last.end)) {
                    title {
                        (conflict.event) " (" (conflict.id) "): "
                        @for (i, date) in conflict.dates.iter().enumerate() {
                            @if i > 0 { " vs " }
                            (date.label()) " in " (date.docs.iter().map(|d| name(d)).collect::<Vec<_>>().join(", "))
                        }
                        @match conflict.finding {
                            Some(f) => { " — " (isolate(&f.message)) }
                            None => { " — the claims of one merged event; no rule flagged these dates" }
                        }
                    }
                    text.lane-label x="8" y=(num(y + 4.0)) { (conflict.event) " · " (conflict.id) }
                    rect.range x=(num(from)) y=(num(y - 3.0)) width=(num((to - from).max(1.0))) height="6" rx="3" {}
                    @for (i, date) in conflict.dates.iter().enumerate() {
                        @let (xs, xe) = (x(date.start), x(date.end));
                        @let anchor = if (xs + xe) / 2.0 > (SVG_WIDTH + LABEL_WIDTH) / 2.0 { "end" } else { "start" };
                        @let who = date.docs.iter().map(|d| self.doc_label(d)).collect::<Vec<_>>();
                        g.range-side data-date=(date.label()) data-docs=(date.docs.iter().map(|d| name(d)).collect::<Vec<_>>().join(" ")) {
                            @if xe - xs < 1.0 {
                                circle cx=(num(xs)) cy=(num(y)) r="6" {}
                            } @else {
                                rect x=(num(xs)) y=(num(y - 6.0)) width=(num(xe - xs)) height="12" rx="3" {}
                            }
                            // A date and the articles giving it, toward the middle of the axis: two
                            // text lines, so the Arabic names never reorder the digits of the date.
                            @let (lx, ly) = (if anchor == "end" { xe } else { xs }, y + 18.0 + if i % 2 == 1 { 26.0 } else { 0.0 });
                            text.range-date x=(num(lx)) y=(num(ly)) text-anchor=(anchor) { (date.label()) }
                            text.range-label x=(num(lx)) y=(num(ly + 12.0)) text-anchor=(anchor) { (short(&name(&who.join("، ")), 36)) }
                        }
                    }
                }
            }
        }
    }
}

/// An event given dates that cannot both hold.
struct DateConflict<'a> {
    /// The `date_mismatch` finding saying so; `None` for a merged event whose claims disagree.
    finding: Option<&'a Finding>,
    /// The finding's id, or the event's.
    id: &'a str,
    /// The event type.
    event: &'a str,
    /// Each distinct date with who gives it, in date order.
    dates: Vec<ConflictDate<'a>>,
}

/// One date of a conflict and the documents (and claims) giving it.
struct ConflictDate<'a> {
    start: NaiveDateTime,
    end: NaiveDateTime,
    docs: Vec<&'a str>,
    claims: Vec<&'a str>,
}

impl ConflictDate<'_> {
    /// The date as on the axis; an interval as its two ends.
    fn label(&self) -> String {
        if self.start == self.end {
            instant_label(self.start)
        } else {
            format!("{} – {}", instant_label(self.start), instant_label(self.end))
        }
    }
}

/// A conflict's dates as they are gathered, with what each already lists: a finding or an event
/// may cite thousands of copies, each looked up rather than searched for.
#[derive(Default)]
struct Dates<'a> {
    /// Each distinct date, in date order.
    dates: Vec<ConflictDate<'a>>,
    /// (date, document) pairs listed.
    docs: FxHashSet<(NaiveDateTime, NaiveDateTime, &'a str)>,
    /// (date, claim) pairs listed.
    claims: FxHashSet<(NaiveDateTime, NaiveDateTime, &'a str)>,
}

impl<'a> Dates<'a> {
    /// Adds one side's date, kept in date order without repeats.
    fn add(&mut self, start: NaiveDateTime, end: NaiveDateTime, doc: &'a str, claim: Option<&'a str>) {
        let at = self.dates.partition_point(|d| (d.start, d.end) < (start, end));
        if self
            .dates
            .get(at)
            .is_none_or(|d| (d.start, d.end) != (start, end))
        {
            self.dates.insert(
                at,
                ConflictDate {
                    start,
                    end,
                    docs: Vec::new(),
                    claims: Vec::new(),
                },
            );
        }
        let date = &mut self.dates[at];
        if self.docs.insert((start, end, doc)) {
            date.docs.push(doc);
        }
        if let Some(claim) = claim.filter(|&c| self.claims.insert((start, end, c))) {
            date.claims.push(claim);
        }
    }
}

/// A `YYYY-MM-DD` date as the instant it starts.
fn day(text: &str) -> Option<NaiveDateTime> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()?
        .and_hms_opt(0, 0, 0)
}

/// A side's value read as a date or a range of days (`2024-03-04`, `2000-07-01..2000-07-31`).
fn range(value: &str) -> Option<(NaiveDateTime, NaiveDateTime)> {
    match value.split_once("..") {
        Some((start, end)) => Some((day(start.trim())?, day(end.trim())?)),
        None => day(value.trim()).map(|t| (t, t)),
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

const SVG_WIDTH: f64 = 1180.0;
const LABEL_WIDTH: f64 = 190.0;
/// Top of the first lane: room for the rotated date labels.
const TOP: f64 = 96.0;
/// Height of a lane or a row.
const ROW: f64 = 26.0;
/// Height of a conflicting date's row: its range, then two staggered lines of labels.
const CONFLICT_ROW: f64 = 3.0 * ROW;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Report, render_html};
    use isnad_graph::Severity;

    /// Issue #17: a finding citing the dated claims of many copies draws a bounded number of links.
    #[test]
    fn a_finding_citing_many_copies_draws_at_most_its_bounded_links() {
        let text = "عنوان\nزار الوزير مدينة الميناء يوم 12 مارس 2024 وافتتح الجسر الجديد.\n";
        let gazetteer = isnad_claims::entities::Gazetteer::builtin();
        let copies = MAX_LINKS_PER_FINDING + 20;
        let docs: Vec<_> = (0..copies)
            .map(|n| {
                let id = format!("c{n:03}.txt");
                isnad_parser::parse_document(&id, text.as_bytes(), &Default::default())
                    .unwrap()
                    .0
            })
            .collect();
        let analyses: Vec<_> = docs
            .iter()
            .map(|d| isnad_claims::analyze(d, &gazetteer, isnad_claims::mentions::Lean::Tense))
            .collect();
        let dated: Vec<String> = analyses
            .iter()
            .flat_map(|a| &a.claims)
            .filter(|c| c.time.is_some())
            .map(|c| c.id.clone())
            .collect();
        assert!(dated.len() >= copies, "every copy has a dated claim");
        let finding = Finding {
            id: "F1".into(),
            kind: FindingKind::DateMismatch,
            severity: Severity::Contradiction,
            message: "m".into(),
            claims: dated,
            facts: Vec::new(),
            resolution: None,
            sides: Vec::new(),
        };
        let check = isnad_graph::StoryCheck {
            findings: vec![finding],
            ..Default::default()
        };
        let page = render_html(&Report::build(&docs, &analyses, &check, &[]), &docs);
        let links = page.matches("data-finding=\"F1\" d=").count();
        assert!(links > 0, "the finding's claims are joined");
        assert!(links <= MAX_LINKS_PER_FINDING, "{links} links drawn");
    }
}
