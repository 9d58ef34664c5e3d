//! Figures compared as facts, end to end on short invented articles: which figures are compared,
//! which are set apart and why, and one finding per disagreement.

mod common;

use isnad_claims::entities::Gazetteer;
use isnad_claims::mentions::Lean;
use isnad_graph::{FindingKind, Outcome, Severity, StoryCheck};

/// Checks a story of `(id, publication date, text)` articles (a headline line, then the body).
fn check(articles: &[(&str, &str, &str)]) -> (StoryCheck, Vec<isnad_parser::Document>) {
    common::check_articles(articles)
}

/// The contradictions and tensions: kind, severity and the cited words of every side.
fn serious(result: &StoryCheck) -> Vec<(FindingKind, Severity, Vec<String>)> {
    result
        .findings
        .iter()
        .filter(|f| f.severity != Severity::Note)
        .map(|f| {
            (
                f.kind,
                f.severity,
                f.sides.iter().map(|s| s.text.clone()).collect(),
            )
        })
        .collect()
}

/// The reason of the comparison between the facts whose words are `a` and `b`.
fn reason(result: &StoryCheck, documents: &[isnad_parser::Document], a: &str, b: &str) -> (Outcome, String) {
    result
        .comparisons
        .iter()
        .find(|c| {
            let words = |id: &str| words_of(documents, result, id);
            let (x, y) = (words(&c.facts[0]), words(&c.facts[1]));
            (x == a && y == b) || (x == b && y == a)
        })
        .map(|c| (c.outcome, c.reason.to_string()))
        .unwrap_or_else(|| panic!("no comparison of {a} and {b}: {:#?}", result.comparisons))
}

/// The words of a fact, found by analysing its document again (the check keeps only ids).
fn words_of(documents: &[isnad_parser::Document], _result: &StoryCheck, id: &str) -> String {
    let doc = id.rsplit_once('#').map_or(id, |(d, _)| d);
    let document = documents.iter().find(|d| d.id == doc).expect("document");
    let analysis = isnad_claims::analyze(document, &Gazetteer::builtin(), Lean::Tense);
    analysis
        .facts
        .iter()
        .find(|f| f.id == id)
        .map(|f| f.text.clone())
        .expect("fact")
}

#[test]
fn one_toll_at_one_time_given_differently_is_a_count_mismatch() {
    let (result, _) = check(&[
        (
            "a.txt",
            "2025-03-02",
            "عنوان\nقتل 23 شخصا في انهيار المبنى صباح اليوم.\n",
        ),
        (
            "b.txt",
            "2025-03-02",
            "عنوان\nأسفر انهيار المبنى عن مقتل 31 شخصا.\n",
        ),
    ]);
    assert_eq!(
        serious(&result),
        [(
            FindingKind::CountMismatch,
            Severity::Contradiction,
            vec!["23".into(), "31".into()]
        )]
    );
}

#[test]
fn a_later_toll_is_an_update_not_a_conflict() {
    let (result, documents) = check(&[
        ("a.txt", "2025-03-02", "عنوان\nقتل 23 شخصا في انهيار المبنى.\n"),
        (
            "b.txt",
            "2025-03-03",
            "عنوان\nارتفعت حصيلة انهيار المبنى إلى 31 قتيلا.\n",
        ),
    ]);
    assert!(serious(&result).is_empty(), "{:#?}", result.findings);
    assert!(result.findings.iter().any(|f| f.kind == FindingKind::Update));
    let (outcome, why) = reason(&result, &documents, "23", "31");
    assert_eq!(outcome, Outcome::Update, "{why}");
}

