//! `security.toml`: the security program.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use toml::Spanned;

/// `security.toml`.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SecurityProgram {
    /// Layers of protection, each with its controls, in the order the site shows them.
    #[serde(default)]
    pub layer: Vec<Layer>,
    /// Technical and organisational measures, grouped the way DPAs list them.
    pub measures: Measures,
    /// How the program is run.
    pub program: Program,
}

/// A layer of protection (transport encryption, web application firewall …).
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Layer {
    /// Stable identifier (`network`).
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// The layer's name.
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub title: String,
    /// What the layer protects against (Markdown).
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub description: String,
    /// The controls of this layer.
    #[serde(default)]
    pub control: Vec<Control>,
}

/// One control.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Control {
    /// Stable identifier, unique across all layers (`tls-everywhere`).
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// The control's name.
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub title: String,
    /// What is done and how (Markdown).
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub description: String,
    /// Framework requirements the control meets, by framework: `iso27001 = ["A.8.24"]`,
    /// `soc2 = ["CC6.1"]`, `ccm = ["CEK-03"]`.
    #[serde(default)]
    pub mappings: BTreeMap<String, Vec<String>>,
}

/// Technical and organisational measures (GDPR Art. 32), each group a list of statements.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Measures {
    /// Physical access control to premises and data centres.
    #[serde(deserialize_with = "super::text::items")]
    #[schemars(inner(pattern(super::text::NOT_BLANK)))]
    pub physical_access: Vec<String>,
    /// Access control to systems.
    #[serde(deserialize_with = "super::text::items")]
    #[schemars(inner(pattern(super::text::NOT_BLANK)))]
    pub system_access: Vec<String>,
    /// Access control to data.
    #[serde(deserialize_with = "super::text::items")]
    #[schemars(inner(pattern(super::text::NOT_BLANK)))]
    pub data_access: Vec<String>,
    /// Protection of data in transmission.
    #[serde(deserialize_with = "super::text::items")]
    #[schemars(inner(pattern(super::text::NOT_BLANK)))]
    pub transmission: Vec<String>,
    /// Input control: who entered or changed what, when.
    #[serde(deserialize_with = "super::text::items")]
    #[schemars(inner(pattern(super::text::NOT_BLANK)))]
    pub input: Vec<String>,
    /// Availability and backups.
    #[serde(deserialize_with = "super::text::items")]
    #[schemars(inner(pattern(super::text::NOT_BLANK)))]
    pub availability: Vec<String>,
    /// Separation of data processed for different purposes and customers.
    #[serde(deserialize_with = "super::text::items")]
    #[schemars(inner(pattern(super::text::NOT_BLANK)))]
    pub separation: Vec<String>,
}

/// How the security program is run (each Markdown).
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Program {
    /// Change management.
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub change_management: String,
    /// Incident response.
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub incident_response: String,
    /// Hours within which affected customers are told of a personal data breach.
    pub breach_notification_hours: u32,
    /// Staff security and privacy training.
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub training: String,
    /// How suppliers are vetted and reviewed.
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub supplier_management: String,
    /// Privacy impact assessments.
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub privacy_impact_assessments: String,
    /// How often the program is audited, internally and externally.
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub audit_cadence: String,
}
