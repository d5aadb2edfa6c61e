//! The core rules: validation (SPEC §3.4) and the access decision (§3.2).
//! Pure functions of the practice, the request and the date — no I/O, no
//! printing, nothing of the command line.

pub mod decide;
pub mod diff;
pub mod matrix;
pub mod pattern;
pub mod review;
pub mod validate;

pub use decide::{Decision, QueryError, Reason, Request, decide};

use crate::findings::Findings;
use crate::model::{Practice, read_practice};
use chrono::NaiveDate;

/// A practice read from text, with every finding about it: shape and rules.
pub struct Checked {
    pub practice: Practice,
    pub findings: Findings,
}

/// Reads and validates the text of a practice file (without a BOM).
pub fn check(text: &str, date: NaiveDate) -> Checked {
    let outcome = read_practice(text);
    let mut findings = outcome.findings;
    if outcome.parsed {
        findings
            .0
            .extend(validate::validate(&outcome.practice, date).0);
    }
    findings.sort();
    Checked {
        practice: outcome.practice,
        findings,
    }
}
