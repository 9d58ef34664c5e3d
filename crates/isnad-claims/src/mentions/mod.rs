//! Mentions: temporal, numeric, ordinal and quantity expressions with normalized values.
//!
//! This module owns the value types shared by claims and the graph; the finders live in
//! submodules (`time` for dates, weekdays, relative expressions, clock times and durations;
//! `number`, `ordinal` and `quantity` for amounts).

mod number;
mod time;
mod value;
pub(crate) mod words;

pub use value::{
    DurationUnit, DurationValue, Grain, Lean, Mention, MentionContext, MentionValue, NumberValue,
    OrdinalQualifier, OrdinalValue, Qualifier, QuantityValue, TimeValue, weekday_name,
};

use isnad_parser::{Document, Span, Tokens};

/// The interval of `value` under `qualifier` (approximations and bounds widen it).
pub(crate) fn number_interval(value: f64, qualifier: Qualifier) -> NumberValue {
    number::interval(value, qualifier)
}

/// Finds every mention in `source[span]` (one sentence or a whole `--text` string).
///
/// Mentions do not overlap: when two finders claim the same bytes, the longer (more specific)
/// reading wins, so "يومي 18 و19 يونيو" is one date range and not two numbers.
pub fn extract_mentions(source: &str, span: Span, context: &MentionContext) -> Vec<Mention> {
    let span = Span::new(span.start.min(source.len()), span.end.min(source.len()));
    if span.is_empty() || !source.is_char_boundary(span.start) || !source.is_char_boundary(span.end) {
        return Vec::new();
    }
    // One tokenization for both finders.
    let tokens = Tokens::of(source, span);
    mentions_of_tokens(source, span, &tokens, context)
}

/// [`extract_mentions`] of a sentence already tokenized (`tokens` are `Tokens::of(source, span)`).
fn mentions_of_tokens(source: &str, span: Span, tokens: &Tokens, context: &MentionContext) -> Vec<Mention> {
    let mut found = time::find(source, tokens, context);
    found.extend(number::find(source, span, tokens, context));
    resolve_overlaps(found)
}

/// Mentions of a document's story text (headline and body sentences; never boilerplate),
/// resolved at the document's publication date.
pub fn document_mentions(document: &Document, lean: Lean) -> Vec<Mention> {
    prepared_mentions(&crate::Prepared::of(document), lean)
}

/// [`document_mentions`] of a prepared document (its sentences already tokenized).
pub fn prepared_mentions(prepared: &crate::Prepared<'_>, lean: Lean) -> Vec<Mention> {
    let document = prepared.document;
    let context = MentionContext {
        reference: document.reference_date(),
        lean,
    };
    let per_sentence = prepared.map_sentences(|sentence, p| {
        mentions_of_tokens(&document.source, sentence.span, &p.tokens, &context)
    });
    // Sized once rather than regrown mention by mention.
    let mut mentions = Vec::with_capacity(per_sentence.iter().map(Vec::len).sum());
    for found in per_sentence {
        mentions.extend(found);
    }
    mentions
}

/// Keeps the longest of overlapping mentions (earliest on ties), in text order.
fn resolve_overlaps(mut found: Vec<Mention>) -> Vec<Mention> {
    found.sort_by_key(|m| (std::cmp::Reverse(m.span.len()), m.span.start));
    // Kept in place, at the front of the list (a sentence's mentions, one list less each).
    let mut kept = 0;
    for i in 0..found.len() {
        if !found[..kept].iter().any(|k| k.span.overlaps(found[i].span)) {
            found.swap(kept, i);
            kept += 1;
        }
    }
    found.truncate(kept);
    found.sort_by_key(|m| m.span.start);
    found
}
