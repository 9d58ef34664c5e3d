//! Number, quantity and ordinal mentions: many short cases through the public API.
//!
//! Each case renders the numeric mentions of a text compactly and compares them:
//! `number «text» value low..high qualifier`, `quantity «text» value low..high qualifier unit`,
//! `ordinal «text» value noun [q=«text» within=amount unit]`. `~` is a null value, `inf` an
//! unbounded high.

use chrono::NaiveDate;
use isnad_claims::mentions::{Lean, Mention, MentionContext, MentionValue, NumberValue, extract_mentions};
use isnad_parser::Span;

fn num(x: f64) -> String {
    let r = (x * 1e6).round() / 1e6;
    format!("{r}")
}

fn amount(n: &NumberValue) -> String {
    let value = n.value.map_or("~".to_string(), num);
    let high = n.high.map_or("inf".to_string(), num);
    let q = serde_json::to_value(n.qualifier).unwrap();
    format!("{value} {}..{high} {}", num(n.low), q.as_str().unwrap())
}

fn render(m: &Mention) -> Option<String> {
    Some(match &m.value {
        MentionValue::Number(n) => format!("number «{}» {}", m.text, amount(n)),
        MentionValue::Quantity(q) => format!("quantity «{}» {} {}", m.text, amount(&q.amount), q.unit),
        MentionValue::Ordinal(o) => {
            let mut s = format!(
                "ordinal «{}» {} {}",
                m.text,
                o.value,
                o.noun.as_deref().unwrap_or("-")
            );
            if let Some(q) = &o.qualifier {
                s.push_str(&format!(" q=«{}»", q.text));
                if let Some(w) = &q.within {
                    s.push_str(&format!(" within={} {:?}", num(w.amount), w.unit).to_lowercase());
                }
            }
            s
        }
        _ => return None,
    })
}

fn mentions(text: &str) -> Vec<Mention> {
    let context = MentionContext {
        reference: Some(NaiveDate::from_ymd_opt(2024, 6, 19).unwrap()),
        lean: Lean::Tense,
    };
    let found = extract_mentions(text, Span::new(0, text.len()), &context);
    for m in &found {
        assert_eq!(
            &text[m.span.range()],
            &*m.text,
            "span and text disagree in {text:?}"
        );
    }
    found
}

fn check(text: &str, expected: &[&str]) {
    let got: Vec<String> = mentions(text).iter().filter_map(render).collect();
    assert_eq!(got, expected, "\ninput: {text}");
}

/// One numeric mention with the given rendering.
fn one(text: &str, expected: &str) {
    check(text, &[expected]);
}

#[test]
fn digits_and_separators() {
    one("قتل ١٢٬٥٠٠ شخص", "number «١٢٬٥٠٠» 12500 12500..12500 exact");
    one("نما بنسبة 2.5 نقطة", "number «2.5» 2.5 2.5..2.5 exact");
    one("نما بنسبة 2,5 نقطة", "number «2,5» 2.5 2.5..2.5 exact");
    one("شارك 7,000 شخص", "number «7,000» 7000 7000..7000 exact");
    one("شارك 7.000 شخص", "number «7.000» 7000 7000..7000 exact");
    one(
        "شارك 1,234,567 شخصا",
        "number «1,234,567» 1234567 1234567..1234567 exact",
    );
    one("بلغ ٣٫٧٥ نقطة", "number «٣٫٧٥» 3.75 3.75..3.75 exact");
    one("شارك ۱۲۵ شخصا", "number «۱۲۵» 125 125..125 exact");
    one("انخفضت -1.2 نقطة", "number «-1.2» -1.2 -1.2..-1.2 exact");
}

#[test]
fn number_words_and_compounds() {
    one("وصل ثلاثة وعشرون جنديا", "number «ثلاثة وعشرون» 23 23..23 exact");
    one(
        "اشترى مئتين وخمسين دبابة",
        "number «مئتين وخمسين» 250 250..250 exact",
    );
    one("باع ألفين قطعة", "number «ألفين» 2000 2000..2000 exact");
    one("وصل خمسة آلاف جندي", "number «خمسة آلاف» 5000 5000..5000 exact");
    one(
        "نشر خمسمائة وخمسة وعشرين جنديا",
        "number «خمسمائة وخمسة وعشرين» 525 525..525 exact",
    );
    one("وصل أحد عشر لاعبا", "number «أحد عشر» 11 11..11 exact");
    one(
        "اعتقل ثلاثة عشر ألفا",
        "number «ثلاثة عشر ألفا» 13000 13000..13000 exact",
    );
    one("بلغت 2 مليون", "number «2 مليون» 2000000 2000000..2000000 exact");
    one("بلغت 3 ملايين", "number «3 ملايين» 3000000 3000000..3000000 exact");
    one(
        "بلغت 2.5 مليار",
        "number «2.5 مليار» 2500000000 2500000000..2500000000 exact",
    );
    one(
        "بلغت مليون ونصف",
        "number «مليون ونصف» 1500000 1500000..1500000 exact",
    );
    check(
        "جاء ثلاثة وأربعة",
        &["number «ثلاثة» 3 3..3 exact", "number «أربعة» 4 4..4 exact"],
    );
}

