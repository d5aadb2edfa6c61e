//! `praxis test`: the practice's own access assertions from
//! `practice.test.toml`, each failure with the explanation of the actual
//! decision; `--format junit` for CI test reports. Reading and deciding are
//! `rules::assertions`, the reports `output::assertions`.
//!
//! The assertions file is read as the practice file is (SPEC §9.1): a
//! regular file, opened without blocking, checked on the handle read, no
//! larger than the limit; found beside a discovered practice file it must
//! be the user's own (or root's), as that file must.

use super::{Context, emit};
use crate::cli::TestArgs;
use crate::exit::{Exit, Failure};
use crate::output::{self, Format, assertions as report};
use crate::rules::assertions;
use crate::store::{self, Origin};
use std::path::{Path, PathBuf};

pub fn run(args: TestArgs, context: &Context) -> Result<Exit, Failure> {
    let format = context.format(args.format, "test")?;
    let located = context.locate()?;
    let loaded = context.load_located(&located)?;
    let (tests, origin) = match &args.tests {
        Some(tests) => (tests.clone(), Origin::Named),
        None => (beside(&loaded.path)?, located.origin),
    };
    // `--update` rewrites the file: lock it before reading, so the bytes
    // updated are the bytes read, and no other writer comes between.
    let _lock = if args.update && !store::is_stdin(&tests) {
        Some(context.lock(&store::write_target(&tests))?)
    } else {
        None
    };
    let contents = super::read_contents(&tests, origin)?;
    let name = tests.display().to_string();
    let assertions = assertions::read_expectations(&contents.text)
        .map_err(|problems| Failure::Invalid(report::problems(&name, &contents.text, &problems)))?;
    if assertions.is_empty() {
        // Nothing asserted is not a pass: a CI job would go green on a
        // file whose tables were all deleted.
        return Err(Failure::Usage(format!(
            "{} has no [[expect]], [[who]] or [[list]] tables, so nothing was tested; add one \
             (member, capability, client, decision)",
            output::escape::path(&tests)
        )));
    }
    let run = assertions::run(&loaded.practice, assertions, context.date);
    if args.update {
        return update(&tests, &contents, &run, context);
    }
    emit(&match format {
        Format::Json => output::json(&report::report(&name, &run)),
        Format::Junit => report::junit(&name, &run),
        Format::Csv => report::table(&run).to_csv(),
        Format::Markdown => report::table(&run).to_markdown(),
        _ => report::text(&name, &run),
    })?;
    Ok(match run.tally() {
        (_, 0) => Exit::Success,
        _ => Exit::TestsFailed,
    })
}

/// `--update`: every expectation set to today's answer, written atomically
/// (a reviewer reads the change in the pull request's diff).
fn update(
    tests: &Path,
    contents: &store::Contents,
    run: &assertions::Run,
    context: &Context,
) -> Result<Exit, Failure> {
    if store::is_stdin(tests) {
        return Err(Failure::Usage(
            "--update rewrites the assertions file; name it instead of reading it from -".into(),
        ));
    }
    let (text, changed) = assertions::updated(&contents.text, run).ok_or_else(|| {
        Failure::Invalid(format!("{}: cannot be edited", output::escape::path(tests)))
    })?;
    if changed > 0 {
        let bytes = contents.encode(&text);
        store::write_atomic(
            &store::write_target(tests),
            bytes.as_bytes(),
            Some(contents),
        )?;
    }
    let (passed, failed) = run.tally();
    if !context.quiet {
        emit(&format!(
            "updated {changed} of {} assertion(s) in {}\n",
            passed + failed,
            output::escape::path(tests)
        ))?;
    }
    Ok(Exit::Success)
}

/// `practice.test.toml` beside the practice file; a missing one says how
/// to make it.
fn beside(practice: &Path) -> Result<PathBuf, Failure> {
    if store::is_stdin(practice) {
        return Err(Failure::Usage(
            "with -f - there is no directory to find practice.test.toml in: \
             name the assertions (`praxis -f - test FILE`)"
                .into(),
        ));
    }
    let tests = practice.with_file_name("practice.test.toml");
    match tests.try_exists() {
        Ok(false) => Err(Failure::Usage(format!(
            "no {} beside the practice file: create it with [[expect]] tables \
             (member, capability, client, decision), or name a file: `praxis test FILE`",
            output::escape::path(&tests)
        ))),
        _ => Ok(tests),
    }
}
