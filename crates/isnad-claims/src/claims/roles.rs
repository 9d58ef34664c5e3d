//! Roles from Arabic word order and prepositions: verb–agent–recipient–theme, subject-first,
//! the genitive of a verbal noun, and prepositional phrases.

use super::Role;
use super::lexicon::{Class, EventEntry, Lexicon, Sets, What};
use super::view::{Group, View};
use crate::entities::{EntityId, EntityType};
use isnad_parser::{Span, TokenKind};
use std::collections::BTreeMap;

/// A participant or thing read from the text.
#[derive(Debug, Clone)]
pub(crate) struct Filler {
    /// Original span.
    pub span: Span,
    /// Entity id, when a group.
    pub entity: Option<EntityId>,
    /// Entity kind, when a group.
    pub kind: Option<EntityType>,
    /// First token.
    pub first: usize,
    /// Last token.
    pub last: usize,
}

impl Filler {
    /// The filler an entity group names, as a whole.
    pub(crate) fn of(group: &Group) -> Filler {
        Filler {
            span: group.span,
            entity: group.entity.clone(),
            kind: Some(group.kind),
            first: group.first,
            last: group.last,
        }
    }
}

/// An argument after a predicate: a bare or prepositional noun phrase.
#[derive(Debug, Clone)]
pub(crate) struct Slot {
    /// Folded preposition, when prepositional.
    pub prep: Option<String>,
    /// The noun phrase.
    pub filler: Filler,
    /// True for the phrase right after the predicate (a noun's genitive).
    pub adjacent: bool,
    /// True when the phrase starts with an office ("وزير الدفاع …").
    pub title: bool,
}

/// A trigger occurrence being read.
#[derive(Debug, Clone)]
pub(crate) struct Trig {
    /// Index into the lexicon's events.
    pub entry: usize,
    /// First token.
    pub tok: usize,
    /// Last token.
    pub last_tok: usize,
    /// Original span of the trigger word(s).
    pub span: Span,
    /// Word class.
    pub class: Class,
    /// Folded proclitics.
    pub prefix: &'static str,
    /// Folded pronoun suffix.
    pub suffix: &'static str,
}

fn is_place(kind: Option<EntityType>) -> bool {
    matches!(
        kind,
        Some(EntityType::Place | EntityType::Country | EntityType::Organization)
    )
}

/// True when a filler may play `role`: places want place-like entities, participants want
/// entities, a theme wants a thing (or a product).
fn accepts(role: Role, filler: &Filler) -> bool {
    match role {
        Role::Place | Role::Destination | Role::Origin => is_place(filler.kind),
        Role::Agent | Role::Recipient => filler.kind.is_some_and(|k| k != EntityType::Product),
        // A city is where people meet, not whom they meet ("اجتمعوا بعمّان").
        Role::Participant => filler
            .kind
            .is_some_and(|k| !matches!(k, EntityType::Product | EntityType::Place)),
        Role::Theme | Role::Vehicle => filler.kind.is_none_or(|k| k == EntityType::Product),
        Role::Behalf | Role::Chair | Role::Patient => true,
    }
}