#[test]
fn through_proclitics() {
    one("فاز بسبع ميداليات", "number «سبع» 7 7..7 exact");
    one("وعشرون رجلا", "number «عشرون» 20 20..20 exact");
    check("لست أدري", &[]);
}

#[test]
fn duals_are_two() {
    one("أهدى سيارتي ليموزين", "number «سيارتي» 2 2..2 exact");
    one("اشترى سيارتين", "number «سيارتين» 2 2..2 exact");
    one("عبر الحدود مرتين", "number «مرتين» 2 2..2 exact");
    one(
        "حجم الصفقة ملياري دولار",
        "quantity «ملياري دولار» 2000000000 2000000000..2000000000 exact USD",
    );
    check("زار باكستان", &[]);
    check("التقى الرئيس الكويتي", &[]);
    check("قال إن سيارتي في المرأب", &[]);
    // An adjective agreeing with a dual noun is no second count.
    one("ونقلت سيارتين جديدتين", "number «سيارتين» 2 2..2 exact");
}

#[test]
fn qualifiers() {
    one("قتل نحو 300 شخص", "number «نحو 300» 300 270..330 approx");
    one("قتل حوالي 300 شخص", "number «حوالي 300» 300 270..330 approx");
    one(
        "قتل ما يقرب من 300 شخص",
        "number «ما يقرب من 300» 300 270..330 approx",
    );
    one("قتل قرابة 300 شخص", "number «قرابة 300» 300 270..330 approx");
    one("قتل 300 تقريبا", "number «300 تقريبا» 300 270..330 approx");
    // Verbs of approaching a figure bound it like the particles do.
    one(
        "بلغ معدل التضخم ما يقترب من 9%",
        "quantity «يقترب من 9%» 9 8.1..9.9 approx percent",
    );
    one(
        "بلغ عدد الزوار ما يناهز 300",
        "number «ما يناهز 300» 300 270..330 approx",
    );
    one(
        "قتل ما لا يقل عن 50 شخصا",
        "number «ما لا يقل عن 50» 50 50..inf at_least",
    );
    one(
        "أصيب اثنتين منها على الأقل",
        "number «اثنتين منها على الأقل» 2 2..inf at_least",
    );
    one(
        "قتل أكثر من 9000 شخص",
        "number «أكثر من 9000» 9000 9000..inf more_than",
    );
    one(
        "قتل ما يزيد على 9000 شخص",
        "number «ما يزيد على 9000» 9000 9000..inf more_than",
    );
    one("قدرة لا تتجاوز 40 شخصا", "number «لا تتجاوز 40» 40 0..40 at_most");
    one("قدرة تصل إلى 40 شخصا", "number «تصل إلى 40» 40 0..40 at_most");
    one("قتل أقل من 10 أشخاص", "number «أقل من 10» 10 0..10 less_than");
    one("وبأكثر من مئة", "number «أكثر من مئة» 100 100..inf more_than");
}

#[test]
fn ranges() {
    one(
        "قتل ما بين 200 و300 شخص",
        "number «ما بين 200 و300» ~ 200..300 range",
    );
    one("قتل بين 200 و 300 شخص", "number «بين 200 و 300» ~ 200..300 range");
    one(
        "من 10 إلى 20 دولار",
        "quantity «من 10 إلى 20 دولار» ~ 10..20 range USD",
    );
    one(
        "من عشرة لعشرين دولار",
        "quantity «من عشرة لعشرين دولار» ~ 10..20 range USD",
    );
    one("بقيمة 10-20 دولار", "quantity «10-20 دولار» ~ 10..20 range USD");
    one(
        "بين 10 و20 مليون دولار",
        "quantity «بين 10 و20 مليون دولار» ~ 10000000..20000000 range USD",
    );
    // Dates, durations and year spans are the time finder's.
    for text in ["من 3 إلى 5 مايو", "بين 3 و5 أيام", "في الفترة 2020-2021"] {
        let got: Vec<String> = mentions(text).iter().filter_map(render).collect();
        assert!(got.is_empty(), "{text}: {got:?}");
    }
}

