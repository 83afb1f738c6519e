//! What search indexes: one entry per thing a reviewer looks for, each pointing at the anchor
//! where the site shows it. Derived from the same model and views as the pages, so a result
//! always lands on what the page says.
//!
//! Besides the content's own items (answers, controls, subprocessors, document sections), every
//! section a page's view writes under a heading of its own ("Retention", "Hall of fame", the
//! technical and organisational measures) is an entry, found by that heading and what it lists:
//! those sections hold facts no content item repeats, and a visitor lands on their anchors.

use scraper::{Html, Node};

use crate::markdown;
use crate::model::{Access, Answer, Model};
use crate::search::SearchDoc;
use crate::site::{Fact, PageBody, PageData, Section};

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

    // Last, so that where an older entry scores the same it keeps its place.
    for page in pages {
        docs.extend(view_sections(page));
    }
    docs
}

/// The sections a page's view writes around the content, each under a heading with an anchor,
/// from the data the view renders them from.
///
/// The headings are the views' own words (`src/ui/pages/`), repeated here: `tests/search.rs`
/// renders every page and checks that each of its headings with an anchor has an entry of that
/// title at that anchor, so a section added to a view, or a heading reworded, fails there until
/// it is indexed here. Sections that only repeat entries indexed where they belong (the
/// overview's certifications and latest updates, the open changes, the DPA's generated annexes)
/// have none: a query would find each item twice.
fn view_sections(page: &PageData) -> Vec<SearchDoc> {
    let mut docs = Vec::new();
    let mut add = |anchor: &str, title: &str, context: &str, text: String| {
        docs.push(SearchDoc {
            url: format!("{}#{anchor}", page.path),
            section: page.section,
            title: title.to_owned(),
            context: context.to_owned(),
            keywords: Vec::new(),
            text,
        });
    };
    let here = page.heading.as_str();
    match &page.body {
        PageBody::Overview(o) => add("glance", "At a glance", here, facts(&o.commitments)),
        PageBody::Security(s) => {
            // A section whose parts are entries (the layers and controls above, the measure
            // groups, the program's parts) is found by its heading alone: with its parts' words
            // it would come up beside each of them, for the same words, at the same place.
            add(
                "controls-heading",
                "Layers and controls",
                here,
                String::new(),
            );
            const MEASURES: &str = "Technical and organisational measures";
            add("measures", MEASURES, here, String::new());
            for g in &s.measures {
                add(&g.id, &g.title, MEASURES, g.items.join(" "));
            }
            // Its parts have no anchors of their own: each lands on the section, and is found
            // by its own heading ("Breach notification") rather than as a line of the whole.
            const PROGRAM: &str = "How the program runs";
            add("program", PROGRAM, here, String::new());
            for (title, html) in &s.program {
                add("program", title, PROGRAM, html_text(html));
            }
        }
        // The changes themselves are entries; the section is where they are followed from.
        PageBody::Subprocessors(s) => add(
            "changes",
            "Change history",
            here,
            format!(
                "Every change is announced before it takes effect, and customers may object \
                 until the day before. Follow or download: {} Earlier versions of the list.",
                list(s.follow.iter().map(|l| l.text.as_str()))
            ),
        ),
        PageBody::DataPrivacy(d) => {
            const REGIONS: &str = "Where data is stored";
            add("regions", REGIONS, here, String::new());
            for r in &d.regions {
                add(&r.id, &r.name, REGIONS, facts(&r.facts));
            }
            add(
                "isolation",
                "Customer data isolation",
                here,
                html_text(&d.isolation_html),
            );
            add(
                "roles",
                "Our roles",
                here,
                d.roles
                    .iter()
                    .map(|(role, html)| format!("{role}: {}", html_text(html)))
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            add(
                "categories",
                "Personal data we process for customers",
                here,
                format!(
                    "Categories of data: {} Categories of data subjects: {}",
                    list(&d.personal_data),
                    list(&d.data_subjects),
                ),
            );
            add(
                "retention",
                "Retention",
                here,
                d.retention
                    .iter()
                    .map(|[data, period, reason]| format!("{data}: {period}. {reason}."))
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            add(
                "deletion",
                "Deletion at the end of a contract",
                here,
                html_text(&d.deletion_html),
            );
            add("rights", "Your rights", here, html_text(&d.rights_html));
            add(
                "cookies",
                "Cookies and analytics",
                here,
                html_text(&d.cookies_html),
            );
        }
        PageBody::Disclosure(d) => {
            let mut report = list(d.contacts.iter().map(|c| c.text.as_str()));
            if let Some(key) = &d.key {
                report.push_str(&format!(
                    " Encrypt sensitive details with our {}.",
                    key.text
                ));
            }
            report.push_str(&format!(" Preferred languages: {}", d.languages));
            add("report", "How to report", here, report);
            add(
                "scope",
                "Scope",
                here,
                format!(
                    "In scope: {} Out of scope: {}",
                    list(&d.in_scope),
                    list(&d.out_of_scope),
                ),
            );
            add("timeline", "What to expect", here, facts(&d.timeline));
            // The policy's own sections are entries already (`disclosure_policy_sections`).
            add("policy", "Policy", here, String::new());
            if let Some(html) = &d.rewards_html {
                add("rewards", "Rewards", here, html_text(html));
            }
            if !d.hall_of_fame.is_empty() {
                add("hall-of-fame", "Hall of fame", here, facts(&d.hall_of_fame));
            }
        }
        // A category by its name; its answers are entries of their own, and listing their
        // questions here would make the category match nearly every question asked.
        PageBody::Faq(f) => {
            for c in &f.categories {
                add(&c.id, &c.name, here, String::new());
            }
        }
        PageBody::Certifications(_)
        | PageBody::Documents(_)
        | PageBody::Document(_)
        | PageBody::Updates(_) => {}
    }
    docs
}

/// Items as one text, each ending a sentence, so that no two run together into a phrase.
fn list<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    items
        .into_iter()
        .map(|i| {
            let i = i.as_ref().trim();
            if i.ends_with(['.', '!', '?', ':']) {
                i.to_owned()
            } else {
                format!("{i}.")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Facts as the page shows them: "Acknowledgement: within 2 days."
fn facts(facts: &[Fact]) -> String {
    list(facts.iter().map(|f| format!("{}: {}", f.label, f.value)))
}

/// The words an HTML text of a page shows (rendered Markdown, a sentence the generator wrote).
fn html_text(html: &str) -> String {
    let fragment = Html::parse_fragment(html);
    let mut text = String::new();
    for node in fragment.tree.root().descendants() {
        match node.value() {
            Node::Text(t) => text.push_str(t),
            // Words on either side of a block's edge ("…</li><li>…") are two words, not one.
            Node::Element(e) if !INLINE.contains(&e.name()) => text.push(' '),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Elements that sit inside a line of text: no word ends at their edges.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "cite", "code", "em", "i", "kbd", "mark", "q", "s", "small", "span",
    "strong", "sub", "sup", "time", "u",
];

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
