//! Finding the practice file when neither `-f` nor `$PRAXIS_FILE` names it
//! (SPEC §8 "Discovery"). Looking upwards is convenient in a checkout and
//! dangerous above it: in a shared or world-writable directory another user
//! can plant a `practice.toml` that says "allow". So the walk stops at the
//! first directory holding `.git` (the checkout's root) or at the home
//! directory, and a file it finds that another user owns is refused.
//!
//! The look here by path is only the early word for commands that never
//! open the file (`history` reads git); the guarantee is the read's own
//! check on the handle it reads ([`super::read_practice`] with
//! [`Origin::Discovered`]), which a file swapped in after this look cannot
//! pass.

use super::read::Origin;
use super::{FILE_NAME, StoreError, owner};
use std::path::{Path, PathBuf};

/// A practice file's path and how praxis came to it: a discovered file is
/// read only if it is the current user's or root's.
#[derive(Clone, Debug)]
pub struct Located {
    pub path: PathBuf,
    pub origin: Origin,
}

/// Where the practice file is: `explicit` (`-f`, then `$PRAXIS_FILE`), else
/// the nearest `practice.toml` from here up to the repository root or home.
pub fn locate(explicit: Option<&Path>) -> Result<Located, StoreError> {
    if let Some(path) = explicit {
        return Ok(Located {
            path: path.to_path_buf(),
            origin: Origin::Named,
        });
    }
    let start = std::env::current_dir().map_err(|source| StoreError::Read {
        path: PathBuf::from("."),
        source,
    })?;
    let home = std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(PathBuf::from);
    let mut looked = Vec::new();
    for (depth, dir) in start.ancestors().enumerate() {
        let candidate = dir.join(FILE_NAME);
        if candidate.symlink_metadata().is_ok() {
            // Relative to here, so findings and annotations read
            // `practice.toml:12:5` (or `../practice.toml`), not a long
            // absolute path.
            let mut relative = PathBuf::new();
            for _ in 0..depth {
                relative.push("..");
            }
            let relative = relative.join(FILE_NAME);
            refuse_foreign(&candidate, &relative)?;
            return Ok(Located {
                path: relative,
                origin: Origin::Discovered,
            });
        }
        looked.push(dir.to_path_buf());
        let at_root = dir.join(".git").symlink_metadata().is_ok();
        if at_root || home.as_deref() == Some(dir) {
            break;
        }
    }
    Err(StoreError::NotFound { looked })
}

/// A discovered file (or the link to it) owned by someone other than the
/// current user is refused; root's files are trusted, since root could
/// change praxis itself.
#[cfg(unix)]
fn refuse_foreign(candidate: &Path, shown: &Path) -> Result<(), StoreError> {
    use std::os::unix::fs::MetadataExt;
    let owners = [candidate.symlink_metadata(), candidate.metadata()];
    for owner in owners.into_iter().flatten().map(|m| m.uid()) {
        if !owner::trusted(owner) {
            return Err(StoreError::ForeignOwner {
                path: shown.to_path_buf(),
                owner,
            });
        }
    }
    Ok(())
}

#[cfg(not(unix))]
fn refuse_foreign(_candidate: &Path, _shown: &Path) -> Result<(), StoreError> {
    Ok(())
}
