//! Comparing facts across the story: which figures are about the same thing at the same time
//! (alignment), which of those disagree, and one finding per disagreement (docs/facts.md).
//!
//! Two figures are compared when their attributes are the same (the class or the lemma the
//! claims layer read), their units convert, neither is a part of a whole the other is not, they
//! hold at the same time (a running total is compared only as of one time), nothing in their
//! clauses tells them apart (another occurrence, another named subject), and their clauses align:
//! they share enough of what is distinctive in the story, words weighed by how rare they are in
//! the story's sentences (inverse document frequency). Every pair with one attribute gets a
//! [`Comparison`] with its reason, compared or not; facts that are the same for the judgement
//! (copies of one text) are judged once as a class, one comparison citing them all.
//!
//! The driver is here: [`compare`] pairs the classes and sorts each pair into an outcome.
//! Preparing each fact's view is in `prepare` (units in `units`, times in `period`), sorting
//! facts into classes in `classes`, judging a pair in `judge`, grouping conflicts in
//! `disagreements`, near-copies in `near_copies`, parts and wholes in `parts`.

use chrono::NaiveDate;
use isnad_claims::DocAnalysis;
use isnad_claims::entities::{EntityId, EntityKey};
use isnad_claims::facts::Fact;
use isnad_claims::mentions::Qualifier;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

mod classes;
mod disagreements;
mod judge;
mod judged;
use judged::Judged;
mod near_copies;
mod participants;
mod parts;
mod period;
mod prepare;
mod series;
mod units;

pub(crate) use disagreements::Disagreement;
pub(crate) use participants::ParticipantConflict;
pub(crate) use parts::sums;
pub(crate) use period::{day_text, days_text};

use classes::Classes;
use disagreements::{disagreements_of, is_later_and_larger, update_of};
use judge::Verdict;
use near_copies::NearCopies;
use period::Period;

/// What came of comparing two facts with one attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Compared: the values can both be right.
    Agree,
    /// Compared: the values cannot both be right.
    Conflict,
    /// A later figure of a running total: an update over time.
    Update,
    /// Not compared (the reason says why).
    NotCompared,
}

/// One comparison (or decision not to compare) between two facts, with its reason: or between
/// two classes of facts judged alike, for every pair of one fact of each.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// The two fact ids (for two classes, their first pair).
    pub facts: [Arc<str>; 2],
    /// The attribute they share.
    pub attribute: Arc<str>,
    /// What came of it.
    pub outcome: Outcome,
    /// Why.
    pub reason: Cow<'static, str>,
    /// Every fact of each side, when the comparison stands for more than one pair (facts that
    /// are the same for the judgement, copies of one text: only their reports differ).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sides: Option<[Vec<Arc<str>>; 2]>,
    /// Which pairs of `sides` it stands for: those of two reports, or those of one report.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pairs: Option<Pairs>,
}

/// Which pairs of one fact of each side a comparison of two classes stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Pairs {
    /// Every pair of two different reports.
    Across,
    /// Every pair of one report (two sentences of it).
    Within,
}

/// A fact with what comparing it needs, computed once.
pub(crate) struct FactView<'a> {
    /// Index of its document.
    pub doc: usize,
    /// The fact.
    pub fact: &'a Fact,
    /// The unit its value was converted to (`None` for a count) and the interval in that unit.
    pub base_unit: Option<&'static str>,
    pub low: f64,
    pub high: Option<f64>,
    /// The factor from its unit into the base unit.
    factor: f64,
    /// The stated time of its clause, when stated and resolved.
    pub stated: Option<Period>,
    /// When the figure holds: stated, else the report's date.
    pub as_of: Option<Period>,
    /// The report's date.
    pub published: Option<NaiveDate>,
    /// The named source that says it, when one does (not the outlet).
    pub source: Option<EntityKey>,
    /// Ids of its sentence's words, sorted (see [`Facts::weights`]).
    sentence_ids: std::sync::Arc<[u32]>,
    /// Ids of its clause's words, sorted.
    context_ids: std::sync::Arc<[u32]>,
    /// Ids of its clause's words other than its own head and qualifiers: what its clause says
    /// about the thing measured, for alignment (the lists are boxed: a view never grows, and a
    /// long document holds one per figure).
    about_ids: Box<[u32]>,
    /// The summed weight of `about_ids` (weighed once, not for every pair it is aligned in).
    about_weight: f64,
    /// The senses its clause's words name (`~start`, `~end`: `data/facts.toml` `[[sense]]`).
    senses: Box<[&'a str]>,
    /// The ids of those senses' words.
    sense_ids: Box<[u32]>,
    /// True when no other figure of its report has its attribute and unit.
    alone_in_report: bool,
    /// True when it is in the headline or lead (first body) sentence of one of the story's first
    /// reports, which tell its incident (the dateline's date aside).
    lead: bool,
    /// True when its clause gives a running total, a rate or a sum of money (its own figure or
    /// another's): a date there dates that figure.
    in_figure_clause: bool,
    /// What it is grouped on for comparison ([`group_key`]), computed once and shared by the
    /// views of one group.
    pub(crate) group: Arc<str>,
    /// `stated` and `as_of` in words, written when a reason first gives them: a figure told
    /// apart by its time from many others gives the same words to each comparison.
    times_text: [std::sync::OnceLock<String>; 2],
    /// The numbers of its sentence's and its clause's words as written (`fact.sentence_words`,
    /// `fact.context`): equal when the lists are.
    pub(super) word_lists: [u32; 2],
}

