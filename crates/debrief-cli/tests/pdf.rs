//! Reading a PDF: `debrief parse brief.pdf` runs `pdftotext -bbox-layout` and parses the text
//! it gives. The fixture (`tests/fixtures/pdf/brief.pdf`, made by `make-brief-pdf.py` beside
//! it) has two paragraphs that only a vertical gap separates, a line-end hyphen, a footnote
//! marker set as a superscript, and the footnote. Needs poppler-utils; without it the tests
//! say so and pass (CI installs it).

#![allow(clippy::expect_used, clippy::unwrap_used)] // a panic in a test helper is a failed test

mod common;

use std::io::Write as _;

use common::{fails, ok, run};

const PDF: &str = "tests/fixtures/pdf/brief.pdf";

fn have_pdftotext() -> bool {
    let found = std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok();
    if !found {
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED: pdftotext (poppler-utils) is not installed"
        );
    }
    found
}

#[test]
fn a_pdf_is_read_through_its_word_boxes() {
    if !have_pdftotext() {
        return;
    }
    let out = ok(&run(&["parse", PDF, "--format", "json"], None, &[]));
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let blocks: Vec<(&str, &str)> = doc["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| (b["kind"].as_str().unwrap(), b["text"].as_str().unwrap()))
        .collect();
    assert_eq!(
        blocks,
        [
            (
                "paragraph",
                "The Administration and Congress should fund the border program in full and ask \
                 the agency to report on its border work every year, with figures for each of the \
                 ports of entry that it runs along the southern line of the land."
            ),
            (
                "paragraph",
                "A second paragraph starts after a gap and runs on to the end of the page, where \
                 it closes with a short line."
            ),
            ("footnote", "A footnote at the foot of the page."),
        ]
    );
    let artifacts: Vec<&str> = doc["artifacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["kind"].as_str().unwrap())
        .collect();
    assert!(artifacts.contains(&"hyphen"), "{artifacts:?}");
    assert!(artifacts.contains(&"footnote_marker"), "{artifacts:?}");
}

#[test]
fn a_pdf_on_standard_input_too() {
    if !have_pdftotext() {
        return;
    }
    let bytes = std::fs::read(format!("{}/{PDF}", common::ROOT)).unwrap();
    let out = ok(&run(&["parse", "-", "--format", "text"], Some(&bytes), &[]));
    assert!(out.contains("report on its border work"), "{out}");
    assert!(out.contains("A second paragraph starts"), "{out}");
}

#[test]
fn without_pdftotext_the_error_says_what_to_install() {
    let err = fails(
        &run(
            &["parse", PDF],
            None,
            &[("DEBRIEF_PDFTOTEXT", "/nonexistent/pdftotext")],
        ),
        2,
    );
    assert!(
        err.contains("tests/fixtures/pdf/brief.pdf is a PDF"),
        "{err}"
    );
    assert!(err.contains("poppler-utils"), "{err}");
}

/// The corpus PDFs through `debrief eval --input pdf`: floors under the figures reached
/// (92.3 % of the CRS gold paragraphs as one block, 59/60 headings, 27/28 hyphens, no running
/// header or footer left); a change that lowers one fails.
#[test]
fn the_corpus_pdfs_read_close_to_the_gold() {
    let Some(corpus) = common::corpus() else {
        return;
    };
    if !have_pdftotext() {
        return;
    }
    let out = ok(&run(
        &[
            "eval",
            common::arg(&corpus),
            "--input",
            "pdf",
            "--format",
            "json",
        ],
        None,
        &[],
    ));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let total = &v["total"];
    let pct = |k: &str| {
        let (hits, all) = (
            total[k]["hits"].as_f64().unwrap(),
            total[k]["total"].as_f64().unwrap(),
        );
        assert!(all > 0.0, "{k}: nothing measured");
        100.0 * hits / all
    };
    assert!(pct("paragraphs") >= 90.0, "{total}");
    assert!(pct("headings") >= 95.0, "{total}");
    assert!(pct("hyphens") >= 95.0, "{total}");
    assert_eq!(total["furniture_left"], 0, "{total}");
    assert!(
        v["documents"].as_array().unwrap().len() >= 19,
        "every document read"
    );
}
