//! IATI-style progress against a target (IATI Standard guidance, "Results information":
//! each indicator has a baseline, a target and an actual value for a period, and an
//! `ascending` flag saying whether higher is better).
//!
//! Two numbers: the **percent of target**, `100·y_t/y*`, and the **percent of the
//! baseline-to-target distance** covered, `100·d·(y_t − y_b)/|y* − y_b|` (the headline
//! value). IATI defines the numbers, not categories; debrief classifies the distance against
//! the share of the time elapsed from the base to the target period,
//! `100·(t − b)/(T − b)`: at least that much → `on_track`; some progress but less →
//! `behind_schedule`; none → `no_progress`; backwards → `moving_away`.
//!
//! IATI's own worked example (baseline 15% of journalists feeling free to express their
//! opinion in 2012, target 50%, actual 53%): 106% of target, 108.6% of the distance — the
//! target was met.

use super::{Input, Outcome, Status};

/// Assesses one series.
pub(crate) fn assess(input: &Input) -> Outcome {
    let mut out = Outcome::new(Status::NotComputable);
    let Some(target) = input.target else {
        return out.with_note("iati needs a numerical target");
    };
    let (base, current) = (input.base(), input.current());
    if target.v != 0.0 {
        out.detail("percent_of_target", 100.0 * current.v / target.v);
    }
    let needed = (target.v - base.v).abs();
    if needed == 0.0 {
        return out.with_note("the target equals the baseline: the distance to cover is zero");
    }
    let distance = 100.0 * input.d() * (current.v - base.v) / needed;
    out.value = Some(distance);
    out.detail("percent_of_distance", distance);
    let expected = (target.t > base.t)
        .then(|| (100.0 * (current.t - base.t) / (target.t - base.t)).min(100.0));
    if let Some(e) = expected {
        out.detail("expected_percent", e);
    }
    out.status = if distance < 0.0 {
        Status::MovingAway
    } else if distance == 0.0 {
        Status::NoProgress
    } else if distance >= expected.unwrap_or(100.0) {
        Status::OnTrack
    } else {
        Status::BehindSchedule
    };
    out
}
