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
//! assert!(found.mentions.iter().any(|m| m.text == "جون مباتيا"));
//! ```

mod gazetteer;
mod index;
pub(crate) mod lexicon;
mod scan;
mod text;
pub(crate) use text::is_word_char;
mod types;
mod variant;

pub use types::{
    DocEntities, EntityId, EntityInfo, EntityKey, EntityMention, EntityRecord, EntityType, Gazetteer,
    GazetteerError, MatchKind, MentionForm, NameSeen,
};

use index::GazetteerIndex;
use isnad_parser::Document;
use lexicon::Lexicon;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use scan::{FreeWord, FreeWords, Raw, Role, Target};
use variant::{
    close, close_names_keyed, for_each_deletion, letter_key, skeleton, skeleton_into, within,
    within_one_chars,
};

/// Finds and resolves the entity mentions of a document's story text.
pub fn find_entities(document: &Document, gazetteer: &Gazetteer) -> DocEntities {
    prepared_entities(&crate::Prepared::of(document), gazetteer)
}

/// [`find_entities`] of a prepared document (its sentences already folded).
pub fn prepared_entities(prepared: &crate::Prepared<'_>, gazetteer: &Gazetteer) -> DocEntities {
    let document = prepared.document;
    let lex = lexicon::lexicon();
    let index = gazetteer.index(lex);
    // Sized from the text (a name every hundred bytes, a word every six or so), so the document's
    // lists are not regrown sentence by sentence.
    let mut raws: Vec<Raw> = Vec::with_capacity(document.source.len() / 100);
    let mut free = FreeWords::with_capacity(document.source.len());
    for (_, sentence) in prepared.sentences() {
        let st = text::SentenceText::new(&document.source, &sentence.folded);
        scan::scan_sentence(st, lex, &index, &gazetteer.entries, &mut raws, &mut free);
    }
    let mut entities = Resolver {
        doc: document,
        entries: &gazetteer.entries,
        index: &index,
        lex,
        out: Vec::new(),
        new_names: Vec::new(),
        variants: HashMap::default(),
    }
    .run(raws, &free);
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

/// The outlet named by the article's masthead line is an entity of the article: a news outlet
/// (an agency), named where the masthead names it.
fn add_masthead(document: &Document, entities: &mut DocEntities) {
    let (Some(outlet), Some(line)) = (document.meta.outlet.as_deref(), document.meta.outlet_span) else {
        return;
    };
    let Some(at) = document.source[line.range()].find(outlet) else {
        return;
    };
    let span = isnad_parser::Span::new(line.start + at, line.start + at + outlet.len());
    if outlet.trim().is_empty() || entities.mentions.iter().any(|m| m.span.overlaps(span)) {
        return;
    }
    let key = letter_key(&isnad_parser::fold_key(outlet));
    let shape = skeleton(&key);
    let id = EntityId::discovered(EntityType::Agency, if shape.is_empty() { &key } else { &shape });
    add_named(
        document,
        entities,
        span,
        id,
        EntityType::Agency,
        MatchKind::Masthead,
    );
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
    let text = document.source[span.range()].to_string();
    let at = entities.mentions.partition_point(|m| m.span.start < span.start);
    entities.mentions.insert(
        at,
        EntityMention {
            span,
            text: text.clone(),
            entity: Some(id.clone()),
            kind,
            how,
            candidates: Vec::new(),
            form: MentionForm::Name,
            title: None,
        },
    );
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
        None => entities.entities.insert(
            entities
                .entities
                .partition_point(|e| e.names.first().is_some_and(|n| n.span.start < span.start)),
            EntityRecord {
                id,
                kind,
                name: text,
                names: vec![seen],
            },
        ),
    }
}

/// A name in no gazetteer, seen in this document.
struct NewName {
    id: EntityId,
    key: String,
    letter_key: String,
    letter_key_chars: usize,
    kind: EntityType,
    skeleton: String,
}

