//! The pages behind the routes: a page's frame (heading, introduction, last update) and, by its
//! kind, the view of its content.

mod certifications;
mod data_privacy;
mod disclosure;
mod documents;
mod faq;
mod overview;
mod security;
mod subprocessors;
mod updates;

pub use documents::DocumentText;

use leptos::prelude::*;
use leptos_router::components::A;

use super::{set_document_title, PageState, PageStore};
use crate::site::{PageBody, PageData, SiteData};

/// The page at `path`, once its data is there.
#[component]
pub fn PageRoute(path: String) -> impl IntoView {
    let page = expect_context::<PageStore>().page(path.clone());
    move || match page.get() {
        PageState::Ready(p) => {
            set_document_title(&p.title);
            view! { <PageView page=(*p).clone() /> }.into_any()
        }
        PageState::Loading => {
            view! { <p class="status" role="status" aria-busy="true">"Loading…"</p> }.into_any()
        }
        PageState::Failed(reason) => {
            let path = path.clone();
            view! {
                <div class="status" role="alert">
                    <p>"This page could not be loaded (" {reason} ")."</p>
                    <p>
                        <a href=path rel="external">"Try again"</a>
                    </p>
                </div>
            }
            .into_any()
        }
    }
}

#[component]
fn PageView(page: PageData) -> impl IntoView {
    let PageData {
        section,
        heading,
        intro_html,
        updated,
        body,
        ..
    } = page;
    let body = match body {
        PageBody::Overview(b) => view! { <overview::OverviewBody body=b /> }.into_any(),
        PageBody::Certifications(b) => {
            view! { <certifications::CertificationsBody body=b /> }.into_any()
        }
        PageBody::Security(b) => view! { <security::SecurityBody body=b /> }.into_any(),
        PageBody::Subprocessors(b) => {
            view! { <subprocessors::SubprocessorsBody body=b /> }.into_any()
        }
        PageBody::DataPrivacy(b) => view! { <data_privacy::DataPrivacyBody body=b /> }.into_any(),
        PageBody::Documents(b) => view! { <documents::DocumentsBody body=b /> }.into_any(),
        PageBody::Document(b) => view! { <documents::DocumentBody body=b /> }.into_any(),
        PageBody::Disclosure(b) => view! { <disclosure::DisclosureBody body=b /> }.into_any(),
        PageBody::Faq(b) => view! { <faq::FaqBody body=b /> }.into_any(),
        PageBody::Updates(b) => view! { <updates::UpdatesBody body=b /> }.into_any(),
    };
    view! {
        <article class="page" data-section=section.file_stem()>
            <header class="page-header">
                <h1>{heading}</h1>
                <p class="updated">"Last updated " <time datetime=updated.clone()>{updated.clone()}</time></p>
            </header>
            {(!intro_html.is_empty()).then(|| view! { <div class="prose intro" inner_html=intro_html></div> })}
            {body}
        </article>
    }
}

/// The heading (and title) of the 404 page.
pub const NOT_FOUND_HEADING: &str = "Page not found";

/// What any path that is not a page shows; `dist/404.html` is this page pre-rendered.
#[component]
pub fn NotFound() -> impl IntoView {
    let site = expect_context::<SiteData>();
    set_document_title(&site.title_for(Some(NOT_FOUND_HEADING)));
    view! {
        <article class="page not-found">
            <h1>{NOT_FOUND_HEADING}</h1>
            <p>"There is no page at this address. It may have moved; the sections above list everything this trust center holds."</p>
            <p>
                <A href="/">"Go to the overview"</A>
            </p>
        </article>
    }
}
