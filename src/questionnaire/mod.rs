//! The questionnaire assistant: match the questions of a buyer's security questionnaire to the
//! published answer library.
//!
//! The generator writes the [`Library`] (every answer with its text, short answer, page link and
//! questionnaire ids, plus a search index over the answers) to [`LIBRARY_PATH`]. In the browser a
//! Web Worker loads it when the questionnaire page opens and matches the rows of a dropped file
//! without any further request: the file never leaves the browser.
//!
//! Matching, per row: a questionnaire id that the library maps (CAIQ `IAM-02.1`) decides;
//! otherwise the question, stripped of questionnaire boilerplate ("Does the organization…",
//! "Please describe…"), is scored by the site's search engine against every answer and every
//! other phrasing of an answer's question (`asked_as` in the content), and the share of its
//! words the best answer matches, with the lead over the runner-up, gives the match its
//! confidence.
//!
//! Reading and writing spreadsheets ([`sheet`], [`export`]) needs the `files` feature: the worker
//! and the native side have it, the browsing app does not.

#[cfg(feature = "files")]
pub mod export;
pub mod protocol;
#[cfg(feature = "files")]
pub mod sheet;
#[cfg(feature = "ssr")]
pub mod thesaurus;

#[cfg(feature = "ssr")]
pub use thesaurus::QUESTIONNAIRE_SYNONYMS;

use serde::{Deserialize, Serialize};

use crate::search::text::{is_stopword, words};
use crate::search::{best_first, Engine, Index, LoadError, Scored};

/// Where the generator writes the library and the worker fetches it from.
pub const LIBRARY_PATH: &str = "/_questionnaire/library.bin";
/// The questionnaire page.
pub const PAGE_PATH: &str = "/questionnaire/";
/// The worker's loader (`src/js/questionnaire-worker-loader.js`, copied by Trunk next to the
/// worker's glue and module).
pub const WORKER_PATH: &str = "/questionnaire-worker-loader.js";
/// How many proposals a row offers: the best and its alternatives.
pub const CANDIDATES: usize = 4;

/// The largest file read, in bytes.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;
/// The most question rows a sheet may have.
pub const MAX_ROWS: usize = 2000;

/// Why a file cannot be used, in words for the person who dropped it.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum FileError {
    /// Zero bytes.
    #[error("The file is empty.")]
    Empty,
    /// Over [`MAX_BYTES`].
    #[error("The file is {size}; the limit is 5 MB. Remove images or other sheets, or split the questionnaire.")]
    TooLarge {
        /// Its size, in words.
        size: String,
    },
    /// An encrypted Office file.
    #[error("The file is password-protected. Save a copy without the password (in Excel: File → Info → Protect Workbook → Encrypt with Password, then clear it) and choose that copy.")]
    Encrypted,
    /// Not a spreadsheet at all.
    #[error("This is not a spreadsheet or CSV file ({detail}). Choose a .csv, .xlsx, .xls or .ods file.")]
    NotASpreadsheet {
        /// What it looked like.
        detail: String,
    },
    /// A spreadsheet that cannot be read.
    #[error("The file looks like a spreadsheet but cannot be read; it may be damaged or incomplete ({detail}). Open it in your spreadsheet program, save it again and retry.")]
    Damaged {
        /// What the reader said.
        detail: String,
    },
    /// No sheet has any text.
    #[error("The file has no text in it: every sheet is empty.")]
    NoText,
    /// The chosen sheet has no column with questions.
    #[error("The sheet “{sheet}” has no column of questions: no column holds sentences of text.")]
    NoQuestions {
        /// The sheet's name.
        sheet: String,
    },
    /// Over [`MAX_ROWS`].
    #[error("The sheet “{sheet}” has {rows} rows of questions; the limit is 2,000. Split it into smaller files.")]
    TooManyRows {
        /// The sheet's name.
        sheet: String,
        /// How many rows it has.
        rows: usize,
    },
}

/// One published answer, as a questionnaire needs it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LibraryAnswer {
    /// Its id (`sso`).
    pub id: String,
    /// The question it answers.
    pub question: String,
    /// Its category.
    pub category: String,
    /// The short answer as shown ("Yes", "No", "Partial", "N/A").
    pub short: String,
    /// The full answer as plain text.
    pub answer: String,
    /// Absolute URL of the answer on the site.
    pub url: String,
    /// Questionnaire question ids it answers, as written in the content (`IAM-02.1`).
    pub refs: Vec<String>,
}

