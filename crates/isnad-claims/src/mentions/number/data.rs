//! The number finder's word tables: `data/units.toml` plus the trigger index built from it and
//! from `data/numbers.toml`.

use super::super::value::{DurationUnit, Qualifier};
use super::super::words::{KeySketch, ScaleForm, Term, lexicon};
use super::scan::scan;
use isnad_parser::{Span, fold_key};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::LazyLock;

/// What a word can start.
pub(super) const NUMBER: u8 = 1;
/// An ordinal word ("الثانية", "أول", "الحادي").
pub(super) const ORDINAL: u8 = 2;
/// A vague amount (عدة، عشرات) or a plural scale alone (آلاف).
pub(super) const VAGUE: u8 = 4;

/// Proclitics that may precede a word in text, and what they leave of the article: "للأولى" is
/// ل + الأولى with the alef of ال elided.
pub(super) const CLITICS: [&str; 11] = ["وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك", ""];

/// A trigger word: what it may start, and its key without proclitics (article kept).
#[derive(Debug, Clone)]
pub(super) struct Trigger {
    /// Bit set of [`NUMBER`], [`ORDINAL`], [`VAGUE`].
    pub flags: u8,
    /// The key without proclitics ("للاولي" → "الاولي").
    pub base: String,
    /// Letters of proclitic before the base in the text ("للاولي": 1).
    pub clitic_letters: usize,
}

/// A phrase of folded token keys with a payload.
#[derive(Debug, Clone)]
pub(super) struct Phrase<T> {
    /// Token keys in order.
    pub keys: Vec<String>,
    /// What it means.
    pub value: T,
}

/// Phrases longest first, with the indices of those starting with each key: a lookup finds the
/// few phrases a word can start instead of comparing every one.
pub(super) struct Phrases<T> {
    /// The phrases, longest first.
    pub list: Vec<Phrase<T>>,
    /// Indices into `list` (ascending) by first key.
    by_first: FxHashMap<String, Vec<usize>>,
    /// The sketch of the first keys: most words start no phrase.
    first_sketch: KeySketch,
    /// The distinct phrase lengths (in tokens).
    pub lengths: Vec<usize>,
    /// The sketch of the last keys of the phrases of two words or more.
    last_sketch: KeySketch,
}

impl<T> Phrases<T> {
    fn new(list: Vec<Phrase<T>>) -> Phrases<T> {
        let mut by_first: FxHashMap<String, Vec<usize>> = HashMap::default();
        let mut lengths = Vec::new();
        for (i, p) in list.iter().enumerate() {
            by_first.entry(p.keys[0].clone()).or_default().push(i);
            if !lengths.contains(&p.keys.len()) {
                lengths.push(p.keys.len());
            }
        }
        let first_sketch = KeySketch::of(by_first.keys().map(String::as_str));
        let last_sketch = KeySketch::of(
            (list.iter())
                .filter(|p| p.keys.len() > 1)
                .filter_map(|p| p.keys.last().map(String::as_str)),
        );
        Phrases {
            list,
            by_first,
            first_sketch,
            lengths,
            last_sketch,
        }
    }

    /// False when no phrase of two words or more ends with `last` (its last key is compared as
    /// written, proclitics only ever on the first).
    #[inline]
    pub fn may_end(&self, last: &str) -> bool {
        self.last_sketch.may_contain(last)
    }

    /// False when no phrase starts with `first` (a test cheaper than [`Phrases::starting`]).
    #[inline]
    pub fn may_start(&self, first: &str) -> bool {
        self.first_sketch.may_contain(first)
    }

    /// Indices (ascending) of the phrases whose first key is `first`.
    pub fn starting(&self, first: &str) -> &[usize] {
        if !self.first_sketch.may_contain(first) {
            return &[];
        }
        self.by_first.get(first).map_or(&[], Vec::as_slice)
    }
}

/// A time-unit word: `amount` `unit`s.
#[derive(Debug, Clone, Copy)]
pub(super) struct DurationWord {
    /// Unit.
    pub unit: DurationUnit,
    /// How many units the word is on its own (2 for a dual).
    pub amount: f64,
    /// A plural form: it states no amount without a number.
    pub plural: bool,
}

/// A unit of quantities.
#[derive(Debug, Clone)]
pub(super) struct Unit {
    /// Normalized code (`km`, `USD`).
    pub code: String,
    /// Multiplier into the code's unit.
    pub factor: f64,
}

