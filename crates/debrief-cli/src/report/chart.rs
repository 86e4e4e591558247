//! Small inline SVG charts, one per indicator: the observed series, the baseline, the target
//! at its deadline and the projection from the latest value to the deadline. Hand-written
//! (see docs/ARCHITECTURE.md): a few dozen elements whose classes the page's CSS styles, every
//! text escaped here, output byte-for-byte deterministic.

use std::fmt::Write as _;

use debrief::metrics::{Assessment, ObsValue, Observation, Period};

use crate::output::short;

/// Width and height of the drawing, in SVG user units (the page scales it).
const WIDTH: f64 = 360.0;
const HEIGHT: f64 = 170.0;
/// Plot area margins: left (tick labels), right, top, bottom (period labels).
const LEFT: f64 = 52.0;
const RIGHT: f64 = 14.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 26.0;
/// Height of the strip drawn for an indicator without numbers.
const EMPTY_HEIGHT: f64 = 34.0;

/// Escapes text for SVG and HTML (`&`, `<`, `>`, quotes).
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// What a chart draws, and what its legend lists.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub(crate) struct Legend {
    pub(crate) series: bool,
    pub(crate) baseline: bool,
    pub(crate) target: bool,
    pub(crate) projection: bool,
}

/// A linear map from `[lo, hi]` onto `[a, b]`.
#[derive(Debug, Clone, Copy)]
struct Scale {
    lo: f64,
    hi: f64,
    a: f64,
    b: f64,
}

impl Scale {
    fn at(self, v: f64) -> f64 {
        if (self.hi - self.lo).abs() < f64::EPSILON {
            return f64::midpoint(self.a, self.b);
        }
        self.a + (v - self.lo) / (self.hi - self.lo) * (self.b - self.a)
    }
}

/// Round tick values covering `[lo, hi]`: steps of 1, 2 or 5 times a power of ten, about four
/// of them.
fn ticks(lo: f64, hi: f64) -> Vec<f64> {
    let span = (hi - lo).abs().max(f64::EPSILON);
    let raw = span / 4.0;
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| span / s <= 5.0)
        .unwrap_or(10.0 * power);
    let first = (lo / step).floor() * step;
    // From the tick at or below `lo` to the first tick at or above `hi`.
    let mut out = vec![first];
    let mut v = first;
    while v < hi - step * 1e-9 && out.len() < 12 {
        v += step;
        out.push(v);
    }
    out
}

/// A tick label on an axis whose largest tick is `top`: `1.5k`, `2M`, `872.7`, `0.25`; one
/// suffix for the whole axis (`8k` beside `10k`, not `8000`).
fn tick_label(v: f64, top: f64) -> String {
    let a = top.abs().max(v.abs());
    let (scaled, suffix) = if a >= 1e9 {
        (v / 1e9, "B")
    } else if a >= 1e6 {
        (v / 1e6, "M")
    } else if a >= 1e4 {
        (v / 1e3, "k")
    } else {
        (v, "")
    };
    format!("{}{suffix}", short((scaled * 100.0).round() / 100.0))
}

fn number(v: &ObsValue) -> Option<f64> {
    v.as_number()
}

/// A period and its value.
type At = (Period, f64);

/// What one indicator's chart draws.
struct Parts<'a> {
    title: &'a str,
    observations: &'a [Observation],
    /// The numeric observations.
    series: Vec<At>,
    base: Option<At>,
    target: Option<At>,
    projection: Option<At>,
}

impl Parts<'_> {
    /// Everything drawn at a period: observations, base, target, projection.
    fn marks(&self) -> impl Iterator<Item = At> + '_ {
        self.series.iter().copied().chain(
            [self.base, self.target, self.projection]
                .into_iter()
                .flatten(),
        )
    }
}

/// The SVG chart of one indicator and the legend of what it draws. `observations` is the
/// headline series as assessed.
pub(crate) fn chart(a: &Assessment, observations: &[Observation], title: &str) -> (String, Legend) {
    let point = |p: &Option<debrief::metrics::Point>| {
        p.as_ref().and_then(|p| Some((p.period, number(&p.value)?)))
    };
    let parts = Parts {
        title,
        observations,
        series: observations
            .iter()
            .filter_map(|o| Some((o.period, number(&o.value)?)))
            .collect(),
        base: point(&a.base),
        target: point(&a.target),
        projection: a.projected.as_ref().map(|p| (p.period, p.value)),
    };
    if parts.series.is_empty() {
        empty(&parts)
    } else {
        plot(&parts)
    }
}

