//! From the content model to what the pages show ([`SiteData`], [`PageData`]): every label,
//! date, link and rendered Markdown is decided here, once, for the pre-render and the app alike.

use std::collections::{BTreeMap, HashMap};

use super::feeds;
use crate::markdown::{self, PageIds};
use crate::model::{
    Access, Certification, ChangeKind, Contact, DocumentKind, Framework, Mechanism, Model, Roster,
    ShortAnswer, Status, Subprocessor, UpdateKind,
};
use crate::site::{plural, Countdown, DaysTo, History, Snapshot, EXPIRY_NOTICE_DAYS};
use crate::site::{
    Annex, AnswerView, Badge, CertificationBadge, CertificationCard, Certifications, ChangeItem,
    ChangeNotice, ContactLink, ControlView, DataPrivacy, Disclosure, DocumentPage, DocumentPart,
    DocumentRow, Documents, Download, Fact, Faq, FaqCategory, LayerView, Link, Logo, Mapping,
    MeasureGroup, Objection, Overview, PageBody, PageData, RegionView, Section, Security, SiteData,
    SubprocessorRow, Subprocessors, Tone, UpdateItem, Updates,
};

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
            src: org.href(&format!("/{}", logo.get_ref())),
            alt: format!("{} logo", org.name),
        }),
        contacts,
        legal_line: format!(
            "{}, {}, {} {}, {}",
            org.legal_name,
            a.street,
            a.postal_code,
            a.city,
            country_name(a.country.get_ref())
        ),
        url: org.site_url.get_ref().trim_end_matches('/').to_owned(),
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

/// Every page of the site: the sections, then one page per document with a text.
pub fn pages(model: &Model, site: &SiteData) -> Vec<PageData> {
    let mut pages: Vec<PageData> = Section::ALL
        .into_iter()
        .map(|s| section_page(model, site, s))
        .collect();
    for doc in model
        .documents
        .iter()
        .filter(|d| !d.markdown.trim().is_empty())
    {
        pages.push(document_page(model, site, doc));
    }
    pages
}

fn section_page(model: &Model, site: &SiteData, section: Section) -> PageData {
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
    // Each body holds back its content's ids and renders its texts first; the introduction comes
    // last, so the page's main text keeps its natural ids (the search index links to them).
    let mut ids = PageIds::new(crate::ui::page_ids(section)).under(model.organization.base_path());
    let (body, updated) = match section {
        Section::Overview => overview(model, &mut ids),
        Section::Certifications => certifications(model, &mut ids),
        Section::Security => security(model, &mut ids),
        Section::Subprocessors => subprocessors(model, &mut ids),
        Section::DataPrivacy => data_privacy(model, &mut ids),
        Section::Documents => documents(model, &mut ids),
        Section::Disclosure => disclosure(model, &mut ids),
        Section::Faq => faq(model, &mut ids),
        Section::Updates => updates(model, &mut ids),
    };
    PageData {
        path: section.path(),
        section,
        heading,
        title,
        intro_html: page.map(|p| ids.html(&p.markdown)).unwrap_or_default(),
        updated: updated
            .into_iter()
            .chain(page.and_then(|p| p.meta.updated))
            .max()
            .map(|d| d.to_string()),
        body,
    }
}

/// The page description for search engines and link previews.
pub fn page_description(model: &Model, page: &PageData) -> String {
    if let PageBody::Document(_) = page.body {
        if let Some(doc) = model
            .documents
            .iter()
            .find(|d| format!("/documents/{}/", d.id) == page.path)
        {
            return doc.meta.summary.clone();
        }
    }
    model
        .pages
        .get(&page.section)
        .and_then(|p| p.meta.description.clone())
        .unwrap_or_else(|| format!("{}: {}.", model.organization.name, page.section.summary()))
}

fn latest<I: IntoIterator<Item = crate::model::Date>>(dates: I) -> Option<crate::model::Date> {
    dates.into_iter().max()
}

// ---- overview -------------------------------------------------------------------------------

fn overview(model: &Model, ids: &mut PageIds) -> (PageBody, Option<crate::model::Date>) {
    let certifications = model
        .certifications
        .iter()
        .filter(|c| *c.status.get_ref() != Status::Expired)
        .map(|c| CertificationBadge {
            name: certification_name(c),
            status: certification_status(model, c).0,
            href: model
                .organization
                .href(&format!("/certifications/#{}", c.id.get_ref())),
        })
        .collect();
    let mut commitments = Vec::new();
    if !model.data.region.is_empty() {
        let regions: Vec<String> = model.data.region.iter().map(|r| r.name.clone()).collect();
        commitments.push(Fact {
            label: "Data residency".into(),
            value: format!(
                "Hosted in {}, as the customer chooses",
                regions.join(" or ")
            ),
        });
    }
    let encryption: Vec<&str> = model
        .security
        .layer
        .iter()
        .flat_map(|l| &l.control)
        .filter(|c| c.id.get_ref().starts_with("encryption"))
        .map(|c| c.title.as_str())
        .collect();
    if !encryption.is_empty() {
        commitments.push(Fact {
            label: "Encryption".into(),
            value: encryption.join("; "),
        });
    }
    commitments.push(Fact {
        label: "Breach notification".into(),
        value: format!(
            "Within {} of becoming aware",
            plural(
                i64::from(model.security.program.breach_notification_hours),
                "hour"
            )
        ),
    });
    commitments.push(Fact {
        label: "Deletion".into(),
        value: format!(
            "Customer data deleted within {} of the end of the contract",
            plural(i64::from(model.data.deletion_days), "day")
        ),
    });
    if let Some(notice) = model.subprocessor_notice() {
        commitments.push(Fact {
            label: "Subprocessor changes".into(),
            value: format!(
                "Announced {} in advance, with a right to object",
                plural(i64::from(*notice.notice_days.get_ref()), "day")
            ),
        });
    }
    let latest_updates = model
        .updates
        .iter()
        .take(3)
        .map(|u| update_item(u, ids))
        .collect();
    let updated = latest(model.updates.iter().map(|u| u.meta.date));
    (
        PageBody::Overview(Overview {
            certifications,
            commitments,
            open_changes: open_changes(model),
            latest_updates,
        }),
        updated,
    )
}

fn open_changes(model: &Model) -> Vec<ChangeNotice> {
    let mut open: Vec<ChangeNotice> = model
        .changes
        .iter()
        .filter(|c| c.open_on(model.today))
        .map(|c| ChangeNotice {
            id: c.id.get_ref().clone(),
            summary: c.summary.clone(),
            deadline: objection_deadline(model, c),
            href: model.organization.href(&format!(
                "/subprocessors/#{}",
                change_anchor(c.id.get_ref())
            )),
        })
        .collect();
    open.sort_by(|a, b| a.deadline.date.cmp(&b.deadline.date));
    open
}