#[test]
fn one_update_cites_every_report_of_the_earlier_figure() {
    let (result, _) = check(&[
        ("a.txt", "2025-03-02", "عنوان\nقتل 23 شخصا في انهيار المبنى.\n"),
        (
            "b.txt",
            "2025-03-02",
            "عنوان\nأسفر انهيار المبنى عن مقتل 23 شخصا.\n",
        ),
        (
            "c.txt",
            "2025-03-03",
            "عنوان\nارتفعت حصيلة انهيار المبنى إلى 31 قتيلا.\n",
        ),
    ]);
    let updates: Vec<_> = result
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Update)
        .map(|f| {
            f.sides
                .iter()
                .map(|s| (s.doc.clone(), s.text.clone()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(
        updates,
        [vec![
            ("a.txt".to_string(), "23".to_string()),
            ("b.txt".to_string(), "23".to_string()),
            ("c.txt".to_string(), "31".to_string())
        ]],
        "{:#?}",
        result.findings
    );
}

#[test]
fn a_verb_that_links_figures_elsewhere_says_what_a_date_dates() {
    // «وصلت» links a measure to its value in «وصلت الحصيلة إلى 20»; before a date it is what happened.
    let (result, _) = check(&[
        (
            "a.txt",
            "2025-08-12",
            "عنوان\nوصلت البعثة إلى المدينة مساء الاثنين 11 أغسطس، وزارت المستشفى أمس.\n",
        ),
        (
            "b.txt",
            "2025-08-20",
            "عنوان\nوكانت البعثة قد وصلت السبت 9 أغسطس، ثم أوصت بإغلاق الآبار.\n",
        ),
    ]);
    let dates: Vec<_> = serious(&result)
        .into_iter()
        .filter(|(kind, _, _)| *kind == FindingKind::DateMismatch)
        .collect();
    assert_eq!(dates.len(), 1, "{:#?}", result.findings);
}

#[test]
fn different_attributes_are_never_compared() {
    let (result, _) = check(&[
        (
            "a.txt",
            "2025-03-02",
            "عنوان\nقتل 23 شخصا وأصيب 40 آخرون في الانفجار.\n",
        ),
        (
            "b.txt",
            "2025-03-02",
            "عنوان\nأسفر الانفجار عن مقتل 23 وإصابة 41.\n",
        ),
    ]);
    // 40 and 41 injured conflict; 23 dead are never set against an injured count.
    assert_eq!(
        serious(&result),
        [(
            FindingKind::CountMismatch,
            Severity::Contradiction,
            vec!["40".into(), "41".into()]
        )]
    );
}

#[test]
fn parts_are_not_rival_totals_but_must_not_exceed_their_whole() {
    let (result, _) = check(&[(
        "a.txt",
        "2025-03-02",
        "عنوان\nارتفعت الحصيلة إلى 31 قتيلا، بينهم 12 طفلا و9 نساء و14 رجلا.\n",
    )]);
    let found = serious(&result);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].0, FindingKind::Internal);
    assert_eq!(found[0].2, ["31", "12", "9", "14"]);
    let (result, _) = check(&[(
        "a.txt",
        "2025-03-02",
        "عنوان\nارتفعت الحصيلة إلى 31 قتيلا، بينهم 12 طفلا و9 نساء.\n",
    )]);
    assert!(serious(&result).is_empty(), "{:#?}", result.findings);
}

#[test]
fn a_part_of_a_set_the_other_names_is_its_rival_and_a_part_of_what_it_counts_is_not() {
    // "30 of the nurses" infected and "the 12 infected nurses": one group counted twice.
    let (result, _) = check(&[(
        "a.txt",
        "2025-03-02",
        "عنوان\nوحذرت النقابة من إصابة 30 من الممرضين بالعدوى أثناء عملهم في أقسام الطوارئ.\nوطالبت النقابة بتعويض الممرضين الـ12 المصابين بالعدوى أثناء عملهم في الطوارئ.\n",
    )]);
    let found = serious(&result);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].0, FindingKind::Internal);
    // 9 of the injured are in a critical state: a part of the 60 injured, not a rival count.
    let (result, _) = check(&[
        (
            "a.txt",
            "2025-03-02",
            "عنوان\nوقال الطبيب إن 9 من المصابين ما زالوا في حالة حرجة.\n",
        ),
        ("b.txt", "2025-03-03", "عنوان\nوأصيب 60 شخصاً في الانفجار.\n"),
    ]);
    assert!(serious(&result).is_empty(), "{:#?}", result.findings);
    // Across reports the set's word in the other clause is no tie: five guards killed in one
    // country, four guard officers jailed over a death in another.
    let (result, _) = check(&[
        (
            "a.txt",
            "2025-03-02",
            "عنوان\nمقتل 5 من أفراد الحرس في اشتباكات مع مسلحين\n",
        ),
        (
            "b.txt",
            "2025-03-03",
            "عنوان\nحبس ضابطين و4 أمناء حرس في قضية مقتل سجين\n",
        ),
    ]);
    assert!(result.findings.is_empty(), "{:#?}", result.findings);
}

