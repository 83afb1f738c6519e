//! Writing a site atomically: everything goes to a staging directory next to the target, which
//! replaces the target in one rename once complete.

use std::fs;
use std::path::{Path, PathBuf};

use super::BuildError;

/// The file whose presence marks a directory as one of our builds, safe to replace.
const MARK: &str = "trust.json";

/// A directory being filled, to become `target` on [`Staging::commit`]. Dropped without commit,
/// it removes itself and `target` stays as it was.
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    committed: bool,
}

/// Removes the staging directories that builds of `name` killed midway left in `parent`. A
/// directory is abandoned when the process its name carries is gone; where the system cannot
/// say (no `/proc`), they are left alone. Best effort: what cannot be removed stays.
fn remove_abandoned(parent: &Path, name: &str) {
    let proc = Path::new("/proc");
    if !proc.is_dir() {
        return;
    }
    let prefix = format!(".{name}.staging-");
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(pid) = file_name
            .to_str()
            .and_then(|n| n.strip_prefix(&prefix))
            .filter(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
        else {
            continue;
        };
        if !proc.join(pid).exists() {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

impl Staging {
    /// Prepares a staging directory for `target`.
    pub fn new(target: &Path) -> Result<Staging, BuildError> {
        if target.exists() && !is_replaceable(target) {
            return Err(BuildError::ForeignOutput(target.to_owned()));
        }
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent).map_err(BuildError::io(&parent))?;
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "site".into());
        let dir = parent.join(format!(".{name}.staging-{}", std::process::id()));
        if dir.exists() {
            fs::remove_dir_all(&dir).map_err(BuildError::io(&dir))?;
        }
        remove_abandoned(&parent, &name);
        fs::create_dir_all(&dir).map_err(BuildError::io(&dir))?;
        Ok(Staging {
            dir,
            target: target.to_owned(),
            committed: false,
        })
    }

    /// The directory being filled.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes `contents` at `site_path`, as the site's URLs name it (`/faq/answers.csv`; a
    /// leading slash is optional).
    pub fn write(&self, site_path: &str, contents: impl AsRef<[u8]>) -> Result<(), BuildError> {
        let path = self.dir.join(site_path.trim_start_matches('/'));
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(BuildError::io(parent))?;
        }
        fs::write(&path, contents).map_err(BuildError::io(&path))?;
        // Compressed copies that came with the app are of the file this one replaces.
        for suffix in ["br", "gz"] {
            let mut copy = path.clone().into_os_string();
            copy.push(".");
            copy.push(suffix);
            match fs::remove_file(&copy) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(BuildError::io(PathBuf::from(copy))(e)),
            }
        }
        Ok(())
    }

    /// Copies the file `from` to the site-relative path `rel`.
    pub fn copy_file(&self, from: &Path, rel: &Path) -> Result<(), BuildError> {
        let to = self.dir.join(rel);
        if let Some(parent) = to.parent() {
            fs::create_dir_all(parent).map_err(BuildError::io(parent))?;
        }
        fs::copy(from, &to).map_err(BuildError::io(from))?;
        Ok(())
    }

    /// Copies every file under `from` whose path relative to `from` passes `keep`, to `rel`.
    pub fn copy_tree(
        &self,
        from: &Path,
        rel: &Path,
        keep: impl Fn(&Path) -> bool,
    ) -> Result<(), BuildError> {
        let mut stack = vec![PathBuf::new()];
        while let Some(sub) = stack.pop() {
            let dir = from.join(&sub);
            for entry in fs::read_dir(&dir).map_err(BuildError::io(&dir))? {
                let entry = entry.map_err(BuildError::io(&dir))?;
                let path = sub.join(entry.file_name());
                if entry
                    .file_type()
                    .map_err(BuildError::io(entry.path()))?
                    .is_dir()
                {
                    stack.push(path);
                } else if keep(&path) {
                    self.copy_file(&entry.path(), &rel.join(&path))?;
                }
            }
        }
        Ok(())
    }

    /// Replaces the target with the staged site.
    pub fn commit(mut self) -> Result<(), BuildError> {
        let old = self.dir.with_file_name(format!(
            "{}.old",
            self.dir.file_name().unwrap_or_default().to_string_lossy()
        ));
        if self.target.exists() {
            fs::rename(&self.target, &old).map_err(BuildError::io(&self.target))?;
        }
        if let Err(e) = fs::rename(&self.dir, &self.target) {
            // Put the previous site back before reporting.
            if old.exists() {
                let _ = fs::rename(&old, &self.target);
            }
            return Err(BuildError::Io {
                path: self.target.clone(),
                source: e,
            });
        }
        self.committed = true;
        if old.exists() {
            fs::remove_dir_all(&old).map_err(BuildError::io(&old))?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// An empty directory or one of our builds may be replaced; anything else is someone's data.
fn is_replaceable(target: &Path) -> bool {
    target.join(MARK).is_file()
        || fs::read_dir(target).is_ok_and(|mut entries| entries.next().is_none())
}