/// First and last words (and particle-led tails) of the people named in full → the people.
#[derive(Default)]
struct Partials {
    map: HashMap<String, Vec<EntityId>>,
    /// Bit `len % 64` set for the byte length of every key: nearly every free word is looked
    /// up, and few have the length of a key.
    lengths: u64,
}

impl Partials {
    fn get(&self, key: &str) -> Option<&Vec<EntityId>> {
        if self.lengths & (1 << (key.len() % 64)) == 0 {
            return None;
        }
        self.map.get(key)
    }
}

/// A one-word name of this document, for typos of it among free words.
struct DocName {
    key: String,
    chars: Vec<char>,
    id: EntityId,
}

/// Buffers reused across free words.
#[derive(Default)]
struct Scratch {
    key: String,
    skeleton: String,
    chars: Vec<char>,
}

/// A resolved (or ambiguous) mention with the key of the name it was found by.
struct Out {
    mention: EntityMention,
    key: String,
}

struct Resolver<'a> {
    doc: &'a Document,
    entries: &'a [EntityInfo],
    index: &'a GazetteerIndex,
    lex: &'a Lexicon,
    out: Vec<Out>,
    new_names: Vec<NewName>,
    /// The gazetteer entries each new name (key and kind) is a variant of: a name comes back
    /// several times in an article, and the search for variants is the costly part.
    /// Keyed by the name, then by kind (a name is looked up by its text, without a copy of it).
    variants: HashMap<String, Vec<(EntityType, Vec<u32>)>>,
}

/// Whether a name found as `found` may be a spelling of a gazetteer entry of kind `entry`.
fn compatible(found: EntityType, entry: EntityType) -> bool {
    use EntityType::*;
    found == entry
        || matches!(
            (found, entry),
            (Organization, Agency | Product) | (Agency, Organization)
        )
}

