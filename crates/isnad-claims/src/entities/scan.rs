//! One sentence: gazetteer phrases, then the general patterns for names in no gazetteer
//! (title + name, reporting verb + name, head noun + name, transliterated runs).

use super::index::{GazetteerIndex, Payload, PhraseMatch};
use super::lexicon::Lexicon;
use super::text::{SentenceText, TextMap, WordKind};
use super::types::{EntityInfo, EntityType, MatchKind, MentionForm};
use isnad_parser::Span;
use rustc_hash::FxHashSet;

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

/// One reading of a free word: the whole word, or the word without a proclitic.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Reading {
    /// Bytes of the folded word skipped (the proclitic).
    skip: u32,
    /// Bytes of the word's letter key skipped.
    key_skip: u32,
    /// Whether the reading may be part of a name ([`plain_word`]).
    pub plain: bool,
}

/// A word no phrase or pattern took, kept for the document-wide pass (surnames, variants).
#[derive(Debug, Clone, Copy)]
pub(crate) struct FreeWord {
    /// Folded word and its letter key: byte ranges of [`FreeWords::buf`].
    word: (u32, u32),
    key: (u32, u32),
    /// Its readings, a range of [`FreeWords::readings`]: whole first, then without each proclitic.
    readings: (u32, u32),
    /// Its sentence (an index of [`FreeWords::maps`]) and its bytes in that sentence's match text.
    sentence: u32,
    text: (u32, u32),
}

/// The free words of a document in runs, their texts in one buffer (no allocation per word).
pub(crate) struct FreeWords<'n> {
    buf: String,
    readings: Vec<Reading>,
    pub words: Vec<FreeWord>,
    /// Runs of consecutive free words: ranges of `words`.
    pub runs: Vec<std::ops::Range<usize>>,
    /// The maps back to the original text of the sentences with free words: a word's span is
    /// mapped only when the document pass takes it (few do).
    maps: Vec<TextMap<'n>>,
}

impl<'n> FreeWords<'n> {
    /// Empty, with room for the free words of `bytes` bytes of text.
    pub fn with_capacity(bytes: usize) -> FreeWords<'n> {
        FreeWords {
            buf: String::with_capacity(bytes / 2),
            readings: Vec::with_capacity(bytes / 8),
            words: Vec::with_capacity(bytes / 10),
            runs: Vec::with_capacity(bytes / 40),
            maps: Vec::new(),
        }
    }

    /// The number of readings of a word.
    pub fn count(&self, w: &FreeWord) -> usize {
        (w.readings.1 - w.readings.0) as usize
    }

    /// Reading `r` of a word (0 is the whole word): folded text, plain.
    pub fn reading(&self, w: &FreeWord, r: usize) -> (&str, bool) {
        let rd = self.readings[w.readings.0 as usize + r];
        let start = (w.word.0 + rd.skip) as usize;
        (
            self.buf.get(start..w.word.1 as usize).unwrap_or_default(),
            rd.plain,
        )
    }

    /// The original span of reading `r` of a word.
    pub fn span(&self, w: &FreeWord, r: usize) -> Span {
        let rd = self.readings[w.readings.0 as usize + r];
        let map = &self.maps[w.sentence as usize];
        let whole = map.original(w.text.0 as usize, w.text.1 as usize);
        // A reading after a proclitic ends with the whole word: only its start is mapped.
        match rd.skip {
            0 => whole,
            skip => Span::new(map.original_start((w.text.0 + skip) as usize), whole.end),
        }
    }

    /// The letter key of reading `r` of a word.
    pub fn letter_key(&self, w: &FreeWord, r: usize) -> &str {
        let rd = self.readings[w.readings.0 as usize + r];
        let start = (w.key.0 + rd.key_skip) as usize;
        self.buf.get(start..w.key.1 as usize).unwrap_or_default()
    }

    fn end_run(&mut self, start: &mut usize) {
        if self.words.len() > *start {
            self.runs.push(*start..self.words.len());
        }
        *start = self.words.len();
    }
}

/// True for a folded word that may be part of a name found among free words: not an article
/// noun (with or without ل), not a stop word, two letters at least.
pub(crate) fn plain_word(lex: &Lexicon, w: &str) -> bool {
    // "لل" is ل + the article with its alef elided ("للدرويشي").
    !w.starts_with("ال") && !w.starts_with("لل") && w.chars().nth(1).is_some() && !lex.stop_words.contains(w)
}

/// Where a word of `set` starts in folded word `w`: at its start, or after one proclitic letter
/// ("والمجلس", "لولد").
fn listed_at(w: &str, set: &FxHashSet<String>) -> Option<usize> {
    if set.contains(w) {
        return Some(0);
    }
    let rest = w.strip_prefix(['و', 'ب', 'ف', 'ل'])?;
    set.contains(rest).then_some(w.len() - rest.len())
}

