//! The practice file's git history, judged version by version: read from
//! the store's git reader, each valid version checked and compared with the
//! last valid one as `diff` does. `history` lists it; `review --stale` and
//! `--since` fold it. Shared by those commands, as `mutate` is by changes.

use crate::exit::Failure;
use crate::model::Practice;
use crate::rules::diff::AccessChange;
use crate::rules::diff::{PracticeDiff, TemporaryAdded, compare};
use crate::rules::{self, history};
use crate::store::git::{self, Blob, Commit, GitError};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::path::Path;

/// One version of the file in its history, judged.
pub(super) enum Judged<'d> {
    /// The file was deleted, is over the size limit or does not validate
    /// at this commit: why.
    Skipped(String),
    /// What changed from the last valid version (from an empty practice
    /// at the first).
    Changed(&'d PracticeDiff),
}

/// One step of the timeline, oldest first.
pub(super) enum Step<'d> {
    /// A commit that touched the file, judged.
    Commit(&'d Commit, Judged<'d>),
    /// Temporary access that ended on `day` (the day after its last day):
    /// no commit, only the file's own dates.
    Ended {
        day: NaiveDate,
        /// The file's path in the version that held the entries.
        path: &'d str,
        diff: &'d PracticeDiff,
        ended: &'d [TemporaryAdded],
    },
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

/// The last valid version and the day from which it held, with how far
/// its temporary entries' endings have been handed out.
struct InForce {
    practice: Practice,
    path: String,
    ended_through: NaiveDate,
}

impl InForce {
    /// Hands out the endings of temporary access up to `through`.
    fn end_through(&mut self, through: NaiveDate, visit: &mut impl FnMut(Step)) {
        if through <= self.ended_through {
            return;
        }
        for (day, diff, ended) in history::endings(&self.practice, self.ended_through, through) {
            visit(Step::Ended {
                day,
                path: &self.path,
                diff: &diff,
                ended: &ended,
            });
        }
        self.ended_through = through;
    }
}

/// A version's text, or why it is skipped; `Err` for a version git
/// should have and does not.
fn text_of(blob: Blob, object: impl FnOnce() -> String) -> Result<Result<String, String>, Failure> {
    Ok(match blob {
        Blob::Text(text) => Ok(text),
        Blob::Other => Err("the file is not UTF-8 text".into()),
        Blob::TooLarge(size) => Err(format!(
            "the file is over the size limit ({size} bytes; praxis reads up to {} bytes)",
            crate::store::MAX_BYTES
        )),
        Blob::Missing => return Err(GitError::MissingObject(object()).into()),
    })
}

/// The practice in `text`, when it validates as of `date`.
fn valid(text: &str, date: NaiveDate) -> Result<Practice, usize> {
    let checked = rules::check(text.strip_prefix('\u{feff}').unwrap_or(text), date);
    match checked.findings.has_errors() {
        true => Err(checked.findings.errors()),
        false => Ok(checked.practice),
    }
}

