//! UNSD SDG Progress Chart methods.
//!
//! **Pre-2023** (`unsd-legacy`; UNSD "SDG Progress Chart 2022 — Technical Note", section II.b,
//! "Measuring the trend for indicators with an explicit numerical target"): the ratio of the
//! actual compound annual growth rate since the base year to the rate required to reach the
//! target by the target year, `Cr = CAGRa / CAGRr`, with `CAGRa = (y_t/y_b)^(1/(t−b)) − 1` and
//! `CAGRr = (y*/y_b)^(1/(T−b)) − 1`; categories `Cr ≥ 0.95` on track, `0.5 ≤ Cr < 0.95` fair
//! progress but acceleration needed, `−0.1 ≤ Cr < 0.5` limited or no progress, `Cr < −0.1`
//! deterioration.
//!
//! **2023 and later** (`unsd-2023`; UNSD "Progress Chart 2023 — Technical Note"): the value
//! expected in the target year at the actual growth rate, `y_Tᵉ = y_t·(1 + CAGRa)^(T−t)`,
//! against the target: `r = (y_Tᵉ − y_b)/(y* − y_b)`; `r ≥ 0.95` on track, `0.5 ≤ r < 0.95`
//! moderate progress, `0.1 ≤ r < 0.5` marginal progress, `−0.1 ≤ r < 0.1` stagnation,
//! `r < −0.1` regression. Without a numerical target, the growth rate itself:
//! `CAGRa ≥ 2%` on track, `0.5% ≤ CAGRa < 2%` moderate progress, below: stagnation or
//! regression (signs flipped when a decrease is desired).
//!
//! Both ratios are computed with the desired direction applied explicitly —
//! `Cr = s·d·CAGRa/|CAGRr|` and `r = d·(y_Tᵉ − y_b)/|y* − y_b|` (`d` = ±1, `s` the sign of
//! the base). When the base is on the near side of the target this is the published formula
//! exactly; when the base is already beyond the target, the published ratio's two negative
//! signs cancel and an indicator moving the wrong way would come out on track — the
//! dropped-direction-sign bug — while here it comes out as deterioration or regression.

use super::{Input, Outcome, Projection, Status, cagr, classify};

/// Options of the pre-2023 method.
///
/// ```
/// use debrief_metrics::method::unsd::LegacyOptions;
/// assert_eq!(LegacyOptions::default().thresholds, [0.95, 0.5, -0.1]);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct LegacyOptions {
    /// Lower bounds of on track, fair progress and limited or no progress.
    pub thresholds: [f64; 3],
    /// What a zero base or target is replaced by (none: such indicators are not computable;
    /// the technical note defines no substitute).
    pub zero_replacement: Option<f64>,
}

impl Default for LegacyOptions {
    fn default() -> Self {
        LegacyOptions {
            thresholds: [0.95, 0.5, -0.1],
            zero_replacement: None,
        }
    }
}

/// Options of the 2023+ method.
///
/// ```
/// use debrief_metrics::method::unsd::Options2023;
/// let o = Options2023::default();
/// assert_eq!(o.thresholds, [0.95, 0.5, 0.1, -0.1]);
/// assert_eq!(o.no_target_thresholds, [0.02, 0.005]);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Options2023 {
    /// Lower bounds of on track, moderate progress, marginal progress and stagnation.
    pub thresholds: [f64; 4],
    /// Growth-rate lower bounds of on track and moderate progress, without a target.
    pub no_target_thresholds: [f64; 2],
    /// What a zero base is replaced by (none: not computable).
    pub zero_replacement: Option<f64>,
}

impl Default for Options2023 {
    fn default() -> Self {
        Options2023 {
            thresholds: [0.95, 0.5, 0.1, -0.1],
            no_target_thresholds: [0.02, 0.005],
            zero_replacement: None,
        }
    }
}

