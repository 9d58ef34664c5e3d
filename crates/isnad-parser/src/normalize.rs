//! Normalization for matching, with an offset map back to the original bytes.
//!
//! Normalized text is only ever used to *find* things; every result is mapped back to a
//! [`Span`] of the original text with [`Normalized::original_span`].

use crate::Span;
use std::sync::Arc;

/// Normalized text plus the way back from each of its bytes to the original text.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// The normalized text, shared with the keys of the tokens cut from it
    /// ([`Tokens::with_key_fold`](crate::Tokens::with_key_fold)): one copy per sentence.
    pub text: Arc<str>,
    /// Every original character that did not fold to itself, in text order. Between them the
    /// normalized text is a verbatim copy of the original, so offsets only shift. Held exactly
    /// (a boxed slice), as a prepared document keeps one list per sentence (issue #17).
    edits: Box<[Edit]>,
    /// Byte offset in the original text where the normalized text starts, as [`text_offset`]
    /// keeps offsets (a prepared document keeps one per sentence).
    base: u32,
    /// True for [`Fold::Key`], whose text is the lookup keys of its tokens back to back.
    key_fold: bool,
}

/// One original character that folded to something else (or to nothing), in 12 bytes: offsets
/// from the start of the text as `u32` (a text is a sentence or a line; [`text_offset`] refuses
/// one of 4 GiB or more rather than wrap), lengths of at most four bytes (one character, or the
/// two letters of a ligature) as `u8`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Edit {
    /// Where its normalized bytes start in `text`.
    norm: u32,
    /// Where it starts in the original text, from `base`.
    orig: u32,
    /// How many normalized bytes it has (0 when dropped).
    norm_len: u8,
    /// Its length in the original text.
    orig_len: u8,
}

impl Edit {
    /// The character of `orig_len` bytes at `orig` folded to the `norm_len` bytes at `norm`.
    #[inline]
    pub(crate) fn new(norm: usize, norm_len: usize, orig: usize, orig_len: usize) -> Edit {
        // A character is at most four bytes, and what one folds to at most two letters.
        debug_assert!(norm_len <= 4 && orig_len <= 4);
        Edit {
            norm: text_offset(norm),
            orig: text_offset(orig),
            norm_len: norm_len as u8,
            orig_len: orig_len as u8,
        }
    }

    /// Where its normalized bytes start.
    #[inline]
    fn norm(self) -> usize {
        self.norm as usize
    }

    /// Where its normalized bytes end.
    #[inline]
    fn norm_end(self) -> usize {
        self.norm as usize + usize::from(self.norm_len)
    }

    /// Where it starts in the original text, from `base`.
    #[inline]
    fn orig(self) -> usize {
        self.orig as usize
    }

    /// Where it ends in the original text, from `base`.
    #[inline]
    fn orig_end(self) -> usize {
        self.orig as usize + usize::from(self.orig_len)
    }
}

/// A byte offset into a document, one folded text or its original, as kept (`u32`: edits, token
/// pieces and where a folded text starts). Past 4 GiB it stops with a message instead of wrapping
/// to a wrong offset: no document comes near that under the loader's default size limit
/// (16 MiB), and one that did could not be analyzed in memory anyway.
#[inline]
pub(crate) fn text_offset(at: usize) -> u32 {
    match u32::try_from(at) {
        Ok(at) => at,
        Err(_) => too_long(at),
    }
}

/// The stop of [`text_offset`], out of line.
#[cold]
#[inline(never)]
fn too_long(at: usize) -> ! {
    panic!("text offsets are kept in 32 bits: byte {at} is past 4 GiB")
}

/// How aggressively to fold letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fold {
    /// Drop marks and controls, unify digits and alef forms; keep ى/ي and ة/ه distinct.
    Search,
    /// Everything in `Search`, plus ى→ي and ة→ه: for lookup keys.
    Key,
}

impl Normalized {
    /// Normalizes `original[span]`; offsets in the result map back into `original`.
    pub fn of(original: &str, span: Span, fold: Fold) -> Normalized {
        let slice = &original[span.range()];
        let mut text = String::with_capacity(slice.len());
        // Arabic news has an alef with hamza, a taa marbuta or a mark every twenty bytes or so.
        let mut edits = Vec::with_capacity(slice.len() / 16);
        fold_into(slice, fold, &mut text, |norm, norm_len, orig, orig_len| {
            edits.push(Edit::new(norm, norm_len, orig, orig_len));
        });
        Normalized {
            text: text.into(),
            edits: edits.into_boxed_slice(),
            base: text_offset(span.start),
            key_fold: fold == Fold::Key,
        }
    }

