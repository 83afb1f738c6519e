//! Feeds, calendars and exports as subscribers' tools read them: parsed with independent
//! parsers (feed-rs, atom_syndication, ical, csv), carrying the expected entries, ids, authors and
//! dates, agreeing with the Subprocessors page, and served with their type and charset.
#![cfg(feature = "ssr")]

mod common;

use std::fs;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::Duration;

use scraper::{Html, Selector};
use trust_center::model::Date;
use trust_center::publish;

fn site() -> &'static Path {
    common::example_site()
}

fn read(path: &str) -> Vec<u8> {
    fs::read(site().join(path.trim_start_matches('/'))).unwrap()
}

const CHANGE: &str = "2026-12-payee-verification";

#[test]
fn the_change_feeds_parse_in_every_format_with_the_same_entries() {
    let mut ids = Vec::new();
    for path in [
        "/subprocessors/changes.atom",
        "/subprocessors/changes.rss",
        "/subprocessors/changes.json",
    ] {
        let feed =
            feed_rs::parser::parse(&read(path)[..]).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(feed.entries.len(), 10, "{path}");
        let open = feed
            .entries
            .iter()
            .find(|e| e.id.ends_with(CHANGE))
            .unwrap_or_else(|| panic!("{path}: no entry for {CHANGE}"));
        assert_eq!(
            open.published.unwrap().to_rfc3339(),
            "2026-11-09T00:00:00+00:00",
            "{path}"
        );
        assert_eq!(
            open.links[0].href,
            format!("https://trust.quillfeather.example/subprocessors/#change-{CHANGE}")
        );
        let body = open
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .or_else(|| open.summary.as_ref().map(|s| s.content.clone()))
            .unwrap_or_default();
        assert!(
            body.contains("objections until 2026-12-09"),
            "{path}: {body}"
        );
        ids.push(
            feed.entries
                .iter()
                .map(|e| e.id.clone())
                .collect::<Vec<_>>(),
        );
    }
    // Stable ids, the same in every format.
    assert_eq!(ids[0], ids[1]);
    assert_eq!(ids[0], ids[2]);
    assert!(
        ids[0][0].starts_with("tag:trust.quillfeather.example,"),
        "{}",
        ids[0][0]
    );
}

const FEEDS: [&str; 6] = [
    "/subprocessors/changes.atom",
    "/subprocessors/changes.rss",
    "/subprocessors/changes.json",
    "/updates/feed.atom",
    "/updates/feed.rss",
    "/updates/feed.json",
];

#[test]
fn every_feed_names_the_organisation_as_its_author() {
    for path in ["/subprocessors/changes.atom", "/updates/feed.atom"] {
        // RFC 4287 §4.1.1: a feed without an author must give one on every entry; a strict
        // reader drops it otherwise.
        let feed = atom_syndication::Feed::read_from(&read(path)[..])
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        let authors: Vec<(&str, Option<&str>)> =
            feed.authors().iter().map(|a| (a.name(), a.uri())).collect();
        assert_eq!(
            authors,
            [("Quillfeather", Some("https://quillfeather.example"))],
            "{path}"
        );
    }
    for path in FEEDS.into_iter().filter(|p| p.ends_with(".json")) {
        let feed = feed_rs::parser::parse(&read(path)[..]).unwrap();
        assert_eq!(feed.authors[0].name, "Quillfeather", "{path}");
        assert_eq!(
            feed.authors[0].uri.as_deref(),
            Some("https://quillfeather.example"),
            "{path}"
        );
    }
}

#[test]
fn feed_entries_read_as_the_page_does_without_notes_for_the_table() {
    for path in FEEDS {
        let feed = feed_rs::parser::parse(&read(path)[..]).unwrap();
        for entry in &feed.entries {
            let body = entry
                .content
                .as_ref()
                .and_then(|c| c.body.clone())
                .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()))
                .unwrap_or_default();
            assert!(!body.contains("ISO 8601"), "{path}: {}: {body}", entry.id);
        }
    }
}