impl FactView<'_> {
    /// Its stated time in words ([`period::describe_days`]; empty when none is stated).
    fn stated_text(&self) -> &str {
        self.times_text[0].get_or_init(|| self.stated.map(period::describe_days).unwrap_or_default())
    }

    /// When it holds in words ([`period::describe_days`]; empty when unknown).
    fn as_of_text(&self) -> &str {
        self.times_text[1].get_or_init(|| self.as_of.map(period::describe_days).unwrap_or_default())
    }

    /// True when the two value intervals share a value.
    pub fn overlaps(&self, other: &FactView<'_>) -> bool {
        let below = |high: Option<f64>, low: f64| high.is_some_and(|h| h < low - 1e-9 * low.abs().max(1.0));
        !below(self.high, other.low) && !below(other.high, self.low)
    }

    /// True when both figures are bounded the same way ("أكثر من"، "على الأقل"، "حتى") from
    /// different numbers.
    fn moved_bound(&self, other: &FactView<'_>) -> bool {
        let (x, y) = (&self.fact.value.amount, &other.fact.value.amount);
        let open = matches!(
            x.qualifier,
            Qualifier::MoreThan | Qualifier::AtLeast | Qualifier::AtMost | Qualifier::LessThan
        );
        open && x.qualifier == y.qualifier
            && match (
                x.value.map(|v| v * self.factor),
                y.value.map(|v| v * other.factor),
            ) {
                (Some(p), Some(q)) => (p - q).abs() > 1e-9 * p.abs().max(q.abs()).max(1.0),
                _ => false,
            }
    }

    /// True for a vague amount ("عشرات") that agrees with any plausible count.
    fn vague(&self) -> bool {
        self.fact.value.amount.qualifier == Qualifier::Vague
    }
}

/// The story's facts, prepared for comparison.
pub(crate) struct Facts<'a> {
    /// Every fact of the story.
    pub views: Vec<FactView<'a>>,
    /// Inverse document frequency of each context lemma over the story's figure sentences, by
    /// word id: alignment and near-copies compare integers, not strings.
    weights: Vec<f64>,
    /// Lemmas that most of the story's documents use: the story's topic, which says nothing
    /// about which of its things a figure is of.
    topic: rustc_hash::FxHashSet<&'a str>,
    /// For each word id, whether nearly every report of the story uses it.
    story_wide: Vec<bool>,
    /// For each document, the range of its facts in `views` (facts come document by document).
    doc_views: Vec<std::ops::Range<usize>>,
    /// Every gazetteer place the facts name, with the places it lies in (itself included).
    enclosing: FxHashMap<EntityId, Vec<EntityId>>,
}

/// Everything the fact rules need: disagreements, updates and every comparison.
pub(crate) struct Compared {
    /// Disagreements, one per group of comparable facts.
    pub disagreements: Vec<Disagreement>,
    /// Updates: (earlier view, later view), every pair of two reports (within one report, the
    /// first pair of each pair of classes: the update rule wants two reports).
    pub updates: Vec<(usize, usize)>,
    /// Every comparison with its reason.
    pub comparisons: Vec<Comparison>,
}

/// Compares the named doers and places of the story's clauses across reports.
pub(crate) fn compare_participants(analyses: &[DocAnalysis]) -> (Vec<ParticipantConflict>, Vec<Comparison>) {
    participants::compare(analyses)
}

