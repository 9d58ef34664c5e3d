//! Recognizing blocks that are not the story (see `data/boilerplate.toml` for the markers).
//!
//! Rules look at one line at a time (its folded text and word count) plus a little position:
//! a related-articles heading ends the story, a bare "المصدر:" takes the short line after it.
//! An embed is a line that is only an embed (a post's link, its signature, its text ending in its
//! link): a handle or a link inside a story paragraph leaves the paragraph in the story.

use crate::document::BoilerplateReason;
use crate::normalize::fold_key;
use serde::Deserialize;
use std::borrow::Cow;
use std::sync::OnceLock;

#[derive(Deserialize, Default)]
struct RuleData {
    #[serde(default)]
    starts: Vec<String>,
    #[serde(default)]
    whole: Vec<String>,
    #[serde(default)]
    contains: Vec<String>,
    max_words: Option<usize>,
}

#[derive(Deserialize)]
struct Data {
    read_also: RuleData,
    tags: RuleData,
    source_line: RuleData,
    ad: RuleData,
    subscribe: RuleData,
    widget: RuleData,
    breaking: RuleData,
    publication_line: RuleData,
    embed: RuleData,
}

/// One kind of marker, with its spellings folded like the lines they are matched against.
struct Rule {
    starts: Vec<String>,
    whole: Vec<String>,
    contains: Vec<String>,
    /// Bytes of the longest of `starts`.
    longest_start: usize,
    max_words: usize,
}

impl Rule {
    fn new(data: RuleData) -> Rule {
        let fold = |v: Vec<String>| v.iter().map(|s| line_key(s)).collect();
        let starts: Vec<String> = fold(data.starts);
        Rule {
            longest_start: starts.iter().map(String::len).max().unwrap_or(0),
            starts,
            whole: fold(data.whole),
            contains: data.contains.iter().map(|s| s.to_lowercase()).collect(),
            max_words: data.max_words.unwrap_or(usize::MAX),
        }
    }

    /// True when the lower-cased line holds one of the `contains` markers.
    fn contained_in(&self, line: &Line) -> bool {
        self.contains.iter().any(|c| line.lower.contains(c.as_str()))
    }

    /// True when the line is this kind of marker.
    fn matches(&self, line: &Line) -> bool {
        if self.whole.iter().any(|w| line.key_is(w)) {
            return true;
        }
        if self.contained_in(line) {
            return true;
        }
        if line.words > self.max_words {
            return false;
        }
        let key = line.key_start(self.longest_start);
        self.starts.iter().any(|s| starts_with_word(key, s))
    }

    /// True when the line is nothing but one of the markers (a heading, not an inline item).
    fn is_bare(&self, line: &Line) -> bool {
        let bare = line.key().trim_end_matches([':', '.', ' ']);
        self.starts
            .iter()
            .chain(&self.whole)
            .any(|s| s.trim_end_matches([':', '.', ' ']) == bare)
    }
}

/// The marker tables, loaded once.
struct Markers {
    read_also: Rule,
    tags: Rule,
    source_line: Rule,
    ad: Rule,
    subscribe: Rule,
    widget: Rule,
    breaking: Rule,
    publication_line: Rule,
    embed: Rule,
}

fn markers() -> &'static Markers {
    static MARKERS: OnceLock<Markers> = OnceLock::new();
    MARKERS.get_or_init(|| {
        let data: Data =
            toml::from_str(include_str!("../data/boilerplate.toml")).expect("data/boilerplate.toml is valid");
        Markers {
            read_also: Rule::new(data.read_also),
            tags: Rule::new(data.tags),
            source_line: Rule::new(data.source_line),
            ad: Rule::new(data.ad),
            subscribe: Rule::new(data.subscribe),
            widget: Rule::new(data.widget),
            breaking: Rule::new(data.breaking),
            publication_line: Rule::new(data.publication_line),
            embed: Rule::new(data.embed),
        }
    })
}

/// Bytes of a line folded up front: longer than the markers a line may start with, so the
/// key's head settles how a paragraph starts without folding all of it ([`Line::key`]).
const HEAD_BYTES: usize = 64;

