//! Serializes writers of one practice file with an OS lock on a separate
//! `.lock` file beside it: a lock on the practice file itself would be lost
//! when the atomic rename replaces that file.

use super::StoreError;
use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

/// An exclusive lock, held until dropped; dropping removes the lock file.
pub struct Lock {
    file: File,
    path: PathBuf,
}

impl Lock {
    /// Blocks until this process holds the lock for `target`.
    pub fn acquire(target: &Path) -> Result<Lock, StoreError> {
        let path = lock_path(target);
        let error = |source| StoreError::Lock {
            path: path.clone(),
            source,
        };
        loop {
            let file = OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&path)
                .map_err(error)?;
            file.lock().map_err(error)?;
            // The previous holder removes the lock file before unlocking; if
            // we locked a file that is no longer at `path`, try again on the
            // new one, or two writers would each hold "the" lock.
            if same_file(&file, &path) {
                return Ok(Lock { file, path });
            }
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Remove while still holding the lock, so nobody locks a file that
        // is about to disappear without noticing (see `acquire`).
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

fn lock_path(target: &Path) -> PathBuf {
    let mut name = target
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".lock");
    target.with_file_name(name)
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(held), Ok(current)) => held.dev() == current.dev() && held.ino() == current.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}