/// The answer library and its search index, as shipped to the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Library {
    /// The answers, in content order; the index's first documents are the same, in the same
    /// order.
    pub answers: Vec<LibraryAnswer>,
    /// The index's documents after the answers' own are their other phrasings (`asked_as`),
    /// one document each: the answer each belongs to, in index order.
    pub phrasings: Vec<u32>,
    /// Search index over the answers.
    pub index: Index,
}

impl Library {
    /// Decodes a library written by [`Library::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Library, LoadError> {
        postcard::from_bytes(bytes).map_err(LoadError::from)
    }

    /// Encodes the library for shipping.
    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("a library always serialises")
    }
}

/// How sure a proposal is, as the review table shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Confidence {
    /// Nothing in the library matches.
    None,
    /// A weak match: check it.
    Low,
    /// Probably right.
    Medium,
    /// Almost certainly right.
    High,
    /// The row's questionnaire id is mapped to this answer.
    ById,
}

impl Confidence {
    /// The label shown in the table.
    pub fn label(self) -> &'static str {
        match self {
            Confidence::None => "No match",
            Confidence::Low => "Low",
            Confidence::Medium => "Medium",
            Confidence::High => "High",
            Confidence::ById => "By id",
        }
    }

    /// Whether a person should look at the row before sending the questionnaire.
    pub fn needs_review(self) -> bool {
        self <= Confidence::Low
    }
}

/// One proposed answer for a row.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    /// Index into [`Library::answers`].
    pub answer: usize,
    /// Between 0 and 1.
    pub score: f32,
    /// The band the score falls in.
    pub confidence: Confidence,
}

/// Matches questions against a loaded library.
pub struct Matcher {
    library_answers: Vec<LibraryAnswer>,
    phrasings: Vec<u32>,
    engine: Engine,
}

/// Confidence bands. Set by judgement, then checked with `make bench-questionnaire`: on
/// `bench/questionnaire/eval.json` the best proposal was right in 96% of High rows (26 rows), 91%
/// of Medium (89), 80% of Low (75) and 60% of No match (5); on the hold-out set, which nothing
/// was tuned on, 50% (4), 92% (26), 63% (49) and 27% (11). Low and No match are the bands to
/// review: the page offers them as suggestions and leaves them out of the download until a
/// person accepts them.
const HIGH: f32 = 0.7;
const MEDIUM: f32 = 0.45;
const LOW: f32 = 0.2;

impl Matcher {
    /// Wraps a library.
    pub fn new(library: Library) -> Matcher {
        Matcher {
            library_answers: library.answers,
            phrasings: library.phrasings,
            engine: Engine::new(library.index),
        }
    }

    /// Decodes and wraps a library.
    pub fn load(bytes: &[u8]) -> Result<Matcher, LoadError> {
        Ok(Matcher::new(Library::from_bytes(bytes)?))
    }

    /// The answers.
    pub fn answers(&self) -> &[LibraryAnswer] {
        &self.library_answers
    }

    /// The proposals for one row, best first: by questionnaire id when the library maps it,
    /// otherwise by the question's text.
    pub fn propose(&self, question: &str, id: Option<&str>) -> Vec<Candidate> {
        let by_text = self.by_text(question);
        let Some(id) = id.map(str::trim).filter(|i| !i.is_empty()) else {
            return by_text;
        };
        let mapped: Vec<usize> = self
            .library_answers
            .iter()
            .enumerate()
            .filter(|(_, a)| a.refs.iter().any(|r| r.eq_ignore_ascii_case(id)))
            .map(|(i, _)| i)
            .collect();
        if mapped.is_empty() {
            return by_text;
        }
        // Several answers can map one id (SSO and MFA both answer IAM-14.1): the text decides
        // their order, and the text's own best proposals follow as alternatives.
        let text_rank = |a: usize| {
            by_text
                .iter()
                .position(|c| c.answer == a)
                .unwrap_or(usize::MAX)
        };
        let mut mapped = mapped;
        mapped.sort_by_key(|&a| text_rank(a));
        let mut out: Vec<Candidate> = mapped
            .into_iter()
            .map(|answer| Candidate {
                answer,
                score: 1.0,
                confidence: Confidence::ById,
            })
            .collect();
        for c in by_text {
            if out.len() >= CANDIDATES {
                break;
            }
            if !out.iter().any(|o| o.answer == c.answer) {
                out.push(c);
            }
        }
        out.truncate(CANDIDATES);
        out
    }

