//! The pages behind the routes.

use leptos::prelude::*;
use leptos_router::components::A;

use super::{set_document_title, PageState, PageStore};
use crate::site::{Section, SiteData};

/// A section page: its heading and introduction, once its data is there.
#[component]
pub fn SectionPage(section: Section) -> impl IntoView {
    let page = expect_context::<PageStore>().page(section);
    move || match page.get() {
        PageState::Ready(p) => {
            set_document_title(&p.title);
            view! {
                <article class="page" data-section=section.file_stem()>
                    <h1>{p.heading.clone()}</h1>
                    <div class="prose" inner_html=p.intro_html.clone()></div>
                    {(section == Section::Overview).then(SectionCards)}
                </article>
            }
            .into_any()
        }
        PageState::Loading => {
            view! { <p class="status" role="status" aria-busy="true">"Loading…"</p> }.into_any()
        }
        PageState::Failed(reason) => view! {
            <div class="status" role="alert">
                <p>"This page could not be loaded (" {reason} ")."</p>
                <p>
                    <a href=section.path() rel="external">"Try again"</a>
                </p>
            </div>
        }
        .into_any(),
    }
}

/// Links to every other section, for the overview.
#[component]
fn SectionCards() -> impl IntoView {
    view! {
        <ul class="section-cards">
            {Section::ALL[1..]
                .iter()
                .map(|s| {
                    view! {
                        <li>
                            <A href=s.path()>{s.nav_label()}</A>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// What any path that is not a route shows; `dist/404.html` is this page pre-rendered.
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

/// The heading (and title) of the 404 page.
pub const NOT_FOUND_HEADING: &str = "Page not found";
