//! The corpus in `../shared/corpus` (or `$DEBRIEF_CORPUS`): every extraction of every
//! document parses with all invariants holding, and the CRS reports are read close to their
//! gold text. Skips, saying so, when the corpus is absent. No corpus text is stored here.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use std::io::Write as _;
use std::path::PathBuf;

use debrief_parser::eval::{self, Evaluation, Gold};

fn corpus() -> Option<PathBuf> {
    let dir = std::env::var_os("DEBRIEF_CORPUS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"),
        PathBuf::from,
    );
    if dir.is_dir() {
        Some(dir)
    } else {
        // Written past the test harness's capture, so that the skip shows in every run.
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED: no corpus at {} (set DEBRIEF_CORPUS)",
            dir.display()
        );
        None
    }
}

/// Every text file of every document folder, with the folder's gold reading if it has one.
fn documents(dir: &PathBuf) -> Vec<(PathBuf, Option<Gold>)> {
    let mut out = Vec::new();
    let mut folders: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    for folder in folders {
        let gold_path = folder.join("gold.congressgov.md");
        let gold = gold_path
            .is_file()
            .then(|| Gold::from_congress_markdown(&std::fs::read_to_string(&gold_path).unwrap()));
        let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        for f in files {
            out.push((f, gold.clone()));
        }
    }
    out
}

#[test]
fn every_extraction_keeps_the_invariants() {
    let Some(dir) = corpus() else { return };
    let docs = documents(&dir);
    assert!(docs.len() >= 19, "the corpus has its documents");
    for (path, _) in &docs {
        let text = std::fs::read_to_string(path).unwrap();
        let doc = debrief_parser::parse(&text);
        assert!(!doc.blocks.is_empty(), "{} has blocks", path.display());
        common::check(&text, &doc);
    }
}

/// The fast JSON writer writes what serde writes, on real documents, and their compact
/// source maps read back to the same document.
#[test]
fn every_extraction_is_written_as_serde_writes_it() {
    use debrief_parser::{Document, JsonOptions, SourceMapFormat};
    let Some(dir) = corpus() else { return };
    for (path, _) in documents(&dir) {
        let text = std::fs::read_to_string(&path).unwrap();
        let doc = debrief_parser::parse(&text);
        let mut fast = Vec::new();
        doc.write_json(&mut fast, JsonOptions::default()).unwrap();
        assert!(
            fast == serde_json::to_vec(&doc).unwrap(),
            "{}: the JSON differs from serde's",
            path.display()
        );
        let mut compact = Vec::new();
        let options = JsonOptions::default().source_maps(SourceMapFormat::Compact);
        doc.write_json(&mut compact, options).unwrap();
        let back: Document<'_> = serde_json::from_slice(&compact).unwrap();
        assert!(back.with_source(&text) == doc, "{}", path.display());
    }
}

#[test]
fn raw_extractions_read_close_to_the_gold() {
    let Some(dir) = corpus() else { return };
    let mut total = Evaluation::default();
    for (path, gold) in documents(&dir) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let raw = name.ends_with(".raw.txt") || name.ends_with(".source.txt");
        if !raw {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let doc = debrief_parser::parse(&text);
        let e = eval::evaluate(&doc, gold.as_ref());
        assert_eq!(
            e.furniture_left, 0,
            "{name}: running headers or footers left in the text"
        );
        total.hyphens.add(e.hyphens);
        total.paragraphs.add(e.paragraphs);
        total.headings.add(e.headings);
    }
    // Floors under the figures reached (see `debrief eval`); a change that lowers one fails.
    let pct = |s: eval::Score| s.percent().unwrap_or(0.0);
    assert!(
        total.hyphens.total >= 20 && pct(total.hyphens) >= 95.0,
        "hyphens {:?}",
        total.hyphens
    );
    assert!(
        total.paragraphs.total >= 200 && pct(total.paragraphs) >= 84.0,
        "paragraphs {:?}",
        total.paragraphs
    );
    assert!(
        total.headings.total >= 50 && pct(total.headings) >= 95.0,
        "headings {:?}",
        total.headings
    );
}
