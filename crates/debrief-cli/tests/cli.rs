//! `debrief parse` and `debrief eval` run as a user would; input errors.

#![allow(clippy::expect_used, clippy::unwrap_used)] // a panic in a test helper is a failed test

mod common;

use common::debrief;

#[test]
fn missing_file_is_an_input_error() {
    let out = debrief(&["analyze", "no/such/brief.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("cannot read no/such/brief.txt"), "{stderr}");
}

#[test]
fn invalid_utf8_is_reported_with_line_and_column() {
    let dir = common::scratch("utf8");
    let path = dir.join("bad.txt");
    std::fs::write(&path, b"first line\nsecond \xff line\n").unwrap();
    let out = debrief(&["parse", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(
            "bad.txt:2:8: invalid UTF-8 at byte 18: expected a UTF-8 character, found byte 0xFF"
        ),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn parse_json_has_the_documented_shape() {
    let out = debrief(&[
        "parse",
        "examples/data/border-security-brief.txt",
        "--format",
        "json",
    ]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &json["blocks"][0];
    assert!(first["kind"].is_string());
    assert!(first["text"].is_string());
    assert!(first["span"]["start"].is_u64() && first["span"]["end"].is_u64());
    assert!(json["artifacts"].is_array());
    assert!(json["diagnostics"].is_array());
}

#[test]
fn parse_json_is_one_line_when_piped_and_indented_on_request() {
    let args = [
        "parse",
        "examples/data/border-security-brief.txt",
        "--format",
        "json",
    ];
    let piped = debrief(&args);
    let pretty = debrief(&[&args[..], &["--pretty"]].concat());
    assert!(piped.status.success() && pretty.status.success());
    // The test's stdout is a pipe: one line of JSON and its newline.
    assert_eq!(
        piped.stdout.split(|&b| b == b'\n').count(),
        2,
        "one line and its newline"
    );
    assert!(pretty.stdout.starts_with(b"{\n  \"style\""));
    let a: serde_json::Value = serde_json::from_slice(&piped.stdout).unwrap();
    let b: serde_json::Value = serde_json::from_slice(&pretty.stdout).unwrap();
    assert_eq!(a, b);
}

#[test]
fn parse_json_writes_compact_source_maps_on_request() {
    let args = [
        "parse",
        "examples/data/border-security-brief.txt",
        "--format",
        "json",
    ];
    let objects = debrief(&args);
    let compact = debrief(&[&args[..], &["--source-maps", "compact"]].concat());
    assert!(objects.status.success() && compact.status.success());
    let json: serde_json::Value = serde_json::from_slice(&compact.stdout).unwrap();
    // The third paragraph starts at byte 595 of the seed: `Ultimately, an effective bor` (28
    // bytes, copied), `-\n` (2 bytes, dropped), `der security policy requires a reli` (35
    // bytes, copied).
    assert_eq!(json["blocks"][2]["span"]["start"], 595);
    assert_eq!(
        json["blocks"][2]["source_map"].as_array().unwrap()[..3],
        [
            serde_json::json!([28, 595, 28, 1]),
            serde_json::json!([0, 0, 2, 0]),
            serde_json::json!([35, 0, 35, 1])
        ]
    );
    // Both read back to the same document, and the compact one is less than half the size.
    let a: debrief_parser::Document<'_> = serde_json::from_slice(&objects.stdout).unwrap();
    let b: debrief_parser::Document<'_> = serde_json::from_slice(&compact.stdout).unwrap();
    assert_eq!(a, b);
    assert!(compact.stdout.len() * 2 < objects.stdout.len());
    // JSON Lines take the option too.
    let lines = debrief(
        &[
            &args[..2],
            &["--format", "jsonl", "--source-maps", "compact"],
        ]
        .concat(),
    );
    let third: serde_json::Value = lines
        .stdout
        .split(|&b| b == b'\n')
        .nth(2)
        .map(|l| serde_json::from_slice(l).unwrap())
        .unwrap();
    assert_eq!(third["source_map"][0], serde_json::json!([28, 595, 28, 1]));
}

#[test]
fn parse_options_turn_repairs_off_and_read_lossy_bytes() {
    let out = debrief(&[
        "parse",
        "examples/data/border-security-brief.txt",
        "--no",
        "hyphens",
        "--no",
        "run-in-headings",
    ]);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    // The seed's third paragraph, hyphens kept as written.
    assert!(
        stdout.contains("an effective bor-der security policy requires a reli-able"),
        "{stdout}"
    );
    assert!(stdout.contains("Mexico: The Essential Partner. Under Presidents"));

    let dir = common::scratch("lossy");
    let path = dir.join("bad.txt");
    std::fs::write(&path, b"Bad \xff byte here.\n").unwrap();
    let out = debrief(&[
        "parse",
        path.to_str().unwrap(),
        "--lossy",
        "--format",
        "json",
    ]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["blocks"][0]["text"], "Bad byte here.");
    assert_eq!(json["diagnostics"][0]["code"], "invalid-utf8");
    assert_eq!(json["diagnostics"][0]["span"]["start"], 4);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn eval_prints_a_table_with_a_total_line() {
    let Some(corpus) = common::corpus() else {
        return;
    };
    let out = debrief(&["eval", corpus.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("document"), "{stdout}");
    assert!(stdout.contains("crs-if11175"));
    assert!(stdout.lines().last().unwrap().starts_with("TOTAL"));
    let out = debrief(&["eval", corpus.to_str().unwrap(), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json["total"]["paragraphs"]["total"].as_u64().unwrap() > 100);
    assert_eq!(json["total"]["furniture_left"], 0);
}
