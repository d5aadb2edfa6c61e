//! `praxis history`: the access timeline from the git history of the
//! practice file. One `git log --follow` lists the commits that touched it
//! (following renames), one `git cat-file --batch` reads every version, and
//! each valid version is compared with the last valid one as `diff` does,
//! so only what changed is decided. A version that does not validate is
//! listed as skipped.

use super::{Context, emit};
use crate::cli::HistoryArgs;
use crate::exit::{Exit, Failure};
use crate::model::Practice;
use crate::output::{self, Format, history as render};
use crate::rules::{self, diff::compare, history};
use chrono::NaiveDate;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// One commit from `git log`.
struct Commit {
    hash: String,
    author: String,
    committer: String,
    date: NaiveDate,
    message: String,
    /// The file's path at this commit, from the repository's root; `None`
    /// when the commit deleted it.
    path: Option<String>,
}

pub fn run(args: HistoryArgs, context: &Context) -> Result<Exit, Failure> {
    let format = context.format(args.output.format, "history")?;
    let path = context.path()?;
    let (root, relative) = repository(&path)?;
    let mut commits = log(&root, &relative, args.rev.as_deref())?;
    commits.reverse();
    let blobs = read_blobs(&root, &commits)?;
    let mut events = Vec::new();
    let mut last: Option<Practice> = None;
    for (commit, blob) in commits.iter().zip(blobs) {
        let text = blob.unwrap_or_default();
        let checked = rules::check(text.strip_prefix('\u{feff}').unwrap_or(&text), commit.date);
        let mut event = history::Event {
            commit: commit.hash.clone(),
            date: commit.date,
            author: commit.author.clone(),
            committer: commit.committer.clone(),
            approved_by: history::approval(&commit.message),
            subject: commit
                .message
                .lines()
                .next()
                .unwrap_or_default()
                .to_string(),
            path: commit.path.clone().unwrap_or_default(),
            changes: Default::default(),
            skipped: None,
        };
        if commit.path.is_none() || checked.findings.has_errors() {
            event.skipped = Some(match commit.path {
                None => "the file was deleted".to_string(),
                Some(_) => format!(
                    "the file does not validate ({} error(s))",
                    checked.findings.errors()
                ),
            });
        } else {
            let old = last.take().unwrap_or_else(Practice::catalog_only);
            let diff = compare(&old, &checked.practice, commit.date);
            event.changes = history::narrow(&diff, args.member.as_deref(), args.client.as_deref());
            last = Some(checked.practice);
        }
        let in_range = args.since.is_none_or(|since| commit.date >= since)
            && args.until.is_none_or(|until| commit.date <= until);
        if in_range && (event.skipped.is_some() || !event.changes.is_empty()) {
            events.push(event);
        }
    }
    emit(&match format {
        Format::Json => output::json(&events),
        Format::Csv => render::table(&events).to_csv(),
        Format::Markdown => render::table(&events).to_markdown(),
        _ => render::text(&events),
    })?;
    Ok(Exit::Success)
}

