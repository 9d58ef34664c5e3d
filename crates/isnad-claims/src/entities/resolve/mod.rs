//! The document-wide pass: raw mentions resolved to entities, then the entities table.

mod free_words;
mod partials;
mod variants;

use super::index::GazetteerIndex;
use super::lexicon::Lexicon;
use super::scan::{FreeWords, Raw, Role, Scanned, Target};
use super::types::{
    Candidates, DocEntities, EntityId, EntityInfo, EntityMention, EntityRecord, EntityType, MatchKind,
    MentionForm, NameSeen,
};
use isnad_parser::Document;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use variants::NewName;

/// Resolves the raw mentions and free words of a scanned document (its runs of sentences in
/// order) into its mentions and entities.
pub(super) fn resolve(
    doc: &Document,
    entries: &[EntityInfo],
    index: &GazetteerIndex,
    lex: &Lexicon,
    runs: Vec<Scanned>,
) -> DocEntities {
    let (raws, free): (Vec<Vec<Raw>>, Vec<FreeWords>) = runs.into_iter().map(|r| (r.raws, r.free)).unzip();
    // Nearly every raw mention becomes a mention: room for them once.
    let raws_len = raws.iter().map(Vec::len).sum();
    Resolver {
        doc,
        entries,
        index,
        lex,
        out: Vec::with_capacity(raws_len),
        name_keys: Vec::new(),
        named: HashMap::default(),
        new_names: Vec::new(),
        texts: std::cell::RefCell::default(),
    }
    .run(raws, free)
}

struct Resolver<'a> {
    doc: &'a Document,
    entries: &'a [EntityInfo],
    index: &'a GazetteerIndex,
    lex: &'a Lexicon,
    /// The resolved (or ambiguous) mentions, in the order they were read.
    out: Vec<EntityMention>,
    /// The key of each name of `out` that names an entity (by its index there), as the
    /// resolver reads surnames and short names from them; the others need none.
    name_keys: Vec<(usize, String)>,
    /// How many of `out`'s mentions name each entity, kept as `out` grows (asked for every
    /// ambiguous mention; counting `out` each time is quadratic in a long article).
    named: HashMap<EntityId, usize>,
    new_names: Vec<NewName>,
    /// One string for each spelling its mentions are written in: a name comes back many times in
    /// an article, and a long one holds hundreds of thousands of mentions (issue #17).
    texts: std::cell::RefCell<HashMap<&'a str, std::sync::Arc<str>>>,
}

impl<'a> Resolver<'a> {
    /// The text of `span`, shared by every mention written the same way.
    fn text(&self, span: isnad_parser::Span) -> std::sync::Arc<str> {
        let text: &'a str = self.doc.source.get(span.range()).unwrap_or_default();
        let mut texts = self.texts.borrow_mut();
        std::sync::Arc::clone(texts.entry(text).or_insert_with(|| std::sync::Arc::from(text)))
    }
}

impl Resolver<'_> {
    fn run(mut self, raws: Vec<Vec<Raw>>, free: Vec<FreeWords>) -> DocEntities {
        let all_raws = || raws.iter().flatten();
        let mut slots: Vec<Option<usize>> = vec![None; raws.iter().map(Vec::len).sum()];
        // Names that point at one entry, and new names, first; they decide the rest.
        for (r, raw) in all_raws().enumerate() {
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
        for (r, raw) in all_raws().enumerate() {
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
                    self.out[o].form = MentionForm::Partial;
                    o
                }
                Some(ids) => {
                    let o = self.push(raw, None, MatchKind::Coreference, ids.clone());
                    self.out[o].form = MentionForm::Partial;
                    o
                }
                None => {
                    let (id, how) = self.resolve_new(raw);
                    self.push(raw, Some(id), how, Vec::new())
                }
            });
        }
        let mut roles: HashMap<Role, Vec<EntityId>> = HashMap::default();
        for (r, raw) in all_raws().enumerate() {
            if let (Some(role), Some(o)) = (raw.role, slots[r])
                && let Some(id) = &self.out[o].entity
            {
                let ids = roles.entry(role).or_default();
                if !ids.contains(id) {
                    ids.push(id.clone());
                }
            }
        }
        drop(slots);
        // Each entity once: cloning every mention's id cost an allocation per mention.
        let mut seen: HashSet<EntityId> = HashSet::default();
        for id in self.out.iter().filter_map(|m| m.entity.as_ref()) {
            if !seen.contains(id) {
                seen.insert(id.clone());
            }
        }
        for raw in all_raws().filter(|r| !r.dead) {
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
        // The raw mentions are read; a long article's are many, freed before its free words
        // are read (and each run's free words once read).
        drop(raws);
        let found = self.free_words(free, &partials, &seen);
        self.finish(found)
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
        let text = self.text(raw.span);
        if let Some(id) = &entity {
            *self.named.entry(id.clone()).or_default() += 1;
            if raw.form == MentionForm::Name {
                self.name_keys.push((self.out.len(), raw.key.clone()));
            }
        }
        self.out.push(EntityMention {
            span: raw.span,
            text,
            entity,
            kind,
            how,
            candidates: Candidates::new(candidates),
            form: raw.form,
            title: raw.title.map(Box::new),
        });
        self.out.len() - 1
    }

    /// The names of `out` that name an entity, with their keys and entities, in `out`'s order.
    fn named_keys(&self) -> impl Iterator<Item = (&EntityMention, &str, &EntityId)> {
        self.name_keys.iter().filter_map(|(o, key)| {
            let mention = &self.out[*o];
            let id = mention.entity.as_ref()?;
            (mention.form == MentionForm::Name).then_some((mention, key.as_str(), id))
        })
    }

    /// Mentions in text order (those read from free words after the others) and the entities
    /// table.
    fn finish(self, found: Vec<EntityMention>) -> DocEntities {
        let mut mentions = self.out;
        // The list the document keeps, as long as it is and no longer.
        mentions.reserve_exact(found.len());
        mentions.extend(found);
        mentions.shrink_to_fit();
        mentions.sort_by_key(|m| (m.span.start, m.span.end));
        let mut entities: Vec<EntityRecord> = Vec::new();
        let mut at: HashMap<&str, usize> = HashMap::default();
        for m in &mentions {
            let Some(id) = &m.entity else { continue };
            let i = *at.entry(id.as_str()).or_insert_with(|| {
                let name = self.index.ids.get(id).map_or_else(
                    || String::from(&*m.text),
                    |&i| self.entries[i as usize].name.clone(),
                );
                entities.push(EntityRecord {
                    id: id.clone(),
                    kind: m.kind,
                    name,
                    names: Vec::new(),
                });
                entities.len() - 1
            });
            if matches!(m.form, MentionForm::Name | MentionForm::Partial)
                && !entities[i].names.iter().any(|n| *n.text == *m.text)
            {
                entities[i].names.push(NameSeen {
                    doc: self.doc.id.clone(),
                    text: String::from(&*m.text),
                    span: m.span,
                });
            }
        }
        DocEntities { mentions, entities }
    }
}
