//! Reads a content directory into one [`Model`], or reports every problem in it at once.
//!
//! Each content file is read and parsed here and nowhere else. Parsing is strict (unknown keys are
//! errors, so a typo never silently drops a fact), and values are checked after parsing so that
//! one run reports all the mistakes in all the files.

mod diagnostic;

use std::collections::BTreeMap;
use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use toml::Spanned;

pub use diagnostic::{line_col, Diagnostic, Diagnostics, Severity};

use crate::model::{Contact, Model, Organization, Page, PageMeta};
use crate::site::Section;

/// The files and folders a content directory may hold at its top level.
const KNOWN_ENTRIES: &[&str] = &["organization.toml", "pages", "assets"];

/// Loads and validates the content directory `dir`.
///
/// On success the warnings (if any) come with the model; on failure every diagnostic found, errors
/// and warnings, sorted by file and position.
pub fn load(dir: &Path) -> Result<(Model, Diagnostics), Diagnostics> {
    let mut cx = Context {
        root: dir.to_path_buf(),
        diagnostics: Diagnostics::default(),
    };

    if !dir.is_dir() {
        cx.diagnostics.0.push(
            Diagnostic::file_error(dir, "content directory not found")
                .hint("pass the directory that holds organization.toml, or create one with `trustctl new DIR`"),
        );
        return Err(cx.diagnostics);
    }

    cx.check_top_level();
    let organization = cx.parse_toml::<Organization>("organization.toml");
    let assets = cx.list_assets();
    if let Some(org) = &organization {
        cx.check_organization(org, &assets);
    }
    let pages = cx.load_pages();

    cx.diagnostics.sort();
    match organization {
        Some(organization) if !cx.diagnostics.has_errors() => Ok((
            Model {
                organization,
                pages,
                assets,
            },
            cx.diagnostics,
        )),
        _ => Err(cx.diagnostics),
    }
}

struct Context {
    root: PathBuf,
    diagnostics: Diagnostics,
}

impl Context {
    fn read(&mut self, rel: &str) -> Option<String> {
        match fs::read_to_string(self.root.join(rel)) {
            Ok(text) => Some(text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                self.diagnostics.0.push(
                    Diagnostic::file_error(rel, "required file is missing").hint(
                        "`trustctl new DIR` writes a starter directory with every required file",
                    ),
                );
                None
            }
            Err(e) => {
                self.diagnostics
                    .0
                    .push(Diagnostic::file_error(rel, format!("cannot read: {e}")));
                None
            }
        }
    }

    fn parse_toml<T: DeserializeOwned>(&mut self, rel: &str) -> Option<T> {
        let text = self.read(rel)?;
        self.parse_toml_text(rel, &text, 0)
    }

    /// Parses TOML that starts at byte `offset` of the file `rel` (non-zero for front matter).
    fn parse_toml_text<T: DeserializeOwned>(
        &mut self,
        rel: &str,
        text: &str,
        offset: usize,
    ) -> Option<T> {
        match toml::from_str::<T>(text) {
            Ok(value) => Some(value),
            Err(e) => {
                let span = e.span().unwrap_or(0..0);
                let file_text = self.file_text(rel);
                let message = e.message().trim_end().to_owned();
                let mut d = Diagnostic::at(
                    rel,
                    &file_text,
                    span.start + offset..span.end + offset,
                    message.clone(),
                );
                if message.starts_with("unknown field") {
                    d = d
                        .hint("check the spelling; the README's content reference lists every key");
                } else if message.starts_with("missing field") {
                    d = d.hint("add the key; the README's content reference says what it holds");
                }
                self.diagnostics.0.push(d);
                None
            }
        }
    }

    /// The text of a file for locating a span (already read once; files are small).
    fn file_text(&self, rel: &str) -> String {
        fs::read_to_string(self.root.join(rel)).unwrap_or_default()
    }

    fn error_at(&mut self, rel: &str, span: Range<usize>, message: impl Into<String>, hint: &str) {
        let text = self.file_text(rel);
        self.diagnostics
            .0
            .push(Diagnostic::at(rel, &text, span, message).hint(hint));
    }