#[test]
fn vague_amounts() {
    one("قتل عشرات المدنيين", "number «عشرات» ~ 20..99 vague");
    one("قتل مئات المدنيين", "number «مئات» ~ 200..999 vague");
    one("تظاهر عشرات الآلاف", "number «عشرات الآلاف» ~ 20000..99000 vague");
    one("تظاهر آلاف الأشخاص", "number «آلاف» ~ 2000..999000 vague");
    one("وصل بضعة جنود", "number «بضعة» ~ 3..9 vague");
    one("زار عدة دول", "number «عدة» ~ 3..9 vague");
    one(
        "خسر ملايين الدولارات",
        "quantity «ملايين الدولارات» ~ 2000000..999000000 vague USD",
    );
}

#[test]
fn quantities_with_units() {
    one(
        "بسرعة 200 كيلومتر في الساعة",
        "quantity «200 كيلومتر في الساعة» 200 200..200 exact km/h",
    );
    one(
        "بسرعة 200 كم في الساعة",
        "quantity «200 كم في الساعة» 200 200..200 exact km/h",
    );
    one("على بعد 40 كيلومترا", "quantity «40 كيلومترا» 40 40..40 exact km");
    one("على بعد 40 كم", "quantity «40 كم» 40 40..40 exact km");
    one("يزن 5 أطنان", "quantity «5 أطنان» 5 5..5 exact ton");
    one(
        "زلزال بقوة 6.2 درجات على مقياس ريختر",
        "quantity «6.2 درجات على مقياس ريختر» 6.2 6.2..6.2 exact richter",
    );
    one("ارتفع 5%", "quantity «5%» 5 5..5 exact percent");
    one("ارتفع 5 بالمئة", "quantity «5 بالمئة» 5 5..5 exact percent");
    one("ارتفع 5 في المئة", "quantity «5 في المئة» 5 5..5 exact percent");
    one(
        "بقيمة ملياري دولار ونصف",
        "quantity «ملياري دولار ونصف» 2500000000 2500000000..2500000000 exact USD",
    );
    one(
        "بقيمة 3 ملايين يورو",
        "quantity «3 ملايين يورو» 3000000 3000000..3000000 exact EUR",
    );
    one(
        "بقيمة 10 مليارات روبل",
        "quantity «10 مليارات روبل» 10000000000 10000000000..10000000000 exact RUB",
    );
    one(
        "بقيمة 500 مليون جنيه",
        "quantity «500 مليون جنيه» 500000000 500000000..500000000 exact EGP",
    );
    one(
        "بقيمة نحو مليار ريال",
        "quantity «نحو مليار ريال» 1000000000 900000000..1100000000 approx SAR",
    );
    one("بقيمة $10", "quantity «$10» 10 10..10 exact USD");
    one(
        "توفي البالغ من العمر 71 عاماً",
        "quantity «البالغ من العمر 71 عاماً» 71 71..71 exact year_of_age",
    );
    one(
        "توفي عن عمر يناهز 90 عاما",
        "quantity «عن عمر يناهز 90 عاما» 90 90..90 exact year_of_age",
    );
}

#[test]
fn left_to_the_time_finder() {
    // Durations, years after a cue, clock times and dates yield no number.
    for text in [
        "منذ 24 عاما",
        "في عام 2000",
        "منذ 2010",
        "الساعة 10",
        "في 10:30",
        "في 12/5/2024",
        "بقي 3 أيام",
    ] {
        let got: Vec<String> = mentions(text).iter().filter_map(render).collect();
        assert!(got.is_empty(), "{text}: {got:?}");
    }
}

#[test]
fn not_amounts() {
    for text in [
        "وصلت سيارة S600 الفاخرة",
        "طائرة Su-27 المقاتلة",
        "مقاتلات F-16 الأمريكية",
        "اتصل على +966501234567",
        "اتصل على 0501234567",
        "راجع https://example.com/news/2024/123",
        "زار بوتين المدينة",
        "شكر الرئيس لبوتين",
        "التقى كيم وبوتين",
        "لست أدري",
        "أحد المسؤولين",
        "في كانون الأول",
        "في تشرين الأول الماضي",
        "في ربيع الأول",
        "في جمادى الأولى",
        "زاره أول أمس",
        "اتفاقية الشراكة",
    ] {
        let got: Vec<String> = mentions(text).iter().filter_map(render).collect();
        assert!(got.is_empty(), "{text}: {got:?}");
    }
}

