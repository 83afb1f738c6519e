//! The XSS corpus (`tests/fixtures/xss-content`, hostile text in every field a visitor sees)
//! builds into a site where none of it is markup: read back with real parsers (HTML, JSON, feeds,
//! calendars, security.txt, CSV, XML), no file has a script, an event handler, a script URL or a
//! field that came from content, and the hostile text is shown as text. URL and email fields are
//! checked before anything is built. The end-to-end test (`tests/e2e/xss.test.mjs`) runs the same
//! site in Chromium under its real CSP.
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

/// Every file the build wrote with one of `exts`, without the precompressed copies.
fn written(exts: &[&str]) -> Vec<PathBuf> {
    fn walk(dir: &Path, exts: &[&str], out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, exts, out);
            } else if path
                .extension()
                .is_some_and(|e| exts.iter().any(|x| e == *x))
            {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(built(), exts, &mut out);
    out.sort();
    out
}

fn read(path: &str) -> String {
    fs::read_to_string(built().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn shown(path: &Path) -> String {
    path.strip_prefix(built()).unwrap().display().to_string()
}

/// A URL a browser would run as script or open as a document of its own: `javascript:`,
/// `vbscript:`, `data:` (browsers ignore spaces and control characters in the scheme, so we do).
fn is_script_url(value: &str) -> bool {
    let squeezed = value
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| squeezed.starts_with(s))
}

/// A link the site may write: https, http, mailto, or one on the site itself. Read as a browser
/// reads it: without tabs and line breaks, and with a scheme only when the text before the first
/// `:` is a valid scheme (`java%0ascript:` is a relative path, harmless).
fn is_safe_link(value: &str) -> bool {
    let value: String = value
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    match value.split_once(':') {
        Some((scheme, _))
            if scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)) =>
        {
            // `webcal:`: the site's own calendars, offered for subscription.
            ["https", "http", "mailto", "tag", "webcal"]
                .contains(&scheme.to_ascii_lowercase().as_str())
        }
        _ => true,
    }
}

/// What is wrong with a `mailto:` link: an address that carries more than an address, or fields
/// beyond the subject and body the site fills in (a `bcc` from a hostile title).
fn mailto_problem(href: &str) -> Option<String> {
    let rest = href.strip_prefix("mailto:")?;
    let (to, query) = rest.split_once('?').unwrap_or((rest, ""));
    if to.chars().any(|c| "\"<>()[]\\,;: \r\n%&".contains(c)) || to.matches('@').count() != 1 {
        return Some(format!("mailto address {to:?}"));
    }
    let extra: Vec<&str> = query
        .split('&')
        .filter(|f| !f.is_empty())
        .map(|f| f.split('=').next().unwrap_or(""))
        .filter(|k| !["subject", "body"].contains(k))
        .collect();
    (!extra.is_empty()).then(|| format!("mailto fields {extra:?} in {href:?}"))
}

