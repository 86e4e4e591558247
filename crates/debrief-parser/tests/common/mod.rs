//! Helpers shared by the integration tests.
#![allow(clippy::expect_used, clippy::unwrap_used, dead_code)]

use debrief_parser::Document;

/// Checks every invariant of `doc` over `src` ([`debrief_parser::check::verify`]), panicking
/// with the violation and a short excerpt of the input around it.
pub(crate) fn check(src: &str, doc: &Document<'_>) {
    if let Err(v) = debrief_parser::check::verify(src, doc) {
        let from = src.floor_char_boundary(v.span.start.saturating_sub(40));
        let to = src.ceil_char_boundary((v.span.end + 40).min(src.len()));
        panic!("{v}\ninput around it: {:?}", &src[from..to]);
    }
}
