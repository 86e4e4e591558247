//! The TOML catalog: objectives, indicators, their methods, baselines, targets, formulas and
//! (optionally) observations. [`Catalog::from_toml`] takes the text — the library reads no
//! files — and returns a checked [`Catalog`] or an [`Error`] pointing at the offending bytes.
//!
//! The minimal form:
//!
//! ```
//! use debrief_metrics::Catalog;
//! let catalog = Catalog::from_toml(r#"
//! [[indicator]]
//! id = "example-share"
//! name = "An illustrative share (not real data)"
//! unit = "percent"
//! direction = "decrease"            # increase | decrease
//! method = "unsd-legacy"            # unsd-legacy | unsd-2023 | statcan | escap | iati | dhis2-bands | linear-trend
//! baseline = { period = "2015", value = 50.0 }
//! target = { period = "2030", value = 25.0 }
//! "#)?;
//! assert_eq!(catalog.indicators[0].id, "example-share");
//! # Ok::<(), debrief_metrics::Error>(())
//! ```
//!
//! The file format is described in `docs/METRICS.md`; its JSON Schema is
//! [`catalog_schema`](crate::catalog_schema).

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::error::{Error, ErrorKind, Span, catalog_error};
use crate::formula::Formula;
use crate::indicator::{
    Baseline, Direction, Indicator, Measure, MilestoneState, Objective, Rollup, Target,
};
use crate::method::{Method, Status, dhis2, escap, statcan, unsd};
use crate::observation::{Finite, ObsValue, Observation, Series};
use crate::period::Period;
use crate::unit::Unit;

/// A checked catalog: objectives and indicators.
///
/// ```
/// use debrief_metrics::Catalog;
/// let c = Catalog::from_toml("[[objective]]\nid = \"rec-1\"\nname = \"R1\"\n")?;
/// assert_eq!(c.objectives[0].id, "rec-1");
/// assert!(c.indicators.is_empty());
/// # Ok::<(), debrief_metrics::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Catalog {
    /// A title for reports.
    pub title: Option<String>,
    /// The objectives, in file order.
    pub objectives: Vec<Objective>,
    /// The indicators, in file order.
    pub indicators: Vec<Indicator>,
}

// ---------------------------------------------------------------------------------------------
// The file format (what serde reads and writes; also the source of the JSON Schema).

/// The catalog file as written: `[[objective]]` and `[[indicator]]` tables.
///
/// ```
/// use debrief_metrics::catalog::CatalogFile;
/// let file: CatalogFile = toml::from_str("title = \"T\"\n[[objective]]\nid = \"rec-1\"\nname = \"R\"\n").unwrap();
/// assert_eq!(file.objectives[0].id.get_ref(), "rec-1");
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "debrief indicator catalog")]
pub struct CatalogFile {
    /// A title for reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Objectives: what indicators measure progress towards (recommendation ids).
    #[serde(default, rename = "objective", skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<ObjectiveFile>,
    /// Indicators.
    #[serde(default, rename = "indicator", skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<IndicatorFile>,
}

/// An `[[objective]]` table.
///
/// ```
/// use debrief_metrics::catalog::ObjectiveFile;
/// let o: ObjectiveFile = toml::from_str("id = \"rec-2\"\nname = \"R2\"\nrollup = \"worst\"").unwrap();
/// assert_eq!(o.name, "R2");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ObjectiveFile {
    /// Unique id (for debrief, a recommendation id).
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Short name.
    pub name: String,
    /// Longer description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `weighted_mean` (default) or `worst`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rollup: Option<Rollup>,
}

/// An `[[indicator]]` table.
///
/// ```
/// use debrief_metrics::catalog::IndicatorFile;
/// let i: IndicatorFile = toml::from_str("id = \"x\"\nname = \"X\"\nunit = \"count\"").unwrap();
/// assert_eq!(i.unit.unwrap().get_ref(), "count");
/// assert!(toml::from_str::<IndicatorFile>("id = \"x\"\nname = \"X\"\nunits = \"count\"").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorFile {
    /// Unique id; also the name formulas use for it.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Short name.
    pub name: String,
    /// What it measures and how.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The id of the objective it measures progress towards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub objective: Option<Spanned<String>>,
    /// Weight within the objective (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    /// Unit: `count`, `share`, `percent`, `per_1000`, `per_100k`, `index`, `miles`, `km`,
    /// `days`, `weeks`, `usd`, `usd_thousand`, `usd_million`, `usd_billion` (and `mxn`, `cad`,
    /// `eur` likewise). Required for
    /// quantity and percentage measures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub unit: Option<Spanned<String>>,
    /// IATI measure kind: quantity (default), percentage, nominal, ordinal, qualitative; or
    /// milestone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub measure: Option<Spanned<String>>,
    /// Ordinal levels (worst first when higher is better) or nominal categories.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub levels: Option<Vec<String>>,
    /// increase | decrease | band. Required for numeric and ordinal measures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub direction: Option<Spanned<String>>,
    /// `[low, high]` when `direction = "band"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<[f64; 2]>")]
    pub band: Option<Spanned<Vec<f64>>>,
    /// A natural limit in the desired direction (e.g. 100 for a rising percentage).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<f64>,
    /// unsd-legacy | unsd-2023 | statcan | escap | iati | dhis2-bands | linear-trend
    /// (default) | milestone | category | qualitative.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub method: Option<Spanned<String>>,
    /// Method options (see `docs/METRICS.md`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<OptionsFile>")]
    pub options: Option<Spanned<OptionsFile>>,
    /// Base period and value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<PointFile>")]
    pub baseline: Option<Spanned<PointFile>>,
    /// Target period (deadline) and value (no value for a milestone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<TargetFile>")]
    pub target: Option<Spanned<TargetFile>>,
    /// A formula over other indicators' ids, e.g. `100 * a / (a + b)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub formula: Option<Spanned<String>>,
    /// Multiply each value by 365 / days in its period (DHIS2 annualisation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annualize: Option<bool>,
    /// Where the indicator's data come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Observations written in the catalog (more can come from a CSV file).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub observations: Vec<ObservationFile>,
}

