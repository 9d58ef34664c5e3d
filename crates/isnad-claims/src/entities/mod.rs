//! Entities: people, organizations, countries, places, products and agencies, found through a
//! data-file gazetteer and general patterns (titles, reporting verbs, transliterated names).
//!
//! One pass per sentence over its folded words finds gazetteer phrases (a phrase table built once
//! per [`Gazetteer`]) and the patterns for names in no gazetteer; a document-wide pass
//! then resolves spelling variants, shared short names, surnames and role phrases.
//!
//! ```
//! use isnad_claims::entities::{find_entities, Gazetteer};
//! use isnad_parser::{parse_document, ParseOptions};
//! let text = "عنوان الخبر\nقال وزير المالية الكيني جون مباتيا إن الاقتصاد ينمو.\n";
//! let (doc, _) = parse_document("a.txt", text.as_bytes(), &ParseOptions::default()).unwrap();
//! let found = find_entities(&doc, &Gazetteer::builtin());
//! assert!(found.mentions.iter().any(|m| &*m.text == "جون مباتيا"));
//! ```

mod gazetteer;
pub use gazetteer::PlaceLinks;
mod index;
pub(crate) mod lexicon;
mod resolve;
mod scan;
mod text;
pub(crate) use text::is_word_char;
mod types;
mod variant;

pub use types::{
    Candidates, DocEntities, EntityId, EntityInfo, EntityKey, EntityMention, EntityRecord, EntityType,
    Gazetteer, GazetteerError, MatchKind, MentionForm, NameSeen,
};

use index::GazetteerIndex;
use isnad_parser::Document;
use scan::Scanned;
use variant::{letter_key, skeleton};

/// True for a folded word that heads the name of a body or institution ("وزاره"، "مديريه"،
/// "شركه"): two bodies that share only it are not one body.
pub fn is_body_head(word: &str) -> bool {
    let lex = lexicon::lexicon();
    let bare = word.strip_prefix("ال").unwrap_or(word);
    [word, bare]
        .into_iter()
        .any(|w| lex.body_heads.contains(w) || lex.institutions.contains(w) || lex.heads.contains_key(w))
}

/// True for a folded word that heads a place's name ("قريه"، "بلده"، "حي"), «ب» glued to it or
/// not ("بحي"): the name after it is where something happens.
pub fn is_place_head(word: &str) -> bool {
    let lex = lexicon::lexicon();
    let head = |w: &str| lex.heads.get(w).is_some_and(|h| h.kind == EntityType::Place);
    head(word) || word.strip_prefix('ب').is_some_and(head)
}

/// Finds and resolves the entity mentions of a document's story text.
pub fn find_entities(document: &Document, gazetteer: &Gazetteer) -> DocEntities {
    prepared_entities(&crate::Prepared::of(document), gazetteer)
}

/// Sentences scanned together on one thread of a long document: few enough to share the work
/// out, enough that a run's lists are not a few words each (a run is held until the document
/// pass, so what is held per run counts).
const SCAN_RUN: usize = 256;

/// [`find_entities`] of a prepared document (its sentences already folded).
pub fn prepared_entities(prepared: &crate::Prepared<'_>, gazetteer: &Gazetteer) -> DocEntities {
    let run = if prepared.is_long() { SCAN_RUN } else { usize::MAX };
    entities_in_runs(prepared, gazetteer, run)
}

/// [`prepared_entities`] with the sentences scanned in runs of `run` (each run into lists
/// reserved once from its text's length), runs on every core when there are several. A long
/// document's runs are kept apart, in order, for the document pass rather than copied into one
/// list each, and hold no room they do not use.
fn entities_in_runs<'p>(prepared: &'p crate::Prepared<'_>, gazetteer: &Gazetteer, run: usize) -> DocEntities {
    use rayon::prelude::*;
    let document = prepared.document;
    let lex = lexicon::lexicon();
    let index = gazetteer.index(lex);
    let scan_run = |sentences: &[&'p crate::PreparedSentence]| -> Scanned<'p> {
        let bytes = sentences.iter().map(|s| s.folded.text.len()).sum();
        let mut scanned = Scanned::with_capacity(bytes);
        for sentence in sentences {
            scan::scan_sentence(
                &document.source,
                sentence,
                lex,
                &index,
                &gazetteer.entries,
                &mut scanned.raws,
                &mut scanned.free,
            );
        }
        scanned
    };
    let sentences: Vec<&crate::PreparedSentence> = prepared.sentences().map(|(_, s)| s).collect();
    let runs: Vec<Scanned> = if sentences.len() > run {
        (sentences.par_chunks(run))
            .map(|sentences| {
                let mut scanned = scan_run(sentences);
                scanned.shrink_to_fit();
                scanned
            })
            .collect()
    } else {
        vec![scan_run(&sentences)]
    };
    drop(sentences);
    let mut entities = resolve::resolve(document, &gazetteer.entries, &index, lex, runs);
    add_masthead(document, &mut entities);
    add_dateline_place(document, gazetteer, &index, &mut entities);
    entities
}

