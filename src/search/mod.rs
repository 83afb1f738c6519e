//! Site search: the index the generator writes and the engine the app queries it with.
//!
//! Pure Rust without DOM access, so that the same code is unit-tested natively, runs in the
//! browser, and is measured against the JavaScript engines in `bench/search`.
//!
//! Design, for a corpus of a few thousand short, dense texts (answers, controls, DPA sections)
//! searched one keystroke at a time:
//! - **Precomputed impacts.** The BM25F score of every (term, document) pair is computed at build
//!   time, with field weights (titles and questions above keywords above body text), and stored
//!   quantised to one byte. A query only adds bytes: no statistics at query time.
//! - **Stems for meaning, words for typing.** Postings are keyed by English stems; a sorted list
//!   of the words as written maps to them, so that a half-typed word matches by prefix and a
//!   misspelt one by edit distance, both among real words of the content.
//! - **Synonyms as terms.** Each synonym group ("sso", "single sign-on") becomes one extra term,
//!   indexed wherever any of its phrases occurs; each word of a query phrase from the group is
//!   then satisfied by its own terms or by the group's.
//! - **Words together.** Adjacent words of a title are also indexed as a pair; a query with
//!   the same two words side by side adds that pair's score to the hits that have it.
//! - **Every word narrows.** Documents matching the most of the query's words come first, by
//!   score; those matching fewer only fill up a short list: reviewers' questions are short and
//!   every word counts.
//!
//! The index is serialised with postcard (compact varints) and served gzip-compressed.

#[cfg(feature = "ssr")]
mod build;
pub mod text;

use std::collections::BTreeSet;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::site::Section;
use text::{edit_distance_within, is_stopword, words, Stem};

#[cfg(feature = "ssr")]
pub use build::build_index;

/// Where the generator writes the index and the app fetches it from.
pub const INDEX_PATH: &str = "/_search/index.bin";

/// One searchable thing, as the generator derives it from the content: an answer, a control, a
/// subprocessor, a certification, a document or one of its sections, a page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchDoc {
    /// Site-absolute URL with the anchor (`/faq/#sso`).
    pub url: String,
    /// The section it belongs to.
    pub section: Section,
    /// Its title: the question, the control's or company's name, the heading.
    pub title: String,
    /// Where it sits, shown under the title ("Access control", "Data Processing Agreement").
    pub context: String,
    /// Tags, framework references, countries: weighted between title and text.
    pub keywords: Vec<String>,
    /// The body as plain text.
    pub text: String,
}

/// What a result shows; the searchable text itself is only in the postings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocEntry {
    /// Site-absolute URL with the anchor.
    pub url: String,
    /// The section it belongs to.
    pub section: Section,
    /// Its title.
    pub title: String,
    /// Where it sits.
    pub context: String,
    /// The beginning of its text, for the snippet.
    pub excerpt: String,
}

/// The documents that contain one term, with the term's precomputed score in each.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Postings {
    /// Document numbers, ascending, stored as gaps (small numbers encode in one byte).
    gaps: Vec<u32>,
    /// The BM25F impact per document, quantised to 1..=255.
    impacts: Vec<u8>,
}

/// The search index as shipped: serialised by the generator, loaded by the app.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Index {
    docs: Vec<DocEntry>,
    /// Stems and synonym-group terms (`~3`), sorted.
    terms: Vec<String>,
    /// Parallel to `terms`.
    postings: Vec<Postings>,
    /// Every word as written (folded), sorted, for prefix and typo matching.
    words: Vec<String>,
    /// Parallel to `words`: the index in `terms` of the word's stem.
    word_terms: Vec<u32>,
    /// Synonym phrases as stem sequences, each with its group's term.
    phrases: Vec<(Vec<String>, u32)>,
}

/// Why an index could not be loaded.
#[derive(Debug, thiserror::Error)]
#[error("the search index is damaged or from another version: {0}")]
pub struct LoadError(#[from] postcard::Error);

/// A search as the visitor asked it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query<'a> {
    /// What was typed.
    pub text: &'a str,
    /// Only results from this section.
    pub section: Option<Section>,
    /// At most this many results.
    pub limit: usize,
}

