//! isnad-claims: reads what an article claims.
//!
//! Two layers: [`mentions`] (dates, weekdays, relative time, numbers, ordinals, quantities, each
//! with a normalized value) and, on top, [`entities`] and [`claims`] (events with roles, time,
//! count, attribution and modality). Language data (month names, number words, trigger verbs,
//! the gazetteer) lives in `data/` files, never in rules.

pub mod claims;
pub mod entities;
pub mod facts;
mod folded;
pub mod mentions;
mod short;
pub mod story;

pub use story::link_story;

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
    /// Facts (figures with what they measure), in text order.
    pub facts: Vec<facts::Fact>,
}

/// Runs both layers on one document.
pub fn analyze(document: &Document, gazetteer: &entities::Gazetteer, lean: mentions::Lean) -> DocAnalysis {
    // The entity pass folds every sentence; the claim pass reuses those texts.
    let _shared = folded::Scope::begin(&document.source);
    let mentions = mentions::document_mentions(document, lean);
    let entities = entities::find_entities(document, gazetteer);
    let claims = claims::find_claims(document, &mentions, &entities);
    let facts = facts::find_facts(document, &mentions, &entities, &claims);
    DocAnalysis {
        doc: document.id.clone(),
        mentions,
        entities,
        claims,
        facts,
    }
}
