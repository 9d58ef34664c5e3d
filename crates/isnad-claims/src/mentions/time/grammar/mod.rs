//! The grammar: the sentence scan, tokens and their lexicon readings, helpers the readers share.

mod clock;
mod dates;
mod durations;
mod expr;
mod holidays;
mod relative;
mod tokens;
mod weekdays;

use super::lexicon::{Entry, K, Lexicon, lexicon};
use super::spec::Spec;
use crate::mentions::{Grain, Mention, MentionContext, MentionValue};
use isnad_parser::{Span, TokenKind, Tokens, is_ignorable};
use std::cell::{Cell, OnceCell};

/// One meaning of the words starting at a token.
#[derive(Debug, Clone, Copy)]
struct Reading {
    kind: K,
    /// Token index after the words.
    end: usize,
    /// Read after stripping a proclitic.
    clitic: bool,
    /// Original bytes of that proclitic.
    skip: usize,
}

#[derive(Debug)]
struct Tok<'a> {
    span: Span,
    kind: TokenKind,
    /// The folded key, borrowed from the sentence's shared key buffer.
    key: &'a str,
    /// Its readings: a range of [`Scan::all_readings`].
    readings: (u32, u32),
}

/// A sentence being read.
pub(super) struct Scan<'a> {
    src: &'a str,
    toks: Vec<Tok<'a>>,
    /// The readings of every token, back to back (one buffer rather than a `Vec` per token).
    all_readings: Vec<Reading>,
    lex: &'static Lexicon,
    ctx: &'a MentionContext,
    /// How many tokens were read for a future marker, and the first one found (read when first
    /// needed, and only as far as needed).
    future_at: Cell<(usize, Option<usize>)>,
    /// Ordinals read at each token, memoized.
    ordinals: Vec<OnceCell<Option<(u32, usize)>>>,
    /// [`Scan::may_be_number_word`] of each token, memoized (several readers ask it).
    number_words: Vec<OnceCell<bool>>,
}

/// What an expression read.
#[derive(Debug, Clone)]
enum Val {
    /// A date still to resolve (ranges merge before resolution).
    Spec(Spec),
    /// A resolved value.
    Ready(MentionValue),
}

/// An expression: where it ends (token index) and its value.
#[derive(Debug, Clone)]
struct Out {
    end: usize,
    val: Val,
    approx: bool,
}

impl Out {
    fn spec(end: usize, spec: Spec) -> Out {
        Out {
            end,
            val: Val::Spec(spec),
            approx: false,
        }
    }

    fn ready(end: usize, value: MentionValue) -> Out {
        Out {
            end,
            val: Val::Ready(value),
            approx: false,
        }
    }
}
impl Out {
    fn val_value(&self) -> Option<MentionValue> {
        match &self.val {
            Val::Ready(v) => Some(v.clone()),
            Val::Spec(_) => None,
        }
    }
}

fn finer(a: Grain, b: Grain) -> Grain {
    a.min(b)
}

