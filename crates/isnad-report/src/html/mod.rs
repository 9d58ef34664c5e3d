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

use std::cell::OnceCell;
use std::collections::BTreeSet;
use std::io::{self, Write};

use isnad_claims::claims::Claim;
use isnad_graph::Finding;
use isnad_parser::{DateSource, Document};
use maud::{DOCTYPE, Markup, PreEscaped, html};
use rustc_hash::FxHashMap;

use crate::bidi::{escape_bidi as name, runs};
use crate::quote::Documents;
use crate::{DocumentSummary, Report};

/// Renders the report as one HTML page.
pub fn render_html(report: &Report<'_>, documents: &[Document]) -> String {
    let mut page = Vec::new();
    render_html_to(report, documents, &mut page).expect("writing to memory never fails");
    String::from_utf8(page).expect("maud writes UTF-8")
}

/// Writes the report as one HTML page, byte for byte what [`render_html`] returns, each piece as
/// it is made: the page of a story of 10,000 articles runs to hundreds of megabytes, which
/// `render_html` holds whole (and maud's markup of each section again inside it).
pub fn render_html_to<W: Write>(report: &Report<'_>, documents: &[Document], writer: W) -> io::Result<()> {
    let page = Page::new(report, documents);
    let mut writer = io::BufWriter::with_capacity(WRITE_BUFFER, writer);
    let out: Out<'_> = &mut writer;
    let mut shell = Shell::new(html! {
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
                main { (HOLE) }
                script { (PreEscaped(style::SCRIPT)) }
            }
        }
    });
    shell.write_to_hole(out)?;
    page.summary(out)?;
    page.findings(out)?;
    page.timeline(out)?;
    page.documents(out)?;
    put(out, help::help())?;
    shell.write_to_hole(out)?;
    writer.flush()
}

/// Bytes gathered before each write: pieces of markup are small and many.
const WRITE_BUFFER: usize = 1 << 16;

/// Where the page is written.
type Out<'o> = &'o mut dyn Write;

/// Writes one piece of markup.
fn put(out: Out<'_>, markup: Markup) -> io::Result<()> {
    out.write_all(markup.0.as_bytes())
}

/// Where the pieces go in a [`Shell`]: `<` is escaped in every text and attribute maud writes,
/// and NUL is in none of the page's own markup, so this is never part of the page.
const HOLE: PreEscaped<&str> = PreEscaped("<\0>");

/// Markup around pieces written one by one: maud closes every tag it opens, so the element
/// holding a long list is made with a [`HOLE`] where the list goes and written up to it, then
/// the list piece by piece, then the rest. The tags are maud's own, so the page is byte for byte
/// the one made whole.
struct Shell {
    text: String,
    at: usize,
}

impl Shell {
    fn new(markup: Markup) -> Shell {
        Shell {
            text: markup.into_string(),
            at: 0,
        }
    }

    /// Writes the shell up to its next hole, or to its end when no hole is left.
    fn write_to_hole(&mut self, out: Out<'_>) -> io::Result<()> {
        let rest = &self.text[self.at..];
        let (piece, skip) = match rest.find(HOLE.0) {
            Some(at) => (&rest[..at], at + HOLE.0.len()),
            None => (rest, rest.len()),
        };
        out.write_all(piece.as_bytes())?;
        self.at += skip;
        Ok(())
    }
}

/// The report with the lookups the sections share: every lookup by id is a map, so a story of
/// many articles costs each side or claim one lookup, not a walk over the documents.
struct Page<'a> {
    report: &'a Report<'a>,
    documents: &'a [Document],
    /// Claim id → ids of the findings citing it, in report order.
    findings_of: FxHashMap<&'a str, Vec<&'a str>>,
    /// Claim id → the claim.
    claims: FxHashMap<&'a str, &'a Claim>,
    /// The documents by id, with their lines.
    docs: Documents<'a>,
    /// Document id → its summary in the report.
    summaries: FxHashMap<&'a str, &'a DocumentSummary>,
    /// Document id → its claims, in report order.
    claims_of: FxHashMap<&'a str, Vec<&'a Claim>>,
    /// The documents' ids without their extensions, sorted; made when a label first needs them.
    stems: OnceCell<Vec<&'a str>>,
}

