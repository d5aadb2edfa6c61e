//! Reading the practice file's git history: the commits that touched it
//! (following renames) and every version's text. `history` and `review
//! --stale/--since` walk it; `diff --base` asks git for one version. This
//! is the store's other reader, so the `git` process is started here only.

use crate::rules::dates::parse_day;
use chrono::NaiveDate;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error("cannot run git: {0}")]
    Run(std::io::Error),
    #[error("git {command}: {message}")]
    Failed { command: String, message: String },
    #[error(
        "{} is not in a git repository: {reader} reads the file's git history\n  commit the practice file to git first (`git init && git add {} && git commit`)",
        .path.display(), .path.display()
    )]
    NotARepository { path: PathBuf, reader: &'static str },
    #[error("{}: cannot find the file: {source}", .path.display())]
    Missing {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("git log gave a date praxis cannot read: `{0}`")]
    Date(String),
    #[error(
        "`{0}` is not a git revision: a revision cannot be empty or start with `-` (git would read it as an option)"
    )]
    Revision(String),
}

/// A revision from the command line, refused when git would take it for
/// an option (`--output=FILE` makes `git log` write a file).
pub fn revision(rev: &str) -> Result<&str, GitError> {
    match rev.is_empty() || rev.starts_with('-') {
        true => Err(GitError::Revision(rev.to_string())),
        false => Ok(rev),
    }
}

/// One commit that touched the practice file.
#[derive(Clone, Debug)]
pub struct Commit {
    pub hash: String,
    pub author: String,
    pub committer: String,
    /// The committer's day.
    pub date: NaiveDate,
    pub message: String,
    /// The file's path at this commit, from the repository's root; `None`
    /// when the commit deleted it.
    pub path: Option<String>,
    /// The file's path in the commit's parent, when it was there: the
    /// same path for a change, the old one for a rename, `None` for an add.
    pub before: Option<String>,
}

impl Commit {
    /// The object name of the file as this commit's parent had it.
    pub fn parent_version(&self) -> Option<String> {
        self.before
            .as_ref()
            .map(|path| format!("{}^:{path}", self.hash))
    }

    /// The object name of the file at this commit.
    pub fn version(&self) -> String {
        format!("{}:{}", self.hash, self.path.as_deref().unwrap_or_default())
    }
}

impl Commit {
    pub fn subject(&self) -> &str {
        self.message.lines().next().unwrap_or_default()
    }
}

/// Runs `git -C DIR ARGS…` and returns what it printed, whatever its exit.
pub fn run(dir: &Path, args: &[&str]) -> Result<Output, GitError> {
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(GitError::Run)
}

