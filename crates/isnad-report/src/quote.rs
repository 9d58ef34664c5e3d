//! What the text and HTML renderers share: quoting a side's sentence with its span marked, safe
//! positions, names and counts.

use isnad_graph::{Finding, Severity, Side};
use isnad_parser::{Document, Span};
use rustc_hash::FxHashMap;

use crate::Report;

/// A sentence cut in three around the exact words of a side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Quote<'a> {
    /// Text before the marked words.
    pub before: &'a str,
    /// The marked words.
    pub marked: &'a str,
    /// Text after the marked words.
    pub after: &'a str,
}

/// The largest char boundary of `s` at or before `i` (clamped to the string).
pub(crate) fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `s` at or after `i` (clamped to the string).
pub(crate) fn ceil_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// `span` clamped to `source` and widened to char boundaries, so slicing never panics.
pub(crate) fn safe_span(source: &str, span: Span) -> Span {
    let start = floor_boundary(source, span.start);
    let end = ceil_boundary(source, span.end.max(span.start));
    Span::new(start, end.max(start))
}

/// Quotes `mark` inside its sentence. The sentence is `sentence` when it holds the mark, else the
/// document's sentence around it, else the mark alone; offsets that fall off the text or inside a
/// character are clamped, so a malformed span shows less context rather than panicking.
pub(crate) fn quote<'a>(document: &'a Document, sentence: Span, mark: Span) -> Quote<'a> {
    let source = document.source.as_str();
    let mark = safe_span(source, mark);
    let sentence = safe_span(source, sentence);
    let context = if !sentence.is_empty() && sentence.contains(mark) {
        sentence
    } else {
        document
            .sentence_of(mark)
            .map(|s| safe_span(source, s.span))
            .unwrap_or(mark)
    };
    Quote {
        before: &source[context.start..mark.start],
        marked: &source[mark.range()],
        after: &source[mark.end..context.end],
    }
}

/// The quote of a side: from its document when known and the span still holds the side's text,
/// else the side's own text alone (a report rendered without its documents).
pub(crate) fn side_quote<'a>(side: &'a Side, document: Option<&'a Document>) -> Quote<'a> {
    let own = Quote {
        before: "",
        marked: side.text.as_str(),
        after: "",
    };
    match document {
        Some(document) => {
            let q = quote(document, side.sentence, side.span);
            if q.marked == side.text || side.text.is_empty() {
                q
            } else {
                own
            }
        }
        None => own,
    }
}

/// 1-based line and column (in characters) of a byte offset, without panicking off boundaries.
pub(crate) fn line_col(document: &Document, offset: usize) -> (usize, usize) {
    document.line_col(floor_boundary(&document.source, offset))
}

/// Where each line of a text starts, so a position's line is found by binary search: counting
/// the newlines before every quoted position costs a long article its length for each quote.
pub(crate) struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    /// The line starts of `source`.
    pub(crate) fn of(source: &str) -> Lines {
        let newlines = source.bytes().enumerate().filter(|&(_, b)| b == b'\n');
        Lines {
            starts: std::iter::once(0).chain(newlines.map(|(i, _)| i + 1)).collect(),
        }
    }

    /// [`line_col`] of `offset` in `document`, whose text these are the lines of.
    pub(crate) fn line_col(&self, document: &Document, offset: usize) -> (usize, usize) {
        let source = document.source.as_str();
        let offset = floor_boundary(source, offset);
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        (line, source[start..offset].chars().count() + 1)
    }
}

/// The documents of a report, looked up by id, with each one's line starts made when a position
/// of it is first shown: a story of many articles or one long article costs each quoted side one
/// lookup, not a walk over the documents or the text before it.
pub(crate) struct Documents<'a> {
    documents: &'a [Document],
    index: FxHashMap<&'a str, usize>,
    lines: Vec<std::cell::OnceCell<Lines>>,
}

impl<'a> Documents<'a> {
    pub(crate) fn new(documents: &'a [Document]) -> Documents<'a> {
        let mut index = FxHashMap::default();
        for (i, document) in documents.iter().enumerate() {
            // The first of two documents with one id, as a walk over them finds.
            index.entry(document.id.as_str()).or_insert(i);
        }
        Documents {
            documents,
            index,
            lines: documents.iter().map(|_| std::cell::OnceCell::new()).collect(),
        }
    }

    /// The document with this id.
    pub(crate) fn find(&self, id: &str) -> Option<&'a Document> {
        self.index.get(id).map(|&i| &self.documents[i])
    }