/// A value: a number, or a label (milestone state, ordinal level, category, text).
///
/// ```
/// use debrief_metrics::catalog::ValueFile;
/// #[derive(serde::Deserialize)]
/// struct V { value: ValueFile }
/// let v: V = toml::from_str("value = 3").unwrap();
/// assert_eq!(v.value, ValueFile::Number(3.0));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum ValueFile {
    /// A number.
    Number(f64),
    /// A label.
    Label(String),
}

/// `{ period = "2015", value = 50.0 }`.
///
/// ```
/// use debrief_metrics::catalog::{PointFile, ValueFile};
/// let p: PointFile = toml::from_str("period = \"2015\"\nvalue = 50.0").unwrap();
/// assert_eq!(p.value.get_ref(), &ValueFile::Number(50.0));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PointFile {
    /// The period.
    #[schemars(with = "crate::period::Period")]
    pub period: Spanned<String>,
    /// The value.
    #[schemars(with = "ValueFile")]
    pub value: Spanned<ValueFile>,
}

/// `{ period = "2030", value = 25.0 }`; a milestone's target has no value.
///
/// ```
/// use debrief_metrics::catalog::TargetFile;
/// let t: TargetFile = toml::from_str("period = \"2014\"").unwrap();
/// assert!(t.value.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TargetFile {
    /// The deadline period.
    #[schemars(with = "crate::period::Period")]
    pub period: Spanned<String>,
    /// The value to reach.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<ValueFile>")]
    pub value: Option<Spanned<ValueFile>>,
}

/// An observation written in the catalog.
///
/// ```
/// use debrief_metrics::catalog::ObservationFile;
/// let o: ObservationFile = toml::from_str("period = \"FY2012\"\nvalue = 10\ndimensions = { sector = \"Tucson\" }").unwrap();
/// assert_eq!(o.dimensions["sector"], "Tucson");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ObservationFile {
    /// The period.
    #[schemars(with = "crate::period::Period")]
    pub period: Spanned<String>,
    /// The value.
    #[schemars(with = "ValueFile")]
    pub value: Spanned<ValueFile>,
    /// Disaggregation dimensions, e.g. `{ sector = "Tucson" }`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub dimensions: BTreeMap<String, String>,
    /// Where the number comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A note on the number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Method options; which keys a method accepts is in `docs/METRICS.md`.
///
/// ```
/// use debrief_metrics::catalog::OptionsFile;
/// let o: OptionsFile = toml::from_str("thresholds = [0.9, 0.5, 0.0]").unwrap();
/// assert_eq!(o.thresholds, Some(vec![0.9, 0.5, 0.0]));
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OptionsFile {
    /// Category lower bounds, highest first (unsd-legacy: 3; unsd-2023: 4; statcan with a
    /// target: 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thresholds: Option<Vec<f64>>,
    /// statcan without a target: growth thresholds high, medium, low.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub growth_thresholds: Option<Vec<f64>>,
    /// unsd-2023 without a target: growth lower bounds of on track and moderate progress.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_target_thresholds: Option<Vec<f64>>,
    /// What a zero base (or target) is replaced by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zero_replacement: Option<f64>,
    /// statcan: `headline` (default) or `all` series rolled up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
    /// escap: cap the Current Status Index at 100 (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap_current_status: Option<bool>,
    /// dhis2-bands: `percent_of_distance` (default), `percent_of_target` or `value`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
    /// dhis2-bands: the legend bands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bands: Option<Vec<BandFile>>,
}

/// A DHIS2 legend band.
///
/// ```
/// use debrief_metrics::catalog::BandFile;
/// let b: BandFile = toml::from_str("start = 0\nend = 33\nstatus = \"not_on_track\"").unwrap();
/// assert_eq!(b.end, 33.0);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BandFile {
    /// Start value.
    pub start: f64,
    /// End value.
    pub end: f64,
    /// Status of values in the band: `on_track`, `more_effort_required`, `not_on_track`,
    /// `target_achieved`.
    pub status: String,
    /// Display label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Whether the start value is in the band (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_inclusive: Option<bool>,
    /// Whether the end value is in the band (default false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_inclusive: Option<bool>,
}

// ---------------------------------------------------------------------------------------------
// Loading.

fn span_of<T>(s: &Spanned<T>) -> Span {
    s.span().into()
}

/// Where the contents of a quoted TOML string start, if the source text of the string is
/// exactly its value between quotes (no escapes), so that offsets inside the value map to
/// offsets in the file.
fn inner_start(text: &str, s: &Spanned<String>) -> Option<usize> {
    let span = s.span();
    let raw = text.get(span.clone())?;
    for quote in ["\"\"\"", "'''", "\"", "'"] {
        if let Some(body) = raw.strip_prefix(quote).and_then(|r| r.strip_suffix(quote))
            && body == s.get_ref()
        {
            return Some(span.start + quote.len());
        }
    }
    None
}

/// An error found inside a string value, placed in the file.
fn inside(text: &str, s: &Spanned<String>, err: Error) -> Error {
    match (inner_start(text, s), err.span()) {
        (Some(start), Some(_)) => err.shifted(start),
        _ => err.with_span(span_of(s)),
    }
}

fn parse_period(text: &str, s: &Spanned<String>) -> Result<Period, Error> {
    s.get_ref().parse().map_err(|e| inside(text, s, e))
}

fn finite(v: f64, what: &str, span: Span) -> Result<f64, Error> {
    if v.is_finite() {
        Ok(v)
    } else {
        Err(Error::at(
            ErrorKind::NonFinite {
                what: format!("{what} ({v})"),
            },
            span,
        ))
    }
}

