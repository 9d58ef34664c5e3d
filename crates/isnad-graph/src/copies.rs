//! Copies among a story's documents: sentences shared as near-duplicates of normalized text.

use crate::CopyLink;
use isnad_parser::{Document, fold_key};
use rustc_hash::{FxBuildHasher, FxHashMap};
use std::hash::BuildHasher;

/// Words per shingle.
const SHINGLE: usize = 5;
/// Share of a sentence's shingles found in another document for the sentence to count as copied.
const SENTENCE_COPIED: f64 = 0.6;
/// Share of a document's sentences copied from another for the document to be derived from it.
const DOCUMENT_DERIVED: f64 = 0.5;

/// Hashes of the runs of [`SHINGLE`] words of a text. Only equality of hashes matters, so the
/// fast Fx hash (64 bits, collisions negligible at a story's size) replaces SipHash here.
/// `words` is room to work in, kept from one sentence to the next.
fn shingles(text: &str, words: &mut Vec<u64>) -> Vec<u64> {
    let folded = fold_key(text);
    words.clear();
    words.extend(
        folded
            .split(|c: char| !isnad_claims::claims::is_word_char(c))
            .filter(|w| !w.is_empty())
            .map(|w| FxBuildHasher.hash_one(w)),
    );
    if words.len() < SHINGLE {
        return Vec::new();
    }
    words
        .windows(SHINGLE)
        .map(|w| FxBuildHasher.hash_one(w))
        .collect()
}

/// Finds documents derived from others. Documents are read from the earliest (publication date,
/// then listing order; undated ones first); one that derives from none read before is an
/// original, and only originals' shingles are indexed. A derived document links to the original
/// it shares most with (the earliest on a tie), so a story of n copies of one agency text costs
/// n lookups and gives n − 1 links, not n² pairs: a copy of a copy is a copy of its original.
pub(crate) fn find(documents: &[Document]) -> Vec<CopyLink> {
    use rayon::prelude::*;
    let sentences: Vec<Vec<Vec<u64>>> = documents
        .par_iter()
        .map(|d| {
            let mut words = Vec::new();
            d.sentences
                .iter()
                .map(|s| shingles(d.text(s.span), &mut words))
                .filter(|s| !s.is_empty())
                .collect()
        })
        .collect();
    let mut order: Vec<usize> = (0..documents.len()).collect();
    order.sort_by_key(|&d| (documents[d].meta.published, d));
    // Shingle → the originals with it, each once and in reading order: the first, and apart
    // the others (most shingles have one original, which then needs no list of its own).
    let mut first_owner: FxHashMap<u64, usize> = FxHashMap::default();
    let mut other_owners: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    let mut links = Vec::new();
    // Shingles of the current sentence found per original, and which originals those are
    // (so resetting costs what was touched, not the story size).
    let mut hits = vec![0usize; documents.len()];
    let mut touched: Vec<usize> = Vec::new();
    for doc in order {
        let list = &sentences[doc];
        if list.is_empty() {
            continue;
        }
        let mut copied_from: Vec<(usize, usize)> = Vec::new();
        for sentence in list {
            for shingle in sentence {
                let owners = first_owner.get(shingle).into_iter();
                for &other in owners.chain(other_owners.get(shingle).into_iter().flatten()) {
                    if hits[other] == 0 {
                        touched.push(other);
                    }
                    hits[other] += 1;
                }
            }
            for other in touched.drain(..) {
                let n = std::mem::take(&mut hits[other]);
                if n as f64 >= SENTENCE_COPIED * sentence.len() as f64 {
                    match copied_from.iter_mut().find(|(o, _)| *o == other) {
                        Some((_, count)) => *count += 1,
                        None => copied_from.push((other, 1)),
                    }
                }
            }
        }
        // The original it shares most sentences with; the first listed on a tie.
        let source = copied_from
            .iter()
            .filter(|(_, n)| *n as f64 / list.len() as f64 >= DOCUMENT_DERIVED)
            .min_by_key(|&&(other, n)| (std::cmp::Reverse(n), other));
        match source {
            Some(&(other, n)) => links.push(CopyLink {
                doc: documents[doc].id.clone(),
                source: documents[other].id.clone(),
                overlap: (n as f64 / list.len() as f64 * 100.0).round() / 100.0,
            }),
            None => {
                for shingle in list.iter().flatten() {
                    let first = *first_owner.entry(*shingle).or_insert(doc);
                    if first != doc {
                        let docs = other_owners.entry(*shingle).or_default();
                        if docs.last() != Some(&doc) {
                            docs.push(doc);
                        }
                    }
                }
            }
        }
    }
    links.sort_by(|x, y| (&x.doc, &x.source).cmp(&(&y.doc, &y.source)));
    links
}
