//! Event merging: which claims are about one real-world event (see docs/event-merging.md).
//!
//! Claims are bucketed by event type, so the work is near-linear in claims: only claims of one
//! type are ever compared. Within a bucket two claims are one event when their participants agree
//! and nothing tells them apart; every decision keeps its reason so findings can explain themselves.

use crate::view::{ClaimView, Context};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Times further apart than this are two occurrences of a recurring event, not one misdated event.
pub(crate) const SAME_EVENT_MAX_GAP_DAYS: i64 = 45;

/// One real-world event: claims merged across documents.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    /// `"E<n>"` in story order.
    pub id: String,
    /// Event type (shared by the events of one type).
    pub event: Arc<str>,
    /// Indices into the context's claims (ids in the report).
    #[serde(skip)]
    pub members: Vec<usize>,
    /// Claim ids (shared with the decisions that name them).
    pub claims: Vec<Arc<str>>,
    /// Documents reporting it that are not copies of one another: how well it is corroborated.
    pub independent_sources: usize,
}

/// A merge or split decision between two claims, with its reason.
#[derive(Debug, Clone, Serialize)]
pub struct Decision {
    /// The two claim ids (shared: a cluster's first claim is in a decision with each claim that
    /// joins it).
    pub claims: [Arc<str>; 2],
    /// Whether they were judged one event.
    pub same: bool,
    /// Why (shared by the decisions of one pair of readings).
    pub reason: Arc<str>,
}

/// Whether two claims of one type with the same participants (checked by the caller, see
/// [`Context::same_participants`]) can be one event, and why.
fn judge(context: &Context<'_>, a: &ClaimView<'_>, b: &ClaimView<'_>) -> (bool, Cow<'static, str>) {
    let places_differ = match (&a.place, &b.place) {
        (Some(x), Some(y)) => {
            context.is_known_place(x) && context.is_known_place(y) && !context.places_compatible(x, y)
        }
        _ => false,
    };
    let times_overlap = matches!((a.days, b.days), (Some((a0, a1)), Some((b0, b1))) if a0 <= b1 && b0 <= a1);
    if places_differ && !times_overlap {
        if let Some(days) = recent_report(a, b).or_else(|| recent_report(b, a)) {
            return (
                true,
                crate::with_number(
                    "same participants; an undated report published ",
                    days,
                    " day(s) after the dated one tells of the same occurrence",
                )
                .into(),
            );
        }
        return (
            false,
            "different places and nothing dates them to the same time".into(),
        );
    }
    if let (Some((a0, a1)), Some((b0, b1))) = (a.days, b.days)
        && (a1 < b0 || b1 < a0)
    {
        let gap = if a1 < b0 {
            (b0 - a1).num_days()
        } else {
            (a0 - b1).num_days()
        };
        if let (Some((x, _)), Some((y, _))) = (a.ordinal(), b.ordinal())
            && x != y
        {
            return (
                false,
                format!("ordinals {x} and {y} at different times: two events in order").into(),
            );
        }
        if a.ordinal().is_some() || b.ordinal().is_some() {
            return (
                false,
                "an ordinal places one in a series and the times differ: two events".into(),
            );
        }
        if a.refers_to_earlier || b.refers_to_earlier {
            return (
                false,
                "one refers to an earlier occurrence (\"سبق أن\", \"في وقت سابق\")".into(),
            );
        }
        if gap > SAME_EVENT_MAX_GAP_DAYS {
            return (
                false,
                crate::with_number("times ", gap, " days apart: two occurrences").into(),
            );
        }
        return (
            true,
            crate::with_number(
                "same participants, times ",
                gap,
                " days apart and nothing tells them apart",
            )
            .into(),
        );
    }
    if a.days.is_some() && b.days.is_some() {
        return (true, "same participants, overlapping times".into());
    }
    (true, "same participants, no time to tell them apart".into())
}

/// Days between a dated past claim and a later, undated report of the same participants that
/// follows it closely ("عقب اجتماعات اللجنة …" three days after the meeting): such a report
/// speaks of that occurrence, so a different place in it is a disagreement, not another event.
fn recent_report(dated: &ClaimView<'_>, undated: &ClaimView<'_>) -> Option<i64> {
    const RECENT_REPORT_DAYS: i64 = 7;
    // Journeys follow one another within days ("arrived in Amman", then "returned to
    // Nouakchott"): only events that happen in one place are judged this way.
    let (_, end) = dated.days?;
    if dated.claim.properties.movement
        || undated.days.is_some()
        || undated.ordinal().is_some()
        || undated.refers_to_earlier
        || dated.ordinal().is_some()
        || !undated.affirmed
        || undated.claim.modality == isnad_claims::claims::Modality::Planned
    {
        return None;
    }
    let gap = (undated.published? - end).num_days();
    (0..=RECENT_REPORT_DAYS).contains(&gap).then_some(gap)
}

