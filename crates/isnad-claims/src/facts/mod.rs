//! Facts: every number, amount and length of time of the story text with what it measures (read
//! from the words around it, open vocabulary), what it is about, the time it holds, who says so
//! and how it relates to the other figures of its sentence. The graph compares facts across
//! reports without reading the text again (docs/facts.md).

// The word knowledge the claim readers share lives below both layers (`crate::lexical`).
use crate::lexical::lemma;
pub(crate) use crate::lexical::lexicon;
mod participants;
mod read;
mod types;

pub use lemma::{
    align_form, is_sense, lemma, match_form, opposite_senses, root_key, root_last_letter, roots_meet,
};
pub(crate) use participants::ParticipantReader;
pub use participants::{ClauseWords, Participant, ParticipantRole, Sector, prepared_participants};
pub use read::is_currency;
pub use types::{
    AsOf, Attribute, AttributeDetail, AttributeSource, AttributeWord, Fact, FactValue, Scope, Subject,
    Versus, Words, has_word,
};

use crate::claims::{Chain, Claim, ClaimLocation, Modality, TimeBasis};
use crate::entities::{DocEntities, EntityKey, EntityType};
use crate::mentions::{Grain, Mention, TimeValue};
use isnad_parser::{Document, Span, fold_key};
use read::SentenceFacts;
use std::sync::Arc;

/// True when the data says figures of the attribute class `name` only grow over a story (the
/// dead): a later report with a smaller figure contradicts the earlier one.
pub fn class_only_grows(name: &str) -> bool {
    crate::lexical::lexicon::Lexicon::get()
        .class_named(name)
        .is_some_and(|c| c.grows)
}

/// The facts of a document's story sentences, in text order.
pub fn find_facts(
    document: &Document,
    mentions: &[Mention],
    entities: &DocEntities,
    claims: &[Claim],
) -> Vec<Fact> {
    prepared_facts(&crate::Prepared::of(document), mentions, entities, claims)
}

/// [`find_facts`] of a prepared document (its sentences already tokenized).
pub fn prepared_facts(
    prepared: &crate::Prepared<'_>,
    mentions: &[Mention],
    entities: &DocEntities,
    claims: &[Claim],
) -> Vec<Fact> {
    let reader = FactReader::new(prepared.document, mentions, entities, claims);
    reader.in_order(prepared.map_sentences(|sentence, p| reader.sentence(sentence, p)))
}

/// A sentence's facts, each with the index within the sentence of the fact it is part of.
pub(crate) type SentenceFactList = Vec<(Fact, Option<usize>)>;

/// Reads a document's facts a sentence at a time, so that the last pass of an analysis reads
/// them beside the participants and frees each sentence once read (issue #17).
pub(crate) struct FactReader<'a> {
    document: &'a Document,
    mentions: &'a [Mention],
    entities: &'a DocEntities,
    claims: &'a [Claim],
    /// The chain of what no claim attributes: the outlet alone.
    outlet: Chain,
    publication: Option<chrono::NaiveDate>,
    /// The time of every figure whose clause states none: the report's date, shared by them all.
    unstated: Arc<AsOf>,
}

