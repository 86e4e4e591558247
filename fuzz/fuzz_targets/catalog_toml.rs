//! Fuzz target `catalog_toml`: see `fuzz_checks::catalog_toml` (`tests/support/fuzz_checks.rs`), which the
//! stable test `tests/fuzz_replay.rs` also runs over the committed seeds and regressions.
#![no_main]
#![forbid(unsafe_code)]

#[path = "../../tests/support/fuzz_checks.rs"]
mod fuzz_checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(finding) = fuzz_checks::catalog_toml(data) {
        panic!("{finding}");
    }
});
