//! Claims: events with roles, time, count, ordinal, attribution and modality.
//!
//! One claim per trigger occurrence (`data/triggers.toml`) in story sentences. A sentence is
//! folded once and scanned with one Aho-Corasick automaton for triggers and cues; only sentences
//! with a trigger are tokenized. Roles come from word order and prepositions over the entity
//! mentions, attribution from reporting frames (`data/attribution.toml`), the outlet always last.

mod attribution;
pub(crate) mod lexicon;
mod roles;
mod statements;
mod types;
mod view;
mod words;

pub use types::{
    Claim, ClaimLocation, ClauseCues, EventProperties, Modality, Role, RoleFiller, Source, SourceKind,
    Stance, Statement, TimeBasis,
};
pub use words::{ClaimWords, content_words, is_word_char};

use crate::entities::{DocEntities, EntityType};
use crate::mentions::{Grain, Mention, MentionValue, TimeValue};
use attribution::{Frame, Outer, kind_of};
use isnad_parser::{Document, Span, TokenKind};
use lexicon::{Class, Lexicon, What};
use roles::{Filler, Trig};
use std::collections::BTreeMap;
use view::View;

/// Extracts the claims of a document's story sentences from its mentions and entities.
pub fn find_claims(document: &Document, mentions: &[Mention], entities: &DocEntities) -> Vec<Claim> {
    prepared_claims(&crate::Prepared::of(document), mentions, entities).0
}

/// [`find_claims`] of a prepared document (its sentences already tokenized and folded), with the
/// document's statements (what each source says or denies, as open content).
// Kept out of line so profiles show the claims layer's cost as one entry.
#[inline(never)]
pub fn prepared_claims(
    prepared: &crate::Prepared<'_>,
    mentions: &[Mention],
    entities: &DocEntities,
) -> (Vec<Claim>, Vec<Statement>) {
    let document = prepared.document;
    let outlet = Source::outlet_of(document);
    let context = DocContext {
        document,
        outlet,
        publication: publication_mention(document),
    };
    // About one claim per sentence: sized once, not regrown claim by claim (a claim is large).
    let mut claims = Vec::with_capacity(document.sentences.len() * 3 / 2);
    let mut statements = Vec::new();
    let mut carried: Option<Source> = None;
    let mut lead_seen = false;
    for (sentence, p) in prepared.sentences() {
        // The headline and the lead (the body's first sentence) state the story in the article's
        // own voice: they are read as statements even with no trigger.
        let states_story = sentence.in_headline || !lead_seen;
        lead_seen |= !sentence.in_headline;
        let Some(view) = View::new(&document.source, sentence.span, p, mentions, entities) else {
            if states_story {
                let said = statements::Said {
                    ctx: &context,
                    words: view::Words::of(&document.source, sentence.span, p, mentions),
                    frames: &[],
                    outers: &[],
                    location: if sentence.in_headline {
                        ClaimLocation::Headline
                    } else {
                        ClaimLocation::Body
                    },
                };
                said.read_own_voice(&mut statements);
            }
            continue;
        };
        let location = if sentence.in_headline {
            ClaimLocation::Headline
        } else {
            ClaimLocation::Body
        };
        read_sentence(
            &context,
            &view,
            location,
            states_story,
            &mut carried,
            &mut claims,
            &mut statements,
        );
    }
    carry_times(&mut claims);
    ClaimWords::read_prepared(&mut claims, prepared);
    for (n, claim) in claims.iter_mut().enumerate() {
        claim.id = format!("{}#{}", document.id, n + 1);
    }
    for (n, statement) in statements.iter_mut().enumerate() {
        statement.id = format!("{}#s{}", document.id, n + 1);
    }
    (claims, statements)
}

