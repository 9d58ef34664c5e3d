//! Claim reading on hand-marked text, independent of the entity and number finders: entities are
//! written `[text|kind]` (p person, c country, o organization, l place, a agency, r product),
//! numbers `<text|n=7>`, ordinals `<text|o=2:noun>`.

use super::*;
use crate::entities::{EntityId, EntityMention, MatchKind};
use crate::mentions::{MentionContext, NumberValue, OrdinalValue, Qualifier};
use isnad_parser::{ParseOptions, fold_key, parse_document};

struct Marked {
    doc: Document,
    mentions: Vec<Mention>,
    entities: DocEntities,
}

fn mark(input: &str) -> Marked {
    let mut source = String::new();
    let mut entities = DocEntities::default();
    let mut mentions = Vec::new();
    let mut rest = input;
    while let Some(open) = rest.find(['[', '<']) {
        source.push_str(&rest[..open]);
        let close_char = if rest[open..].starts_with('[') { ']' } else { '>' };
        let close = open + rest[open..].find(close_char).expect("closed marker");
        let inner = &rest[open + 1..close];
        let (text, tag) = inner.split_once('|').expect("text|tag");
        let span = Span::new(source.len(), source.len() + text.len());
        source.push_str(text);
        if close_char == ']' {
            let kind = match tag {
                "p" | "pd" => EntityType::Person,
                "c" => EntityType::Country,
                "o" => EntityType::Organization,
                "l" => EntityType::Place,
                "a" => EntityType::Agency,
                _ => EntityType::Product,
            };
            entities.mentions.push(EntityMention {
                span,
                text: text.into(),
                entity: (tag != "pd").then(|| EntityId::discovered(kind, &fold_key(text))),
                kind,
                how: if tag == "pd" {
                    MatchKind::Coreference
                } else {
                    MatchKind::Gazetteer
                },
                candidates: Default::default(),
                form: crate::entities::MentionForm::Name,
                title: None,
            });
        } else if let Some(n) = tag.strip_prefix("n=") {
            let value: f64 = n.parse().expect("number");
            let v = NumberValue {
                value: Some(value),
                low: value,
                high: Some(value),
                qualifier: Qualifier::Exact,
            };
            mentions.push(Mention {
                span,
                text: text.into(),
                value: MentionValue::Number(v),
            });
        } else if let Some(o) = tag.strip_prefix("o=") {
            let (value, noun) = o.split_once(':').expect("o=value:noun");
            // The noun span is found once the whole text is known (the noun may follow).
            let v = OrdinalValue {
                value: value.parse().expect("ordinal"),
                noun: Some(noun.to_string()),
                noun_span: None,
                qualifier: None,
            };
            mentions.push(Mention {
                span,
                text: text.into(),
                value: MentionValue::Ordinal(v),
            });
        }
        rest = &rest[close + 1..];
    }
    source.push_str(rest);
    for m in &mut mentions {
        if let MentionValue::Ordinal(o) = &mut m.value
            && let Some(noun) = o.noun.clone()
        {
            let mut from = m.span.start.saturating_sub(40);
            while !source.is_char_boundary(from) {
                from -= 1;
            }
            let at = source[from..].find(noun.as_str()).map(|i| from + i);
            o.noun_span = at.map(|at| Span::new(at, at + noun.len()));
            o.noun = Some(fold_key(&noun));
        }
    }
    let options = ParseOptions {
        fallback_date: chrono::NaiveDate::from_ymd_opt(2024, 3, 14),
        ..ParseOptions::default()
    };
    let (doc, _) = parse_document("t.txt", source.as_bytes(), &options).expect("parses");
    // Time mentions from the real finder, where it is ready.
    let context = MentionContext {
        reference: doc.reference_date(),
        lean: crate::mentions::Lean::Tense,
    };
    for sentence in &doc.sentences {
        for m in crate::mentions::extract_mentions(&doc.source, sentence.span, &context) {
            if m.value.time().is_some() && !mentions.iter().any(|k: &Mention| k.span.overlaps(m.span)) {
                mentions.push(m);
            }
        }
    }
    mentions.sort_by_key(|m| m.span.start);
    Marked {
        doc,
        mentions,
        entities,
    }
}

fn claims(input: &str) -> Vec<Claim> {
    let m = mark(input);
    find_claims(&m.doc, &m.mentions, &m.entities)
}