    /// [`line_col`] of a position of `document`.
    pub(crate) fn line_col(&self, document: &Document, offset: usize) -> (usize, usize) {
        match self.index.get(document.id.as_str()) {
            Some(&i) if std::ptr::eq(&self.documents[i], document) => self.lines[i]
                .get_or_init(|| Lines::of(&document.source))
                .line_col(document, offset),
            _ => line_col(document, offset),
        }
    }
}

/// The JSON name of a severity.
pub(crate) fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Contradiction => "contradiction",
        Severity::Tension => "tension",
        Severity::Note => "note",
    }
}

/// Severities, most severe first.
pub(crate) const SEVERITIES: [Severity; 3] = [Severity::Contradiction, Severity::Tension, Severity::Note];

/// `1 note`, `3 notes`.
pub(crate) fn plural(n: usize, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n == 1 { singular } else { plural })
}

/// Findings of one severity.
pub(crate) fn count(findings: &[Finding], severity: Severity) -> usize {
    findings.iter().filter(|f| f.severity == severity).count()
}

/// The summary line: "5 documents, 42 claims: 1 contradiction, 3 tensions, 6 notes; 1 file could
/// not be read".
pub(crate) fn summary_line(report: &Report) -> String {
    let f = &report.findings;
    let mut line = format!(
        "{}, {}: {}, {}, {}",
        plural(report.documents.len(), "document", "documents"),
        plural(report.claims.len(), "claim", "claims"),
        plural(
            count(f, Severity::Contradiction),
            "contradiction",
            "contradictions"
        ),
        plural(count(f, Severity::Tension), "tension", "tensions"),
        plural(count(f, Severity::Note), "note", "notes"),
    );
    match report.errors.len() {
        0 => {}
        1 => line.push_str("; 1 file could not be read"),
        n => line.push_str(&format!("; {n} files could not be read")),
    }
    line
}

/// An attribution chain as one line, innermost source first: "المتحدث via الوكالة via outlet".
pub(crate) fn sources_line(attribution: &[String]) -> String {
    attribution.join(" via ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        isnad_parser::parse_document("a.txt", text.as_bytes(), &Default::default())
            .expect("text parses")
            .0
    }

    fn check(text: &str, sentence: (usize, usize), mark: (usize, usize), expected: (&str, &str, &str)) {
        let d = doc(text);
        let q = quote(&d, sentence.into(), mark.into());
        assert_eq!(
            (q.before, q.marked, q.after),
            expected,
            "sentence {sentence:?} mark {mark:?}"
        );
    }

    #[test]
    fn quotes_cut_at_char_boundaries() {
        let s = "قال أحمد إن 20 شخصا قتلوا.";
        let at = s.find("20").unwrap();
        check(
            s,
            (0, s.len()),
            (at, at + 2),
            ("قال أحمد إن ", "20", " شخصا قتلوا."),
        );
        // A mark starting inside a letter widens to the whole letter.
        check(s, (0, s.len()), (1, 2), ("", "ق", "ال أحمد إن 20 شخصا قتلوا."));
        // Off the end: clamped.
        check(s, (0, 9999), (at, 9999), ("قال أحمد إن ", "20 شخصا قتلوا.", ""));
        // A sentence that does not hold the mark falls back to the document's sentence.
        check(s, (0, 3), (at, at + 2), ("قال أحمد إن ", "20", " شخصا قتلوا."));
    }

    #[test]
    fn line_col_never_panics_inside_a_letter() {
        let d = doc("سطر\nثاني");
        assert_eq!(line_col(&d, 1), (1, 1));
        assert_eq!(line_col(&d, "سطر\n".len() + 2), (2, 2));
        assert_eq!(line_col(&d, 10_000), (2, 5));
    }

    #[test]
    fn lines_give_the_documents_line_and_column() {
        let d = doc("سطر\nثاني\n\nرابع");
        let lines = Lines::of(&d.source);
        for offset in 0..=d.source.len() + 2 {
            assert_eq!(lines.line_col(&d, offset), line_col(&d, offset), "at {offset}");
        }
    }
}
