//! Facts read from short sentences: the attribute, the scope, the parts.

use super::*;

/// The facts of a one-article story written as its text (a headline line, then the body).
fn facts_of(text: &str) -> Vec<Fact> {
    crate::test_support::analyze_article(text).facts
}

/// The fact whose value text is `value`.
fn fact<'f>(facts: &'f [Fact], value: &str) -> &'f Fact {
    facts
        .iter()
        .find(|f| f.text == value || f.text.split(|c: char| !c.is_alphanumeric()).any(|w| w == value))
        .unwrap_or_else(|| {
            panic!(
                "no fact {value} in {:#?}",
                facts.iter().map(|f| &f.text).collect::<Vec<_>>()
            )
        })
}

/// Fails unless no fact of `facts` is a date.
fn assert_no_dates(facts: &[Fact]) {
    assert!(
        facts.iter().all(|f| f.value.unit.as_deref() != Some("date")),
        "{:?}",
        facts.iter().map(|f| (&f.text, &f.value.unit)).collect::<Vec<_>>()
    );
}

fn key(facts: &[Fact], value: &str) -> Option<String> {
    fact(facts, value).attribute.key.as_deref().map(str::to_string)
}

#[test]
fn counted_nouns_and_event_words_give_the_attribute() {
    let f = facts_of("عنوان\nلقي 19 قتيلاً وفُقد 34 مفقوداً في السيول، ونقل 23 مصاباً إلى المستشفى.\n");
    assert_eq!(key(&f, "19").as_deref(), Some("killed"));
    assert_eq!(key(&f, "34").as_deref(), Some("missing"));
    assert_eq!(key(&f, "23").as_deref(), Some("injured"));
    let f = facts_of("عنوان\nأسفر الهجوم عن مقتل 7 وإصابة 250 في الاحتجاجات.\n");
    assert_eq!(key(&f, "7").as_deref(), Some("killed"));
    assert_eq!(key(&f, "250").as_deref(), Some("injured"));
}

#[test]
fn open_vocabulary_counted_nouns_are_lemmas() {
    let f = facts_of("عنوان\nشملت المحاكمة 17 متهماً، وعلقت في الميناء 120 سفينة.\n");
    assert_eq!(key(&f, "17").as_deref(), Some(super::lemma("متهم").as_str()));
    assert_eq!(key(&f, "120").as_deref(), Some(super::lemma("سفينة").as_str()));
}

#[test]
fn measure_nouns_before_an_amount() {
    let f = facts_of("عنوان\nبلغت نسبة التغطية 87% في الجولة الأولى.\n");
    let coverage = fact(&f, "87");
    assert_eq!(coverage.attribute.from, AttributeSource::Measure);
    assert_eq!(coverage.value.unit.as_deref(), Some("percent"));
    assert_eq!(
        coverage.attribute.qualifiers(),
        [super::lemma("التغطية").into_boxed_str()]
    );
}

#[test]
fn generic_people_take_the_event_word() {
    let f = facts_of("عنوان\nأعلنت الشرطة توقيف 23 شخصاً في المدينة.\n");
    assert_eq!(key(&f, "23").as_deref(), Some("arrested"));
    let f = facts_of("عنوان\nلقي ستة أشخاص على الأقل حتفهم في الحادث.\n");
    assert_eq!(key(&f, "ستة").as_deref(), Some("killed"));
}

#[test]
fn parts_of_a_whole_are_linked() {
    let f = facts_of("عنوان\nارتفعت الحصيلة إلى 31 قتيلاً، بينهم 12 طفلاً و9 نساء و14 رجلاً.\n");
    let whole = fact(&f, "31");
    assert!(whole.scope.rise);
    for part in ["12", "9", "14"] {
        assert_eq!(
            fact(&f, part).scope.part_of.as_deref(),
            Some(whole.id.as_str()),
            "{part}"
        );
    }
    let f = facts_of("عنوان\nقضت المحكمة بإدانة 11 متهماً وتبرئة ثلاثة آخرين من أصل 14 متهماً.\n");
    let whole = fact(&f, "14");
    assert_eq!(fact(&f, "11").scope.part_of.as_deref(), Some(whole.id.as_str()));
    assert_eq!(fact(&f, "ثلاثة").scope.part_of.as_deref(), Some(whole.id.as_str()));
}

#[test]
fn an_explicit_total_must_be_met() {
    let f = facts_of("عنوان\nكانت الطائرة تقل 164 راكباً و6 من أفراد الطاقم، أي ما مجموعه 180 شخصاً.\n");
    let total = fact(&f, "180");
    assert!(total.scope.total);
    assert_eq!(fact(&f, "164").scope.part_of.as_deref(), Some(total.id.as_str()));
    assert!(fact(&f, "6").scope.partitive);
}

#[test]
fn new_cases_are_not_the_cumulative_count() {
    let f = facts_of("عنوان\nسجلت الوزارة 86 إصابة جديدة، ليرتفع العدد الإجمالي إلى 640 إصابة.\n");
    assert_ne!(key(&f, "86"), key(&f, "640"));
    assert!(fact(&f, "640").scope.rise);
}

#[test]
fn the_stated_time_is_the_figures_not_a_relative_clauses() {
    let f = facts_of(
        "عنوان\nارتفعت حصيلة الفيضان الذي ضرب البلدة فجر أمس الثلاثاء إلى 19 قتيلاً، بحسب بيان صدر عند السابعة من صباح اليوم الخميس.\n",
    );
    let toll = fact(&f, "19");
    assert_eq!(toll.as_of.basis, TimeBasis::Stated);
    assert_eq!(
        toll.as_of
            .time
            .as_ref()
            .and_then(|t| t.day_range())
            .map(|d| d.0.to_string()),
        Some("2025-06-12".to_string())
    );
}

#[test]
fn a_leading_source_clause_dates_the_figures_after_it() {
    // 2025-06-12 is a Thursday: "مساء الثلاثاء الماضي" is 10 June.
    let f = facts_of(
        "عنوان\nووفق النشرة التي أصدرتها إدارة الميناء مساء الثلاثاء الماضي، فقد عبرت 52 شاحنة خلال 24 ساعة.\n",
    );
    let trucks = fact(&f, "52");
    assert_eq!(trucks.as_of.basis, TimeBasis::Stated);
    assert_eq!(
        trucks
            .as_of
            .time
            .as_ref()
            .and_then(|t| t.day_range())
            .map(|d| d.0.to_string()),
        Some("2025-06-10".to_string())
    );
    // A clause that opens with no source word lends the figure nothing.
    let f = facts_of("عنوان\nوصل الوفد مساء الثلاثاء الماضي، وعبرت 52 شاحنة الحدود.\n");
    assert_eq!(fact(&f, "52").as_of.basis, TimeBasis::Publication);
}

