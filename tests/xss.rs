//! The XSS corpus (`tests/fixtures/xss-content`, hostile text in every field a visitor sees)
//! builds into a site where none of it is markup: read back with a real HTML parser, no page has
//! a script, an event handler or a script URL that came from content, and the hostile text is
//! shown as text. The end-to-end test (`tests/e2e/xss.test.mjs`) runs the same site in Chromium.
#![cfg(feature = "ssr")]

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use scraper::{ElementRef, Html, Selector};
use trust_center::model::Date;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xss-content")
}

fn built() -> &'static Path {
    static SITE: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    SITE.get_or_init(|| common::build_site("xss-corpus", &corpus()))
}

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
}

/// A URL a browser would run as script or as a document of its own: `javascript:`,
/// `vbscript:`, `data:` (spaces and control characters are ignored by browsers, so by us too).
fn is_script_url(value: &str) -> bool {
    let squeezed: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| squeezed.starts_with(s))
}

/// What is wrong with one parsed document or fragment.
fn problems(doc: &Html, allowed_scripts: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    let all = Selector::parse("*").unwrap();
    for e in doc.select(&all) {
        let name = e.value().name();
        match name {
            "script" => {
                let src = e.value().attr("src").unwrap_or("");
                let inline = e.text().collect::<String>();
                if !allowed_scripts.contains(&src) || !inline.trim().is_empty() && src.is_empty() {
                    found.push(format!("<script src={src:?}>{inline}"));
                }
            }
            // Forms are the app's own (search, subscribe); a script URL in one is caught below.
            "iframe" | "object" | "embed" | "base" | "frame" | "applet" => {
                found.push(format!("<{name}> element"))
            }
            "meta" if e.value().attr("http-equiv").is_some() => {
                found.push("<meta http-equiv>".into())
            }
            "style" if inside_body(e) => found.push("<style> in the body".into()),
            _ => {}
        }
        for (attr, value) in e.value().attrs() {
            if attr.starts_with("on") {
                found.push(format!("<{name} {attr}={value:?}>"));
            }
            if matches!(
                attr,
                "href" | "src" | "action" | "formaction" | "data" | "srcdoc" | "xlink:href"
            ) && (is_script_url(value) || attr == "srcdoc")
            {
                found.push(format!("<{name} {attr}={value:?}>"));
            }
        }
    }
    found
}

fn inside_body(e: ElementRef<'_>) -> bool {
    e.ancestors()
        .filter_map(ElementRef::wrap)
        .any(|a| a.value().name() == "body")
}

#[test]
fn no_page_runs_or_links_to_anything_from_the_corpus() {
    let site = built();
    let mut pages = Vec::new();
    files(site, "html", &mut pages);
    assert!(pages.len() >= 12, "{} pages", pages.len());
    let mut all = Vec::new();
    for page in &pages {
        let doc = Html::parse_document(&fs::read_to_string(page).unwrap());
        // Standalone documents carry no app at all.
        for p in problems(&doc, &[common::APP_SCRIPT]) {
            all.push(format!(
                "{}: {p}",
                page.strip_prefix(site).unwrap().display()
            ));
        }
    }
    assert!(all.is_empty(), "{all:#?}");
}

/// The app renders some views from the page data (`_data/**.json`) after hydration: its HTML
/// fields are as clean as the pages, and hostile text in it is still valid JSON.
#[test]
fn page_data_is_valid_json_whose_html_is_clean() {
    let site = built();
    let mut data = Vec::new();
    files(&site.join("_data"), "json", &mut data);
    assert!(data.len() >= 10);
    let mut all = Vec::new();
    for file in &data {
        let value: serde_json::Value = serde_json::from_str(&fs::read_to_string(file).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let mut html = Vec::new();
        html_fields(&value, "", &mut html);
        for (key, fragment) in html {
            for p in problems(&Html::parse_fragment(&fragment), &[]) {
                all.push(format!("{}: {key}: {p}", file.display()));
            }
        }
    }
    assert!(all.is_empty(), "{all:#?}");
}

fn html_fields(value: &serde_json::Value, key: &str, out: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::String(s) if key.ends_with("_html") || key == "html" => {
            out.push((key.to_owned(), s.clone()))
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| html_fields(v, key, out)),
        serde_json::Value::Object(map) => map.iter().for_each(|(k, v)| html_fields(v, k, out)),
        _ => {}
    }
}

