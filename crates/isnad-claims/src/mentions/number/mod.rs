//! Finder for numeric mentions: numbers (digits and words, with their qualifiers), vague amounts,
//! dual nouns, quantities with units, and ordinals with the noun they modify.
//!
//! One pass over a light tokenization of the sentence: each word's folded key is looked up once
//! in a trigger table (number words, ordinal words, vague words, with their proclitics); only
//! triggers and digit runs do further work. Dates, clock times, durations and bare years are left
//! to the time finder: a number followed by a month or a time unit, or a year after a year cue,
//! yields nothing here.

mod data;
mod ordinal;
mod scan;

use super::value::{Mention, MentionContext, MentionValue, NumberValue, Qualifier, QuantityValue};
use super::words::{
    self, PROCLITIC_LETTERS, ScaleForm, Term, letters_span, lexicon, number_at, number_from_digits,
    read_digits,
};
use crate::short::{ends_with_short, strip_short_prefix};
use data::{CLITICS, NUMBER, ORDINAL, Phrase, Phrases, Tables, Trigger, VAGUE, tables};
use isnad_parser::Span;
use isnad_parser::calendar::calendar_names;
use scan::{Kind, Tokens};

/// The last letters of the dual endings "تين", "تان" and "تي".
const DUAL_LAST_LETTERS: [char; 2] = ['ن', 'ي'];

/// Relative half-width of the interval of an approximate amount ("نحو 300" = 270..330).
pub(crate) const APPROX_SPREAD: f64 = 0.1;

/// Finds number mentions in `source[span]`, a valid range of `source` that `parsed` tokenizes.
pub(crate) fn find(
    source: &str,
    span: Span,
    parsed: &isnad_parser::Tokens,
    context: &MentionContext,
) -> Vec<Mention> {
    let mut scanned_keys = String::new();
    let tokens = scan::from_parser(source, span, parsed, &mut scanned_keys);
    let t = tables();
    // Several readers ask whether a word (or its neighbour) is a trigger: one probe per word
    // (every trigger is Arabic letters, so no other token is one).
    let triggers = (tokens.toks.iter().enumerate())
        .map(|(i, tok)| {
            (tok.kind == Kind::Word)
                .then(|| t.trigger(tokens.key(i)))
                .flatten()
        })
        .collect();
    let mut finder = Finder {
        source,
        limit: span.end,
        tokens,
        triggers,
        t,
        context,
        out: Vec::new(),
        free: span.start,
    };
    finder.run();
    finder.out
}

/// The interval of `value` under `qualifier`.
/// True for a folded word that names years of age ("عامًا", "سنة"), from `data/units.toml`.
pub(crate) fn is_age_unit(key: &str) -> bool {
    data::tables().age_units.contains(key)
}

/// True when the keys around an amount set it off as an apposition: "سامر، 40 عامًا، يمتلك",
/// "سامر (40 عامًا)". Years in apposition to a person are an age, not a duration.
pub(crate) fn is_appositive(before: &str, after: &str) -> bool {
    matches!((before, after), ("،" | ",", "،" | ",") | ("(", ")"))
}

pub(crate) fn interval(value: f64, qualifier: Qualifier) -> NumberValue {
    let (low, high) = match qualifier {
        Qualifier::Exact | Qualifier::Vague | Qualifier::Range => (value, Some(value)),
        Qualifier::Approx => {
            // value ± spread keeps round numbers round (7000 → 6300..7700, not 7700.000000000001).
            let spread = value.abs() * APPROX_SPREAD;
            (value - spread, Some(value + spread))
        }
        Qualifier::AtLeast | Qualifier::MoreThan => (value, None),
        Qualifier::AtMost | Qualifier::LessThan => (value.min(0.0), Some(value)),
    };
    NumberValue {
        value: Some(value),
        low,
        high,
        qualifier,
    }
}

/// The scanning state of one sentence.
struct Finder<'a> {
    source: &'a str,
    limit: usize,
    tokens: Tokens<'a>,
    /// The trigger each token is, if any.
    triggers: Vec<Option<&'static Trigger>>,
    t: &'static Tables,
    context: &'a MentionContext,
    out: Vec<Mention>,
    /// First byte not yet covered by a mention of this finder.
    free: usize,
}

