//! One sentence seen as tokens, entity groups, clauses and lexicon hits: what the role,
//! attribution and modality readers share.

use super::lexicon::{Class, Hit, Lexicon, Scan, Sets, What};
use crate::entities::{DocEntities, EntityId, EntityType};
use crate::grammar::grammar;
use crate::mentions::{Mention, MentionValue};
use isnad_parser::{Piece, Span, TokenKeys, TokenKind};

/// Adjacent entity mentions read as one participant ("الرئيس البرازيلي" + "جواو سيلفا"), or
/// coordinated ones ("مصر والأردن").
#[derive(Debug, Clone)]
pub(crate) struct Group {
    /// Original bytes of the whole group.
    pub span: Span,
    /// First token index.
    pub first: usize,
    /// Last token index (inclusive).
    pub last: usize,
    /// The entity it names (the most specific resolved mention).
    pub entity: Option<EntityId>,
    /// Its kind.
    pub kind: EntityType,
    /// Byte offset where the group starts inside its first token (after a clitic preposition).
    pub start_in_token: usize,
}

/// A lexicon hit mapped to the original text and tokens.
#[derive(Debug, Clone)]
pub(crate) struct Cue {
    /// The hit in folded text.
    pub hit: Hit,
    /// Original span of the form (proclitics excluded, suffix included).
    pub span: Span,
    /// First token index.
    pub tok: usize,
    /// Last token index.
    pub last_tok: usize,
}

/// A sentence's tokens, folded keys and mentions: what reading a statement needs, without the
/// entity groups and lexicon hits of a [`View`] (a headline or lead with no trigger has none).
pub(crate) struct Words<'a> {
    /// The document's source.
    pub source: &'a str,
    /// Tokens of the sentence.
    pub toks: &'a [Piece],
    /// Their folded keys.
    keys: &'a TokenKeys,
    /// The sentence's preparation (its words' ids in the word table).
    prepared: &'a crate::PreparedSentence,
    /// Mentions of the sentence.
    pub mentions: Vec<&'a Mention>,
}

impl<'a> Words<'a> {
    /// The words of a prepared sentence and its mentions (of the document, in text order).
    pub fn of(
        source: &'a str,
        span: Span,
        prepared: &'a crate::PreparedSentence,
        mentions: &'a [Mention],
    ) -> Words<'a> {
        Words {
            source,
            toks: &prepared.tokens.pieces,
            keys: &prepared.tokens.keys,
            prepared,
            mentions: in_span(mentions, span, |m| m.span)
                .iter()
                .filter(|m| span.contains(m.span))
                .collect(),
        }
    }

    /// Folded key of token `i` ("" past the end).
    pub fn key(&self, i: usize) -> &str {
        self.keys.get(i)
    }

    /// True when token `i` is punctuation.
    pub fn is_punct(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Punct)
    }

    /// The sentence's preparation.
    pub fn prepared(&self) -> &'a crate::PreparedSentence {
        self.prepared
    }

    /// The original text of a span.
    pub fn text(&self, span: Span) -> &'a str {
        self.source.get(span.range()).unwrap_or("")
    }

    /// Original span of tokens `first..=last`.
    pub fn tok_span(&self, first: usize, last: usize) -> Span {
        match (self.toks.get(first), self.toks.get(last)) {
            (Some(a), Some(b)) if a.span().start <= b.span().end => Span::new(a.span().start, b.span().end),
            (Some(a), _) => a.span(),
            _ => Span::new(0, 0),
        }
    }
}

