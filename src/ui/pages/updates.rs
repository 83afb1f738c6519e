//! Updates: news, newest first, each with its own anchor.

use leptos::prelude::*;

use crate::site::{SiteData, UpdateItem, Updates};
use crate::ui::widgets::{Follow, Html};

/// One update. On the Updates page (`full`) it carries its anchor and an `h2`; elsewhere an
/// `h3` linking to it there.
#[component]
pub fn UpdateArticle(update: UpdateItem, #[prop(optional)] full: bool) -> impl IntoView {
    let UpdateItem {
        id,
        title,
        date,
        kind,
        html,
    } = update;
    let heading = if full {
        view! { <h2><a href=format!("#{id}")>{title}</a></h2> }.into_any()
    } else {
        view! { <h3><a href={expect_context::<SiteData>().href(&format!("/updates/#{id}"))}>{title}</a></h3> }.into_any()
    };
    view! {
        <article class="update" id=full.then_some(id)>
            {heading}
            <p class="meta">
                <time datetime=date.clone()>{date.clone()}</time>
                " · "
                {kind}
            </p>
            <Html html />
        </article>
    }
}

/// The list of updates.
#[component]
pub fn UpdatesBody(body: Updates) -> impl IntoView {
    view! {
        <Follow links=body.follow />
        {body.items.into_iter().map(|u| view! { <UpdateArticle update=u full=true /> }).collect_view()}
    }
}
