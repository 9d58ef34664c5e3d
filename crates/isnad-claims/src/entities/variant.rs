//! Transliteration-folded keys and edit distance, so spellings of one foreign name meet.
//!
//! Two keys: the *letter key* folds the letter classes that transliteration confuses (g → ج/غ/ق/ك,
//! v → ف/ڤ, p → ب/پ, t → ت/ط/ث, d → د/ذ/ض, s → س/ص) and drops spaces and hyphens, so
//! "سان خوسيه" and "سانخوسيه" share it; the *skeleton* also drops the long vowels ا/و/ي inside
//! the name, which transliterators add or leave out freely (غارسيا/جارسيا).

use rapidfuzz::distance::osa;

/// The letter key of a folded name: letter classes folded, spaces and punctuation dropped.
pub(crate) fn letter_key(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len());
    letter_key_into(folded, &mut out);
    out
}

/// Appends the letter key of `folded` to `out` (char by char, so the key of a word with a
/// proclitic is the proclitic's key followed by the rest's). Most letters are their own key: the
/// text between the letters that change is copied as it is.
pub(crate) fn letter_key_into(folded: &str, out: &mut String) {
    let table: &[char] = &KEY_TABLE;
    let bytes = folded.as_bytes();
    let (mut at, mut run) = (0, 0);
    while at < bytes.len() {
        // Characters of one and two bytes (every Arabic letter) decoded here, to index the table.
        let lead = bytes[at];
        let (code, len) = match (lead, bytes.get(at + 1)) {
            (0..0x80, _) => (u32::from(lead), 1),
            (0xC0..0xE0, Some(&next)) => ((u32::from(lead & 0x1F) << 6) | u32::from(next & 0x3F), 2),
            _ => match folded[at..].chars().next() {
                Some(ch) => (ch as u32, ch.len_utf8()),
                None => break,
            },
        };
        let key = match table.get(code as usize) {
            Some(&key) => key,
            None => char::from_u32(code).and_then(key_char).unwrap_or(NO_KEY),
        };
        if key as u32 != code {
            out.push_str(&folded[run..at]);
            if key != NO_KEY {
                out.push(key);
            }
            run = at + len;
        }
        at += len;
    }
    out.push_str(&folded[run..]);
}

/// Stands for "no key character" in [`KEY_TABLE`] (no character keys to it).
const NO_KEY: char = '\0';

/// [`key_char`] of every character of one or two bytes (ASCII and the Arabic blocks, nearly all
/// the text), looked up instead of matched.
static KEY_TABLE: std::sync::LazyLock<Vec<char>> = std::sync::LazyLock::new(|| {
    (0..0x800u32)
        .map(|c| char::from_u32(c).and_then(key_char).unwrap_or(NO_KEY))
        .collect()
});

/// The letter-key character of one folded character (none for hamza, spaces and punctuation).
#[inline]
fn key_char(ch: char) -> Option<char> {
    Some(match ch {
        'ج' | 'غ' | 'ق' | 'ك' | 'گ' | 'ڨ' => 'ك',
        'ف' | 'ڤ' => 'ف',
        'ب' | 'پ' => 'ب',
        'ت' | 'ط' | 'ث' => 'ت',
        'د' | 'ذ' | 'ض' => 'د',
        'س' | 'ص' => 'س',
        'ز' | 'ظ' | 'ژ' => 'ز',
        'ه' | 'ة' => 'ه',
        'ى' | 'ئ' => 'ي',
        'ؤ' => 'و',
        'چ' => 'ش',
        'ء' => return None,
        c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
        c if isnad_parser::is_arabic_letter(c) || c.is_alphanumeric() => c,
        _ => return None,
    })
}

/// True when two folded words have the same letter key (without building either).
fn same_letter_key(a: &str, b: &str) -> bool {
    fn key(s: &str) -> impl Iterator<Item = char> + '_ {
        let table: &[char] = &KEY_TABLE;
        s.chars()
            .map(|ch| match table.get(ch as usize) {
                Some(&key) => key,
                None => key_char(ch).unwrap_or(NO_KEY),
            })
            .filter(|&k| k != NO_KEY)
    }
    key(a).eq(key(b))
}

/// The skeleton: the letter key without long vowels, except a first and a last letter.
pub(crate) fn skeleton(letter_key: &str) -> String {
    let mut out = String::with_capacity(letter_key.len());
    skeleton_into(letter_key, &mut out);
    out
}

/// Writes the skeleton of `letter_key` into `out` (cleared first): the text between the long
/// vowels dropped is copied as it is.
pub(crate) fn skeleton_into(letter_key: &str, out: &mut String) {
    out.clear();
    let bytes = letter_key.as_bytes();
    // The first letter stays, whatever it is.
    let mut at = letter_key.chars().next().map_or(0, char::len_utf8);
    let mut run = 0;
    while at < bytes.len() {
        // ا is D8 A7, و D9 88, ي D9 8A; a lead byte is never a continuation byte, so stepping one
        // byte at a time finds only whole letters.
        let vowel = matches!(
            (bytes[at], bytes.get(at + 1)),
            (0xD8, Some(0xA7)) | (0xD9, Some(0x88 | 0x8A))
        );
        // The last letter stays too.
        if vowel && at + 2 < bytes.len() {
            out.push_str(&letter_key[run..at]);
            run = at + 2;
            at += 2;
        } else {
            at += 1;
        }
    }
    out.push_str(&letter_key[run..]);
}

