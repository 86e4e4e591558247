//! The progress methods, each reproducing the numbers of its published source (cited in each
//! submodule and in `docs/METRICS.md`):
//!
//! | name | module | headline value | source |
//! |---|---|---|---|
//! | `unsd-legacy` | [`unsd`] | ratio of actual to required growth (Cr) | UNSD SDG Progress Chart 2022 technical note |
//! | `unsd-2023` | [`unsd`] | projected share of the required progress by the target year | UNSD Progress Chart 2023 technical note |
//! | `statcan` | [`statcan`] | score −5…+5 | Statistics Canada / Open SDG `sdg-build` `ProgressMeasure.py` |
//! | `escap` | [`escap`] | Anticipated Progress Index (%), with the Current Status Index | ESCAP Asia-Pacific SDG Progress Report |
//! | `iati` | [`iati`] | percent of the baseline-to-target distance | IATI results guidance |
//! | `dhis2-bands` | [`dhis2`] | the value classified | DHIS2 legend sets |
//! | `linear-trend` | [`trend`] | slope per year | least squares |
//!
//! Milestones, nominal and qualitative indicators have their own fixed assessments.
//!
//! Every method shares the edge cases: fewer observations than it needs →
//! `insufficient_data`; the latest value meets the target → `target_achieved`; the deadline
//! passed without meeting it → `deadline_missed`; a formula undefined for the values (zero or
//! mixed-sign values under a growth rate, a target equal to the base) → `not_computable`. The
//! direction of progress is applied explicitly everywhere (never inferred from the sign of the
//! target minus the base), so an indicator moving the wrong way is never on track.

pub mod dhis2;
pub mod escap;
pub mod iati;
pub mod statcan;
mod status;
pub mod trend;
pub mod unsd;

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use status::{Rating, Status};

use crate::indicator::{Direction, Indicator, Measure, MilestoneState};
use crate::observation::{Dimensions, ObsValue, Series};
use crate::period::{Date, Period};

/// How an indicator's progress is assessed, with the method's options.
///
/// ```
/// use debrief_metrics::Method;
/// assert_eq!(Method::from_name("unsd-legacy").unwrap().name(), "unsd-legacy");
/// assert!(Method::from_name("eurostat").is_none());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Method {
    /// UNSD SDG Progress Chart, pre-2023: ratio of actual to required growth.
    UnsdLegacy(unsd::LegacyOptions),
    /// UNSD SDG Progress Chart, 2023 and later: projected value against the target.
    Unsd2023(unsd::Options2023),
    /// Statistics Canada / Open SDG progress measure.
    Statcan(statcan::Options),
    /// ESCAP Current Status Index and Anticipated Progress Index.
    Escap(escap::Options),
    /// IATI-style percent of target and of the baseline-to-target distance.
    Iati,
    /// DHIS2 legend bands.
    Dhis2Bands(dhis2::Options),
    /// Least-squares linear trend, projected to the deadline.
    LinearTrend,
    /// A milestone's state (`not_started`, `in_progress`, `done`) against its deadline.
    Milestone,
    /// A nominal indicator: the latest category against the target category.
    Category,
    /// A qualitative indicator: reported, not scored.
    Qualitative,
}

impl Method {
    /// The methods for numeric (and ordinal) indicators.
    ///
    /// ```
    /// use debrief_metrics::Method;
    /// assert_eq!(Method::NUMERIC_NAMES[..], Method::NAMES[..7]);
    /// ```
    pub const NUMERIC_NAMES: [&'static str; 7] = [
        "unsd-legacy",
        "unsd-2023",
        "statcan",
        "escap",
        "iati",
        "dhis2-bands",
        "linear-trend",
    ];

    /// The names of the methods a catalog may select (`method = "…"`).
    ///
    /// ```
    /// use debrief_metrics::Method;
    /// assert!(Method::NAMES.iter().all(|n| Method::from_name(n).is_some()));
    /// ```
    pub const NAMES: [&'static str; 10] = [
        "unsd-legacy",
        "unsd-2023",
        "statcan",
        "escap",
        "iati",
        "dhis2-bands",
        "linear-trend",
        "milestone",
        "category",
        "qualitative",
    ];

