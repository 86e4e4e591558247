//! Helpers shared by the integration tests: build a one-indicator catalog, assess it.

#![allow(dead_code, clippy::expect_used, clippy::unwrap_used)]

use debrief_metrics::{AssessOptions, Assessment, Catalog, Date, assess};
use std::fmt::Write as _;

/// A catalog of one indicator `x` from TOML fields (without `[[indicator]]`, `id`, `name`).
pub(crate) fn one(fields: &str) -> Catalog {
    let text = format!("[[indicator]]\nid = \"x\"\nname = \"X\"\n{fields}\n");
    Catalog::from_toml(&text).unwrap_or_else(|e| panic!("{}", e.render("test.toml", &text)))
}

/// The assessment of the one indicator of `fields`, with observations from `csv` rows
/// (`period,value` lines) and an optional as-of date.
pub(crate) fn run(fields: &str, rows: &[(&str, f64)], as_of: Option<&str>) -> Assessment {
    let mut c = one(fields);
    let mut csv = String::from("indicator,period,value\n");
    for (p, v) in rows {
        let _ = writeln!(csv, "x,{p},{v}");
    }
    c.load_observations_csv(&csv).unwrap();
    let options = AssessOptions {
        as_of: as_of.map(|d| d.parse::<Date>().unwrap()),
    };
    assess(&c, &options).indicators.remove(0)
}

/// `a` and `b` agree to a relative 1e-12 (the last bits of `powf` may differ from Python's
/// `**`).
pub(crate) fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1.0)
}

#[track_caller]
pub(crate) fn assert_close(actual: Option<f64>, expected: f64) {
    let a = actual.expect("a value");
    assert!(close(a, expected), "expected {expected}, got {a}");
}

#[track_caller]
pub(crate) fn detail(a: &Assessment, key: &str) -> f64 {
    *a.details
        .get(key)
        .unwrap_or_else(|| panic!("no detail {key} in {:?}", a.details))
}
