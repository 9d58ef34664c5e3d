//! Classes of facts that are the same for every judgement: the same words, value, unit, time,
//! scope and sources, the same place of near-copied sentences, and the same neighbours in their
//! own report — only the document differs (an agency text run n times gives one class per figure,
//! not n). A pair of classes is judged once for the pairs of two reports and once for the pairs
//! within one report; every member is cited.

use super::near_copies::{NearCopies, Place};
use super::{FactView, Facts};
use chrono::{NaiveDate, NaiveDateTime};
use isnad_claims::claims::{ClaimLocation, Modality};
use isnad_claims::entities::EntityKey;
use isnad_claims::mentions::Qualifier;
use rustc_hash::{FxHashMap, FxHashSet};

/// The story's facts sorted into classes.
pub(super) struct Classes {
    /// The class of each fact.
    pub of: Vec<u32>,
    /// The facts of each class, ascending; classes are numbered by their first fact.
    pub members: Vec<Vec<usize>>,
    /// The report of each class's first fact, and whether others hold some.
    pub docs: Vec<(usize, bool)>,
}

/// Everything judging a fact reads of it and of its report, the report itself aside.
#[derive(PartialEq, Eq, Hash)]
struct Signature<'a> {
    group: &'a str,
    base_unit: Option<&'static str>,
    /// Low, high (`u64::MAX` for none), factor, the stated amount (`u64::MAX` for none).
    values: [u64; 4],
    qualifier: Qualifier,
    date: Option<(NaiveDateTime, NaiveDateTime)>,
    key: Option<&'a str>,
    class: Option<&'a str>,
    head: Option<&'a str>,
    qualifiers: &'a [Box<str>],
    governor: Option<&'a str>,
    modifier: Option<&'a str>,
    /// evolving, of_something, part of a whole, partitive, pool, rise, so far, earlier,
    /// previous, saying, alone in its report, its clause gives a figure a date would date.
    flags: [bool; 12],
    entities: &'a [EntityKey],
    places: &'a [EntityKey],
    modality: Modality,
    location: std::mem::Discriminant<ClaimLocation>,
    /// Its sentence's and clause's words as written, by number (see `FactView::word_lists`).
    word_lists: [u32; 2],
    stated: Option<(NaiveDateTime, NaiveDateTime)>,
    as_of: Option<(NaiveDateTime, NaiveDateTime)>,
    published: Option<NaiveDate>,
    source: Option<&'a EntityKey>,
    about_ids: &'a [u32],
    sentence_ids: &'a [u32],
    context_ids: &'a [u32],
    /// What its report's other figures of its group are of (interned), and which of its own
    /// qualifiers no other figure of that group in its report has.
    others_of: (u32, Vec<&'a str>),
    /// Its report's places of its series (interned: values of the group, for ordinals) and the
    /// places in a series its sentence names (interned).
    series: (u32, u32),
    /// Its place in its sentence and in its clause.
    copy_places: [Place; 2],
}

/// The id of `key` among those of `interned` (the next id when it is new).
fn intern<K: std::hash::Hash + Eq>(interned: &mut FxHashMap<K, u32>, key: K) -> u32 {
    let next = interned.len() as u32;
    *interned.entry(key).or_insert(next)
}

