//! Reading the practice file's git history: the commits that touched it
//! (following renames) and every version's text. `history` and `review
//! --stale/--since` walk it; `diff --base` asks git for one version. This
//! is the store's other reader, so the `git` process is started here only.

use crate::rules::dates::parse_day;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod blobs;
pub use blobs::{Blob, Versions, version, versions};

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
    #[error(
        "this is a shallow clone: its history starts part way, so every access would look new there\n  fetch the whole history first (`git fetch --unshallow`; in GitHub Actions, `fetch-depth: 0`)"
    )]
    Shallow,
    #[error(
        "{} has no commits in its repository: the history reads what was committed\n  commit it first (`git add {} && git commit`)",
        .path.display(), .path.display()
    )]
    NeverCommitted { path: PathBuf },
    #[error(
        "git cannot read `{0}`: the repository is missing that object\n  run `git fsck`, or fetch the history again"
    )]
    MissingObject(String),
    #[error(
        "{object} is {size} bytes, over the size limit: praxis reads practice files up to {} bytes, from git as from disk",
        crate::store::MAX_BYTES
    )]
    TooLarge { object: String, size: u64 },
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
    /// The earliest day it can have entered the branch: the latest
    /// committer date on the first-parent line up to it (its own, or an
    /// earlier commit's when it or one before it is backdated).
    pub entered: NaiveDate,
    /// Its first parent's committer day, when its own committer time is
    /// earlier than the parent's: a backdated commit.
    pub backdated_from: Option<NaiveDate>,
    /// A merge (more than one parent): its change is against the first.
    pub merge: bool,
    /// Whether it has a parent at all (the root commit has none).
    pub has_parent: bool,
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

/// Marks the start of a commit in `git log -z` output; the fields after
/// it are read by position, so no byte in a message can fake one.
const COMMIT: char = '\u{1}';

/// The commits that changed the file along the first-parent line (what
/// entered the branch; a merge is compared with its first parent), oldest
/// first, following renames. `rev` as git takes it, HEAD by default. A
/// shallow clone is refused: its history starts at a commit whose parent
/// is missing, so every grant would look new there.
pub fn log(root: &Path, relative: &str, rev: Option<&str>) -> Result<Vec<Commit>, GitError> {
    if output(root, &["rev-parse", "--is-shallow-repository"])?.trim() == "true" {
        return Err(GitError::Shallow);
    }
    if rev.is_none()
        && !run(root, &["rev-parse", "--verify", "--quiet", "HEAD"])?
            .status
            .success()
    {
        return Ok(Vec::new());
    }
    let mut args = vec![
        "log",
        "--first-parent",
        "--follow",
        "-z",
        "--name-status",
        "--format=%x01%H%x00%P%x00%an <%ae>%x00%cn <%ce>%x00%cs%x00%B%x00",
    ];
    if let Some(rev) = rev {
        args.extend(["--end-of-options", revision(rev)?]);
    }
    args.extend(["--", relative]);
    let text = output(root, &args)?;
    let mut commits = parse_log(&text)?;
    commits.reverse();
    date_on_the_line(root, rev, &mut commits)?;
    Ok(commits)
}

/// Sets each commit's `entered` day and backdating from the dates of the
/// whole first-parent line (every commit, not only those that touched the
/// file: a backdated commit is one earlier than its parent, whatever the
/// parent changed). Git records no push time, so the line's order is the
/// only fact: a commit cannot have entered before any commit beneath it,
/// and a date earlier than its parent's is a claim the order disproves.
fn date_on_the_line(
    root: &Path,
    rev: Option<&str>,
    commits: &mut [Commit],
) -> Result<(), GitError> {
    let wanted: std::collections::HashMap<&str, usize> = commits
        .iter()
        .enumerate()
        .map(|(i, c)| (c.hash.as_str(), i))
        .collect();
    let mut args = vec![
        "log",
        "--first-parent",
        "--boundary",
        "--reverse",
        "--format=%H %ct %cs",
    ];
    if let Some(rev) = rev {
        args.extend(["--end-of-options", revision(rev)?]);
    }
    let mut found = vec![None; commits.len()];
    let mut latest: Option<(i64, NaiveDate)> = None;
    let mut parent: Option<(i64, NaiveDate)> = None;
    // One short line per commit on the line, read as it comes.
    lines(root, &args, |line| {
        let mut fields = line.split(' ');
        let (Some(hash), Some(time), Some(day)) = (fields.next(), fields.next(), fields.next())
        else {
            return Err(GitError::Date(line.to_string()));
        };
        let time: i64 = time.parse().map_err(|_| GitError::Date(line.to_string()))?;
        let day = parse_day(day).map_err(|_| GitError::Date(line.to_string()))?;
        let own = (time, day);
        latest = Some(latest.map_or(own, |l| l.max(own)));
        if let (Some(&i), Some(latest)) = (wanted.get(hash), latest) {
            let backdated = parent.filter(|p| p.0 > time).map(|p| p.1);
            found[i] = Some((latest.1, backdated));
        }
        parent = Some(own);
        Ok(())
    })?;
    for (commit, found) in commits.iter_mut().zip(found) {
        // A commit `--follow` found off the line (it should not be) counts
        // from its own date and the commits before it.
        let (entered, backdated) = found.unwrap_or((commit.date, None));
        commit.entered = entered;
        commit.backdated_from = backdated;
    }
    let mut entered = NaiveDate::MIN;
    for commit in commits.iter_mut() {
        entered = entered.max(commit.entered);
        commit.entered = entered;
    }
    Ok(())
}