/// A unit found after an amount.
struct FoundUnit {
    code: String,
    factor: f64,
    /// Token index after the unit.
    next: usize,
}

impl<'a> Finder<'a> {
    fn run(&mut self) {
        let n = self.tokens.toks.len();
        for i in 0..n {
            let tok = self.tokens.toks[i];
            if tok.span.start < self.free {
                continue;
            }
            let found = match tok.kind {
                Kind::Digits => self.digits(i, i),
                Kind::Punct if self.starts_signed_number(i) => self.digits(i, i + 1),
                Kind::Word => self.word(i),
                _ => None,
            };
            if let Some(mention) = found {
                self.free = mention.span.end;
                self.out.push(mention);
            }
        }
    }

    // -- token helpers ---------------------------------------------------------------------------

    fn key(&self, i: usize) -> &str {
        self.tokens.key(i)
    }

    fn kind(&self, i: usize) -> Option<Kind> {
        self.tokens.toks.get(i).map(|t| t.kind)
    }

    fn span(&self, i: usize) -> Span {
        self.tokens.toks[i].span
    }

    /// True when token `i` exists and touches the token before it (no space between).
    fn glued(&self, i: usize) -> bool {
        self.tokens.toks.get(i).is_some_and(|t| !t.space_before) && i > 0
    }

    /// Index of the first token starting at or after byte `at`.
    fn index_at(&self, at: usize) -> usize {
        self.tokens.toks.partition_point(|t| t.span.start < at)
    }

