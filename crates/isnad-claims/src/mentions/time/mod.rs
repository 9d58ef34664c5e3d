//! Finder for time mentions: absolute dates (every month family, Hijri, numeric), weekdays,
//! relative expressions, clock times and durations.
//!
//! One pass per sentence: the sentence is tokenized once, every token is looked up once in a
//! hash table of folded words and phrases (data in `data/time.toml` and isnad-parser's
//! `data/calendar.toml`), and a small recursive-descent grammar reads expressions starting at
//! tokens that carry a temporal word or a digit. No regular expression runs per word.

mod calendar;
mod grammar;
mod lexicon;
mod spec;

use super::{Mention, MentionContext};
use isnad_parser::Tokens;

/// Finds time mentions in the text that `tokens` tokenizes.
pub(crate) fn find(source: &str, tokens: &Tokens, context: &MentionContext) -> Vec<Mention> {
    // No separate prefilter: a pass over the words to reject a sentence cost more than it saved
    // on news text, where most sentences hold a digit or a temporal word; the grammar only starts
    // readings near such anchors anyway.
    grammar::Scan::new(source, tokens, context).mentions()
}

#[cfg(test)]
mod tests;
