//! The scorecard: a catalog's objectives resolved to the brief's recommendations, its
//! indicators assessed, and one row per recommendation linking the roll-up to the
//! recommendation's id and the span of its sentence.
//!
//! This module only joins: the methods and roll-ups are `debrief-metrics`', the recommendations
//! `debrief-model`'s. What it decides is which recommendation a catalog objective stands for.

use std::collections::HashMap;

use debrief_metrics::{AssessOptions, Catalog, Date, Objective, ObjectiveSummary, assess};
use debrief_model::{Brief, Recommendation, RecommendationKind};
use debrief_parser::{Document, Span};
use serde::{Deserialize, Serialize};

use crate::report::IndicatorReport;

/// The recommendations of a brief measured by a catalog's indicators.
///
/// **How a catalog names a recommendation.** Each `[[objective]]` of the catalog is resolved to
/// one recommendation of the brief:
///
/// 1. by id: the objective's `id` is the recommendation's id (`rec-85a3dbd0`, as `debrief
///    recommendations` lists them; a hash of the recommendation's text, stable across runs and
///    edits elsewhere in the brief);
/// 2. else by title: the objective's `name`, compared without case, punctuation or spacing, is
///    the recommendation's title (an explicit item's lead sentence) or its whole text;
/// 3. else by the start of the title: the `name` (four words or more) is how the title or text
///    of exactly one recommendation begins.
///
/// An objective that resolves to no recommendation (or to several by its name) is listed in
/// [`unmatched`](Scorecard::unmatched) with the reason; its indicators are still assessed.
/// Several objectives may name the same recommendation: their indicators are rolled up
/// together (with the first objective's roll-up rule).
///
/// ```
/// use debrief::metrics::Catalog;
/// let text = "Recommendations\n\n■ Hire more inspectors at the ports of entry.\n";
/// let catalog = Catalog::from_toml(r#"
/// [[objective]]
/// id = "rec-1"
/// name = "hire more inspectors at the ports of entry"
/// "#)?;
/// let card = debrief::analyze(text, Some(&catalog)).scorecard.unwrap();
/// assert_eq!(card.rows[0].objectives[0].by, debrief::MatchBy::Title);
/// assert!(card.unmatched.is_empty());
/// # Ok::<(), debrief::metrics::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Scorecard {
    /// The catalog's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The date deadlines were judged at (absent: each indicator's latest observation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    /// One row per recommendation of the brief, in reading order.
    pub rows: Vec<ScorecardRow>,
    /// Every indicator of the catalog, assessed, in catalog order.
    pub indicators: Vec<IndicatorReport>,
    /// Catalog objectives that name no recommendation of the brief.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unmatched: Vec<UnmatchedObjective>,
    /// Indicators that belong to no objective.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unassigned: Vec<String>,
}

/// One recommendation of the brief and the roll-up of the indicators that measure it.
///
/// ```
/// let text = "What the U.S. Should Do\n\nCongress should fund more bor-\nder inspectors.\n";
/// let catalog = debrief::metrics::Catalog::default();
/// let report = debrief::analyze(text, Some(&catalog));
/// let row = &report.scorecard.as_ref().unwrap().rows[0];
/// assert_eq!(row.actors, ["Congress"]);
/// assert_eq!(row.sentence.slice(text), Some("Congress should fund more bor-\nder inspectors."));
/// assert_eq!(row.quote, "Congress should fund more border inspectors.");
/// assert!(row.summary.indicators.is_empty()); // not measured by this catalog
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ScorecardRow {
    /// The recommendation's id in [`Brief::recommendations`].
    pub recommendation: String,
    /// Explicit (a list item) or inline (a sentence).
    pub kind: RecommendationKind,
    /// The recommendation's title, or its text when it has none.
    pub title: String,
    /// Who must act (actor names).
    pub actors: Vec<String>,
    /// The input bytes of the recommendation.
    pub span: Span,
    /// The input bytes of the sentence that carries it.
    pub sentence: Span,
    /// That sentence's normalised text (hyphenation undone, lines joined), with its final
    /// period.
    pub quote: String,
    /// The catalog objectives that name this recommendation, and how.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<ObjectiveMatch>,
    /// The roll-up of its indicators (its `id` is the recommendation's id; no indicators: the
    /// catalog does not measure it).
    pub summary: ObjectiveSummary,
}

