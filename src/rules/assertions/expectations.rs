//! `practice.test.toml` as data: the `[[expect]]` tables of `praxis test`,
//! read with every problem at once, each with the span of the key or table
//! it is about. Deciding them is the parent module.

use crate::rules::dates::{DateError, parse_day};
use crate::rules::decide::Request;
use crate::span::Span;
use chrono::NaiveDate;
use serde::Serialize;
use toml_edit::{Document, Item, Table};

/// One `[[expect]]` table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Expectation {
    /// The line of its `[[expect]]` header.
    pub line: usize,
    pub member: String,
    pub capability: String,
    pub client: Option<String>,
    pub author: Option<String>,
    pub at: Option<NaiveDate>,
    pub decision: Verdict,
}

impl Expectation {
    /// The question it asks.
    pub fn request(&self) -> Request<'_> {
        Request {
            member: &self.member,
            capability: &self.capability,
            client: self.client.as_deref(),
            author: self.author.as_deref(),
        }
    }
}

/// What an assertion expects, and what a decision was.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Allow,
    Deny,
    /// The question has no decision (an unknown name, a wrong client…).
    Error,
}

/// The keys of an `[[expect]]` table.
pub const KEYS: &[&str] = &["member", "capability", "client", "author", "at", "decision"];

/// Something wrong in the test file, where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub span: Span,
    pub kind: ProblemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// Not TOML at all; the parser's words.
    Syntax(String),
    /// A key outside the `[[expect]]` tables.
    NotExpect {
        key: String,
    },
    /// `expect` written as something other than `[[expect]]` tables.
    NotTables,
    UnknownKey {
        key: String,
    },
    NotAString {
        key: &'static str,
    },
    Missing {
        key: &'static str,
    },
    BadDecision {
        value: String,
    },
    /// `at` is not a date; with the date parser's reason for a string.
    BadDate {
        reason: Option<DateError>,
    },
}

/// Reads the `[[expect]]` tables of `text`: all of them, or every problem.
/// A file with no tables is no expectations (the caller decides whether
/// that is an error).
pub fn read_expectations(text: &str) -> Result<Vec<Expectation>, Vec<Problem>> {
    let document = Document::parse(text).map_err(|e| {
        vec![Problem {
            span: e.span().unwrap_or(0..0).into(),
            kind: ProblemKind::Syntax(e.message().trim().to_string()),
        }]
    })?;
    let lines = crate::span::LineIndex::new(text);
    let root = document.as_table();
    let mut problems = Vec::new();
    for (key, item) in root.iter() {
        if key != "expect" {
            problems.push(Problem {
                span: span_of(root.key(key).and_then(|k| k.span()), item.span()),
                kind: ProblemKind::NotExpect {
                    key: key.to_string(),
                },
            });
        }
    }
    let mut expectations = Vec::new();
    match root.get("expect") {
        None => {}
        Some(Item::ArrayOfTables(tables)) => {
            for table in tables.iter() {
                let at = table.span().unwrap_or(0..0);
                match expectation(table, lines.position(at.start).line) {
                    Ok(expectation) => expectations.push(expectation),
                    Err(mut found) => problems.append(&mut found),
                }
            }
        }
        Some(item) => problems.push(Problem {
            span: span_of(root.key("expect").and_then(|k| k.span()), item.span()),
            kind: ProblemKind::NotTables,
        }),
    }
    match problems.is_empty() {
        true => Ok(expectations),
        false => Err(problems),
    }
}

fn span_of(first: Option<std::ops::Range<usize>>, second: Option<std::ops::Range<usize>>) -> Span {
    first.or(second).unwrap_or(0..0).into()
}

