//! The FAQ: answers by category, each with its short answer, an expandable full answer, a copy
//! button and a stable link.

use leptos::prelude::*;

use crate::site::{Faq, SiteData};
use crate::ui::use_live;
use crate::ui::widgets::{BadgeView, Follow};

/// Copies the text of the element `from` (as the browser lays it out, without markup) to the
/// clipboard; true when the browser accepted it.
#[cfg(feature = "hydrate")]
async fn copy_text_of(from: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Some(text) = window
        .document()
        .and_then(|d| d.get_element_by_id(from))
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        .map(|e| e.inner_text())
    else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text.trim());
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// A button that copies the answer it stands in to the clipboard: the text of the element
/// [`super::answer_text_id`] names for the `<details>` around it. The island carries nothing:
/// the page has the answer's text once, and its id once, on the `<details>`.
#[island]
fn CopyAnswer() -> impl IntoView {
    let live = use_live();
    let copied = RwSignal::new(false);
    let button = NodeRef::<leptos::html::Button>::new();
    view! {
        <button
            type="button"
            class="button"
            node_ref=button
            disabled=move || !live.get()
            on:click=move |_| {
                #[cfg(feature = "hydrate")]
                {
                    let Some(from) = button
                        .get_untracked()
                        .and_then(|b| b.closest("details.answer").ok().flatten())
                        .map(|answer| super::answer_text_id(&answer.id()))
                    else {
                        return;
                    };
                    leptos::task::spawn_local(async move {
                        if copy_text_of(&from).await {
                            copied.set(true);
                            // Back to the button's own label, so a second copy reads as one.
                            set_timeout(move || copied.set(false), std::time::Duration::from_secs(2));
                        }
                    });
                }
            }
        >
            {move || if copied.get() { "Copied" } else { "Copy answer" }}
        </button>
    }
}

/// Opens the answer a link points at (`/faq/#mfa`), on arrival and whenever the fragment
/// changes. Renders nothing.
#[island]
fn OpenLinkedAnswer() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    {
        fn open_target() {
            let Some(document) = web_sys::window().and_then(|w| w.document()) else {
                return;
            };
            let hash = document
                .location()
                .and_then(|l| l.hash().ok())
                .unwrap_or_default();
            if let Some(el) = document
                .get_element_by_id(hash.trim_start_matches('#'))
                .filter(|e| e.tag_name().eq_ignore_ascii_case("details"))
            {
                _ = el.set_attribute("open", "");
                el.scroll_into_view();
            }
        }
        Effect::new(|_| open_target());
        let handle = window_event_listener(leptos::ev::hashchange, |_| open_target());
        on_cleanup(move || handle.remove());
    }
}

/// The FAQ page.
#[component]
pub fn FaqBody(body: Faq) -> impl IntoView {
    view! {
        <OpenLinkedAnswer />
        <p class="notice questionnaire-promo">
            "Answering a security questionnaire? "
            <a href={expect_context::<SiteData>().href(crate::questionnaire::PAGE_PATH)}>"Let this site pre-fill it"</a>
            " from these answers, in your browser: the file is never uploaded."
        </p>
        <Follow links=body.downloads />
        <nav class="toc" aria-label="Categories">
            <ul class="inline-list">
                {body
                    .categories
                    .iter()
                    .map(|c| view! { <li><a href=format!("#{}", c.id)>{c.name.clone()}</a></li> })
                    .collect_view()}
            </ul>
        </nav>
        {body
            .categories
            .into_iter()
            .map(|c| {
                view! {
                    <section class="faq-category" id=c.id.clone() aria-labelledby=super::category_heading_id(&c.id)>
                        <h2 id=super::category_heading_id(&c.id)>{c.name}</h2>
                        {c.answers
                            .into_iter()
                            .map(|a| {
                                view! {
                                    <details class="answer" id=a.id.clone()>
                                        <summary>
                                            <span class="question">{a.question}</span>
                                            {a.short.map(|badge| view! { " " <BadgeView badge /> })}
                                        </summary>
                                        <div class="prose" id=super::answer_text_id(&a.id) inner_html=a.html></div>
                                        {(!a.sources.is_empty()).then(|| view! {
                                            <p class="sources">
                                                "Sources: "
                                                {a.sources.into_iter().map(|s| view! { <a href=s.href>{s.text}</a> " " }).collect_view()}
                                            </p>
                                        })}
                                        <p class="answer-actions">
                                            <CopyAnswer />
                                            " "
                                            <a href=format!("#{}", a.id)>"Link to this answer"</a>
                                            " · Reviewed "
                                            <time datetime=a.reviewed.clone()>{a.reviewed.clone()}</time>
                                        </p>
                                    </details>
                                }
                            })
                            .collect_view()}
                    </section>
                }
            })
            .collect_view()}
    }
}
