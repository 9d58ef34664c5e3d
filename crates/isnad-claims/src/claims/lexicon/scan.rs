//! Scanning folded sentence text with the compiled lexicon: raw automaton matches validated
//! against the clitics their class allows, and the clause cues met on the way.

use super::{Class, Lexicon, Pattern, What};

/// A validated match in folded sentence text.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    /// Meaning.
    pub what: What,
    /// Word class of the form.
    pub class: Class,
    /// Folded byte range of the form (without proclitics, with its suffix).
    pub start: usize,
    /// End of the word (suffix included).
    pub end: usize,
    /// Folded proclitics before the form (one of the allowed prefix lists' entries).
    pub prefix: &'static str,
    /// Folded suffix after the form (one of the allowed suffix lists' entries).
    pub suffix: &'static str,
    /// Number of words of the form.
    pub words: usize,
    /// An imperfect (present/future) verb form.
    pub imperfect: bool,
}

/// A sentence's scan: its validated hits and its clause cues (each cue's folded byte range and
/// what it signals), as [`Lexicon::scan_with_cues`] reads them.
pub(crate) type Scan = (Vec<Hit>, Vec<(usize, usize, crate::claims::ClauseCues)>);

const VERB_PREFIXES: &[&str] = &["", "و", "ف", "ل", "ول", "فل"];
const FUTURE_PREFIXES: &[&str] = &["س", "وس", "فس"];
const NOUN_PREFIXES: &[&str] = &[
    "", "و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وبال", "وب", "ول",
    "فب", "فل", "وك", "وكال",
];
const CUE_PREFIXES: &[&str] = &["", "و", "ف"];
const VERB_SUFFIXES: &[&str] = &["", "ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "نا", "ني"];
const NOUN_SUFFIXES: &[&str] = &["", "ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "نا", "ي"];

impl Lexicon {
    /// The clause cue of the `index`-th cue form matched at `start..end` of folded text: an
    /// earlier occurrence unless the next word cancels it, or a rising total.
    fn cue_at(&self, folded: &str, index: usize, end: usize) -> crate::claims::ClauseCues {
        let mut cues = crate::claims::ClauseCues::default();
        match self.earlier.get(index) {
            Some((_, cancelled_by)) => {
                let next = folded[end..].split_whitespace().next().unwrap_or("");
                // "في وقت سابق اليوم." ends its sentence with the cancelling word.
                let next = next.trim_matches(|c: char| !c.is_alphanumeric());
                cues.earlier = !cancelled_by.contains(next);
            }
            None => cues.rising = true,
        }
        cues
    }

    /// Every valid match in folded text `text`: a form standing as a word, or behind clitics its
    /// class allows. Of triggers covering the same word, longer forms win.
    #[cfg(test)]
    pub fn scan(&self, text: &str) -> Vec<Hit> {
        self.scan_with_cues(text).0
    }

    /// [`Lexicon::scan`], with the clause cues of the text in the same pass: each cue's folded
    /// byte range and what it signals. A cue is any occurrence of its form, inside a word too.
    pub fn scan_with_cues(&self, text: &str) -> Scan {
        let mut hits = Vec::new();
        let mut cues = Vec::new();
        for m in self.automaton.find_overlapping_iter(text) {
            let index = m.pattern().as_usize();
            match self.patterns.get(index) {
                Some(pattern) => hits.extend(validate(text, m.start(), m.end(), pattern)),
                None => cues.push((
                    m.start(),
                    m.end(),
                    self.cue_at(text, index - self.patterns.len(), m.end()),
                )),
            }
        }
        hits.retain(|h| {
            !matches!(h.what, What::Trigger(_) | What::LightVerb)
                || !self
                    .not_triggers
                    .contains(text.get(h.start - h.prefix.len()..h.end).unwrap_or(""))
        });
        // A trigger inside a longer trigger (هدية inside "قدم هدية") is not a trigger of its own.
        let triggers: Vec<(usize, usize, usize)> = hits
            .iter()
            .filter(|h| matches!(h.what, What::Trigger(_)))
            .map(|h| (h.start - h.prefix.len(), h.end, h.words))
            .collect();
        hits.retain(|h| {
            if !matches!(h.what, What::Trigger(_)) {
                return true;
            }
            let (s, e) = (h.start - h.prefix.len(), h.end);
            !triggers
                .iter()
                .any(|&(s2, e2, w2)| s2 <= s && e <= e2 && (e2 - s2 > e - s) && w2 > h.words)
        });
        hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        (hits, cues)
    }
}

/// Checks the clitics around a raw match and returns the hit, or `None` when the match is part of
/// another word.
fn validate(text: &str, start: usize, end: usize, pattern: &Pattern) -> Option<Hit> {
    let word_start = text[..start]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| isnad_parser::is_alphanumeric(c))
        .last()
        .map_or(start, |(i, _)| i);
    let word_end = if pattern.open_end {
        end
    } else {
        text[end..]
            .char_indices()
            .find(|&(_, c)| !isnad_parser::is_alphanumeric(c))
            .map_or(text.len(), |(i, _)| end + i)
    };
    let prefix = &text[word_start..start];
    let suffix = &text[end..word_end];
    // The lists' own entries, so a hit holds no copy of the text.
    let listed = |list: &'static [&'static str], s: &str| list.iter().copied().find(|p| *p == s);
    let prefix: Option<&'static str> = match pattern.class {
        // «ل» before a past form makes a verbal noun of it ("لنقل الركاب"، "لقتل"): only a
        // third person's imperfect takes it ("ليعلن"، "لتؤكد").
        Class::Verb if prefix.ends_with('ل') && !text[start..].starts_with(['ي', 'ت']) => None,
        Class::Verb => listed(VERB_PREFIXES, prefix).or_else(|| {
            pattern
                .imperfect
                .then(|| listed(FUTURE_PREFIXES, prefix))
                .flatten()
        }),
        Class::Noun => listed(NOUN_PREFIXES, prefix),
        Class::Phrase => listed(VERB_PREFIXES, prefix).or_else(|| listed(NOUN_PREFIXES, prefix)),
        Class::Cue => listed(CUE_PREFIXES, prefix)
            .or_else(|| (prefix == "ب" && pattern.what == What::OuterFrame).then_some("ب")),
    };
    let suffix: Option<&'static str> = match pattern.class {
        Class::Verb | Class::Phrase => listed(VERB_SUFFIXES, suffix),
        Class::Noun => listed(NOUN_SUFFIXES, suffix),
        Class::Cue => suffix.is_empty().then_some(""),
    };
    let (Some(prefix), Some(suffix)) = (prefix, suffix) else {
        return None;
    };
    if pattern.needs_suffix && suffix.is_empty() {
        return None;
    }
    Some(Hit {
        what: pattern.what,
        class: pattern.class,
        start,
        end: word_end,
        prefix,
        suffix,
        words: pattern.words,
        imperfect: pattern.imperfect,
    })
}