/// A hash of the skeleton of `letter_key`, read without building it. A skeleton is its own
/// skeleton, so a skeleton's signature is that of every letter key it is the skeleton of.
pub(crate) fn skeleton_signature(letter_key: &str) -> u64 {
    const PRIME: u64 = 0x0000_0100_0000_01B3;
    let mix = |hash: u64, c: char| (hash ^ u64::from(c)).wrapping_mul(PRIME);
    let mut hash = 0xCBF2_9CE4_8422_2325;
    let mut chars = letter_key.chars();
    let Some(first) = chars.next() else {
        return hash;
    };
    hash = mix(hash, first);
    // Each letter is kept or dropped once the next is seen: the last one always stays.
    let mut pending: Option<char> = None;
    for c in chars {
        if let Some(p) = pending
            && !matches!(p, 'ا' | 'و' | 'ي')
        {
            hash = mix(hash, p);
        }
        pending = Some(c);
    }
    match pending {
        Some(last) => mix(hash, last),
        None => hash,
    }
}

/// True when two letter keys are at most `max` edits apart (in letters), counting a swap of
/// neighbours as one edit: the optimal-string-alignment distance, which differs from unrestricted
/// Damerau–Levenshtein only when a swapped pair is edited again. The bit-parallel algorithm with a
/// cutoff stops early; the full table cost ~10k instructions per pair of long names.
pub(crate) fn within(a: &str, b: &str, max: usize) -> bool {
    let cutoff = osa::Args::default().score_cutoff(max);
    osa::distance_with_args(a.chars(), b.chars(), &cutoff).is_some()
}

/// True when two names of `words` words with these letter keys are spellings of one name:
/// distance ≤ 1 for names of at least five letters, ≤ 2 for long names of several words.
pub(crate) fn close(a: &str, b: &str, words: usize) -> bool {
    close_keys(a, b, words)
}

/// Like [`close`] for two folded names (with spaces): names of several words must also share
/// their first word, so "سامي خوري" and "رامي خوري" stay two people while "مارتا لوبيز" and
/// "مارتا لوبيث" meet.
#[cfg(test)]
pub(crate) fn close_names(a: &str, b: &str) -> bool {
    close_names_keyed(a, &letter_key(a), b, &letter_key(b))
}

/// [`close_names`] with the letter keys of both names already at hand.
pub(crate) fn close_names_keyed(a: &str, a_key: &str, b: &str, b_key: &str) -> bool {
    // The keys' lengths first: most pairs of names are told apart by them alone.
    if !close_lengths(a_key, b_key) {
        return false;
    }
    let (wa, wb) = (a.split(' ').count(), b.split(' ').count());
    same_first_name(a, b) && close_keys(a_key, b_key, wa.min(wb))
}

/// True unless two folded names of several words each start with different words ("سامي خوري"
/// and "رامي خوري" are two people whatever the rest).
pub(crate) fn same_first_name(a: &str, b: &str) -> bool {
    let (mut wa, mut wb) = (a.split(' '), b.split(' '));
    let (first_a, first_b) = (wa.next().unwrap_or_default(), wb.next().unwrap_or_default());
    wa.next().is_none() || wb.next().is_none() || same_letter_key(first_a, first_b)
}

/// True when two keys have the lengths of close names: five letters at least, at most two apart.
fn close_lengths(a: &str, b: &str) -> bool {
    let (a, b) = (a.chars().count(), b.chars().count());
    a.min(b) >= 5 && a.abs_diff(b) <= 2
}

fn close_keys(a: &str, b: &str, words: usize) -> bool {
    if !close_lengths(a, b) {
        return false;
    }
    let shortest = a.chars().count().min(b.chars().count());
    let limit = if words >= 2 && shortest >= 9 { 2 } else { 1 };
    within(a, b, limit)
}

/// True when two keys are at most one edit apart (substitution, insertion, deletion or
/// transposition of neighbours).
#[cfg(test)]
fn within_one(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    within_one_chars(&a, &b)
}