/// The last day to object to `c`, counted from the build's day.
fn objection_deadline(model: &Model, c: &crate::model::Change) -> DaysTo {
    let deadline = c.objection_deadline();
    DaysTo {
        kind: Countdown::ObjectionDeadline,
        date: deadline.to_string(),
        days: model.today.days_until(deadline),
    }
}

// ---- certifications -------------------------------------------------------------------------

pub(super) fn certification_name(c: &Certification) -> String {
    c.name
        .clone()
        .unwrap_or_else(|| c.framework.label().to_owned())
}

/// The badge and, when close to or past expiry, a warning.
fn certification_status(model: &Model, c: &Certification) -> (Badge, Option<String>) {
    let until = c.valid_until.as_ref().map(|u| *u.get_ref());
    match (c.status.get_ref(), until) {
        // An active certificate's badge counts to its expiry even while it reads "Active": a
        // page read long after its build then shows it expiring, and expired (`DaysTo::words`).
        (Status::Active, Some(until)) => {
            let days = model.today.days_until(until);
            let near = days <= EXPIRY_NOTICE_DAYS;
            let badge = Badge::counting(
                DaysTo {
                    kind: Countdown::Expiry,
                    date: until.to_string(),
                    days,
                },
                if near { Tone::Warn } else { Tone::Good },
            );
            (
                badge,
                near.then(|| format!("Expires on {until}; renewal is under way.")),
            )
        }
        (Status::Active, None) => (Badge::new("Active", Tone::Good), None),
        (Status::InProgress, ..) => (Badge::new("In progress", Tone::Warn), None),
        (Status::Planned, ..) => (Badge::new("Planned", Tone::Neutral), None),
        (Status::Expired, ..) => (
            Badge::new("Expired", Tone::Bad),
            until.map(|u| format!("Expired on {u}.")),
        ),
    }
}

fn document_link(model: &Model, id: &str) -> Option<Link> {
    model.documents.iter().find(|d| d.id == id).map(|d| Link {
        text: d.meta.title.clone(),
        href: model.organization.href(&format!("/documents/#{}", d.id)),
    })
}

fn certifications(model: &Model, ids: &mut PageIds) -> (PageBody, Option<crate::model::Date>) {
    for c in &model.certifications {
        ids.reserve(c.id.get_ref().clone());
        ids.reserve(crate::ui::certification_name_id(c.id.get_ref()));
    }
    let items = model
        .certifications
        .iter()
        .map(|c| {
            let (status, warning) = certification_status(model, c);
            let mut facts = Vec::new();
            if let Some(a) = &c.auditor {
                facts.push(Fact {
                    label: if c.framework == Framework::EuUsDpf {
                        "Registry"
                    } else {
                        "Auditor"
                    }
                    .into(),
                    value: a.clone(),
                });
            }
            if let Some(p) = &c.report_period {
                facts.push(Fact {
                    label: "Report period".into(),
                    value: format!("{} to {}", p.from, p.to.get_ref()),
                });
            }
            match (&c.valid_from, &c.valid_until) {
                (Some(f), Some(u)) => facts.push(Fact {
                    label: "Valid".into(),
                    value: format!("{} to {}", f.get_ref(), u.get_ref()),
                }),
                (None, Some(u)) => facts.push(Fact {
                    label: "Valid until".into(),
                    value: u.get_ref().to_string(),
                }),
                (Some(f), None) => facts.push(Fact {
                    label: "Valid from".into(),
                    value: f.get_ref().to_string(),
                }),
                (None, None) => {}
            }
            if let Some(n) = &c.certificate_number {
                facts.push(Fact {
                    label: "Certificate".into(),
                    value: n.clone(),
                });
            }
            if let Some(e) = &c.expected {
                facts.push(Fact {
                    label: "Expected".into(),
                    value: e.clone(),
                });
            }
            CertificationCard {
                id: c.id.get_ref().clone(),
                name: certification_name(c),
                status,
                warning,
                scope: c.scope.clone(),
                facts,
                verification: c.verification_url.as_ref().map(|u| Link {
                    text: "Verify in the registry".into(),
                    href: u.get_ref().clone(),
                }),
                documents: c
                    .documents
                    .iter()
                    .filter_map(|d| document_link(model, d.get_ref()))
                    .collect(),
            }
        })
        .collect();
    // A new report (a SOC 2 report has no validity of its own) changes the page as much as a
    // new certificate does.
    let reports = model
        .certifications
        .iter()
        .flat_map(|c| &c.documents)
        .filter_map(|id| model.documents.iter().find(|d| d.id == *id.get_ref()))
        .map(|d| d.meta.date);
    let updated = latest(
        model
            .certifications
            .iter()
            .filter_map(|c| c.valid_from.as_ref().map(|d| *d.get_ref()))
            .chain(reports),
    );
    (PageBody::Certifications(Certifications { items }), updated)
}

// ---- security -------------------------------------------------------------------------------

/// How framework keys of control mappings read.
pub(super) fn framework_label(key: &str) -> String {
    match key {
        "iso27001" => "ISO 27001".into(),
        "iso27017" => "ISO 27017".into(),
        "iso27018" => "ISO 27018".into(),
        "iso27701" => "ISO 27701".into(),
        "soc2" => "SOC 2".into(),
        "ccm" => "CSA CCM".into(),
        "pci" | "pcidss" | "pci-dss" => "PCI DSS".into(),
        "nist" | "nist-csf" => "NIST CSF".into(),
        "c5" => "BSI C5".into(),
        other => other.to_uppercase(),
    }
}

fn measure_groups(model: &Model) -> Vec<MeasureGroup> {
    let m = &model.security.measures;
    [
        (
            "physical-access",
            "Physical access control",
            &m.physical_access,
        ),
        ("system-access", "System access control", &m.system_access),
        ("data-access", "Data access control", &m.data_access),
        ("transmission", "Transmission control", &m.transmission),
        ("input", "Input control", &m.input),
        ("availability", "Availability and backups", &m.availability),
        ("separation", "Separation", &m.separation),
    ]
    .into_iter()
    .map(|(id, title, items)| MeasureGroup {
        id: format!("measures-{id}"),
        title: title.into(),
        items: items.clone(),
    })
    .collect()
}

/// The id of a layer's section on the security page.
pub(super) fn layer_id(layer: &str) -> String {
    format!("layer-{layer}")
}

