//! Lengths of time between two moments ("بعد ست ساعات من اندلاعه"، "قبل ثلاث ساعات من موعد الإقلاع"),
//! clock times in near-copied sentences, and currencies named by their family: figures compared end
//! to end on short invented articles.

mod common;

use common::serious_sides as serious;
use isnad_graph::FindingKind;

#[test]
fn how_long_after_an_event_two_reports_say_differently_is_a_quantity_mismatch() {
    let (result, _) = common::check_articles(&[
        (
            "a.txt",
            "2025-11-03",
            "عنوان\nتمكنت فرق الإطفاء من إخماد الحريق في مصنع الورق بعد 6 ساعات من اندلاعه.\n",
        ),
        (
            "b.txt",
            "2025-11-04",
            "عنوان\nأخمدت فرق الإطفاء حريق مصنع الورق بعد نحو 14 ساعة من اندلاعه، وفق الدفاع المدني.\n",
        ),
    ]);
    assert_eq!(
        serious(&result),
        [(
            FindingKind::QuantityMismatch,
            vec!["6 ساعات".into(), "نحو 14 ساعة".into()]
        )]
    );
}

#[test]
fn how_long_before_a_moment_converts_its_units() {
    let (result, _) = common::check_articles(&[
        (
            "a.txt",
            "2025-11-03",
            "عنوان\nوأبلغت شركة الطيران الركاب بإلغاء الرحلة قبل ثلاث ساعات من موعد الإقلاع.\n",
        ),
        (
            "b.txt",
            "2025-11-03",
            "عنوان\nوقال ركاب إن الشركة أبلغتهم بإلغاء الرحلة قبل 40 دقيقة فقط من موعد الإقلاع.\n",
        ),
        (
            "c.txt",
            "2025-11-03",
            "عنوان\nأبلغت شركة الطيران الركاب بإلغاء الرحلة قبل 180 دقيقة من موعد إقلاعها.\n",
        ),
    ]);
    let found = serious(&result);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, FindingKind::QuantityMismatch);
    let mut sides = found[0].1.clone();
    sides.sort();
    assert_eq!(sides, ["180 دقيقة", "40 دقيقة", "ثلاث ساعات"]);
}

#[test]
fn lengths_of_time_after_different_moments_are_not_compared() {
    let (result, _) = common::check_articles(&[
        (
            "a.txt",
            "2025-11-03",
            "عنوان\nووصلت سيارات الإسعاف إلى موقع الانفجار في المستودع بعد 20 دقيقة من الانفجار.\n",
        ),
        (
            "b.txt",
            "2025-11-04",
            "عنوان\nوتوفي العامل الثالث في المستشفى بعد يومين من دخوله العناية المركزة.\n",
        ),
    ]);
    assert_eq!(serious(&result), []);
}

#[test]
fn a_clock_time_in_a_near_copied_paragraph_is_the_same_time() {
    // The later report copies the wire's paragraph, time of day and all, and changes the figure:
    // the time is the copied words' time, not a time of its own publication day.
    let paragraph = |figure: &str| {
        format!(
            "وكان منسوب المياه في السد قد بلغ {figure} أمتار عند الساعة السادسة صباحاً، أي قبل ساعة واحدة من \
             فتح بوابات التصريف، بسبب الأمطار الغزيرة التي هطلت على المنطقة الجبلية طوال الليل."
        )
    };
    let (result, _) = common::check_articles(&[
        ("a.txt", "2025-02-10", &format!("عنوان\n{}\n", paragraph("14"))),
        ("b.txt", "2025-02-15", &format!("عنوان\n{}\n", paragraph("41"))),
    ]);
    let found = serious(&result);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, ["14 أمتار", "41 أمتار"]);
}

#[test]
fn a_currency_named_by_its_family_is_the_national_one() {
    let (result, _) = common::check_articles(&[
        (
            "a.txt",
            "2025-06-01",
            "عنوان\nوأعلن المحافظ صرف تعويض قدره 300 ألف ليرة سورية لكل عائلة فقدت منزلها في الحريق.\n",
        ),
        (
            "b.txt",
            "2025-06-02",
            "عنوان\nوأعلن المحافظ صرف تعويض قدره 150 ألف ليرة لكل عائلة فقدت منزلها في الحريق.\n",
        ),
    ]);
    let found = serious(&result);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, FindingKind::QuantityMismatch);
}

