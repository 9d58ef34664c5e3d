//! Entity finding: gazetteer matches through clitics, names in no gazetteer, coreference,
//! ambiguity, spelling variants, and the integrity of the built-in gazetteer files.

use isnad_claims::entities::{
    DocEntities, EntityId, EntityInfo, EntityMention, EntityType, Gazetteer, MatchKind, MentionForm,
    find_entities,
};
use isnad_parser::{Document, ParseOptions, parse_document};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::builtin);

/// Parses an article (first line: headline) and finds its entities.
fn analyze(text: &str) -> (Document, DocEntities) {
    let (doc, _) = parse_document("t.txt", text.as_bytes(), &ParseOptions::default()).expect("parses");
    let found = find_entities(&doc, &GAZETTEER);
    for m in &found.mentions {
        assert_eq!(
            &doc.source[m.span.range()],
            &*m.text,
            "span must quote the original text"
        );
    }
    (doc, found)
}

fn article(body: &str) -> String {
    format!("خبر عاجل عن الأحداث الجارية اليوم\n{body}\n")
}

fn mentions_of<'a>(found: &'a DocEntities, text: &str) -> Vec<&'a EntityMention> {
    found.mentions.iter().filter(|m| &*m.text == text).collect()
}

/// Checks that `text` is found in `body` and resolves to `id` (a full id, or a prefix ending
/// in ':' such as "new:person:").
fn check(body: &str, expected: &[(&str, &str)]) {
    let (_, found) = analyze(&article(body));
    for (text, id) in expected {
        let hits = mentions_of(&found, text);
        assert!(
            !hits.is_empty(),
            "`{text}` not found in {body}\nmentions: {:#?}",
            found.mentions
        );
        for m in hits {
            let entity = m.entity.as_ref().map(|id| id.as_str()).unwrap_or("<none>");
            let ok = if id.ends_with(':') {
                entity.starts_with(id)
            } else {
                entity == *id
            };
            assert!(ok, "`{text}` resolved to {entity}, expected {id}");
        }
    }
}

/// Checks that none of `texts` is a mention in `body`.
fn check_absent(body: &str, texts: &[&str]) {
    let (_, found) = analyze(&article(body));
    for text in texts {
        assert!(
            mentions_of(&found, text).is_empty(),
            "`{text}` wrongly found in {body}: {:#?}",
            found.mentions
        );
    }
}

fn entity_of(found: &DocEntities, text: &str) -> Option<EntityId> {
    mentions_of(found, text).first().and_then(|m| m.entity.clone())
}

// ---- gazetteer matches through clitics, at word boundaries ----

/// A name comes back many times in an article, and a long one holds hundreds of thousands of
/// mentions (issue #17): the mentions written the same way share one string.
#[test]
fn mentions_written_the_same_way_share_their_text() {
    let (_, found) = analyze(&article("وصل بوتين إلى بكين، ثم غادر بوتين بكين إلى موسكو."));
    let putin = mentions_of(&found, "بوتين");
    assert_eq!(putin.len(), 2, "{:#?}", found.mentions);
    assert!(std::sync::Arc::ptr_eq(&putin[0].text, &putin[1].text));
    let beijing = mentions_of(&found, "بكين");
    assert_eq!(beijing.len(), 2, "{:#?}", found.mentions);
    assert!(std::sync::Arc::ptr_eq(&beijing[0].text, &beijing[1].text));
    assert!(!std::sync::Arc::ptr_eq(&putin[0].text, &beijing[0].text));
}

#[test]
fn gazetteer_names_through_proclitics() {
    check(
        "التقى وبوتين مع الوفد في موسكو.",
        &[("بوتين", "person:vladimir-putin"), ("موسكو", "place:moscow")],
    );
    check(
        "نُقل الملف بالأمم المتحدة وللأمم المتحدة رأي آخر.",
        &[("الأمم المتحدة", "org:un"), ("أمم المتحدة", "org:un")],
    );
    check(
        "وصل الوفد إلى بيونغيانغ ثم عاد لموسكو وبكين.",
        &[
            ("بيونغيانغ", "place:pyongyang"),
            ("موسكو", "place:moscow"),
            ("بكين", "place:beijing"),
        ],
    );
    check(
        "قالت فرانس برس إن الهند وافقت.",
        &[("فرانس برس", "agency:afp"), ("الهند", "country:in")],
    );
    check(
        "أكدت وكالة الأنباء المركزية الكورية الخبر.",
        &[("وكالة الأنباء المركزية الكورية", "agency:kcna")],
    );
    check(
        "نقلت رويترز عن مصدر في الناتو أن الاتحاد الأوروبي يدرس الأمر.",
        &[
            ("رويترز", "agency:reuters"),
            ("الناتو", "org:nato"),
            ("الاتحاد الأوروبي", "org:eu"),
        ],
    );
}

#[test]
fn word_boundaries_are_respected() {
    // الهند inside الهندسة, عمان inside عماني handled as adjective, آبل inside وابل.
    check_absent(
        "درس الهندسة في الجامعة وسط وابل من الانتقادات.",
        &["الهند", "ابل", "وابل"],
    );
    // The word بوتين is the name, not ب + وتين.
    let (_, found) = analyze(&article("اجتمع بوتين بالوفد."));
    let m = mentions_of(&found, "بوتين");
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].how, MatchKind::Gazetteer);
    // Longest match first: جنوب السودان is not السودان, and غينيا بيساو is not غينيا.
    check(
        "زار الوفد جنوب السودان ثم غينيا بيساو.",
        &[("جنوب السودان", "country:ss"), ("غينيا بيساو", "country:gw")],
    );
    check_absent("ولد في مسقط رأسه قرب الساحل.", &["مسقط"]);
}

#[test]
fn nationality_adjectives_point_at_countries() {
    let (_, found) = analyze(&article(
        "وصلت سيارة روسية الصنع إلى الوفد الكوري الشمالي والمسؤولين الأمريكيين.",
    ));
    for (text, id) in [
        ("روسية", "country:ru"),
        ("الكوري الشمالي", "country:kp"),
        ("الأمريكيين", "country:us"),
    ] {
        let m = mentions_of(&found, text);
        assert_eq!(m.len(), 1, "{text}");
        assert_eq!(m[0].entity.as_ref().map(|id| id.as_str()), Some(id));
        assert_eq!(m[0].form, MentionForm::Adjective);
    }
}

// ---- names in no gazetteer ----

#[test]
fn unknown_people_after_titles_and_reporting_verbs() {
    check(
        "قال وزير المالية الكيني جون مباتيا إن الاقتصاد سينمو.",
        &[("جون مباتيا", "new:person:")],
    );
    check(
        "وأعلن رئيس الوزراء البيروفي خوسيه أرغيداس أمس عن خطة جديدة.",
        &[("خوسيه أرغيداس", "new:person:")],
    );
    check(
        "وصرح السفير النرويجي هانس كريستيانسن للصحفيين بأن المفاوضات مستمرة.",
        &[("هانس كريستيانسن", "new:person:")],
    );
    check(
        "وقال تاكاهيرو موريتا، المحلل في طوكيو، إن الأسعار ارتفعت.",
        &[("تاكاهيرو موريتا", "new:person:")],
    );
    check("وأكد الدكتور سمير الحلبي أن العلاج فعال.", &[]);
    check(
        "قالت المتحدثة باسم وزارة الصحة لينا كوفاليوفا إن الوضع مستقر.",
        &[],
    );
    let (_, found) = analyze(&article("قال وزير المالية الكيني جون مباتيا إن الاقتصاد سينمو."));
    let m = &mentions_of(&found, "جون مباتيا")[0];
    assert_eq!(m.how, MatchKind::Title);
    assert_eq!(m.kind, EntityType::Person);
    let title = m.title().expect("the title phrase is kept");
    assert!(
        found
            .entities
            .iter()
            .any(|e| e.id == *m.entity.as_ref().unwrap() && e.names[0].text == "جون مباتيا")
    );
    let (doc, _) = analyze(&article("قال وزير المالية الكيني جون مباتيا إن الاقتصاد سينمو."));
    assert_eq!(&doc.source[title.range()], "وزير المالية الكيني");
}

