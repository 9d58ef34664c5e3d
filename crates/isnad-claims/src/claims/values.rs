//! The values a claim takes from the mentions of its clause: its time, its count, its ordinal,
//! and counts that are parts of another claim's.

use super::build::{distance, in_clause};
use super::lexicon::{Class, Lexicon};
use super::roles::{Filler, Trig};
use super::view::View;
use super::{Claim, DocContext, Read};
use crate::mentions::{Mention, MentionValue};
use isnad_parser::{Span, TokenKind};

/// The time of a claim: the nearest temporal mention in the trigger's part of its clause (after
/// the complementizer that introduces it), else elsewhere in the clause; never the dateline. Also
/// true when a time was passed over as the date of a saying that reports the claim's incident.
pub(super) fn pick_time<'a>(
    ctx: &DocContext,
    view: &View<'a>,
    t: &Trig,
    clause: (usize, usize),
    reads: &[Read],
) -> (Option<&'a Mention>, bool) {
    let lx = Lexicon::get();
    let dateline = ctx.document.meta.published_span;
    let qualifiers: Vec<Span> = view
        .mentions
        .iter()
        .filter_map(|m| match &m.value {
            MentionValue::Ordinal(o) => o.qualifier.as_ref().map(|q| q.span),
            _ => None,
        })
        .collect();
    let scope_start = (clause.0..t.tok)
        .rev()
        .find(|&i| lx.complementizers.contains(view.key(i)))
        .unwrap_or(clause.0);
    // "قال المتحدث إن المصنع توقف يوم الأحد": what a saying reports keeps its own times; the
    // saying's is before the complementizer that opens it.
    let said_from = lx.events[t.entry]
        .properties
        .speech
        .then(|| (t.last_tok + 1..clause.1).find(|&i| lx.complementizers.contains(view.key(i))))
        .flatten();
    let end = said_from.unwrap_or(clause.1);
    let scope = view.tok_span(scope_start, end.saturating_sub(1));
    let whole = view.tok_span(clause.0, end.saturating_sub(1));
    // "لم يكتمل تركيبها حتى اليوم": a time "so far" bounds a state; it dates no event.
    let so_far = &crate::lexical::lexicon::Lexicon::get().so_far;
    let key = |i: usize| view.key(i);
    let bounds_a_state = |m: &Mention| {
        let first = view.toks.partition_point(|x| x.span().end <= m.span.start);
        so_far.at(&key, first, view.toks.len()).is_some()
            || first
                .checked_sub(1)
                .is_some_and(|b| so_far.at(&key, b, view.toks.len()).is_some())
    };
    // "أعلنت الشركة أمس انتهاء الأعمال بعد حريق أودى بحياة 4": a time between a saying and an
    // incident it reports dates the saying; the incident came before it.
    let incident = lx.events[t.entry].properties.incident;
    let dates_a_saying = |m: &Mention| {
        incident
            && reads.iter().any(|r| {
                lx.events[r.trig.entry].properties.speech
                    && r.trig.span.end <= m.span.start
                    && m.span.end <= t.span.start
            })
    };
    // "الآن"، "حالياً": when something holds, no date of an event.
    let present = &crate::lexical::lexicon::Lexicon::get().present;
    let is_now = |m: &Mention| {
        let first = view.toks.partition_point(|x| x.span().end <= m.span.start);
        first < view.toks.len() && present.contains(key(first))
    };
    // "بحسب بيان أصدرته البلدية مساء أمس": a time after the word that names a claim's source, in
    // the same stretch of words, dates the report, not the claim.
    let dates_its_report = |m: &Mention| {
        let first = view.toks.partition_point(|x| x.span().end <= m.span.start);
        (clause.0..first)
            .rev()
            .take_while(|&i| !view.is_punct(i))
            .any(|i| crate::grammar::grammar().is_according_to(crate::grammar::without_wa(key(i))))
    };
    let candidates = || {
        view.mentions.iter().copied().filter(|m| {
            m.value.time().is_some()
                && !dateline.is_some_and(|d| d.overlaps(m.span))
                && !qualifiers.iter().any(|q| q.overlaps(m.span))
                && !bounds_a_state(m)
                && !dates_a_saying(m)
                && !is_now(m)
                && !dates_its_report(m)
        })
    };
    // "بدأ اليوم الأربعاء المشاورات بعد فوز حزبه": an event after بعد/قبل/عقب is dated apart
    // from the clause it is set against; only a time written after it is its own.
    let set_against = t.class == Class::Noun
        && (clause.0.max(t.tok.saturating_sub(8))..t.tok)
            .rev()
            .take_while(|&i| !view.is_punct(i))
            .any(|i| crate::grammar::grammar().is_relative_time(view.key(i).trim_start_matches(['و', 'ف'])));
    let nearest = |area: Span| {
        candidates()
            .filter(|m| area.contains(m.span) && (!set_against || m.span.start >= t.span.end))
            .min_by_key(|m| (distance(m.span, t.span), m.span.start < t.span.start))
    };
    let saying_dated = view.mentions.iter().any(|m| {
        m.value.time().is_some()
            && ((incident && dates_a_saying(m)) || (dates_its_report(m) && whole.contains(m.span)))
    });
    (nearest(scope).or_else(|| nearest(whole)), saying_dated)
}

