//! What each fuzz target checks, written once: the cargo-fuzz targets in `fuzz/` include this
//! file (`#[path]`), and `tests/fuzz_replay.rs` runs the committed seeds and regression inputs
//! through the same functions on the stable toolchain.
//!
//! Each check takes arbitrary bytes and returns `Err` with a description when a property is
//! broken; a panic inside the libraries is a finding too.

// Each includer uses its own subset of the checks.
#![allow(dead_code)]

use debrief::metrics::{AssessOptions, Catalog, Error, Formula, Unit, assess};
use debrief::parser::{self, BytesDocument, ParseOptions, check::verify};

/// The targets, by name, as the fuzz crate and the seed folders call them.
/// A check: bytes in, a description of the broken property out.
pub(crate) type Check = fn(&[u8]) -> Result<(), String>;

pub(crate) const TARGETS: [(&str, Check); 5] = [
    ("parse_bytes", parse_bytes),
    ("formula", formula),
    ("catalog_toml", catalog_toml),
    ("observations_csv", observations_csv),
    ("roundtrip", roundtrip),
];

/// Bytes → `parse_bytes`: a document keeps every invariant (`check::verify`); an error points at
/// the first invalid byte. With `lossy`, the repaired text parses to a valid document too and
/// every `invalid-utf8` diagnostic lies inside the original bytes.
pub(crate) fn parse_bytes(data: &[u8]) -> Result<(), String> {
    match parser::parse_bytes(data) {
        Ok(doc) => verify(doc.source(), &doc).map_err(|v| v.to_string())?,
        Err(e) => {
            let first_bad =
                std::str::from_utf8(data).map_or_else(|u| u.valid_up_to(), |_| usize::MAX);
            if e.offset() != first_bad {
                return Err(format!(
                    "error at byte {} but the first invalid byte is {first_bad}",
                    e.offset()
                ));
            }
        }
    }
    match parser::parse_bytes_with(data, &ParseOptions::default().lossy(true)) {
        Ok(BytesDocument::Borrowed(doc)) => verify(doc.source(), &doc).map_err(|v| v.to_string()),
        Ok(BytesDocument::Lossy { text, diagnostics }) => {
            if diagnostics.is_empty() {
                return Err("lossy decoding replaced bytes but recorded no diagnostic".into());
            }
            if let Some(d) = diagnostics
                .iter()
                .find(|d| d.span.end > data.len() || d.span.is_empty())
            {
                return Err(format!(
                    "invalid-utf8 diagnostic {:?} outside the input",
                    d.span
                ));
            }
            let doc = parser::parse(&text);
            verify(&text, &doc).map_err(|v| format!("lossy text: {v}"))
        }
        Err(e) => Err(format!("lossy parse failed: {e}")),
    }
}

/// A unit for a formula variable, chosen from its name so that inputs can steer unit checks;
/// names starting with `x` are unknown.
fn unit_of(name: &str) -> Option<Unit> {
    match name.bytes().next()? {
        b'x' => None,
        b'p' => Some(Unit::PERCENT),
        b'u' => Some(Unit::USD),
        b'd' => Some(Unit::DAYS),
        b'm' => Some(Unit::MILES),
        b's' => Some(Unit::SHARE),
        _ => Some(Unit::COUNT),
    }
}

/// An error's span lies inside `text` on character boundaries, and rendering it works.
fn positioned(what: &str, text: &str, err: &Error) -> Result<(), String> {
    let Some(span) = err.span() else {
        return Ok(());
    };
    if text.get(span.range()).is_none() {
        return Err(format!(
            "{what} error `{err}` at {:?}, outside the {}-byte text or off a character boundary",
            span.range(),
            text.len()
        ));
    }
    let _ = err.render(what, text);
    Ok(())
}

