//! The claim: the `isnad claims` contract (see docs/claims-format.md).

use super::words::ClaimWords;
use crate::entities::EntityId;
use crate::mentions::Mention;
use isnad_parser::Span;
use serde::Serialize;
use std::sync::Arc;

/// What one sentence (or clause) claims happened.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    /// Stable within a run: `"<doc>#<n>"`.
    pub id: String,
    /// Document id.
    pub doc: String,
    /// The clause or sentence that makes the claim.
    pub span: Span,
    /// Exactly the original bytes of `span` (shared by the claims of one clause).
    pub text: Arc<str>,
    /// Span of the trigger word (verb or noun) that names the event.
    pub trigger: Span,
    /// Event type from the trigger lexicon (`gift`, `visit`, `meeting`, `casualties`, …).
    pub event: String,
    /// What the trigger lexicon declares of the event type (`[properties]` of triggers.toml).
    #[serde(skip_serializing_if = "EventProperties::is_empty")]
    pub properties: EventProperties,
    /// What the claim's clause signals about its event (`[cues]` of triggers.toml).
    #[serde(skip_serializing_if = "ClauseCues::is_empty")]
    pub cues: ClauseCues,
    /// Participants by role (`agent`, `recipient`, `patient`, `theme`, `place`, `destination`, …).
    pub roles: super::Roles,
    /// When it happened: the nearest time mention, else the publication date (see `time_basis`).
    pub time: Option<Arc<Mention>>,
    /// Where `time` came from.
    pub time_basis: TimeBasis,
    /// How many (of the theme or the event), when stated.
    pub count: Option<Arc<Mention>>,
    /// True when `count` counts a part of a larger set ("أربع من هذه الرحلات", "اثنتين منها"),
    /// not the total ("سبع رحلات").
    pub count_part: bool,
    /// The event's or theme's ordinal ("زيارته الثانية"), when stated.
    pub ordinal: Option<Arc<Mention>>,
    /// A measured amount with unit, when stated.
    pub quantity: Option<Arc<Mention>>,
    /// Who says so, innermost first; the outlet (the document) is always last.
    pub attribution: Chain,
    /// How firmly the source presents it.
    pub modality: Modality,
    /// Headline or body.
    #[serde(rename = "in")]
    pub location: ClaimLocation,
    /// What the graph compares of its text (not in reports: it is read from `text` and `roles`).
    #[serde(skip)]
    pub words: ClaimWords,
}

/// What the trigger lexicon declares of an event type, for the graph to merge and judge by
/// (serialized as the list of the properties that hold: `["incident"]`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EventProperties {
    /// An incident (a crash, an attack, a toll): its claims may name no participant at all.
    pub incident: bool,
    /// Its two sides play the same part (a meeting, a match): the agent is only who is written first.
    pub symmetric: bool,
    /// A journey or handover: occurrences follow one another within days in different places.
    pub movement: bool,
    /// One party acts (signs, appoints, attacks): a second agent is another event or a disagreement.
    pub single_agent: bool,
    /// Speech about other events (a denial, a statement, an accusation).
    pub speech: bool,
}

impl EventProperties {
    /// The properties that hold, by name.
    pub fn names(&self) -> Vec<&'static str> {
        [
            (self.incident, "incident"),
            (self.symmetric, "symmetric"),
            (self.movement, "movement"),
            (self.single_agent, "single_agent"),
            (self.speech, "speech"),
        ]
        .into_iter()
        .filter_map(|(holds, name)| holds.then_some(name))
        .collect()
    }

    /// True when no property holds.
    pub fn is_empty(&self) -> bool {
        *self == EventProperties::default()
    }
}

impl Serialize for EventProperties {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.names().serialize(serializer)
    }
}

