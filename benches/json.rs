//! Writing a parsed document as JSON, read as a ratio against `serde_json` in the same group.
//!
//! `cargo bench --bench json`: 1 MB of brief-like text (`support/brief_like.rs`) parsed once
//! before timing, then written into memory by
//! - `serde_json`: `serde_json::to_writer` over the serde derives (the reference; what
//!   `debrief parse --format json` did before `Document::write_json`);
//! - `write_json`: the parser's own writer, the same bytes;
//! - `write_json-compact`: the same with the compact source-map encoding (a third of the bytes).
//!
//! Throughput is in bytes of input. See `docs/PERFORMANCE.md`, "Whole process".
#![allow(missing_docs, clippy::unwrap_used)] // writing into a `Vec` cannot fail

#[path = "support/brief_like.rs"]
mod brief_like;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use debrief::parser::{JsonOptions, SourceMapFormat};

const MB: usize = 1024 * 1024;

fn json(c: &mut Criterion) {
    let text = brief_like::brief_like(MB);
    let doc = debrief::parser::parse(&text);
    let mut group = c.benchmark_group("json/1MB");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(3));
    let mut out = Vec::with_capacity(16 * MB);
    group.bench_function("serde_json", |b| {
        b.iter(|| {
            out.clear();
            serde_json::to_writer(&mut out, black_box(&doc)).unwrap();
            out.len()
        });
    });
    for (name, maps) in [
        ("write_json", SourceMapFormat::Objects),
        ("write_json-compact", SourceMapFormat::Compact),
    ] {
        let options = JsonOptions::default().source_maps(maps);
        group.bench_function(name, |b| {
            b.iter(|| {
                out.clear();
                black_box(&doc).write_json(&mut out, options).unwrap();
                out.len()
            });
        });
    }
    group.finish();
}

criterion_group!(benches, json);
criterion_main!(benches);
