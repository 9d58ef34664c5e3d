//! Attribution frames: reporting verbs ("قال X إن"), outer frames ("حسبما نقلت X"), inner frames
//! ("نقلاً عن X"), and the source phrase each names.

use super::lexicon::{Lexicon, Sets, What};
use super::types::{Source, SourceKind};
use super::view::View;
use crate::entities::EntityType;
use isnad_parser::{Span, TokenKind};

/// A reporting verb and what it governs.
#[derive(Debug, Clone)]
pub(crate) struct Frame {
    /// Token of the verb.
    pub tok: usize,
    /// Who says it (after or before the verb, or carried over from an earlier sentence).
    pub source: Option<Source>,
    /// Sources it quotes ("نقلاً عن Y"), innermost first.
    pub inner: Vec<Source>,
    /// No speaker is named here: it is the one carried over from an earlier sentence, if any.
    pub carried: bool,
    /// Governed tokens `[from, to)`.
    pub from: usize,
    /// End of the governed range.
    pub to: usize,
}

/// An outer frame: a source for the whole sentence.
#[derive(Debug, Clone)]
pub(crate) struct Outer {
    /// First token of the frame phrase.
    pub tok: usize,
    /// Last token of the frame phrase.
    pub last_tok: usize,
    /// The source named.
    pub source: Option<Source>,
}

/// Kind of a source from its entity type.
pub(crate) fn kind_of(kind: Option<EntityType>) -> SourceKind {
    match kind {
        Some(EntityType::Person) => SourceKind::Person,
        Some(EntityType::Agency) => SourceKind::Agency,
        Some(EntityType::Country | EntityType::Organization | EntityType::Place) => SourceKind::Institution,
        Some(EntityType::Product) | None => SourceKind::Unnamed,
    }
}

fn is_cue_tok(view: &View, i: usize) -> bool {
    view.cues.iter().any(|c| {
        c.tok <= i
            && i <= c.last_tok
            && matches!(
                c.hit.what,
                What::Reporting | What::OuterFrame | What::InnerFrame | What::Trigger(_)
            )
    })
}

/// True when the speech verb at `tok` stands between two commas right after another speech
/// verb and its subject, with a complementizer after the closing comma ("ونفت النقابة، في بيان
/// نشرته على موقعها، أن …"): it says where the outer verb spoke; the complement is the outer verb's.
pub(crate) fn in_speech_parenthesis(view: &View, tok: usize) -> bool {
    /// Most words on each side of the verb inside the commas, and between the outer verb and
    /// the opening comma.
    const REACH: usize = 8;
    let lx = Lexicon::get();
    let comma = |i: usize| matches!(view.key(i), "،" | ",");
    let Some(open) = (tok.saturating_sub(REACH)..tok).rev().find(|&i| view.is_punct(i)) else {
        return false;
    };
    let Some(close) = (tok + 1..(tok + 1 + REACH).min(view.toks.len())).find(|&i| view.is_punct(i)) else {
        return false;
    };
    comma(open)
        && comma(close)
        && close + 1 < view.toks.len()
        && lx.complementizers.contains(view.key(close + 1))
        && view.cues.iter().any(|c| {
            c.tok < open
                && open - c.last_tok <= REACH
                && matches!(c.hit.what, What::Reporting | What::Denial)
                && !(c.last_tok + 1..open).any(|i| view.is_punct(i))
        })
}

