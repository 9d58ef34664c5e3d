//! What the rules need to know about each claim, computed once: its time as days, its
//! participants as entity keys, its theme words, its values.

use chrono::NaiveDate;
use isnad_claims::DocAnalysis;
use isnad_claims::claims::{Claim, Modality, Role, WordSet, sorted_common};
use isnad_claims::entities::{EntityId, EntityKey, Gazetteer};
use isnad_claims::mentions::MentionValue;
use isnad_parser::Document;

/// Roles that name where.
const PLACE_ROLES: [Role; 2] = [Role::Place, Role::Destination];

/// A claim with the values rules compare.
pub(crate) struct ClaimView<'a> {
    /// Index of its document.
    pub doc: usize,
    /// The claim.
    pub claim: &'a Claim,
    /// Days covered by a *stated* time, when resolved.
    pub days: Option<(NaiveDate, NaiveDate)>,
    /// Entity keys (ids, or folded text when unresolved) by role, sorted, each once (a sorted
    /// list, not a tree, and boxed, as no view grows: a story of many articles, or one very
    /// long one, holds one view per claim).
    pub actors: Box<[(Role, EntityKey)]>,
    /// Entity keys of every actor, whatever the role, sorted, each once (precomputed: merging
    /// compares them often).
    pub actor_set: Box<[EntityKey]>,
    /// The place's key (entity id or folded text): the venue, else the destination.
    pub place: Option<EntityKey>,
    /// The document's publication date.
    pub published: Option<NaiveDate>,
    /// True for claims that assert something happened or will (not denied, doubted or negated).
    pub affirmed: bool,
    /// True when the clause refers back to an earlier occurrence ("سبق أن", "في وقت سابق").
    pub refers_to_earlier: bool,
    /// True when the claim's date is its report's, not its event's: its clause announces a rising
    /// total ("ارتفعت حصيلة") or its trigger names a toll ("وفق حصيلة أعلنتها السلطات اليوم").
    pub dated_by_report: bool,
}

impl<'a> ClaimView<'a> {
    fn new(doc: usize, document: &Document, claim: &'a Claim) -> ClaimView<'a> {
        let key_of =
            |filler: &isnad_claims::claims::RoleFiller| EntityKey::of(filler.entity.as_ref(), &filler.text);
        let stated = matches!(claim.time_basis, isnad_claims::claims::TimeBasis::Stated);
        let time = claim
            .time
            .as_ref()
            .and_then(|m| m.value.time())
            .filter(|_| stated);
        let days = time.and_then(|t| t.day_range());
        let mut actors: Vec<(Role, EntityKey)> = claim
            .roles
            .iter()
            .filter(|(role, _)| role.is_actor())
            .map(|(role, filler)| (*role, key_of(filler)))
            .collect();
        actors.sort_unstable();
        actors.dedup();
        let place = PLACE_ROLES.iter().find_map(|r| claim.roles.get(r)).map(key_of);
        ClaimView {
            doc,
            claim,
            days,
            actors: actors.into_boxed_slice(),
            actor_set: Box::default(),
            place,
            published: document.meta.published,
            affirmed: matches!(
                claim.modality,
                Modality::Asserted | Modality::Reported | Modality::Planned
            ),
            refers_to_earlier: claim.cues.earlier,
            dated_by_report: claim.cues.rising || claim.cues.tally,
        }
        .with_actor_set()
    }

    fn with_actor_set(mut self) -> Self {
        let mut keys: Vec<EntityKey> = self.actors.iter().map(|(_, k)| k.clone()).collect();
        keys.sort_unstable();
        keys.dedup();
        self.actor_set = keys.into_boxed_slice();
        self
    }

    /// The ordinal value and its limiting window in years, when stated (read from the claim when
    /// asked: few claims have one, and every view would hold room for it).
    pub fn ordinal(&self) -> Option<(u32, Option<f64>)> {
        self.claim.ordinal.as_ref().and_then(|m| match &m.value {
            MentionValue::Ordinal(o) => {
                let window = o
                    .qualifier
                    .as_ref()
                    .map(|q| q.within.as_ref().map_or(f64::INFINITY, years));
                Some((o.value, window))
            }
            _ => None,
        })
    }

    /// Grain-aware description of the stated time ("2024-06-18..2024-06-19"), written when
    /// asked: only the claims of a finding need it, and it says what `days` says.
    pub fn time_text(&self) -> Option<String> {
        self.days.map(|(a, b)| {
            if a == b {
                crate::facts::day_text(a)
            } else {
                crate::facts::days_text(a, b)
            }
        })
    }

    /// The agent's key, when there is one (an actor's: a claim fills each role once).
    pub fn agent(&self) -> Option<&EntityKey> {
        self.actors
            .iter()
            .find(|(role, _)| *role == Role::Agent)
            .map(|(_, key)| key)
    }

    /// Folded content words of the theme (articles and clitics stripped).
    pub fn theme(&self) -> &'a WordSet {
        &self.claim.words.theme
    }

