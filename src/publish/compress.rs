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

/// Brotli's best quality (11) took about 1 s per MB here; on the example's FAQ page, search index
/// and trust.json it was 13–15% smaller than quality 6, which was 40–70 times faster (measured
/// with Node's brotli, 2026-11-23). Pages and data files up to this size get the best (they are what
/// visitors wait for); larger ones (a 100× answer library) keep builds fast.
const BEST_UP_TO: usize = 512 * 1024;

/// Below this size a compressed copy saves less than the response headers weigh.
const MIN_BYTES: u64 = 512;

/// How hard brotli tries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effort {
    /// The best quality for every file: for the app, compressed once per app build.
    Best,
    /// The best for files up to 512 KB, a fast quality above (builds of very large content).
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
pub fn precompress(root: &Path, reuse: bool, effort: Effort) -> Result<Compressed, BuildError> {
    let mut files = Vec::new();
    collect(root, &mut files)?;
    // Largest first, so the long ones (the Wasm) start at once and the threads finish together.
    files.sort_by_key(|(_, size)| std::cmp::Reverse(*size));
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut total = Compressed::default();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some((path, _)) = files.get(i) else {
                            return Ok(total);
                        };
                        if reuse && has_copies(path) {
                            continue;
                        }
                        total += compress_file(path, effort)?;
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

fn compress_file(path: &Path, effort: Effort) -> Result<Compressed, BuildError> {
    let data = fs::read(path).map_err(BuildError::io(path))?;
    let mut out = Compressed::default();

    let mut br = Vec::new();
    {
        let params = brotli::enc::BrotliEncoderParams {
            quality: match effort {
                Effort::Best => 11,
                Effort::Balanced if data.len() <= BEST_UP_TO => 11,
                Effort::Balanced => 6,
            },
            lgwin: 22,
            size_hint: data.len(),
            ..Default::default()
        };
        brotli::BrotliCompress(&mut &data[..], &mut br, &params).map_err(BuildError::io(path))?;
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&data).map_err(BuildError::io(path))?;
    let gz = gz.finish().map_err(BuildError::io(path))?;

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
        } else if meta.len() >= MIN_BYTES
            && path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| COMPRESSIBLE.contains(&e))
        {
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

        let done = precompress(root, false, Effort::Balanced).unwrap();
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
}
