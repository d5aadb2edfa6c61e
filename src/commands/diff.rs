//! `praxis diff OLD NEW` and `praxis diff --base REV [PATH]`: what a change
//! does to effective access, for a reviewer; `--as` checks the author may
//! make it, `--fail-on-gain` stops branches that must only remove access.

use super::{Context, emit};
use crate::cli::DiffArgs;
use crate::exit::{Exit, Failure};
use crate::model::Practice;
use crate::output;
use crate::output::Format;
use crate::output::diff::{DiffRecord, markdown, rows, text};
use crate::rules::actor::{self, ActorError};
use crate::rules::authorize::{file_change, unauthorized};
use crate::rules::diff::{FileKind, compare};
use crate::store::{self, Contents, git};
use std::path::{Path, PathBuf};

/// The two versions compared, as `diff` names them to the reader, and what
/// each file was on disk.
struct Versions {
    old: Practice,
    new: Practice,
    label: String,
    old_kind: FileKind,
    new_kind: FileKind,
}

pub fn run(args: DiffArgs, context: &Context) -> Result<Exit, Failure> {
    let format = context.format(args.output.format, "diff")?;
    let Versions {
        old,
        new,
        label,
        old_kind,
        new_kind,
    } = versions(&args, context)?;
    let mut diff = compare(&old, &new, context.date);
    if old_kind != new_kind {
        diff.file_changed = Some((old_kind, new_kind));
    }
    let actor = acting_member(&old, context)?;
    let violations = actor.as_deref().map(|id| {
        let mut violations = unauthorized(&old, &new, id, context.date);
        if diff.file_changed.is_some() {
            violations.extend(file_change(&old, id, context.date));
        }
        violations
    });
    // How the actor is named to a reader: `alice (@alice-m)` for a login.
    let shown = match (&actor, &context.actor) {
        (Some(id), Some(given)) if given.starts_with('@') => Some(format!("{id} ({given})")),
        _ => actor.clone(),
    };
    emit(&match format {
        Format::Json => output::json(&DiffRecord {
            compared: &label,
            date: context.date,
            changed: !diff.is_empty(),
            gains_clinical: diff.gains_clinical(),
            actor: actor.as_deref(),
            unauthorized: violations.as_deref(),
            diff: &diff,
        }),
        Format::Csv => rows(&diff, violations.as_deref()).to_csv(),
        Format::Markdown => markdown(&diff, &label, shown.as_deref(), violations.as_deref()),
        _ => text(&diff, &label, shown.as_deref(), violations.as_deref()),
    })?;
    let refused = violations.as_ref().is_some_and(|v| !v.is_empty());
    let gained = args.fail_on_gain && diff.gains_clinical();
    if gained {
        context.talk("--fail-on-gain: this change gives clinical access, so the exit code is 1");
    }
    Ok(if refused || gained {
        Exit::Unapproved
    } else {
        Exit::Success
    })
}

/// The versions the arguments name: a file at a git revision and as it is
/// now (`--base`), or two files.
fn versions(args: &DiffArgs, context: &Context) -> Result<Versions, Failure> {
    let Some(rev) = &args.base else {
        let (Some(old_path), Some(new_path)) = (&args.old, &args.new) else {
            return Err(Failure::Usage(
                "diff needs OLD and NEW files, or --base GIT_REV".into(),
            ));
        };
        return Ok(Versions {
            old: context.load_path(old_path)?.practice,
            new: context.load_path(new_path)?.practice,
            label: format!("{} → {}", old_path.display(), new_path.display()),
            old_kind: file_kind(old_path),
            new_kind: file_kind(new_path),
        });
    };
    if args.new.is_some() {
        return Err(Failure::Usage(
            "diff --base REV takes at most one PATH".into(),
        ));
    }
    let located = match &args.old {
        Some(path) => store::Located {
            path: path.clone(),
            origin: store::Origin::Named,
        },
        None => context.locate()?,
    };
    let path = located.path.clone();
    let (old, old_kind) = from_git(&path, rev, context)?;
    Ok(Versions {
        old,
        new: context.load_located(&located)?.practice,
        label: format!("{rev}:{} → {}", path.display(), path.display()),
        old_kind,
        new_kind: file_kind(&path),
    })
}

/// The actor is who they are in OLD: a member id, or `@LOGIN` by the
/// `github` key (SPEC §8), the same resolver changes use.
fn acting_member(old: &Practice, context: &Context) -> Result<Option<String>, Failure> {
    let Some(given) = &context.actor else {
        return Ok(None);
    };
    let member = actor::resolve(old, given).map_err(|e| match e {
        ActorError::UnknownMember { .. } => {
            Failure::Usage(format!("unknown actor `{given}` (not a member in OLD)"))
        }
        other => Failure::Usage(format!("{other} in OLD")),
    })?;
    Ok(Some(member.id.value.clone()))
}

