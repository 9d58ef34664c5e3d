//! Claims: events with roles, time, count, ordinal, attribution and modality.
//!
//! One claim per trigger occurrence (`data/triggers.toml`) in story sentences. A sentence is
//! folded once and scanned with one Aho-Corasick automaton for triggers and cues; only sentences
//! with a trigger are tokenized. Roles come from word order and prepositions over the entity
//! mentions, attribution from reporting frames (`data/attribution.toml`), the outlet always last.

mod agents;
mod attribution;
mod build;
pub(crate) mod lexicon;
mod modality;
mod role_map;
mod roles;
mod statements;
mod types;
mod values;
mod view;
mod word_set;
mod words;

pub use role_map::Roles;
pub use types::{
    Chain, Claim, ClaimLocation, ClauseCues, EventProperties, Modality, Role, RoleFiller, Source, SourceKind,
    Stance, Statement, TimeBasis,
};
pub use word_set::{WordSet, sorted_common};
pub use words::{ClaimWords, content_words, is_word_char};

use crate::entities::{DocEntities, EntityType};
use crate::mentions::{Grain, Mention, MentionValue, TimeValue};
use attribution::{Frame, Outer, kind_of};
use isnad_parser::{Document, Span, TokenKind};
use lexicon::{Class, Lexicon, What};
use rayon::prelude::*;
use roles::{Filler, Trig};
use std::collections::BTreeMap;
use std::sync::Arc;
use view::View;

use agents::{chair_of, hosted_in, light_verb, noun_agent, source_of};
use build::build_claim;
pub use build::event_properties;
use values::attach_partitive_counts;

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
    let context = DocContext {
        document,
        outlet: Arc::from([Source::outlet_of(document)]),
        publication: publication_mention(document),
    };
    // About one claim per sentence: sized once, not regrown claim by claim (a claim is large).
    let mut claims = Vec::with_capacity(document.sentences.len() * 3 / 2);
    let mut statements = Vec::new();
    let mut carried: Option<Source> = None;
    let mut lead_seen = false;
    let sentences: Vec<_> = prepared.sentences().collect();
    // A long document's sentences are read a chunk at a time on every core (each read sees one
    // sentence but for the last speaker named before it, settled in order below).
    let chunk = if prepared.is_long() {
        VIEW_CHUNK
    } else {
        sentences.len().max(1)
    };
    for sentences in sentences.chunks(chunk) {
        // The headline and the lead (the body's first sentence) state the story in the article's
        // own voice: they are read as statements even with no trigger.
        let states_story: Vec<bool> = sentences
            .iter()
            .map(|(sentence, _)| {
                let states = sentence.in_headline || !lead_seen;
                lead_seen |= !sentence.in_headline;
                states
            })
            .collect();
        // Every sentence is scanned for the lexicon's forms before any is read: scans one after
        // another keep the automaton in cache, which reading a sentence between two scans evicts
        // (its transitions' loads are nearly all of the scan's time).
        let scan = |&(_, p): &(&isnad_parser::Sentence, &crate::PreparedSentence)| {
            Lexicon::get().scan_with_cues(&p.folded.text)
        };
        let scans: Vec<lexicon::Scan> = if prepared.is_long() {
            sentences.par_iter().map(scan).collect()
        } else {
            sentences.iter().map(scan).collect()
        };
        let read = |&(sentence, p): &(&isnad_parser::Sentence, &crate::PreparedSentence),
                    scan: &lexicon::Scan,
                    states_story: bool,
                    carried: &mut Option<Source>,
                    out: &mut SentenceRead| {
            let view = View::new(&document.source, sentence.span, p, scan, mentions, entities);
            let words = || view::Words::of(&document.source, sentence.span, p, mentions);
            read_one(
                &context,
                sentence,
                view.as_ref(),
                words,
                states_story,
                carried,
                out,
            )
        };
        if !prepared.is_long() {
            // Read straight into the document's lists.
            let mut out = SentenceRead {
                claims: std::mem::take(&mut claims),
                statements: std::mem::take(&mut statements),
            };
            for ((sentence, scan), &states) in sentences.iter().zip(&scans).zip(&states_story) {
                read(sentence, scan, states, &mut carried, &mut out);
            }
            (claims, statements) = (out.claims, out.statements);
            continue;
        }
        // Read as if no speaker were carried over into the sentence: exact unless a frame of it
        // names no speaker while one is carried, which is read again in order below.
        let guesses: Vec<(SentenceRead, bool, Option<Source>)> = sentences
            .par_iter()
            .zip(&scans)
            .zip(&states_story)
            .map(|((sentence, scan), &states)| {
                let (mut named, mut guess) = (None, SentenceRead::default());
                let uses_carried = read(sentence, scan, states, &mut named, &mut guess);
                (guess, uses_carried, named)
            })
            .collect();
        for (((sentence, scan), &states), (guess, uses_carried, named)) in
            sentences.iter().zip(&scans).zip(&states_story).zip(guesses)
        {
            let read = if uses_carried && carried.is_some() {
                let mut again = SentenceRead::default();
                read(sentence, scan, states, &mut carried, &mut again);
                again
            } else {
                if named.is_some() {
                    carried = named;
                }
                guess
            };
            claims.extend(read.claims);
            statements.extend(read.statements);
        }
    }
    carry_times(&mut claims);
    ClaimWords::read_prepared(&mut claims, prepared);
    for (n, claim) in claims.iter_mut().enumerate() {
        claim.id = crate::numbered_id(&document.id, "", n + 1);
    }
    for (n, statement) in statements.iter_mut().enumerate() {
        statement.id = crate::numbered_id(&document.id, "s", n + 1);
    }
    (claims, statements)
}