/// Expected facts of one claim: `event`, then `role=text` pairs, `mod=…`, `src=name>name`,
/// `count=N`, `part`, `ord=N`.
fn check(input: &str, expected: &[&str]) {
    let found = claims(input);
    let event = expected[0];
    let claim = found.iter().find(|c| c.event == event).unwrap_or_else(|| {
        panic!(
            "no {event} claim in {input}\nfound: {:#?}",
            found.iter().map(|c| (&c.event, &c.roles)).collect::<Vec<_>>()
        )
    });
    for want in &expected[1..] {
        let (key, value) = want.split_once('=').unwrap_or((want, ""));
        match key {
            "mod" => assert_eq!(
                format!("{:?}", claim.modality).to_lowercase(),
                value,
                "{input}: {claim:#?}"
            ),
            "src" => {
                let names: Vec<&str> = claim.attribution.iter().map(|s| s.name.as_str()).collect();
                let want: Vec<&str> = value.split('>').collect();
                assert_eq!(&names[..names.len() - 1], &want[..], "{input}");
            }
            "count" => assert_eq!(
                claim.count.as_ref().map(|m| &*m.text),
                Some(value),
                "{input}: {claim:#?}"
            ),
            "part" => assert!(claim.count_part, "{input}: not a part"),
            "total" => assert!(!claim.count_part, "{input}: not a total"),
            "nocount" => assert!(claim.count.is_none(), "{input}: {:?}", claim.count),
            "ord" => assert_eq!(
                claim.ordinal.as_ref().map(|m| &*m.text),
                Some(value),
                "{input}: {claim:#?}"
            ),
            "noord" => assert!(claim.ordinal.is_none(), "{input}: {:?}", claim.ordinal),
            "none" => {
                let role: Role = value.parse().expect("a role");
                assert!(
                    !claim.roles.contains_key(&role),
                    "{input}: {value} = {:?}",
                    claim.roles.get(&role)
                );
            }
            role => {
                let parsed: Role = role.parse().unwrap_or_else(|e| panic!("{e}"));
                let got = claim.roles.get(&parsed).map(|f| f.text.as_str());
                assert_eq!(got, Some(value), "{input}: role {role} in {:#?}", claim.roles);
            }
        }
    }
}

#[test]
fn verb_agent_recipient_theme() {
    check(
        "أهدى [الرئيس الزمبري|pd] [كارلو فيندا|p] [الزعيم الأوراني|pd] [ماتيو رانزي|p] سيارة رياضية فاخرة لاستخدامه الشخصي.",
        &[
            "gift",
            "agent=الرئيس الزمبري كارلو فيندا",
            "recipient=الزعيم الأوراني ماتيو رانزي",
            "theme=سيارة رياضية فاخرة",
            "mod=asserted",
        ],
    );
    check(
        "منح [فيندا|p] [رانزي|p] وساماً رفيعاً.",
        &["gift", "agent=فيندا", "recipient=رانزي", "theme=وساماً رفيعاً"],
    );
    check(
        "وقدم [فيندا|p] ل[رانزي|p] ساعة ذهبية.",
        &["gift", "agent=فيندا", "recipient=رانزي", "theme=ساعة ذهبية"],
    );
}

#[test]
fn subject_first_and_prepositions() {
    check(
        "[فيندا|p] يزور [زمبريا|c] الأسبوع المقبل.",
        &["visit", "agent=فيندا", "destination=زمبريا"],
    );
    check(
        "وصل [رانزي|p] إلى [مدينة كورفا|l] على متن قطار خاص.",
        &[
            "arrival",
            "agent=رانزي",
            "destination=مدينة كورفا",
            "vehicle=قطار خاص",
        ],
    );
    check(
        "وغادر [رانزي|p] [كورفا|l] متوجها إلى [زمبريا|c].",
        &["departure", "agent=رانزي", "origin=كورفا"],
    );
    check(
        "والتقى [فيندا|p] مع [رانزي|p] في [كورفا|l].",
        &["meeting", "agent=فيندا", "participant=رانزي", "place=كورفا"],
    );
    check(
        "وأرسل [فيندا|p] ل[رانزي|p] رسالة.",
        &["transfer", "agent=فيندا", "recipient=رانزي"],
    );
}

