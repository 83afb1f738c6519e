//! `trustctl`: check a content directory, build it into a static site, scaffold a new one, or
//! preview a built site locally.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use trust_center::load;
use trust_center::publish::{self, BuildError, BuildOptions};
use trust_center::scaffold;
use trust_center::serve::StaticHost;

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
    /// Validate a content directory and report every problem in it.
    Check {
        /// The content directory.
        #[arg(default_value = "content")]
        dir: PathBuf,
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
    },
    /// Write a starter content directory that passes `check`.
    New {
        /// Where to create it; must not exist or be empty.
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

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Check { dir } => match load::load(&dir) {
            Ok((model, warnings)) => {
                if !warnings.0.is_empty() {
                    eprintln!("{warnings}");
                }
                println!(
                    "{}: content of {} is valid ({} pages, {} assets)",
                    dir.display(),
                    model.organization.name,
                    model.pages.len(),
                    model.assets.len()
                );
                ExitCode::SUCCESS
            }
            Err(diagnostics) => {
                eprintln!("{diagnostics}");
                ExitCode::FAILURE
            }
        },
        Command::Build { content, app, out } => {
            match publish::build(&BuildOptions {
                content,
                app,
                out: out.clone(),
            }) {
                Ok(report) => {
                    if !report.warnings.0.is_empty() {
                        eprintln!("{}", report.warnings);
                    }
                    println!("{}: wrote {} pages", out.display(), report.pages.len());
                    ExitCode::SUCCESS
                }
                Err(BuildError::Content(diagnostics)) => {
                    eprintln!("{diagnostics}");
                    eprintln!("{}: left unchanged", out.display());
                    ExitCode::FAILURE
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    eprintln!("{}: left unchanged", out.display());
                    ExitCode::FAILURE
                }
            }
        }
        Command::New { dir } => match scaffold::new(&dir) {
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
        Command::Serve { dir, addr, quiet } => match StaticHost::bind(&dir, &addr, !quiet) {
            Ok(host) => {
                let host_part = addr.rsplit_once(':').map_or(addr.as_str(), |(h, _)| h);
                // With port 0 the system picks one; tests read it from this line.
                println!(
                    "serving {} at http://{host_part}:{}/ (Ctrl-C to stop)",
                    dir.display(),
                    host.port()
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
