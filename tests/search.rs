//! Search over the example trust center, natively: the questions reviewers ask find the entry
//! that answers them, every section a page shows is an entry found by its heading, and every
//! result links to an anchor the site has.
#![cfg(feature = "ssr")]

use std::path::Path;

use scraper::{ElementRef, Html, Selector};
use trust_center::load;
use trust_center::model::{Date, Model};
use trust_center::publish;
use trust_center::search::{Engine, Query};
use trust_center::site::{PageData, SiteData};
use trust_center::ui::Route;

/// The example content as the generator sees it, and the pages it renders.
fn example() -> (Model, SiteData, Vec<PageData>) {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let (model, _) = load::load(&content, Date::ymd(2026, 11, 22)).unwrap();
    let site = publish::site_data(&model);
    let pages = publish::pages(&model, &site);
    (model, site, pages)
}

fn engine() -> &'static Engine {
    static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    ENGINE.get_or_init(|| {
        let (model, _, pages) = example();
        Engine::new(publish::search_index(&model, &pages))
    })
}

fn top(text: &str, n: usize) -> Vec<String> {
    engine()
        .search(&Query {
            text,
            section: None,
            limit: n,
        })
        .into_iter()
        .map(|h| h.doc.url.clone())
        .collect()
}

#[track_caller]
fn finds(query: &str, expected: &str, within: usize) {
    let got = top(query, within);
    assert!(
        got.iter().any(|u| u == expected),
        "{query:?}: expected {expected} in the top {within}, got {got:#?}"
    );
}

#[test]
fn reviewer_questions_find_their_answers() {
    finds("sso", "/faq/#sso", 1);
    finds("do you support single sign-on?", "/faq/#sso", 1);
    finds("2fa", "/faq/#mfa", 2);
    finds("pentest report", "/faq/#pentest-report", 1);
    finds("pentest report", "/documents/#pentest-summary", 5);
    finds("encryption at rest", "/security/#encryption-at-rest", 3);
}

#[test]
fn typing_letter_by_letter_finds_early() {
    finds("penetr", "/faq/#penetration-testing", 3);
    finds("encrytion at res", "/security/#encryption-at-rest", 5);
}

#[test]
fn subprocessors_certifications_and_dpa_sections_are_found() {
    finds("alpstack", "/subprocessors/#alpstack-cloud", 1);
    // Announced, not yet on the list: found by its change.
    finds(
        "ridgeline",
        "/subprocessors/#change-2026-12-payee-verification",
        3,
    );
    finds("iso 27001", "/certifications/#iso27001", 3);
    finds(
        "dpa international transfers",
        "/documents/dpa/#8-international-transfers",
        3,
    );
}

/// Finds the entry titled `title` at `url` in the top `within`: several entries can share an
/// anchor (the parts of a section whose parts have no anchors of their own).
#[track_caller]
fn finds_titled(query: &str, url: &str, title: &str, within: usize) {
    let hits = engine().search(&Query {
        text: query,
        section: None,
        limit: within,
    });
    let got: Vec<(&str, &str)> = hits
        .iter()
        .map(|h| (h.doc.url.as_str(), h.doc.title.as_str()))
        .collect();
    assert!(
        got.contains(&(url, title)),
        "{query:?}: expected {title:?} at {url} in the top {within}, got {got:#?}"
    );
}

/// The queries of a user review that found nothing, or not the section asked for: sections the
/// pages' views write (a table, the measures, the hall of fame), and abbreviations.
#[test]
fn the_sections_of_the_pages_are_found_by_their_headings() {
    finds_titled("retention", "/data-privacy/#retention", "Retention", 3);
    finds_titled(
        "breach notification",
        "/security/#program",
        "Breach notification",
        1,
    );
    let measures = "Technical and organisational measures";
    finds_titled(measures, "/security/#measures", measures, 1);
    finds_titled(
        "technical and organizational measures",
        "/security/#measures",
        measures,
        2,
    );
    finds_titled("toms", "/security/#measures", measures, 2);
    finds_titled(
        "hall of fame",
        "/disclosure/#hall-of-fame",
        "Hall of fame",
        1,
    );
    // Their parts too, by their headings and by what they list.
    finds_titled(
        "physical access control",
        "/security/#measures-physical-access",
        "Physical access control",
        1,
    );
    finds("nightjar", "/disclosure/#hall-of-fame", 1);
}