#[test]
fn subject_is_not_a_genitive_or_a_place() {
    check(
        "وذكرت [وكالة الأنباء الزمبرية|a] أن شقيقة [رانزي|p]، [لوسيا رانزي|p]، ومسؤول كبير آخر في [زمبريا|c] قبلا الهدية.",
        &[
            "gift",
            "recipient=لوسيا رانزي",
            "src=وكالة الأنباء الزمبرية",
            "mod=reported",
        ],
    );
}

#[test]
fn verbal_noun_genitive_and_possessive() {
    check(
        "خلال زيارة [فيندا|p] الأولى إلى [كورفا|l] منذ عقود.",
        &["visit", "agent=فيندا", "destination=كورفا"],
    );
    check(
        "نفت [زمبريا|c] مزاعم نقل الأسلحة.",
        &["transfer", "theme=الأسلحة", "mod=denied", "src=زمبريا"],
    );
    check(
        "وتمثل رحلة [فيندا|p] إلى [أورانيا|c] زيارته الثانية للبلاد.",
        &["visit", "agent=فيندا"],
    );
    check(
        "يقوم الرئيس [فيندا|p] بزيارة نادرة إلى [أورانيا|c].",
        &["visit", "agent=الرئيس فيندا", "destination=أورانيا"],
    );
}

#[test]
fn a_chairing_verb_names_the_chair_of_the_body_that_meets() {
    check(
        "ترأس [رئيس الحكومة|pd] [سالم بن داود|p]، صباح اليوم، اجتماعات [المجلس الأعلى للتعاون|o] في [بلدة زمر|l].",
        &[
            "meeting",
            "agent=المجلس الأعلى للتعاون",
            "chair=رئيس الحكومة سالم بن داود",
        ],
    );
    // Without a body of its own, the meeting is the chair's: no separate chair.
    check(
        "ترأس [سالم بن داود|p] اجتماعات طارئة.",
        &["meeting", "agent=سالم بن داود", "none=chair"],
    );
    // Other light verbs carry the agent, never a chair.
    check(
        "أجرى [سالم بن داود|p] محادثات [المجلس الأعلى للتعاون|o].",
        &["meeting", "none=chair"],
    );
}

#[test]
fn accusation_moves_the_agent() {
    check(
        "وتتهم [زمبريا|c] و[أورانيا|c] وشركاؤهما [فالدوريا|c] بإرسال أسلحة تقليدية إلى [كورفا|l].",
        &[
            "transfer",
            "agent=فالدوريا",
            "destination=كورفا",
            "theme=أسلحة تقليدية",
            "mod=accused",
            "src=زمبريا وأورانيا",
        ],
    );
    check(
        "وتتهم [زمبريا|c] [فالدوريا|c] بإرسال أسلحة.",
        &["accusation", "agent=زمبريا", "patient=فالدوريا", "mod=asserted"],
    );
}

#[test]
fn denial_names_the_denier() {
    check(
        "ونفت كل من [فالدوريا|c] و[زمبريا|c] مزاعم نقل الأسلحة، الأمر الذي سيشكل انتهاكا.",
        &["transfer", "mod=denied", "src=فالدوريا وزمبريا"],
    );
    check(
        "نفت [فالدوريا|c] أن تكون [زمبريا|c] قادرة على تزويد [أورانيا|c] بالأسلحة.",
        &[
            "transfer",
            "mod=denied",
            "recipient=أورانيا",
            "theme=الأسلحة",
            "src=فالدوريا",
        ],
    );
    check(
        "ونفت [فالدوريا|c] مزاعم نقل الأسلحة.",
        &["denial", "agent=فالدوريا", "mod=asserted"],
    );
}

#[test]
fn attribution_chains() {
    check(
        "وقال المتحدث باسم الحكومة [ماركو تيلي|p] إن [فيندا|p] أعطى [رانزي|p] ساعة ذهبية.",
        &[
            "gift",
            "agent=فيندا",
            "recipient=رانزي",
            "src=المتحدث باسم الحكومة ماركو تيلي",
            "mod=reported",
        ],
    );
    check(
        "وقال [تيلي|p] إن [فيندا|p] أهدى [رانزي|p] ساعة، حسبما نقلت [وكالة نوفا|a] للأنباء.",
        &["gift", "src=تيلي>وكالة نوفا", "mod=reported"],
    );
    check(
        "وقال مراقبون إن [فيندا|p] زار [كورفا|l] سرا.",
        &["visit", "src=مراقبون", "mod=reported", "destination=كورفا"],
    );
    check(
        "وذكرت [وكالة نوفا|a] أمس نقلاً عن مصدر رسمي أن [رانزي|p] وصل إلى [كورفا|l].",
        &["arrival", "src=مصدر رسمي>وكالة نوفا", "agent=رانزي"],
    );
    check(
        "أهدى [فيندا|p] [رانزي|p] سيارة، حسبما أعلن البلدان.",
        &["gift", "src=البلدان", "mod=reported"],
    );
    let found = claims("أهدى [فيندا|p] [رانزي|p] سيارة، حسبما أعلن البلدان.");
    assert!(
        found.iter().all(|c| c.event != "statement"),
        "a frame is not a statement: {found:#?}"
    );
    let outlet = found[0].attribution.last().expect("outlet");
    assert_eq!((outlet.kind, outlet.name.as_str()), (SourceKind::Outlet, "t.txt"));
}

