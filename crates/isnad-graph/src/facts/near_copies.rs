//! Near-copies: facts at the same place of near-copied sentences or clauses of two reports.
//!
//! Sentences (and clauses) with the same words and the same figures, unit by unit, are one unit
//! class: an agency text run n times is one class, not n sentences. Classes are paired through
//! the words they share (never all pairs), and a near-copied pair of classes pairs its places.

use super::Facts;
use rustc_hash::{FxHashMap, FxHashSet};
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

/// A place in a unit class: the class and the figure's position in its sentence (or clause).
pub(super) type Place = (u32, u32);

/// Which facts of two reports sit at the same place of near-copied sentences or clauses.
pub(super) struct NearCopies {
    /// Each fact's place, at the sentence level and at the clause level.
    pub places: [Vec<Place>; 2],
    /// Places paired by a near-copy, per level, the smaller first.
    paired: [FxHashSet<(Place, Place)>; 2],
}

impl NearCopies {
    /// Finds the near-copies of the story, sentence by sentence and clause by clause.
    pub fn new(facts: &Facts<'_>) -> NearCopies {
        let (sentence_places, sentence_pairs) = near_copies_by(facts, CopyLevel::Sentence);
        let (clause_places, clause_pairs) = near_copies_by(facts, CopyLevel::Clause);
        NearCopies {
            places: [sentence_places, clause_places],
            paired: [sentence_pairs, clause_pairs],
        }
    }

    /// True when facts `i` and `j`, of two different reports, sit at the same place of
    /// near-copied sentences or clauses. A function of their places only.
    pub fn copied(&self, i: usize, j: usize) -> bool {
        (0..2).any(|level| {
            let (x, y) = (self.places[level][i], self.places[level][j]);
            self.paired[level].contains(&(x.min(y), x.max(y)))
        })
    }

    /// Every pair of near-copied places, per level.
    pub fn pairs(&self) -> impl Iterator<Item = (usize, Place, Place)> + '_ {
        (0..2).flat_map(move |level| self.paired[level].iter().map(move |&(x, y)| (level, x, y)))
    }
}

