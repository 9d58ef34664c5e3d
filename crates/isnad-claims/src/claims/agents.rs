//! Who takes part in a claim beyond the trigger's own slots: a host place, a light verb's subject,
//! a chair, a verbal noun's agent, and fillers turned into roles and sources.

use super::attribution::kind_of;
use super::lexicon::{Class, Lexicon, What};
use super::roles::{Filler, Trig};
use super::view::View;
use super::{Role, RoleFiller, Source};
use crate::entities::EntityType;
use std::collections::BTreeMap;

/// The place named by a relative clause after the trigger's phrase: "اجتماعات اللجنة التي
/// احتضنتها مدينة العقبة" (the meetings that the city of Aqaba hosted).
pub(super) fn hosted_in(view: &View, t: &Trig) -> Option<Filler> {
    let lx = Lexicon::get();
    let end = view.toks.len().min(t.last_tok + 12);
    let rel = (t.last_tok + 1..end)
        .find(|&i| crate::grammar::grammar().is_relative_pronoun(crate::grammar::without_wa(view.key(i))))?;
    if !lx.host_verbs.contains(view.key(rel + 1)) {
        return None;
    }
    // The place, perhaps after a head noun ("مدينة").
    (rel + 2..(rel + 5).min(view.toks.len()))
        .find_map(|j| view.group_of[j])
        .map(|g| &view.groups[g])
        .filter(|g| matches!(g.kind, EntityType::Place | EntityType::Country))
        .map(Filler::of)
}

/// A light verb before a verbal noun in its clause ("يقوم بزيارة", "ستبدأ تصنيع").
pub(super) fn light_verb(view: &View, t: &Trig, clause: (usize, usize)) -> Option<usize> {
    if t.class != Class::Noun {
        return None;
    }
    view.cues
        .iter()
        .filter(|c| c.hit.what == What::LightVerb && c.tok < t.tok && c.tok >= clause.0 && t.tok - c.tok <= 8)
        .map(|c| c.tok)
        .next_back()
}

/// Who presides over an event whose noun names its own agent: the subject of a chairing light
/// verb before it ("ترأس X، صباح اليوم، اجتماعات اللجنة": the committee meets, X chairs), with no
/// other trigger between them, when it is someone else than the agent.
pub(super) fn chair_of(view: &View, t: &Trig, roles: &BTreeMap<Role, Filler>) -> Option<Filler> {
    if t.class != Class::Noun {
        return None;
    }
    let agent = roles.get(&Role::Agent)?;
    let lexicon = Lexicon::get();
    let verb = view
        .cues
        .iter()
        .rfind(|c| c.tok < t.tok && matches!(c.hit.what, What::LightVerb | What::Trigger(_)))
        .filter(|c| c.hit.what == What::LightVerb)?;
    let form = isnad_parser::fold_key(view.text(verb.span));
    let form = form.strip_suffix(verb.hit.suffix).unwrap_or(&form);
    if !lexicon.chairing_verbs.contains(form) {
        return None;
    }
    let subject = subject_after(view, verb.tok, t.tok)?;
    (subject.span != agent.span).then_some(subject)
}

/// The subject a light verb at token `verb` names before the noun at token `noun`: the first
/// entity after the verb that no preposition introduces.
pub(super) fn subject_after(view: &View, verb: usize, noun: usize) -> Option<Filler> {
    super::roles::slots_after(view, verb + 1, noun)
        .into_iter()
        .find(|s| s.prep.is_none() && s.filler.kind.is_some())
        .map(|s| s.filler)
}

/// The agent of a verbal noun without a genitive: the subject of its light verb, or the person a
/// possessive suffix points back to ("زيارته": the nearest person before it).
pub(super) fn noun_agent(
    view: &View,
    t: &Trig,
    clause: (usize, usize),
    light: Option<usize>,
) -> Option<Filler> {
    if let Some(lv) = light {
        if let Some(subject) = subject_after(view, lv, t.tok) {
            return Some(subject);
        }
        return super::roles::subject_before(view, lv, clause.0);
    }
    // "زيارة له": the pronoun after ل right after the noun is its possessor too.
    let next = view.key(t.last_tok + 1);
    let suffix = if t.suffix.is_empty() {
        next.strip_prefix('ل')
            .filter(|p| matches!(*p, "ه" | "ها" | "هم" | "هما"))
            .unwrap_or("")
    } else {
        t.suffix
    };
    let wanted: &[EntityType] = match suffix {
        "ه" | "هم" | "هما" => &[EntityType::Person],
        "ها" => &[EntityType::Country, EntityType::Organization],
        _ => return None,
    };
    // "فوزه": with no person before it, a masculine pronoun may stand for a team or a company.
    let fallback: &[EntityType] = if suffix == "ه" {
        &[EntityType::Organization]
    } else {
        &[]
    };
    let before = |kinds: &[EntityType]| {
        view.groups
            .iter()
            .rev()
            .find(|g| g.last < t.tok && kinds.contains(&g.kind))
    };
    before(wanted).or_else(|| before(fallback)).map(Filler::of)
}

pub(super) fn role_filler(view: &View, f: &Filler) -> RoleFiller {
    RoleFiller {
        entity: f.entity.clone(),
        text: view.text(f.span).to_string(),
        span: f.span,
    }
}

pub(super) fn source_of(view: &View, f: &Filler) -> Source {
    Source {
        name: view.text(f.span).to_string(),
        entity: f.entity.clone(),
        kind: kind_of(f.kind),
        span: Some(f.span),
    }
}