/// Converts a written value for an indicator of `measure`.
pub(crate) fn value_for(measure: &Measure, v: &Spanned<ValueFile>) -> Result<ObsValue, Error> {
    let span = span_of(v);
    match (measure, v.get_ref()) {
        (Measure::Quantity | Measure::Percentage, ValueFile::Number(n)) => Ok(ObsValue::Number(
            Finite::new(*n).map_err(|e| e.with_span(span))?,
        )),
        (Measure::Quantity | Measure::Percentage, ValueFile::Label(l)) => Err(catalog_error(
            format!(
                "expected a number for a {} indicator, found \"{l}\"",
                measure.name()
            ),
            Some(span),
        )),
        (Measure::Milestone, ValueFile::Label(l)) => match MilestoneState::parse(l) {
            Some(state) => Ok(ObsValue::Label(state.as_str().to_owned())),
            None => Err(catalog_error(
                format!(
                    "expected a milestone state (not_started, in_progress, done), found \"{l}\""
                ),
                Some(span),
            )),
        },
        (
            Measure::Ordinal { levels } | Measure::Nominal { categories: levels },
            ValueFile::Label(l),
        ) => {
            if levels.is_empty() || levels.contains(l) {
                Ok(ObsValue::Label(l.clone()))
            } else {
                Err(catalog_error(
                    format!("expected one of the levels {levels:?}, found \"{l}\""),
                    Some(span),
                ))
            }
        }
        (Measure::Qualitative, ValueFile::Label(l)) => Ok(ObsValue::Label(l.clone())),
        (_, ValueFile::Number(n)) => Err(catalog_error(
            format!(
                "expected a label for a {} indicator, found the number {n}",
                measure.name()
            ),
            Some(span),
        )),
    }
}

/// Reads a thresholds list of `n` numbers, highest first.
fn thresholds<const N: usize>(
    list: Option<&Vec<f64>>,
    default: [f64; N],
    what: &str,
    span: Span,
) -> Result<[f64; N], Error> {
    let Some(list) = list else {
        return Ok(default);
    };
    let arr: [f64; N] = list.as_slice().try_into().map_err(|_| {
        catalog_error(
            format!(
                "{what}: expected {N} numbers, highest first, found {}",
                list.len()
            ),
            Some(span),
        )
    })?;
    if arr.iter().any(|x| !x.is_finite()) || arr.windows(2).any(|w| w[0] < w[1]) {
        return Err(catalog_error(
            format!("{what}: expected finite numbers, highest first, found {list:?}"),
            Some(span),
        ));
    }
    Ok(arr)
}

/// Reads the DHIS2 options: what is classified, and the bands.
fn dhis2_options(
    m: &mut dhis2::Options,
    o: &OptionsFile,
    ospan: Span,
    measure: &Measure,
    unit: Option<&Unit>,
) -> Result<(), Error> {
    if let Some(of) = &o.of {
        m.of = dhis2::BandInput::from_name(of).ok_or_else(|| {
            catalog_error(
                format!(
                    "of: expected percent_of_distance, percent_of_target or value, found `{of}`"
                ),
                Some(ospan),
            )
        })?;
    }
    for b in o.bands.iter().flatten() {
        let status = match b.status.as_str() {
            "on_track" => Status::OnTrack,
            "more_effort_required" => Status::MoreEffortRequired,
            "not_on_track" => Status::NotOnTrack,
            "target_achieved" => Status::TargetAchieved,
            other => {
                return Err(catalog_error(
                    format!(
                        "band status: expected on_track, more_effort_required, not_on_track or target_achieved, found `{other}`"
                    ),
                    Some(ospan),
                ));
            }
        };
        if !(b.start.is_finite() && b.end.is_finite() && b.start <= b.end) {
            return Err(catalog_error(
                format!(
                    "band: expected finite start <= end, found {}..{}",
                    b.start, b.end
                ),
                Some(ospan),
            ));
        }
        m.bands.push(dhis2::Band {
            start: b.start,
            end: b.end,
            start_inclusive: b.start_inclusive.unwrap_or(true),
            end_inclusive: b.end_inclusive.unwrap_or(false),
            status,
            label: b.label.clone(),
        });
    }
    let percent_scale = m.of != dhis2::BandInput::Value
        || unit.is_some_and(|u| u.same_as(&Unit::PERCENT))
        || matches!(measure, Measure::Percentage);
    if m.bands.is_empty() && !percent_scale {
        return Err(catalog_error(
            format!(
                "dhis2-bands on raw values in {} needs `bands`: the default legend set is on a 0–100 scale",
                unit.map_or_else(|| "this unit".to_owned(), ToString::to_string)
            ),
            Some(ospan),
        ));
    }
    Ok(())
}

/// Rejects option keys that do not apply to `method`.
fn check_option_keys(method: &Method, o: &OptionsFile, ospan: Span) -> Result<(), Error> {
    // Which option keys each method accepts.
    let given: Vec<&str> = [
        ("thresholds", o.thresholds.is_some()),
        ("growth_thresholds", o.growth_thresholds.is_some()),
        ("no_target_thresholds", o.no_target_thresholds.is_some()),
        ("zero_replacement", o.zero_replacement.is_some()),
        ("series", o.series.is_some()),
        ("cap_current_status", o.cap_current_status.is_some()),
        ("of", o.of.is_some()),
        ("bands", o.bands.is_some()),
    ]
    .iter()
    .filter(|(_, set)| *set)
    .map(|(k, _)| *k)
    .collect();
    let allowed: &[&str] = match method {
        Method::UnsdLegacy(_) => &["thresholds", "zero_replacement"],
        Method::Unsd2023(_) => &["thresholds", "no_target_thresholds", "zero_replacement"],
        Method::Statcan(_) => &[
            "thresholds",
            "growth_thresholds",
            "zero_replacement",
            "series",
        ],
        Method::Escap(_) => &["cap_current_status", "zero_replacement"],
        Method::Dhis2Bands(_) => &["of", "bands"],
        _ => &[],
    };
    if let Some(bad) = given.iter().find(|k| !allowed.contains(k)) {
        return Err(catalog_error(
            format!(
                "option `{bad}` does not apply to method {}: expected {}",
                method.name(),
                if allowed.is_empty() {
                    "no options".to_owned()
                } else {
                    allowed.join(", ")
                }
            ),
            Some(ospan),
        ));
    }
    Ok(())
}

