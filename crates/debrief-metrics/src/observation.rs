//! Observations: a value for a period, with its source and note, grouped into [`Series`] by
//! their disaggregation dimensions (e.g. Border Patrol sector). The series with no dimensions
//! is the headline.
//!
//! Values are [`Finite`] numbers or labels (milestone states, ordinal levels, nominal
//! categories, qualitative text): no NaN or infinity can enter a series.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, ErrorKind};
use crate::period::Period;

/// A finite `f64` (never NaN, never infinite).
///
/// ```
/// use debrief_metrics::Finite;
/// assert_eq!(Finite::new(2.5)?.get(), 2.5);
/// assert!(Finite::new(f64::NAN).is_err());
/// # Ok::<(), debrief_metrics::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Finite(f64);

impl Finite {
    /// The number, or an error if it is NaN or infinite.
    ///
    /// # Errors
    ///
    /// If `value` is NaN or infinite.
    ///
    /// ```
    /// use debrief_metrics::Finite;
    /// assert!(Finite::new(f64::NEG_INFINITY).is_err());
    /// ```
    pub fn new(value: f64) -> Result<Finite, Error> {
        if value.is_finite() {
            Ok(Finite(value))
        } else {
            Err(Error::new(ErrorKind::NonFinite {
                what: format!("the value {value}"),
            }))
        }
    }

    /// The number.
    ///
    /// ```
    /// use debrief_metrics::Finite;
    /// assert_eq!(Finite::new(-1.0).unwrap().get(), -1.0);
    /// ```
    pub fn get(self) -> f64 {
        self.0
    }
}

impl fmt::Display for Finite {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl Serialize for Finite {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.0)
    }
}

impl<'de> Deserialize<'de> for Finite {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Finite::new(f64::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

impl schemars::JsonSchema for Finite {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Finite".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "number", "description": "A finite number (no NaN, no infinity)." })
    }
}

/// An observed value: a number, or a label (a milestone state such as `in_progress`, an
/// ordinal level, a nominal category, or qualitative text).
///
/// ```
/// use debrief_metrics::{Finite, ObsValue};
/// let v = ObsValue::Number(Finite::new(3.0)?);
/// assert_eq!(v.as_number(), Some(3.0));
/// assert_eq!(ObsValue::Label("done".into()).as_label(), Some("done"));
/// # Ok::<(), debrief_metrics::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum ObsValue {
    /// A number.
    Number(Finite),
    /// A label or text.
    Label(String),
}

impl ObsValue {
    /// The number, if this is one.
    ///
    /// ```
    /// use debrief_metrics::ObsValue;
    /// assert_eq!(ObsValue::Label("x".into()).as_number(), None);
    /// ```
    pub fn as_number(&self) -> Option<f64> {
        match self {
            ObsValue::Number(n) => Some(n.get()),
            ObsValue::Label(_) => None,
        }
    }

    /// The label, if this is one.
    ///
    /// ```
    /// use debrief_metrics::{Finite, ObsValue};
    /// assert_eq!(ObsValue::Number(Finite::new(1.0).unwrap()).as_label(), None);
    /// ```
    pub fn as_label(&self) -> Option<&str> {
        match self {
            ObsValue::Number(_) => None,
            ObsValue::Label(s) => Some(s),
        }
    }
}

impl fmt::Display for ObsValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ObsValue::Number(n) => write!(f, "{n}"),
            ObsValue::Label(s) => f.write_str(s),
        }
    }
}