/// A body claim with no time of its own that continues the event of the clause before ("وقّع
/// الطرفان اليوم الخميس عقدا … ووقّع العقد عن الجانب …") takes that claim's stated time.
fn carry_times(claims: &mut [Claim]) {
    for i in 1..claims.len() {
        if claims[i].time_basis != TimeBasis::Publication || claims[i].location != ClaimLocation::Body {
            continue;
        }
        let own = claims[i].span;
        // The claims of the clause right before this one. Claims are in text order and each span
        // covers its trigger, so they all lie between that clause's start and this claim.
        let mut earlier = claims[..i]
            .iter()
            .rev()
            .skip_while(|c| c.span.end > own.start)
            .peekable();
        let Some(previous) = earlier.peek().map(|c| c.span) else {
            continue;
        };
        let donor = earlier
            .take_while(|c| c.span.end > previous.start)
            .filter(|c| c.span == previous)
            .find(|c| {
                c.event == claims[i].event
                    && c.time_basis == TimeBasis::Stated
                    && c.location == ClaimLocation::Body
            });
        if let Some(time) = donor.and_then(|c| c.time.clone()) {
            claims[i].time = Some(time);
            claims[i].time_basis = TimeBasis::Stated;
        }
    }
}

struct DocContext<'a> {
    document: &'a Document,
    outlet: Source,
    publication: Option<Mention>,
}

/// The publication date as a mention (its dateline's span when the text states it).
fn publication_mention(document: &Document) -> Option<Mention> {
    let date = document.reference_date()?;
    let span = document
        .meta
        .published_span
        .filter(|s| document.source.get(s.range()).is_some())
        .unwrap_or(Span::new(0, 0));
    Some(Mention {
        span,
        text: document.text(span).to_string(),
        value: MentionValue::Date(TimeValue::days(date, date, Grain::Day)),
    })
}

/// A trigger with its roles, before attribution and modality.
struct Read {
    trig: Trig,
    clause: (usize, usize),
    roles: BTreeMap<Role, Filler>,
    /// Light verb governing a verbal noun ("ستبدأ مصر تصنيع"), its token.
    light: Option<usize>,
}

fn read_sentence(
    ctx: &DocContext,
    view: &View,
    location: ClaimLocation,
    states_story: bool,
    carried: &mut Option<Source>,
    out: &mut Vec<Claim>,
    statements: &mut Vec<Statement>,
) {
    let lx = Lexicon::get();
    let (frames, outers) = attribution::frames(view, carried.as_ref());
    if let Some(named) = frames
        .iter()
        .rev()
        .filter_map(|f| f.source.as_ref())
        .find(|s| s.kind != SourceKind::Unnamed)
    {
        *carried = Some(named.clone());
    }
    let mut trigs: Vec<Trig> = view
        .trigger_cues()
        .filter_map(|(_, c)| match c.hit.what {
            What::Trigger(entry) => Some(Trig {
                entry,
                tok: c.tok,
                last_tok: c.last_tok,
                span: c.span,
                class: c.hit.class,
                prefix: c.hit.prefix,
                suffix: c.hit.suffix,
            }),
            _ => None,
        })
        .filter(|t| keeps(view, t, &frames, &outers))
        .collect();
    // One word read two ways (two entries of one event, or two events): keep the first entry.
    trigs.dedup_by(|b, a| a.tok == b.tok);
    let mut reads: Vec<Read> = trigs
        .into_iter()
        .map(|trig| {
            let clause = view.clause_of(trig.tok);
            let entry = &lx.events[trig.entry];
            let mut roles = roles::read_roles(view, &trig, entry, clause);
            if !roles.contains_key(&Role::Place)
                && entry.preps.values().any(|&r| r == Role::Place)
                && let Some(place) = hosted_in(view, &trig)
            {
                roles.insert(Role::Place, place);
            }
            let light = light_verb(view, &trig, clause);
            if trig.class == Class::Noun
                && !roles.contains_key(&Role::Agent)
                && entry.order.first() == Some(&Role::Agent)
                && let Some(agent) = noun_agent(view, &trig, clause, light)
            {
                roles.insert(Role::Agent, agent);
            } else if let Some(chair) = chair_of(view, &trig, &roles) {
                roles.insert(Role::Chair, chair);
            }
            Read {
                trig,
                clause,
                roles,
                light,
            }
        })
        .collect();
    dedup_same_event(&mut reads);
    let gapped: Vec<Read> = reads.iter().filter_map(|r| gapped_conjunct(view, r)).collect();
    reads.extend(gapped);

    let first_new = out.len();
    for index in 0..reads.len() {
        let claim = build_claim(ctx, view, &reads, index, &frames, &outers, location);
        out.push(claim);
    }
    attach_partitive_counts(view, &reads, &mut out[first_new..]);
    deny_retroactively(view, &mut out[first_new..]);
    let denials: Vec<statements::DenialVerb<'_>> = reads
        .iter()
        .filter(|r| lx.events[r.trig.entry].kind == "denial" && r.trig.class == Class::Verb)
        .map(|r| statements::DenialVerb {
            tok: r.trig.tok,
            last_tok: r.trig.last_tok,
            agent: r.roles.get(&Role::Agent),
        })
        .collect();
    let said = statements::Said {
        ctx,
        words: view.words(),
        frames: &frames,
        outers: &outers,
        location,
    };
    let before = statements.len();
    said.read(view, &denials, statements);
    if states_story && statements.len() == before {
        said.read_own_voice(statements);
    }
}

