//! The FAQ: answers by category, each with its short answer, an expandable full answer, a copy
//! button and a stable link.

use leptos::prelude::*;

use crate::site::Faq;
use crate::ui::use_live;
use crate::ui::widgets::{BadgeView, Follow, Html};

/// Copies `text` to the clipboard; true when the browser accepted it.
#[cfg(feature = "hydrate")]
async fn copy(text: String) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Opens the answer a link points at (`/faq/#mfa`), on arrival and when the fragment changes.
fn open_linked_answer() {
    let hash = leptos_router::hooks::use_location().hash;
    Effect::new(move |_| {
        let id = hash.get();
        #[cfg(feature = "hydrate")]
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id.trim_start_matches('#')))
            .filter(|e| e.tag_name().eq_ignore_ascii_case("details"))
        {
            _ = el.set_attribute("open", "");
            el.scroll_into_view();
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = id;
    });
}

/// The FAQ page.
#[component]
pub fn FaqBody(body: Faq) -> impl IntoView {
    let live = use_live();
    open_linked_answer();
    view! {
        <p class="notice questionnaire-promo">
            "Answering a security questionnaire? "
            <a href=crate::questionnaire::PAGE_PATH>"Let this site pre-fill it"</a>
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
                    <section class="faq-category" id=c.id.clone() aria-labelledby=format!("{}-h", c.id)>
                        <h2 id=format!("{}-h", c.id)>{c.name}</h2>
                        {c.answers
                            .into_iter()
                            .map(|a| {
                                let copied = RwSignal::new(false);
                                let text = a.text.clone();
                                view! {
                                    <details class="answer" id=a.id.clone()>
                                        <summary>
                                            <span class="question">{a.question}</span>
                                            " "
                                            <BadgeView badge=a.short />
                                        </summary>
                                        <Html html=a.html />
                                        {(!a.sources.is_empty()).then(|| view! {
                                            <p class="sources">
                                                "Sources: "
                                                {a.sources.into_iter().map(|s| view! { <a href=s.href>{s.text}</a> " " }).collect_view()}
                                            </p>
                                        })}
                                        <p class="answer-actions">
                                            <button
                                                type="button"
                                                class="button"
                                                disabled=move || !live.get()
                                                on:click=move |_| {
                                                    let _text = text.clone();
                                                    #[cfg(feature = "hydrate")]
                                                    leptos::task::spawn_local(async move {
                                                        copied.set(copy(_text).await);
                                                    });
                                                }
                                            >
                                                {move || if copied.get() { "Copied" } else { "Copy answer" }}
                                            </button>
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
