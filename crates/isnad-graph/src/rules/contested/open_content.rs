//! Denials of open content: a statement that denies or negates what another article asserts.

use super::{as_fact, dispute_kind};
use crate::finding::{Finding, Side};
use crate::rules::finding;
use crate::view::Context;
use isnad_claims::claims::{Source, SourceKind, Stance, Statement};
use isnad_claims::facts::{root_last_letter, roots_meet};
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// How many of a denial's first content words say what is denied (the rest are where and when).
const DENIED_CORE_WORDS: usize = 5;

/// Share of the weight of a denial's core words an assertion must share to be what it denies.
const DENIED_SHARE: f64 = 0.5;

/// Share of the core weight when the denier is the source the assertion quotes: one source
/// quoted both ways by two articles must be quoted on nearly the same words.
const MISQUOTED_SHARE: f64 = 0.75;

/// How many of a denial's first words say what is denied (its predicate, or its subject).
const PREDICATE_WORDS: usize = 1;

/// Shared core words that align a denial verb's complement with an assertion even without its
/// first word.
const SHARED_WITHOUT_PREDICATE: usize = 3;

/// Fewest core words an assertion must share with a denial.
const DENIED_SHARED_WORDS: usize = 2;

/// One finding per denial of open content that another article asserts: a tension between
/// sources when the denier or every asserter is a cited source, a contradiction when an article
/// states it in its own voice against another's (`polarity_conflict`).
pub(super) fn open_disputes(
    context: &Context<'_>,
    denied_sentences: &mut std::collections::BTreeSet<(usize, Option<isnad_parser::Span>)>,
) -> Vec<Finding> {
    let statements: Vec<(usize, &Statement)> = context
        .analyses
        .iter()
        .enumerate()
        .flat_map(|(doc, a)| a.statements.iter().map(move |s| (doc, s)))
        .collect();
    if statements.is_empty() {
        return Vec::new();
    }
    // Inverse document frequency over the story's statements: a word most of them use (the
    // story's topic) says little about which statement answers which.
    let mut roots = Roots::default();
    let words: Vec<Words> = statements.iter().map(|(_, s)| roots.words_of(s)).collect();
    let mut df: Vec<usize> = vec![0; roots.words.len()];
    for w in &words {
        for &key in &w.keys {
            df[key as usize] += 1;
        }
    }
    let n = statements.len() as f64;
    // A word weighs by how rare it is in the rest of the story: the two statements compared
    // do not count (in a story of two articles every word weighs the same). A word of no
    // statement's content (a speaker's) counts none.
    let weight = |key: u32, assertion: &Words| {
        let own = 1 + usize::from(assertion.keys.contains(&key));
        let rest = match df[key as usize] {
            0 => 0,
            count => count.saturating_sub(own),
        };
        (1.0 + n / (1 + rest) as f64).ln()
    };
    // Statements that read alike (the same words, negations, stance, time and named speaker)
    // answer and are answered alike: each reading is compared once, whatever the number of
    // articles that repeat it, and its statements are listed in story order.
    let mut reading_of: FxHashMap<Reading<'_>, usize> = FxHashMap::default();
    let mut readings: Vec<usize> = Vec::with_capacity(statements.len());
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (n, &(_, s)) in statements.iter().enumerate() {
        let reading = Reading::of(s);
        let next = reading_of.len();
        let id = *reading_of.entry(reading).or_insert(next);
        if id == members.len() {
            members.push(Vec::new());
        }
        members[id].push(n);
        readings.push(id);
    }
    // A reading's statements in one article (its statements are in story order).
    let of_doc = |id: usize, doc: usize| {
        let list = &members[id];
        let from = list.partition_point(|&m| statements[m].0 < doc);
        &list[from..list.partition_point(|&m| statements[m].0 <= doc)]
    };
    let in_doc = |id: usize, doc: usize| of_doc(id, doc).len();
    // One member of each reading that asserts, to compare for all of them.
    let asserting: Vec<usize> = members
        .iter()
        .enumerate()
        .filter(|(_, m)| {
            let (_, a) = statements[m[0]];
            a.stance == Stance::Asserts && !a.other_time
        })
        .map(|(id, _)| id)
        .collect();
    let mut answered_readings: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    let mut findings: Vec<Finding> = Vec::new();
    let mut disputes: Vec<Dispute<'_>> = Vec::new();
    // A denial, or a statement that negates part of what it says ("هجمات في السويداء دون وقوع
    // ضحايا").
    for (n, &(denial_doc, denial)) in statements.iter().enumerate() {
        if !((denial.stance == Stance::Denies || !denial.negated.is_empty()) && !denial.other_time) {
            continue;
        }
        let denier = named_speaker(denial);
        let matched = match answered_readings.entry(readings[n]) {
            std::collections::hash_map::Entry::Occupied(known) => known.into_mut(),
            std::collections::hash_map::Entry::Vacant(new) => {
                let mut matched = Vec::new();
                for &id in &asserting {
                    let m = members[id][0];
                    let pair = ((denial, &words[n]), (statements[m].1, &words[m]));
                    if answers(pair, &weight, &mut roots) {
                        matched.push(id);
                    }
                }
                new.insert(matched)
            }
        };
        // The answered readings' statements but the denial's article's, counted per reading
        // (statements come article by article): listed only for a new finding, so n copies of
        // a denial cost n counts, not n lists of the n copies they answer.
        let outside = |id: usize, doc: usize| members[id].len() - in_doc(id, doc);
        if matched.iter().all(|&id| outside(id, denial_doc) == 0) {
            continue;
        }
        let sentence = context.documents[denial_doc]
            .sentence_of(denial.span)
            .map(|s| s.span);
        if !denied_sentences.insert((denial_doc, sentence)) {
            continue;
        }
        // The same source denying the same thing twice (in an article's headline and body, or
        // in two articles) is one dispute: the later denial joins the earlier finding.
        if let Some(at) = disputes.iter().position(|d: &Dispute<'_>| {
            let same_denier = match (d.denier, denier) {
                (Some(x), Some(y)) => same_source(x, y),
                _ => d.doc == denial_doc,
            };
            // A statement both answer: one of a reading both answer, in neither article left out.
            same_denier
                && matched.iter().any(|&id| {
                    d.answered.get(&id).is_some_and(|&left_out| {
                        let also_left_out = match left_out {
                            Some(doc) if doc != denial_doc => in_doc(id, doc),
                            _ => 0,
                        };
                        outside(id, denial_doc) > also_left_out
                    })
                })
        }) {
            let dispute = &mut disputes[at];
            // What it answers that the dispute did not: the statements of a reading new to it,
            // or of the article it left out so far.
            let mut added: Vec<usize> = Vec::new();
            for &id in matched.iter() {
                let new = |m: &&usize| statements[**m].0 != denial_doc;
                match dispute.answered.get(&id).copied() {
                    None => {
                        dispute.answered.insert(id, Some(denial_doc));
                        added.extend(members[id].iter().filter(new));
                    }
                    Some(Some(left_out)) if left_out != denial_doc => {
                        dispute.answered.insert(id, None);
                        added.extend(of_doc(id, left_out).iter().filter(new));
                    }
                    Some(_) => {}
                }
            }
            added.sort_unstable();
            crate::tally::tally(crate::tally::Work::AnsweredStatement, added.len());
            for m in added {
                let (doc, a) = statements[m];
                dispute.earlier.push(statement_side(context, doc, a, "asserted"));
            }
            findings[dispute.finding]
                .sides
                .push(statement_side(context, denial_doc, denial, "denied"));
            continue;
        }
        let mut answered_at: Vec<usize> = matched
            .iter()
            .flat_map(|&id| members[id].iter().copied())
            .filter(|&m| statements[m].0 != denial_doc)
            .collect();
        answered_at.sort_unstable();
        crate::tally::tally(crate::tally::Work::AnsweredStatement, answered_at.len());
        let answered: Vec<(usize, &Statement)> = answered_at.iter().map(|&m| statements[m]).collect();
        let who = |doc: usize, s: &Statement| match named_speaker(s) {
            Some(source) => source.name.clone(),
            None => as_fact(context, doc),
        };
        let mut asserters: Vec<String> = answered.iter().map(|&(doc, a)| who(doc, a)).collect();
        asserters.sort_unstable();
        asserters.dedup();
        // One source quoted both ways by two articles is no dispute between sources: the
        // articles contradict each other on what it said.
        let misquoted = denier.is_some_and(|d| {
            answered
                .iter()
                .all(|(_, a)| named_speaker(a).is_some_and(|x| same_source(x, d)))
        });
        let cited =
            !misquoted && (denier.is_some() || answered.iter().all(|(_, a)| named_speaker(a).is_some()));
        let (kind, severity) = dispute_kind(cited);
        let message = if misquoted {
            let mut asserting: Vec<&str> = answered
                .iter()
                .map(|&(d, _)| context.documents[d].id.as_str())
                .collect();
            asserting.sort_unstable();
            asserting.dedup();
            format!(
                "«{}» reported as asserted by {} ({}) and as denied by it ({})",
                excerpt(&denial.text),
                who(denial_doc, denial),
                asserting.join(", "),
                context.documents[denial_doc].id
            )
        } else {
            format!(
                "«{}» asserted by {} and denied by {}",
                excerpt(&denial.text),
                asserters.join("; "),
                who(denial_doc, denial)
            )
        };
        let mut sides: Vec<Side> = answered
            .iter()
            .map(|&(doc, a)| statement_side(context, doc, a, "asserted"))
            .collect();
        sides.push(statement_side(context, denial_doc, denial, "denied"));
        disputes.push(Dispute {
            doc: denial_doc,
            denier,
            answered: matched.iter().map(|&id| (id, Some(denial_doc))).collect(),
            earlier: Vec::new(),
            finding: findings.len(),
        });
        findings.push(finding(kind, severity, message, sides));
    }
    // Assertions a later denial added come first, the last added first (as they were found).
    for dispute in disputes {
        if !dispute.earlier.is_empty() {
            let sides = &mut findings[dispute.finding].sides;
            let mut earlier = dispute.earlier;
            earlier.reverse();
            earlier.append(sides);
            *sides = earlier;
        }
    }
    findings
}

