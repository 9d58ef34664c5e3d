//! Size benchmark of `isnad check` on one story (issue #17, item 1): how time and peak memory grow
//! with the number of articles of one story and with the size of one article. The inputs are
//! generated from the seed articles (`seeds/*.txt`) with their numbers varied, so copies of one
//! seed disagree on their figures as rewritten agency copy does; nothing is written to disk.
//!
//! Every case goes through what one run of `isnad check` does: parse, analyze, link the story,
//! check, and write one report, as `--format json` or `--format html` writes it (streamed, and
//! counted rather than kept). A user's run writes one format, so each case is measured twice,
//! once per format, each run in its own process (this binary started again with `--case`): its
//! time and peak resident memory (`VmHWM`) are its own, each compared with the targets. Each
//! runs under a limit on its address space, so a case that would exhaust the machine fails with
//! an allocation error instead of waking the OOM killer (and under a time limit, so a case far
//! past its target is stopped).
//!
//! Run with `cargo bench -p isnad --bench scale` (every case), or one case:
//! `cargo bench -p isnad --bench scale -- --case story 1000` (both formats, one process each),
//! `-- --case story 1000 json` (one format, in this process), `-- --case story 1000 check` (no
//! report: the pipeline alone), or `-- --case article 50` (megabytes). Targets: one story of
//! 1,000 articles ≤ 1 s and ≤ 300 MB, of 10,000 ≤ 15 s and ≤ 2 GB; one 50 MB article ≤ 10 s and
//! ≤ 1 GB.

mod support;

use chrono::NaiveDate;
use isnad_parser::{ParseOptions, parse_document};
use rayon::prelude::*;
use std::path::Path;
use std::time::{Duration, Instant};

// The same allocator as the `isnad` binary, so the benchmark measures what users run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The cases run by default: (kind, size, time target in seconds, memory target in MiB).
const CASES: &[(&str, usize, f64, f64)] = &[
    ("story", 5, f64::INFINITY, f64::INFINITY),
    ("story", 200, f64::INFINITY, f64::INFINITY),
    ("story", 1_000, 1.0, 300.0),
    ("story", 10_000, 15.0, 2_048.0),
    ("article", 50, 10.0, 1_024.0),
];

/// Address space a case may use (GiB): well past every target, well short of the machine.
const ADDRESS_LIMIT_GIB: u64 = 12;

/// Time a case may take (s) before it is stopped: ten times the largest target.
const TIME_LIMIT_SECONDS: u64 = 150;

/// The reports a case is measured writing, one run each: what `isnad check --format` writes.
const FORMATS: [&str; 2] = ["json", "html"];

/// The seed articles, in name order.
fn seeds() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let texts: Vec<String> = files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .collect();
    assert!(!texts.is_empty(), "no seeds in {}", dir.display());
    texts
}

/// The `variant`-th rewrite of a text: amounts scaled by a tenth per variant (cycling through
/// seven), day numbers (≤ 31) and years left alone so dates stay valid.
fn vary(text: &str, variant: usize) -> String {
    support::scale_amounts(text, variant as u64 % 7)
}

/// One story of `n` articles: the seeds in turn, each round with its numbers varied.
fn story(n: usize) -> Vec<(String, String)> {
    let seeds = seeds();
    (0..n)
        .map(|i| {
            (
                format!("{i:05}.txt"),
                vary(&seeds[i % seeds.len()], i / seeds.len()),
            )
        })
        .collect()
}

/// One article of about `mib` MiB: the seeds one after another, numbers varied each round, each
/// paragraph closed by a tag of letters of its own (a paragraph repeated word for word is
/// boilerplate, which would leave the article nearly empty).
fn article(mib: usize) -> Vec<(String, String)> {
    const LETTERS: [char; 8] = ['ب', 'ت', 'ج', 'د', 'ر', 'س', 'ف', 'ك'];
    let seeds = seeds();
    let mut text = String::with_capacity(mib << 20);
    let mut paragraph = 0usize;
    let mut round = 0;
    while text.len() < mib << 20 {
        for seed in &seeds {
            for line in vary(seed, round).lines().filter(|l| !l.trim().is_empty()) {
                let mut tag = String::new();
                let mut k = paragraph;
                loop {
                    tag.push(LETTERS[k % LETTERS.len()]);
                    k /= LETTERS.len();
                    if k == 0 {
                        break;
                    }
                }
                text += line;
                text += &format!(" ({tag})\n");
                paragraph += 1;
            }
        }
        round += 1;
    }
    vec![("big.txt".to_string(), text)]
}

