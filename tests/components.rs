//! Component tests in a real browser (headless Chromium through wasm-bindgen-test): the shell,
//! a section page, what the search island tells a visitor when the index cannot be fetched, and
//! the subprocessor list turned back to past days.
#![cfg(target_arch = "wasm32")]

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use trust_center::site::{
    ContactLink, Fact, History, Logo, Overview, PageBody, PageData, Section, SiteData, Snapshot,
    SubprocessorRow, Subprocessors, Subscribe,
};
use trust_center::ui::{App, Route};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn site() -> SiteData {
    SiteData {
        name: "Testco".into(),
        tagline: "We test things".into(),
        logo: Some(Logo {
            src: "/assets/logo.svg".into(),
            alt: "Testco logo".into(),
        }),
        contacts: vec![ContactLink {
            label: "Security".into(),
            text: "security@testco.example".into(),
            href: "mailto:security@testco.example".into(),
        }],
        legal_line: "Testco Ltd, 1 Test Street, London".into(),
        url: "https://trust.testco.example".into(),
    }
}

fn overview() -> PageData {
    PageData {
        path: "/".into(),
        section: Section::Overview,
        heading: "Testco Trust Center".into(),
        title: "Testco Trust Center".into(),
        intro_html: "<p>We keep <strong>your data</strong> safe.</p>".into(),
        updated: Some("2026-11-22".into()),
        body: PageBody::Overview(Overview {
            certifications: vec![],
            commitments: vec![Fact {
                label: "Deletion".into(),
                value: "Within 30 days".into(),
            }],
            open_changes: vec![],
            latest_updates: vec![],
        }),
    }
}

