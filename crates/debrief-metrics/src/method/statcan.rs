//! Statistics Canada / Open SDG progress measure, as implemented in `open-sdg/sdg-build`,
//! `sdg/ProgressMeasure.py` (`SeriesProgress`, `IndicatorProgress`), and described in Open
//! SDG's "Progress Measurement Methodology".
//!
//! Growth is the compound annual growth rate from the base `(t₀, y₀)` to the latest `(tᵢ, yᵢ)`,
//! `CAGR = (yᵢ/y₀)^(1/(tᵢ−t₀)) − 1`, signed by the desired direction `d` (±1) and by the sign
//! `s` of the base value (the direction flips for all-negative series):
//!
//! - with a target `y_T` at `t_T`: `R = s·d·CAGR / |CAGR_T|`, `CAGR_T = (y_T/y₀)^(1/(t_T−t₀)) − 1`,
//!   thresholds 0.95 / 0.6 / 0;
//! - without a target: `R = s·d·CAGR`, thresholds 1.5% / 0.5% / 0, each multiplied by the
//!   natural-limit coefficient `C` (1 without a limit): with `a = 4.44`, `C = 1` when
//!   `|y₀| ≥ 2|lim|`, `1 − (|y₀|/|lim|)^a` when `|y₀| ≤ |lim|`, else `1 − ((2|lim| − |y₀|)/|lim|)^a`.
//!
//! `R` maps to a score in −5…+5 (with a target: `4.1667·R − 2.5` below 0.6 and `7.1429·R −
//! 4.2857` from 0.6, clamped; without: `125·R − 2.5` below 0, then `500·R/C − 2.5`,
//! `250·R/C − 1.25`, `500·R/C − 5`, clamped; 5 when `C = 0` and `R ≥ 0`); a met target
//! scores 5. The status comes from the score: `[2.5, 5]` substantial progress, `[0, 2.5)`
//! moderate, `[−2.5, 0)` limited, `[−5, −2.5)` deterioration; an indicator of several series
//! takes the mean score, and is `target_achieved` only when every series is. A zero base or
//! target is replaced by 0.001; values of mixed signs cannot be assessed.

use super::{Input, Outcome, Status, cagr, classify};
use crate::indicator::Indicator;
use crate::observation::Series;
use crate::period::Date;

/// Options of the Statistics Canada method; the defaults are `sdg-build`'s.
///
/// ```
/// use debrief_metrics::method::statcan::Options;
/// let o = Options::default();
/// assert_eq!(o.target_thresholds, [0.95, 0.6, 0.0]);
/// assert_eq!(o.growth_thresholds, [0.015, 0.005, 0.0]);
/// assert_eq!(o.zero_replacement, 0.001);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// High, medium and low thresholds for the ratio `R` when there is a target.
    pub target_thresholds: [f64; 3],
    /// High, medium and low thresholds for the growth rate when there is no target (before
    /// the natural-limit coefficient).
    pub growth_thresholds: [f64; 3],
    /// What a zero base or target is replaced by.
    pub zero_replacement: f64,
    /// Assess every series (headline and disaggregations) and roll them up by mean score,
    /// instead of the headline alone.
    pub all_series: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            target_thresholds: [0.95, 0.6, 0.0],
            growth_thresholds: [0.015, 0.005, 0.0],
            zero_replacement: 0.001,
            all_series: false,
        }
    }
}

/// The result for one series: the outcome, its score and whether it met its target.
pub(crate) struct SeriesProgress {
    pub(crate) outcome: Outcome,
    pub(crate) score: Option<f64>,
    pub(crate) target_achieved: bool,
}

/// The natural-limit coefficient `C` (`sdg-build` `get_progress_thresholds`, `a = 4.44`).
///
/// ```
/// use debrief_metrics::method::statcan::limit_coefficient;
/// assert_eq!(limit_coefficient(100.0, 100.0), 0.0);
/// assert_eq!(limit_coefficient(250.0, 100.0), 1.0);
/// assert!((limit_coefficient(90.0, 100.0) - 0.373_62).abs() < 1e-5);
/// ```
pub fn limit_coefficient(base: f64, limit: f64) -> f64 {
    const A: f64 = 4.44;
    let (base, limit) = (base.abs(), limit.abs());
    if base >= 2.0 * limit {
        1.0
    } else if base <= limit {
        1.0 - (base / limit).powf(A)
    } else {
        1.0 - ((2.0 * limit - base) / limit).powf(A)
    }
}

