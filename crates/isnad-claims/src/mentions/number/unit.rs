//! Units after an amount ("دولار"، "كيلومتر") and a unit with a fraction and no number ("متراً ونصف").

use super::scan::Kind;
use super::{Finder, interval};
use crate::mentions::value::{Mention, MentionValue, QuantityValue};
use crate::mentions::words::{Term, lexicon};
use isnad_parser::Span;

/// A unit found after an amount.
pub(super) struct FoundUnit {
    pub(super) code: String,
    pub(super) factor: f64,
    /// Token index after the unit.
    pub(super) next: usize,
}

impl Finder<'_> {
    /// A unit phrase at token `i` (also with the article: "الدولارات").
    pub(super) fn unit_after(&self, i: usize) -> Option<FoundUnit> {
        let (next, phrase) = self.match_forward(i, &self.t.units, false)?;
        Some(FoundUnit {
            code: phrase.value.code.clone(),
            factor: phrase.value.factor,
            next,
        })
    }

    /// A unit with no number before it and a fraction after it: one unit and that much more
    /// ("متراً ونصف المتر" = 1.5 m, "كيلومتراً وربع" = 1.25 km).
    pub(super) fn unit_and_fraction(&mut self, i: usize) -> Option<Mention> {
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
    pub(super) fn fraction_at(&self, i: usize) -> Option<(f64, usize)> {
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
}
