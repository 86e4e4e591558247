//! Brief-like text of any size, generated from the seed brief (shared by `benches/parse.rs` and
//! `examples/brief_like.rs`, which writes it to a file for whole-process measurements; nothing
//! generated is committed).
//!
//! The seed's lines are laid out on pages of about fifty lines, each opened by a running header
//! and closed by a running footer with a rising page number, pages separated by form feeds, as
//! `pdftotext` writes them. Each copy of the seed varies what a parser must handle: the bullet
//! glyph (`■■`, `•`, `▪`, `●`, a symbol-font private-use bullet, `◦`), line-end hyphens written
//! as soft hyphens (U+00AD) in every third copy, a soft hyphen inside a word and an `fi`
//! ligature in every other copy. The output is the same for the same size on every run.
//!
//! The pathological inputs (one long line, blank lines only, hyphens and bullets only) are here
//! too, so that every benchmark input comes from one place.

#![allow(dead_code)] // each includer uses part of it

use std::fmt::Write as _;

/// The seed brief.
pub(crate) const SEED: &str = debrief::seed::BRIEF;

/// Body lines per page.
const PAGE_LINES: usize = 50;

/// Bullet glyphs, one per copy of the seed in turn.
const BULLETS: [&str; 6] = ["■■", "•", "▪", "●", "\u{F0B7}", "◦"];

/// About `bytes` bytes (a little more: the last page is finished) of brief-like text made
/// from the seed brief.
pub(crate) fn brief_like(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 4096);
    let mut page = 1usize;
    let mut on_page = 0usize;
    header(&mut out);
    let mut copy = 0usize;
    while out.len() < bytes {
        let bullet = BULLETS[copy % BULLETS.len()];
        let soft_breaks = copy % 3 == 1;
        let decorate = copy % 2 == 1;
        for line in SEED.lines() {
            let mut line = line.replace("■■", bullet);
            if soft_breaks && line.trim_end().ends_with('-') {
                let cut = line.trim_end().len() - 1;
                line.replace_range(cut..=cut, "\u{AD}");
            }
            if decorate {
                line = line
                    .replace("security", "secu\u{AD}rity")
                    .replace("fi", "\u{FB01}");
            }
            out.push_str(&line);
            out.push('\n');
            on_page += 1;
            if on_page == PAGE_LINES {
                footer(&mut out, page);
                page += 1;
                on_page = 0;
                header(&mut out);
            }
        }
        copy += 1;
    }
    footer(&mut out, page);
    out
}

fn header(out: &mut String) {
    out.push_str("Border Security and the U.S.–Mexico Partnership\n\n");
}

fn footer(out: &mut String, page: usize) {
    let _ = write!(out, "\nGAO-13-123 Border Security\n{page}\n\x0c");
}

/// One line of `bytes` bytes (words of the seed, without line breaks).
pub(crate) fn one_line(bytes: usize) -> String {
    let words: Vec<&str> = SEED.split_whitespace().collect();
    let mut out = String::with_capacity(bytes + 32);
    for w in words.iter().cycle() {
        if out.len() >= bytes {
            break;
        }
        out.push_str(w);
        out.push(' ');
    }
    out
}

/// `n` blank lines, and a line of text at each end.
pub(crate) fn blank_lines(n: usize) -> String {
    let mut out = String::with_capacity(n + 64);
    out.push_str("A first line.\n");
    out.extend(std::iter::repeat_n('\n', n));
    out.push_str("A last line.\n");
    out
}

/// About `bytes` bytes of lines made only of hyphens and bullets (`-`, `• -`, `■■`, `- - -`…):
/// every line is a marker or a line-end hyphen, the worst case for the marker grammar and for
/// joining lines.
pub(crate) fn hyphens_and_bullets(bytes: usize) -> String {
    const LINES: [&str; 8] = ["-", "• -", "■■", "- - -", "•", "–", "■■ -", "--"];
    let mut out = String::with_capacity(bytes + 16);
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(LINES[i % LINES.len()]);
        out.push('\n');
        i += 1;
    }
    out
}