fn security(model: &Model, ids: &mut PageIds) -> (PageBody, Option<crate::model::Date>) {
    let measures = measure_groups(model);
    for g in &measures {
        ids.reserve(g.id.clone());
    }
    for l in &model.security.layer {
        ids.reserve(layer_id(l.id.get_ref()));
        for c in &l.control {
            ids.reserve(c.id.get_ref().clone());
        }
    }
    let mut frameworks = BTreeMap::new();
    let layers = model
        .security
        .layer
        .iter()
        .map(|l| LayerView {
            id: layer_id(l.id.get_ref()),
            title: l.title.clone(),
            description_html: ids.html(&l.description),
            controls: l
                .control
                .iter()
                .map(|c| ControlView {
                    id: c.id.get_ref().clone(),
                    title: c.title.clone(),
                    description_html: ids.html(&c.description),
                    mappings: c
                        .mappings
                        .iter()
                        .flat_map(|(fw, ids)| {
                            frameworks.insert(fw.clone(), framework_label(fw));
                            ids.iter().map(move |id| Mapping {
                                framework: fw.clone(),
                                id: id.clone(),
                                label: format!("{} {id}", framework_label(fw)),
                            })
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    let p = &model.security.program;
    let program = vec![
        ("Incident response".to_owned(), ids.html(&p.incident_response)),
        (
            "Breach notification".to_owned(),
            ids.html(&format!(
                "We notify affected customers of a personal data breach without undue delay and within **{}** of becoming aware of it.",
                plural(i64::from(p.breach_notification_hours), "hour")
            )),
        ),
        ("Change management".to_owned(), ids.html(&p.change_management)),
        ("Training".to_owned(), ids.html(&p.training)),
        ("Supplier management".to_owned(), ids.html(&p.supplier_management)),
        ("Privacy impact assessments".to_owned(), ids.html(&p.privacy_impact_assessments)),
        ("Audits".to_owned(), ids.html(&p.audit_cadence)),
    ];
    (
        PageBody::Security(Security {
            layers,
            frameworks: frameworks.into_iter().collect(),
            measures,
            program,
        }),
        None,
    )
}

// ---- subprocessors --------------------------------------------------------------------------

fn country_name(code: &str) -> String {
    match code {
        // ISO's long forms read oddly in a table.
        "GB" => "United Kingdom".into(),
        "US" => "United States".into(),
        "NL" => "Netherlands".into(),
        _ => isocountry::CountryCode::for_alpha2(code)
            .map(|c| c.name().to_owned())
            .unwrap_or_else(|_| code.to_owned()),
    }
}

/// The subprocessors on the list on `day`, by name, each with the first day of its stay there
/// (see [`crate::model::Roster`]).
pub fn subprocessors_on(
    model: &Model,
    day: crate::model::Date,
) -> Vec<(&Subprocessor, crate::model::Date)> {
    listed_on(model, &model.roster(), day)
}

fn listed_on<'a>(
    model: &'a Model,
    roster: &Roster,
    day: crate::model::Date,
) -> Vec<(&'a Subprocessor, crate::model::Date)> {
    let mut list: Vec<(&Subprocessor, crate::model::Date)> = model
        .subprocessors
        .iter()
        .filter_map(|s| Some((s, roster.stay_on(&s.id, day)?.from)))
        .collect();
    list.sort_by_key(|(s, _)| s.name.to_lowercase());
    list
}

fn subprocessor_row(s: &Subprocessor, since: crate::model::Date) -> SubprocessorRow {
    let transfer = match &s.transfer {
        Some(t) => {
            let t = t.get_ref();
            match (t.mechanism, t.module.as_ref().map(|m| *m.get_ref())) {
                (Mechanism::Scc, Some(m)) => format!("{} (module {m})", Mechanism::Scc.label()),
                (m, _) => m.label().to_owned(),
            }
        }
        None => Mechanism::EeaOnly.label().to_owned(),
    };
    SubprocessorRow {
        id: s.id.clone(),
        name: s.name.clone(),
        entity: format!("{}, {}", s.legal_entity, s.address),
        contact: s.contact.as_ref().map(|c| c.get_ref().clone()),
        website: s.website.get_ref().clone(),
        purpose: s.purpose.clone(),
        locations: s
            .locations
            .iter()
            .map(|l| country_name(l.get_ref()))
            .collect(),
        transfer,
        dpa_url: s.dpa_url.as_ref().map(|u| u.get_ref().clone()),
        since: since.to_string(),
        regions: s.regions.iter().map(|r| r.get_ref().clone()).collect(),
        data_categories: s.data_categories.clone(),
    }
}

/// The current subprocessor rows, shared by the Subprocessors page and the DPA's annex.
pub fn current_subprocessor_rows(model: &Model) -> Vec<SubprocessorRow> {
    subprocessors_on(model, model.today)
        .into_iter()
        .map(|(s, since)| subprocessor_row(s, since))
        .collect()
}

/// The list as it stood on each day it changed, up to today, oldest first: the list on any past
/// day is the snapshot of the latest such day on or before it.
pub fn subprocessor_snapshots(model: &Model) -> Vec<(crate::model::Date, Vec<SubprocessorRow>)> {
    let roster = model.roster();
    let mut days: Vec<crate::model::Date> = model
        .subprocessors
        .iter()
        .filter_map(|s| s.since.as_ref().map(|d| *d.get_ref()))
        .chain(model.changes.iter().map(|c| *c.effective.get_ref()))
        .filter(|d| *d <= model.today)
        .collect();
    days.sort();
    days.dedup();
    days.into_iter()
        .map(|day| {
            let rows = listed_on(model, &roster, day)
                .into_iter()
                .map(|(s, since)| subprocessor_row(s, since))
                .collect();
            (day, rows)
        })
        .collect()
}

/// Where the list as it stood on `day` is exported.
pub fn snapshot_path(day: &str, ext: &str) -> String {
    format!("/subprocessors/history/{day}.{ext}")
}

fn subprocessors(model: &Model, ids: &mut PageIds) -> (PageBody, Option<crate::model::Date>) {
    let rows = current_subprocessor_rows(model);
    let snapshots = subprocessor_snapshots(model);
    // The list last changed on the newest day its history has a version for.
    let last = snapshots.last().map(|(day, _)| *day);
    let history = history(model, &rows, snapshots);
    reserve_subprocessors_ids(model, &rows, &history.former, ids);
    let body = Subprocessors {
        rows,
        last_updated: last.map(|d| d.to_string()).unwrap_or_default(),
        regions: model
            .data
            .region
            .iter()
            .map(|r| (r.id.get_ref().clone(), r.name.clone()))
            .collect(),
        open_changes: open_changes(model),
        changes: change_items(model, ids),
        follow: links(
            model,
            &[
                ("Atom feed", feeds::CHANGES_ATOM),
                ("RSS", feeds::CHANGES_RSS),
                ("JSON Feed", feeds::CHANGES_JSON),
                ("Calendar (iCal)", feeds::CHANGES_ICS),
                ("List as CSV", feeds::SUBPROCESSORS_CSV),
                ("List as JSON", feeds::SUBPROCESSORS_JSON),
            ],
        ),
        subscribe: subscribe(model),
        history,
    };
    // The page changed when its list did, and when it announced a change to come.
    let updated = latest(
        model
            .changes
            .iter()
            .map(|c| *c.announced.get_ref())
            .chain(last),
    );
    (PageBody::Subprocessors(body), updated)
}

/// The page's view of the past lists: each snapshot as positions among today's rows
/// (`current`) and the rows only past lists had, so that the app can show any past day.
fn history(
    model: &Model,
    current: &[SubprocessorRow],
    snapshots: Vec<(crate::model::Date, Vec<SubprocessorRow>)>,
) -> History {
    let today = model.today;
    // A row is its subprocessor in one stay: the same id with another `since` is another row.
    let mut at: HashMap<(String, String), usize> = current
        .iter()
        .enumerate()
        .map(|(i, r)| ((r.id.clone(), r.since.clone()), i))
        .collect();
    let mut former: Vec<SubprocessorRow> = Vec::new();
    let snapshots = snapshots
        .into_iter()
        .map(|(day, rows)| {
            let date = day.to_string();
            Snapshot {
                csv: model.organization.href(&snapshot_path(&date, "csv")),
                json: model.organization.href(&snapshot_path(&date, "json")),
                rows: rows
                    .into_iter()
                    .map(|row| {
                        *at.entry((row.id.clone(), row.since.clone()))
                            .or_insert_with(|| {
                                former.push(row);
                                current.len() + former.len() - 1
                            })
                    })
                    .collect(),
                date,
            }
        })
        .collect();
    History {
        snapshots,
        former,
        until: today.to_string(),
    }
}

/// Links to site paths (`list`: text, path), as the site's pages write them.
fn links(model: &Model, list: &[(&str, &str)]) -> Vec<Link> {
    list.iter()
        .map(|(text, path)| Link {
            text: (*text).to_owned(),
            href: model.organization.href(path),
        })
        .collect()
}

/// The changes as the page, feeds and calendar list them: latest effective date first.
pub(super) fn changes_newest_first(model: &Model) -> Vec<&crate::model::Change> {
    let mut changes: Vec<&crate::model::Change> = model.changes.iter().collect();
    changes.sort_by(|a, b| {
        b.effective
            .get_ref()
            .cmp(a.effective.get_ref())
            .then_with(|| a.id.get_ref().cmp(b.id.get_ref()))
    });
    changes
}

/// Holds back the subprocessors page's content ids: its rows (today's, and the former ones the
/// app shows for past days) and its changes' entries.
fn reserve_subprocessors_ids(
    model: &Model,
    rows: &[SubprocessorRow],
    former: &[SubprocessorRow],
    ids: &mut PageIds,
) {
    for row in rows.iter().chain(former) {
        ids.reserve(row.id.clone());
    }
    for c in &model.changes {
        ids.reserve(change_anchor(c.id.get_ref()));
    }
}

fn change_items(model: &Model, ids: &mut PageIds) -> Vec<ChangeItem> {
    changes_newest_first(model)
        .into_iter()
        .map(|c| change_item(model, c, ids))
        .collect()
}

/// The id of a change's entry on the subprocessors page.
pub(super) fn change_anchor(change: &str) -> String {
    format!("change-{change}")
}

/// One change as the page, its feeds and its objection link present it; its reason is rendered
/// through the ids of the page it is shown on.
fn change_item(model: &Model, c: &crate::model::Change, ids: &mut PageIds) -> ChangeItem {
    let name = |id: &str| {
        model
            .subprocessors
            .iter()
            .find(|s| s.id == id)
            .map_or(id.to_owned(), |s| s.name.clone())
    };
    ChangeItem {
        anchor: change_anchor(c.id.get_ref()),
        id: c.id.get_ref().clone(),
        kind: match c.kind.get_ref() {
            ChangeKind::Add => "New subprocessor",
            ChangeKind::Replace => "Replacement",
            ChangeKind::Remove => "Removal",
            ChangeKind::Location => "New location",
            ChangeKind::Purpose => "New purpose",
            ChangeKind::DataCategories => "New data categories",
        }
        .to_owned(),
        summary: c.summary.clone(),
        subprocessors: c
            .subprocessors
            .iter()
            .chain(c.replaces.iter())
            .map(|s| name(s.get_ref()))
            .collect(),
        announced: c.announced.get_ref().to_string(),
        effective: c.effective.get_ref().to_string(),
        reason_html: ids.html(&c.reason),
        objection: c.open_on(model.today).then(|| Objection {
            deadline: objection_deadline(model, c),
            mailto: objection_mailto(model, c),
        }),
        incoming: incoming(model, c),
    }
}

/// The subprocessors a change not yet in effect adds to the list (an addition's, a
/// replacement's new one), as the list will show them from its day.
pub(super) fn incoming(model: &Model, c: &crate::model::Change) -> Vec<SubprocessorRow> {
    let effective = *c.effective.get_ref();
    if effective <= model.today
        || !matches!(c.kind.get_ref(), ChangeKind::Add | ChangeKind::Replace)
    {
        return Vec::new();
    }
    c.subprocessors
        .iter()
        .filter_map(|id| model.subprocessors.iter().find(|s| s.id == *id.get_ref()))
        .map(|s| subprocessor_row(s, effective))
        .collect()
}

/// The sign-up form's endpoint, and an email to ask by (to the privacy contact, or else where
/// objections go).
fn subscribe(model: &Model) -> crate::site::Subscribe {
    use crate::model::{SubscribeEncoding, SubscribeMethod};
    let org = &model.organization;
    let endpoint = org
        .subscribe
        .as_ref()
        .map(|s| crate::site::SubscribeEndpoint {
            url: s.url.get_ref().clone(),
            method: match s.method {
                SubscribeMethod::Post => "POST",
                SubscribeMethod::Put => "PUT",
            }
            .into(),
            json: s.encoding == SubscribeEncoding::Json,
            email_field: s.email_field.clone(),
            company_field: s.company_field.clone(),
            extra: s
                .extra
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            timeout_ms: s.timeout_seconds.saturating_mul(1000),
        });
    let to = org
        .contacts
        .privacy
        .as_ref()
        .and_then(|c| c.get_ref().email.as_ref().map(|e| e.get_ref().clone()))
        .or_else(|| {
            model
                .subprocessor_notice()
                .map(|n| n.objection_email.get_ref().clone())
        });
    let mailto = to.map(|to| {
        mailto(
            &to,
            &format!("Subscribe to subprocessor change notices ({})", org.name),
            "Please notify this address of subprocessor changes.\n\nCompany:\nName:\n",
        )
    });
    crate::site::Subscribe { endpoint, mailto }
}

/// A prefilled email objecting to a change: it names the change so that the objection cannot be
/// misread, and leaves the customer's details to fill in.
fn objection_mailto(model: &Model, c: &crate::model::Change) -> Option<String> {
    let to = model.subprocessor_notice()?.objection_email.get_ref();
    let id = c.id.get_ref();
    let subject = format!("Objection to subprocessor change {id}");
    let body = format!(
        "We object to the subprocessor change {id} announced on {} (\"{}\"), effective {}.\n\n\
         Customer (legal entity):\nAccount or contract number:\nContact:\nReasons:\n",
        c.announced.get_ref(),
        c.summary,
        c.effective.get_ref(),
    );
    Some(mailto(to, &subject, &body))
}

// ---- data & privacy -------------------------------------------------------------------------

/// The id of a region's card on the data and privacy page.
fn region_id(region: &str) -> String {
    format!("region-{region}")
}

fn data_privacy(model: &Model, ids: &mut PageIds) -> (PageBody, Option<crate::model::Date>) {
    let d = &model.data;
    for r in &d.region {
        ids.reserve(region_id(r.id.get_ref()));
    }
    let provider = |id: &str| {
        model
            .subprocessors
            .iter()
            .find(|s| s.id == id)
            .map_or(id.to_owned(), |s| s.name.clone())
    };
    let body = DataPrivacy {
        regions: d
            .region
            .iter()
            .map(|r| RegionView {
                id: region_id(r.id.get_ref()),
                name: r.name.clone(),
                facts: vec![
                    Fact {
                        label: "Country".into(),
                        value: country_name(r.country.get_ref()),
                    },
                    Fact {
                        label: "Data centres".into(),
                        value: r.locations.join(", "),
                    },
                    Fact {
                        label: "Backups".into(),
                        value: r.backup_location.clone(),
                    },
                    Fact {
                        label: "Infrastructure".into(),
                        value: provider(r.provider.get_ref()),
                    },
                ],
            })
            .collect(),
        isolation_html: ids.html(&d.isolation),
        roles: vec![
            (
                "Controller".to_owned(),
                ids.html(&model.organization.roles.controller),
            ),
            (
                "Processor".to_owned(),
                ids.html(&model.organization.roles.processor),
            ),
        ],
        personal_data: d.personal_data.clone(),
        data_subjects: d.data_subjects.clone(),
        retention: d
            .retention
            .iter()
            .map(|r| [r.data.clone(), r.period.clone(), r.reason.clone()])
            .collect(),
        deletion_html: ids.html(&d.deletion),
        rights_html: ids.html(&d.rights),
        cookies_html: ids.html(&d.cookies),
    };
    (PageBody::DataPrivacy(body), None)
}

// ---- documents ------------------------------------------------------------------------------

fn kind_label(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Dpa => "Data Processing Agreement",
        DocumentKind::PrivacyPolicy => "Privacy policy",
        DocumentKind::CookiePolicy => "Cookie policy",
        DocumentKind::Whitepaper => "Whitepaper",
        DocumentKind::Certificate => "Certificate",
        DocumentKind::AuditReport => "Audit report",
        DocumentKind::PentestSummary => "Penetration test summary",
        DocumentKind::Policy => "Policy",
        DocumentKind::Other => "Document",
    }
}

/// Where a kind of document comes in the list, in the order a reviewer works through them: the
/// contract, then the evidence an auditor signed, then what the company says of itself.
fn document_rank(kind: DocumentKind) -> u8 {
    match kind {
        DocumentKind::Dpa => 0,
        DocumentKind::AuditReport => 1,
        DocumentKind::Certificate => 2,
        DocumentKind::PentestSummary => 3,
        DocumentKind::Whitepaper => 4,
        DocumentKind::Policy => 5,
        DocumentKind::PrivacyPolicy => 6,
        DocumentKind::CookiePolicy => 7,
        DocumentKind::Other => 8,
    }
}

fn document_facts(model: &Model, doc: &crate::model::Document) -> Vec<Fact> {
    let m = &doc.meta;
    let mut facts = Vec::new();
    if let Some(v) = &m.version {
        facts.push(Fact {
            // A certificate's version is the number its body registered it under.
            label: match m.kind.get_ref() {
                DocumentKind::Certificate => "Certificate number",
                _ => "Version",
            }
            .into(),
            value: v.clone(),
        });
    }
    facts.push(Fact {
        label: "Date".into(),
        value: m.date.to_string(),
    });
    if !m.languages.is_empty() {
        facts.push(Fact {
            label: "Languages".into(),
            value: crate::model::text::joined(&m.languages),
        });
    }
    let sized = m.file.as_ref().and_then(|f| {
        let path = f.get_ref();
        model.assets.get(path).map(|bytes| (path, *bytes))
    });
    if let Some((path, bytes)) = sized {
        facts.push(Fact {
            label: "Size".into(),
            value: file_size(path, bytes),
        });
    }
    facts
}

/// "PDF, 1.2 MB": the type from the extension, decimal units as file managers show them.
fn file_size(path: &str, bytes: u64) -> String {
    let kind = path
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_uppercase())
        .unwrap_or_default();
    let size = match bytes {
        0..1_000 => format!("{bytes} bytes"),
        1_000..1_000_000 => format!("{} kB", bytes.div_ceil(1_000)),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    };
    if kind.is_empty() {
        size
    } else {
        format!("{kind}, {size}")
    }
}

/// How to ask for a document shared on request: the configured request form (with the document's
/// id in place of `{document}`), or else a prefilled email to the documents or security contact.
pub(super) fn request_link(model: &Model, doc: &crate::model::Document) -> Link {
    let contacts = &model.organization.contacts;
    let contact = contacts
        .documents
        .as_ref()
        .unwrap_or(&contacts.security)
        .get_ref();
    if let Some(url) = &contact.url {
        return Link {
            text: "Request this document".into(),
            href: url.get_ref().replace("{document}", &encode(&doc.id)),
        };
    }
    let to = contact
        .email
        .as_ref()
        .or(contacts.security.get_ref().email.as_ref())
        .map(|e| e.get_ref().clone())
        .unwrap_or_default();
    let subject = format!("Request: {} ({})", doc.meta.title, model.organization.name);
    let body = format!(
        "Hello,\n\nplease send us \"{}\"{}.\n\nCompany:\nName:\nRole:\n\nThank you.",
        doc.meta.title,
        doc.meta
            .version
            .as_ref()
            .map(|v| format!(", version {v}"))
            .unwrap_or_default()
    );
    Link {
        text: "Request this document".into(),
        href: mailto(&to, &subject, &body),
    }
}

/// A `mailto:` link with its subject and body filled in.
fn mailto(to: &str, subject: &str, body: &str) -> String {
    format!(
        "mailto:{to}?subject={}&body={}",
        encode(subject),
        encode(body)
    )
}

/// Percent-encodes a `mailto:` header value.
fn encode(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC).to_string()
}

fn documents(model: &Model, ids: &mut PageIds) -> (PageBody, Option<crate::model::Date>) {
    let mut docs: Vec<&crate::model::Document> = model.documents.iter().collect();
    for doc in &docs {
        ids.reserve(doc.id.clone());
    }
    docs.sort_by_key(|d| {
        (
            document_rank(*d.meta.kind.get_ref()),
            d.meta.title.to_lowercase(),
        )
    });
    let items = docs
        .into_iter()
        .map(|doc| {
            let m = &doc.meta;
            let public = m.access == Access::Public;
            let (read, download) = document_paths(doc);
            let mut links = Vec::new();
            if let Some(path) = read {
                links.push(Link {
                    text: "Read online".into(),
                    href: model.organization.href(&path),
                });
            }
            if let Some(path) = download {
                links.push(Link {
                    text: "Download".into(),
                    href: model.organization.href(&path),
                });
            }
            DocumentRow {
                id: doc.id.clone(),
                title: m.title.clone(),
                kind: kind_label(*m.kind.get_ref()).to_owned(),
                access: if public {
                    Badge::new("Public", Tone::Good)
                } else {
                    Badge::new("On request", Tone::Neutral)
                },
                summary: m.summary.clone(),
                facts: document_facts(model, doc),
                links,
                request: (!public).then(|| request_link(model, doc)),
            }
        })
        .collect();
    (
        PageBody::Documents(Documents { items }),
        latest(model.documents.iter().map(|d| d.meta.date)),
    )
}

/// Where a document can be read on the site and downloaded (site paths): public documents only.
pub(super) fn document_paths(doc: &crate::model::Document) -> (Option<String>, Option<String>) {
    if doc.meta.access != Access::Public {
        return (None, None);
    }
    (
        (!doc.markdown.trim().is_empty()).then(|| format!("/documents/{}/", doc.id)),
        doc.meta.file.as_ref().map(|f| format!("/{}", f.get_ref())),
    )
}

/// Splits a document's HTML at the author's `{{annex:NAME}}` lines and puts each annex there;
/// annexes the author did not place are appended with a heading of their own.
fn place_annexes(html: &str, annexes: Vec<(&str, Annex)>) -> Vec<DocumentPart> {
    let mut parts = Vec::new();
    let mut rest = html;
    let mut unplaced = Vec::new();
    let mut placed: Vec<(usize, Annex)> = Vec::new();
    for (name, annex) in annexes {
        // Only a paragraph of its own at the top level: one inside a quote, a list or a raw HTML
        // table would split that element in two, and the pieces no longer parse (in the
        // browser's eyes) into the page that was rendered, so the app cannot hydrate it.
        let marker = format!("<p>{{{{annex:{name}}}}}</p>");
        match html
            .match_indices(&marker)
            .map(|(at, _)| at)
            .find(|&at| open_elements(&html[..at]) == 0)
        {
            Some(at) => placed.push((at, annex)),
            None => unplaced.push(annex),
        }
    }
    placed.sort_by_key(|(at, _)| *at);
    let mut offset = 0;
    for (at, annex) in placed {
        let marker_end = html[at..].find("</p>").map_or(at, |e| at + e + 4);
        parts.push(DocumentPart::Html(html[offset..at].to_owned()));
        parts.push(DocumentPart::Annex(annex));
        offset = marker_end;
        rest = &html[offset..];
    }
    parts.push(DocumentPart::Html(rest.to_owned()));
    for mut annex in unplaced {
        match &mut annex {
            Annex::Measures { title, .. } => {
                *title = Some("Annex: Technical and organisational measures".into())
            }
            Annex::Subprocessors { title, .. } => {
                *title = Some("Annex: List of subprocessors".into())
            }
        }
        parts.push(DocumentPart::Annex(annex));
    }
    parts
}

/// A part of a document's text with each top-level `<h2>` and what follows it, up to the next
/// one, in a `<section>`: the parts of a long document, which the stylesheet renders only as
/// they near the viewport. Done on each part around the annexes, so that an annex placed under
/// its heading stays at the top level. A part without such a heading is left as it is.
fn sectioned(html: &str) -> String {
    let starts: Vec<usize> = tags(html)
        .filter(|&(at, before, _)| {
            before == 0
                && html[at..].starts_with("<h2")
                && !html[at + 3..].starts_with(|c: char| c.is_ascii_alphanumeric())
        })
        .map(|(at, _, _)| at)
        .collect();
    let Some(&first) = starts.first() else {
        return html.to_owned();
    };
    let mut out = String::with_capacity(html.len() + starts.len() * 20);
    out.push_str(&html[..first]);
    for (i, &at) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(html.len());
        // Trailing white space stays between the sections, as the text had it.
        let body = html[at..end].trim_end();
        out.push_str("<section>");
        out.push_str(body);
        out.push_str("</section>");
        out.push_str(&html[at + body.len()..end]);
    }
    out
}

/// How many elements are open at the end of `html`, sanitised HTML as ammonia writes it (see
/// [`tags`]).
fn open_elements(html: &str) -> usize {
    tags(html).last().map_or(0, |(_, _, after)| after)
}

/// Every tag of sanitised HTML as ammonia writes it: where its `<` is, and how many elements are
/// open before and after it. Every element but a void one is closed explicitly, and `<` stands
/// for itself only in tags (text and attribute values have it as `&lt;`). One pass, without
/// allocating: a long document's tags are many.
fn tags(html: &str) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    const VOID: [&str; 13] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr",
    ];
    let mut depth = 0usize;
    html.match_indices('<').map(move |(at, _)| {
        let before = depth;
        let tag = &html[at + 1..];
        if tag.starts_with('/') {
            depth = depth.saturating_sub(1);
        } else {
            let len = tag.bytes().take_while(u8::is_ascii_alphanumeric).count();
            if len > 0 && !VOID.iter().any(|v| v.eq_ignore_ascii_case(&tag[..len])) {
                depth += 1;
            }
        }
        (at, before, depth)
    })
}

