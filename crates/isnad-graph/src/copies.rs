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
fn shingles(text: &str) -> Vec<u64> {
    let folded = fold_key(text);
    let words: Vec<u64> = folded
        .split(|c: char| !isnad_claims::claims::is_word_char(c))
        .filter(|w| !w.is_empty())
        .map(|w| FxBuildHasher.hash_one(w))
        .collect();
    if words.len() < SHINGLE {
        return Vec::new();
    }
    words
        .windows(SHINGLE)
        .map(|w| FxBuildHasher.hash_one(w))
        .collect()
}

/// Finds documents derived from others.
pub(crate) fn find(documents: &[Document]) -> Vec<CopyLink> {
    use rayon::prelude::*;
    let sentences: Vec<Vec<Vec<u64>>> = documents
        .par_iter()
        .map(|d| {
            d.sentences
                .iter()
                .map(|s| shingles(d.text(s.span)))
                .filter(|s| !s.is_empty())
                .collect()
        })
        .collect();
    // Shingle → the documents with it, each once and in order.
    let mut owners: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    for (doc, list) in sentences.iter().enumerate() {
        for shingle in list.iter().flatten() {
            let docs = owners.entry(*shingle).or_default();
            if docs.last() != Some(&doc) {
                docs.push(doc);
            }
        }
    }
    let mut links = Vec::new();
    // Shingles of the current sentence found per other document, and which documents those are
    // (so resetting costs what was touched, not the story size).
    let mut hits = vec![0usize; documents.len()];
    let mut touched: Vec<usize> = Vec::new();
    for (doc, list) in sentences.iter().enumerate() {
        if list.is_empty() {
            continue;
        }
        let mut copied_from: Vec<(usize, usize)> = Vec::new();
        for sentence in list {
            for shingle in sentence {
                for &other in owners.get(shingle).into_iter().flatten() {
                    if other != doc {
                        if hits[other] == 0 {
                            touched.push(other);
                        }
                        hits[other] += 1;
                    }
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
        for (other, n) in copied_from {
            let overlap = n as f64 / list.len() as f64;
            if overlap < DOCUMENT_DERIVED {
                continue;
            }
            // The later (or, undated, the later-listed) document is the copy.
            let (a, b) = (&documents[doc], &documents[other]);
            let is_later = match (a.meta.published, b.meta.published) {
                (Some(x), Some(y)) if x != y => x > y,
                _ => doc > other,
            };
            if is_later {
                links.push(CopyLink {
                    doc: a.id.clone(),
                    source: b.id.clone(),
                    overlap: (overlap * 100.0).round() / 100.0,
                });
            }
        }
    }
    links.sort_by(|x, y| (&x.doc, &x.source).cmp(&(&y.doc, &y.source)));
    links
}
