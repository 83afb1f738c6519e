//! How long `trustctl check` takes on a large trust center: 10,000 answers in 100 files and
//! 1,000 subprocessors (one file each), on top of the starter content.
//!
//! Run with `make bench-load`; results are written down in bench/README.md.

use std::fmt::Write as _;
use std::fs;
use std::time::{Duration, Instant};

use trust_center::load;
use trust_center::model::Date;
use trust_center::scaffold;

const ANSWER_FILES: usize = 100;
const ANSWERS_PER_FILE: usize = 100;
const SUBPROCESSORS: usize = 1_000;
const RUNS: usize = 11;

fn main() {
    let today = Date::ymd(2026, 11, 22);
    let tmp = tempfile::tempdir().expect("temporary directory");
    let dir = tmp.path().join("content");
    scaffold::new(&dir, today).expect("starter content");

    for f in 0..ANSWER_FILES {
        let mut text = format!("category = \"Category {f}\"\n");
        for a in 0..ANSWERS_PER_FILE {
            let n = f * ANSWERS_PER_FILE + a;
            write!(
                text,
                "\n[[answer]]\nid = \"answer-{n}\"\nquestion = \"Do you encrypt backups of system {n} at rest?\"\n\
                 short = \"yes\"\nanswer = \"\"\"Yes. Backups of system {n} are encrypted with AES-256 and the keys are \
                 held in a managed key service with **quarterly** rotation.\"\"\"\ntags = [\"backup\", \"encryption\"]\n\
                 controls = [\"encryption-in-transit\"]\nreviewed = 2026-10-01\n[answer.mappings]\ncaiq = [\"BCR-08.{n}\"]\n"
            )
            .unwrap();
        }
        fs::write(dir.join(format!("answers/category-{f:03}.toml")), text).unwrap();
    }
    for s in 0..SUBPROCESSORS {
        let text = format!(
            "name = \"Vendor {s}\"\nlegal_entity = \"Vendor {s} GmbH\"\naddress = \"{s} Example Street, Berlin\"\n\
             website = \"https://vendor{s}.example.com\"\npurpose = \"Service number {s}\"\n\
             data_categories = [\"Contact data\", \"Usage data\"]\nlocations = [\"DE\", \"US\"]\nregions = [\"eu\"]\n\
             since = 2025-01-01\n\n[transfer]\nmechanism = \"scc\"\nmodule = 2\n"
        );
        fs::write(dir.join(format!("subprocessors/vendor-{s:04}.toml")), text).unwrap();
    }

    let mut times: Vec<Duration> = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let start = Instant::now();
        let (model, _) = load::load(&dir, today).unwrap_or_else(|d| panic!("{d}"));
        times.push(start.elapsed());
        assert_eq!(model.answers.len(), ANSWER_FILES * ANSWERS_PER_FILE + 1);
        assert_eq!(model.subprocessors.len(), SUBPROCESSORS + 1);
    }
    let first = times[0];
    times.sort();
    println!(
        "load {} answers + {} subprocessors: median {:.1} ms, min {:.1} ms, max {:.1} ms, first {:.1} ms ({RUNS} runs)",
        ANSWER_FILES * ANSWERS_PER_FILE,
        SUBPROCESSORS,
        ms(times[RUNS / 2]),
        ms(times[0]),
        ms(times[RUNS - 1]),
        ms(first),
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
