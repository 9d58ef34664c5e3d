//! Loading the gazetteer from TOML data files (`[[entity]]` tables of [`EntityInfo`]).

use super::types::{EntityInfo, Gazetteer, GazetteerError};
use serde::Deserialize;
use std::path::Path;

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
