//! `praxis history`: the access timeline from the git history of the
//! practice file. One `git log --follow` lists the commits that touched it
//! (following renames), one `git cat-file --batch` reads every version, and
//! each valid version is compared with the last valid one as `diff` does,
//! so only what changed is decided. A version that does not validate is
//! listed as skipped. `review --stale/--since` walk the same history.

use super::{Context, emit};
use crate::cli::HistoryArgs;
use crate::exit::{Exit, Failure};
use crate::model::Practice;
use crate::output::{self, Format, history as render};
use crate::rules::diff::{AccessChange, PracticeDiff, compare};
use crate::rules::{self, history};
use crate::store::git::{self, Commit};
use std::collections::BTreeMap;
use std::path::Path;

pub fn run(args: HistoryArgs, context: &Context) -> Result<Exit, Failure> {
    let format = context.format(args.output.format, "history")?;
    let path = context.path()?;
    let mut events = Vec::new();
    walk(&path, "history", args.rev.as_deref(), |commit, judged| {
        let in_range = args.since.is_none_or(|since| commit.date >= since)
            && args.until.is_none_or(|until| commit.date <= until);
        if !in_range {
            return;
        }
        let event = match judged {
            Judged::Skipped(why) => event(commit, BTreeMap::new(), Some(why)),
            Judged::Changed(diff) => {
                let changes = history::narrow(diff, args.member.as_deref(), args.client.as_deref());
                if changes.is_empty() {
                    return;
                }
                event(commit, changes, None)
            }
        };
        events.push(event);
    })?;
    emit(&match format {
        Format::Json => output::json(&events),
        Format::Csv => render::table(&events).to_csv(),
        Format::Markdown => render::table(&events).to_markdown(),
        _ => render::text(&events),
    })?;
    Ok(Exit::Success)
}

/// One version of the file in its history, judged.
pub(super) enum Judged<'d> {
    /// The file was deleted or does not validate at this commit: why.
    Skipped(String),
    /// What changed from the last valid version (from an empty practice
    /// at the first).
    Changed(&'d PracticeDiff),
}

/// Walks the practice file's history oldest first (`rev` as git takes it,
/// HEAD by default), handing each commit and its judgement to `visit`;
/// returns the last valid version. `reader` names the command, for the
/// error when the file is not in git.
pub(super) fn walk(
    path: &Path,
    reader: &'static str,
    rev: Option<&str>,
    mut visit: impl FnMut(&Commit, Judged),
) -> Result<Option<Practice>, Failure> {
    let (root, relative) = git::repository(path, reader)?;
    let commits = git::log(&root, &relative, rev)?;
    // The first commit is compared with the file as its parent had it (a
    // range `v1..v2` starts after v1), so it shows what that commit did,
    // not every grant as new; with no parent version, with an empty
    // practice.
    let mut objects: Vec<String> = commits
        .first()
        .and_then(Commit::parent_version)
        .into_iter()
        .collect();
    let has_base = !objects.is_empty();
    objects.extend(commits.iter().map(Commit::version));
    let mut blobs = git::read_blobs(&root, &objects)?.into_iter();
    let mut last: Option<Practice> = None;
    if has_base {
        let text = blobs.next().flatten().unwrap_or_default();
        let date = commits.first().map(|c| c.date).unwrap_or_default();
        let checked = rules::check(text.strip_prefix('\u{feff}').unwrap_or(&text), date);
        if !text.is_empty() && !checked.findings.has_errors() {
            last = Some(checked.practice);
        }
    }
    for (commit, blob) in commits.iter().zip(blobs) {
        let text = blob.unwrap_or_default();
        let checked = rules::check(text.strip_prefix('\u{feff}').unwrap_or(&text), commit.date);
        if commit.path.is_none() {
            visit(commit, Judged::Skipped("the file was deleted".into()));
        } else if checked.findings.has_errors() {
            let errors = checked.findings.errors();
            visit(
                commit,
                Judged::Skipped(format!("the file does not validate ({errors} error(s))")),
            );
        } else {
            let old = last.take().unwrap_or_else(Practice::catalog_only);
            visit(
                commit,
                Judged::Changed(&compare(&old, &checked.practice, commit.date)),
            );
            last = Some(checked.practice);
        }
    }
    Ok(last)
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
        approved_by: history::approval(&commit.message),
        subject: commit.subject().to_string(),
        path: commit.path.clone().unwrap_or_default(),
        changes,
        skipped,
    }
}
