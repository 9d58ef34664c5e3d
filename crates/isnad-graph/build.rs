//! Collects each rule file's `//!` doc comment into `OUT_DIR/rule_help.rs`, so a finding kind's
//! help text is the documentation of the code that finds it.

use std::fmt::Write;

fn main() {
    let dir = std::path::Path::new("src/rules");
    println!("cargo::rerun-if-changed=src/rules");
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src/rules")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    let mut out =
        String::from("/// (kind, help) for every rule file.\nstatic RULE_HELP: &[(&str, &str)] = &[\n");
    for path in entries {
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        // A rule is `rules/<rule>.rs`, or a folder `rules/<rule>/mod.rs` when it has no such file
        // (a rule with both keeps its doc comment in the file; the folder holds its parts).
        let file = if path.is_dir() {
            let module = path.join("mod.rs");
            if !module.is_file() || path.with_extension("rs").is_file() {
                continue;
            }
            module
        } else if name == "mod" || path.extension().is_none_or(|e| e != "rs") {
            continue;
        } else {
            path.clone()
        };
        let text = std::fs::read_to_string(&file).expect("rule file");
        let doc: Vec<&str> = text
            .lines()
            .take_while(|l| l.starts_with("//!"))
            .map(|l| {
                l.trim_start_matches("//!")
                    .strip_prefix(' ')
                    .unwrap_or(l.trim_start_matches("//!"))
            })
            .collect();
        writeln!(out, "    ({name:?}, {:?}),", doc.join("\n")).expect("write to string");
    }
    out.push_str("];\n");
    let target = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("rule_help.rs");
    std::fs::write(target, out).expect("write rule_help.rs");
}