/// What decides whether a statement answers or is answered by another: its content's keys and
/// negations, its stance, its time and its named speaker (never its article).
#[derive(PartialEq, Eq, Hash)]
struct Reading<'s> {
    stance: Stance,
    other_time: bool,
    keys: &'s [Arc<str>],
    negated: &'s [Arc<str>],
    speaker_keys: &'s [Arc<str>],
    speaker: Option<(&'s str, Option<&'s isnad_claims::entities::EntityId>)>,
}

impl<'s> Reading<'s> {
    fn of(s: &'s Statement) -> Reading<'s> {
        Reading {
            stance: s.stance,
            other_time: s.other_time,
            keys: &s.keys,
            negated: &s.negated,
            speaker_keys: &s.speaker_keys,
            speaker: named_speaker(s).map(|x| (x.name.as_str(), x.entity.as_ref())),
        }
    }
}

/// A statement's words as ids of the story's words ([`Roots`]).
struct Words {
    keys: Box<[u32]>,
    negated: Box<[u32]>,
    speaker_keys: Box<[u32]>,
}

/// The story's statement words, each with an id, and whether two of them meet on one root
/// ([`roots_meet`]), each pair asked once: the readings of a story ask the same pairs of its
/// words again and again, and reading two roots walks both words' letters.
#[derive(Default)]
struct Roots<'s> {
    ids: FxHashMap<&'s str, u32>,
    words: Vec<&'s str>,
    /// Each word's [`root_last_letter`]: most pairs differ there and cannot meet, which is cheaper
    /// to tell than looking the pair up.
    last: Vec<Option<char>>,
    meet: FxHashMap<(u32, u32), bool>,
}

