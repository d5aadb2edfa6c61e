//! Atomic, permission-keeping writes: a temporary file in the same
//! directory, created 0600 before any byte is written (SPEC §8: no other
//! user may open it at any moment), flushed and synced, given the
//! original's mode (and, as root, its owner and group), renamed over the
//! target, the directory synced. An interrupted write leaves the old file
//! whole; its temporary file is cleaned up by the next write.

use super::{Contents, StoreError};
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

const TEMP_MARK: &str = ".praxis-tmp-";

/// Replaces `target` (already resolved through symlinks) with `contents`.
/// Call with the file's [`super::Lock`] held. With `read`, what praxis
/// read: if the file there is no longer the one read, or no longer holds
/// its bytes (another program wrote it meanwhile), nothing is written and
/// the other version stays. The new file takes its mode (and, as root, its
/// owner and group) from the handle of that last look, the same file that
/// was read, never from whatever a path names a moment later. Without
/// `read` (a new file), it stays 0600 and the writer's.
pub fn write_atomic(
    target: &Path,
    contents: &[u8],
    read: Option<&Contents>,
) -> Result<(), StoreError> {
    let error = |source| StoreError::Write {
        path: target.to_path_buf(),
        source,
    };
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    remove_stale_temporaries(&dir, target);
    let temp = temp_path(target);
    let result = (|| {
        let mut file = create_private(&temp)?;
        file.write_all(contents)?;
        file.flush()?;
        file.sync_all()?;
        if let Some(read) = read {
            let Some(original) = still_as_read(target, read) else {
                return Ok(false);
            };
            file.set_permissions(original.permissions())?;
            keep_owner(&file, &original)?;
            file.sync_all()?;
        }
        fs::rename(&temp, target)?;
        if let Ok(dir) = File::open(&dir) {
            // Persist the rename; some platforms cannot sync a directory.
            let _ = dir.sync_all();
        }
        Ok(true)
    })();
    match result {
        Ok(true) => Ok(()),
        Ok(false) => {
            let _ = fs::remove_file(&temp);
            Err(StoreError::ChangedMeanwhile {
                path: target.to_path_buf(),
            })
        }
        Err(source) => {
            let _ = fs::remove_file(&temp);
            Err(error(source))
        }
    }
}

/// A new file that only its owner can open, from the moment it exists.
pub(super) fn create_private(path: &Path) -> std::io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    options.open(path)
}

/// As root, the rewritten file keeps its owner and group: a change made
/// with sudo must not lock the practice's own administrator out. Anyone
/// else keeps the group when they belong to it; when they cannot, the new
/// file (created with their own group) loses its group permissions rather
/// than hand the practice to a group that never had it.
#[cfg(unix)]
fn keep_owner(file: &File, original: &fs::Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    if super::owner::is_root() {
        return std::os::unix::fs::fchown(file, Some(original.uid()), Some(original.gid()));
    }
    if file.metadata()?.gid() == original.gid() {
        return Ok(());
    }
    if std::os::unix::fs::fchown(file, None, Some(original.gid())).is_err() {
        let mode = original.mode() & 0o7707;
        file.set_permissions(fs::Permissions::from_mode(mode))?;
    }
    Ok(())
}

#[cfg(not(unix))]
fn keep_owner(_file: &File, _original: &fs::Metadata) -> std::io::Result<()> {
    Ok(())
}

/// The metadata of the file at `target` if it is still the file praxis
/// read (same device and inode, when known) holding the same bytes, all
/// judged on one handle; `None` when it changed or cannot be read any
/// more (refusing is the safe side). The target is resolved already, so a
/// link now in its place is a change, not something to follow.
fn still_as_read(target: &Path, read: &Contents) -> Option<fs::Metadata> {
    let (file, metadata) = super::open_regular(target, super::Links::Refuse).ok()?;
    if read
        .identity
        .is_some_and(|identity| identity != super::Identity::of(&metadata))
    {
        return None;
    }
    let expected = read.original_bytes();
    let now = super::read_bounded(file, expected.len() as u64).ok()?;
    (now == expected).then_some(metadata)
}

fn temp_prefix(target: &Path) -> String {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(".{name}{TEMP_MARK}")
}

pub(super) fn temp_path(target: &Path) -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    target.with_file_name(format!(
        "{}{}-{nanos}",
        temp_prefix(target),
        std::process::id()
    ))
}

/// Temporary files of writers that died mid-write. Only the lock holder
/// writes, so any temporary file seen while holding the lock is stale.
pub fn remove_stale_temporaries(dir: &Path, target: &Path) {
    let prefix = temp_prefix(target);
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_another_program_changed_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let target = dir.path().join("practice.toml");
        fs::write(&target, "version = 1\n").unwrap_or_else(|e| panic!("{e}"));
        let read = as_read(&target);
        // Another program writes between praxis's read and its rename.
        fs::write(&target, "version = 1 # theirs\n").unwrap_or_else(|e| panic!("{e}"));
        let result = write_atomic(&target, b"version = 1 # ours\n", Some(&read));
        assert!(matches!(result, Err(StoreError::ChangedMeanwhile { .. })));
        assert_eq!(
            fs::read_to_string(&target).unwrap_or_default(),
            "version = 1 # theirs\n"
        );
        let names: Vec<_> = fs::read_dir(dir.path())
            .map(|d| d.flatten().map(|e| e.file_name()).collect())
            .unwrap_or_default();
        assert_eq!(names.len(), 1, "no temporary file left: {names:?}");
        // Unchanged since the read, the write goes through.
        let read = as_read(&target);
        assert!(write_atomic(&target, b"version = 1 # ours\n", Some(&read)).is_ok());
    }

    fn as_read(path: &Path) -> Contents {
        let read = super::super::read_practice(path, super::super::Origin::Named)
            .unwrap_or_else(|e| panic!("{e}"));
        let contents = Contents::decode(read.bytes).unwrap_or_else(|e| panic!("{}", e.offset));
        contents.read_from(read.identity)
    }

    /// Another file with the same bytes renamed into place is not the file
    /// praxis read: its owner and mode are not to be copied, so the change
    /// is refused.
    #[test]
    fn the_same_bytes_in_another_file_are_a_change() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let target = dir.path().join("practice.toml");
        fs::write(&target, "version = 1\n").unwrap_or_else(|e| panic!("{e}"));
        let read = as_read(&target);
        let other = dir.path().join("other");
        fs::write(&other, "version = 1\n").unwrap_or_else(|e| panic!("{e}"));
        fs::rename(&other, &target).unwrap_or_else(|e| panic!("{e}"));
        let result = write_atomic(&target, b"version = 1 # ours\n", Some(&read));
        assert!(matches!(result, Err(StoreError::ChangedMeanwhile { .. })));
        assert_eq!(
            fs::read_to_string(&target).unwrap_or_default(),
            "version = 1\n"
        );
    }

    #[cfg(unix)]
    #[test]
    fn the_temporary_file_is_created_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("t");
        let file = create_private(&path).unwrap_or_else(|e| panic!("{e}"));
        let mode = file.metadata().map(|m| m.permissions().mode()).unwrap_or(0);
        assert_eq!(mode & 0o777, 0o600);
    }
}