#[test]
fn family_names_with_the_article() {
    // Nisbas, tribal plurals and article words before a name particle belong to the name.
    check(
        "وأكد وزير الداخلية سامي الدرويشي أن الحادث قيد التحقيق.",
        &[("سامي الدرويشي", "new:person:")],
    );
    check(
        "ترأس رئيس الوزراء ناصر الحمايدة ونظيره اجتماعات اللجنة.",
        &[("ناصر الحمايدة", "new:person:")],
    );
    check(
        "عاد الوزير الأول محمد الأمين ولد سيدي عالي إلى نواكشوط.",
        &[("محمد الأمين ولد سيدي عالي", "new:person:")],
    );
    check(
        "وقال حمدي الزياني إن الطريق مغلق.",
        &[("حمدي الزياني", "new:person:")],
    );
    // An article noun after a name is its object, not a family name.
    check_absent(
        "والتقى الوزير سامر الوفد الزائر في مكتبه.",
        &["سامر الوفد", "سامر الوفد الزائر"],
    );
    check_absent("وافتتح المدير كريم المعرض السنوي أمس.", &["كريم المعرض"]);
    // A noun in the construct state after a title is no name ("أشغال اللجنة").
    check_absent("ترأس مع نظيره الأردني أشغال اللجنة العليا.", &["أشغال"]);
    check_absent(
        "وكان في استقبال الوزير الأول لدى وصوله عدد من الوزراء.",
        &["وصوله"],
    );
    // A number word after a name is the sentence's figure ("ست سنوات"), not a name word.
    check(
        "وحكمت المحكمة بسجن رجل الأعمال يونس آيت الحاج ست سنوات.",
        &[("يونس آيت الحاج", "new:person:")],
    );
    check_absent(
        "وحكمت المحكمة بسجن رجل الأعمال يونس آيت الحاج ست سنوات.",
        &["يونس آيت الحاج ست", "يونس آيت الحاج ست سنوات", "سنوات"],
    );
    // A plural title in the construct state ("محللو"، "مسؤولو") is whose people they are, no name word.
    check_absent(
        "وكتب محللو مصرف تورنال في مذكرة لعملائهم أن القرار متوقع.",
        &["محللو مصرف تورنال", "محللو"],
    );
    check_absent(
        "وقال مسؤولو نوردفيلد إن المصنع سيغلق.",
        &["مسؤولو نوردفيلد", "مسؤولو"],
    );
    check(
        "وقال مسؤولو نوردفيلد إن المصنع سيغلق.",
        &[("نوردفيلد", "new:organization:")],
    );
    // A word right before a figure governs it ("توقيف 17"): the name ends before it.
    check_absent(
        "وأعلنت ولاية أمن زيرفان توقيف 17 شخصاً بعد المواجهات.",
        &["أمن زيرفان توقيف", "ولاية أمن زيرفان توقيف", "زيرفان توقيف"],
    );
}

#[test]
fn unknown_organizations_and_places_after_head_nouns() {
    check(
        "وقعت شركة فيلدمارك اتفاقا مع جامعة كوكمين في سول.",
        &[
            ("فيلدمارك", "new:organization:"),
            ("جامعة كوكمين", "new:organization:"),
            ("سول", "place:seoul"),
        ],
    );
    check(
        "وكتبت صحيفة لا ريبوبليكا أن الاتفاق تأخر.",
        &[("لا ريبوبليكا", "new:agency:")],
    );
    check(
        "ووصل الوفد إلى مدينة كاراغندا صباحا.",
        &[("كاراغندا", "new:place:")],
    );
    // An institution with a nationality adjective is one organization, not a bare adjective.
    check(
        "ونفت وزارة الخارجية البرازيلية الخبر.",
        &[("وزارة الخارجية البرازيلية", "new:organization:")],
    );
    check_absent("ونفت وزارة الخارجية البرازيلية الخبر.", &["البرازيلية"]);
    // A plural noun after a head is no variant of a short gazetteer name ("بنوك" is not Boeing).
    let (_, found) = analyze(&article("بقرض من مجموعة بنوك تركية بنحو 95 مليون يورو."));
    assert!(
        found
            .mentions
            .iter()
            .all(|m| m.entity.as_ref().map(|id| id.as_str()) != Some("org:boeing")),
        "{found:#?}"
    );
    // An accusative or a word in و after a head's name is no part of it.
    check_absent(
        "ونُقل المصابون إلى مستشفى ميدانياً قرب البلدة، وضرب الزلزال إقليم وادي سمرين ويخلف قتلى.",
        &["مستشفى ميدانياً قرب", "وادي سمرين ويخلف قتلى"],
    );
    check_absent("وجاء تصريح المتحدث عقب اجتماعات اللجنة.", &["عقب اجتماعات"]);
    // Teams: the name after "فريق"/"منتخب" may start with the article or a noun in ة.
    check(
        "توج فريق الرشيد الرياضي بلقب الكأس بعد فوزه على فريق نهضة سطيف.",
        &[
            ("الرشيد الرياضي", "new:organization:"),
            ("نهضة سطيف", "new:organization:"),
        ],
    );
    check_absent("توج فريق الرشيد الرياضي بلقب الكأس.", &["الرشيد الرياضي بلقب"]);
    // Common nouns after "تحالف" are no names ("تحالف أسلحة بين البلدين").
    check_absent("أثار مخاوف غربية بشأن تحالف أسلحة بين البلدين.", &["أسلحة"]);
    // An article adjective after the name agrees with the head noun.
    check(
        "وكانت بلدة تازمورت الأكثر تضرراً، ووقعت مجموعة كاراتاش القابضة العقد.",
        &[("تازمورت", "new:place:"), ("كاراتاش", "new:organization:")],
    );
}

#[test]
fn a_place_described_by_what_happened_there_has_no_name() {
    check_absent(
        "وقالت الهيئة إن ارتفاع الأمواج في منطقة الحادث بلغ نحو 3 أمتار قرب موقع الانفجار أمس.",
        &["الحادث", "بلغ", "الانفجار", "أمس"],
    );
}

#[test]
fn place_names_after_place_heads() {
    // An article word after a place head is the place's name unless it describes the place.
    check(
        "وجرفت المياه السيارة قرب قرية المنارة شمال المدينة، ونجا السائق في قرية الصفصاف.",
        &[("المنارة", "new:place:"), ("الصفصاف", "new:place:")],
    );
    // A mine is a place named after its head, as a village is.
    check(
        "وانهار رواق في منجم الحجر الأسود للفوسفات شمال البلاد.",
        &[("الحجر الأسود", "new:place:")],
    );
    check_absent(
        "ونقل المصابون إلى مخيم النازحين قرب ميناء الحاويات ومطار العاصمة.",
        &[
            "النازحين",
            "ميناء الحاويات",
            "الحاويات",
            "العاصمة",
            "مطار العاصمة",
        ],
    );
    // A common noun that opens a place's name takes the next word, article or not; works and
    // features of the land keep their head, with an adjective the name ends with.
    check(
        "وهبطت الطائرة في مطار رأس الوادي، وتضرر سد الوحدة الأعلى، وكان الصياد من قرية عين الخير.",
        &[
            ("مطار رأس الوادي", "new:place:"),
            ("سد الوحدة الأعلى", "new:place:"),
            ("عين الخير", "new:place:"),
        ],
    );
    // Two dams named alike are two places.
    let (_, found) = analyze(&article("وفاض سد الوحدة الأعلى، فيما صمد سد الوحدة الأسفل."));
    assert_ne!(
        entity_of(&found, "سد الوحدة الأعلى"),
        entity_of(&found, "سد الوحدة الأسفل"),
        "{found:#?}"
    );
}

#[test]
fn a_place_name_with_a_proclitic_is_no_variant_of_it() {
    // "بالمنارة" is ب + the name: one spelling, so no name_variant note can cite it.
    let (_, found) = analyze(&article(
        "وجرفت المياه السيارة قرب قرية المنارة شمال المدينة. وعاد الهدوء بالمنارة مساء اليوم.",
    ));
    assert!(mentions_of(&found, "بالمنارة").is_empty(), "{found:#?}");
}

#[test]
fn names_after_a_title_with_an_adjective_or_before_a_preposition() {
    // A given name in أل/إل is no article word ("إلياس"، "ألفت").
    check(
        "وقال المدير الطبي إلياس حداد إن المستشفى استقبل 20 مصابا، وقالت المهندسة ألفت سرور إن الجسر آمن.",
        &[("إلياس حداد", "new:person:"), ("ألفت سرور", "new:person:")],
    );
    check(
        "وقال المدير الطبي يوسف نصار إن المستشفى استقبل 20 مصابا، ويقول الخبير الاقتصادي حمدي العبدلاوي إن الأسعار سترتفع.",
        &[("يوسف نصار", "new:person:"), ("حمدي العبدلاوي", "new:person:")],
    );
    // A preposition, alone or glued to a noun, ends an article family name.
    check(
        "كما أمر وزير الزراعة فادي العطار بتشكيل لجنة، وتمكن قائد السفينة ماهر الزين من إيصالها.",
        &[("فادي العطار", "new:person:"), ("ماهر الزين", "new:person:")],
    );
    check_absent(
        "كما أمر وزير الزراعة فادي العطار بتشكيل لجنة.",
        &["فادي العطار بتشكيل"],
    );
    // A family name in ة where the name must end.
    check(
        "وأكدت مصادر أن مساعدة المدير هند سلامة هي التي قادت التفاوض، وقاد النقيب سامر حلاوة، قائد الفوج، عملية الإنقاذ.",
        &[("هند سلامة", "new:person:"), ("سامر حلاوة", "new:person:")],
    );
    check_absent("والتقى الوزير سامر زيارة الوفد.", &["سامر زيارة"]);
    // The same family name written with ه.
    check(
        "وأشاد الركاب بمساعدة المدير هند سلامه، التي طمأنتهم.",
        &[("هند سلامه", "new:person:")],
    );
    // Alone after a title, a nisba is the name itself.
    check_absent("وقال الدكتور الحمايدي إن الوضع مستقر.", &["إن الوضع"]);
}

