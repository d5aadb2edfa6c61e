//! `praxis test`: the practice's own access assertions from
//! `practice.test.toml`, each failure with the explanation of the actual
//! decision; `--format junit` for CI test reports.

use super::{Context, emit};
use crate::cli::TestArgs;
use crate::exit::{Exit, Failure};
use crate::model::Practice;
use crate::output::Format;
use crate::output::{self, escape, explain};
use crate::rules::decide::{self, Request};
use crate::suggest;
use chrono::NaiveDate;
use serde::Serialize;
use std::path::{Path, PathBuf};
use toml_edit::{Document, Item, TableLike};

/// One `[[expect]]` table.
#[derive(Debug, Clone, Serialize)]
pub struct Expectation {
    pub line: usize,
    pub member: String,
    pub capability: String,
    pub client: Option<String>,
    pub author: Option<String>,
    pub at: Option<NaiveDate>,
    pub decision: Verdict,
}

/// What an assertion expects, and what the decision was.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Allow,
    Deny,
    /// The question has no decision (an unknown name, a wrong client…).
    Error,
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Verdict::Allow => "allow",
            Verdict::Deny => "deny",
            Verdict::Error => "error",
        })
    }
}

/// One assertion run: what it expected, what came, why.
#[derive(Debug, Serialize)]
struct TestResult {
    #[serde(flatten)]
    expectation: Expectation,
    actual: Verdict,
    passed: bool,
    explanation: Vec<String>,
}

const KEYS: &[&str] = &["member", "capability", "client", "author", "at", "decision"];

pub fn run(args: TestArgs, context: &Context) -> Result<Exit, Failure> {
    let format = context.format(
        &[
            Format::Table,
            Format::Json,
            Format::Junit,
            Format::Csv,
            Format::Markdown,
        ],
        "test",
    )?;
    let loaded = context.load()?;
    let tests = args.tests.clone().unwrap_or_else(|| beside(&loaded.path));
    let bytes = crate::store::read_bytes(&tests)?;
    let contents = super::decode(&tests, bytes)?;
    let expectations = parse(&contents.text).map_err(|e| {
        // The problem echoes keys and values of the test file: free text.
        Failure::Invalid(format!("{}:{}", escape::path(&tests), escape::text(&e)))
    })?;
    let outcomes: Vec<TestResult> = expectations
        .into_iter()
        .map(|e| evaluate(&loaded.practice, e, context.date))
        .collect();
    let failed = outcomes.iter().filter(|o| !o.passed).count();
    let name = tests.display().to_string();
    emit(&match format {
        Format::Json => output::json(&serde_json::json!({
            "file": name,
            "passed": outcomes.len() - failed,
            "failed": failed,
            "results": outcomes,
        })),
        Format::Junit => junit(&name, &outcomes),
        Format::Csv => results_table(&outcomes).to_csv(),
        Format::Markdown => results_table(&outcomes).to_markdown(),
        _ => text(&name, &outcomes),
    })?;
    Ok(if failed > 0 {
        Exit::TestsFailed
    } else {
        Exit::Success
    })
}

fn beside(practice: &Path) -> PathBuf {
    practice.with_file_name("practice.test.toml")
}

/// Reads `[[expect]]` tables; any shape problem names its line.
pub fn parse(text: &str) -> Result<Vec<Expectation>, String> {
    // One index for every table's line: a scan per table is quadratic.
    let lines = output::lines::LineIndex::new(text);
    let line_of = |offset: usize| lines.position(offset).line;
    let document = Document::parse(text).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(s.start));
        format!("{line}: TOML syntax error: {}", e.message().trim())
    })?;
    let root = document.as_table();
    for (key, _) in root.iter() {
        if key != "expect" {
            return Err(format!(
                "1: unknown key `{key}`; the file holds [[expect]] tables"
            ));
        }
    }
    let Some(item) = root.get("expect") else {
        return Ok(Vec::new());
    };
    let Item::ArrayOfTables(tables) = item else {
        return Err("1: `expect` must be written as [[expect]] tables".into());
    };
    tables
        .iter()
        .map(|table| {
            let line = table.span().map_or(1, |s| line_of(s.start));
            expectation(table, line).map_err(|e| format!("{line}: {e}"))
        })
        .collect()
}

fn expectation(table: &dyn TableLike, line: usize) -> Result<Expectation, String> {
    for (key, _) in table.iter() {
        if !KEYS.contains(&key) {
            let hint = suggest::did_you_mean(key, KEYS.iter().copied());
            return Err(format!("unknown key `{key}` in [[expect]] {hint}"));
        }
    }
    let text = |key: &str| -> Result<Option<String>, String> {
        match table.get(key) {
            None => Ok(None),
            Some(item) => item
                .as_str()
                .map(|s| Some(s.to_string()))
                .ok_or_else(|| format!("`{key}` must be a string")),
        }
    };
    let required = |key: &str| text(key)?.ok_or_else(|| format!("[[expect]] has no `{key}`"));
    let decision = match required("decision")?.as_str() {
        "allow" => Verdict::Allow,
        "deny" => Verdict::Deny,
        other => {
            return Err(format!(
                "decision must be \"allow\" or \"deny\", not \"{other}\""
            ));
        }
    };
    let at = match table.get("at") {
        None => None,
        Some(item) => {
            // A TOML local date, or a string of exactly YYYY-MM-DD; a
            // date-time is refused like `--at 2026-12-31T00:00`.
            let date = match (item.as_datetime(), item.as_str()) {
                (Some(d), _) if d.time.is_none() && d.offset.is_none() => d.date.and_then(|d| {
                    NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                }),
                // The same words as --at: "no such day" for 2026-02-30.
                (None, Some(s)) => {
                    Some(crate::cli::parse_date(s).map_err(|e| format!("`at`: {e}"))?)
                }
                _ => None,
            };
            Some(date.ok_or("`at` must be a date, exactly YYYY-MM-DD")?)
        }
    };
    Ok(Expectation {
        line,
        member: required("member")?,
        capability: required("capability")?,
        client: text("client")?,
        author: text("author")?,
        at,
        decision,
    })
}

