//! The status vocabulary (`snake_case`, as in JSON output) and the common five-level [`Rating`]
//! that every status maps to, so that indicators assessed by different methods roll up into
//! one scorecard.

use serde::{Deserialize, Serialize};

/// A category an assessment ends in. Each method uses the categories of its source; a few are
/// shared by all methods. `docs/METRICS.md` lists which method uses which.
///
/// ```
/// use debrief_metrics::{Rating, Status};
/// assert_eq!(Status::SubstantialProgress.rating(), Some(Rating::OnTrack));
/// assert_eq!(Status::InsufficientData.rating(), None);
/// assert_eq!(serde_json::to_string(&Status::LimitedOrNoProgress).unwrap(), "\"limited_or_no_progress\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    // Shared by all methods.
    /// The latest value meets the target (or the milestone is done).
    TargetAchieved,
    /// The deadline has passed and the target was not met.
    DeadlineMissed,
    /// Too few observations (fewer than the method needs, or no headline series).
    InsufficientData,
    /// The method's formula is undefined for these values (zero or mixed-sign values for a
    /// growth rate, a target equal to the base, a method that needs a target without one).
    NotComputable,
    /// A qualitative indicator: reported, not scored.
    NotAssessed,

    // UNSD SDG Progress Chart, pre-2023.
    /// UNSD legacy / UNSD 2023 / IATI / DHIS2 / linear trend: on track.
    OnTrack,
    /// UNSD legacy: fair progress, but acceleration needed.
    FairProgress,
    /// UNSD legacy: limited or no progress.
    LimitedOrNoProgress,
    /// UNSD legacy and Statistics Canada: deterioration.
    Deterioration,

    // UNSD 2023+.
    /// UNSD 2023 and Statistics Canada: moderate progress.
    ModerateProgress,
    /// UNSD 2023: marginal progress.
    MarginalProgress,
    /// UNSD 2023: stagnation.
    Stagnation,
    /// UNSD 2023: regression.
    Regression,
    /// UNSD 2023, indicator without a numerical target: stagnation or regression.
    StagnationOrRegression,

    // Statistics Canada / Open SDG.
    /// Statistics Canada: substantial progress (on track).
    SubstantialProgress,
    /// Statistics Canada: limited progress.
    LimitedProgress,

    // ESCAP Anticipated Progress Index.
    /// ESCAP: maintain progress to achieve the target.
    MaintainProgress,
    /// ESCAP: accelerate progress to achieve the target.
    AccelerateProgress,
    /// ESCAP: reverse the trend to achieve the target.
    ReverseTrend,

    // IATI-style percent of baseline-to-target distance.
    /// IATI: progress, but less than the time elapsed calls for.
    BehindSchedule,
    /// IATI: no change from the baseline.
    NoProgress,
    /// IATI and linear trend: moving away from the target.
    MovingAway,

    // DHIS2 legend bands.
    /// DHIS2 scorecard: "Progress, but more effort required".
    MoreEffortRequired,
    /// DHIS2 scorecard: "Not on track".
    NotOnTrack,
    /// DHIS2: the value lies in no band of the legend set.
    OutOfBands,

    // Linear trend.
    /// Linear trend: the target is reached, but after the deadline.
    Late,
    /// Linear trend: no change.
    Stalled,
    /// Linear trend without a target: moving in the desired direction.
    Improving,

    // Milestones and categories.
    /// Milestone: done.
    Done,
    /// Milestone: under way.
    InProgress,
    /// Milestone: not started.
    NotStarted,
    /// Nominal indicator: the latest category is not the target's (Statistics Canada's
    /// "target not achieved" for binary indicators).
    TargetNotAchieved,
}

impl Status {
    /// The common rating of this status, or `None` when there is nothing to rate (missing
    /// data is explicit, never counted as zero).
    ///
    /// ```
    /// use debrief_metrics::{Rating, Status};
    /// assert_eq!(Status::ReverseTrend.rating(), Some(Rating::Regressing));
    /// assert_eq!(Status::OutOfBands.rating(), None);
    /// ```
    pub fn rating(self) -> Option<Rating> {
        use Status as S;
        Some(match self {
            S::TargetAchieved | S::Done => Rating::Achieved,
            S::OnTrack | S::SubstantialProgress | S::MaintainProgress => Rating::OnTrack,
            S::FairProgress
            | S::ModerateProgress
            | S::AccelerateProgress
            | S::BehindSchedule
            | S::MoreEffortRequired
            | S::Late
            | S::Improving
            | S::InProgress => Rating::NeedsAcceleration,
            S::LimitedOrNoProgress
            | S::LimitedProgress
            | S::MarginalProgress
            | S::Stagnation
            | S::StagnationOrRegression
            | S::NoProgress
            | S::NotOnTrack
            | S::Stalled
            | S::NotStarted
            | S::DeadlineMissed
            | S::TargetNotAchieved => Rating::OffTrack,
            S::Deterioration | S::Regression | S::ReverseTrend | S::MovingAway => {
                Rating::Regressing
            }
            S::InsufficientData | S::NotComputable | S::NotAssessed | S::OutOfBands => {
                return None;
            }
        })
    }

