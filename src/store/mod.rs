//! Everything that touches `practice.toml` on disk: finding it, reading it,
//! locking it and writing it atomically. Nothing else in the crate opens the
//! file for writing.

pub mod cache;
mod discover;
pub mod exported;
pub mod git;
mod lock;
pub mod owner;
mod read;
mod write;

pub use discover::{Located, locate};
pub use lock::{Lock, Wait};
pub use read::{
    Bytes, Identity, Links, Origin, STDIN, is_stdin, open_regular, read_bounded, read_bytes,
    read_practice,
};
pub use write::{remove_stale_temporaries, write_atomic};

use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "practice.toml";

/// Files larger than this are refused before reading (`limits`).
pub const MAX_BYTES: u64 = crate::limits::MAX_FILE_BYTES;

/// The UTF-8 byte-order mark, set aside when read and put back when written.
pub const BOM: &str = "\u{feff}";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no practice.toml found; looked in {}\n  pass -f PATH, set PRAXIS_FILE, or run `praxis init` to create one", list(.looked))]
    NotFound { looked: Vec<PathBuf> },
    #[error("{}: cannot read: {source}", .path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: the file is over {MAX_BYTES} bytes; praxis reads practice files up to {MAX_BYTES} bytes", .path.display())]
    TooLarge { path: PathBuf, size: u64 },
    #[error("{}: found by looking upwards, but it belongs to another user (uid {owner}), who could have planted it\n  pass -f {} if this is the practice file you mean", .path.display(), .path.display())]
    ForeignOwner { path: PathBuf, owner: u32 },
    #[error("{}: changed by another program since praxis read it; nothing was written, and the other version stays\n  run the command again to apply it to the new version", .path.display())]
    ChangedMeanwhile { path: PathBuf },
    #[error("{}: another praxis change has held the lock for {seconds} seconds; gave up, nothing was written\n  if no change is running, remove the lock file {}; PRAXIS_LOCK_TIMEOUT=SECONDS waits longer", .path.display(), .lock.display())]
    LockTimeout {
        path: PathBuf,
        lock: PathBuf,
        seconds: u64,
    },
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

/// The file's text and the layout details a rewrite must keep.
#[derive(Clone, Debug)]
pub struct Contents {
    /// The text without its byte-order mark.
    pub text: String,
    pub bom: bool,
    /// The file the bytes were read from (its checked handle's device and
    /// inode): a change replaces that file only while it is still there.
    pub identity: Option<Identity>,
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
                    identity: None,
                },
                None => Contents {
                    text,
                    bom: false,
                    identity: None,
                },
            }),
            Err(error) => {
                let offset = error.utf8_error().valid_up_to();
                let lossy = String::from_utf8_lossy(error.as_bytes()).into_owned();
                Err(NotUtf8 { offset, lossy })
            }
        }
    }

    /// The bytes to write for `text`: the BOM restored, and each line
    /// the change left alone with its own line ending (SPEC §8).
    pub fn encode(&self, text: &str) -> String {
        let body = crate::changes::endings::keep_line_endings(&self.text, text);
        if self.bom {
            format!("{BOM}{body}")
        } else {
            body
        }
    }

    /// The same text, known to come from the file `identity` names.
    pub fn read_from(self, identity: Option<Identity>) -> Contents {
        Contents { identity, ..self }
    }

    /// The bytes the file held when it was read, in two parts: the
    /// byte-order mark (or nothing) and the text.
    pub fn original_parts(&self) -> [&[u8]; 2] {
        let bom: &[u8] = if self.bom { BOM.as_bytes() } else { b"" };
        [bom, self.text.as_bytes()]
    }

    /// The bytes the file held when it was read.
    pub fn original_bytes(&self) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(self.text.len() + BOM.len());
        if self.bom {
            bytes.extend_from_slice(BOM.as_bytes());
        }
        bytes.extend_from_slice(self.text.as_bytes());
        bytes
    }
}

/// The file a write should replace: a symlinked `practice.toml` is written
/// through to its target so the link survives. `-` stays `-` (standard
/// input, which no change writes), even beside a file named `-`.
pub fn write_target(path: &Path) -> PathBuf {
    if is_stdin(path) {
        return path.to_path_buf();
    }
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
    fn a_second_byte_order_mark_is_a_finding() {
        let contents = Contents::decode(b"\xef\xbb\xbf\xef\xbb\xbfversion = 1\n".to_vec())
            .map_err(|e| e.offset);
        let contents = contents.unwrap_or_else(|offset| panic!("decode failed at {offset}"));
        let date = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
        let checked = crate::rules::check(&contents.text, date);
        assert!(checked.findings.has_errors());
    }

    #[test]
    fn an_lf_file_is_written_back_with_lf() {
        let contents = Contents {
            text: "a = 1\n".into(),
            bom: false,
            identity: None,
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
