//! The text pipeline shared by the index builder and the query engine: both sides must cut,
//! fold and stem words identically, or a word typed in the box would never meet the same word
//! in the content.

use rust_stemmers::{Algorithm, Stemmer};

/// Words too common to tell documents apart; dropped from the index and from queries.
///
/// Deliberately short: "us" (the United States), "it" (IT) and question words such as "where"
/// stay out of it only where they carry no meaning in a security review.
const STOPWORDS: &[&str] = &[
    "a", "about", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by",
    "can", "could", "do", "does", "for", "from", "has", "have", "how", "i", "if", "in", "into",
    "is", "it", "its", "may", "me", "my", "of", "on", "or", "our", "please", "provide", "should",
    "so", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
    "those", "to", "was", "we", "were", "what", "when", "which", "while", "who", "will", "with",
    "would", "you", "your",
];

/// Synonym and acronym groups every trust center gets; content adds its own in `search.toml`.
/// A query for any member finds documents that use any other.
pub const DEFAULT_SYNONYMS: &[&[&str]] = &[
    &["sso", "single sign-on", "single sign on", "singlesignon"],
    &[
        "mfa",
        "2fa",
        "two-factor",
        "two factor",
        "multi-factor",
        "multi factor",
        "multifactor",
        "second factor",
    ],
    &["tls", "ssl", "https", "transport layer security"],
    &[
        "dpa",
        "data processing agreement",
        "data processing addendum",
        "avv",
        "auftragsverarbeitungsvertrag",
        "auftragsverarbeitung",
    ],
    &[
        "pentest",
        "pen test",
        "penetration test",
        "penetration testing",
        "pentesting",
    ],
    &["soc 2", "soc2", "soc ii"],
    &["iso 27001", "iso27001", "iso/iec 27001"],
    &["iso 27701", "iso27701"],
    &[
        "encryption at rest",
        "encrypted at rest",
        "at-rest encryption",
        "data at rest",
    ],
    &[
        "encryption in transit",
        "encrypted in transit",
        "data in transit",
    ],
    &["gdpr", "general data protection regulation", "dsgvo"],
    &["subprocessor", "sub-processor", "sub processor"],
    &[
        "vulnerability disclosure",
        "responsible disclosure",
        "coordinated disclosure",
    ],
    &["bug bounty", "bounty"],
    &["bcp", "business continuity"],
    &["dr", "disaster recovery"],
    &["rbac", "role-based access", "role based access"],
    &[
        "sdlc",
        "secure development",
        "software development lifecycle",
    ],
    &["siem", "security information and event management"],
    &[
        "edr",
        "endpoint detection and response",
        "endpoint detection",
    ],
    &["ddos", "denial of service", "denial-of-service"],
    &["waf", "web application firewall"],
    &["kms", "key management"],
    &["hsm", "hardware security module"],
    &["scc", "sccs", "standard contractual clauses"],
    &["dpo", "data protection officer"],
    &[
        "pii",
        "personal data",
        "personal information",
        "personally identifiable information",
    ],
    &["ccpa", "california consumer privacy act"],
    &["rto", "recovery time objective"],
    &["rpo", "recovery point objective"],
    &["audit log", "audit trail", "audit logs"],
    &["backup", "back up", "backed up"],
    &["breach notification", "incident notification"],
    &["csa star", "caiq"],
    &["sla", "service level agreement"],
    // An SLA's "availability" is what reviewers ask about as uptime.
    &["availability", "uptime"],
    &[
        "toms",
        "technical and organisational measures",
        "technical and organizational measures",
    ],
    &[
        "dpia",
        "data protection impact assessment",
        "pia",
        "privacy impact assessment",
    ],
    &["nda", "non-disclosure agreement"],
    &["soa", "statement of applicability"],
    // One word in the key's name ("OpenPGP key"), so "pgp" is neither its word nor its prefix.
    &["pgp", "openpgp", "gpg", "gnupg"],
];

/// One word of a text: where it is (byte offsets in the original) and its folded form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word as written.
    pub raw: &'a str,
    /// Byte offset of the word in the text.
    pub start: usize,
    /// Lowercased.
    pub folded: String,
}

