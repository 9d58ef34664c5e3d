//! Grouping conflicting facts into disagreements, and telling a running total's updates from conflicts.

use super::classes::Classes;
use super::period::disjoint;
use super::{FactView, Facts};
use rustc_hash::{FxHashMap, FxHashSet};

/// A disagreement: comparable facts whose values fall into two or more sides.
pub(crate) struct Disagreement {
    /// The sides, each a list of view indices whose values agree, in ascending order of value.
    pub sides: Vec<Vec<usize>>,
    /// True when one document is on both sides: the article disagrees with itself (other reports
    /// may side with either of its figures).
    pub internal: bool,
}

/// When two facts of a running total are not compared because they hold at different times, the
/// later one is an update when it is published or stated later.
pub(super) fn update_of(a: &FactView<'_>, b: &FactView<'_>, i: usize, j: usize) -> Option<(usize, usize)> {
    if !a.fact.attribute.evolving || a.doc == b.doc && a.fact.sentence == b.fact.sentence {
        return None;
    }
    let (Some(x), Some(y)) = (a.as_of, b.as_of) else {
        return None;
    };
    if !disjoint(x, y) || a.overlaps(b) || a.fact.scope.part_of.is_some() || b.fact.scope.part_of.is_some() {
        return None;
    }
    if x.end <= y.start {
        Some((i, j))
    } else {
        Some((j, i))
    }
}

/// `Some(())` when `later` is published after `earlier` and its value is larger.
pub(super) fn is_later_and_larger(earlier: &FactView<'_>, later: &FactView<'_>) -> Option<()> {
    let published_later = matches!((earlier.published, later.published), (Some(x), Some(y)) if y > x);
    let larger = later.low > earlier.high.unwrap_or(f64::INFINITY);
    (larger && (published_later || later.fact.scope.rise)).then_some(())
}

