//! The questionnaire assistant page: choose or drop a questionnaire, confirm its sheet and
//! columns, review the proposed answers, download the filled file.
//!
//! The page only shows and collects; a Web Worker (`src/bin/questionnaire_worker.rs`) reads,
//! matches and writes the file, so the page stays responsive and the spreadsheet code stays out
//! of the browsing app. The file goes from the visitor's disk to the worker and back as a
//! download: nothing is sent anywhere.
//!
//! What the download holds is decided here, row by row ([`RowModel::filled`]): a confident
//! proposal (Medium, High, by id) goes in as proposed; a weak one (Low, No match) is only a
//! suggestion, shown for review and left out until the visitor ticks "Reviewed" (typing or
//! choosing an answer counts as reviewing it). An answer the file already has is kept unless the
//! visitor chooses another. The file itself gets no status column: it goes back to the buyer in
//! the buyer's format, and what is in it has been accepted.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::questionnaire::protocol::{Filled, Format, MatchedRow, Opened, Reply};
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

/// Where a row's answer comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Choice {
    /// The answer the file already has in its answer column.
    Existing,
    /// One of the row's proposals, by its place in the list.
    Proposal(usize),
    /// No proposal: the visitor's own words, or nothing.
    Blank,
}

impl Choice {
    /// The value of its option in the row's list.
    fn value(self) -> String {
        match self {
            Choice::Existing => "file".into(),
            Choice::Proposal(i) => i.to_string(),
            Choice::Blank => String::new(),
        }
    }

    fn from_value(value: &str) -> Choice {
        match value {
            "file" => Choice::Existing,
            other => other.parse().map_or(Choice::Blank, Choice::Proposal),
        }
    }
}

