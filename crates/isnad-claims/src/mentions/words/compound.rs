//! Reading compound numbers term by term ("خمسة آلاف وثلاثمائة وخمسة وعشرون"), and a decimal word.

use super::digits::{Digits, read_digits};
use super::lexicon::{Lexicon, ScaleForm, Term};
use super::text::{Word, after_letters, next_word, skip_space, word_at};
use isnad_parser::Span;

/// A number read at a position: digits (Western, Eastern, Persian; separators) or number words
/// and their compounds ("ثلاثة وعشرون"), through proclitics ("بسبع").
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct NumberRead {
    /// Bytes of the number itself (a proclitic before it is excluded).
    pub span: Span,
    /// Its value.
    pub value: f64,
}

const SLOT_HUNDRED: u8 = 1;
const SLOT_UNIT: u8 = 2;
const SLOT_TEN: u8 = 4;
const SLOT_ALL: u8 = 7;

/// Accumulates a compound number term by term: thousands first, then hundreds, units, tens
/// ("خمسة آلاف وثلاثمائة وخمسة وعشرون").
pub(super) struct Reader {
    total: f64,
    current: f64,
    slots: u8,
    last_scale: f64,
    last: Option<Term>,
    start: usize,
    end: usize,
    /// Decimal digits of a digits term, for "فاصلة".
    digits_only: bool,
}

impl Reader {
    pub(super) fn digits(d: &Digits) -> Reader {
        Reader {
            total: 0.0,
            current: d.value,
            slots: SLOT_ALL,
            last_scale: f64::INFINITY,
            last: None,
            start: d.span.start,
            end: d.span.end,
            digits_only: true,
        }
    }

    pub(super) fn start(lex: &Lexicon, source: &str, limit: usize, span: Span, term: Term) -> Option<Reader> {
        let mut reader = Reader {
            total: 0.0,
            current: 0.0,
            slots: 0,
            last_scale: f64::INFINITY,
            last: None,
            start: span.start,
            end: span.start,
            digits_only: false,
        };
        if !reader.take(lex, source, limit, span, term, false) {
            return None;
        }
        Some(reader)
    }

    fn value(&self) -> f64 {
        self.total + self.current
    }

    /// Adds one term ending at `span.end`; false (and nothing consumed) when it does not fit.
    fn take(&mut self, lex: &Lexicon, source: &str, limit: usize, span: Span, term: Term, and: bool) -> bool {
        let mut end = span.end;
        let fits = match term {
            Term::Unit(0) => {
                self.last.is_none() && {
                    self.slots = SLOT_ALL;
                    true
                }
            }
            Term::Unit(v) | Term::TeenPrefix(v) => {
                if self.slots & (SLOT_UNIT | SLOT_TEN) != 0
                    || (self.last.is_some() && self.slots == 0 && !and)
                {
                    return false;
                }
                let next = next_word(source, end, limit);
                let teen = next
                    .as_ref()
                    .filter(|w| (1..=9).contains(&v) && lex.teen_tens.contains(&w.key));
                let hundred = next.as_ref().filter(|w| {
                    (3..=9).contains(&v) && self.slots == 0 && lex.term(&w.key) == Some(Term::Hundred(100))
                });
                if let Some(w) = teen {
                    end = w.span.end;
                    self.current += f64::from(v + 10);
                    self.slots |= SLOT_UNIT | SLOT_TEN;
                } else if let Some(w) = hundred {
                    end = w.span.end;
                    self.current += f64::from(v * 100);
                    self.slots |= SLOT_HUNDRED;
                } else if matches!(term, Term::TeenPrefix(_)) {
                    return false;
                } else {
                    self.current += f64::from(v);
                    self.slots |= if v == 10 { SLOT_UNIT | SLOT_TEN } else { SLOT_UNIT };
                }
                true
            }
            Term::Teen(v) => {
                if self.slots & (SLOT_UNIT | SLOT_TEN) != 0
                    || (self.last.is_some() && self.slots == 0 && !and)
                {
                    return false;
                }
                self.current += f64::from(v);
                self.slots |= SLOT_UNIT | SLOT_TEN;
                true
            }
            Term::Tens(v) => {
                let unit_needs_and = self.slots & SLOT_UNIT != 0 && !and;
                if self.slots & SLOT_TEN != 0
                    || unit_needs_and
                    || (self.last.is_some() && self.slots == 0 && !and)
                {
                    return false;
                }
                self.current += f64::from(v);
                self.slots |= SLOT_TEN | SLOT_UNIT;
                true
            }
            Term::Hundred(v) => {
                if self.slots != 0 || f64::from(v) >= self.last_scale || (self.last.is_some() && !and) {
                    return false;
                }
                self.current += f64::from(v);
                self.slots = SLOT_HUNDRED;
                true
            }
            Term::Scale(value, form) => {
                if value >= self.last_scale {
                    return false;
                }
                let has_current = self.slots != 0;
                match form {
                    ScaleForm::Singular if has_current => self.total += self.current * value,
                    ScaleForm::Plural if has_current => self.total += self.current * value,
                    ScaleForm::Singular | ScaleForm::Dual if self.last.is_none() || and => {
                        self.total += if form == ScaleForm::Dual {
                            2.0 * value
                        } else {
                            value
                        }
                    }
                    _ => return false,
                }
                self.current = 0.0;
                self.slots = 0;
                self.last_scale = value;
                true
            }
            Term::Fraction(f) => {
                if !and {
                    return false;
                }
                match self.last {
                    Some(Term::Scale(value, _)) if self.slots == 0 => self.total += f * value,
                    None if self.digits_only => self.current += f,
                    Some(Term::Unit(_) | Term::Teen(_) | Term::Tens(_)) => self.current += f,
                    _ => return false,
                }
                // A fraction closes the number.
                self.slots = SLOT_ALL;
                self.last_scale = 0.0;
                true
            }
        };
        if fits {
            self.last = Some(term);
            self.end = end;
            self.digits_only = false;
        }
        fits
    }
}

