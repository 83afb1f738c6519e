//! Brotli's quality and gzip's level against their time on the site's own files
//! (`make bench-compress`, that is `cargo bench --bench compress`): what `PAGE_QUALITY` and
//! `FAST_GZIP_LEVEL` in `src/publish/compress.rs` are chosen by. Results are written down in
//! bench/README.md.
//!
//! The workload: the example content (`content/`) built with the library, as of the Makefile's
//! day for it, into a temporary directory, with the app Trunk built (`APP_DIR`, by default
//! `target/trunk`, so that every page carries the real stylesheet and starter); then
//! every file of that site the build compresses ([`publish::is_compressible`]), except the
//! app's. Each is compressed with [`publish::brotli`], the function the build calls, on one
//! thread, at qualities 11, 10 and 9, and 5 (the quality beyond the build's budget) for
//! reference, and with [`publish::gzip`] at levels 9, 6 (within the budget), 4, 3, 2 and 1; three runs
//! of every setting, taken in turns so that a change in the machine's speed weighs on all of
//! them alike. Prints a Markdown table, with the machine and the time:
//! the same figures on another day also tell how fast the machine is at that moment.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use trust_center::model::Date;
use trust_center::publish::{self, BuildOptions};

/// Compared with the first, brotli's best (what the app gets).
const QUALITIES: [i32; 4] = [11, 10, 9, 5];
/// Compared with the first, gzip's best.
const GZIP_LEVELS: [u32; 6] = [9, 6, 4, 3, 2, 1];
const RUNS: usize = 3;

/// One compressor at one setting, as the build calls it.
struct Setting {
    /// The setting's number (brotli's quality, gzip's level).
    level: u32,
    /// What the build uses it for, if anything.
    role: &'static str,
    compress: fn(&[u8], u32) -> Vec<u8>,
}

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

    let brotli: Vec<Setting> = QUALITIES
        .iter()
        .map(|&quality| Setting {
            level: quality as u32,
            role: match quality {
                11 => " (the app)",
                q if q == publish::PAGE_QUALITY => " (pages, within the budget)",
                q if q == publish::FAST_QUALITY => " (beyond the budget)",
                _ => "",
            },
            compress: |data, quality| publish::brotli(data, quality as i32).expect("brotli"),
        })
        .collect();
    let gzip: Vec<Setting> = GZIP_LEVELS
        .iter()
        .map(|&level| Setting {
            level,
            role: match level {
                l if l == publish::PAGE_GZIP_LEVEL => " (the app and pages, within the budget)",
                l if l == publish::FAST_GZIP_LEVEL => " (beyond the budget)",
                _ => "",
            },
            compress: |data, level| publish::gzip(data, level).expect("gzip"),
        })
        .collect();
    let settings: Vec<&Setting> = brotli.iter().chain(&gzip).collect();
    let mut times = vec![Vec::with_capacity(RUNS); settings.len()];
    let mut sizes = vec![None; settings.len()];
    for _ in 0..RUNS {
        for (i, setting) in settings.iter().enumerate() {
            let start = Instant::now();
            let mut written = 0;
            for bytes in &data {
                written += (setting.compress)(bytes, setting.level).len();
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
    let (brotli_sizes, gzip_sizes) = sizes.split_at(brotli.len());
    let (brotli_times, gzip_times) = times.split_at(brotli.len());
    for (name, what, settings, sizes, times) in [
        ("brotli", "quality", &brotli, brotli_sizes, brotli_times),
        ("gzip", "level", &gzip, gzip_sizes, gzip_times),
    ] {
        let best = sizes[0].expect("every setting ran");
        println!();
        println!(
            "| {name} {what} | input bytes | {name} bytes | more than {} | median s | runs s |",
            settings[0].level
        );
        println!("| --- | ---: | ---: | ---: | ---: | ---: |");
        for ((setting, written), times) in settings.iter().zip(sizes).zip(times) {
            let written = written.expect("every setting ran");
            let mut sorted = times.clone();
            sorted.sort();
            println!(
                "| {}{} | {} | {} | {:+.1}% | {:.3} | {} |",
                setting.level,
                setting.role,
                thousands(input),
                thousands(written),
                (written as f64 / best as f64 - 1.0) * 100.0,
                secs(sorted[RUNS / 2]),
                times
                    .iter()
                    .map(|t| format!("{:.3}", secs(*t)))
                    .collect::<Vec<_>>()
                    .join(", "),
            );
        }
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
