//! Client changes: add, assign, grant, revoke, restrict and remove.

use super::edit::{self, Emptied};
use super::{
    Act, Actor, ChangeError, ChartPlace, Did, EntryKind, Outcome, RevokeFrom, Summary, Unchanged,
    known_client, known_member, missing_entry, taken,
};
use crate::model::Client;
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
    actor.require(Permission::CreateClients, None, Act::AddClients)?;
    if let Some(existing) = taken(id, practice.clients.iter().map(|c| c.id.value.as_str())) {
        return Err(ChangeError::IdTaken {
            kind: EntryKind::Client,
            existing: existing.to_string(),
        });
    }
    let mut fields = InlineTable::new();
    fields.insert("primary", Value::from(primary));
    if !clinicians.is_empty() {
        fields.insert("clinicians", edit::string_array(clinicians));
    }
    edit::add_client(doc, id, fields);
    let mut summary = Summary::new(Did::ClientAdded {
        client: id.to_string(),
        primary: primary.to_string(),
    })
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
    actor.require_for(primary, Permission::AssignPrimary, id, Act::AssignPrimary)?;
    if client.is_primary(primary) {
        return Ok(Outcome::NoChange(Unchanged::AlreadyPrimary {
            member: primary.to_string(),
            client: id.to_string(),
        }));
    }
    let previous = client.primary.value.clone();
    let entry =
        edit::client(doc, &client.id.value).ok_or_else(|| missing_entry(EntryKind::Client, id))?;
    edit::set(entry, "primary", Value::from(primary));
    edit::pull(entry, "clinicians", primary, Emptied::DropKey);
    edit::pull_temporary(entry, primary);
    if keep_previous {
        edit::push(entry, "clinicians", &previous);
    }
    let summary = Summary::new(Did::PrimaryAssigned {
        client: id.to_string(),
        primary: primary.to_string(),
        previous_stays: keep_previous.then(|| previous.clone()),
    })
    .affecting(primary, Some(id))
    .affecting(&previous, Some(id));
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
    not_swapped(actor.practice, id, member)?;
    let client = known_client(actor.practice, id)?;
    known_member(actor.practice, member)?;
    if let Some(t) = temporary
        && t.reason.trim().is_empty()
    {
        return Err(ChangeError::EmptyReason);
    }
    actor.require_for(member, Permission::GrantAccess, id, Act::GrantAccess)?;
    if let Some(place) = chart_place(client, member) {
        return already_on_chart(member, id, place, temporary);
    }
    let entry =
        edit::client(doc, &client.id.value).ok_or_else(|| missing_entry(EntryKind::Client, id))?;
    let summary = match temporary {
        None => {
            edit::push(entry, "clinicians", member);
            // A permanent grant supersedes temporary entries (SPEC §3.4).
            edit::pull_temporary(entry, member);
            Summary::new(Did::ClinicianGranted {
                member: member.to_string(),
                client: id.to_string(),
            })
        }
        Some(t) if only_temporary_is(client, member, t) => {
            return Ok(Outcome::NoChange(Unchanged::AlreadyTemporary {
                member: member.to_string(),
                client: id.to_string(),
                until: t.until,
            }));
        }
        Some(t) => {
            edit::pull_temporary(entry, member);
            edit::push_temporary(entry, member, t.until, &t.reason);
            Summary::new(Did::TemporaryGranted {
                member: member.to_string(),
                client: id.to_string(),
                until: t.until,
                reason: t.reason.clone(),
            })
        }
    };
    Ok(Outcome::Changed(summary.affecting(member, Some(id))))
}

/// Where the member already is on the client's chart, if anywhere.
fn chart_place(client: &Client, member: &str) -> Option<ChartPlace> {
    match (client.is_primary(member), client.is_clinician(member)) {
        (true, _) => Some(ChartPlace::Primary),
        (false, true) => Some(ChartPlace::Clinician),
        (false, false) => None,
    }
}

/// A grant to someone already primary or clinician: nothing to do, but
/// temporary access on top of it is refused as adding nothing.
fn already_on_chart(
    member: &str,
    client: &str,
    place: ChartPlace,
    temporary: Option<&TemporaryGrant>,
) -> Result<Outcome, ChangeError> {
    let (member, client) = (member.to_string(), client.to_string());
    match temporary {
        None => Ok(Outcome::NoChange(Unchanged::AlreadyOnChart {
            member,
            client,
            place,
        })),
        Some(_) => Err(ChangeError::TemporaryAddsNothing {
            member,
            client,
            place,
        }),
    }
}

/// Whether the member's one temporary entry on the chart is already this
/// grant: same last day, same reason. Two entries are tidied into one.
fn only_temporary_is(client: &Client, member: &str, grant: &TemporaryGrant) -> bool {
    let mut entries = client.temporary.iter().filter(|e| e.member_is(member));
    let same = |e: &crate::model::Temporary| {
        e.until.value == grant.until && e.reason_text() == grant.reason
    };
    matches!((entries.next(), entries.next()), (Some(e), None) if same(e))
}

