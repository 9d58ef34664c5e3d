//! From bytes to a [`Document`]: decoding, front matter, headline, boilerplate, dateline,
//! sentences.

use crate::boilerplate::{self, Line, Verdict};
use crate::document::{
    Block, BlockKind, BoilerplateReason, DateDisagreement, DateSource, Document, Metadata, Sentence,
};
use crate::input::{InputErrorKind, ParseOptions};
use crate::{Diagnostic, Span};
use chrono::NaiveDate;

/// A headline has at most this many words; longer first lines are story text.
const MAX_HEADLINE_WORDS: usize = 30;
/// Most words of the place a dateline opens with.
const DATELINE_PLACE_WORDS: usize = 4;

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
        .map(|l| crate::date_part::trim(&source, l))
        .collect();
    let prepared: Vec<Line> = lines.iter().map(|l| Line::new(&source[l.range()])).collect();

    let blank_before: Vec<bool> = (0..lines.len())
        .map(|i| i > 0 && source[lines[i - 1].end..lines[i].start].matches('\n').count() >= 2)
        .collect();
    let frame = find_frame(&source, &lines, &blank_before, &prepared, &meta);
    let headline = frame.headline;
    if let Some(m) = frame.masthead
        && meta.outlet.is_none()
    {
        // "منصة الوادي | أخبار الجنوب": the outlet is the masthead's first part.
        let part = crate::date_part::parts(&source, lines[m], true)[0];
        crate::outlet::set_outlet(&mut meta, &source, if part.is_empty() { lines[m] } else { part });
    }
    let headline_key =
        headline.map(|i| boilerplate::line_key(&source[headline_title(&source, lines[i]).0.range()]));
    if let Some(i) = headline {
        let (title, site) = headline_title(&source, lines[i]);
        if meta.title.is_none() {
            meta.title = Some(source[title.range()].to_string());
        }
        meta.title_span = Some(title);
        if meta.outlet.is_none()
            && let Some(site) = site
        {
            crate::outlet::set_outlet(&mut meta, &source, site);
        }
    }

    let kinds = classify(
        &source,
        &lines,
        &prepared,
        &frame,
        headline_key.as_deref(),
        &mut meta,
    );
    // A dateline is frame, not story, even when a publication line dated the article already.
    let dateline_end = read_dateline(&source, &lines, &kinds, &mut meta);
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

/// The first lines' roles: masthead, its taglines, headline.
#[derive(Default)]
struct Frame {
    masthead: Option<usize>,
    taglines: Vec<usize>,
    headline: Option<usize>,
}

/// Lines looked at for the masthead, its taglines, date lines and the headline.
const FRAME_LINES: usize = 6;

