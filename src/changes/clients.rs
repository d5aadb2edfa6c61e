//! Client changes: add, assign, grant, revoke, restrict and remove.

use super::edit::{self, Emptied};
use super::{
    Actor, ChangeError, Outcome, Summary, known_client, known_member, missing_entry, taken,
};
use crate::rules::permission::Permission;
use chrono::NaiveDate;
use toml_edit::{DocumentMut, InlineTable, Value};

pub fn client_add(
    actor: &Actor<'_>,
    doc: &mut DocumentMut,
    id: &str,
    primary: &str,
    clinicians: &[String],
) -> Result<Outcome, ChangeError> {
    let practice = actor.practice;
    known_member(practice, primary)?;
    for clinician in clinicians {
        known_member(practice, clinician)?;
    }
    actor.require(Permission::CreateClients, None, "add clients")?;
    if let Some(existing) = taken(id, practice.clients.iter().map(|c| c.id.value.as_str())) {
        return Err(ChangeError::Refused(format!(
            "client `{existing}` already exists (ids ignore letter case)"
        )));
    }
    let mut fields = InlineTable::new();
    fields.insert("primary", Value::from(primary));
    if !clinicians.is_empty() {
        fields.insert("clinicians", edit::string_array(clinicians));
    }
    edit::add_client(doc, id, fields);
    let mut summary = Summary::new(format!("added client {id} with primary {primary}"))
        .affecting(primary, Some(id));
    for clinician in clinicians {
        summary = summary.affecting(clinician, Some(id));
    }
    Ok(Outcome::Changed(summary))
}

pub fn client_assign(
    actor: &Actor<'_>,
    doc: &mut DocumentMut,
    id: &str,
    primary: &str,
    keep_previous: bool,
) -> Result<Outcome, ChangeError> {
    let client = known_client(actor.practice, id)?;
    known_member(actor.practice, primary)?;
    actor.require_for(
        primary,
        Permission::AssignPrimary,
        id,
        "make themselves primary of this client",
    )?;
    if client.is_primary(primary) {
        return Ok(Outcome::NoChange(format!(
            "{primary} is already primary of {id}"
        )));
    }
    let previous = client.primary.value.clone();
    let entry = edit::client(doc, &client.id.value).ok_or_else(|| missing_entry("client", id))?;
    edit::set(entry, "primary", Value::from(primary));
    edit::pull(entry, "clinicians", primary, Emptied::DropKey);
    edit::pull_temporary(entry, primary);
    let mut summary =
        Summary::new(format!("{primary} is now primary of {id}")).affecting(primary, Some(id));
    if keep_previous {
        edit::push(entry, "clinicians", &previous);
        summary
            .did
            .push_str(&format!("; {previous} stays on as a clinician"));
    }
    summary = summary.affecting(&previous, Some(id));
    Ok(Outcome::Changed(summary))
}

/// Temporary access: the last day it holds and why.
#[derive(Debug, Clone)]
pub struct TemporaryGrant {
    pub until: NaiveDate,
    pub reason: String,
}

pub fn client_grant(
    actor: &Actor<'_>,
    doc: &mut DocumentMut,
    id: &str,
    member: &str,
    temporary: Option<&TemporaryGrant>,
) -> Result<Outcome, ChangeError> {
    let client = known_client(actor.practice, id)?;
    known_member(actor.practice, member)?;
    if let Some(t) = temporary
        && t.reason.trim().is_empty()
    {
        return Err(ChangeError::Usage(
            "--reason must say why temporary access is needed".into(),
        ));
    }
    actor.require_for(
        member,
        Permission::GrantAccess,
        id,
        "grant access to this client",
    )?;
    if client.is_primary(member) || client.is_clinician(member) {
        let role = if client.is_primary(member) {
            "primary"
        } else {
            "a clinician"
        };
        return match temporary {
            None => Ok(Outcome::NoChange(format!(
                "{member} is already {role} of {id}"
            ))),
            Some(_) => Err(ChangeError::Refused(format!(
                "{member} is already {role} of {id}; temporary access would add nothing"
            ))),
        };
    }
    let entry = edit::client(doc, &client.id.value).ok_or_else(|| missing_entry("client", id))?;
    let summary = match temporary {
        None => {
            edit::push(entry, "clinicians", member);
            // A permanent grant supersedes temporary entries (SPEC §3.4).
            edit::pull_temporary(entry, member);
            Summary::new(format!("{member} is now a clinician of {id}"))
        }
        Some(t) => {
            let same = client.temporary.iter().any(|e| {
                e.member_is(member) && e.until.value == t.until && e.reason_text() == t.reason
            });
            if same
                && client
                    .temporary
                    .iter()
                    .filter(|e| e.member_is(member))
                    .count()
                    == 1
            {
                return Ok(Outcome::NoChange(format!(
                    "{member} already has temporary access to {id} until {}",
                    t.until
                )));
            }
            edit::pull_temporary(entry, member);
            edit::push_temporary(entry, member, t.until, &t.reason);
            Summary::new(format!(
                "{member} has temporary access to {id} through {} (\"{}\")",
                t.until, t.reason
            ))
        }
    };
    Ok(Outcome::Changed(summary.affecting(member, Some(id))))
}

