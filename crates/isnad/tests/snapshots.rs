//! Snapshots of `isnad check --format json --fail-on never` on every fixture story (`fixtures/*/`,
//! the seeds included, and `fixtures/rules/*/`), so that any change in a finding — its kind,
//! severity, message, sides or resolution — shows up in review as a diff of
//! `tests/snapshots/snapshots__<story>.snap`. Accept a reviewed change with
//! `cargo insta review` or `INSTA_UPDATE=always cargo test -p isnad --test snapshots`.
//!
//! The snapshot keeps the report's answer (documents, findings, copies, errors) and leaves out the
//! pipeline's intermediate layers (claims, facts, events, …): those are checked by `claims.toml`
//! and their own tests, and would turn every change in how a claim is read into a diff of
//! megabytes in which a changed finding could not be seen.

#[allow(dead_code)] // only the articles lookup and the report runner are used here
#[path = "support/expected.rs"]
mod expected;

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Top-level fields of the report kept in the snapshot.
const KEPT: &[&str] = &["schema", "documents", "findings", "copies", "errors"];
/// Top-level fields left out: the layers the findings are built from (see the module comment).
const LEFT_OUT: &[&str] = &[
    "claims",
    "statements",
    "facts",
    "participants",
    "entities",
    "events",
    "decisions",
    "comparisons",
];
/// Fields, at any depth, that differ between runs or machines: replaced by a placeholder.
const VOLATILE: &[&str] = &[
    "elapsed",
    "elapsed_ms",
    "duration",
    "duration_ms",
    "timing",
    "timings",
    "version",
];

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("workspace")
}

/// Every fixture story: (snapshot name, directory with its expected.toml).
fn stories() -> Vec<(String, PathBuf)> {
    let fixtures = workspace().join("fixtures");
    let mut stories = Vec::new();
    for (prefix, dir) in [("", fixtures.clone()), ("rules-", fixtures.join("rules"))] {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.expect("entry").path();
            if path.join("expected.toml").exists() {
                let name = path.file_name().expect("name").to_string_lossy();
                stories.push((format!("{prefix}{name}"), path));
            }
        }
    }
    stories.sort();
    stories
}

/// The report as snapshotted: kept fields only, volatile ones replaced, and the workspace's
/// absolute path written `[workspace]`. A top-level field the lists above do not name is an error,
/// so a new field is kept or left out on purpose.
fn stable(report: Value, workspace: &str) -> Result<Value, String> {
    let Value::Object(fields) = report else {
        return Err("the report is not a JSON object".into());
    };
    let mut kept = serde_json::Map::new();
    for (key, value) in fields {
        if KEPT.contains(&key.as_str()) {
            kept.insert(key, value);
        } else if VOLATILE.contains(&key.as_str()) {
            kept.insert(key, Value::from("[volatile]"));
        } else if !LEFT_OUT.contains(&key.as_str()) {
            return Err(format!(
                "new top-level field `{key}`: add it to KEPT, LEFT_OUT or VOLATILE in tests/snapshots.rs"
            ));
        }
    }
    let mut kept = Value::Object(kept);
    scrub(&mut kept, workspace);
    Ok(kept)
}

fn scrub(value: &mut Value, workspace: &str) {
    match value {
        Value::String(s) if s.contains(workspace) => *s = s.replace(workspace, "[workspace]"),
        Value::Array(items) => items.iter_mut().for_each(|v| scrub(v, workspace)),
        Value::Object(fields) => {
            for (key, v) in fields.iter_mut() {
                if VOLATILE.contains(&key.as_str()) {
                    *v = Value::from("[volatile]");
                } else {
                    scrub(v, workspace);
                }
            }
        }
        _ => {}
    }
}

/// Pretty JSON with arrays of numbers (spans) on one line: `[12, 40]` rather than four lines, so a
/// moved span is a one-line diff.
fn one_line_spans(pretty: &str) -> String {
    let lines: Vec<&str> = pretty.lines().collect();
    let mut out = String::with_capacity(pretty.len());
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if line.ends_with('[') {
            let numbers: Vec<&str> = lines[i + 1..]
                .iter()
                .map(|l| l.trim().trim_end_matches(','))
                .take_while(|l| l.parse::<f64>().is_ok())
                .collect();
            let close = lines.get(i + 1 + numbers.len()).map(|l| l.trim_start());
            if !numbers.is_empty() && close.is_some_and(|c| c.starts_with(']')) {
                out.push_str(line);
                out.push_str(&numbers.join(", "));
                out.push_str(close.expect("checked"));
                out.push('\n');
                i += numbers.len() + 2;
                continue;
            }
        }
        out.push_str(line);
        out.push('\n');
        i += 1;
    }
    out
}

/// Runs `isnad check` on every story, a few at a time (one process per story, as users run it).
fn reports(stories: &[(String, PathBuf)]) -> Vec<Value> {
    let next = AtomicUsize::new(0);
    let done = Mutex::new(vec![Value::Null; stories.len()]);
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some((name, dir)) = stories.get(i) else { break };
                    let articles = expected::Expected::read(name, dir).articles(dir);
                    let articles = articles.canonicalize().expect("articles directory");
                    let report = expected::check_json(&articles);
                    done.lock().expect("lock")[i] = report;
                }
            });
        }
    });
    done.into_inner().expect("lock")
}

#[test]
fn every_story_matches_its_snapshot() {
    let stories = stories();
    assert!(stories.len() > 20, "fixture stories not found: {}", stories.len());
    let workspace = workspace().to_string_lossy().into_owned();
    let mut failed = Vec::new();
    for ((name, dir), report) in stories.iter().zip(reports(&stories)) {
        let snapshot = match stable(report, &workspace) {
            Ok(report) => one_line_spans(&serde_json::to_string_pretty(&report).expect("JSON")),
            Err(problem) => {
                failed.push(format!("{name}: {problem}"));
                continue;
            }
        };
        let mut settings = insta::Settings::clone_current();
        let story = dir.strip_prefix(&workspace).unwrap_or(dir);
        settings.set_description(format!(
            "isnad check {} --format json --fail-on never",
            story.display()
        ));
        settings.set_omit_expression(true);
        // Catch each mismatch so that one run names (and writes a .snap.new for) every story.
        let matched = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            settings.bind(|| insta::assert_snapshot!(name.as_str(), snapshot));
        }));
        if matched.is_err() {
            failed.push(format!(
                "{name}: differs from its snapshot, or has none yet (see above)"
            ));
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} stories differ from their snapshots; review with `cargo insta review`:\n{}",
        failed.len(),
        stories.len(),
        failed.join("\n")
    );
}

/// A snapshot whose story was removed or renamed would otherwise stay behind unnoticed.
#[test]
fn every_snapshot_has_a_story() {
    let names: BTreeSet<String> = stories().into_iter().map(|(name, _)| name).collect();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    for entry in std::fs::read_dir(&dir).expect("tests/snapshots") {
        let file = entry.expect("entry").file_name().to_string_lossy().into_owned();
        if let Some(story) = file
            .strip_prefix("snapshots__")
            .and_then(|f| f.strip_suffix(".snap"))
        {
            assert!(
                names.contains(story),
                "tests/snapshots/{file} has no fixture story: delete it"
            );
        }
    }
}
