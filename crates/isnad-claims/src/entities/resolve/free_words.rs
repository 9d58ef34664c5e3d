//! Free words read again with the whole document known: surnames, spelling variants, typos.

use super::Resolver;
use super::partials::Partials;
use crate::entities::scan::{FreeWord, FreeWords};
use crate::entities::types::{Candidates, EntityId, EntityMention, EntityType, MatchKind, MentionForm};
use crate::entities::variant::{close, letter_key, skeleton_into, within, within_one_chars};
use rustc_hash::FxHashSet as HashSet;

/// A one-word name of this document, for typos of it among free words.
struct DocName {
    key: String,
    chars: Vec<char>,
    id: EntityId,
}

/// Buffers reused across free words.
#[derive(Default)]
struct Scratch {
    key: String,
    skeleton: String,
    chars: Vec<char>,
}

impl Resolver<'_> {
    /// Words no phrase or pattern took (run of sentences after run, each freed once read):
    /// surnames of people named in full, and spelling variants of gazetteer names or of names
    /// in this document. The mentions they make, in text order.
    pub(super) fn free_words(
        &mut self,
        free: Vec<FreeWords>,
        partials: &Partials,
        seen: &HashSet<EntityId>,
    ) -> Vec<EntityMention> {
        // Single-word names of this document, by their letters, for typos.
        let mut distinct: HashSet<(String, EntityId)> = HashSet::default();
        for (_, key, id) in self.named_keys() {
            if !key.contains(' ') {
                let lk = letter_key(key);
                if lk.chars().count() >= 5 {
                    distinct.insert((lk, id.clone()));
                }
            }
        }
        let mut doc_names: Vec<DocName> = distinct
            .into_iter()
            .map(|(key, id)| DocName {
                chars: key.chars().collect(),
                key,
                id,
            })
            .collect();
        // By length, so a word is compared with the names of its length give or take one only
        // (which of them match, not their order, decides).
        doc_names.sort_by_key(|name| name.chars.len());
        let mut scratch = Scratch::default();
        let mut mentions = Vec::new();
        for free in free {
            for run in free.runs() {
                let mut i = 0;
                while i < run.len() {
                    let mut advanced = false;
                    // Several words only when more follow and the first can start a multi-word name.
                    let longest = if run.len() - i > 1 && free.opens(&run[i]) {
                        3.min(run.len() - i)
                    } else {
                        1
                    };
                    for n in (1..=longest).rev() {
                        if let Some(found) =
                            self.free_match(&free, &run[i..i + n], partials, seen, &doc_names, &mut scratch)
                        {
                            if let Some(id) = &found.entity {
                                *self.named.entry(id.clone()).or_default() += 1;
                            }
                            mentions.push(found);
                            i += n;
                            advanced = true;
                            break;
                        }
                    }
                    if !advanced {
                        i += 1;
                    }
                }
            }
        }
        mentions
    }

    fn free_match(
        &self,
        free: &FreeWords,
        words: &[FreeWord],
        partials: &Partials,
        seen: &HashSet<EntityId>,
        doc_names: &[DocName],
        scratch: &mut Scratch,
    ) -> Option<EntityMention> {
        let lex = self.lex;
        if !words[1..].iter().all(|w| free.reading(w, 0).1) {
            return None;
        }
        for r in 0..free.count(&words[0]) {
            let (first, plain) = free.reading(&words[0], r);
            // A family name with the article ("الحمايدة", "للحمايدة" with its alef elided) is no
            // plain word, but a known surname.
            let whole = free.reading(&words[0], 0).0;
            let elided = r > 0
                && whole.trim_start_matches(['و', 'ف']).starts_with("لل")
                && first.starts_with('ل')
                && !first.starts_with("لل");
            // Looked up without building a key for every article word.
            let family_ids = if words.len() != 1 {
                None
            } else if first.starts_with("ال") {
                partials.get(first)
            } else if elided {
                scratch.key.clear();
                scratch.key.push('ا');
                scratch.key.push_str(first);
                partials.get(scratch.key.as_str())
            } else {
                None
            };
            if !plain && family_ids.is_none() {
                continue;
            }
            let reading = free.reading_facts(&words[0], r);
            let first_chars = reading.chars(first);
            if words.len() == 1 && first_chars < 3 {
                continue;
            }
            let key = || {
                let mut key = first.to_string();
                for w in &words[1..] {
                    key.push(' ');
                    key.push_str(free.reading(w, 0).0);
                }
                key
            };
            // Mapped back to the original text only for the words taken.
            let make = |entity: Option<EntityId>, kind, how, form, candidates: Vec<EntityId>| {
                let first_span = free.span(&words[0], r);
                let span = match words.last() {
                    Some(last) if words.len() > 1 => first_span.cover(free.span(last, 0)),
                    _ => first_span,
                };
                EntityMention {
                    span,
                    text: self.text(span),
                    entity,
                    kind,
                    how,
                    candidates: Candidates::new(candidates),
                    form,
                    title: None,
                }
            };
            let partial = if family_ids.is_some() {
                family_ids
            } else if words.len() == 1 {
                partials.get(first).filter(|_| first_chars >= 3)
            } else {
                partials.get(&key())
            };
            if let Some(ids) = partial {
                let (entity, candidates) = if ids.len() == 1 {
                    (Some(ids[0].clone()), Vec::new())
                } else {
                    (None, ids.clone())
                };
                // A common name part names no one alone: looked up only for a word that would be taken.
                if lex.common_name_parts.contains(first) {
                    continue;
                }
                return Some(make(
                    entity,
                    EntityType::Person,
                    MatchKind::Coreference,
                    MentionForm::Partial,
                    candidates,
                ));
            }
            let lk: &str = if words.len() == 1 {
                free.letter_key(&words[0], r)
            } else {
                scratch.key.clear();
                scratch.key.push_str(free.letter_key(&words[0], r));
                for w in &words[1..] {
                    scratch.key.push_str(free.letter_key(w, 0));
                }
                &scratch.key
            };
            let lk_chars = if words.len() == 1 {
                reading.key_chars(lk)
            } else {
                lk.chars().count()
            };
            if lk_chars < 4 {
                continue;
            }
            // A variant spelling of a gazetteer name: same letter key (ج/غ, split or joined), or one
            // letter apart for an entity this document already names ("كراسي" is not "غروسي").
            let mut hits: Vec<u32> = Vec::new();
            // A word's reading was told when scanned whether a gazetteer name has its skeleton.
            let skeleton_names = if (words.len() > 1 || reading.skeleton) && self.index.may_be_skeleton(lk) {
                skeleton_into(lk, &mut scratch.skeleton);
                self.index.skeletons.get(scratch.skeleton.as_str())
            } else {
                None
            };
            for &n in skeleton_names.into_iter().flatten() {
                let name = &self.index.names[n as usize];
                let id = &self.entries[name.entry as usize].id;
                let same = lk == name.letter_key;
                let kind = self.entries[name.entry as usize].kind;
                // Unseen entities only for foreign people and products: a place or organization
                // name folds onto ordinary words too easily ("إجراء" and "أكرا").
                let unseen_ok =
                    same && lk_chars >= 5 && matches!(kind, EntityType::Person | EntityType::Product);
                let typo = !same && !clitic_added(lk, &name.letter_key) && within(lk, &name.letter_key, 1);
                if (unseen_ok || (seen.contains(id) && (same || typo))) && !hits.contains(&name.entry) {
                    hits.push(name.entry);
                }
            }
            if hits.len() == 1 {
                let e = &self.entries[hits[0] as usize];
                if lex.common_name_parts.contains(first) {
                    continue;
                }
                return Some(make(
                    Some(e.id.clone()),
                    e.kind,
                    MatchKind::Variant,
                    MentionForm::Name,
                    Vec::new(),
                ));
            }
            // A typo of a one-word name this document uses ("كاراداك" beside "كاراداغ").
            let near = doc_names.partition_point(|name| name.chars.len() + 1 < lk_chars)
                ..doc_names.partition_point(|name| name.chars.len() <= lk_chars + 1);
            if words.len() == 1 && lk_chars >= 5 && !near.is_empty() {
                // One edit of a name of five letters or more keeps its first letter or its last.
                let (first_letter, last_letter) = (lk.chars().next(), lk.chars().next_back());
                scratch.chars.clear();
                let mut ids: Vec<EntityId> = Vec::new();
                for name in &doc_names[near] {
                    if name.chars.first() != first_letter.as_ref()
                        && name.chars.last() != last_letter.as_ref()
                    {
                        continue;
                    }
                    if scratch.chars.is_empty() {
                        scratch.chars.extend(lk.chars());
                    }
                    if name.chars.len().abs_diff(lk_chars) <= 1
                        && !clitic_added(lk, &name.key)
                        && within_one_chars(&scratch.chars, &name.chars)
                        && close(lk, &name.key, 1)
                        && !ids.contains(&name.id)
                    {
                        ids.push(name.id.clone());
                    }
                }
                if ids.len() == 1 {
                    let kind = self
                        .out
                        .iter()
                        .find(|m| m.entity.as_ref() == Some(&ids[0]))
                        .map_or(EntityType::Person, |m| m.kind);
                    if lex.common_name_parts.contains(first) {
                        continue;
                    }
                    return Some(make(
                        ids.pop(),
                        kind,
                        MatchKind::Variant,
                        MentionForm::Name,
                        Vec::new(),
                    ));
                }
            }
        }
        None
    }
}

/// True when letter key `key` is `name` with a proclitic letter before it ("بالزارات" and
/// "الزارات"): the word's reading without the proclitic is the name itself, not a typo of it.
fn clitic_added(key: &str, name: &str) -> bool {
    key.len() > name.len()
        && key.ends_with(name)
        && key[..key.len() - name.len()]
            .chars()
            .all(|c| matches!(c, 'و' | 'ف' | 'ب' | 'ل' | 'ك'))
}