/// What a claim's clause signals about its event, beyond its roles.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ClauseCues {
    /// It refers back to an earlier occurrence ("سبق أن"، "في وقت سابق"): not the story's.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub earlier: bool,
    /// It announces a rising total ("ارتفعت حصيلة"): an update, dated by its report.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub rising: bool,
    /// Its trigger names a toll ("وفق حصيلة أعلنتها السلطات صباح اليوم"): dated by its report.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub tally: bool,
    /// A time of its clause dates what reports it, not it: a saying that reports an incident
    /// ("أعلنت الشركة أمس … بعد حريق") or the report it is according to ("بحسب بيان أصدرته البلدية
    /// مساء أمس"). That time is not the claim's, nor is the time of the clause before.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub reported: bool,
}

impl ClauseCues {
    /// What either signals.
    pub fn union(self, other: ClauseCues) -> ClauseCues {
        ClauseCues {
            earlier: self.earlier || other.earlier,
            rising: self.rising || other.rising,
            tally: self.tally || other.tally,
            reported: self.reported || other.reported,
        }
    }

    /// True when the clause signals nothing.
    pub fn is_empty(&self) -> bool {
        *self == ClauseCues::default()
    }
}

/// The part a participant plays in an event, as the trigger lexicon names it. Declared in
/// alphabetical order, so a claim's roles serialize in the order of their names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Who acts.
    Agent,
    /// On whose behalf the agent acts ("عن الجانب التركي").
    Behalf,
    /// Who presides over an event whose agent is a body ("ترأس X اجتماعات اللجنة").
    Chair,
    /// Where a movement goes.
    Destination,
    /// Where a movement comes from.
    Origin,
    /// Who takes part, with no side distinguished (a meeting's other party).
    Participant,
    /// Who undergoes it.
    Patient,
    /// Where it happens.
    Place,
    /// Who receives.
    Recipient,
    /// What it is about or what is handed over.
    Theme,
    /// What carries a movement.
    Vehicle,
}

impl Role {
    /// Every role, in the order of their names.
    pub const ALL: [Role; 11] = [
        Role::Agent,
        Role::Behalf,
        Role::Chair,
        Role::Destination,
        Role::Origin,
        Role::Participant,
        Role::Patient,
        Role::Place,
        Role::Recipient,
        Role::Theme,
        Role::Vehicle,
    ];

    /// The role's name, as in the data and the JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Agent => "agent",
            Role::Behalf => "behalf",
            Role::Chair => "chair",
            Role::Destination => "destination",
            Role::Origin => "origin",
            Role::Participant => "participant",
            Role::Patient => "patient",
            Role::Place => "place",
            Role::Recipient => "recipient",
            Role::Theme => "theme",
            Role::Vehicle => "vehicle",
        }
    }

    /// True for the roles that name who took part (not where, with what or on whose behalf).
    pub fn is_actor(self) -> bool {
        matches!(
            self,
            Role::Agent | Role::Recipient | Role::Patient | Role::Participant
        )
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Role {
    type Err = String;

    fn from_str(name: &str) -> Result<Role, String> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == name)
            .ok_or_else(|| format!("no role {name:?}"))
    }
}

/// A role's filler.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleFiller {
    /// Entity id, when the filler is a known or newly found entity.
    pub entity: Option<EntityId>,
    /// Original text of the filler.
    pub text: String,
    /// Its span.
    pub span: Span,
}

/// Where a claim's time came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeBasis {
    /// A time mention in or near the claim's sentence.
    Stated,
    /// The document's publication date (nothing stated).
    Publication,
    /// Neither: no time known.
    Unknown,
}

/// An attribution chain, innermost source first: shared by the claims, statements, facts and
/// participants of one sentence that name the same sources (a long article has hundreds of
/// thousands of them).
pub type Chain = Arc<[Source]>;

/// One link of an attribution chain.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    /// Name as written (or the outlet / document id for the last link).
    pub name: String,
    /// Entity id when resolved.
    pub entity: Option<EntityId>,
    /// What kind of source.
    pub kind: SourceKind,
    /// Span of the name in the text; `None` for the outlet link.
    pub span: Option<Span>,
}