/// One observation: the value for a period, with where it came from.
///
/// ```
/// use debrief_metrics::{Finite, ObsValue, Observation};
/// let o = Observation::number("FY2011".parse()?, 18_898.0)?
///     .with_source("GAO-13-330T");
/// assert_eq!(o.value.as_number(), Some(18_898.0));
/// assert_eq!(o.source.as_deref(), Some("GAO-13-330T"));
/// # Ok::<(), debrief_metrics::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Observation {
    /// The period observed.
    pub period: Period,
    /// The value.
    pub value: ObsValue,
    /// Where the number comes from (publication, table, URL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A note on this value (revisions, estimates, caveats).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Observation {
    /// A numeric observation (an error if `value` is not finite).
    ///
    /// # Errors
    ///
    /// If `value` is NaN or infinite.
    ///
    /// ```
    /// use debrief_metrics::Observation;
    /// assert!(Observation::number("2015".parse()?, f64::NAN).is_err());
    /// # Ok::<(), debrief_metrics::Error>(())
    /// ```
    pub fn number(period: Period, value: f64) -> Result<Observation, Error> {
        Ok(Observation {
            period,
            value: ObsValue::Number(Finite::new(value)?),
            source: None,
            note: None,
        })
    }

    /// A labelled observation (a milestone state, a level, text).
    ///
    /// ```
    /// use debrief_metrics::Observation;
    /// let o = Observation::label("2014-06-30".parse()?, "in_progress");
    /// assert_eq!(o.value.as_label(), Some("in_progress"));
    /// # Ok::<(), debrief_metrics::Error>(())
    /// ```
    pub fn label(period: Period, label: impl Into<String>) -> Observation {
        Observation {
            period,
            value: ObsValue::Label(label.into()),
            source: None,
            note: None,
        }
    }

    /// The observation with a source.
    ///
    /// ```
    /// use debrief_metrics::Observation;
    /// let o = Observation::number("2015".parse()?, 1.0)?.with_source("CRS IF11175");
    /// assert_eq!(o.source.as_deref(), Some("CRS IF11175"));
    /// # Ok::<(), debrief_metrics::Error>(())
    /// ```
    #[must_use]
    pub fn with_source(mut self, source: impl Into<String>) -> Observation {
        self.source = Some(source.into());
        self
    }

    /// The observation with a note.
    ///
    /// ```
    /// use debrief_metrics::Observation;
    /// let o = Observation::number("2015".parse()?, 1.0)?.with_note("estimate");
    /// assert_eq!(o.note.as_deref(), Some("estimate"));
    /// # Ok::<(), debrief_metrics::Error>(())
    /// ```
    #[must_use]
    pub fn with_note(mut self, note: impl Into<String>) -> Observation {
        self.note = Some(note.into());
        self
    }
}

/// Disaggregation dimensions of a series: column name → value (e.g. `sector` → `Tucson`).
/// Empty for the headline series.
///
/// ```
/// use debrief_metrics::observation::Dimensions;
/// let d: Dimensions = [("sector".to_owned(), "Tucson".to_owned())].into();
/// assert_eq!(d.len(), 1);
/// ```
pub type Dimensions = BTreeMap<String, String>;

/// The observations of one indicator for one combination of dimensions, sorted by period,
/// one observation per period.
///
/// ```
/// use debrief_metrics::{Observation, Series};
/// let mut s = Series::headline();
/// s.insert(Observation::number("2022".parse()?, 45.0)?)?;
/// s.insert(Observation::number("2015".parse()?, 50.0)?)?;
/// assert_eq!(s.points()[0].period.to_string(), "2015");
/// assert!(s.insert(Observation::number("2015".parse()?, 51.0)?).is_err());
/// # Ok::<(), debrief_metrics::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Series {
    /// The dimensions that single out this series (empty: the headline).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub dimensions: Dimensions,
    points: Vec<Observation>,
}

impl Series {
    /// An empty headline series.
    ///
    /// ```
    /// use debrief_metrics::Series;
    /// assert!(Series::headline().is_headline());
    /// ```
    pub fn headline() -> Series {
        Series::default()
    }

