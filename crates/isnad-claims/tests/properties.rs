//! Properties of the whole reading for any input built from the words the rules look at: it never
//! panics, every span quotes the original text on char boundaries, and the story pass keeps them.

use isnad_claims::entities::Gazetteer;
use isnad_claims::mentions::Lean;
use isnad_claims::{DocAnalysis, link_story};
use isnad_parser::{ParseOptions, parse_document};
use proptest::prelude::*;
use std::sync::LazyLock;

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::builtin);

/// Words and marks the entity, role and attribution rules react to, in any order.
fn sentence() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "قال",
        "وقال",
        "نفى",
        "أعلن",
        "الرئيس",
        "رئيس الوزراء",
        "المتحدث باسم",
        "الحكومة",
        "وزارة",
        "الداخلية",
        "المغربية",
        "الموريتاني",
        "ولد",
        "بن",
        "سيدي",
        "عالي",
        "الحمايدة",
        "للحمايدة",
        "الدرويشي",
        "ناصر",
        "محمد",
        "سامر",
        "ونظيره",
        "عن",
        "وعن",
        "الجانب",
        "التركي",
        "مديرها",
        "وقّع",
        "ووقّع",
        "العقد",
        "زار",
        "وسبق",
        "لسامر",
        "أن",
        "إن",
        "التي",
        "احتضنتها",
        "مدينة",
        "بلدة",
        "عمّان",
        "العقبة",
        "مجموعة",
        "بنوك",
        "زلزال",
        "هزة",
        "ارتدادية",
        "بقوة",
        "6.1",
        "درجات",
        "على",
        "سلم",
        "ريشتر",
        "قتيلاً",
        "45",
        "٤٥",
        "آخر",
        "بيان",
        "لوزارة",
        "وفق",
        "فيصل",
        "عامل",
        "إقليم",
        "وادي",
        "،",
        "،",
        ".",
        " ",
        " ",
        " ",
        "«",
        "»",
        "\n",
        "ـ",
        "لـ",
        "الثلاثاء",
        "11 آذار",
        "أمس",
        "اليوم",
        "غداً",
        "في",
        "إلى",
        "و",
        "له",
        "زيارة",
        "أول",
    ]);
    prop::collection::vec(pieces, 1..40).prop_map(|p| p.join(" "))
}

fn analyze(id: &str, text: &str) -> Option<DocAnalysis> {
    let (doc, _) = parse_document(id, text.as_bytes(), &ParseOptions::default()).ok()?;
    Some(isnad_claims::analyze(&doc, &GAZETTEER, Lean::Tense))
}

fn check_spans(text: &str, analysis: &DocAnalysis) {
    let quote = |span: isnad_parser::Span| text.get(span.range());
    for m in &analysis.entities.mentions {
        assert_eq!(quote(m.span), Some(&*m.text), "entity span");
    }
    for c in &analysis.claims {
        assert!(
            quote(c.span).is_some() && quote(c.trigger).is_some(),
            "claim span"
        );
        for filler in c.roles.values() {
            assert_eq!(quote(filler.span), Some(filler.text.as_str()), "role span");
        }
        for source in c.attribution.iter() {
            if let Some(span) = source.span {
                assert_eq!(quote(span), Some(source.name.as_str()), "source span");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_text_is_read_without_panics_and_spans_quote_it(
        headline in sentence(),
        body in prop::collection::vec(sentence(), 1..4),
    ) {
        let text = format!("{headline}\n{}\n", body.join("\n"));
        let other = format!("{}\n{headline}\n", body.join("\n"));
        let mut story: Vec<DocAnalysis> =
            [("a.txt", &text), ("b.txt", &other)].iter().filter_map(|(id, t)| analyze(id, t)).collect();
        prop_assert_eq!(story.len(), 2, "both articles parse");
        link_story(&mut story);
        for (analysis, t) in story.iter().zip([&text, &other]) {
            check_spans(t, analysis);
        }
    }
}