/// What the file at `path` is on disk: a link and its target, or a file.
fn file_kind(path: &Path) -> FileKind {
    match std::fs::read_link(path) {
        Ok(target) => FileKind::Symlink(target.to_string_lossy().into_owned()),
        Err(_) => FileKind::Regular,
    }
}

/// The practice at `rev`, read with git, and what the file was there (a
/// link is stored as its target's path); a file that did not exist then is
/// an empty practice, so a first commit shows every grant as gained.
pub(super) fn from_git(
    path: &Path,
    rev: &str,
    context: &Context,
) -> Result<(Practice, FileKind), Failure> {
    if store::is_stdin(path) {
        return Err(Failure::Usage(
            "--base reads the old version from git, which has no standard input; \
             name the file in the repository"
                .into(),
        ));
    }
    from_git_following(path, rev, context, 0)
}

/// Links followed inside one revision before giving up (a loop of links).
const MAX_LINKS: usize = 8;

fn from_git_following(
    path: &Path,
    rev: &str,
    context: &Context,
    links: usize,
) -> Result<(Practice, FileKind), Failure> {
    let rev = git::revision(rev)?;
    if links > MAX_LINKS {
        return Err(Failure::Usage(format!(
            "{rev}:{} is a loop of symbolic links",
            path.display()
        )));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| store::FILE_NAME.to_string());
    let exists = git::run(&dir, &["cat-file", "-e", &format!("{rev}:./{name}")])?;
    if !exists.status.success() {
        return missing_at(rev, &dir, &name, context);
    }
    let entry = git::run(&dir, &["ls-tree", rev, "--", &format!("./{name}")])?;
    let is_link = String::from_utf8_lossy(&entry.stdout).starts_with("120000 ");
    // Read as history reads versions: no further than the size limit.
    let object = format!("{rev}:./{name}");
    let bytes = match git::version(&dir, &object)? {
        git::Blob::Text(text) => text.into_bytes(),
        git::Blob::TooLarge(size) => return Err(git::GitError::TooLarge { object, size }.into()),
        git::Blob::Other => {
            return Err(Failure::Usage(format!(
                "{rev}:{name} is not a file of UTF-8 text"
            )));
        }
        git::Blob::Missing => return Err(git::GitError::MissingObject(object).into()),
    };
    if is_link {
        // The blob is the link's target. Follow it in the same revision so
        // the access comparison is of contents; the kind is compared apart.
        let target = String::from_utf8_lossy(&bytes).into_owned();
        let resolved = dir.join(&target);
        let practice = from_git_following(&resolved, rev, context, links + 1)?.0;
        return Ok((practice, FileKind::Symlink(target)));
    }
    let shown = PathBuf::from(format!("{rev}:{}", path.display()));
    let contents: Contents = super::decode(&shown, bytes)?;
    Ok((
        context.load_text(&shown, contents)?.practice,
        FileKind::Regular,
    ))
}

/// The file `name` is not in `rev`: an empty practice when the revision
/// exists (the file is new), else the error that the revision is unknown.
fn missing_at(
    rev: &str,
    dir: &Path,
    name: &str,
    context: &Context,
) -> Result<(Practice, FileKind), Failure> {
    let rev_ok = git::run(
        dir,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ],
    )?;
    if !rev_ok.status.success() {
        return Err(Failure::Usage(format!(
            "`{rev}` is not a git revision in {} (is it a git repository, and was the revision fetched?)",
            dir.display()
        )));
    }
    if let Some(practice) = renamed_since(&dir.join(name), rev, context)? {
        return Ok((practice, FileKind::Regular));
    }
    context.talk(&format!(
        "note: {name} did not exist at {rev}; comparing against an empty practice"
    ));
    Ok((Practice::catalog_only(), FileKind::Regular))
}

/// The practice at `rev` when the file was there under another name and
/// has been moved since (git's rename detection, as `history` follows
/// it): without this a move would compare against an empty practice, and
/// every revoke since `rev` would be missed (`export --base` would leave
/// revoked tuples in the store). `None` when the file was added after
/// `rev`.
fn renamed_since(path: &Path, rev: &str, context: &Context) -> Result<Option<Practice>, Failure> {
    let (root, relative) = git::repository(path, "--base")?;
    let commits = git::log(&root, &relative, Some(&format!("{rev}..HEAD")))?;
    let Some(earlier) = commits.first().and_then(|c| c.before.clone()) else {
        return Ok(None);
    };
    let name = format!("{rev}:{earlier}");
    let text = match git::version(&root, &name)? {
        git::Blob::Text(text) => text,
        git::Blob::TooLarge(size) => {
            return Err(git::GitError::TooLarge { object: name, size }.into());
        }
        _ => return Err(git::GitError::MissingObject(name).into()),
    };
    context.talk(&format!(
        "note: the file was {earlier} at {rev}; comparing against that"
    ));
    let shown = PathBuf::from(&name);
    let contents: Contents = super::decode(&shown, text.into_bytes())?;
    Ok(Some(context.load_text(&shown, contents)?.practice))
}
