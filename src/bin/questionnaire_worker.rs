//! The questionnaire worker: a Web Worker that reads a dropped questionnaire, matches its
//! questions to the answer library and writes the filled file, off the page's main thread.
//!
//! Trunk builds it as a second Wasm binary (`data-type="worker"` in index.html) with the
//! `worker` feature, so the spreadsheet libraries never weigh on the browsing pages. It fetches
//! the library once when it starts (when the questionnaire page opens); from then on it makes no
//! request: files are read, matched and written in memory.

use std::cell::RefCell;

use js_sys::{Array, Object, Reflect, Uint8Array};
use trust_center::questionnaire::export::{to_csv, to_xlsx, ExportError};
use trust_center::questionnaire::protocol::{
    Format, MatchedRow, Opened, Reply, Request, SheetSummary,
};
use trust_center::questionnaire::sheet::{
    self, answer_column, column_letter, column_name, detect, questions, Workbook,
};
use trust_center::questionnaire::{Matcher, LIBRARY_PATH};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Response};

/// How often matching reports progress, in rows.
const PROGRESS_EVERY: usize = 25;

#[derive(Default)]
struct State {
    matcher: Option<Matcher>,
    file: Option<OpenFile>,
}

struct OpenFile {
    name: String,
    book: Workbook,
    /// The sheet, layout and answer column of the last match, which the export fills.
    matched: Option<(usize, sheet::Layout, Option<usize>)>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::default();
}

/// The answer library's address, relative to this worker's script: that is at the root of the
/// site, which may be under a path of its host.
fn library_address() -> &'static str {
    &LIBRARY_PATH[1..]
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn main() {
    console_error_panic_hook::set_once();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(on_message);
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    wasm_bindgen_futures::spawn_local(async {
        let reply = match load_library().await {
            Ok(matcher) => {
                let answers = matcher.answers().to_vec();
                STATE.with_borrow_mut(|s| s.matcher = Some(matcher));
                Reply::Ready { answers }
            }
            Err(message) => Reply::Error { message },
        };
        post(&reply, None);
    });
}

async fn load_library() -> Result<Matcher, String> {
    let failed = |what: &str| {
        format!("The answer library could not be loaded ({what}). Reload the page to try again.")
    };
    let response = JsFuture::from(scope().fetch_with_str(library_address()))
        .await
        .map_err(|_| failed("network error"))?;
    let response: Response = response.unchecked_into();
    if !response.ok() {
        return Err(failed(&format!("HTTP {}", response.status())));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| failed("no body"))?)
        .await
        .map_err(|_| failed("interrupted"))?;
    let bytes = Uint8Array::new(&buffer).to_vec();
    Matcher::load(&bytes).map_err(|e| failed(&e.to_string()))
}

/// Sends a reply, with bytes beside it (transferred, not copied).
fn post(reply: &Reply, bytes: Option<Vec<u8>>) {
    let message = Object::new();
    let json = serde_json::to_string(reply).expect("replies always serialise");
    let _ = Reflect::set(&message, &"json".into(), &json.into());
    let transfer = Array::new();
    if let Some(bytes) = bytes {
        let array = Uint8Array::from(bytes.as_slice());
        transfer.push(&array.buffer());
        let _ = Reflect::set(&message, &"bytes".into(), &array);
    }
    let _ = scope().post_message_with_transfer(&message, &transfer);
}

fn on_message(event: MessageEvent) {
    let data = event.data();
    let json = Reflect::get(&data, &"json".into())
        .ok()
        .and_then(|j| j.as_string());
    let request = json.and_then(|j| serde_json::from_str::<Request>(&j).ok());
    let Some(request) = request else {
        post(
            &Reply::Error {
                message:
                    "The page sent a message this worker does not understand; reload the page."
                        .into(),
            },
            None,
        );
        return;
    };
    match request {
        Request::Open { name } => {
            let bytes = Reflect::get(&data, &"bytes".into())
                .ok()
                .filter(|b| b.is_instance_of::<Uint8Array>())
                .map(|b| b.unchecked_into::<Uint8Array>().to_vec())
                .unwrap_or_default();
            post(&open(name, &bytes), None);
        }
        Request::Match {
            sheet,
            layout,
            answer,
        } => match_rows(sheet, layout, answer),
        Request::Export { format, rows } => {
            let result = STATE.with_borrow(|s| {
                let file = s
                    .file
                    .as_ref()
                    .ok_or_else(|| "Choose a file first.".to_owned())?;
                let (sheet, layout, answer) = file
                    .matched
                    .ok_or_else(|| "Match the questions first.".to_owned())?;
                let stem = file
                    .name
                    .rsplit_once('.')
                    .map_or(file.name.as_str(), |(s, _)| s);
                let written = match format {
                    Format::Csv => to_csv(&file.book, sheet, &layout, answer, &rows)
                        .map(|b| (b, format!("{stem}-answered.csv"), "text/csv;charset=utf-8")),
                    Format::Xlsx => to_xlsx(&file.book, sheet, &layout, answer, &rows).map(|b| {
                        (
                            b,
                            format!("{stem}-answered.xlsx"),
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        )
                    }),
                };
                written.map_err(|e| match e {
                    ExportError::AnswerColumn { .. } => format!("{}.", capitalised(&e.to_string())),
                    _ => "The file could not be written.".to_owned(),
                })
            });
            match result {
                Ok((bytes, name, mime)) => post(
                    &Reply::Exported {
                        name,
                        mime: mime.into(),
                    },
                    Some(bytes),
                ),
                Err(message) => post(&Reply::Error { message }, None),
            }
        }
    }
}