/// Reads the arguments after token `from` up to the clause end: entity groups and noun phrases,
/// each with the preposition in front of it.
pub(crate) fn slots_after(view: &View, from: usize, end: usize) -> Vec<Slot> {
    let lx = Lexicon::get();
    let end = end.min(view.toks.len());
    let mut out: Vec<Slot> = Vec::new();
    let mut prep: Option<String> = None;
    let mut adjacent = true;
    let mut i = from;
    let starts_trigger = |i: usize| {
        view.cues
            .iter()
            .any(|c| c.tok == i && matches!(c.hit.what, What::Trigger(_) | What::Reporting))
    };
    while i < end && out.len() < 6 {
        let key = view.key(i);
        if view.is_punct(i) {
            if matches!(key, "(" | ")" | "/" | "-") {
                i += 1;
                adjacent = false;
                continue;
            }
            // "رئيس الهيئة، المهندس شريف عبد المنعم، …": a name in apposition to an unnamed
            // office is who the office is.
            if key == "،"
                && out.len() == 1
                && out[0].prep.is_none()
                && out[0].filler.kind != Some(EntityType::Person)
                && let Some(g) = (i + 1..(i + 4).min(end)).find_map(|j| view.group_of[j])
                && view.groups[g].kind == EntityType::Person
                && (i + 1..view.groups[g].first).all(|j| !view.is_punct(j) && view.group_of[j].is_none())
                && (view.is_punct(view.groups[g].last + 1) || view.groups[g].last + 1 >= end)
            {
                let group = &view.groups[g];
                let slot = &mut out[0];
                slot.filler.span = slot.filler.span.cover(group.span);
                slot.filler.entity = group.entity.clone();
                slot.filler.kind = Some(EntityType::Person);
                slot.filler.last = group.last;
                i = group.last + 1;
                if view.key(i) == "،" {
                    i += 1;
                }
                continue;
            }
            break;
        }
        if view.is_time_token(i) {
            i += 1;
            adjacent = false;
            continue;
        }
        if i > from && starts_trigger(i) {
            break;
        }
        if key == "كل" && view.key(i + 1) == "من" {
            i += 2;
            continue;
        }
        if view.is(i, Sets::ADVERB) {
            i += 1;
            continue;
        }
        if key == "علي" && view.key(i + 1) == "متن" {
            prep = Some("علي متن".to_string());
            i += 2;
            adjacent = false;
            continue;
        }
        if view.is(i, Sets::PREPOSITION) {
            prep = Some(key.to_string());
            i += 1;
            adjacent = false;
            continue;
        }
        if view.is(i, Sets::STOP | Sets::COMPLEMENTIZER) {
            break;
        }
        let clitic = view.clitic_prep(i);
        if let Some(g) = view.group_of[i] {
            let group = &view.groups[g];
            // "الرئيس" + "جواو سيلفا", "وزير الدفاع" + "البرازيلي" + "ماركو ألفيشو": an office
            // before a name is part of the name.
            // "الديوان الوطني ومجمع كاراداغ": a group after و is a second party, not the name.
            let conjoined = group.start_in_token > 0
                && view
                    .toks
                    .get(group.first)
                    .is_some_and(|t| view.text(t.span()).starts_with('و'));
            // "عن الجانب التونسي": a nationality adjective after a noun modifies it.
            let text = view.text(group.span);
            let adjective = group.kind == EntityType::Country
                && text.starts_with("ال")
                && (text.ends_with('ي') || text.ends_with("ية"));
            if clitic.is_none()
                && adjective
                && let Some(prev) = out.last_mut()
                && prev.filler.last + 1 == group.first
                && prev.filler.kind.is_none()
            {
                prev.filler.span = prev.filler.span.cover(group.span);
                prev.filler.last = group.last;
                // "الجانب التونسي" is Tunisia's side: the country identifies it, though the
                // phrase is not the country itself (its kind stays unknown).
                prev.filler.entity = prev.filler.entity.take().or_else(|| group.entity.clone());
                i = group.last + 1;
                continue;
            }
            if clitic.is_none()
                && !conjoined
                && let Some(prev) = out.last_mut()
                && prev.filler.last + 1 == group.first
                && (prev.filler.kind.is_none()
                    && (listed(&lx.person_heads, view.key(prev.filler.first))
                        || listed(&lx.institution_heads, view.key(prev.filler.first)))
                    || prev.filler.kind.is_some_and(|k| k != EntityType::Person)
                        && group.kind == EntityType::Person
                        && prev.filler.kind != Some(EntityType::Product)
                        && prev.title)
            {
                prev.filler.span = prev.filler.span.cover(group.span);
                prev.filler.last = group.last;
                if prev.filler.kind.is_none() || group.kind == EntityType::Person {
                    prev.filler.entity = group.entity.clone();
                    prev.filler.kind = Some(group.kind);
                }
                prev.title = true;
                i = group.last + 1;
                continue;
            }
            let (p, start) = match clitic {
                Some((p, at)) => (Some(p.to_string()), at.max(group.span.start)),
                None => (prep.take(), group.span.start),
            };
            out.push(Slot {
                prep: p,
                filler: Filler {
                    span: Span::new(start, group.span.end),
                    entity: group.entity.clone(),
                    kind: Some(group.kind),
                    first: group.first,
                    last: group.last,
                },
                adjacent,
                title: false,
            });
            prep = None;
            adjacent = false;
            i = group.last + 1;
            continue;
        }
        // "X وشركاؤهما": a thing coordinated with the group before it belongs to that group;
        // "المتحدث باسم وزارة الصحة والسكان": so does a noun coordinated inside an office's name.
        if conjoined_at(view, i)
            && prep.is_none()
            && let Some(prev) = out.last_mut()
            && prev.filler.last + 1 == i
            && (prev.filler.kind.is_some()
                || (key.starts_with("وال")
                    && (listed(&lx.person_heads, view.key(prev.filler.first))
                        || listed(&lx.institution_heads, view.key(prev.filler.first)))))
        {
            if prev.filler.kind.is_none() {
                prev.filler.span = prev.filler.span.cover(view.toks[i].span());
                prev.filler.last = i;
            }
            i += 1;
            continue;
        }
        let (p, start) = match clitic {
            Some((p, at)) => (Some(p.to_string()), at),
            None => (prep.take(), view.toks[i].span().start),
        };
        let mut last = i;
        let mut j = i + 1;
        while j < end && j - i < 5 {
            let k = view.key(j);
            // "أكثر من 9000 حاوية": a number phrase is read whole.
            let same_amount = view.mention_of[j].is_some()
                && view.mention_of[j] == view.mention_of[j - 1]
                && !view.is_time_token(j);
            let stop = !same_amount
                && (view.is_punct(j)
                || view.group_of[j].is_some()
                || view.is(j, Sets::PREPOSITION | Sets::STOP | Sets::COMPLEMENTIZER)
                || starts_trigger(j)
                || conjoined_at(view, j)
                // "ووقّع العقد المدير X", "… مديره العام X": an office starts the next phrase.
                || view.is(j, Sets::PERSON_HEAD)
                || ends_definite_phrase(view, j, i)
                || (j > i
                    && ["ه", "ها"]
                        .iter()
                        .any(|p| k.strip_suffix(p).is_some_and(|r| lx.person_heads.contains(r))))
                // "الديوان الوطني ومجمع كاراداغ": و + an institution or office starts a second party.
                || k.strip_prefix('و').is_some_and(|r| {
                    lx.institution_heads.contains(r) || lx.person_heads.contains(r)
                })
                // "لاستخدامه": ل + a verbal noun starts a purpose phrase.
                || (k.starts_with("لا") && k.chars().count() > 4)
                // "المكتب الوطني للكهرباء": an institution's name goes on through لل.
                || (view.clitic_prep(j).is_some()
                    && !(k.starts_with("لل") && listed(&lx.institution_heads, view.key(i))))
                || view.is_when_token(j));
            if stop {
                break;
            }
            last = j;
            j += 1;
        }
        // "المتحدث الرسمي باسم" + "وزارة الصحة والسكان": what an office speaks for is part of it.
        if p.is_none()
            && let Some(prev) = out.last_mut()
            && prev.filler.last + 1 == i
            && view.key(prev.filler.last) == "باسم"
        {
            // "… وزارة الصحة والسكان": a coordinated noun belongs to it too.
            while last + 1 < end && view.group_of[last + 1].is_none() && conjoined_at(view, last + 1) {
                last += 1;
            }
            prev.filler.span = prev
                .filler
                .span
                .cover(Span::new(start, view.toks[last].span().end.max(start)));
            prev.filler.last = last;
            i = last + 1;
            continue;
        }
        let span = Span::new(start, view.toks[last].span().end.max(start));
        out.push(Slot {
            prep: p,
            filler: Filler {
                span,
                entity: None,
                kind: None,
                first: i,
                last,
            },
            adjacent,
            title: false,
        });
        prep = None;
        adjacent = false;
        i = last + 1;
    }
    out
}

