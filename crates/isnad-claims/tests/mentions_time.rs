//! Temporal mentions in short news phrases: every month family, Hijri dates, Eastern digits, duals,
//! ranges, numeric dates, weekdays by tense, relative expressions with and without a reference,
//! clock times, durations, and words that only look like dates.

use chrono::NaiveDate;
use isnad_claims::mentions::{Lean, MentionContext, MentionValue, Qualifier, extract_mentions};
use isnad_parser::Span;

/// Reference date of most cases: Thursday 20 June 2024.
const REF: &str = "2024-06-20";

fn render(text: &str, reference: Option<&str>, lean: Lean) -> Vec<String> {
    let reference = reference.map(|r| NaiveDate::parse_from_str(r, "%Y-%m-%d").expect("valid reference"));
    let context = MentionContext { reference, lean };
    extract_mentions(text, Span::new(0, text.len()), &context)
        .into_iter()
        .filter_map(|m| {
            assert_eq!(
                &text[m.span.range()],
                &*m.text,
                "span must quote the original text"
            );
            let kind = m.value.type_name();
            if let MentionValue::Duration(d) = &m.value {
                let unit = serde_json::to_value(d.unit).unwrap();
                let qualifier = if d.qualifier == Qualifier::Exact {
                    String::new()
                } else {
                    format!(" {:?}", d.qualifier).to_lowercase()
                };
                return Some(format!(
                    "{} = duration {} {}{qualifier}",
                    m.text,
                    d.amount,
                    unit.as_str().unwrap()
                ));
            }
            let t = m.value.time()?;
            let json = serde_json::to_value(&m.value).unwrap();
            let v = &json["value"];
            let field = |k: &str| v[k].as_str().unwrap_or("?").to_string();
            let mut out = format!(
                "{} = {kind} {}..{} {}",
                m.text,
                field("start"),
                field("end"),
                field("grain")
            );
            if let Some(w) = v["weekday"].as_str() {
                out += &format!(" {w}");
            }
            if t.calendar.is_some() {
                out += " hijri";
            }
            if t.approximate {
                out += " approx";
            }
            if let Some(reason) = &t.unresolved {
                out += &format!(" ({reason})");
            }
            Some(out)
        })
        .collect()
}

fn check_with(reference: Option<&str>, lean: Lean, text: &str, expected: &[&str]) {
    assert_eq!(render(text, reference, lean), expected, "in {text:?}");
}

/// Past-tense news resolved at [`REF`].
fn check(text: &str, expected: &[&str]) {
    check_with(Some(REF), Lean::Tense, text, expected);
}

#[test]
fn day_month_year_in_every_family() {
    check(
        "وصل في 18 يونيو 2024",
        &["في 18 يونيو 2024 = date 2024-06-18..2024-06-18 day"],
    );
    check(
        "في 18 يونيه 2024",
        &["في 18 يونيه 2024 = date 2024-06-18..2024-06-18 day"],
    );
    check(
        "في 5 كانون الثاني 2024م",
        &["في 5 كانون الثاني 2024م = date 2024-01-05..2024-01-05 day"],
    );
    check(
        "في 7 شتنبر 2023",
        &["في 7 شتنبر 2023 = date 2023-09-07..2023-09-07 day"],
    );
    check(
        "في 12 جوان 2022",
        &["في 12 جوان 2022 = date 2022-06-12..2022-06-12 day"],
    );
    check(
        "يوليوز 2023",
        &["يوليوز 2023 = date 2023-07-01..2023-07-31 month"],
    );
    check("غشت 2021", &["غشت 2021 = date 2021-08-01..2021-08-31 month"]);
    check("نونبر 2020", &["نونبر 2020 = date 2020-11-01..2020-11-30 month"]);
    check("دجنبر 2019", &["دجنبر 2019 = date 2019-12-01..2019-12-31 month"]);
    check("جانفي 2020", &["جانفي 2020 = date 2020-01-01..2020-01-31 month"]);
    check("فيفري 2020", &["فيفري 2020 = date 2020-02-01..2020-02-29 month"]);
    check("أفريل 2020", &["أفريل 2020 = date 2020-04-01..2020-04-30 month"]);
    check(
        "جويلية 2020",
        &["جويلية 2020 = date 2020-07-01..2020-07-31 month"],
    );
    check("أوت 2020", &["أوت 2020 = date 2020-08-01..2020-08-31 month"]);
    check(
        "تشرين الأول 2023",
        &["تشرين الأول 2023 = date 2023-10-01..2023-10-31 month"],
    );
    check(
        "في أيلول 2022",
        &["في أيلول 2022 = date 2022-09-01..2022-09-30 month"],
    );
    check(
        "الخامس عشر من أيار",
        &["الخامس عشر من أيار = date 2024-05-15..2024-05-15 day"],
    );
    check(
        "الأول من شباط 2013",
        &["الأول من شباط 2013 = date 2013-02-01..2013-02-01 day"],
    );
    // The Maghrebi «فاتح» is the first day of its month.
    check(
        "يوم الخميس فاتح أكتوبر",
        &["يوم الخميس فاتح أكتوبر = date 2024-10-01..2024-10-01 day thursday"],
    );
    check(
        "الفاتح من نوفمبر 2025",
        &["الفاتح من نوفمبر 2025 = date 2025-11-01..2025-11-01 day"],
    );
    // Not a day without a month after it.
    check("وقال فاتح الأمين", &[]);
}