/// The formula language: parsing never panics and errors point inside the formula; a parsed
/// formula's variables are spans of its text; unit checking and evaluation never panic and
/// unit errors point inside the formula.
pub(crate) fn formula(data: &[u8]) -> Result<(), String> {
    let Ok(text) = std::str::from_utf8(data) else {
        return Ok(());
    };
    match Formula::parse(text) {
        Err(e) => positioned("formula", text, &e),
        Ok(f) => {
            for (name, span) in f.variables() {
                let Some(slice) = text.get(span.range()) else {
                    return Err(format!(
                        "variable `{name}` at {:?}, outside the text",
                        span.range()
                    ));
                };
                if !slice.contains(name) {
                    return Err(format!("variable `{name}` has span text {slice:?}"));
                }
            }
            if let Err(e) = f.unit(unit_of) {
                positioned("formula", text, &e)?;
            }
            let _ =
                f.eval(|name| Some(f64::from(u8::try_from(name.len()).unwrap_or(u8::MAX)) - 2.0));
            Ok(())
        }
    }
}

/// The TOML catalog loader: never panics, errors are positioned inside the text; a catalog
/// that loads can be assessed, and written back to TOML that loads again.
pub(crate) fn catalog_toml(data: &[u8]) -> Result<(), String> {
    let Ok(text) = std::str::from_utf8(data) else {
        return Ok(());
    };
    match Catalog::from_toml(text) {
        Err(e) => positioned("catalog", text, &e),
        Ok(catalog) => {
            let _ = assess(&catalog, &AssessOptions::default());
            let written = catalog
                .to_toml()
                .map_err(|e| format!("to_toml failed: {e}"))?;
            Catalog::from_toml(&written)
                .map(|_| ())
                .map_err(|e| format!("written catalog does not load again: {e}\n{written}"))
        }
    }
}

/// The seed catalog, which the observation CSVs are loaded into.
const SEED_CATALOG: &str = include_str!("../../examples/data/border-security-catalog.toml");

/// The observations CSV loader (into the seed catalog): never panics, errors positioned inside
/// the text; a loaded catalog can be assessed.
pub(crate) fn observations_csv(data: &[u8]) -> Result<(), String> {
    let Ok(text) = std::str::from_utf8(data) else {
        return Ok(());
    };
    let mut catalog = Catalog::from_toml(SEED_CATALOG).map_err(|e| format!("seed catalog: {e}"))?;
    if let Err(e) = catalog.load_observations_csv(text) {
        return positioned("observations", text, &e);
    }
    let _ = assess(&catalog, &AssessOptions::default());
    Ok(())
}

/// How many rounds of `to_text ∘ parse` the rendering may take to stop changing.
const ROUNDS: usize = 4;

/// `parse → to_text → parse` is stable, in the form that holds for any input: every parse
/// keeps the invariants, and the text rendering reaches a fixed point within [`ROUNDS`] rounds
/// (`to_text(parse(r)) == r`).
///
/// One round may change blocks for arbitrary input, by design of the format: a block that does
/// not end like a sentence or a heading (a stray `2`) is joined to the next one across the blank
/// line of the rendering (the column-break repair); a paragraph that opens with `1.` reads as a
/// list item once it stands at a line start; and a footnote loses the glued marker that was its
/// evidence (the rendering leaves markers out), so it reads as a paragraph the next round and
/// may then be joined (found by this target: `fuzz/regressions/roundtrip/`). Each such change
/// removes structure, so the rendering converges; "the second parse has the first's kinds and
/// texts" is checked only on the structured inputs of the parser's property tests
/// (`parsing_the_text_rendering_is_stable`).
pub(crate) fn roundtrip(data: &[u8]) -> Result<(), String> {
    let Ok(src) = std::str::from_utf8(data) else {
        return Ok(());
    };
    let first = parser::parse(src);
    verify(src, &first).map_err(|v| format!("first parse: {v}"))?;
    let mut rendering = first.to_text();
    for round in 1..=ROUNDS {
        let doc = parser::parse(&rendering);
        verify(&rendering, &doc).map_err(|v| format!("parse of rendering {round}: {v}"))?;
        let next = doc.to_text();
        if next == rendering {
            return Ok(());
        }
        rendering = next;
    }
    Err(format!(
        "the rendering still changes after {ROUNDS} rounds: {rendering:?}"
    ))
}