/// No numbers: a strip that says so (a milestone's or category's states in order), with the
/// target if there is one.
fn empty(parts: &Parts<'_>) -> (String, Legend) {
    let labels: Vec<String> = parts
        .observations
        .iter()
        .filter_map(|o| {
            Some(format!(
                "{}: {}",
                o.period,
                o.value.as_label()?.replace('_', " ")
            ))
        })
        .collect();
    let message = if labels.is_empty() {
        "no observations yet".to_owned()
    } else {
        labels.join(" → ")
    };
    let mut svg = String::new();
    let mut legend = Legend::default();
    let _ = write!(
        svg,
        r#"<svg class="chart empty" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {EMPTY_HEIGHT}" width="{WIDTH}" height="{EMPTY_HEIGHT}" role="img"><title>{}</title><rect class="frame" x="0.5" y="0.5" width="{}" height="{}" rx="4"/><text class="empty" x="12" y="{}">{}</text>"#,
        escape(parts.title),
        WIDTH - 1.0,
        EMPTY_HEIGHT - 1.0,
        EMPTY_HEIGHT / 2.0 + 4.0,
        escape(&message)
    );
    if let Some((period, value)) = parts.target {
        let _ = write!(
            svg,
            r#"<text class="target-label" x="{}" y="{}" text-anchor="end">target {} by {period}</text>"#,
            WIDTH - 12.0,
            EMPTY_HEIGHT / 2.0 + 4.0,
            escape(&short(value)),
        );
        legend.target = true;
    }
    svg.push_str("</svg>");
    (svg, legend)
}

/// The scales of a plot: time from the first value to the deadline, values with round ticks.
fn scales(parts: &Parts<'_>) -> (Scale, Scale, Vec<f64>) {
    let (mut t0, mut t1) = (f64::INFINITY, f64::NEG_INFINITY);
    let (mut v0, mut v1) = (f64::INFINITY, f64::NEG_INFINITY);
    for (p, v) in parts.marks() {
        t0 = t0.min(p.time());
        t1 = t1.max(p.time());
        v0 = v0.min(v);
        v1 = v1.max(v);
    }
    if (t1 - t0).abs() < f64::EPSILON {
        t0 -= 0.5;
        t1 += 0.5;
    }
    let pad = ((v1 - v0).abs() * 0.08).max(v1.abs().max(1.0) * 0.02);
    let ys = ticks(v0 - pad, v1 + pad);
    let x = Scale {
        lo: t0,
        hi: t1,
        a: LEFT + 8.0,
        b: WIDTH - RIGHT - 8.0,
    };
    let y = Scale {
        lo: ys.first().copied().unwrap_or(v0),
        hi: ys.last().copied().unwrap_or(v1),
        a: HEIGHT - BOTTOM,
        b: TOP,
    };
    (x, y, ys)
}

/// The value grid with its labels, and the first and last periods drawn.
fn axes(svg: &mut String, parts: &Parts<'_>, x: Scale, y: Scale, ys: &[f64]) {
    let top = ys.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
    for v in ys {
        let py = y.at(*v);
        let _ = write!(
            svg,
            r#"<line class="grid" x1="{LEFT}" y1="{py:.1}" x2="{}" y2="{py:.1}"/><text class="tick" x="{}" y="{:.1}" text-anchor="end">{}</text>"#,
            WIDTH - RIGHT,
            LEFT - 6.0,
            py + 3.5,
            escape(&tick_label(*v, top))
        );
    }
    let mut periods: Vec<Period> = parts.marks().map(|(p, _)| p).collect();
    periods.sort();
    if let (Some(first), Some(last)) = (periods.first(), periods.last()) {
        let _ = write!(
            svg,
            r#"<text class="tick" x="{:.1}" y="{}" text-anchor="start">{first}</text>"#,
            x.at(first.time()) - 8.0,
            HEIGHT - 8.0
        );
        if last != first {
            let _ = write!(
                svg,
                r#"<text class="tick" x="{:.1}" y="{}" text-anchor="end">{last}</text>"#,
                x.at(last.time()) + 8.0,
                HEIGHT - 8.0
            );
        }
    }
}

/// The baseline, the target at its deadline, and the projection from the latest value.
fn guides(svg: &mut String, parts: &Parts<'_>, x: Scale, y: Scale, legend: &mut Legend) {
    if let Some((period, value)) = parts.base {
        legend.baseline = true;
        let py = y.at(value);
        let _ = write!(
            svg,
            r#"<line class="baseline" x1="{LEFT}" y1="{py:.1}" x2="{}" y2="{py:.1}"><title>baseline {period}: {}</title></line>"#,
            WIDTH - RIGHT,
            escape(&short(value))
        );
    }
    if let Some((period, value)) = parts.target {
        legend.target = true;
        let (px, py) = (x.at(period.time()), y.at(value));
        let _ = write!(
            svg,
            r#"<line class="deadline" x1="{px:.1}" y1="{TOP}" x2="{px:.1}" y2="{}"/><line class="target" x1="{LEFT}" y1="{py:.1}" x2="{}" y2="{py:.1}"/><path class="target-mark" d="M{px:.1} {:.1}l5 5l-5 5l-5 -5z"><title>target {period}: {}</title></path>"#,
            HEIGHT - BOTTOM,
            WIDTH - RIGHT,
            py - 5.0,
            escape(&short(value))
        );
    }
    if let (Some((period, value)), Some((last_p, last_v))) = (parts.projection, parts.series.last())
    {
        legend.projection = true;
        let (px, py) = (x.at(period.time()), y.at(value));
        let _ = write!(
            svg,
            r#"<line class="projection" x1="{:.1}" y1="{:.1}" x2="{px:.1}" y2="{py:.1}"/><circle class="projection-mark" cx="{px:.1}" cy="{py:.1}" r="3"><title>projected {period}: {}</title></circle>"#,
            x.at(last_p.time()),
            y.at(*last_v),
            escape(&short(value))
        );
    }
}

