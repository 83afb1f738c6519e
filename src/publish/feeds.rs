//! What subscribers' tools read: Atom, RSS and JSON Feed for subprocessor changes and for
//! updates, iCalendar files for change dates and certification expiries, and the current
//! subprocessor list as CSV and JSON.
//!
//! Every file is derived from the same model and views as the pages (the change list is the
//! Subprocessors page's, the exported rows are the table's), and written with maintained
//! libraries for each format. Entry ids and calendar UIDs are built from content ids, so they stay
//! the same from build to build and subscribers never see an entry twice.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};
use icalendar::{Alarm, Calendar, Component, Event, EventLike};
use serde::Serialize;

use crate::markdown;
use crate::model::{Date, Model};
use crate::site::SiteData;
use crate::spreadsheet::inert;

use super::derive::{certification_name, change_anchor, changes_newest_first};
use crate::site::{ChangeItem, PageBody, PageData, SubprocessorRow, UpdateItem};

/// A feed the site publishes, for `<link rel="alternate">` autodiscovery.
pub struct Alternate {
    /// Its MIME type.
    pub mime: &'static str,
    /// What it carries.
    pub title: &'static str,
    /// Site-absolute path.
    pub path: &'static str,
}

/// Subprocessor change feeds.
pub const CHANGES_ATOM: &str = "/subprocessors/changes.atom";
/// Subprocessor changes as RSS 2.0.
pub const CHANGES_RSS: &str = "/subprocessors/changes.rss";
/// Subprocessor changes as JSON Feed 1.1.
pub const CHANGES_JSON: &str = "/subprocessors/changes.json";
/// Effective dates and objection deadlines, iCalendar.
pub const CHANGES_ICS: &str = crate::site::CHANGES_CALENDAR;
/// The current subprocessor list, CSV.
pub const SUBPROCESSORS_CSV: &str = "/subprocessors/subprocessors.csv";
/// The current subprocessor list, JSON.
pub const SUBPROCESSORS_JSON: &str = "/subprocessors/subprocessors.json";
/// Updates as Atom.
pub const UPDATES_ATOM: &str = "/updates/feed.atom";
/// Updates as RSS 2.0.
pub const UPDATES_RSS: &str = "/updates/feed.rss";
/// Updates as JSON Feed 1.1.
pub const UPDATES_JSON: &str = "/updates/feed.json";
/// Certification expiry dates, iCalendar.
pub const CERTIFICATIONS_ICS: &str = crate::site::EXPIRIES_CALENDAR;

/// The feeds every page advertises.
pub const ALTERNATES: &[Alternate] = &[
    Alternate {
        mime: "application/atom+xml",
        title: "Subprocessor changes (Atom)",
        path: CHANGES_ATOM,
    },
    Alternate {
        mime: "application/rss+xml",
        title: "Subprocessor changes (RSS)",
        path: CHANGES_RSS,
    },
    Alternate {
        mime: "application/feed+json",
        title: "Subprocessor changes (JSON Feed)",
        path: CHANGES_JSON,
    },
    Alternate {
        mime: "application/atom+xml",
        title: "Updates (Atom)",
        path: UPDATES_ATOM,
    },
    Alternate {
        mime: "application/rss+xml",
        title: "Updates (RSS)",
        path: UPDATES_RSS,
    },
    Alternate {
        mime: "application/feed+json",
        title: "Updates (JSON Feed)",
        path: UPDATES_JSON,
    },
];

/// One entry of a feed, before it is written in each format.
struct Item {
    id: String,
    title: String,
    url: String,
    published: Date,
    html: String,
}

/// A feed before it is written in each format.
struct FeedSpec<'a> {
    title: String,
    /// Who publishes it: RFC 4287 requires an author on an Atom feed (or on every entry), and
    /// every entry here is the organisation's own.
    author: Author,
    page: String,
    self_paths: [&'a str; 3],
    items: Vec<Item>,
}

/// The organisation as the author of its feeds.
struct Author {
    name: String,
    /// Its website, or the trust center's address when it gives none.
    uri: String,
}

