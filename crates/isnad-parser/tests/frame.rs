//! The article's frame, on lines written for these tests (invented outlets and places): masthead
//! and outlet, headline under it, taglines, section labels, bylines, "place - source" lines,
//! datelines of every form and digit set, month names of every family alone or paired with a slash
//! in either order, Hijri dates with their Gregorian day, and metadata lines with times.

use isnad_parser::{BlockKind, BoilerplateReason, DateSource, Document, ParseOptions, parse_document};

fn parse(text: &str) -> Document {
    parse_document("t.txt", text.as_bytes(), &ParseOptions::default())
        .expect("parses")
        .0
}

/// What the frame reading gives: (outlet, headline, publication date).
fn frame(text: &str) -> (Option<String>, Option<String>, Option<String>) {
    let doc = parse(text);
    let date = published(&doc);
    (doc.meta.outlet, doc.meta.title, date)
}

/// The publication date read, as text.
fn published(doc: &isnad_parser::Document) -> Option<String> {
    doc.meta.published.map(|d| d.to_string())
}

fn check(text: &str, outlet: Option<&str>, headline: Option<&str>, date: Option<&str>) {
    let (o, h, d) = frame(text);
    assert_eq!(
        (o.as_deref(), h.as_deref(), d.as_deref()),
        (outlet, headline, date),
        "in:\n{text}"
    );
}

/// The texts of the body's sentences (the headline's left out).
fn body_sentences(doc: &Document) -> Vec<&str> {
    doc.sentences
        .iter()
        .filter(|s| !s.in_headline)
        .map(|s| doc.text(s.span))
        .collect()
}

fn reason_of(doc: &Document, line: &str) -> Option<BlockKind> {
    doc.blocks
        .iter()
        .find(|b| doc.text(b.span) == line)
        .map(|b| b.kind.clone())
}

const BODY: &str = "وقالت البلدية إن الأعمال ستنتهي خلال أسبوعين، وإن الطريق سيفتح أمام السيارات بعد ذلك.";

#[test]
fn masthead_named_by_its_form_is_the_outlet_not_the_headline() {
    check(
        &format!(
            "وكالة السهل للأنباء\nتاريخ النشر: 03/02/2024 - 10:15\n\nافتتاح طريق جديد بين بلدة النخلة والساحل الشمالي\n\n{BODY}\n"
        ),
        Some("وكالة السهل للأنباء"),
        Some("افتتاح طريق جديد بين بلدة النخلة والساحل الشمالي"),
        Some("2024-02-03"),
    );
    check(
        &format!("صحيفة الفجر الجديد\n\nالبلدية تعيد فتح السوق القديم بعد ترميمه\n\n{BODY}\n"),
        Some("صحيفة الفجر الجديد"),
        Some("البلدية تعيد فتح السوق القديم بعد ترميمه"),
        None,
    );
    check(
        &format!(
            "رصيف نيوز\nالأربعاء 5 شباط 2025 | محليات\n\nأمطار غزيرة تغلق الطرق الجبلية في محافظة التلال\n\n{BODY}\n"
        ),
        Some("رصيف نيوز"),
        Some("أمطار غزيرة تغلق الطرق الجبلية في محافظة التلال"),
        Some("2025-02-05"),
    );
}

#[test]
fn a_known_outlet_name_is_a_masthead() {
    // A listed name above a headline only one word longer, and above a wire dateline.
    check(
        &format!("سكاي نيوز عربية\n\nالبرلمان يقر قانون الانتخابات\n\n{BODY}\n"),
        Some("سكاي نيوز عربية"),
        Some("البرلمان يقر قانون الانتخابات"),
        None,
    );
    check(
        &format!("الشرق الأوسط\n\nتل الزيتون، 2 أيار 2024 - {BODY}\n"),
        Some("الشرق الأوسط"),
        None,
        Some("2024-05-02"),
    );
}

#[test]
fn a_short_line_above_a_longer_headline_is_a_masthead() {
    check(
        &format!("الشرفة\n\nالمجلس البلدي يقر خطة لتوسيع شبكة المياه في الأحياء الشرقية\n\n{BODY}\n"),
        Some("الشرفة"),
        Some("المجلس البلدي يقر خطة لتوسيع شبكة المياه في الأحياء الشرقية"),
        None,
    );
    // No blank lines at all: masthead, headline, body on consecutive lines.
    check(
        &format!("مرافئ اليوم\nالحكومة تقر موازنة العام المقبل بزيادة في الإنفاق على الصحة\n{BODY}\n"),
        Some("مرافئ اليوم"),
        Some("الحكومة تقر موازنة العام المقبل بزيادة في الإنفاق على الصحة"),
        None,
    );
    // A question can be a headline.
    check(
        &format!("قلم حر\n\nهل تكفي الزيادة الجديدة في الأجور لمواجهة الغلاء؟\n\n{BODY}\n"),
        Some("قلم حر"),
        Some("هل تكفي الزيادة الجديدة في الأجور لمواجهة الغلاء؟"),
        None,
    );
}

