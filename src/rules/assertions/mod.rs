//! `praxis test`'s assertions as data: what `practice.test.toml` expects —
//! one decision (`[[expect]]`), who may use a capability (`[[who]]`), what a
//! member holds (`[[list]]`) — what the practice answers, and which roles,
//! capabilities and scopes the assertions exercise. Reading the file is
//! [`expectations`], rewriting it with the answers (`--update`) [`update`];
//! the words are `output::assertions`.

mod expectations;
mod fields;
mod update;

use super::QueryError;
use super::decide::{self, Decision, Reason, Source};
use super::queries;
use crate::model::{Practice, Scope};
use chrono::NaiveDate;
use std::collections::BTreeSet;

pub use expectations::{
    Assertions, Expectation, ListExpectation, Problem, ProblemKind, TABLES, Verdict,
    WhoExpectation, read_expectations,
};
pub use update::updated;

/// The answer an assertion got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Decided(Decision),
    /// The question has no decision.
    NoDecision(QueryError),
}

/// One `[[expect]]` run: what it expected and the answer.
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

/// A listing assertion run: the names expected, and the names the
/// practice gives (or why it gives none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListingResult<E> {
    pub expectation: E,
    pub answer: Result<Vec<String>, QueryError>,
}

impl<E> ListingResult<E> {
    /// Passes when the names are the same, in any order.
    pub fn passed(&self, expected: &[String]) -> bool {
        let expected: BTreeSet<&String> = expected.iter().collect();
        self.answer
            .as_ref()
            .is_ok_and(|actual| actual.iter().collect::<BTreeSet<_>>() == expected)
    }

    /// Expected names the practice does not give, and names it gives that
    /// were not expected.
    pub fn differences(&self, expected: &[String]) -> (Vec<String>, Vec<String>) {
        let actual = self.answer.as_deref().unwrap_or_default();
        let missing = expected.iter().filter(|e| !actual.contains(e)).cloned();
        let extra = actual.iter().filter(|a| !expected.contains(a)).cloned();
        (missing.collect(), extra.collect())
    }
}

pub type WhoResult = ListingResult<WhoExpectation>;
pub type ListResult = ListingResult<ListExpectation>;

impl WhoResult {
    pub fn ok(&self) -> bool {
        self.passed(&self.expectation.members)
    }
}

impl ListResult {
    pub fn ok(&self) -> bool {
        self.passed(&self.expectation.capabilities)
    }
}

/// What the assertions exercise, and what they leave untested.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Roles an active member holds, each with whether some allow in the
    /// assertions came through it.
    pub roles: Vec<(String, bool)>,
    /// Every capability, with whether some assertion asks about it.
    pub capabilities: Vec<(String, bool)>,
    /// Every scope, with whether some allow in the assertions held by it.
    pub scopes: Vec<(Scope, bool)>,
}

/// Everything a test file asserted, answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub checks: Vec<AssertionResult>,
    pub who: Vec<WhoResult>,
    pub lists: Vec<ListResult>,
    pub coverage: Coverage,
}

impl Run {
    /// How many passed and failed.
    pub fn tally(&self) -> (usize, usize) {
        let failed = self.checks.iter().filter(|r| !r.passed()).count()
            + self.who.iter().filter(|r| !r.ok()).count()
            + self.lists.iter().filter(|r| !r.ok()).count();
        let total = self.checks.len() + self.who.len() + self.lists.len();
        (total - failed, failed)
    }
}

/// Asks each expectation's question on its `at`, else on `date`.
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

/// Answers every assertion and measures what they exercise.
pub fn run(practice: &Practice, assertions: Assertions, date: NaiveDate) -> Run {
    let mut seen = Seen::default();
    let checks = assertions
        .checks
        .into_iter()
        .map(|e| answer_expect(practice, e, date, &mut seen))
        .collect();
    let who = assertions
        .who
        .into_iter()
        .map(|e| answer_who(practice, e, date, &mut seen))
        .collect();
    let lists = assertions
        .lists
        .into_iter()
        .map(|e| answer_list(practice, e, date, &mut seen))
        .collect();
    Run {
        checks,
        who,
        lists,
        coverage: seen.coverage(practice),
    }
}

/// An `[[expect]]`'s decision; its capability and the grants that allowed
/// it are seen.
fn answer_expect(
    practice: &Practice,
    expectation: Expectation,
    date: NaiveDate,
    seen: &mut Seen,
) -> AssertionResult {
    seen.capability(&expectation.capability);
    let result = evaluate(practice, expectation, date);
    if let Answer::Decided(decision) = &result.answer {
        seen.reasons(&decision.reasons);
    }
    result
}

/// A `[[who]]`'s members; its capability and each member's grants are seen.
fn answer_who(
    practice: &Practice,
    expectation: WhoExpectation,
    date: NaiveDate,
    seen: &mut Seen,
) -> WhoResult {
    let e = &expectation;
    seen.capability(&e.capability);
    let at = e.at.unwrap_or(date);
    let answer = queries::who(practice, &e.capability, e.client.as_deref(), at).map(|allowed| {
        allowed
            .into_iter()
            .map(|(member, reasons)| {
                seen.reasons(&reasons);
                member.id.value.clone()
            })
            .collect()
    });
    ListingResult {
        expectation,
        answer,
    }
}

/// A `[[list]]`'s capabilities; each of them, and the grants that give
/// it, are seen.
fn answer_list(
    practice: &Practice,
    expectation: ListExpectation,
    date: NaiveDate,
    seen: &mut Seen,
) -> ListResult {
    let e = &expectation;
    let at = e.at.unwrap_or(date);
    let answer = queries::held(practice, &e.member, e.client.as_deref(), at).map(|held| {
        held.into_iter()
            .map(|(capability, how)| {
                seen.capability(capability);
                match how {
                    queries::Held::Practice(reasons) => seen.reasons(&reasons),
                    queries::Held::Clients(clients) => {
                        clients
                            .iter()
                            .for_each(|(_, reasons)| seen.reasons(reasons));
                    }
                }
                capability.to_string()
            })
            .collect()
    });
    ListingResult {
        expectation,
        answer,
    }
}

/// What the answers touched.
#[derive(Default)]
struct Seen {
    roles: BTreeSet<String>,
    capabilities: BTreeSet<String>,
    scopes: BTreeSet<Scope>,
}

impl Seen {
    fn capability(&mut self, name: &str) {
        self.capabilities.insert(name.to_string());
    }

    fn reasons(&mut self, reasons: &[Reason]) {
        for reason in reasons {
            if let Reason::Granted(grant) = reason {
                if let Source::Role(role) = &grant.source {
                    self.roles.insert(role.clone());
                }
                self.scopes.insert(grant.scope);
            }
        }
    }

    fn coverage(self, practice: &Practice) -> Coverage {
        let held = |role: &str| {
            practice
                .members
                .iter()
                .any(|m| m.active && m.has_role(role))
        };
        Coverage {
            roles: practice
                .roles()
                .iter()
                .filter(|r| held(&r.id.value))
                .map(|r| (r.id.value.clone(), self.roles.contains(&r.id.value)))
                .collect(),
            capabilities: practice
                .capabilities()
                .iter()
                .map(|c| (c.name.clone(), self.capabilities.contains(&c.name)))
                .collect(),
            scopes: Scope::ALL
                .into_iter()
                .map(|s| (s, self.scopes.contains(&s)))
                .collect(),
        }
    }
}
