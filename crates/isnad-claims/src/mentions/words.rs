//! Number and ordinal words shared by the number and time finders (the word lists live in
//! `data/numbers.toml`), plus the small scanners both use: words over the original text and
//! digit runs with their separators.

use isnad_parser::{Span, fold_key, is_arabic_letter, is_ignorable};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::LazyLock;

/// A number read at a position: digits (Western, Eastern, Persian; separators) or number words
/// and their compounds ("ثلاثة وعشرون"), through proclitics ("بسبع").
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct NumberRead {
    /// Bytes of the number itself (a proclitic before it is excluded).
    pub span: Span,
    /// Its value.
    pub value: f64,
}

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

/// Every folded number word (`is_number_word` is true of exactly these).
pub(crate) fn number_words() -> impl Iterator<Item = &'static str> {
    lexicon().written.keys().map(String::as_str)
}

/// Drops a leading article when a stem of at least two letters remains.
pub(crate) fn strip_article(word: &str) -> &str {
    match word.strip_prefix("ال") {
        Some(rest) if rest.chars().nth(1).is_some() => rest,
        _ => word,
    }
}

/// Letters that attach to a following word as proclitics (و ف ب ل ك).
pub(crate) const PROCLITIC_LETTERS: [char; 5] = ['و', 'ف', 'ب', 'ل', 'ك'];

/// Proclitic sequences tried before a number word, longest first.
const PROCLITICS: [&str; 10] = ["وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك"];

// ---------------------------------------------------------------------------------------------
// Key sketches.

pub(crate) use crate::sketch::KeySketch;

// ---------------------------------------------------------------------------------------------
// Words over the original text.

/// A word of Arabic letters in the original text with its folded lookup key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    /// Original bytes, marks included.
    pub span: Span,
    /// `fold_key` of the original bytes.
    pub key: String,
}

/// True for characters that continue an Arabic word (letters and the marks inside it).
pub(crate) fn continues_arabic_word(ch: char) -> bool {
    is_arabic_letter(ch) || (is_ignorable(ch) && !ch.is_whitespace())
}

/// The Arabic word starting exactly at `at` (not before `limit`).
pub(crate) fn word_at(source: &str, at: usize, limit: usize) -> Option<Word> {
    let text = source.get(at..limit)?;
    let first = text.chars().next()?;
    if !is_arabic_letter(first) {
        return None;
    }
    let len = text
        .char_indices()
        .find(|&(_, c)| !continues_arabic_word(c))
        .map_or(text.len(), |(i, _)| i);
    let span = Span::new(at, at + len);
    Some(Word {
        span,
        key: fold_key(&source[span.range()]),
    })
}

/// Skips spaces and invisible characters from `at`; returns the next position.
pub(crate) fn skip_space(source: &str, at: usize, limit: usize) -> usize {
    let Some(text) = source.get(at..limit) else {
        return at;
    };
    at + text
        .char_indices()
        .find(|&(_, c)| !(c.is_whitespace() || is_ignorable(c)))
        .map_or(text.len(), |(i, _)| i)
}

/// The next word after spaces, if the next thing is a word.
pub(crate) fn next_word(source: &str, at: usize, limit: usize) -> Option<Word> {
    word_at(source, skip_space(source, at, limit), limit)
}

/// Original byte span of a key suffix: the word minus its first `skip` letters (marks included).
fn after_letters(source: &str, word: &Word, skip: usize) -> Span {
    letters_span(source, word.span, skip, 0)
}

/// The original bytes of the letters of `span` that remain after dropping `skip` letters from the
/// front and `drop_end` from the back (marks count with the letter before them).
pub(crate) fn letters_span(source: &str, span: Span, skip: usize, drop_end: usize) -> Span {
    let Some(text) = source.get(span.range()) else {
        return span;
    };
    let starts: Vec<usize> = text
        .char_indices()
        .filter(|&(_, c)| !is_ignorable(c))
        .map(|(i, _)| i)
        .collect();
    let start = starts.get(skip).map_or(text.len(), |&i| i);
    let end = match starts.len().checked_sub(drop_end) {
        Some(n) if n < starts.len() => starts[n],
        Some(_) => text.len(),
        None => start,
    };
    Span::new(span.start + start, span.start + end.max(start))
}

