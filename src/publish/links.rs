//! The last step of a build: every link in the staged site must lead somewhere before the site
//! replaces the published one.
//!
//! Checked: in every HTML file, `href`/`src` of links, images, scripts and sources, forms'
//! `action` and the app's addresses (`<meta name="trust-app-…">`) that stay on the site (site
//! paths and absolute URLs under `site_url`), including `#fragment`s, which must name an
//! element's `id` on the target page; in every other text file (feeds, calendars, exports,
//! `trust.json`, `sitemap.xml`, `security.txt`), each absolute URL under `site_url`. On a site
//! published under a path of its host (`/trust`), a link that leads out of it fails too.
//! Links to other hosts are not followed: a build needs no network.
//!
//! Each page's ids must also be unique: a second element with an id takes no link, breaks the
//! labels and descriptions that name it, and is invalid HTML. Content can still cause one (a raw
//! HTML `id`, a content id equal to another element's; Markdown headings give way on their own,
//! see `markdown::PageIds`), so it fails the build like a broken link.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use scraper::{Html, Node};

use super::BuildError;
use crate::load::{ContentTexts, Place};

/// A link in the built site that leads nowhere, with every file it is in and every place the
/// content writes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrokenLink {
    /// The link as written; an address of the site without `site_url`, so that a page's
    /// `/policies/` and a feed's `https://trust.example/policies/` are one link.
    pub target: String,
    /// What is missing.
    pub problem: LinkProblem,
    /// The built files it is in, as site paths (`/faq/index.html`): pages, then other files.
    pub files: Vec<String>,
    /// Where the content writes it; empty when it is not written as it appears (a link the
    /// pages derive from an id, or one written with escapes).
    pub written: Vec<Place>,
}

/// Why a link is broken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum LinkProblem {
    /// No page or file at that path.
    NoSuchFile,
    /// The page exists but has no element with the fragment as its id.
    NoSuchAnchor,
}

impl fmt::Display for BrokenLink {
    /// One line per place the content writes the link, as a compiler reports an error (so an
    /// editor can jump to each); else one line at the first built file.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let problem = match self.problem {
            LinkProblem::NoSuchFile => "no page or file there",
            LinkProblem::NoSuchAnchor => "the page has no element with that id",
        };
        let target = &self.target;
        let files = |files: &[String]| {
            if files.len() > 4 {
                format!("{} and {} more", files[..3].join(", "), files.len() - 3)
            } else {
                files.join(", ")
            }
        };
        if self.written.is_empty() {
            let (first, rest) = self
                .files
                .split_first()
                .map_or(("", &[][..]), |(f, r)| (f, r));
            write!(f, "{first}: link to {target}: {problem}")?;
            if !rest.is_empty() {
                write!(f, " (also on {})", files(rest))?;
            }
            return Ok(());
        }
        let lines: Vec<String> = self
            .written
            .iter()
            .map(|at| {
                format!(
                    "{at}: link to {target}: {problem} (on {})",
                    files(&self.files)
                )
            })
            .collect();
        f.write_str(&lines.join("\n"))
    }
}

/// An id given to more than one element of a page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuplicateId {
    /// The page, as a site path (`/faq/index.html`).
    pub file: String,
    /// The id.
    pub id: String,
    /// How many elements have it.
    pub count: usize,
}

impl fmt::Display for DuplicateId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} elements have the id \"{}\"",
            self.file, self.count, self.id
        )
    }
}

