//! The finder's lookups: token keys, kinds and spans, phrase tables matched with proclitics, months.

use super::Finder;
use super::data::{CLITICS, Phrase, Phrases, Trigger};
use super::scan::Kind;
use crate::mentions::words::PROCLITIC_LETTERS;
use crate::short::strip_short_prefix;
use isnad_parser::Span;
use isnad_parser::calendar::calendar_names;

impl Finder<'_> {
    pub(super) fn key(&self, i: usize) -> &str {
        self.tokens.key(i)
    }

    pub(super) fn kind(&self, i: usize) -> Option<Kind> {
        self.tokens.toks.get(i).map(|t| t.kind)
    }

    pub(super) fn span(&self, i: usize) -> Span {
        self.tokens.toks[i].span
    }

    /// True when token `i` exists and touches the token before it (no space between).
    pub(super) fn glued(&self, i: usize) -> bool {
        self.tokens.toks.get(i).is_some_and(|t| !t.space_before) && i > 0
    }

    /// Index of the first token starting at or after byte `at`.
    pub(super) fn index_at(&self, at: usize) -> usize {
        self.tokens.toks.partition_point(|t| t.span.start < at)
    }

    pub(super) fn trigger(&self, i: usize) -> Option<&'static Trigger> {
        // Past the end the key is "", which is no trigger.
        self.triggers.get(i).copied().flatten()
    }

    /// The key of word `i` without a proclitic, when `base` matches it (`"وفي"` matches `"في"`).
    pub(super) fn is_word(&self, i: usize, base: &str) -> bool {
        self.kind(i) == Some(Kind::Word) && clitic_match(self.key(i), base).is_some()
    }

    /// A "-" or "." (or "٫") that begins a number: "-1.2", ".77".
    pub(super) fn starts_signed_number(&self, i: usize) -> bool {
        matches!(self.key(i), "-" | "−" | "." | "٫")
            && self.kind(i + 1) == Some(Kind::Digits)
            && self.glued(i + 1)
            && (self.tokens.toks[i].space_before || i == 0)
    }

    /// Matches phrases at token `i` going forward; returns the index after the match. The first
    /// word may carry a proclitic when `clitic` is set.
    pub(super) fn match_forward<'p, T>(
        &self,
        i: usize,
        phrases: &'p Phrases<T>,
        clitic: bool,
    ) -> Option<(usize, &'p Phrase<T>)> {
        let n = self.tokens.toks.len();
        let matches = |p: &Phrase<T>| {
            let len = p.keys.len();
            if i + len > n {
                return false;
            }
            let first_ok = if clitic {
                clitic_match(self.key(i), &p.keys[0]).is_some()
            } else {
                self.key(i) == p.keys[0]
            };
            first_ok && (1..len).all(|k| self.key(i + k) == p.keys[k])
        };
        // Only phrases starting with the word (or with what a proclitic leaves of it) can match;
        // they are tried in list order, as a scan of the whole list would.
        let found = if clitic {
            let mut candidates: Vec<usize> = Vec::new();
            clitic_bases(self.key(i), |base| {
                candidates.extend_from_slice(phrases.starting(base))
            });
            candidates.sort_unstable();
            candidates.into_iter().find(|&pi| matches(&phrases.list[pi]))
        } else {
            phrases
                .starting(self.key(i))
                .iter()
                .copied()
                .find(|&pi| matches(&phrases.list[pi]))
        }?;
        let p = &phrases.list[found];
        Some((i + p.keys.len(), p))
    }

    /// Matches phrases ending just before token `end`; returns the first token index and the
    /// proclitic letters on it.
    pub(super) fn match_backward<'p, T>(
        &self,
        end: usize,
        phrases: &'p Phrases<T>,
    ) -> Option<(usize, usize, &'p Phrase<T>)> {
        let try_phrase = |p: &'p Phrase<T>| {
            let len = p.keys.len();
            let start = end.checked_sub(len)?;
            let clitic = clitic_match(self.key(start), &p.keys[0])?;
            (1..len)
                .all(|k| self.key(start + k) == p.keys[k])
                .then_some((start, clitic, p))
        };
        // A phrase of length L can only match when its first key is what a proclitic leaves of
        // the word L tokens back; candidates are tried in list order.
        let mut candidates: Vec<usize> = Vec::new();
        for &len in &phrases.lengths {
            let Some(start) = end.checked_sub(len) else {
                continue;
            };
            // The word before `end` ends a longer phrase as written: most words end none.
            if len > 1 && !phrases.may_end(self.key(end - 1)) {
                continue;
            }
            clitic_bases(self.key(start), |base| {
                candidates.extend(
                    phrases
                        .starting(base)
                        .iter()
                        .filter(|&&pi| phrases.list[pi].keys.len() == len),
                )
            });
        }
        candidates.sort_unstable();
        candidates
            .into_iter()
            .find_map(|pi| try_phrase(&phrases.list[pi]))
    }

    pub(super) fn is_month_at(&self, i: usize) -> bool {
        if self.kind(i) != Some(Kind::Word) {
            return false;
        }
        let names = calendar_names();
        let one = names.month(self.key(i)).is_some()
            || clitic_strip(self.key(i)).is_some_and(|(_, stem)| names.month(stem).is_some());
        one || (self.kind(i + 1) == Some(Kind::Word)
            && joined(&[self.key(i), " ", self.key(i + 1)], |name| {
                names.month(name).is_some()
            }))
    }
}

