//! The questionnaire assistant page: choose or drop a questionnaire, confirm its sheet and
//! columns, review the proposed answers, download the filled file.
//!
//! The page only shows and collects; a Web Worker (`src/bin/questionnaire_worker.rs`) reads,
//! matches and writes the file, so the page stays responsive and the spreadsheet code stays out
//! of the browsing app. The file goes from the visitor's disk to the worker and back as a
//! download: nothing is sent anywhere.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::questionnaire::protocol::{Format, MatchedRow, Opened, Reply};
use crate::questionnaire::{Confidence, LibraryAnswer};
use crate::ui::use_live;

/// The page's heading (and title).
pub const QUESTIONNAIRE_HEADING: &str = "Questionnaire assistant";

/// What the page asks before a new file or match replaces a review with changes not downloaded.
#[cfg(feature = "hydrate")]
const UNSAVED_REVIEW: &str =
    "Your changes to the answers have not been downloaded yet. Discard them?";

/// A proposal as the table shows it: the library's answer and how sure the match is.
#[derive(Clone)]
struct Shown {
    answer: Arc<LibraryAnswer>,
    confidence: Confidence,
}

/// One question row under review.
#[derive(Clone)]
struct RowModel {
    matched: MatchedRow,
    /// The row's proposals, best first, joined with the library the worker sent once.
    proposals: Vec<Shown>,
    /// The chosen proposal (`None`: the answer was cleared).
    choice: RwSignal<Option<usize>>,
    answer: RwSignal<String>,
    short: RwSignal<String>,
    reviewed: RwSignal<bool>,
    /// The answer and short answer the row had under each choice it has left, so that choosing
    /// it again brings back what was typed rather than the library's words.
    drafts: StoredValue<HashMap<Option<usize>, (String, String)>>,
}

// Rows are made and read back by the browser side only.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
impl RowModel {
    fn new(matched: MatchedRow, library: &[Arc<LibraryAnswer>]) -> RowModel {
        let proposals: Vec<Shown> = matched
            .proposals
            .iter()
            .filter_map(|c| {
                Some(Shown {
                    answer: library.get(c.answer)?.clone(),
                    confidence: c.confidence,
                })
            })
            .collect();
        // A row without a match starts with no answer: its best guess stays on offer in the
        // list, but is not filled in to be exported unread.
        let first = proposals
            .first()
            .filter(|p| p.confidence > Confidence::None)
            .map(|p| &p.answer);
        RowModel {
            choice: RwSignal::new(first.map(|_| 0)),
            answer: RwSignal::new(first.map(|a| a.answer.clone()).unwrap_or_default()),
            short: RwSignal::new(first.map(|a| a.short.clone()).unwrap_or_default()),
            reviewed: RwSignal::new(false),
            drafts: StoredValue::new(HashMap::new()),
            proposals,
            matched,
        }
    }

    /// Chooses proposal `to` (`None`: no answer). What the row says now is kept for the choice
    /// it leaves; `to` brings back its own kept words, or else the library's.
    fn pick(&self, to: Option<usize>) {
        let from = self.choice.get_untracked();
        if from == to {
            return;
        }
        let now = (self.answer.get_untracked(), self.short.get_untracked());
        self.drafts.update_value(|kept| {
            kept.insert(from, now);
        });
        let (answer, short) = self
            .drafts
            .with_value(|kept| kept.get(&to).cloned())
            .unwrap_or_else(|| {
                to.and_then(|i| self.proposals.get(i))
                    .map(|p| (p.answer.answer.clone(), p.answer.short.clone()))
                    .unwrap_or_default()
            });
        self.choice.set(to);
        self.answer.set(answer);
        self.short.set(short);
    }

    fn confidence(&self) -> Confidence {
        self.choice
            .get()
            .and_then(|i| self.proposals.get(i))
            .map_or(Confidence::None, |p| p.confidence)
    }

    fn needs_review(&self) -> bool {
        !self.reviewed.get() && self.confidence().needs_review()
    }

    fn source(&self) -> String {
        self.choice
            .get_untracked()
            .and_then(|i| self.proposals.get(i))
            .map(|p| p.answer.url.clone())
            .unwrap_or_default()
    }
}