/// The count of the event or its theme: a number right before the trigger or the theme ("سبع
/// رحلات"), inside the theme ("7000 حاوية"), or a part ("أربع من هذه الرحلات").
pub(super) fn pick_count<'a>(
    view: &View<'a>,
    t: &Trig,
    theme: Option<&Filler>,
    clause: (usize, usize),
) -> Option<(&'a Mention, bool)> {
    let demonstrative = |k: &str| crate::grammar::grammar().is_demonstrative(k);
    for m in view.mentions.iter().copied() {
        if !matches!(m.value, MentionValue::Number(_)) || !in_clause(view, m.span, clause) {
            continue;
        }
        let toks: Vec<usize> = (0..view.toks.len())
            .filter(|&i| view.toks[i].span().overlaps(m.span))
            .collect();
        let (Some(&first), Some(&last)) = (toks.first(), toks.last()) else {
            continue;
        };
        // Model names and codes (S600) are not counts.
        let latin = |i: Option<usize>| {
            i.and_then(|i| view.toks.get(i))
                .is_some_and(|x| x.kind == TokenKind::Latin)
        };
        let named = toks.iter().any(|&i| view.group_of[i].is_some());
        if named
            || latin(first.checked_sub(1))
            || latin(Some(last + 1))
            || toks.iter().any(|&i| view.toks[i].kind == TokenKind::Latin)
        {
            continue;
        }
        let heads = |i: usize| i == t.tok || theme.is_some_and(|f| f.first == i);
        let next = last + 1;
        // A verbal noun followed by its amount counts it: "مقتل ما لا يقل عن 21 شخصا"، "إصابة 23".
        let follows_trigger = first == t.tok + 1;
        if heads(next) || follows_trigger || theme.is_some_and(|f| f.span.contains(m.span)) {
            return Some((m, false));
        }
        // "فوز الحزب … بـ 82 مقعداً": a number of what the event counts (its data's `counts`).
        if Lexicon::get().events[t.entry].counts.contains(view.key(next)) {
            return Some((m, false));
        }
        if view.key(next) == "من" {
            let after = if demonstrative(view.key(next + 1)) {
                next + 2
            } else {
                next + 1
            };
            if heads(after) {
                return Some((m, true));
            }
        }
    }
    None
}

/// The ordinal of the event or its theme ("زيارته الثانية", "أول سيارة"), never of another noun
/// ("أول علامة تجارية").
pub(super) fn pick_ordinal<'a>(
    view: &View<'a>,
    t: &Trig,
    theme: Option<&Filler>,
    clause: (usize, usize),
    reads: &[Read],
) -> Option<&'a Mention> {
    let trigger_key = isnad_parser::fold_key(view.text(t.span));
    view.mentions.iter().copied().find(|m| {
        let MentionValue::Ordinal(o) = &m.value else {
            return false;
        };
        if !in_clause(view, m.span, clause) {
            return false;
        }
        if let Some(noun_span) = o.noun_span
            && (noun_span.overlaps(t.span) || theme.is_some_and(|f| f.span.overlaps(noun_span)))
        {
            return true;
        }
        let noun = o.noun.as_deref().unwrap_or("");
        if !noun.is_empty()
            && (trigger_key.ends_with(noun) || noun.ends_with(&trigger_key))
            && o.noun_span.is_none_or(|s| s.overlaps(t.span))
        {
            return true;
        }
        // "زار … للمرة الأولى": the time of the predicate before it (or after it, when first).
        if noun == "مره" || noun == "المره" {
            let before = view
                .cues
                .iter()
                .filter(|c| c.span.end <= m.span.start && c.tok >= clause.0)
                .filter(|c| c.hit.class == Class::Verb || reads.iter().any(|r| r.trig.tok == c.tok))
                .map(|c| c.tok)
                .next_back();
            return match before {
                Some(tok) => tok == t.tok,
                None => reads
                    .iter()
                    .filter(|r| r.clause == clause)
                    .min_by_key(|r| distance(r.trig.span, m.span))
                    .is_some_and(|r| r.trig.tok == t.tok),
            };
        }
        // "زيارة الوزير الأولى": right after the noun and its genitive name.
        let Some(first) = (0..view.toks.len()).find(|&i| view.toks[i].span().overlaps(m.span)) else {
            return false;
        };
        let between_names = first > t.last_tok
            && first <= t.last_tok + 4
            && (t.last_tok + 1..first).all(|i| view.group_of[i].is_some());
        let gap = view.tok_span(t.tok, first.saturating_sub(1));
        t.class == Class::Noun && between_names && o.noun_span.is_none_or(|s| gap.overlaps(s))
    })
}

/// "اثنتين منها على الأقل": a part counted of something named before it in the sentence; it
/// goes to the nearest claim before it that has no count yet.
pub(super) fn attach_partitive_counts(view: &View, reads: &[Read], claims: &mut [Claim]) {
    for m in view.mentions.iter().copied() {
        if !matches!(m.value, MentionValue::Number(_)) {
            continue;
        }
        let Some(last) = (0..view.toks.len()).rfind(|&i| view.toks[i].span().overlaps(m.span)) else {
            continue;
        };
        let Some(first) = (0..view.toks.len()).find(|&i| view.toks[i].span().overlaps(m.span)) else {
            continue;
        };
        if !(first..=last + 1).any(|i| crate::grammar::grammar().is_partitive_pronoun(view.key(i))) {
            continue;
        }
        let target = reads
            .iter()
            .zip(claims.iter_mut())
            .filter(|(r, c)| r.trig.span.end <= m.span.start && c.count.is_none())
            .last();
        if let Some((_, claim)) = target {
            claim.count = Some(std::sync::Arc::new(m.clone()));
            claim.count_part = true;
        }
    }
}
