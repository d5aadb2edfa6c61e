//! `praxis init`: a new practice file with its owner as administrator.
//! Never overwrites: an existing file is refused (exit 1).

use super::Context;
use crate::changes;
use crate::cli::InitArgs;
use crate::exit::{Exit, Failure};
use crate::output;
use crate::output::diagnostics;
use crate::rules;
use crate::store::{self, FILE_NAME};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

pub fn run(args: InitArgs, context: &Context) -> Result<Exit, Failure> {
    let path = new_file(context)?;
    let text = changes::init_text(
        &args.name,
        &args.owner,
        &args.owner_name,
        args.owner_email.as_deref(),
    );
    let date = context.change_date()?;
    refuse_invalid(&path, &text, date)?;
    if args.dry_run.dry_run {
        let name = path.display().to_string();
        super::emit(&output::changes::unified_diff(
            "",
            &text,
            "/dev/null",
            &name,
        ))?;
        return Ok(Exit::Success);
    }
    refuse_existing(&path)?;
    let _lock = context.lock(&path)?;
    refuse_existing(&path)?;
    store::write_atomic(&path, text.as_bytes(), None)?;
    if !context.quiet {
        super::emit(&format!(
            "created {} for {} with {} as owner and administrator\n",
            crate::output::escape::text(&path.display().to_string()),
            crate::output::escape::text(&args.name),
            crate::output::escape::text(&args.owner)
        ))?;
        super::emit(&output::changes::after_init(&args.owner))?;
    }
    Ok(Exit::Success)
}

/// Where the new file goes; standard input is refused.
fn new_file(context: &Context) -> Result<PathBuf, Failure> {
    // `init` creates the file here (or at -f / $PRAXIS_FILE); it never
    // looks upwards, which would find a parent practice's file.
    let path = context
        .file
        .clone()
        .unwrap_or_else(|| PathBuf::from(FILE_NAME));
    if store::is_stdin(&path) {
        return Err(Failure::Usage(
            "init writes a new file; -f - (standard input) is only for reading".into(),
        ));
    }
    Ok(path)
}

/// The new file must pass validation like any other change.
fn refuse_invalid(path: &Path, text: &str, date: NaiveDate) -> Result<(), Failure> {
    let checked = rules::check(text, date);
    if checked.findings.has_errors() {
        let rendered =
            diagnostics::render_text(&path.display().to_string(), text, &checked.findings, false);
        // Rendered findings are escaped; `Refused` reaches stderr as it is.
        return Err(Failure::Refused(format!(
            "the new file would be invalid:\n{rendered}"
        )));
    }
    Ok(())
}

/// Refused when anything is at `path`, a dangling symlink included. Asked
/// before taking the lock and again once it is held.
fn refuse_existing(path: &Path) -> Result<(), Failure> {
    if path.exists() || path.symlink_metadata().is_ok() {
        return Err(Failure::Refused(crate::output::escape::lines(
            &store::StoreError::Exists {
                path: path.to_path_buf(),
            }
            .to_string(),
        )));
    }
    Ok(())
}
