//! The questionnaire assistant's data, natively: the answer library the worker loads, the CSV
//! and JSON downloads the FAQ offers (read back with real parsers), and matching on the example.
#![cfg(feature = "ssr")]

mod common;

use std::fs;

use trust_center::questionnaire::{Confidence, Library, Matcher, LIBRARY_PATH};

fn matcher() -> Matcher {
    let bytes =
        fs::read(common::example_site().join(LIBRARY_PATH.trim_start_matches('/'))).unwrap();
    Matcher::new(Library::from_bytes(&bytes).unwrap())
}

fn best(m: &Matcher, question: &str, id: Option<&str>) -> (String, Confidence) {
    let c = m
        .propose(question, id)
        .into_iter()
        .next()
        .expect("a proposal");
    (m.answers()[c.answer].id.clone(), c.confidence)
}

#[test]
fn the_library_holds_every_answer_with_absolute_links() {
    let m = matcher();
    assert_eq!(m.answers().len(), 82);
    let sso = m.answers().iter().find(|a| a.id == "sso").unwrap();
    assert_eq!(sso.short, "Yes");
    assert_eq!(sso.url, "https://trust.quillfeather.example/faq/#sso");
    assert!(sso.refs.contains(&"IAM-16.1".to_owned()));
    // Plain text, not Markdown.
    assert!(!m
        .answers()
        .iter()
        .any(|a| a.answer.contains("**") || a.answer.contains("\\\n")));
}

#[test]
fn questionnaire_ids_decide_and_text_matches_the_rest() {
    let m = matcher();
    assert_eq!(
        best(&m, "Strong authentication?", Some("IAM-16.1")),
        ("sso".into(), Confidence::ById)
    );
    // Ids are compared without regard to case; an unknown id falls back to the text.
    assert_eq!(best(&m, "x", Some("iam-16.1")).1, Confidence::ById);
    assert_eq!(
        best(
            &m,
            "Do you support single sign-on via SAML?",
            Some("ZZZ-99")
        )
        .0,
        "sso"
    );
    assert_eq!(
        best(&m, "Please describe how data is encrypted at rest.", None).0,
        "encryption-at-rest"
    );
    assert!(m.propose("Qwertyuiop zxcvbnm?", None).is_empty());
}

#[test]
fn a_question_worded_as_an_answer_lists_under_asked_as_finds_it() {
    let m = matcher();
    // "Which infrastructure or IaaS provider hosts the service?" is one of data-location's
    // other phrasings; its own question ("Is our data stored in the European Union?") shares
    // no word with this one.
    let (id, confidence) = best(&m, "Which IaaS provider hosts your service?", None);
    assert_eq!(id, "data-location");
    assert!(confidence >= Confidence::Medium, "{confidence:?}");
    // Each answer is proposed once, however many of its phrasings match.
    let proposals = m.propose("Is two-factor authentication supported for logins?", None);
    let answers: std::collections::BTreeSet<usize> = proposals.iter().map(|c| c.answer).collect();
    assert_eq!(answers.len(), proposals.len(), "{proposals:?}");
    assert_eq!(m.answers()[proposals[0].answer].id, "mfa");
}

#[test]
fn a_question_about_something_else_is_no_match_though_a_word_is_shared() {
    let m = matcher();
    // Each shares one word with some answer ("office" and "officer" are one stem, so the carpet
    // found the Data Protection Officer); one word of three is chance, not a match. Whatever is
    // still listed is offered for a person to pick, never filled in.
    for question in [
        "What is the colour of your office carpet?",
        "How many parking spaces does your office have?",
        "Are pets allowed in the office?",
        "Does your office have air conditioning?",
        "Do you sponsor any sports teams?",
        "What currency are invoices issued in?",
    ] {
        let best = m.propose(question, None).into_iter().next();
        assert!(
            best.as_ref()
                .is_none_or(|c| c.confidence == Confidence::None),
            "{question}: {:?}",
            best.map(|c| (m.answers()[c.answer].id.clone(), c.confidence))
        );
    }
    // A short real question whose one topical word is all it shares still gets its answer,
    // as a suggestion to review.
    assert_eq!(
        best(&m, "Describe your backup strategy", None),
        ("backups".into(), Confidence::Low)
    );
}

#[test]
fn the_faq_offers_the_library_as_csv_and_json() {
    let site = common::example_site();
    let mut csv = csv::Reader::from_path(site.join("faq/answers.csv")).unwrap();
    assert_eq!(
        csv.headers().unwrap(),
        vec![
            "id",
            "category",
            "question",
            "short_answer",
            "answer",
            "url",
            "mappings",
            "reviewed"
        ]
    );
    let rows: Vec<csv::StringRecord> = csv.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 82);
    let sso = rows.iter().find(|r| &r[0] == "sso").unwrap();
    assert_eq!(&sso[3], "Yes");
    assert!(sso[6].contains("caiq: IAM-14.1, IAM-16.1"), "{}", &sso[6]);
    // An open question has no yes or no to give.
    let rto = rows.iter().find(|r| &r[0] == "rto-rpo").unwrap();
    assert_eq!(&rto[3], "");

    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(site.join("faq/answers.json")).unwrap()).unwrap();
    let answers = json["answers"].as_array().unwrap();
    assert_eq!(answers.len(), 82);
    let sso = answers.iter().find(|a| a["id"] == "sso").unwrap();
    assert_eq!(sso["mappings"]["caiq"][1], "IAM-16.1");
    assert_eq!(sso["url"], "https://trust.quillfeather.example/faq/#sso");
    assert_eq!(sso["short_answer"], "Yes");
    let rto = answers.iter().find(|a| a["id"] == "rto-rpo").unwrap();
    assert_eq!(rto["short_answer"], "", "{rto}");

    // The FAQ page links both, and the questionnaire page is pre-rendered.
    let faq = fs::read_to_string(site.join("faq/index.html")).unwrap();
    // A badge says yes or no only where the question asks for one.
    let page = scraper::Html::parse_document(&faq);
    let badge = |id: &str| {
        let summary = scraper::Selector::parse(&format!("details[id=\"{id}\"] > summary")).unwrap();
        let badge = scraper::Selector::parse(".badge").unwrap();
        let summary = page.select(&summary).next().unwrap();
        summary
            .select(&badge)
            .map(|b| b.text().collect::<String>())
            .next()
    };
    assert_eq!(badge("sso").as_deref(), Some("Yes"));
    assert_eq!(badge("rto-rpo"), None);
    assert!(faq.contains("href=\"/faq/answers.csv\"") && faq.contains("href=\"/questionnaire/\""));
    let page = fs::read_to_string(site.join("questionnaire/index.html")).unwrap();
    assert!(page.contains("needs JavaScript"));
}
