//! Who and where compared across reports by what their clauses say, end to end on short
//! invented articles (docs/facts.md, "Who and where").

mod common;

use isnad_graph::{FindingKind, Outcome, Severity, StoryCheck};

fn check(articles: &[(&str, &str, &str)]) -> StoryCheck {
    common::check_articles(articles).0
}

/// The tensions of `kind`, each as the names its sides cite.
fn flagged(result: &StoryCheck, kind: FindingKind) -> Vec<Vec<String>> {
    result
        .findings
        .iter()
        .filter(|f| f.kind == kind && f.severity == Severity::Tension)
        .map(|f| f.sides.iter().map(|s| s.text.clone()).collect())
        .collect()
}

/// The reasons of the comparisons of doers or places (`attribute` "actor" or "place").
fn reasons(result: &StoryCheck, attribute: &str) -> Vec<(Outcome, String)> {
    result
        .comparisons
        .iter()
        .filter(|c| &*c.attribute == attribute)
        .map(|c| (c.outcome, c.reason.to_string()))
        .collect()
}

#[test]
fn two_reports_naming_another_doer_for_one_order_are_a_tension() {
    let result = check(&[
        (
            "a.txt",
            "2026-03-02",
            "إغلاق سوق الخضار بعد انهيار سقفه\nوأمر رئيس البلدية، كريم الحلاق، بإغلاق سوق الخضار المركزي أمام التجار حتى انتهاء الترميم.",
        ),
        (
            "b.txt",
            "2026-03-03",
            "ترميم سوق الخضار\nوكان مدير الأشغال العامة، وائل نجم، قد أصدر قرار إغلاق سوق الخضار المركزي أمام التجار.",
        ),
    ]);
    let found = flagged(&result, FindingKind::ActorMismatch);
    assert_eq!(found.len(), 1, "{:#?}", result.findings);
    assert!(found[0].iter().any(|t| t.contains("كريم الحلاق")), "{found:?}");
    assert!(found[0].iter().any(|t| t.contains("وائل نجم")), "{found:?}");
}

#[test]
fn a_report_naming_both_doers_is_no_rival() {
    let result = check(&[
        (
            "a.txt",
            "2026-03-02",
            "توقيع عقد الترميم\nووقع عقد ترميم السوق كل من رئيس البلدية كريم الحلاق ومدير الأشغال وائل نجم.",
        ),
        (
            "b.txt",
            "2026-03-03",
            "عقد الترميم\nووقع مدير الأشغال وائل نجم، أمس، عقد ترميم السوق مع المقاول.",
        ),
        (
            "c.txt",
            "2026-03-03",
            "عقد الترميم\nووقع رئيس البلدية كريم الحلاق، أمس، عقد ترميم السوق.",
        ),
    ]);
    assert!(
        flagged(&result, FindingKind::ActorMismatch).is_empty(),
        "{:#?}",
        result.findings
    );
    assert!(
        reasons(&result, "actor")
            .iter()
            .any(|(o, r)| *o == Outcome::NotCompared && r == "a report names both"),
        "{:#?}",
        result.comparisons
    );
}

#[test]
fn doers_on_two_sides_and_doers_of_other_things_are_not_rivals() {
    let result = check(&[
        (
            "a.txt",
            "2026-03-02",
            "إخماد حريق المستودع\nوقاد النقيب سامر حداد فرق الإطفاء في الجهة الشمالية من المستودع.",
        ),
        (
            "b.txt",
            "2026-03-03",
            "حريق المستودع\nوقاد النقيب جاد منصور فرق الإطفاء في الجهة الجنوبية من المستودع. وافتتح الوزير رامز عون معرض الكتاب في المدينة.",
        ),
    ]);
    assert!(
        flagged(&result, FindingKind::ActorMismatch).is_empty(),
        "{:#?}",
        result.findings
    );
    let why = reasons(&result, "actor");
    assert!(
        why.iter().any(|(_, r)| r.starts_with("they act on two sides")),
        "{why:#?}"
    );
}

