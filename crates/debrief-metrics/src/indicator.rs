//! Indicators: what is measured (unit, IATI measure kind), which way is better ([`Direction`]),
//! where it started ([`Baseline`]), where it should get by when ([`Target`]), how progress is
//! judged ([`Method`]), and the observed [`Series`]; and the [`Objective`]s they
//! are grouped under.

use serde::{Deserialize, Serialize};

use crate::formula::Formula;
use crate::method::Method;
use crate::observation::{ObsValue, Series};
use crate::period::Period;
use crate::unit::Unit;

/// Which way an indicator should move.
///
/// ```
/// use debrief_metrics::Direction;
/// assert!(Direction::Increase.is_improvement(40.0, 45.0));
/// assert!(Direction::Decrease.is_improvement(40.0, 35.0));
/// let band = Direction::Band { low: 90.0, high: 110.0 };
/// assert!(band.is_improvement(120.0, 105.0)); // back inside the band
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Higher is better.
    Increase,
    /// Lower is better.
    Decrease,
    /// Staying within `low..=high` is best; the further outside, the worse.
    Band {
        /// Lower edge of the band.
        low: f64,
        /// Upper edge of the band.
        high: f64,
    },
}

impl Direction {
    /// How far `value` is from the desired region along this direction: for a band, the
    /// distance outside it (0 inside); otherwise `None`.
    ///
    /// ```
    /// use debrief_metrics::Direction;
    /// let band = Direction::Band { low: 90.0, high: 110.0 };
    /// assert_eq!(band.outside_band(85.0), Some(5.0));
    /// assert_eq!(band.outside_band(100.0), Some(0.0));
    /// assert_eq!(Direction::Increase.outside_band(1.0), None);
    /// ```
    pub fn outside_band(self, value: f64) -> Option<f64> {
        match self {
            Direction::Band { low, high } => Some((low - value).max(value - high).max(0.0)),
            _ => None,
        }
    }

    /// Whether moving from `from` to `to` is a move in the desired direction (for a band:
    /// closer to it).
    ///
    /// ```
    /// use debrief_metrics::Direction;
    /// assert!(!Direction::Increase.is_improvement(10.0, 10.0));
    /// ```
    pub fn is_improvement(self, from: f64, to: f64) -> bool {
        match self {
            Direction::Increase => to > from,
            Direction::Decrease => to < from,
            Direction::Band { .. } => {
                self.outside_band(to).unwrap_or(0.0) < self.outside_band(from).unwrap_or(0.0)
            }
        }
    }

    /// Whether `value` meets `target` in this direction (for a band: lies within it).
    ///
    /// ```
    /// use debrief_metrics::Direction;
    /// assert!(Direction::Decrease.meets(24.0, 25.0));
    /// assert!(!Direction::Increase.meets(24.0, 25.0));
    /// ```
    pub fn meets(self, value: f64, target: f64) -> bool {
        match self {
            Direction::Increase => value >= target,
            Direction::Decrease => value <= target,
            Direction::Band { .. } => self.outside_band(value) == Some(0.0),
        }
    }
}

/// How an indicator is measured: the IATI `IndicatorMeasure` codes 1–5, plus milestones.
///
/// ```
/// use debrief_metrics::Measure;
/// assert!(Measure::Quantity.is_numeric());
/// assert!(!Measure::Milestone.is_numeric());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// IATI 1 "Unit": a quantity.
    Quantity,
    /// IATI 2 "Percentage".
    Percentage,
    /// IATI 3 "Nominal": unordered categories; the target is one of them.
    Nominal {
        /// The categories allowed.
        categories: Vec<String>,
    },
    /// IATI 4 "Ordinal": ordered levels, worst first for an increasing indicator; assessed on
    /// the levels' ranks (1, 2, …).
    Ordinal {
        /// The levels, in order.
        levels: Vec<String>,
    },
    /// IATI 5 "Qualitative": described, not measured; reported, never scored.
    Qualitative,
    /// A milestone: `not_started`, `in_progress` or `done`, with dates.
    Milestone,
}

impl Measure {
    /// Whether observations are numbers (quantity, percentage) rather than labels.
    ///
    /// ```
    /// use debrief_metrics::Measure;
    /// assert!(Measure::Percentage.is_numeric());
    /// assert!(!Measure::Qualitative.is_numeric());
    /// ```
    pub fn is_numeric(&self) -> bool {
        matches!(self, Measure::Quantity | Measure::Percentage)
    }

