//! Preparing each fact's view once: value in a base unit, as-of period, clause as weighed word ids.

use super::period::Period;
use super::units::{base_of, group_key};
use super::{FactView, Facts};
use isnad_claims::DocAnalysis;
use isnad_claims::claims::SourceKind;
use isnad_claims::entities::{EntityId, EntityKey};
use isnad_claims::mentions::NumberValue;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The story's words by their aligned form ([`isnad_claims::facts::align_form`]), each form
/// with an id, and each spelling's id: copies of one text repeat every word, and a spelling's
/// form is read once.
#[derive(Default)]
struct Lemmas<'a> {
    /// Each aligned form's id.
    ids: FxHashMap<&'a str, u32>,
    /// Each form, by its id.
    forms: Vec<&'a str>,
    /// Each spelling's id.
    of_spelling: FxHashMap<&'a str, u32>,
}

impl<'a> Lemmas<'a> {
    /// The id of a word's aligned form (the next id when the form is new).
    fn id(&mut self, word: &'a str) -> u32 {
        if let Some(&id) = self.of_spelling.get(word) {
            return id;
        }
        let form = isnad_claims::facts::align_form(word);
        let next = self.forms.len() as u32;
        let id = *self.ids.entry(form).or_insert(next);
        if id == next {
            self.forms.push(form);
        }
        self.of_spelling.insert(word, id);
        id
    }
}

/// The story's lists of words as written (a sentence's, a clause's), each distinct list with a
/// number: copies of one text hold equal lists in different places, and a fact's class
/// ([`super::classes`]) compares the numbers, not the words.
#[derive(Default)]
struct Lists<'a> {
    numbers: FxHashMap<&'a [std::sync::Arc<str>], u32>,
}

impl<'a> Lists<'a> {
    /// The number of a list (the next one when the list is new).
    fn number(&mut self, words: &'a [std::sync::Arc<str>]) -> u32 {
        let next = self.numbers.len() as u32;
        *self.numbers.entry(words).or_insert(next)
    }
}

