//! Story-wide entity linking: a person named in full in one article and only by family name in
//! another ("محمد الأمين ولد سيدي عالي" and "ولد سيدي عالي", "ناصر الحمايدة" and "الحمايدة") is
//! one person. Each document is read on its own (in parallel); this pass runs once over the
//! story's analyses and rewrites the short name's id to the full name's.

use crate::DocAnalysis;
use crate::entities::lexicon::{collapse, lexicon};
use crate::entities::{
    EntityId, EntityKey, EntityType, MatchKind, MentionForm, NamedAt, add_all_named, is_word_char,
};
use isnad_parser::Document;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

/// Analyzes the documents of one story as `isnad check` does: each document on its own (in
/// parallel), then the passes that see the whole story ([`spread_story_names`], [`link_story`]).
/// `on_document` is called as each document is done (a progress bar; `|_| {}` for none).
pub fn analyze_story(
    documents: &[Document],
    gazetteer: &crate::entities::Gazetteer,
    lean: crate::mentions::Lean,
    on_document: impl Fn(&Document) + Sync,
) -> Vec<DocAnalysis> {
    use rayon::prelude::*;
    let mut analyses: Vec<DocAnalysis> = documents
        .par_iter()
        .map(|document| {
            let analysis = crate::analyze(document, gazetteer, lean);
            on_document(document);
            analysis
        })
        .collect();
    spread_story_names(documents, &mut analyses);
    link_story(&mut analyses);
    analyses
}

/// Rewrites the ids of new people known in the story only by a family name to the one person
/// named in full whose name ends with it. A family name two full names share stays as it is.
pub fn link_story(analyses: &mut [DocAnalysis]) {
    let lex = lexicon();
    // Every new person of the story, with the words of each of its spellings.
    let mut people: BTreeMap<EntityId, BTreeSet<Vec<String>>> = BTreeMap::new();
    for analysis in analyses.iter() {
        for record in &analysis.entities.entities {
            if !record.id.is_discovered_as(EntityType::Person) {
                continue;
            }
            let spellings = people.entry(record.id.clone()).or_default();
            for seen in &record.names {
                spellings.insert(words_of(&seen.text));
            }
        }
    }
    // Family names of people named in full: the last word, and the part from a particle on.
    let mut family: HashMap<Vec<String>, BTreeSet<EntityId>> = HashMap::new();
    for (id, spellings) in &people {
        for words in spellings.iter().filter(|w| w.len() >= 2) {
            let tails = (1..words.len()).filter(|&p| {
                let tail = &words[p..];
                if tail.len() == 1 {
                    let w = tail[0].as_str();
                    w.chars().count() >= 3
                        && !lex.common_name_parts.contains(w)
                        && !lex.stop_words.contains(w)
                } else {
                    lex.name_particles.contains(tail[0].as_str())
                }
            });
            for p in tails {
                family.entry(words[p..].to_vec()).or_default().insert(id.clone());
            }
        }
    }
    // A person all of whose spellings are one full name's family name is that person.
    let mut rename: HashMap<EntityId, EntityId> = HashMap::new();
    for (id, spellings) in &people {
        let mut target: Option<&EntityId> = None;
        let mut unique = true;
        for words in spellings {
            match family.get(words) {
                Some(owners) if owners.len() == 1 && !owners.contains(id) => {
                    let owner = owners.iter().next();
                    if target.is_some() && target != owner {
                        unique = false;
                    }
                    target = owner;
                }
                _ => unique = false,
            }
        }
        if let (true, Some(full)) = (unique, target) {
            rename.insert(id.clone(), full.clone());
        }
    }
    // "عبد الرحمن بن ناصر الفرحان" and "عبدالرحمن ناصر الفرحان": one name with بن left out or
    // عبد joined; one person, not a short form of the other.
    let mut by_plain: BTreeMap<Vec<String>, &EntityId> = BTreeMap::new();
    for (id, spellings) in &people {
        if rename.contains_key(id) {
            continue;
        }
        for words in spellings {
            let plain = plain_name(words, lex);
            if plain.len() < 3 {
                continue;
            }
            match by_plain.get(&plain) {
                Some(&first) if first != id && !rename.contains_key(first) => {
                    rename.insert(id.clone(), first.clone());
                }
                Some(_) => {}
                None => {
                    by_plain.insert(plain, id);
                }
            }
        }
    }
    rename.extend(short_organizations(analyses));
    if !rename.is_empty() {
        // A renamed record takes the name it is renamed to: the full name, not the short one.
        let full_names: HashMap<EntityId, String> = analyses
            .iter()
            .flat_map(|analysis| &analysis.entities.entities)
            .filter(|record| !rename.contains_key(&record.id))
            .map(|record| (record.id.clone(), record.name.clone()))
            .collect();
        for analysis in analyses.iter_mut() {
            relink(analysis, &rename, &full_names);
        }
    }
    name_unresolved_institutions(analyses);
}