/// Groups the comparable pairs into disagreements. Each conflict not yet reported seeds one: its
/// two facts, each joined by every fact compared with both that agrees with it and conflicts with
/// the other. So one disagreement is reported once, citing every report on each side, and facts
/// that were never compared with each other are never put side by side.
///
/// `across` holds comparable pairs of classes ([`Classes`]), for every pair of their facts from two
/// reports; `within` comparable pairs of facts of one report. A class's facts are looked at one by
/// one only in the reports of the facts at hand: elsewhere they stand or fall together, so the
/// cost follows the classes and the facts cited, not the pairs of copies.
pub(super) fn disagreements_of(
    facts: &Facts<'_>,
    classes: &Classes,
    across: &[(u32, u32, bool)],
    within: &[(usize, usize, bool)],
) -> Vec<Disagreement> {
    let views = &facts.views;
    let class_rel: FxHashMap<(u32, u32), bool> = across
        .iter()
        .map(|&(x, y, agree)| ((x.min(y), x.max(y)), agree))
        .collect();
    let member_rel: FxHashMap<(usize, usize), bool> = within
        .iter()
        .map(|&(i, j, agree)| ((i.min(j), i.max(j)), agree))
        .collect();
    let relation = |x: usize, y: usize| -> Option<bool> {
        if x == y {
            return None;
        }
        if views[x].doc == views[y].doc {
            member_rel.get(&(x.min(y), x.max(y))).copied()
        } else {
            let (p, q) = (classes.of[x], classes.of[y]);
            class_rel.get(&(p.min(q), p.max(q))).copied()
        }
    };
    // What agrees with a class (in other reports) and with a fact (in its own).
    let mut agreeing_classes: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for &(x, y, _) in across.iter().filter(|(_, _, agree)| *agree) {
        agreeing_classes.entry(x).or_default().push(y);
        if x != y {
            agreeing_classes.entry(y).or_default().push(x);
        }
    }
    let mut agreeing_facts: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for &(i, j, _) in within.iter().filter(|(_, _, agree)| *agree) {
        agreeing_facts.entry(i).or_default().push(j);
        agreeing_facts.entry(j).or_default().push(i);
    }
    // The facts of a class in one report: a run of its members (facts come report by report).
    let in_report = |class: u32, doc: usize| -> &[usize] {
        let members = &classes.members[class as usize];
        let range = &facts.doc_views[doc];
        let from = members.partition_point(|&m| m < range.start);
        let to = members.partition_point(|&m| m < range.end);
        &members[from..to]
    };
    // What conflicts with a class (in other reports) and with a fact (in its own).
    let mut conflicting_classes: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for &(x, y, _) in across.iter().filter(|(_, _, agree)| !*agree) {
        conflicting_classes.entry(x).or_default().push(y);
        if x != y {
            conflicting_classes.entry(y).or_default().push(x);
        }
    }
    let mut conflicting_facts: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for &(i, j, _) in within.iter().filter(|(_, _, agree)| !*agree) {
        conflicting_facts.entry(i.min(j)).or_default().push(i.max(j));
    }
    let mut rows: Vec<usize> = conflicting_classes
        .keys()
        .flat_map(|&c| classes.members[c as usize].iter().copied())
        .chain(conflicting_facts.keys().copied())
        .collect();
    rows.sort_unstable();
    rows.dedup();
    let mut found = Found {
        out: Vec::new(),
        sides_of: FxHashMap::default(),
        counts: Vec::new(),
    };
    let side_of = |seed: usize, other: usize| -> Vec<usize> {
        let mut side = vec![seed];
        let doc = views[seed].doc;
        for &c in agreeing_classes
            .get(&classes.of[seed])
            .map_or(&[][..], Vec::as_slice)
        {
            side.extend(
                classes.members[c as usize]
                    .iter()
                    .copied()
                    .filter(|&m| views[m].doc != doc && relation(m, other) == Some(false)),
            );
        }
        for &m in agreeing_facts.get(&seed).map_or(&[][..], Vec::as_slice) {
            if relation(m, other) == Some(false) {
                side.push(m);
            }
        }
        side.sort_unstable();
        side.dedup();
        side
    };
    // Whether some fact of side `s` of disagreement `d` agrees with `joiner`.
    let agrees_with = |found: &Found, d: usize, s: usize, joiner: usize| -> bool {
        let cj = classes.of[joiner];
        let doc = views[joiner].doc;
        let by_class = found.counts[d][s].iter().any(|(&c, &count)| {
            let key = (c.min(cj), c.max(cj));
            class_rel.get(&key) == Some(&true)
                && count > in_report(c, doc).iter().filter(|&&m| found.on(m, d, s)).count()
        });
        by_class
            || agreeing_facts
                .get(&joiner)
                .is_some_and(|list| list.iter().any(|&m| found.on(m, d, s)))
    };
    let process = |found: &mut Found, a: usize, b: usize| {
        if found.covered(a, b) {
            return;
        }
        // A conflict one of whose facts is on a side of a disagreement already found, while the
        // other agrees with the opposite side and with nothing on this one, is that disagreement
        // again: its fact joins the opposite side («120 ألف» of a third report against the
        // body's «نحو 150 ألف», where the first disagreement held the headline's «150 ألف»).
        let mut candidates: Vec<usize> = found
            .memberships(a)
            .chain(found.memberships(b))
            .map(|(d, _)| d)
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let fits = |found: &Found, d: usize, this: usize, joiner: usize| {
            agrees_with(found, d, 1 - this, joiner) && !agrees_with(found, d, this, joiner)
        };
        let joins = candidates.into_iter().find_map(|d| {
            (0..2).find_map(|s| {
                if found.on(a, d, s) && fits(found, d, s, b) {
                    Some((d, 1 - s, b))
                } else if found.on(b, d, s) && fits(found, d, s, a) {
                    Some((d, 1 - s, a))
                } else {
                    None
                }
            })
        });
        if let Some((d, side, joiner)) = joins {
            found.add(classes, d, side, joiner);
            let internal = internal_of(facts, &found.out[d].sides);
            found.out[d].internal = internal;
            return;
        }
        let mut sides = vec![side_of(a, b), side_of(b, a)];
        sides.sort_by(|x, y| {
            views[x[0]]
                .low
                .partial_cmp(&views[y[0]].low)
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        let internal = internal_of(facts, &sides);
        found.push(classes, Disagreement { sides, internal });
    };
    // Conflicts in the order of their facts, fact by fact: every conflict of a fact with a later
    // one, the later in order.
    let mut partners: Vec<usize> = Vec::new();
    for a in rows {
        let doc = views[a].doc;
        for &y in conflicting_classes
            .get(&classes.of[a])
            .map_or(&[][..], Vec::as_slice)
        {
            // Every fact of class `y` in other reports already on the opposite side of one
            // disagreement: none of them is left to seed or join one.
            let ys = &classes.members[y as usize];
            let elsewhere = ys.len() - in_report(y, doc).len();
            let done = found.memberships(a).any(|(d, s)| {
                let opposite = found.counts[d][1 - s].get(&y).copied().unwrap_or(0);
                let here = in_report(y, doc)
                    .iter()
                    .filter(|&&m| found.on(m, d, 1 - s))
                    .count();
                opposite - here >= elsewhere
            });
            if !done {
                partners.extend(ys.iter().copied().filter(|&b| b > a && views[b].doc != doc));
            }
        }
        partners.extend(conflicting_facts.get(&a).into_iter().flatten().copied());
        partners.sort_unstable();
        partners.dedup();
        for b in partners.drain(..) {
            process(&mut found, a, b);
        }
    }
    found.out
}

/// The disagreements found so far, with each fact's sides and each side's count per class.
struct Found {
    out: Vec<Disagreement>,
    /// (disagreement, side) of each fact on one.
    sides_of: FxHashMap<usize, Vec<(usize, usize)>>,
    counts: Vec<[FxHashMap<u32, usize>; 2]>,
}

impl Found {
    fn memberships(&self, fact: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.sides_of.get(&fact).into_iter().flatten().copied()
    }

    fn on(&self, fact: usize, d: usize, s: usize) -> bool {
        self.memberships(fact).any(|m| m == (d, s))
    }

    /// True when the two facts are on opposite sides of a disagreement already found.
    fn covered(&self, a: usize, b: usize) -> bool {
        self.memberships(a).any(|(d, s)| self.on(b, d, 1 - s))
    }

    fn push(&mut self, classes: &Classes, disagreement: Disagreement) {
        let d = self.out.len();
        self.counts.push([FxHashMap::default(), FxHashMap::default()]);
        for (s, side) in disagreement.sides.iter().enumerate() {
            for &m in side {
                self.sides_of.entry(m).or_default().push((d, s));
                *self.counts[d][s].entry(classes.of[m]).or_default() += 1;
            }
        }
        self.out.push(disagreement);
    }

    fn add(&mut self, classes: &Classes, d: usize, s: usize, fact: usize) {
        if self.on(fact, d, s) {
            return;
        }
        let side = &mut self.out[d].sides[s];
        side.push(fact);
        side.sort_unstable();
        self.sides_of.entry(fact).or_default().push((d, s));
        *self.counts[d][s].entry(classes.of[fact]).or_default() += 1;
    }
}

/// True when one report is on both sides (all of them one report's included).
fn internal_of(facts: &Facts<'_>, sides: &[Vec<usize>]) -> bool {
    let docs_of = |side: &[usize]| -> FxHashSet<usize> { side.iter().map(|&m| facts.views[m].doc).collect() };
    let (left, right) = (docs_of(&sides[0]), docs_of(&sides[1]));
    left.iter().any(|d| right.contains(d))
}