fn expectation(table: &Table, line: usize) -> Result<Expectation, Vec<Problem>> {
    let header = table.span().unwrap_or(0..0);
    let mut problems = Vec::new();
    for (key, item) in table.iter() {
        if !KEYS.contains(&key) {
            problems.push(Problem {
                span: span_of(table.key(key).and_then(|k| k.span()), item.span()),
                kind: ProblemKind::UnknownKey {
                    key: key.to_string(),
                },
            });
        }
    }
    let value_span = |key: &str| span_of(table.get(key).and_then(Item::span), None);
    let mut text = |key: &'static str, required: bool| -> Option<String> {
        match table.get(key) {
            None if required => {
                problems.push(Problem {
                    span: header.clone().into(),
                    kind: ProblemKind::Missing { key },
                });
                None
            }
            None => None,
            Some(item) => match item.as_str() {
                Some(value) => Some(value.to_string()),
                None => {
                    problems.push(Problem {
                        span: value_span(key),
                        kind: ProblemKind::NotAString { key },
                    });
                    None
                }
            },
        }
    };
    let member = text("member", true);
    let capability = text("capability", true);
    let client = text("client", false);
    let author = text("author", false);
    let decision = text("decision", true);
    let decision = match decision.as_deref() {
        Some("allow") => Some(Verdict::Allow),
        Some("deny") => Some(Verdict::Deny),
        Some(other) => {
            problems.push(Problem {
                span: value_span("decision"),
                kind: ProblemKind::BadDecision {
                    value: other.to_string(),
                },
            });
            None
        }
        None => None,
    };
    let at = match table.get("at") {
        None => None,
        Some(item) => match date(item) {
            Ok(date) => Some(date),
            Err(reason) => {
                problems.push(Problem {
                    span: value_span("at"),
                    kind: ProblemKind::BadDate { reason },
                });
                None
            }
        },
    };
    match (member, capability, decision) {
        (Some(member), Some(capability), Some(decision)) if problems.is_empty() => {
            Ok(Expectation {
                line,
                member,
                capability,
                client,
                author,
                at,
                decision,
            })
        }
        _ => Err(problems),
    }
}

/// A TOML local date, or a string of exactly YYYY-MM-DD; a date-time is
/// refused like `--at 2026-12-31T00:00`.
fn date(item: &Item) -> Result<NaiveDate, Option<DateError>> {
    match (item.as_datetime(), item.as_str()) {
        (Some(d), _) if d.time.is_none() && d.offset.is_none() => d
            .date
            .and_then(|d| {
                NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
            })
            .ok_or(None),
        // The same words as --at: "no such day" for 2026-02-30.
        (None, Some(text)) => parse_day(text).map_err(Some),
        _ => Err(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_expectations_with_dates_and_lines() {
        let parsed = read_expectations(
            "# seed rules\n[[expect]]\nmember = \"bob\"\ncapability = \"clinical.view\"\nclient = \"C-1\"\nat = 2026-12-01\ndecision = \"allow\"\n",
        );
        let parsed = parsed.unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(parsed.len(), 1);
        assert_eq!(parsed[0].line, 2);
        assert_eq!(parsed[0].at, NaiveDate::from_ymd_opt(2026, 12, 1));
    }

    #[test]
    fn every_problem_is_reported_at_its_key() {
        let text = "[[expect]]\nmembr = \"bob\"\ncapability = \"x\"\ndecision = \"maybe\"\n\n[[expect]]\nmember = \"b\"\ncapability = 3\ndecision = \"deny\"\nat = \"2026-02-30\"\n";
        let problems = read_expectations(text).err().unwrap_or_default();
        let kinds: Vec<&ProblemKind> = problems.iter().map(|p| &p.kind).collect();
        assert_eq!(
            kinds,
            [
                &ProblemKind::UnknownKey {
                    key: "membr".into()
                },
                &ProblemKind::Missing { key: "member" },
                &ProblemKind::BadDecision {
                    value: "maybe".into()
                },
                &ProblemKind::NotAString { key: "capability" },
                &ProblemKind::BadDate {
                    reason: Some(DateError::NoSuchDay("2026-02-30".into()))
                },
            ]
        );
        assert_eq!(&text[problems[0].span.range()], "membr");
        assert_eq!(&text[problems[2].span.range()], "\"maybe\"");
    }
}
