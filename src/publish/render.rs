//! Pre-rendering: the [`App`] rendered natively for one path, and the page around it.

use leptos::prelude::*;

use crate::site::{DocumentPage, PageData, SiteData};
use crate::ui::{App, DocumentText, Facts, Route};

use super::css::Stylesheet;

/// Renders one page's HTML (the whole `<body>` content): `route` at `path`, which marks the
/// current section in the navigation.
pub fn render_body(site: &SiteData, route: Route, path: &str) -> String {
    let owner = Owner::new();
    owner.with(|| {
        let site = site.clone();
        let path = path.to_owned();
        view! { <App site route path /> }.to_html()
    })
}

/// A document as one self-contained HTML file: the same text and annexes as its page, the site's
/// stylesheet inline (the rules its markup can match), and site links made absolute so that they
/// still work from a saved copy.
pub fn render_standalone(
    site: &SiteData,
    page: &PageData,
    doc: &DocumentPage,
    css: &Stylesheet,
    site_url: &str,
    brand_color: Option<&str>,
) -> String {
    let owner = Owner::new();
    let body = owner.with(|| {
        let DocumentPage {
            facts, toc, parts, ..
        } = doc.clone();
        let heading = page.heading.clone();
        view! {
            <main class="standalone">
                <p class="meta">{site.name.clone()}</p>
                <h1>{heading}</h1>
                <Facts facts />
                <DocumentText toc parts />
            </main>
        }
        .to_html()
    });
    let site_url = site_url.trim_end_matches('/');
    // The loader guarantees `#rrggbb`, so nothing here needs escaping.
    let brand = brand_color.map_or(String::new(), |c| format!(":root{{--brand:{c}}}"));
    // The links already carry the site's base path: only the host goes before them.
    let body = absolute_links(&body, crate::site::origin(site_url));
    let document = |style: &str| {
        format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{}</title>\n<link rel=\"canonical\" href=\"{}\">\n{}\n{style}\n</head>\n\
             <body>{}</body>\n</html>\n",
            escape(&page.title),
            escape(&format!("{site_url}{}", page.path)),
            // No icon: a saved copy is opened from disk, where the site's would not load.
            icon_link(None),
            body
        )
    };
    // The document has no script: the rules its own markup can match are all it will need.
    let rules = css.for_document(&[&document("")]);
    document(&style_element(&format!("{rules}{brand}")))
}

/// The icon's `<link>`; with no icon an empty one, which stops browsers asking for
/// `/favicon.ico` (a 404 on every static host).
fn icon_link(icon: Option<&str>) -> String {
    format!(
        r#"<link rel="icon" href="{}">"#,
        escape(icon.unwrap_or("data:,"))
    )
}

/// `css` as a `<style>` element; `</style` inside it, which would end the element early, is
/// escaped as CSS allows.
pub(super) fn style_element(css: &str) -> String {
    format!("<style>{}</style>", css.replace("</style", "<\\/style"))
}

/// `body` with the site's own links (`href="/…"`) made absolute on `origin` (the scheme and
/// host of the site's address). The address is escaped like any attribute value: written as
/// is, a `"` in it would end the `href`.
fn absolute_links(body: &str, origin: &str) -> String {
    body.replace("href=\"/", &format!("href=\"{}/", escape(origin)))
}

/// What goes into one page's `<head>` besides what the app template already has.
pub struct Head<'a> {
    /// `<title>`.
    pub title: &'a str,
    /// `<meta name="description">`.
    pub description: &'a str,
    /// The absolute URL of the page, or `None` for pages with no address of their own (404).
    pub canonical: Option<String>,
    /// The site name, for `og:site_name`.
    pub site_name: &'a str,
    /// The icon's URL; `None` for none, which also stops browsers asking for `/favicon.ico`.
    pub icon: Option<&'a str>,
    /// The brand colour, if any.
    pub brand_color: Option<&'a str>,
    /// The path the site is published under (`/trust`; empty at the host's root).
    pub base: &'a str,
}

impl Head<'_> {
    /// The tags, one per line.
    pub fn to_html(&self) -> String {
        let mut h = String::new();
        let mut tag = |s: String| {
            h.push_str(&s);
            h.push('\n');
        };
        tag(format!("<title>{}</title>", escape(self.title)));
        tag(format!(
            r#"<meta name="description" content="{}">"#,
            escape(self.description)
        ));
        if let Some(url) = &self.canonical {
            tag(format!(r#"<link rel="canonical" href="{}">"#, escape(url)));
            tag(format!(
                r#"<meta property="og:url" content="{}">"#,
                escape(url)
            ));
        } else {
            tag(r#"<meta name="robots" content="noindex">"#.to_owned());
        }
        tag(icon_link(self.icon));
        tag(r#"<meta property="og:type" content="website">"#.to_owned());
        tag(format!(
            r#"<meta property="og:title" content="{}">"#,
            escape(self.title)
        ));
        tag(format!(
            r#"<meta property="og:description" content="{}">"#,
            escape(self.description)
        ));
        tag(format!(
            r#"<meta property="og:site_name" content="{}">"#,
            escape(self.site_name)
        ));
        if let Some(color) = self.brand_color {
            // The loader guarantees `#rrggbb`, so nothing here needs escaping.
            tag(format!(r#"<meta name="theme-color" content="{color}">"#));
            tag(format!("<style>:root{{--brand:{color}}}</style>"));
        }
        for feed in super::ALTERNATES {
            tag(format!(
                r#"<link rel="alternate" type="{}" title="{}" href="{}{}">"#,
                feed.mime,
                escape(feed.title),
                escape(self.base),
                feed.path
            ));
        }
        h
    }
}

/// Escapes text for HTML content and double-quoted attributes alike.
pub(super) fn escape(s: &str) -> std::borrow::Cow<'_, str> {
    html_escape::encode_double_quoted_attribute(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standalone_links_keep_the_site_address_inside_the_attribute() {
        assert_eq!(
            absolute_links(
                r#"<a href="/security/">s</a> <a href="https://else.example/">e</a>"#,
                "https://trust.example.com"
            ),
            r#"<a href="https://trust.example.com/security/">s</a> <a href="https://else.example/">e</a>"#
        );
        assert_eq!(
            absolute_links(r#"<a href="/x/">x</a>"#, r#"https://t.example/"><script>"#),
            r#"<a href="https://t.example/&quot;&gt;&lt;script&gt;/x/">x</a>"#
        );
    }
}
