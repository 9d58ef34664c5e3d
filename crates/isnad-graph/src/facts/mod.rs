//! Comparing facts across the story: which figures are about the same thing at the same time
//! (alignment), which of those disagree, and one finding per disagreement (docs/facts.md).
//!
//! Two figures are compared when their attributes are the same (the class or the lemma the
//! claims layer read), their units convert, neither is a part of a whole the other is not, they
//! hold at the same time (a running total is compared only as of one time), nothing in their
//! clauses tells them apart (another occurrence, another named subject), and their clauses align:
//! they share enough of what is distinctive in the story, words weighed by how rare they are in
//! the story's sentences (inverse document frequency). Every pair with one attribute gets a
//! [`Comparison`] with its reason, compared or not.
//!
//! The driver is here: [`compare`] pairs the facts and sorts each pair into an outcome. Preparing
//! each fact's view is in `prepare` (units in `units`, times in `period`), judging a pair in
//! `judge`, grouping conflicts in `disagreements`, near-copies in `near_copies`, parts and wholes
//! in `parts`.

use chrono::NaiveDate;
use isnad_claims::DocAnalysis;
use isnad_claims::entities::{EntityId, EntityKey};
use isnad_claims::facts::Fact;
use isnad_claims::mentions::Qualifier;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

mod disagreements;
mod judge;
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

use disagreements::{disagreements_of, is_later_and_larger, update_of};
use near_copies::near_copies;
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

/// One comparison (or decision not to compare) between two facts, with its reason.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// The two fact ids.
    pub facts: [Arc<str>; 2],
    /// The attribute they share.
    pub attribute: Arc<str>,
    /// What came of it.
    pub outcome: Outcome,
    /// Why.
    pub reason: Cow<'static, str>,
}

/// A fact with what comparing it needs, computed once.
pub(crate) struct FactView<'a> {
    /// Index of its document.
    pub doc: usize,
    /// The fact.
    pub fact: &'a Fact,
    /// Its id, shared by every comparison that names it.
    id: Arc<str>,
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
    /// about the thing measured, for alignment.
    about_ids: Vec<u32>,
    /// The senses its clause's words name (`~start`, `~end`: `data/facts.toml` `[[sense]]`).
    senses: Vec<&'a str>,
    /// The ids of those senses' words.
    sense_ids: Vec<u32>,
    /// True when no other figure of its report has its attribute and unit.
    alone_in_report: bool,
    /// What it is grouped on for comparison ([`group_key`]), computed once.
    group: Arc<str>,
}

impl FactView<'_> {
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
    /// Updates: (earlier view, later view).
    pub updates: Vec<(usize, usize)>,
    /// Every comparison with its reason.
    pub comparisons: Vec<Comparison>,
}

/// Compares the named doers and places of the story's clauses across reports.
pub(crate) fn compare_participants(analyses: &[DocAnalysis]) -> (Vec<ParticipantConflict>, Vec<Comparison>) {
    participants::compare(analyses)
}

