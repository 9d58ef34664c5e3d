//! One sentence's raw mentions: gazetteer phrases, then the patterns for names in no gazetteer.
//!
//! The patterns, one family per file: a title or reporting verb + name (`title`), a head noun +
//! name (`head`), bodies and institutions (`bodies`), particle-led and transliterated names
//! (`bare_names`). `names` holds the word tests they share; `free_words` keeps what none took.

mod bare_names;
mod bodies;
mod free_words;
mod head;
mod memo;
mod names;
mod title;

pub(crate) use free_words::{FreeWord, FreeWords};

use super::index::{GazetteerIndex, Payload, PhraseMatch};
use super::lexicon::Lexicon;
use super::text::{SentenceText, WordKind};
use super::types::{EntityInfo, EntityType, MatchKind, MentionForm};
use free_words::push_free_words;
use isnad_parser::Span;
use memo::{WordFacts, WordMemo, with_memo};

/// A role: a title class and the country named with it ("الرئيس الروسي" → leader, Russia).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Role {
    pub class: u16,
    pub country: Option<u32>,
}

/// What a raw mention points at before the document-wide resolution.
#[derive(Debug, Clone)]
pub(crate) enum Target {
    /// Gazetteer entries sharing the matched key (one, or several when ambiguous).
    Entries(Vec<u32>),
    /// A name in no gazetteer (or a variant of one), resolved by its transliteration keys.
    New,
    /// A role phrase without a name, resolved to the person introduced with that role.
    Role(Role),
}

/// A mention before resolution.
#[derive(Debug, Clone)]
pub(crate) struct Raw {
    pub span: Span,
    /// Folded key of the name, single spaces.
    pub key: String,
    pub kind: EntityType,
    pub how: MatchKind,
    pub form: MentionForm,
    pub target: Target,
    pub title: Option<Span>,
    /// The role it was introduced with, if any.
    pub role: Option<Role>,
    pub dead: bool,
}

impl Raw {
    /// A name in no gazetteer, found by a pattern: resolved later by its transliteration keys.
    fn new_name(span: Span, key: String, kind: EntityType, how: MatchKind) -> Raw {
        Raw {
            span,
            key,
            kind,
            how,
            form: MentionForm::Name,
            target: Target::New,
            title: None,
            role: None,
            dead: false,
        }
    }
}

/// Where a word of `set` starts in folded word `w`: at its start, or after one proclitic letter
/// ("والمجلس", "لولد").
fn listed_at(w: &str, set: &crate::sketch::KeySet) -> Option<usize> {
    if set.contains(w) {
        return Some(0);
    }
    let rest = w.strip_prefix(['و', 'ب', 'ف', 'ل'])?;
    set.contains(rest).then_some(w.len() - rest.len())
}

/// The raw mentions and free words of a run of sentences, in text order.
pub(crate) struct Scanned<'n> {
    pub raws: Vec<Raw>,
    pub free: FreeWords<'n>,
}

impl<'n> Scanned<'n> {
    /// Empty, with room for what `bytes` bytes of text usually hold (a raw mention every 80
    /// bytes or so, measured on a 50 MB article; see [`FreeWords::with_capacity`]).
    pub fn with_capacity(bytes: usize) -> Scanned<'n> {
        Scanned {
            raws: Vec::with_capacity(bytes / 90),
            free: FreeWords::with_capacity(bytes),
        }
    }

    /// Gives back the room reserved and not used (see [`FreeWords::shrink_to_fit`]).
    pub fn shrink_to_fit(&mut self) {
        self.raws.shrink_to_fit();
        self.free.shrink_to_fit();
    }
}

/// Scans one sentence (of `source`), appending raw mentions and runs of free words.
pub(crate) fn scan_sentence<'n>(
    source: &str,
    sentence: &'n crate::PreparedSentence,
    lex: &Lexicon,
    index: &GazetteerIndex,
    entries: &[EntityInfo],
    raws: &mut Vec<Raw>,
    free: &mut FreeWords<'n>,
) {
    with_memo(source, sentence, lex, index, |text, memo, ids| {
        let kept = scan_words(&text, lex, index, entries, memo, ids, raws, free);
        let map = text.into_map();
        if kept {
            free.maps.push(map);
        }
    });
}

