//! What each section's page shows, already shaped for display: labels resolved, Markdown rendered,
//! dates formatted, links built. The native generator derives these from the content model; the
//! components only lay them out.

use serde::{Deserialize, Serialize};

use super::DaysTo;

/// A heading of a rendered Markdown document, for its table of contents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TocEntry {
    /// 1 to 6.
    pub level: u8,
    /// The heading's id (the URL fragment).
    pub id: String,
    /// The heading's text.
    pub text: String,
}

/// A link with its text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// What the visitor reads.
    pub text: String,
    /// Where it goes (site-absolute path, `https:` or `mailto:`).
    pub href: String,
}

/// A file to save: a link the browser downloads rather than opens.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Download {
    /// What the visitor reads ("Download the signed PDF").
    pub text: String,
    /// Site-absolute path of the file.
    pub href: String,
    /// Type and size ("PDF, 212 kB"), when known.
    pub detail: Option<String>,
}

/// A label and a value, for definition lists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fact {
    /// What the value is.
    pub label: String,
    /// The value, as text.
    pub value: String,
}

/// How a status badge looks: its tone decides the colour, the text says it in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tone {
    /// Good: active, yes.
    Good,
    /// Needs attention: expiring, partial, in progress.
    Warn,
    /// Bad: expired, no.
    Bad,
    /// Neutral: planned, n/a.
    Neutral,
}

/// A small coloured label with text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Badge {
    /// The words on it.
    pub text: String,
    /// Its colour, by meaning.
    pub tone: Tone,
    /// When the words count days to a date ("Expires in 12 days"): that count, which the app
    /// takes over in the browser.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<DaysTo>,
}

impl Badge {
    /// A badge with fixed words.
    pub fn new(text: impl Into<String>, tone: Tone) -> Badge {
        Badge {
            text: text.into(),
            tone,
            days: None,
        }
    }

    /// A badge whose words are `days`' count.
    pub fn counting(days: DaysTo, tone: Tone) -> Badge {
        Badge {
            text: days.text(),
            tone,
            days: Some(days),
        }
    }
}

/// The section-specific part of a page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum PageBody {
    /// The overview.
    Overview(Overview),
    /// Certifications.
    Certifications(Certifications),
    /// The security program.
    Security(Security),
    /// Subprocessors.
    Subprocessors(Subprocessors),
    /// Data & privacy.
    DataPrivacy(DataPrivacy),
    /// The document list.
    Documents(Documents),
    /// One document's text (the DPA, a policy).
    Document(DocumentPage),
    /// The disclosure program.
    Disclosure(Disclosure),
    /// The FAQ.
    Faq(Faq),
    /// Updates.
    Updates(Updates),
}

/// The overview's content.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Overview {
    /// Certification badges.
    pub certifications: Vec<CertificationBadge>,
    /// Key commitments at a glance.
    pub commitments: Vec<Fact>,
    /// Subprocessor changes still open for objection.
    pub open_changes: Vec<ChangeNotice>,
    /// The latest updates.
    pub latest_updates: Vec<UpdateItem>,
}

/// A certification on the overview.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CertificationBadge {
    /// Its name.
    pub name: String,
    /// Its status.
    pub status: Badge,
    /// Link to its card.
    pub href: String,
}

/// A subprocessor change inside its objection window.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChangeNotice {
    /// The change id.
    pub id: String,
    /// What changes.
    pub summary: String,
    /// The objection deadline (the day before it takes effect), with the days left to it.
    pub deadline: DaysTo,
    /// Link to the change.
    pub href: String,
}

/// Certifications.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Certifications {
    /// One card per certification, in content order.
    pub items: Vec<CertificationCard>,
}

/// One certification.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CertificationCard {
    /// Anchor id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Status, including "expires in N days".
    pub status: Badge,
    /// An expiry warning, if within 60 days or past.
    pub warning: Option<String>,
    /// Scope.
    pub scope: String,
    /// Auditor, validity, number …
    pub facts: Vec<Fact>,
    /// Where to verify it.
    pub verification: Option<Link>,
    /// Its documents.
    pub documents: Vec<Link>,
}

/// The security program.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Security {
    /// Layers with their controls.
    pub layers: Vec<LayerView>,
    /// Frameworks that controls map to, for the filter: (key, label).
    pub frameworks: Vec<(String, String)>,
    /// Technical and organisational measures by group.
    pub measures: Vec<MeasureGroup>,
    /// How the program is run: (heading, HTML).
    pub program: Vec<(String, String)>,
}

/// A layer of the program.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LayerView {
    /// Anchor id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Description, HTML.
    pub description_html: String,
    /// Controls.
    pub controls: Vec<ControlView>,
}

/// A control.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ControlView {
    /// Anchor id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Description, HTML.
    pub description_html: String,
    /// Framework mappings: (framework key, framework label, requirement id).
    pub mappings: Vec<Mapping>,
}

/// One framework requirement a control meets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mapping {
    /// Framework key (`iso27001`).
    pub framework: String,
    /// Requirement id (`A.8.24`).
    pub id: String,
    /// How it reads on a chip (`ISO 27001 A.8.24`).
    pub label: String,
}