/// A sentence ready for reading.
pub(crate) struct View<'a> {
    /// The document's source.
    pub source: &'a str,
    /// The sentence span.
    pub span: Span,
    /// Tokens of the sentence.
    pub toks: &'a [Piece],
    /// Their folded keys (read with [`View::key`]).
    keys: &'a TokenKeys,
    /// The sentence's preparation.
    prepared: &'a crate::PreparedSentence,
    /// Entity groups in text order.
    pub groups: Vec<Group>,
    /// Group index of each token.
    pub group_of: Vec<Option<usize>>,
    /// Mentions of the sentence.
    pub mentions: Vec<&'a Mention>,
    /// Mention index covering each token, if any.
    pub mention_of: Vec<Option<usize>>,
    /// The lexicon's syntax sets each token's key is in.
    sets: Vec<Sets>,
    /// Lexicon hits in text order.
    pub cues: Vec<Cue>,
    /// Clause cues (earlier occurrence, rising total) with their original spans.
    clause_cues: Vec<(Span, super::ClauseCues)>,
    /// Clauses as token ranges `[start, end)`, covering the sentence; a clause without a
    /// trigger is joined to its neighbour (for reading roles).
    pub clauses: Vec<(usize, usize)>,
    /// Clauses as split, before joining (the scope of modality cues).
    pub raw_clauses: Vec<(usize, usize)>,
}

impl<'a> View<'a> {
    /// Builds the view from the sentence's `scan` ([`Lexicon::scan_with_cues`] of its folded
    /// text); `None` when the sentence has no trigger (nothing to read).
    pub fn new(
        source: &'a str,
        span: Span,
        prepared: &'a crate::PreparedSentence,
        scan: &Scan,
        mentions: &'a [Mention],
        entities: &DocEntities,
    ) -> Option<View<'a>> {
        let lexicon = Lexicon::get();
        let folded = &prepared.folded;
        let (hits, cue_hits) = scan;
        // Without a trigger a sentence only matters for who speaks next ("وقال X …" then "وأضاف"),
        // and, for a headline or lead, for what it states ([`Words`] read it).
        if !hits
            .iter()
            .any(|h| matches!(h.what, What::Trigger(_) | What::Reporting))
        {
            return None;
        }
        let (toks, keys) = (&prepared.tokens.pieces[..], &prepared.tokens.keys);
        let tok_at = |offset: usize| -> usize {
            match toks.binary_search_by(|t| {
                if t.span().end <= offset {
                    std::cmp::Ordering::Less
                } else if t.span().start > offset {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            }) {
                Ok(i) => i,
                Err(i) => i.min(toks.len().saturating_sub(1)),
            }
        };
        // Sized once: the hits are an upper bound.
        let mut cues: Vec<Cue> = Vec::with_capacity(hits.len());
        cues.extend(hits.iter().filter_map(|hit| {
            let span = folded.original_span(hit.start, hit.end);
            if span.is_empty() || toks.is_empty() {
                return None;
            }
            // The key folds ة to ه: "وزارة" is not و + زار + ه (visited him).
            let original = source.get(span.range()).unwrap_or("");
            if hit.class == Class::Verb
                && !hit.suffix.is_empty()
                && original
                    .trim_end_matches(isnad_parser::is_ignorable)
                    .ends_with('ة')
            {
                return None;
            }
            let tok = tok_at(span.start);
            let last_tok = tok_at(span.end.saturating_sub(1)).max(tok);
            Some(Cue {
                hit: hit.clone(),
                span,
                tok,
                last_tok,
            })
        }));

        let mentions = Words::of(source, span, prepared, mentions).mentions;
        let mut mention_of = vec![None; toks.len()];
        for (mi, m) in mentions.iter().enumerate() {
            let first = toks.partition_point(|t| t.span().end <= m.span.start);
            for (ti, t) in toks.iter().enumerate().skip(first) {
                if t.span().start >= m.span.end {
                    break;
                }
                mention_of[ti] = Some(mi);
            }
        }
        let (groups, group_of) = build_groups(source, span, toks, entities);
        // Read once per word, when the sentence's words were interned.
        let sets = prepared.with_words(|table, ids| {
            (ids.iter().enumerate())
                .map(|(i, &id)| Sets::from_bits(table.claim_sets(id, || lexicon.sets_of(keys.get(i)).bits())))
                .collect()
        });
        let mut view = View {
            source,
            span,
            toks,
            keys,
            prepared,
            groups,
            group_of,
            mentions,
            mention_of,
            sets,
            cues,
            clause_cues: cue_hits
                .iter()
                .map(|&(start, end, cues)| (folded.original_span(start, end), cues))
                .collect(),
            clauses: Vec::new(),
            raw_clauses: Vec::new(),
        };
        view.raw_clauses = view.split_raw();
        view.clauses = view.join_clauses();
        Some(view)
    }