#[test]
fn the_update_feeds_parse() {
    for path in [
        "/updates/feed.atom",
        "/updates/feed.rss",
        "/updates/feed.json",
    ] {
        let feed =
            feed_rs::parser::parse(&read(path)[..]).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(feed.entries.len(), 8, "{path}");
    }
}

#[test]
fn every_page_advertises_the_feeds() {
    let html = String::from_utf8(read("/certifications/index.html")).unwrap();
    let doc = Html::parse_document(&html);
    let hrefs: Vec<&str> = doc
        .select(&Selector::parse(r#"link[rel="alternate"]"#).unwrap())
        .filter_map(|l| l.value().attr("href"))
        .collect();
    for expected in [
        "/subprocessors/changes.atom",
        "/subprocessors/changes.json",
        "/updates/feed.rss",
    ] {
        assert!(hrefs.contains(&expected), "{hrefs:?}");
    }
}

fn events(path: &str) -> Vec<Vec<(String, String)>> {
    let bytes = read(path);
    let mut parser = ical::IcalParser::new(&bytes[..]);
    let cal = parser
        .next()
        .expect("one calendar")
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    assert!(parser.next().is_none());
    cal.events
        .into_iter()
        .map(|e| {
            e.properties
                .into_iter()
                .map(|p| (p.name, p.value.unwrap_or_default()))
                .collect()
        })
        .collect()
}

fn prop<'a>(event: &'a [(String, String)], name: &str) -> &'a str {
    event
        .iter()
        .find(|(n, _)| n == name)
        .map_or("", |(_, v)| v.as_str())
}

/// A calendar subscribed to is fetched again every day, as the site is rebuilt: left to itself a
/// client may wait a week, longer than some objection windows.
#[test]
fn calendars_ask_subscribers_to_refresh_daily() {
    for path in ["/subprocessors/changes.ics", "/certifications/expiries.ics"] {
        let bytes = read(path);
        let cal = ical::IcalParser::new(&bytes[..]).next().unwrap().unwrap();
        let value = |name: &str| {
            cal.properties
                .iter()
                .find(|p| p.name == name)
                .and_then(|p| p.value.clone())
        };
        assert_eq!(value("REFRESH-INTERVAL").as_deref(), Some("P1D"), "{path}");
        assert_eq!(value("X-PUBLISHED-TTL").as_deref(), Some("P1D"), "{path}");
    }
}

/// The build day of the example (2026-11-22) as a DTSTAMP's `YYYYMMDD` prefix compares.
const BUILD_DAY: &str = "20261122";

/// Every event's DTSTAMP in `path`, checked to be a UTC date-time no later than the build day.
fn stamps_until_build_day(path: &str) -> Vec<String> {
    let stamps: Vec<String> = events(path)
        .iter()
        .map(|e| prop(e, "DTSTAMP").to_owned())
        .collect();
    for stamp in &stamps {
        // RFC 5545 §3.8.7.2: a UTC date-time, the time the event's information was created.
        assert!(
            stamp.len() == 16 && stamp.ends_with('Z'),
            "{path}: DTSTAMP {stamp}"
        );
        assert!(
            stamp[..8] <= *BUILD_DAY,
            "{path}: DTSTAMP {stamp} is after the build day"
        );
    }
    stamps
}

#[test]
fn calendar_events_are_stamped_no_later_than_the_build() {
    let stamps = stamps_until_build_day("/subprocessors/changes.ics");
    assert_eq!(stamps.len(), 20);
    // A change's events are stamped with the day it was announced.
    let announced = events("/subprocessors/changes.ics")
        .into_iter()
        .find(|e| prop(e, "UID").starts_with(&format!("change-{CHANGE}-effective@")))
        .map(|e| prop(&e, "DTSTAMP").to_owned());
    assert_eq!(announced.as_deref(), Some("20261109T000000Z"));

    // A certificate's expiry, years ahead, is known from its first day of validity.
    let stamps = stamps_until_build_day("/certifications/expiries.ics");
    let iso27001 = events("/certifications/expiries.ics")
        .into_iter()
        .find(|e| prop(e, "UID").starts_with("certification-iso27001-expiry-"))
        .unwrap();
    assert_eq!(prop(&iso27001, "DTSTART"), "20270311");
    assert_eq!(prop(&iso27001, "DTSTAMP"), "20240312T000000Z");
    assert_eq!(stamps.len(), 4);
}

