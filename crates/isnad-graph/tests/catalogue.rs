//! `docs/rules.md`, the rule catalogue, is generated from the rules' doc comments (the same text
//! as `FindingKind::help` and the HTML report's help). This test fails when the checked-in file
//! is stale; regenerate it with `UPDATE_CATALOGUE=1 cargo test -p isnad-graph --test catalogue`.

use isnad_graph::FindingKind;
use std::path::Path;

fn catalogue() -> String {
    let mut out = String::from(
        "# Rule catalogue\n\nGenerated from the doc comments of `crates/isnad-graph/src/rules/*.rs` by\n\
         `crates/isnad-graph/tests/catalogue.rs`; edit the rule files, not this page.\n",
    );
    for kind in FindingKind::ALL {
        out += &format!("\n## `{}`\n\n{}\n", kind.name(), kind.help().trim());
    }
    out
}

#[test]
fn every_kind_has_help() {
    for kind in FindingKind::ALL {
        assert!(
            kind.help().contains(kind.name()),
            "{}: no help text from its rule file",
            kind.name()
        );
    }
}

#[test]
fn docs_rules_md_is_generated_from_the_rules() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules.md");
    let fresh = catalogue();
    if std::env::var_os("UPDATE_CATALOGUE").is_some() {
        std::fs::write(&path, &fresh).expect("write docs/rules.md");
        return;
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == fresh,
        "docs/rules.md is stale: run UPDATE_CATALOGUE=1 cargo test -p isnad-graph --test catalogue"
    );
}
