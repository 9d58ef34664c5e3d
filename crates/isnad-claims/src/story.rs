//! Story-wide entity linking: a person named in full in one article and only by family name in
//! another ("محمد الأمين ولد سيدي عالي" and "ولد سيدي عالي", "ناصر الحمايدة" and "الحمايدة") is
//! one person. Each document is read on its own (in parallel); this pass runs once over the
//! story's analyses and rewrites the short name's id to the full name's.

use crate::DocAnalysis;
use crate::entities::lexicon::{collapse, lexicon};
use crate::entities::{EntityId, EntityType};
use std::collections::{BTreeMap, BTreeSet, HashMap};

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
    if !rename.is_empty() {
        for analysis in analyses.iter_mut() {
            relink(analysis, &rename);
        }
    }
    name_unresolved_institutions(analyses);
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
    for analysis in analyses.iter_mut() {
        for claim in &mut analysis.claims {
            for filler in claim.roles.values_mut().filter(|f| f.entity.is_none()) {
                let words = words_of(&filler.text);
                if words.len() < 2 {
                    continue;
                }
                let owners: BTreeSet<&EntityId> = orgs
                    .iter()
                    .filter(|(org, _)| fits(&words, org))
                    .map(|(_, id)| id)
                    .collect();
                if owners.len() == 1 {
                    filler.entity = owners.into_iter().next().cloned();
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

/// True when every word of `short` appears in `long`, in order.
fn is_subsequence(short: &[String], long: &[String]) -> bool {
    let mut rest = long.iter();
    short.iter().all(|w| rest.any(|l| l == w))
}

fn relink(analysis: &mut DocAnalysis, rename: &HashMap<EntityId, EntityId>) {
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
        for source in &mut claim.attribution {
            swap(&mut source.entity);
        }
    }
}