/// Sentences read at once on every core in a long document (tests cut the seeds' short articles
/// into chunks too, so a speaker is carried from one chunk into the next).
const VIEW_CHUNK: usize = if cfg!(test) { 3 } else { 1_024 };

/// A body claim with no time of its own that continues the event of the clause before ("وقّع
/// الطرفان اليوم الخميس عقدا … ووقّع العقد عن الجانب …") takes that claim's stated time.
fn carry_times(claims: &mut [Claim]) {
    for i in 1..claims.len() {
        if claims[i].time_basis != TimeBasis::Publication
            || claims[i].location != ClaimLocation::Body
            || claims[i].cues.reported
        {
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
    /// The chain of what nobody is cited for: the outlet alone, shared by all of it.
    outlet: Chain,
    /// Shared by every claim it dates.
    publication: Option<std::sync::Arc<Mention>>,
}

impl DocContext<'_> {
    /// The chain of `links` (innermost first) and the outlet.
    fn chain(&self, mut links: Vec<Source>) -> Chain {
        if links.is_empty() {
            return Arc::clone(&self.outlet);
        }
        links.extend(self.outlet.iter().cloned());
        links.into()
    }
}

/// Lets each record share the text and chain of the one before it when they are the same (the
/// claims of one clause, what one source says sentence after sentence): a long article holds
/// hundreds of thousands of claims (issue #17).
fn share_with_previous<T>(records: &mut [T], parts: impl Fn(&mut T) -> (&mut Arc<str>, Span, &mut Chain)) {
    for i in 1..records.len() {
        let (before, after) = records.split_at_mut(i);
        let (previous_text, previous_span, previous_chain) = parts(&mut before[i - 1]);
        let (own_text, own_span, own_chain) = parts(&mut after[0]);
        if own_span == previous_span {
            *own_text = Arc::clone(previous_text);
        }
        // Most chains are already the one outlet chain: no link-by-link comparison for those.
        if !Arc::ptr_eq(own_chain, previous_chain) && **own_chain == **previous_chain {
            *own_chain = Arc::clone(previous_chain);
        }
    }
}

/// The publication date as a mention (its dateline's span when the text states it).
fn publication_mention(document: &Document) -> Option<std::sync::Arc<Mention>> {
    let date = document.reference_date()?;
    let span = document
        .meta
        .published_span
        .filter(|s| document.source.get(s.range()).is_some())
        .unwrap_or(Span::new(0, 0));
    Some(std::sync::Arc::new(Mention {
        span,
        text: Box::from(document.text(span)),
        value: MentionValue::Date(TimeValue::days(date, date, Grain::Day)),
    }))
}

/// A trigger with its roles, before attribution and modality.
struct Read {
    trig: Trig,
    clause: (usize, usize),
    roles: BTreeMap<Role, Filler>,
    /// Light verb governing a verbal noun ("ستبدأ مصر تصنيع"), its token.
    light: Option<usize>,
}

/// Claims and statements read, in text order.
#[derive(Default)]
struct SentenceRead {
    claims: Vec<Claim>,
    statements: Vec<Statement>,
}

/// Reads one sentence into `out` (`view` is `None` when it has no trigger or cue), `carried`
/// being the last source the document named before it, and after it the last one named so far.
/// True when a frame of it took that carried speaker (named none of its own).
fn read_one<'a>(
    context: &'a DocContext,
    sentence: &isnad_parser::Sentence,
    view: Option<&View>,
    words: impl FnOnce() -> view::Words<'a>,
    states_story: bool,
    carried: &mut Option<Source>,
    out: &mut SentenceRead,
) -> bool {
    let location = ClaimLocation::of(sentence);
    let Some(view) = view else {
        if states_story {
            let said = statements::Said {
                ctx: context,
                words: words(),
                frames: &[],
                outers: &[],
                location,
            };
            said.read_own_voice(&mut out.statements);
        }
        return false;
    };
    read_sentence(
        context,
        view,
        location,
        states_story,
        carried,
        &mut out.claims,
        &mut out.statements,
    )
}

