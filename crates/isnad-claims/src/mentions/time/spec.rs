//! A date as read (day part, month, year, weekday) and its resolution to an interval.

use super::calendar::*;
use crate::mentions::{Grain, TimeValue};
use chrono::{Datelike, NaiveDate, Weekday};

/// Which days of a month.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(super) enum DayP {
    #[default]
    Whole,
    Day(u32),
    Days(u32, u32),
    /// First and last day of a part ("أوائل": 1..10; 31 means the month's last day).
    Part(u32, u32),
    /// The nth weekday (0 = last).
    NthWeekday(u32, Weekday),
    /// The nth week (0 = last).
    NthWeek(u32),
}

/// A month as read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum MonthSel {
    Gregorian(u32),
    Hijri(u32),
    /// Relative to the reference month ("الشهر القادم" = +1, "هذا الشهر" = 0).
    Rel(i32),
}

/// A year as read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum YearSel {
    /// A Gregorian year (or a Hijri one when a Hijri month is named and the number is small).
    Abs(i32),
    /// A year marked Hijri (هـ).
    Hijri(i32),
    /// Relative to the reference year ("العام الماضي").
    Rel(i32),
    /// The month's previous (-1) or next (+1) occurrence ("يوليو الماضي").
    MonthShift(i32),
}

/// A date as read, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(super) struct Spec {
    pub day: DayP,
    pub month: Option<MonthSel>,
    pub year: Option<YearSel>,
    /// Last year of a year range ("بين عامي 2018 و2019").
    pub year_to: Option<i32>,
    pub weekday: Option<Weekday>,
}

/// Why a value could not be resolved.
pub(super) const NO_REFERENCE: &str = "no reference date";

impl Spec {
    fn grain(&self) -> Grain {
        match (self.day, self.month) {
            (DayP::NthWeek(_), _) => Grain::Week,
            (DayP::Whole, None) => Grain::Year,
            (DayP::Whole, Some(_)) => Grain::Month,
            _ => Grain::Day,
        }
    }

    /// True when resolving needs the reference date.
    fn needs_reference(&self) -> bool {
        match self.year {
            Some(YearSel::Abs(_) | YearSel::Hijri(_)) => matches!(self.month, Some(MonthSel::Rel(_))),
            _ => true,
        }
    }

    /// The interval, or `None` when the date does not exist (31 February).
    pub(super) fn resolve(&self, reference: Option<NaiveDate>, forward: bool) -> Option<TimeValue> {
        let named_month = match self.month {
            Some(MonthSel::Gregorian(m) | MonthSel::Hijri(m)) => Some(m),
            _ => None,
        };
        let mut value = match reference {
            None if self.needs_reference() => {
                let mut value = TimeValue::unresolved(self.grain(), NO_REFERENCE);
                value.month = named_month.filter(|_| matches!(self.month, Some(MonthSel::Gregorian(_))));
                value
            }
            _ => self.resolve_with(reference, forward)?,
        };
        value.weekday = self.weekday;
        if matches!(self.month, Some(MonthSel::Gregorian(_))) {
            value.month = named_month;
        }
        Some(value)
    }

