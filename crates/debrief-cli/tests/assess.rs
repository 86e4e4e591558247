//! `debrief assess` run as a user would: formats, exit codes, errors with `file:line:column`.

#![allow(clippy::expect_used, clippy::unwrap_used)] // a panic in a test helper is a failed test

mod common;

use common::{debrief, scratch};

const CATALOG: &str = "examples/data/border-security-catalog.toml";
const OBSERVATIONS: &str = "examples/data/border-security-observations.csv";

#[test]
fn json_has_one_object_per_indicator_and_per_objective() {
    let out = debrief(&[
        "assess",
        "--catalog",
        CATALOG,
        "--observations",
        OBSERVATIONS,
        "--format",
        "json",
        "--as-of",
        "2026-11-01",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["as_of"], "2026-11-01");
    let indicators = v["indicators"].as_array().unwrap();
    assert_eq!(indicators.len(), 12);
    for a in indicators {
        for key in ["id", "method", "value", "status"] {
            assert!(a.get(key).is_some(), "{key} missing in {a}");
        }
    }
    // The cited trade series: 2006 332.4 (134.2 + 198.2) → 2025 872.7 (337.9 + 534.8),
    // 5.2% a year with no target → statcan substantial progress, score 5.
    let trade = indicators
        .iter()
        .find(|a| a["id"] == "us-mexico-goods-trade")
        .unwrap();
    assert_eq!(trade["status"], "substantial_progress");
    assert_eq!(trade["value"], 5.0);
    let growth = trade["details"]["cagr_observed"].as_f64().unwrap();
    let expected = (872.7_f64 / 332.4).powf(1.0 / 19.0) - 1.0;
    assert!((growth - expected).abs() < 1e-9, "{growth} vs {expected}");
    // Missing data is explicit.
    let plan = indicators
        .iter()
        .find(|a| a["id"] == "anti-crime-master-plan")
        .unwrap();
    assert_eq!(plan["status"], "insufficient_data");
    assert!(plan["value"].is_null());
    let objectives = v["objectives"].as_array().unwrap();
    let ids: Vec<&str> = objectives
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect();
    // The seed's three recommendations, by the ids `debrief recommendations` gives them.
    assert_eq!(ids, ["rec-85a3dbd0", "rec-aea2e614", "rec-b900e35a"]);
    assert_eq!(objectives[0]["status"], "insufficient_data");
    assert_eq!(objectives[2]["status"], "on_track");
}

#[test]
fn the_issue_example_in_table_and_csv() {
    let dir = scratch("example");
    let catalog = dir.join("catalog.toml");
    std::fs::write(
        &catalog,
        r#"[[indicator]]
id = "example-share"
name = "An illustrative share (not real data)"
unit = "percent"
direction = "decrease"            # increase | decrease
method = "unsd-2023"              # unsd-legacy | unsd-2023 | statcan | escap | iati | dhis2-bands | linear-trend
baseline = { period = "2015", value = 50.0 }
target = { period = "2030", value = 25.0 }
"#,
    )
    .unwrap();
    let csv = dir.join("obs.csv");
    std::fs::write(
        &csv,
        "indicator,period,value\nexample-share,2015,50.0\nexample-share,2022,45.0\n",
    )
    .unwrap();
    let args = |format| {
        debrief(&[
            "assess",
            "--catalog",
            catalog.to_str().unwrap(),
            "--observations",
            csv.to_str().unwrap(),
            "--as-of",
            "2026-11-01",
            "--format",
            format,
        ])
    };
    let out = args("table");
    let table = String::from_utf8(out.stdout).unwrap();
    // No objectives: the indicator itself decides the exit code; marginal progress is
    // off track, a finding.
    assert_eq!(out.status.code(), Some(1), "{table}");
    assert!(
        table.contains(
            "example-share  unsd-2023  0.4042  marginal_progress  2022 45  2030 25  2030 39.895"
        ),
        "{table}"
    );
    let out = args("csv");
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("id,name,objective,method,value,status,rating")
    );
    assert!(lines.next().unwrap().starts_with(
        "example-share,An illustrative share (not real data),,unsd-2023,0.40420084718539"
    ));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn fail_on_never_always_exits_zero() {
    let dir = scratch("never");
    let catalog = dir.join("c.toml");
    std::fs::write(
        &catalog,
        "[[indicator]]\nid = \"x\"\nname = \"X\"\nunit = \"count\"\ndirection = \"increase\"\nobservations = [{ period = \"2015\", value = 5.0 }, { period = \"2016\", value = 4.0 }]\n",
    )
    .unwrap();
    let path = catalog.to_str().unwrap();
    assert_eq!(
        debrief(&["assess", "--catalog", path]).status.code(),
        Some(1)
    );
    assert_eq!(
        debrief(&["assess", "--catalog", path, "--fail-on", "never"])
            .status
            .code(),
        Some(0)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn input_errors_show_file_line_column_and_a_caret() {
    let dir = scratch("errors");
    let catalog = dir.join("bad.toml");
    std::fs::write(
        &catalog,
        "[[indicator]]\nid = \"x\"\nname = \"X\"\nunit = \"count\"\ndirection = \"increase\"\nformula = \"100 * (y + ) / y\"\n",
    )
    .unwrap();
    let out = debrief(&["assess", "--catalog", catalog.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("bad.toml:6:23: formula syntax: expected an operand"),
        "{stderr}"
    );
    assert!(
        stderr.contains("6 | formula = \"100 * (y + ) / y\"\n  |                       ^"),
        "{stderr}"
    );

    let good = dir.join("good.toml");
    std::fs::write(
        &good,
        "[[indicator]]\nid = \"x\"\nname = \"X\"\nunit = \"count\"\ndirection = \"increase\"\n",
    )
    .unwrap();
    let csv = dir.join("obs.csv");
    std::fs::write(&csv, "indicator,period,value\nx,2015,1\nx,FY2016-Q5,2\n").unwrap();
    let out = debrief(&[
        "assess",
        "--catalog",
        good.to_str().unwrap(),
        "--observations",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("obs.csv:3:3: invalid period `FY2016-Q5`"),
        "{stderr}"
    );

    let out = debrief(&["assess", "--catalog", "no/such/catalog.toml"]);
    assert_eq!(out.status.code(), Some(2));
    let out = debrief(&[
        "assess",
        "--catalog",
        good.to_str().unwrap(),
        "--as-of",
        "2026-02-30",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("invalid value '2026-02-30' for '--as-of <DATE>'")
            && stderr.contains("expected a day from 01 to 28"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
