//! The content model: one typed value for everything a trust center says.
//!
//! These are the serde shapes of the files under `content/`, one module per file kind. They hold
//! what the author wrote, with source spans where a cross-check may need to point back at a value;
//! reading them from disk and checking them is the loader's job, turning them into pages the
//! publisher's. No I/O here. The JSON Schemas for editors are generated from these types, so their
//! doc comments are what an author sees on hover.

mod answer;
mod certification;
mod data;
mod date;
mod disclosure;
mod document;
mod organization;
mod roster;
mod search;
mod security;
mod subprocessor;
pub mod text;
mod update;

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

pub use answer::{Answer, AnswersFile, ShortAnswer};
pub use certification::{Certification, CertificationsFile, Framework, Period, Status};
pub use data::{DataPractices, Region, Retention};
pub use date::Date;
pub use disclosure::{Acknowledgment, Disclosure, DisclosureMeta, ResponseTimes, SecurityTxt};
pub use document::{
    Access, Document, DocumentKind, DocumentMeta, PreviousVersion, SubprocessorNotice,
};
pub use organization::{
    Address, Authority, Contact, Contacts, Organization, Roles, Subscribe, SubscribeEncoding,
    SubscribeMethod,
};
pub use roster::{Conflict, Entry, Roster, Stay};
pub use search::SearchSettings;
pub use security::{Control, Layer, Measures, Program, SecurityProgram};
pub use subprocessor::{Change, ChangeKind, ChangesFile, Mechanism, Subprocessor, Transfer};
pub use update::{Update, UpdateKind, UpdateMeta};

use crate::site::Section;

/// Everything loaded from one content directory, checked and cross-checked.
#[derive(Clone, Debug)]
pub struct Model {
    /// `organization.toml`.
    pub organization: Organization,
    /// `certifications.toml`, in file order.
    pub certifications: Vec<Certification>,
    /// `security.toml`.
    pub security: SecurityProgram,
    /// `data.toml`.
    pub data: DataPractices,
    /// `subprocessors/*.toml`, sorted by id.
    pub subprocessors: Vec<Subprocessor>,
    /// `subprocessor-changes.toml`, in file order.
    pub changes: Vec<Change>,
    /// `documents/*.md`, sorted by id.
    pub documents: Vec<Document>,
    /// `disclosure.md`.
    pub disclosure: Disclosure,
    /// `search.toml`, or the defaults when there is none.
    pub search: SearchSettings,
    /// `answers/*.toml`, by file name, then in file order.
    pub answers: Vec<Answer>,
    /// `updates/*.md`, newest first.
    pub updates: Vec<Update>,
    /// `pages/<section>.md`: the introduction of each section that has one.
    pub pages: BTreeMap<Section, Page>,
    /// Files under `assets/`, as paths relative to the content directory, with their sizes in
    /// bytes (shown next to downloads).
    pub assets: BTreeMap<String, u64>,
    /// The day the content was checked against ("today" for expiry and notice windows).
    pub today: Date,
    /// The files' texts as read, for tracing a problem in the built site back to its line.
    pub texts: crate::load::ContentTexts,
}

impl Model {
    /// The DPA, if the content has one.
    pub fn dpa(&self) -> Option<&Document> {
        self.documents
            .iter()
            .find(|d| *d.meta.kind.get_ref() == DocumentKind::Dpa)
    }

    /// The DPA's terms for subprocessor changes: notice period and where objections go.
    pub fn subprocessor_notice(&self) -> Option<&SubprocessorNotice> {
        self.dpa()
            .and_then(|d| d.meta.subprocessor_notice.as_ref())
            .map(|n| n.get_ref())
    }
}

/// A section introduction: `pages/<section>.md`, Markdown with optional TOML front matter.
#[derive(Clone, Debug)]
pub struct Page {
    /// Front matter.
    pub meta: PageMeta,
    /// The Markdown after the front matter.
    pub markdown: String,
}

/// The front matter of a page (between `+++` lines at the top).
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PageMeta {
    /// The heading; the navigation label when absent.
    #[serde(default, deserialize_with = "text::optional")]
    #[schemars(pattern(text::NOT_BLANK))]
    pub title: Option<String>,
    /// The summary for search engines and link previews.
    #[serde(default, deserialize_with = "text::optional")]
    #[schemars(pattern(text::NOT_BLANK))]
    pub description: Option<String>,
    /// When the page's own text, or what it describes that has no date of its own (the
    /// security program, the disclosure policy), last changed. The page shows the later of this
    /// and the newest date in its data (a certificate, a change, a review); a page with neither
    /// shows no date rather than the build's.
    #[serde(default)]
    pub updated: Option<Date>,
}