/// A line prepared for matching.
pub(crate) struct Line<'t> {
    /// The line's text.
    text: &'t str,
    /// [`line_key`] of the line's first [`HEAD_BYTES`] or so, cut before an ASCII space: the
    /// whole key when `complete`, else the start of the key, a space and more words after it.
    head: String,
    /// Whether `head` is the whole key.
    complete: bool,
    /// [`line_key`] of the line's last words when it is not `complete`: the key ends as they do.
    tail: String,
    /// The whole key, folded when first asked of a line that is not `complete`.
    key: OnceLock<String>,
    /// Lower-cased original text (for URLs and handles); the text itself when lower-casing
    /// changes nothing.
    lower: Cow<'t, str>,
    /// Number of words.
    pub words: usize,
    /// Letters that are Arabic, and Latin letters.
    arabic_letters: usize,
    latin_letters: usize,
}

impl<'t> Line<'t> {
    /// Prepares a line's text.
    pub(crate) fn new(text: &'t str) -> Line<'t> {
        let counts = LineCounts::of(text);
        // A cut right before an ASCII whitespace byte (which folds to itself) leaves whole words
        // on both sides, so the key is the head's key, a space and the rest's words.
        let cut = (text.len() > HEAD_BYTES)
            .then(|| {
                text.as_bytes()[HEAD_BYTES..]
                    .iter()
                    .position(u8::is_ascii_whitespace)
            })
            .flatten()
            .map(|at| HEAD_BYTES + at);
        let mut line = Line {
            text,
            head: String::new(),
            complete: true,
            tail: String::new(),
            key: OnceLock::new(),
            lower: if counts.caseless {
                Cow::Borrowed(text)
            } else {
                Cow::Owned(text.to_lowercase())
            },
            words: counts.words,
            arabic_letters: counts.arabic_letters,
            latin_letters: counts.latin_letters,
        };
        match cut {
            Some(cut) => {
                let head = line_key(&text[..cut]);
                // The rest adds words when it holds anything but blanks, and the head starts
                // the key when it holds a word (else the key's leading trim runs into the rest).
                let rest = &text[cut..];
                let more = rest
                    .chars()
                    .any(|c| !c.is_whitespace() && !crate::is_ignorable(c));
                if head.is_empty() || !more {
                    line.head = line_key(text);
                } else {
                    line.head = head;
                    line.complete = false;
                    // The last word that folds to something ends the key ([`Line::key_end`]).
                    let last_word = rest.rfind(char::is_whitespace).map_or(rest, |at| &rest[at..]);
                    line.tail = line_key(last_word);
                    if line.tail.is_empty() {
                        line.tail = line_key(rest);
                    }
                }
            }
            None => line.head = line_key(text),
        }
        line
    }

    /// [`line_key`] of the line.
    pub(crate) fn key(&self) -> &str {
        if self.complete {
            return &self.head;
        }
        self.key.get_or_init(|| line_key(self.text))
    }

    /// True when the line's key is `other`: only a string as long as the head, starting with
    /// it, can be the key of a line that is not `complete`.
    pub(crate) fn key_is(&self, other: &str) -> bool {
        if self.complete {
            return self.head == other;
        }
        other.len() > self.head.len() && other.starts_with(self.head.as_str()) && self.key() == other
    }

    /// As much of the key as tells whether it starts with a word of up to `marker_len` bytes
    /// ([`starts_with_word`]): a head at least that long, after which comes a space, or the key.
    fn key_start(&self, marker_len: usize) -> &str {
        if self.complete || self.head.len() >= marker_len {
            &self.head
        } else {
            self.key()
        }
    }

    /// True when the key is empty (a line of blanks and bullets).
    pub(crate) fn key_is_empty(&self) -> bool {
        // A line that is not `complete` has a word in its head.
        self.head.is_empty()
    }

    /// The end of the key, for tests of how a line ends: the whole key, or its last words
    /// (closing marks trimmed from them stop at the space before them, as in the key).
    pub(crate) fn key_end(&self) -> &str {
        if self.complete { &self.head } else { &self.tail }
    }

    /// True when the line ends like a sentence (so it is story prose, not a label).
    pub(crate) fn ends_sentence(&self) -> bool {
        self.key_end()
            .trim_end_matches(['"', '”', '»', ')', '\''])
            .ends_with(['.', '!', '?', '؟', '…'])
    }
}

/// What [`Line::new`] counts in one pass over a line: its words (whitespace-separated runs
/// holding a letter or digit), its Arabic and Latin letters, and whether lower-casing can
/// change anything.
struct LineCounts {
    words: usize,
    arabic_letters: usize,
    latin_letters: usize,
    caseless: bool,
}

impl LineCounts {
    fn of(text: &str) -> LineCounts {
        let mut counts = LineCounts {
            words: 0,
            arabic_letters: 0,
            latin_letters: 0,
            caseless: true,
        };
        let mut in_word = false;
        let mut word_counted = false;
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // ASCII and the basic Arabic letters (most of any line) are read bytewise; any other
            // character is decoded and asked of the character tests.
            let b = bytes[at];
            let basic_arabic = b & 0xFE == 0xD8
                && bytes.get(at + 1).is_some_and(|&next| {
                    BASIC_ARABIC_LETTER[usize::from(b & 1) << 6 | usize::from(next & 0x3F)]
                });
            let c = if b < 0x80 || basic_arabic {
                None
            } else {
                text[at..].chars().next()
            };
            at += c.map_or(if basic_arabic { 2 } else { 1 }, char::len_utf8);
            let whitespace = match c {
                None => b.is_ascii() && char::from(b).is_whitespace(),
                Some(c) => c.is_whitespace(),
            };
            if whitespace {
                in_word = false;
                continue;
            }
            if !in_word {
                in_word = true;
                word_counted = false;
            }
            match c {
                None if basic_arabic => counts.arabic_letters += 1,
                None => {
                    counts.latin_letters += usize::from(b.is_ascii_alphabetic());
                    counts.caseless &= !b.is_ascii_uppercase();
                }
                Some(c) => {
                    counts.arabic_letters += usize::from(crate::token::is_arabic_letter(c));
                    counts.caseless &= is_caseless(c);
                }
            }
            if !word_counted {
                let alphanumeric = match c {
                    None => basic_arabic || b.is_ascii_alphanumeric(),
                    Some(c) => crate::token::is_alphanumeric(c),
                };
                if alphanumeric {
                    word_counted = true;
                    counts.words += 1;
                }
            }
        }
        counts
    }
}

