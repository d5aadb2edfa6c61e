//! A change from start to end, as data: edit the text (only what the change
//! reaches), put the file's own line endings back, read and validate those
//! very bytes with the reader every command uses (SPEC §9.1: what is
//! written is what was validated), check that nothing the change does not
//! reach moved, refuse a change that would give the actor access by their
//! own place on a chart, and say what it did to access and which warnings
//! it brought. No I/O: the caller reads, locks, writes and renders.

use super::cut::Reach;
use super::{Actor, ChangeError, Edited, Outcome, Summary, Unchanged};
use crate::findings::{Finding, Findings, Severity};
use crate::rules::delta::{AccessDelta, access_deltas};
use crate::rules::{self, Checked};
use chrono::NaiveDate;
use toml_edit::DocumentMut;

/// A change made, checked and ready to write.
#[derive(Debug)]
pub struct Applied {
    pub summary: Summary,
    /// The new text of the file, exactly as it is to be written after the
    /// byte-order mark the file had (if any): the file's own line endings
    /// on every line the change left alone.
    pub text: String,
    /// `text` read and validated: it has no errors.
    pub checked: Checked,
    /// What the change did to the access of each member it affected.
    pub access: Vec<AccessDelta>,
    /// Warnings of the new text the old one did not have (the same rule
    /// about the same members and clients).
    pub new_warnings: Vec<Finding>,
}

/// What came of a change that was not refused.
#[derive(Debug)]
pub enum Change {
    Applied(Box<Applied>),
    /// Nothing to do: the file stays as it is.
    NoChange(Unchanged),
}

/// Why a change was not made.
#[derive(Debug, thiserror::Error)]
pub enum Refusal {
    /// The command line or the actor's permissions (see [`ChangeError`]).
    #[error(transparent)]
    Change(#[from] ChangeError),
    /// The result would not validate: its text and its errors.
    #[error("the change would leave the file invalid")]
    Invalid { text: String, errors: Findings },
    /// The file's text does not parse as a document to edit.
    #[error("the file cannot be parsed for editing")]
    Unparsable,
    /// The new text differs from the intended edit outside what the change
    /// reaches: a fault of praxis's, never written.
    #[error(
        "internal error: the change would also have altered client {client}, which it does not touch; nothing was written"
    )]
    Mismatch { client: String },
}

/// Makes `change` to `text` as `actor` on `date`: the actor's practice is
/// the file as it is, `findings` its findings. `reach` names the client
/// entries the change can touch.
pub fn apply(
    text: &str,
    findings: &Findings,
    actor: &Actor<'_>,
    date: NaiveDate,
    reach: Reach<'_>,
    change: impl Fn(&Actor<'_>, &mut DocumentMut) -> Result<Outcome, ChangeError>,
) -> Result<Change, Refusal> {
    let edited = super::edit_text(text, actor, reach, change).ok_or(Refusal::Unparsable)??;
    let (summary, edited) = match edited {
        Edited::NoChange(why) => return Ok(Change::NoChange(why)),
        Edited::Changed(summary, edited) => (summary, edited),
    };
    let text_before = text;
    let text = super::endings::keep_line_endings(text_before, &edited);
    let checked = rules::check(&text, date);
    if checked.findings.has_errors() {
        let errors = Findings(
            checked
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .cloned()
                .collect(),
        );
        return Err(Refusal::Invalid { text, errors });
    }
    if let Some(client) = super::cut::unreached_changed(
        reach,
        (text_before, actor.practice),
        (&text, &checked.practice),
    ) {
        return Err(Refusal::Mismatch {
            client: client.to_string(),
        });
    }
    actor.refuse_self_gain_of(&summary, &checked.practice)?;
    let access = access_deltas(&summary.affected, actor.practice, &checked.practice, date);
    let new_warnings = checked
        .findings
        .iter()
        .filter(|new| !findings.iter().any(|old| old.same_as(new)))
        .cloned()
        .collect();
    Ok(Change::Applied(Box::new(Applied {
        summary,
        text,
        checked,
        access,
        new_warnings,
    })))
}
