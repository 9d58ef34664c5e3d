//! From bytes to a [`Document`]: decoding, front matter, headline, boilerplate, dateline,
//! sentences.

use crate::boilerplate::{self, Line, Verdict};
use crate::document::{Block, BlockKind, BoilerplateReason, DateSource, Document, Metadata, Sentence};
use crate::input::{InputErrorKind, ParseOptions};
use crate::{Diagnostic, Span};

/// A headline has at most this many words; longer first lines are story text.
const MAX_HEADLINE_WORDS: usize = 30;
/// A dateline's date starts within this many words of the body's first line.
const DATELINE_WORDS: usize = 8;
/// Publication lines are looked for among this many lines at the top (and as many at the bottom).
const PUBLICATION_LINE_WINDOW: usize = 6;

/// Parses one input. Errors are only for input that is not text; messy articles always parse,
/// with diagnostics for what looked wrong.
pub fn parse_document(
    id: &str,
    bytes: &[u8],
    options: &ParseOptions,
) -> Result<(Document, Vec<Diagnostic>), InputErrorKind> {
    let mut diagnostics = Vec::new();
    let (source, decoded_from) = crate::decode::decode(bytes)?;
    if let Some(encoding) = decoded_from {
        diagnostics.push(Diagnostic::info(
            format!("not UTF-8: decoded as {encoding} (spans index the decoded UTF-8 text)"),
            None,
        ));
    }
    if source
        .trim_matches(|c: char| c.is_whitespace() || crate::is_ignorable(c))
        .is_empty()
    {
        diagnostics.push(Diagnostic::warning("empty file: no text to check", None));
    }
    let mut meta = Metadata::default();
    let mut blocks = Vec::new();
    let body_start = crate::front_matter::read(&source, &mut meta, &mut blocks)?;
    let lines: Vec<Span> = line_spans(&source, body_start)
        .into_iter()
        .filter(|l| {
            !source[l.range()]
                .chars()
                .all(|c| c.is_whitespace() || crate::is_ignorable(c))
        })
        .map(|l| trim(&source, l))
        .collect();
    let prepared: Vec<Line> = lines.iter().map(|l| Line::new(&source[l.range()])).collect();

    let headline = find_headline(&source, &lines, &prepared, &meta);
    let headline_key =
        headline.map(|i| boilerplate::line_key(&source[strip_site_suffix(&source, lines[i]).0.range()]));
    if let Some(i) = headline {
        let (title, site) = strip_site_suffix(&source, lines[i]);
        if meta.title.is_none() {
            meta.title = Some(source[title.range()].to_string());
        }
        meta.title_span = Some(title);
        if meta.outlet.is_none() {
            meta.outlet = site.map(|s| source[s.range()].to_string());
        }
    }

    let kinds = classify(
        &source,
        &lines,
        &prepared,
        headline,
        headline_key.as_deref(),
        &mut meta,
    );
    let mut dateline_end = None;
    if meta.published.is_none() {
        dateline_end = read_dateline(&source, &lines, &kinds, &mut meta);
    }
    if meta.published.is_none()
        && let Some(date) = options.fallback_date
    {
        meta.published = Some(date);
        meta.published_from = Some(DateSource::Inferred);
    }
    if meta.outlet.is_none() {
        meta.outlet = outlet_from_source_lines(&source, &lines, &kinds);
    }

    let mut sentences = Vec::new();
    for (line, kind) in lines.iter().zip(kinds) {
        let index = blocks.len();
        if kind.is_story() {
            let mut span = if kind == BlockKind::Headline {
                meta.title_span.unwrap_or(*line)
            } else {
                *line
            };
            if let Some((block_start, end)) = dateline_end
                && block_start == line.start
            {
                span = Span::new(end, span.end);
            }
            for sentence in crate::sentence::split(&source, span) {
                sentences.push(Sentence {
                    span: sentence,
                    block: index,
                    in_headline: kind == BlockKind::Headline,
                });
            }
        }
        blocks.push(Block { span: *line, kind });
    }
    if !source.trim().is_empty() && sentences.is_empty() {
        diagnostics.push(Diagnostic::warning(
            "no story text found: every block looks like boilerplate",
            None,
        ));
    }
    let document = Document {
        id: id.to_string(),
        bytes: bytes.len(),
        source,
        decoded_from: decoded_from.map(str::to_string),
        meta,
        blocks,
        sentences,
    };
    Ok((document, diagnostics))
}

