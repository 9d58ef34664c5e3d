//! A set of folded words, compact: sorted, without repeats, each word one shared string.
//!
//! Every claim keeps the words of its clause, theme and participants for the graph to compare;
//! as `BTreeSet<String>`s they were a quarter of a story's analysis (a tree node and a string
//! per word per claim, issue #17). A document's claims share one string per distinct word.

use std::sync::Arc;

/// Folded words in byte order, each once.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct WordSet(Arc<[Arc<str>]>);

impl WordSet {
    /// The set of these words (in any order, repeats allowed).
    pub fn of(words: impl IntoIterator<Item = Arc<str>>) -> WordSet {
        let mut words: Vec<Arc<str>> = words.into_iter().collect();
        words.sort_unstable();
        words.dedup();
        WordSet(words.into())
    }

    /// The set of words already in byte order, each once.
    pub(crate) fn of_sorted(words: impl IntoIterator<Item = Arc<str>>) -> WordSet {
        let set = WordSet(words.into_iter().collect());
        debug_assert!(set.0.windows(2).all(|w| w[0] < w[1]), "{set:?}");
        set
    }

    /// True when the set holds the word.
    pub fn contains(&self, word: &str) -> bool {
        self.0.binary_search_by(|w| (**w).cmp(word)).is_ok()
    }

    /// The words in byte order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|w| &**w)
    }

    /// How many words.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when there is no word.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The words both sets hold, in byte order.
    pub fn intersection<'a>(&'a self, other: &'a WordSet) -> impl Iterator<Item = &'a str> {
        sorted_common(&self.0, &other.0).map(|w| &**w)
    }

    /// True when the sets share no word.
    pub fn is_disjoint(&self, other: &WordSet) -> bool {
        self.intersection(other).next().is_none()
    }
}

/// The items two sorted lists share, in order, by one walk along both.
pub fn sorted_common<'a, T: Ord>(a: &'a [T], b: &'a [T]) -> impl Iterator<Item = &'a T> {
    let (mut a, mut b) = (a.iter().peekable(), b.iter().peekable());
    std::iter::from_fn(move || {
        loop {
            let (x, y) = (a.peek()?, b.peek()?);
            match x.cmp(y) {
                std::cmp::Ordering::Less => {
                    a.next();
                }
                std::cmp::Ordering::Greater => {
                    b.next();
                }
                std::cmp::Ordering::Equal => {
                    b.next();
                    return a.next();
                }
            }
        }
    })
}

/// Printed as a set, as the `BTreeSet` it replaces was.
impl std::fmt::Debug for WordSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(words: &[&str]) -> WordSet {
        WordSet::of(words.iter().map(|w| Arc::from(*w)))
    }

    #[test]
    fn a_word_set_answers_as_the_tree_set_it_replaces() {
        let lists: [&[&str]; 4] = [
            &["قمة", "اتفاق", "قمة", "ميناء"],
            &["ميناء", "قمة", "وزير"],
            &[],
            &["زيت"],
        ];
        for a in lists {
            for b in lists {
                let (x, y) = (set(a), set(b));
                let (tx, ty): (std::collections::BTreeSet<&str>, std::collections::BTreeSet<&str>) =
                    (a.iter().copied().collect(), b.iter().copied().collect());
                assert_eq!(
                    x.iter().collect::<Vec<_>>(),
                    tx.iter().copied().collect::<Vec<_>>()
                );
                assert_eq!(x.len(), tx.len());
                assert_eq!(
                    x.intersection(&y).collect::<Vec<_>>(),
                    tx.intersection(&ty).copied().collect::<Vec<_>>()
                );
                assert_eq!(x.is_disjoint(&y), tx.is_disjoint(&ty));
                assert_eq!(x == y, tx == ty);
                for w in b {
                    assert_eq!(x.contains(w), tx.contains(w));
                }
                assert_eq!(format!("{x:?}"), format!("{tx:?}"));
            }
        }
    }
}
