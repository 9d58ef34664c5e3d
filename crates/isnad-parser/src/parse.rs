//! From bytes to a [`Document`]: decoding, front matter, blocks, sentences.

use crate::document::{Block, BlockKind, DateSource, Document, Metadata, Sentence};
use crate::input::{InputErrorKind, ParseOptions};
use crate::{Diagnostic, Span};

/// Parses one input. Errors are only for input that is not text; messy articles always parse,
/// with diagnostics for what looked wrong.
pub fn parse_document(
    id: &str,
    bytes: &[u8],
    options: &ParseOptions,
) -> Result<(Document, Vec<Diagnostic>), InputErrorKind> {
    let mut diagnostics = Vec::new();
    let (source, decoded_from) = decode(bytes)?;
    if source.trim().is_empty() {
        diagnostics.push(Diagnostic::warning("empty file: no text to check", None));
    }
    let mut meta = Metadata::default();
    let mut blocks = Vec::new();
    let body_start = crate::front_matter::read(&source, &mut meta, &mut blocks)?;
    let mut lines = line_spans(&source, body_start);
    lines.retain(|l| !source[l.range()].trim().is_empty());
    for (i, line) in lines.iter().enumerate() {
        let kind = if i == 0 && meta.title.is_none() { BlockKind::Headline } else { BlockKind::Body };
        if kind == BlockKind::Headline {
            meta.title = Some(source[line.range()].trim().to_string());
            meta.title_span = Some(*line);
        }
        blocks.push(Block { span: *line, kind });
    }
    if meta.published.is_none() {
        if let Some(date) = options.fallback_date {
            meta.published = Some(date);
            meta.published_from = Some(DateSource::Inferred);
        }
    }
    let mut sentences = Vec::new();
    for (index, block) in blocks.iter().enumerate() {
        if !block.kind.is_story() {
            continue;
        }
        for span in crate::sentence::split(&source, block.span) {
            sentences.push(Sentence { span, block: index, in_headline: block.kind == BlockKind::Headline });
        }
    }
    let document = Document {
        id: id.to_string(),
        bytes: bytes.len(),
        source,
        decoded_from,
        meta,
        blocks,
        sentences,
    };
    Ok((document, diagnostics))
}

fn decode(bytes: &[u8]) -> Result<(String, Option<String>), InputErrorKind> {
    if bytes.contains(&0) {
        return Err(InputErrorKind::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_string(), None)),
        Err(err) => Err(InputErrorKind::InvalidUtf8 { offset: err.valid_up_to() }),
    }
}

/// Spans of the lines of `source[from..]`, without line terminators (`\n`, `\r\n`).
pub(crate) fn line_spans(source: &str, from: usize) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = from;
    for (i, ch) in source[from..].char_indices() {
        if ch == '\n' {
            let end = from + i;
            let end = if source[..end].ends_with('\r') { end - 1 } else { end };
            spans.push(Span::new(start, end));
            start = from + i + 1;
        }
    }
    if start < source.len() {
        spans.push(Span::new(start, source.len()));
    }
    spans
}