    /// The method of that name with its default options.
    ///
    /// ```
    /// use debrief_metrics::Method;
    /// assert_eq!(Method::from_name("dhis2-bands").unwrap(), Method::dhis2_bands());
    /// ```
    pub fn from_name(name: &str) -> Option<Method> {
        Some(match name {
            "unsd-legacy" => Method::unsd_legacy(),
            "unsd-2023" => Method::unsd_2023(),
            "statcan" => Method::statcan(),
            "escap" => Method::escap(),
            "iati" => Method::Iati,
            "dhis2-bands" => Method::dhis2_bands(),
            "linear-trend" => Method::LinearTrend,
            "milestone" => Method::Milestone,
            "category" => Method::Category,
            "qualitative" => Method::Qualitative,
            _ => return None,
        })
    }

    /// The method's name.
    ///
    /// ```
    /// use debrief_metrics::Method;
    /// assert_eq!(Method::LinearTrend.name(), "linear-trend");
    /// ```
    pub fn name(&self) -> &'static str {
        match self {
            Method::UnsdLegacy(_) => "unsd-legacy",
            Method::Unsd2023(_) => "unsd-2023",
            Method::Statcan(_) => "statcan",
            Method::Escap(_) => "escap",
            Method::Iati => "iati",
            Method::Dhis2Bands(_) => "dhis2-bands",
            Method::LinearTrend => "linear-trend",
            Method::Milestone => "milestone",
            Method::Category => "category",
            Method::Qualitative => "qualitative",
        }
    }

    /// UNSD pre-2023 with its published thresholds.
    ///
    /// ```
    /// use debrief_metrics::Method;
    /// assert_eq!(Method::unsd_legacy().name(), "unsd-legacy");
    /// ```
    pub fn unsd_legacy() -> Method {
        Method::UnsdLegacy(unsd::LegacyOptions::default())
    }

    /// UNSD 2023+ with its published thresholds.
    ///
    /// ```
    /// use debrief_metrics::Method;
    /// assert_eq!(Method::unsd_2023().name(), "unsd-2023");
    /// ```
    pub fn unsd_2023() -> Method {
        Method::Unsd2023(unsd::Options2023::default())
    }

    /// Statistics Canada with the `sdg-build` defaults.
    ///
    /// ```
    /// use debrief_metrics::Method;
    /// assert_eq!(Method::statcan().name(), "statcan");
    /// ```
    pub fn statcan() -> Method {
        Method::Statcan(statcan::Options::default())
    }

    /// ESCAP with its defaults.
    ///
    /// ```
    /// use debrief_metrics::Method;
    /// assert_eq!(Method::escap().name(), "escap");
    /// ```
    pub fn escap() -> Method {
        Method::Escap(escap::Options::default())
    }

    /// DHIS2 bands with the default legend set.
    ///
    /// ```
    /// use debrief_metrics::Method;
    /// assert_eq!(Method::dhis2_bands().name(), "dhis2-bands");
    /// ```
    pub fn dhis2_bands() -> Method {
        Method::Dhis2Bands(dhis2::Options::default())
    }

    /// How many observations (base included) the method needs.
    fn min_points(&self) -> usize {
        match self {
            Method::Dhis2Bands(o) if o.of != dhis2::BandInput::PercentOfDistance => 1,
            _ => 2,
        }
    }
}

/// A period and its value, as reported in an assessment.
///
/// ```
/// use debrief_metrics::{Finite, ObsValue, Point};
/// let p = Point { period: "2022".parse()?, value: ObsValue::Number(Finite::new(45.0)?) };
/// assert_eq!(p.value.as_number(), Some(45.0));
/// # Ok::<(), debrief_metrics::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Point {
    /// The period.
    pub period: Period,
    /// The value.
    pub value: ObsValue,
}

/// A projected value: what the indicator will be in `period` if the observed pace continues.
///
/// ```
/// use debrief_metrics::Projection;
/// let p = Projection { period: "2030".parse()?, value: 39.9 };
/// assert_eq!(p.period.to_string(), "2030");
/// # Ok::<(), debrief_metrics::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Projection {
    /// The period projected to (the target period).
    pub period: Period,
    /// The projected value.
    pub value: f64,
}