fn parse_method(
    name: &Spanned<String>,
    options: Option<&Spanned<OptionsFile>>,
    measure: &Measure,
    unit: Option<&Unit>,
) -> Result<Method, Error> {
    let nspan = span_of(name);
    let mut method = Method::from_name(name.get_ref()).ok_or_else(|| {
        catalog_error(
            format!(
                "unknown method `{}`: expected one of {}",
                name.get_ref(),
                Method::NAMES.join(", ")
            ),
            Some(nspan),
        )
    })?;
    let empty = OptionsFile::default();
    let (o, ospan) = options.map_or((&empty, nspan), |s| (s.get_ref(), span_of(s)));
    check_option_keys(&method, o, ospan)?;
    let zero = |z: Option<f64>| -> Result<Option<f64>, Error> {
        match z {
            Some(v) if !v.is_finite() || v == 0.0 => Err(catalog_error(
                format!("zero_replacement: expected a small non-zero number, found {v}"),
                Some(ospan),
            )),
            other => Ok(other),
        }
    };
    match &mut method {
        Method::UnsdLegacy(m) => {
            m.thresholds = thresholds(o.thresholds.as_ref(), m.thresholds, "thresholds", ospan)?;
            m.zero_replacement = zero(o.zero_replacement)?;
        }
        Method::Unsd2023(m) => {
            m.thresholds = thresholds(o.thresholds.as_ref(), m.thresholds, "thresholds", ospan)?;
            m.no_target_thresholds = thresholds(
                o.no_target_thresholds.as_ref(),
                m.no_target_thresholds,
                "no_target_thresholds",
                ospan,
            )?;
            m.zero_replacement = zero(o.zero_replacement)?;
        }
        Method::Statcan(m) => {
            m.target_thresholds = thresholds(
                o.thresholds.as_ref(),
                m.target_thresholds,
                "thresholds",
                ospan,
            )?;
            m.growth_thresholds = thresholds(
                o.growth_thresholds.as_ref(),
                m.growth_thresholds,
                "growth_thresholds",
                ospan,
            )?;
            if let Some(z) = zero(o.zero_replacement)? {
                m.zero_replacement = z;
            }
            m.all_series = match o.series.as_deref() {
                None | Some("headline") => false,
                Some("all") => true,
                Some(other) => {
                    return Err(catalog_error(
                        format!("series: expected `headline` or `all`, found `{other}`"),
                        Some(ospan),
                    ));
                }
            };
        }
        Method::Escap(m) => {
            m.cap_current_status = o.cap_current_status.unwrap_or(true);
            m.zero_replacement = zero(o.zero_replacement)?;
        }
        Method::Dhis2Bands(m) => dhis2_options(m, o, ospan, measure, unit)?,
        _ => {}
    }
    Ok(method)
}

fn parse_measure(f: &IndicatorFile) -> Result<Measure, Error> {
    let levels = || f.levels.clone().unwrap_or_default();
    let Some(m) = &f.measure else {
        return Ok(match &f.unit {
            Some(u)
                if u.get_ref()
                    .parse::<Unit>()
                    .is_ok_and(|u| u.same_as(&Unit::PERCENT)) =>
            {
                Measure::Percentage
            }
            _ => Measure::Quantity,
        });
    };
    let measure = match m.get_ref().as_str() {
        "quantity" | "unit" => Measure::Quantity,
        "percentage" => Measure::Percentage,
        "nominal" => Measure::Nominal {
            categories: levels(),
        },
        "ordinal" => {
            if levels().len() < 2 {
                return Err(catalog_error(
                    "an ordinal measure needs `levels`: at least two, worst first",
                    Some(span_of(m)),
                ));
            }
            Measure::Ordinal { levels: levels() }
        }
        "qualitative" => Measure::Qualitative,
        "milestone" => Measure::Milestone,
        other => {
            return Err(catalog_error(
                format!(
                    "unknown measure `{other}`: expected quantity, percentage, nominal, ordinal, qualitative or milestone"
                ),
                Some(span_of(m)),
            ));
        }
    };
    Ok(measure)
}

fn parse_direction(f: &IndicatorFile, measure: &Measure) -> Result<Direction, Error> {
    let needs = matches!(
        measure,
        Measure::Quantity | Measure::Percentage | Measure::Ordinal { .. }
    );
    let Some(d) = &f.direction else {
        if let Some(b) = &f.band {
            return Err(catalog_error(
                "`band` is given but `direction` is not: expected direction = \"band\"",
                Some(span_of(b)),
            ));
        }
        if needs {
            return Err(catalog_error(
                format!(
                    "indicator `{}` needs a direction: expected direction = \"increase\", \"decrease\" or \"band\"",
                    f.id.get_ref()
                ),
                Some(span_of(&f.id)),
            ));
        }
        return Ok(Direction::Increase);
    };
    let dir = match d.get_ref().as_str() {
        "increase" | "positive" => Direction::Increase,
        "decrease" | "negative" => Direction::Decrease,
        "band" => {
            let Some(b) = &f.band else {
                return Err(catalog_error(
                    "direction = \"band\" needs band = [low, high]",
                    Some(span_of(d)),
                ));
            };
            match b.get_ref().as_slice() {
                &[low, high] if low.is_finite() && high.is_finite() && low <= high => {
                    Direction::Band { low, high }
                }
                other => {
                    return Err(catalog_error(
                        format!("band: expected [low, high] with low <= high, found {other:?}"),
                        Some(span_of(b)),
                    ));
                }
            }
        }
        other => {
            return Err(catalog_error(
                format!("unknown direction `{other}`: expected increase, decrease or band"),
                Some(span_of(d)),
            ));
        }
    };
    if let (Some(b), false) = (&f.band, matches!(dir, Direction::Band { .. })) {
        return Err(catalog_error(
            "`band` applies only to direction = \"band\"",
            Some(span_of(b)),
        ));
    }
    Ok(dir)
}

