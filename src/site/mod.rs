//! What the browser app renders, and where: the routes of a trust center and the data each one
//! needs.
//!
//! The native generator builds these from the content [`Model`](crate::model::Model) and renders
//! each route to HTML with them. The islands of a page receive the parts they need as props,
//! serialised beside them in the HTML, so hydration sees exactly the data the pre-render saw.
//! Markdown arrives here already rendered to sanitised HTML: the browser never parses Markdown.

mod pages;

use serde::{Deserialize, Serialize};

pub use pages::*;

/// `n` and `unit` in words: "1 day", "18 days". One helper, so that the pre-render, the app and
/// the build's own texts count alike.
pub fn plural(n: i64, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

/// Days before expiry from which a certificate's badge counts them ("Expires in 60 days") and
/// warns; before that it reads "Active".
pub const EXPIRY_NOTICE_DAYS: i64 = 60;

/// A count of days from the day a page is read to a date: how long an objection window stays
/// open, or a certificate valid. The build counts from its own day and writes that count into the
/// page; the app recounts from the visitor's day, so a page built a week ago does not promise a
/// week that has passed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DaysTo {
    /// What is counted to, which decides the words.
    pub kind: Countdown,
    /// The date, ISO 8601 (`2026-12-09`).
    pub date: String,
    /// Days from the build's day to `date` (negative once past).
    pub days: i64,
}

/// What a [`DaysTo`] counts to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Countdown {
    /// The last day to object to a change: open through that day.
    ObjectionDeadline,
    /// The last day a certificate is valid.
    Expiry,
}

impl DaysTo {
    /// The count in words, `days` from the day of reading.
    pub fn words(kind: Countdown, days: i64) -> String {
        match kind {
            Countdown::ObjectionDeadline if days >= 0 => {
                format!("{} left", plural(days + 1, "day"))
            }
            Countdown::ObjectionDeadline => "closed".to_owned(),
            Countdown::Expiry if days > EXPIRY_NOTICE_DAYS => "Active".to_owned(),
            Countdown::Expiry if days > 0 => format!("Expires in {}", plural(days, "day")),
            Countdown::Expiry if days == 0 => "Expires today".to_owned(),
            Countdown::Expiry => "Expired".to_owned(),
        }
    }

    /// The count in words as the build made it.
    pub fn text(&self) -> String {
        Self::words(self.kind, self.days)
    }
}

/// The path part of a site's address, without the trailing slash: empty for a site at its host's
/// root (`https://trust.example.com/`), `/trust` for `https://example.com/trust/`. A query or
/// fragment is not part of it.
pub fn base_path(site_url: &str) -> &str {
    let rest = site_url
        .split_once("://")
        .map_or(site_url, |(_, rest)| rest);
    let rest = &rest[..rest.find(['?', '#']).unwrap_or(rest.len())];
    rest.find('/')
        .map_or("", |i| &rest[i..])
        .trim_end_matches('/')
}

/// The scheme and host of a site's address (`https://example.com` for
/// `https://example.com/trust/`).
pub fn origin(site_url: &str) -> &str {
    let scheme = site_url.find("://").map_or(0, |i| i + 3);
    let host_end = site_url[scheme..]
        .find(['/', '?', '#'])
        .map_or(site_url.len(), |i| scheme + i);
    &site_url[..host_end]
}

/// The public facts as one JSON document (certifications, controls, subprocessors, documents,
/// answers), for tools; its schema is beside it.
pub const TRUST_JSON_PATH: &str = "/trust.json";
/// The JSON Schema of [`TRUST_JSON_PATH`].
pub const TRUST_SCHEMA_PATH: &str = "/trust.schema.json";
/// The calendar of subprocessor changes: each one's effective day and last day to object.
pub const CHANGES_CALENDAR: &str = "/subprocessors/changes.ics";
/// The calendar of certificate expiries.
pub const EXPIRIES_CALENDAR: &str = "/certifications/expiries.ics";