/// The base value after zero replacement, or a note on why growth is undefined.
fn growth_base(input: &Input, zero: Option<f64>, out: &mut Outcome) -> Option<f64> {
    let base = input.base().v;
    let current = input.current().v;
    let base = match (base, zero) {
        (b, _) if b != 0.0 => b,
        (_, Some(z)) => {
            out.notes
                .push(format!("base value is zero; replaced by {z}"));
            z
        }
        (_, None) => {
            out.notes.push(
                "base value is zero: a growth rate from zero is undefined (set options.zero_replacement to substitute a small value)"
                    .to_owned(),
            );
            return None;
        }
    };
    if (base > 0.0 && current < 0.0) || (base < 0.0 && current > 0.0) {
        out.notes.push(format!(
            "base value ({base}) and latest value ({current}) have different signs: a growth rate is undefined"
        ));
        return None;
    }
    Some(base)
}

/// Pre-2023: `Cr` against 0.95 / 0.5 / −0.1.
pub(crate) fn assess_legacy(input: &Input, o: &LegacyOptions) -> Outcome {
    let mut out = Outcome::new(Status::NotComputable);
    let Some(target) = input.target else {
        return out.with_note("unsd-legacy needs a numerical target");
    };
    let Some(base_v) = growth_base(input, o.zero_replacement, &mut out) else {
        return out;
    };
    let (base, current) = (input.base(), input.current());
    let target_v = match (target.v, o.zero_replacement) {
        (t, _) if t != 0.0 => t,
        (_, Some(z)) => z,
        (_, None) => {
            return out.with_note(
                "target is zero: the required growth rate is undefined (set options.zero_replacement)",
            );
        }
    };
    if target.t <= base.t {
        return out.with_note(format!(
            "target period {} is not after the base period {}",
            target.period, base.period
        ));
    }
    let actual = cagr(current.v, base_v, current.t, base.t);
    let required = cagr(target_v, base_v, target.t, base.t);
    out.detail("cagr_actual", actual);
    out.detail("cagr_required", required);
    if required == 0.0 || !required.is_finite() || !actual.is_finite() {
        return out.with_note("the target equals the base: no growth is required");
    }
    let sign = if base_v < 0.0 { -1.0 } else { 1.0 };
    let ratio = sign * input.d() * actual / required.abs();
    out.value = Some(ratio);
    out.detail("ratio", ratio);
    let [on, fair, limited] = o.thresholds;
    out.status = classify(
        ratio,
        &[
            (on, Status::OnTrack),
            (fair, Status::FairProgress),
            (limited, Status::LimitedOrNoProgress),
        ],
        Status::Deterioration,
    );
    out
}

/// 2023+: the projected value against the target (or the growth rate without a target).
pub(crate) fn assess_2023(input: &Input, o: &Options2023) -> Outcome {
    let mut out = Outcome::new(Status::NotComputable);
    let Some(base_v) = growth_base(input, o.zero_replacement, &mut out) else {
        return out;
    };
    let (base, current) = (input.base(), input.current());
    let actual = cagr(current.v, base_v, current.t, base.t);
    out.detail("cagr_actual", actual);
    let sign = if base_v < 0.0 { -1.0 } else { 1.0 };
    let Some(target) = input.target else {
        let growth = sign * input.d() * actual;
        out.value = Some(growth);
        let [on, moderate] = o.no_target_thresholds;
        out.status = classify(
            growth,
            &[(on, Status::OnTrack), (moderate, Status::ModerateProgress)],
            Status::StagnationOrRegression,
        );
        return out;
    };
    if (target.v - base_v).abs() == 0.0 {
        return out.with_note("the target equals the base: the required progress is zero");
    }
    let expected = current.v * (1.0 + actual).powf(target.t - current.t);
    if !expected.is_finite() {
        return out.with_note("the projected value is not a finite number");
    }
    out.projected = Some(Projection {
        period: target.period,
        value: expected,
    });
    out.detail("projected", expected);
    let ratio = input.d() * (expected - base_v) / (target.v - base_v).abs();
    out.value = Some(ratio);
    out.detail("ratio", ratio);
    let [on, moderate, marginal, stagnation] = o.thresholds;
    out.status = classify(
        ratio,
        &[
            (on, Status::OnTrack),
            (moderate, Status::ModerateProgress),
            (marginal, Status::MarginalProgress),
            (stagnation, Status::Stagnation),
        ],
        Status::Regression,
    );
    out
}