/// True when token `j` cannot continue the phrase headed at `head`: the word before it has the
/// article and it has none. A definite noun closes its construct phrase, and its adjectives take
/// the article too ("نفت البلدية افتتاح المكتبة": «افتتاح» starts what is denied). After an
/// office that names a person an unknown name may follow ("الوزير سامي الحداد").
pub(crate) fn ends_definite_phrase(view: &View, j: usize, head: usize) -> bool {
    let lx = Lexicon::get();
    let definite = |k: &str| k.starts_with("ال");
    j > head
        && view.toks[j].kind == TokenKind::Arabic
        && view.mention_of[j].is_none()
        && definite(view.key(j - 1))
        && !definite(view.key(j))
        && !listed(&lx.person_heads, view.key(head))
        && !view.is(j, Sets::NAME_LINK)
}

/// True when `key` is in `set`, as written or without a conjunction (وزير is listed, و+زير is not).
pub(crate) fn listed(set: &crate::sketch::KeySet, key: &str) -> bool {
    set.contains(key) || key.strip_prefix(['و', 'ف']).is_some_and(|k| set.contains(k))
}

/// [`is_conjoined`] for token `i`, telling a pronoun ه from a ة the folded key lost ("وزارة").
pub(crate) fn conjoined_at(view: &View, i: usize) -> bool {
    is_conjoined(view.key(i))
        && !view
            .toks
            .get(i)
            .is_some_and(|t| view.text(t.span()).ends_with('ة'))
}

