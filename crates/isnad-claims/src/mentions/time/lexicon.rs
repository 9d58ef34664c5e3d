//! The time finder's word table: `data/time.toml` plus the month and weekday names of
//! isnad-parser's calendar, folded and indexed by first word.

use crate::mentions::words::KeySketch;
use crate::mentions::{DurationUnit, Qualifier};
use chrono::Weekday;
use isnad_parser::calendar::{Calendar, MonthName, calendar_names};
use isnad_parser::fold_key;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// How many of a unit a noun form names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Count {
    One,
    Two,
    Many,
}

/// How a part of the day reads an hour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Period {
    Am,
    Pm,
    Noon,
    Night,
}

/// A unit of time as written: the contract's unit times a factor (a decade is 10 years).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct UnitDef {
    pub unit: DurationUnit,
    pub factor: f64,
    pub bare_is_one: bool,
}

/// One meaning of a word or phrase.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum K {
    Month(MonthName, bool),
    Weekday(Weekday, bool),
    RelDay(i32),
    RelDayFiller,
    Now,
    Unit(UnitDef, Count, bool),
    DayDual,
    YearDual,
    Frac(f64),
    Shift(i32),
    This,
    PeriodNoun(PeriodUnit),
    Earlier,
    Later,
    MonthPart(u32, u32),
    Last,
    YearLead,
    MonthLead,
    FirstDay,
    Of,
    InMonth,
    Corresponding,
    HijriEra,
    GregorianEra,
    RangeFrom,
    RangeTo,
    RangeAnd,
    Leading,
    Ago,
    After,
    Within,
    NotBeforeAgo,
    Qual(Qualifier),
    Clock,
    MinuteWord,
    Minus,
    ZoneLead,
    ZoneWord,
    Part(Period),
    DaySpan(u32, u32),
    DayPartLead,
    Future,
    /// A word putting its clause in the past ("كان"): a bare weekday after it is the previous one.
    Past,
    MonthPrep,
    Holiday(usize),
}

/// A period named by a definite noun ("الأسبوع الماضي").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PeriodUnit {
    Day,
    Week,
    Month,
    Year,
    Decade,
}

/// A holiday's rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum HolidayRule {
    Gregorian(u32, u32),
    Hijri(u32, u32),
    Easter,
}

/// An entry: the words after the first one, and the meaning.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    pub rest: Vec<String>,
    pub kind: K,
}

/// The folded table.
pub(super) struct Lexicon {
    /// First folded word → entries starting with it (longest first).
    /// Also holds words with a proclitic, so a token costs one probe instead of one per proclitic.
    pub index: FxHashMap<String, Slot>,
    /// The sketch of the index keys: most words are in no entry.
    pub index_sketch: KeySketch,
    pub proclitics: Vec<String>,
    pub holidays: Vec<HolidayRule>,
    pub future_prefix: Vec<String>,
    pub imperfect_letters: Vec<char>,
    /// Imperfect letters that may take a stem of two letters after the future س ("ستصل").
    pub short_stem_letters: Vec<char>,
    pub not_future_verbs: FxHashSet<String>,
    /// The prefix of a present-tense verb ("يصل").
    pub present_prefix: String,
    /// Nouns and names shaped like a present-tense verb ("يوسف", "يورو").
    pub not_present_words: FxHashSet<String>,
    pub not_future_endings: Vec<String>,
    /// Words right after a date that make it the next such date.
    pub future_after: FxHashSet<String>,
    /// "One" after a singular unit ("يوم واحد").
    pub one_after_unit: FxHashSet<String>,
}

/// What a folded word may read as.
#[derive(Debug, Default)]
pub(super) struct Slot {
    /// Entries starting with the word itself (longest first).
    pub entries: Vec<Entry>,
    /// Index keys the word reads as after stripping a proclitic, in proclitic order (longest
    /// first); tried only when no entry of the word itself fits.
    pub clitic: Vec<CliticKey>,
}

/// An index key reached by stripping a proclitic from a word.
#[derive(Debug)]
pub(super) struct CliticKey {
    /// Letters of the original word before the part the key reads.
    pub skip_letters: usize,
    /// The entries of that key in [`Lexicon::index`], copied so that a word costs one probe.
    pub entries: Vec<Entry>,
}

