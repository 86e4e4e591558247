//! Track progress in code: typed indicators with baselines, targets and observations,
//! assessed by published methods and rolled up under an objective — no catalog file needed.
//!
//! The seizure counts are GAO's (GAO-13-330T: 10,321 in FY2006, 18,898 in FY2011); the
//! camera-coverage series and both targets are illustrative, not real data.
//!
//! ```sh
//! cargo run --example track_progress
//! ```
#![allow(clippy::print_stdout)]

use debrief::metrics::quantity::{Count, Value};
use debrief::metrics::{
    AssessOptions, Catalog, Direction, Indicator, Method, Objective, Observation, Period, Rollup,
    Unit, assess,
};

fn main() -> Result<(), debrief::metrics::Error> {
    // Typed quantities: a count over a count is a share; adding miles to dollars would not
    // compile.
    let covered = Value::<Count>::new(879.0)?; // illustrative
    let border = Value::<Count>::new(1_954.0)?;
    let share = (covered / border)?.to_percent()?;
    println!(
        "{} of {} miles under cameras: {:.1} percent\n",
        covered.get(),
        border.get(),
        share.get()
    );

    let fy = |y: i32| Period::FiscalYear(y);
    let seizures = Indicator::new(
        "contraband-seizures",
        "Border Patrol seizures of drugs and other contraband",
        Unit::COUNT,
    )
    .with_direction(Direction::Increase)
    .with_method(Method::LinearTrend)
    .with_objective("modernize-the-border", 1.0)
    .with_target(fy(2020), 30_000.0)? // illustrative
    .with_observation(Observation::number(fy(2006), 10_321.0)?.with_source("GAO-13-330T"))?
    .with_observation(Observation::number(fy(2011), 18_898.0)?.with_source("GAO-13-330T"))?;

    let mut cameras = Indicator::new(
        "camera-coverage",
        "Share of border miles under camera coverage (illustrative)",
        Unit::PERCENT,
    )
    .with_direction(Direction::Increase)
    .with_method(Method::unsd_2023())
    .with_objective("modernize-the-border", 2.0)
    .with_baseline(Period::Year(2015), 20.0)?
    .with_target(Period::Year(2030), 80.0)?;
    for (year, value) in [(2018, 28.0), (2021, 37.0), (2024, share.get())] {
        cameras = cameras.with_observation(Observation::number(Period::Year(year), value)?)?;
    }

    let catalog = Catalog {
        title: Some("Border modernization (example)".to_owned()),
        objectives: vec![Objective {
            id: "modernize-the-border".to_owned(),
            name: "Continue modernization of the southwest border".to_owned(),
            description: None,
            rollup: Rollup::WeightedMean,
        }],
        indicators: vec![seizures, cameras],
    };
    // Deadlines judged at each indicator's latest observation (pass a date to judge them today).
    let report = assess(&catalog, &AssessOptions::default());
    for a in &report.indicators {
        println!("{} — {} by {}", a.name, a.status, a.method);
        if let Some(v) = a.value {
            println!("  headline value {v:.4}");
        }
        if let Some(p) = &a.projected {
            println!("  projected {:.1} in {}", p.value, p.period);
        }
        if let Some(r) = a.reached_in {
            println!("  at this pace the target is reached in {r}");
        }
        for note in &a.notes {
            println!("  note: {note}");
        }
    }
    for o in &report.objectives {
        println!(
            "\n{}: {} (score {:.2}, {:.0}% of the weight rated)",
            o.name,
            o.status.as_str(),
            o.score.unwrap_or(f64::NAN),
            o.coverage.unwrap_or(0.0) * 100.0
        );
    }
    Ok(())
}
