//! `trustctl`: check a content directory, build it into a static site, scaffold a new one, write
//! the JSON Schemas for editors, or preview a built site locally.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use trust_center::load;
use trust_center::model::Date;
use trust_center::publish::{self, BuildError, BuildOptions};
use trust_center::scaffold;
use trust_center::schema;
use trust_center::serve::StaticHost;

/// Builds compress thousands of files, each with brotli tables of megabytes: an allocator that
/// keeps freed memory for the next file instead of returning it to the kernel (see Cargo.toml).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "trustctl",
    version,
    about = "Build a static trust center from plain content files"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate a content directory, follow every link of the site it makes, and report every
    /// problem.
    Check {
        /// The content directory.
        #[arg(default_value = "content")]
        dir: PathBuf,
        #[command(flatten)]
        today: Today,
    },
    /// Pre-render every page into OUT, replacing it only if everything succeeds.
    Build {
        /// The content directory.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// The Wasm app built by Trunk (its index.html is the page template).
        #[arg(long, default_value = "target/trunk")]
        app: PathBuf,
        /// The site directory to write.
        #[arg(long, default_value = "dist")]
        out: PathBuf,
        #[command(flatten)]
        today: Today,
    },
    /// Write a starter content directory that passes `check`.
    New {
        /// Where to create it; must not exist or be empty.
        dir: PathBuf,
        #[command(flatten)]
        today: Today,
    },
    /// Write the JSON Schemas of the content files, for editors.
    Schema {
        /// The directory to write them to.
        #[arg(default_value = "content/.schemas")]
        dir: PathBuf,
    },
    /// Write the content reference (every file and key) as Markdown.
    Reference {
        /// The file to write; `-` prints it instead.
        #[arg(default_value = "docs/content-reference.md")]
        out: PathBuf,
    },
    /// Print, as JSON, the entries site search indexes (for comparing search engines).
    Corpus {
        /// The content directory.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        #[command(flatten)]
        today: Today,
    },
    /// Write precompressed `.br` and `.gz` copies of the files under DIR (the app after Trunk;
    /// `build` does it for the site and reuses the app's copies).
    Compress {
        /// The directory.
        #[arg(default_value = "target/trunk")]
        dir: PathBuf,
    },
    /// Serve a built site the way a static host does.
    Serve {
        /// The site directory.
        #[arg(default_value = "dist")]
        dir: PathBuf,
        /// The address to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: String,
        /// Do not log requests.
        #[arg(long)]
        quiet: bool,
    },
}

/// The day content is judged against.
#[derive(Args)]
struct Today {
    /// Check dates (expiry, notice windows) as of this day instead of today, e.g. 2026-11-22.
    #[arg(long = "today", env = "TRUST_TODAY", value_parser = parse_date)]
    date: Option<jiff::civil::Date>,
}

impl Today {
    fn get(&self) -> Date {
        Date(self.date.unwrap_or_else(|| jiff::Zoned::now().date()))
    }
}

fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    s.parse()
        .map_err(|e| format!("expected a date like 2026-11-22: {e}"))
}