/// New organizations named in short ("اللجنة العليا المشتركة") whose every spelling is the
/// full name of exactly one other organization of the story with words left out, the head first
/// ("اللجنة العليا الأردنية الموريتانية المشتركة"): the short name's id to the full name's.
fn short_organizations(analyses: &[DocAnalysis]) -> HashMap<EntityId, EntityId> {
    let mut orgs: BTreeMap<EntityId, BTreeSet<Vec<String>>> = BTreeMap::new();
    for analysis in analyses {
        for record in &analysis.entities.entities {
            if record.id.is_discovered_as(EntityType::Organization) {
                let spellings = orgs.entry(record.id.clone()).or_default();
                spellings.extend(record.names.iter().map(|seen| words_of(&seen.text)));
            }
        }
    }
    let shortens = |short: &[String], long: &[String]| {
        short.len() >= 2 && short.len() < long.len() && short[0] == long[0] && is_subsequence(short, long)
    };
    let mut rename = HashMap::new();
    for (id, spellings) in &orgs {
        let mut fulls = orgs.iter().filter(|(other, longs)| {
            *other != id
                && spellings
                    .iter()
                    .all(|short| longs.iter().any(|long| shortens(short, long)))
        });
        if let (Some((full, _)), None) = (fulls.next(), fulls.next()) {
            rename.insert(id.clone(), full.clone());
        }
    }
    // A short name of a short name goes to the full one (a chain of renames ends).
    let targets: Vec<EntityId> = rename.keys().cloned().collect();
    for id in targets {
        let mut full = rename[&id].clone();
        for _ in 0..orgs.len() {
            match rename.get(&full) {
                Some(next) if *next != id => full = next.clone(),
                _ => break,
            }
        }
        rename.insert(id, full);
    }
    rename
}