#[test]
fn ordinals_with_nouns() {
    one("في زيارته الثانية", "ordinal «الثانية» 2 زياره");
    one("أطلق أول علامة تجارية", "ordinal «أول» 1 علامه");
    one("يزور البلاد للمرة الثالثة", "ordinal «للمرة الثالثة» 3 مره");
    one("هذه ثاني زيارة", "ordinal «ثاني» 2 زياره");
    one("في الدرجة الأولى", "ordinal «الأولى» 1 درجه");
    one("في الطابق الخامس عشر", "ordinal «الخامس عشر» 15 طابق");
    one("في القرن الحادي والعشرين", "ordinal «الحادي والعشرين» 21 قرن");
    one("في زيارته الرسمية الأولى", "ordinal «الأولى» 1 زياره");
    one("وهي الأولى", "ordinal «الأولى» 1 -");
    one("خلال زيارة الرئيس الأولى", "ordinal «الأولى» 1 زياره");
    // "أولى" before a definite noun is the first of them; a conjunction glued to a function word
    // is no noun.
    one("وأكد أن أولى الحالات سجلت أمس", "ordinal «أولى» 1 حالات");
    one("وأن الأولى", "ordinal «الأولى» 1 -");
    // An indefinite ordinal after an indefinite noun is its adjective ("a second policeman"):
    // «ثانٍ» has no construct form, and a construct needs a noun after it, not a verb, a
    // preposition or an adverbial accusative.
    one("مقتل شرطي ثانٍ في هجوم", "ordinal «ثانٍ» 2 شرطي");
    one("مقتل شرطي ثانٍ متأثراً بجراحه", "ordinal «ثانٍ» 2 شرطي");
    one("ونفق حصان ثالث يبلغ من العمر", "ordinal «ثالث» 3 حصان");
    one("وأصيب عامل رابع.", "ordinal «رابع» 4 عامل");
    // A noun after it keeps the construct, whatever stands before it.
    one("وقوع ثالث هجوم على النقطة", "ordinal «ثالث» 3 هجوم");
    one("هذه ثالث زيارة", "ordinal «ثالث» 3 زياره");
}

#[test]
fn ordinals_with_windows() {
    one(
        "الزيارة الأولى منذ ما يقرب من ربع قرن",
        "ordinal «الأولى» 1 زياره q=«منذ ما يقرب من ربع قرن» within=25 year",
    );
    one(
        "الزيارة الأولى منذ 24 عاما",
        "ordinal «الأولى» 1 زياره q=«منذ 24 عاما» within=24 year",
    );
    one(
        "الزيارة الأولى منذ عقدين",
        "ordinal «الأولى» 1 زياره q=«منذ عقدين» within=20 year",
    );
    one(
        "الزيارة الأولى منذ عام 2000",
        "ordinal «الأولى» 1 زياره q=«منذ عام 2000» within=24 year",
    );
    one("أول زيارة له منذ سنوات", "ordinal «أول» 1 زياره q=«منذ سنوات»");
}

#[test]
fn never_panics_and_spans_are_exact() {
    for text in [
        "",
        "٫",
        "-",
        "1,",
        "1.",
        ",5",
        "و",
        "٬٬٬",
        "ثلاثة و",
        "ألف و",
        "١/٠",
        "5 /",
        "$",
        "%5",
    ] {
        mentions(text);
    }
}

proptest::proptest! {
    /// Any mix of number words, digits, separators and clitics yields exact spans and no panic.
    #[test]
    fn arbitrary_text_is_safe(parts in proptest::collection::vec(proptest::sample::select(vec![
        "ثلاثة", "و", "عشرون", "ألف", "آلاف", "مليون", "ونصف", "بسبع", "نحو", "أكثر", "من", "على", "الأقل",
        "١٢", "٬", "٫", "5", ",", ".", "-", "/", ":", "%", "$", "دولار", "كم", "في", "الساعة", "الأولى",
        "للمرة", "منذ", "عام", "2000", "سيارتين", "عشرات", "S", " ", "\u{064B}", "\u{200F}", "ـ", "بين",
    ]), 0..24)) {
        let text: String = parts.concat();
        mentions(&text);
    }
}

/// A unit with no number and a fraction after it is one unit and that much more.
#[test]
fn a_bare_unit_with_a_fraction() {
    one(
        "لم يتجاوز ارتفاع الموج متراً ونصف المتر",
        "quantity «متراً ونصف» 1.5 1.5..1.5 exact m",
    );
    one(
        "قطع السباح كيلومترا وربع",
        "quantity «كيلومترا وربع» 1.25 1.25..1.25 exact km",
    );
    check("قطع مترا واحدا", &[]);
}
