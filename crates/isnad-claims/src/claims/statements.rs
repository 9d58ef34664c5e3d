//! Statements: what a source says or denies as open content, whatever it is about. A reporting
//! verb's complement ("قال X إن …"، "حذرت X من أن …") is asserted by its speaker; a denial's
//! complement ("نفى X أن …"، "نفت X ما ذكره Y عن …"، "نفت X وجود أي دليل على …") is denied by
//! its agent. The content ends where the sentence goes on to another clause of the speaker
//! ("، مؤكداً أن …") or to another speaker.

use super::attribution::{Frame, Outer, source_np};
use super::lexicon::{Lexicon, What};
use super::roles::Filler;
use super::types::{ClaimLocation, Source, SourceKind, Stance, Statement};
use super::view::View;
use super::{DocContext, source_of};
use isnad_parser::TokenKind;

/// Fewest content words a statement needs: less aligns with anything.
const MIN_KEYS: usize = 2;

/// How far after a denial's subject its complement may start ("نفت الوزارة في بيان رسمي أن …").
const COMPLEMENT_REACH: usize = 10;

/// A negation this close to the start of a reported content makes the speaker deny it ("قال
/// إن الوزارة لم تكن على علم").
const NEGATION_REACH: usize = 4;

/// Longest run of unknown words read as a denier's name.
const MAX_BARE_NAME_WORDS: usize = 3;

/// A denial verb of the sentence: its first and last token and its agent.
pub(super) struct DenialVerb<'f> {
    pub tok: usize,
    pub last_tok: usize,
    pub agent: Option<&'f Filler>,
}

/// One sentence's reading frames, for its statements.
pub(super) struct Said<'s, 'a> {
    pub ctx: &'s DocContext<'a>,
    pub view: &'s View<'a>,
    pub frames: &'s [Frame],
    pub outers: &'s [Outer],
    pub location: ClaimLocation,
}

impl Said<'_, '_> {
    /// Appends the sentence's statements: one per reporting frame with content, one per denial.
    pub fn read(&self, denials: &[DenialVerb<'_>], out: &mut Vec<Statement>) {
        let view = self.view;
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
            let end = self.content_end(start, frame.to);
            let stance = if (start..end.min(start + NEGATION_REACH)).any(|i| self.is_negation(i)) {
                Stance::Denies
            } else {
                Stance::Asserts
            };
            let mut chain: Vec<Source> = frame.inner.clone();
            chain.extend(frame.source.iter().cloned());
            self.push(frame.tok, frame.tok, (start, end), stance, chain, None, out);
        }
        for denial in denials {
            if self.negated_at(denial.tok) {
                continue;
            }
            let agent_end = denial
                .agent
                .filter(|a| a.span.start > view.toks[denial.tok].span.start)
                .map(|a| view.toks.partition_point(|t| t.span.start < a.span.end));
            let mut start = agent_end.unwrap_or(denial.last_tok + 1).max(denial.last_tok + 1);
            // The complement is looked for within the denial's own clause ("نفت X وجود أي تزوير،
            // مؤكدة أن …": what follows مؤكدة is asserted, not denied).
            let reach = (start + COMPLEMENT_REACH).min(self.content_end(start, view.toks.len()));
            let mut answers = None;
            let mut answers_at = None;
            if let Some(ma) =
                (start..reach).find(|&i| view.key(i) == "ما" && lx.answered_reports.contains(view.key(i + 1)))
            {
                // "ما ذكره النائب X عن ممارسة ضغوط": the MP's report, about what follows عن.
                let about = (ma + 2..(ma + 2 + COMPLEMENT_REACH).min(view.toks.len()))
                    .find(|&i| lx.about.contains(view.key(i)));
                let reporter_end = about.unwrap_or(view.toks.len());
                answers = view
                    .toks
                    .get(ma + 2)
                    .and_then(|t| source_np(view, ma + 2, t.span.start, reporter_end));
                answers_at = Some(ma);
                start = about.map_or(ma + 2, |a| a + 1);
            } else if let Some(c) = (start..reach).find(|&i| lx.complementizers.contains(view.key(i))) {
                answers_at = Some(c);
                start = c + 1;
            }
            let end = self.content_end(start, view.toks.len());
            // "ونفى الدباغ ما …": a name no entity reader knows is still who denies.
            let denier = denial
                .agent
                .map(|a| source_of(view, a))
                .or_else(|| {
                    let next = denial.last_tok + 1;
                    let limit = answers_at.unwrap_or(start).min(view.toks.len());
                    view.toks
                        .get(next)
                        .and_then(|t| source_np(view, next, t.span.start, limit))
                        .or_else(|| self.bare_name(next, limit))
                })
                .map(|s| self.trimmed(s));
            let chain = denier.into_iter().collect();
            self.push(
                denial.tok,
                denial.last_tok,
                (start, end),
                Stance::Denies,
                chain,
                answers,
                out,
            );
        }
    }