#[test]
fn counts_made_in_a_short_window_are_the_new_ones() {
    let f =
        facts_of("عنوان\nأحصت الفرق 12 حريقاً جديداً و3 قتلى خلال 24 ساعة، ليرتفع العدد الإجمالي إلى 40 قتيلاً.\n");
    assert_eq!(key(&f, "3").as_deref(), Some("killed+new"));
    assert_eq!(key(&f, "40").as_deref(), Some("killed"));
    assert!(f.iter().all(|x| !x.text.contains("24")), "the window is no fact");
    let f = facts_of("عنوان\nسقط 5 قتلى في يوم واحد.\n");
    assert_eq!(key(&f, "5").as_deref(), Some("killed+new"));
    // A long window is a toll over that time, not a daily count.
    let f = facts_of("عنوان\nسقط 50 قتيلاً خلال ثلاثة أسابيع من القتال.\n");
    assert_eq!(key(&f, "50").as_deref(), Some("killed"));
}

#[test]
fn identifiers_and_time_windows_are_no_facts() {
    let f = facts_of("عنوان\nهبطت الطائرة على المدرج 27 بعد أن سجلت المحطة 30 مليمتراً خلال 24 ساعة.\n");
    assert!(
        f.iter().all(|x| x.text != "27"),
        "{:?}",
        f.iter().map(|x| &x.text).collect::<Vec<_>>()
    );
    assert!(f.iter().all(|x| !x.text.contains("24")));
}

#[test]
fn a_lasting_verb_makes_a_duration_a_fact() {
    let f = facts_of("عنوان\nأنهى العمال إضراباً دام تسعة أيام.\n");
    let d = fact(&f, "تسعة");
    assert_eq!(d.attribute.key.as_deref(), Some("duration"));
    assert_eq!(d.value.unit.as_deref(), Some("day"));
}

#[test]
fn the_other_side_of_muqabil_is_another_attribute() {
    let f = facts_of("عنوان\nاتخذ القرار بأغلبية خمسة أصوات مقابل ثلاثة.\n");
    assert_ne!(key(&f, "خمسة"), key(&f, "ثلاثة"));
    assert_eq!(fact(&f, "ثلاثة").attribute.modifier(), Some("contrast"));
}

#[test]
#[ignore]
fn dump() {
    let text = std::env::var("FACTS_TEXT").unwrap_or_default();
    for f in facts_of(&format!("عنوان\n{text}\n")) {
        let a = &f.attribute;
        eprintln!(
            "{} | {:?} {:?} | {:?} from {:?} q {:?} mod {:?} | {:?}",
            f.text,
            f.as_of.basis,
            f.as_of.time.as_ref().and_then(|t| t.start),
            a.key,
            a.from,
            a.qualifiers(),
            a.modifier(),
            f.scope
        );
    }
}

#[test]
fn money_taken_from_somewhere_is_measured_by_what_is_said_before_it() {
    // Written for this test: a charity's treasurer and a municipal contract.
    let f = facts_of("عنوان\nاتهمت النيابة أمين الصندوق باختلاس 2 مليون دينار من أموال الجمعية.\n");
    let stolen = fact(&f, "2");
    assert_eq!(
        stolen.attribute.head.as_ref().map(|h| &*h.lemma),
        Some(super::lemma("اختلاس").as_str())
    );
    assert_ne!(key(&f, "2"), Some(super::lemma("أموال")));
    // Other amounts still measure what they are of ("من الأمطار").
    let f = facts_of("عنوان\nسجلت المحطة 80 مليمتراً من الأمطار خلال الليل.\n");
    assert_eq!(key(&f, "80"), Some(super::lemma("الأمطار")));
}

#[test]
fn a_verbal_noun_with_b_right_before_a_sum_governs_it() {
    // Written for this test: "عدداً" (a number of employees) is another phrase's measure noun.
    let f =
        facts_of("عنوان\nوأدانت المحكمة المدير وعدداً من الموظفين باختلاس نحو 3 ملايين دينار من المال العام.\n");
    let sum = fact(&f, "3");
    assert_eq!(sum.attribute.from, AttributeSource::Event, "{:#?}", sum.attribute);
    assert_eq!(
        sum.attribute.head.as_ref().map(|h| &*h.lemma),
        Some(super::lemma("اختلاس").as_str())
    );
}

#[test]
fn fines_are_one_attribute_whether_noun_or_verbal_noun() {
    // Written for this test: a football club fined by its federation, told twice.
    let a =
        facts_of("عنوان\nعاقب الاتحاد النادي بحرمانه من جمهوره مع دفعه غرامة مالية قدرها 300 ألف دينار.\n");
    let b = facts_of("عنوان\nقرر الاتحاد تغريم النادي 200 ألف دينار.\n");
    assert_eq!(key(&a, "300").as_deref(), Some("fine"));
    assert_eq!(key(&b, "200").as_deref(), Some("fine"));
    // "دفعه" (his paying) carries a pronoun: it is not a kind of fine.
    assert!(
        !fact(&a, "300")
            .attribute
            .qualifiers()
            .iter()
            .any(|q| q.contains("دفع")),
        "{:#?}",
        fact(&a, "300").attribute
    );
}

#[test]
fn a_relational_adjective_is_not_what_a_figure_measures() {
    // Written for this test: a teachers' pay deal told two ways.
    let a = facts_of("عنوان\nيمنح الاتفاق المعلمين علاوة سنوية قدرها 400 دينار.\n");
    let b = facts_of("عنوان\nحصل المعلمون على علاوة قدرها 600 دينار.\n");
    assert_eq!(key(&a, "400"), key(&b, "600"), "{:#?}", fact(&a, "400").attribute);
    assert_eq!(key(&a, "400"), Some(super::lemma("علاوة")));
}

#[test]
fn parts_after_a_short_phrase_about_the_whole_are_its_parts() {
    // Written for this test: a vaccination campaign's teams.
    let f =
        facts_of("عنوان\nوقال المدير إن 900 متطوع انضموا إلى الحملة، منهم 500 في الشمال و300 في الجنوب.\n");
    let whole = fact(&f, "900");
    for part in ["500", "300"] {
        assert_eq!(
            fact(&f, part).scope.part_of.as_deref(),
            Some(whole.id.as_str()),
            "{part}"
        );
    }
}

