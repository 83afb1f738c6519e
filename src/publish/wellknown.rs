//! `security.txt` (RFC 9116), from the disclosure program: how researchers reach the security
//! team, until when to trust that, and where the policy is.
//!
//! Written at `/.well-known/security.txt` and at `/security.txt`. `Expires` is the build day plus
//! the configured validity, or the configured fixed day; the content checks refuse a validity
//! over a year and a fixed day that has passed, and warn 30 days ahead.

use crate::model::Model;

/// Where RFC 9116 puts the file.
pub const SECURITY_TXT: &str = "/.well-known/security.txt";
/// The legacy location some scanners still read.
pub const SECURITY_TXT_LEGACY: &str = "/security.txt";
/// The disclosure page's hall of fame anchor.
const HALL_OF_FAME: &str = "/disclosure/#hall-of-fame";

/// The file's text.
pub fn security_txt(model: &Model) -> String {
    let base = model.organization.site_url.get_ref().trim_end_matches('/');
    let meta = &model.disclosure.meta;
    let mut lines = vec![format!(
        "# How to report a vulnerability to {}: {base}/disclosure/",
        model.organization.name
    )];
    lines.extend(
        meta.contact
            .iter()
            .map(|c| format!("Contact: {}", c.get_ref())),
    );
    let expires = meta.security_txt.expiry(model.today);
    lines.push(format!("Expires: {expires}T00:00:00Z"));
    if let Some(key) = &meta.encryption_key {
        lines.push(format!(
            "Encryption: {base}/{}",
            key.get_ref().trim_start_matches('/')
        ));
    }
    if !meta.hall_of_fame.is_empty() {
        lines.push(format!("Acknowledgments: {base}{HALL_OF_FAME}"));
    }
    if !meta.preferred_languages.is_empty() {
        lines.push(format!(
            "Preferred-Languages: {}",
            meta.preferred_languages.join(", ")
        ));
    }
    lines.push(format!("Canonical: {base}{SECURITY_TXT}"));
    lines.push(format!("Canonical: {base}{SECURITY_TXT_LEGACY}"));
    lines.push(format!("Policy: {base}/disclosure/"));
    if let Some(hiring) = &meta.hiring {
        lines.push(format!("Hiring: {}", hiring.get_ref()));
    }
    if let Some(csaf) = &meta.csaf {
        lines.push(format!("CSAF: {}", csaf.get_ref()));
    }
    let mut text = lines.join("\n");
    text.push('\n');
    text
}
