//! Typed indicators, reporting periods, observations and the progress methods that statistics
//! offices publish, rolled up into scorecards. Independent of the parser and the model: an
//! objective is identified by a plain string (a recommendation id, for debrief).
//!
//! ```
//! use debrief_metrics::Direction;
//! assert!(Direction::Increase.is_improvement(40.0, 45.0));
//! assert!(!Direction::Decrease.is_improvement(40.0, 45.0));
//! ```

#![forbid(unsafe_code)]

use serde::{Deserialize, Serialize};

/// Which way an indicator should move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Higher is better.
    Increase,
    /// Lower is better.
    Decrease,
}

impl Direction {
    /// Whether moving from `from` to `to` is a move in the desired direction.
    ///
    /// ```
    /// use debrief_metrics::Direction;
    /// assert!(Direction::Decrease.is_improvement(10.0, 5.0));
    /// assert!(!Direction::Increase.is_improvement(10.0, 10.0));
    /// ```
    pub fn is_improvement(self, from: f64, to: f64) -> bool {
        match self {
            Direction::Increase => to > from,
            Direction::Decrease => to < from,
        }
    }
}
