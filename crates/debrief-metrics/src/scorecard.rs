//! Scorecards: indicators grouped under objectives (for debrief, the recommendations of a
//! brief), each objective's ratings rolled up by weight.
//!
//! Ratings are levels 0 (regressing) … 4 (achieved). An objective's level is the weighted
//! mean of its assessed indicators' levels rounded down (or the worst, with
//! `rollup = "worst"`). Missing data is explicit, never zero: indicators without a rating
//! (too few observations, not computable, qualitative) are listed in `missing` and left out of
//! the mean; `coverage` is the share of the objective's weight that was assessed; an
//! objective with nothing assessed has status `insufficient_data`.

use serde::{Deserialize, Serialize};

use crate::indicator::{Objective, Rollup};
use crate::method::{Assessment, Rating};

/// An objective's status: the rolled-up rating, or `insufficient_data`.
///
/// ```
/// use debrief_metrics::{ObjectiveStatus, Rating};
/// assert_eq!(ObjectiveStatus::from(Rating::OffTrack), ObjectiveStatus::OffTrack);
/// assert_eq!(serde_json::to_string(&ObjectiveStatus::InsufficientData).unwrap(), "\"insufficient_data\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ObjectiveStatus {
    /// Rolled up to [`Rating::Regressing`].
    Regressing,
    /// Rolled up to [`Rating::OffTrack`].
    OffTrack,
    /// Rolled up to [`Rating::NeedsAcceleration`].
    NeedsAcceleration,
    /// Rolled up to [`Rating::OnTrack`].
    OnTrack,
    /// Rolled up to [`Rating::Achieved`].
    Achieved,
    /// Nothing could be assessed.
    InsufficientData,
}

impl From<Rating> for ObjectiveStatus {
    fn from(r: Rating) -> Self {
        match r {
            Rating::Regressing => ObjectiveStatus::Regressing,
            Rating::OffTrack => ObjectiveStatus::OffTrack,
            Rating::NeedsAcceleration => ObjectiveStatus::NeedsAcceleration,
            Rating::OnTrack => ObjectiveStatus::OnTrack,
            Rating::Achieved => ObjectiveStatus::Achieved,
        }
    }
}

impl ObjectiveStatus {
    /// The rating, if any.
    ///
    /// ```
    /// use debrief_metrics::{ObjectiveStatus, Rating};
    /// assert_eq!(ObjectiveStatus::OnTrack.rating(), Some(Rating::OnTrack));
    /// assert_eq!(ObjectiveStatus::InsufficientData.rating(), None);
    /// ```
    pub fn rating(self) -> Option<Rating> {
        Some(match self {
            ObjectiveStatus::Regressing => Rating::Regressing,
            ObjectiveStatus::OffTrack => Rating::OffTrack,
            ObjectiveStatus::NeedsAcceleration => Rating::NeedsAcceleration,
            ObjectiveStatus::OnTrack => Rating::OnTrack,
            ObjectiveStatus::Achieved => Rating::Achieved,
            ObjectiveStatus::InsufficientData => return None,
        })
    }

    /// The `snake_case` name.
    ///
    /// ```
    /// use debrief_metrics::ObjectiveStatus;
    /// assert_eq!(ObjectiveStatus::InsufficientData.as_str(), "insufficient_data");
    /// ```
    pub fn as_str(self) -> &'static str {
        self.rating().map_or("insufficient_data", Rating::as_str)
    }
}

/// One indicator's place in an objective.
///
/// ```
/// use debrief_metrics::{Member, Rating};
/// let m = Member { id: "x".into(), weight: 1.0, rating: Some(Rating::OnTrack) };
/// assert_eq!(m.weight, 1.0);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Member {
    /// The indicator.
    pub id: String,
    /// Its weight.
    pub weight: f64,
    /// Its rating (`None`: missing).
    pub rating: Option<Rating>,
}

/// The rolled-up state of one objective.
///
/// ```
/// use debrief_metrics::{roll_up, Objective, ObjectiveStatus, Rollup};
/// let o = Objective { id: "rec-1".into(), name: "R1".into(), description: None, rollup: Rollup::WeightedMean };
/// let s = roll_up(&o, &[]);
/// assert_eq!(s.status, ObjectiveStatus::InsufficientData);
/// assert_eq!(s.coverage, None);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ObjectiveSummary {
    /// The objective's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The rolled-up status.
    pub status: ObjectiveStatus,
    /// The weighted mean level 0–4 of the assessed indicators (`None` if none).
    pub score: Option<f64>,
    /// The share of the objective's weight that was assessed, 0–1 (`None` without indicators).
    pub coverage: Option<f64>,
    /// How the roll-up was done.
    pub rollup: Rollup,
    /// Its indicators.
    pub indicators: Vec<Member>,
    /// The ids of indicators that could not be rated.
    pub missing: Vec<String>,
}

/// Rolls up the assessments of `objective`'s indicators (the `assessments` whose
/// `objective` is its id).
///
/// ```
/// use debrief_metrics::{assess, roll_up, AssessOptions, Catalog, ObjectiveStatus};
/// let catalog = Catalog::from_toml(r#"
/// [[objective]]
/// id = "rec-1"
/// name = "Recommendation 1"
///
/// [[indicator]]
/// id = "a"
/// name = "A"
/// unit = "count"
/// direction = "increase"
/// objective = "rec-1"
/// method = "iati"
/// baseline = { period = "2015", value = 0.0 }
/// target = { period = "2020", value = 10.0 }
/// observations = [{ period = "2020", value = 10.0 }]
///
/// [[indicator]]
/// id = "b"
/// name = "B, no data yet"
/// unit = "count"
/// direction = "increase"
/// objective = "rec-1"
/// "#)?;
/// let report = assess(&catalog, &AssessOptions::default());
/// let rec1 = &report.objectives[0];
/// assert_eq!(rec1.status, ObjectiveStatus::Achieved);
/// assert_eq!(rec1.missing, ["b"]);
/// assert_eq!(rec1.coverage, Some(0.5));
/// # Ok::<(), debrief_metrics::Error>(())
/// ```
pub fn roll_up(objective: &Objective, assessments: &[(&Assessment, f64)]) -> ObjectiveSummary {
    let mut members = Vec::new();
    let mut missing = Vec::new();
    let (mut total, mut assessed, mut weighted) = (0.0, 0.0, 0.0);
    let mut worst: Option<Rating> = None;
    for (a, weight) in assessments
        .iter()
        .filter(|(a, _)| a.objective.as_deref() == Some(objective.id.as_str()))
    {
        total += weight;
        members.push(Member {
            id: a.id.clone(),
            weight: *weight,
            rating: a.rating,
        });
        match a.rating {
            Some(r) => {
                assessed += weight;
                weighted += weight * f64::from(r.level());
                worst = Some(worst.map_or(r, |w| w.min(r)));
            }
            None => missing.push(a.id.clone()),
        }
    }
    let score = (assessed > 0.0).then(|| weighted / assessed);
    let status = match objective.rollup {
        Rollup::WeightedMean => score.and_then(|s| {
            // Rounded down, with a little slack for sums of weights like 0.1 + 0.2.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let level = (s + 1e-9).floor().clamp(0.0, 4.0) as u8;
            Rating::from_level(level)
        }),
        Rollup::Worst => worst,
    };
    ObjectiveSummary {
        id: objective.id.clone(),
        name: objective.name.clone(),
        status: status.map_or(ObjectiveStatus::InsufficientData, ObjectiveStatus::from),
        score,
        coverage: (total > 0.0).then(|| assessed / total),
        rollup: objective.rollup,
        indicators: members,
        missing,
    }
}