/// Where a document's standalone HTML copy is written: one self-contained file (styles inline,
/// links absolute) to keep, attach to a contract file or print.
pub fn standalone_path(id: &str) -> String {
    format!("/documents/{id}/{id}.html")
}

/// The ids of a document's page before its text is rendered: its table of contents' and, for
/// the DPA, its annexes' (the measures annex's groups too). The text is the page's only one, so
/// it is rendered through these alone.
fn document_ids(model: &Model, doc: &crate::model::Document) -> PageIds {
    let mut ids = PageIds::new(crate::ui::document_page_ids().iter().copied())
        .under(model.organization.base_path());
    if has_annexes(doc) {
        ids.reserve(MEASURES_ANNEX);
        ids.reserve(SUBPROCESSORS_ANNEX);
        for g in measure_groups(model) {
            ids.reserve(g.id);
        }
    }
    ids
}

/// Whether the document's page carries the annexes (the DPA's).
fn has_annexes(doc: &crate::model::Document) -> bool {
    *doc.meta.kind.get_ref() == DocumentKind::Dpa
}

/// A document's text as plain words cut at headings, with the ids its page gives them.
pub(super) fn document_sections(
    model: &Model,
    doc: &crate::model::Document,
) -> Vec<markdown::TextSection> {
    document_ids(model, doc).sections(&doc.markdown)
}