    /// The rank (1-based) of an ordinal `label`, or `None`.
    ///
    /// ```
    /// use debrief_metrics::Measure;
    /// let m = Measure::Ordinal { levels: vec!["low".into(), "high".into()] };
    /// assert_eq!(m.rank("high"), Some(2.0));
    /// assert_eq!(m.rank("medium"), None);
    /// ```
    pub fn rank(&self, label: &str) -> Option<f64> {
        match self {
            Measure::Ordinal { levels } => levels
                .iter()
                .position(|l| l == label)
                .and_then(|i| u32::try_from(i + 1).ok())
                .map(f64::from),
            _ => None,
        }
    }

    /// The name used in catalogs (`quantity`, `percentage`, `nominal`, …).
    ///
    /// ```
    /// use debrief_metrics::Measure;
    /// assert_eq!(Measure::Milestone.name(), "milestone");
    /// ```
    pub fn name(&self) -> &'static str {
        match self {
            Measure::Quantity => "quantity",
            Measure::Percentage => "percentage",
            Measure::Nominal { .. } => "nominal",
            Measure::Ordinal { .. } => "ordinal",
            Measure::Qualitative => "qualitative",
            Measure::Milestone => "milestone",
        }
    }
}

/// The state of a milestone.
///
/// ```
/// use debrief_metrics::MilestoneState;
/// assert_eq!(MilestoneState::parse("in progress"), Some(MilestoneState::InProgress));
/// assert_eq!(MilestoneState::Done.as_str(), "done");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MilestoneState {
    /// Not started.
    NotStarted,
    /// Under way.
    InProgress,
    /// Done.
    Done,
}

impl MilestoneState {
    /// Parses `not_started`, `in_progress`, `done` (also with spaces or hyphens, any case;
    /// `completed` means done).
    ///
    /// ```
    /// use debrief_metrics::MilestoneState;
    /// assert_eq!(MilestoneState::parse("Completed"), Some(MilestoneState::Done));
    /// assert_eq!(MilestoneState::parse("maybe"), None);
    /// ```
    pub fn parse(s: &str) -> Option<MilestoneState> {
        let key: String = s
            .trim()
            .to_ascii_lowercase()
            .chars()
            .map(|c| if c == ' ' || c == '-' { '_' } else { c })
            .collect();
        match key.as_str() {
            "not_started" => Some(MilestoneState::NotStarted),
            "in_progress" | "started" | "under_way" | "underway" => {
                Some(MilestoneState::InProgress)
            }
            "done" | "completed" | "complete" => Some(MilestoneState::Done),
            _ => None,
        }
    }

    /// The `snake_case` name.
    ///
    /// ```
    /// use debrief_metrics::MilestoneState;
    /// assert_eq!(MilestoneState::NotStarted.as_str(), "not_started");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            MilestoneState::NotStarted => "not_started",
            MilestoneState::InProgress => "in_progress",
            MilestoneState::Done => "done",
        }
    }
}

/// Where an indicator started: a period and its value.
///
/// ```
/// use debrief_metrics::{Baseline, Finite, ObsValue};
/// let b = Baseline { period: "2015".parse()?, value: ObsValue::Number(Finite::new(50.0)?) };
/// assert_eq!(b.value.as_number(), Some(50.0));
/// # Ok::<(), debrief_metrics::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Baseline {
    /// The base period.
    pub period: Period,
    /// The value then.
    pub value: ObsValue,
}

/// Where an indicator should get, and by when (the period whose end is the deadline).
/// A milestone's target has no value: it is "done by then".
///
/// ```
/// use debrief_metrics::Target;
/// let t = Target { period: "2030".parse()?, value: None };
/// assert_eq!(t.period.end().to_string(), "2030-12-31");
/// # Ok::<(), debrief_metrics::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Target {
    /// The deadline period (the target should be met by its last day).
    pub period: Period,
    /// The value to reach (none for a milestone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<ObsValue>,
}

/// How an objective's indicators are rolled up into one status.
///
/// ```
/// use debrief_metrics::Rollup;
/// assert_eq!(Rollup::default(), Rollup::WeightedMean);
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Rollup {
    /// The weighted mean of the indicators' rating levels, rounded down.
    #[default]
    WeightedMean,
    /// The worst rating.
    Worst,
}

