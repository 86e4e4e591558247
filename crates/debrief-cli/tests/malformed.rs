//! The malformed-input fixtures (`tests/fixtures/malformed/` at the workspace root) through the
//! binary: `debrief report … --out FILE` on each. An input error exits with status 2 and prints
//! `error: file:line:column: message`, the line and a caret (snapshotted, one per fixture in
//! `snapshots/malformed__cli@<file>.snap`); the output file is not written — an existing one is
//! left as it was — and no temporary file is left beside it. A valid but odd input writes the
//! report. A batch over every brief fixture reports each failed file and skips it.

#![allow(clippy::expect_used, clippy::unwrap_used)] // a panic in a test helper is a failed test

mod common;

use std::path::{Path, PathBuf};

use common::{ROOT, arg, debrief, scratch};

const FIXTURES: &str = "tests/fixtures/malformed";
const SEED_CATALOG: &str = "examples/data/border-security-catalog.toml";

fn fixtures() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(Path::new(ROOT).join(FIXTURES))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    files
}

/// The `debrief report` arguments that load `file` as what its name says.
fn args_for(file: &str) -> Vec<String> {
    let path = format!("{FIXTURES}/{file}");
    let args: Vec<&str> = if file.starts_with("brief-") {
        vec!["report", &path, "--catalog", SEED_CATALOG]
    } else if file.starts_with("catalog-") {
        vec!["report", "--catalog", &path]
    } else {
        vec!["report", "--catalog", SEED_CATALOG, "--observations", &path]
    };
    args.into_iter().map(str::to_owned).collect()
}

/// Files in `dir` other than `keep`.
fn others(dir: &Path, keep: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p != keep)
        .collect()
}

#[test]
fn every_fixture_through_the_binary() {
    let dir = scratch("malformed");
    let out = dir.join("report.html");
    let mut errors = 0;
    for file in fixtures() {
        std::fs::write(&out, "the previous report").unwrap();
        let mut args = args_for(&file);
        args.extend(["--out".to_owned(), arg(&out).to_owned()]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = debrief(&args);
        let stderr = String::from_utf8(run.stderr).unwrap();
        assert!(
            others(&dir, &out).is_empty(),
            "{file}: a file was left beside the output"
        );
        match run.status.code() {
            Some(2) => {
                errors += 1;
                assert_eq!(
                    std::fs::read_to_string(&out).unwrap(),
                    "the previous report",
                    "{file}: a failed command touched the output"
                );
                let shown = format!("exit 2\n{stderr}");
                insta::with_settings!({ snapshot_suffix => file.clone(), omit_expression => true }, {
                    insta::assert_snapshot!("cli", shown);
                });
                // The headline names the file with a line and a column.
                let headline = stderr.lines().next().unwrap();
                let at = format!("error: {FIXTURES}/{file}:");
                let position = headline.strip_prefix(&at).unwrap_or_else(|| {
                    panic!("{file}: the error does not start with {at:?}: {headline}")
                });
                let mut parts = position.splitn(3, ':');
                for part in ["line", "column"] {
                    let n = parts.next().unwrap_or_default();
                    assert!(
                        n.parse::<usize>().is_ok(),
                        "{file}: no {part} in {headline}"
                    );
                }
            }
            Some(0) => {
                let written = std::fs::read_to_string(&out).unwrap();
                assert!(
                    written.starts_with("<!DOCTYPE html>"),
                    "{file}: {written:.80}"
                );
            }
            code => panic!("{file}: exit {code:?}\n{stderr}"),
        }
    }
    assert!(errors >= 40, "{errors} fixtures fail through the binary");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_batch_over_every_brief_fixture_reports_and_skips_the_bad_ones() {
    let dir = scratch("malformed-batch");
    let out = dir.join("results.jsonl");
    let briefs: Vec<String> = fixtures()
        .into_iter()
        .filter(|f| f.starts_with("brief-"))
        .map(|f| format!("{FIXTURES}/{f}"))
        .collect();
    let mut args = vec!["batch"];
    args.extend(briefs.iter().map(String::as_str));
    args.extend(["--out", arg(&out)]);
    let run = debrief(&args);
    assert_eq!(run.status.code(), Some(1), "a failed item is a finding");
    let text = std::fs::read_to_string(&out).unwrap();
    let records: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), briefs.len(), "one line per file, none cut");
    for (r, file) in records.iter().zip(&briefs) {
        assert_eq!(r["file"], file.as_str());
        if Path::new(file).extension().is_some_and(|e| e == "bin") {
            let error = r["error"].as_str().unwrap();
            assert!(
                error.starts_with(&format!("{file}:")) && error.contains(": invalid UTF-8 at byte"),
                "{error}"
            );
            assert!(r.get("brief").is_none());
        } else {
            assert!(r.get("error").is_none(), "{r}");
        }
    }
    assert!(others(&dir, &out).is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}
