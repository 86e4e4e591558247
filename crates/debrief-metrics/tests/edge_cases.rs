//! The edge cases every method handles: fewer than two points, target already met, base
//! beyond the target, zero or negative base, deadline passed, no target, and the bug class
//! where the direction's sign is dropped. Plus the measure kinds, formulas, annualisation and
//! scorecard roll-ups.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::float_cmp)] // tests compare exact published values

mod common;

use common::{assert_close, detail, one, run};
use debrief_metrics::{AssessOptions, Method, ObjectiveStatus, Rating, Status, assess};

const METHODS: [&str; 7] = Method::NUMERIC_NAMES;

fn fields(method: &str, direction: &str, base: f64, target: f64) -> String {
    format!(
        "unit = \"percent\"\ndirection = \"{direction}\"\nmethod = \"{method}\"\n\
         baseline = {{ period = \"2015\", value = {base:?} }}\ntarget = {{ period = \"2030\", value = {target:?} }}"
    )
}

#[test]
fn fewer_than_two_points_is_insufficient_data() {
    for m in METHODS {
        // Only the baseline: nothing observed since.
        let a = run(&fields(m, "increase", 40.0, 80.0), &[], None);
        assert_eq!(a.status, Status::InsufficientData, "{m}: {:?}", a.notes);
        assert_eq!(a.rating, None, "{m}");
        assert!(
            a.notes.iter().any(|n| n.contains("needs at least 2")),
            "{m}"
        );
    }
    // No baseline and one observation.
    let a = run(
        "unit = \"count\"\ndirection = \"increase\"\nmethod = \"statcan\"",
        &[("2020", 1.0)],
        None,
    );
    assert_eq!(a.status, Status::InsufficientData);
    // No observations at all.
    let a = run("unit = \"count\"\ndirection = \"increase\"", &[], None);
    assert_eq!(a.status, Status::InsufficientData);
    assert!(
        a.notes.iter().any(|n| n.ends_with("found 0")),
        "{:?}",
        a.notes
    );
}

#[test]
fn a_met_target_is_target_achieved_for_every_method() {
    for m in METHODS {
        let a = run(&fields(m, "decrease", 50.0, 25.0), &[("2022", 24.0)], None);
        assert_eq!(a.status, Status::TargetAchieved, "{m}");
        assert_eq!(a.rating, Some(Rating::Achieved), "{m}");
        let a = run(&fields(m, "increase", 40.0, 80.0), &[("2022", 80.0)], None);
        assert_eq!(a.status, Status::TargetAchieved, "{m}");
    }
}

#[test]
fn base_already_beyond_the_target() {
    for m in METHODS {
        // Decrease to 25 wanted; the base (20) already beat it, and 22 still does.
        let a = run(&fields(m, "decrease", 20.0, 25.0), &[("2022", 22.0)], None);
        assert_eq!(a.status, Status::TargetAchieved, "{m}");
    }
}

#[test]
fn a_decrease_desired_indicator_moving_the_wrong_way_is_never_on_track() {
    // The dropped-direction-sign bug class: with the base beyond the target, target − base
    // and the observed change have the same sign, so a ratio that forgets the direction
    // reports progress. Base 20, target 25 (decrease wanted), now 30.
    for m in METHODS {
        let a = run(&fields(m, "decrease", 20.0, 25.0), &[("2022", 30.0)], None);
        let r = a.rating.unwrap_or_else(|| panic!("{m}: {:?}", a.notes));
        assert!(r <= Rating::OffTrack, "{m}: {:?} {r:?}", a.status);
        assert!(
            a.value.unwrap() < 0.0 || m == "linear-trend",
            "{m}: {:?}",
            a.value
        );
    }
    // And the ordinary case: 50 → 55 when 25 is wanted.
    for m in METHODS {
        let a = run(&fields(m, "decrease", 50.0, 25.0), &[("2022", 55.0)], None);
        assert!(a.rating.unwrap() <= Rating::OffTrack, "{m}: {:?}", a.status);
    }
    // Increase wanted, base 90 above the target 80, now 70.
    for m in METHODS {
        let a = run(&fields(m, "increase", 90.0, 80.0), &[("2022", 70.0)], None);
        assert!(a.rating.unwrap() <= Rating::OffTrack, "{m}: {:?}", a.status);
    }
}