/// The assessment of one disaggregated series (e.g. one Border Patrol sector).
///
/// ```
/// use debrief_metrics::{SeriesAssessment, Status};
/// let s = SeriesAssessment { dimensions: Default::default(), value: Some(0.3), status: Status::OnTrack, rating: Status::OnTrack.rating() };
/// assert!(s.dimensions.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SeriesAssessment {
    /// The series' dimensions.
    pub dimensions: Dimensions,
    /// The method's headline number for the series.
    pub value: Option<f64>,
    /// The series' status.
    pub status: Status,
    /// Its common rating.
    pub rating: Option<Rating>,
}

/// The result of assessing one indicator.
///
/// ```
/// use debrief_metrics::{assess, AssessOptions, Catalog, Status};
/// let catalog = Catalog::from_toml(r#"
/// [[indicator]]
/// id = "example-share"
/// name = "An illustrative share (not real data)"
/// unit = "percent"
/// direction = "decrease"
/// method = "unsd-legacy"
/// baseline = { period = "2015", value = 50.0 }
/// target = { period = "2030", value = 25.0 }
/// observations = [{ period = "2022", value = 45.0 }]
/// "#)?;
/// let report = assess(&catalog, &AssessOptions::default());
/// let a = &report.indicators[0];
/// assert_eq!(a.status, Status::LimitedOrNoProgress);
/// assert!((a.value.unwrap() - 0.33075).abs() < 1e-4);
/// # Ok::<(), debrief_metrics::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Assessment {
    /// The indicator's id.
    pub id: String,
    /// The indicator's name.
    pub name: String,
    /// The objective it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub objective: Option<String>,
    /// The method's name.
    pub method: String,
    /// The method's headline number: a ratio, score, index or percent (`docs/METRICS.md`).
    pub value: Option<f64>,
    /// The category, in the method's vocabulary.
    pub status: Status,
    /// The common rating (`None` when there is nothing to rate).
    pub rating: Option<Rating>,
    /// The unit of the indicator's values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The base observation the method started from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<Point>,
    /// The latest observation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest: Option<Point>,
    /// The target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Point>,
    /// The projected value at the target period, for methods that project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub projected: Option<Projection>,
    /// The period in which the target is reached at the observed pace (linear trend).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reached_in: Option<Period>,
    /// The method's intermediate numbers (growth rates, indices, thresholds used).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub details: BTreeMap<Cow<'static, str>, f64>,
    /// Edge cases met and substitutions made, in words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Assessments of the disaggregated series.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breakdown: Vec<SeriesAssessment>,
}

/// Options for an assessment run.
///
/// ```
/// use debrief_metrics::{AssessOptions, Date};
/// let o = AssessOptions { as_of: Some(Date::new(2026, 11, 1)?) };
/// assert!(o.as_of.is_some());
/// # Ok::<(), debrief_metrics::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AssessOptions {
    /// The date of the assessment, for deadlines. `None`: the last day of the latest
    /// observation (so that a run on the same data always gives the same answer).
    pub as_of: Option<Date>,
}

/// One point on the time axis: period, its time in years, value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Pt {
    pub(crate) period: Period,
    pub(crate) t: f64,
    pub(crate) v: f64,
}

/// What a numeric method receives: the points from the base on (the base first), the target,
/// which way is better, the natural limit.
#[derive(Debug, Clone)]
pub(crate) struct Input {
    pub(crate) points: Vec<Pt>,
    pub(crate) target: Option<Pt>,
    pub(crate) increase: bool,
    pub(crate) limit: Option<f64>,
}

impl Input {
    pub(crate) fn base(&self) -> Pt {
        self.points[0]
    }
    pub(crate) fn current(&self) -> Pt {
        self.points[self.points.len() - 1]
    }
    /// +1 when higher is better, −1 when lower is.
    pub(crate) fn d(&self) -> f64 {
        if self.increase { 1.0 } else { -1.0 }
    }
    pub(crate) fn meets(&self, value: f64, target: f64) -> bool {
        if self.increase {
            value >= target
        } else {
            value <= target
        }
    }
}

