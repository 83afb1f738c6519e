//! The data of the pages visited so far, and fetching the rest on client-side navigation.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::site::{data_path, PageData};

/// Where a page's data stands.
#[derive(Clone, Debug, PartialEq)]
pub enum PageState {
    /// Requested, not yet arrived.
    Loading,
    /// Ready to render.
    Ready(Arc<PageData>),
    /// Could not be loaded; the message says why.
    Failed(String),
}

/// A reactive map from page path to its data, shared through context.
#[derive(Clone, Copy, Debug)]
pub struct PageStore {
    pages: RwSignal<BTreeMap<String, PageState>>,
}

impl PageStore {
    /// A store that already holds `pages`; the others are fetched on first use.
    pub fn new(pages: impl IntoIterator<Item = PageData>) -> Self {
        let pages = pages
            .into_iter()
            .map(|p| (p.path.clone(), PageState::Ready(Arc::new(p))))
            .collect();
        PageStore {
            pages: RwSignal::new(pages),
        }
    }

    /// The state of the data of the page at `path` (canonical, with trailing slash), starting
    /// to load it if nobody has asked before.
    pub fn page(&self, path: String) -> Signal<PageState> {
        let known = self.pages.with_untracked(|p| p.contains_key(&path));
        if !known {
            self.set(&path, PageState::Loading);
            self.fetch(path.clone());
        }
        let pages = self.pages;
        Signal::derive(move || pages.with(|p| p.get(&path).cloned().unwrap_or(PageState::Loading)))
    }

    fn set(&self, path: &str, state: PageState) {
        self.pages.update(|p| {
            p.insert(path.to_owned(), state);
        });
    }

    #[cfg(feature = "hydrate")]
    fn fetch(&self, path: String) {
        let store = *self;
        leptos::task::spawn_local(async move {
            let state = match crate::client::fetch_json::<PageData>(&data_path(&path)).await {
                Ok(page) => PageState::Ready(Arc::new(page)),
                Err(e) => PageState::Failed(e),
            };
            store.set(&path, state);
        });
    }

    #[cfg(not(feature = "hydrate"))]
    fn fetch(&self, path: String) {
        // Pre-rendering gets every page's data up front; reaching here is a generator bug, and
        // the page says so instead of rendering half a page.
        self.set(
            &path,
            PageState::Failed(format!("no data at {}", data_path(&path))),
        );
    }
}
