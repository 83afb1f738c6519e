//! The one place that turns Markdown into HTML.
//!
//! It owns the pulldown-cmark options, so every page renders Markdown the same way; gives every
//! heading a stable, unique id (derived from its text, so links survive edits elsewhere in the
//! document) and collects them as a table of contents; and sanitises the result with ammonia:
//! content may contain raw HTML, but nothing that runs, and links keep only safe schemes. This runs
//! at build time only; the browser receives finished HTML.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag, TagEnd};

use crate::site::TocEntry;

/// Rendered Markdown and its headings.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rendered {
    /// Sanitised HTML.
    pub html: String,
    /// Every heading, in document order, with its id.
    pub toc: Vec<TocEntry>,
}

/// The plain text under one heading (or before the first).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TextSection {
    /// The heading's id; `None` for the text before the first heading.
    pub id: Option<String>,
    /// The heading's text.
    pub heading: String,
    /// The words under it, up to the next heading.
    pub text: String,
}

/// The Markdown extensions content may use.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
}

/// Renders Markdown to sanitised HTML (see [`render`]).
pub fn to_html(markdown: &str) -> String {
    render(markdown).html
}

/// Renders Markdown to sanitised HTML, with ids on headings and the table of contents. The ids
/// avoid those every page has ([`crate::ui::SHELL_IDS`]); see [`render_on`] for a page with ids
/// of its own.
pub fn render(markdown: &str) -> Rendered {
    render_on(markdown, &[])
}

/// [`render`] for text shown on a page whose own elements also have the ids `page_ids`: no
/// heading takes one (a disclosure policy's "## Scope" on the page whose section is `#scope`).
pub fn render_on(markdown: &str, page_ids: &[&str]) -> Rendered {
    let (events, toc) = parse(markdown, page_ids);
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, events.into_iter());
    Rendered {
        html: sanitize(&raw),
        toc,
    }
}

/// The text as plain words, cut at headings (with the same ids as [`render`] gives them): what
/// search indexes, one entry per section. No HTML is produced, so nothing needs sanitising.
pub fn sections(markdown: &str) -> Vec<TextSection> {
    sections_on(markdown, &[])
}

/// [`sections`] with the ids [`render_on`] gives the text on a page with `page_ids`.
pub fn sections_on(markdown: &str, page_ids: &[&str]) -> Vec<TextSection> {
    plain_sections(&parse(markdown, page_ids).0)
}

/// The whole text as plain words, headings included.
pub fn plain_text(markdown: &str) -> String {
    sections(markdown)
        .into_iter()
        .flat_map(|s| [s.heading, s.text])
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Parses Markdown with the site's options and gives every heading its unique id.
///
/// Several texts can share a page (answers, updates, control descriptions), so two things keep
/// their ids apart: footnote ids are prefixed with a digest of the text (pulldown-cmark makes the
/// label the id, and every text starts its notes at `[^1]`), and headings skip the page's own
/// ids. Headings of two texts on one page can still meet; the build's link check reports that.
fn parse<'a>(markdown: &'a str, page_ids: &[&str]) -> (Vec<Event<'a>>, Vec<TocEntry>) {
    let mut events: Vec<Event> = Parser::new_ext(markdown, options()).collect();
    let mut toc = Vec::new();
    let prefix = format!("fn-{:08x}-", digest(markdown));
    let mut ids = Ids::default();
    ids.taken.extend(
        crate::ui::SHELL_IDS
            .iter()
            .chain(page_ids)
            .map(|id| (*id).to_owned()),
    );
    for event in &mut events {
        match event {
            // A footnote's definition carries its id: a heading must not take it, or the
            // footnote's back link would land on the heading.
            Event::Start(Tag::FootnoteDefinition(label)) => {
                *label = CowStr::from(format!("{prefix}{label}"));
                ids.taken.insert(label.to_string());
            }
            Event::FootnoteReference(label) => {
                *label = CowStr::from(format!("{prefix}{label}"));
            }
            _ => {}
        }
    }
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { level, .. }) = &events[i] {
            let level = *level as u8;
            let mut text = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j] {
                    text.push_str(t);
                }
                j += 1;
            }
            let id = ids.unique(slug(&text));
            if let Event::Start(Tag::Heading { id: heading_id, .. }) = &mut events[i] {
                *heading_id = Some(CowStr::from(id.clone()));
            }
            toc.push(TocEntry {
                level,
                id,
                text: text.trim().to_owned(),
            });
            i = j;
        }
        i += 1;
    }
    (events, toc)
}