    fn check_top_level(&mut self) {
        let Ok(entries) = fs::read_dir(&self.root) else {
            return;
        };
        let mut names: Vec<String> = entries
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        for name in names {
            if name.starts_with('.') || KNOWN_ENTRIES.contains(&name.as_str()) {
                continue;
            }
            self.diagnostics.0.push(
                Diagnostic::file_error(
                    &name,
                    "not a content file this version knows; it is ignored",
                )
                .hint(format!("the top level holds: {}", KNOWN_ENTRIES.join(", ")))
                .warning(),
            );
        }
    }

    fn list_assets(&mut self) -> Vec<String> {
        let mut found = Vec::new();
        let mut stack = vec![PathBuf::from("assets")];
        while let Some(rel) = stack.pop() {
            let Ok(entries) = fs::read_dir(self.root.join(&rel)) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = rel.join(entry.file_name());
                if entry.file_type().is_ok_and(|t| t.is_dir()) {
                    stack.push(path);
                } else {
                    found.push(path.to_string_lossy().replace('\\', "/"));
                }
            }
        }
        found.sort();
        found
    }

    fn check_organization(&mut self, org: &Organization, assets: &[String]) {
        const FILE: &str = "organization.toml";
        if !is_web_url(org.site_url.get_ref()) {
            self.error_at(
                FILE,
                org.site_url.span(),
                format!(
                    "`site_url` must be an https:// address, found \"{}\"",
                    org.site_url.get_ref()
                ),
                "the address the trust center is published at, e.g. \"https://trust.example.com\"",
            );
        }
        if let Some(website) = &org.website {
            if !is_web_url(website.get_ref()) {
                self.error_at(
                    FILE,
                    website.span(),
                    "`website` must be an https:// address",
                    "e.g. \"https://example.com\"",
                );
            }
        }
        if let Some(logo) = &org.logo {
            if !assets.iter().any(|a| a == logo.get_ref()) {
                self.error_at(
                    FILE,
                    logo.span(),
                    format!("`logo` names \"{}\", which is not a file under assets/", logo.get_ref()),
                    "put the image in the content directory's assets/ folder and give its path, e.g. \"assets/logo.svg\"",
                );
            }
        }
        if let Some(color) = &org.brand_color {
            if !is_hex_color(color.get_ref()) {
                self.error_at(
                    FILE,
                    color.span(),
                    format!(
                        "`brand_color` must be a colour like \"#1d4ed8\", found \"{}\"",
                        color.get_ref()
                    ),
                    "six hexadecimal digits after #",
                );
            }
        }
        let country = &org.address.country;
        if !is_country_code(country.get_ref()) {
            self.error_at(
                FILE,
                country.span(),
                format!(
                    "`address.country` must be an ISO 3166-1 alpha-2 code, found \"{}\"",
                    country.get_ref()
                ),
                "two capital letters, e.g. \"DE\" or \"US\"",
            );
        }
        let contacts = &org.contacts;
        for (key, contact) in [
            ("security", Some(&contacts.security)),
            ("privacy", contacts.privacy.as_ref()),
            ("support", contacts.support.as_ref()),
        ] {
            if let Some(contact) = contact {
                self.check_contact(FILE, key, contact);
            }
        }
    }

    fn check_contact(&mut self, file: &str, key: &str, contact: &Spanned<Contact>) {
        let c = contact.get_ref();
        if c.email.is_none() && c.url.is_none() {
            self.error_at(
                file,
                contact.span(),
                format!("contact `{key}` has neither `email` nor `url`"),
                "give at least one way to reach it",
            );
        }
        if let Some(email) = &c.email {
            if !is_email(email.get_ref()) {
                self.error_at(
                    file,
                    email.span(),
                    format!(
                        "`contacts.{key}.email` is not an email address: \"{}\"",
                        email.get_ref()
                    ),
                    "e.g. \"security@example.com\"",
                );
            }
        }
        if let Some(url) = &c.url {
            if !is_web_url(url.get_ref()) {
                self.error_at(
                    file,
                    url.span(),
                    format!("`contacts.{key}.url` must be an https:// address"),
                    "e.g. \"https://example.com/contact\"",
                );
            }
        }
    }

    fn load_pages(&mut self) -> BTreeMap<Section, Page> {
        let mut pages = BTreeMap::new();
        let Ok(entries) = fs::read_dir(self.root.join("pages")) else {
            return pages;
        };
        let mut names: Vec<String> = entries
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        for name in names {
            let rel = format!("pages/{name}");
            let Some(stem) = name.strip_suffix(".md") else {
                self.diagnostics.0.push(
                    Diagnostic::file_error(
                        &rel,
                        "pages/ holds only Markdown files (.md); this one is ignored",
                    )
                    .warning(),
                );
                continue;
            };
            let Some(section) = Section::from_file_stem(stem) else {
                let known: Vec<String> = Section::ALL
                    .iter()
                    .map(|s| format!("{}.md", s.file_stem()))
                    .collect();
                self.diagnostics.0.push(
                    Diagnostic::file_error(&rel, format!("no section is called \"{stem}\"")).hint(
                        format!("pages are named after sections: {}", known.join(", ")),
                    ),
                );
                continue;
            };
            let Some(text) = self.read(&rel) else {
                continue;
            };
            if let Some(page) = self.parse_page(&rel, &text) {
                pages.insert(section, page);
            }
        }
        pages
    }

    /// Splits optional `+++` TOML front matter from the Markdown body.
    fn parse_page(&mut self, rel: &str, text: &str) -> Option<Page> {
        let Some(rest) = text
            .strip_prefix("+++\n")
            .or_else(|| text.strip_prefix("+++\r\n"))
        else {
            return Some(Page {
                meta: PageMeta::default(),
                markdown: text.to_owned(),
            });
        };
        let start = text.len() - rest.len();
        let Some((front, body)) = split_front_matter(rest) else {
            self.diagnostics.0.push(
                Diagnostic::at(
                    rel,
                    text,
                    0..3,
                    "front matter opened with `+++` is never closed",
                )
                .hint("end the front matter with a line holding only `+++`"),
            );
            return None;
        };
        let meta = self.parse_toml_text::<PageMeta>(rel, front, start)?;
        Some(Page {
            meta,
            markdown: body.to_owned(),
        })
    }
}