fn evaluate(practice: &Practice, expectation: Expectation, date: NaiveDate) -> TestResult {
    let request = Request {
        member: &expectation.member,
        capability: &expectation.capability,
        client: expectation.client.as_deref(),
        author: expectation.author.as_deref(),
    };
    let (actual, explanation) =
        match decide::decide(practice, &request, expectation.at.unwrap_or(date)) {
            Ok(decision) => (
                if decision.allowed {
                    Verdict::Allow
                } else {
                    Verdict::Deny
                },
                explain::reasons(&decision.reasons, &request),
            ),
            Err(error) => (Verdict::Error, vec![error.to_string()]),
        };
    TestResult {
        passed: actual == expectation.decision,
        actual,
        explanation,
        expectation,
    }
}

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

fn text(file: &str, outcomes: &[TestResult]) -> String {
    let file = escape::text(file);
    let mut out = String::new();
    for outcome in outcomes.iter().filter(|o| !o.passed) {
        let e = &outcome.expectation;
        out.push_str(&format!(
            "FAIL {file}:{}: {}, got {}\n",
            e.line,
            escape::text(&title(e)),
            outcome.actual
        ));
        for line in &outcome.explanation {
            out.push_str(&format!("  - {}\n", escape::text(line)));
        }
    }
    let failed = outcomes.iter().filter(|o| !o.passed).count();
    out.push_str(&format!(
        "{} passed, {failed} failed ({file})\n",
        outcomes.len() - failed
    ));
    out
}

/// One row per assertion, for CSV and markdown.
fn results_table(outcomes: &[TestResult]) -> output::Table {
    let mut table = output::Table::new(&[
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
    for outcome in outcomes {
        let e = &outcome.expectation;
        table.push(vec![
            e.line.to_string(),
            e.member.clone(),
            e.capability.clone(),
            e.client.clone().unwrap_or_default(),
            e.author.clone().unwrap_or_default(),
            e.at.map(|d| d.to_string()).unwrap_or_default(),
            e.decision.to_string(),
            outcome.actual.to_string(),
            if outcome.passed { "pass" } else { "fail" }.to_string(),
        ]);
    }
    table
}

fn junit(file: &str, outcomes: &[TestResult]) -> String {
    use escape::xml;
    let failed = outcomes.iter().filter(|o| !o.passed).count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"praxis\" tests=\"{}\" failures=\"{failed}\" errors=\"0\">\n",
        outcomes.len()
    ));
    out.push_str(&format!(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failed}\" errors=\"0\" skipped=\"0\">\n",
        xml(file),
        outcomes.len()
    ));
    for outcome in outcomes {
        let e = &outcome.expectation;
        out.push_str(&format!(
            "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{}\"",
            xml(&title(e)),
            xml(file),
            xml(file),
            e.line
        ));
        if outcome.passed {
            out.push_str("/>\n");
        } else {
            out.push_str(">\n");
            out.push_str(&format!(
                "      <failure message=\"expected {}, got {}\" type=\"AccessAssertion\">{}</failure>\n",
                xml(&e.decision.to_string()),
                xml(&outcome.actual.to_string()),
                // Our line breaks between sentences stay; each sentence is
                // free text.
                outcome
                    .explanation
                    .iter()
                    .map(|line| xml(line))
                    .collect::<Vec<_>>()
                    .join("\n")
            ));
            out.push_str("    </testcase>\n");
        }
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let outcome = TestResult {
            expectation,
            actual: Verdict::Deny,
            passed: false,
            explanation: vec!["because \u{0}<!-- x -->".into(), "and \u{202e}".into()],
        };
        let xml = junit("dir/t\u{7}.toml", &[outcome]);
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
    fn reads_expectations_with_dates_and_lines() {
        let parsed = parse(
            "# seed rules\n[[expect]]\nmember = \"bob\"\ncapability = \"clinical.view\"\nclient = \"C-1\"\nat = 2026-12-01\ndecision = \"allow\"\n",
        );
        let parsed = parsed.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(parsed.len(), 1);
        assert_eq!(parsed[0].line, 2);
        assert_eq!(parsed[0].at, NaiveDate::from_ymd_opt(2026, 12, 1));
    }

    #[test]
    fn unknown_keys_and_bad_decisions_are_errors() {
        assert!(
            parse("[[expect]]\nmembr = \"bob\"\n")
                .is_err_and(|e| e.contains("did you mean `member`"))
        );
        assert!(
            parse("[[expect]]\nmember = \"b\"\ncapability = \"x\"\ndecision = \"maybe\"\n")
                .is_err()
        );
    }
}
