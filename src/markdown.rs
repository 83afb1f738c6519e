//! The one place that turns Markdown into HTML.
//!
//! It owns the pulldown-cmark options, so every page renders Markdown the same way; gives every
//! heading a unique id derived from its text (so links survive edits elsewhere in the document;
//! on a page, a heading gives way only to an id the page has already, see [`PageIds`]) and
//! collects them as a table of contents; and sanitises the result with ammonia:
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

/// Renders Markdown to sanitised HTML, with ids on headings and the table of contents: the text
/// alone on a page of the shell ([`crate::ui::SHELL_IDS`]). A text shown among other elements
/// is rendered through that page's [`PageIds`].
pub fn render(markdown: &str) -> Rendered {
    PageIds::new([]).render(markdown)
}

/// The text as plain words, cut at headings (with the same ids as [`render`] gives them): what
/// search indexes, one entry per section. No HTML is produced, so nothing needs sanitising.
pub fn sections(markdown: &str) -> Vec<TextSection> {
    PageIds::new([]).sections(markdown)
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

/// The ids of one page, for the texts shown on it.
///
/// A page has ids of its own (the shell's, its sections', its content's: a layer, an answer)
/// and often several texts (answers, control descriptions, a policy beside the page's own
/// "Scope"). Every text rendered through one `PageIds` gives its headings and footnotes ids that
/// nothing else on the page has: a heading whose slug is taken gets the next free `-2`, `-3`,
/// and a link within the text to one of its own headings (`[…](#scope)` or `<a href="#scope">`,
/// a bare fragment, as the author wrote it against the text alone) follows the heading to its
/// new id. A link with a path (`/disclosure/#scope`) is taken as written. Texts keep their natural ids in the order they are rendered, so a page
/// renders its main text first.
#[derive(Clone, Debug)]
pub struct PageIds {
    ids: Ids,
    /// The site's [`crate::model::Organization::base_path`]: put before the site paths the
    /// texts link to (`/faq/`), which authors write as the site's own.
    base: String,
}

impl PageIds {
    /// A page whose own elements have the ids `fixed`; the shell's (and those the app gives the
    /// shell's elements in the browser) are always included.
    pub fn new<'a>(fixed: impl IntoIterator<Item = &'a str>) -> Self {
        let mut ids = Ids::default();
        ids.taken.extend(
            crate::ui::SHELL_IDS
                .iter()
                .copied()
                .chain(fixed)
                .map(str::to_owned)
                .chain(crate::ui::browser_ids()),
        );
        PageIds {
            ids,
            base: String::new(),
        }
    }

    /// The same page on a site published under `base` (`/trust`): links to site paths in its
    /// texts (`/faq/`, `/assets/x.pdf`) are rendered under it.
    pub fn under(mut self, base: &str) -> Self {
        base.clone_into(&mut self.base);
        self
    }

    /// Holds back an id an element of the page takes from the content (a layer's, an answer's).
    pub fn reserve(&mut self, id: impl Into<String>) {
        self.ids.taken.insert(id.into());
    }

    /// Renders a text shown on this page to sanitised HTML, with its table of contents.
    pub fn render(&mut self, markdown: &str) -> Rendered {
        let Parsed { events, toc, moved } = parse(markdown, &mut self.ids);
        let mut raw = String::with_capacity(markdown.len() * 3 / 2);
        // A table wider than the screen scrolls sideways in its wrapper, as the site's own tables
        // do, rather than widening the page or being cut off at the edge of its section.
        let events = events.into_iter().flat_map(|event| match event {
            Event::Start(Tag::Table(_)) => {
                vec![
                    Event::Html(CowStr::Borrowed("<div class=\"table-wrap\">")),
                    event,
                ]
            }
            Event::End(TagEnd::Table) => vec![event, Event::Html(CowStr::Borrowed("</div>\n"))],
            event => vec![event],
        });
        html::push_html(&mut raw, events);
        Rendered {
            html: sanitize(&raw, moved, &self.base),
            toc,
        }
    }

    /// [`PageIds::render`]'s HTML alone.
    pub fn html(&mut self, markdown: &str) -> String {
        self.render(markdown).html
    }

    /// A text shown on this page as plain words cut at headings, with the ids
    /// [`PageIds::render`] would give them: what search indexes, and links to.
    pub fn sections(&mut self, markdown: &str) -> Vec<TextSection> {
        plain_sections(&parse(markdown, &mut self.ids).events)
    }
}

/// A text parsed for a page.
struct Parsed<'a> {
    events: Vec<Event<'a>>,
    toc: Vec<TocEntry>,
    /// The headings the page made give way: the id each has in the text alone, and on the page.
    moved: HashMap<String, String>,
}

