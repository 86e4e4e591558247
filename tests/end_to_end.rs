//! `debrief::analyze` end to end: the seed brief with its example catalog, the title fallback
//! for catalogs written before recommendation ids, and properties over arbitrary text (never
//! panics, spans slice back, rows are the recommendations, the report round-trips through JSON).

#![allow(clippy::expect_used, clippy::unwrap_used)] // a panic in a test is a failed test

use debrief::metrics::{AssessOptions, Catalog, Date, ObjectiveStatus};
use debrief::{MatchBy, Report};
use proptest::prelude::*;

const SEED: &str = include_str!("../examples/data/border-security-brief.txt");
const CATALOG: &str = include_str!("../examples/data/border-security-catalog.toml");
const OBSERVATIONS: &str = include_str!("../examples/data/border-security-observations.csv");

fn seed_catalog() -> Catalog {
    let mut catalog = Catalog::from_toml(CATALOG).unwrap();
    catalog.load_observations_csv(OBSERVATIONS).unwrap();
    catalog
}

fn options() -> debrief::Options<'static> {
    debrief::Options {
        assess: AssessOptions {
            as_of: Some(Date::new(2026, 11, 1).unwrap()),
        },
        ..debrief::Options::default()
    }
}

#[test]
fn the_seed_brief_with_its_catalog() {
    let report = debrief::analyze_with(SEED, Some(&seed_catalog()), &options());
    let card = report.scorecard.as_ref().unwrap();
    // Eight recommendations (3 explicit items, 5 inline sentences), one row each.
    assert_eq!(card.rows.len(), 8);
    assert!(card.unmatched.is_empty());
    let measured: Vec<(&str, ObjectiveStatus, MatchBy)> = card
        .rows
        .iter()
        .filter(|r| !r.objectives.is_empty())
        .map(|r| (r.title.as_str(), r.summary.status, r.objectives[0].by))
        .collect();
    assert_eq!(
        measured,
        [
            (
                "Develop a comprehensive U.S.–Mexico anti-crime strategy",
                ObjectiveStatus::InsufficientData,
                MatchBy::Id
            ),
            (
                "Continue modernization of the southwest border",
                ObjectiveStatus::NeedsAcceleration,
                MatchBy::Id
            ),
            (
                "foster U.S.–Mexico bilateral border security and immigration accords",
                ObjectiveStatus::OnTrack,
                MatchBy::Id
            ),
        ]
    );
    // A row links to the sentence in the source: the anti-crime strategy item, line 134.
    let develop = &card.rows[4];
    assert_eq!(
        develop.sentence.slice(SEED),
        Some("Develop a comprehensive \nU.S.–Mexico anti-crime strat-\negy")
    );
    assert_eq!(
        develop.quote,
        "Develop a comprehensive U.S.–Mexico anti-crime strategy."
    );
    // Assessments name the recommendation they measure.
    let trade = card
        .indicators
        .iter()
        .find(|i| i.assessment.id == "us-mexico-goods-trade")
        .unwrap();
    assert_eq!(trade.assessment.objective.as_deref(), Some("rec-b900e35a"));
    // 134.2 + 198.2 in 2006, 337.9 + 534.8 in 2025 (CRS IF11175).
    assert_eq!(trade.observations.len(), 2);
    assert!((trade.observations[0].value.as_number().unwrap() - 332.4).abs() < 1e-9);
    assert!((trade.observations[1].value.as_number().unwrap() - 872.7).abs() < 1e-9);
    // The brief's own numbers: "100 percent operational control of 2,000 miles", "as much as
    // 40 percent of American content".
    let offered: Vec<(&str, f64, Option<&str>)> = report
        .suggestions
        .iter()
        .map(|s| (s.text.as_str(), s.value, s.unit.as_deref()))
        .collect();
    assert_eq!(
        offered,
        [
            ("100 percent", 100.0, Some("percent")),
            ("2,000 miles", 2000.0, Some("miles")),
            ("40 percent", 40.0, Some("percent")),
        ]
    );
}

#[test]
fn a_catalog_naming_recommendations_by_title_still_matches() {
    // The catalog as first written, with ids rec-1, rec-2, rec-3 that no brief gives.
    let old = CATALOG
        .replace("rec-85a3dbd0", "rec-1")
        .replace("rec-aea2e614", "rec-2")
        .replace("rec-b900e35a", "rec-3");
    let mut catalog = Catalog::from_toml(&old).unwrap();
    catalog.load_observations_csv(OBSERVATIONS).unwrap();
    let card = debrief::analyze_with(SEED, Some(&catalog), &options())
        .scorecard
        .unwrap();
    assert!(card.unmatched.is_empty(), "{:?}", card.unmatched);
    let by: Vec<(&str, MatchBy)> = card
        .rows
        .iter()
        .flat_map(|r| r.objectives.iter().map(|m| (m.id.as_str(), m.by)))
        .collect();
    assert_eq!(
        by,
        [
            ("rec-1", MatchBy::Title),
            ("rec-2", MatchBy::Title),
            ("rec-3", MatchBy::Title)
        ]
    );
}

/// Text shaped like a brief: headings, list items, modal sentences, numbers, hyphen breaks.
fn brief_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Recommendations\n\n".to_owned()),
        Just("What the U.S. Should Do\n\n".to_owned()),
        Just("■ Hire 300 more inspec-\ntors by FY2027. Congress should fund them.\n\n".to_owned()),
        Just("Congress should spend $1.6 billion on 2,000 miles.\n\n".to_owned()),
        Just("DHS must report 40 percent of cases; it may wait.\n\n".to_owned()),
        "[A-Za-z .,;:'\"()\\-–\n0-9%$]{0,80}",
        any::<String>(),
    ];
    proptest::collection::vec(piece, 0..8).prop_map(|v| v.concat())
}

fn check(text: &str, report: &Report<'_>) {
    let recs = &report.brief.recommendations;
    let card = report.scorecard.as_ref().unwrap();
    assert_eq!(card.rows.len(), recs.len());
    for (row, rec) in card.rows.iter().zip(recs) {
        assert_eq!(row.recommendation, rec.id);
        assert_eq!(row.summary.id, rec.id);
        assert!(row.sentence.slice(text).is_some());
        assert!(row.span.start <= row.sentence.start && row.sentence.end <= row.span.end);
    }
    for s in &report.suggestions {
        assert!(s.span.slice(text).is_some_and(|t| !t.is_empty()));
        assert!(s.sentence.start <= s.span.start && s.span.end <= s.sentence.end);
        assert!(s.value.is_finite());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn analyze_never_panics_and_rows_link_back(text in brief_like()) {
        let catalog = seed_catalog();
        let report = debrief::analyze(&text, Some(&catalog));
        check(&text, &report);
        // Every catalog objective is a row's or reported unmatched: none is dropped.
        let card = report.scorecard.as_ref().unwrap();
        let placed = card.rows.iter().map(|r| r.objectives.len()).sum::<usize>()
            + card.unmatched.len();
        prop_assert_eq!(placed, catalog.objectives.len());
    }

    #[test]
    fn the_report_round_trips_through_json(text in brief_like()) {
        let catalog = seed_catalog();
        let report = debrief::analyze(&text, Some(&catalog));
        let json = serde_json::to_string(&report).unwrap();
        let back: Report<'_> = serde_json::from_str(&json).unwrap();
        // The input is not serialised; re-attach it to compare.
        let back = Report { document: back.document.with_source(&text), ..back };
        prop_assert_eq!(back, report);
    }
}
