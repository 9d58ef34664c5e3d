//! The content words a figure is compared by: its sentence's, its clause's, and a date's wider ones.

use super::sentence::SentenceFacts;
use super::words::{NO_WORD, WordIds, preposition_led};
use crate::facts::lexicon::WordFlags;
use crate::facts::types::Words;
use isnad_parser::TokenKind;

impl<'a> SentenceFacts<'a> {
    /// The sentence's words and each token's index in them.
    fn word_ids(&self) -> &WordIds {
        self.sentence_words.get_or_init(|| {
            // The sentence's shared words that a content word of this reader has (a mention's
            // words are none), renumbered in their order.
            let shared = self.words.sentence_words(self.toks);
            // Most often no mention covers a content word: the reader's words are the sentence's.
            if shared
                .word_of
                .iter()
                .zip(&self.mention_of)
                .all(|(&word, mention)| word == NO_WORD || mention.is_none())
            {
                return (std::sync::Arc::clone(&shared.words), shared.word_of.clone());
            }
            let mut index = vec![NO_WORD; shared.words.len()];
            for (i, &word) in shared.word_of.iter().enumerate() {
                if word != NO_WORD && self.is_content(i) {
                    index[word as usize] = 0;
                }
            }
            let mut words: Vec<std::sync::Arc<str>> = Vec::with_capacity(shared.words.len());
            for (word, slot) in shared.words.iter().zip(&mut index) {
                if *slot != NO_WORD {
                    *slot = u32::try_from(words.len()).unwrap_or(NO_WORD);
                    words.push(std::sync::Arc::clone(word));
                }
            }
            let ids = shared
                .word_of
                .iter()
                .enumerate()
                .map(|(i, &word)| {
                    if word != NO_WORD && self.is_content(i) {
                        index[word as usize]
                    } else {
                        NO_WORD
                    }
                })
                .collect();
            (words.into(), ids)
        })
    }

    /// The words of the given word indices (repeats allowed), in the sentence words' order.
    fn words_of_ids(&self, mut found: Vec<u32>) -> Words {
        let all = &self.word_ids().0;
        found.retain(|&id| id != NO_WORD);
        found.sort_unstable();
        found.dedup();
        found
            .into_iter()
            .map(|id| std::sync::Arc::clone(&all[id as usize]))
            .collect()
    }

    /// Lemmas of the content words of the whole sentence.
    pub fn sentence_words(&self) -> &Words {
        &self.word_ids().0
    }

    /// Lemmas of the content words in `[from, to)`: the sentence's own strings.
    pub fn context(&self, from: usize, to: usize) -> Words {
        let (all, ids) = self.word_ids();
        if from == 0 && to >= self.n() {
            return std::sync::Arc::clone(all);
        }
        self.words_of_ids(ids.get(from..to.min(self.n())).unwrap_or_default().to_vec())
    }

    /// The word of index `id` among the sentence's words ([`SentenceFacts::sentence_words`]).
    pub fn word(&self, id: u32) -> &std::sync::Arc<str> {
        &self.word_ids().0[id as usize]
    }

