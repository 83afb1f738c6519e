//! Entry points for fuzzing: what the cargo-fuzz targets in `fuzz/` call with each input, and
//! what `tests/fuzz_regressions.rs` replays with the inputs kept from earlier findings. One home,
//! so that a regression test runs exactly the code the fuzzer ran.
//!
//! Each entry takes arbitrary bytes. Errors are expected (most inputs are not valid content);
//! a panic is the finding.

use std::fs;
use std::path::{Path, PathBuf};

use crate::model::Date;

/// The day fuzzed content is judged against (the example content's).
const TODAY: (i16, i8, i8) = (2026, 11, 22);

/// The Markdown renderer, with every output the site derives from Markdown. Sanitising is
/// checked as it is promised: no `<script` element survives.
pub fn markdown(input: &[u8]) {
    let text = String::from_utf8_lossy(input);
    let html = crate::markdown::to_html(&text);
    assert!(
        !html.to_ascii_lowercase().contains("<script"),
        "a script element survived sanitising: {html}"
    );
    let _ = crate::markdown::render(&text);
    let _ = crate::markdown::sections(&text);
    let _ = crate::markdown::plain_text(&text);
    let _ = crate::markdown::slug(&text);
}

/// A copy of a content directory in which one file at a time is replaced by the fuzzer's bytes,
/// so that every input meets an otherwise valid trust center and reaches the cross-checks.
pub struct ContentFixture {
    dir: PathBuf,
    files: Vec<(PathBuf, Vec<u8>)>,
}

impl ContentFixture {
    /// Copies `content` (the example trust center) to a temporary directory.
    pub fn new(content: &Path) -> std::io::Result<ContentFixture> {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "trust-center-fuzz-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        ));
        let mut files = Vec::new();
        copy(content, &dir, &mut files)?;
        files.sort();
        Ok(ContentFixture { dir, files })
    }

    /// The files an input can replace, relative to the content directory.
    pub fn files(&self) -> Vec<PathBuf> {
        self.files
            .iter()
            .map(|(p, _)| p.strip_prefix(&self.dir).unwrap_or(p).to_owned())
            .collect()
    }

    /// An input that replaces `file` (relative to the content directory) with `contents`: the
    /// seeds and the kept regressions read as what they are.
    pub fn input(file: &str, contents: &[u8]) -> Vec<u8> {
        let mut input = format!("{file}\n").into_bytes();
        input.extend_from_slice(contents);
        input
    }

    /// Replaces a file with the input's bytes after its first line, which names the file (any
    /// other first line picks one by its bytes, so that mutated names still reach every file);
    /// loads and checks the content, and on success derives every page and the search index
    /// from it; then puts the file back.
    pub fn run(&self, input: &[u8]) {
        let (name, body) = match input.iter().position(|&b| b == b'\n') {
            Some(i) => (&input[..i], &input[i + 1..]),
            None => (input, &[][..]),
        };
        let relative = |p: &Path| p.strip_prefix(&self.dir).unwrap_or(p).to_owned();
        let (path, original) = self
            .files
            .iter()
            .find(|(p, _)| relative(p).as_os_str().as_encoded_bytes() == name)
            .unwrap_or_else(|| {
                let pick = name.iter().map(|&b| usize::from(b)).sum::<usize>();
                &self.files[pick % self.files.len()]
            });
        fs::write(path, body).expect("the fixture directory is writable");
        let today = Date::ymd(TODAY.0, TODAY.1, TODAY.2);
        match crate::load::load(&self.dir, today) {
            Ok((model, warnings)) => {
                let _ = warnings.to_string();
                let site = crate::publish::site_data(&model);
                let pages = crate::publish::pages(&model, &site);
                let _ = crate::publish::search_index(&model, &pages);
                let _ = crate::publish::answer_library(&model);
                let _ = crate::publish::security_txt(&model);
            }
            Err(diagnostics) => {
                let _ = diagnostics.to_string();
            }
        }
        fs::write(path, original).expect("the fixture directory is writable");
    }
}

impl Drop for ContentFixture {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

fn copy(from: &Path, to: &Path, files: &mut Vec<(PathBuf, Vec<u8>)>) -> std::io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy(&entry.path(), &target, files)?;
        } else {
            let bytes = fs::read(entry.path())?;
            fs::write(&target, &bytes)?;
            // Assets are only listed and sized, never parsed: not worth the fuzzer's time.
            if !entry.path().components().any(|c| c.as_os_str() == "assets") {
                files.push((target, bytes));
            }
        }
    }
    Ok(())
}

/// A dropped questionnaire file, as the worker handles it: read (CSV, XLSX, XLS, ODS), detect
/// the layout of every sheet, list the questions, and write both exports.
pub fn questionnaire(input: &[u8]) {
    use crate::questionnaire::sheet;
    let Ok(book) = sheet::read("fuzzed.csv", input) else {
        return;
    };
    for (index, s) in book.sheets.iter().enumerate() {
        let Ok(layout) = sheet::detect(s) else {
            continue;
        };
        let Ok(rows) = sheet::questions(s, &layout) else {
            continue;
        };
        let filled: Vec<crate::questionnaire::protocol::Filled> = rows
            .iter()
            .map(
                |(row, question, _)| crate::questionnaire::protocol::Filled {
                    row: *row,
                    answer: format!("Answer to {question}"),
                    short: "Yes".into(),
                    source: "https://trust.example.com/faq/".into(),
                },
            )
            .collect();
        let _ = crate::questionnaire::export::to_csv(&book, index, &layout, &filled);
        let _ = crate::questionnaire::export::to_xlsx(&book, index, &layout, &filled);
    }
}
