//! Candidate baselines and targets: the brief's own quantities ("40 percent of American
//! content", "100 percent operational control of 2,000 miles"), in the units a catalog names,
//! with the period their sentence gives and the recommendation they sit in.

use debrief_metrics::{Period, Unit};
use debrief_model::{Bound, Brief, Quantity, QuantityKind};
use debrief_parser::Span;
use serde::{Deserialize, Serialize};

/// A number of the brief offered as a baseline or target for an indicator.
///
/// ```
/// let text = "Today 40 percent of cargo is scanned. DHS should scan all of it by FY2028.";
/// let s = &debrief::analyze(text, None).suggestions[0];
/// assert_eq!(s.text, "40 percent");
/// assert_eq!((s.value, s.unit.as_deref()), (40.0, Some("percent")));
/// assert_eq!(s.measures.as_deref(), Some("cargo"));
/// assert_eq!(s.span.slice(text), Some("40 percent"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Suggestion {
    /// The quantity as written ("2,000 miles", "$1.6 billion").
    pub text: String,
    /// Its qualifier as written ("as much as", "more than").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// The value in [`unit`](Suggestion::unit) when there is one, else in the brief's unit; the
    /// lower end of a range.
    pub value: f64,
    /// The upper end of a range, in the same unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper: Option<f64>,
    /// The catalog unit the value is in (`percent`, `miles`, `usd_billion`, `count`), when one
    /// fits (`docs/METRICS.md`, units).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The unit as the brief's extraction names it ("mile", "USD", "barrel per day").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brief_unit: Option<String>,
    /// How the value bounds the amount ("as much as" → at most).
    pub bound: Bound,
    /// What it measures, when the sentence tells ("terrain", "American content").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measures: Option<String>,
    /// A year, fiscal year or date given in the same sentence: the period the number is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Where the quantity is in the input.
    pub span: Span,
    /// Where its sentence is in the input.
    pub sentence: Span,
    /// The recommendation it is part of, if any (a number in a recommendation is a candidate
    /// target).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recommendation: Option<String>,
}

/// The brief's amounts as candidate baselines and targets, in reading order.
///
/// Offered: quantities with a value written in digits (counts written as words — "two
/// governments" — and vague amounts — "billions of tax dollars" — are left out), that are not
/// dates.
///
/// ```
/// let text = "Airport-like security or 100 percent operational control of 2,000 miles of \
///             terrain is difficult to envision. The two governments should cooperate.";
/// let brief = debrief::model::extract(&debrief::parser::parse(text));
/// let found = debrief::suggest(&brief);
/// let shown: Vec<(&str, Option<&str>)> =
///     found.iter().map(|s| (s.text.as_str(), s.unit.as_deref())).collect();
/// assert_eq!(shown, [("100 percent", Some("percent")), ("2,000 miles", Some("miles"))]);
/// ```
pub fn suggest(brief: &Brief) -> Vec<Suggestion> {
    brief
        .quantities
        .iter()
        .filter(|q| !q.kind.is_temporal() && !q.vague && q.text.bytes().any(|b| b.is_ascii_digit()))
        .filter_map(|q| {
            let value = q.value?;
            let (unit, scale) = catalog_unit(q, value);
            Some(Suggestion {
                text: q.text.clone(),
                qualifier: q.qualifier.as_ref().map(|p| p.text.clone()),
                value: value / scale,
                upper: q.upper.map(|u| u / scale),
                unit,
                brief_unit: q.unit.clone(),
                bound: q.bound,
                measures: q.measures.clone(),
                period: period_of(brief, q.sentence),
                span: q.span,
                sentence: q.sentence,
                recommendation: brief
                    .recommendations
                    .iter()
                    .find(|r| r.span.start <= q.span.start && q.span.end <= r.span.end)
                    .map(|r| r.id.clone()),
            })
        })
        .collect()
}

/// The catalog unit for a quantity and the factor its value is divided by (money in billions
/// or millions when it is that large).
fn catalog_unit(q: &Quantity, value: f64) -> (Option<String>, f64) {
    match (q.kind, q.unit.as_deref()) {
        (QuantityKind::Count, None) => (Some(Unit::COUNT.to_string()), 1.0),
        (QuantityKind::Fraction, _) => (Some(Unit::SHARE.to_string()), 1.0),
        (QuantityKind::Money, Some(currency)) => {
            let currency = currency.to_ascii_lowercase();
            let (suffix, scale) = match value.abs() {
                v if v >= 1e9 => ("_billion", 1e9),
                v if v >= 1e6 => ("_million", 1e6),
                _ => ("", 1.0),
            };
            let name = format!("{currency}{suffix}");
            match name.parse::<Unit>() {
                Ok(_) => (Some(name), scale),
                Err(_) => (None, 1.0),
            }
        }
        (_, Some(unit)) => (
            unit.to_ascii_lowercase()
                .parse::<Unit>()
                .ok()
                .map(|u| u.to_string()),
            1.0,
        ),
        (_, None) => (None, 1.0),
    }
}

/// The first date in the sentence at `sentence` that reads as a catalog period.
fn period_of(brief: &Brief, sentence: Span) -> Option<Period> {
    brief
        .quantities
        .iter()
        .filter(|d| d.sentence == sentence && d.kind.is_temporal())
        .find_map(|d| d.date.as_deref()?.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_offered_in_billions_and_a_fiscal_year_is_its_period() {
        let text = "Congress should provide $1.6 billion for border technology in FY2027.";
        let found = crate::analyze(text, None).suggestions;
        assert_eq!(found.len(), 1, "{found:?}");
        let s = &found[0];
        assert_eq!(s.text, "$1.6 billion");
        assert_eq!(s.unit.as_deref(), Some("usd_billion"));
        assert!((s.value - 1.6).abs() < 1e-12);
        assert_eq!(s.period.map(|p| p.to_string()).as_deref(), Some("FY2027"));
        assert!(s.recommendation.is_some());
    }

    #[test]
    fn a_qualified_amount_keeps_its_bound() {
        let text = "Supply chains put as much as 40 percent of American content into exports.";
        let s = &crate::analyze(text, None).suggestions[0];
        assert_eq!(s.qualifier.as_deref(), Some("as much as"));
        assert_eq!(s.bound, Bound::AtMost);
        assert_eq!(s.recommendation, None);
    }
}