// ---------------------------------------------------------------------------------------------
// Digits.

/// A run of digits with separators, read from the original text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Digits {
    /// Original bytes (a leading minus sign included).
    pub span: Span,
    /// The value.
    pub value: f64,
    /// Digits after the decimal point, as written (for "1 فاصلة 05").
    pub plain: String,
    /// True when written with a minus sign.
    pub negative: bool,
    /// Number of integer digits (4 for "2024"); separators make it 0 (not a plain year).
    pub plain_int_digits: usize,
}

/// The value 0..=9 of a Western, Eastern Arabic or Persian digit.
pub(crate) fn digit_value(ch: char) -> Option<u32> {
    match ch {
        '0'..='9' => Some(ch as u32 - '0' as u32),
        '٠'..='٩' => Some(ch as u32 - '٠' as u32),
        '۰'..='۹' => Some(ch as u32 - '۰' as u32),
        _ => None,
    }
}

/// Reads digits at `at`: an optional minus sign, then digits with thousands separators (٬ always;
/// `,` or `.` when exactly three digits follow) and a decimal separator (٫ always; `.` or `,`
/// otherwise). A leading decimal separator reads ".77" as 0.77. At most 64 characters are read.
pub(crate) fn read_digits(source: &str, at: usize, limit: usize) -> Option<Digits> {
    let text = source.get(at..limit)?;
    // Most calls land on words: reject before collecting anything.
    let mut lead = text.chars();
    let first = lead.next()?;
    let first = if matches!(first, '-' | '−') {
        lead.next()?
    } else {
        first
    };
    if digit_value(first).is_none() && !matches!(first, '.' | '٫') {
        return None;
    }
    let chars = NumberChars::of(text);
    let chars = chars.as_slice();
    let mut i = 0;
    let negative = matches!(chars.first(), Some((_, '-' | '−')));
    if negative {
        i = 1;
    }
    let run = |from: usize| {
        chars[from.min(chars.len())..]
            .iter()
            .take_while(|(_, c)| digit_value(*c).is_some())
            .count()
    };
    let mut int = DigitBuf::default();
    let mut frac = DigitBuf::default();
    let mut thousands: Option<char> = None;
    let mut decimal = false;
    let mut end;
    let first_run = run(i);
    if first_run == 0 {
        // ".77" / "٫٧٧"
        let (_, c) = *chars.get(i)?;
        if !matches!(c, '.' | '٫') || run(i + 1) == 0 {
            return None;
        }
        int.push('0');
        decimal = true;
        let n = run(i + 1);
        frac.extend(&chars[i + 1..i + 1 + n]);
        i += 1 + n;
        end = i;
    } else {
        int.extend(&chars[i..i + first_run]);
        i += first_run;
        end = i;
        while let Some(&(_, sep)) = chars.get(i) {
            let n = run(i + 1);
            if n == 0 || decimal {
                break;
            }
            let group = &chars[i + 1..i + 1 + n];
            let as_thousands = match sep {
                '٬' => n == 3,
                '٫' => false,
                ',' | '.' => {
                    n == 3
                        && thousands.is_none_or(|t| t == sep)
                        && (thousands.is_some() || (int.len() <= 3 && int.as_str() != "0"))
                }
                _ => break,
            };
            if as_thousands {
                thousands = Some(sep);
                int.extend(group);
            } else if sep == '٬' || Some(sep) == thousands {
                break;
            } else {
                decimal = true;
                frac.extend(group);
            }
            i += 1 + n;
            end = i;
        }
    }
    let end_byte = chars.get(end).map_or(text.len(), |&(b, _)| b as usize);
    let magnitude = decimal_value(int.as_str(), frac.as_str())?;
    let plain_int_digits = if thousands.is_none() && !decimal && !negative {
        int.len()
    } else {
        0
    };
    Some(Digits {
        span: Span::new(at, at + end_byte),
        value: if negative { -magnitude } else { magnitude },
        plain: int.as_str().to_string(),
        negative,
        plain_int_digits,
    })
}

