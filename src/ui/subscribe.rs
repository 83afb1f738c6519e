//! Signing up for subprocessor change notices: a form that sends to the endpoint the site owner
//! configured (their newsletter or form service, or a webhook), and an email link that always
//! works, also without JavaScript.
//!
//! The form checks the address before sending, sends once at a time, keeps what was typed when
//! sending fails, and says what to do next in each case.

use leptos::prelude::*;

use crate::site::{SiteData, Subscribe, SubscribeEndpoint};
use crate::ui::use_live;

/// The ids this view gives its own elements (see `ui::page_ids`).
pub(crate) const IDS: &[&str] = &["subscribe-heading", "subscribe-status"];

/// Where a sign-up is.
// Pre-rendering never sends, so natively the outcomes are never constructed.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
#[derive(Clone, Debug, PartialEq, Eq)]
enum State {
    Editing,
    Invalid(String),
    Sending,
    Done,
    Failed(String),
}

/// A plausible email address: something before and after one `@`, a dot in the domain, no
/// spaces. The service has the last word; this only catches typos before a round trip.
fn plausible_email(s: &str) -> bool {
    let s = s.trim();
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !s.contains(char::is_whitespace)
        }
        None => false,
    }
}

/// What the visitor reads when the service answers with `status`.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
fn failure_message(status: u16) -> String {
    if (400..500).contains(&status) {
        format!("The subscription service did not accept this address (HTTP {status}). Check it and try again.")
    } else {
        format!(
            "The subscription service had a problem (HTTP {status}). Please try again in a moment."
        )
    }
}

/// The sign-up block: form (when configured) and the email alternative.
#[component]
pub fn SubscribeBox(subscribe: Subscribe) -> impl IntoView {
    let Subscribe { endpoint, mailto } = subscribe;
    let has_form = endpoint.is_some();
    let calendar = expect_context::<SiteData>().subscription(crate::site::CHANGES_CALENDAR);
    view! {
        <section class="subscribe" aria-labelledby="subscribe-heading">
            <h3 id="subscribe-heading">"Get notified of changes"</h3>
            {endpoint.map(|e| view! { <SubscribeForm endpoint=e /> })}
            <p>
                <a href=calendar>"Subscribe in your calendar app"</a>
                ": every change on the day it takes effect, and the last day to object to it, kept up to date."
            </p>
            {mailto.map(|m| {
                let text = if has_form { "Or ask by email" } else { "Ask to be notified by email" };
                view! { <p><a href=m>{text}</a>", or follow the feeds and calendar above."</p> }
            })}
        </section>
    }
}