/// One result.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit<'a> {
    /// What to show.
    pub doc: &'a DocEntry,
    /// Its position in [`Index::docs`], for callers that keep data of their own per document.
    pub number: usize,
    /// How many of the query's words it matched.
    pub matched: u8,
    /// Its score (for ordering only).
    pub score: f32,
}

/// How strongly a kind of match counts, relative to the exact word.
const PREFIX_WEIGHT: f32 = 0.8;
/// How much two query words side by side in a title add.
const PAIR_WEIGHT: f32 = 10.0;
const TYPO_WEIGHT: f32 = 0.6;
/// Results matching fewer query words than the best are shown only up to this many results.
const MIN_RESULTS: usize = 5;
/// A half-typed word expands to at most this many words (the shortest first).
const MAX_PREFIX_TERMS: usize = 64;

/// One part of a query: a word or a synonym phrase, with the terms that satisfy it.
#[derive(Debug)]
struct Clause {
    /// (term, weight); the best one a document has counts.
    terms: Vec<(u32, f32)>,
}

/// Reused between queries, so that a keystroke allocates nothing proportional to the corpus.
#[derive(Default)]
struct Scratch {
    best: Vec<f32>,
    total: Vec<f32>,
    matched: Vec<u8>,
    clauses: Vec<u64>,
    touched: Vec<u32>,
    clause_touched: Vec<u32>,
}

/// One document as [`Engine::score_all`] reports it, unranked.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scored {
    /// Its position in [`Index::docs`].
    pub number: usize,
    /// How many of the query's words it matched.
    pub matched: u8,
    /// Its score, as [`Engine::search`] orders by.
    pub score: f32,
    /// Which of the query's clauses it matched: bit `i` for the `i`-th (the 64th and later
    /// share the last bit), so that a caller merging several documents can count the clauses
    /// matched by any of them.
    pub clauses: u64,
}

/// Keeps the `keep` best of `hits` and sorts them best first: the most query words matched,
/// then the highest score, then index order. The site's search and the questionnaire matcher
/// (which merges an answer's documents first) rank by this one rule.
pub fn best_first(hits: &mut Vec<Scored>, keep: usize) {
    let better = |a: &Scored, b: &Scored| {
        b.matched
            .cmp(&a.matched)
            .then(b.score.total_cmp(&a.score))
            .then(a.number.cmp(&b.number))
    };
    if hits.len() > keep {
        if keep == 0 {
            hits.clear();
            return;
        }
        hits.select_nth_unstable_by(keep - 1, better);
        hits.truncate(keep);
    }
    hits.sort_unstable_by(better);
}

/// An index ready to answer queries.
pub struct Engine {
    index: Index,
    stem: Stem,
    scratch: Mutex<Scratch>,
}

impl Index {
    /// Decodes an index written by [`Index::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Index, LoadError> {
        Ok(postcard::from_bytes(bytes)?)
    }

    /// Encodes the index for shipping.
    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("an index always serialises")
    }

    /// The documents, in index order.
    pub fn docs(&self) -> &[DocEntry] {
        &self.docs
    }
}

impl Engine {
    /// Wraps a loaded index.
    pub fn new(index: Index) -> Engine {
        Engine {
            index,
            stem: Stem::default(),
            scratch: Mutex::default(),
        }
    }

    /// Decodes and wraps an index.
    pub fn load(bytes: &[u8]) -> Result<Engine, LoadError> {
        Ok(Engine::new(Index::from_bytes(bytes)?))
    }

