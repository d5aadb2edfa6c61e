//! `praxis test`'s reports: the failures with their explanations (text),
//! one row per assertion (CSV, markdown), JUnit XML for CI, the JSON
//! document, and the test file's problems, each at its line and column.

use super::{Table, escape, explain};
use crate::rules::assertions::{
    Answer, AssertionResult, Expectation, KEYS, Problem, ProblemKind, Verdict, tally,
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

/// The JSON document: the file, the counts, every assertion.
#[derive(Serialize, schemars::JsonSchema)]
pub struct Report<'a> {
    pub file: &'a str,
    pub passed: usize,
    pub failed: usize,
    pub results: Vec<ResultRecord<'a>>,
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

pub fn report<'a>(file: &'a str, results: &'a [AssertionResult]) -> Report<'a> {
    let (passed, failed) = tally(results);
    Report {
        file,
        passed,
        failed,
        results: results
            .iter()
            .map(|result| ResultRecord {
                expectation: &result.expectation,
                actual: result.actual(),
                passed: result.passed(),
                explanation: explanation(result),
            })
            .collect(),
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

/// Each failure with its explanation, then the counts.
pub fn text(file: &str, results: &[AssertionResult]) -> String {
    let file = escape::text(file);
    let mut out = String::new();
    for result in results.iter().filter(|r| !r.passed()) {
        let e = &result.expectation;
        out.push_str(&format!(
            "FAIL {file}:{}: {}, got {}\n",
            e.line,
            escape::text(&title(e)),
            result.actual()
        ));
        for line in explanation(result) {
            out.push_str(&format!("  - {}\n", escape::text(&line)));
        }
    }
    let (passed, failed) = tally(results);
    out.push_str(&format!("{passed} passed, {failed} failed ({file})\n"));
    out
}

/// One row per assertion, for CSV and markdown.
pub fn table(results: &[AssertionResult]) -> Table {
    let mut table = Table::new(&[
        "line",
        "member",
        "capability",
        "client",
        "author",
        "at",
        "expected",
        "actual",
        "result",
    ]);
    for result in results {
        let e = &result.expectation;
        table.push(vec![
            e.line.to_string(),
            e.member.clone(),
            e.capability.clone(),
            e.client.clone().unwrap_or_default(),
            e.author.clone().unwrap_or_default(),
            e.at.map(|d| d.to_string()).unwrap_or_default(),
            e.decision.to_string(),
            result.actual().to_string(),
            if result.passed() { "pass" } else { "fail" }.to_string(),
        ]);
    }
    table
}

/// A JUnit XML report: one test case per assertion, a failure with the
/// explanation for each that failed.
pub fn junit(file: &str, results: &[AssertionResult]) -> String {
    use escape::xml;
    let (_, failed) = tally(results);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"praxis\" tests=\"{}\" failures=\"{failed}\" errors=\"0\">\n",
        results.len()
    ));
    out.push_str(&format!(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failed}\" errors=\"0\" skipped=\"0\">\n",
        xml(file),
        results.len()
    ));
    for result in results {
        let e = &result.expectation;
        out.push_str(&format!(
            "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{}\"",
            xml(&title(e)),
            xml(file),
            xml(file),
            e.line
        ));
        if result.passed() {
            out.push_str("/>\n");
            continue;
        }
        // Our line breaks between sentences stay; each sentence is free text.
        let because: Vec<String> = explanation(result).iter().map(|l| xml(l)).collect();
        out.push_str(&format!(
            ">\n      <failure message=\"expected {}, got {}\" type=\"AccessAssertion\">{}</failure>\n",
            xml(&e.decision.to_string()),
            xml(&result.actual().to_string()),
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
            ProblemKind::NotExpect { key } => {
                write!(f, "unknown key `{key}`; the file holds [[expect]] tables")
            }
            ProblemKind::NotTables => write!(f, "`expect` must be written as [[expect]] tables"),
            ProblemKind::UnknownKey { key } => write!(
                f,
                "unknown key `{key}` in [[expect]]{}",
                suggest::trailing(key, KEYS.iter().copied())
            ),
            ProblemKind::NotAString { key } => write!(f, "`{key}` must be a string"),
            ProblemKind::Missing { key } => write!(f, "[[expect]] has no `{key}`"),
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
        let xml = junit("dir/t\u{7}.toml", &[result]);
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
