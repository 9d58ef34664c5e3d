//! Conformance of the time finder with Duckling's Arabic time and duration corpora
//! (vendored in `tests/conformance/duckling-ar/`, or `ISNAD_DUCKLING_DIR`).
//!
//! Every row is read the way `isnad mentions --text … --reference-date 2013-02-12 --lean future`
//! reads it: one mention must cover the whole text and its value must match Duckling's.
//!
//! How Duckling's values map onto ours:
//! - Duckling reports an *instant* as the start of one period of its grain; ours is the whole
//!   period, end inclusive at the grain. So a `day` instant at S is our start == end == S; `week`,
//!   `month`, `year` instants are S .. S + period − 1 day; `hour`/`minute`/`second` instants are
//!   start == end == S (date and clock time).
//! - Duckling's *interval* end is exclusive; ours is inclusive at the grain: the day before for
//!   day, week, month and year grains, one hour/minute/second before for clock grains.
//! - Grains must agree, except that for an interval ours may be coarser than Duckling's (the grain
//!   of its endpoints) when the endpoints agree: "رمضان 2019" is a month, Duckling's days. Offsets are dropped: the reference has no time zone in isnad.
//! - Values we mark `calendar: "hijri"` are widened by a day each side (moon sighting differs by
//!   country), so their start and end may each differ from Duckling's by one day.
//! - Any of our temporal types (date, weekday, relative, time) may carry the value.
//!
//! Rows where Duckling's reading is wrong for news are listed with a reason in
//! `tests/conformance/time-divergences.toml` and `duration-divergences.toml`; a listed row
//! without a reason counts as a failure.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use isnad_claims::mentions::{Grain, Mention, MentionValue};
use isnad_parser::Span;

mod common;
use common::{divergences, mentions, rows};

/// The mention covering the whole text (surrounding spaces aside), or why there is none.
fn whole(text: &str, want: impl Fn(&MentionValue) -> bool) -> Result<Mention, String> {
    let trimmed = Span::new(text.len() - text.trim_start().len(), text.trim_end().len());
    let found: Vec<Mention> = mentions(text).into_iter().filter(|m| want(&m.value)).collect();
    found
        .iter()
        .find(|m| m.span.contains(trimmed))
        .cloned()
        .ok_or_else(|| {
            format!(
                "no full-span mention; got {:?}",
                found
                    .iter()
                    .map(|m| (&m.text, m.value.type_name()))
                    .collect::<Vec<_>>()
            )
        })
}

fn grain_of(name: &str) -> Option<Grain> {
    Some(match name {
        "second" => Grain::Second,
        "minute" => Grain::Minute,
        "hour" => Grain::Hour,
        "day" => Grain::Day,
        "week" => Grain::Week,
        "month" => Grain::Month,
        "year" => Grain::Year,
        _ => return None,
    })
}

/// Local date-time of `2013-02-19T00:00:00-02:00` (the offset dropped).
fn local(stamp: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(stamp.get(..19)?, "%Y-%m-%dT%H:%M:%S").ok()
}

/// The last instant of the period of `grain` starting at `start`, at that grain.
fn period_end(start: NaiveDateTime, grain: Grain) -> NaiveDateTime {
    let date = start.date();
    let midnight = |d: NaiveDate| d.and_hms_opt(0, 0, 0).unwrap();
    match grain {
        Grain::Second | Grain::Minute | Grain::Hour | Grain::Day => start,
        Grain::Week => start + Duration::days(6),
        Grain::Month => midnight(
            date.checked_add_months(chrono::Months::new(1))
                .unwrap()
                .pred_opt()
                .unwrap(),
        ),
        Grain::Year | Grain::Decade => midnight(NaiveDate::from_ymd_opt(date.year(), 12, 31).unwrap()),
    }
}

use chrono::Datelike;

/// The inclusive end of an exclusive interval end at `grain`.
fn inclusive_end(end: NaiveDateTime, grain: Grain) -> NaiveDateTime {
    match grain {
        Grain::Second => end - Duration::seconds(1),
        Grain::Minute => end - Duration::minutes(1),
        Grain::Hour => end - Duration::hours(1),
        _ => end - Duration::days(1),
    }
}

