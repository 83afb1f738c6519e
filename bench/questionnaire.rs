//! Questionnaire matching accuracy (`make bench-questionnaire`): the questions of
//! `bench/questionnaire/eval.json`, phrased the way real questionnaires word them, matched
//! against the example answer library; top-1 and top-3 accuracy, and how often each confidence
//! band is right. Results are written down in bench/README.md.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use trust_center::load;
use trust_center::model::Date;
use trust_center::publish;
use trust_center::questionnaire::{Confidence, Matcher};

#[derive(Deserialize)]
struct Eval {
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

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let content = std::env::var("CONTENT").map_or_else(|_| root.join("content"), Into::into);
    let (model, _) = load::load(&content, Date::ymd(2026, 11, 22)).expect("content loads");
    let matcher = Matcher::new(publish::answer_library(&model));
    let eval: Eval = serde_json::from_str(
        &std::fs::read_to_string(root.join("bench/questionnaire/eval.json")).expect("eval set"),
    )
    .expect("eval set parses");
    let verbose = std::env::var("VERBOSE").is_ok();
    let (mut top1, mut top3) = (0usize, 0usize);
    let mut bands: BTreeMap<Confidence, (usize, usize)> = BTreeMap::new();
    let mut by_source: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for item in &eval.questions {
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
                "MISS {:?} expected {} got {:?} ({:?})",
                item.question,
                item.expected,
                ids,
                proposals.first().map(|c| c.score)
            );
        }
    }
    let n = eval.questions.len();
    let pct = |k: usize, n: usize| 100.0 * k as f64 / n.max(1) as f64;
    println!("questions: {n}, answers: {}", matcher.answers().len());
    println!("top-1: {top1}/{n} = {:.1}%", pct(top1, n));
    println!("top-3: {top3}/{n} = {:.1}%", pct(top3, n));
    for (band, (count, right)) in bands.iter().rev() {
        println!(
            "confidence {:<8} {count:>4} rows, best proposal right in {:.0}%",
            band.label(),
            pct(*right, *count)
        );
    }
    for (source, (count, right)) in &by_source {
        println!(
            "source {source:<7} {count:>4} rows, top-1 {:.0}%",
            pct(*right, *count)
        );
    }
}