    fn by_text(&self, question: &str) -> Vec<Candidate> {
        let text = normalise(question);
        // A trailing space tells the engine the last word is complete (no prefix expansion).
        let text = format!("{text} ");
        // Every word counts, those the library never uses too: a question about something the
        // library does not cover should not look covered because its one familiar word is.
        let clauses = words(&text).filter(|w| !is_stopword(&w.folded)).count();
        if clauses == 0 {
            return Vec::new();
        }
        let docs = self.engine.score_all(&text);
        // An answer is its own document and its phrasings together: the question's words it
        // matches are those any of them matches (a phrasing may say "two-factor" where the
        // answer's text says "authenticator app"), and its score is its own document's plus its
        // best phrasing's, so that the question and the answer text agreeing outranks either
        // alone. Counting only the words of the answer's best single document instead (measured
        // with title pairs left out on both): 155 rather than 160 of 195 right first proposals on
        // the evaluation set, 51 rather than 60 of 90 on the hold-out set.
        let answers = self.library_answers.len();
        let mut clause_set = vec![0u64; answers];
        let mut own = vec![0.0f32; answers];
        let mut alternative = vec![0.0f32; answers];
        for d in &docs {
            let answer = match d.number.checked_sub(answers) {
                None => {
                    own[d.number] = d.score;
                    d.number
                }
                Some(p) => {
                    let a = self.phrasings[p] as usize;
                    alternative[a] = alternative[a].max(d.score);
                    a
                }
            };
            clause_set[answer] |= d.clauses;
        }
        let mut ranked: Vec<Scored> = clause_set
            .iter()
            .enumerate()
            .filter(|(_, set)| **set != 0)
            .map(|(number, set)| Scored {
                number,
                matched: set.count_ones() as u8,
                score: own[number] + alternative[number],
                clauses: *set,
            })
            .collect();
        // Ranked as the site's search ranks: most words matched first, then by score.
        best_first(&mut ranked, CANDIDATES + 1);
        let Some(first) = ranked.first() else {
            return Vec::new();
        };
        let best_score = first.score.max(f32::EPSILON);
        ranked
            .iter()
            .take(CANDIDATES)
            .enumerate()
            .map(|(rank, hit)| {
                let coverage = f32::from(hit.matched) / clauses as f32;
                // The best proposal earns its lead over the next; the others are scored by how
                // close they come to the best.
                let relative = if rank == 0 {
                    let next = ranked.get(1).map_or(0.0, |h| h.score);
                    0.5 + 0.5 * (1.0 - next / best_score).clamp(0.0, 1.0)
                } else {
                    0.5 * (hit.score / best_score).clamp(0.0, 1.0)
                };
                let score = (coverage * (0.4 + 0.6 * relative)).clamp(0.0, 1.0);
                Candidate {
                    answer: hit.number,
                    score,
                    confidence: band(score, hit.matched, coverage),
                }
            })
            .collect()
    }
}

/// The band of a proposal that matches `matched` of the question's words, `coverage` being
/// their share. One word in common with a question of three or more is no evidence, whatever
/// the score: unrelated sentences share a word by chance, and stemming makes more of them alike
/// ("office" and "officer" are one stem, so "What is the colour of your office carpet?" found
/// the Data Protection Officer at Low). Measured with `make bench-questionnaire`: it moves no
/// first proposal of the evaluation set and two of the hold-out set (one right, one wrong) to
/// No match, and eight of 25 off-topic questions (carpets, parking, pets, sponsoring) from Low.
fn band(score: f32, matched: u8, coverage: f32) -> Confidence {
    if matched <= 1 && coverage < 0.5 {
        Confidence::None
    } else if score >= HIGH {
        Confidence::High
    } else if score >= MEDIUM {
        Confidence::Medium
    } else if score >= LOW {
        Confidence::Low
    } else {
        Confidence::None
    }
}