#[test]
fn paired_month_names() {
    check(
        "وفي يوليو/تموز 2000، زار",
        &["في يوليو/تموز 2000 = date 2000-07-01..2000-07-31 month"],
    );
    check(
        "تموز/يوليو 2019",
        &["تموز/يوليو 2019 = date 2019-07-01..2019-07-31 month"],
    );
    check(
        "يونيو (حزيران) 2019",
        &["يونيو (حزيران) 2019 = date 2019-06-01..2019-06-30 month"],
    );
    // An ordinal before في belongs to the noun before it, not to the month.
    check(
        "زيارته الأولى في يوليو/تموز 2000",
        &["في يوليو/تموز 2000 = date 2000-07-01..2000-07-31 month"],
    );
    check(
        "بتاريخ 12 يونيو/حزيران هنأ",
        &["12 يونيو/حزيران = date 2024-06-12..2024-06-12 day"],
    );
    check(
        "وفي يوليو/تموز الماضي، قال",
        &["في يوليو/تموز الماضي = date 2023-07-01..2023-07-31 month"],
    );
}

#[test]
fn years() {
    check("عام 2018", &["عام 2018 = date 2018-01-01..2018-12-31 year"]);
    check("في 2021 أعلنت", &["في 2021 = date 2021-01-01..2021-12-31 year"]);
    check("2024م", &["2024م = date 2024-01-01..2024-12-31 year"]);
    // A full stop ends the sentence, not a "2023.5" number or a "2023.5.1" date.
    check(
        "في أيار 2023.",
        &["في أيار 2023 = date 2023-05-01..2023-05-31 month"],
    );
    check("منذ 2018", &["2018 = date 2018-01-01..2018-12-31 year"]);
    check(
        "بين عامي 2018 و2019",
        &["بين عامي 2018 و2019 = date 2018-01-01..2019-12-31 year"],
    );
    check(
        "فبراير من هذا العام",
        &["فبراير من هذا العام = date 2024-02-01..2024-02-29 month"],
    );
}

#[test]
fn bare_months_follow_the_lean() {
    check("في سبتمبر", &["في سبتمبر = date 2023-09-01..2023-09-30 month"]);
    check("في مارس", &["في مارس = date 2024-03-01..2024-03-31 month"]);
    check_with(
        Some(REF),
        Lean::Future,
        "في سبتمبر",
        &["في سبتمبر = date 2024-09-01..2024-09-30 month"],
    );
    check_with(
        Some(REF),
        Lean::Future,
        "في مارس",
        &["في مارس = date 2025-03-01..2025-03-31 month"],
    );
    check(
        "سيزور الرئيس موسكو في سبتمبر",
        &["في سبتمبر = date 2024-09-01..2024-09-30 month"],
    );
    check("يونيو", &["يونيو = date 2024-06-01..2024-06-30 month"]);
}

