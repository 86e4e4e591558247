//! Parser throughput on the seed brief, with pulldown-cmark over the same bytes as the reference.
#![allow(missing_docs)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const SEED: &str = include_str!("../examples/data/border-security-brief.txt");

fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse/seed");
    group.throughput(Throughput::Bytes(SEED.len() as u64));
    group.bench_function("debrief", |b| {
        b.iter(|| debrief::parser::parse(std::hint::black_box(SEED)));
    });
    group.bench_function("pulldown-cmark", |b| {
        b.iter(|| pulldown_cmark::Parser::new(std::hint::black_box(SEED)).count());
    });
    group.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
