//! `/trust.json`: the public facts of the trust center as one JSON document, and
//! `/trust.schema.json`, its JSON Schema, for buyers' tools, crawlers and questionnaire platforms.
//!
//! The shape here is a published contract, separate from the content format: content keys may be
//! renamed or restructured without breaking consumers, and fields are only ever added. Everything
//! is derived from the same model and helpers as the pages and the other exports (the subprocessor
//! rows are the CSV's, the answers the FAQ download's), so the JSON never disagrees with the site.
//! Markdown is given as plain text: a consumer should not have to render (or sanitise) it.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

use crate::markdown::plain_text;
use crate::model::{
    Access, ChangeKind, Contact, Date, DocumentKind, Framework, Measures, Model, Status,
};

use crate::site::{TRUST_JSON_PATH, TRUST_SCHEMA_PATH};

use super::answers::AnswerRecord;
use super::derive::{
    certification_name, changes_newest_first, current_subprocessor_rows, document_paths,
    request_link,
};
use super::feeds::{export_rows, ExportRow, Later};

/// The version of the shape; raised only if a field ever has to change meaning.
pub const FORMAT_VERSION: u32 = 1;

/// The public facts of a trust center.
#[derive(Serialize, JsonSchema)]
#[schemars(title = "Trust center data", deny_unknown_fields)]
pub struct TrustData {
    /// This document's JSON Schema.
    #[serde(rename = "$schema")]
    pub schema: String,
    /// The version of this format.
    pub format_version: u32,
    /// The day the site was built; statuses and open objection windows are as of this day.
    pub generated: Date,
    /// The trust center's address.
    pub url: String,
    /// Who publishes it.
    pub organization: OrganizationData,
    /// Certifications and attestations, in the order the site shows them.
    pub certifications: Vec<CertificationData>,
    /// The security program: layers of controls and how the program is run.
    pub security: SecurityData,
    /// Hosting regions, retention and deletion.
    pub data_practices: DataPracticesData,
    /// The subprocessors in use on `generated`; the same rows as the CSV and JSON exports.
    pub subprocessors: Vec<ExportRow>,
    /// Announced subprocessor changes, newest effective date first.
    pub subprocessor_changes: Vec<ChangeData>,
    /// Documents: their metadata, and where public ones are read or downloaded.
    pub documents: Vec<DocumentData>,
    /// The vulnerability disclosure program.
    pub disclosure: DisclosureData,
    /// The answer library, as the FAQ download gives it.
    pub answers: Vec<AnswerRecord>,
}

/// The organization.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct OrganizationData {
    /// The name people know it by.
    pub name: String,
    /// The legal entity that signs contracts.
    pub legal_name: String,
    /// Its main website.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Its registered address, one line.
    pub address: String,
    /// Country of the registered address, ISO 3166-1 alpha-2.
    pub country: String,
    /// Languages it serves customers in, BCP 47.
    pub languages: Vec<String>,
    /// How to reach it, by purpose: `security`, and where given `privacy`, `support`,
    /// `documents`.
    pub contacts: BTreeMap<String, ContactData>,
}

/// A way to reach someone: an email address, a web address, or both.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ContactData {
    /// A person or team name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// An email address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// A web address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// One certification or attestation.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct CertificationData {
    /// Stable identifier.
    pub id: String,
    /// The framework.
    pub framework: Framework,
    /// The name the site shows.
    pub name: String,
    /// Where it stands.
    pub status: Status,
    /// The audit firm, certification body or registry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auditor: Option<String>,
    /// What it covers.
    pub scope: String,
    /// First day of validity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<Date>,
    /// Last day of validity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<Date>,
    /// The period an attestation report covers: `[first day, last day]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report_period: Option<[Date; 2]>,
    /// The certificate or registration number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certificate_number: Option<String>,
    /// Where anyone can verify it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verification_url: Option<String>,
    /// For planned and in-progress ones: when it is expected.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    /// Ids of the documents that belong to it (see `documents`).
    pub documents: Vec<String>,
    /// It on the site.
    pub url: String,
}