/// Counts, for each event, the documents reporting it, a copy and its original counting once
/// (copies link to their original: two copies of one original are one source too).
pub(crate) fn count_sources(context: &Context<'_>, events: &mut [Event], copies: &[crate::CopyLink]) {
    let original: rustc_hash::FxHashMap<&str, &str> = copies
        .iter()
        .map(|c| (c.doc.as_str(), c.source.as_str()))
        .collect();
    for event in events {
        let mut origins: Vec<&str> = event
            .members
            .iter()
            .map(|&i| context.documents[context.claims[i].doc].id.as_str())
            .map(|d| original.get(d).copied().unwrap_or(d))
            .collect();
        origins.sort_unstable();
        origins.dedup();
        event.independent_sources = origins.len();
    }
}

/// What merging reads of a claim (participants, places, time, order, cues, report date, event
/// properties, modality): two claims that read alike merge alike with any third, so a cluster
/// is judged once per reading it holds, not once per member.
#[derive(PartialEq, Eq, Hash)]
struct Reading<'v> {
    actors: &'v [(isnad_claims::claims::Role, isnad_claims::entities::EntityKey)],
    agent: Option<&'v isnad_claims::entities::EntityKey>,
    place: Option<&'v isnad_claims::entities::EntityKey>,
    days: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    ordinal: Option<(u32, Option<u64>)>,
    refers_to_earlier: bool,
    affirmed: bool,
    published: Option<chrono::NaiveDate>,
    properties: (bool, bool, bool),
    modality: isnad_claims::claims::Modality,
}

impl<'v> Reading<'v> {
    fn of(v: &'v ClaimView<'_>) -> Reading<'v> {
        let p = v.claim.properties;
        Reading {
            actors: &v.actors,
            agent: v.agent(),
            place: v.place.as_ref(),
            days: v.days,
            ordinal: v.ordinal().map(|(n, window)| (n, window.map(f64::to_bits))),
            refers_to_earlier: v.refers_to_earlier,
            affirmed: v.affirmed,
            published: v.published,
            properties: (p.incident, p.symmetric, p.movement),
            modality: v.claim.modality,
        }
    }
}