/// "والزعيم", "وشركاؤهما": و joining a definite or possessed noun (not وسام, a word of its own).
pub(crate) fn is_conjoined(key: &str) -> bool {
    let Some(rest) = key.strip_prefix('و') else {
        return false;
    };
    rest.chars().count() >= 3
        && (rest.starts_with("ال") || ["هما", "هم", "ها", "ه"].iter().any(|s| rest.ends_with(s)))
}

/// The subject written before a verb ("سامر يزور …", "أن سامر أعطى …"): the first entity group
/// between the clause start (or a complementizer) and the verb that is neither after a
/// preposition nor the genitive of a noun ("شقيقة سامر").
pub(crate) fn subject_before(view: &View, tok: usize, clause_start: usize) -> Option<Filler> {
    let lx = Lexicon::get();
    let mut start = clause_start.max(tok.saturating_sub(14));
    for i in (start..tok).rev() {
        let k = view.key(i);
        let other_verb = view.cues.iter().any(|c| {
            c.tok == i
                && c.hit.class == Class::Verb
                && matches!(c.hit.what, What::Trigger(_) | What::Reporting)
        });
        // After another verb the names are that verb's arguments ("فرضتها الأمم المتحدة …
        // ووقعتها مصر"): no subject before this one.
        if other_verb {
            return None;
        }
        if view.is(i, Sets::COMPLEMENTIZER) || crate::grammar::grammar().is_relative_pronoun(k) {
            // "سبق لسامر أن زار": the subject is the ل-phrase before "أن".
            if let Some(g) = i
                .checked_sub(1)
                .and_then(|j| view.group_of[j])
                .map(|g| &view.groups[g])
                && g.last + 1 == i
                && view.clitic_prep(g.first).is_some_and(|(p, _)| p == "ل")
                && g.first > 0
                && listed(&lx.raising_verbs, view.key(g.first - 1))
            {
                return Some(Filler::of(g));
            }
            start = i + 1;
            break;
        }
    }
    for g in &view.groups {
        if g.first < start || g.last >= tok {
            continue;
        }
        if view.clitic_prep(g.first).is_some() {
            continue;
        }
        // "لوساكا - أعلنت اللجنة …": a city before a dash is the dateline, not the subject.
        if matches!(view.key(g.last + 1), "-" | "–" | "—" | ":") {
            continue;
        }
        if g.first > start {
            let prev = g.first - 1;
            let pk = view.key(prev);
            if view.is(prev, Sets::PREPOSITION) {
                continue;
            }
            let content = view.toks[prev].kind == TokenKind::Arabic && view.group_of[prev].is_none();
            // "وكان سامر قد وصل": a function word with a conjunction is still one.
            let function = listed(&lx.stops, pk)
                || view.is(prev, Sets::ADVERB | Sets::COMPLEMENTIZER)
                || view.is_time_token(prev);
            // An indefinite noun right before a name is its head: "شقيقة سامر" is not Samer.
            if content && !function && !pk.starts_with("ال") && !pk.starts_with("وال") {
                continue;
            }
        }
        return Some(Filler::of(g));
    }
    None
}

