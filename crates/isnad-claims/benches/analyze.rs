//! Throughput of the whole claims layer (`analyze`: mentions, entities, claims) and of the entity
//! finder alone, over the seed and fixture articles repeated to ≥ 50 MB of parsed documents.
//!
//! Every article is parsed once; an iteration walks the list of documents again and again until it
//! has read the target size, so the cost per document stays that of a real article (the
//! document-wide passes must be linear, not the corpus).
//! Run: `cargo bench -p isnad-claims --bench analyze -- --quick` (target ≥ 15 MB/s on one core).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use isnad_claims::analyze;
use isnad_claims::entities::{Gazetteer, find_entities};
use isnad_claims::mentions::{Lean, document_mentions};
use isnad_parser::{Document, ParseOptions, parse_document};
use std::hint::black_box;

// The same allocator as the `isnad` binary, so the benchmark measures what users run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::path::{Path, PathBuf};

/// Bytes of text the benchmark reads per iteration, at least.
const TARGET_BYTES: usize = 50 * 1024 * 1024;

fn txt_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            txt_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "txt") {
            out.push(path);
        }
    }
}

/// The parsed seeds and fixture articles, and how many passes over them reach the target size.
fn corpus() -> (Vec<Document>, usize) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut paths = Vec::new();
    txt_files(&root.join("seeds"), &mut paths);
    txt_files(&root.join("fixtures"), &mut paths);
    paths.sort();
    let docs: Vec<Document> = paths
        .iter()
        .map(|path| {
            let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let id = path.to_string_lossy().to_string();
            parse_document(&id, &bytes, &ParseOptions::default())
                .unwrap_or_else(|e| panic!("{}: {e:?}", path.display()))
                .0
        })
        .collect();
    let once: usize = docs.iter().map(|d| d.source.len()).sum();
    assert!(once > 0, "no articles under {}", root.display());
    // `ISNAD_BENCH_MIB=N` reads N MiB instead: small enough for `valgrind --tool=callgrind`, whose
    // instruction counts compare two builds where a loaded machine's timings cannot.
    let target = std::env::var("ISNAD_BENCH_MIB")
        .ok()
        .and_then(|m| m.parse::<usize>().ok())
        .map_or(TARGET_BYTES, |mib| mib * 1024 * 1024);
    (docs, target.div_ceil(once))
}

/// `ISNAD_BENCH_ONCE=analyze|entities|mentions`: one timed pass instead of criterion's sampling, for
/// `perf stat` (cycles and instructions do not depend on the machine's load as time does).
fn once(which: &str) {
    let (docs, passes) = corpus();
    let bytes: usize = docs.iter().map(|d| d.source.len()).sum::<usize>() * passes;
    let gazetteer = Gazetteer::builtin();
    // One article builds the lexicons; the first pass over the others then meets most of their
    // words for the first time, as a run over new text does: the readers' per-run memos of each
    // distinct word are cold there and warm in the timed passes, which repeat the corpus.
    analyze(&docs[0], &gazetteer, Lean::Tense);
    let first_start = std::time::Instant::now();
    for doc in &docs {
        analyze(doc, &gazetteer, Lean::Tense);
    }
    let first = first_start.elapsed();
    let once_bytes = bytes / passes;
    println!(
        "{which}: first pass (words new to the per-run memos): {:.1} MiB in {first:.2?}: {:.2} MiB/s",
        once_bytes as f64 / 1048576.0,
        once_bytes as f64 / 1048576.0 / first.as_secs_f64()
    );
    let cpu_start = thread_cpu_seconds();
    let start = std::time::Instant::now();
    let mut count = 0usize;
    for _ in 0..passes {
        for doc in &docs {
            count += match which {
                "entities" => find_entities(black_box(doc), &gazetteer).mentions.len(),
                "mentions" => document_mentions(black_box(doc), Lean::Tense).len(),
                _ => analyze(black_box(doc), &gazetteer, Lean::Tense).claims.len(),
            };
        }
    }
    let elapsed = start.elapsed();
    let cpu = thread_cpu_seconds() - cpu_start;
    println!(
        "{which}: {count} items, {:.1} MiB in {elapsed:.2?}: {:.2} MiB/s; {cpu:.2}s CPU: {:.2} MiB/s",
        bytes as f64 / 1048576.0,
        bytes as f64 / 1048576.0 / elapsed.as_secs_f64(),
        bytes as f64 / 1048576.0 / cpu
    );
}

/// CPU time of this thread (user + system) from `/proc`, in seconds (0 where unavailable).
fn thread_cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/thread-self/stat") else {
        return 0.0;
    };
    // Fields after the command name (which may hold spaces): utime and stime are 14th and 15th.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

fn bench(c: &mut Criterion) {
    if let Ok(which) = std::env::var("ISNAD_BENCH_ONCE") {
        once(&which);
        return;
    }
    let (docs, passes) = corpus();
    let bytes: usize = docs.iter().map(|d| d.source.len()).sum::<usize>() * passes;
    let gazetteer = Gazetteer::builtin();
    // Build the matchers before timing.
    for doc in &docs {
        analyze(doc, &gazetteer, Lean::Tense);
    }

    let mut group = c.benchmark_group("claims");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("analyze", |b| {
        b.iter(|| {
            let mut count = 0usize;
            for _ in 0..passes {
                for doc in &docs {
                    let a = analyze(black_box(doc), &gazetteer, Lean::Tense);
                    count += a.mentions.len() + a.entities.mentions.len() + a.claims.len();
                }
            }
            count
        })
    });
    group.finish();

    let mut group = c.benchmark_group("entities");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("find_entities", |b| {
        b.iter(|| {
            let mut count = 0usize;
            for _ in 0..passes {
                for doc in &docs {
                    count += find_entities(black_box(doc), &gazetteer).mentions.len();
                }
            }
            count
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
