//! `test --format junit`: a JUnit XML report for CI, one test case per
//! assertion in the file's order, a failure with the explanation for each
//! that failed. Every name and sentence is free text, escaped as XML.

use super::{explanation, list_title, listing_lines, title, who_title};
use crate::output::escape::xml;
use crate::rules::assertions::Run;

/// Why a test case failed: the message and the explanation's lines.
type Failure = (String, Vec<String>);

/// A JUnit XML report: one test case per assertion, a failure with the
/// explanation for each that failed.
pub fn junit(file: &str, run: &Run) -> String {
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
    for (line, name, failure) in cases(run) {
        out.push_str(&testcase(file, line, &name, failure));
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

/// Every assertion, in the file's order: its line, its name, and why it
/// failed if it did.
fn cases(run: &Run) -> Vec<(usize, String, Option<Failure>)> {
    let mut cases = Vec::new();
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
    cases
}

/// One `<testcase>`, with its `<failure>` when it failed.
fn testcase(file: &str, line: usize, name: &str, failure: Option<Failure>) -> String {
    let mut out = format!(
        "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{line}\"",
        xml(name),
        xml(file),
        xml(file),
    );
    let Some((message, because)) = failure else {
        out.push_str("/>\n");
        return out;
    };
    // Our line breaks between sentences stay; each sentence is free text.
    let because: Vec<String> = because.iter().map(|l| xml(l)).collect();
    out.push_str(&format!(
        ">\n      <failure message=\"{}\" type=\"AccessAssertion\">{}</failure>\n",
        xml(&message),
        because.join("\n")
    ));
    out.push_str("    </testcase>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::assertions::{Answer, AssertionResult, Expectation, Verdict};
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
            !xml.chars()
                .any(|c| crate::rules::text::is_forbidden(c) && c != '\n'),
            "{xml}"
        );
        assert!(!xml.contains("<x>") && !xml.contains("<!--") && !xml.contains("]]>"));
        assert!(
            xml.contains("bob\\u{1b}&lt;x&gt;&amp;&quot;&apos;"),
            "{xml}"
        );
    }
}