/// Cuts text into words: runs of letters and digits, lowercased. Punctuation, including the
/// hyphen, separates words, so that "sign-on" and "sign on" read the same.
pub fn words(text: &str) -> impl Iterator<Item = Word<'_>> {
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while rest.peek().is_some_and(|(_, c)| !c.is_alphanumeric()) {
            rest.next();
        }
        let (start, _) = *rest.peek()?;
        let mut end = start;
        while let Some(&(i, c)) = rest.peek() {
            if !c.is_alphanumeric() {
                break;
            }
            end = i + c.len_utf8();
            rest.next();
        }
        let raw = &text[start..end];
        Some(Word {
            raw,
            start,
            folded: raw.to_lowercase(),
        })
    })
}

/// Whether a folded word is a stopword.
pub fn is_stopword(word: &str) -> bool {
    STOPWORDS.binary_search(&word).is_ok()
}

/// The English (Porter 2) stemmer, so that "encrypted", "encrypts" and "encryption" meet.
pub struct Stem(Stemmer);

impl Default for Stem {
    fn default() -> Self {
        Stem(Stemmer::create(Algorithm::English))
    }
}

impl Stem {
    /// The stem of a folded word. Numbers and words with digits ("soc2", "27001") stay whole.
    pub fn stem(&self, folded: &str) -> String {
        if folded.chars().any(|c| c.is_ascii_digit()) {
            folded.to_owned()
        } else {
            self.0.stem(folded).into_owned()
        }
    }

    /// The stems of a phrase's words, stopwords dropped: the form synonym phrases are matched in.
    pub fn phrase(&self, text: &str) -> Vec<String> {
        words(text)
            .filter(|w| !is_stopword(&w.folded))
            .map(|w| self.stem(&w.folded))
            .collect()
    }
}

/// The optimal-string-alignment distance between two words (an adjacent swap counts as one
/// edit), or `None` once it exceeds `max`: typo tolerance only ever asks "within 1 or 2?".
pub fn edit_distance_within(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let width = b.len() + 1;
    let mut rows = vec![0usize; width * (a.len() + 1)];
    for (j, cell) in rows.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        rows[i * width] = i;
        let mut best = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[(i - 1) * width + j] + 1)
                .min(rows[i * width + j - 1] + 1)
                .min(rows[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[(i - 2) * width + j - 2] + 1);
            }
            rows[i * width + j] = d;
            best = best.min(d);
        }
        if best > max {
            return None;
        }
    }
    let d = rows[a.len() * width + b.len()];
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_are_sorted_for_binary_search() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stopword("the") && !is_stopword("us") && !is_stopword("data"));
    }

    #[test]
    fn words_split_on_punctuation_and_keep_offsets() {
        let text = "Single sign-on (SAML 2.0), ISO/IEC 27001.";
        let got: Vec<(&str, usize, String)> =
            words(text).map(|w| (w.raw, w.start, w.folded)).collect();
        assert_eq!(got[0], ("Single", 0, "single".into()));
        assert_eq!(got[2], ("on", 12, "on".into()));
        assert_eq!(
            got.iter().map(|g| g.2.as_str()).collect::<Vec<_>>(),
            ["single", "sign", "on", "saml", "2", "0", "iso", "iec", "27001"]
        );
    }

    #[test]
    fn stems_meet_across_word_forms() {
        let s = Stem::default();
        assert_eq!(s.stem("encryption"), s.stem("encrypted"));
        assert_eq!(s.stem("backups"), s.stem("backup"));
        assert_eq!(s.stem("soc2"), "soc2");
        assert_eq!(s.phrase("Encryption at rest"), ["encrypt", "rest"]);
    }

    #[test]
    fn edit_distance_counts_swaps_as_one() {
        assert_eq!(edit_distance_within("encrytion", "encryption", 1), Some(1));
        assert_eq!(edit_distance_within("pentset", "pentest", 1), Some(1));
        assert_eq!(edit_distance_within("backup", "backup", 1), Some(0));
        assert_eq!(edit_distance_within("retention", "detection", 1), None);
        assert_eq!(edit_distance_within("a", "abcd", 2), None);
    }
}
