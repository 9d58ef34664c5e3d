//! The article's frame on the development set (`tests/devset/`): every dated article read with the
//! publication date of `gold.json`'s `publication_dates`, the undated ones left undated, the outlet
//! read from the masthead and never taken for the headline. And, end to end on an article of our
//! own, a Hijri date that is not the day of the Gregorian date beside it becomes a note.

use isnad_parser::{BlockKind, BoilerplateReason, ParseOptions, parse_document};
use serde_json::Value;
use std::path::Path;

fn devset() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/devset"))
}

fn gold_dates() -> Vec<(String, Option<String>)> {
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(devset().join("gold.json")).expect("devset/gold.json"))
            .expect("gold.json is JSON");
    let dates = gold["publication_dates"].as_object().expect("publication_dates");
    dates
        .iter()
        .map(|(doc, v)| (doc.clone(), v["date"].as_str().map(str::to_string)))
        .collect()
}

#[test]
fn devset_publication_dates_headlines_and_outlets() {
    let dates = gold_dates();
    assert_eq!(dates.len(), 24, "the set has 24 articles");
    let mut wrong = Vec::new();
    for (doc, expected) in &dates {
        let bytes = std::fs::read(devset().join("corpus").join(doc)).expect("article");
        let (parsed, _) = parse_document(doc, &bytes, &ParseOptions::default()).expect("parses");
        let got = parsed.meta.published.map(|d| d.to_string());
        if got != *expected {
            wrong.push(format!("{doc}: date {got:?}, gold {expected:?}"));
        }
        // Every article of the set opens with its outlet's masthead line.
        let first_line = parsed
            .source
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or_default()
            .trim();
        if parsed.meta.outlet.as_deref() != Some(first_line) {
            wrong.push(format!(
                "{doc}: outlet {:?}, masthead {first_line:?}",
                parsed.meta.outlet
            ));
        }
        let masthead = parsed.blocks.first().map(|b| &b.kind);
        if masthead
            != Some(&BlockKind::Boilerplate {
                reason: BoilerplateReason::Masthead,
            })
        {
            wrong.push(format!("{doc}: first block {masthead:?}"));
        }
        // The headline is a story line under the masthead, never the masthead or a date line.
        if let Some(title) = &parsed.meta.title {
            let headline = parsed.blocks.iter().find(|b| b.kind == BlockKind::Headline);
            if title == first_line || headline.is_none() {
                wrong.push(format!("{doc}: headline {title:?}"));
            }
            let first_body = parsed.blocks.iter().position(|b| b.kind == BlockKind::Body);
            let headline_at = parsed.blocks.iter().position(|b| b.kind == BlockKind::Headline);
            if headline_at > first_body {
                wrong.push(format!("{doc}: headline after the body"));
            }
        } else if !parsed.blocks.iter().any(|b| b.kind == BlockKind::Body) {
            wrong.push(format!("{doc}: no headline and no body"));
        }
    }
    assert!(wrong.is_empty(), "frame read wrong:\n{}", wrong.join("\n"));
}

/// The JSON report of `isnad check` on a folder.
fn check_json(dir: &std::path::Path) -> Value {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args([
            "check",
            dir.to_str().expect("utf-8"),
            "--format",
            "json",
            "--fail-on",
            "never",
        ])
        .output()
        .expect("isnad runs");
    serde_json::from_slice(&output.stdout).expect("JSON")
}

#[test]
fn undated_articles_say_so_in_the_envelope() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("a.txt"),
        "مجلة الغد\n\nالمجلس يقر الميزانية الجديدة بعد نقاش طويل\n\nأقر المجلس أمس الميزانية الجديدة.\n",
    )
    .expect("write");
    let report = check_json(dir.path());
    let doc = &report["documents"][0];
    assert_eq!(doc["published"], Value::Null);
    assert_eq!(doc["published_from"], Value::Null);
    assert_eq!(doc["outlet"], "مجلة الغد");
    assert_eq!(doc["title"], "المجلس يقر الميزانية الجديدة بعد نقاش طويل");
}

#[test]
fn a_hijri_date_off_its_gregorian_day_is_a_date_mismatch_note() {
    let dir = tempfile::tempdir().expect("temp dir");
    // 5 Rajab 1447 is 25 December 2025 in Umm al-Qura, not 30 November.
    std::fs::write(
        dir.path().join("a.txt"),
        "جريدة الساحل\nالأحد 5 رجب 1447 هـ - الموافق 30 نوفمبر 2025 م\n\nافتتاح جسر جديد فوق الوادي الأخضر بعد عامين من العمل\n\nافتتح المحافظ أمس الجسر الجديد.\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("b.txt"),
        "جريدة الشاطئ\nالأحد 9 جمادى الآخرة 1447 هـ - الموافق 30 نوفمبر 2025 م\n\nجسر الوادي الأخضر يفتح أبوابه أمام السيارات\n\nافتتح المحافظ أمس الجسر الجديد.\n",
    )
    .expect("write");
    let report = check_json(dir.path());
    for doc in report["documents"].as_array().expect("documents") {
        assert_eq!(doc["published"], "2025-11-30", "{doc}");
    }
    let notes: Vec<&Value> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["kind"] == "date_mismatch" && f["severity"] == "note")
        .collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    let sides = notes[0]["sides"].as_array().expect("sides");
    assert_eq!(sides[0]["doc"], "a.txt");
    assert_eq!(sides[0]["text"], "5 رجب 1447 هـ");
    assert_eq!(sides[0]["value"], "2025-12-25");
    assert_eq!(sides[1]["text"], "30 نوفمبر 2025");
    assert_eq!(sides[1]["value"], "2025-11-30");
}

#[test]
fn isnad_parse_shows_the_byline_in_both_formats() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a.txt");
    std::fs::write(
        &path,
        "صحيفة الوادي\n\nالمجلس البلدي يقر خطة جديدة للنقل العام في المدينة\n\nبقلم: سعاد الرفاعي\n\nأقر المجلس البلدي أمس خطة للنقل العام.\n",
    )
    .expect("write");
    let run = |format: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_isnad"))
            .args(["parse", path.to_str().expect("utf-8"), "--format", format])
            .output()
            .expect("isnad runs")
    };
    let json: Value = serde_json::from_slice(&run("json").stdout).expect("JSON");
    assert_eq!(json["documents"][0]["byline"], "سعاد الرفاعي");
    assert_eq!(json["documents"][0]["outlet"], "صحيفة الوادي");
    let text = String::from_utf8(run("text").stdout).expect("utf-8");
    assert!(text.contains("  byline: سعاد الرفاعي\n"), "{text}");
}
