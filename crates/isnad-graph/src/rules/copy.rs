//! **copy** — one article copies another: its sentences are near-duplicates of an earlier one's.
//!
//! Why it matters: syndicated copies are one source, not independent confirmation; counting
//! them twice overstates how well a claim is corroborated.
//! Example: two outlets running the same agency text with a different headline and a line added.
//! Sentences are compared by normalized word shingles; a document is derived when a large share
//! of its sentences occur in the other, earlier-published one.
//! One note per original, naming every copy of it (a story of many copies of one agency text
//! gets one note, not one per pair).
//! Known false positives: two articles quoting the same long official statement.

use super::finding;
use crate::CopyLink;
use crate::finding::{Finding, FindingKind, Severity};
use std::collections::BTreeMap;

/// One note per original: every document that copies it, with the share of its sentences.
pub(crate) fn check(copies: &[CopyLink]) -> Vec<Finding> {
    let mut by_source: BTreeMap<&str, Vec<&CopyLink>> = BTreeMap::new();
    for link in copies {
        by_source.entry(link.source.as_str()).or_default().push(link);
    }
    by_source
        .into_iter()
        .map(|(source, links)| {
            let shares: Vec<String> = links
                .iter()
                .map(|l| format!("{:.0}%", l.overlap * 100.0))
                .collect();
            let docs: Vec<&str> = links.iter().map(|l| l.doc.as_str()).collect();
            let message = match links[..] {
                [link] => format!("{} copies {source} ({} of its sentences)", link.doc, shares[0]),
                _ => format!(
                    "{} copy {source} ({} of their sentences)",
                    docs.join(", "),
                    shares.join(", ")
                ),
            };
            let mut note = finding(FindingKind::Copy, Severity::Note, message, Vec::new());
            note.resolution = Some(format!("{} and {source} count as one source", docs.join(", ")));
            note
        })
        .collect()
}
