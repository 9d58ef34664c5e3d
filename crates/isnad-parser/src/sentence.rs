//! Sentence splitting with byte spans.

use crate::Span;

/// Splits `source[span]` into trimmed sentence spans at `.`, `!`, `?`, `؟` and `…`.
pub(crate) fn split(source: &str, span: Span) -> Vec<Span> {
    let text = &source[span.range()];
    let mut out = Vec::new();
    let mut start = 0;
    for (i, ch) in text.char_indices() {
        if matches!(ch, '.' | '!' | '?' | '؟' | '…') {
            let end = i + ch.len_utf8();
            let next = text[end..].chars().next();
            if next.is_none_or(char::is_whitespace) {
                push_trimmed(&mut out, text, span.start, start, end);
                start = end;
            }
        }
    }
    push_trimmed(&mut out, text, span.start, start, text.len());
    out
}

fn push_trimmed(out: &mut Vec<Span>, text: &str, base: usize, start: usize, end: usize) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(Span::new(base + start + lead, base + end - trail));
    }
}
