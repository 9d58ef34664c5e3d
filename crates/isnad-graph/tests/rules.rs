//! The rules on hand-built claims: each case states the claims an extractor would read and the
//! findings the graph must (or must not) produce, independently of extraction quality.

use chrono::NaiveDate;
use isnad_claims::DocAnalysis;
use isnad_claims::claims::{
    Claim, ClaimLocation, ClaimWords, Modality, RoleFiller, Source, SourceKind, TimeBasis,
};
use isnad_claims::entities::{
    DocEntities, EntityId, EntityMention, EntityType, Gazetteer, MatchKind, MentionForm,
};
use isnad_claims::facts::{AsOf, Attribute, AttributeSource, Fact, FactValue, Scope, Subject};
use isnad_claims::mentions::{
    DurationUnit, DurationValue, Grain, Mention, MentionValue, NumberValue, OrdinalQualifier, OrdinalValue,
    Qualifier, TimeValue,
};
use isnad_graph::{FindingKind, Severity, check_story};
use isnad_parser::{Document, ParseOptions, Span, parse_document};

/// A document and the claims read from it.
struct Article {
    document: Document,
    analysis: DocAnalysis,
}

fn article(id: &str, text: &str, published: Option<&str>) -> Article {
    let options = ParseOptions {
        fallback_date: published.map(|p| p.parse().unwrap()),
        ..ParseOptions::default()
    };
    let (document, _) = parse_document(id, text.as_bytes(), &options).unwrap();
    let analysis = DocAnalysis {
        doc: id.into(),
        mentions: Vec::new(),
        entities: DocEntities::default(),
        claims: Vec::new(),
        statements: Vec::new(),
        facts: Vec::new(),
        participants: Vec::new(),
    };
    Article { document, analysis }
}

fn span_of(document: &Document, needle: &str) -> Span {
    let start = document
        .source
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not in {}", document.id));
    Span::new(start, start + needle.len())
}

fn mention(document: &Document, needle: &str, value: MentionValue) -> Mention {
    let span = span_of(document, needle);
    Mention {
        span,
        text: needle.into(),
        value,
    }
}

fn day(date: &str) -> TimeValue {
    let d: NaiveDate = date.parse().unwrap();
    TimeValue::days(d, d, Grain::Day)
}