impl<'a> Page<'a> {
    fn new(report: &'a Report<'a>, documents: &'a [Document]) -> Page<'a> {
        let mut findings_of: FxHashMap<&str, Vec<&str>> = FxHashMap::default();
        for finding in report.findings {
            // `cited_claims` names each claim once, so a finding is listed once per claim
            // without searching the claim's list (a claim many findings cite).
            for claim in cited_claims(finding) {
                findings_of.entry(claim).or_default().push(&finding.id);
            }
        }
        let mut claims_of: FxHashMap<&str, Vec<&Claim>> = FxHashMap::default();
        for &claim in &report.claims {
            claims_of.entry(claim.doc.as_str()).or_default().push(claim);
        }
        let mut summaries = FxHashMap::default();
        for summary in &report.documents {
            summaries.entry(summary.id.as_str()).or_insert(summary);
        }
        Page {
            report,
            documents,
            findings_of,
            claims: report.claims.iter().map(|&c| (c.id.as_str(), c)).collect(),
            docs: Documents::new(documents),
            summaries,
            claims_of,
            stems: OnceCell::new(),
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
        let own = stem(doc);
        if own.chars().count() <= 12 {
            return own.to_string();
        }
        let stems = self.stems.get_or_init(|| {
            let mut stems: Vec<&str> = self.report.documents.iter().map(|d| stem(&d.id)).collect();
            stems.sort_unstable();
            stems
        });
        // The names starting with a prefix are together in sorted order: a lookup, not a walk
        // over every document for each prefix of each label.
        let shared = |prefix: &str| {
            stems[stems.partition_point(|s| *s < prefix)..]
                .iter()
                .take_while(|s| s.starts_with(prefix))
                .any(|s| *s != own)
        };
        let chars: Vec<char> = own.chars().collect();
        (8..chars.len())
            .map(|n| chars[..n].iter().collect::<String>())
            .find(|prefix| !shared(prefix))
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
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let anchor = anchor(prefix, raw);
    let mut out = String::with_capacity(1 + anchor.len() * 3);
    out.push('#');
    for byte in anchor.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~:".contains(&byte) {
            out.push(byte as char);
        } else {
            out.extend([
                '%',
                HEX[usize::from(byte >> 4)] as char,
                HEX[usize::from(byte & 15)] as char,
            ]);
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

/// A document id without its extension.
fn stem(id: &str) -> &str {
    id.rsplit_once('.').map_or(id, |(stem, _)| stem)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts what is written and the largest single write.
    #[derive(Default)]
    struct Writes {
        page: Vec<u8>,
        largest: usize,
    }

    impl Write for Writes {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            self.largest = self.largest.max(bytes.len());
            self.page.extend_from_slice(bytes);
            Ok(bytes.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// Issue #17: the page is written as it is made, never held whole first: it reaches the
    /// writer in pieces no larger than the write buffer, though it is many times that size.
    #[test]
    fn the_page_is_written_as_it_is_made() {
        let text: String = (0..8_000)
            .map(|n| format!("قال الوزير إن طول الجسر {n} متر.\n\n"))
            .collect();
        let (document, _) = isnad_parser::parse_document("a.txt", text.as_bytes(), &Default::default())
            .expect("the article parses");
        let documents = [document];
        let check = isnad_graph::StoryCheck::default();
        let report = Report::build(&documents, &[], &check, &[]);
        let mut writes = Writes::default();
        render_html_to(&report, &documents, &mut writes).expect("writes to memory");
        assert!(
            writes.page.len() > 8 * WRITE_BUFFER,
            "{} bytes",
            writes.page.len()
        );
        assert!(
            writes.largest <= WRITE_BUFFER,
            "a write of {} bytes",
            writes.largest
        );
        let page = String::from_utf8(writes.page).expect("UTF-8");
        assert!(!page.contains(HOLE.0), "every hole is filled");
        assert_eq!(page, render_html(&report, &documents));
        assert!(page.ends_with("</script></body></html>"));
    }
}