/// What is wrong with one parsed document or fragment: anything that runs, frames, redirects,
/// restyles the page from the body, or links somewhere a browser would run.
fn problems(doc: &Html, allowed_scripts: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for e in doc.select(&Selector::parse("*").unwrap()) {
        let name = e.value().name();
        match name {
            "script" => {
                let src = e.value().attr("src").unwrap_or("");
                let inline = e.text().collect::<String>();
                if !allowed_scripts.contains(&src) || !inline.trim().is_empty() {
                    found.push(format!("<script src={src:?}>{inline}"));
                }
            }
            // Forms are the app's own (search, subscribe); a script URL in one is caught below.
            "iframe" | "object" | "embed" | "base" | "frame" | "frameset" | "applet" | "portal"
            | "svg" | "math" => found.push(format!("<{name}> element")),
            "meta" if e.value().attr("http-equiv").is_some() => {
                found.push("<meta http-equiv>".into())
            }
            "style" if inside_body(e) => found.push("<style> in the body".into()),
            _ => {}
        }
        for (attr, value) in e.value().attrs() {
            let attr = attr.to_ascii_lowercase();
            if attr.starts_with("on") || attr == "srcdoc" || attr == "formaction" {
                found.push(format!("<{name} {attr}={value:?}>"));
            }
            // The site's own empty icon (pages with no logo, standalone documents).
            let empty_icon =
                name == "link" && e.value().attr("rel") == Some("icon") && value == "data:,";
            if matches!(
                attr.as_str(),
                "href" | "src" | "action" | "data" | "xlink:href" | "poster" | "background"
            ) && (is_script_url(value) || !is_safe_link(value))
                && !empty_icon
            {
                found.push(format!("<{name} {attr}={value:?}>"));
            }
            if attr == "href" {
                found.extend(mailto_problem(value));
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
    let pages = written(&["html"]);
    // 15 routes, the 404 page and the standalone copies of the two public Markdown documents.
    assert!(pages.len() >= 18, "{} pages", pages.len());
    let mut all = Vec::new();
    for page in &pages {
        let doc = Html::parse_document(&fs::read_to_string(page).unwrap());
        // Standalone documents carry no app at all.
        for p in problems(&doc, &[common::APP_SCRIPT]) {
            all.push(format!("{}: {p}", shown(page)));
        }
    }
    assert!(all.is_empty(), "{all:#?}");
}

/// Every piece of JSON the site carries (the islands' props in the pages, the feeds, the exports,
/// trust.json) is valid JSON despite the JSON breakers, its HTML fields are as clean as the pages
/// (islands render views from their props), and its links are links the site may write.
#[test]
fn json_is_valid_and_its_html_and_links_clean() {
    let files = written(&["json"]);
    assert!(files.len() >= 5, "{} JSON files", files.len());
    let mut sources: Vec<(String, String)> = files
        .iter()
        .map(|f| (shown(f), fs::read_to_string(f).unwrap()))
        .collect();
    let props = Selector::parse("leptos-island[data-props]").unwrap();
    let mut islands = 0;
    for page in written(&["html"]) {
        let doc = Html::parse_document(&fs::read_to_string(&page).unwrap());
        for island in doc.select(&props) {
            islands += 1;
            let name = island.value().attr("data-component").unwrap_or("?");
            let json = island.value().attr("data-props").unwrap().to_owned();
            sources.push((format!("{} island {name}", shown(&page)), json));
        }
    }
    assert!(islands >= 3, "{islands} islands with props");
    let mut all = Vec::new();
    let mut html_fields = 0;
    for (source, json) in &sources {
        let value: serde_json::Value =
            serde_json::from_str(json).unwrap_or_else(|e| panic!("{source}: {e}"));
        let mut fields = Vec::new();
        strings(&value, "", &mut fields);
        for (key, text) in fields {
            let key = key.to_ascii_lowercase();
            let at = format!("{source}: {key}");
            if key == "html" || key.ends_with("_html") {
                html_fields += 1;
                for p in problems(&Html::parse_fragment(&text), &[]) {
                    all.push(format!("{at}: {p}"));
                }
            } else if is_script_url(&text) {
                all.push(format!("{at}: {text:?}"));
            }
            let is_link = ["href", "src", "url", "mailto", "website", "$id", "$schema"]
                .contains(&key.as_str())
                || key.ends_with("_url");
            if is_link && !is_safe_link(&text) {
                all.push(format!("{at}: not a link the site writes: {text:?}"));
            }
            if is_link {
                all.extend(mailto_problem(&text).map(|p| format!("{at}: {p}")));
            }
        }
    }
    assert!(html_fields >= 3, "{html_fields} HTML fields");
    assert!(all.is_empty(), "{all:#?}");
}

/// Every string in `value`, with the key it is under.
fn strings(value: &serde_json::Value, key: &str, out: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::String(s) => out.push((key.to_owned(), s.clone())),
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, key, out)),
        serde_json::Value::Object(map) => map.iter().for_each(|(k, v)| strings(v, k, out)),
        _ => {}
    }
}

/// Feeds carry change reasons and updates as HTML for feed readers: clean too, in all three
/// formats, with links back to the site only.
#[test]
fn feeds_carry_no_markup_or_links_from_the_corpus() {
    for feed in [
        "subprocessors/changes.atom",
        "subprocessors/changes.rss",
        "subprocessors/changes.json",
        "updates/feed.atom",
        "updates/feed.rss",
        "updates/feed.json",
    ] {
        let parsed =
            feed_rs::parser::parse(read(feed).as_bytes()).unwrap_or_else(|e| panic!("{feed}: {e}"));
        assert_eq!(parsed.entries.len(), 2, "{feed}");
        for entry in parsed.entries {
            let bodies = [
                entry.content.and_then(|c| c.body),
                entry.summary.map(|s| s.content),
            ];
            for body in bodies.into_iter().flatten() {
                let found = problems(&Html::parse_fragment(&body), &[]);
                assert!(found.is_empty(), "{feed}: {found:#?}");
            }
            for link in entry.links {
                assert!(
                    link.href.starts_with("https://trust.example.com/"),
                    "{feed}: {}",
                    link.href
                );
            }
        }
    }
}

