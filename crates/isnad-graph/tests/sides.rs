//! What a finding cites (issue #18, "one finding, distinct sides"): a side is one sentence's
//! position, cited once with all its claims, and two names of one source make one finding.

mod common;

use isnad_graph::{Finding, FindingKind, StoryCheck};

/// An accusation in three sentences; the third reads as two transfer claims (two trigger words).
const ACCUSATION: (&str, &str) = (
    "a.txt",
    "واشنطن تتهم إيران بإرسال طائرات مسيرة إلى فنزويلا\n\n\
     تتهم الولايات المتحدة إيران بإرسال طائرات مسيرة إلى فنزويلا مقابل النفط.\n\
     وقالت وزارة الخارجية الأمريكية إن أي نقل طائرات مسيرة من إيران إلى فنزويلا سينتهك العقوبات التي \
     تحظر أي صفقات أسلحة مع إيران.\n",
);

/// The two accused countries deny it, named as countries.
const DENIAL_BY_COUNTRIES: (&str, &str) = (
    "b.txt",
    "بيان مشترك من إيران وفنزويلا\n\n\
     ونفت كل من إيران وفنزويلا مزاعم نقل الطائرات المسيرة، وقالتا إن العلاقات بينهما تجارية.\n",
);

/// The same two governments deny it, named by their capitals.
const DENIAL_BY_CAPITALS: (&str, &str) = (
    "c.txt",
    "طهران وكاراكاس تردان على واشنطن\n\n\
     ومع ذلك، نفت كل من طهران وكاراكاس أن تكون إيران قد أرسلت طائرات مسيرة إلى فنزويلا.\n",
);

/// Checks a story of `(id, text)` articles published on 10 March 2025.
fn check(articles: &[(&str, &str)]) -> StoryCheck {
    let dated: Vec<(&str, &str, &str)> = articles
        .iter()
        .map(|&(id, text)| (id, "2025-03-10", text))
        .collect();
    common::check_articles(&dated).0
}

/// The contested findings.
fn contested(result: &StoryCheck) -> Vec<&Finding> {
    result
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Contested)
        .collect()
}

/// Every (document, sentence, value) a finding cites more than once.
fn repeated_sentences(finding: &Finding) -> Vec<String> {
    let mut seen = std::collections::BTreeSet::new();
    finding
        .sides
        .iter()
        .filter(|s| !seen.insert((s.doc.clone(), s.sentence, s.value.clone())))
        .map(|s| format!("{} {:?} {:?}", s.doc, s.sentence, s.value))
        .collect()
}

/// The side of `finding` in document `doc` whose sentence contains `words`.
fn side_quoting<'f>(
    finding: &'f Finding,
    documents: &[isnad_parser::Document],
    doc: &str,
    words: &str,
) -> &'f isnad_graph::Side {
    let document = documents.iter().find(|d| d.id == doc).expect("document");
    finding
        .sides
        .iter()
        .find(|s| s.doc == doc && document.text(s.sentence).contains(words))
        .unwrap_or_else(|| panic!("{} cites no sentence of {doc} with «{words}»", finding.id))
}

#[test]
fn a_sentence_with_two_claims_is_one_side_listing_both() {
    let dated = [ACCUSATION, DENIAL_BY_COUNTRIES].map(|(id, text)| (id, "2025-03-10", text));
    let (result, documents) = common::check_articles(&dated);
    let found = contested(&result);
    assert_eq!(found.len(), 1, "{:#?}", result.findings);
    let finding = found[0];
    assert_eq!(repeated_sentences(finding), Vec::<String>::new(), "{finding:#?}");
    let side = side_quoting(finding, &documents, "a.txt", "وزارة الخارجية الأمريكية");
    assert_eq!(
        side.claims.len(),
        2,
        "both transfer claims of the sentence: {side:#?}"
    );
    assert_eq!(
        side.claim.as_ref(),
        side.claims.first(),
        "`claim` is the first of `claims`"
    );
    // The finding still lists every claim it cites, each once.
    for claim in &side.claims {
        assert_eq!(
            finding.claims.iter().filter(|c| *c == claim).count(),
            1,
            "{finding:#?}"
        );
    }
    // The side's words are still exactly the original bytes of its span.
    let document = &documents[0];
    assert_eq!(document.text(side.span), side.text);
}

#[test]
fn two_names_of_one_source_are_one_finding() {
    let dated =
        [ACCUSATION, DENIAL_BY_COUNTRIES, DENIAL_BY_CAPITALS].map(|(id, text)| (id, "2025-03-10", text));
    let (result, documents) = common::check_articles(&dated);
    let found = contested(&result);
    assert_eq!(
        found.len(),
        1,
        "«إيران وفنزويلا» and «طهران وكاراكاس» are one denier: {:#?}",
        result.findings
    );
    let finding = found[0];
    assert_eq!(
        side_quoting(finding, &documents, "b.txt", "نفت").value.as_deref(),
        Some("denied")
    );
    assert_eq!(
        side_quoting(finding, &documents, "c.txt", "نفت").value.as_deref(),
        Some("denied")
    );
    assert_eq!(repeated_sentences(finding), Vec::<String>::new(), "{finding:#?}");
    // The message names the denier both ways, so an editor sees why the two are one.
    assert!(finding.message.contains("إيران وفنزويلا"), "{}", finding.message);
    assert!(finding.message.contains("طهران وكاراكاس"), "{}", finding.message);
}

#[test]
fn another_denier_is_another_finding() {
    let other = (
        "d.txt",
        "كوبا ترد على واشنطن\n\n\
         ونفت كوبا أن تكون إيران قد أرسلت طائرات مسيرة إلى فنزويلا عبر موانئها.\n",
    );
    let found_with = |articles: &[(&str, &str)]| contested(&check(articles)).len();
    assert_eq!(found_with(&[ACCUSATION, DENIAL_BY_COUNTRIES]), 1);
    assert_eq!(
        found_with(&[ACCUSATION, DENIAL_BY_COUNTRIES, other]),
        2,
        "Cuba is not Iran and Venezuela: its denial stays its own finding"
    );
}

#[test]
fn a_capital_alone_is_its_country() {
    let by_capital = (
        "c.txt",
        "طهران ترد على واشنطن\n\nونفت طهران أن تكون قد أرسلت طائرات مسيرة إلى فنزويلا.\n",
    );
    let by_country = (
        "b.txt",
        "إيران ترد على واشنطن\n\nونفت إيران مزاعم نقل الطائرات المسيرة إلى فنزويلا.\n",
    );
    let result = check(&[ACCUSATION, by_country, by_capital]);
    assert_eq!(contested(&result).len(), 1, "{:#?}", result.findings);
}

#[test]
fn one_source_named_two_ways_is_named_once_in_the_message() {
    let result = check(&[ACCUSATION, DENIAL_BY_COUNTRIES]);
    let found = contested(&result);
    assert_eq!(found.len(), 1, "{:#?}", result.findings);
    // «واشنطن» (the headline) is the US government, one asserter with «الولايات المتحدة».
    assert!(
        found[0].message.contains("الولايات المتحدة (واشنطن);"),
        "{}",
        found[0].message
    );
}