#[test]
fn an_explicit_total_must_be_met() {
    let (result, _) = check(&[(
        "a.txt",
        "2025-03-02",
        "عنوان\nكانت الطائرة تقل 164 راكبا و6 من أفراد الطاقم، أي ما مجموعه 180 شخصا.\n",
    )]);
    let found = serious(&result);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].0, FindingKind::Internal);
}

#[test]
fn what_a_measure_is_of_sets_figures_apart() {
    let (result, documents) = check(&[
        ("a.txt", "2025-03-02", "عنوان\nبلغت نسبة التغطية في الحملة 87%.\n"),
        (
            "b.txt",
            "2025-03-02",
            "عنوان\nبلغت نسبة المشاركة في الحملة 60%.\n",
        ),
    ]);
    assert!(serious(&result).is_empty(), "{:#?}", result.findings);
    let (outcome, why) = reason(&result, &documents, "87%", "60%");
    assert_eq!(outcome, Outcome::NotCompared);
    assert!(why.contains("of differs"), "{why}");
}

#[test]
fn one_disagreement_is_one_finding_citing_every_report() {
    let (result, _) = check(&[
        (
            "a.txt",
            "2025-03-02",
            "عنوان\nبلغت قيمة الصفقة 310 ملايين دينار.\n",
        ),
        (
            "b.txt",
            "2025-03-02",
            "عنوان\nبلغت قيمة الصفقة 310 ملايين دينار وفق الوزارة.\n",
        ),
        (
            "c.txt",
            "2025-03-02",
            "عنوان\nبلغت قيمة الصفقة 420 مليون دينار.\n",
        ),
    ]);
    let found = serious(&result);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].0, FindingKind::QuantityMismatch);
    assert_eq!(found[0].2.len(), 3);
}

#[test]
fn a_near_copy_that_changed_a_figure_is_a_conflict() {
    // The attribute is read differently in each (a verb, a noun), but the sentences are copies.
    let (result, _) = check(&[
        (
            "a.txt",
            "2025-03-02",
            "عنوان\nالشركة القابضة تستثمر 165 مليار درهم في مصافي التكرير الجديدة.\n",
        ),
        (
            "b.txt",
            "2025-03-02",
            "عنوان\n165 مليون درهم في مصافي التكرير الجديدة استثمارات الشركة القابضة.\n",
        ),
    ]);
    assert_eq!(serious(&result).len(), 1, "{:#?}", result.findings);
    assert_eq!(serious(&result)[0].0, FindingKind::QuantityMismatch);
}

#[test]
fn another_years_figure_is_another_occurrence() {
    let (result, documents) = check(&[
        (
            "a.txt",
            "2025-10-16",
            "عنوان\nوهذا الفيضان الأعنف منذ فيضان 2009 الذي أودى بحياة 41 شخصا.\n",
        ),
        (
            "b.txt",
            "2025-10-16",
            "عنوان\nارتفعت حصيلة الفيضان إلى 27 قتيلا.\n",
        ),
    ]);
    assert!(serious(&result).is_empty(), "{:#?}", result.findings);
    let (outcome, _) = reason(&result, &documents, "41", "27");
    assert_eq!(outcome, Outcome::NotCompared);
}

#[test]
fn named_places_the_gazetteer_keeps_apart_are_two_events() {
    let (result, _) = check(&[
        ("a.txt", "2025-03-02", "عنوان\nمقتل 3 أشخاص في غارة على غزة.\n"),
        ("b.txt", "2025-03-02", "عنوان\nمقتل شخصين في غارة على ليبيا.\n"),
    ]);
    assert!(serious(&result).is_empty(), "{:#?}", result.findings);
}

#[test]
fn every_pair_of_one_attribute_keeps_its_reason() {
    let (result, _) = check(&[
        ("a.txt", "2025-03-02", "عنوان\nقتل 23 شخصا في انهيار المبنى.\n"),
        ("b.txt", "2025-03-02", "عنوان\nقتل 23 شخصا في انهيار المبنى.\n"),
    ]);
    assert!(
        result
            .comparisons
            .iter()
            .any(|c| c.outcome == Outcome::Agree && !c.reason.is_empty())
    );
}

