//! The report as one self-contained HTML page: inline CSS, inline SVG charts, no script and
//! nothing fetched. Rendered with minijinja from `report.html`; the template's name ends in
//! `.html`, so every value is HTML-escaped unless the template marks it safe (only the charts,
//! which escape their own text).

use minijinja::Environment;
use minijinja::value::{Serde, Value};

use super::View;

/// The page's template, compiled into the binary.
const TEMPLATE: &str = include_str!("report.html");

/// The HTML page.
pub(crate) fn render(view: &View) -> anyhow::Result<String> {
    let mut env = Environment::new();
    env.add_template("report.html", TEMPLATE)?;
    let page = env
        .get_template("report.html")?
        .render(Value::from(Serde(view)))?;
    Ok(page)
}
