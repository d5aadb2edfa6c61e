//! Command arguments before and as clap reads them (SPEC §8 Free text,
//! §9.1): an argument, or a `PRAXIS_*` environment variable, holding a
//! character of the one forbidden table (`rules::text::FORBIDDEN`: control,
//! line or paragraph separator, bidirectional control) is refused up front
//! (exit 2), so no such character from an argument reaches any output; and value parsers apply
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

/// The first argument, or variable of praxis's own (`PRAXIS_*`), that
/// holds a forbidden character, as a usage failure that shows it escaped.
pub fn hostile() -> Option<Failure> {
    first_forbidden(std::env::args_os().skip(1), std::env::vars_os())
}

/// [`hostile`] on given arguments (without the program name) and
/// environment. Every variable whose name starts with `PRAXIS_` is checked,
/// read by praxis today or not, so a variable added later is covered.
fn first_forbidden(
    arguments: impl Iterator<Item = OsString>,
    variables: impl Iterator<Item = (OsString, OsString)>,
) -> Option<Failure> {
    let arguments = arguments
        .enumerate()
        .map(|(i, value)| (format!("argument {}", i + 1), value));
    let mut variables: Vec<(String, OsString)> = variables
        .filter_map(|(name, value)| {
            let name = name.to_str()?.to_string();
            name.starts_with("PRAXIS_")
                .then(|| (format!("${name}"), value))
        })
        .collect();
    // The environment has no order; the message should not depend on it.
    variables.sort();
    arguments
        .chain(variables)
        .find_map(|(what, value)| refusal(&what, &value))
}

fn refusal(what: &str, value: &OsString) -> Option<Failure> {
    let text = value.to_string_lossy();
    let (c, kind) = text
        .chars()
        .find_map(|c| text::forbidden(c).map(|kind| (c, kind)))?;
    Some(Failure::Usage(format!(
        "{what} holds {} ({}): `{}`; \
         no id, name, reason or path praxis takes may hold a control, separator or bidirectional character",
        kind.words(),
        text::CodePoint(c),
        escape::text(&text)
    )))
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

    fn refused(arguments: &[&str], variables: &[(&str, &str)]) -> Option<String> {
        first_forbidden(
            arguments.iter().map(OsString::from),
            variables
                .iter()
                .map(|(name, value)| (OsString::from(name), OsString::from(value))),
        )
        .map(|failure| failure.to_string())
    }

    #[test]
    fn every_character_of_the_table_is_refused_in_arguments_and_variables() {
        for c in text::forbidden_characters() {
            let value = format!("bob{c}");
            let shown = format!("U+{:04X}", u32::from(c));
            let argument = refused(&["member", "show", &value], &[]).unwrap_or_default();
            assert!(
                argument.starts_with("argument 3 holds"),
                "{c:?}: {argument}"
            );
            assert!(
                argument.contains(&shown) && !argument.contains(c),
                "{argument}"
            );
            for name in [
                "PRAXIS_ACTOR",
                "PRAXIS_FILE",
                "PRAXIS_LOCK_TIMEOUT",
                "PRAXIS_ANYTHING",
            ] {
                let variable = refused(&["validate"], &[(name, &value)]).unwrap_or_default();
                assert!(
                    variable.starts_with(&format!("${name} holds")),
                    "{c:?}: {variable}"
                );
                assert!(!variable.contains(c), "{variable}");
            }
        }
    }

    #[test]
    fn only_praxis_variables_are_refused() {
        assert_eq!(refused(&["validate"], &[("LS_COLORS", "\u{1b}[0m")]), None);
        assert_eq!(refused(&["validate"], &[("PRAXIS_ACTOR", "alice")]), None);
        // The first argument is named before any variable.
        let both = refused(&["x\u{2029}"], &[("PRAXIS_FILE", "\u{202e}")]).unwrap_or_default();
        assert!(
            both.starts_with("argument 1 holds a line or paragraph separator (U+2029)"),
            "{both}"
        );
    }
}
