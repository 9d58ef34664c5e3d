//! The trigger lexicon (`data/triggers.toml`) and attribution cues (`data/attribution.toml`),
//! compiled once into one Aho-Corasick automaton over folded sentence text.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use isnad_parser::fold_key;
use rustc_hash::FxHashMap;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

mod files;
mod scan;

use files::{ATTRIBUTION, AttributionFile, TRIGGERS, TriggerFile};
pub(crate) use scan::{Hit, Scan};

/// One event entry of the trigger lexicon with its role pattern.
#[derive(Debug)]
pub(crate) struct EventEntry {
    /// Event type.
    pub kind: String,
    /// Roles of bare noun phrases after a verb.
    pub order: Vec<super::Role>,
    /// Role of the noun phrase right after a noun trigger.
    pub genitive: super::Role,
    /// Roles of prepositional phrases, by folded preposition.
    pub preps: HashMap<String, super::Role>,
    /// Words one of which must follow in the clause (`"ل-"`: a word with the ل proclitic).
    pub requires: Vec<String>,
    /// Words that cancel the trigger when they come right after it.
    pub next_not: crate::sketch::KeySet,
    /// A verb trigger is no event of its own right before another event type's noun ("وقع
    /// هجوم": an attack happened, nothing was signed).
    pub yields_to_next_event: bool,
    /// Nouns whose number anywhere in the clause is the event's count ("82 مقعداً" of an election).
    pub counts: crate::sketch::KeySet,
    /// What the graph needs to know of the event type.
    pub properties: super::EventProperties,
}

/// What kind of word a lexicon form is; decides which clitics it may carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// A verb: proclitics و ف (and س on imperfect forms), object suffixes.
    Verb,
    /// A noun: preposition and article proclitics, pronoun suffixes.
    Noun,
    /// A multi-word trigger.
    Phrase,
    /// An attribution or modality cue: و ف in front, nothing after.
    Cue,
}

/// What a matched form means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum What {
    /// A trigger of `events[entry]`.
    Trigger(usize),
    /// A reporting verb.
    Reporting,
    /// حسبما نقلت، بحسب، وفقاً لـ …
    OuterFrame,
    /// نقلاً عن …
    InnerFrame,
    /// A denial verb or noun.
    Denial,
    /// An accusation verb or noun.
    Accusation,
    /// A hedge.
    Hedge,
    /// A future or plan marker.
    Future,
    /// An open-question marker.
    Unconfirmed,
    /// A light verb (يقوم بـ، أجرى، بدأ).
    LightVerb,
}

#[derive(Debug)]
struct Pattern {
    what: What,
    class: Class,
    /// True for a form whose final ة was written ت: only valid before a pronoun suffix.
    needs_suffix: bool,
    /// The form ends with a proclitic letter that joins the next word ("وفقا ل").
    open_end: bool,
    /// An imperfect verb form (may take the future س).
    imperfect: bool,
    /// Number of words in the form.
    words: usize,
}

