//! The browser side: fetch the data the pre-rendered page was built from, then hydrate it.
//!
//! The page is already fully painted from static HTML when this runs. The app fetches the site
//! data and the current route's data (both preloaded by `<link rel="preload">` in the page head,
//! so they arrive alongside the Wasm) and hydrates the existing DOM without re-rendering it. If
//! either fetch fails, the static page simply stays as it is: every link still works.

use leptos::prelude::*;
use serde::de::DeserializeOwned;

use crate::site::{canonical_path, data_path, SiteData, SITE_DATA_PATH};
use crate::ui::{App, PageStore};

/// Starts the app: called once from the Wasm entry point.
pub fn start() {
    console_error_panic_hook::set_once();
    // Leptos' executor starts with hydration; until then the browser's own drives the fetches.
    wasm_bindgen_futures::spawn_local(async {
        let site = match fetch_json::<SiteData>(SITE_DATA_PATH).await {
            Ok(site) => site,
            Err(e) => return leptos::logging::warn!("trust center stays static: {e}"),
        };
        // The page says which page it was rendered as: its own path, or "404" for the page
        // static hosts serve at any unknown address.
        let rendered_as = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|e| e.get_attribute("data-page"))
            .unwrap_or_default();
        let not_found = rendered_as == "404" || rendered_as.is_empty();
        let mut pages = Vec::new();
        // The search and questionnaire pages have no data of their own.
        if !not_found && !crate::ui::APP_ONLY_PATHS.contains(&rendered_as.as_str()) {
            match fetch_json(&data_path(&canonical_path(&rendered_as))).await {
                Ok(page) => pages.push(page),
                Err(e) => return leptos::logging::warn!("trust center stays static: {e}"),
            }
        }
        let pages = PageStore::new(pages);
        leptos::mount::hydrate_body(move || view! { <App site pages not_found /> });
        // Marks the document as live: tests wait for it, and styles may rely on it.
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            _ = root.set_attribute("data-hydrated", "");
        }
    });
}

/// GETs `url`; an error names the URL and what went wrong.
async fn get(url: &str) -> Result<gloo_net::http::Response, String> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| format!("{url}: {e}"))?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    Ok(response)
}

/// GETs `url` and decodes its JSON body.
pub async fn fetch_json<T: DeserializeOwned>(url: &str) -> Result<T, String> {
    get(url)
        .await?
        .json::<T>()
        .await
        .map_err(|e| format!("{url}: {e}"))
}

/// GETs `url` as bytes.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    get(url)
        .await?
        .binary()
        .await
        .map_err(|e| format!("{url}: {e}"))
}