/// Most characters [`read_digits`] reads.
const MAX_NUMBER_CHARS: usize = 64;

/// The characters of a number [`read_digits`] may look at, with their byte offsets: the sign,
/// digits and separators from the start, and the one character that ends them. Decoding stops
/// there (or after [`MAX_NUMBER_CHARS`]) rather than at a fixed window, since the reader never
/// looks past the first character that is neither a digit nor a separator.
struct NumberChars {
    chars: [(u32, char); MAX_NUMBER_CHARS],
    len: usize,
}

impl NumberChars {
    fn of(text: &str) -> NumberChars {
        let mut out = NumberChars {
            chars: [(0, '\0'); MAX_NUMBER_CHARS],
            len: 0,
        };
        for (at, ch) in text.char_indices() {
            if out.len == MAX_NUMBER_CHARS {
                break;
            }
            out.chars[out.len] = (at as u32, ch);
            out.len += 1;
            let part = digit_value(ch).is_some()
                || matches!(ch, '.' | ',' | '٫' | '٬')
                || (out.len == 1 && matches!(ch, '-' | '−'));
            if !part {
                break;
            }
        }
        out
    }

    fn as_slice(&self) -> &[(u32, char)] {
        &self.chars[..self.len]
    }
}

/// ASCII digits collected on the stack (a number has at most [`MAX_NUMBER_CHARS`]).
struct DigitBuf {
    bytes: [u8; MAX_NUMBER_CHARS],
    len: usize,
}

impl Default for DigitBuf {
    fn default() -> DigitBuf {
        DigitBuf {
            bytes: [0; MAX_NUMBER_CHARS],
            len: 0,
        }
    }
}

impl DigitBuf {
    fn push(&mut self, c: char) {
        if self.len < MAX_NUMBER_CHARS {
            self.bytes[self.len] = digit_char(c) as u8;
            self.len += 1;
        }
    }

    fn extend(&mut self, chars: &[(u32, char)]) {
        for &(_, c) in chars {
            self.push(c);
        }
    }

    fn len(&self) -> usize {
        self.len
    }

    fn as_str(&self) -> &str {
        // Only ASCII digits are pushed.
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

/// The value of `int.frac` (ASCII digits), as `format!("{int}.{frac}").parse::<f64>()` reads it.
fn decimal_value(int: &str, frac: &str) -> Option<f64> {
    // Up to 15 significant digits the quotient of two exact doubles is the correctly rounded
    // value the parser returns; longer numbers go through the parser.
    const EXACT_POWERS: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    if int.len() + frac.len() <= 15 {
        let mantissa = int
            .bytes()
            .chain(frac.bytes())
            .fold(0u64, |m, b| m * 10 + u64::from(b - b'0'));
        return Some(mantissa as f64 / EXACT_POWERS[frac.len()]);
    }
    let mut text = String::with_capacity(int.len() + frac.len() + 2);
    text.push_str(int);
    text.push('.');
    text.push_str(if frac.is_empty() { "0" } else { frac });
    text.parse().ok()
}

fn digit_char(c: char) -> char {
    char::from(b'0' + digit_value(c).unwrap_or(0) as u8)
}

// ---------------------------------------------------------------------------------------------
// The lexicon.

/// What a number word contributes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Term {
    /// 0..=10.
    Unit(u32),
    /// "أحد"/"اثنا": 1 or 2, only before عشر.
    TeenPrefix(u32),
    /// A one-word teen (Egyptian "حداشر").
    Teen(u32),
    /// 20..=90.
    Tens(u32),
    /// A whole hundred (100..=900), "مئة" included.
    Hundred(u32),
    /// A scale word (ألف، مليون…) in one of its forms.
    Scale(f64, ScaleForm),
    /// نصف، ربع… added after و.
    Fraction(f64),
}

/// Grammatical form of a scale word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ScaleForm {
    /// "ألف": one, or the multiplicand after a number.
    Singular,
    /// "ألفين": two of them.
    Dual,
    /// "آلاف": after 3..10; alone it is vague.
    Plural,
}

