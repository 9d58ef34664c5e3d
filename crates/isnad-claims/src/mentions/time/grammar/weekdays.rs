//! Weekday readers, and which occurrence of an undated day a clause means (its tense).

use super::{Out, Scan, Val};
use crate::mentions::time::calendar::{add_days, next_weekday, previous_weekday, week_start};
use crate::mentions::time::lexicon::{Count, K, PeriodUnit, UnitDef};
use crate::mentions::time::spec::{DayP, MonthSel, NO_REFERENCE, Spec};
use crate::mentions::{DurationUnit, Grain, Lean, MentionValue, TimeValue};
use crate::short::ends_with_short;
use chrono::{NaiveDate, Weekday};
use isnad_parser::TokenKind;

/// Which occurrence of a day named without its year (or week) a clause means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Toward {
    /// The next one after the reference.
    Forward,
    /// The most recent one on or before the reference.
    Back,
    /// Whichever is nearer (the earlier one on a tie).
    Nearest,
}

impl Scan<'_> {
    /// "الثلاثاء", "يوم الأربعاء", "الثلاثاء 20 فبراير", "الأحد الماضي", "اثنين الأسبوع الحالي", "السبت السادس عشر".
    pub(super) fn weekday_expr(&self, i: usize) -> Option<Out> {
        let mut j = i;
        let mut lead = false;
        let mut this = false;
        if let Some(e) = self.has(j, |k| {
            matches!(
                k,
                K::Unit(
                    UnitDef {
                        unit: DurationUnit::Day,
                        ..
                    },
                    Count::One,
                    false
                )
            )
        }) {
            j = e;
            lead = true;
        } else if let Some(e) = self.has(j, |k| k == K::This) {
            j = e;
            this = true;
        }
        let ((weekday, definite), k) = self.find(j, |k| {
            if let K::Weekday(w, d) = k {
                Some((w, d))
            } else {
                None
            }
        })?;
        // The weekday with its date.
        let mut m = k;
        if self.punct(m, &[',', '،']) {
            m += 1;
        }
        let corresponding = self.has(m, |k| k == K::Corresponding);
        for s in std::iter::once(m).chain(corresponding) {
            let dated = [self.date_dm(s), self.numeric(s, true)]
                .into_iter()
                .flatten()
                .max_by_key(|o| o.end);
            if let Some(mut o) = dated
                && let Val::Spec(spec) = &mut o.val
            {
                spec.weekday = Some(weekday);
                return Some(o);
            }
        }
        // "السبت السادس عشر": a day of this month.
        if let Some((d, e)) = self.ordinal(k).filter(|(d, _)| *d > 5 && *d <= 31) {
            let spec = Spec {
                day: DayP::Day(d),
                weekday: Some(weekday),
                ..Spec::default()
            };
            return Some(Out::spec(e, spec));
        }
        // The weekday of a named week: "اثنين الأسبوع الحالي", "الأحد من الأسبوع الماضي", "الاثنين من هذا الأسبوع".
        let week = |k: K| k == K::PeriodNoun(PeriodUnit::Week);
        let mut w = k;
        if let Some(e) = self.has(w, |k| k == K::Of) {
            w = e;
        }
        let week_ref = if let Some(e) = self.has(w, |k| k == K::This).and_then(|e| self.has(e, week)) {
            Some((0, e))
        } else if let Some(e) = self.has(w, week) {
            self.find(e, |k| if let K::Shift(s) = k { Some(s) } else { None })
        } else {
            None
        };
        let shift = self.find(k, |k| if let K::Shift(s) = k { Some(s) } else { None });
        if !(definite || lead || this || week_ref.is_some()) {
            return None;
        }
        let (end, date) = match (week_ref, shift) {
            (Some((s, e)), _) => (
                e,
                self.ctx.reference.and_then(|r| {
                    let monday = add_days(week_start(r)?, 7 * i64::from(s))?;
                    add_days(monday, i64::from(weekday.num_days_from_monday()))
                }),
            ),
            (None, Some((s, e))) => (
                e,
                self.ctx.reference.and_then(|r| match s {
                    -1 => previous_weekday(r, weekday, true),
                    1 => next_weekday(r, weekday),
                    _ => self.weekday_by_lean(r, weekday, i),
                }),
            ),
            (None, None) => (
                k,
                self.ctx
                    .reference
                    .and_then(|r| self.weekday_by_lean(r, weekday, i)),
            ),
        };
        let mut value = match date {
            Some(d) => TimeValue::days(d, d, Grain::Day),
            None => TimeValue::unresolved(Grain::Day, NO_REFERENCE),
        };
        value.weekday = Some(weekday);
        Some(Out::ready(end, MentionValue::Weekday(value)))
    }

    fn weekday_by_lean(&self, reference: NaiveDate, weekday: Weekday, i: usize) -> Option<NaiveDate> {
        match self.toward(i, false) {
            Toward::Forward => next_weekday(reference, weekday),
            Toward::Back => previous_weekday(reference, weekday, false),
            Toward::Nearest => {
                let back = previous_weekday(reference, weekday, false)?;
                let ahead = next_weekday(reference, weekday)?;
                Some(if ahead - reference < reference - back {
                    ahead
                } else {
                    back
                })
            }
        }
    }

    /// A date spec resolved by the clause's tense; a day and month without a year with no cue is
    /// the occurrence nearest the reference ("يومي 18 و19 يونيو" written on 17 June is this June).
    pub(super) fn resolve_dated(&self, spec: &Spec, i: usize) -> Option<TimeValue> {
        let reference = self.ctx.reference;
        let day_and_month = spec.year.is_none()
            && spec.day != DayP::Whole
            && matches!(spec.month, Some(MonthSel::Gregorian(_) | MonthSel::Hijri(_)));
        if !day_and_month {
            return spec.resolve(reference, self.forward(i));
        }
        match self.toward(i, true) {
            Toward::Forward => spec.resolve(reference, true),
            Toward::Back => spec.resolve(reference, false),
            Toward::Nearest => {
                let back = spec.resolve(reference, false);
                let ahead = spec.resolve(reference, true);
                let (Some(b), Some(a), Some(r)) = (&back, &ahead, reference) else {
                    return back.or(ahead);
                };
                let distance = |v: &TimeValue| {
                    let (s, e) = (v.start?.date(), v.end?.date());
                    Some(if r < s {
                        (s - r).num_days()
                    } else {
                        (r - e).num_days().max(0)
                    })
                };
                if distance(a) < distance(b) { ahead } else { back }
            }
        }
    }

    /// Which occurrence of a weekday, or of a day and month without a year, the clause before
    /// token `i` means: the next after a future cue; the previous after a past marker ("كان",
    /// "قد"); with neither, the nearest when the clause has a present-tense verb or, for a day
    /// and month (`dated`), always; else the previous one, as news tells of the past.
    fn toward(&self, i: usize, dated: bool) -> Toward {
        if self.forward(i) {
            return Toward::Forward;
        }
        if self.ctx.lean != Lean::Tense {
            return Toward::Back;
        }
        let clause = self.clause_start(i);
        if (clause..i).any(|j| self.has(j, |k| k == K::Past).is_some()) {
            return Toward::Back;
        }
        if dated || (clause..i).any(|j| self.is_present_verb(j)) {
            Toward::Nearest
        } else {
            Toward::Back
        }
    }

    /// The first token of the clause holding token `i`: after the last comma or semicolon before it.
    fn clause_start(&self, i: usize) -> usize {
        (0..i)
            .rev()
            .find(|&j| self.toks[j].kind != TokenKind::Arabic && self.punct(j, &['،', ',', '؛', ';', ':']))
            .map_or(0, |j| j + 1)
    }

    /// A present-tense verb: an imperfect prefix (after و or ف) and a stem of at least three
    /// letters, not a word of the time lexicon nor a listed noun or name of that shape.
    fn is_present_verb(&self, j: usize) -> bool {
        let t = &self.toks[j];
        if t.kind != TokenKind::Arabic || !self.readings(j).is_empty() {
            return false;
        }
        let key = t.key;
        let stem = ["و", "ف", ""].iter().find_map(|p| {
            key.strip_prefix(p)
                .and_then(|k| k.strip_prefix(self.lex.present_prefix.as_str()))
        });
        stem.is_some_and(|rest| rest.chars().count() >= 3)
            && !self.lex.not_present_words.contains(key)
            && !key
                .strip_prefix(['و', 'ف'])
                .is_some_and(|k| self.lex.not_present_words.contains(k))
            && !(self.lex.not_future_endings.iter()).any(|e| ends_with_short(key, e))
    }
}
