//! The content model: one typed value for everything a trust center says.
//!
//! These are the serde shapes of the files under `content/`. They hold what the author wrote,
//! with source spans where a later cross-check may need to point back at a value; turning them into
//! pages is the publisher's job and reading them from disk is the loader's. No I/O here.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::site::Section;

/// Everything loaded from one content directory.
#[derive(Clone, Debug)]
pub struct Model {
    /// `organization.toml`.
    pub organization: Organization,
    /// `pages/<section>.md`: the introduction of each section that has one.
    pub pages: BTreeMap<Section, Page>,
    /// Files under `assets/`, as paths relative to the content directory, copied to the site
    /// unchanged.
    pub assets: Vec<String>,
}

/// `organization.toml`: who runs the trust center.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    /// The name people know the company by.
    pub name: String,
    /// The legal entity that signs contracts.
    pub legal_name: String,
    /// One line under the name in the header.
    #[serde(default)]
    pub tagline: Option<String>,
    /// Where the trust center is published, for canonical URLs and feeds (`https://…`, no path
    /// needed).
    pub site_url: Spanned<String>,
    /// The company's main website.
    #[serde(default)]
    pub website: Option<Spanned<String>>,
    /// Path of the logo relative to the content directory, under `assets/`.
    #[serde(default)]
    pub logo: Option<Spanned<String>>,
    /// The brand colour as `#rrggbb`, used for links and accents.
    #[serde(default)]
    pub brand_color: Option<Spanned<String>>,
    /// The registered address.
    pub address: Address,
    /// How to reach the company.
    pub contacts: Contacts,
}

/// A postal address.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Address {
    /// Street and number.
    pub street: String,
    /// Postal code.
    pub postal_code: String,
    /// City.
    pub city: String,
    /// Country as an ISO 3166-1 alpha-2 code (`DE`, `US`).
    pub country: Spanned<String>,
}

/// The contacts of `organization.toml`, by purpose.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contacts {
    /// Where to report a vulnerability or a security concern. Required.
    pub security: Spanned<Contact>,
    /// The privacy team or data protection officer.
    #[serde(default)]
    pub privacy: Option<Spanned<Contact>>,
    /// Customer support.
    #[serde(default)]
    pub support: Option<Spanned<Contact>>,
}

/// One way to reach a person or team: at least an email address or a URL.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// A person or team name, shown before the address.
    #[serde(default)]
    pub name: Option<String>,
    /// An email address.
    #[serde(default)]
    pub email: Option<Spanned<String>>,
    /// A web address (a form or a portal).
    #[serde(default)]
    pub url: Option<Spanned<String>>,
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
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageMeta {
    /// The heading; the navigation label when absent.
    #[serde(default)]
    pub title: Option<String>,
    /// The summary for search engines and link previews.
    #[serde(default)]
    pub description: Option<String>,
}
