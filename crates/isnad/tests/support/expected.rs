//! The `expected.toml` checker: runs `isnad check` on a story directory and compares its findings
//! with the `[[finding]]` and `[[lookalike]]` entries (format in fixtures/README.md). Shared by the
//! rule fixtures (`tests/rules.rs`); it is the findings half of the checker in `tests/stories.rs`,
//! with the same rules, so that a story and a rule fixture are read alike.
//!
//! Included with `#[path = "support/expected.rs"] mod expected;` rather than from `support/mod.rs`:
//! the tests that use `support/` for other helpers would otherwise compile it unused.

use serde::Deserialize;
use serde_json::Value;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A story's `expected.toml`.
#[derive(Deserialize)]
pub struct Expected {
    /// Where the articles are, relative to the story directory (default: the directory itself).
    pub articles: Option<String>,
    /// Findings `isnad check` must report.
    #[serde(default)]
    pub finding: Vec<ExpectedFinding>,
    /// Things that look like conflicts and must not be reported as contradictions or tensions.
    #[serde(default)]
    pub lookalike: Vec<Lookalike>,
}

/// One `[[finding]]`: matched by a reported finding of its kind and severity citing every quote.
#[derive(Deserialize)]
pub struct ExpectedFinding {
    /// The finding kind, as in the JSON report.
    pub kind: String,
    /// contradiction, tension or note.
    pub severity: String,
    /// For humans; never compared with isnad's message.
    #[serde(default)]
    pub why: String,
    /// The words each side must overlap.
    pub quotes: Vec<Quote>,
    /// A known gap: why isnad does not find this yet. Missing is reported, found is a failure (a
    /// ratchet: the mark must be removed once the gap is closed).
    pub pending: Option<String>,
}

/// One `[[lookalike]]`: fails when a contradiction or tension of a listed kind cites every quote.
#[derive(Deserialize)]
pub struct Lookalike {
    /// Kinds it must not be reported as; empty means any kind.
    #[serde(default)]
    pub kinds: Vec<String>,
    /// For humans.
    #[serde(default)]
    pub why: String,
    /// The words a finding would have to cite.
    pub quotes: Vec<Quote>,
}

/// Words of one document, found by string search; they must occur exactly once.
#[derive(Deserialize, Clone)]
pub struct Quote {
    /// The document's file name.
    pub doc: String,
    /// The quoted words.
    pub text: String,
}

/// A quote located in its document: (doc id, byte span).
pub type Located = (String, (u64, u64));

impl Expected {
    /// Reads `dir/expected.toml`, panicking with the story's name when it is missing or malformed.
    pub fn read(name: &str, dir: &Path) -> Expected {
        let path = dir.join("expected.toml");
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{name}: cannot read {}: {e}", path.display()));
        toml::from_str(&text).unwrap_or_else(|e| panic!("{name}: bad expected.toml: {e}"))
    }

    /// The directory holding the story's articles.
    pub fn articles(&self, dir: &Path) -> PathBuf {
        self.articles.as_ref().map_or(dir.to_path_buf(), |a| dir.join(a))
    }
}

/// Runs `isnad check --format json --fail-on never` on `articles` and returns its report.
pub fn check_json(articles: &Path) -> Value {
    let output = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .arg("check")
        .arg(articles)
        .args(["--format", "json", "--fail-on", "never"])
        .output()
        .expect("isnad runs");
    assert!(
        output.status.success(),
        "isnad check {} failed: {}",
        articles.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("isnad check {} printed no JSON: {e}", articles.display()))
}

