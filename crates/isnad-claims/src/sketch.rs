//! Filters in front of word tables: one bit per signature of a table's keys, so that most words,
//! which are in no table, are turned away without hashing the whole key and probing the table.
//! A clear bit proves the word absent; a set bit only says "look it up".

use rustc_hash::FxHashSet;

/// Bits of a sketch unless its user asks otherwise (an 8 KiB table).
const DEFAULT_LOG2_BITS: u32 = 16;

/// A set of key signatures.
pub(crate) struct KeySketch {
    bits: Vec<u64>,
    /// How far a 64-bit signature is shifted to index the table.
    shift: u32,
}

impl KeySketch {
    /// An empty sketch of `2^log2_bits` bits (at least 64).
    pub(crate) fn empty(log2_bits: u32) -> KeySketch {
        let log2_bits = log2_bits.clamp(6, 32);
        KeySketch {
            bits: vec![0; 1 << (log2_bits - 6)],
            shift: 64 - log2_bits,
        }
    }

    /// The sketch of `keys`.
    pub(crate) fn of<'k>(keys: impl IntoIterator<Item = &'k str>) -> KeySketch {
        let mut sketch = KeySketch::empty(DEFAULT_LOG2_BITS);
        for key in keys {
            sketch.insert(key);
        }
        sketch
    }

    /// Adds a key.
    pub(crate) fn insert(&mut self, key: &str) {
        self.insert_signature(signature(key.as_bytes()));
    }

    /// False when `key` is surely not one of the keys.
    #[inline]
    pub(crate) fn may_contain(&self, key: &str) -> bool {
        self.may_contain_signature(signature(key.as_bytes()))
    }

    /// Adds a signature its user computed itself (of a form it does not build, such as a skeleton).
    pub(crate) fn insert_signature(&mut self, signature: u64) {
        let bit = (signature >> self.shift) as usize;
        self.bits[bit / 64] |= 1 << (bit % 64);
    }

    /// False when no key of the sketch has `signature`.
    #[inline]
    pub(crate) fn may_contain_signature(&self, signature: u64) -> bool {
        let bit = (signature >> self.shift) as usize;
        self.bits[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// A cheap signature of a piece of text: its length and its first four and last two bytes (the
/// first two letters and the last of an Arabic word), mixed. Equal texts have equal signatures.
#[inline]
pub(crate) fn signature(text: &[u8]) -> u64 {
    let n = text.len();
    let head = match *text {
        [a, b, c, d, ..] => u32::from_le_bytes([a, b, c, d]),
        _ => text.iter().fold(0, |head, &byte| (head << 8) | u32::from(byte)),
    };
    let tail = match *text {
        [.., y, z] => u16::from_le_bytes([y, z]),
        _ => 0,
    };
    let mixed = u64::from(head) ^ (u64::from(tail) << 32) ^ ((n as u64) << 48);
    mixed.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// A set of words with two bitmasks in front, of the lengths and the last bytes of its words:
/// most words asked of a small set are of a length or an ending none of its words has, and are
/// turned away without hashing them and probing the table. A word of the set always passes.
#[derive(Debug, Clone, Default)]
pub(crate) struct KeySet {
    words: FxHashSet<String>,
    /// Bit `n % 64` set when a word of the set is `n` bytes long.
    lengths: u64,
    /// Bit `b % 64` set when a word of the set ends with byte `b` (bit 0 for the empty word).
    endings: u64,
}

/// The bits of `key` in [`KeySet::lengths`] and [`KeySet::endings`].
#[inline]
fn length_and_ending(key: &str) -> (u64, u64) {
    let last = key.as_bytes().last().copied().unwrap_or(0);
    (1 << (key.len() % 64), 1 << (last % 64))
}

impl KeySet {
    /// True when `key` is one of the words.
    #[inline]
    pub(crate) fn contains(&self, key: &str) -> bool {
        let (length, ending) = length_and_ending(key);
        self.lengths & length != 0 && self.endings & ending != 0 && self.words.contains(key)
    }

    /// The words, in no order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &String> {
        self.words.iter()
    }
}

// Built and extended as the hash set itself is (the same table, in the same order for those
// who walk it), the masks read from the words on the way.
impl FromIterator<String> for KeySet {
    fn from_iter<I: IntoIterator<Item = String>>(words: I) -> KeySet {
        let (mut lengths, mut endings) = (0, 0);
        let words = words
            .into_iter()
            .inspect(|word| {
                let (length, ending) = length_and_ending(word);
                lengths |= length;
                endings |= ending;
            })
            .collect();
        KeySet {
            words,
            lengths,
            endings,
        }
    }
}

impl Extend<String> for KeySet {
    fn extend<I: IntoIterator<Item = String>>(&mut self, words: I) {
        let (mut lengths, mut endings) = (self.lengths, self.endings);
        self.words.extend(words.into_iter().inspect(|word| {
            let (length, ending) = length_and_ending(word);
            lengths |= length;
            endings |= ending;
        }));
        (self.lengths, self.endings) = (lengths, endings);
    }
}

impl IntoIterator for KeySet {
    type Item = String;
    type IntoIter = std::collections::hash_set::IntoIter<String>;
    fn into_iter(self) -> Self::IntoIter {
        self.words.into_iter()
    }
}

impl<'s> IntoIterator for &'s KeySet {
    type Item = &'s String;
    type IntoIter = std::collections::hash_set::Iter<'s, String>;
    fn into_iter(self) -> Self::IntoIter {
        self.words.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// A sketch never turns away one of its keys, at any size.
        #[test]
        fn a_sketch_holds_its_keys(keys in proptest::collection::vec("[ا-ي a-z]{0,9}", 0..40), log2 in 6u32..18) {
            let mut sketch = KeySketch::empty(log2);
            for key in &keys {
                sketch.insert(key);
            }
            for key in &keys {
                prop_assert!(sketch.may_contain(key));
            }
            let of = KeySketch::of(keys.iter().map(String::as_str));
            for key in &keys {
                prop_assert!(of.may_contain(key));
            }
        }
    }

    proptest! {
        /// A key set answers as the hash set of its words, for words in it and not.
        #[test]
        fn a_key_set_answers_as_its_words(words in proptest::collection::vec("[ا-ي a-z]{0,6}", 0..20), asked in proptest::collection::vec("[ا-ي a-z]{0,6}", 0..20)) {
            let set: KeySet = words.iter().cloned().collect();
            let plain: FxHashSet<String> = words.iter().cloned().collect();
            for key in words.iter().chain(&asked) {
                prop_assert_eq!(set.contains(key), plain.contains(key.as_str()));
            }
        }
    }

    #[test]
    fn an_empty_sketch_turns_every_word_away() {
        assert!(!KeySketch::of([]).may_contain("وزارة"));
    }
}
