//! The malformed-input fixture suite: every file in `tests/fixtures/malformed/` is loaded by the
//! library its name says, and the outcome is snapshotted (`tests/snapshots/malformed__<file>.snap`):
//!
//! - `brief-*`: bytes → `debrief::parser::parse_bytes`; an error as `file:line:column: message`
//!   with the source line and a caret, or — for valid but odd input (a BOM, CRLF, empty) — the
//!   document: style, blocks, artifacts and diagnostics, with their byte spans;
//! - `catalog-*.toml`: `Catalog::from_toml`; the error rendered with its position, or the
//!   loaded catalog's indicators and their assessment;
//! - `csv-*.csv`: `Catalog::load_observations_csv` into the seed catalog
//!   (`examples/data/border-security-catalog.toml`); the error with its position, or the rows
//!   loaded and the series they made.
//!
//! Every error must carry a position (a test below checks it), and the table of cases in
//! `docs/RELIABILITY.md` must list exactly the files of the folder.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use debrief::metrics::{AssessOptions, Catalog, assess};
use debrief::parser::{self, Document, LineIndex, check::verify};

const SEED_CATALOG: &str = include_str!("../examples/data/border-security-catalog.toml");

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/malformed");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

fn name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

/// What loading one fixture gives, and whether it was an error with a position.
struct Outcome {
    shown: String,
    /// `None`: loaded; `Some(true)`: an error with a position; `Some(false)`: without one.
    positioned_error: Option<bool>,
}

fn load(path: &Path) -> Outcome {
    let file = name(path);
    let bytes = std::fs::read(path).unwrap();
    if file.starts_with("brief-") {
        brief(&file, &bytes)
    } else if file.starts_with("catalog-") {
        catalog(&file, std::str::from_utf8(&bytes).unwrap())
    } else if file.starts_with("csv-") {
        observations(&file, std::str::from_utf8(&bytes).unwrap())
    } else {
        panic!("{file}: a fixture's name starts with brief-, catalog- or csv-");
    }
}

/// `file:line:column: message`, the line, and a caret, as the CLI prints errors.
fn caret(file: &str, source: &str, offset: usize, message: &str) -> String {
    let index = LineIndex::new(source);
    let (line, column) = index.line_col(source, offset);
    let text = index
        .line_span(source, line)
        .and_then(|s| s.slice(source))
        .unwrap_or_default();
    format!(
        "{file}:{line}:{column}: {message}\n  |\n  | {}\n  | {}^",
        text.escape_debug(),
        " ".repeat(column - 1)
    )
}

fn brief(file: &str, bytes: &[u8]) -> Outcome {
    match parser::parse_bytes(bytes) {
        Err(e) => {
            // The bytes before the error are valid UTF-8: line and column count over them,
            // the rest of the line shown lossily.
            let shown_source = String::from_utf8_lossy(bytes);
            let before = std::str::from_utf8(&bytes[..e.offset()]).unwrap();
            let offset_in_shown = before.len();
            Outcome {
                shown: caret(file, &shown_source, offset_in_shown, &e.to_string()),
                positioned_error: Some(e.offset() <= bytes.len()),
            }
        }
        Ok(doc) => {
            verify(doc.source(), &doc).unwrap_or_else(|v| panic!("{file}: {v}"));
            Outcome {
                shown: document(&doc),
                positioned_error: None,
            }
        }
    }
}

fn cut(text: &str) -> String {
    let mut s: String = text.chars().take(60).collect();
    if s.len() < text.len() {
        s.push('…');
    }
    format!("{s:?}")
}

fn document(doc: &Document<'_>) -> String {
    let mut out = format!(
        "document ({} bytes), style {:?}\n",
        doc.source().len(),
        doc.style
    );
    for b in &doc.blocks {
        let kind = b.kind.name();
        let _ = writeln!(
            out,
            "block {kind} {}..{}: {}",
            b.span.start,
            b.span.end,
            cut(&b.text)
        );
    }
    for a in &doc.artifacts {
        let _ = writeln!(
            out,
            "artifact {:?} {}..{}: {}",
            a.kind,
            a.span.start,
            a.span.end,
            cut(&a.text)
        );
    }
    for d in &doc.diagnostics {
        let _ = writeln!(
            out,
            "diagnostic {:?} {} {}..{}: {}",
            d.severity, d.code, d.span.start, d.span.end, d.message
        );
    }
    if doc.blocks.is_empty() && doc.artifacts.is_empty() && doc.diagnostics.is_empty() {
        out.push_str("(nothing)\n");
    }
    out
}