/// [`within_one`] over keys already split into characters, without allocating: the hot check on
/// every free word.
pub(crate) fn within_one_chars(a: &[char], b: &[char]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    // One edit changes the first letter or the last, never both (from three letters on): most
    // pairs of different words are told apart here, without comparing their middles.
    if short.len() >= 3 && short[0] != long[0] && short.last() != long.last() {
        return false;
    }
    let prefix = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
    if prefix == long.len() {
        return true;
    }
    if short.len() == long.len() {
        let suffix_eq = |from: usize| short[from..] == long[from..];
        suffix_eq(prefix + 1)
            || (prefix + 1 < short.len()
                && short[prefix] == long[prefix + 1]
                && short[prefix + 1] == long[prefix]
                && suffix_eq(prefix + 2))
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

/// The strings one deletion away from `key` (and `key` itself): two keys within one substitution
/// or deletion share one of them, so a map from these finds distance-1 candidates without a scan.
pub(crate) fn deletions(key: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(key.len() / 2 + 2);
    let mut buffer = String::with_capacity(key.len());
    for_each_deletion(key, &mut buffer, |d| {
        if !out.iter().any(|o| o == d) {
            out.push(d.to_string());
        }
    });
    out
}

/// Calls `f` with `key` and each string one deletion away from it (built in `buffer`, so no
/// string is allocated; a doubled letter gives the same string twice).
pub(crate) fn for_each_deletion(key: &str, buffer: &mut String, mut f: impl FnMut(&str)) {
    f(key);
    for (at, c) in key.char_indices() {
        buffer.clear();
        buffer.push_str(&key[..at]);
        buffer.push_str(&key[at + c.len_utf8()..]);
        f(buffer);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use isnad_parser::fold_key;

    fn skel(s: &str) -> String {
        skeleton(&letter_key(&fold_key(s)))
    }

    #[test]
    fn transliteration_alternations_share_a_skeleton() {
        assert_eq!(skel("شويغو"), skel("شويجو"));
        assert_eq!(skel("بيونغ يانغ"), skel("بيونغيانغ"));
        assert_eq!(
            letter_key(&fold_key("بيونغ يانغ")),
            letter_key(&fold_key("بيونغيانغ"))
        );
        assert_ne!(skel("شويغو"), skel("لافروف"));
    }

    #[test]
    fn close_name_cases() {
        let k = |s: &str| letter_key(&fold_key(s));
        assert!(close(&k("أنروس"), &k("أوروس"), 1));
        assert!(close(&k("كيم يونغ أون"), &k("كيم جونغ أون"), 3));
        assert!(!close(&k("كيم"), &k("كين"), 1));
        assert!(!close(&k("بايدن"), &k("لافروف"), 1));
        for (a, b, near) in [
            ("انروس", "اوروس", true),
            ("abcd", "abdc", true),
            ("abc", "abcd", true),
            ("abc", "abc", true),
            ("abcd", "axcy", false),
            ("ab", "abcd", false),
            ("abcde", "acbed", false),
            ("xbcdy", "abcde", false),
            ("xbcde", "abcde", true),
            ("abcd", "abcx", true),
            ("bcde", "abcde", true),
        ] {
            assert_eq!(within_one(a, b), near, "{a} {b}");
        }
        assert!(!close_names(&fold_key("سامي خوري"), &fold_key("رامي خوري")));
        assert!(close_names(&fold_key("كيم يونغ أون"), &fold_key("كيم جونغ أون")));
    }

    proptest::proptest! {
        /// The cutoff check agrees with the full optimal-string-alignment distance.
        #[test]
        fn within_agrees_with_the_full_distance(a in "[كتيوسا]{0,12}", b in "[كتيوسا]{0,12}", max in 0usize..4) {
            proptest::prop_assert_eq!(within(&a, &b, max), strsim::osa_distance(&a, &b) <= max);
        }

        /// The letter key copied in runs is the key of each character in turn.
        #[test]
        fn letter_keys_are_keys_of_each_character(s in "[ا-يءآأؤإئةىگچپژڤڨ a-zA-Z0-9é\u{0660}-\u{0669}ـ،]{0,12}") {
            let each: String = s.chars().filter_map(key_char).collect();
            proptest::prop_assert_eq!(letter_key(&s), each);
        }

        /// The skeleton copied in runs drops each inner long vowel.
        #[test]
        fn skeletons_drop_inner_long_vowels(s in "[اويكتaé]{0,10}") {
            let mut each = String::new();
            for (i, c) in s.char_indices() {
                if i == 0 || i + c.len_utf8() == s.len() || !matches!(c, 'ا' | 'و' | 'ي') {
                    each.push(c);
                }
            }
            proptest::prop_assert_eq!(skeleton(&s), each);
        }

        /// A letter key's skeleton signature is its skeleton's.
        #[test]
        fn skeleton_signatures_are_those_of_skeletons(s in "[اويكتaé]{0,10}") {
            proptest::prop_assert_eq!(skeleton_signature(&s), skeleton_signature(&skeleton(&s)));
        }

        /// The direct one-edit check is the distance's answer too.
        #[test]
        fn within_one_agrees_with_the_full_distance(a in "[كتيو]{0,7}", b in "[كتيو]{0,7}") {
            proptest::prop_assert_eq!(within_one(&a, &b), strsim::osa_distance(&a, &b) <= 1);
        }
    }
}
