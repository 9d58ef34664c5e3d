//! Shared by the conformance tests: reading Duckling's corpus rows and our divergence lists, and
//! running the mention finders exactly as `isnad mentions --text … --reference-date 2013-02-12
//! --lean future` does.

#![allow(dead_code)] // each test binary uses part of it

use chrono::NaiveDate;
use isnad_claims::mentions::{Lean, Mention, MentionContext, extract_mentions};
use isnad_parser::Span;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::PathBuf;

/// The corpus: vendored next to the tests (BSD-3, see its LICENSE), or `ISNAD_DUCKLING_DIR`.
pub fn corpus_dir() -> PathBuf {
    std::env::var_os("ISNAD_DUCKLING_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/conformance/duckling-ar"))
}

/// The rows of a corpus file, header skipped, fields split on tabs (never trimmed).
pub fn rows(file: &str) -> Vec<Vec<String>> {
    let path = corpus_dir().join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "conformance data {} is missing ({e}); set ISNAD_DUCKLING_DIR",
            path.display()
        )
    });
    text.lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

#[derive(Deserialize)]
struct Divergences {
    #[serde(default)]
    divergence: Vec<Divergence>,
}

#[derive(Deserialize)]
struct Divergence {
    text: String,
    #[serde(default)]
    reason: String,
}

/// Our expected divergences from a corpus: text → reason (an empty reason counts as a failure).
pub fn divergences(file: &str) -> HashMap<String, String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/conformance")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let parsed: Divergences = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    parsed
        .divergence
        .into_iter()
        .map(|d| (d.text, d.reason))
        .collect()
}

/// Every mention of `text` at Duckling's reference date, leaning forward like Duckling.
pub fn mentions(text: &str) -> Vec<Mention> {
    let context = MentionContext {
        reference: NaiveDate::from_ymd_opt(2013, 2, 12),
        lean: Lean::Future,
    };
    extract_mentions(text, Span::new(0, text.len()), &context)
}
