//! Clock-time readers: one time or a range of two, in digits or words, with its period of day.

use super::{Scan, finer};
use crate::mentions::time::lexicon::{K, Period};
use crate::mentions::time::spec::NO_REFERENCE;
use crate::mentions::{Grain, TimeValue};
use chrono::{NaiveDate, NaiveDateTime};
use isnad_parser::TokenKind;

/// A clock time as read.
#[derive(Debug, Clone, Copy)]
struct Clock {
    hour: u32,
    minute: u32,
    second: Option<u32>,
    minutes_given: bool,
    period: Option<Period>,
}

impl Clock {
    fn hour24(&self, period: Option<Period>) -> u32 {
        let h = self.hour;
        match period {
            Some(Period::Am) if h == 12 => 0,
            Some(Period::Pm) if h < 12 => h + 12,
            Some(Period::Noon) if h < 11 => h + 12,
            Some(Period::Night) if (6..12).contains(&h) => h + 12,
            Some(Period::Night) if h == 12 => 0,
            _ => h,
        }
    }

    fn grain(&self) -> Grain {
        if self.second.is_some() {
            Grain::Second
        } else if self.minutes_given {
            Grain::Minute
        } else {
            Grain::Hour
        }
    }

    fn at(&self, date: NaiveDate, period: Option<Period>) -> Option<NaiveDateTime> {
        date.and_hms_opt(self.hour24(period), self.minute, self.second.unwrap_or(0))
    }
}

/// A clock time or a range of two.
#[derive(Debug, Clone, Copy)]
pub(super) struct ClockRange {
    first: Clock,
    last: Option<Clock>,
}

