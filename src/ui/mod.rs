//! The Leptos components of the trust center, shared by the native pre-render and the Wasm app.
//!
//! [`App`] is one page of the site, rendered at build time from [`SiteData`] and the page's data.
//! The interactive parts are islands (`#[island]`): the only components compiled into the Wasm,
//! each hydrated from the props the pre-render serialised beside it, so the HTML written at build
//! time and the DOM an island takes over agree. Interactive controls render disabled and come
//! alive once their island runs ([`use_live`]), so pages work, and look the same, without
//! JavaScript.

mod pages;
mod questionnaire;
mod search;
mod shell;
mod subscribe;
mod widgets;

use leptos::prelude::*;

pub use pages::{
    answer_text_id, category_heading_id, certification_name_id, document_page_ids, page_ids,
    DocumentText, NOT_FOUND_HEADING,
};
pub use questionnaire::QUESTIONNAIRE_HEADING;
pub use search::SEARCH_PATH;
pub use widgets::Facts;

use crate::site::{PageData, SiteData};
use pages::{NotFound, PageView};
use shell::{Footer, Header};

/// Routes with no content of their own: their islands fill them (search results, the
/// questionnaire assistant).
pub const APP_ONLY_PATHS: [&str; 2] = [SEARCH_PATH, crate::questionnaire::PAGE_PATH];

/// What the main part of a page shows.
#[derive(Clone, Debug)]
pub enum Route {
    /// A page of the trust center, from its data.
    Page(Box<PageData>),
    /// The search results page ([`SEARCH_PATH`]).
    Search,
    /// The questionnaire assistant ([`crate::questionnaire::PAGE_PATH`]).
    Questionnaire,
    /// The page static hosts serve at any unknown address.
    NotFound,
}

/// The ids every page gives elements of its own (the main content, the search box). No heading
/// of the content's Markdown takes one (see `markdown`): the skip link's `#main` stays the main
/// content whatever a document calls its sections.
pub const SHELL_IDS: &[&str] = &["main", "search-input", "search-results"];

/// The ids the app gives, in the browser, to elements of every page that the built HTML does not
/// have yet (the search drop-down's results): no heading of the content takes one either.
pub fn browser_ids() -> impl Iterator<Item = String> {
    (0..search::DROPDOWN_RESULTS).map(search::result_id)
}

/// The whole page body: header, the route's content, footer.
///
/// Rendered at build time, for the page at `path`: the browser receives it as HTML and hydrates
/// only the islands inside it. There is no client-side router; a link loads the page it names.
#[component]
pub fn App(site: SiteData, route: Route, path: String) -> impl IntoView {
    provide_context(site);
    let main = match route {
        Route::Page(page) => view! { <PageView page=*page /> }.into_any(),
        Route::Search => view! { <search::SearchPage /> }.into_any(),
        Route::Questionnaire => view! { <questionnaire::QuestionnairePage /> }.into_any(),
        Route::NotFound => view! { <NotFound /> }.into_any(),
    };
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <Header path />
        <main id="main" tabindex="-1">{main}</main>
        <Footer />
    }
}

/// The address of the site path `path` as an island links to it: under the site's base path
/// (the pre-render's [`SiteData::href`]; in the browser, where no context reaches an island,
/// [`crate::client::site_href`]).
pub(crate) fn island_href(path: &str) -> String {
    #[cfg(feature = "hydrate")]
    {
        crate::client::site_href(path)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        use_context::<SiteData>().map_or_else(|| path.to_owned(), |site| site.href(path))
    }
}

/// Whether the island is running (false while pre-rendering and during hydration): controls that
/// need code render disabled until then, with no change of layout.
pub(crate) fn use_live() -> ReadSignal<bool> {
    let (live, set_live) = signal(false);
    Effect::new(move |_| set_live.set(true));
    live
}
