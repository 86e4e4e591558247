//! Writes the `Brief` of every corpus text (and of the 10 MB bench input made from the corpus) as
//! JSON into a directory: run it before and after a change to extraction, then `diff -r` the two
//! directories to see exactly what the change did to the output.
//!
//! ```sh
//! cargo run --release -p debrief-model --example dump_briefs -- /path/to/corpus /tmp/before
//! # … change the code …
//! cargo run --release -p debrief-model --example dump_briefs -- /path/to/corpus /tmp/after
//! diff -r /tmp/before /tmp/after
//! ```
#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

fn main() {
    let mut args = std::env::args().skip(1);
    let corpus = PathBuf::from(args.next().expect("a corpus directory"));
    let out = PathBuf::from(args.next().expect("an output directory"));
    std::fs::create_dir_all(&out).unwrap();
    let mut dirs: Vec<_> = std::fs::read_dir(&corpus)
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_dir())
        .collect();
    dirs.sort_by_key(std::fs::DirEntry::file_name);
    let seed =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/data/border-security-brief.txt");
    let mut files = vec![seed];
    for dir in &dirs {
        let mut texts: Vec<PathBuf> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|f| f.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "md"))
            .collect();
        texts.sort();
        files.extend(texts);
    }
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let parent = file.parent().and_then(Path::file_name).unwrap_or_default();
        let name = format!(
            "{}__{}.json",
            parent.to_string_lossy(),
            file.file_name().unwrap_or_default().to_string_lossy()
        );
        write(&out.join(name), &text);
    }
    // The bench input: each document's pdftotext -raw text (or its text source), repeated to
    // 10 MB, as `benches/extract.rs` builds it.
    let mut docs = Vec::new();
    for dir in &dirs {
        let id = dir.file_name().to_string_lossy().into_owned();
        for name in [format!("{id}.raw.txt"), format!("{id}.source.txt")] {
            if let Ok(text) = std::fs::read_to_string(dir.path().join(name)) {
                docs.push(text);
                break;
            }
        }
    }
    let mut text = String::new();
    while !docs.is_empty() && text.len() < 10 << 20 {
        for d in &docs {
            text.push_str(d);
            text.push_str("\n\n");
        }
    }
    write(&out.join("bench-10MB.json"), &text);
    println!("{} briefs written to {}", files.len() + 1, out.display());
}

fn write(path: &Path, text: &str) {
    let brief = debrief_model::extract(&debrief_parser::parse(text));
    std::fs::write(path, serde_json::to_string_pretty(&brief).unwrap()).unwrap();
}