/// Compares the facts of one attribute across the story and within each report, class by class
/// ([`classes`]): a pair of classes is judged once for every pair of two reports and once for the
/// pairs within one report, so the cost and the records grow with the distinct figures, not with
/// the square of the copies.
pub(crate) fn compare(facts: &Facts<'_>) -> Compared {
    let copies = NearCopies::new(facts);
    let classes = Classes::new(facts, &copies);
    let mut judged = Judged::new(facts, &classes);
    let mut groups: BTreeMap<Arc<str>, Vec<u32>> = BTreeMap::new();
    for (c, members) in classes.members.iter().enumerate() {
        groups
            .entry(Arc::clone(&facts.views[members[0]].group))
            .or_default()
            .push(c as u32);
    }
    // Each group's pairs in the order of their first facts: a pair of classes from two reports
    // (`Ok(copied)`), or of one report (`Err` and the facts of each class in that report).
    type Item = (usize, usize, Result<bool, usize>);
    let mut within_runs: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    let mut grouped: Vec<(Arc<str>, Vec<Item>)> = Vec::new();
    let mut seen: FxHashSet<(u32, u32)> = FxHashSet::default();
    // What one report's pairs are sorted with, emptied for each report, not made anew: a story
    // sorts hundreds of reports' figures.
    let mut run_of: FxHashMap<u32, usize> = FxHashMap::default();
    let mut in_sentence: Vec<((usize, usize), u32)> = Vec::new();
    let mut one_sentence: FxHashMap<(u32, u32), usize> = FxHashMap::default();
    for (key, members) in &groups {
        // Dates and ordinals are the claims' to compare (date_mismatch, ordinal_conflict); as
        // facts they are compared only where two reports copy one sentence.
        if members
            .iter()
            .any(|&c| is_time_or_order(&facts.views[classes.members[c as usize][0]]))
        {
            continue;
        }
        let mut items: Vec<Item> = Vec::new();
        for (n, &x) in members.iter().enumerate() {
            for &y in &members[n..] {
                if let Some((i, j)) = first_across(facts, &classes, x, y) {
                    seen.insert((x.min(y), x.max(y)));
                    items.push((i, j, Ok(copies.copied(i, j))));
                }
            }
        }
        // Within one report: the group's facts, report by report (facts come report by report),
        // class by class.
        let mut facts_of: Vec<usize> = members
            .iter()
            .flat_map(|&c| classes.members[c as usize].iter().copied())
            .collect();
        facts_of.sort_unstable();
        for report in facts_of.chunk_by(|&i, &j| facts.views[i].doc == facts.views[j].doc) {
            let mut runs: Vec<(u32, Vec<usize>)> = Vec::new();
            run_of.clear();
            in_sentence.clear();
            for &i in report {
                let c = classes.of[i];
                let n = *run_of.entry(c).or_insert_with(|| {
                    runs.push((c, Vec::new()));
                    runs.len() - 1
                });
                runs[n].1.push(i);
                let sentence = facts.views[i].fact.sentence;
                in_sentence.push(((sentence.start, sentence.end), c));
            }
            // Two figures of one sentence are two things ("19 قتيلاً و34 مفقوداً"): pairs of one
            // sentence, per pair of classes, are never judged. The report's classes sentence by
            // sentence (a stable sort keeps each sentence's in report order).
            in_sentence.sort_by_key(|&(sentence, _)| sentence);
            one_sentence.clear();
            for list in in_sentence.chunk_by(|a, b| a.0 == b.0) {
                for (n, &(_, x)) in list.iter().enumerate() {
                    for &(_, y) in &list[n + 1..] {
                        *one_sentence.entry((x.min(y), x.max(y))).or_default() += 1;
                    }
                }
            }
            for (n, (x, xs)) in runs.iter().enumerate() {
                for (y, ys) in &runs[n..] {
                    let all = if x == y {
                        xs.len() * (xs.len() - 1) / 2
                    } else {
                        xs.len() * ys.len()
                    };
                    let key = ((*x).min(*y), (*x).max(*y));
                    if all > one_sentence.get(&key).copied().unwrap_or(0) {
                        let apart =
                            |u: usize, v: usize| facts.views[u].fact.sentence != facts.views[v].fact.sentence;
                        if let Some((i, j)) = first_pair(xs, ys, x == y, apart) {
                            within_runs.push((xs.clone(), ys.clone()));
                            items.push((i, j, Err(within_runs.len() - 1)));
                        }
                    }
                }
            }
        }
        // A pair of facts is one item (its facts' classes make the item), so their order is
        // the items' order.
        items.sort_unstable_by_key(|&(i, j, _)| (i, j));
        grouped.push((Arc::clone(key), items));
    }
    // Near-copied places of different attributes (or of dates and ordinals).
    let mut at_place: FxHashMap<(usize, near_copies::Place), Vec<u32>> = FxHashMap::default();
    for (c, members) in classes.members.iter().enumerate() {
        for level in 0..2 {
            at_place
                .entry((level, copies.places[level][members[0]]))
                .or_default()
                .push(c as u32);
        }
    }
    let mut copied_pairs: Vec<(u32, u32)> = Vec::new();
    for (level, p, q) in copies.pairs() {
        let (Some(xs), Some(ys)) = (at_place.get(&(level, p)), at_place.get(&(level, q))) else {
            continue;
        };
        for &x in xs {
            for &y in ys {
                copied_pairs.push((x.min(y), x.max(y)));
            }
        }
    }
    sort_pairs(&mut copied_pairs);
    copied_pairs.dedup();
    let mut extras: Vec<(usize, usize, Arc<str>)> = Vec::new();
    // One key per unit, shared by its comparisons.
    let mut copy_keys: Vec<(&str, Arc<str>)> = Vec::new();
    for (x, y) in copied_pairs {
        if !seen.contains(&(x, y))
            && let Some((i, j)) = first_across(facts, &classes, x, y)
        {
            seen.insert((x, y));
            let unit = facts.views[i].base_unit.unwrap_or("count");
            let key = match copy_keys.iter().find(|(u, _)| *u == unit) {
                Some((_, key)) => Arc::clone(key),
                None => {
                    let key: Arc<str> = ["copy|", unit].concat().into();
                    copy_keys.push((unit, Arc::clone(&key)));
                    key
                }
            };
            extras.push((i, j, key));
        }
    }
    // Every comparison is recorded once at most: room for them all at once, as a story's
    // comparisons run to thousands.
    let series_pairs = series::candidate_pairs(facts, &classes);
    let items: usize = grouped.iter().map(|(_, items)| items.len()).sum();
    judged
        .comparisons
        .reserve(items + extras.len() + series_pairs.len());
    // Dates and places in a series that no copy pairs: compared where their clauses align.
    for (x, y, key) in series_pairs {
        if !seen.insert((x, y)) {
            continue;
        }
        let Some((i, j)) = first_across(facts, &classes, x, y) else {
            continue;
        };
        let (a, b) = (&facts.views[i], &facts.views[j]);
        let verdict = match facts.judge_series(a, b) {
            Err(reason) => Verdict::apart(reason),
            Ok(()) => {
                let agree = a.overlaps(b);
                Verdict::compared(
                    agree,
                    if agree {
                        "their clauses align, values overlap".into()
                    } else {
                        "their clauses align, values cannot both be right".into()
                    },
                )
            }
        };
        judged.record_across((i, j), key, verdict);
    }
    for (key, items) in grouped {
        for (i, j, across) in items {
            match across {
                Ok(copied) => judged.record_across((i, j), Arc::clone(&key), facts.verdict(i, j, copied)),
                Err(n) => {
                    let (xs, ys) = std::mem::take(&mut within_runs[n]);
                    judged.record_within((i, j), Arc::clone(&key), xs, ys);
                }
            }
        }
    }
    for (i, j, key) in extras {
        judged.record_across((i, j), key, facts.verdict(i, j, true));
    }
    judged.finish()
}

