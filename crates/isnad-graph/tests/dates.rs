//! Dates of one event given differently, and what sets two dates apart: end to end on short
//! invented articles.

mod common;

use common::serious_sides as serious;
use isnad_graph::{FindingKind, Outcome};

#[test]
fn a_first_session_dated_by_its_clause_is_compared_though_its_sentence_names_a_later_one() {
    // The ninth session is in another clause of the first report's sentence: its date is the
    // first session's.
    let (result, _) = common::check_articles(&[
        (
            "a.txt",
            "2025-06-20",
            "عنوان\nوامتدت أعمال لجنة التحقيق البرلمانية نحو ستة أسابيع منذ انطلاق أولى جلساتها يوم الأحد 4 مايو \
             2025، وصدر تقريرها النهائي في الجلسة التاسعة.\n",
        ),
        (
            "b.txt",
            "2025-06-21",
            "عنوان\nوكانت أعمال لجنة التحقيق البرلمانية قد انطلقت بأولى جلساتها يوم الأربعاء 14 مايو الماضي.\n",
        ),
    ]);
    let found = serious(&result);
    assert!(
        found
            .iter()
            .any(|(kind, sides)| *kind == FindingKind::DateMismatch
                && sides.iter().any(|s| s.contains("4 مايو"))
                && sides.iter().any(|s| s.contains("14 مايو"))),
        "{found:?}"
    );
    // The two dates are compared as facts, and found to conflict.
    let dates: Vec<_> = result
        .comparisons
        .iter()
        .filter(|c| c.attribute.ends_with("|date") && c.facts[0][..5] != c.facts[1][..5])
        .map(|c| (c.outcome, c.reason.to_string()))
        .collect();
    assert!(
        dates.iter().any(|(outcome, _)| *outcome == Outcome::Conflict),
        "{dates:?}"
    );
}

#[test]
fn dates_of_two_sessions_named_in_their_clauses_are_two_occurrences() {
    let (result, _) = common::check_articles(&[
        (
            "a.txt",
            "2025-06-20",
            "عنوان\nوعقدت لجنة التحقيق البرلمانية جلستها الأولى يوم الأحد 4 مايو 2025 بحضور وزير المالية.\n",
        ),
        (
            "b.txt",
            "2025-06-21",
            "عنوان\nوعقدت لجنة التحقيق البرلمانية جلستها الثانية يوم الأربعاء 14 مايو 2025 بحضور وزير المالية.\n",
        ),
    ]);
    assert_eq!(serious(&result), []);
}

/// The first report of an ammonia leak, dating it in its lead "this Monday at dawn".
const LEAK_LEAD: (&str, &str, &str) = (
    "a.txt",
    "2025-06-23",
    "تسرب غاز في مصنع الأسمدة شمال المدينة\n\
     تسربت كميات من غاز الأمونيا من خزان في مصنع الأسمدة شمال المدينة فجر اليوم الاثنين، ما أدى إلى \
     إصابة 14 عاملاً بحالات اختناق.\n",
);

#[test]
fn a_later_report_that_recalls_the_incident_on_another_day_at_its_hour_contradicts_the_lead() {
    // The first report dates the leak "this Monday at dawn"; two days later another recalls "the
    // leak at dawn last Sunday" (22 June): the story's incident dated twice, at its hour.
    let (result, _) = common::check_articles(&[
        LEAK_LEAD,
        (
            "b.txt",
            "2025-06-25",
            "عنوان\nوقالت إدارة المصنع إن فرق الصيانة أنهت إصلاح الخزان، بعد يومين من توقف الإنتاج إثر التسرب الذي \
             وقع فجر الأحد الماضي.\n",
        ),
    ]);
    let found = serious(&result);
    assert!(
        found
            .iter()
            .any(|(kind, sides)| *kind == FindingKind::DateMismatch
                && sides.iter().any(|s| s.contains("فجر اليوم الاثنين"))
                && sides.iter().any(|s| s.contains("فجر الأحد الماضي"))),
        "{found:?}"
    );
}

#[test]
fn a_later_report_dating_another_event_at_another_hour_is_no_recall_of_the_incident() {
    let (result, _) = common::check_articles(&[
        LEAK_LEAD,
        (
            "b.txt",
            "2025-06-25",
            "عنوان\nوكان مفتشو وزارة البيئة قد زاروا المصنع مساء الأحد الماضي لفحص صمامات الخزانات.\n",
        ),
    ]);
    assert_eq!(serious(&result), []);
}