fn peak_rss_mib() -> Option<f64> {
    status_mib("VmHWM:")
}

/// A memory figure of `/proc/self/status` (`VmHWM:` peak, `VmRSS:` now), in MiB.
fn status_mib(field: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// The articles of one case: (file name, text).
fn inputs(kind: &str, size: usize) -> Vec<(String, String)> {
    match kind {
        "story" => story(size),
        "article" => article(size),
        _ => panic!("unknown case {kind}: story or article"),
    }
}

/// A writer that only counts the bytes written to it.
struct ByteCount(usize);

impl std::io::Write for ByteCount {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0 += bytes.len();
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Runs one case in this process, writing `format` (`json`, `html`, or `check` for none), and
/// prints one line of figures.
fn run_case(kind: &str, size: usize, format: &str) {
    assert!(
        FORMATS.contains(&format) || format == "check",
        "unknown format {format}: json, html or check"
    );
    let inputs = inputs(kind, size);
    let bytes: usize = inputs.iter().map(|(_, t)| t.len()).sum();
    let options = ParseOptions {
        fallback_date: NaiveDate::from_ymd_opt(2024, 6, 1),
        max_bytes: u64::MAX,
        ..ParseOptions::default()
    };
    let gazetteer = isnad_claims::entities::Gazetteer::builtin();
    // Each stage's time and the resident memory after it: which stage holds the peak.
    let mut stages: Vec<(&str, Duration, f64)> = Vec::new();
    let start = Instant::now();
    let mut stage = Instant::now();
    let mut lap = |name, stages: &mut Vec<(&str, Duration, f64)>| {
        stages.push((name, stage.elapsed(), status_mib("VmRSS:").unwrap_or(f64::NAN)));
        stage = Instant::now();
    };
    let documents: Vec<_> = inputs
        .par_iter()
        .filter_map(|(id, text)| parse_document(id, text.as_bytes(), &options).ok().map(|(d, _)| d))
        .collect();
    drop(inputs);
    lap("parse", &mut stages);
    let analyses = isnad_claims::analyze_story(
        &documents,
        &gazetteer,
        isnad_claims::mentions::Lean::Tense,
        |_| {},
    );
    lap("analyze", &mut stages);
    let check = isnad_graph::check_story(&documents, &analyses, &gazetteer);
    lap("check", &mut stages);
    // Streamed, as `isnad check` writes it: counted, not held.
    let mut written = ByteCount(0);
    if format != "check" {
        let report = isnad_report::Report::build(&documents, &analyses, &check, &[]);
        let written_as = match format {
            "json" => report.write_json(&mut written).map(|()| "json"),
            _ => isnad_report::render_html_to(&report, &documents, &mut written).map(|()| "html"),
        };
        lap(written_as.expect("counting never fails"), &mut stages);
    }
    let elapsed = start.elapsed();
    let claims: usize = analyses.iter().map(|a| a.claims.len()).sum();
    let stage_list: Vec<String> = stages
        .iter()
        .map(|(name, time, rss)| format!("{name} {:.2} s/{rss:.0} MiB", time.as_secs_f64()))
        .collect();
    let output = match format {
        "check" => String::new(),
        _ => format!(", {} {:.1} MB", format.to_uppercase(), written.0 as f64 / 1e6),
    };
    println!(
        "{kind} {size} {format}: {:.1} MB, {claims} claims, {} findings{output}; \
         {:.2} s ({}), peak {:.0} MiB",
        bytes as f64 / 1e6,
        check.findings.len(),
        elapsed.as_secs_f64(),
        stage_list.join(", "),
        peak_rss_mib().unwrap_or(f64::NAN),
    );
}

/// Runs one case in a child process under the address-space limit; returns its output line.
fn spawn_case(kind: &str, size: usize, format: &str) -> Result<String, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let limit_kib = ADDRESS_LIMIT_GIB << 20;
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v {limit_kib} && exec timeout {TIME_LIMIT_SECONDS} \"$0\" --case {kind} {size} {format}"
        ))
        .arg(&exe)
        .output()
        .map_err(|e| e.to_string())?;
    let stdout = String::from_utf8_lossy(&output.stdout).trim().to_string();
    if output.status.success() {
        Ok(stdout)
    } else {
        let stderr = String::from_utf8_lossy(&output.stderr);
        // `timeout` exits with 124 when it stopped the case.
        let last = if output.status.code() == Some(124) {
            format!("stopped after {TIME_LIMIT_SECONDS} s")
        } else {
            stderr.lines().last().unwrap_or("").to_string()
        };
        Err(format!(
            "{kind} {size} {format}: failed ({}) under a {ADDRESS_LIMIT_GIB} GiB address limit and a \
             {TIME_LIMIT_SECONDS} s time limit: {last}",
            output.status
        ))
    }
}