/// An objective: what a group of indicators measures progress towards. For debrief it is a
/// recommendation of a brief, identified by the recommendation's id.
///
/// ```
/// use debrief_metrics::{Objective, Rollup};
/// let o = Objective { id: "rec-1".into(), name: "Develop an anti-crime strategy".into(),
///                     description: None, rollup: Rollup::Worst };
/// assert_eq!(o.id, "rec-1");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Objective {
    /// The objective's id (a recommendation id).
    pub id: String,
    /// A short name.
    pub name: String,
    /// A longer description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// How its indicators are rolled up.
    #[serde(default)]
    pub rollup: Rollup,
}

/// An indicator: its definition, its method and its observations.
///
/// Build one in code with [`Indicator::new`] and the `with_*` methods, or load a catalog
/// ([`Catalog::from_toml`](crate::Catalog::from_toml)).
///
/// ```
/// use debrief_metrics::{Direction, Indicator, Method, Observation, Unit};
/// let ind = Indicator::new("example-share", "An illustrative share", Unit::PERCENT)
///     .with_direction(Direction::Decrease)
///     .with_method(Method::unsd_legacy())
///     .with_baseline("2015".parse()?, 50.0)?
///     .with_target("2030".parse()?, 25.0)?
///     .with_observation(Observation::number("2022".parse()?, 45.0)?)?;
/// assert_eq!(ind.headline().map(|s| s.len()), Some(1));
/// # Ok::<(), debrief_metrics::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    /// Unique id (also the variable name formulas use).
    pub id: String,
    /// Short name.
    pub name: String,
    /// What it measures and how.
    pub description: Option<String>,
    /// The objective it measures progress towards.
    pub objective: Option<String>,
    /// Weight within its objective (default 1).
    pub weight: f64,
    /// The unit (required for numeric measures).
    pub unit: Option<Unit>,
    /// The IATI measure kind or milestone.
    pub measure: Measure,
    /// Which way is better.
    pub direction: Direction,
    /// A natural limit in the desired direction (100 for a percentage that should increase;
    /// used by the Statistics Canada method to scale its thresholds).
    pub limit: Option<f64>,
    /// Where it started.
    pub baseline: Option<Baseline>,
    /// Where it should get by when.
    pub target: Option<Target>,
    /// How progress is assessed.
    pub method: Method,
    /// A formula computing its values from other indicators.
    pub formula: Option<Formula>,
    /// Whether values are annualised: multiplied by 365 / days in the period (DHIS2).
    pub annualize: bool,
    /// Where its data come from.
    pub source: Option<String>,
    /// A note.
    pub note: Option<String>,
    /// The observed series: the headline (no dimensions) and disaggregations.
    pub series: Vec<Series>,
}

impl Indicator {
    /// A quantity indicator with no data yet: direction `increase`, method `linear-trend`.
    ///
    /// ```
    /// use debrief_metrics::{Indicator, Unit};
    /// let ind = Indicator::new("seizures", "Contraband seizures", Unit::COUNT);
    /// assert_eq!(ind.weight, 1.0);
    /// ```
    pub fn new(id: impl Into<String>, name: impl Into<String>, unit: Unit) -> Indicator {
        Indicator {
            id: id.into(),
            name: name.into(),
            description: None,
            objective: None,
            weight: 1.0,
            measure: if unit.same_as(&Unit::PERCENT) {
                Measure::Percentage
            } else {
                Measure::Quantity
            },
            unit: Some(unit),
            direction: Direction::Increase,
            limit: None,
            baseline: None,
            target: None,
            method: Method::LinearTrend,
            formula: None,
            annualize: false,
            source: None,
            note: None,
            series: Vec::new(),
        }
    }

    /// A milestone ("develop a master plan") due by the end of `deadline`.
    ///
    /// ```
    /// use debrief_metrics::{Indicator, Measure};
    /// let m = Indicator::milestone("plan", "Master plan adopted", "2014".parse()?);
    /// assert_eq!(m.measure, Measure::Milestone);
    /// # Ok::<(), debrief_metrics::Error>(())
    /// ```
    pub fn milestone(
        id: impl Into<String>,
        name: impl Into<String>,
        deadline: Period,
    ) -> Indicator {
        Indicator {
            measure: Measure::Milestone,
            unit: None,
            method: Method::Milestone,
            target: Some(Target {
                period: deadline,
                value: None,
            }),
            ..Indicator::new(id, name, Unit::COUNT)
        }
    }

    /// Sets the direction.
    ///
    /// ```
    /// use debrief_metrics::{Direction, Indicator, Unit};
    /// let ind = Indicator::new("x", "X", Unit::COUNT).with_direction(Direction::Decrease);
    /// assert_eq!(ind.direction, Direction::Decrease);
    /// ```
    #[must_use]
    pub fn with_direction(mut self, direction: Direction) -> Indicator {
        self.direction = direction;
        self
    }