#[test]
fn a_passed_deadline_without_the_target_is_deadline_missed() {
    for m in METHODS {
        let a = run(
            &fields(m, "increase", 40.0, 80.0),
            &[("2022", 79.0)],
            Some("2031-01-01"),
        );
        assert_eq!(a.status, Status::DeadlineMissed, "{m}");
        assert_eq!(a.rating, Some(Rating::OffTrack), "{m}");
        // The day the deadline ends is not past it.
        let a = run(
            &fields(m, "increase", 40.0, 80.0),
            &[("2022", 79.0)],
            Some("2030-12-31"),
        );
        assert_ne!(a.status, Status::DeadlineMissed, "{m}");
    }
    // Without an as-of date, the latest observation's period decides.
    let a = run(
        &fields("iati", "increase", 40.0, 80.0),
        &[("2031", 79.0)],
        None,
    );
    assert_eq!(a.status, Status::DeadlineMissed);
}

#[test]
fn a_zero_base() {
    let zero = |m: &str, opts: &str| {
        run(
            &format!("{}\n{opts}", fields(m, "increase", 0.0, 10.0)),
            &[("2020", 5.0)],
            None,
        )
    };
    // Growth from zero is undefined where the source defines no substitute.
    for m in ["unsd-legacy", "unsd-2023", "escap"] {
        let a = zero(m, "");
        assert_eq!(a.status, Status::NotComputable, "{m}");
        assert!(a.notes.iter().any(|n| n.contains("zero")), "{m}");
        // …unless a substitute is given.
        let a = zero(m, "options = { zero_replacement = 0.001 }");
        assert_ne!(a.status, Status::NotComputable, "{m}");
    }
    // sdg-build substitutes 0.001 itself.
    assert_eq!(zero("statcan", "").status, Status::SubstantialProgress);
    // Differences are fine from zero.
    assert_close(zero("iati", "").value, 50.0);
    assert_close(zero("linear-trend", "").value, 1.0);
}

#[test]
fn negative_and_mixed_sign_values() {
    // Mixed signs: no growth rate.
    for m in ["unsd-legacy", "unsd-2023", "statcan", "escap"] {
        let a = run(&fields(m, "increase", -10.0, 10.0), &[("2020", 5.0)], None);
        assert_eq!(a.status, Status::NotComputable, "{m}");
        assert!(
            a.notes.iter().any(|n| n.contains("sign")),
            "{m}: {:?}",
            a.notes
        );
    }
    // All negative, increase wanted (−20 → −15, target −5): progress — not deterioration —
    // by every method (the growth-rate methods flip the direction for negative values).
    for m in METHODS {
        let a = run(
            &fields(m, "increase", -20.0, -5.0),
            &[("2021", -15.0)],
            None,
        );
        let r = a.rating.unwrap_or_else(|| panic!("{m}: {:?}", a.notes));
        assert!(r > Rating::Regressing, "{m}: {:?}", a.status);
    }
    // sdg-build: R = −1·(0.75^(1/6) − 1)/|0.25^(1/15) − 1| = 0.530 → limited progress.
    let a = run(
        &fields("statcan", "increase", -20.0, -5.0),
        &[("2021", -15.0)],
        None,
    );
    assert!((detail(&a, "progress_value") - 0.530_4).abs() < 1e-3);
}

#[test]
fn methods_that_need_a_target_say_so() {
    for m in ["unsd-legacy", "escap", "iati"] {
        let a = run(
            &format!("unit = \"percent\"\ndirection = \"increase\"\nmethod = \"{m}\""),
            &[("2015", 40.0), ("2020", 50.0)],
            None,
        );
        assert_eq!(a.status, Status::NotComputable, "{m}");
        assert!(
            a.notes
                .iter()
                .any(|n| n.contains("needs a numerical target")),
            "{m}"
        );
    }
}

#[test]
fn a_band_direction() {
    let f = |m: &str| {
        format!(
            "unit = \"percent\"\ndirection = \"band\"\nband = [90.0, 110.0]\nmethod = \"{m}\"\ntarget = {{ period = \"2030\" }}"
        )
    };
    for m in METHODS {
        // Back inside the band: achieved.
        let a = run(&f(m), &[("2015", 130.0), ("2022", 105.0)], None);
        assert_eq!(a.status, Status::TargetAchieved, "{m}");
        // Below the band and sinking: moving away, whichever edge.
        let a = run(&f(m), &[("2015", 85.0), ("2022", 70.0)], None);
        assert!(a.rating.unwrap() <= Rating::OffTrack, "{m}: {:?}", a.status);
        // Above the band and closing in.
        let a = run(&f(m), &[("2015", 130.0), ("2022", 120.0)], None);
        assert!(
            a.rating.unwrap() >= Rating::NeedsAcceleration,
            "{m}: {:?}",
            a.status
        );
    }
}

