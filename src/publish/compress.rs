//! Precompressed copies of the site's text and Wasm files (`file.br`, `file.gz` next to
//! `file`), so that a static host serves brotli or gzip without compressing on every request:
//! nginx with `brotli_static` / `gzip_static`, most CDNs, and `trustctl serve`.
//!
//! At high settings: files are compressed once per build and read many times. A copy is only
//! written when it is smaller than the file itself.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::BuildError;

/// Extensions worth compressing: text formats and WebAssembly. Images, fonts and PDFs are
/// compressed already.
const COMPRESSIBLE: &[&str] = &[
    "html",
    "css",
    "js",
    "mjs",
    "wasm",
    "json",
    "xml",
    "atom",
    "rss",
    "ics",
    "txt",
    "csv",
    "svg",
    "asc",
    "bin",
    "webmanifest",
    "conf",
];

/// Brotli's best quality (11) took about 1 s per MB per core here; on the example's FAQ page,
/// search index and trust.json it was 13–15% smaller than quality 6, which was 40–70 times faster
/// (measured with Node's brotli, 2026-11-23). A build spends [`PAGE_QUALITY`] on at most this
/// many bytes, smallest files first (the pages visitors wait for, and all of a site of ordinary
/// size); the rest of a very large site gets [`FAST_QUALITY`], so that its build stays within
/// seconds.
const BEST_BUDGET: u64 = 2 * 1024 * 1024;

/// The quality within the budget, chosen by `make bench-compress` (`bench/compress.rs`, results
/// in bench/README.md): the example site's 100 compressible files (1.63 MB) through [`brotli()`],
/// one thread, on 2 AMD EPYC cores on 2026-12-03: 11 took 2.22 s and wrote 417 KB, 10 took
/// 0.94 s and wrote 427 KB (2.6% more), 9 took 0.79 s and wrote 468 KB (12% more). Quality 10
/// costs its pages 2.6% more bytes (about 0.16 KB on a 6 KB page, a millisecond on a slow phone)
/// and saves the example build more than a second of CPU; 9 would save little more time for
/// almost five times the extra bytes. The app, compressed once per app build, keeps the best
/// ([`Effort::Best`]).
pub const PAGE_QUALITY: i32 = 10;

/// The quality beyond the budget: within a few percent of 6, and several times faster.
pub const FAST_QUALITY: i32 = 5;

/// The gzip level within the budget and for the app. Browsers that take gzip instead of brotli
/// are few; 9 took 70% longer than 6 for 0.3% less (`make bench-compress`).
pub const PAGE_GZIP_LEVEL: u32 = 6;

/// The gzip level beyond the budget, where a build of very large content is paced by its
/// compression (`make bench-compress`, 2026-12-03): on the example's files level 2 took 65% of
/// level 6's time for 8.6% more bytes, where level 1 (zlib-rs's quick mode, static codes only)
/// is 38% larger than 6. On the example scaled 100×, about 9% of the build's CPU.
pub const FAST_GZIP_LEVEL: u32 = 2;

/// Below this size a compressed copy saves less than the response headers weigh.
const MIN_BYTES: u64 = 512;

/// How hard brotli tries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effort {
    /// The best quality for every file: for the app, compressed once per app build.
    Best,
    /// A high quality for the smallest files up to a budget of bytes, a fast one for the rest
    /// (builds of very large content).
    Balanced,
}

/// What was written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Compressed {
    /// Files that got at least one compressed copy.
    pub files: usize,
    /// Their size.
    pub bytes: u64,
    /// The size of their brotli copies.
    pub brotli_bytes: u64,
    /// The size of their gzip copies.
    pub gzip_bytes: u64,
}

/// Writes `.br` and `.gz` copies of every compressible file under `root`, on all cores. With
/// `reuse`, files that have both copies already keep them (in a build's fresh output, those came
/// with the app: `trustctl compress` after Trunk, whose output is replaced whole on every build).
/// `previous` is an earlier output of the same site: a file identical to the one at the same
/// place there takes that one's copies instead of being compressed again, which makes a rebuild
/// after an edit cost what the edit changed.
pub fn precompress(
    root: &Path,
    reuse: bool,
    previous: Option<&Path>,
    effort: Effort,
) -> Result<Compressed, BuildError> {
    let mut files = Vec::new();
    collect(root, &mut files)?;
    if reuse {
        files.retain(|(path, _)| !has_copies(path));
    }
    // The settings of each file: the smallest get the best while the budget lasts.
    files.sort_by_key(|(_, size)| *size);
    let mut spent = 0;
    let mut files: Vec<(PathBuf, u64, Levels)> = files
        .into_iter()
        .map(|(path, size)| {
            spent += size;
            let levels = match effort {
                Effort::Best => Levels {
                    brotli: 11,
                    gzip: PAGE_GZIP_LEVEL,
                },
                Effort::Balanced if spent <= BEST_BUDGET => Levels {
                    brotli: PAGE_QUALITY,
                    gzip: PAGE_GZIP_LEVEL,
                },
                Effort::Balanced => Levels {
                    brotli: FAST_QUALITY,
                    gzip: FAST_GZIP_LEVEL,
                },
            };
            (path, size, levels)
        })
        .collect();
    // Largest first, so the long ones (the Wasm) start at once and the threads finish together.
    files.sort_by_key(|(_, size, _)| std::cmp::Reverse(*size));
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut total = Compressed::default();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some((path, _, levels)) = files.get(i) else {
                            return Ok(total);
                        };
                        let data = fs::read(path).map_err(BuildError::io(path))?;
                        let earlier = previous
                            .and_then(|p| path.strip_prefix(root).ok().map(|rel| p.join(rel)));
                        let reused = match earlier {
                            Some(earlier) => reuse_copies(path, &data, &earlier)?,
                            None => None,
                        };
                        total += match reused {
                            Some(done) => done,
                            None => compress_file(path, &data, *levels)?,
                        };
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().expect("a compression thread panicked"))
            .collect::<Vec<Result<Compressed, BuildError>>>()
    });
    let mut total = Compressed::default();
    for r in results {
        total += r?;
    }
    Ok(total)
}