/// Parses Markdown with the site's options and gives every heading and footnote an id that
/// `ids` (the page's) does not have yet, taking it there.
///
/// Footnote ids are prefixed with a digest of the text: pulldown-cmark makes the label the id,
/// and every text starts its notes at `[^1]`. Headings that the page made give way are renamed
/// (`moved`), and [`sanitize`] makes the text's links to them follow: the text's author wrote
/// them against the text alone.
fn parse<'a>(markdown: &'a str, ids: &mut Ids) -> Parsed<'a> {
    let mut events: Vec<Event> = Parser::new_ext(markdown, options()).collect();
    let mut toc = Vec::new();
    let prefix = format!("fn-{:08x}-", digest(markdown));
    // A footnote's definition carries its id: a heading must not take it, or the footnote's back
    // link would land on the heading. The same text twice on a page gets its notes renamed.
    let mut notes: HashMap<String, String> = HashMap::new();
    for event in &mut events {
        if let Event::Start(Tag::FootnoteDefinition(label)) = event {
            let id = ids.unique(format!("{prefix}{label}"));
            notes.insert(label.to_string(), id.clone());
            *label = CowStr::from(id);
        }
    }
    for event in &mut events {
        if let Event::FootnoteReference(label) = event {
            let id = notes
                .get(label.as_ref())
                .cloned()
                .unwrap_or_else(|| format!("{prefix}{label}"));
            *label = CowStr::from(id);
        }
    }
    // The ids the headings have when the text is alone (its footnotes' taken first, as here), to
    // tell which of them the page moved.
    let mut alone = PageIds::new([]).ids;
    alone
        .taken
        .extend(notes.keys().map(|label| format!("{prefix}{label}")));
    let mut moved: HashMap<String, String> = HashMap::new();
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
            let natural = alone.unique(slug(&text));
            let id = ids.unique(slug(&text));
            if id != natural {
                moved.insert(natural, id.clone());
            }
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
    Parsed { events, toc, moved }
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
#[derive(Clone, Debug, Default)]
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

/// What rendered Markdown may keep: no scripts, event handlers or styles, links with safe schemes
/// only, ids, and pulldown-cmark's footnote classes.
fn sanitiser() -> ammonia::Builder<'static> {
    let mut builder = ammonia::Builder::default();
    builder
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("noopener noreferrer"))
        .add_generic_attributes(["id"])
        .add_allowed_classes("sup", ["footnote-reference"])
        .add_allowed_classes("div", ["footnote-definition", "table-wrap"]);
    builder
}

/// Rendered HTML with its relative links made absolute against `page`, the address of the page
/// the text is shown on: for a feed, whose readers resolve `#details-2` or `/security/` against
/// the feed's own address. An address that does not parse leaves the HTML as it was.
pub fn with_base(html: &str, page: &str) -> String {
    match ammonia::Url::parse(page) {
        Ok(base) => sanitiser()
            .url_relative(ammonia::UrlRelative::RewriteWithBase(base))
            .clean(html)
            .to_string(),
        Err(_) => html.to_owned(),
    }
}

/// What a heading id is written as in a link: a slug's letters and dashes as they are, anything
/// else percent-encoded (as pulldown-cmark writes the links it renders).
const FRAGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC.remove(b'-');