/// Reads further terms after the first (joined by و or, in Egyptian usage, by a space), then a
/// decimal part written as a word.
pub(super) fn continue_number(lex: &Lexicon, source: &str, limit: usize, reader: Reader) -> NumberRead {
    let (reader, after) = continue_inner(lex, source, limit, reader);
    let mut value = reader.value();
    let mut end = reader.end;
    // "واحد فاصلة واحد", "1 فاصلة 05".
    if let Some(point) = after.filter(|w| lex.decimal_point.contains(&w.key)) {
        let at = skip_space(source, point.span.end, limit);
        let fraction = match read_digits(source, at, limit).filter(|d| !d.negative && d.plain_int_digits > 0)
        {
            Some(d) => Some((d.span.end, d.plain)),
            None => word_at(source, at, limit).and_then(|w| {
                let (span, term) = lex
                    .first_term(source, &w)
                    .filter(|(s, _)| s.start == w.span.start)?;
                let r = Reader::start(lex, source, limit, span, term)?;
                let (r, _) = continue_inner(lex, source, limit, r);
                (r.value().fract() == 0.0).then(|| (r.end, format!("{}", r.value() as u64)))
            }),
        };
        if let Some((frac_end, digits)) = fraction
            && let Ok(frac) = format!("0.{digits}").parse::<f64>()
        {
            value += frac.copysign(value);
            end = frac_end;
        }
    }
    NumberRead {
        span: Span::new(reader.start, end),
        value,
    }
}

/// The term loop of [`continue_number`] without the decimal word; also returns the word after the
/// number (the one the loop stopped at), where [`continue_number`] looks for the decimal word.
fn continue_inner(lex: &Lexicon, source: &str, limit: usize, mut reader: Reader) -> (Reader, Option<Word>) {
    loop {
        let Some(word) = next_word(source, reader.end, limit) else {
            return (reader, None);
        };
        let read = if word.key == "و" {
            next_word(source, word.span.end, limit)
                .and_then(|next| Some((true, next.span, lex.term(&next.key)?)))
        } else if let Some(stem) = word
            .key
            .strip_prefix('و')
            .filter(|_| lex.term(&word.key).is_none())
        {
            lex.term(stem)
                .map(|term| (true, after_letters(source, &word, 1), term))
        } else {
            lex.term(&word.key).map(|term| (false, word.span, term))
        };
        // A term that does not fit consumes nothing: the word stays the one after the number.
        let Some((and, span, term)) = read else {
            return (reader, Some(word));
        };
        if !reader.take(lex, source, limit, span, term, and) {
            return (reader, Some(word));
        }
    }
}
