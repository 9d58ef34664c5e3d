//! Who and where compared across reports (docs/facts.md, "Who and where"): two reports whose
//! clauses say the same thing («أمر … بإغلاق سوق الخضار» / «أصدر … قرار إغلاق سوق الخضار») but
//! name a different doer, or a different place, disagree, unless either report names both itself. No event of the trigger lexicon need join them.

use super::{Comparison, Outcome};
use isnad_claims::DocAnalysis;
use isnad_claims::entities::{EntityId, EntityKey, EntityType};
use isnad_claims::facts::{Participant, ParticipantRole, Sector};
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::sync::Arc;

/// Share of the smaller clause's weight two clauses must share to say the same thing: less than
/// half, as two reports rarely word who did a thing, or where, alike.
const ALIGNED_SHARE: f64 = 0.4;

/// Shared words two clauses need, and how many of them most reports do not use.
const MIN_SHARED: usize = 2;
const MIN_DISTINCTIVE: usize = 1;

/// Two reports that name a different doer or place for what their clauses both say.
#[derive(Debug, Clone)]
pub(crate) struct ParticipantConflict {
    /// Document index and index into that document's participants, one per report.
    pub pair: [(usize, usize); 2],
    /// The words their clauses share, most distinctive first.
    pub shared: Vec<String>,
}

/// What one report names: entity ids, and each distinct name's words (an index into
/// [`Names`]) with its kind.
type Known<'a> = (
    FxHashSet<&'a EntityId>,
    FxHashSet<&'a EntityKey>,
    Vec<(u32, EntityType)>,
);

/// A participant with its clause's words as ids.
struct View<'a> {
    doc: usize,
    index: usize,
    p: &'a Participant,
    words: Vec<u32>,
    /// The words of its name ([`name_words`]), an index into [`Names`].
    name: u32,
}

/// The words of each distinct name of the story ([`name_words`]), each list once: copies of one
/// text name the same people, so each name is read once and compared as an index.
#[derive(Default)]
struct Names<'a> {
    lists: Vec<Vec<String>>,
    by_words: FxHashMap<Vec<String>, u32>,
    by_text: FxHashMap<&'a str, u32>,
}

impl<'a> Names<'a> {
    /// The index of the words of `name`.
    fn of(&mut self, name: &'a str) -> u32 {
        if let Some(&n) = self.by_text.get(name) {
            return n;
        }
        let words = name_words(name);
        let next = self.lists.len() as u32;
        let n = *self.by_words.entry(words).or_insert_with_key(|words| {
            self.lists.push(words.clone());
            next
        });
        self.by_text.insert(name, n);
        n
    }

    fn words(&self, n: u32) -> &[String] {
        &self.lists[n as usize]
    }
}