impl<'a> FactReader<'a> {
    /// A reader of `document`'s facts, from its mentions, names and claims.
    pub(crate) fn new(
        document: &'a Document,
        mentions: &'a [Mention],
        entities: &'a DocEntities,
        claims: &'a [Claim],
    ) -> FactReader<'a> {
        FactReader {
            document,
            mentions,
            entities,
            claims,
            outlet: std::sync::Arc::from([crate::claims::Source::outlet_of(document)]),
            publication: document.reference_date(),
            unstated: Arc::new(match document.reference_date() {
                Some(date) => AsOf {
                    time: Some(TimeValue::days(date, date, Grain::Day)),
                    basis: TimeBasis::Publication,
                    span: None,
                    hours: None,
                },
                None => AsOf {
                    time: None,
                    basis: TimeBasis::Unknown,
                    span: None,
                    hours: None,
                },
            }),
        }
    }

    /// The facts of one sentence.
    pub(crate) fn sentence(
        &self,
        sentence: &isnad_parser::Sentence,
        p: &crate::PreparedSentence,
    ) -> SentenceFactList {
        let (document, mentions, entities, claims) =
            (self.document, self.mentions, self.entities, self.claims);
        let (outlet, publication) = (&self.outlet, self.publication);
        let span = sentence.span;
        // Mentions are in text order: those of this sentence start at the first at its start.
        let cursor = mentions.partition_point(|m| m.span.start < span.start);
        let end = mentions[cursor..].partition_point(|m| m.span.start < span.end) + cursor;
        let in_sentence: Vec<&Mention> = mentions[cursor..end]
            .iter()
            .filter(|m| span.contains(m.span))
            .collect();
        if !in_sentence.iter().any(|m| is_numeric(m)) {
            return Vec::new();
        }
        let tokens = &p.tokens;
        // The entity mentions and claims of this sentence (both lists are in text order).
        let in_span = |start: usize| start >= span.start && start < span.end;
        let first_entity = entities.mentions.partition_point(|m| m.span.start < span.start);
        let sentence_entities: Vec<&crate::entities::EntityMention> = entities.mentions[first_entity..]
            .iter()
            .take_while(|m| in_span(m.span.start))
            .collect();
        let first_claim = claims.partition_point(|c| c.span.start < span.start);
        let sentence_claims: Vec<&Claim> = claims[first_claim..]
            .iter()
            .take_while(|c| in_span(c.span.start))
            .collect();
        let names: Vec<Span> = sentence_entities
            .iter()
            .filter(|m| span.contains(m.span))
            .map(|m| m.with_title())
            .collect();
        let reader = SentenceFacts::new(&self.document.source, p, &in_sentence, &names, publication);
        let drafts = reader.read();
        if drafts.is_empty() {
            return Vec::new();
        }
        let sentence_words = std::sync::Arc::clone(reader.sentence_words());

        let mut facts = Vec::with_capacity(drafts.len());
        for draft in drafts {
            let clause = tokens.pieces[draft.clause.0]
                .span()
                .cover(tokens.pieces[draft.clause.1.saturating_sub(1).max(draft.clause.0)].span());
            let claim = claim_of(&sentence_claims, draft.mention.span, clause);
            let (attribution, modality, subject_claim, event) = match claim {
                Some(c) => (
                    c.attribution.clone(),
                    c.modality,
                    Some(Box::from(c.id.as_str())),
                    Some(Box::from(c.event.as_str())),
                ),
                None => (std::sync::Arc::clone(outlet), Modality::Asserted, None, None),
            };
            let source_spans: Vec<Span> = attribution.iter().filter_map(|s| s.span).collect();
            let named_in_clause = |places: bool| {
                let mut keys: Vec<EntityKey> = sentence_entities
                    .iter()
                    .filter(|m| clause.contains(m.span) && !source_spans.iter().any(|s| s.overlaps(m.span)))
                    .filter(|m| matches!(m.kind, EntityType::Place | EntityType::Country) == places)
                    .map(|m| EntityKey::of(m.entity.as_ref(), &m.text))
                    .collect();
                keys.sort();
                keys.dedup();
                keys.into_boxed_slice()
            };
            let (subject_entities, subject_places) = (named_in_clause(false), named_in_clause(true));
            let as_of = match &draft.time {
                Some((t, m)) => Arc::new(AsOf {
                    time: Some(t.clone()),
                    basis: TimeBasis::Stated,
                    span: Some(m.span),
                    hours: day_part(m),
                }),
                None => Arc::clone(&self.unstated),
            };
            let fact = Fact {
                id: String::new(),
                doc: document.id.clone(),
                span: draft.mention.span,
                text: String::from(&*draft.mention.text),
                sentence: span,
                clause,
                value: draft.value,
                attribute: draft.attribute,
                subject: Subject {
                    claim: subject_claim,
                    event,
                    entities: subject_entities,
                    places: subject_places,
                },
                as_of,
                scope: draft.scope,
                attribution,
                modality,
                location: ClaimLocation::of(sentence),
                context: draft.context,
                sentence_words: std::sync::Arc::clone(&sentence_words),
            };
            facts.push((fact, draft.part_of));
        }
        facts
    }

    /// The facts of every sentence (as [`FactReader::sentence`] read them, in text order) with
    /// their ids, part-of links between them and headline figures settled.
    pub(crate) fn in_order(&self, per_sentence: Vec<SentenceFactList>) -> Vec<Fact> {
        let document = self.document;
        let mut facts: Vec<Fact> = Vec::with_capacity(per_sentence.iter().map(Vec::len).sum());
        // Part-of links by index within the sentence, as (part, whole) indices among all facts:
        // the whole's id is known once every fact has one.
        let mut links: Vec<(usize, usize)> = Vec::new();
        for sentence_facts in per_sentence {
            let first = facts.len();
            for (fact, part_of) in sentence_facts {
                if let Some(w) = part_of {
                    links.push((facts.len(), first + w));
                }
                facts.push(fact);
            }
        }
        headline_like_body(&mut facts);
        for (n, fact) in facts.iter_mut().enumerate() {
            fact.id = crate::numbered_id(&document.id, "f", n + 1);
        }
        for (part, whole) in links {
            facts[part].scope.part_of = facts.get(whole).map(|w| Box::from(w.id.as_str()));
        }
        facts
    }
}

