//! `data.toml`: where data lives, how long it is kept, and the rights of the people it concerns.

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

/// `data.toml`.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataPractices {
    /// How one customer's data is kept apart from another's (Markdown).
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub isolation: String,
    /// Days after the end of a contract within which customer data is deleted.
    pub deletion_days: u32,
    /// How deletion on termination works, including backups (Markdown).
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub deletion: String,
    /// Categories of personal data processed for customers.
    #[serde(deserialize_with = "super::text::items")]
    #[schemars(inner(pattern(super::text::NOT_BLANK)))]
    pub personal_data: Vec<String>,
    /// Categories of data subjects.
    #[serde(deserialize_with = "super::text::items")]
    #[schemars(inner(pattern(super::text::NOT_BLANK)))]
    pub data_subjects: Vec<String>,
    /// How data subjects exercise their rights (Markdown).
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub rights: String,
    /// Cookies and analytics on the company's sites and product (Markdown).
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub cookies: String,
    /// Hosting regions customers can choose.
    #[serde(default)]
    pub region: Vec<Region>,
    /// How long each kind of data is kept.
    #[serde(default)]
    pub retention: Vec<Retention>,
}

/// A hosting region.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// Stable identifier (`eu`), referenced by subprocessors.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Its name (`European Union`).
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub name: String,
    /// Country of the primary data centres, ISO 3166-1 alpha-2.
    #[schemars(with = "String")]
    pub country: Spanned<String>,
    /// Id of the subprocessor providing the infrastructure.
    #[schemars(with = "String")]
    pub provider: Spanned<String>,
    /// Data-centre locations (`Frankfurt`).
    #[serde(deserialize_with = "super::text::items")]
    #[schemars(inner(pattern(super::text::NOT_BLANK)))]
    pub locations: Vec<String>,
    /// Where backups are kept.
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub backup_location: String,
}

/// One row of the retention table.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Retention {
    /// The kind of data.
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub data: String,
    /// How long it is kept.
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub period: String,
    /// Why.
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub reason: String,
}
