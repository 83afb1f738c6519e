//! The frame around every page: header with the organization and the navigation, and the footer
//! with the contacts.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::site::{Section, SiteData};

/// The site header: logo and name linking home, then one link per section.
#[component]
pub fn Header() -> impl IntoView {
    let site = expect_context::<SiteData>();
    let logo = site.logo.clone().map(|logo| {
        view! { <img class="logo" src=logo.src alt=logo.alt width="40" height="40" /> }
    });
    view! {
        <header class="site-header">
            <div class="brand">
                // A plain link: the router still handles it in the app, and only the navigation
                // marks the current page.
                <a href="/" class="brand-link">
                    {logo}
                    <span class="brand-text">
                        <span class="brand-name">{site.name.clone()}</span>
                        <span class="brand-tagline">{site.tagline.clone()}</span>
                    </span>
                </a>
                <super::search::SearchBox />
            </div>
            <nav class="site-nav" aria-label="Sections">
                <ul>
                    {Section::ALL
                        .into_iter()
                        .map(|section| {
                            view! {
                                <li>
                                    <A href=section.path() exact=section == Section::Overview>
                                        {section.nav_label()}
                                    </A>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </header>
    }
}

/// The site footer: contacts and the legal entity.
#[component]
pub fn Footer() -> impl IntoView {
    let site = expect_context::<SiteData>();
    view! {
        <footer class="site-footer">
            <h2 class="footer-heading">"Contact"</h2>
            <dl class="contacts">
                {site
                    .contacts
                    .iter()
                    .map(|c| {
                        view! {
                            <div>
                                <dt>{c.label.clone()}</dt>
                                <dd>
                                    <a href=c.href.clone()>{c.text.clone()}</a>
                                </dd>
                            </div>
                        }
                    })
                    .collect_view()}
            </dl>
            <p class="tools">
                <a href=crate::questionnaire::PAGE_PATH>"Questionnaire assistant"</a>
                " · "
                <a href=crate::ui::SEARCH_PATH>"Search"</a>
                " · "
                <a href=crate::site::TRUST_JSON_PATH type="application/json" rel="external">
                    "All of this as data (JSON)"
                </a>
            </p>
            <p class="legal">{site.legal_line.clone()}</p>
        </footer>
    }
}