#[test]
fn carried_speaker() {
    let found = claims("وقال [أندريه تيلي|p] إن الوضع صعب.\nوأضاف: «سيزور [فيندا|p] [كورفا|l] قريباً».");
    let visit = found.iter().find(|c| c.event == "visit").expect("visit");
    assert_eq!(visit.attribution[0].name, "أندريه تيلي");
    assert_eq!(visit.modality, Modality::Planned);
}

#[test]
fn modality_cues() {
    check(
        "ومن المرجح أن يزور [فيندا|p] [كورفا|l].",
        &["visit", "mod=hedged"],
    );
    check(
        "ولم يزر [فيندا|p] [كورفا|l]، ولم يلتق [رانزي|p].",
        &["meeting", "mod=negated"],
    );
    check("سيزور [فيندا|p] [كورفا|l].", &["visit", "mod=planned"]);
    check(
        "ومن المقرر أن يصل [فيندا|p] إلى [كورفا|l].",
        &["arrival", "mod=planned"],
    );
    check(
        "ولم يتم تأكيد مكان الاجتماع أو ما إذا كان [رانزي|p] سيحضر المنتدى.",
        &["attendance", "agent=رانزي", "mod=unconfirmed"],
    );
    check(
        "وستبدأ [زمبريا|c] تصنيع الطائرات في [كورفا|l].",
        &["production", "agent=زمبريا", "theme=الطائرات", "mod=planned"],
    );
}

#[test]
fn a_verb_before_another_events_noun_says_it_happened() {
    // «وقع» is "signed" and "happened": before another event's noun it is the second.
    for text in [
        "ووقع هجوم على الميناء فجر اليوم.",
        "ووقعت إصابات بين العمال في الحادث.",
    ] {
        let found = claims(text);
        assert!(found.iter().all(|c| c.event != "agreement"), "{text}: {found:#?}");
        assert!(!found.is_empty(), "{text}: the other event is still read");
    }
    // Before its own kind of noun, or a name, it is the signing.
    check("ووقع الوزيران اتفاقية تعاون في المجال الزراعي.", &["agreement"]);
    check(
        "ووقع [رانزي|p] على المرسوم الجديد.",
        &["agreement", "agent=رانزي"],
    );
    // A noun of the event keeps it, even before another event's noun.
    check("وأعلن الطرفان اتفاق تسليم المعدات.", &["agreement"]);
}

#[test]
fn a_report_the_article_says_was_denied_is_denied() {
    // «…، وهو ما نفته X»: the article reports the claim only to say X denies it.
    check(
        "وتداولت مواقع إخبارية أنباء عن هجوم على مطار [كورفا|l]، وهو ما نفته [زمبريا|c] في بيان.",
        &["attack", "mod=denied", "src=زمبريا"],
    );
    // Without the denial, the same report is the article's.
    check(
        "وشنت [زمبريا|c] هجوماً على مطار [كورفا|l].",
        &["attack", "mod=asserted"],
    );
}

#[test]
fn a_conditional_asserts_nothing() {
    // «إذا / في حال / لو»: the event is a hypothesis, not a report (hedged, never compared as fact).
    check(
        "وقال الوزير إن بلاده سترد بقوة إذا فرضت [زمبريا|c] عقوبات جديدة على صادراتها.",
        &["sanction", "mod=hedged"],
    );
    check(
        "وفي حال وقع هجوم على الميناء فإن الحكومة ستغلقه فوراً.",
        &["attack", "mod=hedged"],
    );
    // The same event stated plainly.
    check(
        "وفرضت [زمبريا|c] عقوبات جديدة على صادرات جارتها.",
        &["sanction", "mod=asserted"],
    );
}

