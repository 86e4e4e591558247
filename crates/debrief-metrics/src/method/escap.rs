//! ESCAP's two measures (UN ESCAP, *Asia and the Pacific SDG Progress Report*, "Progress
//! assessment methodology" technical notes; first set out in Bidarbakht-Nia, *Tracking
//! progress towards the SDGs: measuring the otherwise ambiguous progress*, ESCAP Statistics
//! Division Working Paper SD/WP/05, May 2017).
//!
//! **Current Status Index** — how much of the progress needed from the base year to the
//! target has been made: `CSI = 100·d·(y_t − y_b)/|y* − y_b|`, capped at 100 (the target
//! reached), compared with the share of the time elapsed, `100·(t − b)/(T − b)`: a bar that
//! reaches the current-year line has made the expected progress to date.
//!
//! **Anticipated Progress Index** — how likely the target is met by the target year: the
//! value predicted for the target year at the compound annual growth rate observed since the
//! base, `ŷ_T = y_t·(1 + CAGR)^(T−t)`, as a share of the progress needed:
//! `API = 100·d·(ŷ_T − y_b)/|y* − y_b|`. The dashboard categories: `API ≥ 100` maintain
//! progress to achieve the target; `0 ≤ API < 100` accelerate progress; `API < 0` (the
//! prediction is worse than the base) reverse the trend. The gap to the target is
//! `100 − API`.
//!
//! The headline value is the API; the CSI, the expected progress to date and the gap are in
//! the details. ESCAP's later reports estimate `ŷ_T` by a time-weighted regression instead of
//! the CAGR; that variant is not implemented (its weights are not published in the notes
//! this module follows).

use super::{Input, Outcome, Projection, Status, cagr, classify};

/// Options of the ESCAP method.
///
/// ```
/// use debrief_metrics::method::escap::Options;
/// assert!(Options::default().cap_current_status);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Cap the Current Status Index at 100 (the target reached), so that an indicator past
    /// its target does not make up for others in an average.
    pub cap_current_status: bool,
    /// What a zero base is replaced by for the growth rate (none: not computable).
    pub zero_replacement: Option<f64>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            cap_current_status: true,
            zero_replacement: None,
        }
    }
}

/// Assesses one series.
pub(crate) fn assess(input: &Input, o: &Options) -> Outcome {
    let mut out = Outcome::new(Status::NotComputable);
    let Some(target) = input.target else {
        return out.with_note("escap needs a numerical target");
    };
    let (base, current) = (input.base(), input.current());
    let d = input.d();
    let needed = (target.v - base.v).abs();
    if needed == 0.0 {
        return out.with_note("the target equals the base: the progress needed is zero");
    }
    let mut csi = 100.0 * d * (current.v - base.v) / needed;
    if o.cap_current_status && csi > 100.0 {
        csi = 100.0;
    }
    out.detail("current_status_index", csi);
    if target.t > base.t {
        out.detail(
            "expected_progress",
            100.0 * (current.t - base.t) / (target.t - base.t),
        );
    }
    let base_v = match (base.v, o.zero_replacement) {
        (b, _) if b != 0.0 => b,
        (_, Some(z)) => {
            out.notes.push(format!(
                "base value is zero; replaced by {z} for the growth rate"
            ));
            z
        }
        (_, None) => {
            return out.with_note(
                "base value is zero: the growth rate for the prediction is undefined (set options.zero_replacement)",
            );
        }
    };
    if (base_v > 0.0 && current.v < 0.0) || (base_v < 0.0 && current.v > 0.0) {
        return out.with_note(format!(
            "base value ({base_v}) and latest value ({}) have different signs: a growth rate is undefined",
            current.v
        ));
    }
    let growth = cagr(current.v, base_v, current.t, base.t);
    let predicted = current.v * (1.0 + growth).powf(target.t - current.t);
    if !predicted.is_finite() {
        return out.with_note("the predicted value is not a finite number");
    }
    out.detail("cagr", growth);
    out.projected = Some(Projection {
        period: target.period,
        value: predicted,
    });
    let api = 100.0 * d * (predicted - base.v) / needed;
    out.value = Some(api);
    out.detail("anticipated_progress_index", api);
    out.detail("gap", (100.0 - api).max(0.0));
    out.status = classify(
        api,
        &[
            (100.0, Status::MaintainProgress),
            (0.0, Status::AccelerateProgress),
        ],
        Status::ReverseTrend,
    );
    out
}
