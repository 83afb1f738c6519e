//! Shared by the native integration tests: the example trust center built once per test binary.

use std::fs;
use std::path::{Path, PathBuf};

use trust_center::model::Date;
use trust_center::publish::{self, BuildOptions, BODY_MARKER, HEAD_MARKER};

/// The example content, built as of 2026-11-22 with a stand-in for Trunk's output, once per test
/// binary.
#[allow(dead_code)] // each test binary compiles this module; not all of them use the example
pub fn example_site() -> &'static Path {
    static SITE: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    SITE.get_or_init(|| {
        build_site(
            "example",
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        )
    })
}

/// The script the stand-in app loads (the only script a page may have besides content's none).
pub const APP_SCRIPT: &str = "/app.js";

/// Builds `content` as of 2026-11-22 with a stand-in for Trunk's output (a template with the
/// markers, one module script and one stylesheet) into `<name>-<test binary>` under Cargo's
/// scratch directory for integration tests (inside `target/`), replacing the previous run's: a
/// temporary directory held in a static would never be dropped and every run would leave a site
/// behind in the system's temp directory.
pub fn build_site(name: &str, content: &Path) -> PathBuf {
    let binary = std::env::current_exe()
        .ok()
        .and_then(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        // `site-adf2284ce2599bef`: the same directory whatever the build's hash.
        .map(|stem| {
            stem.rsplit_once('-')
                .map_or(stem.clone(), |(name, _)| name.to_owned())
        })
        .unwrap_or_else(|| "tests".into());
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-{binary}"));
    let app = root.join("app");
    fs::create_dir_all(&app).unwrap();
    fs::write(
        app.join("index.html"),
        format!("<!DOCTYPE html><html lang=\"en\"><head><script type=\"module\" src=\"{APP_SCRIPT}\"></script>{HEAD_MARKER}</head><body>{BODY_MARKER}</body></html>"),
    )
    .unwrap();
    fs::write(app.join("app.js"), "// app").unwrap();
    // A rule for the pages' header, which standalone documents do not have.
    fs::write(
        app.join("main-0123.css"),
        "main { max-width: 60rem }\n.site-header { border: 0 }",
    )
    .unwrap();
    let out = root.join("dist");
    publish::build(&BuildOptions {
        content: content.to_owned(),
        app,
        out: out.clone(),
        today: Date::ymd(2026, 11, 22),
    })
    .unwrap_or_else(|e| panic!("{}: {e}", content.display()));
    out
}
