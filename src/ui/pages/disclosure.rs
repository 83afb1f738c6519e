//! The vulnerability disclosure program.

use leptos::prelude::*;

use crate::site::Disclosure;
use crate::ui::widgets::{Bullets, Facts, Html};

/// The ids this view gives its own elements (see `ui::page_ids`).
pub(crate) const IDS: &[&str] = &[
    "report",
    "scope",
    "timeline",
    "policy",
    "rewards",
    "hall-of-fame",
];

/// The disclosure program.
#[component]
pub fn DisclosureBody(body: Disclosure) -> impl IntoView {
    let Disclosure {
        contacts,
        in_scope,
        out_of_scope,
        timeline,
        languages,
        key,
        rewards_html,
        policy_html,
        hall_of_fame,
    } = body;
    view! {
        <section aria-labelledby="report">
            <h2 id="report">"How to report"</h2>
            <ul class="bullets">
                {contacts.into_iter().map(|c| view! { <li><a href=c.href>{c.text}</a></li> }).collect_view()}
            </ul>
            {key.map(|k| view! { <p>"Encrypt sensitive details with our " <a href=k.href>{k.text}</a> "."</p> })}
            <p>"Preferred languages: " {languages}</p>
        </section>
        <section aria-labelledby="scope">
            <h2 id="scope">"Scope"</h2>
            <div class="columns">
                <div>
                    <h3>"In scope"</h3>
                    <Bullets items=in_scope />
                </div>
                <div>
                    <h3>"Out of scope"</h3>
                    <Bullets items=out_of_scope />
                </div>
            </div>
        </section>
        <section aria-labelledby="timeline">
            <h2 id="timeline">"What to expect"</h2>
            <Facts facts=timeline />
        </section>
        <section aria-labelledby="policy">
            <h2 id="policy">"Policy"</h2>
            <Html html=policy_html />
        </section>
        {rewards_html.map(|html| view! {
            <section aria-labelledby="rewards">
                <h2 id="rewards">"Rewards"</h2>
                <Html html />
            </section>
        })}
        {(!hall_of_fame.is_empty()).then(|| view! {
            <section aria-labelledby="hall-of-fame">
                <h2 id="hall-of-fame">"Hall of fame"</h2>
                <Facts facts=hall_of_fame />
            </section>
        })}
    }
}