#[test]
fn a_count_in_a_clause_about_a_change_is_a_level() {
    // Written for this test: a council vote on a tax rise, and a rise given by its size.
    let f = facts_of("عنوان\nأقر المجلس البلدي الزيادة في الضريبة بأغلبية 21 صوتاً.\n");
    assert_eq!(
        fact(&f, "21").attribute.modifier(),
        None,
        "{:#?}",
        fact(&f, "21").attribute
    );
    let f = facts_of("عنوان\nرفع المجلس الضريبة بمقدار 3 نقاط.\n");
    assert_eq!(fact(&f, "3").attribute.modifier(), Some("delta"));
}

#[test]
fn a_specific_counted_noun_says_what_is_measured_over_a_measure_class() {
    // Written for this test: a museum's renovation cost and its galleries.
    let f = facts_of("عنوان\nبلغت كلفة ترميم 12 قاعة في المتحف نحو مليون دينار.\n");
    assert_eq!(
        key(&f, "12"),
        Some(super::lemma("قاعة")),
        "{:#?}",
        fact(&f, "12").attribute
    );
}

#[test]
fn a_relative_clause_after_a_comma_is_of_the_dated_noun_before_it() {
    // Written for this test: a wildfire story recalling an older fire.
    let f = facts_of("عنوان\nويعد هذا الحريق الأكبر منذ حريق صيف 2012، الذي أتى على 300 هكتار من الغابات.\n");
    let old = fact(&f, "300");
    assert_eq!(
        old.as_of.basis,
        crate::claims::TimeBasis::Stated,
        "{:#?}",
        old.as_of
    );
    let year = old
        .as_of
        .time
        .as_ref()
        .and_then(|t| t.day_range())
        .map(|(start, _)| chrono::Datelike::year(&start));
    assert_eq!(year, Some(2012));
}

#[test]
fn a_date_after_a_description_of_its_noun_is_aligned_on_that_noun() {
    // Written for this test: an inspection team that arrived in a port town.
    let f = facts_of(
        "عنوان\nوكانت لجنة التفتيش البحرية، المؤلفة من أربعة مهندسين، قد وصلت إلى الميناء صباح الأحد 3 آب.\n",
    );
    let date = fact(&f, "الأحد");
    let words: Vec<&str> = date.context.iter().map(|w| &**w).collect();
    assert!(
        words.iter().any(|w| w.contains("لجن")),
        "what arrived is the committee: {words:?}"
    );
}

#[test]
fn a_date_closing_a_since_window_dates_the_event_the_window_names() {
    let f = facts_of("عنوان\nوارتفع عدد المصابين إلى 120 شخصاً منذ رصد أول إصابة بالحمى الأربعاء الماضي.\n");
    let date = fact(&f, "الأربعاء");
    let words: Vec<&str> = date.context.iter().map(|w| &**w).collect();
    assert!(words.iter().any(|w| w.contains("رصد")), "{words:?}");
    assert!(
        !words.iter().any(|w| w.contains("مصاب")),
        "the figure's words are not the date's: {words:?}"
    );
    assert!(!date.scope.rise, "the rise is the figure's");
    let count = fact(&f, "120");
    assert_ne!(date.clause, count.clause, "the date does not date the figure");
}

#[test]
fn relative_times_that_name_one_day_or_month_are_dates() {
    // Published Thursday 12 June 2025.
    let f = facts_of(
        "عنوان\nوقال المدير إن آخر فحص للمضخات أجري الشهر الماضي، وتعطلت إحدى المضخات صباح أمس الأربعاء.\n",
    );
    let month = fact(&f, "الشهر الماضي");
    assert_eq!(month.value.unit.as_deref(), Some("date"));
    let (start, end) = month
        .value
        .time
        .as_ref()
        .and_then(|t| t.day_range())
        .expect("resolved");
    assert_eq!(
        (start.to_string(), end.to_string()),
        ("2025-05-01".into(), "2025-05-31".into())
    );
    let day = fact(&f, "صباح أمس الأربعاء");
    assert_eq!(
        day.value
            .time
            .as_ref()
            .and_then(|t| t.day_range())
            .map(|(s, _)| s.to_string())
            .as_deref(),
        Some("2025-06-11")
    );
}

#[test]
fn windows_the_present_and_approximations_are_no_dates() {
    let f = facts_of(
        "عنوان\nولا تزال الطريق مغلقة الآن، بعد إغلاقها منذ ثلاثة أيام، خلال الأيام الخمسة الأخيرة، ولم تفتح حتى اليوم.\n",
    );
    assert_no_dates(&f);
}

#[test]
fn a_date_before_what_is_said_dates_the_saying() {
    let f = facts_of("عنوان\nوقال رئيس البلدية أمس إن فرق الإنقاذ وصلت إلى القرية يوم الأحد 8 يونيو.\n");
    assert!(fact(&f, "أمس").scope.saying);
    assert!(!fact(&f, "يوم الأحد 8 يونيو").scope.saying);
}

#[test]
fn a_count_of_times_is_a_place_in_the_series_of_its_clauses_event() {
    let f = facts_of("عنوان\nوأغلقت السلطات المعبر للمرة الثانية، وهذا ثالث إغلاق للمعبر منذ الصيف.\n");
    let times = fact(&f, "الثانية");
    assert_eq!(times.value.unit.as_deref(), Some("ordinal"));
    assert_eq!(
        times.attribute.key.as_deref(),
        Some(&*super::lemma::root_key("أغلقت"))
    );
    assert_eq!(
        fact(&f, "ثالث").attribute.key.as_deref(),
        Some(&*super::lemma::root_key("إغلاق"))
    );
    assert_eq!(times.attribute.key, fact(&f, "ثالث").attribute.key);
}

#[test]
fn a_date_is_never_a_part_of_a_count() {
    let f = facts_of("عنوان\nشارك 15 ألف عامل في الإضراب، بينهم عمال انضموا أمس الأربعاء.\n");
    assert_eq!(fact(&f, "أمس الأربعاء").scope.part_of, None);
}

