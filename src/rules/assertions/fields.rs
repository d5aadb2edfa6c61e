//! One table of a test file read key by key: each value in the type it
//! must have, and a problem, at the value's span, for each that has not —
//! so one reading reports every problem of the file at once.

use crate::rules::dates::{DateError, parse_day};
use crate::span::Span;
use chrono::NaiveDate;
use toml_edit::{Item, Table};

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
    /// A key outside the `[[expect]]`, `[[who]]` and `[[list]]` tables.
    NotExpect {
        key: String,
    },
    /// A table written as something other than an array of tables.
    NotTables {
        table: &'static str,
    },
    UnknownKey {
        table: &'static str,
        key: String,
    },
    NotAString {
        key: &'static str,
    },
    NotAList {
        key: &'static str,
    },
    Missing {
        table: &'static str,
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

pub(super) fn span_of(
    first: Option<std::ops::Range<usize>>,
    second: Option<std::ops::Range<usize>>,
) -> Span {
    first.or(second).unwrap_or(0..0).into()
}

/// One table's values, read with the problems they have.
pub(super) struct Fields<'t> {
    pub(super) name: &'static str,
    table: &'t Table,
    pub(super) problems: Vec<Problem>,
}

impl<'t> Fields<'t> {
    pub(super) fn new(name: &'static str, table: &'t Table, keys: &[&str]) -> Self {
        let mut problems = Vec::new();
        for (key, item) in table.iter() {
            if !keys.contains(&key) {
                problems.push(Problem {
                    span: span_of(table.key(key).and_then(|k| k.span()), item.span()),
                    kind: ProblemKind::UnknownKey {
                        table: name,
                        key: key.to_string(),
                    },
                });
            }
        }
        Fields {
            name,
            table,
            problems,
        }
    }

    pub(super) fn value_span(&self, key: &str) -> Span {
        span_of(self.table.get(key).and_then(Item::span), None)
    }

    pub(super) fn problem(&mut self, span: Span, kind: ProblemKind) {
        self.problems.push(Problem { span, kind });
    }

    fn missing(&mut self, key: &'static str) {
        let span = self.table.span().unwrap_or(0..0).into();
        let table = self.name;
        self.problem(span, ProblemKind::Missing { table, key });
    }

    pub(super) fn text(&mut self, key: &'static str) -> Option<String> {
        let item = self.table.get(key)?;
        match item.as_str() {
            Some(value) => Some(value.to_string()),
            None => {
                let span = self.value_span(key);
                self.problem(span, ProblemKind::NotAString { key });
                None
            }
        }
    }

    pub(super) fn required(&mut self, key: &'static str) -> Option<String> {
        if self.table.get(key).is_none() {
            self.missing(key);
            return None;
        }
        self.text(key)
    }

    /// A required list of strings.
    pub(super) fn strings(&mut self, key: &'static str) -> Option<Vec<String>> {
        let Some(item) = self.table.get(key) else {
            self.missing(key);
            return None;
        };
        let list: Option<Vec<String>> = item
            .as_array()
            .and_then(|a| a.iter().map(|v| v.as_str().map(str::to_string)).collect());
        if list.is_none() {
            let span = self.value_span(key);
            self.problem(span, ProblemKind::NotAList { key });
        }
        list
    }

    /// `at`, if written: a TOML local date or a string of exactly
    /// YYYY-MM-DD; a date-time is refused like `--at 2026-12-31T00:00`.
    pub(super) fn at(&mut self) -> Option<NaiveDate> {
        let item = self.table.get("at")?;
        let date = match (item.as_datetime(), item.as_str()) {
            (Some(d), _) if d.time.is_none() && d.offset.is_none() => d
                .date
                .and_then(|d| {
                    NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                })
                .ok_or(None),
            // The same words as --at: "no such day" for 2026-02-30.
            (None, Some(text)) => parse_day(text).map_err(Some),
            _ => Err(None),
        };
        match date {
            Ok(date) => Some(date),
            Err(reason) => {
                let span = self.value_span("at");
                self.problem(span, ProblemKind::BadDate { reason });
                None
            }
        }
    }
}
