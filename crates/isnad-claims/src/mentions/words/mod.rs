//! Number and ordinal words shared by the number and time finders (the word lists live in
//! `data/numbers.toml`), plus the small scanners both use: words over the original text and
//! digit runs with their separators.

mod compound;
mod digits;
// The number words and their text live below the layers that read them (`crate::lexical`).
use crate::lexical::{numbers as lexicon, text};

use compound::{Reader, continue_number};
use lexicon::ContainsStr;

pub(crate) use compound::NumberRead;
pub(crate) use digits::{Digits, digit_value, read_digits};
pub(crate) use lexicon::{ScaleForm, Term, lexicon};
pub(crate) use text::{continues_arabic_word, letters_span, strip_article, word_at};

pub(crate) use crate::sketch::KeySketch;

/// Reads the number that starts at byte `at` of `source` (at a word start, possibly after a
/// proclitic), not reading past `limit`.
pub(crate) fn number_at(source: &str, at: usize, limit: usize) -> Option<NumberRead> {
    let limit = limit.min(source.len());
    if at >= limit || !source.is_char_boundary(at) || !source.is_char_boundary(limit) {
        return None;
    }
    let lex = lexicon();
    if let Some(digits) = read_digits(source, at, limit) {
        return Some(continue_number(lex, source, limit, Reader::digits(&digits)));
    }
    // A proclitic glued to digits: "و19", "ب5".
    let first = source[at..limit].chars().next()?;
    if PROCLITIC_LETTERS.contains(&first) {
        let after = at + first.len_utf8();
        if let Some(digits) = read_digits(source, after, limit).filter(|d| !d.negative) {
            return Some(continue_number(lex, source, limit, Reader::digits(&digits)));
        }
    }
    let word = word_at(source, at, limit)?;
    let (span, term) = lex.first_term(source, &word)?;
    let reader = Reader::start(lex, source, limit, span, term)?;
    Some(continue_number(lex, source, limit, reader))
}

/// [`number_at`] where [`read_digits`] read `digits` (at the same place, with the same
/// `limit`): the number they start, without reading them again.
pub(crate) fn number_from_digits(source: &str, digits: &Digits, limit: usize) -> NumberRead {
    continue_number(lexicon(), source, limit.min(source.len()), Reader::digits(digits))
}

/// The value of an ordinal word given its folded key ("الثاني", "الخامسه عشر" → 15, "اول" → 1).
pub(crate) fn ordinal_value(folded: &str) -> Option<u32> {
    let lex = lexicon();
    // Most words are no ordinal: reject on the first word before splitting anything.
    let first = folded.split_whitespace().next()?;
    if !lex.is_ordinal_head(strip_article(first)) {
        return None;
    }
    // Split into words, detaching a conjunction glued to a word ("والعشرين").
    let mut words: Vec<(bool, &str)> = Vec::new();
    let mut and = false;
    for w in folded.split_whitespace() {
        if w == "و" {
            and = true;
            continue;
        }
        match w
            .strip_prefix('و')
            .filter(|_| !words.is_empty() && lex.ordinal_part(w).is_none())
        {
            Some(rest) => words.push((true, rest)),
            None => words.push((and, w)),
        }
        and = false;
    }
    match words.as_slice() {
        [(_, one)] => {
            let bare = strip_article(one);
            if let Some(v) = lex
                .ordinals
                .get(bare)
                .copied()
                .filter(|_| bare != "حادي" && bare != "حاديه")
            {
                return Some(v);
            }
            // "العشرون" (the twentieth): a tens cardinal with the article.
            match lex.words.get(bare) {
                Some(Term::Tens(v)) if bare.len() < one.len() => Some(*v),
                _ => None,
            }
        }
        [(_, unit), (false, ten)] if lex.teen_tens.contains(strip_article(ten)) => {
            let u = lex.compound_ordinal_unit(unit)?;
            (1..=9).contains(&u).then_some(u + 10)
        }
        // The tens of a compound ordinal carry the article ("الحادي والعشرين").
        [(_, unit), (true, tens)] if strip_article(tens).len() < tens.len() => {
            let u = lex.compound_ordinal_unit(unit)?;
            match lex.words.get(strip_article(tens)) {
                Some(Term::Tens(t)) if (1..=9).contains(&u) => Some(u + t),
                _ => None,
            }
        }
        _ => None,
    }
}

/// True when an ordinal may start with this folded word (see [`ordinal_value`]): a cheap test
/// run before building multi-word keys.
pub(crate) fn may_start_ordinal(first: &str) -> bool {
    lexicon().is_ordinal_head(strip_article(first))
}

/// True when a folded word is a cardinal number word as written, possibly after a proclitic
/// (the only words [`number_at`] reads besides digits).
pub(crate) fn is_number_word(key: &str) -> bool {
    let lex = lexicon();
    lex.written_sketch.may_contain(key) && lex.written.contains_key(key)
}

/// Letters that attach to a following word as proclitics (و ف ب ل ك).
pub(crate) const PROCLITIC_LETTERS: [char; 5] = ['و', 'ف', 'ب', 'ل', 'ك'];

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Option<(&str, f64)>) {
        let got = number_at(input, 0, input.len()).map(|r| (&input[r.span.range()], r.value));
        assert_eq!(got, expected, "{input}");
    }

    #[test]
    fn reads_digits_and_words() {
        check("١٢٬٥٠٠ شخص", Some(("١٢٬٥٠٠", 12500.0)));
        check("2,5 مليون", Some(("2,5 مليون", 2.5e6)));
        check("7,000", Some(("7,000", 7000.0)));
        check("7.000", Some(("7.000", 7000.0)));
        check("0.770", Some(("0.770", 0.77)));
        check("ثلاثة وعشرون", Some(("ثلاثة وعشرون", 23.0)));
        check("مئتين وخمسين", Some(("مئتين وخمسين", 250.0)));
        check("ألفين", Some(("ألفين", 2000.0)));
        check("خمسة آلاف جندي", Some(("خمسة آلاف", 5000.0)));
        check("بسبع سيارات", Some(("سبع", 7.0)));
        check("ثلاثة وأربعة", Some(("ثلاثة", 3.0)));
        check("لست أدري", None);
        check("آلاف", None);
        check("إحدى عشرة", Some(("إحدى عشرة", 11.0)));
        check("أحد المسؤولين", None);
        check(
            "خمسة آلاف وثلاثمائة وخمسة وعشرون",
            Some(("خمسة آلاف وثلاثمائة وخمسة وعشرون", 5325.0)),
        );
        check("مليون ونصف", Some(("مليون ونصف", 1.5e6)));
        check("واحد فاصلة واحد", Some(("واحد فاصلة واحد", 1.1)));
        check("و19 يونيو", Some(("19", 19.0)));
    }

    #[test]
    fn reads_ordinals() {
        for (word, value) in [
            ("الاول", Some(1)),
            ("اول", Some(1)),
            ("الاولي", Some(1)),
            ("الثانيه", Some(2)),
            ("العاشر", Some(10)),
            ("الخامسه عشر", Some(15)),
            ("الحادي عشر", Some(11)),
            ("الحادي والعشرين", Some(21)),
            ("الواحد و العشرون", Some(21)),
            ("العشرون", Some(20)),
            ("عشرون", None),
            ("الاحد", None),
            ("الاثنين", None),
            ("واحد و عشرون", None),
            ("احد عشر", None),
            ("الاحد عشر", Some(11)),
        ] {
            assert_eq!(ordinal_value(word), value, "{word}");
        }
    }
}