/// Whether each code point U+0600..U+067F (led by 0xD8 or 0xD9, indexed by the lead's low bit
/// and the continuation's six bits) is a basic Arabic letter U+0621..U+064A but the tatweel:
/// an Arabic letter, alphanumeric, never whitespace and without case.
const BASIC_ARABIC_LETTER: [bool; 128] = {
    let mut table = [false; 128];
    let mut k = 0;
    while k < 128 {
        let cp = 0x0600 + k as u32;
        table[k] = cp >= 0x0621 && cp <= 0x064A && cp != 0x0640;
        k += 1;
    }
    table
};

/// True when `c` has no lower case of its own (ASCII but capitals, the Arabic blocks, general
/// punctuation): a line made of such characters is its own `to_lowercase`, and Arabic lines, the
/// bulk of any article, skip the per-character case tables.
#[inline]
fn is_caseless(c: char) -> bool {
    if c.is_ascii() {
        !c.is_ascii_uppercase()
    } else {
        matches!(c, '\u{0600}'..='\u{06FF}' | '\u{2000}'..='\u{206F}' | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}' | '\u{00A0}' | '\u{00AB}' | '\u{00BB}')
    }
}

/// A line's matching key: folded, bullets and surrounding space removed, spaces collapsed.
pub(crate) fn line_key(text: &str) -> String {
    let mut folded = fold_key(text);
    let trimmed = folded
        .trim()
        .trim_start_matches(['•', '-', '*', '–', '—', '·', '▪', '●', ' ']);
    // Most lines are words between single spaces: the trimmed fold is then the key as it
    // stands, cut out of the folded text in place. A tab or line break, a run of spaces, or a
    // byte that may open a wider Unicode space (U+0085, U+00A0, U+1680, U+2000..U+205F,
    // U+3000) goes the long way.
    let mut previous = 0u8;
    let plain = trimmed.bytes().all(|b| {
        let spaced = matches!(b, 0x09..=0x0D | 0xC2 | 0xE1 | 0xE2 | 0xE3) || b == b' ' && previous == b' ';
        previous = b;
        !spaced
    });
    if plain {
        let start = trimmed.as_ptr() as usize - folded.as_ptr() as usize;
        folded.truncate(start + trimmed.len());
        folded.drain(..start);
        return folded;
    }
    let mut key = String::with_capacity(trimmed.len());
    for word in trimmed.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(word);
    }
    key
}