#[test]
fn the_storys_topic_figure_given_once_per_report_is_of_its_main_event() {
    // Written for this test: an embezzlement at a port authority, told in different words; the sum
    // is the only one of its kind in each report, and embezzlement is what the story is about.
    let story = [
        (
            "a.txt",
            "2025-04-10",
            "عنوان\nأدانت المحكمة مدير الميناء باختلاس 12 مليون دينار من عائدات الرسوم.\n",
        ),
        (
            "b.txt",
            "2025-04-10",
            "عنوان\nتعود القضية إلى اختلاس 21 مليون دينار خلال خمس سنوات بحسب التحقيق.\n",
        ),
        (
            "c.txt",
            "2025-04-11",
            "عنوان\nقالت الصحيفة إن الاختلاس كشفه تدقيق داخلي في الميناء.\n",
        ),
    ];
    let (result, documents) = check(&story);
    let (outcome, why) = reason(&result, &documents, "12 مليون دينار", "21 مليون دينار");
    assert_eq!(outcome, Outcome::Conflict, "{why}");
    // A report giving two sums of that kind says they are of different things: nothing is assumed.
    let (result, documents) = check(&[
        story[0],
        (
            "b.txt",
            "2025-04-10",
            "عنوان\nوتعود القضية إلى اختلاس 21 مليون دينار خلال خمس سنوات، واختلاس 3 ملايين دينار في صفقة أخرى.\n",
        ),
        story[2],
    ]);
    let (outcome, why) = reason(&result, &documents, "12 مليون دينار", "21 مليون دينار");
    assert_eq!(outcome, Outcome::NotCompared, "{why}");
}

#[test]
fn a_copied_bound_moved_to_another_number_is_a_changed_figure() {
    // Written for this test: one agency sentence about a festival, run twice with its bound moved.
    let (result, _) = check(&[
        (
            "a.txt",
            "2025-05-02",
            "عنوان\nزار أكثر من 40 ألف شخص معرض الكتاب في يومه الأول رغم الأمطار.\n",
        ),
        (
            "b.txt",
            "2025-05-02",
            "عنوان\nزار أكثر من 70 ألف شخص معرض الكتاب في يومه الأول رغم الأمطار.\n",
        ),
    ]);
    assert_eq!(serious(&result).len(), 1, "{:#?}", result.findings);
    // Sentences that are not copies keep the bounds' logic: "more than 40,000" and "more than
    // 70,000" can both be true.
    let (result, _) = check(&[
        (
            "a.txt",
            "2025-05-02",
            "عنوان\nزار أكثر من 40 ألف شخص معرض الكتاب في يومه الأول.\n",
        ),
        (
            "b.txt",
            "2025-05-02",
            "عنوان\nقال المنظمون إن عدد زوار المعرض تجاوز أكثر من 70 ألف شخص منذ الافتتاح وسط إقبال كبير من العائلات.\n",
        ),
    ]);
    assert!(serious(&result).is_empty(), "{:#?}", result.findings);
}

/// The contradictions and tensions of one kind: the cited words of every side.
fn sides_of(result: &StoryCheck, kind: FindingKind) -> Vec<Vec<String>> {
    serious(result)
        .into_iter()
        .filter(|(k, _, _)| *k == kind)
        .map(|(_, _, sides)| sides)
        .collect()
}

/// The date findings: the cited words of every side.
fn date_findings(result: &StoryCheck) -> Vec<Vec<String>> {
    sides_of(result, FindingKind::DateMismatch)
}

#[test]
fn dates_of_one_thing_whose_clauses_align_conflict_whatever_the_event() {
    // A pumping station breaks down; "last month" from 12 June is May.
    let (result, _) = check(&[
        (
            "a.txt",
            "2025-06-12",
            "عنوان\nوقال مدير المحطة إن آخر صيانة شاملة للمضخات الرئيسية أجريت الشهر الماضي.\n",
        ),
        (
            "b.txt",
            "2025-06-13",
            "عنوان\nوبحسب سجلات المحطة، فإن آخر صيانة شاملة للمضخات الرئيسية أجريت في مارس 2025.\n",
        ),
    ]);
    let found = date_findings(&result);
    assert_eq!(found.len(), 1, "{:#?}", result.findings);
    assert!(found[0].iter().any(|s| s.contains("الشهر الماضي")));
    assert!(found[0].iter().any(|s| s.contains("في مارس 2025")));
}