/// «…، وهو ما نفته X» / «الأمر الذي نفاه X»: a denial after a relative pronoun points back at the
/// claims before it in the sentence, which the article reports only to say X denies them.
fn deny_retroactively(view: &View, claims: &mut [Claim]) {
    let Some(cue) = view.cues.iter().find(|c| {
        c.hit.what == What::Denial && c.tok >= 1 && matches!(view.key(c.tok - 1), "ما" | "الذي" | "التي")
    }) else {
        return;
    };
    let denier = view
        .group_of
        .get(cue.last_tok + 1)
        .copied()
        .flatten()
        .map(|g| &view.groups[g]);
    for claim in claims.iter_mut().filter(|c| c.trigger.end <= cue.span.start) {
        claim.modality = Modality::Denied;
        if let Some(group) = denier {
            claim.attribution.insert(
                0,
                Source {
                    name: view.text(group.span).to_string(),
                    entity: group.entity.clone(),
                    kind: kind_of(Some(group.kind)),
                    span: Some(group.span),
                },
            );
        }
    }
}

/// Drops triggers that are not events here: a missing required word, a cancelling next word, or
/// a reporting verb that only introduces other claims.
fn keeps(view: &View, t: &Trig, frames: &[Frame], outers: &[Outer]) -> bool {
    let lx = Lexicon::get();
    let entry = &lx.events[t.entry];
    let clause = view.clause_of(t.tok);
    // A word inside a measure is no event ("على سلم ريشتر" is a scale, not a handover).
    if view
        .mention_at(t.tok)
        .is_some_and(|m| matches!(m.value, MentionValue::Quantity(_)))
    {
        return false;
    }
    for next in [view.key(t.last_tok + 1), view.key(t.last_tok + 2)] {
        let next_stem = next.trim_start_matches(['و', 'ف']);
        if entry.next_not.contains(next) || (!next_stem.is_empty() && entry.next_not.contains(next_stem)) {
            return false;
        }
    }
    if entry.yields_to_next_event
        && t.class == Class::Verb
        && view.trigger_cues().any(|(_, c)| {
            c.tok == t.last_tok + 1
                && c.hit.class == Class::Noun
                && matches!(c.hit.what, What::Trigger(other) if lx.events[other].kind != entry.kind)
        })
    {
        return false;
    }
    if !entry.requires.is_empty() {
        let end = clause.1.min(t.last_tok + 14);
        let found = (t.last_tok + 1..end).any(|i| {
            let key = view.key(i);
            entry.requires.iter().any(|r| {
                if r == "ل-" {
                    view.toks[i].kind == TokenKind::Arabic && key.starts_with('ل') && key.chars().count() >= 3
                } else {
                    key == r
                        || key
                            .strip_prefix("ك")
                            .or(key.strip_prefix("ال"))
                            .or(key.strip_prefix("ب"))
                            == Some(r.as_str())
                }
            })
        });
        if !found {
            return false;
        }
    }
    // "حسبما أعلن البلدان": part of an attribution frame, not an announcement of its own.
    if outers.iter().any(|o| o.tok <= t.tok && t.tok <= o.last_tok) {
        return false;
    }
    // A reporting verb that introduces other triggers is attribution, not a claim of another
    // event ("نقل" quoting is not a transfer); as a statement it is kept: who said it, when.
    if entry.kind != "statement"
        && let Some(frame) = frames.iter().find(|f| f.tok == t.tok)
        && frame.from < frame.to
        && view
            .trigger_cues()
            .any(|(_, c)| c.tok != t.tok && frame.from <= c.tok && c.tok < frame.to)
    {
        return false;
    }
    true
}