impl std::ops::AddAssign for Compressed {
    fn add_assign(&mut self, other: Compressed) {
        self.files += other.files;
        self.bytes += other.bytes;
        self.brotli_bytes += other.brotli_bytes;
        self.gzip_bytes += other.gzip_bytes;
    }
}

/// How hard each compressor tries on one file.
#[derive(Clone, Copy, Debug)]
struct Levels {
    /// Brotli's quality (0–11).
    brotli: i32,
    /// Gzip's level (0–9).
    gzip: u32,
}

/// Writes the copies of `path`, whose bytes are `data`.
fn compress_file(path: &Path, data: &[u8], levels: Levels) -> Result<Compressed, BuildError> {
    let mut out = Compressed::default();

    let br = brotli(data, levels.brotli).map_err(BuildError::io(path))?;
    let gz = gzip(data, levels.gzip).map_err(BuildError::io(path))?;

    for (bytes, suffix) in [(&br, "br"), (&gz, "gz")] {
        if bytes.len() < data.len() {
            let to = sibling(path, suffix);
            fs::write(&to, bytes).map_err(BuildError::io(&to))?;
            out.files = 1;
        }
    }
    if out.files == 1 {
        out.bytes = data.len() as u64;
        out.brotli_bytes = br.len().min(data.len()) as u64;
        out.gzip_bytes = gz.len().min(data.len()) as u64;
    }
    Ok(out)
}

/// `data` compressed with brotli at `quality` (0–11), as a build writes it: every `.br` copy
/// comes from here, and `make bench-compress` times this same function, so that its figures are
/// the build's.
pub fn brotli(data: &[u8], quality: i32) -> std::io::Result<Vec<u8>> {
    let params = brotli::enc::BrotliEncoderParams {
        quality,
        lgwin: window_bits(data.len(), quality),
        size_hint: data.len(),
        ..Default::default()
    };
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut &data[..], &mut out, &params)?;
    Ok(out)
}

/// `data` compressed with gzip at `level` (0–9): every `.gz` copy comes from here, and
/// `make bench-compress` times it.
pub fn gzip(data: &[u8], level: u32) -> std::io::Result<Vec<u8>> {
    let mut gz = flate2::write::GzEncoder::new(
        Vec::with_capacity(data.len() / 3),
        flate2::Compression::new(level),
    );
    gz.write_all(data)?;
    gz.finish()
}

/// The brotli window for a file of `len` bytes at `quality`: no larger than the file at the best
/// quality, whose match finder clears tables of the window's size for every file (which dominated
/// small pages); at least 2^17 below it, since the `brotli` crate has no hasher for quality 5–9
/// with a window of 2^16 or less and falls back to one that clears 32 MB per file (that was 40%
/// of a large build). A window larger than the file costs nothing in the output.
fn window_bits(len: usize, quality: i32) -> i32 {
    let fits = (usize::BITS - len.max(1 << 10).leading_zeros()) as i32;
    let least = if quality >= 10 { 10 } else { 17 };
    fits.clamp(least, 22)
}

/// Copies `earlier`'s compressed copies beside `path` (whose bytes are `data`) if `earlier` has
/// the same bytes and both copies; `None` when they cannot be reused.
fn reuse_copies(
    path: &Path,
    data: &[u8],
    earlier: &Path,
) -> Result<Option<Compressed>, BuildError> {
    // A file of another size has changed: no need to read it to know.
    let same_size = fs::metadata(earlier).is_ok_and(|m| m.len() == data.len() as u64);
    if !same_size || !has_copies(earlier) {
        return Ok(None);
    }
    match fs::read(earlier) {
        Ok(old) if old == data => {}
        _ => return Ok(None),
    }
    let mut out = Compressed {
        files: 1,
        bytes: data.len() as u64,
        ..Compressed::default()
    };
    for suffix in ["br", "gz"] {
        let (from, to) = (sibling(earlier, suffix), sibling(path, suffix));
        let size = fs::copy(&from, &to).map_err(BuildError::io(&to))?;
        match suffix {
            "br" => out.brotli_bytes = size,
            _ => out.gzip_bytes = size,
        }
    }
    Ok(Some(out))
}