#[test]
fn a_place_named_differently_for_one_happening_is_a_tension_unless_a_report_names_both() {
    let story = |third: &str| {
        check(&[
            (
                "a.txt",
                "2026-05-10",
                "انزلاق تربة في الجبل\nوانهارت التربة فوق الطريق الزراعي قرب قرية الزعتر شمال الوادي.",
            ),
            (
                "b.txt",
                "2026-05-11",
                &format!(
                    "انزلاق تربة\nوانهارت التربة فوق الطريق الزراعي في قرية الريحانة جنوب الوادي. {third}"
                ),
            ),
        ])
    };
    let found = flagged(&story(""), FindingKind::PlaceMismatch);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].iter().any(|t| t.contains("الزعتر")), "{found:?}");
    let both = story("وزار المحافظ قريتي الزعتر والريحانة أمس.");
    assert!(
        flagged(&both, FindingKind::PlaceMismatch).is_empty(),
        "{:#?}",
        both.findings
    );
}

#[test]
fn a_doer_said_not_to_have_done_it_is_no_rival() {
    let result = check(&[
        (
            "a.txt",
            "2026-03-02",
            "إغلاق السوق\nوأمر رئيس البلدية، كريم الحلاق، بإغلاق سوق الخضار المركزي أمام التجار.",
        ),
        (
            "b.txt",
            "2026-03-03",
            "السوق\nولم يأمر مدير الأشغال العامة، وائل نجم، بإغلاق سوق الخضار المركزي أمام التجار.",
        ),
    ]);
    assert!(
        flagged(&result, FindingKind::ActorMismatch).is_empty(),
        "{:#?}",
        result.findings
    );
    assert!(
        reasons(&result, "actor")
            .iter()
            .any(|(_, r)| r.starts_with("one is not asserted")),
        "{:#?}",
        result.comparisons
    );
}

#[test]
fn one_name_written_two_ways_is_not_compared() {
    let result = check(&[
        (
            "a.txt",
            "2026-03-02",
            "إغلاق السوق\nوأمر مدير الأشغال العامة وائل نجم بإغلاق سوق الخضار المركزي أمام التجار.",
        ),
        (
            "b.txt",
            "2026-03-03",
            "إغلاق السوق\nوكان نجم قد أصدر قرار إغلاق سوق الخضار المركزي أمام التجار.",
        ),
    ]);
    assert!(
        flagged(&result, FindingKind::ActorMismatch).is_empty(),
        "{:#?}",
        result.findings
    );
}

#[test]
fn bodies_of_one_country_and_an_accused_body_are_not_rivals() {
    // One body acts through the other; the government of the second headline is the accused
    // («للحكومة»), not the accuser.
    let result = check(&[
        (
            "a.txt",
            "2026-04-02",
            "الحكومة الكندية تأمر الشرطة الكندية بمواصلة إغلاق الجسر الحدودي رغم الاحتجاجات",
        ),
        (
            "b.txt",
            "2026-04-02",
            "الشرطة الكندية تواصل إغلاق الجسر الحدودي رغم الاحتجاجات",
        ),
        (
            "c.txt",
            "2026-04-03",
            "زعيم النقابة الكندية يتهم الحكومة بالتقصير\nووجه اتحاد النقابات الكندية اتهاما للحكومة الكندية بالتقصير في إغلاق الجسر الحدودي.",
        ),
    ]);
    assert!(
        flagged(&result, FindingKind::ActorMismatch).is_empty(),
        "{:#?}",
        result.findings
    );
}

#[test]
fn a_clause_on_the_noun_before_says_what_happened_and_a_town_pointed_from_says_only_where() {
    // «جرفتها» hangs on the truck of the clause before; «غرب تل العنبر» says where the village
    // lies, not what was done there.
    let result = check(&[
        (
            "a.txt",
            "2026-02-03",
            "سيول في السهل\nوانتشل المسعفون جثث ثلاثة من ركاب شاحنة صغيرة كانت تقل عمالاً، جرفتها السيول قرب قرية الدوالي شمال البلدة.",
        ),
        (
            "b.txt",
            "2026-02-04",
            "بعد السيول\nوفي قرية الكرمة غرب تل العنبر، حيث جرفت المياه الشاحنة الصغيرة، ينتظر الأهالي.",
        ),
    ]);
    let found = flagged(&result, FindingKind::PlaceMismatch);
    assert_eq!(found.len(), 1, "{:#?}", result.findings);
    assert!(found[0].iter().any(|t| t.contains("الدوالي")), "{found:?}");
    assert!(found[0].iter().any(|t| t.contains("الكرمة")), "{found:?}");
}

