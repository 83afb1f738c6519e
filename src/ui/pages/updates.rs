//! Updates: news, newest first, each with its own anchor.

use leptos::prelude::*;

use crate::site::Updates;
use crate::ui::widgets::Html;

/// The list of updates.
#[component]
pub fn UpdatesBody(body: Updates) -> impl IntoView {
    body.items
        .into_iter()
        .map(|u| {
            view! {
                <article class="update" id=u.id.clone()>
                    <h2>
                        <a href=format!("#{}", u.id)>{u.title}</a>
                    </h2>
                    <p class="meta">
                        <time datetime=u.date.clone()>{u.date.clone()}</time>
                        " · "
                        {u.kind}
                    </p>
                    <Html html=u.html />
                </article>
            }
        })
        .collect_view()
}
