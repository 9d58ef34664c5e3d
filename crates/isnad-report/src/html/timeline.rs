//! The timeline: dated events and claims on one axis, conflicting claims joined.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{NaiveDateTime, Timelike};
use isnad_claims::claims::Claim;
use maud::{Markup, html};

use super::{Page, cited_claims, href, name, num, short};
use crate::bidi::{escape_embeddings, isolate};
use crate::quote::{plural, severity_name};

impl Page<'_> {
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
    pub(super) fn timeline(&self) -> Markup {
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