/// What a method returns for one series.
#[derive(Debug, Clone)]
pub(crate) struct Outcome {
    pub(crate) value: Option<f64>,
    pub(crate) status: Status,
    pub(crate) projected: Option<Projection>,
    pub(crate) reached_in: Option<Period>,
    pub(crate) details: BTreeMap<Cow<'static, str>, f64>,
    pub(crate) notes: Vec<String>,
}

impl Outcome {
    pub(crate) fn new(status: Status) -> Outcome {
        Outcome {
            value: None,
            status,
            projected: None,
            reached_in: None,
            details: BTreeMap::new(),
            notes: Vec::new(),
        }
    }

    pub(crate) fn with_note(mut self, note: impl Into<String>) -> Outcome {
        self.notes.push(note.into());
        self
    }

    /// Records a detail if it is finite.
    pub(crate) fn detail(&mut self, key: &'static str, value: f64) {
        if value.is_finite() {
            self.details.insert(Cow::Borrowed(key), value);
        }
    }
}

/// The status of the first `(lower bound, status)` pair whose bound `value` reaches (bounds
/// highest first), or `below`.
pub(crate) fn classify(value: f64, bands: &[(f64, Status)], below: Status) -> Status {
    bands
        .iter()
        .find(|(bound, _)| value >= *bound)
        .map_or(below, |&(_, status)| status)
}

/// The compound annual growth rate from `(t0, v0)` to `(t1, v1)`, `t` in years:
/// `(v1 / v0)^(1 / (t1 − t0)) − 1`.
pub(crate) fn cagr(v1: f64, v0: f64, t1: f64, t0: f64) -> f64 {
    (v1 / v0).powf(1.0 / (t1 - t0)) - 1.0
}

/// The numeric value of an observation for a numeric or ordinal measure.
fn numeric(measure: &Measure, value: &ObsValue) -> Option<f64> {
    match value {
        ObsValue::Number(n) => Some(n.get()),
        ObsValue::Label(l) => measure.rank(l),
    }
}

/// Builds the method input for one series: numbers (ordinal ranks), the base (the catalog
/// baseline, or the first observation), the points from the base on, band and target.
fn prepare(ind: &Indicator, series: &Series, notes: &mut Vec<String>) -> Input {
    let mut points: Vec<Pt> = series
        .points()
        .iter()
        .filter_map(|o| {
            numeric(&ind.measure, &o.value).map(|v| Pt {
                period: o.period,
                t: o.period.time(),
                v,
            })
        })
        .collect();
    if let Some(b) = ind.baseline.as_ref() {
        // The base period applies to every series; the catalog's base value only to the
        // headline (a disaggregated series starts at its first observation from then on).
        let base_value = numeric(&ind.measure, &b.value).filter(|_| series.is_headline());
        match (points.iter().position(|p| p.period == b.period), base_value) {
            (Some(i), Some(v)) if (points[i].v - v).abs() > 0.0 => notes.push(format!(
                "the observation for the base period {} ({}) differs from the catalog baseline ({v}); the observation is used",
                b.period, points[i].v
            )),
            (None, Some(v)) => {
                let at = points.partition_point(|p| p.period < b.period);
                points.insert(
                    at,
                    Pt {
                        period: b.period,
                        t: b.period.time(),
                        v,
                    },
                );
            }
            _ => {}
        }
        let start = points.partition_point(|p| p.period < b.period);
        if start > 0 {
            notes.push(format!(
                "{start} observation(s) before the base period {} are not used",
                b.period
            ));
            points.drain(..start);
        }
    }
    let mut target = ind.target.as_ref().and_then(|t| {
        let v = numeric(&ind.measure, t.value.as_ref()?)?;
        Some(Pt {
            period: t.period,
            t: t.period.time(),
            v,
        })
    });
    let mut increase = !matches!(ind.direction, Direction::Decrease);
    let mut limit = ind.limit;
    if let Direction::Band { high, .. } = ind.direction {
        // Distance outside the band, measured from its upper edge, to be brought down to the
        // edge (Statistics Canada's treatment of "Goldilocks" indicators, generalised).
        for p in &mut points {
            p.v = high + ind.direction.outside_band(p.v).unwrap_or(0.0);
        }
        // The target is the band itself (reached when inside it), by the target's deadline.
        target = ind.target.as_ref().map(|t| Pt {
            period: t.period,
            t: t.period.time(),
            v: high,
        });
        increase = false;
        limit = None;
    }
    Input {
        points,
        target,
        increase,
        limit,
    }
}

