//! What the claim and fact readers know of words, below both: light lemmas and roots (`lemma`),
//! the fact lexicon of `data/facts.toml` (`lexicon`: measures, units, senses, clause breaks,
//! function words), each token's reading for a sentence (`words`), the per-thread word table that
//! memoizes every reader's per-word readings by a dense id (`table`), and the number words of
//! `data/numbers.toml` with the word helpers they are read with (`numbers`, `text`).

pub(crate) mod lemma;
pub(crate) mod lexicon;
pub(crate) mod numbers;
pub(crate) mod table;
pub(crate) mod text;
pub(crate) mod words;

/// Sorted, deduplicated lemmas, shared: a clause's words are the sentence's own strings.
pub type Words = std::sync::Arc<[std::sync::Arc<str>]>;