/// Openings that questionnaires put before the actual question: they say nothing about the
/// topic, yet words such as "organization" or "describe" would match answers that use them.
const OPENINGS: &[&str] = &[
    "please describe",
    "please explain",
    "please provide",
    "please indicate",
    "please confirm",
    "please list",
    "please state",
    "please specify",
    "please",
    "describe",
    "explain",
    "provide",
    "indicate whether",
    "indicate if",
    "indicate",
    "confirm whether",
    "confirm that",
    "confirm",
    "state whether",
    "specify",
    "list",
    "do you",
    "does your company",
    "does your organization",
    "does your organisation",
    "does the organization",
    "does the organisation",
    "does the company",
    "does the vendor",
    "does the supplier",
    "does the service provider",
    "does the provider",
    "does the institution",
    "does your institution",
    "does your service",
    "is there",
    "are there",
    "have you",
    "has your organization",
    "has the organization",
    "can you",
    "will you",
    "how do you",
    "how does your organization",
    "how does the organization",
    "what is your",
    "what are your",
    "the organization",
    "the organisation",
    "your organization",
    "your organisation",
    "the company",
    "your company",
    "evidence that",
    "evidence of",
    "whether",
    "if",
    "that",
    "how",
];

/// First words of a bracketed aside that lists examples or adds a remark rather than naming the
/// thing asked about: "(e.g. AES)", "(i.e. …)", "(such as …)", "(this should not include …)".
const ASIDE_OPENINGS: &[&str] = &[
    "as",
    "e",
    "eg",
    "excluding",
    "for",
    "i",
    "ie",
    "if",
    "incl",
    "including",
    "not",
    "note",
    "see",
    "such",
    "this",
];

/// An aside of more words than this is a remark or a list, not an abbreviation or a name.
const ASIDE_WORDS: usize = 4;

/// A questionnaire's question reduced to what it asks about: openings such as "Please
/// describe whether the organization…" are dropped (repeatedly: "Please confirm whether…"), as
/// are bracketed asides that list examples or add remarks ("(e.g. …)", "(This should not
/// include …)"). Short asides stay: they are usually the abbreviation or the name of the very
/// thing asked about ("(HSTS)", "(CMK)", "(ISO/IEC 27017)").
pub fn normalise(question: &str) -> String {
    let mut text = String::with_capacity(question.len());
    let mut aside = String::new();
    let mut depth = 0u32;
    for c in question.chars() {
        match c {
            '(' | '[' => {
                if depth == 0 {
                    aside.clear();
                }
                depth += 1;
            }
            ')' | ']' if depth > 0 => {
                depth -= 1;
                if depth == 0 && is_name(&aside) {
                    text.push(' ');
                    text.push_str(&aside);
                    text.push(' ');
                }
            }
            _ if depth == 0 => text.push(c),
            _ => aside.push(c),
        }
    }
    // Brackets that were never closed would have swallowed the rest: keep the original then.
    if depth > 0 || text.trim().is_empty() {
        text = question.to_owned();
    }
    let folded: Vec<String> = words(&text).map(|w| w.folded).collect();
    let mut start = 0;
    'strip: loop {
        for opening in OPENINGS {
            let n = opening.split(' ').count();
            if folded.len() > start + n
                && opening
                    .split(' ')
                    .zip(&folded[start..])
                    .all(|(a, b)| a == b)
            {
                start += n;
                continue 'strip;
            }
        }
        break;
    }
    // A letter on its own is what an apostrophe or an abbreviation leaves behind ("company's",
    // "e.g."): it names nothing, yet matched any answer with an "'s" in it.
    folded[start..]
        .iter()
        .filter(|w| !is_stray_letter(w))
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A single letter that is not a word ("a" and "I" are, and stopwords anyway): the "s" of
/// "company's", the "g" of "e.g.". Digits stay ("SOC 2").
fn is_stray_letter(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none() && !is_stopword(word)
}

