//! Story fixtures: `fixtures/<story>/` holds articles and `expected.toml` (the findings `isnad check`
//! must produce and the look-alikes it must not flag), and optionally `claims.toml` (claims
//! `isnad claims` must read). One test per story; a failure names the story and the missing or
//! extra finding by kind, severity and cited quotes — never by message wording.

use serde::Deserialize;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

#[derive(Deserialize)]
struct Expected {
    /// Where the articles are, relative to the story directory (default: the directory itself).
    articles: Option<String>,
    #[serde(default)]
    finding: Vec<ExpectedFinding>,
    #[serde(default)]
    lookalike: Vec<Lookalike>,
}

#[derive(Deserialize)]
struct ExpectedFinding {
    kind: String,
    severity: String,
    #[serde(default)]
    why: String,
    quotes: Vec<Quote>,
    /// A known gap: why isnad does not find this yet. A pending finding that is missing is
    /// reported but does not fail; one that is found fails, so the mark is removed (a ratchet).
    pending: Option<String>,
}

#[derive(Deserialize)]
struct Lookalike {
    #[serde(default)]
    kinds: Vec<String>,
    #[serde(default)]
    why: String,
    quotes: Vec<Quote>,
}

#[derive(Deserialize, Clone)]
struct Quote {
    doc: String,
    text: String,
}

/// A quote located in its document: (doc id, byte span).
type Located = (String, (u64, u64));

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

fn locate(story: &str, articles: &Path, quote: &Quote) -> Located {
    let path = articles.join(&quote.doc);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{story}: cannot read {}: {e}", path.display()));
    let mut hits = text.match_indices(&quote.text);
    let (start, _) = hits
        .next()
        .unwrap_or_else(|| panic!("{story}: quote not in {}: {}", quote.doc, quote.text));
    assert!(
        hits.next().is_none(),
        "{story}: quote not unique in {}: {}",
        quote.doc,
        quote.text
    );
    (
        quote.doc.clone(),
        (start as u64, (start + quote.text.len()) as u64),
    )
}

fn side_spans(finding: &Value) -> Vec<Located> {
    let sides = finding["sides"].as_array().cloned().unwrap_or_default();
    sides
        .iter()
        .filter_map(|side| {
            let doc = side["doc"].as_str()?.to_string();
            let span = side["span"].as_array()?;
            Some((doc, (span.first()?.as_u64()?, span.get(1)?.as_u64()?)))
        })
        .collect()
}

fn cites(finding: &Value, quote: &Located) -> bool {
    side_spans(finding)
        .iter()
        .any(|(doc, (s, e))| doc == &quote.0 && *s < quote.1.1 && quote.1.0 < *e)
}

/// The sides of a finding that repeat an earlier side's sentence and position (its value and
/// sources): a side is one sentence, cited once with all its claims.
fn repeated_sides(finding: &Value) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    finding["sides"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|s| !seen.insert((&s["doc"], &s["sentence"], &s["value"], &s["attribution"])))
        .map(side_label)
        .collect()
}

/// A side as the test's messages cite it: "doc: «its words»".
fn side_label(side: &Value) -> String {
    format!(
        "{}: «{}»",
        side["doc"].as_str().unwrap_or("?"),
        side["text"].as_str().unwrap_or("?")
    )
}

fn describe(finding: &Value) -> String {
    let quotes: Vec<String> = finding["sides"]
        .as_array()
        .map(|sides| sides.iter().map(side_label).collect())
        .unwrap_or_default();
    format!(
        "{} {} [{}] — {}",
        finding["severity"],
        finding["kind"],
        quotes.join(" | "),
        finding["message"]
    )
}

/// Checks one story; returns every problem found, each naming the story.
fn check_story(story: &str) -> Vec<String> {
    let dir = workspace().join("fixtures").join(story);
    let expected: Expected =
        toml::from_str(&std::fs::read_to_string(dir.join("expected.toml")).expect("expected.toml"))
            .unwrap_or_else(|e| panic!("{story}: bad expected.toml: {e}"));
    let articles = expected.articles.as_ref().map_or(dir.clone(), |a| dir.join(a));
    let report = isnad(&[
        "check",
        articles.to_str().expect("utf-8 path"),
        "--format",
        "json",
        "--fail-on",
        "never",
    ]);
    let findings = report["findings"].as_array().cloned().unwrap_or_default();
    let mut problems = Vec::new();
    let mut matched = vec![false; findings.len()];
    for want in &expected.finding {
        let quotes: Vec<Located> = want.quotes.iter().map(|q| locate(story, &articles, q)).collect();
        let hit = findings.iter().position(|f| {
            f["kind"] == want.kind.as_str()
                && f["severity"] == want.severity.as_str()
                && quotes.iter().all(|q| cites(f, q))
        });
        let cited: Vec<String> = want
            .quotes
            .iter()
            .map(|q| format!("{}: «{}»", q.doc, q.text))
            .collect();
        match (hit, &want.pending) {
            (Some(i), None) => matched[i] = true,
            (Some(i), Some(_)) => {
                matched[i] = true;
                problems.push(format!(
                    "{story}: pending {} {} is now found: remove its `pending` mark",
                    want.severity, want.kind
                ));
            }
            (None, None) => {
                problems.push(format!(
                    "{story}: missing {} {} citing [{}] ({})",
                    want.severity,
                    want.kind,
                    cited.join(" | "),
                    want.why
                ));
            }
            (None, Some(gap)) => {
                eprintln!(
                    "PENDING {story}: {} {} citing [{}]: {gap}",
                    want.severity,
                    want.kind,
                    cited.join(" | ")
                );
            }
        }
    }
    for look in &expected.lookalike {
        let quotes: Vec<Located> = look.quotes.iter().map(|q| locate(story, &articles, q)).collect();
        for finding in &findings {
            let serious = finding["severity"] == "contradiction" || finding["severity"] == "tension";
            let kind_listed =
                look.kinds.is_empty() || look.kinds.iter().any(|k| finding["kind"] == k.as_str());
            if serious && kind_listed && quotes.iter().all(|q| cites(finding, q)) {
                problems.push(format!(
                    "{story}: look-alike flagged ({}): {}",
                    look.why,
                    describe(finding)
                ));
            }
        }
    }
    for finding in &findings {
        problems.extend(repeated_sides(finding).into_iter().map(|side| {
            format!(
                "{story}: cites one sentence twice for one position (issue #18): {side} in {}",
                describe(finding)
            )
        }));
    }
    for (finding, matched) in findings.iter().zip(&matched) {
        let serious = finding["severity"] == "contradiction" || finding["severity"] == "tension";
        if serious && !matched {
            problems.push(format!("{story}: extra finding: {}", describe(finding)));
        }
    }
    if dir.join("claims.toml").exists() {
        problems.extend(check_claims(story, &dir, &articles));
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