#[test]
fn ordinal_nominal_and_qualitative_measures() {
    let f = "measure = \"ordinal\"\nlevels = [\"none\", \"draft\", \"adopted\", \"implemented\"]\n\
             direction = \"increase\"\nmethod = \"iati\"\nbaseline = { period = \"2013\", value = \"none\" }\n\
             target = { period = \"2017\", value = \"implemented\" }";
    let mut c = one(f);
    c.load_observations_csv("indicator,period,value\nx,2015,draft\n")
        .unwrap();
    let a = assess(&c, &AssessOptions::default()).indicators.remove(0);
    // Ranks 1 → 2 of 1 → 4: a third of the distance, half the time.
    assert_close(a.value, 100.0 / 3.0);
    assert_eq!(a.status, Status::BehindSchedule);
    assert!(
        c.load_observations_csv("indicator,period,value\nx,2016,ratified\n")
            .is_err()
    );

    let f = "measure = \"nominal\"\nlevels = [\"none\", \"bilateral\", \"trilateral\"]\ntarget = { period = \"2016\", value = \"trilateral\" }";
    let mut c = one(f);
    c.load_observations_csv("indicator,period,value\nx,2014,bilateral\n")
        .unwrap();
    let a = assess(&c, &AssessOptions::default()).indicators.remove(0);
    assert_eq!(
        (a.method.as_str(), a.status),
        ("category", Status::TargetNotAchieved)
    );

    let mut c = one("measure = \"qualitative\"");
    c.load_observations_csv("indicator,period,value\nx,2014,\"Talks resumed, no text yet\"\n")
        .unwrap();
    let a = assess(&c, &AssessOptions::default()).indicators.remove(0);
    assert_eq!((a.status, a.rating), (Status::NotAssessed, None));
    assert_eq!(
        a.latest.unwrap().value.as_label(),
        Some("Talks resumed, no text yet")
    );
}

/// The DHS interdiction effectiveness rate, 100 × (apprehensions + turn-backs) / (apprehensions
/// + turn-backs + got-aways), by sector.
const IER: &str = r#"
[[indicator]]
id = "apprehensions"
name = "Apprehensions"
unit = "count"
direction = "decrease"

[[indicator]]
id = "turn-backs"
name = "Turn-backs"
unit = "count"
direction = "decrease"

[[indicator]]
id = "got-aways"
name = "Got-aways"
unit = "count"
direction = "decrease"

[[indicator]]
id = "ier"
name = "Interdiction effectiveness rate"
unit = "percent"
direction = "increase"
method = "iati"
baseline = { period = "FY2015", value = 80.0 }
target = { period = "FY2020", value = 90.0 }
formula = "100 * (apprehensions + {turn-backs}) / (apprehensions + {turn-backs} + {got-aways})"
"#;

#[test]
fn a_formula_indicator_is_computed_per_period_and_dimension() {
    let mut c = debrief_metrics::Catalog::from_toml(IER).unwrap();
    c.load_observations_csv(
        "indicator,period,value,sector\n\
         apprehensions,FY2017,80,\nturn-backs,FY2017,5,\ngot-aways,FY2017,15,\n\
         apprehensions,FY2018,85,\nturn-backs,FY2018,5,\n\
         apprehensions,FY2017,40,Tucson\nturn-backs,FY2017,5,Tucson\ngot-aways,FY2017,5,Tucson\n",
    )
    .unwrap();
    let series = c.effective_series();
    let ier = &series[3];
    // The headline has FY2017 only (FY2018 lacks got-aways: no value, not a zero).
    assert_eq!(ier[0].len(), 1);
    assert_eq!(ier[0].points()[0].value.as_number(), Some(85.0));
    assert_eq!(ier[1].dimensions["sector"], "Tucson");
    assert_eq!(ier[1].points()[0].value.as_number(), Some(90.0));
    let a = assess(&c, &AssessOptions::default()).indicators.remove(3);
    // 80 → 85 of 80 → 90, with FY2017 40% of the way from FY2015 to FY2020.
    assert_close(a.value, 50.0);
    assert_eq!(a.status, Status::OnTrack);
    assert_eq!(a.breakdown[0].status, Status::TargetAchieved);
}

#[test]
fn formula_rows_in_the_csv_are_rejected() {
    let mut c = debrief_metrics::Catalog::from_toml(IER).unwrap();
    let err = c
        .load_observations_csv("indicator,period,value\nier,FY2017,85\n")
        .unwrap_err();
    assert!(err.to_string().contains("computed by its formula"));
}