/// Finds the masthead and the headline. The first line is a masthead when it names an outlet by
/// its form ("وكالة … للأنباء") or is a short label above a longer headline; the lines under it
/// before a blank line are its taglines and date lines; the headline is the first line after them.
/// Without a masthead the first line is the headline when it reads as one.
fn find_frame(
    source: &str,
    lines: &[Span],
    blank_before: &[bool],
    prepared: &[Line],
    meta: &Metadata,
) -> Frame {
    let Some(first) = prepared.first() else {
        return Frame::default();
    };
    let words = crate::frame::frame_words();
    // A question or exclamation can be a headline; a full stop makes a sentence.
    let ends_statement = |line: &Line| {
        line.ends_sentence()
            && !line
                .key_end()
                .trim_end_matches(['"', '”', '»', ')', '\''])
                .ends_with(['?', '؟', '!'])
    };
    let reads_as_headline = |i: usize| {
        let line = &prepared[i];
        line.words <= MAX_HEADLINE_WORDS
            && !ends_statement(line)
            && matches!(boilerplate::judge(line), Verdict::Story)
            && crate::dateline::first_date(source, lines[i], DATELINE_WORDS).is_none()
            && !words.is_byline(line)
    };
    let is_date_line = |i: usize| frame_date(source, lines[i], &prepared[i], true).is_some();
    let plain_first = matches!(boilerplate::judge(first), Verdict::Story)
        && !first.ends_sentence()
        && crate::dateline::first_date(source, lines[0], DATELINE_WORDS).is_none();
    let by_form = plain_first && words.names_outlet(first);
    let short = plain_first && first.words <= words.short_masthead_words;
    let title_key = meta.title.as_deref().map(boilerplate::line_key);
    let is_title = |i: usize| {
        title_key.as_deref().is_some_and(|key| {
            boilerplate::line_key(&source[headline_title(source, lines[i]).0.range()]) == key
                || prepared[i].key_is(key)
        })
    };
    if by_form || short {
        let window = lines.len().min(FRAME_LINES);
        let later_blank = |j: usize| (j + 1..window).any(|k| blank_before[k]);
        // With the lines under the masthead as taglines, then without (a headline right under it).
        for with_taglines in [true, false] {
            let mut taglines = Vec::new();
            let mut j = 1;
            while j < window {
                if is_date_line(j) {
                    j += 1;
                } else if with_taglines
                    && !blank_before[j]
                    && later_blank(j)
                    && prepared[j].words <= words.tagline_words
                    && !prepared[j].ends_sentence()
                    && matches!(boilerplate::judge(&prepared[j]), Verdict::Story)
                {
                    taglines.push(j);
                    j += 1;
                } else {
                    break;
                }
            }
            let found = if title_key.is_some() {
                j < window && is_title(j)
            } else {
                j < window
                    && reads_as_headline(j)
                    && (by_form || prepared[j].words >= first.words + 2)
                    && lines.len() > j + 1
            };
            if found {
                return Frame {
                    masthead: Some(0),
                    taglines,
                    headline: Some(j),
                };
            }
        }
        // An outlet's name right above a wire dateline: the article has no headline of its own.
        if words.names_outlet_plainly(first)
            && lines.len() > 1
            && crate::dateline::first_date(source, lines[1], DATELINE_WORDS).is_some()
        {
            return Frame {
                masthead: Some(0),
                ..Frame::default()
            };
        }
    }
    // Lines that only date the article ("وكالة X | اقتصاد | 05-10-2026") may come first.
    let first = (0..lines.len().min(FRAME_LINES))
        .find(|&i| !is_date_line(i))
        .unwrap_or(0);
    let headline = if title_key.is_some() {
        is_title(first)
    } else {
        lines.len() > first + 1 && reads_as_headline(first)
    };
    Frame {
        headline: headline.then_some(first),
        ..Frame::default()
    }
}

/// The headline's title (without a section label before it or a "| Site" after it) and the site.
fn headline_title(source: &str, line: Span) -> (Span, Option<Span>) {
    let text = &source[line.range()];
    let line = match crate::frame::frame_words().section_label(text) {
        Some(rest) => crate::date_part::trim(source, Span::new(line.end - rest.len(), line.end)),
        None => line,
    };
    strip_site_suffix(source, line)
}

/// A line dating the article near the top: a publication line ("نُشر في …"), a Hijri date with
/// its Gregorian day, or a line that is little more than a date. Returns the publication date,
/// the span it was read from and a Hijri date that disagrees with it.
fn frame_date(
    source: &str,
    line: Span,
    prepared: &Line,
    dashes: bool,
) -> Option<(NaiveDate, Option<DateDisagreement>)> {
    let words = crate::frame::frame_words();
    if prepared.ends_sentence() {
        return None;
    }
    let publication = matches!(boilerplate::judge(prepared), Verdict::PublicationLine);
    if (publication || prepared.words <= words.dual_max_words)
        && let Some(dual) = crate::dateline::dual_date(source, line, 6)
        && let Some(read) = crate::date_part::read_dual(dual)
    {
        return Some(read);
    }
    if publication {
        return crate::dateline::first_date(source, line, usize::MAX).map(|f| (f.date, None));
    }
    date_only_line(source, line, prepared)
        .map(|f| (f.date, None))
        .or_else(|| crate::date_part::date_part(source, line, dashes))
}

