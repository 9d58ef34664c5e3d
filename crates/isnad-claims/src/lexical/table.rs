//! The distinct folded words a thread has read, each with a dense id, and what the readers learn
//! of each word once: a sentence's tokens are looked up by their string once, when it is
//! prepared, and every reader after that finds what it memoized of a word by the token's id,
//! without hashing and comparing the word again.
//!
//! The table is per thread and bounded ([`MEMO_WORDS`]): it is emptied, and given a new
//! generation, when full before a sentence is interned. A sentence's ids are valid only in the
//! generation they were made in; a sentence read on another thread or after the table was
//! emptied is interned again there (one lookup per token, as before the table).

use super::lemma::root_of_folded;
use super::words::WordReading;
use isnad_parser::{Tokens, WordKind, WordRun, word_runs};
use rustc_hash::{FxHashMap, FxHashSet};
use std::cell::RefCell;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// What a word is among a claim's words (see `claims::words`).
pub(crate) enum ClaimStem {
    /// No content word: a function word, or too short.
    None,
    /// One content word, stemmed.
    Word(Arc<str>),
    /// A key of other letters than the basic Arabic ones, split into words when read.
    Split,
}

/// A word as the parser's word-level cut ([`isnad_parser::word_runs`]) reads it, which the entity
/// scan matches names on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WordCut {
    /// One word of `kind`; `article`: of letters, starting with «ال».
    One { kind: WordKind, article: bool },
    /// Several words, touching (a number with separators: «12,500»).
    Several,
    /// Not match text on its own: a space or a hyphen in it (which may join a name's parts).
    Unfit,
}

impl WordCut {
    /// How `key` is cut.
    pub(crate) fn of(key: &str) -> WordCut {
        let mut runs = word_runs(key);
        let Some(first) = runs.next() else {
            return WordCut::Unfit;
        };
        let joiner = |run: &WordRun| {
            run.kind == WordKind::Punct && matches!(&key[run.start..run.end], "-" | "‐" | "‑")
        };
        let mut end = first.end;
        let mut several = false;
        for run in runs {
            if run.start != end || joiner(&run) {
                return WordCut::Unfit;
            }
            end = run.end;
            several = true;
        }
        if first.start != 0 || end != key.len() || joiner(&first) {
            WordCut::Unfit
        } else if several {
            WordCut::Several
        } else {
            WordCut::One {
                kind: first.kind,
                article: first.kind == WordKind::Letters && key.starts_with("ال"),
            }
        }
    }
}

/// Distinct words a thread's table holds before it is emptied: the vocabulary of many stories,
/// bounded for a long run.
const MEMO_WORDS: usize = 1 << 16;

/// A sentence's tokens as ids in one generation of a thread's table.
pub(crate) struct WordIds {
    generation: u64,
    ids: Box<[u32]>,
}

impl WordIds {
    /// Interns the keys of `tokens` in this thread's table.
    pub(crate) fn of(tokens: &Tokens) -> WordIds {
        TABLE.with_borrow_mut(|table| {
            let ids = table.intern(tokens);
            WordIds {
                generation: table.generation,
                ids: ids.into(),
            }
        })
    }
}

/// What the readers memoize of each word, by id, each part filled when a reader first asks (the
/// readers above this module say how: it knows none of their lexicons).
pub(crate) struct WordTable {
    /// Which table this is: ids made in another generation mean nothing here.
    generation: u64,
    ids: FxHashMap<Box<str>, u32>,
    /// Each word's syntax sets in the claim lexicon, as their bits, once asked.
    claim_sets: Vec<Option<u16>>,
    /// Each word's reading by the fact reader, once asked.
    pub(crate) readings: Vec<Option<WordReading>>,
    /// Each word's root key when it is a content word of a statement (`Some(None)` for a word
    /// that is none), once asked ([`WordTable::content_root`]).
    roots: Vec<Option<Option<Arc<str>>>>,
    /// Each word's stemmed content word for the graph's claim words, once asked.
    claim_stems: Vec<Option<ClaimStem>>,
    /// One string per root key: the words of one root share it.
    shared_roots: FxHashSet<Arc<str>>,
    /// Each word's id in the entity scan's word memo, with the generation of the memo that gave
    /// it (`0`: never asked): the scan finds what it read of a word without hashing it again.
    scan_ids: Vec<(u32, u32)>,
    /// Each word's cut into the entity scan's words, once asked.
    cuts: Vec<Option<WordCut>>,
    /// Whether each word may open an office's title, once asked.
    office_openers: Vec<Option<bool>>,
}

/// Generations are numbered across threads, so ids of another thread's table never match.
static GENERATIONS: AtomicU64 = AtomicU64::new(1);

thread_local! {
    static TABLE: RefCell<WordTable> = RefCell::new(WordTable::new());
}

impl WordTable {
    fn new() -> WordTable {
        WordTable {
            generation: GENERATIONS.fetch_add(1, Ordering::Relaxed),
            ids: FxHashMap::default(),
            claim_sets: Vec::new(),
            readings: Vec::new(),
            roots: Vec::new(),
            claim_stems: Vec::new(),
            shared_roots: FxHashSet::default(),
            scan_ids: Vec::new(),
            cuts: Vec::new(),
            office_openers: Vec::new(),
        }
    }

