//! isnad-claims: reads what an article claims.
//!
//! Two layers: [`mentions`] (dates, weekdays, relative time, numbers, ordinals, quantities, each
//! with a normalized value) and, on top, [`entities`] and [`claims`] (events with roles, time,
//! count, attribution and modality). Language data (month names, number words, trigger verbs,
//! the gazetteer) lives in `data/` files, never in rules.

pub mod claims;
pub mod entities;
pub mod facts;
mod grammar;
mod lexical;
pub mod mentions;
mod prepared;
mod short;
mod sketch;
pub mod story;

#[cfg(test)]
mod test_support;
mod verb_forms;

pub use prepared::{Prepared, PreparedSentence};
pub use story::{analyze_story, link_story, spread_story_names};

use isnad_parser::Document;
use serde::Serialize;

/// Everything read from one document.
#[derive(Debug, Clone, Serialize)]
pub struct DocAnalysis {
    /// Document id.
    pub doc: String,
    /// Mentions of the story text, in text order.
    pub mentions: Vec<mentions::Mention>,
    /// Entities and their mentions.
    pub entities: entities::DocEntities,
    /// Claims, in text order.
    pub claims: Vec<claims::Claim>,
    /// What each source says or denies as open content, in text order.
    pub statements: Vec<claims::Statement>,
    /// Facts (figures with what they measure), in text order.
    pub facts: Vec<facts::Fact>,
    /// Who does what each clause says and where, in text order.
    pub participants: Vec<facts::Participant>,
}

/// Runs every layer on one document: mentions, entities, claims and facts.
pub fn analyze(document: &Document, gazetteer: &entities::Gazetteer, lean: mentions::Lean) -> DocAnalysis {
    // Every sentence is tokenized and folded once, for all the passes.
    analyze_prepared(Prepared::of(document), gazetteer, lean)
}

/// [`analyze`] of a prepared document.
pub(crate) fn analyze_prepared(
    prepared: Prepared<'_>,
    gazetteer: &entities::Gazetteer,
    lean: mentions::Lean,
) -> DocAnalysis {
    let document = prepared.document;
    let mentions = mentions::prepared_mentions(&prepared, lean);
    let entities = entities::prepared_entities(&prepared, gazetteer);
    let (claims, statements) = claims::prepared_claims(&prepared, &mentions, &entities);
    // Facts and participants read each sentence's token words: one last pass reads both and
    // frees the sentence's preparation as it goes.
    let fact_reader = facts::FactReader::new(document, &mentions, &entities, &claims);
    let participant_reader = facts::ParticipantReader::new(document, &entities, &claims);
    let (per_sentence_facts, per_sentence_participants): (Vec<_>, Vec<_>) = prepared
        .map_sentences_once(|sentence, p| {
            (
                fact_reader.sentence(sentence, p),
                participant_reader.sentence(sentence, p),
            )
        })
        .into_iter()
        .unzip();
    let facts = fact_reader.in_order(per_sentence_facts);
    let participants = participant_reader.in_order(per_sentence_participants);
    let mut analysis = DocAnalysis {
        doc: document.id.clone(),
        mentions,
        entities,
        claims,
        statements,
        facts,
        participants,
    };
    analysis.shrink_to_fit();
    analysis
}

impl DocAnalysis {
    /// Gives back the room its lists reserved and did not fill: a story's analyses are held
    /// until its report is written (issue #17).
    fn shrink_to_fit(&mut self) {
        self.mentions.shrink_to_fit();
        self.entities.mentions.shrink_to_fit();
        self.entities.entities.shrink_to_fit();
        self.claims.shrink_to_fit();
        self.statements.shrink_to_fit();
        self.facts.shrink_to_fit();
        self.participants.shrink_to_fit();
    }
}