    /// The clause cues of the sentence with their original spans; a claim takes those inside
    /// its span.
    pub fn clause_cues(&self) -> &[(Span, super::ClauseCues)] {
        &self.clause_cues
    }

    /// Folded key of token `i` ("" past the end).
    pub fn key(&self, i: usize) -> &str {
        self.keys.get(i)
    }

    /// True when token `i`'s key is in any of the lexicon's syntax `sets` (false past the end).
    pub fn is(&self, i: usize, sets: Sets) -> bool {
        self.sets.get(i).is_some_and(|s| s.any(sets))
    }

    /// The sentence's words as statements read them.
    pub fn words(&self) -> Words<'a> {
        Words {
            source: self.source,
            toks: self.toks,
            keys: self.keys,
            prepared: self.prepared,
            mentions: self.mentions.clone(),
        }
    }

    /// True when token `i` is punctuation.
    pub fn is_punct(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Punct)
    }

    /// The original text of a span.
    pub fn text(&self, span: Span) -> &'a str {
        self.source.get(span.range()).unwrap_or("")
    }

    /// The unjoined clause containing token `i`.
    pub fn raw_clause_of(&self, i: usize) -> (usize, usize) {
        self.raw_clauses
            .iter()
            .copied()
            .find(|&(s, e)| s <= i && i < e)
            .unwrap_or((0, self.toks.len()))
    }

    /// The clause (token range) containing token `i`.
    pub fn clause_of(&self, i: usize) -> (usize, usize) {
        self.clauses
            .iter()
            .copied()
            .find(|&(s, e)| s <= i && i < e)
            .unwrap_or((0, self.toks.len()))
    }

    /// Original span of tokens `first..=last`.
    pub fn tok_span(&self, first: usize, last: usize) -> Span {
        match (self.toks.get(first), self.toks.get(last)) {
            (Some(a), Some(b)) if a.span().start <= b.span().end => Span::new(a.span().start, b.span().end),
            (Some(a), _) => a.span(),
            _ => Span::new(self.span.start, self.span.start),
        }
    }

    /// The mention covering token `i`, if any.
    pub fn mention_at(&self, i: usize) -> Option<&'a Mention> {
        self.mention_of
            .get(i)
            .copied()
            .flatten()
            .map(|m| self.mentions[m])
    }

    /// True when token `i` belongs to a date, weekday, relative time, clock time or duration.
    pub fn is_time_token(&self, i: usize) -> bool {
        self.mention_at(i).is_some_and(|m| {
            m.value.time().is_some()
                || matches!(m.value, MentionValue::Duration(_) | MentionValue::Ordinal(_))
        })
    }

    /// True when token `i` belongs to a date, time or duration (not an ordinal: "الوزير الأول").
    pub fn is_when_token(&self, i: usize) -> bool {
        self.mention_at(i)
            .is_some_and(|m| m.value.time().is_some() || matches!(m.value, MentionValue::Duration(_)))
    }

    /// Trigger cues (index into `cues`) in text order.
    pub fn trigger_cues(&self) -> impl Iterator<Item = (usize, &Cue)> {
        self.cues
            .iter()
            .enumerate()
            .filter(|(_, c)| matches!(c.hit.what, What::Trigger(_)))
    }

    /// The preposition a token carries as a clitic in front of a group or a definite noun
    /// (لسامر، بالأسلحة، للرئيس), with the byte offset where the noun phrase starts.
    pub fn clitic_prep(&self, i: usize) -> Option<(&'static str, usize)> {
        let tok = self.toks.get(i)?;
        if tok.kind != TokenKind::Arabic {
            return None;
        }
        let text = self.text(tok.span());
        if let Some(g) = self.group_of[i].map(|g| &self.groups[g])
            && g.first == i
            && g.start_in_token > 0
        {
            let before = isnad_parser::fold_key(&text[..g.start_in_token.min(text.len())]);
            let prep = before.trim_start_matches(['و', 'ف']);
            return match prep {
                "ل" | "لل" => Some(("ل", tok.span().start + g.start_in_token)),
                "ب" | "بال" => Some(("ب", tok.span().start + g.start_in_token)),
                "ك" => Some(("ك", tok.span().start + g.start_in_token)),
                _ => None,
            };
        }
        let whole = self.keys.get(i);
        let key = whole.trim_start_matches(['و', 'ف']);
        let skipped = whole.len() - key.len();
        let letters_skipped = whole[..skipped].chars().count();
        let (prep, drop) = if key.starts_with("لل") && key.chars().count() > 4 {
            ("ل", 1)
        } else if key.starts_with("بال") && key.chars().count() > 5 {
            ("ب", 1)
        } else {
            return None;
        };
        Some((prep, skip_letters(text, tok.span().start, letters_skipped + drop)))
    }

    fn split_raw(&self) -> Vec<(usize, usize)> {
        let n = self.toks.len();
        let mut cuts = vec![0];
        for i in 1..n {
            let key = self.key(i);
            let prev = self.key(i - 1);
            let comma_and = prev == "،" && key.starts_with(['و', 'ف']) && key.chars().count() > 2;
            // "بعد أن": a clause of another event opens at its before/after.
            let after_event = grammar().is_complementizer(key) && grammar().is_before_after(prev);
            if key == "؛" || comma_and || self.is(i, Sets::BOUNDARY) || after_event {
                let at = if after_event { i - 1 } else { i };
                if at > *cuts.last().unwrap_or(&0) {
                    cuts.push(at);
                }
            }
        }
        cuts.push(n);
        cuts.windows(2)
            .map(|w| (w[0], w[1]))
            .filter(|(s, e)| s < e)
            .collect()
    }

    fn join_clauses(&self) -> Vec<(usize, usize)> {
        let n = self.toks.len();
        let raw = self.raw_clauses.clone();
        // A clause without a trigger joins its neighbour: "، ومسؤول آخر قبلا الهدية" keeps its subject.
        let has_trigger = |(s, e): (usize, usize)| self.trigger_cues().any(|(_, c)| s <= c.tok && c.tok < e);
        let mut merged: Vec<(usize, usize)> = Vec::new();
        let mut pending: Option<usize> = None;
        for clause in raw {
            if has_trigger(clause) {
                let start = pending.take().unwrap_or(clause.0);
                merged.push((start, clause.1));
            } else if let Some(last) = merged.last_mut() {
                last.1 = clause.1;
            } else {
                pending.get_or_insert(clause.0);
            }
        }
        if let Some(start) = pending {
            merged.push((start, n));
        }
        if merged.is_empty() {
            merged.push((0, n));
        }
        merged
    }
}