/// Assesses one numeric series with `method`, applying the shared edge cases.
fn assess_numeric(
    ind: &Indicator,
    method: &Method,
    series: &Series,
    as_of: Option<Date>,
) -> (Outcome, Input) {
    let mut notes = Vec::new();
    let input = prepare(ind, series, &mut notes);
    let needed = method.min_points();
    let mut out = if input.points.len() < needed {
        Outcome::new(Status::InsufficientData).with_note(format!(
            "{} needs at least {needed} observation(s) from the base period on; found {}",
            method.name(),
            input.points.len()
        ))
    } else {
        match method {
            Method::UnsdLegacy(o) => unsd::assess_legacy(&input, o),
            Method::Unsd2023(o) => unsd::assess_2023(&input, o),
            Method::Statcan(o) => statcan::assess(&input, o).outcome,
            Method::Escap(o) => escap::assess(&input, o),
            Method::Iati => iati::assess(&input),
            Method::Dhis2Bands(o) => dhis2::assess(&input, o, &ind.direction),
            Method::LinearTrend => trend::assess(&input),
            Method::Milestone | Method::Category | Method::Qualitative => {
                Outcome::new(Status::NotComputable).with_note(format!(
                    "method {} does not apply to a {} indicator",
                    method.name(),
                    ind.measure.name()
                ))
            }
        }
    };
    notes.append(&mut out.notes);
    out.notes = notes;
    // Shared edge cases.
    if let (Some(current), Some(target)) = (input.points.last(), input.target) {
        if input.meets(current.v, target.v) {
            out.status = Status::TargetAchieved;
        } else if deadline_passed(as_of, current.period, target.period) {
            out.status = Status::DeadlineMissed;
            out.notes.push(format!(
                "the deadline ({}) has passed without the target being met",
                target.period.end()
            ));
        }
    }
    (out, input)
}

fn deadline_passed(as_of: Option<Date>, latest: Period, deadline: Period) -> bool {
    as_of.unwrap_or_else(|| latest.end()) > deadline.end()
}

/// Milestone: the latest state against the deadline.
fn assess_milestone(ind: &Indicator, series: &Series, as_of: Option<Date>) -> Outcome {
    let Some(last) = series.points().last() else {
        return Outcome::new(Status::InsufficientData).with_note("no milestone state reported");
    };
    let state = last.value.as_label().and_then(MilestoneState::parse);
    let Some(state) = state else {
        return Outcome::new(Status::NotComputable).with_note(format!(
            "`{}` is not a milestone state: expected not_started, in_progress or done",
            last.value
        ));
    };
    let deadline = ind.target.as_ref().map(|t| t.period);
    let mut out = match state {
        MilestoneState::Done => {
            let mut o = Outcome::new(Status::Done);
            if let Some(d) = deadline.filter(|d| last.period.start() > d.end()) {
                o.notes.push(format!(
                    "done on or after {}, after the deadline {}",
                    last.period,
                    d.end()
                ));
            }
            o
        }
        _ if deadline.is_some_and(|d| deadline_passed(as_of, last.period, d)) => {
            Outcome::new(Status::DeadlineMissed)
        }
        MilestoneState::InProgress => Outcome::new(Status::InProgress),
        MilestoneState::NotStarted => Outcome::new(Status::NotStarted),
    };
    // A number for charts: 0 not started, 0.5 in progress, 1 done.
    out.detail(
        "completion",
        match state {
            MilestoneState::NotStarted => 0.0,
            MilestoneState::InProgress => 0.5,
            MilestoneState::Done => 1.0,
        },
    );
    out
}