/// The status, the headers (lowercased names) and the body of a GET of `path` from the static
/// host serving the example site (uncompressed: the type is the same either way).
fn fetch(port: u16, path: &str) -> (u16, Vec<(String, String)>, Vec<u8>) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let end = response.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8(response[..end].to_vec()).unwrap();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    (status, headers, response[end + 4..].to_vec())
}

#[test]
fn feeds_calendars_and_exports_are_served_as_utf_8() {
    let host = trust_center::serve::StaticHost::bind(site(), "127.0.0.1:0", false).unwrap();
    let port = host.port();
    std::thread::spawn(move || host.run());
    let expected = [
        ("/subprocessors/changes.atom", "application/atom+xml"),
        ("/subprocessors/changes.rss", "application/rss+xml"),
        ("/subprocessors/changes.json", "application/json"),
        ("/updates/feed.atom", "application/atom+xml"),
        ("/updates/feed.rss", "application/rss+xml"),
        ("/subprocessors/changes.ics", "text/calendar"),
        ("/certifications/expiries.ics", "text/calendar"),
        ("/subprocessors/subprocessors.csv", "text/csv"),
        ("/subprocessors/subprocessors.json", "application/json"),
        ("/.well-known/security.txt", "text/plain"),
    ];
    for (path, mime) in expected {
        let (status, headers, _) = fetch(port, path);
        assert_eq!(status, 200, "{path}");
        // Once: the site's `_headers` names the type too, and must replace the host's, not add
        // a second one for the browser to pick from.
        let types: Vec<&str> = headers
            .iter()
            .filter(|(n, _)| n == "content-type")
            .map(|(_, v)| v.as_str())
            .collect();
        assert_eq!(types, [format!("{mime}; charset=utf-8")], "{path}");
    }
    // What a reader decodes by that charset is the feed as written: "·" and "’" as themselves.
    let (_, _, body) = fetch(port, "/subprocessors/changes.atom");
    assert!(String::from_utf8(body)
        .unwrap()
        .contains(" · subprocessors: "));

    // The same types for other hosts, in the `_headers` file Netlify and Cloudflare Pages read.
    let rules = String::from_utf8(read("/_headers")).unwrap();
    for (path, mime) in expected {
        assert!(
            rules.contains(&format!(
                "\n{path}\n  Content-Type: {mime}; charset=utf-8\n"
            )),
            "{path}: {rules}"
        );
    }
}

#[test]
fn the_change_calendar_has_each_effective_date_and_objection_deadline() {
    let events = events("/subprocessors/changes.ics");
    assert_eq!(events.len(), 20);
    let deadline = events
        .iter()
        .find(|e| prop(e, "UID").starts_with(&format!("change-{CHANGE}-objection-deadline@")))
        .unwrap();
    assert_eq!(prop(deadline, "DTSTART"), "20261209");
    assert_eq!(
        prop(deadline, "DTEND"),
        "20261210",
        "all-day: DTEND is the next day"
    );
    let effective = events
        .iter()
        .find(|e| prop(e, "UID").starts_with(&format!("change-{CHANGE}-effective@")))
        .unwrap();
    assert_eq!(prop(effective, "DTSTART"), "20261210");
}

#[test]
fn the_certification_calendar_has_each_expiry() {
    let events = events("/certifications/expiries.ics");
    // The example has four certifications with an expiry date (the others are planned or
    // self-assessed).
    assert_eq!(events.len(), 4);
    assert!(events
        .iter()
        .all(|e| prop(e, "SUMMARY").ends_with("expires")));
}

