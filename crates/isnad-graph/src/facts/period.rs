//! When a figure holds: a stretch of time, and how far apart two may be and still be one occurrence.

use super::FactView;
use chrono::{Duration, NaiveDate, NaiveDateTime};

/// Times further apart than this are two occurrences, not one misdated figure.
const SAME_OCCURRENCE_MAX_GAP_DAYS: i64 = 45;

/// A stretch of time a figure holds in: `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Period {
    pub(super) start: NaiveDateTime,
    pub(super) end: NaiveDateTime,
}

impl Period {
    /// The period of a time value at its grain, narrowed to a part of the day when one is named.
    pub(super) fn of(t: &isnad_claims::mentions::TimeValue, hours: Option<(u32, u32)>) -> Option<Period> {
        use isnad_claims::mentions::Grain;
        let (start, last) = (t.start?, t.end?);
        let step = match t.grain {
            Grain::Second => Duration::seconds(1),
            Grain::Minute => Duration::minutes(1),
            Grain::Hour => Duration::hours(1),
            _ => Duration::days(1),
        };
        let mut period = Period {
            start,
            end: last + step,
        };
        if let Some((from, to)) = hours
            && t.grain == Grain::Day
            && start.date() == last.date()
        {
            let day = start.date().and_hms_opt(0, 0, 0)?;
            period = Period {
                start: day + Duration::hours(i64::from(from)),
                end: day + Duration::hours(i64::from(to)),
            };
        }
        Some(period)
    }

    /// The period of one whole day.
    fn day(date: NaiveDate) -> Period {
        let start = date.and_hms_opt(0, 0, 0).expect("midnight exists");
        Period {
            start,
            end: start + Duration::days(1),
        }
    }

    /// Its length in days.
    fn days(&self) -> i64 {
        (self.end - self.start).num_days()
    }
}

/// How far apart two times may be and still be one occurrence: 45 days, or the length of the
/// longer period ("in 2024" and a report of March 2025 may speak of one year's figure).
pub(super) fn occurrence_gap(a: Period, b: Period) -> i64 {
    SAME_OCCURRENCE_MAX_GAP_DAYS.max(a.days()).max(b.days())
}

pub(super) fn disjoint(a: Period, b: Period) -> bool {
    a.end <= b.start || b.end <= a.start
}

/// Whole days between two periods (0 when they touch or overlap).
pub(super) fn gap_days(a: Period, b: Period) -> i64 {
    if a.end <= b.start {
        (b.start - a.end).num_days()
    } else if b.end <= a.start {
        (a.start - b.end).num_days()
    } else {
        0
    }
}

pub(super) fn describe_days(p: Period) -> String {
    let last = p.end - Duration::seconds(1);
    if (p.end - p.start) < Duration::days(1) && p.start.date() == last.date() {
        if p.end - p.start == Duration::days(1) {
            day_text(p.start.date())
        } else {
            format!(
                "{} {}–{}",
                day_text(p.start.date()),
                clock_text(p.start),
                clock_text(p.end)
            )
        }
    } else if p.start.date() == last.date() {
        day_text(p.start.date())
    } else {
        days_text(p.start.date(), last.date())
    }
}

/// A day as chrono writes it ("2024-06-18"), written digit by digit: findings and comparisons
/// write tens of thousands of them, and chrono's writer goes through the formatter a character
/// at a time.
pub(crate) fn day_text(day: NaiveDate) -> String {
    use chrono::Datelike;
    let year = day.year();
    if !(0..=9999).contains(&year) {
        // Out of four digits chrono writes a sign.
        return day.to_string();
    }
    let digit = |n: u32| b'0' + (n % 10) as u8;
    let (year, month, date) = (year as u32, day.month(), day.day());
    let text = [
        digit(year / 1000),
        digit(year / 100),
        digit(year / 10),
        digit(year),
        b'-',
        digit(month / 10),
        digit(month),
        b'-',
        digit(date / 10),
        digit(date),
    ];
    text.iter().map(|&b| char::from(b)).collect()
}

/// A time of day as chrono writes `%H:%M` ("07:30"), written digit by digit as [`day_text`]
/// writes a day: comparisons of figures dated to the hour write one for every pair told apart.
fn clock_text(time: NaiveDateTime) -> String {
    use chrono::Timelike;
    let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
    let (hour, minute) = (time.hour(), time.minute());
    [
        digit(hour / 10),
        digit(hour),
        ':',
        digit(minute / 10),
        digit(minute),
    ]
    .iter()
    .collect()
}

/// Two days as `first..last` ("2024-06-18..2024-06-19").
pub(crate) fn days_text(first: NaiveDate, last: NaiveDate) -> String {
    let mut text = day_text(first);
    text.push_str("..");
    text.push_str(&day_text(last));
    text
}

/// The fact with a stated time and the other's report date, when that time lies too far from
/// the report for one occurrence ("عام 2021" against an undated figure of a report of 2025).
pub(super) fn dated_long_before<'v, 'a>(
    a: &'v FactView<'a>,
    b: &'v FactView<'a>,
) -> Option<(&'v FactView<'a>, NaiveDate)> {
    [(a, b), (b, a)].into_iter().find_map(|(dated, other)| {
        let (x, p) = (dated.stated?, other.published?);
        (other.stated.is_none() && gap_days(x, Period::day(p)) > occurrence_gap(x, Period::day(p)))
            .then_some((dated, p))
    })
}

#[cfg(test)]
mod tests {
    use super::{clock_text, day_text, days_text};
    use chrono::NaiveDate;

    #[test]
    fn days_are_written_as_chrono_writes_them() {
        let mut day = NaiveDate::from_ymd_opt(-3, 1, 1).expect("a day");
        let last = NaiveDate::from_ymd_opt(10_002, 12, 31).expect("a day");
        while day <= last {
            assert_eq!(day_text(day), day.to_string());
            day += chrono::Duration::days(13);
        }
        let (a, b) = (
            NaiveDate::from_ymd_opt(2024, 6, 18).expect("a day"),
            NaiveDate::from_ymd_opt(2024, 7, 2).expect("a day"),
        );
        assert_eq!(days_text(a, b), format!("{a}..{b}"));
    }

    #[test]
    fn times_of_day_are_written_as_chrono_writes_them() {
        let mut time = NaiveDate::from_ymd_opt(2024, 6, 18)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .expect("a time");
        let end = time + chrono::Duration::days(1);
        while time < end {
            assert_eq!(clock_text(time), time.format("%H:%M").to_string());
            time += chrono::Duration::seconds(59);
        }
    }
}
