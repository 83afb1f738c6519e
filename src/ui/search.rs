//! Site search in the app: the box in the header (results as you type, keyboard driven) and the
//! results page at `/search/?q=…`, whose address can be shared.
//!
//! The index is fetched the first time the box gets focus (or the results page opens), never
//! before: it must not compete with the first paint. Without JavaScript the box is disabled and
//! says why; every page stays reachable from the navigation.

use std::sync::Arc;

use leptos::prelude::*;

use crate::search::{Engine, Query};
use crate::site::Section;
use crate::ui::use_live;

/// The results page's path.
pub const SEARCH_PATH: &str = "/search/";
/// Results in the header's drop-down, and on the results page.
pub(crate) const DROPDOWN_RESULTS: usize = 8;
const PAGE_RESULTS: usize = 50;
/// Snippet length in bytes.
const SNIPPET: usize = 160;

/// Where the index is in its life: fetched once, on demand.
// Pre-rendering never fetches, so natively only the first two states exist.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Load {
    Idle,
    Loading,
    Ready,
    Failed,
}

/// The index, shared by the header box and the results page.
#[derive(Clone, Copy)]
struct SearchIndex {
    engine: RwSignal<Option<Arc<Engine>>>,
    load: RwSignal<Load>,
}

// The two are separate islands with no common owner to carry a context, so in the browser the
// index is one per page, fetched once whichever island asks first. Its signals belong to an
// owner that is never dropped, so no island's end disposes of them.
#[cfg(feature = "hydrate")]
thread_local! {
    static INDEX: SearchIndex = {
        let owner = Owner::new_root(None);
        let index = owner.with(SearchIndex::new);
        std::mem::forget(owner);
        index
    };
}

impl SearchIndex {
    fn new() -> SearchIndex {
        SearchIndex {
            engine: RwSignal::new(None),
            load: RwSignal::new(Load::Idle),
        }
    }

    #[cfg(feature = "hydrate")]
    fn get() -> SearchIndex {
        INDEX.with(|index| *index)
    }

    /// Pre-rendering never loads the index: each island renders from an empty one.
    #[cfg(not(feature = "hydrate"))]
    fn get() -> SearchIndex {
        SearchIndex::new()
    }

    /// Starts fetching the index unless that already happened.
    fn ensure(self) {
        if self.load.get_untracked() != Load::Idle {
            return;
        }
        self.load.set(Load::Loading);
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            match fetch_engine().await {
                Ok(engine) => {
                    self.engine.set(Some(Arc::new(engine)));
                    self.load.set(Load::Ready);
                }
                Err(e) => {
                    leptos::logging::warn!("search unavailable: {e}");
                    self.load.set(Load::Failed);
                }
            }
        });
    }

    /// The results for `text`, grouped by section (groups in the order of their best result).
    fn results(self, text: &str, limit: usize) -> Vec<Group> {
        self.engine.with(|engine| {
            let Some(engine) = engine else {
                return Vec::new();
            };
            let matcher = engine.matcher(text);
            let hits = engine.search(&Query {
                text,
                section: None,
                limit,
            });
            let mut groups: Vec<Group> = Vec::new();
            for hit in hits {
                let d = hit.doc;
                let item = Item {
                    url: d.url.clone(),
                    title: runs(&matcher.highlight(&d.title)),
                    context: d.context.clone(),
                    snippet: runs(&matcher.highlight(&matcher.snippet(&d.excerpt, SNIPPET))),
                };
                match groups.iter_mut().find(|g| g.section == d.section) {
                    Some(g) => g.items.push(item),
                    None => groups.push(Group {
                        section: d.section,
                        items: vec![item],
                    }),
                }
            }
            groups
        })
    }
}

#[cfg(feature = "hydrate")]
async fn fetch_engine() -> Result<Engine, String> {
    let url = crate::client::site_href(crate::search::INDEX_PATH);
    let bytes = crate::client::fetch_bytes(&url).await?;
    Engine::load(&bytes).map_err(|e| format!("{url}: {e}"))
}

/// Text runs, `true` where highlighted.
type Runs = Vec<(String, bool)>;

fn runs(r: &[(&str, bool)]) -> Runs {
    r.iter().map(|(t, m)| ((*t).to_owned(), *m)).collect()
}

#[derive(Clone, Debug, PartialEq)]
struct Item {
    url: String,
    title: Runs,
    context: String,
    snippet: Runs,
}

#[derive(Clone, Debug, PartialEq)]
struct Group {
    section: Section,
    items: Vec<Item>,
}

fn marked(runs: Runs) -> impl IntoView {
    runs.into_iter()
        .map(|(text, hit)| {
            if hit {
                view! { <mark>{text}</mark> }.into_any()
            } else {
                text.into_any()
            }
        })
        .collect_view()
}