/// A group of technical and organisational measures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeasureGroup {
    /// Anchor id.
    pub id: String,
    /// Heading.
    pub title: String,
    /// Statements.
    pub items: Vec<String>,
}

/// Subprocessors.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Subprocessors {
    /// Active subprocessors, by name.
    pub rows: Vec<SubprocessorRow>,
    /// When the list last changed, ISO 8601.
    pub last_updated: String,
    /// Regions, for the filter: (id, name).
    pub regions: Vec<(String, String)>,
    /// Changes still open for objection.
    pub open_changes: Vec<ChangeNotice>,
    /// Every change, newest first.
    pub changes: Vec<ChangeItem>,
    /// Feeds, calendar and exports of the list and its changes.
    pub follow: Vec<Link>,
    /// How to sign up for change notices.
    pub subscribe: Subscribe,
    /// The list on past days.
    pub history: History,
}

/// The subprocessor list on past days, derived from the change history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct History {
    /// Each day the list changed, oldest first.
    pub snapshots: Vec<Snapshot>,
    /// The rows that past lists had and today's does not: subprocessors no longer on the list,
    /// and earlier stays of ones that left and came back (whose `since` differs from today's).
    pub former: Vec<SubprocessorRow>,
    /// The day the history runs to (the build's today, ISO 8601): a later day's list is not
    /// known yet, only announced.
    pub until: String,
}

impl History {
    /// The rows on the list in `snapshot`, given the page's current rows.
    ///
    /// # Panics
    /// If a position points past both: the build derives them together, and the history
    /// exports read every snapshot through here, so a fault stops the build rather than
    /// dropping a subprocessor from a list without a word.
    pub fn rows_of<'r>(
        &'r self,
        current: &'r [SubprocessorRow],
        snapshot: &'r Snapshot,
    ) -> impl Iterator<Item = &'r SubprocessorRow> {
        snapshot.rows.iter().map(move |&at| {
            current
                .get(at)
                .or_else(|| self.former.get(at - current.len()))
                .expect("a snapshot's rows are today's or former ones")
        })
    }
}

/// The list as it stood from one day until the next snapshot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// The day, ISO 8601.
    pub date: String,
    /// The rows on the list from that day, by position in the page's current rows followed by
    /// [`History::former`] (see [`History::rows_of`]).
    pub rows: Vec<usize>,
    /// Its CSV export.
    pub csv: String,
    /// Its JSON export.
    pub json: String,
}

/// Signing up for change notices: a form when the site owner configured an endpoint, and always
/// an email to ask by.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscribe {
    /// Where the form sends, if configured.
    pub endpoint: Option<SubscribeEndpoint>,
    /// A prefilled `mailto:` asking to be added.
    pub mailto: Option<String>,
}

/// The configured sign-up endpoint, as the form needs it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubscribeEndpoint {
    /// The address.
    pub url: String,
    /// `POST` or `PUT`.
    pub method: String,
    /// JSON body (else form-encoded).
    pub json: bool,
    /// The email field's name.
    pub email_field: String,
    /// The company field's name.
    pub company_field: String,
    /// Fixed fields sent along.
    pub extra: Vec<(String, String)>,
    /// How long to wait, in milliseconds.
    pub timeout_ms: u32,
}

/// One change in the history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChangeItem {
    /// Anchor id (`change-<id>`).
    pub anchor: String,
    /// The change id customers cite.
    pub id: String,
    /// Kind, in words.
    pub kind: String,
    /// What changes.
    pub summary: String,
    /// The subprocessors concerned, by name.
    pub subprocessors: Vec<String>,
    /// Announced, ISO 8601.
    pub announced: String,
    /// Takes effect, ISO 8601.
    pub effective: String,
    /// Why, HTML.
    pub reason_html: String,
    /// While customers may still object: until when, and how.
    pub objection: Option<Objection>,
    /// Until it takes effect, the subprocessors it brings onto the list, in full: what a customer
    /// weighs when deciding whether to object (the list shows them only from that day).
    pub incoming: Vec<SubprocessorRow>,
}

/// How to object to a change still inside its objection window.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Objection {
    /// The last day to object, with the days left to it (the words count that day too).
    pub deadline: DaysTo,
    /// A prefilled `mailto:` naming the change, or `None` when the DPA names no address.
    pub mailto: Option<String>,
}

/// One subprocessor in the table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SubprocessorRow {
    /// Anchor id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Legal entity and address.
    pub entity: String,
    /// Contact for data protection matters (email or URL), if published.
    pub contact: Option<String>,
    /// Website.
    pub website: String,
    /// Purpose.
    pub purpose: String,
    /// Country names where it processes data.
    pub locations: Vec<String>,
    /// Transfer mechanism, in words.
    pub transfer: String,
    /// Its DPA.
    pub dpa_url: Option<String>,
    /// The first day of this stay on the list, ISO 8601 (a subprocessor that left and came back
    /// has a row per stay).
    pub since: String,
    /// Region ids it serves (empty: all).
    pub regions: Vec<String>,
    /// Categories of data.
    pub data_categories: Vec<String>,
}

