//! Judging whether two facts of one attribute are about the same thing at the same time, and why not.

use super::period::{Period, dated_long_before, day_text, disjoint, gap_days, occurrence_gap};
use super::units::same_unit;
use super::{FactView, Facts, Outcome};
use isnad_claims::claims::{ClaimLocation, Modality};
use isnad_claims::entities::{EntityId, EntityKey};
use isnad_claims::facts::{AttributeSource, Fact, has_word};
use std::borrow::Cow;

/// Share of the smaller clause's weight two clauses must share to be about the same thing when
/// either has words of its own that the other does not.
const ALIGNED_SHARE: f64 = 0.25;

/// Share two body sentences of one article must have to be one figure given twice.
const RESTATED_SHARE: f64 = 0.5;

impl Facts<'_> {
    /// How well two clauses align: the weight they share over the weight of the smaller, and
    /// whether each has distinctive words (of weight) that the other's whole sentence lacks.
    pub(super) fn alignment(&self, a: &FactView<'_>, b: &FactView<'_>) -> (f64, f64, f64) {
        let shared_with = |x: &FactView<'_>, y: &FactView<'_>| -> f64 {
            x.about_ids
                .iter()
                .filter(|w| y.sentence_ids.binary_search(w).is_ok())
                .map(|&w| self.weight(w))
                .sum()
        };
        let shared = shared_with(a, b).max(shared_with(b, a));
        let (ta, tb) = (a.about_weight, b.about_weight);
        let smaller = ta.min(tb);
        let share = if smaller <= 0.0 {
            1.0
        } else {
            (shared / smaller).min(1.0)
        };
        (share, ta - shared.min(ta), tb - shared.min(tb))
    }

    /// Whether two facts with one attribute are about the same thing at the same time, and why.
    /// `copied`: the two facts are the same place of two near-copied sentences, so their
    /// attributes need not have been read alike (but must not be known to differ).
    pub fn judge(&self, a: &FactView<'_>, b: &FactView<'_>, copied: bool) -> Result<(), Apart> {
        self.judge_inner(a, b, copied)
            .map_err(|(as_of, reason)| Apart { as_of, reason })
    }

    fn judge_inner(
        &self,
        a: &FactView<'_>,
        b: &FactView<'_>,
        copied: bool,
    ) -> Result<(), (bool, Cow<'static, str>)> {
        let (fa, fb) = (a.fact, b.fact);
        fn apart(reason: impl Into<Cow<'static, str>>) -> Result<(), (bool, Cow<'static, str>)> {
            Err((false, reason.into()))
        }
        if !same_unit(a.base_unit, b.base_unit) {
            return apart("different units");
        }
        if copied {
            let (ca, cb) = (&fa.attribute.class, &fb.attribute.class);
            if ca.is_some() && cb.is_some() && ca != cb {
                return apart("near-copied sentences, but the figures measure different things");
            }
            if !super::series::modifiers_meet(fa.attribute.modifier(), fb.attribute.modifier()) {
                return apart("near-copied sentences, but one figure is a change, a capacity or a target");
            }
            if a.base_unit == Some("date")
                && let Err(reason) = self.dates_apart(a, b)
            {
                return apart(reason);
            }
            if a.base_unit == Some("ordinal")
                && let Err(reason) = self.series_apart(a, b)
            {
                return apart(reason);
            }
        }
        if fa.scope.part_of.is_some() || fb.scope.part_of.is_some() {
            return apart("one is a part of a whole stated with it");
        }
        if fa.scope.pool != fb.scope.pool {
            return apart("one is the pool a figure is taken from (\"من أصل …\")");
        }
        // The two sides of a contrast ("171 نائباً مقابل 58") count different things (those for and
        // those against, this year and last), and a total counts both sides.
        let other_side = |f: &Fact| f.scope.versus == Some(isnad_claims::facts::Versus::Second);
        if other_side(fa) != other_side(fb) {
            return apart("one is the other side of a contrast (\"… مقابل …\")");
        }
        if fa.scope.total && fb.scope.versus.is_some() || fb.scope.total && fa.scope.versus.is_some() {
            return apart("one is a total and the other one side of a contrast");
        }
        // What a figure is of ("نسبة التغطية"، "الوردية الليلية التي تضم") must be what the other is of,
        // or at least be spoken of in the other's sentence.
        // Another named place the gazetteer knows, neither inside the other: another occurrence.
        if let Some((x, y)) = self.places_apart(fa, fb) {
            return apart(["at different places (", x, " and ", y, ")"].concat());
        }
        // A figure said of another named person or organization ("6 سنوات لرجل الأعمال X"، "5 سنوات
        // للمقاول Y"): another subject. A running total is the story's, whoever gives it.
        let (ea, eb): (Vec<&EntityId>, Vec<&EntityId>) = (
            fa.subject.entities.iter().filter_map(EntityKey::entity).collect(),
            fb.subject.entities.iter().filter_map(EntityKey::entity).collect(),
        );
        // A name read a word too long ("فرديناند تفك") is still the name: one key may extend the other.
        let same_name = |x: &EntityId, y: &EntityId| {
            let (x, y) = (x.as_str(), y.as_str());
            x == y || (x.len() >= 12 && y.len() >= 12 && (x.starts_with(y) || y.starts_with(x)))
        };
        if !fa.attribute.evolving
            && !ea.is_empty()
            && !eb.is_empty()
            && !ea.iter().any(|x| eb.iter().any(|y| same_name(x, y)))
        {
            return apart("said of different named subjects");
        }
        // Two lengths of time from moments ("بعد 3 ساعات من تناول الطعام") meet when the words of
        // their moments do, topic words included (a moment is often the story's own event).
        let of_the_clause = fa.attribute.from == AttributeSource::Moment;
        // Near-copied sentences too: the words around a length of time are what it times.
        if of_the_clause {
            let (ma, mb) = (fa.attribute.qualifiers(), fb.attribute.qualifiers());
            if !ma.iter().any(|w| mb.contains(w)) {
                return apart("counted from different moments");
            }
        }
        // Only what sets a figure apart counts: the story's topic ("الزلزال" in a quake story) is
        // what every figure is of.
        fn distinctive<'q>(topic: &rustc_hash::FxHashSet<&str>, q: &'q [Box<str>]) -> Vec<&'q str> {
            q.iter().map(|w| &**w).filter(|w| !topic.contains(*w)).collect()
        }
        let (qa, qb) = (
            distinctive(&self.topic, fa.attribute.qualifiers()),
            distinctive(&self.topic, fb.attribute.qualifiers()),
        );
        let covered = |q: &[&str], other: &Fact, other_q: &[&str]| {
            q.is_empty()
                || q.iter()
                    .any(|w| other_q.contains(w) || has_word(&other.sentence_words, w))
        };
        // Only two governors can differ: a figure with none says nothing about what governs it.
        let governed = |g: Option<&str>, other: &Fact| {
            g.is_none_or(|g| {
                other.attribute.governor().is_none()
                    || other.attribute.governor() == Some(g)
                    || has_word(&other.sentence_words, g)
            })
        };
        if !copied
            && !of_the_clause
            && (!governed(fa.attribute.governor(), fb) || !governed(fb.attribute.governor(), fa))
        {
            return apart("governed by different events (\"بإدانة 11\" and \"شملت 17\")");
        }
        if !copied
            && !of_the_clause
            && (!covered(&qa, fb, &qb)
                || !covered(&qb, fa, &qa)
                || (!qa.is_empty() && !qb.is_empty() && !qa.iter().any(|q| qb.contains(q))))
        {
            let words = |q: &[&str]| {
                if q.is_empty() {
                    "-".to_string()
                } else {
                    q.join(" ")
                }
            };
            return apart(
                [
                    "what they are of differs (",
                    &words(&qa),
                    " and ",
                    &words(&qb),
                    ")",
                ]
                .concat(),
            );
        }
        // "جسراً بطول 1.8 كيلومتر وطريقاً بطول 14 كيلومتراً" against "طول الجسر 1800 متر": a report
        // that gives the other's thing its own figure says this one is of something else.
        let (ra, rb) = (fa.attribute.qualifiers(), fb.attribute.qualifiers());
        let own_figure = |v: &FactView<'_>, theirs: &[Box<str>]| {
            self.views_of(v.doc).iter().any(|o| {
                !std::ptr::eq(o.fact, v.fact)
                    && o.group == v.group
                    && o.fact.attribute.qualifiers().iter().any(|q| theirs.contains(q))
            })
        };
        if !of_the_clause
            && !ra.is_empty()
            && !rb.is_empty()
            && !ra.iter().any(|q| rb.contains(q))
            && (own_figure(a, rb) || own_figure(b, ra))
        {
            return apart("its report gives the other's thing a figure of its own");
        }
        // "إصابة 30 من الممرضين" and "الممرضين الـ12 المصابين" in one article count one part of one
        // set: a part of a set the other speaks of is its rival. A part of what the other counts ("19 من
        // المصابين" in a critical state, 167 injured) or of a set it does not name is not.
        let same_set = |part: &Fact, other: &Fact| {
            let other_head = other.attribute.head.as_ref().map(|h| &*h.lemma);
            part.attribute
                .head
                .as_ref()
                .is_some_and(|h| has_word(&other.context, &h.lemma) && other_head != Some(&*h.lemma))
        };
        // Only within one article: across reports a set's word in the other clause is too weak a
        // tie ("مقتل 5 من أفراد الشرطة" and "حبس 4 أمناء شرطة").
        let one_group = a.doc == b.doc
            && if fa.scope.partitive {
                same_set(fa, fb)
            } else {
                same_set(fb, fa)
            };
        if fa.scope.partitive != fb.scope.partitive && !one_group {
            return apart("one counts a part of a set (\"من …\"), the other a total");
        }
        if !affirmed(fa.modality) || !affirmed(fb.modality) {
            return apart("one is not asserted (denied, negated or doubted)");
        }
        if fa.scope.earlier != fb.scope.earlier {
            return apart("one refers to an earlier occurrence");
        }
        if fa.scope.previous != fb.scope.previous {
            return apart("one is the value before a change (\"من 12 إلى 15\"), the other a value after it");
        }
        // Near-copied sentences that give one time of day ("عند الساعة الثانية بعد الظهر") copy
        // its words: what each report's date made of it is not two times. A running total's
        // copied template ("حتى الساعة السادسة مساء") is each day's new count, so not for those.
        let copied_clock = copied
            && !fa.attribute.evolving
            && !fb.attribute.evolving
            && matches!((a.stated, b.stated), (Some(x), Some(y)) if same_clock(x, y));
        // Another time: a figure dated apart from the other is another occurrence (or, for a
        // running total, another as-of).
        if let (Some(x), Some(y)) = (a.stated, b.stated)
            && disjoint(x, y)
            && !copied_clock
        {
            let near = gap_days(x, y) <= occurrence_gap(x, y);
            return Err((
                fa.attribute.evolving && near,
                [
                    "stated at different times (",
                    a.stated_text(),
                    " and ",
                    b.stated_text(),
                    ")",
                ]
                .concat()
                .into(),
            ));
        }
        if let Some((dated, p)) = dated_long_before(a, b) {
            return apart(
                [
                    "one is dated ",
                    dated.stated_text(),
                    " and the other report is of ",
                    &day_text(p),
                    ": another occurrence",
                ]
                .concat(),
            );
        }
        if fa.attribute.evolving
            && let (Some(x), Some(y)) = (a.as_of, b.as_of)
            && disjoint(x, y)
        {
            return Err((
                true,
                [
                    "a running total as of different times (",
                    a.as_of_text(),
                    " and ",
                    b.as_of_text(),
                    ")",
                ]
                .concat()
                .into(),
            ));
        }
        if fa.attribute.evolving && a.as_of.is_none() != b.as_of.is_none() {
            return apart("a running total, and one report has no date to set it against");
        }
        // A figure of a class the data names (a toll, revenue) is about the story's main event
        // unless something above sets it apart; other attributes (and lengths and ages, said of
        // many things) need their clauses to be about the same thing.
        let (share, own_a, own_b) = self.alignment(a, b);
        // Two figures of one distinctive thing ("جسراً بطول" and "للجسر الذي يبلغ طوله") need no
        // more agreement from their clauses.
        // So do two figures whose attribute is the story's topic itself ("بتبديد 430 مليون" in an
        // embezzlement story): they are of its main event unless something above set them apart.
        // A report that gives two such figures (eight years for one defendant, five for another)
        // says they are of different things, so each must be alone in its report.
        let topical = |v: &FactView<'_>| {
            v.alone_in_report
                && v.fact
                    .attribute
                    .head
                    .as_ref()
                    .is_some_and(|h| self.topic.contains(&*h.lemma))
        };
        // A moment shared, even the story's own event, says when two lengths start, not what
        // they time.
        let same_thing = !of_the_clause
            && (fa
                .attribute
                .qualifiers()
                .iter()
                .any(|q| fb.attribute.qualifiers().contains(q))
                || (topical(a) && topical(b)));
        if copied && !of_the_clause {
            return Ok(());
        }
        // How long after a moment is of the event its clause names: two such lengths need their
        // clauses to share it, however few words of their own they have.
        if fa.attribute.of_something
            && !same_thing
            && share < ALIGNED_SHARE
            && (of_the_clause || own_a > 2.0 && own_b > 2.0)
        {
            return apart(format!(
                "their clauses are about different things (share {share:.2})"
            ));
        }
        // One article giving one figure twice: two body sentences must be restatements of one
        // another (a headline is a restatement of the body by nature).
        if a.doc == b.doc
            && fa.location == ClaimLocation::Body
            && fb.location == ClaimLocation::Body
            && share < RESTATED_SHARE
        {
            return apart(format!(
                "two sentences of one article about different things (share {share:.2})"
            ));
        }
        if fa.attribute.key.is_none() && share < 0.7 {
            return apart(format!(
                "nothing says what is measured and the clauses differ (share {share:.2})"
            ));
        }
        Ok(())
    }

    /// Two places, one of each fact, that the gazetteer knows and that lie apart (neither inside
    /// the other), when each fact names only places apart from the other's.
    fn places_apart<'f>(&self, a: &'f Fact, b: &'f Fact) -> Option<(&'f str, &'f str)> {
        // Walked where they are, not listed: most facts name none.
        fn listed(f: &Fact) -> impl Iterator<Item = &EntityId> {
            f.subject
                .places
                .iter()
                .filter_map(EntityKey::entity)
                .filter(|p| p.is_listed())
        }
        let (first_a, first_b) = (listed(a).next()?, listed(b).next()?);
        let related = |x: &EntityId, y: &EntityId| {
            // Read in place: a place's chain is itself and those it lies in.
            let in_chain =
                |p: &EntityId, q: &EntityId| self.enclosing.get(p).map_or(p == q, |c| c.contains(q));
            in_chain(x, y) || in_chain(y, x)
        };
        if listed(a).any(|x| listed(b).any(|y| related(x, y))) {
            return None;
        }
        Some((first_a.as_str(), first_b.as_str()))
    }
}

