//! Small pieces several pages share: badges, fact lists, raw HTML blocks.

use leptos::prelude::*;

use crate::site::{Badge, Fact, Link, Tone};

/// A status label: colour by meaning, and the meaning in words.
#[component]
pub fn BadgeView(badge: Badge) -> impl IntoView {
    let class = match badge.tone {
        Tone::Good => "badge good",
        Tone::Warn => "badge warn",
        Tone::Bad => "badge bad",
        Tone::Neutral => "badge neutral",
    };
    view! { <span class=class>{badge.text}</span> }
}

/// Label–value pairs as a definition list.
#[component]
pub fn Facts(facts: Vec<Fact>) -> impl IntoView {
    view! {
        <dl class="facts">
            {facts
                .into_iter()
                .map(|f| {
                    view! {
                        <div>
                            <dt>{f.label}</dt>
                            <dd>{f.value}</dd>
                        </div>
                    }
                })
                .collect_view()}
        </dl>
    }
}

/// HTML rendered and sanitised at build time.
#[component]
pub fn Html(html: String, #[prop(optional)] class: &'static str) -> impl IntoView {
    let class = if class.is_empty() { "prose" } else { class };
    view! { <div class=class inner_html=html></div> }
}

/// A bulleted list of plain strings.
#[component]
pub fn Bullets(items: Vec<String>) -> impl IntoView {
    view! { <ul class="bullets">{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }
}

/// Links to feeds, calendars and exports: "Follow: Atom feed · RSS · …".
#[component]
pub fn Follow(links: Vec<Link>) -> impl IntoView {
    let last = links.len().saturating_sub(1);
    view! {
        <p class="follow">
            "Follow or download: "
            {links
                .into_iter()
                .enumerate()
                .map(|(i, l)| view! { <a href=l.href rel="external">{l.text}</a> {(i < last).then_some(" · ")} })
                .collect_view()}
        </p>
    }
}