/// Compares the participants of every report with those of the others.
pub(crate) fn compare<'a>(analyses: &'a [DocAnalysis]) -> (Vec<ParticipantConflict>, Vec<Comparison>) {
    // Words by their rough root: "اندلع الحريق" meets "اندلعت النيران", "أمر" meets "أوامر".
    let mut ids: FxHashMap<String, u32> = FxHashMap::default();
    // Each spelling's id, its root read once: copies of one text repeat every word.
    let mut id_of_spelling: FxHashMap<&'a str, u32> = FxHashMap::default();
    // The first spelling seen of each word, for messages.
    let mut spelling: Vec<&'a str> = Vec::new();
    let mut names = Names::default();
    let mut views: Vec<View<'_>> = Vec::new();
    // Sentences by (doc, start): the story's sentences that name someone, for word weights.
    let mut sentences: FxHashMap<(usize, usize), Vec<u32>> = FxHashMap::default();
    for (doc, analysis) in analyses.iter().enumerate() {
        for (index, p) in analysis.participants.iter().enumerate() {
            let mut id_of = |w: &'a str| {
                *id_of_spelling.entry(w).or_insert_with(|| {
                    let next = ids.len() as u32;
                    let id = *ids.entry(aligned_root(w)).or_insert(next);
                    if id == next {
                        spelling.push(w);
                    }
                    id
                })
            };
            let mut words: Vec<u32> = p.context.iter().map(|w| id_of(w)).collect();
            words.sort_unstable();
            words.dedup();
            if let std::collections::hash_map::Entry::Vacant(slot) = sentences.entry((doc, p.sentence.start))
            {
                slot.insert(p.sentence_words().iter().map(|w| id_of(w)).collect());
            }
            views.push(View {
                doc,
                index,
                p,
                words,
                name: names.of(&p.name),
            });
        }
    }
    let n = sentences.len().max(1) as f64;
    let mut df = vec![0usize; ids.len()];
    // How many reports use each word: sentences taken report by report, a report counted at
    // its first sentence with the word (a count and a last report per word, not a set of reports).
    let mut docs_of = vec![0usize; ids.len()];
    let mut last_doc = vec![usize::MAX; ids.len()];
    let mut in_order: Vec<(&(usize, usize), &Vec<u32>)> = sentences.iter().collect();
    in_order.sort_unstable_by_key(|&(&at, _)| at);
    for (&(doc, _), words) in in_order {
        for &w in words {
            df[w as usize] += 1;
            if last_doc[w as usize] != doc {
                last_doc[w as usize] = doc;
                docs_of[w as usize] += 1;
            }
        }
    }
    // Each word's weight, reckoned once: clauses are weighed pair by pair.
    let weights: Vec<f64> = df
        .iter()
        .map(|&d| match d {
            0 => 1.0,
            d => (1.0 + n / d as f64).ln(),
        })
        .collect();
    let weight = |w: u32| weights[w as usize];
    let reporting = analyses.iter().filter(|a| !a.participants.is_empty()).count();
    let story_wide_docs = 3.max((3 * reporting).div_ceil(4));
    let story_wide = |w: u32| docs_of[w as usize] >= story_wide_docs;
    let alignment =
        |x: &View<'_>, y: &View<'_>| super::judge::clause_overlap(&x.words, &y.words, weight, story_wide);
    let aligned = |&(share, shared, distinctive): &(f64, usize, usize)| {
        shared >= MIN_SHARED && distinctive >= MIN_DISTINCTIVE && share >= ALIGNED_SHARE
    };
    // A report that names the other's doer or place too, by id or by name, knows both: each did
    // their part («وقّع … كل من A و B»، «زار قريتي A و B»). Each report's ids and distinct names,
    // read once.
    let known: Vec<Known<'_>> = analyses
        .iter()
        .map(|a| {
            let ids = a
                .entities
                .mentions
                .iter()
                .filter_map(|m| m.entity.as_ref())
                .collect();
            let keys = a.participants.iter().map(|p| &p.entity).collect();
            let mut seen: FxHashSet<(&str, EntityType)> = FxHashSet::default();
            let named = a
                .entities
                .mentions
                .iter()
                .filter(|m| seen.insert((&*m.text, m.kind)))
                .map(|m| (names.of(&m.text), m.kind))
                .collect();
            (ids, keys, named)
        })
        .collect();
    let names = names;
    let names_both = |own: &View<'_>, other: &View<'_>| {
        let (ids, keys, named) = &known[own.doc];
        // A report that names the other doer only elsewhere, as a speaker or in other things,
        // still says this one did it: it knows both only as doers, or in the doer's own sentence.
        if own.p.role == ParticipantRole::Actor {
            let other_words = names.words(other.name);
            // Mentions come in text order: only those of the doer's sentence are looked at.
            let mentions = &analyses[own.doc].entities.mentions;
            let first = mentions.partition_point(|m| m.span.start < own.p.sentence.start);
            return keys.contains(&other.p.entity)
                || mentions[first..]
                    .iter()
                    .take_while(|m| m.span.start < own.p.sentence.end)
                    .filter(|m| own.p.sentence.contains(m.span))
                    .any(|m| {
                        m.entity
                            .as_ref()
                            .is_some_and(|id| other.p.entity.entity() == Some(id))
                            || one_name((&name_words(&m.text), m.kind), (other_words, other.p.kind))
                    });
        }
        other.p.entity.entity().is_some_and(|id| ids.contains(id))
            || keys.contains(&other.p.entity)
            || named.iter().any(|&(words, kind)| {
                one_name(
                    (names.words(words), kind),
                    (names.words(other.name), other.p.kind),
                )
            })
    };

    // Participants that are the same for the judgement — role, entity, name, kind, side,
    // modality, clause words, and what their report names — are one class: copies of one text
    // differ only in their report. A pair of classes is judged once for its pairs of two reports.
    type Named<'k> = (Vec<&'k EntityId>, Vec<&'k EntityKey>, Vec<(u32, EntityType)>);
    let mut known_ids: FxHashMap<Named<'_>, u32> = FxHashMap::default();
    let known_of: Vec<u32> = known
        .iter()
        .map(|(ids, keys, named)| {
            let mut ids: Vec<&EntityId> = ids.iter().copied().collect();
            ids.sort_unstable();
            let mut keys: Vec<&EntityKey> = keys.iter().copied().collect();
            keys.sort_unstable();
            // Two name lists are alike when they hold the same words the same number of times.
            let mut named = named.clone();
            named.sort_unstable();
            let next = known_ids.len() as u32;
            *known_ids.entry((ids, keys, named)).or_insert(next)
        })
        .collect();
    type Signature<'k> = (
        ParticipantRole,
        &'k EntityKey,
        EntityType,
        Option<Sector>,
        isnad_claims::claims::Modality,
        u32,
        &'k [u32],
        u32,
    );
    let mut class_ids: FxHashMap<Signature<'_>, u32> = FxHashMap::default();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (i, v) in views.iter().enumerate() {
        let key = (
            v.p.role,
            &v.p.entity,
            v.p.kind,
            v.p.sector,
            v.p.modality,
            v.name,
            &v.words[..],
            known_of[v.doc],
        );
        let next = members.len() as u32;
        let class = *class_ids.entry(key).or_insert(next);
        if class == next {
            members.push(Vec::new());
        }
        members[class as usize].push(i);
    }
    // Candidate pairs of classes through the words their clauses share (never all pairs).
    let mut postings: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for (c, list) in members.iter().enumerate() {
        for &w in &views[list[0]].words {
            postings.entry(w).or_default().push(c as u32);
        }
    }
    // A word most participants' clauses have pairs nothing: rarer words find the same pairs.
    // Counted in participants, not classes.
    let common = (views.len() / 10).max(8);
    let size = |c: u32| members[c as usize].len();
    let mut class_pairs: FxHashSet<(u32, u32)> = FxHashSet::default();
    for list in postings
        .values()
        .filter(|l| l.iter().map(|&c| size(c)).sum::<usize>() <= common)
    {
        for (k, &x) in list.iter().enumerate() {
            for &y in &list[k + 1..] {
                let (a, b) = (&views[members[x as usize][0]], &views[members[y as usize][0]]);
                if a.p.role == b.p.role && a.p.entity != b.p.entity {
                    class_pairs.insert((x.min(y), x.max(y)));
                }
            }
        }
    }
    // Each pair of classes judged on its first pair of two reports, in the order of those pairs.
    // Participants come report by report, so a class's first member pairs first, with the other
    // class's first member of a later report: the earlier of the two classes' such pairs is the
    // first pair of two reports.
    let first_after = |first: usize, others: &[usize]| {
        let past = others.partition_point(|&o| views[o].doc <= views[first].doc);
        others.get(past).map(|&o| (first, o))
    };
    let mut pairs: Vec<(usize, usize, u32, u32)> = class_pairs
        .into_iter()
        .filter_map(|(x, y)| {
            let (xs, ys) = (&members[x as usize], &members[y as usize]);
            let pair = match (first_after(xs[0], ys), first_after(ys[0], xs)) {
                (Some(p), Some(q)) => p.min(q),
                (p, q) => p.or(q)?,
            };
            Some((pair.0, pair.1, x, y))
        })
        .collect();
    pairs.sort_unstable();

    let mut conflicts = Vec::new();
    let mut comparisons = Vec::new();
    // The two attributes, shared by every comparison of their role.
    let (actor, place): (Arc<str>, Arc<str>) = (Arc::from("actor"), Arc::from("place"));
    let mut reported: FxHashSet<(&EntityKey, &EntityKey)> = FxHashSet::default();
    for (i, j, x, y) in pairs {
        let (a, b) = (&views[i], &views[j]);
        let (xs, ys) = (&members[x as usize], &members[y as usize]);
        let one_pair = xs.len() == 1 && ys.len() == 1;
        let ids = |list: &[usize]| -> Vec<Arc<str>> {
            list.iter().map(|&m| Arc::from(views[m].p.id.as_str())).collect()
        };
        // The class of the pair's first fact comes first.
        let (xs, ys) = if members[x as usize][0] == i {
            (xs, ys)
        } else {
            (ys, xs)
        };
        let measured = alignment(a, b);
        // Clauses that say different things are no comparison worth keeping: only pairs whose
        // clauses align are judged and recorded (the story's shared words aside).
        if measured.1 < MIN_SHARED || measured.0 < ALIGNED_SHARE {
            continue;
        }
        let judged: Result<(), Cow<'static, str>> = (|| {
            if !affirmed(a.p) || !affirmed(b.p) {
                return Err("one is not asserted (denied, negated or doubted)".into());
            }
            if a.p.role == ParticipantRole::Actor && kind_class(a.p.kind) != kind_class(b.p.kind) {
                return Err("a person and a body: one may act through the other".into());
            }
            // "في الجهة الشرقية" / "في الجهة الغربية": two doers, one on each side.
            if a.p.role == ParticipantRole::Actor
                && let (Some(x), Some(y)) = (a.p.sector, b.p.sector)
                && x != y
            {
                return Err(format!("they act on two sides ({x} and {y})").into());
            }
            let (a_name, b_name) = (names.words(a.name), names.words(b.name));
            if a.p.office || b.p.office {
                // An office is told from another by its title, not by a name.
                match same_office(a.p, b.p) {
                    Some(true) => return Err("one office, or its holder".into()),
                    None => return Err("an office and a name without its title: the name may hold it".into()),
                    Some(false) => {}
                }
            } else if one_name((a_name, a.p.kind), (b_name, b.p.kind)) {
                return Err("one name written two ways".into());
            }
            // "الحكومة الإسرائيلية" and "الجيش الإسرائيلي": bodies of one country or institution, one
            // acting through the other (or one body named two ways).
            // A head word alone ("وزارة النقل" and "وزارة الأشغال") makes no one institution.
            if a.p.role == ParticipantRole::Actor
                && a.p.kind != EntityType::Person
                && a_name
                    .iter()
                    .any(|w| b_name.contains(w) && !isnad_claims::entities::is_body_head(w))
            {
                return Err("two bodies of one country or institution".into());
            }
            if names_both(a, b) || names_both(b, a) {
                return Err("a report names both".into());
            }
            if !aligned(&measured) {
                return Err("their clauses share only words nearly every report uses".into());
            }
            Ok(())
        })();
        let attribute = match a.p.role {
            ParticipantRole::Actor => &actor,
            ParticipantRole::Place => &place,
        };
        let record = |outcome, reason: Cow<'static, str>| Comparison {
            facts: [Arc::from(a.p.id.as_str()), Arc::from(b.p.id.as_str())],
            attribute: Arc::clone(attribute),
            outcome,
            reason,
            sides: (!one_pair).then(|| [ids(xs), ids(ys)]),
            pairs: (!one_pair).then_some(super::Pairs::Across),
        };
        match judged {
            Err(reason) => comparisons.push(record(Outcome::NotCompared, reason)),
            Ok(()) => {
                comparisons.push(record(
                    Outcome::Conflict,
                    "their clauses say the same thing, with another name".into(),
                ));
                let key = ((&a.p.entity).min(&b.p.entity), (&a.p.entity).max(&b.p.entity));
                if reported.insert(key) {
                    let mut words: Vec<u32> = super::judge::shared_words(&a.words, &b.words).collect();
                    words.sort_by(|&x, &y| weight(y).total_cmp(&weight(x)));
                    conflicts.push(ParticipantConflict {
                        pair: [(a.doc, a.index), (b.doc, b.index)],
                        shared: words.iter().map(|&w| spelling[w as usize].to_string()).collect(),
                    });
                }
            }
        }
    }
    (conflicts, comparisons)
}