/// Everything compiled from the data files.
pub(crate) struct Lexicon {
    /// Event entries.
    pub events: Vec<EventEntry>,
    patterns: Vec<Pattern>,
    automaton: AhoCorasick,
    /// Folded stems of trigger words that name a toll ("حصيلة"): dated by their report.
    tally: crate::sketch::KeySet,
    /// Whole words that only look like a clitic + trigger ("فيصل" is a name, not ف + يصل).
    not_triggers: crate::sketch::KeySet,
    /// Light verbs whose subject chairs the event of the noun they govern ("ترأس").
    pub chairing_verbs: crate::sketch::KeySet,
    /// Word prepositions.
    pub prepositions: crate::sketch::KeySet,
    /// Words that end a noun phrase.
    pub stops: crate::sketch::KeySet,
    /// Clause boundary words (single words).
    pub boundaries: crate::sketch::KeySet,
    /// Adverbs skipped between arguments.
    /// Verbs whose subject stands after ل before "أن" ("سبق لسامر أن زار").
    pub raising_verbs: crate::sketch::KeySet,
    /// Verbs of a relative clause naming where an event took place ("التي احتضنتها مدينة X").
    pub host_verbs: crate::sketch::KeySet,
    pub adverbs: crate::sketch::KeySet,
    /// Heads of institution or office phrases (possible agents without a recognized entity).
    pub institution_heads: crate::sketch::KeySet,
    /// Words that may sit inside a source's name.
    pub name_links: crate::sketch::KeySet,
    /// إن، أن، بأن …
    pub complementizers: crate::sketch::KeySet,
    /// Pronouns and demonstratives that may be a reporting verb's subject ("ويذكّر هؤلاء").
    pub pronoun_subjects: crate::sketch::KeySet,
    /// Participles that end what a source says and start another clause ("، مؤكداً").
    pub content_ends: crate::sketch::KeySet,
    /// Verbs of a report a denial answers, after "ما" ("نفى ما ذكره X عن …").
    pub answered_reports: crate::sketch::KeySet,
    /// Prepositions before what an answered report was about ("عن"، "حول"، "بشأن").
    pub about: crate::sketch::KeySet,
    /// Words a denial wraps its content in ("صحة الأنباء"، "وجود أي دليل"): no content words.
    pub content_wrappers: crate::sketch::KeySet,
    /// Never a content word of a statement: function words (of the fact layer), negations and
    /// content wrappers, also with a joined و (one lookup per word).
    pub not_content: crate::sketch::KeySet,
    /// Negation words.
    pub negation: crate::sketch::KeySet,
    /// Bytes of the longest negation: a longer word, و and ف off, is not looked up.
    negation_max_len: usize,
    /// The signatures of the negation words, in front of the set.
    negation_sketch: crate::sketch::KeySketch,
    /// Words a negation reaches the event across ("دون وقوع إصابات").
    pub negation_bridges: crate::sketch::KeySet,
    /// Negations of what a statement says, near its start ("بريطانيا غير مسؤولة").
    pub stance_negation: crate::sketch::KeySet,
    /// Phrases that start with a negation word and negate nothing ("لا يزال"، "غير مسبوق").
    pub not_negations: crate::lexical::lexicon::Phrases,
    /// Heads of unnamed sources.
    pub unnamed: crate::sketch::KeySet,
    /// Heads of agency names.
    pub agency_heads: crate::sketch::KeySet,
    /// Words for a statement or its figures ("آخر بيان لـ", "أرقام"): the source is who issued it.
    pub document_heads: crate::sketch::KeySet,
    /// Heads of person-by-office names.
    pub person_heads: crate::sketch::KeySet,
    /// Markers of a reference to an earlier occurrence, each with the next words that cancel it.
    pub earlier: Vec<(String, crate::sketch::KeySet)>,
    /// The sets of the syntax words each word is in: a sentence's tokens are looked up once.
    sets: FxHashMap<String, Sets>,
}

/// The syntax word sets of the lexicon a folded word is in, one bit per set: a sentence's
/// tokens are looked up once each, not once per set and per reader.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Sets(u16);

impl Sets {
    /// The sets of these bits (those of [`Sets::bits`]).
    pub fn from_bits(bits: u16) -> Sets {
        Sets(bits)
    }

    /// The sets as bits, one per set.
    pub fn bits(self) -> u16 {
        self.0
    }

    /// In [`Lexicon::prepositions`].
    pub const PREPOSITION: Sets = Sets(1);
    /// In [`Lexicon::stops`].
    pub const STOP: Sets = Sets(1 << 1);
    /// In [`Lexicon::complementizers`].
    pub const COMPLEMENTIZER: Sets = Sets(1 << 2);
    /// In [`Lexicon::adverbs`].
    pub const ADVERB: Sets = Sets(1 << 3);
    /// In [`Lexicon::boundaries`].
    pub const BOUNDARY: Sets = Sets(1 << 4);
    /// In [`Lexicon::name_links`].
    pub const NAME_LINK: Sets = Sets(1 << 5);
    /// In [`Lexicon::person_heads`].
    pub const PERSON_HEAD: Sets = Sets(1 << 6);
    /// In [`Lexicon::institution_heads`].
    pub const INSTITUTION_HEAD: Sets = Sets(1 << 7);

