//! The Leptos components of the trust center, shared by the native pre-render and the Wasm app.
//!
//! [`App`] is the whole site: the shell around a router whose routes are listed here, in one
//! place. Every component renders from [`SiteData`] and the [`PageStore`], never from anything the
//! browser alone knows, so the HTML rendered at build time and the DOM the app hydrates agree.
//! Interactive controls render disabled and come alive once the app runs ([`use_live`]), so pages
//! work, and look the same, without JavaScript.

mod pages;
mod questionnaire;
mod search;
mod shell;
mod store;
mod subscribe;
mod widgets;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_params_map;
use leptos_router::path;

pub use pages::{DocumentText, NOT_FOUND_HEADING};
pub use questionnaire::QUESTIONNAIRE_HEADING;
pub use search::{SearchIndex, SEARCH_PATH};
pub use store::{PageState, PageStore};
pub use widgets::Facts;

use crate::site::{Section, SiteData};
use pages::{NotFound, PageRoute};
use shell::{Footer, Header};

/// Routes whose page has no data file: the app fills them (search results, the questionnaire
/// assistant).
pub const APP_ONLY_PATHS: [&str; 2] = [SEARCH_PATH, crate::questionnaire::PAGE_PATH];

/// The whole trust center: header, the current route, footer.
///
/// `site` is what every page shows; `pages` holds the data of the pages known so far (on the
/// first render exactly the page shown) and fetches the others when visited. `not_found` renders
/// the 404 page whatever the address, as static hosts serve `404.html` for any unknown path; the
/// app then hands over to the routes.
#[component]
pub fn App(site: SiteData, pages: PageStore, #[prop(optional)] not_found: bool) -> impl IntoView {
    provide_context(site);
    provide_context(pages);
    SearchIndex::provide();
    view! {
        <Router>
            // rel="external" leaves the link to the browser, which moves focus to the target.
            <a class="skip-link" href="#main" rel="external">"Skip to content"</a>
            <Header />
            <main id="main" tabindex="-1">
                <Body not_found />
            </main>
            <Footer />
        </Router>
    }
}

#[component]
fn Body(not_found: bool) -> impl IntoView {
    // The 404 page is hydrated as pre-rendered, then handed to the routes at once (their
    // fallback shows the same page), so that navigating away from it works like from any page.
    let showing_404 = RwSignal::new(not_found);
    Effect::new(move |_| {
        // Only the 404 page changes; setting the same value would re-render every page.
        if showing_404.get_untracked() {
            showing_404.set(false);
        }
    });
    move || {
        if showing_404.get() {
            view! { <NotFound /> }.into_any()
        } else {
            view! {
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=|| view! { <PageRoute path=Section::Overview.path() /> } />
                    <Route path=path!("/certifications") view=|| view! { <PageRoute path=Section::Certifications.path() /> } />
                    <Route path=path!("/security") view=|| view! { <PageRoute path=Section::Security.path() /> } />
                    <Route path=path!("/subprocessors") view=|| view! { <PageRoute path=Section::Subprocessors.path() /> } />
                    <Route path=path!("/data-privacy") view=|| view! { <PageRoute path=Section::DataPrivacy.path() /> } />
                    <Route path=path!("/documents") view=|| view! { <PageRoute path=Section::Documents.path() /> } />
                    <Route path=path!("/documents/:id") view=DocumentRoute />
                    <Route path=path!("/disclosure") view=|| view! { <PageRoute path=Section::Disclosure.path() /> } />
                    <Route path=path!("/faq") view=|| view! { <PageRoute path=Section::Faq.path() /> } />
                    <Route path=path!("/updates") view=|| view! { <PageRoute path=Section::Updates.path() /> } />
                    <Route path=path!("/search") view=search::SearchPage />
                    <Route path=path!("/questionnaire") view=questionnaire::QuestionnairePage />
                </Routes>
            }
            .into_any()
        }
    }
}

#[component]
fn DocumentRoute() -> impl IntoView {
    let params = use_params_map();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        view! { <PageRoute path=format!("/documents/{id}/") /> }
    }
}

/// Whether the app is running (false while pre-rendering and during hydration): controls that
/// need the app render disabled until then, with no change of layout.
pub(crate) fn use_live() -> ReadSignal<bool> {
    let (live, set_live) = signal(false);
    Effect::new(move |_| set_live.set(true));
    live
}

/// Sets `document.title` after a client-side navigation; the pre-rendered page already has it.
pub(crate) fn set_document_title(title: &str) {
    #[cfg(feature = "hydrate")]
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        if document.title() != title {
            document.set_title(title);
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = title;
}