/// The subject of a sentence that opens on a verb ("وحمّل X الوزارة المسؤولية، وقال إن …"): the
/// name right after that verb, for a speech verb joined to it by «و» with no subject of its own
/// and no other speech verb between them.
fn first_verbs_subject(view: &View, tok: usize) -> Option<Source> {
    /// Most words of the subject, title and name ("رئيس اتحاد المزارعين كريم العبدالله").
    const SUBJECT_REACH: usize = 6;
    // A past verb ("وقال"): an imperfect joined by «و» ("وتنقل الأشخاص") is rarely a speaker's.
    let past = view.cues.iter().any(|c| c.tok == tok && !c.hit.imperfect);
    if tok <= 2 || !view.key(tok).starts_with('و') || view.is_punct(0) || !past {
        return None;
    }
    let speech_between = view.cues.iter().any(|c| {
        c.tok < tok
            && matches!(
                c.hit.what,
                What::Reporting | What::Denial | What::OuterFrame | What::InnerFrame
            )
    });
    if speech_between {
        return None;
    }
    // Up to a word led by a preposition ("بقرار"، "بسرعة"): what follows is no part of the
    // subject, and a name read from such a word is none. Places are where, not who.
    let led_by_preposition = |i: usize| {
        let k = view.key(i);
        k.starts_with(['ب', 'ل']) && k.chars().count() >= 4 && !k.starts_with("ال")
    };
    let group = (1..=SUBJECT_REACH.min(tok - 1))
        .take_while(|&i| !view.is_punct(i) && (view.group_of[i].is_some() || !led_by_preposition(i)))
        .filter_map(|i| view.group_of[i].map(|g| (i, &view.groups[g])))
        .find(|(_, g)| g.kind != EntityType::Place && g.last < tok)
        .filter(|&(i, g)| {
            // A listed name may start with those letters ("بايدن"); a name no list knows, read
            // from a word led by a preposition, is none ("بسرعة تحرك").
            let listed = g.entity.as_ref().is_some_and(|e| !e.as_str().starts_with("new:"));
            g.first == i
                && (listed || !led_by_preposition(i))
                && matches!(
                    g.kind,
                    EntityType::Person | EntityType::Organization | EntityType::Country
                )
        })
        .map(|(_, g)| g)?;
    // With its title: the words from the subject's start up to the name.
    let limit = group.last + 1;
    source_np(view, 1, view.toks[1].span().start, limit).or_else(|| {
        Some(Source {
            name: view.text(group.span).to_string(),
            entity: group.entity.clone(),
            kind: kind_of(Some(group.kind)),
            span: Some(group.span),
        })
    })
}

/// The source phrase starting at byte `start` in token `first`, ending before `limit`.
pub(crate) fn source_np(view: &View, first: usize, start: usize, limit: usize) -> Option<Source> {
    let lx = Lexicon::get();
    let limit = limit.min(view.toks.len());
    let mut i = first;
    // Leading time words ("وذكرت أمس …") are not the source.
    while i < limit && view.is_time_token(i) {
        i += 1;
    }
    // "آخر بيان لوزارة الداخلية": the source is who issued the statement.
    let mut d = i;
    while d < limit && view.group_of[d].is_none() && lx.document_heads.contains(view.key(d)) {
        d += 1;
    }
    let issuer = (d > i && d < limit)
        .then(|| view.clitic_prep(d))
        .flatten()
        .filter(|(p, _)| *p == "ل");
    if issuer.is_some() {
        i = d;
    }
    if i >= limit {
        return None;
    }
    let start = match issuer {
        Some((_, at)) => at,
        None if i == first => start,
        None => view.toks[i].span().start,
    };
    // An office's phrase may coordinate nouns in what it speaks for ("باسم وزارة الصحة والسكان").
    let office =
        super::roles::listed(&lx.person_heads, view.key(i)) || lx.institution_heads.contains(view.key(i));
    let mut last = None;
    let mut j = i;
    while j < limit && j - i < 9 {
        let k = view.key(j);
        // "لـ«نواكشوط نيوز»": a preposition written apart with a tatweel.
        let detached_clitic = matches!(k.trim_end_matches('ـ'), "ل" | "ب");
        let stop = view.is_punct(j)
            || detached_clitic
            || (view.is(j, Sets::PREPOSITION) && !view.is(j, Sets::NAME_LINK))
            || view.is(j, Sets::COMPLEMENTIZER | Sets::STOP)
            || (j > i && view.is_time_token(j))
            || (j > i
                && view.group_of[j].is_none()
                && view.clitic_prep(j).is_some()
                && !view.is(j, Sets::NAME_LINK))
            || (j > i && is_cue_tok(view, j))
            || (view.group_of[j].is_none() && super::roles::ends_definite_phrase(view, j, i))
            || (j > i
                && view.group_of[j].is_none()
                && view.toks[j].kind == TokenKind::Arabic
                && super::roles::conjoined_at(view, j)
                && !(office && k.starts_with("وال")));
        if stop {
            break;
        }
        // A group ends the phrase with it.
        let mut person = false;
        if let Some(g) = view.group_of[j] {
            j = view.groups[g].last;
            person = view.groups[g].kind == EntityType::Person;
        }
        last = Some(j);
        j += 1;
        // A person's name ends the source ("الناطق باسم الحكومة X وجود …": what X denied follows);
        // after another name only its adjectives or another name continue it ("… المغربية صدر").
        let named = view.group_of[j - 1].is_some();
        if person || (named && j < limit && view.group_of[j].is_none() && !view.key(j).starts_with("ال")) {
            break;
        }
    }
    let mut last = last?;
    // "المتحدث باسم وزارة الصحة، الدكتور X،": the name in commas after an unnamed office is who
    // speaks.
    let named =
        (i..=last).any(|t| view.group_of[t].is_some_and(|g| view.groups[g].kind == EntityType::Person));
    if !named
        && view.key(last + 1) == "،"
        && let Some(g) = (last + 2..(last + 5).min(limit))
            .find_map(|t| view.group_of[t])
            .map(|g| &view.groups[g])
        && g.kind == EntityType::Person
        && (last + 2..g.first).all(|t| !view.is_punct(t) && view.group_of[t].is_none())
        && (g.last + 1 >= limit || view.is_punct(g.last + 1))
    {
        last = g.last;
    }
    let span = Span::new(start, view.toks[last].span().end.max(start));
    // The head with a conjunction removed, unless the word itself starts with و (وسائل، وكالة).
    let raw = view.key(i);
    let listed = |w: &str| {
        lx.unnamed.contains(w)
            || lx.agency_heads.contains(w)
            || lx.person_heads.contains(w)
            || lx.institution_heads.contains(w)
    };
    let trimmed = raw.strip_prefix(['و', 'ف']).unwrap_or(raw);
    let head = if listed(raw) || !listed(trimmed) {
        raw.to_string()
    } else {
        trimmed.to_string()
    };
    let groups: Vec<_> = view
        .groups
        .iter()
        .filter(|g| g.first >= i && g.last <= last)
        .collect();
    let person = groups.iter().find(|g| g.kind == EntityType::Person);
    let first_group = groups.first();
    let (kind, entity) = if lx.unnamed.contains(&head) {
        (SourceKind::Unnamed, None)
    } else if lx.agency_heads.contains(&head) {
        let agency = groups
            .iter()
            .find(|g| g.kind == EntityType::Agency)
            .or(first_group);
        (SourceKind::Agency, agency.and_then(|g| g.entity.clone()))
    } else if lx.person_heads.contains(&head) && person.is_some() {
        (SourceKind::Person, person.and_then(|g| g.entity.clone()))
    } else if let Some(g) = person.or(first_group) {
        (kind_of(Some(g.kind)), g.entity.clone())
    } else if lx.person_heads.contains(&head) {
        (SourceKind::Person, None)
    } else if lx.institution_heads.contains(&head) {
        (SourceKind::Institution, None)
    } else {
        // A phrase that names nobody ("حسب الاقتضاء", "لأول مرة") is not a source.
        return None;
    };
    Some(Source {
        name: view.text(span).to_string(),
        entity,
        kind,
        span: Some(span),
    })
}