#[test]
fn dates_of_a_saying_of_a_figure_or_of_two_places_in_a_series_are_not_compared() {
    let (result, documents) = check(&[
        (
            "a.txt",
            "2025-06-12",
            "عنوان\nوقال وزير المياه أمس الأربعاء إن المحطة ستعود للعمل.\n\
             وبلغت نسبة انقطاع المياه في الأحياء الشرقية 40% في مايو.\n\
             واستمعت لجنة التحقيق إلى مهندسي المحطة في جلسة أولى يوم الاثنين.\n",
        ),
        (
            "b.txt",
            "2025-06-14",
            "عنوان\nوقال وزير المياه الجمعة إن المحطة ستعود للعمل.\n\
             وبلغت نسبة انقطاع المياه في الأحياء الشرقية 55% في أبريل.\n\
             وفي جلسة ثانية، الخميس 12 يونيو، استمعت لجنة التحقيق إلى مهندسي المحطة.\n",
        ),
    ]);
    assert!(date_findings(&result).is_empty(), "{:#?}", result.findings);
    assert_eq!(
        reason(&result, &documents, "أمس الأربعاء", "الجمعة").1,
        "one dates a saying, not what is said"
    );
    assert!(
        reason(&result, &documents, "في مايو", "في أبريل")
            .1
            .contains("dates a figure")
    );
    assert!(
        reason(&result, &documents, "يوم الاثنين", "الخميس 12 يونيو")
            .1
            .contains("other places in a series")
    );
}

/// The ordinal conflicts of a story of two reports of 12 June 2025, one body line each.
fn ordinal_conflicts(a: &str, b: &str) -> Vec<Vec<String>> {
    let (a, b) = (format!("عنوان\n{a}\n"), format!("عنوان\n{b}\n"));
    let (result, _) = check(&[("a.txt", "2025-06-12", &a), ("b.txt", "2025-06-12", &b)]);
    sides_of(&result, FindingKind::OrdinalConflict)
}

#[test]
fn one_place_of_a_series_given_two_ordinals_is_an_ordinal_conflict_unless_a_report_counts_both() {
    let fifth = "وانتهت في ساعة متأخرة الجولة الخامسة من المفاوضات بين النقابة والإدارة دون اتفاق.";
    let fourth = "وانتهت الجولة الرابعة من المفاوضات بين النقابة والإدارة دون اتفاق.";
    assert_eq!(ordinal_conflicts(fifth, fourth).len(), 1);
    // A report that names the fourth and the fifth round tells two rounds apart.
    let both =
        "وانتهت الجولة الرابعة من المفاوضات بين النقابة والإدارة دون اتفاق، على أن تعقد الجولة الخامسة الأحد.";
    assert!(ordinal_conflicts(fifth, both).is_empty());
}

#[test]
fn a_place_among_days_grows_with_the_report_and_an_old_occurrence_is_another() {
    let (result, _) = check(&[
        (
            "a.txt",
            "2025-06-12",
            "عنوان\nويواصل سائقو الحافلات في المدينة إضرابهم لليوم الثالث للمطالبة برفع الأجور.\n\
             وكانت البلدية قد طرحت المناقصة الأولى لتجديد الأسطول عام 2021.\n",
        ),
        (
            "b.txt",
            "2025-06-10",
            "عنوان\nوبدأ سائقو الحافلات في المدينة إضرابهم في يومه الأول للمطالبة برفع الأجور.\n\
             وفازت شركة محلية بالمناقصة الثانية لتجديد الأسطول.\n",
        ),
    ]);
    assert!(
        sides_of(&result, FindingKind::OrdinalConflict).is_empty(),
        "{:#?}",
        result.findings
    );
}