/// The time (s) and peak memory (MiB) of a case's output line.
fn figures(line: &str) -> Option<(f64, f64)> {
    let (_, tail) = line.rsplit_once("; ")?;
    let seconds: f64 = tail.split_whitespace().next()?.parse().ok()?;
    let peak: f64 = tail
        .rsplit_once("peak ")?
        .1
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    Some((seconds, peak))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--write") {
        // `--write story 1000 DIR`: the case's articles as files, to run `isnad check DIR` on them.
        let kind = args.get(at + 1).map_or("story", String::as_str);
        let size = args.get(at + 2).and_then(|s| s.parse().ok()).unwrap_or(1_000);
        let dir = Path::new(args.get(at + 3).map_or("scale-story", String::as_str));
        std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
        for (name, text) in inputs(kind, size) {
            let path = dir.join(name);
            std::fs::write(&path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        }
        return;
    }
    if let Some(at) = args.iter().position(|a| a == "--case") {
        let kind = args.get(at + 1).map_or("story", String::as_str);
        let size = args.get(at + 2).and_then(|s| s.parse().ok()).unwrap_or(1_000);
        // `cargo bench` adds `--bench` after the arguments given to the benchmark.
        match args.get(at + 3).filter(|a| !a.starts_with("--")) {
            // One format (a child started by `spawn_case` comes this way too): run it here.
            Some(format) => run_case(kind, size, format),
            // Asked for by hand without a format: each format in its own process.
            None => {
                let (seconds, mib) = CASES
                    .iter()
                    .find(|c| (c.0, c.1) == (kind, size))
                    .map_or((f64::INFINITY, f64::INFINITY), |c| (c.2, c.3));
                for format in FORMATS {
                    println!("{}", verdict(spawn_case(kind, size, format), seconds, mib));
                }
            }
        }
        return;
    }
    println!(
        "one story of n articles, and one big article (MB), on {} threads; each case writes the \
         JSON report, then the HTML report, in a process of its own",
        rayon::current_num_threads()
    );
    for &(kind, size, seconds, mib) in CASES {
        for format in FORMATS {
            println!("{}", verdict(spawn_case(kind, size, format), seconds, mib));
        }
    }
}

/// A child's line with how it compares with the targets (none for the small cases).
fn verdict(run: Result<String, String>, seconds: f64, mib: f64) -> String {
    let line = match run {
        Ok(line) => line,
        Err(message) => return message,
    };
    if !seconds.is_finite() {
        return line;
    }
    let verdict = match figures(&line) {
        Some((t, m)) if t <= seconds && m <= mib => "within target",
        _ => "OVER TARGET",
    };
    format!("{line} [target ≤ {seconds} s, ≤ {mib} MiB: {verdict}]")
}
