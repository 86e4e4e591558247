//! `debrief recommendations`, `debrief entities` and `debrief quantities`, run as a user would.

#![allow(clippy::expect_used, clippy::unwrap_used)] // a panic in a test helper is a failed test

mod common;

use common::ok;

fn debrief(args: &[&str], stdin: Option<&str>) -> std::process::Output {
    common::run(args, stdin.map(str::as_bytes), &[])
}

#[test]
fn recommendations_json_has_the_documented_fields() {
    let out = ok(&debrief(&["recommendations", "--format", "json"], None));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let recs = json.as_array().unwrap();
    let congress = recs
        .iter()
        .find(|r| {
            r["text"]
                .as_str()
                .unwrap()
                .starts_with("Congress therefore should")
        })
        .expect("the inline recommendation to Congress");
    for field in ["id", "kind", "text", "actors", "modality", "span"] {
        assert!(!congress[field].is_null(), "{field} missing: {congress}");
    }
    assert_eq!(congress["kind"], "inline");
    assert_eq!(congress["modality"], "should");
    assert_eq!(congress["actors"][0]["id"], "congress");
    assert!(congress["span"]["start"].is_u64() && congress["span"]["end"].is_u64());
    let explicit: Vec<_> = recs.iter().filter(|r| r["kind"] == "explicit").collect();
    assert_eq!(explicit.len(), 3);
    assert!(
        explicit[0]["title"]["text"]
            .as_str()
            .unwrap()
            .starts_with("Develop a comprehensive")
    );
}

#[test]
fn recommendations_from_stdin_as_csv() {
    let brief = "Recommendations\n\nCongress should fund the border program.\n";
    let out = ok(&debrief(
        &["recommendations", "-", "--format", "csv"],
        Some(brief),
    ));
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("id,at,kind,modality,actors,action,title or text,section")
    );
    let row = lines.next().unwrap();
    assert!(row.contains(",3:1,inline,should,Congress,fund,"), "{row}");
}

#[test]
fn entities_table_lists_actors_and_programs() {
    let out = ok(&debrief(&["entities"], None));
    assert!(out.lines().next().unwrap().starts_with("type"));
    assert!(out.contains("Merida Initiative"), "{out}");
    assert!(
        out.contains("Border Enforcement Security Task Force"),
        "{out}"
    );
    assert!(out.contains("U.S. Northern Command"), "{out}");
    assert!(out.contains("U.S. Border Patrol"), "{out}");
}

#[test]
fn entities_json_groups_actors_programs_acronyms() {
    let out = ok(&debrief(&["entities", "--format", "json"], None));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(json["actors"].as_array().unwrap().len() >= 5);
    assert!(json["programs"].as_array().unwrap().len() >= 3);
    assert!(json["acronyms"].is_array());
}

#[test]
fn quantities_keep_dates_apart_and_never_list_ordinals() {
    let out = ok(&debrief(&["quantities", "--format", "csv"], None));
    assert!(
        out.contains("\"2,000 miles\",length,2000,mile,exact,,terrain"),
        "{out}"
    );
    assert!(
        out.contains("40 percent,percent,40,percent,at_most,as much as"),
        "{out}"
    );
    assert!(!out.contains("21st") && !out.contains("second"), "{out}");
    let brief = "In FY2024 the program spent $1.6 billion on 300 agents.\n";
    let all = ok(&debrief(
        &["quantities", "-", "--format", "csv"],
        Some(brief),
    ));
    let kinds: Vec<&str> = all
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(2).unwrap())
        .collect();
    assert_eq!(kinds, ["money", "count", "fiscal_year"]);
    assert!(all.contains(",fiscal_year,FY2024,"), "{all}");
    let no_dates = ok(&debrief(
        &["quantities", "-", "--no-dates", "--format", "csv"],
        Some(brief),
    ));
    assert!(!no_dates.contains("fiscal_year"), "{no_dates}");
}