/// Everything the page shows, shared by its parts.
#[derive(Clone, Copy)]
struct PageState {
    /// The answer library, once the worker has loaded it (matched rows refer to it by number).
    library: RwSignal<Option<Arc<[Arc<LibraryAnswer>]>>>,
    /// What is going on, for the status line.
    status: RwSignal<String>,
    /// The last problem, for the alert.
    error: RwSignal<Option<String>>,
    opened: RwSignal<Option<Opened>>,
    sheet: RwSignal<usize>,
    question: RwSignal<usize>,
    id: RwSignal<Option<usize>>,
    header: RwSignal<Option<usize>>,
    progress: RwSignal<Option<(usize, usize)>>,
    rows: RwSignal<Vec<RowModel>>,
    only_review: RwSignal<bool>,
    busy: RwSignal<bool>,
    /// The review has changes that no download has taken yet: leaving the page, opening
    /// another file or matching again asks first.
    unsaved: RwSignal<bool>,
}

impl PageState {
    fn new() -> PageState {
        PageState {
            library: RwSignal::new(None),
            // Empty until the app runs: without it, nothing is loading.
            status: RwSignal::new(String::new()),
            error: RwSignal::new(None),
            opened: RwSignal::new(None),
            sheet: RwSignal::new(0),
            question: RwSignal::new(0),
            id: RwSignal::new(None),
            header: RwSignal::new(None),
            progress: RwSignal::new(None),
            rows: RwSignal::new(Vec::new()),
            only_review: RwSignal::new(false),
            busy: RwSignal::new(false),
            unsaved: RwSignal::new(false),
        }
    }

    /// Whether the review may be replaced: true unless it has changes not downloaded and the
    /// visitor, asked, keeps them.
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    fn may_discard_review(&self) -> bool {
        if !self.unsaved.get_untracked() {
            return true;
        }
        #[cfg(feature = "hydrate")]
        {
            web_sys::window()
                .and_then(|w| w.confirm_with_message(UNSAVED_REVIEW).ok())
                .unwrap_or(false)
        }
        #[cfg(not(feature = "hydrate"))]
        false
    }

    /// Takes a sheet's detected layout as the proposed columns.
    fn choose_sheet(&self, sheet: usize) {
        self.sheet.set(sheet);
        let layout = self
            .opened
            .get_untracked()
            .and_then(|o| o.sheets.get(sheet).and_then(|s| s.layout.clone().ok()));
        match layout {
            Some(l) => {
                self.question.set(l.question);
                self.id.set(l.id);
                self.header.set(l.header);
                self.error.set(None);
            }
            None => {
                let why = self
                    .opened
                    .get_untracked()
                    .and_then(|o| o.sheets.get(sheet).and_then(|s| s.layout.clone().err()));
                self.error.set(why);
            }
        }
    }

    /// Applies a reply from the worker.
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    fn apply(&self, reply: Reply) {
        match reply {
            Reply::Ready { answers } => {
                self.status.set(format!(
                    "Ready: {} published answers to match against.",
                    answers.len()
                ));
                self.library
                    .set(Some(answers.into_iter().map(Arc::new).collect()));
            }
            Reply::Opened(opened) => {
                self.busy.set(false);
                let proposed = opened.proposed;
                self.status.set(format!(
                    "Read “{}”: {} sheet{}. Check the columns, then match.",
                    opened.name,
                    opened.sheets.len(),
                    if opened.sheets.len() == 1 { "" } else { "s" }
                ));
                self.rows.set(Vec::new());
                self.opened.set(Some(opened));
                self.choose_sheet(proposed);
            }
            Reply::Progress { done, total } => {
                self.progress.set(Some((done, total)));
                self.status
                    .set(format!("Matching questions: {done} of {total}…"));
            }
            Reply::Matched { rows, millis } => {
                self.busy.set(false);
                self.progress.set(None);
                let total = rows.len();
                let review = rows
                    .iter()
                    .filter(|r| {
                        r.proposals
                            .first()
                            .is_none_or(|p| p.confidence.needs_review())
                    })
                    .count();
                self.status.set(format!(
                    "Matched {total} question{} in {:.0} ms; {review} need{} a look.",
                    if total == 1 { "" } else { "s" },
                    millis,
                    if review == 1 { "s" } else { "" },
                ));
                let library = self.library.get_untracked().unwrap_or_default();
                self.unsaved.set(false);
                self.rows.set(
                    rows.into_iter()
                        .map(|r| RowModel::new(r, &library))
                        .collect(),
                );
            }
            Reply::Exported { name, .. } => {
                self.busy.set(false);
                self.unsaved.set(false);
                self.status.set(format!("Saved “{name}”."));
            }
            Reply::Error { message } => {
                self.busy.set(false);
                self.progress.set(None);
                self.status.set("Nothing was changed.".into());
                self.error.set(Some(message));
            }
        }
    }
}