#[test]
fn a_name_ends_before_a_feminine_noun() {
    // Verb, agent, recipient, theme: the recipient's name stops before the object "قلادة".
    check(
        "أهدى رئيس البرازيل ماركوس تيليني قلادة ذهبية.",
        &[("ماركوس تيليني", "new:person:")],
    );
}

#[test]
fn given_names_ending_in_taa_after_titles() {
    // Listed given names in ة, alone or with a surname.
    check(
        "قالت المديرة فاطمة زيتوني إن المشروع تأخر.",
        &[("فاطمة زيتوني", "new:person:")],
    );
    check(
        "وأعلن القائد حمزة دوبلاني أن القوات انسحبت.",
        &[("حمزة دوبلاني", "new:person:")],
    );
    check(
        "وصرح السفير أسامة قرنفلي للصحفيين بأن المحادثات مستمرة.",
        &[("أسامة قرنفلي", "new:person:")],
    );
    check(
        "وقال العميد طلحة موراني إن الطريق مغلق.",
        &[("طلحة موراني", "new:person:")],
    );
    check("قال الرئيس حمزة إن البلاد بخير.", &[("حمزة", "new:person:")]);
    // An unlisted name in ة right after a title, followed by another name word.
    check(
        "قالت المحامية نوارة بلقاسمي إن القضية أُغلقت.",
        &[("نوارة بلقاسمي", "new:person:")],
    );
    // Nouns in ة after a name or a title still end the name or are no name.
    check(
        "أهدى رئيس البرازيل ماركوس تيليني قلادة ذهبية.",
        &[("ماركوس تيليني", "new:person:")],
    );
    check_absent(
        "وقال مدير مدرسة البلدة إن الدروس توقفت.",
        &["مدرسة البلدة", "البلدة"],
    );
    check_absent("وأكد الوزير زيارة قريبة للمنطقة.", &["زيارة قريبة", "قريبة"]);
}

#[test]
fn names_after_long_titles() {
    check(
        "وقال مدير إدارة صناعة الأسمدة كامو تيرانغا إن الإنتاج زاد.",
        &[("كامو تيرانغا", "new:person:")],
    );
    check(
        "وأعلن رئيس هيئة تنمية الصادرات الزراعية مارتن أوكيلو أن الصادرات ارتفعت.",
        &[("مارتن أوكيلو", "new:person:")],
    );
    check(
        "قال قائد القوات البرية الكينية جوزيف موانغي إن الوضع هادئ.",
        &[("جوزيف موانغي", "new:person:")],
    );
    check(
        "بحسب ما أعلنه المتحدث باسم هيئة الإنقاذ محمد فاروق.",
        &[("محمد فاروق", "new:person:")],
    );
    // A coordinated portfolio belongs to the title, not to the name.
    check(
        "ورافقه وزير الاقتصاد والمالية سالم ولد أعمر، ووزير الزراعة.",
        &[("سالم ولد أعمر", "new:person:")],
    );
    check_absent(
        "ورافقه وزير الاقتصاد والمالية سالم ولد أعمر، ووزير الزراعة.",
        &["والمالية سالم ولد أعمر", "والمالية سالم"],
    );
    let (doc, found) = analyze(&article(
        "وقال مدير إدارة صناعة الأسمدة كامو تيرانغا إن الإنتاج زاد.",
    ));
    let m = mentions_of(&found, "كامو تيرانغا")[0];
    let title = m.title().expect("the title phrase is kept");
    assert_eq!(&doc.source[title.range()], "مدير إدارة صناعة الأسمدة");
    // Without a name after the chain there is none; a definite title governs no chain.
    check_absent(
        "وقال مدير إدارة صناعة الأسمدة إن الإنتاج زاد.",
        &["إدارة صناعة", "إدارة", "الأسمدة"],
    );
    check_absent("زار الرئيس المدينة الساحلية كاموندا ليتو أمس.", &["كاموندا ليتو"]);
}

#[test]
fn a_figure_after_a_persons_name_does_not_cut_it() {
    // After a person's title the word before a figure is still the name's: a person governs no
    // figure, where an authority's name may end before the word that does ("توقيف 17").
    check(
        "وقضت الهيئة بإيقاف مدرب المنتخب رامي العكاري 18 شهراً عن ممارسة النشاط.",
        &[("رامي العكاري", "new:person:")],
    );
    check(
        "ورفع المجلس أجر رئيس البلدية الأسبق وليد شرف 12 بالمئة.",
        &[("وليد شرف", "new:person:")],
    );
}

#[test]
fn a_profession_in_the_construct_state_names_its_holder_after_its_complement() {
    check(
        "وقال مراسل القناة في الموصل أحمد الدوري إن القصف توقف.",
        &[("أحمد الدوري", "new:person:")],
    );
    check(
        "وأكد مهندس المشروع كريم الساعدي أن الجسر سيفتتح في موعده.",
        &[("كريم الساعدي", "new:person:")],
    );
    // Right after it, a word is its adjective or whose the profession is, not its holder.
    check_absent("وهو لاعب حر يحق له التوقيع لأي ناد.", &["حر يحق", "لاعب حر"]);
    check_absent("واستعان المصنع بخبير ألماني يدعى هانس.", &["ألماني يدعى"]);
}

#[test]
fn title_complements_that_are_places_possessed_nouns_or_end_before_a_given_name() {
    // A place named by a common noun of the land ("عين"، "رأس") is one noun of the chain.
    check(
        "وقال رئيس بلدية عين الصفصاف مروان الخطيب إن المياه عادت إلى الأحياء.",
        &[("مروان الخطيب", "new:person:")],
    );
    // A possessed noun ends the chain: "مدير مكتبه X"، "رئيس حكومتها X".
    check(
        "وأوضح مدير مكتبه نزار الحسيني أن الطائرة أقلعت متأخرة.",
        &[("نزار الحسيني", "new:person:")],
    );
    check(
        "وقال رئيس حكومتها باسل الطرابلسي إن المفاوضات مستمرة.",
        &[("باسل الطرابلسي", "new:person:")],
    );
    check_absent(
        "وقال رئيس حكومتها باسل الطرابلسي إن المفاوضات مستمرة.",
        &["حكومتها باسل"],
    );
    // An unlisted given name in ة before a masculine nisba: the nisba cannot qualify the word.
    check(
        "وقالت مديرة الإدارة الجهوية للتعليم رندة المازري إن الامتحانات تأجلت.",
        &[("رندة المازري", "new:person:")],
    );
    check(
        "وأكدت الناطقة باسم الهيئة الفرعية رندة المازري أن الفرز انتهى.",
        &[("رندة المازري", "new:person:")],
    );
    check_absent("وطمأن الطبيب أسرته بأن الرئيس بخير.", &["بخير"]);
}

#[test]
fn a_verb_opening_a_sentence_is_no_given_name_before_a_title() {
    // "ويعود X Y، رئيس …": VSO order, the verb with its glued و before the name in commas.
    check(
        "ويعود كمال الورتاني، رئيس الجمعية الخيرية، إلى العمل الميداني بعد غياب.",
        &[("كمال الورتاني", "new:person:")],
    );
    check_absent(
        "ويعود كمال الورتاني، رئيس الجمعية الخيرية، إلى العمل الميداني بعد غياب.",
        &["يعود كمال الورتاني", "ويعود كمال الورتاني"],
    );
    // A place after a glued preposition is a noun of the title's chain too.
    check(
        "وقال مدير المستشفى الجهوي بوادي الليل رضا الكافي إن الجرحى بخير.",
        &[("رضا الكافي", "new:person:")],
    );
}

#[test]
fn an_ordinal_ends_a_name() {
    check_absent(
        "ويعد جمال بن سالم ثالث مدير ينضم إلى الشركة هذا العام.",
        &["بن سالم ثالث", "جمال بن سالم ثالث"],
    );
    check(
        "واستقبل الوزير الشيخ فهد بن ناصر آل ثاني في الدوحة.",
        &[("فهد بن ناصر آل ثاني", "new:person:")],
    );
}

