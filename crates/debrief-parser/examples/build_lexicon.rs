//! Builds `data/lexicon.fst`, the English word list the parser embeds for dehyphenation and
//! glued-word splitting. Run once by `data/build-lexicon.sh` (which installs the Debian word
//! lists first); the output is committed, so a build never reads `/usr/share/dict`.
//!
//! Usage: `cargo run -p debrief-parser --example build_lexicon -- OUT COMMON LARGE...`
//!
//! `COMMON` is the SCOWL list of common words (Debian `wamerican`, size 50); every `LARGE` file
//! adds rarer words and inflections (`wamerican-large`, the affix-expanded hunspell `en_US`).
//! Each word maps to flags: 1 = in the common list, 2 = in a larger list only, 4 = written
//! only with a capital (a proper noun). Keys are lower case; possessives (`'s`) are dropped.
#![allow(clippy::print_stdout, clippy::print_stderr, missing_docs)]

use std::collections::BTreeMap;
use std::error::Error;

const COMMON: u64 = 1;
const LARGE: u64 = 2;
const PROPER: u64 = 4;
/// Internal marker: the word was seen written in lower case somewhere.
const SEEN_LOWER: u64 = 8;

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [out, common, large @ ..] = args.as_slice() else {
        return Err("usage: build_lexicon OUT COMMON LARGE...".into());
    };
    let mut words: BTreeMap<String, u64> = BTreeMap::new();
    let mut add = |path: &str, flag: u64| -> Result<(), Box<dyn Error>> {
        let text = std::fs::read_to_string(path)?;
        for raw in text.lines() {
            let word = raw.trim();
            if word.is_empty() || word.ends_with("'s") || !word.chars().all(char::is_alphabetic) {
                continue;
            }
            let lower = word.to_lowercase();
            let capital = word.chars().next().is_some_and(char::is_uppercase);
            let entry = words.entry(lower).or_insert(0);
            *entry |= flag;
            *entry |= if capital { PROPER } else { SEEN_LOWER };
        }
        Ok(())
    };
    add(common, COMMON)?;
    for path in large {
        add(path, LARGE)?;
    }
    let mut builder = fst::MapBuilder::new(std::io::BufWriter::new(std::fs::File::create(out)?))?;
    let mut n = 0usize;
    for (word, flags) in &words {
        let mut flags = *flags;
        if flags & COMMON != 0 {
            flags &= !LARGE;
        }
        if flags & SEEN_LOWER != 0 {
            flags &= !PROPER;
        }
        flags &= !SEEN_LOWER;
        builder.insert(word, flags)?;
        n += 1;
    }
    builder.finish()?;
    println!("{n} words written to {out}");
    Ok(())
}
