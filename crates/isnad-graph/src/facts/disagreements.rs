//! Grouping conflicting facts into disagreements, and telling a running total's updates from conflicts.

use super::classes::Classes;
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
///
/// `across` holds comparable pairs of classes ([`Classes`]), for every pair of their facts from two
/// reports; `within` for every pair of their facts of one report (two sentences of it). A class's
/// facts stand or fall together but for the report and the sentence of the facts at hand, which
/// are counted apart, so the cost follows the classes and the facts cited, not the pairs of
/// copies.
pub(super) fn disagreements_of(
    facts: &Facts<'_>,
    classes: &Classes,
    across: &[(u32, u32, bool)],
    within: &[(u32, u32, bool)],
) -> Vec<Disagreement> {
    let views = &facts.views;
    let table = |list: &[(u32, u32, bool)]| -> FxHashMap<(u32, u32), bool> {
        list.iter()
            .map(|&(x, y, agree)| ((x.min(y), x.max(y)), agree))
            .collect()
    };
    let (across_rel, within_rel) = (table(across), table(within));
    let class_relation = |same_report: bool, p: u32, q: u32| -> Option<bool> {
        let rel = if same_report { &within_rel } else { &across_rel };
        rel.get(&(p.min(q), p.max(q))).copied()
    };
    let same_sentence =
        |x: usize, y: usize| views[x].doc == views[y].doc && views[x].fact.sentence == views[y].fact.sentence;
    let relation = |x: usize, y: usize| -> Option<bool> {
        if x == y || same_sentence(x, y) {
            return None;
        }
        class_relation(views[x].doc == views[y].doc, classes.of[x], classes.of[y])
    };
    // What agrees and what conflicts with a class, in other reports and in its own.
    let neighbours = |list: &[(u32, u32, bool)], agree: bool| -> FxHashMap<u32, Vec<u32>> {
        let mut map: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
        for &(x, y, _) in list.iter().filter(|(_, _, a)| *a == agree) {
            map.entry(x).or_default().push(y);
            if x != y {
                map.entry(y).or_default().push(x);
            }
        }
        map
    };
    let agreeing = [neighbours(across, true), neighbours(within, true)];
    let conflicting = [neighbours(across, false), neighbours(within, false)];
    /// The classes `map` lists for class `c`: borrowed, not copied, as they are read for every
    /// fact of the class.
    fn listed(map: &FxHashMap<u32, Vec<u32>>, c: u32) -> &[u32] {
        map.get(&c).map_or(&[][..], Vec::as_slice)
    }
    // The facts of a class in one report: a run of its members (facts come report by report).
    let in_report = |class: u32, doc: usize| -> &[usize] {
        let members = &classes.members[class as usize];
        let range = &facts.doc_views[doc];
        let from = members.partition_point(|&m| m < range.start);
        let to = members.partition_point(|&m| m < range.end);
        &members[from..to]
    };
    // The facts of each sentence.
    let mut sentence_facts: FxHashMap<(usize, usize, usize), Vec<usize>> = FxHashMap::default();
    for (i, v) in views.iter().enumerate() {
        sentence_facts
            .entry((v.doc, v.fact.sentence.start, v.fact.sentence.end))
            .or_default()
            .push(i);
    }
    let sentence_of = |x: usize| -> &[usize] {
        let v = &views[x];
        &sentence_facts[&(v.doc, v.fact.sentence.start, v.fact.sentence.end)]
    };
    let mut rows: Vec<usize> = conflicting
        .iter()
        .flat_map(|map| map.keys())
        .flat_map(|&c| classes.members[c as usize].iter().copied())
        .collect();
    rows.sort_unstable();
    rows.dedup();
    let mut found = Found {
        out: Vec::new(),
        sides_of: vec![Vec::new(); views.len()],
        counts: Vec::new(),
        absent: Vec::new(),
    };
    let side_of = |seed: usize, other: usize| -> Vec<usize> {
        let mut side = vec![seed];
        let (doc, class) = (views[seed].doc, classes.of[seed]);
        for &c in listed(&agreeing[0], class) {
            side.extend(
                classes.members[c as usize]
                    .iter()
                    .copied()
                    .filter(|&m| views[m].doc != doc && relation(m, other) == Some(false)),
            );
        }
        for &c in listed(&agreeing[1], class) {
            side.extend(
                in_report(c, doc)
                    .iter()
                    .copied()
                    .filter(|&m| m != seed && !same_sentence(m, seed) && relation(m, other) == Some(false)),
            );
        }
        side.sort_unstable();
        side.dedup();
        side
    };
    // Whether some fact of side `s` of disagreement `d` agrees with `joiner`: by class, the
    // joiner's report and sentence counted apart.
    let agrees_with = |found: &Found, d: usize, s: usize, joiner: usize| -> bool {
        let (cj, doc) = (classes.of[joiner], views[joiner].doc);
        let in_sentence = |c: u32| {
            sentence_of(joiner)
                .iter()
                .filter(|&&m| classes.of[m] == c && found.on(m, d, s))
                .count()
        };
        found.counts[d][s].iter().any(|(&c, &(count, _))| {
            let here = found.in_doc(d, s, c, doc);
            (count > here && class_relation(false, c, cj) == Some(true))
                || (here > in_sentence(c) && class_relation(true, c, cj) == Some(true))
        })
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
            found.add(facts, classes, d, side, joiner);
            // Only the joiner's report can now be on both sides: its count on the other side
            // says so, without listing the reports of both sides again.
            let doc = views[joiner].doc;
            let opposite = &found.counts[d][1 - side];
            if opposite.values().any(|(_, docs)| of_report(docs, doc) > 0) {
                found.out[d].internal = true;
            }
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
        found.push(facts, classes, Disagreement { sides, internal });
    };
    // Conflicts in the order of their facts, fact by fact: every conflict of a fact with a later
    // one, the later in order.
    let mut partners: Vec<usize> = Vec::new();
    for a in rows {
        let (doc, class) = (views[a].doc, classes.of[a]);
        for &y in listed(&conflicting[0], class) {
            // Every fact of class `y` in other reports already on the opposite side of one
            // disagreement: none of them is left to seed or join one.
            let ys = &classes.members[y as usize];
            let elsewhere = ys.len() - in_report(y, doc).len();
            let done = found.memberships(a).any(|(d, s)| {
                let opposite = found.counts[d][1 - s].get(&y).map_or(0, |&(n, _)| n);
                opposite - found.in_doc(d, 1 - s, y, doc) >= elsewhere
            });
            if done {
                continue;
            }
            // A fact already on the opposite side of a disagreement `a` is on is settled with it:
            // only the class's facts not there are partners (the others would be passed over
            // one by one, n copies against n copies).
            let first = found.memberships(a).next();
            let list = match first {
                Some((d, s)) => found.absent_from(classes, d, 1 - s, y),
                None => ys,
            };
            partners.extend_from_slice(in_later_reports(views, list, doc));
        }
        for &y in listed(&conflicting[1], class) {
            // The same within its report, its own sentence aside.
            let run = in_report(y, doc);
            let beside = sentence_of(a).iter().filter(|&&m| classes.of[m] == y).count();
            let done = found
                .memberships(a)
                .any(|(d, s)| found.in_doc(d, 1 - s, y, doc) >= run.len() - beside);
            if !done {
                partners.extend(run.iter().copied().filter(|&b| b > a && !same_sentence(a, b)));
            }
        }
        partners.sort_unstable();
        partners.dedup();
        for b in partners.drain(..) {
            crate::tally::tally(crate::tally::Work::DisagreementPair, 1);
            process(&mut found, a, b);
        }
    }
    let mut out = found.out;
    add_echoes(facts, &mut out);
    out
}

