//! One sentence as the fact reader sees it (tokens, mentions, names), and the reading of its figures.

use super::words::{TokenWords, WordIds};
use crate::facts::lexicon::{Lexicon, WordFlags};
use crate::facts::types::{Attribute, FactValue, Scope, Words};
use crate::mentions::{Mention, MentionValue};
use isnad_parser::{TokenKind, Tokens};

/// A figure read from a sentence, before the document gives it an id, a claim and a time.
#[derive(Debug, Clone)]
pub(crate) struct Draft<'a> {
    /// The value's mention.
    pub mention: &'a Mention,
    /// Its first and last token.
    pub first: usize,
    pub last: usize,
    /// Its value.
    pub value: FactValue,
    /// What it measures.
    pub attribute: Attribute,
    /// Its clause as a token range `[start, end)`.
    pub clause: (usize, usize),
    /// Scope flags (the part-of link is set by index in `part_of`).
    pub scope: Scope,
    /// Index of the draft it is a part of.
    pub part_of: Option<usize>,
    /// The time that dates it, when its clause states one: the time's value and its mention.
    pub time: Option<(crate::mentions::TimeValue, &'a Mention)>,
    /// Context lemmas of its clause.
    pub context: Words,
}

/// One sentence's tokens and mentions, for reading its figures.
pub(crate) struct SentenceFacts<'a> {
    /// The document's text (tokens are spans of it).
    pub(super) source: &'a str,
    pub(super) toks: &'a Tokens,
    pub(super) lx: &'static Lexicon,
    /// Mentions of the sentence, in text order, with their token ranges.
    pub(super) mentions: Vec<(&'a Mention, usize, usize)>,
    /// Index into `mentions` of the mention covering each token.
    pub(super) mention_of: Vec<Option<usize>>,
    /// True for tokens inside a name (a person, place or organization): never an attribute word.
    pub(super) named: Vec<bool>,
    /// The report's date: a date of another year dates another occurrence.
    pub(super) publication: Option<chrono::NaiveDate>,
    /// Each token's lemma, flags and clause, shared by every reader of the sentence.
    pub(super) words: &'a TokenWords,
    /// Whether each token is a content word.
    content: Vec<bool>,
    /// The sentence's words and each token's index in them, once asked for.
    pub(super) sentence_words: std::sync::OnceLock<WordIds>,
}

impl<'a> SentenceFacts<'a> {
    /// Prepares a sentence: `mentions` are the sentence's mentions in text order.
    pub fn new(
        source: &'a str,
        sentence: &'a crate::PreparedSentence,
        mentions: &[&'a Mention],
        names: &[isnad_parser::Span],
        publication: Option<chrono::NaiveDate>,
    ) -> SentenceFacts<'a> {
        let lx = Lexicon::get();
        let toks = &sentence.tokens;
        let words = sentence.token_words();
        let n = toks.len();
        let mut mention_of = vec![None; n];
        let mut with_tokens = Vec::with_capacity(mentions.len());
        for &m in mentions {
            let first = toks.pieces.partition_point(|t| t.span().end <= m.span.start);
            let mut last = first;
            while last + 1 < n && toks.pieces[last + 1].span().start < m.span.end {
                last += 1;
            }
            if first >= n {
                continue;
            }
            let index = with_tokens.len();
            for slot in &mut mention_of[first..=last] {
                *slot = Some(index);
            }
            with_tokens.push((m, first, last));
        }
        // Names and tokens are both in text order: one walk marks the tokens inside a name.
        let mut named = vec![false; n];
        let mut next_name = 0;
        for (i, p) in toks.pieces.iter().enumerate() {
            while next_name < names.len() && names[next_name].end <= p.span().start {
                next_name += 1;
            }
            named[i] = names[next_name..]
                .iter()
                .take_while(|s| s.start <= p.span().start)
                .any(|s| s.contains(p.span()));
        }
        let mut facts = SentenceFacts {
            source,
            toks,
            lx,
            mentions: with_tokens,
            mention_of,
            named,
            publication,
            words,
            content: Vec::new(),
            sentence_words: std::sync::OnceLock::new(),
        };
        facts.content = (0..n).map(|i| facts.compute_content(i)).collect();
        facts
    }