impl Author {
    fn of(model: &Model) -> Author {
        let org = &model.organization;
        Author {
            name: org.name.clone(),
            uri: org
                .website
                .as_ref()
                .unwrap_or(&org.site_url)
                .get_ref()
                .clone(),
        }
    }
}

/// Every file of this module, as (site-absolute path, contents). The change and update entries
/// and the exported list are taken from `pages`, the site's pages as [`super::derive::pages`]
/// made them: a feed carries what its page shows, down to the ids its links land on.
pub fn files(model: &Model, site: &SiteData, pages: &[PageData]) -> Vec<(String, String)> {
    let base = model.organization.site_url.get_ref().trim_end_matches('/');
    let host = host(base);
    let subprocessors = pages
        .iter()
        .find_map(|p| match &p.body {
            PageBody::Subprocessors(body) => Some(body),
            _ => None,
        })
        .expect("every section has its page");
    let update_items = pages
        .iter()
        .find_map(|p| match &p.body {
            PageBody::Updates(body) => Some(&body.items),
            _ => None,
        })
        .expect("every section has its page");
    let changes = change_feed(model, site, &subprocessors.changes, base, &host);
    let updates = update_feed(model, site, update_items, base, &host);
    let mut out: Vec<(String, String)> = Vec::new();
    for (spec, [atom, rss, json]) in [
        (changes, [CHANGES_ATOM, CHANGES_RSS, CHANGES_JSON]),
        (updates, [UPDATES_ATOM, UPDATES_RSS, UPDATES_JSON]),
    ] {
        out.push((atom.to_owned(), atom_feed(&spec, base)));
        out.push((rss.to_owned(), rss_feed(&spec)));
        out.push((json.to_owned(), json_feed(&spec, base)));
    }
    out.push((
        CHANGES_ICS.to_owned(),
        changes_calendar(model, site, base, &host),
    ));
    out.push((
        CERTIFICATIONS_ICS.to_owned(),
        certifications_calendar(model, site, base, &host),
    ));
    let today = Later::new(model, model.today);
    out.push((
        SUBPROCESSORS_CSV.to_owned(),
        csv_of(&subprocessors.rows, &today),
    ));
    out.push((
        SUBPROCESSORS_JSON.to_owned(),
        json_of(&subprocessors.rows, &model.today.to_string(), base, &today),
    ));
    let history = &subprocessors.history;
    for snapshot in &history.snapshots {
        let rows: Vec<SubprocessorRow> = history
            .rows_of(&subprocessors.rows, snapshot)
            .cloned()
            .collect();
        let day = Date(
            snapshot
                .date
                .parse()
                .expect("a snapshot's day is a date the build wrote"),
        );
        let later = Later::new(model, day);
        let path = |ext| super::derive::snapshot_path(&snapshot.date, ext);
        out.push((path("csv"), csv_of(&rows, &later)));
        out.push((path("json"), json_of(&rows, &snapshot.date, base, &later)));
    }
    out
}

/// The changes to subprocessors' details (locations, purpose, data categories) that take effect
/// after a day. A list of that day gives each subprocessor's details as they are at the build,
/// since the change log records what changed only in words: these say which of them that day
/// did not have yet.
pub(super) struct Later<'a> {
    changes: Vec<&'a crate::model::Change>,
}

