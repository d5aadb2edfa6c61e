//! `praxis test`'s reports: the failures with their explanations (text),
//! one row per assertion (CSV, markdown), JUnit XML for CI, the JSON
//! document, and the test file's problems, each at its line and column.
//! The text and the table are here with the titles every report shares;
//! the JSON document is [`json`], the XML [`junit`], the file's problems
//! [`problems`].

mod json;
mod junit;
mod problems;

pub use json::{CoverageRecord, ListingRecord, Report, ResultRecord, report};
pub use junit::junit;
pub use problems::problems;

use super::{Table, escape, explain};
use crate::rules::assertions::{
    Answer, AssertionResult, Expectation, ListExpectation, ListingResult, Run, Verdict,
    WhoExpectation,
};
use std::fmt::{self, Display, Formatter};

impl Display for Verdict {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Verdict::Allow => "allow",
            Verdict::Deny => "deny",
            Verdict::Error => "error",
        })
    }
}

/// Why the answer came out as it did, a sentence a line.
pub fn explanation(result: &AssertionResult) -> Vec<String> {
    match &result.answer {
        Answer::Decided(decision) => {
            explain::reasons(&decision.reasons, &result.expectation.request())
        }
        Answer::NoDecision(error) => vec![error.to_string()],
    }
}

fn untested<T>(items: &[(T, bool)]) -> impl Iterator<Item = &T> {
    items.iter().filter(|(_, seen)| !seen).map(|(item, _)| item)
}

/// "bob clinical.view on C-1 (author ann) at 2026-12-01: expect allow".
fn title(e: &Expectation) -> String {
    let mut title = format!("{} {}", e.member, e.capability);
    if let Some(client) = &e.client {
        title.push_str(&format!(" on {client}"));
    }
    if let Some(author) = &e.author {
        title.push_str(&format!(" (author {author})"));
    }
    if let Some(at) = &e.at {
        title.push_str(&format!(" at {at}"));
    }
    format!("{title}: expect {}", e.decision)
}

fn on_at(client: &Option<String>, at: &Option<chrono::NaiveDate>) -> String {
    let mut text = String::new();
    if let Some(client) = client {
        text.push_str(&format!(" on {client}"));
    }
    if let Some(at) = at {
        text.push_str(&format!(" at {at}"));
    }
    text
}

fn who_title(e: &WhoExpectation) -> String {
    format!("who may {}{}", e.capability, on_at(&e.client, &e.at))
}

fn list_title(e: &ListExpectation) -> String {
    format!("what {} holds{}", e.member, on_at(&e.client, &e.at))
}

/// Why a listing assertion failed, a line each.
fn listing_lines<E>(result: &ListingResult<E>, expected: &[String]) -> Vec<String> {
    if let Err(error) = &result.answer {
        return vec![error.to_string()];
    }
    let (missing, unexpected) = result.differences(expected);
    let mut lines = Vec::new();
    if !missing.is_empty() {
        lines.push(format!("expected but not there: {}", missing.join(", ")));
    }
    if !unexpected.is_empty() {
        lines.push(format!("there but not expected: {}", unexpected.join(", ")));
    }
    lines
}

/// Every failure: where, what, why.
fn failures(run: &Run) -> Vec<(usize, String, Vec<String>)> {
    let mut out = Vec::new();
    for result in run.checks.iter().filter(|r| !r.passed()) {
        let e = &result.expectation;
        out.push((
            e.line,
            format!("{}, got {}", title(e), result.actual()),
            explanation(result),
        ));
    }
    for result in run.who.iter().filter(|r| !r.ok()) {
        let e = &result.expectation;
        out.push((e.line, who_title(e), listing_lines(result, &e.members)));
    }
    for result in run.lists.iter().filter(|r| !r.ok()) {
        let e = &result.expectation;
        out.push((
            e.line,
            list_title(e),
            listing_lines(result, &e.capabilities),
        ));
    }
    out.sort_by_key(|(line, _, _)| *line);
    out
}