    /// The [`Fold::Key`] text of the original text from `base` on, folded elsewhere (as
    /// [`Tokens::with_key_fold`](crate::Tokens::with_key_fold) does while it tokenizes).
    pub(crate) fn of_key_fold(text: Arc<str>, edits: Box<[Edit]>, base: usize) -> Normalized {
        Normalized {
            text,
            edits,
            base: text_offset(base),
            key_fold: true,
        }
    }

    /// Byte offset in the original text where the normalized text starts.
    #[inline]
    fn base(&self) -> usize {
        self.base as usize
    }

    /// The normalized offsets of original character boundaries, asked in increasing order, when
    /// the text is folded with [`Fold::Key`] from `original[span]` (`None` otherwise).
    pub(crate) fn key_offsets(&self, span: Span) -> Option<KeyOffsets<'_>> {
        let fits = self.key_fold && self.base() == span.start;
        fits.then_some(KeyOffsets {
            edits: &self.edits,
            next: 0,
            base: self.base(),
        })
    }

    /// The original span of the character that produced normalized byte `i` (`i` in range).
    fn origin_at(&self, i: usize) -> Span {
        let k = self.edits.partition_point(|e| e.norm() <= i);
        // Where the verbatim run holding byte `i` starts, in both texts.
        let (norm_from, orig_from) = match k.checked_sub(1).map(|k| self.edits[k]) {
            Some(e) if i < e.norm_end() => {
                return Span::new(self.base() + e.orig(), self.base() + e.orig_end());
            }
            Some(e) => (e.norm_end(), e.orig_end()),
            None => (0, 0),
        };
        let mut char_start = i;
        while char_start > norm_from && !self.text.is_char_boundary(char_start) {
            char_start -= 1;
        }
        let len = match self.text.as_bytes().get(char_start) {
            Some(&lead) if lead >= 0xF0 => 4,
            Some(&lead) if lead >= 0xE0 => 3,
            Some(&lead) if lead >= 0xC0 => 2,
            _ => 1,
        };
        let start = self.base() + orig_from + (char_start - norm_from);
        Span::new(start, start + len)
    }

    /// Where the characters of `original` (which this text normalizes) that `from` accepts stand
    /// in the normalized text, when the fold changed them ("ة" under [`Fold::Key`]): their byte
    /// offsets, in order.
    pub fn folded_from<'s>(
        &'s self,
        original: &'s str,
        from: impl Fn(char) -> bool + 's,
    ) -> impl Iterator<Item = usize> + 's {
        self.edits
            .iter()
            // Each edit is one original character.
            .filter(move |e| {
                original
                    .get(self.base() + e.orig()..)
                    .and_then(|t| t.chars().next())
                    .is_some_and(&from)
            })
            .map(|e| e.norm())
    }

    /// The original span covering normalized bytes `start..end`.
    pub fn original_span(&self, start: usize, end: usize) -> Span {
        let len = self.text.len();
        if start >= end || len == 0 {
            let at = if start < len {
                self.origin_at(start).start
            } else {
                self.base()
            };
            return Span::new(at, at);
        }
        let first = self.origin_at(start.min(len - 1));
        let last = self.origin_at((end - 1).min(len - 1));
        Span::new(first.start, last.end)
    }

    /// The original offset of normalized byte `index` (or the end of the text).
    pub fn original_offset(&self, index: usize) -> usize {
        let len = self.text.len();
        if index < len {
            self.origin_at(index).start
        } else if len > 0 {
            self.origin_at(len - 1).end
        } else {
            self.base()
        }
    }
}

/// A walk along a [`Fold::Key`] text from [`Normalized::key_offsets`].
pub(crate) struct KeyOffsets<'a> {
    edits: &'a [Edit],
    /// The first edit not known to lie before the last offset asked.
    next: usize,
    base: usize,
}

impl KeyOffsets<'_> {
    /// The normalized offset of the character boundary at byte `original` (no less than the last
    /// one asked): past the last edit before it, the texts run verbatim side by side.
    pub(crate) fn at(&mut self, original: usize) -> usize {
        let rel = original - self.base;
        // Each edit is one whole character, so one starting before a boundary ends by it.
        while self.edits.get(self.next).is_some_and(|e| e.orig() < rel) {
            self.next += 1;
        }
        match self.next.checked_sub(1).map(|k| self.edits[k]) {
            Some(e) => e.norm_end() + (rel - e.orig_end()),
            None => rel,
        }
    }
}

