//! Building the index at site build time: field-weighted BM25 impacts per (term, document),
//! synonym terms,
//! and the word list for prefix and typo matching.

use std::collections::{BTreeMap, HashMap};

use super::text::{is_stopword, words, Stem};
use super::{DocEntry, Index, Postings, SearchDoc};

/// Field weights: a word in a title (a question, a control's name) says more about a document
/// than the same word in its keywords, and those a little more than its body. Keywords stay
/// close to the body because authors tag generously: a tag shared by every answer on a topic
/// (measured with `make bench-search`: 2.5 ranked near-duplicates above the answer asked for).
const TITLE: f32 = 4.0;
const KEYWORDS: f32 = 1.5;
const CONTEXT: f32 = 0.5;
const TEXT: f32 = 1.0;
/// BM25's saturation and length normalisation (the usual values; titles are short, so their
/// length matters less).
const K1: f32 = 1.2;
const B_TEXT: f32 = 0.75;
const B_TITLE: f32 = 0.3;
/// How much of a document's text a result shows.
const EXCERPT_BYTES: usize = 240;

/// Builds the index of `docs`, with `synonyms` (groups of words or phrases that mean the same).
pub fn build_index(docs: &[SearchDoc], synonyms: &[Vec<String>]) -> Index {
    let stem = Stem::default();
    // Each group's phrases as stem sequences, and the group's own term.
    let mut phrases: Vec<(Vec<String>, String)> = Vec::new();
    for (g, group) in synonyms.iter().enumerate() {
        let term = format!("~{g}");
        for phrase in group {
            let stems = stem.phrase(phrase);
            if !stems.is_empty() && !phrases.iter().any(|(s, t)| *s == stems && *t == term) {
                phrases.push((stems, term.clone()));
            }
        }
    }

    // The phrases by their first stem: a word is tried only against the phrases it can begin
    // (trying every phrase at every word was a fifth of a large site's build).
    let mut by_first: HashMap<&str, Vec<(&[String], &str)>> = HashMap::new();
    for (stems, term) in &phrases {
        by_first
            .entry(stems[0].as_str())
            .or_default()
            .push((stems.as_slice(), term.as_str()));
    }

    // Per document and field: term frequencies and the field's length in words.
    struct Field {
        weight: f32,
        b: f32,
        tf: HashMap<String, u32>,
        len: u32,
    }
    // Each word's stem, by the word as folded: a site says the same few thousand words over and
    // over, and stemming each occurrence again was a fifth of a large site's index build. Its
    // keys are also the words typed queries match against.
    let mut surface: HashMap<String, String> = HashMap::new();
    let mut analyse = |text: &str, weight: f32, b: f32, pairs: bool| {
        let mut stems = Vec::new();
        for w in words(text) {
            if is_stopword(&w.folded) {
                continue;
            }
            let s = match surface.get(&w.folded) {
                Some(s) => s.clone(),
                None => {
                    let s = stem.stem(&w.folded);
                    surface.insert(w.folded, s.clone());
                    s
                }
            };
            stems.push(s);
        }
        let mut tf: HashMap<String, u32> = HashMap::new();
        for i in 0..stems.len() {
            for &(phrase, term) in by_first.get(stems[i].as_str()).into_iter().flatten() {
                if stems[i..].starts_with(phrase) {
                    *tf.entry(term.to_owned()).or_default() += 1;
                }
            }
        }
        // Adjacent words of a title as one term ("incident respons"): a title that says the
        // query's words together outranks texts that only contain them apart.
        if pairs {
            for w in stems.windows(2) {
                *tf.entry(format!("{} {}", w[0], w[1])).or_default() += 1;
            }
        }
        let len = stems.len() as u32;
        for s in stems {
            *tf.entry(s).or_default() += 1;
        }
        Field { weight, b, tf, len }
    };
    let fields: Vec<[Field; 4]> = docs
        .iter()
        .map(|d| {
            [
                analyse(&d.title, TITLE, B_TITLE, true),
                analyse(&d.keywords.join(" · "), KEYWORDS, B_TEXT, false),
                analyse(&d.context, CONTEXT, B_TEXT, false),
                analyse(&d.text, TEXT, B_TEXT, false),
            ]
        })
        .collect();

    let n = docs.len().max(1) as f32;
    let mut avg = [0f32; 4];
    for f in &fields {
        for (a, field) in avg.iter_mut().zip(f) {
            *a += field.len as f32 / n;
        }
    }
    let mut df: HashMap<&str, u32> = HashMap::new();
    for f in &fields {
        let mut seen: Vec<&str> = f
            .iter()
            .flat_map(|x| x.tf.keys().map(String::as_str))
            .collect();
        seen.sort_unstable();
        seen.dedup();
        for t in seen {
            *df.entry(t).or_default() += 1;
        }
    }

    // (term → [(doc, impact)]), docs ascending because documents are visited in order; sorted
    // by term once at the end (a tree keyed by strings compared them at every insertion).
    let mut raw: HashMap<&str, Vec<(u32, f32)>> = HashMap::new();
    let mut max_impact = 0f32;
    for (doc, f) in fields.iter().enumerate() {
        // BM25 per field, weighted and summed: a word in the title and the keywords and the text
        // counts more than in the title alone (curated entries say it in several places), where
        // one combined, saturated frequency would let short generated text win.
        let mut score: HashMap<&str, f32> = HashMap::new();
        for (field, avg) in f.iter().zip(avg) {
            let norm = 1.0 - field.b + field.b * field.len as f32 / avg.max(1.0);
            for (t, &tf) in &field.tf {
                let tf = tf as f32;
                *score.entry(t).or_default() += field.weight * tf * (K1 + 1.0) / (tf + K1 * norm);
            }
        }
        for (t, s) in score {
            let d = df[t] as f32;
            let idf = (1.0 + (n - d + 0.5) / (d + 0.5)).ln();
            let impact = idf * s;
            max_impact = max_impact.max(impact);
            raw.entry(t).or_default().push((doc as u32, impact));
        }
    }

    let mut raw: Vec<(&str, Vec<(u32, f32)>)> = raw.into_iter().collect();
    raw.sort_unstable_by_key(|&(t, _)| t);
    let terms: Vec<String> = raw.iter().map(|(t, _)| (*t).to_owned()).collect();
    let postings = raw
        .iter()
        .map(|(_, list)| {
            let mut p = Postings::default();
            let mut prev = 0;
            for &(doc, impact) in list {
                p.gaps.push(doc - prev);
                prev = doc;
                let q = (impact / max_impact * 255.0).round().clamp(1.0, 255.0);
                p.impacts.push(q as u8);
            }
            p
        })
        .collect();
    let term_no = |t: &str| terms.binary_search_by(|x| x.as_str().cmp(t)).ok();
    let surface: BTreeMap<String, String> = surface.into_iter().collect();
    let (words, word_terms): (Vec<String>, Vec<u32>) = surface
        .iter()
        .filter_map(|(w, s)| term_no(s).map(|t| (w.clone(), t as u32)))
        .unzip();
    let phrases = phrases
        .iter()
        .filter_map(|(stems, term)| term_no(term).map(|t| (stems.clone(), t as u32)))
        .collect();
    let docs = docs
        .iter()
        .map(|d| DocEntry {
            url: d.url.clone(),
            section: d.section,
            title: d.title.clone(),
            context: d.context.clone(),
            excerpt: excerpt(&d.text),
        })
        .collect();
    Index {
        docs,
        terms,
        postings,
        words,
        word_terms,
        phrases,
    }
}

/// The beginning of a text, cut at a word boundary.
fn excerpt(text: &str) -> String {
    if text.len() <= EXCERPT_BYTES {
        return text.to_owned();
    }
    let mut end = EXCERPT_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let end = text[..end].rfind(char::is_whitespace).unwrap_or(end);
    format!("{}…", text[..end].trim_end())
}
