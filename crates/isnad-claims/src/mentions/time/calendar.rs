//! Calendar arithmetic: month lengths, weekdays, weeks, Hijri (Umm al-Qura) conversion, Easter.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use icu_calendar::cal::Hijri;
use icu_calendar::{Date, Iso};

/// A Gregorian date, `None` when it does not exist.
pub(super) fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Days in a Gregorian month.
pub(super) fn month_len(year: i32, month: u32) -> u32 {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    ymd(ny, nm, 1).and_then(|d| d.pred_opt()).map_or(28, |d| d.day())
}

/// First and last day of a Gregorian month.
pub(super) fn month_span(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    Some((ymd(year, month, 1)?, ymd(year, month, month_len(year, month))?))
}

/// `date` moved by whole months (`None` out of range).
pub(super) fn add_months(date: NaiveDate, months: i32) -> Option<NaiveDate> {
    if months >= 0 {
        date.checked_add_months(Months::new(months as u32))
    } else {
        date.checked_sub_months(Months::new(months.unsigned_abs()))
    }
}

/// `date` moved by whole days.
pub(super) fn add_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        date.checked_add_days(Days::new(days as u64))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

/// The Monday starting the week of `date`.
pub(super) fn week_start(date: NaiveDate) -> Option<NaiveDate> {
    add_days(date, -i64::from(date.weekday().num_days_from_monday()))
}

/// The first `weekday` strictly after `date`.
pub(super) fn next_weekday(date: NaiveDate, weekday: Weekday) -> Option<NaiveDate> {
    let ahead = (weekday.num_days_from_monday() + 7 - date.weekday().num_days_from_monday()) % 7;
    add_days(date, if ahead == 0 { 7 } else { i64::from(ahead) })
}

/// The last `weekday` on or before `date` (`strict`: before).
pub(super) fn previous_weekday(date: NaiveDate, weekday: Weekday, strict: bool) -> Option<NaiveDate> {
    let back = (date.weekday().num_days_from_monday() + 7 - weekday.num_days_from_monday()) % 7;
    let back = if back == 0 && strict { 7 } else { back };
    add_days(date, -i64::from(back))
}

/// The `n`th (1-based; 0 = last) `weekday` of a month.
pub(super) fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: u32) -> Option<NaiveDate> {
    let (first, last) = month_span(year, month)?;
    if n == 0 {
        return previous_weekday(last, weekday, false);
    }
    let first_match = previous_weekday(first, weekday, true).and_then(|d| next_weekday(d, weekday))?;
    let date = add_days(first_match, 7 * i64::from(n - 1))?;
    (date.month() == month).then_some(date)
}

/// The `n`th (1-based; 0 = last) Monday-to-Sunday week lying inside a month (Duckling's weeks of a month).
pub(super) fn nth_week(year: i32, month: u32, n: u32) -> Option<(NaiveDate, NaiveDate)> {
    let (_, last) = month_span(year, month)?;
    let monday = if n == 0 {
        add_days(previous_weekday(last, Weekday::Sun, false)?, -6)?
    } else {
        nth_weekday(year, month, Weekday::Mon, n)?
    };
    Some((monday, add_days(monday, 6)?))
}

fn hijri() -> Hijri<icu_calendar::cal::hijri::UmmAlQura> {
    Hijri::new_umm_al_qura()
}

/// A Hijri (Umm al-Qura) date as a Gregorian date.
pub(super) fn hijri_to_gregorian(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    let date =
        Date::try_new_hijri_with_calendar(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?, hijri())
            .ok()?;
    let iso: Date<Iso> = date.to_calendar(Iso);
    ymd(
        iso.year().extended_year(),
        u32::from(iso.month().ordinal),
        u32::from(iso.day_of_month().0),
    )
}

/// Days in a Hijri month.
pub(super) fn hijri_month_len(year: i32, month: u32) -> Option<u32> {
    let date = Date::try_new_hijri_with_calendar(year, u8::try_from(month).ok()?, 1, hijri()).ok()?;
    Some(u32::from(date.days_in_month()))
}

/// The Hijri year a Gregorian date falls in.
pub(super) fn hijri_year_of(date: NaiveDate) -> Option<i32> {
    let iso = Date::try_new_iso(
        date.year(),
        u8::try_from(date.month()).ok()?,
        u8::try_from(date.day()).ok()?,
    )
    .ok()?;
    Some(iso.to_calendar(hijri()).year().extended_year())
}

/// Gregorian first and last day of a Hijri month.
pub(super) fn hijri_month_span(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = hijri_to_gregorian(year, month, 1)?;
    Some((
        first,
        add_days(first, i64::from(hijri_month_len(year, month)?) - 1)?,
    ))
}

/// Western Easter Sunday (the anonymous Gregorian computus).
pub(super) fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(year, month as u32, day as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_umm_al_qura_and_computes_easter() {
        assert_eq!(hijri_to_gregorian(1434, 12, 10), ymd(2013, 10, 15));
        assert_eq!(hijri_to_gregorian(1434, 10, 1), ymd(2013, 8, 8));
        assert_eq!(hijri_year_of(ymd(2024, 3, 20).unwrap()), Some(1445));
        assert_eq!(easter(2013), ymd(2013, 3, 31));
        assert_eq!(
            nth_week(2014, 9, 0),
            Some((ymd(2014, 9, 22).unwrap(), ymd(2014, 9, 28).unwrap()))
        );
        assert_eq!(nth_week(2014, 10, 1).map(|w| w.0), ymd(2014, 10, 6));
        assert_eq!(nth_weekday(2013, 3, Weekday::Mon, 0), ymd(2013, 3, 25));
    }
}
