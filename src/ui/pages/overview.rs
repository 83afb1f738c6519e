//! The overview: certifications, commitments, open subprocessor changes, latest updates.

use leptos::prelude::*;

use super::updates::UpdateArticle;
use crate::site::{ChangeNotice, Overview, Section, SiteData};
use crate::ui::widgets::{BadgeView, DaysLeft, Facts};

/// The ids this view gives its own elements (see `ui::page_ids`).
pub(crate) const IDS: &[&str] = &["glance", "overview-certifications", "latest"];

/// The ids of [`OpenChanges`], which the Subprocessors page shows too.
pub(crate) const OPEN_CHANGES_IDS: &[&str] = &["open-changes"];

/// A banner per subprocessor change still open for objection; shared with the Subprocessors page.
#[component]
pub fn OpenChanges(changes: Vec<ChangeNotice>) -> impl IntoView {
    (!changes.is_empty()).then(|| {
        view! {
            <section class="notice" aria-labelledby="open-changes">
                <h2 id="open-changes">"Subprocessor changes open for objection"</h2>
                <ul>
                    {changes
                        .into_iter()
                        .map(|c| {
                            view! {
                                <li>
                                    <a href=c.href>{c.summary}</a>
                                    " Objections until "
                                    <time datetime=c.deadline.date.clone()>{c.deadline.date.clone()}</time>
                                    " (" <DaysLeft days=c.deadline /> ")."
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}

/// The overview's content.
#[component]
pub fn OverviewBody(body: Overview) -> impl IntoView {
    let Overview {
        certifications,
        commitments,
        open_changes,
        latest_updates,
    } = body;
    let site = expect_context::<SiteData>();
    view! {
        <OpenChanges changes=open_changes />
        <section aria-labelledby="glance">
            <h2 id="glance">"At a glance"</h2>
            <Facts facts=commitments />
        </section>
        <section aria-labelledby="overview-certifications">
            <h2 id="overview-certifications">"Certifications"</h2>
            <ul class="badge-list">
                {certifications
                    .into_iter()
                    .map(|c| {
                        view! {
                            <li>
                                <a href=c.href>{c.name}</a>
                                " "
                                <BadgeView badge=c.status />
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
        <section aria-labelledby="latest">
            <h2 id="latest">"Latest updates"</h2>
            {latest_updates.into_iter().map(|u| view! { <UpdateArticle update=u /> }).collect_view()}
        </section>
        <nav aria-label="All sections">
            <ul class="section-cards">
                {Section::ALL[1..]
                    .iter()
                    .map(|s| {
                        view! {
                            <li>
                                <a href=site.href(&s.path())>{s.nav_label()}</a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