impl<'s> Roots<'s> {
    fn id(&mut self, word: &'s str) -> u32 {
        let next = self.words.len() as u32;
        let id = *self.ids.entry(word).or_insert(next);
        if id == next {
            self.words.push(word);
            self.last.push(root_last_letter(word));
        }
        id
    }

    fn words_of(&mut self, s: &'s Statement) -> Words {
        let mut ids = |list: &'s [Arc<str>]| list.iter().map(|w| self.id(w)).collect();
        Words {
            keys: ids(&s.keys),
            negated: ids(&s.negated),
            speaker_keys: ids(&s.speaker_keys),
        }
    }

    /// True when words `a` and `b` meet on one root (one word always does).
    fn meet(&mut self, a: u32, b: u32) -> bool {
        if a == b {
            return true;
        }
        let last = self.last[a as usize];
        if last.is_none() || last != self.last[b as usize] {
            return false;
        }
        let words = &self.words;
        *self.meet.entry((a.min(b), a.max(b))).or_insert_with(|| {
            crate::tally::tally(crate::tally::Work::RootsCompared, 1);
            roots_meet(words[a as usize], words[b as usize])
        })
    }

    /// True when a statement's content has a word of root `key`.
    fn has_key(&mut self, statement: &Words, key: u32) -> bool {
        statement.keys.iter().any(|&k| self.meet(k, key))
    }

    /// True when a statement negates `key`: the word its negation governs or one of the next.
    fn negates(&mut self, statement: &Words, key: u32) -> bool {
        let Some(at) = statement.keys.iter().position(|&k| self.meet(k, key)) else {
            return statement.negated.iter().any(|&n| self.meet(n, key));
        };
        statement.negated.iter().any(|n| {
            statement
                .keys
                .iter()
                .position(|k| k == n)
                .is_some_and(|from| (from..=from + NEGATION_SCOPE).contains(&at))
        })
    }
}