#[test]
fn a_length_of_time_after_a_moment_is_counted_from_it() {
    // How long after the takeoff the smell came, not how long anything lasted: its moment is its
    // attribute, and «من» names the moment, not a set.
    let f = facts_of(
        "عنوان\nانتشرت رائحة دخان في المقصورة بعد نحو ربع ساعة من الإقلاع، واستمر الهبوط عشرين دقيقة.\n",
    );
    let after = fact(&f, "ربع");
    assert_eq!(after.attribute.key.as_deref(), Some("time_after"));
    assert_eq!(after.attribute.from, AttributeSource::Moment);
    assert_eq!(
        after.attribute.qualifiers(),
        [Box::from(super::lemma("الإقلاع").as_str())]
    );
    assert!(!after.scope.partitive);
    assert_eq!(fact(&f, "عشرين").value.unit.as_deref(), Some("minute"));
    let f = facts_of("عنوان\nأبلغتهم الشركة بالإلغاء قبل 40 دقيقة فقط من موعد الإقلاع.\n");
    assert_eq!(key(&f, "40").as_deref(), Some("time_before"));
    assert_no_dates(&f);
}

/// The participants of a one-article story: (role, name, modality, context lemmas).
fn participants_of(text: &str) -> Vec<(ParticipantRole, String, crate::claims::Modality, Vec<String>)> {
    crate::test_support::analyze_article(text)
        .participants
        .into_iter()
        .map(|p| {
            (
                p.role,
                p.name.to_string(),
                p.modality,
                p.context.iter().map(|w| w.to_string()).collect(),
            )
        })
        .collect()
}

#[test]
fn doers_are_named_people_and_bodies_that_are_no_speakers_or_companions() {
    let found = participants_of(
        "عنوان\nوأمر رئيس البلدية، كريم الحلاق، بإغلاق سوق الخضار المركزي. وقال وائل نجم إن الترميم سيستغرق شهرا. والتقى الوزير بحضور المدير سامي عون.\n",
    );
    let names: Vec<&str> = found.iter().map(|(_, n, _, _)| n.as_str()).collect();
    assert!(names.contains(&"كريم الحلاق"), "{found:#?}");
    // A speaker and someone present at a meeting are not who did what the clause says.
    assert!(!names.contains(&"وائل نجم"), "{found:#?}");
    assert!(!names.contains(&"سامي عون"), "{found:#?}");
    // What he did is said after the name in commas: his clause goes on into it.
    let (_, _, modality, context) = found.iter().find(|(_, n, _, _)| n == "كريم الحلاق").unwrap();
    assert_eq!(*modality, crate::claims::Modality::Asserted);
    assert!(context.iter().any(|w| w.contains("اغلاق")), "{context:?}");
    assert!(
        !context.iter().any(|w| w.contains("حلاق")),
        "its own name is no context: {context:?}"
    );
}

/// A unit's body is the doer ("عناصر من X"، "دورية تابعة لجهاز X"); a name after the doer of its
/// clause, not joined to it by «و», is what was done to, not another doer.
#[test]
fn a_units_body_does_it_and_a_name_after_the_doer_is_its_object() {
    let found = participants_of(
        "عنوان\nوأوقفت عناصر من مديرية أمن الساحل البحار سالم العتيبي مساء الاثنين. وألقت دورية تابعة لجهاز خفر السواحل القبض على المهرب.\n",
    );
    let doers: Vec<&str> = found
        .iter()
        .filter(|(role, _, _, _)| *role == ParticipantRole::Actor)
        .map(|(_, n, _, _)| n.as_str())
        .collect();
    assert_eq!(doers, ["مديرية أمن الساحل", "خفر السواحل"], "{found:#?}");
}

/// An office named without its holder is a doer where a name would be; a speaker's office, one
/// after a preposition and one glued to a preposition are not.
#[test]
fn an_office_without_its_holder_is_a_doer() {
    let found = participants_of(
        "عنوان\nوأمر المحافظ بإغلاق السوق المركزي. وقال وزير الصحة إن المطعم أغلق. والتقى وزير الزراعة بالمحافظ في مكتبه.\n",
    );
    let doers: Vec<&str> = found.iter().map(|(_, n, _, _)| n.as_str()).collect();
    assert_eq!(doers, ["المحافظ", "وزير الزراعة"], "{found:#?}");
    let (_, _, _, context) = &found[0];
    assert!(context.iter().any(|w| w.contains("اغلاق")), "{context:?}");
}

/// A sentence whose names are no doers (a speaker, someone present) has no participants, and its
/// words are not read for them; the same sentence with a doer has one.
#[test]
fn a_sentence_whose_names_do_nothing_is_not_read_for_participants() {
    let gazetteer = crate::entities::Gazetteer::builtin();
    let read = |body: &str| {
        let text = format!("عنوان\n{body}\n");
        let options = isnad_parser::ParseOptions::default();
        let (doc, _) = isnad_parser::parse_document("a.txt", text.as_bytes(), &options).expect("parses");
        let prepared = crate::Prepared::of(&doc);
        let mentions = crate::mentions::prepared_mentions(&prepared, crate::mentions::Lean::Tense);
        let entities = crate::entities::prepared_entities(&prepared, &gazetteer);
        let (claims, _) = crate::claims::prepared_claims(&prepared, &mentions, &entities);
        assert!(prepared.sentences().all(|(_, p)| !p.token_words_read()));
        let found: Vec<String> = prepared_participants(&prepared, &entities, &claims)
            .iter()
            .map(|p| p.name.to_string())
            .collect();
        let words_read = prepared.sentences().any(|(_, p)| p.token_words_read());
        // The names are ones that may do what a clause says: only where they stand says otherwise.
        let named = entities.mentions.iter().any(super::participants::may_participate);
        (found, words_read, named)
    };
    let (found, words_read, named) =
        read("وقال رئيس البلدية، كريم الحلاق، إن الترميم سيستغرق شهرا بحضور المدير سامي عون.");
    assert!(named);
    assert!(found.is_empty(), "{found:?}");
    assert!(!words_read, "a sentence with no doer was read word by word");
    let (found, words_read, _) = read("وأمر رئيس البلدية، كريم الحلاق، بإغلاق السوق بحضور المدير سامي عون.");
    assert_eq!(found, ["كريم الحلاق"]);
    assert!(words_read);
}

#[test]
fn a_negated_doer_is_not_asserted_and_places_follow_a_word_of_place() {
    let found = participants_of(
        "عنوان\nولم يأمر مدير الأشغال، وائل نجم، بإغلاق السوق. وانهارت التربة قرب قرية الزعتر شمال الوادي.\n",
    );
    let doer = found.iter().find(|(_, n, _, _)| n == "وائل نجم").expect("doer");
    assert_eq!(doer.2, crate::claims::Modality::Negated);
    let place = found.iter().find(|(_, n, _, _)| n == "الزعتر").expect("place");
    assert_eq!(place.0, ParticipantRole::Place);
    // Words of place and direction say where, not what happened.
    assert!(
        !place.3.iter().any(|w| w == "قرب" || w.contains("شمال")),
        "{:?}",
        place.3
    );
}