/// Sorts pairs of classes in their order, each compared as one integer (the first class in the
/// high half): a story's near-copies and series pair thousands.
pub(super) fn sort_pairs(pairs: &mut [(u32, u32)]) {
    pairs.sort_unstable_by_key(|&(x, y)| (u64::from(x) << 32) | u64::from(y));
}

/// The first pair of two classes' facts from two reports, in order of their facts (`x` may be
/// `y`: two facts of one class): `None` when they all sit in one report.
fn first_across(facts: &Facts<'_>, classes: &Classes, x: u32, y: u32) -> Option<(usize, usize)> {
    let (dx, many_x) = classes.docs[x as usize];
    let (dy, many_y) = classes.docs[y as usize];
    if !many_x && !many_y && dx == dy {
        return None;
    }
    let (xs, ys) = (&classes.members[x as usize], &classes.members[y as usize]);
    first_pair(xs, ys, x == y, |u, v| facts.views[u].doc != facts.views[v].doc)
}

/// The first pair, in order of their facts, of a fact of `xs` and one of `ys` (two of `xs` when
/// `one`) that `apart` lets be a pair.
fn first_pair(
    xs: &[usize],
    ys: &[usize],
    one: bool,
    apart: impl Fn(usize, usize) -> bool,
) -> Option<(usize, usize)> {
    let ys = if one { xs } else { ys };
    let partner = |u: usize, others: &[usize]| others.iter().copied().find(|&v| v != u && apart(u, v));
    // The smallest fact that has a partner, with its smallest partner: most often the first of
    // either class.
    let (first, others) = if xs[0] <= ys[0] { (xs[0], ys) } else { (ys[0], xs) };
    if let Some(v) = partner(first, others) {
        return Some((first.min(v), first.max(v)));
    }
    let mut merged: Vec<(usize, bool)> = xs.iter().map(|&i| (i, true)).collect();
    if !one {
        merged.extend(ys.iter().map(|&j| (j, false)));
        merged.sort_unstable();
    }
    merged.into_iter().find_map(|(u, in_x)| {
        let others = if in_x { ys } else { xs };
        partner(u, others).map(|v| (u.min(v), u.max(v)))
    })
}

