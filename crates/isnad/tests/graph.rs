//! `isnad graph`: the story level by default (claims folded into their events), the claim level
//! with `--claims`, and a DOT drawing of the seeds a person can read.

#[path = "support/graphviz.rs"]
mod graphviz;

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
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

/// `isnad graph seeds/ <extra>` as text, checked to exit with 0.
fn graph(extra: &[&str]) -> String {
    let seeds = seeds();
    let mut args = vec!["graph", seeds.to_str().expect("utf-8 path")];
    args.extend_from_slice(extra);
    let output = isnad(&args);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("utf-8 output")
}

fn graph_json(extra: &[&str]) -> Value {
    let mut args = vec!["--format", "json"];
    args.extend_from_slice(extra);
    serde_json::from_str(&graph(&args)).expect("JSON graph")
}

fn nodes<'a>(graph: &'a Value, kind: &str) -> Vec<&'a Value> {
    graph["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .filter(|n| n["kind"] == kind)
        .collect()
}

fn edges<'a>(graph: &'a Value, kind: &str) -> Vec<&'a Value> {
    graph["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .filter(|e| e["kind"] == kind)
        .collect()
}

fn str_of(value: &Value) -> &str {
    value.as_str().unwrap_or_else(|| panic!("not a string: {value}"))
}

#[test]
fn story_level_folds_every_claim_into_its_event() {
    let story = graph_json(&[]);
    let full = graph_json(&["--claims"]);
    assert_eq!(story["schema"], "isnad.graph/1");
    assert_eq!(story["level"], "story");
    assert_eq!(full["level"], "claims");
    assert!(
        nodes(&story, "claim").is_empty(),
        "no claim is a node at the story level"
    );

    // The claim level: each claim's event and document.
    let claims = nodes(&full, "claim");
    assert!(claims.len() > 100, "the seeds have claims: {}", claims.len());
    let event_of: BTreeMap<&str, &str> = edges(&full, "about")
        .into_iter()
        .map(|e| (str_of(&e["from"]), str_of(&e["to"])))
        .collect();
    let doc_of: BTreeMap<&str, &str> = edges(&full, "in_document")
        .into_iter()
        .map(|e| (str_of(&e["from"]), str_of(&e["to"])))
        .collect();
    let text_of: BTreeMap<&str, &str> = claims
        .iter()
        .map(|c| (str_of(&c["id"]), str_of(&c["text"])))
        .collect();

    // The story level: every event carries exactly the claims that were about it.
    let mut folded = BTreeSet::new();
    let events = nodes(&story, "event");
    assert_eq!(events.len(), nodes(&full, "event").len());
    for event in events {
        let id = str_of(&event["id"]);
        let list = event["claims"]
            .as_array()
            .unwrap_or_else(|| panic!("event {id} has no claims folded in: {event}"));
        assert!(!list.is_empty(), "event {id} has no claims");
        for claim in list {
            let claim_id = str_of(&claim["id"]);
            assert_eq!(event_of.get(claim_id), Some(&id), "{claim_id} folded into {id}");
            assert_eq!(
                doc_of.get(claim_id),
                Some(&str_of(&claim["doc"])),
                "{claim_id}'s document"
            );
            assert_eq!(
                text_of.get(claim_id),
                Some(&str_of(&claim["text"])),
                "{claim_id}'s text"
            );
            assert!(folded.insert(claim_id), "{claim_id} folded twice");
        }
    }
    assert_eq!(folded.len(), claims.len(), "every claim is folded into an event");

    // Each document reports the events its claims are about, with their number.
    let mut reported: BTreeMap<(&str, &str), u64> = BTreeMap::new();
    for (claim, event) in &event_of {
        *reported.entry((doc_of[claim], *event)).or_default() += 1;
    }
    let reports: BTreeMap<(&str, &str), u64> = edges(&story, "reports")
        .into_iter()
        .map(|e| {
            (
                (str_of(&e["from"]), str_of(&e["to"])),
                e["claims"].as_u64().expect("count"),
            )
        })
        .collect();
    assert_eq!(reports, reported);
}