#[test]
fn a_negation_reaches_the_event_across_an_occurrence_noun() {
    // «دون وقوع/تسجيل إصابات»: the noun between says the event did not occur.
    check(
        "وانتهت المباراة في [كورفا|l] دون وقوع إصابات.",
        &["casualties", "mod=negated"],
    );
    check("ومرت العاصفة دون تسجيل وفيات.", &["casualties", "mod=negated"]);
    check("ولم يتم توقيع الاتفاق بعد.", &["agreement", "mod=negated"]);
    // «لا يوجد / لا وجود لـ»: there is none.
    check(
        "ولا يوجد اتفاق بين الطرفين حتى الآن.",
        &["agreement", "mod=negated"],
    );
    check(
        "وقع انفجار في السوق ولا وجود لمصابين.",
        &["casualties", "mod=negated"],
    );
    // «لا دليل على / لا يوجد أي»: no evidence of it, none of it.
    check("ولا دليل على تسليم أي أسلحة للجيش.", &["transfer", "mod=negated"]);
    check("ولا يوجد أي اتفاق بين الطرفين.", &["agreement", "mod=negated"]);
    // Without a negation, the same noun asserts.
    check("وأدى الانفجار إلى وقوع إصابات.", &["casualties", "mod=asserted"]);
    check(
        "وعثرت الشرطة على دليل على توقيع الاتفاق.",
        &["agreement", "mod=asserted"],
    );
}

#[test]
fn counts_totals_and_parts() {
    check(
        "وقام [رانزي|p] ب<سبع|n=7> رحلات فقط خارج بلاده.",
        &["travel", "count=سبع", "total"],
    );
    check(
        "<أربع|n=4> من هذه الرحلات كانت إلى [أورانيا|c].",
        &["travel", "count=أربع", "part"],
    );
    check(
        "وشحنت [فالدوريا|c] <7000|n=7000> حاوية إلى [زمبريا|c].",
        &["shipment", "agent=فالدوريا", "count=7000", "total"],
    );
    check(
        "وسبق أن قدم [فيندا|p] ل[رانزي|p] سيارة في الشتاء، مما يعني أنه أصبح لديه <اثنتين|n=2> منها.",
        &["gift", "count=اثنتين", "part"],
    );
    check(
        "واستخدم [رانزي|p] سيارة S<600|n=600> خلال زيارته.",
        &["visit", "nocount"],
    );
}

#[test]
fn ordinals_of_the_event_or_theme_only() {
    check(
        "وتمثل هذه زيارته <الثانية|o=2:زيارته> للبلاد.",
        &["visit", "ord=الثانية"],
    );
    check(
        "قدم [فيندا|p] ل[رانزي|p] <أول|o=1:سيارة> سيارة من طرازها.",
        &["gift", "ord=أول", "theme=سيارة"],
    );
    check(
        "أهدى [فيندا|p] [رانزي|p] ساعة من [نوفا|r] التي كانت <أول|o=1:علامة> علامة تجارية.",
        &["gift", "noord"],
    );
    check(
        "زار [فيندا|p] [كورفا|l] <للمرة الأولى|o=1:مرة> في الصيف.",
        &["visit", "ord=للمرة الأولى"],
    );
    // An incident's theme is who it struck: "a second child" is which victim, not which death.
    check("وفاة طفل <ثانٍ|o=2:طفل> في المستشفى.", &["casualties", "noord"]);
}

#[test]
fn headline_and_clauses() {
    let found = claims(
        "[فيندا|p] يزور [أورانيا|c]\n\nوصل [فيندا|p] إلى [كورفا|l]، بينما غادر [رانزي|p] [أورانيا|c].\n",
    );
    let visit = found.iter().find(|c| c.event == "visit").expect("visit");
    assert_eq!(visit.location, ClaimLocation::Headline);
    let arrival = found.iter().find(|c| c.event == "arrival").expect("arrival");
    let departure = found.iter().find(|c| c.event == "departure").expect("departure");
    assert_eq!(arrival.location, ClaimLocation::Body);
    assert!(!arrival.text.contains("غادر"), "{}", arrival.text);
    assert!(departure.text.contains("غادر"));
    for c in &found {
        assert_eq!(found_text(&c.text), &*c.text);
    }
}