/// The place a dateline opens with ("كرمانة، 17 نوفمبر …"), which the parser keeps out of the
/// story's sentences: a place of the article, by its gazetteer entry when it has one.
fn add_dateline_place(
    document: &Document,
    gazetteer: &Gazetteer,
    index: &GazetteerIndex,
    entities: &mut DocEntities,
) {
    let Some(span) = document.meta.dateline_place else {
        return;
    };
    let text = &document.source[span.range()];
    if entities.mentions.iter().any(|m| m.span.overlaps(span)) {
        return;
    }
    // Compared as written: a dateline writes a listed city the way the gazetteer does.
    let listed = index
        .written_places
        .get(text)
        .map(|&i| &gazetteer.entries[i as usize]);
    let key = isnad_parser::fold_key(text);
    let (id, kind, how) = match listed {
        Some(entry) => (entry.id.clone(), entry.kind, MatchKind::Gazetteer),
        None => {
            let letters = letter_key(&key);
            let shape = skeleton(&letters);
            let id = EntityId::discovered(
                EntityType::Place,
                if shape.is_empty() { &letters } else { &shape },
            );
            (id, EntityType::Place, MatchKind::Dateline)
        }
    };
    add_named(document, entities, span, id, kind, how);
}

/// The outlet named by the article's frame (its masthead, a line of parts, a "| Site" suffix) is
/// an entity of the article: a news outlet (an agency), named by its own name ("الوادي" of
/// "وكالة الوادي للأنباء"), at the frame's words for it with the head word ("وكالة الوادي"), and
/// wherever the story quotes that name («الوادي»، (الوادي)) as the outlet it is.
fn add_masthead(document: &Document, entities: &mut DocEntities) {
    let (Some(line), Some(name)) = (document.meta.outlet_span, document.meta.outlet_name) else {
        return;
    };
    let span = isnad_parser::Span::new(line.start, name.end.max(line.start));
    let own = &document.source[name.range()];
    if own.trim().is_empty() || entities.mentions.iter().any(|m| m.span.overlaps(span)) {
        return;
    }
    let key = letter_key(&isnad_parser::fold_key(own));
    let shape = skeleton(&key);
    let id = EntityId::discovered(EntityType::Agency, if shape.is_empty() { &key } else { &shape });
    let mut adds = vec![(span, id.clone(), EntityType::Agency, MatchKind::Masthead)];
    for quoted in quoted_in_story(document, own) {
        if !entities.mentions.iter().any(|m| m.span.overlaps(quoted)) {
            adds.push((quoted, id.clone(), EntityType::Agency, MatchKind::Masthead));
        }
    }
    add_all_named(document, entities, adds);
    if let Some(record) = entities.entities.iter_mut().find(|e| e.id == id) {
        record.name = own.to_string();
    }
}

/// Where the story's sentences write `name` alone between quotes or brackets («الوادي»،
/// "الوادي"، (الوادي)): a name set off so is the name, not a word of the sentence.
fn quoted_in_story(document: &Document, name: &str) -> Vec<isnad_parser::Span> {
    const OPEN: [char; 5] = ['«', '"', '“', '(', '\''];
    const CLOSE: [char; 5] = ['»', '"', '”', ')', '\''];
    let mut found = Vec::new();
    for sentence in &document.sentences {
        let text = &document.source[sentence.span.range()];
        for (at, _) in text.match_indices(name) {
            let opened = text[..at].chars().next_back().is_some_and(|c| OPEN.contains(&c));
            let closed = text[at + name.len()..]
                .chars()
                .next()
                .is_some_and(|c| CLOSE.contains(&c));
            if opened && closed {
                let start = sentence.span.start + at;
                found.push(isnad_parser::Span::new(start, start + name.len()));
            }
        }
    }
    found
}

/// Adds a name read outside the sentence scan (the article's masthead or dateline, a name of
/// another article of the story) as a mention and a spelling of its entity, in text order.
pub(crate) fn add_named(
    document: &Document,
    entities: &mut DocEntities,
    span: isnad_parser::Span,
    id: EntityId,
    kind: EntityType,
    how: MatchKind,
) {
    add_all_named(document, entities, vec![(span, id, kind, how)]);
}

