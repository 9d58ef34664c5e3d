//! **polarity_conflict** — one article states that something happened, another that it did not.
//!
//! Why it matters: half of what editors check is a yes or a no (were there casualties, did they
//! sign); two reports that answer it both ways cannot both be printed as fact.
//! Example: «سقوط قتلى وجرحى في غرق العبارة قرب الميناء» in one article and «غرق العبارة قرب
//! الميناء دون وقوع إصابات» in another.
//! Judged: a claim negated in an article's own voice against an affirmed claim (asserted or
//! reported, not a speech act) of the same kind of event in another article, about the same
//! happening (the same participants and something specific in common, or two specific things in
//! common). When the negation, or every assertion, is said by a cited source rather than stated
//! by the outlet, it is a dispute between sources, reported as `contested` (a tension naming who
//! asserts and who negates); an outlet stating it as fact against one negating it as fact stays a
//! contradiction whoever else is cited beside them. One finding per negated claim, citing every
//! assertion it meets.
//! Not flagged: a negation about another time or an earlier occurrence, a planned or doubted
//! claim, an article that negates the happening too (its affirmed claim is another reading of
//! the same words), two claims of one article (see internal).
//! Statements in the articles' own voice that say a thing both ways (a headline «السوق المركزي
//! يفتح أبوابه دون إغلاق» against «البلدية تغلق السوق المركزي») are found with the denials of
//! open content (see contested) and reported under this kind.
//! Known false positives: a negation of a narrower claim than the assertion (no deaths among the
//! crew, deaths among the passengers).

use super::contested::{cited_speaker, dispute_kind, dispute_sides, family, speaker, speakers};
use super::finding;
use crate::finding::{Finding, Governments};
use crate::view::{ClaimView, Context};
use isnad_claims::claims::Modality;
use rustc_hash::FxHashMap;

/// True when a claim states that its event happened (or happens).
fn states_it(view: &ClaimView<'_>) -> bool {
    matches!(view.claim.modality, Modality::Asserted | Modality::Reported) && !view.claim.properties.speech
}

/// True when two claims can be of the same occurrence: neither refers back to an earlier one,
/// and their days (stated, or the report's) overlap.
fn same_occasion(a: &ClaimView<'_>, b: &ClaimView<'_>) -> bool {
    if a.refers_to_earlier || b.refers_to_earlier {
        return false;
    }
    match (a.occasion_days(), b.occasion_days()) {
        (Some((a0, a1)), Some((b0, b1))) => a0 <= b1 && b0 <= a1,
        _ => true,
    }
}

/// True when document `doc` negates the same happening as `negated` too: its affirmed claim is
/// another claim read in the same words («يحض على عدم انتخاب الفاسدين في الانتخابات»).
fn negates_too(context: &Context<'_>, doc: usize, negated: &ClaimView<'_>) -> bool {
    context.of_doc(doc).iter().any(|v| {
        v.claim.modality == Modality::Negated
            && family(&v.claim.event) == family(&negated.claim.event)
            && v.same_happening(negated)
    })
}

/// One finding per negated claim that meets an affirmed claim of the same happening elsewhere.
pub(crate) fn check(context: &Context<'_>, governments: &Governments) -> Vec<Finding> {
    let mut findings = Vec::new();
    // Each family's affirmed claims, in claim order: a negation is judged against its family only.
    let mut by_family: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for event in context.event_types() {
        by_family.entry(family(event)).or_default().extend(
            context
                .of_event(event)
                .filter(|(_, v)| states_it(v))
                .map(|(i, _)| i),
        );
    }
    for list in by_family.values_mut() {
        list.sort_unstable();
    }
    // Negations that read alike (the same family, words, names, participants and days: copies
    // of one text) meet the same assertions: each reading is compared with the story once, and
    // each negation then keeps those from documents other than its own.
    type Reading<'r> = (
        &'r str,
        &'r isnad_claims::claims::WordSet,
        &'r isnad_claims::claims::WordSet,
        &'r [isnad_claims::entities::EntityKey],
        Option<(chrono::NaiveDate, chrono::NaiveDate)>,
        bool,
    );
    // A reading's assertions, and whether each document met negates the same happening too.
    type Met = (Vec<usize>, FxHashMap<usize, bool>);
    let mut met: FxHashMap<Reading<'_>, Met> = FxHashMap::default();
    for negated in context
        .claims
        .iter()
        .filter(|v| v.claim.modality == Modality::Negated)
    {
        let reading: Reading<'_> = (
            family(&negated.claim.event),
            negated.words(),
            &negated.claim.words.names,
            &negated.actor_set,
            negated.occasion_days(),
            negated.refers_to_earlier,
        );
        let (candidates, negating) = met.entry(reading).or_insert_with(|| {
            let candidates = by_family
                .get(family(&negated.claim.event))
                .map_or(&[][..], Vec::as_slice)
                .iter()
                .copied()
                .filter(|&i| {
                    let v = &context.claims[i];
                    v.same_happening(negated) && same_occasion(v, negated)
                })
                .collect();
            (candidates, FxHashMap::default())
        });
        let assertions: Vec<&ClaimView<'_>> = candidates
            .iter()
            .map(|&i| &context.claims[i])
            .filter(|v| {
                v.doc != negated.doc
                    && !*negating
                        .entry(v.doc)
                        .or_insert_with(|| negates_too(context, v.doc, negated))
            })
            .collect();
        if assertions.is_empty() {
            continue;
        }
        // One outlet stating it as fact against another negating it as fact is a contradiction,
        // whoever else is cited beside them.
        let cited = cited_speaker(negated).is_some() || assertions.iter().all(|a| cited_speaker(a).is_some());
        let (kind, severity) = dispute_kind(cited);
        let message = format!(
            "{}: stated by {}, negated by {}",
            negated.claim.event,
            speakers(context, governments, &assertions),
            speaker(context, negated)
        );
        let sides = dispute_sides(context, &assertions, negated, "negated");
        findings.push(finding(kind, severity, message, sides));
    }
    findings
}