/// A claim builder.
struct ClaimSpec<'a> {
    clause: &'a str,
    event: &'a str,
    roles: Vec<(&'a str, Option<&'a str>, &'a str)>,
    time: Option<(&'a str, MentionValue)>,
    count: Option<(&'a str, NumberValue)>,
    ordinal: Option<(&'a str, OrdinalValue)>,
    modality: Modality,
    source: Option<&'a str>,
    cues: isnad_claims::claims::ClauseCues,
}

fn spec<'a>(clause: &'a str, event: &'a str) -> ClaimSpec<'a> {
    ClaimSpec {
        clause,
        event,
        roles: Vec::new(),
        time: None,
        count: None,
        ordinal: None,
        modality: Modality::Asserted,
        source: None,
        cues: Default::default(),
    }
}

impl Article {
    fn claim(&mut self, spec: ClaimSpec<'_>) -> &mut Article {
        let document = &self.document;
        let span = span_of(document, spec.clause);
        let roles = spec
            .roles
            .iter()
            .map(|(role, entity, text)| {
                let filler = RoleFiller {
                    entity: entity.map(EntityId::listed),
                    text: text.to_string(),
                    span: span_of(document, text),
                };
                (
                    role.parse::<isnad_claims::claims::Role>().expect("a role"),
                    filler,
                )
            })
            .collect();
        let mut attribution = Vec::new();
        if let Some(name) = spec.source {
            attribution.push(Source {
                name: name.into(),
                entity: None,
                kind: SourceKind::Person,
                span: Some(span_of(document, name)),
            });
        }
        attribution.push(Source {
            name: document.id.clone(),
            entity: None,
            kind: SourceKind::Outlet,
            span: None,
        });
        let time = spec.time.map(|(text, value)| mention(document, text, value));
        let in_headline = document
            .sentences
            .iter()
            .any(|s| s.in_headline && s.span.contains(span));
        let mut claim = Claim {
            id: format!("{}#{}", document.id, self.analysis.claims.len() + 1),
            doc: document.id.clone(),
            span,
            text: spec.clause.into(),
            // The clause's first word stands for the trigger.
            trigger: Span::new(
                span.start,
                span.start + spec.clause.find(' ').unwrap_or(spec.clause.len()),
            ),
            event: spec.event.into(),
            properties: isnad_claims::claims::event_properties(spec.event),
            cues: spec.cues,
            roles,
            time_basis: if time.is_some() {
                TimeBasis::Stated
            } else {
                TimeBasis::Unknown
            },
            time: time.map(std::sync::Arc::new),
            count_part: false,
            count: spec
                .count
                .map(|(text, n)| std::sync::Arc::new(mention(document, text, MentionValue::Number(n)))),
            ordinal: spec
                .ordinal
                .map(|(text, o)| std::sync::Arc::new(mention(document, text, MentionValue::Ordinal(o)))),
            quantity: None,
            attribution: attribution.into(),
            modality: spec.modality,
            location: if in_headline {
                ClaimLocation::Headline
            } else {
                ClaimLocation::Body
            },
            words: Default::default(),
        };
        ClaimWords::read_all(std::slice::from_mut(&mut claim));
        self.analysis.claims.push(claim);
        self
    }

    /// A figure of the sentence containing `value` (its words): a death toll (`killed`, a running
    /// total), announced as a rise when `rise`.
    fn toll(&mut self, value: &str, n: NumberValue, rise: bool) -> &mut Article {
        let document = &self.document;
        let span = span_of(document, value);
        let sentence = document.sentence_of(span).expect("in a sentence");
        let published = document.reference_date().expect("dated");
        let words: Vec<String> = document
            .text(sentence.span)
            .split_whitespace()
            .map(isnad_claims::facts::lemma)
            .collect();
        let mut context = words.clone();
        context.sort();
        context.dedup();
        let context: isnad_claims::facts::Words = context.iter().map(|w| w.as_str().into()).collect();
        self.analysis.facts.push(Fact {
            id: format!("{}#f{}", document.id, self.analysis.facts.len() + 1),
            doc: document.id.clone(),
            span,
            text: value.into(),
            sentence: sentence.span,
            clause: sentence.span,
            value: FactValue {
                amount: n,
                unit: None,
                time: None,
            },
            attribute: Attribute {
                key: Some("killed".into()),
                class: Some("killed"),
                from: AttributeSource::Counted,
                head: None,
                detail: None,
                evolving: true,
                of_something: false,
            },
            subject: Subject::default(),
            as_of: std::sync::Arc::new(AsOf {
                time: Some(day(&published.to_string())),
                basis: TimeBasis::Publication,
                span: None,
                hours: None,
            }),
            scope: Scope {
                rise,
                ..Scope::default()
            },
            attribution: std::sync::Arc::from([Source {
                name: document.id.clone(),
                entity: None,
                kind: SourceKind::Outlet,
                span: None,
            }]),
            modality: Modality::Asserted,
            location: if sentence.in_headline {
                ClaimLocation::Headline
            } else {
                ClaimLocation::Body
            },
            context: std::sync::Arc::clone(&context),
            sentence_words: context,
        });
        self
    }

    fn name(&mut self, text: &str, entity: &str, nth: usize) -> &mut Article {
        let start = self.document.source.match_indices(text).nth(nth).unwrap().0;
        self.analysis.entities.mentions.push(EntityMention {
            span: Span::new(start, start + text.len()),
            text: text.into(),
            entity: Some(EntityId::listed(entity)),
            kind: EntityType::Person,
            how: MatchKind::Gazetteer,
            candidates: Default::default(),
            form: MentionForm::Name,
            title: None,
        });
        self
    }
}

fn check(articles: Vec<Article>) -> Vec<(FindingKind, Severity, Vec<String>)> {
    let (documents, analyses): (Vec<_>, Vec<_>) =
        articles.into_iter().map(|a| (a.document, a.analysis)).unzip();
    let result = check_story(&documents, &analyses, &Gazetteer::default());
    result
        .findings
        .iter()
        .map(|f| {
            (
                f.kind,
                f.severity,
                f.sides.iter().map(|s| s.text.clone()).collect(),
            )
        })
        .collect()
}

fn serious(findings: &[(FindingKind, Severity, Vec<String>)]) -> Vec<&(FindingKind, Severity, Vec<String>)> {
    findings.iter().filter(|f| f.1 != Severity::Note).collect()
}

const MINISTER: (&str, Option<&str>, &str) = ("agent", Some("person:a"), "الوزير سامر");

#[test]
fn one_summit_on_two_dates_is_a_date_mismatch() {
    let mut a = article(
        "a.txt",
        "عنوان أول\nعقد الوزير سامر قمة مع الوفد في 14 آذار 2025.\n",
        None,
    );
    a.claim(ClaimSpec {
        roles: vec![MINISTER],
        time: Some(("14 آذار 2025", MentionValue::Date(day("2025-03-14")))),
        ..spec("عقد الوزير سامر قمة مع الوفد", "meeting")
    });
    let mut b = article(
        "b.txt",
        "عنوان ثان\nالتقى الوزير سامر الوفد في 16 مارس 2025.\n",
        None,
    );
    b.claim(ClaimSpec {
        roles: vec![MINISTER],
        time: Some(("16 مارس 2025", MentionValue::Date(day("2025-03-16")))),
        ..spec("التقى الوزير سامر الوفد", "meeting")
    });
    let found = check(vec![a, b]);
    assert_eq!(serious(&found).len(), 1, "{found:?}");
    assert_eq!(found[0].0, FindingKind::DateMismatch);
    assert_eq!(found[0].2, ["14 آذار 2025", "16 مارس 2025"]);
}

#[test]
fn a_toll_is_dated_by_its_report_not_compared_as_its_incidents_date() {
    // "وفق حصيلة أعلنتها السلطات صباح الأربعاء" dates the count, not the crash of Tuesday night.
    let mut a = article(
        "a.txt",
        "عنوان أول\nقتل ثلاثة ركاب في انقلاب حافلة مساء الثلاثاء 4 آذار 2025.\n",
        None,
    );
    a.claim(ClaimSpec {
        time: Some(("الثلاثاء 4 آذار 2025", MentionValue::Date(day("2025-03-04")))),
        ..spec("قتل ثلاثة ركاب في انقلاب حافلة", "casualties")
    });
    let mut b = article(
        "b.txt",
        "عنوان ثان\nحصيلة الانقلاب ثلاثة قتلى صباح الأربعاء 5 آذار 2025.\n",
        None,
    );
    b.claim(ClaimSpec {
        time: Some(("الأربعاء 5 آذار 2025", MentionValue::Date(day("2025-03-05")))),
        cues: isnad_claims::claims::ClauseCues {
            tally: true,
            ..Default::default()
        },
        ..spec("حصيلة الانقلاب ثلاثة قتلى", "casualties")
    });
    let found = check(vec![a, b]);
    assert!(
        !found
            .iter()
            .any(|f| matches!(f.0, FindingKind::DateMismatch | FindingKind::WeekdayMismatch)),
        "{found:?}"
    );
}

#[test]
fn occurrences_months_apart_are_two_events() {
    let mut a = article("a.txt", "عنوان\nالتقى الوزير سامر الوفد في 14 آذار 2025.\n", None);
    a.claim(ClaimSpec {
        roles: vec![MINISTER],
        time: Some(("14 آذار 2025", MentionValue::Date(day("2025-03-14")))),
        ..spec("التقى الوزير سامر الوفد", "meeting")
    });
    let mut b = article(
        "b.txt",
        "عنوان\nالتقى الوزير سامر الوفد في 20 يونيو 2025.\n",
        None,
    );
    b.claim(ClaimSpec {
        roles: vec![MINISTER],
        time: Some(("20 يونيو 2025", MentionValue::Date(day("2025-06-20")))),
        ..spec("التقى الوزير سامر الوفد", "meeting")
    });
    assert!(serious(&check(vec![a, b])).is_empty());
}

#[test]
fn counts_that_cannot_overlap_conflict_but_approximations_and_updates_do_not() {
    let exact = |n: f64| NumberValue::exact(n);
    let approx = NumberValue {
        value: Some(300.0),
        low: 270.0,
        high: Some(330.0),
        qualifier: Qualifier::Approx,
    };
    let build = |text: &'static str,
                 value_text: &'static str,
                 value: NumberValue,
                 id: &str,
                 rise: bool,
                 published: &str| {
        let mut a = article(id, text, Some(published));
        a.toll(value_text, value, rise);
        a
    };
    let found = check(vec![
        build(
            "عنوان\nقتل 23 شخصا في الرملة.",
            "23",
            exact(23.0),
            "a.txt",
            false,
            "2025-01-01",
        ),
        build(
            "عنوان\nقتل 31 شخصا في الرملة.",
            "31",
            exact(31.0),
            "b.txt",
            false,
            "2025-01-01",
        ),
    ]);
    assert_eq!(
        serious(&found).iter().map(|f| f.0).collect::<Vec<_>>(),
        [FindingKind::CountMismatch]
    );
    let found = check(vec![
        build(
            "عنوان\nقتل نحو 300 شخص في الرملة.",
            "نحو 300",
            approx,
            "a.txt",
            false,
            "2025-01-01",
        ),
        build(
            "عنوان\nقتل 312 شخصا في الرملة.",
            "312",
            exact(312.0),
            "b.txt",
            false,
            "2025-01-01",
        ),
    ]);
    assert!(serious(&found).is_empty(), "{found:?}");
    // A toll of a later day is an update; so is a rise announced the same day.
    for (published, rise) in [("2025-01-02", false), ("2025-01-01", true)] {
        let found = check(vec![
            build(
                "عنوان\nقتل 12 شخصا في الرملة.",
                "12",
                exact(12.0),
                "a.txt",
                false,
                "2025-01-01",
            ),
            build(
                "عنوان\nارتفعت حصيلة القتلى إلى 19 شخصا في الرملة.",
                "19",
                exact(19.0),
                "b.txt",
                rise,
                published,
            ),
        ]);
        assert!(serious(&found).is_empty(), "{found:?}");
        assert!(
            found
                .iter()
                .any(|f| f.0 == FindingKind::Update && f.1 == Severity::Note),
            "{found:?}"
        );
    }
    // The dead only grow in number: a later, smaller toll is no update but a conflict.
    let found = check(vec![
        build(
            "عنوان\nقتل 19 شخصا في الرملة.",
            "19",
            exact(19.0),
            "a.txt",
            false,
            "2025-01-01",
        ),
        build(
            "عنوان\nقتل 12 شخصا في الرملة.",
            "12",
            exact(12.0),
            "b.txt",
            false,
            "2025-01-02",
        ),
    ]);
    assert_eq!(
        serious(&found).iter().map(|f| f.0).collect::<Vec<_>>(),
        [FindingKind::CountMismatch],
        "{found:?}"
    );
}

/// A headline repeating the body's new figure adds no second update note.
#[test]
fn one_update_note_per_rise_between_two_articles() {
    let mut a = article("a.txt", "عنوان\nقتل 12 قتيلا في الرملة.", Some("2025-01-01"));
    a.toll("12", NumberValue::exact(12.0), false);
    let text = "ارتفاع الحصيلة إلى 19 قتيلا\nارتفعت الحصيلة إلى 19 قتيلا في الرملة.";
    let mut b = article("b.txt", text, Some("2025-01-02"));
    let body = text.find('\n').unwrap() + 1;
    b.toll("19", NumberValue::exact(19.0), true);
    // The body's 19 (the second occurrence of the words).
    let second = body + text[body..].find("19").unwrap();
    b.analysis.facts.push({
        let mut f = b.analysis.facts[0].clone();
        f.id = "b.txt#f2".into();
        f.span = Span::new(second, second + 2);
        f.sentence = b.document.sentence_of(f.span).unwrap().span;
        f.location = ClaimLocation::Body;
        f
    });
    let found = check(vec![a, b]);
    let updates = found.iter().filter(|f| f.0 == FindingKind::Update).count();
    assert_eq!(updates, 1, "{found:?}");
}

#[test]
fn qualified_first_is_explained_by_an_old_earlier_occurrence() {
    let window = OrdinalQualifier {
        text: "منذ ربع قرن".into(),
        span: Span::new(0, 0),
        within: Some(DurationValue {
            amount: 25.0,
            unit: DurationUnit::Year,
            qualifier: Qualifier::Approx,
        }),
    };
    let mut a = article(
        "a.txt",
        "عنوان\nزار الوزير سامر البلاد للمرة الأولى في يوليو 2000.\nوهذه زيارته الثانية للبلاد.\n",
        Some("2024-06-19"),
    );
    let july: NaiveDate = "2000-07-01".parse().unwrap();
    a.claim(ClaimSpec {
        roles: vec![MINISTER],
        time: Some((
            "يوليو 2000",
            MentionValue::Date(TimeValue::days(july, "2000-07-31".parse().unwrap(), Grain::Month)),
        )),
        ordinal: Some((
            "الأولى",
            OrdinalValue {
                value: 1,
                noun: None,
                noun_span: None,
                qualifier: None,
            },
        )),
        ..spec("زار الوزير سامر البلاد للمرة الأولى في يوليو 2000", "visit")
    });
    a.claim(ClaimSpec {
        roles: vec![("agent", Some("person:a"), "زيارته")],
        ordinal: Some((
            "الثانية",
            OrdinalValue {
                value: 2,
                noun: None,
                noun_span: None,
                qualifier: None,
            },
        )),
        ..spec("وهذه زيارته الثانية للبلاد", "visit")
    });
    let mut b = article(
        "b.txt",
        "عنوان\nجاءت زيارة الوزير سامر الأولى منذ ربع قرن.\n",
        Some("2024-06-19"),
    );
    b.claim(ClaimSpec {
        roles: vec![MINISTER],
        ordinal: Some((
            "الأولى منذ ربع قرن",
            OrdinalValue {
                value: 1,
                noun: None,
                noun_span: None,
                qualifier: Some(Box::new(window.clone())),
            },
        )),
        ..spec("جاءت زيارة الوزير سامر الأولى منذ ربع قرن", "visit")
    });
    let found = check(vec![a, b]);
    assert!(serious(&found).is_empty(), "{found:?}");
    let note = found
        .iter()
        .find(|f| f.0 == FindingKind::OrdinalConflict && f.1 == Severity::Note)
        .expect("explained");
    assert!(
        note.2.iter().any(|t| t == "الثانية") && note.2.iter().any(|t| t == "الأولى منذ ربع قرن"),
        "{note:?}"
    );

    // Without the qualifier, "first" after a known earlier visit is a contradiction.
    let mut c = article(
        "c.txt",
        "عنوان\nزار الوزير سامر البلاد في يوليو 2000.\n",
        Some("2024-06-19"),
    );
    c.claim(ClaimSpec {
        roles: vec![MINISTER],
        time: Some((
            "يوليو 2000",
            MentionValue::Date(TimeValue::days(july, "2000-07-31".parse().unwrap(), Grain::Month)),
        )),
        ..spec("زار الوزير سامر البلاد في يوليو 2000", "visit")
    });
    let mut d = article(
        "d.txt",
        "عنوان\nجاءت زيارة الوزير سامر الأولى للبلاد.\n",
        Some("2024-06-19"),
    );
    d.claim(ClaimSpec {
        roles: vec![MINISTER],
        ordinal: Some((
            "الأولى",
            OrdinalValue {
                value: 1,
                noun: None,
                noun_span: None,
                qualifier: None,
            },
        )),
        ..spec("جاءت زيارة الوزير سامر الأولى للبلاد", "visit")
    });
    let found = check(vec![c, d]);
    assert!(
        found
            .iter()
            .any(|f| f.0 == FindingKind::OrdinalConflict && f.1 == Severity::Contradiction),
        "{found:?}"
    );
}

#[test]
fn a_denial_of_an_accusation_is_contested() {
    let mut a = article(
        "a.txt",
        "عنوان\nتتهم الحكومة الشركة بنقل أسلحة إلى الميناء.\n",
        None,
    );
    a.claim(ClaimSpec {
        roles: vec![("agent", Some("org:c"), "الشركة")],
        modality: Modality::Accused,
        source: Some("الحكومة"),
        ..spec("بنقل أسلحة إلى الميناء", "transfer")
    });
    a.analysis.claims[0].roles.insert(
        isnad_claims::claims::Role::Theme,
        RoleFiller {
            entity: None,
            text: "أسلحة".into(),
            span: span_of(&a.document, "أسلحة"),
        },
    );
    // Words are read with the roles: read them again now that the claim has a theme.
    ClaimWords::read_all(&mut a.analysis.claims);
    let mut b = article("b.txt", "عنوان\nونفت الشركة مزاعم نقل الأسلحة.\n", None);
    b.claim(ClaimSpec {
        roles: vec![("agent", Some("org:c"), "الشركة")],
        modality: Modality::Denied,
        source: Some("الشركة"),
        ..spec("ونفت الشركة مزاعم نقل الأسلحة", "transfer")
    });
    b.analysis.claims[0].roles.insert(
        isnad_claims::claims::Role::Theme,
        RoleFiller {
            entity: None,
            text: "الأسلحة".into(),
            span: span_of(&b.document, "الأسلحة"),
        },
    );
    // Words are read with the roles: read them again now that the claim has a theme.
    ClaimWords::read_all(&mut b.analysis.claims);
    let found = check(vec![a, b]);
    assert_eq!(
        found.iter().filter(|f| f.0 == FindingKind::Contested).count(),
        1,
        "{found:?}"
    );
    assert!(found.iter().all(|f| f.1 != Severity::Contradiction));
}

#[test]
fn headline_stated_body_unconfirmed_is_internal() {
    let mut a = article(
        "a.txt",
        "الوزير سامر يحضر منتدى الاستثمار\nولم يتم تأكيد ما إذا كان الوزير سامر سيحضر منتدى الاستثمار.\n",
        None,
    );
    a.claim(ClaimSpec {
        roles: vec![MINISTER],
        ..spec("الوزير سامر يحضر منتدى الاستثمار", "attendance")
    });
    a.claim(ClaimSpec {
        roles: vec![("agent", Some("person:a"), "الوزير سامر سيحضر")],
        modality: Modality::Unconfirmed,
        ..spec("ما إذا كان الوزير سامر سيحضر منتدى الاستثمار", "attendance")
    });
    let found = check(vec![a]);
    assert_eq!(
        serious(&found).iter().map(|f| (f.0, f.1)).collect::<Vec<_>>(),
        [(FindingKind::Internal, Severity::Tension)]
    );
}

#[test]
fn another_claim_of_the_same_clause_does_not_doubt_the_headline() {
    // Written for this test. First, the headline repeated as the lead, read as two claims each
    // time (a strike, and a claim negated by «دون»): the same words cannot disagree. Second, a
    // body clause that states the headline's event and negates another one in the same clause.
    let cases = [
        (
            "إضراب عمال الميناء الشمالي احتجاجاً على الأجور دون توقيع الاتفاق",
            "إضراب عمال الميناء الشمالي احتجاجاً على الأجور دون توقيع الاتفاق.",
        ),
        (
            "إضراب عمال الميناء الشمالي احتجاجاً على الأجور",
            "أضرب عمال الميناء الشمالي أمس احتجاجاً على الأجور دون توقيع اتفاق مع الإدارة.",
        ),
    ];
    for (headline, body) in cases {
        let mut a = article("a.txt", &format!("{headline}\n{body}\n"), Some("2025-05-09"));
        let workers = ("agent", Some("org:a"), "عمال الميناء الشمالي");
        a.claim(ClaimSpec {
            roles: vec![workers],
            ..spec(headline, "strike")
        });
        if headline.contains("دون") {
            a.claim(ClaimSpec {
                roles: vec![workers],
                modality: Modality::Negated,
                ..spec(headline, "agreement")
            });
        }
        let body_claim = |event: &'static str, modality: Modality| ClaimSpec {
            roles: vec![workers],
            modality,
            ..spec(body, event)
        };
        a.claim(body_claim("agreement", Modality::Negated));
        a.claim(body_claim("strike", Modality::Asserted));
        let found = check(vec![a]);
        assert!(serious(&found).is_empty(), "{headline} / {body}: {found:?}");
    }
}

/// Written for these tests: a ferry sinking with casualties in one article, "without casualties"
/// in another; the second article's clause and who says it vary by case.
fn ferry_casualties(
    negated: &str,
    source: Option<&'static str>,
    negated_time: Option<(&'static str, &str)>,
) -> Vec<(FindingKind, Severity, Vec<String>)> {
    let stated = "سقوط قتلى وجرحى في غرق عبارة الشمال قرب ميناء الصخور";
    let mut a = article(
        "a.txt",
        &format!("عنوان أول للخبر\n{stated}.\n"),
        Some("2025-05-09"),
    );
    a.claim(spec(stated, "casualties"));
    let mut b = article(
        "b.txt",
        &format!("عنوان ثان للخبر\n{negated}.\n"),
        Some("2025-05-09"),
    );
    b.claim(ClaimSpec {
        modality: Modality::Negated,
        source,
        time: negated_time.map(|(text, date)| (text, MentionValue::Date(day(date)))),
        ..spec(negated, "casualties")
    });
    check(vec![a, b])
}

#[test]
fn asserted_in_one_article_and_negated_as_fact_in_another_is_a_contradiction() {
    let found = ferry_casualties("غرق عبارة الشمال قرب ميناء الصخور دون وقوع إصابات", None, None);
    let serious: Vec<_> = serious(&found).iter().map(|f| (f.0, f.1)).collect();
    assert_eq!(
        serious,
        [(FindingKind::PolarityConflict, Severity::Contradiction)],
        "{found:?}"
    );
}

#[test]
fn a_negation_said_by_a_named_source_is_contested() {
    let found = ferry_casualties(
        "وقال مدير الميناء سالم إن غرق عبارة الشمال قرب ميناء الصخور لم يسفر عن إصابات",
        Some("مدير الميناء سالم"),
        None,
    );
    let serious: Vec<_> = serious(&found).iter().map(|f| (f.0, f.1)).collect();
    assert_eq!(
        serious,
        [(FindingKind::Contested, Severity::Tension)],
        "{found:?}"
    );
}

#[test]
fn a_negation_about_another_happening_or_time_is_no_conflict() {
    // Nothing in common but the event type.
    let found = ferry_casualties("مرت العاصفة على المدن الساحلية دون وقوع إصابات", None, None);
    assert!(serious(&found).is_empty(), "{found:?}");
    // The same ferry, an older trip, dated months before.
    let found = ferry_casualties(
        "وكانت عبارة الشمال قد جنحت قرب ميناء الصخور في 2 شباط 2025 دون وقوع إصابات",
        None,
        Some(("2 شباط 2025", "2025-02-02")),
    );
    assert!(serious(&found).is_empty(), "{found:?}");
}

#[test]
fn two_articles_that_both_negate_agree() {
    // Written for this test: each article reads an affirmed claim and a negated one in the same
    // words («تدعو إلى عدم تمديد العقد في المناقصة»); both negate, so they agree.
    let texts = [
        "النقابة تدعو إلى عدم تمديد عقد الميناء في المناقصة الجديدة",
        "النقابة: لا لتمديد عقد الميناء في المناقصة الجديدة",
    ];
    let articles = texts
        .iter()
        .zip(["a.txt", "b.txt"])
        .map(|(text, id)| {
            let mut a = article(
                id,
                &format!("عنوان الخبر رقم {id}\n{text}.\n"),
                Some("2025-05-09"),
            );
            a.claim(spec(text, "agreement"));
            a.claim(ClaimSpec {
                modality: Modality::Negated,
                ..spec(text, "agreement")
            });
            a
        })
        .collect();
    let found = check(articles);
    assert!(serious(&found).is_empty(), "{found:?}");
}

#[test]
fn a_body_negation_about_another_time_is_not_the_headline_doubted() {
    // Written for this test: a ferry's rescue today, and an older grounding "without a rescue".
    // The headline dated, and (second) a headline with no time of its own: the report's days.
    let body = "وكانت عبارة الشمال قد جنحت في 2 شباط 2025 من دون إنقاذ أي راكب";
    for (headline, time, published) in [
        (
            "إنقاذ 40 راكباً من عبارة الشمال التي جنحت صباح 9 أيار 2025",
            Some(("9 أيار 2025", MentionValue::Date(day("2025-05-09")))),
            None,
        ),
        (
            "إنقاذ 40 راكباً من عبارة الشمال التي جنحت",
            None,
            Some("2025-05-09"),
        ),
    ] {
        let mut a = article("a.txt", &format!("{headline}\n{body}.\n"), published);
        a.claim(ClaimSpec {
            time,
            ..spec(headline, "rescue")
        });
        a.claim(ClaimSpec {
            modality: Modality::Negated,
            time: Some(("2 شباط 2025", MentionValue::Date(day("2025-02-02")))),
            ..spec(body, "rescue")
        });
        let found = check(vec![a]);
        assert!(serious(&found).is_empty(), "{headline}: {found:?}");
    }
}

#[test]
fn spelling_variants_are_noted_but_short_forms_are_not() {
    let mut a = article(
        "a.txt",
        "عنوان\nقال سيرغي شويغو إن شويجو وصل. وأكد شويغو ذلك.\n",
        None,
    );
    a.name("سيرغي شويغو", "person:s", 0)
        .name("شويجو", "person:s", 0)
        .name("شويغو", "person:s", 1);
    let found = check(vec![a]);
    let notes: Vec<_> = found.iter().filter(|f| f.0 == FindingKind::NameVariant).collect();
    assert_eq!(notes.len(), 1, "{found:?}");
    assert!(notes[0].2.contains(&"شويجو".to_string()) && notes[0].2.contains(&"شويغو".to_string()));

    // Letters the matching key folds (ة and ه) are still two spellings.
    let mut c = article("c.txt", "عنوان\nقالت هالة عطية إن هالة عطيه وصلت.\n", None);
    c.name("هالة عطية", "person:r", 0)
        .name("هالة عطيه", "person:r", 0);
    let found = check(vec![c]);
    assert_eq!(
        found.iter().filter(|f| f.0 == FindingKind::NameVariant).count(),
        1,
        "{found:?}"
    );

    let mut b = article("b.txt", "عنوان\nقال فلاديمير بوتين إن بوتين سيعود.\n", None);
    b.name("فلاديمير بوتين", "person:p", 0)
        .name("بوتين", "person:p", 1);
    assert!(check(vec![b]).iter().all(|f| f.0 != FindingKind::NameVariant));
}

#[test]
fn copied_articles_are_linked() {
    let body = "قال الوزير إن الحكومة ستفتح المعبر أمام الشاحنات صباح الغد. وأضاف أن الإجراءات الأمنية اكتملت في كل النقاط الحدودية.";
    let a = article("a.txt", &format!("عنوان أول\n{body}\n"), Some("2025-01-01"));
    let b = article("b.txt", &format!("عنوان ثان مختلف\n{body}\n"), Some("2025-01-02"));
    let c = article(
        "c.txt",
        "عنوان ثالث\nخبر آخر تماما عن الطقس والأمطار الغزيرة في المدينة اليوم.\n",
        Some("2025-01-02"),
    );
    let documents = vec![a.document, b.document, c.document];
    let analyses = vec![a.analysis, b.analysis, c.analysis];
    let result = check_story(&documents, &analyses, &Gazetteer::default());
    assert_eq!(result.copies.len(), 1);
    assert_eq!(
        (result.copies[0].doc.as_str(), result.copies[0].source.as_str()),
        ("b.txt", "a.txt")
    );
    let copies_edge = result
        .graph(&documents, &analyses)
        .edges()
        .any(|(from, to, edge)| {
            from.id() == "b.txt" && to.id() == "a.txt" && matches!(edge, isnad_graph::Edge::Copies { .. })
        });
    assert!(copies_edge, "the graph has the copy edge");
}

/// Issue #17: copies of one text link to their original, never to each other, and make one
/// note; a story of n copies gives n − 1 links, not n² pairs.
#[test]
fn copies_of_one_text_link_to_the_original_in_one_note() {
    let body = "قال الوزير إن الحكومة ستفتح المعبر أمام الشاحنات صباح الغد. وأضاف أن الإجراءات الأمنية اكتملت في كل النقاط الحدودية.";
    let dates = ["2025-01-03", "2025-01-01", "2025-01-02", "2025-01-04"];
    let articles: Vec<Article> = dates
        .iter()
        .enumerate()
        .map(|(n, date)| {
            article(
                &format!("{n}.txt"),
                &format!("عنوان رقم {n}\n{body}\n"),
                Some(date),
            )
        })
        .collect();
    let (documents, analyses): (Vec<_>, Vec<_>) =
        articles.into_iter().map(|a| (a.document, a.analysis)).unzip();
    let result = check_story(&documents, &analyses, &Gazetteer::default());
    let links: Vec<(&str, &str)> = result
        .copies
        .iter()
        .map(|c| (c.doc.as_str(), c.source.as_str()))
        .collect();
    // 1.txt is the earliest: the others copy it.
    assert_eq!(
        links,
        [("0.txt", "1.txt"), ("2.txt", "1.txt"), ("3.txt", "1.txt")]
    );
    let notes: Vec<&isnad_graph::Finding> = result
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Copy)
        .collect();
    assert_eq!(notes.len(), 1, "one note for the original and all its copies");
    assert!(notes[0].message.starts_with("0.txt, 2.txt, 3.txt copy 1.txt"));
    // Every event the four report is one source.
    assert!(result.events.iter().all(|e| e.independent_sources == 1));
}

#[test]
fn one_reports_last_sunday_and_yesterday_friday_and_a_speakers_days_are_no_weekday_slip() {
    let weekday = |date: &str, named: chrono::Weekday| {
        let mut value = day(date);
        value.weekday = Some(named);
        value
    };
    // A running count: "افتتح المركز الأحد الماضي" and "بلغت الإصابات مساء أمس الجمعة" in one report of
    // Saturday are two times of the outbreak, not a slip on one.
    let mut a = article(
        "a.txt",
        "عنوان\nبلغت الإصابات 90 إصابة مساء أمس الجمعة. وسجل المركز 40 إصابة منذ الأحد الماضي.\n",
        Some("2026-09-12"),
    );
    a.claim(ClaimSpec {
        time: Some((
            "مساء أمس الجمعة",
            MentionValue::Relative(weekday("2026-09-11", chrono::Weekday::Fri)),
        )),
        ..spec("بلغت الإصابات 90 إصابة", "casualties")
    });
    a.claim(ClaimSpec {
        time: Some((
            "الأحد الماضي",
            MentionValue::Weekday(weekday("2026-09-06", chrono::Weekday::Sun)),
        )),
        ..spec("وسجل المركز 40 إصابة", "casualties")
    });
    // A minister who spoke on Sunday and again on Tuesday said two things.
    let mut b = article(
        "b.txt",
        "عنوان\nوقال الوزير سامر الأحد الماضي إن الوضع مستقر.\n",
        Some("2026-09-12"),
    );
    b.claim(ClaimSpec {
        time: Some((
            "الأحد الماضي",
            MentionValue::Weekday(weekday("2026-09-06", chrono::Weekday::Sun)),
        )),
        roles: vec![MINISTER],
        ..spec("وقال الوزير سامر", "statement")
    });
    let mut c = article(
        "c.txt",
        "عنوان\nوقال الوزير سامر مساء أمس الثلاثاء إن الوضع مستقر.\n",
        Some("2026-09-09"),
    );
    c.claim(ClaimSpec {
        time: Some((
            "مساء أمس الثلاثاء",
            MentionValue::Relative(weekday("2026-09-08", chrono::Weekday::Tue)),
        )),
        roles: vec![MINISTER],
        ..spec("وقال الوزير سامر", "statement")
    });
    let found = check(vec![a, b, c]);
    assert!(
        !found.iter().any(|f| f.0 == FindingKind::WeekdayMismatch),
        "{found:?}"
    );
}