/// A catalog objective resolved to a recommendation.
///
/// ```
/// let m = debrief::ObjectiveMatch { id: "rec-1".into(), name: "Hire".into(), by: debrief::MatchBy::Title };
/// assert_eq!(serde_json::to_value(&m).unwrap()["by"], "title");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ObjectiveMatch {
    /// The objective's id in the catalog.
    pub id: String,
    /// The objective's name in the catalog.
    pub name: String,
    /// How it was resolved.
    pub by: MatchBy,
}

/// How a catalog objective was resolved to a recommendation.
///
/// ```
/// assert_eq!(serde_json::to_string(&debrief::MatchBy::TitlePrefix).unwrap(), "\"title_prefix\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MatchBy {
    /// The objective's id is the recommendation's id.
    Id,
    /// The objective's name is the recommendation's title or text.
    Title,
    /// The objective's name is how the recommendation's title or text begins.
    TitlePrefix,
}

/// A catalog objective that names no recommendation of the brief.
///
/// ```
/// let card = debrief::analyze("Congress should act.", Some(&debrief::metrics::Catalog::from_toml(
///     "[[objective]]\nid = \"rec-1\"\nname = \"Build a wall\"\n")?)).scorecard.unwrap();
/// assert_eq!(card.unmatched[0].summary.id, "rec-1");
/// assert_eq!(card.unmatched[0].reason, "no recommendation has the id `rec-1` or the title `Build a wall`");
/// # Ok::<(), debrief::metrics::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UnmatchedObjective {
    /// The objective's roll-up under its catalog id.
    pub summary: ObjectiveSummary,
    /// Why it matched nothing.
    pub reason: String,
}

/// Letters and digits, lower case, one space between runs: "U.S.–Mexico" → "u s mexico".
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// What a recommendation is called: its title (if any) and its text, normalised.
fn names(rec: &Recommendation) -> impl Iterator<Item = String> + '_ {
    rec.title
        .iter()
        .map(|t| normalise(&t.text))
        .chain(std::iter::once(normalise(&rec.text)))
}

/// The recommendation `objective` names (its index and how), or why there is none.
fn resolve(objective: &Objective, recs: &[Recommendation]) -> Result<(usize, MatchBy), String> {
    if let Some(i) = recs.iter().position(|r| r.id == objective.id) {
        return Ok((i, MatchBy::Id));
    }
    let name = normalise(&objective.name);
    let hits = |pred: &dyn Fn(&str) -> bool| -> Vec<usize> {
        recs.iter()
            .enumerate()
            .filter(|(_, r)| names(r).any(|n| pred(&n)))
            .map(|(i, _)| i)
            .collect()
    };
    let ambiguous = |hits: &[usize]| {
        let ids: Vec<&str> = hits.iter().map(|&i| recs[i].id.as_str()).collect();
        format!(
            "its name `{}` matches several recommendations ({}): name one by its id",
            objective.name,
            ids.join(", ")
        )
    };
    if !name.is_empty() {
        let exact = hits(&|n| n == name);
        match exact.as_slice() {
            [i] => return Ok((*i, MatchBy::Title)),
            [] => {}
            several => return Err(ambiguous(several)),
        }
        if name.split(' ').count() >= 4 {
            let prefix = format!("{name} ");
            let starts = hits(&|n| n.starts_with(&prefix));
            match starts.as_slice() {
                [i] => return Ok((*i, MatchBy::TitlePrefix)),
                [] => {}
                several => return Err(ambiguous(several)),
            }
        }
    }
    Err(format!(
        "no recommendation has the id `{}` or the title `{}`",
        objective.id, objective.name
    ))
}