/// How many links were checked; or the pages' repeated ids, or else the broken links.
/// `texts` are the content's, where each broken link is looked for to say where it is written.
pub fn check(root: &Path, site_url: &str, texts: &ContentTexts) -> Result<usize, BuildError> {
    let base = site_url.trim_end_matches('/');
    let base_path = crate::site::base_path(site_url);
    let mut files = HashSet::new();
    let mut html = Vec::new();
    let mut text = Vec::new();
    collect(root, root, &mut files, &mut html, &mut text)?;

    // The pages are parsed on all cores, each thread taking the next page as it finishes one:
    // in a rebuild, whose compressed copies are mostly reused, this check is what the build
    // waits for.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let next = AtomicUsize::new(0);
    let scanned: Vec<Result<Vec<(usize, Page)>, BuildError>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some((_, file)) = html.get(i) else {
                            return Ok(done);
                        };
                        done.push((i, scan(file)?));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().expect("parsing a page panicked"))
            .collect()
    });
    let mut scanned: Vec<(usize, Page)> = scanned
        .into_iter()
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .flatten()
        .collect();
    scanned.sort_unstable_by_key(|(i, _)| *i);
    let mut ids: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut links: Vec<(String, String)> = Vec::new();
    let mut duplicates = Vec::new();
    for (i, page) in scanned {
        let site_path = &html[i].0;
        duplicates.extend(
            page.ids
                .iter()
                .filter(|(_, n)| **n > 1)
                .map(|(id, n)| DuplicateId {
                    file: site_path.clone(),
                    id: id.clone(),
                    count: *n,
                }),
        );
        ids.insert(site_path.clone(), page.ids.into_keys().collect());
        links.extend(page.links.into_iter().map(|l| (site_path.clone(), l)));
    }
    for (site_path, file) in &text {
        // Binary files (fonts, images, Wasm) are not read as text; iCalendar lines are unfolded
        // first, since a long URL may be split across lines there.
        let Ok(source) = fs::read_to_string(file) else {
            continue;
        };
        let source = source.replace("\r\n ", "").replace("\r\n\t", "");
        for (at, _) in source.match_indices(base) {
            let url: String = source[at..]
                .chars()
                .take_while(|c| !c.is_whitespace() && !"\"'<>()\\,&`".contains(*c))
                .collect();
            links.push((site_path.clone(), url));
        }
    }

    if !duplicates.is_empty() {
        return Err(BuildError::DuplicateIds(duplicates));
    }
    // Each broken link once, with every file it is in.
    let mut broken: BTreeMap<(String, LinkProblem), BTreeSet<String>> = BTreeMap::new();
    let mut checked = 0;
    for (file, target) in links {
        // A link from the host's root must be to the site's base path: it leaves the site
        // otherwise, and only pages of the site can be checked (nor should the site link out
        // that way: the pages and the texts' links are all written under it).
        let (target, outside) = match under_base(&target, base_path, &file) {
            Some(Some(in_site)) => (in_site, false),
            Some(None) => (target, true),
            None => (target, false),
        };
        let Some(path) = site_path_of(&target, base, &file) else {
            continue;
        };
        checked += 1;
        let (path, fragment) = match path.split_once('#') {
            Some((p, f)) => (p.to_owned(), Some(f.to_owned())),
            None => (path, None),
        };
        let path = path.split_once('?').map_or(path.as_str(), |(p, _)| p);
        let path = percent_encoding::percent_decode_str(path)
            .decode_utf8_lossy()
            .into_owned();
        // A directory is served as its index.html.
        let path = if path.ends_with('/') {
            format!("{path}index.html")
        } else {
            path
        };
        // Exactly, as a static host compares paths: `/FAQ/` is not `/faq/`, whatever the
        // filesystem of the machine that builds would say.
        let exists = !outside && files.contains(&path);
        let problem = if !exists {
            Some(LinkProblem::NoSuchFile)
        } else {
            match (fragment, ids.get(&path)) {
                // `#` alone, or a page that is not HTML (a PDF's `#page=2`): nothing to check.
                (None, _) | (_, None) => None,
                (Some(f), _) if f.is_empty() => None,
                (Some(f), Some(page_ids)) => {
                    let f = percent_encoding::percent_decode_str(&f).decode_utf8_lossy();
                    (!page_ids.contains(f.as_ref())).then_some(LinkProblem::NoSuchAnchor)
                }
            }
        };
        if let Some(problem) = problem {
            let target = match target.strip_prefix(base) {
                Some("") => "/".to_owned(),
                Some(rest) => rest.to_owned(),
                None => target,
            };
            broken.entry((target, problem)).or_default().insert(file);
        }
    }
    if broken.is_empty() {
        return Ok(checked);
    }
    let mut broken: Vec<BrokenLink> = broken
        .into_iter()
        .map(|((target, problem), files)| {
            let written = written_at(&target, base, texts);
            // The pages a visitor meets it on first, then the feeds and exports.
            let mut files: Vec<String> = files.into_iter().collect();
            files.sort_by_key(|f| !f.ends_with(".html"));
            BrokenLink {
                target,
                problem,
                files,
                written,
            }
        })
        .collect();
    // In the order the content writes them, as a compiler lists errors; then the links no
    // content writes as they appear, by target.
    broken.sort_by(|a, b| {
        (a.written.is_empty(), a.written.first()).cmp(&(b.written.is_empty(), b.written.first()))
    });
    Err(BuildError::BrokenLinks(broken))
}

