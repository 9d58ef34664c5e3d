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

#[test]
fn an_order_said_given_and_said_never_issued_is_contested() {
    // Written for this test: «لم تصدر أي أمر» negates the order, not the issuing.
    let result = check(&[
        (
            "a.txt",
            "إخلاء فندق النخيل\nوقال المتحدث باسم الدفاع المدني إن إدارة الفندق هي التي أمرت بإخلاء الطوابق العليا قبل وصول الفرق.\n",
        ),
        (
            "b.txt",
            "الفندق يرد\nوقال مدير الفندق إن «الإدارة لم تصدر أي أمر بإخلاء الطوابق العليا»، مؤكداً أن الدفاع المدني تولى ذلك.\n",
        ),
    ]);
    assert_eq!(
        serious(&result),
        vec![(FindingKind::Contested, Severity::Tension)]
    );
}

#[test]
fn a_visit_said_made_and_said_never_made_is_contested() {
    // Written for this test: «لم يزر» is the short form of «زار».
    let result = check(&[
        (
            "a.txt",
            "المصنع تحت المراقبة\nوقال المتحدث باسم وزارة البيئة إن فرق المراقبة زارت المصنع الشهر الماضي ولم تسجل مخالفات.\n",
        ),
        (
            "b.txt",
            "العمال يحتجون\nوقالت نقابة العمال إن \"أي مراقب من الوزارة لم يزر المصنع منذ عامين\".\n",
        ),
    ]);
    assert_eq!(
        serious(&result),
        vec![(FindingKind::Contested, Severity::Tension)]
    );
}

#[test]
fn a_company_and_its_manager_denying_it_are_one_side() {
    // Written for this test: the headline's company and the body's manager deny one thing once.
    let result = check(&[
        (
            "a.txt",
            "تلوث نهر الوادي\nوقال مدير البيئة في المحافظة إن المصنع صرف مخلفات كيميائية في النهر ليلة الأحد.\n",
        ),
        (
            "b.txt",
            "نفوق الأسماك.. والشركة المالكة تنفي صرف المخلفات في النهر\nونفى مدير شركة النسيم للكيماويات أن يكون المصنع قد صرف أي مخلفات كيميائية في النهر.\n",
        ),
    ]);
    assert_eq!(
        serious(&result),
        vec![(FindingKind::Contested, Severity::Tension)]
    );
}

#[test]
fn a_denial_of_doing_it_without_something_answers_the_claim_it_was_done_without_it() {
    // Written for this test: «دون معالجة» is inside both what is said and what is denied.
    let result = check(&[
        (
            "a.txt",
            "تسمم في القرية\nوقال مدير هيئة المياه إن المعمل استخدم مياه البئر القديمة دون معالجتها في وحدة التنقية.\n",
        ),
        (
            "b.txt",
            "المعمل يرد\nونفى مدير المعمل أن يكون المعمل قد استخدم أي مياه من البئر القديمة دون معالجة.\n",
        ),
    ]);
    assert_eq!(
        serious(&result),
        vec![(FindingKind::Contested, Severity::Tension)]
    );
}
