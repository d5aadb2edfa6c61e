//! Member changes: init, add, edit and remove. Roles are [`super::roles`],
//! supervision [`super::supervision`].

use super::edit::{self, Emptied};
use super::{
    Act, Actor, ChangeError, ChangeWarning, Did, EntryKind, Outcome, Summary, Unchanged,
    known_member, known_role, missing_entry, taken,
};
use crate::catalog::ADMINISTRATOR;
use crate::model::Practice;
use crate::rules::permission::{MemberField, Permission};
use toml_edit::{DocumentMut, Item, Table, Value};

/// The text of a new practice file.
pub fn init_text(name: &str, owner: &str, owner_name: &str, owner_email: Option<&str>) -> String {
    let mut doc = DocumentMut::new();
    doc.insert("version", toml_edit::value(1));
    let mut practice = Table::new();
    practice.insert("name", toml_edit::value(name));
    practice.insert("owner", toml_edit::value(owner));
    doc.insert("practice", Item::Table(practice));
    let mut member = Table::new();
    member.insert("name", toml_edit::value(owner_name));
    if let Some(email) = owner_email {
        member.insert("email", toml_edit::value(email));
    }
    member.insert(
        "roles",
        Item::Value(edit::string_array(&[ADMINISTRATOR.to_string()])),
    );
    edit::add_member(&mut doc, owner, member);
    let mut clients = Table::new();
    clients.decor_mut().set_prefix("\n");
    doc.insert("clients", Item::Table(clients));
    // The name also goes into a comment, which TOML does not escape: a line
    // break there would start TOML lines of its own. Arguments are checked
    // before they get here; this keeps the function safe on its own.
    let name: String = name
        .chars()
        .map(|c| match crate::rules::text::is_forbidden(c) {
            true => c.escape_unicode().to_string(),
            false => c.to_string(),
        })
        .collect();
    format!(
        "# Access control for {name}, kept by praxis (https://example.invalid/praxis).\n\
         # Change it with `praxis member add`, `praxis client grant` …, or edit and run `praxis validate`.\n{doc}"
    )
}

/// The fields of `member add`.
#[derive(Debug, Clone, Default)]
pub struct NewMember {
    pub id: String,
    pub name: String,
    pub legal_name: Option<String>,
    pub email: Option<String>,
    pub github: Option<String>,
    pub roles: Vec<String>,
    pub supervisors: Vec<String>,
    pub npi: Option<String>,
    pub taxonomy: Option<String>,
    pub cosign: Vec<String>,
    pub bill_as_supervisor: bool,
}

pub fn member_add(
    actor: &Actor<'_>,
    doc: &mut DocumentMut,
    new: &NewMember,
) -> Result<Outcome, ChangeError> {
    let practice = actor.practice;
    for role in &new.roles {
        known_role(practice, role)?;
    }
    for supervisor in &new.supervisors {
        known_member(practice, supervisor)?;
    }
    actor.require(Permission::ManageMembers, None, Act::AddMembers)?;
    if let Some(existing) = taken(
        &new.id,
        practice.members.iter().map(|m| m.id.value.as_str()),
    ) {
        return Err(ChangeError::IdTaken {
            kind: EntryKind::Member,
            existing: existing.to_string(),
        });
    }
    edit::add_member(doc, &new.id, member_table(new));
    Ok(Outcome::Changed(
        Summary::new(Did::MemberAdded {
            member: new.id.clone(),
            name: new.name.clone(),
            roles: new.roles.clone(),
        })
        .affecting(&new.id, None),
    ))
}

/// A new member's entry: their fields in the order of the file format,
/// the optional ones only when given.
fn member_table(new: &NewMember) -> Table {
    let mut table = Table::new();
    table.insert("name", toml_edit::value(new.name.as_str()));
    if let Some(legal) = &new.legal_name {
        table.insert("legal_name", toml_edit::value(legal.as_str()));
    }
    if let Some(email) = &new.email {
        table.insert("email", toml_edit::value(email.as_str()));
    }
    if let Some(login) = &new.github {
        table.insert("github", toml_edit::value(login.as_str()));
    }
    table.insert("roles", Item::Value(edit::string_array(&new.roles)));
    if let Some(npi) = &new.npi {
        table.insert("npi", toml_edit::value(npi.as_str()));
    }
    if let Some(taxonomy) = &new.taxonomy {
        table.insert("taxonomy", toml_edit::value(taxonomy.as_str()));
    }
    if !new.supervisors.is_empty() {
        table.insert(
            "supervisors",
            Item::Value(edit::string_array(&new.supervisors)),
        );
    }
    if !new.cosign.is_empty() {
        table.insert("cosign", Item::Value(edit::string_array(&new.cosign)));
    }
    if new.bill_as_supervisor {
        table.insert("bill_as_supervisor", toml_edit::value(true));
    }
    table
}