/// The security program.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct SecurityData {
    /// Layers of controls, in the site's order.
    pub layers: Vec<LayerData>,
    /// Technical and organisational measures (GDPR Art. 32), by group (the DPA annex's).
    pub measures: Measures,
    /// Hours within which affected customers are told of a personal data breach.
    pub breach_notification_hours: u32,
    /// How the program is run, by topic: `change_management`, `incident_response`, `training`,
    /// `supplier_management`, `privacy_impact_assessments`, `audit_cadence` (plain text).
    pub program: BTreeMap<String, String>,
}

/// A layer of controls.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct LayerData {
    /// Stable identifier.
    pub id: String,
    /// Its title.
    pub title: String,
    /// What it protects (plain text).
    pub description: String,
    /// Its controls.
    pub controls: Vec<ControlData>,
}

/// One control.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ControlData {
    /// Stable identifier.
    pub id: String,
    /// Its title.
    pub title: String,
    /// What it is (plain text).
    pub description: String,
    /// The requirements it meets, by framework (`iso27001`, `soc2` …).
    pub mappings: BTreeMap<String, Vec<String>>,
    /// It on the site.
    pub url: String,
}

/// Data practices.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct DataPracticesData {
    /// Hosting regions customers can choose.
    pub regions: Vec<RegionData>,
    /// How long each kind of data is kept.
    pub retention: Vec<RetentionData>,
    /// Days after the end of a contract within which customer data is deleted.
    pub deletion_days: u32,
    /// How deletion works, including backups (plain text).
    pub deletion: String,
    /// How one customer's data is kept apart from another's (plain text).
    pub isolation: String,
    /// Categories of personal data processed for customers.
    pub personal_data: Vec<String>,
    /// Categories of data subjects.
    pub data_subjects: Vec<String>,
}

/// A hosting region.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RegionData {
    /// Stable identifier.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Country of the primary data centres, ISO 3166-1 alpha-2.
    pub country: String,
    /// Id of the subprocessor providing the infrastructure.
    pub provider: String,
    /// Data-centre locations.
    pub locations: Vec<String>,
    /// Where backups are kept.
    pub backup_location: String,
}

/// One row of the retention table.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RetentionData {
    /// The kind of data.
    pub data: String,
    /// How long it is kept.
    pub period: String,
    /// Why.
    pub reason: String,
}

/// An announced subprocessor change.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ChangeData {
    /// Stable identifier, to cite in an objection.
    pub id: String,
    /// What kind of change.
    pub kind: ChangeKind,
    /// Ids of the subprocessors concerned (for `replace`: the new one).
    pub subprocessors: Vec<String>,
    /// For `replace`: the id of the one replaced.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaces: Option<String>,
    /// What changes.
    pub summary: String,
    /// Why (plain text).
    pub reason: String,
    /// When customers were told.
    pub announced: Date,
    /// When it takes effect.
    pub effective: Date,
    /// The last day customers may object.
    pub objection_deadline: Date,
    /// Whether objections are still open on `generated`.
    pub objection_open: bool,
    /// Until it takes effect, the subprocessors it brings onto the list, as `subprocessors`
    /// will list them from that day: what a customer weighs before objecting. Empty once it is
    /// in effect, and for changes that bring no one in.
    pub incoming: Vec<ExportRow>,
    /// It on the site.
    pub url: String,
}

/// A document's metadata.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct DocumentData {
    /// Stable identifier.
    pub id: String,
    /// Its title.
    pub title: String,
    /// What kind of document.
    pub kind: DocumentKind,
    /// Who may have it.
    pub access: Access,
    /// What it is.
    pub summary: String,
    /// Its version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Effective or publication date.
    pub date: Date,
    /// Languages it exists in, BCP 47.
    pub languages: Vec<String>,
    /// Where a public document is read on the site.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub read_url: Option<String>,
    /// Where a public document's file is downloaded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub download_url: Option<String>,
    /// How to ask for a document shared on request (a form or a prefilled `mailto:`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_url: Option<String>,
}