/// One question row under review.
#[derive(Clone)]
struct RowModel {
    matched: MatchedRow,
    /// The row's proposals, best first, joined with the library the worker sent once.
    proposals: Vec<Shown>,
    choice: RwSignal<Choice>,
    answer: RwSignal<String>,
    short: RwSignal<String>,
    /// The visitor has looked at the row and accepts what it says.
    reviewed: RwSignal<bool>,
    /// The answer and short answer the row had under each choice it has left, so that choosing
    /// it again brings back what was typed rather than the library's words.
    drafts: StoredValue<HashMap<Choice, (String, String)>>,
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
        // The file's own answer stays unless the visitor picks another. A row without a match
        // starts with no answer: its best guess stays on offer in the list, but is not filled
        // in to be read as an answer.
        let choice = if matched.existing.is_some() {
            Choice::Existing
        } else if proposals
            .first()
            .is_some_and(|p| p.confidence > Confidence::None)
        {
            Choice::Proposal(0)
        } else {
            Choice::Blank
        };
        let model = RowModel {
            choice: RwSignal::new(choice),
            answer: RwSignal::new(String::new()),
            short: RwSignal::new(String::new()),
            reviewed: RwSignal::new(false),
            drafts: StoredValue::new(HashMap::new()),
            proposals,
            matched,
        };
        let (answer, short) = model.words_of(choice);
        model.answer.set(answer);
        model.short.set(short);
        model
    }

    /// The answer and short answer a choice brings when nothing was typed for it.
    fn words_of(&self, choice: Choice) -> (String, String) {
        match choice {
            Choice::Existing => (
                self.matched.existing.clone().unwrap_or_default(),
                String::new(),
            ),
            Choice::Proposal(i) => self
                .proposals
                .get(i)
                .map(|p| (p.answer.answer.clone(), p.answer.short.clone()))
                .unwrap_or_default(),
            Choice::Blank => Default::default(),
        }
    }

    /// Switches to `to`. What the row says now is kept for the choice it leaves; `to` brings
    /// back its own kept words, or else its own.
    fn pick(&self, to: Choice) {
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
            .unwrap_or_else(|| self.words_of(to));
        self.choice.set(to);
        self.answer.set(answer);
        self.short.set(short);
    }

    /// The chosen proposal.
    fn proposal(&self) -> Option<&Shown> {
        match self.choice.get() {
            Choice::Proposal(i) => self.proposals.get(i),
            _ => None,
        }
    }

    /// What the row's badge says, and its style.
    fn badge(&self) -> (&'static str, &'static str) {
        match self.choice.get() {
            Choice::Existing => ("file", "In the file"),
            Choice::Proposal(_) => {
                let c = self.proposal().map_or(Confidence::None, |p| p.confidence);
                (confidence_class(c), c.label())
            }
            Choice::Blank => {
                let matched = self
                    .proposals
                    .first()
                    .is_some_and(|p| p.confidence > Confidence::None);
                ("none", if matched { "No answer" } else { "No match" })
            }
        }
    }

    /// Whether what the row says goes into the download: the file's own answer, a confident
    /// proposal, or anything the visitor has reviewed.
    fn accepted(&self) -> bool {
        self.reviewed.get()
            || match self.choice.get() {
                Choice::Existing => true,
                Choice::Proposal(_) => self
                    .proposal()
                    .is_some_and(|p| !p.confidence.needs_review()),
                Choice::Blank => false,
            }
    }

    fn needs_review(&self) -> bool {
        !self.accepted()
    }

    /// Whether the row says anything.
    fn has_words(&self) -> bool {
        self.answer.with(|a| !a.trim().is_empty()) || self.short.with(|s| !s.trim().is_empty())
    }

    /// A suggestion the download leaves out until the visitor reviews it.
    fn held_back(&self) -> bool {
        self.has_words() && !self.accepted()
    }

    /// Whether the row is answered in the download (by the file's answer or by the page's).
    fn answered(&self) -> bool {
        self.has_words() && self.accepted()
    }

    /// What the download writes into the row, if anything: nothing for a suggestion not
    /// reviewed, nor for the file's own answer left as it was.
    fn filled(&self) -> Option<Filled> {
        if !self.answered() {
            return None;
        }
        let (answer, short) = (self.answer.get(), self.short.get());
        let source = match self.choice.get() {
            Choice::Existing => {
                if short.is_empty() && Some(&answer) == self.matched.existing.as_ref() {
                    return None;
                }
                String::new()
            }
            Choice::Proposal(_) => self
                .proposal()
                .map(|p| p.answer.url.clone())
                .unwrap_or_default(),
            Choice::Blank => String::new(),
        };
        Some(Filled {
            row: self.matched.row,
            answer,
            short,
            source,
        })
    }

    /// A line under the answer saying what the download does with it, where that is not
    /// simply "it goes in".
    fn note(&self) -> Option<&'static str> {
        if self.held_back() {
            return Some("A suggestion: left out of the download until you tick “Reviewed”.");
        }
        (self.choice.get() == Choice::Existing).then(|| {
            if self
                .answer
                .with(|a| Some(a) == self.matched.existing.as_ref())
            {
                "The answer already in the file: kept as it is."
            } else {
                "Your words replace the answer that was in the file."
            }
        })
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
    /// The column the answers go into (`None`: a new one after the last).
    answer: RwSignal<Option<usize>>,
    /// Where the answers of the review under way go, as the review says it.
    answers_into: RwSignal<String>,
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
            answer: RwSignal::new(None),
            answers_into: RwSignal::new(String::new()),
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

    /// The chosen sheet's column names.
    fn columns(&self) -> Vec<String> {
        self.opened
            .with(|o| {
                o.as_ref()
                    .and_then(|o| o.sheets.get(self.sheet.get()))
                    .map(|s| s.columns.clone())
            })
            .unwrap_or_default()
    }

    /// Where the chosen answer column is, in words for the review.
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    fn describe_answer_column(&self) -> String {
        let column = self
            .answer
            .get_untracked()
            .and_then(|c| untrack(|| self.columns()).get(c).cloned());
        match column {
            Some(name) => format!(
                "Answers go into column {name}; “Short answer” and “Source” are added after the last column."
            ),
            None => "Answers go into a new “Answer” column after the last one, followed by “Short answer” and “Source”.".into(),
        }
    }

    /// Takes a sheet's detected layout as the proposed columns.
    fn choose_sheet(&self, sheet: usize) {
        self.sheet.set(sheet);
        let summary = self
            .opened
            .get_untracked()
            .and_then(|o| o.sheets.get(sheet).cloned());
        let Some(summary) = summary else {
            return;
        };
        match summary.layout {
            Ok(l) => {
                self.question.set(l.question);
                self.id.set(l.id);
                self.header.set(l.header);
                self.answer.set(summary.answer);
                self.error.set(None);
            }
            Err(why) => self.error.set(Some(why)),
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
                let library = self.library.get_untracked().unwrap_or_default();
                let rows: Vec<RowModel> = rows
                    .into_iter()
                    .map(|r| RowModel::new(r, &library))
                    .collect();
                let total = rows.len();
                let review = untrack(|| rows.iter().filter(|r| r.needs_review()).count());
                self.status.set(format!(
                    "Matched {total} question{} in {:.0} ms; {review} need{} a look.",
                    if total == 1 { "" } else { "s" },
                    millis,
                    if review == 1 { "s" } else { "" },
                ));
                self.unsaved.set(false);
                self.rows.set(rows);
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
        // The browser's own "Leave site?" prompt, while the review holds changes not downloaded:
        // a link, reload or closed tab would otherwise drop them without a word.
        let handle = window_event_listener(leptos::ev::beforeunload, move |ev| {
            if state.unsaved.get_untracked() {
                ev.prevent_default();
                // The legacy signal, which older Safari still needs: any text but an empty one.
                ev.set_return_value(UNSAVED_REVIEW);
            }
        });
        on_cleanup(move || handle.remove());
    }
    // Whether a file was taken (the visitor may keep the review instead).
    let open_file = move |file: Option<FileHandle>| -> bool {
        #[cfg(feature = "hydrate")]
        if let Some(file) = file {
            if !state.may_discard_review() {
                return false;
            }
            client::open(worker, state, file);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = file;
        true
    };
    let run_match = move || {
        #[cfg(feature = "hydrate")]
        if state.may_discard_review() {
            state.answers_into.set(state.describe_answer_column());
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
    // The file the input showed when its picker opened: shown again if none is taken instead.
    let shown_file: ShownFile = StoredValue::new_local(None);

    view! {
        <h1>{QUESTIONNAIRE_HEADING}</h1>
        <p class="lead">
            "Drop a security questionnaire and get it back pre-filled from this trust center's published answers. "
            "The file is read in your browser and never uploaded."
        </p>
        <noscript>
            <p class="notice">
                "The questionnaire assistant needs JavaScript. The whole answer library is also available as "
                <a href=crate::ui::island_href("/faq/answers.csv")>"CSV"</a>" and "<a href=crate::ui::island_href("/faq/answers.json")>"JSON"</a>"."
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
                if can_open() && open_file(dropped_file(&ev)) {
                    show_dropped_file(&ev);
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
                on:click=move |ev| forget_chosen_file(&ev, shown_file)
                on:cancel=move |ev| show_chosen_file_again(&ev, shown_file)
                on:change=move |ev| {
                    if !open_file(chosen_file(&ev)) {
                        show_chosen_file_again(&ev, shown_file);
                    }
                }
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
        let columns = state.columns();
        let sheets = opened.sheets.clone();
        let options = |chosen: RwSignal<Option<usize>>| {
            columns
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    view! {
                        <option value=i.to_string() selected=move || chosen.get() == Some(i)>{c.clone()}</option>
                    }
                })
                .collect_view()
        };
        let question_options = columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                view! {
                    <option value=i.to_string() selected=move || state.question.get() == i>{c.clone()}</option>
                }
            })
            .collect_view();
        let id_options = options(state.id);
        let answer_options = options(state.answer);
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
                            {question_options}
                        </select>
                    </label>
                    <label>
                        "Id column "
                        <select on:change=move |ev| {
                            state.id.set(event_target_value(&ev).parse().ok())
                        }>
                            <option value="" selected=move || state.id.get().is_none()>"None"</option>
                            {id_options}
                        </select>
                    </label>
                    <label>
                        "Answers go into "
                        <select on:change=move |ev| {
                            state.answer.set(event_target_value(&ev).parse().ok())
                        }>
                            <option value="" selected=move || state.answer.get().is_none()>"A new column after the last"</option>
                            {answer_options}
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

/// How many rows the download answers, of how many, and how many suggestions it leaves out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Tally {
    rows: usize,
    answered: usize,
    held_back: usize,
    review: usize,
    existing: usize,
}

/// The review table and the downloads.
#[component]
fn Review(
    state: PageState,
    export: impl Fn(Format) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let tally = Memo::new(move |_| {
        state.rows.with(|rows| Tally {
            rows: rows.len(),
            answered: rows.iter().filter(|r| r.answered()).count(),
            held_back: rows.iter().filter(|r| r.held_back()).count(),
            review: rows.iter().filter(|r| r.needs_review()).count(),
            existing: rows.iter().filter(|r| r.matched.existing.is_some()).count(),
        })
    });
    let summary = move || {
        let t = tally.get();
        let mut text = format!(
            "The download answers {} of {} question{}.",
            t.answered,
            t.rows,
            if t.rows == 1 { "" } else { "s" }
        );
        if t.held_back > 0 {
            text.push_str(&format!(
                " {} suggestion{} not reviewed {} left blank: tick “Reviewed” on those to use.",
                t.held_back,
                if t.held_back == 1 { "" } else { "s" },
                if t.held_back == 1 { "is" } else { "are" },
            ));
        }
        text
    };
    let into = move || {
        let t = tally.get();
        let mut text = state.answers_into.get();
        if t.existing > 0 {
            text.push_str(&format!(
                " {} question{} already answered there: {} answer{} kept unless you choose another.",
                t.existing,
                if t.existing == 1 { " is" } else { "s are" },
                if t.existing == 1 { "its" } else { "their" },
                if t.existing == 1 { " is" } else { "s are" },
            ));
        }
        text
    };
    move || {
        let rows = state.rows.get();
        if rows.is_empty() {
            return None;
        }
        Some(view! {
            <section class="questionnaire-review" aria-labelledby="review-h">
                <h2 id="review-h">"Review the answers"</h2>
                <p class="hint" id="answers-into">{into}</p>
                <div class="field-row review-tools">
                    <label class="check">
                        <input
                            type="checkbox"
                            prop:checked=move || state.only_review.get()
                            on:change=move |ev| state.only_review.set(event_target_checked(&ev))
                        />
                        {move || format!(" Only rows that need a look ({})", tally.get().review)}
                    </label>
                    <button type="button" class="button" aria-describedby="download-summary" disabled=move || state.busy.get() on:click=move |_| export(Format::Xlsx)>
                        "Download XLSX"
                    </button>
                    <button type="button" class="button secondary" aria-describedby="download-summary" disabled=move || state.busy.get() on:click=move |_| export(Format::Csv)>
                        "Download CSV"
                    </button>
                </div>
                <p class="hint" id="download-summary">{summary}</p>
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
    // The sheet's own row number, as the spreadsheet shows it, so that the row can be found
    // there; the questionnaire's id beside it, as the buyer refers to the question.
    let number = row.matched.row + 1;
    let id = row.matched.id.clone();
    let row_label = match &id {
        Some(id) => format!("{number} ({id})"),
        None => number.to_string(),
    };
    let r = row.clone();
    let hidden = move || only_review.get() && !r.needs_review();
    let r = row.clone();
    let badge = move || {
        let (class, label) = r.badge();
        view! { <span class=format!("confidence confidence-{class}")>{label}</span> }
    };
    let proposals = row.proposals.clone();
    let choice = row.choice;
    let (answer, short, reviewed) = (row.answer, row.short, row.reviewed);
    // Choosing or writing an answer is reviewing it: what the visitor did goes into the
    // download without a second step.
    let touched = move || {
        reviewed.set(true);
        unsaved.set(true);
    };
    let pick = {
        let row = row.clone();
        move |value: String| {
            row.pick(Choice::from_value(&value));
            touched();
        }
    };
    let r = row.clone();
    let source = move || r.proposal().cloned();
    let r = row.clone();
    let note = move || r.note().map(|n| view! { <p class="hint">{n}</p> });
    let r = row.clone();
    let existing = row.matched.existing.is_some();
    view! {
        <tr id=format!("row-{}", row.matched.row) hidden=hidden class:needs-review=move || r.needs_review()>
            <th scope="row">
                <span class="row-label">{format!("Row {number}")}</span>
                {id.map(|id| view! { <span class="row-label row-id">{format!("ID {id}")}</span> })}
                {badge}
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
                    {existing.then(|| view! {
                        <option value=Choice::Existing.value() selected=move || choice.get() == Choice::Existing>
                            "The answer already in the file"
                        </option>
                    })}
                    {proposals.iter().enumerate().map(|(i, p)| view! {
                        <option value=Choice::Proposal(i).value() selected=move || choice.get() == Choice::Proposal(i)>
                            {format!("{} ({})", p.answer.question, p.confidence.label())}
                        </option>
                    }).collect_view()}
                    <option value=Choice::Blank.value() selected=move || choice.get() == Choice::Blank>"No answer"</option>
                </select>
                <label class="short">
                    "Short answer "
                    <input type="text" size="8" prop:value=move || short.get() on:input=move |ev| {
                        short.set(event_target_value(&ev));
                        touched();
                    } />
                </label>
                <textarea
                    aria-label=format!("Answer text for row {row_label}")
                    rows="4"
                    prop:value=move || answer.get()
                    on:input=move |ev| {
                        answer.set(event_target_value(&ev));
                        touched();
                    }
                ></textarea>
                {note}
                {move || source().map(|p| view! {
                    <a class="source" href=p.answer.url.clone() target="_blank" rel="noopener">
                        {format!("Source: {}", p.answer.question)}
                    </a>
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

/// The file input's element, from one of its events.
#[cfg(feature = "hydrate")]
fn file_input(ev: &leptos::ev::Event) -> Option<web_sys::HtmlInputElement> {
    use wasm_bindgen::JsCast;
    ev.target()?.dyn_into().ok()
}

fn chosen_file(ev: &leptos::ev::Event) -> Option<FileHandle> {
    #[cfg(feature = "hydrate")]
    {
        file_input(ev)?.files()?.get(0)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = ev;
        None
    }
}

/// The file the input showed as its picker opened (emptying the input empties its own list).
type ShownFile = StoredValue<Option<FileHandle>, LocalStorage>;

/// Empties the file input as the picker opens, so that choosing the same file again (after
/// fixing it) reads it again; until then the input shows the file that was read. The file it
/// showed is kept in `shown` for [`show_chosen_file_again`].
fn forget_chosen_file(ev: &leptos::ev::Event, shown: ShownFile) {
    #[cfg(feature = "hydrate")]
    if let Some(input) = file_input(ev) {
        shown.set_value(input.files().and_then(|files| files.get(0)));
        input.set_value("");
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (ev, shown);
}

/// Shows the file that was read in the input again when none replaces it: the picker closed
/// without a choice, or the visitor chose to keep the review of the file read before. The input
/// would read "No file chosen", or name a file that was not read, beside that review.
fn show_chosen_file_again(ev: &leptos::ev::Event, shown: ShownFile) {
    #[cfg(feature = "hydrate")]
    if let (Some(input), Some(file)) = (file_input(ev), shown.get_value()) {
        if let Ok(transfer) = web_sys::DataTransfer::new() {
            if transfer.items().add_with_file(&file).is_ok() {
                input.set_files(transfer.files().as_ref());
            }
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (ev, shown);
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

/// Shows a dropped file in the file input, as if chosen there.
fn show_dropped_file(ev: &leptos::ev::DragEvent) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let input = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("questionnaire-file"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let (Some(input), Some(files)) = (input, ev.data_transfer().and_then(|d| d.files())) {
            input.set_files(Some(&files));
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = ev;
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
    use crate::questionnaire::protocol::{Format, Layout, Reply, Request};
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
        let worker = Worker::new(&crate::client::site_href(WORKER_PATH)).map_err(|_| {
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
                answer: state.answer.get_untracked(),
            },
            None,
        );
    }

    /// Asks the worker for the filled file: the rows the review accepts, nothing for the rest.
    pub fn export(worker: Connection, state: PageState, format: Format) {
        state.error.set(None);
        state.busy.set(true);
        let rows = untrack(|| {
            state
                .rows
                .with(|rows| rows.iter().filter_map(|r| r.filled()).collect())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::Candidate;

    fn library() -> Vec<Arc<LibraryAnswer>> {
        ["backups", "data-deletion"]
            .into_iter()
            .map(|id| {
                Arc::new(LibraryAnswer {
                    id: id.into(),
                    question: format!("The {id} question?"),
                    category: "General".into(),
                    short: "Yes".into(),
                    answer: format!("The {id} answer."),
                    url: format!("https://trust.example.com/faq/#{id}"),
                    refs: Vec::new(),
                })
            })
            .collect()
    }

    fn row(existing: Option<&str>, confidence: Confidence) -> RowModel {
        let candidate = |answer| Candidate {
            answer,
            score: 0.5,
            confidence,
        };
        RowModel::new(
            MatchedRow {
                row: 4,
                id: None,
                question: "Describe your backup strategy".into(),
                existing: existing.map(str::to_owned),
                proposals: vec![candidate(0), candidate(1)],
            },
            &library(),
        )
    }

    #[test]
    fn a_weak_suggestion_goes_into_the_download_only_once_reviewed() {
        let r = row(None, Confidence::Low);
        // Shown, to be read and accepted…
        assert_eq!(r.answer.get_untracked(), "The backups answer.");
        assert!(r.needs_review() && r.held_back());
        // …but not written.
        assert_eq!(r.filled(), None);
        r.reviewed.set(true);
        let filled = r.filled().unwrap();
        assert_eq!(filled.answer, "The backups answer.");
        assert_eq!(filled.source, "https://trust.example.com/faq/#backups");
        assert!(!r.needs_review());
    }

    #[test]
    fn a_confident_proposal_goes_in_as_proposed() {
        let r = row(None, Confidence::Medium);
        assert_eq!(r.filled().unwrap().short, "Yes");
        // Unmatched rows start empty and write nothing.
        let r = row(None, Confidence::None);
        assert_eq!(r.choice.get_untracked(), Choice::Blank);
        assert_eq!(r.filled(), None);
        assert!(r.needs_review());
    }

    #[test]
    fn the_files_own_answer_is_kept_unless_another_is_chosen() {
        let r = row(Some("We back up hourly."), Confidence::High);
        assert_eq!(r.choice.get_untracked(), Choice::Existing);
        assert_eq!(r.answer.get_untracked(), "We back up hourly.");
        // Kept as it is: nothing to write.
        assert!(!r.needs_review() && r.answered());
        assert_eq!(r.filled(), None);
        // Choosing a proposal replaces it.
        r.pick(Choice::Proposal(1));
        assert_eq!(r.filled().unwrap().answer, "The data-deletion answer.");
        // Back to the file's answer, edited: the edit is written, without a source.
        r.pick(Choice::Existing);
        r.answer.set("We back up every hour.".into());
        let filled = r.filled().unwrap();
        assert_eq!(
            (filled.answer.as_str(), filled.source.as_str()),
            ("We back up every hour.", "")
        );
    }
}
