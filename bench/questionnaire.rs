//! Questionnaire matching accuracy (`make bench-questionnaire`): questions phrased the way real
//! questionnaires word them, matched against the example answer library; top-1 and top-3
//! accuracy, and how often each confidence band is right. Results are written down in
//! bench/README.md.
//!
//! Two sets, scored by the same code: `bench/questionnaire/eval.json`, which the matcher has been
//! tuned on, and `bench/questionnaire/holdout.json`, which it must never be tuned on: the
//! hold-out figure is the one that predicts a questionnaire nobody has seen. `VERBOSE=1` lists
//! the misses of the evaluation set only, so that nobody tunes on the hold-out set by accident
//! (`VERBOSE=holdout` lists those too, for checking the set's own judgements).

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use trust_center::load;
use trust_center::model::Date;
use trust_center::publish;
use trust_center::questionnaire::{Confidence, Matcher};

#[derive(Deserialize)]
struct Set {
    questions: Vec<Item>,
}

#[derive(Deserialize)]
struct Item {
    question: String,
    expected: String,
    #[serde(default)]
    also: Vec<String>,
    source: String,
}

/// Matches every question of a set and prints its figures, each line prefixed with the set's
/// name (`bench/questionnaire/run.mjs` reads the `top-1` lines).
fn score(matcher: &Matcher, name: &str, set: &Set, verbose: bool) {
    let (mut top1, mut top3) = (0usize, 0usize);
    let mut bands: BTreeMap<Confidence, (usize, usize)> = BTreeMap::new();
    let mut by_source: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for item in &set.questions {
        let ok = |id: &str| id == item.expected || item.also.iter().any(|a| a == id);
        let proposals = matcher.propose(&item.question, None);
        let ids: Vec<&str> = proposals
            .iter()
            .map(|c| matcher.answers()[c.answer].id.as_str())
            .collect();
        let first = ids.first().is_some_and(|id| ok(id));
        top1 += usize::from(first);
        top3 += usize::from(ids.iter().take(3).any(|id| ok(id)));
        let band = proposals.first().map_or(Confidence::None, |c| c.confidence);
        let e = bands.entry(band).or_default();
        e.0 += 1;
        e.1 += usize::from(first);
        let s = by_source.entry(&item.source).or_default();
        s.0 += 1;
        s.1 += usize::from(first);
        if verbose && !first {
            println!(
                "MISS {name} {:?} expected {} got {:?} ({:?})",
                item.question,
                item.expected,
                ids,
                proposals.first().map(|c| c.score)
            );
        }
    }
    let n = set.questions.len();
    let pct = |k: usize, n: usize| 100.0 * k as f64 / n.max(1) as f64;
    println!("{name}: {n} questions");
    println!("{name} top-1: {top1}/{n} = {:.1}%", pct(top1, n));
    println!("{name} top-3: {top3}/{n} = {:.1}%", pct(top3, n));
    for (band, (count, right)) in bands.iter().rev() {
        println!(
            "{name} confidence {:<8} {count:>4} rows, best proposal right in {:.0}%",
            band.label(),
            pct(*right, *count)
        );
    }
    for (source, (count, right)) in &by_source {
        println!(
            "{name} source {source:<7} {count:>4} rows, top-1 {:.0}%",
            pct(*right, *count)
        );
    }
}

fn read_set(path: &Path) -> Set {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} does not parse: {e}", path.display()))
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let content = std::env::var("CONTENT").map_or_else(|_| root.join("content"), Into::into);
    let (model, _) = load::load(&content, Date::ymd(2026, 11, 22)).expect("content loads");
    let matcher = Matcher::new(publish::answer_library(&model));
    let verbose = std::env::var("VERBOSE").ok();
    println!("answers: {}", matcher.answers().len());
    for name in ["eval", "holdout"] {
        let set = read_set(&root.join(format!("bench/questionnaire/{name}.json")));
        // VERBOSE=holdout shows both sets' misses; any other value the evaluation set's only.
        let show = match verbose.as_deref() {
            None | Some("") => false,
            Some("holdout") => true,
            Some(_) => name == "eval",
        };
        score(&matcher, name, &set, show);
    }
}