/// A negation negates the doer's verb only before the name or right after it (past an
/// apposition in commas); one further on belongs to a later verb of the clause.
#[test]
fn a_negation_after_the_doers_verb_phrase_is_another_verbs() {
    let modality_of = |text: &str, name: &str| {
        participants_of(text)
            .into_iter()
            .find(|(_, n, _, _)| n == name)
            .unwrap_or_else(|| panic!("{name} is a doer in {text}"))
            .2
    };
    use crate::claims::Modality::{Asserted, Negated};
    // The negation is a later verb's: the tender she awarded cannot be appealed.
    assert_eq!(
        modality_of(
            "عنوان\nوالمناقصة التي أرستها مديرة المشتريات سلمى الحلبي بنفسها لا يمكن الطعن فيها.\n",
            "سلمى الحلبي"
        ),
        Asserted
    );
    // Right after the name, and after an apposition closed by commas, it is the doer's.
    assert_eq!(
        modality_of(
            "عنوان\nومديرة المشتريات سلمى الحلبي لم ترس المناقصة على أي شركة.\n",
            "سلمى الحلبي"
        ),
        Negated
    );
    assert_eq!(
        modality_of(
            "عنوان\nوسلمى الحلبي، مديرة المشتريات في البلدية، لم ترس المناقصة على أي شركة.\n",
            "سلمى الحلبي"
        ),
        Negated
    );
}

#[test]
fn a_number_closing_a_quoted_name_is_no_fact() {
    let f = facts_of(
        "عنوان\nوالطائرة من طراز \"نجمة 300\" وعمرها 12 عاماً، وقال ركاب لصحيفة «المرصد 24» إن الهبوط كان هادئاً.\n",
    );
    assert!(f.iter().all(|x| x.text != "300" && x.text != "24"), "{f:#?}");
    assert_eq!(fact(&f, "12").value.unit.as_deref(), Some("year"));
}

#[test]
fn lemmas_meet_without_a_short_words_proclitic_or_a_short_words_article() {
    use super::match_form;
    assert_eq!(match_form("لاول"), "اول");
    assert_eq!(match_form("ووقع"), "وقع");
    assert_eq!(match_form("للسد"), "سد");
    assert_eq!(match_form("السد"), "سد");
    // Three letters stay whole ("بلغ" is a verb), and long words are the lemma's business.
    assert_eq!(match_form("بلغ"), "بلغ");
    assert_eq!(match_form("صيان"), "صيان");
    assert_eq!(match_form("بيان"), "بيان");
    assert_eq!(match_form("لجنة"), "لجنة");
}

#[test]
fn a_name_between_a_verbal_noun_and_its_value_is_no_attribute() {
    let f = facts_of("عنوان\nوقضت المحكمة بسجن الوزير السابق سامي الحلبي خمس سنوات نافذة.\n");
    let k = key(&f, "خمس").unwrap_or_default();
    assert!(k.contains("سجن"), "{k}");
}

#[test]
fn a_dates_words_stop_where_a_phrase_says_how_it_happened() {
    let f = facts_of("عنوان\nواختتمت الندوة مساء الأحد بعرض مسرحي في القاعة الكبرى.\n");
    let words: Vec<&str> = fact(&f, "الأحد").context.iter().map(|w| &**w).collect();
    assert!(words.iter().any(|w| w.contains("ندو")), "{words:?}");
    assert!(
        !words.iter().any(|w| w.contains("مسرح") || w.contains("قاع")),
        "{words:?}"
    );
    // A subject after the date is what is dated, and a destination says which occasion.
    let f = facts_of("عنوان\nوانطلقت صباح الاثنين قافلة طبية إلى القرى الجبلية.\n");
    let words: Vec<&str> = fact(&f, "الاثنين").context.iter().map(|w| &**w).collect();
    assert!(words.iter().any(|w| w.contains("قافل")), "{words:?}");
    assert!(
        words.iter().any(|w| w.contains("قري") || w.contains("قرى")),
        "{words:?}"
    );
}

#[test]
fn event_words_of_one_sense_meet_and_a_start_is_no_end() {
    let form = |w: &str| align_form(&lemma(w)).to_string();
    assert_eq!(form("انطلقت"), form("بدأ"));
    assert_eq!(form("الافتتاح"), form("بداية"));
    assert_eq!(form("اختتام"), form("انتهت"));
    assert_ne!(form("انطلقت"), form("انتهت"));
    assert!(opposite_senses(&form("بدأت"), &form("اختتمت")));
    assert!(opposite_senses(&form("وصول"), &form("مغادرة")));
    assert!(!opposite_senses(&form("بدأت"), &form("انطلاق")));
    // A word in no sense is its own match form; a lemma cut to two letters is no sense's.
    assert_eq!(form("المهرجان"), match_form(&lemma("المهرجان")));
    assert!(!is_sense(align_form("ان")));
    assert!(is_sense(&form("بدأ")));
}

#[test]
fn the_figure_after_min_in_a_from_to_pair_is_the_value_before_the_change() {
    let f =
        facts_of("عنوان\nقررت الشركة رفع سعر التذكرة من 12 دينارا إلى 15 دينارا بداية من الشهر المقبل.\n");
    assert!(fact(&f, "12").scope.previous, "{:#?}", fact(&f, "12"));
    assert!(!fact(&f, "15").scope.previous);
    let f = facts_of("عنوان\nتراجعت نسبة البطالة من 18 بالمئة إلى 16 بالمئة خلال عامين.\n");
    assert!(fact(&f, "18").scope.previous);
    assert!(!fact(&f, "16").scope.previous);
    // Two figures of one unit with no إلى between them are not a change: "12 دينارا للتذكرة
    // و15 ديناراً للاشتراك".
    let f = facts_of("عنوان\nيبلغ سعر التذكرة 12 دينارا والاشتراك 15 دينارا.\n");
    assert!(!fact(&f, "12").scope.previous && !fact(&f, "15").scope.previous);
    // "من" before a figure that no إلى follows is a part or a source, not a change.
    let f = facts_of("عنوان\nأصيب 4 من 12 عاملا في الحادث.\n");
    assert!(!fact(&f, "12").scope.previous);
}