/// A top-level section of the trust center: one route, one navigation entry, one data file.
///
/// The order of [`Section::ALL`] is the order of the navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Section {
    /// The landing page: who the company is and its commitments at a glance.
    Overview,
    /// Certifications and attestations.
    Certifications,
    /// The security program: layers, controls, measures.
    Security,
    /// Subprocessors and their changes.
    Subprocessors,
    /// Data residency, retention, roles and rights.
    DataPrivacy,
    /// The DPA, policies and reports.
    Documents,
    /// The vulnerability disclosure program.
    Disclosure,
    /// Answers to frequent questions.
    Faq,
    /// News and announcements.
    Updates,
}

impl Section {
    /// Every section, in navigation order.
    pub const ALL: [Section; 9] = [
        Section::Overview,
        Section::Certifications,
        Section::Security,
        Section::Subprocessors,
        Section::DataPrivacy,
        Section::Documents,
        Section::Disclosure,
        Section::Faq,
        Section::Updates,
    ];

    /// The URL segment: empty for the overview, which lives at the root.
    ///
    /// It doubles as the content file stem (`content/pages/<slug>.md`, `overview.md` for the
    /// root).
    pub const fn slug(self) -> &'static str {
        match self {
            Section::Overview => "",
            Section::Certifications => "certifications",
            Section::Security => "security",
            Section::Subprocessors => "subprocessors",
            Section::DataPrivacy => "data-privacy",
            Section::Documents => "documents",
            Section::Disclosure => "disclosure",
            Section::Faq => "faq",
            Section::Updates => "updates",
        }
    }

    /// A stem that is never empty, for file names.
    pub const fn file_stem(self) -> &'static str {
        match self {
            Section::Overview => "overview",
            other => other.slug(),
        }
    }

    /// The canonical path, with the trailing slash a static host serves a directory at.
    pub fn path(self) -> String {
        match self {
            Section::Overview => "/".to_owned(),
            other => format!("/{}/", other.slug()),
        }
    }

    /// The short label in the navigation.
    pub const fn nav_label(self) -> &'static str {
        match self {
            Section::Overview => "Overview",
            Section::Certifications => "Certifications",
            Section::Security => "Security",
            Section::Subprocessors => "Subprocessors",
            Section::DataPrivacy => "Data & Privacy",
            Section::Documents => "Documents",
            Section::Disclosure => "Disclosure",
            Section::Faq => "FAQ",
            Section::Updates => "Updates",
        }
    }

    /// One line on what the section holds: the page description when the content gives none.
    pub const fn summary(self) -> &'static str {
        match self {
            Section::Overview => "How we protect your data, at a glance",
            Section::Certifications => "Certifications, attestations and audit reports",
            Section::Security => {
                "Our security program: layers, controls and organisational measures"
            }
            Section::Subprocessors => {
                "The subprocessors we use, where they process data, and their changes"
            }
            Section::DataPrivacy => "Where data is stored, how long it is kept, and your rights",
            Section::Documents => "The DPA, policies and reports to download or request",
            Section::Disclosure => "How to report a vulnerability to us",
            Section::Faq => "Answers to the questions security reviews ask",
            Section::Updates => "News about our security and privacy program",
        }
    }

    /// The section a browser path belongs to, accepting it with or without the trailing slash
    /// and with an explicit `index.html`, as static hosts serve it.
    pub fn from_path(path: &str) -> Option<Section> {
        let trimmed = path
            .strip_suffix("index.html")
            .unwrap_or(path)
            .trim_matches('/');
        Section::ALL.into_iter().find(|s| s.slug() == trimmed)
    }

    /// The section whose content file stem is `stem`.
    pub fn from_file_stem(stem: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.file_stem() == stem)
    }
}

/// What every page shows around its content: the header and footer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SiteData {
    /// The organization's display name.
    pub name: String,
    /// A short line under the name.
    pub tagline: String,
    /// The logo, if the content has one.
    pub logo: Option<Logo>,
    /// Contacts listed in the footer, in content order.
    pub contacts: Vec<ContactLink>,
    /// The legal entity and its postal address, one line.
    pub legal_line: String,
    /// The site's address (`https://trust.example.com`, `https://example.com/trust`), without
    /// the trailing slash.
    pub url: String,
}