impl<'a> Later<'a> {
    /// The detail changes of `model` that take effect after `day`.
    pub(super) fn new(model: &'a Model, day: Date) -> Later<'a> {
        use crate::model::ChangeKind;
        Later {
            changes: model
                .changes
                .iter()
                .filter(|c| {
                    matches!(
                        c.kind.get_ref(),
                        ChangeKind::Location | ChangeKind::Purpose | ChangeKind::DataCategories
                    ) && *c.effective.get_ref() > day
                })
                .collect(),
        }
    }

    /// The ids of those that concern `subprocessor`, separated by `; `.
    fn of(&self, subprocessor: &str) -> String {
        self.changes
            .iter()
            .filter(|c| c.subprocessors.iter().any(|s| s.get_ref() == subprocessor))
            .map(|c| c.id.get_ref().as_str())
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// The site's host name, for tag URIs and calendar UIDs.
fn host(base: &str) -> String {
    let rest = base.split_once("://").map_or(base, |(_, r)| r);
    rest.split(['/', ':']).next().unwrap_or(rest).to_owned()
}

/// A content date as chrono's day, for the calendar.
fn naive(d: Date) -> NaiveDate {
    NaiveDate::from_ymd_opt(i32::from(d.0.year()), d.0.month() as u32, d.0.day() as u32)
        .expect("content dates are valid")
}

/// Midnight UTC of a content date: content has days, feeds and calendars need instants.
fn midnight(d: Date) -> DateTime<Utc> {
    Utc.from_utc_datetime(&naive(d).and_time(chrono::NaiveTime::MIN))
}

/// The same instant with its (zero) offset, as the feed formats write it.
fn instant(d: Date) -> DateTime<FixedOffset> {
    midnight(d).fixed_offset()
}

/// A whole-day event. RFC 5545 makes an all-day DTEND exclusive, so it is the next day.
trait AllDay {
    fn all_day_on(&mut self, day: Date) -> &mut Self;
}

impl AllDay for Event {
    fn all_day_on(&mut self, day: Date) -> &mut Self {
        self.starts(naive(day)).ends(naive(day.plus_days(1)))
    }
}

fn escape(s: &str) -> String {
    html_escape::encode_text(s).into_owned()
}

/// How to object to a change, as HTML. The address goes into an attribute as well as the text,
/// so it is escaped for both: escaping for text alone left a `"` in an address free to end the
/// `href` and start an attribute of its own.
fn objection_note(email: &str, change_id: &str, deadline: Date) -> String {
    format!(
        "<p>To object, write to <a href=\"mailto:{}\">{}</a> citing change {} before the end of {deadline}.</p>",
        html_escape::encode_double_quoted_attribute(email),
        escape(email),
        escape(change_id),
    )
}

/// The change feed; `views` are the Subprocessors page's change entries (newest first, as
/// [`changes_newest_first`] orders the model's changes).
fn change_feed(
    model: &Model,
    site: &SiteData,
    views: &[ChangeItem],
    base: &str,
    host: &str,
) -> FeedSpec<'static> {
    let notice = model
        .subprocessor_notice()
        .map(|n| n.objection_email.get_ref().clone());
    // Each entry's text as the page shows it, its links made absolute against the page: a
    // reader resolves a bare `#details-2` against the feed's own address otherwise.
    let page = format!("{base}/subprocessors/");
    let changes = changes_newest_first(model);
    assert_eq!(changes.len(), views.len(), "one page entry per change");
    let items = changes
        .into_iter()
        .zip(views)
        .map(|(change, view)| {
            assert_eq!(change.id.get_ref(), &view.id, "the page's order");
            let deadline = change.objection_deadline();
            let mut html = format!(
                "<p>{}</p><p><strong>{}</strong> · subprocessors: {}</p><p>Announced {}; takes effect {}; objections until {}.</p>{}",
                escape(&view.summary),
                escape(&view.kind),
                escape(&view.subprocessors.join(", ")),
                view.announced,
                view.effective,
                deadline,
                markdown::with_base(&view.reason_html, &page),
            );
            if let Some(email) = &notice {
                html.push_str(&objection_note(email, &view.id, deadline));
            }
            Item {
                id: format!("tag:{host},{}:subprocessor-change/{}", view.announced, view.id),
                title: format!("{}: {}", view.kind, view.summary),
                url: format!("{base}/subprocessors/#{}", view.anchor),
                published: *change.announced.get_ref(),
                html,
            }
        })
        .collect();
    FeedSpec {
        title: format!("{}: subprocessor changes", site.name),
        author: Author::of(model),
        page,
        self_paths: [CHANGES_ATOM, CHANGES_RSS, CHANGES_JSON],
        items,
    }
}

/// The update feed; `views` are the Updates page's items, one per update of the model, in its
/// order.
fn update_feed(
    model: &Model,
    site: &SiteData,
    views: &[UpdateItem],
    base: &str,
    host: &str,
) -> FeedSpec<'static> {
    // Each text as the updates page shows it (see `change_feed`).
    let page = format!("{base}/updates/");
    assert_eq!(model.updates.len(), views.len(), "one page item per update");
    let items = model
        .updates
        .iter()
        .zip(views)
        .map(|(u, view)| {
            assert_eq!(u.id, view.id, "the page's order");
            Item {
                id: format!("tag:{host},{}:update/{}", u.meta.date, u.id),
                title: u.meta.title.clone(),
                url: format!("{base}/updates/#{}", u.id),
                published: u.meta.date,
                html: markdown::with_base(&view.html, &page),
            }
        })
        .collect();
    FeedSpec {
        title: format!("{}: updates", site.name),
        author: Author::of(model),
        page,
        self_paths: [UPDATES_ATOM, UPDATES_RSS, UPDATES_JSON],
        items,
    }
}

/// The feed's updated time: its newest entry, or a fixed day for an empty feed so that the
/// file does not change from build to build.
fn newest(spec: &FeedSpec) -> Date {
    spec.items
        .iter()
        .map(|i| i.published)
        .max()
        .unwrap_or(Date::ymd(2000, 1, 1))
}

fn atom_feed(spec: &FeedSpec, base: &str) -> String {
    use atom_syndication::{Content, Entry, Feed, Link, Person, Text};
    let feed = Feed {
        title: Text::plain(spec.title.clone()),
        id: format!("{base}{}", spec.self_paths[0]),
        updated: instant(newest(spec)),
        authors: vec![Person {
            name: spec.author.name.clone(),
            uri: Some(spec.author.uri.clone()),
            ..Person::default()
        }],
        links: vec![
            Link {
                href: format!("{base}{}", spec.self_paths[0]),
                rel: "self".into(),
                mime_type: Some("application/atom+xml".into()),
                ..Link::default()
            },
            Link {
                href: spec.page.clone(),
                rel: "alternate".into(),
                mime_type: Some("text/html".into()),
                ..Link::default()
            },
        ],
        entries: spec
            .items
            .iter()
            .map(|i| Entry {
                id: i.id.clone(),
                title: Text::plain(i.title.clone()),
                updated: instant(i.published),
                published: Some(instant(i.published)),
                links: vec![Link {
                    href: i.url.clone(),
                    rel: "alternate".into(),
                    mime_type: Some("text/html".into()),
                    ..Link::default()
                }],
                content: Some(Content {
                    value: Some(i.html.clone()),
                    content_type: Some("html".into()),
                    ..Content::default()
                }),
                ..Entry::default()
            })
            .collect(),
        ..Feed::default()
    };
    feed.to_string()
}

fn rss_feed(spec: &FeedSpec) -> String {
    use rss::{Channel, Guid, Item as RssItem};
    let channel = Channel {
        title: spec.title.clone(),
        link: spec.page.clone(),
        description: spec.title.clone(),
        last_build_date: Some(instant(newest(spec)).to_rfc2822()),
        items: spec
            .items
            .iter()
            .map(|i| RssItem {
                title: Some(i.title.clone()),
                link: Some(i.url.clone()),
                guid: Some(Guid {
                    value: i.id.clone(),
                    permalink: false,
                }),
                pub_date: Some(instant(i.published).to_rfc2822()),
                description: Some(i.html.clone()),
                ..RssItem::default()
            })
            .collect(),
        ..Channel::default()
    };
    channel.to_string()
}

/// JSON Feed 1.1 (<https://www.jsonfeed.org/version/1.1/>), written through serde.
fn json_feed(spec: &FeedSpec, base: &str) -> String {
    #[derive(Serialize)]
    struct JsonFeed<'a> {
        version: &'static str,
        title: &'a str,
        home_page_url: &'a str,
        feed_url: String,
        authors: [JsonAuthor<'a>; 1],
        items: Vec<JsonItem<'a>>,
    }
    #[derive(Serialize)]
    struct JsonAuthor<'a> {
        name: &'a str,
        url: &'a str,
    }
    #[derive(Serialize)]
    struct JsonItem<'a> {
        id: &'a str,
        url: &'a str,
        title: &'a str,
        content_html: &'a str,
        date_published: String,
    }
    let feed = JsonFeed {
        version: "https://jsonfeed.org/version/1.1",
        title: &spec.title,
        home_page_url: &spec.page,
        feed_url: format!("{base}{}", spec.self_paths[2]),
        authors: [JsonAuthor {
            name: &spec.author.name,
            url: &spec.author.uri,
        }],
        items: spec
            .items
            .iter()
            .map(|i| JsonItem {
                id: &i.id,
                url: &i.url,
                title: &i.title,
                content_html: &i.html,
                date_published: instant(i.published).to_rfc3339(),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&feed).expect("a feed always serialises")
}

fn calendar(name: &str) -> Calendar {
    let mut cal = Calendar::new();
    // icalendar writes NAME without escaping it (X-WR-CALNAME is escaped): a line break in the
    // organisation's name would end the property and start one of the author's choosing.
    cal.name(&name.split_whitespace().collect::<Vec<_>>().join(" "));
    // A subscribed calendar is fetched again as often as it asks (RFC 7986 REFRESH-INTERVAL;
    // Apple's and Outlook's X-PUBLISHED-TTL), else as rarely as a week: the site is rebuilt
    // every day, and an objection window can be shorter than a week.
    // Written as a day, not as icalendar's `ttl` writes it (`PT86400S`): what clients show.
    cal.append_property(
        icalendar::Property::new("REFRESH-INTERVAL", "P1D")
            .append_parameter(icalendar::Parameter::new("VALUE", "DURATION"))
            .done(),
    );
    cal.append_property(icalendar::Property::new("X-PUBLISHED-TTL", "P1D"));
    cal
}

/// An event's DTSTAMP: when the information it carries came to be (RFC 5545 §3.8.7.2, for a
/// calendar without METHOD: when it was last revised), given as `known`, never after the build
/// day. A day of the content rather than the build's instant, so that an unchanged event reads the
/// same in every build; never the event's own date, which lies ahead: a stamp in the future says
/// the event was written after it was read, and a client that orders an event's revisions by it
/// (RFC 5546) would pass over every correction until that day.
fn stamp(known: Date, today: Date) -> DateTime<Utc> {
    midnight(known.min(today))
}

/// How many days before an objection deadline its event reminds the subscriber.
const OBJECTION_REMINDER_DAYS: i64 = 7;
/// How many days before a certificate expires its event reminds the subscriber: a vendor review
/// asks for the renewed report or certificate in that time.
const EXPIRY_REMINDER_DAYS: i64 = 30;

/// How many days before an objection deadline its reminder comes: a week, or from the
/// announcement when the window is shorter; none when the change is announced on its last day.
fn objection_reminder_lead(announced: Date, deadline: Date) -> Option<i64> {
    let lead = announced.days_until(deadline).min(OBJECTION_REMINDER_DAYS);
    (lead > 0).then_some(lead)
}

/// A reminder `days` before an all-day event, at 9 in the morning (the event starts at midnight
/// of its day; a reminder at midnight would wake nobody and be missed): a DISPLAY alarm, which
/// clients show as a notification where the subscriber allows the calendar's alerts.
///
/// icalendar writes a DTSTAMP and a UID into every component it is not given one for, the build's
/// instant and a random one: the alarm gets its event's, so that an unchanged calendar reads the
/// same in every build (a UID in an alarm is RFC 9074's).
fn reminder(text: &str, days: i64, event_uid: &str, stamp: DateTime<Utc>) -> Alarm {
    let mut alarm = Alarm::display(
        text,
        -(chrono::Duration::days(days) - chrono::Duration::hours(9)),
    );
    alarm
        .timestamp(stamp)
        .add_property("UID", format!("reminder-{event_uid}"));
    alarm
}

fn changes_calendar(model: &Model, site: &SiteData, base: &str, host: &str) -> String {
    let mut cal = calendar(&format!("{}: subprocessor changes", site.name));
    for c in changes_newest_first(model) {
        let id = c.id.get_ref();
        let url = format!("{base}/subprocessors/#{}", change_anchor(id));
        // The change is known from its announcement (the site publishes none before that day).
        let stamp = stamp(*c.announced.get_ref(), model.today);
        cal.push(
            Event::new()
                .uid(&format!("change-{id}-effective@{host}"))
                .timestamp(stamp)
                .summary(&format!("Subprocessor change takes effect: {}", c.summary))
                .description(&format!("Change {id}. {url}"))
                .url(&url)
                .all_day_on(*c.effective.get_ref())
                .done(),
        );
        let deadline = c.objection_deadline();
        let uid = format!("change-{id}-objection-deadline@{host}");
        let must = format!("Objections to change {id} must arrive by the end of {deadline}.");
        let mut event = Event::new();
        event
            .uid(&uid)
            .timestamp(stamp)
            .summary(&format!("Last day to object: {}", c.summary))
            .description(&format!("{must} {url}"))
            .url(&url)
            .all_day_on(deadline);
        if let Some(lead) = objection_reminder_lead(*c.announced.get_ref(), deadline) {
            event.alarm(reminder(&must, lead, &uid, stamp));
        }
        cal.push(event.done());
    }
    cal.done().to_string()
}

fn certifications_calendar(model: &Model, site: &SiteData, base: &str, host: &str) -> String {
    let mut cal = calendar(&format!("{}: certification expiries", site.name));
    for c in &model.certifications {
        let Some(until) = &c.valid_until else {
            continue;
        };
        let until = *until.get_ref();
        let id = c.id.get_ref();
        let url = format!("{base}/certifications/#{id}");
        let name = certification_name(c);
        // The UID names the expiry date, so each certificate (a renewal is a new one) is its own
        // event, known since the certificate's first day; one without a first day is as known as
        // the build makes it.
        let known = c.valid_from.as_ref().map_or(model.today, |d| *d.get_ref());
        let uid = format!("certification-{id}-expiry-{until}@{host}");
        let stamp = stamp(known, model.today);
        cal.push(
            Event::new()
                .uid(&uid)
                .timestamp(stamp)
                .summary(&format!("{name} expires"))
                .description(&format!("{name} is valid until {until}. {url}"))
                .url(&url)
                .all_day_on(until)
                .alarm(reminder(
                    &format!("{name} is valid until {until}: time to ask for its renewal."),
                    EXPIRY_REMINDER_DAYS,
                    &uid,
                    stamp,
                ))
                .done(),
        );
    }
    cal.done().to_string()
}

/// One exported subprocessor: the columns of the CSV and the fields of the JSON exports and of
/// `trust.json`, documented in the README; new columns are only ever added at the end.
#[derive(Default, Serialize, schemars::JsonSchema)]
pub(super) struct ExportRow {
    /// Stable identifier (the anchor on the Subprocessors page).
    id: String,
    /// The name people know it by.
    name: String,
    /// The contracting legal entity and its address.
    legal_entity: String,
    /// What it does for the company.
    purpose: String,
    /// Countries where it processes data, by name, separated by `; `.
    locations: String,
    /// How transfers outside the EEA are safeguarded.
    transfer_mechanism: String,
    /// Its data processing agreement, or empty.
    dpa_url: String,
    /// The first day of its stay on the list (ISO 8601): for one that left and came back, the
    /// day it came back.
    since: String,
    /// The categories of personal data it processes, separated by `; `.
    data_categories: String,
    /// Ids of the changes to its locations, purpose or data categories that take effect after
    /// the day the list is of, separated by `; `: the columns above give its details as of the
    /// build, so on a past day's list these name what that day did not have yet (see each
    /// change on the Subprocessors page).
    details_changed_after: String,
}

/// The rows as `trust.json` and the JSON exports give them; `later`: the detail changes after
/// the day they are of.
pub(super) fn export_rows(rows: &[SubprocessorRow], later: &Later) -> Vec<ExportRow> {
    export_cells(rows, str::to_owned, later)
}

/// The rows with each cell through `cell` (the CSV's cells are [`inert`] in a spreadsheet).
fn export_cells(
    rows: &[SubprocessorRow],
    cell: impl Fn(&str) -> String,
    later: &Later,
) -> Vec<ExportRow> {
    rows.iter()
        .map(|r| ExportRow {
            id: cell(&r.id),
            name: cell(&r.name),
            legal_entity: cell(&r.entity),
            purpose: cell(&r.purpose),
            locations: cell(&r.locations.join("; ")),
            transfer_mechanism: cell(&r.transfer),
            dpa_url: cell(r.dpa_url.as_deref().unwrap_or_default()),
            since: cell(&r.since),
            data_categories: cell(&r.data_categories.join("; ")),
            details_changed_after: cell(&later.of(&r.id)),
        })
        .collect()
}

fn csv_of(rows: &[SubprocessorRow], later: &Later) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let cells = export_cells(rows, |cell| inert(cell).into_owned(), later);
    // The header goes out with the first row; a day with nobody on the list still says what its
    // columns are, so the row of a blank record is written and dropped.
    let header_only = cells.is_empty();
    for row in cells {
        w.serialize(row).expect("rows always serialise");
    }
    if header_only {
        w.serialize(ExportRow::default())
            .expect("rows always serialise");
    }
    let csv = String::from_utf8(w.into_inner().expect("writing to memory cannot fail"))
        .expect("CSV of UTF-8 text is UTF-8");
    if header_only {
        csv.split_inclusive('\n')
            .next()
            .unwrap_or_default()
            .to_owned()
    } else {
        csv
    }
}