    fn trigger(&self, i: usize) -> Option<&'static Trigger> {
        // Past the end the key is "", which is no trigger.
        self.triggers.get(i).copied().flatten()
    }

    /// The key of word `i` without a proclitic, when `base` matches it (`"وفي"` matches `"في"`).
    fn is_word(&self, i: usize, base: &str) -> bool {
        self.kind(i) == Some(Kind::Word) && clitic_match(self.key(i), base).is_some()
    }

    /// A "-" or "." (or "٫") that begins a number: "-1.2", ".77".
    fn starts_signed_number(&self, i: usize) -> bool {
        matches!(self.key(i), "-" | "−" | "." | "٫")
            && self.kind(i + 1) == Some(Kind::Digits)
            && self.glued(i + 1)
            && (self.tokens.toks[i].space_before || i == 0)
    }

    /// Matches phrases at token `i` going forward; returns the index after the match. The first
    /// word may carry a proclitic when `clitic` is set.
    fn match_forward<'p, T>(
        &self,
        i: usize,
        phrases: &'p Phrases<T>,
        clitic: bool,
    ) -> Option<(usize, &'p Phrase<T>)> {
        let n = self.tokens.toks.len();
        let matches = |p: &Phrase<T>| {
            let len = p.keys.len();
            if i + len > n {
                return false;
            }
            let first_ok = if clitic {
                clitic_match(self.key(i), &p.keys[0]).is_some()
            } else {
                self.key(i) == p.keys[0]
            };
            first_ok && (1..len).all(|k| self.key(i + k) == p.keys[k])
        };
        // Only phrases starting with the word (or with what a proclitic leaves of it) can match;
        // they are tried in list order, as a scan of the whole list would.
        let found = if clitic {
            let mut candidates: Vec<usize> = Vec::new();
            clitic_bases(self.key(i), |base| {
                candidates.extend_from_slice(phrases.starting(base))
            });
            candidates.sort_unstable();
            candidates.into_iter().find(|&pi| matches(&phrases.list[pi]))
        } else {
            phrases
                .starting(self.key(i))
                .iter()
                .copied()
                .find(|&pi| matches(&phrases.list[pi]))
        }?;
        let p = &phrases.list[found];
        Some((i + p.keys.len(), p))
    }

    /// Matches phrases ending just before token `end`; returns the first token index and the
    /// proclitic letters on it.
    fn match_backward<'p, T>(
        &self,
        end: usize,
        phrases: &'p Phrases<T>,
    ) -> Option<(usize, usize, &'p Phrase<T>)> {
        let try_phrase = |p: &'p Phrase<T>| {
            let len = p.keys.len();
            let start = end.checked_sub(len)?;
            let clitic = clitic_match(self.key(start), &p.keys[0])?;
            (1..len)
                .all(|k| self.key(start + k) == p.keys[k])
                .then_some((start, clitic, p))
        };
        // A phrase of length L can only match when its first key is what a proclitic leaves of
        // the word L tokens back; candidates are tried in list order.
        let mut candidates: Vec<usize> = Vec::new();
        for &len in &phrases.lengths {
            let Some(start) = end.checked_sub(len) else {
                continue;
            };
            // The word before `end` ends a longer phrase as written: most words end none.
            if len > 1 && !phrases.may_end(self.key(end - 1)) {
                continue;
            }
            clitic_bases(self.key(start), |base| {
                candidates.extend(
                    phrases
                        .starting(base)
                        .iter()
                        .filter(|&&pi| phrases.list[pi].keys.len() == len),
                )
            });
        }
        candidates.sort_unstable();
        candidates
            .into_iter()
            .find_map(|pi| try_phrase(&phrases.list[pi]))
    }

    fn is_month_at(&self, i: usize) -> bool {
        if self.kind(i) != Some(Kind::Word) {
            return false;
        }
        let names = calendar_names();
        let one = names.month(self.key(i)).is_some()
            || clitic_strip(self.key(i)).is_some_and(|(_, stem)| names.month(stem).is_some());
        one || (self.kind(i + 1) == Some(Kind::Word)
            && joined(&[self.key(i), " ", self.key(i + 1)], |name| {
                names.month(name).is_some()
            }))
    }

    // -- numbers -------------------------------------------------------------------------------

    /// A number written in digits starting at token `first` (`digits` is its first digit run).
    fn digits(&mut self, first: usize, digits: usize) -> Option<Mention> {
        if self.latin_chunk(first) {
            return self.skip_glued(first);
        }
        let at = self.span(first).start;
        let read = read_digits(self.source, at, self.limit)?;
        let number = number_from_digits(self.source, &read, self.limit);
        let mut value = number.value;
        let mut end = number.span.end;
        let after = self.index_at(read.span.end);
        // Phone numbers: a leading "+", or seven or more digits starting with 0.
        if digits > 0 && self.key(digits - 1) == "+" && self.glued(digits) {
            return None;
        }
        if read.plain_int_digits >= 7 && read.plain.starts_with('0') {
            return None;
        }
        // Clock times and ratios "10:30", dates "12/5/2024", "1.5.2024", "2024-06-18".
        let glued_digits =
            |k: usize| self.glued(k) && self.kind(k + 1) == Some(Kind::Digits) && self.glued(k + 1);
        if glued_digits(after) {
            match self.key(after) {
                ":" => return self.skip_glued(first),
                "/" | "-" | "." if glued_digits(after + 2) && self.key(after + 2) == self.key(after) => {
                    return self.skip_glued(first);
                }
                "/" if number.span.end == read.span.end => {
                    // "١١/١٠" is a fraction; a date of two parts would be the time finder's (and longer).
                    let denominator = read_digits(self.source, self.span(after + 1).start, self.limit)?;
                    if denominator.value == 0.0 {
                        return None;
                    }
                    value /= denominator.value;
                    end = denominator.span.end;
                }
                "." => return self.skip_glued(first),
                _ => {}
            }
        }
        if digits >= 2
            && self.key(digits - 1) == ":"
            && self.glued(digits)
            && self.kind(digits - 2) == Some(Kind::Digits)
        {
            return None;
        }
        let prev = first.checked_sub(1);
        // A bare year after a year cue, or marked "م"/"هـ", or after a month: the time finder's.
        let year =
            read.plain_int_digits == 4 && (1900.0..=2100.0).contains(&read.value) && end == read.span.end;
        if year {
            let cue = prev.is_some_and(|p| {
                self.kind(p) == Some(Kind::Word)
                    && (self.t.year_cues.contains(self.key(p))
                        || clitic_strip(self.key(p)).is_some_and(|(_, s)| self.t.year_cues.contains(s))
                        || self.is_month_at(p)
                        || (p > 0 && self.is_month_at(p - 1)))
            });
            if cue || self.t.year_marks.contains(self.key(after)) {
                return None;
            }
        }
        if prev.is_some_and(|p| self.t.time_cues.contains(self.key(p))) {
            return None;
        }
        self.amount(first, at, end, value)
    }

    /// Marks the run of glued tokens around `i` (a date "12/5/2024", a time "10:30") as read, so
    /// that none of its digits is taken for an amount; yields no mention.
    fn skip_glued(&mut self, i: usize) -> Option<Mention> {
        let mut end = i;
        while self.glued(end + 1) {
            end += 1;
        }
        self.free = self.free.max(self.span(end).end);
        None
    }

    /// True when the run of glued tokens around `i` has Latin letters (S600, Su-27, URLs).
    fn latin_chunk(&self, i: usize) -> bool {
        let mut start = i;
        while start > 0 && self.glued(start) {
            start -= 1;
        }
        let mut end = i;
        while self.glued(end + 1) {
            end += 1;
        }
        (start..=end).any(|k| self.kind(k) == Some(Kind::Latin))
    }

    /// A number that starts with a word at token `i`, an ordinal, a vague amount or a dual.
    fn word(&mut self, i: usize) -> Option<Mention> {
        let Some(trigger) = self.trigger(i) else {
            // Nearly every word is neither a dual nor the start of a unit: both readers' first
            // tests, made here without calling them.
            let key = self.key(i);
            if !(key.ends_with(DUAL_LAST_LETTERS) || self.t.units.may_start(key)) {
                return None;
            }
            return self.dual(i).or_else(|| self.unit_and_fraction(i));
        };
        if trigger.flags & ORDINAL != 0
            && let Some(m) = self.ordinal(i, trigger)
        {
            return Some(m);
        }
        if trigger.flags & NUMBER != 0 {
            let at = self.span(i).start;
            if let Some(number) = number_at(self.source, at, self.limit)
                && number.span.start < self.span(i).end
            {
                return self.amount(i, number.span.start, number.span.end, number.value);
            }
        }
        if trigger.flags & VAGUE != 0 {
            return self.vague(i, trigger);
        }
        None
    }

    /// The other end of a range starting with the amount `low` read at `start..end` (first token
    /// `first`): "بين 10 و20", "من 10 إلى 20", "10-20". Returns both ends, the byte where the
    /// range starts and the byte where it ends.
    fn range_end(
        &self,
        first: usize,
        start: usize,
        end: usize,
        low: f64,
    ) -> Option<(f64, f64, usize, usize)> {
        let next = self.index_at(end);
        let prev = first.checked_sub(1);
        let from = prev.filter(|&p| self.is_word(p, "من"));
        let between = prev.filter(|&p| self.is_word(p, "بين"));
        // Where the token after the range word starts: none at the end of the sentence ("بين 5 و").
        let after_next = || self.tokens.toks.get(next + 1).map(|t| t.span.start);
        let (upper_at, range_start) = if self.key(next) == "-" && self.kind(next + 1) == Some(Kind::Digits) {
            (self.span(next + 1).start, start)
        } else if let Some(p) = from
            && ["الي", "حتي", "لغايه"].contains(&self.key(next))
        {
            (after_next()?, self.span(p).start)
        } else if let Some(p) = from
            && self.kind(next) == Some(Kind::Word)
            && self.key(next).starts_with('ل')
        {
            // "من عشرة لعشرين": ل glued to the upper end.
            (self.span(next).start + 'ل'.len_utf8(), self.span(p).start)
        } else if let Some(p) = between
            && (self.key(next) == "و" || self.key(next).starts_with('و'))
        {
            let at = if self.key(next) == "و" {
                after_next()?
            } else {
                self.span(next).start
            };
            let p = if p > 0 && self.key(p - 1) == "ما" {
                p - 1
            } else {
                p
            };
            (at, self.span(p).start)
        } else {
            return None;
        };
        self.kind(self.index_at(upper_at))?;
        let upper = number_at(self.source, upper_at, self.limit)?;
        let mut low = low;
        // "بين 10 و20 مليون": the lower end shares the upper end's scale word.
        let upper_tokens = self.index_at(upper.span.start)..self.index_at(upper.span.end);
        let scaled = upper_tokens
            .into_iter()
            .any(|k| matches!(lexicon().term(self.key(k)), Some(Term::Scale(..))));
        let scale = scale_of(upper.value);
        if scaled && scale > 1.0 && low * scale <= upper.value {
            low *= scale;
        }
        (upper.value > low).then_some((low, upper.value, range_start.max(self.free), upper.span.end))
    }

    /// Completes an amount read at `start..end` (first token `first`): range, unit, qualifiers, age.
    fn amount(&mut self, first: usize, start: usize, end: usize, value: f64) -> Option<Mention> {
        if let Some((low, high, range_start, range_end)) = self.range_end(first, start, end, value) {
            return self.range(first, low, high, range_start, range_end);
        }
        let next = self.index_at(end);
        if self.is_month_at(next) {
            return None;
        }
        let mut start = start;
        let mut end = end;
        let mut value = value;
        let mut unit = self.unit_after(next);
        if unit.is_none() && self.match_forward(next, &self.t.durations, false).is_some() {
            // An age ("البالغ من العمر 71 عاماً") is a quantity; other time units are durations.
            let appositive = first
                .checked_sub(1)
                .is_some_and(|b| is_appositive(self.key(b), self.key(next + 1)));
            let age_unit = self.t.age_units.contains(self.key(next));
            let cue = age_unit
                .then(|| self.match_backward(first, &self.t.age_cues))
                .flatten();
            if age_unit && (cue.is_some() || appositive) {
                let start = match cue {
                    Some((cue, clitic, _)) => letters_span(self.source, self.span(cue), clitic, 0).start,
                    None => start,
                };
                let span = Span::new(start.max(self.free), self.span(next).end);
                let amount = NumberValue::exact(value);
                return Some(self.mention(
                    span,
                    MentionValue::Quantity(QuantityValue {
                        amount,
                        unit: "year_of_age".into(),
                    }),
                ));
            }
            return None;
        }
        // A currency sign before the digits: "$10".
        if unit.is_none()
            && let Some(p) = first.checked_sub(1)
            && let Some((_, found)) = self
                .match_forward(p, &self.t.units, false)
                .filter(|(k, _)| *k == first)
        {
            start = self.span(p).start;
            unit = Some(FoundUnit {
                code: found.value.code.clone(),
                factor: found.value.factor,
                next,
            });
        }
        let mut after = next;
        if let Some(u) = &unit {
            after = u.next;
            if u.next > next {
                end = self.span(u.next - 1).end;
            }
            value *= u.factor;
            // "ملياري دولار ونصف": the fraction is of the largest scale in the amount.
            if let Some((frac, k)) = self.fraction_at(after) {
                value += frac * scale_of(value);
                end = self.span(k - 1).end;
                after = k;
            }
        }
        let (qualifier, q_start) = self.qualifier_before(first);
        let mut qualifier = qualifier;
        if let Some(q_start) = q_start {
            start = q_start;
        }
        if let Some((q, k)) = self.qualifier_after(after)
            && (qualifier == Qualifier::Exact || q == qualifier)
        {
            qualifier = q;
            end = self.span(k - 1).end;
        }
        let amount = interval(value, qualifier);
        let value = match unit {
            Some(u) => MentionValue::Quantity(QuantityValue { amount, unit: u.code }),
            None => MentionValue::Number(amount),
        };
        Some(self.mention(Span::new(start, end), value))
    }

    /// A range `low..=high` spanning `start..end`, with the unit after it, if any.
    fn range(&mut self, first: usize, low: f64, high: f64, start: usize, end: usize) -> Option<Mention> {
        let next = self.index_at(end);
        // "من 3 إلى 5 مايو", "بين 3 و5 أيام": dates and durations are the time finder's.
        let year = |x: f64| x.fract() == 0.0 && (1900.0..=2100.0).contains(&x);
        if self.is_month_at(next)
            || self.match_forward(next, &self.t.durations, false).is_some()
            || (year(low) && year(high) && self.kind(first) == Some(Kind::Digits))
        {
            // Neither end is an amount then.
            self.free = self.free.max(end);
            return None;
        }
        let mut low = low;
        let mut high = high;
        let mut end = end;
        let mut unit = None;
        if let Some(u) = self.unit_after(next) {
            end = self.span(u.next - 1).end;
            low *= u.factor;
            high *= u.factor;
            unit = Some(u.code);
        }
        let amount = NumberValue {
            value: None,
            low,
            high: Some(high),
            qualifier: Qualifier::Range,
        };
        let value = match unit {
            Some(unit) => MentionValue::Quantity(QuantityValue { amount, unit }),
            None => MentionValue::Number(amount),
        };
        Some(self.mention(Span::new(start, end), value))
    }

    /// A unit phrase at token `i` (also with the article: "الدولارات").
    fn unit_after(&self, i: usize) -> Option<FoundUnit> {
        let (next, phrase) = self.match_forward(i, &self.t.units, false)?;
        Some(FoundUnit {
            code: phrase.value.code.clone(),
            factor: phrase.value.factor,
            next,
        })
    }

    /// A unit with no number before it and a fraction after it: one unit and that much more
    /// ("متراً ونصف المتر" = 1.5 m, "كيلومتراً وربع" = 1.25 km).
    fn unit_and_fraction(&mut self, i: usize) -> Option<Mention> {
        // Nearly every word starts no unit: turned away before anything else is read.
        if !self.t.units.may_start(self.key(i)) {
            return None;
        }
        let before = i.checked_sub(1);
        if before.is_some_and(|b| matches!(self.kind(b), Some(Kind::Digits)) || self.trigger(b).is_some()) {
            return None;
        }
        let unit = self.unit_after(i)?;
        let (fraction, mut next) = self.fraction_at(unit.next)?;
        // "ونصف المتر": the unit again, with the article.
        if let Some(again) = self.unit_after(next)
            && again.code == unit.code
        {
            next = again.next;
        }
        let (qualifier, q_start) = self.qualifier_before(i);
        let start = q_start.unwrap_or(self.span(i).start);
        let amount = interval((1.0 + fraction) * unit.factor, qualifier);
        let end = self.span(next - 1).end;
        Some(self.mention(
            Span::new(start, end),
            MentionValue::Quantity(QuantityValue {
                amount,
                unit: unit.code,
            }),
        ))
    }

    /// "ونصف" / "و نصف" at token `i`: the fraction and the index after it.
    fn fraction_at(&self, i: usize) -> Option<(f64, usize)> {
        let lex = lexicon();
        let (key, next) = if self.key(i) == "و" {
            (self.key(i + 1), i + 2)
        } else {
            (self.key(i).strip_prefix('و')?, i + 1)
        };
        match lex.term(key) {
            Some(Term::Fraction(f)) if self.kind(next - 1) == Some(Kind::Word) => Some((f, next)),
            _ => None,
        }
    }

    /// A qualifier phrase right before token `first`, and the byte where it starts.
    fn qualifier_before(&self, first: usize) -> (Qualifier, Option<usize>) {
        match self.match_backward(first, &self.t.before) {
            Some((k, clitic, phrase)) => {
                let start = letters_span(self.source, self.span(k), clitic, 0).start;
                if start < self.free {
                    (Qualifier::Exact, None)
                } else {
                    (phrase.value, Some(start))
                }
            }
            None => (Qualifier::Exact, None),
        }
    }

    /// A qualifier after an amount, possibly after one or two gap words ("اثنتين منها على الأقل").
    fn qualifier_after(&self, i: usize) -> Option<(Qualifier, usize)> {
        for gap in 0..=2 {
            let k = i + gap;
            // Gap words, plus at most one counted noun that is neither a number nor a time unit.
            let words_ok = (i..k).all(|g| {
                self.kind(g) == Some(Kind::Word)
                    && self.trigger(g).is_none()
                    && self.match_forward(g, &self.t.durations, false).is_none()
            });
            let nouns = (i..k).filter(|&g| !self.t.gap.contains(self.key(g))).count();
            if !words_ok || nouns > 1 {
                return None;
            }
            if let Some((next, phrase)) = self.match_forward(k, &self.t.after, false) {
                return Some((phrase.value, next));
            }
        }
        None
    }

    /// A vague amount: "عشرات"، "بضعة آلاف"، "مئات الآلاف"، "آلاف".
    fn vague(&mut self, i: usize, trigger: &Trigger) -> Option<Mention> {
        let lex = lexicon();
        let start = letters_span(self.source, self.span(i), trigger.clitic_letters, 0).start;
        // "آلاف" folds to "الاف": try the word as written before dropping an article.
        let plural_scale = |key: &str| match lex.term(key).or_else(|| lex.term(words::strip_article(key))) {
            Some(Term::Scale(v, ScaleForm::Plural)) => Some(v),
            _ => None,
        };
        let mut end = self.span(i).end;
        let mut next = i + 1;
        let (mut low, mut high) = match self.t.vague.get(&trigger.base) {
            Some(&(low, high)) => (low, high),
            None => {
                let scale = plural_scale(&trigger.base)?;
                (2.0 * scale, 999.0 * scale)
            }
        };
        if self.t.vague.contains_key(&trigger.base)
            && let Some(scale) = plural_scale(self.key(i + 1))
        {
            low *= scale;
            high *= scale;
            end = self.span(i + 1).end;
            next = i + 2;
        }
        if self.match_forward(next, &self.t.durations, false).is_some() || self.is_month_at(next) {
            return None;
        }
        let amount = NumberValue {
            value: None,
            low,
            high: Some(high),
            qualifier: Qualifier::Vague,
        };
        let value = match self.unit_after(next) {
            Some(u) => {
                end = self.span(u.next - 1).end;
                let amount = NumberValue {
                    low: low * u.factor,
                    high: Some(high * u.factor),
                    ..amount
                };
                MentionValue::Quantity(QuantityValue { amount, unit: u.code })
            }
            None => MentionValue::Number(amount),
        };
        Some(self.mention(Span::new(start, end), value))
    }

    /// A counted noun in the feminine dual: "سيارتين", "زيارتان", "سيارتي ليموزين".
    fn dual(&mut self, i: usize) -> Option<Mention> {
        let key = self.key(i);
        // Most words end otherwise: leave before any table is consulted.
        if !key.ends_with(DUAL_LAST_LETTERS) {
            return None;
        }
        if !(key.ends_with("تين") || key.ends_with("تان") || key.ends_with("تي")) {
            return None;
        }
        if ["ال", "وال", "بال", "فال", "كال", "لل"]
            .iter()
            .any(|p| key.starts_with(p))
        {
            return None;
        }
        if self.t.dual_words.iter().any(|w| clitic_match(key, w).is_some()) {
            return Some(self.mention(self.span(i), MentionValue::Number(NumberValue::exact(2.0))));
        }
        // A first letter that may be a proclitic ("وباسل" = و + باسل) does not count toward the
        // stem: three letters before the ending, beyond any such letter.
        let letters = key.chars().count() - usize::from(key.starts_with(PROCLITIC_LETTERS));
        let dual = if key.ends_with("تين") || key.ends_with("تان") {
            letters >= 6 && !self.t.dual_not.iter().any(|d| ends_with_short(key, d))
        } else if key.ends_with("تي") {
            // The construct dual, before an indefinite noun; "my X" reads the same, so the stem
            // must not end in a long vowel (nisba adjectives: "كويتي", "إماراتي").
            let stem_last = key.chars().rev().nth(2);
            letters >= 5
                && !matches!(stem_last, Some('ي' | 'و' | 'ا'))
                && self.kind(i + 1) == Some(Kind::Word)
                && !self.key(i + 1).starts_with("ال")
                && !self.t.dual_construct_not_before.contains(self.key(i + 1))
                && self.trigger(i + 1).is_none()
        } else {
            false
        };
        if !dual || self.t.dual_not.iter().any(|d| d == key) {
            return None;
        }
        Some(self.mention(self.span(i), MentionValue::Number(NumberValue::exact(2.0))))
    }

    fn mention(&self, span: Span, value: MentionValue) -> Mention {
        Mention {
            span,
            text: self.source[span.range()].to_string(),
            value,
        }
    }
}

