//! The answer library as data: what the questionnaire worker matches against, and the CSV and
//! JSON downloads the FAQ offers.
//!
//! All three come from the model's answers and the search entries the site index has for them,
//! so a questionnaire gets exactly the text and links the FAQ shows.

use serde::Serialize;

use crate::model::Model;
use crate::questionnaire::{Library, LibraryAnswer};

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
    let docs: Vec<_> = model.answers.iter().map(answer_doc).collect();
    let answers = model
        .answers
        .iter()
        .zip(&docs)
        .map(|(a, doc)| LibraryAnswer {
            id: a.id.get_ref().clone(),
            question: a.question.clone(),
            category: a.category.clone(),
            short: short_badge(a.short).text,
            answer: doc.text.clone(),
            url: format!("{base}{}", doc.url),
            refs: a.mappings.values().flatten().cloned().collect(),
        })
        .collect();
    // The index's documents are the answers, in the same order: a hit's number is the answer's.
    Library {
        index: crate::search::build_index(&docs, synonyms),
        answers,
    }
}

/// One row of the downloads; the columns are documented in the README and stay stable.
#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    category: &'a str,
    question: &'a str,
    short_answer: &'a str,
    answer: &'a str,
    url: &'a str,
    /// `caiq: IAM-14.1, IAM-16.1; sig: …` in CSV; an object in JSON.
    #[serde(skip)]
    mappings: Vec<(&'a str, &'a [String])>,
    reviewed: String,
}

/// The answer library as (path, contents) for CSV and JSON.
pub fn files(model: &Model, library: &Library) -> Vec<(String, String)> {
    let rows: Vec<Row<'_>> = model
        .answers
        .iter()
        .zip(&library.answers)
        .map(|(a, l)| Row {
            id: &l.id,
            category: &l.category,
            question: &l.question,
            short_answer: &l.short,
            answer: &l.answer,
            url: &l.url,
            mappings: a
                .mappings
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_slice()))
                .collect(),
            reviewed: a.reviewed.get_ref().to_string(),
        })
        .collect();

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
    for r in &rows {
        let mappings = r
            .mappings
            .iter()
            .map(|(k, v)| format!("{k}: {}", v.join(", ")))
            .collect::<Vec<_>>()
            .join("; ");
        w.write_record([
            r.id,
            r.category,
            r.question,
            r.short_answer,
            r.answer,
            r.url,
            &mappings,
            &r.reviewed,
        ])
        .expect("writing to memory cannot fail");
    }
    let csv = String::from_utf8(w.into_inner().expect("writing to memory cannot fail"))
        .expect("CSV of UTF-8 text is UTF-8");

    #[derive(Serialize)]
    struct JsonRow<'a> {
        #[serde(flatten)]
        row: &'a Row<'a>,
        mappings: std::collections::BTreeMap<&'a str, &'a [String]>,
    }
    #[derive(Serialize)]
    struct Export<'a> {
        source: String,
        answers: Vec<JsonRow<'a>>,
    }
    let base = model.organization.site_url.get_ref().trim_end_matches('/');
    let json = serde_json::to_string_pretty(&Export {
        source: format!("{base}/faq/"),
        answers: rows
            .iter()
            .map(|r| JsonRow {
                row: r,
                mappings: r.mappings.iter().copied().collect(),
            })
            .collect(),
    })
    .expect("the export always serialises");
    vec![
        (ANSWERS_CSV.to_owned(), csv),
        (ANSWERS_JSON.to_owned(), json),
    ]
}
