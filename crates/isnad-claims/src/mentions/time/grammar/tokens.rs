//! Token lookups the readers share: readings, digits, ordinals, cardinals, number words, future markers.

use super::{Reading, Scan, letters_bytes, number_key_value};
use crate::mentions::Lean;
use crate::mentions::time::lexicon::K;
use crate::mentions::words::{
    continues_arabic_word, is_number_word, may_start_ordinal, number_at, ordinal_value,
};
use crate::short::{ends_with_short, strip_short_prefix};
use isnad_parser::TokenKind;

impl Scan<'_> {
    pub(super) fn readings(&self, i: usize) -> &[Reading] {
        self.toks.get(i).map_or(&[], |t| {
            self.all_readings
                .get(t.readings.0 as usize..t.readings.1 as usize)
                .unwrap_or(&[])
        })
    }

    pub(super) fn find<T>(&self, i: usize, f: impl Fn(K) -> Option<T>) -> Option<(T, usize)> {
        self.readings(i)
            .iter()
            .find_map(|r| f(r.kind).map(|v| (v, r.end)))
    }

    pub(super) fn has(&self, i: usize, f: impl Fn(K) -> bool) -> Option<usize> {
        self.readings(i).iter().find(|r| f(r.kind)).map(|r| r.end)
    }

    pub(super) fn punct(&self, i: usize, chars: &[char]) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.kind == TokenKind::Punct && t.key.chars().next().is_some_and(|c| chars.contains(&c))
        })
    }

    /// True when token `i` touches the token before it.
    pub(super) fn adjacent(&self, i: usize) -> bool {
        i > 0 && i < self.toks.len() && self.toks[i - 1].span.end == self.toks[i].span.start
    }

    /// An integer written in digits: value and number of digits.
    pub(super) fn int(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.toks.get(i)?;
        if t.kind != TokenKind::Number || !t.key.bytes().all(|b| b.is_ascii_digit()) || t.key.len() > 6 {
            return None;
        }
        Some((t.key.parse().ok()?, t.key.len()))
    }

    fn is_arabic(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Arabic)
    }

    /// An ordinal word of one to three tokens ("الخامس عشر", "الثالث والعشرون"), read once per token.
    pub(super) fn ordinal(&self, i: usize) -> Option<(u32, usize)> {
        if !self.is_arabic(i) {
            return None;
        }
        *self.ordinals.get(i)?.get_or_init(|| self.read_ordinal(i))
    }

    fn read_ordinal(&self, i: usize) -> Option<(u32, usize)> {
        // Every key built below starts with this token's word.
        if !may_start_ordinal(self.toks.get(i)?.key) {
            return None;
        }
        let mut key = String::new();
        let mut found = None;
        for len in 1..=3 {
            let j = i + len - 1;
            // A lone و starts the next number or clause ("الثالثة و18 دقيقة").
            if !self.is_arabic(j) || (len > 1 && self.toks[j].key == "و") {
                break;
            }
            if len > 1 {
                key.push(' ');
            }
            key.push_str(self.toks[j].key);
            if let Some(v) = ordinal_value(&key) {
                found = Some((v, j + 1));
            }
        }
        found
    }

    /// A cardinal in digits or words (words read by the number finder's reader, up to `max` tokens).
    pub(super) fn cardinal(&self, i: usize, max: usize) -> Option<(f64, usize)> {
        let t = self.toks.get(i)?;
        match t.kind {
            TokenKind::Number => Some((number_key_value(t.key)?, i + 1)),
            TokenKind::Arabic => {
                if !self.may_be_number_word(i) {
                    return None;
                }
                let last = (i + max).min(self.toks.len()) - 1;
                let limit = self.toks[last].span.end;
                // A definite number ("الأسابيع الثلاثة") is read after its article.
                let read = number_at(self.src, t.span.start, limit).or_else(|| {
                    let text = &self.src[t.span.range()];
                    let after_article = t.key.strip_prefix("ال")?;
                    (after_article.chars().count() >= 2).then_some(())?;
                    number_at(self.src, t.span.start + letters_bytes(text, 2), limit)
                })?;
                let j = (i..=last).find(|&j| self.toks[j].span.end == read.span.end)?;
                Some((read.value, j + 1))
            }
            _ => None,
        }
    }

    /// False when `number_at` cannot read a number at Arabic token `i` or after its article:
    /// the word is the token (nothing word-like glued after it), it is not a proclitic letter
    /// glued to digits, and neither it nor its article-less form is a number word.
    pub(super) fn may_be_number_word(&self, i: usize) -> bool {
        *self.number_words[i].get_or_init(|| self.read_number_word(i))
    }

    fn read_number_word(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let text = &self.src[t.span.range()];
        let single_letter = text.chars().nth(1).is_none();
        // A space or other ASCII character after the word is never a word character.
        let glued = || match self.src.as_bytes().get(t.span.end) {
            Some(&b) if b >= 0x80 => self.src[t.span.end..]
                .chars()
                .next()
                .is_some_and(continues_arabic_word),
            _ => false,
        };
        // A ligature folds to two letters, so the key's letters need not match the text's. Every
        // one (U+FB50..U+FEFF) is led by the byte 0xEF, which most words lack.
        let ligature =
            || text.as_bytes().contains(&0xEF) && text.chars().any(|c| matches!(c, '\u{FB50}'..='\u{FEFF}'));
        single_letter
            || is_number_word(t.key)
            || t.key.strip_prefix("ال").is_some_and(is_number_word)
            || glued()
            || ligature()
    }

    pub(super) fn forward(&self, i: usize) -> bool {
        match self.ctx.lean {
            Lean::Future => true,
            Lean::Past => false,
            Lean::Tense => {
                self.future_marker_before(i)
                    // "الثلاثاء 15 أبريل المقبل": the word after a date that makes it the next one.
                    || (i + 1..self.toks.len().min(i + 6)).any(|j| self.lex.future_after.contains(self.toks[j].key))
            }
        }
    }

    /// True when a future marker stands before token `i`. The words are read only as far as
    /// asked (a sentence's dates are asked about left to right), and the first marker is kept.
    fn future_marker_before(&self, i: usize) -> bool {
        let (mut read, first) = self.future_at.get();
        if let Some(at) = first {
            return at < i;
        }
        while read < i.min(self.toks.len()) {
            if self.is_future_marker(read) {
                self.future_at.set((read + 1, Some(read)));
                return true;
            }
            read += 1;
        }
        self.future_at.set((read, None));
        false
    }

    fn is_future_marker(&self, i: usize) -> bool {
        if self.has(i, |k| k == K::Future).is_some() {
            return true;
        }
        let t = &self.toks[i];
        if t.kind != TokenKind::Arabic {
            return false;
        }
        // The shape of a future verb first: it rules out nearly every word without a lookup.
        let prefixed = self.lex.future_prefix.iter().any(|p| {
            let Some(rest) = strip_short_prefix(t.key, p) else {
                return false;
            };
            let mut chars = rest.chars();
            let Some(letter) = chars.next().filter(|c| self.lex.imperfect_letters.contains(c)) else {
                return false;
            };
            // "سأزور" is written with its hamza; "سابقاً", "ساحل" fold to the same letters.
            if letter == 'ا' && !self.src[t.span.range()].contains('أ') {
                return false;
            }
            // "ستصل", "سيقع": a two-letter stem only after ي, ت or ن.
            let stem = chars.count();
            let long_enough = stem >= 3 || (stem == 2 && self.lex.short_stem_letters.contains(&letter));
            long_enough && !self.lex.not_future_verbs.contains(&t.key[p.len()..])
        });
        prefixed
            && !self.lex.not_future_verbs.contains(t.key)
            && !(self.lex.not_future_endings.iter()).any(|e| ends_with_short(t.key, e))
    }
}
