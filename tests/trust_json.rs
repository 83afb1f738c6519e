//! `/trust.json`, the trust center as data: it validates against the schema published beside it
//! (checked by an independent JSON Schema validator), the schema is strict enough to catch a
//! consumer's wrong assumption, and the data says exactly what the pages and the other exports say.
#![cfg(feature = "ssr")]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use scraper::{Html, Selector};
use serde_json::Value;

const BASE: &str = "https://trust.quillfeather.example";

fn json(site: &Path, path: &str) -> Value {
    serde_json::from_str(&fs::read_to_string(site.join(path.trim_start_matches('/'))).unwrap())
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn validator(site: &Path) -> jsonschema::Validator {
    let schema = json(site, "/trust.schema.json");
    jsonschema::meta::validate(&schema).expect("the schema is a valid JSON Schema");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

#[test]
fn trust_json_validates_against_its_published_schema() {
    let site = common::example_site();
    let data = json(site, "/trust.json");
    let errors: Vec<String> = validator(site)
        .iter_errors(&data)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(data["$schema"], format!("{BASE}/trust.schema.json"));
    assert_eq!(
        json(site, "/trust.schema.json")["$id"],
        format!("{BASE}/trust.schema.json")
    );
    assert_eq!(data["format_version"], 1);
    assert_eq!(data["generated"], "2026-11-22");
}

/// A consumer that misreads a field (a status that does not exist, a date in another format, a
/// missing id, a field we never publish) is told so by the schema.
#[test]
fn the_schema_rejects_what_trust_json_never_says() {
    let site = common::example_site();
    let validator = validator(site);
    let data = json(site, "/trust.json");
    type Mutation = fn(&mut Value);
    let broken: [(&str, Mutation); 5] = [
        ("unknown status", |d| {
            d["certifications"][0]["status"] = "certified-ish".into()
        }),
        ("date format", |d| {
            d["documents"][0]["date"] = "22/11/2026".into()
        }),
        ("missing id", |d| {
            d["answers"][0].as_object_mut().unwrap().remove("id");
        }),
        ("unknown field", |d| {
            d["organization"]["ceo"] = "someone".into()
        }),
        ("wrong type", |d| {
            d["security"]["breach_notification_hours"] = "72".into()
        }),
    ];
    for (what, mutate) in broken {
        let mut copy = data.clone();
        mutate(&mut copy);
        assert!(!validator.is_valid(&copy), "{what} was accepted");
    }
}

#[test]
fn trust_json_says_what_the_exports_and_pages_say() {
    let site = common::example_site();
    let data = json(site, "/trust.json");
    let (model, _) = trust_center::load::load(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        trust_center::model::Date::ymd(2026, 11, 22),
    )
    .unwrap();

    // The same rows as the downloads, not a second rendering of them.
    assert_eq!(
        data["answers"],
        json(site, "/faq/answers.json")["answers"],
        "answers differ from the FAQ download"
    );
    assert_eq!(
        data["subprocessors"],
        json(site, "/subprocessors/subprocessors.json")["subprocessors"],
        "subprocessors differ from the export"
    );

    let ids = |key: &str| -> Vec<String> {
        data[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        ids("certifications"),
        model
            .certifications
            .iter()
            .map(|c| c.id.get_ref().clone())
            .collect::<Vec<_>>()
    );
    assert_eq!(
        ids("documents"),
        model
            .documents
            .iter()
            .map(|d| d.id.clone())
            .collect::<Vec<_>>()
    );
    assert_eq!(
        ids("subprocessor_changes").len(),
        model.changes.len(),
        "every announced change"
    );
    let controls: usize = data["security"]["layers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["controls"].as_array().unwrap().len())
        .sum();
    assert_eq!(
        controls,
        model
            .security
            .layer
            .iter()
            .map(|l| l.control.len())
            .sum::<usize>()
    );

    // The change inside its objection window on the build day is the one marked open.
    let open: Vec<&str> = data["subprocessor_changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["objection_open"] == true)
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    let expected: Vec<String> = model
        .changes
        .iter()
        .filter(|c| c.open_on(model.today))
        .map(|c| c.id.get_ref().clone())
        .collect();
    assert_eq!(open, expected);
    assert!(!open.is_empty(), "the example has an open change");

    // A change not yet in effect that brings a subprocessor in describes it in full: the list
    // names it only from that day, and a customer deciding whether to object needs it now.
    let generated = data["generated"].as_str().unwrap();
    let mut pending = 0;
    for change in data["subprocessor_changes"].as_array().unwrap() {
        let brings_in = change["kind"] == "add" || change["kind"] == "replace";
        let incoming: Vec<&Value> = change["incoming"]
            .as_array()
            .unwrap()
            .iter()
            .map(|row| &row["id"])
            .collect();
        if brings_in && change["effective"].as_str().unwrap() > generated {
            let named: Vec<&Value> = change["subprocessors"].as_array().unwrap().iter().collect();
            assert_eq!(incoming, named, "{change}");
            pending += 1;
        } else {
            assert!(incoming.is_empty(), "{change}");
        }
    }
    assert_eq!(pending, 1, "the example announces one subprocessor to come");

    // On-request documents say how to ask; public ones where to read or download.
    for doc in data["documents"].as_array().unwrap() {
        match doc["access"].as_str().unwrap() {
            "on-request" => assert!(doc["request_url"].is_string(), "{doc}"),
            "public" => assert!(
                doc["read_url"].is_string() || doc["download_url"].is_string(),
                "{doc}"
            ),
            other => panic!("access {other}"),
        }
    }
}

/// Every address trust.json gives on the site leads to a page or file, and every anchor to an
/// element on that page.
#[test]
fn every_site_address_in_trust_json_resolves() {
    let site = common::example_site();
    let data = json(site, "/trust.json");
    let mut urls = Vec::new();
    collect_site_urls(&data, &mut urls);
    assert!(urls.len() > 150, "only {} addresses", urls.len());

    let mut ids: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut broken = Vec::new();
    for url in &urls {
        let rest = url.strip_prefix(BASE).unwrap();
        let (path, fragment) = rest.split_once('#').unwrap_or((rest, ""));
        let file = if path.ends_with('/') {
            site.join(path.trim_start_matches('/')).join("index.html")
        } else {
            site.join(path.trim_start_matches('/'))
        };
        if !file.is_file() {
            broken.push(format!("{url}: no such file"));
            continue;
        }
        if fragment.is_empty() {
            continue;
        }
        let page_ids = ids.entry(path.to_owned()).or_insert_with(|| {
            Html::parse_document(&fs::read_to_string(&file).unwrap())
                .select(&Selector::parse("[id]").unwrap())
                .filter_map(|e| e.value().attr("id").map(str::to_owned))
                .collect()
        });
        if !page_ids.contains(fragment) {
            broken.push(format!("{url}: no element with that id"));
        }
    }
    assert!(broken.is_empty(), "{broken:#?}");
}

fn collect_site_urls(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) if s.starts_with(BASE) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| collect_site_urls(v, out)),
        Value::Object(map) => map
            .iter()
            // The schema's own address is checked above; the schema is not an HTML page.
            .filter(|(k, _)| k.as_str() != "$schema")
            .for_each(|(_, v)| collect_site_urls(v, out)),
        _ => {}
    }
}
