//! `answers/<category>.toml`: the answer library, for the FAQ and questionnaires.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use super::Date;

/// One file of answers: a category and its `[[answer]]` tables.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswersFile {
    /// The category's name as shown (`Access control`).
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub category: String,
    /// The answers, in the order shown.
    #[serde(default)]
    pub answer: Vec<Answer>,
}

/// A question and its answer.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// Stable identifier, unique across all files (`sso`).
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// The question, as a customer would ask it.
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub question: String,
    /// Other ways questionnaires ask the same question ("Is MFA enforced for remote access?"):
    /// the questionnaire assistant matches a buyer's question against each of them as well as
    /// against `question`. Not shown on the site.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub asked_as: Vec<Spanned<String>>,
    /// The short answer to a yes/no question. Leave it out for an open one ("What are your
    /// recovery objectives?"): the site then shows no badge and exports no short answer.
    #[serde(default)]
    pub short: Option<ShortAnswer>,
    /// The full answer (Markdown).
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub answer: String,
    /// The category, from the file (not written per answer).
    #[serde(skip)]
    pub category: String,
    /// Words that help search find it.
    #[serde(default, deserialize_with = "super::text::items")]
    #[schemars(inner(pattern(super::text::NOT_BLANK)))]
    pub tags: Vec<String>,
    /// Question ids in questionnaires this answers, by questionnaire: `caiq = ["IAM-02.1"]`.
    #[serde(default)]
    pub mappings: BTreeMap<String, Vec<String>>,
    /// Ids of controls (in `security.toml`) that back the answer.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub controls: Vec<Spanned<String>>,
    /// Ids of documents that back the answer.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub documents: Vec<Spanned<String>>,
    /// Ids of certifications that back the answer.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub certifications: Vec<Spanned<String>>,
    /// When someone last checked the answer is still true.
    #[schemars(with = "Date")]
    pub reviewed: Spanned<Date>,
}

/// The short answer to a question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ShortAnswer {
    /// Yes.
    Yes,
    /// No.
    No,
    /// In part; the answer says which.
    Partial,
    /// Does not apply.
    #[serde(rename = "n/a")]
    NotApplicable,
}