#[test]
fn a_glued_preposition_is_read_off_a_key_the_story_uses_without_it() {
    // Written for this test: a headline that gives a bribery sentence the body does not.
    let (result, _) = check(&[(
        "a.txt",
        "2025-04-10",
        "السجن سبع سنوات لمدير سابق في قضية رشوة\nقضت محكمة الاستئناف أمس بسجن مدير الجمارك السابق سليم العبدلي خمس سنوات نافذة بتهمة تلقي رشاوى.\n",
    )]);
    assert_eq!(
        serious(&result),
        [(
            FindingKind::Internal,
            Severity::Contradiction,
            vec!["خمس سنوات".into(), "سبع سنوات".into()]
        )],
        "{:#?}",
        result.comparisons
    );
}

#[test]
fn a_report_that_meets_only_the_bodys_figure_joins_the_disagreement_already_found() {
    // b's headline and body give one figure; c's clause aligns with the body only. One
    // disagreement, c on a's side, not a second finding.
    let (result, _) = check(&[
        (
            "a.txt",
            "2025-01-10",
            "عنوان\nأغلقت السلطات مساء أمس نحو 300 مدرسة في إقليم الجبل بسبب العاصفة الثلجية.\n",
        ),
        (
            "b.txt",
            "2025-01-10",
            "العاصفة تغلق 500 مدرسة\nأغلقت السلطات مساء أمس نحو 500 مدرسة في إقليم الجبل بسبب العاصفة الثلجية.\n",
        ),
        (
            "c.txt",
            "2025-01-11",
            "عنوان\nوقال مدير التعليم إن قرابة 300 مدرسة أغلقت أبوابها في إقليم الجبل.\n",
        ),
    ]);
    let counts: Vec<Vec<String>> = result
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::CountMismatch)
        .map(|f| f.sides.iter().map(|s| s.doc.clone()).collect())
        .collect();
    assert_eq!(counts.len(), 1, "{:#?}", result.findings);
    for doc in ["a.txt", "b.txt", "c.txt"] {
        assert!(counts[0].iter().any(|d| d == doc), "{doc} not cited: {counts:?}");
    }
}

#[test]
fn the_two_sides_of_a_contrast_and_their_total_are_apart() {
    let (result, documents) = check(&[
        (
            "a.txt",
            "2025-04-10",
            "عنوان\nأقر المجلس البلدي الخطة بأغلبية 19 عضوا، مقابل معارضة 12 عضوا.\n",
        ),
        (
            "b.txt",
            "2025-04-10",
            "عنوان\nصوت لصالح الخطة 19 عضوا مقابل 12 عضوا صوتوا ضدها.\n",
        ),
        (
            "c.txt",
            "2025-04-10",
            "عنوان\nوصوت 19 عضوا لصالح الخطة و12 ضدها، أي ما مجموعه 31 عضوا.\n",
        ),
    ]);
    assert!(serious(&result).is_empty(), "{:#?}", result.findings);
    // Those against in one report are not those for in the other (c's figures are parts of its
    // total, apart for that).
    let against = result
        .comparisons
        .iter()
        .filter(|c| c.facts.iter().all(|id| !id.starts_with("c.txt")))
        .filter(|c| {
            let words: Vec<String> = c
                .facts
                .iter()
                .map(|id| words_of(&documents, &result, id))
                .collect();
            words.contains(&"12".to_string()) && words.contains(&"19".to_string())
        })
        .collect::<Vec<_>>();
    assert!(!against.is_empty(), "{:#?}", result.comparisons);
    for c in against {
        assert_eq!(c.outcome, Outcome::NotCompared, "{}", c.reason);
        assert!(c.reason.contains("other side"), "{}", c.reason);
    }
    // A total counts both sides: not a rival of either.
    let (outcome, why) = reason(&result, &documents, "19", "31");
    assert_eq!(outcome, Outcome::NotCompared, "{why}");
    assert!(why.contains("total"), "{why}");
}

