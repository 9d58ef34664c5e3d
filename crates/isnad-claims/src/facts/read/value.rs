//! The value of a figure: a count, an amount with its unit, a duration, a date or a place in a series.

use super::sentence::SentenceFacts;
use crate::facts::lemma::lemma_slice;
use crate::facts::types::FactValue;
use crate::mentions::{DurationUnit, Mention, MentionValue, NumberValue, Qualifier};
use isnad_parser::TokenKind;

/// Folded words after which a value is an identifier, not an amount ("رقم 5"، "المادة 12").
const IDENTIFIER_HEADS: &[&str] = &[
    "رقم",
    "الرقم",
    "برقم",
    "المادة",
    "الفصل",
    "البند",
    "الماده",
    "الفقره",
];

impl<'a> SentenceFacts<'a> {
    /// The value of a numeric mention that can be a fact: a count, an amount with its unit, or a
    /// length of time that measures something.
    pub(super) fn value_of(&self, mention: &Mention, first: usize, last: usize) -> Option<FactValue> {
        match &mention.value {
            MentionValue::Number(n) => {
                // A number closing a quoted name ("نجمة 300"، «المرصد 24») names a model or an
                // outlet: no amount.
                let quote =
                    |i: Option<usize>| i.is_some_and(|i| matches!(self.key(i), "\"" | "«" | "»" | "“" | "”"));
                let quoted_name = quote(Some(last + 1).filter(|&i| i < self.n()))
                    && first >= 2
                    && (quote(Some(first - 2)) || (first >= 3 && quote(Some(first - 3))));
                if quoted_name {
                    return None;
                }
                // Codes and model names ("S600", "اس-300") are no amounts.
                let latin = |i: Option<usize>| i.is_some_and(|i| self.kind(i) == Some(TokenKind::Latin));
                if latin(first.checked_sub(1))
                    || latin(Some(last + 1))
                    || (first..=last).any(|i| self.kind(i) == Some(TokenKind::Latin))
                {
                    return None;
                }
                // "جائزة اليورفيجن 2018": a year after a name, with nothing counted, dates it.
                if let Some(t) = self.year_after_name(n, first, last) {
                    return self.value_of_date(&t);
                }
                // "رقم 5"، "المدرج 27": an identifier after a definite noun with no counted noun.
                if let Some(before) = first.checked_sub(1) {
                    let k = self.key(before);
                    let bare = k.strip_prefix(['و', 'ف']).unwrap_or(k);
                    if IDENTIFIER_HEADS.contains(&bare) {
                        return None;
                    }
                    if n.qualifier == Qualifier::Exact
                        && self.is_arabic(before)
                        && bare.starts_with("ال")
                        && self.kind(first) == Some(TokenKind::Number)
                        && first == last
                        && self.counted_noun(last + 1).is_none()
                        && !self.lx.knows(lemma_slice(bare, false))
                        && !self.lx.knows(lemma_slice(bare, true))
                    {
                        return None;
                    }
                }
                Some(FactValue {
                    amount: n.clone(),
                    unit: None,
                    time: None,
                })
            }
            MentionValue::Quantity(q) => {
                let unit = if q.unit == "year_of_age" {
                    "year"
                } else {
                    q.unit.as_str()
                };
                Some(FactValue {
                    amount: q.amount.clone(),
                    unit: Some(Box::from(unit)),
                    time: None,
                })
            }
            MentionValue::Duration(d) => {
                let unit = match d.unit {
                    DurationUnit::Second => "second",
                    DurationUnit::Minute => "minute",
                    DurationUnit::Hour => "hour",
                    DurationUnit::Day => "day",
                    DurationUnit::Week => "week",
                    DurationUnit::Month => "month",
                    DurationUnit::Year => "year",
                };
                let amount = crate::mentions::number_interval(d.amount, d.qualifier);
                Some(FactValue {
                    amount,
                    unit: Some(Box::from(unit)),
                    time: None,
                })
            }
            // A date and a place in a series are figures too: the graph compares them where two
            // reports copy one sentence and change them ("جائزة 2018" and "جائزة 2020").
            MentionValue::Date(t) => self.value_of_date(t),
            // "أمس"، "الشهر الماضي"، "الخميس الماضي": dates resolved at the report's date. A vaguer
            // or wider one ("منذ عقود") dates nothing that could be checked.
            // "قبل عشرين دقيقة من وقوع العطل": a time counted from an event, not from the report.
            MentionValue::Relative(t) | MentionValue::Weekday(t)
                if self.is_relative_date(t, first)
                    && !self.is_report_time(mention, first)
                    && self.interval_at(first, last).is_none() =>
            {
                self.value_of_date(t)
            }
            MentionValue::Ordinal(o) => Some(FactValue {
                amount: NumberValue::exact(f64::from(o.value)),
                unit: Some(Box::from("ordinal")),
                time: None,
            }),
            _ => None,
        }
    }

