//! Supervision changes: `supervision add` (with the documents the
//! supervisor co-signs) and `supervision remove`.

use super::edit::{self, Emptied};
use super::{
    Act, Actor, ChangeError, Did, EntryKind, Outcome, Summary, Unchanged, known_member,
    missing_entry,
};
use crate::rules::permission::Permission;
use toml_edit::{DocumentMut, TableLike};

pub fn supervision_add(
    actor: &Actor<'_>,
    doc: &mut DocumentMut,
    supervisee: &str,
    supervisor: &str,
    cosign: &[String],
) -> Result<Outcome, ChangeError> {
    let entry = supervisee_entry(actor, doc, supervisee, supervisor)?;
    let added = edit::push(entry, "supervisors", supervisor);
    let mut new_documents = Vec::new();
    for document in cosign {
        if edit::push(entry, "cosign", document) {
            new_documents.push(document.clone());
        }
    }
    let (supervisor, supervisee) = (supervisor.to_string(), supervisee.to_string());
    if !added && new_documents.is_empty() {
        return Ok(Outcome::NoChange(Unchanged::AlreadySupervises {
            supervisor,
            supervisee,
        }));
    }
    let summary = Summary::new(Did::SupervisionAdded {
        supervisor: supervisor.clone(),
        supervisee,
        cosign: new_documents,
    });
    Ok(Outcome::Changed(summary.affecting(&supervisor, None)))
}

pub fn supervision_remove(
    actor: &Actor<'_>,
    doc: &mut DocumentMut,
    supervisee: &str,
    supervisor: &str,
) -> Result<Outcome, ChangeError> {
    let entry = supervisee_entry(actor, doc, supervisee, supervisor)?;
    let pair = (supervisor.to_string(), supervisee.to_string());
    if !edit::pull(entry, "supervisors", supervisor, Emptied::KeepKey) {
        return Ok(Outcome::NoChange(Unchanged::DoesNotSupervise {
            supervisor: pair.0,
            supervisee: pair.1,
        }));
    }
    let summary = Summary::new(Did::SupervisionRemoved {
        supervisor: pair.0,
        supervisee: pair.1,
    });
    Ok(Outcome::Changed(summary.affecting(supervisor, None)))
}

/// The supervisee's entry, once both members are known and the actor may
/// change supervision.
fn supervisee_entry<'d>(
    actor: &Actor<'_>,
    doc: &'d mut DocumentMut,
    supervisee: &str,
    supervisor: &str,
) -> Result<&'d mut dyn TableLike, ChangeError> {
    known_member(actor.practice, supervisee)?;
    known_member(actor.practice, supervisor)?;
    actor.require(Permission::EditCredentials, None, Act::ChangeSupervision)?;
    edit::member(doc, supervisee).ok_or_else(|| missing_entry(EntryKind::Member, supervisee))
}
