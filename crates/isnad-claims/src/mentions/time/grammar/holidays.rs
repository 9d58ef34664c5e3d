//! Holiday readers: named feasts, fixed or movable, with an optional year.

use super::{Out, Scan};
use crate::mentions::time::calendar::{easter, hijri_to_gregorian, hijri_year_of, ymd};
use crate::mentions::time::lexicon::{HolidayRule, K};
use crate::mentions::time::spec::{NO_REFERENCE, YearSel, widen};
use crate::mentions::{Grain, MentionValue, TimeValue};
use chrono::{Datelike, NaiveDate};

impl Scan<'_> {
    /// "عيد الفطر", "عيد الأضحى 2013", "عيد الميلاد 2020".
    pub(super) fn holiday(&self, i: usize) -> Option<Out> {
        let (id, j) = self.find(i, |k| if let K::Holiday(id) = k { Some(id) } else { None })?;
        let rule = *self.lex.holidays.get(id)?;
        let (year, end) = match self.year(j, true) {
            Some((YearSel::Abs(y), e)) => (Some(y), e),
            _ => (None, j),
        };
        let occurrence = |y: i32| -> Option<NaiveDate> {
            match rule {
                HolidayRule::Gregorian(m, d) => ymd(y, m, d),
                HolidayRule::Easter => easter(y),
                HolidayRule::Hijri(m, d) => {
                    let first = hijri_year_of(ymd(y, 1, 1)?)?;
                    (first..=first + 1)
                        .filter_map(|h| hijri_to_gregorian(h, m, d))
                        .find(|g| g.year() == y)
                }
            }
        };
        let date = match (year, self.ctx.reference) {
            (Some(y), _) => occurrence(y),
            (None, Some(r)) => {
                if self.forward(i) {
                    [r.year(), r.year() + 1]
                        .into_iter()
                        .filter_map(occurrence)
                        .find(|d| *d >= r)
                } else {
                    [r.year(), r.year() - 1]
                        .into_iter()
                        .filter_map(occurrence)
                        .find(|d| *d <= r)
                }
            }
            (None, None) => None,
        };
        let value = match date {
            Some(d) if matches!(rule, HolidayRule::Hijri(..)) => widen(d, d, Grain::Day),
            Some(d) => TimeValue::days(d, d, Grain::Day),
            None if year.is_none() && self.ctx.reference.is_none() => {
                TimeValue::unresolved(Grain::Day, NO_REFERENCE)
            }
            None => return None,
        };
        Some(Out::ready(end, MentionValue::Date(value)))
    }
}