/// Walks the practice file's history oldest first (`rev` as git takes it,
/// HEAD by default), handing each step to `visit`: each commit with its
/// judgement, and temporary access ending (up to `today`) between them.
/// Versions are read one at a time; at most the last valid practice and
/// the version in hand are held. `reader` names the command, for the error
/// when the file is not in git.
pub(super) fn walk(
    path: &Path,
    reader: &'static str,
    rev: Option<&str>,
    today: NaiveDate,
    mut visit: impl FnMut(Step),
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
    let mut versions = git::versions(&root, &objects)?;
    let mut last: Option<InForce> = None;
    if let (Some(name), Some(first)) = (base, commits.first()) {
        let blob = versions
            .next_version()?
            .ok_or_else(|| GitError::MissingObject(name.clone()))?;
        // A parent version that cannot be judged leaves no valid one.
        if let Ok(text) = text_of(blob, || name.clone())? {
            last = valid(&text, first.entered).ok().map(|practice| InForce {
                practice,
                path: first.before.clone().unwrap_or_default(),
                ended_through: first.entered,
            });
        }
    }
    for commit in &commits {
        let blob = versions
            .next_version()?
            .ok_or_else(|| GitError::MissingObject(commit.version()))?;
        if let Some(last) = &mut last {
            last.end_through(commit.entered.min(today), &mut visit);
        }
        if commit.path.is_none() {
            visit(Step::Commit(
                commit,
                Judged::Skipped("the file was deleted".into()),
            ));
            continue;
        }
        let text = match text_of(blob, || commit.version())? {
            Ok(text) => text,
            Err(why) => {
                visit(Step::Commit(commit, Judged::Skipped(why)));
                continue;
            }
        };
        match valid(&text, commit.entered) {
            Err(errors) => visit(Step::Commit(
                commit,
                Judged::Skipped(format!("the file does not validate ({errors} error(s))")),
            )),
            Ok(practice) => {
                drop(text);
                let old = last.take().map(|l| l.practice);
                let old = old.unwrap_or_else(Practice::catalog_only);
                visit(Step::Commit(
                    commit,
                    Judged::Changed(&compare(&old, &practice, commit.entered)),
                ));
                last = Some(InForce {
                    practice,
                    path: commit.path.clone().unwrap_or_default(),
                    ended_through: commit.entered,
                });
            }
        }
    }
    if let Some(last) = &mut last {
        last.end_through(today, &mut visit);
    }
    let begins_with_add = commits
        .first()
        .filter(|c| c.before.is_none() && c.has_parent)
        .map(|c| (c.hash.clone(), c.entered));
    Ok(Walked {
        last: last.map(|l| l.practice),
        begins_with_add,
    })
}

/// The timeline's entry for one commit.
pub(super) fn event(
    commit: &Commit,
    (changes, temporary): (BTreeMap<String, AccessChange>, Vec<TemporaryAdded>),
    skipped: Option<String>,
) -> history::Event {
    history::Event {
        kind: history::EventKind::Commit,
        commit: Some(commit.hash.clone()),
        date: commit.date,
        backdated: commit.backdated_from.is_some(),
        parent_date: commit.backdated_from,
        author: Some(commit.author.clone()),
        committer: Some(commit.committer.clone()),
        approved_by: history::approval(&commit.message, commit.merge),
        subject: commit.subject().to_string(),
        path: commit.path.clone().unwrap_or_default(),
        changes,
        temporary,
        skipped,
    }
}

/// The timeline's entry for temporary access that ended on `day`.
pub(super) fn ended(
    day: NaiveDate,
    path: &str,
    (changes, temporary): (BTreeMap<String, AccessChange>, Vec<TemporaryAdded>),
) -> history::Event {
    history::Event {
        kind: history::EventKind::TemporaryEnded,
        commit: None,
        date: day,
        backdated: false,
        parent_date: None,
        author: None,
        committer: None,
        approved_by: None,
        subject: "temporary access ended".into(),
        path: path.to_string(),
        changes,
        temporary,
        skipped: None,
    }
}

/// The timeline entry for one step, narrowed; `None` when nothing of it
/// is in the narrowing (a skipped commit is always shown: it may hide
/// anything).
pub(super) fn entry(step: &Step, narrow: &history::Narrow) -> Option<history::Event> {
    match step {
        Step::Commit(commit, Judged::Skipped(why)) => {
            Some(event(commit, Default::default(), Some(why.clone())))
        }
        Step::Commit(commit, Judged::Changed(diff)) => {
            let narrowed = narrow.apply(diff, &diff.temporary_added);
            let shown = !narrowed.0.is_empty() || !narrowed.1.is_empty();
            shown.then(|| event(commit, narrowed, None))
        }
        Step::Ended {
            day,
            path,
            diff,
            ended: entries,
        } => {
            let narrowed = narrow.apply(diff, entries);
            let shown = !narrowed.0.is_empty() || !narrowed.1.is_empty();
            shown.then(|| ended(*day, path, narrowed))
        }
    }
}

/// The day a step is counted on for `--since`/`--until`: when a commit
/// entered the branch at the earliest, or the day access ended.
pub(super) fn day(step: &Step) -> NaiveDate {
    match step {
        Step::Commit(commit, _) => commit.entered,
        Step::Ended { day, .. } => *day,
    }
}