/// Feeds carry the change reasons and updates as HTML for feed readers: clean too.
#[test]
fn feeds_carry_no_script_from_the_corpus() {
    let site = built();
    let mut checked = 0;
    for feed in ["subprocessors/changes.atom", "updates/feed.atom"] {
        let parsed = feed_rs::parser::parse(&fs::read(site.join(feed)).unwrap()[..]).unwrap();
        for entry in parsed.entries {
            let body = entry.content.and_then(|c| c.body).unwrap_or_default();
            let found = problems(&Html::parse_fragment(&body), &[]);
            assert!(found.is_empty(), "{feed}: {found:#?}");
            checked += 1;
        }
    }
    assert!(checked >= 2);
}

/// What the authors wrote is shown, as text: a visitor sees the angle brackets.
#[test]
fn hostile_text_is_shown_as_text() {
    let site = built();
    let text = |path: &str, css: &str| -> String {
        let doc = Html::parse_document(&fs::read_to_string(site.join(path)).unwrap());
        doc.select(&Selector::parse(css).unwrap())
            .map(|e| e.text().collect::<String>())
            .collect::<Vec<_>>()
            .join(" ")
    };
    for (path, css, expected) in [
        (
            "index.html",
            ".brand-name",
            r#"Evil<script>__xss("org-name")</script>"#,
        ),
        (
            "index.html",
            "main h1",
            r#"Overview"><script>__xss("page-title")</script>"#,
        ),
        (
            "index.html",
            "title",
            r#"Evil<script>__xss("org-name")</script>"><img src=data:,"#,
        ),
        (
            "faq/index.html",
            "main",
            r#"Is data encrypted"><img src=data:, onerror=__xss("question")>?"#,
        ),
        (
            "certifications/index.html",
            "main h2",
            r#"ISO <script>__xss("cert-name")</script>"#,
        ),
        (
            "subprocessors/index.html",
            "main",
            r#"Mailer<script>__xss("sub-name")</script>"#,
        ),
        (
            "documents/dpa/index.html",
            "main h1",
            r#"Data Processing Agreement</title><script>__xss("doc-title")</script>"#,
        ),
        ("index.html", "main", r#"<script>__xss("md-code")</script>"#),
    ] {
        let shown = text(path, css);
        assert!(
            shown.contains(expected),
            "{path} {css}: {expected:?} not in {shown:?}"
        );
    }
}

/// URL fields are checked before anything is built: a script URL there is an error, with file
/// and line, not a link on the site.
#[test]
fn script_urls_in_url_fields_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("content");
    copy_dir(&corpus(), &dir);
    let org = dir.join("organization.toml");
    let text = fs::read_to_string(&org).unwrap().replace(
        "website = \"https://example.com\"",
        "website = \"javascript:__xss('website')\"",
    );
    fs::write(&org, text).unwrap();
    let mailer = dir.join("subprocessors/mailer.toml");
    let text = fs::read_to_string(&mailer).unwrap().replace(
        "contact = \"privacy@mailer.example.com\"",
        "contact = \"javascript:__xss('contact')\"",
    );
    fs::write(&mailer, text).unwrap();
    let err = trust_center::load::load(&dir, Date::ymd(2026, 11, 22)).unwrap_err();
    let shown = err.to_string();
    for expected in [
        "organization.toml:8:11: error: `website` must be an https:// address",
        "subprocessors/mailer.toml:7:11: error: `contact` must be an email address or an https:// address",
    ] {
        assert!(shown.contains(expected), "{expected} not in {shown}");
    }
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}
