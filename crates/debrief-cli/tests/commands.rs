//! Every command: `--help` with examples, the formats each offers, `schema`, and bad input —
//! a missing file, invalid UTF-8, a malformed catalog, an unknown format — giving a clear
//! message and exit status 2.

#![allow(clippy::expect_used, clippy::unwrap_used)] // a panic in a test helper is a failed test

mod common;

use common::{arg, debrief, fails, ok, run, scratch};

const COMMANDS: [&str; 10] = [
    "analyze",
    "parse",
    "recommendations",
    "entities",
    "quantities",
    "assess",
    "report",
    "batch",
    "schema",
    "eval",
];

/// The commands that read a brief.
const READERS: [&str; 6] = [
    "analyze",
    "parse",
    "recommendations",
    "entities",
    "quantities",
    "report",
];

#[test]
fn every_command_has_help_with_examples() {
    let top = ok(&debrief(&["--help"]));
    for command in COMMANDS {
        assert!(
            top.contains(&format!("  {command} ")),
            "{command} in: {top}"
        );
        let help = ok(&debrief(&[command, "--help"]));
        assert!(help.contains("Examples:\n  debrief "), "{command}: {help}");
    }
}

#[test]
fn usage_errors_exit_2() {
    fails(&debrief(&[]), 2);
    fails(&debrief(&["frobnicate"]), 2);
    for command in READERS {
        let stderr = fails(&debrief(&[command, "--format", "yaml"]), 2);
        assert!(
            stderr.contains("invalid value 'yaml' for '--format <FORMAT>'"),
            "{command}: {stderr}"
        );
    }
    let stderr = fails(&debrief(&["schema", "everything"]), 2);
    assert!(
        stderr.contains(
            "[possible values: document, brief, catalog, observations, assessment, report]"
        ),
        "{stderr}"
    );
}

#[test]
fn a_missing_file_names_itself() {
    for command in READERS {
        let stderr = fails(&debrief(&[command, "no/such/brief.txt"]), 2);
        assert_eq!(
            stderr.lines().next().unwrap(),
            "error: cannot read no/such/brief.txt: No such file or directory (os error 2)",
            "{command}"
        );
    }
    for command in ["analyze", "report", "assess"] {
        let stderr = fails(&debrief(&[command, "--catalog", "no/such/catalog.toml"]), 2);
        assert!(
            stderr.contains("cannot read no/such/catalog.toml"),
            "{command}: {stderr}"
        );
    }
    let stderr = fails(&debrief(&["eval", "no/such/corpus"]), 2);
    assert!(
        stderr.contains("cannot read the corpus folder no/such/corpus"),
        "{stderr}"
    );
}