#[test]
fn a_running_toll_copied_with_its_clock_time_a_day_later_is_an_update() {
    let paragraph = |figure: &str| {
        format!(
            "وأعلنت وزارة الصحة أن عدد الوفيات جراء الحمى ارتفع حتى الساعة السادسة مساء إلى {figure} \
             شخصاً، فيما لا يزال عشرات المرضى يتلقون العلاج في مستشفيات المحافظة."
        )
    };
    let (result, _) = common::check_articles(&[
        ("a.txt", "2025-08-03", &format!("عنوان\n{}\n", paragraph("12"))),
        ("b.txt", "2025-08-04", &format!("عنوان\n{}\n", paragraph("19"))),
    ]);
    assert_eq!(serious(&result), []);
}

#[test]
fn two_things_after_one_moment_are_two_lengths_of_time() {
    // Both count from the train's departure: one times its arrival, the other a noise heard on the
    // way, each named in another clause of its sentence.
    let (result, _) = common::check_articles(&[
        (
            "a.txt",
            "2025-04-12",
            "عنوان\nوقالت هيئة السكك الحديدية إن القطار انطلق من المحطة المركزية عند الساعة الثامنة صباحاً \
             وعلى متنه 300 راكب، ليصل إلى مدينة الساحل عند الساعة 08:50، أي بعد 50 دقيقة من انطلاقه.\n",
        ),
        (
            "b.txt",
            "2025-04-12",
            "عنوان\nوروى أحد الركاب أن دوياً قوياً سُمع تحت العربة الثالثة بعد نحو 20 دقيقة من انطلاق القطار، \
             قبل أن يخفف السائق سرعته.\n",
        ),
    ]);
    assert_eq!(serious(&result), []);
}

#[test]
fn a_sum_given_again_in_words_by_another_report_is_cited_on_its_side() {
    // The headline's sum is compared; a third report gives it in words, in a clause read
    // otherwise: it is cited with the side it repeats.
    let (result, _) = common::check_articles(&[
        (
            "a.txt",
            "2025-09-01",
            "محكمة تدين مسؤولين في بلدية الواحة بتبديد 12.7 مليون درهم\n\
             أدانت المحكمة ثلاثة مسؤولين سابقين في بلدية الواحة.\n\
             وقال الادعاء إن الأموال المهدورة قُدّرت بـ12.7 مليون درهم على مدى أربع سنوات.\n",
        ),
        (
            "b.txt",
            "2025-09-02",
            "عنوان\nوأدين المسؤولون الثلاثة بتبديد 17.2 مليون درهم من أموال البلدية.\n",
        ),
        (
            "c.txt",
            "2025-09-03",
            "عنوان\nوبلغت قيمة المبالغ التي تحدثت عنها لائحة الاتهام اثني عشر مليوناً وسبعمئة ألف درهم.\n",
        ),
    ]);
    let finding = result
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::QuantityMismatch)
        .unwrap_or_else(|| panic!("no quantity finding: {:#?}", result.findings));
    let mut cited: Vec<(&str, &str)> = finding
        .sides
        .iter()
        .map(|s| (s.doc.as_str(), s.text.as_str()))
        .collect();
    cited.sort();
    assert_eq!(
        cited,
        [
            ("a.txt", "12.7 مليون درهم"),
            ("b.txt", "17.2 مليون درهم"),
            ("c.txt", "اثني عشر مليوناً وسبعمئة ألف درهم"),
        ]
    );
}

#[test]
fn gallons_and_litres_of_one_output_are_compared() {
    // 10 million gallons are about 37.9 million litres: not 20 million.
    let (result, _) = common::check_articles(&[
        (
            "a.txt",
            "2025-06-23",
            "عنوان\nوتنتج محطة التحلية الشمالية 10 ملايين غالون من مياه الشرب يومياً.\n",
        ),
        (
            "b.txt",
            "2025-06-24",
            "عنوان\nوتنتج محطة التحلية الشمالية 20 مليون لتر من مياه الشرب يومياً.\n",
        ),
    ]);
    let found = serious(&result);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, FindingKind::QuantityMismatch);
}

#[test]
fn two_things_after_the_storys_own_event_are_two_lengths_of_time() {
    // «الانفجار» is the story's topic, named by every report: what came after it still differs.
    let (result, _) = common::check_articles(&[
        (
            "a.txt",
            "2025-03-02",
            "انفجار في مستودع للوقود\nووصلت سيارات الإسعاف إلى المستودع بعد 20 دقيقة من الانفجار.\n",
        ),
        (
            "b.txt",
            "2025-03-03",
            "انفجار في مستودع للوقود\nوانهار سقف المخزن المجاور بعد ساعة من الانفجار.\n",
        ),
    ]);
    assert_eq!(serious(&result), []);
}
