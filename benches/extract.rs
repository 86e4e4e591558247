//! Extraction throughput (`debrief::model::extract`, on all threads and on one) over about
//! 10 MB of parsed corpus text, with two references in the same group: a plain word-splitting
//! loop over the same blocks (the floor of any word-level reading of the text), and parsing the
//! same bytes.
//!
//! The input is every corpus document's `pdftotext -raw` text (or its text-only source),
//! repeated until it reaches 10 MB, parsed once before timing. The corpus is read from
//! `$DEBRIEF_CORPUS`, else `../shared/corpus`; without it the seed brief is repeated instead
//! (and the bench says so).
#![allow(
    missing_docs,
    clippy::print_stderr,
    clippy::expect_used,
    clippy::unwrap_used
)]

use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const SEED: &str = debrief::seed::BRIEF;
const TARGET: usize = 10 * 1024 * 1024;

fn corpus_text() -> String {
    let dir = std::env::var_os("DEBRIEF_CORPUS").map_or_else(
        || PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus")),
        PathBuf::from,
    );
    let mut docs = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&dir) {
        let mut entries: Vec<_> = entries.flatten().collect();
        entries.sort_by_key(std::fs::DirEntry::file_name);
        for entry in entries {
            let id = entry.file_name().to_string_lossy().into_owned();
            for name in [format!("{id}.raw.txt"), format!("{id}.source.txt")] {
                if let Ok(text) = std::fs::read_to_string(entry.path().join(name)) {
                    docs.push(text);
                    break;
                }
            }
        }
    }
    if docs.is_empty() {
        eprintln!(
            "extract bench: no corpus at {}; repeating the seed brief",
            dir.display()
        );
        docs.push(SEED.to_owned());
    }
    let mut text = String::with_capacity(TARGET + 200_000);
    while text.len() < TARGET {
        for d in &docs {
            text.push_str(d);
            text.push_str("\n\n");
        }
    }
    text
}

fn extract(c: &mut Criterion) {
    let text = corpus_text();
    let doc = debrief::parser::parse(&text);
    let mut group = c.benchmark_group("extract/corpus-10MB");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function("extract", |b| {
        b.iter(|| debrief::model::extract(std::hint::black_box(&doc)));
    });
    // The same on the calling thread only (`ExtractOptions::parallel(false)`): extraction reads
    // a large document's blocks on all of rayon's threads by default. On a machine whose cores
    // are busy with other work, this is the figure that says what extraction costs.
    let one_thread = debrief::model::ExtractOptions::default().parallel(false);
    group.bench_function("extract (one thread)", |b| {
        b.iter(|| debrief::model::extract_with(std::hint::black_box(&doc), &one_thread));
    });
    // The first reference: one plain pass over the words of every block (split at whitespace,
    // each word's bytes summed so that the pass is not optimised away).
    group.bench_function("split words (reference)", |b| {
        b.iter(|| {
            let mut sum = 0usize;
            for block in &std::hint::black_box(&doc).blocks {
                for word in block.text.split_whitespace() {
                    sum = sum.wrapping_add(word.len());
                }
            }
            sum
        });
    });
    // The second reference: parsing the same bytes.
    group.bench_function("parse (reference)", |b| {
        b.iter(|| debrief::parser::parse(std::hint::black_box(&text)));
    });
    group.finish();
}

criterion_group!(benches, extract);
criterion_main!(benches);
