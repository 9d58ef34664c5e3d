//! Short names: parts of people's full names, and entries sharing a key told apart by the document.

use super::Resolver;
use crate::entities::lexicon;
use crate::entities::types::{EntityId, EntityType};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// First and last words (and particle-led tails) of the people named in full → the people.
#[derive(Default)]
pub(super) struct Partials {
    map: HashMap<String, Vec<EntityId>>,
    /// Bit `len % 64` set for the byte length of every key: nearly every free word is looked
    /// up, and few have the length of a key.
    lengths: u64,
}

impl Partials {
    pub(super) fn get(&self, key: &str) -> Option<&Vec<EntityId>> {
        if self.lengths & (1 << (key.len() % 64)) == 0 {
            return None;
        }
        self.map.get(key)
    }
}

impl Resolver<'_> {
    /// First and last words of multi-word person names resolved so far → the people.
    pub(super) fn partials(&self) -> Partials {
        let mut map: HashMap<String, Vec<EntityId>> = HashMap::default();
        // A person is named the same way many times: each name of each person is read once.
        let mut done: HashSet<(&str, &str)> = HashSet::default();
        for (mention, key, id) in self.named_keys() {
            if mention.kind != EntityType::Person || !done.insert((key, id.as_str())) {
                continue;
            }
            let mut keys = vec![key.to_string()];
            if let Some(&i) = self.index.ids.get(id) {
                let e = &self.entries[i as usize];
                keys.push(lexicon::collapse(&isnad_parser::fold_key(&e.name)));
            }
            for key in keys {
                let words: Vec<&str> = key.split(' ').collect();
                if words.len() < 2 {
                    continue;
                }
                // The part from a particle on is a family name too ("ولد سيدي عالي").
                let particle_tails = (1..words.len())
                    .filter(|&p| p + 1 < words.len() && self.lex.name_particles.contains(words[p]))
                    .map(|p| words[p..].join(" "));
                let ends = [words[0], words[words.len() - 1]].into_iter().filter(|w| {
                    w.chars().count() >= 3
                        && !self.lex.common_name_parts.contains(w)
                        && !self.lex.name_particles.contains(w)
                        && !self.lex.stop_words.contains(w)
                });
                for part in ends.map(str::to_string).chain(particle_tails) {
                    let ids = map.entry(part).or_default();
                    if !ids.contains(id) {
                        ids.push(id.clone());
                    }
                }
            }
        }
        let lengths = map.keys().fold(0u64, |mask, key| mask | (1 << (key.len() % 64)));
        Partials { map, lengths }
    }

    /// Picks among gazetteer entries sharing a key: the one the document names otherwise, else
    /// one whose container it names; several stay ambiguous.
    pub(super) fn choose(
        &self,
        cands: &[EntityId],
        seen: &HashSet<EntityId>,
        partial: Option<&Vec<EntityId>>,
    ) -> (Option<EntityId>, Vec<EntityId>) {
        let in_doc: Vec<EntityId> = cands.iter().filter(|c| seen.contains(*c)).cloned().collect();
        let in_doc = if in_doc.is_empty() {
            partial
                .map(|p| p.iter().filter(|c| cands.contains(c)).cloned().collect())
                .unwrap_or_default()
        } else {
            in_doc
        };
        match in_doc.len() {
            1 => return (in_doc.into_iter().next(), Vec::new()),
            0 => {}
            _ => return (None, self.by_frequency(in_doc)),
        }
        let contained: Vec<EntityId> = cands
            .iter()
            .filter(|c| {
                self.index
                    .ids
                    .get(*c)
                    .and_then(|&i| self.entries[i as usize].within.as_ref())
                    .is_some_and(|w| seen.contains(w))
            })
            .cloned()
            .collect();
        if contained.len() == 1 {
            return (contained.into_iter().next(), Vec::new());
        }
        (None, cands.to_vec())
    }

    /// Candidates ordered by how often the document names them (most first).
    fn by_frequency(&self, mut ids: Vec<EntityId>) -> Vec<EntityId> {
        ids.sort_by_key(|id| std::cmp::Reverse(self.named.get(id).copied().unwrap_or(0)));
        ids
    }
}