/// True when assertion `a` says what `denial` denies (see the module doc); `weight` weighs a key
/// by its rarity in the story besides the two statements.
fn answers(
    ((denial, dw), (a, aw)): ((&Statement, &Words), (&Statement, &Words)),
    weight: &impl Fn(u32, &Words) -> f64,
    roots: &mut Roots<'_>,
) -> bool {
    let denier = named_speaker(denial);
    // What a negation governs is denied wherever it stands ("الغارات على الغوطة لم تكن
    // بغاز الكلور"): it joins the first words.
    let mut core: Vec<u32> = dw.keys.iter().copied().take(DENIED_CORE_WORDS).collect();
    for k in &dw.negated {
        if dw.keys.contains(k) && !core.contains(k) {
            core.push(*k);
        }
    }
    // A denial verb denies its whole complement, said first ("نفى بيع أسئلة الفيزياء"); a
    // negation only the word it governs ("لن تتمكن"، "دون وقوع ضحايا").
    let denies_all = denial.stance == Stance::Denies;
    let predicate = |k: u32| {
        (denies_all && core.iter().take(PREDICATE_WORDS).any(|&c| c == k)) || dw.negated.contains(&k)
    };
    let shared: Vec<u32> = core.iter().copied().filter(|&k| roots.has_key(aw, k)).collect();
    // Three shared words say what is denied even when its word took another form
    // ("خلت" / "خلو").
    let relaxed = denies_all && shared.len() >= SHARED_WITHOUT_PREDICATE;
    // An assertion that negates what the denial asserts is no opposite; but a denial verb
    // denies its whole complement, negations and all: «نفى أن يكون استخدم مياهاً دون معالجة»
    // answers «استخدم المياه دون معالجتها».
    let negated_alike = |k: u32, roots: &mut Roots<'_>| denies_all && roots.negates(dw, k);
    if shared
        .iter()
        .any(|&k| roots.negates(aw, k) && !negated_alike(k, roots))
        || !(relaxed || shared.iter().any(|&k| predicate(k)))
    {
        return false;
    }
    let mut core_weight: f64 = core.iter().map(|&k| weight(k, aw)).sum();
    let mut shared_weight: f64 = shared.iter().map(|&k| weight(k, aw)).sum();
    // An article stating in its own voice what the denier does ("المرشد يعلن الحرب"
    // against the guide's "لن تكون هناك حرب") is about what the denier says: its name
    // is one more shared word, when what is denied is shared. A cited source's words
    // about the denier are its own account, not the denier's.
    let mut shared_count = shared.len();
    let names_denier = named_speaker(a).is_none() && shared.iter().any(|&s| predicate(s));
    if let Some(name) = dw
        .speaker_keys
        .iter()
        .filter(|&&k| names_denier && roots.has_key(aw, k) && !core.contains(&k))
        .map(|&k| weight(k, aw))
        .reduce(f64::max)
    {
        shared_count += 1;
        shared_weight += name;
        core_weight += name;
    }
    // A source quoted both ways must be quoted on the same thing: one consistent
    // with itself says the leak was of physics and denies one of mathematics.
    let share = match (named_speaker(a), denier) {
        (Some(x), Some(y)) if same_source(x, y) => MISQUOTED_SHARE,
        _ => DENIED_SHARE,
    };
    shared_count >= DENIED_SHARED_WORDS && shared_weight >= share * core_weight
}

/// A dispute found from statements: who denies, in which article, what they answer.
struct Dispute<'s> {
    doc: usize,
    denier: Option<&'s Source>,
    /// The readings it answers, each with the article whose statements of it it leaves out
    /// (the article of every denial that answered it, when that is one article).
    answered: FxHashMap<usize, Option<usize>>,
    /// Assertions later denials added, to put before the first denial's (in the order found).
    earlier: Vec<Side>,
    finding: usize,
}

/// Words after the one a negation governs that it still covers ("دون إبداء أسباب" says no
/// reasons as much as "بدون سبب").
const NEGATION_SCOPE: usize = 2;

/// Who makes a statement, when it names someone (not only the outlet).
fn named_speaker(statement: &Statement) -> Option<&Source> {
    statement
        .attribution
        .iter()
        .find(|s| s.kind != SourceKind::Outlet)
}

/// Folded titles of those who head a body and speak as it ("مدير شركة X").
const MANAGERS: &[&str] = &[
    "مدير",
    "المدير",
    "مديره",
    "المديره",
    "رئيس",
    "الرئيس",
    "رئيسه",
    "الرئيسه",
];