#[derive(Deserialize)]
struct Data {
    relative_day: HashMap<String, i32>,
    relative_day_fillers: Vec<String>,
    now: Vec<String>,
    unit: Vec<UnitData>,
    day_dual: Vec<String>,
    year_dual: Vec<String>,
    fraction: HashMap<String, f64>,
    shift: HashMap<String, i32>,
    this: Vec<String>,
    period: HashMap<String, String>,
    earlier: Vec<String>,
    later: Vec<String>,
    month_part: Vec<MonthPartData>,
    last: Vec<String>,
    year_lead: Vec<String>,
    month_lead: Vec<String>,
    first_day: Vec<String>,
    of: Vec<String>,
    in_month: Vec<String>,
    not_future_endings: Vec<String>,
    corresponding: Vec<String>,
    hijri_era: Vec<String>,
    gregorian_era: Vec<String>,
    range_from: Vec<String>,
    range_to: Vec<String>,
    range_and: Vec<String>,
    leading: Vec<String>,
    ago: Vec<String>,
    after: Vec<String>,
    within: Vec<String>,
    not_before_ago: Vec<String>,
    qualifier: QualifierData,
    clock: Vec<String>,
    minute_words: Vec<String>,
    minus: Vec<String>,
    zone_lead: Vec<String>,
    zone_words: Vec<String>,
    part_of_day: Vec<PartData>,
    day_span: Vec<DaySpanData>,
    day_part_lead: Vec<String>,
    future_markers: Vec<String>,
    future_after: Vec<String>,
    future_prefix: Vec<String>,
    imperfect_letters: Vec<String>,
    short_stem_letters: Vec<String>,
    not_future_verbs: Vec<String>,
    past_markers: Vec<String>,
    present_prefix: String,
    not_present_words: Vec<String>,
    ambiguous_months: Vec<String>,
    month_preps: Vec<String>,
    proclitics: Vec<String>,
    not_clitic_forms: Vec<String>,
    one_after_unit: Vec<String>,
    holiday: Vec<HolidayData>,
}

#[derive(Deserialize)]
struct UnitData {
    unit: String,
    #[serde(default = "one")]
    factor: f64,
    singular: Vec<String>,
    dual: Vec<String>,
    plural: Vec<String>,
    #[serde(default)]
    bare_is_one: bool,
}

fn one() -> f64 {
    1.0
}

#[derive(Deserialize)]
struct MonthPartData {
    words: Vec<String>,
    first: u32,
    last: u32,
}

#[derive(Deserialize)]
struct QualifierData {
    approx: Vec<String>,
    more_than: Vec<String>,
    less_than: Vec<String>,
    at_least: Vec<String>,
    at_most: Vec<String>,
}

#[derive(Deserialize)]
struct PartData {
    period: String,
    words: Vec<String>,
}

#[derive(Deserialize)]
struct DaySpanData {
    words: Vec<String>,
    first: u32,
    last: u32,
}

#[derive(Deserialize)]
struct HolidayData {
    names: Vec<String>,
    calendar: String,
    #[serde(default)]
    month: u32,
    #[serde(default)]
    day: u32,
}

fn unit_of(name: &str) -> DurationUnit {
    // A misspelt unit in the data is a build defect, not a year.
    DurationUnit::from_name(name).unwrap_or_else(|| panic!("data/time.toml: unknown duration unit {name}"))
}

/// The shared table, parsed once.
pub(super) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(build)
}

