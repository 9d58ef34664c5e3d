//! The development set (`tests/devset/`): six invented stories written by others, scored by a port of
//! the set's own scorer (`score.py`, so the tests need no Python) and held to the figures recorded in
//! `tests/devset/ratchet.toml`, so that a change cannot quietly lose a finding isnad used to make. The
//! blind stories (`tests/blind/`, same schema) are scored and held alike.
//!
//! `cargo test -p isnad --test devset -- --nocapture` prints the table. `ISNAD_RATCHET=update`
//! rewrites the ratchet with the current figures. `ISNAD_DEVSET_REPORTS=DIR` scores saved reports
//! (`DIR/<story>.json`) instead of running isnad and prints each score as `score.py --json` does, to
//! compare the port with the original on the same output.

use serde::Deserialize;
use serde_json::{Value, json};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The port of `score.py`. Its quirks are kept on purpose: the figures must be the ones `score.sh`
/// prints, so the ratchet and the shared scorer never disagree.
mod score {
    use super::*;

    /// One story's result: the fields of `score.py --json`, with the matched ids kept for the ratchet.
    #[derive(Debug, Default, Clone, PartialEq)]
    pub struct Score {
        pub expected: usize,
        /// Gold ids matched, in gold order.
        pub matched: Vec<String>,
        pub exact_kind: usize,
        /// Gold ids missed; ` (wrong severity)` marks one whose kind and spans matched.
        pub missed: Vec<String>,
        pub flagged: usize,
        pub true_flags: usize,
        pub must_not_flag: usize,
        /// Look-alike ids flagged, in gold order.
        pub violations: Vec<String>,
    }

    impl Score {
        /// The object `score.py --json` prints, for comparing the two scorers.
        pub fn to_json(&self) -> Value {
            json!({
                "expected": self.expected, "matched": self.matched.len(), "exact_kind": self.exact_kind,
                "missed": self.missed, "flagged": self.flagged, "true_flags": self.true_flags,
                "must_not_flag": self.must_not_flag, "violations": self.violations,
            })
        }
    }

    /// Byte spans, as `(start, end)`; floats because `score.py` compares whatever numbers it is given.
    type Spans = Vec<(f64, f64)>;

    /// The articles the gold quotes are found in, keyed by their path under `corpus/` (`story/file`).
    pub struct Corpus {
        files: HashMap<String, Vec<u8>>,
        spans: RefCell<HashMap<(String, String), Spans>>,
    }

    impl Corpus {
        pub fn new(files: HashMap<String, Vec<u8>>) -> Self {
            Self {
                files,
                spans: RefCell::default(),
            }
        }

        /// Every byte span where `quote` occurs in `doc`, overlapping ones included (`quote_spans`).
        /// Bytes, not characters: isnad's spans are byte offsets into the original file.
        fn quote_spans(&self, doc: &str, quote: &str) -> Spans {
            let key = (doc.to_string(), quote.to_string());
            if let Some(spans) = self.spans.borrow().get(&key) {
                return spans.clone();
            }
            let data = self
                .files
                .get(doc)
                .unwrap_or_else(|| panic!("gold names a document not in the corpus: {doc}"));
            let q = quote.as_bytes();
            let spans: Spans = (0..=data.len().saturating_sub(q.len()))
                .filter(|&i| data.len() >= q.len() && &data[i..i + q.len()] == q)
                .map(|i| (i as f64, (i + q.len()) as f64))
                .collect();
            assert!(!spans.is_empty(), "gold quote not found in {doc}: {quote}");
            self.spans.borrow_mut().insert(key, spans.clone());
            spans
        }
    }

    /// Kinds that count as one (`KIND_FAMILY`): the date kinds, and count with quantity.
    fn family(kind: Option<&str>) -> Option<&str> {
        kind.map(|k| match k {
            "date_mismatch" | "relative_date_mismatch" | "weekday_mismatch" => "date",
            "count_mismatch" | "quantity_mismatch" => "number",
            "ordinal_conflict" => "ordinal",
            "place_mismatch" => "place",
            "actor_mismatch" => "actor",
            "name_variant" => "name",
            other => other,
        })
    }