    /// Sets the method.
    ///
    /// ```
    /// use debrief_metrics::{Indicator, Method, Unit};
    /// let ind = Indicator::new("x", "X", Unit::COUNT).with_method(Method::statcan());
    /// assert_eq!(ind.method.name(), "statcan");
    /// ```
    #[must_use]
    pub fn with_method(mut self, method: Method) -> Indicator {
        self.method = method;
        self
    }

    /// Sets the objective and weight.
    ///
    /// ```
    /// use debrief_metrics::{Indicator, Unit};
    /// let ind = Indicator::new("x", "X", Unit::COUNT).with_objective("rec-2", 2.0);
    /// assert_eq!(ind.objective.as_deref(), Some("rec-2"));
    /// ```
    #[must_use]
    pub fn with_objective(mut self, objective: impl Into<String>, weight: f64) -> Indicator {
        self.objective = Some(objective.into());
        self.weight = weight;
        self
    }

    /// Sets a numeric baseline (an error if `value` is not finite).
    ///
    /// # Errors
    ///
    /// If `value` is NaN or infinite.
    ///
    /// ```
    /// use debrief_metrics::{Indicator, Unit};
    /// let ind = Indicator::new("x", "X", Unit::COUNT).with_baseline("2015".parse()?, 10.0)?;
    /// assert!(ind.baseline.is_some());
    /// # Ok::<(), debrief_metrics::Error>(())
    /// ```
    pub fn with_baseline(mut self, period: Period, value: f64) -> Result<Indicator, crate::Error> {
        self.baseline = Some(Baseline {
            period,
            value: ObsValue::Number(crate::observation::Finite::new(value)?),
        });
        Ok(self)
    }

    /// Sets a numeric target (an error if `value` is not finite).
    ///
    /// # Errors
    ///
    /// If `value` is NaN or infinite.
    ///
    /// ```
    /// use debrief_metrics::{Indicator, Unit};
    /// let ind = Indicator::new("x", "X", Unit::COUNT).with_target("2030".parse()?, 20.0)?;
    /// assert_eq!(ind.target.unwrap().value.unwrap().as_number(), Some(20.0));
    /// # Ok::<(), debrief_metrics::Error>(())
    /// ```
    pub fn with_target(mut self, period: Period, value: f64) -> Result<Indicator, crate::Error> {
        self.target = Some(Target {
            period,
            value: Some(ObsValue::Number(crate::observation::Finite::new(value)?)),
        });
        Ok(self)
    }

    /// Adds an observation to the headline series.
    ///
    /// # Errors
    ///
    /// If the headline series already has a value for the period.
    ///
    /// ```
    /// use debrief_metrics::{Indicator, Observation, Unit};
    /// let ind = Indicator::new("x", "X", Unit::COUNT)
    ///     .with_observation(Observation::number("2015".parse()?, 1.0)?)?;
    /// assert_eq!(ind.headline().unwrap().len(), 1);
    /// # Ok::<(), debrief_metrics::Error>(())
    /// ```
    pub fn with_observation(
        mut self,
        observation: crate::Observation,
    ) -> Result<Indicator, crate::Error> {
        self.series_mut(&crate::observation::Dimensions::new())
            .insert(observation)?;
        Ok(self)
    }

    /// The headline series (no dimensions), if it has one.
    ///
    /// ```
    /// use debrief_metrics::{Indicator, Unit};
    /// assert!(Indicator::new("x", "X", Unit::COUNT).headline().is_none());
    /// ```
    pub fn headline(&self) -> Option<&Series> {
        self.series.iter().find(|s| s.is_headline())
    }

    /// The series for `dimensions`, created empty if absent (kept sorted: headline first).
    ///
    /// ```
    /// use debrief_metrics::{Indicator, Unit};
    /// let mut ind = Indicator::new("x", "X", Unit::COUNT);
    /// let dims = [("sector".to_owned(), "Tucson".to_owned())].into();
    /// assert!(ind.series_mut(&dims).is_empty());
    /// assert_eq!(ind.series.len(), 1);
    /// ```
    pub fn series_mut(&mut self, dimensions: &crate::observation::Dimensions) -> &mut Series {
        match self
            .series
            .binary_search_by(|s| s.dimensions.cmp(dimensions))
        {
            Ok(i) => &mut self.series[i],
            Err(i) => {
                self.series.insert(i, Series::new(dimensions.clone()));
                &mut self.series[i]
            }
        }
    }
}