    /// The index.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The best results for a query, best first: those matching the most query words, by score.
    pub fn search(&self, query: &Query<'_>) -> Vec<Hit<'_>> {
        let (clauses, pairs) = self.clauses(query.text);
        if clauses.is_empty() || query.limit == 0 {
            return Vec::new();
        }
        let mut hits = self.score(&clauses, &pairs);
        if let Some(section) = query.section {
            hits.retain(|h| self.index.docs[h.number].section == section);
        }
        best_first(&mut hits, query.limit);
        // Every word a reviewer types narrows the list: documents matching fewer words than the
        // best only fill a short list up, so that a near miss is still offered.
        let most = hits.first().map_or(0, |h| h.matched);
        let strong = hits.iter().take_while(|h| h.matched == most).count();
        hits.truncate(strong.max(MIN_RESULTS));
        hits.into_iter()
            .map(|h| Hit {
                doc: &self.index.docs[h.number],
                number: h.number,
                matched: h.matched,
                score: h.score,
            })
            .collect()
    }

    /// Every document matching at least one word of `text`, unranked: for a caller that
    /// ranks by a rule of its own (the questionnaire matcher, which merges the documents of one
    /// answer). The same clauses and synonyms as [`Engine::search`], but no title pairs: they
    /// are made for a few typed words, and against a long question a pair in one short title
    /// outweighed all its other words (on the questionnaire evaluation set, leaving them out
    /// raised the right first proposals from 154 to 160 of 195).
    pub fn score_all(&self, text: &str) -> Vec<Scored> {
        let (clauses, _) = self.clauses(text);
        if clauses.is_empty() {
            return Vec::new();
        }
        self.score(&clauses, &[])
    }

    /// Every document matching at least one clause, with its score: the scratch space is left
    /// zeroed for the next query.
    fn score(&self, clauses: &[Clause], pairs: &[u32]) -> Vec<Scored> {
        let mut guard = self.scratch();
        let s = &mut *guard;
        self.accumulate(s, clauses, pairs);
        let docs = s
            .touched
            .iter()
            .map(|&doc| {
                let d = doc as usize;
                let scored = Scored {
                    number: d,
                    matched: s.matched[d],
                    score: s.total[d],
                    clauses: s.clauses[d],
                };
                s.matched[d] = 0;
                s.total[d] = 0.0;
                s.clauses[d] = 0;
                scored
            })
            .collect();
        s.touched.clear();
        docs
    }

    /// The scratch space, sized for the index.
    fn scratch(&self) -> std::sync::MutexGuard<'_, Scratch> {
        let n = self.index.docs.len();
        // A panic mid-query leaves the scratch zeroed or not; rebuild it rather than trust it.
        let mut guard = self.scratch.lock().unwrap_or_else(|poisoned| {
            let mut g = poisoned.into_inner();
            *g = Scratch::default();
            g
        });
        if guard.best.len() != n {
            guard.best = vec![0.0; n];
            guard.total = vec![0.0; n];
            guard.matched = vec![0; n];
            guard.clauses = vec![0; n];
        }
        guard
    }

    /// Adds up, per document, the best term of each clause and the title pairs. Leaves the
    /// documents in `touched`.
    fn accumulate(&self, s: &mut Scratch, clauses: &[Clause], pairs: &[u32]) {
        for (c, clause) in clauses.iter().enumerate() {
            let bit = 1u64 << c.min(63);
            for &(term, weight) in &clause.terms {
                let postings = &self.index.postings[term as usize];
                let mut doc = 0u32;
                for (gap, &impact) in postings.gaps.iter().zip(&postings.impacts) {
                    doc += gap;
                    let d = doc as usize;
                    let value = weight * f32::from(impact);
                    if s.best[d] == 0.0 {
                        s.clause_touched.push(doc);
                    }
                    if value > s.best[d] {
                        s.best[d] = value;
                    }
                }
            }
            for &doc in &s.clause_touched {
                let d = doc as usize;
                if s.matched[d] == 0 {
                    s.touched.push(doc);
                }
                s.matched[d] += 1;
                s.clauses[d] |= bit;
                s.total[d] += s.best[d];
                s.best[d] = 0.0;
            }
            s.clause_touched.clear();
        }
        // A title with two query words side by side adds to a hit's score (never makes one).
        for &term in pairs {
            let postings = &self.index.postings[term as usize];
            let mut doc = 0u32;
            for (gap, &impact) in postings.gaps.iter().zip(&postings.impacts) {
                doc += gap;
                if s.matched[doc as usize] > 0 {
                    s.total[doc as usize] += PAIR_WEIGHT * f32::from(impact);
                }
            }
        }
    }

