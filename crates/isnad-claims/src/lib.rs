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

/// The id of a document's `n`th item of one kind: `doc#` then `tag` then `n` ("a.txt#f3").
/// Written out by hand: every claim, statement, fact and participant has one, and the formatting
/// machinery cost more than the strings.
pub(crate) fn numbered_id(doc: &str, tag: &str, n: usize) -> String {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    let mut rest = n;
    loop {
        start -= 1;
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let number = std::str::from_utf8(&digits[start..]).unwrap_or_default();
    let mut id = String::with_capacity(doc.len() + 1 + tag.len() + number.len());
    id.push_str(doc);
    id.push('#');
    id.push_str(tag);
    id.push_str(number);
    id
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
    // Facts and participants read each sentence's token words. A long document's last pass
    // reads both and frees the sentence's preparation as it goes; a short one is read by one
    // reader after the other, whose code then stays in the instruction cache from one sentence
    // to the next (read in turn, each evicted the other's).
    let fact_reader = facts::FactReader::new(document, &mentions, &entities, &claims);
    let participant_reader = facts::ParticipantReader::new(document, &entities, &claims);
    let (per_sentence_facts, per_sentence_participants): (Vec<_>, Vec<_>) = if prepared.is_long() {
        prepared
            .map_sentences_once(|sentence, p| {
                (
                    fact_reader.sentence(sentence, p),
                    participant_reader.sentence(sentence, p),
                )
            })
            .into_iter()
            .unzip()
    } else {
        let facts = prepared.map_sentences(|sentence, p| fact_reader.sentence(sentence, p));
        (
            facts,
            prepared.map_sentences_once(|sentence, p| participant_reader.sentence(sentence, p)),
        )
    };
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

#[cfg(test)]
mod tests {
    /// An item's id is the one `format!` writes, for numbers of every length.
    #[test]
    fn numbered_ids_read_as_formatted() {
        for n in [0, 1, 9, 10, 99, 100, 12_345, usize::MAX] {
            assert_eq!(super::numbered_id("a/b.txt", "f", n), format!("a/b.txt#f{n}"));
            assert_eq!(super::numbered_id("x", "", n), format!("x#{n}"));
        }
    }
}