/// Line-based files gain no line from a line break in a name or a summary: security.txt keeps the
/// disclosure program's contacts only, the calendars their own properties, the CSV exports one
/// row per subprocessor or answer.
#[test]
fn line_based_files_gain_no_fields_from_the_corpus() {
    let text = read(".well-known/security.txt");
    let now = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 11, 22, 12, 0, 0).unwrap();
    let parsed = sectxtlib::SecurityTxt::parse_with(
        &text,
        &sectxtlib::SecurityTxtOptions::new().with_now(now),
    )
    .unwrap_or_else(|e| panic!("{e:?}\n{text}"));
    let contacts: Vec<&str> = parsed.contact.iter().map(|c| c.uri.as_str()).collect();
    assert_eq!(
        contacts,
        [
            "mailto:security+'onmouseover='__xss'@example.com",
            "https://example.com/report?'onmouseover='__xss(7)'"
        ],
        "{text}"
    );
    assert!(!text
        .lines()
        .any(|l| l.contains("attacker.example") && !l.starts_with('#')));

    for (file, events) in [
        ("subprocessors/changes.ics", 4),
        ("certifications/expiries.ics", 1),
    ] {
        let ics = read(file);
        let calendars: Vec<_> = ical::IcalParser::new(ics.as_bytes())
            .collect::<Result<_, _>>()
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(calendars.len(), 1, "{file}");
        let cal = &calendars[0];
        assert_eq!(cal.events.len(), events, "{file}");
        let names: Vec<&str> = cal.properties.iter().map(|p| p.name.as_str()).collect();
        for name in &names {
            assert!(
                [
                    "VERSION",
                    "PRODID",
                    "CALSCALE",
                    "NAME",
                    "X-WR-CALNAME",
                    "REFRESH-INTERVAL",
                    "X-PUBLISHED-TTL"
                ]
                .contains(name),
                "{file}: calendar property {name}"
            );
        }
        for event in &cal.events {
            for p in &event.properties {
                assert!(
                    [
                        "UID",
                        "DTSTAMP",
                        "DTSTART",
                        "DTEND",
                        "SUMMARY",
                        "DESCRIPTION",
                        "URL"
                    ]
                    .contains(&p.name.as_str()),
                    "{file}: event property {}",
                    p.name
                );
                if p.name == "URL" {
                    let url = p.value.as_deref().unwrap_or("");
                    assert!(url.starts_with("https://trust.example.com/"), "{url}");
                }
            }
            // At most the event's reminder, with its own fields only.
            assert!(
                event.alarms.len() <= 1,
                "{file}: {} alarms",
                event.alarms.len()
            );
            for p in event.alarms.iter().flat_map(|a| &a.properties) {
                assert!(
                    ["ACTION", "DESCRIPTION", "DTSTAMP", "TRIGGER", "UID"]
                        .contains(&p.name.as_str()),
                    "{file}: alarm property {}",
                    p.name
                );
            }
        }
    }

    for (file, rows) in [
        ("subprocessors/subprocessors.csv", 1),
        ("faq/answers.csv", 2),
    ] {
        let text = read(file);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let width = reader.headers().unwrap().len();
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        // Only the current subprocessors: the mailer starts on 2026-11-30.
        assert_eq!(records.len(), rows, "{file}");
        assert!(records.iter().all(|r| r.len() == width), "{file}");
        // The corpus starts a purpose and an answer with a formula: a spreadsheet opening the
        // file must read every cell as text.
        let cells: Vec<&str> = records.iter().flat_map(|r| r.iter()).collect();
        assert!(
            cells
                .iter()
                .any(|c| c.starts_with("'=") || c.starts_with("'@")),
            "{file}: the corpus's formula is gone"
        );
        for cell in cells {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{file}: a spreadsheet runs {cell:?}"
            );
        }
    }

    let sitemap = read("sitemap.xml");
    let mut reader = quick_xml::Reader::from_str(&sitemap);
    let mut locs = 0;
    let mut in_loc = false;
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Start(e) => in_loc = e.name().as_ref() == "loc",
            quick_xml::events::Event::End(_) => in_loc = false,
            quick_xml::events::Event::Text(t) if in_loc => {
                let url: &str = t.as_ref();
                assert!(url.starts_with("https://trust.example.com/"), "{url}");
                locs += 1;
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert!(locs >= 12, "{locs} sitemap entries");
}