#[test]
fn maghrebi_lineage_particle_opens_a_name() {
    // «بو» is the Maghrebi and Gulf form of أبو in family names, split or joined; a word in ة
    // right after a lineage particle is a name word ("بن سلامة", "بو رقيبة").
    check(
        "وأكد مدير الميناء أن شحنة القمح وصلت، فيما رفض محامي بو رقيبة التعليق.",
        &[("بو رقيبة", "new:person:")],
    );
    check(
        "وحصل لاعب الوسط بن عطية على بطاقة حمراء في الدقيقة الأخيرة.",
        &[("بن عطية", "new:person:")],
    );
    check(
        "وانتقدت المعارضة قرار البلدية، وقال نائبها كمال بو شناق إن الميزانية ناقصة.",
        &[("كمال بو شناق", "new:person:")],
    );
}

#[test]
fn names_in_commas_after_a_title() {
    // A title ending in a place head governs the place; the holder is named in commas.
    check(
        "وقال عامل إقليم وادي سمرين، عبد الرحيم البقالي، في تصريح إن الطرق مقطوعة.",
        &[
            ("وادي سمرين", "new:place:"),
            ("عبد الرحيم البقالي", "new:person:"),
        ],
    );
    check_absent(
        "وقال عامل إقليم وادي سمرين، عبد الرحيم البقالي، في تصريح إن الطرق مقطوعة.",
        &["وادي سمرين، عبد الرحيم البقالي"],
    );
    // One word after the title, then a name in commas: the word is the title's complement (a place
    // after a territorial title), never the holder.
    check(
        "وقال والي تيمزيرت، أحمد بلقاسم، إن الطريق مقطوع.",
        &[("تيمزيرت", "new:place:"), ("أحمد بلقاسم", "new:person:")],
    );
    check(
        "وقال مدير سونلغاز، سمير بوزيد، إن الانقطاع انتهى.",
        &[("سمير بوزيد", "new:person:")],
    );
    let (_, found) = analyze(&article("وقال مدير سونلغاز، سمير بوزيد، إن الانقطاع انتهى."));
    assert!(
        mentions_of(&found, "سونلغاز")
            .iter()
            .all(|m| m.kind != EntityType::Person),
        "{:#?}",
        found.mentions
    );
    // One name word in commas is not enough: it may be anything.
    check_absent("وقال المدير، أمس، إن العمل مستمر.", &["أمس"]);
}

#[test]
fn no_names_from_common_words_after_titles() {
    // "الأهالي" (the residents) looks like a nisba family name after a reporting verb.
    check_absent("وقال الأهالي إن مياه الشرب انقطعت منذ يومين.", &["الأهالي"]);
    // A verb, a genitive noun or a plural noun after a title or reporting verb is not a name.
    check_absent("وقال مراقبون إن الرئيس يزور المنطقة.", &["مراقبون", "يزور"]);
    check_absent(
        "وقال مدير إدارة صناعة الذخائر إن الإنتاج زاد.",
        &["إدارة صناعة", "إدارة"],
    );
    check_absent(
        "وأعلن الرئيس أمس أن زعيم البلاد تعكس قراراته المصالح.",
        &["أمس", "تعكس"],
    );
    check_absent("دخلت قرية حدودية مشتركة.", &["حدودية مشتركة", "حدودية"]);
    // A verb of the trigger lexicon after a title is the predicate, not a name.
    check_absent("الوزير الأول يعود إلى العاصمة بعد زيارة عمل.", &["يعود"]);
}

#[test]
fn transliterated_runs_are_found_conservatively() {
    check(
        "وانضم إليهم ألكسندر بيتروفيتش في الاجتماع.",
        &[("بيتروفيتش", "new:person:")],
    );
    check_absent(
        "تراجعت التكاليف والمخاوف في الأسواق.",
        &["التكاليف", "المخاوف", "مخاوف"],
    );
}

// ---- coreference and ambiguity ----

#[test]
fn role_phrases_resolve_to_the_person_named_with_that_role() {
    let (_, found) = analyze(&article(
        "قال وزير المالية الكيني جون مباتيا إن الاقتصاد سينمو. وأضاف الوزير الكيني أن التضخم تراجع.",
    ));
    let named = entity_of(&found, "جون مباتيا").expect("named");
    let role = mentions_of(&found, "الوزير الكيني");
    assert_eq!(role.len(), 1);
    assert_eq!(role[0].entity.as_ref(), Some(&named));
    assert_eq!(role[0].how, MatchKind::Coreference);
    // A gazetteer person introduced with one title is found again with another of its class.
    check(
        "أهدى الرئيس الروسي فلاديمير بوتين هدية. وقال الزعيم الروسي إنها تعبير عن الصداقة.",
        &[("الزعيم الروسي", "person:vladimir-putin")],
    );
    // Metonyms from the gazetteer.
    check(
        "وقال الكرملين إن البيت الأبيض لم يرد.",
        &[
            ("الكرملين", "org:russian-presidency"),
            ("البيت الأبيض", "org:us-presidency"),
        ],
    );
}

#[test]
fn surnames_resolve_to_the_full_name() {
    let (_, found) = analyze(&article(
        "وقال الأستاذ أندريه لانكوف إن التعاون مستمر. وأضاف لانكوف: الوضع معقد. ورد ولانكوف لم يحضر.",
    ));
    let full = entity_of(&found, "أندريه لانكوف").expect("full name");
    for m in mentions_of(&found, "لانكوف") {
        assert_eq!(m.entity.as_ref(), Some(&full));
    }
    assert!(
        mentions_of(&found, "لانكوف")
            .iter()
            .any(|m| m.form == MentionForm::Partial)
    );
}

#[test]
fn family_names_alone_resolve_to_the_full_name() {
    let (_, found) = analyze(&article(
        "ترأس رئيس الوزراء ناصر الحمايدة ونظيره محمد الأمين ولد سيدي عالي الاجتماع. وأكد الحمايدة أن \
         العلاقات متينة. وكان ولد سيدي عالي قد وصل أمس. وسبق لولد سيدي عالي أن زار البلاد.",
    ));
    let hamaida = entity_of(&found, "ناصر الحمايدة").expect("full name");
    assert_eq!(entity_of(&found, "الحمايدة"), Some(hamaida));
    let visitor = entity_of(&found, "محمد الأمين ولد سيدي عالي").expect("full name");
    let tails = mentions_of(&found, "ولد سيدي عالي");
    assert_eq!(tails.len(), 2, "{:#?}", found.mentions);
    assert!(tails.iter().all(|m| m.entity.as_ref() == Some(&visitor)));
    // A name opened by a lineage particle needs no title; an article word before it belongs to it.
    check(
        "ملف التأشيرات يعود بعد زيارة ولد سيدي عالي. ونفى الناطق باسم الحكومة الناني ولد أحمدو الخبر.",
        &[
            ("ولد سيدي عالي", "new:person:"),
            ("الناني ولد أحمدو", "new:person:"),
        ],
    );
    // The name word right before the particle is the bearer's own given name.
    check(
        "ووقف خليفة بن سعيد المعمري أمام القاضي صباح أمس.",
        &[("خليفة بن سعيد المعمري", "new:person:")],
    );
    check_absent("ولد في القرية عام 1960 وعاش فيها.", &["ولد في", "في القرية"]);
    // A particle alone is nobody's surname.
    check_absent("وقال سالم ولد أعمر إن الوضع هادئ. ولد في القرية.", &["ولد"]);
}

#[test]
fn a_shared_name_stays_ambiguous_when_two_bearers_appear() {
    let (_, found) = analyze(&article(
        "التقى كيم جونغ أون بشقيقته كيم يو جونغ. وقال كيم إن اللقاء ناجح.",
    ));
    let kim = mentions_of(&found, "كيم");
    assert!(!kim.is_empty());
    for m in kim {
        assert_eq!(m.entity, None);
        assert!(m.candidates.iter().any(|c| c == "person:kim-jong-un"));
        assert!(m.candidates.iter().any(|c| c == "person:kim-yo-jong"));
    }
    // With one bearer named, the short name resolves.
    check(
        "وصل كيم جونغ أون إلى المحطة. ورحب كيم بالوفد.",
        &[("كيم", "person:kim-jong-un")],
    );
    // "لكيم" = ل + كيم.
    check(
        "وصل كيم جونغ أون. وقدم بوتين لكيم هدية.",
        &[("كيم", "person:kim-jong-un")],
    );
}

// ---- spelling variants ----

