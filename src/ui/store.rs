//! The data of the routes visited so far, and fetching the rest on client-side navigation.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::site::{PageData, Section};

/// Where a route's data stands.
#[derive(Clone, Debug, PartialEq)]
pub enum PageState {
    /// Requested, not yet arrived.
    Loading,
    /// Ready to render.
    Ready(Arc<PageData>),
    /// Could not be loaded; the message says why.
    Failed(String),
}

/// A reactive map from section to its data, shared through context.
#[derive(Clone, Copy, Debug)]
pub struct PageStore {
    pages: RwSignal<BTreeMap<Section, PageState>>,
}

impl PageStore {
    /// A store that already holds `pages`; the others are fetched on first use.
    pub fn new(pages: impl IntoIterator<Item = PageData>) -> Self {
        let pages = pages
            .into_iter()
            .map(|p| (p.section, PageState::Ready(Arc::new(p))))
            .collect();
        PageStore {
            pages: RwSignal::new(pages),
        }
    }

    /// The state of `section`'s data, starting to load it if nobody has asked before.
    pub fn page(&self, section: Section) -> Signal<PageState> {
        let known = self.pages.with_untracked(|p| p.contains_key(&section));
        if !known {
            self.pages.update(|p| {
                p.insert(section, PageState::Loading);
            });
            self.fetch(section);
        }
        let pages = self.pages;
        Signal::derive(move || {
            pages.with(|p| p.get(&section).cloned().unwrap_or(PageState::Loading))
        })
    }

    fn set(&self, section: Section, state: PageState) {
        self.pages.update(|p| {
            p.insert(section, state);
        });
    }

    #[cfg(feature = "hydrate")]
    fn fetch(&self, section: Section) {
        let store = *self;
        leptos::task::spawn_local(async move {
            let state = match crate::client::fetch_json::<PageData>(&section.data_path()).await {
                Ok(page) => PageState::Ready(Arc::new(page)),
                Err(e) => PageState::Failed(e),
            };
            store.set(section, state);
        });
    }

    #[cfg(not(feature = "hydrate"))]
    fn fetch(&self, section: Section) {
        // Pre-rendering gets every route's data up front; reaching here is a generator bug, and
        // the page says so instead of rendering half a page.
        self.set(
            section,
            PageState::Failed(format!("no data for {section:?}")),
        );
    }
}