fn read_sentence(
    ctx: &DocContext,
    view: &View,
    location: ClaimLocation,
    states_story: bool,
    carried: &mut Option<Source>,
    out: &mut Vec<Claim>,
    statements: &mut Vec<Statement>,
) -> bool {
    let lx = Lexicon::get();
    let (frames, outers) = attribution::frames(view, carried.as_ref());
    let uses_carried = frames.iter().any(|f| f.carried);
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
    share_with_previous(&mut out[first_new.saturating_sub(1)..], |c| {
        (&mut c.text, c.span, &mut c.attribution)
    });
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
    share_with_previous(&mut statements[before.saturating_sub(1)..], |s| {
        (&mut s.text, s.span, &mut s.attribution)
    });
    uses_carried
}

/// «…، وهو ما نفته X» / «الأمر الذي نفاه X»: a denial after a relative pronoun points back at the
/// claims before it in the sentence, which the article reports only to say X denies them.
fn deny_retroactively(view: &View, claims: &mut [Claim]) {
    let Some(cue) = view.cues.iter().find(|c| {
        c.hit.what == What::Denial
            && c.tok >= 1
            && (crate::grammar::grammar().is_free_relative(view.key(c.tok - 1))
                || crate::grammar::grammar().is_relative_pronoun(view.key(c.tok - 1)))
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
            let denier = Source {
                name: view.text(group.span).to_string(),
                entity: group.entity.clone(),
                kind: kind_of(Some(group.kind)),
                span: Some(group.span),
            };
            claim.attribution = std::iter::once(denier)
                .chain(claim.attribution.iter().cloned())
                .collect();
        }
    }
}

/// Drops triggers that are not events here: a missing required word, a cancelling next word, or
/// a reporting verb that only introduces other claims.
fn keeps(view: &View, t: &Trig, frames: &[Frame], outers: &[Outer]) -> bool {
    let lx = Lexicon::get();
    let entry = &lx.events[t.entry];
    let clause = view.clause_of(t.tok);
    // A word inside the name of a place or a body is no event: "عين" of the place «عين الجوز»
    // appoints no one, "والنقل" of a ministry's name moves nothing.
    if view
        .group_of
        .get(t.tok)
        .copied()
        .flatten()
        .is_some_and(|g| matches!(view.groups[g].kind, EntityType::Place | EntityType::Organization))
    {
        return false;
    }
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

#[cfg(test)]
mod tests;