impl Source {
    /// The last link of every chain: the outlet that publishes the document (its id when the
    /// outlet is unknown).
    pub fn outlet_of(document: &isnad_parser::Document) -> Source {
        Source {
            name: document
                .meta
                .outlet
                .clone()
                .unwrap_or_else(|| document.id.clone()),
            entity: None,
            kind: SourceKind::Outlet,
            span: None,
        }
    }
}

/// Kinds of sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A named or titled person (a spokesman, a minister).
    Person,
    /// A news agency (TASS, KCNA, Reuters).
    Agency,
    /// A government, ministry, country or other institution speaking.
    Institution,
    /// Unnamed media, officials or observers ("مراقبون", "وسائل إعلام رسمية").
    Unnamed,
    /// The publishing outlet: always the last link.
    Outlet,
}

/// How firmly a source presents a claim (FactBank-style factuality).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Stated as fact by the outlet.
    Asserted,
    /// Stated as fact by a cited source.
    Reported,
    /// من المرجح، يعتقد، ربما، بحسب ما ورد.
    Hedged,
    /// لم، لن، ليس، لا.
    Negated,
    /// نفى/نفت: the source denies it.
    Denied,
    /// اتهم/تتهم: the source accuses someone of it.
    Accused,
    /// Future or planned: س، سوف، من المقرر، من المنتظر.
    Planned,
    /// لم يتم تأكيد، ما إذا كان: an open question.
    Unconfirmed,
}

/// Where in the article a claim is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimLocation {
    /// The headline.
    Headline,
    /// The body.
    Body,
}

impl ClaimLocation {
    /// Where a sentence is: the headline or the body.
    pub fn of(sentence: &isnad_parser::Sentence) -> ClaimLocation {
        if sentence.in_headline {
            ClaimLocation::Headline
        } else {
            ClaimLocation::Body
        }
    }
}

/// What a source says or denies, whatever it is about: the complement of a reporting verb ("قال X
/// إن …"، "حذرت X من أن …") or of a denial ("نفى X أن …"، "نفت X ما ذكره Y عن …"). Claims cover
/// the events of the trigger lexicon; a statement keeps the open content, so an assertion and a
/// denial of anything can be aligned by what their contents share.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Statement {
    /// Stable within a run: `"<doc>#s<n>"`.
    pub id: String,
    /// Document id.
    pub doc: String,
    /// The content: what is said or denied.
    pub span: Span,
    /// Exactly the original bytes of `span`.
    pub text: Arc<str>,
    /// The reporting or denial verb.
    pub verb: Span,
    /// Whether the source asserts the content, denies it or says it is not so.
    pub stance: Stance,
    /// Who says it, innermost first; the outlet (the document) is always last.
    pub attribution: Chain,
    /// Whose report a denial answers ("نفت الوزارة ما ذكره النائب عن …": the MP), when named.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answers: Option<Source>,
    /// Rough root keys of the content's words (function words left out), in text order: what
    /// the content is about, for aligning it with other statements.
    pub keys: Vec<Arc<str>>,
    /// Keys of the first content word after each negation of the content ("يحض على عدم انتخاب"،
    /// "لا دليل على بيع"): what is negated. An assertion that negates them is no opposite of
    /// their denial.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub negated: Vec<Arc<str>>,
    /// Root keys of the named speaker's words when the sentence names it ("المرشد الأعلى"): an
    /// assertion about that speaker ("المرشد يعلن الحرب") is about what it says.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub speaker_keys: Vec<Arc<str>>,
    /// The content is about another time than the report's: it states a date or year well
    /// before it ("منذ اتفاق 2019"، "في مارس 2021").
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub other_time: bool,
    /// Headline or body.
    #[serde(rename = "in")]
    pub location: ClaimLocation,
}

/// A source's stance on a statement's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// Says it is so.
    Asserts,
    /// Denies it: the complement of a denial verb ("نفى أن …"، "نفت ما ذكره X عن …").
    Denies,
    /// Says it is not so: a negation near the start of what is said ("قال إنه لم …"،
    /// "بريطانيا غير مسؤولة عن …").
    Negates,
}