/// The sign-up form; an island, with the endpoint as its props.
#[island]
fn SubscribeForm(endpoint: SubscribeEndpoint) -> impl IntoView {
    let live = use_live();
    let email = RwSignal::new(String::new());
    let company = RwSignal::new(String::new());
    let state = RwSignal::new(State::Editing);
    let endpoint = StoredValue::new(endpoint);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if state.get_untracked() == State::Sending {
            return;
        }
        let address = email.get_untracked().trim().to_owned();
        if !plausible_email(&address) {
            state.set(State::Invalid(
                "Enter an email address like name@company.com.".into(),
            ));
            return;
        }
        state.set(State::Sending);
        #[cfg(feature = "hydrate")]
        {
            let endpoint = endpoint.get_value();
            let company = company.get_untracked().trim().to_owned();
            leptos::task::spawn_local(async move {
                state.set(match send(&endpoint, &address, &company).await {
                    Ok(()) => State::Done,
                    Err(message) => State::Failed(message),
                });
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = endpoint;
    };

    let sending = move || state.get() == State::Sending;
    view! {
        <form class="subscribe-form" on:submit=submit novalidate>
            <p class="fields">
                <label>
                    "Email"
                    <input
                        type="email"
                        name="email"
                        autocomplete="email"
                        required
                        prop:value=move || email.get()
                        on:input=move |ev| {
                            email.set(event_target_value(&ev));
                            if matches!(state.get_untracked(), State::Invalid(_) | State::Done) {
                                state.set(State::Editing);
                            }
                        }
                        aria-invalid=move || matches!(state.get(), State::Invalid(_)).then_some("true")
                        aria-describedby="subscribe-status"
                        disabled=move || !live.get()
                    />
                </label>
                <label>
                    "Company (optional)"
                    <input
                        type="text"
                        name="company"
                        autocomplete="organization"
                        prop:value=move || company.get()
                        on:input=move |ev| company.set(event_target_value(&ev))
                        disabled=move || !live.get()
                    />
                </label>
                <button type="submit" class="button" disabled=move || !live.get() || sending() aria-disabled=move || sending().then_some("true")>
                    {move || if sending() { "Subscribing…" } else { "Subscribe" }}
                </button>
            </p>
            <p id="subscribe-status" class="subscribe-status" role="status" aria-live="polite" data-state=move || match state.get() {
                State::Editing => "editing",
                State::Invalid(_) => "invalid",
                State::Sending => "sending",
                State::Done => "done",
                State::Failed(_) => "failed",
            }>
                {move || match state.get() {
                    State::Editing => String::new(),
                    State::Invalid(m) | State::Failed(m) => m,
                    State::Sending => "Sending…".into(),
                    State::Done => "Thank you: you will be told of every change before it takes effect.".into(),
                }}
            </p>
        </form>
    }
}

/// Sends one sign-up; `Err` carries what to tell the visitor.
#[cfg(feature = "hydrate")]
async fn send(endpoint: &SubscribeEndpoint, email: &str, company: &str) -> Result<(), String> {
    use gloo_net::http::{Method, RequestBuilder};

    let mut fields: Vec<(String, String)> = vec![(endpoint.email_field.clone(), email.to_owned())];
    if !company.is_empty() {
        fields.push((endpoint.company_field.clone(), company.to_owned()));
    }
    fields.extend(endpoint.extra.iter().cloned());

    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let method = if endpoint.method == "PUT" {
        Method::PUT
    } else {
        Method::POST
    };
    let builder = RequestBuilder::new(&endpoint.url)
        .method(method)
        .abort_signal(signal.as_ref());
    let request = if endpoint.json {
        let body: serde_json::Map<String, serde_json::Value> = fields
            .into_iter()
            .map(|(k, v)| (k, serde_json::Value::String(v)))
            .collect();
        builder.json(&body)
    } else {
        let body = fields
            .iter()
            .map(|(k, v)| {
                let enc = |s: &str| {
                    percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC)
                        .to_string()
                };
                format!("{}={}", enc(k), enc(v))
            })
            .collect::<Vec<_>>()
            .join("&");
        builder
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(body)
    }
    .map_err(|e| format!("Could not prepare the request: {e}"))?;

    // gloo-net has no timeout of its own: abort the fetch when the service takes too long.
    let timer = controller.map(|c| abort_after(endpoint.timeout_ms, move || c.abort()));
    let result = request.send().await;
    drop(timer);
    match result {
        Ok(response) if response.ok() => Ok(()),
        Ok(response) => Err(failure_message(response.status())),
        Err(_) => Err(
            "Could not reach the subscription service. Check your connection and try again.".into(),
        ),
    }
}

/// Runs `f` after `ms` milliseconds unless the returned guard is dropped first.
#[cfg(feature = "hydrate")]
fn abort_after(ms: u32, f: impl FnOnce() + 'static) -> impl Drop {
    struct Cancel(Option<TimeoutHandle>);
    impl Drop for Cancel {
        fn drop(&mut self) {
            if let Some(h) = self.0.take() {
                h.clear();
            }
        }
    }
    Cancel(set_timeout_with_handle(f, std::time::Duration::from_millis(u64::from(ms))).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_addresses_are_checked_for_typos_only() {
        assert!(plausible_email("dpo@customer.example"));
        assert!(plausible_email(" dpo@customer.example "));
        assert!(!plausible_email("dpo@customer"));
        assert!(!plausible_email("dpo customer@x.example"));
        assert!(!plausible_email("@x.example"));
        assert!(!plausible_email("a@b@c.example"));
    }

    #[test]
    fn failures_say_whose_side_the_problem_is_on() {
        assert!(failure_message(400).contains("did not accept"));
        assert!(failure_message(503).contains("had a problem"));
    }
}
