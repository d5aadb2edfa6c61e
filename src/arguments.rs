//! Value parsers for command arguments that become free text in the file
//! (SPEC §8): the same rule as validation, `rules::text::check`, applied
//! before anything runs, so a bad `--name` is a usage error (exit 2) that
//! clap reports itself, and nothing of it ever reaches the file.
//!
//! The error names the option and the problem, never the value: a value
//! with control characters echoed back would do to the terminal what the
//! rule keeps out of the file.

use crate::rules::actor::is_github_login;
use crate::rules::text::{self, FreeText};
use clap::error::{Error, ErrorKind};
use std::ffi::OsStr;

/// `value_parser = free_text(FreeText::MemberName)`.
pub fn free_text(field: FreeText) -> FreeTextParser {
    FreeTextParser(field)
}

#[derive(Clone, Copy, Debug)]
pub struct FreeTextParser(FreeText);

fn option_name(arg: Option<&clap::Arg>) -> String {
    arg.and_then(clap::Arg::get_long)
        .map_or_else(|| "the value".to_string(), |long| format!("--{long}"))
}

impl clap::builder::TypedValueParser for FreeTextParser {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<String, Error> {
        let option = option_name(arg);
        let Some(value) = value.to_str() else {
            return Err(Error::raw(
                ErrorKind::InvalidUtf8,
                format!("{option} is not valid UTF-8\n"),
            )
            .with_cmd(cmd));
        };
        match text::check(self.0, value) {
            Ok(()) => Ok(value.to_string()),
            Err(problem) => Err(Error::raw(
                ErrorKind::ValueValidation,
                format!("{option} {problem}: {}\n", problem.fix()),
            )
            .with_cmd(cmd)),
        }
    }
}

/// `value_parser = github_login()`: a GitHub login as the `github` key holds it.
pub fn github_login() -> GithubLoginParser {
    GithubLoginParser
}

#[derive(Clone, Copy, Debug)]
pub struct GithubLoginParser;

impl clap::builder::TypedValueParser for GithubLoginParser {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<String, Error> {
        match value.to_str() {
            Some(login) if is_github_login(login) => Ok(login.to_string()),
            _ => Err(Error::raw(
                ErrorKind::ValueValidation,
                format!(
                    "{} is not a GitHub login: write the login alone, without `@`: 1-39 letters, digits or single hyphens\n",
                    option_name(arg)
                ),
            )
            .with_cmd(cmd)),
        }
    }
}