/// A headline figure is the body's figure told short: it holds when the body's does and is as
/// new ("14 قتيلاً" in the headline, "ارتفع عدد الضحايا إلى 14 قتيلاً مساء اليوم" in the body).
fn headline_like_body(facts: &mut [Fact]) {
    for h in 0..facts.len() {
        if facts[h].location != ClaimLocation::Headline || facts[h].as_of.basis == TimeBasis::Stated {
            continue;
        }
        let body = facts.iter().position(|b| {
            b.location == ClaimLocation::Body
                && b.attribute.key.is_some()
                && b.attribute.key == facts[h].attribute.key
                && b.value.unit == facts[h].value.unit
                && b.value.amount.value.is_some()
                && b.value.amount.value == facts[h].value.amount.value
        });
        if let Some(b) = body {
            facts[h].as_of = facts[b].as_of.clone();
            facts[h].scope.rise |= facts[b].scope.rise;
            facts[h].scope.so_far |= facts[b].scope.so_far;
        }
    }
}

/// The hours a stated time's part of the day names ("مساء اليوم"), for a time of a day's grain.
fn day_part(m: &Mention) -> Option<(u32, u32)> {
    let t = m.value.time()?;
    if t.grain != Grain::Day {
        return None;
    }
    lexicon::Lexicon::get().day_part(&fold_key(m.text.split_whitespace().next()?))
}

fn is_numeric(m: &Mention) -> bool {
    use crate::mentions::MentionValue::*;
    matches!(
        m.value,
        Number(_) | Quantity(_) | Duration(_) | Date(_) | Ordinal(_) | Relative(_) | Weekday(_)
    )
}

/// The claim a figure belongs to: the one that counts or measures it, else the claim of its
/// clause whose trigger is nearest.
fn claim_of<'c>(claims: &[&'c Claim], value: Span, clause: Span) -> Option<&'c Claim> {
    let own = claims.iter().copied().find(|c| {
        c.count.as_ref().is_some_and(|m| m.span == value)
            || c.quantity.as_ref().is_some_and(|m| m.span == value)
    });
    own.or_else(|| {
        claims
            .iter()
            .copied()
            .filter(|c| c.span.contains(value) || (clause.overlaps(c.span) && clause.contains(c.trigger)))
            .min_by_key(|c| {
                let t = c.trigger;
                if t.end <= value.start {
                    value.start - t.end
                } else {
                    t.start.saturating_sub(value.end)
                }
            })
    })
}

#[cfg(test)]
mod tests;
