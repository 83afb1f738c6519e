//! `certifications.toml`: certifications and attestations.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::Date;

/// `certifications.toml`: a list of `[[certification]]` tables.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CertificationsFile {
    /// The certifications, in the order the site shows them.
    #[serde(default)]
    pub certification: Vec<Certification>,
}

/// One certification, attestation or self-certification.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Certification {
    /// Stable identifier, used in links and anchors (`soc2-type2`).
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// The framework.
    pub framework: Framework,
    /// The name to show; defaults to the framework's name.
    #[serde(default, deserialize_with = "super::text::optional")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub name: Option<String>,
    /// Where it stands.
    #[schemars(with = "Status")]
    pub status: Spanned<Status>,
    /// The audit firm, certification body or registry.
    #[serde(default, deserialize_with = "super::text::optional")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub auditor: Option<String>,
    /// What the certification covers.
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub scope: String,
    /// First day of validity.
    #[serde(default)]
    #[schemars(with = "Option<Date>")]
    pub valid_from: Option<Spanned<Date>>,
    /// Last day of validity.
    #[serde(default)]
    #[schemars(with = "Option<Date>")]
    pub valid_until: Option<Spanned<Date>>,
    /// The period an attestation report covers (SOC 2 Type II).
    #[serde(default)]
    pub report_period: Option<Period>,
    /// The certificate or registration number.
    #[serde(default, deserialize_with = "super::text::optional")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub certificate_number: Option<String>,
    /// Where anyone can verify it (a registry entry), `https://…`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub verification_url: Option<Spanned<String>>,
    /// For planned and in-progress certifications: when it is expected.
    #[serde(default, deserialize_with = "super::text::optional")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub expected: Option<String>,
    /// Ids of documents (under `documents/`) that belong to it: the certificate, the report.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub documents: Vec<Spanned<String>>,
}

/// A date range.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// First day.
    pub from: Date,
    /// Last day.
    #[schemars(with = "Date")]
    pub to: Spanned<Date>,
}

/// Where a certification stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Current and valid.
    Active,
    /// The audit is under way.
    InProgress,
    /// Intended, not started.
    Planned,
    /// No longer valid.
    Expired,
}

/// The frameworks a trust center commonly shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Framework {
    /// SOC 2 Type I.
    Soc2Type1,
    /// SOC 2 Type II.
    Soc2Type2,
    /// SOC 3.
    Soc3,
    /// ISO/IEC 27001:2022.
    Iso27001,
    /// ISO/IEC 27017.
    Iso27017,
    /// ISO/IEC 27018.
    Iso27018,
    /// ISO/IEC 27701.
    Iso27701,
    /// ISO 9001.
    Iso9001,
    /// PCI DSS 4.0.
    PciDss,
    /// HIPAA.
    Hipaa,
    /// CSA STAR Level 1 (self-assessment).
    CsaStar1,
    /// CSA STAR Level 2 (third-party audit).
    CsaStar2,
    /// EU-US Data Privacy Framework self-certification.
    EuUsDpf,
    /// TISAX.
    Tisax,
    /// BSI C5.
    C5,
    /// Cyber Essentials (Plus).
    CyberEssentials,
    /// Anything else: give `name`.
    Other,
}

impl Framework {
    /// The usual name of the framework.
    pub const fn label(self) -> &'static str {
        match self {
            Framework::Soc2Type1 => "SOC 2 Type I",
            Framework::Soc2Type2 => "SOC 2 Type II",
            Framework::Soc3 => "SOC 3",
            Framework::Iso27001 => "ISO/IEC 27001:2022",
            Framework::Iso27017 => "ISO/IEC 27017",
            Framework::Iso27018 => "ISO/IEC 27018",
            Framework::Iso27701 => "ISO/IEC 27701",
            Framework::Iso9001 => "ISO 9001",
            Framework::PciDss => "PCI DSS 4.0",
            Framework::Hipaa => "HIPAA",
            Framework::CsaStar1 => "CSA STAR Level 1",
            Framework::CsaStar2 => "CSA STAR Level 2",
            Framework::EuUsDpf => "EU-U.S. Data Privacy Framework",
            Framework::Tisax => "TISAX",
            Framework::C5 => "BSI C5",
            Framework::CyberEssentials => "Cyber Essentials",
            Framework::Other => "Other",
        }
    }
}
