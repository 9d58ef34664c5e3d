//! The document-wide pass: raw mentions resolved to entities, then the entities table.

mod free_words;
mod partials;
mod variants;

use super::index::GazetteerIndex;
use super::lexicon::Lexicon;
use super::scan::{FreeWords, Raw, Role, Target};
use super::types::{
    DocEntities, EntityId, EntityInfo, EntityMention, EntityRecord, EntityType, MatchKind, MentionForm,
    NameSeen,
};
use isnad_parser::Document;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use variants::NewName;

/// Resolves the raw mentions and free words of a scanned document into its mentions and entities.
pub(super) fn resolve(
    doc: &Document,
    entries: &[EntityInfo],
    index: &GazetteerIndex,
    lex: &Lexicon,
    raws: Vec<Raw>,
    free: &FreeWords,
) -> DocEntities {
    Resolver {
        doc,
        entries,
        index,
        lex,
        out: Vec::new(),
        named: HashMap::default(),
        new_names: Vec::new(),
        variants: HashMap::default(),
    }
    .run(raws, free)
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
    /// How many of `out`'s mentions name each entity, kept as `out` grows (asked for every
    /// ambiguous mention; counting `out` each time is quadratic in a long article).
    named: HashMap<EntityId, usize>,
    new_names: Vec<NewName>,
    /// The gazetteer entries each new name (key and kind) is a variant of: a name comes back
    /// several times in an article, and the search for variants is the costly part.
    /// Keyed by the name, then by kind (a name is looked up by its text, without a copy of it).
    variants: HashMap<String, Vec<(EntityType, Vec<u32>)>>,
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
        if let Some(id) = &entity {
            *self.named.entry(id.clone()).or_default() += 1;
        }
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
