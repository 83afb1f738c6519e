//! `organization.toml`: who runs the trust center.

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

/// `organization.toml`.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    /// The name people know the company by.
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub name: String,
    /// The legal entity that signs contracts.
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub legal_name: String,
    /// One line under the name in the header.
    #[serde(default, deserialize_with = "super::text::optional")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub tagline: Option<String>,
    /// Where the trust center is published (`https://…`), for canonical URLs and feeds; with a
    /// path (`https://example.com/trust/`), the site is built to be served under it.
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
    #[schemars(with = "Vec<String>")]
    pub languages: Vec<Spanned<String>>,
    /// The registered address.
    pub address: Address,
    /// How to reach the company.
    pub contacts: Contacts,
    /// The lead supervisory authority under GDPR Art. 56.
    #[serde(default)]
    pub supervisory_authority: Option<Authority>,
    /// The company's roles under data protection law.
    pub roles: Roles,
    /// Where the subscribe form sends sign-ups for change notices: the newsletter or form service
    /// already in use, or a webhook. Without it, visitors get the feeds and an email link.
    #[serde(default)]
    pub subscribe: Option<Subscribe>,
}

impl Organization {
    /// The path the site is published under, as its links write it: empty for a site at its
    /// host's root (`https://trust.example.com/`), `/trust` for `https://example.com/trust/`.
    /// Every page, feed and export takes its addresses from here, so the built site works
    /// under that path and nowhere else.
    pub fn base_path(&self) -> &str {
        crate::site::base_path(self.site_url.get_ref())
    }

    /// The scheme and host of the site's address (`https://example.com`): where files that take
    /// effect only at a host's root (security.txt) are read.
    pub fn origin(&self) -> &str {
        crate::site::origin(self.site_url.get_ref())
    }

    /// The address of the site path `path` (`/faq/`) as a page links to it: under
    /// [`Organization::base_path`].
    pub fn href(&self, path: &str) -> String {
        format!("{}{path}", self.base_path())
    }
}

/// The endpoint behind the subscribe form.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Subscribe {
    /// The address the form sends to, `https://…` (it must allow requests from the trust
    /// center's origin: CORS).
    #[schemars(with = "String")]
    pub url: Spanned<String>,
    /// `POST` (default) or `PUT`.
    #[serde(default)]
    pub method: SubscribeMethod,
    /// How the fields are sent: `json` (default) or `form` (`application/x-www-form-urlencoded`).
    #[serde(default)]
    pub encoding: SubscribeEncoding,
    /// The name of the email field (default `email`).
    #[serde(default = "default_email_field")]
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub email_field: String,
    /// The name of the optional company field (default `company`).
    #[serde(default = "default_company_field")]
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub company_field: String,
    /// Fixed fields sent with every sign-up, e.g. a list id: `extra = { list = "subprocessors" }`.
    #[serde(default)]
    pub extra: std::collections::BTreeMap<String, String>,
    /// Seconds to wait for the service before telling the visitor to try again (default 10).
    #[serde(default = "default_timeout")]
    pub timeout_seconds: u32,
}

fn default_email_field() -> String {
    "email".into()
}

fn default_company_field() -> String {
    "company".into()
}

fn default_timeout() -> u32 {
    10
}

/// HTTP methods the subscribe form may use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "UPPERCASE")]
pub enum SubscribeMethod {
    /// `POST`.
    #[default]
    Post,
    /// `PUT`.
    Put,
}

/// How the subscribe form encodes its fields.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SubscribeEncoding {
    /// A JSON object.
    #[default]
    Json,
    /// `application/x-www-form-urlencoded`.
    Form,
}

/// A postal address.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Address {
    /// Street and number.
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub street: String,
    /// Postal code.
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub postal_code: String,
    /// City.
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
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
    #[serde(default, deserialize_with = "super::text::optional")]
    #[schemars(pattern(super::text::NOT_BLANK))]
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
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
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
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub controller: String,
    /// For which data it is the processor (customer data).
    #[serde(deserialize_with = "super::text::required")]
    #[schemars(pattern(super::text::NOT_BLANK))]
    pub processor: String,
}
