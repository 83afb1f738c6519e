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
    #[serde(deserialize_with = "super::text::items")]
    #[schemars(inner(pattern(super::text::NOT_BLANK)))]
    pub in_scope: Vec<String>,
    /// What they must not test or report.
    #[serde(deserialize_with = "super::text::items")]
    #[schemars(inner(pattern(super::text::NOT_BLANK)))]
    pub out_of_scope: Vec<String>,
    /// Where reports go: `mailto:` or `https:` URLs, most preferred first.
    #[schemars(with = "Vec<String>")]
    pub contact: Vec<Spanned<String>>,
    /// The OpenPGP key for encrypted reports: a file under `assets/`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub encryption_key: Option<Spanned<String>>,
    /// Languages reports may be written in, BCP 47.
    #[schemars(with = "Vec<String>")]
    pub preferred_languages: Vec<Spanned<String>>,
    /// Response times we commit to.
    pub response: ResponseTimes,
    /// Rewards, if any (Markdown).
    #[serde(default, deserialize_with = "super::text::optional")]
    #[schemars(pattern(super::text::NOT_BLANK))]
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
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub name: String,
    /// When the report was made.
    pub date: Date,
    /// Their page, `https://…`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub url: Option<Spanned<String>>,
}

/// The validity of `security.txt`'s `Expires` field (RFC 9116 §2.5.5): either a number of days
/// after each build, or a fixed date. Exactly one of the two.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SecurityTxt {
    /// Expires this many days after each build (at most 365).
    #[serde(default)]
    #[schemars(with = "Option<u32>")]
    pub expires_after_days: Option<Spanned<u32>>,
    /// Expires on this day (at midnight UTC), whenever the site is built.
    #[serde(default)]
    #[schemars(with = "Option<Date>")]
    pub expires: Option<Spanned<Date>>,
}

impl SecurityTxt {
    /// The day `security.txt` expires, for a build on `today`.
    pub fn expiry(&self, today: Date) -> Date {
        match (&self.expires, &self.expires_after_days) {
            (Some(day), _) => *day.get_ref(),
            (None, Some(days)) => today.plus_days(i64::from(*days.get_ref())),
            // Refused by the checks; the shortest sensible validity otherwise.
            (None, None) => today.plus_days(1),
        }
    }
}
