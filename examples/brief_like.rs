//! Writes the brief-like benchmark input to a file, so that whole-process measurements
//! (`/usr/bin/time -v debrief parse`, hyperfine against `pulldown-cmark`) run on the same text
//! the criterion benches generate (see `docs/PERFORMANCE.md`).
//!
//! ```sh
//! cargo run --release --example brief_like -- 10MB /tmp/brief-10mb.txt
//! cargo run --release --example brief_like -- blank-lines /tmp/blank.txt
//! ```
//!
//! The first argument is a size (`1MB`, `10MB`, a number of bytes) for brief-like text, or
//! `one-line`, `blank-lines`, `hyphens-bullets` for the pathological inputs of the benches.
#![allow(clippy::print_stderr, clippy::exit)]

#[path = "../benches/support/brief_like.rs"]
mod brief_like;

const MB: usize = 1024 * 1024;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [what, path] = args.as_slice() else {
        eprintln!("usage: brief_like <SIZE|one-line|blank-lines|hyphens-bullets> <OUTPUT>");
        std::process::exit(2);
    };
    let text = match what.as_str() {
        "one-line" => brief_like::one_line(10 * MB),
        "blank-lines" => brief_like::blank_lines(1_000_000),
        "hyphens-bullets" => brief_like::hyphens_and_bullets(10 * MB),
        size => {
            let bytes = match size.strip_suffix("MB") {
                Some(n) => n.parse::<usize>().map(|n| n * MB),
                None => size.parse::<usize>(),
            };
            let Ok(bytes) = bytes else {
                eprintln!("not a size: {size}");
                std::process::exit(2);
            };
            brief_like::brief_like(bytes)
        }
    };
    if let Err(e) = std::fs::write(path, text) {
        eprintln!("cannot write {path}: {e}");
        std::process::exit(1);
    }
}
