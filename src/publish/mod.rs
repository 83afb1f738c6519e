//! The native generator: a content directory plus the built Wasm app in, a complete static site
//! out.
//!
//! Every route is pre-rendered with the same components the browser hydrates. Output is written
//! to a staging directory beside the target and swapped in only when everything succeeded, so a
//! failed build never leaves a half-written or emptied site behind.

mod answers;
mod compress;
mod corpus;
mod css;
mod derive;
mod feeds;
mod headers;
mod links;
mod output;
mod render;
mod trust;
mod wellknown;

use std::fs;
use std::path::{Path, PathBuf};

use crate::load::{self, Diagnostics};
use crate::model::{Date, Model};
use crate::site::{PageBody, PageData, SiteData};
use crate::ui::Route;

pub use compress::{
    brotli, gzip, is_compressible, precompress, Compressed, Effort, FAST_GZIP_LEVEL, FAST_QUALITY,
    PAGE_GZIP_LEVEL, PAGE_QUALITY,
};
pub use corpus::search_docs;
pub use css::Stylesheet;
pub use derive::{
    current_subprocessor_rows, page_description, pages, site_data, standalone_path,
    subprocessor_snapshots, subprocessors_on,
};
pub use feeds::ALTERNATES;
pub use links::{BrokenLink, DuplicateId, LinkProblem};
pub use output::Staging;
pub use render::{render_body, render_standalone, Head};
pub use wellknown::{security_txt, SECURITY_TXT, SECURITY_TXT_LEGACY};

/// Where the generator reads and writes.
#[derive(Clone, Debug)]
pub struct BuildOptions {
    /// The content directory.
    pub content: PathBuf,
    /// Trunk's output: `index.html` (the page template), `questionnaire.html` (the
    /// questionnaire page's, if the app has one) and the app's assets.
    pub app: PathBuf,
    /// The site directory to (re)place.
    pub out: PathBuf,
    /// The day the build happens: expiry warnings, objection windows and feeds are as of it.
    pub today: Date,
}

/// Why a build produced nothing.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The content has errors.
    #[error("{0}")]
    Content(Diagnostics),
    /// Trunk's `index.html` is not a usable template.
    #[error("{path}: {reason}")]
    Template {
        /// The template file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// The app's stylesheet (Trunk's copy of `style/`) does not parse.
    #[error("{path}: the app's stylesheet does not parse: {reason}")]
    Stylesheet {
        /// The stylesheet (the app directory if it has several).
        path: PathBuf,
        /// What is wrong, and where.
        reason: String,
    },
    /// Reading or writing a file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// Links in the built site lead nowhere (a Markdown link to a page or anchor that does not
    /// exist); the published site is left as it was.
    #[error("{} broken link(s) in the built site:\n{}\nlinks come from the content's Markdown and ids: fix the target or the link (a link to a change or update dated after today works from the build on its day)", .0.iter().map(|l| l.written.len().max(1)).sum::<usize>(), listed(.0))]
    BrokenLinks(Vec<BrokenLink>),
    /// Pages of the built site give one id to several elements (a raw HTML `id` in the content's
    /// Markdown, or a content id equal to another on its page); the published site is left as
    /// it was.
    #[error("{} id(s) repeated on a page of the built site:\n{}\nids come from the content's ids (answers, certifications, layers, categories) and from raw HTML in its Markdown (headings give way on their own): rename all but one", .0.len(), listed(.0))]
    DuplicateIds(Vec<DuplicateId>),
    /// The output directory exists but was not written by this tool.
    #[error("{0}: exists and does not look like a trust-center build; refusing to replace it (remove it or choose another OUT)")]
    ForeignOutput(PathBuf),
}