/// Everything the finder looks up.
pub(super) struct Tables {
    /// Trigger words by folded key (with proclitics).
    triggers: FxHashMap<String, Trigger>,
    /// The sketch of the trigger keys: most words fail it without hashing.
    sketch: KeySketch,
    /// Qualifier phrases before a number, longest first.
    pub before: Phrases<Qualifier>,
    /// Qualifier phrases after a number, longest first.
    pub after: Phrases<Qualifier>,
    /// Words allowed between a number and a qualifier after it.
    pub gap: FxHashSet<String>,
    /// Vague words and their intervals.
    pub vague: FxHashMap<String, (f64, f64)>,
    /// Year cue words.
    pub year_cues: FxHashSet<String>,
    /// Year markers.
    pub year_marks: FxHashSet<String>,
    /// Clock-time cue words.
    pub time_cues: FxHashSet<String>,
    /// Words heading a month name that contains an ordinal.
    pub month_heads: FxHashSet<String>,
    /// Words after "أول" that make it relative time.
    pub ordinal_not_before: FxHashSet<String>,
    /// Words that are not nouns an ordinal could modify.
    pub not_nouns: FxHashSet<String>,
    /// "مرة" and "المرة".
    pub occurrence: FxHashSet<String>,
    /// Age cue phrases, longest first.
    pub age_cues: Phrases<()>,
    /// Year words of an age.
    pub age_units: FxHashSet<String>,
    /// Time-unit phrases, longest first.
    pub durations: Phrases<DurationWord>,
    /// Unit phrases, longest first.
    pub units: Phrases<Unit>,
    /// Endings that are not feminine duals.
    pub dual_not: Vec<String>,
    /// Short duals read as 2 ("مرتين").
    pub dual_words: Vec<String>,
    /// Words after a -تي form that show it is "my X".
    pub dual_construct_not_before: FxHashSet<String>,
}

#[derive(Deserialize)]
struct UnitsFile {
    qualifiers_before: HashMap<String, String>,
    qualifiers_after: HashMap<String, String>,
    qualifier_gap: Vec<String>,
    vague: HashMap<String, (f64, f64)>,
    year_cues: Vec<String>,
    year_marks: Vec<String>,
    time_cues: Vec<String>,
    month_heads: Vec<String>,
    ordinal_not_before: Vec<String>,
    not_nouns: Vec<String>,
    occurrence_nouns: Vec<String>,
    age_cues: Vec<String>,
    age_units: Vec<String>,
    duration: Vec<DurationEntry>,
    unit: Vec<UnitEntry>,
    dual_not: Vec<String>,
    dual_words: Vec<String>,
    dual_construct_not_before: Vec<String>,
}

#[derive(Deserialize)]
struct DurationEntry {
    unit: String,
    #[serde(default = "one")]
    amount: f64,
    words: Vec<String>,
    #[serde(default)]
    plural: Vec<String>,
}

#[derive(Deserialize)]
struct UnitEntry {
    code: String,
    #[serde(default = "one")]
    factor: f64,
    words: Vec<String>,
}

fn one() -> f64 {
    1.0
}

/// The tables, parsed once.
pub(super) fn tables() -> &'static Tables {
    static TABLES: LazyLock<Tables> = LazyLock::new(|| {
        let file: UnitsFile =
            toml::from_str(include_str!("../../../data/units.toml")).expect("data/units.toml is valid");
        build(file)
    });
    &TABLES
}

/// Folded token keys of a phrase, split the way the finder splits text.
fn phrase_keys(text: &str) -> Vec<String> {
    let mut buffer = String::new();
    scan(text, Span::new(0, text.len()), &mut buffer).keys()
}

fn phrases<T: Clone>(entries: impl IntoIterator<Item = (String, T)>) -> Phrases<T> {
    let mut out: Vec<Phrase<T>> = entries
        .into_iter()
        .map(|(text, value)| Phrase {
            keys: phrase_keys(&text),
            value,
        })
        .collect();
    out.retain(|p| !p.keys.is_empty());
    // Longest first so "ما يزيد على" beats "يزيد على"; ties in text order of keys for stability.
    out.sort_by(|a, b| b.keys.len().cmp(&a.keys.len()).then_with(|| a.keys.cmp(&b.keys)));
    Phrases::new(out)
}

fn qualifier(name: &str) -> Qualifier {
    match name {
        "approx" => Qualifier::Approx,
        "at_least" => Qualifier::AtLeast,
        "more_than" => Qualifier::MoreThan,
        "at_most" => Qualifier::AtMost,
        "less_than" => Qualifier::LessThan,
        "vague" => Qualifier::Vague,
        other => panic!("data/units.toml: unknown qualifier {other}"),
    }
}