    /// True when the word is in any of `sets`.
    pub fn any(self, sets: Sets) -> bool {
        self.0 & sets.0 != 0
    }
}

impl std::ops::BitOr for Sets {
    type Output = Sets;
    fn bitor(self, other: Sets) -> Sets {
        Sets(self.0 | other.0)
    }
}

fn folded_set(words: &[String]) -> crate::sketch::KeySet {
    words
        .iter()
        .map(|w| fold_key(w.trim()))
        .filter(|w| !w.is_empty())
        .collect()
}

impl Lexicon {
    /// True when a folded word is a negation, also with a joined و or ف ("ولم"، "فلا").
    pub fn is_negation(&self, key: &str) -> bool {
        let bare = key.trim_start_matches(['و', 'ف']);
        // Nearly every word is none: the sketch turns it away without hashing it twice.
        let in_set = |word: &str| self.negation_sketch.may_contain(word) && self.negation.contains(word);
        bare.len() <= self.negation_max_len && (in_set(bare) || (bare.len() != key.len() && in_set(key)))
    }

    /// The built-in lexicon, parsed and compiled once.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            // The data files are compiled in; a broken one is a build defect caught by the tests.
            let triggers: TriggerFile =
                toml::from_str(TRIGGERS).unwrap_or_else(|e| panic!("data/triggers.toml: {e}"));
            let attribution: AttributionFile =
                toml::from_str(ATTRIBUTION).unwrap_or_else(|e| panic!("data/attribution.toml: {e}"));
            Lexicon::build(triggers, attribution)
        })
    }

    fn build(triggers: TriggerFile, attribution: AttributionFile) -> Lexicon {
        let mut forms: Vec<String> = Vec::new();
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut seen: HashSet<(String, usize, bool)> = HashSet::new();
        let mut add = |form: &str, what: What, class: Class| {
            let folded = fold_key(form.trim());
            if folded.is_empty() {
                return;
            }
            let words = folded.split_whitespace().count();
            let class = if class == Class::Cue || words == 1 {
                class
            } else {
                Class::Phrase
            };
            let open_end = class == Class::Cue && folded.ends_with(" ل");
            // First-person أفعل is rare in news and would make every أفعل past form look present.
            let imperfect = class == Class::Verb && folded.starts_with(['ي', 'ت', 'ن']);
            let what_key = what_key(what);
            let mut push = |text: String, needs_suffix: bool| {
                if seen.insert((text.clone(), what_key, needs_suffix)) {
                    forms.push(text);
                    patterns.push(Pattern {
                        what,
                        class,
                        needs_suffix,
                        open_end,
                        imperfect,
                        words,
                    });
                }
            };
            if class == Class::Noun && folded.ends_with('ه') {
                // زيارة + ه is written زيارته: the ة becomes ت before a suffix.
                push(format!("{}ت", &folded[..folded.len() - 'ه'.len_utf8()]), true);
            }
            push(folded, false);
        };
        let declared = &triggers.properties;
        // A property of a type no table declares is a typo in the data: caught by every test.
        for kind in declared
            .incident
            .iter()
            .chain(&declared.symmetric)
            .chain(&declared.movement)
            .chain(&declared.single_agent)
            .chain(&declared.speech)
        {
            assert!(
                triggers.event.iter().any(|e| &e.kind == kind),
                "data/triggers.toml: [properties] names the event type {kind:?}, which no [[event]] declares"
            );
        }
        let properties_of = |kind: &str| {
            let has = |types: &[String]| types.iter().any(|t| t == kind);
            super::EventProperties {
                incident: has(&declared.incident),
                symmetric: has(&declared.symmetric),
                movement: has(&declared.movement),
                single_agent: has(&declared.single_agent),
                speech: has(&declared.speech),
            }
        };
        let mut events = Vec::new();
        for (index, event) in triggers.event.iter().enumerate() {
            for verb in &event.verbs {
                add(verb, What::Trigger(index), Class::Verb);
            }
            for noun in &event.nouns {
                add(noun, What::Trigger(index), Class::Noun);
            }
            for phrase in &event.phrases {
                add(phrase, What::Trigger(index), Class::Phrase);
            }
            events.push(EventEntry {
                kind: event.kind.clone(),
                order: event.order.clone(),
                genitive: event.genitive,
                preps: event.preps.iter().map(|(k, v)| (fold_key(k), *v)).collect(),
                requires: event.requires.iter().map(|r| fold_key(r)).collect(),
                next_not: folded_set(&event.next_not),
                yields_to_next_event: event.yields_to_next_event,
                counts: folded_set(&event.counts),
                properties: properties_of(&event.kind),
            });
        }
        for verb in &triggers.light_verbs {
            add(verb, What::LightVerb, Class::Verb);
        }
        for verb in &attribution.reporting_verbs {
            add(verb, What::Reporting, Class::Verb);
        }
        let modality = &attribution.modality;
        let cues: [(&[String], What); 7] = [
            (&attribution.outer_frames, What::OuterFrame),
            (&attribution.inner_frames, What::InnerFrame),
            (&modality.denial, What::Denial),
            (&modality.accusation, What::Accusation),
            (&modality.hedge, What::Hedge),
            (&modality.future, What::Future),
            (&modality.unconfirmed, What::Unconfirmed),
        ];
        for (list, what) in cues {
            for cue in list {
                add(cue, what, Class::Cue);
            }
        }
        // The clause cues (earlier markers first, then rising words) follow the forms in one
        // automaton: a sentence is scanned once for both. A full DFA: built once, it scans every
        // sentence faster than the default NFA.
        let cue_forms = triggers
            .cues
            .earlier
            .iter()
            .chain(&triggers.cues.rising)
            .map(|w| fold_key(w.trim()));
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(forms.iter().cloned().chain(cue_forms))
            .unwrap_or_else(|e| panic!("trigger automaton: {e}"));
        let syntax = &triggers.syntax;
        let negation = folded_set(&modality.negation);
        let having = folded_set(&modality.negation_having);
        let mut lexicon = Lexicon {
            events,
            patterns,
            automaton,
            not_triggers: folded_set(&triggers.not_triggers),
            tally: folded_set(&triggers.cues.tally),
            chairing_verbs: folded_set(&triggers.chairing_verbs),
            prepositions: folded_set(&syntax.prepositions),
            stops: folded_set(&syntax.stops),
            boundaries: folded_set(&syntax.boundaries),
            adverbs: folded_set(&syntax.adverbs),
            raising_verbs: folded_set(&syntax.raising_verbs),
            host_verbs: folded_set(&syntax.host_verbs),
            name_links: folded_set(&syntax.name_links),
            institution_heads: folded_set(&syntax.institution_heads),
            complementizers: folded_set(&attribution.complementizers),
            pronoun_subjects: folded_set(&attribution.pronoun_subjects),
            negation_max_len: negation.iter().map(String::len).max().unwrap_or(0),
            negation_sketch: crate::sketch::KeySketch::of(negation.iter().map(String::as_str)),
            negation: negation.clone(),
            content_ends: folded_set(&attribution.content_ends),
            answered_reports: folded_set(&attribution.answered_reports),
            about: folded_set(&attribution.about),
            content_wrappers: folded_set(&attribution.content_wrappers),
            not_content: {
                let wrappers = folded_set(&attribution.content_wrappers);
                let mut set = crate::lexical::lexicon::Lexicon::get().function_words.clone();
                set.extend(negation.iter().cloned());
                set.extend(having.iter().cloned());
                set.extend(wrappers.iter().map(|w| format!("و{w}")));
                set.extend(wrappers);
                set
            },
            negation_bridges: {
                let mut set = folded_set(&modality.negation_bridges);
                set.extend(having);
                set
            },
            stance_negation: folded_set(&modality.stance_negation),
            not_negations: crate::lexical::lexicon::Phrases::of(&modality.not_negations),
            unnamed: folded_set(&attribution.unnamed),
            agency_heads: folded_set(&attribution.agency_heads),
            document_heads: folded_set(&attribution.document_heads),
            person_heads: folded_set(&attribution.person_heads),
            earlier: triggers
                .cues
                .earlier
                .iter()
                .map(|marker| {
                    let cancelled_by = triggers
                        .cues
                        .earlier_unless_followed_by
                        .get(marker)
                        .map(|next| folded_set(next))
                        .unwrap_or_default();
                    (fold_key(marker.trim()), cancelled_by)
                })
                .collect(),
            sets: FxHashMap::default(),
        };
        lexicon.sets = lexicon.word_sets();
        lexicon
    }

    /// True when a folded trigger word, past the proclitics and article its match read off
    /// ("والحصيلة", "بحصيلة"), names a toll.
    pub fn is_tally(&self, stem: &str) -> bool {
        self.tally.contains(stem)
    }

    /// The sets each word of the syntax sets is in.
    fn word_sets(&self) -> FxHashMap<String, Sets> {
        let mut sets: FxHashMap<String, Sets> = FxHashMap::default();
        for (words, set) in [
            (&self.prepositions, Sets::PREPOSITION),
            (&self.stops, Sets::STOP),
            (&self.complementizers, Sets::COMPLEMENTIZER),
            (&self.adverbs, Sets::ADVERB),
            (&self.boundaries, Sets::BOUNDARY),
            (&self.name_links, Sets::NAME_LINK),
            (&self.person_heads, Sets::PERSON_HEAD),
            (&self.institution_heads, Sets::INSTITUTION_HEAD),
        ] {
            for word in words {
                let entry = sets.entry(word.clone()).or_default();
                *entry = *entry | set;
            }
        }
        sets
    }

    /// The syntax sets a folded word is in.
    pub fn sets_of(&self, key: &str) -> Sets {
        self.sets.get(key).copied().unwrap_or_default()
    }
}

