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

impl EntityType {
    /// Its name in ids and reports (`"person"`).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organization => "organization",
            EntityType::Country => "country",
            EntityType::Place => "place",
            EntityType::Product => "product",
            EntityType::Agency => "agency",
        }
    }
}

/// Prefix of the ids of names the gazetteer does not list.
const DISCOVERED_PREFIX: &str = "new:";

/// An entity's stable id: a gazetteer id (`"person:vladimir-putin"`), or for a name the gazetteer
/// does not list one made of its kind and spelling key (`"new:person:<key>"`), which spelling
/// variants of that name share across documents. Shared, not copied: every mention, role and
/// source naming the entity holds it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntityId(std::sync::Arc<str>);

impl EntityId {
    /// The id of a gazetteer entry.
    pub fn listed(id: impl Into<String>) -> EntityId {
        EntityId(std::sync::Arc::from(id.into()))
    }

    /// The id of a name found only in the text, from its kind and spelling key.
    pub fn discovered(kind: EntityType, key: &str) -> EntityId {
        // Built by hand: `format!` cost more than the rest of a new name's resolution.
        let kind = kind.as_str();
        let mut id = String::with_capacity(DISCOVERED_PREFIX.len() + kind.len() + 1 + key.len());
        id.push_str(DISCOVERED_PREFIX);
        id.push_str(kind);
        id.push(':');
        id.push_str(key);
        EntityId(std::sync::Arc::from(id))
    }

    /// Whether the gazetteer lists it (it is no name found only in the text).
    pub fn is_listed(&self) -> bool {
        !self.0.starts_with(DISCOVERED_PREFIX)
    }

    /// Whether it was found in the text as a name of this kind, not listed.
    pub fn is_discovered_as(&self, kind: EntityType) -> bool {
        self.0
            .strip_prefix(DISCOVERED_PREFIX)
            .and_then(|rest| rest.strip_prefix(kind.as_str()))
            .is_some_and(|rest| rest.starts_with(':'))
    }

    /// The id as written in reports.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for EntityId {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for EntityId {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

/// Looks up maps keyed by id with the id's text (one hash: the id's string).
impl std::borrow::Borrow<str> for EntityId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for EntityId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Prefix of the keys of names that resolved to no entity.
const NAME_KEY_PREFIX: &str = "text:";

/// What a name refers to: its entity, or, when it resolved to none, its folded spelling.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKey {
    /// A resolved entity.
    Entity(EntityId),
    /// The folded spelling of a name that resolved to no entity.
    Name(String),
}

impl EntityKey {
    /// The key of a name: its entity when resolved, else its folded spelling.
    pub fn of(entity: Option<&EntityId>, text: &str) -> EntityKey {
        match entity {
            Some(id) => EntityKey::Entity(id.clone()),
            None => EntityKey::Name(isnad_parser::fold_key(text)),
        }
    }

    /// The entity, when resolved.
    pub fn entity(&self) -> Option<&EntityId> {
        match self {
            EntityKey::Entity(id) => Some(id),
            EntityKey::Name(_) => None,
        }
    }

    /// Whether it is a gazetteer entity.
    pub fn is_listed(&self) -> bool {
        self.entity().is_some_and(EntityId::is_listed)
    }
}

impl std::fmt::Display for EntityKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EntityKey::Entity(id) => f.write_str(id.as_str()),
            EntityKey::Name(name) => write!(f, "{NAME_KEY_PREFIX}{name}"),
        }
    }
}

/// Written as one string in reports: the entity id, or `text:` and the folded name.
impl Serialize for EntityKey {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A gazetteer entry, as written in the data files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityInfo {
    /// Stable id (`"person:vladimir-putin"`, `"country:ru"`).
    pub id: EntityId,
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
    pub within: Option<EntityId>,
    /// Countries: the id of the capital (a `place` entry whose `within` is this country).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capital: Option<EntityId>,
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
    /// Lazily built containment and capitals of `entries` ([`Gazetteer::links`]).
    pub(crate) links: std::sync::OnceLock<std::sync::Arc<super::gazetteer::PlaceLinks>>,
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
    /// A name another article of the story was found to use.
    Story,
    /// The outlet's name in the article's masthead.
    Masthead,
    /// The place a dateline opens with ("كرمانة، 17 نوفمبر …").
    Dateline,
}

/// One occurrence of an entity in the text.
///
/// A long article holds hundreds of thousands of them (issue #17): what is rare is boxed (a
/// title, the candidates of an ambiguous name) and the mentions written the same way share their
/// text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityMention {
    /// Original bytes.
    pub span: Span,
    /// Exactly the original bytes of `span`.
    pub text: std::sync::Arc<str>,
    /// Resolved entity id; `None` when ambiguous.
    pub entity: Option<EntityId>,
    /// Kind (of the entity, or the guess for unresolved ones).
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// How it was recognized.
    pub how: MatchKind,
    /// Candidate ids when ambiguous.
    #[serde(skip_serializing_if = "Candidates::is_empty")]
    pub candidates: Candidates,
    /// What kind of expression names the entity.
    pub form: MentionForm,
    /// The title or role phrase right before a name ("الرئيس البرازيلي" before "جواو سيلفا");
    /// see [`EntityMention::title`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Box<Span>>,
}