/// Runs git and returns its standard output; a failure is an error.
fn output(dir: &Path, args: &[&str]) -> Result<String, GitError> {
    let output = run(dir, args)?;
    if !output.status.success() {
        return Err(GitError::Failed {
            command: args.first().copied().unwrap_or_default().to_string(),
            message: String::from_utf8_lossy(&output.stderr).trim().to_string(),
        });
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// The repository's root and the file's path from it; `reader` names the
/// command that needs the history, for the error.
pub fn repository(path: &Path, reader: &'static str) -> Result<(PathBuf, String), GitError> {
    let absolute = std::fs::canonicalize(path).map_err(|source| GitError::Missing {
        path: path.to_path_buf(),
        source,
    })?;
    let dir = absolute.parent().unwrap_or(Path::new("/"));
    let not_a_repository = || GitError::NotARepository {
        path: path.to_path_buf(),
        reader,
    };
    let root = output(dir, &["rev-parse", "--show-toplevel"]).map_err(|_| not_a_repository())?;
    let root = PathBuf::from(root.trim());
    let relative = absolute
        .strip_prefix(std::fs::canonicalize(&root).unwrap_or(root.clone()))
        .map(|p| p.to_string_lossy().into_owned())
        .map_err(|_| not_a_repository())?;
    Ok((root, relative))
}

const RECORD: char = '\u{1e}';
const FIELD: char = '\u{1f}';

/// The commits that touched the file, oldest first, following renames. A
/// repository with no commits yet has none.
pub fn log(root: &Path, relative: &str, rev: Option<&str>) -> Result<Vec<Commit>, GitError> {
    if rev.is_none()
        && !run(root, &["rev-parse", "--verify", "--quiet", "HEAD"])?
            .status
            .success()
    {
        return Ok(Vec::new());
    }
    let mut args = vec![
        "log",
        "--follow",
        "--format=%x1e%H%x1f%an <%ae>%x1f%cn <%ce>%x1f%cs%x1f%B%x1f",
        "--name-status",
    ];
    if let Some(rev) = rev {
        args.extend(["--end-of-options", revision(rev)?]);
    }
    args.extend(["--", relative]);
    let text = output(root, &args)?;
    let mut commits = Vec::new();
    for record in text.split(RECORD).filter(|r| !r.trim().is_empty()) {
        let fields: Vec<&str> = record.split(FIELD).collect();
        let [hash, author, committer, date, message, status] = fields[..] else {
            continue;
        };
        let date = parse_day(date.trim()).map_err(|_| GitError::Date(date.trim().to_string()))?;
        // `M\tpath`, `A\tpath`, `R100\told\tnew`, `D\tpath`.
        let change = status
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or_default();
        let deleted = change.starts_with('D');
        let mut paths = change.split('\t').skip(1).map(str::to_string);
        let first = paths.next();
        let path = paths.next().or_else(|| first.clone());
        let before = match change.chars().next() {
            Some('M' | 'R' | 'T' | 'C') => first,
            _ => None,
        };
        commits.push(Commit {
            hash: hash.trim().to_string(),
            author: author.to_string(),
            committer: committer.to_string(),
            date,
            message: message.trim().to_string(),
            path: path.filter(|p| !p.is_empty() && !deleted),
            before: before.filter(|p| !p.is_empty()),
        });
    }
    commits.reverse();
    Ok(commits)
}

/// Every version's text (`objects` as git names them, `HASH:PATH`) through
/// one `git cat-file --batch`: not one process per commit. `None` where
/// the object is missing (a deleted file, a shallow clone's edge) or is
/// not UTF-8 text.
pub fn read_blobs(root: &Path, objects: &[String]) -> Result<Vec<Option<String>>, GitError> {
    let mut child = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(GitError::Run)?;
    // A name with a line break would split into two requests and put the
    // answers out of step; such a name is asked as one git cannot find.
    let requests: String = objects
        .iter()
        .map(|o| format!("{}\n", o.replace(['\n', '\r'], "?")))
        .collect();
    let broken = || GitError::Run(std::io::Error::other("git cat-file closed its pipes"));
    let mut stdin = child.stdin.take().ok_or_else(broken)?;
    let writer = std::thread::spawn(move || stdin.write_all(requests.as_bytes()));
    let stdout = child.stdout.take().ok_or_else(broken)?;
    let mut reader = BufReader::new(stdout);
    let mut blobs = Vec::with_capacity(objects.len());
    for _ in objects {
        let mut header = String::new();
        reader.read_line(&mut header).map_err(GitError::Run)?;
        let parts: Vec<&str> = header.split_whitespace().collect();
        match parts[..] {
            [_, kind, size] => {
                let size: usize = size.parse().unwrap_or(0);
                let mut content = vec![0; size + 1];
                reader.read_exact(&mut content).map_err(GitError::Run)?;
                content.truncate(size);
                // Not a blob (the path named a tree): its bytes are skipped.
                blobs.push(
                    (kind == "blob")
                        .then(|| String::from_utf8(content).ok())
                        .flatten(),
                );
            }
            _ => blobs.push(None),
        }
    }
    let _ = writer.join();
    let _ = child.wait();
    Ok(blobs)
}