    /// Folded content words of the whole clause.
    pub fn words(&self) -> &'a WordSet {
        &self.claim.words.clause
    }

    /// True when `key` is one of its actors.
    pub fn has_actor(&self, key: &EntityKey) -> bool {
        self.actor_set.binary_search(key).is_ok()
    }

    /// How many content words two claims share besides their participants' names and their
    /// triggers: what they are about (a destination, a forum, a deal).
    pub fn shared_specifics(&self, other: &ClaimView<'_>) -> usize {
        let (names, other_names) = (&self.claim.words.names, &other.claim.words.names);
        self.words()
            .intersection(other.words())
            .filter(|w| !names.contains(w) && !other_names.contains(w))
            .count()
    }

    /// The days a claim is about: its stated time, or else the report's days (the week up to the
    /// publication date), as a claim with no time of its own tells of the news of those days.
    pub fn occasion_days(&self) -> Option<(NaiveDate, NaiveDate)> {
        /// How far back a report with no stated time reaches.
        const REPORT_DAYS: i64 = 7;
        self.days.or_else(|| {
            self.published
                .map(|p| (p - chrono::Duration::days(REPORT_DAYS), p))
        })
    }

    /// True when two claims are about the same happening: the same participants and something
    /// specific in common besides the names and the verb (a destination, a forum, a deal), or
    /// two specific things in common.
    pub fn same_happening(&self, other: &ClaimView<'_>) -> bool {
        let shared_actors = self.shared_actors(other);
        let shared_specifics = self.shared_specifics(other);
        shared_actors > 0 && shared_specifics >= 1 || shared_specifics >= 2
    }

    /// How many actors two claims share.
    pub fn shared_actors(&self, other: &ClaimView<'_>) -> usize {
        sorted_common(&self.actor_set, &other.actor_set).count()
    }
}

/// Length of a duration in years.
fn years(duration: &isnad_claims::mentions::DurationValue) -> f64 {
    use isnad_claims::mentions::DurationUnit::*;
    let per_year = match duration.unit {
        Second => 31_557_600.0,
        Minute => 525_960.0,
        Hour => 8766.0,
        Day => 365.25,
        Week => 52.18,
        Month => 12.0,
        Year => 1.0,
    };
    duration.amount / per_year
}

/// Everything the rules look at.
pub(crate) struct Context<'a> {
    /// The documents, in input order.
    pub documents: &'a [Document],
    /// Their analyses, parallel to `documents`.
    pub analyses: &'a [DocAnalysis],
    /// Every claim of the story, document by document.
    pub claims: Vec<ClaimView<'a>>,
    /// Indices into `claims` of each event type's claims, in claim order: a rule looks a claim's
    /// series up instead of walking every claim of the story for each claim.
    by_event: rustc_hash::FxHashMap<&'a str, Vec<usize>>,
    /// The range of `claims` each document's claims take, parallel to `documents`.
    doc_claims: Vec<std::ops::Range<usize>>,
    /// Place containment from the gazetteer (built once per gazetteer, shared by every story).
    links: std::sync::Arc<isnad_claims::entities::PlaceLinks>,
    /// Every fact of the story, prepared for comparison.
    pub facts: crate::facts::Facts<'a>,
    /// What comparing the facts found (with the comparisons of doers and places).
    pub compared: crate::facts::Compared,
    /// Reports naming another doer or place for what their clauses both say.
    pub participant_conflicts: Vec<crate::facts::ParticipantConflict>,
}

