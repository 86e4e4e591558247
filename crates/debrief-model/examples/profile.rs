//! Extraction cost by stage, on the corpus repeated to a given size: a tool for finding what to
//! optimise (the criterion bench `benches/extract.rs` at the workspace root is the measurement).
//!
//! ```sh
//! cargo run --release -p debrief-model --example profile -- /path/to/corpus [iterations]
//! SIZE_MB=1 NO_STAGES=1 THREADS=1 valgrind --tool=callgrind --toggle-collect='profile::measured' \
//!     target/release/examples/profile /path/to/corpus 1
//! ```
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    clippy::exit,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_precision_loss
)]

fn main() {
    // The corpus directory: the first argument, else `$DEBRIEF_CORPUS`.
    let Some(dir) = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("DEBRIEF_CORPUS").ok())
        .map(std::path::PathBuf::from)
    else {
        eprintln!("usage: profile CORPUS_DIR [iterations]  (or set DEBRIEF_CORPUS)");
        std::process::exit(2);
    };
    let mut docs = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().collect();
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for e in entries {
        let id = e.file_name().to_string_lossy().into_owned();
        for name in [format!("{id}.raw.txt"), format!("{id}.source.txt")] {
            if let Ok(t) = std::fs::read_to_string(e.path().join(name)) {
                docs.push(t);
                break;
            }
        }
    }
    let size: usize = std::env::var("SIZE_MB").map_or(10, |s| s.parse().unwrap());
    let mut text = String::new();
    while text.len() < size << 20 {
        for d in &docs {
            text.push_str(d);
            text.push_str("\n\n");
        }
    }
    let doc = debrief_parser::parse(&text);
    // Build the lazily compiled tables (gazetteer, lexicons) before anything is measured.
    std::hint::black_box(debrief_model::extract(&debrief_parser::parse(
        include_str!("../../../examples/data/border-security-brief.txt"),
    )));
    if std::env::var_os("NO_STAGES").is_none() {
        let time = |name: &str, f: &dyn Fn(&str)| {
            let t = std::time::Instant::now();
            for b in &doc.blocks {
                f(&b.text);
            }
            println!("  {name}: {:.3} s", t.elapsed().as_secs_f64());
        };
        time("sentences", &|t| {
            std::hint::black_box(debrief_model::sentences(t));
        });
        time("gazetteer", &|t| {
            std::hint::black_box(debrief_model::Gazetteer::builtin().find(t));
        });
        time("programs", &|t| {
            std::hint::black_box(debrief_model::programs(t));
        });
        time("acronym definitions", &|t| {
            std::hint::black_box(debrief_model::acronym_definitions(t));
        });
        time("quantities", &|t| {
            std::hint::black_box(debrief_model::quantities(t));
        });
        time("topics", &|t| {
            let mut c = debrief_model::TopicCounts::default();
            debrief_model::TopicLexicon::builtin().count(t, &mut c);
        });
    }
    let n: usize = std::env::args().nth(2).map_or(3, |s| s.parse().unwrap());
    // `THREADS=1`: extraction on the calling thread only (`ExtractOptions::parallel(false)`):
    // what callgrind should count, all of the work on one thread.
    let options =
        debrief_model::ExtractOptions::default().parallel(std::env::var_os("THREADS").is_none());
    let t = std::time::Instant::now();
    for _ in 0..n {
        std::hint::black_box(measured(&doc, &options));
    }
    let dt = t.elapsed().as_secs_f64() / n as f64;
    println!(
        "extract: {:.1} MB/s ({dt:.3} s for {} bytes in {} blocks)",
        text.len() as f64 / dt / 1e6,
        text.len(),
        doc.blocks.len()
    );
}

/// The measured call, apart from the warm-up: callgrind's `--toggle-collect=profile::measured`
/// counts only this.
#[inline(never)]
fn measured(
    doc: &debrief_parser::Document<'_>,
    options: &debrief_model::ExtractOptions<'_>,
) -> debrief_model::Brief {
    debrief_model::extract_with(doc, options)
}
