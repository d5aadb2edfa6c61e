//! `praxis test`: the practice's own access assertions from
//! `practice.test.toml`, each failure with the explanation of the actual
//! decision; `--format junit` for CI test reports. Reading and deciding are
//! `rules::assertions`, the reports `output::assertions`.

use super::{Context, emit};
use crate::cli::TestArgs;
use crate::exit::{Exit, Failure};
use crate::output::{self, Format, assertions as report};
use crate::rules::assertions::{self, AssertionResult};
use std::path::{Path, PathBuf};

pub fn run(args: TestArgs, context: &Context) -> Result<Exit, Failure> {
    let format = context.format(args.format, "test")?;
    let loaded = context.load()?;
    let tests = match &args.tests {
        Some(tests) => tests.clone(),
        None => beside(&loaded.path)?,
    };
    let bytes = crate::store::read_bytes(&tests)?;
    let contents = super::decode(&tests, bytes)?;
    let name = tests.display().to_string();
    let expectations = assertions::read_expectations(&contents.text)
        .map_err(|problems| Failure::Invalid(report::problems(&name, &contents.text, &problems)))?;
    if expectations.is_empty() {
        // Nothing asserted is not a pass: a CI job would go green on a
        // file whose tables were all deleted.
        return Err(Failure::Usage(format!(
            "{} has no [[expect]] tables, so nothing was tested; add one \
             (member, capability, client, decision)",
            output::escape::path(&tests)
        )));
    }
    let results: Vec<AssertionResult> = expectations
        .into_iter()
        .map(|e| assertions::evaluate(&loaded.practice, e, context.date))
        .collect();
    emit(&match format {
        Format::Json => output::json(&report::report(&name, &results)),
        Format::Junit => report::junit(&name, &results),
        Format::Csv => report::table(&results).to_csv(),
        Format::Markdown => report::table(&results).to_markdown(),
        _ => report::text(&name, &results),
    })?;
    Ok(match assertions::tally(&results) {
        (_, 0) => Exit::Success,
        _ => Exit::TestsFailed,
    })
}

/// `practice.test.toml` beside the practice file; a missing one says how
/// to make it.
fn beside(practice: &Path) -> Result<PathBuf, Failure> {
    if crate::store::is_stdin(practice) {
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