/// The verbless conjunct after a verb's clause: "ووقّع العقد عن الجانب التونسي X، وعن الجانب
/// التركي Y" says Y signed too, on behalf of the other side: a second read of the same verb.
fn gapped_conjunct(view: &View, read: &Read) -> Option<Read> {
    if read.trig.class != Class::Verb || !read.roles.contains_key(&Role::Behalf) {
        return None;
    }
    let lx = Lexicon::get();
    let after = read.roles.values().map(|f| f.last).max()?.max(read.trig.last_tok);
    // "، وعن …" right after what the verb's clause read.
    let start = (after + 1..view.toks.len().min(after + 3)).find(|&k| {
        view.key(k.saturating_sub(1)) == "،"
            && view
                .key(k)
                .strip_prefix('و')
                .is_some_and(|p| lx.prepositions.contains(p))
    })?;
    let clause_end = view.raw_clause_of(start).1.max(start + 1);
    // The conjunct ends at the next comma ("…، بحضور الوزيرة" is another phrase).
    let end = (start..clause_end)
        .find(|&k| view.key(k) == "،")
        .unwrap_or(clause_end);
    if view.trigger_cues().any(|(_, c)| c.tok >= start && c.tok < end) {
        return None;
    }
    let slots = roles::slots_after(view, start + 1, end);
    let behalf = slots.first().filter(|s| s.prep.is_none())?;
    let agent = slots
        .iter()
        .skip(1)
        .find(|s| s.prep.is_none() && s.filler.kind == Some(EntityType::Person))?;
    let mut roles = read.roles.clone();
    roles.insert(Role::Behalf, behalf.filler.clone());
    roles.insert(Role::Agent, agent.filler.clone());
    Some(Read {
        trig: read.trig.clone(),
        clause: (start, end),
        roles,
        light: read.light,
    })
}

/// Within one clause, one event is one claim: a verb wins over a noun naming the same event
/// ("قدم … سيارة … كهدية").
fn dedup_same_event(reads: &mut Vec<Read>) {
    let lx = Lexicon::get();
    let rank = |c: Class| match c {
        Class::Verb | Class::Phrase => 0,
        _ => 1,
    };
    let mut keep = vec![true; reads.len()];
    for i in 0..reads.len() {
        for j in 0..reads.len() {
            if i == j || !keep[j] {
                continue;
            }
            let (a, b) = (&reads[i], &reads[j]);
            if a.clause == b.clause
                && b.trig.tok.abs_diff(a.trig.tok) <= 8
                && lx.events[a.trig.entry].kind == lx.events[b.trig.entry].kind
                && rank(a.trig.class) < rank(b.trig.class)
                && b.trig.class == Class::Noun
            {
                keep[j] = false;
            }
        }
    }
    let mut k = keep.into_iter();
    reads.retain(|_| k.next().unwrap_or(true));
}