    /// The class of a length of time at `first..=last` counted from a moment named after it:
    /// `time_after` for "بعد نحو ربع ساعة من الإقلاع"، `time_before` for "قبل عشرين دقيقة فقط من
    /// وقوع العطل" (قبل/بعد before it or as its first word, من or على after it, past a word of how
    /// exact it is), with the word «من» or «على» is followed by (past the sentence's end when
    /// none is).
    pub(super) fn interval_at(&self, first: usize, last: usize) -> Option<(&'static str, usize)> {
        let lx = self.lx;
        let direction = |i: usize| {
            let key = self.key(i).trim_start_matches(['و', 'ف']);
            if lx.interval_after.contains(key) {
                Some("time_after")
            } else if lx.interval_before.contains(key) {
                Some("time_before")
            } else {
                None
            }
        };
        let name = direction(first).or_else(|| first.checked_sub(1).and_then(direction))?;
        let end = self.n().min(last + 3);
        let mut at = last + 1;
        while at < end && lx.interval_skip.contains(self.key(at)) {
            at += 1;
        }
        matches!(self.key(at), "من" | "على").then_some((name, at + 1))
    }

    /// True for a relative time that names one day, month or year ("أمس"، "الخميس الماضي"، "الشهر
    /// الماضي"): not a window ("الأيام الخمسة الأخيرة"، "منذ ثلاثة أيام"), not the present ("الآن"),
    /// not an approximation ("منذ نحو عقد").
    fn is_relative_date(&self, t: &crate::mentions::TimeValue, first: usize) -> bool {
        use crate::mentions::Grain;
        use chrono::Datelike;
        let Some((start, end)) = t.day_range() else {
            return false;
        };
        let one_unit = match t.grain {
            Grain::Day => start == end,
            Grain::Month => (start.year(), start.month()) == (end.year(), end.month()),
            Grain::Year => start.year() == end.year(),
            _ => false,
        };
        one_unit
            && !t.approximate
            && !crate::grammar::grammar().is_since(crate::grammar::without_wa(self.key(first)))
            && !self.lx.present.contains(self.key(first))
    }

    /// The value of a date: its days (from 1 January of year 1), with the date itself.
    fn value_of_date(&self, t: &crate::mentions::TimeValue) -> Option<FactValue> {
        use chrono::Datelike;
        let (start, end) = t.day_range()?;
        let days = |d: chrono::NaiveDate| f64::from(d.num_days_from_ce());
        Some(FactValue {
            amount: NumberValue {
                value: None,
                low: days(start),
                high: Some(days(end)),
                qualifier: Qualifier::Range,
            },
            unit: Some(Box::from("date")),
            time: Some(Box::new(t.clone())),
        })
    }
}

/// True for a mention that can be a figure (a count, an amount, a length of time).
pub(super) fn is_figure(m: &Mention) -> bool {
    matches!(
        m.value,
        MentionValue::Number(_) | MentionValue::Quantity(_) | MentionValue::Duration(_)
    )
}

/// Currencies are the units with an ISO code (`USD`، `AED`) and the names written without a
/// country (data/units.toml: `dinar`، `lira`، `cent`).
pub fn is_currency(unit: &str) -> bool {
    (unit.len() == 3 && unit.bytes().all(|b| b.is_ascii_uppercase()))
        || matches!(unit, "dinar" | "lira" | "cent")
}

pub(super) fn is_time_unit(unit: &str) -> bool {
    matches!(
        unit,
        "second" | "minute" | "hour" | "day" | "week" | "month" | "year"
    )
}