/// Whether a bracketed aside names what is asked about (kept) rather than giving examples or a
/// remark (dropped).
fn is_name(aside: &str) -> bool {
    let folded: Vec<String> = words(aside)
        .take(ASIDE_WORDS + 1)
        .map(|w| w.folded)
        .collect();
    folded
        .first()
        .is_some_and(|first| !ASIDE_OPENINGS.contains(&first.as_str()))
        && folded.len() <= ASIDE_WORDS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openings_and_asides_are_dropped() {
        assert_eq!(
            normalise("Please describe whether the organization encrypts data at rest (e.g. AES)."),
            "encrypts data at rest"
        );
        assert_eq!(
            normalise("Does the organization have a documented incident response plan?"),
            "have a documented incident response plan"
        );
        assert_eq!(normalise("Do you support SSO?"), "support sso");
        // The letters an apostrophe or an abbreviation leaves alone go; digits stay.
        assert_eq!(
            normalise("What is your company's SOC 2 report, e.g. the latest?"),
            "company soc 2 report the latest"
        );
        // Nothing but an opening: kept as it is.
        assert_eq!(normalise("Describe"), "describe");
        // An unclosed bracket does not swallow the question.
        assert_eq!(normalise("Backups (daily"), "backups daily");
        // A short aside names what is asked about: it stays.
        assert_eq!(
            normalise("Have you deployed HTTP Strict Transport Security (HSTS)?"),
            "deployed http strict transport security hsts"
        );
        assert_eq!(
            normalise("Certified to ISO/IEC 27017 [cloud controls]?"),
            "certified to iso iec 27017 cloud controls"
        );
        // Examples and remarks go, however short.
        assert_eq!(normalise("Do you enforce MFA (e.g. TOTP)?"), "enforce mfa");
        assert_eq!(
            normalise("Are audits independent? (This excludes penetration tests and scans.)"),
            "are audits independent"
        );
    }

    /// A library of two answers, the first asked another way too.
    #[cfg(feature = "ssr")]
    fn library() -> Library {
        use crate::search::{build_index, SearchDoc};
        use crate::site::Section;
        let doc = |title: &str, text: &str| SearchDoc {
            url: "/faq/".into(),
            section: Section::Faq,
            title: title.into(),
            context: String::new(),
            keywords: Vec::new(),
            text: text.into(),
        };
        let answer = |id: &str, question: &str| LibraryAnswer {
            id: id.into(),
            question: question.into(),
            category: "General".into(),
            short: "Yes".into(),
            answer: String::new(),
            url: String::new(),
            refs: Vec::new(),
        };
        Library {
            answers: vec![
                answer("data-location", "Is our data stored in the European Union?"),
                answer("status-page", "Is there a status page?"),
            ],
            phrasings: vec![0],
            index: build_index(
                &[
                    doc(
                        "Is our data stored in the European Union?",
                        "Yes, in Frankfurt, Germany.",
                    ),
                    doc(
                        "Is there a status page?",
                        "Yes; it shows the provider of each incident update.",
                    ),
                    doc(
                        "Which infrastructure or hosting provider runs the service?",
                        "",
                    ),
                ],
                &[],
            ),
        }
    }

    #[test]
    #[cfg(feature = "ssr")]
    fn another_phrasing_finds_its_answer() {
        let m = Matcher::new(library());
        // Only the phrasing says "hosting provider": the answer it belongs to is proposed, once.
        let proposals = m.propose("Who is your hosting provider?", None);
        assert_eq!(m.answers()[proposals[0].answer].id, "data-location");
        assert_eq!(
            proposals.iter().filter(|c| c.answer == 0).count(),
            1,
            "{proposals:?}"
        );
        // The answer's own question still counts.
        let own = m.propose("Is data stored in the EU?", None);
        assert_eq!(m.answers()[own[0].answer].id, "data-location");
    }

    #[test]
    fn bands_order_by_certainty() {
        assert!(Confidence::ById > Confidence::High);
        assert!(Confidence::Low.needs_review());
        assert!(Confidence::None.needs_review());
        assert!(!Confidence::Medium.needs_review());
        assert_eq!(band(0.9, 3, 1.0), Confidence::High);
        assert_eq!(band(0.05, 1, 0.1), Confidence::None);
        // One word of two is a weak match; one of three is none, whatever its lead.
        assert_eq!(band(0.37, 1, 0.5), Confidence::Low);
        assert_eq!(band(0.33, 1, 0.33), Confidence::None);
        assert_eq!(band(0.33, 2, 0.33), Confidence::Low);
    }
}