#[test]
fn abbreviations_find_what_the_pages_spell_out() {
    finds("SLA", "/documents/service-level-agreement/", 2);
    finds("sla", "/documents/service-level-agreement/", 2);
    // Uptime is what the SLA calls availability.
    finds(
        "uptime",
        "/documents/service-level-agreement/#availability",
        5,
    );
    // The disclosure page offers an "OpenPGP key": one word, which "pgp" neither is nor begins.
    finds("pgp", "/disclosure/#report", 2);
    finds("pgp key", "/disclosure/#report", 2);
    finds("dpia", "/security/#program", 3);
}

/// Where a heading of a page lands: its own anchor or its card's (a section, a control), with
/// the element that holds it; or, for a part of a section without one, the anchor of the section
/// it sits in (which names its heading with `aria-labelledby`).
enum Place<'a> {
    Own(Vec<String>, ElementRef<'a>),
    Within(Option<String>),
}

fn place(heading: ElementRef<'_>) -> Place<'_> {
    let parent = heading.parent().and_then(ElementRef::wrap);
    let own: Vec<String> = [Some(heading), parent]
        .into_iter()
        .flatten()
        .filter_map(|e| e.value().id().map(str::to_owned))
        .collect();
    if !own.is_empty() {
        let holder = parent
            .filter(|p| p.value().id().is_some())
            .unwrap_or(heading);
        return Place::Own(own, holder);
    }
    let section = heading
        .ancestors()
        .filter_map(ElementRef::wrap)
        .find_map(|e| {
            let v = e.value();
            v.id().or(v.attr("aria-labelledby")).map(str::to_owned)
        });
    Place::Within(section)
}

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every heading a page shows leads to an entry: one with an anchor of its own (a section, a
/// card, a control) is an entry of that title there, or where its card links to (a public
/// document's page); one without (a part of a section) is found by its words at the anchor of
/// its section. So a section a view adds, or a heading it rewords, fails here until the index
/// has it, rather than going unfound.
#[test]
fn every_heading_of_every_page_leads_to_an_entry() {
    // Sections that repeat entries found where they belong (the overview's certifications and
    // latest updates, the changes open for objection, the DPA's generated annexes), and the
    // headings of page furniture (a document's contents, the sign-up form).
    const REPEATS: &[&str] = &[
        "open-changes",
        "overview-certifications",
        "latest",
        "annex-measures",
        "annex-subprocessors",
    ];
    const FURNITURE: &[&str] = &["toc-heading", "subscribe-heading"];

    let (_, site, pages) = example();
    let docs = engine().index().docs();
    let headings = Selector::parse("main h2, main h3, main h4").unwrap();
    let links = Selector::parse("a[href^='/']").unwrap();
    let mut missing = Vec::new();
    for page in &pages {
        let html = publish::render_body(&site, Route::Page(Box::new(page.clone())), &page.path);
        let html = Html::parse_fragment(&html);
        for h in html.select(&headings) {
            let skipped = std::iter::once(h)
                .chain(h.ancestors().filter_map(ElementRef::wrap))
                .flat_map(|e| [e.value().id(), e.value().attr("aria-labelledby")])
                .flatten()
                .any(|id| REPEATS.contains(&id) || FURNITURE.contains(&id));
            if skipped {
                continue;
            }
            // A card's heading reads its badges too ("SOC 2 Type II Active").
            let heading = words(&h.text().collect::<String>());
            let found = match place(h) {
                Place::Own(anchors, holder) => {
                    let mut urls: Vec<String> = anchors
                        .iter()
                        .map(|a| format!("{}#{a}", page.path))
                        .collect();
                    urls.extend(
                        holder
                            .select(&links)
                            .filter_map(|a| a.value().attr("href"))
                            .map(str::to_owned),
                    );
                    docs.iter().any(|d| {
                        urls.contains(&d.url)
                            && (heading == d.title || heading.starts_with(&format!("{} ", d.title)))
                    })
                }
                Place::Within(anchor) => {
                    let url = format!("{}#{}", page.path, anchor.unwrap_or_default());
                    let hits = engine().search(&Query {
                        text: &heading,
                        section: None,
                        limit: docs.len(),
                    });
                    let most = hits.first().map_or(0, |h| h.matched);
                    hits.iter().any(|h| h.doc.url == url && h.matched == most)
                }
            };
            if !found {
                missing.push(format!("{} {heading:?}", page.path));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "headings no entry leads to:\n{}",
        missing.join("\n")
    );
}
