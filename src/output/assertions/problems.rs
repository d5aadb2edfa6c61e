//! The test file's own problems — not TOML, an unknown key, a missing or
//! mistyped value — as `FILE:LINE:COL: message`, said before any assertion
//! is run.

use crate::output::escape;
use crate::rules::assertions::{Problem, ProblemKind, TABLES};
use crate::span::LineIndex;
use crate::suggest;
use std::fmt::{self, Display, Formatter};

impl Display for ProblemKind {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            ProblemKind::Syntax(message) => write!(f, "TOML syntax error: {message}"),
            ProblemKind::NotExpect { key } => write!(
                f,
                "unknown key `{key}`; the file holds [[expect]], [[who]] and [[list]] tables{}",
                suggest::trailing(key, TABLES.iter().map(|(t, _)| *t))
            ),
            ProblemKind::NotTables { table } => {
                write!(f, "`{table}` must be written as [[{table}]] tables")
            }
            ProblemKind::UnknownKey { table, key } => {
                let keys = TABLES
                    .iter()
                    .find(|(t, _)| t == table)
                    .map_or(&[][..], |(_, k)| *k);
                write!(
                    f,
                    "unknown key `{key}` in [[{table}]]{}",
                    suggest::trailing(key, keys.iter().copied())
                )
            }
            ProblemKind::NotAString { key } => write!(f, "`{key}` must be a string"),
            ProblemKind::NotAList { key } => write!(f, "`{key}` must be a list of strings"),
            ProblemKind::Missing { table, key } => write!(f, "[[{table}]] has no `{key}`"),
            ProblemKind::BadDecision { value } => {
                write!(f, "decision must be \"allow\" or \"deny\", not \"{value}\"")
            }
            ProblemKind::BadDate {
                reason: Some(reason),
            } => write!(f, "`at`: {reason}"),
            ProblemKind::BadDate { reason: None } => {
                write!(f, "`at` must be a date, exactly YYYY-MM-DD")
            }
        }
    }
}

/// Every problem of the test file as `FILE:LINE:COL: message`, a line each.
pub fn problems(file: &str, text: &str, problems: &[Problem]) -> String {
    let lines = LineIndex::new(text);
    problems
        .iter()
        .map(|problem| {
            let at = lines.position(problem.span.start);
            format!(
                "{}:{}:{}: {}",
                escape::text(file),
                at.line,
                at.column,
                escape::text(&problem.kind.to_string())
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_name_line_and_column() {
        let text = "[[expect]]\nmembr = \"bob\"\n";
        let found = crate::rules::assertions::read_expectations(text)
            .err()
            .unwrap_or_default();
        let shown = problems("t.toml", text, &found);
        assert!(
            shown.starts_with(
                "t.toml:2:1: unknown key `membr` in [[expect]] (did you mean `member`?)"
            ),
            "{shown}"
        );
        assert!(
            shown.contains("t.toml:1:1: [[expect]] has no `member`"),
            "{shown}"
        );
    }
}
