//! The questionnaire thesaurus: how security questionnaires (CAIQ, SIG, HECVAT, VSAQ, buyers'
//! own spreadsheets) name what an answer library calls otherwise.
//!
//! Each group is a set of words or phrases that a reviewer would accept for one another ("CMK",
//! "customer-managed keys", "BYOK"). The groups are added to the site's synonyms
//! ([`DEFAULT_SYNONYMS`](crate::search::text::DEFAULT_SYNONYMS) and the content's own) for the
//! answer library's index only, so that site search keeps its shorter list. They work on both
//! sides in one way, through the engine's synonym terms: at build time every document containing
//! any phrase of a group gets the group's term, and at query time a phrase of the group in the
//! question is also satisfied by that term. Phrases are compared as stems with stopwords
//! dropped, so word forms and hyphens ("four-eyes", "four eyes") need no entries of their own
//! unless the stemmer keeps them apart.
//!
//! A phrase the question contains belongs to one group only: where a phrase is in two groups
//! the later one wins. A group here that shares a phrase with an earlier one (a site default
//! such as the TLS or ISO 27001 group) therefore repeats all of that group's phrases, which a
//! unit test checks.
//!
//! What belongs here: vocabulary with one meaning in a security review, as questionnaires
//! commonly word it, and British and American spellings. What does not: a word with a second
//! common meaning ("IDs" are user identifiers as often as intrusion detection; "IPs" are
//! addresses), and a company's own product or process names, which belong in its content
//! (`asked_as` or `search.toml`).
//!
//! Used at build time only: the library's index ships with the groups already applied.

