//! Grouping conflicting facts into disagreements, and telling a running total's updates from conflicts.

use super::period::disjoint;
use super::{FactView, Facts};
use rustc_hash::FxHashMap;

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
pub(super) fn disagreements_of(facts: &Facts<'_>, comparable: &[(usize, usize, bool)]) -> Vec<Disagreement> {
    let mut outcome: FxHashMap<(usize, usize), bool> = FxHashMap::default();
    for &(i, j, agree) in comparable {
        outcome.insert((i.min(j), i.max(j)), agree);
    }
    let relation = |x: usize, y: usize| outcome.get(&(x.min(y), x.max(y))).copied();
    let mut members: Vec<usize> = comparable.iter().flat_map(|&(i, j, _)| [i, j]).collect();
    members.sort_unstable();
    members.dedup();
    let mut conflicts: Vec<(usize, usize)> = comparable
        .iter()
        .filter(|(_, _, agree)| !agree)
        .map(|&(i, j, _)| (i.min(j), i.max(j)))
        .collect();
    conflicts.sort_unstable();
    let mut covered: rustc_hash::FxHashSet<(usize, usize)> = rustc_hash::FxHashSet::default();
    let mut out = Vec::new();
    let internal_of = |sides: &[Vec<usize>]| {
        let docs: Vec<usize> = sides.iter().flatten().map(|&m| facts.views[m].doc).collect();
        docs.iter().all(|&d| d == docs[0])
            || sides[0]
                .iter()
                .any(|&x| sides[1].iter().any(|&y| facts.views[x].doc == facts.views[y].doc))
    };
    for &(a, b) in &conflicts {
        if covered.contains(&(a, b)) {
            continue;
        }
        // A conflict one of whose facts is on a side of a disagreement already found, while the
        // other agrees with the opposite side and with nothing on this one, is that disagreement
        // again: its fact joins the opposite side («120 ألف» of a third report against the
        // body's «نحو 150 ألف», where the first disagreement held the headline's «150 ألف»).
        let joins = |out: &[Disagreement]| {
            out.iter().enumerate().find_map(|(d, found)| {
                (0..2).find_map(|s| {
                    let (this, opposite) = (&found.sides[s], &found.sides[1 - s]);
                    let fits = |joiner: usize| {
                        opposite.iter().any(|&m| relation(m, joiner) == Some(true))
                            && this.iter().all(|&m| relation(m, joiner) != Some(true))
                    };
                    if this.contains(&a) && fits(b) {
                        Some((d, 1 - s, b))
                    } else if this.contains(&b) && fits(a) {
                        Some((d, 1 - s, a))
                    } else {
                        None
                    }
                })
            })
        };
        if let Some((d, side, joiner)) = joins(&out) {
            let found: &mut Disagreement = &mut out[d];
            for &m in &found.sides[1 - side] {
                covered.insert((m.min(joiner), m.max(joiner)));
            }
            if !found.sides[side].contains(&joiner) {
                found.sides[side].push(joiner);
                found.sides[side].sort_unstable();
            }
            found.internal = internal_of(&found.sides);
            continue;
        }
        let side_of = |seed: usize, other: usize| -> Vec<usize> {
            let mut side: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&m| {
                    m == seed || (relation(m, seed) == Some(true) && relation(m, other) == Some(false))
                })
                .collect();
            side.sort_unstable();
            side
        };
        let (side_a, side_b) = (side_of(a, b), side_of(b, a));
        for &x in &side_a {
            for &y in &side_b {
                covered.insert((x.min(y), x.max(y)));
            }
        }
        let mut sides = vec![side_a, side_b];
        sides.sort_by(|x, y| {
            facts.views[x[0]]
                .low
                .partial_cmp(&facts.views[y[0]].low)
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        let internal = internal_of(&sides);
        out.push(Disagreement { sides, internal });
    }
    out
}