/// Why two facts with one attribute are not compared.
pub(crate) struct Apart {
    /// True when the only thing between them is time: a running total at two times.
    pub as_of: bool,
    /// The reason, in words.
    pub reason: Cow<'static, str>,
}

/// True when two stated times are one time of day, shorter than a day, on whatever days.
fn same_clock(x: Period, y: Period) -> bool {
    let length = |p: Period| p.end - p.start;
    length(x) == length(y) && length(x) < chrono::Duration::days(1) && x.start.time() == y.start.time()
}

pub(super) fn affirmed(modality: Modality) -> bool {
    matches!(
        modality,
        Modality::Asserted | Modality::Reported | Modality::Planned
    )
}

/// How much two clauses (sorted word ids) share: the shared weight over the smaller clause's
/// weight (0 when it weighs nothing), how many words they share, and how many of those are not
/// `story_wide` (counted as the words are met, not listed: most pairs are only measured).
pub(super) fn clause_overlap(
    a: &[u32],
    b: &[u32],
    weight: impl Fn(u32) -> f64,
    story_wide: impl Fn(u32) -> bool,
) -> (f64, usize, usize) {
    let total = |words: &[u32]| words.iter().map(|&w| weight(w)).sum::<f64>();
    let smaller = total(a).min(total(b));
    let share = if smaller > 0.0 {
        shared_words(a, b).map(&weight).sum::<f64>() / smaller
    } else {
        0.0
    };
    let (mut shared, mut distinctive) = (0, 0);
    for w in shared_words(a, b) {
        shared += 1;
        distinctive += usize::from(!story_wide(w));
    }
    (share, shared, distinctive)
}

/// The words of sorted `a` that sorted `b` has too, in order.
pub(super) fn shared_words<'w>(a: &'w [u32], b: &'w [u32]) -> impl Iterator<Item = u32> + 'w {
    a.iter().copied().filter(|w| b.binary_search(w).is_ok())
}

/// What judging one pair of facts came to.
#[derive(Clone)]
pub(super) struct Verdict {
    pub(super) outcome: Outcome,
    pub(super) reason: Cow<'static, str>,
    /// For an update, the earlier fact of the pair judged.
    pub(super) earlier: Option<usize>,
}

impl Verdict {
    pub(super) fn apart(reason: Cow<'static, str>) -> Verdict {
        Verdict {
            outcome: Outcome::NotCompared,
            reason,
            earlier: None,
        }
    }

    pub(super) fn compared(agree: bool, reason: Cow<'static, str>) -> Verdict {
        Verdict {
            outcome: if agree { Outcome::Agree } else { Outcome::Conflict },
            reason,
            earlier: None,
        }
    }

    pub(super) fn update(earlier: usize, reason: Cow<'static, str>) -> Verdict {
        Verdict {
            outcome: Outcome::Update,
            reason,
            earlier: Some(earlier),
        }
    }
}