/// Reporting frames and outer frames of a sentence. `carried` is the last named source of the
/// document, the speaker of a verb without a subject ("وأضاف: …").
/// Where the subject of a verb told in the pluperfect starts: "وكان X قد أكد …"، "وكانت X قد
/// نفت …" put who speaks between كان and قد, right before the verb.
pub(crate) fn subject_before_qad(view: &View, verb: usize) -> Option<usize> {
    /// Most words between كان and قد.
    const SUBJECT_WORDS: usize = 8;
    let qad = verb
        .checked_sub(1)
        .filter(|&q| crate::grammar::grammar().is_perfect_particle(view.key(q)))?;
    let kana = (qad.saturating_sub(SUBJECT_WORDS + 1)..qad)
        .rev()
        .find(|&i| crate::grammar::grammar().is_past_copula(crate::grammar::without_wa(view.key(i))))?;
    let first = kana + 1;
    (first < qad && (first..qad).all(|i| !view.is_punct(i) || view.key(i) == "،")).then_some(first)
}

/// Who speaks in "وكان X قد أكد …": the phrase between كان and قد, whether or not its head is a
/// known title («مدير الميناء عادل ناصيف»); the position says it is the subject.
pub(crate) fn pluperfect_subject(view: &View, verb: usize) -> Option<Source> {
    let first = subject_before_qad(view, verb)?;
    let qad = verb - 1;
    source_np(view, first, view.toks[first].span().start, qad).or_else(|| {
        let span = view.tok_span(first, qad - 1);
        let people =
            (first..qad).any(|i| view.group_of[i].is_some_and(|g| view.groups[g].kind == EntityType::Person));
        Some(Source {
            name: view.text(span).trim_end_matches('،').trim().to_string(),
            entity: None,
            kind: if people {
                SourceKind::Person
            } else {
                SourceKind::Institution
            },
            span: Some(span),
        })
    })
}