/// A report that names the other doer only as a speaker, elsewhere, still says its own doer did
/// it; naming both in the doer's sentence makes them co-doers.
#[test]
fn a_rival_named_only_as_a_speaker_elsewhere_does_not_make_a_report_name_both() {
    let story = |second: &str| {
        check(&[
            (
                "a.txt",
                "2026-09-14",
                "افتتاح قسم الطوارئ\nوافتتح وزير الصحة نبيل الشامي قسم الطوارئ الجديد في مستشفى الوادي الحكومي صباح الأحد.",
            ),
            ("b.txt", "2026-09-15", second),
        ])
    };
    let speaker_elsewhere = story(
        "قسم جديد للطوارئ\nوافتتحت رئيسة البلدية رنا الحمصي قسم الطوارئ الجديد في مستشفى الوادي الحكومي صباح الأحد. وقال نبيل الشامي إن القسم يضم أربعين سريرا.",
    );
    let found = flagged(&speaker_elsewhere, FindingKind::ActorMismatch);
    assert_eq!(found.len(), 1, "{:#?}", speaker_elsewhere.comparisons);
    assert!(found[0].iter().any(|t| t.contains("رنا الحمصي")), "{found:?}");
    let both_in_sentence = story(
        "قسم جديد للطوارئ\nوافتتحت رئيسة البلدية رنا الحمصي بحضور نبيل الشامي قسم الطوارئ الجديد في مستشفى الوادي الحكومي صباح الأحد.",
    );
    assert!(
        flagged(&both_in_sentence, FindingKind::ActorMismatch).is_empty(),
        "{:#?}",
        both_in_sentence.findings
    );
}

/// A unit of a body («دورية تابعة لـ…»، «عناصر من …») acts for its body: the bodies are the doers.
#[test]
fn a_unit_of_a_body_acts_for_its_body() {
    let result = check(&[
        (
            "a.txt",
            "2026-10-08",
            "ضبط شحنة سجائر مهربة\nوضبطت دورية تابعة لمديرية الجمارك شحنة السجائر المهربة داخل مستودع مهجور قرب الميناء فجر الخميس.",
        ),
        (
            "b.txt",
            "2026-10-09",
            "السجائر المهربة\nوضبطت عناصر من جهاز مكافحة التهريب شحنة السجائر المهربة داخل المستودع المهجور فجر الخميس.",
        ),
    ]);
    let found = flagged(&result, FindingKind::ActorMismatch);
    assert_eq!(found.len(), 1, "{:#?}", result.comparisons);
    assert!(found[0].iter().any(|t| t.contains("مديرية الجمارك")), "{found:?}");
    assert!(
        found[0].iter().any(|t| t.contains("جهاز مكافحة التهريب")),
        "{found:?}"
    );
}

