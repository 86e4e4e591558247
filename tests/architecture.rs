//! Checks the dependency direction written down in docs/ARCHITECTURE.md:
//! parser ← model; metrics depends on neither; the facade and the CLI on all three; nothing
//! depends on the CLI; no library crate depends on CLI-only crates.

#![allow(clippy::expect_used, clippy::unwrap_used)] // a panic in a test helper is a failed test

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

/// Normal (non-dev) dependencies of every workspace package, by package name.
fn workspace_dependencies() -> BTreeMap<String, BTreeSet<String>> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let out = Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).expect("metadata is JSON");
    let mut deps = BTreeMap::new();
    for pkg in meta["packages"].as_array().expect("packages") {
        let name = pkg["name"].as_str().expect("name").to_owned();
        let normal = pkg["dependencies"]
            .as_array()
            .expect("dependencies")
            .iter()
            .filter(|d| d["kind"].is_null() || d["kind"] == "build")
            .map(|d| d["name"].as_str().expect("dep name").to_owned())
            .collect();
        deps.insert(name, normal);
    }
    deps
}

fn internal(deps: &BTreeSet<String>) -> BTreeSet<&str> {
    deps.iter()
        .map(String::as_str)
        .filter(|d| d.starts_with("debrief"))
        .collect()
}

#[test]
fn dependency_direction() {
    let deps = workspace_dependencies();
    let expected: [(&str, &[&str]); 5] = [
        ("debrief-parser", &[]),
        ("debrief-model", &["debrief-parser"]),
        ("debrief-metrics", &[]),
        (
            "debrief",
            &["debrief-metrics", "debrief-model", "debrief-parser"],
        ),
        (
            "debrief-cli",
            &[
                "debrief",
                "debrief-metrics",
                "debrief-model",
                "debrief-parser",
            ],
        ),
    ];
    assert_eq!(
        deps.len(),
        expected.len(),
        "workspace members changed: {:?}",
        deps.keys()
    );
    for (pkg, allowed) in expected {
        let actual = internal(&deps[pkg]);
        let allowed: BTreeSet<&str> = allowed.iter().copied().collect();
        assert_eq!(
            actual, allowed,
            "{pkg} depends on {actual:?}, the architecture allows {allowed:?}"
        );
    }
}

#[test]
fn libraries_have_no_cli_only_dependencies() {
    let deps = workspace_dependencies();
    let cli_only = [
        "clap",
        "anyhow",
        "indicatif",
        "comfy-table",
        "minijinja",
        "anstream",
        "rayon",
    ];
    for lib in [
        "debrief",
        "debrief-parser",
        "debrief-model",
        "debrief-metrics",
    ] {
        for dep in cli_only {
            assert!(
                !deps[lib].contains(dep),
                "library {lib} depends on CLI-only crate {dep}"
            );
        }
    }
}

#[test]
fn every_crate_forbids_unsafe_code() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut roots: Vec<String> = [
        "src/lib.rs",
        "crates/debrief-parser/src/lib.rs",
        "crates/debrief-model/src/lib.rs",
        "crates/debrief-metrics/src/lib.rs",
        "crates/debrief-cli/src/main.rs",
    ]
    .map(str::to_owned)
    .to_vec();
    // The fuzz targets (their own workspace, built with nightly) too.
    let targets = std::fs::read_dir(format!("{root}/fuzz/fuzz_targets")).expect("fuzz targets");
    let before = roots.len();
    roots.extend(targets.map(|e| {
        let name = e.expect("readable entry").file_name();
        format!("fuzz/fuzz_targets/{}", name.to_string_lossy())
    }));
    assert_eq!(roots.len() - before, 5, "five fuzz targets");
    for file in roots {
        let text = std::fs::read_to_string(format!("{root}/{file}")).expect("crate root readable");
        assert!(
            text.contains("#![forbid(unsafe_code)]"),
            "{file} lacks #![forbid(unsafe_code)]"
        );
    }
}

/// Every `file::test` the invariants table of `docs/ARCHITECTURE.md` names exists (a test
/// function of that name in that file), and every fuzz target it names is a file.
#[test]
fn invariants_name_real_tests() {
    let root = env!("CARGO_MANIFEST_DIR");
    let doc = std::fs::read_to_string(format!("{root}/docs/ARCHITECTURE.md")).expect("docs");
    let section = doc
        .split("## Invariants")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("an Invariants section");
    let mut named = 0;
    for code in section.split('`').skip(1).step_by(2) {
        if let Some((file, test)) = code.split_once("::") {
            if !std::path::Path::new(&format!("{root}/{file}")).is_file() {
                continue; // a Rust path such as `debrief_parser::check::verify`
            }
            let text = std::fs::read_to_string(format!("{root}/{file}")).expect("readable");
            assert!(
                text.contains(&format!("fn {test}(")),
                "docs/ARCHITECTURE.md names {file}::{test}, which does not exist"
            );
            named += 1;
        } else if code.starts_with("fuzz/fuzz_targets/") {
            assert!(
                std::path::Path::new(&format!("{root}/{code}")).is_file(),
                "docs/ARCHITECTURE.md names {code}, which does not exist"
            );
            named += 1;
        }
    }
    assert!(named >= 30, "the table names {named} tests and targets");
}

/// No nom type in a public API: no line of the library crates' sources that declares a public
/// item (`pub` without a restriction) or re-exports one mentions `nom::` or nom's `IResult`.
/// Items declared `pub` inside private modules are caught too: the check errs on the strict side.
#[test]
fn no_nom_type_in_a_public_signature() {
    fn walk(dir: &std::path::Path, files: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("readable source folder") {
            let path = entry.expect("readable entry").path();
            if path.is_dir() {
                walk(&path, files);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for krate in ["debrief-parser", "debrief-model", "debrief-metrics"] {
        walk(&root.join("crates").join(krate).join("src"), &mut files);
    }
    walk(&root.join("src"), &mut files);
    assert!(files.len() > 10, "the library sources were found");
    let mut offenders = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("readable source");
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_start();
            let public = line.starts_with("pub ") || line.starts_with("pub use");
            if public && (line.contains("nom::") || line.contains("IResult")) {
                offenders.push(format!("{}:{}: {line}", file.display(), n + 1));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "nom in a public item:\n{}",
        offenders.join("\n")
    );
}
