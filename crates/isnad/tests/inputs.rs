//! Any input ends, nothing is lost silently, the same files give the same answer (issue #17):
//! walks that end, decoding that does not guess, ids that are unique and independent of order and
//! working directory. Each test reproduces a defect of the "Why".

mod support;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

/// Runs isnad in `dir` (the repository root when `None`), failing the test if it has not finished
/// within 60 seconds: the defects include walks that never end.
fn isnad_in(dir: Option<&Path>, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_isnad"));
    command
        .args(args)
        .stdin(Stdio::null())
        .current_dir(dir.unwrap_or(&repo()));
    support::run_within(command, Duration::from_secs(60))
}

fn isnad(args: &[&str]) -> Output {
    isnad_in(None, args)
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn seeds() -> PathBuf {
    repo().join("seeds")
}

fn seed(name: &str) -> Vec<u8> {
    std::fs::read(seeds().join(name)).expect("seed")
}

const SEED_000: &str = "000_c4c6b638b0c68706.txt";
const SEED_001: &str = "001_91a7dfb8b6365864.txt";

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&output.stdout),
            stderr(output)
        )
    })
}

fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// `isnad check PATHS --format json --fail-on never`.
fn check_json(paths: &[&Path]) -> (Value, String) {
    let mut args = vec!["check", "--format", "json", "--fail-on", "never"];
    args.extend(paths.iter().map(|p| path(p)));
    let output = isnad(&args);
    (json(&output), stderr(&output))
}

