//! Serializes writers of one practice file with an OS lock on a separate
//! `.lock` file beside it: a lock on the practice file itself would be lost
//! when the atomic rename replaces that file. The lock file is created
//! 0600 and never followed through a symlink (SPEC §8), and a writer does
//! not wait forever for a holder that never lets go. A FIFO, device or
//! directory in its place is an error at once (SPEC §9.1): the open does
//! not block and the type is judged on the opened handle.

use super::StoreError;
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a change waits for the lock, and what to say while it waits.
pub struct Wait<'a> {
    /// Give up (exit 2, file untouched) after this long.
    pub timeout: Duration,
    /// Called once, after [`Wait::NOTICE_AFTER`], with the lock file's path.
    pub notice: &'a dyn Fn(&Path),
}

impl Wait<'_> {
    /// A wait longer than this is worth telling the person about.
    pub const NOTICE_AFTER: Duration = Duration::from_secs(1);
    /// The default timeout (SPEC §8), changed by `PRAXIS_LOCK_TIMEOUT`.
    pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
}

/// An exclusive lock, held until dropped; dropping removes the lock file.
pub struct Lock {
    file: File,
    path: PathBuf,
}

impl Lock {
    /// Takes the lock for `target`, waiting as `wait` says.
    pub fn acquire(target: &Path, wait: &Wait<'_>) -> Result<Lock, StoreError> {
        let path = lock_path(target);
        let error = |source| StoreError::Lock {
            path: path.clone(),
            source,
        };
        let started = Instant::now();
        let mut noticed = false;
        loop {
            let file = open_lock_file(&path).map_err(error)?;
            match file.try_lock() {
                Ok(()) => {
                    // The previous holder removes the lock file before
                    // unlocking; if we locked a file that is no longer at
                    // `path`, try again on the new one, or two writers would
                    // each hold "the" lock.
                    if same_file(&file, &path) {
                        return Ok(Lock { file, path });
                    }
                    continue;
                }
                Err(TryLockError::WouldBlock) => {}
                Err(TryLockError::Error(source)) => return Err(error(source)),
            }
            let waited = started.elapsed();
            if waited >= wait.timeout {
                return Err(StoreError::LockTimeout {
                    path: target.to_path_buf(),
                    lock: path.clone(),
                    seconds: wait.timeout.as_secs(),
                });
            }
            if !noticed && waited >= Wait::NOTICE_AFTER {
                (wait.notice)(&path);
                noticed = true;
            }
            std::thread::sleep(Duration::from_millis(50));
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

/// Opens (creating 0600) the lock file. A symlink in its place is an
/// error (ELOOP), never followed to wherever another user pointed it; a
/// FIFO, socket, device or directory is an error too, found without
/// waiting: the open does not block (O_NONBLOCK; read and write, so a FIFO
/// opens at once instead of waiting for a reader) and the type is checked
/// on the opened handle.
fn open_lock_file(path: &Path) -> std::io::Result<File> {
    // Looked at first so that a device there is not even opened; the
    // check that holds is the one on the handle below.
    if let Ok(seen) = std::fs::symlink_metadata(path)
        && !seen.is_file()
    {
        return Err(in_the_way(seen.file_type()));
    }
    let mut options = OpenOptions::new();
    options.create(true).truncate(false).read(true).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path).map_err(|error| {
        // Swapped in after the look: say what is there now.
        match std::fs::symlink_metadata(path) {
            Ok(seen) if !seen.is_file() => in_the_way(seen.file_type()),
            _ => error,
        }
    })?;
    let kind = file.metadata()?.file_type();
    if !kind.is_file() {
        return Err(in_the_way(kind));
    }
    Ok(file)
}

/// What to say when something other than a regular file is where the lock
/// file belongs: what it is and that removing it is safe.
fn in_the_way(kind: std::fs::FileType) -> std::io::Error {
    let what = if kind.is_symlink() {
        "the lock file is a symbolic link; praxis does not follow it".to_string()
    } else {
        format!(
            "{} where the lock file belongs, not a regular file",
            super::read::what_it_is(kind)
        )
    };
    std::io::Error::other(format!(
        "{what}; remove it and run the command again (praxis creates its own lock file)"
    ))
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
    match (file.metadata(), std::fs::symlink_metadata(path)) {
        (Ok(held), Ok(current)) => held.dev() == current.dev() && held.ino() == current.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}