#[test]
fn spelling_variants_resolve_to_one_entity() {
    check(
        "زار وزير الدفاع الروسي سيرغي شويغو المنطقة. وقال شويجو إن الزيارة مهمة.",
        &[
            ("سيرغي شويغو", "person:sergei-shoigu"),
            ("شويجو", "person:sergei-shoigu"),
        ],
    );
    check(
        "الزعيم الكوري الشمالي كيم يونغ أون وصل إلى روسيا.",
        &[("كيم يونغ أون", "person:kim-jong-un")],
    );
    check(
        "استقل سيارة أوروس الجديدة. وكانت سيارة أنروس جاهزة.",
        &[("أوروس", "product:aurus"), ("أنروس", "product:aurus")],
    );
    // Unknown names: a variant spelling later in the article joins the first.
    let (_, found) = analyze(&article(
        "قال الجنرال فيكتور غوليتسين إن القوات تقدمت. وأضاف فيكتور جوليتسين أن الهجوم انتهى.",
    ));
    let a = entity_of(&found, "فيكتور غوليتسين").expect("first spelling");
    assert_eq!(entity_of(&found, "فيكتور جوليتسين"), Some(a.clone()));
    let record = found.entities.iter().find(|e| e.id == a).expect("record");
    let names: Vec<&str> = record.names.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(names, ["فيكتور غوليتسين", "فيكتور جوليتسين"]);
}

#[test]
fn different_people_with_similar_names_stay_apart() {
    let (_, found) = analyze(&article(
        "قال الوزير سامي خوري إن الخطة جاهزة. وقال النائب رامي خوري إنها متأخرة.",
    ));
    let a = entity_of(&found, "سامي خوري");
    let b = entity_of(&found, "رامي خوري");
    assert!(a.is_some() && b.is_some());
    assert_ne!(a, b);
    check(
        "وصل دونالد ترامب. وتحدث دونالد توسك.",
        &[
            ("دونالد ترامب", "person:donald-trump"),
            ("دونالد توسك", "person:donald-tusk"),
        ],
    );
}

// ---- the seed articles ----

