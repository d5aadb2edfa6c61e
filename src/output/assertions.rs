//! `praxis test`'s reports: the failures with their explanations (text),
//! one row per assertion (CSV, markdown), JUnit XML for CI, the JSON
//! document, and the test file's problems, each at its line and column.

use super::{Table, escape, explain};
use crate::rules::assertions::{
    Answer, AssertionResult, Expectation, ListExpectation, ListingResult, Problem, ProblemKind,
    Run, TABLES, Verdict, WhoExpectation,
};
use crate::span::LineIndex;
use crate::suggest;
use serde::Serialize;
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

/// The JSON document: the file, the counts, every assertion, coverage.
#[derive(Serialize, schemars::JsonSchema)]
pub struct Report<'a> {
    pub file: &'a str,
    pub passed: usize,
    pub failed: usize,
    /// The `[[expect]]` assertions.
    pub results: Vec<ResultRecord<'a>>,
    /// The `[[who]]` assertions.
    pub who: Vec<ListingRecord<'a, WhoExpectation>>,
    /// The `[[list]]` assertions.
    pub lists: Vec<ListingRecord<'a, ListExpectation>>,
    pub coverage: CoverageRecord<'a>,
}

/// One assertion in the JSON document, keys in this order.
#[derive(Serialize, schemars::JsonSchema)]
pub struct ResultRecord<'a> {
    #[serde(flatten)]
    pub expectation: &'a Expectation,
    pub actual: Verdict,
    pub passed: bool,
    pub explanation: Vec<String>,
}

/// A `[[who]]` or `[[list]]` assertion: what it expected, what the
/// practice gives (`null` with `error` when the question has no answer).
#[derive(Serialize, schemars::JsonSchema)]
pub struct ListingRecord<'a, E> {
    #[serde(flatten)]
    pub expectation: &'a E,
    pub actual: Option<&'a [String]>,
    pub passed: bool,
    pub missing: Vec<String>,
    pub unexpected: Vec<String>,
    pub error: Option<String>,
}

/// What the assertions leave untested.
#[derive(Serialize, schemars::JsonSchema)]
pub struct CoverageRecord<'a> {
    /// Roles an active member holds that no allow in the assertions came through.
    pub roles_untested: Vec<&'a str>,
    /// Capabilities no assertion asks about.
    pub capabilities_untested: Vec<&'a str>,
    /// Scopes no allow in the assertions held by.
    pub scopes_untested: Vec<&'static str>,
}

fn untested<T>(items: &[(T, bool)]) -> impl Iterator<Item = &T> {
    items.iter().filter(|(_, seen)| !seen).map(|(item, _)| item)
}

fn coverage(run: &Run) -> CoverageRecord<'_> {
    CoverageRecord {
        roles_untested: untested(&run.coverage.roles).map(String::as_str).collect(),
        capabilities_untested: untested(&run.coverage.capabilities)
            .map(String::as_str)
            .collect(),
        scopes_untested: untested(&run.coverage.scopes).map(|s| s.as_str()).collect(),
    }
}

fn listing<'a, E>(
    result: &'a ListingResult<E>,
    expected: &[String],
    passed: bool,
) -> ListingRecord<'a, E> {
    let (missing, unexpected) = result.differences(expected);
    ListingRecord {
        expectation: &result.expectation,
        actual: result.answer.as_deref().ok(),
        passed,
        missing,
        unexpected,
        error: result.answer.as_ref().err().map(ToString::to_string),
    }
}

pub fn report<'a>(file: &'a str, run: &'a Run) -> Report<'a> {
    let (passed, failed) = run.tally();
    Report {
        file,
        passed,
        failed,
        results: run
            .checks
            .iter()
            .map(|result| ResultRecord {
                expectation: &result.expectation,
                actual: result.actual(),
                passed: result.passed(),
                explanation: explanation(result),
            })
            .collect(),
        who: run
            .who
            .iter()
            .map(|r| listing(r, &r.expectation.members, r.ok()))
            .collect(),
        lists: run
            .lists
            .iter()
            .map(|r| listing(r, &r.expectation.capabilities, r.ok()))
            .collect(),
        coverage: coverage(run),
    }
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
    let date = |d: &Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let verdict = |passed: bool| if passed { "pass" } else { "fail" }.to_string();
    let names = |r: &Result<Vec<String>, _>| {
        r.as_ref()
            .map(|n| n.join(", "))
            .unwrap_or_else(|_| "error".into())
    };
    for result in &run.checks {
        let e = &result.expectation;
        table.push(vec![
            e.line.to_string(),
            "expect".into(),
            e.member.clone(),
            e.capability.clone(),
            e.client.clone().unwrap_or_default(),
            e.author.clone().unwrap_or_default(),
            date(&e.at),
            e.decision.to_string(),
            result.actual().to_string(),
            verdict(result.passed()),
        ]);
    }
    for result in &run.who {
        let e = &result.expectation;
        table.push(vec![
            e.line.to_string(),
            "who".into(),
            String::new(),
            e.capability.clone(),
            e.client.clone().unwrap_or_default(),
            String::new(),
            date(&e.at),
            e.members.join(", "),
            names(&result.answer.clone().map_err(|_| ())),
            verdict(result.ok()),
        ]);
    }
    for result in &run.lists {
        let e = &result.expectation;
        table.push(vec![
            e.line.to_string(),
            "list".into(),
            e.member.clone(),
            String::new(),
            e.client.clone().unwrap_or_default(),
            String::new(),
            date(&e.at),
            e.capabilities.join(", "),
            names(&result.answer.clone().map_err(|_| ())),
            verdict(result.ok()),
        ]);
    }
    table
}