/// True when `line` starts with `marker` followed by a word boundary.
fn starts_with_word(line: &str, marker: &str) -> bool {
    let Some(rest) = line.strip_prefix(marker) else {
        return false;
    };
    let marker_ends_in_letter = marker.chars().last().is_some_and(char::is_alphanumeric);
    !marker_ends_in_letter || rest.chars().next().is_none_or(|c| !c.is_alphanumeric())
}

/// What a line is, judged on its own.
pub(crate) enum Verdict {
    /// Story text (or the headline).
    Story,
    /// Boilerplate for this reason.
    Boilerplate(BoilerplateReason),
    /// A related-articles heading or list item: it and everything after it are not the story.
    EndOfStory,
    /// "المصدر:" alone: it and a short line right after it are a source line.
    BareSource,
    /// A publication line ("نشر في …") if it also holds a date.
    PublicationLine,
}

/// Classifies a line without context.
pub(crate) fn judge(line: &Line) -> Verdict {
    let m = markers();
    if line.key_is_empty() {
        return Verdict::Story;
    }
    if is_embed(&m.embed, line) {
        return Verdict::Boilerplate(BoilerplateReason::Embed);
    }
    if m.read_also.matches(line) {
        // An inline "اقرأ أيضاً: <headline>" in mid-story is one link; a bare heading starts a list.
        return if m.read_also.is_bare(line) {
            Verdict::EndOfStory
        } else {
            Verdict::Boilerplate(BoilerplateReason::ReadAlso)
        };
    }
    if m.tags.matches(line) {
        return Verdict::Boilerplate(BoilerplateReason::Tags);
    }
    if m.source_line.matches(line) {
        return if m.source_line.is_bare(line) {
            Verdict::BareSource
        } else {
            Verdict::Boilerplate(BoilerplateReason::SourceLine)
        };
    }
    if m.ad.matches(line) {
        return Verdict::Boilerplate(BoilerplateReason::Ad);
    }
    if m.subscribe.matches(line) {
        return Verdict::Boilerplate(BoilerplateReason::Subscribe);
    }
    if m.widget.matches(line) {
        return Verdict::Boilerplate(BoilerplateReason::Widget);
    }
    if m.breaking.matches(line) {
        return Verdict::Boilerplate(BoilerplateReason::BreakingLabel);
    }
    if m.publication_line.matches(line) {
        return Verdict::PublicationLine;
    }
    let letters = line.arabic_letters + line.latin_letters;
    if line.words >= 3 && letters > 0 && line.arabic_letters * 10 < letters * 3 {
        return Verdict::Boilerplate(BoilerplateReason::ForeignLanguage);
    }
    Verdict::Story
}

/// Most words besides its markers a line of links can have ("More:", "via").
const EMBED_OTHER_WORDS: usize = 3;
/// Longest text a post can have before its link (a tweet's 280 characters).
const POST_CHARS: usize = 280;

/// True when the line is nothing but an embedded post: it holds one of the embed markers and,
/// besides them, at most a few words ("More:"), or it is a post's signature ("— Name (@handle)
/// date"), or a post's text ending in its link. Anything longer is a story paragraph that cites
/// an account or a link, and stays in the story.
fn is_embed(rule: &Rule, line: &Line) -> bool {
    let is_marker = |word: &str| rule.contains.iter().any(|c| word.contains(c.as_str()));
    if !rule.contained_in(line) {
        return false;
    }
    let words = line.lower.split_whitespace();
    let other_words = words
        .clone()
        .filter(|w| !is_marker(w) && w.chars().any(crate::token::is_alphanumeric))
        .count();
    if other_words <= EMBED_OTHER_WORDS {
        return true;
    }
    let signature = line.lower.trim_start().starts_with(['—', '–', '-'])
        && line.lower.contains('@')
        && line.words <= SIGNATURE_WORDS;
    let ends_in_link = words.clone().last().is_some_and(is_marker);
    let text_chars: usize = words
        .filter(|w| !is_marker(w))
        .map(|w| w.chars().count() + 1)
        .sum();
    signature || (ends_in_link && text_chars <= POST_CHARS)
}