/// Where the content writes a broken link: as the page has it, as it reads once decoded (the
/// pages percent-encode what is not ASCII), and for an address of the site, also with
/// `site_url` before it. A link relative to its page (`#scope`, `../faq/`) may be written in
/// several texts and broken on one page only: it is placed only when one text writes it.
fn written_at(target: &str, base: &str, texts: &ContentTexts) -> Vec<Place> {
    let mut forms = vec![target.to_owned()];
    if target.starts_with('/') {
        forms.push(format!("{base}{target}"));
    }
    for i in 0..forms.len() {
        let decoded = percent_encoding::percent_decode_str(&forms[i]).decode_utf8_lossy();
        if decoded != forms[i] {
            forms.push(decoded.into_owned());
        }
    }
    let found = texts.find(&forms);
    if target.starts_with('/') || found.len() == 1 {
        found
    } else {
        Vec::new()
    }
}

/// What the check needs of one HTML page.
struct Page {
    /// Each id, and how many elements have it.
    ids: BTreeMap<String, usize>,
    /// The targets of its links, images, scripts and sources, as written.
    links: Vec<String>,
}

/// Reads and parses one HTML page.
fn scan(file: &Path) -> Result<Page, BuildError> {
    let source = fs::read_to_string(file).map_err(BuildError::io(file))?;
    let doc = Html::parse_document(&source);
    let mut page = Page {
        ids: BTreeMap::new(),
        links: Vec::new(),
    };
    // One walk over the elements for both ids and links (a selector per kind of link walked each
    // page eight times).
    for element in doc.tree.values().filter_map(Node::as_element) {
        if let Some(id) = element.attr("id") {
            *page.ids.entry(id.to_owned()).or_default() += 1;
        }
        let attr = match element.name() {
            "a" | "link" | "area" => "href",
            "img" | "script" | "source" | "iframe" => "src",
            "form" => "action",
            // The addresses the app's starter loads the app from.
            "meta"
                if element
                    .attr("name")
                    .is_some_and(|n| n.starts_with("trust-app-")) =>
            {
                "content"
            }
            _ => continue,
        };
        if let Some(target) = element.attr(attr) {
            page.links.push(target.trim().to_owned());
        }
    }
    Ok(page)
}

/// A link on the page `file` (a site path) of a site published under `base_path` (`/trust`), as
/// a site path: read from the page's address on its host as the browser reads it (`/trust/faq/`,
/// `../security/`, `/trust/../x/` resolved), then without the base path. `Some(None)` when it
/// leads out of the site; `None` when it is an absolute URL or the site is at the host's root.
fn under_base(target: &str, base_path: &str, file: &str) -> Option<Option<String>> {
    if base_path.is_empty() || target.starts_with("//") || has_scheme(target) {
        return None;
    }
    let host_file = format!("{base_path}{file}");
    let dir = &host_file[..=host_file.rfind('/').unwrap_or(0)];
    let parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        dir.split('/').filter(|p| !p.is_empty()).collect()
    };
    let host_path = resolve(&parts, target, &host_file);
    let Some(rest) = host_path.strip_prefix(base_path) else {
        return Some(None);
    };
    Some(match rest.chars().next() {
        None => Some("/".to_owned()),
        Some('/') => Some(rest.to_owned()),
        Some('#' | '?') => Some(format!("/{rest}")),
        // `/trusted/` only shares a prefix with `/trust`.
        Some(_) => None,
    })
}

/// The site path a link leads to, or `None` when it leaves the site (another host, `mailto:`,
/// `data:` …).
fn site_path_of(target: &str, base: &str, file: &str) -> Option<String> {
    if let Some(rest) = target.strip_prefix(base) {
        return match rest.chars().next() {
            None => Some("/".to_owned()),
            Some('/') => Some(resolve(&[], rest, file)),
            Some('#' | '?') => Some(format!("/{rest}")),
            // `https://example.com.evil/…` only shares a prefix with the site.
            Some(_) => None,
        };
    }
    if target.starts_with("//") || has_scheme(target) {
        return None;
    }
    if target.starts_with('/') {
        return Some(resolve(&[], target, file));
    }
    // Relative to the file's directory (the app writes none, but authors' HTML may).
    let dir = &file[..=file.rfind('/').unwrap_or(0)];
    let parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    Some(resolve(&parts, target, file))
}