#[derive(Deserialize)]
struct NumbersFile {
    teen_tens: Vec<String>,
    hundred: Vec<String>,
    hundred_dual: Vec<String>,
    decimal_point: Vec<String>,
    units: HashMap<String, u32>,
    teen_prefixes: HashMap<String, u32>,
    teens: HashMap<String, u32>,
    tens: HashMap<String, u32>,
    hundred_prefixes: HashMap<String, u32>,
    scales: Vec<ScaleEntry>,
    fractions: HashMap<String, f64>,
    ordinals: HashMap<String, u32>,
    ordinal_compound_units: HashMap<String, u32>,
}

#[derive(Deserialize)]
struct ScaleEntry {
    value: f64,
    singular: Vec<String>,
    dual: Vec<String>,
    plural: Vec<String>,
}

/// Folded number words from `data/numbers.toml`.
pub(crate) struct Lexicon {
    /// Cardinal words by folded key.
    pub words: FxHashMap<String, Term>,
    /// Folded "عشر"/"عشره".
    pub teen_tens: Vec<String>,
    /// Folded words for the decimal point.
    pub decimal_point: Vec<String>,
    /// Ordinal words without article.
    pub ordinals: FxHashMap<String, u32>,
    /// Cardinal forms used as the unit of compound ordinals.
    pub ordinal_units: FxHashMap<String, u32>,
    /// Bare words an ordinal can start with (ordinal forms, compound units, tens).
    ordinal_heads: FxHashSet<String>,
    /// The sketch of `ordinal_heads`.
    ordinal_heads_sketch: KeySketch,
    /// Every written form of a cardinal word: as is, or after a proclitic (letters, term).
    written: FxHashMap<String, (usize, Term)>,
    /// The sketch of `written`: most words are no number word.
    written_sketch: KeySketch,
}

trait ContainsStr {
    fn contains(&self, s: &str) -> bool;
}

impl ContainsStr for Vec<String> {
    fn contains(&self, s: &str) -> bool {
        self.iter().any(|x| x == s)
    }
}

/// The lexicon, parsed once.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
        let file: NumbersFile =
            toml::from_str(include_str!("../../data/numbers.toml")).expect("data/numbers.toml is valid");
        Lexicon::from_file(file)
    });
    &LEXICON
}