/// A long article holds a hundred thousand figures and tens of thousands of participants (issue
/// #17): what few of them have is boxed, so each record stays this small.
#[test]
fn a_figure_and_a_participant_hold_their_rare_parts_out_of_line() {
    // With room for the chain of sources as a list (it is held shared where claims share it).
    assert!(
        std::mem::size_of::<Fact>() <= 432,
        "{}",
        std::mem::size_of::<Fact>()
    );
    assert!(
        std::mem::size_of::<Attribute>() <= 80,
        "{}",
        std::mem::size_of::<Attribute>()
    );
    assert!(
        std::mem::size_of::<Participant>() <= 224,
        "{}",
        std::mem::size_of::<Participant>()
    );
}

#[test]
fn figures_dated_by_their_report_share_its_date() {
    let f = facts_of("عنوان\nلقي 19 قتيلاً في السيول، ونقل 23 مصاباً إلى المستشفى.\n");
    let (killed, injured) = (fact(&f, "19"), fact(&f, "23"));
    assert_eq!(killed.as_of.basis, TimeBasis::Publication);
    assert!(std::sync::Arc::ptr_eq(&killed.as_of, &injured.as_of));
}

#[test]
fn an_attribute_writes_its_detail_where_its_fields_stood() {
    let word = |lemma: &str| AttributeWord {
        lemma: lemma.into(),
        span: Span::new(0, 4),
    };
    let mut attribute = Attribute {
        key: Some("نسبه+new".into()),
        class: None,
        from: AttributeSource::Measure,
        head: Some(word("نسبه")),
        detail: AttributeDetail::boxed(AttributeDetail {
            qualifiers: Box::new(["تغطيه".into()]),
            governor: Some("اداني".into()),
            modifier: None,
        }),
        evolving: false,
        of_something: true,
    };
    attribute.set_modifier(Some("new".into()));
    assert_eq!(attribute.modifier(), Some("new"));
    assert_eq!(
        serde_json::to_string(&attribute).unwrap(),
        r#"{"key":"نسبه+new","class":null,"from":"measure","head":{"lemma":"نسبه","span":[0,4]},"qualifiers":["تغطيه"],"governor":"اداني","modifier":"new","evolving":false,"of_something":true}"#
    );
    // Without any, there is no detail at all, and nothing of it is written.
    let plain = Attribute {
        detail: AttributeDetail::boxed(AttributeDetail::default()),
        ..attribute.clone()
    };
    assert!(plain.detail.is_none() && plain.qualifiers().is_empty() && plain.governor().is_none());
    assert_eq!(
        serde_json::to_string(&plain).unwrap(),
        r#"{"key":"نسبه+new","class":null,"from":"measure","head":{"lemma":"نسبه","span":[0,4]},"evolving":false,"of_something":true}"#
    );
    let mut dropped = attribute;
    dropped.detail = AttributeDetail::boxed(AttributeDetail {
        modifier: Some("new".into()),
        ..AttributeDetail::default()
    });
    dropped.set_modifier(None);
    assert!(dropped.detail.is_none());
}

#[test]
fn a_participants_words_are_its_sentences_and_are_written_as_words() {
    let article = crate::test_support::analyze_article(
        "عنوان\nوأمر رئيس البلدية، كريم الحلاق، بإغلاق سوق الخضار المركزي.\n",
    );
    let doer = article
        .participants
        .iter()
        .find(|p| &*p.name == "كريم الحلاق")
        .expect("the doer");
    let sentence = doer.sentence_words();
    assert!(!doer.context.is_empty());
    assert!(doer.context.iter().all(|w| has_word(sentence, w)), "{doer:#?}");
    let written = serde_json::to_value(&doer.context).unwrap();
    let words: Vec<&str> = doer.context.iter().map(|w| &**w).collect();
    assert_eq!(written, serde_json::json!(words));
}

#[test]
fn an_auxiliary_of_being_is_never_what_is_measured() {
    let f = facts_of(
        "عنوان\nنُقل 20 مصاباً إلى المستشفى، ولا يزال 8 منهم في العناية المركزة، وظلت 3 سفن عالقة قرب الرصيف.\n",
    );
    for value in ["8", "3"] {
        let key = key(&f, value);
        assert!(
            !matches!(key.as_deref(), Some("يزال" | "ظلت" | "ظل")),
            "{value}: {key:?}"
        );
    }
}

#[test]
fn figures_set_against_each_other_by_muqabil_take_their_sides() {
    let f = facts_of(
        "عنوان\nأقرت اللجنة التعديل بأغلبية 9 أصوات مقابل معارضة 6 أعضاء، وباع النادي لاعبه مقابل 4 ملايين يورو.\n",
    );
    assert_eq!(fact(&f, "9").scope.versus, Some(Versus::First));
    assert_eq!(fact(&f, "6").scope.versus, Some(Versus::Second));
    // A price after مقابل with no figure before it is no contrast.
    assert_eq!(fact(&f, "4 ملايين يورو").scope.versus, None);
}

#[test]
fn the_first_or_last_few_of_a_set_are_a_part_of_it() {
    let f = facts_of(
        "عنوان\nانتشلت فرق الإنقاذ آخر أربع جثث من تحت الأنقاض، لتستقر الحصيلة عند 17 قتيلاً، وسُجلت أول 3 إصابات في المخيم.\n",
    );
    assert!(fact(&f, "أربع").scope.partitive, "{:?}", fact(&f, "أربع").scope);
    assert!(fact(&f, "3").scope.partitive);
    assert!(!fact(&f, "17").scope.partitive);
}

#[test]
fn a_noun_opening_besides_is_no_modifier_of_the_count() {
    let f = facts_of("عنوان\nوكان على متنها 78 راكباً إضافة إلى طاقمها، ثم صعد 12 راكباً إضافياً.\n");
    assert_eq!(key(&f, "78").as_deref(), Some("راكب"));
    assert_ne!(key(&f, "12"), key(&f, "78"));
}

#[test]
fn a_clause_after_a_comma_takes_another_years_date_from_the_one_before() {
    let f = facts_of(
        "عنوان\nوحُرّر له محضر مخالفة عام 2021 بسبب البناء دون ترخيص، انتهى بغرامة قدرها 8000 دينار.\n",
    );
    let fine = fact(&f, "8000");
    let time = fine.as_of.time.as_ref().expect("a stated time");
    assert_eq!(
        time.day_range().map(|(s, _)| s.to_string()),
        Some("2021-01-01".into())
    );
    // A relative clause's date is its noun's, not the figure's after it.
    let f = facts_of("عنوان\nوكانت المحطة القديمة، التي افتتحت عام 1998، لا تستوعب أكثر من 300 ألف مسافر.\n");
    assert_ne!(fact(&f, "300").as_of.basis, crate::claims::TimeBasis::Stated);
}