/// `target` as a site path, read from the directory whose segments are `parts` (none for an
/// absolute path), with `.` and `..` resolved the way a browser does before it asks.
fn resolve(parts: &[&str], target: &str, file: &str) -> String {
    let mut parts = parts.to_vec();
    let (path, suffix) = match target.find(['#', '?']) {
        Some(i) => target.split_at(i),
        None => (target, ""),
    };
    if path.is_empty() {
        return format!("{file}{suffix}");
    }
    for part in path.split('/').filter(|p| !p.is_empty()) {
        match dot_segment(part) {
            Some(DotSegment::Current) => {}
            Some(DotSegment::Parent) => {
                parts.pop();
            }
            None => parts.push(part),
        }
    }
    // A path that ends in a dot segment names a directory (`/faq/sub/..` is `/faq/`).
    let directory = path
        .rsplit('/')
        .next()
        .is_some_and(|last| last.is_empty() || dot_segment(last).is_some());
    let trailing = if directory && !parts.is_empty() {
        "/"
    } else {
        ""
    };
    format!("/{}{trailing}{suffix}", parts.join("/"))
}

/// A path segment that moves within the path rather than naming a file.
enum DotSegment {
    /// `.`: the directory itself.
    Current,
    /// `..`: its parent.
    Parent,
}

/// What a segment is as the URL standard reads it, which counts `%2e` as a dot too.
fn dot_segment(part: &str) -> Option<DotSegment> {
    match part.to_ascii_lowercase().as_str() {
        "." | "%2e" => Some(DotSegment::Current),
        ".." | ".%2e" | "%2e." | "%2e%2e" => Some(DotSegment::Parent),
        _ => None,
    }
}

/// Whether a link names its own scheme (`https:`, `mailto:`), as the URL standard reads it: a
/// letter, then letters, digits, `+`, `-` or `.`, then `:`. Anything else before a colon
/// (`java%0ascript:x`) is a relative path, and is checked as one.
fn has_scheme(target: &str) -> bool {
    let Some((scheme, _)) = target.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
}

