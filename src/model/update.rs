//! `updates/<date>-<slug>.md`: news.

use schemars::JsonSchema;
use serde::Deserialize;

use super::Date;

/// One update: front matter and Markdown body.
#[derive(Clone, Debug)]
pub struct Update {
    /// The id, from the file name.
    pub id: String,
    /// The front matter.
    pub meta: UpdateMeta,
    /// The body.
    pub markdown: String,
}

impl Update {
    /// Whether the site shows it on `day`: from its date, never before.
    pub fn published_on(&self, day: Date) -> bool {
        self.meta.date <= day
    }
}

/// The front matter of an update.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateMeta {
    /// The title.
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub title: String,
    /// The publication date.
    pub date: Date,
    /// What it is about.
    pub kind: UpdateKind,
}

/// What an update is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum UpdateKind {
    /// A general announcement.
    Announcement,
    /// A certification gained or renewed.
    Certification,
    /// Subprocessors.
    Subprocessor,
    /// A security improvement or advisory.
    Security,
    /// Privacy practices.
    Privacy,
}