/// A fresh element to mount into; the runner's own page content stays untouched.
fn container() -> HtmlElement {
    let document = document();
    let el = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn all_texts(root: &Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn the_shell_shows_the_organization_navigation_and_contacts() {
    let root = container();
    let _app = mount_to(root.clone(), || {
        view! { <App site=site() route=Route::Page(Box::new(overview())) path="/".to_owned() /> }
    });
    tick().await;

    assert_eq!(text(&root, ".brand-name"), "Testco");
    assert_eq!(
        all_texts(&root, ".site-nav a"),
        Section::ALL
            .iter()
            .map(|s| s.nav_label())
            .collect::<Vec<_>>()
    );
    assert_eq!(text(&root, "footer a"), "security@testco.example");
    assert_eq!(
        root.query_selector("img.logo")
            .unwrap()
            .unwrap()
            .get_attribute("alt")
            .as_deref(),
        Some("Testco logo")
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn the_overview_renders_its_heading_and_rendered_introduction() {
    let root = container();
    let _app = mount_to(root.clone(), || {
        view! { <App site=site() route=Route::Page(Box::new(overview())) path="/".to_owned() /> }
    });
    tick().await;

    assert_eq!(text(&root, "main h1"), "Testco Trust Center");
    // Introductions arrive as HTML rendered at build time, and are shown as markup.
    assert_eq!(text(&root, ".prose strong"), "your data");
    assert_eq!(text(&root, ".facts dd"), "Within 30 days");
    assert_eq!(
        all_texts(&root, ".site-nav a[aria-current=page]"),
        vec!["Overview"]
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn search_says_so_when_the_index_cannot_be_fetched() {
    // The test server has no /_search/index.bin, so the fetch answers 404.
    let root = container();
    let _app = mount_to(root.clone(), || {
        view! { <App site=site() route=Route::Search path="/search/".to_owned() /> }
    });
    tick().await;
    let input: web_sys::HtmlInputElement = root
        .query_selector("#search-page-input")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(
        !input.disabled(),
        "the search box is live once the island runs"
    );
    input.set_value("encryption");
    // As typing does: the event bubbles (Leptos listens for it on the document).
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    let status = || text(&root, "main .search-status");
    // The view updates asynchronously: give the fetch up to two seconds to fail.
    let unavailable = "Search is unavailable right now.";
    for _ in 0..100 {
        if status() == unavailable {
            break;
        }
        gloo_timers_sleep(20).await;
    }
    assert_eq!(status(), unavailable);
    // The results page keeps the query in its address, to be shared.
    assert!(web_sys::window()
        .unwrap()
        .location()
        .href()
        .unwrap()
        .ends_with("/search/?q=encryption"));
    root.remove();
}

fn subprocessor(id: &str, name: &str, country: &str, since: &str) -> SubprocessorRow {
    SubprocessorRow {
        id: id.into(),
        name: name.into(),
        entity: format!("{name} Ltd"),
        contact: None,
        website: format!("https://{id}.example"),
        purpose: "Work".into(),
        locations: vec![country.into()],
        transfer: "EEA only".into(),
        dpa_url: None,
        since: since.into(),
        regions: vec![],
        data_categories: vec![],
    }
}

fn snapshot(date: &str, rows: Vec<usize>) -> Snapshot {
    Snapshot {
        date: date.into(),
        rows,
        csv: format!("/subprocessors/history/{date}.csv"),
        json: format!("/subprocessors/history/{date}.json"),
    }
}

/// Today: Host and Vaultline, back since 2026-06-01. Before it left on 2025-03-03, Vaultline
/// had been on the list since 2024-01-15, beside a mailer in the United States.
fn subprocessors() -> PageData {
    PageData {
        path: "/subprocessors/".into(),
        section: Section::Subprocessors,
        heading: "Subprocessors".into(),
        title: "Subprocessors".into(),
        intro_html: String::new(),
        updated: Some("2026-06-01".into()),
        body: PageBody::Subprocessors(Subprocessors {
            rows: vec![
                subprocessor("host", "Host", "Germany", "2024-01-15"),
                subprocessor("vaultline", "Vaultline", "Netherlands", "2026-06-01"),
            ],
            last_updated: "2026-06-01".into(),
            regions: vec![],
            open_changes: vec![],
            changes: vec![],
            follow: vec![],
            subscribe: Subscribe {
                endpoint: None,
                mailto: None,
            },
            history: History {
                snapshots: vec![
                    snapshot("2024-01-15", vec![0, 2, 3]),
                    snapshot("2025-03-03", vec![0, 3]),
                    snapshot("2026-06-01", vec![0, 1]),
                ],
                former: vec![
                    subprocessor("vaultline", "Vaultline", "Netherlands", "2024-01-15"),
                    subprocessor("mailer", "Mailer", "United States", "2024-01-15"),
                ],
                until: "2026-11-22".into(),
            },
        }),
    }
}

/// Sets a form control's value and fires `event` as a visitor's edit does (bubbling, since
/// Leptos listens on the document).
fn edit(root: &Element, selector: &str, value: &str, event: &str) {
    let control = root.query_selector(selector).unwrap().unwrap();
    match control.dyn_ref::<web_sys::HtmlSelectElement>() {
        Some(select) => select.set_value(value),
        None => control
            .unchecked_ref::<web_sys::HtmlInputElement>()
            .set_value(value),
    }
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    control
        .dispatch_event(&web_sys::Event::new_with_event_init_dict(event, &init).unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn the_subprocessor_list_shows_each_past_day_with_that_days_rows() {
    let root = container();
    let _app = mount_to(root.clone(), || {
        view! { <App site=site() route=Route::Page(Box::new(subprocessors())) path="/subprocessors/".to_owned() /> }
    });
    tick().await;
    let listed = || all_texts(&root, "table.subprocessors tbody tr:not([hidden])").len();
    let since = |id: &str| text(&root, &format!("table.subprocessors tr[id='{id}'] time"));
    let countries = || all_texts(&root, ".filters select[name=country] option");

    assert_eq!(listed(), 2);
    assert_eq!(since("vaultline"), "2026-06-01");
    assert_eq!(countries(), ["All countries", "Germany", "Netherlands"]);

    // Turned back to its first stay, Vaultline shows that stay's start, and the mailer's
    // country can be filtered by.
    edit(&root, ".filters input[type=date]", "2024-06-01", "input");
    tick().await;
    assert_eq!(listed(), 3);
    assert_eq!(since("vaultline"), "2024-01-15");
    assert_eq!(
        countries(),
        ["All countries", "Germany", "Netherlands", "United States"]
    );
    edit(
        &root,
        ".filters select[name=country]",
        "United States",
        "change",
    );
    tick().await;
    assert_eq!(text(&root, ".filters .count"), "1 of 3 shown");

    // While it was gone.
    edit(&root, ".filters input[type=date]", "2025-06-01", "input");
    tick().await;
    assert!(root.query_selector("tr[id='vaultline']").unwrap().is_none());

    // After the build's day the list is not known yet, only announced.
    edit(&root, ".filters input[type=date]", "2027-01-01", "input");
    tick().await;
    assert!(
        text(&root, ".as-of").starts_with("The list as published on 2026-11-22"),
        "{}",
        text(&root, ".as-of")
    );

    // Back: the returning stay's row, not the first one's; the chosen country stays chosen
    // though today's list has nobody there.
    edit(&root, ".filters input[type=date]", "", "input");
    tick().await;
    assert_eq!(since("vaultline"), "2026-06-01");
    assert_eq!(text(&root, ".filters .count"), "0 of 2 shown");
    let select: web_sys::HtmlSelectElement = root
        .query_selector(".filters select[name=country]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(select.value(), "United States");
    root.remove();
}

/// Sleeps without blocking the browser's event loop.
async fn gloo_timers_sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}
