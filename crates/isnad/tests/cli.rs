//! The command line's contract: exit codes, error messages naming the file, the JSON envelopes.

#[path = "support/graphviz.rs"]
mod graphviz;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn isnad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args(args)
        .output()
        .expect("isnad runs")
}

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&output.stdout)))
}

const GOOD: &str = "+++\npublished = 2025-03-14\noutlet = \"وكالة الاختبار\"\n+++\nعنوان الخبر\n\nوصل الوزير إلى العاصمة يوم الجمعة.\n";

/// A story folder with one good article and one bad input named `bad`.
fn batch_with(bad_name: &str, bad: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("good.txt"), GOOD).expect("write");
    std::fs::write(dir.path().join(bad_name), bad).expect("write");
    dir
}

/// A bad file in a batch: exit 2, an error naming it, and the good document still reported.
fn check_bad_input(bad_name: &str, bad: &[u8], extra: &[&str], problem: &str) {
    let dir = batch_with(bad_name, bad);
    let path = dir.path().to_str().expect("utf-8");
    let mut args = vec!["check", path, "--format", "json"];
    args.extend_from_slice(extra);
    let output = isnad(&args);
    assert_eq!(
        output.status.code(),
        Some(2),
        "{bad_name}: exit code; stderr: {}",
        stderr(&output)
    );
    let err = stderr(&output);
    assert!(
        err.contains(bad_name),
        "{bad_name}: stderr does not name the file: {err}"
    );
    assert!(
        err.contains(problem),
        "{bad_name}: stderr does not say `{problem}`: {err}"
    );
    let report = json(&output);
    let ids: Vec<&str> = report["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .filter_map(|d| d["id"].as_str())
        .collect();
    assert_eq!(
        ids,
        ["good.txt"],
        "{bad_name}: the good document is still reported"
    );
    let errors = report["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 1);
    assert!(errors[0]["path"].as_str().is_some_and(|p| p.ends_with(bad_name)));
    assert!(errors[0]["message"].as_str().is_some_and(|m| m.contains(problem)));
}

#[test]
fn invalid_utf8_names_the_file_and_the_offset() {
    // 0xC3 0x28 is an invalid two-byte sequence; byte 6 is where it starts.
    check_bad_input(
        "broken.txt",
        b"abcdef\xC3\x28 more text",
        &[],
        "invalid UTF-8 at byte 6",
    );
}

#[test]
fn binary_file_is_refused() {
    check_bad_input("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", &[], "binary");
}

#[test]
fn oversized_file_is_refused() {
    let big = "كلمة ".repeat(400);
    check_bad_input(
        "huge.txt",
        big.as_bytes(),
        &["--max-bytes", "1000"],
        "over the limit of 1000 bytes",
    );
}

#[test]
fn missing_path_is_an_error_but_other_paths_are_checked() {
    let dir = batch_with("other.txt", GOOD.as_bytes());
    let good = dir.path().join("good.txt");
    let output = isnad(&[
        "check",
        good.to_str().unwrap(),
        "/nonexistent/story.txt",
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("/nonexistent/story.txt"));
    assert_eq!(json(&output)["documents"][0]["id"], "good.txt");
}

#[test]
fn empty_file_is_a_warning_not_an_error() {
    let dir = batch_with("empty.txt", b"");
    let output = isnad(&["check", dir.path().to_str().unwrap(), "--format", "json"]);
    assert_ne!(output.status.code(), Some(2), "stderr: {}", stderr(&output));
    assert!(
        stderr(&output).contains("empty.txt"),
        "warning names the file: {}",
        stderr(&output)
    );
    assert_eq!(json(&output)["documents"].as_array().map(Vec::len), Some(2));
}

#[test]
fn usage_errors_exit_with_2() {
    assert_eq!(isnad(&["check", "--format", "yaml", "x"]).status.code(), Some(2));
    assert_eq!(isnad(&["check"]).status.code(), Some(2));
    assert_eq!(isnad(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn stdin_is_read_as_dash() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args(["parse", "-", "--format", "json"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    child.stdin.take().unwrap().write_all(GOOD.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let parsed = json(&output);
    assert_eq!(parsed["documents"][0]["id"], "-");
    assert_eq!(parsed["documents"][0]["published"], "2025-03-14");
    assert_eq!(parsed["documents"][0]["published_from"], "front_matter");
}

#[test]
fn parse_json_gives_structure_with_exact_spans() {
    let output = isnad(&["parse", seeds().to_str().unwrap(), "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let parsed = json(&output);
    let documents = parsed["documents"].as_array().expect("documents");
    assert_eq!(documents.len(), 5);
    let first = &documents[0];
    assert_eq!(first["id"], "000_c4c6b638b0c68706.txt");
    assert_eq!(first["published"], "2024-02-20");
    assert_eq!(first["published_from"], "dateline");
    let source = std::fs::read(seeds().join("000_c4c6b638b0c68706.txt")).unwrap();
    for doc in documents {
        let source = std::fs::read(seeds().join(doc["id"].as_str().unwrap())).unwrap();
        for item in doc["blocks"]
            .as_array()
            .unwrap()
            .iter()
            .chain(doc["sentences"].as_array().unwrap())
        {
            let (s, e) = (
                item["span"][0].as_u64().unwrap() as usize,
                item["span"][1].as_u64().unwrap() as usize,
            );
            assert_eq!(
                item["text"].as_str().unwrap().as_bytes(),
                &source[s..e],
                "span text of {}",
                doc["id"]
            );
        }
        assert!(
            doc["blocks"]
                .as_array()
                .unwrap()
                .iter()
                .any(|b| b["kind"] == "boilerplate")
                || doc["id"] == "000_c4c6b638b0c68706.txt"
        );
    }
    assert!(!source.is_empty());
}

#[test]
fn check_json_is_the_versioned_envelope() {
    let output = isnad(&[
        "check",
        seeds().to_str().unwrap(),
        "--format",
        "json",
        "--fail-on",
        "never",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = json(&output);
    assert_eq!(report["schema"], "isnad.report/1");
    for key in ["documents", "claims", "entities", "findings", "copies", "errors"] {
        assert!(report[key].is_array(), "{key} is an array");
    }
    let doc = &report["documents"][0];
    for key in ["id", "title", "published", "published_from", "outlet", "bytes"] {
        assert!(doc.get(key).is_some(), "document has {key}");
    }
    assert_eq!(doc["bytes"], 5634);
    for claim in report["claims"].as_array().unwrap() {
        let source = std::fs::read(seeds().join(claim["doc"].as_str().unwrap())).unwrap();
        let (s, e) = (
            claim["span"][0].as_u64().unwrap() as usize,
            claim["span"][1].as_u64().unwrap() as usize,
        );
        assert_eq!(claim["text"].as_str().unwrap().as_bytes(), &source[s..e]);
    }
}

#[test]
fn output_flag_writes_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.json");
    let output = isnad(&[
        "check",
        seeds().to_str().unwrap(),
        "--format",
        "json",
        "--fail-on",
        "never",
        "--output",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty());
    let written: Value = serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap();
    assert_eq!(written["schema"], "isnad.report/1");
}

#[test]
fn mentions_text_mode_indexes_the_string() {
    let text = "وصل الوفد يوم الثلاثاء";
    let output = isnad(&[
        "mentions",
        "--text",
        text,
        "--reference-date",
        "2024-02-22",
        "--format",
        "jsonl",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let weekdays: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|m| m["type"] == "weekday")
        .collect();
    assert_eq!(weekdays.len(), 1, "one weekday in: {stdout}");
    assert_eq!(
        weekdays[0]["value"]["start"], "2024-02-20",
        "past-tense Tuesday on or before Thursday 22 Feb"
    );
    for line in stdout.lines() {
        let mention: Value = serde_json::from_str(line).unwrap();
        assert_eq!(mention["doc"], "-");
        let (s, e) = (
            mention["span"][0].as_u64().unwrap() as usize,
            mention["span"][1].as_u64().unwrap() as usize,
        );
        assert_eq!(mention["text"].as_str().unwrap(), &text[s..e]);
        for key in ["type", "value"] {
            assert!(mention.get(key).is_some());
        }
    }
}

#[test]
fn graph_json_edges_refer_to_nodes_by_our_ids() {
    let output = isnad(&["graph", seeds().to_str().unwrap(), "--format", "json", "--claims"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let graph = json(&output);
    let ids: std::collections::HashSet<&str> = graph["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|n| n["id"].as_str())
        .collect();
    for kind in ["document", "claim", "event", "entity", "source"] {
        assert!(
            graph["nodes"]
                .as_array()
                .unwrap()
                .iter()
                .any(|n| n["kind"] == kind),
            "no {kind} node"
        );
    }
    let edges = graph["edges"].as_array().unwrap();
    assert!(!edges.is_empty());
    for edge in edges {
        for end in ["from", "to"] {
            let id = edge[end].as_str().unwrap();
            assert!(ids.contains(id), "edge {end} {id} is not a node");
        }
    }
}

#[test]
fn graph_dot_is_read_by_graphviz() {
    let output = isnad(&["graph", seeds().to_str().unwrap(), "--format", "dot"]);
    let dot = String::from_utf8(output.stdout).unwrap();
    assert!(dot.starts_with("digraph isnad {") && dot.trim_end().ends_with('}'));
    let Some(svg) = graphviz::svg(&dot) else {
        eprintln!("SKIPPED: graphviz `dot` is not installed; only the DOT text's shape was checked");
        return;
    };
    assert!(svg.contains("<svg"));
}

/// A story folder of `count` short articles: a batch long enough for a progress bar.
fn long_batch(count: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for n in 0..count {
        let text = GOOD.replace("الجمعة", if n % 2 == 0 { "الجمعة" } else { "السبت" });
        std::fs::write(dir.path().join(format!("{n:03}.txt")), text).expect("write");
    }
    dir
}

#[test]
fn progress_stays_off_standard_error_when_it_is_not_a_terminal() {
    let dir = long_batch(320);
    for command in ["check", "claims", "graph", "mentions"] {
        let output = isnad(&[command, dir.path().to_str().unwrap(), "--format", "json"]);
        assert_ne!(output.status.code(), Some(2), "{command}: {}", stderr(&output));
        let err = stderr(&output);
        assert!(
            !err.contains("documents") && !err.contains('\r') && !err.contains('\u{1b}'),
            "{command} drew progress on a pipe: {err:?}"
        );
    }
}

#[test]
fn progress_is_shown_on_a_terminal_for_long_runs_only() {
    // util-linux `script` runs the command on a pseudo-terminal; stdout goes to /dev/null inside
    // it, so what comes back is what `isnad` drew on standard error.
    let on_terminal = |dir: &Path| -> Option<String> {
        let command = format!(
            "{} check {} --format json >/dev/null",
            env!("CARGO_BIN_EXE_isnad"),
            dir.display()
        );
        let output = Command::new("script")
            .args(["-qec", &command, "/dev/null"])
            .stdin(std::process::Stdio::null())
            .output()
            .ok()?;
        Some(String::from_utf8_lossy(&output.stdout).into_owned())
    };
    let long = long_batch(320);
    let Some(drawn) = on_terminal(long.path()) else {
        eprintln!("SKIPPED: util-linux `script` is not installed; progress on a terminal was not checked");
        return;
    };
    assert!(
        drawn.contains("analyzing 320 documents"),
        "no bar for 320 documents: {drawn:?}"
    );
    let short = long_batch(3);
    let drawn = on_terminal(short.path()).expect("script ran before");
    assert!(!drawn.contains("documents"), "a bar for 3 documents: {drawn:?}");
}
