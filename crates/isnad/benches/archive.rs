//! End-to-end benchmark of `isnad check` on a synthetic archive: 10,000 articles in 500 stories,
//! generated deterministically from the story fixtures and the seeds with names, dates and numbers
//! varied. Every story goes through what `isnad check` runs (parse, analyze, link the story,
//! check), stories concurrently across the cores as a newsroom would run one check per story.
//! Prints throughput, time and peak memory per 1,000 articles, and each stage's time summed over
//! the threads.
//!
//! Run with `cargo bench -p isnad --bench archive` (`-- --stories N` for a smaller archive).
//! Target: ≥ 10 MB/s end to end on 2 cores; conflict detection near-linear in claims.

mod support;

use chrono::{Duration, NaiveDate};
use isnad_parser::{ParseOptions, parse_document};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::time::Instant;

// The same allocator as the `isnad` binary, so the benchmark measures what users run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const ARTICLES_PER_STORY: usize = 20;

/// Words after which a name follows: the varied names are the ones found after them.
const TITLES: &[&str] = &[
    "الرئيس",
    "وزير",
    "الوزير",
    "وزيرة",
    "المتحدث",
    "رئيس",
    "السفير",
    "مدير",
    "الزعيم",
    "المدرب",
    "الناطق",
    "محافظ",
];
const SYLLABLES: &[&str] = &[
    "كا", "رو", "مي", "لان", "سو", "تي", "فا", "دو", "نو", "بير", "زا", "لي", "غو", "ما", "ري",
];

/// A template story: its articles' texts.
struct Template {
    articles: Vec<String>,
}

fn templates(root: &Path) -> Vec<Template> {
    let mut dirs = vec![root.join("seeds")];
    if let Ok(entries) = std::fs::read_dir(root.join("fixtures")) {
        let mut found: Vec<_> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect();
        found.sort();
        dirs.extend(found);
    }
    dirs.iter()
        .map(|dir| {
            let mut files: Vec<_> = std::fs::read_dir(dir)
                .map(|it| {
                    it.filter_map(Result::ok)
                        .map(|e| e.path())
                        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                        .collect()
                })
                .unwrap_or_default();
            files.sort();
            Template {
                articles: files
                    .iter()
                    .filter_map(|f| std::fs::read_to_string(f).ok())
                    .collect(),
            }
        })
        .filter(|t| !t.articles.is_empty())
        .collect()
}

/// Names to vary: words that follow a title word somewhere in the story.
fn names_of(template: &Template) -> Vec<String> {
    let mut names = HashSet::new();
    for article in &template.articles {
        let words: Vec<&str> = article.split_whitespace().collect();
        for pair in words.windows(2) {
            let next = pair[1].trim_matches(|c: char| !c.is_alphabetic());
            if TITLES.contains(&pair[0]) && next.chars().count() >= 4 && !next.starts_with("ال") {
                names.insert(next.to_string());
            }
        }
    }
    let mut names: Vec<String> = names.into_iter().collect();
    names.sort();
    names
}

fn invented_name(story: usize, index: usize) -> String {
    let mut seed = (story * 7919 + index * 104_729) as u64;
    let mut name = String::new();
    for _ in 0..3 {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        name.push_str(SYLLABLES[(seed >> 33) as usize % SYLLABLES.len()]);
    }
    name
}

/// Varies one article for story `story`: names swapped, publication date shifted, amounts scaled.
fn vary(text: &str, names: &[String], story: usize) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix("published = ")
            && let Ok(date) = NaiveDate::parse_from_str(rest.trim(), "%Y-%m-%d")
        {
            out += &format!("published = {}\n", date + Duration::days((story % 40) as i64));
            continue;
        }
        out += &vary_numbers(line, story);
    }
    for (index, name) in names.iter().enumerate() {
        out = out.replace(name.as_str(), &invented_name(story, index));
    }
    out
}

/// Scales amounts; leaves day numbers (≤ 31) and years alone so dates stay valid.
fn vary_numbers(line: &str, story: usize) -> String {
    support::scale_amounts(line, story as u64 % 5)
}

/// What checking one story yields: counts, the time of each stage, and the JSON lines of `--dump`.
struct StoryResult {
    claims: usize,
    findings: usize,
    stage_times: [std::time::Duration; 3],
    dump: String,
}