/// The status of an indicator score (`sdg-build` `get_progress_status_from_score`).
///
/// ```
/// use debrief_metrics::{method::statcan::status_from_score, Status};
/// assert_eq!(status_from_score(1.0), Status::ModerateProgress);
/// assert_eq!(status_from_score(2.5), Status::SubstantialProgress);
/// assert_eq!(status_from_score(-2.5), Status::LimitedProgress);
/// assert_eq!(status_from_score(-2.6), Status::Deterioration);
/// ```
pub fn status_from_score(score: f64) -> Status {
    classify(
        score,
        &[
            (2.5, Status::SubstantialProgress),
            (0.0, Status::ModerateProgress),
            (-2.5, Status::LimitedProgress),
        ],
        Status::Deterioration,
    )
}

/// The score of a progress value `R` for an indicator with a target (`sdg-build`
/// `get_score`, method 2): the score lines are `sdg-build`'s, fitted to the default
/// thresholds; the medium threshold decides which line applies.
///
/// ```
/// use debrief_metrics::method::statcan::score_with_target;
/// let t = [0.95, 0.6, 0.0];
/// assert!((score_with_target(0.6, t) - 0.0).abs() < 1e-4);
/// assert_eq!(score_with_target(1.3, t), 5.0);
/// assert_eq!(score_with_target(-0.6, t), -5.0);
/// ```
pub fn score_with_target(r: f64, high_med_low: [f64; 3]) -> f64 {
    let [_, med, _] = high_med_low;
    if r >= med {
        (7.1429 * r - 4.2857).min(5.0)
    } else {
        (4.1667 * r - 2.5).max(-5.0)
    }
}

/// The score of a growth rate `R` for an indicator without a target, given the limit
/// coefficient `c` (`sdg-build` `get_score`, method 1). Thresholds are the unscaled ones.
///
/// ```
/// use debrief_metrics::method::statcan::score_without_target;
/// let t = [0.015, 0.005, 0.0];
/// assert_eq!(score_without_target(-0.02, 1.0, t), -5.0);
/// assert_eq!(score_without_target(0.0, 1.0, t), -2.5);
/// assert_eq!(score_without_target(0.005, 1.0, t), 0.0);
/// assert_eq!(score_without_target(0.015, 1.0, t), 2.5);
/// assert_eq!(score_without_target(0.02, 1.0, t), 5.0);
/// ```
pub fn score_without_target(r: f64, c: f64, high_med_low: [f64; 3]) -> f64 {
    let [high, med, low] = high_med_low.map(|x| x * c);
    if r < low {
        return (125.0 * r - 2.5).max(-5.0);
    }
    if c == 0.0 {
        return 5.0;
    }
    if r >= high {
        (500.0 * r / c - 5.0).min(5.0)
    } else if r >= med {
        250.0 * r / c - 1.25
    } else {
        500.0 * r / c - 2.5
    }
}