/// The proclitic letters of `key` when it is `base` after a proclitic (`"بنحو"` for `"نحو"`),
/// `Some(0)` when equal. An article in `base` may fuse with ل: `"للمره"` is ل + `"المره"`.
fn clitic_match(key: &str, base: &str) -> Option<usize> {
    if key == base {
        return Some(0);
    }
    // A proclitic only lengthens the word, and both forms below end as `base` does: most words
    // fail these two tests and are turned away before any proclitic is tried.
    if key.len() < base.len() || (!base.is_empty() && key.as_bytes().last() != base.as_bytes().last()) {
        return None;
    }
    CLITICS.iter().filter(|c| !c.is_empty()).find_map(|c| {
        let rest = strip_short_prefix(key, c)?;
        if rest == base {
            return Some(c.chars().count());
        }
        let fused = base.strip_prefix("ال").filter(|_| c.ends_with('ل'))?;
        (rest.strip_prefix('ل')? == fused).then(|| c.chars().count())
    })
}

/// Calls `f` with every `base` for which [`clitic_match`]`(key, base)` can hold: the key itself,
/// the key after each proclitic, and the article form of a fused "لل" (possibly twice).
fn clitic_bases(key: &str, mut f: impl FnMut(&str)) {
    f(key);
    for c in CLITICS.iter().filter(|c| !c.is_empty()) {
        let Some(rest) = strip_short_prefix(key, c) else {
            continue;
        };
        f(rest);
        if c.ends_with('ل')
            && let Some(fused) = rest.strip_prefix('ل')
        {
            joined(&["ال", fused], &mut f);
        }
    }
}

