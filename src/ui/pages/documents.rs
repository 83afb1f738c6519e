//! Documents: the list (public to read or download, the rest on request), and a document's own
//! page with its table of contents and, for the DPA, annexes generated from the same data as the
//! other pages.

use leptos::prelude::*;

use super::security::Measures;
use super::subprocessors::SubprocessorTable;
use crate::site::{Annex, DocumentPage, DocumentPart, Documents, TocEntry};
use crate::ui::use_live;
use crate::ui::widgets::{BadgeView, Facts};

/// The ids a document's page gives its own elements (see `ui::document_page_ids`); the
/// documents index has none.
pub(crate) const DOCUMENT_IDS: &[&str] = &["toc-heading"];

/// The button that opens the browser's print dialog (the print stylesheet lays the document
/// out for paper).
#[island]
fn PrintButton() -> impl IntoView {
    let live = use_live();
    let print = |_| {
        #[cfg(feature = "hydrate")]
        if let Some(w) = web_sys::window() {
            _ = w.print();
        }
    };
    view! {
        <button type="button" class="button print" disabled=move || !live.get() on:click=print>
            "Print or save as PDF"
        </button>
    }
}

/// The document list.
#[component]
pub fn DocumentsBody(body: Documents) -> impl IntoView {
    view! {
        <div class="cards">
            {body
                .items
                .into_iter()
                .map(|d| {
                    view! {
                        <section class="card" id=d.id.clone()>
                            <h2>{d.title} " " <BadgeView badge=d.access /></h2>
                            <p class="meta">{d.kind}</p>
                            <p>{d.summary}</p>
                            <Facts facts=d.facts />
                            <p class="actions">
                                {d.links.into_iter().map(|l| view! { <a class="button" href=l.href>{l.text}</a> " " }).collect_view()}
                                {d.request.map(|r| view! { <a class="button" href=r.href>{r.text}</a> })}
                            </p>
                        </section>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// One document's page: its facts, downloads and print button, then its text.
#[component]
pub fn DocumentBody(body: DocumentPage) -> impl IntoView {
    let DocumentPage {
        facts,
        toc,
        parts,
        downloads,
        request,
        ..
    } = body;
    let printable = request.is_none();
    view! {
        <Facts facts />
        <p class="actions">
            {request.map(|r| view! { <a class="button" href=r.href>{r.text}</a> " " })}
            {downloads
                .into_iter()
                .map(|d| {
                    view! {
                        <a class="button" href=d.href download>
                            {d.text}
                            {d.detail.map(|s| view! { " " <span class="detail">"(" {s} ")"</span> })}
                        </a>
                        " "
                    }
                })
                .collect_view()}
            {printable.then(|| view! { <PrintButton /> })}
        </p>
        <DocumentText toc parts />
    }
}

/// A document's contents and text, with its generated annexes where the author placed them. The
/// same view makes the standalone HTML copy, so the page and the file cannot differ.
#[component]
pub fn DocumentText(toc: Vec<TocEntry>, parts: Vec<DocumentPart>) -> impl IntoView {
    // Appended annexes have headings of their own, so they join the contents.
    let appended: Vec<(String, String)> = parts
        .iter()
        .filter_map(|p| match p {
            DocumentPart::Annex(
                Annex::Measures {
                    id, title: Some(t), ..
                }
                | Annex::Subprocessors {
                    id, title: Some(t), ..
                },
            ) => Some((id.clone(), t.clone())),
            _ => None,
        })
        .collect();
    let toc: Vec<TocEntry> = toc.into_iter().filter(|t| t.level <= 3).collect();
    // A short text without headings has no contents to list.
    let has_contents = !toc.is_empty() || !appended.is_empty();
    view! {
        {has_contents.then(|| view! {
            <nav class="toc" aria-labelledby="toc-heading">
                <h2 id="toc-heading">"Contents"</h2>
                <ol>
                    {toc
                        .into_iter()
                        .map(|t| view! { <li class=format!("toc-{}", t.level)><a href=format!("#{}", t.id)>{t.text}</a></li> })
                        .collect_view()}
                    {appended.into_iter().map(|(id, title)| view! { <li class="toc-2"><a href=format!("#{id}")>{title}</a></li> }).collect_view()}
                </ol>
            </nav>
        })}
        <div class="document">
            {parts
                .into_iter()
                .map(|part| match part {
                    DocumentPart::Html(html) => view! { <div class="prose" inner_html=html></div> }.into_any(),
                    DocumentPart::Annex(Annex::Measures { id, title, groups }) => view! {
                        <section class="annex" id=id>
                            {title.map(|t| view! { <h2>{t}</h2> })}
                            <Measures groups />
                        </section>
                    }
                    .into_any(),
                    DocumentPart::Annex(Annex::Subprocessors { id, title, rows }) => view! {
                        <section class="annex" id=id>
                            {title.map(|t| view! { <h2>{t}</h2> })}
                            <SubprocessorTable rows />
                        </section>
                    }
                    .into_any(),
                })
                .collect_view()}
        </div>
    }
}