impl<'a> Facts<'a> {
    /// Prepares every fact of the story.
    pub fn new(
        documents: &[isnad_parser::Document],
        analyses: &'a [DocAnalysis],
        within: &dyn Fn(&EntityId) -> Option<EntityId>,
    ) -> Facts<'a> {
        // The leads of the first reports (the earliest published): their headline and first
        // sentence past it tell the story's incident; later reports' leads tell what came after.
        let first_day = documents.iter().filter_map(|d| d.meta.published).min();
        let leads: Vec<Option<isnad_parser::Span>> = documents
            .iter()
            .map(|d| {
                (d.meta.published.is_some() && d.meta.published == first_day)
                    .then(|| d.sentences.iter().find(|s| !s.in_headline).map(|s| s.span))
                    .flatten()
            })
            .collect();
        // Every lemma of the story gets an id; a clause or sentence shared by several facts is
        // mapped once.
        let mut ids = Lemmas::default();
        // Each list of words (by where it is) with its ids, and the number of its words as
        // written ([`Lists`]).
        let mut mapped: FxHashMap<*const std::sync::Arc<str>, (std::sync::Arc<[u32]>, u32)> =
            FxHashMap::default();
        let mut lists = Lists::default();
        let map_words = |ids: &mut Lemmas<'a>,
                         mapped: &mut FxHashMap<*const std::sync::Arc<str>, (std::sync::Arc<[u32]>, u32)>,
                         lists: &mut Lists<'a>,
                         words: &'a [std::sync::Arc<str>]|
         -> (std::sync::Arc<[u32]>, u32) {
            let (list, number) = mapped.entry(words.as_ptr()).or_insert_with(|| {
                let mut list: Vec<u32> = words.iter().map(|w| ids.id(w)).collect();
                list.sort_unstable();
                (list.into(), lists.number(words))
            });
            (std::sync::Arc::clone(list), *number)
        };
        let mut views = Vec::with_capacity(analyses.iter().map(|a| a.facts.len()).sum());
        // Each view's group is set below, once every view is read.
        let no_group: Arc<str> = Arc::from("");
        let mut sentences: BTreeMap<(usize, usize), std::sync::Arc<[u32]>> = BTreeMap::new();
        // Room to work in, kept from one fact to the next: a clause's words with their ids, and
        // those of them that say what the fact is about.
        let (mut aligned, mut about): (Vec<(&'a str, u32)>, Vec<u32>) = (Vec::new(), Vec::new());
        for (doc, analysis) in analyses.iter().enumerate() {
            let published = documents.get(doc).and_then(|d| d.reference_date());
            for fact in &analysis.facts {
                let (sentence_ids, sentence_list) =
                    map_words(&mut ids, &mut mapped, &mut lists, &fact.sentence_words);
                // The clause's words with their ids, in order, each looked up once: the clause's
                // list of ids is made from them.
                aligned.clear();
                aligned.extend(fact.context.iter().map(|w| (&**w, ids.id(w))));
                let (context_ids, context_list) = mapped.entry(fact.context.as_ptr()).or_insert_with(|| {
                    let mut list: Vec<u32> = aligned.iter().map(|&(_, id)| id).collect();
                    list.sort_unstable();
                    (list.into(), lists.number(&fact.context))
                });
                let (context_ids, word_lists) =
                    (std::sync::Arc::clone(context_ids), [sentence_list, *context_list]);
                sentences.insert((doc, fact.sentence.start), std::sync::Arc::clone(&sentence_ids));
                let (base, factor) = match fact.value.unit.as_deref() {
                    Some(unit) => {
                        let (base, factor) = base_of(unit);
                        (Some(base), factor)
                    }
                    None => (None, 1.0),
                };
                let amount: &NumberValue = &fact.value.amount;
                let period = fact
                    .as_of
                    .time
                    .as_ref()
                    .and_then(|t| Period::of(t, fact.as_of.hours));
                let stated = if fact.as_of.basis == isnad_claims::claims::TimeBasis::Stated {
                    period
                } else {
                    None
                };
                let source = fact
                    .attribution
                    .iter()
                    .find(|s| s.kind != SourceKind::Outlet && s.kind != SourceKind::Unnamed)
                    .map(|s| EntityKey::of(s.entity.as_ref(), &s.name));
                // The head and qualifiers say what is measured, not what it is about.
                // A date's head is only the word nearest to it: what it dates is its whole clause.
                let is_date = base == Some("date");
                let own = |w: &str| {
                    !is_date && fact.attribute.head.as_ref().is_some_and(|h| &*h.lemma == w)
                        || fact.attribute.qualifiers().iter().any(|q| &**q == w)
                };
                about.clear();
                about.extend(aligned.iter().filter(|(w, _)| !own(w)).map(|&(_, id)| id));
                about.sort_unstable();
                let mut senses: Vec<(&'a str, u32)> = aligned
                    .iter()
                    .map(|&(_, id)| (ids.forms[id as usize], id))
                    .filter(|(form, _)| isnad_claims::facts::is_sense(form))
                    .collect();
                senses.sort_unstable();
                senses.dedup();
                let sense_ids = senses.iter().map(|&(_, id)| id).collect();
                let senses: Vec<&'a str> = senses.into_iter().map(|(form, _)| form).collect();
                let (about_ids, senses) = (Box::from(&about[..]), senses.into_boxed_slice());
                views.push(FactView {
                    doc,
                    fact,
                    base_unit: base,
                    low: amount.low * factor,
                    factor,
                    high: amount.high.map(|h| h * factor),
                    stated,
                    as_of: period,
                    published,
                    source,
                    sentence_ids,
                    context_ids,
                    about_ids,
                    senses,
                    sense_ids,
                    about_weight: 0.0,
                    alone_in_report: false,
                    // Not the dateline's date, which dates the report.
                    lead: leads[doc].is_some()
                        && (fact.location == isnad_claims::claims::ClaimLocation::Headline
                            || leads[doc] == Some(fact.sentence))
                        && !documents[doc]
                            .meta
                            .published_span
                            .is_some_and(|d| d.overlaps(fact.span)),
                    in_figure_clause: false,
                    group: Arc::clone(&no_group),
                    times_text: Default::default(),
                    word_lists,
                });
            }
        }
        // A short word with a glued preposition or conjunction ("بسجن") is read whole by the
        // claims layer, since it may be a word of its own; the story settles it when another
        // figure's attribute is the word without it ("السجن").
        let keys: rustc_hash::FxHashSet<&str> = views
            .iter()
            .filter_map(|v| v.fact.attribute.key.as_deref())
            .collect();
        let unglued: Vec<Option<&str>> = views
            .iter()
            .map(|v| {
                let key = v.fact.attribute.key.as_deref()?;
                let rest = key.strip_prefix(['ب', 'ل', 'ك', 'و', 'ف'])?;
                (rest.chars().count() >= 3 && keys.contains(rest)).then_some(rest)
            })
            .collect();
        // Most figures share their group with others: one allocation per group, not per figure.
        let mut groups: rustc_hash::FxHashSet<Arc<str>> = rustc_hash::FxHashSet::default();
        for (v, unglued) in views.iter_mut().zip(unglued) {
            let key = group_key(v, unglued);
            v.group = match groups.get(key.as_str()) {
                Some(group) => Arc::clone(group),
                None => {
                    let group: Arc<str> = key.into();
                    groups.insert(Arc::clone(&group));
                    group
                }
            };
        }
        drop(groups);
        let mut doc_views = vec![0..0; analyses.len()];
        for (doc, range) in doc_views.iter_mut().enumerate() {
            let start = views.partition_point(|v| v.doc < doc);
            *range = start..views.partition_point(|v| v.doc <= doc);
        }
        let mut per_report: FxHashMap<(usize, Arc<str>), usize> = FxHashMap::default();
        for v in &views {
            *per_report.entry((v.doc, Arc::clone(&v.group))).or_default() += 1;
        }
        // Clauses that give a running total, a rate or a sum of money.
        let figure_clauses: rustc_hash::FxHashSet<(usize, usize, usize)> = views
            .iter()
            .filter(|o| o.fact.attribute.evolving || o.base_unit.is_some_and(super::series::is_rate_or_money))
            .map(|o| (o.doc, o.fact.clause.start, o.fact.clause.end))
            .collect();
        for v in &mut views {
            v.alone_in_report = per_report[&(v.doc, Arc::clone(&v.group))] == 1;
            v.in_figure_clause = figure_clauses.contains(&(v.doc, v.fact.clause.start, v.fact.clause.end));
        }
        let ids = ids.ids;
        let n = sentences.len().max(1) as f64;
        let mut df: Vec<usize> = vec![0; ids.len()];
        for words in sentences.values() {
            for &w in words.iter() {
                df[w as usize] += 1;
            }
        }
        // A word no sentence has (a clause word the sentence's list dropped) weighs as a rare one.
        let weights: Vec<f64> = df
            .into_iter()
            .map(|d| if d == 0 { 1.0 } else { (1.0 + n / d as f64).ln() })
            .collect();
        for v in &mut views {
            v.about_weight = v.about_ids.iter().map(|&w| weights[w as usize]).sum();
        }
        // Sentences are in document order: a word's documents are counted as they change.
        let (mut in_docs, mut last_doc) = (vec![0usize; ids.len()], vec![usize::MAX; ids.len()]);
        for (&(doc, _), words) in &sentences {
            for &w in words.iter() {
                if last_doc[w as usize] != doc {
                    last_doc[w as usize] = doc;
                    in_docs[w as usize] += 1;
                }
            }
        }
        let documents_with_facts = sentences
            .keys()
            .map(|&(d, _)| d)
            .collect::<rustc_hash::FxHashSet<_>>()
            .len();
        let topic_docs = 2.max(documents_with_facts.div_ceil(2));
        let topic = ids
            .iter()
            .filter(|&(_, &id)| in_docs[id as usize] >= topic_docs)
            .map(|(&w, _)| w)
            .collect();
        // Words nearly every report uses (three quarters, at least three) say nothing about which
        // event a date is of; a word two of three reports share still can.
        let story_wide_docs = 3.max((3 * documents_with_facts).div_ceil(4));
        let story_wide = in_docs.iter().map(|&d| d >= story_wide_docs).collect();
        let mut enclosing: FxHashMap<EntityId, Vec<EntityId>> = FxHashMap::default();
        for v in &views {
            let listed = v.fact.subject.places.iter().filter_map(EntityKey::entity);
            for place in listed.filter(|p| p.is_listed()) {
                enclosing.entry(place.clone()).or_insert_with(|| {
                    let mut chain = vec![place.clone()];
                    while chain.len() < 8
                        && let Some(up) = within(chain.last().expect("not empty"))
                    {
                        chain.push(up);
                    }
                    chain
                });
            }
        }
        Facts {
            views,
            weights,
            topic,
            story_wide,
            doc_views,
            enclosing,
        }
    }

    pub(super) fn weight(&self, word: u32) -> f64 {
        self.weights[word as usize]
    }

    /// The facts of one document.
    pub(crate) fn views_of(&self, doc: usize) -> &[FactView<'a>] {
        self.doc_views.get(doc).map_or(&[], |r| &self.views[r.clone()])
    }

    /// True when nearly every report of the story uses the word.
    pub(super) fn is_story_wide(&self, word: u32) -> bool {
        self.story_wide.get(word as usize).copied().unwrap_or(false)
    }

    /// The summed weight of some words.
    pub(super) fn weight_of(&self, words: &[u32]) -> f64 {
        words.iter().map(|&w| self.weight(w)).sum()
    }
}
