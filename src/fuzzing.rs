//! Entry points for fuzzing: what the cargo-fuzz targets in `fuzz/` call with each input, and
//! what `tests/fuzz_regressions.rs` replays with the inputs kept from earlier findings. One home,
//! so that a regression test runs exactly the code the fuzzer ran.
//!
//! Each entry takes arbitrary bytes. Errors are expected (most inputs are not valid content);
//! a panic is the finding.

use std::fs;
use std::path::{Path, PathBuf};

use crate::model::Date;

/// The day fuzzed content is judged against (the example content's).
const TODAY: (i16, i8, i8) = (2026, 11, 22);

/// The Markdown renderer, with every output the site derives from Markdown, checked against what
/// `src/markdown.rs` promises: nothing that runs survives sanitising (no `<script` or `<style`
/// element, no event handler or `style` attribute, no link or source with a scheme other than
/// http, https or mailto); every heading has an id of its own, the same in the page and in the
/// search sections; on a page that has those ids already, the text (twice) takes none of them and
/// none twice, and its links to its own headings follow them; a slug is lowercase words joined
/// by dashes.
pub fn markdown(input: &[u8]) {
    let text = String::from_utf8_lossy(input);
    let rendered = crate::markdown::render(&text);
    check_sanitised(&rendered.html);
    assert_eq!(crate::markdown::to_html(&text), rendered.html);

    let ids: Vec<&str> = rendered.toc.iter().map(|t| t.id.as_str()).collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "heading ids repeat: {ids:?}");

    let sections = crate::markdown::sections(&text);
    let section_ids: Vec<&str> = sections.iter().filter_map(|s| s.id.as_deref()).collect();
    assert_eq!(section_ids, ids, "search sections and headings disagree");
    let _ = crate::markdown::plain_text(&text);

    let mut page = crate::markdown::PageIds::new(ids.iter().copied());
    let mut probe = page.clone();
    let first = page.render(&text);
    let again = page.render(&text);
    check_sanitised(&again.html);
    let on_page: Vec<&str> = first
        .toc
        .iter()
        .chain(&again.toc)
        .map(|t| t.id.as_str())
        .collect();
    assert!(
        on_page.iter().all(|id| !ids.contains(id)),
        "a heading took an id its page has: {on_page:?} on {ids:?}"
    );
    let mut unique_on_page = on_page.clone();
    unique_on_page.sort_unstable();
    unique_on_page.dedup();
    assert_eq!(
        unique_on_page.len(),
        on_page.len(),
        "ids repeat on the page: {on_page:?}"
    );
    // Links to the text's own headings follow them onto their page's ids; no other link moves.
    let on_page_of: std::collections::HashMap<&str, &str> = rendered
        .toc
        .iter()
        .zip(&first.toc)
        .map(|(alone, page)| (alone.id.as_str(), page.id.as_str()))
        .collect();
    let followed: Vec<String> = fragment_links(&rendered.html)
        .into_iter()
        .map(|f| {
            on_page_of
                .get(f.as_str())
                .map_or(f.clone(), |p| (*p).to_owned())
        })
        .collect();
    assert_eq!(
        fragment_links(&first.html),
        followed,
        "links did not follow their headings"
    );
    let probed: Vec<String> = probe
        .sections(&text)
        .into_iter()
        .filter_map(|s| s.id)
        .collect();
    let first_ids: Vec<&str> = first.toc.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(
        probed, first_ids,
        "search sections and headings disagree on the page"
    );

    for id in &ids {
        check_slug(id);
    }
    check_slug(&crate::markdown::slug(&text));
}

/// The `#fragment` of every link in sanitised HTML, as the browser reads it: from `<a>` tags only
/// (text may spell `href="#…"` too, in a code span).
fn fragment_links(html: &str) -> Vec<String> {
    tags(html)
        .into_iter()
        .filter(|tag| tag.starts_with("a "))
        .filter_map(|tag| {
            let at = tag.find(" href=\"#")? + 8;
            let raw = tag[at..at + tag[at..].find('"')?].replace("&amp;", "&");
            Some(
                percent_encoding::percent_decode_str(&raw)
                    .decode_utf8_lossy()
                    .into_owned(),
            )
        })
        .collect()
}