/// The ids of the DPA's annexes, on its page.
const MEASURES_ANNEX: &str = "annex-measures";
const SUBPROCESSORS_ANNEX: &str = "annex-subprocessors";

fn document_page(model: &Model, site: &SiteData, doc: &crate::model::Document) -> PageData {
    let rendered = document_ids(model, doc).render(&doc.markdown);
    let annexes: Vec<(&str, Annex)> = if has_annexes(doc) {
        vec![
            (
                "measures",
                Annex::Measures {
                    id: MEASURES_ANNEX.into(),
                    title: None,
                    groups: measure_groups(model),
                },
            ),
            (
                "subprocessors",
                Annex::Subprocessors {
                    id: SUBPROCESSORS_ANNEX.into(),
                    title: None,
                    rows: current_subprocessor_rows(model),
                },
            ),
        ]
    } else {
        Vec::new()
    };
    let parts = place_annexes(&rendered.html, annexes)
        .into_iter()
        .map(|part| match part {
            DocumentPart::Html(html) => DocumentPart::Html(sectioned(&html)),
            annex => annex,
        })
        .collect();
    let mut downloads: Vec<Download> = doc
        .meta
        .file
        .iter()
        .map(|f| Download {
            text: "Download the PDF".into(),
            href: model.organization.href(&format!("/{}", f.get_ref())),
            detail: model
                .assets
                .get(f.get_ref())
                .map(|bytes| file_size(f.get_ref(), *bytes)),
        })
        .collect();
    // A document on request is described here, not published: its page offers the request,
    // not a copy of the description to save or print.
    let on_request = doc.meta.access == Access::OnRequest;
    if !on_request {
        downloads.push(Download {
            text: "Download as HTML".into(),
            href: model.organization.href(&standalone_path(&doc.id)),
            detail: Some("one file, prints cleanly".into()),
        });
    }
    PageData {
        path: format!("/documents/{}/", doc.id),
        section: Section::Documents,
        heading: doc.meta.title.clone(),
        title: site.title_for(Some(&doc.meta.title)),
        intro_html: String::new(),
        updated: Some(doc.meta.date.to_string()),
        body: PageBody::Document(DocumentPage {
            id: doc.id.clone(),
            facts: document_facts(model, doc),
            toc: rendered.toc,
            parts,
            downloads,
            request: on_request.then(|| request_link(model, doc)),
        }),
    }
}