/// Names found in one article are found in the others: a name a pattern reads in one article
/// ("وقال رئيس البلدية سامر القطامي") is the same name where another writes it with nothing
/// around it that says so ("وحضر سامر القطامي"), and spelled another way ("سامر القطامى"). Only names distinctive on their own are looked
/// for: two words or more, or one long word naming a place, country or organization (a given
/// name alone is too often a word). An occurrence inside a mention already read stays that one.
pub fn spread_story_names(documents: &[Document], analyses: &mut [DocAnalysis]) {
    /// Fewest letters of a one-word name looked for across the story.
    const ONE_WORD_LETTERS: usize = 4;
    let lex = lexicon();
    let mut names: BTreeMap<String, (EntityId, EntityType)> = BTreeMap::new();
    for analysis in analyses.iter() {
        for m in &analysis.entities.mentions {
            let Some(id) = m.entity.as_ref().filter(|id| !id.is_listed()) else {
                continue;
            };
            // A masthead word may be a common word elsewhere ("الرأي العام").
            if m.form != MentionForm::Name || matches!(m.how, MatchKind::Story | MatchKind::Masthead) {
                continue;
            }
            let text = m.text.trim();
            let words = text.split_whitespace().count();
            // A head word alone ("الهيئة") points back to a body; it is no name to look for.
            let key = isnad_parser::fold_key(text);
            let bare = key.strip_prefix("ال").unwrap_or(&key);
            let distinctive = words >= 2
                || (m.kind != EntityType::Person
                    && text.chars().count() >= ONE_WORD_LETTERS
                    && !lex.stop_words.contains(key.as_str())
                    && !lex.body_heads.contains(bare)
                    && !lex.institutions.contains(key.as_str())
                    && !lex.heads.contains_key(bare));
            if distinctive {
                // Looked for however an article spells it: hamza seats, ى/ي and ة/ه folded.
                let spelling = isnad_parser::fold_spelling_in_place(text);
                names.entry(spelling).or_insert((id.clone(), m.kind));
            }
        }
    }
    if names.is_empty() {
        return;
    }
    let patterns: Vec<&String> = names.keys().collect();
    // Built once per story and run over its few articles: a contiguous NFA finds the same
    // matches as the DFA the builder would pick for so few names, without the DFA's build,
    // which cost more than the search.
    let Ok(finder) = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .build(&patterns)
    else {
        return;
    };
    // Every whole-word occurrence in the story's sentences: (document, pattern, span, read already).
    let mut occurrences: Vec<(usize, usize, isnad_parser::Span, bool)> = Vec::new();
    for (d, (document, analysis)) in documents.iter().zip(analyses.iter()).enumerate() {
        let source = document.source.as_str();
        let folded = isnad_parser::fold_spelling_in_place(source);
        let mentions = &analysis.entities.mentions;
        // Mentions are in text order: one overlapping a span starts less than the longest
        // mention's length before it, so only those are looked at.
        let longest = mentions
            .iter()
            .map(|m| m.span.end - m.span.start)
            .max()
            .unwrap_or(0);
        // The fold keeps every offset: a span found in it is the same span of the source.
        for found in finder.find_iter(folded.as_str()) {
            let span = isnad_parser::Span::new(found.start(), found.end());
            if name_bounded(source, span) && document.sentence_of(span).is_some() {
                let from = mentions.partition_point(|m| m.span.start + longest < span.start);
                let read = mentions[from..]
                    .iter()
                    .take_while(|m| m.span.start < span.end.max(span.start + 1))
                    .any(|m| m.span.overlaps(span));
                occurrences.push((d, found.pattern().as_usize(), span, read));
            }
        }
    }
    // A one-word name an article mostly uses as an ordinary word ("الحادث" read once as a place)
    // is not spread: in the articles that read it, at least half its occurrences were read.
    let read_in: BTreeSet<(usize, usize)> = occurrences
        .iter()
        .filter(|o| o.3)
        .map(|&(d, p, _, _)| (d, p))
        .collect();
    let mut read_share = vec![(0usize, 0usize); patterns.len()];
    for &(_, p, _, read) in occurrences.iter().filter(|o| read_in.contains(&(o.0, o.1))) {
        read_share[p].0 += usize::from(read);
        read_share[p].1 += 1;
    }
    let spreads = |p: usize| {
        let (read, all) = read_share[p];
        patterns[p].split_whitespace().nth(1).is_some() || 2 * read >= all
    };
    let mut adds: Vec<Vec<NamedAt>> = vec![Vec::new(); documents.len()];
    for (d, p, span, read) in occurrences {
        if read || !spreads(p) {
            continue;
        }
        let (id, kind) = names[patterns[p]].clone();
        adds[d].push((span, id, kind, MatchKind::Story));
    }
    for ((document, analysis), adds) in documents.iter().zip(analyses.iter_mut()).zip(adds) {
        name_fact_subjects(&mut analysis.facts, &adds);
        add_all_named(document, &mut analysis.entities, adds);
    }
}

/// A name found in a report only through the story ("الهادي الزواري" after a title chain the
/// report's own reading missed) is named in the clauses of its figures too, like any other:
/// a sentence of ten years for him is not one of fifteen for another man.
fn name_fact_subjects(facts: &mut [crate::facts::Fact], adds: &[NamedAt]) {
    for (span, id, kind, _) in adds {
        let place = matches!(kind, EntityType::Place | EntityType::Country);
        if !place && !matches!(kind, EntityType::Person | EntityType::Organization) {
            continue;
        }
        // Facts come in text order: only those of the name's sentence are looked at.
        let first = facts.partition_point(|f| f.sentence.end <= span.start);
        for fact in facts[first..]
            .iter_mut()
            .take_while(|f| f.sentence.start <= span.start)
            .filter(|f| {
                f.clause.contains(*span)
                    && !f
                        .attribution
                        .iter()
                        .any(|s| s.span.is_some_and(|s| s.overlaps(*span)))
            })
        {
            let keys = if place {
                &mut fact.subject.places
            } else {
                &mut fact.subject.entities
            };
            let key = EntityKey::Entity(id.clone());
            if !keys.contains(&key) {
                let mut list = keys.to_vec();
                list.push(key);
                list.sort();
                *keys = list.into_boxed_slice();
            }
        }
    }
}