fn json_of(rows: &[SubprocessorRow], as_of: &str, base: &str, later: &Later) -> String {
    #[derive(Serialize)]
    struct Export {
        source: String,
        as_of: String,
        subprocessors: Vec<ExportRow>,
    }
    serde_json::to_string_pretty(&Export {
        source: format!("{base}/subprocessors/"),
        as_of: as_of.to_owned(),
        subprocessors: export_rows(rows, later),
    })
    .expect("the export always serialises")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_objection_deadline_reminds_a_week_ahead_or_from_the_announcement() {
        let deadline = Date::ymd(2026, 12, 9);
        let lead = |announced| objection_reminder_lead(announced, deadline);
        assert_eq!(lead(Date::ymd(2026, 11, 9)), Some(7));
        assert_eq!(lead(Date::ymd(2026, 12, 2)), Some(7));
        assert_eq!(lead(Date::ymd(2026, 12, 6)), Some(3));
        assert_eq!(lead(deadline), None);
    }

    #[test]
    fn a_line_break_in_the_calendar_name_adds_no_property() {
        let ics = calendar("Evil\nBEGIN:VEVENT\r\nSUMMARY:injected").to_string();
        let lines: Vec<&str> = ics.lines().collect();
        assert!(
            lines.contains(&"NAME:Evil BEGIN:VEVENT SUMMARY:injected"),
            "{ics}"
        );
        assert!(!lines.iter().any(|l| l.starts_with("SUMMARY:")), "{ics}");
        assert_eq!(lines.iter().filter(|l| l.starts_with("BEGIN:")).count(), 1);
    }

    #[test]
    fn an_objection_address_cannot_break_out_of_its_link() {
        let html = objection_note(
            "x\"onmouseover=\"alert(1)\"@example.com",
            "a<b",
            Date::ymd(2026, 11, 29),
        );
        assert_eq!(
            html,
            "<p>To object, write to <a href=\"mailto:x&quot;onmouseover=&quot;alert(1)&quot;@example.com\">x\"onmouseover=\"alert(1)\"@example.com</a> citing change a&lt;b before the end of 2026-11-29.</p>"
        );
    }
}