/// Why a test case failed: the message and the explanation's lines.
type Failure = (String, Vec<String>);

/// A JUnit XML report: one test case per assertion, a failure with the
/// explanation for each that failed.
pub fn junit(file: &str, run: &Run) -> String {
    use escape::xml;
    let (passed, failed) = run.tally();
    let total = passed + failed;
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"praxis\" tests=\"{total}\" failures=\"{failed}\" errors=\"0\">\n"
    ));
    out.push_str(&format!(
        "  <testsuite name=\"{}\" tests=\"{total}\" failures=\"{failed}\" errors=\"0\" skipped=\"0\">\n",
        xml(file),
    ));
    let mut cases: Vec<(usize, String, Option<Failure>)> = Vec::new();
    for result in &run.checks {
        let e = &result.expectation;
        let failure = (!result.passed()).then(|| {
            (
                format!("expected {}, got {}", e.decision, result.actual()),
                explanation(result),
            )
        });
        cases.push((e.line, title(e), failure));
    }
    for result in &run.who {
        let e = &result.expectation;
        let failure = (!result.ok()).then(|| {
            (
                "members differ".to_string(),
                listing_lines(result, &e.members),
            )
        });
        cases.push((e.line, who_title(e), failure));
    }
    for result in &run.lists {
        let e = &result.expectation;
        let failure = (!result.ok()).then(|| {
            (
                "capabilities differ".to_string(),
                listing_lines(result, &e.capabilities),
            )
        });
        cases.push((e.line, list_title(e), failure));
    }
    cases.sort_by_key(|(line, _, _)| *line);
    for (line, name, failure) in cases {
        out.push_str(&format!(
            "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{line}\"",
            xml(&name),
            xml(file),
            xml(file),
        ));
        let Some((message, because)) = failure else {
            out.push_str("/>\n");
            continue;
        };
        // Our line breaks between sentences stay; each sentence is free text.
        let because: Vec<String> = because.iter().map(|l| xml(l)).collect();
        out.push_str(&format!(
            ">\n      <failure message=\"{}\" type=\"AccessAssertion\">{}</failure>\n",
            xml(&message),
            because.join("\n")
        ));
        out.push_str("    </testcase>\n");
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

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
    use crate::rules::decide::{Decision, Reason};

    #[test]
    fn junit_holds_no_raw_control_or_markup_from_free_text() {
        let expectation = Expectation {
            line: 3,
            member: "bob\u{1b}<x>&\"'".into(),
            capability: "clinical.view\u{1}".into(),
            client: Some("C-1]]>".into()),
            author: None,
            at: None,
            decision: Verdict::Allow,
        };
        let result = AssertionResult {
            expectation,
            answer: Answer::Decided(Decision {
                allowed: false,
                reasons: vec![Reason::Denied {
                    pattern: "\u{0}<!-- x -->\u{202e}".into(),
                }],
            }),
        };
        let run = Run {
            checks: vec![result],
            who: Vec::new(),
            lists: Vec::new(),
            coverage: Default::default(),
        };
        let xml = junit("dir/t\u{7}.toml", &run);
        assert!(
            !xml.chars().any(|c| escape::is_hostile(c) && c != '\n'),
            "{xml}"
        );
        assert!(!xml.contains("<x>") && !xml.contains("<!--") && !xml.contains("]]>"));
        assert!(
            xml.contains("bob\\u{1b}&lt;x&gt;&amp;&quot;&apos;"),
            "{xml}"
        );
    }

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
