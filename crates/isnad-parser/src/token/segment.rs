//! Clitic splits: the readings of an Arabic word as proclitics + stem + pronoun suffix.

use super::{Token, TokenKind};
use crate::Span;
use crate::normalize::is_ignorable;
use serde::Serialize;

/// One way to read a word as proclitics + stem + suffix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segmentation {
    /// Folded proclitics removed from the front, e.g. `"وال"`; empty when none.
    pub prefix: String,
    /// Folded stem.
    pub stem: String,
    /// Folded pronoun suffix removed from the end; empty when none.
    pub suffix: String,
    /// Original bytes of the stem.
    pub stem_span: Span,
}

/// Proclitic sequences, longest first. `لل` is ل + ال with the alef elided.
const PROCLITICS: &[&str] = &[
    "وبال", "وكال", "ولل", "فبال", "فلل", "وال", "فال", "بال", "كال", "لل", "ال", "وب", "ول", "وس", "فس",
    "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك", "س",
];

/// Pronoun suffixes, longest first.
const SUFFIXES: &[&str] = &["هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها", "ه", "ك", "ي"];

/// Shortest stem a split may leave (in letters).
const MIN_STEM_CHARS: usize = 2;

impl Token {
    /// Candidate readings: the whole word first, then proclitic and suffix splits that leave a
    /// stem of at least two letters. A `ت` before a suffix is also offered as `ة` (زيارته → زيارة).
    pub fn segmentations(&self, source: &str) -> Vec<Segmentation> {
        let whole = Segmentation {
            prefix: String::new(),
            stem: self.key.clone(),
            suffix: String::new(),
            stem_span: self.span,
        };
        let mut out = vec![whole];
        if self.kind != TokenKind::Arabic {
            return out;
        }
        let original = self.text(source);
        let mut prefixes: Vec<&str> = vec![""];
        prefixes.extend(PROCLITICS.iter().copied().filter(|p| self.key.starts_with(p)));
        for prefix in prefixes {
            let rest = &self.key[prefix.len()..];
            let mut suffixes: Vec<&str> = vec![""];
            suffixes.extend(SUFFIXES.iter().copied().filter(|s| rest.ends_with(s)));
            for suffix in suffixes {
                if prefix.is_empty() && suffix.is_empty() {
                    continue;
                }
                let stem = &rest[..rest.len() - suffix.len()];
                if stem.chars().count() < MIN_STEM_CHARS {
                    continue;
                }
                let stem_span = map_key_range(
                    original,
                    self.span.start,
                    prefix.chars().count(),
                    stem.chars().count(),
                );
                let mut push = |stem: String| {
                    let seg = Segmentation {
                        prefix: fold_prefix(prefix),
                        stem,
                        suffix: suffix.to_string(),
                        stem_span,
                    };
                    if !out.contains(&seg) {
                        out.push(seg);
                    }
                };
                push(stem.to_string());
                if !suffix.is_empty() && stem.ends_with('ت') {
                    push(format!("{}ه", &stem[..stem.len() - 'ت'.len_utf8()]));
                }
            }
        }
        out
    }
}

fn fold_prefix(prefix: &str) -> String {
    prefix.to_string()
}

/// Maps a range of key characters (`skip` letters in, `take` letters long) back to original bytes,
/// stepping over marks and tatweel that the key dropped.
fn map_key_range(original: &str, base: usize, skip: usize, take: usize) -> Span {
    let mut letters = 0;
    let mut start = None;
    let mut end = original.len();
    for (i, ch) in original.char_indices() {
        if is_ignorable(ch) {
            continue;
        }
        if letters == skip && start.is_none() {
            start = Some(i);
        }
        if letters == skip + take {
            end = i;
            break;
        }
        letters += 1;
    }
    // Trailing marks belong to the last letter of the stem.
    let start = start.unwrap_or(original.len());
    Span::new(base + start, base + end.max(start))
}
