//! Parses a file N times (for profiling): `cargo run --release --example parse_file -- FILE [N]`.
#![allow(clippy::print_stdout, clippy::unwrap_used, missing_docs)]

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap();
    let n: usize = args.next().map_or(1, |s| s.parse().unwrap());
    let text = std::fs::read_to_string(path).unwrap();
    let mut blocks = 0;
    for _ in 0..n {
        blocks += debrief_parser::parse(&text).blocks.len();
    }
    println!("{blocks} blocks");
}
