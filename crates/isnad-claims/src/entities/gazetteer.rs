//! Loading the gazetteer from TOML data files (`[[entity]]` tables of [`EntityInfo`]).

use super::types::{EntityId, EntityInfo, Gazetteer, GazetteerError};
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::path::Path;
use std::sync::Arc;

/// What lies in what and which city is which country's capital, by id: what checking a story
/// asks of the places and sources it names. Built once per gazetteer, not once per story.
#[derive(Debug)]
pub struct PlaceLinks {
    /// Entry id → the id it lies in (a later entry of one id wins, as in a map collected from
    /// the list).
    within: FxHashMap<EntityId, EntityId>,
    /// A capital's id → its country's id.
    country_of_capital: FxHashMap<EntityId, EntityId>,
    /// The length and address of the entry list the links were built from.
    built_for: (usize, usize),
}

impl PlaceLinks {
    fn build(entries: &[EntityInfo]) -> PlaceLinks {
        let mut within = FxHashMap::default();
        let mut country_of_capital = FxHashMap::default();
        for e in entries {
            if let Some(w) = &e.within {
                within.insert(e.id.clone(), w.clone());
            }
            if let Some(capital) = &e.capital {
                country_of_capital.insert(capital.clone(), e.id.clone());
            }
        }
        PlaceLinks {
            within,
            country_of_capital,
            built_for: (entries.len(), entries.as_ptr() as usize),
        }
    }

    /// The id the entry `id` lies in, when the gazetteer says.
    pub fn within(&self, id: &EntityId) -> Option<&EntityId> {
        self.within.get(id)
    }

    /// The country whose capital `id` is, when it is one.
    pub fn country_of_capital(&self, id: &EntityId) -> Option<&EntityId> {
        self.country_of_capital.get(id)
    }
}

/// The data files compiled into the binary, so a fresh install needs no data directory.
const BUILTIN_FILES: &[(&str, &str)] = &[
    (
        "countries.toml",
        include_str!("../../data/gazetteer/countries.toml"),
    ),
    (
        "organizations.toml",
        include_str!("../../data/gazetteer/organizations.toml"),
    ),
    ("people.toml", include_str!("../../data/gazetteer/people.toml")),
    (
        "agencies.toml",
        include_str!("../../data/gazetteer/agencies.toml"),
    ),
    ("places.toml", include_str!("../../data/gazetteer/places.toml")),
    (
        "products.toml",
        include_str!("../../data/gazetteer/products.toml"),
    ),
];

#[derive(Deserialize)]
struct GazetteerFile {
    #[serde(default)]
    entity: Vec<EntityInfo>,
}

impl Gazetteer {
    /// The built-in gazetteer (countries, capitals, international bodies, agencies, people).
    pub fn builtin() -> Gazetteer {
        let mut gazetteer = Gazetteer::default();
        for (file, text) in BUILTIN_FILES {
            // A broken built-in file is a build defect caught by the tests, not a user error.
            gazetteer
                .load_str(file, text)
                .unwrap_or_else(|e| panic!("built-in {e}"));
        }
        gazetteer
    }

    /// Its containment and capitals, built on first use (and built afresh, not kept, when
    /// `entries` moved or changed length behind its back, as the matcher is).
    pub fn links(&self) -> Arc<PlaceLinks> {
        let cached = self
            .links
            .get_or_init(|| Arc::new(PlaceLinks::build(&self.entries)));
        if cached.built_for == (self.entries.len(), self.entries.as_ptr() as usize) {
            Arc::clone(cached)
        } else {
            Arc::new(PlaceLinks::build(&self.entries))
        }
    }

    /// Adds the entries of a TOML file; an id already present is replaced by the new entry.
    pub fn load_file(&mut self, path: &Path) -> Result<(), GazetteerError> {
        let text = std::fs::read_to_string(path).map_err(|e| GazetteerError {
            file: path.display().to_string(),
            message: e.to_string(),
        })?;
        self.load_str(&path.display().to_string(), &text)
    }

    /// Adds the entries of TOML text; `file` names it in errors.
    pub fn load_str(&mut self, file: &str, text: &str) -> Result<(), GazetteerError> {
        let parsed: GazetteerFile = toml::from_str(text).map_err(|e| GazetteerError {
            file: file.to_string(),
            message: e.to_string(),
        })?;
        self.invalidate();
        for entry in parsed.entity {
            if entry.name.trim().is_empty() || entry.id.as_str().trim().is_empty() {
                return Err(GazetteerError {
                    file: file.to_string(),
                    message: format!("entry `{}` has an empty id or name", entry.id),
                });
            }
            match self.entries.iter_mut().find(|e| e.id == entry.id) {
                Some(existing) => *existing = entry,
                None => self.entries.push(entry),
            }
        }
        Ok(())
    }
}