    fn severity_rank(severity: Option<&Value>) -> u8 {
        match severity.and_then(Value::as_str) {
            Some("tension") => 1,
            Some("contradiction") => 2,
            _ => 0,
        }
    }

    /// Python's truth value of a JSON value (`if side.get(key)`).
    fn truthy(v: Option<&Value>) -> bool {
        match v {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(Value::Number(n)) => n.as_f64() != Some(0.0),
            Some(Value::String(s)) => !s.is_empty(),
            Some(Value::Array(a)) => !a.is_empty(),
            Some(Value::Object(o)) => !o.is_empty(),
        }
    }

    /// `str(x)` of a document field: a missing one is `""`; isnad always writes strings.
    fn text_of(v: Option<&Value>) -> String {
        match v {
            None => String::new(),
            Some(Value::String(s)) => s.clone(),
            Some(Value::Null) => "None".to_string(),
            Some(other) => other.to_string(),
        }
    }

    /// A key for a JSON id (claim and finding ids are compared as values, not as text).
    fn id_key(v: Option<&Value>) -> String {
        v.unwrap_or(&Value::Null).to_string()
    }

    fn basename(path: &str) -> &str {
        path.rsplit('/').next().unwrap_or(path)
    }

    /// A report doc names a gold doc. Python's `a or b or c and d` groups as `a or b or (c and d)`.
    fn doc_matches(report_doc: &str, gold_doc: &str) -> bool {
        let r = report_doc.replace('\\', "/");
        r == gold_doc
            || r.ends_with(&format!("/{gold_doc}"))
            || (gold_doc.ends_with(&format!("/{r}")) && basename(&r) == basename(gold_doc))
    }

    /// A span as `[start, end]` or `{"start", "end"}` (`claim_span`).
    fn span_of(span: &Value) -> (f64, f64) {
        let pair = match span {
            Value::Object(o) => (o.get("start"), o.get("end")),
            Value::Array(a) => (a.first(), a.get(1)),
            _ => (None, None),
        };
        match (pair.0.and_then(Value::as_f64), pair.1.and_then(Value::as_f64)) {
            (Some(a), Some(b)) => (a, b),
            _ => panic!("malformed span in the report: {span}"),
        }
    }

    /// A piece of evidence a finding cites: a claim, or a side's words or sentence.
    struct Cited {
        doc: String,
        span: Value,
    }

    /// A cited span covers a gold side when it overlaps the side's quote or one of its `alt` quotes.
    fn covers(cited: &Cited, side: &Value, corpus: &Corpus) -> bool {
        let alts = side.get("alt").and_then(Value::as_array).into_iter().flatten();
        std::iter::once(side).chain(alts).any(|s| {
            let doc = s["doc"].as_str().expect("gold side has a doc");
            if !doc_matches(&cited.doc, doc) {
                return false;
            }
            let (a, b) = span_of(&cited.span);
            let quote = s["quote"].as_str().expect("gold side has a quote");
            corpus
                .quote_spans(doc, quote)
                .iter()
                .any(|&(x, y)| a < y && x < b)
        })
    }

