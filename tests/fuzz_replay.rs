//! Replays every committed fuzz input — the seed corpora in `fuzz/seeds/<target>/` and the
//! reproducers of past findings in `fuzz/regressions/<target>/` — through the same checks the
//! cargo-fuzz targets run (`tests/support/fuzz_checks.rs`), on the stable toolchain, in CI.
#![allow(clippy::expect_used, clippy::unwrap_used)]

#[path = "support/fuzz_checks.rs"]
mod fuzz_checks;

use std::path::Path;

/// Runs `check` on every file of `fuzz/<kind>/<target>/`; returns how many there were.
fn replay(kind: &str, target: &str, check: fuzz_checks::Check) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(kind)
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return 0;
    };
    let mut files: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
    files.sort();
    for f in &files {
        let data = std::fs::read(f).unwrap();
        if let Err(finding) = check(&data) {
            panic!("{}: {finding}", f.display());
        }
    }
    files.len()
}

#[test]
fn every_seed_passes_its_target() {
    for (target, check) in fuzz_checks::TARGETS {
        let n = replay("seeds", target, check);
        assert!(
            n >= 5,
            "fuzz/seeds/{target} has its seeds ({n}); run fuzz/make-seeds.py"
        );
    }
}

#[test]
fn every_past_finding_stays_fixed() {
    for (target, check) in fuzz_checks::TARGETS {
        replay("regressions", target, check);
    }
}