/// The fields `member edit` may change; `None` leaves a field alone.
#[derive(Debug, Clone, Default)]
pub struct MemberEdit {
    pub name: Option<String>,
    pub legal_name: Option<String>,
    pub email: Option<String>,
    pub github: Option<String>,
    pub npi: Option<String>,
    pub taxonomy: Option<String>,
    pub cosign: Option<Vec<String>>,
    pub bill_as_supervisor: Option<bool>,
    pub active: Option<bool>,
    /// Optional fields to remove.
    pub clear: Vec<MemberField>,
}

pub fn member_edit(
    actor: &Actor<'_>,
    doc: &mut DocumentMut,
    id: &str,
    change: &MemberEdit,
) -> Result<Outcome, ChangeError> {
    let member = known_member(actor.practice, id)?;
    let fields = edited_fields(change)?;
    let needed = |permission| fields.iter().any(|(f, _)| f.permission() == permission);
    if needed(Permission::ManageMembers) {
        actor.require(Permission::ManageMembers, None, Act::EditMembers)?;
    }
    if needed(Permission::EditCredentials) {
        actor.require(Permission::EditCredentials, None, Act::EditCredentials)?;
    }
    if change.active == Some(false) && actor.practice.is_owner(id) {
        return Err(ChangeError::DeactivateOwner {
            member: id.to_string(),
        });
    }
    let entry =
        edit::member(doc, &member.id.value).ok_or_else(|| missing_entry(EntryKind::Member, id))?;
    let changed = write_fields(entry, fields);
    if changed.is_empty() {
        return Ok(Outcome::NoChange(Unchanged::SameValues {
            member: id.to_string(),
        }));
    }
    Ok(Outcome::Changed(
        Summary::new(Did::MemberEdited {
            member: id.to_string(),
            fields: changed,
        })
        .affecting(id, None),
    ))
}

/// The fields `change` sets (with their new value) and clears (`None`),
/// or why they say nothing, or two things, about a field.
fn edited_fields(change: &MemberEdit) -> Result<Vec<(MemberField, Option<Value>)>, ChangeError> {
    if let Some(&field) = change.clear.iter().find(|f| !f.clearable()) {
        return Err(ChangeError::NotClearable { field });
    }
    let mut fields: Vec<(MemberField, Option<Value>)> = Vec::new();
    let text = |v: &Option<String>| v.as_deref().map(Value::from);
    for (field, value) in [
        (MemberField::Name, text(&change.name)),
        (MemberField::LegalName, text(&change.legal_name)),
        (MemberField::Email, text(&change.email)),
        (MemberField::Github, text(&change.github)),
        (MemberField::Npi, text(&change.npi)),
        (MemberField::Taxonomy, text(&change.taxonomy)),
        (
            MemberField::Cosign,
            change.cosign.as_deref().map(edit::string_array),
        ),
        (
            MemberField::BillAsSupervisor,
            change.bill_as_supervisor.map(Value::from),
        ),
        (MemberField::Active, change.active.map(Value::from)),
    ] {
        if value.is_some() {
            fields.push((field, value));
        }
    }
    for &field in &change.clear {
        // Setting and clearing one field in one command says two things;
        // refuse rather than pick one (found by fuzzing).
        if fields.iter().any(|(set, _)| *set == field) {
            return Err(ChangeError::SetAndCleared { field });
        }
        fields.push((field, None));
    }
    if fields.is_empty() {
        return Err(ChangeError::NothingToEdit);
    }
    Ok(fields)
}

/// Sets or removes each field in the member's entry; the fields whose
/// value changed.
fn write_fields(
    entry: &mut dyn toml_edit::TableLike,
    fields: Vec<(MemberField, Option<Value>)>,
) -> Vec<MemberField> {
    let mut changed = Vec::new();
    for (field, value) in fields {
        let did = match value {
            Some(value) => edit::set(entry, field.key(), value),
            None => edit::remove(entry, field.key()),
        };
        if did {
            changed.push(field);
        }
    }
    changed
}

