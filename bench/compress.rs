//! Brotli's quality against its time on the site's own files (`make bench-compress`, that is
//! `cargo bench --bench compress`): what `PAGE_QUALITY` in `src/publish/compress.rs` is chosen
//! by. Results are written down in bench/README.md.
//!
//! The workload: the example content (`content/`) built with the library, as of the Makefile's
//! day for it, into a temporary directory, with the app Trunk built (`APP_DIR`, by default
//! `target/trunk`, so that every page carries the real stylesheet and starter); then
//! every file of that site the build compresses ([`publish::is_compressible`]), except the
//! app's. Each is compressed with [`publish::brotli`], the function the build calls, on one
//! thread, at qualities 11, 10 and 9, and 5 (the quality beyond the build's budget) for
//! reference; three runs of every quality, taken in turns so that a change in the machine's
//! speed weighs on all of them alike. Prints a Markdown table, with the machine and the time:
//! the same figures on another day also tell how fast the machine is at that moment.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use trust_center::model::Date;
use trust_center::publish::{self, BuildOptions};

/// Compared with the first, brotli's best (what the app gets).
const QUALITIES: [i32; 4] = [11, 10, 9, 5];
const RUNS: usize = 3;

fn main() {
    // The Makefile's TRUST_TODAY for the example content.
    let today = Date::ymd(2026, 11, 22);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // The app as Trunk built it for the tests (`make app`): its templates carry the real
    // stylesheet and starter, so every page weighs what a deployment's does.
    let app = std::env::var_os("APP_DIR").map_or_else(|| root.join("target/trunk"), PathBuf::from);
    assert!(
        app.join("index.html").is_file(),
        "{}: no app; `make bench-compress` builds it first",
        app.display()
    );
    let tmp = tempfile::tempdir().expect("temporary directory");
    let out = tmp.path().join("dist");
    publish::build(&BuildOptions {
        content: root.join("content"),
        app: app.clone(),
        out: out.clone(),
        today,
    })
    .unwrap_or_else(|e| panic!("building the example content: {e}"));

    let mut files = Vec::new();
    collect(&out, &out, &app, &mut files);
    files.sort();
    let data: Vec<Vec<u8>> = files
        .iter()
        .map(|rel| fs::read(out.join(rel)).expect("a built file"))
        .collect();
    let input: usize = data.iter().map(Vec::len).sum();

    let mut times = vec![Vec::with_capacity(RUNS); QUALITIES.len()];
    let mut sizes = vec![None; QUALITIES.len()];
    for _ in 0..RUNS {
        for (i, &quality) in QUALITIES.iter().enumerate() {
            let start = Instant::now();
            let mut written = 0;
            for bytes in &data {
                written += publish::brotli(bytes, quality).expect("brotli").len();
            }
            times[i].push(start.elapsed());
            // The output is deterministic: a run that differs would mean the workload changed.
            assert_eq!(*sizes[i].get_or_insert(written), written);
        }
    }

    println!(
        "Run on {}: {} cores ({}), {}; {} files of the example site ({} bytes), one thread, \
         median of {RUNS} runs.",
        jiff::Timestamp::now().strftime("%Y-%m-%d %H:%M UTC"),
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        cpu_model(),
        memory(),
        files.len(),
        thousands(input),
    );
    println!();
    println!("| quality | input bytes | brotli bytes | more than 11 | median s | runs s |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    let best = sizes[0].expect("quality 11 ran");
    for (i, &quality) in QUALITIES.iter().enumerate() {
        let written = sizes[i].expect("every quality ran");
        let mut sorted = times[i].clone();
        sorted.sort();
        let role = match quality {
            11 => " (the app)",
            q if q == publish::PAGE_QUALITY => " (pages, within the budget)",
            q if q == publish::FAST_QUALITY => " (beyond the budget)",
            _ => "",
        };
        println!(
            "| {quality}{role} | {} | {} | {:+.1}% | {:.2} | {} |",
            thousands(input),
            thousands(written),
            (written as f64 / best as f64 - 1.0) * 100.0,
            secs(sorted[RUNS / 2]),
            times[i]
                .iter()
                .map(|t| format!("{:.2}", secs(*t)))
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
}

/// The files under `dir` that a build compresses, site-relative, leaving out those that came
/// with the app (compressed once per app build, at the best quality, not by this build).
fn collect(out: &Path, dir: &Path, app: &Path, files: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let meta = fs::metadata(&path).unwrap();
        let rel = path.strip_prefix(out).unwrap().to_owned();
        if meta.is_dir() {
            collect(out, &path, app, files);
        } else if publish::is_compressible(&path, meta.len()) && !from_app(app, &rel) {
            files.push(rel);
        }
    }
}

/// Whether the build copied `rel` from the app: every file of it but the templates, which the
/// pages are written from.
fn from_app(app: &Path, rel: &Path) -> bool {
    let template = ["index.html", publish::QUESTIONNAIRE_TEMPLATE].map(Path::new);
    app.join(rel).exists() && !template.contains(&rel)
}

/// The CPU's name as the kernel reports it.
fn cpu_model() -> String {
    fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, name)| name.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".to_owned())
}

/// The machine's memory, in GiB.
fn memory() -> String {
    fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|info| {
            let kib: f64 = info
                .lines()
                .find(|l| l.starts_with("MemTotal:"))?
                .split_whitespace()
                .nth(1)?
                .parse()
                .ok()?;
            Some(format!("{:.0} GiB", kib / (1024.0 * 1024.0)))
        })
        .unwrap_or_else(|| "unknown memory".to_owned())
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}
