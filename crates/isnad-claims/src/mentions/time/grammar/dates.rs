//! Date readers: day parts, months, years and eras, day-month, month-first and numeric dates.

use super::{Out, Scan};
use crate::mentions::DurationUnit;
use crate::mentions::time::lexicon::{Count, K, PeriodUnit, UnitDef};
use crate::mentions::time::spec::{DayP, MonthSel, Spec, YearSel};
use isnad_parser::TokenKind;

/// Most words of a year written out ("ألف وتسعمائة وتسعة وتسعين").
const YEAR_WORDS: usize = 7;

impl Scan<'_> {
    /// A day of the month: digits 1–31, an ordinal word or «فاتح» (the first).
    fn day_num(&self, i: usize) -> Option<(u32, usize)> {
        if let Some((v, digits)) = self.int(i) {
            let clock = self.punct(i + 1, &[':']) && self.adjacent(i + 1);
            return (digits <= 2 && (1..=31).contains(&v) && !clock).then_some((v, i + 1));
        }
        if let Some(j) = self.has(i, |k| k == K::FirstDay) {
            return Some((1, j));
        }
        self.ordinal(i).filter(|(v, _)| (1..=31).contains(v))
    }

    /// A month name (paired forms included), "شهر 3", "الشهر الثامن". The flag marks a bare
    /// ambiguous name ("مارس" alone may be a verb).
    fn month(&self, i: usize) -> Option<(MonthSel, usize, bool)> {
        if let Some(j) = self.has(i, |k| k == K::MonthLead) {
            if let Some((m, k, _)) = self.month_name(j) {
                return Some((m, k, false));
            }
            let number = self
                .int(j)
                .map(|(v, _)| (v, j + 1))
                .or_else(|| self.ordinal(j))
                .or_else(|| self.cardinal(j, 1).map(|(v, e)| (v as u32, e)));
            if let Some((v, k)) = number.filter(|(v, _)| (1..=12).contains(v)) {
                return Some((MonthSel::Gregorian(v), k, false));
            }
            return None;
        }
        self.month_name(i)
    }

    fn month_name(&self, i: usize) -> Option<(MonthSel, usize, bool)> {
        let r = self.readings(i).iter().find(|r| matches!(r.kind, K::Month(..)))?;
        let K::Month(name, ambiguous) = r.kind else {
            return None;
        };
        let short = self.toks[i].key.chars().count() <= 3;
        let mut ambiguous = ambiguous || (r.clitic && short);
        let mut end = r.end;
        // Paired names: "يوليو/تموز", "يونيو (حزيران)", "تموز - يوليو".
        if self.punct(end, &['/', '(', '-', '–'])
            && let Some(second) = self
                .readings(end + 1)
                .iter()
                .find(|r| matches!(r.kind, K::Month(..)))
        {
            end = second.end;
            ambiguous = false;
            if self.punct(end, &[')']) {
                end += 1;
            }
        }
        let sel = match name.calendar {
            isnad_parser::calendar::Calendar::Hijri => MonthSel::Hijri(name.month),
            isnad_parser::calendar::Calendar::Gregorian => MonthSel::Gregorian(name.month),
        };
        Some((sel, end, ambiguous))
    }

    /// A month relative to the reference: "هذا الشهر", "الشهر القادم", "الشهر الجاري".
    fn month_rel(&self, i: usize) -> Option<(MonthSel, usize)> {
        let month = |k: K| k == K::PeriodNoun(PeriodUnit::Month);
        if let Some(j) = self.has(i, |k| k == K::This)
            && let Some(e) = self.has(j, month)
        {
            return Some((MonthSel::Rel(0), e));
        }
        let j = self.has(i, month)?;
        let (s, e) = self.find(j, |k| if let K::Shift(s) = k { Some(s) } else { None })?;
        Some((MonthSel::Rel(s), e))
    }

    /// A year: "عام 2018", "2024م", "1445 هـ", "من عام 2014", "السنة القادمة", "من هذا العام",
    /// "عام ألفين وثلاثة وعشرين";
    /// bare four digits only when `bare_ok` (after a month).
    pub(super) fn year(&self, i: usize, bare_ok: bool) -> Option<(YearSel, usize)> {
        let year_lead = |k: K| k == K::YearLead;
        let mut j = i;
        if let Some(after) = self.has(j, |k| k == K::Of || k == K::InMonth)
            && (self.has(after, year_lead).is_some() || self.has(after, |k| k == K::This).is_some())
        {
            j = after;
        }
        if let Some(k) = self.has(j, |k| k == K::This)
            && let Some(e) = self.has(k, year_lead)
        {
            return Some((YearSel::Rel(0), e));
        }
        let lead = self.has(j, year_lead);
        if let Some(k) = lead {
            if let Some((s, e)) = self.find(k, |k| if let K::Shift(s) = k { Some(s) } else { None }) {
                return Some((YearSel::Rel(s), e));
            }
            if let Some((v, digits)) = self.int(k) {
                if !(3..=4).contains(&digits) {
                    return None;
                }
                return Some(self.era(v as i32, k + 1));
            }
            // "عام ألفين وثلاثة وعشرين": a year written in words ("سنة واحدة" is a length).
            if self.toks.get(k)?.kind != TokenKind::Arabic {
                return None;
            }
            let (v, e) = self.cardinal(k, YEAR_WORDS)?;
            return (v.fract() == 0.0 && (1000.0..=2100.0).contains(&v)).then(|| self.era(v as i32, e));
        }
        let (v, digits) = self.int(j)?;
        // "2023/5" or "2023.5.1" is no bare year; "أيار 2023." ends a sentence.
        let joined = self.punct(j + 1, &['/', '-', ':']) && self.adjacent(j + 1)
            || self.punct(j + 1, &['.'])
                && self.adjacent(j + 1)
                && self.adjacent(j + 2)
                && self.int(j + 2).is_some();
        if digits != 4 || joined {
            return None;
        }
        let (sel, e) = self.era(v as i32, j + 1);
        // A one-letter era after a space is too often a unit ("2000 م" = metres) to make a year alone.
        let loose = e == j + 2 && !self.adjacent(j + 1) && self.toks[j + 1].key.chars().count() == 1;
        (bare_ok || (e > j + 1 && !(loose && matches!(sel, YearSel::Abs(_))))).then_some((sel, e))
    }

    /// An era marker after a year number.
    fn era(&self, year: i32, i: usize) -> (YearSel, usize) {
        if let Some(e) = self.has(i, |k| k == K::HijriEra) {
            return (YearSel::Hijri(year), e);
        }
        if let Some(e) = self.has(i, |k| k == K::GregorianEra) {
            return (YearSel::Abs(year), e);
        }
        (YearSel::Abs(year), i)
    }

    /// Which days: "18", "يومي 18 و19", "13 الى 15", "الخامس عشر", "اليوم الثالث", "ثالث يوم",
    /// "آخر يوم", "ثالث ثلاثاء", "الاثنين الأخير", "أول أسبوع", "أوائل".
    pub(super) fn day_part(&self, i: usize) -> Option<(DayP, usize)> {
        let shift_last = |k: K| k == K::Last;
        let weekday = |j: usize| self.find(j, |k| if let K::Weekday(w, _) = k { Some(w) } else { None });
        let week_unit = |k: K| {
            matches!(
                k,
                K::Unit(
                    UnitDef {
                        unit: DurationUnit::Week,
                        ..
                    },
                    Count::One,
                    _
                )
            )
        };
        let day_unit = |k: K| {
            matches!(
                k,
                K::Unit(
                    UnitDef {
                        unit: DurationUnit::Day,
                        ..
                    },
                    Count::One,
                    _
                )
            )
        };
        if let Some(j) = self.has(i, |k| k == K::DayDual) {
            let (a, k) = self.day_num(j)?;
            let to = self.has(k, |k| k == K::RangeTo || k == K::RangeAnd)?;
            let (b, e) = self.day_num(to)?;
            return Some((DayP::Days(a, b), e));
        }
        if let Some(((first, last), e)) = self.find(i, |k| {
            if let K::MonthPart(a, b) = k {
                Some((a, b))
            } else {
                None
            }
        }) {
            return Some((DayP::Part(first, last), e));
        }
        // "اليوم الثالث", "الأسبوع الأول", "اليوم الأخير", "الاسبوع الاخير".
        if let Some(j) = self.has(i, |k| matches!(k, K::Unit(_, Count::One, true))) {
            let is_week = self.has(i, week_unit).is_some();
            let is_day = self.has(i, day_unit).is_some();
            let n = self
                .ordinal(j)
                .or_else(|| self.has(j, shift_last).map(|e| (0, e)));
            if let Some((n, e)) = n {
                if is_week {
                    return Some((DayP::NthWeek(n), e));
                }
                if is_day {
                    return Some((if n == 0 { DayP::Part(31, 31) } else { DayP::Day(n) }, e));
                }
            }
        }
        // "ثالث ثلاثاء", "ثالث يوم ثلاثاء", "آخر اثنين", "أول أسبوع", "آخر يوم", "ثالث يوم".
        let lead = self
            .ordinal(i)
            .or_else(|| self.has(i, shift_last).map(|e| (0, e)));
        if let Some((n, j)) = lead {
            let after_day = self.has(j, day_unit);
            if let Some((w, e)) = weekday(after_day.unwrap_or(j))
                && n <= 5
            {
                return Some((DayP::NthWeekday(n, w), e));
            }
            if let Some(e) = self.has(j, |k| week_unit(k) && !matches!(k, K::Unit(_, _, true))) {
                return Some((DayP::NthWeek(n), e));
            }
            if let Some(e) = after_day {
                return Some((if n == 0 { DayP::Part(31, 31) } else { DayP::Day(n) }, e));
            }
        }
        // "الاثنين الأخير", "الثلاثاء الثالث" (only before a month: checked by the caller).
        if let Some((w, j)) = weekday(i) {
            let n = self
                .ordinal(j)
                .or_else(|| self.has(j, shift_last).map(|e| (0, e)));
            if let Some((n, e)) = n.filter(|(n, _)| *n <= 5) {
                return Some((DayP::NthWeekday(n, w), e));
            }
        }
        let (a, j) = self.day_num(i)?;
        // "13 الى 15", "13-15", "3 و5".
        let to = self
            .has(j, |k| k == K::RangeTo || k == K::RangeAnd)
            .or_else(|| self.punct(j, &['-', '–']).then_some(j + 1));
        if let Some(to) = to
            && let Some((b, e)) = self.day_num(to)
            && b > a
        {
            return Some((DayP::Days(a, b), e));
        }
        Some((DayP::Day(a), j))
    }

    /// Day part then month, then an optional year: "18 يونيو 2024", "الخامس عشر من أيار",
    /// "يومي 18 و19 يونيو", "منتصف آذار", "اول اسبوع بشهر اكتوبر 2014", "5 رمضان 1445 هـ".
    pub(super) fn date_dm(&self, i: usize) -> Option<Out> {
        self.date_dm_from(self.day_part(i)?)
    }

    /// [`Scan::date_dm`] after the day part `day` ending at token `j`.
    pub(super) fn date_dm_from(&self, (day, j): (DayP, usize)) -> Option<Out> {
        let mut month = None;
        let in_ok = matches!(day, DayP::NthWeekday(..) | DayP::NthWeek(_));
        let after_of = self.has(j, |k| k == K::Of || (in_ok && k == K::InMonth));
        for k in std::iter::once(j).chain(after_of) {
            if let Some((m, e, _)) = self.month(k) {
                month = Some((m, e));
                break;
            }
            if let Some((m, e)) = self.month_rel(k) {
                month = Some((m, e));
                break;
            }
            // "مطلع الشهر", "أواخر الشهر": a part of the bare month is of the current one.
            if matches!(day, DayP::Part(..))
                && let Some(e) = self.has(k, |k| k == K::PeriodNoun(PeriodUnit::Month))
            {
                month = Some((MonthSel::Rel(0), e));
                break;
            }
        }
        let (month, mut end) = month?;
        let mut spec = Spec {
            day,
            month: Some(month),
            ..Spec::default()
        };
        if !matches!(month, MonthSel::Rel(_)) {
            let at = if self.punct(end, &[',', '،']) && self.int(end + 1).is_some() {
                end + 1
            } else {
                end
            };
            if let Some((y, e)) = self.year(at, true) {
                spec.year = Some(y);
                end = e;
            } else if let Some((s, e)) = self.find(end, |k| if let K::Shift(s) = k { Some(s) } else { None })
                && s != 0
            {
                // "في 19 مارس الماضي": the previous such day, whatever the verbs around it say.
                spec.year = Some(YearSel::MonthShift(s));
                end = e;
            }
        }
        Some(Out::spec(end, spec))
    }

    /// Month first: "مارس 2014", "يوليو 13-15", "فبراير من هذا العام", "يوليو/تموز الماضي", "في سبتمبر".
    pub(super) fn date_md(&self, i: usize) -> Option<Out> {
        let (month, j, ambiguous) = self.month(i)?;
        if matches!(month, MonthSel::Rel(_)) {
            return None;
        }
        let mut spec = Spec {
            month: Some(month),
            ..Spec::default()
        };
        // "يوليو 13-15", "اغسطس 27 الى 29": a day range after the month.
        if let Some((a, k)) = self.day_num(j)
            && let Some(to) = self
                .has(k, |k| k == K::RangeTo)
                .or_else(|| self.punct(k, &['-']).then_some(k + 1))
            && let Some((b, e)) = self.day_num(to)
            && b > a
        {
            spec.day = DayP::Days(a, b);
            let (year, end) = self.year(e, true).map_or((None, e), |(y, e)| (Some(y), e));
            spec.year = year;
            return Some(Out::spec(end, spec));
        }
        if let Some((y, e)) = self.year(j, true) {
            spec.year = Some(y);
            return Some(Out::spec(e, spec));
        }
        if let Some((s, e)) = self.find(j, |k| if let K::Shift(s) = k { Some(s) } else { None }) {
            spec.year = Some(if s == 0 {
                YearSel::Rel(0)
            } else {
                YearSel::MonthShift(s)
            });
            return Some(Out::spec(e, spec));
        }
        let after_prep = i > 0 && self.has(i - 1, |k| k == K::MonthPrep).is_some();
        (!ambiguous || after_prep).then(|| Out::spec(j, spec))
    }

    /// Numeric dates: 15/3/2024, 2024-03-15, 15-03-2024, 15.3.2024, 2/2013; day/month only when
    /// `day_month_ok` (after a weekday).
    pub(super) fn numeric(&self, i: usize, day_month_ok: bool) -> Option<Out> {
        if self.adjacent(i) && self.punct(i - 1, &['/', '-', '.', ':']) {
            return None;
        }
        let t = self.toks.get(i)?;
        // One token with dots ("15.3.2024").
        if t.kind == TokenKind::Number && t.key.matches('.').count() == 2 {
            let parts: Vec<u32> = t.key.split('.').filter_map(|p| p.parse().ok()).collect();
            if let [d, m, y] = parts[..]
                && y >= 1000
            {
                let spec = Spec {
                    day: DayP::Day(d),
                    month: Some(MonthSel::Gregorian(m)),
                    year: Some(YearSel::Abs(y as i32)),
                    ..Spec::default()
                };
                return (1..=12).contains(&m).then_some(Out::spec(i + 1, spec));
            }
            return None;
        }
        let mut nums = vec![self.int(i)?];
        let mut sep = None;
        let mut j = i + 1;
        while nums.len() < 3 && self.adjacent(j) && self.adjacent(j + 1) {
            let Some(c) = self.toks[j]
                .key
                .chars()
                .next()
                .filter(|c| ['/', '-', '.'].contains(c))
            else {
                break;
            };
            if self.toks[j].kind != TokenKind::Punct || sep.is_some_and(|s| s != c) {
                break;
            }
            let Some(n) = self.int(j + 1) else { break };
            sep = Some(c);
            nums.push(n);
            j += 2;
        }
        // Part of a longer chain (phone numbers, versions).
        if self.adjacent(j) && self.punct(j, &['/', '-', '.', ':']) && self.int(j + 1).is_some() {
            return None;
        }
        let date = |d: (u32, usize), m: (u32, usize), y: Option<(u32, usize)>| {
            let ok = d.1 <= 2 && m.1 <= 2 && (1..=31).contains(&d.0) && (1..=12).contains(&m.0);
            ok.then_some(Spec {
                day: DayP::Day(d.0),
                month: Some(MonthSel::Gregorian(m.0)),
                year: y.map(|y| YearSel::Abs(y.0 as i32)),
                ..Spec::default()
            })
        };
        let spec = match nums[..] {
            [y, m, d] if y.1 == 4 => date(d, m, Some(y)),
            [d, m, y] if y.1 == 4 => date(d, m, Some(y)),
            [m, y] if y.1 == 4 && sep == Some('/') && m.1 <= 2 && (1..=12).contains(&m.0) => Some(Spec {
                month: Some(MonthSel::Gregorian(m.0)),
                year: Some(YearSel::Abs(y.0 as i32)),
                ..Spec::default()
            }),
            [d, m] if day_month_ok && sep == Some('/') => date(d, m, None),
            _ => None,
        }?;
        Some(Out::spec(j, spec))
    }

    /// A year alone: "عام 2018", "2024م", "في 2021" (after في), "بين عامي 2018 و2019".
    pub(super) fn year_expr(&self, i: usize, after_fi: bool) -> Option<Out> {
        if let Some(j) = self.has(i, |k| k == K::YearDual) {
            let (a, _) = self.int(j).filter(|(_, d)| *d == 4)?;
            let to = self.has(j + 1, |k| k == K::RangeTo || k == K::RangeAnd)?;
            let (b, _) = self.int(to).filter(|(v, d)| *d == 4 && *v > a)?;
            let spec = Spec {
                year: Some(YearSel::Abs(a as i32)),
                year_to: Some(b as i32),
                ..Spec::default()
            };
            return Some(Out::spec(to + 1, spec));
        }
        let after_prep = after_fi || (i > 0 && self.has(i - 1, |k| k == K::MonthPrep).is_some());
        let bare = after_prep
            && self
                .int(i)
                .is_some_and(|(v, d)| d == 4 && (1900..=2100).contains(&v));
        let (year, e) = self.year(i, bare)?;
        matches!(year, YearSel::Abs(_) | YearSel::Hijri(_)).then(|| {
            Out::spec(
                e,
                Spec {
                    year: Some(year),
                    ..Spec::default()
                },
            )
        })
    }
}
