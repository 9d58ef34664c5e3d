//! Copies of one text are one voice (issue #17): a story whose articles are each printed n times
//! gives the same findings as the story printed once, each finding citing every copy, so findings
//! grow with the disagreements, not with the copies (nor their square).

mod common;

use isnad_graph::{FindingKind, StoryCheck};
use std::collections::BTreeMap;

/// The seed articles, each printed `copies` times under its own name.
fn story(copies: usize) -> StoryCheck {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut seeds: Vec<_> = std::fs::read_dir(&dir)
        .expect("seeds")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    seeds.sort();
    let texts: Vec<String> = seeds
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("seed"))
        .collect();
    let names: Vec<String> = (0..copies)
        .flat_map(|copy| (0..texts.len()).map(move |seed| format!("{seed}-{copy:02}.txt")))
        .collect();
    let articles: Vec<(&str, &str, &str)> = names
        .iter()
        .enumerate()
        .map(|(n, name)| (name.as_str(), "2024-06-01", texts[n % texts.len()].as_str()))
        .collect();
    common::check_articles(&articles).0
}

/// The findings the rules read from claims, by kind and severity: a copy of a document is not
/// counted (one per copy, by design), nor a disagreement between figures (the fact comparison's,
/// tested with the facts).
fn counts(check: &StoryCheck) -> BTreeMap<(FindingKind, isnad_graph::Severity), usize> {
    let mut counts = BTreeMap::new();
    for finding in check.findings.iter().filter(|f| from_claims(f)) {
        *counts.entry((finding.kind, finding.severity)).or_default() += 1;
    }
    counts
}

fn from_claims(finding: &isnad_graph::Finding) -> bool {
    finding.kind != FindingKind::Copy && finding.facts.is_empty()
}

#[test]
fn n_copies_of_a_story_give_its_findings_once_each_citing_every_copy() {
    let once = story(1);
    let thrice = story(3);
    assert!(!counts(&once).is_empty(), "the seeds disagree somewhere");
    assert_eq!(counts(&once), counts(&thrice), "{:#?}", thrice.findings);
    // A finding about one article of the story printed once cites its three copies when printed
    // three times.
    let mut single = 0;
    for (one, three) in once
        .findings
        .iter()
        .filter(|f| from_claims(f))
        .zip(thrice.findings.iter().filter(|f| from_claims(f)))
    {
        let docs = |f: &isnad_graph::Finding| {
            let mut docs: Vec<&str> = f.sides.iter().map(|s| s.doc.as_str()).collect();
            docs.sort_unstable();
            docs.dedup();
            docs.len()
        };
        assert_eq!((one.kind, one.severity), (three.kind, three.severity));
        if docs(one) == 1 {
            assert_eq!(docs(three), 3, "{three:#?}");
            single += 1;
        }
    }
    assert!(single > 0, "some finding is about one article");
}
