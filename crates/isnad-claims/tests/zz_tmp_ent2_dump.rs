//! Temporary (helper ent2): dumps entity output for golden comparison. Deleted before handing back.
#![allow(missing_docs)]
use isnad_claims::entities::{Gazetteer, find_entities};
use isnad_parser::{ParseOptions, parse_document};
use std::path::{Path, PathBuf};

fn txt_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() { txt_files(&path, out); } else if path.extension().is_some_and(|x| x == "txt") { out.push(path); }
    }
}

#[test]
fn dump() {
    let Ok(target) = std::env::var("ENT2_DUMP") else { return };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut paths = Vec::new();
    txt_files(&root.join("seeds"), &mut paths);
    txt_files(&root.join("fixtures"), &mut paths);
    paths.sort();
    let g = Gazetteer::builtin();
    let mut out = String::new();
    for p in paths {
        let bytes = std::fs::read(&p).unwrap();
        let (doc, _) = parse_document(&p.to_string_lossy(), &bytes, &ParseOptions::default()).unwrap();
        let e = find_entities(&doc, &g);
        out.push_str(&format!("== {}\n{:#?}\n", p.display(), e));
    }
    std::fs::write(target, out).unwrap();
}