impl SubprocessorRow {
    /// The purpose, and on a line of its own the categories of data, as the list's cell shows them
    /// (one text, so the list's Wasm renders it as it renders the purpose alone).
    pub fn purpose_and_data(&self) -> String {
        format!(
            "{}\nData: {}",
            self.purpose,
            self.data_categories.join(", ")
        )
    }
}

/// Data & privacy.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DataPrivacy {
    /// Hosting regions.
    pub regions: Vec<RegionView>,
    /// Isolation, HTML.
    pub isolation_html: String,
    /// Roles: (heading, HTML).
    pub roles: Vec<(String, String)>,
    /// Personal data categories.
    pub personal_data: Vec<String>,
    /// Data subject categories.
    pub data_subjects: Vec<String>,
    /// Retention rows: data, period, reason.
    pub retention: Vec<[String; 3]>,
    /// Deletion, HTML.
    pub deletion_html: String,
    /// Rights, HTML.
    pub rights_html: String,
    /// Cookies, HTML.
    pub cookies_html: String,
}

/// A hosting region.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegionView {
    /// Anchor id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Facts: country, provider, locations, backups.
    pub facts: Vec<Fact>,
}

/// The document list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Documents {
    /// Documents, DPA first, then by title.
    pub items: Vec<DocumentRow>,
}

/// One document in the list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentRow {
    /// Anchor id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Kind, in words.
    pub kind: String,
    /// Public or on request.
    pub access: Badge,
    /// Summary.
    pub summary: String,
    /// Version, date, languages, size.
    pub facts: Vec<Fact>,
    /// Read it (its page) and download it (a file), when public.
    pub links: Vec<Link>,
    /// How to request it, when on request.
    pub request: Option<Link>,
}

/// One document's own page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentPage {
    /// The document id.
    pub id: String,
    /// Version, date, languages.
    pub facts: Vec<Fact>,
    /// Its headings.
    pub toc: Vec<TocEntry>,
    /// Its text and generated annexes, in reading order.
    pub parts: Vec<DocumentPart>,
    /// Files to save: the author's PDF, if any, and the generated standalone HTML (none for a
    /// document on request, whose page only describes it).
    pub downloads: Vec<Download>,
    /// How to ask for it, when it is on request.
    pub request: Option<Link>,
}

/// A piece of a document page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum DocumentPart {
    /// Text written by the author, HTML.
    Html(String),
    /// An annex generated from the content model, where the author placed it.
    Annex(Annex),
}

/// An annex generated from the content model. Placed by the author with a line
/// `{{annex:measures}}` or `{{annex:subprocessors}}` under their own heading (then `title` is
/// `None`), or appended with a heading of its own when the author placed none.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Annex {
    /// Technical and organisational measures.
    Measures {
        /// Anchor id.
        id: String,
        /// Heading, when appended.
        title: Option<String>,
        /// The groups.
        groups: Vec<MeasureGroup>,
    },
    /// The list of subprocessors in the shape of the SCC's Annex III.
    Subprocessors {
        /// Anchor id.
        id: String,
        /// Heading, when appended.
        title: Option<String>,
        /// The subprocessors.
        rows: Vec<SubprocessorRow>,
    },
}

/// The disclosure program.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Disclosure {
    /// Where to report.
    pub contacts: Vec<Link>,
    /// In scope.
    pub in_scope: Vec<String>,
    /// Out of scope.
    pub out_of_scope: Vec<String>,
    /// Response timeline.
    pub timeline: Vec<Fact>,
    /// Preferred languages.
    pub languages: String,
    /// The encryption key.
    pub key: Option<Link>,
    /// Rewards, HTML.
    pub rewards_html: Option<String>,
    /// The policy text, HTML.
    pub policy_html: String,
    /// Hall of fame.
    pub hall_of_fame: Vec<Fact>,
}

/// The FAQ.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Faq {
    /// Categories with their answers.
    pub categories: Vec<FaqCategory>,
    /// The whole library as files (CSV, JSON).
    pub downloads: Vec<Link>,
}

/// A category of the FAQ.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FaqCategory {
    /// Anchor id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Answers.
    pub answers: Vec<AnswerView>,
}

/// One answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnswerView {
    /// Anchor id.
    pub id: String,
    /// The question.
    pub question: String,
    /// Yes / No / Partial / N/A, for a yes/no question.
    pub short: Option<Badge>,
    /// The answer, HTML.
    pub html: String,
    /// Sources: controls, documents, certifications.
    pub sources: Vec<Link>,
    /// Last reviewed, ISO 8601.
    pub reviewed: String,
}

/// Updates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Updates {
    /// Newest first.
    pub items: Vec<UpdateItem>,
    /// The update feeds.
    pub follow: Vec<Link>,
}

/// One update.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UpdateItem {
    /// Anchor id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Date, ISO 8601.
    pub date: String,
    /// Kind, in words.
    pub kind: String,
    /// Body, HTML.
    pub html: String,
}