#[test]
fn hijri_dates_use_umm_al_qura_widened_by_a_day() {
    check(
        "5 رمضان 1445 هـ",
        &["5 رمضان 1445 هـ = date 2024-03-14..2024-03-16 day hijri"],
    );
    check(
        "رمضان 1445",
        &["رمضان 1445 = date 2024-03-10..2024-04-10 month hijri"],
    );
    check(
        "ذي الحجة 1444",
        &["ذي الحجة 1444 = date 2023-06-18..2023-07-19 month hijri"],
    );
    check("1445 هـ", &["1445 هـ = date 2023-07-18..2024-07-07 year hijri"]);
    check(
        "في رمضان",
        &["في رمضان = date 2024-03-10..2024-04-10 month hijri"],
    );
    check(
        "عيد الأضحى 2013",
        &["عيد الأضحى 2013 = date 2013-10-14..2013-10-16 day hijri"],
    );
}

#[test]
fn eastern_digits() {
    check(
        "دمشق - ٣ آذار ٢٠٢٤",
        &["٣ آذار ٢٠٢٤ = date 2024-03-03..2024-03-03 day"],
    );
    check("١٥/٣/٢٠٢٤", &["١٥/٣/٢٠٢٤ = date 2024-03-15..2024-03-15 day"]);
    check(
        "الساعة ١٠:٣٠ صباحاً",
        &["الساعة ١٠:٣٠ صباحاً = time 2024-06-20T10:30..2024-06-20T10:30 minute"],
    );
    check("عام ۲۰۱۹", &["عام ۲۰۱۹ = date 2019-01-01..2019-12-31 year"]);
}

#[test]
fn duals_and_ranges_are_one_mention() {
    check(
        "زار بيونغ يانغ يومي 18 و19 يونيو.",
        &["يومي 18 و19 يونيو = date 2024-06-18..2024-06-19 day"],
    );
    check(
        "من 3 إلى 5 مايو",
        &["من 3 إلى 5 مايو = date 2024-05-03..2024-05-05 day"],
    );
    check(
        "بين 3 و5 مايو",
        &["بين 3 و5 مايو = date 2024-05-03..2024-05-05 day"],
    );
    check(
        "من 13 تموز الى 15 تموز",
        &["من 13 تموز الى 15 تموز = date 2023-07-13..2023-07-15 day"],
    );
    check(
        "من 30 ديسمبر 2023 إلى 2 يناير",
        &["من 30 ديسمبر 2023 إلى 2 يناير = date 2023-12-30..2024-01-02 day"],
    );
    check(
        "في أوائل مارس",
        &["في أوائل مارس = date 2024-03-01..2024-03-10 day"],
    );
    check(
        "أواخر شباط 2024",
        &["أواخر شباط 2024 = date 2024-02-21..2024-02-29 day"],
    );
    // A list of dates joined by و is not a range. With no verb, a day and month without a year is
    // the nearest such day (November 2024 is nearer 20 June 2024 than November 2023).
    check(
        "شتنبر 2022 و 3 نونبر",
        &[
            "شتنبر 2022 = date 2022-09-01..2022-09-30 month",
            "3 نونبر = date 2024-11-03..2024-11-03 day",
        ],
    );
}

#[test]
fn numeric_dates() {
    check("15/3/2024", &["15/3/2024 = date 2024-03-15..2024-03-15 day"]);
    check("2024-03-15", &["2024-03-15 = date 2024-03-15..2024-03-15 day"]);
    check("15-03-2024", &["15-03-2024 = date 2024-03-15..2024-03-15 day"]);
    check("15.3.2024", &["15.3.2024 = date 2024-03-15..2024-03-15 day"]);
    check("31/2/2024", &[]);
}