/// [`scan_sentence`] with the sentence's words as `ids` in this thread's `memo`; true when it
/// left free words for the document pass.
#[allow(clippy::too_many_arguments)]
fn scan_words(
    st: &SentenceText<'_>,
    lex: &Lexicon,
    index: &GazetteerIndex,
    entries: &[EntityInfo],
    memo: &WordMemo,
    ids: &[u32],
    raws: &mut Vec<Raw>,
    free: &mut FreeWords<'_>,
) -> bool {
    let matches = index.find(st, lex, |i| memo.steps(memo.facts(ids[i])));
    let n = st.words.len();
    let scratch = SCRATCH.take();
    let mut slot = filled(scratch.slot, n, None);
    for (mi, m) in matches.iter().enumerate() {
        slot[m.first..m.last].iter_mut().for_each(|s| *s = Some(mi));
    }
    let mut consumed = filled(scratch.consumed, n, false);
    let mut scan = Scan {
        st,
        lex,
        index,
        entries,
        matches: &matches,
        slot,
        raws,
        raw_of: filled(scratch.raw_of, matches.len(), None),
        institution: filled(scratch.institution, n, None),
        memo,
        ids,
    };

    // Gazetteer phrases, and the institutions every state has.
    for (mi, m) in matches.iter().enumerate() {
        scan.emit_entity(mi, &mut consumed);
        if scan.raw_of[mi].is_none() && m.payloads.contains(&Payload::Body) {
            scan.emit_body(mi);
        }
    }
    scan.institutions(&mut consumed);
    // Patterns, left to right.
    let mut i = 0;
    while i < n {
        let Some(mi) = scan.slot[i] else {
            i += 1;
            continue;
        };
        let m = &matches[mi];
        let person_descriptor = scan.raw_of[mi].is_some_and(|r| {
            scan.raws[r].form == MentionForm::Descriptor && scan.raws[r].kind == EntityType::Person
        });
        let title = m
            .payloads
            .iter()
            .find_map(|p| if let Payload::Title(c) = p { Some(*c) } else { None });
        if let Some(class) = title.or_else(|| {
            person_descriptor
                .then(|| lex.title_class_prefix(&st.text[m.start..m.end]))
                .flatten()
        }) {
            scan.title_rule(mi, class, &mut consumed);
        } else if person_descriptor {
            scan.title_rule(mi, u16::MAX, &mut consumed);
        } else if m.payloads.contains(&Payload::Verb) {
            scan.verb_rule(mi, &mut consumed);
        } else if let Some(head) = m
            .payloads
            .iter()
            .find_map(|p| if let Payload::Head(h) = p { Some(*h) } else { None })
        {
            scan.head_rule(mi, head, &mut consumed);
        }
        i = m.last.max(i + 1);
    }
    // After the titles: "المتحدث باسم هيئة الإنقاذ محمد فاروق" names the spokesman first.
    scan.bodies(&mut consumed);
    scan.names_before_titles(&mut consumed);
    scan.particle_names(&mut consumed);
    scan.toponyms(&mut consumed);
    scan.transliterated(&mut consumed);

    let before = free.len();
    push_free_words(&scan, &consumed, free);
    SCRATCH.set(Scratch {
        slot: scan.slot,
        consumed,
        raw_of: scan.raw_of,
        institution: scan.institution,
    });
    free.len() > before
}

/// The per-word and per-phrase lists of one sentence's scan, kept by each thread between
/// sentences: a sentence fills them rather than allocating its own (several lists a sentence).
#[derive(Default)]
struct Scratch {
    slot: Vec<Option<usize>>,
    consumed: Vec<bool>,
    raw_of: Vec<Option<usize>>,
    institution: Vec<Option<usize>>,
}

thread_local! {
    static SCRATCH: std::cell::Cell<Scratch> = std::cell::Cell::default();
}

/// `list` emptied and filled with `len` copies of `value`, keeping its room.
fn filled<T: Clone>(mut list: Vec<T>, len: usize, value: T) -> Vec<T> {
    list.clear();
    list.resize(len, value);
    list
}

