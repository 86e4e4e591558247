//! The end-to-end call: a brief's text (and optionally a catalog) in, a [`Report`] out.

use debrief_metrics::{AssessOptions, Catalog, Observation};
use debrief_model::{Brief, ExtractOptions};
use debrief_parser::{Document, ParseOptions};
use serde::{Deserialize, Serialize};

use crate::scorecard::{Scorecard, scorecard};
use crate::suggest::{Suggestion, suggest};

/// Everything debrief makes of one brief: the parsed document, the extracted brief, the
/// scorecard of its recommendations (when a catalog was given) and candidate baselines and
/// targets from its own numbers.
///
/// Spans everywhere are byte ranges into the text given to [`analyze`]; line and column are
/// computed only when something is shown to people
/// ([`LineIndex`](debrief_parser::LineIndex)).
///
/// ```
/// let text = "Recommendations\n\nCongress should double the number of inspectors.\n";
/// let report = debrief::analyze(text, None);
/// assert_eq!(report.brief.recommendations.len(), 1);
/// let json = serde_json::to_string(&report).unwrap();
/// let back: debrief::Report<'_> = serde_json::from_str(&json).unwrap();
/// assert_eq!(back.brief, report.brief);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Report<'a> {
    /// The parsed document (blocks, artifacts, diagnostics).
    #[serde(borrow)]
    pub document: Document<'a>,
    /// What was extracted: sections, sentences, recommendations, actors, programs, quantities,
    /// topics.
    pub brief: Brief,
    /// The recommendations measured by the catalog's indicators; `None` without a catalog.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scorecard: Option<Scorecard>,
    /// The brief's own quantities, offered as candidate baselines and targets.
    pub suggestions: Vec<Suggestion>,
}

/// One indicator of the catalog as assessed, with the observations its chart draws.
///
/// ```
/// use debrief::metrics::Catalog;
/// let catalog = Catalog::from_toml(r#"
/// [[indicator]]
/// id = "agents"
/// name = "Border Patrol agents"
/// unit = "count"
/// direction = "increase"
/// observations = [{ period = "2020", value = 100.0 }, { period = "2022", value = 120.0 }]
/// "#)?;
/// let report = debrief::analyze("Congress should act.", Some(&catalog));
/// let agents = &report.scorecard.unwrap().indicators[0];
/// assert_eq!(agents.assessment.id, "agents");
/// assert_eq!(agents.observations.len(), 2);
/// # Ok::<(), debrief::metrics::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct IndicatorReport {
    /// The assessment; its `objective` is the id of the recommendation the indicator measures
    /// (or of a catalog objective that names no recommendation of the brief).
    pub assessment: debrief_metrics::Assessment,
    /// What the indicator measures and how, from the catalog.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Where its numbers come from, from the catalog.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The headline series as assessed (formulas computed, values annualised where asked), in
    /// period order.
    pub observations: Vec<Observation>,
}

/// How [`analyze_with`] parses, extracts and assesses.
///
/// ```
/// use debrief::metrics::{AssessOptions, Date};
/// let options = debrief::Options {
///     assess: AssessOptions { as_of: Some(Date::new(2026, 11, 1)?) },
///     ..debrief::Options::default()
/// };
/// let report = debrief::analyze_with("Congress should act.", None, &options);
/// assert_eq!(report.brief.recommendations.len(), 1);
/// # Ok::<(), debrief::metrics::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Options<'g> {
    /// Parser options (input style, repairs, lexicon).
    pub parse: ParseOptions,
    /// Extraction options (gazetteer, topic lexicon).
    pub extract: ExtractOptions<'g>,
    /// Assessment options (the date deadlines are judged at).
    pub assess: AssessOptions,
}

/// Analyses a brief: parses `text`, extracts its recommendations, actors, programs and
/// quantities, and — given a `catalog` of indicators with observations — assesses them and
/// rolls them up into a scorecard whose rows are the brief's recommendations.
///
/// How a catalog's `[[objective]]` names the recommendation it stands for (its id, or its
/// title) is described on [`Scorecard`]; an objective that names no recommendation of the
/// brief is listed in [`Scorecard::unmatched`], never dropped.
///
/// ```
/// use debrief::metrics::{Catalog, ObjectiveStatus};
/// let text = "Recommendations\n\n■ Hire more inspectors. The Congress should fund them.\n";
/// let catalog = Catalog::from_toml(r#"
/// [[objective]]
/// id = "inspectors"
/// name = "Hire more inspectors"
///
/// [[objective]]
/// id = "rec-0000"
/// name = "Something this brief does not recommend"
///
/// [[indicator]]
/// id = "inspectors-on-duty"
/// name = "Inspectors on duty"
/// objective = "inspectors"
/// unit = "count"
/// direction = "increase"
/// method = "iati"
/// baseline = { period = "2020", value = 100.0 }
/// target = { period = "2030", value = 200.0 }
/// observations = [{ period = "2025", value = 160.0 }]
/// "#)?;
/// let report = debrief::analyze(text, Some(&catalog));
/// let card = report.scorecard.unwrap();
/// let row = &card.rows[0];
/// assert_eq!(row.recommendation, report.brief.recommendations[0].id);
/// assert_eq!(row.objectives[0].id, "inspectors"); // matched by its title
/// assert_eq!(row.summary.status, ObjectiveStatus::OnTrack);
/// assert_eq!(card.unmatched[0].summary.id, "rec-0000");
/// # Ok::<(), debrief::metrics::Error>(())
/// ```
pub fn analyze<'a>(text: &'a str, catalog: Option<&Catalog>) -> Report<'a> {
    analyze_with(text, catalog, &Options::default())
}

/// [`analyze`] with options for each stage.
///
/// ```
/// use debrief::parser::{InputStyle, ParseOptions, StyleOption};
/// let mut options = debrief::Options::default();
/// options.parse = ParseOptions::default().style(InputStyle::Raw);
/// let report = debrief::analyze_with("One.\nTwo.\n", None, &options);
/// assert_eq!(report.document.style, InputStyle::Raw);
/// ```
pub fn analyze_with<'a>(
    text: &'a str,
    catalog: Option<&Catalog>,
    options: &Options<'_>,
) -> Report<'a> {
    let document = debrief_parser::parse_with(text, &options.parse);
    let brief = debrief_model::extract_with(&document, &options.extract);
    let scorecard = catalog.map(|c| scorecard(&document, &brief, c, &options.assess));
    let suggestions = suggest(&brief);
    Report {
        document,
        brief,
        scorecard,
        suggestions,
    }
}
