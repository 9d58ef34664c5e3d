//! What sources say or deny as open content, compared across articles end to end on short
//! invented articles: a denial or a negated part meets the assertion it answers.

mod common;

use isnad_graph::{FindingKind, Severity, StoryCheck};

/// Checks a story of `(id, text)` articles published on 3 March 2026 (a headline, then the body).
fn check(articles: &[(&str, &str)]) -> StoryCheck {
    let dated: Vec<(&str, &str, &str)> = articles
        .iter()
        .map(|&(id, text)| (id, "2026-03-03", text))
        .collect();
    common::check_articles(&dated).0
}

/// The contradictions and tensions as (kind, severity).
fn serious(result: &StoryCheck) -> Vec<(FindingKind, Severity)> {
    result
        .findings
        .iter()
        .filter(|f| f.severity != Severity::Note)
        .map(|f| (f.kind, f.severity))
        .collect()
}

#[test]
fn a_source_denying_what_another_reports_is_contested() {
    let result = check(&[
        (
            "a.txt",
            "نقابة الصيادلة تحذر\nوقال نقيب الصيادلة إن مخازن وزارة الصحة خلت من أدوية السكري منذ أسبوعين.\n",
        ),
        (
            "b.txt",
            "الوزارة ترد\nونفت وزارة الصحة ما ذكرته النقابة عن خلو مخازنها من أدوية السكري، مؤكدة أن الشحنات تصل بانتظام.\n",
        ),
    ]);
    assert_eq!(
        serious(&result),
        vec![(FindingKind::Contested, Severity::Tension)]
    );
    let finding = &result.findings[0];
    assert!(finding.message.contains("نقيب الصيادلة"), "{}", finding.message);
    assert!(finding.message.contains("وزارة الصحة"), "{}", finding.message);
}

#[test]
fn a_denial_of_something_else_meets_nothing() {
    let result = check(&[
        (
            "a.txt",
            "نقابة الصيادلة تحذر\nوقال نقيب الصيادلة إن مخازن وزارة الصحة خلت من أدوية السكري منذ أسبوعين.\n",
        ),
        (
            "b.txt",
            "الوزارة ترد\nونفت وزارة الصحة ما ذكرته النقابة عن رفع أسعار أدوية الضغط في الصيدليات.\n",
        ),
    ]);
    assert_eq!(serious(&result), vec![]);
}

#[test]
fn two_outlets_stating_it_both_ways_is_a_polarity_conflict() {
    let result = check(&[
        ("a.txt", "البلدية تغلق السوق المركزي بسبب الأمطار\nنص.\n"),
        ("b.txt", "السوق المركزي يفتح أبوابه دون إغلاق رغم الأمطار\nنص.\n"),
    ]);
    assert_eq!(
        serious(&result),
        vec![(FindingKind::PolarityConflict, Severity::Contradiction)]
    );
    // A negated circumstance that the other article does not assert is no conflict.
    let result = check(&[
        ("a.txt", "البلدية تغلق السوق المركزي بسبب الأمطار\nنص.\n"),
        ("b.txt", "السوق المركزي يفتح أبوابه دون تأخير رغم الأمطار\nنص.\n"),
    ]);
    assert_eq!(serious(&result), vec![]);
}

#[test]
fn an_assertion_that_negates_the_same_thing_is_no_opposite() {
    // «يدعو إلى عدم إغلاق»: both articles say the market should not be closed.
    let result = check(&[
        ("a.txt", "التجار يدعون البلدية إلى عدم إغلاق السوق المركزي\nنص.\n"),
        ("b.txt", "التجار: لا لإغلاق السوق المركزي\nنص.\n"),
    ]);
    assert_eq!(serious(&result), vec![]);
}

#[test]
fn statements_about_an_earlier_year_are_not_compared() {
    let result = check(&[
        ("a.txt", "البلدية تغلق السوق المركزي بسبب الأمطار\nنص.\n"),
        (
            "b.txt",
            "السوق المركزي\nوقال التجار إن السوق المركزي لم يغلق منذ فيضان 2019 رغم الأمطار.\n",
        ),
    ]);
    assert_eq!(serious(&result), vec![]);
}
