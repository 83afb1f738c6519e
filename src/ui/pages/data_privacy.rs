//! Data & privacy: regions, isolation, roles, categories, retention, deletion, rights, cookies.

use leptos::prelude::*;

use crate::site::DataPrivacy;
use crate::ui::widgets::{Bullets, Facts, Html};

/// The ids this view gives its own elements (see `ui::page_ids`).
pub(crate) const IDS: &[&str] = &[
    "regions",
    "isolation",
    "roles",
    "categories",
    "retention",
    "deletion",
    "rights",
    "cookies",
];

/// The data & privacy sections.
#[component]
pub fn DataPrivacyBody(body: DataPrivacy) -> impl IntoView {
    let DataPrivacy {
        regions,
        isolation_html,
        roles,
        personal_data,
        data_subjects,
        retention,
        deletion_html,
        rights_html,
        cookies_html,
    } = body;
    view! {
        <section aria-labelledby="regions">
            <h2 id="regions">"Where data is stored"</h2>
            <div class="cards">
                {regions
                    .into_iter()
                    .map(|r| {
                        view! {
                            <section class="card" id=r.id.clone()>
                                <h3>{r.name}</h3>
                                <Facts facts=r.facts />
                            </section>
                        }
                    })
                    .collect_view()}
            </div>
        </section>
        <section aria-labelledby="isolation">
            <h2 id="isolation">"Customer data isolation"</h2>
            <Html html=isolation_html />
        </section>
        <section aria-labelledby="roles">
            <h2 id="roles">"Our roles"</h2>
            {roles
                .into_iter()
                .map(|(title, html)| view! { <h3>{title}</h3> <Html html /> })
                .collect_view()}
        </section>
        <section aria-labelledby="categories">
            <h2 id="categories">"Personal data we process for customers"</h2>
            <div class="columns">
                <div>
                    <h3>"Categories of data"</h3>
                    <Bullets items=personal_data />
                </div>
                <div>
                    <h3>"Categories of data subjects"</h3>
                    <Bullets items=data_subjects />
                </div>
            </div>
        </section>
        <section aria-labelledby="retention">
            <h2 id="retention">"Retention"</h2>
            <div class="table-wrap">
                <table class="retention">
                    <thead>
                        <tr>
                            <th scope="col">"Data"</th>
                            <th scope="col">"Kept for"</th>
                            <th scope="col">"Why"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {retention
                            .into_iter()
                            .map(|[data, period, reason]| {
                                view! {
                                    <tr>
                                        <th scope="row">{data}</th>
                                        <td>{period}</td>
                                        <td>{reason}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
        <section aria-labelledby="deletion">
            <h2 id="deletion">"Deletion at the end of a contract"</h2>
            <Html html=deletion_html />
        </section>
        <section aria-labelledby="rights">
            <h2 id="rights">"Your rights"</h2>
            <Html html=rights_html />
        </section>
        <section aria-labelledby="cookies">
            <h2 id="cookies">"Cookies and analytics"</h2>
            <Html html=cookies_html />
        </section>
    }
}
