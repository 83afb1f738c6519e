//! The built example site, read back with a real HTML parser (html5ever through scraper): ids are
//! unique, every page has its head tags, and the facts shown in more
//! than one place (the DPA's subprocessor annex and the Subprocessors page) agree.
#![cfg(feature = "ssr")]

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use scraper::{Html, Selector};

/// Builds the example content once per test binary into a temporary directory.
fn site() -> &'static Path {
    common::example_site()
}

fn html_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            html_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// The site path a file is served at.
fn url_path(root: &Path, file: &Path) -> String {
    let rel = file
        .strip_prefix(root)
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/");
    format!("/{}", rel.strip_suffix("index.html").unwrap_or(&rel))
}

#[test]
fn ids_are_unique_on_every_page() {
    let root = site();
    let mut files = Vec::new();
    html_files(root, &mut files);
    for file in files {
        let doc = Html::parse_document(&fs::read_to_string(&file).unwrap());
        let mut seen = BTreeSet::new();
        for e in doc.select(&sel("[id]")) {
            let id = e.value().attr("id").unwrap();
            assert!(
                seen.insert(id.to_owned()),
                "{}: duplicate id \"{id}\"",
                file.display()
            );
        }
    }
}

#[test]
fn every_page_has_its_title_description_canonical_and_preview_tags() {
    let root = site();
    let mut files = Vec::new();
    html_files(root, &mut files);
    for file in files.iter().filter(|f| f.ends_with("index.html")) {
        let doc = Html::parse_document(&fs::read_to_string(file).unwrap());
        let path = url_path(root, file);
        let one = |s: &str| doc.select(&sel(s)).count();
        assert_eq!(one("title"), 1, "{path}");
        assert_eq!(one("h1"), 1, "{path}: one h1");
        assert_eq!(one(r#"meta[name="description"]"#), 1, "{path}");
        assert_eq!(one(r#"meta[property="og:title"]"#), 1, "{path}");
        let canonical = doc
            .select(&sel(r#"link[rel="canonical"]"#))
            .next()
            .unwrap()
            .value()
            .attr("href")
            .unwrap()
            .to_owned();
        assert_eq!(
            canonical,
            format!("https://trust.quillfeather.example{path}")
        );
        // The search and questionnaire pages have no content of their own to date.
        if !trust_center::ui::APP_ONLY_PATHS.contains(&path.as_str()) {
            assert!(one("time[datetime]") > 0, "{path}: last-updated date");
        }
    }
}

fn texts(doc: &Html, selector: &str) -> Vec<String> {
    doc.select(&sel(selector))
        .map(|e| e.text().collect::<String>().trim().to_owned())
        .collect()
}

#[test]
fn the_dpa_annex_lists_the_subprocessors_page_entries() {
    let root = site();
    let page =
        Html::parse_document(&fs::read_to_string(root.join("subprocessors/index.html")).unwrap());
    let dpa =
        Html::parse_document(&fs::read_to_string(root.join("documents/dpa/index.html")).unwrap());
    let listed: Vec<String> = texts(&page, "table.subprocessors tbody th a");
    let annexed: Vec<String> = dpa
        .select(&sel("#annex-subprocessors tbody th"))
        .map(|e| e.text().next().unwrap_or_default().trim().to_owned())
        .collect();
    assert!(listed.len() >= 10, "{listed:?}");
    assert_eq!(listed, annexed);
    // The subprocessor announced for 2026-12-10 is not yet in force on 2026-11-22, and the
    // replaced and removed ones are gone.
    assert!(
        !listed.iter().any(|n| n.contains("Ridgeline")),
        "{listed:?}"
    );
    assert!(
        !listed
            .iter()
            .any(|n| n.contains("Courierbird") || n.contains("Tallyhelp")),
        "{listed:?}"
    );
    // And the measures annex is the Security page's list.
    assert_eq!(
        texts(&dpa, "#annex-measures li"),
        texts(
            &Html::parse_document(&fs::read_to_string(root.join("security/index.html")).unwrap()),
            r#"section[aria-labelledby="measures"] li"#
        )
    );
}

#[test]
fn the_open_change_is_announced_on_the_overview_with_its_deadline() {
    let doc = Html::parse_document(&fs::read_to_string(site().join("index.html")).unwrap());
    let notice = texts(&doc, ".notice li").join(" ");
    assert!(notice.contains("Objections until 2026-12-09"), "{notice}");
    assert!(notice.contains("(18 days left)"), "{notice}");
}

#[test]
fn the_dpa_downloads_as_one_self_contained_file_with_the_same_text() {
    let root = site();
    let page =
        Html::parse_document(&fs::read_to_string(root.join("documents/dpa/index.html")).unwrap());
    let link = page
        .select(&sel(r#".actions a[download]"#))
        .find(|a| a.text().collect::<String>().contains("HTML"))
        .expect("a download link for the HTML copy");
    assert_eq!(link.value().attr("href"), Some("/documents/dpa/dpa.html"));

    let file =
        Html::parse_document(&fs::read_to_string(root.join("documents/dpa/dpa.html")).unwrap());
    assert_eq!(texts(&file, "h1"), texts(&page, "h1"));
    assert_eq!(texts(&file, ".document"), texts(&page, ".document"));
    assert_eq!(texts(&file, ".toc li"), texts(&page, ".toc li"));
    // Self-contained: styles inline, no script, nothing fetched, site links absolute.
    assert_eq!(
        file.select(&sel("script, link[rel=stylesheet], img"))
            .count(),
        0
    );
    // Not even an icon: browsers would otherwise ask for /favicon.ico.
    assert_eq!(
        file.select(&sel("link[rel=icon]"))
            .map(|l| l.value().attr("href"))
            .collect::<Vec<_>>(),
        [Some("data:,")]
    );
    // The site's stylesheet, minified, without the rules nothing in the document can match.
    let style = texts(&file, "style").join("");
    assert!(style.contains("main{max-width:60rem}"), "{style}");
    assert!(!style.contains(".site-header"), "{style}");
    assert!(style.contains("--brand:#"), "the brand colour: {style}");
    for a in file.select(&sel("a[href]")) {
        let href = a.value().attr("href").unwrap();
        assert!(
            href.starts_with('#') || href.starts_with("https://") || href.starts_with("mailto:"),
            "{href}"
        );
    }
}

#[test]
fn every_search_result_links_to_an_anchor_the_site_has() {
    let root = site();
    let bytes = fs::read(root.join("_search/index.bin")).unwrap();
    let index = trust_center::search::Index::from_bytes(&bytes).unwrap();
    assert!(index.docs().len() > 200, "{}", index.docs().len());
    for doc in index.docs() {
        let (path, anchor) = doc.url.split_once('#').unwrap_or((&doc.url, ""));
        let file = root.join(path.trim_start_matches('/')).join("index.html");
        let html = fs::read_to_string(&file).unwrap_or_else(|_| panic!("{}: no page", doc.url));
        if !anchor.is_empty() {
            let page = Html::parse_document(&html);
            let found = page.select(&sel(&format!(r#"[id="{anchor}"]"#))).count();
            assert_eq!(found, 1, "{}: the anchor is missing", doc.url);
        }
    }
}

#[test]
fn a_change_in_its_window_says_until_when_and_how_to_object() {
    let doc =
        Html::parse_document(&fs::read_to_string(site().join("subprocessors/index.html")).unwrap());
    let open = "#change-2026-12-payee-verification";
    let text = texts(&doc, &format!("{open} .objection")).join(" ");
    assert!(text.contains("until the end of 2026-12-09"), "{text}");
    assert!(text.contains("18 days left"), "{text}");
    let mailto = doc
        .select(&sel(&format!("{open} .objection a")))
        .next()
        .expect("an objection link")
        .value()
        .attr("href")
        .unwrap()
        .to_owned();
    let decoded = percent_encoding::percent_decode_str(&mailto)
        .decode_utf8()
        .unwrap();
    assert!(decoded.starts_with("mailto:privacy@quillfeather.example?subject=Objection to subprocessor change 2026-12-payee-verification"), "{decoded}");
    assert!(decoded.contains("effective 2026-12-10"), "{decoded}");
    assert!(decoded.contains("Customer (legal entity):"), "{decoded}");
    // Changes already in effect are closed to objections.
    assert_eq!(doc.select(&sel(".change .objection")).count(), 1);
}

/// A customer can be told of changes by their calendar: the subscription address makes a calendar
/// app follow the calendar of changes (an `https:` link would import it once, and go stale).
#[test]
fn changes_can_be_followed_by_subscribing_to_their_calendar() {
    let doc =
        Html::parse_document(&fs::read_to_string(site().join("subprocessors/index.html")).unwrap());
    let link = doc
        .select(&sel(".subscribe a[href^='webcal:']"))
        .next()
        .expect("a calendar subscription in the sign-up block");
    assert_eq!(
        link.value().attr("href"),
        Some("webcal://trust.quillfeather.example/subprocessors/changes.ics")
    );
    assert_eq!(
        link.text().collect::<String>(),
        "Subscribe in your calendar app"
    );
}

/// A customer deciding whether to object sees who is coming in, in full, before the list shows
/// them: entity, processing and data, locations, safeguard. Changes in effect show no such table.
#[test]
fn a_change_not_yet_in_effect_shows_the_incoming_subprocessor_in_full() {
    let doc =
        Html::parse_document(&fs::read_to_string(site().join("subprocessors/index.html")).unwrap());
    let open = "#change-2026-12-payee-verification";
    let row = texts(&doc, &format!("{open} table.annex tbody tr")).join(" ");
    for fact in [
        "Ridgeline Payee Verification B.V.",
        "Verification of payee",
        "IBANs",
        "Netherlands",
        "EEA only",
    ] {
        assert!(row.contains(fact), "{fact} not in {row}");
    }
    assert_eq!(doc.select(&sel(".change table.annex")).count(), 1);
}

/// "Last updated" is when what the page shows changed: its data's newest date or its front
/// matter's `updated`, never the day it happened to be built (the example is built on 2026-11-22).
#[test]
fn each_page_says_when_what_it_shows_last_changed_not_when_it_was_built() {
    let updated = |page: &str| {
        let doc = Html::parse_document(&fs::read_to_string(site().join(page)).unwrap());
        texts(&doc, ".page-header .updated time").pop()
    };
    let expected = [
        // The SOC 2 report issued on that day, newer than any certificate's validity.
        ("certifications/index.html", Some("2026-11-06")),
        // The change announced that day, after the list last changed on 2026-07-20.
        ("subprocessors/index.html", Some("2026-11-09")),
        // Front matter: the security program has no date of its own.
        ("security/index.html", Some("2026-10-15")),
        // The hall of fame's newest name.
        ("disclosure/index.html", Some("2026-08-14")),
    ];
    for (page, day) in expected {
        assert_eq!(updated(page).as_deref(), day, "{page}");
    }
    let root = site();
    let mut files = Vec::new();
    html_files(root, &mut files);
    for file in files {
        let page = file
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        assert_ne!(updated(&page).as_deref(), Some("2026-11-22"), "{page}");
    }
}

/// The disclosure page answers what a researcher asks before reporting: what may be tested, how
/// to behave, the legal promise, where and how to send a report (encrypted), how fast we answer,
/// and who was thanked.
#[test]
fn the_disclosure_page_has_every_part_a_researcher_looks_for() {
    let root = site();
    let doc =
        Html::parse_document(&fs::read_to_string(root.join("disclosure/index.html")).unwrap());
    let headings: Vec<String> = doc
        .select(&sel("main h2, main h3"))
        .map(|h| h.text().collect::<String>())
        .collect();
    for expected in [
        "How to report",
        "In scope",
        "Out of scope",
        "Rules of engagement",
        "Safe harbour",
        "What to expect",
        "Hall of fame",
    ] {
        assert!(
            headings.iter().any(|h| h == expected),
            "no \"{expected}\" in {headings:?}"
        );
    }
    let key = doc
        .select(&sel("#report ~ p a[href$='.asc']"))
        .next()
        .expect("a link to the encryption key");
    assert!(root
        .join(key.value().attr("href").unwrap().trim_start_matches('/'))
        .is_file());
    assert!(doc
        .select(&sel("#report ~ ul a[href^='mailto:']"))
        .next()
        .is_some());
    let timeline: String = doc
        .select(&sel("#timeline ~ *"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert!(timeline.contains("within 2 days"), "{timeline}");
}

/// The security page runs to dozens of screens on a phone: it opens with links to each of its
/// parts, every layer included, each to an element the page has.
#[test]
fn the_security_page_opens_with_its_parts() {
    let doc =
        Html::parse_document(&fs::read_to_string(site().join("security/index.html")).unwrap());
    let targets: Vec<String> = doc
        .select(&sel(r#"nav[aria-label="On this page"] a"#))
        .map(|a| {
            a.value()
                .attr("href")
                .unwrap()
                .trim_start_matches('#')
                .to_owned()
        })
        .collect();
    let layers = doc.select(&sel("section.layer")).count();
    assert_eq!(targets.len(), layers + 2, "{targets:?}");
    for id in &targets {
        assert_eq!(
            doc.select(&sel(&format!("[id='{id}']"))).count(),
            1,
            "#{id}"
        );
    }
}