fn what_key(what: What) -> usize {
    match what {
        What::Trigger(i) => 100 + i,
        What::Reporting => 1,
        What::OuterFrame => 2,
        What::InnerFrame => 3,
        What::Denial => 4,
        What::Accusation => 5,
        What::Hedge => 6,
        What::Future => 7,
        What::Unconfirmed => 8,
        What::LightVerb => 9,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn triggers(text: &str) -> Vec<(String, String)> {
        let lexicon = Lexicon::get();
        let folded = fold_key(text);
        lexicon
            .scan(&folded)
            .into_iter()
            .filter_map(|h| match h.what {
                What::Trigger(i) => {
                    Some((folded[h.start..h.end].to_string(), lexicon.events[i].kind.clone()))
                }
                _ => None,
            })
            .collect()
    }

    fn check(text: &str, expected: &[(&str, &str)]) {
        let got = triggers(text);
        let want: Vec<(String, String)> = expected
            .iter()
            .map(|(a, b)| (fold_key(a), b.to_string()))
            .collect();
        assert_eq!(got, want, "{text}");
    }

    #[test]
    fn finds_triggers_through_clitics() {
        check("أهدى الرئيس سيارة", &[("أهدى", "gift")]);
        check(
            "وتمثل رحلة الوزير زيارته الثانية",
            &[("رحلة", "travel"), ("زيارته", "visit")],
        );
        check("بإرسال أسلحة", &[("إرسال", "transfer")]);
        check("سيزور البلاد", &[("يزور", "visit")]);
        check("والزيارات", &[("زيارات", "visit")]);
        check("لقي حتفه في الحادث", &[("لقي حتفه", "casualties")]);
    }

    #[test]
    fn rejects_words_that_only_contain_a_form() {
        check("المزارعون والتزاور", &[]);
        check("زيارتت", &[]);
        check("الزيارت", &[]);
    }

    #[test]
    fn longer_trigger_swallows_its_parts() {
        let got = triggers("قدم هدية للرئيس");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, "gift");
    }
}
