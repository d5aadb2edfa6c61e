//! The core rules: validation (SPEC §3.4) and the access decision (§3.2).
//! Pure functions of the practice, the request and the date — no I/O, no
//! printing, nothing of the command line.

pub mod actor;
pub mod assertions;
pub mod authorize;
pub mod dates;
pub mod decide;
pub mod delta;
pub mod diff;
pub mod expiring;
pub mod gains;
pub mod history;
pub mod kept;
pub mod matrix;
pub mod pattern;
pub mod permission;
pub mod queries;
pub mod review;
pub mod stale;
pub mod text;
pub mod validate;
pub mod verdicts;

pub use decide::{Decision, QueryError, Reason, Request, decide};

use crate::findings::{Code, Finding, Findings};
use crate::model::{Practice, Raw, read_practice};
use chrono::NaiveDate;

/// A practice read from text, with every finding about it: shape and rules.
/// The practice is the validated one; a file with errors has none to
/// decide on, and holds only the built-in catalog here.
#[derive(Debug)]
pub struct Checked {
    pub practice: Practice,
    pub findings: Findings,
}

impl Checked {
    /// The practice as read and its findings, the practice validated when
    /// the findings have no errors.
    pub fn of(read: Practice<Raw>, mut findings: Findings) -> Checked {
        let practice = if findings.has_errors() {
            None
        } else {
            read.validated()
        };
        let practice = practice.unwrap_or_else(|| {
            if !findings.has_errors() {
                // Cannot happen: a missing required key is a finding. Were it
                // to, the file must not read as valid.
                findings.push(Finding::new(
                    Code::MissingKey,
                    0..0,
                    "a required key is missing",
                    "run `praxis validate` and add the keys it names",
                ));
            }
            Practice::catalog_only()
        });
        Checked { practice, findings }
    }
}

pub use crate::limits::MAX_FILE_BYTES;

/// The finding for a file over [`MAX_FILE_BYTES`].
pub fn too_large(size: u64) -> Finding {
    Finding::new(
        Code::FileTooLarge,
        0..0,
        format!(
            "the file is {size} bytes; praxis reads practice files up to {MAX_FILE_BYTES} bytes"
        ),
        "check that this is the practice file; split nothing into it that is not access control",
    )
}

/// Reads and validates the text of a practice file (without a BOM).
///
/// ```
/// use chrono::NaiveDate;
/// use praxis::rules::{check, decide, Request};
///
/// let text = r#"
/// version = 1
/// [practice]
/// name = "Riverbend Counseling"
/// owner = "alice"
/// [members.alice]
/// name = "Alice Moreno"
/// roles = ["administrator"]
/// [members.bob]
/// name = "Bob Lee"
/// roles = ["clinician"]
/// [clients]
/// C-1001 = { primary = "bob" }
/// C-1002 = { primary = "bob", restricted = true }
/// "#;
/// let date = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
/// let checked = check(text, date);
/// assert!(!checked.findings.has_errors());
/// let ask = |member, capability, client| {
///     let request = Request { member, capability, client, author: None };
///     decide(&checked.practice, &request, date).map(|d| d.allowed)
/// };
/// assert_eq!(ask("bob", "clinical.view", Some("C-1001")), Ok(true));
/// assert_eq!(ask("alice", "members.manage", None), Ok(true));
/// // A capability in a query is a name, never a pattern.
/// assert!(ask("bob", "clinical.*", Some("C-1001")).is_err());
/// ```
pub fn check(text: &str, date: NaiveDate) -> Checked {
    if text.len() as u64 > MAX_FILE_BYTES {
        return Checked {
            practice: Practice::catalog_only(),
            findings: Findings(vec![too_large(text.len() as u64)]),
        };
    }
    // The store sets one byte-order mark aside; the TOML parser would drop
    // a second one silently, though a mark anywhere but first is invalid.
    if text.starts_with('\u{feff}') {
        let finding = Finding::new(
            Code::Syntax,
            0..3,
            "a second byte-order mark (U+FEFF) after the first",
            "save the file as UTF-8 with at most one byte-order mark",
        );
        return Checked {
            practice: Practice::catalog_only(),
            findings: Findings(vec![finding]),
        };
    }
    let outcome = read_practice(text);
    let mut findings = outcome.findings;
    if outcome.parsed {
        findings
            .0
            .extend(validate::validate(&outcome.practice, date).0);
    }
    findings.sort();
    Checked::of(outcome.practice, findings)
}
