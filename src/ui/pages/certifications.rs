//! Certifications: a card each, with status, scope, validity, verification and documents.

use leptos::prelude::*;

use crate::site::Certifications;
use crate::ui::widgets::{BadgeView, Facts};

/// The certification cards.
#[component]
pub fn CertificationsBody(body: Certifications) -> impl IntoView {
    view! {
        <div class="cards">
            {body
                .items
                .into_iter()
                .map(|c| {
                    view! {
                        <section class="card" id=c.id.clone() aria-labelledby=super::certification_name_id(&c.id)>
                            <h2 id=super::certification_name_id(&c.id)>
                                {c.name}
                                " "
                                <BadgeView badge=c.status />
                            </h2>
                            {c.warning.map(|w| view! { <p class="warning">{w}</p> })}
                            <p>{c.scope}</p>
                            <Facts facts=c.facts />
                            {c.verification.map(|v| view! { <p><a href=v.href rel="noopener">{v.text}</a></p> })}
                            {(!c.documents.is_empty())
                                .then(|| {
                                    view! {
                                        <p class="documents">
                                            "Documents: "
                                            {c.documents
                                                .into_iter()
                                                .map(|d| view! { <a href=d.href>{d.text}</a> " " })
                                                .collect_view()}
                                        </p>
                                    }
                                })}
                            <p class="permalink"><a href=format!("#{}", c.id)>"Link to this certification"</a></p>
                        </section>
                    }
                })
                .collect_view()}
        </div>
    }
}
