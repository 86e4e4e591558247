//! Loading catalogs: every error names what was expected and points at the offending
//! characters (line and column computed here, as the CLI does when it prints them).

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::float_cmp)] // tests compare exact published values

use debrief_metrics::{Catalog, Direction, Measure, Method, Unit};

/// The first line of the rendered error: `file:line:column: message`.
fn error(toml: &str) -> String {
    Catalog::from_toml(toml)
        .unwrap_err()
        .render("c.toml", toml)
        .lines()
        .next()
        .unwrap()
        .to_owned()
}

const HEAD: &str = "[[indicator]]\nid = \"x\"\nname = \"X\"\n";

#[test]
fn unknown_names_point_at_the_value() {
    assert_eq!(
        error(&format!(
            "{HEAD}unit = \"furlongs\"\ndirection = \"increase\"\n"
        )),
        format!(
            "c.toml:4:8: unknown unit `furlongs`: expected one of {}",
            Unit::known_names()
        )
    );
    assert_eq!(
        error(&format!(
            "{HEAD}unit = \"count\"\ndirection = \"increase\"\nmethod = \"eurostat\"\n"
        )),
        "c.toml:6:10: unknown method `eurostat`: expected one of unsd-legacy, unsd-2023, statcan, escap, iati, dhis2-bands, linear-trend, milestone, category, qualitative"
    );
    assert_eq!(
        error(&format!("{HEAD}unit = \"count\"\ndirection = \"up\"\n")),
        "c.toml:5:13: unknown direction `up`: expected increase, decrease or band"
    );
    assert_eq!(
        error(&format!(
            "{HEAD}unit = \"count\"\ndirection = \"increase\"\nobjective = \"rec-9\"\n"
        )),
        "c.toml:6:13: unknown objective `rec-9`: expected one of the [[objective]] ids (none are defined)"
    );
}

#[test]
fn periods_inside_tables_are_pointed_at() {
    let t = format!(
        "{HEAD}unit = \"count\"\ndirection = \"increase\"\nbaseline = {{ period = \"FY2O15\", value = 1.0 }}\n"
    );
    assert!(
        error(&t).starts_with("c.toml:6:24: invalid period `FY2O15`: expected a period"),
        "{}",
        error(&t)
    );
}

#[test]
fn formula_errors_point_into_the_formula() {
    let inputs = "[[indicator]]\nid = \"a\"\nname = \"A\"\nunit = \"count\"\ndirection = \"increase\"\n\
                  [[indicator]]\nid = \"p\"\nname = \"P\"\nunit = \"percent\"\ndirection = \"increase\"\n";
    // Syntax: the `)` where an operand was expected (column of that character in the file).
    let t = format!(
        "{inputs}{HEAD}unit = \"percent\"\ndirection = \"increase\"\nformula = \"100 * (a + ) / a\"\n"
    );
    assert_eq!(
        error(&t),
        "c.toml:16:23: formula syntax: expected an operand: a number, an indicator id, `{id}`, `-` or `(`, found `)`"
    );
    // Units: a count plus a percent, at the `+`.
    let t =
        format!("{inputs}{HEAD}unit = \"count\"\ndirection = \"increase\"\nformula = \"a + p\"\n");
    assert_eq!(
        error(&t),
        "c.toml:16:14: unit mismatch: cannot add count and percent"
    );
    // The result unit against the declared one, over the whole formula.
    let t = format!(
        "{inputs}{HEAD}unit = \"percent\"\ndirection = \"increase\"\nformula = \"a / a\"\n"
    );
    let full = Catalog::from_toml(&t).unwrap_err().render("c.toml", &t);
    assert!(
        full.starts_with(
            "c.toml:16:12: formula computes share, but the indicator declares percent"
        )
    );
    assert!(
        full.ends_with("16 | formula = \"a / a\"\n   |            ^^^^^"),
        "{full}"
    );
    // An unknown indicator, at its name.
    let t = format!(
        "{inputs}{HEAD}unit = \"count\"\ndirection = \"increase\"\nformula = \"a + {{b-2}}\"\n"
    );
    assert_eq!(
        error(&t),
        "c.toml:16:17: unknown variable `b-2`: expected the id of an indicator in the catalog"
    );
    // A cycle.
    let t = "[[indicator]]\nid = \"a\"\nname = \"A\"\nunit = \"count\"\ndirection = \"increase\"\nformula = \"b + 1\"\n\
             [[indicator]]\nid = \"b\"\nname = \"B\"\nunit = \"count\"\ndirection = \"increase\"\nformula = \"a - 1\"\n";
    assert_eq!(error(t), "c.toml:6:11: formula cycle: a -> b -> a");
}