fn ids(report: &Value) -> Vec<String> {
    report["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| d["id"].as_str().expect("id").to_string())
        .collect()
}

fn claims_of(report: &Value, doc: &str) -> usize {
    report["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .filter(|c| c["doc"] == doc)
        .count()
}

/// A folder holding the given seed files.
fn folder_with(seeds: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in seeds {
        std::fs::write(dir.path().join(name), seed(name)).expect("write");
    }
    dir
}

// --- Walks that end -------------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn a_directory_symlink_loop_is_entered_once() {
    // `ln -s .. sub/up` made one article 41 documents; two such links never finished.
    let dir = folder_with(&[SEED_000]);
    std::fs::create_dir_all(dir.path().join("sub/deeper")).unwrap();
    std::os::unix::fs::symlink("..", dir.path().join("sub/up")).unwrap();
    std::os::unix::fs::symlink("../..", dir.path().join("sub/deeper/top")).unwrap();
    let (report, err) = check_json(&[dir.path()]);
    assert_eq!(ids(&report), [SEED_000], "stderr: {err}");
    assert!(err.contains("sub/up") && err.contains("already read"), "{err}");
    assert!(err.contains("sub/deeper/top"), "{err}");
}

#[cfg(unix)]
#[test]
fn two_links_to_one_folder_read_it_once() {
    let dir = tempfile::tempdir().unwrap();
    let real = folder_with(&[SEED_001]);
    std::os::unix::fs::symlink(real.path(), dir.path().join("a")).unwrap();
    std::os::unix::fs::symlink(real.path(), dir.path().join("b")).unwrap();
    // The same file named twice on the command line, too.
    let file = dir.path().join("a").join(SEED_001);
    let (report, err) = check_json(&[dir.path(), &file]);
    assert_eq!(ids(&report), [format!("a/{SEED_001}")], "stderr: {err}");
    assert!(err.contains("already read"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_named_pipe_in_a_folder_is_noted_never_opened() {
    // A FIFO in the story folder blocked isnad forever.
    let dir = folder_with(&[SEED_000]);
    let fifo = dir.path().join("feed.txt");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success());
    let (report, err) = check_json(&[dir.path()]);
    assert_eq!(ids(&report), [SEED_000]);
    assert!(
        err.contains("feed.txt") && err.contains("named pipe"),
        "the note names the pipe: {err}"
    );
}

#[cfg(unix)]
#[test]
fn a_broken_link_in_a_subfolder_is_reported_under_its_own_path() {
    // An unreadable subfolder was reported under its parent's path. (Permission errors cannot be
    // made for a test run as root; a dangling link is unreadable to everyone.)
    let dir = folder_with(&[SEED_000]);
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::os::unix::fs::symlink("nowhere.txt", dir.path().join("sub/gone.txt")).unwrap();
    let mut args = vec!["check", "--format", "json", "--fail-on", "never"];
    args.push(path(dir.path()));
    let output = isnad(&args);
    assert_eq!(output.status.code(), Some(2));
    let report = json(&output);
    assert_eq!(ids(&report), [SEED_000]);
    assert_eq!(report["errors"][0]["path"], "sub/gone.txt");
    assert!(stderr(&output).contains("sub/gone.txt"), "{}", stderr(&output));
}

#[test]
fn a_report_saved_in_the_story_folder_is_not_read_back() {
    // A text report written into the story folder was read as an article on the next run.
    let dir = folder_with(&[SEED_000, SEED_001]);
    let (before, _) = check_json(&[dir.path()]);
    for format in ["text", "json", "html"] {
        let report = isnad(&[
            "check",
            path(dir.path()),
            "--format",
            format,
            "--fail-on",
            "never",
        ]);
        // Saved as an article would be, with an extension the walk reads.
        std::fs::write(dir.path().join(format!("report-{format}.txt")), &report.stdout).unwrap();
    }
    let quiet = isnad(&["check", path(dir.path()), "--quiet", "--fail-on", "never"]);
    std::fs::write(dir.path().join("summary.txt"), &quiet.stdout).unwrap();
    let (after, err) = check_json(&[dir.path()]);
    assert_eq!(ids(&after), ids(&before), "stderr: {err}");
    assert_eq!(after["findings"], before["findings"]);
    for name in [
        "report-text.txt",
        "report-json.txt",
        "report-html.txt",
        "summary.txt",
    ] {
        assert!(
            err.contains(&format!("{name}: not read: isnad's own")),
            "a note names {name}: {err}"
        );
    }
}

// --- Decoding that does not guess -----------------------------------------------------------

/// Seed 000 with one byte that is not UTF-8 in the middle of its text, at the returned offset.
fn seed_with_a_bad_byte() -> (Vec<u8>, usize) {
    let mut bytes = seed(SEED_000);
    let text = std::str::from_utf8(&bytes).unwrap();
    let at = text.find("كوريا الشمالية").expect("seed text");
    bytes.insert(at, 0xFF);
    (bytes, at)
}

#[test]
fn one_bad_byte_is_an_error_with_its_offset_not_mojibake() {
    // One invalid byte made the whole article decode as Windows-1256: 34 claims became 0, exit 0.
    let (bad, at) = seed_with_a_bad_byte();
    let dir = folder_with(&[SEED_001]);
    std::fs::write(dir.path().join("bad.txt"), bad).unwrap();
    let output = isnad(&[
        "check",
        path(dir.path()),
        "--format",
        "json",
        "--fail-on",
        "never",
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let report = json(&output);
    assert_eq!(ids(&report), [SEED_001], "the good article is still checked");
    assert_eq!(report["errors"][0]["path"], "bad.txt");
    assert_eq!(
        report["errors"][0]["message"],
        format!("invalid UTF-8 at byte {at}")
    );
    let err = stderr(&output);
    assert!(err.contains("bad.txt") && err.contains("--lossy"), "{err}");
}

#[test]
fn lossy_reads_the_bad_byte_as_a_replacement_character() {
    let (bad, at) = seed_with_a_bad_byte();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.txt"), bad).unwrap();
    std::fs::write(dir.path().join("good.txt"), seed(SEED_000)).unwrap();
    let output = isnad(&[
        "check",
        path(dir.path()),
        "--format",
        "json",
        "--fail-on",
        "never",
        "--lossy",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = json(&output);
    assert_eq!(ids(&report), ["bad.txt", "good.txt"]);
    let (repaired, clean) = (claims_of(&report, "bad.txt"), claims_of(&report, "good.txt"));
    assert!(
        clean > 20 && repaired + 2 >= clean,
        "{repaired} claims from the repaired copy, {clean} from the clean one"
    );
    let err = stderr(&output);
    assert!(
        err.contains(&format!("warning: bad.txt: invalid UTF-8 at byte {at}")) && err.contains("U+FFFD"),
        "{err}"
    );
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut bytes = Vec::new();
    for unit in bom.then_some(0xFEFF).into_iter().chain(text.encode_utf16()) {
        bytes.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    bytes
}

#[test]
fn utf16_with_a_bom_reads_like_utf8_and_without_one_is_a_clear_error() {
    // UTF-16 was rejected as a binary file, with or without a byte-order mark.
    let text = String::from_utf8(seed(SEED_000)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("utf8.txt"), &text).unwrap();
    std::fs::write(dir.path().join("le.txt"), utf16(&text, false, true)).unwrap();
    std::fs::write(dir.path().join("be.txt"), utf16(&text, true, true)).unwrap();
    std::fs::write(dir.path().join("nobom.txt"), utf16(&text, false, false)).unwrap();
    let output = isnad(&["claims", path(dir.path())]);
    assert_eq!(output.status.code(), Some(2));
    let report = json(&output);
    let utf8 = claims_of(&report, "utf8.txt");
    assert!(utf8 > 20);
    assert_eq!(claims_of(&report, "le.txt"), utf8);
    assert_eq!(claims_of(&report, "be.txt"), utf8);
    let errors = report["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["path"], "nobom.txt");
    assert!(
        errors[0]["message"]
            .as_str()
            .unwrap()
            .contains("UTF-16 without a byte-order mark"),
        "{errors:?}"
    );
}

#[test]
fn no_arabic_text_is_a_warning_naming_the_file_or_the_folder() {
    // A folder with no Arabic at all passed with 0 claims and no warning.
    let english = tempfile::tempdir().unwrap();
    for name in ["one.txt", "two.txt"] {
        std::fs::write(
            english.path().join(name),
            "Minister visits port\n\nThe minister arrived on Monday.\n",
        )
        .unwrap();
    }
    let output = isnad(&["check", path(english.path()), "--format", "json"]);
    let err = stderr(&output);
    assert!(
        err.contains(&format!("warning: {}: no Arabic text", english.path().display())),
        "the folder is named once: {err}"
    );
    assert!(!err.contains("one.txt: no Arabic"), "not once per file: {err}");

    let mixed = folder_with(&[SEED_000]);
    std::fs::write(
        mixed.path().join("english.txt"),
        "The minister arrived on Monday.\n",
    )
    .unwrap();
    let output = isnad(&["check", path(mixed.path()), "--format", "json"]);
    let err = stderr(&output);
    assert!(err.contains("warning: english.txt: no Arabic text"), "{err}");
    assert!(!err.contains(SEED_000), "{err}");
}

// --- Boilerplate that does not eat the story ------------------------------------------------

#[test]
fn seed_004_joined_onto_one_line_keeps_its_claims() {
    // A line holding `t.co/` or `(@` was dropped as an embedded tweet with the paragraph around
    // it: seed 004 on one line gave 2 claims instead of 15.
    let name = "004_96fc5884b5102b94.txt";
    let text = String::from_utf8(seed(name)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("as-is.txt"), &text).unwrap();
    std::fs::write(dir.path().join("joined.txt"), text.replace('\n', " ")).unwrap();
    let output = isnad(&["claims", path(dir.path())]);
    let report = json(&output);
    let key = |doc: &str, source: &str| {
        let mut keys: Vec<(String, String)> = report["claims"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["doc"] == doc)
            .map(|c| {
                let (s, e) = (
                    c["trigger"][0].as_u64().unwrap() as usize,
                    c["trigger"][1].as_u64().unwrap() as usize,
                );
                (c["event"].as_str().unwrap().to_string(), source[s..e].to_string())
            })
            .collect();
        keys.sort();
        keys
    };
    let as_is = key("as-is.txt", &text);
    let mut joined = key("joined.txt", &text.replace('\n', " "));
    assert_eq!(as_is.len(), 15);
    // Every claim of the article is still found (the joined line also holds the related article
    // the original's «إقرأ أيضاً» list cut off, so it has more).
    for claim in &as_is {
        let at = joined.iter().position(|j| j == claim);
        assert!(at.is_some(), "{claim:?} lost when joined");
        joined.remove(at.unwrap());
    }
}

// --- Deterministic, unique ids --------------------------------------------------------------

#[test]
fn the_same_name_in_two_folders_gives_two_documents() {
    // `x/a.txt` and `y/a.txt` got the same id, so claim ids and HTML anchors collided.
    let root = tempfile::tempdir().unwrap();
    for (folder, name) in [("x", SEED_000), ("y", SEED_001)] {
        std::fs::create_dir(root.path().join(folder)).unwrap();
        std::fs::write(root.path().join(folder).join("a.txt"), seed(name)).unwrap();
    }
    let (x, y) = (root.path().join("x/a.txt"), root.path().join("y/a.txt"));
    let (report, _) = check_json(&[&x, &y]);
    assert_eq!(ids(&report), ["x/a.txt", "y/a.txt"]);
    let claims = report["claims"].as_array().unwrap();
    let mut claim_ids: Vec<&str> = claims.iter().map(|c| c["id"].as_str().unwrap()).collect();
    let all = claim_ids.len();
    claim_ids.sort_unstable();
    claim_ids.dedup();
    assert_eq!(claim_ids.len(), all, "claim ids are unique");
    assert!(claims_of(&report, "x/a.txt") > 0 && claims_of(&report, "y/a.txt") > 0);
    // The folders themselves give the same ids.
    let (by_folder, _) = check_json(&[&root.path().join("y"), &root.path().join("x")]);
    assert_eq!(ids(&by_folder), ["x/a.txt", "y/a.txt"]);
}

#[test]
fn any_order_and_any_working_directory_give_the_same_bytes() {
    // Listing the same files in another order changed the findings.
    let names: Vec<String> = std::fs::read_dir(seeds())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    let mut reversed = sorted.clone();
    reversed.reverse();
    for format in ["json", "text", "html"] {
        let run = |dir: &Path, paths: &[String]| {
            let mut args = vec!["check", "--format", format, "--fail-on", "never"];
            args.extend(paths.iter().map(String::as_str));
            let output = isnad_in(Some(dir), &args);
            assert!(output.status.success(), "{}", stderr(&output));
            output.stdout
        };
        let in_seeds = |list: &[String]| list.to_vec();
        let from_root = |list: &[String]| list.iter().map(|n| format!("seeds/{n}")).collect::<Vec<_>>();
        let absolute = |list: &[String]| {
            list.iter()
                .map(|n| seeds().join(n).display().to_string())
                .collect::<Vec<_>>()
        };
        let reference = run(&seeds(), &in_seeds(&sorted));
        assert_eq!(
            run(&seeds(), &in_seeds(&reversed)),
            reference,
            "{format}: reversed"
        );
        assert_eq!(
            run(&repo(), &from_root(&reversed)),
            reference,
            "{format}: from the root"
        );
        assert_eq!(
            run(Path::new("/"), &absolute(&reversed)),
            reference,
            "{format}: absolute"
        );
        assert_eq!(
            run(&seeds(), &[".".to_string()]),
            reference,
            "{format}: the folder"
        );
    }
}