/// Each fact's place, and the places of near-copied sentences (or clauses) of two reports that
/// pair up: the k-th figure of a unit in one and the k-th of that unit in the other, when both
/// sentences have as many.
fn near_copies_by(facts: &Facts<'_>, level: CopyLevel) -> (Vec<Place>, FxHashSet<(Place, Place)>) {
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
    let words = |s: &[usize]| -> &[u32] {
        match level {
            CopyLevel::Sentence => &facts.views[s[0]].sentence_ids,
            CopyLevel::Clause => &facts.views[s[0]].context_ids,
        }
    };
    let unit = |i: usize| {
        let v = &facts.views[i];
        (v.base_unit.unwrap_or("count"), v.fact.attribute.key.as_deref())
    };
    // Sentences with the same words and the same figures unit by unit are one class: whatever
    // pairs one of them pairs all.
    type ClassKey<'k> = (&'k [u32], Vec<(&'k str, Option<&'k str>)>);
    let mut class_ids: FxHashMap<ClassKey<'_>, u32> = FxHashMap::default();
    // Per class: a representative sentence, how many sentences it holds, and their documents
    // (the first, and whether there are others).
    let mut classes: Vec<(&Vec<usize>, usize, usize, bool)> = Vec::new();
    let mut places = vec![(0, 0); facts.views.len()];
    for (&(doc, _), members) in &sentences {
        let key = (words(members), members.iter().map(|&i| unit(i)).collect());
        let next = class_ids.len() as u32;
        let class = *class_ids.entry(key).or_insert(next);
        if class == next {
            classes.push((members, 0, doc, false));
        }
        let entry = &mut classes[class as usize];
        entry.1 += 1;
        entry.3 |= entry.2 != doc;
        for (k, &i) in members.iter().enumerate() {
            places[i] = (class, k as u32);
        }
    }
    let (min_shared, min_share) = match level {
        CopyLevel::Sentence => (2, NEAR_COPY_SHARE),
        CopyLevel::Clause => (4, COPIED_CLAUSE_SHARE),
    };
    // Classes sharing a word, found through the word, so unrelated ones are never paired. A word
    // most sentences use says nothing about which are copies: counted in sentences, not classes.
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); facts.weights.len()];
    let mut used_by: Vec<usize> = vec![0; facts.weights.len()];
    for (n, &(members, count, _, _)) in classes.iter().enumerate() {
        for &w in words(members) {
            postings[w as usize].push(n as u32);
            used_by[w as usize] += count;
        }
    }
    let common = |w: u32| used_by[w as usize] * 2 > sentences.len().max(4);
    let totals: Vec<f64> = classes
        .iter()
        .map(|(members, ..)| facts.weight_of(words(members)))
        .collect();
    let near = |weight: f64, count: usize, x: f64, y: f64| {
        let smaller = x.min(y);
        count >= min_shared && smaller > 0.0 && weight / smaller >= min_share
    };
    // Two sentences of one class in two reports share every word (a word written twice in one
    // list meets both of the other's, as through the postings).
    let copies_itself = |n: usize| {
        let (members, count, _, many_docs) = classes[n];
        let list = words(members);
        let (mut weight, mut shared) = (0.0, 0);
        for &w in list.iter().filter(|&&w| !common(w)) {
            let times = list.iter().filter(|&&o| o == w).count();
            weight += facts.weight(w) * times as f64;
            shared += times;
        }
        count >= 2 && many_docs && near(weight, shared, totals[n], totals[n])
    };
    // Two classes whose sentences all sit in one report are never copies of each other.
    let apart = |n: usize, m: usize| classes[n].3 || classes[m].3 || classes[n].2 != classes[m].2;
    let mut shared: Vec<(f64, usize)> = vec![(0.0, 0); classes.len()];
    let mut touched: Vec<usize> = Vec::new();
    let mut paired = FxHashSet::default();
    for n in 0..classes.len() {
        let members = classes[n].0;
        if copies_itself(n) {
            for (x, y) in pair_places(facts, members, members) {
                paired.insert(((n as u32, x.min(y)), (n as u32, x.max(y))));
            }
        }
        for &w in words(members) {
            if common(w) {
                continue;
            }
            for &m in &postings[w as usize] {
                let m = m as usize;
                if m > n && apart(n, m) {
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
            if !near(weight, count, totals[n], totals[m]) {
                continue;
            }
            for (x, y) in pair_places(facts, members, classes[m].0) {
                paired.insert(((n as u32, x), (m as u32, y)));
            }
        }
    }
    (places, paired)
}

/// The positions of two near-copied sentences' figures that pair up: the k-th figure of each
/// unit with the k-th of that unit.
fn pair_places(facts: &Facts<'_>, xs: &[usize], ys: &[usize]) -> Vec<(u32, u32)> {
    let by_unit = |s: &[usize]| -> BTreeMap<&str, Vec<(u32, usize)>> {
        let mut units: BTreeMap<&str, Vec<(u32, usize)>> = BTreeMap::new();
        for (k, &i) in s.iter().enumerate() {
            units
                .entry(facts.views[i].base_unit.unwrap_or("count"))
                .or_default()
                .push((k as u32, i));
        }
        units
    };
    let (ua, ub) = (by_unit(xs), by_unit(ys));
    let key = |i: usize| facts.views[i].fact.attribute.key.as_deref();
    let mut out = Vec::new();
    for (unit, xs) in &ua {
        let Some(ys) = ub.get(unit) else { continue };
        // Figures of one attribute pair up first ("زوجها السادس" with "زوجها السادس"), the rest
        // in their order when as many are left on each side.
        let (mut left_x, mut left_y): (Vec<u32>, Vec<(u32, usize)>) = (Vec::new(), ys.clone());
        for &(p, x) in xs {
            let same: Vec<(u32, usize)> = left_y
                .iter()
                .copied()
                .filter(|&(_, y)| key(x).is_some() && key(y) == key(x))
                .collect();
            let unique_here = xs.iter().filter(|&&(_, o)| key(o) == key(x)).count() == 1;
            if let [(q, _)] = same[..]
                && unique_here
            {
                out.push((p, q));
                left_y.retain(|&(o, _)| o != q);
            } else {
                left_x.push(p);
            }
        }
        if left_x.len() == left_y.len() {
            out.extend(left_x.into_iter().zip(left_y.into_iter().map(|(q, _)| q)));
        }
    }
    out
}
