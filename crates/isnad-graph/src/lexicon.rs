//! The word lists of the conflict rules (`data/cues.toml`), folded and
//! loaded once.

use isnad_parser::fold_key;
use serde::Deserialize;
use std::collections::HashSet;
use std::sync::OnceLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CuesFile {
    stopwords: Vec<String>,
}

/// The rules' word lists.
pub(crate) struct Lexicon {
    /// Function words ignored when comparing clauses.
    pub stopwords: HashSet<String>,
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
        Lexicon {
            stopwords: folded(&cues.stopwords).into_iter().collect(),
        }
    })
}