/// `text` for a line of terminal output: line breaks, other control characters (an escape
/// sequence would restyle the terminal) and the invisible characters that reorder or break what
/// follows (bidi overrides, line and paragraph separators) are shown escaped, as `\n` or
/// `\u{202e}`.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| {
            let invisible = matches!(c, '\u{200e}' | '\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
            if c.is_control() || invisible {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Check { dir, today } => match load::load(&dir, today.get()) {
            Ok((model, warnings)) => {
                if !warnings.0.is_empty() {
                    eprintln!("{warnings}");
                }
                match publish::check_links(&dir, &model) {
                    Ok(links) => {
                        println!(
                            "{}: content of {} is valid ({} certifications, {} controls, {} subprocessors, {} changes, {} documents, {} answers, {} updates); all {links} links resolve",
                            dir.display(),
                            one_line(&model.organization.name),
                            model.certifications.len(),
                            model.security.layer.iter().map(|l| l.control.len()).sum::<usize>(),
                            model.subprocessors.len(),
                            model.changes.len(),
                            model.documents.len(),
                            model.answers.len(),
                            model.updates.len(),
                        );
                        ExitCode::SUCCESS
                    }
                    Err(e) => {
                        eprintln!("error: {e}");
                        ExitCode::FAILURE
                    }
                }
            }
            Err(diagnostics) => {
                eprintln!("{diagnostics}");
                ExitCode::FAILURE
            }
        },
        Command::Build {
            content,
            app,
            out,
            today,
        } => {
            let opts = BuildOptions {
                content,
                app,
                out: out.clone(),
                today: today.get(),
            };
            match publish::build(&opts) {
                Ok(report) => {
                    if !report.warnings.0.is_empty() {
                        eprintln!("{}", report.warnings);
                    }
                    println!(
                        "{}: wrote {} pages; all {} links resolve",
                        out.display(),
                        report.pages.len(),
                        report.links_checked
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    match e {
                        BuildError::Content(diagnostics) => eprintln!("{diagnostics}"),
                        other => eprintln!("error: {other}"),
                    }
                    eprintln!("{}: left unchanged", out.display());
                    ExitCode::FAILURE
                }
            }
        }
        Command::New { dir, today } => match scaffold::new(&dir, today.get()) {
            Ok(()) => {
                println!(
                    "{}: starter content written; edit it, then run `trustctl check {}`",
                    dir.display(),
                    dir.display()
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
        Command::Schema { dir } => {
            if let Err(e) = std::fs::create_dir_all(&dir) {
                eprintln!("error: {}: {e}", dir.display());
                return ExitCode::FAILURE;
            }
            for (name, json) in schema::rendered() {
                let path = dir.join(name);
                if let Err(e) = std::fs::write(&path, json) {
                    eprintln!("error: {}: {e}", path.display());
                    return ExitCode::FAILURE;
                }
            }
            println!(
                "{}: wrote {} schemas",
                dir.display(),
                schema::schemas().len()
            );
            ExitCode::SUCCESS
        }
        Command::Reference { out } if out.as_os_str() == "-" => {
            use std::io::Write;
            match std::io::stdout()
                .lock()
                .write_all(schema::reference().as_bytes())
            {
                // `trustctl reference - | head` closes the pipe early: nothing went wrong.
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("error: standard output: {e}");
                    ExitCode::FAILURE
                }
                _ => ExitCode::SUCCESS,
            }
        }
        Command::Reference { out } => {
            if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
                if let Err(e) = std::fs::create_dir_all(parent) {
                    eprintln!("error: {}: {e}", parent.display());
                    return ExitCode::FAILURE;
                }
            }
            match std::fs::write(&out, schema::reference()) {
                Ok(()) => {
                    println!("{}: written", out.display());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {}: {e}", out.display());
                    ExitCode::FAILURE
                }
            }
        }
        Command::Corpus { content, today } => match load::load(&content, today.get()) {
            Ok((model, _)) => {
                let site = publish::site_data(&model);
                let pages = publish::pages(&model, &site);
                let docs = publish::search_docs(&model, &pages);
                println!(
                    "{}",
                    serde_json::to_string(&docs).expect("entries serialise")
                );
                ExitCode::SUCCESS
            }
            Err(diagnostics) => {
                eprintln!("{diagnostics}");
                ExitCode::FAILURE
            }
        },
        Command::Compress { dir } => {
            match publish::precompress(&dir, false, None, publish::Effort::Best) {
                Ok(done) => {
                    println!(
                        "{}: compressed {} files, {} bytes to {} (brotli) and {} (gzip)",
                        dir.display(),
                        done.files,
                        done.bytes,
                        done.brotli_bytes,
                        done.gzip_bytes
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Serve { dir, addr, quiet } => match StaticHost::bind(&dir, &addr, !quiet) {
            Ok(host) => {
                let host_part = addr.rsplit_once(':').map_or(addr.as_str(), |(h, _)| h);
                // With port 0 the system picks one; tests read it from this line.
                println!(
                    "serving {} at http://{host_part}:{}{}/ (Ctrl-C to stop)",
                    dir.display(),
                    host.port(),
                    host.base()
                );
                host.run();
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::one_line;

    #[test]
    fn one_line_escapes_what_would_break_or_restyle_the_line() {
        assert_eq!(one_line("Acme\nContact: x"), "Acme\\nContact: x");
        assert_eq!(one_line("\u{1b}[31mred"), "\\u{1b}[31mred");
        assert_eq!(one_line("abc\u{202e}fed"), "abc\\u{202e}fed");
        assert_eq!(
            one_line("Société Générale – ünïcode"),
            "Société Générale – ünïcode"
        );
    }
}
