//! Small pieces several pages share: badges, fact lists, raw HTML blocks.

use leptos::prelude::*;

use crate::site::{Badge, Countdown, DaysTo, Fact, Link, Tone};

/// A status label: colour by meaning, and the meaning in words.
#[component]
pub fn BadgeView(badge: Badge) -> impl IntoView {
    let class = match badge.tone {
        Tone::Good => "badge good",
        Tone::Warn => "badge warn",
        Tone::Bad => "badge bad",
        Tone::Neutral => "badge neutral",
    };
    match badge.days {
        Some(days) => view! { <span class=class><DaysLeft days /></span> }.into_any(),
        None => view! { <span class=class>{badge.text}</span> }.into_any(),
    }
}

/// A count of days to a date in words ("18 days left", "Expires in 3 days"). The page carries
/// the build's count, which is what reads without JavaScript; the app recounts from the visitor's
/// day, so a site not rebuilt since does not show a window as open longer than it is.
#[component]
pub fn DaysLeft(days: DaysTo) -> impl IntoView {
    view! {
        <DaysLeftIsland
            expiry=days.kind == Countdown::Expiry
            date=days.date
            days=days.days
        />
    }
}

/// [`DaysLeft`]'s island. Its props are plain values: each island's props are decoded by code
/// of their own, and passing the `DaysTo` itself cost the browsing Wasm 0.9 KB more (brotli).
#[island]
fn DaysLeftIsland(expiry: bool, date: String, days: i64) -> impl IntoView {
    let kind = if expiry {
        Countdown::Expiry
    } else {
        Countdown::ObjectionDeadline
    };
    let days = RwSignal::new(days);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        if let Some(n) = days_from_today(&date) {
            days.set(n);
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = date;
    // The text sits in an element of its own: an island whose root is a bare text node does
    // not hydrate (Leptos 0.8 finds its marker comment where it expects the text). Once the
    // day has passed, `data-past` lets the stylesheet hide what only made sense before it (the
    // button to object).
    view! {
        <span data-past=move || days.get() < 0>
            {move || DaysTo::words(kind, days.get())}
        </span>
    }
}

/// Days from the visitor's day (their time zone) to the ISO 8601 day `date`.
#[cfg(feature = "hydrate")]
fn days_from_today(date: &str) -> Option<i64> {
    let mut parts = date.splitn(3, '-').map(|p| p.parse::<i32>().ok());
    let (year, month, day) = (parts.next()??, parts.next()??, parts.next()??);
    let now = js_sys::Date::new_0();
    // Local midnights: their distance is whole days give or take a daylight-saving hour.
    let today = js_sys::Date::new_with_year_month_day(
        now.get_full_year(),
        now.get_month() as i32,
        now.get_date() as i32,
    );
    let then = js_sys::Date::new_with_year_month_day(u32::try_from(year).ok()?, month - 1, day);
    Some(((then.get_time() - today.get_time()) / 86_400_000.0).round() as i64)
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