/// "2/3 roles (not biller)": how many of `items` were seen.
fn covered<T>(items: &[(T, bool)], what: &str, name: impl Fn(&T) -> &str) -> String {
    let seen = items.iter().filter(|(_, s)| *s).count();
    let missing: Vec<&str> = untested(items).map(&name).collect();
    let mut text = format!("{seen}/{} {what}", items.len());
    if !missing.is_empty() {
        let shown = missing
            .iter()
            .take(8)
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        let more = missing.len().saturating_sub(8);
        text.push_str(&format!(" (untested: {shown}"));
        if more > 0 {
            text.push_str(&format!(", and {more} more"));
        }
        text.push(')');
    }
    text
}

/// Each failure with its explanation, then the counts and the coverage.
pub fn text(file: &str, run: &Run) -> String {
    let file = escape::text(file);
    let mut out = String::new();
    for (line, what, why) in failures(run) {
        out.push_str(&format!("FAIL {file}:{line}: {}\n", escape::text(&what)));
        for reason in why {
            out.push_str(&format!("  - {}\n", escape::text(&reason)));
        }
    }
    let (passed, failed) = run.tally();
    out.push_str(&format!("{passed} passed, {failed} failed ({file})\n"));
    let c = &run.coverage;
    out.push_str(&format!(
        "coverage: {}; {}; {}\n",
        covered(&c.roles, "roles", |r| r.as_str()),
        covered(&c.capabilities, "capabilities", |r| r.as_str()),
        covered(&c.scopes, "scopes", |s| s.as_str()),
    ));
    out
}

/// One row per assertion, for CSV and markdown.
pub fn table(run: &Run) -> Table {
    let mut table = Table::new(&[
        "line",
        "kind",
        "member",
        "capability",
        "client",
        "author",
        "at",
        "expected",
        "actual",
        "result",
    ]);
    for result in &run.checks {
        let e = &result.expectation;
        let mut row = question(
            e.line,
            "expect",
            &e.member,
            &e.capability,
            &e.client,
            &e.author,
            e.at,
        );
        row.extend([
            e.decision.to_string(),
            result.actual().to_string(),
            outcome(result.passed()),
        ]);
        table.push(row);
    }
    for result in &run.who {
        let e = &result.expectation;
        let mut row = question(e.line, "who", "", &e.capability, &e.client, &None, e.at);
        row.extend(answers(result, &e.members, result.ok()));
        table.push(row);
    }
    for result in &run.lists {
        let e = &result.expectation;
        let mut row = question(e.line, "list", &e.member, "", &e.client, &None, e.at);
        row.extend(answers(result, &e.capabilities, result.ok()));
        table.push(row);
    }
    table
}

/// The cells that say which question a row asks: line, kind, member,
/// capability, client, author, at (empty where the kind has none).
fn question(
    line: usize,
    kind: &str,
    member: &str,
    capability: &str,
    client: &Option<String>,
    author: &Option<String>,
    at: Option<chrono::NaiveDate>,
) -> Vec<String> {
    vec![
        line.to_string(),
        kind.into(),
        member.into(),
        capability.into(),
        client.clone().unwrap_or_default(),
        author.clone().unwrap_or_default(),
        at.map(|d| d.to_string()).unwrap_or_default(),
    ]
}

/// A listing row's expected names, the names the practice gives ("error"
/// when it gives none), and whether they agree.
fn answers<E>(result: &ListingResult<E>, expected: &[String], passed: bool) -> [String; 3] {
    let actual = result
        .answer
        .as_ref()
        .map(|names| names.join(", "))
        .unwrap_or_else(|_| "error".into());
    [expected.join(", "), actual, outcome(passed)]
}

fn outcome(passed: bool) -> String {
    if passed { "pass" } else { "fail" }.to_string()
}