impl Facts<'_> {
    /// Judges facts `i` and `j` of one attribute (or of one place of near-copied sentences).
    fn verdict(&self, i: usize, j: usize, copied: bool) -> Verdict {
        let (a, b) = (&self.views[i], &self.views[j]);
        match self.judge(a, b, copied) {
            Err(apart) => match update_of(a, b, i, j).filter(|_| apart.as_of) {
                Some((earlier, later))
                    if a.fact
                        .attribute
                        .class
                        .is_some_and(isnad_claims::facts::class_only_grows)
                        && self.views[later]
                            .high
                            .is_some_and(|h| h < self.views[earlier].low) =>
                {
                    Verdict::compared(
                        false,
                        [&*apart.reason, "; a total that only grows is smaller later"]
                            .concat()
                            .into(),
                    )
                }
                Some((earlier, _)) => Verdict::update(
                    earlier,
                    [&*apart.reason, "; the later figure is newer"].concat().into(),
                ),
                None => Verdict::apart(apart.reason),
            },
            Ok(()) => {
                // A copied sentence that bounds its figure alike but moved the bound ("أكثر من 22
                // مليون" → "أكثر من 500 مليون") changed the figure, though both bounds can hold.
                let agree = a.overlaps(b) && !(copied && a.moved_bound(b));
                // A rise announced for a running total (or for a count nothing says is fixed):
                // the larger, later figure is newer.
                let may_run = a.fact.attribute.evolving || a.fact.attribute.class.is_none();
                let same_stated_time = a.stated.is_some() && b.stated.is_some();
                if !agree
                    && may_run
                    && !same_stated_time
                    && a.doc != b.doc
                    && (a.fact.scope.rise || b.fact.scope.rise)
                    && is_later_and_larger(a, b).or(is_later_and_larger(b, a)).is_some()
                {
                    let earlier = if is_later_and_larger(a, b).is_some() { i } else { j };
                    return Verdict::update(earlier, "announced as a rise: the later figure is newer".into());
                }
                // Within one article, two sources giving two figures is a reported dispute, not
                // the article contradicting itself.
                if !agree
                    && a.doc == b.doc
                    && a.source.is_some()
                    && b.source.is_some()
                    && a.source != b.source
                {
                    return Verdict::apart("one article quoting two sources with two figures".into());
                }
                Verdict::compared(
                    agree,
                    match (agree, copied) {
                        (true, true) => "the same place of near-copied sentences, values overlap".into(),
                        (true, false) => "same attribute, same time, values overlap".into(),
                        (false, true) => {
                            "the same place of near-copied sentences, values cannot both be right".into()
                        }
                        (false, false) => "same attribute, same time, values cannot both be right".into(),
                    },
                )
            }
        }
    }
}

/// True for a date or an ordinal fact.
pub(crate) fn is_time_or_order(v: &FactView<'_>) -> bool {
    matches!(v.base_unit, Some("date" | "ordinal"))
}
