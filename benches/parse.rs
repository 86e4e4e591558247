//! Parser throughput, read as ratios against two references measured in the same group:
//! `pulldown-cmark` parsing the same bytes as Markdown (events only), and a `memchr` line loop
//! with a per-line check (about the cost of touching every line once).
//!
//! Groups (`cargo bench --bench parse`; a filter such as `-- parse/10MB` runs one):
//! - `parse/seed`, `parse/1MB`, `parse/10MB`: the seed brief, and brief-like text generated
//!   from it (`support/brief_like.rs`: varied bullet glyphs, soft hyphens, ligatures, page
//!   breaks, running headers and footers);
//! - `parse/corpus/<id>`: each `<id>.raw.txt` of the corpus (`$DEBRIEF_CORPUS`, else
//!   `../shared/corpus` beside the workspace), skipped with a message when it is absent;
//! - `scaling`: the parser alone at 1 MB and 10 MB (equal throughput = linear time);
//! - `pathological`: one 10 MB line, a million blank lines, 10 MB of hyphens and bullets only,
//!   each also at a tenth of the size, so that a superlinear stage shows as falling throughput.
//! - `json/1MB`: writing the parsed document as JSON (parsed once before timing):
//!   `Document::write_json`, with objects and with compact source maps, against
//!   `serde_json::to_writer` over the serde derives (what `debrief parse --format json` used
//!   before) in the same group; throughput in bytes of input.
//!
//! See `docs/PERFORMANCE.md` for the figures and how to read them.
#![allow(missing_docs, clippy::print_stderr, clippy::unwrap_used)] // writing into a `Vec` cannot fail

#[path = "support/brief_like.rs"]
mod brief_like;

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main};

use brief_like::SEED;
use debrief::parser::{JsonOptions, SourceMapFormat};

const MB: usize = 1024 * 1024;

/// The reference "one pass over the lines": memchr finds each line end and a per-line check
/// looks at the line's first and last byte (a bullet's lead byte, a line-end hyphen).
fn memchr_lines(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut hits = 0;
    for end in memchr::memchr_iter(b'\n', bytes) {
        let line = &bytes[start..end];
        if matches!(line.first(), Some(0xE2 | b'-')) || line.last() == Some(&b'-') {
            hits += 1;
        }
        start = end + 1;
    }
    hits
}

fn configure(group: &mut BenchmarkGroup<'_, WallTime>, bytes: usize) {
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    // A second of samples for a brief, more for the megabyte inputs (ten samples at least).
    let secs = match bytes {
        b if b >= 4 * MB => 6,
        b if b >= MB / 4 => 2,
        _ => 1,
    };
    group.measurement_time(Duration::from_secs(secs));
    group.warm_up_time(Duration::from_millis(500));
}

/// The parser and both references over `text`, in one group.
fn side_by_side(c: &mut Criterion, name: &str, text: &str) {
    let mut group = c.benchmark_group(name);
    configure(&mut group, text.len());
    group.bench_function("debrief", |b| {
        b.iter(|| debrief::parser::parse(black_box(text)));
    });
    group.bench_function("pulldown-cmark", |b| {
        b.iter(|| pulldown_cmark::Parser::new(black_box(text)).count());
    });
    group.bench_function("memchr-lines", |b| {
        b.iter(|| memchr_lines(black_box(text)));
    });
    group.finish();
}

/// The corpus folder: `$DEBRIEF_CORPUS`, else `../shared/corpus` beside the workspace.
fn corpus_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("DEBRIEF_CORPUS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
        PathBuf::from,
    );
    dir.is_dir().then_some(dir)
}

fn parse(c: &mut Criterion) {
    side_by_side(c, "parse/seed", SEED);
    side_by_side(c, "parse/1MB", &brief_like::brief_like(MB));
    side_by_side(c, "parse/10MB", &brief_like::brief_like(10 * MB));
}

fn corpus(c: &mut Criterion) {
    let Some(dir) = corpus_dir() else {
        eprintln!("parse/corpus: skipped, no corpus (set DEBRIEF_CORPUS or add ../shared/corpus)");
        return;
    };
    let mut docs: Vec<(String, String)> = Vec::new();
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let id = entry.file_name().to_string_lossy().into_owned();
        if let Ok(text) = std::fs::read_to_string(entry.path().join(format!("{id}.raw.txt"))) {
            docs.push((id, text));
        }
    }
    docs.sort();
    for (id, text) in &docs {
        side_by_side(c, &format!("parse/corpus/{id}"), text);
    }
}

fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("scaling");
    for (label, bytes) in [("1MB", MB), ("10MB", 10 * MB)] {
        let text = brief_like::brief_like(bytes);
        configure(&mut group, text.len());
        group.bench_function(label, |b| {
            b.iter(|| debrief::parser::parse(black_box(&text)));
        });
    }
    group.finish();
}

fn pathological(c: &mut Criterion) {
    let mut group = c.benchmark_group("pathological");
    let inputs = [
        ("one-line/1MB", brief_like::one_line(MB)),
        ("one-line/10MB", brief_like::one_line(10 * MB)),
        ("blank-lines/100k", brief_like::blank_lines(100_000)),
        ("blank-lines/1M", brief_like::blank_lines(1_000_000)),
        ("hyphens-bullets/1MB", brief_like::hyphens_and_bullets(MB)),
        (
            "hyphens-bullets/10MB",
            brief_like::hyphens_and_bullets(10 * MB),
        ),
    ];
    for (label, text) in &inputs {
        configure(&mut group, text.len());
        group.bench_function(*label, |b| {
            b.iter(|| debrief::parser::parse(black_box(text)));
        });
    }
    group.finish();
}

/// The JSON writer against `serde_json`, in one group.
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

criterion_group!(benches, parse, corpus, scaling, pathological, json);
criterion_main!(benches);
