//! `practice.test.toml` as data: `[[expect]]` (one decision), `[[who]]`
//! (who may use a capability) and `[[list]]` (what a member holds) tables,
//! read with every problem at once, each with the span of the key or table
//! it is about. Deciding them is the parent module; reading one table's
//! values is [`super::fields`].

use super::fields::{Fields, span_of};
pub use super::fields::{Problem, ProblemKind};
use crate::rules::decide::Request;
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

/// One `[[who]]` table: exactly these active members may use the
/// capability (on the client).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct WhoExpectation {
    pub line: usize,
    pub capability: String,
    pub client: Option<String>,
    pub at: Option<NaiveDate>,
    pub members: Vec<String>,
}

/// One `[[list]]` table: the member holds exactly these capabilities (on
/// the client, if given; anywhere else).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ListExpectation {
    pub line: usize,
    pub member: String,
    pub client: Option<String>,
    pub at: Option<NaiveDate>,
    pub capabilities: Vec<String>,
}

/// Everything a test file asserts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Assertions {
    pub checks: Vec<Expectation>,
    pub who: Vec<WhoExpectation>,
    pub lists: Vec<ListExpectation>,
}

impl Assertions {
    pub fn is_empty(&self) -> bool {
        self.checks.is_empty() && self.who.is_empty() && self.lists.is_empty()
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

/// The tables a test file holds, and the keys of each.
pub const TABLES: &[(&str, &[&str])] = &[
    (
        "expect",
        &["member", "capability", "client", "author", "at", "decision"],
    ),
    ("who", &["capability", "client", "at", "members"]),
    ("list", &["member", "client", "at", "capabilities"]),
];

/// Reads the tables of `text`: all of them, or every problem. A file with
/// no tables is no assertions (the caller decides whether that is an
/// error).
pub fn read_expectations(text: &str) -> Result<Assertions, Vec<Problem>> {
    let document = Document::parse(text).map_err(|e| {
        vec![Problem {
            span: e.span().unwrap_or(0..0).into(),
            kind: ProblemKind::Syntax(e.message().trim().to_string()),
        }]
    })?;
    let lines = crate::span::LineIndex::new(text);
    let root = document.as_table();
    let mut problems = stray_keys(root);
    let mut assertions = Assertions::default();
    for &(name, keys) in TABLES {
        let tables = match root.get(name) {
            None => continue,
            Some(Item::ArrayOfTables(tables)) => tables,
            Some(item) => {
                problems.push(Problem {
                    span: span_of(root.key(name).and_then(|k| k.span()), item.span()),
                    kind: ProblemKind::NotTables { table: name },
                });
                continue;
            }
        };
        for table in tables.iter() {
            let line = lines.position(table.span().unwrap_or(0..0).start).line;
            let mut fields = Fields::new(name, table, keys);
            assertions.read(&mut fields, line);
            problems.append(&mut fields.problems);
        }
    }
    match problems.is_empty() {
        true => Ok(assertions),
        false => Err(problems),
    }
}

/// A problem for each key outside the `[[expect]]`, `[[who]]` and
/// `[[list]]` tables.
fn stray_keys(root: &Table) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (key, item) in root.iter() {
        if !TABLES.iter().any(|(table, _)| *table == key) {
            problems.push(Problem {
                span: span_of(root.key(key).and_then(|k| k.span()), item.span()),
                kind: ProblemKind::NotExpect {
                    key: key.to_string(),
                },
            });
        }
    }
    problems
}

impl Assertions {
    /// Reads one table into the list its name says; a table with a problem
    /// is left out, its problems kept in `fields`.
    fn read(&mut self, fields: &mut Fields<'_>, line: usize) {
        match fields.name {
            "expect" => {
                if let Some(check) = expectation(fields, line) {
                    self.checks.push(check);
                }
            }
            "who" => {
                if let Some(who) = who(fields, line) {
                    self.who.push(who);
                }
            }
            _ => {
                if let Some(list) = list(fields, line) {
                    self.lists.push(list);
                }
            }
        }
    }
}

fn expectation(fields: &mut Fields<'_>, line: usize) -> Option<Expectation> {
    let member = fields.required("member");
    let capability = fields.required("capability");
    let client = fields.text("client");
    let author = fields.text("author");
    let decision = match fields.required("decision").as_deref() {
        Some("allow") => Some(Verdict::Allow),
        Some("deny") => Some(Verdict::Deny),
        Some(other) => {
            let span = fields.value_span("decision");
            fields.problem(
                span,
                ProblemKind::BadDecision {
                    value: other.to_string(),
                },
            );
            None
        }
        None => None,
    };
    let at = fields.at();
    Some(Expectation {
        line,
        member: member?,
        capability: capability?,
        client,
        author,
        at,
        decision: decision?,
    })
}

fn who(fields: &mut Fields<'_>, line: usize) -> Option<WhoExpectation> {
    let capability = fields.required("capability");
    let client = fields.text("client");
    let at = fields.at();
    let members = fields.strings("members");
    Some(WhoExpectation {
        line,
        capability: capability?,
        client,
        at,
        members: members?,
    })
}

fn list(fields: &mut Fields<'_>, line: usize) -> Option<ListExpectation> {
    let member = fields.required("member");
    let client = fields.text("client");
    let at = fields.at();
    let capabilities = fields.strings("capabilities");
    Some(ListExpectation {
        line,
        member: member?,
        client,
        at,
        capabilities: capabilities?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::dates::DateError;

    #[test]
    fn reads_expectations_with_dates_and_lines() {
        let parsed = read_expectations(
            "# seed rules\n[[expect]]\nmember = \"bob\"\ncapability = \"clinical.view\"\nclient = \"C-1\"\nat = 2026-12-01\ndecision = \"allow\"\n\n[[who]]\ncapability = \"clinical.view\"\nclient = \"C-1\"\nmembers = [\"bob\"]\n\n[[list]]\nmember = \"bob\"\ncapabilities = []\n",
        );
        let parsed = parsed.unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(parsed.checks.len(), 1);
        assert_eq!(parsed.checks[0].line, 2);
        assert_eq!(parsed.checks[0].at, NaiveDate::from_ymd_opt(2026, 12, 1));
        assert_eq!(parsed.who[0].members, ["bob"]);
        assert_eq!(parsed.who[0].line, 9);
        assert!(parsed.lists[0].capabilities.is_empty());
    }

    #[test]
    fn every_problem_is_reported_at_its_key() {
        let text = "[[expect]]\nmembr = \"bob\"\ncapability = \"x\"\ndecision = \"maybe\"\n\n[[expect]]\nmember = \"b\"\ncapability = 3\ndecision = \"deny\"\nat = \"2026-02-30\"\n\n[[who]]\ncapability = \"x\"\nmembers = \"bob\"\n";
        let problems = read_expectations(text).err().unwrap_or_default();
        let kinds: Vec<&ProblemKind> = problems.iter().map(|p| &p.kind).collect();
        assert_eq!(
            kinds,
            [
                &ProblemKind::UnknownKey {
                    table: "expect",
                    key: "membr".into()
                },
                &ProblemKind::Missing {
                    table: "expect",
                    key: "member"
                },
                &ProblemKind::BadDecision {
                    value: "maybe".into()
                },
                &ProblemKind::NotAString { key: "capability" },
                &ProblemKind::BadDate {
                    reason: Some(DateError::NoSuchDay("2026-02-30".into()))
                },
                &ProblemKind::NotAList { key: "members" },
            ]
        );
        assert_eq!(&text[problems[0].span.range()], "membr");
        assert_eq!(&text[problems[2].span.range()], "\"maybe\"");
    }
}
