//! A name in no gazetteer: a variant of a gazetteer name or of a new name, else a new entity.

use super::Resolver;
use crate::entities::scan::Raw;
use crate::entities::types::{EntityId, EntityType, MatchKind};
use crate::entities::variant::{
    close_names_keyed, for_each_deletion, letter_key, same_first_name, skeleton, within,
};

/// A name in no gazetteer, seen in this document.
pub(super) struct NewName {
    id: EntityId,
    key: String,
    letter_key: String,
    letter_key_chars: usize,
    kind: EntityType,
    skeleton: String,
}

/// New names a thread's memo holds before it is emptied.
const MEMO_NAMES: usize = 1 << 14;

/// What a new name is, whatever the document: its letter key and skeleton, and per kind it was
/// found as, the one gazetteer entry it is a variant of, if one.
struct NameKeys {
    letter_key: String,
    skeleton: String,
    variants: Vec<(EntityType, Option<u32>)>,
}

/// The new names a thread has resolved (the search for gazetteer variants is the costly part,
/// and a name comes back in every article of its story), for one phrase table's index (see
/// [`crate::entities::index::GazetteerIndex::serial`]).
struct NameMemo {
    index: u64,
    names: rustc_hash::FxHashMap<Box<str>, NameKeys>,
}

impl NameMemo {
    fn new(index: u64) -> NameMemo {
        NameMemo {
            index,
            names: rustc_hash::FxHashMap::default(),
        }
    }
}

thread_local! {
    static NAMES: std::cell::RefCell<NameMemo> = std::cell::RefCell::new(NameMemo::new(0));
}

/// Whether a name found as `found` may be a spelling of a gazetteer entry of kind `entry`.
fn compatible(found: EntityType, entry: EntityType) -> bool {
    use EntityType::*;
    found == entry
        || matches!(
            (found, entry),
            (Organization, Agency | Product) | (Agency, Organization)
        )
}

impl Resolver<'_> {
    /// The gazetteer entries a new name (with letter key `lk` and skeleton `sk`) may spell.
    fn gazetteer_variants(&self, raw: &Raw, lk: &str, sk: &str) -> Vec<u32> {
        let words = raw.key.split(' ').count();
        let mut found: Vec<u32> = Vec::new();
        let consider = |found: &mut Vec<u32>, n: u32, exact_skeleton: bool| {
            let name = &self.index.names[n as usize];
            let entry = &self.entries[name.entry as usize];
            // A skeleton of three consonants is shared by too many words: then the letters must
            // agree exactly ("بنوك" banks is not "بوينغ").
            let short = sk.chars().count() < 4;
            let ok = compatible(raw.kind, entry.kind)
                && if exact_skeleton {
                    if short {
                        lk == name.letter_key
                    } else {
                        within(lk, &name.letter_key, 2)
                    }
                } else {
                    close_names_keyed(&raw.key, lk, &name.key, &name.letter_key)
                };
            if ok && !found.contains(&name.entry) {
                found.push(name.entry);
            }
        };
        if lk.chars().count() >= 4 {
            for &n in self.index.skeletons.get(sk).into_iter().flatten() {
                consider(&mut found, n, true);
            }
        }
        // Three letters or fewer fold onto too many words ("بنوك" banks and "بوينغ").
        if found.is_empty() && lk.chars().count() >= 4 {
            let mut buffer = String::with_capacity(lk.len());
            for_each_deletion(lk, &mut buffer, |d| {
                for &n in self.index.deletions.get(d).into_iter().flatten() {
                    consider(&mut found, n, false);
                }
            });
        }
        if found.is_empty() && words >= 2 {
            let parts: Vec<&str> = raw.key.split(' ').collect();
            for w in [parts[0], parts[parts.len() - 1]] {
                for &n in self.index.by_word.get(&letter_key(w)).into_iter().flatten() {
                    consider(&mut found, n, false);
                }
            }
        }
        found
    }

    /// Resolves a name in no gazetteer: a spelling variant of a gazetteer name, of a name seen
    /// earlier in the document, or a new entity.
    pub(super) fn resolve_new(&mut self, raw: &Raw) -> (EntityId, MatchKind) {
        let (lk, sk, single) = NAMES.with_borrow_mut(|memo| {
            if memo.index != self.index.serial() || memo.names.len() >= MEMO_NAMES {
                *memo = NameMemo::new(self.index.serial());
            }
            let name = match memo.names.get_mut(raw.key.as_str()) {
                Some(name) => name,
                None => {
                    let lk = letter_key(&raw.key);
                    let sk = skeleton(&lk);
                    memo.names.entry(raw.key.as_str().into()).or_insert(NameKeys {
                        letter_key: lk,
                        skeleton: sk,
                        variants: Vec::new(),
                    })
                }
            };
            let single = match name.variants.iter().find(|(kind, _)| *kind == raw.kind) {
                Some(&(_, single)) => single,
                None => {
                    let found = self.gazetteer_variants(raw, &name.letter_key, &name.skeleton);
                    let single = (found.len() == 1).then(|| found[0]);
                    name.variants.push((raw.kind, single));
                    single
                }
            };
            (name.letter_key.clone(), name.skeleton.clone(), single)
        });
        if let Some(entry) = single {
            return (self.entries[entry as usize].id.clone(), MatchKind::Variant);
        }
        // Names of five letters or more, at most two apart, may be close: told by their lengths
        // before they are compared. One article spells one name one way: two names of it that
        // differ by two letters are two people ("عبد اللطيف بنعمر" and "عبد اللطيف بنحمو"), and
        // only one edit makes a spelling variant here (across articles two may).
        let lk_chars = lk.chars().count();
        if let Some(prev) = self.new_names.iter().find(|p| {
            p.kind == raw.kind
                && (p.skeleton == sk
                    || (lk_chars.min(p.letter_key_chars) >= 5
                        && lk_chars.abs_diff(p.letter_key_chars) <= 1
                        && same_first_name(&raw.key, &p.key)
                        && within(&lk, &p.letter_key, 1)))
        }) {
            return (prev.id.clone(), MatchKind::Variant);
        }
        let id = EntityId::discovered(raw.kind, if sk.is_empty() { &lk } else { &sk });
        self.new_names.push(NewName {
            id: id.clone(),
            key: raw.key.clone(),
            letter_key: lk,
            letter_key_chars: lk_chars,
            kind: raw.kind,
            skeleton: sk,
        });
        (id, raw.how)
    }
}