/// The id of the drop-down's `i`th result (the keyboard selection names it).
pub(crate) fn result_id(i: usize) -> String {
    format!("search-result-{i}")
}

/// The results, grouped, as links: in the drop-down as a listbox (`active` is the keyboard
/// selection, an index over all items), on the results page as plain lists under headings.
fn result_list(groups: Vec<Group>, listbox: bool, active: Option<usize>) -> impl IntoView {
    let mut n = 0usize;
    groups
        .into_iter()
        .map(|g| {
            let label = g.section.nav_label();
            let items = g
                .items
                .into_iter()
                .map(|item| {
                    let i = n;
                    n += 1;
                    let body = view! {
                        <span class="result-title">{marked(item.title)}</span>
                        <span class="result-context">{item.context}</span>
                        <span class="result-snippet">{marked(item.snippet)}</span>
                    };
                    // rel="external": a full load lands on the anchor and opens a FAQ answer there.
                    if listbox {
                        let selected = if active == Some(i) { "true" } else { "false" };
                        view! {
                            <li role="presentation">
                                <a href=item.url rel="external" tabindex="-1" role="option" id=result_id(i) aria-selected=selected>{body}</a>
                            </li>
                        }
                        .into_any()
                    } else {
                        view! { <li><a href=item.url rel="external">{body}</a></li> }.into_any()
                    }
                })
                .collect_view();
            if listbox {
                view! {
                    <li class="result-group" role="presentation">
                        <span class="result-section" aria-hidden="true">{label}</span>
                        <ul role="group" aria-label=label>{items}</ul>
                    </li>
                }
                .into_any()
            } else {
                view! {
                    <li class="result-group">
                        <h2 class="result-section">{label}</h2>
                        <ul>{items}</ul>
                    </li>
                }
                .into_any()
            }
        })
        .collect_view()
}

/// What the status line says about a search; `empty` is what it says before anything is typed.
fn status(load: Load, query: &str, groups: &[Group], empty: &str) -> String {
    let query = query.trim();
    match load {
        _ if query.is_empty() => empty.to_owned(),
        Load::Idle | Load::Loading => "Loading the index…".to_owned(),
        Load::Failed => "Search is unavailable right now.".to_owned(),
        Load::Ready if groups.is_empty() => format!(
            "Nothing found for “{query}”. Try fewer or other words, e.g. “encryption” or “SOC 2”."
        ),
        Load::Ready => format!(
            "{} for “{query}”",
            crate::site::plural(count(groups) as i64, "result")
        ),
    }
}

fn count(groups: &[Group]) -> usize {
    groups.iter().map(|g| g.items.len()).sum()
}

fn nth_url(groups: &[Group], n: usize) -> Option<String> {
    groups
        .iter()
        .flat_map(|g| &g.items)
        .nth(n)
        .map(|i| i.url.clone())
}

fn go(url: &str) {
    #[cfg(feature = "hydrate")]
    if let Some(w) = web_sys::window() {
        _ = w.location().set_href(url);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = url;
}

/// The `q` parameter of the page's address.
fn query_from_address() -> String {
    #[cfg(feature = "hydrate")]
    {
        web_sys::window()
            .and_then(|w| w.location().search().ok())
            .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
            .and_then(|params| params.get("q"))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "hydrate"))]
    String::new()
}

/// Replaces the current history entry's address with `url`, without loading it.
fn replace_address(url: &str) {
    #[cfg(feature = "hydrate")]
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url));
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = url;
}

fn results_url(q: &str) -> String {
    let q = percent_encoding::utf8_percent_encode(q, percent_encoding::NON_ALPHANUMERIC);
    crate::ui::island_href(&format!("{SEARCH_PATH}?q={q}"))
}

/// The search forms' `action`, for a visitor without JavaScript. Hydration keeps the attribute
/// the pre-render wrote (under the site's base path), so the browser's build need not know it.
fn search_action() -> impl leptos::attr::AttributeValue {
    #[cfg(feature = "hydrate")]
    {
        SEARCH_PATH
    }
    #[cfg(not(feature = "hydrate"))]
    {
        crate::ui::island_href(SEARCH_PATH)
    }
}

