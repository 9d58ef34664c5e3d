//! Story-wide linking of people named in full in one article and by family name in another.

use isnad_claims::entities::{EntityId, Gazetteer};
use isnad_claims::mentions::Lean;
use isnad_claims::{DocAnalysis, link_story};
use isnad_parser::{ParseOptions, parse_document};

fn analyze(id: &str, text: &str) -> DocAnalysis {
    let (doc, _) = parse_document(id, text.as_bytes(), &ParseOptions::default()).expect("parses");
    isnad_claims::analyze(&doc, &Gazetteer::builtin(), Lean::Tense)
}

fn ids_of(analysis: &DocAnalysis, text: &str) -> Vec<EntityId> {
    analysis
        .entities
        .mentions
        .iter()
        .filter(|m| &*m.text == text)
        .filter_map(|m| m.entity.clone())
        .collect()
}

#[test]
fn family_names_in_other_articles_link_to_the_full_name() {
    let mut story = vec![
        analyze(
            "a.txt",
            "عنوان الخبر الأول\nعاد الوزير الأول محمد الأمين ولد سيدي عالي إلى نواكشوط أمس.\n",
        ),
        analyze(
            "b.txt",
            "عنوان الخبر الثاني\nوسبق لولد سيدي عالي أن زار الأردن في أيار 2023.\n",
        ),
    ];
    let full = ids_of(&story[0], "محمد الأمين ولد سيدي عالي");
    assert_eq!(full.len(), 1);
    let before = ids_of(&story[1], "ولد سيدي عالي");
    assert_eq!(before.len(), 1);
    assert_ne!(before, full, "each article alone cannot know the full name");
    link_story(&mut story);
    assert_eq!(ids_of(&story[1], "ولد سيدي عالي"), full);
    let visit = story[1]
        .claims
        .iter()
        .find(|c| c.event == "visit")
        .expect("visit");
    assert_eq!(
        visit.roles[&isnad_claims::claims::Role::Agent].entity.as_ref(),
        full.first()
    );
    assert!(story[1].entities.entities.iter().all(|e| e.id != before[0]));
}

#[test]
fn a_family_name_two_people_share_stays_apart() {
    let mut story = vec![
        analyze("a.txt", "عنوان\nقال الوزير سامي الدرويشي إن الطريق مغلق.\n"),
        analyze("b.txt", "عنوان\nوأكد المحافظ كمال الدرويشي أن الجسر سليم.\n"),
        analyze("c.txt", "عنوان\nوقال الدرويشي إن العمل مستمر.\n"),
    ];
    let lone = |s: &[DocAnalysis]| ids_of(s.last().expect("articles"), "الدرويشي");
    let before = lone(&story);
    assert_eq!(before.len(), 1, "{:#?}", story[2].entities);
    link_story(&mut story);
    assert_eq!(lone(&story), before);
    // With one bearer the lone family name is that person.
    story.remove(1);
    link_story(&mut story);
    assert_eq!(lone(&story), ids_of(&story[0], "سامي الدرويشي"));
}
