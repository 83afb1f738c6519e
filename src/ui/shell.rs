//! The frame around every page: header with the organization and the navigation, and the footer
//! with the contacts.

use leptos::prelude::*;

use crate::site::{Section, SiteData};

/// The site header: logo and name linking home, then one link per section; the section holding
/// the page at `path` is marked current.
#[component]
pub fn Header(path: String) -> impl IntoView {
    let site = expect_context::<SiteData>();
    let logo = site.logo.clone().map(|logo| {
        view! { <img class="logo" src=logo.src alt=logo.alt width="40" height="40" /> }
    });
    view! {
        <header class="site-header">
            <div class="brand">
                <a href=site.href("/") class="brand-link">
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
                                    <a href=site.href(&section.path()) aria-current=is_current(section, &path).then_some("page")>
                                        {section.nav_label()}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </header>
    }
}

/// Whether the page at `path` belongs to `section`: the overview only at the root, any other
/// section also for the pages under it (a document belongs to Documents).
fn is_current(section: Section, path: &str) -> bool {
    match section {
        Section::Overview => path == "/",
        _ => path.starts_with(&section.path()),
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
                <a href=site.href(crate::questionnaire::PAGE_PATH)>"Questionnaire assistant"</a>
                " · "
                <a href=site.href(crate::ui::SEARCH_PATH)>"Search"</a>
                " · "
                <a href=site.href(crate::site::TRUST_JSON_PATH) type="application/json" rel="external">
                    "All of this as data (JSON)"
                </a>
            </p>
            <p class="legal">{site.legal_line.clone()}</p>
        </footer>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_belongs_to_the_section_it_is_under() {
        assert!(is_current(Section::Overview, "/"));
        assert!(!is_current(Section::Overview, "/faq/"));
        assert!(is_current(Section::Documents, "/documents/dpa/"));
        assert!(!is_current(Section::Documents, "/search/"));
    }
}
