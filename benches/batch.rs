//! The work of `debrief batch` over the corpus — every `pdftotext -raw` text parsed, extracted
//! and serialised to a JSON line — on one thread (the reference) and on all of them, in one
//! group, so that the ratio is the parallel speed-up.
//!
//! The corpus is read from `$DEBRIEF_CORPUS`, else `../shared/corpus`; without it the bench
//! says so and measures nothing. Reading files is left out: they are read once, before timing.
#![allow(
    missing_docs,
    clippy::print_stderr,
    clippy::expect_used,
    clippy::unwrap_used
)]

use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;

/// Every `<id>/<id>.raw.txt` of the corpus, in id order.
fn corpus() -> Option<Vec<String>> {
    let dir = std::env::var_os("DEBRIEF_CORPUS").map_or_else(
        || PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus")),
        PathBuf::from,
    );
    let mut entries: Vec<_> = std::fs::read_dir(&dir).ok()?.flatten().collect();
    entries.sort_by_key(std::fs::DirEntry::file_name);
    let docs: Vec<String> = entries
        .iter()
        .filter_map(|e| {
            let id = e.file_name().to_string_lossy().into_owned();
            std::fs::read_to_string(e.path().join(format!("{id}.raw.txt"))).ok()
        })
        .collect();
    if docs.is_empty() {
        eprintln!(
            "batch bench: SKIPPED, no corpus at {} (set DEBRIEF_CORPUS)",
            dir.display()
        );
        return None;
    }
    Some(docs)
}

/// One document's line of `debrief batch` output.
fn line(text: &str) -> String {
    let report = debrief::analyze(text, None);
    serde_json::to_string(&report.brief).unwrap()
}

fn batch(c: &mut Criterion) {
    let Some(docs) = corpus() else {
        return;
    };
    let bytes: usize = docs.iter().map(String::len).sum();
    let all = rayon::current_num_threads();
    let mut group = c.benchmark_group(format!("batch/corpus-raw-{}-docs", docs.len()));
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    for threads in [1, all] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        let name = if threads == 1 {
            "1 thread (reference)".to_owned()
        } else {
            format!("{threads} threads")
        };
        group.bench_function(name, |b| {
            b.iter(|| {
                pool.install(|| {
                    docs.par_iter()
                        .map(|d| line(std::hint::black_box(d)))
                        .collect::<Vec<String>>()
                })
            });
        });
    }
    group.finish();
}

criterion_group!(benches, batch);
criterion_main!(benches);
