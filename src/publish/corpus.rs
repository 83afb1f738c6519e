//! What search indexes: one entry per thing a reviewer looks for, each pointing at the anchor
//! where the site shows it. Derived from the same model and views as the pages, so a result
//! always lands on what the page says.

use crate::markdown;
use crate::model::{Access, Answer, Model};
use crate::search::SearchDoc;
use crate::site::{PageData, Section};

use super::derive::{
    certification_name, change_anchor, changes_newest_first, current_subprocessor_rows,
    disclosure_policy_sections, document_sections, framework_label, layer_id,
};

/// Every searchable entry of the site, in a stable order.
pub fn search_docs(model: &Model, pages: &[PageData]) -> Vec<SearchDoc> {
    let mut docs = Vec::new();
    let plain = markdown::plain_text;

    // The section pages themselves, for broad questions ("data residency", "documents").
    for page in pages.iter().filter(|p| p.path == p.section.path()) {
        let intro = model
            .pages
            .get(&page.section)
            .map(|p| plain(&p.markdown))
            .unwrap_or_default();
        docs.push(SearchDoc {
            url: page.path.clone(),
            section: page.section,
            title: page.heading.clone(),
            context: page.section.nav_label().to_owned(),
            keywords: Vec::new(),
            text: format!("{} {intro}", page.section.summary())
                .trim()
                .to_owned(),
        });
    }

    docs.extend(model.answers.iter().map(answer_doc));

    for layer in &model.security.layer {
        docs.push(SearchDoc {
            url: format!("/security/#{}", layer_id(layer.id.get_ref())),
            section: Section::Security,
            title: layer.title.clone(),
            context: "Security layer".into(),
            keywords: Vec::new(),
            text: plain(&layer.description),
        });
        for c in &layer.control {
            let keywords = c
                .mappings
                .iter()
                .flat_map(|(fw, refs)| {
                    let fw = framework_label(fw);
                    refs.iter().map(move |r| format!("{fw} {r}"))
                })
                .collect();
            docs.push(SearchDoc {
                url: format!("/security/#{}", c.id.get_ref()),
                section: Section::Security,
                title: c.title.clone(),
                context: layer.title.clone(),
                keywords,
                text: plain(&c.description),
            });
        }
    }

    for c in &model.certifications {
        let mut text = c.scope.clone();
        if let Some(a) = &c.auditor {
            text.push_str(&format!(" Audited by {a}."));
        }
        docs.push(SearchDoc {
            url: format!("/certifications/#{}", c.id.get_ref()),
            section: Section::Certifications,
            title: certification_name(c),
            context: "Certification".into(),
            keywords: vec![c.framework.label().to_owned()],
            text,
        });
    }

    for row in current_subprocessor_rows(model) {
        let mut keywords = row.locations.clone();
        keywords.extend(row.regions.iter().cloned());
        keywords.push(row.transfer.clone());
        docs.push(SearchDoc {
            url: format!("/subprocessors/#{}", row.id),
            section: Section::Subprocessors,
            title: row.name.clone(),
            context: "Subprocessor".into(),
            keywords,
            text: format!(
                "{} {} Data: {}.",
                row.purpose,
                row.entity,
                row.data_categories.join(", ")
            ),
        });
    }

    // Changes too: a subprocessor announced but not yet on the list is found by its change
    // (whose summary names it; a subprocessor's own entry stays first for its name).
    for c in changes_newest_first(model) {
        docs.push(SearchDoc {
            url: format!("/subprocessors/#{}", change_anchor(c.id.get_ref())),
            section: Section::Subprocessors,
            title: c.summary.clone(),
            context: format!("Subprocessor change, effective {}", c.effective.get_ref()),
            keywords: Vec::new(),
            text: plain(&c.reason),
        });
    }

    for d in &model.documents {
        let public = d.meta.access == Access::Public && !d.markdown.trim().is_empty();
        let page = format!("/documents/{}/", d.id);
        docs.push(SearchDoc {
            url: if public {
                page.clone()
            } else {
                format!("/documents/#{}", d.id)
            },
            section: Section::Documents,
            title: d.meta.title.clone(),
            context: if public {
                "Document".into()
            } else {
                "Document, on request".into()
            },
            keywords: Vec::new(),
            text: d.meta.summary.clone(),
        });
        if public {
            for s in document_sections(model, d) {
                let Some(id) = s.id else { continue };
                docs.push(SearchDoc {
                    url: format!("{page}#{id}"),
                    section: Section::Documents,
                    title: s.heading,
                    context: d.meta.title.clone(),
                    keywords: Vec::new(),
                    text: s.text,
                });
            }
        }
    }

    for s in disclosure_policy_sections(model) {
        let Some(id) = s.id else { continue };
        docs.push(SearchDoc {
            url: format!("/disclosure/#{id}"),
            section: Section::Disclosure,
            title: s.heading,
            context: "Vulnerability disclosure".into(),
            keywords: Vec::new(),
            text: s.text,
        });
    }

    for u in &model.updates {
        docs.push(SearchDoc {
            url: format!("/updates/#{}", u.id),
            section: Section::Updates,
            title: u.meta.title.clone(),
            context: format!("Update, {}", u.meta.date),
            keywords: Vec::new(),
            text: plain(&u.markdown),
        });
    }
    docs
}

/// The search entry of an answer: the site index and the questionnaire library both use it.
pub fn answer_doc(a: &Answer) -> SearchDoc {
    let mut keywords = a.tags.clone();
    keywords.extend(a.mappings.values().flatten().cloned());
    SearchDoc {
        url: format!("/faq/#{}", a.id.get_ref()),
        section: Section::Faq,
        title: a.question.clone(),
        context: a.category.clone(),
        keywords,
        text: markdown::plain_text(&a.answer),
    }
}
