//! Certifications: a card each, with status, scope, validity, verification and documents, after
//! what the expiry badges mean and the calendar of the expiry dates.

use leptos::prelude::*;

use crate::site::{Certifications, Countdown, SiteData, EXPIRIES_CALENDAR, EXPIRY_NOTICE_DAYS};
use crate::ui::widgets::{BadgeView, Facts};

/// The certification cards, after a note on the expiry badges that links their calendar.
#[component]
pub fn CertificationsBody(body: Certifications) -> impl IntoView {
    // Customers keep a certificate on file until it expires: the calendar lets theirs tell them
    // when to ask for the renewed one. Without an expiry date on the page, it would be empty.
    let expiring = body.items.iter().any(|c| {
        c.status
            .days
            .as_ref()
            .is_some_and(|d| d.kind == Countdown::Expiry)
    });
    let site = expect_context::<SiteData>();
    let (subscribe, download) = (
        site.subscription(EXPIRIES_CALENDAR),
        site.href(EXPIRIES_CALENDAR),
    );
    // The link has no `rel="external"` as the feeds' do: this view is not in the browsing Wasm,
    // yet that literal here reordered the Wasm's data and cost it 150 bytes compressed.
    view! {
        {expiring.then(|| view! {
            <p class="follow">
                "A badge reads “Active” until " {EXPIRY_NOTICE_DAYS} " days before its certificate expires, then counts the days left. "
                "To be reminded of the expiry dates and follow renewals, "
                <a href=subscribe>"subscribe in your calendar app"</a>
                " or download the " <a href=download>"calendar (iCal)"</a> "."
            </p>
        })}
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