/// The line index of the headline: the first line when it reads as one (short, not ending like a
/// sentence, not a marker or dateline), or the line repeating the front matter's title.
fn find_headline(source: &str, lines: &[Span], prepared: &[Line], meta: &Metadata) -> Option<usize> {
    let first = prepared.first()?;
    if let Some(title) = &meta.title {
        let key = boilerplate::line_key(title);
        let line_key = boilerplate::line_key(&source[strip_site_suffix(source, lines[0]).0.range()]);
        return (line_key == key || first.key == key).then_some(0);
    }
    let reads_as_headline = lines.len() > 1
        && first.words <= MAX_HEADLINE_WORDS
        && !first.ends_sentence()
        && matches!(boilerplate::judge(first), Verdict::Story)
        && crate::dateline::first_date(source, lines[0], DATELINE_WORDS).is_none();
    reads_as_headline.then_some(0)
}

/// Splits "headline | Site name" into the headline and the site's name.
fn strip_site_suffix(source: &str, line: Span) -> (Span, Option<Span>) {
    let text = &source[line.range()];
    if let Some(bar) = text.rfind(" | ").or_else(|| text.rfind(" |  ")) {
        let site = &text[bar + 2..];
        let site_trimmed = site.trim();
        if !site_trimmed.is_empty() && site_trimmed.split_whitespace().count() <= 4 {
            let title = trim(source, Span::new(line.start, line.start + bar));
            let site_start = line.start + bar + 2 + (site.len() - site.trim_start().len());
            return (
                title,
                Some(Span::new(site_start, site_start + site_trimmed.len())),
            );
        }
    }
    (line, None)
}

/// The kind of every line, in order.
fn classify(
    source: &str,
    lines: &[Span],
    prepared: &[Line],
    headline: Option<usize>,
    headline_key: Option<&str>,
    meta: &mut Metadata,
) -> Vec<BlockKind> {
    let boiler = |reason| BlockKind::Boilerplate { reason };
    let near_edge = |i: usize| i < PUBLICATION_LINE_WINDOW || i + PUBLICATION_LINE_WINDOW / 2 >= lines.len();
    let mut kinds = Vec::with_capacity(lines.len());
    let mut story_ended = false;
    let mut source_value_may_follow = false;
    for (i, (line, prepared)) in lines.iter().zip(prepared).enumerate() {
        let after_bare_source = std::mem::take(&mut source_value_may_follow);
        if story_ended {
            kinds.push(boiler(BoilerplateReason::ReadAlso));
            continue;
        }
        if Some(i) == headline {
            kinds.push(BlockKind::Headline);
            continue;
        }
        let kind = match boilerplate::judge(prepared) {
            Verdict::EndOfStory => {
                story_ended = true;
                boiler(BoilerplateReason::ReadAlso)
            }
            Verdict::BareSource => {
                source_value_may_follow = true;
                boiler(BoilerplateReason::SourceLine)
            }
            Verdict::Boilerplate(reason) => boiler(reason),
            Verdict::PublicationLine => match crate::dateline::first_date(source, *line, usize::MAX) {
                Some(found) if near_edge(i) => {
                    record_date(meta, found.date, *line);
                    boiler(BoilerplateReason::PublicationLine)
                }
                _ => BlockKind::Body,
            },
            Verdict::Story if after_bare_source && boilerplate::is_source_value(prepared) => {
                boiler(BoilerplateReason::SourceLine)
            }
            Verdict::Story => {
                // The line as is, or without a "| Site" suffix, repeats the headline.
                let repeats_headline = headline_key.is_some_and(|h| {
                    h == prepared.key
                        || matches!(strip_site_suffix(source, *line), (title, Some(_))
                            if boilerplate::line_key(&source[title.range()]) == h)
                });
                if repeats_headline {
                    boiler(BoilerplateReason::RepeatedHeadline)
                } else if prepared.words <= 2 && !prepared.ends_sentence() {
                    boiler(BoilerplateReason::Fragment)
                } else if let Some(found) = date_only_line(source, *line, prepared)
                    && i < PUBLICATION_LINE_WINDOW
                {
                    record_date(meta, found.date, *line);
                    boiler(BoilerplateReason::PublicationLine)
                } else {
                    BlockKind::Body
                }
            }
        };
        kinds.push(kind);
    }
    kinds
}

