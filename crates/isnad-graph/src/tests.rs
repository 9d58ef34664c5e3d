//! The check's cost grows with a story's articles, not with their square (issue #17): a story of
//! the seed articles and an invented dispute, each printed n times with its figures varied one of
//! two ways (as agency copy is rewritten), is checked with 2, 4 and 6 copies and the work the
//! passes do is counted (never timed): each two more copies must add no more work than the two
//! before, which pairs of copies judged one by one would.

use crate::tally::{Work, take};
use isnad_claims::entities::Gazetteer;
use isnad_parser::{Document, ParseOptions, parse_document};

/// `text` with its amounts scaled up by a tenth when `variant` is 1; days (≤ 31) and years kept.
fn vary(text: &str, variant: u64) -> String {
    let mut out = String::with_capacity(text.len());
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String| {
        if let Ok(n) = digits.parse::<u64>() {
            let keep = n <= 31 || (1900..=2100).contains(&n);
            out.push_str(&if keep { n } else { n + n * variant / 10 }.to_string());
        }
        digits.clear();
    };
    for ch in text.chars() {
        if ch.is_ascii_digit() {
            digits.push(ch);
        } else {
            flush(&mut digits, &mut out);
            out.push(ch);
        }
    }
    flush(&mut digits, &mut out);
    out
}

/// Two invented articles besides the seeds: a source asserts what another denies (open content,
/// not an event of the lexicon).
const DISPUTE: [&str; 2] = [
    "نقابة الصيادلة تحذر\nوقال نقيب الصيادلة إن مخازن وزارة الصحة خلت من أدوية السكري منذ أسبوعين.\n",
    "الوزارة ترد\nونفت وزارة الصحة ما ذكرته النقابة عن خلو مخازنها من أدوية السكري، مؤكدة أن الشحنات تصل بانتظام.\n",
];

/// The seed articles and the dispute printed `copies` times each, copy k varied as `k % 2`.
fn story(copies: usize) -> Vec<Document> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut seeds: Vec<_> = std::fs::read_dir(&dir)
        .expect("seeds")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    seeds.sort();
    let mut texts: Vec<String> = seeds
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("seed"))
        .collect();
    texts.extend(DISPUTE.map(String::from));
    let options = ParseOptions {
        fallback_date: chrono::NaiveDate::from_ymd_opt(2024, 6, 1),
        ..ParseOptions::default()
    };
    (0..copies)
        .flat_map(|copy| {
            texts
                .iter()
                .enumerate()
                .map(move |(seed, text)| (copy, seed, text))
        })
        .map(|(copy, seed, text)| {
            let id = format!("{copy:02}-{seed}.txt");
            let text = vary(text, copy as u64 % 2);
            parse_document(&id, text.as_bytes(), &options).expect("parses").0
        })
        .collect()
}

/// The story of `copies` copies, analyzed as `isnad check` does.
fn analyzed(copies: usize) -> (Vec<Document>, Gazetteer, Vec<isnad_claims::DocAnalysis>) {
    let documents = story(copies);
    let gazetteer = Gazetteer::builtin();
    let analyses = isnad_claims::analyze_story(
        &documents,
        &gazetteer,
        isnad_claims::mentions::Lean::Tense,
        |_| {},
    );
    (documents, gazetteer, analyses)
}

/// The work of checking the story of `copies` copies, counted on one thread.
fn work(copies: usize) -> std::collections::BTreeMap<Work, usize> {
    let (documents, gazetteer, analyses) = analyzed(copies);
    // One thread, so every count lands where it is read.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a pool of one thread");
    pool.install(|| {
        take();
        crate::check_story(&documents, &analyses, &gazetteer);
        take()
    })
}

#[test]
fn two_more_copies_cost_no_more_than_the_two_before() {
    let [two, four, six] = [2, 4, 6].map(work);
    for what in [
        Work::EventRulePair,
        Work::MergeCandidate,
        Work::DisagreementPair,
        Work::AnsweredStatement,
        Work::RootsCompared,
    ] {
        let count = |w: &std::collections::BTreeMap<Work, usize>| w.get(&what).copied().unwrap_or(0);
        let (a, b, c) = (count(&two), count(&four), count(&six));
        assert!(a > 0, "{what:?}: the story exercises it");
        // Linear work adds as much for each two copies; work per pair of copies adds more.
        assert!(c - b <= b - a, "{what:?}: {a}, {b}, {c} for 2, 4, 6 copies");
    }
}

/// What a long story holds per claim and per figure is shared, not copied (issue #17, the 50 MB
/// article): an event names each claim by the very id its merge decisions name it by, and the
/// figures of one comparison group share one group key.
#[test]
fn events_and_decisions_share_claim_ids_and_figures_share_group_keys() {
    let (documents, gazetteer, analyses) = analyzed(2);
    let check = crate::check_story(&documents, &analyses, &gazetteer);
    let in_events: rustc_hash::FxHashMap<&str, &std::sync::Arc<str>> = check
        .events
        .iter()
        .flat_map(|e| e.claims.iter().map(|c| (&**c, c)))
        .collect();
    assert!(!check.decisions.is_empty(), "the story merges claims");
    for id in check.decisions.iter().flat_map(|d| &d.claims) {
        assert!(
            std::sync::Arc::ptr_eq(id, in_events[&**id]),
            "{id} is one allocation"
        );
    }
    let context = crate::view::Context::new(&documents, &analyses, &gazetteer);
    let views = &context.facts.views;
    let mut groups = rustc_hash::FxHashMap::default();
    for v in views {
        let first = groups.entry(&*v.group).or_insert(&v.group);
        assert!(
            std::sync::Arc::ptr_eq(first, &v.group),
            "group {} is one allocation",
            v.group
        );
    }
    assert!(groups.len() < views.len(), "some figures share a group");
}

/// Ids are numbered as `format!` writes the number.
#[test]
fn ids_are_numbered_as_the_formatter_writes_them() {
    for n in [0, 1, 9, 10, 99, 100, 12_345, usize::MAX] {
        assert_eq!(crate::numbered('F', n), format!("F{n}"));
    }
    for n in [0, 7, -7, 45, -1_000, i64::MAX, i64::MIN] {
        assert_eq!(crate::with_number("a ", n, " b"), format!("a {n} b"));
    }
}
