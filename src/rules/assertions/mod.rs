//! `praxis test`'s assertions as data: what `practice.test.toml` expects of
//! a decision, and what the decision was. Reading the file is
//! [`expectations`]; the words are `output::assertions`.

use super::QueryError;
use super::decide::{self, Decision};
use crate::model::Practice;
mod expectations;

use chrono::NaiveDate;
pub use expectations::{Expectation, KEYS, Problem, ProblemKind, Verdict, read_expectations};

/// The answer an assertion got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Decided(Decision),
    /// The question has no decision.
    NoDecision(QueryError),
}

/// One assertion run: what it expected and the answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssertionResult {
    pub expectation: Expectation,
    pub answer: Answer,
}

impl AssertionResult {
    pub fn actual(&self) -> Verdict {
        match &self.answer {
            Answer::Decided(decision) if decision.allowed => Verdict::Allow,
            Answer::Decided(_) => Verdict::Deny,
            Answer::NoDecision(_) => Verdict::Error,
        }
    }

    pub fn passed(&self) -> bool {
        self.actual() == self.expectation.decision
    }
}

/// Asks the expectation's question on its `at`, else on `date`.
pub fn evaluate(practice: &Practice, expectation: Expectation, date: NaiveDate) -> AssertionResult {
    let answer = match decide::decide(
        practice,
        &expectation.request(),
        expectation.at.unwrap_or(date),
    ) {
        Ok(decision) => Answer::Decided(decision),
        Err(error) => Answer::NoDecision(error),
    };
    AssertionResult {
        expectation,
        answer,
    }
}

/// How many passed and failed.
pub fn tally(results: &[AssertionResult]) -> (usize, usize) {
    let failed = results.iter().filter(|r| !r.passed()).count();
    (results.len() - failed, failed)
}