/// The baseline and target of an indicator table.
fn parse_baseline_target(
    text: &str,
    f: &IndicatorFile,
    measure: &Measure,
    direction: Direction,
) -> Result<(Option<Baseline>, Option<Target>), Error> {
    let baseline = match &f.baseline {
        Some(b) if matches!(measure, Measure::Milestone | Measure::Qualitative) => {
            return Err(catalog_error(
                format!("a {} indicator has no baseline", measure.name()),
                Some(span_of(b)),
            ));
        }
        Some(b) => Some(Baseline {
            period: parse_period(text, &b.get_ref().period)?,
            value: value_for(measure, &b.get_ref().value)?,
        }),
        None => None,
    };
    let target = match &f.target {
        Some(t) => {
            let value = match (measure, &t.get_ref().value) {
                (Measure::Milestone, Some(v)) => {
                    let ok = matches!(v.get_ref(), ValueFile::Label(l) if MilestoneState::parse(l) == Some(MilestoneState::Done));
                    if !ok {
                        return Err(catalog_error(
                            "a milestone's target is its deadline: expected no value, or \"done\"",
                            Some(span_of(v)),
                        ));
                    }
                    None
                }
                (_, Some(v)) => Some(value_for(measure, v)?),
                (_, None) => None,
            };
            if value.is_none()
                && !matches!(measure, Measure::Milestone)
                && !matches!(direction, Direction::Band { .. })
            {
                return Err(catalog_error(
                    "expected a target value: target = { period = \"…\", value = … }",
                    Some(span_of(t)),
                ));
            }
            Some(Target {
                period: parse_period(text, &t.get_ref().period)?,
                value,
            })
        }
        None => None,
    };
    if let (Some(b), Some(t)) = (&baseline, &target)
        && t.period <= b.period
    {
        return Err(catalog_error(
            format!(
                "target period {} must come after the baseline period {}",
                t.period, b.period
            ),
            f.target.as_ref().map(span_of),
        ));
    }
    Ok((baseline, target))
}

/// The formula of an indicator table, parsed (unit-checked later, with the whole catalog).
fn parse_formula(
    text: &str,
    f: &IndicatorFile,
    measure: &Measure,
) -> Result<Option<Formula>, Error> {
    Ok(match &f.formula {
        Some(src) => {
            if !measure.is_numeric() {
                return Err(catalog_error(
                    "a formula computes numbers: expected a quantity or percentage measure",
                    Some(span_of(src)),
                ));
            }
            if !f.observations.is_empty() {
                return Err(catalog_error(
                    "an indicator computed by a formula cannot also have observations",
                    Some(span_of(src)),
                ));
            }
            Some(Formula::parse(src.get_ref()).map_err(|e| inside(text, src, e))?)
        }
        None => None,
    })
}

/// Checks one indicator table; formulas are unit-checked afterwards, when every unit is known.
#[allow(clippy::too_many_lines)] // a straight sequence of checks, one per field
fn parse_indicator(text: &str, f: &IndicatorFile) -> Result<Indicator, Error> {
    let id = f.id.get_ref().trim();
    if id.is_empty() {
        return Err(catalog_error(
            "expected a non-empty id",
            Some(span_of(&f.id)),
        ));
    }
    let measure = parse_measure(f)?;
    let unit = match &f.unit {
        Some(u) => Some(
            u.get_ref()
                .parse::<Unit>()
                .map_err(|e| e.with_span(span_of(u)))?,
        ),
        None if matches!(measure, Measure::Percentage) => Some(Unit::PERCENT),
        None if measure.is_numeric() => {
            return Err(catalog_error(
                format!(
                    "indicator `{id}` needs a unit: expected one of {}",
                    Unit::known_names()
                ),
                Some(span_of(&f.id)),
            ));
        }
        None => None,
    };
    let direction = parse_direction(f, &measure)?;
    let default_method = match measure {
        Measure::Milestone => "milestone",
        Measure::Nominal { .. } => "category",
        Measure::Qualitative => "qualitative",
        _ => "linear-trend",
    };
    let default_name = Spanned::new(span_of(&f.id).range(), default_method.to_owned());
    let method = parse_method(
        f.method.as_ref().unwrap_or(&default_name),
        f.options.as_ref(),
        &measure,
        unit.as_ref(),
    )?;
    let fixed = match measure {
        Measure::Milestone => Some("milestone"),
        Measure::Nominal { .. } => Some("category"),
        Measure::Qualitative => Some("qualitative"),
        _ => None,
    };
    if let (Some(expected), Some(m)) = (fixed, &f.method)
        && m.get_ref() != expected
    {
        return Err(catalog_error(
            format!(
                "a {} indicator is assessed by method {expected}: remove `method` or set it to \"{expected}\"",
                measure.name()
            ),
            Some(span_of(m)),
        ));
    }
    if fixed.is_none()
        && matches!(
            method,
            Method::Milestone | Method::Category | Method::Qualitative
        )
    {
        return Err(catalog_error(
            format!(
                "method {} needs measure = \"{}\"",
                method.name(),
                method.name().replace("category", "nominal")
            ),
            f.method.as_ref().map(span_of),
        ));
    }
    let weight = match f.weight {
        Some(w) if w.is_finite() && w > 0.0 => w,
        Some(w) => {
            return Err(catalog_error(
                format!("weight: expected a positive number, found {w}"),
                Some(span_of(&f.id)),
            ));
        }
        None => 1.0,
    };
    let limit = f
        .limit
        .map(|l| finite(l, "limit", span_of(&f.id)))
        .transpose()?;
    let (baseline, target) = parse_baseline_target(text, f, &measure, direction)?;
    let formula = parse_formula(text, f, &measure)?;
    let mut ind = Indicator {
        id: id.to_owned(),
        name: f.name.clone(),
        description: f.description.clone(),
        objective: f.objective.as_ref().map(|o| o.get_ref().clone()),
        weight,
        unit,
        measure,
        direction,
        limit,
        baseline,
        target,
        method,
        formula,
        annualize: f.annualize.unwrap_or(false),
        source: f.source.clone(),
        note: f.note.clone(),
        series: Vec::new(),
    };
    for o in &f.observations {
        let obs = Observation {
            period: parse_period(text, &o.period)?,
            value: value_for(&ind.measure, &o.value)?,
            source: o.source.clone(),
            note: o.note.clone(),
        };
        ind.series_mut(&o.dimensions)
            .insert(obs)
            .map_err(|e| e.with_span(span_of(&o.period)))?;
    }
    Ok(ind)
}