impl Classes {
    /// Sorts the story's facts into classes.
    pub fn new(facts: &Facts<'_>, copies: &NearCopies) -> Classes {
        let views = &facts.views;
        // Per (report, group): how many figures have each qualifier.
        let mut qualifier_counts: FxHashMap<(usize, &str), FxHashMap<&str, usize>> = FxHashMap::default();
        for v in views {
            let counts = qualifier_counts.entry((v.doc, &*v.group)).or_default();
            let mut own: Vec<&str> = v.fact.attribute.qualifiers().iter().map(|q| &**q).collect();
            own.sort_unstable();
            own.dedup();
            for q in own {
                *counts.entry(q).or_default() += 1;
            }
        }
        // A qualifier two figures have is "another's" for each of them; one only one has is
        // another's for all but that one.
        // Lists are interned as they are (each kind apart: an id is only compared with ids of
        // its kind), not through a text of each written out and hashed again.
        let mut listings: FxHashMap<Vec<(&str, bool)>, u32> = FxHashMap::default();
        let group_qualifiers: FxHashMap<(usize, &str), (u32, FxHashSet<&str>)> = qualifier_counts
            .into_iter()
            .map(|(key, counts)| {
                let mut listed: Vec<(&str, bool)> = counts.iter().map(|(&q, &n)| (q, n >= 2)).collect();
                listed.sort_unstable();
                let single = listed.iter().filter(|(_, many)| !many).map(|&(q, _)| q).collect();
                (key, (intern(&mut listings, listed), single))
            })
            .collect();
        // Per (report, group) of ordinals: the values given; per (report, sentence): its places
        // in a series.
        let mut series_values: FxHashMap<(usize, &str), Vec<(u64, u64)>> = FxHashMap::default();
        // A place in a series: its group, value (low and high bits) and words.
        type SeriesPlace<'v> = (&'v str, u64, u64, &'v str);
        let mut sentence_places: FxHashMap<(usize, usize, usize), Vec<SeriesPlace<'_>>> =
            FxHashMap::default();
        let bits = |v: &FactView<'_>| (v.low.to_bits(), v.high.map_or(u64::MAX, f64::to_bits));
        for v in views.iter().filter(|v| v.base_unit == Some("ordinal")) {
            let (low, high) = bits(v);
            series_values
                .entry((v.doc, &*v.group))
                .or_default()
                .push((low, high));
            sentence_places
                .entry((v.doc, v.fact.sentence.start, v.fact.sentence.end))
                .or_default()
                .push((&*v.group, low, high, v.fact.text.as_str()));
        }
        let mut value_lists: FxHashMap<Vec<(u64, u64)>, u32> = FxHashMap::default();
        let series_values: FxHashMap<(usize, &str), u32> = series_values
            .into_iter()
            .map(|(key, mut values)| {
                values.sort_unstable();
                (key, intern(&mut value_lists, values))
            })
            .collect();
        let mut place_lists: FxHashMap<Vec<SeriesPlace<'_>>, u32> = FxHashMap::default();
        let sentence_places: FxHashMap<(usize, usize, usize), u32> = sentence_places
            .into_iter()
            .map(|(key, places)| (key, intern(&mut place_lists, places)))
            .collect();
        let period = |p: Option<super::period::Period>| p.map(|p| (p.start, p.end));
        // Sized for every fact at once: growing it would hash each signature's words again.
        let mut ids: FxHashMap<Signature<'_>, u32> =
            FxHashMap::with_capacity_and_hasher(views.len(), Default::default());
        let mut of = Vec::with_capacity(views.len());
        let mut members: Vec<Vec<usize>> = Vec::new();
        for (i, v) in views.iter().enumerate() {
            let (f, a) = (v.fact, &v.fact.attribute);
            let (others, single) = &group_qualifiers[&(v.doc, &*v.group)];
            let mut own_single: Vec<&str> = a
                .qualifiers()
                .iter()
                .map(|q| &**q)
                .filter(|q| single.contains(q))
                .collect();
            own_single.sort_unstable();
            own_single.dedup();
            let (low, high) = bits(v);
            let signature = Signature {
                group: &v.group,
                base_unit: v.base_unit,
                values: [
                    low,
                    high,
                    v.factor.to_bits(),
                    f.value.amount.value.map_or(u64::MAX, f64::to_bits),
                ],
                qualifier: f.value.amount.qualifier,
                date: period(
                    f.value
                        .time
                        .as_ref()
                        .and_then(|t| super::period::Period::of(t, None)),
                ),
                key: a.key.as_deref(),
                class: a.class,
                head: a.head.as_ref().map(|h| &*h.lemma),
                qualifiers: a.qualifiers(),
                governor: a.governor(),
                modifier: a.modifier(),
                flags: [
                    a.evolving,
                    a.of_something,
                    f.scope.part_of.is_some(),
                    f.scope.partitive,
                    f.scope.pool,
                    f.scope.rise,
                    f.scope.so_far,
                    f.scope.earlier,
                    f.scope.previous,
                    f.scope.saying,
                    v.alone_in_report,
                    v.in_figure_clause,
                ],
                entities: &f.subject.entities,
                places: &f.subject.places,
                modality: f.modality,
                location: std::mem::discriminant(&f.location),
                word_lists: v.word_lists,
                stated: period(v.stated),
                as_of: period(v.as_of),
                published: v.published,
                source: v.source.as_ref(),
                about_ids: &v.about_ids,
                sentence_ids: &v.sentence_ids,
                context_ids: &v.context_ids,
                others_of: (*others, own_single),
                series: (
                    series_values
                        .get(&(v.doc, &*v.group))
                        .copied()
                        .unwrap_or(u32::MAX),
                    sentence_places
                        .get(&(v.doc, f.sentence.start, f.sentence.end))
                        .copied()
                        .unwrap_or(u32::MAX),
                ),
                copy_places: [copies.places[0][i], copies.places[1][i]],
            };
            let next = members.len() as u32;
            let class = *ids.entry(signature).or_insert(next);
            if class == next {
                members.push(Vec::new());
            }
            members[class as usize].push(i);
            of.push(class);
        }
        let docs = members
            .iter()
            .map(|list| {
                let doc = views[list[0]].doc;
                (doc, list.iter().any(|&m| views[m].doc != doc))
            })
            .collect();
        Classes { of, members, docs }
    }
}
