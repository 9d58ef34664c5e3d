//! The HTML report: one self-contained page (inline CSS, a few lines of plain JavaScript for the
//! filters, an inline SVG timeline, system fonts, nothing fetched from the network).
//!
//! The chrome is English and left to right; Arabic text sits in `dir="rtl" lang="ar"` blocks and
//! numbers, dates, ids and Latin names inside `<bdi>` so the bidi algorithm cannot reorder them
//! into their neighbours; each Arabic run of an English message is in a `<bdi>` of its own. Bidi
//! controls are written out in names, titles and messages, and embeddings and overrides in the
//! articles' text (see `bidi`).
//!
//! Sections, in the order an editor needs them: the summary opens with one line per contradiction
//! and tension (the first screen holds them all), then the findings (notes folded), the timeline,
//! the articles' full text with claims highlighted (folded), help for each finding kind (folded).
//! Whatever runs long is folded in `<details>`, so the page of a five-article story stays a few
//! screens; a link into a fold opens it.

mod articles;
mod findings;
mod help;
mod style;
mod summary;
mod timeline;

use std::collections::{BTreeSet, HashMap};

use isnad_claims::claims::Claim;
use isnad_graph::Finding;
use isnad_parser::{DateSource, Document};
use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::bidi::{escape_bidi as name, runs};
use crate::quote::Documents;
use crate::{DocumentSummary, Report};

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
                style { (PreEscaped(style::CSS)) }
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
                    (help::help())
                }
                script { (PreEscaped(style::SCRIPT)) }
            }
        }
    };
    markup.into_string()
}

/// The report with the lookups the sections share: every lookup by id is a map, so a story of
/// many articles costs each side or claim one lookup, not a walk over the documents.
struct Page<'a> {
    report: &'a Report,
    documents: &'a [Document],
    /// Claim id → ids of the findings citing it, in report order.
    findings_of: HashMap<&'a str, Vec<&'a str>>,
    /// Claim id → the claim.
    claims: HashMap<&'a str, &'a Claim>,
    /// The documents by id, with their lines.
    docs: Documents<'a>,
    /// Document id → its summary in the report.
    summaries: HashMap<&'a str, &'a DocumentSummary>,
    /// Document id → its claims, in report order.
    claims_of: HashMap<&'a str, Vec<&'a Claim>>,
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
        let mut claims_of: HashMap<&str, Vec<&Claim>> = HashMap::new();
        for claim in &report.claims {
            claims_of.entry(claim.doc.as_str()).or_default().push(claim);
        }
        let mut summaries = HashMap::new();
        for summary in &report.documents {
            summaries.entry(summary.id.as_str()).or_insert(summary);
        }
        Page {
            report,
            documents,
            findings_of,
            claims: report.claims.iter().map(|c| (c.id.as_str(), c)).collect(),
            docs: Documents::new(documents),
            summaries,
            claims_of,
        }
    }

    /// The document with this id, when it was rendered.
    fn find_document(&self, id: &str) -> Option<&'a Document> {
        self.docs.find(id)
    }

    /// [`line_col`](crate::quote::line_col) of a position of `document`.
    fn line_col(&self, document: &Document, offset: usize) -> (usize, usize) {
        self.docs.line_col(document, offset)
    }

    /// A document's name on a crowded line: its outlet (cut to a few words) when known, else
    /// its file name without the extension, cut to the shortest start (eight characters or more)
    /// that no other document's name shares.
    fn short_label(&self, doc: &str) -> String {
        if let Some(outlet) = self.summaries.get(doc).and_then(|d| d.outlet.as_deref()) {
            return short(outlet, 20);
        }
        fn stem(id: &str) -> &str {
            id.rsplit_once('.').map_or(id, |(stem, _)| stem)
        }
        let own = stem(doc);
        if own.chars().count() <= 12 {
            return own.to_string();
        }
        let others: Vec<&str> = self
            .report
            .documents
            .iter()
            .map(|d| stem(&d.id))
            .filter(|o| *o != own)
            .collect();
        let chars: Vec<char> = own.chars().collect();
        (8..chars.len())
            .map(|n| chars[..n].iter().collect::<String>())
            .find(|prefix| !others.iter().any(|o| o.starts_with(prefix.as_str())))
            .map_or_else(|| own.to_string(), |prefix| format!("{prefix}…"))
    }

    /// What a reader calls a document: its outlet when known, else its id.
    fn doc_label<'s>(&'s self, doc: &'s str) -> &'s str {
        self.summaries
            .get(doc)
            .and_then(|d| d.outlet.as_deref())
            .unwrap_or(doc)
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