/// An office named without its holder («المحافظ»، «وزير الصحة») is a doer; two offices, or an
/// office and a holder of another title, are rivals; the holder of the same office is not.
#[test]
fn offices_named_without_their_holders_are_doers() {
    let story = |second: &str| {
        check(&[
            (
                "a.txt",
                "2026-07-21",
                "تسمم جماعي في حفل\nوأمر وزير الصحة بإغلاق مطعم السنبلة بعد تسمم أربعين من ضيوف الحفل.",
            ),
            ("b.txt", "2026-07-22", second),
        ])
    };
    let rival = story("بعد التسمم\nوكان المحافظ قد أمر بإغلاق مطعم السنبلة بعد تسمم أربعين من ضيوف الحفل.");
    let found = flagged(&rival, FindingKind::ActorMismatch);
    assert_eq!(found.len(), 1, "{:#?}", rival.comparisons);
    assert!(found[0].iter().any(|t| t.contains("وزير الصحة")), "{found:?}");
    assert!(found[0].iter().any(|t| t.contains("المحافظ")), "{found:?}");
    let holder =
        story("بعد التسمم\nوأمر وزير الصحة سليم الكرمي بإغلاق مطعم السنبلة بعد تسمم أربعين من ضيوف الحفل.");
    assert!(
        flagged(&holder, FindingKind::ActorMismatch).is_empty(),
        "{:#?}",
        holder.findings
    );
    let other_title =
        story("بعد التسمم\nوأمر محافظ العاصمة سليم الكرمي بإغلاق مطعم السنبلة بعد تسمم أربعين من ضيوف الحفل.");
    assert_eq!(
        flagged(&other_title, FindingKind::ActorMismatch).len(),
        1,
        "{:#?}",
        other_title.comparisons
    );
}

/// Who set up a committee, said in a relative clause in one report and with «أعلنت» and a verbal
/// noun in the other: two ministries are two doers, though both are «وزارة».
#[test]
fn an_announced_act_has_its_announcer_as_doer_and_ministries_differ_by_more_than_their_head() {
    let result = check(&[
        (
            "a.txt",
            "2026-11-02",
            "انهيار جسر المشاة\nوأعلنت وزارة النقل تشكيل لجنة فنية للتحقيق في انهيار جسر المشاة خلال عشرة أيام.",
        ),
        (
            "b.txt",
            "2026-11-04",
            "جسر المشاة\nوتنتظر العائلات نتائج اللجنة الفنية التي شكلتها وزارة الأشغال للتحقيق في انهيار جسر المشاة.",
        ),
    ]);
    let found = flagged(&result, FindingKind::ActorMismatch);
    assert_eq!(found.len(), 1, "{:#?}", result.comparisons);
    assert!(found[0].iter().any(|t| t.contains("وزارة النقل")), "{found:?}");
    assert!(found[0].iter().any(|t| t.contains("وزارة الأشغال")), "{found:?}");
}

/// A place after its head noun ("بحي X"، "عند مدخل بلدة X") is where it happened, as after «في».
#[test]
fn a_place_after_its_head_noun_is_where_it_happened() {
    let result = check(&[
        (
            "a.txt",
            "2026-06-12",
            "العثور على قارب الصيد المفقود\nوعثرت فرق الإنقاذ على قارب الصيد المفقود وعلى متنه صيادان عند مدخل بلدة الصفصاف البحرية.",
        ),
        (
            "b.txt",
            "2026-06-12",
            "قارب الصيد\nوعثرت فرق الإنقاذ على قارب الصيد المفقود وعلى متنه صيادان بحي المرسى القديم.",
        ),
    ]);
    let found = flagged(&result, FindingKind::PlaceMismatch);
    assert_eq!(found.len(), 1, "{:#?}", result.comparisons);
    assert!(found[0].iter().any(|t| t.contains("الصفصاف")), "{found:?}");
    assert!(found[0].iter().any(|t| t.contains("المرسى")), "{found:?}");
}

/// «ألقى القبض على» and «اعتقل» say one thing: two bodies named for one arrest are rivals.
#[test]
fn words_of_one_sense_say_the_same_thing_of_two_doers() {
    let result = check(&[
        (
            "a.txt",
            "2026-08-03",
            "ضبط شاحنة مهربة\nوألقت دورية تابعة لجهاز الجمارك القبض على سائق الشاحنة أمس.",
        ),
        (
            "b.txt",
            "2026-08-04",
            "الشاحنة المهربة\nواعتقلت عناصر من مديرية أمن الحدود سائق الشاحنة أمس.",
        ),
    ]);
    let found = flagged(&result, FindingKind::ActorMismatch);
    assert_eq!(found.len(), 1, "{:#?}", result.comparisons);
    assert!(found[0].iter().any(|t| t.contains("جهاز الجمارك")), "{found:?}");
    assert!(
        found[0].iter().any(|t| t.contains("مديرية أمن الحدود")),
        "{found:?}"
    );
}
