//! Statements: what a source says or denies as open content, whatever it is about. A reporting
//! verb's complement ("قال X إن …"، "حذرت X من أن …") is asserted by its speaker; a denial's
//! complement ("نفى X أن …"، "نفت X ما ذكره Y عن …"، "نفت X وجود أي دليل على …") is denied by
//! its agent. The content ends where the sentence goes on to another clause of the speaker
//! ("، مؤكداً أن …") or to another speaker.

use super::attribution::{Frame, Outer, in_speech_parenthesis, source_np, subject_before_qad};
use super::lexicon::{Lexicon, What};
use super::roles::Filler;
use super::types::{ClaimLocation, Source, SourceKind, Stance, Statement};
use super::view::{View, Words};
use super::{DocContext, source_of};
use crate::grammar::grammar;
use crate::mentions::MentionValue;
use isnad_parser::TokenKind;
use std::sync::Arc;

/// Fewest content words a statement needs: less aligns with anything.
const MIN_KEYS: usize = 2;

/// How far after a denial's subject its complement may start ("نفت الوزارة في بيان رسمي أن …").
const COMPLEMENT_REACH: usize = 10;

/// A negation this close to the start of a reported content makes the speaker deny it ("قال
/// إن الوزارة لم تكن على علم").
const NEGATION_REACH: usize = 4;

/// How far after a participle of speech its complementizer may stand ("مؤكداً في تصريح لإذاعة
/// محلية أن …").
const PARTICIPLE_REACH: usize = 6;

/// How far a negation may stand after a content's subject when every word before it is part of
/// that subject ("إن إدارة النادي ولجنتها المنظمة لم تصدر …").
const SUBJECT_NEGATION_REACH: usize = 8;

/// Most words before a headline's colon that name who speaks ("وزير الخارجية الروسي: …").
const HEADLINE_SPEAKER_WORDS: usize = 8;

/// Days before its report a content's time must end to be another time than the report's.
const OTHER_TIME_DAYS: i64 = 45;

/// Longest run of unknown words read as a denier's name.
const MAX_BARE_NAME_WORDS: usize = 3;

/// A denial verb of the sentence: its first and last token and its agent.
pub(super) struct DenialVerb<'f> {
    pub tok: usize,
    pub last_tok: usize,
    pub agent: Option<&'f Filler>,
}

/// One sentence's words and reading frames, for its statements.
pub(super) struct Said<'s, 'a> {
    pub ctx: &'s DocContext<'a>,
    pub words: Words<'a>,
    pub frames: &'s [Frame],
    pub outers: &'s [Outer],
    pub location: ClaimLocation,
}