/// Cites on each side the figures of reports on neither side that repeat one of its own exactly —
/// a sum of money or an amount in a unit, large or with a fraction («48.6 مليون دينار» in one
/// report, in words in another): one figure given again is the same figure, though what its clause
/// says was read otherwise. A report already cited is not cited again for a repeat. The figures
/// are found by value, once for all disagreements (a story of copies has thousands of facts a side).
fn add_echoes(facts: &Facts<'_>, disagreements: &mut [Disagreement]) {
    let views = &facts.views;
    let distinctive = |v: &FactView<'_>| {
        v.base_unit.is_some_and(|u| {
            !matches!(u, "date" | "ordinal" | "day" | "percent" | "pp" | "bp")
                && (isnad_claims::facts::is_currency(u) || v.low >= 100.0 || v.low.fract() != 0.0)
        }) && v.high == Some(v.low)
    };
    if disagreements.is_empty() {
        return;
    }
    let mut by_value: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    for (i, v) in views.iter().enumerate() {
        if distinctive(v) && super::judge::affirmed(v.fact.modality) {
            by_value.entry(v.low.to_bits()).or_default().push(i);
        }
    }
    for disagreement in disagreements {
        let mut cited: Vec<usize> = disagreement
            .sides
            .iter()
            .flatten()
            .map(|&m| views[m].doc)
            .collect();
        cited.sort_unstable();
        cited.dedup();
        for side in &mut disagreement.sides {
            // Each figure of the side once, however many copies give it.
            let mut values: Vec<usize> = side.iter().copied().filter(|&m| distinctive(&views[m])).collect();
            values.sort_unstable_by(|&x, &y| views[x].low.total_cmp(&views[y].low));
            values.dedup_by(|x, y| {
                views[*x].low == views[*y].low && views[*x].base_unit == views[*y].base_unit
            });
            let mut echoes: Vec<usize> = Vec::new();
            for &m in &values {
                let v = &views[m];
                echoes.extend(
                    by_value
                        .get(&v.low.to_bits())
                        .into_iter()
                        .flatten()
                        .copied()
                        .filter(|&e| {
                            cited.binary_search(&views[e].doc).is_err()
                                && super::units::same_unit(views[e].base_unit, v.base_unit)
                        }),
                );
            }
            side.extend(echoes);
            side.sort_unstable();
            side.dedup();
        }
    }
}

