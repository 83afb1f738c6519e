//! `disclosure.md`: the vulnerability disclosure program.

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use super::Date;

/// The program: front matter plus the policy text (rules, safe harbour) as Markdown.
#[derive(Clone, Debug)]
pub struct Disclosure {
    /// The front matter.
    pub meta: DisclosureMeta,
    /// The policy text.
    pub markdown: String,
}

/// The front matter of `disclosure.md`.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DisclosureMeta {
    /// What researchers may test.
    pub in_scope: Vec<String>,
    /// What they must not test or report.
    pub out_of_scope: Vec<String>,
    /// Where reports go: `mailto:` or `https:` URLs, most preferred first.
    #[schemars(with = "Vec<String>")]
    pub contact: Vec<Spanned<String>>,
    /// The OpenPGP key for encrypted reports: a file under `assets/`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub encryption_key: Option<Spanned<String>>,
    /// Languages reports may be written in, BCP 47.
    pub preferred_languages: Vec<String>,
    /// Response times we commit to.
    pub response: ResponseTimes,
    /// Rewards, if any (Markdown).
    #[serde(default)]
    pub rewards: Option<String>,
    /// Researchers thanked for valid reports.
    #[serde(default)]
    pub hall_of_fame: Vec<Acknowledgment>,
    /// Where we publish job offers for security people, `https://…`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub hiring: Option<Spanned<String>>,
    /// A CSAF provider metadata URL, `https://…`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub csaf: Option<Spanned<String>>,
    /// How `security.txt` expires.
    pub security_txt: SecurityTxt,
}

/// Response times, in days.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResponseTimes {
    /// Days until a report is acknowledged.
    pub acknowledge_days: u32,
    /// Days until it is triaged and the reporter told.
    pub triage_days: u32,
    /// Days within which a valid report is fixed.
    pub resolve_days: u32,
}

/// A researcher in the hall of fame.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Acknowledgment {
    /// Name or handle.
    pub name: String,
    /// When the report was made.
    pub date: Date,
    /// Their page, `https://…`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub url: Option<Spanned<String>>,
}

/// The validity of `security.txt`'s `Expires` field (RFC 9116 §2.5.5).
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SecurityTxt {
    /// Expires this many days after each build (at most 365).
    #[schemars(with = "u32")]
    pub expires_after_days: Spanned<u32>,
}
