//! Copies among a story's documents: sentences shared as near-duplicates of normalized text.

use crate::CopyLink;
use isnad_parser::{Document, fold_key};
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

/// Words per shingle.
const SHINGLE: usize = 5;
/// Share of a sentence's shingles found in another document for the sentence to count as copied.
const SENTENCE_COPIED: f64 = 0.6;
/// Share of a document's sentences copied from another for the document to be derived from it.
const DOCUMENT_DERIVED: f64 = 0.5;

fn shingles(text: &str) -> Vec<u64> {
    let folded = fold_key(text);
    let words: Vec<&str> = folded
        .split(|c: char| !crate::view::is_word_char(c))
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < SHINGLE {
        return Vec::new();
    }
    words
        .windows(SHINGLE)
        .map(|w| {
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            w.hash(&mut hasher);
            hasher.finish()
        })
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
    let mut owners: HashMap<u64, HashSet<usize>> = HashMap::new();
    for (doc, list) in sentences.iter().enumerate() {
        for shingle in list.iter().flatten() {
            owners.entry(*shingle).or_default().insert(doc);
        }
    }
    let mut links = Vec::new();
    for (doc, list) in sentences.iter().enumerate() {
        if list.is_empty() {
            continue;
        }
        let mut copied_from: HashMap<usize, usize> = HashMap::new();
        for sentence in list {
            let mut hits: HashMap<usize, usize> = HashMap::new();
            for shingle in sentence {
                for &other in owners.get(shingle).into_iter().flatten() {
                    if other != doc {
                        *hits.entry(other).or_default() += 1;
                    }
                }
            }
            for (other, n) in hits {
                if n as f64 >= SENTENCE_COPIED * sentence.len() as f64 {
                    *copied_from.entry(other).or_default() += 1;
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
