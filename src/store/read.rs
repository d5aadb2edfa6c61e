//! Reading the practice file (SPEC §8 "Reading"): only a regular file once
//! symlinks are followed, opened without blocking, and read only up to the
//! size limit whatever size the file system reports (a device says 0).

use super::{MAX_BYTES, StoreError};
use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::sync::OnceLock;

/// `-f -`: the practice is read from standard input (read-only commands).
pub const STDIN: &str = "-";

/// Whether `path` is `-`, standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == STDIN
}

/// Reads the file's bytes, refusing anything that is not a regular file or
/// is too large to be a practice. `-` is standard input, read once (a
/// command that reads the practice twice gets the same bytes).
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, StoreError> {
    if is_stdin(path) {
        return stdin_bytes(path);
    }
    let read_error = |source| StoreError::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = open_regular(path).map_err(read_error)?;
    let mut bytes = Vec::new();
    // One byte past the limit tells "at the limit" from "over it" without
    // holding more than that in memory.
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(StoreError::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
        });
    }
    Ok(bytes)
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
        Ok(bytes) if bytes.len() as u64 > MAX_BYTES => Err(StoreError::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
        }),
        Ok(bytes) => Ok(bytes.clone()),
        Err((kind, message)) => Err(StoreError::Read {
            path: path.to_path_buf(),
            source: std::io::Error::new(*kind, message.clone()),
        }),
    }
}

/// Opens `path` for reading if it is a regular file. The open does not
/// block on a FIFO (O_NONBLOCK), and the type is checked on the opened
/// handle, so a file swapped for a FIFO or device in between is caught too.
fn open_regular(path: &Path) -> std::io::Result<File> {
    let kind = std::fs::metadata(path)?.file_type();
    if !kind.is_file() {
        return Err(not_regular(kind));
    }
    let file = open_nonblocking(path)?;
    let kind = file.metadata()?.file_type();
    if !kind.is_file() {
        return Err(not_regular(kind));
    }
    Ok(file)
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

fn not_regular(kind: std::fs::FileType) -> std::io::Error {
    let what = if kind.is_dir() {
        "it is a directory"
    } else {
        special_kind(kind)
    };
    std::io::Error::other(format!("{what}, not a regular file"))
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
}