/// Removes scripts, event handlers, styles and unsafe URL schemes from HTML; points links to
/// a heading the page renamed (`moved`: id in the text alone, id on the page) at its new id:
/// Markdown links and raw HTML `<a href="#…">` alike, read as the browser reads the fragment
/// (`#%C3%BCber-uns` is `#über-uns`); and puts `base` before links to site paths.
fn sanitize(html: &str, moved: HashMap<String, String>, base: &str) -> String {
    let mut builder = sanitiser();
    if !moved.is_empty() || !base.is_empty() {
        let base = base.to_owned();
        builder.attribute_filter(move |element, attribute, value| {
            if !matches!(attribute, "href" | "src") {
                return Some(value.into());
            }
            if value.starts_with('/') && !value.starts_with("//") {
                return Some(format!("{base}{value}").into());
            }
            let fragment = (element == "a" && attribute == "href")
                .then(|| value.strip_prefix('#'))
                .flatten()
                .map(|f| percent_encoding::percent_decode_str(f).decode_utf8_lossy());
            match fragment.and_then(|f| moved.get(f.as_ref())) {
                Some(to) => {
                    Some(format!("#{}", percent_encoding::utf8_percent_encode(to, FRAGMENT)).into())
                }
                None => Some(value.into()),
            }
        });
    }
    builder.clean(html).to_string()
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
    fn links_to_site_paths_go_under_the_sites_base_path() {
        let md = "[FAQ](/faq/#sso), [here](#scope), [them](https://example.com/x), \
                  ![logo](/assets/logo.svg) <a href=\"//cdn.example/y\">y</a>\n\n## Scope\n";
        let html = PageIds::new([]).under("/trust").html(md);
        assert!(html.contains(r#"href="/trust/faq/#sso""#), "{html}");
        assert!(html.contains(r##"href="#scope""##), "{html}");
        assert!(html.contains(r#"href="https://example.com/x""#), "{html}");
        assert!(html.contains(r#"src="/trust/assets/logo.svg""#), "{html}");
        assert!(html.contains(r#"href="//cdn.example/y""#), "{html}");
        assert_eq!(PageIds::new([]).html(md), to_html(md));
        assert!(to_html(md).contains(r#"href="/faq/#sso""#));
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
    fn a_table_scrolls_in_a_wrapper_of_its_own() {
        let html = to_html("| a | b |\n|---|---|\n| 1 | 2 |\n\nAfter.\n");
        assert!(
            html.starts_with("<div class=\"table-wrap\"><table>")
                && html.contains("</table>\n</div>"),
            "{html}"
        );
        assert!(html.contains("<p>After.</p>"), "{html}");
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
        // Nor one the app gives an element of every page in the browser (a search result).
        assert_eq!(ids("## Search result 0\n"), ["search-result-0-2"]);
        let mut page = PageIds::new(["scope"]);
        let on_page: Vec<String> = page
            .render("## Scope\n\n## Scope\n")
            .toc
            .into_iter()
            .map(|t| t.id)
            .collect();
        assert_eq!(on_page, ["scope-2", "scope-3"]);
        assert_eq!(
            PageIds::new(["scope"]).sections("## Scope\n")[0]
                .id
                .as_deref(),
            Some("scope-2")
        );
    }

    #[test]
    fn texts_on_one_page_take_ids_the_page_and_each_other_leave() {
        let mut page = PageIds::new(["program"]);
        page.reserve("sso");
        let first = page.render("## SSO\n\nSee [below](#details).\n\n## Details\n");
        let second = page.render(
            "## Details\n\nBack to [details](#details), [program](#program).\n\n## Program\n",
        );
        let ids = |r: &Rendered| r.toc.iter().map(|t| t.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&first), ["sso-2", "details"]);
        assert_eq!(ids(&second), ["details-2", "program-2"]);
        // A text's links to its own headings follow them; the author wrote them against the text.
        assert!(
            first.html.contains(r##"href="#details""##),
            "{}",
            first.html
        );
        assert!(
            second.html.contains(r##"href="#details-2""##),
            "{}",
            second.html
        );
        assert!(
            second.html.contains(r##"href="#program-2""##),
            "{}",
            second.html
        );
        // Alone, the same text keeps its natural ids.
        assert_eq!(
            ids(&render("## Details\n\n## Program\n")),
            ["details", "program"]
        );
        // Raw HTML links follow too.
        let raw = PageIds::new(["scope"]).render("## Scope\n\n<a href=\"#scope\">up</a>\n");
        assert!(raw.html.contains(r##"<a href="#scope-2""##), "{}", raw.html);
        // A percent-encoded fragment names the same heading, as the browser reads it.
        let mut page = PageIds::new(["über-uns"]);
        let moved = page.render("## Über uns\n\n[Über uns](#%C3%BCber-uns)\n");
        assert_eq!(ids(&moved), ["über-uns-2"]);
        assert!(
            moved.html.contains("href=\"#%C3%BCber-uns-2\""),
            "{}",
            moved.html
        );
    }

    /// The id of the first footnote in rendered HTML.
    fn footnote_id(html: &str) -> String {
        let at = html.find("footnote-definition\" id=\"").unwrap() + 25;
        html[at..at + html[at..].find('"').unwrap()].to_owned()
    }

    #[test]
    fn the_same_footnoted_text_twice_on_a_page_keeps_its_notes_apart() {
        let mut page = PageIds::new([]);
        let text = "Claim[^1].\n\n[^1]: Source.\n";
        let (a, b) = (page.html(text), page.html(text));
        assert_ne!(footnote_id(&a), footnote_id(&b));
        assert!(b.contains(&format!("href=\"#{}\"", footnote_id(&b))), "{b}");
    }

    #[test]
    fn a_feed_gets_the_text_with_links_made_absolute_against_its_page() {
        let html = PageIds::new(["details"])
            .html("## Details\n\n[Up](#details), [security](/security/), [other](https://example.org/x).\n");
        let fed = with_base(&html, "https://trust.example/updates/");
        assert!(
            fed.contains(r#"href="https://trust.example/updates/#details-2""#),
            "{fed}"
        );
        assert!(
            fed.contains(r#"href="https://trust.example/security/""#),
            "{fed}"
        );
        assert!(fed.contains(r#"href="https://example.org/x""#), "{fed}");
        assert!(fed.contains(r#"<h2 id="details-2">"#), "{fed}");
    }

    #[test]
    fn footnotes_of_two_texts_on_one_page_keep_their_ids_apart() {
        let a = to_html("One[^1].\n\n[^1]: First.\n");
        let b = to_html("Two[^1].\n\n[^1]: Second.\n");
        assert_ne!(footnote_id(&a), footnote_id(&b));
        assert!(a.contains(&format!("href=\"#{}\"", footnote_id(&a))), "{a}");
        // The same text gets the same ids at every build.
        assert_eq!(a, to_html("One[^1].\n\n[^1]: First.\n"));
    }
}
