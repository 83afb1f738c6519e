//! `organization.toml`: who runs the trust center.

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

/// `organization.toml`.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    /// The name people know the company by.
    pub name: String,
    /// The legal entity that signs contracts.
    pub legal_name: String,
    /// One line under the name in the header.
    #[serde(default)]
    pub tagline: Option<String>,
    /// Where the trust center is published (`https://…`), for canonical URLs and feeds.
    #[schemars(with = "String")]
    pub site_url: Spanned<String>,
    /// The company's main website (`https://…`).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub website: Option<Spanned<String>>,
    /// Path of the logo under `assets/`, e.g. `assets/logo.svg`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub logo: Option<Spanned<String>>,
    /// The brand colour as `#rrggbb`, used for links and accents.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub brand_color: Option<Spanned<String>>,
    /// Languages the company serves customers in, as BCP 47 tags (`en`, `de`).
    #[serde(default)]
    pub languages: Vec<String>,
    /// The registered address.
    pub address: Address,
    /// How to reach the company.
    pub contacts: Contacts,
    /// The lead supervisory authority under GDPR Art. 56.
    #[serde(default)]
    pub supervisory_authority: Option<Authority>,
    /// The company's roles under data protection law.
    pub roles: Roles,
}

/// A postal address.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Address {
    /// Street and number.
    pub street: String,
    /// Postal code.
    pub postal_code: String,
    /// City.
    pub city: String,
    /// Country as an ISO 3166-1 alpha-2 code (`DE`, `US`).
    #[schemars(with = "String")]
    pub country: Spanned<String>,
}

/// The contacts, by purpose.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contacts {
    /// Where to report a vulnerability or a security concern.
    #[schemars(with = "Contact")]
    pub security: Spanned<Contact>,
    /// The privacy team or data protection officer.
    #[serde(default)]
    #[schemars(with = "Option<Contact>")]
    pub privacy: Option<Spanned<Contact>>,
    /// Customer support.
    #[serde(default)]
    #[schemars(with = "Option<Contact>")]
    pub support: Option<Spanned<Contact>>,
    /// Where requests for documents shared on request go. A `url` (a request form) wins over an
    /// `email`; `{document}` in the URL becomes the document's id. Without it, requests are
    /// prefilled emails to the security contact.
    #[serde(default)]
    #[schemars(with = "Option<Contact>")]
    pub documents: Option<Spanned<Contact>>,
}

/// One way to reach a person or team: at least an email address or a URL.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// A person or team name.
    #[serde(default)]
    pub name: Option<String>,
    /// An email address.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub email: Option<Spanned<String>>,
    /// A web address (a form or a portal), `https://…`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub url: Option<Spanned<String>>,
}

/// A data protection authority.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Authority {
    /// Its name.
    pub name: String,
    /// Its website, `https://…`.
    #[schemars(with = "String")]
    pub url: Spanned<String>,
}

/// Controller and processor statements, in plain words (Markdown).
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Roles {
    /// For which data the company is the controller (its own service and account data).
    pub controller: String,
    /// For which data it is the processor (customer data).
    pub processor: String,
}
