//! Shared by the native integration tests: the example trust center built once per test binary.

use std::fs;
use std::path::{Path, PathBuf};

use trust_center::model::Date;
use trust_center::publish::{self, BuildOptions, BODY_MARKER, HEAD_MARKER};

/// The example content, built as of 2026-11-22 with a stand-in for Trunk's output (a template
/// with the markers and one stylesheet), into a directory that lives as long as the process.
pub fn example_site() -> &'static Path {
    static SITE: std::sync::OnceLock<(tempfile::TempDir, PathBuf)> = std::sync::OnceLock::new();
    &SITE
        .get_or_init(|| {
            let tmp = tempfile::tempdir().unwrap();
            let app = tmp.path().join("app");
            fs::create_dir_all(&app).unwrap();
            fs::write(
                app.join("index.html"),
                format!("<!DOCTYPE html><html lang=\"en\"><head>{HEAD_MARKER}</head><body>{BODY_MARKER}</body></html>"),
            )
            .unwrap();
            fs::write(app.join("main-0123.css"), "main { max-width: 60rem }").unwrap();
            let out = tmp.path().join("dist");
            publish::build(&BuildOptions {
                content: Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
                app,
                out: out.clone(),
                today: Date::ymd(2026, 11, 22),
            })
            .unwrap();
            (tmp, out)
        })
        .1
}
