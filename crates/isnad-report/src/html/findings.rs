//! The findings: filters, then one article per finding with its sides quoted, one quote per
//! sentence; notes folded.

use std::io;

use isnad_graph::{Finding, FindingKind, Severity, Side};
use isnad_parser::{Document, Span};
use maud::{Markup, html};
use rustc_hash::FxHashMap;

use super::{HOLE, Out, Page, Shell, anchor, href, mixed, name, put};
use crate::bidi::escape_embeddings;
use crate::quote::{SEVERITIES, count, plural, safe_span, severity_name, side_quote};

impl Page<'_> {
    /// The findings section, each finding written as it is made.
    pub(super) fn findings(&self, out: Out<'_>) -> io::Result<()> {
        let findings = self.report.findings;
        let kinds: Vec<(FindingKind, usize)> = FindingKind::ALL
            .iter()
            .map(|&k| (k, findings.iter().filter(|f| f.kind == k).count()))
            .filter(|&(_, n)| n > 0)
            .collect();
        let notes: Vec<&Finding> = findings.iter().filter(|f| f.severity == Severity::Note).collect();
        // Each kind with its notes, counted once: (kind, its findings, its notes).
        let note_kinds: Vec<(FindingKind, usize, usize)> = kinds
            .iter()
            .map(|&(k, n)| (k, n, notes.iter().filter(|f| f.kind == k).count()))
            .filter(|&(_, _, here)| here > 0)
            .collect();
        let mut section = Shell::new(html! {
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
                    (HOLE)
                    // Notes explain or record more than they ask for action: folded, with what
                    // they are about in the fold's line.
                    @if !notes.is_empty() {
                        details #notes.notes {
                            summary {
                                span.badge.sev-note { (plural(notes.len(), "note", "notes")) }
                                " "
                                span.hint {
                                    @for (i, (kind, n, here)) in note_kinds.iter().enumerate() {
                                        @if i > 0 { ", " }
                                        code { (kind.name()) }
                                        @if here != n || *here > 1 { " ×" (here) }
                                    }
                                }
                            }
                            (HOLE)
                        }
                    }
                }
            }
        });
        section.write_to_hole(out)?;
        if !findings.is_empty() {
            for finding in findings.iter().filter(|f| f.severity != Severity::Note) {
                put(out, self.finding(finding))?;
            }
            section.write_to_hole(out)?;
            if !notes.is_empty() {
                for finding in notes {
                    put(out, self.finding(finding))?;
                }
                section.write_to_hole(out)?;
            }
        }
        Ok(())
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
                // A side is a sentence: sides quoting one sentence show as one quote with all
                // their words marked. A disagreement many articles repeat cites them all: the
                // first sentences show, the rest fold, so a long finding stays short until opened.
                @let sentences = self.side_sentences(&finding.sides);
                @let (shown, folded) = sentences.split_at(sentences.len().min(SIDES_SHOWN));
                ol.sides { @for sentence in shown { li.side { (self.side(sentence)) } } }
                @if !folded.is_empty() {
                    // Past a few hundred, the sides are listed by document, not quoted: copies of
                    // one text say the same words, and quoting each would make the page grow with
                    // the copies rather than with the disagreements.
                    @let (quoted, listed) = folded.split_at(folded.len().min(SIDES_QUOTED - SIDES_SHOWN));
                    details.more-sides {
                        summary { (plural(folded.len(), "more side", "more sides")) }
                        ol.sides start=(SIDES_SHOWN + 1) { @for sentence in quoted { li.side { (self.side(sentence)) } } }
                        @if !listed.is_empty() {
                            p.listed-sides {
                                "Also in: "
                                @for (i, sentence) in listed.iter().enumerate() {
                                    @if i > 0 { ", " }
                                    @let first = sentence.sides[0];
                                    a href=(href("doc-", &first.doc)) { bdi { (name(&first.doc)) } }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// A finding's sides gathered by the sentence they quote, in order of first appearance.
    fn side_sentences<'s>(&'s self, sides: &'s [Side]) -> Vec<SideSentence<'s>> {
        let mut sentences: Vec<SideSentence<'s>> = Vec::new();
        // Sentences by document and span: a finding citing many articles looks each side up.
        let mut at: FxHashMap<(&str, Span), usize> = FxHashMap::default();
        for side in sides {
            let document = self.find_document(&side.doc);
            let context = document.and_then(|d| quoted_sentence(side, d));
            match context.and_then(|c| at.get(&(side.doc.as_str(), c))) {
                Some(&n) => sentences[n].sides.push(side),
                None => {
                    if let Some(c) = context {
                        at.insert((side.doc.as_str(), c), sentences.len());
                    }
                    sentences.push(SideSentence {
                        document,
                        context,
                        sides: vec![side],
                    });
                }
            }
        }
        sentences
    }

    fn side(&self, sentence: &SideSentence<'_>) -> Markup {
        let first = sentence.sides[0];
        let mut values: Vec<&str> = Vec::new();
        let mut sources: Vec<&[String]> = Vec::new();
        let mut claims: Vec<&str> = Vec::new();
        for side in &sentence.sides {
            if let Some(value) = side.value.as_deref().filter(|v| !values.contains(v)) {
                values.push(value);
            }
            if !side.attribution.is_empty() && !sources.contains(&side.attribution.as_slice()) {
                sources.push(&side.attribution);
            }
            // `claims` holds every claim of the side's sentence; `claim` is its first.
            for claim in side.claims.iter().chain(&side.claim) {
                if !claims.contains(&claim.as_str()) {
                    claims.push(claim);
                }
            }
        }
        html! {
            blockquote.quote dir="rtl" lang="ar" { (sentence.quote()) }
            dl.side-meta {
                dt { "Document" }
                dd {
                    a href=(href("doc-", &first.doc)) { bdi { (name(&first.doc)) } }
                    @if let Some(document) = sentence.document {
                        @let (line, col) = self.line_col(document, first.span.start);
                        " " bdi.pos { (line) ":" (col) }
                    }
                    @if let Some(outlet) = Some(self.doc_label(&first.doc)).filter(|o| *o != first.doc) {
                        " " span.outlet { "(" bdi { (name(outlet)) } ")" }
                    }
                }
                @if !values.is_empty() {
                    dt { @if values.len() == 1 { "Value" } @else { "Values" } }
                    dd { @for (i, value) in values.iter().enumerate() { @if i > 0 { ", " } bdi { (name(value)) } } }
                }
                @if !sources.is_empty() {
                    dt { "Sources" }
                    dd {
                        @for (i, chain) in sources.iter().enumerate() {
                            @if i > 0 { "; " }
                            @for (j, source) in chain.iter().enumerate() { @if j > 0 { " via " } bdi { (name(source)) } }
                        }
                    }
                }
                @if !claims.is_empty() {
                    dt { @if claims.len() == 1 { "Claim" } @else { "Claims" } }
                    // The document is named just above: its claims go by their number.
                    dd {
                        @for (i, claim) in claims.iter().enumerate() {
                            @if i > 0 { ", " }
                            @match claim.strip_prefix(first.doc.as_str()).filter(|n| n.starts_with('#')) {
                                Some(number) => a href=(href("claim-", claim)) title=(name(claim)) { bdi { (number) } },
                                None => a href=(href("claim-", claim)) { bdi { (name(claim)) } },
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Sides of a finding that quote one sentence.
struct SideSentence<'s> {
    /// Their document, when it was rendered.
    document: Option<&'s Document>,
    /// The sentence quoted, a span of the document; `None` when the side quotes its own text
    /// (its document missing or its span no longer holding its text), which is never merged.
    context: Option<Span>,
    /// The sides, in the finding's order.
    sides: Vec<&'s Side>,
}

impl SideSentence<'_> {
    /// The sentence with every side's words marked; overlapping words are one mark.
    fn quote(&self) -> Markup {
        let (Some(document), Some(context)) = (self.document, self.context) else {
            let own = side_quote(self.sides[0], None);
            return html! { mark.side-mark { (escape_embeddings(own.marked)) } };
        };
        let source = document.source.as_str();
        let mut marks: Vec<Span> = self
            .sides
            .iter()
            .map(|s| safe_span(source, s.span))
            .map(|m| Span::new(m.start.max(context.start), m.end.min(context.end)))
            .collect();
        marks.sort_by_key(|m| (m.start, m.end));
        let mut merged: Vec<Span> = Vec::new();
        for mark in marks {
            match merged.last_mut() {
                Some(last) if mark.start < last.end => last.end = last.end.max(mark.end),
                _ => merged.push(mark),
            }
        }
        let mut pieces = Vec::new();
        let mut cursor = context.start;
        for mark in merged {
            pieces.push(html! {
                (escape_embeddings(&source[cursor..mark.start]))
                mark.side-mark { (escape_embeddings(&source[mark.range()])) }
            });
            cursor = mark.end;
        }
        pieces.push(html! { (escape_embeddings(&source[cursor..context.end])) });
        html! { @for piece in pieces { (piece) } }
    }
}

/// The span of the sentence a side's quote shows in `document`, when the quote comes from it.
fn quoted_sentence(side: &Side, document: &Document) -> Option<Span> {
    let quote = side_quote(side, Some(document));
    let source = document.source.as_str();
    // The quote's pieces are slices of the source or of the side's own text; only the former
    // have an offset in the document.
    let base = source.as_ptr() as usize;
    let at = quote.before.as_ptr() as usize;
    if !(base..=base + source.len()).contains(&at) || std::ptr::eq(quote.marked.as_ptr(), side.text.as_ptr())
    {
        return None;
    }
    let start = at - base;
    let end = start + quote.before.len() + quote.marked.len() + quote.after.len();
    Some(Span::new(start, end))
}

/// Sides of a finding shown before the rest fold.
const SIDES_SHOWN: usize = 8;

/// Sides of a finding quoted in full (the first [`SIDES_SHOWN`] open, the rest folded); any
/// further are listed by document.
const SIDES_QUOTED: usize = 200;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Report, render_html};

    /// Issue #17: a finding citing many articles shows its first sides and folds the rest.
    #[test]
    fn long_side_lists_fold_after_the_first() {
        let text = "قال الوزير إن الجسر افتتح اليوم.";
        // One article per side: sides quoting one sentence of one article would be one side.
        let docs: Vec<Document> = (0..SIDES_SHOWN + 4)
            .map(|n| {
                let id = format!("a{n}.txt");
                isnad_parser::parse_document(&id, text.as_bytes(), &Default::default())
                    .unwrap()
                    .0
            })
            .collect();
        let span = isnad_parser::Span::new(0, text.len());
        let side = |n: usize| Side {
            doc: format!("a{n}.txt"),
            claim: None,
            claims: Vec::new(),
            fact: None,
            facts: Vec::new(),
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
        let page = render_html(&Report::build(&docs, &[], &check, &[]), &docs);
        assert_eq!(page.matches("<details class=\"more-sides\">").count(), 1);
        assert!(page.contains("<summary>4 more sides</summary>"));
        assert!(page.contains(&format!("<ol class=\"sides\" start=\"{}\">", SIDES_SHOWN + 1)));
        // Every side is still in the page.
        assert!(page.contains(&format!("value {}", SIDES_SHOWN + 3)));
    }
}