    pub(super) fn key(&self, i: usize) -> &str {
        self.toks.key(i)
    }

    /// True when token `i` may start a phrase of the lexicon (most start none).
    fn may_start(&self, i: usize) -> bool {
        self.words.flags[i].has(WordFlags::PHRASE_FIRST)
    }

    pub(super) fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.pieces.get(i).map(|p| p.kind)
    }

    pub(super) fn n(&self) -> usize {
        self.toks.len()
    }

    pub(super) fn is_arabic(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Arabic)
    }

    pub(super) fn is_numeric_mention(&self, i: usize) -> bool {
        self.mention_of[i].is_some_and(|m| {
            matches!(
                self.mentions[m].0.value,
                MentionValue::Number(_) | MentionValue::Quantity(_) | MentionValue::Duration(_)
            )
        })
    }

    pub(super) fn is_time_mention(&self, i: usize) -> bool {
        self.mention_of[i].is_some_and(|m| self.mentions[m].0.value.time().is_some())
    }

    /// A content word: Arabic, not a function or linking word, not part of a figure or a time.
    pub(super) fn is_content(&self, i: usize) -> bool {
        self.content.get(i).copied().unwrap_or(false)
    }

    fn compute_content(&self, i: usize) -> bool {
        self.mention_of[i].is_none() && self.words.may_be_content(self.toks, i)
    }

    /// The light lemma of token `i`: as written when the lexicon knows it so ("فائدة"), else with
    /// a glued conjunction or preposition off ("بتبديد" → تبديد).
    pub(super) fn lemma(&self, i: usize) -> &'a str {
        self.words.lemma(self.toks, i)
    }

    /// The words that say what a length of time after (or before) a moment times: its clause,
    /// and when the length opens its clause, the clause its event is named in — the one before
    /// ("لتهبط عند الساعة 07:52، أي بعد 42 دقيقة من إقلاعها") or, at the sentence's start, the
    /// one after ("بعد 56 ساعة من الاشتعال، خمدت النيران").
    fn interval_context(&self, first: usize, clause: (usize, usize)) -> (usize, usize) {
        let opens = (clause.0..first.saturating_sub(1)).all(|i| !self.is_content(i));
        if !opens {
            clause
        } else if let Some(before) = (0..clause.0).rev().find(|&i| self.is_content(i)) {
            (self.words.clause_start[before], clause.1)
        } else if let Some(next) = (clause.1..self.n()).find(|&i| self.is_content(i)) {
            (clause.0, self.words.clause_end[next])
        } else {
            clause
        }
    }

    /// The clause `[start, end)` of token `i`.
    pub fn clause_of(&self, i: usize) -> (usize, usize) {
        (self.words.clause_start[i], self.words.clause_end[i])
    }

    /// The light lemma of token `i` when it is a content word.
    pub fn content_lemma(&self, i: usize) -> Option<&str> {
        self.is_content(i).then(|| self.lemma(i))
    }

    /// Reads every figure of the sentence.
    pub fn read(&self) -> Vec<Draft<'a>> {
        let mut drafts: Vec<Draft<'a>> = Vec::new();
        // Facts of one clause share its context words.
        let mut contexts: Vec<((usize, usize), Words)> = Vec::new();
        for (index, &(mention, first, last)) in self.mentions.iter().enumerate() {
            let Some(value) = self.value_of(mention, first, last) else {
                continue;
            };
            let Some(attribute) = self.attribute(index, &value, first, last) else {
                continue;
            };
            let is_date = value.unit.as_deref() == Some("date");
            let interval = matches!(attribute.class, Some("time_after" | "time_before"));
            // "ليرتفع العدد إلى 640 منذ تسجيل أول حالة الخميس الماضي": a date closing a "since"
            // window dates the event the window names, not the clause's figure.
            let since = is_date.then(|| self.since_at(first)).flatten();
            let clause = (
                since.unwrap_or(self.words.clause_start[first]),
                self.words.clause_end[last],
            );
            // An age holds when it is reported: the year in its clause is the birth's or the build's.
            // A place in a series takes its clause's date: a second hearing on another day is
            // another hearing.
            let time = if attribute.class == Some("age") || value.unit.as_deref() == Some("date") {
                None
            } else {
                self.time_of(first, clause)
                    .or_else(|| self.time_of_coordinated(clause, attribute.evolving))
            };
            // "ارتفاع الأمواج": a measure head is no rise, though the word is one.
            let head = attribute
                .head
                .as_ref()
                .and_then(|h| self.toks.pieces.iter().position(|p| p.span() == h.span));
            let scope = Scope {
                rise: (clause.0..first)
                    .filter(|&i| Some(i) != head)
                    .any(|i| self.may_start(i) && self.lx.rise.at(&|k| self.key(k), i, self.n()).is_some()),
                // "منذ انطلاق أولى جولاتها يوم الاثنين": the date a window starts at is no
                // figure so far; it dates the event that starts the window.
                so_far: since.is_none() && self.phrase_in(&self.lx.so_far, clause.0, clause.1),
                earlier: self.phrase_in(&self.lx.earlier, clause.0, clause.1),
                // "35% من العقد" is a share (its attribute says so), not a part of a set.
                // "ساعتين من موعد": an interval's «من» names its moment, not a set.
                partitive: value.unit.as_deref() != Some("percent")
                    && !interval
                    && self.partitive(first, last),
                saying: value.unit.as_deref() == Some("date") && self.dates_saying(last, clause),
                window_start: since.is_some(),
                day_part: value
                    .time
                    .as_ref()
                    .filter(|t| t.grain == crate::mentions::Grain::Day)
                    .and_then(|_| self.lx.day_part(self.key(first)))
                    .and_then(|(from, to)| Some((u8::try_from(from).ok()?, u8::try_from(to).ok()?))),
                past_weekday: value.time.as_ref().is_some_and(|t| t.weekday.is_some())
                    && self.lx.past_named.contains(self.key(last)),
                ..Scope::default()
            };
            drafts.push(Draft {
                mention,
                first,
                last,
                value,
                attribute,
                clause,
                scope,
                part_of: None,
                time,
                context: {
                    let span = if is_date && since.is_none() {
                        (
                            self.date_context_start(clause, first),
                            self.date_context_end(last, clause.1),
                        )
                    } else {
                        clause
                    };
                    let span = if interval {
                        self.interval_context(first, clause)
                    } else {
                        span
                    };
                    match contexts.iter().find(|(c, _)| *c == span) {
                        Some((_, words)) => std::sync::Arc::clone(words),
                        None => {
                            let mut words = self.context(span.0, span.1);
                            if is_date {
                                words = self.with_linking_verbs(words, span);
                            }
                            contexts.push((span, std::sync::Arc::clone(&words)));
                            words
                        }
                    }
                },
            });
        }
        self.inherit(&mut drafts);
        self.versus(&mut drafts);
        self.windowed(&mut drafts);
        self.mark_from_to(&mut drafts);
        self.parts(&mut drafts);
        drafts
    }

    /// True when a phrase of `phrases` starts at a token in `[from, to)`.
    fn phrase_in(&self, phrases: &crate::facts::lexicon::Phrases, from: usize, to: usize) -> bool {
        let key = |i: usize| self.key(i);
        (from..to.min(self.n())).any(|i| self.may_start(i) && phrases.at(&key, i, self.n()).is_some())
    }

    /// The phrase of `phrases` that ends right before token `at` (skipping a comma), if any: its
    /// first token.
    pub(super) fn phrase_before(&self, phrases: &crate::facts::lexicon::Phrases, at: usize) -> Option<usize> {
        let key = |i: usize| self.key(i);
        let mut end = at;
        if end > 0 && matches!(self.key(end - 1), "،" | ",") {
            end -= 1;
        }
        phrases.ending_at(&key, end).map(|len| end - len)
    }
}
