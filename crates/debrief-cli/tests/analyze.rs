//! `debrief analyze`, the main job: the summary of the seed brief with its example catalog (an
//! insta snapshot, read by eye), the JSON report, standard input, briefs without a catalog,
//! catalogs naming nothing, and no colour off a terminal.

#![allow(clippy::expect_used, clippy::unwrap_used)] // a panic in a test helper is a failed test

mod common;

use common::{arg, debrief, fails, ok, run, scratch};

#[test]
fn the_seed_summary() {
    let out = ok(&debrief(&["analyze", "--as-of", "2026-11-01"]));
    insta::assert_snapshot!("seed", out);
}

#[test]
fn the_seed_summary_names_what_the_issue_asks_for() {
    let out = ok(&debrief(&["analyze", "--as-of", "2026-11-01"]));
    // The sections, in order.
    let sections = [
        "(opening)",
        "Mexico: The Essential Partner",
        "An Expanding U.S.–Mexican Agenda",
        "What the U.S. Should Do",
        "Mexico as Part of the Solution",
    ];
    let mut at = 0;
    for s in sections {
        at += out[at..].find(s).unwrap_or_else(|| panic!("section {s}"));
    }
    // The three explicit recommendations and the inline ones, with their actors.
    assert!(
        out.contains("RECOMMENDATIONS  3 explicit, 5 inline"),
        "{out}"
    );
    assert!(out.contains("Develop a comprehensive U.S.–Mexico anti-crime strategy"));
    assert!(out.contains("who: Obama Administration, Congress"));
    assert!(out.contains("Congress therefore should work to strengthen incentives"));
    // Programs and quantities.
    for program in [
        "Merida Initiative",
        "Border Enforcement Security Task Force",
    ] {
        assert!(out.contains(program), "{program}");
    }
    assert!(out.contains("2,000 miles"));
    assert!(out.contains("as much as 40 percent"));
    // The scorecard: the catalog's three objectives are the three explicit recommendations.
    assert!(out.contains("SCORECARD"));
    assert!(out.contains("not measured by this catalog: recommendations 4, 5, 6, 7, 8"));
    assert!(!out.contains('\x1b'), "no colour off a terminal");
}

#[test]
fn json_links_every_row_to_its_recommendation_and_sentence() {
    let out = ok(&debrief(&[
        "analyze",
        "--format",
        "json",
        "--as-of",
        "2026-11-01",
    ]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let seed = std::fs::read_to_string(format!(
        "{}/examples/data/border-security-brief.txt",
        common::ROOT
    ))
    .unwrap();
    let recs = v["brief"]["recommendations"].as_array().unwrap();
    let rows = v["scorecard"]["rows"].as_array().unwrap();
    assert_eq!(rows.len(), recs.len());
    for (row, rec) in rows.iter().zip(recs) {
        assert_eq!(row["recommendation"], rec["id"]);
        assert_eq!(row["sentence"], rec["sentence"]);
        let start = usize::try_from(row["sentence"]["start"].as_u64().unwrap()).unwrap();
        let end = usize::try_from(row["sentence"]["end"].as_u64().unwrap()).unwrap();
        // The span slices the input; its words are the quote's (hyphens and line breaks aside).
        let source = &seed[start..end];
        let first_word = row["quote"].as_str().unwrap().split(' ').next().unwrap();
        assert!(
            source.starts_with(first_word),
            "{source:?} vs {first_word:?}"
        );
    }
    let develop = rows
        .iter()
        .find(|r| r["recommendation"] == "rec-85a3dbd0")
        .unwrap();
    assert_eq!(develop["objectives"][0]["by"], "id");
    assert_eq!(develop["summary"]["missing"][0], "anti-crime-master-plan");
    assert_eq!(
        &seed[4058..4118],
        "Develop a comprehensive \nU.S.–Mexico anti-crime strat-\negy"
    );
    assert_eq!(develop["sentence"]["start"], 4058);
    let suggestions: Vec<&str> = v["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(suggestions, ["100 percent", "2,000 miles", "40 percent"]);
}

#[test]
fn a_brief_of_ones_own_from_standard_input_without_a_catalog() {
    let brief = b"Recommendations\n\nCongress should fund 300 more inspectors by FY2027.\n";
    let out = ok(&run(&["analyze", "-"], Some(brief), &[]));
    // A top-level heading is the title; 17 + 52 bytes.
    assert!(
        out.starts_with("Recommendations\n<stdin> · 69 bytes"),
        "{out}"
    );
    assert!(
        out.contains("RECOMMENDATIONS  0 explicit, 1 inline"),
        "{out}"
    );
    assert!(out.contains("no indicator catalog given"), "{out}");
}

#[test]
fn an_objective_naming_no_recommendation_is_reported() {
    let dir = scratch("analyze-unmatched");
    let catalog = dir.join("c.toml");
    std::fs::write(
        &catalog,
        "[[objective]]\nid = \"rec-1\"\nname = \"Build a wall\"\n\
         [[objective]]\nid = \"border\"\nname = \"continue modernization of the southwest border\"\n",
    )
    .unwrap();
    let out = ok(&debrief(&[
        "analyze",
        "examples/data/border-security-brief.txt",
        "--catalog",
        arg(&catalog),
    ]));
    assert!(
        out.contains(
            "warning: objective rec-1 names no recommendation of this brief: no recommendation \
             has the id `rec-1` or the title `Build a wall`"
        ),
        "{out}"
    );
    // In JSON, on standard error too.
    let json = debrief(&[
        "analyze",
        "examples/data/border-security-brief.txt",
        "--catalog",
        arg(&catalog),
        "--format",
        "json",
    ]);
    let stderr = String::from_utf8(json.stderr.clone()).unwrap();
    let v: serde_json::Value = serde_json::from_str(&ok(&json)).unwrap();
    assert!(
        stderr.contains("objective rec-1 names no recommendation"),
        "{stderr}"
    );
    assert_eq!(v["scorecard"]["unmatched"][0]["summary"]["id"], "rec-1");
    let matched: Vec<&serde_json::Value> = v["scorecard"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r.get("objectives").is_some())
        .collect();
    assert_eq!(matched.len(), 1);
    assert_eq!(matched[0]["recommendation"], "rec-aea2e614");
    assert_eq!(matched[0]["objectives"][0]["by"], "title");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn fail_on_makes_a_rating_a_finding() {
    // The seed's second recommendation needs acceleration.
    let args = ["analyze", "--as-of", "2026-11-01", "--fail-on"];
    assert_eq!(
        debrief(&[&args[..], &["off-track"]].concat()).status.code(),
        Some(0)
    );
    assert_eq!(
        debrief(&[&args[..], &["needs-acceleration"]].concat())
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn markdown_and_no_colour() {
    let out = ok(&run(
        &["analyze", "--format", "markdown", "--as-of", "2026-11-01"],
        None,
        &[("NO_COLOR", "1")],
    ));
    assert!(out.starts_with("# Border security"), "{out}");
    assert!(!out.contains('\x1b'));
    let stderr = fails(&debrief(&["analyze", "--format", "csv"]), 2);
    assert!(
        stderr.contains("invalid value 'csv' for '--format <FORMAT>'")
            && stderr.contains("[possible values: text, json, markdown]"),
        "{stderr}"
    );
}