fn found_text(s: &str) -> String {
    s.to_string()
}

#[test]
fn never_panics_on_odd_text() {
    for input in [
        "",
        "أهدى",
        "زيارة",
        "،،، أهدى ،،،",
        "قال إن",
        "نفت",
        "S600 أهدى 3",
        "أهدى\u{200F}ـــ سيارة ﻻ",
    ] {
        let _ = claims(input);
    }
}

#[test]
fn claims_carry_the_event_properties_the_lexicon_declares() {
    // Written for this test: a meeting is symmetric, a convoy's trip a movement, a toll an incident.
    let found = claims("التقى وزير الخارجية نظيره في العاصمة أمس. وقتل 4 أشخاص في انفجار بالسوق.");
    let meeting = found.iter().find(|c| c.event == "meeting").expect("meeting");
    assert!(
        meeting.properties.symmetric && !meeting.properties.incident,
        "{:?}",
        meeting.properties
    );
    assert_eq!(event_properties("visit").names(), vec!["movement"]);
    assert_eq!(event_properties("casualties").names(), vec!["incident"]);
    assert_eq!(event_properties("gift").names(), vec!["movement", "single_agent"]);
    assert!(event_properties("denial").speech);
    assert!(event_properties("no-such-type").is_empty());
    // Serialized as the list of the properties that hold.
    let json = serde_json::to_value(meeting).expect("json");
    assert_eq!(json["properties"], serde_json::json!(["symmetric"]));
}

#[test]
fn clauses_signal_earlier_occurrences_and_rising_totals() {
    // Written for this test, in a story of a hospital fire and a minister's visits.
    let earlier = claims("وسبق أن زار الوزير المستشفى قبل عامين.");
    assert!(earlier.iter().any(|c| c.cues.earlier), "{earlier:#?}");
    let today = claims("وزار الوزير المستشفى في وقت سابق اليوم.");
    assert!(today.iter().all(|c| !c.cues.earlier), "{today:#?}");
    let rising = claims("وارتفعت حصيلة قتلى الحريق إلى 12 شخصاً.");
    assert!(rising.iter().any(|c| c.cues.rising), "{rising:#?}");
    let plain = claims("قتل 12 شخصاً في الحريق.");
    assert!(plain.iter().all(|c| c.cues.is_empty()), "{plain:#?}");
    // A claim whose trigger names a toll is dated by the count's report; the deaths it sits
    // beside are not.
    let toll = claims("قتل 4 أشخاص في الحريق، وفق حصيلة أعلنها الدفاع صباح اليوم.");
    assert!(toll.iter().any(|c| c.cues.tally), "{toll:#?}");
    assert!(toll.iter().any(|c| !c.cues.tally), "{toll:#?}");
}

#[test]
fn claims_share_their_clause_text_and_their_sources_chain() {
    // Written for this test. A long article holds hundreds of thousands of claims: those of one
    // clause hold one text, those of one source one chain, and everything nobody is cited for
    // the document's one outlet chain (issue #17).
    let found = claims(
        "قال المتحدث [سامر ناصيف|p] إن 3 عمال قتلوا وأصيب 5 آخرون في انهيار المنجم. \
         التقى وزير الخارجية نظيره في العاصمة أمس. وقتل 4 أشخاص وأصيب 9 آخرون في انفجار بالسوق.",
    );
    let cited: Vec<&Claim> = found.iter().filter(|c| c.attribution.len() > 1).collect();
    let uncited: Vec<&Claim> = found.iter().filter(|c| c.attribution.len() == 1).collect();
    assert!(cited.len() >= 2 && uncited.len() >= 2, "{found:#?}");
    for group in [&cited, &uncited] {
        assert!(
            group
                .windows(2)
                .all(|w| Arc::ptr_eq(&w[0].attribution, &w[1].attribution)),
            "{group:#?}"
        );
    }
    let same_clause: Vec<_> = found.windows(2).filter(|w| w[0].span == w[1].span).collect();
    assert!(!same_clause.is_empty(), "{found:#?}");
    assert!(same_clause.iter().all(|w| Arc::ptr_eq(&w[0].text, &w[1].text)));
}

