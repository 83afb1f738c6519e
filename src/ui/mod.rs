//! The Leptos components of the trust center, shared by the native pre-render and the Wasm app.
//!
//! [`App`] is the whole site: the shell around a router whose routes are listed here, in one
//! place. Every component renders from [`SiteData`] and the [`PageStore`], never from anything the
//! browser alone knows, so the HTML rendered at build time and the DOM the app hydrates agree.

mod pages;
mod shell;
mod store;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

pub use pages::NOT_FOUND_HEADING;
pub use store::{PageState, PageStore};

use crate::site::{Section, SiteData};
use pages::{NotFound, SectionPage};
use shell::{Footer, Header};

/// The whole trust center: header, the current route, footer.
///
/// `site` is what every page shows; `pages` holds the data of the routes known so far (on the
/// first render exactly the route being shown) and fetches the others when visited.
#[component]
pub fn App(site: SiteData, pages: PageStore) -> impl IntoView {
    provide_context(site);
    provide_context(pages);
    view! {
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <Header />
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=|| view! { <SectionPage section=Section::Overview /> } />
                    <Route path=path!("/certifications") view=|| view! { <SectionPage section=Section::Certifications /> } />
                    <Route path=path!("/security") view=|| view! { <SectionPage section=Section::Security /> } />
                    <Route path=path!("/subprocessors") view=|| view! { <SectionPage section=Section::Subprocessors /> } />
                    <Route path=path!("/data-privacy") view=|| view! { <SectionPage section=Section::DataPrivacy /> } />
                    <Route path=path!("/documents") view=|| view! { <SectionPage section=Section::Documents /> } />
                    <Route path=path!("/disclosure") view=|| view! { <SectionPage section=Section::Disclosure /> } />
                    <Route path=path!("/faq") view=|| view! { <SectionPage section=Section::Faq /> } />
                    <Route path=path!("/updates") view=|| view! { <SectionPage section=Section::Updates /> } />
                </Routes>
            </main>
            <Footer />
        </Router>
    }
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
