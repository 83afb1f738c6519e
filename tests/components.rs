//! Component tests in a real browser (headless Chromium through wasm-bindgen-test): the shell,
//! a section page, and what the search island tells a visitor when the index cannot be fetched.
#![cfg(target_arch = "wasm32")]

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use trust_center::site::{
    ContactLink, Fact, Logo, Overview, PageBody, PageData, Section, SiteData,
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
    }
}

fn overview() -> PageData {
    PageData {
        path: "/".into(),
        section: Section::Overview,
        heading: "Testco Trust Center".into(),
        title: "Testco Trust Center".into(),
        intro_html: "<p>We keep <strong>your data</strong> safe.</p>".into(),
        updated: "2026-11-22".into(),
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
