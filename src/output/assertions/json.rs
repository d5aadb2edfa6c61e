//! `test --format json`: one document with the file, the counts, every
//! assertion with what it got, and what the assertions leave untested;
//! keys in the order the records declare them.

use super::{explanation, untested};
use crate::rules::assertions::{
    Expectation, ListExpectation, ListingResult, Run, Verdict, WhoExpectation,
};
use serde::Serialize;

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
