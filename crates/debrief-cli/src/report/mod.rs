//! The report of one brief for people, in three renderings of one view: the terminal summary of
//! `debrief analyze` ([`text`]), Markdown ([`markdown`]) and a self-contained HTML page with a
//! chart per indicator ([`html`], [`chart`]). [`View`] is what they share: the facade's
//! [`Report`](debrief::Report) with line numbers, labels and order decided once.

pub(crate) mod chart;
pub(crate) mod html;
pub(crate) mod markdown;
pub(crate) mod text;

use debrief::metrics::{Assessment, ObjectiveStatus, Rating};
use debrief::model::{Recommendation, RecommendationKind};
use debrief::parser::{BlockKind, Span};
use serde::Serialize;

use crate::cmd::assess::{coverage, point, projected};
use crate::output::{Locator, NONE, grouped, number, short, snake};

/// A status as shown: its words and the CSS class of its colour.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Badge {
    /// `on track`, `insufficient data`, `not measured`.
    pub(crate) label: String,
    /// `achieved`, `on-track`, `needs-acceleration`, `off-track`, `regressing`, `none`,
    /// `unmeasured`.
    pub(crate) class: &'static str,
    /// The rating, for colouring text in a terminal.
    #[serde(skip)]
    pub(crate) rating: Option<Rating>,
}

impl Badge {
    fn new(key: &str, rating: Option<Rating>) -> Badge {
        Badge {
            label: key.replace('_', " "),
            class: match rating {
                Some(Rating::Achieved) => "achieved",
                Some(Rating::OnTrack) => "on-track",
                Some(Rating::NeedsAcceleration) => "needs-acceleration",
                Some(Rating::OffTrack) => "off-track",
                Some(Rating::Regressing) => "regressing",
                None => "none",
            },
            rating,
        }
    }

    fn objective(status: ObjectiveStatus) -> Badge {
        Badge::new(status.as_str(), status.rating())
    }

    fn unmeasured() -> Badge {
        Badge {
            label: "not measured".to_owned(),
            class: "unmeasured",
            rating: None,
        }
    }
}

