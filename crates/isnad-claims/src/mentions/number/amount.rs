//! Completing an amount: ranges ("بين 10 و20"), qualifiers ("نحو"، "على الأقل") and ages.

use super::Finder;
use super::scan::Kind;
use super::unit::FoundUnit;
use super::{interval, is_appositive};
use crate::mentions::value::{Mention, MentionValue, NumberValue, Qualifier, QuantityValue};
use crate::mentions::words::{Term, letters_span, lexicon, number_at};
use isnad_parser::Span;

impl Finder<'_> {
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
            && crate::grammar::grammar().is_range_end(self.key(next))
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
    pub(super) fn amount(&mut self, first: usize, start: usize, end: usize, value: f64) -> Option<Mention> {
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
    pub(super) fn range(
        &mut self,
        first: usize,
        low: f64,
        high: f64,
        start: usize,
        end: usize,
    ) -> Option<Mention> {
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

    /// A qualifier phrase right before token `first`, and the byte where it starts.
    pub(super) fn qualifier_before(&self, first: usize) -> (Qualifier, Option<usize>) {
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
}

/// The largest scale (1, 10³, 10⁶…) that divides `value`: "ملياري … ونصف" halves a billion.
fn scale_of(value: f64) -> f64 {
    [1e12, 1e9, 1e6, 1e3]
        .into_iter()
        .find(|s| value.abs() >= *s && (value / s).fract() == 0.0)
        .unwrap_or(1.0)
}
