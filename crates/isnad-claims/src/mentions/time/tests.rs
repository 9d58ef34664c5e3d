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

// 11 March 2026 is a Wednesday.
const WED: &str = "2026-03-11";

#[test]
fn parts_of_yesterday_and_today() {
    // The evening of yesterday is the day before, not the article's day.
    check(
        WED,
        "وصل الوفد مساء أمس إلى الميناء.",
        &["مساء أمس = 2026-03-10..2026-03-10"],
    );
    check(
        WED,
        "وقعت الهزة صباح أمس الثلاثاء.",
        &["صباح أمس الثلاثاء = 2026-03-10..2026-03-10"],
    );
    check(
        WED,
        "انهار المبنى فجر اليوم.",
        &["فجر اليوم = 2026-03-11..2026-03-11"],
    );
    check(
        WED,
        "اندلع الحريق ليلة أمس في السوق.",
        &["ليلة أمس = 2026-03-10..2026-03-10"],
    );
    check(WED, "وصل الوزير أول أمس.", &["أول أمس = 2026-03-09..2026-03-09"]);
}

#[test]
fn last_night_is_the_night_before() {
    check(
        WED,
        "سمع السكان دوي انفجارات الليلة الماضية.",
        &["الليلة الماضية = 2026-03-10..2026-03-10"],
    );
    // Without الماضية, "الليلة" is tonight.
    check(
        WED,
        "تبث القناة المقابلة الليلة.",
        &["الليلة = 2026-03-11..2026-03-11"],
    );
}

#[test]
fn periods_relative_to_the_article() {
    check(
        WED,
        "زار الوفد المصنع الأسبوع الماضي.",
        &["الأسبوع الماضي = 2026-03-02..2026-03-08"],
    );
    check(
        WED,
        "افتُتح الجسر مطلع الشهر.",
        &["مطلع الشهر = 2026-03-01..2026-03-10"],
    );
    check(
        WED,
        "افتُتح الجسر مطلع الشهر الجاري.",
        &["مطلع الشهر الجاري = 2026-03-01..2026-03-10"],
    );
    check(
        WED,
        "ارتفعت الصادرات خلال العام الجاري.",
        &["العام الجاري = 2026-01-01..2026-12-31"],
    );
    check(
        WED,
        "تراجعت الأسعار الشهر الماضي.",
        &["الشهر الماضي = 2026-02-01..2026-02-28"],
    );
}

#[test]
fn weekdays_with_past_and_next() {
    check(
        WED,
        "اجتمع المجلس يوم الجمعة الماضي.",
        &["يوم الجمعة الماضي = 2026-03-06..2026-03-06"],
    );
    check(
        WED,
        "يجتمع المجلس يوم الجمعة المقبل.",
        &["يوم الجمعة المقبل = 2026-03-13..2026-03-13"],
    );
    check(
        WED,
        "عاد الوفد الخميس الماضي.",
        &["الخميس الماضي = 2026-03-05..2026-03-05"],
    );
}

#[test]
fn a_bare_weekday_follows_the_tense_of_its_clause() {
    // A future verb, feminine or with a two-letter stem, and "يُتوقع": the coming one.
    check(
        WED,
        "ستصل الطائرة يوم الجمعة.",
        &["يوم الجمعة = 2026-03-13..2026-03-13"],
    );
    check(
        WED,
        "سيزور الوزير المدينة يوم الجمعة.",
        &["يوم الجمعة = 2026-03-13..2026-03-13"],
    );
    check(
        WED,
        "يُتوقع أن يصل الوفد يوم الاثنين.",
        &["يوم الاثنين = 2026-03-16..2026-03-16"],
    );
    // A past verb: the previous one.
    check(
        WED,
        "وصلت الطائرة يوم الجمعة.",
        &["يوم الجمعة = 2026-03-06..2026-03-06"],
    );
    check(
        WED,
        "قال الوزير يوم الخميس إن الطريق جاهز.",
        &["يوم الخميس = 2026-03-05..2026-03-05"],
    );
    // A present verb: the nearest (Thursday is tomorrow, Monday was two days ago).
    check(
        WED,
        "يجتمع المجلس يوم الخميس لمناقشة الخطة.",
        &["يوم الخميس = 2026-03-12..2026-03-12"],
    );
    check(
        WED,
        "يعرض المتحف القطع النادرة يوم الاثنين.",
        &["يوم الاثنين = 2026-03-09..2026-03-09"],
    );
    // "سابقاً" and "ساحة" are not future verbs.
    check(
        WED,
        "قال سابقاً إنه زار الساحة يوم الاثنين.",
        &["يوم الاثنين = 2026-03-09..2026-03-09"],
    );
}