#[test]
fn weekdays_resolve_by_tense() {
    // 2024-06-20 is a Thursday.
    check(
        "قبلا الهدية الأحد، في",
        &["الأحد = weekday 2024-06-16..2024-06-16 day sunday"],
    );
    check(
        "قال يوم الأربعاء",
        &["يوم الأربعاء = weekday 2024-06-19..2024-06-19 day wednesday"],
    );
    check(
        "وصل الخميس",
        &["الخميس = weekday 2024-06-20..2024-06-20 day thursday"],
    );
    check(
        "سيزور الرئيس موسكو الثلاثاء",
        &["الثلاثاء = weekday 2024-06-25..2024-06-25 day tuesday"],
    );
    check(
        "من المقرر أن يصل الأحد",
        &["الأحد = weekday 2024-06-23..2024-06-23 day sunday"],
    );
    check(
        "سوف يلتقي الزعيمان الجمعة",
        &["الجمعة = weekday 2024-06-21..2024-06-21 day friday"],
    );
    // A plural noun that starts like a future verb is not a marker.
    check(
        "عرضت سيارات جديدة الأحد",
        &["الأحد = weekday 2024-06-16..2024-06-16 day sunday"],
    );
    // The marker must come before the weekday.
    check(
        "وصل الأحد وسيغادر",
        &["الأحد = weekday 2024-06-16..2024-06-16 day sunday"],
    );
    check_with(
        Some(REF),
        Lean::Future,
        "الخميس",
        &["الخميس = weekday 2024-06-27..2024-06-27 day thursday"],
    );
    check_with(
        Some(REF),
        Lean::Past,
        "سيصل الثلاثاء",
        &["الثلاثاء = weekday 2024-06-18..2024-06-18 day tuesday"],
    );
    check(
        "الثلاثاء الماضي",
        &["الثلاثاء الماضي = weekday 2024-06-18..2024-06-18 day tuesday"],
    );
    check(
        "الخميس الماضي",
        &["الخميس الماضي = weekday 2024-06-13..2024-06-13 day thursday"],
    );
    check(
        "الثلاثاء المقبل",
        &["الثلاثاء المقبل = weekday 2024-06-25..2024-06-25 day tuesday"],
    );
    check(
        "أمس الثلاثاء",
        &["أمس الثلاثاء = relative 2024-06-19..2024-06-19 day tuesday"],
    );
    check(
        "اليوم الخميس",
        &["اليوم الخميس = relative 2024-06-20..2024-06-20 day thursday"],
    );
    check(
        "مساء الثلاثاء",
        &["مساء الثلاثاء = weekday 2024-06-18..2024-06-18 day tuesday"],
    );
}

#[test]
fn a_weekday_next_to_its_date_is_one_date_mention() {
    check(
        "كييف الثلاثاء 20 فبراير 2024",
        &["الثلاثاء 20 فبراير 2024 = date 2024-02-20..2024-02-20 day tuesday"],
    );
    // The weekday is kept even when it disagrees with the date, for a later rule to flag.
    check(
        "الأربعاء 20 فبراير 2024",
        &["الأربعاء 20 فبراير 2024 = date 2024-02-20..2024-02-20 day wednesday"],
    );
    check(
        "الخميس الموافق 14 شباط 2013",
        &["الخميس الموافق 14 شباط 2013 = date 2013-02-14..2013-02-14 day thursday"],
    );
    check(
        "يوم السبت 21/09/2024",
        &["يوم السبت 21/09/2024 = date 2024-09-21..2024-09-21 day saturday"],
    );
}

