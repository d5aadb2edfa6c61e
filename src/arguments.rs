//! The command line's words before clap reads them: an argument (or
//! `$PRAXIS_ACTOR`, `$PRAXIS_FILE`) holding a control or bidirectional
//! character is refused up front (exit 2), so no such character from an
//! argument reaches any output, clap's own messages included.
//!
//! No argument needs one: ids are `[A-Za-z0-9._-]`, free text may not hold
//! them (SPEC §8 Free text), and a date or capability never does. A path
//! with a newline in its name is refused too; rename it or use a symlink.

use crate::exit::Failure;
use crate::output::escape;
use std::ffi::OsString;

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
mod tests {
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