#[test]
fn a_preposition_with_a_pronoun_names_no_attribute() {
    // "وفيها" is و + في + ها, not a word of the toll ("وفيات" reads as «وفي» too).
    let f = facts_of("عنوان\nوصلت الشحنة إلى الميناء، وفيها 500 عبوة، ومنها 40 صندوقاً تالفاً.\n");
    assert_eq!(key(&f, "500").as_deref(), Some(super::lemma("عبوة").as_str()));
    assert_eq!(key(&f, "40").as_deref(), Some(super::lemma("صندوق").as_str()));
}

#[test]
fn whom_a_verb_reaches_and_another_unit_are_no_parts() {
    // The parts after «منها» are the count right after it, not the shops it went to.
    let f = facts_of(
        "عنوان\nأنتج المصنع 60 ألف كيس سعة 25 كيلوغراماً، وُزّع منها 40 ألفاً على 150 متجراً و12 مخزناً.\n",
    );
    assert!(
        fact(&f, "150").scope.part_of.is_none(),
        "{:#?}",
        fact(&f, "150").scope
    );
    assert!(fact(&f, "12").scope.part_of.is_none());
    assert!(fact(&f, "25").scope.part_of.is_none());
    // A list of parts still holds: the dead among them.
    let f = facts_of("عنوان\nسقط 31 قتيلاً، بينهم 12 طفلاً و9 نساء.\n");
    assert!(fact(&f, "12").scope.part_of.is_some());
    assert!(fact(&f, "9").scope.part_of.is_some());
}

#[test]
fn a_verbal_noun_after_a_counted_noun_names_its_kind_not_what_happened_to_it() {
    // "فرق إنقاذ" are rescue teams, "مراكز إيواء" shelters: neither counts rescued or sheltered people.
    let f = facts_of("عنوان\nشاركت في البحث تسع فرق إنقاذ من ثلاث محافظات، وفُتح 14 مركز إيواء للأسر.\n");
    assert_ne!(key(&f, "تسع").as_deref(), Some("rescued"));
    assert_ne!(key(&f, "14").as_deref(), Some("evacuated"));
    // What happened to the counted people, said after them, still gives the attribute.
    let f = facts_of("عنوان\nولا يزال 4 عمال في عداد المفقودين بعد الحريق.\n");
    assert_eq!(key(&f, "4").as_deref(), Some("missing"));
    // Past a preposition the class word is another phrase's: teams searching for the missing.
    let f = facts_of("عنوان\nشاركت ثماني فرق في البحث عن المفقودين.\n");
    assert_ne!(key(&f, "ثماني").as_deref(), Some("missing"));
}

#[test]
fn others_after_a_count_are_not_what_the_previous_clause_counts() {
    // "19 others trapped" are not more of the dead the clause before counts.
    let f = facts_of("عنوان\nلقي خمسة صيادين حتفهم ولا يزال 12 آخرون عالقين في الجزيرة.\n");
    assert_eq!(key(&f, "خمسة").as_deref(), Some("killed"));
    assert_ne!(key(&f, "12").as_deref(), Some("killed"));
}

#[test]
fn a_word_after_a_conjunction_is_not_the_counted_noun() {
    // "ارتفاع الجرحى إلى 6 وآمال …": the figure ends its phrase; «وآمال» starts another.
    let f = facts_of("عنوان\nارتفاع الإصابات إلى 6 وتحذيرات من موجة جديدة\n");
    assert_eq!(key(&f, "6").as_deref(), Some("injured"));
}

#[test]
fn the_trapped_and_those_brought_out_alive_are_running_figures_of_their_own() {
    let f = facts_of("عنوان\nوتمكن الغواصون من إخراج خمسة صيادين أحياء، ولا يزال 4 آخرون عالقين في الكهف.\n");
    assert_eq!(key(&f, "خمسة").as_deref(), Some("rescued"));
    assert_eq!(key(&f, "4").as_deref(), Some("trapped"));
    assert!(fact(&f, "4").attribute.evolving);
    // Before a number «أحياء» are quarters of a town.
    let f = facts_of("عنوان\nشمل انقطاع المياه ثلاثة أحياء في المدينة.\n");
    assert_ne!(key(&f, "ثلاثة").as_deref(), Some("rescued"));
}

/// A noun in the dual is its own count of two and names what it counts, also a feminine one
/// after a glued conjunction, though another class was said before it.
#[test]
fn a_noun_in_the_dual_counts_its_own_class() {
    let f = facts_of("عنوان\nوأسفر انقلاب الحافلة على الطريق الصحراوي عن 14 جريحاً ووفاتين بين الركاب.\n");
    let two = fact(&f, "ووفاتين");
    assert_eq!(two.value.amount.value, Some(2.0));
    assert_eq!(two.attribute.class, Some("killed"), "{:#?}", two.attribute);
    assert_eq!(fact(&f, "14").attribute.class, Some("injured"));
}

/// Patients in hospital now and patients who recovered are two running figures of their own.
#[test]
fn patients_in_hospital_and_patients_recovered_are_classes_of_their_own() {
    let f = facts_of(
        "عنوان\nوفي مستشفى المدينة يرقد حالياً 60 مريضاً، فيما تعافى 25 مريضاً وعادوا إلى منازلهم. أما مستشفى الأطفال فيرقد فيه 12 طفلاً.\n",
    );
    assert_eq!(
        fact(&f, "60").attribute.class,
        Some("hospitalized"),
        "{:#?}",
        fact(&f, "60").attribute
    );
    assert_eq!(
        fact(&f, "25").attribute.class,
        Some("recovered"),
        "{:#?}",
        fact(&f, "25").attribute
    );
    assert_eq!(
        fact(&f, "12").attribute.class,
        Some("hospitalized"),
        "{:#?}",
        fact(&f, "12").attribute
    );
}

#[test]
fn an_estimate_of_what_happened_is_no_forecast() {
    // "التقديرات الأولية" and "يرجح" estimate a figure that already holds; only an expectation
    // ("من المتوقع أن") makes a forecast, another figure than the outcome.
    let f = facts_of("عنوان\nوتشير التقديرات الأولية إلى نفوق 900 رأس من الماشية في السيول.\n");
    let k = key(&f, "900").unwrap_or_default();
    assert!(!k.contains("forecast"), "{k}");
    let f = facts_of("عنوان\nومن المتوقع أن يصل عدد الزوار إلى 40 ألف زائر خلال المعرض.\n");
    let k = key(&f, "40 ألف").unwrap_or_default();
    assert!(k.contains("forecast"), "{k}");
}