#[test]
fn relative_expressions_with_a_reference() {
    check("أمس", &["أمس = relative 2024-06-19..2024-06-19 day"]);
    check("اليوم", &["اليوم = relative 2024-06-20..2024-06-20 day"]);
    check("غداً", &["غداً = relative 2024-06-21..2024-06-21 day"]);
    check("أول أمس", &["أول أمس = relative 2024-06-18..2024-06-18 day"]);
    check(
        "الأسبوع الماضي",
        &["الأسبوع الماضي = relative 2024-06-10..2024-06-16 week"],
    );
    check(
        "الأسبوع المقبل",
        &["الأسبوع المقبل = relative 2024-06-24..2024-06-30 week"],
    );
    check(
        "الشهر الماضي",
        &["الشهر الماضي = relative 2024-05-01..2024-05-31 month"],
    );
    check(
        "الشهر المنصرم",
        &["الشهر المنصرم = relative 2024-05-01..2024-05-31 month"],
    );
    check(
        "العام الماضي",
        &["العام الماضي = relative 2023-01-01..2023-12-31 year"],
    );
    check(
        "العام المقبل",
        &["العام المقبل = relative 2025-01-01..2025-12-31 year"],
    );
    check("هذا العام", &["هذا العام = relative 2024-01-01..2024-12-31 year"]);
    check(
        "العام الجاري",
        &["العام الجاري = relative 2024-01-01..2024-12-31 year"],
    );
    check(
        "العام الحالي",
        &["العام الحالي = relative 2024-01-01..2024-12-31 year"],
    );
    check(
        "في وقت سابق من هذا العام",
        &["في وقت سابق من هذا العام = relative 2024-01-01..2024-06-20 day"],
    );
    check(
        "قبل ثلاثة أيام",
        &["قبل ثلاثة أيام = relative 2024-06-17..2024-06-17 day"],
    );
    check("قبل أسبوع", &["قبل أسبوع = relative 2024-06-13..2024-06-13 day"]);
    check("منذ عامين", &["منذ عامين = relative 2022-01-01..2022-12-31 year"]);
    check(
        "منذ عقد",
        &["منذ عقد = relative 2014-01-01..2014-12-31 year approx"],
    );
    check(
        "منذ ما يقرب من ربع قرن",
        &["منذ ما يقرب من ربع قرن = relative 1999-01-01..1999-12-31 year approx"],
    );
    check(
        "منذ أكثر من عامين",
        &["منذ أكثر من عامين = relative 2022-01-01..2022-12-31 year approx"],
    );
    check("بعد يومين", &["بعد يومين = relative 2024-06-22..2024-06-22 day"]);
    // Counted from an event the sentence names, not from the report's date: a length of time.
    check("أخمد الحريق بعد يومين من اندلاعه", &["يومين = duration 2 day"]);
    check("قبل ثلاثة أيام من الاقتراع", &["ثلاثة أيام = duration 3 day"]);
    check(
        "الأيام الثلاثة الماضية",
        &["الأيام الثلاثة الماضية = relative 2024-06-17..2024-06-19 day"],
    );
    check(
        "العامين الماضيين",
        &["العامين الماضيين = relative 2022-01-01..2023-12-31 year"],
    );
}

#[test]
fn relative_expressions_without_a_reference_stay_unresolved() {
    let none = |text: &str, expected: &[&str]| check_with(None, Lean::Tense, text, expected);
    none("أمس", &["أمس = relative ?..? day (no reference date)"]);
    none(
        "العام الماضي",
        &["العام الماضي = relative ?..? year (no reference date)"],
    );
    none(
        "منذ عامين",
        &["منذ عامين = relative ?..? year (no reference date)"],
    );
    none(
        "الثلاثاء",
        &["الثلاثاء = weekday ?..? day tuesday (no reference date)"],
    );
    none("18 يونيو", &["18 يونيو = date ?..? day (no reference date)"]);
    none(
        "الساعة 10:30 صباحاً",
        &["الساعة 10:30 صباحاً = time ?..? minute (no reference date)"],
    );
    // A date with its year needs no reference.
    none(
        "18 يونيو 2024",
        &["18 يونيو 2024 = date 2024-06-18..2024-06-18 day"],
    );
    none(
        "5 رمضان 1445 هـ",
        &["5 رمضان 1445 هـ = date 2024-03-14..2024-03-16 day hijri"],
    );
}

#[test]
fn clock_times() {
    check(
        "الساعة 10:30 صباحاً",
        &["الساعة 10:30 صباحاً = time 2024-06-20T10:30..2024-06-20T10:30 minute"],
    );
    check(
        "العاشرة مساءً بالتوقيت المحلي",
        &["العاشرة مساءً بالتوقيت المحلي = time 2024-06-20T22:00..2024-06-20T22:00 hour"],
    );
    check(
        "الساعة الثالثة وربع عصراً",
        &["الساعة الثالثة وربع عصراً = time 2024-06-20T15:15..2024-06-20T15:15 minute"],
    );
    check(
        "الساعة 12 إلا ربعاً ظهراً",
        &["الساعة 12 إلا ربعاً ظهراً = time 2024-06-20T11:45..2024-06-20T11:45 minute"],
    );
    check(
        "الساعة 3 مساء أمس",
        &["الساعة 3 مساء أمس = time 2024-06-19T15:00..2024-06-19T15:00 hour"],
    );
    check(
        "يوم الخميس الساعة 8",
        &["يوم الخميس الساعة 8 = time 2024-06-20T08:00..2024-06-20T08:00 hour thursday"],
    );
    check(
        "من الساعة 3 الى الساعة 4 بعد العصر",
        &["من الساعة 3 الى الساعة 4 بعد العصر = time 2024-06-20T15:00..2024-06-20T16:00 hour"],
    );
}

