//! File names with bidi controls are shown written out wherever isnad prints them (issue #17: a
//! file `04_\u{202E}gpj.txt` showed as `04_txt.jpg`).

use std::path::Path;
use std::process::Command;

const SPOOFED: &str = "04_\u{202E}gpj.txt";
const SHOWN: &str = "04_\\u{202E}gpj.txt";

/// A story folder: seed 000 under a spoofed name, and an empty file with one.
fn story() -> tempfile::TempDir {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let dir = tempfile::tempdir().expect("tempdir");
    let seed = std::fs::read(seeds.join("000_c4c6b638b0c68706.txt")).expect("seed");
    std::fs::write(dir.path().join(SPOOFED), seed).expect("write");
    std::fs::write(dir.path().join("05_\u{202E}fdp.txt"), "").expect("write");
    dir
}

fn run(args: &[&str]) -> (String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args(args)
        .output()
        .expect("isnad runs");
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// `page` without its `data-…="…"` attributes, which hold ids as data for the page's script.
fn without_data_attributes(page: &str) -> String {
    let mut out = String::new();
    let mut rest = page;
    while let Some(at) = rest.find(" data-") {
        out.push_str(&rest[..at]);
        let value = rest[at..].find("=\"").map(|q| at + q + 2);
        let end = value.and_then(|v| rest[v..].find('"').map(|e| v + e + 1));
        rest = &rest[end.unwrap_or(rest.len())..];
    }
    out + rest
}

#[test]
fn file_names_with_bidi_controls_are_written_out() {
    let dir = story();
    let folder = dir.path().to_str().expect("utf-8");
    let (_, err) = run(&["check", folder, "--quiet"]);
    assert!(err.contains("warning: 05_\\u{202E}fdp.txt: empty file"), "{err}");
    assert!(!err.contains('\u{202E}'), "{err}");
    let (page, _) = run(&["check", folder, "--format", "html"]);
    assert!(page.contains(SHOWN));
    assert!(
        !without_data_attributes(&page).contains('\u{202E}'),
        "shown nowhere raw (data-* attributes keep the ids as in the JSON)"
    );
    let (dot, _) = run(&["graph", folder, "--format", "dot"]);
    // Graphviz reads `\\` as one backslash, so the label shows `04_\u{202E}gpj.txt`.
    assert!(
        dot.contains(&SHOWN.replace('\\', "\\\\")) && !dot.contains('\u{202E}'),
        "{dot}"
    );
    // The JSON keeps the name as it is: it is data, not display.
    let (json, _) = run(&["check", folder, "--format", "json"]);
    assert!(json.contains(SPOOFED));
}
