//! A plain linear trend: the least-squares line through the observations from the base on
//! (time in years), projected to the target period — "at this pace the target is reached in
//! `FY20xx`", or never.
//!
//! With `n` points `(tᵢ, yᵢ)`: slope `b = Σ(tᵢ − t̄)(yᵢ − ȳ) / Σ(tᵢ − t̄)²`, line
//! `ŷ(t) = ȳ + b·(t − t̄)`. With a target `y*` at `T`: the projection `ŷ(T)`; the line meets
//! the target at `t* = t̄ + (y* − ȳ)/b`, reported as the first period (of the target's kind)
//! starting at or after `t*`. Status: moving in the desired direction and `ŷ(T)` meets the
//! target → `on_track`; moving in the desired direction but later → `late`; no slope →
//! `stalled`; the wrong way → `moving_away`. Without a target: `improving`, `stalled` or
//! `moving_away`. The headline value is the slope per year.

use super::{Input, Outcome, Projection, Status};
use crate::period::Period;

/// The least-squares fit: mean time, mean value, slope per year.
///
/// ```
/// use debrief_metrics::method::trend::fit;
/// // 2015: 10, 2016: 12, 2017: 13, 2018: 15 → slope 1.6 per year through (2016.5, 12.5).
/// let (tm, ym, b) = fit(&[(2015.0, 10.0), (2016.0, 12.0), (2017.0, 13.0), (2018.0, 15.0)]).unwrap();
/// assert_eq!((tm, ym, b), (2016.5, 12.5, 1.6));
/// ```
pub fn fit(points: &[(f64, f64)]) -> Option<(f64, f64, f64)> {
    if points.len() < 2 {
        return None;
    }
    #[allow(clippy::cast_precision_loss)] // series are far shorter than 2^52
    let n = points.len() as f64;
    let t_mean = points.iter().map(|p| p.0).sum::<f64>() / n;
    let y_mean = points.iter().map(|p| p.1).sum::<f64>() / n;
    let (mut sxy, mut sxx) = (0.0, 0.0);
    for &(t, y) in points {
        sxy += (t - t_mean) * (y - y_mean);
        sxx += (t - t_mean) * (t - t_mean);
    }
    if sxx == 0.0 {
        return None;
    }
    let slope = sxy / sxx;
    (t_mean.is_finite() && y_mean.is_finite() && slope.is_finite())
        .then_some((t_mean, y_mean, slope))
}

/// Assesses one series.
pub(crate) fn assess(input: &Input) -> Outcome {
    let mut out = Outcome::new(Status::NotComputable);
    let pts: Vec<(f64, f64)> = input.points.iter().map(|p| (p.t, p.v)).collect();
    let Some((t_mean, y_mean, slope)) = fit(&pts) else {
        return out.with_note("the observations do not determine a line");
    };
    out.value = Some(slope);
    out.detail("slope_per_year", slope);
    let current = input.current();
    let at = |t: f64| y_mean + slope * (t - t_mean);
    out.detail("trend_at_latest", at(current.t));
    let d = input.d();
    let scale = y_mean.abs().max(1.0);
    let improving = d * slope > 1e-12 * scale;
    let stalled = slope.abs() <= 1e-12 * scale;
    let Some(target) = input.target else {
        out.status = if improving {
            Status::Improving
        } else if stalled {
            Status::Stalled
        } else {
            Status::MovingAway
        };
        return out;
    };
    let projected = at(target.t);
    out.projected = Some(Projection {
        period: target.period,
        value: projected,
    });
    if improving {
        // When the line meets the target; not before the latest observation.
        let when = (t_mean + (target.v - y_mean) / slope).max(current.t + 1e-9);
        out.detail("reached_at", when);
        out.reached_in = Period::first_starting_at_or_after(target.period.kind(), when);
        if out.reached_in.is_none() {
            out.notes.push(format!(
                "at this pace the target is reached only after year {}",
                when.floor()
            ));
        }
    }
    out.status = if improving && input.meets(projected, target.v) {
        Status::OnTrack
    } else if improving {
        Status::Late
    } else if stalled {
        Status::Stalled
    } else {
        Status::MovingAway
    };
    if !improving {
        out.notes
            .push("at this pace the target is never reached".to_owned());
    }
    out
}
