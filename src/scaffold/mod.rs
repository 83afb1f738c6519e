//! `trustctl new`: a starter content directory that passes `check`, to edit from.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The starter files, as (path relative to the new directory, contents).
const FILES: &[(&str, &str)] = &[
    (
        "organization.toml",
        include_str!("starter/organization.toml"),
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

/// Writes the starter content into `dir`, which must not exist or be empty.
pub fn new(dir: &Path) -> Result<(), ScaffoldError> {
    if fs::read_dir(dir).is_ok_and(|mut e| e.next().is_some()) {
        return Err(ScaffoldError::NotEmpty(dir.to_owned()));
    }
    for (rel, contents) in FILES {
        let path = dir.join(rel);
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