fn duration_unit(name: &str) -> DurationUnit {
    DurationUnit::from_name(name).unwrap_or_else(|| panic!("data/units.toml: unknown duration unit {name}"))
}

fn set(words: &[String]) -> FxHashSet<String> {
    words.iter().map(|w| fold_key(w)).collect()
}

fn build(file: UnitsFile) -> Tables {
    let lex = lexicon();
    let mut bases: Vec<(String, u8)> = Vec::new();
    for (key, term) in &lex.words {
        let flags = match term {
            Term::Scale(_, ScaleForm::Plural) => NUMBER | VAGUE,
            Term::Fraction(_) => continue,
            _ => NUMBER,
        };
        bases.push((key.clone(), flags));
        if let Term::Scale(_, ScaleForm::Plural) = term {
            bases.push((format!("ال{key}"), VAGUE));
        }
    }
    for key in lex.ordinals.keys() {
        bases.push((key.clone(), ORDINAL));
        bases.push((format!("ال{key}"), ORDINAL));
    }
    for key in lex.ordinal_units.keys() {
        bases.push((format!("ال{key}"), ORDINAL));
    }
    for (key, term) in &lex.words {
        if let Term::Tens(_) = term {
            bases.push((format!("ال{key}"), ORDINAL));
        }
    }
    let vague: FxHashMap<String, (f64, f64)> = file.vague.iter().map(|(k, v)| (fold_key(k), *v)).collect();
    for key in vague.keys() {
        bases.push((key.clone(), VAGUE));
    }
    let mut triggers: FxHashMap<String, Trigger> = HashMap::default();
    for (base, flags) in bases {
        for clitic in CLITICS {
            let mut add = |written: String| {
                let entry = triggers.entry(written).or_insert_with(|| Trigger {
                    flags: 0,
                    base: base.clone(),
                    clitic_letters: clitic.chars().count(),
                });
                // The reading with fewer clitic letters wins ("وال…" read as و + ال…).
                if entry.base == base {
                    entry.flags |= flags;
                } else if clitic.chars().count() < entry.clitic_letters {
                    *entry = Trigger {
                        flags,
                        base: base.clone(),
                        clitic_letters: clitic.chars().count(),
                    };
                }
            };
            add(format!("{clitic}{base}"));
            if let Some(rest) = base.strip_prefix("ال").filter(|_| clitic.ends_with('ل')) {
                // ل + ال → لل: "للأولى".
                add(format!("{clitic}ل{rest}"));
            }
        }
    }
    let durations = phrases(file.duration.iter().flat_map(|d| {
        let word = DurationWord {
            unit: duration_unit(&d.unit),
            amount: d.amount,
            plural: false,
        };
        let plural = DurationWord { plural: true, ..word };
        d.words
            .iter()
            .map(move |w| (w.clone(), word))
            .chain(d.plural.iter().map(move |w| (w.clone(), plural)))
    }));
    let units = phrases(file.unit.iter().flat_map(|u| {
        let unit = Unit {
            code: u.code.clone(),
            factor: u.factor,
        };
        u.words.iter().map(move |w| (w.clone(), unit.clone()))
    }));
    let sketch = KeySketch::of(triggers.keys().map(String::as_str));
    Tables {
        triggers,
        sketch,
        before: phrases(
            file.qualifiers_before
                .iter()
                .map(|(k, v)| (k.clone(), qualifier(v))),
        ),
        after: phrases(
            file.qualifiers_after
                .iter()
                .map(|(k, v)| (k.clone(), qualifier(v))),
        ),
        gap: set(&file.qualifier_gap),
        vague,
        year_cues: set(&file.year_cues),
        year_marks: set(&file.year_marks),
        time_cues: set(&file.time_cues),
        month_heads: set(&file.month_heads),
        ordinal_not_before: set(&file.ordinal_not_before),
        not_nouns: set(&file.not_nouns),
        occurrence: set(&file.occurrence_nouns),
        age_cues: phrases(file.age_cues.iter().map(|k| (k.clone(), ()))),
        age_units: set(&file.age_units),
        durations,
        units,
        dual_not: file.dual_not.iter().map(|w| fold_key(w)).collect(),
        dual_words: file.dual_words.iter().map(|w| fold_key(w)).collect(),
        dual_construct_not_before: set(&file.dual_construct_not_before),
    }
}

impl Tables {
    /// The trigger a folded word is, if any.
    pub(super) fn trigger(&self, key: &str) -> Option<&Trigger> {
        if !self.sketch.may_contain(key) {
            return None;
        }
        self.triggers.get(key)
    }
}
