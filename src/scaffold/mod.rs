//! `trustctl new`: a starter content directory that passes `check`, to edit from, with the
//! editor configuration that validates it while typing.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::model::Date;
use crate::schema;

/// The starter files, as (path relative to the new directory, contents). `TODAY` stands for the
/// day the directory is created, so that fresh content is never reported as stale.
const FILES: &[(&str, &str)] = &[
    (
        "organization.toml",
        include_str!("starter/organization.toml"),
    ),
    ("security.toml", include_str!("starter/security.toml")),
    ("data.toml", include_str!("starter/data.toml")),
    (
        "subprocessors/example-hosting.toml",
        include_str!("starter/subprocessors/example-hosting.toml"),
    ),
    ("documents/dpa.md", include_str!("starter/documents/dpa.md")),
    ("disclosure.md", include_str!("starter/disclosure.md")),
    (
        "answers/general.toml",
        include_str!("starter/answers/general.toml"),
    ),
    (
        "pages/overview.md",
        include_str!("starter/pages/overview.md"),
    ),
    ("assets/logo.svg", include_str!("starter/assets/logo.svg")),
];

/// Why the starter could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    /// The directory has files in it already.
    #[error("{0}: already exists and is not empty; choose a new directory")]
    NotEmpty(PathBuf),
    /// Writing failed.
    #[error("{path}: {source}")]
    Io {
        /// Where.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
}

/// Writes the starter content into `dir`, which must not exist or be empty, dated `today`.
pub fn new(dir: &Path, today: Date) -> Result<(), ScaffoldError> {
    if fs::read_dir(dir).is_ok_and(|mut e| e.next().is_some()) {
        return Err(ScaffoldError::NotEmpty(dir.to_owned()));
    }
    let today = today.to_string();
    let mut files: Vec<(String, String)> = FILES
        .iter()
        .map(|(rel, text)| ((*rel).to_owned(), text.replace("TODAY", &today)))
        .collect();
    for (name, json) in schema::rendered() {
        files.push((format!(".schemas/{name}"), json));
    }
    files.push((
        ".taplo.toml".to_owned(),
        schema::taplo_config(".", ".schemas"),
    ));
    for (rel, contents) in files {
        let path = dir.join(&rel);
        let io_err = |source| ScaffoldError::Io {
            path: path.clone(),
            source,
        };
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(io_err)?;
        }
        fs::write(&path, contents).map_err(io_err)?;
    }
    Ok(())
}