/// True when the participant is asserted as fact or reported.
fn affirmed(p: &Participant) -> bool {
    super::judge::affirmed(p.modality)
}

/// Whether two doers, one of them an office named without its holder, are one office: the words
/// of one's title all in the other's ("المحافظ" and "محافظ العاصمة"). `None` when a named doer has
/// no title to tell.
fn same_office(a: &Participant, b: &Participant) -> Option<bool> {
    let title = |p: &Participant| -> Vec<String> {
        if p.office {
            return name_words(&p.name);
        }
        let name = name_words(&p.name);
        name_words(&p.text)
            .into_iter()
            .filter(|w| !name.contains(w))
            .collect()
    };
    let (ta, tb) = (title(a), title(b));
    if ta.is_empty() || tb.is_empty() {
        return None;
    }
    Some(ta.iter().all(|w| tb.contains(w)) || tb.iter().all(|w| ta.contains(w)))
}

/// People are compared with people, bodies with bodies.
fn kind_class(kind: EntityType) -> u8 {
    match kind {
        EntityType::Person => 0,
        EntityType::Place | EntityType::Country => 1,
        _ => 2,
    }
}

/// True when two names may be one name written two ways: for people, a shared word of three
/// letters or more (a surname alone); for bodies and places, two shared words or every word of
/// the shorter name in the longer ("مطار X" and "مطار X الدولي"); a head word alone ("مطار")
/// makes no name.
fn one_name(a: (&[String], EntityType), b: (&[String], EntityType)) -> bool {
    let (wa, wb) = (a.0, b.0);
    if a.1 == EntityType::Person || b.1 == EntityType::Person {
        return wa.iter().any(|w| wb.contains(w));
    }
    // Bodies are described more than one way ("محكمة الجنايات المكلفة" and "غرفة الجنايات
    // المكلفة"): two shared words, or all of the shorter name, make one body.
    let (short, long) = if wa.len() <= wb.len() { (wa, wb) } else { (wb, wa) };
    let shared = short.iter().filter(|w| long.contains(w)).count();
    !short.is_empty() && (shared == short.len() || shared >= 2)
}

/// The words of a name of three letters or more, folded, the article (with a glued particle) off.
fn name_words(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || matches!(c, '،' | ',' | '"' | '«' | '»'))
        .map(isnad_parser::fold_key)
        .map(|w| {
            let bare = ["وال", "بال", "لل", "ال"].iter().find_map(|a| w.strip_prefix(a));
            bare.map(str::to_string).unwrap_or(w)
        })
        .filter(|w| w.chars().count() >= 3)
        .collect()
}

/// The key a context word meets others on: its sense when it names one («بدأ» and «انطلق»), else
/// its rough root («اندلع» and «اندلعت»).
fn aligned_root(word: &str) -> String {
    let form = isnad_claims::facts::align_form(word);
    if isnad_claims::facts::is_sense(form) {
        form.to_string()
    } else {
        isnad_claims::facts::root_key(form)
    }
}