// ---- disclosure, FAQ, updates -----------------------------------------------------------------

/// The disclosure policy as plain words cut at headings, with the ids its page gives them: it is
/// the first text rendered there (see [`disclosure`]).
pub(super) fn disclosure_policy_sections(model: &Model) -> Vec<markdown::TextSection> {
    PageIds::new(crate::ui::page_ids(Section::Disclosure))
        .under(model.organization.base_path())
        .sections(&model.disclosure.markdown)
}

fn disclosure(model: &Model, ids: &mut PageIds) -> (PageBody, Option<crate::model::Date>) {
    let d = &model.disclosure;
    let m = &d.meta;
    // The policy first: its headings keep their natural ids unless the page's own sections have
    // them, as `disclosure_policy_sections` expects.
    let policy_html = ids.html(&d.markdown);
    let body = Disclosure {
        contacts: m
            .contact
            .iter()
            .map(|c| {
                let v = c.get_ref();
                Link {
                    text: v.strip_prefix("mailto:").unwrap_or(v).to_owned(),
                    href: v.clone(),
                }
            })
            .collect(),
        in_scope: m.in_scope.clone(),
        out_of_scope: m.out_of_scope.clone(),
        timeline: vec![
            Fact {
                label: "Acknowledgement".into(),
                value: format!(
                    "within {}",
                    plural(i64::from(m.response.acknowledge_days), "day")
                ),
            },
            Fact {
                label: "Triage and first assessment".into(),
                value: format!(
                    "within {}",
                    plural(i64::from(m.response.triage_days), "day")
                ),
            },
            Fact {
                label: "Fix of valid reports".into(),
                value: format!(
                    "within {}",
                    plural(i64::from(m.response.resolve_days), "day")
                ),
            },
        ],
        languages: crate::model::text::joined(&m.preferred_languages),
        key: m.encryption_key.as_ref().map(|k| Link {
            text: "OpenPGP key".into(),
            href: model.organization.href(&format!("/{}", k.get_ref())),
        }),
        rewards_html: m.rewards.as_deref().map(|r| ids.html(r)),
        policy_html,
        hall_of_fame: m
            .hall_of_fame
            .iter()
            .map(|a| Fact {
                label: a.date.to_string(),
                value: a.name.clone(),
            })
            .collect(),
    };
    // The policy's text has no date of its own (the page's front matter may give one); a new
    // name in the hall of fame is news on the page.
    let updated = latest(m.hall_of_fame.iter().map(|a| a.date));
    (PageBody::Disclosure(body), updated)
}

