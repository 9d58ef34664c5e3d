//! The article's frame: the masthead line naming the outlet above the headline, the outlet's
//! tagline, bylines and "place - source" lines under the headline, and section labels before a
//! headline. Words in `data/frame.toml`; only the first lines of an article are looked at.

use crate::boilerplate::Line;
use crate::normalize::fold_key;
use serde::Deserialize;
use std::sync::OnceLock;

/// The frame's words, folded.
pub(crate) struct FrameWords {
    masthead_heads: Vec<String>,
    masthead_tails: Vec<String>,
    brand_tails: Vec<String>,
    known_outlets: Vec<String>,
    pub masthead_max_words: usize,
    pub short_masthead_words: usize,
    pub tagline_words: usize,
    byline_starts: Vec<String>,
    byline_max_words: usize,
    source_words: Vec<String>,
    place_max_words: usize,
    section_labels: Vec<String>,
    pub corresponding: Vec<String>,
    pub hijri_era: Vec<String>,
    pub tolerance_days: i64,
    pub dual_max_words: usize,
}

#[derive(Deserialize)]
struct Data {
    masthead: Masthead,
    byline: Byline,
    section: Section,
    dual_date: DualDate,
}

#[derive(Deserialize)]
struct Masthead {
    heads: Vec<String>,
    tails: Vec<String>,
    brand_tails: Vec<String>,
    known: Vec<String>,
    max_words: usize,
    short_words: usize,
    tagline_words: usize,
}

#[derive(Deserialize)]
struct Byline {
    starts: Vec<String>,
    max_words: usize,
    source_words: Vec<String>,
    max_words_place: usize,
}

#[derive(Deserialize)]
struct Section {
    labels: Vec<String>,
}

#[derive(Deserialize)]
struct DualDate {
    corresponding: Vec<String>,
    hijri_era: Vec<String>,
    tolerance_days: i64,
    max_words: usize,
}

fn folded(words: Vec<String>) -> Vec<String> {
    words.iter().map(|w| fold_key(w)).collect()
}

/// The shared table, parsed once from the embedded data file.
pub(crate) fn frame_words() -> &'static FrameWords {
    static WORDS: OnceLock<FrameWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        let data: Data =
            toml::from_str(include_str!("../data/frame.toml")).expect("data/frame.toml is valid");
        FrameWords {
            masthead_heads: folded(data.masthead.heads),
            masthead_tails: folded(data.masthead.tails),
            brand_tails: folded(data.masthead.brand_tails),
            known_outlets: data
                .masthead
                .known
                .iter()
                .map(|w| crate::boilerplate::line_key(w))
                .collect(),
            masthead_max_words: data.masthead.max_words,
            short_masthead_words: data.masthead.short_words,
            tagline_words: data.masthead.tagline_words,
            byline_starts: folded(data.byline.starts),
            byline_max_words: data.byline.max_words,
            source_words: folded(data.byline.source_words),
            place_max_words: data.byline.max_words_place,
            section_labels: folded(data.section.labels),
            corresponding: folded(data.dual_date.corresponding),
            hijri_era: folded(data.dual_date.hijri_era),
            tolerance_days: data.dual_date.tolerance_days,
            dual_max_words: data.dual_date.max_words,
        }
    })
}

/// The words of a line key, without punctuation glued to their ends.
fn key_words(key: &str) -> impl Iterator<Item = &str> {
    key.split(' ')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
}

/// True when `key` starts with the words of `phrase` (a whole-word match).
fn starts_with_phrase(key: &str, phrase: &str) -> bool {
    let mut words = key_words(key);
    phrase.split(' ').all(|p| words.next() == Some(p))
}

impl FrameWords {
    /// True when a line names a publication by its form ("وكالة … للأنباء", "صحيفة …", "… نيوز").
    pub(crate) fn names_outlet(&self, line: &Line) -> bool {
        if line.words == 0 || line.words > self.masthead_max_words || line.ends_sentence() {
            return false;
        }
        if self.is_known_outlet(line) {
            return true;
        }
        let mut words = key_words(line.key());
        let first = words.next().unwrap_or_default();
        let last = words.last().unwrap_or(first);
        self.masthead_heads.iter().any(|h| h == first) || (line.words > 1 && self.is_tail(last))
    }