/// What one character folds to.
pub(crate) enum Folded {
    Drop,
    One(char),
    Many(&'static str),
}

/// Normalizes a string for matching (no offsets): the key used by lexicons and gazetteers.
pub fn fold_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_key_into(text, &mut out);
    out
}

/// `text` with the letters a name's spelling varies by folded (أ إ آ → ا, ى → ي, ة → ه, ئ → ي,
/// ؤ → و), each to a letter of the same byte length, so every offset into the result is an offset
/// into `text`: a name searched in the result is found at its place in the original, however it
/// is spelled there («أنيس» and «انيس», «الصائغ» and «الصايغ», «مزرعة» and «مزرعه»).
pub fn fold_spelling_in_place(text: &str) -> String {
    /// Bytes looked at together: a run with no second byte of a folded letter is copied unread.
    const RUN: usize = 16;
    // The second byte of a folded letter (آ أ ؤ إ ئ are 0xD8 0xA2..0xA6, ة 0xD8 0xA9, ى 0xD9 0x89).
    let may_end_folded = |b: u8| (b.wrapping_sub(0xA2) < 5) | (b == 0xA9) | (b == 0x89);
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    // Built from slices of `text` and whole letters: no copy to check again as UTF-8 (a whole
    // source is folded once per story, and checking it cost as much as folding it).
    let mut copied = 0;
    let mut at = 1;
    while at < bytes.len() {
        let end = (at + RUN).min(bytes.len());
        if let Ok(run) = <&[u8; RUN]>::try_from(&bytes[at..end])
            && !run.iter().fold(false, |any, &b| any | may_end_folded(b))
        {
            at = end;
            continue;
        }
        while at < end {
            // Every letter folded is two bytes, lead 0xD8 or 0xD9; a continuation byte is never
            // either, so the pair ending at `at` is one whole letter.
            let folded = match (bytes[at - 1], bytes[at]) {
                (0xD8, 0xA2 | 0xA3 | 0xA5) => "ا",
                (0xD8, 0xA6) | (0xD9, 0x89) => "ي",
                (0xD8, 0xA4) => "و",
                (0xD8, 0xA9) => "ه",
                _ => {
                    at += 1;
                    continue;
                }
            };
            out.push_str(&text[copied..at - 1]);
            out.push_str(folded);
            copied = at + 1;
            at += 2;
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// Appends [`fold_key`] of `text` to `out` (a shared buffer spares an allocation per word).
pub(crate) fn fold_key_into(text: &str, out: &mut String) {
    fold_into(text, Fold::Key, out, |_, _, _, _| {});
}

/// Appends the fold of `slice` to `out`, telling `edit` of every character that did not fold to
/// itself (as [`Edit::new`] takes it, its `norm` counted in `out`). Runs of characters that fold
/// to themselves are found bytewise and copied whole.
#[inline]
fn fold_into(slice: &str, fold: Fold, out: &mut String, mut edit: impl FnMut(usize, usize, usize, usize)) {
    let (mut at, mut clean) = (0, 0);
    while at < slice.len() {
        at += clean_prefix_len(&slice[at..]);
        let Some(ch) = slice[at..].chars().next() else {
            break;
        };
        let len = ch.len_utf8();
        let folded = fold_char(ch, fold);
        if !matches!(folded, Folded::One(c) if c == ch) {
            out.push_str(&slice[clean..at]);
            let norm = out.len();
            match folded {
                Folded::Drop => {}
                Folded::One(c) => out.push(c),
                Folded::Many(s) => out.push_str(s),
            }
            edit(norm, out.len() - norm, at, len);
            clean = at + len;
        }
        at += len;
    }
    out.push_str(&slice[clean..]);
}

/// Length of the longest prefix of `text` that every fold leaves as it is: ASCII and the Arabic
/// letters U+0621..U+064A but أ إ آ ى ة and tatweel (the fast path of [`fold_char`]), read
/// bytewise since most words are only that.
#[inline]
fn clean_prefix_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            i += 1;
            continue;
        }
        if b & 0xFE == 0xD8
            && let Some(&next) = bytes.get(i + 1)
            && CLEAN_D8_D9[usize::from(b & 1) << 6 | usize::from(next & 0x3F)]
        {
            i += 2;
            continue;
        }
        break;
    }
    i
}