/// A name to add: where, which entity, its type and how it was found.
pub(crate) type NamedAt = (isnad_parser::Span, EntityId, EntityType, MatchKind);

/// [`add_named`] for many names at once, as if added one after another (a name goes before the
/// mentions and spellings that start where it does, a later one before an earlier), but sorted in
/// once: a long article may take a story's names thousands of times.
pub(crate) fn add_all_named(document: &Document, entities: &mut DocEntities, adds: Vec<NamedAt>) {
    if adds.is_empty() {
        return;
    }
    // Where each entry goes among those already there: (start, added ones first, the later first).
    type Place = (usize, bool, std::cmp::Reverse<usize>);
    let fresh = |k: usize, span: isnad_parser::Span| -> Place { (span.start, false, std::cmp::Reverse(k)) };
    let old = |span: isnad_parser::Span| -> Place { (span.start, true, std::cmp::Reverse(0)) };
    let mut mentions: Vec<(Place, EntityMention)> = std::mem::take(&mut entities.mentions)
        .into_iter()
        .map(|m| (old(m.span), m))
        .collect();
    // The record each name goes to, its names' earliest start as the one-by-one adding would
    // have left it (a record's place among records is set by its first name when it is made).
    let mut first_start: Vec<Option<usize>> = entities
        .entities
        .iter()
        .map(|e| e.names.first().map(|n| n.span.start))
        .collect();
    let mut new_names: Vec<Vec<(Place, NameSeen)>> = vec![Vec::new(); entities.entities.len()];
    for (k, (span, id, kind, how)) in adds.into_iter().enumerate() {
        let text = document.source[span.range()].to_string();
        mentions.push((
            fresh(k, span),
            EntityMention {
                span,
                text: std::sync::Arc::from(text.as_str()),
                entity: Some(id.clone()),
                kind,
                how,
                candidates: Candidates::default(),
                form: MentionForm::Name,
                title: None,
            },
        ));
        let seen = NameSeen {
            doc: document.id.clone(),
            text: text.clone(),
            span,
        };
        match entities.entities.iter().position(|e| e.id == id) {
            Some(r) => {
                first_start[r] = Some(first_start[r].map_or(span.start, |f| f.min(span.start)));
                new_names[r].push((fresh(k, span), seen));
            }
            None => {
                let at = first_start.partition_point(|f| f.is_some_and(|f| f < span.start));
                entities.entities.insert(
                    at,
                    EntityRecord {
                        id,
                        kind,
                        name: text,
                        names: Vec::new(),
                    },
                );
                first_start.insert(at, Some(span.start));
                new_names.insert(at, vec![(fresh(k, span), seen)]);
            }
        }
    }
    mentions.sort_by_key(|(place, _)| *place);
    entities.mentions = mentions.into_iter().map(|(_, m)| m).collect();
    for (record, added) in entities.entities.iter_mut().zip(new_names) {
        if added.is_empty() {
            continue;
        }
        let mut names: Vec<(Place, NameSeen)> = std::mem::take(&mut record.names)
            .into_iter()
            .map(|n| (old(n.span), n))
            .chain(added)
            .collect();
        names.sort_by_key(|(place, _)| *place);
        record.names = names.into_iter().map(|(_, n)| n).collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use isnad_parser::{ParseOptions, Span, parse_document};

    /// The one-by-one adding that [`add_all_named`] must reproduce: each name inserted where its
    /// start goes, before what starts there.
    fn insert_named(document: &Document, entities: &mut DocEntities, (span, id, kind, how): NamedAt) {
        let text = document.source[span.range()].to_string();
        let at = entities.mentions.partition_point(|m| m.span.start < span.start);
        let mention = EntityMention {
            span,
            text: std::sync::Arc::from(text.as_str()),
            entity: Some(id.clone()),
            kind,
            how,
            candidates: Candidates::default(),
            form: MentionForm::Name,
            title: None,
        };
        entities.mentions.insert(at, mention);
        let seen = NameSeen {
            doc: document.id.clone(),
            text: text.clone(),
            span,
        };
        match entities.entities.iter_mut().find(|e| e.id == id) {
            Some(record) => {
                let at = record.names.partition_point(|n| n.span.start < span.start);
                record.names.insert(at, seen);
            }
            None => {
                let at = (entities.entities)
                    .partition_point(|e| e.names.first().is_some_and(|n| n.span.start < span.start));
                let names = vec![seen];
                entities.entities.insert(
                    at,
                    EntityRecord {
                        id,
                        kind,
                        name: text,
                        names,
                    },
                );
            }
        }
    }

    /// A long document's sentences are scanned in runs, each run's raw mentions and free words
    /// kept apart for the document pass: in runs of one, two or seven sentences, every article
    /// of the seeds and fixtures has the entities it has scanned in one run (names whose
    /// surnames, variants and roles are in other sentences than their full names included).
    #[test]
    fn entities_scanned_in_runs_are_the_entities_scanned_at_once() {
        let gazetteer = Gazetteer::builtin();
        let (mut compared, mut spread) = (0, 0);
        for (path, doc) in crate::test_support::bundled_articles(&ParseOptions::default()) {
            let prepared = crate::Prepared::of(&doc);
            let at_once = entities_in_runs(&prepared, &gazetteer, usize::MAX);
            for run in [1, 2, 7] {
                let in_runs = entities_in_runs(&prepared, &gazetteer, run);
                assert_eq!(in_runs, at_once, "{} in runs of {run}", path.display());
            }
            compared += 1;
            // Mentions read from free words after another sentence named the entity.
            spread += usize::from(
                at_once
                    .mentions
                    .iter()
                    .any(|m| matches!(m.form, MentionForm::Partial) || m.how == MatchKind::Variant),
            );
        }
        assert!(
            compared > 50 && spread > 10,
            "{compared} articles, {spread} with partials or variants"
        );
    }

    /// The outlet of a frame line of parts is an agency named without its head word and
    /// descriptive tail, and the story's quotes of that name are the outlet too.
    #[test]
    fn the_frames_outlet_is_an_agency_quoted_by_its_own_name() {
        let text = "المحافظ يفتتح الجسر الجديد فوق النهر\nوكالة النسيم للأنباء | 04/05/2025 - 11:30\n\n\
                    افتتح المحافظ الجسر صباح اليوم. وقال مصدر في البلدية لـ«النسيم» إن الجسر آمن.\n";
        let (doc, _) = parse_document("a.txt", text.as_bytes(), &ParseOptions::default()).unwrap();
        let found = find_entities(&doc, &Gazetteer::builtin());
        let record = found
            .entities
            .iter()
            .find(|e| e.kind == EntityType::Agency)
            .expect("the outlet");
        assert_eq!(record.name, "النسيم");
        let names: Vec<&str> = record.names.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(names, ["وكالة النسيم", "النسيم"]);
    }

    /// The spans of every whole occurrence of `word` in `text`.
    fn occurrences(text: &str, word: &str) -> Vec<Span> {
        text.match_indices(word)
            .map(|(at, w)| Span::new(at, at + w.len()))
            .collect()
    }

    #[test]
    fn names_added_at_once_are_ordered_as_names_added_one_by_one() {
        let text =
            "عنوان\nزار سامر نديم مدينة قرطال ثم عاد سامر نديم إلى قرطال.\nوقال نديم إن قرطال هادئة.\n";
        let (doc, _) = parse_document("a.txt", text.as_bytes(), &ParseOptions::default()).unwrap();
        let found = find_entities(&doc, &Gazetteer::builtin());
        let person = EntityId::discovered(EntityType::Person, "سامر نديم");
        let place = EntityId::discovered(EntityType::Place, "قرطال");
        // Interleaved entities, a known one and new ones, spans out of text order and one
        // starting where another name does: everything the one-by-one insertion decides.
        let mut adds: Vec<NamedAt> = Vec::new();
        for span in occurrences(text, "قرطال").into_iter().rev() {
            adds.push((span, place.clone(), EntityType::Place, MatchKind::Story));
        }
        for span in occurrences(text, "نديم") {
            adds.push((span, person.clone(), EntityType::Person, MatchKind::Story));
        }
        for span in occurrences(text, "سامر") {
            adds.push((span, person.clone(), EntityType::Person, MatchKind::Story));
        }
        if let Some(known) = found.mentions.iter().find_map(|m| m.entity.clone()) {
            adds.push((
                Span::new(0, "عنوان".len()),
                known,
                EntityType::Place,
                MatchKind::Story,
            ));
        }
        let mut one_by_one = found.clone();
        for add in adds.clone() {
            insert_named(&doc, &mut one_by_one, add);
        }
        let mut at_once = found.clone();
        add_all_named(&doc, &mut at_once, adds);
        assert_eq!(at_once, one_by_one);
        assert!(at_once.mentions.len() > found.mentions.len() + 6);
    }
}