pub fn client_grant_administrative(
    actor: &Actor<'_>,
    doc: &mut DocumentMut,
    id: &str,
    member: &str,
) -> Result<Outcome, ChangeError> {
    let practice = actor.practice;
    not_swapped(practice, id, member)?;
    let client = known_client(practice, id)?;
    known_member(practice, member)?;
    actor.require_for(member, Permission::Restrict, id, Act::ManageAdministrative)?;
    if !client.restricted {
        return Err(ChangeError::ClientNotRestricted {
            client: id.to_string(),
        });
    }
    if client.in_administrative(member) {
        return Ok(Outcome::NoChange(Unchanged::AlreadyAdministrative {
            member: member.to_string(),
            client: id.to_string(),
        }));
    }
    if let Some(relation) =
        crate::rules::decide::administrative_relation(practice, client, member, actor.date)
    {
        return Ok(Outcome::NoChange(Unchanged::AdministrativeBy {
            member: member.to_string(),
            client: id.to_string(),
            relation,
        }));
    }
    let entry =
        edit::client(doc, &client.id.value).ok_or_else(|| missing_entry(EntryKind::Client, id))?;
    edit::push(entry, "administrative", member);
    Ok(Outcome::Changed(
        Summary::new(Did::AdministrativeGranted {
            member: member.to_string(),
            client: id.to_string(),
        })
        .affecting(member, Some(id)),
    ))
}

pub fn client_revoke(
    actor: &Actor<'_>,
    doc: &mut DocumentMut,
    id: &str,
    member: &str,
    from: RevokeFrom,
) -> Result<Outcome, ChangeError> {
    let practice = actor.practice;
    not_swapped(practice, id, member)?;
    let client = known_client(practice, id)?;
    known_member(practice, member)?;
    // Leaving is free (SPEC §8): a member may always take themselves off a
    // chart's lists, whoever put them there.
    let needs = match from {
        RevokeFrom::AllLists => (Permission::Restrict, Act::ManageAdministrative),
        RevokeFrom::ClinicalLists => (Permission::GrantAccess, Act::RevokeAccess),
    };
    if !actor.is(member) {
        actor.require(needs.0, Some(id), needs.1)?;
    }
    if client.is_primary(member) {
        return Err(ChangeError::RevokePrimary {
            member: member.to_string(),
            client: id.to_string(),
        });
    }
    if practice.is_owner(member) {
        return Err(ChangeError::RevokeOwner {
            member: member.to_string(),
        });
    }
    let entry =
        edit::client(doc, &client.id.value).ok_or_else(|| missing_entry(EntryKind::Client, id))?;
    let mut changed = edit::pull(entry, "clinicians", member, Emptied::DropKey);
    changed |= edit::pull_temporary(entry, member);
    if from == RevokeFrom::AllLists {
        changed |= edit::pull(entry, "administrative", member, Emptied::DropKey);
    }
    let (member, client) = (member.to_string(), id.to_string());
    if !changed {
        return Ok(Outcome::NoChange(Unchanged::NothingToRevoke {
            member,
            client,
            from,
        }));
    }
    let summary = Summary::new(Did::AccessRevoked {
        member: member.clone(),
        client,
        from,
    });
    Ok(Outcome::Changed(summary.affecting(&member, Some(id))))
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
    actor.require(Permission::Restrict, Some(id), Act::Restrict)?;
    match (wanted, client.restricted) {
        (Restriction::Restrict, true) => {
            return Ok(Outcome::NoChange(Unchanged::AlreadyRestricted {
                client: id.to_string(),
            }));
        }
        (Restriction::Lift, false) => {
            return Ok(Outcome::NoChange(Unchanged::NotRestricted {
                client: id.to_string(),
            }));
        }
        _ => {}
    }
    let entry =
        edit::client(doc, &client.id.value).ok_or_else(|| missing_entry(EntryKind::Client, id))?;
    let client = id.to_string();
    let did = match wanted {
        Restriction::Lift => {
            edit::remove(entry, "restricted");
            edit::remove(entry, "administrative");
            Did::RestrictionLifted { client }
        }
        Restriction::Restrict => {
            edit::set(entry, "restricted", Value::from(true));
            Did::Restricted { client }
        }
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
    actor.require(Permission::DeleteClients, Some(id), Act::RemoveClient)?;
    if !edit::remove_client(doc, &client.id.value) {
        return Err(missing_entry(EntryKind::Client, id));
    }
    Ok(Outcome::Changed(Summary::new(Did::ClientRemoved {
        client: id.to_string(),
    })))
}

/// `client grant dev C-1001`: a member where the client goes and a client
/// where the member goes is the arguments swapped, said as such rather than
/// "unknown client dev".
fn not_swapped(
    practice: &crate::model::Practice,
    id: &str,
    member: &str,
) -> Result<(), ChangeError> {
    let swapped = practice.client(id).is_none()
        && practice.member(id).is_some()
        && practice.client(member).is_some();
    match swapped {
        true => Err(ChangeError::Swapped {
            client: member.to_string(),
            member: id.to_string(),
        }),
        false => Ok(()),
    }
}
