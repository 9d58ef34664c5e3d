//! Polarity across articles, end to end (`isnad check`), on two-article stories written for these
//! tests: a source quoted both ways, negations that reach their object across words of having,
//! being able and lacking, and a source consistent with itself that must not be flagged.

use serde_json::Value;
use std::process::Command;

/// The serious findings (kind, message) of a story whose articles are `texts`.
fn serious(texts: &[&str]) -> Vec<(String, String)> {
    let dir = tempfile::tempdir().expect("tempdir");
    for (n, text) in texts.iter().enumerate() {
        std::fs::write(dir.path().join(format!("{n}.txt")), format!("{text}\n")).expect("write");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args(["check", "--format", "json", "--fail-on", "never"])
        .arg(dir.path())
        .output()
        .expect("isnad runs");
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| matches!(f["severity"].as_str(), Some("contradiction" | "tension")))
        .map(|f| {
            (
                f["kind"].as_str().unwrap_or_default().to_string(),
                f["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn kinds(found: &[(String, String)]) -> Vec<&str> {
    found.iter().map(|(k, _)| k.as_str()).collect()
}

#[test]
fn one_source_quoted_both_ways_by_two_articles_is_a_contradiction() {
    let found = serious(&[
        "مدير شركة المياه: لا نخطط لرفع أسعار المياه هذا الصيف",
        "مدير شركة المياه: نخطط لرفع أسعار المياه هذا الصيف",
    ]);
    assert_eq!(kinds(&found), ["polarity_conflict"], "{found:?}");
    assert!(found[0].1.contains("reported as asserted by"), "{found:?}");
}

#[test]
fn one_source_on_two_different_things_is_no_conflict() {
    // The utility says one district lost water and denies that another did: consistent.
    let found = serious(&[
        "قالت شركة المياه إن انقطاع المياه يخص حي الزيتون وحده",
        "نفت شركة المياه أن يكون انقطاع المياه قد شمل حي الورود",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_negation_reaches_what_cannot_be_done_across_a_verb_of_ability() {
    let found = serious(&[
        "قال المتحدث باسم المعبر إن المسافرين لا يستطيعون عبور معبر الوادي اليوم",
        "عبر مئات المسافرين معبر الوادي اليوم",
    ]);
    assert_eq!(kinds(&found), ["contested"], "{found:?}");
}

#[test]
fn lacking_is_a_negation_of_what_is_lacked() {
    let found = serious(&[
        "نقابة المهندسين: شبكة المياه في مدينة السهل تفتقر إلى الصيانة",
        "شبكة المياه في مدينة السهل تخضع للصيانة كل شهر",
    ]);
    assert_eq!(kinds(&found), ["contested"], "{found:?}");
    // Both lacking: they agree.
    let found = serious(&[
        "نقابة المهندسين: شبكة المياه في مدينة السهل تفتقر إلى الصيانة",
        "شبكة المياه في مدينة السهل لا تخضع لأي صيانة",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_condition_set_meets_a_report_of_no_conditions() {
    // «تشترط» (a verb of the form اِفتعل) and «شروط» are one root.
    let found = serious(&[
        "نقابة الأطباء تشترط زيادة الرواتب لإنهاء إضراب المستشفيات الحكومية",
        "نقابة الأطباء توافق على إنهاء إضراب المستشفيات الحكومية دون شروط",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn a_plan_denied_meets_the_plan_announced() {
    // «خطته» (a doubled root, خطط) against «خطط».
    let found = serious(&[
        "المجلس البلدي: ليس لدينا خطط لهدم السوق القديم في حي الميناء",
        "المجلس البلدي يعرض خطته لهدم السوق القديم في حي الميناء",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn each_form_of_negation_and_denial_meets_the_assertion() {
    let asserted = "افتتحت البلدية المكتبة العامة الجديدة في حي السلام أمس";
    for negated in [
        "المكتبة العامة الجديدة في حي السلام ما زالت مغلقة بدون افتتاح رسمي",
        "البلدية لم تفتتح المكتبة العامة الجديدة في حي السلام",
        "البلدية تنفي افتتاح المكتبة العامة الجديدة في حي السلام",
        "أنكر رئيس البلدية افتتاح المكتبة العامة الجديدة في حي السلام",
        "كذّب رئيس البلدية أنباء افتتاح المكتبة العامة الجديدة في حي السلام",
    ] {
        let found = serious(&[asserted, negated]);
        assert_eq!(found.len(), 1, "{negated}: {found:?}");
    }
    // «لم يعد»: it no longer does what the other report says it does.
    let found = serious(&[
        "القطار السريع يتوقف في محطة الجبل الأخضر",
        "القطار السريع لم يعد يتوقف في محطة الجبل الأخضر",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn below_a_figure_and_unprecedented_negate_nothing() {
    let found = serious(&[
        "سعر برميل النفط يهبط دون 74 دولارا في تداولات الصباح",
        "سعر برميل النفط يتراجع إلى ما دون 74 دولارا في تداولات الصباح",
    ]);
    assert!(found.is_empty(), "{found:?}");
    let found = serious(&[
        "المصنع يحقق أرباحا غير مسبوقة هذا العام",
        "أرباح غير مسبوقة للمصنع هذا العام",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_spokesman_and_the_body_he_speaks_for_deny_as_one_side() {
    let found = serious(&[
        "مشروع القطار\nقال النائب سامي الحلبي إن وزارة النقل أوقفت مشروع القطار السريع بين المدينتين.",
        "الوزارة ترد\nونفى المتحدث باسم وزارة النقل، عماد الزين، أن تكون الوزارة قد أوقفت مشروع القطار السريع بين المدينتين.",
        "بيان الوزارة\nونفت وزارة النقل في بيان أن تكون قد أوقفت مشروع القطار السريع بين المدينتين.",
    ]);
    assert_eq!(kinds(&found), ["contested"], "{found:?}");
}