#[test]
fn without_a_masthead_the_first_line_stays_the_headline() {
    check(
        &format!("الوزيرة تزور الميناء الجديد\n{BODY}\n"),
        None,
        Some("الوزيرة تزور الميناء الجديد"),
        None,
    );
    // A headline that starts like an outlet's name but is a sentence about an agency.
    check(
        &format!("وكالة الفضاء تطلق قمرا صناعيا جديدا\n{BODY}\n"),
        None,
        Some("وكالة الفضاء تطلق قمرا صناعيا جديدا"),
        None,
    );
}

#[test]
fn taglines_and_section_labels_are_not_the_headline() {
    let text = format!(
        "أوراق خضراء\nمدونة في البيئة والمدن\n\nرأي | المدن تحتاج إلى أشجار أكثر لا إلى طرق أوسع\n\nبقلم: نادر الحسيني\n\n{BODY}\n"
    );
    let doc = parse(&text);
    assert_eq!(doc.meta.outlet.as_deref(), Some("أوراق خضراء"));
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("المدن تحتاج إلى أشجار أكثر لا إلى طرق أوسع")
    );
    assert_eq!(doc.meta.byline.as_deref(), Some("نادر الحسيني"));
    let masthead = Some(BlockKind::Boilerplate {
        reason: BoilerplateReason::Masthead,
    });
    assert_eq!(reason_of(&doc, "مدونة في البيئة والمدن"), masthead);
    let byline = Some(BlockKind::Boilerplate {
        reason: BoilerplateReason::Byline,
    });
    assert_eq!(reason_of(&doc, "بقلم: نادر الحسيني"), byline);
    assert!(doc.sentences.iter().all(|s| !doc.text(s.span).contains("نادر")));
}

#[test]
fn bylines_and_place_source_lines_are_frame() {
    let byline = Some(BlockKind::Boilerplate {
        reason: BoilerplateReason::Byline,
    });
    for line in [
        "كتب: سامر العلي",
        "كتبت - رنا الحلو",
        "المدينة الساحلية - خاص",
        "وادي السنديان - متابعة",
        "العاصمة - مكتب الرائد:",
        "تل الزيتون - الرائد",
    ] {
        let text = format!(
            "الرائد\n\nالبلدية تعلن خطة جديدة لإدارة النفايات في الأحياء القديمة\n\n{line}\n\n{BODY}\n"
        );
        let doc = parse(&text);
        assert_eq!(reason_of(&doc, line), byline, "{line}");
    }
    // A story line with a dash is not a place-source line.
    let text = format!(
        "الرائد\n\nالبلدية تعلن خطة جديدة لإدارة النفايات في الأحياء القديمة\n\nقال الوزير - في كلمة أمام النواب - إن الخطة جاهزة.\n\n{BODY}\n"
    );
    let doc = parse(&text);
    assert_eq!(
        reason_of(&doc, "قال الوزير - في كلمة أمام النواب - إن الخطة جاهزة."),
        Some(BlockKind::Body)
    );
}

