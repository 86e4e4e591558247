//! `debrief batch`: order, failures reported and skipped, atomic output, formats, the corpus.

#![allow(clippy::expect_used, clippy::unwrap_used)] // a panic in a test helper is a failed test

mod common;

use common::{arg, debrief, fails, ok, scratch};

/// Three readable briefs, one with invalid UTF-8, in a folder with a file of another kind.
fn folder(name: &str) -> std::path::PathBuf {
    let dir = scratch(name);
    std::fs::create_dir_all(dir.join("b")).unwrap();
    std::fs::write(
        dir.join("a.txt"),
        "Recommendations\n\nCongress should fund 300 inspectors.\n",
    )
    .unwrap();
    std::fs::write(dir.join("b/c.txt"), "DHS should publish its data.\n").unwrap();
    std::fs::write(dir.join("b/bad.txt"), b"Bad \xff byte.\n").unwrap();
    std::fs::write(dir.join("b/d.txt"), "Nothing to recommend here.\n").unwrap();
    std::fs::write(dir.join("notes.md"), "# not a brief\n").unwrap();
    dir
}

fn lines(path: &std::path::Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn a_failing_document_is_reported_and_skipped_in_input_order() {
    let dir = folder("batch-order");
    let out = dir.join("results.jsonl");
    let missing = dir.join("missing.txt");
    let stderr = fails(
        &debrief(&["batch", arg(&dir), arg(&missing), "--out", arg(&out)]),
        1,
    );
    // Folder walked in sorted path order, then the file argument.
    let records = lines(&out);
    let files: Vec<String> = records
        .iter()
        .map(|r| {
            std::path::Path::new(r["file"].as_str().unwrap())
                .strip_prefix(&dir)
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(
        files,
        ["a.txt", "b/bad.txt", "b/c.txt", "b/d.txt", "missing.txt"]
    );
    assert_eq!(
        records[0]["brief"]["recommendations"][0]["actors"][0]["name"],
        "Congress"
    );
    assert_eq!(records[0]["bytes"], 54);
    assert!(
        records[1]["error"].as_str().unwrap().ends_with(
            "bad.txt:1:5: invalid UTF-8 at byte 4: expected a UTF-8 character, found byte 0xFF"
        ),
        "{}",
        records[1]
    );
    assert!(records[1].get("brief").is_none());
    assert_eq!(
        records[2]["brief"]["recommendations"][0]["modality"],
        "should"
    );
    assert_eq!(
        records[3]["brief"]["recommendations"],
        serde_json::json!([])
    );
    assert!(
        records[4]["error"]
            .as_str()
            .unwrap()
            .starts_with("cannot read")
    );
    // The summary: counts and the failures by name.
    assert!(
        stderr.contains("batch: 5 documents") && stderr.contains("3 ok, 2 failed"),
        "{stderr}"
    );
    assert!(
        stderr.contains("failed: ") && stderr.contains("missing.txt"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("wrote {}", out.display())),
        "{stderr}"
    );
    // Not a terminal: no progress bar, no colour.
    assert!(!stderr.contains('█') && !stderr.contains('\r') && !stderr.contains('\x1b'));
    // Nothing but the output in the folder: the temporary file was renamed.
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn one_thread_or_many_the_output_is_the_same() {
    let dir = folder("batch-threads");
    let one = dir.join("one.jsonl");
    let many = dir.join("many.jsonl");
    fails(
        &debrief(&["batch", arg(&dir), "-j", "1", "--out", arg(&one)]),
        1,
    );
    fails(
        &debrief(&["batch", arg(&dir), "-j", "4", "--out", arg(&many)]),
        1,
    );
    assert_eq!(
        std::fs::read_to_string(&one).unwrap(),
        std::fs::read_to_string(&many).unwrap()
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn lossy_decoding_and_csv_summary_rows() {
    let dir = folder("batch-csv");
    let out = ok(&debrief(&[
        "batch",
        arg(&dir.join("a.txt")),
        arg(&dir.join("b/bad.txt")),
        "--lossy",
        "--format",
        "csv",
    ]));
    let rows: Vec<&str> = out.lines().collect();
    assert_eq!(
        rows[0],
        "file,bytes,style,blocks,recommendations,explicit,actors,programs,quantities,error"
    );
    assert!(
        rows[1].ends_with("a.txt,54,blank_lines,2,1,0,1,0,1,"),
        "{}",
        rows[1]
    );
    assert!(
        rows[2].ends_with("bad.txt,12,blank_lines,1,0,0,0,0,0,"),
        "{}",
        rows[2]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_empty_folder_or_a_bad_format_is_a_usage_error() {
    let dir = scratch("batch-empty");
    let stderr = fails(&debrief(&["batch", arg(&dir)]), 2);
    assert!(stderr.contains("has a name ending in .txt"), "{stderr}");
    let stderr = fails(&debrief(&["batch", arg(&dir), "--format", "table"]), 2);
    assert!(
        stderr.contains("[possible values: jsonl, json, csv]"),
        "{stderr}"
    );
    let stderr = fails(&debrief(&["batch"]), 2);
    assert!(stderr.contains("required"), "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_corpus_raw_texts() {
    let Some(corpus) = common::corpus() else {
        return;
    };
    let dir = scratch("batch-corpus");
    let out = dir.join("corpus.jsonl");
    let stderr = String::from_utf8(
        debrief(&[
            "batch",
            arg(&corpus),
            "--ext",
            "raw.txt",
            "--out",
            arg(&out),
        ])
        .stderr,
    )
    .unwrap();
    let records = lines(&out);
    // One pdftotext -raw file per PDF of the corpus (the text-only document has none).
    let pdfs = std::fs::read_dir(&corpus)
        .unwrap()
        .filter(|e| {
            let p = e.as_ref().unwrap().path();
            p.is_dir()
                && p.join(format!(
                    "{}.raw.txt",
                    p.file_name().unwrap().to_string_lossy()
                ))
                .is_file()
        })
        .count();
    assert_eq!(records.len(), pdfs, "{stderr}");
    assert!(records.iter().all(|r| r.get("brief").is_some()), "{stderr}");
    assert!(stderr.contains("none failed"), "{stderr}");
    let gao = records
        .iter()
        .find(|r| r["file"].as_str().unwrap().ends_with("gao-07-283.raw.txt"))
        .unwrap();
    assert!(
        gao["brief"]["recommendations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["kind"] == "explicit"),
        "GAO-07-283 has a recommendation for executive action"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
