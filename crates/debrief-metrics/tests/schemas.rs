//! The JSON Schemas in docs/schemas are the ones the types generate. After changing a format,
//! regenerate them with `UPDATE_SCHEMAS=1 cargo test -p debrief-metrics --test schemas` and
//! read the diff.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::PathBuf;

fn check(file: &str, schema: &schemars::Schema) {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "..",
        "..",
        "docs",
        "schemas",
        file,
    ]
    .iter()
    .collect();
    let generated = serde_json::to_string_pretty(schema).unwrap() + "\n";
    if std::env::var_os("UPDATE_SCHEMAS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_SCHEMAS=1)", path.display()));
    assert_eq!(
        committed,
        generated,
        "{} is stale: run UPDATE_SCHEMAS=1 cargo test -p debrief-metrics --test schemas",
        path.display()
    );
}

#[test]
fn catalog_schema_is_current() {
    check("catalog.schema.json", &debrief_metrics::catalog_schema());
}

#[test]
fn observation_row_schema_is_current() {
    check(
        "observation-row.schema.json",
        &debrief_metrics::observation_row_schema(),
    );
}

#[test]
fn report_schema_is_current() {
    check("report.schema.json", &debrief_metrics::report_schema());
}

#[test]
fn the_example_catalog_validates_against_its_schema_shape() {
    // Every top-level key of the example catalog is a property of the schema (a light check;
    // the strict check is serde's deny_unknown_fields when the catalog loads).
    let schema = serde_json::to_value(debrief_metrics::catalog_schema()).unwrap();
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/data/border-security-catalog.toml"
    ))
    .unwrap();
    let value: toml::Table = toml::from_str(&text).unwrap();
    for key in value.keys() {
        assert!(
            schema["properties"].get(key).is_some(),
            "{key} not in the schema"
        );
    }
    debrief_metrics::Catalog::from_toml(&text).unwrap();
}
