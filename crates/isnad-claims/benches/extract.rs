//! Throughput of mention extraction (all finders) over the seed articles repeated to ≥ 50 MB.
//!
//! Each seed is parsed once for its sentences; the corpus is the seeds concatenated again and
//! again, and `extract_mentions` runs sentence by sentence as `document_mentions` does.
//! Run: `cargo bench -p isnad-claims --bench extract -- --quick` (target ≥ 30 MB/s on one core).

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use isnad_claims::mentions::{Lean, MentionContext, extract_mentions};
use isnad_parser::{ParseOptions, Span, parse_document};
use std::hint::black_box;
use std::path::PathBuf;

/// Bytes of text the benchmark reads per iteration, at least.
const TARGET_BYTES: usize = 50 * 1024 * 1024;

/// The repeated corpus and its sentence spans.
fn corpus() -> (String, Vec<Span>) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut seeds: Vec<(String, Vec<Span>)> = Vec::new();
    for path in &paths {
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let (doc, _) = parse_document(&name, &bytes, &ParseOptions::default())
            .unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
        let spans = doc.sentences.iter().map(|s| s.span).collect();
        seeds.push((doc.source, spans));
    }
    assert!(!seeds.is_empty(), "no seeds in {}", dir.display());
    let mut text = String::with_capacity(TARGET_BYTES + 64 * 1024);
    let mut spans = Vec::new();
    while text.len() < TARGET_BYTES {
        for (source, sentences) in &seeds {
            let base = text.len();
            text.push_str(source);
            text.push('\n');
            spans.extend(sentences.iter().map(|s| Span::new(base + s.start, base + s.end)));
        }
    }
    (text, spans)
}

fn bench(c: &mut Criterion) {
    let (text, spans) = corpus();
    let context = MentionContext {
        reference: NaiveDate::from_ymd_opt(2024, 6, 19),
        lean: Lean::Tense,
    };
    let mut group = c.benchmark_group("mentions");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function("extract_mentions", |b| {
        b.iter(|| {
            let mut count = 0usize;
            for span in &spans {
                count += extract_mentions(black_box(&text), *span, &context).len();
            }
            count
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