/// Most words of a post's signature line ("— وزارة الصحة (@MOH) 25 سبتمبر 2024").
const SIGNATURE_WORDS: usize = 15;

/// True when a line could be the short value after a bare "المصدر:" (an outlet's name).
pub(crate) fn is_source_value(line: &Line) -> bool {
    line.words <= 5 && !line.ends_sentence()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_counts_match_the_plain_definitions() {
        let texts = [
            "",
            "قال الرئيس «نعم» — 2024",
            "Pic.Twitter.com/X",
            "ΣΑΣ İK Ä",
            "  تابعونا على X.com/abc  ،  - ",
            "ٱلله ﻻ ۳ ـــ ، S600",
            "• خبر عاجل من العاصمة",
            "-\tخبر عاجل",
            "خبر\u{00A0}عاجل\u{2009}اليوم\u{3000}",
            "خبر\r\nعاجل",
        ];
        for text in texts {
            let line = Line::new(text);
            assert_eq!(line.lower, text.to_lowercase(), "{text}");
            let words = text
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count();
            assert_eq!(line.words, words, "{text}");
            let arabic = text
                .chars()
                .filter(|&c| crate::token::is_arabic_letter(c))
                .count();
            assert_eq!(line.arabic_letters, arabic, "{text}");
            assert_eq!(
                line.latin_letters,
                text.chars().filter(|c| c.is_ascii_alphabetic()).count()
            );
            assert_eq!(line.key(), line_key_reference(text), "{text}");
        }
    }

    /// A long line is folded only at its head and its last words: what it answers (its key, how
    /// the key starts, ends and compares) is what the whole key says, whatever its head and its
    /// end hold (bullets, blanks, marks, closing quotes, a word cut at the head's edge).
    #[test]
    fn a_long_line_answers_as_its_whole_key() {
        let body = "وقال الوزير إن الحكومة ستواصل العمل على تنفيذ الخطة خلال العام المقبل، ";
        let starts = [
            "",
            "• ",
            "اقرأ أيضا: ",
            "المصدر ",
            &"-".repeat(300),
            &"ـ ".repeat(200),
        ];
        let ends = [
            "انتهى.",
            "انتهى. ”",
            "قال: «نعم»",
            "انتهى -.",
            "انتهى •",
            "انتهى.\u{200F}",
            "انتهى. \u{200F}",
            "لماذا؟!»",
            "انتهى.  \t ",
            "",
        ];
        for start in starts {
            for fill in [0, 1, 2, 3, 4, 7] {
                for end in ends {
                    let text = format!("{start}{}{}{end}", body.repeat(fill), "ة".repeat(fill));
                    let line = Line::new(&text);
                    let key = line_key_reference(&text);
                    assert_eq!(line.key(), key, "{text}");
                    assert_eq!(line.key_is_empty(), key.is_empty(), "{text}");
                    let ends_sentence = key
                        .trim_end_matches(['"', '”', '»', ')', '\''])
                        .ends_with(['.', '!', '?', '؟', '…']);
                    assert_eq!(line.ends_sentence(), ends_sentence, "{text}");
                    let question = |k: &str| {
                        k.trim_end_matches(['"', '”', '»', ')', '\''])
                            .ends_with(['?', '؟', '!'])
                    };
                    assert_eq!(question(line.key_end()), question(&key), "{text}");
                    let fresh = Line::new(&text);
                    assert!(fresh.key_is(&key), "{text}");
                    assert!(!fresh.key_is(&format!("{key} ا")), "{text}");
                    let key_start: String = key.chars().take(20).collect();
                    for marker in ["اقرا ايضا", "المصدر", "وقال", &key_start, &key] {
                        assert_eq!(
                            starts_with_word(Line::new(&text).key_start(marker.len()), marker),
                            starts_with_word(&key, marker),
                            "{text} / {marker}"
                        );
                    }
                }
            }
        }
    }

    /// `line_key` as first written, to check the buffer-building one against.
    fn line_key_reference(text: &str) -> String {
        let folded = fold_key(text);
        let trimmed = folded
            .trim()
            .trim_start_matches(['•', '-', '*', '–', '—', '·', '▪', '●', ' ']);
        trimmed.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn reason(text: &str) -> String {
        match judge(&Line::new(text)) {
            Verdict::Story => "story".into(),
            Verdict::Boilerplate(r) => format!("{r:?}"),
            Verdict::EndOfStory => "end".into(),
            Verdict::BareSource => "bare_source".into(),
            Verdict::PublicationLine => "publication".into(),
        }
    }

    #[test]
    fn markers_of_every_kind() {
        let cases = [
            ("إقرأ أيضاً:", "end"),
            ("مقالات مشابهة", "end"),
            ("اقرأ أيضا: الحكومة تعلن خطة جديدة", "ReadAlso"),
            ("كلمات دلالية: ملفات الاقتصاد", "Tags"),
            ("المصدر: سكاي نيوز عربية", "SourceLine"),
            ("المصدر:", "bare_source"),
            ("مصادر إضافية • AP", "SourceLine"),
            ("[ad_1]", "Ad"),
            ("اشترك في نشرتنا الإخبارية!", "Subscribe"),
            ("حجم الخط", "Widget"),
            ("خبر عاجل", "BreakingLabel"),
            (
                "More: https://t.co/Cb4jSjInUZ pic.twitter.com/AcLmtrZ9q9",
                "Embed",
            ),
            ("— RT (@RT_com) September 25, 2024", "Embed"),
            (
                "Russia reserves right to resort to nuclear weapons if faced with threat",
                "ForeignLanguage",
            ),
            ("آخر تحديث: 17/11/2024 - 12:45", "publication"),
        ];
        for (text, want) in cases {
            assert_eq!(reason(text), want, "{text}");
        }
    }

    // See: issue #17 (any line holding `(@`, `t.co/` or `x.com/` was dropped with its paragraph).
    #[test]
    fn an_embed_is_a_line_that_is_only_an_embed() {
        let embeds = [
            "More: https://t.co/Cb4jSjInUZ pic.twitter.com/AcLmtrZ9q9",
            "https://x.com/someone/status/123",
            "— وزارة الصحة (@MOH_Example) 25 سبتمبر 2024",
            "الوزير يصل إلى المدينة في زيارة رسمية pic.twitter.com/AbC123",
        ];
        for text in embeds {
            assert_eq!(reason(text), "Embed", "{text}");
        }
        let story = [
            "وقال الحساب الرسمي للوزارة (@MOH_Example) إن عدد المصابين بلغ 20 شخصا، وإن الفرق تعمل في الموقع منذ الصباح.",
            "ونشرت الوزارة على x.com/moh بيانا قالت فیه إن 20 شخصا أصيبوا في الحادث الذي وقع صباح أمس في المدينة.",
            &format!(
                "{} المزيد على https://t.co/abc {}",
                "وصل الوزير إلى المدينة صباحا.".repeat(3),
                "وقال إن الزيارة ناجحة.".repeat(20)
            ),
        ];
        for text in story {
            assert_eq!(reason(text), "story", "{text}");
        }
    }

    #[test]
    fn story_text_is_not_mistaken_for_markers() {
        let cases = [
            "المصدر الأمني قال للصحفيين إن قوات الأمن انتشرت في الشوارع منذ الصباح الباكر.",
            "وقال المتحدث إن الإعلان عن الاتفاق سيتم خلال الأسبوع المقبل بعد مشاورات مطولة.",
            "نشرت الصحيفة تقريرا مطولا عن الزيارة.",
            "وكالة L 'وكالة الأنباء اليابانية كيودو وذكرت أمس نقلاً عن مصدر روسي رسمي",
            "العاجل من الأمور أن تتفق الأطراف على وقف إطلاق النار.",
        ];
        for text in cases {
            assert_eq!(reason(text), "story", "{text}");
        }
    }
}
