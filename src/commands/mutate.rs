//! The one path every change takes: lock, read, validate, check the actor,
//! edit, validate the result as a whole, then write atomically — or, with
//! `--dry-run`, print the diff. A refused change never touches the file.

use super::{Context, Loaded};
use crate::changes::cut::Reach;
use crate::changes::{self, Actor, Applied, Change, ChangeError, Outcome, Refusal};
use crate::exit::{Exit, Failure};
use crate::output::{self, diagnostics};
use crate::store;
use std::path::Path;
use toml_edit::DocumentMut;

pub fn apply(
    context: &Context,
    dry_run: bool,
    reach: Reach<'_>,
    change: impl Fn(&Actor<'_>, &mut DocumentMut) -> Result<Outcome, ChangeError>,
) -> Result<Exit, Failure> {
    let date = context.change_date()?;
    let located = context.locate()?;
    let path = located.path.clone();
    let target = store::write_target(&path);
    let _lock = if dry_run {
        None
    } else {
        Some(lock_and_clean_up(context, &target)?)
    };
    // Read once, under the lock, from the handle whose owner and type
    // were checked: the bytes changed and written back are these.
    let loaded = context.load_located(&located)?;
    let actor = Actor::resolve(&loaded.practice, context.actor.as_deref(), date)?;
    let applied = match changes::apply(
        &loaded.contents.text,
        &loaded.findings,
        &actor,
        date,
        reach,
        change,
    ) {
        Ok(Change::Applied(applied)) => applied,
        Ok(Change::NoChange(why)) => {
            super::emit(&format!(
                "no change: {}\n",
                output::escape::text(&why.to_string())
            ))?;
            return Ok(Exit::Success);
        }
        Err(refusal) => return Err(refused(refusal, &path)),
    };
    if dry_run {
        let name = path.display().to_string();
        let diff =
            output::changes::unified_diff(&loaded.contents.text, &applied.text, &name, &name);
        super::emit(&diff)?;
        return Ok(Exit::Success);
    }
    write(context, &target, &loaded, &applied)?;
    // The file is written: a summary that cannot be printed is still exit
    // 2 (the answer did not arrive), and says the change was made.
    report(context, &applied).map_err(|failure| match failure {
        Failure::Output(error) => Failure::Output(std::io::Error::new(
            error.kind(),
            format!("{error} (the change to {} was written)", path.display()),
        )),
        other => other,
    })?;
    Ok(Exit::Success)
}

/// Takes the lock for writing `target`, then, whatever this change comes
/// to, cleans up after a writer killed mid-write: only the lock holder
/// writes temporary files.
fn lock_and_clean_up(context: &Context, target: &Path) -> Result<store::Lock, Failure> {
    let lock = context.lock(target)?;
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    store::remove_stale_temporaries(dir, target);
    Ok(lock)
}

/// Why a change was refused, as the failure the command exits with.
fn refused(refusal: Refusal, path: &Path) -> Failure {
    match refusal {
        Refusal::Change(error) => error.into(),
        Refusal::Unparsable => Failure::Invalid(format!(
            "{}: cannot parse for editing",
            output::escape::path(path)
        )),
        mismatch @ Refusal::Mismatch { .. } => Failure::Invalid(format!(
            "{}: {}",
            output::escape::path(path),
            output::escape::text(&mismatch.to_string())
        )),
        Refusal::Invalid { text, errors } => {
            let rendered = diagnostics::render_text(
                &format!("{} (after the change)", path.display()),
                &text,
                &errors,
                output::stderr_color(),
            );
            Failure::Refused(format!(
                "the change would leave {} invalid, so nothing was written:\n{rendered}",
                output::escape::path(path)
            ))
        }
    }
}

/// Writes the changed text, after the byte-order mark the file had: the
/// bytes the change validated, nothing re-encoded on the way. Their check
/// is kept in the cache under those bytes, so the next question about the
/// file does not parse it again.
fn write(
    context: &Context,
    target: &Path,
    loaded: &Loaded,
    applied: &Applied,
) -> Result<(), Failure> {
    let [bom, _] = loaded.contents.original_parts();
    let mut bytes = Vec::with_capacity(bom.len() + applied.text.len());
    bytes.extend_from_slice(bom);
    bytes.extend_from_slice(applied.text.as_bytes());
    store::write_atomic(target, &bytes, Some(&loaded.contents))?;
    if let Some(cache) = &context.cache
        && let Some(payload) = crate::rules::kept::encode(&applied.checked)
    {
        cache.save(cache.key(&bytes), &payload);
    }
    Ok(())
}

/// The summary line, then what changed in access for each affected member;
/// on stderr, the change's own warnings and the findings it brought
/// (accepted, but worth saying: an expiring grant, an idle supervisor).
fn report(context: &Context, applied: &Applied) -> Result<(), Failure> {
    let mut text = format!(
        "{}\n",
        output::escape::text(&applied.summary.did.to_string())
    );
    for line in applied
        .access
        .iter()
        .flat_map(output::changes::access_lines)
    {
        text.push_str(&format!("  {}\n", output::escape::text(&line)));
    }
    if !context.quiet {
        super::emit(&text)?;
    }
    for warning in &applied.summary.warnings {
        context.talk(&format!(
            "warning: {}",
            output::escape::text(&warning.to_string())
        ));
    }
    for finding in &applied.new_warnings {
        context.talk(&format!(
            "warning[{}]: {}",
            finding.code.as_str(),
            output::escape::text(&finding.message)
        ));
    }
    Ok(())
}