/// The facts of `list` (ascending, so report by report) in reports after `doc`.
fn in_later_reports<'l>(views: &[FactView<'_>], list: &'l [usize], doc: usize) -> &'l [usize] {
    &list[list.partition_point(|&b| views[b].doc <= doc)..]
}

/// The disagreements found so far, with each fact's sides and each side's count per class (and
/// per class and report).
struct Found {
    out: Vec<Disagreement>,
    /// (disagreement, side) of each fact on one, by fact.
    sides_of: Vec<Vec<(usize, usize)>>,
    /// Per disagreement and side: per class, its facts there and, per report, how many.
    counts: Vec<[FxHashMap<u32, ClassCount>; 2]>,
    /// Per disagreement and side: per class asked about, its facts not there, ascending.
    absent: Vec<[FxHashMap<u32, Vec<usize>>; 2]>,
}

impl Found {
    fn memberships(&self, fact: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.sides_of[fact].iter().copied()
    }

    fn on(&self, fact: usize, d: usize, s: usize) -> bool {
        self.memberships(fact).any(|m| m == (d, s))
    }

    /// How many facts of class `c` of report `doc` are on side `s` of disagreement `d`.
    fn in_doc(&self, d: usize, s: usize, c: u32, doc: usize) -> usize {
        self.counts[d][s]
            .get(&c)
            .map_or(0, |(_, docs)| of_report(docs, doc))
    }

    /// True when the two facts are on opposite sides of a disagreement already found.
    fn covered(&self, a: usize, b: usize) -> bool {
        self.memberships(a).any(|(d, s)| self.on(b, d, 1 - s))
    }

    fn count(&mut self, facts: &Facts<'_>, classes: &Classes, d: usize, s: usize, fact: usize) {
        self.sides_of[fact].push((d, s));
        let (count, docs) = self.counts[d][s].entry(classes.of[fact]).or_default();
        *count += 1;
        let doc = facts.views[fact].doc;
        match docs.binary_search_by_key(&doc, |&(d, _)| d) {
            Ok(at) => docs[at].1 += 1,
            // Facts join in report order but for a few: most go at the end.
            Err(at) => docs.insert(at, (doc, 1)),
        }
    }

    /// The facts of class `c` not on side `s` of disagreement `d`, ascending (listed once, then
    /// kept as facts join).
    fn absent_from(&mut self, classes: &Classes, d: usize, s: usize, c: u32) -> &[usize] {
        if !self.absent[d][s].contains_key(&c) {
            let list = classes.members[c as usize]
                .iter()
                .copied()
                .filter(|&m| !self.on(m, d, s))
                .collect();
            self.absent[d][s].insert(c, list);
        }
        &self.absent[d][s][&c]
    }

    fn push(&mut self, facts: &Facts<'_>, classes: &Classes, disagreement: Disagreement) {
        let d = self.out.len();
        self.counts.push([FxHashMap::default(), FxHashMap::default()]);
        self.absent.push([FxHashMap::default(), FxHashMap::default()]);
        for (s, side) in disagreement.sides.iter().enumerate() {
            for &m in side {
                self.count(facts, classes, d, s, m);
            }
        }
        self.out.push(disagreement);
    }

    fn add(&mut self, facts: &Facts<'_>, classes: &Classes, d: usize, s: usize, fact: usize) {
        if self.on(fact, d, s) {
            return;
        }
        let side = &mut self.out[d].sides[s];
        let at = side.partition_point(|&m| m < fact);
        side.insert(at, fact);
        if let Some(absent) = self.absent[d][s].get_mut(&classes.of[fact])
            && let Ok(at) = absent.binary_search(&fact)
        {
            absent.remove(at);
        }
        self.count(facts, classes, d, s, fact);
    }
}

/// How many facts of a class are on a side, and how many of each report (by report,
/// ascending: a side holds a class's facts of a few reports, kept without a map each).
type ClassCount = (usize, Vec<(usize, usize)>);

/// How many facts of report `doc` a [`ClassCount`]'s reports count.
fn of_report(docs: &[(usize, usize)], doc: usize) -> usize {
    docs.binary_search_by_key(&doc, |&(d, _)| d)
        .map_or(0, |at| docs[at].1)
}

/// True when one report is on both sides (all of them one report's included). A side's facts
/// are in ascending order and facts come report by report, so its reports come in order too:
/// the two sides' reports are walked side by side.
fn internal_of(facts: &Facts<'_>, sides: &[Vec<usize>]) -> bool {
    let doc = |&m: &usize| facts.views[m].doc;
    let (mut left, mut right) = (
        sides[0].iter().map(doc).peekable(),
        sides[1].iter().map(doc).peekable(),
    );
    while let (Some(&x), Some(&y)) = (left.peek(), right.peek()) {
        match x.cmp(&y) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => {
                left.next();
            }
            std::cmp::Ordering::Greater => {
                right.next();
            }
        }
    }
    false
}