/// Runs one story through the stages of `isnad check`: parse, analyze, link, check.
fn check_story(
    story: &[(String, String)],
    options: &ParseOptions,
    gazetteer: &isnad_claims::entities::Gazetteer,
    dump: bool,
) -> StoryResult {
    let mut stage_times = [std::time::Duration::ZERO; 3];
    let stage = Instant::now();
    let documents: Vec<_> = story
        .par_iter()
        .filter_map(|(id, text)| parse_document(id, text.as_bytes(), options).ok().map(|(d, _)| d))
        .collect();
    stage_times[0] = stage.elapsed();
    let stage = Instant::now();
    let analyses =
        isnad_claims::analyze_story(&documents, gazetteer, isnad_claims::mentions::Lean::Tense, |_| {});
    stage_times[1] = stage.elapsed();
    let stage = Instant::now();
    let check = isnad_graph::check_story(&documents, &analyses, gazetteer);
    stage_times[2] = stage.elapsed();
    let mut lines = String::new();
    if dump {
        for analysis in &analyses {
            lines += &serde_json::to_string(analysis).expect("json");
            lines.push('\n');
        }
        lines += &serde_json::to_string(&check).expect("json");
        lines.push('\n');
        let graph = check.graph(&documents, &analyses);
        let nodes: Vec<_> = graph.nodes().collect();
        let edges: Vec<_> = graph.edges().collect();
        lines += &serde_json::to_string(&(nodes, edges)).expect("json");
        lines.push('\n');
    }
    StoryResult {
        claims: analyses.iter().map(|a| a.claims.len()).sum(),
        findings: check.findings.len(),
        stage_times,
        dump: lines,
    }
}

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let stories = args
        .iter()
        .position(|a| a == "--stories")
        .and_then(|i| args.get(i + 1)?.parse().ok())
        .unwrap_or(500usize);
    // `--dump FILE` writes every analysis and check as JSON lines, to compare outputs across changes.
    let mut dump = args
        .iter()
        .position(|a| a == "--dump")
        .and_then(|i| args.get(i + 1))
        .map(|path| std::io::BufWriter::new(std::fs::File::create(path).expect("dump file")));
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let templates = templates(&root);
    assert!(
        !templates.is_empty(),
        "no seeds or fixtures found under {}",
        root.display()
    );

    let generation = Instant::now();
    let archive: Vec<Vec<(String, String)>> = (0..stories)
        .map(|story| {
            let template = &templates[story % templates.len()];
            let names = names_of(template);
            (0..ARTICLES_PER_STORY)
                .map(|i| {
                    let text = vary(
                        &template.articles[i % template.articles.len()],
                        &names,
                        story + i / template.articles.len(),
                    );
                    (format!("story{story:03}/{i:02}.txt"), text)
                })
                .collect()
        })
        .collect();
    let articles: usize = archive.iter().map(Vec::len).sum();
    let bytes: usize = archive.iter().flatten().map(|(_, t)| t.len()).sum();
    eprintln!(
        "generated {articles} articles in {stories} stories ({:.1} MB) in {:.1?}",
        bytes as f64 / 1e6,
        generation.elapsed()
    );

    let gazetteer = isnad_claims::entities::Gazetteer::builtin();
    let options = ParseOptions {
        fallback_date: NaiveDate::from_ymd_opt(2024, 6, 1),
        ..ParseOptions::default()
    };
    // Stories are checked concurrently, as a newsroom would run one `isnad check` per story on
    // every core; inside a story the documents are parsed and analyzed in parallel too.
    let start = Instant::now();
    let results: Vec<StoryResult> = archive
        .par_iter()
        .map(|story| check_story(story, &options, &gazetteer, dump.is_some()))
        .collect();
    let elapsed = start.elapsed();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut stage_times = [std::time::Duration::ZERO; 3];
    for result in &results {
        *counts.entry("claims").or_default() += result.claims;
        *counts.entry("findings").or_default() += result.findings;
        for (total, time) in stage_times.iter_mut().zip(result.stage_times) {
            *total += time;
        }
        if let Some(out) = dump.as_mut() {
            use std::io::Write;
            out.write_all(result.dump.as_bytes()).expect("dump");
        }
    }
    let per_thousand = elapsed.as_secs_f64() * 1000.0 / articles as f64;
    println!(
        "articles: {articles} in {stories} stories, {:.1} MB",
        bytes as f64 / 1e6
    );
    println!("claims: {}, findings: {}", counts["claims"], counts["findings"]);
    println!("time: {elapsed:.2?} total, {per_thousand:.3} s per 1,000 articles");
    println!(
        "stage times, summed over threads: parse {:.2?}, analyze {:.2?}, check {:.2?}",
        stage_times[0], stage_times[1], stage_times[2]
    );
    println!(
        "throughput: {:.1} MB/s end to end on {} threads",
        bytes as f64 / 1e6 / elapsed.as_secs_f64(),
        rayon::current_num_threads()
    );
    match peak_rss_kib() {
        Some(kib) => println!(
            "peak memory: {:.1} MiB ({:.1} MiB per 1,000 articles)",
            kib as f64 / 1024.0,
            kib as f64 / 1024.0 * 1000.0 / articles as f64
        ),
        None => println!("peak memory: unavailable (no /proc/self/status)"),
    }
}