/// Roles of a trigger from the slots after it, its subject and its genitive.
pub(crate) fn read_roles(
    view: &View,
    trig: &Trig,
    entry: &EventEntry,
    clause: (usize, usize),
) -> BTreeMap<Role, Filler> {
    let mut roles: BTreeMap<Role, Filler> = BTreeMap::new();
    let slots = slots_after(view, trig.last_tok + 1, clause.1);
    let mut order: Vec<Role> = entry.order.clone();
    let is_verb = trig.class == Class::Verb || trig.class == Class::Phrase;
    if is_verb
        && let Some(subject) = subject_before(view, trig.tok, clause.0)
        && let Some(first) = order.first().copied()
    {
        roles.insert(first, subject);
        order.remove(0);
    }
    for (n, slot) in slots.iter().enumerate() {
        if let Some(p) = &slot.prep {
            // "أمام الوداد الرياضي": after a preposition that names a participant, an unnamed
            // phrase is one too (the story pass may give it an id).
            let named_by_prep = |role: Role| role == Role::Participant && slot.filler.kind.is_none();
            if let Some(&role) = entry.preps.get(p)
                && !roles.contains_key(&role)
                && (accepts(role, &slot.filler) || named_by_prep(role))
            {
                roles.insert(role, slot.filler.clone());
            } else if p == "ب"
                && slot.filler.kind == Some(EntityType::Place)
                && entry.preps.values().any(|&r| r == Role::Place)
                && !roles.contains_key(&Role::Place)
            {
                // "في دار رئاسة الوزراء بعمّان": ب + a city is where.
                roles.insert(Role::Place, slot.filler.clone());
            }
            continue;
        }
        if !is_verb {
            // A verbal noun's genitive is the word right after it ("زيارة الوزير"، "نقل الأسلحة"),
            // unless a pronoun suffix already fills it (زيارته).
            if n == 0
                && slot.adjacent
                && trig.suffix.is_empty()
                && !trig.prefix.contains("ال")
                && !trig.prefix.ends_with("لل")
            {
                let role = entry.genitive;
                // "اجتماعات اللجنة العليا المشتركة": an institution unnamed as an entity still acts.
                let institution = role == Role::Agent
                    && slot.filler.kind.is_none()
                    && listed(&Lexicon::get().institution_heads, view.key(slot.filler.first));
                if !roles.contains_key(&role) && (accepts(role, &slot.filler) || institution) {
                    roles.insert(role, slot.filler.clone());
                    continue;
                }
            }
            continue;
        }
        let filler = &slot.filler;
        if filler.kind.is_some_and(|k| k != EntityType::Product) {
            let place_role_later = order
                .iter()
                .any(|r| matches!(*r, Role::Destination | Role::Place) && !roles.contains_key(r));
            let pick = order.iter().copied().find(|&r| {
                r != Role::Theme
                    && !roles.contains_key(&r)
                    && accepts(r, filler)
                    // A city right after the verb is where, not who ("زار الرباط").
                    && !(r == Role::Agent && filler.kind == Some(EntityType::Place) && place_role_later)
            });
            if let Some(role) = pick {
                roles.insert(role, filler.clone());
            }
        } else if order.first() == Some(&Role::Agent)
            && !roles.contains_key(&Role::Agent)
            && n == 0
            && listed(&Lexicon::get().institution_heads, view.key(filler.first))
        {
            // "أعلنت وزارة الداخلية", "عاد الوزير الأول …": an office or institution right after
            // the verb is its subject, named or not.
            roles.insert(Role::Agent, filler.clone());
        } else if order.contains(&Role::Theme) && !roles.contains_key(&Role::Theme) {
            roles.insert(Role::Theme, filler.clone());
        } else if order.contains(&Role::Patient) && !roles.contains_key(&Role::Patient) {
            roles.insert(Role::Patient, filler.clone());
        }
    }
    roles
}