impl Lexicon {
    fn from_file(file: NumbersFile) -> Lexicon {
        let fold = |s: &String| fold_key(s);
        let mut words: FxHashMap<String, Term> = HashMap::default();
        // Later inserts win: scales and hundreds over units that share a spelling.
        for (k, v) in &file.teen_prefixes {
            words.insert(fold(k), Term::TeenPrefix(*v));
        }
        for (k, v) in &file.units {
            words.insert(fold(k), Term::Unit(*v));
        }
        for (k, v) in &file.teens {
            words.insert(fold(k), Term::Teen(*v));
        }
        for (k, v) in &file.tens {
            words.insert(fold(k), Term::Tens(*v));
        }
        for h in &file.hundred {
            words.insert(fold(h), Term::Hundred(100));
            for (p, v) in &file.hundred_prefixes {
                words.insert(fold_key(&format!("{p}{h}")), Term::Hundred(v * 100));
            }
        }
        for h in &file.hundred_dual {
            words.insert(fold(h), Term::Hundred(200));
        }
        for (k, v) in &file.fractions {
            words.insert(fold(k), Term::Fraction(*v));
        }
        for scale in &file.scales {
            for (forms, form) in [
                (&scale.plural, ScaleForm::Plural),
                (&scale.dual, ScaleForm::Dual),
                (&scale.singular, ScaleForm::Singular),
            ] {
                for w in forms {
                    words.insert(fold(w), Term::Scale(scale.value, form));
                }
            }
        }
        let fold_map = |m: &HashMap<String, u32>| m.iter().map(|(k, v)| (fold_key(k), *v)).collect();
        let ordinals: FxHashMap<String, u32> = fold_map(&file.ordinals);
        let ordinal_units: FxHashMap<String, u32> = fold_map(&file.ordinal_compound_units);
        let tens = words
            .iter()
            .filter(|(_, t)| matches!(t, Term::Tens(_)))
            .map(|(k, _)| k.clone());
        let ordinal_heads: FxHashSet<String> = ordinals
            .keys()
            .chain(ordinal_units.keys())
            .cloned()
            .chain(tens)
            .collect();
        // A proclitic before a stem of fewer than three letters only as و, so "لست" is not ل + ست;
        // the word as written wins over any split.
        let mut written: FxHashMap<String, (usize, Term)> = HashMap::default();
        for (key, term) in &words {
            let letters = key.chars().count();
            for p in PROCLITICS {
                if letters >= 3 || (letters == 2 && p == "و") {
                    written
                        .entry(format!("{p}{key}"))
                        .or_insert((p.chars().count(), *term));
                }
            }
        }
        for (key, term) in &words {
            written.insert(key.clone(), (0, *term));
        }
        Lexicon {
            words,
            teen_tens: file.teen_tens.iter().map(fold).collect(),
            decimal_point: file.decimal_point.iter().map(fold).collect(),
            ordinals,
            ordinal_units,
            ordinal_heads_sketch: KeySketch::of(ordinal_heads.iter().map(String::as_str)),
            ordinal_heads,
            written_sketch: KeySketch::of(written.keys().map(String::as_str)),
            written,
        }
    }

    /// True when an ordinal may start with this bare folded word.
    fn is_ordinal_head(&self, bare: &str) -> bool {
        self.ordinal_heads_sketch.may_contain(bare) && self.ordinal_heads.contains(bare)
    }

    /// The cardinal term of a folded word, if it is one.
    pub(crate) fn term(&self, key: &str) -> Option<Term> {
        self.words.get(key).copied()
    }

    /// The unit of a compound ordinal without its article ("حادي", "ثاني", "واحد", "اثني").
    fn ordinal_unit(&self, bare: &str) -> Option<u32> {
        self.ordinals
            .get(bare)
            .or_else(|| self.ordinal_units.get(bare))
            .copied()
    }

    /// The unit of a compound ordinal: an ordinal form ("حادي", "ثاني"), or a cardinal form with
    /// the article ("الواحد", "الاثني"); a bare cardinal ("واحد وعشرون") is not an ordinal.
    fn compound_ordinal_unit(&self, word: &str) -> Option<u32> {
        let bare = strip_article(word);
        match self.ordinals.get(bare) {
            Some(v) => Some(*v),
            None if bare.len() < word.len() => self.ordinal_units.get(bare).copied(),
            None => None,
        }
    }

    /// True when the (possibly article-prefixed) word is part of an ordinal.
    fn ordinal_part(&self, word: &str) -> Option<u32> {
        let bare = strip_article(word);
        self.ordinal_unit(bare).or_else(|| match self.words.get(bare) {
            Some(Term::Tens(v)) => Some(*v),
            _ => None,
        })
    }

    /// The first number word of a number: the word as written, else after a proclitic
    /// (a stem shorter than three letters only after و, so "لست" is not ل + ست).
    fn first_term(&self, source: &str, word: &Word) -> Option<(Span, Term)> {
        if !self.written_sketch.may_contain(&word.key) {
            return None;
        }
        let &(clitic, term) = self.written.get(&word.key)?;
        let span = if clitic == 0 {
            word.span
        } else {
            after_letters(source, word, clitic)
        };
        Some((span, term))
    }
}

