//! Reading the files praxis did not write itself (SPEC §8 "Reading", §9.1
//! "Checks on the handle" and "Every special file, everywhere"). One
//! helper, [`open_regular`], opens every such file: without blocking (a
//! FIFO does not hang the open), never as a controlling terminal, and its
//! type, owner and size are judged on the opened descriptor (`fstat`), the
//! one that is then read. A check by path followed by a second open would
//! let another user swap the file in between; here the checked handle is
//! the read handle. Reading stops one byte past the limit whatever size
//! the file system reports (a device says 0).

use super::{MAX_BYTES, StoreError, owner};
use std::fs::{File, Metadata};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// `-f -`: the practice is read from standard input (read-only commands).
pub const STDIN: &str = "-";

/// Whether `path` is `-`, standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == STDIN
}

/// How praxis came to a file, and so whose file it may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Named by the person (`-f`, `PRAXIS_FILE`, an argument): their
    /// choice, whoever owns it.
    Named,
    /// Found by looking upwards (or beside such a file): it must be the
    /// current user's or root's, judged on the handle that is read.
    Discovered,
}

/// Whether a symbolic link at the path may be followed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Links {
    Follow,
    /// The open fails on a link (O_NOFOLLOW): for files praxis made itself
    /// (cache entries, exports, the file it is about to replace).
    Refuse,
}

/// Which file a read came from: the device and inode of the handle read.
/// A change replaces the file only while this is still the file there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Identity {
    device: u64,
    inode: u64,
}

impl Identity {
    #[cfg(unix)]
    pub fn of(metadata: &Metadata) -> Identity {
        use std::os::unix::fs::MetadataExt;
        Identity {
            device: metadata.dev(),
            inode: metadata.ino(),
        }
    }

    #[cfg(not(unix))]
    pub fn of(_metadata: &Metadata) -> Identity {
        Identity {
            device: 0,
            inode: 0,
        }
    }
}

/// The bytes of one checked handle, and which file they came from (none
/// for standard input).
#[derive(Debug)]
pub struct Bytes {
    pub bytes: Vec<u8>,
    pub identity: Option<Identity>,
}

/// Reads a file the person named, refusing anything that is not a regular
/// file or is too large to be a practice. `-` is standard input, read once
/// (a command that reads the practice twice gets the same bytes).
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, StoreError> {
    Ok(read_practice(path, Origin::Named)?.bytes)
}

/// Reads a practice file (or its `practice.test.toml`) come to by
/// `origin`: type, size and, for a discovered file, owner are checked on
/// the handle whose bytes are returned.
pub fn read_practice(path: &Path, origin: Origin) -> Result<Bytes, StoreError> {
    if is_stdin(path) {
        return Ok(Bytes {
            bytes: stdin_bytes(path)?,
            identity: None,
        });
    }
    let read_error = |source| StoreError::Read {
        path: path.to_path_buf(),
        source,
    };
    let (file, metadata) = match origin {
        Origin::Named => open_regular(path, Links::Follow).map_err(read_error)?,
        Origin::Discovered => open_discovered(path)?,
    };
    if metadata.len() > MAX_BYTES {
        return Err(too_large(path, metadata.len()));
    }
    let bytes = read_bounded(file, MAX_BYTES).map_err(read_error)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_large(path, bytes.len() as u64));
    }
    Ok(Bytes {
        bytes,
        identity: Some(Identity::of(&metadata)),
    })
}

fn too_large(path: &Path, size: u64) -> StoreError {
    StoreError::TooLarge {
        path: path.to_path_buf(),
        size,
    }
}

/// A discovered file: the entry at the path (a link the user may keep
/// there, or the file) and the file the opened handle reads must both be
/// the current user's or root's. A regular file is opened without
/// following links, so nothing swapped in after the look is followed; a
/// link is followed, and must still be the same link after the open (a
/// link cannot be changed in place, only replaced).
fn open_discovered(path: &Path) -> Result<(File, Metadata), StoreError> {
    let read_error = |source| StoreError::Read {
        path: path.to_path_buf(),
        source,
    };
    let entry = std::fs::symlink_metadata(path).map_err(read_error)?;
    refuse_foreign(path, &entry)?;
    let is_link = entry.file_type().is_symlink();
    let links = if is_link {
        Links::Follow
    } else {
        Links::Refuse
    };
    let (file, metadata) = open_regular(path, links).map_err(|error| {
        if error.raw_os_error() == Some(libc::ELOOP) {
            read_error(replaced())
        } else {
            read_error(error)
        }
    })?;
    refuse_foreign(path, &metadata)?;
    if is_link {
        let after = std::fs::symlink_metadata(path).map_err(read_error)?;
        if Identity::of(&after) != Identity::of(&entry) {
            return Err(read_error(replaced()));
        }
    }
    Ok((file, metadata))
}

