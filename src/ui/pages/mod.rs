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

use crate::site::{PageBody, PageData};

/// A page of the trust center: heading, introduction, last update, and its body by kind.
#[component]
pub fn PageView(page: PageData) -> impl IntoView {
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
    view! {
        <article class="page not-found">
            <h1>{NOT_FOUND_HEADING}</h1>
            <p>"There is no page at this address. It may have moved; the sections above list everything this trust center holds."</p>
            <p>
                <a href="/">"Go to the overview"</a>
            </p>
        </article>
    }
}