/// The observed series: a line and a point per observation, its value and source in a
/// tooltip.
fn series(svg: &mut String, parts: &Parts<'_>, x: Scale, y: Scale) {
    let points: Vec<String> = parts
        .series
        .iter()
        .map(|(p, v)| format!("{:.1},{:.1}", x.at(p.time()), y.at(*v)))
        .collect();
    let _ = write!(
        svg,
        r#"<polyline class="series" points="{}"/>"#,
        points.join(" ")
    );
    for o in parts.observations {
        let Some(v) = number(&o.value) else {
            continue;
        };
        let source = o
            .source
            .as_deref()
            .map(|s| format!(" — {s}"))
            .unwrap_or_default();
        let _ = write!(
            svg,
            r#"<circle class="point" cx="{:.1}" cy="{:.1}" r="3.5"><title>{}: {}{}</title></circle>"#,
            x.at(o.period.time()),
            y.at(v),
            o.period,
            escape(&short(v)),
            escape(&source)
        );
    }
}

/// A line chart of the series with its guides.
fn plot(parts: &Parts<'_>) -> (String, Legend) {
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img"><title>{}</title>"#,
        escape(parts.title)
    );
    let mut legend = Legend {
        series: true,
        ..Legend::default()
    };
    let (x, y, ys) = scales(parts);
    axes(&mut svg, parts, x, y, &ys);
    guides(&mut svg, parts, x, y, &mut legend);
    series(&mut svg, parts, x, y);
    svg.push_str("</svg>");
    (svg, legend)
}

#[cfg(test)]
mod tests {
    use super::*;
    use debrief::metrics::{AssessOptions, Catalog, assess};

    fn assessed(toml: &str) -> (Assessment, Vec<Observation>) {
        let catalog = Catalog::from_toml(toml).unwrap();
        let report = assess(&catalog, &AssessOptions::default());
        let points = catalog.indicators[0]
            .headline()
            .map(|s| s.points().to_vec())
            .unwrap_or_default();
        (report.indicators[0].clone(), points)
    }

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        assert_eq!(ticks(0.0, 10.0), [0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        assert_eq!(ticks(23.0, 52.0), [20.0, 30.0, 40.0, 50.0, 60.0]);
        // The last tick is at or above the highest value: nothing is drawn off the plot.
        assert_eq!(
            ticks(9_600.0, 19_500.0),
            [
                8_000.0, 10_000.0, 12_000.0, 14_000.0, 16_000.0, 18_000.0, 20_000.0
            ]
        );
        assert_eq!(tick_label(18_000.0, 20_000.0), "18k");
        assert_eq!(tick_label(8_000.0, 20_000.0), "8k");
        assert_eq!(tick_label(1.6e9, 1.6e9), "1.6B");
        assert_eq!(tick_label(0.25, 1.0), "0.25");
    }

    #[test]
    fn a_chart_draws_series_baseline_target_and_projection() {
        let (a, obs) = assessed(
            r#"[[indicator]]
id = "x"
name = "X <&>"
unit = "percent"
direction = "decrease"
method = "unsd-2023"
baseline = { period = "2015", value = 50.0 }
target = { period = "2030", value = 25.0 }
observations = [{ period = "2015", value = 50.0 }, { period = "2022", value = 45.0, source = "A & B" }]
"#,
        );
        let (svg, legend) = chart(&a, &obs, "X <&>");
        assert_eq!(
            legend,
            Legend {
                series: true,
                baseline: true,
                target: true,
                projection: true
            }
        );
        assert!(svg.starts_with("<svg class=\"chart\""), "{svg}");
        assert!(svg.contains("<title>X &lt;&amp;&gt;</title>"), "{svg}");
        assert!(svg.contains("2022: 45 — A &amp; B"), "{svg}");
        assert_eq!(svg.matches("<circle class=\"point\"").count(), 2);
        assert!(svg.contains("class=\"projection\""));
        assert!(svg.contains("target 2030: 25"));
        // The projection starts at the latest point and ends at the deadline's x.
        assert!(svg.contains("projected 2030: 39.895"), "{svg}");
        assert!(svg.ends_with("</svg>"));
    }

    #[test]
    fn no_observations_is_said_in_the_chart() {
        let (a, obs) = assessed(
            "[[indicator]]\nid = \"x\"\nname = \"X\"\nunit = \"count\"\ndirection = \"increase\"\n",
        );
        let (svg, legend) = chart(&a, &obs, "X");
        assert!(svg.contains("no observations yet"));
        assert_eq!(legend, Legend::default());
        let (a, obs) = assessed(
            "[[indicator]]\nid = \"m\"\nname = \"M\"\nmeasure = \"milestone\"\n\
             observations = [{ period = \"2013\", value = \"in_progress\" }]\n",
        );
        let (svg, _) = chart(&a, &obs, "M");
        assert!(svg.contains("2013: in progress"), "{svg}");
    }
}