#[test]
fn what_a_licence_allows_is_no_rival_of_what_was_there() {
    // A boat licensed for 40 that carried 65 (or a block licensed for four floors built to six) is
    // the story, not a contradiction; two reports of how many were aboard still are one.
    let (result, _) = check(&[
        (
            "a.txt",
            "2025-07-04",
            "عنوان\nقال مسؤول في الميناء إن القارب مرخص لنقل 40 راكبا، وإن كشف الرحلة يضم 65 راكبا.\n",
        ),
        (
            "b.txt",
            "2025-07-04",
            "عنوان\nغرق القارب وكان على متنه 65 راكبا، فيما المبنى المجاور مرخص بأربعة طوابق.\n",
        ),
        (
            "c.txt",
            "2025-07-04",
            "عنوان\nغرق القارب أمس وعلى متنه 58 راكبا.\n",
        ),
    ]);
    assert_eq!(
        serious(&result),
        [(
            FindingKind::CountMismatch,
            Severity::Contradiction,
            vec!["58".into(), "65".into(), "65".into()]
        )],
        "{:#?}",
        result.findings
    );
}

#[test]
fn ordinals_counted_from_two_different_moments_are_two_series() {
    // Written for this test: a school's food poisonings.
    let second = "وتعد هذه ثاني حادثة تسمم تشهدها المدرسة منذ افتتاحها قبل عشر سنوات.";
    let third = "وهي ثالث حادثة تسمم تشهدها المدرسة منذ الافتتاح.";
    let first_since_supplier = "وهي أول حادثة تسمم تشهدها المدرسة منذ تغيير مورد الوجبات.";
    let unsaid = "وهي ثالث حادثة تسمم تشهدها المدرسة.";
    // One moment, said in two ways: one series, two places.
    assert_eq!(ordinal_conflicts(second, third).len(), 1);
    // A moment said on one side only is the other's unsaid one.
    assert_eq!(ordinal_conflicts(second, unsaid).len(), 1);
    // Counted from the opening and from the new supplier: two series.
    assert!(ordinal_conflicts(second, first_since_supplier).is_empty());
}

#[test]
fn the_date_set_for_something_dates_it() {
    // Written for this test: «موعداً لـ» names what the date is set for; two dates set for one
    // replayed match conflict.
    let (result, _) = check(&[
        (
            "a.txt",
            "2026-03-02",
            "عنوان\nوحددت الرابطة يوم السبت 14 مارس موعداً لإعادة مباراة الاتحاد والنجم في الملعب البلدي.\n",
        ),
        (
            "b.txt",
            "2026-03-03",
            "عنوان\nوقال المتحدث إن الرابطة قررت إعادة المباراة يوم الأربعاء 11 مارس لتمكين الجماهير من الحضور.\n",
        ),
    ]);
    assert_eq!(date_findings(&result).len(), 1, "{:#?}", result.comparisons);
    // A date set for something else is another date.
    let (result, _) = check(&[
        (
            "a.txt",
            "2026-03-02",
            "عنوان\nوحددت الرابطة يوم السبت 14 مارس موعداً لانعقاد جمعيتها العمومية في الملعب البلدي.\n",
        ),
        (
            "b.txt",
            "2026-03-03",
            "عنوان\nوقال المتحدث إن الرابطة قررت إعادة المباراة يوم الأربعاء 11 مارس لتمكين الجماهير من الحضور.\n",
        ),
    ]);
    assert!(date_findings(&result).is_empty(), "{:#?}", result.findings);
}

#[test]
fn the_date_a_window_starts_at_dates_the_event_that_starts_it() {
    // Written for this test: «منذ انطلاق أولى جولاتها يوم الاثنين 2 فبراير» dates the first round
    // of the talks, though its clause counts how long they have lasted.
    let (result, _) = check(&[
        (
            "a.txt",
            "2026-02-27",
            "عنوان\nوتوصل الطرفان إلى اتفاق بعد مفاوضات امتدت أكثر من ثلاثة أسابيع منذ انطلاق أولى جولاتها يوم الاثنين 2 فبراير.\n",
        ),
        (
            "b.txt",
            "2026-02-28",
            "عنوان\nوتعود المفاوضات إلى الجولة الأولى التي عقدت في 9 فبراير الماضي بمقر الوزارة.\n",
        ),
    ]);
    // Compared on what their clauses say, not set aside as the date of a running figure.
    let dates: Vec<_> = result
        .comparisons
        .iter()
        .filter(|c| c.attribute.as_ref() == "date")
        .collect();
    assert!(!dates.is_empty(), "{:#?}", result.comparisons);
    assert!(
        dates.iter().all(|c| !c.reason.contains("dates a figure")),
        "{dates:#?}"
    );
}

