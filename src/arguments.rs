//! Command arguments before and as clap reads them (SPEC §8 Free text):
//! an argument (or `$PRAXIS_ACTOR`, `$PRAXIS_FILE`) holding a control or
//! bidirectional character is refused up front (exit 2), so no such
//! character from an argument reaches any output; and value parsers apply
//! the file's free-text rule, `rules::text::check`, to arguments that
//! become free text in the file, so a bad `--name` is a usage error that
//! clap reports itself and nothing of it ever reaches the file.
//!
//! The errors name the option and the problem; a value is shown only
//! escaped.

use crate::exit::Failure;
use crate::output::escape;
use crate::rules::actor::is_github_login;
use crate::rules::text::{self, FreeText};
use clap::error::{Error, ErrorKind};
use std::ffi::OsStr;
use std::ffi::OsString;

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

/// The first argument or variable with a control or bidi character, as a
/// usage failure that shows it escaped.
pub fn hostile() -> Option<Failure> {
    let variables = ["PRAXIS_ACTOR", "PRAXIS_FILE"]
        .into_iter()
        .filter_map(|name| std::env::var_os(name).map(|value| (format!("${name}"), value)));
    let arguments = std::env::args_os()
        .skip(1)
        .enumerate()
        .map(|(i, value)| (format!("argument {}", i + 1), value));
    arguments
        .chain(variables)
        .find_map(|(what, value)| refusal(&what, &value))
}

fn refusal(what: &str, value: &OsString) -> Option<Failure> {
    let text = value.to_string_lossy();
    text.chars().any(escape::is_hostile).then(|| {
        Failure::Usage(format!(
            "{what} holds a control or bidirectional character: `{}`; \
             no id, name, reason or path praxis takes may hold one",
            escape::text(&text)
        ))
    })
}

#[cfg(test)]
mod hostile_tests {
    use super::*;

    #[test]
    fn refusals_show_the_argument_escaped() {
        let refused = refusal("argument 2", &OsString::from("bob\n::error::x\u{1b}[2J"));
        let message = refused.map(|f| f.to_string()).unwrap_or_default();
        assert!(
            message.contains("`bob\\u{a}::error::x\\u{1b}[2J`"),
            "{message}"
        );
        assert!(!message.contains('\n') && !message.contains('\u{1b}'));
        assert!(refusal("argument 1", &OsString::from("Dr. Ünal 📅")).is_none());
    }
}