/// The search box in the header.
#[island]
pub fn SearchBox() -> impl IntoView {
    let index = SearchIndex::get();
    let live = use_live();
    let query = RwSignal::new(String::new());
    let active = RwSignal::new(None::<usize>);
    let open = RwSignal::new(false);
    let input = NodeRef::<leptos::html::Input>::new();
    let groups = Memo::new(move |_| {
        let q = query.get();
        if q.trim().is_empty() {
            Vec::new()
        } else {
            index.results(&q, DROPDOWN_RESULTS)
        }
    });

    // "/" and Ctrl/Cmd-K focus the box from anywhere, unless the visitor is typing elsewhere.
    #[cfg(feature = "hydrate")]
    {
        let handle = window_event_listener(leptos::ev::keydown, move |ev| {
            let typing_elsewhere = ev
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                .is_some_and(|el| {
                    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                });
            let shortcut = (ev.key() == "/" && !typing_elsewhere)
                || (ev.key().eq_ignore_ascii_case("k") && (ev.ctrl_key() || ev.meta_key()));
            if shortcut {
                if let Some(el) = input.get_untracked() {
                    ev.prevent_default();
                    _ = el.focus();
                }
            }
        });
        on_cleanup(move || handle.remove());
    }

    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let n = count(&groups.get_untracked());
        match ev.key().as_str() {
            "ArrowDown" if n > 0 => {
                ev.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % n)));
            }
            "ArrowUp" if n > 0 => {
                ev.prevent_default();
                active.update(|a| *a = Some(a.map_or(n - 1, |i| (i + n - 1) % n)));
            }
            "Escape" => {
                open.set(false);
                active.set(None);
            }
            "Enter" => {
                ev.prevent_default();
                let target = active
                    .get_untracked()
                    .and_then(|i| nth_url(&groups.get_untracked(), i))
                    .unwrap_or_else(|| results_url(&query.get_untracked()));
                go(&target);
            }
            _ => {}
        }
    };
    let expanded = move || open.get() && !query.get().trim().is_empty();
    view! {
        <form class="search" role="search" action=search_action() method="get" on:submit=|ev| ev.prevent_default()>
            <label for="search-input" class="visually-hidden">"Search the trust center"</label>
            <input
                id="search-input"
                type="search"
                name="q"
                autocomplete="off"
                spellcheck="false"
                role="combobox"
                aria-autocomplete="list"
                aria-controls="search-results"
                aria-expanded=move || if expanded() { "true" } else { "false" }
                aria-activedescendant=move || active.get().map(result_id)
                aria-keyshortcuts="/ Control+K Meta+K"
                placeholder=move || if live.get() { "Search  ( / )" } else { "Search needs JavaScript" }
                disabled=move || !live.get()
                node_ref=input
                on:focus=move |_| {
                    index.ensure();
                    open.set(true);
                }
                on:blur=move |_| {
                    // Let a click on a result land before the list closes.
                    set_timeout(move || open.set(false), std::time::Duration::from_millis(200));
                }
                on:input=move |ev| {
                    query.set(event_target_value(&ev));
                    active.set(None);
                    open.set(true);
                }
                on:keydown=on_keydown
            />
            <div class="search-popup" hidden=move || !expanded()>
                {move || {
                    let g = groups.get();
                    let status = status(index.load.get(), &query.get(), &g, "");
                    let all = results_url(&query.get());
                    view! {
                        <p class="search-status" role="status">{status}</p>
                        <ul id="search-results" role="listbox" aria-label="Search results">
                            {result_list(g, true, active.get())}
                        </ul>
                        <p class="search-all"><a href=all rel="external">"All results"</a></p>
                    }
                }}
            </div>
        </form>
    }
}

/// The results page: `/search/?q=…`. The query lives in the address, so results can be shared;
/// typing replaces the history entry rather than adding one per letter.
#[island]
pub fn SearchPage() -> impl IntoView {
    let index = SearchIndex::get();
    let live = use_live();
    // Empty while hydrating, as pre-rendered; the address is read once the island runs.
    let query = RwSignal::new(String::new());
    let q = move || query.get();
    Effect::new(move |_| {
        index.ensure();
        query.set(query_from_address());
    });
    let groups = Memo::new(move |_| {
        let q = q();
        if q.trim().is_empty() {
            Vec::new()
        } else {
            index.results(&q, PAGE_RESULTS)
        }
    });
    view! {
        <h1>"Search"</h1>
        <noscript>
            <p class="notice">"Search needs JavaScript. Every page of this trust center is reachable from the navigation above."</p>
        </noscript>
        <form class="search-page" role="search" action=search_action() method="get" on:submit=|ev| ev.prevent_default()>
            <label for="search-page-input">"Search for"</label>
            <input
                id="search-page-input"
                type="search"
                name="q"
                autocomplete="off"
                prop:value=q
                disabled=move || !live.get()
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    replace_address(&results_url(&value));
                    query.set(value);
                }
            />
        </form>
        {move || {
            let g = groups.get();
            let text = q();
            let status = status(
                index.load.get(),
                &text,
                &g,
                "Type a question or a few words: “Where is data stored?”, “SSO”, “pentest report”.",
            );
            view! {
                <p class="search-status" role="status">{status}</p>
                <ul class="search-results" aria-label="Search results">{result_list(g, false, None)}</ul>
            }
        }}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_encoded_into_the_results_address() {
        assert_eq!(results_url("soc 2 & iso"), "/search/?q=soc%202%20%26%20iso");
        assert_eq!(results_url("Größe"), "/search/?q=Gr%C3%B6%C3%9Fe");
    }
}
