//! The one place that turns Markdown into HTML.
//!
//! It owns the pulldown-cmark options, so every page renders Markdown the same way, and it
//! sanitises the result with ammonia: content may contain raw HTML, but nothing that runs, and
//! links keep only safe schemes. This runs at build time only; the browser receives finished HTML.

use pulldown_cmark::{html, Options, Parser};

/// The Markdown extensions content may use.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
}

/// Renders Markdown to sanitised HTML.
pub fn to_html(markdown: &str) -> String {
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, Parser::new_ext(markdown, options()));
    sanitize(&raw)
}

/// Removes scripts, event handlers, styles and unsafe URL schemes from HTML.
fn sanitize(html: &str) -> String {
    ammonia::Builder::default()
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("noopener noreferrer"))
        .add_generic_attributes(["id"])
        .add_allowed_classes("sup", ["footnote-reference"])
        .add_allowed_classes("div", ["footnote-definition"])
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_tables_and_footnotes() {
        let html = to_html("| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1].\n\n[^1]: Note.\n");
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("<td>2</td>"), "{html}");
        assert!(
            html.contains(r#"<sup class="footnote-reference">"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<div class="footnote-definition""#),
            "{html}"
        );
    }

    #[test]
    fn scripts_and_unsafe_links_do_not_survive() {
        let html = to_html(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) [y](https://example.com)",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("href=\"https://example.com\""), "{html}");
    }
}
