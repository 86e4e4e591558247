//! The seed brief's example catalog, assessed as of a fixed date: the JSON report is a
//! snapshot (tests/snapshots), read by eye when it changes.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use debrief_metrics::{AssessOptions, Catalog, Date, assess};

#[test]
fn seed_catalog_report() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/data/");
    let toml = std::fs::read_to_string(format!("{root}border-security-catalog.toml")).unwrap();
    let csv = std::fs::read_to_string(format!("{root}border-security-observations.csv")).unwrap();
    let mut catalog = Catalog::from_toml(&toml).unwrap();
    assert_eq!(catalog.load_observations_csv(&csv).unwrap(), 6);
    let report = assess(
        &catalog,
        &AssessOptions {
            as_of: Some(Date::new(2026, 11, 1).unwrap()),
        },
    );
    insta::assert_json_snapshot!(report);
}