    /// What a finding cites: its claims, and each side's exact words and sentence (`finding_evidence`).
    fn evidence(finding: &Value, claims: &HashMap<String, &Value>) -> Vec<Cited> {
        let mut cited: Vec<Cited> = finding
            .get("claims")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|id| claims.get(&id_key(Some(id))))
            .map(|claim| Cited {
                doc: text_of(claim.get("doc")),
                span: claim.get("span").cloned().unwrap_or(Value::Null),
            })
            .collect();
        for side in finding
            .get("sides")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            for key in ["span", "sentence"] {
                if truthy(side.get(key)) {
                    cited.push(Cited {
                        doc: text_of(side.get("doc")),
                        span: side[key].clone(),
                    });
                }
            }
        }
        cited
    }

    /// Every gold side is covered by one of the finding's cited spans.
    fn finding_covers(cited: &[Cited], entry: &Value, corpus: &Corpus) -> bool {
        let mut sides = entry.get("sides").and_then(Value::as_array).into_iter().flatten();
        sides.all(|side| cited.iter().any(|c| covers(c, side, corpus)))
    }

    /// Same kind family; a planted `internal` accepts any kind (its sides already pin the article).
    fn kind_ok(finding: &Value, entry: &Value) -> bool {
        let want = if truthy(entry.get("kind")) {
            entry.get("kind")
        } else {
            entry.get("would_be_kind")
        };
        let want = want.and_then(Value::as_str);
        if want == Some("internal") {
            return true;
        }
        let kind = match finding.get("kind") {
            None => Some(""),
            Some(k) => k.as_str(),
        };
        family(kind) == family(want)
    }

    /// Scores one story's report against its gold cluster (`score`).
    pub fn score(report: &Value, gold: &Value, corpus: &Corpus) -> Score {
        let claims: HashMap<String, &Value> = report
            .get("claims")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|c| (id_key(c.get("id")), c))
            .collect();
        let findings: Vec<&Value> = report
            .get("findings")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .collect();
        let cited: Vec<Vec<Cited>> = findings.iter().map(|f| evidence(f, &claims)).collect();
        let list = |key: &str| -> Vec<Value> {
            gold.get(key)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        };
        let (expected, look_alikes) = (list("expected"), list("must_not_flag"));
        let mut result = Score {
            expected: expected.len(),
            must_not_flag: look_alikes.len(),
            ..Score::default()
        };
        let mut used = HashSet::new();
        for entry in &expected {
            let id = entry["id"].as_str().expect("gold entry has an id").to_string();
            let hits: Vec<&Value> = findings
                .iter()
                .zip(&cited)
                .filter(|(f, c)| finding_covers(c, entry, corpus) && kind_ok(f, entry))
                .map(|(f, _)| *f)
                .collect();
            // A list of severities is a requirement; a single gold severity is informational.
            let sev_ok: Vec<&Value> = match entry.get("severity") {
                Some(Value::Array(allowed)) => hits
                    .iter()
                    .copied()
                    .filter(|f| allowed.contains(f.get("severity").unwrap_or(&Value::Null)))
                    .collect(),
                _ => hits.clone(),
            };
            if sev_ok.is_empty() {
                let wrong = if hits.is_empty() { "" } else { " (wrong severity)" };
                result.missed.push(format!("{id}{wrong}"));
                continue;
            }
            used.extend(sev_ok.iter().map(|f| id_key(f.get("id"))));
            if sev_ok.iter().any(|f| f.get("kind") == entry.get("kind")) {
                result.exact_kind += 1;
            }
            result.matched.push(id);
        }
        let flagged: Vec<&&Value> = findings
            .iter()
            .filter(|f| matches!(f["severity"].as_str(), Some("contradiction" | "tension")))
            .collect();
        result.flagged = flagged.len();
        result.true_flags = flagged
            .iter()
            .filter(|f| used.contains(&id_key(f.get("id"))))
            .count();
        for look in &look_alikes {
            let cap = match look.get("max_severity").map_or(Some("note"), Value::as_str) {
                Some("note") => 0,
                Some("tension") => 1,
                Some("contradiction") => 2,
                other => panic!("unknown max_severity {other:?} in {}", look["id"]),
            };
            // A finding that matches a planted conflict may cite a look-alike as support.
            let violated = findings.iter().zip(&cited).any(|(f, c)| {
                !used.contains(&id_key(f.get("id")))
                    && severity_rank(f.get("severity")) > cap
                    && finding_covers(c, look, corpus)
            });
            if violated {
                result
                    .violations
                    .push(look["id"].as_str().expect("look-alike id").to_string());
            }
        }
        result
    }
}

use score::{Corpus, Score};

fn devset() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/devset")
}

/// The blind stories (`tests/blind/`), in the development set's schema.
fn blind() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/blind")
}

fn gold_clusters(set: &Path) -> BTreeMap<String, Value> {
    let path = set.join("gold.json");
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("devset/gold.json"))
        .expect("gold.json is JSON");
    serde_json::from_value(gold["clusters"].clone()).expect("gold.json has clusters")
}

/// Every article under `corpus/`, keyed as gold names them (`story/file`).
fn load_corpus(set: &Path) -> Corpus {
    let root = set.join("corpus");
    let mut files = HashMap::new();
    for story in std::fs::read_dir(&root).expect("devset/corpus") {
        let story = story.expect("entry").path();
        for article in std::fs::read_dir(&story).expect("story folder") {
            let path = article.expect("entry").path();
            let key = path
                .strip_prefix(&root)
                .expect("under corpus/")
                .to_string_lossy()
                .replace('\\', "/");
            files.insert(key, std::fs::read(&path).expect("article"));
        }
    }
    Corpus::new(files)
}

