//! Role changes: `role grant` (optionally in place of roles held) and
//! `role revoke`, which keeps a primary clinician clinical.

use super::edit::{self, Emptied};
use super::{
    Act, Actor, ChangeError, ChangeWarning, Did, EntryKind, Outcome, Summary, Unchanged,
    known_member, known_role, missing_entry,
};
use crate::rules::permission::Permission;
use crate::rules::validate::holds_clinical_role;
use toml_edit::DocumentMut;

pub fn role_grant(
    actor: &Actor<'_>,
    doc: &mut DocumentMut,
    id: &str,
    roles: &[String],
    replace: &[String],
) -> Result<Outcome, ChangeError> {
    let practice = actor.practice;
    let member = known_member(practice, id)?;
    for role in roles.iter().chain(replace) {
        known_role(practice, role)?;
    }
    actor.require(Permission::ManageMembers, None, Act::GrantRoles)?;
    if let Some(missing) = replace.iter().find(|old| !member.has_role(old)) {
        return Err(ChangeError::ReplaceNotHeld {
            member: id.to_string(),
            role: missing.clone(),
        });
    }
    let entry = edit::member(doc, id).ok_or_else(|| missing_entry(EntryKind::Member, id))?;
    let mut removed = Vec::new();
    for old in replace.iter().filter(|old| !roles.contains(old)) {
        if edit::pull(entry, "roles", old, Emptied::KeepKey) {
            removed.push(old.clone());
        }
    }
    let added: Vec<String> = roles
        .iter()
        .filter(|role| edit::push(entry, "roles", role))
        .cloned()
        .collect();
    if added.is_empty() && removed.is_empty() {
        return Ok(Outcome::NoChange(Unchanged::AlreadyHolds {
            member: id.to_string(),
            roles: roles.to_vec(),
        }));
    }
    let did = Did::RolesGranted {
        member: id.to_string(),
        added,
        instead_of: removed,
    };
    let mut summary = Summary::new(did).affecting(id, None);
    if !member.active {
        summary.warnings.push(ChangeWarning::InactiveMember {
            member: id.to_string(),
        });
    }
    Ok(Outcome::Changed(summary))
}

pub fn role_revoke(
    actor: &Actor<'_>,
    doc: &mut DocumentMut,
    id: &str,
    roles: &[String],
) -> Result<Outcome, ChangeError> {
    let practice = actor.practice;
    let member = known_member(practice, id)?;
    for role in roles {
        known_role(practice, role)?;
    }
    actor.require(Permission::ManageMembers, None, Act::RevokeRoles)?;
    let held: Vec<String> = roles
        .iter()
        .filter(|r| member.has_role(r))
        .cloned()
        .collect();
    if held.is_empty() {
        return Ok(Outcome::NoChange(Unchanged::HoldsNone {
            member: id.to_string(),
            roles: roles.to_vec(),
        }));
    }
    let primary_of = practice.clients_with_primary(id).count();
    if primary_of > 0 && holds_clinical_role(practice, member) {
        let mut after = member.clone();
        after.roles.retain(|r| !roles.contains(&r.value));
        if !holds_clinical_role(practice, &after) {
            return Err(ChangeError::LeftWithoutClinicalRole {
                member: id.to_string(),
                clients: primary_of,
            });
        }
    }
    let entry = edit::member(doc, id).ok_or_else(|| missing_entry(EntryKind::Member, id))?;
    for role in &held {
        edit::pull(entry, "roles", role, Emptied::KeepKey);
    }
    let did = Did::RolesRevoked {
        member: id.to_string(),
        roles: held,
    };
    Ok(Outcome::Changed(Summary::new(did).affecting(id, None)))
}
