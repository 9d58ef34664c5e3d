//! Where a name stands in its clause: whether a person, body or office there does what the
//! clause says, and where an office's title is.

use super::super::lexicon::Lexicon;
use super::super::read::preposition_led;
use isnad_parser::TokenKind;

/// True when a person or body whose name (with its title) starts at token `a` does what its
/// clause says: not a speaker ("قال X"، "X: …"، "X إن"), not after a preposition or a word of
/// company ("مع"، "بحسب"), unless listed as doers ("كل من X و Y"), a unit's body ("قوة من X"،
/// "دورية تابعة لـX") or the subject of an announced act ("أعلنت X تشكيل لجنة").
pub(super) fn doer_at(
    toks: &isnad_parser::Tokens,
    a: usize,
    glued_preposition: bool,
    after: Option<&str>,
) -> bool {
    let lx = Lexicon::get();
    let verbs = &crate::entities::lexicon::lexicon().reporting_verbs;
    let grammar = crate::grammar::grammar();
    let before = previous_word(toks, a);
    // "قوة من X"، "دورية تابعة لـX": the unit before is in a doer's place (not after a
    // preposition itself: "اعتقال عناصر من X" is done to them).
    let unit_at = |i: usize| {
        lx.units_of_bodies
            .contains(toks.key(i).trim_start_matches(['و', 'ف']))
            && previous_word(toks, i).is_none_or(|w| !lx.not_agent_before.contains(w) && !preposition_led(w))
    };
    // "تابعة لجهاز X": the head with «ل» before the name X is the affiliation's object.
    if let Some(head) = before.and_then(|w| w.strip_prefix('ل'))
        && crate::entities::is_body_head(head)
        && a >= 3
        && previous_word(toks, a - 1).is_some_and(|w| lx.affiliation.contains(w))
        && unit_at(a - 3)
    {
        return true;
    }
    let unit = a >= 2
        && match before {
            Some("من") => unit_at(a - 2),
            Some(w) if glued_preposition && lx.affiliation.contains(w) => {
                toks.key(a).trim_start_matches(['و', 'ف']).starts_with('ل') && unit_at(a - 2)
            }
            _ => false,
        };
    if unit {
        return true;
    }
    // "أعلنت وزارة النقل تشكيل لجنة": an act announced as a verbal noun, not a content said.
    let announced = before.is_some_and(|w| lx.announcing.contains(w))
        && after.is_some_and(|w| {
            w == "عن"
                || (w.chars().count() >= 3
                    && !grammar.is_complementizer(w)
                    && !lx.not_agent_before.contains(w)
                    && !preposition_led(w)
                    && w.chars().all(char::is_alphabetic))
        });
    let speaker = !announced
        && (before.is_some_and(|w| verbs.contains(w))
            || after.is_some_and(|w| w == ":" || grammar.is_complementizer(w)));
    // "وقّع الاتفاق كل من X و Y" lists the doers.
    let listed = before == Some("من") && a >= 2 && toks.key(a - 2).ends_with("كل");
    let not_doer = before.is_some_and(|w| lx.not_agent_before.contains(w) || preposition_led(w));
    !(speaker || glued_preposition || (not_doer && !listed))
}

/// True when folded word `key` may open an office's title, a conjunction glued to it or not
/// ("وزير"، "والمحافظ").
pub(super) fn may_open_office(key: &str, lex: &crate::entities::lexicon::Lexicon) -> bool {
    lex.office_first_words.contains(key)
        || key
            .strip_prefix(['و', 'ف'])
            .is_some_and(|rest| lex.office_first_words.contains(rest))
}

/// The tokens of an office's title starting at token `i` ("وزير الصحة"، "المحافظ"، "محافظ
/// العاصمة"), a conjunction glued to its first word allowed: a title of an office class with
/// the article or of two words or more, and a territorial title's one complement ("محافظ
/// العاصمة") or a minister's second portfolio ("وزير الرياضة والشباب").
pub(super) fn office_at(
    toks: &isnad_parser::Tokens,
    i: usize,
    lex: &crate::entities::lexicon::Lexicon,
) -> Option<(usize, usize)> {
    const MAX_TITLE: usize = 4;
    let arabic = |j: usize| j < toks.len() && toks.pieces[j].kind == TokenKind::Arabic;
    if !arabic(i) {
        return None;
    }
    let first = toks.key(i);
    let bare = if lex.office_first_words.contains(first) {
        first
    } else {
        match first.strip_prefix(['و', 'ف']) {
            Some(rest) if lex.office_first_words.contains(rest) => rest,
            _ => return None,
        }
    };
    let mut words = vec![bare];
    words.extend(
        (i + 1..(i + MAX_TITLE).min(toks.len()))
            .take_while(|&j| arabic(j))
            .map(|j| toks.key(j)),
    );
    let n = lex.office_words(&words)?;
    if n == 1 && !bare.starts_with("ال") {
        // "وزير" or "محافظ" alone: a complement must say which ("محافظ العاصمة").
        let next = words.get(1)?;
        if !(lex.territorial_titles.contains(bare) && next.starts_with("ال")) {
            return None;
        }
        return Some((i, i + 2));
    }
    let mut end = i + n;
    // "وزير الرياضة والشباب": a second portfolio joined by «و».
    if n >= 2
        && arabic(end)
        && toks.key(end).starts_with("وال")
        && lex.office_words(&[words[0], &toks.key(end)[2..]]).is_some()
    {
        end += 1;
    }
    Some((i, end))
}

/// The folded word before token `i`, a glued conjunction taken off ("وفي" → "في").
pub(super) fn previous_word(toks: &isnad_parser::Tokens, i: usize) -> Option<&str> {
    let j = i.checked_sub(1)?;
    if toks.pieces[j].kind != TokenKind::Arabic {
        return None;
    }
    let w = toks.key(j);
    Some(match w.strip_prefix(['و', 'ف']) {
        Some(rest) if rest.chars().nth(1).is_some() => rest,
        _ => w,
    })
}