/// Checks the story in `dir` against its expected findings and look-alikes. Returns every
/// problem, each naming the story; pending findings still missing are printed, not returned.
pub fn check(name: &str, dir: &Path, expected: &Expected) -> Vec<String> {
    let articles = expected.articles(dir);
    let report = check_json(&articles);
    let findings = report["findings"].as_array().cloned().unwrap_or_default();
    let mut problems = Vec::new();
    let mut matched = vec![false; findings.len()];
    for want in &expected.finding {
        let quotes: Vec<Located> = want.quotes.iter().map(|q| locate(name, &articles, q)).collect();
        let hit = findings.iter().position(|f| {
            f["kind"] == want.kind.as_str()
                && f["severity"] == want.severity.as_str()
                && quotes.iter().all(|q| cites(f, q))
        });
        let cited = want
            .quotes
            .iter()
            .map(|q| format!("{}: «{}»", q.doc, q.text))
            .collect::<Vec<_>>()
            .join(" | ");
        match (hit, &want.pending) {
            (Some(i), None) => matched[i] = true,
            (Some(i), Some(_)) => {
                matched[i] = true;
                problems.push(format!(
                    "{name}: pending {} {} is now found: remove its `pending` mark",
                    want.severity, want.kind
                ));
            }
            (None, None) => problems.push(format!(
                "{name}: missing {} {} citing [{cited}] ({})",
                want.severity, want.kind, want.why
            )),
            (None, Some(gap)) => {
                eprintln!(
                    "PENDING {name}: {} {} citing [{cited}]: {gap}",
                    want.severity, want.kind
                );
            }
        }
    }
    for look in &expected.lookalike {
        let quotes: Vec<Located> = look.quotes.iter().map(|q| locate(name, &articles, q)).collect();
        for finding in findings.iter().filter(|f| serious(f)) {
            let listed = look.kinds.is_empty() || look.kinds.iter().any(|k| finding["kind"] == k.as_str());
            if listed && quotes.iter().all(|q| cites(finding, q)) {
                problems.push(format!(
                    "{name}: look-alike flagged ({}): {}",
                    look.why,
                    describe(finding)
                ));
            }
        }
    }
    for finding in &findings {
        problems.extend(repeated_sides(finding).into_iter().map(|side| {
            format!(
                "{name}: cites one sentence twice for one position (issue #18): {side} in {}",
                describe(finding)
            )
        }));
    }
    for (finding, matched) in findings.iter().zip(&matched) {
        if serious(finding) && !matched {
            problems.push(format!("{name}: extra finding: {}", describe(finding)));
        }
    }
    problems
}

/// Contradictions and tensions must all be expected; notes may come unannounced.
fn serious(finding: &Value) -> bool {
    finding["severity"] == "contradiction" || finding["severity"] == "tension"
}

pub fn locate(name: &str, articles: &Path, quote: &Quote) -> Located {
    let path = articles.join(&quote.doc);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{name}: cannot read {}: {e}", path.display()));
    let mut hits = text.match_indices(&quote.text);
    let (start, _) = hits
        .next()
        .unwrap_or_else(|| panic!("{name}: quote not in {}: {}", quote.doc, quote.text));
    assert!(
        hits.next().is_none(),
        "{name}: quote not unique in {}: {}",
        quote.doc,
        quote.text
    );
    (
        quote.doc.clone(),
        (start as u64, (start + quote.text.len()) as u64),
    )
}

fn cites(finding: &Value, quote: &Located) -> bool {
    finding["sides"].as_array().into_iter().flatten().any(|side| {
        let span = &side["span"];
        side["doc"] == quote.0.as_str()
            && span[0].as_u64().is_some_and(|s| s < quote.1.1)
            && span[1].as_u64().is_some_and(|e| quote.1.0 < e)
    })
}

/// The sides of a finding that repeat an earlier side's sentence and position (its value and
/// sources): a side is one sentence, cited once with all its claims.
fn repeated_sides(finding: &Value) -> Vec<String> {
    let mut seen = HashSet::new();
    finding["sides"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|s| !seen.insert((&s["doc"], &s["sentence"], &s["value"], &s["attribution"])))
        .map(side_text)
        .collect()
}

fn side_text(side: &Value) -> String {
    format!(
        "{}: «{}»",
        side["doc"].as_str().unwrap_or("?"),
        side["text"].as_str().unwrap_or("?")
    )
}

fn describe(finding: &Value) -> String {
    let sides: Vec<String> = finding["sides"]
        .as_array()
        .into_iter()
        .flatten()
        .map(side_text)
        .collect();
    format!(
        "{} {} [{}] — {}",
        finding["severity"],
        finding["kind"],
        sides.join(" | "),
        finding["message"]
    )
}