/// Folded heads of the bodies a manager speaks as.
const MANAGED_BODIES: &[&str] = &[
    "شركه",
    "مجموعه",
    "مؤسسه",
    "هيئه",
    "وزاره",
    "نقابه",
    "جمعيه",
    "بنك",
    "مصرف",
    "مستشفي",
    "بلديه",
    "مديريه",
    "اداره",
    "نادي",
    "اتحاد",
    "جامعه",
];

/// True when two sources name one speaker: one entity, or names with one head word ("الوزارة"،
/// "وزارة التربية الوطنية"). A spokesman speaks as the body he speaks for ("المتحدث باسم وزارة
/// النقل، X" and "وزارة النقل").
fn same_source(a: &Source, b: &Source) -> bool {
    // The words after «باسم», when the source speaks for a body; the body a manager heads
    // ("مدير شركة X"، "المدير العام لشركة X" speak as "الشركة").
    let spoken_for = |s: &Source| {
        let folded = isnad_parser::fold_key(&s.name);
        if let Some((_, body)) = folded.split_once("باسم ") {
            return Some(body.to_string());
        }
        let mut words = folded.split_whitespace();
        if !MANAGERS.contains(&words.next()?) {
            return None;
        }
        let at = folded.split_whitespace().position(|w| {
            let bare = w.strip_prefix("لل").or_else(|| w.strip_prefix('ل')).unwrap_or(w);
            MANAGED_BODIES.contains(&bare.strip_prefix("ال").unwrap_or(bare))
        })?;
        let body: Vec<&str> = folded.split_whitespace().skip(at).collect();
        let first = body[0]
            .strip_prefix("لل")
            .or_else(|| body[0].strip_prefix('ل'))
            .unwrap_or(body[0]);
        Some(
            std::iter::once(first)
                .chain(body[1..].iter().copied())
                .collect::<Vec<_>>()
                .join(" "),
        )
    };
    let head = |name: &str| {
        let first = name.split_whitespace().next().unwrap_or("").to_string();
        // "والشركة المشغلة": a conjunction glued to the headline's subject is no part of it.
        let first = match first.strip_prefix('و') {
            Some(rest) if rest.starts_with("ال") => rest.to_string(),
            _ => first,
        };
        match first.strip_prefix("ال") {
            Some(rest) if rest.chars().count() >= 2 => rest.to_string(),
            _ => first,
        }
    };
    let name_of = |s: &Source| spoken_for(s).unwrap_or_else(|| isnad_parser::fold_key(&s.name));
    if let (Some(x), Some(y)) = (&a.entity, &b.entity) {
        if x == y {
            return true;
        }
        return (spoken_for(a).is_some() || spoken_for(b).is_some())
            && head(&name_of(a)) == head(&name_of(b));
    }
    head(&name_of(a)) == head(&name_of(b))
}

/// The first words of a content, for a message.
fn excerpt(text: &str) -> String {
    const WORDS: usize = 10;
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= WORDS {
        text.to_string()
    } else {
        format!("{} …", words[..WORDS].join(" "))
    }
}

/// The evidence of a statement: its content, its sentence and who says it.
fn statement_side(context: &Context<'_>, doc: usize, statement: &Statement, value: &str) -> Side {
    Side {
        text: statement.text.to_string(),
        attribution: statement.attribution.iter().map(|s| s.name.clone()).collect(),
        ..crate::rules::text_side(context, doc, statement.span, Some(value.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::Roots;
    use isnad_claims::facts::roots_meet;

    /// Two words meet as the claims layer says, and each pair is read once however often the
    /// readings of a story ask it.
    #[test]
    fn each_pair_of_words_is_read_for_a_root_once() {
        let words = ["خطة", "خط", "وكثر", "كثر", "يؤثر", "خلو", "خلت", "حرب"];
        let mut roots = Roots::default();
        let ids: Vec<u32> = words.iter().map(|w| roots.id(w)).collect();
        crate::tally::take();
        for _ in 0..3 {
            for (a, x) in words.iter().zip(&ids) {
                for (b, y) in words.iter().zip(&ids) {
                    assert_eq!(roots.meet(*x, *y), roots_meet(a, b), "{a} / {b}");
                }
            }
        }
        // Pairs of words that end on another letter are never read.
        let ending = isnad_claims::facts::root_last_letter;
        let pairs = (words.iter().enumerate())
            .flat_map(|(n, a)| words[n + 1..].iter().map(move |b| (a, b)))
            .filter(|(a, b)| ending(a).is_some() && ending(a) == ending(b))
            .count();
        let read = crate::tally::take()
            .get(&crate::tally::Work::RootsCompared)
            .copied()
            .unwrap_or(0);
        assert_eq!(read, pairs);
    }
}