    /// Where a content starting at `start` ends (before `limit`): at another speaker's verb, a
    /// denial, or a participle that starts another clause of the same speaker.
    fn content_end(&self, start: usize, limit: usize) -> usize {
        let view = self.view;
        let lx = Lexicon::get();
        let limit = limit.min(view.toks.len());
        let verb_at = |i: usize| {
            view.cues
                .iter()
                .any(|c| c.tok == i && matches!(c.hit.what, What::Reporting | What::Denial))
        };
        let breaks = &crate::facts::lexicon::Lexicon::get().clause_breaks;
        (start..limit)
            .find(|&i| {
                let k = view.key(i);
                verb_at(i)
                    || lx.content_ends.contains(k)
                    || k.strip_prefix('و').is_some_and(|r| lx.content_ends.contains(r))
                    || (i > start && breaks.at(&|j| view.key(j), i, view.toks.len()).is_some())
            })
            .unwrap_or(limit)
    }

    /// A short run of words right after a denial verb that no reader knows as a name ("ونفى
    /// الدباغ ما …"): still who denies.
    fn bare_name(&self, first: usize, limit: usize) -> Option<Source> {
        let view = self.view;
        let words = limit
            .checked_sub(first)
            .filter(|n| (1..=MAX_BARE_NAME_WORDS).contains(n))?;
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
    /// الطيران المدني وجود أي").
    fn trimmed(&self, source: Source) -> Source {
        let view = self.view;
        let lx = Lexicon::get();
        let Some(span) = source.span else {
            return source;
        };
        let first = view.toks.partition_point(|t| t.span.end <= span.start);
        let last = view.toks.partition_point(|t| t.span.start < span.end);
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

    fn is_negation(&self, i: usize) -> bool {
        let k = self.view.key(i);
        let lx = Lexicon::get();
        lx.negation.contains(k) || lx.negation.contains(k.trim_start_matches(['و', 'ف']))
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
        let view = self.view;
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
        for outer in self.outers {
            chain.extend(outer.source.iter().cloned());
        }
        chain.dedup_by(|b, a| a.span == b.span && a.name == b.name);
        chain.push(self.ctx.outlet.clone());
        let span = view.tok_span(start, last - 1);
        out.push(Statement {
            id: String::new(),
            doc: self.ctx.document.id.clone(),
            span,
            text: view.text(span).to_string(),
            verb: view.tok_span(verb_first, verb_last),
            stance,
            attribution: chain,
            answers,
            keys,
            location: self.location,
        });
    }
}

/// The root keys of the content words of tokens `[start, end)`, each once, in text order.
fn content_keys(view: &View, start: usize, end: usize) -> Vec<String> {
    let function_words = &crate::facts::lexicon::Lexicon::get().function_words;
    let negation = &Lexicon::get().negation;
    let mut keys: Vec<String> = Vec::new();
    for i in start..end {
        let token = &view.toks[i];
        if token.kind != TokenKind::Arabic {
            continue;
        }
        let k = view.key(i);
        let wrappers = &Lexicon::get().content_wrappers;
        if k.chars().count() < 2
            || function_words.contains(k)
            || negation.contains(k)
            || wrappers.contains(k)
            || k.strip_prefix('و').is_some_and(|r| wrappers.contains(r))
            || !k.chars().all(|c| c.is_alphabetic())
        {
            continue;
        }
        let root = crate::facts::root_of_key(k);
        if !keys.contains(&root) {
            keys.push(root);
        }
    }
    keys
}