#[test]
fn datelines_of_every_form() {
    let head = "الرائد\n\nالبلدية تعلن خطة جديدة لإدارة النفايات في الأحياء القديمة\n\n";
    let cases = [
        // A wire dateline: place, comma, a month paired with a two-word Levantine name, the agency.
        (
            "وادي السنديان، 26 نوفمبر/تشرين الثاني 2024 (وسن) - أعلنت البلدية",
            "2024-11-26",
        ),
        // The pair in the other order, with a space around the slash.
        (
            "وادي السنديان، 3 تشرين الأول / أكتوبر 2024 (وسن) - أعلنت البلدية",
            "2024-10-03",
        ),
        (
            "وادي السنديان، 9 كانون الأول/ديسمبر 2023 - أعلنت البلدية",
            "2023-12-09",
        ),
        (
            "المدينة الساحلية، 5 آب/أغسطس 2022 (وسن) - أعلنت البلدية",
            "2022-08-05",
        ),
        // Eastern Arabic and Persian digits.
        ("تل الزيتون - ٢٩ يناير ٢٠٢٦ - أعلنت البلدية", "2026-01-29"),
        ("تل الزيتون - ۴ مارس ۲۰۲۴ - أعلنت البلدية", "2024-03-04"),
        // Maghrebi and Algerian month names.
        ("عين الصفصاف - 9 دجنبر 2024 - أعلنت البلدية", "2024-12-09"),
        ("عين الصفصاف - 12 جوان 2022 - أعلنت البلدية", "2022-06-12"),
        ("عين الصفصاف في 2 شتنبر 2023: أعلنت البلدية", "2023-09-02"),
        // A date line of its own, with a weekday.
        ("تل الزيتون - الجمعة 14 مارس 2025\n\nأعلنت البلدية", "2025-03-14"),
    ];
    for (line, date) in cases {
        let doc = parse(&format!("{head}{line} عن خطة جديدة.\n\n{BODY}\n"));
        assert_eq!(published(&doc).as_deref(), Some(date), "{line}");
        // The place it was filed from, without the comma, dash or «في» before the date.
        let place = doc.meta.dateline_place.map(|s| &doc.source[s.range()]);
        let expected = ["وادي السنديان", "المدينة الساحلية", "تل الزيتون", "عين الصفصاف"]
            .into_iter()
            .find(|p| line.starts_with(p));
        assert_eq!(place, expected, "{line}");
        assert_eq!(doc.meta.published_from, Some(DateSource::Dateline));
        // The dateline is frame: no sentence starts with the place.
        assert!(
            doc.sentences.iter().all(|s| !doc
                .text(s.span)
                .starts_with(line.split([' ', '،']).next().unwrap_or(line))),
            "{line}"
        );
    }
}

#[test]
fn metadata_lines_with_times() {
    let head = "الرائد\n";
    let tail = "\n\nالبلدية تعلن خطة جديدة لإدارة النفايات في الأحياء القديمة\n\n";
    let cases = [
        ("تاريخ النشر: 06/01/2026 - 07:55", "2026-01-06"),
        (
            "نُشر في: ٢٢/٠٧/٢٠٢٤ - ١٦:٣٠ | آخر تحديث: ٢٢/٠٧/٢٠٢٤ - ١٨:٠٥",
            "2024-07-22",
        ),
        (
            "نُشر في: 3 حزيران 2024 - 11:20 | آخر تحديث: 3 حزيران 2024 - 12:00",
            "2024-06-03",
        ),
        ("آخر تحديث: 8 يوليوز 2023 - 21:35 | رياضة", "2023-07-08"),
        ("نُشر بتاريخ: 2024-03-15 08:00", "2024-03-15"),
        ("الإثنين 7 أبريل 2025 - 18:45 | آخر تحديث: 19:10", "2025-04-07"),
    ];
    for (line, date) in cases {
        let doc = parse(&format!("{head}{line}{tail}{BODY}\n"));
        assert_eq!(published(&doc).as_deref(), Some(date), "{line}");
        let kind = reason_of(&doc, line);
        assert_eq!(
            kind,
            Some(BlockKind::Boilerplate {
                reason: BoilerplateReason::PublicationLine
            }),
            "{line}"
        );
    }
}

#[test]
fn hijri_dates_with_their_gregorian_day() {
    let head = "جريدة الساحل\n";
    let tail = "\n\nالبلدية تعلن خطة جديدة لإدارة النفايات في الأحياء القديمة\n\n";
    let cases = [
        // The Gregorian day after الموافق is the publication date.
        ("الجمعة 15 شعبان 1446 هـ - الموافق 14 فبراير 2025 م", "2025-02-14"),
        ("الاثنين 1 رمضان 1445هـ الموافق 11 مارس 2024م", "2024-03-11"),
        (
            "المدينة الساحلية - 1 رمضان 1445 هـ - الموافق 11 مارس 2024",
            "2024-03-11",
        ),
        // A Hijri date alone is read in Umm al-Qura.
        ("الاثنين 1 رمضان 1445 هـ", "2024-03-11"),
    ];
    for (line, date) in cases {
        let doc = parse(&format!("{head}{line}{tail}{BODY}\n"));
        assert_eq!(published(&doc).as_deref(), Some(date), "{line}");
        assert!(doc.meta.date_disagreements.is_empty(), "{line}");
    }
    // A Hijri date that is not the Gregorian day beside it: the Gregorian one dates the article,
    // the disagreement is kept with both readings.
    let line = "الأحد 5 رجب 1447 هـ - الموافق 30 نوفمبر 2025 م";
    let doc = parse(&format!("{head}{line}{tail}{BODY}\n"));
    assert_eq!(published(&doc).as_deref(), Some("2025-11-30"));
    let [d] = doc.meta.date_disagreements.as_slice() else {
        panic!("one disagreement: {:?}", doc.meta.date_disagreements)
    };
    assert_eq!(doc.text(d.hijri_span), "5 رجب 1447 هـ");
    assert_eq!(d.hijri_as_gregorian.to_string(), "2025-12-25");
    assert_eq!(d.gregorian.to_string(), "2025-11-30");
    // A day off is the sighting calendars' difference, not a disagreement.
    let doc = parse(&format!(
        "{head}الاثنين 2 رمضان 1445 هـ - الموافق 11 مارس 2024 م{tail}{BODY}\n"
    ));
    assert!(doc.meta.date_disagreements.is_empty());
}

