//! Running the `debrief` binary as a user would, from the workspace root, for every CLI test
//! file.

#![allow(dead_code, clippy::expect_used, clippy::unwrap_used)] // each test file uses a part

use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// The workspace root, where the tests run the binary.
pub(crate) const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// Runs `debrief ARGS` with empty standard input.
pub(crate) fn debrief(args: &[&str]) -> Output {
    run(args, None, &[])
}

/// Runs `debrief ARGS` with `stdin` on standard input and `env` set.
pub(crate) fn run(args: &[&str], stdin: Option<&[u8]>, env: &[(&str, &str)]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_debrief"))
        .args(args)
        .current_dir(ROOT)
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the debrief binary runs");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or_default()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

/// Standard output of a run that must have succeeded (standard error shown if not).
pub(crate) fn ok(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// Standard error of a run that must have exited with `code`.
pub(crate) fn fails(out: &Output, code: i32) -> String {
    assert_eq!(
        out.status.code(),
        Some(code),
        "stdout: {}\nstderr: {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// A fresh scratch directory for one test.
pub(crate) fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("debrief-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The corpus (`$DEBRIEF_CORPUS`, else `../shared/corpus`), or `None` with a visible message.
pub(crate) fn corpus() -> Option<PathBuf> {
    let dir = std::env::var_os("DEBRIEF_CORPUS").map_or_else(
        || {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../shared/corpus"
            ))
        },
        PathBuf::from,
    );
    if dir.is_dir() {
        Some(dir)
    } else {
        let _ = writeln!(std::io::stderr(), "SKIPPED: no corpus at {}", dir.display());
        None
    }
}

/// The path as a `&str` argument.
pub(crate) fn arg(path: &std::path::Path) -> &str {
    path.to_str().unwrap()
}