/// The place named by a relative clause after the trigger's phrase: "اجتماعات اللجنة التي
/// احتضنتها مدينة العقبة" (the meetings that the city of Aqaba hosted).
fn hosted_in(view: &View, t: &Trig) -> Option<Filler> {
    let lx = Lexicon::get();
    let end = view.toks.len().min(t.last_tok + 12);
    let rel = (t.last_tok + 1..end).find(|&i| matches!(view.key(i), "التي" | "الذي" | "والتي" | "والذي"))?;
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
fn light_verb(view: &View, t: &Trig, clause: (usize, usize)) -> Option<usize> {
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
fn chair_of(view: &View, t: &Trig, roles: &BTreeMap<Role, Filler>) -> Option<Filler> {
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
fn subject_after(view: &View, verb: usize, noun: usize) -> Option<Filler> {
    roles::slots_after(view, verb + 1, noun)
        .into_iter()
        .find(|s| s.prep.is_none() && s.filler.kind.is_some())
        .map(|s| s.filler)
}

/// The agent of a verbal noun without a genitive: the subject of its light verb, or the person a
/// possessive suffix points back to ("زيارته": the nearest person before it).
fn noun_agent(view: &View, t: &Trig, clause: (usize, usize), light: Option<usize>) -> Option<Filler> {
    if let Some(lv) = light {
        if let Some(subject) = subject_after(view, lv, t.tok) {
            return Some(subject);
        }
        return roles::subject_before(view, lv, clause.0);
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

fn role_filler(view: &View, f: &Filler) -> RoleFiller {
    RoleFiller {
        entity: f.entity.clone(),
        text: view.text(f.span).to_string(),
        span: f.span,
    }
}

fn source_of(view: &View, f: &Filler) -> Source {
    Source {
        name: view.text(f.span).to_string(),
        entity: f.entity.clone(),
        kind: kind_of(f.kind),
        span: Some(f.span),
    }
}

fn build_claim(
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
    chain.push(ctx.outlet.clone());

    let theme = roles
        .get(&Role::Theme)
        .or_else(|| roles.get(&Role::Patient))
        .cloned();
    let time = pick_time(ctx, view, t, clause, reads);
    let (time, time_basis) = match time {
        Some(m) => (Some(m.clone()), TimeBasis::Stated),
        None => match &ctx.publication {
            Some(p) => (Some(p.clone()), TimeBasis::Publication),
            None => (None, TimeBasis::Unknown),
        },
    };
    let (count, count_part) = match pick_count(view, t, theme.as_ref(), clause) {
        Some((m, part)) => (Some(m.clone()), part),
        None => (None, false),
    };
    let ordinal = pick_ordinal(view, t, theme.as_ref(), clause, reads).cloned();
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
    } else if planned(ctx, view, read, time_basis, time.as_ref()) {
        Modality::Planned
    } else if cited {
        Modality::Reported
    } else {
        Modality::Asserted
    };

    let span = view.tok_span(clause.0, clause.1.saturating_sub(1)).cover(t.span);
    let text = view.text(span).to_string();
    let cues = view
        .clause_cues()
        .iter()
        .filter(|(at, _)| span.contains(*at))
        .fold(ClauseCues::default(), |all, (_, c)| all.union(*c));
    Claim {
        id: String::new(),
        doc: ctx.document.id.clone(),
        span,
        text,
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
        count,
        count_part,
        ordinal,
        quantity,
        attribution: chain,
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

fn in_clause(view: &View, span: Span, clause: (usize, usize)) -> bool {
    let whole = view.tok_span(clause.0, clause.1.saturating_sub(1));
    whole.contains(span)
}

fn distance(a: Span, b: Span) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// A cue of kind `what` before the trigger in its clause (as split, not joined: "ربما جرى
/// تهريبها، إذ تحظر …" hedges the smuggling, not the ban).
fn cue_before(view: &View, what: What, t: &Trig, _clause: (usize, usize)) -> bool {
    let raw = view.raw_clause_of(t.tok);
    view.cues
        .iter()
        .any(|c| c.hit.what == what && c.tok >= raw.0 && c.span.end <= t.span.start)
}

/// لم، لن، ليس، لا … right before the trigger ("لم يكشفوا"، "لن يزور"، "عدم تفضيل").
fn negated(view: &View, t: &Trig) -> bool {
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
fn planned(ctx: &DocContext, view: &View, read: &Read, basis: TimeBasis, time: Option<&Mention>) -> bool {
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

/// The time of a claim: the nearest temporal mention in the trigger's part of its clause (after
/// the complementizer that introduces it), else elsewhere in the clause; never the dateline.
fn pick_time<'a>(
    ctx: &DocContext,
    view: &View<'a>,
    t: &Trig,
    clause: (usize, usize),
    _reads: &[Read],
) -> Option<&'a Mention> {
    let lx = Lexicon::get();
    let dateline = ctx.document.meta.published_span;
    let qualifiers: Vec<Span> = view
        .mentions
        .iter()
        .filter_map(|m| match &m.value {
            MentionValue::Ordinal(o) => o.qualifier.as_ref().map(|q| q.span),
            _ => None,
        })
        .collect();
    let scope_start = (clause.0..t.tok)
        .rev()
        .find(|&i| lx.complementizers.contains(view.key(i)))
        .unwrap_or(clause.0);
    let scope = view.tok_span(scope_start, clause.1.saturating_sub(1));
    let whole = view.tok_span(clause.0, clause.1.saturating_sub(1));
    // "لم يكتمل تركيبها حتى اليوم": a time "so far" bounds a state; it dates no event.
    let so_far = &crate::facts::lexicon::Lexicon::get().so_far;
    let key = |i: usize| view.key(i);
    let bounds_a_state = |m: &Mention| {
        let first = view.toks.partition_point(|x| x.span.end <= m.span.start);
        so_far.at(&key, first, view.toks.len()).is_some()
            || first
                .checked_sub(1)
                .is_some_and(|b| so_far.at(&key, b, view.toks.len()).is_some())
    };
    let candidates = || {
        view.mentions.iter().copied().filter(|m| {
            m.value.time().is_some()
                && !dateline.is_some_and(|d| d.overlaps(m.span))
                && !qualifiers.iter().any(|q| q.overlaps(m.span))
                && !bounds_a_state(m)
        })
    };
    // "بدأ اليوم الأربعاء المشاورات بعد فوز حزبه": an event after بعد/قبل/عقب is dated apart
    // from the clause it is set against; only a time written after it is its own.
    let set_against = t.class == Class::Noun
        && (clause.0.max(t.tok.saturating_sub(8))..t.tok)
            .rev()
            .take_while(|&i| !view.is_punct(i))
            .any(|i| {
                matches!(
                    view.key(i).trim_start_matches(['و', 'ف']),
                    "بعد" | "قبل" | "عقب" | "اثر" | "منذ"
                )
            });
    let nearest = |area: Span| {
        candidates()
            .filter(|m| area.contains(m.span) && (!set_against || m.span.start >= t.span.end))
            .min_by_key(|m| (distance(m.span, t.span), m.span.start < t.span.start))
    };
    nearest(scope).or_else(|| nearest(whole))
}

/// The count of the event or its theme: a number right before the trigger or the theme ("سبع
/// رحلات"), inside the theme ("7000 حاوية"), or a part ("أربع من هذه الرحلات").
fn pick_count<'a>(
    view: &View<'a>,
    t: &Trig,
    theme: Option<&Filler>,
    clause: (usize, usize),
) -> Option<(&'a Mention, bool)> {
    let demonstrative = |k: &str| matches!(k, "هذه" | "هذا" | "تلك" | "ذلك" | "هؤلاء" | "هولاء");
    for m in view.mentions.iter().copied() {
        if !matches!(m.value, MentionValue::Number(_)) || !in_clause(view, m.span, clause) {
            continue;
        }
        let toks: Vec<usize> = (0..view.toks.len())
            .filter(|&i| view.toks[i].span.overlaps(m.span))
            .collect();
        let (Some(&first), Some(&last)) = (toks.first(), toks.last()) else {
            continue;
        };
        // Model names and codes (S600) are not counts.
        let latin = |i: Option<usize>| {
            i.and_then(|i| view.toks.get(i))
                .is_some_and(|x| x.kind == TokenKind::Latin)
        };
        let named = toks.iter().any(|&i| view.group_of[i].is_some());
        if named
            || latin(first.checked_sub(1))
            || latin(Some(last + 1))
            || toks.iter().any(|&i| view.toks[i].kind == TokenKind::Latin)
        {
            continue;
        }
        let heads = |i: usize| i == t.tok || theme.is_some_and(|f| f.first == i);
        let next = last + 1;
        // A verbal noun followed by its amount counts it: "مقتل ما لا يقل عن 21 شخصا"، "إصابة 23".
        let follows_trigger = first == t.tok + 1;
        if heads(next) || follows_trigger || theme.is_some_and(|f| f.span.contains(m.span)) {
            return Some((m, false));
        }
        // "فوز الحزب … بـ 82 مقعداً": a number of what the event counts (its data's `counts`).
        if Lexicon::get().events[t.entry].counts.contains(view.key(next)) {
            return Some((m, false));
        }
        if view.key(next) == "من" {
            let after = if demonstrative(view.key(next + 1)) {
                next + 2
            } else {
                next + 1
            };
            if heads(after) {
                return Some((m, true));
            }
        }
    }
    None
}

/// The ordinal of the event or its theme ("زيارته الثانية", "أول سيارة"), never of another noun
/// ("أول علامة تجارية").
fn pick_ordinal<'a>(
    view: &View<'a>,
    t: &Trig,
    theme: Option<&Filler>,
    clause: (usize, usize),
    reads: &[Read],
) -> Option<&'a Mention> {
    let trigger_key = isnad_parser::fold_key(view.text(t.span));
    view.mentions.iter().copied().find(|m| {
        let MentionValue::Ordinal(o) = &m.value else {
            return false;
        };
        if !in_clause(view, m.span, clause) {
            return false;
        }
        if let Some(noun_span) = o.noun_span
            && (noun_span.overlaps(t.span) || theme.is_some_and(|f| f.span.overlaps(noun_span)))
        {
            return true;
        }
        let noun = o.noun.as_deref().unwrap_or("");
        if !noun.is_empty()
            && (trigger_key.ends_with(noun) || noun.ends_with(&trigger_key))
            && o.noun_span.is_none_or(|s| s.overlaps(t.span))
        {
            return true;
        }
        // "زار … للمرة الأولى": the time of the predicate before it (or after it, when first).
        if noun == "مره" || noun == "المره" {
            let before = view
                .cues
                .iter()
                .filter(|c| c.span.end <= m.span.start && c.tok >= clause.0)
                .filter(|c| c.hit.class == Class::Verb || reads.iter().any(|r| r.trig.tok == c.tok))
                .map(|c| c.tok)
                .next_back();
            return match before {
                Some(tok) => tok == t.tok,
                None => reads
                    .iter()
                    .filter(|r| r.clause == clause)
                    .min_by_key(|r| distance(r.trig.span, m.span))
                    .is_some_and(|r| r.trig.tok == t.tok),
            };
        }
        // "زيارة الوزير الأولى": right after the noun and its genitive name.
        let Some(first) = (0..view.toks.len()).find(|&i| view.toks[i].span.overlaps(m.span)) else {
            return false;
        };
        let between_names = first > t.last_tok
            && first <= t.last_tok + 4
            && (t.last_tok + 1..first).all(|i| view.group_of[i].is_some());
        let gap = view.tok_span(t.tok, first.saturating_sub(1));
        t.class == Class::Noun && between_names && o.noun_span.is_none_or(|s| gap.overlaps(s))
    })
}

/// "اثنتين منها على الأقل": a part counted of something named before it in the sentence; it
/// goes to the nearest claim before it that has no count yet.
fn attach_partitive_counts(view: &View, reads: &[Read], claims: &mut [Claim]) {
    for m in view.mentions.iter().copied() {
        if !matches!(m.value, MentionValue::Number(_)) {
            continue;
        }
        let Some(last) = (0..view.toks.len()).rfind(|&i| view.toks[i].span.overlaps(m.span)) else {
            continue;
        };
        let Some(first) = (0..view.toks.len()).find(|&i| view.toks[i].span.overlaps(m.span)) else {
            continue;
        };
        if !(first..=last + 1).any(|i| matches!(view.key(i), "منها" | "منهم" | "منهما" | "منهن"))
        {
            continue;
        }
        let target = reads
            .iter()
            .zip(claims.iter_mut())
            .filter(|(r, c)| r.trig.span.end <= m.span.start && c.count.is_none())
            .last();
        if let Some((_, claim)) = target {
            claim.count = Some(m.clone());
            claim.count_part = true;
        }
    }
}

#[cfg(test)]
mod tests;