#[test]
fn a_day_and_month_without_a_year_follow_the_tense_or_are_the_nearest() {
    // No cue: written on 20 September, "24 and 25 September" is this September, not last year's.
    check(
        "2025-09-20",
        "تنظم الدورة يومي 24 و25 سبتمبر.",
        &["يومي 24 و25 سبتمبر = 2025-09-24..2025-09-25"],
    );
    check(
        WED,
        "الدورة يومي 7 و8 أبريل في قاعة البلدية.",
        &["يومي 7 و8 أبريل = 2026-04-07..2026-04-08"],
    );
    // A past marker: the previous one.
    check(
        WED,
        "كانت الدورة قد انطلقت يومي 7 و8 أبريل.",
        &["يومي 7 و8 أبريل = 2025-04-07..2025-04-08"],
    );
    // A future marker: the next one, even when the date is months away.
    check(
        WED,
        "ستنطلق الدورة في 2 فبراير.",
        &["في 2 فبراير = 2027-02-02..2027-02-02"],
    );
    // The nearest in the other direction: 2 February is 37 days back, the next one 328 days ahead.
    check(
        WED,
        "الدورة في 2 فبراير في قاعة البلدية.",
        &["في 2 فبراير = 2026-02-02..2026-02-02"],
    );
}

#[test]
fn an_article_without_a_date_resolves_nothing() {
    let text = "وصل الوفد مساء أمس، ويجتمع المجلس يوم الخميس الماضي في 3 مايو.";
    let got = resolved(text, None);
    assert!(!got.is_empty());
    assert!(got.iter().all(|m| m.ends_with("= unresolved")), "{got:?}");
}

#[test]
fn one_day_is_no_sunday() {
    // "واحد" is "one", not و + "أحد".
    check("2026-03-11", "تضاعفت الأسعار في يوم واحد.", &[]);
    check(
        "2026-03-11",
        "عاد الوفد يوم الأحد الماضي.",
        &["يوم الأحد الماضي = 2026-03-08..2026-03-08"],
    );
}

#[test]
fn a_unit_then_one_is_a_duration_of_one() {
    let context = MentionContext {
        reference: NaiveDate::from_ymd_opt(2026, 3, 11),
        lean: Lean::Tense,
    };
    for (text, amount) in [("في يوم واحد", 1.0), ("خلال ساعة واحدة", 1.0)] {
        let mentions = extract_mentions(text, Span::new(0, text.len()), &context);
        let durations: Vec<f64> = mentions
            .iter()
            .filter_map(|m| match &m.value {
                MentionValue::Duration(d) => Some(d.amount),
                _ => None,
            })
            .collect();
        assert_eq!(durations, vec![amount], "{text}");
    }
}

#[test]
fn a_day_and_month_before_al_madi_is_the_previous_one() {
    // Nothing in the clause says past: «الماضي» after the month does, whichever date is nearer.
    check(
        "2026-10-15",
        "الجلسة الأولى التي عقدت في 19 مارس الماضي، حين مثل المتهمون أمام الدائرة.",
        &["في 19 مارس الماضي = 2026-03-19..2026-03-19"],
    );
    // Written later in March, the previous 19 March is this year's.
    check(
        "2026-03-25",
        "وصلت البعثة في 19 مارس الماضي.",
        &["في 19 مارس الماضي = 2026-03-19..2026-03-19"],
    );
    check(
        "2026-10-15",
        "تنطلق المحاكمة في 19 مارس المقبل.",
        &["في 19 مارس المقبل = 2027-03-19..2027-03-19"],
    );
}
