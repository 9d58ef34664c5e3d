//! The fast, non-cryptographic hash maps of the word tables: every word of every sentence is
//! looked up several times, and SipHash dominated those lookups. Keys are our own data files and
//! folded words, so resistance to hash flooding is not needed.

pub(crate) use rustc_hash::{FxBuildHasher as FxBuild, FxHashMap, FxHashSet};