pub fn client_grant_administrative(
    actor: &Actor<'_>,
    doc: &mut DocumentMut,
    id: &str,
    member: &str,
) -> Result<Outcome, ChangeError> {
    let practice = actor.practice;
    let client = known_client(practice, id)?;
    known_member(practice, member)?;
    actor.require_for(
        member,
        Permission::Restrict,
        id,
        "manage this client's administrative list",
    )?;
    if !client.restricted {
        return Err(ChangeError::Refused(format!(
            "{id} is not restricted, so everyone with an all-clients role already reaches it; \
             restrict it first (`praxis client restrict {id}`)"
        )));
    }
    if client.in_administrative(member) {
        return Ok(Outcome::NoChange(format!(
            "{member} is already on {id}'s administrative list"
        )));
    }
    if let Some(relation) =
        crate::rules::decide::administrative_relation(practice, client, member, actor.date)
    {
        return Ok(Outcome::NoChange(format!(
            "{member} already has administrative access to {id} as {}",
            crate::output::explain::relation(&relation)
        )));
    }
    let entry = edit::client(doc, &client.id.value).ok_or_else(|| missing_entry("client", id))?;
    edit::push(entry, "administrative", member);
    Ok(Outcome::Changed(
        Summary::new(format!(
            "{member} now has administrative access to restricted client {id}"
        ))
        .affecting(member, Some(id)),
    ))
}

pub fn client_revoke(
    actor: &Actor<'_>,
    doc: &mut DocumentMut,
    id: &str,
    member: &str,
    administrative: bool,
) -> Result<Outcome, ChangeError> {
    let practice = actor.practice;
    let client = known_client(practice, id)?;
    known_member(practice, member)?;
    // Leaving is free (SPEC §8): a member may always take themselves off a
    // chart's lists, whoever put them there.
    let needs = if administrative {
        (
            Permission::Restrict,
            "manage this client's administrative list",
        )
    } else {
        (Permission::GrantAccess, "revoke access to this client")
    };
    if !actor.is(member) {
        actor.require(needs.0, Some(id), needs.1)?;
    }
    if client.is_primary(member) {
        return Err(ChangeError::Refused(format!(
            "{member} is the primary clinician of {id}; assign another primary first (`praxis client assign {id} --primary M`)"
        )));
    }
    if practice.is_owner(member) {
        return Err(ChangeError::Refused(format!(
            "{member} is the practice owner, whose access cannot be revoked"
        )));
    }
    let entry = edit::client(doc, &client.id.value).ok_or_else(|| missing_entry("client", id))?;
    let mut changed = edit::pull(entry, "clinicians", member, Emptied::DropKey);
    changed |= edit::pull_temporary(entry, member);
    if administrative {
        changed |= edit::pull(entry, "administrative", member, Emptied::DropKey);
    }
    if !changed {
        let what = if administrative {
            "access"
        } else {
            "clinical access"
        };
        return Ok(Outcome::NoChange(format!(
            "{member} has no {what} to {id} to revoke"
        )));
    }
    let what = if administrative {
        "administrative and clinical access"
    } else {
        "clinical access"
    };
    Ok(Outcome::Changed(
        Summary::new(format!("revoked {member}'s {what} to {id}")).affecting(member, Some(id)),
    ))
}

/// What `client restrict` asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Restriction {
    /// `client restrict ID`: all-clients roles reach it only through its
    /// administrative list.
    Restrict,
    /// `client restrict ID --off`: lifted, its administrative list cleared.
    Lift,
}

pub fn client_restrict(
    actor: &Actor<'_>,
    doc: &mut DocumentMut,
    id: &str,
    wanted: Restriction,
) -> Result<Outcome, ChangeError> {
    let client = known_client(actor.practice, id)?;
    actor.require(Permission::Restrict, Some(id), "restrict this client")?;
    match (wanted, client.restricted) {
        (Restriction::Restrict, true) => {
            return Ok(Outcome::NoChange(format!("{id} is already restricted")));
        }
        (Restriction::Lift, false) => {
            return Ok(Outcome::NoChange(format!("{id} is not restricted")));
        }
        _ => {}
    }
    let entry = edit::client(doc, &client.id.value).ok_or_else(|| missing_entry("client", id))?;
    let did = if wanted == Restriction::Lift {
        edit::remove(entry, "restricted");
        edit::remove(entry, "administrative");
        format!("{id} is no longer restricted; its administrative list is cleared")
    } else {
        edit::set(entry, "restricted", Value::from(true));
        format!(
            "{id} is now restricted: all-clients roles reach it only through its administrative list"
        )
    };
    let mut summary = Summary::new(did);
    // Everyone whose all-scope access may change.
    for member in actor.practice.members.iter().filter(|m| m.active) {
        summary = summary.affecting(&member.id.value, Some(id));
    }
    Ok(Outcome::Changed(summary))
}

pub fn client_remove(
    actor: &Actor<'_>,
    doc: &mut DocumentMut,
    id: &str,
) -> Result<Outcome, ChangeError> {
    let client = known_client(actor.practice, id)?;
    actor.require(Permission::DeleteClients, Some(id), "remove this client")?;
    if !edit::remove_client(doc, &client.id.value) {
        return Err(missing_entry("client", id));
    }
    Ok(Outcome::Changed(Summary::new(format!(
        "removed client {id} (git keeps its history)"
    ))))
}
