//! The shapes of the lexicon's data files (`data/triggers.toml`, `data/attribution.toml`), as
//! read before they are compiled.

use serde::Deserialize;
use std::collections::BTreeMap;

pub(super) use crate::verb_forms::{ATTRIBUTION, TRIGGERS};

#[derive(Deserialize)]
pub(super) struct TriggerFile {
    pub(super) light_verbs: Vec<String>,
    /// Light verbs whose subject presides over the event ("ترأس"): when the noun names its own
    /// agent ("اجتماعات اللجنة"), that subject is the event's chair.
    #[serde(default)]
    pub(super) chairing_verbs: Vec<String>,
    #[serde(default)]
    pub(super) not_triggers: Vec<String>,
    pub(super) syntax: SyntaxFile,
    pub(super) event: Vec<EventFile>,
    /// Event types by property (`[properties]`).
    #[serde(default)]
    pub(super) properties: PropertiesFile,
    /// What a clause signals about its event (`[cues]`).
    pub(super) cues: CuesFile,
}

/// The `[cues]` table.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CuesFile {
    pub(super) rising: Vec<String>,
    #[serde(default)]
    pub(super) tally: Vec<String>,
    pub(super) earlier: Vec<String>,
    #[serde(default)]
    pub(super) earlier_unless_followed_by: BTreeMap<String, Vec<String>>,
}

/// The `[properties]` table: the event types that have each property.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct PropertiesFile {
    #[serde(default)]
    pub(super) incident: Vec<String>,
    #[serde(default)]
    pub(super) symmetric: Vec<String>,
    #[serde(default)]
    pub(super) movement: Vec<String>,
    #[serde(default)]
    pub(super) single_agent: Vec<String>,
    #[serde(default)]
    pub(super) speech: Vec<String>,
}

#[derive(Deserialize)]
pub(super) struct SyntaxFile {
    pub(super) prepositions: Vec<String>,
    pub(super) stops: Vec<String>,
    pub(super) boundaries: Vec<String>,
    pub(super) adverbs: Vec<String>,
    #[serde(default)]
    pub(super) raising_verbs: Vec<String>,
    #[serde(default)]
    pub(super) host_verbs: Vec<String>,
    pub(super) name_links: Vec<String>,
    pub(super) institution_heads: Vec<String>,
}

#[derive(Deserialize)]
pub(super) struct EventFile {
    #[serde(rename = "type")]
    pub(super) kind: String,
    pub(super) order: Vec<crate::claims::Role>,
    pub(super) genitive: crate::claims::Role,
    #[serde(default)]
    pub(super) preps: BTreeMap<String, crate::claims::Role>,
    #[serde(default)]
    pub(super) verbs: Vec<String>,
    #[serde(default)]
    pub(super) nouns: Vec<String>,
    #[serde(default)]
    pub(super) phrases: Vec<String>,
    #[serde(default)]
    pub(super) requires: Vec<String>,
    #[serde(default)]
    pub(super) next_not: Vec<String>,
    #[serde(default)]
    pub(super) yields_to_next_event: bool,
    #[serde(default)]
    pub(super) counts: Vec<String>,
}

#[derive(Deserialize)]
pub(super) struct AttributionFile {
    pub(super) reporting_verbs: Vec<String>,
    pub(super) pronoun_subjects: Vec<String>,
    pub(super) complementizers: Vec<String>,
    pub(super) outer_frames: Vec<String>,
    pub(super) inner_frames: Vec<String>,
    pub(super) unnamed: Vec<String>,
    pub(super) agency_heads: Vec<String>,
    #[serde(default)]
    pub(super) document_heads: Vec<String>,
    pub(super) person_heads: Vec<String>,
    pub(super) content_ends: Vec<String>,
    pub(super) answered_reports: Vec<String>,
    pub(super) about: Vec<String>,
    pub(super) content_wrappers: Vec<String>,
    pub(super) modality: ModalityFile,
}

#[derive(Deserialize)]
pub(super) struct ModalityFile {
    pub(super) denial: Vec<String>,
    pub(super) accusation: Vec<String>,
    pub(super) hedge: Vec<String>,
    pub(super) negation: Vec<String>,
    pub(super) negation_bridges: Vec<String>,
    pub(super) negation_having: Vec<String>,
    pub(super) stance_negation: Vec<String>,
    pub(super) not_negations: Vec<String>,
    pub(super) future: Vec<String>,
    pub(super) unconfirmed: Vec<String>,
}