#[test]
fn durations() {
    check("استمرت عشرين ساعة", &["عشرين ساعة = duration 20 hour"]);
    check("12 عامًا", &["12 عامًا = duration 12 year"]);
    check("4 أيام", &["4 أيام = duration 4 day"]);
    check("ساعة ونصف", &["ساعة ونصف = duration 1.5 hour"]);
    check("عامين", &["عامين = duration 2 year"]);
    check("ثلاثة أسابيع", &["ثلاثة أسابيع = duration 3 week"]);
    check("لمدة شهر", &["شهر = duration 1 month"]);
    check("نصف ساعة", &["نصف ساعة = duration 0.5 hour"]);
    check("نحو عقد", &["نحو عقد = duration 10 year approx"]);
    check("أكثر من عامين", &["أكثر من عامين = duration 2 year morethan"]);
}

#[test]
fn words_that_only_look_like_dates() {
    check("أحد المسؤولين", &[]);
    check("أحد الأيام", &[]);
    check("فتح الباب", &[]);
    check("باب المندب", &[]);
    check("مارس الضغط على الحكومة", &[]);
    check("طارق رمضان", &[]);
    check("بشكل عام", &[]);
    check("الأمين العام", &[]);
    check("مرة ثانية", &[]);
    check("اتصل على 0100-123-4567", &[]);
    check("رقم 555-12-2024-7", &[]);
    check("سيارة S600 طراز", &[]);
    check("في 300 قرية", &[]);
    check("على ارتفاع 2000 م", &[]);
    check("صفر", &[]);
    check(
        "سيارة الرئيس الثلاثاء",
        &["الثلاثاء = weekday 2024-06-18..2024-06-18 day tuesday"],
    );
}

#[test]
fn never_panics_on_odd_input() {
    for text in [
        "",
        "الساعة",
        "يومي",
        "من",
        "بين عامي 2019 و2018",
        "99:99",
        "٣١/٢",
        "عام 99999999999",
        "\u{200F}أمس\u{200E}",
    ] {
        let _ = render(text, Some(REF), Lean::Tense);
        let _ = render(text, None, Lean::Future);
    }
}

/// A date without a year followed by "المقبل" is the next such date, even after a year of
/// another figure earlier in the sentence.
#[test]
fn a_date_followed_by_next_is_the_next_one() {
    check(
        "أرباح العام المالي 2023 تعرض على الجمعية يوم الثلاثاء 15 أبريل المقبل",
        &["يوم الثلاثاء 15 أبريل المقبل = date 2025-04-15..2025-04-15 day tuesday"],
    );
}

#[test]
fn a_year_written_in_words_after_a_year_noun_is_a_date() {
    check(
        "حرر له محضر عام ألفين وثلاثة وعشرين بسبب المخالفة",
        &["عام ألفين وثلاثة وعشرين = date 2023-01-01..2023-12-31 year"],
    );
    check(
        "في سنة ألف وتسعمائة وثمانية وخمسين",
        &["في سنة ألف وتسعمائة وثمانية وخمسين = date 1958-01-01..1958-12-31 year"],
    );
    // A count of years is a length, no year.
    check("بعد سنة واحدة من الحادث", &["سنة واحدة = duration 1 year"]);
}

#[test]
fn that_day_is_not_today_nor_that_night_tonight() {
    check("كانت في رحلتها الثانية ذلك اليوم", &[]);
    check("وفي تلك الليلة غرقت", &[]);
    // A day counted from an event is not today either.
    check("لم يتصل بنا أحد في اليوم الأول", &[]);
    check("وعاد المضربون إلى العمل في اليوم الثالث", &[]);
    check(
        "وقال إن الوضع اليوم أفضل",
        &["اليوم = relative 2024-06-20..2024-06-20 day"],
    );
}
