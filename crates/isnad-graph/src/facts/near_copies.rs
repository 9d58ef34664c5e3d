//! Near-copies: facts at the same place of near-copied sentences or clauses of two reports.

use super::Facts;
use std::collections::BTreeMap;

/// Share of the smaller sentence's weight two sentences of different reports must share to be
/// near-copies (one agency text run twice, or a headline restated).
const NEAR_COPY_SHARE: f64 = 0.6;

/// How much of a report two near-copies share.
#[derive(Clone, Copy)]
enum CopyLevel {
    /// Whole sentences (a headline restated, a sentence rewritten a little).
    Sentence,
    /// One long clause copied into sentences that go on differently.
    Clause,
}

/// Share a copied clause must have (of the smaller clause's weight, with at least four words).
const COPIED_CLAUSE_SHARE: f64 = 0.8;

/// Facts at the same place of near-copied sentences or clauses of two reports.
pub(super) fn near_copies(facts: &Facts<'_>) -> Vec<(usize, usize)> {
    let mut pairs = near_copies_by(facts, CopyLevel::Sentence);
    pairs.extend(near_copies_by(facts, CopyLevel::Clause));
    pairs
}

/// Facts at the same place of near-copied clauses of two reports: the k-th figure of a unit in
/// one and the k-th of that unit in the other, when both sentences have as many.
fn near_copies_by(facts: &Facts<'_>, level: CopyLevel) -> Vec<(usize, usize)> {
    // The story's figure clauses, each with its facts in text order: a copied clause may sit in
    // sentences that go on differently.
    let mut sentences: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for (i, v) in facts.views.iter().enumerate() {
        let start = match level {
            CopyLevel::Sentence => v.fact.sentence.start,
            CopyLevel::Clause => v.fact.clause.start,
        };
        sentences.entry((v.doc, start)).or_default().push(i);
    }
    let list: Vec<(&(usize, usize), &Vec<usize>)> = sentences.iter().collect();
    let words = |s: &[usize]| -> &[u32] {
        match level {
            CopyLevel::Sentence => &facts.views[s[0]].sentence_ids,
            CopyLevel::Clause => &facts.views[s[0]].context_ids,
        }
    };
    let (min_shared, min_share) = match level {
        CopyLevel::Sentence => (2, NEAR_COPY_SHARE),
        CopyLevel::Clause => (4, COPIED_CLAUSE_SHARE),
    };
    // Sentences sharing a word, found through the word, so unrelated ones are never paired.
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); facts.weights.len()];
    for (n, (_, members)) in list.iter().enumerate() {
        for &w in words(members) {
            postings[w as usize].push(n as u32);
        }
    }
    let totals: Vec<f64> = list
        .iter()
        .map(|(_, members)| facts.weight_of(words(members)))
        .collect();
    // What each later sentence shares with the current one, and which were touched.
    let mut shared: Vec<(f64, usize)> = vec![(0.0, 0); list.len()];
    let mut touched: Vec<usize> = Vec::new();
    let mut out = Vec::new();
    for (n, ((doc, _), members)) in list.iter().enumerate() {
        for &w in words(members) {
            let others = &postings[w as usize];
            // A word most sentences use says nothing about which are copies.
            if others.len() * 2 > list.len().max(4) {
                continue;
            }
            for &m in others {
                let m = m as usize;
                if m > n && list[m].0.0 != *doc {
                    if shared[m].1 == 0 {
                        touched.push(m);
                    }
                    shared[m].0 += facts.weight(w);
                    shared[m].1 += 1;
                }
            }
        }
        touched.sort_unstable();
        for m in touched.drain(..) {
            let (weight, count) = std::mem::take(&mut shared[m]);
            let other = list[m].1;
            let smaller = totals[n].min(totals[m]);
            if count < min_shared || smaller <= 0.0 || weight / smaller < min_share {
                continue;
            }
            // The k-th figure of each unit with the k-th of that unit.
            let by_unit = |s: &[usize]| -> BTreeMap<&str, Vec<usize>> {
                let mut units: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
                for &i in s {
                    units
                        .entry(facts.views[i].base_unit.unwrap_or("count"))
                        .or_default()
                        .push(i);
                }
                units
            };
            let (ua, ub) = (by_unit(members), by_unit(other));
            for (unit, xs) in &ua {
                let Some(ys) = ub.get(unit) else { continue };
                // Figures of one attribute pair up first ("زوجها السادس" with "زوجها السادس"),
                // the rest in their order when as many are left on each side.
                let key = |i: usize| facts.views[i].fact.attribute.key.as_deref();
                let (mut left_x, mut left_y): (Vec<usize>, Vec<usize>) = (Vec::new(), ys.clone());
                for &x in xs {
                    let same: Vec<usize> = left_y
                        .iter()
                        .copied()
                        .filter(|&y| key(x).is_some() && key(y) == key(x))
                        .collect();
                    let unique_here = xs.iter().filter(|&&o| key(o) == key(x)).count() == 1;
                    if let [y] = same[..]
                        && unique_here
                    {
                        out.push((x, y));
                        left_y.retain(|&o| o != y);
                    } else {
                        left_x.push(x);
                    }
                }
                if left_x.len() == left_y.len() {
                    out.extend(left_x.into_iter().zip(left_y));
                }
            }
        }
    }
    out
}
