//! From the content model to the data the pages render ([`SiteData`], [`PageData`]).

use crate::markdown;
use crate::model::{Contact, Model};
use crate::site::{ContactLink, Logo, PageData, Section, SiteData};

/// The header and footer data.
pub fn site_data(model: &Model) -> SiteData {
    let org = &model.organization;
    let contacts = &org.contacts;
    let contacts = [
        ("Security", Some(&contacts.security)),
        ("Privacy", contacts.privacy.as_ref()),
        ("Support", contacts.support.as_ref()),
    ]
    .into_iter()
    .filter_map(|(label, c)| c.map(|c| contact_link(label, c.get_ref())))
    .collect();
    let a = &org.address;
    SiteData {
        name: org.name.clone(),
        tagline: org
            .tagline
            .clone()
            .unwrap_or_else(|| "Trust Center".to_owned()),
        logo: org.logo.as_ref().map(|logo| Logo {
            src: format!("/{}", logo.get_ref()),
            alt: format!("{} logo", org.name),
        }),
        contacts,
        legal_line: format!(
            "{}, {}, {} {}, {}",
            org.legal_name,
            a.street,
            a.postal_code,
            a.city,
            a.country.get_ref()
        ),
    }
}

fn contact_link(label: &str, c: &Contact) -> ContactLink {
    let label = c.name.clone().unwrap_or_else(|| label.to_owned());
    match (&c.email, &c.url) {
        (Some(email), _) => ContactLink {
            label,
            text: email.get_ref().clone(),
            href: format!("mailto:{}", email.get_ref()),
        },
        (None, Some(url)) => ContactLink {
            label,
            text: url.get_ref().trim_start_matches("https://").to_owned(),
            href: url.get_ref().clone(),
        },
        // The loader rejects a contact with neither.
        (None, None) => ContactLink {
            label,
            text: String::new(),
            href: String::new(),
        },
    }
}

/// The data of one section's page.
pub fn page_data(model: &Model, site: &SiteData, section: Section) -> PageData {
    let page = model.pages.get(&section);
    let heading = page
        .and_then(|p| p.meta.title.clone())
        .unwrap_or_else(|| match section {
            Section::Overview => format!("{} Trust Center", site.name),
            other => other.nav_label().to_owned(),
        });
    let title = match section {
        Section::Overview => site.title_for(None),
        _ => site.title_for(Some(&heading)),
    };
    PageData {
        section,
        heading,
        title,
        intro_html: page
            .map(|p| markdown::to_html(&p.markdown))
            .unwrap_or_default(),
    }
}

/// The page description for search engines and link previews.
pub fn page_description(model: &Model, section: Section) -> String {
    model
        .pages
        .get(&section)
        .and_then(|p| p.meta.description.clone())
        .unwrap_or_else(|| format!("{}: {}.", model.organization.name, section.summary()))
}
