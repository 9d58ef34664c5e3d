//! Expression dispatch: every reader tried at a token, the longest kept, ranges joined, then resolved.

use super::{Out, Reading, Scan, Val, finer};
use crate::mentions::time::calendar::{add_days, next_weekday};
use crate::mentions::time::lexicon::K;
use crate::mentions::time::spec::{DayP, MonthSel, NO_REFERENCE, YearSel};
use crate::mentions::words::is_number_word;
use crate::mentions::{Grain, MentionValue, Qualifier, TimeValue};
use isnad_parser::TokenKind;

impl Scan<'_> {
    /// The longest expression starting at token `i`, leads included, resolved.
    pub(super) fn best_at(&self, i: usize) -> Option<(Out, MentionValue)> {
        let mut best: Option<Out> = self.expr(i, false);
        for r in self.readings(i) {
            let (approx, fi) = match r.kind {
                K::Qual(Qualifier::Approx) => (true, false),
                K::Leading => (false, true),
                K::RangeFrom | K::DayPartLead => (false, false),
                _ => continue,
            };
            let mut consider = |o: Option<Out>| {
                if let Some(mut o) = o {
                    o.approx |= approx;
                    if best.as_ref().is_none_or(|b| o.end > b.end) {
                        best = Some(o);
                    }
                }
            };
            consider(self.expr(r.end, fi));
            // Two leads ("في حوالي", "عند الساعة" is one lead and the clock word).
            for r2 in self.readings(r.end) {
                if matches!(r2.kind, K::Qual(Qualifier::Approx) | K::Leading) {
                    consider(self.expr(r2.end, true).map(|mut o| {
                        o.approx |= r2.kind == K::Qual(Qualifier::Approx);
                        o
                    }));
                }
            }
        }
        let best = best?;
        let (end, mut value) = self.finish(i, best)?;
        if let Some(t) = time_mut(&mut value) {
            t.approximate |= end.1;
        }
        Some((Out::ready(end.0, value.clone()), value))
    }

    /// Extends an expression (date ranges, a clock time after a day) and resolves it.
    /// Returns (end, approximate) and the value.
    fn finish(&self, i: usize, o: Out) -> Option<((usize, bool), MentionValue)> {
        let forward = self.forward(i);
        let reference = self.ctx.reference;
        let mut end = o.end;
        let mut value = match &o.val {
            Val::Spec(spec) => {
                // A range of two dates ("من 13 تموز الى 15 تموز").
                let between = self.has(i, |k| k == K::RangeFrom).is_some();
                let to = self
                    .has(end, |k| k == K::RangeTo || (between && k == K::RangeAnd))
                    .or_else(|| self.punct(end, &['-']).then_some(end + 1));
                if let Some(to) = to
                    && let Some(second) = self.date_expr(to)
                    && let Val::Spec(mut last) = second.val
                {
                    let mut first = *spec;
                    if first.year.is_none() {
                        first.year = last.year;
                        if let (
                            Some(YearSel::Abs(y)),
                            Some(MonthSel::Gregorian(a)),
                            Some(MonthSel::Gregorian(b)),
                        ) = (last.year, first.month, last.month)
                            && a > b
                        {
                            first.year = Some(YearSel::Abs(y - 1));
                        }
                    }
                    if first.month.is_none() && first.day != DayP::Whole {
                        first.month = last.month;
                    }
                    if last.year.is_none() {
                        last.year = first.year;
                        if let (
                            Some(YearSel::Abs(y)),
                            Some(MonthSel::Gregorian(a)),
                            Some(MonthSel::Gregorian(b)),
                        ) = (first.year, first.month, last.month)
                            && b < a
                        {
                            last.year = Some(YearSel::Abs(y + 1));
                        }
                    }
                    if last.weekday.is_some() && first.weekday.is_none() {
                        last.weekday = None;
                    }
                    if let (Some(a), Some(b)) = (
                        first.resolve(reference, forward),
                        last.resolve(reference, forward),
                    ) {
                        let merged = match (a.start, b.end) {
                            (Some(s), Some(e)) if s <= e => Some(TimeValue {
                                start: Some(s),
                                end: Some(e),
                                grain: finer(a.grain, b.grain),
                                calendar: a.calendar.or(b.calendar),
                                ..a.clone()
                            }),
                            (None, None) => Some(a.clone()),
                            _ => None,
                        };
                        if let Some(merged) = merged {
                            end = second.end;
                            Some(MentionValue::Date(merged))
                        } else {
                            None
                        }
                    } else {
                        None
                    }
                } else {
                    None
                }
                .or_else(|| self.resolve_dated(spec, i).map(MentionValue::Date))?
            }
            Val::Ready(v) => v.clone(),
        };
        // A clock time after a single day ("الخميس الساعة 8", "أمس في العاشرة صباحاً").
        if let Some(t) = value
            .time()
            .filter(|t| t.grain == Grain::Day && t.start == t.end)
            .cloned()
        {
            let mut j = end;
            if self.punct(j, &[',', '،']) {
                j += 1;
            }
            let leads = (self.readings(j).iter())
                .filter(|r| matches!(r.kind, K::Of | K::Leading | K::RangeFrom))
                .map(|r| r.end);
            if let Some((clock_end, clock)) = std::iter::once(j)
                .chain(leads)
                .find_map(|k| self.clock_expr(k).map(|(c, e)| (e, c)))
            {
                let date = t.start.map(|s| s.date());
                let mut timed = self.clock_value(clock, date);
                timed.weekday = t.weekday;
                if date.is_none() {
                    timed.unresolved = t.unresolved.clone().or(Some(NO_REFERENCE.into()));
                }
                value = MentionValue::Time(timed);
                end = clock_end;
            }
        }
        Some(((end, o.approx), value))
    }

    /// Every parser at token `i`; the longest reading wins (earliest parser on ties).
    fn expr(&self, i: usize, after_fi: bool) -> Option<Out> {
        let t = self.toks.get(i)?;
        // Every reading starts with a digit, a word of the lexicon that can open one, or a number
        // or ordinal word: any other token (most often a lead such as "في" or "من" with nothing
        // after it) is turned away before the nine readers try it.
        if t.kind != TokenKind::Number
            && !self.readings(i).iter().any(|r| self.opens_expression(i, r))
            && !(t.kind == TokenKind::Arabic && (self.may_be_number_word(i) || self.ordinal(i).is_some()))
        {
            return None;
        }
        let mut best: Option<Out> = None;
        let mut consider = |o: Option<Out>| {
            if let Some(o) = o
                && best.as_ref().is_none_or(|b| o.end > b.end)
            {
                best = Some(o);
            }
        };
        // Two readers start with the day part at `i`: read once for both.
        let day = self.day_part(i);
        consider(self.date_expr_from(i, day));
        consider(self.year_expr(i, after_fi));
        consider(self.weekday_expr(i));
        consider(self.relative(i));
        consider(self.clock_expr(i).map(|(c, e)| match self.day_after_clock(e, i) {
            // "الساعة الثالثة من صباح الثلاثاء": the clock time on that day.
            Some((day, end)) => {
                let date = day.start.map(|s| s.date());
                let mut value = self.clock_value(c, date);
                value.weekday = day.weekday;
                if date.is_none() {
                    value.unresolved = day.unresolved.clone();
                }
                Out::ready(end, MentionValue::Time(value))
            }
            None => Out::ready(e, MentionValue::Time(self.clock_value(c, self.ctx.reference))),
        }));
        consider(self.duration(i));
        consider(self.holiday(i));
        consider(self.nth_weekday_after(i, day));
        best
    }

    /// False when reading `r` of token `i` cannot be the first word of what [`Scan::expr`]'s
    /// readers read: a word that only ever follows another (an era, "إلى", a clock period), or a
    /// lead whose only readings need a word after it that is not there ("من" opens a year only
    /// before "عام", and a time ago only before a number). True may still read nothing.
    fn opens_expression(&self, i: usize, r: &Reading) -> bool {
        match r.kind {
            K::Shift(_)
            | K::Corresponding
            | K::HijriEra
            | K::GregorianEra
            | K::RangeFrom
            | K::RangeTo
            | K::RangeAnd
            | K::Leading
            | K::NotBeforeAgo
            | K::MinuteWord
            | K::Minus
            | K::ZoneLead
            | K::ZoneWord
            | K::Part(_)
            | K::DayPartLead
            | K::Future
            | K::Past
            | K::MonthPrep => false,
            // `relative_day`: a filler before a relative day ("يوم غد").
            K::RelDayFiller => self.has(r.end, |k| matches!(k, K::RelDay(_))).is_some(),
            // `year`: "من عام 2014", "في هذا العام".
            K::Of | K::InMonth => self.has(r.end, |k| k == K::YearLead || k == K::This).is_some(),
            // `year`, `weekday_expr`, `period_shift`: "هذا العام", "هذا الأحد", "هذا الأسبوع".
            K::This => self
                .has(r.end, |k| {
                    matches!(k, K::YearLead | K::Weekday(..) | K::PeriodNoun(_))
                })
                .is_some(),
            // `offset`: an amount of time after the word ("قبل ثلاثة أيام"); "من" reads a time ago
            // only before a number.
            K::Ago | K::After | K::Within => {
                let Some(next) = self.toks.get(r.end) else {
                    return false;
                };
                if self.toks[i].key == "من" {
                    next.kind == TokenKind::Number || is_number_word(next.key)
                } else {
                    self.may_start_amount(r.end)
                }
            }
            _ => true,
        }
    }

    /// False when [`Scan::amount`] surely reads nothing at token `j`: no qualifier, fraction or
    /// unit word there, and no number in digits or words.
    fn may_start_amount(&self, j: usize) -> bool {
        let Some(t) = self.toks.get(j) else {
            return false;
        };
        t.kind == TokenKind::Number
            || (self.readings(j).iter()).any(|r| matches!(r.kind, K::Qual(_) | K::Frac(_) | K::Unit(..)))
            || (t.kind == TokenKind::Arabic && self.may_be_number_word(j))
    }

    /// A single day right after a clock time ("… من صباح الثلاثاء", "… يوم 5 مايو", "… أمس").
    fn day_after_clock(&self, e: usize, i: usize) -> Option<(TimeValue, usize)> {
        let leads = (self.readings(e).iter())
            .filter(|r| matches!(r.kind, K::Of | K::Leading | K::DayPartLead | K::Part(_)))
            .map(|r| r.end);
        std::iter::once(e).chain(leads).find_map(|s| {
            let o = [self.weekday_expr(s), self.relative_day(s), self.date_expr(s)]
                .into_iter()
                .flatten()
                .max_by_key(|o| o.end)?;
            let value = match &o.val {
                Val::Spec(spec) => spec.resolve(self.ctx.reference, self.forward(i))?,
                Val::Ready(v) => v.time()?.clone(),
            };
            let single = value.grain == Grain::Day && value.start == value.end;
            single.then_some((value, o.end))
        })
    }

    /// "ثالث ثلاثاء بعد كريسماس 2014": the nth weekday after a date (`day` is the day part at `i`).
    fn nth_weekday_after(&self, i: usize, day: Option<(DayP, usize)>) -> Option<Out> {
        let (DayP::NthWeekday(n, weekday), j) = day? else {
            return None;
        };
        let k = self.has(j, |k| k == K::After)?;
        let anchor = self.holiday(k).or_else(|| self.date_expr(k))?;
        let value = match &anchor.val {
            Val::Spec(spec) => spec.resolve(self.ctx.reference, self.forward(i))?,
            Val::Ready(v) => v.time()?.clone(),
        };
        let mut value = match value.start {
            Some(start) if n >= 1 => {
                let first = next_weekday(start.date(), weekday)?;
                let date = add_days(first, 7 * i64::from(n - 1))?;
                TimeValue::days(date, date, Grain::Day)
            }
            _ if n >= 1 => TimeValue::unresolved(Grain::Day, NO_REFERENCE),
            _ => return None,
        };
        value.weekday = Some(weekday);
        Some(Out::ready(anchor.end, MentionValue::Date(value)))
    }

    /// Dates with a day, a month or both, and numeric dates.
    fn date_expr(&self, i: usize) -> Option<Out> {
        self.date_expr_from(i, self.day_part(i))
    }

    /// [`Scan::date_expr`] at `i`, whose day part is `day`.
    fn date_expr_from(&self, i: usize, day: Option<(DayP, usize)>) -> Option<Out> {
        let mut best: Option<Out> = None;
        for o in [
            day.and_then(|day| self.date_dm_from(day)),
            self.date_md(i),
            self.numeric(i, false),
        ]
        .into_iter()
        .flatten()
        {
            if best.as_ref().is_none_or(|b| o.end > b.end) {
                best = Some(o);
            }
        }
        best
    }
}

fn time_mut(value: &mut MentionValue) -> Option<&mut TimeValue> {
    match value {
        MentionValue::Date(t)
        | MentionValue::Weekday(t)
        | MentionValue::Relative(t)
        | MentionValue::Time(t) => Some(t),
        _ => None,
    }
}