/// Whether a build writes compressed copies of the file at `path`, of `len` bytes: a text or
/// Wasm file (by its extension) of at least the size a copy pays off at. Public so that
/// `make bench-compress` picks its files by the build's rule.
pub fn is_compressible(path: &Path, len: u64) -> bool {
    len >= MIN_BYTES
        && path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| COMPRESSIBLE.contains(&e))
}

/// Whether both compressed copies exist.
fn has_copies(path: &Path) -> bool {
    ["br", "gz"].iter().all(|s| sibling(path, s).is_file())
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

fn collect(dir: &Path, out: &mut Vec<(PathBuf, u64)>) -> Result<(), BuildError> {
    for entry in fs::read_dir(dir).map_err(BuildError::io(dir))? {
        let entry = entry.map_err(BuildError::io(dir))?;
        let path = entry.path();
        let meta = entry.metadata().map_err(BuildError::io(&path))?;
        if meta.is_dir() {
            collect(&path, out)?;
        } else if is_compressible(&path, meta.len()) {
            out.push((path, meta.len()));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    #[test]
    fn copies_decompress_to_the_file_and_small_or_binary_files_are_left_alone() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        fs::create_dir_all(root.join("faq")).unwrap();
        let page = "<p>Do you encrypt data at rest? Yes, with AES-256.</p>\n".repeat(200);
        fs::write(root.join("faq/index.html"), &page).unwrap();
        fs::write(root.join("tiny.css"), "a{}").unwrap();
        fs::write(root.join("photo.png"), vec![7u8; 4096]).unwrap();

        let done = precompress(root, false, None, Effort::Balanced).unwrap();
        assert_eq!(done.files, 1);
        assert_eq!(done.bytes, page.len() as u64);

        let mut text = String::new();
        brotli::Decompressor::new(&fs::read(root.join("faq/index.html.br")).unwrap()[..], 4096)
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, page);
        text.clear();
        flate2::read::GzDecoder::new(&fs::read(root.join("faq/index.html.gz")).unwrap()[..])
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, page);
        assert!(!root.join("tiny.css.br").exists());
        assert!(!root.join("photo.png.br").exists());
    }

    #[test]
    fn every_level_of_either_compressor_gives_back_the_file() {
        let page = "<tr><td>Mailer</td><td>EU</td><td>Email delivery</td></tr>\n".repeat(300);
        for quality in [11, PAGE_QUALITY, FAST_QUALITY] {
            let mut text = String::new();
            brotli::Decompressor::new(&brotli(page.as_bytes(), quality).unwrap()[..], 4096)
                .read_to_string(&mut text)
                .unwrap();
            assert_eq!(text, page, "brotli quality {quality}");
        }
        for level in [PAGE_GZIP_LEVEL, FAST_GZIP_LEVEL] {
            let mut text = String::new();
            flate2::read::GzDecoder::new(&gzip(page.as_bytes(), level).unwrap()[..])
                .read_to_string(&mut text)
                .unwrap();
            assert_eq!(text, page, "gzip level {level}");
        }
    }

    #[test]
    fn a_rebuild_takes_the_copies_of_unchanged_files_and_compresses_changed_ones() {
        let tmp = tempfile::tempdir().unwrap();
        let (old, new) = (tmp.path().join("old"), tmp.path().join("new"));
        for dir in [&old, &new] {
            fs::create_dir_all(dir).unwrap();
        }
        let same = "<p>Unchanged page.</p>\n".repeat(100);
        fs::write(old.join("same.html"), &same).unwrap();
        fs::write(old.join("edited.html"), "<p>Before.</p>\n".repeat(100)).unwrap();
        precompress(&old, false, None, Effort::Balanced).unwrap();
        // Marked, so that reuse shows: a copy made again would not carry the mark.
        fs::write(old.join("same.html.br"), "reused").unwrap();
        fs::write(old.join("edited.html.br"), "reused").unwrap();

        fs::write(new.join("same.html"), &same).unwrap();
        fs::write(new.join("edited.html"), "<p>After.</p>\n".repeat(100)).unwrap();
        let done = precompress(&new, false, Some(&old), Effort::Balanced).unwrap();
        assert_eq!(done.files, 2);
        assert_eq!(fs::read(new.join("same.html.br")).unwrap(), b"reused");
        let mut text = String::new();
        brotli::Decompressor::new(&fs::read(new.join("edited.html.br")).unwrap()[..], 4096)
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, "<p>After.</p>\n".repeat(100));
    }
}
