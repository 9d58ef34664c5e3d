//! Normalized values of mentions: the `isnad mentions` contract (see docs/mentions-format.md).

use chrono::{NaiveDate, NaiveDateTime, Weekday};
use isnad_parser::Span;
use serde::{Serialize, Serializer};

/// How to resolve a bare weekday or month with no tense cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lean {
    /// Follow the sentence: past unless a future marker (س، سوف، من المقرر، من المنتظر) governs it.
    #[default]
    Tense,
    /// Always the most recent one on or before the reference date.
    Past,
    /// Always the next one after the reference date (Duckling's convention).
    Future,
}

/// What mention extraction needs to know besides the text.
#[derive(Debug, Clone, Copy, Default)]
pub struct MentionContext {
    /// The document's publication date; `None` leaves relative expressions unresolved.
    pub reference: Option<NaiveDate>,
    /// How to resolve bare weekdays and months.
    pub lean: Lean,
}

/// One expression found in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    /// Original bytes.
    pub span: Span,
    /// Exactly the original bytes of `span`.
    pub text: Box<str>,
    /// Type and normalized value, serialized as `"type"` and `"value"`.
    #[serde(flatten)]
    pub value: MentionValue,
}

/// A mention's type and value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum MentionValue {
    /// An absolute date or date range ("18 يونيو 2024", "يومي 18 و19 يونيو", "5 رمضان 1445 هـ").
    Date(TimeValue),
    /// A weekday ("الثلاثاء", "يوم الأربعاء"), resolved by tense.
    Weekday(TimeValue),
    /// A relative expression (أمس، العام الماضي، منذ ما يقرب من ربع قرن), resolved at the reference date.
    Relative(TimeValue),
    /// A time of day ("الساعة 10:30 صباحاً").
    Time(TimeValue),
    /// A length of time ("عشرين ساعة").
    Duration(DurationValue),
    /// A count or amount without unit.
    Number(NumberValue),
    /// An ordinal with the noun it modifies.
    Ordinal(OrdinalValue),
    /// An amount with a unit.
    Quantity(QuantityValue),
}

impl MentionValue {
    /// The contract's type name (`date`, `weekday`, …).
    pub fn type_name(&self) -> &'static str {
        match self {
            MentionValue::Date(_) => "date",
            MentionValue::Weekday(_) => "weekday",
            MentionValue::Relative(_) => "relative",
            MentionValue::Time(_) => "time",
            MentionValue::Duration(_) => "duration",
            MentionValue::Number(_) => "number",
            MentionValue::Ordinal(_) => "ordinal",
            MentionValue::Quantity(_) => "quantity",
        }
    }

    /// The time interval, for the four temporal types.
    pub fn time(&self) -> Option<&TimeValue> {
        match self {
            MentionValue::Date(t)
            | MentionValue::Weekday(t)
            | MentionValue::Relative(t)
            | MentionValue::Time(t) => Some(t),
            _ => None,
        }
    }
}

/// Granularity of a time value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Grain {
    /// A second.
    Second,
    /// A minute.
    Minute,
    /// An hour.
    Hour,
    /// A day.
    Day,
    /// A week (Monday to Sunday).
    Week,
    /// A month.
    Month,
    /// A year.
    Year,
    /// Ten years.
    Decade,
}

/// A time interval, end inclusive at its grain; unresolved values have no start or end.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeValue {
    /// First instant (at the grain).
    pub start: Option<NaiveDateTime>,
    /// Last instant, inclusive at the grain (a single day has start == end).
    pub end: Option<NaiveDateTime>,
    /// Granularity.
    pub grain: Grain,
    /// Why the value could not be resolved (e.g. `"no reference date"`).
    pub unresolved: Option<String>,
    /// The weekday named, when one was.
    pub weekday: Option<Weekday>,
    /// The month named (1–12), when one was.
    pub month: Option<u32>,
    /// `"hijri"` for values read from the Islamic calendar (their interval is widened by a day each side).
    pub calendar: Option<&'static str>,
    /// True for approximate values ("منذ ما يقرب من ربع قرن").
    pub approximate: bool,
}