#[test]
fn story_level_says_who_did_what_and_who_said_so() {
    let story = graph_json(&[]);
    let ids: BTreeSet<&str> = story["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| str_of(&n["id"]))
        .collect();
    for edge in story["edges"].as_array().unwrap() {
        for end in ["from", "to"] {
            assert!(
                ids.contains(str_of(&edge[end])),
                "edge {end} is not a node: {edge}"
            );
        }
    }
    assert!(!edges(&story, "role").is_empty(), "participants keep their roles");
    let says = edges(&story, "says");
    assert!(!says.is_empty(), "sources say events");
    // A speaker whose name resolved to an entity is that entity, not a source node.
    for source in nodes(&story, "source") {
        assert!(
            source.get("entity").is_none(),
            "resolved source drawn as a source: {source}"
        );
    }
    // The outlet is its document: never a source at the story level.
    let documents: BTreeSet<&str> = nodes(&story, "document")
        .iter()
        .map(|d| str_of(&d["id"]))
        .collect();
    for edge in says {
        assert!(
            !str_of(&edge["from"]).ends_with(".txt"),
            "an outlet speaks: {edge}"
        );
        assert!(!documents.contains(str_of(&edge["from"])));
    }
    // Entities nothing refers to are left out.
    let linked: BTreeSet<&str> = story["edges"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| [str_of(&e["from"]), str_of(&e["to"])])
        .collect();
    for entity in nodes(&story, "entity") {
        assert!(linked.contains(str_of(&entity["id"])), "unlinked entity {entity}");
    }
}

#[test]
fn claims_flag_gives_the_claim_level() {
    let full = graph_json(&["--claims"]);
    for kind in ["document", "claim", "event", "entity", "source"] {
        assert!(!nodes(&full, kind).is_empty(), "no {kind} node");
    }
    for event in nodes(&full, "event") {
        assert!(
            event.get("claims").is_none(),
            "claims are nodes, not folded: {event}"
        );
    }
    for kind in ["in_document", "about", "attributed_to"] {
        assert!(!edges(&full, kind).is_empty(), "no {kind} edge");
    }
    assert!(edges(&full, "reports").is_empty() && edges(&full, "says").is_empty());
    let dot = graph(&["--claims"]);
    assert_eq!(
        dot.matches("shape=box, fillcolor=\"#f4f4f4\"").count(),
        nodes(&full, "claim").len(),
        "every claim is a node of the DOT too"
    );
}

#[test]
fn story_dot_snapshot() {
    insta::assert_snapshot!("seeds_story_dot", graph(&[]));
}

#[test]
fn story_dot_has_a_box_per_document_and_columns() {
    let dot = graph(&[]);
    let documents: Vec<String> = nodes(&graph_json(&[]), "document")
        .iter()
        .map(|d| str_of(&d["id"]).to_string())
        .collect();
    assert_eq!(dot.matches("subgraph cluster_").count(), documents.len());
    for doc in &documents {
        assert!(
            dot.contains(&format!("label=\"{doc}\"; style=rounded")),
            "a box for {doc}"
        );
    }
    let rank_line = |rank: &str| {
        dot.lines()
            .find(|l| l.trim_start().starts_with(&format!("{{rank={rank};")))
            .unwrap_or_else(|| panic!("no rank={rank} line"))
            .to_string()
    };
    let first = rank_line("min");
    assert!(
        documents.iter().all(|d| first.contains(&format!("\"{d}\""))),
        "{first}"
    );
    assert!(rank_line("same").contains("\"E1\""));
    assert!(rank_line("max").len() > 20);
    // No claim text is drawn, and labels are short.
    for label in dot.split("label=\"").skip(1) {
        let label = &label[..label.find("\"").unwrap_or(label.len())];
        for line in label.split("\\n") {
            assert!(line.chars().count() <= 50, "a long label line: {line}");
        }
    }
}

/// See: issue #18 (the seeds' DOT rendered to 1,710 × 27,393 pixels).
#[test]
fn story_dot_renders_to_a_page_a_person_can_read() {
    let dot = graph(&[]);
    let Some(svg) = graphviz::svg(&dot) else {
        eprintln!("SKIPPED: graphviz `dot` is not installed; the drawing's size was not checked");
        return;
    };
    let points = |attribute: &str| -> f64 {
        let start = svg.find(&format!("{attribute}=\"")).expect("svg size") + attribute.len() + 2;
        let value = &svg[start..];
        value[..value.find("pt").expect("points")]
            .parse()
            .expect("a number")
    };
    let (width, height) = (points("width"), points("height"));
    // About one screen wide and two to three high at 96 dpi (1 pt = 4/3 px).
    assert!(width <= 1000.0 && height <= 2300.0, "{width} × {height} pt");
}

/// Two articles citing one spokesman under two spellings, one through an agency.
fn two_spellings_story() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = |outlet: &str, body: &str| {
        format!("+++\npublished = 2024-06-19\noutlet = \"{outlet}\"\n+++\nزيارة\n\n{body}\n")
    };
    let a = article(
        "وكالة أ",
        "قال المتحدث باسم الكرملين ديمتري بيسكوف إن الرئيس فلاديمير بوتين وصل إلى بيونغ يانغ يوم الأربعاء.",
    );
    let b = article(
        "وكالة ب",
        "وقال بيسكوف إن بوتين وصل إلى بيونغ يانغ فجر الأربعاء، بحسب وكالة تاس.",
    );
    std::fs::write(dir.path().join("a.txt"), a).expect("write");
    std::fs::write(dir.path().join("b.txt"), b).expect("write");
    dir
}

#[test]
fn one_speaker_spelled_two_ways_is_one_node_and_agencies_relay() {
    let dir = two_spellings_story();
    let path = dir.path().to_str().expect("utf-8");
    let output = isnad(&["graph", path, "--format", "json"]);
    assert_eq!(output.status.code(), Some(0));
    let story: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let arrival = nodes(&story, "event")
        .into_iter()
        .find(|e| e["event"] == "arrival")
        .expect("an arrival event");
    let arrival_id = str_of(&arrival["id"]);
    let docs: BTreeSet<&str> = arrival["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| str_of(&c["doc"]))
        .collect();
    assert_eq!(docs, BTreeSet::from(["a.txt", "b.txt"]));

    let says: Vec<&Value> = edges(&story, "says")
        .into_iter()
        .filter(|e| e["to"] == arrival_id)
        .collect();
    assert_eq!(says.len(), 1, "one speaker for both spellings: {says:?}");
    assert_eq!(says[0]["from"], "person:dmitry-peskov");
    assert_eq!(says[0]["claims"], 2);
    assert!(
        nodes(&story, "source").is_empty(),
        "every speaker resolved to an entity"
    );
    assert!(
        edges(&story, "relays")
            .iter()
            .any(|e| e["from"] == "agency:tass" && e["to"] == "person:dmitry-peskov"),
        "the agency relays the spokesman"
    );

    // Reported by both articles, the event is drawn between their boxes, not inside one.
    let dot = String::from_utf8(isnad(&["graph", path]).stdout).expect("utf-8");
    let line = dot
        .lines()
        .find(|l| l.contains(&format!("\"{arrival_id}\" [label=")))
        .expect("the event is drawn");
    assert!(line.starts_with("  \"") && line.contains("bold"), "{line}");
}
