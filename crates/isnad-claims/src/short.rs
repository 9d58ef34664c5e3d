//! Prefix and suffix tests for the short affixes of Arabic words (proclitics, endings), compared
//! inline: `str::strip_prefix` and `ends_with` call `memcmp` for every affix of every word, and those
//! calls showed in profiles.

/// `word.strip_prefix(prefix)` for a short prefix (a proclitic), compared inline.
#[inline]
pub(crate) fn strip_short_prefix<'w>(word: &'w str, prefix: &str) -> Option<&'w str> {
    let (w, p) = (word.as_bytes(), prefix.as_bytes());
    if w.len() < p.len() || p.iter().zip(w).any(|(a, b)| a != b) {
        return None;
    }
    word.get(p.len()..)
}

/// `word.ends_with(suffix)` for a short suffix, compared inline.
#[inline]
pub(crate) fn ends_with_short(word: &str, suffix: &str) -> bool {
    let (w, s) = (word.as_bytes(), suffix.as_bytes());
    w.len() >= s.len() && s.iter().rev().zip(w.iter().rev()).all(|(a, b)| a == b)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The inline tests answer as the standard ones.
        #[test]
        fn agree_with_the_standard_tests(word in "[والبت]{0,5}", affix in "[والبت]{0,3}") {
            proptest::prop_assert_eq!(strip_short_prefix(&word, &affix), word.strip_prefix(affix.as_str()));
            proptest::prop_assert_eq!(ends_with_short(&word, &affix), word.ends_with(affix.as_str()));
        }
    }
}