/// Whether each code point U+0600..U+067F (the two-byte characters led by 0xD8 or 0xD9, indexed
/// by the lead's low bit and the continuation's six bits) is a letter no fold changes: one table
/// load instead of a range test and a match per letter.
const CLEAN_D8_D9: [bool; 128] = {
    let mut table = [false; 128];
    let mut k = 0;
    while k < 128 {
        let cp = 0x0600 + k as u32;
        table[k] = cp >= 0x0621
            && cp <= 0x064A
            && !matches!(cp, 0x0622 | 0x0623 | 0x0625 | 0x0629 | 0x0640 | 0x0649);
        k += 1;
    }
    table
};

/// True for characters that carry no letters: tashkeel, tatweel and invisible controls.
#[inline]
pub fn is_ignorable(ch: char) -> bool {
    matches!(ch,
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{06D6}'..='\u{06ED}'
        | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' | '\u{00AD}' | '\u{061C}')
}

/// What `ch` folds to under `fold`.
#[inline]
pub(crate) fn fold_char(ch: char, fold: Fold) -> Folded {
    // Fast path for the common case: ASCII and the Arabic letters no fold touches.
    if ch.is_ascii()
        || (matches!(ch, '\u{0621}'..='\u{064A}') && !matches!(ch, 'أ' | 'إ' | 'آ' | 'ى' | 'ة' | '\u{0640}'))
    {
        return Folded::One(ch);
    }
    if is_ignorable(ch) {
        return Folded::Drop;
    }
    let ch = presentation_form(ch).unwrap_or(ch);
    let c = match ch {
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => 'ا',
        '٠'..='٩' => char::from(b'0' + (ch as u32 - '٠' as u32) as u8),
        '۰'..='۹' => char::from(b'0' + (ch as u32 - '۰' as u32) as u8),
        '٫' => '.',
        '٬' => ',',
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        'ى' if fold == Fold::Key => 'ي',
        'ة' if fold == Fold::Key => 'ه',
        'ی' => 'ي', // Persian yeh
        'ک' => 'ك', // Persian keheh
        'ڤ' => 'ف',
        'ـ' => return Folded::Drop,
        'ﻻ' | 'ﻼ' => return Folded::Many("لا"),
        'ﻷ' | 'ﻸ' | 'ﻹ' | 'ﻺ' | 'ﻵ' | 'ﻶ' => return Folded::Many("لا"),
        _ => ch,
    };
    Folded::One(c)
}

/// Maps an Arabic presentation form (U+FB50..U+FEFF) to its base letter via NFKC.
fn presentation_form(ch: char) -> Option<char> {
    use unicode_normalization::UnicodeNormalization;
    if !matches!(ch, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}') {
        return None;
    }
    let mut it = std::iter::once(ch).nfkc();
    let first = it.next()?;
    if it.next().is_some() { None } else { Some(first) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        let n = Normalized::of(input, Span::new(0, input.len()), Fold::Key);
        assert_eq!(&*n.text, expected);
        assert_eq!(fold_key(input), expected);
    }

    /// The fold read a run at a time is the letter-by-letter fold, whatever the text.
    #[test]
    fn spelling_fold_reads_runs_as_letters() {
        fn letter_by_letter(text: &str) -> String {
            text.chars()
                .map(|c| match c {
                    'آ' | 'أ' | 'إ' => 'ا',
                    'ئ' | 'ى' => 'ي',
                    'ؤ' => 'و',
                    'ة' => 'ه',
                    c => c,
                })
                .collect()
        }
        proptest::proptest!(|(text in "[ a-z0-9\u{0621}-\u{064A}\u{0660}-\u{0669}\u{2009}\u{0609}.،]{0,80}")| {
            proptest::prop_assert_eq!(fold_spelling_in_place(&text), letter_by_letter(&text));
        });
        let long = "قالت وزارة الصحة أمس إن عدد المصابين ارتفع إلى مئة، وأكدت الهيئة ذلك. ".repeat(9);
        assert_eq!(fold_spelling_in_place(&long), letter_by_letter(&long));
    }

    #[test]
    fn spelling_fold_keeps_every_offset() {
        for (text, folded) in [
            ("أنيس وإيمان وآمنة", "انيس وايمان وامنه"),
            ("الصائغ مسؤول على", "الصايغ مسوول علي"),
            ("abc ١٢ ء", "abc ١٢ ء"),
        ] {
            let out = fold_spelling_in_place(text);
            assert_eq!(out, folded);
            assert_eq!(out.len(), text.len());
            // Char boundaries stay where they were.
            assert!(text.char_indices().all(|(i, _)| out.is_char_boundary(i)));
        }
    }

    #[test]
    fn folds_marks_alefs_digits_and_endings() {
        check("أُعِدَّت", "اعدت");
        check("إقرأ", "اقرا");
        check("١٢٬٥٠٠", "12,500");
        check("۳", "3");
        check("مدرسة", "مدرسه");
        check("على", "علي");
        check("كـــيم", "كيم");
        check("a\u{200F}b\u{00A0}c", "ab c");
    }

    #[test]
    fn clean_prefix_stops_at_the_first_folded_character() {
        for (text, clean) in [
            ("", ""),
            ("abc", "abc"),
            ("قال ان", "قال ان"),
            ("قالت أن", "قالت "),
            ("سنة", "سن"),
            ("مـن", "م"),
            ("كيم١", "كيم"),
            ("على", "عل"),
        ] {
            assert_eq!(&text[..clean_prefix_len(text)], clean, "{text}");
        }
    }

    #[test]
    fn clean_letters_are_those_every_fold_keeps() {
        for ch in '\u{0600}'..='\u{067F}' {
            let text = ch.to_string();
            let kept = [Fold::Search, Fold::Key]
                .iter()
                .all(|&fold| matches!(fold_char(ch, fold), Folded::One(c) if c == ch));
            let basic = ('\u{0621}'..='\u{064A}').contains(&ch);
            assert_eq!(
                clean_prefix_len(&text) == text.len(),
                kept && basic,
                "{:04X}",
                ch as u32
            );
        }
    }

    #[test]
    fn offsets_map_back_to_original() {
        let src = "قال: أُعِدَّت ٢٠ سيارة";
        let n = Normalized::of(src, Span::new(0, src.len()), Fold::Search);
        let at = n.text.find("20").unwrap();
        let span = n.original_span(at, at + 2);
        assert_eq!(&src[span.range()], "٢٠");
        let at = n.text.find("اعدت").unwrap();
        let span = n.original_span(at, at + "اعدت".len());
        assert_eq!(&src[span.range()], "أُعِدَّت");
    }

    /// The compact edits (`u32` offsets, `u8` lengths) map every folded character back, far into
    /// a long sentence with a fold every few bytes: past 256 and 65,536 bytes, where narrower
    /// offsets would wrap, and through ligatures, which fold to more bytes than they had.
    #[test]
    fn compact_edits_map_back_far_into_a_long_sentence() {
        let src = "قالَ أُعِدَّت ٢٠ سيارةً، ﻻ ﺑﻮﺗﻴﻦ إلى كـــيم ی\u{200F}ک ٱلله ";
        let copies = 2500;
        let src = src.repeat(copies);
        assert!(src.len() > 3 * 65_536);
        let start = src.find('٢').unwrap();
        let span = Span::new(start, src.len());
        let n = Normalized::of(&src, span, Fold::Key);
        assert!(n.edits.len() > 20_000);
        let mut previous = span.start;
        for (i, c) in n.text.char_indices() {
            let from = n.original_span(i, i + c.len_utf8());
            assert!(from.start >= previous && from.end <= span.end, "byte {i}");
            assert!(fold_key(&src[from.range()]).contains(c), "byte {i}: {c:?}");
            previous = from.start;
        }
        // The last word comes back whole, and the end of the text is the end of the span.
        let last = n.text.trim_end().rfind(' ').unwrap() + 1;
        let word = n.original_span(last, n.text.trim_end().len());
        assert_eq!(&src[word.range()], "ٱلله");
        assert_eq!(n.original_offset(n.text.len()), span.end);
        // Each folded character is found where it was folded.
        let taa: Vec<usize> = n.folded_from(&src, |c| c == 'ة').collect();
        assert_eq!(taa.len(), copies);
        assert!(taa.iter().all(|&at| n.text[at..].starts_with('ه')));
    }

    /// Offsets are kept as `u32`: the largest fits, with its end past it computed wide; one past
    /// it stops the fold instead of wrapping to a wrong offset.
    #[test]
    fn edit_offsets_fit_up_to_4_gib() {
        let top = u32::MAX as usize;
        let e = Edit::new(top, 4, top - 1, 3);
        assert_eq!((e.norm(), e.norm_end()), (top, top + 4));
        assert_eq!((e.orig(), e.orig_end()), (top - 1, top + 2));
        assert_eq!(std::mem::size_of::<Edit>(), 12);
    }

    #[test]
    #[should_panic(expected = "past 4 GiB")]
    fn an_offset_past_4_gib_stops_the_fold() {
        Edit::new(u32::MAX as usize + 1, 2, 0, 2);
    }
}