impl Scan<'_> {
    /// A clock time, or a range of two ("من الساعة 3 الى الساعة 4 بعد العصر").
    pub(super) fn clock_expr(&self, i: usize) -> Option<(ClockRange, usize)> {
        let (first, j) = self.clock(i, false)?;
        if let Some(to) = self.has(j, |k| k == K::RangeTo)
            && let Some((second, e)) = self.clock(to, true)
        {
            return Some((
                ClockRange {
                    first,
                    last: Some(second),
                },
                e,
            ));
        }
        Some((ClockRange { first, last: None }, j))
    }

    /// One clock time: "الساعة 10:30 صباحاً", "العاشرة مساءً", "الثالثة وربع", "12 الا ربع", "15:15".
    fn clock(&self, i: usize, in_range: bool) -> Option<(Clock, usize)> {
        let mut j = i;
        let lead = self.has(j, |k| k == K::Clock);
        if let Some(e) = lead {
            j = e;
        }
        let mut clock = Clock {
            hour: 0,
            minute: 0,
            second: None,
            minutes_given: false,
            period: None,
        };
        let digital = self
            .int(j)
            .filter(|(h, d)| *d <= 2 && *h <= 24)
            .and_then(|(h, _)| {
                let colon = |k: usize| self.punct(k, &[':']) && self.adjacent(k) && self.adjacent(k + 1);
                if !colon(j + 1) {
                    return None;
                }
                let (m, md) = self.int(j + 2).filter(|(m, d)| *d == 2 && *m < 60)?;
                let _ = md;
                let second = if colon(j + 3) {
                    self.int(j + 4).filter(|(s, d)| *d == 2 && *s < 60)
                } else {
                    None
                };
                Some((
                    h,
                    m,
                    second.map(|s| s.0),
                    if second.is_some() { j + 5 } else { j + 3 },
                ))
            });
        if let Some((h, m, s, e)) = digital {
            clock.hour = h;
            clock.minute = m;
            clock.second = s;
            clock.minutes_given = true;
            j = e;
        } else {
            let hour = if lead.is_some() {
                self.int(j)
                    .filter(|(h, d)| *d <= 2 && *h <= 24)
                    .map(|(h, _)| (h, j + 1))
                    .or_else(|| self.hour_word(j))
            } else {
                self.ordinal(j).filter(|(h, _)| (1..=12).contains(h))
            };
            let (h, e) = hour?;
            clock.hour = h;
            j = e;
            // Minutes: "وربع", "و18 دقيقة", "وخمس وأربعون دقيقة", "إلا ربعاً", "إلا ثلث".
            let minus = self.has(j, |k| k == K::Minus);
            let conj = self.toks.get(j).is_some_and(|t| t.key.starts_with('و'));
            if minus.is_some() || conj {
                let at = minus.unwrap_or(j);
                let at_word = if self.toks.get(at).is_some_and(|t| t.key == "و") {
                    at + 1
                } else {
                    at
                };
                let minutes = self
                    .find(at, |k| {
                        if let K::Frac(f) = k {
                            Some((f * 60.0).round())
                        } else {
                            None
                        }
                    })
                    .or_else(|| {
                        self.find(at_word, |k| {
                            if let K::Frac(f) = k {
                                Some((f * 60.0).round())
                            } else {
                                None
                            }
                        })
                    })
                    .map(|(m, e)| (m, e, false))
                    .or_else(|| {
                        let (m, e) = self.cardinal(at_word, 4)?;
                        let word = self.has(e, |k| k == K::MinuteWord);
                        // Without "دقيقة" a number after و is only minutes in digits ("و15").
                        (word.is_some() || self.int(at_word).is_some()).then(|| (m, word.unwrap_or(e), true))
                    });
                if let Some((m, e, _)) =
                    minutes.filter(|(m, _, _)| *m >= 1.0 && *m < 60.0 && m.fract() == 0.0)
                {
                    let m = m as u32;
                    if minus.is_some() {
                        clock.hour = if clock.hour == 0 { 23 } else { clock.hour - 1 };
                        clock.minute = 60 - m;
                    } else {
                        clock.minute = m;
                    }
                    clock.minutes_given = true;
                    j = e;
                }
            }
        }
        if let Some((p, e)) = self.find(j, |k| if let K::Part(p) = k { Some(p) } else { None }) {
            clock.period = Some(p);
            j = e;
        }
        // The zone is kept in the span; no conversion.
        if let Some(e) = self.has(j, |k| k == K::ZoneLead) {
            j = e;
            if self.toks.get(j).is_some_and(|t| t.kind == TokenKind::Latin)
                || self.has(j, |k| k == K::ZoneWord).is_some()
            {
                j += 1;
            }
        }
        let _ = in_range;
        (lead.is_some() || digital.is_some() || clock.period.is_some()).then_some((clock, j))
    }

    /// An hour in words after "الساعة": "الثالثة", "الحادية عشرة", "ثلاثة", "خمسة".
    fn hour_word(&self, j: usize) -> Option<(u32, usize)> {
        if let Some(o) = self.ordinal(j).filter(|(h, _)| (1..=12).contains(h)) {
            return Some(o);
        }
        // One word, or two when the second is not joined by و ("ثلاثة عشر").
        let two = self
            .toks
            .get(j + 1)
            .is_some_and(|t| t.kind == TokenKind::Arabic && !t.key.starts_with('و'));
        let (v, e) = self.cardinal(j, if two { 2 } else { 1 })?;
        (v.fract() == 0.0 && (0.0..=24.0).contains(&v)).then_some((v as u32, e))
    }

    pub(super) fn clock_value(&self, range: ClockRange, date: Option<NaiveDate>) -> TimeValue {
        let ClockRange { first, last } = range;
        let period = first.period.or(last.and_then(|l| l.period));
        let grain = last.map_or(first.grain(), |l| finer(first.grain(), l.grain()));
        let Some(date) = date else {
            return TimeValue::unresolved(grain, NO_REFERENCE);
        };
        let start = first.at(date, period);
        let end = match last {
            Some(l) => l.at(date, l.period.or(period)),
            None => start,
        };
        let mut value = TimeValue::days(date, date, grain);
        value.start = start;
        value.end = end;
        if start.is_none() || end.is_none() || start > end {
            return TimeValue::unresolved(grain, "invalid time");
        }
        value
    }
}