    /// Decides, for highlighting, whether a word of a result matches the query.
    pub fn matcher(&self, query: &str) -> Matcher {
        let parsed = parse(query);
        let mut stems = BTreeSet::new();
        let mut prefix = None;
        for (i, w) in parsed.words.iter().enumerate() {
            if i + 1 == parsed.words.len() && !parsed.complete {
                prefix = Some(w.clone());
            }
            if !is_stopword(w) {
                stems.insert(self.stem.stem(w));
            }
        }
        // A word being typed that is already a word of the content ("rest") is highlighted as
        // itself, not as the start of others ("restores").
        let prefix =
            prefix.filter(|p| p.chars().count() >= 2 && self.term(&self.stem.stem(p)).is_none());
        Matcher {
            stems,
            prefix,
            stem: Stem::default(),
        }
    }

    fn term(&self, term: &str) -> Option<u32> {
        self.index
            .terms
            .binary_search_by(|t| t.as_str().cmp(term))
            .ok()
            .map(|i| i as u32)
    }

    /// Turns the typed text into clauses (one per word; synonym phrases also satisfy their
    /// words), and the title word pairs the index has for adjacent query words.
    fn clauses(&self, text: &str) -> (Vec<Clause>, Vec<u32>) {
        let parsed = parse(text);
        let last = parsed.words.len().saturating_sub(1);
        // (stem, folded word, still being typed)
        let mut items: Vec<(String, &str, bool)> = Vec::new();
        for (i, w) in parsed.words.iter().enumerate() {
            let typing = i == last && !parsed.complete;
            if is_stopword(w) && !(typing && parsed.words.len() == 1) {
                continue;
            }
            items.push((self.stem.stem(w), w, typing));
        }
        let mut clauses = Vec::new();
        let mut i = 0;
        while i < items.len() {
            if let Some((len, term)) = self.phrase_at(&items[i..]) {
                // Each word of a synonym phrase stays a clause of its own, which the group's
                // term also satisfies: "breach notification" finds text saying "notify … of a
                // breach", and text saying "incident notification" too.
                for (stem, word, typing) in &items[i..i + len] {
                    let mut clause = self.word_clause(stem, word, *typing);
                    clause.terms.push((term, 1.0));
                    clauses.push(clause);
                }
                i += len;
                continue;
            }
            let (stem, word, typing) = &items[i];
            let clause = self.word_clause(stem, word, *typing);
            if !clause.terms.is_empty() {
                clauses.push(clause);
            }
            i += 1;
        }
        let pairs = items
            .windows(2)
            .filter_map(|w| self.term(&format!("{} {}", w[0].0, w[1].0)))
            .collect();
        (clauses, pairs)
    }

    /// The longest synonym phrase starting at the first item, if any.
    fn phrase_at(&self, items: &[(String, &str, bool)]) -> Option<(usize, u32)> {
        self.index
            .phrases
            .iter()
            .filter(|(stems, _)| {
                stems.len() <= items.len()
                    && stems.iter().zip(items).all(|(s, (stem, ..))| s == stem)
            })
            .max_by_key(|(stems, _)| stems.len())
            .map(|(stems, term)| (stems.len(), *term))
    }

