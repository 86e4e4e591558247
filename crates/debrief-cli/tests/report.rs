//! `debrief report`: the HTML page parsed as XML (it is written well-formed) and checked for
//! its sections, rows and charts; escaping of everything from the input; Markdown and JSON;
//! and, where Chromium is installed, the page loaded in a real browser.

#![allow(clippy::expect_used, clippy::unwrap_used)] // a panic in a test helper is a failed test

mod common;

use std::path::{Path, PathBuf};

use common::{arg, debrief, fails, ok, scratch};
use quick_xml::events::Event;

/// One element of the page: its name, `id`, `class`, the indices of its ancestors and its text.
#[derive(Debug, Default)]
struct Element {
    name: String,
    id: String,
    class: String,
    ancestors: Vec<usize>,
    text: String,
}

/// The page's elements in document order. Panics unless the page is well-formed: every tag
/// closed and nested, attributes quoted, entities complete.
fn elements(html: &str) -> Vec<Element> {
    let mut reader = quick_xml::Reader::from_str(html);
    reader.config_mut().check_end_names = true;
    let mut out: Vec<Element> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    loop {
        let event = reader
            .read_event()
            .unwrap_or_else(|e| panic!("not well-formed at {}: {e}", reader.buffer_position()));
        match event {
            Event::Start(ref tag) | Event::Empty(ref tag) => {
                let attr = |name: &str| {
                    tag.try_get_attribute(name)
                        .unwrap()
                        .map(|a| a.value.into_owned()) // ids and classes hold no entities
                        .unwrap_or_default()
                };
                out.push(Element {
                    name: tag.name().as_ref().to_owned(),
                    id: attr("id"),
                    class: attr("class"),
                    ancestors: stack.clone(),
                    text: String::new(),
                });
                if matches!(event, Event::Start(_)) {
                    stack.push(out.len() - 1);
                }
            }
            Event::End(_) => {
                stack.pop().expect("an end tag closes an open element");
            }
            Event::Text(t) => {
                let text: &str = &t;
                for &i in &stack {
                    out[i].text.push_str(text);
                }
            }
            Event::GeneralRef(r) => {
                let c = match &*r {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "#39" | "#x27" => "'",
                    "#x2f" => "/",
                    other => panic!("unexpected entity &{other};"),
                };
                for &i in &stack {
                    out[i].text.push_str(c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(stack.is_empty(), "unclosed elements at the end");
    out
}

/// Elements named `name` with class `class` (one of its classes) inside the element with `id`.
fn count(els: &[Element], within: &str, name: &str, class: Option<&str>) -> usize {
    let Some(root) = els.iter().position(|e| e.id == within) else {
        return 0;
    };
    els.iter()
        .filter(|e| e.name == name && e.ancestors.contains(&root))
        .filter(|e| class.is_none_or(|c| e.class.split_whitespace().any(|x| x == c)))
        .count()
}

fn by_id<'e>(els: &'e [Element], id: &str) -> &'e Element {
    els.iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("no element #{id}"))
}

/// The seed's report, written to a file as a user would.
fn seed_report(dir: &Path) -> (PathBuf, String) {
    let path = dir.join("report.html");
    let out = debrief(&["report", "--as-of", "2026-11-01", "--out", arg(&path)]);
    let stderr = String::from_utf8(out.stderr.clone()).unwrap();
    ok(&out);
    assert!(stderr.contains("wrote"), "{stderr}");
    let html = std::fs::read_to_string(&path).unwrap();
    (path, html)
}

#[test]
fn the_seed_report_has_every_section_row_and_chart() {
    let dir = scratch("report-seed");
    let (_, html) = seed_report(&dir);
    assert!(html.starts_with("<!DOCTYPE html>"));
    let els = elements(&html);
    // Self-contained: no scripts, no external style sheets, images, frames or fonts.
    for name in ["script", "link", "img", "iframe", "object"] {
        assert!(els.iter().all(|e| e.name != name), "a <{name}> element");
    }
    for fetch in ["src=", "href=\"http", "url(", "@import"] {
        assert!(!html.contains(fetch), "the page fetches something: {fetch}");
    }
    assert_eq!(
        els.iter().filter(|e| e.name == "style").count(),
        1,
        "one inline style sheet"
    );
    // The seed brief: 3 explicit and 5 inline recommendations.
    assert_eq!(count(&els, "recommendations", "article", Some("rec")), 8);
    assert_eq!(count(&els, "recommendations", "span", Some("explicit")), 3);
    // Each card: actors and its source sentence with the line it starts on.
    let first = by_id(&els, "rec-85a3dbd0");
    assert!(
        first.text.contains("Obama Administration, Congress"),
        "{}",
        first.text
    );
    assert!(first.text.contains("line 134"), "{}", first.text);
    assert!(
        first.text.contains(
            "The Obama Administration and Congress should work to develop a broad master plan"
        ),
        "{}",
        first.text
    );
    // The scorecard: one row per recommendation, with a status badge each.
    assert_eq!(count(&els, "scorecard", "tr", Some("row")), 8);
    assert_eq!(count(&els, "scorecard", "span", Some("badge")), 8);
    assert_eq!(count(&els, "scorecard", "span", Some("on-track")), 1);
    assert_eq!(
        count(&els, "scorecard", "span", Some("needs-acceleration")),
        1
    );
    assert_eq!(count(&els, "scorecard", "span", Some("unmeasured")), 5);
    // One chart per indicator of the catalog (12), two of them with data drawn as a line.
    assert_eq!(count(&els, "indicators", "article", Some("indicator")), 12);
    assert_eq!(count(&els, "indicators", "svg", Some("chart")), 12);
    // contraband-seizures, the two trade series and their sum.
    assert_eq!(count(&els, "indicators", "polyline", Some("series")), 4);
    let seizures = by_id(&els, "indicator-contraband-seizures");
    assert!(seizures.text.contains("FY2011: 18898"), "{}", seizures.text);
    // The candidate baselines and targets: the seed's three amounts in digits.
    assert_eq!(count(&els, "suggestions", "tr", None), 4);
    assert_eq!(count(&els, "sections", "tr", None), 6);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A catalog with a target, a projection, a milestone, an objective naming no recommendation,
/// and markup in its names (illustrative numbers, not real data).
const CATALOG: &str = r#"title = "Synthetic <test> catalog"

[[objective]]
id = "modernize"
name = "Continue modernization of the southwest border"

[[objective]]
id = "rec-00000000"
name = "Build a wall <script>alert(1)</script>"

[[indicator]]
id = "camera-coverage"
name = "Camera coverage <b>(illustrative)</b>"
objective = "modernize"
unit = "percent"
direction = "increase"
method = "unsd-2023"
baseline = { period = "2015", value = 20.0 }
target = { period = "2030", value = 80.0 }

[[indicator]]
id = "sensor-plan"
name = "Sensor plan adopted"
objective = "rec-00000000"
measure = "milestone"
target = { period = "2027" }
"#;

const OBSERVATIONS: &str = "indicator,period,value,source\n\
    camera-coverage,2015,20,\"A & B <i>\"\n\
    camera-coverage,2018,28,\n\
    camera-coverage,2021,37,\n\
    camera-coverage,2024,45,\n\
    sensor-plan,2025,in_progress,\n";

#[test]
fn input_text_is_escaped_and_projections_are_drawn() {
    let dir = scratch("report-synthetic");
    std::fs::write(dir.join("c.toml"), CATALOG).unwrap();
    std::fs::write(dir.join("o.csv"), OBSERVATIONS).unwrap();
    let path = dir.join("r.html");
    let out = debrief(&[
        "report",
        "examples/data/border-security-brief.txt",
        "--catalog",
        arg(&dir.join("c.toml")),
        "--observations",
        arg(&dir.join("o.csv")),
        "--as-of",
        "2026-11-01",
        "--out",
        arg(&path),
    ]);
    let stderr = String::from_utf8(out.stderr.clone()).unwrap();
    ok(&out);
    // The objective that names no recommendation is reported, not dropped.
    assert!(
        stderr.contains("warning: objective rec-00000000 names no recommendation of this brief"),
        "{stderr}"
    );
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(!html.contains("<script>") && !html.contains("<b>(") && !html.contains("<i>"));
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"),
        "escaped in HTML"
    );
    let els = elements(&html);
    let warning = els
        .iter()
        .find(|e| e.class.contains("unmatched"))
        .expect("a warning for the unmatched objective");
    assert!(
        warning.text.contains("Build a wall <script>"),
        "{}",
        warning.text
    );
    // Matched by title: recommendation 2 of the seed is measured.
    let rec2 = by_id(&els, "rec-aea2e614");
    assert!(rec2.text.contains("on track"), "{}", rec2.text);
    let camera = by_id(&els, "indicator-camera-coverage");
    for (name, class) in [
        ("polyline", "series"),
        ("line", "baseline"),
        ("line", "target"),
        ("line", "deadline"),
        ("line", "projection"),
        ("path", "target-mark"),
    ] {
        assert_eq!(
            count(&els, &camera.id, name, Some(class)),
            1,
            "one {name}.{class} in the camera-coverage chart"
        );
    }
    // 20 → 45 over 2015–2024 at the compound rate, to 2030: 45 · 2.25^(6/9) = 77.268; the
    // UNSD 2023 ratio (77.268 − 20) / (80 − 20) = 0.9545 ≥ 0.95 is on track.
    assert!(
        camera.text.contains("projected2030 77.268"),
        "{}",
        camera.text
    );
    assert!(camera.text.contains("value0.9545"), "{}", camera.text);
    assert!(
        camera.text.contains("A & B <i>"),
        "the source in a tooltip: {}",
        camera.text
    );
    let plan = by_id(&els, "indicator-sensor-plan");
    assert!(plan.text.contains("2025: in progress"), "{}", plan.text);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn markdown_and_json_renderings() {
    let md = ok(&debrief(&[
        "report",
        "--format",
        "markdown",
        "--as-of",
        "2026-11-01",
    ]));
    assert!(md.starts_with("# Border security and U.S.–Mexico cooperation (seed brief)\n"));
    assert!(md.contains("## Recommendations\n"));
    assert!(md.contains(
        "1. **Develop a comprehensive U.S.–Mexico anti-crime strategy** (explicit, should; \
         `rec-85a3dbd0`, line 134) — **insufficient data**"
    ));
    assert!(md.contains("| 3 | foster U.S.–Mexico bilateral border security and immigration accords | on track | 3 | 33% | 1 of 3 |"), "{md}");
    let json = ok(&debrief(&[
        "report",
        "--format",
        "json",
        "--as-of",
        "2026-11-01",
    ]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["scorecard"]["rows"].as_array().unwrap().len(), 8);
    let analyzed = ok(&debrief(&[
        "analyze",
        "--format",
        "json",
        "--as-of",
        "2026-11-01",
    ]));
    assert_eq!(json, analyzed, "one report, whichever command prints it");
}

#[test]
fn an_unwritable_output_is_an_input_error_and_leaves_nothing() {
    let dir = scratch("report-unwritable");
    let target = dir.join("no/such/dir/report.html");
    let stderr = fails(&debrief(&["report", "--out", arg(&target)]), 2);
    assert!(stderr.starts_with("error: cannot create"), "{stderr}");
    assert!(std::fs::read_dir(&dir).unwrap().next().is_none());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The page in headless Chromium: it loads, the DOM after parsing has every section and
/// chart, and the screenshot is not blank. Skipped visibly where Chromium is not installed.
#[test]
fn the_page_renders_in_chromium() {
    let Some(chromium) = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .map(Path::new)
        .find(|p| p.is_file())
    else {
        let _ = std::io::Write::write_all(
            &mut std::io::stderr(),
            b"SKIPPED: Chromium is not installed (apt-get install chromium)\n",
        );
        return;
    };
    let dir = scratch("report-chromium");
    let (path, _) = seed_report(&dir);
    let url = format!("file://{}", path.display());
    let profile = dir.join("profile");
    let shot = dir.join("shot.png");
    let browser = |extra: &[&str]| {
        std::process::Command::new(chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,2000",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .args(extra)
            .arg(&url)
            .output()
            .expect("chromium runs")
    };
    let dom = browser(&["--dump-dom"]);
    assert!(
        dom.status.success(),
        "{}",
        String::from_utf8_lossy(&dom.stderr)
    );
    let dom = String::from_utf8(dom.stdout).unwrap();
    for id in [
        "recommendations",
        "scorecard",
        "indicators",
        "suggestions",
        "sections",
    ] {
        assert!(
            dom.contains(&format!("id=\"{id}\"")),
            "#{id} in the rendered DOM"
        );
    }
    assert_eq!(dom.matches("<svg class=\"chart").count(), 12);
    let out = browser(&[&format!("--screenshot={}", shot.display())]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let png = std::fs::read(&shot).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert_eq!((width, height), (1280, 2000));
    // A blank page of this size compresses to a few kilobytes; text and charts do not.
    assert!(
        png.len() > 100_000,
        "a screenshot of {} bytes looks blank",
        png.len()
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