/// Every file under `dir` by its site path (a link's target is looked up there rather than on
/// disk: a large site's links named the same few pages a hundred thousand times); and among
/// them the HTML pages, and the other files that may be text.
fn collect(
    root: &Path,
    dir: &Path,
    files: &mut HashSet<String>,
    html: &mut Vec<(String, PathBuf)>,
    text: &mut Vec<(String, PathBuf)>,
) -> Result<(), BuildError> {
    for entry in fs::read_dir(dir).map_err(BuildError::io(dir))? {
        let entry = entry.map_err(BuildError::io(dir))?;
        let path = entry.path();
        if path.is_dir() {
            collect(root, &path, files, html, text)?;
            continue;
        }
        let rel = path.strip_prefix(root).unwrap_or(&path);
        let site_path = format!(
            "/{}",
            rel.components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/")
        );
        match path.extension().and_then(|e| e.to_str()) {
            Some("html") => html.push((site_path.clone(), path)),
            Some(
                "xml" | "atom" | "rss" | "json" | "ics" | "txt" | "csv" | "webmanifest" | "md",
            ) => text.push((site_path.clone(), path)),
            _ => {}
        }
        files.insert(site_path);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://trust.example";

    #[test]
    fn links_resolve_to_site_paths() {
        let cases = [
            ("/faq/#sso", "/index.html", Some("/faq/#sso")),
            ("https://trust.example/faq/", "/index.html", Some("/faq/")),
            ("https://trust.example", "/index.html", Some("/")),
            ("https://trust.example.evil/", "/index.html", None),
            ("https://other.example/x", "/index.html", None),
            ("//cdn.example/x.js", "/index.html", None),
            ("mailto:a@b.example", "/index.html", None),
            ("javascript:alert(1)", "/index.html", None),
            (
                "java%0ascript:x",
                "/faq/index.html",
                Some("/faq/java%0ascript:x"),
            ),
            ("#top", "/faq/index.html", Some("/faq/index.html#top")),
            ("../security/", "/faq/index.html", Some("/security/")),
            ("/faq/../security/./#x", "/index.html", Some("/security/#x")),
            ("/", "/faq/index.html", Some("/")),
            ("/faq/%2E%2e/security/", "/index.html", Some("/security/")),
            ("/faq/sub/..", "/index.html", Some("/faq/")),
            (".", "/faq/index.html", Some("/faq/")),
            ("./%2e?x=1", "/faq/a/index.html", Some("/faq/a/?x=1")),
            ("../#top", "/faq/index.html", Some("/#top")),
            ("https://trust.example/a/../faq", "/x.html", Some("/faq")),
            (
                "dpa.html#annex",
                "/documents/dpa/index.html",
                Some("/documents/dpa/dpa.html#annex"),
            ),
        ];
        for (target, file, expected) in cases {
            assert_eq!(
                site_path_of(target, BASE, file).as_deref(),
                expected,
                "{target} in {file}"
            );
        }
    }

    #[test]
    fn links_from_the_hosts_root_must_be_under_the_sites_base_path() {
        let page = "/updates/index.html";
        let under = |target| under_base(target, "/trust", page);
        assert_eq!(under_base("/faq/", "", page), None);
        assert_eq!(under("https://x.example/faq/"), None);
        assert_eq!(under("//cdn.example/x"), None);
        assert_eq!(under("mailto:a@b.example"), None);
        assert_eq!(under("/trust/faq/#a"), Some(Some("/faq/#a".into())));
        assert_eq!(under("/trust"), Some(Some("/".into())));
        assert_eq!(under("/trust?q=1"), Some(Some("/?q=1".into())));
        assert_eq!(under("#top"), Some(Some("/updates/index.html#top".into())));
        assert_eq!(under("../faq/"), Some(Some("/faq/".into())));
        assert_eq!(under("/faq/"), Some(None));
        assert_eq!(under("/trusted/"), Some(None));
        // Dot segments are resolved first, as the browser does: these reach the host's `/faq/`.
        assert_eq!(under("/trust/../faq/"), Some(None));
        assert_eq!(under("../../faq/"), Some(None));
    }

    #[test]
    fn an_id_given_twice_on_a_page_is_reported_with_its_page_and_count() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        fs::create_dir_all(root.join("faq")).unwrap();
        fs::write(root.join("index.html"), r#"<main id="main"></main>"#).unwrap();
        fs::write(
            root.join("faq/index.html"),
            r#"<main id="main"><h2 id="sso">SSO</h2><p id="main">x</p><b id="main"></b><i id="sso"></i></main>"#,
        )
        .unwrap();
        let Err(BuildError::DuplicateIds(repeated)) = check(root, BASE, &ContentTexts::default())
        else {
            panic!("repeated ids were not found");
        };
        let shown: Vec<String> = repeated.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "/faq/index.html: 3 elements have the id \"main\"",
                "/faq/index.html: 2 elements have the id \"sso\"",
            ]
        );
    }

    #[test]
    fn a_missing_page_and_a_missing_anchor_are_reported_with_their_file() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        fs::create_dir_all(root.join("faq")).unwrap();
        fs::write(
            root.join("index.html"),
            r##"<a href="/faq/#sso">ok</a><a href="/faq/#nope">anchor</a><a href="/gone/">page</a><a href="https://else.example/x">external</a><img src="/logo.svg">"##,
        )
        .unwrap();
        fs::write(root.join("faq/index.html"), r#"<h2 id="sso">SSO</h2>"#).unwrap();
        fs::write(root.join("logo.svg"), "<svg/>").unwrap();
        fs::write(
            root.join("feed.atom"),
            "<link href=\"https://trust.example/faq/#sso\"/><id>https://trust.example/missing.html</id><link href=\"https://trust.example/gone/\"/>",
        )
        .unwrap();
        let Err(BuildError::BrokenLinks(broken)) = check(root, BASE, &ContentTexts::default())
        else {
            panic!("broken links were not found");
        };
        let shown: Vec<String> = broken.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "/index.html: link to /faq/#nope: the page has no element with that id",
                "/index.html: link to /gone/: no page or file there (also on /feed.atom)",
                "/feed.atom: link to /missing.html: no page or file there",
            ]
        );

        fs::write(root.join("index.html"), r#"<a href="/faq/#sso">ok</a>"#).unwrap();
        fs::write(root.join("feed.atom"), "").unwrap();
        assert_eq!(check(root, BASE, &ContentTexts::default()).unwrap(), 1);
    }

    #[test]
    fn a_broken_link_is_reported_where_the_content_writes_it() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        let page = |n: usize| format!("/p{n}/index.html");
        for n in 0..6 {
            fs::create_dir_all(root.join(format!("p{n}"))).unwrap();
            fs::write(
                root.join(format!("p{n}/index.html")),
                r#"<a href="/old/">old</a> <a href="/faq/#%C3%BCber-uns">about</a>"#,
            )
            .unwrap();
        }
        fs::create_dir_all(root.join("faq")).unwrap();
        fs::write(root.join("faq/index.html"), r#"<h2 id="sso">SSO</h2>"#).unwrap();
        fs::write(
            root.join("feed.atom"),
            "<link href=\"https://trust.example/faq/#%C3%BCber-uns\"/>",
        )
        .unwrap();
        let texts: ContentTexts = [
            (
                "answers/a.toml".to_owned(),
                "answer = \"\"\"\nSee [the old page](/old/) and [us](/faq/#über-uns).\n\"\"\"\n"
                    .to_owned(),
            ),
            (
                "pages/security.md".to_owned(),
                "Not [this one](https://else.example/old/) nor [this](/old/sub/).\n\n[old]: https://trust.example/old/\n"
                    .to_owned(),
            ),
        ]
        .into_iter()
        .collect();
        let Err(err @ BuildError::BrokenLinks(_)) = check(root, BASE, &texts) else {
            panic!("broken links were not found");
        };
        let all: Vec<String> = (0..6).map(page).collect();
        // One line, and one count, per place to mend: two links, written at three places.
        assert!(err
            .to_string()
            .starts_with("3 broken link(s) in the built site:\n"));
        assert_eq!(
            err.to_string().lines().collect::<Vec<_>>()[1..4],
            [
                "  answers/a.toml:2:20: link to /old/: no page or file there (on /p0/index.html, /p1/index.html, /p2/index.html and 3 more)",
                "  pages/security.md:3:8: link to /old/: no page or file there (on /p0/index.html, /p1/index.html, /p2/index.html and 3 more)",
                "  answers/a.toml:2:36: link to /faq/#%C3%BCber-uns: the page has no element with that id (on /p0/index.html, /p1/index.html, /p2/index.html and 4 more)",
            ]
        );
        let BuildError::BrokenLinks(broken) = err else {
            unreachable!()
        };
        assert_eq!(broken[0].files, all);
        assert_eq!(broken[1].files.last().unwrap(), "/feed.atom");
        let written: Vec<String> = broken[0].written.iter().map(Place::to_string).collect();
        assert_eq!(written, ["answers/a.toml:2:20", "pages/security.md:3:8"]);

        // A link relative to its page, written in two texts, is placed by neither: it may be
        // broken on one page only.
        fs::write(root.join("p0/index.html"), r##"<a href="#gone">here</a>"##).unwrap();
        for n in 1..6 {
            fs::write(root.join(format!("p{n}/index.html")), "").unwrap();
        }
        fs::write(root.join("feed.atom"), "").unwrap();
        let reported = |texts: &[(&str, &str)]| {
            let texts: ContentTexts = texts
                .iter()
                .map(|(file, text)| (file.to_string(), text.to_string()))
                .collect();
            match check(root, BASE, &texts) {
                Err(BuildError::BrokenLinks(broken)) => broken[0].to_string(),
                other => panic!("the broken fragment was not found: {other:?}"),
            }
        };
        assert_eq!(
            reported(&[("a.md", "[here](#gone)\n"), ("b.md", "[there](#gone)\n")]),
            "/p0/index.html: link to #gone: the page has no element with that id"
        );
        assert_eq!(
            reported(&[("a.md", "[here](#gone)\n")]),
            "a.md:1:8: link to #gone: the page has no element with that id (on /p0/index.html)"
        );
    }
}