fn check_time(row: &[String]) -> Result<(), String> {
    let field = |n: usize| row.get(n).map(String::as_str).unwrap_or("");
    let (text, kind, start, end, grain) = (field(0), field(1), field(2), field(3), field(4));
    let grain = grain_of(grain).ok_or("unknown grain")?;
    let start = local(start).ok_or("bad start")?;
    let expected_end = if kind == "interval" {
        inclusive_end(local(end).ok_or("bad end")?, grain)
    } else {
        period_end(start, grain)
    };
    let mention = whole(text, |v| v.time().is_some())?;
    let got = mention.value.time().ok_or("not temporal")?;
    let (Some(s), Some(e)) = (got.start, got.end) else {
        return Err(format!("unresolved: {:?}", got.unresolved));
    };
    let within = |a: NaiveDateTime, b: NaiveDateTime| {
        if got.calendar == Some("hijri") {
            (a - b).num_days().abs() <= 1
        } else {
            a == b
        }
    };
    // An interval's grain is that of its endpoints; ours may be coarser when it names the whole
    // period ("رمضان 2019" is a month of days).
    let grain_ok = got.grain == grain || (kind == "interval" && got.grain > grain);
    if !grain_ok || !within(s, start) || !within(e, expected_end) {
        return Err(format!(
            "got {} {s}..{e} {:?}, want {start}..{expected_end} {grain:?}",
            mention.value.type_name(),
            got.grain
        ));
    }
    Ok(())
}

fn check_duration(row: &[String]) -> Result<(), String> {
    let field = |n: usize| row.get(n).map(String::as_str).unwrap_or("");
    let (text, value, unit) = (field(0), field(1), field(2));
    let value: f64 = value.parse().map_err(|_| "bad value")?;
    let mention = whole(text, |v| matches!(v, MentionValue::Duration(_)))?;
    let MentionValue::Duration(d) = &mention.value else {
        unreachable!()
    };
    let got_unit = serde_json::to_value(d.unit).map_err(|e| e.to_string())?;
    if (d.amount - value).abs() > 1e-9 || got_unit != unit {
        return Err(format!("got {} {got_unit}, want {value} {unit}", d.amount));
    }
    Ok(())
}

/// Runs one corpus file; returns (rate counting justified divergences, report).
fn run(file: &str, divergence_file: &str, check: fn(&[String]) -> Result<(), String>) -> f64 {
    let rows = rows(file);
    let listed = divergences(divergence_file);
    let (mut pass, mut diverged, mut failures) = (0, 0, Vec::new());
    for row in &rows {
        let text = row[0].as_str();
        let result = check(row);
        match (result, listed.get(text)) {
            (Ok(()), Some(_)) => {
                pass += 1;
                println!("note: listed divergence now passes, remove it: {text}");
            }
            (Ok(()), None) => pass += 1,
            (Err(_), Some(reason)) if !reason.trim().is_empty() => diverged += 1,
            (Err(why), Some(_)) => {
                failures.push(format!("{text}: {why} (divergence listed without a reason)"))
            }
            (Err(why), None) => failures.push(format!("{text}: {why}")),
        }
    }
    let total = rows.len().max(1) as f64;
    let rate = (pass + diverged) as f64 / total;
    println!(
        "{file}: {pass} pass, {diverged} justified divergences, {} failures of {} rows: {:.1}% ({:.1}% strict)",
        failures.len(),
        rows.len(),
        100.0 * rate,
        100.0 * pass as f64 / total
    );
    for failure in failures.iter().take(30) {
        println!("  FAIL {failure}");
    }
    rate
}

#[test]
fn duckling_time_corpus() {
    let rate = run("time.tsv", "time-divergences.toml", check_time);
    assert!(rate >= 0.85, "time conformance {:.1}% is below 85%", 100.0 * rate);
}

#[test]
fn duckling_duration_corpus() {
    let rate = run("duration.tsv", "duration-divergences.toml", check_duration);
    assert!(
        rate >= 0.90,
        "duration conformance {:.1}% is below 90%",
        100.0 * rate
    );
}

#[test]
fn duckling_negatives_yield_no_time() {
    let mut bad = Vec::new();
    for row in rows("negative.tsv") {
        if !matches!(row.get(1).map(String::as_str), Some("time" | "quantity")) {
            continue;
        }
        let found: Vec<String> = mentions(&row[0])
            .into_iter()
            .filter(|m| m.value.time().is_some() || matches!(m.value, MentionValue::Duration(_)))
            .map(|m| m.text.into_string())
            .collect();
        if !found.is_empty() {
            bad.push(format!("{}: {found:?}", row[0]));
        }
    }
    assert!(bad.is_empty(), "temporal mentions in negatives: {bad:#?}");
}