/// Every tag of sanitised HTML (what is between `<` and `>`), read as the HTML serializer writes
/// it: text never holds a raw `<` and attribute values are always double-quoted (with `"`
/// escaped), so a `<` opens a tag and the first `>` outside quotes closes it.
fn tags(html: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let tag = &rest[open + 1..];
        let mut quoted = false;
        let close = tag
            .char_indices()
            .find(|&(_, c)| {
                quoted ^= c == '"';
                c == '>' && !quoted
            })
            .map(|(i, _)| i)
            .unwrap_or_else(|| panic!("unclosed tag in sanitised HTML: {html}"));
        found.push(&tag[..close]);
        rest = &tag[close + 1..];
    }
    found
}

/// Every tag of sanitised HTML is allowed (see [`check_tag`]).
fn check_sanitised(html: &str) {
    for tag in tags(html) {
        check_tag(tag, html);
    }
}

fn check_tag(tag: &str, html: &str) {
    let name: String = tag
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    assert!(
        name != "script" && name != "style",
        "a <{name}> element survived sanitising: {html}"
    );
    // Attributes: ` name="value"` (or a bare ` name`), values with `"` escaped.
    let mut rest = &tag[tag.find(char::is_whitespace).unwrap_or(tag.len())..];
    while !rest.trim_start().is_empty() {
        rest = rest.trim_start();
        let end = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        let attribute = rest[..end].to_ascii_lowercase();
        rest = &rest[end..];
        let mut value = "";
        if let Some(quoted) = rest.strip_prefix("=\"") {
            let close = quoted.find('"').expect("attribute values are quoted");
            value = &quoted[..close];
            rest = &quoted[close + 1..];
        }
        assert!(
            !attribute.starts_with("on") && attribute != "style",
            "attribute {attribute} survived sanitising: {html}"
        );
        if matches!(attribute.as_str(), "href" | "src" | "cite" | "action") {
            check_url(value, html);
        }
    }
}

/// A URL attribute is relative or has one of the allowed schemes, read as a browser reads it:
/// entities decoded, surrounding spaces and controls ignored, tabs and newlines removed.
fn check_url(value: &str, html: &str) {
    let decoded = value
        .replace("&quot;", "\"")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&");
    let url: String = decoded
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .to_ascii_lowercase();
    // A scheme is a letter, then letters, digits, `+`, `-` or `.`, then `:`.
    let scheme_end = url
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
        .filter(|&i| {
            i > 0 && url[i..].starts_with(':') && url.starts_with(|c: char| c.is_ascii_alphabetic())
        });
    if let Some(end) = scheme_end {
        let scheme = &url[..end];
        assert!(
            matches!(scheme, "http" | "https" | "mailto"),
            "a {scheme}: URL survived sanitising: {html}"
        );
    }
}

/// Lowercase words joined by dashes: never empty, no dash at either end or twice in a row.
fn check_slug(slug: &str) {
    assert!(!slug.is_empty(), "empty slug");
    assert!(
        !slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"),
        "slug {slug:?} has stray dashes"
    );
    assert!(
        slug.chars().all(|c| c == '-' || c.is_alphanumeric()),
        "slug {slug:?} has characters other than letters, digits and dashes"
    );
}

/// A copy of a content directory in which one file at a time is replaced by the fuzzer's bytes,
/// so that every input meets an otherwise valid trust center and reaches the cross-checks.
pub struct ContentFixture {
    dir: PathBuf,
    files: Vec<(PathBuf, Vec<u8>)>,
}

impl ContentFixture {
    /// Copies `content` (the example trust center) to a temporary directory.
    pub fn new(content: &Path) -> std::io::Result<ContentFixture> {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "trust-center-fuzz-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        ));
        let mut files = Vec::new();
        copy(content, &dir, &mut files)?;
        files.sort();
        Ok(ContentFixture { dir, files })
    }

    /// The files an input can replace, relative to the content directory.
    pub fn files(&self) -> Vec<PathBuf> {
        self.files
            .iter()
            .map(|(p, _)| p.strip_prefix(&self.dir).unwrap_or(p).to_owned())
            .collect()
    }

    /// An input that replaces `file` (relative to the content directory) with `contents`: the
    /// seeds and the kept regressions read as what they are.
    pub fn input(file: &str, contents: &[u8]) -> Vec<u8> {
        let mut input = format!("{file}\n").into_bytes();
        input.extend_from_slice(contents);
        input
    }