    fn word_clause(&self, stem: &str, word: &str, typing: bool) -> Clause {
        let mut terms: Vec<(u32, f32)> = Vec::new();
        let exact = self.term(stem);
        if let Some(t) = exact {
            terms.push((t, 1.0));
        }
        let chars = word.chars().count();
        if typing && chars >= 2 {
            let words = &self.index.words;
            let from = words.partition_point(|w| w.as_str() < word);
            let to = from + words[from..].partition_point(|w| w.starts_with(word));
            let mut found: Vec<(usize, u32)> = (from..to)
                .map(|i| (words[i].len(), self.index.word_terms[i]))
                .filter(|&(_, t)| Some(t) != exact)
                .collect();
            found.sort_unstable();
            found.dedup_by_key(|f| f.1);
            terms.extend(
                found
                    .into_iter()
                    .take(MAX_PREFIX_TERMS)
                    .map(|(_, t)| (t, PREFIX_WEIGHT)),
            );
        }
        let is_number = word.chars().all(|c| c.is_ascii_digit());
        if terms.is_empty() && chars >= 5 && !is_number {
            let max = if chars >= 9 { 2 } else { 1 };
            let first = word.chars().next().unwrap_or_default();
            let words = &self.index.words;
            let mut buf = [0u8; 4];
            let first: &str = first.encode_utf8(&mut buf);
            let from = words.partition_point(|w| w.as_str() < first);
            let to = from + words[from..].partition_point(|w| w.starts_with(first));
            for (candidate, &term) in words[from..to].iter().zip(&self.index.word_terms[from..to]) {
                if candidate.len().abs_diff(word.len()) > max {
                    continue;
                }
                // While typing, the word so far may be a misspelt beginning: compare with the
                // candidate's beginning of the same length.
                let target = if typing && candidate.len() > word.len() {
                    let cut = candidate
                        .char_indices()
                        .nth(chars)
                        .map_or(candidate.len(), |(at, _)| at);
                    &candidate[..cut]
                } else {
                    candidate.as_str()
                };
                if edit_distance_within(word, target, max).is_some() {
                    terms.push((term, TYPO_WEIGHT));
                }
            }
            terms.sort_unstable_by_key(|t| t.0);
            terms.dedup_by_key(|t| t.0);
        }
        Clause { terms }
    }
}

/// A query cut into folded words, and whether the last one is finished (followed by a space or
/// punctuation) or still being typed.
struct Parsed {
    words: Vec<String>,
    complete: bool,
}

fn parse(text: &str) -> Parsed {
    let words: Vec<String> = words(text).map(|w| w.folded).collect();
    let complete = text.chars().last().is_none_or(|c| !c.is_alphanumeric());
    Parsed { words, complete }
}

/// Tells which words of a result to highlight for a query.
pub struct Matcher {
    stems: BTreeSet<String>,
    prefix: Option<String>,
    stem: Stem,
}

impl Matcher {
    /// Whether a (folded) word matches one of the query's words or the word being typed.
    pub fn matches(&self, folded: &str) -> bool {
        if self
            .prefix
            .as_deref()
            .is_some_and(|p| folded.starts_with(p))
        {
            return true;
        }
        !is_stopword(folded) && self.stems.contains(&self.stem.stem(folded))
    }

    /// `text` cut into runs, each marked whether to highlight it.
    pub fn highlight<'t>(&self, text: &'t str) -> Vec<(&'t str, bool)> {
        let mut runs = Vec::new();
        let mut at = 0;
        for w in words(text) {
            if self.matches(&w.folded) {
                if w.start > at {
                    runs.push((&text[at..w.start], false));
                }
                let end = w.start + w.raw.len();
                runs.push((&text[w.start..end], true));
                at = end;
            }
        }
        if at < text.len() {
            runs.push((&text[at..], false));
        }
        runs
    }

    /// A window of about `len` bytes of `text` around its first match, on word boundaries, with
    /// ellipses where it was cut.
    pub fn snippet(&self, text: &str, len: usize) -> String {
        let first = words(text)
            .find(|w| self.matches(&w.folded))
            .map_or(0, |w| w.start);
        let mut start = first.saturating_sub(len / 3);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        if start > 0 {
            start = text[start..]
                .find(char::is_whitespace)
                .map_or(start, |i| start + i + 1);
        }
        let mut end = (start + len).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        if end < text.len() {
            end = text[..end]
                .rfind(char::is_whitespace)
                .unwrap_or(end)
                .max(start);
        }
        let mut out = String::new();
        if start > 0 {
            out.push('…');
        }
        out.push_str(text[start..end].trim());
        if end < text.len() {
            out.push('…');
        }
        out
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests;