/// The normalised text of the sentence around `span` (an explicit item's title leaves out its
/// sentence's final period), or `fallback`.
fn quote(document: &Document<'_>, brief: &Brief, span: Span, fallback: &str) -> String {
    brief
        .sentences
        .iter()
        .find(|s| s.span.start <= span.start && span.end <= s.span.end)
        .and_then(|s| document.blocks.get(s.block)?.text.get(s.range.clone()))
        .unwrap_or(fallback)
        .to_owned()
}

/// Resolves `catalog`'s objectives to `brief`'s recommendations, assesses the catalog with each
/// indicator re-keyed to the recommendation it measures, and builds the rows.
pub(crate) fn scorecard(
    document: &Document<'_>,
    brief: &Brief,
    catalog: &Catalog,
    options: &AssessOptions,
) -> Scorecard {
    let recs = &brief.recommendations;
    let mut matched: Vec<Vec<(&Objective, MatchBy)>> = vec![Vec::new(); recs.len()];
    let mut rekey: HashMap<&str, &str> = HashMap::new();
    let mut unmatched: Vec<(&Objective, String)> = Vec::new();
    for objective in &catalog.objectives {
        match resolve(objective, recs) {
            Ok((i, by)) => {
                matched[i].push((objective, by));
                rekey.insert(&objective.id, &recs[i].id);
            }
            Err(reason) => unmatched.push((objective, reason)),
        }
    }
    // The catalog as assessed: one objective per recommendation, in reading order, then the
    // objectives that name none; indicators point at the recommendation they measure.
    let mut keyed = catalog.clone();
    keyed.objectives = recs
        .iter()
        .zip(&matched)
        .map(|(rec, by)| Objective {
            id: rec.id.clone(),
            name: row_title(rec).to_owned(),
            description: None,
            rollup: by.first().map(|(o, _)| o.rollup).unwrap_or_default(),
        })
        .chain(unmatched.iter().map(|(o, _)| (*o).clone()))
        .collect();
    for ind in &mut keyed.indicators {
        if let Some(rec) = ind.objective.as_deref().and_then(|o| rekey.get(o)) {
            ind.objective = Some((*rec).to_owned());
        }
    }
    let report = assess(&keyed, options);
    let series = keyed.effective_series();
    let indicators = report
        .indicators
        .into_iter()
        .zip(&keyed.indicators)
        .zip(&series)
        .map(|((assessment, ind), series)| IndicatorReport {
            assessment,
            description: ind.description.clone(),
            source: ind.source.clone(),
            observations: series
                .iter()
                .find(|s| s.is_headline())
                .map(|s| s.points().to_vec())
                .unwrap_or_default(),
        })
        .collect();
    let mut summaries = report.objectives.into_iter();
    let rows = recs
        .iter()
        .zip(matched)
        .zip(summaries.by_ref())
        .map(|((rec, by), summary)| ScorecardRow {
            recommendation: rec.id.clone(),
            kind: rec.kind,
            title: row_title(rec).to_owned(),
            actors: rec.actors.iter().map(|a| a.name.clone()).collect(),
            span: rec.span,
            sentence: rec.sentence,
            quote: quote(document, brief, rec.sentence, &rec.text),
            objectives: by
                .into_iter()
                .map(|(o, by)| ObjectiveMatch {
                    id: o.id.clone(),
                    name: o.name.clone(),
                    by,
                })
                .collect(),
            summary,
        })
        .collect();
    let unmatched = summaries
        .zip(unmatched)
        .map(|(summary, (_, reason))| UnmatchedObjective { summary, reason })
        .collect();
    Scorecard {
        title: report.title,
        as_of: report.as_of,
        rows,
        indicators,
        unmatched,
        unassigned: report.unassigned,
    }
}