/// Runs git and hands each line of its output to `each`, never holding
/// more than one line.
fn lines(
    dir: &Path,
    args: &[&str],
    mut each: impl FnMut(&str) -> Result<(), GitError>,
) -> Result<(), GitError> {
    use std::io::BufRead;
    let mut child = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(GitError::Run)?;
    let stdout = child.stdout.take();
    let mut result = Ok(());
    if let Some(stdout) = stdout {
        for line in std::io::BufReader::new(stdout).lines() {
            match line.map_err(GitError::Run).and_then(|l| each(&l)) {
                Ok(()) => {}
                Err(error) => {
                    result = Err(error);
                    let _ = child.kill();
                    break;
                }
            }
        }
    }
    let output = child.wait_with_output().map_err(GitError::Run)?;
    result?;
    if !output.status.success() {
        return Err(GitError::Failed {
            command: args.first().copied().unwrap_or_default().to_string(),
            message: String::from_utf8_lossy(&output.stderr).trim().to_string(),
        });
    }
    Ok(())
}

/// Reads `git log -z` output made with the format above, newest first:
/// NUL-separated fields (no message or name can hold a NUL), paths
/// verbatim (never quoted).
fn parse_log(text: &str) -> Result<Vec<Commit>, GitError> {
    let malformed = || GitError::Failed {
        command: "log".into(),
        message: "printed a record praxis cannot read".into(),
    };
    let bare = |token: &str| token.trim_start_matches('\n').to_string();
    let mut tokens = text.split('\0').peekable();
    let mut commits = Vec::new();
    while let Some(token) = tokens.next() {
        let token = bare(token);
        if token.is_empty() {
            continue;
        }
        let hash = token
            .strip_prefix(COMMIT)
            .ok_or_else(malformed)?
            .to_string();
        let mut field = || tokens.next().ok_or_else(malformed);
        let (parents, author, committer, date, message) =
            (field()?, field()?, field()?, field()?, field()?);
        let date = parse_day(date).map_err(|_| GitError::Date(date.to_string()))?;
        // Then, unless the next commit starts: a status (`M`, `A`, `D`,
        // `T`, `R100`, `C75`) and its one or two paths.
        while tokens.next_if(|t| bare(t).is_empty()).is_some() {}
        let mut path = None;
        let mut before = None;
        if let Some(status) = tokens.next_if(|t| !bare(t).starts_with(COMMIT)) {
            let first = tokens.next().ok_or_else(malformed)?.to_string();
            match bare(status).chars().next() {
                Some('R' | 'C') => {
                    path = Some(tokens.next().ok_or_else(malformed)?.to_string());
                    before = Some(first);
                }
                Some('M' | 'T') => {
                    path = Some(first.clone());
                    before = Some(first);
                }
                Some('D') => before = Some(first),
                Some('A') => path = Some(first),
                _ => return Err(malformed()),
            }
        }
        commits.push(Commit {
            hash,
            merge: parents.split_whitespace().count() > 1,
            has_parent: !parents.trim().is_empty(),
            author: author.to_string(),
            committer: committer.to_string(),
            date,
            entered: date,
            backdated_from: None,
            message: message.trim().to_string(),
            path,
            before,
        });
    }
    Ok(commits)
}