/// A library error's message as a sentence for the visitor.
fn capitalised(message: &str) -> String {
    let mut chars = message.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

fn open(name: String, bytes: &[u8]) -> Reply {
    let book = match sheet::read(&name, bytes) {
        Ok(book) => book,
        Err(e) => {
            return Reply::Error {
                message: e.to_string(),
            }
        }
    };
    let sheets: Vec<SheetSummary> = book
        .sheets
        .iter()
        .map(|s| {
            let layout = detect(s).map_err(|e| e.to_string());
            let header = layout.as_ref().ok().and_then(|l| l.header);
            let answer = layout.as_ref().ok().and_then(|l| answer_column(s, l));
            let width = s.rows.iter().map(Vec::len).max().unwrap_or(0);
            SheetSummary {
                name: s.name.clone(),
                rows: s.rows.len(),
                columns: (0..width).map(|c| column_name(s, header, c)).collect(),
                layout,
                answer,
            }
        })
        .collect();
    let Some(proposed) = sheets.iter().position(|s| s.layout.is_ok()) else {
        return Reply::Error {
            message: sheets
                .first()
                .and_then(|s| s.layout.clone().err())
                .unwrap_or_else(|| "The file has no sheets.".into()),
        };
    };
    let opened = Opened {
        name: name.clone(),
        kind: book.kind,
        sheets,
        proposed,
    };
    STATE.with_borrow_mut(|s| {
        s.file = Some(OpenFile {
            name,
            book,
            matched: None,
        })
    });
    Reply::Opened(opened)
}

fn match_rows(sheet: usize, layout: sheet::Layout, answer: Option<usize>) {
    let reply = STATE.with_borrow_mut(|s| {
        let Some(matcher) = &s.matcher else {
            return Reply::Error {
                message: "The answer library is still loading; try again in a moment.".into(),
            };
        };
        let Some(file) = &mut s.file else {
            return Reply::Error {
                message: "Choose a file first.".into(),
            };
        };
        let Some(rows) = file.book.sheets.get(sheet) else {
            return Reply::Error {
                message: "That sheet is not in the file.".into(),
            };
        };
        if let Some(col) = answer.filter(|&c| c == layout.question || Some(c) == layout.id) {
            return Reply::Error {
                message: format!(
                    "Column {} holds the questions or their ids; choose another column for the answers.",
                    column_letter(col)
                ),
            };
        }
        let found = match questions(rows, &layout) {
            Ok(found) => found,
            Err(e) => {
                return Reply::Error {
                    message: e.to_string(),
                }
            }
        };
        let started = js_sys::Date::now();
        let total = found.len();
        let mut out = Vec::with_capacity(total);
        for (n, (row, question, id)) in found.into_iter().enumerate() {
            if n % PROGRESS_EVERY == 0 {
                post(&Reply::Progress { done: n, total }, None);
            }
            let proposals = matcher.propose(question, id);
            // An answer the file already has is shown and kept unless the visitor replaces it.
            let existing = answer
                .and_then(|c| rows.rows[row].get(c))
                .map(|c| c.trim())
                .filter(|c| !c.is_empty())
                .map(str::to_owned);
            out.push(MatchedRow {
                row,
                id: id.map(str::to_owned),
                question: question.to_owned(),
                existing,
                proposals,
            });
        }
        file.matched = Some((sheet, layout, answer));
        Reply::Matched {
            rows: out,
            millis: js_sys::Date::now() - started,
        }
    });
    post(&reply, None);
}