    /// The content words in `[from, to)` outside the tokens `skip` (a name with its title), as
    /// indices into the sentence's words, in their order and each once: what a clause says of the
    /// one it names.
    /// A name after a word `direction` accepts ("جنوب دير X", its first two words) is the place
    /// it points from: where, not what is done.
    pub fn context_ids_outside(
        &self,
        from: usize,
        to: usize,
        skip: (usize, usize),
        direction: impl Fn(&str) -> bool,
    ) -> Vec<u32> {
        let ids = &self.word_ids().1;
        let mut pointed_from = 0;
        let mut found: Vec<u32> = (from..to.min(self.n()))
            .filter(|&i| {
                if self.kind(i) == Some(TokenKind::Punct) {
                    pointed_from = 0;
                } else if self.is_content(i) && direction(self.lemma(i)) {
                    pointed_from = 2;
                    return i < skip.0 || i >= skip.1;
                } else if pointed_from > 0 {
                    // "شرق المحمية": a definite noun is the story's own landmark, which says as
                    // much as any word where two reports place a thing.
                    if pointed_from == 2 && self.key(i).starts_with("ال") {
                        pointed_from = 0;
                        return true;
                    }
                    pointed_from -= 1;
                    return false;
                }
                true
            })
            .filter(|&i| (i < skip.0 || i >= skip.1) && self.is_content(i))
            .map(|i| ids[i])
            .filter(|&id| id != NO_WORD)
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// How many content words in `[from, to)` are no part of a name.
    pub fn unnamed_content(&self, from: usize, to: usize) -> usize {
        (from..to.min(self.n()))
            .filter(|&i| !self.named[i] && self.is_content(i))
            .count()
    }

    /// Where the words a date is aligned on start: its clause, or when that says too little
    /// ("، قد وصلت إلى البلدة مساء الاثنين"), the clauses before it that it hangs on ("وكانت لجنة
    /// التحقيق الوزارية، المؤلفة من خمسة قضاة، …"). A date in what is said has the words of what is
    /// said ("قال المتحدث إن الرابطة قررت …": who says it is not what is dated).
    pub(super) fn date_context_start(&self, clause: (usize, usize), date_first: usize) -> usize {
        const ENOUGH_WORDS: usize = 3;
        let said_from = (clause.0..date_first)
            .rev()
            .find(|&i| self.lx.complementizers.contains(self.key(i)))
            .map(|c| c + 1)
            .filter(|&from| (from..date_first).filter(|&i| self.is_content(i)).count() >= ENOUGH_WORDS);
        if let Some(from) = said_from {
            return from;
        }
        let mut start = clause.0;
        if (start..clause.1).filter(|&i| self.is_content(i)).count() >= ENOUGH_WORDS {
            return start;
        }
        while start > 0 {
            let earlier = self.words.clause_start[start - 1];
            // A clause with a date of its own is about its own time ("وصلت البعثة الاثنين، وزارت
            // المستشفى أمس": the visit is not the arrival).
            if (earlier..start).any(|i| self.is_time_mention(i)) {
                break;
            }
            start = earlier;
            // A clause that describes the noun before it ("، المؤلفة من خمسة قضاة،"، "، التي
            // شكلت أمس،") says nothing of who is dated without that noun.
            let describes =
                self.key(start).starts_with("ال") && !self.named[start] || self.is_relative(start);
            if !describes && (start..clause.1).filter(|&i| self.is_content(i)).count() >= ENOUGH_WORDS {
                break;
            }
        }
        start
    }

    /// Where a date's words end: at a phrase after the date led by a glued «ب» or «ل», «مع» or
    /// «وسط», which says how or with whom it happened («مساء الأحد بحفل فني»، «بمشاركة 120
    /// عارضاً»), not what is dated; but a «ل» after a noun the date is set as says what it dates
    /// («موعداً لإعادة المباراة»). A subject after the date stays («وانطلقت يوم الاثنين مسابقة»),
    /// and so do a place and a destination («إلى المدينة»: another place is another occasion).
    pub(super) fn date_context_end(&self, date_last: usize, clause_end: usize) -> usize {
        (date_last + 1..clause_end.min(self.n()))
            .find(|&i| {
                let key = self.key(i);
                // "يوم السبت موعداً لإعادة المباراة": what the date is set for.
                if i == date_last + 2 && self.lx.appointed.contains(self.key(i - 1)) {
                    return false;
                }
                // Four letters in ة are a noun of their own («بلدة»، «لجنة»).
                let short_noun = key.ends_with('ه') && key.chars().count() == 4;
                crate::grammar::grammar().is_accompaniment(key)
                    || (self.is_arabic(i) && preposition_led(key) && !short_noun && !self.named[i])
            })
            .unwrap_or(clause_end)
    }

    /// A date's words with the verbs that elsewhere link a measure to its value: before a date
    /// they say what happened ("وصلت البعثة مساء الاثنين"، "سُجلت أول حالة في 31 يوليو"). A
    /// past-tense ت is taken off, so "وصلت" and "وصل" meet.
    pub(super) fn with_linking_verbs(&self, words: Words, span: (usize, usize)) -> Words {
        let mut verbs: Vec<&str> = (span.0..span.1.min(self.n()))
            .filter(|&i| {
                let key = self.key(i);
                let bare = key
                    .strip_prefix(['و', 'ف'])
                    .filter(|r| r.len() >= 6)
                    .unwrap_or(key);
                self.is_arabic(i)
                    && self.mention_of[i].is_none()
                    && self.lx.linking.contains(key)
                    && key.len() >= 6
                    && !self.words.flags[i].has(WordFlags::STOPWORD)
                    && !self.lx.stopwords.contains(bare)
            })
            .map(|i| {
                let key = self.key(i);
                key.strip_suffix('ت').filter(|r| r.len() >= 6).unwrap_or(key)
            })
            .collect();
        if verbs.is_empty() {
            return words;
        }
        verbs.sort_unstable();
        verbs.dedup();
        let mut all: Vec<std::sync::Arc<str>> = words.iter().cloned().collect();
        all.extend(verbs.into_iter().map(std::sync::Arc::from));
        all.sort_unstable();
        all.dedup();
        all.into()
    }

    /// True when token `i` is a relative pronoun ("الذي"، "التي").
    fn is_relative(&self, i: usize) -> bool {
        crate::grammar::grammar().is_relative_pronoun(self.key(i))
    }
}