    /// Replaces a file with the input's bytes after its first line, which names the file (any
    /// other first line picks one by its bytes, so that mutated names still reach every file);
    /// loads and checks the content, and on success derives every page and the search index
    /// from it; then puts the file back.
    pub fn run(&self, input: &[u8]) {
        let (name, body) = match input.iter().position(|&b| b == b'\n') {
            Some(i) => (&input[..i], &input[i + 1..]),
            None => (input, &[][..]),
        };
        let relative = |p: &Path| p.strip_prefix(&self.dir).unwrap_or(p).to_owned();
        let (path, original) = self
            .files
            .iter()
            .find(|(p, _)| relative(p).as_os_str().as_encoded_bytes() == name)
            .unwrap_or_else(|| {
                let pick = name.iter().map(|&b| usize::from(b)).sum::<usize>();
                &self.files[pick % self.files.len()]
            });
        fs::write(path, body).expect("the fixture directory is writable");
        let today = Date::ymd(TODAY.0, TODAY.1, TODAY.2);
        match crate::load::load(&self.dir, today) {
            Ok((model, warnings)) => {
                let _ = warnings.to_string();
                let site = crate::publish::site_data(&model);
                let pages = crate::publish::pages(&model, &site);
                let _ = crate::publish::search_index(&model, &pages);
                let _ = crate::publish::answer_library(&model);
                let _ = crate::publish::security_txt(&model);
            }
            Err(diagnostics) => {
                let _ = diagnostics.to_string();
            }
        }
        fs::write(path, original).expect("the fixture directory is writable");
    }
}

impl Drop for ContentFixture {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

fn copy(from: &Path, to: &Path, files: &mut Vec<(PathBuf, Vec<u8>)>) -> std::io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy(&entry.path(), &target, files)?;
        } else {
            let bytes = fs::read(entry.path())?;
            fs::write(&target, &bytes)?;
            // Assets are only listed and sized, never parsed: not worth the fuzzer's time.
            if !entry.path().components().any(|c| c.as_os_str() == "assets") {
                files.push((target, bytes));
            }
        }
    }
    Ok(())
}

/// A dropped questionnaire file, as the worker handles it: read (CSV, XLSX, XLS, ODS; the bytes
/// decide, not the name), detect the layout of every sheet and name its columns, list the
/// questions and write both exports, with the detected layout and with ones a person can choose
/// on the page instead (header row on or off, any question and id column).
pub fn questionnaire(input: &[u8]) {
    use crate::questionnaire::protocol::{Filled, Layout};
    use crate::questionnaire::{export, sheet};
    let Ok(book) = sheet::read("fuzzed.csv", input) else {
        return;
    };
    for (index, s) in book.sheets.iter().enumerate() {
        let width = s.rows.iter().map(Vec::len).max().unwrap_or(0);
        let detected = sheet::detect(s).ok();
        let header = detected.as_ref().and_then(|l| l.header);
        for col in 0..width {
            let _ = sheet::column_name(s, header, col);
        }
        let mut layouts: Vec<Layout> = detected.into_iter().collect();
        if width > 0 {
            layouts.push(Layout {
                header: Some(0),
                question: width - 1,
                id: Some(0),
            });
            layouts.push(Layout {
                header: None,
                question: 0,
                id: Some(width - 1),
            });
        }
        for layout in layouts {
            let Ok(rows) = sheet::questions(s, &layout) else {
                continue;
            };
            let filled: Vec<Filled> = rows
                .iter()
                .map(|(row, question, _)| Filled {
                    row: *row,
                    answer: format!("Answer to {question}"),
                    short: "Yes".into(),
                    source: "https://trust.example.com/faq/".into(),
                })
                .collect();
            let answer = crate::questionnaire::sheet::answer_column(&book.sheets[index], &layout);
            let _ = export::to_csv(&book, index, &layout, answer, &filled);
            let _ = export::to_xlsx(&book, index, &layout, answer, &filled);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The oracle is only worth something if it fires: each of these would be an escape.
    #[test]
    fn the_sanitising_check_catches_what_it_looks_for() {
        for html in [
            "<p>a</p><script>x</script>",
            "<STYLE>p{}</STYLE>",
            r#"<p onclick="x">a</p>"#,
            r#"<p title="a>b" style="color:red">a</p>"#,
            r#"<a href=" JavaScript:alert(1)">a</a>"#,
            r#"<a href="java&#9;script:x">a</a>"#.replace("&#9;", "\t").as_str(),
            r#"<img src="data:text/html,x">"#,
        ] {
            let caught = std::panic::catch_unwind(|| check_sanitised(html)).is_err();
            assert!(caught, "not caught: {html}");
        }
        check_sanitised(
            r#"<p title="a>b &quot;c&quot;">x &lt;script&gt; onclick="y"</p><a href="/x:y" rel="noopener noreferrer">a</a><a href="mailto:a@b.c">m</a><a href="https://e.com/?a=1&amp;b=javascript:x">e</a>"#,
        );
    }
}