/// Splits "headline | Site name" into the headline and the site's name.
fn strip_site_suffix(source: &str, line: Span) -> (Span, Option<Span>) {
    let text = &source[line.range()];
    // Asked of most lines, and few hold a bar: one byte search settles those.
    if !text.as_bytes().contains(&b'|') {
        return (line, None);
    }
    if let Some(bar) = text.rfind(" | ").or_else(|| text.rfind(" |  ")) {
        let site = &text[bar + 2..];
        let site_trimmed = site.trim();
        if !site_trimmed.is_empty() && site_trimmed.split_whitespace().count() <= 4 {
            let title = crate::date_part::trim(source, Span::new(line.start, line.start + bar));
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
    frame: &Frame,
    headline_key: Option<&str>,
    meta: &mut Metadata,
) -> Vec<BlockKind> {
    let boiler = |reason| BlockKind::Boilerplate { reason };
    let near_edge = |i: usize| i < PUBLICATION_LINE_WINDOW || i + PUBLICATION_LINE_WINDOW / 2 >= lines.len();
    let frame_words = crate::frame::frame_words();
    let mut outlet_key = meta.outlet.as_deref().map(boilerplate::line_key);
    let headline = frame.headline;
    let mut kinds = Vec::with_capacity(lines.len());
    let mut story_ended = false;
    let mut source_value_may_follow = false;
    let mut body_seen = false;
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
        if Some(i) == frame.masthead || frame.taglines.contains(&i) {
            kinds.push(boiler(BoilerplateReason::Masthead));
            continue;
        }
        // A line split by dashes is one of parts above the headline; under it, a dateline.
        let above_headline = headline.is_none_or(|h| i < h);
        // Bylines and "place - source" lines sit between the headline and the story's first line.
        let in_frame = !body_seen && i < FRAME_LINES + 2;
        if in_frame && frame_words.is_byline(prepared) {
            if meta.byline.is_none() {
                meta.byline = byline_name(&source[line.range()]);
            }
            kinds.push(boiler(BoilerplateReason::Byline));
            continue;
        }
        if in_frame && frame_words.is_place_source(prepared, outlet_key.as_deref()) {
            // "المدينة - خاص": the place the report was filed from, as a dateline's.
            if meta.dateline_place.is_none() {
                meta.dateline_place = crate::outlet::place_of_source_line(source, *line);
            }
            kinds.push(boiler(BoilerplateReason::Byline));
            continue;
        }
        // The outlet's name under the headline, with its section or not ("وكالة الرافد | حوادث"):
        // masthead, and the dateline is looked for on the line after it. A line that dates the
        // article ("صحيفة X | الاثنين 10 نوفمبر 2025") is read as before, for its date.
        let names_outlet = || {
            let text = &source[line.range()];
            match text.split_once('|') {
                Some((name, _)) => frame_words.names_outlet_plainly(&boilerplate::Line::new(name.trim())),
                None => frame_words.names_outlet_plainly(prepared),
            }
        };
        // A frame line of parts names the outlet by its first part ("صدى الوادي | نُشر في …");
        // one split by dashes only above the headline.
        let mut take_outlet = |meta: &mut Metadata| {
            if in_frame
                && meta.outlet.is_none()
                && let Some(part) = crate::outlet::outlet_part(source, *line, above_headline)
            {
                crate::outlet::set_outlet(meta, source, part);
                outlet_key = meta.outlet.as_deref().map(boilerplate::line_key);
            }
        };
        if in_frame
            && headline.is_some_and(|h| h < i)
            && names_outlet()
            && crate::dateline::first_date(source, *line, usize::MAX).is_none()
        {
            take_outlet(meta);
            kinds.push(boiler(BoilerplateReason::Masthead));
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
            Verdict::PublicationLine => match frame_date(source, *line, prepared, above_headline) {
                Some((date, disagreement)) if near_edge(i) => {
                    record_date(meta, date, *line, disagreement);
                    take_outlet(meta);
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
                    prepared.key_is(h)
                        || matches!(strip_site_suffix(source, *line), (title, Some(_))
                            if boilerplate::line_key(&source[title.range()]) == h)
                });
                if repeats_headline {
                    boiler(BoilerplateReason::RepeatedHeadline)
                } else if prepared.words <= 2 && !prepared.ends_sentence() {
                    boiler(BoilerplateReason::Fragment)
                } else if i < PUBLICATION_LINE_WINDOW
                    && let Some((date, disagreement)) = frame_date(source, *line, prepared, above_headline)
                {
                    record_date(meta, date, *line, disagreement);
                    take_outlet(meta);
                    boiler(BoilerplateReason::PublicationLine)
                } else {
                    BlockKind::Body
                }
            }
        };
        body_seen |= kind == BlockKind::Body;
        kinds.push(kind);
    }
    kinds
}