fn replaced() -> std::io::Error {
    std::io::Error::other(
        "it was replaced while praxis opened it, so it was not read; run the command again",
    )
}

#[cfg(unix)]
fn refuse_foreign(path: &Path, metadata: &Metadata) -> Result<(), StoreError> {
    use std::os::unix::fs::MetadataExt;
    if owner::trusted(metadata.uid()) {
        return Ok(());
    }
    Err(StoreError::ForeignOwner {
        path: PathBuf::from(path),
        owner: metadata.uid(),
    })
}

#[cfg(not(unix))]
fn refuse_foreign(_path: &Path, _metadata: &Metadata) -> Result<(), StoreError> {
    Ok(())
}

fn stdin_bytes(path: &Path) -> Result<Vec<u8>, StoreError> {
    static READ: OnceLock<Result<Vec<u8>, (std::io::ErrorKind, String)>> = OnceLock::new();
    let read = READ.get_or_init(|| {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(MAX_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| (e.kind(), e.to_string()))?;
        Ok(bytes)
    });
    match read {
        Ok(bytes) if bytes.len() as u64 > MAX_BYTES => Err(too_large(path, bytes.len() as u64)),
        Ok(bytes) => Ok(bytes.clone()),
        Err((kind, message)) => Err(StoreError::Read {
            path: path.to_path_buf(),
            source: std::io::Error::new(*kind, message.clone()),
        }),
    }
}

/// Opens `path` for reading if it is a regular file: the one way praxis
/// opens a file it reads. The open does not block on a FIFO (O_NONBLOCK)
/// and the type is checked on the opened handle, whose metadata is
/// returned for the caller's own checks (owner, mode): a file swapped for
/// a FIFO, a device or another user's file after a look by path is judged
/// as what was opened. The look by path first only spares opening a
/// device at all in the plain case; it is not the check.
pub fn open_regular(path: &Path, links: Links) -> std::io::Result<(File, Metadata)> {
    let seen = match links {
        Links::Follow => std::fs::metadata(path)?,
        Links::Refuse => std::fs::symlink_metadata(path)?,
    };
    if !seen.is_file() {
        return Err(not_regular(seen.file_type()));
    }
    let file = open_nonblocking(path, links)?;
    let metadata = file.metadata()?;
    if !metadata.is_file() {
        return Err(not_regular(metadata.file_type()));
    }
    Ok((file, metadata))
}

/// Reads at most `limit` bytes and one more: one byte past the limit tells
/// "at the limit" from "over it" without holding more than that.
pub fn read_bounded(file: File, limit: u64) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok(bytes)
}

#[cfg(unix)]
fn open_nonblocking(path: &Path, links: Links) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut flags = libc::O_NONBLOCK | libc::O_NOCTTY;
    if links == Links::Refuse {
        flags |= libc::O_NOFOLLOW;
    }
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(flags)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path, _links: Links) -> std::io::Result<File> {
    File::open(path)
}

/// Why a file of `kind` is not read: "it is a FIFO, not a regular file".
pub fn not_regular(kind: std::fs::FileType) -> std::io::Error {
    std::io::Error::other(format!("{}, not a regular file", what_it_is(kind)))
}

/// "it is a directory", "it is a FIFO", … for a file that is not regular.
pub fn what_it_is(kind: std::fs::FileType) -> &'static str {
    if kind.is_dir() {
        "it is a directory"
    } else if kind.is_symlink() {
        "it is a symbolic link"
    } else {
        special_kind(kind)
    }
}

#[cfg(unix)]
fn special_kind(kind: std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "it is a FIFO"
    } else if kind.is_socket() {
        "it is a socket"
    } else if kind.is_block_device() || kind.is_char_device() {
        "it is a device"
    } else {
        "it is a special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_kind: std::fs::FileType) -> &'static str {
    "it is a special file"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_and_directories_are_refused_without_reading() {
        for path in ["/dev/zero", "/dev/null", "/"] {
            let error = read_bytes(Path::new(path)).err().map(|e| e.to_string());
            assert!(
                error
                    .as_deref()
                    .is_some_and(|e| e.contains("not a regular file")),
                "{path}: {error:?}"
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_refused_where_links_are_not_followed() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let file = dir.path().join("file");
        let link = dir.path().join("link");
        std::fs::write(&file, "x").unwrap_or_else(|e| panic!("{e}"));
        std::os::unix::fs::symlink(&file, &link).unwrap_or_else(|e| panic!("{e}"));
        assert!(open_regular(&link, Links::Refuse).is_err());
        assert!(open_regular(&link, Links::Follow).is_ok());
        assert!(open_regular(&file, Links::Refuse).is_ok());
    }

    #[test]
    fn reading_stops_one_byte_past_the_limit() {
        let zero = File::open("/dev/zero").unwrap_or_else(|e| panic!("{e}"));
        let bytes = read_bounded(zero, 10).unwrap_or_default();
        assert_eq!(bytes.len(), 11);
    }
}
