//! The generator end to end, natively: the example content builds into a complete site, every
//! section is a route, and a failed build leaves the previous site alone.
#![cfg(feature = "ssr")]

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use scraper::{Html, Selector};
use trust_center::load;
use trust_center::model::Date;
use trust_center::publish::{self, BuildError, BuildOptions, BODY_MARKER, HEAD_MARKER};
use trust_center::site::{PageBody, PageData, Section};

/// The example content is written as of this day (one change is inside its objection window).
fn today() -> Date {
    Date::ymd(2026, 11, 22)
}

fn example_content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

/// A stand-in for Trunk's output: the template with its markers and one asset.
fn fake_app(dir: &Path) -> PathBuf {
    let app = dir.join("app");
    fs::create_dir_all(&app).unwrap();
    fs::write(
        app.join("index.html"),
        format!(
            "<!DOCTYPE html><html lang=\"en\"><head><script type=\"module\" src=\"/app.js\"></script>\n{HEAD_MARKER}\n</head>\n<body>{BODY_MARKER}</body></html>\n"
        ),
    )
    .unwrap();
    fs::write(app.join("app.js"), "// app").unwrap();
    app
}

/// A temporary directory with a stand-in app in it, and where a build there writes its site.
fn workspace() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let app = fake_app(tmp.path());
    let out = tmp.path().join("dist");
    (tmp, app, out)
}

fn build(content: &Path, app: &Path, out: &Path) -> Result<publish::BuildReport, BuildError> {
    publish::build(&BuildOptions {
        content: content.into(),
        app: app.into(),
        out: out.into(),
        today: today(),
    })
}

#[test]
fn the_example_content_is_valid_without_warnings() {
    let (model, warnings) =
        load::load(&example_content(), today()).unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(warnings.0, vec![], "{warnings}");
    assert_eq!(model.organization.name, "Quillfeather");
    assert_eq!(model.pages.len(), Section::ALL.len());
}