#[test]
fn what_happens_for_the_nth_time_is_the_event_after_its_frame() {
    // The verb after «أن» or the verbal noun after «لـ» is what happens, not "it is expected".
    let f = facts_of("عنوان\nومن المنتظر أن يتولى نادر الشابي قيادة الفريق للمرة الثانية.\n");
    let g = facts_of("عنوان\nوهو ما يمهد الطريق لتولي نادر الشابي قيادة الفريق للمرة الثالثة.\n");
    let (a, b) = (key(&f, "للمرة الثانية"), key(&g, "للمرة الثالثة"));
    assert!(a.is_some() && a == b, "{a:?} vs {b:?}");
}

// Written for these tests: a water cut, a customs seizure, a heatwave and a dairy's losses.

#[test]
fn a_time_before_or_after_an_event_dates_nothing_of_the_report() {
    let f = facts_of(
        "عنوان\nوتوقفت المضخات قبل عشرين دقيقة فقط من انقطاع التيار، وعادت بعد ساعتين تقريباً من إصلاح العطل.\n",
    );
    assert_no_dates(&f);
}

#[test]
fn a_count_of_one_place_alone_or_of_the_set_just_named_is_a_part() {
    let f = facts_of("عنوان\nوتضررت نحو 900 أسرة في حي الشروق وحده من انقطاع المياه.\n");
    assert!(fact(&f, "900").scope.partitive);
    let f = facts_of("عنوان\nونفق 60 رأساً من الأبقار، 25 رأساً منها في مزرعة واحدة قرب السد.\n");
    assert!(fact(&f, "25").scope.partitive);
    assert!(!fact(&f, "60").scope.partitive);
    let f = facts_of("عنوان\nوضبطت الجمارك 1200 كرتونة من السجائر المهربة في الميناء.\n");
    assert!(!fact(&f, "1200").scope.partitive);
    let f = facts_of("عنوان\nوضبطت الجمارك 1200 كرتونة منها 300 كرتونة من التبغ.\n");
    assert!(!fact(&f, "1200").scope.partitive);
}

#[test]
fn what_a_place_or_body_holds_is_a_stock_not_what_happened_to_some_of_it() {
    let f = facts_of(
        "عنوان\nوضبطت الجمارك 1200 كرتونة من السجائر، ويضم المستودع الجمركي 15 ألف كرتونة من البضائع المحجوزة.\n",
    );
    assert_ne!(key(&f, "1200"), key(&f, "15"));
    assert_eq!(fact(&f, "15").attribute.modifier(), Some("stock"));
    assert_eq!(fact(&f, "1200").attribute.modifier(), None);
    let f = facts_of("عنوان\nوتحتوي المكتبة على نحو 40 ألف مخطوطة نادرة.\n");
    assert_eq!(fact(&f, "40").attribute.modifier(), Some("stock"));
    // What a collective or a record holds is the count of its members.
    let f = facts_of("عنوان\nوقال المنظمون إن الوفد الذي يضم 24 طبيباً وصل إلى المخيم.\n");
    assert_eq!(fact(&f, "24").attribute.modifier(), None);
}

#[test]
fn a_unit_after_an_earlier_number_measures_nothing_after_it() {
    let f = facts_of("عنوان\nوسجلت الحرارة 44 درجة في الرقة وتجاوزت 40 درجة في عدة ولايات داخلية.\n");
    assert_eq!(key(&f, "عدة"), Some(super::lemma("ولايات")));
}

#[test]
fn a_length_of_time_each_day_is_a_daily_length() {
    let f = facts_of("عنوان\nوتقرر قطع المياه عن الأحياء الشرقية لمدة ثلاث ساعات يومياً حتى نهاية الشهر.\n");
    assert_eq!(fact(&f, "ثلاث").attribute.modifier(), Some("daily"));
    let f = facts_of("عنوان\nوانقطعت المياه عن الأحياء الشرقية ثلاث ساعات أمس.\n");
    assert_ne!(fact(&f, "ثلاث").attribute.modifier(), Some("daily"));
}

#[test]
fn an_ordinal_counted_since_a_moment_is_of_that_moments_series() {
    let f = facts_of(
        "عنوان\nوهذه ثاني حادثة تسمم تشهدها المدرسة منذ افتتاحها عام 2010. واعتبر الأهالي أنها أول حادثة تسمم منذ تغيير المورد. وهي ثالث حادثة تسمم منذ الافتتاح بحسب الأهالي.\n",
    );
    let (second, first, third) = (fact(&f, "ثاني"), fact(&f, "أول"), fact(&f, "ثالث"));
    assert_eq!(second.attribute.key, first.attribute.key);
    assert_ne!(second.attribute.modifier(), first.attribute.modifier());
    assert_eq!(second.attribute.modifier(), third.attribute.modifier());
    assert!(second.attribute.modifier().is_some());
}

#[test]
fn an_amount_in_a_clause_of_its_own_is_of_the_noun_before_it() {
    let f =
        facts_of("عنوان\nوتضاف الغرامة المحكوم بها على المقاول، وقدرها 7000 دينار، إلى المبالغ المستحقة.\n");
    assert_eq!(key(&f, "7000").as_deref(), Some("fine"));
    // A clause with more in it is read on its own.
    let f = facts_of("عنوان\nوتضاف الغرامة المحكوم بها على المقاول، وقد دفع 7000 دينار للبلدية.\n");
    assert_ne!(key(&f, "7000").as_deref(), Some("fine"));
    // The Maghrebi legal word for a fine, noun and verbal noun.
    let f = facts_of(
        "عنوان\nوقضت المحكمة بسجن المقاول عامين مع خطية مالية بـ9 آلاف دينار وتخطئة شريكه بـ4 آلاف دينار.\n",
    );
    assert_eq!(key(&f, "9").as_deref(), Some("fine"));
    assert_eq!(key(&f, "4").as_deref(), Some("fine"));
}

#[test]
fn a_date_keeps_the_part_of_the_day_it_names() {
    let f = facts_of("عنوان\nوقع التسرب في المصنع فجر الأحد الماضي، وزاره المفتشون مساء أمس.\n");
    assert_eq!(fact(&f, "فجر الأحد الماضي").scope.day_part, Some((3, 7)), "{f:#?}");
    assert_eq!(fact(&f, "مساء أمس").scope.day_part, Some((15, 24)));
}