fn build() -> Lexicon {
    let data: Data =
        toml::from_str(include_str!("../../../data/time.toml")).expect("data/time.toml is valid");
    let mut lex = Lexicon {
        index: HashMap::default(),
        index_sketch: KeySketch::of([]),
        proclitics: data.proclitics.iter().map(|p| fold_key(p)).collect(),
        holidays: Vec::new(),
        future_prefix: data.future_prefix.iter().map(|p| fold_key(p)).collect(),
        imperfect_letters: data
            .imperfect_letters
            .iter()
            .filter_map(|l| fold_key(l).chars().next())
            .collect(),
        short_stem_letters: data
            .short_stem_letters
            .iter()
            .filter_map(|l| fold_key(l).chars().next())
            .collect(),
        not_future_verbs: data.not_future_verbs.iter().map(|w| fold_key(w)).collect(),
        present_prefix: fold_key(&data.present_prefix),
        not_present_words: data.not_present_words.iter().map(|w| fold_key(w)).collect(),
        not_future_endings: data.not_future_endings.iter().map(|w| fold_key(w)).collect(),
        future_after: data.future_after.iter().map(|w| fold_key(w)).collect(),
        one_after_unit: data.one_after_unit.iter().map(|w| fold_key(w)).collect(),
    };
    // Longest proclitic first, so "وب" is tried before "و".
    lex.proclitics
        .sort_by_key(|p| std::cmp::Reverse(p.chars().count()));
    let ambiguous: HashSet<String> = data.ambiguous_months.iter().map(|w| fold_key(w)).collect();
    for (key, meaning) in calendar_names().months() {
        lex.add(key, K::Month(meaning, ambiguous.contains(key)));
        // Hijri names are also written with the article ("المحرم", "الرمضان" is rare but "ذي" forms exist).
        if meaning.calendar == Calendar::Hijri && !key.starts_with("ال") && !key.contains(' ') {
            lex.add(&format!("ال{key}"), K::Month(meaning, ambiguous.contains(key)));
        }
    }
    for (key, weekday) in calendar_names().weekdays() {
        lex.add(key, K::Weekday(weekday, key.starts_with("ال")));
    }
    for (word, offset) in &data.relative_day {
        lex.add(word, K::RelDay(*offset));
    }
    lex.add_all(&data.relative_day_fillers, K::RelDayFiller);
    lex.add_all(&data.now, K::Now);
    for unit in &data.unit {
        let def = UnitDef {
            unit: unit_of(&unit.unit),
            factor: unit.factor,
            bare_is_one: unit.bare_is_one,
        };
        for (forms, count) in [
            (&unit.singular, Count::One),
            (&unit.dual, Count::Two),
            (&unit.plural, Count::Many),
        ] {
            for form in forms {
                let key = fold_key(form);
                lex.add(&key, K::Unit(def, count, false));
                lex.add(&format!("ال{key}"), K::Unit(def, count, true));
                // Accusative singular after 11..99 ("12 عاماً"): the tanween alef.
                if count == Count::One && !key.ends_with('ه') {
                    lex.add(&format!("{key}ا"), K::Unit(def, count, false));
                }
            }
        }
    }
    lex.add_all(&data.day_dual, K::DayDual);
    lex.add_all(&data.year_dual, K::YearDual);
    for (word, value) in &data.fraction {
        lex.add(word, K::Frac(*value));
    }
    for (word, value) in &data.shift {
        lex.add(word, K::Shift(*value));
    }
    lex.add_all(&data.this, K::This);
    for (word, unit) in &data.period {
        let unit = match unit.as_str() {
            "day" => PeriodUnit::Day,
            "week" => PeriodUnit::Week,
            "month" => PeriodUnit::Month,
            "decade" => PeriodUnit::Decade,
            _ => PeriodUnit::Year,
        };
        lex.add(word, K::PeriodNoun(unit));
    }
    lex.add_all(&data.earlier, K::Earlier);
    lex.add_all(&data.later, K::Later);
    for part in &data.month_part {
        lex.add_all(&part.words, K::MonthPart(part.first, part.last));
    }
    lex.add_all(&data.last, K::Last);
    lex.add_all(&data.year_lead, K::YearLead);
    lex.add_all(&data.month_lead, K::MonthLead);
    lex.add_all(&data.first_day, K::FirstDay);
    lex.add_all(&data.of, K::Of);
    lex.add_all(&data.in_month, K::InMonth);
    lex.add_all(&data.corresponding, K::Corresponding);
    lex.add_all(&data.hijri_era, K::HijriEra);
    lex.add_all(&data.gregorian_era, K::GregorianEra);
    lex.add_all(&data.range_from, K::RangeFrom);
    lex.add_all(&data.range_to, K::RangeTo);
    lex.add_all(&data.range_and, K::RangeAnd);
    lex.add_all(&data.leading, K::Leading);
    lex.add_all(&data.ago, K::Ago);
    lex.add_all(&data.after, K::After);
    lex.add_all(&data.within, K::Within);
    lex.add_all(&data.not_before_ago, K::NotBeforeAgo);
    let q = &data.qualifier;
    for (words, qualifier) in [
        (&q.approx, Qualifier::Approx),
        (&q.more_than, Qualifier::MoreThan),
        (&q.less_than, Qualifier::LessThan),
        (&q.at_least, Qualifier::AtLeast),
        (&q.at_most, Qualifier::AtMost),
    ] {
        lex.add_all(words, K::Qual(qualifier));
    }
    lex.add_all(&data.clock, K::Clock);
    lex.add_all(&data.minute_words, K::MinuteWord);
    lex.add_all(&data.minus, K::Minus);
    lex.add_all(&data.zone_lead, K::ZoneLead);
    lex.add_all(&data.zone_words, K::ZoneWord);
    for part in &data.part_of_day {
        let period = match part.period.as_str() {
            "am" => Period::Am,
            "noon" => Period::Noon,
            "night" => Period::Night,
            _ => Period::Pm,
        };
        lex.add_all(&part.words, K::Part(period));
    }
    for span in &data.day_span {
        lex.add_all(&span.words, K::DaySpan(span.first, span.last));
    }
    lex.add_all(&data.day_part_lead, K::DayPartLead);
    lex.add_all(&data.future_markers, K::Future);
    lex.add_all(&data.past_markers, K::Past);
    lex.add_all(&data.month_preps, K::MonthPrep);
    for holiday in &data.holiday {
        let rule = match holiday.calendar.as_str() {
            "hijri" => HolidayRule::Hijri(holiday.month, holiday.day),
            "easter" => HolidayRule::Easter,
            _ => HolidayRule::Gregorian(holiday.month, holiday.day),
        };
        let id = lex.holidays.len();
        lex.holidays.push(rule);
        lex.add_all(&holiday.names, K::Holiday(id));
    }
    for Slot { entries, .. } in lex.index.values_mut() {
        entries.sort_by_key(|e| std::cmp::Reverse(e.rest.len()));
    }
    // Proclitic forms, proclitics outer so each word's list keeps the proclitic order.
    let words: Vec<(String, Vec<Entry>)> = (lex.index.iter())
        .map(|(key, slot)| (key.clone(), slot.entries.clone()))
        .collect();
    let whole_words: Vec<String> = data.not_clitic_forms.iter().map(|w| fold_key(w)).collect();
    for p in &lex.proclitics {
        let p_letters = p.chars().count();
        let keeps_article = keeps_article(p);
        for (key, entries) in &words {
            let (rest, skip_letters) = if keeps_article {
                let Some(rest) = key.strip_prefix("ال") else {
                    continue;
                };
                (rest, p_letters - if p.ends_with("لل") { 1 } else { 2 })
            } else {
                (key.as_str(), p_letters)
            };
            // A stripped word is read only when a stem remains (two letters, or one after a kept
            // article).
            if rest.chars().nth(if keeps_article { 0 } else { 1 }).is_none() {
                continue;
            }
            let form = format!("{p}{rest}");
            if whole_words.contains(&form) {
                continue;
            }
            lex.index.entry(form).or_default().clitic.push(CliticKey {
                skip_letters,
                entries: entries.clone(),
            });
        }
    }
    lex.index_sketch = KeySketch::of(lex.index.keys().map(String::as_str));
    lex
}

/// True for a proclitic that ends in the article, kept on the word it leaves ("وال", "لل").
pub(super) fn keeps_article(p: &str) -> bool {
    p.ends_with("لل") || (p.ends_with("ال") && p.chars().count() > 2)
}

impl Lexicon {
    fn add(&mut self, phrase: &str, kind: K) {
        let key = fold_key(phrase);
        let mut words = key.split_whitespace().map(str::to_string);
        let Some(first) = words.next() else { return };
        let rest: Vec<String> = words.collect();
        let entries = &mut self.index.entry(first).or_default().entries;
        if !entries.iter().any(|e| e.rest == rest && e.kind == kind) {
            entries.push(Entry { rest, kind });
        }
    }

    fn add_all(&mut self, phrases: &[String], kind: K) {
        for phrase in phrases {
            self.add(phrase, kind);
        }
    }
}
