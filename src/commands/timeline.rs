//! The practice file's git history, judged version by version: read from
//! the store's git reader, each valid version checked and compared with the
//! last valid one as `diff` does. `history` lists it; `review --stale` and
//! `--since` fold it. Shared by those commands, as `mutate` is by changes.

use crate::exit::Failure;
use crate::model::Practice;
use crate::rules::diff::{AccessChange, PracticeDiff, compare};
use crate::rules::{self, history};
use crate::store::git::{self, Blob, Commit, GitError};
use std::collections::BTreeMap;
use std::path::Path;

/// One version of the file in its history, judged.
pub(super) enum Judged<'d> {
    /// The file was deleted or does not validate at this commit: why.
    Skipped(String),
    /// What changed from the last valid version (from an empty practice
    /// at the first).
    Changed(&'d PracticeDiff),
}

/// What a walk of the history leaves behind.
pub(super) struct Walked {
    /// The last valid version.
    pub last: Option<Practice>,
    /// The commit the history begins at, when it added the file on top of
    /// earlier history: a move and a rewrite in one commit is beyond git's
    /// rename detection, so access before it may be counted from there.
    pub begins_with_add: Option<(String, chrono::NaiveDate)>,
}

impl Walked {
    /// The note to print when the history may have been cut short.
    pub fn note(&self, path: &Path) -> Option<String> {
        let (hash, date) = self.begins_with_add.as_ref()?;
        Some(format!(
            "note: the history of {} begins at {} ({date}), which added it; if it was moved there and rewritten in the same commit, git cannot follow it further back",
            crate::output::escape::path(path),
            hash.get(..10).unwrap_or(hash)
        ))
    }
}

/// Walks the practice file's history oldest first (`rev` as git takes it,
/// HEAD by default), handing each commit and its judgement to `visit`.
/// `reader` names the command, for the error when the file is not in git.
pub(super) fn walk(
    path: &Path,
    reader: &'static str,
    rev: Option<&str>,
    mut visit: impl FnMut(&Commit, Judged),
) -> Result<Walked, Failure> {
    let (root, relative) = git::repository(path, reader)?;
    let commits = git::log(&root, &relative, rev)?;
    if commits.is_empty() && rev.is_none() {
        return Err(GitError::NeverCommitted {
            path: path.to_path_buf(),
        }
        .into());
    }
    // The first commit is compared with the file as its parent had it (a
    // range `v1..v2` starts after v1), so it shows what that commit did,
    // not every grant as new; with no parent version, with an empty
    // practice.
    let base = commits.first().and_then(Commit::parent_version);
    let mut objects: Vec<String> = base.iter().cloned().collect();
    objects.extend(commits.iter().map(Commit::version));
    let mut blobs = git::read_blobs(&root, &objects)?.into_iter();
    let mut last: Option<Practice> = None;
    if let Some(name) = base {
        let date = commits.first().map(|c| c.entered).unwrap_or_default();
        match blobs.next() {
            Some(Blob::Text(text)) => {
                let checked = rules::check(text.strip_prefix('\u{feff}').unwrap_or(&text), date);
                last = (!checked.findings.has_errors()).then_some(checked.practice);
            }
            Some(Blob::Other) => {}
            _ => return Err(GitError::MissingObject(name).into()),
        }
    }
    for (commit, blob) in commits.iter().zip(blobs) {
        let text = match (&commit.path, blob) {
            (None, _) => {
                visit(commit, Judged::Skipped("the file was deleted".into()));
                continue;
            }
            (Some(_), Blob::Missing) => {
                return Err(GitError::MissingObject(commit.version()).into());
            }
            (Some(_), Blob::Other) => {
                visit(commit, Judged::Skipped("the file is not UTF-8 text".into()));
                continue;
            }
            (Some(_), Blob::Text(text)) => text,
        };
        let checked = rules::check(
            text.strip_prefix('\u{feff}').unwrap_or(&text),
            commit.entered,
        );
        if checked.findings.has_errors() {
            let errors = checked.findings.errors();
            visit(
                commit,
                Judged::Skipped(format!("the file does not validate ({errors} error(s))")),
            );
        } else {
            let old = last.take().unwrap_or_else(Practice::catalog_only);
            visit(
                commit,
                Judged::Changed(&compare(&old, &checked.practice, commit.entered)),
            );
            last = Some(checked.practice);
        }
    }
    let begins_with_add = commits
        .first()
        .filter(|c| c.before.is_none() && c.has_parent)
        .map(|c| (c.hash.clone(), c.entered));
    Ok(Walked {
        last,
        begins_with_add,
    })
}

/// The timeline's entry for one commit.
pub(super) fn event(
    commit: &Commit,
    changes: BTreeMap<String, AccessChange>,
    skipped: Option<String>,
) -> history::Event {
    history::Event {
        commit: commit.hash.clone(),
        date: commit.date,
        author: commit.author.clone(),
        committer: commit.committer.clone(),
        approved_by: history::approval(&commit.message, commit.merge),
        subject: commit.subject().to_string(),
        path: commit.path.clone().unwrap_or_default(),
        changes,
        skipped,
    }
}