/// The items of a list in text order (the mentions and entities contracts) that start in
/// `span`: a binary search, since a linear filter per sentence would be quadratic.
pub(crate) fn in_span<T>(items: &[T], span: Span, at: impl Fn(&T) -> Span) -> &[T] {
    let from = items.partition_point(|m| at(m).start < span.start);
    let to = items.partition_point(|m| at(m).start < span.end);
    &items[from..to.max(from)]
}

/// Byte offset in `text` (which starts at `base`) after `letters` letters, marks included.
pub(crate) fn skip_letters(text: &str, base: usize, letters: usize) -> usize {
    let mut seen = 0;
    for (i, ch) in text.char_indices() {
        if isnad_parser::is_ignorable(ch) {
            continue;
        }
        if seen == letters {
            return base + i;
        }
        seen += 1;
    }
    base + text.len()
}

fn build_groups(
    source: &str,
    span: Span,
    toks: &[Piece],
    entities: &DocEntities,
) -> (Vec<Group>, Vec<Option<usize>>) {
    let mut mentions: Vec<_> = in_span(&entities.mentions, span, |m| m.span)
        .iter()
        .filter(|m| span.contains(m.span) && !m.span.is_empty())
        .collect();
    mentions.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    let mut groups: Vec<Group> = Vec::with_capacity(mentions.len());
    // Rank of the mention that gave each group its id, and the previous mention itself.
    let mut best_rank: Vec<u8> = Vec::with_capacity(mentions.len());
    let mut previous: Option<&crate::entities::EntityMention> = None;
    for m in mentions {
        let rank = rank_of(m);
        let merge = match (groups.last(), previous) {
            (Some(last), _) if m.span.start < last.span.end => true,
            (Some(last), Some(prev)) => source
                .get(last.span.end..m.span.start)
                .is_some_and(|gap| joins(gap, prev, m)),
            _ => false,
        };
        if let (true, Some(last), Some(best)) = (merge, groups.last_mut(), best_rank.last_mut()) {
            let coordinated = source
                .get(last.span.end..m.span.start)
                .is_some_and(|g| !g.trim().is_empty());
            if !coordinated && m.entity.is_some() && (rank > *best || last.entity.is_none()) {
                last.entity = m.entity.clone();
                last.kind = m.kind;
                *best = rank;
            }
            last.span = last.span.cover(m.span);
        } else {
            groups.push(Group {
                span: m.span,
                first: 0,
                last: 0,
                entity: m.entity.clone(),
                kind: m.kind,
                start_in_token: 0,
            });
            best_rank.push(rank);
        }
        previous = Some(m);
    }
    let mut group_of = vec![None; toks.len()];
    groups.retain(|g| toks.iter().any(|t| t.span().overlaps(g.span)));
    for (gi, g) in groups.iter_mut().enumerate() {
        let mut first = None;
        for (ti, t) in toks.iter().enumerate() {
            if t.span().overlaps(g.span) {
                first.get_or_insert(ti);
                g.last = ti;
                group_of[ti] = Some(gi);
            }
        }
        g.first = first.unwrap_or(0);
        g.start_in_token = g.span.start.saturating_sub(toks[g.first].span().start);
    }
    (groups, group_of)
}