    fn resolve_with(&self, reference: Option<NaiveDate>, forward: bool) -> Option<TimeValue> {
        let grain = self.grain();
        match self.month {
            None => {
                if let DayP::Day(d) = self.day {
                    // A day of the month without a month ("السبت السادس عشر"): this month or the next/previous.
                    let r = reference?;
                    let this = ymd(r.year(), r.month(), d);
                    let date = match (forward, this) {
                        (true, Some(t)) if t >= r => t,
                        (false, Some(t)) if t <= r => t,
                        _ => {
                            let other =
                                add_months(ymd(r.year(), r.month(), 1)?, if forward { 1 } else { -1 })?;
                            ymd(other.year(), other.month(), d)?
                        }
                    };
                    return Some(TimeValue::days(date, date, Grain::Day));
                }
                if self.day != DayP::Whole {
                    return None;
                }
                match self.year? {
                    YearSel::Abs(y) => {
                        let last = self.year_to.unwrap_or(y);
                        Some(TimeValue::days(ymd(y, 1, 1)?, ymd(last, 12, 31)?, Grain::Year))
                    }
                    YearSel::Hijri(y) => {
                        let start = hijri_to_gregorian(y, 1, 1)?;
                        let end = hijri_month_span(self.year_to.unwrap_or(y), 12)?.1;
                        Some(widen(start, end, Grain::Year))
                    }
                    YearSel::Rel(k) => {
                        let y = reference?.year() + k;
                        Some(TimeValue::days(ymd(y, 1, 1)?, ymd(y, 12, 31)?, Grain::Year))
                    }
                    YearSel::MonthShift(_) => None,
                }
            }
            Some(MonthSel::Rel(k)) => {
                let r = reference?;
                let first = add_months(ymd(r.year(), r.month(), 1)?, k)?;
                let year = match self.year {
                    Some(YearSel::Abs(y)) => y,
                    Some(YearSel::Rel(k)) => r.year() + k,
                    _ => first.year(),
                };
                let (start, end) = self.days_in(year, first.month())?;
                Some(TimeValue::days(start, end, grain))
            }
            Some(MonthSel::Gregorian(m)) => {
                let year = match self.year {
                    Some(YearSel::Abs(y)) => y,
                    Some(YearSel::Hijri(_)) => return None,
                    Some(YearSel::Rel(k)) => reference?.year() + k,
                    // "19 مارس الماضي": the most recent such day before the reference (or the
                    // next one after it).
                    Some(YearSel::MonthShift(k)) if matches!(self.day, DayP::Day(_) | DayP::Days(..)) => {
                        let r = reference?;
                        match (k.signum(), self.days_in(r.year(), m)) {
                            (-1, Some((start, _))) if start <= r => r.year(),
                            (-1, _) => r.year() - 1,
                            (_, Some((start, _))) if start > r => r.year(),
                            _ => r.year() + 1,
                        }
                    }
                    Some(YearSel::MonthShift(k)) => {
                        let r = reference?;
                        match k.signum() {
                            -1 if m < r.month() => r.year(),
                            -1 => r.year() - 1,
                            1 if m > r.month() => r.year(),
                            1 => r.year() + 1,
                            _ => r.year(),
                        }
                    }
                    None => {
                        let r = reference?;
                        if forward {
                            // Duckling's convention: the month containing or after the reference.
                            if m >= r.month() { r.year() } else { r.year() + 1 }
                        } else {
                            // The most recent such date on or before the reference.
                            match self.days_in(r.year(), m) {
                                Some((start, _)) if start <= r => r.year(),
                                _ => r.year() - 1,
                            }
                        }
                    }
                };
                let (start, end) = self.days_in(year, m)?;
                Some(TimeValue::days(start, end, grain))
            }
            Some(MonthSel::Hijri(m)) => {
                let hijri_year = match self.year {
                    Some(YearSel::Hijri(y)) => y,
                    Some(YearSel::Abs(y)) if y < 1700 => y,
                    Some(YearSel::Abs(y)) => {
                        // A Hijri month in a Gregorian year ("رمضان 2019").
                        let first = hijri_year_of(ymd(y, 1, 1)?)?;
                        (first..=first + 1)
                            .find(|&h| self.hijri_days(h, m).is_some_and(|(s, _)| s.year() == y))?
                    }
                    Some(YearSel::Rel(k)) => hijri_year_of(reference?)? + k,
                    Some(YearSel::MonthShift(_)) => return None,
                    None => {
                        let r = reference?;
                        let now = hijri_year_of(r)?;
                        let candidates = [now - 1, now, now + 1];
                        if forward {
                            candidates
                                .into_iter()
                                .find(|&h| self.hijri_days(h, m).is_some_and(|(_, e)| e >= r))?
                        } else {
                            candidates
                                .into_iter()
                                .rev()
                                .find(|&h| self.hijri_days(h, m).is_some_and(|(s, _)| s <= r))?
                        }
                    }
                };
                let (start, end) = self.hijri_days(hijri_year, m)?;
                Some(widen(start, end, grain))
            }
        }
    }

    /// The Gregorian days this spec's day part covers in a Gregorian month.
    fn days_in(&self, year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
        let len = month_len(year, month);
        match self.day {
            DayP::Whole => month_span(year, month),
            DayP::Day(d) => ymd(year, month, d).map(|d| (d, d)),
            DayP::Days(a, b) if a <= b => Some((ymd(year, month, a)?, ymd(year, month, b)?)),
            DayP::Days(..) => None,
            DayP::Part(a, b) => Some((ymd(year, month, a.min(len))?, ymd(year, month, b.min(len))?)),
            DayP::NthWeekday(n, w) => nth_weekday(year, month, w, n).map(|d| (d, d)),
            DayP::NthWeek(n) => nth_week(year, month, n),
        }
    }

    /// The Gregorian days this spec's day part covers in a Hijri month.
    fn hijri_days(&self, year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
        let len = hijri_month_len(year, month)?;
        let day = |d: u32| {
            if d <= len {
                hijri_to_gregorian(year, month, d)
            } else {
                None
            }
        };
        match self.day {
            DayP::Whole => hijri_month_span(year, month),
            DayP::Day(d) => day(d).map(|d| (d, d)),
            DayP::Days(a, b) if a <= b => Some((day(a)?, day(b)?)),
            DayP::Part(a, b) => Some((day(a.min(len))?, day(b.min(len))?)),
            _ => None,
        }
    }
}

/// A Hijri interval widened by a day each side: moon sighting differs by country.
pub(super) fn widen(start: NaiveDate, end: NaiveDate, grain: Grain) -> TimeValue {
    let mut value = TimeValue::days(
        add_days(start, -1).unwrap_or(start),
        add_days(end, 1).unwrap_or(end),
        grain,
    );
    value.calendar = Some("hijri");
    value
}
