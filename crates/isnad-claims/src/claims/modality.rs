//! What a clause signals about its claim: a cue before the trigger, a negation, a plan.

use super::lexicon::{Class, Lexicon, What};
use super::roles::Trig;
use super::view::View;
use super::{DocContext, Read, TimeBasis};
use crate::mentions::Mention;

/// A cue of kind `what` before the trigger in its clause (as split, not joined: "ربما جرى
/// تهريبها، إذ تحظر …" hedges the smuggling, not the ban).
pub(super) fn cue_before(view: &View, what: What, t: &Trig, _clause: (usize, usize)) -> bool {
    let raw = view.raw_clause_of(t.tok);
    view.cues
        .iter()
        .any(|c| c.hit.what == what && c.tok >= raw.0 && c.span.end <= t.span.start)
}

/// لم، لن، ليس، لا … right before the trigger ("لم يكشفوا"، "لن يزور"، "عدم تفضيل").
pub(super) fn negated(view: &View, t: &Trig) -> bool {
    let lx = Lexicon::get();
    let neg = |i: usize| lx.is_negation(view.key(i));
    let Some(prev) = t.tok.checked_sub(1) else {
        return false;
    };
    // Back over bridges ("دون وقوع"، "لا دليل على"، "لا يوجد أي"), at most a few words.
    let mut at = prev;
    for _ in 0..MAX_NEGATION_BRIDGE_WORDS {
        if neg(at) {
            return true;
        }
        if !lx.negation_bridges.contains(view.key(at)) {
            return false;
        }
        let Some(before) = at.checked_sub(1) else {
            return false;
        };
        at = before;
    }
    neg(at)
}

/// Most words a negation reaches the event across ("لا يوجد أي دليل على").
const MAX_NEGATION_BRIDGE_WORDS: usize = 3;

/// Future or plan: a س on the verb or its light verb, a plan word before it, or a stated time
/// after the publication date.
pub(super) fn planned(
    ctx: &DocContext,
    view: &View,
    read: &Read,
    basis: TimeBasis,
    time: Option<&Mention>,
) -> bool {
    let t = &read.trig;
    let future_prefix = |p: &str| p.contains('س') && !p.contains('ب');
    if t.class == Class::Verb && future_prefix(t.prefix) {
        return true;
    }
    if let Some(lv) = read.light
        && view
            .cues
            .iter()
            .any(|c| c.tok == lv && c.hit.what == What::LightVerb && future_prefix(c.hit.prefix))
    {
        return true;
    }
    if cue_before(view, What::Future, t, read.clause) {
        return true;
    }
    // A past verb is past, whatever a bare month resolved to.
    let past_verb = t.class == Class::Verb && !view.cues.iter().any(|c| c.tok == t.tok && c.hit.imperfect);
    if basis == TimeBasis::Stated
        && !past_verb
        && let (Some(reference), Some(start)) = (
            ctx.document.reference_date(),
            time.and_then(|m| m.value.time()).and_then(|v| v.start),
        )
    {
        return start.date() > reference;
    }
    false
}
