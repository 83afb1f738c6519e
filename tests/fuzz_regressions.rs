//! Every input kept in `fuzz/regressions/<target>/` (findings of `make fuzz`, and a few seeds so
//! that no target goes untested) runs through the same entry points as the fuzz targets: none
//! may panic.
#![cfg(feature = "ssr")]

use std::fs;
use std::path::{Path, PathBuf};

use trust_center::fuzzing;

fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{}: no inputs kept", dir.display());
    files
}

#[test]
fn markdown_regressions() {
    for file in inputs("markdown") {
        fuzzing::markdown(&fs::read(&file).unwrap());
    }
}

#[test]
fn content_regressions() {
    let fixture = fuzzing::ContentFixture::new(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xss-content"),
    )
    .unwrap();
    assert!(fixture.files().len() > 10);
    for file in inputs("content") {
        fixture.run(&fs::read(&file).unwrap());
    }
}

#[test]
fn questionnaire_regressions() {
    for file in inputs("questionnaire") {
        fuzzing::questionnaire(&fs::read(&file).unwrap());
    }
}
