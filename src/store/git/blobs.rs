//! Versions of the practice file read from git, bounded like the file on
//! disk (SPEC §9.1 "Every read bounded, git included"). Git is asked for
//! every version's size first (`git cat-file --batch-check`, which never
//! reads content); only versions within the limit are then read
//! (`git cat-file --batch`, by object id), one at a time as the caller asks
//! for them. So praxis never holds more than one version, and never one
//! over the limit: a 1 GiB version costs its size line, not a gigabyte.

use super::GitError;
use crate::store::MAX_BYTES;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdout, Command, Stdio};
use std::thread::JoinHandle;

/// One object as git holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Blob {
    /// A file's text.
    Text(String),
    /// Something else: a tree (the commit deleted the file), or bytes that
    /// are not UTF-8.
    Other,
    /// Not in the repository.
    Missing,
    /// A file of this many bytes, over the size limit: never read.
    TooLarge(u64),
}

/// A header line from `cat-file` is an object name, a type and a size: far
/// shorter than this, unless the name is long. Longer is not read whole.
const HEADER_BYTES: u64 = 8 * 1024;

/// What `--batch-check` said of one requested object.
enum Planned {
    Missing,
    Other,
    TooLarge(u64),
    /// A blob within the limit, read in turn from `--batch`.
    Read,
}

/// The versions asked for, handed out one at a time in the order asked.
pub struct Versions {
    plan: std::vec::IntoIter<Planned>,
    batch: Option<Batch>,
}

/// A running `git cat-file` with its requests written by a thread (git
/// answers while it reads, so writing them all first could fill both pipes).
struct Batch {
    child: Child,
    reader: BufReader<ChildStdout>,
    writer: Option<JoinHandle<std::io::Result<()>>>,
}

impl Batch {
    fn start(root: &Path, mode: &str, requests: String) -> Result<Batch, GitError> {
        let mut child = Command::new("git")
            .arg("-C")
            .arg(root)
            .args(["cat-file", mode])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .map_err(GitError::Run)?;
        let (Some(mut stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(broken());
        };
        let writer = std::thread::spawn(move || stdin.write_all(requests.as_bytes()));
        Ok(Batch {
            child,
            reader: BufReader::new(stdout),
            writer: Some(writer),
        })
    }

    /// The next header line, without its line feed; a line longer than
    /// [`HEADER_BYTES`] or the end of output is an error.
    fn header(&mut self) -> Result<String, GitError> {
        let mut line = Vec::new();
        (&mut self.reader)
            .take(HEADER_BYTES)
            .read_until(b'\n', &mut line)
            .map_err(GitError::Run)?;
        if line.pop() != Some(b'\n') {
            return Err(malformed("ended or printed an overlong line"));
        }
        Ok(String::from_utf8_lossy(&line).into_owned())
    }
}

impl Drop for Batch {
    fn drop(&mut self) {
        // Stopped early (an error, or a caller that read no further): git
        // may be blocked writing; end it rather than leave it behind.
        let _ = self.child.kill();
        let _ = self.child.wait();
        if let Some(writer) = self.writer.take() {
            let _ = writer.join();
        }
    }
}

fn broken() -> GitError {
    GitError::Run(std::io::Error::other("git cat-file closed its pipes"))
}

fn malformed(what: &str) -> GitError {
    GitError::Failed {
        command: "cat-file".into(),
        message: what.to_string(),
    }
}

/// One request per line. A name with a line break would split into two
/// requests and put the answers out of step; it is asked as one git
/// cannot find.
fn requests<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    names
        .into_iter()
        .map(|o| format!("{}\n", o.replace(['\n', '\r'], "?")))
        .collect()
}

/// `OID TYPE SIZE`, or `None` for `NAME missing` / `NAME ambiguous` (the
/// name may hold spaces).
fn parse_header(header: &str) -> Result<Option<(String, String, u64)>, GitError> {
    if header.ends_with(" missing") || header.ends_with(" ambiguous") {
        return Ok(None);
    }
    let parts: Vec<&str> = header.split(' ').collect();
    let [oid, kind, size] = parts[..] else {
        return Err(malformed(&format!(
            "printed a header praxis cannot read: {header}"
        )));
    };
    let size = size
        .parse()
        .map_err(|_| malformed(&format!("printed a size praxis cannot read: {header}")))?;
    Ok(Some((oid.to_string(), kind.to_string(), size)))
}

/// The versions `objects` names (as git takes them, `HASH:PATH`), through
/// one `--batch-check` and one `--batch`: not one process per commit.
pub fn versions(root: &Path, objects: &[String]) -> Result<Versions, GitError> {
    let mut check = Batch::start(
        root,
        "--batch-check",
        requests(objects.iter().map(String::as_str)),
    )?;
    let mut plan = Vec::with_capacity(objects.len());
    let mut wanted = Vec::new();
    for _ in objects {
        plan.push(match parse_header(&check.header()?)? {
            None => Planned::Missing,
            Some((_, kind, _)) if kind != "blob" => Planned::Other,
            Some((_, _, size)) if size > MAX_BYTES => Planned::TooLarge(size),
            Some((oid, _, _)) => {
                wanted.push(oid);
                Planned::Read
            }
        });
    }
    drop(check);
    // Asked by object id: the content is the one whose size was checked,
    // whatever a branch name points at by now.
    let batch = match wanted.is_empty() {
        true => None,
        false => Some(Batch::start(
            root,
            "--batch",
            requests(wanted.iter().map(String::as_str)),
        )?),
    };
    Ok(Versions {
        plan: plan.into_iter(),
        batch,
    })
}

/// One version, as [`versions`] reads it (`dir` is where a `./` path in
/// `object` is taken from).
pub fn version(dir: &Path, object: &str) -> Result<Blob, GitError> {
    versions(dir, &[object.to_string()])?
        .next_version()?
        .ok_or_else(broken)
}

impl Versions {
    /// The next version asked for; `None` after the last.
    pub fn next_version(&mut self) -> Result<Option<Blob>, GitError> {
        let Some(planned) = self.plan.next() else {
            return Ok(None);
        };
        Ok(Some(match planned {
            Planned::Missing => Blob::Missing,
            Planned::Other => Blob::Other,
            Planned::TooLarge(size) => Blob::TooLarge(size),
            Planned::Read => self.read()?,
        }))
    }

    fn read(&mut self) -> Result<Blob, GitError> {
        let batch = self.batch.as_mut().ok_or_else(broken)?;
        let header = batch.header()?;
        let Some((_, kind, size)) = parse_header(&header)? else {
            // Checked a moment ago: the repository changed under us.
            return Ok(Blob::Missing);
        };
        // The size is checked again on what is read: a git that answers
        // differently the second time still cannot make praxis hold more.
        if size > MAX_BYTES {
            std::io::copy(
                &mut (&mut batch.reader).take(size + 1),
                &mut std::io::sink(),
            )
            .map_err(GitError::Run)?;
            return Ok(Blob::TooLarge(size));
        }
        // Within the limit, so `size` fits in memory; the line feed git
        // adds after the content is read with it and dropped.
        let mut content = Vec::with_capacity(size as usize + 1);
        (&mut batch.reader)
            .take(size + 1)
            .read_to_end(&mut content)
            .map_err(GitError::Run)?;
        if content.pop() != Some(b'\n') || content.len() as u64 != size {
            return Err(malformed("ended part way through an object"));
        }
        Ok(match (kind.as_str(), String::from_utf8(content)) {
            ("blob", Ok(text)) => Blob::Text(text),
            _ => Blob::Other,
        })
    }
}