/// `isnad check` on one story, as `score.sh` runs it.
fn check(set: &Path, story: &str) -> Value {
    let dir = set.join("corpus").join(story);
    let args = [
        "check",
        dir.to_str().expect("utf-8 path"),
        "--format",
        "json",
        "--fail-on",
        "never",
    ];
    let output = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args(args)
        .output()
        .expect("isnad runs");
    assert!(
        output.status.code().is_some_and(|c| c == 0 || c == 1),
        "isnad check {story} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("isnad check {story}: no JSON: {e}"))
}

/// One story's recorded figures in `ratchet.toml`.
#[derive(Deserialize, Debug)]
struct Recorded {
    matched: usize,
    expected: usize,
    true_flags: usize,
    flagged: usize,
    violations: usize,
    #[serde(default)]
    matched_ids: Vec<String>,
    #[serde(default)]
    violated_ids: Vec<String>,
}

const RATCHET_HEADER: &str = "\
# A story set's ratchet (tests/devset, tests/blind): per story, the figures isnad reached (gold findings matched out of
# expected, true flags out of contradictions and tensions, look-alikes violated) and which gold ids.
# `cargo test -p isnad --test devset` fails when a story loses a matched id, matches fewer, finds fewer
# true flags, has lower precision or violates a look-alike it did not. When the figures improve, raise
# the ratchet: ISNAD_RATCHET=update cargo test -p isnad --test devset (never edit it by hand to pass).
";

fn render_ratchet(scores: &BTreeMap<String, Score>) -> String {
    let ids = |ids: &[String]| {
        ids.iter()
            .map(|i| format!("{i:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = RATCHET_HEADER.to_string();
    for (story, s) in scores {
        let _ = write!(
            out,
            "\n[{story}]\nmatched = {}\nexpected = {}\ntrue_flags = {}\nflagged = {}\nviolations = {}\n\
             matched_ids = [{}]\nviolated_ids = [{}]\n",
            s.matched.len(),
            s.expected,
            s.true_flags,
            s.flagged,
            s.violations.len(),
            ids(&s.matched),
            ids(&s.violations),
        );
    }
    out
}

/// Precision as a fraction; nothing flagged is nothing wrongly flagged, 1/1 (as `score.py` prints it).
fn precision(true_flags: usize, flagged: usize) -> (usize, usize) {
    if flagged == 0 {
        (1, 1)
    } else {
        (true_flags, flagged)
    }
}

fn below(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 * b.1 < b.0 * a.1
}

/// Ids joined for a message, `-` for none.
fn listed<S: AsRef<str>>(ids: &[S]) -> String {
    if ids.is_empty() {
        return "-".to_string();
    }
    ids.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(", ")
}

/// Compares a story with its recorded figures: (regressions, improvements).
fn compare(story: &str, now: &Score, was: &Recorded) -> (Vec<String>, Vec<String>) {
    let (mut worse, mut better) = (Vec::new(), Vec::new());
    if now.expected != was.expected {
        worse.push(format!(
            "{story}: gold.json plants {} findings, the ratchet recorded {}: gold changed, update the ratchet",
            now.expected, was.expected
        ));
    }
    let lost: Vec<&str> = was
        .matched_ids
        .iter()
        .filter(|id| !now.matched.contains(id))
        .map(String::as_str)
        .collect();
    let gained: Vec<&str> = now
        .matched
        .iter()
        .filter(|id| !was.matched_ids.contains(id))
        .map(String::as_str)
        .collect();
    if !lost.is_empty() || now.matched.len() < was.matched {
        worse.push(format!(
            "{story}: matched {}/{} (was {}); missed now but matched before: {}; matched now only: {}",
            now.matched.len(),
            now.expected,
            was.matched,
            listed(&lost),
            listed(&gained)
        ));
    } else if now.matched.len() > was.matched || !gained.is_empty() {
        better.push(format!(
            "{story}: matched {} (was {}): {}",
            now.matched.len(),
            was.matched,
            gained.join(", ")
        ));
    }
    if now.true_flags < was.true_flags {
        worse.push(format!(
            "{story}: true flags {} (was {})",
            now.true_flags, was.true_flags
        ));
    } else if now.true_flags > was.true_flags {
        better.push(format!(
            "{story}: true flags {} (was {})",
            now.true_flags, was.true_flags
        ));
    }
    let (p_now, p_was) = (
        precision(now.true_flags, now.flagged),
        precision(was.true_flags, was.flagged),
    );
    if below(p_now, p_was) {
        worse.push(format!(
            "{story}: precision {}/{} (was {}/{})",
            now.true_flags, now.flagged, was.true_flags, was.flagged
        ));
    } else if below(p_was, p_now) {
        better.push(format!(
            "{story}: precision {}/{} (was {}/{})",
            now.true_flags, now.flagged, was.true_flags, was.flagged
        ));
    }
    let new: Vec<&str> = now
        .violations
        .iter()
        .filter(|id| !was.violated_ids.contains(id))
        .map(String::as_str)
        .collect();
    if !new.is_empty() || now.violations.len() > was.violations {
        worse.push(format!(
            "{story}: look-alikes violated {} (was {}); newly flagged: {}",
            now.violations.len(),
            was.violations,
            listed(&new)
        ));
    } else if now.violations.len() < was.violations {
        better.push(format!(
            "{story}: look-alikes violated {} (was {})",
            now.violations.len(),
            was.violations
        ));
    }
    (worse, better)
}

fn table(scores: &BTreeMap<String, Score>) -> String {
    let mut out = format!(
        "{:<10} {:>8} {:>10} {:>9}\n",
        "story", "recall", "precision", "violated"
    );
    let (mut m, mut e, mut t, mut f, mut v, mut n) = (0, 0, 0, 0, 0, 0);
    for (story, s) in scores {
        let _ = writeln!(
            out,
            "{story:<10} {:>8} {:>10} {:>9}   missed: {}; violated: {}",
            format!("{}/{}", s.matched.len(), s.expected),
            format!("{}/{}", s.true_flags, s.flagged),
            format!("{}/{}", s.violations.len(), s.must_not_flag),
            listed(&s.missed),
            listed(&s.violations),
        );
        (m, e, t, f, v, n) = (
            m + s.matched.len(),
            e + s.expected,
            t + s.true_flags,
            f + s.flagged,
            v + s.violations.len(),
            n + s.must_not_flag,
        );
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let _ = writeln!(
        out,
        "{:<10} {:>8} {:>10} {:>9}   recall {:.2}  precision {:.2}",
        "all",
        format!("{m}/{e}"),
        format!("{t}/{f}"),
        format!("{v}/{n}"),
        ratio(m, e),
        ratio(t, f)
    );
    out
}

/// Scores every story and holds it to `ratchet.toml`.
#[test]
fn devset_ratchet() {
    ratchet(&devset(), "development set (tests/devset)");
}

/// The blind stories, scored alike and held to their own `ratchet.toml`.
#[test]
fn blind_ratchet() {
    ratchet(&blind(), "blind stories (tests/blind)");
}

/// Scores every story of `set` and holds it to the set's `ratchet.toml`.
fn ratchet(set: &Path, name: &str) {
    let gold = gold_clusters(set);
    let corpus = load_corpus(set);
    let saved = std::env::var_os("ISNAD_DEVSET_REPORTS").map(PathBuf::from);
    let reports: Vec<(String, Value)> = match &saved {
        Some(dir) => gold
            .keys()
            .map(|story| {
                let path = dir.join(format!("{story}.json"));
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
                (
                    story.clone(),
                    serde_json::from_str(&text).expect("report is JSON"),
                )
            })
            .collect(),
        // The stories are independent: check them side by side.
        None => std::thread::scope(|scope| {
            let runs: Vec<_> = gold
                .keys()
                .map(|story| (story.clone(), scope.spawn(move || check(set, story))))
                .collect();
            runs.into_iter()
                .map(|(story, run)| (story, run.join().expect("check thread")))
                .collect()
        }),
    };
    let scores: BTreeMap<String, Score> = reports
        .iter()
        .map(|(story, report)| (story.clone(), score::score(report, &gold[story], &corpus)))
        .collect();
    eprintln!("{name}, scored as score.sh does:\n{}", table(&scores));
    if saved.is_some() {
        for (story, s) in &scores {
            println!("score {story} {}", s.to_json());
        }
        eprintln!("ISNAD_DEVSET_REPORTS is set: saved reports scored, the ratchet is not checked");
        return;
    }

    let path = set.join("ratchet.toml");
    if std::env::var("ISNAD_RATCHET").as_deref() == Ok("update") {
        std::fs::write(&path, render_ratchet(&scores)).expect("write ratchet.toml");
        eprintln!(
            "ISNAD_RATCHET=update: {} rewritten with these figures",
            path.display()
        );
        return;
    }
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; create it with ISNAD_RATCHET=update", path.display()));
    let recorded: BTreeMap<String, Recorded> = toml::from_str(&text).expect("ratchet.toml parses");
    let (mut worse, mut better) = (Vec::new(), Vec::new());
    for (story, now) in &scores {
        match recorded.get(story) {
            Some(was) => {
                let (w, b) = compare(story, now, was);
                worse.extend(w);
                better.extend(b);
            }
            None => worse.push(format!("{story}: not in ratchet.toml")),
        }
    }
    worse.extend(
        recorded
            .keys()
            .filter(|story| !scores.contains_key(*story))
            .map(|story| format!("{story}: in ratchet.toml but not in gold.json")),
    );
    assert!(
        worse.is_empty(),
        "the {name} fell below its ratchet:\n  {}\n\
         Fix the regression; if the trade is deliberate, record it with \
         ISNAD_RATCHET=update cargo test -p isnad --test devset",
        worse.join("\n  ")
    );
    if !better.is_empty() {
        eprintln!(
            "the ratchet can be raised (ISNAD_RATCHET=update cargo test -p isnad --test devset):\n  {}",
            better.join("\n  ")
        );
    }
}

/// The vendored gold still fits the vendored articles: every quote and alt quote occurs exactly once.
#[test]
fn gold_quotes_are_in_their_articles() {
    gold_quotes_fit(&devset());
    gold_quotes_fit(&blind());
}

fn gold_quotes_fit(set: &Path) {
    let root = set.join("corpus");
    let mut problems = Vec::new();
    for (story, cluster) in gold_clusters(set) {
        for key in ["expected", "must_not_flag"] {
            for entry in cluster[key].as_array().into_iter().flatten() {
                for side in entry["sides"].as_array().into_iter().flatten() {
                    let alts = side["alt"].as_array().into_iter().flatten();
                    for quote in std::iter::once(side).chain(alts) {
                        let doc = quote["doc"].as_str().expect("doc");
                        let text = std::fs::read_to_string(root.join(doc)).unwrap_or_default();
                        let n = text.matches(quote["quote"].as_str().expect("quote")).count();
                        if n != 1 || !doc.starts_with(&format!("{story}/")) {
                            problems.push(format!(
                                "{}: quote found {n} times in {doc} (must be once, in {story}/)",
                                entry["id"]
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "gold.json does not fit corpus/:\n{}",
        problems.join("\n")
    );
}

/// Tests of the port itself, on a two-article story written for them.
mod port {
    use super::*;

    const A: &str = "غرق خمسة أشخاص في السيل صباح الثلاثاء. وقالت الوزارة إن عشرة أشخاص غرقوا في البلدة.";
    const B: &str = "أعلنت الهيئة غرق سبعة أشخاص، وأكد الدفاع المدني أن عشرة لقوا حتفهم يوم الأربعاء.";

    fn corpus() -> Corpus {
        Corpus::new(HashMap::from([
            ("s/a.txt".to_string(), A.as_bytes().to_vec()),
            ("s/b.txt".to_string(), B.as_bytes().to_vec()),
        ]))
    }

    /// The byte span of `quote` in the article `doc` (`a.txt` or `b.txt`).
    fn at(doc: &str, quote: &str) -> Value {
        let text = if doc == "a.txt" { A } else { B };
        let start = text.find(quote).unwrap_or_else(|| panic!("{quote} not in {doc}"));
        json!([start, start + quote.len()])
    }

    /// A finding whose sides cite `quotes` (doc, words), each also as a claim.
    fn finding(id: &str, kind: &str, severity: &str, quotes: &[(&str, &str)]) -> (Value, Vec<Value>) {
        let claims: Vec<Value> = quotes
            .iter()
            .enumerate()
            .map(|(i, (doc, q))| json!({"id": format!("{id}#{i}"), "doc": doc, "span": at(doc, q)}))
            .collect();
        let sides: Vec<Value> = quotes
            .iter()
            .enumerate()
            .map(|(i, (doc, q))| json!({"doc": doc, "claim": format!("{id}#{i}"), "span": at(doc, q)}))
            .collect();
        let ids: Vec<Value> = claims.iter().map(|c| c["id"].clone()).collect();
        let f = json!({"id": id, "kind": kind, "severity": severity, "claims": ids, "sides": sides});
        (f, claims)
    }

    fn report(findings: Vec<(Value, Vec<Value>)>) -> Value {
        let (fs, cs): (Vec<Value>, Vec<Vec<Value>>) = findings.into_iter().unzip();
        json!({"schema": "isnad.report/1", "findings": fs, "claims": cs.concat()})
    }

    /// Gold: the dead (five in a, seven in b, ten as an alt in b), a date clash, an internal count
    /// clash in a, and the tens of a and b as a look-alike.
    fn gold() -> Value {
        json!({
            "expected": [
                {"id": "E1", "kind": "quantity_mismatch", "severity": "contradiction", "sides": [
                    {"doc": "s/a.txt", "quote": "خمسة أشخاص"},
                    {"doc": "s/b.txt", "quote": "سبعة أشخاص", "alt": [{"doc": "s/a.txt", "quote": "غرقوا في البلدة"}]}]},
                {"id": "E2", "kind": "date_mismatch", "severity": "contradiction", "sides": [
                    {"doc": "s/a.txt", "quote": "صباح الثلاثاء"}, {"doc": "s/b.txt", "quote": "يوم الأربعاء"}]},
                {"id": "E3", "kind": "internal", "severity": "contradiction", "sides": [
                    {"doc": "s/a.txt", "quote": "غرق خمسة"}, {"doc": "s/a.txt", "quote": "إن عشرة"}]},
            ],
            "must_not_flag": [
                {"id": "N1", "would_be_kind": "count_mismatch", "sides": [
                    {"doc": "s/a.txt", "quote": "عشرة أشخاص"}, {"doc": "s/b.txt", "quote": "عشرة لقوا"}]},
            ],
        })
    }

    fn check(findings: Vec<(Value, Vec<Value>)>) -> Score {
        score::score(&report(findings), &gold(), &corpus())
    }

    #[test]
    fn a_finding_citing_both_sides_with_the_same_kind_matches() {
        let s = check(vec![finding(
            "F1",
            "quantity_mismatch",
            "contradiction",
            &[("a.txt", "خمسة"), ("b.txt", "سبعة")],
        )]);
        assert_eq!(
            (s.matched.clone(), s.exact_kind, s.true_flags, s.flagged),
            (vec!["E1".to_string()], 1, 1, 1)
        );
        assert_eq!(s.missed, ["E2", "E3"]);
    }

    #[test]
    fn kinds_of_one_family_match_but_not_exactly() {
        let s = check(vec![
            finding(
                "F1",
                "count_mismatch",
                "tension",
                &[("a.txt", "خمسة"), ("b.txt", "سبعة")],
            ),
            finding(
                "F2",
                "weekday_mismatch",
                "contradiction",
                &[("a.txt", "الثلاثاء"), ("b.txt", "الأربعاء")],
            ),
        ]);
        assert_eq!(
            (s.matched.clone(), s.exact_kind),
            (vec!["E1".to_string(), "E2".to_string()], 0)
        );
    }

    #[test]
    fn a_kind_of_another_family_does_not_match() {
        let s = check(vec![finding(
            "F1",
            "place_mismatch",
            "contradiction",
            &[("a.txt", "خمسة"), ("b.txt", "سبعة")],
        )]);
        assert!(s.matched.is_empty());
        assert_eq!((s.true_flags, s.flagged), (0, 1));
    }

    #[test]
    fn a_side_is_covered_by_its_alt_span() {
        let s = check(vec![finding(
            "F1",
            "count_mismatch",
            "contradiction",
            &[("a.txt", "خمسة"), ("a.txt", "غرقوا")],
        )]);
        assert_eq!(s.matched, ["E1"]);
    }

    #[test]
    fn a_planted_internal_finding_matches_any_kind_citing_its_sides() {
        let s = check(vec![finding(
            "F1",
            "actor_mismatch",
            "note",
            &[("a.txt", "خمسة"), ("a.txt", "عشرة")],
        )]);
        assert_eq!(s.matched, ["E3"]);
        assert_eq!(
            (s.true_flags, s.flagged),
            (0, 0),
            "a note counts for recall, not precision"
        );
    }

    #[test]
    fn one_side_uncited_or_in_the_wrong_article_does_not_match() {
        let s = check(vec![
            finding("F1", "count_mismatch", "contradiction", &[("a.txt", "خمسة")]),
            finding(
                "F2",
                "count_mismatch",
                "contradiction",
                &[("b.txt", "أشخاص"), ("b.txt", "سبعة")],
            ),
        ]);
        assert!(s.matched.is_empty(), "{s:?}");
    }

    /// Byte offsets, not character offsets: cited at the character offsets of «سبعة أشخاص», a
    /// claim lands on other words (Arabic letters are two bytes each) and covers nothing.
    #[test]
    fn spans_are_byte_offsets() {
        let start = B[..B.find("سبعة").expect("in B")].chars().count();
        let (mut f, claims) = finding("F1", "count_mismatch", "contradiction", &[("a.txt", "خمسة")]);
        f["sides"]
            .as_array_mut()
            .expect("sides")
            .push(json!({"doc": "b.txt", "span": [start, start + 10]}));
        assert!(check(vec![(f, claims)]).matched.is_empty());
    }

    #[test]
    fn cited_claims_are_evidence_without_sides() {
        let (mut f, claims) = finding(
            "F1",
            "count_mismatch",
            "contradiction",
            &[("a.txt", "خمسة"), ("b.txt", "سبعة")],
        );
        f["sides"] = json!(null);
        assert_eq!(check(vec![(f, claims)]).matched, ["E1"]);
    }

    #[test]
    fn a_side_sentence_is_evidence_too() {
        let (mut f, _) = finding(
            "F1",
            "count_mismatch",
            "contradiction",
            &[("a.txt", "خمسة"), ("b.txt", "أعلنت")],
        );
        f["sides"][1]["sentence"] = json!([0, B.len()]);
        assert_eq!(check(vec![(f, Vec::new())]).matched, ["E1"]);
    }

    #[test]
    fn an_unmatched_flag_over_both_sides_of_a_look_alike_violates_it() {
        let s = check(vec![finding(
            "F1",
            "count_mismatch",
            "tension",
            &[("a.txt", "عشرة"), ("b.txt", "عشرة لقوا")],
        )]);
        assert_eq!(s.violations, ["N1"]);
        let s = check(vec![finding(
            "F1",
            "count_mismatch",
            "note",
            &[("a.txt", "عشرة"), ("b.txt", "عشرة لقوا")],
        )]);
        assert!(s.violations.is_empty(), "a note violates no look-alike");
    }

    #[test]
    fn a_flag_that_matches_a_planted_finding_violates_nothing() {
        // F1 matches E3 (internal) and also covers N1's sides: support, not a violation.
        let quotes = [("a.txt", "خمسة"), ("a.txt", "عشرة أشخاص"), ("b.txt", "عشرة")];
        let s = check(vec![finding("F1", "count_mismatch", "contradiction", &quotes)]);
        assert_eq!(
            (s.matched.clone(), s.violations.clone()),
            (vec!["E3".to_string()], vec![])
        );
    }

    #[test]
    fn a_severity_list_is_a_requirement() {
        let mut gold = gold();
        gold["expected"][0]["severity"] = json!(["contradiction"]);
        let f = finding(
            "F1",
            "count_mismatch",
            "tension",
            &[("a.txt", "خمسة"), ("b.txt", "سبعة")],
        );
        let s = score::score(&report(vec![f]), &gold, &corpus());
        assert_eq!(s.missed[0], "E1 (wrong severity)");
    }
}