/// Depth-first search for a cycle of formula references through `id`.
fn visit<'a>(
    id: &'a str,
    by_id: &HashMap<&'a str, &'a Indicator>,
    state: &mut HashMap<&'a str, u8>,
    path: &mut Vec<&'a str>,
) -> Option<String> {
    match state.get(id) {
        Some(2) => return None,
        Some(1) => {
            let start = path.iter().position(|p| *p == id).unwrap_or(0);
            let mut chain: Vec<&str> = path[start..].to_vec();
            chain.push(id);
            return Some(chain.join(" -> "));
        }
        _ => {}
    }
    state.insert(id, 1);
    path.push(id);
    if let Some(f) = by_id.get(id).and_then(|i| i.formula.as_ref()) {
        for (v, _) in f.variables() {
            if let Some((key, _)) = by_id.get_key_value(v)
                && let Some(c) = visit(key, by_id, state, path)
            {
                return Some(c);
            }
        }
    }
    path.pop();
    state.insert(id, 2);
    None
}

/// Unit-checks every formula and rejects cycles.
fn check_formulas(text: &str, file: &CatalogFile, indicators: &[Indicator]) -> Result<(), Error> {
    let by_id: HashMap<&str, &Indicator> = indicators.iter().map(|i| (i.id.as_str(), i)).collect();
    for (f, ind) in file.indicators.iter().zip(indicators) {
        let (Some(src), Some(formula)) = (&f.formula, &ind.formula) else {
            continue;
        };
        let unit = formula
            .unit(|v| {
                by_id
                    .get(v)
                    .filter(|i| i.measure.is_numeric())
                    .and_then(|i| i.unit.clone())
            })
            .map_err(|e| inside(text, src, e))?;
        if let Some(declared) = &ind.unit
            && !unit.same_as(declared)
        {
            let span = inner_start(text, src)
                .map_or_else(|| span_of(src), |s| Span::new(s, s + src.get_ref().len()));
            return Err(Error::at(
                ErrorKind::FormulaUnit {
                    declared: declared.to_string(),
                    computed: unit.to_string(),
                },
                span,
            ));
        }
    }
    // Cycles: depth-first search over formula references.
    let mut state: HashMap<&str, u8> = HashMap::new(); // 1 visiting, 2 done
    for (f, ind) in file.indicators.iter().zip(indicators) {
        let mut path = Vec::new();
        if let Some(chain) = visit(&ind.id, &by_id, &mut state, &mut path) {
            return Err(Error::at(
                ErrorKind::FormulaCycle { chain },
                f.formula.as_ref().map_or_else(|| span_of(&f.id), span_of),
            ));
        }
    }
    Ok(())
}

impl Catalog {
    /// Loads a catalog from TOML text. Errors carry the byte span of the offending value:
    /// show them with [`Error::render`] and the file name.
    ///
    /// # Errors
    ///
    /// TOML syntax and type errors, unknown keys, and catalog errors (unknown unit, method,
    /// direction or objective; duplicate ids; formula syntax, unit and cycle errors), each with
    /// the span of the offending value.
    ///
    /// ```
    /// use debrief_metrics::Catalog;
    /// let text = "[[indicator]]\nid = \"x\"\nname = \"X\"\nunit = \"count\"\ndirection = \"up\"\n";
    /// let err = Catalog::from_toml(text).unwrap_err();
    /// assert_eq!(err.to_string(), "unknown direction `up`: expected increase, decrease or band");
    /// assert_eq!(err.location(text).unwrap().line, 5);
    /// ```
    pub fn from_toml(text: &str) -> Result<Catalog, Error> {
        let file: CatalogFile = toml::from_str(text).map_err(|e| {
            let kind = ErrorKind::Toml {
                message: e.message().trim().to_owned(),
            };
            match e.span() {
                Some(s) => Error::at(kind, s.into()),
                None => Error::new(kind),
            }
        })?;
        Catalog::from_file(text, &file)
    }

    /// Checks a parsed file (`text` is the source it came from, for error spans).
    fn from_file(text: &str, file: &CatalogFile) -> Result<Catalog, Error> {
        let mut objectives = Vec::new();
        let mut seen: HashMap<String, Span> = HashMap::new();
        for o in &file.objectives {
            let id = o.id.get_ref().trim().to_owned();
            if id.is_empty() {
                return Err(catalog_error(
                    "expected a non-empty objective id",
                    Some(span_of(&o.id)),
                ));
            }
            if seen.insert(id.clone(), span_of(&o.id)).is_some() {
                return Err(catalog_error(
                    format!("duplicate objective id `{id}`: expected each id once"),
                    Some(span_of(&o.id)),
                ));
            }
            objectives.push(Objective {
                id,
                name: o.name.clone(),
                description: o.description.clone(),
                rollup: o.rollup.unwrap_or_default(),
            });
        }
        let mut indicators = Vec::new();
        let mut ids: HashMap<String, Span> = HashMap::new();
        for f in &file.indicators {
            let ind = parse_indicator(text, f)?;
            if ids.insert(ind.id.clone(), span_of(&f.id)).is_some() {
                return Err(catalog_error(
                    format!("duplicate indicator id `{}`: expected each id once", ind.id),
                    Some(span_of(&f.id)),
                ));
            }
            if let (Some(obj), Some(ospan)) = (&ind.objective, &f.objective)
                && !seen.contains_key(obj)
            {
                let known: Vec<&str> = objectives.iter().map(|o| o.id.as_str()).collect();
                return Err(catalog_error(
                    format!(
                        "unknown objective `{obj}`: expected one of the [[objective]] ids{}",
                        if known.is_empty() {
                            " (none are defined)".to_owned()
                        } else {
                            format!(" ({})", known.join(", "))
                        }
                    ),
                    Some(span_of(ospan)),
                ));
            }
            indicators.push(ind);
        }
        check_formulas(text, file, &indicators)?;
        Ok(Catalog {
            title: file.title.clone(),
            objectives,
            indicators,
        })
    }

