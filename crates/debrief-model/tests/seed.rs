//! The seed brief's expectations from the issue, checked against `extract`, and an insta
//! snapshot of its whole `Brief`.
//!
//! Texts are compared as lower-case letters and digits so that the checks hold whether or not
//! the parser has rejoined the seed's line-end hyphens ("strat- egy").

#![allow(clippy::expect_used, clippy::unwrap_used)]

use debrief_model::{
    ActorSource, Bound, Brief, Modality, QuantityKind, RecommendationKind, Voice, extract,
};

const SEED: &str = include_str!("../../../examples/data/border-security-brief.txt");

fn letters(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn brief() -> Brief {
    extract(&debrief_parser::parse(SEED))
}

fn names(refs: &[debrief_model::ActorRef]) -> Vec<&str> {
    refs.iter().map(|a| a.name.as_str()).collect()
}

#[test]
fn three_explicit_recommendations_with_titles_and_actors() {
    let brief = brief();
    let explicit: Vec<_> = brief
        .recommendations
        .iter()
        .filter(|r| r.kind == RecommendationKind::Explicit)
        .collect();
    assert_eq!(explicit.len(), 3, "{explicit:#?}");
    let expected: [(&str, &[&str]); 3] = [
        (
            "Develop a comprehensive U.S.–Mexico anti-crime strategy",
            &["Obama Administration", "Congress"],
        ),
        (
            "Continue modernization of the southwest border",
            // "The Administration" here is the Obama Administration named above it.
            &["Obama Administration", "Congress"],
        ),
        (
            "foster U.S.–Mexico bilateral border security and immigration accords",
            &["United States"],
        ),
    ];
    for (rec, (title, actors)) in explicit.iter().zip(expected) {
        let t = rec.title.as_ref().expect("a title");
        assert_eq!(letters(&t.text), letters(title));
        assert_eq!(names(&rec.actors), actors, "{title}");
        assert_eq!(rec.modality, Modality::Should);
        assert_eq!(rec.voice, Voice::Imperative);
        assert!(rec.actors.iter().all(|a| a.via == ActorSource::Subject));
        // The title and the actors slice back to the input.
        assert_eq!(letters(t.span.slice(SEED).unwrap()), letters(title));
        for a in &rec.actors {
            assert_eq!(letters(a.span.slice(SEED).unwrap()), letters(&a.mention));
        }
    }
    assert_eq!(explicit[0].action.as_ref().unwrap().verb, "develop");
    assert_eq!(names(&explicit[2].mentions), ["Mexico"]);
}

#[test]
fn inline_recommendations_and_their_modals() {
    let brief = brief();
    let inline: Vec<_> = brief
        .recommendations
        .iter()
        .filter(|r| r.kind == RecommendationKind::Inline)
        .collect();
    let find = |start: &str| {
        inline
            .iter()
            .find(|r| letters(&r.text).contains(&letters(start)))
            .unwrap_or_else(|| panic!("no inline recommendation with {start:?}: {inline:#?}"))
    };
    let congress = find("Congress therefore should work to strengthen incentives");
    assert_eq!(names(&congress.actors), ["Congress"]);
    assert_eq!(congress.modality, Modality::Should);
    assert_eq!(congress.action.as_ref().unwrap().verb, "strengthen");

    let more = find("more needs to be done to enhance programs for pre-screened travelers");
    assert!(more.actors.is_empty());
    assert_eq!(more.modality, Modality::Need);
    assert_eq!(more.action.as_ref().unwrap().verb, "enhance");

    let decide = find("the U.S. must decide where to allocate");
    assert_eq!(names(&decide.actors), ["United States"]);
    assert_eq!(decide.modality, Modality::Must);
    assert_eq!(decide.modal.as_ref().unwrap().text, "must");

    let focus = find("It must decide whether the focus");
    assert_eq!(names(&focus.actors), ["United States"]);
    assert_eq!(focus.actors[0].via, ActorSource::Pronoun);
    assert_eq!(focus.actors[0].mention, "U.S.");

    let solution = find("it should also be made a part of the solution");
    assert_eq!(solution.voice, Voice::Passive);
    assert!(solution.actors.is_empty());
    assert_eq!(solution.mentions[0].name, "Mexico");

    // Epistemic modals are not recommendations.
    for not in [
        "Mexico could surpass Canada",
        "will likely continue to grow",
        "could put additional U.S. trainers",
    ] {
        assert!(
            !brief
                .recommendations
                .iter()
                .any(|r| letters(&r.text).contains(&letters(not))),
            "{not}"
        );
    }
}

#[test]
fn programs_institutions_quantities_and_topics() {
    let brief = brief();
    let programs: Vec<String> = brief.programs.iter().map(|p| letters(&p.name)).collect();
    for p in [
        "Merida Initiative",
        "21st-century border management plan",
        "Border Enforcement Security Task Force",
    ] {
        assert!(programs.contains(&letters(p)), "{p} not in {programs:?}");
    }
    let actors: Vec<&str> = brief.actors.iter().map(|a| a.id.as_str()).collect();
    for a in [
        "northcom",
        "border-patrol",
        "us",
        "mexico",
        "congress",
        "mexico-armed-forces",
    ] {
        assert!(actors.contains(&a), "{a} not in {actors:?}");
    }

    let q = |text: &str| {
        brief
            .quantities
            .iter()
            .find(|q| q.text == text)
            .unwrap_or_else(|| panic!("no quantity {text}: {:#?}", brief.quantities))
    };
    let miles = q("2,000 miles");
    assert_eq!(
        (miles.kind, miles.value, miles.unit.as_deref()),
        (QuantityKind::Length, Some(2000.0), Some("mile"))
    );
    assert_eq!(miles.span.slice(SEED), Some("2,000 miles"));
    let hundred = q("100 percent");
    assert_eq!(
        (hundred.kind, hundred.value),
        (QuantityKind::Percent, Some(100.0))
    );
    let forty = q("40 percent");
    assert_eq!((forty.value, forty.bound), (Some(40.0), Bound::AtMost));
    assert_eq!(forty.qualifier.as_ref().unwrap().text, "as much as");
    assert_eq!(forty.measures.as_deref(), Some("American content"));
    let billions = brief
        .quantities
        .iter()
        .find(|q| q.vague)
        .expect("a vague amount");
    assert_eq!(
        (billions.magnitude, billions.kind),
        (Some(1e9), QuantityKind::Money)
    );
    // No quantity from "21st" or "second".
    assert!(
        brief
            .quantities
            .iter()
            .all(|q| !q.text.contains("21st") && !q.text.contains("second")),
        "{:#?}",
        brief.quantities
    );

    let codes: Vec<u8> = brief.topics.iter().map(|t| t.code.0).collect();
    for code in [9, 12, 16, 18, 19] {
        assert!(codes.contains(&code), "topic {code} not in {codes:?}");
    }
    let immigration = brief.topics.iter().find(|t| t.code.0 == 9).unwrap();
    assert!(immigration.triggers.contains(&"border security".to_owned()));
}

#[test]
fn seed_brief_snapshot() {
    insta::assert_json_snapshot!("seed_brief", brief());
}