impl EntityMention {
    /// The title or role phrase right before the name, when it has one: `title.cover(span)` is
    /// the whole noun phrase.
    pub fn title(&self) -> Option<Span> {
        self.title.as_deref().copied()
    }

    /// The name with its title, when it has one.
    pub fn with_title(&self) -> Span {
        self.title.as_deref().map_or(self.span, |t| t.cover(self.span))
    }
}

/// The candidate ids of an ambiguous name, read as a slice: one thin pointer, null for the
/// many names that are not ambiguous.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Candidates(Option<Box<Box<[EntityId]>>>);

impl Candidates {
    /// The candidates `ids` (none when empty).
    pub fn new(ids: Vec<EntityId>) -> Candidates {
        Candidates((!ids.is_empty()).then(|| Box::new(ids.into_boxed_slice())))
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }
}

impl std::ops::Deref for Candidates {
    type Target = [EntityId];

    fn deref(&self) -> &[EntityId] {
        self.0.as_deref().map_or(&[], |ids| ids)
    }
}

/// Written as the list of ids.
impl Serialize for Candidates {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(serializer)
    }
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
    pub id: EntityId,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_found_name_has_an_unlisted_id_of_its_kind() {
        let found = EntityId::discovered(EntityType::Person, "smth");
        assert!(!found.is_listed());
        assert!(found.is_discovered_as(EntityType::Person));
        assert!(!found.is_discovered_as(EntityType::Place));
        // An id whose kind only begins with "person" is no person.
        assert!(!EntityId::listed("new:personal:x").is_discovered_as(EntityType::Person));
        let listed = EntityId::listed("person:vladimir-putin");
        assert!(listed.is_listed());
        assert!(!listed.is_discovered_as(EntityType::Person));
    }

    /// A long article holds hundreds of thousands of mentions (issue #17): a title and the
    /// candidates of an ambiguous name, which few have, are held out of line and written as before.
    #[test]
    fn a_mention_holds_its_rare_parts_out_of_line_and_writes_them_in_place() {
        assert!(
            std::mem::size_of::<EntityMention>() <= 72,
            "{}",
            std::mem::size_of::<EntityMention>()
        );
        let mut mention = EntityMention {
            span: Span::new(10, 14),
            text: "سيلفا".into(),
            entity: None,
            kind: EntityType::Person,
            how: MatchKind::Title,
            candidates: Candidates::new(vec![EntityId::listed("person:a"), EntityId::listed("person:b")]),
            form: MentionForm::Name,
            title: Some(Box::new(Span::new(0, 9))),
        };
        assert_eq!(mention.title(), Some(Span::new(0, 9)));
        assert_eq!(mention.with_title(), Span::new(0, 14));
        assert_eq!(mention.candidates.len(), 2);
        assert_eq!(
            serde_json::to_string(&mention).unwrap(),
            r#"{"span":[10,14],"text":"سيلفا","entity":null,"type":"person","how":"title","candidates":["person:a","person:b"],"form":"name","title":[0,9]}"#
        );
        mention.candidates = Candidates::new(Vec::new());
        mention.title = None;
        assert!(mention.candidates.is_empty());
        assert_eq!(mention.with_title(), Span::new(10, 14));
        assert_eq!(
            serde_json::to_string(&mention).unwrap(),
            r#"{"span":[10,14],"text":"سيلفا","entity":null,"type":"person","how":"title","form":"name"}"#
        );
    }

    #[test]
    fn a_key_is_written_as_its_id_or_as_its_folded_name() {
        let id = EntityId::listed("country:ru");
        let resolved = EntityKey::of(Some(&id), "روسيا");
        assert!(resolved.is_listed());
        assert_eq!(serde_json::to_string(&resolved).unwrap(), "\"country:ru\"");
        let unresolved = EntityKey::of(None, "الهيئة");
        assert!(unresolved.entity().is_none());
        assert!(!unresolved.is_listed());
        let written = serde_json::to_string(&unresolved).unwrap();
        assert!(written.starts_with("\"text:"), "{written}");
        assert_eq!(unresolved, EntityKey::of(None, "الهيئة"));
    }
}