#[test]
fn a_wire_dateline_under_a_masthead_without_headline() {
    let doc = parse(&format!(
        "وكالة الوادي للأنباء\n\nتل الزيتون، 4 أيار/مايو 2025 (واو) - افتتح المحافظ الجسر الجديد.\n\n{BODY}\n"
    ));
    assert_eq!(doc.meta.outlet.as_deref(), Some("وكالة الوادي للأنباء"));
    assert_eq!(doc.meta.title, None);
    assert_eq!(published(&doc).as_deref(), Some("2025-05-04"));
    assert_eq!(doc.text(doc.sentences[0].span), "افتتح المحافظ الجسر الجديد.");
}

#[test]
fn the_outlets_name_under_the_headline_is_frame_and_the_dateline_follows_it() {
    for masthead in [
        "وكالة الوادي للأنباء | محليات",
        "صحيفة الشروق",
        "وكالة الوادي للأنباء",
    ] {
        let doc = parse(&format!(
            "المحافظ يفتتح الجسر الجديد فوق النهر\n{masthead}\n\nتل الزيتون (الأردن) - ٤ أيار/مايو ٢٠٢٥ (واو) - افتتح المحافظ الجسر.\n"
        ));
        assert_eq!(published(&doc).as_deref(), Some("2025-05-04"), "{masthead}");
        assert_eq!(
            reason_of(&doc, masthead),
            Some(BlockKind::Boilerplate {
                reason: BoilerplateReason::Masthead
            }),
            "{masthead}"
        );
        assert_eq!(body_sentences(&doc), ["افتتح المحافظ الجسر."], "{masthead}");
    }
    // With a date, the outlet's line dates the article.
    let doc = parse(
        "المحافظ يفتتح الجسر الجديد فوق النهر\nصحيفة الشروق | الأحد 4 أيار/مايو 2025 | 10:15\n\nافتتح المحافظ الجسر.\n",
    );
    assert_eq!(published(&doc).as_deref(), Some("2025-05-04"));
}

#[test]
fn an_outlets_line_of_several_parts_is_dated_by_its_date_part() {
    // "outlet | section | date", "outlet | date | section": the part that is a date dates the
    // article, above the headline or under it, and the wire dateline after it is frame.
    let lines = [
        (
            "وكالة الوادي للأنباء | محليات وخدمات | 04-05-2025 10:15",
            "2025-05-04",
        ),
        (
            "وكالة الوادي للأنباء | الأحد 6 ذو القعدة 1446 هـ الموافق 4 مايو 2025 م | محليات",
            "2025-05-04",
        ),
        ("صحيفة الشروق | رأي وتحليل | الأحد 4 أيار/مايو 2025", "2025-05-04"),
    ];
    for (line, date) in lines {
        for text in [
            format!(
                "{line}\n\nالمحافظ يفتتح الجسر الجديد فوق النهر\n\nتل الزيتون - 4 أيار/مايو 2025 (واو) - افتتح المحافظ الجسر.\n"
            ),
            format!(
                "المحافظ يفتتح الجسر الجديد فوق النهر\n{line}\n\nتل الزيتون - 4 أيار/مايو 2025 (واو) - افتتح المحافظ الجسر.\n"
            ),
        ] {
            let doc = parse(&text);
            assert_eq!(published(&doc).as_deref(), Some(date), "{text}");
            assert_eq!(body_sentences(&doc), ["افتتح المحافظ الجسر."], "{text}");
        }
    }
    // A part that says more than a date does not date the article.
    let doc = parse(
        "وكالة الوادي للأنباء | افتتاح الجسر الجديد يوم 4 مايو 2025 بحضور المحافظ\n\nالمحافظ يفتتح الجسر الجديد فوق النهر\n\nافتتح المحافظ الجسر أمس.\n",
    );
    assert_eq!(published(&doc), None);
}