impl SiteData {
    /// The address a page links to the site path `path` (`/faq/`) by: under the site's base path.
    pub fn href(&self, path: &str) -> String {
        format!("{}{path}", self.base())
    }

    /// The path the site is published under (`/trust`; empty at the host's root).
    pub fn base(&self) -> &str {
        base_path(&self.url)
    }

    /// The `webcal:` address of the calendar at the site path `path`: a calendar app opening it
    /// subscribes to the calendar (and keeps it up to date) rather than importing it once, as
    /// it does from an `https:` link.
    pub fn subscription(&self, path: &str) -> String {
        let host_and_path = self
            .url
            .split_once("://")
            .map_or(&*self.url, |(_, rest)| rest);
        format!("webcal://{host_and_path}{path}")
    }

    /// The document title of a page: the heading first, then the site, so tabs stay tellable
    /// apart. `None` gives the site's own title, for the overview.
    pub fn title_for(&self, heading: Option<&str>) -> String {
        match heading {
            Some(heading) => format!("{heading} · {} Trust Center", self.name),
            None => format!("{} Trust Center", self.name),
        }
    }
}

/// An image shown in the header.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Logo {
    /// Site-absolute URL of the image.
    pub src: String,
    /// Alternative text.
    pub alt: String,
}

/// A contact channel shown in the footer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContactLink {
    /// What the contact is for ("Security", "Privacy / DPO").
    pub label: String,
    /// What the visitor sees (an address or a URL).
    pub text: String,
    /// Where the link goes (`mailto:` or `https:`).
    pub href: String,
}

/// The data one page renders.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PageData {
    /// The page's canonical path (`/documents/dpa/`).
    pub path: String,
    /// The section it belongs to (marked in the navigation).
    pub section: Section,
    /// The page heading.
    pub heading: String,
    /// The full document title, as in `<title>`; the app sets it on client-side navigation.
    pub title: String,
    /// The introduction, rendered and sanitised HTML.
    pub intro_html: String,
    /// When what the page shows last changed, ISO 8601; none when nothing on it says (the
    /// build's day would claim a change that did not happen).
    pub updated: Option<String>,
    /// The section-specific content.
    pub body: PageBody,
}

#[cfg(test)]
mod tests {
    use super::{base_path, origin, Countdown, DaysTo};

    #[test]
    fn an_objection_window_counts_its_last_day_and_then_closes() {
        let words = |days| DaysTo::words(Countdown::ObjectionDeadline, days);
        assert_eq!(words(17), "18 days left");
        assert_eq!(words(1), "2 days left");
        assert_eq!(words(0), "1 day left");
        assert_eq!(words(-1), "closed");
    }

    #[test]
    fn a_certificate_expires_in_days_then_today_then_is_expired() {
        let words = |days| DaysTo::words(Countdown::Expiry, days);
        assert_eq!(words(30), "Expires in 30 days");
        assert_eq!(words(1), "Expires in 1 day");
        assert_eq!(words(0), "Expires today");
        assert_eq!(words(-3), "Expired");
    }

    #[test]
    fn base_path_is_the_address_path_without_its_trailing_slash() {
        assert_eq!(base_path("https://trust.example.com"), "");
        assert_eq!(base_path("https://trust.example.com/"), "");
        assert_eq!(base_path("https://example.com/trust"), "/trust");
        assert_eq!(base_path("https://example.com/trust/"), "/trust");
        assert_eq!(base_path("https://example.com/a/b/?x=1#y"), "/a/b");
        assert_eq!(base_path("https://example.com#x/y"), "");
    }

    #[test]
    fn origin_is_the_scheme_and_host() {
        assert_eq!(
            origin("https://trust.example.com"),
            "https://trust.example.com"
        );
        assert_eq!(origin("https://example.com/trust/"), "https://example.com");
        assert_eq!(
            origin("https://example.com:8443/a?b"),
            "https://example.com:8443"
        );
    }
}
