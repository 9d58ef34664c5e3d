//! Relative readers: yesterday and tomorrow, periods around the reference, windows, offsets, now.

use super::{Out, Scan};
use crate::mentions::time::calendar::{add_days, add_months, month_span, week_start, ymd};
use crate::mentions::time::lexicon::{Count, K, PeriodUnit};
use crate::mentions::time::spec::NO_REFERENCE;
use crate::mentions::words::is_number_word;
use crate::mentions::{DurationUnit, Grain, MentionValue, Qualifier, TimeValue};
use chrono::{Datelike, NaiveDate};
use isnad_parser::TokenKind;

impl Scan<'_> {
    pub(super) fn relative(&self, i: usize) -> Option<Out> {
        let mut best: Option<Out> = None;
        let candidates = [
            self.relative_day(i),
            self.period_shift(i),
            self.unit_window(i),
            self.part_of_period(i),
            self.offset(i),
            self.now_or_tonight(i),
        ];
        for o in candidates.into_iter().flatten() {
            if best.as_ref().is_none_or(|b| o.end > b.end) {
                best = Some(o);
            }
        }
        best
    }

    fn rel_value(&self, f: impl FnOnce(NaiveDate) -> Option<TimeValue>, grain: Grain) -> Option<TimeValue> {
        match self.ctx.reference {
            Some(r) => f(r),
            None => Some(TimeValue::unresolved(grain, NO_REFERENCE)),
        }
    }

    /// True when token `i` follows a demonstrative of what is far ("في ذلك اليوم"، "في تلك
    /// الليلة"): the day or night the text spoke of, not the reference's.
    fn after_distal(&self, i: usize) -> bool {
        i > 0 && crate::grammar::grammar().is_distal_demonstrative(self.toks[i - 1].key)
    }

    /// "أمس", "غداً", "يوم غد", "اليوم الذي بعد الغد", "أمس الثلاثاء", "اليوم الأربعاء"; not after
    /// "ذلك".
    pub(super) fn relative_day(&self, i: usize) -> Option<Out> {
        if self.after_distal(i) {
            return None;
        }
        let fillers = (self.readings(i).iter())
            .filter(|r| r.kind == K::RelDayFiller)
            .map(|r| r.end);
        let (offset, mut end) = std::iter::once(i)
            .chain(fillers)
            .filter_map(|s| self.find(s, |k| if let K::RelDay(d) = k { Some(d) } else { None }))
            .max_by_key(|(_, e)| *e)?;
        // "في اليوم الأول"، "اليوم نفسه": a day counted from an event, not today.
        if offset == 0
            && self.toks.get(end).is_some_and(|t| {
                crate::mentions::words::ordinal_value(t.key).is_some() || matches!(t.key, "نفسه" | "ذاته")
            })
        {
            return None;
        }
        let mut value = self.rel_value(
            |r| add_days(r, i64::from(offset)).map(|d| TimeValue::days(d, d, Grain::Day)),
            Grain::Day,
        )?;
        let after = if self.punct(end, &[',', '،']) {
            end + 1
        } else {
            end
        };
        if let Some((w, e)) = self.find(after, |k| {
            if let K::Weekday(w, true) = k {
                Some(w)
            } else {
                None
            }
        }) {
            value.weekday = Some(w);
            end = e;
        }
        Some(Out::ready(end, MentionValue::Relative(value)))
    }

    /// The interval of a period around the reference: unit, offset in units.
    fn period_value(&self, unit: PeriodUnit, offset: i32) -> Option<TimeValue> {
        let grain = match unit {
            PeriodUnit::Day => Grain::Day,
            PeriodUnit::Week => Grain::Week,
            PeriodUnit::Month => Grain::Month,
            PeriodUnit::Year => Grain::Year,
            PeriodUnit::Decade => Grain::Decade,
        };
        self.rel_value(
            |r| {
                let (start, end) = match unit {
                    PeriodUnit::Day => {
                        let d = add_days(r, i64::from(offset))?;
                        (d, d)
                    }
                    PeriodUnit::Week => {
                        let s = add_days(week_start(r)?, 7 * i64::from(offset))?;
                        (s, add_days(s, 6)?)
                    }
                    PeriodUnit::Month => {
                        let s = add_months(ymd(r.year(), r.month(), 1)?, offset)?;
                        month_span(s.year(), s.month())?
                    }
                    PeriodUnit::Year => (ymd(r.year() + offset, 1, 1)?, ymd(r.year() + offset, 12, 31)?),
                    PeriodUnit::Decade => {
                        let y = r.year() / 10 * 10 + 10 * offset;
                        (ymd(y, 1, 1)?, ymd(y + 9, 12, 31)?)
                    }
                };
                Some(TimeValue::days(start, end, grain))
            },
            grain,
        )
    }

    /// "الأسبوع الماضي", "العام المقبل", "هذا الشهر", "الشهر الجاري", "اليوم السابق".
    fn period_shift(&self, i: usize) -> Option<Out> {
        let period = |j: usize| self.find(j, |k| if let K::PeriodNoun(p) = k { Some(p) } else { None });
        if let Some(j) = self.has(i, |k| k == K::This)
            && let Some((p, e)) = period(j)
        {
            return Some(Out::ready(e, MentionValue::Relative(self.period_value(p, 0)?)));
        }
        let (p, j) = period(i)?;
        let (s, e) = self.find(j, |k| if let K::Shift(s) = k { Some(s) } else { None })?;
        Some(Out::ready(e, MentionValue::Relative(self.period_value(p, s)?)))
    }

    /// "الأسابيع الثلاثة القادمة", "الأيام الثلاثة الماضية", "العامين الماضيين", "الأشهر الستة الأخيرة".
    fn unit_window(&self, i: usize) -> Option<Out> {
        let ((def, count), j) = self.find(i, |k| match k {
            K::Unit(def, count, true) if count != Count::One => Some((def, count)),
            _ => None,
        })?;
        let (n, j) = match count {
            Count::Two => (2.0, j),
            _ => self.cardinal(j, 3)?,
        };
        let (s, e) = self.find(j, |k| if let K::Shift(s) = k { Some(s) } else { None })?;
        if s == 0 || n < 1.0 || n.fract() != 0.0 {
            return None;
        }
        let amount = n * def.factor;
        let grain = unit_grain(def.unit);
        let value = self.rel_value(
            |r| {
                let (start, end) = if s > 0 {
                    let start = match def.unit {
                        DurationUnit::Week => add_days(week_start(r)?, 7)?,
                        DurationUnit::Month => add_months(ymd(r.year(), r.month(), 1)?, 1)?,
                        DurationUnit::Year => ymd(r.year() + 1, 1, 1)?,
                        _ => add_days(r, 1)?,
                    };
                    (start, add_days(shift_by(start, def.unit, amount)?, -1)?)
                } else {
                    let end = match def.unit {
                        DurationUnit::Week => add_days(week_start(r)?, -1)?,
                        DurationUnit::Month => add_days(ymd(r.year(), r.month(), 1)?, -1)?,
                        DurationUnit::Year => ymd(r.year() - 1, 12, 31)?,
                        _ => add_days(r, -1)?,
                    };
                    (add_days(shift_by(end, def.unit, -amount)?, 1)?, end)
                };
                Some(TimeValue::days(start, end, grain))
            },
            grain,
        )?;
        Some(Out::ready(e, MentionValue::Relative(value)))
    }

    /// "في وقت سابق من هذا العام", "في وقت لاحق من الشهر الجاري".
    fn part_of_period(&self, i: usize) -> Option<Out> {
        let (earlier, j) = self.find(i, |k| match k {
            K::Earlier => Some(true),
            K::Later => Some(false),
            _ => None,
        })?;
        let o = self.period_shift(j)?;
        let MentionValue::Relative(mut value) = o.val_value()? else {
            return None;
        };
        if let (Some(r), Some(start), Some(end)) = (self.ctx.reference, value.start, value.end) {
            let at = r.and_hms_opt(0, 0, 0)?;
            if earlier {
                value.end = Some(at.min(end));
            } else {
                value.start = Some(at.max(start));
            }
            value.grain = Grain::Day;
        }
        Some(Out::ready(o.end, MentionValue::Relative(value)))
    }

    /// "قبل ثلاثة أيام", "منذ عامين", "منذ ما يقرب من ربع قرن", "بعد يومين", "خلال أسبوعين".
    fn offset(&self, i: usize) -> Option<Out> {
        let (dir, j) = self.find(i, |k| match k {
            K::Ago => Some(-1),
            K::After => Some(1),
            K::Within => Some(0),
            _ => None,
        })?;
        // "أكثر من عامين" is a comparison, not "two years ago".
        if i > 0 && self.has(i - 1, |k| k == K::NotBeforeAgo).is_some() && self.toks[i].key == "من" {
            return None;
        }
        // "35% من عقد": "من" before a bare unit word is "of a contract", not "a decade ago";
        // only a number makes it an amount of time.
        if self.toks[i].key == "من"
            && self
                .toks
                .get(j)
                .is_none_or(|t| t.kind != TokenKind::Number && !is_number_word(t.key))
        {
            return None;
        }
        let (qualifier, amount, unit, e) = self.amount(j, true)?;
        if dir == 0 && !self.forward(i) {
            return None;
        }
        // "بعد يومين من اندلاعه"، "قبل ثلاثة أيام من الانتخابات": counted from an event the
        // sentence names, not from the report's date; also past "فقط" or "تقريباً" ("قبل 40
        // دقيقة فقط من موعد الإقلاع").
        let mut next = e;
        while next < e + 2
            && (self.toks.get(next).is_some_and(|t| t.key == "فقط")
                || self.has(next, |k| matches!(k, K::Qual(_))).is_some())
        {
            next += 1;
        }
        if dir != 0 && self.toks.get(next).is_some_and(|t| matches!(t.key, "من" | "على")) {
            return None;
        }
        let approx = qualifier != Qualifier::Exact || (unit == DurationUnit::Year && amount >= 10.0);
        let grain = match unit {
            DurationUnit::Month => Grain::Month,
            DurationUnit::Year => Grain::Year,
            _ => Grain::Day,
        };
        let mut value = self.rel_value(
            |r| {
                if dir == 0 {
                    let end = add_days(shift_by(r, unit, amount)?, -1)?.max(r);
                    return Some(TimeValue::days(r, end, Grain::Day));
                }
                let at = shift_by(r, unit, amount * f64::from(dir))?;
                let (start, end) = match grain {
                    Grain::Month => month_span(at.year(), at.month())?,
                    Grain::Year => (ymd(at.year(), 1, 1)?, ymd(at.year(), 12, 31)?),
                    _ => (at, at),
                };
                Some(TimeValue::days(start, end, grain))
            },
            grain,
        )?;
        value.approximate = approx;
        Some(Out::ready(e, MentionValue::Relative(value)))
    }

    /// "الآن" (the reference day) and "الليلة" (this evening; not after "تلك").
    fn now_or_tonight(&self, i: usize) -> Option<Out> {
        if let Some(e) = self.has(i, |k| k == K::Now) {
            let value = self.rel_value(|r| Some(TimeValue::days(r, r, Grain::Day)), Grain::Day)?;
            return Some(Out::ready(e, MentionValue::Relative(value)));
        }
        if self.after_distal(i) {
            return None;
        }
        let ((first, last), e) = self.find(i, |k| {
            if let K::DaySpan(a, b) = k {
                Some((a, b))
            } else {
                None
            }
        })?;
        // "الليلة الماضية": the night before the reference, not tonight.
        let (back, e) = match self.find(e, |k| if let K::Shift(s) = k { Some(s) } else { None }) {
            Some((-1, after)) => (-1, after),
            _ => (0, e),
        };
        let value = self.rel_value(
            |r| {
                let r = add_days(r, back)?;
                let mut v = TimeValue::days(r, r, Grain::Hour);
                v.start = r.and_hms_opt(first, 0, 0);
                v.end = r.and_hms_opt(last, 0, 0);
                Some(v)
            },
            Grain::Hour,
        )?;
        Some(Out::ready(e, MentionValue::Time(value)))
    }
}

fn unit_grain(unit: DurationUnit) -> Grain {
    match unit {
        DurationUnit::Week => Grain::Week,
        DurationUnit::Month => Grain::Month,
        DurationUnit::Year => Grain::Year,
        _ => Grain::Day,
    }
}

/// `date` moved by an amount of a unit (fractions of months and years in days; hours and finer
/// leave the day unchanged unless they add up to days).
fn shift_by(date: NaiveDate, unit: DurationUnit, amount: f64) -> Option<NaiveDate> {
    let days = |d: f64| add_days(date, d.round() as i64);
    match unit {
        DurationUnit::Second => days(amount / 86400.0),
        DurationUnit::Minute => days(amount / 1440.0),
        DurationUnit::Hour => days(amount / 24.0),
        DurationUnit::Day => days(amount),
        DurationUnit::Week => days(amount * 7.0),
        DurationUnit::Month if amount.fract() == 0.0 => add_months(date, amount as i32),
        DurationUnit::Month => days(amount * 30.44),
        DurationUnit::Year if amount.fract() == 0.0 => add_months(date, (amount * 12.0) as i32),
        DurationUnit::Year => days(amount * 365.25),
    }
}