/// Greedy clustering of the claims of one event type: the clusters and the decisions taken, one
/// per reading of a cluster a claim was judged against (the first member that reads so stands
/// for the others).
fn cluster_bucket(
    context: &Context<'_>,
    ids: &[Arc<str>],
    members: &[usize],
) -> (Vec<Vec<usize>>, Vec<Decision>) {
    use rustc_hash::FxHashMap;
    let mut decisions = Vec::new();
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    // Per cluster, its readings in the order they joined, each with its first member.
    let mut cluster_readings: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut reading_of: FxHashMap<Reading<'_>, usize> = FxHashMap::default();
    // (reading, reading) → None for different participants, else the judgement.
    type Judgement = Option<(bool, Arc<str>)>;
    let mut judged: FxHashMap<(usize, usize), Judgement> = FxHashMap::default();
    // Each reason in fixed words once, shared by every decision that gives it.
    let mut reasons: FxHashMap<&'static str, Arc<str>> = FxHashMap::default();
    let id_of = |i: usize| Arc::clone(&ids[i]);
    // Clusters by the participants of their first claim: a claim can join only a cluster whose
    // first claim has the same participants (an actor in common, or, for an incident, no named
    // one on either side), so only those are looked at, not every cluster of the bucket.
    let mut by_actor: FxHashMap<&isnad_claims::entities::EntityKey, Vec<usize>> = FxHashMap::default();
    let mut unnamed: Vec<usize> = Vec::new();
    let named = |v: &ClaimView<'_>| v.actors.iter().any(|(_, k)| k.entity().is_some());
    let mut order: Vec<usize> = members.to_vec();
    order.sort_by_key(|&i| (context.claims[i].days.is_none(), i));
    // The clusters a claim may join, room kept from one claim to the next.
    let mut candidates: Vec<usize> = Vec::new();
    for i in order {
        let a = &context.claims[i];
        let next = reading_of.len();
        let reading = *reading_of.entry(Reading::of(a)).or_insert(next);
        let mut home = None;
        if a.affirmed {
            candidates.clear();
            candidates.extend(
                a.actor_set
                    .iter()
                    .filter_map(|k| by_actor.get(k))
                    .flatten()
                    .copied(),
            );
            if a.claim.properties.incident && !named(a) {
                candidates.extend(&unnamed);
            }
            candidates.sort_unstable();
            candidates.dedup();
            for &c in &candidates {
                crate::tally::tally(crate::tally::Work::MergeCandidate, 1);
                let held = &cluster_readings[c];
                let mut fits = true;
                for &(b_reading, j) in held {
                    let b = &context.claims[j];
                    if !b.affirmed {
                        fits = false;
                        break;
                    }
                    let outcome = judged.entry((b_reading, reading)).or_insert_with(|| {
                        // Different participants: not one event, and no decision worth keeping.
                        context
                            .same_participants(a, b)
                            .then(|| match judge(context, a, b) {
                                (same, Cow::Borrowed(text)) => (
                                    same,
                                    Arc::clone(reasons.entry(text).or_insert_with(|| Arc::from(text))),
                                ),
                                (same, Cow::Owned(text)) => (same, Arc::from(text)),
                            })
                    });
                    let Some((same, reason)) = outcome else {
                        fits = false;
                        break;
                    };
                    decisions.push(Decision {
                        claims: [id_of(j), id_of(i)],
                        same: *same,
                        reason: Arc::clone(reason),
                    });
                    if !*same {
                        fits = false;
                        break;
                    }
                }
                if fits {
                    home = Some(c);
                    break;
                }
            }
        }
        match home {
            Some(c) => {
                clusters[c].push(i);
                if !cluster_readings[c].iter().any(|&(r, _)| r == reading) {
                    cluster_readings[c].push((reading, i));
                }
            }
            None => {
                // A claim not affirmed takes no other (every claim judged against it stops
                // there): its cluster stays its own and is never a candidate, so the copies of
                // one denial do not make every later claim with their participants try each.
                if a.affirmed {
                    for key in &a.actor_set {
                        by_actor.entry(key).or_default().push(clusters.len());
                    }
                    if !named(a) {
                        unnamed.push(clusters.len());
                    }
                }
                clusters.push(vec![i]);
                cluster_readings.push(vec![(reading, i)]);
            }
        }
    }
    (clusters, decisions)
}

/// Merges the story's claims into events (greedy clustering within each event type).
pub(crate) fn merge(context: &Context<'_>) -> (Vec<Event>, Vec<Decision>) {
    // Each claim's id, made once for its decisions and its event.
    let ids: Vec<Arc<str>> = context
        .claims
        .iter()
        .map(|v| Arc::from(v.claim.id.as_str()))
        .collect();
    let mut buckets: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, view) in context.claims.iter().enumerate() {
        buckets.entry(view.claim.event.as_str()).or_default().push(i);
    }
    // Greedy clustering: a claim joins a cluster only when it can be one event with *every*
    // member, so an undated claim cannot chain two differently dated occurrences together.
    // Dated claims go first so clusters form around dates. Buckets are independent: they are
    // clustered in parallel and their results joined in bucket order.
    use rayon::prelude::*;
    let per_bucket: Vec<(Vec<Vec<usize>>, Vec<Decision>)> = buckets
        .values()
        .collect::<Vec<_>>()
        .par_iter()
        .map(|members| cluster_bucket(context, &ids, members))
        .collect();
    let mut decisions = Vec::new();
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    for (bucket_clusters, bucket_decisions) in per_bucket {
        clusters.extend(bucket_clusters);
        decisions.extend(bucket_decisions);
    }
    // Events in story order of their first claim.
    for cluster in &mut clusters {
        cluster.sort_unstable();
    }
    clusters.sort_by_key(|c| c[0]);
    let groups = clusters;
    let mut types: rustc_hash::FxHashMap<&str, Arc<str>> = rustc_hash::FxHashMap::default();
    let events = groups
        .into_iter()
        .enumerate()
        .map(|(n, members)| {
            let event = context.claims[members[0]].claim.event.as_str();
            Event {
                id: crate::numbered('E', n + 1),
                event: Arc::clone(types.entry(event).or_insert_with(|| Arc::from(event))),
                claims: members.iter().map(|&i| Arc::clone(&ids[i])).collect(),
                independent_sources: 0,
                members,
            }
        })
        .collect();
    (events, decisions)
}