#[test]
fn annualisation_follows_dhis2() {
    // DHIS2 DateUtils.getAnnualizationFactor: 365 / days in the period (both ends included).
    let mut c = one("unit = \"count\"\ndirection = \"decrease\"\nannualize = true");
    c.load_observations_csv("indicator,period,value\nx,2013-Q1,900\nx,2012-Q1,910\nx,2013-04,30\n")
        .unwrap();
    let s = &c.effective_series()[0][0];
    let v: Vec<f64> = s
        .points()
        .iter()
        .map(|o| o.value.as_number().unwrap())
        .collect();
    assert_eq!(
        v,
        [
            910.0 * 365.0 / 91.0,
            900.0 * 365.0 / 90.0,
            30.0 * 365.0 / 30.0
        ]
    );
}

#[test]
fn scorecard_rolls_up_with_weights_and_explicit_missing_data() {
    let toml = r#"
[[objective]]
id = "rec-1"
name = "Weighted"

[[objective]]
id = "rec-2"
name = "Worst"
rollup = "worst"

[[objective]]
id = "rec-3"
name = "Nothing measured yet"

[[indicator]]
id = "achieved"
name = "Achieved (level 4), weight 3"
objective = "rec-1"
weight = 3.0
unit = "count"
direction = "increase"
method = "iati"
baseline = { period = "2015", value = 0.0 }
target = { period = "2020", value = 10.0 }
observations = [{ period = "2018", value = 12.0 }]

[[indicator]]
id = "regressing"
name = "Regressing (level 0), weight 1"
objective = "rec-1"
unit = "count"
direction = "increase"
method = "iati"
baseline = { period = "2015", value = 5.0 }
target = { period = "2020", value = 10.0 }
observations = [{ period = "2018", value = 4.0 }]

[[indicator]]
id = "no-data"
name = "No data"
objective = "rec-1"
weight = 5.0
unit = "count"
direction = "increase"

[[indicator]]
id = "on-track"
name = "On track"
objective = "rec-2"
unit = "count"
direction = "increase"
method = "iati"
baseline = { period = "2015", value = 0.0 }
target = { period = "2025", value = 10.0 }
observations = [{ period = "2020", value = 6.0 }]

[[indicator]]
id = "off-track"
name = "No progress"
objective = "rec-2"
unit = "count"
direction = "increase"
method = "iati"
baseline = { period = "2015", value = 0.0 }
target = { period = "2025", value = 10.0 }
observations = [{ period = "2020", value = 0.0 }]

[[indicator]]
id = "loose"
name = "Belongs to no objective"
unit = "count"
direction = "increase"
"#;
    let c = debrief_metrics::Catalog::from_toml(toml).unwrap();
    let r = assess(&c, &AssessOptions::default());
    let [rec1, rec2, rec3] = [&r.objectives[0], &r.objectives[1], &r.objectives[2]];
    // (3·4 + 1·0) / 4 = 3 → on track; the unrated 5 weights are missing, not zeros.
    assert_eq!(rec1.score, Some(3.0));
    assert_eq!(rec1.status, ObjectiveStatus::OnTrack);
    assert_eq!(rec1.missing, ["no-data"]);
    assert_eq!(rec1.coverage, Some(4.0 / 9.0));
    // Worst of on track and off track.
    assert_eq!(rec2.status, ObjectiveStatus::OffTrack);
    assert_eq!(rec2.score, Some(2.0));
    // No indicators at all.
    assert_eq!(rec3.status, ObjectiveStatus::InsufficientData);
    assert_eq!((rec3.score, rec3.coverage), (None, None));
    assert_eq!(r.unassigned, ["loose"]);
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["objectives"][2]["status"], "insufficient_data");
    assert_eq!(json["objectives"][0]["status"], "on_track");
    assert_eq!(detail(&r.indicators[0], "percent_of_distance"), 120.0);
}

#[test]
fn disaggregations_without_a_headline() {
    let mut c = one(
        "unit = \"count\"\ndirection = \"decrease\"\nmethod = \"iati\"\ntarget = { period = \"FY2020\", value = 5.0 }",
    );
    c.load_observations_csv(
        "indicator,period,value,sector\nx,FY2015,10,Tucson\nx,FY2017,8,Tucson\n",
    )
    .unwrap();
    let a = assess(&c, &AssessOptions::default()).indicators.remove(0);
    assert_eq!(a.status, Status::InsufficientData);
    assert!(
        a.notes.iter().any(|n| n.contains("no headline series")),
        "{:?}",
        a.notes
    );
    // The sector is still assessed: 10 → 8 of 10 → 5 is 40% of the way, 40% of the time.
    assert_eq!(a.breakdown.len(), 1);
    assert_close(a.breakdown[0].value, 40.0);
    assert_eq!(a.breakdown[0].status, Status::OnTrack);
}