/// Assesses one series.
pub(crate) fn assess(input: &Input, o: &Options) -> SeriesProgress {
    let base = input.base();
    let current = input.current();
    let d = input.d();
    let mut out = Outcome::new(Status::NotComputable);
    let mut target = input.target;
    if let Some(t) = target.as_mut()
        && t.v == 0.0
    {
        t.v = o.zero_replacement;
        out.notes.push(format!(
            "target is zero; replaced by {} as in sdg-build",
            o.zero_replacement
        ));
    }
    let target_achieved = target.is_some_and(|t| input.meets(current.v, t.v));
    // sdg-build computes the sign and the limit coefficient before replacing a zero base.
    let sign = if base.v < 0.0 { -1.0 } else { 1.0 };
    let coefficient = match (target, input.limit) {
        (None, Some(limit)) => limit_coefficient(base.v, limit),
        (Some(_), Some(limit)) => {
            out.notes.push(format!(
                "limit {limit} ignored because a target is given (as in sdg-build)"
            ));
            1.0
        }
        _ => 1.0,
    };
    let mut base_v = base.v;
    if base_v == 0.0 {
        base_v = o.zero_replacement;
        out.notes.push(format!(
            "base value is zero; replaced by {} as in sdg-build",
            o.zero_replacement
        ));
    }
    let progress = if (base_v > 0.0 && current.v < 0.0) || (base_v < 0.0 && current.v > 0.0) {
        out.notes.push(format!(
            "base value ({base_v}) and latest value ({}) have different signs: they must both be positive or both negative",
            current.v
        ));
        None
    } else {
        let observed = cagr(current.v, base_v, current.t, base.t);
        out.detail("cagr_observed", observed);
        match target {
            None => Some(sign * d * observed),
            Some(t) if t.t <= base.t => {
                out.notes.push(format!(
                    "target period {} is not after the base period {}",
                    t.period, base.period
                ));
                None
            }
            Some(t) => {
                let required = cagr(t.v, base_v, t.t, base.t);
                out.detail("cagr_required", required);
                if required == 0.0 || !required.is_finite() {
                    out.notes
                        .push("the target equals the base: no growth is required".to_owned());
                    None
                } else {
                    Some(sign * d * observed / required.abs())
                }
            }
        }
    }
    .filter(|r| r.is_finite());
    if let Some(r) = progress {
        out.detail("progress_value", r);
    }
    out.detail("coefficient", coefficient);
    let score = if target_achieved {
        Some(5.0)
    } else {
        progress.map(|r| match target {
            Some(_) => score_with_target(r, o.target_thresholds),
            None => score_without_target(r, coefficient, o.growth_thresholds),
        })
    };
    if let Some(s) = score {
        out.value = Some(s);
        out.detail("score", s);
        out.status = if target_achieved {
            Status::TargetAchieved
        } else {
            status_from_score(s)
        };
    }
    SeriesProgress {
        outcome: out,
        score,
        target_achieved,
    }
}

/// Assesses every series and rolls them up: the mean score, `target_achieved` only if every
/// scored series met its target (`sdg-build` `IndicatorProgress.get_indicator_progress`).
pub(crate) fn assess_all_series(
    ind: &Indicator,
    series: &[Series],
    o: &Options,
    as_of: Option<Date>,
) -> (Outcome, Option<Input>) {
    let mut scores = Vec::new();
    let mut all_achieved = true;
    let mut notes = Vec::new();
    let mut headline_input = None;
    for s in series {
        let mut n = Vec::new();
        let input = super::prepare(ind, s, &mut n);
        let label = if s.is_headline() {
            "headline".to_owned()
        } else {
            crate::observation::format_dimensions(&s.dimensions)
        };
        if input.points.len() >= 2 {
            let p = assess(&input, o);
            if let Some(score) = p.score {
                scores.push(score);
                all_achieved &= p.target_achieved;
            } else {
                notes.push(format!(
                    "{label}: no score ({})",
                    p.outcome.notes.join("; ")
                ));
            }
        } else {
            notes.push(format!("{label}: fewer than two observations"));
        }
        if s.is_headline() {
            headline_input = Some(input);
        }
    }
    let mut out = Outcome::new(Status::InsufficientData);
    out.notes = notes;
    if !scores.is_empty() {
        #[allow(clippy::cast_precision_loss)] // a handful of series
        let mean = scores.iter().sum::<f64>() / scores.len() as f64;
        out.value = Some(mean);
        out.detail("score", mean);
        #[allow(clippy::cast_precision_loss)]
        out.detail("series_scored", scores.len() as f64);
        out.status = if all_achieved {
            Status::TargetAchieved
        } else {
            status_from_score(mean)
        };
        // A passed deadline still overrides, as for single series.
        if !all_achieved
            && let (Some(inp), Some(t)) = (&headline_input, ind.target.as_ref())
            && let Some(last) = inp.points.last()
            && super::deadline_passed(as_of, last.period, t.period)
        {
            out.status = Status::DeadlineMissed;
        }
    }
    (out, headline_input)
}