// ---------------------------------------------------------------------------------------------
// Reading compounds.

const SLOT_HUNDRED: u8 = 1;
const SLOT_UNIT: u8 = 2;
const SLOT_TEN: u8 = 4;
const SLOT_ALL: u8 = 7;

/// Accumulates a compound number term by term: thousands first, then hundreds, units, tens
/// ("خمسة آلاف وثلاثمائة وخمسة وعشرون").
struct Reader {
    total: f64,
    current: f64,
    slots: u8,
    last_scale: f64,
    last: Option<Term>,
    start: usize,
    end: usize,
    /// Decimal digits of a digits term, for "فاصلة".
    digits_only: bool,
}

impl Reader {
    fn digits(d: &Digits) -> Reader {
        Reader {
            total: 0.0,
            current: d.value,
            slots: SLOT_ALL,
            last_scale: f64::INFINITY,
            last: None,
            start: d.span.start,
            end: d.span.end,
            digits_only: true,
        }
    }

    fn start(lex: &Lexicon, source: &str, limit: usize, span: Span, term: Term) -> Option<Reader> {
        let mut reader = Reader {
            total: 0.0,
            current: 0.0,
            slots: 0,
            last_scale: f64::INFINITY,
            last: None,
            start: span.start,
            end: span.start,
            digits_only: false,
        };
        if !reader.take(lex, source, limit, span, term, false) {
            return None;
        }
        Some(reader)
    }

    fn value(&self) -> f64 {
        self.total + self.current
    }

    /// Adds one term ending at `span.end`; false (and nothing consumed) when it does not fit.
    fn take(&mut self, lex: &Lexicon, source: &str, limit: usize, span: Span, term: Term, and: bool) -> bool {
        let mut end = span.end;
        let fits = match term {
            Term::Unit(0) => {
                self.last.is_none() && {
                    self.slots = SLOT_ALL;
                    true
                }
            }
            Term::Unit(v) | Term::TeenPrefix(v) => {
                if self.slots & (SLOT_UNIT | SLOT_TEN) != 0
                    || (self.last.is_some() && self.slots == 0 && !and)
                {
                    return false;
                }
                let next = next_word(source, end, limit);
                let teen = next
                    .as_ref()
                    .filter(|w| (1..=9).contains(&v) && lex.teen_tens.contains(&w.key));
                let hundred = next.as_ref().filter(|w| {
                    (3..=9).contains(&v) && self.slots == 0 && lex.term(&w.key) == Some(Term::Hundred(100))
                });
                if let Some(w) = teen {
                    end = w.span.end;
                    self.current += f64::from(v + 10);
                    self.slots |= SLOT_UNIT | SLOT_TEN;
                } else if let Some(w) = hundred {
                    end = w.span.end;
                    self.current += f64::from(v * 100);
                    self.slots |= SLOT_HUNDRED;
                } else if matches!(term, Term::TeenPrefix(_)) {
                    return false;
                } else {
                    self.current += f64::from(v);
                    self.slots |= if v == 10 { SLOT_UNIT | SLOT_TEN } else { SLOT_UNIT };
                }
                true
            }
            Term::Teen(v) => {
                if self.slots & (SLOT_UNIT | SLOT_TEN) != 0
                    || (self.last.is_some() && self.slots == 0 && !and)
                {
                    return false;
                }
                self.current += f64::from(v);
                self.slots |= SLOT_UNIT | SLOT_TEN;
                true
            }
            Term::Tens(v) => {
                let unit_needs_and = self.slots & SLOT_UNIT != 0 && !and;
                if self.slots & SLOT_TEN != 0
                    || unit_needs_and
                    || (self.last.is_some() && self.slots == 0 && !and)
                {
                    return false;
                }
                self.current += f64::from(v);
                self.slots |= SLOT_TEN | SLOT_UNIT;
                true
            }
            Term::Hundred(v) => {
                if self.slots != 0 || f64::from(v) >= self.last_scale || (self.last.is_some() && !and) {
                    return false;
                }
                self.current += f64::from(v);
                self.slots = SLOT_HUNDRED;
                true
            }
            Term::Scale(value, form) => {
                if value >= self.last_scale {
                    return false;
                }
                let has_current = self.slots != 0;
                match form {
                    ScaleForm::Singular if has_current => self.total += self.current * value,
                    ScaleForm::Plural if has_current => self.total += self.current * value,
                    ScaleForm::Singular | ScaleForm::Dual if self.last.is_none() || and => {
                        self.total += if form == ScaleForm::Dual {
                            2.0 * value
                        } else {
                            value
                        }
                    }
                    _ => return false,
                }
                self.current = 0.0;
                self.slots = 0;
                self.last_scale = value;
                true
            }
            Term::Fraction(f) => {
                if !and {
                    return false;
                }
                match self.last {
                    Some(Term::Scale(value, _)) if self.slots == 0 => self.total += f * value,
                    None if self.digits_only => self.current += f,
                    Some(Term::Unit(_) | Term::Teen(_) | Term::Tens(_)) => self.current += f,
                    _ => return false,
                }
                // A fraction closes the number.
                self.slots = SLOT_ALL;
                self.last_scale = 0.0;
                true
            }
        };
        if fits {
            self.last = Some(term);
            self.end = end;
            self.digits_only = false;
        }
        fits
    }
}