    /// The `snake_case` name.
    ///
    /// ```
    /// use debrief_metrics::Status;
    /// assert_eq!(Status::OnTrack.as_str(), "on_track");
    /// ```
    pub fn as_str(self) -> &'static str {
        use Status as S;
        match self {
            S::TargetAchieved => "target_achieved",
            S::DeadlineMissed => "deadline_missed",
            S::InsufficientData => "insufficient_data",
            S::NotComputable => "not_computable",
            S::NotAssessed => "not_assessed",
            S::OnTrack => "on_track",
            S::FairProgress => "fair_progress",
            S::LimitedOrNoProgress => "limited_or_no_progress",
            S::Deterioration => "deterioration",
            S::ModerateProgress => "moderate_progress",
            S::MarginalProgress => "marginal_progress",
            S::Stagnation => "stagnation",
            S::Regression => "regression",
            S::StagnationOrRegression => "stagnation_or_regression",
            S::SubstantialProgress => "substantial_progress",
            S::LimitedProgress => "limited_progress",
            S::MaintainProgress => "maintain_progress",
            S::AccelerateProgress => "accelerate_progress",
            S::ReverseTrend => "reverse_trend",
            S::BehindSchedule => "behind_schedule",
            S::NoProgress => "no_progress",
            S::MovingAway => "moving_away",
            S::MoreEffortRequired => "more_effort_required",
            S::NotOnTrack => "not_on_track",
            S::OutOfBands => "out_of_bands",
            S::Late => "late",
            S::Stalled => "stalled",
            S::Improving => "improving",
            S::Done => "done",
            S::InProgress => "in_progress",
            S::NotStarted => "not_started",
            S::TargetNotAchieved => "target_not_achieved",
        }
    }

    /// Every status, in declaration order.
    ///
    /// ```
    /// use debrief_metrics::Status;
    /// assert_eq!(Status::ALL.len(), 32);
    /// ```
    pub const ALL: [Status; 32] = [
        Status::TargetAchieved,
        Status::DeadlineMissed,
        Status::InsufficientData,
        Status::NotComputable,
        Status::NotAssessed,
        Status::OnTrack,
        Status::FairProgress,
        Status::LimitedOrNoProgress,
        Status::Deterioration,
        Status::ModerateProgress,
        Status::MarginalProgress,
        Status::Stagnation,
        Status::Regression,
        Status::StagnationOrRegression,
        Status::SubstantialProgress,
        Status::LimitedProgress,
        Status::MaintainProgress,
        Status::AccelerateProgress,
        Status::ReverseTrend,
        Status::BehindSchedule,
        Status::NoProgress,
        Status::MovingAway,
        Status::MoreEffortRequired,
        Status::NotOnTrack,
        Status::OutOfBands,
        Status::Late,
        Status::Stalled,
        Status::Improving,
        Status::Done,
        Status::InProgress,
        Status::NotStarted,
        Status::TargetNotAchieved,
    ];
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The common five-level rating, worst first. Objectives roll up ratings.
///
/// ```
/// use debrief_metrics::Rating;
/// assert!(Rating::Regressing < Rating::OffTrack);
/// assert!(Rating::OnTrack < Rating::Achieved);
/// assert_eq!(Rating::from_level(2), Some(Rating::NeedsAcceleration));
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    /// Moving away from the target.
    Regressing,
    /// Little or no progress, or the deadline missed.
    OffTrack,
    /// Progress, but too slow to reach the target in time.
    NeedsAcceleration,
    /// On course to reach the target in time.
    OnTrack,
    /// The target is met.
    Achieved,
}

impl Rating {
    /// The level 0 (regressing) … 4 (achieved).
    ///
    /// ```
    /// use debrief_metrics::Rating;
    /// assert_eq!(Rating::Achieved.level(), 4);
    /// ```
    pub fn level(self) -> u8 {
        self as u8
    }

    /// The rating of a level 0–4.
    ///
    /// ```
    /// use debrief_metrics::Rating;
    /// assert_eq!(Rating::from_level(5), None);
    /// ```
    pub fn from_level(level: u8) -> Option<Rating> {
        [
            Rating::Regressing,
            Rating::OffTrack,
            Rating::NeedsAcceleration,
            Rating::OnTrack,
            Rating::Achieved,
        ]
        .get(usize::from(level))
        .copied()
    }

    /// The `snake_case` name.
    ///
    /// ```
    /// use debrief_metrics::Rating;
    /// assert_eq!(Rating::NeedsAcceleration.as_str(), "needs_acceleration");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Rating::Regressing => "regressing",
            Rating::OffTrack => "off_track",
            Rating::NeedsAcceleration => "needs_acceleration",
            Rating::OnTrack => "on_track",
            Rating::Achieved => "achieved",
        }
    }
}

impl std::fmt::Display for Rating {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn as_str_agrees_with_serde() {
        for s in Status::ALL {
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", s.as_str())
            );
        }
        for level in 0..5 {
            let r = Rating::from_level(level).unwrap();
            assert_eq!(r.level(), level);
            assert_eq!(
                serde_json::to_string(&r).unwrap(),
                format!("\"{}\"", r.as_str())
            );
        }
    }
}
