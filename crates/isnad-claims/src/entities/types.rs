//! Entity types shared with the graph and the report.

use isnad_parser::Span;
use serde::{Deserialize, Serialize};

/// Kind of entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityType {
    /// A person.
    Person,
    /// An organization, institution or company.
    Organization,
    /// A country.
    Country,
    /// A city, region or other place.
    Place,
    /// A product or brand.
    Product,
    /// A news agency or outlet.
    Agency,
}

/// A gazetteer entry, as written in the data files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityInfo {
    /// Stable id (`"person:vladimir-putin"`, `"country:ru"`).
    pub id: String,
    /// Kind.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Canonical Arabic name.
    pub name: String,
    /// English name.
    #[serde(default)]
    pub name_en: Option<String>,
    /// Other spellings (and short forms such as a surname).
    #[serde(default)]
    pub spellings: Vec<String>,
    /// Role phrases that refer to it ("الرئيس الفرنسي", "الإليزيه").
    #[serde(default)]
    pub descriptors: Vec<String>,
    /// Nationality adjectives (countries: "الروسي", "الروسية", "روسي").
    #[serde(default)]
    pub adjectives: Vec<String>,
    /// The id of the place or country it lies in (places), or belongs to (people, organizations).
    #[serde(default)]
    pub within: Option<String>,
    /// Countries: the id of the capital (a `place` entry whose `within` is this country).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capital: Option<String>,
}

/// Errors loading gazetteer data.
#[derive(Debug, thiserror::Error)]
#[error("gazetteer {file}: {message}")]
pub struct GazetteerError {
    /// The data file.
    pub file: String,
    /// What is wrong with it.
    pub message: String,
}

/// The entity lexicon: built-in data files plus any the user adds.
///
/// The matcher (a phrase table over every name, walked word by word) is built once, on first use, and
/// rebuilt when entries are added through [`Gazetteer::load_str`] or [`Gazetteer::load_file`].
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    /// All entries, in load order.
    pub entries: Vec<EntityInfo>,
    /// Lazily built matcher over `entries`.
    pub(crate) index: std::sync::OnceLock<std::sync::Arc<super::index::GazetteerIndex>>,
}

/// How a mention was recognized.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// A gazetteer name or spelling.
    Gazetteer,
    /// A title or office followed by a name (الرئيس X، وزير الدفاع X).
    Title,
    /// A reporting verb followed by a name (قال X).
    ReportingVerb,
    /// A run of transliterated foreign-name tokens.
    Transliterated,
    /// A role phrase, surname or metonym resolved to an entity named nearby.
    Coreference,
    /// A spelling variant of a known name (transliteration or small edit distance).
    Variant,
}

/// One occurrence of an entity in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityMention {
    /// Original bytes.
    pub span: Span,
    /// Exactly the original bytes of `span`.
    pub text: String,
    /// Resolved entity id; `None` when ambiguous.
    pub entity: Option<String>,
    /// Kind (of the entity, or the guess for unresolved ones).
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// How it was recognized.
    pub how: MatchKind,
    /// Candidate ids when ambiguous.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<String>,
    /// What kind of expression names the entity.
    pub form: MentionForm,
    /// The title or role phrase right before a name ("الرئيس البرازيلي" before "جواو سيلفا");
    /// `title.cover(span)` is the whole noun phrase.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Span>,
}

/// The kind of expression a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionForm {
    /// A full name or listed spelling ("جواو سيلفا", "سيلفا", "الأمم المتحدة").
    Name,
    /// Part of a name seen in full elsewhere in the document (a surname or first name alone).
    Partial,
    /// A role phrase or metonym ("الرئيس البرازيلي", "الإليزيه").
    Descriptor,
    /// A nationality adjective standing for a country ("الروسية" in "سيارة روسية").
    Adjective,
}

/// A spelling of an entity seen in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NameSeen {
    /// Document id.
    pub doc: String,
    /// Original text.
    pub text: String,
    /// Its span.
    pub span: Span,
}

/// An entity of the entities table: the gazetteer entry or a newly found one, with every name seen.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityRecord {
    /// Stable id. Entities not in the gazetteer get `"new:<type>:<variant key>"`, so that spelling
    /// variants of one unknown name share an id across documents.
    pub id: String,
    /// Kind.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Canonical (or first seen) name.
    pub name: String,
    /// Every spelling seen, with spans.
    pub names: Vec<NameSeen>,
}

/// Entities of one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DocEntities {
    /// Every mention in text order.
    pub mentions: Vec<EntityMention>,
    /// The entities mentioned, with their spellings.
    pub entities: Vec<EntityRecord>,
}
