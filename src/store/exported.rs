//! The files `praxis export` writes into a directory of the engine's, and
//! reads back for `--check`. Unlike the practice file they are praxis's
//! own output: a file there is replaced, never written through (a planted
//! link is replaced by a file, and its target's owner and mode are not
//! copied), and `--check` reads only regular files, no further than the
//! expected text, so a link, a FIFO or `/dev/zero` put there cannot make
//! it pass, hang or fill memory.

use super::StoreError;
use std::fs;
use std::io::Write;
use std::path::Path;

/// What `--check` found at one expected path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    /// A regular file holding exactly the expected text.
    Same,
    /// A regular file with other contents.
    Different,
    /// Nothing there.
    Missing,
    /// A link, a directory, a FIFO or a device: never what praxis writes.
    NotAFile,
}

/// Refuses, before anything is written, a target that is a directory
/// (the rename would fail half way through an export).
pub fn check_writable(target: &Path) -> Result<(), StoreError> {
    match fs::symlink_metadata(target) {
        Ok(meta) if meta.is_dir() => Err(StoreError::Write {
            path: target.to_path_buf(),
            source: std::io::Error::other("a directory is in the way; nothing was written"),
        }),
        _ => Ok(()),
    }
}

/// Writes `contents` to `target` through a private temporary file renamed
/// over it. A regular file there keeps its mode; a new file is 0600, as
/// `init`'s practice file is; a link there is replaced, not followed.
pub fn write_export(target: &Path, contents: &[u8]) -> Result<(), StoreError> {
    let error = |source| StoreError::Write {
        path: target.to_path_buf(),
        source,
    };
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => Path::new(".").to_path_buf(),
    };
    super::remove_stale_temporaries(&dir, target);
    let temp = super::write::temp_path(target);
    let result = (|| {
        let mut file = super::write::create_private(&temp)?;
        file.write_all(contents)?;
        file.flush()?;
        if let Ok(original) = fs::symlink_metadata(target)
            && original.is_file()
        {
            file.set_permissions(original.permissions())?;
        }
        file.sync_all()?;
        fs::rename(&temp, target)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result.map_err(error)
}

/// Whether `path` is a regular file holding exactly `expected`.
pub fn compare(path: &Path, expected: &[u8]) -> Found {
    let Ok(meta) = fs::symlink_metadata(path) else {
        return Found::Missing;
    };
    if !meta.is_file() {
        return Found::NotAFile;
    }
    // Swapped for a link or a FIFO since the look above: not followed,
    // not waited on, and judged on the handle that is read.
    let Ok((file, _)) = super::open_regular(path, super::Links::Refuse) else {
        return Found::NotAFile;
    };
    let limit = u64::try_from(expected.len()).unwrap_or(u64::MAX);
    match super::read_bounded(file, limit) {
        Ok(read) if read == expected => Found::Same,
        _ => Found::Different,
    }
}
