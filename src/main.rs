//! The Wasm entry point: Trunk builds this binary with the `hydrate` feature.

use trust_center::search::{Engine, Query};
use wasm_bindgen::prelude::*;

fn main() {
    trust_center::client::start();
}

/// The site's search engine as JavaScript sees it (`window.wasmBindings.SearchEngine`), so that
/// `bench/search` measures exactly the code the site ships against the JavaScript engines.
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