/// `member remove`: the member is deactivated, kept for history; their
/// charts go to `clients_to` and their supervisees to `supervisees_to`.
pub fn member_remove(
    actor: &Actor<'_>,
    doc: &mut DocumentMut,
    id: &str,
    clients_to: Option<&str>,
    supervisees_to: Option<&str>,
) -> Result<Outcome, ChangeError> {
    let practice = actor.practice;
    let member = known_member(practice, id)?;
    reassignable(practice, id, [clients_to, supervisees_to])?;
    actor.require(Permission::ManageMembers, None, Act::RemoveMembers)?;
    if practice.is_owner(id) {
        return Err(ChangeError::RemoveOwner {
            member: id.to_string(),
        });
    }
    let primary_of: Vec<&str> = practice
        .clients_with_primary(id)
        .map(|c| c.id.value.as_str())
        .collect();
    if !primary_of.is_empty() && clients_to.is_none() {
        return Err(ChangeError::PrimaryOfClients {
            member: id.to_string(),
            clients: primary_of.iter().map(|c| c.to_string()).collect(),
        });
    }
    let supervisees: Vec<String> = practice.supervisees_of(id).to_vec();
    if !member.active && primary_of.is_empty() && supervisees.is_empty() && !on_charts(practice, id)
    {
        return Ok(Outcome::NoChange(Unchanged::AlreadyInactive {
            member: id.to_string(),
        }));
    }
    let mut summary = Summary::new(Did::MemberDeactivated {
        member: id.to_string(),
        clients_to: clients_to
            .filter(|_| !primary_of.is_empty())
            .map(|target| (target.to_string(), primary_of.len())),
        supervisees_to: supervisees_to
            .filter(|_| !supervisees.is_empty())
            .map(|target| (target.to_string(), supervisees.len())),
    });
    leave_charts(doc, id, clients_to, &mut summary);
    hand_over_supervisees(doc, id, supervisees_to, &mut summary);
    let entry = edit::member(doc, id).ok_or_else(|| missing_entry(EntryKind::Member, id))?;
    edit::set(entry, "active", Value::from(false));
    summary.affected.insert(0, (id.to_string(), None));
    Ok(Outcome::Changed(summary))
}

/// The members a removal hands charts and supervisees to: known, and not
/// the member removed.
fn reassignable(
    practice: &Practice,
    id: &str,
    targets: [Option<&str>; 2],
) -> Result<(), ChangeError> {
    for target in targets.into_iter().flatten() {
        known_member(practice, target)?;
        if target == id {
            return Err(ChangeError::ReassignToSelf {
                member: id.to_string(),
            });
        }
    }
    Ok(())
}

/// Whether any chart names the member: as clinician, on its
/// administrative list, or in a temporary entry.
fn on_charts(practice: &Practice, id: &str) -> bool {
    practice.clients.iter().any(|c| {
        c.is_clinician(id) || c.in_administrative(id) || c.temporary.iter().any(|t| t.member_is(id))
    })
}

/// Takes the member off every chart's lists; where they were primary,
/// `clients_to` becomes primary instead.
fn leave_charts(doc: &mut DocumentMut, id: &str, clients_to: Option<&str>, summary: &mut Summary) {
    for (client_id, entry) in edit::clients(doc) {
        let mut touched = edit::pull(entry, "clinicians", id, Emptied::DropKey);
        touched |= edit::pull(entry, "administrative", id, Emptied::DropKey);
        touched |= edit::pull_temporary(entry, id);
        if edit::get_str(entry, "primary") == Some(id)
            && let Some(target) = clients_to
        {
            edit::set(entry, "primary", Value::from(target));
            edit::pull(entry, "clinicians", target, Emptied::DropKey);
            edit::pull_temporary(entry, target);
            summary
                .affected
                .push((target.to_string(), Some(client_id.clone())));
            touched = true;
        }
        if touched {
            summary.affected.push((id.to_string(), Some(client_id)));
        }
    }
}

/// Each supervisee of the member gets `supervisees_to` as supervisor in
/// their place, or loses them (with a warning when nobody takes over).
fn hand_over_supervisees(
    doc: &mut DocumentMut,
    id: &str,
    supervisees_to: Option<&str>,
    summary: &mut Summary,
) {
    for (member_id, entry) in edit::members(doc) {
        if !edit::list_contains(entry, "supervisors", id) {
            continue;
        }
        match supervisees_to {
            Some(target)
                if target != member_id && !edit::list_contains(entry, "supervisors", target) =>
            {
                edit::replace(entry, "supervisors", id, target);
            }
            _ => {
                edit::pull(entry, "supervisors", id, Emptied::KeepKey);
                if supervisees_to.is_none() {
                    summary.warnings.push(ChangeWarning::LosesSupervisor {
                        supervisee: member_id.clone(),
                        supervisor: id.to_string(),
                    });
                }
            }
        }
    }
}
