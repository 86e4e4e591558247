//! DHIS2 legend sets: the latest value (or its percent of target) is placed in one of a list
//! of bands, each with a start and an end value and a status.
//!
//! DHIS2 itself is not consistent about the bounds: the analytics library
//! (`@dhis2/analytics`, `getLegendByValueFromLegendSet`) takes a value into a legend when
//! `startValue <= value < endValue`, so the top of the last band falls outside every band
//! (and is drawn grey); the Android capture app (`LegendValueProviderImpl`) requires
//! `startValue < value < endValue`, so every boundary value falls outside. Each band here
//! states its bounds explicitly (`start_inclusive`, `end_inclusive`; default the analytics
//! library's `[start, end)`).
//!
//! The default legend set follows the DHIS2 scorecard: the legend definitions of the HISP
//! Tanzania scorecard app ("Target achieved / on track", "Progress, but more effort
//! required", "Not on track") on the cut points of its default legend set
//! (`@hisptz/react-ui`: 0–33, 33–66, 66–100). By default it classifies the percent of the
//! baseline-to-target distance covered, with the outer bands left open —
//! `(−∞, 33)`, `[33, 66)`, `[66, ∞)` — so that moving away from the target (a negative
//! percent) is "not on track" and passing it is "on track", whichever way is better. The
//! percent of target achieved (`100·y/y*`, or `100·y*/y` when lower is better) and raw values
//! can be classified instead; those are levels, blind to the direction of change. The default
//! bands are mirrored when raw values of a decrease-desired indicator are classified (the
//! scorecard's `highIsGood = false`).

use super::{Input, Outcome, Status};
use crate::indicator::Direction;

/// Which number is placed in the bands.
///
/// ```
/// use debrief_metrics::method::dhis2::BandInput;
/// assert_eq!(BandInput::from_name("percent_of_target"), Some(BandInput::PercentOfTarget));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BandInput {
    /// The latest value itself.
    Value,
    /// The percent of the target achieved: `100·y/y*` when higher is better, `100·y*/y` when
    /// lower is better.
    PercentOfTarget,
    /// The percent of the baseline-to-target distance covered.
    PercentOfDistance,
}

impl BandInput {
    /// Parses `value`, `percent_of_target`, `percent_of_distance`.
    ///
    /// ```
    /// use debrief_metrics::method::dhis2::BandInput;
    /// assert_eq!(BandInput::from_name("value"), Some(BandInput::Value));
    /// ```
    pub fn from_name(name: &str) -> Option<BandInput> {
        match name {
            "value" => Some(BandInput::Value),
            "percent_of_target" => Some(BandInput::PercentOfTarget),
            "percent_of_distance" => Some(BandInput::PercentOfDistance),
            _ => None,
        }
    }

    /// The name.
    ///
    /// ```
    /// use debrief_metrics::method::dhis2::BandInput;
    /// assert_eq!(BandInput::PercentOfDistance.name(), "percent_of_distance");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            BandInput::Value => "value",
            BandInput::PercentOfTarget => "percent_of_target",
            BandInput::PercentOfDistance => "percent_of_distance",
        }
    }
}

/// One legend band.
///
/// ```
/// use debrief_metrics::{method::dhis2::Band, Status};
/// let b = Band::new(33.0, 66.0, Status::MoreEffortRequired);
/// assert!(b.contains(33.0));
/// assert!(!b.contains(66.0));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// Start value.
    pub start: f64,
    /// End value.
    pub end: f64,
    /// Whether the start value itself is in the band (default true).
    pub start_inclusive: bool,
    /// Whether the end value itself is in the band (default false).
    pub end_inclusive: bool,
    /// The status a value in the band gets.
    pub status: Status,
    /// A display label (DHIS2 legend name).
    pub label: Option<String>,
}

impl Band {
    /// A band `[start, end)` (DHIS2 analytics' bounds).
    ///
    /// ```
    /// use debrief_metrics::{method::dhis2::Band, Status};
    /// assert!(Band::new(0.0, 33.0, Status::NotOnTrack).start_inclusive);
    /// ```
    pub fn new(start: f64, end: f64, status: Status) -> Band {
        Band {
            start,
            end,
            start_inclusive: true,
            end_inclusive: false,
            status,
            label: None,
        }
    }

