//! The browser side: bring the page's islands to life.
//!
//! Every page arrives fully rendered as static HTML, and most of it stays static: headings, text,
//! tables and links need no code. Only the interactive parts (the search box and results, the
//! subprocessor and control filters, copy and print buttons, the subscription form, the
//! questionnaire assistant) are Leptos islands. The Wasm module carries only those, and each
//! hydrates from the props the pre-render wrote beside it; there is no client-side router, no
//! site or page data to fetch, and a link is an ordinary page load of a precompressed file.
//!
//! `src/js/islands.js` (inline at the end of every page's body) loads the module after the first
//! paint, then calls the hydration function the `#[island]` macro exports for each. At the end,
//! not in the head: Chromium's parser stops at a script element, even a module's that runs only
//! once the page is parsed, and on a slow phone it yields there and runs a frame. In the head
//! that frame has nothing to paint, and the rest of the page is then parsed, and styled and laid
//! out for `DOMContentLoaded`, in one task before the frame that paints; at the end of the body
//! the page mostly paints first (traced loads of `/certifications/`: `DOMContentLoaded` came
//! before the first paint in 2 of 9 against 8 of 9; `make bench-fcp-variants`, variant
//! `head-script`). Trunk writes no loader
//! and no preloads into the page (Trunk.toml), only that starter and two `<meta>` elements naming
//! the app's JS module and its Wasm: the page paints from its own HTML and stylesheet, and
//! fetching and compiling the app before that would take the network and a slow phone's main
//! thread from the first paint (bench/README.md). Islands are not nested on this site, so the
//! starter walks them flat. After the first paint it also loads the whole stylesheet (named by
//! a third `<meta>`; see `publish::css`), beside the module, and hydrates once both are in: a
//! page inlines only the rules its own markup can match, and the islands create markup it does
//! not have yet. The sheet goes where that `<meta>` is, right after the page's own rules and
//! before the brand colour's, which must still win over the sheet's default.
//! When every island is live the document gets `data-hydrated` (the
//! tests wait for it); `window.wasmBindings` is the module's exports, for the benchmarks. The
//! starter's own comments travel in every page, so its reasons are kept here.

/// Starts the app: called once from the Wasm entry point, before the islands hydrate.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `import.meta.resolve`: an address relative to this module's.
    #[wasm_bindgen(js_namespace = ["import", "meta"])]
    fn resolve(specifier: &str) -> String;
}

/// The address of the site path `path` (`/search/`) in the browser. The app's module is
/// published at the root of the site, which may be under a path of its host (`/trust/`): the
/// module's own address says where that is, whatever page is showing.
pub fn site_href(path: &str) -> String {
    let mut url = resolve("./");
    url.push_str(path.strip_prefix('/').unwrap_or(path));
    url
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

/// GETs `url` as bytes.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    get(url)
        .await?
        .binary()
        .await
        .map_err(|e| format!("{url}: {e}"))
}