    /// An empty series for `dimensions`.
    ///
    /// ```
    /// use debrief_metrics::Series;
    /// let s = Series::new([("sector".to_owned(), "Tucson".to_owned())].into());
    /// assert!(!s.is_headline());
    /// ```
    pub fn new(dimensions: Dimensions) -> Series {
        Series {
            dimensions,
            points: Vec::new(),
        }
    }

    /// A series from observations (sorted here; an error if two share a period).
    ///
    /// # Errors
    ///
    /// If two observations share a period.
    ///
    /// ```
    /// use debrief_metrics::{Observation, Series};
    /// let s = Series::from_observations(Default::default(), vec![
    ///     Observation::number("2016".parse()?, 2.0)?,
    ///     Observation::number("2015".parse()?, 1.0)?,
    /// ])?;
    /// assert_eq!(s.len(), 2);
    /// # Ok::<(), debrief_metrics::Error>(())
    /// ```
    pub fn from_observations(
        dimensions: Dimensions,
        mut points: Vec<Observation>,
    ) -> Result<Series, Error> {
        points.sort_by_key(|o| o.period);
        if let Some(w) = points.windows(2).find(|w| w[0].period == w[1].period) {
            return Err(duplicate(&w[0].period));
        }
        Ok(Series { dimensions, points })
    }

    /// Whether this is the headline (no dimensions).
    ///
    /// ```
    /// use debrief_metrics::Series;
    /// assert!(Series::default().is_headline());
    /// ```
    pub fn is_headline(&self) -> bool {
        self.dimensions.is_empty()
    }

    /// The observations, in period order.
    ///
    /// ```
    /// use debrief_metrics::Series;
    /// assert!(Series::headline().points().is_empty());
    /// ```
    pub fn points(&self) -> &[Observation] {
        &self.points
    }

    /// Number of observations.
    ///
    /// ```
    /// use debrief_metrics::Series;
    /// assert_eq!(Series::headline().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.points.len()
    }

    /// Whether there are no observations.
    ///
    /// ```
    /// use debrief_metrics::Series;
    /// assert!(Series::headline().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    /// The observation for `period`, if any.
    ///
    /// ```
    /// use debrief_metrics::{Observation, Series};
    /// let mut s = Series::headline();
    /// s.insert(Observation::number("2015".parse()?, 1.0)?)?;
    /// assert!(s.get(&"2015".parse()?).is_some());
    /// # Ok::<(), debrief_metrics::Error>(())
    /// ```
    pub fn get(&self, period: &Period) -> Option<&Observation> {
        self.points
            .binary_search_by(|o| o.period.cmp(period))
            .ok()
            .map(|i| &self.points[i])
    }

    /// Adds an observation in period order; an error if the period is already observed.
    ///
    /// # Errors
    ///
    /// If the period is already observed.
    ///
    /// ```
    /// use debrief_metrics::{Observation, Series};
    /// let mut s = Series::headline();
    /// s.insert(Observation::number("2015".parse()?, 1.0)?)?;
    /// assert_eq!(s.len(), 1);
    /// # Ok::<(), debrief_metrics::Error>(())
    /// ```
    pub fn insert(&mut self, obs: Observation) -> Result<(), Error> {
        match self.points.binary_search_by(|o| o.period.cmp(&obs.period)) {
            Ok(_) => Err(duplicate(&obs.period)),
            Err(i) => {
                self.points.insert(i, obs);
                Ok(())
            }
        }
    }
}

fn duplicate(period: &Period) -> Error {
    Error::new(ErrorKind::Catalog {
        message: format!(
            "two observations for period {period} in one series: expected one value per period"
        ),
    })
}

/// Formats dimensions as `sector=Tucson, sex=F` (empty for the headline).
///
/// ```
/// use debrief_metrics::observation::format_dimensions;
/// let d = [("sector".to_owned(), "Tucson".to_owned())].into();
/// assert_eq!(format_dimensions(&d), "sector=Tucson");
/// ```
pub fn format_dimensions(dimensions: &Dimensions) -> String {
    dimensions
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(", ")
}