/// Nominal: the latest category against the target category.
fn assess_category(ind: &Indicator, series: &Series, as_of: Option<Date>) -> Outcome {
    let Some(last) = series.points().last() else {
        return Outcome::new(Status::InsufficientData).with_note("no category reported");
    };
    let Some(target) = ind
        .target
        .as_ref()
        .and_then(|t| Some((t.period, t.value.as_ref()?)))
    else {
        return Outcome::new(Status::NotComputable)
            .with_note("a nominal indicator needs a target category");
    };
    if &last.value == target.1 {
        Outcome::new(Status::TargetAchieved)
    } else if deadline_passed(as_of, last.period, target.0) {
        Outcome::new(Status::DeadlineMissed)
    } else {
        Outcome::new(Status::TargetNotAchieved)
    }
}

/// Assesses one indicator over its (effective) series.
pub(crate) fn assess_indicator(
    ind: &Indicator,
    series: &[Series],
    options: &AssessOptions,
) -> Assessment {
    let headline = series.iter().find(|s| s.is_headline());
    let as_of = options.as_of;
    let method = &ind.method;
    let empty = Series::headline();
    let main_series = headline.unwrap_or(&empty);
    let (mut out, input) = match (&ind.measure, method) {
        (Measure::Milestone, _) | (_, Method::Milestone) => {
            (assess_milestone(ind, main_series, as_of), None)
        }
        (Measure::Nominal { .. }, _) | (_, Method::Category) => {
            (assess_category(ind, main_series, as_of), None)
        }
        (Measure::Qualitative, _) | (_, Method::Qualitative) => (
            Outcome::new(Status::NotAssessed)
                .with_note("qualitative indicator: reported, not scored"),
            None,
        ),
        (_, Method::Statcan(o)) if o.all_series => {
            let (out, input) = statcan::assess_all_series(ind, series, o, as_of);
            (out, input)
        }
        _ => {
            let (out, input) = assess_numeric(ind, method, main_series, as_of);
            (out, Some(input))
        }
    };
    if headline.is_none()
        && !series.is_empty()
        && !matches!(method, Method::Statcan(o) if o.all_series)
        && out.status == Status::InsufficientData
    {
        out.notes
            .push("no headline series (observations without dimensions)".to_owned());
    }
    let mut breakdown = Vec::new();
    if ind.measure.is_numeric() || matches!(ind.measure, Measure::Ordinal { .. }) {
        for s in series.iter().filter(|s| !s.is_headline()) {
            let (o, _) = assess_numeric(ind, method, s, as_of);
            breakdown.push(SeriesAssessment {
                dimensions: s.dimensions.clone(),
                value: o.value,
                status: o.status,
                rating: o.status.rating(),
            });
        }
    }
    let point = |p: &Pt| {
        crate::observation::Finite::new(p.v).ok().map(|v| Point {
            period: p.period,
            value: ObsValue::Number(v),
        })
    };
    let band = matches!(ind.direction, Direction::Band { .. });
    let (base, latest, target) = match &input {
        // Band indicators report the raw observations, not the transformed distances.
        Some(inp) if !band && !inp.points.is_empty() => (
            point(&inp.base()),
            point(&inp.current()),
            inp.target.as_ref().and_then(point),
        ),
        _ => (
            None,
            main_series.points().last().map(|o| Point {
                period: o.period,
                value: o.value.clone(),
            }),
            ind.target.as_ref().and_then(|t| {
                Some(Point {
                    period: t.period,
                    value: t.value.clone()?,
                })
            }),
        ),
    };
    Assessment {
        id: ind.id.clone(),
        name: ind.name.clone(),
        objective: ind.objective.clone(),
        method: method.name().to_owned(),
        value: out.value.filter(|v| v.is_finite()),
        status: out.status,
        rating: out.status.rating(),
        unit: ind.unit.as_ref().map(ToString::to_string),
        base,
        latest,
        target,
        projected: out.projected.filter(|p| p.value.is_finite()),
        reached_in: out.reached_in,
        details: out.details,
        notes: out.notes,
        breakdown,
    }
}