pub(crate) fn frames(view: &View, carried: Option<&Source>) -> (Vec<Frame>, Vec<Outer>) {
    let lx = Lexicon::get();
    let n = view.toks.len();
    let mut outers = Vec::new();
    for cue in view.cues.iter().filter(|c| c.hit.what == What::OuterFrame) {
        // "وفقاً لـX": the name may start inside the frame's last word.
        let (first, start) = if cue.span.end < view.toks[cue.last_tok].span().end {
            (cue.last_tok, cue.span.end)
        } else {
            let next = cue.last_tok + 1;
            (
                next,
                view.toks.get(next).map_or(view.span.end, |t| t.span().start),
            )
        };
        let source = source_np(view, first, start, n);
        outers.push(Outer {
            tok: cue.tok,
            last_tok: cue.last_tok,
            source,
        });
    }
    let in_outer = |i: usize| outers.iter().any(|o| o.tok <= i && i <= o.last_tok);
    let mut frames = Vec::new();
    for cue in view.cues.iter().filter(|c| c.hit.what == What::Reporting) {
        // "المسؤولون الذين أعلنوا …": a reporting verb in a relative clause frames nothing.
        let relative = cue
            .tok
            .checked_sub(1)
            .is_some_and(|p| crate::grammar::grammar().is_relative_pronoun(view.key(p)));
        if in_outer(cue.tok) || relative || in_speech_parenthesis(view, cue.tok) {
            continue;
        }
        let after = cue.last_tok + 1;
        let scan_end = (after + 16).min(n);
        let opener = (after..scan_end).find(|&i| {
            let k = view.key(i);
            lx.complementizers.contains(k) || matches!(k, ":" | "“" | "«" | "\"") || k == "."
        });
        let opener = opener.filter(|&i| view.key(i) != ".");
        let inner_cue = view
            .cues
            .iter()
            .find(|c| c.hit.what == What::InnerFrame && c.tok >= after && opener.is_none_or(|o| c.tok < o));
        let np_end = inner_cue.map(|c| c.tok).or(opener).unwrap_or(scan_end);
        let mut source = view
            .toks
            .get(after)
            .and_then(|t| source_np(view, after, t.span().start, np_end));
        if source.is_none() {
            // "X قال …": the name right before the verb.
            source = cue.tok.checked_sub(1).and_then(|p| view.group_of[p]).map(|g| {
                let g = &view.groups[g];
                Source {
                    name: view.text(g.span).to_string(),
                    entity: g.entity.clone(),
                    kind: kind_of(Some(g.kind)),
                    span: Some(g.span),
                }
            });
        }
        if source.is_none() {
            source = pluperfect_subject(view, cue.tok);
        }
        if source.is_none() {
            source = first_verbs_subject(view, cue.tok);
        }
        if source.is_none()
            && let Some(t) = view
                .toks
                .get(after)
                .filter(|_| lx.pronoun_subjects.contains(view.key(after)))
        {
            // "ويذكّر هؤلاء بأن …": someone the text points back to, not the last source named.
            source = Some(Source {
                name: view.text(t.span()).to_string(),
                entity: None,
                kind: SourceKind::Unnamed,
                span: Some(t.span()),
            });
        }
        let uses_carried = source.is_none();
        if uses_carried {
            source = carried.cloned();
        }
        let inner = inner_cue
            .and_then(|c| {
                let next = c.last_tok + 1;
                view.toks
                    .get(next)
                    .and_then(|t| source_np(view, next, t.span().start, opener.unwrap_or(n)))
            })
            .into_iter()
            .collect();
        // "أعلنت الوزارة مقتل 14 شخصاً": without إن/أن the object after the source is what is said.
        let object_start = source
            .as_ref()
            .and_then(|s| s.span)
            .filter(|s| {
                opener.is_none() && s.start >= view.toks.get(after).map_or(usize::MAX, |t| t.span().start)
            })
            .map(|s| view.toks.partition_point(|t| t.span().start < s.end));
        let (from, to) = match opener {
            Some(o) => (o, n),
            None if object_start.is_some_and(|o| o < n) => (object_start.unwrap_or(n), n),
            // A verb after a closing quote governs the quote before it.
            None if (0..cue.tok).any(|i| matches!(view.key(i), "”" | "»" | "\"")) => (0, cue.tok),
            None => (0, 0),
        };
        frames.push(Frame {
            tok: cue.tok,
            source,
            inner,
            carried: uses_carried,
            from,
            to,
        });
    }
    (frames, outers)
}
