//! The answer library as data: what the questionnaire worker matches against, and the CSV and
//! JSON downloads the FAQ offers.
//!
//! All three come from the model's answers and the search entries the site index has for them,
//! so a questionnaire gets exactly the text and links the FAQ shows.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

use crate::model::{Date, Model};
use crate::questionnaire::{Library, LibraryAnswer};
use crate::search::SearchDoc;
use crate::spreadsheet::inert;

use super::corpus::answer_doc;
use super::derive::short_badge;

/// The whole answer library, CSV.
pub const ANSWERS_CSV: &str = "/faq/answers.csv";
/// The whole answer library, JSON.
pub const ANSWERS_JSON: &str = "/faq/answers.json";

/// The library the questionnaire worker loads, with its own index over the answers (built
/// with the site's synonyms, so "2FA" in a questionnaire finds the MFA answer).
pub fn library(model: &Model, synonyms: &[Vec<String>]) -> Library {
    let base = model.organization.site_url.get_ref().trim_end_matches('/');
    let mut docs: Vec<_> = model.answers.iter().map(answer_doc).collect();
    let answers: Vec<LibraryAnswer> = model
        .answers
        .iter()
        .zip(&docs)
        .map(|(a, doc)| LibraryAnswer {
            id: a.id.get_ref().clone(),
            question: a.question.clone(),
            category: a.category.clone(),
            short: a.short.map(|s| short_badge(s).text).unwrap_or_default(),
            answer: doc.text.clone(),
            url: format!("{base}{}", doc.url),
            refs: a.mappings.values().flatten().cloned().collect(),
        })
        .collect();
    // Each other phrasing of a question is a document of its own, after the answers, with
    // nothing but the phrasing: it competes with the answer's own document for a question
    // worded its way, without counting the answer's text twice.
    let mut phrasings = Vec::new();
    for (i, a) in model.answers.iter().enumerate() {
        for p in &a.asked_as {
            phrasings.push(i as u32);
            docs.push(SearchDoc {
                title: p.get_ref().clone(),
                keywords: Vec::new(),
                text: String::new(),
                context: String::new(),
                ..docs[i].clone()
            });
        }
    }
    // The index's first documents are the answers, in the same order: a hit's number is the
    // answer's.
    Library {
        index: crate::search::build_index(&docs, synonyms),
        answers,
        phrasings,
    }
}

/// One answer as the downloads and `trust.json` publish it; the columns are documented in the
/// README and stay stable (new ones only ever at the end).
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct AnswerRecord {
    /// Stable identifier.
    pub id: String,
    /// The category (the FAQ's grouping).
    pub category: String,
    /// The question.
    pub question: String,
    /// `Yes`, `No`, `Partial` or `N/A`; empty for an open question (a string all the same, as
    /// it always was: `trust.json`'s fields keep their types within a format version).
    pub short_answer: String,
    /// The full answer, as plain text.
    pub answer: String,
    /// The answer on the FAQ page.
    pub url: String,
    /// Question ids in questionnaires this answers, by questionnaire (`caiq`, `sig` …). In CSV:
    /// `caiq: IAM-14.1, IAM-16.1; sig: …`.
    pub mappings: BTreeMap<String, Vec<String>>,
    /// When someone last checked the answer is still true (ISO 8601).
    pub reviewed: Date,
}

/// Every answer, in the FAQ's order, with the library's text and links.
pub fn records(model: &Model, library: &Library) -> Vec<AnswerRecord> {
    model
        .answers
        .iter()
        .zip(&library.answers)
        .map(|(a, l)| AnswerRecord {
            id: l.id.clone(),
            category: l.category.clone(),
            question: l.question.clone(),
            short_answer: l.short.clone(),
            answer: l.answer.clone(),
            url: l.url.clone(),
            mappings: a.mappings.clone(),
            reviewed: *a.reviewed.get_ref(),
        })
        .collect()
}

/// The answer library as (path, contents) for CSV (its cells [`inert`] in a spreadsheet) and
/// JSON.
pub fn files(model: &Model, records: &[AnswerRecord]) -> Vec<(String, String)> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "id",
        "category",
        "question",
        "short_answer",
        "answer",
        "url",
        "mappings",
        "reviewed",
    ])
    .expect("writing to memory cannot fail");
    for r in records {
        let mappings = r
            .mappings
            .iter()
            .map(|(k, v)| format!("{k}: {}", v.join(", ")))
            .collect::<Vec<_>>()
            .join("; ");
        let reviewed = r.reviewed.to_string();
        let cells = [
            &r.id,
            &r.category,
            &r.question,
            &r.short_answer,
            &r.answer,
            &r.url,
            &mappings,
            &reviewed,
        ]
        .map(|cell| inert(cell));
        w.write_record(cells.iter().map(|cell| cell.as_bytes()))
            .expect("writing to memory cannot fail");
    }
    let csv = String::from_utf8(w.into_inner().expect("writing to memory cannot fail"))
        .expect("CSV of UTF-8 text is UTF-8");

    #[derive(Serialize)]
    struct Export<'a> {
        source: String,
        answers: &'a [AnswerRecord],
    }
    let base = model.organization.site_url.get_ref().trim_end_matches('/');
    let json = serde_json::to_string_pretty(&Export {
        source: format!("{base}/faq/"),
        answers: records,
    })
    .expect("the export always serialises");
    vec![
        (ANSWERS_CSV.to_owned(), csv),
        (ANSWERS_JSON.to_owned(), json),
    ]
}