impl<'a> Scan<'a> {
    /// Reads the tokens of a sentence of `src`, looking every token up.
    pub(super) fn new(src: &'a str, tokens: &'a Tokens, ctx: &'a MentionContext) -> Scan<'a> {
        let lex = lexicon();
        let mut toks: Vec<Tok> = (tokens.pieces.iter())
            .zip(tokens.keys.iter())
            .map(|(p, key)| Tok {
                span: p.span(),
                kind: p.kind,
                key,
                readings: (0, 0),
            })
            .collect();
        let mut all_readings = Vec::with_capacity(toks.len());
        for i in 0..toks.len() {
            let from = all_readings.len();
            read_token(lex, src, &toks, i, &mut all_readings);
            toks[i].readings = (from as u32, all_readings.len() as u32);
        }
        let ordinals = (0..toks.len()).map(|_| OnceCell::new()).collect();
        let number_words = (0..toks.len()).map(|_| OnceCell::new()).collect();
        Scan {
            src,
            toks,
            all_readings,
            lex,
            ctx,
            future_at: Cell::new((0, None)),
            ordinals,
            number_words,
        }
    }

    /// Every mention, left to right, without overlaps.
    pub(super) fn mentions(&self) -> Vec<Mention> {
        let n = self.toks.len();
        // A token can start an expression only near a temporal word or a digit.
        // Every expression has a digit or a strong temporal word (month, weekday, unit…) within
        // its first few tokens; function words alone ("من", "في") never start a reading.
        let mut next_anchor = vec![usize::MAX; n + 1];
        for i in (0..n).rev() {
            let anchor =
                self.toks[i].kind == TokenKind::Number || self.readings(i).iter().any(|r| is_strong(r.kind));
            next_anchor[i] = if anchor { i } else { next_anchor[i + 1] };
        }
        let mut out = Vec::new();
        let mut i = 0;
        while i < n {
            if next_anchor[i].saturating_sub(i) > ANCHOR_WINDOW {
                i += 1;
                continue;
            }
            match self.best_at(i) {
                Some((o, value)) => {
                    let skip = self.readings(i).iter().map(|r| r.skip).min().unwrap_or(0);
                    let start = self.toks[i].span.start + skip;
                    let end = self.toks[o.end - 1].span.end;
                    let span = Span::new(start, end.max(start));
                    out.push(Mention {
                        span,
                        text: Box::from(&self.src[span.range()]),
                        value,
                    });
                    i = o.end;
                }
                None => i += 1,
            }
        }
        out
    }
}

/// How far (in tokens) an expression's first strong word may lie from its start
/// ("من الثالث والعشرون وحتى السادس والعشرين من شهر …").
const ANCHOR_WINDOW: usize = 8;

/// Words that make a temporal reading possible nearby; function words do not.
pub(super) fn is_strong(kind: K) -> bool {
    matches!(
        kind,
        K::Month(..)
            | K::Weekday(..)
            | K::RelDay(_)
            | K::Now
            | K::Unit(..)
            | K::DayDual
            | K::YearDual
            | K::PeriodNoun(_)
            | K::Earlier
            | K::Later
            | K::MonthPart(..)
            | K::YearLead
            | K::MonthLead
            | K::HijriEra
            | K::GregorianEra
            | K::Clock
            | K::Part(_)
            | K::DaySpan(..)
            | K::Holiday(_)
    )
}

/// The readings of token `i`: the whole word first; proclitic-stripped words only when the
/// whole word is unknown (a lexicon hit on the whole word wins).
/// Appends the readings of token `i` to `out`.
fn read_token(lex: &Lexicon, src: &str, toks: &[Tok], i: usize, out: &mut Vec<Reading>) {
    let tok = &toks[i];
    if tok.kind == TokenKind::Punct || tok.kind == TokenKind::Number {
        return;
    }
    let from = out.len();
    if !lex.index_sketch.may_contain(tok.key) {
        return;
    }
    let Some(slot) = lex.index.get(tok.key) else {
        return;
    };
    push_fitting(toks, i, &slot.entries, false, 0, out);
    if out.len() == from && tok.kind == TokenKind::Arabic && !slot.clitic.is_empty() {
        let text = &src[tok.span.range()];
        for hit in &slot.clitic {
            let skip = letters_bytes(text, hit.skip_letters);
            push_fitting(toks, i, &hit.entries, true, skip, out);
        }
    }
}

/// The value of a number token's key without its commas (`"12,500"` is 12500).
fn number_key_value(key: &str) -> Option<f64> {
    // Most are a few plain digits, exact as a float: read without building a string to parse.
    if (1..=15).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_digit()) {
        return Some(key.bytes().fold(0u64, |v, b| v * 10 + u64::from(b - b'0')) as f64);
    }
    key.replace(',', "").parse().ok()
}

/// Bytes taken by the first `letters` letters of `text` (marks attached to them included).
fn letters_bytes(text: &str, letters: usize) -> usize {
    let mut seen = 0;
    for (at, ch) in text.char_indices() {
        if is_ignorable(ch) {
            continue;
        }
        if seen == letters {
            return at;
        }
        seen += 1;
    }
    text.len()
}

/// The readings among `entries` (starting at token `i`) whose further words follow in the text.
fn push_fitting(
    toks: &[Tok],
    i: usize,
    entries: &[Entry],
    clitic: bool,
    skip: usize,
    out: &mut Vec<Reading>,
) {
    for entry in entries {
        let fits = entry
            .rest
            .iter()
            .enumerate()
            .all(|(n, word)| toks.get(i + 1 + n).is_some_and(|t| t.key == word));
        if fits {
            out.push(Reading {
                kind: entry.kind,
                end: i + 1 + entry.rest.len(),
                clitic,
                skip,
            });
        }
    }
}