#[test]
fn a_saying_is_dated_by_its_own_time_not_by_the_times_of_what_it_says() {
    // Written for this test: "the plant stopped on Sunday" dates the stoppage, not the statement.
    let found = claims("وقال المتحدث باسم [الشركة|o] إن المصنع توقف عن العمل يوم الأحد الماضي.");
    let said = found
        .iter()
        .find(|c| c.event == "statement")
        .expect("a statement");
    assert_ne!(said.time_basis, TimeBasis::Stated, "{said:#?}");
    // A time between the verb and what is said is the saying's.
    let found = claims("وقال المتحدث باسم [الشركة|o] أمس الأحد إن المصنع توقف عن العمل.");
    let said = found
        .iter()
        .find(|c| c.event == "statement")
        .expect("a statement");
    assert_eq!(said.time_basis, TimeBasis::Stated, "{said:#?}");
}

#[test]
fn an_incident_is_not_dated_by_the_announcement_of_it() {
    // Written for this test: the fire happened before the company announced the end of the works.
    let found =
        claims("وأعلنت [الشركة|o] أمس الأحد انتهاء أعمال الصيانة في المصنع بعد حريق أودى بحياة 4 عمال.");
    let toll = found.iter().find(|c| c.event == "casualties").expect("a toll");
    assert_ne!(toll.time_basis, TimeBasis::Stated, "{toll:#?}");
    // A time of its own still dates it.
    let found = claims("وأعلنت [الشركة|o] أمس الأحد أن حريقاً أودى بحياة 4 عمال فجر السبت.");
    let toll = found.iter().find(|c| c.event == "casualties").expect("a toll");
    assert_eq!(toll.time_basis, TimeBasis::Stated, "{toll:#?}");
    assert_eq!(
        toll.time.as_ref().map(|t| &*t.text),
        Some("فجر السبت"),
        "{toll:#?}"
    );
    // Nor by the time of the clause before it: the saying is dated, what it reports is not.
    let found = claims(
        "واندلع حريق في المصنع فجر السبت وأودى بحياة عاملين. وكان المتحدث باسم [الشركة|o] قد قال الأحد الماضي إن الحريق أودى بحياة 4 عمال.",
    );
    let reported = found.iter().rfind(|c| c.event == "casualties").expect("a toll");
    assert_ne!(reported.time_basis, TimeBasis::Stated, "{reported:#?}");
}

#[test]
fn the_time_of_the_report_a_claim_is_according_to_is_not_its_time() {
    // Written for this test: the statement was issued Sunday evening; the poisoning is undated.
    let found = claims("وأصيب 40 تلميذاً بالتسمم في المدرسة، بحسب بيان أصدرته [البلدية|o] مساء أمس الأحد.");
    let toll = found.iter().find(|c| c.event == "casualties").expect("a toll");
    assert_ne!(toll.time_basis, TimeBasis::Stated, "{toll:#?}");
    // A time before the source is the event's.
    let found =
        claims("وأصيب 40 تلميذاً بالتسمم في المدرسة صباح السبت، بحسب بيان أصدرته [البلدية|o] مساء أمس الأحد.");
    let toll = found.iter().find(|c| c.event == "casualties").expect("a toll");
    assert_eq!(
        toll.time.as_ref().map(|t| &*t.text),
        Some("صباح السبت"),
        "{toll:#?}"
    );
}

#[test]
fn now_dates_nothing() {
    // Written for this test: "now we must start again" says when a feeling holds, not a date.
    let found = claims("وقال [سامي الحلبي|p] للصحيفة: \"الآن علينا أن نبدأ من جديد بعد إغلاق المصنع\".");
    let said = found
        .iter()
        .find(|c| c.event == "statement")
        .expect("a statement");
    assert_ne!(said.time_basis, TimeBasis::Stated, "{said:#?}");
}

#[test]
fn a_trigger_word_inside_a_place_or_body_name_is_no_event() {
    // "عين" appoints and "النقل" moves, but not inside «عين الصفصاف» or a ministry's name.
    let found = claims("واجتمع المجلس البلدي أمس في بلدة [عين الصفصاف|l] لمناقشة خطة المياه.");
    assert!(found.iter().all(|c| c.event != "appointment"), "{found:#?}");
    let found = claims("وقال المدير إن [وزارة الأشغال العامة والنقل|o] أغلقت الطريق.");
    assert!(found.iter().all(|c| c.event != "transfer"), "{found:#?}");
    let found = claims("وعين [الوزير|pd] [سامي الحلبي|p] مديراً للميناء.");
    assert!(found.iter().any(|c| c.event == "appointment"), "{found:#?}");
}