/// Everything the renderings show.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct View {
    /// The document's title (its first top-level heading), else the catalog's title, else the
    /// file name.
    pub(crate) title: String,
    /// The file the brief was read from.
    pub(crate) source: String,
    pub(crate) bytes: String,
    pub(crate) blocks: usize,
    pub(crate) style: String,
    pub(crate) warnings: usize,
    pub(crate) sections: Vec<SectionView>,
    /// Explicit recommendations first, then inline ones, each in reading order.
    pub(crate) recommendations: Vec<RecView>,
    pub(crate) explicit: usize,
    pub(crate) inline: usize,
    pub(crate) actors: Vec<NamedView>,
    pub(crate) programs: Vec<NamedView>,
    /// Amounts (dates are counted in `dates`).
    pub(crate) quantities: Vec<QuantityView>,
    pub(crate) dates: usize,
    pub(crate) scorecard: Option<ScorecardView>,
    pub(crate) suggestions: Vec<SuggestionView>,
    pub(crate) version: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct SectionView {
    pub(crate) title: String,
    pub(crate) line: usize,
    pub(crate) blocks: usize,
    pub(crate) kind: String,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct RecView {
    /// 1, 2, … in the order shown.
    pub(crate) number: usize,
    pub(crate) id: String,
    pub(crate) kind: &'static str,
    pub(crate) modality: String,
    /// The title, or the text of an inline recommendation.
    pub(crate) title: String,
    /// The text after the title, when a title stands for the recommendation.
    pub(crate) body: Option<String>,
    pub(crate) actors: Vec<String>,
    pub(crate) action: Option<String>,
    pub(crate) section: Option<String>,
    pub(crate) line: usize,
    /// Its text as the brief gives it (normalised; a whole list item), and the line it starts
    /// on.
    pub(crate) quote: String,
    pub(crate) quote_line: usize,
    pub(crate) programs: Vec<String>,
    pub(crate) quantities: Vec<String>,
    /// Its scorecard status, when a catalog was given.
    pub(crate) status: Option<Badge>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct NamedView {
    pub(crate) name: String,
    pub(crate) kind: String,
    pub(crate) mentions: usize,
    pub(crate) line: usize,
    /// A parent body or an acronym.
    pub(crate) note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct QuantityView {
    pub(crate) line: usize,
    pub(crate) text: String,
    pub(crate) kind: String,
    pub(crate) measures: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ScorecardView {
    pub(crate) title: Option<String>,
    pub(crate) as_of: Option<String>,
    /// In the order of [`View::recommendations`].
    pub(crate) rows: Vec<RowView>,
    pub(crate) measured: usize,
    pub(crate) indicators: Vec<IndicatorView>,
    pub(crate) unmatched: Vec<UnmatchedView>,
    pub(crate) unassigned: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct RowView {
    pub(crate) number: usize,
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) line: usize,
    pub(crate) status: Badge,
    pub(crate) score: String,
    pub(crate) coverage: String,
    /// `1 of 5`.
    pub(crate) rated: String,
    /// The catalog objectives that name it, and how (`rec-1 (by title)`).
    pub(crate) objectives: Vec<String>,
    pub(crate) measured: bool,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct IndicatorView {
    pub(crate) id: String,
    pub(crate) name: String,
    /// The recommendation it measures (id and number), or a catalog objective's id.
    pub(crate) objective: Option<String>,
    pub(crate) number: Option<usize>,
    pub(crate) method: String,
    pub(crate) status: Badge,
    pub(crate) value: String,
    pub(crate) base: String,
    pub(crate) latest: String,
    pub(crate) target: String,
    pub(crate) projected: String,
    pub(crate) description: Option<String>,
    pub(crate) source: Option<String>,
    pub(crate) notes: Vec<String>,
    /// The SVG chart (escaped when it was drawn).
    pub(crate) chart: String,
    pub(crate) legend: chart::Legend,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct UnmatchedView {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) reason: String,
    pub(crate) indicators: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct SuggestionView {
    pub(crate) line: usize,
    pub(crate) text: String,
    pub(crate) value: String,
    pub(crate) unit: String,
    pub(crate) bound: String,
    pub(crate) measures: Option<String>,
    pub(crate) period: Option<String>,
    /// The number of the recommendation it is part of.
    pub(crate) recommendation: Option<usize>,
}

/// Whether `inner` lies inside `outer`.
fn within(inner: Span, outer: Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// The action: verb and object ("strengthen incentives that speed …").
fn action(r: &Recommendation) -> Option<String> {
    r.action.as_ref().map(|a| {
        a.object
            .as_ref()
            .map_or_else(|| a.verb.clone(), |o| format!("{} {o}", a.verb))
    })
}

fn kind_word(kind: RecommendationKind) -> &'static str {
    match kind {
        RecommendationKind::Explicit => "explicit",
        RecommendationKind::Inline => "inline",
    }
}

impl View {
    /// Builds the view of `report`, whose spans point into `text`, read from `source`.
    #[allow(clippy::too_many_lines)] // one field after another
    pub(crate) fn new(source: &str, text: &str, report: &debrief::Report<'_>) -> View {
        let at = Locator::new(text);
        let doc = &report.document;
        let brief = &report.brief;
        let title = doc
            .blocks
            .iter()
            .find(|b| matches!(b.kind, BlockKind::Heading { level: 1, .. }))
            .map(|b| b.text.to_string())
            .or_else(|| report.scorecard.as_ref().and_then(|s| s.title.clone()))
            .unwrap_or_else(|| {
                std::path::Path::new(source)
                    .file_name()
                    .map_or_else(|| source.to_owned(), |n| n.to_string_lossy().into_owned())
            });
        // Explicit first, then inline; numbered in that order.
        let mut order: Vec<&Recommendation> = brief.recommendations.iter().collect();
        order.sort_by_key(|r| (r.kind == RecommendationKind::Inline, r.span.start));
        let number_of = |id: &str| order.iter().position(|r| r.id == id).map(|i| i + 1);
        let rows = report.scorecard.as_ref().map(|s| &s.rows);
        let recommendations = order
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let row = rows.and_then(|rows| rows.iter().find(|x| x.recommendation == r.id));
                RecView {
                    number: i + 1,
                    id: r.id.clone(),
                    kind: kind_word(r.kind),
                    modality: snake(&r.modality),
                    title: r
                        .title
                        .as_ref()
                        .map_or_else(|| r.text.clone(), |t| t.text.clone()),
                    body: r.title.as_ref().and_then(|t| {
                        let rest = r.text.strip_prefix(t.text.as_str())?;
                        let rest = rest.trim_start_matches(['.', ':', ' ']);
                        (!rest.is_empty()).then(|| rest.to_owned())
                    }),
                    actors: r.actors.iter().map(|a| a.name.clone()).collect(),
                    // An explicit item's title already says it.
                    action: action(r).filter(|_| r.kind == RecommendationKind::Inline),
                    section: r.section.clone(),
                    line: at.line(r.span),
                    quote: r.text.clone(),
                    quote_line: at.line(r.span),
                    programs: brief
                        .programs
                        .iter()
                        .filter(|p| p.mentions.iter().any(|m| within(m.span, r.span)))
                        .map(|p| p.name.clone())
                        .collect(),
                    quantities: brief
                        .quantities
                        .iter()
                        .filter(|q| within(q.span, r.span))
                        .map(|q| q.text.clone())
                        .collect(),
                    status: row.map(|row| {
                        if row.summary.indicators.is_empty() {
                            Badge::unmeasured()
                        } else {
                            Badge::objective(row.summary.status)
                        }
                    }),
                }
            })
            .collect();
        let scorecard = report.scorecard.as_ref().map(|card| {
            let rows: Vec<RowView> = order
                .iter()
                .filter_map(|r| card.rows.iter().find(|x| x.recommendation == r.id))
                .map(|row| {
                    let s = &row.summary;
                    let measured = !s.indicators.is_empty();
                    RowView {
                        number: number_of(&row.recommendation).unwrap_or_default(),
                        id: row.recommendation.clone(),
                        title: row.title.clone(),
                        line: at.line(row.span),
                        status: if measured {
                            Badge::objective(s.status)
                        } else {
                            Badge::unmeasured()
                        },
                        score: s.score.map_or_else(|| NONE.to_owned(), short),
                        coverage: coverage(s),
                        rated: if measured {
                            format!(
                                "{} of {}",
                                s.indicators.len() - s.missing.len(),
                                s.indicators.len()
                            )
                        } else {
                            NONE.to_owned()
                        },
                        objectives: row
                            .objectives
                            .iter()
                            .map(|m| format!("{} (by {})", m.id, snake(&m.by).replace('_', " ")))
                            .collect(),
                        measured,
                    }
                })
                .collect();
            let indicators = card
                .indicators
                .iter()
                .map(|ind| indicator_view(ind, &number_of))
                .collect();
            ScorecardView {
                title: card.title.clone(),
                as_of: card.as_of.map(|d| d.to_string()),
                measured: rows.iter().filter(|r| r.measured).count(),
                rows,
                indicators,
                unmatched: card
                    .unmatched
                    .iter()
                    .map(|u| UnmatchedView {
                        id: u.summary.id.clone(),
                        name: u.summary.name.clone(),
                        reason: u.reason.clone(),
                        indicators: u.summary.indicators.iter().map(|m| m.id.clone()).collect(),
                    })
                    .collect(),
                unassigned: card.unassigned.clone(),
            }
        });
        let first_line =
            |mentions: &[debrief::model::Mention]| mentions.first().map_or(0, |m| at.line(m.span));
        View {
            title,
            source: source.to_owned(),
            bytes: grouped(f64::from(u32::try_from(text.len()).unwrap_or(u32::MAX))),
            blocks: doc.blocks.len(),
            style: snake(&doc.style),
            warnings: doc
                .diagnostics
                .iter()
                .filter(|d| d.severity == debrief::parser::Severity::Warning)
                .count(),
            sections: brief
                .sections
                .iter()
                .map(|s| SectionView {
                    title: s.title.clone().unwrap_or_else(|| "(opening)".to_owned()),
                    line: at.line(s.span),
                    blocks: s.blocks.len(),
                    kind: snake(&s.kind),
                })
                .collect(),
            explicit: order
                .iter()
                .filter(|r| r.kind == RecommendationKind::Explicit)
                .count(),
            inline: order
                .iter()
                .filter(|r| r.kind == RecommendationKind::Inline)
                .count(),
            recommendations,
            actors: brief
                .actors
                .iter()
                .map(|a| NamedView {
                    name: a.name.clone(),
                    kind: snake(&a.kind),
                    mentions: a.mentions.len(),
                    line: first_line(&a.mentions),
                    note: a.parent.clone(),
                })
                .collect(),
            programs: brief
                .programs
                .iter()
                .map(|p| NamedView {
                    name: p.name.clone(),
                    kind: snake(&p.kind).replace('_', " "),
                    mentions: p.mentions.len(),
                    line: first_line(&p.mentions),
                    note: p.acronym.clone(),
                })
                .collect(),
            quantities: brief
                .quantities
                .iter()
                .filter(|q| !q.kind.is_temporal())
                .map(|q| QuantityView {
                    line: at.line(q.span),
                    text: q
                        .qualifier
                        .as_ref()
                        .map_or_else(|| q.text.clone(), |p| format!("{} {}", p.text, q.text)),
                    kind: snake(&q.kind).replace('_', " "),
                    measures: q.measures.clone(),
                })
                .collect(),
            dates: brief
                .quantities
                .iter()
                .filter(|q| q.kind.is_temporal())
                .count(),
            scorecard,
            suggestions: report
                .suggestions
                .iter()
                .map(|s| SuggestionView {
                    line: at.line(s.span),
                    text: s
                        .qualifier
                        .as_ref()
                        .map_or_else(|| s.text.clone(), |q| format!("{q} {}", s.text)),
                    value: match s.upper {
                        Some(u) => format!("{}–{}", number(s.value), number(u)),
                        None => number(s.value),
                    },
                    unit: s
                        .unit
                        .clone()
                        .or_else(|| s.brief_unit.clone())
                        .unwrap_or_else(|| NONE.to_owned()),
                    bound: snake(&s.bound).replace('_', " "),
                    measures: s.measures.clone(),
                    period: s.period.map(|p| p.to_string()),
                    recommendation: s.recommendation.as_deref().and_then(number_of),
                })
                .collect(),
            version: env!("CARGO_PKG_VERSION"),
        }
    }
}

/// One indicator as shown, with its chart.
fn indicator_view(
    ind: &debrief::IndicatorReport,
    number_of: &dyn Fn(&str) -> Option<usize>,
) -> IndicatorView {
    let a: &Assessment = &ind.assessment;
    let (chart, legend) = chart::chart(a, &ind.observations, &a.name);
    IndicatorView {
        id: a.id.clone(),
        name: a.name.clone(),
        objective: a.objective.clone(),
        number: a.objective.as_deref().and_then(number_of),
        method: a.method.clone(),
        status: Badge::new(a.status.as_str(), a.rating),
        value: a.value.map_or_else(|| NONE.to_owned(), short),
        base: point(a.base.as_ref()),
        latest: point(a.latest.as_ref()),
        target: point(a.target.as_ref()),
        projected: projected(a),
        description: ind.description.clone(),
        source: ind.source.clone(),
        notes: a.notes.clone(),
        chart,
        legend,
    }
}