/// A later report's «منذ» date that names what started the window dates the story's incident,
/// which the first report's lead dates: a day apart is a conflict. A bare «منذ الخميس» names
/// nothing and dates another window.
#[test]
fn a_since_date_of_a_later_report_dates_the_incident_of_the_first_reports_lead() {
    let story = |later: &str| {
        check(&[
            (
                "a.txt",
                "2026-03-01",
                "انقطاع المياه عن أحياء المدينة\nانقطعت المياه عن أحياء المدينة الشرقية فجر اليوم الأحد بعد عطل مفاجئ في محطة الضخ الرئيسية.",
            ),
            ("b.txt", "2026-03-05", later),
        ])
        .0
    };
    let misdated = story(
        "أزمة المياه تتواصل\nولا تزال أحياء المدينة الشرقية بلا ماء منذ انقطاعها فجر السبت الماضي، بحسب السكان.",
    );
    let dates: Vec<_> = serious(&misdated)
        .into_iter()
        .filter(|(kind, _, _)| *kind == FindingKind::DateMismatch)
        .collect();
    assert_eq!(dates.len(), 1, "{:#?}", misdated.findings);
    assert!(dates[0].2.iter().any(|t| t.contains("السبت الماضي")), "{dates:?}");
    let other_window =
        story("أزمة المياه تتواصل\nوتصطف الطوابير أمام صهاريج البلدية منذ الخميس، بحسب السكان.");
    assert!(
        serious(&other_window)
            .iter()
            .all(|(kind, _, _)| *kind != FindingKind::DateMismatch),
        "{:#?}",
        other_window.findings
    );
}

/// A wrong weekday cites the reports that give the day its right weekday.
#[test]
fn a_wrong_weekday_cites_the_report_that_names_the_day_right() {
    let (result, _) = check(&[
        (
            "a.txt",
            "2026-03-01",
            "انقطاع المياه عن أحياء المدينة\nانقطعت المياه عن أحياء المدينة الشرقية فجر اليوم الأحد بعد عطل مفاجئ في محطة الضخ.",
        ),
        (
            "b.txt",
            "2026-03-02",
            "أزمة المياه\nوكانت المياه قد انقطعت فجر السبت 1 آذار 2026 عن أحياء المدينة الشرقية.",
        ),
    ]);
    let weekday: Vec<_> = result
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::WeekdayMismatch)
        .collect();
    assert_eq!(weekday.len(), 1, "{:#?}", result.findings);
    let sides: Vec<&str> = weekday[0].sides.iter().map(|s| s.text.as_str()).collect();
    assert!(sides[0].contains("السبت 1 آذار"), "{sides:?}");
    assert!(sides.iter().any(|t| t.contains("اليوم الأحد")), "{sides:?}");
}

/// The first report's lead dates the incident even beside its toll («لقي … مصرعهم فجر اليوم
/// الخميس»); a later report's «منذ الحادث فجر الجمعة الماضي» names another day.
#[test]
fn a_lead_toll_date_still_dates_the_incident_against_a_since_date() {
    let (result, _) = check(&[
        (
            "a.txt",
            "2026-04-16",
            "مصرع تسعة في انقلاب حافلة\nلقي تسعة أشخاص مصرعهم وأصيب عشرون آخرون فجر اليوم الخميس في انقلاب حافلة ركاب على الطريق الجبلي.",
        ),
        (
            "b.txt",
            "2026-04-21",
            "بعد انقلاب الحافلة\nولم تصدر نتائج التحقيق حتى الآن منذ الحادث فجر الجمعة الماضي، بحسب ذوي الضحايا.",
        ),
    ]);
    let dates: Vec<_> = serious(&result)
        .into_iter()
        .filter(|(kind, _, _)| *kind == FindingKind::DateMismatch)
        .collect();
    assert_eq!(dates.len(), 1, "{:#?}", result.findings);
    assert!(
        dates[0].2.iter().any(|t| t.contains("الجمعة الماضي")),
        "{dates:?}"
    );
}