/// The proclitic letters of `key` when it is `base` after a proclitic (`"بنحو"` for `"نحو"`),
/// `Some(0)` when equal. An article in `base` may fuse with ل: `"للمره"` is ل + `"المره"`.
pub(super) fn clitic_match(key: &str, base: &str) -> Option<usize> {
    if key == base {
        return Some(0);
    }
    // A proclitic only lengthens the word, and both forms below end as `base` does: most words
    // fail these two tests and are turned away before any proclitic is tried.
    if key.len() < base.len() || (!base.is_empty() && key.as_bytes().last() != base.as_bytes().last()) {
        return None;
    }
    CLITICS.iter().filter(|c| !c.is_empty()).find_map(|c| {
        let rest = strip_short_prefix(key, c)?;
        if rest == base {
            return Some(c.chars().count());
        }
        let fused = base.strip_prefix("ال").filter(|_| c.ends_with('ل'))?;
        (rest.strip_prefix('ل')? == fused).then(|| c.chars().count())
    })
}

/// Calls `f` with every `base` for which [`clitic_match`]`(key, base)` can hold: the key itself,
/// the key after each proclitic, and the article form of a fused "لل" (possibly twice).
fn clitic_bases(key: &str, mut f: impl FnMut(&str)) {
    f(key);
    for c in CLITICS.iter().filter(|c| !c.is_empty()) {
        let Some(rest) = strip_short_prefix(key, c) else {
            continue;
        };
        f(rest);
        if c.ends_with('ل')
            && let Some(fused) = rest.strip_prefix('ل')
        {
            joined(&["ال", fused], &mut f);
        }
    }
}

/// Calls `f` with `parts` joined, built on the stack when short (as words are) rather than
/// allocated.
fn joined<R>(parts: &[&str], f: impl FnOnce(&str) -> R) -> R {
    let mut bytes = [0u8; 128];
    let mut len = 0;
    for part in parts {
        let Some(to) = bytes.get_mut(len..len + part.len()) else {
            return f(&parts.concat());
        };
        to.copy_from_slice(part.as_bytes());
        len += part.len();
    }
    // Whole `str`s side by side are UTF-8.
    match std::str::from_utf8(&bytes[..len]) {
        Ok(text) => f(text),
        Err(_) => f(&parts.concat()),
    }
}

/// A key without one proclitic letter, when the rest keeps two letters.
pub(super) fn clitic_strip(key: &str) -> Option<(char, &str)> {
    let first = key.chars().next()?;
    let rest = &key[first.len_utf8()..];
    (PROCLITIC_LETTERS.contains(&first) && rest.chars().count() >= 2).then_some((first, rest))
}