impl TimeValue {
    /// A resolved interval of whole days `start..=end` at `grain`.
    pub fn days(start: NaiveDate, end: NaiveDate, grain: Grain) -> TimeValue {
        TimeValue {
            start: Some(start.and_hms_opt(0, 0, 0).expect("midnight exists")),
            end: Some(end.and_hms_opt(0, 0, 0).expect("midnight exists")),
            grain,
            unresolved: None,
            weekday: None,
            month: None,
            calendar: None,
            approximate: false,
        }
    }

    /// An unresolved value with the reason.
    pub fn unresolved(grain: Grain, reason: impl Into<String>) -> TimeValue {
        TimeValue {
            start: None,
            end: None,
            grain,
            unresolved: Some(reason.into()),
            weekday: None,
            month: None,
            calendar: None,
            approximate: false,
        }
    }

    /// The days covered, inclusive, when resolved.
    pub fn day_range(&self) -> Option<(NaiveDate, NaiveDate)> {
        Some((self.start?.date(), self.end?.date()))
    }

    /// True when both are resolved and their day ranges share at least one day.
    pub fn overlaps(&self, other: &TimeValue) -> bool {
        match (self.day_range(), other.day_range()) {
            (Some((a0, a1)), Some((b0, b1))) => a0 <= b1 && b0 <= a1,
            _ => false,
        }
    }

    /// True when both are resolved and their day ranges cannot overlap.
    pub fn disjoint(&self, other: &TimeValue) -> bool {
        self.day_range().is_some() && other.day_range().is_some() && !self.overlaps(other)
    }
}

impl Serialize for TimeValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let format = |t: &NaiveDateTime| match self.grain {
            Grain::Hour | Grain::Minute => t.format("%Y-%m-%dT%H:%M").to_string(),
            Grain::Second => t.format("%Y-%m-%dT%H:%M:%S").to_string(),
            _ => t.format("%Y-%m-%d").to_string(),
        };
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("start", &self.start.as_ref().map(format))?;
        map.serialize_entry("end", &self.end.as_ref().map(format))?;
        map.serialize_entry("grain", &self.grain)?;
        if let Some(reason) = &self.unresolved {
            map.serialize_entry("unresolved", reason)?;
        }
        if let Some(weekday) = self.weekday {
            map.serialize_entry("weekday", &weekday_name(weekday))?;
        }
        if let Some(month) = self.month {
            map.serialize_entry("month", &month)?;
        }
        if let Some(calendar) = self.calendar {
            map.serialize_entry("calendar", calendar)?;
        }
        if self.approximate {
            map.serialize_entry("approximate", &true)?;
        }
        map.end()
    }
}

/// English weekday name in lower case (`"tuesday"`), as used in JSON.
pub fn weekday_name(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "monday",
        Weekday::Tue => "tuesday",
        Weekday::Wed => "wednesday",
        Weekday::Thu => "thursday",
        Weekday::Fri => "friday",
        Weekday::Sat => "saturday",
        Weekday::Sun => "sunday",
    }
}

/// Unit of a duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DurationUnit {
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Months.
    Month,
    /// Years.
    Year,
}

impl DurationUnit {
    /// The unit a data file or the JSON contract names (`"hour"`, `"year"`, …).
    pub fn from_name(name: &str) -> Option<DurationUnit> {
        Some(match name {
            "second" => DurationUnit::Second,
            "minute" => DurationUnit::Minute,
            "hour" => DurationUnit::Hour,
            "day" => DurationUnit::Day,
            "week" => DurationUnit::Week,
            "month" => DurationUnit::Month,
            "year" => DurationUnit::Year,
            _ => return None,
        })
    }
}

/// A length of time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DurationValue {
    /// How many units (may be fractional: "ساعة ونصف" is 1.5 hours).
    pub amount: f64,
    /// The unit.
    pub unit: DurationUnit,
    /// How exact the amount is (e.g. approximate for "نحو عقد").
    #[serde(skip_serializing_if = "Qualifier::is_exact")]
    pub qualifier: Qualifier,
}