/// Each item's lines, indented under an error's first line.
fn listed<T: std::fmt::Display>(items: &[T]) -> String {
    items
        .iter()
        .flat_map(|item| {
            item.to_string()
                .lines()
                .map(|line| format!("  {line}"))
                .collect::<Vec<_>>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

impl BuildError {
    pub(crate) fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> BuildError {
        let path = path.into();
        move |source| BuildError::Io { path, source }
    }
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    /// Warnings about the content.
    pub warnings: Diagnostics,
    /// Site-relative paths of the pages written.
    pub pages: Vec<String>,
    /// How many links on the site (pages, feeds, exports) were followed and found to resolve.
    pub links_checked: usize,
    /// The precompressed copies written.
    pub compressed: Compressed,
}

/// The marker in `index.html` where each page's head tags go.
pub const HEAD_MARKER: &str = "<!--trust:head-->";

/// The marker in `index.html` where each page's pre-rendered body goes.
pub const BODY_MARKER: &str = "<!--trust:body-->";

/// Loads the content, renders every page, and replaces `out` with the result.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, BuildError> {
    let (model, warnings) = load::load(&opts.content, opts.today).map_err(BuildError::Content)?;
    let (css_path, css) = app_css(&opts.app)?;
    let css = Stylesheet::parse(&css).map_err(|reason| BuildError::Stylesheet {
        path: css_path,
        reason,
    })?;
    let base = model.organization.base_path();
    let template = Template::for_pages(&opts.app.join("index.html"), &css, base)?;
    // The questionnaire page has an app of its own (the assistant stays out of the others'); an
    // app built without one serves that page from the main template.
    let questionnaire_template = match opts.app.join(QUESTIONNAIRE_TEMPLATE) {
        path if path.exists() => Template::for_pages(&path, &css, base)?,
        _ => template.clone(),
    };

    let staging = Staging::new(&opts.out)?;
    // Not the templates, nor Trunk's compressed copies of them: every page is written from
    // them instead, and a host serving `questionnaire.html.gz` would hand out the bare template.
    staging.copy_tree(&opts.app, Path::new(""), |rel| {
        let file = rel.to_string_lossy();
        let uncompressed = file
            .strip_suffix(".br")
            .or_else(|| file.strip_suffix(".gz"))
            .unwrap_or(&file);
        // Nor Trunk's copy of the stylesheet: the pages name the build's own (`css`).
        uncompressed != "index.html"
            && uncompressed != QUESTIONNAIRE_TEMPLATE
            && !(uncompressed.ends_with(".css") && rel.components().count() == 1)
    })?;
    staging.write(&css.file_name(), css.minified())?;
    let written = render_site(
        &staging,
        &opts.content,
        &model,
        [&template, &questionnaire_template],
        &css,
    )?;
    let site_url = model.organization.site_url.get_ref();

    // The site being replaced, if any: its copies of unchanged files are reused. The links are
    // checked while the files are compressed: the check reads the pages and text files, the
    // compression only adds `.br` and `.gz` copies beside them, and a broken link still fails
    // the build before anything replaces the target.
    let previous = opts.out.is_dir().then_some(opts.out.as_path());
    let (links_checked, compressed) = std::thread::scope(|scope| {
        let links = scope.spawn(|| links::check(staging.dir(), site_url, &model.texts));
        let compressed = compress::precompress(staging.dir(), true, previous, Effort::Balanced);
        (
            links.join().expect("checking the links panicked"),
            compressed,
        )
    });
    let (links_checked, compressed) = (links_checked?, compressed?);
    staging.commit()?;
    Ok(BuildReport {
        warnings,
        pages: written,
        links_checked,
        compressed,
    })
}

/// Renders everything of the site that comes from the content into `staging`: its files, every
/// page, the feeds and exports, the indexes, the sitemap; all but the app's own files and the
/// compressed copies. Returns the HTML files written, relative to the site's root.
fn render_site(
    staging: &Staging,
    content: &Path,
    model: &Model,
    templates: [&Template; 2],
    css: &Stylesheet,
) -> Result<Vec<String>, BuildError> {
    for asset in model.assets.keys() {
        staging.copy_file(&content.join(asset), Path::new(asset))?;
    }
    let site = site_data(model);
    let pages = pages(model, &site);
    let texts = templates.map(Template::text);
    let security_headers = headers::security_headers(model, &texts.each_ref().map(String::as_str));
    // The two indexes take as long to build as every page takes to render (a site of thousands
    // of answers): they are built on threads of their own meanwhile.
    let written = std::thread::scope(|scope| -> Result<Vec<String>, BuildError> {
        let index = scope.spawn(|| search_index(model, &pages).to_bytes());
        let library = scope.spawn(|| answer_library(model));
        let written = write_pages(staging, model, &site, pages.iter(), templates, css)?;
        let library = library
            .join()
            .expect("building the answer library panicked");
        staging.write(crate::questionnaire::LIBRARY_PATH, library.to_bytes())?;
        write_files(staging, model, &site, &pages, &library, &security_headers)?;
        let index = index.join().expect("building the search index panicked");
        staging.write(crate::search::INDEX_PATH, index)?;
        Ok(written)
    })?;

    // Every page a search engine should know, not the results page or the 404 page.
    let listed: Vec<String> = written
        .iter()
        .filter(|rel| *rel != "404.html" && !rel.starts_with("search/"))
        .map(|rel| format!("/{}", rel.trim_end_matches("index.html")))
        .collect();
    staging.write(wellknown::SITEMAP, wellknown::sitemap(model, &listed))?;
    staging.write(wellknown::ROBOTS, wellknown::robots_txt(model))?;
    Ok(written)
}

/// Follows every link of the site that `content` (loaded as `model`) would build, as a build
/// does, without the app: the site is rendered into a scratch directory that is removed after.
/// Returns how many links resolve; a broken link or a repeated id is the build's error. What
/// passes here fails no build for its links, since the app brings no page of its own.
pub fn check_links(content: &Path, model: &Model) -> Result<usize, BuildError> {
    let scratch = tempfile::tempdir().map_err(BuildError::io(std::env::temp_dir()))?;
    let staging = Staging::new(&scratch.path().join("site"))?;
    let template = Template::bare();
    let css = Stylesheet::parse("").map_err(|reason| BuildError::Stylesheet {
        path: PathBuf::new(),
        reason,
    })?;
    render_site(&staging, content, model, [&template, &template], &css)?;
    links::check(
        staging.dir(),
        model.organization.site_url.get_ref(),
        &model.texts,
    )
}

/// What one HTML file of the site is.
#[derive(Clone, Copy)]
enum Rendered<'a> {
    /// A page with data of its own.
    Page(&'a PageData),
    /// The search results page (filled in by the app).
    Search,
    /// The questionnaire assistant (works in the app only).
    Questionnaire,
    /// The page static hosts serve at unknown addresses.
    NotFound,
}

/// Renders every page (and a standalone copy of each document), the search page, the
/// questionnaire page and the 404 page into `staging`; returns the HTML files written, relative
/// to the site's root. `templates` are the browsing app's and the questionnaire page's.
fn write_pages<'a>(
    staging: &Staging,
    model: &Model,
    site: &SiteData,
    pages: impl Iterator<Item = &'a PageData>,
    [template, questionnaire_template]: [&Template; 2],
    css: &Stylesheet,
) -> Result<Vec<String>, BuildError> {
    let mut written = Vec::new();
    for page in pages {
        if let PageBody::Document(doc) = &page.body {
            let file = render_standalone(
                site,
                page,
                doc,
                css,
                model.organization.site_url.get_ref(),
                model
                    .organization
                    .brand_color
                    .as_ref()
                    .map(|c| c.get_ref().as_str()),
            );
            staging.write(&standalone_path(&doc.id), &file)?;
        }
        let html = render_page(template, model, site, Rendered::Page(page));
        let rel = format!("{}index.html", page.path.trim_start_matches('/'));
        staging.write(&rel, &html)?;
        written.push(rel);
    }
    let search = render_page(template, model, site, Rendered::Search);
    staging.write("search/index.html", &search)?;
    written.push("search/index.html".to_owned());
    let questionnaire = render_page(questionnaire_template, model, site, Rendered::Questionnaire);
    let rel = format!(
        "{}index.html",
        crate::questionnaire::PAGE_PATH.trim_start_matches('/')
    );
    staging.write(&rel, &questionnaire)?;
    written.push(rel);
    let not_found = render_page(template, model, site, Rendered::NotFound);
    staging.write("404.html", &not_found)?;
    written.push("404.html".to_owned());
    Ok(written)
}

/// Writes the files that are not pages: the headers files, feeds and calendars, the answer
/// library's exports, trust.json and security.txt.
fn write_files(
    staging: &Staging,
    model: &Model,
    site: &SiteData,
    pages: &[PageData],
    library: &crate::questionnaire::Library,
    security_headers: &[(&'static str, String)],
) -> Result<(), BuildError> {
    staging.write(
        headers::HEADERS,
        headers::headers_file(security_headers, model.organization.base_path()),
    )?;
    staging.write(
        headers::NGINX_HEADERS,
        headers::nginx_file(security_headers, model.organization.base_path()),
    )?;
    let security_txt = wellknown::security_txt(model);
    let answer_records = answers::records(model, library);
    for (path, contents) in feeds::files(model, site, pages)
        .into_iter()
        .chain(answers::files(model, &answer_records))
        .chain(trust::files(model, &answer_records))
        .chain(
            [wellknown::SECURITY_TXT, wellknown::SECURITY_TXT_LEGACY]
                .map(|p| (p.to_owned(), security_txt.clone())),
        )
    {
        staging.write(&path, contents)?;
    }
    Ok(())
}

/// Renders one complete HTML document.
fn render_page(template: &Template, model: &Model, site: &SiteData, what: Rendered<'_>) -> String {
    let org = &model.organization;
    let absolute = |path: &str| format!("{}{path}", org.site_url.get_ref().trim_end_matches('/'));
    let (title, description, canonical, path, route) = match what {
        Rendered::Page(p) => (
            p.title.clone(),
            page_description(model, p),
            Some(absolute(&p.path)),
            p.path.as_str(),
            Route::Page(Box::new(p.clone())),
        ),
        Rendered::Search => (
            site.title_for(Some("Search")),
            format!(
                "Search the {} trust center: answers, controls, subprocessors, documents.",
                site.name
            ),
            Some(absolute(crate::ui::SEARCH_PATH)),
            crate::ui::SEARCH_PATH,
            Route::Search,
        ),
        Rendered::Questionnaire => (
            site.title_for(Some(crate::ui::QUESTIONNAIRE_HEADING)),
            format!(
                "Pre-fill a security questionnaire from the {} answer library, in your browser: the file is never uploaded.",
                site.name
            ),
            Some(absolute(crate::questionnaire::PAGE_PATH)),
            crate::questionnaire::PAGE_PATH,
            Route::Questionnaire,
        ),
        Rendered::NotFound => (
            site.title_for(Some(crate::ui::NOT_FOUND_HEADING)),
            "There is no page at this address.".to_owned(),
            None,
            "/404.html",
            Route::NotFound,
        ),
    };
    let head = Head {
        title: &title,
        description: &description,
        canonical,
        site_name: &site.name,
        icon: site.logo.as_ref().map(|l| l.src.as_str()),
        brand_color: org.brand_color.as_ref().map(|c| c.get_ref().as_str()),
        base: site.base(),
    };
    template.fill(&head.to_html(), &render_body(site, route, path))
}

/// The search index of the site: its entries, with the built-in synonyms and the content's own.
/// Each entry links to its page as the site's pages do, under the site's base path.
pub fn search_index(model: &Model, pages: &[PageData]) -> crate::search::Index {
    let mut docs = search_docs(model, pages);
    for doc in &mut docs {
        doc.url = model.organization.href(&doc.url);
    }
    crate::search::build_index(&docs, &synonyms(model))
}

/// The answer library the questionnaire assistant matches against.
pub fn answer_library(model: &Model) -> crate::questionnaire::Library {
    let mut synonyms = synonyms(model);
    synonyms.extend(
        crate::questionnaire::QUESTIONNAIRE_SYNONYMS
            .iter()
            .map(|group| group.iter().map(|s| (*s).to_owned()).collect()),
    );
    answers::library(model, &synonyms)
}

/// The built-in synonym groups and the content's own.
fn synonyms(model: &Model) -> Vec<Vec<String>> {
    let mut synonyms: Vec<Vec<String>> = crate::search::text::DEFAULT_SYNONYMS
        .iter()
        .map(|group| group.iter().map(|s| (*s).to_owned()).collect())
        .collect();
    synonyms.extend(model.search.synonyms.iter().cloned());
    synonyms
}

/// The app's stylesheet (Trunk writes one, with a hashed name; several are joined in the order
/// of their names), for inlining into the pages and the standalone documents, and the file it
/// came from (the app directory when there are several), for errors.
fn app_css(app: &Path) -> Result<(PathBuf, String), BuildError> {
    let mut files: Vec<PathBuf> = fs::read_dir(app)
        .map_err(BuildError::io(app))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "css"))
        .collect();
    files.sort();
    let mut css = String::new();
    for f in &files {
        css.push_str(&fs::read_to_string(f).map_err(BuildError::io(f))?);
    }
    let path = match files.as_slice() {
        [one] => one.clone(),
        _ => app.to_owned(),
    };
    Ok((path, css))
}

/// Trunk's output for the questionnaire page (`trunk build questionnaire.html`), beside
/// `index.html` in the app directory.
pub const QUESTIONNAIRE_TEMPLATE: &str = "questionnaire.html";

/// Trunk's `index.html`, split at the two markers.
#[derive(Clone)]
struct Template {
    before_head: String,
    between: String,
    after_body: String,
    /// Each page's own stylesheet, cut from the app's; `None` in a template without one.
    style: Option<StyleSlot>,
}

/// Where a page's own rules go in a template, and what they are cut from.
#[derive(Clone)]
struct StyleSlot {
    /// The place in `before_head`.
    at: usize,
    /// The `<meta>` naming the whole sheet, for the app's starter, which goes right after them.
    named: String,
    /// The app's stylesheet.
    css: Stylesheet,
}

impl Template {
    /// A page with nothing of the app's: what `check_links` renders, since the app's template adds
    /// no link that the content could break.
    fn bare() -> Template {
        Template {
            before_head: "<!DOCTYPE html><html><head>".to_owned(),
            between: "</head><body>".to_owned(),
            after_body: "</body></html>".to_owned(),
            style: None,
        }
    }

    /// The template as Trunk wrote it (markers and all).
    fn text(&self) -> String {
        format!(
            "{}{HEAD_MARKER}{}{BODY_MARKER}{}",
            self.before_head, self.between, self.after_body
        )
    }

    fn read(path: &Path) -> Result<Template, BuildError> {
        let text = fs::read_to_string(path).map_err(|e| BuildError::Template {
            path: path.to_owned(),
            reason: format!(
                "cannot read the app's index.html ({e}); build the app with Trunk first"
            ),
        })?;
        let missing = |marker: &str| BuildError::Template {
            path: path.to_owned(),
            reason: format!("the marker {marker} is missing"),
        };
        let (before_head, rest) = text
            .split_once(HEAD_MARKER)
            .ok_or_else(|| missing(HEAD_MARKER))?;
        let (between, after_body) = rest
            .split_once(BODY_MARKER)
            .ok_or_else(|| missing(BODY_MARKER))?;
        Ok(Template {
            before_head: before_head.to_owned(),
            between: between.trim_end().to_owned(),
            after_body: after_body.to_owned(),
            style: None,
        })
    }

    /// Trunk's page template at `path`, made ready for pages: each page carries inline the
    /// rules of `css` its markup can match (a few KB compressed; a linked sheet would hold the
    /// first paint for another round trip), and names the whole sheet, which the app's starter
    /// loads for the markup the islands create (see `css`). The app itself
    /// has no preloads (Trunk.toml) and starts after the first paint.
    fn for_pages(path: &Path, css: &Stylesheet, base: &str) -> Result<Template, BuildError> {
        Ok(Template::read(path)?.under(base).with_stylesheet(css, base))
    }

    /// The template of a site published under `base` (`/trust`): the app's module and Wasm,
    /// which Trunk names from the root of the host, are at the root of the site.
    fn under(mut self, base: &str) -> Template {
        for meta in ["trust-app-module", "trust-app-wasm"] {
            self.before_head = self.before_head.replace(
                &format!(r#"<meta name="{meta}" content="/"#),
                &format!(r#"<meta name="{meta}" content="{base}/"#),
            );
        }
        self
    }

    /// The template with its stylesheet links taken out, and each page's stylesheet to go where
    /// the first of them was, followed by the address of the whole of `css` under `base`, for
    /// the app's starter.
    fn with_stylesheet(mut self, css: &Stylesheet, base: &str) -> Template {
        let mut head = String::with_capacity(self.before_head.len());
        let mut rest = self.before_head.as_str();
        let mut at = None;
        while let Some(start) = rest.find("<link rel=\"stylesheet\"") {
            let Some(len) = rest[start..].find('>') else {
                break;
            };
            head.push_str(&rest[..start]);
            at.get_or_insert(head.len());
            rest = &rest[start + len + 1..];
        }
        head.push_str(rest);
        self.before_head = head;
        // Not a link: Chromium would fetch it while the page loads, and parse it as it
        // arrives, both before the first paint on a slow phone (`make bench-fcp-variants`).
        self.style = at.map(|at| {
            let href = format!("{base}/{}", css.file_name());
            StyleSlot {
                at,
                named: format!(
                    r#"<meta name="trust-stylesheet" content="{}">"#,
                    render::escape(&href)
                ),
                css: css.clone(),
            }
        });
        self
    }

    /// A page of the template with `head` and `body` in place, and in the place of the
    /// stylesheet the rules of the app's the page's markup can match.
    fn fill(&self, head: &str, body: &str) -> String {
        let (before_style, after_style) = match &self.style {
            Some(slot) => self.before_head.split_at(slot.at),
            None => (self.before_head.as_str(), ""),
        };
        let style = self.style.as_ref().map(|slot| {
            let own = slot.css.for_document(&[
                &self.before_head,
                head,
                &self.between,
                body,
                &self.after_body,
            ]);
            format!("{}{}", render::style_element(&own), slot.named)
        });
        let style = style.unwrap_or_default();
        let mut page = String::with_capacity(
            self.before_head.len()
                + style.len()
                + head.len()
                + self.between.len()
                + body.len()
                + self.after_body.len(),
        );
        page.push_str(before_style);
        page.push_str(&style);
        page.push_str(after_style);
        page.push_str(head);
        page.push_str(&self.between);
        page.push_str(body);
        page.push_str(&self.after_body);
        page
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The app's starter goes at the end of the body of both Trunk templates, after the page:
    /// in the head the parser yields at it for a frame with nothing to paint (see `client`).
    #[test]
    fn the_starter_comes_after_the_page_in_both_templates() {
        for name in ["index.html", QUESTIONNAIRE_TEMPLATE] {
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
            let text = fs::read_to_string(&path).unwrap();
            let starter = text
                .find(r#"href="src/js/islands.js""#)
                .unwrap_or_else(|| panic!("{name} inlines no starter"));
            let body = text.find(BODY_MARKER).unwrap();
            assert!(
                body < starter,
                "{name}: the starter comes before the page's body"
            );
            assert!(
                starter < text.find("</body>").unwrap(),
                "{name}: the starter is outside the body"
            );
        }
    }

    #[test]
    fn each_page_carries_the_rules_it_can_match_where_the_links_were() {
        let css =
            Stylesheet::parse("main{color:red} .toc{color:blue} @media print{main{margin:0}}")
                .unwrap();
        let template = Template {
            before_head: concat!(
                "<head><meta charset=\"utf-8\">",
                "<link rel=\"stylesheet\" href=\"/main-1.css\" integrity=\"sha384-x\"/>",
                "<script type=\"module\" src=\"/islands.js\"></script>",
                "<link rel=\"stylesheet\" href=\"/print-2.css\">",
            )
            .to_owned(),
            between: "</head><body>".to_owned(),
            after_body: "</body>".to_owned(),
            style: None,
        }
        .with_stylesheet(&css, "/trust");
        let page = template.fill("<title>T</title>", "<main>Text</main>");
        assert_eq!(
            page,
            format!(
                concat!(
                    "<head><meta charset=\"utf-8\">",
                    "<style>main{{color:red}}@media print{{main{{margin:0}}}}</style>",
                    "<meta name=\"trust-stylesheet\" content=\"/trust/{}\">",
                    "<script type=\"module\" src=\"/islands.js\"></script>",
                    "<title>T</title></head><body><main>Text</main></body>",
                ),
                css.file_name()
            )
        );
    }
}