#[test]
fn every_section_is_written_as_a_page_with_its_data() {
    let (_tmp, app, out) = workspace();
    let report = build(&example_content(), &app, &out).unwrap();
    // The sections, one page per document with a text, and 404.html.
    assert!(
        report.pages.len() > Section::ALL.len() + 1,
        "{:?}",
        report.pages
    );
    assert!(report
        .pages
        .contains(&"documents/dpa/index.html".to_owned()));
    // The ids every page has are the shell's, which Markdown headings leave alone.
    let with_id = Selector::parse("[id]").unwrap();
    let common = report
        .pages
        .iter()
        .map(|page| {
            let html = fs::read_to_string(out.join(page)).unwrap();
            Html::parse_document(&html)
                .select(&with_id)
                .filter_map(|e| e.value().attr("id").map(str::to_owned))
                .collect::<BTreeSet<String>>()
        })
        .reduce(|all, ids| all.intersection(&ids).cloned().collect())
        .unwrap();
    let shell: BTreeSet<String> = trust_center::ui::SHELL_IDS
        .iter()
        .map(|id| (*id).to_owned())
        .collect();
    assert_eq!(common, shell);

    for section in Section::ALL {
        let html_path = out
            .join(section.path().trim_start_matches('/'))
            .join("index.html");
        let html = fs::read_to_string(&html_path).unwrap();
        let data = page_data(&example_content(), &section.path());
        assert_eq!(data.section, section);
        let heading = html_escape::encode_text(&data.heading).into_owned();
        assert!(
            html.contains(&format!(">{heading}</h1>")),
            "{section:?}: heading missing"
        );
        assert!(
            html.contains(&data.intro_html),
            "{section:?}: introduction missing"
        );
        assert!(html.contains(&format!(
            "<title>{}</title>",
            html_escape::encode_text(&data.title)
        )));
        // The app's asset reference from the template is kept; the body starts with the way
        // past the navigation, for keyboard users.
        assert!(html.contains(r#"<script type="module" src="/app.js">"#));
        assert!(
            html.contains(r##"<body><a href="#main" class="skip-link">"##),
            "{section:?}: the skip link must come first"
        );
        // The current section is marked in the navigation, and only it.
        let current = format!(r#"href="{}" aria-current="page""#, section.path());
        assert!(html.contains(&current), "{section:?}: not marked current");
        assert_eq!(
            html.matches("aria-current=\"page\"").count(),
            1,
            "{section:?}"
        );
        assert!(
            !html.contains("Page not found"),
            "{section:?} rendered as the 404 page"
        );
    }
    assert!(out.join("app.js").is_file(), "the app's assets are copied");
    assert!(
        out.join("assets/logo.svg").is_file(),
        "content assets are copied"
    );
    let not_found = fs::read_to_string(out.join("404.html")).unwrap();
    assert!(not_found.contains(">Page not found</h1>"));
    assert!(not_found.contains(r#"<meta name="robots" content="noindex">"#));
}

#[test]
fn invalid_content_leaves_the_previous_site_untouched() {
    let (tmp, app, out) = workspace();
    build(&example_content(), &app, &out).unwrap();
    let before = fs::read_to_string(out.join("index.html")).unwrap();

    let bad = tmp.path().join("bad");
    copy_dir(&example_content(), &bad);
    fs::write(
        bad.join("organization.toml"),
        "name = \"Broken\"\nbrand_colour = \"#fff\"\n",
    )
    .unwrap();
    let err = build(&bad, &app, &out).unwrap_err();
    let BuildError::Content(diagnostics) = err else {
        panic!("expected content errors, got {err}")
    };
    assert!(diagnostics.has_errors());
    assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), before);
    let leftovers: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("staging"))
        .collect();
    assert_eq!(
        leftovers,
        Vec::<String>::new(),
        "no staging directory is left behind"
    );
}

#[test]
fn a_stylesheet_that_does_not_parse_fails_the_build_with_its_file_and_line() {
    let (_tmp, app, out) = workspace();
    build(&example_content(), &app, &out).unwrap();
    let before = fs::read_to_string(out.join("index.html")).unwrap();

    // An edit to style/main.css that Trunk copies as it is.
    fs::write(
        app.join("main-0123.css"),
        "main { color: red }\n.toc {{ }\n",
    )
    .unwrap();
    let err = build(&example_content(), &app, &out).unwrap_err();
    assert!(matches!(err, BuildError::Stylesheet { .. }), "{err}");
    let message = err.to_string();
    assert!(
        message.contains("main-0123.css") && message.contains("line 2"),
        "{message}"
    );
    assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), before);
}

/// Every build follows its links (the example has well over a thousand); a Markdown link to a page
/// or an anchor that does not exist fails it, says where the content writes the link and which page
/// it broke, and publishes nothing.
#[test]
fn a_link_to_a_missing_page_or_anchor_fails_the_build_and_says_where() {
    let (tmp, app, out) = workspace();
    let report = build(&example_content(), &app, &out).unwrap();
    assert!(
        report.links_checked > 1000,
        "only {} links checked",
        report.links_checked
    );
    let before = fs::read_to_string(out.join("index.html")).unwrap();

    let bad = tmp.path().join("bad");
    copy_dir(&example_content(), &bad);
    let page = bad.join("pages/security.md");
    let mut text = fs::read_to_string(&page).unwrap();
    text.push_str(
        "\nSee [the old policy](/policies/) and [our SSO answer](/faq/#single-sign-on-typo).\n",
    );
    fs::write(&page, &text).unwrap();
    let err = build(&bad, &app, &out).unwrap_err();
    let BuildError::BrokenLinks(broken) = &err else {
        panic!("expected broken links, got {err}")
    };
    let shown = err.to_string();
    // Where the author wrote them, as a compiler would say it, and the page they broke.
    let line = text.lines().count();
    let column = |link: &str| text.lines().last().unwrap().find(link).unwrap() + 1;
    let expected = [
        format!(
            "  pages/security.md:{line}:{}: link to /policies/: no page or file there (on /security/index.html)",
            column("/policies/")
        ),
        format!(
            "  pages/security.md:{line}:{}: link to /faq/#single-sign-on-typo: the page has no element with that id (on /security/index.html)",
            column("/faq/#single")
        ),
    ];
    assert_eq!(shown.lines().collect::<Vec<_>>()[1..3], expected, "{shown}");
    assert!(broken
        .iter()
        .all(|l| l.target.contains("/policies/") || l.target.contains("single-sign-on-typo")));
    assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), before);

    // `trustctl check` finds the same, without the app and without writing a site.
    let (model, _) = load::load(&bad, today()).unwrap();
    let checked = publish::check_links(&bad, &model).unwrap_err();
    assert_eq!(checked.to_string(), shown);
    // The app's own links (its script on every page) are the build's alone.
    let (model, _) = load::load(&example_content(), today()).unwrap();
    let checked = publish::check_links(&example_content(), &model).unwrap();
    assert!(
        checked > 1000 && checked < report.links_checked,
        "{checked}"
    );
}

