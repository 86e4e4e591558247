//! Parser throughput, with pulldown-cmark over the same bytes as the in-group reference: the
//! seed brief alone, and ten megabytes of brief-like text (the seed repeated as pages, with a
//! running footer and a page number on each, so that every stage has work to do).
#![allow(missing_docs)]

use std::fmt::Write as _;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const SEED: &str = include_str!("../examples/data/border-security-brief.txt");

/// About `bytes` of brief-like text: seed pages separated by form feeds, each ending with a
/// running footer.
fn brief_like(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + SEED.len());
    let mut page = 1;
    while out.len() < bytes {
        out.push_str(SEED);
        let _ = write!(out, "\nPage {page} GAO-13-123 Border Security\n\x0c");
        page += 1;
    }
    out
}

fn group(c: &mut Criterion, name: &str, text: &str, time: Duration) {
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.measurement_time(time);
    group.sample_size(10);
    group.bench_function("debrief", |b| {
        b.iter(|| debrief::parser::parse(std::hint::black_box(text)));
    });
    group.bench_function("pulldown-cmark", |b| {
        b.iter(|| pulldown_cmark::Parser::new(std::hint::black_box(text)).count());
    });
    group.finish();
}

fn parse(c: &mut Criterion) {
    group(c, "parse/seed", SEED, Duration::from_secs(3));
    let big = brief_like(10 * 1024 * 1024);
    group(c, "parse/10MB", &big, Duration::from_secs(10));
}

criterion_group!(benches, parse);
criterion_main!(benches);