/// A line that is little more than a date ("الخميس 14 مارس 2024 - 10:30").
fn date_only_line(source: &str, line: Span, prepared: &Line) -> Option<crate::dateline::FoundDate> {
    if prepared.words > 7 || prepared.ends_sentence() {
        return None;
    }
    crate::dateline::first_date(source, line, 3)
}

fn record_date(meta: &mut Metadata, date: chrono::NaiveDate, span: Span) {
    if meta.published.is_none() {
        meta.published = Some(date);
        meta.published_from = Some(DateSource::Dateline);
        meta.published_span = Some(span);
    }
}

/// Reads a dateline at the start of the first body line ("القاهرة - 14 مارس 2024 –");
/// returns (that line's start, where the story text after the dateline starts).
fn read_dateline(
    source: &str,
    lines: &[Span],
    kinds: &[BlockKind],
    meta: &mut Metadata,
) -> Option<(usize, usize)> {
    let first_body = lines.iter().zip(kinds).find(|(_, k)| **k == BlockKind::Body)?.0;
    let found = crate::dateline::first_date(source, *first_body, DATELINE_WORDS)?;
    let before = &source[first_body.start..found.span.start];
    if before.contains(['.', '!', '?', '؟', '،', ',']) {
        return None; // a date inside the first sentence, not a dateline
    }
    let after = &source[found.span.end..first_body.end];
    let rest = after.trim_start();
    let separator = rest.chars().next();
    let dateline_end = match separator {
        None => first_body.end,
        Some(c @ ('-' | '–' | '—' | ':' | '|' | '/')) => {
            let skipped = after.len() - rest.len() + c.len_utf8();
            let tail = &after[skipped..];
            found.span.end + skipped + (tail.len() - tail.trim_start().len())
        }
        // "(رويترز) -" after the date: the agency is part of the dateline.
        Some('(') => {
            let close = rest.find(')')?;
            let tail = &rest[close + 1..];
            let tail_trimmed = tail
                .trim_start()
                .strip_prefix(['-', '–', '—', ':'])
                .unwrap_or(tail.trim_start());
            found.span.end + (after.len() - tail_trimmed.trim_start().len())
        }
        _ => return None,
    };
    meta.published = Some(found.date);
    meta.published_from = Some(DateSource::Dateline);
    meta.published_span = Some(Span::new(first_body.start, dateline_end));
    Some((first_body.start, dateline_end))
}

/// The outlet named by a source line ("المصدر: سكاي نيوز عربية", or the line after a bare "المصدر:").
fn outlet_from_source_lines(source: &str, lines: &[Span], kinds: &[BlockKind]) -> Option<String> {
    let is_source = |k: &BlockKind| {
        matches!(
            k,
            BlockKind::Boilerplate {
                reason: BoilerplateReason::SourceLine
            }
        )
    };
    for (i, (line, kind)) in lines.iter().zip(kinds).enumerate() {
        if !is_source(kind) {
            continue;
        }
        let text = source[line.range()].trim();
        let folded = boilerplate::line_key(text);
        if !folded.starts_with("المصدر") {
            continue;
        }
        let value = text
            .split_once([':', '：'])
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty());
        match value {
            Some(v) => return Some(v.to_string()),
            None => {
                if let Some((next, next_kind)) = lines.get(i + 1).zip(kinds.get(i + 1))
                    && is_source(next_kind)
                {
                    return Some(source[next.range()].trim().to_string());
                }
            }
        }
    }
    None
}

/// `span` without surrounding whitespace and invisible characters.
fn trim(source: &str, span: Span) -> Span {
    let text = &source[span.range()];
    let blank = |c: char| c.is_whitespace() || crate::is_ignorable(c);
    let start = text.len() - text.trim_start_matches(blank).len();
    let end = text.trim_end_matches(blank).len();
    if start >= end {
        Span::new(span.start, span.start)
    } else {
        Span::new(span.start + start, span.start + end)
    }
}

/// Spans of the lines of `source[from..]`, without line terminators (`\n`, `\r\n`).
pub(crate) fn line_spans(source: &str, from: usize) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = from;
    for (i, byte) in source.as_bytes()[from..].iter().enumerate() {
        if *byte == b'\n' {
            let end = from + i;
            let end = if source.as_bytes()[..end].ends_with(b"\r") {
                end - 1
            } else {
                end
            };
            spans.push(Span::new(start, end.max(start)));
            start = from + i + 1;
        }
    }
    if start < source.len() {
        spans.push(Span::new(start, source.len()));
    }
    spans
}
