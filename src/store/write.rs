//! Atomic, permission-keeping writes: a temporary file in the same
//! directory, flushed and synced, the original's permissions copied, renamed
//! over the target, the directory synced. An interrupted write leaves the
//! old file whole; its temporary file is cleaned up by the next write.

use super::StoreError;
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

const TEMP_MARK: &str = ".praxis-tmp-";

/// Replaces `target` (already resolved through symlinks) with `contents`.
/// Call with the file's [`super::Lock`] held.
pub fn write_atomic(target: &Path, contents: &[u8]) -> Result<(), StoreError> {
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
        let mut file = File::create_new(&temp)?;
        file.write_all(contents)?;
        file.flush()?;
        if let Ok(metadata) = fs::metadata(target) {
            file.set_permissions(metadata.permissions())?;
        }
        file.sync_all()?;
        fs::rename(&temp, target)?;
        if let Ok(dir) = File::open(&dir) {
            // Persist the rename; some platforms cannot sync a directory.
            let _ = dir.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result.map_err(error)
}

fn temp_prefix(target: &Path) -> String {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(".{name}{TEMP_MARK}")
}

fn temp_path(target: &Path) -> PathBuf {
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