/// Compares every pair of facts with one attribute.
pub(crate) fn compare(facts: &Facts<'_>) -> Compared {
    let mut groups: BTreeMap<Arc<str>, Vec<usize>> = BTreeMap::new();
    for (i, v) in facts.views.iter().enumerate() {
        groups.entry(Arc::clone(&v.group)).or_default().push(i);
    }
    let copies: rustc_hash::FxHashSet<(usize, usize)> = near_copies(facts)
        .into_iter()
        .map(|(i, j)| (i.min(j), i.max(j)))
        .collect();
    let mut pairs: Vec<(usize, usize, Arc<str>, bool)> = Vec::new();
    let mut seen: rustc_hash::FxHashSet<(usize, usize)> = rustc_hash::FxHashSet::default();
    for (key, members) in &groups {
        // Dates and ordinals are the claims' to compare (date_mismatch, ordinal_conflict); as
        // facts they are compared only where two reports copy one sentence.
        if members.iter().any(|&i| is_time_or_order(&facts.views[i])) {
            continue;
        }
        for (n, &i) in members.iter().enumerate() {
            for &j in &members[n + 1..] {
                let (a, b) = (&facts.views[i], &facts.views[j]);
                // Two figures of one sentence are two things ("19 قتيلاً و34 مفقوداً").
                if a.doc == b.doc && a.fact.sentence == b.fact.sentence {
                    continue;
                }
                seen.insert((i.min(j), i.max(j)));
                pairs.push((i, j, Arc::clone(key), copies.contains(&(i.min(j), i.max(j)))));
            }
        }
    }
    for &(i, j) in &copies {
        if seen.insert((i, j)) {
            let unit = facts.views[i].base_unit.unwrap_or("count");
            pairs.push((i, j, format!("copy|{unit}").into(), true));
        }
    }
    let mut comparisons = Vec::new();
    let mut updates = Vec::new();
    let mut comparable: Vec<(usize, usize, bool)> = Vec::new();
    // Dates and places in a series that no copy pairs: compared where their clauses align.
    for (i, j, key) in series::candidate_pairs(facts) {
        if !seen.insert((i, j)) {
            continue;
        }
        let (a, b) = (&facts.views[i], &facts.views[j]);
        let (outcome, reason): (Outcome, Cow<'static, str>) = match facts.judge_series(a, b) {
            Err(reason) => (Outcome::NotCompared, reason),
            Ok(()) => {
                let agree = a.overlaps(b);
                comparable.push((i, j, agree));
                if agree {
                    (Outcome::Agree, "their clauses align, values overlap".into())
                } else {
                    (
                        Outcome::Conflict,
                        "their clauses align, values cannot both be right".into(),
                    )
                }
            }
        };
        comparisons.push(Comparison {
            facts: [Arc::clone(&a.id), Arc::clone(&b.id)],
            attribute: key,
            outcome,
            reason,
        });
    }
    for (i, j, key, copied) in pairs {
        let (a, b) = (&facts.views[i], &facts.views[j]);
        let record = |outcome, reason: Cow<'static, str>| Comparison {
            facts: [Arc::clone(&a.id), Arc::clone(&b.id)],
            attribute: Arc::clone(&key),
            outcome,
            reason,
        };
        match facts.judge(a, b, copied) {
            Err(apart) => match update_of(a, b, i, j).filter(|_| apart.as_of) {
                Some((earlier, later)) => {
                    updates.push((earlier, later));
                    comparisons.push(record(
                        Outcome::Update,
                        format!("{}; the later figure is newer", apart.reason).into(),
                    ));
                }
                None => comparisons.push(record(Outcome::NotCompared, apart.reason)),
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
                    let (earlier, later) = if is_later_and_larger(a, b).is_some() {
                        (i, j)
                    } else {
                        (j, i)
                    };
                    updates.push((earlier, later));
                    comparisons.push(record(
                        Outcome::Update,
                        "announced as a rise: the later figure is newer".into(),
                    ));
                    continue;
                }
                // Within one article, two sources giving two figures is a reported dispute, not
                // the article contradicting itself.
                if !agree
                    && a.doc == b.doc
                    && a.source.is_some()
                    && b.source.is_some()
                    && a.source != b.source
                {
                    comparisons.push(record(
                        Outcome::NotCompared,
                        "one article quoting two sources with two figures".into(),
                    ));
                    continue;
                }
                comparable.push((i, j, agree));
                comparisons.push(record(
                    if agree { Outcome::Agree } else { Outcome::Conflict },
                    match (agree, copied) {
                        (true, true) => "the same place of near-copied sentences, values overlap".into(),
                        (true, false) => "same attribute, same time, values overlap".into(),
                        (false, true) => {
                            "the same place of near-copied sentences, values cannot both be right".into()
                        }
                        (false, false) => "same attribute, same time, values cannot both be right".into(),
                    },
                ));
            }
        }
    }
    Compared {
        disagreements: disagreements_of(facts, &comparable),
        updates,
        comparisons,
    }
}

/// True for a date or an ordinal fact.
pub(crate) fn is_time_or_order(v: &FactView<'_>) -> bool {
    matches!(v.base_unit, Some("date" | "ordinal"))
}
