//! Relative time resolved against the article's own date, on sentences written for these tests:
//! parts of yesterday and today, last night, last week, the start of the month, the current year,
//! weekdays with الماضي/المقبل, and a bare weekday or day and month by the tense of its clause.

use crate::mentions::{Lean, MentionContext, MentionValue, extract_mentions};
use chrono::NaiveDate;
use isnad_parser::Span;

/// Every time mention of `text` at `reference` as "words = start..end".
fn resolved(text: &str, reference: Option<&str>) -> Vec<String> {
    let reference = reference.map(|r| NaiveDate::parse_from_str(r, "%Y-%m-%d").expect("date"));
    let context = MentionContext {
        reference,
        lean: Lean::Tense,
    };
    extract_mentions(text, Span::new(0, text.len()), &context)
        .into_iter()
        .filter_map(|m| {
            let t = m.value.time()?;
            if matches!(m.value, MentionValue::Duration(_)) {
                return None;
            }
            let day = |d: Option<chrono::NaiveDateTime>| d.map_or("?".to_string(), |d| d.date().to_string());
            Some(match &t.unresolved {
                Some(_) => format!("{} = unresolved", m.text),
                None => format!("{} = {}..{}", m.text, day(t.start), day(t.end)),
            })
        })
        .collect()
}

fn check(reference: &str, text: &str, expected: &[&str]) {
    assert_eq!(
        resolved(text, Some(reference)),
        expected,
        "in {text:?} at {reference}"
    );
}

// 28 May 2025 was a Wednesday.
const WED: &str = "2025-05-28";

#[test]
fn parts_of_yesterday_and_today() {
    // The evening of yesterday is the day before, not the article's day.
    check(
        WED,
        "وصل الوفد مساء أمس إلى الميناء.",
        &["مساء أمس = 2025-05-27..2025-05-27"],
    );
    check(
        WED,
        "وقعت الهزة صباح أمس الثلاثاء.",
        &["صباح أمس الثلاثاء = 2025-05-27..2025-05-27"],
    );
    check(
        WED,
        "انهار المبنى فجر اليوم.",
        &["فجر اليوم = 2025-05-28..2025-05-28"],
    );
    check(
        WED,
        "اندلع الحريق ليلة أمس في السوق.",
        &["ليلة أمس = 2025-05-27..2025-05-27"],
    );
    check(WED, "وصل الوزير أول أمس.", &["أول أمس = 2025-05-26..2025-05-26"]);
}

#[test]
fn last_night_is_the_night_before() {
    check(
        WED,
        "سمع السكان دوي انفجارات الليلة الماضية.",
        &["الليلة الماضية = 2025-05-27..2025-05-27"],
    );
    // Without الماضية, "الليلة" is tonight.
    check(
        WED,
        "تبث القناة المقابلة الليلة.",
        &["الليلة = 2025-05-28..2025-05-28"],
    );
}

#[test]
fn periods_relative_to_the_article() {
    check(
        WED,
        "زار الوفد المصنع الأسبوع الماضي.",
        &["الأسبوع الماضي = 2025-05-19..2025-05-25"],
    );
    check(
        WED,
        "افتُتح الجسر مطلع الشهر.",
        &["مطلع الشهر = 2025-05-01..2025-05-10"],
    );
    check(
        WED,
        "افتُتح الجسر مطلع الشهر الجاري.",
        &["مطلع الشهر الجاري = 2025-05-01..2025-05-10"],
    );
    check(
        WED,
        "ارتفعت الصادرات خلال العام الجاري.",
        &["العام الجاري = 2025-01-01..2025-12-31"],
    );
    check(
        WED,
        "تراجعت الأسعار الشهر الماضي.",
        &["الشهر الماضي = 2025-04-01..2025-04-30"],
    );
}

#[test]
fn weekdays_with_past_and_next() {
    check(
        WED,
        "اجتمع المجلس يوم الجمعة الماضي.",
        &["يوم الجمعة الماضي = 2025-05-23..2025-05-23"],
    );
    check(
        WED,
        "يجتمع المجلس يوم الجمعة المقبل.",
        &["يوم الجمعة المقبل = 2025-05-30..2025-05-30"],
    );
    check(
        WED,
        "عاد الوفد الخميس الماضي.",
        &["الخميس الماضي = 2025-05-22..2025-05-22"],
    );
}

#[test]
fn a_bare_weekday_follows_the_tense_of_its_clause() {
    // A future verb, feminine or with a two-letter stem, and "يُتوقع": the coming one.
    check(
        WED,
        "ستصل الطائرة يوم الجمعة.",
        &["يوم الجمعة = 2025-05-30..2025-05-30"],
    );
    check(
        WED,
        "سيزور الوزير المدينة يوم الجمعة.",
        &["يوم الجمعة = 2025-05-30..2025-05-30"],
    );
    check(
        WED,
        "يُتوقع أن يصل الوفد يوم الاثنين.",
        &["يوم الاثنين = 2025-06-02..2025-06-02"],
    );
    // A past verb: the previous one.
    check(
        WED,
        "وصلت الطائرة يوم الجمعة.",
        &["يوم الجمعة = 2025-05-23..2025-05-23"],
    );
    check(
        WED,
        "قال الوزير يوم الخميس إن الطريق جاهز.",
        &["يوم الخميس = 2025-05-22..2025-05-22"],
    );
    // A present verb: the nearest (Thursday is tomorrow, Monday was two days ago).
    check(
        WED,
        "يجتمع المجلس يوم الخميس لمناقشة الخطة.",
        &["يوم الخميس = 2025-05-29..2025-05-29"],
    );
    check(
        WED,
        "يعرض المتحف القطع النادرة يوم الاثنين.",
        &["يوم الاثنين = 2025-05-26..2025-05-26"],
    );
    // "سابقاً" and "ساحة" are not future verbs.
    check(
        WED,
        "قال سابقاً إنه زار الساحة يوم الاثنين.",
        &["يوم الاثنين = 2025-05-26..2025-05-26"],
    );
}

#[test]
fn a_day_and_month_without_a_year_follow_the_tense_or_are_the_nearest() {
    // No cue: written on 17 June, "18 and 19 June" is this June, not last year's.
    check(
        "2025-06-17",
        "تنظم الدورة يومي 18 و19 يونيو.",
        &["يومي 18 و19 يونيو = 2025-06-18..2025-06-19"],
    );
    check(
        WED,
        "الدورة يومي 18 و19 يونيو في قاعة البلدية.",
        &["يومي 18 و19 يونيو = 2025-06-18..2025-06-19"],
    );
    // A past marker: the previous one.
    check(
        WED,
        "كانت الدورة قد انطلقت يومي 18 و19 يونيو.",
        &["يومي 18 و19 يونيو = 2024-06-18..2024-06-19"],
    );
    // A future marker: the next one, even when the date is months away.
    check(
        WED,
        "ستنطلق الدورة في 3 مارس.",
        &["في 3 مارس = 2026-03-03..2026-03-03"],
    );
    // The nearest in the other direction: 3 May is 25 days back, next May 340 days ahead.
    check(
        WED,
        "الدورة في 3 مايو في قاعة البلدية.",
        &["في 3 مايو = 2025-05-03..2025-05-03"],
    );
}

#[test]
fn an_article_without_a_date_resolves_nothing() {
    let text = "وصل الوفد مساء أمس، ويجتمع المجلس يوم الخميس الماضي في 3 مايو.";
    let got = resolved(text, None);
    assert!(!got.is_empty());
    assert!(got.iter().all(|m| m.ends_with("= unresolved")), "{got:?}");
}