/// The groups, in the order they are added after the site's synonyms.
pub const QUESTIONNAIRE_SYNONYMS: &[&[&str]] = &[
    // People and parties.
    &[
        "personnel",
        "staff",
        "employees",
        "workforce",
        "team members",
    ],
    &[
        "termination",
        "leaver",
        "departing",
        "offboarding",
        "off-boarding",
    ],
    &[
        "de-provisioning",
        "deprovisioning",
        "revoke access",
        "access removal",
        "remove access",
    ],
    &["client", "customer", "institution", "tenant"],
    &[
        "subcontractor",
        "sub-processor",
        "subprocessor",
        "fourth party",
    ],
    &[
        "third party",
        "vendor",
        "supplier",
        "service provider",
        "outsourcing provider",
    ],
    &[
        "background check",
        "background screening",
        "pre-employment screening",
        "employment screening",
        "vetting",
    ],
    &[
        "security team",
        "security staff",
        "security personnel",
        "information security team",
        "security function",
        "security department",
    ],
    &[
        "ciso",
        "chief information security officer",
        "head of security",
        "information security officer",
    ],
    &[
        "remote work",
        "working from home",
        "home working",
        "teleworking",
    ],
    // Availability and continuity.
    &["outage", "downtime", "degradation", "disruption"],
    &["availability", "uptime"],
    &[
        "high availability",
        "failover",
        "fail over",
        "redundancy",
        "multi-region",
        "availability zone",
    ],
    &[
        "sla",
        "service level agreement",
        "service level",
        "uptime commitment",
        "uptime guarantee",
    ],
    &[
        "maintenance window",
        "scheduled maintenance",
        "planned maintenance",
    ],
    &[
        "restore test",
        "test restore",
        "restore exercise",
        "backup test",
    ],
    &[
        "off-site",
        "offsite",
        "secondary site",
        "separate location",
        "second location",
        "geographically separate",
        "geo-redundant",
    ],
    &[
        "data center",
        "data centre",
        "datacenter",
        "hosting provider",
        "cloud provider",
    ],
    // Cryptography.
    &["cryptography", "cryptographic", "encryption", "cipher"],
    &[
        "tls",
        "ssl",
        "https",
        "transport layer security",
        "hsts",
        "http strict transport security",
        "strict transport security",
    ],
    &[
        "byok",
        "bring your own key",
        "hyok",
        "hold your own key",
        "cmk",
        "customer-managed keys",
        "customer-managed encryption keys",
    ],
    // Identity and access.
    &["credential", "password"],
    &[
        "password policy",
        "password requirements",
        "password complexity",
        "password strength",
    ],
    &[
        "account lockout",
        "lockout",
        "failed login attempts",
        "brute force",
    ],
    &[
        "session timeout",
        "idle timeout",
        "session expiry",
        "inactivity timeout",
    ],
    &[
        "recertify",
        "recertification",
        "access review",
        "entitlement review",
    ],
    &["entitlements", "permissions", "privileges", "access rights"],
    &[
        "privileged access",
        "privileged account",
        "administrative access",
        "admin access",
        "admin rights",
        "root access",
        "elevated access",
        "superuser",
    ],
    &[
        "just-in-time",
        "jit",
        "time-limited",
        "time-bound",
        "temporary access",
    ],
    &["segregation of duties", "separation of duties"],
    &["least privilege", "need to know"],
    &["federate", "identity provider", "idp", "saml"],
    &["lifecycle management", "provisioning", "scim"],
    // Secure development and operations.
    &[
        "code review",
        "peer review",
        "four eyes",
        "four-eyes principle",
        "pull request",
        "merge request",
    ],
    &["change management", "change control"],
    &[
        "sast",
        "static analysis",
        "static application security testing",
        "static code analysis",
    ],
    &[
        "dast",
        "dynamic analysis",
        "dynamic application security testing",
    ],
    &[
        "sca",
        "software composition analysis",
        "dependency scanning",
        "open-source components",
    ],
    &["patch", "patch management", "security updates"],
    &[
        "vulnerability scan",
        "vulnerability scanner",
        "host scanning",
        "network scanning",
        "infrastructure scanning",
    ],
    &[
        "malware",
        "antivirus",
        "anti-virus",
        "endpoint protection",
        "edr",
        "endpoint detection and response",
        "endpoint detection",
    ],
    &["ids/ips", "intrusion detection", "intrusion prevention"],
    &["dlp", "data loss prevention", "data leakage prevention"],
    &[
        "mdm",
        "mobile device management",
        "device management",
        "endpoint management",
        "uem",
    ],
    &["byod", "bring your own device", "personal device"],
    &[
        "network segmentation",
        "network segregation",
        "segregation of networks",
    ],
    &[
        "asset inventory",
        "asset register",
        "cmdb",
        "configuration management database",
    ],
    &["data classification", "information classification"],
    &["acceptable use", "acceptable use policy", "aup"],
    &["phishing simulation", "phishing test", "simulated phishing"],
    &[
        "awareness training",
        "security training",
        "awareness programme",
        "awareness program",
    ],
    // Incidents.
    &[
        "breach",
        "security incident",
        "data security event",
        "compromise",
    ],
    &[
        "incident response plan",
        "incident response procedure",
        "incident management plan",
        "incident handling",
    ],
    &[
        "tabletop",
        "tabletop exercise",
        "incident simulation",
        "incident drill",
    ],
    // Assurance.
    &[
        "audit report",
        "assurance report",
        "attestation report",
        "soc 2 report",
    ],
    &[
        "independent auditor",
        "independent audit",
        "external audit",
        "external auditor",
        "third-party audit",
        "independent third party",
        "independent assessor",
    ],
    &[
        "iso 27001",
        "iso27001",
        "iso/iec 27001",
        "isms",
        "information security management system",
    ],
    &[
        "iso 27701",
        "iso27701",
        "iso/iec 27701",
        "pims",
        "privacy information management system",
    ],
    &[
        "pci",
        "pci dss",
        "payment card industry",
        "cardholder data",
        "card data",
        "aoc",
        "attestation of compliance",
    ],
    // Privacy and data handling.
    &[
        "subpoena",
        "legal demand",
        "law enforcement",
        "government request",
    ],
    &[
        "nda",
        "non-disclosure agreement",
        "confidentiality agreement",
    ],
    &[
        "dpia",
        "data protection impact assessment",
        "pia",
        "privacy impact assessment",
    ],
    &[
        "data subject request",
        "dsar",
        "subject access request",
        "data subject rights",
    ],
    &[
        "ropa",
        "record of processing activities",
        "records of processing",
    ],
    &[
        "data deletion",
        "data destruction",
        "secure deletion",
        "secure disposal",
        "data disposal",
        "sanitisation",
        "sanitization",
    ],
    &[
        "data portability",
        "portability",
        "exit strategy",
        "exit plan",
        "exit management",
        "data export",
        "data return",
        "return of data",
    ],
    &[
        "llm",
        "llms",
        "large language model",
        "generative ai",
        "genai",
        "openai",
        "foundation model",
        "model provider",
    ],
    // British and American spellings.
    &["organisation", "organization"],
    &["programme", "program"],
    &["centre", "center"],
    &["authorisation", "authorization"],
    &["recognised", "recognized"],
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::text::{Stem, DEFAULT_SYNONYMS};

    /// Every group as stem sequences, the site's defaults first, in the order the library's
    /// index receives them.
    fn groups() -> Vec<(String, Vec<Vec<String>>)> {
        let stem = Stem::default();
        DEFAULT_SYNONYMS
            .iter()
            .chain(QUESTIONNAIRE_SYNONYMS)
            .map(|g| (g[0].to_owned(), g.iter().map(|p| stem.phrase(p)).collect()))
            .collect()
    }

    #[test]
    fn every_phrase_has_words_that_count() {
        for (name, phrases) in groups() {
            assert!(phrases.len() >= 2, "group \"{name}\" has one phrase");
            assert!(
                phrases.iter().all(|p| !p.is_empty()),
                "group \"{name}\" has a phrase of stopwords only"
            );
        }
    }

    /// A question's phrase takes the last group that has it: that group must say everything the
    /// earlier one says, or "EDR" in a question would stop finding "endpoint detection and
    /// response".
    #[test]
    fn a_shared_phrase_is_shared_by_a_superset() {
        let groups = groups();
        for (i, (earlier, a)) in groups.iter().enumerate() {
            for (later, b) in &groups[i + 1..] {
                if a.iter().any(|p| b.contains(p)) {
                    let missing: Vec<&Vec<String>> = a.iter().filter(|p| !b.contains(p)).collect();
                    assert!(
                        missing.is_empty(),
                        "\"{later}\" shares a phrase with \"{earlier}\" but lacks {missing:?}"
                    );
                }
            }
        }
    }

    /// Hyphens and word forms are taken care of by the stemmer: an entry that stems like another
    /// of its group adds nothing.
    #[test]
    fn no_group_lists_a_phrase_twice() {
        let stem = Stem::default();
        for group in QUESTIONNAIRE_SYNONYMS {
            let mut phrases: Vec<Vec<String>> = group.iter().map(|p| stem.phrase(p)).collect();
            phrases.sort();
            phrases.dedup();
            assert_eq!(phrases.len(), group.len(), "{group:?} repeats a phrase");
        }
    }
}
