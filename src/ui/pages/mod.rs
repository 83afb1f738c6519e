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

use crate::site::{PageBody, PageData, Section, SiteData};

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
                {updated.map(|day| view! { <p class="updated">"Last updated " <time datetime=day.clone()>{day.clone()}</time></p> })}
            </header>
            {(!intro_html.is_empty()).then(|| view! { <div class="prose intro" inner_html=intro_html></div> })}
            {body}
        </article>
    }
}

/// The ids the elements of a section's pages have, from the view itself (the shell's aside:
/// [`crate::ui::SHELL_IDS`]): the texts shown there leave them to it (see
/// [`crate::markdown::PageIds`]). A test checks each list against its view's source.
pub fn page_ids(section: Section) -> Vec<&'static str> {
    let own: &[&[&str]] = match section {
        Section::Overview => &[overview::IDS, overview::OPEN_CHANGES_IDS],
        Section::Security => &[security::IDS],
        Section::Subprocessors => &[
            subprocessors::IDS,
            overview::OPEN_CHANGES_IDS,
            crate::ui::subscribe::IDS,
        ],
        Section::DataPrivacy => &[data_privacy::IDS],
        Section::Disclosure => &[disclosure::IDS],
        Section::Certifications | Section::Documents | Section::Faq | Section::Updates => &[],
    };
    own.concat()
}

/// The ids the elements of a document's page have (its table of contents), besides its annexes'.
pub fn document_page_ids() -> &'static [&'static str] {
    documents::DOCUMENT_IDS
}

/// The id of a certification card's heading, from the certification's.
pub fn certification_name_id(certification: &str) -> String {
    format!("{certification}-name")
}

/// The id of an FAQ category's heading, from the category's.
pub fn category_heading_id(category: &str) -> String {
    format!("{category}-h")
}

/// The id of an answer's text on the FAQ page (what its copy button copies), from the answer's.
pub fn answer_text_id(answer: &str) -> String {
    format!("{answer}-text")
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
                <a href={expect_context::<SiteData>().href("/")}>"Go to the overview"</a>
            </p>
        </article>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use std::path::Path;

    /// The literal `id="…"` values of a view's source.
    fn literal_ids(file: &str) -> Vec<String> {
        let source =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).unwrap();
        let mut found: Vec<String> = source
            .match_indices(" id=\"")
            .map(|(at, _)| {
                let rest = &source[at + 5..];
                rest[..rest.find('"').unwrap()].to_owned()
            })
            .collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn each_views_id_table_is_exactly_the_ids_it_writes() {
        let tables: [(&str, &[&[&str]]); 10] = [
            (
                "src/ui/pages/overview.rs",
                &[super::overview::IDS, super::overview::OPEN_CHANGES_IDS],
            ),
            ("src/ui/pages/certifications.rs", &[]),
            ("src/ui/pages/security.rs", &[super::security::IDS]),
            (
                "src/ui/pages/subprocessors.rs",
                &[super::subprocessors::IDS],
            ),
            ("src/ui/pages/data_privacy.rs", &[super::data_privacy::IDS]),
            (
                "src/ui/pages/documents.rs",
                &[super::documents::DOCUMENT_IDS],
            ),
            ("src/ui/pages/disclosure.rs", &[super::disclosure::IDS]),
            ("src/ui/pages/faq.rs", &[]),
            ("src/ui/pages/updates.rs", &[]),
            ("src/ui/subscribe.rs", &[crate::ui::subscribe::IDS]),
        ];
        for (file, table) in tables {
            let mut expected: Vec<String> =
                table.concat().iter().map(|s| (*s).to_owned()).collect();
            expected.sort_unstable();
            assert_eq!(literal_ids(file), expected, "{file}");
        }
    }
}
