//! The Wasm entry point of the questionnaire page: Trunk builds this binary from
//! `questionnaire.html` with the `hydrate` and `questionnaire-ui` features. It is the browsing
//! app plus the questionnaire assistant's island; every other page loads the smaller
//! `trust-center-app` instead.

use trust_center::search::{Engine, Query};
use wasm_bindgen::prelude::*;

fn main() {
    trust_center::client::start();
}

/// The site's search engine as JavaScript sees it (`window.wasmBindings.SearchEngine` on the
/// questionnaire page), so that `bench/search` measures the code the site ships, compiled as
/// the site compiles it, against the JavaScript engines. It is exported here, not from the app
/// every other page loads, which would carry it for nothing (a kilobyte of brotli).
#[wasm_bindgen]
pub struct SearchEngine(Engine);

#[wasm_bindgen]
impl SearchEngine {
    /// Decodes an index fetched from `/_search/index.bin`.
    pub fn load(bytes: &[u8]) -> Result<SearchEngine, JsError> {
        Engine::load(bytes)
            .map(SearchEngine)
            .map_err(|e| JsError::new(&e.to_string()))
    }

    /// The URLs of the best `limit` results for `query`, best first.
    pub fn search(&self, query: &str, limit: usize) -> Vec<String> {
        self.0
            .search(&Query {
                text: query,
                section: None,
                limit,
            })
            .into_iter()
            .map(|hit| hit.doc.url.clone())
            .collect()
    }
}
