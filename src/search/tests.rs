//! The engine on a small corpus written the way trust-center content is.

use super::text::DEFAULT_SYNONYMS;
use super::*;

fn doc(url: &str, section: Section, title: &str, keywords: &[&str], text: &str) -> SearchDoc {
    SearchDoc {
        url: url.into(),
        section,
        title: title.into(),
        context: String::new(),
        keywords: keywords.iter().map(|k| (*k).to_owned()).collect(),
        text: text.into(),
    }
}

fn engine() -> Engine {
    let docs = vec![
        doc("/faq/#sso", Section::Faq, "Do you support single sign-on with our identity provider?", &["saml", "oidc"],
            "Yes. SAML 2.0 and OpenID Connect with any identity provider, on the Business plan."),
        doc("/faq/#mfa", Section::Faq, "Is multi-factor authentication available?", &["totp", "passkeys"],
            "Yes. Users can enrol authenticator apps or passkeys; administrators can require it."),
        doc("/faq/#backups", Section::Faq, "Are backups encrypted?", &["backup"],
            "Backups are encrypted with AES-256 and kept for 35 days in a second region."),
        doc("/security/#encryption-at-rest", Section::Security, "Encryption at rest", &["ISO 27001 A.8.24"],
            "Databases, object storage and backups use AES-256 with keys in a managed key service."),
        doc("/security/#pentest", Section::Security, "Annual penetration test", &[],
            "An independent firm tests the application and infrastructure every year."),
        doc("/documents/dpa/#7-subprocessors", Section::Documents, "7. Subprocessors", &[],
            "Quillfeather may engage sub-processors after giving the Customer 30 days notice."),
        doc("/data-privacy/", Section::DataPrivacy, "Data & Privacy", &[],
            "Customer data is stored in Frankfurt, Germany. Backups stay in the EU. We encrypt everything. \
             Retention, deletion and the rights of data subjects are described below at length, with many \
             more words about privacy, storage and processing so that this page is long."),
    ];
    let synonyms: Vec<Vec<String>> = DEFAULT_SYNONYMS
        .iter()
        .map(|g| g.iter().map(|s| (*s).to_owned()).collect())
        .collect();
    Engine::new(build_index(&docs, &synonyms))
}

fn urls(engine: &Engine, text: &str) -> Vec<String> {
    engine
        .search(&Query {
            text,
            section: None,
            limit: 10,
        })
        .into_iter()
        .map(|h| h.doc.url.clone())
        .collect()
}

#[test]
fn a_word_in_the_title_ranks_above_the_same_word_in_the_text() {
    let e = engine();
    let got = urls(&e, "backups ");
    assert_eq!(got[0], "/faq/#backups", "{got:?}");
    assert!(
        got.contains(&"/security/#encryption-at-rest".to_owned()),
        "{got:?}"
    );
}

#[test]
fn word_forms_meet_through_the_stemmer() {
    let e = engine();
    assert_eq!(urls(&e, "encrypted backup ")[0], "/faq/#backups");
    assert!(urls(&e, "encryption ").contains(&"/security/#encryption-at-rest".to_owned()));
}

#[test]
fn a_half_typed_word_matches_by_prefix() {
    let e = engine();
    assert!(urls(&e, "penet").contains(&"/security/#pentest".to_owned()));
    assert!(urls(&e, "subproc").contains(&"/documents/dpa/#7-subprocessors".to_owned()));
    // A finished word does not: "pen " is not "penetration".
    assert!(!urls(&e, "pen ").contains(&"/security/#pentest".to_owned()));
}

#[test]
fn misspelt_words_are_forgiven() {
    let e = engine();
    assert!(urls(&e, "encrytion ").contains(&"/security/#encryption-at-rest".to_owned()));
    assert!(urls(&e, "penetraton test").contains(&"/security/#pentest".to_owned()));
    // Short words must be right: a typo there would match too much.
    assert!(urls(&e, "sdo ").is_empty());
}

#[test]
fn synonyms_and_acronyms_find_each_other() {
    let e = engine();
    assert_eq!(urls(&e, "sso")[0], "/faq/#sso");
    assert_eq!(urls(&e, "2fa")[0], "/faq/#mfa");
    assert_eq!(urls(&e, "pentest")[0], "/security/#pentest");
    assert_eq!(
        urls(&e, "sub-processor ")[0],
        "/documents/dpa/#7-subprocessors"
    );
}

#[test]
fn documents_matching_more_words_come_first() {
    let e = engine();
    let got = urls(&e, "where is data stored germany");
    assert_eq!(got[0], "/data-privacy/", "{got:?}");
}

#[test]
fn results_can_be_limited_to_a_section() {
    let e = engine();
    let hits = e.search(&Query {
        text: "encryption",
        section: Some(Section::Faq),
        limit: 10,
    });
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h.doc.section == Section::Faq));
}

#[test]
fn empty_and_stopword_queries_find_nothing() {
    let e = engine();
    assert!(urls(&e, "").is_empty());
    assert!(urls(&e, "   ").is_empty());
    assert!(urls(&e, "do you the ").is_empty());
}

#[test]
fn the_index_survives_a_round_trip_through_bytes() {
    let e = engine();
    let bytes = e.index().to_bytes();
    let loaded = Engine::load(&bytes).unwrap();
    assert_eq!(loaded.index(), e.index());
    assert_eq!(urls(&loaded, "sso"), urls(&e, "sso"));
    assert!(Index::from_bytes(&bytes[..bytes.len() / 2]).is_err());
}

#[test]
fn highlights_mark_matching_words_and_the_word_being_typed() {
    let e = engine();
    let m = e.matcher("encrypted back");
    let runs = m.highlight("Backups are encrypted with AES-256.");
    let marked: Vec<&str> = runs.iter().filter(|r| r.1).map(|r| r.0).collect();
    assert_eq!(marked, ["Backups", "encrypted"]);
    assert_eq!(
        runs.iter().map(|r| r.0).collect::<String>(),
        "Backups are encrypted with AES-256."
    );
}

#[test]
fn snippets_open_near_the_first_match() {
    let e = engine();
    let m = e.matcher("retention ");
    let text = "Customer data is stored in Frankfurt, Germany. Backups stay in the EU. We encrypt \
                everything. Retention, deletion and the rights of data subjects are described below.";
    let s = m.snippet(text, 80);
    assert!(s.starts_with('…') && s.contains("Retention"), "{s}");
    assert!(s.len() <= 90, "{s}");
}

#[test]
fn a_synonym_phrase_is_not_satisfied_by_a_prefix_of_its_last_word() {
    let e = engine();
    let got = urls(&e, "encryption at rest");
    assert_eq!(got[0], "/security/#encryption-at-rest", "{got:?}");
    assert!(
        !got.iter().any(|u| u == "/faq/#sso" || u == "/faq/#mfa"),
        "{got:?}"
    );
}

#[test]
fn a_title_with_the_query_words_together_ranks_first() {
    let docs = vec![
        doc(
            "/a",
            Section::Faq,
            "How is access to test systems and response logs reviewed?",
            &[],
            "Incident tickets are reviewed; the plan is annual.",
        ),
        doc(
            "/b",
            Section::Faq,
            "Do you have an incident response plan?",
            &[],
            "Yes, tested every year.",
        ),
    ];
    let e = Engine::new(build_index(&docs, &[]));
    assert_eq!(urls(&e, "incident response plan")[0], "/b");
}