#[test]
fn the_exports_list_the_subprocessors_page_entries() {
    let page = Html::parse_document(&String::from_utf8(read("/subprocessors/index.html")).unwrap());
    let listed: Vec<String> = page
        .select(&Selector::parse("table.subprocessors tbody th a").unwrap())
        .map(|e| e.text().collect::<String>().trim().to_owned())
        .collect();
    assert!(listed.len() >= 10);

    let bytes = read("/subprocessors/subprocessors.csv");
    let mut csv = csv::Reader::from_reader(&bytes[..]);
    assert_eq!(
        csv.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "id",
            "name",
            "legal_entity",
            "purpose",
            "locations",
            "transfer_mechanism",
            "dpa_url",
            "since",
            "data_categories",
            "details_changed_after"
        ]
    );
    let names: Vec<String> = csv.records().map(|r| r.unwrap()[1].to_owned()).collect();
    assert_eq!(names, listed);

    let json: serde_json::Value =
        serde_json::from_slice(&read("/subprocessors/subprocessors.json")).unwrap();
    let names: Vec<&str> = json["subprocessors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, listed);
    assert_eq!(json["as_of"], "2026-11-22");
}

#[test]
fn the_list_on_a_past_day_is_exported_from_the_change_history() {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let (model, _) = trust_center::load::load(&content, Date::ymd(2026, 11, 22)).unwrap();
    let snapshots = publish::subprocessor_snapshots(&model);
    assert!(snapshots.len() >= 5, "{}", snapshots.len());
    // Every snapshot export holds exactly the list of that day, by the change history.
    for (day, _) in &snapshots {
        let expected: Vec<String> = publish::subprocessors_on(&model, *day)
            .into_iter()
            .map(|(s, _)| s.name.clone())
            .collect();
        let bytes = read(&format!("/subprocessors/history/{day}.csv"));
        let mut csv = csv::Reader::from_reader(&bytes[..]);
        let names: Vec<String> = csv.records().map(|r| r.unwrap()[1].to_owned()).collect();
        assert_eq!(names, expected, "{day}");
        let json: serde_json::Value =
            serde_json::from_slice(&read(&format!("/subprocessors/history/{day}.json"))).unwrap();
        assert_eq!(json["as_of"], day.to_string());
        assert_eq!(
            json["subprocessors"].as_array().unwrap().len(),
            expected.len()
        );
    }
    // Before it was replaced, Courierbird was on the list; today it is not.
    let before = snapshots
        .iter()
        .rev()
        .find(|(d, _)| *d <= Date::ymd(2025, 6, 1))
        .unwrap();
    assert!(
        before.1.iter().any(|r| r.name.contains("Courierbird")),
        "{:?}",
        before.0
    );
    let today = &snapshots.last().unwrap().1;
    assert!(!today.iter().any(|r| r.name.contains("Courierbird")));
    // A past list gives today's details, and names the changes to them that came after its day:
    // Postwise Mail's Dublin site, effective 2026-04-06, is not yet on the list of 2026-03-02.
    let row = |day: &str, id: &str| -> serde_json::Value {
        let json: serde_json::Value =
            serde_json::from_slice(&read(&format!("/subprocessors/history/{day}.json"))).unwrap();
        json["subprocessors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(
        row("2026-03-02", "postwise-mail")["details_changed_after"],
        "2026-04-email-dublin"
    );
    assert_eq!(
        row("2026-04-06", "postwise-mail")["details_changed_after"],
        ""
    );
    assert!(row("2026-04-06", "postwise-mail")["data_categories"]
        .as_str()
        .unwrap()
        .contains("; "));
    // The newest snapshot is today's list, the one the page and the current exports show.
    let current: serde_json::Value =
        serde_json::from_slice(&read("/subprocessors/subprocessors.json")).unwrap();
    assert_eq!(
        current["subprocessors"].as_array().unwrap().len(),
        today.len()
    );
}

#[test]
fn a_subprocessor_that_left_and_came_back_is_listed_for_both_stays() {
    // Vaultline Backup: on the list from 2024-01-15, removed on 2025-03-03, added again on
    // 2026-06-01.
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/with-history");
    let site = common::build_site("with-history", &fixture);
    let listed = |path: &str| -> Vec<(String, String)> {
        let bytes = fs::read(site.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        let mut csv = csv::Reader::from_reader(&bytes[..]);
        let header = csv.headers().unwrap().clone();
        let since = header.iter().position(|h| h == "since").unwrap();
        csv.records()
            .map(|r| {
                let r = r.unwrap();
                (r[1].to_owned(), r[since].to_owned())
            })
            .filter(|(name, _)| name == "Vaultline Backup")
            .collect()
    };
    let stay = |since: &str| vec![("Vaultline Backup".to_owned(), since.to_owned())];
    assert_eq!(
        listed("subprocessors/subprocessors.csv"),
        stay("2026-06-01")
    );
    assert_eq!(
        listed("subprocessors/history/2024-01-15.csv"),
        stay("2024-01-15")
    );
    // Nobody was on the list then; the export still names its columns.
    assert_eq!(listed("subprocessors/history/2025-03-03.csv"), []);
    assert!(
        fs::read_to_string(site.join("subprocessors/history/2025-03-03.csv"))
            .unwrap()
            .starts_with("id,name,")
    );
    assert_eq!(
        listed("subprocessors/history/2026-06-01.csv"),
        stay("2026-06-01")
    );

    // The page's own past lists, which its date picker shows, agree with the exports.
    let html =
        Html::parse_document(&fs::read_to_string(site.join("subprocessors/index.html")).unwrap());
    let island = Selector::parse("leptos-island[data-component^=\"SubprocessorList\"]").unwrap();
    let props: serde_json::Value = serde_json::from_str(
        html.select(&island)
            .next()
            .expect("the list is an island")
            .value()
            .attr("data-props")
            .unwrap(),
    )
    .unwrap();
    let rows: Vec<trust_center::site::SubprocessorRow> =
        serde_json::from_value(props["rows"].clone()).unwrap();
    let history: trust_center::site::History =
        serde_json::from_value(props["history"].clone()).unwrap();
    for snapshot in &history.snapshots {
        let on_page: Vec<(String, String)> = history
            .rows_of(&rows, snapshot)
            .filter(|r| r.name == "Vaultline Backup")
            .map(|r| (r.name.clone(), r.since.clone()))
            .collect();
        assert_eq!(
            on_page,
            listed(&format!("subprocessors/history/{}.csv", snapshot.date)),
            "{}",
            snapshot.date
        );
    }
}

/// Each objection deadline reminds its subscribers a week ahead and each certificate a month
/// before it expires, at 9 in the morning (the all-day event starts at midnight): time to object,
/// or to ask for the renewed report. The alarm's stamp and UID are its event's, so a rebuild
/// writes the same calendar.
#[test]
fn deadlines_and_expiries_remind_subscribers_ahead() {
    for (path, kind, trigger) in [
        (
            "/subprocessors/changes.ics",
            "-objection-deadline@",
            "-PT572400S",
        ),
        ("/certifications/expiries.ics", "-expiry-", "-PT2559600S"),
    ] {
        let bytes = read(path);
        let cal = ical::IcalParser::new(&bytes[..]).next().unwrap().unwrap();
        let mut reminded = 0;
        for event in &cal.events {
            let value = |props: &[ical::property::Property], name: &str| {
                props
                    .iter()
                    .find(|p| p.name == name)
                    .and_then(|p| p.value.clone())
                    .unwrap_or_default()
            };
            let uid = value(&event.properties, "UID");
            if !uid.contains(kind) {
                assert!(
                    event.alarms.is_empty(),
                    "{path}: {uid} reminds of nothing to do"
                );
                continue;
            }
            assert_eq!(event.alarms.len(), 1, "{path}: {uid}");
            let alarm = &event.alarms[0].properties;
            assert_eq!(value(alarm, "ACTION"), "DISPLAY", "{path}: {uid}");
            assert!(!value(alarm, "DESCRIPTION").is_empty(), "{path}: {uid}");
            assert_eq!(value(alarm, "UID"), format!("reminder-{uid}"));
            assert_eq!(value(alarm, "DTSTAMP"), value(&event.properties, "DTSTAMP"));
            // Every example window is a week or longer.
            assert_eq!(value(alarm, "TRIGGER"), trigger, "{path}: {uid}");
            reminded += 1;
        }
        assert!(reminded >= 4, "{path}: {reminded} reminders");
    }
}