    /// The indicator with `id`.
    ///
    /// ```
    /// use debrief_metrics::Catalog;
    /// let c = Catalog::from_toml("[[indicator]]\nid = \"x\"\nname = \"X\"\nunit = \"count\"\ndirection = \"increase\"\n")?;
    /// assert!(c.indicator("x").is_some());
    /// assert!(c.indicator("y").is_none());
    /// # Ok::<(), debrief_metrics::Error>(())
    /// ```
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// The indicator with `id`, mutably.
    ///
    /// ```
    /// use debrief_metrics::Catalog;
    /// let mut c = Catalog::from_toml("[[indicator]]\nid = \"x\"\nname = \"X\"\nunit = \"count\"\ndirection = \"increase\"\n")?;
    /// c.indicator_mut("x").unwrap().weight = 2.0;
    /// assert_eq!(c.indicator("x").unwrap().weight, 2.0);
    /// # Ok::<(), debrief_metrics::Error>(())
    /// ```
    pub fn indicator_mut(&mut self, id: &str) -> Option<&mut Indicator> {
        self.indicators.iter_mut().find(|i| i.id == id)
    }

    /// The catalog as a file structure (for writing it back as TOML or JSON).
    ///
    /// ```
    /// use debrief_metrics::Catalog;
    /// let text = "[[indicator]]\nid = \"x\"\nname = \"X\"\nunit = \"count\"\ndirection = \"increase\"\nmethod = \"iati\"\n";
    /// let c = Catalog::from_toml(text)?;
    /// assert_eq!(c.to_file().indicators[0].method.as_ref().unwrap().get_ref(), "iati");
    /// # Ok::<(), debrief_metrics::Error>(())
    /// ```
    pub fn to_file(&self) -> CatalogFile {
        let sp = |s: String| Spanned::new(0..0, s);
        let val = |v: &ObsValue| {
            Spanned::new(
                0..0,
                match v {
                    ObsValue::Number(n) => ValueFile::Number(n.get()),
                    ObsValue::Label(l) => ValueFile::Label(l.clone()),
                },
            )
        };
        CatalogFile {
            title: self.title.clone(),
            objectives: self
                .objectives
                .iter()
                .map(|o| ObjectiveFile {
                    id: sp(o.id.clone()),
                    name: o.name.clone(),
                    description: o.description.clone(),
                    rollup: (o.rollup != Rollup::default()).then_some(o.rollup),
                })
                .collect(),
            indicators: self
                .indicators
                .iter()
                .map(|i| IndicatorFile {
                    id: sp(i.id.clone()),
                    name: i.name.clone(),
                    description: i.description.clone(),
                    objective: i.objective.clone().map(sp),
                    weight: (i.weight.to_bits() != 1.0_f64.to_bits()).then_some(i.weight),
                    unit: i.unit.as_ref().map(|u| sp(u.to_string())),
                    measure: Some(sp(i.measure.name().to_owned())),
                    levels: match &i.measure {
                        Measure::Ordinal { levels } | Measure::Nominal { categories: levels }
                            if !levels.is_empty() =>
                        {
                            Some(levels.clone())
                        }
                        _ => None,
                    },
                    direction: Some(sp(match i.direction {
                        Direction::Increase => "increase".to_owned(),
                        Direction::Decrease => "decrease".to_owned(),
                        Direction::Band { .. } => "band".to_owned(),
                    })),
                    band: match i.direction {
                        Direction::Band { low, high } => Some(Spanned::new(0..0, vec![low, high])),
                        _ => None,
                    },
                    limit: i.limit,
                    method: Some(sp(i.method.name().to_owned())),
                    options: options_file(&i.method).map(|o| Spanned::new(0..0, o)),
                    baseline: i.baseline.as_ref().map(|b| {
                        Spanned::new(
                            0..0,
                            PointFile {
                                period: sp(b.period.to_string()),
                                value: val(&b.value),
                            },
                        )
                    }),
                    target: i.target.as_ref().map(|t| {
                        Spanned::new(
                            0..0,
                            TargetFile {
                                period: sp(t.period.to_string()),
                                value: t.value.as_ref().map(val),
                            },
                        )
                    }),
                    formula: i.formula.as_ref().map(|f| sp(f.text().to_owned())),
                    annualize: i.annualize.then_some(true),
                    source: i.source.clone(),
                    note: i.note.clone(),
                    observations: i
                        .series
                        .iter()
                        .flat_map(|s| {
                            s.points().iter().map(|o| ObservationFile {
                                period: sp(o.period.to_string()),
                                value: val(&o.value),
                                dimensions: s.dimensions.clone(),
                                source: o.source.clone(),
                                note: o.note.clone(),
                            })
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    /// The catalog written as TOML (observations included); loading it back gives an equal
    /// catalog, numbers bit for bit.
    ///
    /// # Errors
    ///
    /// Only if the TOML writer fails (it does not for catalogs built by this crate).
    ///
    /// ```
    /// use debrief_metrics::Catalog;
    /// let text = "[[indicator]]\nid = \"x\"\nname = \"X\"\nunit = \"count\"\ndirection = \"increase\"\nbaseline = { period = \"2015\", value = 0.1 }\n";
    /// let c = Catalog::from_toml(text)?;
    /// assert_eq!(Catalog::from_toml(&c.to_toml()?)?, c);
    /// # Ok::<(), debrief_metrics::Error>(())
    /// ```
    pub fn to_toml(&self) -> Result<String, Error> {
        toml::to_string(&self.to_file()).map_err(|e| {
            Error::new(ErrorKind::Toml {
                message: e.to_string(),
            })
        })
    }

    /// The series each indicator is assessed on, in catalog order: its observations, or for
    /// a formula indicator the formula evaluated period by period (per dimension combination
    /// that every input has; a period missing from an input, or a division by zero, gives no
    /// value — never zero); annualised where asked.
    ///
    /// ```
    /// use debrief_metrics::Catalog;
    /// let c = Catalog::from_toml(r#"
    /// [[indicator]]
    /// id = "a"
    /// name = "A"
    /// unit = "count"
    /// direction = "increase"
    /// observations = [{ period = "2013-Q1", value = 90.0 }, { period = "2013-Q2", value = 10.0 }]
    /// [[indicator]]
    /// id = "b"
    /// name = "B"
    /// unit = "count"
    /// direction = "increase"
    /// observations = [{ period = "2013-Q1", value = 10.0 }]
    /// [[indicator]]
    /// id = "share"
    /// name = "A's share"
    /// unit = "percent"
    /// direction = "increase"
    /// formula = "100 * a / (a + b)"
    /// "#)?;
    /// let series = c.effective_series();
    /// let share = &series[2][0];
    /// assert_eq!(share.len(), 1); // 2013-Q2 has no value for b
    /// assert_eq!(share.points()[0].value.as_number(), Some(90.0));
    /// # Ok::<(), debrief_metrics::Error>(())
    /// ```
    pub fn effective_series(&self) -> Vec<Cow<'_, [Series]>> {
        let index: HashMap<&str, usize> = self
            .indicators
            .iter()
            .enumerate()
            .map(|(i, ind)| (ind.id.as_str(), i))
            .collect();
        let mut done: Vec<Option<Cow<'_, [Series]>>> = vec![None; self.indicators.len()];
        for i in 0..self.indicators.len() {
            self.resolve(i, &index, &mut done, 0);
        }
        done.into_iter()
            .map(|s| s.unwrap_or(Cow::Borrowed(&[])))
            .collect()
    }

    fn resolve<'a>(
        &'a self,
        i: usize,
        index: &HashMap<&str, usize>,
        done: &mut Vec<Option<Cow<'a, [Series]>>>,
        depth: usize,
    ) {
        if done[i].is_some() || depth > self.indicators.len() {
            return;
        }
        let ind = &self.indicators[i];
        let series: Cow<'a, [Series]> = match &ind.formula {
            // The common case borrows: no copy of the observations.
            None => Cow::Borrowed(&ind.series),
            Some(f) => {
                let inputs: Vec<usize> = f
                    .variables()
                    .filter_map(|(v, _)| index.get(v).copied())
                    .collect();
                for &j in &inputs {
                    self.resolve(j, index, done, depth + 1);
                }
                Cow::Owned(evaluate(f, index, done))
            }
        };
        done[i] = Some(if ind.annualize {
            Cow::Owned(series.iter().map(annualized).collect())
        } else {
            series
        });
    }
}

/// Evaluates `f` for every (dimensions, period) that all its inputs have.
fn evaluate(
    f: &Formula,
    index: &HashMap<&str, usize>,
    done: &[Option<Cow<'_, [Series]>>],
) -> Vec<Series> {
    let names: Vec<&str> = {
        let mut v: Vec<&str> = f.variables().map(|(n, _)| n).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let inputs: Vec<&[Series]> = names
        .iter()
        .map(|n| {
            index
                .get(n)
                .and_then(|&j| done[j].as_deref())
                .unwrap_or(&[])
        })
        .collect();
    let Some(first) = inputs.first() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for s in *first {
        let matching: Vec<Option<&Series>> = inputs
            .iter()
            .map(|ss| ss.iter().find(|x| x.dimensions == s.dimensions))
            .collect();
        if matching.iter().any(Option::is_none) {
            continue;
        }
        let mut result = Series::new(s.dimensions.clone());
        for o in s.points() {
            let value = f.eval(|name| {
                let k = names.iter().position(|n| *n == name)?;
                matching[k]?.get(&o.period)?.value.as_number()
            });
            if let Some(v) = value.and_then(|v| Finite::new(v).ok()) {
                let _ = result.insert(Observation {
                    period: o.period,
                    value: ObsValue::Number(v),
                    source: Some(format!("computed: {}", f.text())),
                    note: None,
                });
            }
        }
        if !result.is_empty() {
            out.push(result);
        }
    }
    out
}

/// Multiplies each value by 365 / days in its period (DHIS2 `getAnnualizationFactor`).
fn annualized(s: &Series) -> Series {
    let points = s
        .points()
        .iter()
        .filter_map(|o| {
            let v = o.value.as_number()?;
            let factor = 365.0 / f64::from(o.period.days());
            Some(Observation {
                value: ObsValue::Number(Finite::new(v * factor).ok()?),
                ..o.clone()
            })
        })
        .collect();
    Series::from_observations(s.dimensions.clone(), points).unwrap_or_else(|_| s.clone())
}

fn options_file(m: &Method) -> Option<OptionsFile> {
    let o = match m {
        Method::UnsdLegacy(x) if *x != unsd::LegacyOptions::default() => OptionsFile {
            thresholds: Some(x.thresholds.to_vec()),
            zero_replacement: x.zero_replacement,
            ..OptionsFile::default()
        },
        Method::Unsd2023(x) if *x != unsd::Options2023::default() => OptionsFile {
            thresholds: Some(x.thresholds.to_vec()),
            no_target_thresholds: Some(x.no_target_thresholds.to_vec()),
            zero_replacement: x.zero_replacement,
            ..OptionsFile::default()
        },
        Method::Statcan(x) if *x != statcan::Options::default() => OptionsFile {
            thresholds: Some(x.target_thresholds.to_vec()),
            growth_thresholds: Some(x.growth_thresholds.to_vec()),
            zero_replacement: Some(x.zero_replacement),
            series: Some(if x.all_series { "all" } else { "headline" }.to_owned()),
            ..OptionsFile::default()
        },
        Method::Escap(x) if *x != escap::Options::default() => OptionsFile {
            cap_current_status: Some(x.cap_current_status),
            zero_replacement: x.zero_replacement,
            ..OptionsFile::default()
        },
        Method::Dhis2Bands(x) if *x != dhis2::Options::default() => OptionsFile {
            of: Some(x.of.name().to_owned()),
            bands: (!x.bands.is_empty()).then(|| {
                x.bands
                    .iter()
                    .map(|b| BandFile {
                        start: b.start,
                        end: b.end,
                        status: b.status.as_str().to_owned(),
                        label: b.label.clone(),
                        start_inclusive: Some(b.start_inclusive),
                        end_inclusive: Some(b.end_inclusive),
                    })
                    .collect()
            }),
            ..OptionsFile::default()
        },
        _ => return None,
    };
    Some(o)
}
