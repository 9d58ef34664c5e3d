//! One claim from the readings of a trigger: roles, time, count, ordinal, attribution and
//! modality put together.

use super::agents::{role_filler, source_of};
use super::attribution::{Frame, Outer};
use super::lexicon::{Lexicon, What};
use super::modality::{cue_before, negated, planned};
use super::values::{pick_count, pick_ordinal, pick_time};
use super::view::View;
use super::words::ClaimWords;
use super::{
    Claim, ClaimLocation, ClauseCues, DocContext, EventProperties, Modality, Read, Role, Source, TimeBasis,
};
use crate::mentions::MentionValue;
use isnad_parser::Span;
use std::sync::Arc;

/// The claim of trigger reading `reads[index]`: its roles, time, count and ordinal from the
/// clause, its attribution from the frames around it, its modality from the clause's cues.
pub(super) fn build_claim(
    ctx: &DocContext,
    view: &View,
    reads: &[Read],
    index: usize,
    frames: &[Frame],
    outers: &[Outer],
    location: ClaimLocation,
) -> Claim {
    let lx = Lexicon::get();
    let read = &reads[index];
    let t = &read.trig;
    let entry = &lx.events[t.entry];
    let mut roles = read.roles.clone();
    let clause = read.clause;

    // Denial and accusation govern the events after them in their clause.
    let governing = |what: What| {
        view.cues
            .iter()
            .filter(|c| c.hit.what == what && c.tok < t.tok && c.tok >= clause.0)
            .map(|c| c.tok)
            .next_back()
    };
    let own_kind = entry.kind.as_str();
    let denial = if own_kind == "denial" {
        None
    } else {
        governing(What::Denial)
    };
    let accusation = if own_kind == "accusation" || own_kind == "denial" {
        None
    } else {
        governing(What::Accusation)
    };
    let read_at = |tok: usize| reads.iter().find(|r| r.trig.tok == tok);

    let mut chain: Vec<Source> = Vec::new();
    if let Some(d) = denial
        && let Some(agent) = read_at(d).and_then(|r| r.roles.get(&Role::Agent))
    {
        chain.push(source_of(view, agent));
    }
    if let Some(a) = accusation
        && let Some(acc) = read_at(a)
    {
        if let Some(agent) = acc.roles.get(&Role::Agent) {
            chain.push(source_of(view, agent));
        }
        // "تتهم X Y بإرسال …": Y is the one accused of doing it.
        if !roles.contains_key(&Role::Agent)
            && let Some(accused) = acc.roles.get(&Role::Patient).filter(|p| p.kind.is_some())
        {
            roles.insert(Role::Agent, accused.clone());
        }
    }
    let mut governing_frames: Vec<&Frame> = frames
        .iter()
        .filter(|f| f.tok != t.tok && f.from <= t.tok && t.tok < f.to)
        .collect();
    governing_frames.sort_by_key(|f| std::cmp::Reverse(f.tok));
    for frame in governing_frames {
        chain.extend(frame.inner.iter().cloned());
        chain.extend(frame.source.iter().cloned());
    }
    for outer in outers {
        chain.extend(outer.source.iter().cloned());
    }
    // The same source twice in a row (a frame read two ways) is one link.
    chain.dedup_by(|b, a| a.span == b.span && a.name == b.name);
    let cited = !chain.is_empty();

    let theme = roles
        .get(&Role::Theme)
        .or_else(|| roles.get(&Role::Patient))
        .cloned();
    let (time, saying_dated) = pick_time(ctx, view, t, clause, reads);
    let (time, time_basis) = match time {
        Some(m) => (Some(Arc::new(m.clone())), TimeBasis::Stated),
        None => match &ctx.publication {
            Some(p) => (Some(Arc::clone(p)), TimeBasis::Publication),
            None => (None, TimeBasis::Unknown),
        },
    };
    let (count, count_part) = match pick_count(view, t, theme.as_ref(), clause) {
        Some((m, part)) => (Some(m.clone()), part),
        None => (None, false),
    };
    // An incident's theme is who it struck: "طفل ثانٍ" is which victim, not which occurrence.
    let ordinal_theme = theme.as_ref().filter(|_| !entry.properties.incident);
    let ordinal = pick_ordinal(view, t, ordinal_theme, clause, reads).cloned();
    let quantity = view
        .mentions
        .iter()
        .filter(|m| matches!(&m.value, MentionValue::Quantity(q) if q.unit != "year_of_age"))
        .filter(|m| in_clause(view, m.span, clause))
        .min_by_key(|m| distance(m.span, t.span))
        .map(|m| (*m).clone());

    let modality = if denial.is_some() {
        Modality::Denied
    } else if accusation.is_some() {
        Modality::Accused
    } else if cue_before(view, What::Unconfirmed, t, clause) {
        Modality::Unconfirmed
    } else if negated(view, t) {
        Modality::Negated
    } else if cue_before(view, What::Hedge, t, clause) {
        Modality::Hedged
    } else if planned(ctx, view, read, time_basis, time.as_deref()) {
        Modality::Planned
    } else if cited {
        Modality::Reported
    } else {
        Modality::Asserted
    };

    let span = view.tok_span(clause.0, clause.1.saturating_sub(1)).cover(t.span);
    let mut cues = view
        .clause_cues()
        .iter()
        .filter(|(at, _)| span.contains(*at))
        .fold(ClauseCues::default(), |all, (_, c)| all.union(*c));
    cues.reported = saying_dated;
    cues.tally = Lexicon::get().is_tally(view.key(t.tok).get(t.prefix.len()..).unwrap_or(""));
    Claim {
        id: String::new(),
        doc: ctx.document.id.clone(),
        span,
        text: Arc::from(view.text(span)),
        trigger: t.span,
        event: entry.kind.clone(),
        properties: entry.properties,
        cues,
        roles: roles
            .iter()
            .map(|(role, f)| (*role, role_filler(view, f)))
            .collect(),
        time,
        time_basis,
        count: count.map(Arc::new),
        count_part,
        ordinal: ordinal.map(Arc::new),
        quantity: quantity.map(Arc::new),
        attribution: ctx.chain(chain),
        modality,
        location,
        words: ClaimWords::default(),
    }
}

/// What the trigger lexicon declares of an event type (nothing for a type it does not know): for
/// claims built by hand, as tests and tools do.
pub fn event_properties(event: &str) -> EventProperties {
    Lexicon::get()
        .events
        .iter()
        .find(|e| e.kind == event)
        .map(|e| e.properties)
        .unwrap_or_default()
}

pub(super) fn in_clause(view: &View, span: Span, clause: (usize, usize)) -> bool {
    let whole = view.tok_span(clause.0, clause.1.saturating_sub(1));
    whole.contains(span)
}

pub(super) fn distance(a: Span, b: Span) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}
