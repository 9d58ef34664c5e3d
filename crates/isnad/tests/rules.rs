//! Rule fixtures: `fixtures/rules/<rule>/` holds a small story written to make one rule fire, and
//! its `expected.toml` (the same format as the story fixtures, read by the same checker). One test
//! per rule (ruff keeps a fixture per rule beside its rule); a rule whose folder does not expect a
//! finding of its own kind fails, and so does a rule file without a folder.

#[path = "support/expected.rs"]
mod expected;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The finding kind a rule reports: its file name, except for rules that report under another
/// rule's kind.
fn kind_of(rule: &str) -> &str {
    match rule {
        // A date line whose Hijri and Gregorian days disagree is a date_mismatch note.
        "frame_date" => "date_mismatch",
        rule => rule,
    }
}

/// Checks `fixtures/rules/<rule>/`: its findings match its expected.toml, which must expect at
/// least one finding of the rule's own kind (pending ones count: they are reported as known gaps).
fn run(rule: &str) {
    let name = format!("rules/{rule}");
    let dir = workspace().join("fixtures/rules").join(rule);
    let expected = expected::Expected::read(&name, &dir);
    let kind = kind_of(rule);
    let own: Vec<_> = expected.finding.iter().filter(|f| f.kind == kind).collect();
    assert!(
        !own.is_empty(),
        "{name}: expected.toml expects no {kind} finding: a rule fixture must make its own rule fire"
    );
    if own.iter().all(|f| f.pending.is_some()) {
        eprintln!("KNOWN GAP {name}: every {kind} finding it expects is pending");
    }
    let problems = expected::check(&name, &dir, &expected);
    assert!(
        problems.is_empty(),
        "rule fixture `{name}` failed:\n{}",
        problems.join("\n")
    );
}

/// Every rule file has a fixture folder, and every folder is a rule with a test below.
#[test]
fn every_rule_has_a_fixture() {
    let names = |dir: &Path, keep: &dyn Fn(&Path) -> Option<String>| -> BTreeSet<String> {
        std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|entry| entry.expect("entry").path())
            .filter_map(|path| keep(&path))
            .collect()
    };
    // A rule is `rules/<rule>.rs` or a folder `rules/<rule>/` (a rule split into files).
    let rules = names(&workspace().join("crates/isnad-graph/src/rules"), &|path| {
        let stem = path.file_stem()?.to_str()?;
        let module = path.is_dir() || path.extension().is_some_and(|e| e == "rs");
        (module && stem != "mod").then(|| stem.to_string())
    });
    let folders = names(&workspace().join("fixtures/rules"), &|path| {
        if path.is_dir() {
            path.file_name()?.to_str().map(String::from)
        } else {
            None
        }
    });
    let tested: BTreeSet<String> = RULES.iter().map(|r| r.to_string()).collect();
    assert!(rules.len() >= 14, "rule files not found: {rules:?}");
    assert_eq!(
        folders, rules,
        "fixtures/rules/ must hold one folder per rule file"
    );
    assert_eq!(tested, rules, "every rule needs a test in rules!() below");
}

macro_rules! rules {
    ($($rule:ident),* $(,)?) => {
        const RULES: &[&str] = &[$(stringify!($rule)),*];
        $(#[test] fn $rule() { run(stringify!($rule)); })*
    };
}

rules! {
    actor_mismatch,
    contested,
    copy,
    count_mismatch,
    date_mismatch,
    frame_date,
    internal,
    name_variant,
    ordinal_conflict,
    place_mismatch,
    polarity_conflict,
    quantity_mismatch,
    update,
    weekday_mismatch,
}
