//! `documents/<id>.md`: the DPA, policies and reports.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::Date;

/// A document: front matter plus an optional Markdown body (the document's text).
#[derive(Clone, Debug)]
pub struct Document {
    /// The id, from the file name.
    pub id: String,
    /// The front matter.
    pub meta: DocumentMeta,
    /// The text, if published as Markdown (empty for file-only documents).
    pub markdown: String,
}

/// The front matter of a document.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentMeta {
    /// The title.
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub title: String,
    /// What kind of document.
    #[schemars(with = "DocumentKind")]
    pub kind: Spanned<DocumentKind>,
    /// Who may have it.
    pub access: Access,
    /// One or two sentences on what it is.
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub summary: String,
    /// The version (`3.1`).
    #[serde(default, deserialize_with = "super::text::optional")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub version: Option<String>,
    /// Effective or publication date.
    pub date: Date,
    /// Languages it exists in, BCP 47 (`en`, `de`).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub languages: Vec<Spanned<String>>,
    /// A file under `assets/` to download (a PDF), for public documents.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub file: Option<Spanned<String>>,
    /// Earlier versions still in force for some customers.
    #[serde(default)]
    pub previous: Vec<PreviousVersion>,
    /// For the DPA only: how subprocessor changes are announced.
    #[serde(default)]
    #[schemars(with = "Option<SubprocessorNotice>")]
    pub subprocessor_notice: Option<Spanned<SubprocessorNotice>>,
}

/// An earlier version of a document.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PreviousVersion {
    /// The version.
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub version: String,
    /// Its effective date.
    pub date: Date,
    /// A file under `assets/`, if it can be downloaded.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub file: Option<Spanned<String>>,
}

/// The DPA's terms for subprocessor changes (GDPR Art. 28(2)).
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SubprocessorNotice {
    /// Days between announcing a change and its taking effect, during which customers may object
    /// (1 to 365).
    #[schemars(with = "u32")]
    pub notice_days: Spanned<u32>,
    /// Where objections go.
    #[schemars(with = "String")]
    pub objection_email: Spanned<String>,
}

/// Kinds of document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentKind {
    /// The Data Processing Agreement.
    Dpa,
    /// The privacy policy.
    PrivacyPolicy,
    /// The cookie policy.
    CookiePolicy,
    /// A security whitepaper.
    Whitepaper,
    /// A certificate.
    Certificate,
    /// An audit report (SOC 2 …).
    AuditReport,
    /// A penetration test summary.
    PentestSummary,
    /// Another policy.
    Policy,
    /// Anything else.
    Other,
}

/// Who may have a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Access {
    /// Anyone: published on the site.
    Public,
    /// Sent on request (often under NDA).
    OnRequest,
}
