//! Typed indicators, reporting periods, observations and the progress methods that statistics
//! offices publish, rolled up into scorecards. Independent of the parser and the model: an
//! objective is identified by a plain string (a recommendation id, for debrief).
//!
//! - [`quantity`]: values whose units are checked at compile time ([`quantity::Value`]);
//!   [`unit`](mod@unit): the runtime-checked [`Unit`]s catalogs name.
//! - [`period`]: calendar and U.S. federal fiscal years, quarters, months, dates.
//! - [`indicator`], [`observation`]: what is measured and what was observed.
//! - [`formula`]: indicators computed from others, unit-checked at load.
//! - [`method`]: the progress methods (UNSD, Statistics Canada/Open SDG, ESCAP, IATI, DHIS2,
//!   linear trend), each reproducing its published source.
//! - [`scorecard`]: objectives rolled up, missing data explicit.
//! - [`catalog`], [`tidy`]: the TOML catalog and the tidy CSV of observations (text in; this
//!   crate reads no files); [`report`]: assessing a catalog, and the JSON Schemas.
//!
//! ```
//! use debrief_metrics::{assess, AssessOptions, Catalog, Status};
//! let mut catalog = Catalog::from_toml(r#"
//! [[indicator]]
//! id = "example-share"
//! name = "An illustrative share (not real data)"
//! unit = "percent"
//! direction = "decrease"            # increase | decrease
//! method = "unsd-legacy"            # unsd-legacy | unsd-2023 | statcan | escap | iati | dhis2-bands | linear-trend
//! baseline = { period = "2015", value = 50.0 }
//! target = { period = "2030", value = 25.0 }
//! "#)?;
//! catalog.load_observations_csv("indicator,period,value\nexample-share,2015,50.0\nexample-share,2022,45.0\n")?;
//! let report = assess(&catalog, &AssessOptions::default());
//! assert_eq!(report.indicators[0].status, Status::LimitedOrNoProgress);
//! # Ok::<(), debrief_metrics::Error>(())
//! ```

#![forbid(unsafe_code)]

pub mod catalog;
mod error;
pub mod formula;
pub mod indicator;
pub mod method;
pub mod observation;
pub mod period;
pub mod quantity;
pub mod report;
pub mod scorecard;
pub mod tidy;
pub mod unit;

pub use catalog::Catalog;
pub use error::{Error, ErrorKind, Location, Span};
pub use formula::Formula;
pub use indicator::{
    Baseline, Direction, Indicator, Measure, MilestoneState, Objective, Rollup, Target,
};
pub use method::{
    AssessOptions, Assessment, Method, Point, Projection, Rating, SeriesAssessment, Status,
};
pub use observation::{Finite, ObsValue, Observation, Series};
pub use period::{Date, Period, PeriodKind};
pub use report::{Report, assess, catalog_schema, observation_row_schema, report_schema};
pub use scorecard::{Member, ObjectiveStatus, ObjectiveSummary, roll_up};
pub use unit::{Currency, Dimension, Unit};

/// The README's code examples, compiled and run as doc tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