#[test]
fn structural_errors() {
    // TOML syntax, from the TOML parser, at its position.
    assert!(error("[[indicator]\n").starts_with("c.toml:1:"));
    // Unknown keys are rejected, not ignored.
    assert!(
        error(&format!(
            "{HEAD}unit = \"count\"\ndirection = \"increase\"\ntargte = 3\n"
        ))
        .starts_with("c.toml:6:1: unknown field `targte`"),
        "{}",
        error(&format!(
            "{HEAD}unit = \"count\"\ndirection = \"increase\"\ntargte = 3\n"
        ))
    );
    // Duplicate ids, at the second.
    let t = format!(
        "{HEAD}unit = \"count\"\ndirection = \"increase\"\n{HEAD}unit = \"count\"\ndirection = \"increase\"\n"
    );
    assert_eq!(
        error(&t),
        "c.toml:7:6: duplicate indicator id `x`: expected each id once"
    );
    // No direction for a numeric indicator (the sdg-build default of "negative" is a trap).
    assert_eq!(
        error(&format!("{HEAD}unit = \"count\"\n")),
        "c.toml:2:6: indicator `x` needs a direction: expected direction = \"increase\", \"decrease\" or \"band\""
    );
    // Options that do not apply to the method.
    assert!(
        error(&format!("{HEAD}unit = \"count\"\ndirection = \"increase\"\nmethod = \"iati\"\noptions = {{ series = \"all\" }}\n"))
            .contains("option `series` does not apply to method iati: expected no options")
    );
    // A target before the baseline.
    assert!(
        error(&format!("{HEAD}unit = \"count\"\ndirection = \"increase\"\nbaseline = {{ period = \"2015\", value = 1 }}\ntarget = {{ period = \"2010\", value = 2 }}\n"))
            .contains("target period 2010 must come after the baseline period 2015")
    );
    // A number where a milestone state is expected.
    assert!(
        error(&format!(
            "{HEAD}measure = \"milestone\"\nobservations = [{{ period = \"2014\", value = 1.0 }}]\n"
        ))
        .contains("expected a label for a milestone indicator, found the number 1")
    );
    // dhis2-bands on raw counts without bands.
    assert!(
        error(&format!("{HEAD}unit = \"count\"\ndirection = \"increase\"\nmethod = \"dhis2-bands\"\noptions = {{ of = \"value\" }}\n"))
            .contains("needs `bands`")
    );
}

#[test]
fn a_full_catalog_loads_every_field() {
    let t = r#"
title = "Border security"

[[objective]]
id = "rec-2"
name = "Continue modernization of the southwest border"
rollup = "worst"

[[indicator]]
id = "ier"
name = "Interdiction effectiveness rate"
description = "Share of known illegal entrants apprehended or turned back"
objective = "rec-2"
weight = 2.0
unit = "percent"
direction = "increase"
limit = 100.0
method = "statcan"
options = { series = "all", thresholds = [0.9, 0.5, 0.0] }
baseline = { period = "FY2015", value = 80.0 }
target = { period = "FY2020", value = 90.0 }
source = "CBP"
note = "illustrative"
observations = [
  { period = "FY2016", value = 81.5, source = "row source", note = "row note" },
  { period = "FY2016", value = 70.0, dimensions = { sector = "Tucson" } },
]
"#;
    let c = Catalog::from_toml(t).unwrap();
    let i = &c.indicators[0];
    assert_eq!(c.title.as_deref(), Some("Border security"));
    assert_eq!(i.weight, 2.0);
    assert_eq!(i.limit, Some(100.0));
    assert_eq!(i.measure, Measure::Percentage);
    assert_eq!(i.direction, Direction::Increase);
    let Method::Statcan(o) = &i.method else {
        panic!("{:?}", i.method)
    };
    assert!(o.all_series);
    assert_eq!(o.target_thresholds, [0.9, 0.5, 0.0]);
    assert_eq!(i.series.len(), 2);
    assert_eq!(i.series[0].points()[0].note.as_deref(), Some("row note"));
    // And it round-trips through TOML.
    assert_eq!(Catalog::from_toml(&c.to_toml().unwrap()).unwrap(), c);
}