/// What the authors wrote is shown, as text: a visitor sees the angle brackets and quotes, in
/// the page, its title and its description.
#[test]
fn hostile_text_is_shown_as_text() {
    let text = |path: &str, css: &str| -> String {
        let doc = Html::parse_document(&read(path));
        doc.select(&Selector::parse(css).unwrap())
            .map(|e| e.text().collect::<String>())
            .collect::<Vec<_>>()
            .join(" ")
    };
    for (path, css, expected) in [
        (
            "index.html",
            ".brand-name",
            r#"Evil<script>__xss("org-name")</script>"><img src=data:, onerror=__xss("org-name-img")>"#,
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
            "title",
            r#"FAQ </h1><script>__xss("page-faq-title")</script>"#,
        ),
        ("index.html", "main", r#"<script>__xss("md-code")</script>"#),
        (
            "faq/index.html",
            "main",
            r#"Is data encrypted"><img src=data:, onerror=__xss("question")>?"#,
        ),
        (
            "faq/index.html",
            "main",
            r#"Where is data stored? </textarea></title></style></noscript><script>__xss("question-2")</script>"#,
        ),
        (
            "faq/index.html",
            "main h1",
            r#"FAQ </h1><script>__xss("page-faq-title")</script>"#,
        ),
        (
            "certifications/index.html",
            "main h2",
            r#"ISO <script>__xss("cert-name")</script>"#,
        ),
        (
            "security/index.html",
            "main",
            r#"Access reviews ' onmouseover='__xss("control-title-2")' x='"#,
        ),
        (
            "subprocessors/index.html",
            "main",
            r#"Mailer<script>__xss("sub-name")</script>"#,
        ),
        (
            "subprocessors/index.html",
            "main",
            r#"Hosting also runs backups ' onmouseover='__xss("change-2-summary")' x="#,
        ),
        (
            "data-privacy/index.html",
            "main",
            r#"Frankfurt ' onmouseover='__xss("backup")' x="#,
        ),
        (
            "disclosure/index.html",
            "main",
            r#"Researcher<script>__xss("hall-of-fame")</script>"#,
        ),
        (
            "updates/index.html",
            "main",
            r#"Second update ' onmouseover='__xss("update-2-title")' x=' {{__xss("update-2-tpl")}}"#,
        ),
        (
            "documents/index.html",
            "main",
            r#"Audit report ' onmouseover='__xss("report-title")' x=' &amp; <b>bold</b>"#,
        ),
        (
            "documents/dpa/index.html",
            "main h1",
            r#"Data Processing Agreement</title><script>__xss("doc-title")</script>"#,
        ),
        (
            "documents/dpa/dpa.html",
            "h1",
            r#"Data Processing Agreement</title><script>__xss("doc-title")</script>"#,
        ),
        // A marker inside a quote is not an annex's place: it stays text.
        (
            "documents/dpa/index.html",
            "main blockquote",
            "{{annex:measures}}",
        ),
        (
            "documents/policy/index.html",
            "main pre",
            r#"<script>__xss("policy-fence")</script>"#,
        ),
    ] {
        let shown = text(path, css);
        assert!(
            shown.contains(expected),
            "{path} {css}: {expected:?} not in {shown:?}"
        );
    }

    // Attribute values keep the quotes that would have ended them.
    let doc = Html::parse_document(&read("index.html"));
    let description = doc
        .select(&Selector::parse(r#"meta[name="description"]"#).unwrap())
        .next()
        .and_then(|m| m.value().attr("content"))
        .unwrap();
    assert_eq!(
        description,
        r#"How we protect data" onmouseover="__xss('page-description')" x=""#
    );

    // The DPA's annexes are sections of the document, not pulled into the table the author
    // wrote a marker in.
    let dpa = Html::parse_document(&read("documents/dpa/index.html"));
    let annexes = Selector::parse("section.annex").unwrap();
    assert_eq!(dpa.select(&annexes).count(), 2);
    assert_eq!(
        dpa.select(&Selector::parse("td section").unwrap()).count(),
        0
    );

    // A hostile document title fills the request email's subject, percent-encoded.
    let docs = Html::parse_document(&read("documents/index.html"));
    let request = docs
        .select(&Selector::parse(r#"a[href^="mailto:"]"#).unwrap())
        .filter_map(|a| a.value().attr("href"))
        .find(|h| h.contains("Audit%20report"))
        .expect("a request link for the audit report");
    assert!(request.contains("%250d%250aBcc"), "{request}");
    assert_eq!(mailto_problem(request), None);
}

/// URL and email fields are checked before anything is built: a script URL, or an address that
/// would end the attribute or header it is written into, is an error with file and line.
#[test]
fn url_and_email_fields_refuse_script_urls_and_breakers() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("content");
    copy_dir(&corpus(), &dir);
    let mut expected = Vec::new();
    let mut swap = |file: &str, from: &str, to: &str, message: &str| {
        let path = dir.join(file);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file}: {from}");
        let text = text.replacen(from, to, 1);
        let line = text[..text.find(to).unwrap()].matches('\n').count() + 1;
        fs::write(&path, text).unwrap();
        expected.push((format!("{file}:{line}:"), message.to_owned()));
    };
    swap(
        "organization.toml",
        r#"website = "https://example.com/?from='onmouseover='__xss(1)'""#,
        r#"website = "javascript:__xss('website')""#,
        "error: `website` must be an https:// address",
    );
    swap(
        "organization.toml",
        r#"site_url = "https://trust.example.com""#,
        r#"site_url = "https://trust.example.com/\"><script>__xss('site')</script>""#,
        "error: `site_url` is not an address a page can link to as written",
    );
    swap(
        "organization.toml",
        r#"email = "privacy@example.com""#,
        r#"email = "\"><svg/onload=__xss('privacy')>@example.com""#,
        "error: `contacts.privacy.email` is not an email address",
    );
    swap(
        "organization.toml",
        r##"brand_color = "#1f5f8b""##,
        r#"brand_color = "red}</style><script>__xss('brand')</script>""#,
        "error: `brand_color` must be a colour",
    );
    swap(
        "certifications.toml",
        r#"verification_url = "https://registry.example.com/certificates/1?'onmouseover='__xss(4)'""#,
        r#"verification_url = "data:text/html,<script>__xss('verify')</script>""#,
        "error: `verification_url` must be an https:// address",
    );
    swap(
        "subprocessors/mailer.toml",
        r#"contact = "privacy+'onmouseover='__xss'@mailer.example.com""#,
        r#"contact = "javascript:__xss('contact')""#,
        "error: `contact` must be an email address or an https:// address",
    );
    swap(
        "subprocessors/mailer.toml",
        r#"dpa_url = "https://mailer.example.com/dpa?'onmouseover='__xss(6)'""#,
        r#"dpa_url = "https://mailer.example.com/dpa\" onmouseover=\"__xss('dpa')""#,
        "error: `dpa_url` is not an address a page can link to as written",
    );
    swap(
        "disclosure.md",
        r#"contact = ["mailto:security+'onmouseover='__xss'@example.com","#,
        r#"contact = ["javascript:__xss('disclosure')","#,
        "error: `contact` must be a mailto: or https: URI",
    );
    swap(
        "disclosure.md",
        r#"url = "https://researcher.example.com/?'onmouseover='__xss(9)'""#,
        r#"url = "vbscript:__xss('researcher')""#,
        "error: `hall_of_fame.url` must be an https:// address",
    );
    swap(
        "documents/dpa.md",
        r#"objection_email = "privacy+'onmouseover='__xss'@example.com""#,
        r#"objection_email = "privacy@example.com?bcc=else@evil.example""#,
        "error: `subprocessor_notice.objection_email` is not an email address",
    );
    let shown = trust_center::load::load(&dir, Date::ymd(2026, 11, 22))
        .unwrap_err()
        .to_string();
    for (at, message) in &expected {
        assert!(
            shown
                .lines()
                .any(|l| l.starts_with(at.as_str()) && l.contains(message.as_str())),
            "{at} {message} not in\n{shown}"
        );
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