/// Calls `f` with `parts` joined, built on the stack when short (as words are) rather than
/// allocated.
fn joined<R>(parts: &[&str], f: impl FnOnce(&str) -> R) -> R {
    let mut bytes = [0u8; 128];
    let mut len = 0;
    for part in parts {
        let Some(to) = bytes.get_mut(len..len + part.len()) else {
            return f(&parts.concat());
        };
        to.copy_from_slice(part.as_bytes());
        len += part.len();
    }
    // Whole `str`s side by side are UTF-8.
    match std::str::from_utf8(&bytes[..len]) {
        Ok(text) => f(text),
        Err(_) => f(&parts.concat()),
    }
}

/// A key without one proclitic letter, when the rest keeps two letters.
fn clitic_strip(key: &str) -> Option<(char, &str)> {
    let first = key.chars().next()?;
    let rest = &key[first.len_utf8()..];
    (PROCLITIC_LETTERS.contains(&first) && rest.chars().count() >= 2).then_some((first, rest))
}

/// The largest scale (1, 10³, 10⁶…) that divides `value`: "ملياري … ونصف" halves a billion.
fn scale_of(value: f64) -> f64 {
    [1e12, 1e9, 1e6, 1e3]
        .into_iter()
        .find(|s| value.abs() >= *s && (value / s).fract() == 0.0)
        .unwrap_or(1.0)
}

#[cfg(test)]
mod tests {
    use crate::mentions::{MentionContext, extract_mentions};
    use isnad_parser::Span;

    #[test]
    fn a_range_word_ending_the_text_reads_no_range() {
        for text in ["بين 5 و", "من 5 الى", "من عشرة حتى"] {
            let mentions = extract_mentions(text, Span::new(0, text.len()), &MentionContext::default());
            assert!(mentions.iter().all(|m| m.span.end <= text.len()), "{text}");
        }
    }
}
