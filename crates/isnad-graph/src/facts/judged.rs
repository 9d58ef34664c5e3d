//! The judgements of a story's classes of facts as they are made, and the comparisons they record.

use super::*;

/// The judgements of a story's classes as they are made: records, updates and what is
/// comparable.
pub(super) struct Judged<'f, 'a> {
    facts: &'f Facts<'a>,
    classes: &'f Classes,
    pub(super) comparisons: Vec<Comparison>,
    updates: Vec<(usize, usize)>,
    /// Comparable pairs of classes, for every pair of their facts from two reports.
    across: Vec<(u32, u32, bool)>,
    /// Comparable pairs of classes, for every pair of their facts of one report (two sentences).
    within: Vec<(u32, u32, bool)>,
    /// Pairs of classes judged within one report: the verdict, the record's index and the facts
    /// on each side so far.
    within_classes: FxHashMap<(u32, u32), WithinRecord>,
    /// The id of each fact a comparison names, by fact, shared by every comparison that names it
    /// (made here, not per view: most facts are in none).
    ids: Vec<Option<Arc<str>>>,
}

/// A pair of classes judged within one report: the verdict, the index of its record and the facts
/// on each side so far.
type WithinRecord = (Verdict, usize, [Vec<usize>; 2]);

impl<'f, 'a> Judged<'f, 'a> {
    pub(super) fn new(facts: &'f Facts<'a>, classes: &'f Classes) -> Self {
        Judged {
            facts,
            classes,
            comparisons: Vec::new(),
            updates: Vec::new(),
            across: Vec::new(),
            within: Vec::new(),
            within_classes: FxHashMap::default(),
            ids: vec![None; facts.views.len()],
        }
    }

    /// Records the verdict on `(i, j)` for every pair of their classes' facts from two reports.
    pub(super) fn record_across(&mut self, (i, j): (usize, usize), attribute: Arc<str>, verdict: Verdict) {
        let (classes, views) = (self.classes, &self.facts.views);
        let (x, y) = (classes.of[i], classes.of[j]);
        let (xs, ys) = (&classes.members[x as usize], &classes.members[y as usize]);
        let one_pair = xs.len() == 1 && ys.len() == 1 || x == y && xs.len() == 2;
        let facts = [self.id(i), self.id(j)];
        let sides = (!one_pair).then(|| [self.ids(xs), self.ids(ys)]);
        let Verdict {
            outcome,
            reason,
            earlier,
        } = verdict;
        self.comparisons.push(Comparison {
            facts,
            attribute,
            outcome,
            reason,
            sides,
            pairs: (!one_pair).then_some(Pairs::Across),
        });
        match outcome {
            Outcome::Agree | Outcome::Conflict => {
                self.across.push((x.min(y), x.max(y), outcome == Outcome::Agree));
            }
            Outcome::Update => {
                let earlier = self.classes.of[earlier.expect("an update has an earlier fact")];
                let (first, then) = if earlier == x { (xs, ys) } else { (ys, xs) };
                for &e in first {
                    for &l in then {
                        if views[e].doc != views[l].doc {
                            self.updates.push((e, l));
                        }
                    }
                }
            }
            Outcome::NotCompared => {}
        }
    }

    /// Judges facts `i` and `j` of one report, once per pair of their classes (`xs`, `ys`: the
    /// facts of each class in that report).
    pub(super) fn record_within(
        &mut self,
        (i, j): (usize, usize),
        attribute: Arc<str>,
        xs: Vec<usize>,
        ys: Vec<usize>,
    ) {
        let (x, y) = (self.classes.of[i], self.classes.of[j]);
        let key = (x.min(y), x.max(y));
        let (lower, upper) = if self.classes.of[xs[0]] == key.0 {
            (xs, ys)
        } else {
            (ys, xs)
        };
        let verdict = match self.within_classes.get_mut(&key) {
            Some((verdict, _, sides)) => {
                sides[0].extend(lower);
                sides[1].extend(upper);
                verdict.clone()
            }
            None => {
                let verdict = self.facts.verdict(i, j, false);
                let facts = [self.id(i), self.id(j)];
                self.comparisons.push(Comparison {
                    facts,
                    attribute,
                    outcome: verdict.outcome,
                    reason: verdict.reason.clone(),
                    sides: None,
                    pairs: None,
                });
                self.within_classes
                    .insert(key, (verdict.clone(), self.comparisons.len() - 1, [lower, upper]));
                if matches!(verdict.outcome, Outcome::Agree | Outcome::Conflict) {
                    self.within
                        .push((key.0, key.1, verdict.outcome == Outcome::Agree));
                }
                verdict
            }
        };
        // Updates within one report are never notes (the update rule wants two reports): the
        // first pair stands for them.
        if verdict.outcome == Outcome::Update {
            let earlier = self.classes.of[verdict.earlier.expect("an update has an earlier fact")];
            self.updates.push(if self.classes.of[i] == earlier {
                (i, j)
            } else {
                (j, i)
            });
        }
    }

    /// The id of fact `i`, made once.
    pub(super) fn id(&mut self, i: usize) -> Arc<str> {
        let facts = self.facts;
        Arc::clone(self.ids[i].get_or_insert_with(|| Arc::from(facts.views[i].fact.id.as_str())))
    }

    /// The ids of some facts.
    pub(super) fn ids(&mut self, members: &[usize]) -> Vec<Arc<str>> {
        members.iter().map(|&i| self.id(i)).collect()
    }

    pub(super) fn finish(mut self) -> Compared {
        // A record of one report's pairs that stands for more than one lists every fact of each
        // side.
        for (_, record, mut sides) in std::mem::take(&mut self.within_classes).into_values() {
            for side in &mut sides {
                side.sort_unstable();
                side.dedup();
            }
            if sides[0].len() > 1 || sides[1].len() > 1 {
                let ids = [self.ids(&sides[0]), self.ids(&sides[1])];
                let comparison = &mut self.comparisons[record];
                comparison.sides = Some(ids);
                comparison.pairs = Some(Pairs::Within);
            }
        }
        Compared {
            disagreements: disagreements_of(self.facts, self.classes, &self.across, &self.within),
            updates: self.updates,
            comparisons: self.comparisons,
        }
    }
}