/// The questionnaire assistant.
///
/// An island only where the `questionnaire-ui` feature is on (the pre-render and the
/// questionnaire page's own Wasm, `src/bin/questionnaire_app.rs`): the browsing pages' Wasm
/// leaves it, and everything only it uses, out.
#[cfg_attr(feature = "questionnaire-ui", island)]
#[cfg_attr(not(feature = "questionnaire-ui"), component)]
pub fn QuestionnairePage() -> impl IntoView {
    let state = PageState::new();
    let live = use_live();
    #[cfg(feature = "hydrate")]
    let worker = client::connect(state);
    #[cfg(feature = "hydrate")]
    {
        // The browser's own "Leave site?" prompt, while the review holds changes not downloaded.
        let handle = window_event_listener(leptos::ev::beforeunload, move |ev| {
            if state.unsaved.get_untracked() {
                ev.prevent_default();
                // The legacy signal, which older Safari still needs: any text but an empty one.
                ev.set_return_value(UNSAVED_REVIEW);
            }
        });
        on_cleanup(move || handle.remove());
    }
    let open_file = move |file: Option<FileHandle>| {
        #[cfg(feature = "hydrate")]
        if let Some(file) = file {
            if state.may_discard_review() {
                client::open(worker, state, file);
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = file;
    };
    let run_match = move || {
        #[cfg(feature = "hydrate")]
        if state.may_discard_review() {
            client::run_match(worker, state);
        }
    };
    let export = move |format: Format| {
        #[cfg(feature = "hydrate")]
        client::export(worker, state, format);
        #[cfg(not(feature = "hydrate"))]
        let _ = format;
    };
    let can_open = move || live.get() && state.library.with(Option::is_some) && !state.busy.get();
    let dragging = RwSignal::new(false);

    view! {
        <h1>{QUESTIONNAIRE_HEADING}</h1>
        <p class="lead">
            "Drop a security questionnaire and get it back pre-filled from this trust center's published answers. "
            "The file is read in your browser and never uploaded."
        </p>
        <noscript>
            <p class="notice">
                "The questionnaire assistant needs JavaScript. The whole answer library is also available as "
                <a href="/faq/answers.csv">"CSV"</a>" and "<a href="/faq/answers.json">"JSON"</a>"."
            </p>
        </noscript>
        <div
            class="dropzone"
            class:dragging=move || dragging.get()
            on:dragover=move |ev| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |ev| {
                ev.prevent_default();
                dragging.set(false);
                if can_open() {
                    open_file(dropped_file(&ev));
                }
            }
        >
            <label for="questionnaire-file">"Questionnaire file"</label>
            <input
                id="questionnaire-file"
                type="file"
                accept=".csv,.tsv,.txt,.xlsx,.xls,.ods,text/csv"
                aria-describedby="questionnaire-limits"
                disabled=move || !can_open()
                on:change=move |ev| open_file(chosen_file(&ev))
            />
            <p id="questionnaire-limits" class="hint">
                "CSV, XLSX, XLS or ODS, up to 5 MB and 2,000 questions. Or drop the file here."
            </p>
        </div>
        <p class="questionnaire-status" role="status">{move || state.status.get()}</p>
        {move || state.progress.get().map(|(done, total)| view! {
            <progress max=total value=done aria-label="Matching progress"></progress>
        })}
        {move || state.error.get().map(|e| view! { <p class="notice error" role="alert">{e}</p> })}
        <Columns state run_match />
        <Review state export />
    }
}

/// The sheet and column choice.
#[component]
fn Columns(state: PageState, run_match: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    move || {
        let opened = state.opened.get()?;
        let sheet = state.sheet.get();
        let columns = opened
            .sheets
            .get(sheet)
            .map(|s| s.columns.clone())
            .unwrap_or_default();
        let id_columns = columns.clone();
        let sheets = opened.sheets.clone();
        Some(view! {
            <section class="questionnaire-columns" aria-labelledby="columns-h">
                <h2 id="columns-h">"Where are the questions?"</h2>
                <div class="field-row">
                    <label>
                        "Sheet "
                        <select on:change=move |ev| {
                            if let Ok(i) = event_target_value(&ev).parse() { state.choose_sheet(i) }
                        }>
                            {sheets.into_iter().enumerate().map(|(i, s)| view! {
                                <option value=i.to_string() selected=i == sheet>
                                    {format!("{} ({} rows)", s.name, s.rows)}
                                </option>
                            }).collect_view()}
                        </select>
                    </label>
                    <label>
                        "Question column "
                        <select on:change=move |ev| {
                            if let Ok(i) = event_target_value(&ev).parse() { state.question.set(i) }
                        }>
                            {columns.into_iter().enumerate().map(|(i, c)| view! {
                                <option value=i.to_string() selected=move || state.question.get() == i>{c}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <label>
                        "Id column "
                        <select on:change=move |ev| {
                            state.id.set(event_target_value(&ev).parse().ok())
                        }>
                            <option value="" selected=move || state.id.get().is_none()>"None"</option>
                            {id_columns.into_iter().enumerate().map(|(i, c)| view! {
                                <option value=i.to_string() selected=move || state.id.get() == Some(i)>{c}</option>
                            }).collect_view()}
                        </select>
                    </label>
                </div>
                <label class="check">
                    <input
                        type="checkbox"
                        prop:checked=move || state.header.get().is_some()
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            state.header.set(on.then_some(0));
                        }
                    />
                    " The first row holds column names"
                </label>
                <p>
                    <button type="button" class="button" disabled=move || state.busy.get() on:click=move |_| run_match()>
                        "Match questions"
                    </button>
                </p>
            </section>
        })
    }
}

/// The review table and the downloads.
#[component]
fn Review(
    state: PageState,
    export: impl Fn(Format) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let counts = Memo::new(move |_| {
        let rows = state.rows.get();
        let review = rows.iter().filter(|r| r.needs_review()).count();
        (rows.len(), review)
    });
    move || {
        let rows = state.rows.get();
        if rows.is_empty() {
            return None;
        }
        Some(view! {
            <section class="questionnaire-review" aria-labelledby="review-h">
                <h2 id="review-h">"Review the answers"</h2>
                <div class="field-row review-tools">
                    <label class="check">
                        <input
                            type="checkbox"
                            prop:checked=move || state.only_review.get()
                            on:change=move |ev| state.only_review.set(event_target_checked(&ev))
                        />
                        {move || format!(" Only rows that need a look ({})", counts.get().1)}
                    </label>
                    <button type="button" class="button" disabled=move || state.busy.get() on:click=move |_| export(Format::Xlsx)>
                        "Download XLSX"
                    </button>
                    <button type="button" class="button secondary" disabled=move || state.busy.get() on:click=move |_| export(Format::Csv)>
                        "Download CSV"
                    </button>
                </div>
                <div class="table-wrap">
                    <table class="review">
                        <thead>
                            <tr>
                                <th scope="col">"Row"</th>
                                <th scope="col">"Question"</th>
                                <th scope="col">"Proposed answer"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows.into_iter().map(|r| view! { <ReviewRow row=r only_review=state.only_review unsaved=state.unsaved /> }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </section>
        })
    }
}

#[component]
fn ReviewRow(row: RowModel, only_review: RwSignal<bool>, unsaved: RwSignal<bool>) -> impl IntoView {
    let label = row
        .matched
        .id
        .clone()
        .unwrap_or_else(|| (row.matched.row + 1).to_string());
    let r = row.clone();
    let hidden = move || only_review.get() && !r.needs_review();
    let r = row.clone();
    let confidence = move || r.confidence();
    let proposals = row.proposals.clone();
    let choice = row.choice;
    let (answer, short, reviewed) = (row.answer, row.short, row.reviewed);
    let pick = {
        let row = row.clone();
        move |value: String| {
            row.pick(value.parse().ok());
            unsaved.set(true);
        }
    };
    let source = {
        let proposals = proposals.clone();
        move || choice.get().and_then(|i| proposals.get(i).cloned())
    };
    let row_label = label.clone();
    view! {
        <tr id=format!("row-{}", row.matched.row) hidden=hidden class:needs-review=move || row.needs_review()>
            <th scope="row">
                <span class="row-label">{label}</span>
                {move || {
                    let c = confidence();
                    view! { <span class=format!("confidence confidence-{}", confidence_class(c))>{c.label()}</span> }
                }}
                <label class="check reviewed">
                    <input
                        type="checkbox"
                        prop:checked=move || reviewed.get()
                        on:change=move |ev| {
                            reviewed.set(event_target_checked(&ev));
                            unsaved.set(true);
                        }
                    />
                    " Reviewed"
                </label>
            </th>
            <td class="q">{row.matched.question.clone()}</td>
            <td class="a">
                <select aria-label=format!("Answer for row {row_label}") on:change=move |ev| pick(event_target_value(&ev))>
                    {proposals.iter().enumerate().map(|(i, p)| view! {
                        <option value=i.to_string() selected=move || choice.get() == Some(i)>
                            {format!("{} ({})", p.answer.question, p.confidence.label())}
                        </option>
                    }).collect_view()}
                    <option value="" selected=move || choice.get().is_none()>"No answer"</option>
                </select>
                <label class="short">
                    "Short answer "
                    <input type="text" size="8" prop:value=move || short.get() on:input=move |ev| {
                        short.set(event_target_value(&ev));
                        unsaved.set(true);
                    } />
                </label>
                <textarea
                    aria-label=format!("Answer text for row {}", row_label)
                    rows="4"
                    prop:value=move || answer.get()
                    on:input=move |ev| {
                        answer.set(event_target_value(&ev));
                        unsaved.set(true);
                    }
                ></textarea>
                {move || source().map(|p| view! {
                    <a class="source" href=p.answer.url.clone() target="_blank" rel="noopener">{format!("Source: {}", p.answer.id)}</a>
                })}
            </td>
        </tr>
    }
}

fn confidence_class(c: Confidence) -> &'static str {
    match c {
        Confidence::None => "none",
        Confidence::Low => "low",
        Confidence::Medium => "medium",
        Confidence::High => "high",
        Confidence::ById => "by-id",
    }
}

#[cfg(feature = "hydrate")]
type FileHandle = web_sys::File;
#[cfg(not(feature = "hydrate"))]
type FileHandle = ();

fn chosen_file(ev: &leptos::ev::Event) -> Option<FileHandle> {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
        let file = input.files()?.get(0);
        // Choosing the same file again after fixing it should read it again.
        input.set_value("");
        file
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = ev;
        None
    }
}

fn dropped_file(ev: &leptos::ev::DragEvent) -> Option<FileHandle> {
    #[cfg(feature = "hydrate")]
    {
        ev.data_transfer()?.files()?.get(0)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = ev;
        None
    }
}

/// The browser side: the worker, files in, files out.
#[cfg(feature = "hydrate")]
mod client {
    use js_sys::{Array, Object, Reflect, Uint8Array};
    use leptos::prelude::*;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, MessageEvent, Url, Worker};

    use super::PageState;
    use crate::questionnaire::protocol::{Filled, Format, Layout, Reply, Request};
    use crate::questionnaire::{FileError, MAX_BYTES, WORKER_PATH};

    /// The worker, kept for the page's lifetime.
    pub type Connection = StoredValue<Option<Worker>, LocalStorage>;

    /// Starts the worker when the page runs; it loads the library at once.
    pub fn connect(state: PageState) -> Connection {
        let worker: Connection = StoredValue::new_local(None);
        Effect::new(move |_| {
            if worker.with_value(Option::is_some) {
                return;
            }
            state.status.set("Loading the answer library…".into());
            match spawn(state) {
                Ok(w) => worker.set_value(Some(w)),
                Err(message) => state.apply(Reply::Error { message }),
            }
        });
        on_cleanup(move || {
            if let Some(w) = worker.try_get_value().flatten() {
                w.terminate();
            }
        });
        worker
    }

    fn spawn(state: PageState) -> Result<Worker, String> {
        let worker = Worker::new(WORKER_PATH).map_err(|_| {
            "The questionnaire assistant could not start in this browser.".to_owned()
        })?;
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
            let data = ev.data();
            let json = Reflect::get(&data, &"json".into())
                .ok()
                .and_then(|j| j.as_string());
            let Some(reply) = json.and_then(|j| serde_json::from_str::<Reply>(&j).ok()) else {
                return;
            };
            if let Reply::Exported { name, mime } = &reply {
                if let Some(bytes) = Reflect::get(&data, &"bytes".into())
                    .ok()
                    .and_then(|b| b.dyn_into::<Uint8Array>().ok())
                {
                    save(name, mime, &bytes);
                }
            }
            state.apply(reply);
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
            ev.prevent_default();
            state.library.set(None);
            state.apply(Reply::Error {
                message: "The questionnaire assistant stopped unexpectedly. Reload the page to try again."
                    .into(),
            });
        });
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        Ok(worker)
    }

    fn send(worker: Connection, request: &Request, bytes: Option<Uint8Array>) {
        let message = Object::new();
        let json = serde_json::to_string(request).expect("requests always serialise");
        let _ = Reflect::set(&message, &"json".into(), &json.into());
        let transfer = Array::new();
        if let Some(bytes) = bytes {
            transfer.push(&bytes.buffer());
            let _ = Reflect::set(&message, &"bytes".into(), &bytes);
        }
        worker.with_value(|w| {
            if let Some(w) = w {
                let _ = w.post_message_with_transfer(&message, &transfer);
            }
        });
    }

    /// Reads a chosen file and hands it to the worker.
    pub fn open(worker: Connection, state: PageState, file: web_sys::File) {
        state.error.set(None);
        if file.size() > MAX_BYTES as f64 {
            state.apply(Reply::Error {
                message: FileError::TooLarge {
                    size: format!("{:.1} MB", file.size() / (1024.0 * 1024.0)),
                }
                .to_string(),
            });
            return;
        }
        state.busy.set(true);
        state.opened.set(None);
        state.rows.set(Vec::new());
        // The visitor agreed to let the review go (or had nothing to lose).
        state.unsaved.set(false);
        state.status.set(format!("Reading “{}”…", file.name()));
        let name = file.name();
        wasm_bindgen_futures::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => send(
                    worker,
                    &Request::Open { name },
                    Some(Uint8Array::new(&buffer)),
                ),
                Err(_) => state.apply(Reply::Error {
                    message: "The browser could not read the file. Check that it is not open and locked in another program.".into(),
                }),
            }
        });
    }

    /// Asks the worker to match the chosen sheet and columns.
    pub fn run_match(worker: Connection, state: PageState) {
        state.error.set(None);
        state.busy.set(true);
        state.rows.set(Vec::new());
        // The visitor agreed to let the review go (or had nothing to lose).
        state.unsaved.set(false);
        state.status.set("Matching questions…".into());
        send(
            worker,
            &Request::Match {
                sheet: state.sheet.get_untracked(),
                layout: Layout {
                    header: state.header.get_untracked(),
                    question: state.question.get_untracked(),
                    id: state.id.get_untracked(),
                },
            },
            None,
        );
    }

    /// Asks the worker for the filled file, as reviewed.
    pub fn export(worker: Connection, state: PageState, format: Format) {
        state.error.set(None);
        state.busy.set(true);
        let rows = state.rows.with_untracked(|rows| {
            rows.iter()
                .map(|r| Filled {
                    row: r.matched.row,
                    answer: r.answer.get_untracked(),
                    short: r.short.get_untracked(),
                    source: r.source(),
                })
                .collect()
        });
        send(worker, &Request::Export { format, rows }, None);
    }

    /// Offers bytes as a download, without any request.
    fn save(name: &str, mime: &str, bytes: &Uint8Array) {
        let parts = Array::of1(bytes);
        let options = BlobPropertyBag::new();
        options.set_type(mime);
        let Ok(blob) = Blob::new_with_u8_array_sequence_and_options(&parts, &options) else {
            return;
        };
        let Ok(url) = Url::create_object_url_with_blob(&blob) else {
            return;
        };
        let document = web_sys::window().and_then(|w| w.document());
        if let Some(a) = document
            .as_ref()
            .and_then(|d| d.create_element("a").ok())
            .and_then(|a| a.dyn_into::<HtmlAnchorElement>().ok())
        {
            a.set_href(&url);
            a.set_download(name);
            a.click();
        }
        // The click has started the download; the URL can go once it is read.
        let _ = web_sys::window().map(|w| {
            let revoke = Closure::once_into_js(move || {
                let _ = Url::revoke_object_url(&url);
            });
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000)
        });
    }
}
