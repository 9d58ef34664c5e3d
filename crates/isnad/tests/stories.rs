//! Story fixtures: `fixtures/<story>/` holds articles and `expected.toml` (the findings `isnad check`
//! must produce and the look-alikes it must not flag), and optionally `claims.toml` (claims
//! `isnad claims` must read). One test per story; a failure names the story and the missing or
//! extra finding by kind, severity and cited quotes — never by message wording.

use serde::Deserialize;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "support/expected.rs"]
mod expected;

use expected::{Expected, Quote, locate};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn isnad(args: &[&str]) -> Value {
    let output = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args(args)
        .output()
        .expect("isnad runs");
    assert!(
        output.status.code().is_some_and(|c| c == 0 || c == 1),
        "isnad {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("isnad {args:?} printed no JSON: {e}"))
}

/// Checks one story; returns every problem found, each naming the story.
fn check_story(story: &str) -> Vec<String> {
    let dir = workspace().join("fixtures").join(story);
    let expected = Expected::read(story, &dir);
    let mut problems = expected::check(story, &dir, &expected);
    if dir.join("claims.toml").exists() {
        problems.extend(check_claims(story, &dir, &expected.articles(&dir)));
    }
    problems
}

#[derive(Deserialize)]
struct ExpectedClaims {
    claim: Vec<ExpectedClaim>,
}

#[derive(Deserialize)]
struct ExpectedClaim {
    doc: String,
    quote: String,
    event: String,
    agent: Option<String>,
    chair: Option<String>,
    recipient: Option<String>,
    place: Option<String>,
    time: Option<String>,
    count: Option<f64>,
    modality: Option<String>,
    #[serde(default)]
    attribution: Vec<String>,
    /// A known gap, as for findings: reported when missing, a failure once read.
    pending: Option<String>,
}

fn role_has(claim: &Value, roles: &[&str], want: &str) -> bool {
    roles.iter().any(|role| {
        claim["roles"][*role]["text"]
            .as_str()
            .is_some_and(|t| t.contains(want) || want.contains(t))
    })
}

fn check_claims(story: &str, dir: &Path, articles: &Path) -> Vec<String> {
    let expected: ExpectedClaims =
        toml::from_str(&std::fs::read_to_string(dir.join("claims.toml")).expect("claims.toml"))
            .unwrap_or_else(|e| panic!("{story}: bad claims.toml: {e}"));
    let out = isnad(&[
        "claims",
        articles.to_str().expect("utf-8 path"),
        "--format",
        "json",
    ]);
    let claims = out["claims"].as_array().cloned().unwrap_or_default();
    let mut problems = Vec::new();
    for want in &expected.claim {
        let quote = locate(
            story,
            articles,
            &Quote {
                doc: want.doc.clone(),
                text: want.quote.clone(),
            },
        );
        let candidates: Vec<&Value> = claims
            .iter()
            .filter(|c| {
                let span = c["span"].as_array();
                c["doc"] == want.doc.as_str()
                    && c["event"] == want.event.as_str()
                    && span
                        .is_some_and(|s| s[0].as_u64() < Some(quote.1.1) && Some(quote.1.0) < s[1].as_u64())
            })
            .collect();
        let fits = |c: &&Value| {
            want.agent.as_deref().is_none_or(|a| role_has(c, &["agent"], a))
                && want.chair.as_deref().is_none_or(|a| role_has(c, &["chair"], a))
                && want
                    .recipient
                    .as_deref()
                    .is_none_or(|r| role_has(c, &["recipient", "patient"], r))
                && want
                    .place
                    .as_deref()
                    .is_none_or(|p| role_has(c, &["place", "destination"], p))
                && want.time.as_deref().is_none_or(|t| {
                    c["time"]["value"]["start"]
                        .as_str()
                        .is_some_and(|s| s.starts_with(t))
                })
                && want
                    .count
                    .is_none_or(|n| c["count"]["value"]["value"].as_f64() == Some(n))
                && want.modality.as_deref().is_none_or(|m| c["modality"] == m)
                && want.attribution.iter().all(|name| {
                    c["attribution"].as_array().is_some_and(|chain| {
                        chain.iter().any(|s| {
                            s["name"]
                                .as_str()
                                .is_some_and(|n| n.contains(name.as_str()) || name.contains(n))
                        })
                    })
                })
        };
        let read = candidates.iter().any(fits);
        if let Some(gap) = &want.pending {
            if read {
                problems.push(format!(
                    "{story}: pending claim is now read: remove its `pending` mark: {} «{}»",
                    want.event, want.quote
                ));
            } else {
                eprintln!(
                    "PENDING {story}: claim {} in {} «{}»: {gap}",
                    want.event, want.doc, want.quote
                );
            }
            continue;
        }
        if !read {
            let seen: Vec<String> = candidates.iter().map(|c| c.to_string()).collect();
            problems.push(format!(
                "{story}: claim not read: {} in {} «{}» (candidates: {})",
                want.event,
                want.doc,
                want.quote,
                if seen.is_empty() {
                    "none".to_string()
                } else {
                    seen.join("; ")
                }
            ));
        }
    }
    problems
}

fn run(story: &str) {
    let problems = check_story(story);
    assert!(
        problems.is_empty(),
        "story `{story}` failed:\n{}",
        problems.join("\n")
    );
}

/// Every fixture directory with an expected.toml must have a test below.
#[test]
fn every_story_has_a_test() {
    let listed = STORIES;
    let mut found = Vec::new();
    for entry in std::fs::read_dir(workspace().join("fixtures")).expect("fixtures/") {
        let path = entry.expect("entry").path();
        if path.join("expected.toml").exists() {
            found.push(path.file_name().expect("name").to_string_lossy().into_owned());
        }
    }
    found.sort();
    for story in &found {
        assert!(
            listed.contains(&story.as_str()),
            "fixtures/{story} has no test: add it to STORIES and stories!()"
        );
    }
}

macro_rules! stories {
    ($($name:ident => $dir:literal),* $(,)?) => {
        const STORIES: &[&str] = &[$($dir),*];
        $(#[test] fn $name() { run($dir); })*
    };
}

stories! {
    seeds => "seeds",
    cup_final_rabat => "cup-final-rabat",
    deal_desalination => "deal-desalination",
    earthquake_wadi_amlil => "earthquake-wadi-amlil",
    election_zambia => "election-zambia",
    summit_amman => "summit-amman",
    train_collision_minya => "train-collision-minya",
    factory_fire_wadi_rayhan => "factory-fire-wadi-rayhan",
    bridge_tender_abu_tayba => "bridge-tender-abu-tayba",
    ferry_marsa_hamdan => "ferry-marsa-hamdan",
    results_sanabel => "results-sanabel",
    sanctions_sahel_club => "sanctions-sahel-club",
    leak_fertilizer_plant => "leak-fertilizer-plant",
    exam_questions_tarfaya => "exam-questions-tarfaya",
    museum_theft_qaranful => "museum-theft-qaranful",
    wildfire_sindyan => "wildfire-sindyan",
    olive_festival_kafr_hamid => "olive-festival-kafr-hamid",
    outage_sahel_sharqi => "outage-sahel-sharqi",
    vat_telecom_tunis => "vat-telecom-tunis",
}