/// True when `span` holds whole words of `source`: nothing but one glued preposition or
/// conjunction (و، ب، ل، ف، ك) before it in its word, and no letter after it.
fn name_bounded(source: &str, span: isnad_parser::Span) -> bool {
    // A vowel mark or tatweel belongs to the word it is written on.
    let is_letter = |c: char| is_word_char(c) || matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | 'ـ');
    let after = source[span.end..].chars().next();
    if after.is_some_and(is_letter) {
        return false;
    }
    let mut before = source[..span.start].chars().rev();
    match before.next() {
        None => true,
        Some(c) if !is_letter(c) => true,
        Some('و' | 'ب' | 'ل' | 'ف' | 'ك') => !before.next().is_some_and(is_letter),
        Some(_) => false,
    }
}

/// Unresolved participants that name an organization of the story in short ("اللجنة العليا
/// المشتركة" for "اللجنة العليا الأردنية الموريتانية المشتركة") or with words after its name
/// take its id, when exactly one organization fits.
fn name_unresolved_institutions(analyses: &mut [DocAnalysis]) {
    let mut orgs: BTreeMap<Vec<String>, EntityId> = BTreeMap::new();
    for analysis in analyses.iter() {
        for record in &analysis.entities.entities {
            if !record.id.is_discovered_as(EntityType::Organization) {
                continue;
            }
            for seen in &record.names {
                let words = words_of(&seen.text);
                if words.len() >= 2 {
                    orgs.insert(words, record.id.clone());
                }
            }
        }
    }
    if orgs.is_empty() {
        return;
    }
    let fits = |filler: &[String], org: &[String]| {
        filler[0] == org[0] && (is_subsequence(filler, org) || filler.starts_with(org))
    };
    // The one organization a filler's text fits, read once per text: copies of one article
    // repeat their fillers.
    let mut owner_of: HashMap<String, Option<EntityId>> = HashMap::new();
    for analysis in analyses.iter_mut() {
        for claim in &mut analysis.claims {
            for filler in claim.roles.values_mut().filter(|f| f.entity.is_none()) {
                if !owner_of.contains_key(filler.text.as_str()) {
                    let words = words_of(&filler.text);
                    let owner = if words.len() < 2 {
                        None
                    } else {
                        let mut owners: BTreeSet<&EntityId> = orgs
                            .iter()
                            .filter(|(org, _)| fits(&words, org))
                            .map(|(_, id)| id)
                            .collect();
                        if owners.len() == 1 {
                            owners.pop_first().cloned()
                        } else {
                            None
                        }
                    };
                    owner_of.insert(filler.text.to_string(), owner);
                }
                if let Some(owner) = &owner_of[filler.text.as_str()] {
                    filler.entity = Some(owner.clone());
                }
            }
        }
    }
}

