//! The articles' full text, claims highlighted and linked to the findings citing them.

use std::collections::BTreeSet;
use std::io;

use isnad_claims::claims::Claim;
use isnad_parser::{Block, BlockKind, Document};
use maud::{Markup, html};

use super::{HOLE, Out, Page, Shell, anchor, date_source, href, modality, name, put};
use crate::bidi::escape_embeddings;
use crate::quote::{plural, safe_span};

impl Page<'_> {
    /// The documents section, each block of each document written as it is made.
    pub(super) fn documents(&self, out: Out<'_>) -> io::Result<()> {
        let mut section = Shell::new(html! {
            section #documents {
                h2 { "Documents" }
                @if !self.documents.is_empty() {
                    p.hint { "Each article's full text, folded; claims are highlighted, those a finding cites in red, with links to it." }
                }
                @if self.documents.is_empty() { p.empty { "No documents." } }
                (HOLE)
            }
        });
        section.write_to_hole(out)?;
        for document in self.documents {
            self.document(document, out)?;
        }
        section.write_to_hole(out)
    }

    fn document(&self, document: &Document, out: Out<'_>) -> io::Result<()> {
        let mut claims: Vec<&Claim> = self
            .claims_of
            .get(document.id.as_str())
            .cloned()
            .unwrap_or_default();
        claims.sort_by_key(|c| (c.span.start, c.span.end));
        let meta = &document.meta;
        let cited = claims
            .iter()
            .filter(|c| self.findings_of.contains_key(c.id.as_str()))
            .count();
        // Folded: the full text is for checking a quote, not for reading first.
        let mut shell = Shell::new(html! {
            details.document id=(anchor("doc-", &document.id)) {
                summary {
                    bdi.doc-id { (name(&document.id)) }
                    @if let Some(title) = &meta.title { " " span.doc-title dir="rtl" lang="ar" { (name(title)) } }
                    " " span.hint {
                        "(" (plural(claims.len(), "claim", "claims"))
                        @if cited > 0 { ", " (cited) " cited by findings" }
                        ")"
                    }
                }
                p.doc-meta {
                    @if let Some(outlet) = &meta.outlet { "Outlet: " bdi { (name(outlet)) } " · " }
                    "Published: "
                    @if let Some(date) = meta.published { bdi { (date.format("%Y-%m-%d")) } } @else { "unknown" }
                    @if let Some(from) = meta.published_from { " (" (date_source(from)) ")" }
                    @if let Some(url) = &meta.url { " · " bdi { (name(url)) } }
                    @if let Some(encoding) = &document.decoded_from { " · decoded from " bdi { (encoding) } }
                }
                div.doc-text dir="rtl" lang="ar" { (HOLE) }
                (HOLE)
            }
        });
        shell.write_to_hole(out)?;
        // A long article is written block by block, never held as markup whole.
        let mut shown: BTreeSet<&str> = BTreeSet::new();
        for block in &document.blocks {
            put(out, self.block(document, block, &claims, &mut shown))?;
        }
        shell.write_to_hole(out)?;
        // Anchors for claims whose span lies outside every block, so links to them still land.
        put(
            out,
            html! {
                @for claim in claims.iter().filter(|c| !shown.contains(c.id.as_str())) {
                    span.claim-anchor id=(anchor("claim-", &claim.id)) {}
                }
            },
        )?;
        shell.write_to_hole(out)
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
        // Claims are in text order: those starting in the block are looked up, not every claim
        // of a long article walked for each of its blocks.
        let first = claims.partition_point(|c| c.span.start < span.start);
        for &claim in claims[first..]
            .iter()
            .take_while(|c| c.span.start < span.end.max(span.start + 1))
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