#[test]
fn invalid_utf8_is_shown_with_its_line_and_a_caret() {
    let dir = scratch("commands-utf8");
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, b"first line\nsecond \xff line\n").unwrap();
    for command in READERS {
        let stderr = fails(&debrief(&[command, arg(&bad)]), 2);
        assert_eq!(
            stderr,
            format!(
                "error: {}:2:8: invalid UTF-8 at byte 18: expected a UTF-8 character, found \
                 byte 0xFF\n  |\n2 | second \u{fffd} line\n  |        ^\n",
                bad.display()
            ),
            "{command}"
        );
    }
    // Standard input too; --lossy reads it anyway.
    let stderr = fails(&run(&["recommendations", "-"], Some(b"ok \xc3"), &[]), 2);
    assert!(
        stderr.starts_with("error: <stdin>:1:4: invalid UTF-8"),
        "{stderr}"
    );
    ok(&run(
        &["recommendations", "-", "--lossy"],
        Some(b"ok \xc3"),
        &[],
    ));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_malformed_catalog_points_at_the_value() {
    let dir = scratch("commands-catalog");
    let catalog = dir.join("bad.toml");
    std::fs::write(
        &catalog,
        "[[indicator]]\nid = \"x\"\nname = \"X\"\nunit = \"furlongs\"\ndirection = \"increase\"\n",
    )
    .unwrap();
    let expected = format!("error: {}:4:8: unknown unit `furlongs`", catalog.display());
    for args in [
        vec!["analyze", "--catalog", arg(&catalog)],
        vec!["report", "--catalog", arg(&catalog)],
        vec!["assess", "--catalog", arg(&catalog)],
    ] {
        let stderr = fails(&debrief(&args), 2);
        assert!(stderr.starts_with(&expected), "{args:?}: {stderr}");
        assert!(
            stderr.contains("4 | unit = \"furlongs\"\n  |        ^^^^^^^^^^"),
            "{stderr}"
        );
    }
    // Observations without a catalog are a usage error.
    let stderr = fails(&debrief(&["analyze", "--observations", arg(&catalog)]), 2);
    assert!(stderr.contains("--catalog <FILE>"), "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn listing_formats() {
    let jsonl = ok(&debrief(&["recommendations", "--format", "jsonl"]));
    let lines: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 8);
    // Fields in the order the type declares them.
    assert!(
        jsonl.starts_with("{\"id\":\"rec-f9217f8e\",\"kind\":\"inline\""),
        "{jsonl}"
    );
    let md = ok(&debrief(&[
        "quantities",
        "--format",
        "markdown",
        "--no-dates",
    ]));
    assert!(md.starts_with(
        "| at | text | kind | value | unit | bound | qualifier | measures |\n| --- |"
    ));
    assert!(
        md.contains("| 19:26 | 2,000 miles | length | 2000 | mile | exact |  | terrain |"),
        "{md}"
    );
    let entities = ok(&debrief(&["entities", "--format", "jsonl"]));
    let types: std::collections::BTreeSet<String> = entities
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["type"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(
        types.into_iter().collect::<Vec<_>>(),
        ["acronym", "actor", "program"]
    );
    let blocks = ok(&debrief(&["parse", "--format", "jsonl"]));
    assert_eq!(blocks.lines().count(), 20);
    let table = ok(&debrief(&["parse", "--format", "table"]));
    // The seed's first line starts with a space: its first paragraph is at column 2.
    let first: Vec<&str> = table
        .lines()
        .nth(2)
        .unwrap()
        .split_whitespace()
        .take(3)
        .collect();
    assert_eq!(first, ["1:2", "paragraph", "As"], "{table}");
    let assess = ok(&debrief(&[
        "assess",
        "--catalog",
        "examples/data/border-security-catalog.toml",
        "--observations",
        "examples/data/border-security-observations.csv",
        "--as-of",
        "2026-11-01",
        "--format",
        "jsonl",
        "--fail-on",
        "never",
    ]));
    assert_eq!(assess.lines().count(), 12);
}

#[test]
fn schemas_describe_the_outputs() {
    for (which, title) in [
        ("document", "Document"),
        ("brief", "Brief"),
        ("catalog", "debrief indicator catalog"),
        ("observations", "debrief observation row (CSV)"),
        ("assessment", "debrief assessment report"),
        ("report", "Report"),
    ] {
        let out = ok(&debrief(&["schema", which]));
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["title"], title, "{which}");
        assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema");
    }
    // The report's schema names the fields `analyze --format json` writes.
    let schema: serde_json::Value =
        serde_json::from_str(&ok(&debrief(&["schema", "report"]))).unwrap();
    let report: serde_json::Value =
        serde_json::from_str(&ok(&debrief(&["analyze", "--format", "json"]))).unwrap();
    for key in report.as_object().unwrap().keys() {
        assert!(
            schema["properties"].get(key).is_some(),
            "{key} not in the schema"
        );
    }
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read as _;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_debrief"))
        .args(["analyze", "--format", "json"]) // 150 KB, more than a pipe holds
        .current_dir(common::ROOT)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 1];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap(); // then closed
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}
