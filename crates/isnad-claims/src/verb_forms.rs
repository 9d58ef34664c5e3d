//! Every verb form the trigger and attribution lexicons list (`data/triggers.toml`,
//! `data/attribution.toml`), read below the layers that ask for it: a verb is never a name
//! (entities), and the claim lexicon compiles its triggers from the same files.

use isnad_parser::fold_key;
use rustc_hash::FxHashSet;
use serde::Deserialize;
use std::sync::LazyLock;

/// The trigger lexicon's text.
pub(crate) const TRIGGERS: &str = include_str!("../data/triggers.toml");
/// The attribution lexicon's text.
pub(crate) const ATTRIBUTION: &str = include_str!("../data/attribution.toml");

/// The verbs of the trigger file's event tables (the rest of the file is the claim lexicon's).
#[derive(Deserialize)]
struct TriggerVerbs {
    event: Vec<EventVerbs>,
}

#[derive(Deserialize)]
struct EventVerbs {
    #[serde(default)]
    verbs: Vec<String>,
}

/// The reporting verbs of the attribution file.
#[derive(Deserialize)]
struct ReportingVerbs {
    reporting_verbs: Vec<String>,
}

/// Every trigger and reporting verb form as listed (no clitics), folded.
pub(crate) fn verb_forms() -> &'static FxHashSet<String> {
    static FORMS: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
        let triggers: TriggerVerbs =
            toml::from_str(TRIGGERS).unwrap_or_else(|e| panic!("data/triggers.toml: {e}"));
        let attribution: ReportingVerbs =
            toml::from_str(ATTRIBUTION).unwrap_or_else(|e| panic!("data/attribution.toml: {e}"));
        (triggers.event.iter().flat_map(|e| &e.verbs))
            .chain(&attribution.reporting_verbs)
            .map(|verb| fold_key(verb.trim()))
            .collect()
    });
    &FORMS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trigger_and_reporting_verbs_are_verb_forms_and_nouns_are_not() {
        let forms = verb_forms();
        assert!(forms.contains(&fold_key("أعلن")), "a reporting verb");
        assert!(forms.contains(&fold_key("زار")), "a trigger verb");
        assert!(!forms.contains(&fold_key("الزيارة")), "a trigger noun is no verb");
    }
}