/// The name after a byline's lead word ("كتب: فلان" → "فلان").
fn byline_name(text: &str) -> Option<String> {
    let (_, name) = text
        .split_once([':', '-', '–', '|'])
        .or_else(|| text.trim().split_once(' '))?;
    let name = name.trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// A line that is little more than a date ("الخميس 14 مارس 2024 - 10:30").
fn date_only_line(source: &str, line: Span, prepared: &Line) -> Option<crate::dateline::FoundDate> {
    // A date first, then at most a time, a section or an update time ("… - 18:45 | آخر تحديث: 19:10").
    if prepared.words > 12 || prepared.ends_sentence() {
        return None;
    }
    crate::dateline::first_date(source, line, 3)
}

fn record_date(meta: &mut Metadata, date: NaiveDate, span: Span, disagreement: Option<DateDisagreement>) {
    if meta.published.is_none() {
        meta.published = Some(date);
        meta.published_from = Some(DateSource::Dateline);
        meta.published_span = Some(span);
        meta.date_disagreements.extend(disagreement);
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
    // A Hijri date with its Gregorian day ("المدينة - 15 شعبان 1446 هـ - الموافق …") or one date.
    let dual = crate::dateline::dual_date(source, *first_body, DATELINE_WORDS / 2)
        .and_then(|d| Some((d, crate::date_part::read_dual(d)?)));
    let (found, disagreement) = match dual {
        Some((d, (date, disagreement))) => {
            let hijri = d.hijri?.span;
            let end = d.gregorian.map_or(hijri.end, |g| g.span.end);
            let found = crate::dateline::FoundDate {
                date,
                span: Span::new(hijri.start, end),
            };
            (found, disagreement)
        }
        None => (
            crate::dateline::first_date(source, *first_body, DATELINE_WORDS)?,
            None,
        ),
    };
    let before = source[first_body.start..found.span.start].trim_end();
    // "المدينة، الأحد 12 أكتوبر": the day's name belongs to the date.
    let before = match before.rsplit_once(char::is_whitespace) {
        Some((head, last))
            if crate::calendar::calendar_names()
                .weekday(&crate::fold_key(last))
                .is_some() =>
        {
            head.trim_end()
        }
        _ => before,
    };
    // "المدينة، 14 مارس" is a dateline: a place of a few words and a comma; any other punctuation
    // before the date puts it inside the first sentence.
    let (before, comma) = match before.strip_suffix(['،', ',']) {
        Some(place) => (place, true),
        None => (before, false),
    };
    if before.contains(['.', '!', '?', '؟', '،', ',']) || (comma && before.split_whitespace().count() > 4) {
        return None;
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
    // "كرمانة، 17 نوفمبر"، "تل الزيتون - 29 يناير"، "عين الصفصاف في 2 شتنبر": the words before
    // the date are where the report was filed from.
    // Without a separator the place's words run into what comes before them ("بوابة اوكرانيا
    // كييف 20 فبراير": an outlet, then the city).
    let dashed = before.trim_end_matches(['-', '–', '—']);
    let (place, separated) = match dashed.trim_end().strip_suffix(" في") {
        Some(place) => (place.trim(), true),
        None => (dashed.trim(), comma || dashed.len() < before.len()),
    };
    let words = place.split_whitespace().count();
    if separated && (1..=DATELINE_PLACE_WORDS).contains(&words) && !place.contains(['-', '–', '—', ':', '|'])
    {
        let start = first_body.start + (before.len() - before.trim_start().len());
        meta.dateline_place = Some(Span::new(start, start + place.len()));
    }
    if meta.published.is_none() {
        meta.published = Some(found.date);
        meta.published_from = Some(DateSource::Dateline);
        meta.published_span = Some(Span::new(first_body.start, dateline_end));
        meta.date_disagreements.extend(disagreement);
    }
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
