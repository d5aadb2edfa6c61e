//! `praxis export --to openfga|cedar|rego`: writes the practice's OpenFGA
//! model and tuples, Cedar schema, policies and entities, or Rego policy
//! and data (`--out DIR`), prints the tuple changes from an older version
//! (`--diff OLD`, `--base REV`), or checks that a directory still holds what
//! the file compiles to (`--check DIR`).

use super::{Context, emit};
use crate::cli::{ExportArgs, ExportTarget};
use crate::exit::{Exit, Failure};
use crate::export::{self, ExportFile};
use crate::output;
use crate::store;
use crate::store::exported::{self, Found};
use std::path::Path;

pub fn run(args: ExportArgs, context: &Context) -> Result<Exit, Failure> {
    let loaded = context.load()?;
    let files = match args.to {
        ExportTarget::Openfga => export::openfga(&loaded.practice)?,
        ExportTarget::Cedar => export::cedar(&loaded.practice),
        ExportTarget::Rego => export::rego(&loaded.practice),
    };
    if args.to != ExportTarget::Openfga && (args.diff.is_some() || args.base.is_some()) {
        return Err(Failure::Usage(
            "--diff and --base print OpenFGA's tuple writes and deletes; Cedar and Rego \
             load the whole exported data again (export --out)"
                .into(),
        ));
    }
    if let Some(old) = &args.diff {
        let old = context.load_path(old)?.practice;
        emit(&output::json(&export::openfga_changes(
            &old,
            &loaded.practice,
        )?))?;
        return Ok(Exit::Success);
    }
    if let Some(rev) = &args.base {
        let (old, _) = super::diff::from_git(&loaded.path, rev, context)?;
        emit(&output::json(&export::openfga_changes(
            &old,
            &loaded.practice,
        )?))?;
        return Ok(Exit::Success);
    }
    if let Some(dir) = &args.check {
        return check(dir, &files, args.to, context);
    }
    let Some(dir) = &args.out else {
        return Err(Failure::Usage(
            "name where to write the export: --out DIR (or --check DIR, --diff OLD, --base REV)"
                .into(),
        ));
    };
    std::fs::create_dir_all(dir).map_err(|source| store::StoreError::Write {
        path: dir.clone(),
        source,
    })?;
    for file in &files {
        store::exported::check_writable(&dir.join(file.name))?;
    }
    for file in &files {
        store::exported::write_export(&dir.join(file.name), file.text.as_bytes())?;
    }
    let names: Vec<String> = files
        .iter()
        .map(|f| output::escape::path(&dir.join(f.name)))
        .collect();
    context.talk(&format!("wrote {}", names.join(", ")));
    Ok(Exit::Success)
}

/// Exit 0 when `dir` holds exactly what the file compiles to; else 1 and
/// the files that differ (edited by hand, or the practice changed since).
fn check(
    dir: &Path,
    files: &[ExportFile],
    to: ExportTarget,
    context: &Context,
) -> Result<Exit, Failure> {
    let mut stale: Vec<String> = files
        .iter()
        .filter_map(|file| {
            let path = dir.join(file.name);
            let why = match exported::compare(&path, file.text.as_bytes()) {
                Found::Same => return None,
                Found::Different => "changed",
                Found::Missing => "missing",
                Found::NotAFile => "not a regular file",
            };
            Some(format!("{} ({why})", output::escape::path(&path)))
        })
        .collect();
    // Anything else there is not the export's: an engine that loads the
    // whole directory (OPA, a Cedar policy store) would load it too.
    if let Ok(entries) = std::fs::read_dir(dir) {
        let mut extra: Vec<String> = entries
            .flatten()
            .map(|e| e.file_name())
            .filter(|name| !files.iter().any(|f| std::ffi::OsStr::new(f.name) == name))
            .map(|name| {
                format!(
                    "{} (not part of the export)",
                    output::escape::path(&dir.join(name))
                )
            })
            .collect();
        extra.sort();
        stale.extend(extra);
    }
    if stale.is_empty() {
        context.talk(&format!(
            "{} is what the practice compiles to",
            output::escape::path(dir)
        ));
        return Ok(Exit::Success);
    }
    context.talk(&format!(
        "not what the practice compiles to: {}; regenerate with `praxis export --to {} --out {}`",
        stale.join(", "),
        match to {
            ExportTarget::Openfga => "openfga",
            ExportTarget::Cedar => "cedar",
            ExportTarget::Rego => "rego",
        },
        output::escape::path(dir)
    ));
    Ok(Exit::Stale)
}
