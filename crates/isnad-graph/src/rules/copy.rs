//! **copy** — one article copies another: its sentences are near-duplicates of an earlier one's.
//!
//! Why it matters: syndicated copies are one source, not independent confirmation; counting
//! them twice overstates how well a claim is corroborated.
//! Example: two outlets running the same agency text with a different headline and a line added.
//! Sentences are compared by normalized word shingles; a document is derived when a large share
//! of its sentences occur in the other, earlier-published one.
//! Known false positives: two articles quoting the same long official statement.

use super::finding;
use crate::CopyLink;
use crate::finding::{Finding, FindingKind, Severity};

/// One note per copy link.
pub(crate) fn check(copies: &[CopyLink]) -> Vec<Finding> {
    copies
        .iter()
        .map(|link| {
            let mut note = finding(
                FindingKind::Copy,
                Severity::Note,
                format!(
                    "{} copies {} ({:.0}% of its sentences)",
                    link.doc,
                    link.source,
                    link.overlap * 100.0
                ),
                Vec::new(),
            );
            note.resolution = Some(format!("{} and {} count as one source", link.doc, link.source));
            note
        })
        .collect()
}
