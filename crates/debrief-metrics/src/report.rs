//! Assessing a whole catalog: every indicator by its method, every objective rolled up —
//! the [`Report`] that the CLI prints as a table, JSON or CSV — and the JSON Schemas of the
//! formats.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, CatalogFile};
use crate::method::{AssessOptions, Assessment, assess_indicator};
use crate::period::Date;
use crate::scorecard::{ObjectiveSummary, roll_up};

/// The assessment of a catalog: one entry per indicator, one per objective.
///
/// ```
/// use debrief_metrics::{assess, AssessOptions, Catalog, ObjectiveStatus};
/// let catalog = Catalog::from_toml(r#"
/// [[objective]]
/// id = "rec-1"
/// name = "Develop a comprehensive U.S.–Mexico anti-crime strategy"
///
/// [[indicator]]
/// id = "master-plan"
/// name = "Master plan for U.S.–Mexican law-enforcement cooperation adopted"
/// objective = "rec-1"
/// measure = "milestone"
/// target = { period = "2014" }
/// observations = [{ period = "2013-06-30", value = "in_progress" }]
/// "#)?;
/// let report = assess(&catalog, &AssessOptions::default());
/// assert_eq!(report.indicators[0].status.as_str(), "in_progress");
/// assert_eq!(report.objectives[0].status, ObjectiveStatus::NeedsAcceleration);
/// # Ok::<(), debrief_metrics::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[schemars(title = "debrief assessment report")]
pub struct Report {
    /// The catalog's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The assessment date used for deadlines (absent: each indicator's latest observation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    /// One assessment per indicator, in catalog order.
    pub indicators: Vec<Assessment>,
    /// One summary per objective, in catalog order.
    pub objectives: Vec<ObjectiveSummary>,
    /// Indicators that belong to no objective.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unassigned: Vec<String>,
}

/// Assesses every indicator of `catalog` (formulas evaluated, values annualised where asked)
/// and rolls up every objective.
///
/// ```
/// use debrief_metrics::{assess, AssessOptions, Catalog};
/// let report = assess(&Catalog::default(), &AssessOptions::default());
/// assert!(report.indicators.is_empty());
/// ```
pub fn assess(catalog: &Catalog, options: &AssessOptions) -> Report {
    let series = catalog.effective_series();
    let indicators: Vec<Assessment> = catalog
        .indicators
        .iter()
        .zip(&series)
        .map(|(ind, s)| assess_indicator(ind, s, options))
        .collect();
    // Group once, so that many objectives cost no more than a few.
    let mut by_objective: HashMap<&str, Vec<(&Assessment, f64)>> = HashMap::new();
    for (a, ind) in indicators.iter().zip(&catalog.indicators) {
        if let Some(o) = &ind.objective {
            by_objective.entry(o).or_default().push((a, ind.weight));
        }
    }
    let objectives = catalog
        .objectives
        .iter()
        .map(|o| {
            roll_up(
                o,
                by_objective.get(o.id.as_str()).map_or(&[], Vec::as_slice),
            )
        })
        .collect();
    drop(by_objective);
    Report {
        title: catalog.title.clone(),
        as_of: options.as_of,
        unassigned: catalog
            .indicators
            .iter()
            .filter(|i| i.objective.is_none())
            .map(|i| i.id.clone())
            .collect(),
        indicators,
        objectives,
    }
}

/// The JSON Schema of the TOML catalog file (TOML maps onto JSON one to one).
///
/// ```
/// let schema = debrief_metrics::catalog_schema();
/// assert_eq!(schema.get("title").and_then(|t| t.as_str()), Some("debrief indicator catalog"));
/// ```
pub fn catalog_schema() -> schemars::Schema {
    prose_only(schemars::schema_for!(CatalogFile))
}

/// The JSON Schema of one row of the observations CSV, as an object keyed by column name.
///
/// ```
/// let schema = debrief_metrics::observation_row_schema();
/// assert!(schema.get("required").is_some());
/// ```
pub fn observation_row_schema() -> schemars::Schema {
    prose_only(schemars::schema_for!(ObservationRow))
}

/// The JSON Schema of the JSON report (`debrief assess --format json`).
///
/// ```
/// let schema = debrief_metrics::report_schema();
/// assert_eq!(schema.get("title").and_then(|t| t.as_str()), Some("debrief assessment report"));
/// ```
pub fn report_schema() -> schemars::Schema {
    prose_only(schemars::schema_for!(Report))
}

/// Drops the Rust examples that the types' doc comments end with from every `description`:
/// a schema describes data, for readers of any language.
fn prose_only(mut schema: schemars::Schema) -> schemars::Schema {
    fn walk(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                for (key, value) in map.iter_mut() {
                    match value {
                        serde_json::Value::String(text) if key == "description" => {
                            if let Some(i) = text.find("\n\n```") {
                                text.truncate(i);
                            }
                        }
                        other => walk(other),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(walk),
            _ => {}
        }
    }
    if let Some(map) = schema.as_object_mut() {
        map.values_mut().for_each(walk);
        if let Some(serde_json::Value::String(text)) = map.get_mut("description")
            && let Some(i) = text.find("\n\n```")
        {
            text.truncate(i);
        }
    }
    schema
}

/// One row of the tidy observations CSV (documentation and schema only; the loader is
/// [`Catalog::load_observations_csv`]). Columns other than these are dimensions.
///
/// ```
/// use debrief_metrics::report::ObservationRow;
/// let row: ObservationRow = serde_json::from_str(r#"{"indicator": "x", "period": "FY2012", "value": "10", "sector": "Tucson"}"#).unwrap();
/// assert_eq!(row.dimensions["sector"], "Tucson");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[schemars(title = "debrief observation row (CSV)")]
pub struct ObservationRow {
    /// The id of an indicator in the catalog.
    pub indicator: String,
    /// The period observed.
    pub period: crate::period::Period,
    /// A number (quantity, percentage), a label (milestone state, ordinal level, category,
    /// text), or empty for missing data (the row is skipped).
    pub value: String,
    /// Where the number comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A note on the number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Any other column: a disaggregation dimension (empty: not broken down by it).
    #[serde(flatten)]
    pub dimensions: std::collections::BTreeMap<String, String>,
}