    /// True when a folded word ends an outlet's name ("للأنباء"، "نيوز").
    fn is_tail(&self, word: &str) -> bool {
        self.masthead_tails
            .iter()
            .chain(&self.brand_tails)
            .any(|t| t == word)
    }

    /// True when a word as written is a tail that describes an outlet ("للأنباء"), not one of
    /// its name ("نيوز").
    pub(crate) fn is_descriptive_tail(&self, word: &str) -> bool {
        let key = fold_key(word);
        self.masthead_tails.contains(&key)
    }

    /// True when a word as written is the head word of an outlet's name ("وكالة"، "صحيفة").
    pub(crate) fn is_masthead_head(&self, word: &str) -> bool {
        let key = fold_key(word);
        self.masthead_heads.contains(&key)
    }

    /// True when a text as written is a section label ("رأي"، "تحليل").
    pub(crate) fn is_section_label(&self, text: &str) -> bool {
        self.section_labels.contains(&fold_key(text.trim()))
    }

    /// True when a line names a publication beyond doubt: by an ending ("… للأنباء") or by a lead
    /// word with at most two words after it ("صحيفة الرائد"), not "وكالة الفضاء تطلق مسباراً".
    pub(crate) fn names_outlet_plainly(&self, line: &Line) -> bool {
        if !self.names_outlet(line) {
            return false;
        }
        let last = key_words(line.key()).last().unwrap_or_default();
        line.words <= 3 || self.is_tail(last) || self.is_known_outlet(line)
    }

    /// True when a line is the name of an outlet listed in `data/frame.toml`.
    fn is_known_outlet(&self, line: &Line) -> bool {
        self.known_outlets.iter().any(|o| line.key_is(o))
    }

    /// True when a line is a byline ("كتب: …", "بقلم …"): a lead word then a colon or a short name.
    pub(crate) fn is_byline(&self, line: &Line) -> bool {
        if line.words > self.byline_max_words || line.ends_sentence() {
            return false;
        }
        self.byline_starts.iter().any(|lead| {
            let key = line.key();
            let Some(rest) = key.strip_prefix(lead.as_str()) else {
                return false;
            };
            let rest = rest.trim_start();
            // "كتب: فلان" or "بقلم فلان الفلاني" (a name of a few words, nothing more).
            rest.starts_with([':', '-', '–', '|'])
                || (rest.len() < key.len()
                    && !rest.is_empty()
                    && line.words <= 5
                    && key.as_bytes().get(lead.len()) == Some(&b' '))
        })
    }

    /// True when a short line is "place - source" ("المدينة - خاص", "العاصمة - مكتب الصحيفة:"),
    /// the source being a word of `data/frame.toml` or the outlet's own name (`outlet_key`).
    pub(crate) fn is_place_source(&self, line: &Line, outlet_key: Option<&str>) -> bool {
        if line.words > self.place_max_words || line.words < 2 || line.ends_sentence() {
            return false;
        }
        let key = line.key();
        let Some((place, source)) = key
            .split_once(" - ")
            .or_else(|| key.split_once(" – "))
            .or_else(|| key.split_once(" — "))
        else {
            return false;
        };
        let source = source.trim().trim_end_matches([':', '،', ',']).trim();
        if place.trim().is_empty() || source.is_empty() || place.split(' ').count() > 3 {
            return false;
        }
        self.source_words.iter().any(|w| starts_with_phrase(source, w))
            || outlet_key.is_some_and(|o| !o.is_empty() && (source == o || o.ends_with(source)))
    }

    /// The byte length of a section label ("رأي | ", "تحليل: ") at the start of a headline's
    /// folded key, if any.
    pub(crate) fn section_label<'t>(&self, text: &'t str) -> Option<&'t str> {
        let (label, rest) = text.split_once(['|', ':'])?;
        let key = fold_key(label.trim());
        (self.section_labels.contains(&key) && !rest.trim().is_empty()).then_some(rest)
    }
}
