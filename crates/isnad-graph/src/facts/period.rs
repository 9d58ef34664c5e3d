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
            p.start.date().to_string()
        } else {
            format!(
                "{} {}–{}",
                p.start.date(),
                p.start.format("%H:%M"),
                p.end.format("%H:%M")
            )
        }
    } else if p.start.date() == last.date() {
        p.start.date().to_string()
    } else {
        format!("{}..{}", p.start.date(), last.date())
    }
}

/// One fact's stated time and the other's report date when the stated time lies too far from
/// that report for one occurrence ("عام 2021" against an undated figure of a report of 2025).
pub(super) fn dated_long_before(a: &FactView<'_>, b: &FactView<'_>) -> Option<(Period, NaiveDate)> {
    [(a, b), (b, a)].into_iter().find_map(|(dated, other)| {
        let (x, p) = (dated.stated?, other.published?);
        (other.stated.is_none() && gap_days(x, Period::day(p)) > occurrence_gap(x, Period::day(p)))
            .then_some((x, p))
    })
}