fn words_of(text: &str) -> Vec<String> {
    collapse(&isnad_parser::fold_key(text))
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// A person's name words with the lineage particles between its names left out ("بن") and a
/// joined compound given name split ("عبدالرحمن" as "عبد الرحمن"): the words two spellings of one
/// name share.
fn plain_name(words: &[String], lex: &crate::entities::lexicon::Lexicon) -> Vec<String> {
    let mut plain = Vec::with_capacity(words.len() + 1);
    for (i, w) in words.iter().enumerate() {
        if i > 0 && lex.name_openers.contains(w.as_str()) {
            continue;
        }
        let joined = lex.compound_given_heads.iter().find_map(|h| {
            w.strip_prefix(h.as_str())
                .filter(|rest| rest.starts_with("ال"))
                .map(|rest| (h, rest))
        });
        match joined {
            Some((head, rest)) => {
                plain.push(head.clone());
                plain.push(rest.to_string());
            }
            None => plain.push(w.clone()),
        }
    }
    plain
}

/// True when every word of `short` appears in `long`, in order.
fn is_subsequence(short: &[String], long: &[String]) -> bool {
    let mut rest = long.iter();
    short.iter().all(|w| rest.any(|l| l == w))
}

fn relink(
    analysis: &mut DocAnalysis,
    rename: &HashMap<EntityId, EntityId>,
    full_names: &HashMap<EntityId, String>,
) {
    let swap = |id: &mut Option<EntityId>| {
        if let Some(new) = id.as_ref().and_then(|i| rename.get(i)) {
            *id = Some(new.clone());
        }
    };
    for mention in &mut analysis.entities.mentions {
        swap(&mut mention.entity);
    }
    // Records: renamed, and merged into the full name's record when the document has both.
    let mut records = std::mem::take(&mut analysis.entities.entities);
    for record in &mut records {
        if let Some(new) = rename.get(&record.id) {
            record.id = new.clone();
            if let Some(name) = full_names.get(new) {
                record.name = name.clone();
            }
        }
    }
    for record in records {
        match analysis.entities.entities.iter_mut().find(|r| r.id == record.id) {
            Some(kept) => kept.names.extend(record.names),
            None => analysis.entities.entities.push(record),
        }
    }
    for claim in &mut analysis.claims {
        for filler in claim.roles.values_mut() {
            swap(&mut filler.entity);
        }
        // A chain is shared with other claims and facts: copied only when a link is renamed.
        if claim
            .attribution
            .iter()
            .any(|s| s.entity.as_ref().is_some_and(|e| rename.contains_key(e)))
        {
            for source in Arc::make_mut(&mut claim.attribution) {
                swap(&mut source.entity);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::entities::{EntityType, Gazetteer, MatchKind};
    use isnad_parser::{Document, ParseOptions, parse_document};

    fn story(texts: &[&str]) -> (Vec<Document>, Vec<crate::DocAnalysis>) {
        let gazetteer = Gazetteer::builtin();
        let docs: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                parse_document(&format!("{i}.txt"), t.as_bytes(), &ParseOptions::default())
                    .expect("parses")
                    .0
            })
            .collect();
        let analyses = docs
            .iter()
            .map(|d| crate::analyze(d, &gazetteer, crate::mentions::Lean::Tense))
            .collect();
        (docs, analyses)
    }

    fn names_in(analysis: &crate::DocAnalysis) -> Vec<(String, Option<String>)> {
        analysis
            .entities
            .mentions
            .iter()
            .map(|m| {
                (
                    m.text.to_string(),
                    m.entity.as_ref().map(|e| e.as_str().to_string()),
                )
            })
            .collect()
    }

    /// The entity id of the first mention written `text`.
    fn id_of(analysis: &crate::DocAnalysis, text: &str) -> String {
        let found = names_in(analysis);
        found
            .iter()
            .find(|(t, _)| t == text)
            .and_then(|(_, id)| id.clone())
            .unwrap_or_else(|| panic!("no {text} in {found:?}"))
    }

    #[test]
    fn an_organization_named_in_short_is_the_one_named_in_full() {
        let (_, mut analyses) = story(&[
            "نتائج الاقتراع\nوأعلنت الهيئة الوطنية المستقلة للانتخابات النتائج النهائية أمس.\n",
            "الطعون في النتائج\nوقالت الهيئة الوطنية للانتخابات إن الطعون قيد الدرس.\n",
        ]);
        let full = id_of(&analyses[0], "الهيئة الوطنية المستقلة للانتخابات");
        assert_ne!(id_of(&analyses[1], "الهيئة الوطنية للانتخابات"), full);
        super::link_story(&mut analyses);
        assert_eq!(id_of(&analyses[1], "الهيئة الوطنية للانتخابات"), full);
    }

    /// A name another report makes known is a named subject of the figures of its clause, as if
    /// the report had read it itself.
    #[test]
    fn a_name_found_through_the_story_names_the_subject_of_its_figures() {
        let (docs, mut analyses) = story(&[
            "الحكم\nوقال المدير المالي الطاهر القاسمي إن موكله سيستأنف الحكم.\n",
            "الحكم\nوقضت المحكمة بالسجن سبع سنوات على المدير المالي السابق للشركة الطاهر القاسمي، وثماني سنوات على المزود سامر الخطيب.\n",
        ]);
        let subjects = |analyses: &[crate::DocAnalysis]| -> Vec<String> {
            let fact = analyses[1]
                .facts
                .iter()
                .find(|f| f.text.contains("سبع"))
                .expect("the sentence's figure");
            fact.subject.entities.iter().map(|k| format!("{k:?}")).collect()
        };
        assert!(
            !names_in(&analyses[1]).iter().any(|(t, _)| t == "الطاهر القاسمي"),
            "{:?}",
            names_in(&analyses[1])
        );
        assert!(subjects(&analyses).is_empty(), "{:?}", subjects(&analyses));
        super::spread_story_names(&docs, &mut analyses);
        let named = subjects(&analyses);
        assert!(named.iter().any(|k| k.contains("لكسمي")), "{named:?}");
    }

    /// An article that spells a name another way (no hamza on its alef, ة written ه, ئ written
    /// ي) still names the one entity, at the exact span of its own spelling.
    #[test]
    fn a_name_is_found_however_another_article_spells_it() {
        let (docs, mut analyses) = story(&[
            "الميناء\nوقال مدير الميناء أسامة العطائي إن الرصيف الجديد جاهز.\nوزار الوفد قرية عين الصفصافة.\n",
            "الميناء\nوحضر اسامه العطايي افتتاح الرصيف قرب عين الصفصافه.\n",
        ]);
        super::spread_story_names(&docs, &mut analyses);
        for (spelling, spelled) in [
            ("اسامه العطايي", "أسامة العطائي"),
            ("عين الصفصافه", "عين الصفصافة"),
        ] {
            assert_eq!(id_of(&analyses[1], spelling), id_of(&analyses[0], spelled));
            let mention = analyses[1]
                .entities
                .mentions
                .iter()
                .find(|m| &*m.text == spelling)
                .expect("the other spelling");
            assert_eq!(&docs[1].source[mention.span.range()], spelling);
        }
    }

    #[test]
    fn a_name_with_ibn_left_out_or_abd_joined_is_one_person() {
        let (_, mut analyses) = story(&[
            "صفقة\nوقال رئيس الشركة عبد الكريم بن سالم الهاجري إن الصفقة مربحة.\n",
            "صفقة\nوقال رئيس الشركة عبدالكريم سالم الهاجري إن الصفقة مربحة.\n",
        ]);
        super::link_story(&mut analyses);
        assert_eq!(
            id_of(&analyses[0], "عبد الكريم بن سالم الهاجري"),
            id_of(&analyses[1], "عبدالكريم سالم الهاجري")
        );
    }

    #[test]
    fn a_name_read_in_one_article_is_found_where_another_writes_it_bare() {
        let (docs, mut analyses) = story(&[
            "افتتاح طريق الساحل\nوقال رئيس البلدية سامر القطامي إن طريق الساحل سيفتتح الشهر المقبل.\n",
            "طريق الساحل يفتتح قريبا\nوحضر سامر القطامي جولة على الطريق مع عدد من السكان.\n",
        ]);
        let id = id_of(&analyses[0], "سامر القطامي");
        super::spread_story_names(&docs, &mut analyses);
        let mention = analyses[1]
            .entities
            .mentions
            .iter()
            .find(|m| &*m.text == "سامر القطامي")
            .unwrap_or_else(|| panic!("{:?}", names_in(&analyses[1])));
        assert_eq!(mention.entity.as_ref().map(|e| e.as_str()), Some(id.as_str()));
        assert_eq!(mention.kind, EntityType::Person);
        assert_eq!(mention.how, MatchKind::Story);
        assert_eq!(
            &docs[1].source[mention.span.start..mention.span.end],
            "سامر القطامي"
        );
        assert!(
            analyses[1].entities.entities.iter().any(|r| r.id.as_str() == id),
            "{:?}",
            analyses[1].entities.entities
        );
        // A given name alone is no name to look for: «سامر» elsewhere is not spread.
        assert!(analyses[1].entities.mentions.iter().all(|m| &*m.text != "سامر"));
    }
}
