//! Duration readers: an amount of a time unit.

use super::{Out, Scan};
use crate::mentions::number::{is_age_unit, is_appositive};
use crate::mentions::time::lexicon::{Count, K};
use crate::mentions::{DurationUnit, DurationValue, MentionValue, Qualifier};

impl Scan<'_> {
    /// An amount of time: "ثلاثة أيام", "12 عاماً", "عامين", "ساعة ونصف", "ربع قرن", "نحو عقد".
    /// Returns the qualifier, amount and unit in the contract's units, and the end.
    pub(super) fn amount(&self, i: usize, bare_ok: bool) -> Option<(Qualifier, f64, DurationUnit, usize)> {
        let (qualifier, i) = self
            .find(i, |k| if let K::Qual(q) = k { Some(q) } else { None })
            .unwrap_or((Qualifier::Exact, i));
        let unit_at = |j: usize| {
            self.find(j, |k| match k {
                K::Unit(def, count, false) => Some((def, count)),
                _ => None,
            })
        };
        let (amount, def, mut e) = if let Some((f, j)) =
            self.find(i, |k| if let K::Frac(f) = k { Some(f) } else { None })
            && let Some(((def, Count::One), e)) = unit_at(j)
        {
            (f, def, e)
        } else if let Some(((def, count), e)) = unit_at(i) {
            let one_after = self
                .toks
                .get(e)
                .is_some_and(|t| self.lex.one_after_unit.contains(t.key));
            match count {
                Count::Two => (2.0, def, e),
                Count::One if one_after => (1.0, def, e + 1),
                Count::One if bare_ok || def.bare_is_one || qualifier != Qualifier::Exact => (1.0, def, e),
                _ => return None,
            }
        } else {
            let (n, j) = self.cardinal(i, 4)?;
            let ((def, _), e) = unit_at(j)?;
            (n, def, e)
        };
        let mut amount = amount;
        if let Some((f, fe)) = self.find(e, |k| if let K::Frac(f) = k { Some(f) } else { None })
            && self.toks.get(e).is_some_and(|t| t.key.starts_with('و'))
        {
            amount += f;
            e = fe;
        }
        Some((qualifier, amount * def.factor, def.unit, e))
    }

    pub(super) fn duration(&self, i: usize) -> Option<Out> {
        let (qualifier, amount, unit, e) = self.amount(i, false)?;
        // "سامر، 40 عامًا، …": an age in apposition, read by the number finder as a quantity.
        if let (Some(before), Some(after), Some(last)) =
            (i.checked_sub(1), self.toks.get(e), e.checked_sub(1))
            && is_appositive(self.toks[before].key, after.key)
            && is_age_unit(self.toks[last].key)
        {
            return None;
        }
        Some(Out::ready(
            e,
            MentionValue::Duration(DurationValue {
                amount,
                unit,
                qualifier,
            }),
        ))
    }
}