struct Scan<'a> {
    st: &'a SentenceText<'a>,
    lex: &'a Lexicon,
    index: &'a GazetteerIndex,
    entries: &'a [EntityInfo],
    matches: &'a [PhraseMatch],
    slot: Vec<Option<usize>>,
    raws: &'a mut Vec<Raw>,
    raw_of: Vec<Option<usize>>,
    /// Per word: the institution mention covering it (not a phrase of the automaton).
    institution: Vec<Option<usize>>,
    /// What each word is, read once per distinct word: the words' ids in `memo`.
    memo: &'a WordMemo,
    ids: &'a [u32],
}

impl Scan<'_> {
    /// What word `j` is (see [`WordFacts`]).
    #[inline]
    fn facts(&self, j: usize) -> &WordFacts {
        self.memo.facts(self.ids[j])
    }

    fn span(&self, start: usize, end: usize) -> Span {
        self.st.original(start, end)
    }

    /// True for a word of letters that no phrase and no pattern has taken.
    fn is_free(&self, j: usize, consumed: &[bool]) -> bool {
        self.slot[j].is_none() && !consumed[j] && self.st.words[j].kind == WordKind::Letters
    }

    fn words_span(&self, a: usize, b: usize) -> Span {
        self.span(self.st.words[a].start, self.st.words[b - 1].end)
    }

    /// Emits an institution every state has ("الدفاع المدني"): a name in no gazetteer, of the
    /// story's country.
    fn emit_body(&mut self, mi: usize) {
        let m = &self.matches[mi];
        let (start, key) = if m.elided {
            let start = m.start + 'ل'.len_utf8();
            (start, format!("ال{}", &self.st.text[start..m.end]))
        } else {
            (m.start, self.st.text[m.start..m.end].to_string())
        };
        self.raw_of[mi] = Some(self.raws.len());
        self.raws.push(Raw::new_name(
            self.span(start, m.end),
            key,
            EntityType::Organization,
            MatchKind::Title,
        ));
    }

    /// Emits the gazetteer mention of a phrase, if it names entities.
    fn emit_entity(&mut self, mi: usize, consumed: &mut [bool]) {
        let m = &self.matches[mi];
        let entity_payloads = || {
            m.payloads.iter().filter_map(|p| {
                if let Payload::Entity { entry, form } = p {
                    Some((*entry, *form))
                } else {
                    None
                }
            })
        };
        let Some(form) = [MentionForm::Name, MentionForm::Descriptor, MentionForm::Adjective]
            .into_iter()
            .find(|f| entity_payloads().any(|(_, g)| g == *f))
        else {
            return;
        };
        let mut ids: Vec<u32> = Vec::new();
        for (e, f) in entity_payloads() {
            if f == form && !ids.contains(&e) {
                ids.push(e);
            }
        }
        let kind = self.entries[ids[0] as usize].kind;
        // After ل with the alef elided the phrase starts past that ل; its key keeps the article.
        let (start, key) = if m.elided {
            let start = m.start + 'ل'.len_utf8();
            (start, format!("ال{}", &self.st.text[start..m.end]))
        } else {
            (m.start, self.st.text[m.start..m.end].to_string())
        };
        let mut raw = Raw {
            span: self.span(start, m.end),
            key,
            kind,
            how: if form == MentionForm::Descriptor {
                MatchKind::Coreference
            } else {
                MatchKind::Gazetteer
            },
            form,
            target: Target::Entries(ids),
            title: None,
            role: None,
            dead: false,
        };
        // A shared first name followed by more name words is a longer name, perhaps a variant of
        // a listed one ("مارتا لوبيث" for "مارتا لوبيز") or a new person.
        if form == MentionForm::Name
            && kind == EntityType::Person
            && self.index.first_words.contains(&raw.key)
        {
            // Only short syllables ("سون", "مين") continue a name; "مارتا سيعقد" does not.
            let mut run = self.name_run(m.last, 3, consumed, false);
            let syllable = |w: &str| w.chars().count() <= 4 && !w.ends_with('ه');
            let short = (run.start..run.end)
                .take_while(|&j| syllable(self.st.word(j)))
                .count();
            run.end = run.start + short;
            if !run.is_empty() {
                raw.span = raw.span.cover(self.words_span(run.start, run.end));
                raw.key = format!("{} {}", raw.key, self.st.words_text(run.start, run.end));
                raw.target = Target::New;
                raw.how = MatchKind::Transliterated;
                consumed[run].iter_mut().for_each(|c| *c = true);
            }
        }
        self.raw_of[mi] = Some(self.raws.len());
        self.raws.push(raw);
    }
}
