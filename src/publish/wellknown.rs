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
    // The name on one line: a line break in it (TOML allows one) would start a field of its
    // own, e.g. a `Contact:` that sends reports elsewhere.
    let name = model
        .organization
        .name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut lines = vec![format!(
        "# How to report a vulnerability to {name}: {base}/disclosure/"
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
            crate::model::text::joined(&meta.preferred_languages)
        ));
    }
    // Where the file is read: at the host's root, so for a site under a path (`/trust`), where
    // it is to be copied (RFC 9116 readers distrust a file found elsewhere than it says).
    let host = model.organization.origin();
    lines.push(format!("Canonical: {host}{SECURITY_TXT}"));
    lines.push(format!("Canonical: {host}{SECURITY_TXT_LEGACY}"));
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

/// The sitemap's path.
pub const SITEMAP: &str = "/sitemap.xml";
/// The crawler rules' path.
pub const ROBOTS: &str = "/robots.txt";

/// `robots.txt`: everything may be crawled except the data the app fetches; the sitemap is named.
/// Paths are the host's: on a site under a base path (`/trust`) they start with it, ready to be
/// merged into the robots.txt at the host's root.
pub fn robots_txt(model: &Model) -> String {
    let url = model.organization.site_url.get_ref().trim_end_matches('/');
    let base = model.organization.base_path();
    format!(
        "User-agent: *\nAllow: {base}/\nDisallow: {base}/_search/\nDisallow: {base}/_questionnaire/\n\nSitemap: {url}{SITEMAP}\n"
    )
}

/// `sitemap.xml` (sitemaps.org 0.9) of the given site-absolute page paths, written with
/// quick-xml so that every URL is escaped as XML requires.
pub fn sitemap(model: &Model, paths: &[String]) -> String {
    use quick_xml::events::{BytesDecl, BytesText, Event};
    use quick_xml::Writer;

    let base = model.organization.site_url.get_ref().trim_end_matches('/');
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    let written: std::io::Result<()> = (|| {
        writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        writer
            .create_element("urlset")
            .with_attribute(("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"))
            .write_inner_content(|w| {
                for path in paths {
                    w.create_element("url").write_inner_content(|w| {
                        w.create_element("loc")
                            .write_text_content(BytesText::new(&format!("{base}{path}")))?;
                        Ok(())
                    })?;
                }
                Ok(())
            })?;
        Ok(())
    })();
    written.expect("writing to memory cannot fail");
    let mut xml = String::from_utf8(writer.into_inner()).expect("the sitemap is UTF-8");
    xml.push('\n');
    xml
}