/// A recommendation's title, or its text.
fn row_title(rec: &Recommendation) -> &str {
    rec.title.as_ref().map_or(rec.text.as_str(), |t| &t.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_ignores_case_punctuation_and_dashes() {
        assert_eq!(
            normalise("Foster U.S.–Mexico  bilateral accords."),
            "foster u s mexico bilateral accords"
        );
        assert_eq!(normalise("—"), "");
    }

    fn catalog(objectives: &str) -> Catalog {
        Catalog::from_toml(objectives).unwrap()
    }

    const BRIEF: &str = "Recommendations\n\n\
        ■ Hire more inspectors at the ports of entry. Congress should fund them.\n\n\
        ■ Hire more inspectors at the border crossings. The agency should train them.\n";

    #[test]
    fn an_ambiguous_prefix_is_reported_with_both_ids() {
        let c = catalog("[[objective]]\nid = \"x\"\nname = \"Hire more inspectors at\"\n");
        let card = crate::analyze(BRIEF, Some(&c)).scorecard.unwrap();
        assert_eq!(card.rows.len(), 2);
        assert!(card.rows.iter().all(|r| r.objectives.is_empty()));
        let reason = &card.unmatched[0].reason;
        assert!(reason.contains("several recommendations"), "{reason}");
        assert!(reason.contains(&card.rows[0].recommendation), "{reason}");
        assert!(reason.contains(&card.rows[1].recommendation), "{reason}");
    }

    #[test]
    fn a_unique_prefix_of_four_words_or_more_matches() {
        let c = catalog(
            "[[objective]]\nid = \"x\"\nname = \"Hire more inspectors at the border\"\n\
             [[objective]]\nid = \"y\"\nname = \"Hire more\"\n",
        );
        let card = crate::analyze(BRIEF, Some(&c)).scorecard.unwrap();
        assert_eq!(card.rows[1].objectives[0].id, "x");
        assert_eq!(card.rows[1].objectives[0].by, MatchBy::TitlePrefix);
        // Two words are too few to name a recommendation by how it begins.
        assert_eq!(card.unmatched.len(), 1);
        assert_eq!(card.unmatched[0].summary.id, "y");
    }

    #[test]
    fn the_id_wins_and_two_objectives_pool_their_indicators() {
        let report = crate::analyze(BRIEF, None);
        let first = &report.brief.recommendations[0].id;
        let c = catalog(&format!(
            "[[objective]]\nid = \"{first}\"\nname = \"Anything\"\n\
             [[objective]]\nid = \"other\"\nname = \"Hire more inspectors at the ports of entry\"\n\
             [[indicator]]\nid = \"a\"\nname = \"A\"\nunit = \"count\"\ndirection = \"increase\"\n\
             objective = \"{first}\"\n\
             [[indicator]]\nid = \"b\"\nname = \"B\"\nunit = \"count\"\ndirection = \"increase\"\n\
             objective = \"other\"\n"
        ));
        let card = crate::analyze(BRIEF, Some(&c)).scorecard.unwrap();
        let row = &card.rows[0];
        assert_eq!(
            row.objectives
                .iter()
                .map(|m| (m.id.as_str(), m.by))
                .collect::<Vec<_>>(),
            [(first.as_str(), MatchBy::Id), ("other", MatchBy::Title)]
        );
        let members: Vec<&str> = row
            .summary
            .indicators
            .iter()
            .map(|m| m.id.as_str())
            .collect();
        assert_eq!(members, ["a", "b"]);
        assert_eq!(row.summary.id, *first);
        // Assessments name the recommendation, not the catalog's objective id.
        assert!(
            card.indicators
                .iter()
                .all(|i| i.assessment.objective.as_deref() == Some(first.as_str()))
        );
        assert!(card.rows[1].summary.indicators.is_empty());
    }
}
