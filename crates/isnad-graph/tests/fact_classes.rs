//! Facts that are the same for every judgement (copies of one agency text, only the report
//! differs) are judged once as a class (issue #17): the comparisons and findings of a story grow
//! with its distinct figures, not with the square of its copies. Counted, never timed.

mod common;

use isnad_graph::{FindingKind, Pairs, StoryCheck};

/// A story of `n` copies of each of two reports `a` and `b`, each given as (publication date,
/// text), in file-name order.
fn copies_of(n: usize, a: (&str, &str), b: (&str, &str)) -> StoryCheck {
    let ids: Vec<(String, String)> = (0..n)
        .map(|k| (format!("a{k:03}.txt"), format!("b{k:03}.txt")))
        .collect();
    let mut articles: Vec<(&str, &str, &str)> = Vec::new();
    for (id_a, id_b) in &ids {
        articles.push((id_a, a.0, a.1));
        articles.push((id_b, b.0, b.1));
    }
    articles.sort();
    common::check_articles(&articles).0
}

/// A story of `n` copies of each of two reports that give one toll two ways, every report
/// stating it in its headline and its body.
fn copies(n: usize) -> StoryCheck {
    copies_of(
        n,
        (
            "2025-03-02",
            "مقتل 23 شخصا في انهيار مبنى سكني\nقتل 23 شخصا في انهيار المبنى صباح اليوم في حي الورود.\n",
        ),
        (
            "2025-03-02",
            "مقتل 31 شخصا في انهيار مبنى سكني\nأسفر انهيار المبنى صباح اليوم في حي الورود عن مقتل 31 شخصا.\n",
        ),
    )
}

/// The comparisons of figures (not of doers and places).
fn figure_comparisons(result: &StoryCheck) -> Vec<&isnad_graph::Comparison> {
    result
        .comparisons
        .iter()
        .filter(|c| !matches!(&*c.attribute, "actor" | "place"))
        .collect()
}

#[test]
fn twice_the_copies_cost_no_more_comparisons() {
    // Which words are too common to pair dates on depends on how many dates share them: past a few
    // copies, nothing changes.
    let (fewer, more) = (copies(6), copies(12));
    let records = |r: &StoryCheck| {
        let mut list: Vec<(String, String)> = figure_comparisons(r)
            .iter()
            .map(|c| (c.attribute.to_string(), c.reason.to_string()))
            .collect();
        list.sort();
        list
    };
    assert!(!records(&fewer).is_empty());
    assert_eq!(records(&fewer), records(&more));
}

#[test]
fn a_class_comparison_cites_every_copy() {
    let result = copies(12);
    let across: Vec<_> = figure_comparisons(&result)
        .into_iter()
        .filter(|c| c.pairs == Some(Pairs::Across))
        .collect();
    assert!(!across.is_empty(), "{:#?}", result.comparisons);
    for c in across {
        let sides = c.sides.as_ref().expect("a class comparison lists its sides");
        for side in sides {
            assert_eq!(side.len(), 12, "{c:#?}");
        }
    }
}

#[test]
fn one_disagreement_across_n_copies_is_one_finding_citing_all() {
    for n in [2, 12] {
        let result = copies(n);
        let mismatches: Vec<_> = result
            .findings
            .iter()
            .filter(|f| f.kind == FindingKind::CountMismatch)
            .collect();
        assert_eq!(mismatches.len(), 1, "{:#?}", result.findings);
        // Every copy's headline and body, on one side or the other.
        assert_eq!(mismatches[0].facts.len(), 4 * n, "{:#?}", mismatches[0]);
    }
}

/// A story of `n` copies of each of two reports that name another doer for one order.
fn doers(n: usize) -> StoryCheck {
    copies_of(
        n,
        (
            "2026-03-02",
            "إغلاق سوق الخضار بعد انهيار سقفه\nوأمر رئيس البلدية، كريم الحلاق، بإغلاق سوق الخضار المركزي أمام التجار حتى انتهاء الترميم.",
        ),
        (
            "2026-03-03",
            "ترميم سوق الخضار\nوكان مدير الأشغال العامة، وائل نجم، قد أصدر قرار إغلاق سوق الخضار المركزي أمام التجار.",
        ),
    )
}

#[test]
fn n_copies_of_two_doers_are_one_comparison_and_at_most_one_finding() {
    // Past four copies of each, every word of the clause is in more than a tenth of the story's
    // participants and pairs nothing: too common to tell which clauses say the same thing.
    for n in [1, 4] {
        let result = doers(n);
        let compared: Vec<_> = result
            .comparisons
            .iter()
            .filter(|c| &*c.attribute == "actor")
            .collect();
        assert_eq!(compared.len(), 1, "{n}: {:#?}", result.comparisons);
        let cited = compared[0].sides.as_ref().map_or(1, |[x, _]| x.len());
        assert_eq!(cited, n, "{:#?}", compared[0]);
        let found = result
            .findings
            .iter()
            .filter(|f| f.kind == FindingKind::ActorMismatch)
            .count();
        // Never one per pair of copies (copies of one original count as one source, and may
        // count as none against each other).
        assert!(found <= 1, "{:#?}", result.findings);
        assert!(n > 1 || found == 1, "{:#?}", result.findings);
    }
}

/// One article that repeats `k` times a paragraph giving one toll two ways.
fn repeated(k: usize) -> StoryCheck {
    let paragraph = "قتل 23 شخصا في انهيار المبنى صباح اليوم في حي الورود.\nوأسفر انهيار المبنى صباح اليوم في حي الورود عن مقتل 31 شخصا.\n";
    let text = format!("انهيار مبنى سكني\n{}", paragraph.repeat(k));
    common::check_articles(&[("a.txt", "2025-03-02", &text)]).0
}

#[test]
fn a_paragraph_repeated_in_one_article_costs_no_more_comparisons() {
    let records = |r: &StoryCheck| {
        let mut list: Vec<(String, String)> = figure_comparisons(r)
            .iter()
            .map(|c| (c.attribute.to_string(), c.reason.to_string()))
            .collect();
        list.sort();
        list
    };
    let (fewer, more) = (repeated(3), repeated(9));
    assert!(!records(&fewer).is_empty());
    assert_eq!(records(&fewer), records(&more));
    let internal = |r: &StoryCheck| {
        r.findings
            .iter()
            .filter(|f| f.kind == FindingKind::Internal)
            .count()
    };
    assert_eq!(internal(&fewer), internal(&more), "{:#?}", more.findings);
}