#[test]
fn headings_give_way_to_their_pages_ids_and_a_repeated_raw_id_fails_the_build() {
    let (tmp, app, out) = workspace();
    let content = tmp.path().join("content");
    copy_dir(&example_content(), &content);
    // A policy's own "Scope" section, on the page whose fixed section is `#scope`.
    append(
        &content.join("disclosure.md"),
        "\n## Scope\n\nEverything we run.\n",
    );
    // Two answers on the FAQ, each with its own first footnote, and a heading named like the
    // first answer (whose id is `sso`).
    let answers = content.join("answers/access-control.toml");
    let note = "### SSO\n\nSee the note[^1].\n\n[^1]: A note.\n\n";
    prepend_to_text(&answers, "answer", note, 2);
    // A data-privacy text with a heading named like the page's own section after it.
    let retention = "## Retention\n\nAs [below](#retention).\n\n";
    prepend_to_text(&content.join("data.toml"), "deletion", retention, 1);
    build(&content, &app, &out).unwrap();
    let faq = fs::read_to_string(out.join("faq/index.html")).unwrap();
    assert_eq!(faq.matches("class=\"footnote-definition\"").count(), 2);
    assert_eq!(faq.matches(r#"id="sso""#).count(), 1);
    assert!(faq.contains(r#"<h3 id="sso-2">SSO</h3>"#), "{faq}");
    assert!(faq.contains(r#"<h3 id="sso-3">SSO</h3>"#), "{faq}");
    let page = fs::read_to_string(out.join("disclosure/index.html")).unwrap();
    assert_eq!(page.matches(r#"id="scope""#).count(), 1);
    assert!(page.contains(r#"<h2 id="scope-2">Scope</h2>"#), "{page}");
    let page = fs::read_to_string(out.join("data-privacy/index.html")).unwrap();
    assert_eq!(page.matches(r#"id="retention""#).count(), 1);
    assert!(
        page.contains(r#"<h2 id="retention-2">Retention</h2>"#),
        "{page}"
    );
    // The text's own link follows its heading.
    assert!(
        page.contains(r##"<a href="#retention-2" rel="noopener noreferrer">below</a>"##),
        "{page}"
    );
    let before = fs::read_to_string(out.join("index.html")).unwrap();

    // Raw HTML in an answer that repeats the id of another answer on the FAQ page.
    replace(
        &answers,
        "Administrators can make SSO mandatory",
        r#"<span id="sso">Administrators</span> can make SSO mandatory"#,
        1,
    );
    let err = build(&content, &app, &out).unwrap_err();
    assert!(matches!(err, BuildError::DuplicateIds(_)), "{err}");
    let shown = err.to_string();
    assert!(
        shown.contains(r#"/faq/index.html: 2 elements have the id "sso""#),
        "{shown}"
    );
    assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), before);
}

/// The ids of a built page.
fn ids_of(page: &Path) -> BTreeSet<String> {
    let with_id = Selector::parse("[id]").unwrap();
    Html::parse_document(&fs::read_to_string(page).unwrap())
        .select(&with_id)
        .filter_map(|e| e.value().attr("id").map(str::to_owned))
        .collect()
}

/// Headings named like each of `ids`, as Markdown.
fn headings(ids: &BTreeSet<String>) -> String {
    ids.iter()
        .map(|id| format!("\n\n## {id}\n\nText."))
        .collect()
}

/// Replaces the first `count` occurrences of `from` in `file`, which must have them: an edit
/// that finds nothing would leave the test checking the unchanged example.
fn replace(file: &Path, from: &str, to: &str, count: usize) {
    let text = fs::read_to_string(file).unwrap();
    assert!(
        text.matches(from).count() >= count,
        "{}: fewer than {count} of {from:?}",
        file.display()
    );
    fs::write(file, text.replacen(from, to, count)).unwrap();
}

/// Puts `markdown` at the start of the first `count` multi-line `key = """` texts of `file`.
fn prepend_to_text(file: &Path, key: &str, markdown: &str, count: usize) {
    let opening = format!("{key} = \"\"\"\n");
    replace(file, &opening, &format!("{opening}{markdown}"), count);
}

fn append(file: &Path, text: &str) {
    let before = fs::read_to_string(file).unwrap();
    fs::write(file, before + text).unwrap();
}

/// Whatever id a page has, a heading in any of its texts named like it takes another: every
/// section's introduction (rendered last, after all its page's ids), the disclosure policy and
/// the DPA (each its page's main text), an FAQ answer, a change reason and an update get a
/// heading for every id their page had, and the build still passes its checks that no page
/// repeats an id and every link lands (the reason's links to its own headings follow them).
/// The search index's links land on an element too.
#[test]
fn a_heading_named_like_any_id_of_its_page_never_breaks_the_build() {
    let (tmp, app, out) = workspace();
    build(&example_content(), &app, &out).unwrap();
    let content = tmp.path().join("content");
    copy_dir(&example_content(), &content);
    let page = |path: &str| out.join(path.trim_start_matches('/')).join("index.html");
    for section in Section::ALL {
        let ids = ids_of(&page(&section.path()));
        let intro = content.join(format!("pages/{}.md", section.file_stem()));
        append(&intro, &headings(&ids));
    }
    append(
        &content.join("disclosure.md"),
        &headings(&ids_of(&page("/disclosure/"))),
    );
    append(
        &content.join("documents/dpa.md"),
        &headings(&ids_of(&page("/documents/dpa/"))),
    );
    let answers = content.join("answers/access-control.toml");
    let faq = headings(&ids_of(&page("/faq/")));
    prepend_to_text(&answers, "answer", &format!("{faq}\n\n"), 1);

    // A change reason (on the subprocessors page) and an update (on the updates page, and the
    // overview's latest three), each with a heading for every id of its page and a link to one.
    let reason: String = ids_of(&page("/subprocessors/"))
        .iter()
        .map(|id| format!("## {id}\n\nSee [{id}](#{id}).\n\n"))
        .collect();
    prepend_to_text(
        &content.join("subprocessor-changes.toml"),
        "reason",
        &reason,
        1,
    );
    let mut updates: Vec<PathBuf> = fs::read_dir(content.join("updates"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    updates.sort();
    let mut ids = ids_of(&page("/updates/"));
    ids.extend(ids_of(&page("/")));
    append(updates.last().unwrap(), &headings(&ids));

    let again = tmp.path().join("again");
    build(&content, &app, &again).unwrap_or_else(|e| panic!("{e}"));
    let disclosure = fs::read_to_string(again.join("disclosure/index.html")).unwrap();
    assert!(disclosure.contains(r#"<h2 id="scope-2">scope</h2>"#));
    let index = trust_center::search::Index::from_bytes(
        &fs::read(again.join("_search/index.bin")).unwrap(),
    )
    .unwrap();
    let mut anchors = 0;
    for doc in index.docs() {
        if let Some((path, anchor)) = doc.url.split_once('#') {
            let file = again.join(path.trim_start_matches('/')).join("index.html");
            let ids = ids_of(&file);
            assert!(ids.contains(anchor), "{}: no such id on the page", doc.url);
            anchors += 1;
        }
    }
    assert!(
        index.docs().iter().any(|d| d.url == "/disclosure/#scope-2"),
        "the policy's own Scope is found where the page put it"
    );
    assert!(anchors > 100, "{anchors}");
}

#[test]
fn a_directory_that_is_not_a_build_is_never_replaced() {
    let tmp = tempfile::tempdir().unwrap();
    let app = fake_app(tmp.path());
    let precious = tmp.path().join("docs");
    fs::create_dir_all(&precious).unwrap();
    fs::write(precious.join("thesis.txt"), "years of work").unwrap();
    let err = build(&example_content(), &app, &precious).unwrap_err();
    assert!(matches!(err, BuildError::ForeignOutput(_)), "{err}");
    assert_eq!(
        fs::read_to_string(precious.join("thesis.txt")).unwrap(),
        "years of work"
    );
}

#[test]
fn the_apps_templates_and_their_compressed_copies_are_not_published() {
    let (_tmp, app, out) = workspace();
    // Trunk precompresses its HTML too; a host serving `questionnaire.html.gz` as it stands
    // would hand out the bare template.
    let template = fs::read_to_string(app.join("index.html")).unwrap();
    fs::write(app.join("questionnaire.html"), &template).unwrap();
    for name in ["index.html", "questionnaire.html"] {
        for suffix in [".br", ".gz"] {
            fs::write(app.join(format!("{name}{suffix}")), "template").unwrap();
        }
    }
    build(&example_content(), &app, &out).unwrap();
    for name in [
        "questionnaire.html",
        "questionnaire.html.br",
        "questionnaire.html.gz",
    ] {
        assert!(!out.join(name).exists(), "{name} is published");
    }
    // The home page's compressed copies are of the page, not of the template.
    for suffix in [".br", ".gz"] {
        assert_ne!(
            fs::read(out.join(format!("index.html{suffix}"))).unwrap(),
            b"template"
        );
    }
    assert!(out.join("questionnaire/index.html").is_file());
}

#[cfg(target_os = "linux")]
#[test]
fn a_build_removes_what_a_killed_build_left_beside_the_site() {
    let (tmp, app, out) = workspace();
    // No process has this id (Linux caps them far lower); a kill -9 leaves such a directory.
    let abandoned = tmp.path().join(".dist.staging-99999999");
    fs::create_dir_all(abandoned.join("faq")).unwrap();
    build(&example_content(), &app, &out).unwrap();
    assert!(!abandoned.exists());
    assert!(out.join("index.html").is_file());
}

/// The data the generator renders the page at `path` from, for one content directory.
fn page_data(content: &Path, path: &str) -> PageData {
    let (model, _) = load::load(content, today()).unwrap();
    let site = publish::site_data(&model);
    publish::pages(&model, &site)
        .into_iter()
        .find(|p| p.path == path)
        .unwrap_or_else(|| panic!("no page at {path}"))
}

/// The Documents page's data, for one content directory.
fn documents_page(content: &Path) -> PageData {
    page_data(content, "/documents/")
}

#[test]
fn documents_on_request_link_to_the_configured_request_form() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(&example_content(), &content);
    let mut org = fs::read_to_string(content.join("organization.toml")).unwrap();
    org.push_str("\n[contacts.documents]\nurl = \"https://forms.quillfeather.example/nda?document={document}\"\n");
    fs::write(content.join("organization.toml"), org).unwrap();

    let PageBody::Documents(docs) = documents_page(&content).body else {
        panic!("not the documents page")
    };
    let soc2 = docs.items.iter().find(|d| d.id == "soc2-report").unwrap();
    assert_eq!(
        soc2.request.as_ref().unwrap().href,
        "https://forms.quillfeather.example/nda?document=soc2%2Dreport"
    );
}

#[test]
fn documents_on_request_default_to_a_prefilled_email() {
    let PageBody::Documents(docs) = documents_page(&example_content()).body else {
        panic!("not the documents page")
    };
    let soc2 = docs.items.iter().find(|d| d.id == "soc2-report").unwrap();
    let href = &soc2.request.as_ref().unwrap().href;
    assert!(
        href.starts_with("mailto:security@quillfeather.example?subject=Request%3A%20SOC%202"),
        "{href}"
    );
    assert!(href.contains("&body="), "{href}");
}

#[test]
fn downloadable_documents_show_their_type_and_size() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(&example_content(), &content);
    fs::write(
        content.join("assets/privacy-policy.pdf"),
        vec![b'%'; 212_345],
    )
    .unwrap();
    let policy = content.join("documents/privacy-policy.md");
    let text = fs::read_to_string(&policy).unwrap();
    fs::write(
        &policy,
        text.replacen("+++\n", "+++\nfile = \"assets/privacy-policy.pdf\"\n", 1),
    )
    .unwrap();

    let PageBody::Documents(docs) = documents_page(&content).body else {
        panic!("not the documents page")
    };
    let doc = docs
        .items
        .iter()
        .find(|d| d.id == "privacy-policy")
        .unwrap();
    let size = doc.facts.iter().find(|f| f.label == "Size").unwrap();
    assert_eq!(size.value, "PDF, 213 kB");
    assert!(
        doc.links
            .iter()
            .any(|l| l.href == "/assets/privacy-policy.pdf"),
        "{:?}",
        doc.links
    );
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The example with its `[security_txt]` table replaced.
fn with_security_txt(dir: &Path, table: &str) -> PathBuf {
    let content = dir.join("content");
    copy_dir(&example_content(), &content);
    let file = content.join("disclosure.md");
    let text = fs::read_to_string(&file).unwrap();
    let text = text.replace("expires_after_days = 180", table);
    fs::write(&file, text).unwrap();
    content
}

#[test]
fn security_txt_follows_rfc_9116_and_expires_as_configured() {
    let (_tmp, app, out) = workspace();
    build(&example_content(), &app, &out).unwrap();
    let text = fs::read_to_string(out.join(".well-known/security.txt")).unwrap();
    assert_eq!(fs::read_to_string(out.join("security.txt")).unwrap(), text);
    // A real RFC 9116 parser, as of the build day (it refuses an expired file).
    let now = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 11, 22, 12, 0, 0).unwrap();
    let parsed = sectxtlib::SecurityTxt::parse_with(
        &text,
        &sectxtlib::SecurityTxtOptions::new().with_now(now),
    )
    .unwrap_or_else(|e| panic!("{e:?}\n{text}"));
    // 180 days after 2026-11-22.
    assert_eq!(
        parsed.expires.datetime.to_rfc3339(),
        "2027-05-21T00:00:00+00:00"
    );
    let contacts: Vec<&str> = parsed.contact.iter().map(|c| c.uri.as_str()).collect();
    assert_eq!(
        contacts,
        [
            "mailto:security@quillfeather.example",
            "https://quillfeather.example/security/report"
        ]
    );
    assert_eq!(
        parsed.encryption[0].uri.as_str(),
        "https://trust.quillfeather.example/assets/security-pgp-key.asc"
    );
    assert!(out.join("assets/security-pgp-key.asc").is_file());
    assert_eq!(
        parsed.policy[0].uri.as_str(),
        "https://trust.quillfeather.example/disclosure/"
    );
    assert_eq!(parsed.canonical.len(), 2);
    assert_eq!(parsed.preferred_languages.unwrap().languages.len(), 2);
}

#[test]
fn security_txt_that_would_expire_wrongly_fails_the_build() {
    let tmp = tempfile::tempdir().unwrap();
    let app = fake_app(tmp.path());
    for (table, expected) in [
        (
            "expires_after_days = 400",
            "security.txt must expire within 1 to 365 days",
        ),
        (
            "expires = 2026-11-01",
            "security.txt `expires` (2026-11-01) has passed",
        ),
    ] {
        let dir = tmp.path().join(table.len().to_string());
        let content = with_security_txt(&dir, table);
        let err = build(&content, &app, &dir.join("dist")).unwrap_err();
        let BuildError::Content(diagnostics) = err else {
            panic!("expected content errors, got {err}")
        };
        let text = diagnostics.to_string();
        assert!(text.contains(expected), "{table}: {text}");
        assert!(text.contains("disclosure.md"), "says where: {text}");
    }
    // A fixed day within 30 days builds, with a warning; it is the Expires written.
    let dir = tmp.path().join("soon");
    let content = with_security_txt(&dir, "expires = 2026-12-10");
    let report = build(&content, &app, &dir.join("dist")).unwrap();
    assert!(report
        .warnings
        .to_string()
        .contains("security.txt expires in 18 days"));
    let text = fs::read_to_string(dir.join("dist/.well-known/security.txt")).unwrap();
    assert!(text.contains("Expires: 2026-12-10T00:00:00Z"), "{text}");
}

#[test]
fn the_build_writes_security_headers_with_the_loader_hash() {
    let tmp = tempfile::tempdir().unwrap();
    let app = fake_app(tmp.path());
    // Trunk's inline loader, as it writes it into index.html.
    let index = fs::read_to_string(app.join("index.html")).unwrap();
    fs::write(
        app.join("index.html"),
        index.replace("<head>", "<head><script type=\"module\">alert(1)</script>"),
    )
    .unwrap();
    let out = tmp.path().join("dist");
    build(&example_content(), &app, &out).unwrap();
    let headers = fs::read_to_string(out.join("_headers")).unwrap();
    assert!(
        headers.lines().any(|l| l == "/*"),
        "one rule for every path: {headers}"
    );
    let csp = headers
        .lines()
        .find_map(|l| l.trim().strip_prefix("Content-Security-Policy: "))
        .unwrap();
    // The hash of `alert(1)`: the loader may run, no other inline script.
    assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=';"), "{csp}");
    let scripts = csp
        .split(';')
        .find(|d| d.trim().starts_with("script-src"))
        .unwrap();
    assert!(!scripts.contains("unsafe-inline"), "{scripts}");
    assert!(csp.contains("frame-ancestors 'none'"));
    let nginx = fs::read_to_string(out.join("_headers.nginx.conf")).unwrap();
    assert!(nginx.contains(&format!(
        "add_header Content-Security-Policy \"{csp}\" always;"
    )));
}

#[test]
fn sitemap_lists_every_page_and_robots_points_to_it() {
    let (_tmp, app, out) = workspace();
    build(&example_content(), &app, &out).unwrap();
    let xml = fs::read_to_string(out.join("sitemap.xml")).unwrap();
    // Read back with a real XML parser.
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut locs = Vec::new();
    let mut in_loc = false;
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Start(e) => in_loc = e.name().as_ref() == "loc",
            quick_xml::events::Event::Text(t) if in_loc => {
                locs.push(t.xml10_content().into_owned())
            }
            quick_xml::events::Event::End(_) => in_loc = false,
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    let base = "https://trust.quillfeather.example";
    for path in ["/", "/faq/", "/documents/dpa/", "/questionnaire/"] {
        assert!(
            locs.contains(&format!("{base}{path}")),
            "{path} in {locs:?}"
        );
    }
    assert!(!locs
        .iter()
        .any(|l| l.contains("404") || l.contains("/search/")));
    for loc in &locs {
        let path = loc.strip_prefix(base).unwrap();
        assert!(
            out.join(path.trim_start_matches('/'))
                .join("index.html")
                .is_file(),
            "{path}"
        );
    }
    let robots = fs::read_to_string(out.join("robots.txt")).unwrap();
    assert!(robots.contains(&format!("Sitemap: {base}/sitemap.xml")));
}

/// Static hosts serve `file.br` / `file.gz` when the browser accepts them: every page and data
/// file has both copies, and they decompress to exactly the file (never to an older one).
#[test]
fn pages_and_data_come_with_precompressed_copies() {
    use std::io::Read;
    let (_tmp, app, out) = workspace();
    // As `trustctl compress` leaves the app: the template's copies must not outlive it.
    fs::write(app.join("index.html.br"), "stale").unwrap();
    fs::write(app.join("index.html.gz"), "stale").unwrap();
    let report = build(&example_content(), &app, &out).unwrap();
    assert!(report.compressed.files > 30, "{:?}", report.compressed);
    for path in [
        "index.html",
        "faq/index.html",
        "trust.schema.json",
        "trust.json",
    ] {
        let original = fs::read(out.join(path)).unwrap();
        let mut from_br = Vec::new();
        brotli::Decompressor::new(&fs::read(out.join(format!("{path}.br"))).unwrap()[..], 4096)
            .read_to_end(&mut from_br)
            .unwrap();
        assert_eq!(from_br, original, "{path}.br");
        let mut from_gz = Vec::new();
        flate2::read::GzDecoder::new(&fs::read(out.join(format!("{path}.gz"))).unwrap()[..])
            .read_to_end(&mut from_gz)
            .unwrap();
        assert_eq!(from_gz, original, "{path}.gz");
        assert!(
            from_br.len() > fs::metadata(out.join(format!("{path}.br"))).unwrap().len() as usize
        );
    }
}

#[test]
fn the_questionnaire_page_loads_its_own_app_and_no_other_page_does() {
    let tmp = tempfile::tempdir().unwrap();
    let app = fake_app(tmp.path());
    fs::write(
        app.join(publish::QUESTIONNAIRE_TEMPLATE),
        format!(
            "<!DOCTYPE html><html lang=\"en\"><head><script type=\"module\" src=\"/questionnaire-app.js\"></script>\n{HEAD_MARKER}\n</head>\n<body>{BODY_MARKER}</body></html>\n"
        ),
    )
    .unwrap();
    fs::write(app.join("questionnaire-app.js"), "// questionnaire app").unwrap();
    let out = tmp.path().join("dist");
    let report = build(&example_content(), &app, &out).unwrap();
    for page in &report.pages {
        let html = fs::read_to_string(out.join(page)).unwrap();
        let questionnaire = page == "questionnaire/index.html";
        assert_eq!(
            html.contains("/questionnaire-app.js"),
            questionnaire,
            "{page}"
        );
        assert_eq!(html.contains("src=\"/app.js\""), !questionnaire, "{page}");
    }
    // The template itself is not published as a page of its own.
    assert!(!out.join(publish::QUESTIONNAIRE_TEMPLATE).exists());
    assert!(out.join("questionnaire-app.js").exists());
}

/// Every file of a built site that is not a compressed copy, as text where it is text.
fn site_texts(out: &Path) -> Vec<(PathBuf, String)> {
    let mut texts = Vec::new();
    let mut dirs = vec![out.to_owned()];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if !matches!(path.extension().and_then(|e| e.to_str()), Some("br" | "gz")) {
                let bytes = fs::read(&path).unwrap();
                texts.push((path, String::from_utf8_lossy(&bytes).into_owned()));
            }
        }
    }
    texts
}

/// A change announced, and an update dated, after the build's day are checked with the rest and
/// left out of every page, feed, calendar, export and index until a build on that day: no
/// customer reads of a change before the day it says it was announced.
#[test]
fn content_dated_after_the_build_day_is_published_from_that_day() {
    let (tmp, app, out) = workspace();
    let content = tmp.path().join("content");
    copy_dir(&example_content(), &content);
    fs::write(
        content.join("subprocessors/inkwell-sign.toml"),
        r#"name = "Inkwell Sign"
legal_entity = "Inkwell Sign GmbH"
address = "Hauptstraße 1, 10115 Berlin, Germany"
website = "https://inkwell.example"
purpose = "Electronic signatures of supplier contracts"
data_categories = ["Names", "Email addresses"]
locations = ["DE"]

[transfer]
mechanism = "eea-only"
"#,
    )
    .unwrap();
    append(
        &content.join("subprocessor-changes.toml"),
        r#"
[[change]]
id = "2026-12-inkwell-sign"
announced = 2026-11-25
effective = 2026-12-28
kind = "add"
subprocessors = ["inkwell-sign"]
summary = "Inkwell Sign will handle electronic signatures of supplier contracts."
reason = "Customers asked to sign supplier contracts in the product."
"#,
    );
    fs::write(
        content.join("updates/2026-11-26-signatures.md"),
        "+++\ntitle = \"Zanzibar signatures\"\ndate = 2026-11-26\nkind = \"announcement\"\n+++\nSoon.\n",
    )
    .unwrap();

    // On 2026-11-22 both are scheduled: warned about, and nowhere on the site.
    let report = build(&content, &app, &out).unwrap();
    let warnings = report.warnings.to_string();
    assert!(
        warnings.contains("subprocessor-changes.toml:")
            && warnings.contains(
                "change \"2026-12-inkwell-sign\" is announced on 2026-11-25, after today (2026-11-22): the site leaves it out until then"
            ),
        "{warnings}"
    );
    assert!(
        warnings.contains(
            "updates/2026-11-26-signatures.md: warning: dated 2026-11-26, after today (2026-11-22)"
        ),
        "{warnings}"
    );
    let leaked: Vec<String> = site_texts(&out)
        .into_iter()
        .filter(|(_, text)| text.contains("Inkwell") || text.contains("Zanzibar"))
        .map(|(path, _)| path.display().to_string())
        .collect();
    assert!(leaked.is_empty(), "published early in {leaked:?}");

    // From its day on, the change is on the page and in its feed; the update follows on its own.
    let on = |day: Date| {
        publish::build(&BuildOptions {
            content: content.clone(),
            app: app.clone(),
            out: out.clone(),
            today: day,
        })
        .unwrap()
    };
    on(Date::ymd(2026, 11, 25));
    let page = fs::read_to_string(out.join("subprocessors/index.html")).unwrap();
    assert!(
        page.contains("Inkwell Sign will handle"),
        "the change is announced"
    );
    assert!(fs::read_to_string(out.join("subprocessors/changes.atom"))
        .unwrap()
        .contains("Inkwell Sign"));
    assert!(!fs::read_to_string(out.join("updates/index.html"))
        .unwrap()
        .contains("Zanzibar"));
    on(Date::ymd(2026, 11, 26));
    assert!(fs::read_to_string(out.join("updates/index.html"))
        .unwrap()
        .contains("Zanzibar signatures"));
}

/// A site published under a path of its host (`https://quillfeather.example/trust/`, as on
/// GitHub Pages or behind a company site's `/trust/`): every address it writes for itself is
/// under that path, in the pages, the app's addresses, the feeds and the files for its host.
/// The build's own link check holds it to that: a link from the host's root that misses the
/// path fails the build.
#[test]
fn a_site_under_a_path_of_its_host_writes_every_address_under_that_path() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(&example_content(), &content);
    replace(
        &content.join("organization.toml"),
        r#"site_url = "https://trust.quillfeather.example""#,
        r#"site_url = "https://quillfeather.example/trust/""#,
        1,
    );
    // A path no link can be written under is refused: `//trust` reads as another host.
    let org = content.join("organization.toml");
    replace(
        &org,
        "https://quillfeather.example/trust/",
        "https://quillfeather.example//trust/",
        1,
    );
    let refused = load::load(&content, today()).unwrap_err().to_string();
    assert!(
        refused.contains("`site_url` has a path that links cannot be written under: \"//trust\""),
        "{refused}"
    );
    replace(
        &org,
        "https://quillfeather.example//trust/",
        "https://quillfeather.example/trust/",
        1,
    );
    let (_, warnings) = load::load(&content, today()).unwrap();
    assert!(
        warnings.to_string().contains(
            "the site is published under /trust/: its robots.txt and .well-known/security.txt take effect only at the host's root"
        ),
        "{warnings}"
    );
    // Trunk's template as Trunk.toml has it write the app's addresses: from the host's root.
    let app = tmp.path().join("app");
    fs::create_dir_all(&app).unwrap();
    fs::write(
        app.join("index.html"),
        format!(
            "<!DOCTYPE html><html lang=\"en\"><head><meta name=\"trust-app-module\" content=\"/app.js\"><meta name=\"trust-app-wasm\" content=\"/app_bg.wasm\">\n{HEAD_MARKER}\n</head>\n<body>{BODY_MARKER}</body></html>\n"
        ),
    )
    .unwrap();
    fs::write(app.join("app.js"), "// app").unwrap();
    fs::write(app.join("app_bg.wasm"), b"\0asm").unwrap();
    let out = tmp.path().join("dist");
    build(&content, &app, &out).unwrap_or_else(|e| panic!("{e}"));

    let addresses = Selector::parse("[href], [src], [action], meta[name^=trust-app]").unwrap();
    let mut pages = 0;
    let mut stack = vec![out.clone()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "html") {
                continue;
            }
            pages += 1;
            let html = Html::parse_document(&fs::read_to_string(&path).unwrap());
            for element in html.select(&addresses) {
                let e = element.value();
                for value in ["href", "src", "action", "content"]
                    .iter()
                    .filter_map(|a| e.attr(a))
                {
                    if value.starts_with('/') && !value.starts_with("//") {
                        assert!(value.starts_with("/trust/"), "{}: {value}", path.display());
                    }
                    assert!(
                        !value.contains("/trust/trust/"),
                        "{}: {value}",
                        path.display()
                    );
                }
            }
        }
    }
    assert!(pages > 30, "{pages} pages");
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    for expected in [
        r#"<meta name="trust-app-module" content="/trust/app.js">"#,
        r#"<link rel="canonical" href="https://quillfeather.example/trust/">"#,
        r#"href="/trust/subprocessors/changes.atom""#,
        r#"<a href="/trust/" class="brand-link">"#,
    ] {
        assert!(home.contains(expected), "{expected}");
    }
    // The island of the subprocessor history links each past day's list from its props.
    let subprocessors = fs::read_to_string(out.join("subprocessors/index.html")).unwrap();
    assert!(subprocessors.contains("&quot;/trust/subprocessors/history/"));
    // The search index links its entries under the path too.
    let index = fs::read(out.join("_search/index.bin")).unwrap();
    let index = trust_center::search::Index::from_bytes(&index).unwrap();
    assert!(index.docs().len() > 100);
    for doc in index.docs() {
        assert!(doc.url.starts_with("/trust/"), "{}", doc.url);
    }
    let sitemap = fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("<loc>https://quillfeather.example/trust/faq/</loc>"));
    let robots = fs::read_to_string(out.join("robots.txt")).unwrap();
    assert!(robots.contains("Disallow: /trust/_search/\n"), "{robots}");
    let headers = fs::read_to_string(out.join("_headers")).unwrap();
    assert!(headers.contains("\n/trust/*\n"), "{headers}");
    assert!(
        headers.contains("\n/trust/subprocessors/changes.atom\n"),
        "{headers}"
    );
    let feed = fs::read_to_string(out.join("subprocessors/changes.atom")).unwrap();
    assert!(feed.contains("https://quillfeather.example/trust/subprocessors/#"));
    // security.txt is read at the host's root, where the warning says to copy it.
    let security_txt = fs::read_to_string(out.join(".well-known/security.txt")).unwrap();
    assert!(security_txt
        .contains("\nCanonical: https://quillfeather.example/.well-known/security.txt\n"));
    assert!(security_txt.contains("\nPolicy: https://quillfeather.example/trust/disclosure/\n"));
    let nginx = fs::read_to_string(out.join("_headers.nginx.conf")).unwrap();
    assert!(nginx.contains("in the `location /trust/` block"), "{nginx}");

    // A link out of the site, even one that reaches it back by `..`, fails the build.
    let update = content.join("updates/2026-11-03-penetration-test-2026.md");
    append(&update, "\nSee [the FAQ](/../faq/).\n");
    let err = build(&content, &app, &out).unwrap_err();
    assert!(
        err.to_string()
            .contains("link to /trust/../faq/: no page or file there"),
        "{err}"
    );
    replace(&update, "\nSee [the FAQ](/../faq/).\n", "", 1);

    // A template that loads its script from the host's root misses the path: nothing of the
    // site is there, and the build says so rather than publish pages that load nothing.
    let err = build(&content, &fake_app(tmp.path()), &out).unwrap_err();
    let BuildError::BrokenLinks(broken) = &err else {
        panic!("expected broken links, got {err}")
    };
    assert_eq!(
        broken.iter().map(|b| b.target.as_str()).collect::<Vec<_>>(),
        ["/app.js"],
        "{err}"
    );
}