fn seed(name: &str) -> (Document, DocEntities) {
    let path = format!("{}/../../seeds/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    analyze(&text)
}

fn seed_names(found: &DocEntities, id: &str) -> Vec<String> {
    found
        .entities
        .iter()
        .filter(|e| e.id == id)
        .flat_map(|e| e.names.iter().map(|n| n.text.clone()))
        .collect()
}

#[test]
fn seed_spellings_resolve_to_single_entities() {
    let (_, found) = seed("003_cb45c34c0ee6b3b3.txt");
    let shoigu = seed_names(&found, "person:sergei-shoigu");
    assert!(
        shoigu.contains(&"سيرغي شويغو".to_string()) && shoigu.contains(&"شويجو".to_string()),
        "{shoigu:?}"
    );
    let kim = seed_names(&found, "person:kim-jong-un");
    assert!(
        kim.contains(&"كيم جونغ أون".to_string()) && kim.contains(&"كيم يونغ أون".to_string()),
        "{kim:?}"
    );
    assert_eq!(mentions_of(&found, "شويجو")[0].how, MatchKind::Variant);

    let (_, found) = seed("000_c4c6b638b0c68706.txt");
    let aurus = seed_names(&found, "product:aurus");
    assert!(
        aurus.contains(&"أوروس".to_string()) && aurus.contains(&"أنروس".to_string()),
        "{aurus:?}"
    );

    let (_, found) = seed("001_91a7dfb8b6365864.txt");
    let pyongyang = seed_names(&found, "place:pyongyang");
    assert!(pyongyang.contains(&"بيونغ يانغ".to_string()) && pyongyang.contains(&"بيونغيانغ".to_string()));

    let (_, found) = seed("002_de1719343d3b3431.txt");
    // Two Kims named in full: the bare name is ambiguous between them.
    assert!(
        mentions_of(&found, "كيم")
            .iter()
            .all(|m| m.entity.is_none() && m.candidates.len() == 2)
    );
    // People in no gazetteer: found by title and reporting verb, surname linked.
    let shin = entity_of(&found, "شين وونسيك").expect("title + name");
    assert!(shin.is_discovered_as(EntityType::Person));
    assert_eq!(entity_of(&found, "شين"), Some(shin));
    let lankov = entity_of(&found, "أندريه لانكوف").expect("reporting verb + name");
    assert_eq!(entity_of(&found, "لانكوف"), Some(lankov));
}

#[test]
fn seeds_never_yield_mentions_in_boilerplate() {
    for name in [
        "000_c4c6b638b0c68706.txt",
        "001_91a7dfb8b6365864.txt",
        "004_96fc5884b5102b94.txt",
    ] {
        let (doc, found) = seed(name);
        for m in &found.mentions {
            assert!(
                doc.sentence_of(m.span).is_some(),
                "{name}: `{}` outside story sentences",
                m.text
            );
        }
    }
}

#[test]
fn messy_input_never_panics() {
    for text in [
        "",
        "\n\n",
        "ـــ",
        "بال",
        "لل",
        "و",
        "قال",
        "الرئيس",
        "S600 Anrus 123",
        "كيم\u{200F}جونغ",
        "ﻻ ﻷ",
    ] {
        let _ = analyze(text);
        let _ = analyze(&article(text));
    }
}

// ---- the gazetteer files ----

fn data_files() -> Vec<std::path::PathBuf> {
    let dir = format!("{}/data/gazetteer", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("gazetteer dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_gazetteer_file_parses_and_is_built_in() {
    let mut all: Vec<EntityInfo> = Vec::new();
    for file in data_files() {
        let mut g = Gazetteer::default();
        g.load_file(&file).unwrap_or_else(|e| panic!("{e}"));
        assert!(!g.entries.is_empty(), "{} is empty", file.display());
        all.extend(g.entries);
    }
    let builtin = Gazetteer::builtin();
    assert_eq!(
        builtin.entries.len(),
        all.len(),
        "every data file is in BUILTIN_FILES"
    );
}

#[test]
fn gazetteer_ids_are_unique_and_references_exist() {
    let g = Gazetteer::builtin();
    let mut seen = HashSet::new();
    let mut count = HashMap::new();
    for file in data_files() {
        let mut one = Gazetteer::default();
        one.load_file(&file).expect("parses");
        for e in one.entries {
            assert!(seen.insert(e.id.clone()), "duplicate id {}", e.id);
            *count.entry(e.kind).or_insert(0) += 1;
        }
    }
    let ids: HashMap<&str, &EntityInfo> = g.entries.iter().map(|e| (e.id.as_str(), e)).collect();
    for e in &g.entries {
        let prefix = e.id.as_str().split(':').next().unwrap_or_default();
        assert!(
            ["country", "place", "org", "agency", "person", "product"].contains(&prefix),
            "{}",
            e.id
        );
        if let Some(w) = &e.within {
            assert!(
                ids.contains_key(w.as_str()),
                "{}: within {} does not exist",
                e.id,
                w
            );
        }
    }
    let countries: Vec<&EntityInfo> = g
        .entries
        .iter()
        .filter(|e| e.kind == EntityType::Country)
        .collect();
    assert!(countries.len() >= 190, "{} countries", countries.len());
    for c in countries {
        let capital = c
            .capital
            .as_ref()
            .map(|id| id.as_str())
            .unwrap_or_else(|| panic!("{} has no capital", c.id));
        let place = ids
            .get(capital)
            .unwrap_or_else(|| panic!("{}: capital {capital} missing", c.id));
        assert_eq!(place.kind, EntityType::Place);
        assert_eq!(
            place.within.as_ref().map(|id| id.as_str()),
            Some(c.id.as_str()),
            "{capital} lies in {}",
            c.id
        );
        assert!(!c.adjectives.is_empty(), "{} has no nationality adjectives", c.id);
    }
    for kind in [
        EntityType::Organization,
        EntityType::Agency,
        EntityType::Person,
        EntityType::Product,
    ] {
        assert!(
            count.get(&kind).copied().unwrap_or(0) >= 20,
            "{kind:?}: too few entries"
        );
    }
}

#[test]
fn user_gazetteer_entries_are_matched_after_loading() {
    let mut g = Gazetteer::builtin();
    let (doc, _) = parse_document(
        "t.txt",
        article("وصل زورابيشفيلي إلى المدينة.").as_bytes(),
        &ParseOptions::default(),
    )
    .expect("parses");
    assert!(
        find_entities(&doc, &g)
            .mentions
            .iter()
            .all(|m| m.entity.as_ref().map(|id| id.as_str()) != Some("person:test-zura"))
    );
    g.load_str(
        "extra.toml",
        "[[entity]]\nid = \"person:test-zura\"\ntype = \"person\"\nname = \"زورابيشفيلي\"\n",
    )
    .expect("loads");
    let found = find_entities(&doc, &g);
    assert!(
        found
            .mentions
            .iter()
            .any(|m| m.entity.as_ref().map(|id| id.as_str()) == Some("person:test-zura"))
    );
}

#[test]
fn a_family_name_with_the_article_ends_where_the_name_must_end() {
    // Occupational family names (النجار، الخياط) are no nisba: what follows says they end a name.
    check(
        "وقال وزير النقل عادل النجار إن الطريق سيفتح غداً.",
        &[("عادل النجار", "new:person:")],
    );
    // A title with a short complement, then the holder's name in commas.
    check(
        "وأمر محافظ المدينة، منير الخياط، بإخلاء الأحياء المنخفضة.",
        &[("منير الخياط", "new:person:")],
    );
    // An object or an adjective after the name, or an object ending the sentence, is no part of it.
    check_absent(
        "التقى الوزير سامر الوفد الأوروبي في عمان. ونفى الناطق باسم الحكومة كريم الصافي الخبر. وأوضح الاتحاد في بيانه أن القرار نهائي.",
        &["سامر الوفد", "كريم الصافي الخبر", "الاتحاد"],
    );
}

#[test]
fn names_after_a_head_in_quotes_after_a_complement_or_with_an_institutions_adjective() {
    check(
        "وأعلنت شركة \"نوردلينك\" للشحن أن الخط سيتوقف. وقال محللون في بنك الاستثمار هيلمان كابيتال إن الأسهم تراجعت. ونقل ثلاثة مصابين إلى مستشفى الزيتونة العام.",
        &[
            ("نوردلينك", "new:organization:"),
            ("هيلمان كابيتال", "new:organization:"),
            ("مستشفى الزيتونة العام", "new:organization:"),
        ],
    );
    // A head and a common noun: the city's hospital, the aviation company.
    check_absent(
        "ونقل المصابون إلى مستشفى المدينة. وقالت شركة الطيران إن الرحلة ألغيت.",
        &["مستشفى المدينة", "المدينة", "الطيران"],
    );
}

#[test]
fn public_bodies_are_named_by_the_words_after_their_head() {
    check(
        "وقال المتحدث باسم وزارة الزراعة والري إن الوضع مستقر. وأعلنت الهيئة الوطنية للتأمينات أن العجز تراجع. وطالبت نقابة الصيادلة بتحقيق.",
        &[
            ("وزارة الزراعة والري", "new:organization:"),
            ("الهيئة الوطنية للتأمينات", "new:organization:"),
            ("نقابة الصيادلة", "new:organization:"),
        ],
    );
    // A definite head alone is a reference, not a name; a title before a body still names its holder.
    check_absent(
        "وقالت الشركة إن الإنتاج توقف. وتنتظر الوزارة نتائج التحقيق.",
        &["الشركة", "الوزارة"],
    );
    check(
        "بحسب ما أعلنه المتحدث باسم هيئة الإغاثة سامر الخوري.",
        &[("سامر الخوري", "new:person:")],
    );
}

#[test]
fn a_holder_named_in_commas_after_a_title_with_a_named_complement() {
    check(
        "وقال المتحدث باسم وزارة الزراعة، رامي الزعبي، إن المحصول تراجع.",
        &[("رامي الزعبي", "new:person:")],
    );
    check(
        "وأعلن مدير مطار وادي الصفصاف، فراس الخطيب، إغلاق المدرج.",
        &[("فراس الخطيب", "new:person:")],
    );
    check(
        "ويرى الباحث في علم الاقتصاد الزراعي، مازن بن عمر، أن الموسم سيئ.",
        &[("مازن بن عمر", "new:person:")],
    );
    // A family name that is also a nationality adjective, where the name ends.
    check(
        "وقال العقيد باسل المصري، قائد الدفاع المدني، إن الحريق أخمد.",
        &[("باسل المصري", "new:person:")],
    );
}

#[test]
fn the_outlet_in_the_masthead_is_an_entity() {
    let text = "صدى الجبل\nالسبت 12 يوليو 2025 - 10:15 | محليات\n\nافتتاح جسر الوادي الجديد\nافتتحت البلدية الجسر الجديد أمس.\n";
    let (doc, found) = analyze(text);
    assert_eq!(doc.meta.outlet.as_deref(), Some("صدى الجبل"));
    let outlet = mentions_of(&found, "صدى الجبل");
    assert_eq!(outlet.len(), 1, "{:?}", found.mentions);
    assert_eq!(outlet[0].kind, EntityType::Agency);
    assert_eq!(outlet[0].how, MatchKind::Masthead);
    assert!(found.entities.iter().any(|e| e.name == "صدى الجبل"));
}

#[test]
fn the_place_of_a_dateline_is_a_place() {
    check(
        "كرمانة، 14 تشرين الأول 2025 (الراصد) - أعلنت البلدية إغلاق الطرق المؤدية إلى السوق.",
        &[("كرمانة", "new:place:")],
    );
    check(
        "ماروسا، الأحد 12 أكتوبر 2025 - قالت الشرطة إن الطريق أغلق.",
        &[("ماروسا", "new:place:")],
    );
    // A sentence that starts with a name, a comma and a figure is no dateline.
    check_absent("سامر، 14 عاما، فاز بالجائزة.", &["سامر"]);
}

// ---- bodies named by their head and what follows it ----

#[test]
fn an_adjective_agreeing_with_the_head_keeps_the_head_in_the_name() {
    // «المركزي» describes the bank, so «مصرف» is part of its name ("شركة X" alone is a label).
    check(
        "قرر مصرف نيراب المركزي رفع سعر الفائدة ربع نقطة.",
        &[("مصرف نيراب المركزي", "new:organization:")],
    );
    check(
        "وقعت شركة النفط الوطنية عقدا جديدا للتنقيب.",
        &[("شركة النفط الوطنية", "new:organization:")],
    );
}

#[test]
fn committees_and_exchanges_are_bodies() {
    check(
        "أعلنت لجنة الانتخابات المركزية موعد الاقتراع.",
        &[("لجنة الانتخابات المركزية", "new:organization:")],
    );
    check(
        "ارتفع المؤشر العام لبورصة قمرين بنسبة اثنين في المئة، وقالت بورصة قمرين إن التداول نشط.",
        &[("بورصة قمرين", "new:organization:")],
    );
}

#[test]
fn a_body_in_construct_with_indefinite_nouns_ends_on_a_definite_one() {
    check(
        "طالبت نقابة عمال النظافة بزيادة الأجور.",
        &[("نقابة عمال النظافة", "new:organization:")],
    );
    check(
        "وقالت رابطة مزارعي الزيتون إن الموسم ضعيف.",
        &[("رابطة مزارعي الزيتون", "new:organization:")],
    );
}

#[test]
fn after_a_definite_complement_only_adjectives_and_conjuncts_go_on() {
    check(
        "وأحال المجلس الأعلى للتعليم الملف إلى الوزارة.",
        &[("المجلس الأعلى للتعليم", "new:organization:")],
    );
    check_absent(
        "وأحال المجلس الأعلى للتعليم الملف إلى الوزارة.",
        &["المجلس الأعلى للتعليم الملف"],
    );
    check(
        "ونظم المجلس الوطني للثقافة والفنون معرضا.",
        &[("المجلس الوطني للثقافة والفنون", "new:organization:")],
    );
    check(
        "ودعت الهيئة الوطنية للتأمينات الاجتماعية المتقاعدين إلى التسجيل.",
        &[("الهيئة الوطنية للتأمينات الاجتماعية", "new:organization:")],
    );
}

#[test]
fn a_body_named_by_its_competence_takes_its_complement() {
    check(
        "ونظرت محكمة الجنح المكلفة بقضايا الفساد في الطعن.",
        &[("محكمة الجنح المكلفة بقضايا الفساد", "new:organization:")],
    );
}

#[test]
fn an_institution_named_after_a_place_with_a_common_noun_first() {
    check(
        "ونقل المصابون إلى مستشفى بئر السلام العام للعلاج.",
        &[("مستشفى بئر السلام العام", "new:organization:")],
    );
}

#[test]
fn a_complement_with_a_preposition_is_no_noun_of_the_construct() {
    check(
        "وأعلنت الشركة الوطنية لإدارة الموانئ خطة جديدة.",
        &[("الشركة الوطنية لإدارة الموانئ", "new:organization:")],
    );
    // "a fund for safety" describes a fund; it names none.
    check_absent(
        "واقترح النواب إنشاء صندوق للسلامة المهنية.",
        &["صندوق للسلامة المهنية", "للسلامة المهنية"],
    );
}

// ---- words that are no names ----

#[test]
fn participles_pronoun_words_and_plural_nouns_are_no_people() {
    check_absent(
        "وأوضح المتحدث أن الأمطار غزيرة، مضيفاً أن الطرق مغلقة حتى المساء.",
        &["مضيفاً", "مضيفا"],
    );
    check_absent(
        "وقال سكانها إن المياه انقطعت، وقال مهندسون إن الشبكة قديمة، وقال بعضهم إن الحل بعيد.",
        &["سكانها", "مهندسون", "بعضهم"],
    );
    // A complementizer with its pronoun after a title opens what is said, no name.
    check_absent(
        "ثم أعلن القائد أننا سنعود إلى الميناء قبل الظهر.",
        &["أننا سنعود", "أننا"],
    );
}

#[test]
fn a_word_in_taa_after_a_masculine_head_is_its_name() {
    // «ميناء» is masculine: a word in ة after it is no adjective of it but the name it governs.
    check(
        "رست السفينة في ميناء سردانة وعلى متنها أربعون راكبا.",
        &[("ميناء سردانة", "new:place:")],
    );
    // After a feminine head a word in ة agrees with it: an adjective, no name.
    check_absent("وزار الوفد قرية حدودية نائية.", &["حدودية", "قرية حدودية"]);
}

#[test]
fn a_verbal_noun_after_a_title_is_what_was_decided_not_a_name() {
    // A second-form verbal noun (تفعيل) right after a title is the decision's object.
    check_absent(
        "وقرر الوزير تمديد مهلة التسجيل أسبوعاً، فيما قرر المحافظ توسيع نطاق الحملة لتشمل القرى.",
        &["تمديد", "توسيع نطاق", "تمديد مهلة"],
    );
    // A given name of that pattern is still a name.
    check(
        "وقال الوزير توفيق الهاشمي إن الحملة تشمل القرى، وأكد العقيد تيسير بركات أن الطرق آمنة.",
        &[("توفيق الهاشمي", "new:person:"), ("تيسير بركات", "new:person:")],
    );
}

#[test]
fn a_reporting_verb_with_its_object_pronoun_ends_a_name() {
    // "قالها" is قال with "it": the name before it ends there.
    check(
        "النائبة هدى القرمادي قالها بوضوح أمام اللجنة، والمهندس رامي الزعبلاوي أكده في تقريره.",
        &[("هدى القرمادي", "new:person:"), ("رامي الزعبلاوي", "new:person:")],
    );
    check_absent(
        "النائبة هدى القرمادي قالها بوضوح أمام اللجنة، والمهندس رامي الزعبلاوي أكده في تقريره.",
        &["هدى القرمادي قالها", "رامي الزعبلاوي أكده"],
    );
}

#[test]
fn a_family_name_joined_to_ibn_ends_the_name_it_belongs_to() {
    // The Maghreb writes بن joined to the family name: after a compound given name it is the
    // family name, not ب + a noun.
    check(
        "وقال النائب عبد الرحيم بنسودة، إن التعديل ضروري، ورد المستشار عبد الله بنعيسى بأن الميزانية كافية.",
        &[
            ("عبد الرحيم بنسودة", "new:person:"),
            ("عبد الله بنعيسى", "new:person:"),
        ],
    );
    // ب + a noun that goes on to its complement is no family name.
    check_absent(
        "وعمل الوزير عبد الحميد بنشاط كبير طوال الأسبوع.",
        &["عبد الحميد بنشاط"],
    );
}

#[test]
fn a_masculine_nisba_after_a_feminine_title_is_her_family_name() {
    // An adjective of "الوزيرة" would agree with it (الاقتصادية): a masculine nisba is her name.
    check(
        "وقالت الوزيرة الفرجاني إن الأسعار لن تتغير هذا العام.",
        &[("الفرجاني", "new:person:")],
    );
    check_absent(
        "وقالت الخبيرة الاقتصادية إن الأسعار سترتفع، وقال المحلل الاقتصادي إن العجز سيتسع.",
        &["الاقتصادية", "الاقتصادي"],
    );
}

#[test]
fn a_bare_word_in_construct_with_an_article_noun_after_a_place_head_is_one_name() {
    check(
        "انهار مبنى قديم في حي باب الفتوح، وعثر على مفقود قرب قرية ميت الحلواني، ونقل المصابون إلى مستشفى شبين القناطر العام.",
        &[
            ("باب الفتوح", "new:place:"),
            ("ميت الحلواني", "new:place:"),
            ("مستشفى شبين القناطر العام", "new:organization:"),
        ],
    );
    // An adjective of the head is no part of the name: it agrees with a feminine head by ة,
    // with a masculine one by a nisba, or is a participle.
    check_absent(
        "وتضررت منازل في مدينة سمنود الساحلية وفي حي قليوب المنكوب وفي حي بنها الأكبر.",
        &["سمنود الساحلية", "قليوب المنكوب", "بنها الأكبر"],
    );
}

#[test]
fn two_names_of_one_article_two_letters_apart_are_two_people() {
    // One article spells one name one way: "بنعيسى" and "بنموسى" in it are two MPs.
    let (_, found) = analyze(&article(
        "وقال النائب سليم بنعيسى إن الميزانية ضعيفة، ورد النائب سليم بنموسى بأن الأرقام دقيقة.",
    ));
    let a = entity_of(&found, "سليم بنعيسى").expect("first MP found");
    let b = entity_of(&found, "سليم بنموسى").expect("second MP found");
    assert_ne!(a, b, "two MPs merged: {:#?}", found.mentions);
}

#[test]
fn derived_past_verbs_and_number_words_are_never_names() {
    // After a title, a verb of the eighth or tenth form is what the holder did.
    check_absent(
        "وقال النائب إن الوزير اتصل شخصياً بأعضاء اللجنة، وإن المدير استمر في عمله.",
        &["اتصل", "اتصل شخصياً", "استمر"],
    );
    // "ما مجموعه مئتان": a total, not a group named "two hundred".
    check_absent(
        "وصوت ما مجموعه مئتان وعشرة نواب لصالح القانون.",
        &["مئتان", "مجموعه مئتان"],
    );
    // A given name of the verbal noun's length stays a name.
    check(
        "وقالت المهندسة ابتسام الخطيب إن العمل مستمر.",
        &[("ابتسام الخطيب", "new:person:")],
    );
}

#[test]
fn a_family_name_follows_a_compound_given_name_and_closes_an_apposition() {
    // "عبد العزيز" is one given name: an article word after it, where the name ends, is the family
    // name whatever its ending.
    check(
        "وقال عبد الكريم الشامخ إن الخطة جاهزة، فيما وقعها المدير عبد الرحيم المنصور بنفسه.",
        &[
            ("عبد الكريم الشامخ", "new:person:"),
            ("عبد الرحيم المنصور", "new:person:"),
        ],
    );
    // A name in commas after a title phrase ends with its family name before the closing comma.
    check(
        "وقال الرئيس التنفيذي للشركة، ماجد سالم الهذال، في تصريحات للصحفيين إن الصفقة مربحة.",
        &[("ماجد سالم الهذال", "new:person:")],
    );
    // Closed by commas, a name may hold an article word before more of its words (compound
    // given names, lineage particles).
    check(
        "وقال المتحدث باسم هيئة الموانئ، محمد الأمين ولد بوبكر، إن الرصيف أغلق.",
        &[("محمد الأمين ولد بوبكر", "new:person:")],
    );
    check(
        "وأكد رئيس النقابة، سعيد بن راشد الهنائي، أن الإضراب مستمر.",
        &[("سعيد بن راشد الهنائي", "new:person:")],
    );
    check_absent(
        "وقال مدير الميناء، في اتصال هاتفي، إن الرصيف أغلق.",
        &["في اتصال هاتفي"],
    );
    // An article word ending in ه carries no pronoun: it is a family name after the particle.
    check(
        "وقال المتحدث باسم الشركة، محمد المختار ولد الداه، إن العمل توقف.",
        &[("محمد المختار ولد الداه", "new:person:")],
    );
}

#[test]
fn a_common_noun_of_the_land_and_an_article_noun_after_a_preposition_of_place_are_a_place() {
    check(
        "غرقت السفينة على بعد ميلين من رأس الصوارم بعد إبحارها من مرسى الطيبات.",
        &[("رأس الصوارم", "new:place:"), ("مرسى الطيبات", "new:place:")],
    );
    // Compounds of ordinary speech are no places.
    check_absent(
        "وزادت الشركة رأس المال في رأس السنة.",
        &["رأس المال", "رأس السنة"],
    );
}

#[test]
fn a_word_before_allah_makes_one_name_with_it() {
    check(
        "وقال قائد القارب، سالم فتحية الله العنزي، إن الموج كان عاليا، وأكد المهندس رامي جاد الله أن القارب انقلب.",
        &[
            ("سالم فتحية الله العنزي", "new:person:"),
            ("رامي جاد الله", "new:person:"),
        ],
    );
    // A captain's colloquial title, and a preposition of place after the name ends it.
    check(
        "والآن يجلس الريس سالم فتحيه الله العنزي خلف القضبان.",
        &[("سالم فتحيه الله العنزي", "new:person:")],
    );
}

#[test]
fn a_company_name_takes_its_field_after_lil() {
    // "X للتجارة": the field the company works in is part of its name, after a bare name or
    // article words, with its adjectives and a second field joined by «و».
    check(
        "وقالت مجموعة الفيروز للتجارة في بيان إن الأرباح ارتفعت، فيما تعاقدت الوزارة مع شركة البناء الحديث للمقاولات العامة، ووقعت شركة نسيم للصناعات الغذائية والتعبئة عقدا جديدا.",
        &[
            ("الفيروز للتجارة", "new:organization:"),
            // An adjective of the institutions' kind at its end keeps the head in the name.
            ("شركة البناء الحديث للمقاولات العامة", "new:organization:"),
            ("نسيم للصناعات الغذائية والتعبئة", "new:organization:"),
        ],
    );
    // A bare word after an article word opens another phrase: the district is no company.
    check_absent(
        "واتهمت النقابة في مركز الوادي مصنع الأمل للورق بتلويث النهر.",
        &["مركز الوادي مصنع الأمل للورق", "الوادي مصنع الأمل للورق"],
    );
    // A head and its name ending the sentence (the name runs to the last word).
    check("خبر عن الصفقة التي أعلنتها شركة البناء الحديث", &[]);
    // People it sells to or pays are no field; a verbal noun shaped تفعيل ("للتأمين") is one.
    check_absent("وباعت شركة نسيم للمستثمرين حصة من أسهمها.", &["نسيم للمستثمرين"]);
    check(
        "وأعلنت شركة الواحة للتأمين تعويض المتضررين.",
        &[("الواحة للتأمين", "new:organization:")],
    );
}

#[test]
fn a_national_agency_is_a_body() {
    check(
        "وأعلنت الوكالة الوطنية للمياه انقطاع الإمدادات عن ثلاثة أحياء.",
        &[("الوكالة الوطنية للمياه", "new:organization:")],
    );
}

#[test]
fn a_body_named_after_a_listed_organization_is_a_body_of_its_own() {
    check(
        "وقالت الجمعية الوطنية للهلال الأحمر إن فرقها وزعت المساعدات.",
        &[("الجمعية الوطنية للهلال الأحمر", "new:organization:")],
    );
    check_absent(
        "وقالت الجمعية الوطنية للهلال الأحمر إن فرقها وزعت المساعدات.",
        &["هلال الأحمر", "الجمعية الوطنية"],
    );
}

#[test]
fn a_players_position_is_a_title() {
    check(
        "ورفض النادي انتقال جناحه الدولي ماهر بن سليمان إلى الخارج، فيما قال المهاجم رامي القصبي إنه باق.",
        &[("ماهر بن سليمان", "new:person:"), ("رامي القصبي", "new:person:")],
    );
}

#[test]
fn a_given_name_with_the_article_after_a_title_opens_a_name() {
    check(
        "وقال رئيسها الهادي الورتاني إن العقد صحيح، وأكد المدرب المنجي الفرشيشي أن اللاعبين جاهزون.",
        &[
            ("الهادي الورتاني", "new:person:"),
            ("المنجي الفرشيشي", "new:person:"),
        ],
    );
    // Alone, after a title, it is the word it also is.
    check_absent("وقال الأمين العام إن الاجتماع تأجل.", &["العام"]);
}

/// A name that opens a sentence, then a title in commas, is the title's holder; a glued و is the
/// conjunction, save in given names that begin with it.
#[test]
fn a_name_before_a_title_in_commas_is_its_holder() {
    check(
        "وسلمى الحلبي، مديرة المشتريات في البلدية، لم ترس المناقصة على أي شركة.",
        &[("سلمى الحلبي", "new:person:")],
    );
    check(
        "وليد الخطيب، وزير المالية، وقع عقد القرض أمس.",
        &[("وليد الخطيب", "new:person:")],
    );
    // After a preposition or a verbal noun led by one, the name alone.
    check(
        "وقضت المحكمة بسجن نادر القاسمي، المدير السابق للميناء، مدة سبع سنوات.",
        &[("نادر القاسمي", "new:person:")],
    );
    check_absent(
        "وقضت المحكمة بسجن نادر القاسمي، المدير السابق للميناء، مدة سبع سنوات.",
        &["بسجن نادر القاسمي"],
    );
    check(
        "وحكمت الدائرة بالسجن سبع سنوات على نادر القاسمي، المدير السابق للميناء، بعد إدانته.",
        &[("نادر القاسمي", "new:person:")],
    );
    // "فيصل" is a given name, not ف + «يصل».
    check(
        "وقال فيصل سعد الحربي، رئيس الأبحاث في المصرف، إن الخطة طموحة.",
        &[("فيصل سعد الحربي", "new:person:")],
    );
    // Not a name: a body or a verb phrase before the title.
    check_absent(
        "وأكدت الوزارة، وزير المالية، أن العقد سليم.",
        &["وأكدت الوزارة", "الوزارة"],
    );
    check_absent("ووقع العقد، رئيس البلدية، أمس.", &["ووقع العقد", "العقد"]);
}

/// A name after a title ends before the verb's object: a noun in construct after an article
/// family name («قسم الطوارئ»), and a reflexive («بنفسه») is never a name.
#[test]
fn a_name_ends_before_a_construct_object_and_a_reflexive_is_no_name() {
    check(
        "وافتتح وزير الصحة نبيل الشامي قسم الطوارئ الجديد صباح الأحد.",
        &[("نبيل الشامي", "new:person:")],
    );
    check_absent(
        "وافتتح وزير الصحة نبيل الشامي قسم الطوارئ الجديد صباح الأحد.",
        &["نبيل الشامي قسم"],
    );
    check_absent(
        "والمناقصة التي أرستها القاضية بنفسها لا يمكن الطعن فيها.",
        &["بنفسها"],
    );
    // «بعدم»، «لعدم» ("for lack of") open what follows the name.
    check(
        "وأفرجت النيابة عن المهندس سامر الحلبي بعدم سماع الدعوى.",
        &[("سامر الحلبي", "new:person:")],
    );
}

/// A word with a case ending written out ("قراراً") and «ب» or «ل» before a verbal noun
/// ("بإغلاق") are words of the clause after a title, never a name: the name before them ends there.
#[test]
fn a_case_ending_or_a_preposition_on_a_verbal_noun_is_no_name() {
    check(
        "وأصدر مدير الميناء سعيد الهاملي قراراً بمنع الصيد.",
        &[("سعيد الهاملي", "new:person:")],
    );
    check_absent(
        "وأصدر وزير الزراعة قراراً بمنع الصيد. وأمر وزير الصحة بإغلاق المطعم.",
        &["قراراً بمنع", "بإغلاق المطعم", "بإغلاق"],
    );
}

#[test]
fn an_owner_of_a_definite_thing_is_a_title_for_the_name_after_it() {
    // «صاحب المخبز، X،» and «مالكة الشركة X»: the owner named in commas or right after.
    check(
        "وأوقفت الشرطة صاحب المخبز، سعيد حمدان الراشدي، واثنين من عماله. وقالت مالكة المبنى هدى ناصر البرعي إن الترخيص ساري.",
        &[
            ("سعيد حمدان الراشدي", "new:person:"),
            ("هدى ناصر البرعي", "new:person:"),
        ],
    );
    // «مالك» with no definite complement is no title: «مالك بن نبي» is a name, «صاحب حق» no one.
    check_absent("ويرى صاحب حق أن الأمر محسوم.", &["حق"]);
}

#[test]
fn a_name_ends_before_a_verb_of_saying_in_sva_order() {
    // «X كرر أن …»، «X جدد …»: the subject before its verb of saying ends there.
    check_absent(
        "فالمتحدث باسم الشرطة العقيد سامي الحلبوني كرر في حديث إذاعي أن البوابة أغلقت. ورئيس النادي وليد الشمري جدد رفضه للقرار.",
        &["سامي الحلبوني كرر", "وليد الشمري جدد"],
    );
    check(
        "فالمتحدث باسم الشرطة العقيد سامي الحلبوني كرر في حديث إذاعي أن البوابة أغلقت.",
        &[("سامي الحلبوني", "new:person:")],
    );
}

#[test]
fn an_undersecretary_and_her_field_before_her_name() {
    // «الوكيلة المساعدة لشؤون الصحة العامة X إن …»: a title, its field, then the holder.
    check(
        "وقالت الوكيلة المساعدة لشؤون الصحة العامة سلمى راشد الكندري إن الحملة ستستمر. وأوضح وكيل الوزارة للشؤون الفنية خالد عيسى المري أن الفحوص انتهت.",
        &[
            ("سلمى راشد الكندري", "new:person:"),
            ("خالد عيسى المري", "new:person:"),
        ],
    );
}