/// The short answer as the FAQ and questionnaires show it.
pub(crate) fn short_badge(s: ShortAnswer) -> Badge {
    match s {
        ShortAnswer::Yes => Badge::new("Yes", Tone::Good),
        ShortAnswer::No => Badge::new("No", Tone::Bad),
        ShortAnswer::Partial => Badge::new("Partial", Tone::Warn),
        ShortAnswer::NotApplicable => Badge::new("N/A", Tone::Neutral),
    }
}

/// The id of an FAQ category's section, from its name.
fn category_id(name: &str) -> String {
    format!("category-{}", markdown::slug(name))
}

fn faq(model: &Model, ids: &mut PageIds) -> (PageBody, Option<crate::model::Date>) {
    for a in &model.answers {
        let category = category_id(&a.category);
        ids.reserve(crate::ui::category_heading_id(&category));
        ids.reserve(category);
        ids.reserve(a.id.get_ref().clone());
        ids.reserve(crate::ui::answer_text_id(a.id.get_ref()));
    }
    let mut categories: Vec<FaqCategory> = Vec::new();
    let control_title = |id: &str| {
        model
            .security
            .layer
            .iter()
            .flat_map(|l| &l.control)
            .find(|c| c.id.get_ref() == id)
            .map(|c| c.title.clone())
    };
    for a in &model.answers {
        let mut sources = Vec::new();
        for c in &a.controls {
            if let Some(t) = control_title(c.get_ref()) {
                sources.push(Link {
                    text: t,
                    href: model
                        .organization
                        .href(&format!("/security/#{}", c.get_ref())),
                });
            }
        }
        for d in &a.documents {
            sources.extend(document_link(model, d.get_ref()));
        }
        for c in &a.certifications {
            if let Some(cert) = model
                .certifications
                .iter()
                .find(|x| x.id.get_ref() == c.get_ref())
            {
                sources.push(Link {
                    text: certification_name(cert),
                    href: model
                        .organization
                        .href(&format!("/certifications/#{}", c.get_ref())),
                });
            }
        }
        let view = AnswerView {
            id: a.id.get_ref().clone(),
            question: a.question.clone(),
            short: a.short.map(short_badge),
            html: ids.html(&a.answer),
            sources,
            reviewed: a.reviewed.get_ref().to_string(),
        };
        match categories.iter_mut().find(|c| c.name == a.category) {
            Some(c) => c.answers.push(view),
            None => categories.push(FaqCategory {
                id: category_id(&a.category),
                name: a.category.clone(),
                answers: vec![view],
            }),
        }
    }
    (
        PageBody::Faq(Faq {
            categories,
            downloads: vec![
                Link {
                    text: "Answer library (CSV)".into(),
                    href: model.organization.href(super::answers::ANSWERS_CSV),
                },
                Link {
                    text: "Answer library (JSON)".into(),
                    href: model.organization.href(super::answers::ANSWERS_JSON),
                },
            ],
        }),
        latest(model.answers.iter().map(|a| *a.reviewed.get_ref())),
    )
}

