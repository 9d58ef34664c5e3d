//! Claims: events with roles, time, count, ordinal, attribution and modality.

mod types;

pub use types::{Claim, ClaimLocation, Modality, RoleFiller, Source, SourceKind, TimeBasis};

use crate::entities::DocEntities;
use crate::mentions::Mention;
use isnad_parser::Document;

/// Extracts the claims of a document's story sentences from its mentions and entities.
pub fn find_claims(document: &Document, mentions: &[Mention], entities: &DocEntities) -> Vec<Claim> {
    let _ = (document, mentions, entities);
    Vec::new()
}
