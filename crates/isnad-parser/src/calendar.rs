//! Month and weekday names of every family used in Arabic news (data in `data/calendar.toml`).
//!
//! Lives in the parser because datelines need it; the mention finders of `isnad-claims` use the
//! same table so a spelling added to the data file is known everywhere.

use crate::normalize::fold_key;
use chrono::Weekday;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Which calendar a month name belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Calendar {
    /// The Gregorian calendar (Western-derived, Levantine and Maghrebi names).
    Gregorian,
    /// The Islamic (Hijri) calendar.
    Hijri,
}

/// A month name's meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MonthName {
    /// 1–12.
    pub month: u32,
    /// Its calendar.
    pub calendar: Calendar,
    /// The family it comes from (`western`, `levantine`, `maghrebi`, `hijri`).
    pub family: &'static str,
}

/// The folded names with their meaning: month names (some are two words) and weekday names.
pub struct CalendarNames {
    months: HashMap<String, MonthName>,
    weekdays: HashMap<String, Weekday>,
    longest_month_words: usize,
}

#[derive(Deserialize)]
struct Data {
    family: Vec<Family>,
    weekdays: HashMap<String, Vec<String>>,
}

#[derive(Deserialize)]
struct Family {
    name: String,
    calendar: String,
    months: Vec<Vec<String>>,
}

/// The shared table, parsed once from the embedded data file.
pub fn calendar_names() -> &'static CalendarNames {
    static NAMES: OnceLock<CalendarNames> = OnceLock::new();
    NAMES.get_or_init(|| {
        let data: Data =
            toml::from_str(include_str!("../data/calendar.toml")).expect("data/calendar.toml is valid");
        let mut months = HashMap::new();
        for family in data.family {
            let family_name: &'static str = Box::leak(family.name.into_boxed_str());
            let calendar = if family.calendar == "hijri" {
                Calendar::Hijri
            } else {
                Calendar::Gregorian
            };
            for (index, spellings) in family.months.iter().enumerate() {
                for spelling in spellings {
                    let meaning = MonthName {
                        month: index as u32 + 1,
                        calendar,
                        family: family_name,
                    };
                    months.insert(fold_key(spelling), meaning);
                }
            }
        }
        let mut weekdays = HashMap::new();
        for (day, spellings) in data.weekdays {
            let weekday = day
                .parse::<Weekday>()
                .expect("weekday names in data/calendar.toml are English days");
            for spelling in spellings {
                weekdays.insert(fold_key(&spelling), weekday);
            }
        }
        let longest_month_words = months.keys().map(|k| k.split(' ').count()).max().unwrap_or(1);
        CalendarNames {
            months,
            weekdays,
            longest_month_words,
        }
    })
}

impl CalendarNames {
    /// The month a folded name (one or two words separated by one space) denotes.
    pub fn month(&self, key: &str) -> Option<MonthName> {
        self.months.get(key).copied()
    }

    /// The weekday a folded word denotes (with or without the article).
    pub fn weekday(&self, key: &str) -> Option<Weekday> {
        self.weekdays.get(key).copied()
    }

    /// The most words a month name has (2: "كانون الثاني").
    pub fn longest_month_words(&self) -> usize {
        self.longest_month_words
    }

    /// Every folded month name with its meaning (for building automata).
    pub fn months(&self) -> impl Iterator<Item = (&str, MonthName)> {
        self.months.iter().map(|(k, v)| (k.as_str(), *v))
    }

    /// Every folded weekday name with its weekday.
    pub fn weekdays(&self) -> impl Iterator<Item = (&str, Weekday)> {
        self.weekdays.iter().map(|(k, v)| (k.as_str(), *v))
    }
}

/// A Hijri date (Umm al-Qura, the calendar of Saudi and most Gulf outlets) as a Gregorian date;
/// a day past the month's end (a 30th in a 29-day month, as sighting calendars print) rolls over.
pub fn hijri_to_gregorian(year: i32, month: u32, day: u32) -> Option<chrono::NaiveDate> {
    use icu_calendar::cal::Hijri;
    use icu_calendar::{Date, Iso};
    if !(1..=30).contains(&day) {
        return None;
    }
    let first =
        Date::try_new_hijri_with_calendar(year, u8::try_from(month).ok()?, 1, Hijri::new_umm_al_qura())
            .ok()?;
    let iso: Date<Iso> = first.to_calendar(Iso);
    let start = chrono::NaiveDate::from_ymd_opt(
        iso.year().extended_year(),
        u32::from(iso.month().ordinal),
        u32::from(iso.day_of_month().0),
    )?;
    start.checked_add_days(chrono::Days::new(u64::from(day - 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month(name: &str) -> Option<(u32, Calendar)> {
        calendar_names()
            .month(&fold_key(name))
            .map(|m| (m.month, m.calendar))
    }

    #[test]
    fn every_family_is_known() {
        assert_eq!(month("يونيو"), Some((6, Calendar::Gregorian)));
        assert_eq!(month("يونيه"), Some((6, Calendar::Gregorian)));
        assert_eq!(month("حزيران"), Some((6, Calendar::Gregorian)));
        assert_eq!(month("جوان"), Some((6, Calendar::Gregorian)));
        assert_eq!(month("كانون الثاني"), Some((1, Calendar::Gregorian)));
        assert_eq!(month("غشت"), Some((8, Calendar::Gregorian)));
        assert_eq!(month("دجنبر"), Some((12, Calendar::Gregorian)));
        assert_eq!(month("ذي الحجة"), Some((12, Calendar::Hijri)));
        assert_eq!(month("رمضان"), Some((9, Calendar::Hijri)));
        assert_eq!(month("الباب"), None);
        assert_eq!(calendar_names().weekday(&fold_key("الإثنين")), Some(Weekday::Mon));
        assert_eq!(calendar_names().weekday(&fold_key("الأحد")), Some(Weekday::Sun));
    }

    #[test]
    fn hijri_days_convert_to_gregorian() {
        let day = |y, m, d| hijri_to_gregorian(y, m, d).map(|d| d.to_string());
        // 1 Ramadan 1445 fell on 11 March 2024 in Umm al-Qura.
        assert_eq!(day(1445, 9, 1).as_deref(), Some("2024-03-11"));
        assert_eq!(day(1445, 13, 1), None);
        assert_eq!(day(1445, 9, 31), None);
    }
}