#[test]
fn the_dateline_is_frame_even_when_a_metadata_line_dated_the_article() {
    let doc = parse(
        "وكالة الوادي للأنباء\nتاريخ النشر: 04/05/2025 - 10:00\n\nالمحافظ يفتتح الجسر الجديد فوق النهر\n\nتل الزيتون، 4 أيار/مايو 2025 (واو) - افتتح المحافظ الجسر.\n",
    );
    assert_eq!(published(&doc).as_deref(), Some("2025-05-04"));
    assert_eq!(body_sentences(&doc), ["افتتح المحافظ الجسر."]);
}

#[test]
fn messy_frames_never_panic() {
    for text in [
        "",
        "\n\n\n",
        "وكالة",
        "وكالة\n",
        "الرائد\n\n",
        "الأحد 5 رجب",
        "5 رجب 99999 هـ - الموافق",
        "الموافق 31 فبراير 2025",
        "جريدة\n30 رمضان 1445 هـ - الموافق\n\nعنوان",
        "كتب:\n",
        "ـ - ـ",
        "نوفمبر/",
        "17 نوفمبر/ 2025",
        "17 /تشرين الثاني 2025",
    ] {
        let _ = parse(text);
    }
}

#[test]
fn a_dateline_place_needs_its_separator() {
    // An outlet's name, then the city, then the date: where the place starts is unknown.
    let doc = parse("مرصد الأخبار كرمانة 20 فبراير 2024 – أعلنت البلدية خطة جديدة.\n\nنص الخبر.\n");
    assert_eq!(doc.meta.dateline_place, None);
    let doc = parse("خبر عن الخطة\n\nكرمانة، 20 فبراير 2024 – أعلنت البلدية خطة جديدة.\n\nنص الخبر.\n");
    assert_eq!(
        doc.meta.dateline_place.map(|s| &doc.source[s.range()]),
        Some("كرمانة")
    );
}

#[test]
fn the_first_part_of_a_frame_line_of_parts_is_the_outlet() {
    let headline = "المحافظ يفتتح الجسر الجديد فوق النهر";
    // Under the headline, a bar line dated by a publication or update part.
    for (line, outlet) in [
        ("صدى الجنوب | نُشر في 04/05/2025 - 10:15", "صدى الجنوب"),
        ("النجمة | آخر تحديث: 4 مايو 2025 - 20:15", "النجمة"),
        ("وكالة النسيم للأنباء | 04/05/2025 - 11:30", "وكالة النسيم للأنباء"),
    ] {
        let doc = parse(&format!("{headline}\n{line}\n\n{BODY}\n"));
        assert_eq!(doc.meta.outlet.as_deref(), Some(outlet), "{line}");
        assert_eq!(doc.meta.title.as_deref(), Some(headline), "{line}");
        assert_eq!(published(&doc).as_deref(), Some("2025-05-04"), "{line}");
        assert_eq!(body_sentences(&doc), [BODY], "{line}");
    }
    // Above the headline, a line of parts split by dashes.
    check(
        &format!("صوت الوادي – الأحد 4 مايو 2025\n\n{headline}\n\n{BODY}\n"),
        Some("صوت الوادي"),
        Some(headline),
        Some("2025-05-04"),
    );
    // A masthead of parts: its first part.
    check(
        &format!("منصة الوادي | أخبار الجنوب\n\n{headline}\n\n{BODY}\n"),
        Some("منصة الوادي"),
        Some(headline),
        None,
    );
    // The outlet's own name, its head word and descriptive tail left out.
    let doc = parse(&format!(
        "{headline}\nوكالة النسيم للأنباء | 04/05/2025 - 11:30\n\n{BODY}\n"
    ));
    assert_eq!(doc.meta.outlet_name.map(|s| doc.text(s)), Some("النسيم"));
}

#[test]
fn the_place_of_a_place_source_line_is_where_the_report_was_filed_from() {
    for line in ["تل الورد - خاص", "تل الورد – مكتب الصحيفة:", "تل الورد - النسيم"]
    {
        let doc = parse(&format!(
            "صحيفة النسيم\n\nالمحافظ يفتتح الجسر الجديد فوق النهر\n\n{line}\n\n{BODY}\n"
        ));
        let place = doc.meta.dateline_place.map(|s| doc.text(s));
        assert_eq!(place, Some("تل الورد"), "{line}");
    }
}
