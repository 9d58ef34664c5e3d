//! The word lists of the conflict rules (`data/cues.toml`), folded and
//! loaded once.

use isnad_parser::fold_key;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

#[derive(Deserialize)]
struct CuesFile {
    rising: Vec<String>,
    stopwords: Vec<String>,
    earlier: EarlierFile,
}

#[derive(Deserialize)]
struct EarlierFile {
    markers: Vec<String>,
    #[serde(default)]
    unless_followed_by: BTreeMap<String, Vec<String>>,
}

/// The rules' word lists.
pub(crate) struct Lexicon {
    /// Words announcing a rising total.
    pub rising: Vec<String>,
    /// Function words ignored when comparing clauses.
    pub stopwords: HashSet<String>,
    /// Markers of a reference to an earlier occurrence, each with the next words that cancel it.
    pub earlier: Vec<(String, HashSet<String>)>,
}

fn folded(words: &[String]) -> Vec<String> {
    words.iter().map(|w| fold_key(w)).collect()
}

/// The lexicon, parsed once from the embedded data files.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let cues: CuesFile =
            toml::from_str(include_str!("../data/cues.toml")).expect("data/cues.toml is valid");
        let mut cancelling: HashMap<String, HashSet<String>> = cues
            .earlier
            .unless_followed_by
            .iter()
            .map(|(marker, next)| (fold_key(marker), folded(next).into_iter().collect()))
            .collect();
        Lexicon {
            rising: folded(&cues.rising),
            stopwords: folded(&cues.stopwords).into_iter().collect(),
            earlier: folded(&cues.earlier.markers)
                .into_iter()
                .map(|marker| {
                    let next = cancelling.remove(&marker).unwrap_or_default();
                    (marker, next)
                })
                .collect(),
        }
    })
}