impl<'a> Context<'a> {
    /// Prepares the views of every claim.
    pub fn new(
        documents: &'a [Document],
        analyses: &'a [DocAnalysis],
        gazetteer: &'a Gazetteer,
    ) -> Context<'a> {
        use rayon::prelude::*;
        // Every claim with its document, then one exact collect of their views: per-document
        // lists joined afterwards held every view twice at the join.
        let all: Vec<(usize, &'a Claim)> = analyses
            .iter()
            .enumerate()
            .flat_map(|(i, analysis)| analysis.claims.iter().map(move |claim| (i, claim)))
            .collect();
        let mut claims: Vec<ClaimView<'a>> = Vec::new();
        all.par_iter()
            .map(|&(i, claim)| ClaimView::new(i, &documents[i], claim))
            .collect_into_vec(&mut claims);
        drop(all);
        let mut doc_claims = Vec::with_capacity(analyses.len());
        let mut start = 0;
        for analysis in analyses {
            doc_claims.push(start..start + analysis.claims.len());
            start += analysis.claims.len();
        }
        let mut by_event: rustc_hash::FxHashMap<&'a str, Vec<usize>> = rustc_hash::FxHashMap::default();
        for (i, view) in claims.iter().enumerate() {
            by_event.entry(view.claim.event.as_str()).or_default().push(i);
        }
        let links = gazetteer.links();
        let within_of = |id: &EntityId| {
            gazetteer
                .entries
                .iter()
                .find(|e| &e.id == id)
                .and_then(|e| e.within.clone())
        };
        // Figures and doers are compared apart: side by side.
        let ((facts, mut compared), (participant_conflicts, participant_comparisons)) = rayon::join(
            || {
                let facts = crate::facts::Facts::new(documents, analyses, &within_of);
                let compared = crate::facts::compare(&facts);
                (facts, compared)
            },
            || crate::facts::compare_participants(analyses),
        );
        compared.comparisons.extend(participant_comparisons);
        Context {
            documents,
            analyses,
            claims,
            by_event,
            doc_claims,
            links,
            facts,
            compared,
            participant_conflicts,
        }
    }

    /// The claims of one event type, in claim order, with their indices.
    pub fn of_event<'s>(&'s self, event: &str) -> impl Iterator<Item = (usize, &'s ClaimView<'a>)> + 's {
        self.by_event
            .get(event)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&i| (i, &self.claims[i]))
    }

    /// The event types of the story's claims, each once (in no particular order).
    pub fn event_types(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.by_event.keys().copied()
    }

    /// The claims of one document, in claim order.
    pub fn of_doc(&self, doc: usize) -> &[ClaimView<'a>] {
        &self.claims[self.doc_claims[doc].clone()]
    }

    /// True when one place lies in the other (or they are the same).
    pub fn places_compatible(&self, a: &EntityKey, b: &EntityKey) -> bool {
        match (a.entity(), b.entity()) {
            (Some(x), Some(y)) => x == y || self.lies_in(x, y) || self.lies_in(y, x),
            _ => a == b,
        }
    }

    fn lies_in(&self, inner: &EntityId, outer: &EntityId) -> bool {
        let mut at = inner;
        for _ in 0..8 {
            match self.links.within(at) {
                Some(parent) if parent == outer => return true,
                Some(parent) => at = parent,
                None => return false,
            }
        }
        false
    }

    /// True when the gazetteer knows the place (so a disagreement about it can be judged).
    pub fn is_known_place(&self, key: &EntityKey) -> bool {
        key.is_listed()
    }

    /// Two actor sets describe the same participants: they share an entity and their agents,
    /// when both have one, are the same.
    pub fn same_participants(&self, a: &ClaimView<'_>, b: &ClaimView<'_>) -> bool {
        // An incident (a quake's toll, an attack) often has no named actor: claims about it with
        // no named participant on either side are about the story's one incident.
        let named = |v: &ClaimView<'_>| v.actors.iter().any(|(_, k)| k.entity().is_some());
        if a.claim.properties.incident && !named(a) && !named(b) {
            return true;
        }
        let shared = a.shared_actors(b);
        // In a meeting or a match either side may be written first ("الوداد فاز على بركان",
        // "بركان خسر أمام الوداد"): the agents agree when one is a participant of the other.
        let symmetric = a.claim.properties.symmetric;
        let agents_agree = match (a.agent(), b.agent()) {
            (Some(x), Some(y)) => x == y || (symmetric && (a.has_actor(y) || b.has_actor(x))),
            _ => true,
        };
        shared > 0 && agents_agree
    }
}