    /// Whether `value` lies in the band, by its explicit bounds.
    ///
    /// ```
    /// use debrief_metrics::{method::dhis2::Band, Status};
    /// let mut b = Band::new(66.0, 100.0, Status::OnTrack);
    /// assert!(!b.contains(100.0));
    /// b.end_inclusive = true;
    /// assert!(b.contains(100.0));
    /// ```
    pub fn contains(&self, value: f64) -> bool {
        let above = if self.start_inclusive {
            value >= self.start
        } else {
            value > self.start
        };
        let below = if self.end_inclusive {
            value <= self.end
        } else {
            value < self.end
        };
        above && below
    }
}

/// Options of the DHIS2 method.
///
/// ```
/// use debrief_metrics::method::dhis2::{Options, BandInput};
/// let o = Options::default();
/// assert_eq!(o.of, BandInput::PercentOfDistance);
/// assert!(o.bands.is_empty()); // the default legend set
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// The number placed in the bands.
    pub of: BandInput,
    /// The bands (empty: the default scorecard legend set on a 0–100 scale).
    pub bands: Vec<Band>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            of: BandInput::PercentOfDistance,
            bands: Vec::new(),
        }
    }
}

/// The default legend set: `(−∞, 33)`, `[33, 66)`, `[66, ∞)`, worst to best — or best to
/// worst when `mirrored` (raw values of an indicator where lower is better).
///
/// ```
/// use debrief_metrics::{method::dhis2::default_bands, Status};
/// let up = default_bands(false);
/// assert_eq!(up[2].status, Status::OnTrack);
/// assert!(up[2].contains(120.0));
/// assert!(up[0].contains(-50.0));
/// let down = default_bands(true);
/// assert_eq!(down[0].status, Status::OnTrack);
/// ```
pub fn default_bands(mirrored: bool) -> Vec<Band> {
    let mut statuses = [
        Status::NotOnTrack,
        Status::MoreEffortRequired,
        Status::OnTrack,
    ];
    if mirrored {
        statuses.reverse();
    }
    let labels = |s: Status| match s {
        Status::OnTrack => "Target achieved / on track",
        Status::MoreEffortRequired => "Progress, but more effort required",
        _ => "Not on track",
    };
    [
        (f64::NEG_INFINITY, 33.0),
        (33.0, 66.0),
        (66.0, f64::INFINITY),
    ]
    .iter()
    .zip(statuses)
    .map(|(&(start, end), status)| Band {
        label: Some(labels(status).to_owned()),
        ..Band::new(start, end, status)
    })
    .collect()
}

/// Assesses one series.
pub(crate) fn assess(input: &Input, o: &Options, direction: &Direction) -> Outcome {
    let mut out = Outcome::new(Status::NotComputable);
    let current = input.current();
    let x = match o.of {
        BandInput::Value => current.v,
        BandInput::PercentOfTarget => match input.target {
            None => return out.with_note("dhis2-bands of percent_of_target needs a target"),
            Some(t) if input.increase && t.v != 0.0 => 100.0 * current.v / t.v,
            Some(t) if !input.increase && current.v != 0.0 => 100.0 * t.v / current.v,
            Some(_) => {
                return out.with_note("a zero target or latest value: no percent of target");
            }
        },
        BandInput::PercentOfDistance => {
            let Some(t) = input.target else {
                return out.with_note("dhis2-bands of percent_of_distance needs a target");
            };
            let base = input.base();
            let needed = (t.v - base.v).abs();
            if needed == 0.0 {
                return out.with_note("the target equals the base");
            }
            100.0 * input.d() * (current.v - base.v) / needed
        }
    };
    out.value = Some(x);
    let defaults;
    let bands = if o.bands.is_empty() {
        defaults = default_bands(o.of == BandInput::Value && *direction == Direction::Decrease);
        &defaults
    } else {
        &o.bands
    };
    if let Some(i) = bands.iter().position(|b| b.contains(x)) {
        out.status = bands[i].status;
        #[allow(clippy::cast_precision_loss)] // a handful of bands
        out.detail("band", i as f64);
        out.detail("band_start", bands[i].start);
        out.detail("band_end", bands[i].end);
    } else {
        out.status = Status::OutOfBands;
        out.notes
            .push(format!("{x} lies in no band of the legend set"));
    }
    out
}
