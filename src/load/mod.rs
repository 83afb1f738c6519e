//! Reads a content directory into one [`Model`], or reports every problem in it at once.
//!
//! Each content file is read and parsed here and nowhere else. Parsing is strict (unknown keys are
//! errors, so a typo never silently drops a fact); then [`check`] cross-checks the whole model, so
//! that one run reports all the mistakes in all the files, each with its file, line and column.

mod check;
mod diagnostic;
mod keys;
mod source;

use std::collections::BTreeMap;
use std::path::Path;

pub use diagnostic::{line_col, Diagnostic, Diagnostics, Severity};
pub use source::{ContentTexts, Place, Src};

use crate::model::{
    AnswersFile, CertificationsFile, ChangesFile, DataPractices, Date, Disclosure, DisclosureMeta,
    Document, DocumentMeta, Model, Organization, Page, PageMeta, SearchSettings, SecurityProgram,
    Subprocessor, Update, UpdateMeta,
};
use crate::site::Section;
use source::Sources;

/// The files and folders a content directory may hold at its top level.
pub const KNOWN_ENTRIES: &[&str] = &[
    "organization.toml",
    "certifications.toml",
    "security.toml",
    "data.toml",
    "subprocessors",
    "subprocessor-changes.toml",
    "documents",
    "disclosure.md",
    "answers",
    "updates",
    "pages",
    "assets",
    "search.toml",
];

/// Loads and validates the content directory `dir`, judging dates (expiry, notice windows)
/// against `today`.
///
/// On success the warnings (if any) come with the model; on failure every diagnostic found,
/// errors and warnings, sorted by file and position.
pub fn load(dir: &Path, today: Date) -> Result<(Model, Diagnostics), Diagnostics> {
    let mut src = Sources::new(dir);
    if !dir.is_dir() {
        src.push(
            Diagnostic::file_error(dir, "content directory not found").hint(
                "pass the directory that holds organization.toml, or create one with `trustctl new DIR`",
            ),
        );
        return Err(src.finish());
    }
    src.check_top_level(KNOWN_ENTRIES);

    let organization = src.toml::<Organization>("organization.toml", true);
    let certifications = src
        .toml::<CertificationsFile>("certifications.toml", false)
        .map(|(f, _)| f.certification)
        .unwrap_or_default();
    let security = src.toml::<SecurityProgram>("security.toml", true);
    let data = src.toml::<DataPractices>("data.toml", true);
    let subprocessors: Vec<(Src, Subprocessor)> = src
        .toml_dir::<Subprocessor>("subprocessors")
        .into_iter()
        .map(|(s, mut sp)| {
            sp.id = s.stem();
            (s, sp)
        })
        .collect();
    let changes = src
        .toml::<ChangesFile>("subprocessor-changes.toml", false)
        .map(|(f, _)| f.change)
        .unwrap_or_default();
    let documents: Vec<(Src, Document)> = src
        .markdown_dir::<DocumentMeta>("documents")
        .into_iter()
        .map(|(s, meta, markdown)| {
            let id = s.stem();
            (s, Document { id, meta, markdown })
        })
        .collect();
    let disclosure = src
        .markdown::<DisclosureMeta>("disclosure.md", true)
        .map(|(s, meta, markdown)| (s, Disclosure { meta, markdown }));
    let mut answers = Vec::new();
    for (s, file) in src.toml_dir::<AnswersFile>("answers") {
        for mut answer in file.answer {
            answer.category = file.category.clone();
            answers.push((s.clone(), answer));
        }
    }
    let mut updates: Vec<(Src, Update)> = src
        .markdown_dir::<UpdateMeta>("updates")
        .into_iter()
        .map(|(s, meta, markdown)| {
            let id = s.stem();
            (s, Update { id, meta, markdown })
        })
        .collect();
    updates.sort_by(|(_, a), (_, b)| b.meta.date.cmp(&a.meta.date).then_with(|| a.id.cmp(&b.id)));
    let search = src
        .toml::<SearchSettings>("search.toml", false)
        .map(|(f, _)| f)
        .unwrap_or_default();
    let pages = load_pages(&mut src);
    let assets = src.list_files("assets");

    let (
        Some((organization, org_src)),
        Some((security, sec_src)),
        Some((data, data_src)),
        Some((disclosure_src, disclosure)),
    ) = (organization, security, data, disclosure)
    else {
        return Err(src.finish());
    };

    let model = Model {
        organization,
        certifications,
        security,
        data,
        subprocessors: subprocessors.iter().map(|(_, s)| s.clone()).collect(),
        changes,
        documents: documents.iter().map(|(_, d)| d.clone()).collect(),
        disclosure,
        search,
        answers: answers.iter().map(|(_, a)| a.clone()).collect(),
        updates: updates.iter().map(|(_, u)| u.clone()).collect(),
        pages,
        assets,
        today,
        texts: Default::default(),
    };
    let located = check::Located {
        organization: org_src,
        security: sec_src,
        data: data_src,
        disclosure: disclosure_src,
        subprocessors: subprocessors.into_iter().map(|(s, _)| s).collect(),
        documents: documents.into_iter().map(|(s, _)| s).collect(),
        answers: answers.into_iter().map(|(s, _)| s).collect(),
        updates: updates.iter().map(|(s, _)| s.clone()).collect(),
    };
    check::check(&model, &located, &mut src);
    // Scheduled content is checked with the rest, so that it still builds on its day, and is
    // published from that day: like a blog's future posts, and so that no customer reads of a
    // change before the day it says it was announced.
    let mut model = model;
    model.changes.retain(|c| c.published_on(today));
    model.updates.retain(|u| u.published_on(today));
    // The texts of what is published, for tracing the built site back to them.
    let scheduled: Vec<&str> = updates
        .iter()
        .filter(|(_, u)| !u.published_on(today))
        .map(|(s, _)| s.file.as_str())
        .collect();
    model.texts = src.take_texts_except(&scheduled);

    let diagnostics = src.finish();
    if diagnostics.has_errors() {
        Err(diagnostics)
    } else {
        Ok((model, diagnostics))
    }
}

/// `pages/<section>.md`: optional front matter, named after the sections.
fn load_pages(src: &mut Sources) -> BTreeMap<Section, Page> {
    let mut pages = BTreeMap::new();
    for (s, meta, markdown) in src.markdown_dir_optional_front::<PageMeta>("pages") {
        let stem = s.stem();
        match Section::from_file_stem(&stem) {
            Some(section) => {
                pages.insert(section, Page { meta, markdown });
            }
            None => {
                let known: Vec<String> = Section::ALL
                    .iter()
                    .map(|s| format!("{}.md", s.file_stem()))
                    .collect();
                src.push(
                    Diagnostic::file_error(&s.file, format!("no section is called \"{stem}\""))
                        .hint(format!(
                            "pages are named after sections: {}",
                            known.join(", ")
                        )),
                );
            }
        }
    }
    pages
}
