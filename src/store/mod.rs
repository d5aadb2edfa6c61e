//! Everything that touches `practice.toml` on disk: finding it, reading it,
//! locking it and writing it atomically. Nothing else in the crate opens the
//! file for writing.

mod lock;
mod write;

pub use lock::Lock;
pub use write::{remove_stale_temporaries, write_atomic};

use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "practice.toml";

/// Files larger than this are refused before reading (see the rules' limit).
pub const MAX_BYTES: u64 = crate::rules::MAX_FILE_BYTES;

const BOM: &str = "\u{feff}";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no practice.toml found; looked in {}\n  pass -f PATH, set PRAXIS_FILE, or run `praxis init` to create one", list(.looked))]
    NotFound { looked: Vec<PathBuf> },
    #[error("{}: cannot read: {source}", .path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: the file is {size} bytes; praxis reads practice files up to {MAX_BYTES} bytes", .path.display())]
    TooLarge { path: PathBuf, size: u64 },
    #[error("{}: cannot write: {source}; the file was left as it was", .path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: cannot lock for writing: {source}", .path.display())]
    Lock {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} already exists; praxis init never overwrites a practice file", .path.display())]
    Exists { path: PathBuf },
}

fn list(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Where the practice file is: `-f`, then `$PRAXIS_FILE` (both arrive as
/// `explicit`, clap reads the variable), then the nearest `practice.toml` in
/// this directory or its ancestors.
pub fn locate(explicit: Option<&Path>) -> Result<PathBuf, StoreError> {
    if let Some(path) = explicit {
        return Ok(path.to_path_buf());
    }
    let start = std::env::current_dir().map_err(|source| StoreError::Read {
        path: PathBuf::from("."),
        source,
    })?;
    let mut looked = Vec::new();
    for (depth, dir) in start.ancestors().enumerate() {
        if dir.join(FILE_NAME).is_file() {
            // Relative to here, so findings and annotations read
            // `practice.toml:12:5` (or `../practice.toml`), not a long
            // absolute path.
            let mut relative = PathBuf::new();
            for _ in 0..depth {
                relative.push("..");
            }
            return Ok(relative.join(FILE_NAME));
        }
        looked.push(dir.to_path_buf());
    }
    Err(StoreError::NotFound { looked })
}

/// The file's text and the layout details a rewrite must keep.
#[derive(Clone, Debug)]
pub struct Contents {
    /// The text without its byte-order mark.
    pub text: String,
    pub bom: bool,
}

/// Text that is not UTF-8: where the first bad byte is.
#[derive(Clone, Debug)]
pub struct NotUtf8 {
    pub offset: usize,
    /// The text with bad bytes replaced, for showing the line.
    pub lossy: String,
}

impl Contents {
    /// Decodes file bytes, setting a BOM aside so it survives a rewrite.
    pub fn decode(bytes: Vec<u8>) -> Result<Contents, NotUtf8> {
        match String::from_utf8(bytes) {
            Ok(text) => Ok(match text.strip_prefix(BOM) {
                Some(rest) => Contents {
                    text: rest.to_string(),
                    bom: true,
                },
                None => Contents { text, bom: false },
            }),
            Err(error) => {
                let offset = error.utf8_error().valid_up_to();
                let lossy = String::from_utf8_lossy(error.as_bytes()).into_owned();
                Err(NotUtf8 { offset, lossy })
            }
        }
    }

    /// The bytes to write for `text`: the BOM restored, and CRLF line
    /// endings kept when the original used them.
    pub fn encode(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 3);
        if self.bom {
            out.push_str(BOM);
        }
        if self.text.contains("\r\n") {
            let mut previous = '\0';
            for c in text.chars() {
                if c == '\n' && previous != '\r' {
                    out.push('\r');
                }
                out.push(c);
                previous = c;
            }
        } else {
            out.push_str(text);
        }
        out
    }
}

/// Reads the file's bytes, refusing anything too large to be a practice.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, StoreError> {
    let read_error = |source| StoreError::Read {
        path: path.to_path_buf(),
        source,
    };
    let metadata = std::fs::metadata(path).map_err(read_error)?;
    if metadata.is_dir() {
        return Err(read_error(std::io::Error::other("it is a directory")));
    }
    if metadata.len() > MAX_BYTES {
        return Err(StoreError::TooLarge {
            path: path.to_path_buf(),
            size: metadata.len(),
        });
    }
    std::fs::read(path).map_err(read_error)
}

/// The file a write should replace: a symlinked `practice.toml` is written
/// through to its target so the link survives.
pub fn write_target(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_crlf_survive_encoding() {
        let contents =
            Contents::decode(b"\xef\xbb\xbfa = 1\r\nb = 2\r\n".to_vec()).map_err(|e| e.offset);
        let contents = contents.unwrap_or_else(|offset| panic!("decode failed at {offset}"));
        assert!(contents.bom);
        assert_eq!(contents.text, "a = 1\r\nb = 2\r\n");
        let written = contents.encode("a = 1\r\nb = 2\r\nc = 3\n");
        assert_eq!(written, "\u{feff}a = 1\r\nb = 2\r\nc = 3\r\n");
    }

    #[test]
    fn lf_files_stay_lf() {
        let contents = Contents {
            text: "a = 1\n".into(),
            bom: false,
        };
        assert_eq!(contents.encode("a = 1\nb = 2\n"), "a = 1\nb = 2\n");
    }

    #[test]
    fn not_utf8_names_the_offset() {
        let error = Contents::decode(b"ab\xffcd".to_vec())
            .err()
            .map(|e| e.offset);
        assert_eq!(error, Some(2));
    }
}