/// The vulnerability disclosure program.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct DisclosureData {
    /// The policy on the site.
    pub policy_url: String,
    /// Its RFC 9116 `security.txt`.
    pub security_txt: String,
    /// Where reports go, most preferred first (`mailto:` or `https:`).
    pub contacts: Vec<String>,
    /// The OpenPGP key for encrypted reports.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encryption_key: Option<String>,
    /// Languages reports may be written in, BCP 47.
    pub preferred_languages: Vec<String>,
    /// What researchers may test.
    pub in_scope: Vec<String>,
    /// What they must not test or report.
    pub out_of_scope: Vec<String>,
    /// Days until a report is acknowledged.
    pub acknowledge_days: u32,
    /// Days until it is triaged and the reporter told.
    pub triage_days: u32,
    /// Days within which a valid report is fixed.
    pub resolve_days: u32,
}

/// The data as of the model's day.
pub fn trust_data(model: &Model, answers: &[AnswerRecord]) -> TrustData {
    let org = &model.organization;
    let base = org.site_url.get_ref().trim_end_matches('/');
    let abs = |path: &str| format!("{base}{path}");
    let later = Later::new(model, model.today);
    let contact = |c: &Contact| ContactData {
        name: c.name.clone(),
        email: c.email.as_ref().map(|e| e.get_ref().clone()),
        url: c.url.as_ref().map(|u| u.get_ref().clone()),
    };
    let c = &org.contacts;
    let contacts = [
        ("security", Some(&c.security)),
        ("privacy", c.privacy.as_ref()),
        ("support", c.support.as_ref()),
        ("documents", c.documents.as_ref()),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.map(|v| (k.to_owned(), contact(v.get_ref()))))
    .collect();
    let a = &org.address;

    let security = &model.security;
    let p = &security.program;
    let d = &model.data;
    let disclosure = &model.disclosure.meta;

    TrustData {
        schema: abs(TRUST_SCHEMA_PATH),
        format_version: FORMAT_VERSION,
        generated: model.today,
        url: format!("{base}/"),
        organization: OrganizationData {
            name: org.name.clone(),
            legal_name: org.legal_name.clone(),
            website: org.website.as_ref().map(|w| w.get_ref().clone()),
            address: format!("{}, {} {}", a.street, a.postal_code, a.city),
            country: a.country.get_ref().clone(),
            languages: org.languages.iter().map(|l| l.get_ref().clone()).collect(),
            contacts,
        },
        certifications: model
            .certifications
            .iter()
            .map(|c| CertificationData {
                id: c.id.get_ref().clone(),
                framework: c.framework,
                name: certification_name(c),
                status: *c.status.get_ref(),
                auditor: c.auditor.clone(),
                scope: c.scope.clone(),
                valid_from: c.valid_from.as_ref().map(|d| *d.get_ref()),
                valid_until: c.valid_until.as_ref().map(|d| *d.get_ref()),
                report_period: c.report_period.as_ref().map(|p| [p.from, *p.to.get_ref()]),
                certificate_number: c.certificate_number.clone(),
                verification_url: c.verification_url.as_ref().map(|u| u.get_ref().clone()),
                expected: c.expected.clone(),
                documents: c.documents.iter().map(|d| d.get_ref().clone()).collect(),
                url: abs(&format!("/certifications/#{}", c.id.get_ref())),
            })
            .collect(),
        security: SecurityData {
            layers: security
                .layer
                .iter()
                .map(|l| LayerData {
                    id: l.id.get_ref().clone(),
                    title: l.title.clone(),
                    description: plain_text(&l.description),
                    controls: l
                        .control
                        .iter()
                        .map(|c| ControlData {
                            id: c.id.get_ref().clone(),
                            title: c.title.clone(),
                            description: plain_text(&c.description),
                            mappings: c.mappings.clone(),
                            url: abs(&format!("/security/#{}", c.id.get_ref())),
                        })
                        .collect(),
                })
                .collect(),
            measures: security.measures.clone(),
            breach_notification_hours: p.breach_notification_hours,
            program: [
                ("change_management", &p.change_management),
                ("incident_response", &p.incident_response),
                ("training", &p.training),
                ("supplier_management", &p.supplier_management),
                ("privacy_impact_assessments", &p.privacy_impact_assessments),
                ("audit_cadence", &p.audit_cadence),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), plain_text(v)))
            .collect(),
        },
        data_practices: DataPracticesData {
            regions: d
                .region
                .iter()
                .map(|r| RegionData {
                    id: r.id.get_ref().clone(),
                    name: r.name.clone(),
                    country: r.country.get_ref().clone(),
                    provider: r.provider.get_ref().clone(),
                    locations: r.locations.clone(),
                    backup_location: r.backup_location.clone(),
                })
                .collect(),
            retention: d
                .retention
                .iter()
                .map(|r| RetentionData {
                    data: r.data.clone(),
                    period: r.period.clone(),
                    reason: r.reason.clone(),
                })
                .collect(),
            deletion_days: d.deletion_days,
            deletion: plain_text(&d.deletion),
            isolation: plain_text(&d.isolation),
            personal_data: d.personal_data.clone(),
            data_subjects: d.data_subjects.clone(),
        },
        subprocessors: export_rows(&current_subprocessor_rows(model), &later),
        subprocessor_changes: changes_newest_first(model)
            .into_iter()
            .map(|c| ChangeData {
                id: c.id.get_ref().clone(),
                kind: *c.kind.get_ref(),
                subprocessors: c
                    .subprocessors
                    .iter()
                    .map(|s| s.get_ref().clone())
                    .collect(),
                replaces: c.replaces.as_ref().map(|r| r.get_ref().clone()),
                summary: c.summary.clone(),
                reason: plain_text(&c.reason),
                announced: *c.announced.get_ref(),
                effective: *c.effective.get_ref(),
                objection_deadline: c.objection_deadline(),
                objection_open: c.open_on(model.today),
                incoming: export_rows(&super::derive::incoming(model, c), &later),
                url: abs(&format!(
                    "/subprocessors/#{}",
                    super::derive::change_anchor(c.id.get_ref())
                )),
            })
            .collect(),
        documents: model
            .documents
            .iter()
            .map(|doc| {
                let (read, download) = document_paths(doc);
                let meta = &doc.meta;
                DocumentData {
                    id: doc.id.clone(),
                    title: meta.title.clone(),
                    kind: *meta.kind.get_ref(),
                    access: meta.access,
                    summary: meta.summary.clone(),
                    version: meta.version.clone(),
                    date: meta.date,
                    languages: meta.languages.iter().map(|l| l.get_ref().clone()).collect(),
                    read_url: read.as_deref().map(abs),
                    download_url: download.as_deref().map(abs),
                    request_url: (meta.access == Access::OnRequest)
                        .then(|| request_link(model, doc).href),
                }
            })
            .collect(),
        disclosure: DisclosureData {
            policy_url: abs(&crate::site::Section::Disclosure.path()),
            security_txt: abs(super::wellknown::SECURITY_TXT),
            contacts: disclosure
                .contact
                .iter()
                .map(|c| c.get_ref().clone())
                .collect(),
            encryption_key: disclosure
                .encryption_key
                .as_ref()
                .map(|k| abs(&format!("/{}", k.get_ref()))),
            preferred_languages: disclosure
                .preferred_languages
                .iter()
                .map(|l| l.get_ref().clone())
                .collect(),
            in_scope: disclosure.in_scope.clone(),
            out_of_scope: disclosure.out_of_scope.clone(),
            acknowledge_days: disclosure.response.acknowledge_days,
            triage_days: disclosure.response.triage_days,
            resolve_days: disclosure.response.resolve_days,
        },
        answers: answers.to_vec(),
    }
}

/// The schema of [`TrustData`], with its own address as `$id`.
pub fn schema(model: &Model) -> schemars::Schema {
    let mut schema = schemars::schema_for!(TrustData);
    let base = model.organization.site_url.get_ref().trim_end_matches('/');
    schema.insert("$id".into(), format!("{base}{TRUST_SCHEMA_PATH}").into());
    schema
}

/// `trust.json` and its schema, as (site path, contents).
pub fn files(model: &Model, answers: &[AnswerRecord]) -> Vec<(String, String)> {
    fn pretty<T: Serialize>(value: &T) -> String {
        let mut json = serde_json::to_string_pretty(value).expect("the data always serialises");
        json.push('\n');
        json
    }
    vec![
        (
            TRUST_JSON_PATH.to_owned(),
            pretty(&trust_data(model, answers)),
        ),
        (TRUST_SCHEMA_PATH.to_owned(), pretty(&schema(model))),
    ]
}