/// Reads further terms after the first (joined by و or, in Egyptian usage, by a space), then a
/// decimal part written as a word.
fn continue_number(lex: &Lexicon, source: &str, limit: usize, reader: Reader) -> NumberRead {
    let (reader, after) = continue_inner(lex, source, limit, reader);
    let mut value = reader.value();
    let mut end = reader.end;
    // "واحد فاصلة واحد", "1 فاصلة 05".
    if let Some(point) = after.filter(|w| lex.decimal_point.contains(&w.key)) {
        let at = skip_space(source, point.span.end, limit);
        let fraction = match read_digits(source, at, limit).filter(|d| !d.negative && d.plain_int_digits > 0)
        {
            Some(d) => Some((d.span.end, d.plain)),
            None => word_at(source, at, limit).and_then(|w| {
                let (span, term) = lex
                    .first_term(source, &w)
                    .filter(|(s, _)| s.start == w.span.start)?;
                let r = Reader::start(lex, source, limit, span, term)?;
                let (r, _) = continue_inner(lex, source, limit, r);
                (r.value().fract() == 0.0).then(|| (r.end, format!("{}", r.value() as u64)))
            }),
        };
        if let Some((frac_end, digits)) = fraction
            && let Ok(frac) = format!("0.{digits}").parse::<f64>()
        {
            value += frac.copysign(value);
            end = frac_end;
        }
    }
    NumberRead {
        span: Span::new(reader.start, end),
        value,
    }
}

/// The term loop of [`continue_number`] without the decimal word; also returns the word after the
/// number (the one the loop stopped at), where [`continue_number`] looks for the decimal word.
fn continue_inner(lex: &Lexicon, source: &str, limit: usize, mut reader: Reader) -> (Reader, Option<Word>) {
    loop {
        let Some(word) = next_word(source, reader.end, limit) else {
            return (reader, None);
        };
        let read = if word.key == "و" {
            next_word(source, word.span.end, limit)
                .and_then(|next| Some((true, next.span, lex.term(&next.key)?)))
        } else if let Some(stem) = word
            .key
            .strip_prefix('و')
            .filter(|_| lex.term(&word.key).is_none())
        {
            lex.term(stem)
                .map(|term| (true, after_letters(source, &word, 1), term))
        } else {
            lex.term(&word.key).map(|term| (false, word.span, term))
        };
        // A term that does not fit consumes nothing: the word stays the one after the number.
        let Some((and, span, term)) = read else {
            return (reader, Some(word));
        };
        if !reader.take(lex, source, limit, span, term, and) {
            return (reader, Some(word));
        }
    }
}

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