fn git(root: &Path, args: &[&str]) -> Result<String, Failure> {
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .output()
        .map_err(|e| Failure::Usage(format!("cannot run git: {e}")))?;
    if !output.status.success() {
        return Err(Failure::Usage(format!(
            "git {}: {}",
            args.first().copied().unwrap_or_default(),
            String::from_utf8_lossy(&output.stderr).trim()
        )));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// The repository's root and the file's path from it.
fn repository(path: &Path) -> Result<(PathBuf, String), Failure> {
    let absolute = std::fs::canonicalize(path)
        .map_err(|e| Failure::Usage(format!("{}: {e}", output::escape::path(path))))?;
    let dir = absolute.parent().unwrap_or(Path::new("/"));
    let root = git(dir, &["rev-parse", "--show-toplevel"]).map_err(|_| {
        Failure::Usage(format!(
            "{} is not in a git repository: history reads the file's git history",
            output::escape::path(path)
        ))
    })?;
    let root = PathBuf::from(root.trim());
    let relative = absolute
        .strip_prefix(std::fs::canonicalize(&root).unwrap_or(root.clone()))
        .map(|p| p.to_string_lossy().into_owned())
        .map_err(|_| Failure::Usage("the practice file is outside its repository".into()))?;
    Ok((root, relative))
}

const RECORD: char = '\u{1e}';
const FIELD: char = '\u{1f}';

/// The commits that touched the file, newest first, following renames.
fn log(root: &Path, relative: &str, rev: Option<&str>) -> Result<Vec<Commit>, Failure> {
    let mut args = vec![
        "log",
        "--follow",
        "--format=%x1e%H%x1f%an <%ae>%x1f%cn <%ce>%x1f%cs%x1f%B%x1f",
        "--name-status",
    ];
    if let Some(rev) = rev {
        args.push(rev);
    }
    args.extend(["--", relative]);
    let text = git(root, &args)?;
    let mut commits = Vec::new();
    for record in text.split(RECORD).filter(|r| !r.trim().is_empty()) {
        let fields: Vec<&str> = record.split(FIELD).collect();
        let [hash, author, committer, date, message, status] = fields[..] else {
            continue;
        };
        let date = crate::rules::dates::parse_day(date.trim())
            .map_err(|e| Failure::Usage(format!("git log gave a date praxis cannot read: {e}")))?;
        // `M\tpath`, `A\tpath`, `R100\told\tnew`, `D\tpath`.
        let change = status
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or_default();
        let deleted = change.starts_with('D');
        let path = change.split('\t').next_back().map(str::to_string);
        commits.push(Commit {
            hash: hash.trim().to_string(),
            author: author.to_string(),
            committer: committer.to_string(),
            date,
            message: message.trim().to_string(),
            path: path.filter(|p| !p.is_empty() && !deleted),
        });
    }
    Ok(commits)
}

/// Every version's text through one `git cat-file --batch`: not one
/// process per commit.
fn read_blobs(root: &Path, commits: &[Commit]) -> Result<Vec<Option<String>>, Failure> {
    let mut child = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| Failure::Usage(format!("cannot run git: {e}")))?;
    let requests: String = commits
        .iter()
        .map(|c| match &c.path {
            Some(path) => format!("{}:{path}\n", c.hash),
            // Asked anyway, so the answers stay in step with the commits.
            None => format!("{}:\n", c.hash),
        })
        .collect();
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| Failure::Usage("cannot write to git cat-file".into()))?;
    let writer = std::thread::spawn(move || stdin.write_all(requests.as_bytes()));
    let stdout = child
        .stdout
        .take()
        .ok_or_else(|| Failure::Usage("cannot read git cat-file".into()))?;
    let mut reader = BufReader::new(stdout);
    let mut blobs = Vec::with_capacity(commits.len());
    for _ in commits {
        let mut header = String::new();
        reader
            .read_line(&mut header)
            .map_err(|e| Failure::Usage(format!("git cat-file: {e}")))?;
        let parts: Vec<&str> = header.split_whitespace().collect();
        match parts[..] {
            [_, "blob", size] => {
                let size: usize = size.parse().unwrap_or(0);
                let mut content = vec![0; size + 1];
                reader
                    .read_exact(&mut content)
                    .map_err(|e| Failure::Usage(format!("git cat-file: {e}")))?;
                content.truncate(size);
                blobs.push(String::from_utf8(content).ok());
            }
            [_, _, size] => {
                // Not a blob (the path named a tree): skip its bytes.
                let size: usize = size.parse().unwrap_or(0);
                let mut skip = vec![0; size + 1];
                let _ = reader.read_exact(&mut skip);
                blobs.push(None);
            }
            _ => blobs.push(None),
        }
    }
    let _ = writer.join();
    let _ = child.wait();
    Ok(blobs)
}