impl Resolver<'_> {
    fn run(mut self, raws: Vec<Raw>, free: &FreeWords) -> DocEntities {
        let mut slots: Vec<Option<usize>> = vec![None; raws.len()];
        // Names that point at one entry, and new names, first; they decide the rest.
        for (r, raw) in raws.iter().enumerate() {
            if raw.dead {
                continue;
            }
            let resolved = match &raw.target {
                Target::Entries(ids) if ids.len() == 1 => {
                    Some((self.entries[ids[0] as usize].id.clone(), raw.how))
                }
                // One-word and particle-led names wait: they may be the surname of a name given
                // in full ("الحمايدة", "ولد سيدي عالي").
                Target::New if raw.key.contains(' ') && !self.particle_led(&raw.key) => {
                    Some(self.resolve_new(raw))
                }
                _ => None,
            };
            if let Some((id, how)) = resolved {
                slots[r] = Some(self.push(raw, Some(id), how, Vec::new()));
            }
        }
        let partials = self.partials();
        for (r, raw) in raws.iter().enumerate() {
            if raw.dead
                || !matches!(raw.target, Target::New)
                || (raw.key.contains(' ') && !self.particle_led(&raw.key))
            {
                continue;
            }
            let kind_ok = raw.kind == EntityType::Person;
            slots[r] = Some(match partials.get(&raw.key).filter(|_| kind_ok) {
                Some(ids) if ids.len() == 1 => {
                    let o = self.push(raw, Some(ids[0].clone()), MatchKind::Coreference, Vec::new());
                    self.out[o].mention.form = MentionForm::Partial;
                    o
                }
                Some(ids) => {
                    let o = self.push(raw, None, MatchKind::Coreference, ids.clone());
                    self.out[o].mention.form = MentionForm::Partial;
                    o
                }
                None => {
                    let (id, how) = self.resolve_new(raw);
                    self.push(raw, Some(id), how, Vec::new())
                }
            });
        }
        let mut roles: HashMap<Role, Vec<EntityId>> = HashMap::default();
        for (r, raw) in raws.iter().enumerate() {
            if let (Some(role), Some(o)) = (raw.role, slots[r])
                && let Some(id) = &self.out[o].mention.entity
            {
                let ids = roles.entry(role).or_default();
                if !ids.contains(id) {
                    ids.push(id.clone());
                }
            }
        }
        // Each entity once: cloning every mention's id cost an allocation per mention.
        let mut seen: HashSet<EntityId> = HashSet::default();
        for id in self.out.iter().filter_map(|o| o.mention.entity.as_ref()) {
            if !seen.contains(id) {
                seen.insert(id.clone());
            }
        }
        for raw in raws.iter().filter(|r| !r.dead) {
            match &raw.target {
                Target::Entries(ids) if ids.len() > 1 => {
                    let cands: Vec<EntityId> =
                        ids.iter().map(|&i| self.entries[i as usize].id.clone()).collect();
                    let (entity, candidates) = self.choose(&cands, &seen, partials.get(&raw.key));
                    let how = if entity.is_some() {
                        MatchKind::Coreference
                    } else {
                        raw.how
                    };
                    self.push(raw, entity, how, candidates);
                }
                Target::Role(role) => {
                    let ids = roles.get(role).cloned().unwrap_or_default();
                    match ids.len() {
                        0 => {}
                        1 => {
                            self.push(raw, ids.into_iter().next(), MatchKind::Coreference, Vec::new());
                        }
                        _ => {
                            self.push(raw, None, MatchKind::Coreference, ids);
                        }
                    }
                }
                _ => {}
            }
        }
        self.free_words(free, &partials, &seen);
        self.finish()
    }

    /// True for a name that starts with a lineage particle ("ولد سيدي عالي").
    fn particle_led(&self, key: &str) -> bool {
        key.split(' ')
            .next()
            .is_some_and(|w| self.lex.name_particles.contains(w))
    }

    fn push(
        &mut self,
        raw: &Raw,
        entity: Option<EntityId>,
        how: MatchKind,
        candidates: Vec<EntityId>,
    ) -> usize {
        let kind = entity
            .as_ref()
            .and_then(|id| self.index.ids.get(id))
            .map_or(raw.kind, |&i| self.entries[i as usize].kind);
        let text = self
            .doc
            .source
            .get(raw.span.range())
            .unwrap_or_default()
            .to_string();
        self.out.push(Out {
            mention: EntityMention {
                span: raw.span,
                text,
                entity,
                kind,
                how,
                candidates,
                form: raw.form,
                title: raw.title,
            },
            key: raw.key.clone(),
        });
        self.out.len() - 1
    }

    /// The gazetteer entries a new name (with letter key `lk` and skeleton `sk`) may spell.
    fn gazetteer_variants(&self, raw: &Raw, lk: &str, sk: &str) -> Vec<u32> {
        let words = raw.key.split(' ').count();
        let mut found: Vec<u32> = Vec::new();
        let consider = |found: &mut Vec<u32>, n: u32, exact_skeleton: bool| {
            let name = &self.index.names[n as usize];
            let entry = &self.entries[name.entry as usize];
            // A skeleton of three consonants is shared by too many words: then the letters must
            // agree exactly ("بنوك" banks is not "بوينغ").
            let short = sk.chars().count() < 4;
            let ok = compatible(raw.kind, entry.kind)
                && if exact_skeleton {
                    if short {
                        lk == name.letter_key
                    } else {
                        within(lk, &name.letter_key, 2)
                    }
                } else {
                    close_names_keyed(&raw.key, lk, &name.key, &name.letter_key)
                };
            if ok && !found.contains(&name.entry) {
                found.push(name.entry);
            }
        };
        if lk.chars().count() >= 4 {
            for &n in self.index.skeletons.get(sk).into_iter().flatten() {
                consider(&mut found, n, true);
            }
        }
        // Three letters or fewer fold onto too many words ("بنوك" banks and "بوينغ").
        if found.is_empty() && lk.chars().count() >= 4 {
            let mut buffer = String::with_capacity(lk.len());
            for_each_deletion(lk, &mut buffer, |d| {
                for &n in self.index.deletions.get(d).into_iter().flatten() {
                    consider(&mut found, n, false);
                }
            });
        }
        if found.is_empty() && words >= 2 {
            let parts: Vec<&str> = raw.key.split(' ').collect();
            for w in [parts[0], parts[parts.len() - 1]] {
                for &n in self.index.by_word.get(&letter_key(w)).into_iter().flatten() {
                    consider(&mut found, n, false);
                }
            }
        }
        found
    }

    /// Resolves a name in no gazetteer: a spelling variant of a gazetteer name, of a name seen
    /// earlier in the document, or a new entity.
    fn resolve_new(&mut self, raw: &Raw) -> (EntityId, MatchKind) {
        let lk = letter_key(&raw.key);
        let sk = skeleton(&lk);
        let cached = self
            .variants
            .get(raw.key.as_str())
            .and_then(|kinds| kinds.iter().find(|(kind, _)| *kind == raw.kind));
        let single = match cached {
            Some((_, found)) => (found.len() == 1).then(|| found[0]),
            None => {
                let found = self.gazetteer_variants(raw, &lk, &sk);
                let single = (found.len() == 1).then(|| found[0]);
                self.variants
                    .entry(raw.key.clone())
                    .or_default()
                    .push((raw.kind, found));
                single
            }
        };
        if let Some(entry) = single {
            return (self.entries[entry as usize].id.clone(), MatchKind::Variant);
        }
        // Names of five letters or more, at most two apart, may be close: told by their lengths
        // before they are compared.
        let lk_chars = lk.chars().count();
        if let Some(prev) = self.new_names.iter().find(|p| {
            p.kind == raw.kind
                && (p.skeleton == sk
                    || (lk_chars.min(p.letter_key_chars) >= 5
                        && lk_chars.abs_diff(p.letter_key_chars) <= 2
                        && close_names_keyed(&raw.key, &lk, &p.key, &p.letter_key)))
        }) {
            return (prev.id.clone(), MatchKind::Variant);
        }
        let id = EntityId::discovered(raw.kind, if sk.is_empty() { &lk } else { &sk });
        self.new_names.push(NewName {
            id: id.clone(),
            key: raw.key.clone(),
            letter_key: lk,
            letter_key_chars: lk_chars,
            kind: raw.kind,
            skeleton: sk,
        });
        (id, raw.how)
    }

    /// First and last words of multi-word person names resolved so far → the people.
    fn partials(&self) -> Partials {
        let mut map: HashMap<String, Vec<EntityId>> = HashMap::default();
        // A person is named the same way many times: each name of each person is read once.
        let mut done: HashSet<(&str, &str)> = HashSet::default();
        for o in &self.out {
            let (Some(id), EntityType::Person) = (&o.mention.entity, o.mention.kind) else {
                continue;
            };
            if o.mention.form != MentionForm::Name || !done.insert((o.key.as_str(), id.as_str())) {
                continue;
            }
            let mut keys = vec![o.key.clone()];
            if let Some(&i) = self.index.ids.get(id) {
                let e = &self.entries[i as usize];
                keys.push(lexicon::collapse(&isnad_parser::fold_key(&e.name)));
            }
            for key in keys {
                let words: Vec<&str> = key.split(' ').collect();
                if words.len() < 2 {
                    continue;
                }
                // The part from a particle on is a family name too ("ولد سيدي عالي").
                let particle_tails = (1..words.len())
                    .filter(|&p| p + 1 < words.len() && self.lex.name_particles.contains(words[p]))
                    .map(|p| words[p..].join(" "));
                let ends = [words[0], words[words.len() - 1]].into_iter().filter(|w| {
                    w.chars().count() >= 3
                        && !self.lex.common_name_parts.contains(*w)
                        && !self.lex.name_particles.contains(*w)
                        && !self.lex.stop_words.contains(*w)
                });
                for part in ends.map(str::to_string).chain(particle_tails) {
                    let ids = map.entry(part).or_default();
                    if !ids.contains(id) {
                        ids.push(id.clone());
                    }
                }
            }
        }
        let lengths = map.keys().fold(0u64, |mask, key| mask | (1 << (key.len() % 64)));
        Partials { map, lengths }
    }

    /// Picks among gazetteer entries sharing a key: the one the document names otherwise, else
    /// one whose container it names; several stay ambiguous.
    fn choose(
        &self,
        cands: &[EntityId],
        seen: &HashSet<EntityId>,
        partial: Option<&Vec<EntityId>>,
    ) -> (Option<EntityId>, Vec<EntityId>) {
        let in_doc: Vec<EntityId> = cands.iter().filter(|c| seen.contains(*c)).cloned().collect();
        let in_doc = if in_doc.is_empty() {
            partial
                .map(|p| p.iter().filter(|c| cands.contains(c)).cloned().collect())
                .unwrap_or_default()
        } else {
            in_doc
        };
        match in_doc.len() {
            1 => return (in_doc.into_iter().next(), Vec::new()),
            0 => {}
            _ => return (None, self.by_frequency(in_doc)),
        }
        let contained: Vec<EntityId> = cands
            .iter()
            .filter(|c| {
                self.index
                    .ids
                    .get(*c)
                    .and_then(|&i| self.entries[i as usize].within.as_ref())
                    .is_some_and(|w| seen.contains(w))
            })
            .cloned()
            .collect();
        if contained.len() == 1 {
            return (contained.into_iter().next(), Vec::new());
        }
        (None, cands.to_vec())
    }

    /// Candidates ordered by how often the document names them (most first).
    fn by_frequency(&self, mut ids: Vec<EntityId>) -> Vec<EntityId> {
        let count = |id: &EntityId| {
            self.out
                .iter()
                .filter(|o| o.mention.entity.as_ref() == Some(id))
                .count()
        };
        ids.sort_by_key(|id| std::cmp::Reverse(count(id)));
        ids
    }

    /// Words no phrase or pattern took: surnames of people named in full, and spelling variants
    /// of gazetteer names or of names in this document.
    fn free_words(&mut self, free: &FreeWords, partials: &Partials, seen: &HashSet<EntityId>) {
        // Single-word names of this document, by their letters, for typos.
        let mut distinct: HashSet<(String, EntityId)> = HashSet::default();
        for o in &self.out {
            let Some(id) = &o.mention.entity else { continue };
            if o.mention.form == MentionForm::Name && !o.key.contains(' ') {
                let lk = letter_key(&o.key);
                if lk.chars().count() >= 5 {
                    distinct.insert((lk, id.clone()));
                }
            }
        }
        let mut doc_names: Vec<DocName> = distinct
            .into_iter()
            .map(|(key, id)| DocName {
                chars: key.chars().collect(),
                key,
                id,
            })
            .collect();
        // By length, so a word is compared with the names of its length give or take one only
        // (which of them match, not their order, decides).
        doc_names.sort_by_key(|name| name.chars.len());
        let mut scratch = Scratch::default();
        for run in &free.runs {
            let run = &free.words[run.clone()];
            let mut i = 0;
            while i < run.len() {
                let mut advanced = false;
                // Several words only when more follow and the first can start a multi-word name.
                let longest = if run.len() - i > 1
                    && (0..free.count(&run[i])).any(|r| {
                        self.index.first_letter_keys.contains(free.letter_key(&run[i], r))
                            || self.lex.name_particles.contains(free.reading(&run[i], r).0)
                    }) {
                    3.min(run.len() - i)
                } else {
                    1
                };
                for n in (1..=longest).rev() {
                    if let Some(found) =
                        self.free_match(free, &run[i..i + n], partials, seen, &doc_names, &mut scratch)
                    {
                        self.out.push(found);
                        i += n;
                        advanced = true;
                        break;
                    }
                }
                if !advanced {
                    i += 1;
                }
            }
        }
    }

    fn free_match(
        &self,
        free: &FreeWords,
        words: &[FreeWord],
        partials: &Partials,
        seen: &HashSet<EntityId>,
        doc_names: &[DocName],
        scratch: &mut Scratch,
    ) -> Option<Out> {
        let lex = self.lex;
        if !words[1..].iter().all(|w| free.reading(w, 0).1) {
            return None;
        }
        for r in 0..free.count(&words[0]) {
            let (first, plain) = free.reading(&words[0], r);
            // A family name with the article ("الحمايدة", "للحمايدة" with its alef elided) is no
            // plain word, but a known surname.
            let whole = free.reading(&words[0], 0).0;
            let elided = r > 0
                && whole.trim_start_matches(['و', 'ف']).starts_with("لل")
                && first.starts_with('ل')
                && !first.starts_with("لل");
            // Looked up without building a key for every article word.
            let family_ids = if words.len() != 1 {
                None
            } else if first.starts_with("ال") {
                partials.get(first)
            } else if elided {
                scratch.key.clear();
                scratch.key.push('ا');
                scratch.key.push_str(first);
                partials.get(scratch.key.as_str())
            } else {
                None
            };
            if !plain && family_ids.is_none() {
                continue;
            }
            let first_chars = first.chars().count();
            if words.len() == 1 && first_chars < 3 {
                continue;
            }
            let key = || {
                let mut key = first.to_string();
                for w in &words[1..] {
                    key.push(' ');
                    key.push_str(free.reading(w, 0).0);
                }
                key
            };
            // Mapped back to the original text only for the words taken.
            let make = |entity: Option<EntityId>, kind, how, form, candidates| {
                let first_span = free.span(&words[0], r);
                let span = match words.last() {
                    Some(last) if words.len() > 1 => first_span.cover(free.span(last, 0)),
                    _ => first_span,
                };
                Out {
                    mention: EntityMention {
                        span,
                        text: self.doc.source.get(span.range()).unwrap_or_default().to_string(),
                        entity,
                        kind,
                        how,
                        candidates,
                        form,
                        title: None,
                    },
                    key: key(),
                }
            };
            let partial = if family_ids.is_some() {
                family_ids
            } else if words.len() == 1 {
                partials.get(first).filter(|_| first_chars >= 3)
            } else {
                partials.get(&key())
            };
            if let Some(ids) = partial {
                let (entity, candidates) = if ids.len() == 1 {
                    (Some(ids[0].clone()), Vec::new())
                } else {
                    (None, ids.clone())
                };
                // A common name part names no one alone: looked up only for a word that would be taken.
                if lex.common_name_parts.contains(first) {
                    continue;
                }
                return Some(make(
                    entity,
                    EntityType::Person,
                    MatchKind::Coreference,
                    MentionForm::Partial,
                    candidates,
                ));
            }
            let lk: &str = if words.len() == 1 {
                free.letter_key(&words[0], r)
            } else {
                scratch.key.clear();
                scratch.key.push_str(free.letter_key(&words[0], r));
                for w in &words[1..] {
                    scratch.key.push_str(free.letter_key(w, 0));
                }
                &scratch.key
            };
            let lk_chars = lk.chars().count();
            if lk_chars < 4 {
                continue;
            }
            // A variant spelling of a gazetteer name: same letter key (ج/غ, split or joined), or one
            // letter apart for an entity this document already names ("كراسي" is not "غروسي").
            let mut hits: Vec<u32> = Vec::new();
            let skeleton_names = if self.index.may_be_skeleton(lk) {
                skeleton_into(lk, &mut scratch.skeleton);
                self.index.skeletons.get(scratch.skeleton.as_str())
            } else {
                None
            };
            for &n in skeleton_names.into_iter().flatten() {
                let name = &self.index.names[n as usize];
                let id = &self.entries[name.entry as usize].id;
                let same = lk == name.letter_key;
                let kind = self.entries[name.entry as usize].kind;
                // Unseen entities only for foreign people and products: a place or organization
                // name folds onto ordinary words too easily ("إجراء" and "أكرا").
                let unseen_ok =
                    same && lk_chars >= 5 && matches!(kind, EntityType::Person | EntityType::Product);
                let typo = !same && !clitic_added(lk, &name.letter_key) && within(lk, &name.letter_key, 1);
                if (unseen_ok || (seen.contains(id) && (same || typo))) && !hits.contains(&name.entry) {
                    hits.push(name.entry);
                }
            }
            if hits.len() == 1 {
                let e = &self.entries[hits[0] as usize];
                if lex.common_name_parts.contains(first) {
                    continue;
                }
                return Some(make(
                    Some(e.id.clone()),
                    e.kind,
                    MatchKind::Variant,
                    MentionForm::Name,
                    Vec::new(),
                ));
            }
            // A typo of a one-word name this document uses ("كاراداك" beside "كاراداغ").
            let near = doc_names.partition_point(|name| name.chars.len() + 1 < lk_chars)
                ..doc_names.partition_point(|name| name.chars.len() <= lk_chars + 1);
            if words.len() == 1 && lk_chars >= 5 && !near.is_empty() {
                // One edit of a name of five letters or more keeps its first letter or its last.
                let (first_letter, last_letter) = (lk.chars().next(), lk.chars().next_back());
                scratch.chars.clear();
                let mut ids: Vec<EntityId> = Vec::new();
                for name in &doc_names[near] {
                    if name.chars.first() != first_letter.as_ref()
                        && name.chars.last() != last_letter.as_ref()
                    {
                        continue;
                    }
                    if scratch.chars.is_empty() {
                        scratch.chars.extend(lk.chars());
                    }
                    if name.chars.len().abs_diff(lk_chars) <= 1
                        && !clitic_added(lk, &name.key)
                        && within_one_chars(&scratch.chars, &name.chars)
                        && close(lk, &name.key, 1)
                        && !ids.contains(&name.id)
                    {
                        ids.push(name.id.clone());
                    }
                }
                if ids.len() == 1 {
                    let kind = self
                        .out
                        .iter()
                        .find(|o| o.mention.entity.as_ref() == Some(&ids[0]))
                        .map_or(EntityType::Person, |o| o.mention.kind);
                    if lex.common_name_parts.contains(first) {
                        continue;
                    }
                    return Some(make(
                        ids.pop(),
                        kind,
                        MatchKind::Variant,
                        MentionForm::Name,
                        Vec::new(),
                    ));
                }
            }
        }
        None
    }

    /// Mentions in text order and the entities table.
    fn finish(self) -> DocEntities {
        let mut mentions: Vec<EntityMention> = self.out.into_iter().map(|o| o.mention).collect();
        mentions.sort_by_key(|m| (m.span.start, m.span.end));
        let mut entities: Vec<EntityRecord> = Vec::new();
        let mut at: HashMap<&str, usize> = HashMap::default();
        for m in &mentions {
            let Some(id) = &m.entity else { continue };
            let i = *at.entry(id.as_str()).or_insert_with(|| {
                let name = self
                    .index
                    .ids
                    .get(id)
                    .map_or_else(|| m.text.clone(), |&i| self.entries[i as usize].name.clone());
                entities.push(EntityRecord {
                    id: id.clone(),
                    kind: m.kind,
                    name,
                    names: Vec::new(),
                });
                entities.len() - 1
            });
            if matches!(m.form, MentionForm::Name | MentionForm::Partial)
                && !entities[i].names.iter().any(|n| n.text == m.text)
            {
                entities[i].names.push(NameSeen {
                    doc: self.doc.id.clone(),
                    text: m.text.clone(),
                    span: m.span,
                });
            }
        }
        DocEntities { mentions, entities }
    }
}

/// True when letter key `key` is `name` with a proclitic letter before it ("بالزارات" and
/// "الزارات"): the word's reading without the proclitic is the name itself, not a typo of it.
fn clitic_added(key: &str, name: &str) -> bool {
    key.len() > name.len()
        && key.ends_with(name)
        && key[..key.len() - name.len()]
            .chars()
            .all(|c| matches!(c, 'و' | 'ف' | 'ب' | 'ل' | 'ك'))
}
