//! Fuzz target `formula`: see `fuzz_checks::formula` (`tests/support/fuzz_checks.rs`), which the
//! stable test `tests/fuzz_replay.rs` also runs over the committed seeds and regressions.
#![no_main]
#![forbid(unsafe_code)]

#[path = "../../tests/support/fuzz_checks.rs"]
mod fuzz_checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(finding) = fuzz_checks::formula(data) {
        panic!("{finding}");
    }
});