fn update_kind(kind: UpdateKind) -> &'static str {
    match kind {
        UpdateKind::Announcement => "Announcement",
        UpdateKind::Certification => "Certification",
        UpdateKind::Subprocessor => "Subprocessors",
        UpdateKind::Security => "Security",
        UpdateKind::Privacy => "Privacy",
    }
}

/// One update, its text rendered through the ids of the page it is shown on.
fn update_item(u: &crate::model::Update, ids: &mut PageIds) -> UpdateItem {
    UpdateItem {
        id: u.id.clone(),
        title: u.meta.title.clone(),
        date: u.meta.date.to_string(),
        kind: update_kind(u.meta.kind).to_owned(),
        html: ids.html(&u.markdown),
    }
}

/// The updates, newest first, their texts rendered through the updates page's ids (after its
/// updates' own): the page's items, and the update feeds'.
fn update_items(model: &Model, ids: &mut PageIds) -> Vec<UpdateItem> {
    for u in &model.updates {
        ids.reserve(u.id.clone());
    }
    model.updates.iter().map(|u| update_item(u, ids)).collect()
}

fn updates(model: &Model, ids: &mut PageIds) -> (PageBody, Option<crate::model::Date>) {
    (
        PageBody::Updates(Updates {
            items: update_items(model, ids),
            follow: links(
                model,
                &[
                    ("Atom feed", feeds::UPDATES_ATOM),
                    ("RSS", feeds::UPDATES_RSS),
                    ("JSON Feed", feeds::UPDATES_JSON),
                ],
            ),
        }),
        latest(model.updates.iter().map(|u| u.meta.date)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measures() -> Annex {
        Annex::Measures {
            id: "m".into(),
            title: None,
            groups: vec![],
        }
    }

    fn subprocessors() -> Annex {
        Annex::Subprocessors {
            id: "s".into(),
            title: None,
            rows: vec![],
        }
    }

    #[test]
    fn annexes_go_where_the_author_placed_them() {
        let html = "<h2>Annex II</h2>\n<p>{{annex:measures}}</p>\n<h2>Annex III</h2>\n<p>{{annex:subprocessors}}</p>\n<p>End.</p>";
        let parts = place_annexes(
            html,
            vec![("measures", measures()), ("subprocessors", subprocessors())],
        );
        assert_eq!(
            parts,
            vec![
                DocumentPart::Html("<h2>Annex II</h2>\n".into()),
                DocumentPart::Annex(measures()),
                DocumentPart::Html("\n<h2>Annex III</h2>\n".into()),
                DocumentPart::Annex(subprocessors()),
                DocumentPart::Html("\n<p>End.</p>".into()),
            ]
        );
    }

    /// A placeholder inside a quote or a raw HTML table cell stays text and the annex goes to the
    /// end: splitting there would leave `<td>` open in one piece, the browser would pull the annex
    /// into the cell, and the app could not hydrate the page (found by the XSS corpus).
    #[test]
    fn annexes_are_placed_only_at_the_top_level() {
        let html = "<blockquote>\n<p>{{annex:measures}}</p>\n</blockquote>\n<table><tbody><tr><td>\n<p>{{annex:subprocessors}}</p>\n</td></tr></tbody></table>\n<p>End.<br>Really.</p>";
        let parts = place_annexes(
            html,
            vec![("measures", measures()), ("subprocessors", subprocessors())],
        );
        assert_eq!(parts[0], DocumentPart::Html(html.into()));
        assert_eq!(parts.len(), 3, "{parts:?}");
        // The same marker later at the top level is the one used.
        let html = "<ul>\n<li>\n<p>{{annex:measures}}</p>\n</li>\n</ul>\n<p><img src=\"/a.png\"></p>\n<p>{{annex:measures}}</p>\n";
        let parts = place_annexes(html, vec![("measures", measures())]);
        assert_eq!(
            parts,
            vec![
                DocumentPart::Html(
                    "<ul>\n<li>\n<p>{{annex:measures}}</p>\n</li>\n</ul>\n<p><img src=\"/a.png\"></p>\n".into()
                ),
                DocumentPart::Annex(measures()),
                DocumentPart::Html("\n".into()),
            ]
        );
    }

    #[test]
    fn each_top_level_second_level_heading_starts_a_section() {
        let html = "<p>Preamble.</p>\n<h2 id=\"one\">One</h2>\n<p>text</p>\n<blockquote>\n<h2>Quoted</h2>\n</blockquote>\n<h3>Detail</h3>\n<h2 id=\"two\">Two</h2>\n<ul>\n<li>x</li>\n</ul>\n";
        assert_eq!(
            sectioned(html),
            "<p>Preamble.</p>\n<section><h2 id=\"one\">One</h2>\n<p>text</p>\n<blockquote>\n<h2>Quoted</h2>\n</blockquote>\n<h3>Detail</h3></section>\n<section><h2 id=\"two\">Two</h2>\n<ul>\n<li>x</li>\n</ul></section>\n"
        );
        assert_eq!(sectioned("<p>No headings.</p>"), "<p>No headings.</p>");
    }

    #[test]
    fn annexes_not_placed_are_appended_with_a_heading() {
        let parts = place_annexes("<p>Text.</p>", vec![("measures", measures())]);
        assert_eq!(parts.len(), 2);
        assert!(
            matches!(&parts[1], DocumentPart::Annex(Annex::Measures { title: Some(t), .. }) if t.contains("measures"))
        );
    }
}