impl Said<'_, '_> {
    /// Appends the sentence's statements: one per reporting frame with content, one per denial.
    pub fn read(&self, view: &View, denials: &[DenialVerb<'_>], out: &mut Vec<Statement>) {
        self.read_frames(view, out);
        for denial in denials {
            self.read_denial(view, denial, out);
        }
    }

    /// What each reporting verb says: its complement, in its speaker's voice.
    fn read_frames(&self, view: &View, out: &mut Vec<Statement>) {
        let lx = Lexicon::get();
        for frame in self.frames {
            if frame.from >= frame.to || self.negated_at(frame.tok) {
                continue;
            }
            let opener = view.key(frame.from);
            let start = if lx.complementizers.contains(opener) || view.is_punct(frame.from) {
                frame.from + 1
            } else {
                frame.from
            };
            let mut chain: Vec<Source> = frame.inner.clone();
            chain.extend(frame.source.iter().cloned());
            self.push_complements(view, frame.tok, start, frame.to, &chain, out);
        }
    }

    /// Pushes the complement starting at `start` (before `limit`) and each further one of the
    /// same speaker ("، مضيفاً أن …"، "، وأن …"), in the speaker's voice, asserted or negated.
    fn push_complements(
        &self,
        view: &View,
        verb: usize,
        mut start: usize,
        limit: usize,
        chain: &[Source],
        out: &mut Vec<Statement>,
    ) {
        loop {
            let end = self.content_end(view, start, limit);
            let stance = if self.stance_negated(start, end) {
                Stance::Negates
            } else {
                Stance::Asserts
            };
            self.push(verb, verb, (start, end), stance, chain.to_vec(), None, out);
            match self.next_complement(end, limit) {
                Some((next, _)) if next > start => start = next,
                _ => return,
            }
        }
    }

    /// What a denial verb denies: its complement after its subject, within its own clause.
    fn read_denial(&self, view: &View, denial: &DenialVerb<'_>, out: &mut Vec<Statement>) {
        let lx = Lexicon::get();
        if self.negated_at(denial.tok) {
            return;
        }
        // "البلدية تنفي افتتاح …": with its subject written before it, the words after the verb
        // are what is denied, not who denies.
        let subject_first = self
            .subject_words_before(view, denial.tok)
            .or_else(|| subject_before_qad(view, denial.tok));
        let agent_end = denial
            .agent
            .filter(|a| subject_first.is_none() && a.span.start > view.toks[denial.tok].span().start)
            .map(|a| view.toks.partition_point(|t| t.span().start < a.span.end));
        let mut start = agent_end.unwrap_or(denial.last_tok + 1).max(denial.last_tok + 1);
        // The complement is looked for within the denial's own clause ("نفت X وجود أي تزوير،
        // مؤكدة أن …": what follows مؤكدة is asserted, not denied).
        // An apposition after the denier ("ونفى X، مدير …، في حديث لإذاعة، أن …") puts the
        // complement further away.
        let apposition = start < view.toks.len() && view.is_punct(start);
        let reach_words = if apposition {
            2 * COMPLEMENT_REACH
        } else {
            COMPLEMENT_REACH
        };
        let reach = (start + reach_words).min(self.content_end(view, start, view.toks.len()));
        let mut answers = None;
        let mut answers_at = None;
        if let Some(ma) = (start..reach).find(|&i| {
            grammar().is_free_relative(view.key(i)) && lx.answered_reports.contains(view.key(i + 1))
        }) {
            // "ما ذكره النائب X عن ممارسة ضغوط": the MP's report, about what follows عن.
            let about = (ma + 2..(ma + 2 + COMPLEMENT_REACH).min(view.toks.len()))
                .find(|&i| lx.about.contains(view.key(i)));
            let reporter_end = about.unwrap_or(view.toks.len());
            answers = view
                .toks
                .get(ma + 2)
                .and_then(|t| source_np(view, ma + 2, t.span().start, reporter_end))
                .or_else(|| self.bare_name(ma + 2, reporter_end, MAX_BARE_NAME_WORDS));
            answers_at = Some(ma);
            start = about.map_or(ma + 2, |a| a + 1);
        } else if let Some(c) = (start..reach).find(|&i| lx.complementizers.contains(view.key(i))) {
            answers_at = Some(c);
            start = c + 1;
        } else if apposition
            && let Some(close) = (start + 1..reach).find(|&i| matches!(view.key(i), "،" | ","))
        {
            // "نفى X، الأمين العام للنقابة، وجود أي عمل تخريبي": the apposition says who he is.
            start = close + 1;
        }
        let end = self.content_end(view, start, view.toks.len());
        // "ونفى الدباغ ما …": a name no entity reader knows is still who denies.
        // The subject ends before the verb, or before قد ("وكانت الوزارة قد نفت").
        let subject_end = if qad_before(view, denial.tok) {
            denial.tok - 1
        } else {
            denial.tok
        };
        let subject = subject_first.and_then(|first| {
            source_np(view, first, view.toks[first].span().start, subject_end)
                .or_else(|| self.bare_name(first, subject_end, MAX_BARE_NAME_WORDS))
        });
        let denier = subject
            .or_else(|| denial.agent.map(|a| source_of(view, a)))
            .or_else(|| {
                let next = denial.last_tok + 1;
                let limit = answers_at.unwrap_or(start).min(view.toks.len());
                // "نفت إدارة المستشفى في بيان أن …": where it denied is no part of who.
                let medium = (next + 1..limit)
                    .find(|&i| lx.prepositions.contains(view.key(i)))
                    .unwrap_or(limit);
                view.toks.get(next).and_then(|t| {
                    source_np(view, next, t.span().start, limit)
                        .or_else(|| source_np(view, next, t.span().start, medium))
                        .or_else(|| self.bare_name(next, medium, MAX_BARE_NAME_WORDS))
                })
            })
            .map(|s| self.trimmed(s));
        let chain: Vec<Source> = denier.into_iter().collect();
        self.push(
            denial.tok,
            denial.last_tok,
            (start, end),
            Stance::Denies,
            chain.clone(),
            answers,
            out,
        );
        // "، وأن …" denies more; "، مؤكداً أن …" says what the denier holds instead.
        let mut end = end;
        while let Some((next, by_participle)) = self.next_complement(end, view.toks.len()) {
            if by_participle {
                self.push_complements(view, denial.tok, next, view.toks.len(), &chain, out);
                return;
            }
            end = self.content_end(view, next, view.toks.len());
            self.push(
                denial.tok,
                denial.last_tok,
                (next, end),
                Stance::Denies,
                chain.clone(),
                None,
                out,
            );
        }
    }

    /// Where the subject written before a verb starts ("البلدية تنفي …"، "أن الشركة تنفي …"):
    /// a run of at most a few content words from the sentence's start, a comma or a
    /// complementizer up to the verb.
    fn subject_words_before(&self, view: &View, tok: usize) -> Option<usize> {
        /// Most words of a subject before its verb.
        const SUBJECT_WORDS: usize = 5;
        let lx = Lexicon::get();
        // "فقد نفى X": the particle before the verb is no subject.
        let tok = if qad_before(view, tok) { tok - 1 } else { tok };
        let mut first = tok;
        while first > 0 && tok - first <= SUBJECT_WORDS {
            let k = view.key(first - 1);
            if view.is_punct(first - 1) || lx.complementizers.contains(k) {
                break;
            }
            let function = lx.stops.contains(k)
                || lx.adverbs.contains(k)
                || lx.prepositions.contains(k)
                || view.is_time_token(first - 1)
                || view.toks[first - 1].kind != TokenKind::Arabic;
            if function {
                return None;
            }
            first -= 1;
        }
        (first < tok && tok - first <= SUBJECT_WORDS).then_some(first)
    }

    /// A headline or lead with no reporting verb or denial states its content itself: "X: …" in
    /// X's voice (the words before a colon near its start), anything else in the outlet's.
    pub fn read_own_voice(&self, out: &mut Vec<Statement>) {
        let words = &self.words;
        let n = words.toks.len();
        // "بعد عاصفة الأحد: …" says when: a preposition or a word of time opens no speaker's name.
        let grammar = crate::grammar::grammar();
        let opens_a_name = {
            let first = crate::grammar::without_wa(words.key(0));
            !crate::lexical::lexicon::Lexicon::get()
                .prepositions
                .contains(first)
                && !grammar.is_relative_time(first)
        };
        let colon = (1..n.min(HEADLINE_SPEAKER_WORDS + 1))
            .find(|&i| words.key(i) == ":")
            .filter(|_| opens_a_name);
        let (start, chain) = match colon {
            Some(c) => (
                c + 1,
                self.bare_name(0, c, HEADLINE_SPEAKER_WORDS).into_iter().collect(),
            ),
            None => (0, Vec::new()),
        };
        // "هل أغلقت البلدية السوق؟" asks, and asserts nothing (a question with لماذا or ما سر
        // still takes what it asks about as given).
        if words.key(start).trim_start_matches(['و', 'ف']) == "هل" {
            return;
        }
        let stance = if self.stance_negated(start, n) {
            Stance::Negates
        } else {
            Stance::Asserts
        };
        let verb = colon.unwrap_or(0);
        self.push(verb, verb, (start, n), stance, chain, None, out);
    }

    /// True when a negation of what is said stands near the start of a content: "بريطانيا غير
    /// مسؤولة"، "إن الوزارة لم تعلم" (not "لا يزال"، "لم يتجاوز 61%"، "غير مسبوق", and not "دون"،
    /// which negates a circumstance, not what is said).
    fn stance_negated(&self, start: usize, end: usize) -> bool {
        let view = &self.words;
        let lx = Lexicon::get();
        // «إن «…»»: a quotation mark opens what is said, it is no word of it.
        let start = (start..end).find(|&i| !view.is_punct(i)).unwrap_or(end);
        // How many of the first words make a subject: with them the negation may stand further.
        let subject = (start..end.min(start + SUBJECT_NEGATION_REACH))
            .take_while(|&i| self.subject_word(i))
            .count();
        (start..end.min(start + NEGATION_REACH.max(subject + 1))).any(|i| {
            let k = view.key(i);
            let bare = k.trim_start_matches(['و', 'ف']);
            // "ارفعوا المعاش وليس سن المعاش": a joined negation after the start contrasts, it
            // does not deny what is said.
            let contrastive = i > start && bare.len() < k.len();
            !contrastive
                && lx.stance_negation.contains(bare)
                && lx
                    .not_negations
                    .at(&|j| view.key(j), i, view.toks.len())
                    .is_none()
                && !view.toks.get(i + 1).is_some_and(|t| t.kind == TokenKind::Number)
        })
    }

    /// True when word `i` is a complementizer joined by «و» ("، وأن …"): another complement of
    /// the same verb.
    fn joined_complementizer(&self, i: usize) -> bool {
        let lx = Lexicon::get();
        self.words
            .key(i)
            .strip_prefix('و')
            .is_some_and(|rest| lx.complementizers.contains(rest))
    }

    /// Where the next complement of the same speaker starts after a content that ended at
    /// `end` (before `limit`): after «، وأن» (another complement of the same verb, `false`) or
    /// after a participle of speech and its complementizer ("، مضيفاً أن …", `true`).
    fn next_complement(&self, end: usize, limit: usize) -> Option<(usize, bool)> {
        let view = &self.words;
        let lx = Lexicon::get();
        let limit = limit.min(view.toks.len());
        if end >= limit {
            return None;
        }
        if self.joined_complementizer(end) {
            return Some((end + 1, false));
        }
        let k = view.key(end);
        let participle =
            lx.content_ends.contains(k) || k.strip_prefix('و').is_some_and(|r| lx.content_ends.contains(r));
        // "مؤكداً في تصريح أن …": the complementizer may come a few words after it.
        let opener = (end + 1..limit.min(end + 1 + PARTICIPLE_REACH))
            .find(|&i| lx.complementizers.contains(view.key(i)) || view.is_punct(i))
            .filter(|&i| !view.is_punct(i));
        participle.then_some(opener).flatten().map(|o| (o + 1, true))
    }

    /// True when word `i` may be part of a subject before its predicate: a noun with the article
    /// («الوزارة»، «والنقابة»), «أي» and the noun after it, a noun in construct with an article
    /// noun («إدارة النادي»), a preposition before an article noun («من الوزارة») or a noun joined
    /// by «و» with a possessive («ولجنتها»).
    fn subject_word(&self, i: usize) -> bool {
        let view = &self.words;
        let lx = Lexicon::get();
        let any = |k: &str| k == "اي";
        let k = view.key(i);
        let article = |k: &str| k.starts_with("ال") || k.starts_with("وال");
        let preposition = lx.prepositions.contains(k);
        if view.toks[i].kind != TokenKind::Arabic || (lx.stops.contains(k) && !any(k) && !preposition) {
            return false;
        }
        let next_article =
            view.toks.get(i + 1).is_some_and(|t| t.kind == TokenKind::Arabic) && article(view.key(i + 1));
        article(k)
            || any(k)
            || i.checked_sub(1).is_some_and(|p| any(view.key(p)))
            || next_article
            || (k.starts_with('و')
                && ["ها", "ه", "هم"].iter().any(|p| k.ends_with(p))
                && k.chars().count() >= 5)
    }

    /// Where a content starting at `start` ends (before `limit`): at another speaker's verb, a
    /// denial, or a participle that starts another clause of the same speaker.
    fn content_end(&self, view: &View, start: usize, limit: usize) -> usize {
        let lx = Lexicon::get();
        let limit = limit.min(view.toks.len());
        // Cues are in text order: the first speech verb after the start ends the content.
        // "أن تكون التحقيقات قد كشفت أي دليل": after a subjunctive copula, the verb after قد is
        // what the content says, not another speaker.
        let grammar = grammar();
        let subjunctive = start < view.toks.len() && grammar.is_subjunctive_copula(view.key(start));
        let own_verb =
            |tok: usize| subjunctive && tok > start + 1 && grammar.is_perfect_particle(view.key(tok - 1));
        let verb = view
            .cues
            .iter()
            .find(|c| {
                // The content's own first word ends nothing ("أن كشف الركاب يتضمن …": a noun).
                c.tok > start
                    && matches!(c.hit.what, What::Reporting | What::Denial)
                    && !own_verb(c.tok)
                    && !in_speech_parenthesis(view, c.tok)
            })
            .map_or(limit, |c| c.tok.min(limit));
        let breaks = &crate::lexical::lexicon::Lexicon::get().clause_breaks;
        (start..verb)
            .find(|&i| {
                let k = view.key(i);
                lx.content_ends.contains(k)
                    || k.strip_prefix('و').is_some_and(|r| lx.content_ends.contains(r))
                    || (i > start && breaks.at(&|j| view.key(j), i, view.toks.len()).is_some())
                    || (i > start && view.is_punct(i - 1) && self.joined_complementizer(i))
            })
            .unwrap_or(verb)
    }

    /// A short run of words (at most `most`) that no reader knows as a name: who denies ("ونفى
    /// الدباغ ما …"), whose report is answered, who speaks before a headline's colon.
    fn bare_name(&self, first: usize, limit: usize, most: usize) -> Option<Source> {
        let view = &self.words;
        let words = limit.checked_sub(first).filter(|n| (1..=most).contains(n))?;
        if (first..limit).any(|i| view.toks[i].kind != TokenKind::Arabic) {
            return None;
        }
        let span = view.tok_span(first, limit - 1);
        Some(Source {
            name: view.text(span).to_string(),
            entity: None,
            kind: if words <= 2 {
                SourceKind::Person
            } else {
                SourceKind::Institution
            },
            span: Some(span),
        })
    }

    /// A denier's name without the words of the denied content a greedy reading ran into ("هيئة
    /// المواصفات والمقاييس وجود أي").
    fn trimmed(&self, source: Source) -> Source {
        let view = &self.words;
        let lx = Lexicon::get();
        let Some(span) = source.span else {
            return source;
        };
        let first = view.toks.partition_point(|t| t.span().end <= span.start);
        let last = view.toks.partition_point(|t| t.span().start < span.end);
        let cut = (first + 1..last).find(|&i| lx.content_wrappers.contains(view.key(i)));
        match cut {
            Some(c) => {
                let span = view.tok_span(first, c - 1);
                Source {
                    name: view.text(span).to_string(),
                    span: Some(span),
                    ..source
                }
            }
            None => source,
        }
    }

    /// True when a content states a time well before its report: a date, or a bare year after
    /// a word ("منذ اتفاق 2019").
    fn other_time(&self, span: isnad_parser::Span) -> bool {
        use chrono::Datelike;
        let Some(published) = self.ctx.document.reference_date() else {
            return false;
        };
        let long_before = |end: chrono::NaiveDate| (published - end).num_days() > OTHER_TIME_DAYS;
        self.words
            .mentions
            .iter()
            .filter(|m| span.contains(m.span))
            .any(|m| {
                // "معطلة منذ خمسة أشهر": a state since a time lasts up to the report.
                if self.opened_by_since(m.span) {
                    return false;
                }
                if let Some(t) = m.value.time() {
                    return !matches!(m.value, MentionValue::Duration(_))
                        && t.day_range().is_some_and(|(_, end)| long_before(end));
                }
                match &m.value {
                    MentionValue::Number(n) => n
                        .value
                        .filter(|v| v.fract() == 0.0 && (1900.0..2100.0).contains(v))
                        .is_some_and(|year| (year as i32) < published.year()),
                    _ => false,
                }
            })
    }

    /// True when the time mention at `span` starts a window with «منذ», in it or right before it.
    fn opened_by_since(&self, span: isnad_parser::Span) -> bool {
        let view = &self.words;
        let first = view.toks.partition_point(|t| t.span().end <= span.start);
        let grammar = grammar();
        let since = |i: usize| grammar.is_since(crate::grammar::without_wa(view.key(i)));
        (first < view.toks.len() && since(first)) || first.checked_sub(1).is_some_and(since)
    }

    fn is_negation(&self, i: usize) -> bool {
        Lexicon::get().is_negation(self.words.key(i))
    }

    /// True when the verb at `tok` is itself negated ("لم يؤكد"، "لم ينف"): nothing is said.
    fn negated_at(&self, tok: usize) -> bool {
        tok.checked_sub(1).is_some_and(|p| self.is_negation(p))
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &self,
        verb_first: usize,
        verb_last: usize,
        (start, end): (usize, usize),
        stance: Stance,
        mut chain: Vec<Source>,
        answers: Option<Source>,
        out: &mut Vec<Statement>,
    ) {
        let view = &self.words;
        // Trailing punctuation is no part of what is said.
        let mut last = end;
        while last > start && view.is_punct(last - 1) {
            last -= 1;
        }
        if last <= start {
            return;
        }
        let keys = content_keys(view, start, last);
        if keys.len() < MIN_KEYS {
            return;
        }
        // The first content word after each negation ("لا دليل على بيع" negates بيع، "دون وقوع
        // قتلى" قتل), not a bound ("دون 1300 دولار") nor a phrase that negates nothing.
        let lx = Lexicon::get();
        let negated = (start..last)
            .filter(|&i| {
                self.is_negation(i)
                    && view.toks.get(i + 1).is_none_or(|t| t.kind != TokenKind::Number)
                    && lx
                        .not_negations
                        .at(&|j| view.key(j), i, view.toks.len())
                        .is_none()
            })
            .filter_map(|i| {
                // Past the words a negation reaches its object across ("دون وقوع ضحايا").
                let object = (i + 1..last).find(|&j| !lx.negation_bridges.contains(view.key(j)))?;
                first_content_root(view, object, last)
            })
            .collect();
        for outer in self.outers {
            chain.extend(outer.source.iter().cloned());
        }
        chain.dedup_by(|b, a| a.span == b.span && a.name == b.name);
        let speaker_keys = chain
            .iter()
            .find(|s| s.kind != SourceKind::Outlet)
            .and_then(|s| s.span)
            .map(|name| {
                let first = view.toks.partition_point(|t| t.span().end <= name.start);
                let end = view.toks.partition_point(|t| t.span().start < name.end);
                content_keys(view, first, end)
            })
            .unwrap_or_default();
        let span = view.tok_span(start, last - 1);
        out.push(Statement {
            id: String::new(),
            doc: self.ctx.document.id.clone(),
            span,
            text: view.text(span).into(),
            verb: view.tok_span(verb_first, verb_last),
            stance,
            attribution: self.ctx.chain(chain),
            answers,
            keys,
            negated,
            speaker_keys,
            other_time: self.other_time(span),
            location: self.location,
        });
    }
}

/// True when the word before token `tok` is the particle قد of the perfect, with a conjunction
/// or the emphatic لـ on it or not ("قد"، "وقد"، "فقد"، "لقد").
fn qad_before(view: &View, tok: usize) -> bool {
    tok.checked_sub(1).is_some_and(|q| {
        let key = view.key(q);
        grammar().is_perfect_particle(key.strip_prefix(['و', 'ف', 'ل']).unwrap_or(key))
    })
}

/// The root keys of the content words of tokens `[start, end)`, each once, in text order.
fn content_keys(view: &Words, start: usize, end: usize) -> Vec<Arc<str>> {
    let mut keys: Vec<Arc<str>> = Vec::new();
    // The roots of one call are the table's shared strings: a repeat is the same pointer.
    content_roots(view, start, end, |root| {
        if !keys.iter().any(|k| Arc::ptr_eq(k, root)) {
            keys.push(Arc::clone(root));
        }
        true
    });
    keys
}

/// The first content root of tokens `[start, end)`.
fn first_content_root(view: &Words, start: usize, end: usize) -> Option<Arc<str>> {
    let mut first = None;
    content_roots(view, start, end, |root| {
        first = Some(Arc::clone(root));
        false
    });
    first
}

/// Hands `each` the root key of each content word of tokens `[start, end)` in text order, while
/// it returns true: Arabic words that are no function word, negation or wrapper of a denial's
/// content (the word table memoizes each word's).
fn content_roots(view: &Words, start: usize, end: usize, mut each: impl FnMut(&Arc<str>) -> bool) {
    let not_content = &Lexicon::get().not_content;
    let is_content = |key: &str| key.chars().nth(1).is_some() && !not_content.contains(key);
    view.prepared().with_words(|table, ids| {
        for (i, (token, &id)) in view.toks.iter().zip(ids).enumerate().take(end).skip(start) {
            if token.kind != TokenKind::Arabic {
                continue;
            }
            if let Some(root) = table.content_root(id, view.key(i), is_content)
                && !each(root)
            {
                return;
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use crate::claims::{SourceKind, Stance, Statement};

    /// The statements of a one-article story (a headline line, then the body), published on
    /// 12 June 2025.
    fn statements(text: &str) -> Vec<Statement> {
        crate::test_support::analyze_article(text).statements
    }

    fn speaker(s: &Statement) -> Option<&str> {
        s.attribution
            .iter()
            .find(|a| a.kind != SourceKind::Outlet)
            .map(|a| a.name.as_str())
    }

    fn with_text<'s>(all: &'s [Statement], text: &str) -> &'s Statement {
        all.iter().find(|s| &*s.text == text).unwrap_or_else(|| {
            panic!(
                "no statement «{text}» in {:#?}",
                all.iter().map(|s| &s.text).collect::<Vec<_>>()
            )
        })
    }

    #[test]
    fn the_particle_before_a_denial_verb_is_not_who_denies() {
        for particle in ["فقد", "وقد", "لقد"] {
            let all = statements(&format!(
                "عنوان\nانقطعت المياه عن الحي ثلاثة أيام. {particle} نفت المتحدثة باسم البلدية، هالة يونس، أن تكون الفرق قد تلقت أي بلاغ عن التسرب.\n"
            ));
            let denied = all
                .iter()
                .find(|s| s.stance == Stance::Denies)
                .unwrap_or_else(|| panic!("{particle}: no denial in {all:#?}"));
            let who = speaker(denied).unwrap_or_default();
            assert!(
                who.contains("المتحدثة") && !who.contains(particle),
                "{particle}: {who}"
            );
        }
    }

    #[test]
    fn a_reporting_verb_asserts_its_complement_up_to_the_next_clause_of_the_speaker() {
        let all = statements(
            "عنوان\nوقال المتحدث باسم الشركة، سامي النجار، إن المحطة توقفت عن الضخ بسبب عطل كهربائي، مشيراً إلى أن الإصلاح يستغرق يومين.\n",
        );
        let said = with_text(&all, "المحطة توقفت عن الضخ بسبب عطل كهربائي");
        assert_eq!(said.stance, Stance::Asserts);
        assert!(speaker(said).is_some_and(|s| s.contains("المتحدث")), "{said:?}");
        assert_eq!(*said.keys[0], crate::lexical::lemma::root_key("المحطة"));
    }

    #[test]
    fn a_root_is_one_key_of_a_content_however_often_its_words_come() {
        let all = statements("عنوان\nوقال المدير إن المحطة الجديدة أكبر محطة في البلاد ومحطتها الأولى.\n");
        let said = with_text(&all, "المحطة الجديدة أكبر محطة في البلاد ومحطتها الأولى");
        let root = crate::lexical::lemma::root_key("المحطة");
        assert_eq!(
            said.keys.iter().filter(|k| ***k == *root).count(),
            1,
            "{:?}",
            said.keys
        );
        let mut distinct = said.keys.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), said.keys.len(), "{:?}", said.keys);
    }

    #[test]
    fn a_denial_of_someone_elses_report_denies_what_the_report_was_about() {
        let all = statements(
            "عنوان\nونفى مدير النادي ما تداولته صحف محلية عن بيع اللاعب إلى ناد أجنبي، مؤكداً أن العقد ساري المفعول.\n",
        );
        let denied = with_text(&all, "بيع اللاعب إلى ناد أجنبي");
        assert_eq!(denied.stance, Stance::Denies);
        assert!(
            denied.answers.as_ref().is_some_and(|a| a.name.contains("صحف")),
            "{denied:?}"
        );
        assert!(speaker(denied).is_some_and(|s| s.contains("مدير")));
        // What follows «مؤكداً» is the director's own assertion, not part of the denial.
        assert!(
            all.iter()
                .all(|s| !(s.stance == Stance::Denies && s.text.contains("العقد")))
        );
    }

    #[test]
    fn a_denied_complement_leaves_out_the_words_the_denial_wraps_it_in() {
        let all = statements("عنوان\nونفت البلدية أن تكون مياه الشرب ملوثة في الأحياء الشرقية.\n");
        let denied = with_text(&all, "تكون مياه الشرب ملوثة في الأحياء الشرقية");
        assert_eq!(denied.stance, Stance::Denies);
        let has = |word: &str| {
            denied
                .keys
                .iter()
                .any(|k| **k == crate::lexical::lemma::root_key(word))
        };
        assert!(!has("تكون"));
        assert!(has("ملوثة"));
        // A denial whose own clause says too little is no statement: the assertion after
        // «مؤكدة» is not denied.
        let all = statements("عنوان\nونفت البلدية وجود أي تلوث، مؤكدة أن الشبكة سليمة تماماً.\n");
        assert!(all.iter().all(|s| s.stance == Stance::Asserts), "{all:#?}");
    }

    #[test]
    fn a_denial_reaches_its_complement_past_the_deniers_apposition() {
        let all = statements(
            "عنوان\nونفى المهندس سامي الحداد، مدير مشروع الطريق الدائري في البلدية، في حديث لإذاعة محلية، أن تكون الشركة المنفذة قد أوقفت أعمال الحفر.\n",
        );
        let denied = with_text(&all, "تكون الشركة المنفذة قد أوقفت أعمال الحفر");
        assert_eq!(denied.stance, Stance::Denies);
        assert!(
            speaker(denied).is_some_and(|s| s.contains("الحداد")),
            "{denied:?}"
        );
    }

    #[test]
    fn a_deniers_phrase_ends_at_a_definite_noun() {
        // A noun with the article closes its phrase: «افتتاح» starts what is denied.
        for text in [
            "عنوان\nنفت البلدية افتتاح المكتبة العامة الجديدة في حي السلام.\n",
            "عنوان\nالبلدية تنفي افتتاح المكتبة العامة الجديدة في حي السلام.\n",
        ] {
            let all = statements(text);
            let denied = with_text(&all, "افتتاح المكتبة العامة الجديدة في حي السلام");
            assert_eq!(denied.stance, Stance::Denies, "{text}");
        }
    }

    #[test]
    fn words_of_time_before_a_headlines_colon_are_no_speaker() {
        // Written for this test: "after Sunday's storm: …" says when, not who.
        let all = statements("بعد عاصفة الأحد: قرى بقيت يومين بلا طرق والبلدية تعد بالإصلاح\nنص الخبر.\n");
        let said = with_text(&all, "بعد عاصفة الأحد: قرى بقيت يومين بلا طرق والبلدية تعد بالإصلاح");
        assert!(
            said.attribution.iter().all(|s| s.kind == SourceKind::Outlet),
            "{said:?}"
        );
        let all = statements("وزير النقل: الطريق الساحلي يفتح الأسبوع المقبل\nنص الخبر.\n");
        let said = with_text(&all, "الطريق الساحلي يفتح الأسبوع المقبل");
        assert!(
            speaker(said).is_some_and(|s| s.contains("وزير النقل")),
            "{said:?}"
        );
    }

    #[test]
    fn a_yes_or_no_question_asserts_nothing() {
        let all = statements("هل أغلقت البلدية السوق المركزي حقا؟\nنص الخبر.\n");
        assert!(all.iter().all(|s| !s.text.contains("السوق")), "{all:#?}");
        let all = statements("لماذا أغلقت البلدية السوق المركزي؟\nنص الخبر.\n");
        assert!(all.iter().any(|s| s.text.contains("السوق")), "{all:#?}");
    }

    #[test]
    fn a_speaker_between_kana_and_qad_says_what_follows() {
        let all = statements(
            "عنوان\nوكان المتحدث باسم الشركة سامي النجار قد أكد أن المحطة توقفت عن الضخ بسبب عطل كهربائي.\nوكانت وزارة المياه قد نفت أن تكون المحطة قد توقفت عن الضخ.\n",
        );
        let said = with_text(&all, "المحطة توقفت عن الضخ بسبب عطل كهربائي");
        assert!(speaker(said).is_some_and(|s| s.contains("المتحدث")), "{said:?}");
        let denied = with_text(&all, "تكون المحطة قد توقفت عن الضخ");
        assert_eq!(denied.stance, Stance::Denies);
        assert!(
            speaker(denied).is_some_and(|s| s.contains("وزارة المياه")),
            "{denied:?}"
        );
        // A head no list knows is still who speaks there.
        let all = statements("عنوان\nوكان مهندس الموقع قد أكد في مؤتمر صحفي أن الجسر سيفتتح في الربيع.\n");
        let said = with_text(&all, "الجسر سيفتتح في الربيع");
        assert_eq!(speaker(said), Some("مهندس الموقع"), "{said:?}");
    }

    #[test]
    fn a_negation_near_the_start_of_a_complement_says_it_is_not_so() {
        let all = statements("عنوان\nوقال المدير إن المحطة لم تتوقف عن الضخ.\n");
        assert_eq!(with_text(&all, "المحطة لم تتوقف عن الضخ").stance, Stance::Negates);
        // «لا تزال» (still) and a joined contrast («وليس») negate nothing said.
        let all = statements("عنوان\nوقال المدير إن المحطة لا تزال تضخ المياه للأحياء.\n");
        assert_eq!(
            with_text(&all, "المحطة لا تزال تضخ المياه للأحياء").stance,
            Stance::Asserts
        );
        let all = statements("عنوان\nوقال المدير إن الإصلاح يشمل المضخات وليس الأنابيب.\n");
        assert_eq!(
            with_text(&all, "الإصلاح يشمل المضخات وليس الأنابيب").stance,
            Stance::Asserts
        );
    }

    #[test]
    fn a_headline_states_its_content_in_its_speakers_voice_or_the_outlets() {
        let all = statements("البلدية: لا تلوث في مياه الشرب بالمدينة\nنص الخبر هنا دون أي تفاصيل إضافية.\n");
        let headline = with_text(&all, "لا تلوث في مياه الشرب بالمدينة");
        assert_eq!(headline.stance, Stance::Negates);
        assert_eq!(speaker(headline), Some("البلدية"));
        let all = statements("انقطاع المياه عن أحياء المدينة الشرقية\nنص الخبر هنا.\n");
        let headline = with_text(&all, "انقطاع المياه عن أحياء المدينة الشرقية");
        assert_eq!(headline.stance, Stance::Asserts);
        assert_eq!(speaker(headline), None);
    }

    #[test]
    fn a_pronoun_subject_is_not_the_last_source_named() {
        let all = statements(
            "عنوان\nوقال وزير النقل إن الاتفاق يضمن زيادة الأجور للعمال. ويؤكد هؤلاء أن الزيادة لا تغطي ارتفاع الأسعار.\n",
        );
        let theirs = with_text(&all, "الزيادة لا تغطي ارتفاع الأسعار");
        assert_eq!(speaker(theirs), Some("هؤلاء"));
    }

    #[test]
    fn a_content_about_an_earlier_year_is_about_another_time() {
        let all = statements("عنوان\nوقال المدير إن العمال لم يحصلوا على زيادة في الأجور منذ اتفاق 2019.\n");
        assert!(with_text(&all, "العمال لم يحصلوا على زيادة في الأجور منذ اتفاق 2019").other_time);
        let all = statements("عنوان\nوقال المدير إن العمال حصلوا على زيادة في الأجور هذا الأسبوع.\n");
        assert!(!with_text(&all, "العمال حصلوا على زيادة في الأجور هذا الأسبوع").other_time);
    }

    #[test]
    fn a_state_since_a_time_holds_when_it_is_reported() {
        // Written for this test: "out of order for three weeks" is said of the present, unlike
        // an event dated months before its report.
        let all = statements(
            "عنوان\nوقال رئيس اللجنة إن مضخات الري في السهل معطلة منذ ثلاثة أسابيع بسبب نقص القطع.\n",
        );
        assert!(!with_text(&all, "مضخات الري في السهل معطلة منذ ثلاثة أسابيع بسبب نقص القطع").other_time);
        let all = statements("عنوان\nوقال رئيس اللجنة إن المزارعين ينتظرون التعويضات منذ يناير الماضي.\n");
        assert!(!with_text(&all, "المزارعين ينتظرون التعويضات منذ يناير الماضي").other_time);
    }

    #[test]
    fn a_negation_after_the_subject_of_a_complement_says_it_is_not_so() {
        // The subject may take more words than the nearness a negation is looked for in.
        let all =
            statements("عنوان\nوقال المحامي إن إدارة المصنع ونقابتها المحلية لم توقع أي اتفاق مع العمال.\n");
        assert_eq!(
            with_text(&all, "إدارة المصنع ونقابتها المحلية لم توقع أي اتفاق مع العمال").stance,
            Stance::Negates
        );
        let all = statements("عنوان\nوأكد السكان أن \"أي موظف من البلدية لم يزر الحي منذ الفيضان\".\n");
        assert_eq!(
            with_text(&all, "\"أي موظف من البلدية لم يزر الحي منذ الفيضان").stance,
            Stance::Negates
        );
        // A verb before the negation makes it the negation of another clause.
        let all = statements("عنوان\nوقال المدير إن الشركة أوقفت الإنتاج ولم تسرح العمال حتى الآن.\n");
        assert_eq!(
            with_text(&all, "الشركة أوقفت الإنتاج ولم تسرح العمال حتى الآن").stance,
            Stance::Asserts
        );
    }

    #[test]
    fn each_complement_a_speaker_goes_on_to_is_said_by_that_speaker() {
        // Written for this test: «مضيفاً أن …» and «وأن …» say more in the same voice.
        let all = statements(
            "عنوان\nوقال مدير المطار، كمال الراشد، إن الطائرة هبطت بسلام، مضيفاً أن كشف الرحلة يتضمن 140 راكباً، وأن برج المراقبة تلقى نداء استغاثة قبل الهبوط، وأن \"الطيار أبلغ عن عطل في المحرك الأيسر\".\n",
        );
        for said in [
            "كشف الرحلة يتضمن 140 راكباً",
            "برج المراقبة تلقى نداء استغاثة قبل الهبوط",
            "\"الطيار أبلغ عن عطل في المحرك الأيسر\"",
        ] {
            let said = all
                .iter()
                .find(|s| s.text.contains(said.trim_matches('"')))
                .unwrap_or_else(|| panic!("no statement with «{said}» in {all:#?}"));
            assert!(
                speaker(said).is_some_and(|s| s.contains("مدير المطار")),
                "{said:?}"
            );
            assert_eq!(said.stance, Stance::Asserts);
        }
        // After a denial, «مؤكداً أن …» asserts what the denier says instead.
        let all = statements(
            "عنوان\nونفى مدير الشركة أن تكون المصفاة قد سربت وقوداً إلى النهر، مؤكداً أن الصمامات أغلقت في الوقت المناسب.\n",
        );
        let instead = with_text(&all, "الصمامات أغلقت في الوقت المناسب");
        assert_eq!(instead.stance, Stance::Asserts);
        assert!(
            speaker(instead).is_some_and(|s| s.contains("مدير الشركة")),
            "{instead:?}"
        );
        assert_eq!(
            with_text(&all, "تكون المصفاة قد سربت وقوداً إلى النهر").stance,
            Stance::Denies
        );
    }

    #[test]
    fn a_speech_verb_between_commas_after_a_denier_leaves_the_complement_to_the_denial() {
        // Written for this test: «في بيان نشرته …» says where the denial was made.
        let all = statements(
            "عنوان\nونفت نقابة المعلمين، في بيان نشرته على موقعها، أن يكون المعلمون قد تلقوا أي زيادة في رواتبهم.\n",
        );
        let denied = with_text(&all, "يكون المعلمون قد تلقوا أي زيادة في رواتبهم");
        assert_eq!(denied.stance, Stance::Denies);
        assert!(
            speaker(denied).is_some_and(|s| s.contains("نقابة المعلمين")),
            "{denied:?}"
        );
    }

    #[test]
    fn a_speech_verb_in_what_is_denied_is_part_of_it() {
        // Written for this test: what the tests showed is what is denied.
        let all = statements(
            "عنوان\nونفت إدارة المستشفى في بيان أن تكون الفحوص الأولية قد أظهرت أي تلوث في غرفة العمليات.\n",
        );
        let denied = with_text(&all, "تكون الفحوص الأولية قد أظهرت أي تلوث في غرفة العمليات");
        assert_eq!(denied.stance, Stance::Denies);
        assert!(
            speaker(denied).is_some_and(|s| s.contains("إدارة المستشفى")),
            "{denied:?}"
        );
        let all =
            statements("عنوان\nونفى مدير الجمارك أن تكون عمليات التفتيش قد كشفت أي شحنة مهربة في الميناء.\n");
        let denied = with_text(&all, "تكون عمليات التفتيش قد كشفت أي شحنة مهربة في الميناء");
        assert_eq!(denied.stance, Stance::Denies);
    }

    #[test]
    fn a_past_verb_after_lam_is_a_verbal_noun_not_another_speaker() {
        // Written for this test: «لنقل» is "to carry", not the reporting verb «نقل».
        let all = statements("عنوان\nوقال مدير المدرسة إن الحافلة مرخصة لنقل 40 تلميذاً فقط.\n");
        let said = with_text(&all, "الحافلة مرخصة لنقل 40 تلميذاً فقط");
        assert!(
            speaker(said).is_some_and(|s| s.contains("مدير المدرسة")),
            "{said:?}"
        );
    }

    #[test]
    fn a_denied_noun_comes_after_the_deniers_apposition() {
        // Written for this test: the union's title is no part of what is denied.
        let all = statements(
            "عنوان\nونفى سمير العتيبي، رئيس نقابة عمال الميناء، وجود أي إضراب في الأرصفة الجنوبية.\n",
        );
        let denied = with_text(&all, "وجود أي إضراب في الأرصفة الجنوبية");
        assert_eq!(denied.stance, Stance::Denies);
    }

    #[test]
    fn a_speech_verb_joined_to_the_sentences_first_verb_shares_its_subject() {
        // Written for this test: «وقال» has the subject of «وحمّل», not the speaker of the
        // sentence before.
        let all = statements(
            "عنوان\nوقال وزير الزراعة سليم الحداد إن المحصول جيد هذا العام. وحمّل رئيس اتحاد المزارعين كريم العبدالله الوزارة مسؤولية التأخير، وقال إن الأسمدة وصلت بعد موعد الزرع بشهرين.\n",
        );
        let said = with_text(&all, "الأسمدة وصلت بعد موعد الزرع بشهرين");
        assert!(
            speaker(said).is_some_and(|s| s.contains("رئيس اتحاد المزارعين")),
            "{said:?}"
        );
    }
}