/// Scans one sentence, appending raw mentions and runs of free words.
pub(crate) fn scan_sentence<'n>(
    text: SentenceText<'n>,
    lex: &Lexicon,
    index: &GazetteerIndex,
    entries: &[EntityInfo],
    raws: &mut Vec<Raw>,
    free: &mut FreeWords<'n>,
) {
    let st = &text;
    let matches = index.find(st, lex);
    let n = st.words.len();
    let mut slot: Vec<Option<usize>> = vec![None; n];
    for (mi, m) in matches.iter().enumerate() {
        slot[m.first..m.last].iter_mut().for_each(|s| *s = Some(mi));
    }
    let mut consumed = vec![false; n];
    let mut scan = Scan {
        st,
        lex,
        index,
        entries,
        matches: &matches,
        slot,
        raws,
        raw_of: vec![None; matches.len()],
        institution: vec![None; n],
    };

    // Gazetteer phrases.
    for mi in 0..matches.len() {
        scan.emit_entity(mi, &mut consumed);
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
    scan.particle_names(&mut consumed);
    scan.transliterated(&mut consumed);

    let before = free.words.len();
    push_free_words(&scan, &consumed, free);
    if free.words.len() > before {
        free.maps.push(text.into_map());
    }
}

/// Appends the words of a scanned sentence that no phrase or pattern took, in runs.
fn push_free_words(scan: &Scan, consumed: &[bool], free: &mut FreeWords) {
    let (st, lex) = (scan.st, scan.lex);
    // Runs of free words for the document pass. A word none of whose readings is plain can
    // neither start nor continue a name there, so it ends the run instead.
    let mut run_start = free.words.len();
    for w in 0..consumed.len() {
        if scan.is_free(w, consumed) {
            let word = st.word(w);
            let first = free.readings.len();
            free.readings.push(Reading {
                skip: 0,
                key_skip: 0,
                plain: plain_word(lex, word),
            });
            for &p in lex.proclitics_of(word) {
                let proclitic = &lex.proclitics[p];
                if let Some(rest) =
                    crate::short::strip_short_prefix(word, proclitic).filter(|r| r.chars().nth(1).is_some())
                {
                    free.readings.push(Reading {
                        skip: proclitic.len() as u32,
                        key_skip: lex.proclitic_key_lens[p] as u32,
                        plain: plain_word(lex, rest),
                    });
                }
            }
            // Article words stay for the document pass: one may be a family name ("الحمايدة").
            let article = word.starts_with("ال") && !lex.stop_words.contains(word);
            if !article && !free.readings[first..].iter().any(|r| r.plain) {
                free.readings.truncate(first);
                free.end_run(&mut run_start);
                continue;
            }
            let first = first as u32;
            let at = free.buf.len() as u32;
            free.buf.push_str(word);
            let key_at = free.buf.len() as u32;
            super::variant::letter_key_into(word, &mut free.buf);
            free.words.push(FreeWord {
                word: (at, key_at),
                key: (key_at, free.buf.len() as u32),
                readings: (first, free.readings.len() as u32),
                sentence: free.maps.len() as u32,
                text: (st.words[w].start as u32, st.words[w].end as u32),
            });
        } else {
            free.end_run(&mut run_start);
        }
    }
    free.end_run(&mut run_start);
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
}

impl Scan<'_> {
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

    /// Emits the gazetteer mention of a phrase, if it names entities.
    fn emit_entity(&mut self, mi: usize, consumed: &mut [bool]) {
        let m = &self.matches[mi];
        let entity_payloads: Vec<(u32, MentionForm)> = m
            .payloads
            .iter()
            .filter_map(|p| {
                if let Payload::Entity { entry, form } = p {
                    Some((*entry, *form))
                } else {
                    None
                }
            })
            .collect();
        let Some(form) = [MentionForm::Name, MentionForm::Descriptor, MentionForm::Adjective]
            .into_iter()
            .find(|f| entity_payloads.iter().any(|(_, g)| g == f))
        else {
            return;
        };
        let mut ids: Vec<u32> = Vec::new();
        for (e, f) in &entity_payloads {
            if *f == form && !ids.contains(e) {
                ids.push(*e);
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

    /// True for a word that can be part of a name.
    fn is_name_word(&self, w: &str, after_particle: bool) -> bool {
        let lex = self.lex;
        if w.chars().count() < 2 || w.chars().any(|c| c.is_ascii_alphanumeric()) {
            return false;
        }
        if lex.stop_words.contains(w) || lex.reporting_verbs.contains(w) || lex.titles.contains_key(w) {
            return false;
        }
        // "للديوان" is ل + the article with its alef elided; "والقرى" is و + the article.
        if (w.starts_with("ال") || w.starts_with("لل") || w.starts_with("وال")) && !after_particle {
            return false;
        }
        if self.construct_plural(w) {
            return false;
        }
        // "وأكد" is و + a stop word.
        if let Some(rest) = w.strip_prefix('و').or_else(|| w.strip_prefix('ف'))
            && (lex.stop_words.contains(rest) || lex.reporting_verbs.contains(rest))
        {
            return false;
        }
        true
    }

    /// True for a plural title or role noun in the construct state ("محللو"، "مسؤولو"): it names
    /// whose people they are, not a person.
    fn construct_plural(&self, w: &str) -> bool {
        w.strip_suffix('و').is_some_and(|stem| {
            self.lex.titles.contains_key(stem) || self.lex.stop_words.contains(&format!("{stem}ون"))
        })
    }

    /// The free name words from `k`, at most `max`; particles only inside the run. With
    /// `given_first` (after a title), a first word ending in ة followed by another name word is a
    /// given name ("حمزة", "أسامة") rather than a noun.
    fn name_run(&self, k: usize, max: usize, consumed: &[bool], given_first: bool) -> std::ops::Range<usize> {
        let n = self.st.words.len();
        let mut j = k;
        let mut after_particle = false;
        while j < n
            && j - k < max
            && (self.slot[j].is_none() || self.nisba_family(j, k, given_first))
            && !consumed[j]
        {
            if self.st.words[j].kind != WordKind::Letters {
                break;
            }
            let w = self.st.word(j);
            let particle = self.lex.name_particles.contains(w);
            let family = self.family_name(j, consumed, j > k);
            // "إلياس": the alef carries a hamza, so «ال» is part of the name, not the article.
            let no_article = after_particle || self.st.hamza_initial(j);
            if !(particle || family || self.is_name_word(w, no_article)) {
                break;
            }
            // "بسجن رجل الأعمال X Y ست سنوات": a number word is past the name.
            if j > k && crate::mentions::words::is_number_word(w) {
                break;
            }
            // "ولاية أمن X توقيف 23 شخصاً": a word right before a figure governs it.
            if j > k
                && self
                    .st
                    .words
                    .get(j + 1)
                    .is_some_and(|next| next.kind == WordKind::Digits)
            {
                break;
            }
            // "هند سلامه،": after a title and a given name, a word in ه where the name must end is
            // the family name written with ه, not a noun with a pronoun ("وصوله").
            let family_in_ha = given_first && j == k + 1 && !w.starts_with('و') && self.name_ends_at(j + 1);
            if self.possessive(j) && !family_in_ha {
                break;
            }
            // "العطار بتشكيل": a preposition-led word after an article family name is past the name.
            if j > k && self.st.word(j - 1).starts_with("ال") && self.preposition_led(j) {
                break;
            }
            // "و" + a noun with a possessive pronoun ("ونظيره") starts the next conjunct.
            if j > k
                && w.strip_prefix('و')
                    .is_some_and(|r| r.ends_with('ه') && r.chars().count() >= 4)
                && !self.st.ends_in_taa(j)
            {
                break;
            }
            // A word ending in ة is a noun or adjective, unless it is a listed given name, a
            // family name or (right after a title) another name word follows it.
            // After a title and a given name, a word in ة where the name must end is the family
            // name ("مساعدة المدير هند سلامة هي التي"، "النقيب سامر حلاوة، قائد …").
            let family_in_taa = given_first
                && j == k + 1
                && !self.st.ends_in_taa(k)
                && !w.starts_with('و')
                && self.name_ends_at(j + 1);
            let given = self.lex.taa_names.contains(w)
                || family
                || family_in_taa
                || (given_first && j == k && !w.starts_with('و') && self.name_token(j + 1, consumed));
            if !after_particle && self.st.ends_in_taa(j) && !given {
                break;
            }
            after_particle = particle;
            j += 1;
        }
        while j > k && self.lex.name_particles.contains(self.st.word(j - 1)) {
            j -= 1;
        }
        k..j
    }

    /// True when word `j`, read as a nationality adjective ("المصري"، "السويدي"), is the family
    /// name of the given name at `k` after a title: right after it, where the name must end.
    fn nisba_family(&self, j: usize, k: usize, given_first: bool) -> bool {
        given_first
            && j == k + 1
            && self.slot[k].is_none()
            && self.slot[j].is_some_and(|mj| {
                let m = &self.matches[mj];
                m.first == j
                    && m.last == j + 1
                    && self.raw_of[mj].is_some_and(|r| self.raws[r].form == MentionForm::Adjective)
            })
            && self.st.word(j).starts_with("ال")
            && self.name_ends_at(j + 1)
    }

    /// True for a name word with the article: after a given name a nisba ("الحمايدي",
    /// "الشناوي") or a tribal plural ("الحمايدة", "الطراونة"); anywhere, an article word before a
    /// name particle ("محمد الأمين ولد ...", "الناني ولد أحمدو"). Other article words after a name are its object or an
    /// adjective ("التقى الوزير سامر الوفد").
    fn family_name(&self, j: usize, consumed: &[bool], after_given: bool) -> bool {
        let w = self.st.word(j);
        let Some(stem) = w.strip_prefix("ال") else {
            return false;
        };
        let lex = self.lex;
        if lex.stop_words.contains(w) || lex.title_modifiers.contains(w) || lex.titles.contains_key(w) {
            return false;
        }
        let count = stem.chars().count();
        let nisba = count >= 3 && stem.ends_with('ي');
        let tribal = count == 6
            && stem.chars().nth(2) == Some('ا')
            && !stem.starts_with('م')
            && self.st.ends_in_taa(j);
        let before_particle = j + 2 < self.st.words.len()
            && self.st.words[j + 1].kind == WordKind::Letters
            && lex.name_particles.contains(self.st.word(j + 1))
            && self.name_token(j + 2, consumed);
        // "وزير النقل عادل النجار إن"، "محافظ الإقليم، منير الخياط،": after a given name, an
        // article word where the name must end (a comma, "إن", a preposition) is the family
        // name; an object or adjective goes on ("التقى الوزير سامر الوفد الأوروبي").
        // The given name must open the name: in "رامي يوسف فرق الإطفاء" the name ends before "فرق".
        let opens = j < 2
            || self.slot[j - 2].is_some()
            || self.st.words[j - 2].kind != WordKind::Letters
            || !self.is_name_word(self.st.word(j - 2), false)
            || self.lex.name_particles.contains(self.st.word(j - 2));
        let after_a_given_name = j > 0
            && opens
            && self.slot[j - 1].is_none()
            && self.st.words[j - 1].kind == WordKind::Letters
            && self.is_name_word(self.st.word(j - 1), false);
        let ends_the_name = count >= 3 && after_a_given_name && !self.st.ends_in_taa(j) && {
            // Not at the sentence's end: "ونفى الناطق X الخبر." ends on the verb's object.
            match self.st.words.get(j + 1) {
                None => false,
                Some(next) if next.kind != WordKind::Letters => matches!(self.st.word(j + 1), "،" | ","),
                Some(_) => {
                    let next = self.st.word(j + 1);
                    // "أمر الوزير سامر العطار بتشكيل لجنة"، "تمكن القائد ماهر الزين من": a
                    // preposition, alone or glued to a noun, ends the name too.
                    // "رئيس البلدية كريم الحلاق ومدير الأشغال": و + a title starts the next person.
                    let next_title = next.starts_with('و')
                        && self.slot[j + 1].is_some_and(|mj| {
                            self.matches[mj].first == j + 1
                                && self.matches[mj]
                                    .payloads
                                    .iter()
                                    .any(|p| matches!(p, Payload::Title(_)))
                        });
                    next_title
                        || (self.slot[j + 1].is_none()
                            && (lex.name_followers.contains(next)
                                || lex.reporting_verbs.contains(next)
                                || self.preposition_led(j + 1)))
                }
            }
        };
        // First in a name only before a particle ("الناني ولد أحمدو").
        (after_given && (nisba || tribal || ends_the_name)) || before_particle
    }

    /// True when a name may end before word `j`: the sentence ends, punctuation, a word that
    /// follows speakers' names, a pronoun of a cleft ("هي التي") or a preposition.
    fn name_ends_at(&self, j: usize) -> bool {
        let Some(word) = self.st.words.get(j) else {
            return true;
        };
        if word.kind != WordKind::Letters {
            return matches!(self.st.word(j), "،" | "," | "." | ":");
        }
        let w = self.st.word(j);
        self.slot[j].is_none()
            && (self.lex.name_followers.contains(w)
                || self.lex.reporting_verbs.contains(w)
                || matches!(w, "هي" | "هو")
                || self.preposition_led(j))
    }

    /// True for "من" or a word led by a glued preposition ("بتشكيل"، "لإجراء"), which no name continues.
    fn preposition_led(&self, j: usize) -> bool {
        let w = self.st.word(j);
        w == "من" || (w.starts_with(['ب', 'ل']) && !w.starts_with("لل") && w.chars().count() >= 5)
    }

    /// True for a free definite relative adjective ("الطبي"، "الاقتصادية") that may qualify a title.
    fn title_adjective(&self, j: usize, consumed: &[bool]) -> bool {
        let w = self.st.word(j);
        self.is_free(j, consumed)
            && !self.lex.stop_words.contains(w)
            && w.strip_prefix("ال").is_some_and(|stem| {
                let stem = stem
                    .strip_suffix('ه')
                    .filter(|_| self.st.ends_in_taa(j))
                    .unwrap_or(stem);
                stem.chars().count() >= 3 && stem.ends_with('ي')
            })
    }

    /// A long word ending in ه that is no ة carries a possessive pronoun ("وصوله", "حكومته").
    fn possessive(&self, j: usize) -> bool {
        let w = self.st.word(j);
        // Foreign names end in يه ("أندريه"); possessives rarely do.
        w.ends_with('ه') && !w.ends_with("يه") && w.chars().count() >= 5 && !self.st.ends_in_taa(j)
    }

    /// True when word `j` is a free word that can be part of a name and is no noun in ة.
    fn name_token(&self, j: usize, consumed: &[bool]) -> bool {
        if j >= self.st.words.len()
            || self.slot[j].is_some()
            || consumed[j]
            || self.st.words[j].kind != WordKind::Letters
        {
            return false;
        }
        let w = self.st.word(j);
        !self.possessive(j)
            && (self.lex.name_particles.contains(w) || self.is_name_word(w, false))
            && (!self.st.ends_in_taa(j) || self.lex.taa_names.contains(w))
    }

    /// A title in the construct state may govern a chain of nouns before the name: "مدير إدارة
    /// صناعة الذخائر X", "وزير الاقتصاد والمالية X", "المدير التنفيذي لمؤسسة X". From `from`
    /// (just after the title and its complements), skips nouns ending in ة and article nouns
    /// (with adjectives, countries or modifiers between them) and returns the name of two words
    /// or more after them, the end of the title phrase and a country named in it.
    fn after_chain(
        &self,
        title_definite: bool,
        from: usize,
        consumed: &[bool],
    ) -> Option<(std::ops::Range<usize>, usize, Option<u32>)> {
        let n = self.st.words.len();
        let (mut k, mut end, mut country, mut nouns) = (from, from, None, 0);
        for _ in 0..8 {
            if k >= n {
                break;
            }
            let free = self.is_free(k, consumed);
            let w = self.st.word(k);
            let lex = self.lex;
            // A definite title ("الرئيس") governs no noun: only "لـ" + noun continues it.
            let article = w.starts_with("لل")
                || ((w.starts_with("ال") || w.starts_with("وال")) && (nouns > 0 || !title_definite));
            let taa = self.st.ends_in_taa(k) && (nouns > 0 || !title_definite);
            // Nouns listed as stop words may still be in the chain ("باسم الحكومة X", "باسم
            // هيئة الإنقاذ X").
            if free
                && (article || taa)
                && (!lex.stop_words.contains(w) || w.starts_with("ال") || taa)
                && !lex.reporting_verbs.contains(w)
                && !lex.titles.contains_key(w)
                && !lex.taa_names.contains(w)
                && !self.family_name(k, consumed, false)
            {
                nouns += 1;
                k += 1;
                end = k;
                continue;
            }
            let (k2, end2, c, _) = self.complements(k);
            if k2 > k && nouns > 0 {
                country = country.or(c);
                k = k2;
                end = end2;
                continue;
            }
            break;
        }
        if nouns == 0 {
            return None;
        }
        let run = self.bounded(self.name_run(k, 4, consumed, true), false);
        (run.len() >= 2).then_some((run, end, country))
    }

    /// True when word `j` can end a name: the sentence ends, or punctuation, a phrase, a
    /// function word, a conjunction-led word or a digit follows.
    fn is_boundary(&self, j: usize, objects: bool) -> bool {
        let Some(word) = self.st.words.get(j) else {
            return true;
        };
        if word.kind != WordKind::Letters || self.slot[j].is_some() {
            return true;
        }
        let w = self.st.word(j);
        self.lex.stop_words.contains(w)
            || self.lex.name_followers.contains(w)
            || w.starts_with('و')
            || self.preposition_led(j)
            // "بسجن الوزير X Y خمس سنوات": a number ends a name.
            || crate::mentions::words::is_number_word(w)
            || (self.st.ends_in_taa(j) && !w.starts_with("ال"))
            // After a head noun ("بلدة X الأكثر", "مجموعة X القابضة") an article word agrees with
            // the head; after a title it may be a noun's complement ("أشغال اللجنة").
            || (objects && w.starts_with("ال"))
            || (objects && self.accusative(j))
    }

    /// An indefinite accusative ("اتفاقا", "رسميا") is an object or adverb after a name.
    fn accusative(&self, j: usize) -> bool {
        let w = self.st.word(j);
        let glides = w.chars().filter(|c| matches!(c, 'و' | 'ي')).count();
        w.ends_with('ا') && w.chars().count() >= 5 && glides <= 1 && self.lex.looks_foreign(w).is_none()
    }

    /// The longest prefix of a run that ends at a boundary ("مدير إدارة صناعة الذخائر" has none).
    /// With `objects`, an accusative noun after the name also ends it (after head nouns:
    /// "وقعت شركة X اتفاقا").
    fn bounded(&self, run: std::ops::Range<usize>, objects: bool) -> std::ops::Range<usize> {
        let mut end = run.end;
        // After a name of two words or more, an article noun is its object ("... سيدي عالي
        // الاجتماع"); after one word it may be a noun's complement ("أشغال اللجنة").
        let object_after = |end: usize| {
            end - run.start >= 2 && end < self.st.words.len() && self.st.word(end).starts_with("ال")
        };
        while end > run.start
            && (!(self.is_boundary(end, objects) || object_after(end))
                || (objects && end - run.start > 1 && self.accusative(end - 1)))
        {
            end -= 1;
        }
        run.start..end
    }

    /// Skips what may stand between a title and a name: nationality adjectives, a country or
    /// organization, modifiers. Returns (next word, end of the title phrase, country, adjective raws).
    fn complements(&self, from: usize) -> (usize, usize, Option<u32>, Vec<usize>) {
        let n = self.st.words.len();
        let (mut k, mut end, mut country, mut adjectives) = (from, from, None, Vec::new());
        for _ in 0..6 {
            if k >= n {
                break;
            }
            if let Some(last) = self.institution[k] {
                k = last;
                end = k;
            } else if let Some(mj) = self.slot[k] {
                let Some(r) = self.raw_of[mj] else { break };
                let raw = &self.raws[r];
                let Target::Entries(ids) = &raw.target else { break };
                let entry = &self.entries[ids[0] as usize];
                let ok = raw.form == MentionForm::Adjective
                    || matches!(
                        entry.kind,
                        EntityType::Country
                            | EntityType::Organization
                            | EntityType::Agency
                            | EntityType::Place
                    );
                if !ok {
                    break;
                }
                if entry.kind == EntityType::Country && country.is_none() {
                    country = Some(ids[0]);
                }
                if raw.form == MentionForm::Adjective {
                    adjectives.push(r);
                }
                k = self.matches[mj].last;
                end = k;
            } else if self.st.words[k].kind == WordKind::Letters
                && self.lex.title_modifiers.contains(self.st.word(k))
            {
                k += 1;
                end = k;
            } else {
                break;
            }
        }
        (k, end, country, adjectives)
    }

    fn title_rule(&mut self, mi: usize, class: u16, consumed: &mut [bool]) {
        let m = &self.matches[mi];
        let descriptor = self.raw_of[mi].filter(|&r| self.raws[r].form == MentionForm::Descriptor);
        let (mut k, end, country, adjectives) = self.complements(m.last);
        // "عامل إقليم وادي أمليل": a title ending in a place head governs the place's name; the
        // holder's name may follow it in commas.
        let last_word = self.st.word(m.last - 1);
        if k == m.last
            && self
                .lex
                .heads
                .get(last_word)
                .is_some_and(|h| h.kind == EntityType::Place)
        {
            let place = self.bounded(self.name_run(k, 3, consumed, false), false);
            if !place.is_empty() {
                let span = self.words_span(place.start, place.end);
                let key = self.st.words_text(place.start, place.end).to_string();
                consumed[place.clone()].iter_mut().for_each(|c| *c = true);
                self.raws
                    .push(Raw::new_name(span, key, EntityType::Place, MatchKind::Title));
                k = place.end;
            }
        }
        let mut title_span = self.span(m.start, self.st.words[end - 1].end);
        let mut role = (class != u16::MAX).then_some(Role { class, country });
        let n = self.st.words.len();
        if k < n {
            if let Some(r) = self.slot[k].and_then(|mj| self.raw_of[mj])
                && self.raws[r].kind == EntityType::Person
                && self.raws[r].form == MentionForm::Name
            {
                self.raws[r].title = Some(title_span);
                self.raws[r].role = role;
                if let Some(d) = descriptor {
                    self.raws[d].dead = true;
                }
                return;
            }
            let mut run = self.bounded(self.name_run(k, 5, consumed, true), false);
            // "محافظ وادي السلام، خالد العمري،": a place's name after the title (it opens with a
            // common noun of place names), then the holder's name in commas.
            if !run.is_empty() && self.lex.place_particles.contains(self.st.word(run.start)) {
                let comma = run.end;
                let r = if comma < n && self.st.word(comma) == "،" {
                    self.name_run(comma + 1, 5, consumed, true)
                } else {
                    comma..comma
                };
                let closed = r.end >= n || self.st.words[r.end].kind != WordKind::Letters;
                if r.len() >= 2 && closed {
                    let span = self.words_span(run.start, run.end);
                    let key = self.st.words_text(run.start, run.end).to_string();
                    consumed[run.clone()].iter_mut().for_each(|c| *c = true);
                    self.raws
                        .push(Raw::new_name(span, key, EntityType::Place, MatchKind::Title));
                    title_span = self.span(m.start, self.st.words[comma - 1].end);
                    run = r;
                }
            }
            // "عامل إقليم وادي أمليل، عبد الكريم الزياني،": a name of two words or more in
            // commas right after the title phrase is who holds it.
            if run.is_empty() && self.st.word(k) == "،" {
                let r = self.name_run(k + 1, 5, consumed, true);
                let closed = r.end >= n || self.st.words[r.end].kind != WordKind::Letters;
                if r.len() >= 2 && closed {
                    run = r;
                }
            }
            // "محافظ جبل الورد، منير الخياط،": a title with a short complement, then the holder's
            // name of two words or more in commas.
            // The complement may name a body or place itself ("المتحدث باسم وزارة الزراعة، X،"،
            // "مدير مطار وادي الصفصاف، X،") or a field ("الباحث في علم الاقتصاد، X،").
            if run.is_empty() {
                const COMPLEMENT_WORDS: usize = 6;
                let comma = (k..(k + COMPLEMENT_WORDS + 1).min(n))
                    .take_while(|&j| {
                        let w = self.st.word(j);
                        // Not a word that follows a speaker's name ("إن"، "أن") nor a verb of saying.
                        w == "،"
                            || (self.st.words[j].kind == WordKind::Letters
                                && (!self.lex.name_followers.contains(w) || matches!(w, "في" | "من" | "لدى"))
                                && !self.lex.reporting_verbs.contains(w))
                    })
                    .find(|&j| self.st.word(j) == "،");
                if let Some(c) = comma.filter(|&c| c > k) {
                    let r = self.name_run(c + 1, 5, consumed, true);
                    let closed = r.end >= n || self.st.words[r.end].kind != WordKind::Letters;
                    if r.len() >= 2 && closed {
                        title_span = self.span(m.start, self.st.words[c - 1].end);
                        run = r;
                    }
                }
            }
            // "المدير الطبي X Y"، "الخبير الاقتصادي X Y": a definite title's adjective, then a name of
            // two words (alone, "الدكتور الحمايدي" is the name itself).
            let head_word = &self.st.text[m.start..m.end];
            if run.is_empty()
                && (head_word.starts_with("ال") || m.elided)
                && k + 1 < n
                && self.title_adjective(k, consumed)
            {
                let r = self.bounded(self.name_run(k + 1, 5, consumed, true), false);
                if r.len() >= 2 {
                    title_span = self.span(m.start, self.st.words[k].end);
                    run = r;
                }
            }
            if run.is_empty() {
                // The head noun of the title: "الرئيس" is definite, "قائد القوات" a construct.
                let head = &self.st.text[m.start..m.end];
                // "الناطق باسم" governs what it speaks for ("الناطق باسم الحكومة X").
                let definite = (head.starts_with("ال") || m.elided) && !head.ends_with("باسم");
                if let Some((r, chain_end, c)) = self.after_chain(definite, k, consumed) {
                    run = r;
                    title_span = self.span(m.start, self.st.words[chain_end - 1].end);
                    role = (class != u16::MAX).then_some(Role {
                        class,
                        country: country.or(c),
                    });
                }
            }
            // "الوزير الأول يعود إلى …": a verb of the trigger lexicon is no one-word name.
            if run.len() == 1
                && crate::claims::lexicon::Lexicon::get()
                    .verb_forms
                    .contains(self.st.word(run.start))
            {
                run = run.start..run.start;
            }
            if !run.is_empty() {
                let span = self.words_span(run.start, run.end);
                let key = self.st.words_text(run.start, run.end).to_string();
                // A nationality adjective read as the family name is no country here.
                for j in run.clone() {
                    if let Some(r) = self.slot[j].and_then(|mj| self.raw_of[mj]) {
                        self.raws[r].dead = true;
                    }
                }
                consumed[run].iter_mut().for_each(|c| *c = true);
                if let Some(d) = descriptor {
                    self.raws[d].dead = true;
                }
                self.raws.push(Raw {
                    title: Some(title_span),
                    role,
                    ..Raw::new_name(span, key, EntityType::Person, MatchKind::Title)
                });
                return;
            }
        }
        // A role phrase with a nationality and no name ("الزعيم الروسي"): resolved later to the
        // person introduced with that role.
        if descriptor.is_none() && country.is_some() && class != u16::MAX {
            for a in adjectives {
                self.raws[a].dead = true;
            }
            self.raws.push(Raw {
                span: title_span,
                key: self.st.text[m.start..self.st.words[end - 1].end].to_string(),
                kind: EntityType::Person,
                how: MatchKind::Coreference,
                form: MentionForm::Descriptor,
                target: Target::Role(Role { class, country }),
                title: None,
                role: None,
                dead: false,
            });
        }
    }

    fn verb_rule(&mut self, mi: usize, consumed: &mut [bool]) {
        let mut k = self.matches[mi].last;
        let n = self.st.words.len();
        // "كتب محللو X": the speakers are X's people; X is a body.
        let mut kind = EntityType::Person;
        if k + 1 < n && self.st.words[k].kind == WordKind::Letters && self.construct_plural(self.st.word(k)) {
            k += 1;
            kind = EntityType::Organization;
        }
        if k >= n || self.slot[k].is_some() {
            return;
        }
        let mut run = self.name_run(k, 3, consumed, false);
        // "وقال الدرويشي إن": a family name alone, checked by what follows it below.
        if run.is_empty() && self.family_name(k, consumed, true) {
            run = k..k + 1;
        }
        // One word with a possessive pronoun or a plural ending ("وقال سكانها"، "وقال بعضهم"، "وقال
        // مهندسون") is a group of people, not a name.
        let group = run.len() == 1 && {
            let w = self.st.word(run.start);
            ["ها", "هم", "هما", "هن", "ون"].iter().any(|e| w.ends_with(e))
        };
        if run.is_empty() || group {
            return;
        }
        let after = run.end;
        let followed = after >= n
            || self.st.words[after].kind == WordKind::Punct
            || self.lex.name_followers.contains(self.st.word(after))
            || self.slot[after].is_some_and(|mj| self.matches[mj].payloads.contains(&Payload::Verb));
        if !followed {
            return;
        }
        let span = self.words_span(run.start, run.end);
        let key = self.st.words_text(run.start, run.end).to_string();
        consumed[run].iter_mut().for_each(|c| *c = true);
        self.raws
            .push(Raw::new_name(span, key, kind, MatchKind::ReportingVerb));
    }

    fn head_rule(&mut self, mi: usize, head: super::lexicon::Head, consumed: &mut [bool]) {
        let m = &self.matches[mi];
        // "منطقة الحادث": a place described by what happened there has no name here.
        if m.last < self.st.words.len() && self.lex.event_complements.contains(self.st.word(m.last)) {
            return;
        }
        let (k, _, _, _) = self.complements(m.last);
        if k >= self.st.words.len() {
            return;
        }
        // "عين" may be read as a verb ("appointed"); after a place head it opens the name.
        if self.slot[k].is_some() {
            if let Some(run) = self.place_name(k, head, consumed) {
                self.push_headed(mi, head, run, consumed);
            }
            return;
        }
        if let Some(run) = self
            .quoted_name(k, consumed)
            .or_else(|| self.named_institution(k, head, consumed))
            .or_else(|| self.place_name(k, head, consumed))
        {
            self.push_headed(mi, head, run, consumed);
            return;
        }
        // Nouns ending in ة or ات after a head are common nouns ("قرية حدودية"), not names; but a
        // word in ة agrees only with a feminine head: after a masculine one it is the name the head
        // governs ("ميناء سردانة").
        let feminine_head = self.st.text[self.matches[mi].start..self.matches[mi].end].ends_with('ه');
        let mut run = self.name_run(k, 4, consumed, false);
        if run.is_empty()
            && !feminine_head
            && !head.article
            && self.is_free(k, consumed)
            && self.st.ends_in_taa(k)
            && !self.st.word(k).starts_with('و')
            && self.is_name_word(self.st.word(k), false)
        {
            run = k..k + 1;
        }
        // "فريق الوداد الرياضي", "فريق نهضة بركان": a team's name may start with the article or a
        // noun in ة; then come a nisba ("الرياضي") or, after a bare first word, one name word.
        if head.article && run.is_empty() {
            let n = self.st.words.len();
            let usable = |j: usize| {
                // Field by field, not `is_free`: the raws are changed while this is in use.
                j < n
                    && self.slot[j].is_none()
                    && !consumed[j]
                    && self.st.words[j].kind == WordKind::Letters
                    && !self.lex.stop_words.contains(self.st.word(j))
                    && !self.st.word(j).starts_with('و')
            };
            let mut j = k;
            if usable(k) {
                j = k + 1;
                let first_bare = !self.st.word(k).starts_with("ال");
                // "نهضة سطيف": a team named after its town takes the town's name in.
                let town = (j < n)
                    .then(|| self.slot[j])
                    .flatten()
                    .filter(|&mj| self.matches[mj].first == j)
                    .and_then(|mj| self.raw_of[mj].map(|r| (mj, r)))
                    .filter(|&(_, r)| self.raws[r].kind == EntityType::Place);
                if first_bare && let Some((mj, r)) = town {
                    self.raws[r].dead = true;
                    j = self.matches[mj].last;
                } else if first_bare && usable(j) && self.is_name_word(self.st.word(j), false) {
                    j += 1;
                }
                while usable(j) && j - k < 3 && self.family_name(j, consumed, true) {
                    j += 1;
                }
            }
            if j > k {
                consumed[k..j].iter_mut().for_each(|c| *c = true);
                let span = self.words_span(k, j);
                let key = self.st.words_text(k, j).to_string();
                self.raws.push(Raw {
                    title: Some(self.span(m.start, m.end)),
                    ..Raw::new_name(span, key, head.kind, MatchKind::Title)
                });
            }
            return;
        }
        // An accusative adjective with words after it ("مستشفى ميدانياً قرب"; a word in ا may be a
        // name: "كاراغندا صباحا") or, after the first word, a word in و ("وادي أمليل ويخلف قتلى") is no
        // part of the name either.
        let end = run.end;
        let plain = (run.start..run.end)
            .take_while(|&j| {
                let w = self.st.word(j);
                let common_noun = (feminine_head && w.ends_with('ه')) || w.ends_with("ات");
                let accusative = j + 1 < end && w.ends_with("يا") && w.chars().count() >= 5;
                let conjunct = j > run.start && w.starts_with('و');
                !(common_noun || accusative || conjunct)
            })
            .count();
        run.end = run.start + plain;
        // An institution's adjective closes its name, whatever follows ("مصرف نيراب المركزي رفع
        // سعر …").
        let adjective = (head.kind == EntityType::Organization)
            .then(|| {
                (run.start + 1..run.end).find(|&j| self.lex.institution_adjectives.contains(self.st.word(j)))
            })
            .flatten();
        let mut run = match adjective {
            Some(adjective) => run.start..adjective + 1,
            None => self.bounded(run, true),
        };
        // "بنك الاستثمار هيلمان كابيتال": a head with a definite complement, then the name.
        if run.is_empty() && !head.keep {
            run = self.after_complement(k, head.kind, consumed);
        }
        if run.is_empty() {
            return;
        }
        self.push_headed(mi, head, run, consumed);
    }

    /// A name in quotation marks right after a head ("شركة "نوردلينك" للشحن"): its words, at most
    /// four, up to the closing mark.
    fn quoted_name(&self, k: usize, consumed: &[bool]) -> Option<std::ops::Range<usize>> {
        const MAX_WORDS: usize = 4;
        let n = self.st.words.len();
        if !self.lex.name_quotes.contains(self.st.word(k)) {
            return None;
        }
        let close =
            (k + 1..(k + 2 + MAX_WORDS).min(n)).find(|&j| self.lex.name_quotes.contains(self.st.word(j)))?;
        let words = k + 1..close;
        let all_free = words
            .clone()
            .all(|j| self.st.words[j].kind != WordKind::Punct && !consumed[j] && self.slot[j].is_none());
        (!words.is_empty() && all_free).then_some(words)
    }

    /// After a head that is part of the name, an article word and an adjective an institution's
    /// name ends with ("مستشفى الزيتونة العام"): the name with its adjective.
    fn named_institution(
        &self,
        k: usize,
        head: super::lexicon::Head,
        consumed: &[bool],
    ) -> Option<std::ops::Range<usize>> {
        let n = self.st.words.len();
        if !head.keep || k + 1 >= n {
            return None;
        }
        let w = self.st.word(k);
        let usable =
            |j: usize| self.st.words[j].kind == WordKind::Letters && !consumed[j] && self.slot[j].is_none();
        (usable(k)
            && usable(k + 1)
            && w.starts_with("ال")
            && w.chars().count() >= 5
            && !self.lex.stop_words.contains(w)
            && self.lex.institution_adjectives.contains(self.st.word(k + 1)))
        .then_some(k..k + 2)
    }

    /// After a place head, a name the general run does not take: a common noun that opens a
    /// place's name with the word after it ("عين الخير"، "رأس الوادي") or one article word that is
    /// no description of the place ("قرية المنارة", not "مخيم اللاجئين"), then an adjective the
    /// name may end with ("سد الوحدة الأعلى").
    fn place_name(
        &self,
        k: usize,
        head: super::lexicon::Head,
        consumed: &[bool],
    ) -> Option<std::ops::Range<usize>> {
        // An institution named with its head takes a place's name that opens with a common noun
        // ("مستشفى بئر السلام العام"); nothing else here.
        let institution = head.kind == EntityType::Organization && head.keep;
        if head.kind != EntityType::Place && !institution {
            return None;
        }
        let n = self.st.words.len();
        let lex = self.lex;
        let usable = |j: usize| {
            j < n
                && self.st.words[j].kind == WordKind::Letters
                && !consumed[j]
                && self.slot[j].is_none()
                && !lex.stop_words.contains(self.st.word(j))
        };
        let w = self.st.word(k);
        let particle = lex.place_particles.contains(w)
            && !consumed[k]
            && self.slot[k].is_none_or(|mj| {
                self.matches[mj].last == k + 1
                    && self.matches[mj].payloads.iter().all(|p| *p == Payload::Verb)
            });
        if !(particle || usable(k)) {
            return None;
        }
        let mut end = if particle {
            if !usable(k + 1) || self.st.word(k + 1).starts_with('و') {
                return None;
            }
            k + 2
        } else if institution {
            return None;
        } else if let Some(stem) = w.strip_prefix("ال")
            && stem.chars().count() >= 3
            // A sound masculine plural is a group of people ("مخيم النازحين"), not a place.
            && !(stem.ends_with("ين") || stem.ends_with("ون"))
            && !lex.place_common_complements.contains(w)
            && !lex.titles.contains_key(w)
            && !lex.heads.contains_key(stem)
            && !lex.place_adjectives.contains(w)
        {
            k + 1
        } else {
            return None;
        };
        let adjectives = if institution {
            &lex.institution_adjectives
        } else {
            &lex.place_adjectives
        };
        // The adjective may be a function word elsewhere ("العام").
        if end < n
            && self.st.words[end].kind == WordKind::Letters
            && !consumed[end]
            && self.slot[end].is_none()
            && adjectives.contains(self.st.word(end))
        {
            end += 1;
        }
        Some(k..end)
    }

    /// "بنك الاستثمار هيلمان كابيتال": after one or two article words that complete the head,
    /// a name of words without the article, up to a boundary.
    fn after_complement(&self, k: usize, kind: EntityType, consumed: &[bool]) -> std::ops::Range<usize> {
        let n = self.st.words.len();
        let complement = |j: usize| {
            j < n
                && self.st.words[j].kind == WordKind::Letters
                && !consumed[j]
                && self.slot[j].is_none()
                && self.st.word(j).starts_with("ال")
                && !self.lex.stop_words.contains(self.st.word(j))
        };
        let mut j = k;
        while complement(j) && j - k < 2 {
            j += 1;
        }
        // "شركة النفط الوطنية": the complement with the institution's adjective is the name
        // ("شبكة المياه العامة" is no outlet).
        if kind == EntityType::Organization
            && let Some(adjective) =
                (k + 1..j).find(|&a| self.lex.institution_adjectives.contains(self.st.word(a)))
        {
            return k..adjective + 1;
        }
        if j == k || j >= n {
            return k..k;
        }
        self.bounded(self.name_run(j, 3, consumed, false), true)
    }

    /// Records the name `run` found after head match `mi`.
    fn push_headed(
        &mut self,
        mi: usize,
        head: super::lexicon::Head,
        run: std::ops::Range<usize>,
        consumed: &mut [bool],
    ) {
        let m = &self.matches[mi];
        // "مصرف نيراب المركزي": an adjective of the institution agrees with the head, so the head
        // is part of the name ("شركة X" alone is a label).
        let keep = head.keep
            || (head.kind == EntityType::Organization
                && self
                    .lex
                    .institution_adjectives
                    .contains(self.st.word(run.end - 1)));
        let start = if keep {
            m.start
        } else {
            self.st.words[run.start].start
        };
        let end = self.st.words[run.end - 1].end;
        let span = self.span(start, end);
        let key = if keep {
            format!(
                "{} {}",
                &self.st.text[m.start..m.end],
                self.st.words_text(run.start, run.end)
            )
        } else {
            self.st.words_text(run.start, run.end).to_string()
        };
        consumed[run].iter_mut().for_each(|c| *c = true);
        self.raws.push(Raw {
            title: (!keep).then(|| self.span(m.start, m.end)),
            ..Raw::new_name(span, key, head.kind, MatchKind::Title)
        });
    }

    /// Public bodies and associations named by the words after their head: "وزارة الزراعة والري"،
    /// "نقابة الصيادلة" (construct with article nouns, «و» + article joining them), "نقابة عمال
    /// النظافة" (indefinite nouns in construct up to a definite one), "الهيئة الوطنية للتأمينات"،
    /// "المديرية العامة للجمارك" (the article, an adjective, a complement with ل), and a field after a
    /// participle of competence ("محكمة الجنح المكلفة بقضايا الفساد").
    fn bodies(&mut self, consumed: &mut [bool]) {
        const MAX_NOUNS: usize = 3;
        const MAX_CHAIN: usize = 2;
        let n = self.st.words.len();
        let free = |j: usize, consumed: &[bool]| {
            j < n && self.slot[j].is_none() && !consumed[j] && self.st.words[j].kind == WordKind::Letters
        };
        let article = |j: usize| {
            let w = self.st.word(j);
            (w.starts_with("ال") || w.starts_with("وال")) && !self.lex.stop_words.contains(w)
        };
        // A noun in construct before the definite one ("عمال"، "مزارعي"): no verb of a headline
        // ("نقابة تطالب"، "نقابة طالبت"), no conjunct, no function word.
        let chain_word = |j: usize, consumed: &[bool]| {
            let w = self.st.word(j);
            free(j, consumed)
                && !w.starts_with(['و', 'ي', 'ت'])
                && !w.starts_with("لل")
                && !w.ends_with('ت')
                && w.chars().count() >= 3
                && !self.lex.stop_words.contains(w)
                && !self.lex.titles.contains_key(w)
        };
        for i in 0..n.saturating_sub(1) {
            // Every body's name goes on with an article word within its first words: the cheap
            // test first.
            if !(i + 1..(i + 2 + MAX_CHAIN).min(n)).any(|j| self.st.words[j].article) || !free(i, consumed) {
                continue;
            }
            let w = self.st.word(i);
            let (skip, definite) = match listed_at(w, &self.lex.body_heads) {
                Some(skip) => (skip, false),
                // The article at the start or after one letter ("والهيئة"): the first place it
                // stands, looked for in those two places only.
                None => match (0..='و'.len_utf8())
                    .find(|&at| w.get(at..).is_some_and(|rest| rest.starts_with("ال")))
                    .map(|at| (at, &w[at + "ال".len()..]))
                {
                    Some((at, head)) if self.lex.body_heads.contains(head) => (at, true),
                    _ => continue,
                },
            };
            let mut end = i + 1;
            if definite {
                // The article head, its adjectives, then a complement with ل and its article nouns.
                while free(end, consumed)
                    && end - i <= 2
                    && self.lex.body_adjectives.contains(self.st.word(end))
                {
                    end += 1;
                }
                if end == i + 1 {
                    continue;
                }
                if free(end, consumed)
                    && self.st.word(end).starts_with('ل')
                    && self.st.word(end).chars().count() >= 4
                {
                    end = self.complement_end(end, i + 6, consumed);
                }
            } else {
                // Indefinite nouns in construct, then the definite noun that ends the chain.
                let mut chain = end;
                while chain - end < MAX_CHAIN && chain_word(chain, consumed) && !article(chain) {
                    chain += 1;
                }
                if chain > end
                    && free(chain, consumed)
                    && article(chain)
                    && !self.st.word(chain).starts_with('و')
                {
                    end = chain + 1;
                } else if free(end, consumed) && article(end) && !self.st.word(end).starts_with('و') {
                    // "وزارة والداخلية" starts no name: its first noun has no «و».
                    end += 1;
                } else {
                    continue;
                }
                while free(end, consumed) && end - i <= MAX_NOUNS + MAX_CHAIN && self.goes_on_definite(end) {
                    end += 1;
                }
            }
            // "المكلفة بقضايا الفساد": a participle of competence takes its field after ب.
            if self.lex.body_competence.contains(self.st.word(end - 1))
                && free(end, consumed)
                && self.st.word(end).starts_with('ب')
                && self.st.word(end).chars().count() >= 4
            {
                end = self.complement_end(end, end + 4, consumed);
            }
            let start = self.st.words[i].start + skip;
            let last = self.st.words[end - 1].end;
            consumed[i..end].iter_mut().for_each(|c| *c = true);
            self.raws.push(Raw::new_name(
                self.span(start, last),
                self.st.text[start..last].to_string(),
                EntityType::Organization,
                MatchKind::Title,
            ));
        }
    }

    /// The end of a complement after a preposition glued to word `at` ("للتأمينات"، "لمكافحة
    /// الفساد"، "بقضايا الفساد"), at most up to word `limit`: an indefinite complement is in construct
    /// with the article noun after it; then only adjectives and conjuncts go on.
    fn complement_end(&self, at: usize, limit: usize, consumed: &[bool]) -> usize {
        let n = self.st.words.len();
        let free = |j: usize| {
            j < n && self.slot[j].is_none() && !consumed[j] && self.st.words[j].kind == WordKind::Letters
        };
        let word = self.st.word(at);
        let definite = word.starts_with("لل") || word.starts_with("بال");
        let mut end = at + 1;
        if !definite
            && free(end)
            && self.st.word(end).starts_with("ال")
            && !self.lex.stop_words.contains(self.st.word(end))
        {
            end += 1;
        }
        while end < limit && free(end) && self.goes_on_definite(end) {
            end += 1;
        }
        end
    }

    /// True when word `j` may follow a definite noun inside a body's name: an adjective in ي or
    /// ية or a listed one ("للتأمينات الاجتماعية"، "المجلس الأعلى"), or an article noun after «و»
    /// ("للثقافة والفنون"); not another noun ("أحال المجلس الأعلى للتعليم الملف").
    fn goes_on_definite(&self, j: usize) -> bool {
        let w = self.st.word(j);
        if self.lex.stop_words.contains(w) {
            return false;
        }
        if w.starts_with("وال") {
            return true;
        }
        w.starts_with("ال")
            && (w.ends_with('ي')
                || w.ends_with("يه")
                || w.ends_with("يات")
                || w.ends_with("يين")
                || self.lex.body_adjectives.contains(w)
                || self.lex.institution_adjectives.contains(w)
                || self.lex.body_competence.contains(w))
    }

    /// Institutions named by a head noun and a nationality adjective ("وزارة الخارجية
    /// البرازيلية"): one organization mention instead of a bare adjective.
    fn institutions(&mut self, consumed: &mut [bool]) {
        let n = self.st.words.len();
        for i in 0..n {
            if !self.is_free(i, consumed) {
                continue;
            }
            // Up to two article nouns, then the adjective: looked for before the head noun is
            // looked up, as nearly every word has no nationality adjective after it.
            let mut k = i + 1;
            while k < n && k - i <= 2 && self.slot[k].is_none() && !consumed[k] && self.st.words[k].article {
                k += 1;
            }
            let Some(adj) = self.slot.get(k).copied().flatten().and_then(|mj| self.raw_of[mj]) else {
                continue;
            };
            if self.raws[adj].form != MentionForm::Adjective {
                continue;
            }
            let Some(skip) = listed_at(self.st.word(i), &self.lex.institutions) else {
                continue;
            };
            let start = self.st.words[i].start + skip;
            let mut last = self.matches[self.slot[k].unwrap_or_default()].last;
            self.raws[adj].dead = true;
            // More nationality adjectives ("الأردنية الموريتانية") and feminine article
            // adjectives agreeing with a feminine head ("اللجنة ... المشتركة").
            while let Some(next) = self
                .slot
                .get(last)
                .copied()
                .flatten()
                .and_then(|mj| self.raw_of[mj])
                && self.raws[next].form == MentionForm::Adjective
            {
                self.raws[next].dead = true;
                last = self.matches[self.slot[last].unwrap_or_default()].last;
            }
            let feminine_head = self.st.ends_in_taa(i);
            let mut agreeing = 0;
            while feminine_head
                && agreeing < 2
                && last < n
                && self.slot[last].is_none()
                && !consumed[last]
                && self.st.word(last).starts_with("ال")
                && self.st.ends_in_taa(last)
            {
                consumed[last] = true;
                last += 1;
                agreeing += 1;
            }
            let end = self.st.words[last - 1].end;
            consumed[i..k].iter_mut().for_each(|c| *c = true);
            self.raws.push(Raw::new_name(
                self.span(start, end),
                self.st.text[start..end].to_string(),
                EntityType::Organization,
                MatchKind::Title,
            ));
            (i..last).for_each(|j| self.institution[j] = Some(last));
        }
    }

    /// Names opened by a lineage particle, with no title before them ("ولد سيدي عالي", "بن
    /// سلمان"): the particle and one or two name words.
    fn particle_names(&mut self, consumed: &mut [bool]) {
        let n = self.st.words.len();
        for i in 0..n {
            if !self.is_free(i, consumed) {
                continue;
            }
            // The particle, bare or after one proclitic ("لولد"); longer words are none.
            let word = self.st.word(i);
            if word.len() > self.lex.name_opener_bytes {
                continue;
            }
            let Some(skip) = listed_at(word, &self.lex.name_openers) else {
                continue;
            };
            let run = self.bounded(self.name_run(i + 1, 2, consumed, false), false);
            if run.is_empty() {
                continue;
            }
            let start = self.st.words[i].start + skip;
            let end = self.st.words[run.end - 1].end;
            consumed[i..run.end].iter_mut().for_each(|c| *c = true);
            self.raws.push(Raw::new_name(
                self.span(start, end),
                self.st.text[start..end].to_string(),
                EntityType::Person,
                MatchKind::Title,
            ));
        }
    }

    /// Runs of transliterated-looking words no pattern took.
    fn transliterated(&mut self, consumed: &mut [bool]) {
        let n = self.st.words.len();
        let mut i = 0;
        while i < n {
            let free = |j: usize| self.is_free(j, consumed);
            if !free(i) {
                i += 1;
                continue;
            }
            let Some((kind, span_start)) = self.foreign_reading(i) else {
                i += 1;
                continue;
            };
            let mut j = i + 1;
            while j < n && j - i < 4 && free(j) && self.lex.looks_foreign(self.st.word(j)).is_some() {
                j += 1;
            }
            let end = self.st.words[j - 1].end;
            let span = self.span(span_start, end);
            let key = self.st.text[span_start..end].to_string();
            consumed[i..j].iter_mut().for_each(|c| *c = true);
            self.raws
                .push(Raw::new_name(span, key, kind, MatchKind::Transliterated));
            i = j;
        }
    }

    /// The kind and start byte of a foreign-looking word, trying it without a proclitic too.
    fn foreign_reading(&self, i: usize) -> Option<(EntityType, usize)> {
        let w = self.st.word(i);
        let start = self.st.words[i].start;
        // Without a proclitic the word has fewer letters and vowels and the same markers.
        let marked = self.lex.foreign_letters(w)?;
        // A case ending written out ("مضيفاً") is Arabic grammar, not a foreign name.
        if self.st.has_tanween(i) {
            return None;
        }
        if let Some(kind) = self.lex.foreign_kind(w, marked) {
            return Some((kind, start));
        }
        // Proclitics of one letter: at most one, the word's first letter, can be stripped.
        let first = w.chars().next()?;
        if !self.lex.one_letter_proclitics.contains(&first) {
            return None;
        }
        let rest = &w[first.len_utf8()..];
        self.lex
            .looks_foreign(rest)
            .map(|k| (k, start + first.len_utf8()))
    }
}