/// How a number relates to the true amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// Stated exactly.
    #[default]
    Exact,
    /// حوالي، نحو، قرابة، زهاء، ما يقرب من، تقريباً.
    Approx,
    /// ما لا يقل عن، على الأقل.
    AtLeast,
    /// أكثر من، ما يزيد على.
    MoreThan,
    /// لا تتجاوز، يصل إلى، حتى.
    AtMost,
    /// أقل من.
    LessThan,
    /// عدة، بضع، عشرات، مئات، آلاف.
    Vague,
    /// A range given by its ends ("بين 10 و20", "من 10 إلى 20", "10-20"): `value` is null.
    Range,
}

impl Qualifier {
    /// True for [`Qualifier::Exact`].
    pub fn is_exact(&self) -> bool {
        *self == Qualifier::Exact
    }
}

/// A number as an interval: `low..=high` (`high` is `None` when unbounded above).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NumberValue {
    /// The number as stated; `None` for vague amounts with no single value ("عشرات").
    pub value: Option<f64>,
    /// Lowest amount compatible with the text.
    pub low: f64,
    /// Highest amount compatible with the text; `None` when unbounded ("أكثر من 9000").
    pub high: Option<f64>,
    /// How the amount is qualified.
    pub qualifier: Qualifier,
}

impl NumberValue {
    /// An exact number.
    pub fn exact(value: f64) -> NumberValue {
        NumberValue {
            value: Some(value),
            low: value,
            high: Some(value),
            qualifier: Qualifier::Exact,
        }
    }

    /// True when the two intervals share at least one value.
    pub fn overlaps(&self, other: &NumberValue) -> bool {
        let below = |high: Option<f64>, low: f64| high.is_some_and(|h| h < low);
        !below(self.high, other.low) && !below(other.high, self.low)
    }
}

/// An ordinal ("الثانية", "أول", "للمرة الثالثة") and what it counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OrdinalValue {
    /// Position in the series (1 = first).
    pub value: u32,
    /// The folded noun it modifies ("زياره", "سياره"); `None` when none was found.
    pub noun: Option<String>,
    /// Span of that noun.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub noun_span: Option<Span>,
    /// A limiting qualifier ("منذ ما يقرب من ربع قرن"), or `None` (boxed: most ordinals have none,
    /// and every mention is as large as its largest kind).
    pub qualifier: Option<Box<OrdinalQualifier>>,
}

/// A window that limits what an ordinal counts ("the first in nearly a quarter century").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OrdinalQualifier {
    /// Original text of the qualifier.
    pub text: String,
    /// Its span.
    pub span: Span,
    /// The window's length, when it states one (≈25 years for "ربع قرن").
    pub within: Option<DurationValue>,
}

/// An amount with a unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuantityValue {
    /// The amount as an interval.
    #[serde(flatten)]
    pub amount: NumberValue,
    /// Normalized unit code (`km/h`, `km`, `hour`, `year_of_age`, `percent`, `USD`, `EUR`, `RUB`, `richter`, …).
    pub unit: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every mention is as large as its largest kind: an ordinal's window, which few have, is
    /// held out of line (a long article holds a hundred thousand mentions, issue #17) and
    /// written as before.
    #[test]
    fn an_ordinals_window_is_held_out_of_line_and_written_in_place() {
        assert!(
            std::mem::size_of::<Mention>() <= 120,
            "{}",
            std::mem::size_of::<Mention>()
        );
        let ordinal = Mention {
            span: Span::new(0, 6),
            text: "الأولى".into(),
            value: MentionValue::Ordinal(OrdinalValue {
                value: 1,
                noun: None,
                noun_span: None,
                qualifier: Some(Box::new(OrdinalQualifier {
                    text: "منذ عقد".into(),
                    span: Span::new(7, 14),
                    within: None,
                })),
            }),
        };
        assert_eq!(
            serde_json::to_string(&ordinal).unwrap(),
            r#"{"span":[0,6],"text":"الأولى","type":"ordinal","value":{"value":1,"noun":null,"qualifier":{"text":"منذ عقد","span":[7,14],"within":null}}}"#
        );
    }
}