/// How specific a mention is: a name beats a descriptor or a coreference.
fn rank_of(m: &crate::entities::EntityMention) -> u8 {
    use crate::entities::MatchKind::*;
    match m.how {
        Gazetteer | Variant | Transliterated | ReportingVerb | Story | Masthead | Dateline => 3,
        Title => 2,
        Coreference => 1,
    }
}

/// True when two mentions separated by `gap` are one participant: a title or descriptor before a
/// name, two spellings of one entity, or " و" joining two participants of a kind. Two different
/// names side by side are two participants ("أهدى سامر خالد سيارة").
fn joins(gap: &str, a: &crate::entities::EntityMention, b: &crate::entities::EntityMention) -> bool {
    // Two characters that folding keeps (it only drops marks and controls) make the gap neither
    // empty nor "و": most gaps are whole stretches of text, not worth folding.
    let kept = gap
        .chars()
        .filter(|&c| !c.is_whitespace() && !isnad_parser::is_ignorable(c));
    if kept.take(2).count() == 2 {
        return false;
    }
    let folded = isnad_parser::fold_key(gap);
    match folded.trim() {
        "" if !gap.is_empty() || a.span.end == b.span.start => {
            let same = a.entity.is_some() && a.entity == b.entity;
            same || (rank_of(a) < 3 && (a.entity.is_none() || b.entity.is_none()))
        }
        "و" => {
            use EntityType::*;
            a.kind == b.kind
                || (matches!(a.kind, Country | Organization) && matches!(b.kind, Country | Organization))
        }
        _ => false,
    }
}
