//! `subprocessors/<id>.toml` and `subprocessor-changes.toml`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::Date;

/// `subprocessors/<id>.toml`: one subprocessor; the file name is its id.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Subprocessor {
    /// The id, from the file name (not written in the file).
    #[serde(skip)]
    pub id: String,
    /// The name people know it by.
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub name: String,
    /// The contracting legal entity.
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub legal_entity: String,
    /// Its registered address, one line.
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub address: String,
    /// Its website, `https://…`.
    #[schemars(with = "String")]
    pub website: Spanned<String>,
    /// A contact for data protection matters (email or URL).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub contact: Option<Spanned<String>>,
    /// What it does for us.
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub purpose: String,
    /// What processing it performs, in the words of the SCC's Annex III (Markdown).
    #[serde(default, deserialize_with = "super::text::optional")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub processing: Option<String>,
    /// Categories of personal data it processes.
    #[serde(deserialize_with = "super::text::items")]
    #[schemars(inner(pattern(super::text::NOT_BLANK)))]
    pub data_categories: Vec<String>,
    /// Countries where it processes data, ISO 3166-1 alpha-2.
    #[schemars(with = "Vec<String>")]
    pub locations: Vec<Spanned<String>>,
    /// How transfers outside the EEA are safeguarded; required when any location is outside.
    #[serde(default)]
    #[schemars(with = "Option<Transfer>")]
    pub transfer: Option<Spanned<Transfer>>,
    /// Its data processing agreement, `https://…`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub dpa_url: Option<Spanned<String>>,
    /// Ids of the hosting regions (in `data.toml`) that use it; empty for all.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub regions: Vec<Spanned<String>>,
    /// The date it started processing, for subprocessors that predate the change log. Leave it
    /// out when a change in `subprocessor-changes.toml` adds this subprocessor: the change's
    /// effective date is then its start. One that predates the log, left and came back keeps
    /// it: a later `add` change starts its second stay.
    #[serde(default)]
    #[schemars(with = "Option<Date>")]
    pub since: Option<Spanned<Date>>,
}

/// How a transfer to a third country is safeguarded.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Transfer {
    /// The mechanism.
    pub mechanism: Mechanism,
    /// For SCCs, the module (1–4).
    #[serde(default)]
    #[schemars(with = "Option<u8>", range(min = 1, max = 4))]
    pub module: Option<Spanned<u8>>,
    /// Anything a reviewer should know (supplementary measures …).
    #[serde(default, deserialize_with = "super::text::optional")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub details: Option<String>,
}

/// Transfer mechanisms under GDPR Chapter V.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Mechanism {
    /// No transfer: processing stays in the EEA.
    EeaOnly,
    /// An adequacy decision (Art. 45), e.g. for the UK or Switzerland.
    Adequacy,
    /// The EU-US Data Privacy Framework (an adequacy decision for certified US companies).
    Dpf,
    /// Standard Contractual Clauses (Art. 46(2)(c)).
    Scc,
    /// Binding Corporate Rules (Art. 47).
    Bcr,
    /// Something else: explain in `details`.
    Other,
}

impl Mechanism {
    /// How the site names it.
    pub const fn label(self) -> &'static str {
        match self {
            Mechanism::EeaOnly => "EEA only",
            Mechanism::Adequacy => "Adequacy decision",
            Mechanism::Dpf => "EU-U.S. Data Privacy Framework",
            Mechanism::Scc => "Standard Contractual Clauses",
            Mechanism::Bcr => "Binding Corporate Rules",
            Mechanism::Other => "Other safeguard",
        }
    }
}

/// `subprocessor-changes.toml`: the change log, a list of `[[change]]` tables.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangesFile {
    /// The changes, in any order (the site sorts them by date).
    #[serde(default)]
    pub change: Vec<Change>,
}

/// One announced change to the subprocessors.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// Stable identifier, used in links, feeds and objections (`2026-03-new-email-provider`).
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// When customers were told.
    #[schemars(with = "Date")]
    pub announced: Spanned<Date>,
    /// When the change takes effect.
    #[schemars(with = "Date")]
    pub effective: Spanned<Date>,
    /// What kind of change.
    #[schemars(with = "ChangeKind")]
    pub kind: Spanned<ChangeKind>,
    /// Ids of the subprocessors concerned (for `replace`: the new one).
    #[schemars(with = "Vec<String>")]
    pub subprocessors: Vec<Spanned<String>>,
    /// For `replace`: the id of the subprocessor being replaced.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub replaces: Option<Spanned<String>>,
    /// What changes, in one sentence.
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub summary: String,
    /// Why (Markdown).
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub reason: String,
}

impl Change {
    /// The last day customers may object: the day before the change takes effect.
    pub fn objection_deadline(&self) -> Date {
        self.effective.get_ref().plus_days(-1)
    }

    /// Whether the site shows it on `day`: from the day it is announced, never before.
    pub fn published_on(&self, day: Date) -> bool {
        *self.announced.get_ref() <= day
    }

    /// Whether customers may still object on `day`.
    pub fn open_on(&self, day: Date) -> bool {
        *self.announced.get_ref() <= day && day <= self.objection_deadline()
    }
}

/// Kinds of subprocessor change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    /// A new subprocessor.
    Add,
    /// A new subprocessor takes over from another.
    Replace,
    /// A subprocessor stops processing.
    Remove,
    /// A subprocessor processes in other locations.
    Location,
    /// A subprocessor processes for another purpose.
    Purpose,
    /// A subprocessor processes other categories of data.
    DataCategories,
}