    /// The ids of the keys of `tokens`, adding the words new to the table (emptied first when
    /// full, so every id handed out is of one generation).
    fn intern(&mut self, tokens: &Tokens) -> Vec<u32> {
        if self.ids.len() >= MEMO_WORDS {
            *self = WordTable::new();
        }
        (0..tokens.len())
            .map(|i| {
                let key = tokens.key(i);
                if let Some(&id) = self.ids.get(key) {
                    return id;
                }
                // Fewer words than MEMO_WORDS plus one sentence's tokens: far below u32::MAX.
                let id = self.claim_sets.len() as u32;
                self.ids.insert(key.into(), id);
                self.claim_sets.push(None);
                self.readings.push(None);
                self.roots.push(None);
                self.claim_stems.push(None);
                self.scan_ids.push((0, 0));
                self.cuts.push(None);
                self.office_openers.push(None);
                id
            })
            .collect()
    }

    /// The bits of the claim lexicon's syntax sets word `id` is in, `read` when first asked.
    pub(crate) fn claim_sets(&mut self, id: u32, read: impl FnOnce() -> u16) -> u16 {
        *self.claim_sets[id as usize].get_or_insert_with(read)
    }

    /// Whether word `id` may open an office's title, `read` when first asked.
    pub(crate) fn office_opener(&mut self, id: u32, read: impl FnOnce() -> bool) -> bool {
        *self.office_openers[id as usize].get_or_insert_with(read)
    }

    /// The stemmed content word of word `id` as a claim's words read it, `read` when first asked.
    pub(crate) fn claim_stem(&mut self, id: u32, read: impl FnOnce() -> ClaimStem) -> &ClaimStem {
        self.claim_stems[id as usize].get_or_insert_with(read)
    }

    /// The id of word `id` in the entity scan's memo of generation `generation` (not `0`), `read`
    /// when first asked of that memo.
    pub(crate) fn scan_id(&mut self, id: u32, generation: u32, read: impl FnOnce() -> u32) -> u32 {
        let slot = &mut self.scan_ids[id as usize];
        if slot.0 != generation {
            *slot = (generation, read());
        }
        slot.1
    }

    /// The cut of word `id`, of key `key`, into the entity scan's words.
    pub(crate) fn cut(&mut self, id: u32, key: &str) -> WordCut {
        *self.cuts[id as usize].get_or_insert_with(|| WordCut::of(key))
    }

    /// The root key of word `id`, of key `key`, when it is a content word of a statement
    /// (`is_content`, asked when the word is first met). One string per root: the words of one
    /// root share it.
    pub(crate) fn content_root(
        &mut self,
        id: u32,
        key: &str,
        is_content: impl FnOnce(&str) -> bool,
    ) -> Option<&Arc<str>> {
        let id = id as usize;
        if self.roots[id].is_none() {
            let root = is_content(key).then(|| {
                let root = root_of_folded(key);
                match self.shared_roots.get(root.as_str()) {
                    Some(shared) => Arc::clone(shared),
                    None => {
                        let shared: Arc<str> = root.into();
                        self.shared_roots.insert(Arc::clone(&shared));
                        shared
                    }
                }
            });
            self.roots[id] = Some(root);
        }
        self.roots[id].as_ref().and_then(Option::as_ref)
    }
}

/// Runs `read` with this thread's table and the ids of `tokens` in it: `ids` when they are of
/// its generation, else the tokens interned again.
pub(crate) fn with_words<R>(
    tokens: &Tokens,
    ids: &WordIds,
    read: impl FnOnce(&mut WordTable, &[u32]) -> R,
) -> R {
    TABLE.with_borrow_mut(|table| {
        if ids.generation == table.generation {
            read(table, &ids.ids)
        } else {
            let fresh = table.intern(tokens);
            read(table, &fresh)
        }
    })
}

/// Runs `read` with this thread's table and the ids of `tokens` interned now.
pub(crate) fn with_fresh_words<R>(tokens: &Tokens, read: impl FnOnce(&mut WordTable, &[u32]) -> R) -> R {
    TABLE.with_borrow_mut(|table| {
        let fresh = table.intern(tokens);
        read(table, &fresh)
    })
}

#[cfg(test)]
mod tests {
    use super::{WordIds, with_words};
    use isnad_parser::{Span, Tokens};

    /// Two words of one root share one string, and a word met again gives it again; a word of
    /// one letter has none.
    #[test]
    fn words_of_one_root_share_one_string() {
        let text = "المحطه محطه و المحطه";
        let (tokens, _) = Tokens::with_key_fold(text, Span::new(0, text.len()));
        let ids = WordIds::of(&tokens);
        let two_letters = |key: &str| key.chars().nth(1).is_some();
        with_words(&tokens, &ids, |table, ids| {
            let a = table
                .content_root(ids[0], tokens.key(0), two_letters)
                .cloned()
                .expect("a root");
            assert_eq!(*a, super::root_of_folded("المحطه"));
            let b = table
                .content_root(ids[1], tokens.key(1), two_letters)
                .cloned()
                .expect("a root");
            assert!(std::sync::Arc::ptr_eq(&a, &b), "{a} vs {b}");
            assert!(table.content_root(ids[2], tokens.key(2), two_letters).is_none());
            let again = table
                .content_root(ids[3], tokens.key(3), two_letters)
                .cloned()
                .expect("a root");
            assert!(std::sync::Arc::ptr_eq(&a, &again));
        });
    }
}
