//! The command line as a content author uses it: exit codes, where messages go, and a failed
//! build that leaves the published site alone.
#![cfg(feature = "ssr")]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn trustctl(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_trustctl"))
        .args(args)
        .env("TRUST_TODAY", "2026-11-22")
        .output()
        .expect("trustctl runs")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn check_passes_on_the_example_content() {
    let out = trustctl(&["check", root().join("content").to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("content of Quillfeather is valid"),
        "{stdout}"
    );
    assert!(stdout.contains("links resolve"), "{stdout}");
}

#[test]
fn check_reports_on_one_line_whatever_the_organization_is_called() {
    // The hostile corpus's name holds a line break followed by a security.txt field.
    let out = trustctl(&[
        "check",
        root().join("tests/fixtures/xss-content").to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.contains("is valid ("), "{stdout}");
}

#[test]
fn check_fails_with_every_error_on_stderr() {
    let case = root().join("tests/fixtures/invalid/bad-values");
    let out = trustctl(&["check", case.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    let expected = fs::read_to_string(case.with_extension("expected.txt")).unwrap();
    assert_eq!(stderr, expected);
    assert!(out.stdout.is_empty());
}

#[test]
fn a_failed_build_leaves_the_previous_site_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let app = tmp.path().join("app");
    fs::create_dir_all(&app).unwrap();
    fs::write(
        app.join("index.html"),
        "<!DOCTYPE html><html><head><!--trust:head--></head><body><!--trust:body--></body></html>",
    )
    .unwrap();
    let out_dir = tmp.path().join("site");
    let build = |content: &Path| {
        trustctl(&[
            "build",
            "--content",
            content.to_str().unwrap(),
            "--app",
            app.to_str().unwrap(),
            "--out",
            out_dir.to_str().unwrap(),
        ])
    };
    let ok = build(&root().join("content"));
    assert!(ok.status.success(), "{}", text(&ok.stderr));
    let before = fs::read_to_string(out_dir.join("index.html")).unwrap();

    let failed = build(&root().join("tests/fixtures/invalid/short-notice"));
    assert_eq!(failed.status.code(), Some(1));
    let stderr = text(&failed.stderr);
    assert!(
        stderr.contains("subprocessor-changes.toml:4:13: error:"),
        "{stderr}"
    );
    assert!(stderr.ends_with("left unchanged\n"), "{stderr}");
    assert_eq!(
        fs::read_to_string(out_dir.join("index.html")).unwrap(),
        before
    );
}

#[test]
fn new_writes_a_directory_that_check_accepts() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("trust");
    let out = trustctl(&["new", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let check = trustctl(&["check", dir.to_str().unwrap()]);
    assert!(check.status.success(), "{}", text(&check.stderr));
    assert!(
        check.stderr.is_empty(),
        "no warnings: {}",
        text(&check.stderr)
    );
    let again = trustctl(&["new", dir.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again.stderr).contains("already exists and is not empty"));
}

/// A trust center started with `trustctl new` has no copy of the reference that check's hints
/// point to: `reference -` prints the one the repository commits.
#[test]
fn the_content_reference_prints_to_standard_output() {
    let out = trustctl(&["reference", "-"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        fs::read_to_string(root().join("docs/content-reference.md")).unwrap()
    );
}