fn metrics_error(file: &str, text: &str, e: &debrief::metrics::Error) -> Outcome {
    Outcome {
        shown: e.render(file, text),
        positioned_error: Some(e.span().is_some_and(|s| text.get(s.range()).is_some())),
    }
}

fn catalog(file: &str, text: &str) -> Outcome {
    match Catalog::from_toml(text) {
        Err(e) => metrics_error(file, text, &e),
        Ok(catalog) => Outcome {
            shown: assessed(&catalog),
            positioned_error: None,
        },
    }
}

fn assessed(catalog: &Catalog) -> String {
    let report = assess(catalog, &AssessOptions::default());
    let mut out = format!("loaded: {} indicator(s)\n", report.indicators.len());
    for i in &report.indicators {
        let _ = writeln!(out, "{}: {}", i.id, serde_json::to_value(i.status).unwrap());
    }
    out
}

fn observations(file: &str, text: &str) -> Outcome {
    let mut catalog = Catalog::from_toml(SEED_CATALOG).unwrap();
    match catalog.load_observations_csv(text) {
        Err(e) => metrics_error(file, text, &e),
        Ok(rows) => {
            let mut shown = format!("loaded: {rows} row(s)\n");
            if let Some(ind) = catalog.indicator("apprehensions") {
                let _ = writeln!(
                    shown,
                    "apprehensions: {}",
                    serde_json::to_string(&ind.series).unwrap()
                );
            }
            Outcome {
                shown,
                positioned_error: None,
            }
        }
    }
}

#[test]
fn every_malformed_input_gives_its_exact_outcome() {
    let files = fixtures();
    assert!(files.len() >= 50, "the suite has {} cases", files.len());
    for path in &files {
        let file = name(path);
        let outcome = load(path);
        insta::with_settings!({ snapshot_suffix => file.clone(), prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_snapshot!("malformed", outcome.shown);
        });
    }
}

#[test]
fn every_error_has_a_position() {
    for path in fixtures() {
        assert_ne!(
            load(&path).positioned_error,
            Some(false),
            "{}: the error has no position",
            name(&path)
        );
    }
}

/// A 10 MB brief on one line (generated, not committed): parsed in one piece, every byte
/// accounted for.
#[test]
fn a_ten_megabyte_single_line() {
    let word = "border security cooperation ";
    let line = word.repeat(10 * 1024 * 1024 / word.len());
    let doc = parser::parse(&line);
    verify(&line, &doc).unwrap();
    insta::assert_snapshot!(
        format!(
            "{} bytes; {} block(s); first {} at {}..{}; {} artifact(s); {} diagnostic(s)",
            line.len(),
            doc.blocks.len(),
            serde_json::to_value(&doc.blocks[0].kind).unwrap()["kind"]
                .as_str()
                .unwrap(),
            doc.blocks[0].span.start,
            doc.blocks[0].span.end,
            doc.artifacts.len(),
            doc.diagnostics.len()
        ),
        @"10485748 bytes; 1 block(s); first paragraph at 0..10485747; 0 artifact(s); 0 diagnostic(s)"
    );
    assert_eq!(doc.blocks[0].text, line.trim_end());
}

/// The table of cases in `docs/RELIABILITY.md` names every fixture file, in file order, each
/// with the first line of its snapshot.
#[test]
fn the_documented_table_lists_every_case() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("docs/RELIABILITY.md")).unwrap();
    let rows: Vec<(&str, &str)> = doc
        .lines()
        .filter_map(|l| Some((l.strip_prefix("| `")?.split('`').next()?, l)))
        .collect();
    let files: Vec<String> = fixtures().iter().map(|p| name(p)).collect();
    let listed: Vec<&str> = rows.iter().map(|(f, _)| *f).collect();
    assert_eq!(
        listed, files,
        "docs/RELIABILITY.md lists the fixtures in file order"
    );
    for (file, row) in rows {
        let snap =
            std::fs::read_to_string(root.join(format!("tests/snapshots/malformed@{file}.snap")))
                .unwrap();
        let body = snap.splitn(3, "---\n").nth(2).unwrap();
        let first = body.lines().next().unwrap().replace('|', "\\|");
        assert!(
            row.contains(&first),
            "{file}: the table says {row:?}, the snapshot {first:?}"
        );
    }
}