/// Finds the closing `+++` line; returns (front matter, body).
fn split_front_matter(rest: &str) -> Option<(&str, &str)> {
    let mut pos = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            return Some((&rest[..pos], &rest[pos + line.len()..]));
        }
        pos += line.len();
    }
    None
}

fn is_web_url(s: &str) -> bool {
    s.strip_prefix("https://").is_some_and(|rest| {
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty() && !host.contains(char::is_whitespace)
    })
}

fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.contains(char::is_whitespace)
        && !domain.contains('@')
}

fn is_hex_color(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].chars().all(|c| c.is_ascii_hexdigit())
}

fn is_country_code(s: &str) -> bool {
    s.len() == 2 && s.chars().all(|c| c.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_split_from_the_body() {
        let (front, body) = split_front_matter("title = \"x\"\n+++\n# Body\n").unwrap();
        assert_eq!(front, "title = \"x\"\n");
        assert_eq!(body, "# Body\n");
        assert!(split_front_matter("title = \"x\"\n").is_none());
    }

    #[test]
    fn value_checks() {
        assert!(is_web_url("https://trust.example.com/x"));
        assert!(!is_web_url("http://example.com"));
        assert!(!is_web_url("https://"));
        assert!(is_email("security@example.com"));
        assert!(!is_email("security@example"));
        assert!(!is_email("a b@example.com"));
        assert!(is_hex_color("#1D4ed8"));
        assert!(!is_hex_color("blue"));
        assert!(is_country_code("DE"));
        assert!(!is_country_code("de"));
    }
}