/// The text of the events as plain words, one section per heading.
fn plain_sections(events: &[Event]) -> Vec<TextSection> {
    let mut sections = vec![TextSection::default()];
    let mut in_heading = false;
    for event in events {
        let current = sections.last_mut().expect("never empty");
        match event {
            Event::Start(Tag::Heading { id, .. }) => {
                in_heading = true;
                sections.push(TextSection {
                    id: id.as_ref().map(|i| i.to_string()),
                    ..TextSection::default()
                });
            }
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Text(t) | Event::Code(t) if in_heading => current.heading.push_str(t),
            Event::Text(t) | Event::Code(t) => current.text.push_str(t),
            Event::SoftBreak | Event::HardBreak => current.text.push(' '),
            Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::CodeBlock,
            ) if !current.text.ends_with(' ') => current.text.push(' '),
            _ => {}
        }
    }
    for s in &mut sections {
        s.text = s.text.trim().to_owned();
    }
    sections.retain(|s| s.id.is_some() || !s.text.is_empty());
    sections
}

/// A URL fragment from heading text: lowercase words joined by dashes.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        "section".to_owned()
    } else {
        out
    }
}

/// The ids given so far. Counting repeats of each slug alone is not enough: a heading whose own
/// text slugs to `a-2` would take the id that a second `a` heading is given.
#[derive(Default)]
struct Ids {
    taken: HashSet<String>,
    /// The next suffix to try per slug, so that many equal headings stay linear.
    next: HashMap<String, usize>,
}

impl Ids {
    fn unique(&mut self, base: String) -> String {
        if self.taken.insert(base.clone()) {
            return base;
        }
        let n = self.next.entry(base.clone()).or_insert(2);
        loop {
            let id = format!("{base}-{n}");
            *n += 1;
            if self.taken.insert(id.clone()) {
                return id;
            }
        }
    }
}

/// FNV-1a of `text`: a short digest that stays the same from build to build and toolchain to
/// toolchain (ids are addresses; std's hasher promises neither).
fn digest(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
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
    fn sections_carry_the_ids_the_page_gives_their_headings() {
        let md = "Intro text.\n\n## Scope\n\nWhat *is* covered.\n\n## Scope\n\n- a\n- b\n";
        let ids: Vec<String> = render(md).toc.into_iter().map(|t| t.id).collect();
        let sections = sections(md);
        assert_eq!(sections[0].id, None);
        assert_eq!(sections[0].text, "Intro text.");
        assert_eq!(
            sections[1..]
                .iter()
                .map(|s| s.id.clone().unwrap())
                .collect::<Vec<_>>(),
            ids
        );
        assert_eq!(sections[1].text, "What is covered.");
        assert_eq!(sections[2].text, "a b");
        assert_eq!(
            plain_text(md),
            "Intro text. Scope What is covered. Scope a b"
        );
    }

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

    #[test]
    fn headings_get_unique_stable_ids_and_a_table_of_contents() {
        let r = render("## 1. Definitions\n\ntext\n\n### Scope & *duration*\n\n## Definitions\n\n## Übermittlung\n");
        let ids: Vec<&str> = r.toc.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "1-definitions",
                "scope-duration",
                "definitions",
                "übermittlung"
            ]
        );
        assert_eq!(r.toc[1].level, 3);
        assert_eq!(r.toc[1].text, "Scope & duration");
        assert!(
            r.html
                .contains(r#"<h2 id="1-definitions">1. Definitions</h2>"#),
            "{}",
            r.html
        );
        let again = render("## A\n\n## A\n\n## A\n");
        let ids: Vec<&str> = again.toc.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["a", "a-2", "a-3"]);
    }

    /// The `markdown` fuzz target checks this for every input; its regression input is
    /// fuzz/regressions/markdown/duplicate-heading-ids.md.
    #[test]
    fn heading_ids_stay_unique_when_a_heading_spells_a_suffixed_id() {
        let ids = |md: &str| -> Vec<String> { render(md).toc.into_iter().map(|t| t.id).collect() };
        assert_eq!(ids("# a\n\n# a\n\n# a-2\n"), ["a", "a-2", "a-2-2"]);
        assert_eq!(ids("# a-2\n\n# a\n\n# a\n"), ["a-2", "a", "a-3"]);
        // Nor does a heading take an id every page has, or one of the page the text is shown on.
        assert_eq!(ids("## Scope\n\n## Main\n"), ["scope", "main-2"]);
        let on_page: Vec<String> = render_on("## Scope\n\n## Scope\n", &["scope"])
            .toc
            .into_iter()
            .map(|t| t.id)
            .collect();
        assert_eq!(on_page, ["scope-2", "scope-3"]);
        assert_eq!(
            sections_on("## Scope\n", &["scope"])[0].id.as_deref(),
            Some("scope-2")
        );
    }

    #[test]
    fn footnotes_of_two_texts_on_one_page_keep_their_ids_apart() {
        let a = to_html("One[^1].\n\n[^1]: First.\n");
        let b = to_html("Two[^1].\n\n[^1]: Second.\n");
        let id = |html: &str| {
            let at = html.find("footnote-definition\" id=\"").unwrap() + 25;
            html[at..at + html[at..].find('"').unwrap()].to_owned()
        };
        assert_ne!(id(&a), id(&b));
        assert!(a.contains(&format!("href=\"#{}\"", id(&a))), "{a}");
        // The same text gets the same ids at every build.
        assert_eq!(a, to_html("One[^1].\n\n[^1]: First.\n"));
    }
}
