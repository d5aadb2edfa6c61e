//! Member changes: init, add, edit, remove, roles and supervision.

use super::edit::{self, Emptied};
use super::{Actor, ChangeError, Outcome, Summary, known_member, known_role, missing_entry, taken};
use crate::catalog::ADMINISTRATOR;
use crate::rules::permission::{MemberField, Permission};
use crate::rules::validate::holds_clinical_role;
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
    actor.require(Permission::ManageMembers, None, "add members")?;
    if let Some(existing) = taken(
        &new.id,
        practice.members.iter().map(|m| m.id.value.as_str()),
    ) {
        return Err(ChangeError::Refused(format!(
            "member `{existing}` already exists (ids ignore letter case); edit it with `praxis member edit`"
        )));
    }
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
    edit::add_member(doc, &new.id, table);
    let roles = if new.roles.is_empty() {
        "no roles".to_string()
    } else {
        format!("role {}", new.roles.join(", "))
    };
    Ok(Outcome::Changed(
        Summary::new(format!(
            "added member {} ({}) with {roles}",
            new.id, new.name
        ))
        .affecting(&new.id, None),
    ))
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
/// The permission editing the field with this key needs, from the one
/// permission table (`rules::permission`); an unknown key is refused before
/// this is asked.
fn needs(key: &str) -> Permission {
    MemberField::from_key(key).map_or(Permission::ManageMembers, MemberField::permission)
}

pub fn member_edit(
    actor: &Actor<'_>,
    doc: &mut DocumentMut,
    id: &str,
    change: &MemberEdit,
) -> Result<Outcome, ChangeError> {
    let member = known_member(actor.practice, id)?;
    if let Some(field) = change.clear.iter().find(|f| !f.clearable()) {
        let clearable: Vec<&str> = MemberField::ALL
            .iter()
            .filter(|f| f.clearable())
            .map(|f| f.key())
            .collect();
        return Err(ChangeError::Usage(format!(
            "--clear takes one of {}, not `{}`",
            clearable.join(", "),
            field.key()
        )));
    }
    let mut fields: Vec<(&str, Option<Value>)> = Vec::new();
    let text = |v: &Option<String>| v.as_deref().map(Value::from);
    for (key, value) in [
        ("name", text(&change.name)),
        ("legal_name", text(&change.legal_name)),
        ("email", text(&change.email)),
        ("github", text(&change.github)),
        ("npi", text(&change.npi)),
        ("taxonomy", text(&change.taxonomy)),
        ("cosign", change.cosign.as_deref().map(edit::string_array)),
        (
            "bill_as_supervisor",
            change.bill_as_supervisor.map(Value::from),
        ),
        ("active", change.active.map(Value::from)),
    ] {
        if value.is_some() {
            fields.push((key, value));
        }
    }
    for field in &change.clear {
        let key = field.key();
        // Setting and clearing one field in one command says two things;
        // refuse rather than pick one (found by fuzzing).
        if fields.iter().any(|(set, _)| *set == key) {
            return Err(ChangeError::Usage(format!(
                "`{key}` is both set and cleared (--clear {key}); pass one of them"
            )));
        }
        fields.push((key, None));
    }
    if fields.is_empty() {
        return Err(ChangeError::Usage(
            "nothing to edit: pass --name, --email, --npi, --taxonomy, --cosign, --active … or --clear FIELD".into(),
        ));
    }
    if fields
        .iter()
        .any(|(key, _)| needs(key) == Permission::ManageMembers)
    {
        actor.require(Permission::ManageMembers, None, "edit members")?;
    }
    if fields
        .iter()
        .any(|(key, _)| needs(key) == Permission::EditCredentials)
    {
        actor.require(
            Permission::EditCredentials,
            None,
            "edit credentials and supervision",
        )?;
    }
    if change.active == Some(false) && actor.practice.is_owner(id) {
        return Err(ChangeError::Refused(format!(
            "{id} is the practice owner, who cannot be deactivated"
        )));
    }
    let entry = edit::member(doc, &member.id.value).ok_or_else(|| missing_entry("member", id))?;
    let mut changed = Vec::new();
    for (key, value) in fields {
        let did = match value {
            Some(value) => edit::set(entry, key, value),
            None => edit::remove(entry, key),
        };
        if did {
            changed.push(key);
        }
    }
    if changed.is_empty() {
        return Ok(Outcome::NoChange(format!("{id} already has those values")));
    }
    Ok(Outcome::Changed(
        Summary::new(format!("updated {} of member {id}", changed.join(", "))).affecting(id, None),
    ))
}

pub fn member_remove(
    actor: &Actor<'_>,
    doc: &mut DocumentMut,
    id: &str,
    clients_to: Option<&str>,
    supervisees_to: Option<&str>,
) -> Result<Outcome, ChangeError> {
    let practice = actor.practice;
    let member = known_member(practice, id)?;
    for target in [clients_to, supervisees_to].into_iter().flatten() {
        known_member(practice, target)?;
        if target == id {
            return Err(ChangeError::Usage(format!(
                "cannot reassign {id}'s clients or supervisees to {id}"
            )));
        }
    }
    actor.require(Permission::ManageMembers, None, "remove members")?;
    if practice.is_owner(id) {
        return Err(ChangeError::Refused(format!(
            "{id} is the practice owner and cannot be removed; make someone else owner in [practice] first"
        )));
    }
    let primary_of: Vec<&str> = practice
        .clients_with_primary(id)
        .map(|c| c.id.value.as_str())
        .collect();
    if !primary_of.is_empty() && clients_to.is_none() {
        return Err(ChangeError::Refused(format!(
            "{id} is primary for {} client(s) ({}); pass --reassign-clients-to MEMBER",
            primary_of.len(),
            preview(&primary_of)
        )));
    }
    let supervisees: Vec<String> = practice.supervisees_of(id).to_vec();
    let mentions_on_charts = practice.clients.iter().any(|c| {
        c.is_clinician(id) || c.in_administrative(id) || c.temporary.iter().any(|t| t.member_is(id))
    });
    if !member.active && primary_of.is_empty() && supervisees.is_empty() && !mentions_on_charts {
        return Ok(Outcome::NoChange(format!("{id} is already inactive")));
    }
    let mut summary = Summary::new(String::new());
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
                    summary
                        .warnings
                        .push(format!("{member_id} loses their supervisor {id}"));
                }
            }
        }
    }
    let entry = edit::member(doc, id).ok_or_else(|| missing_entry("member", id))?;
    edit::set(entry, "active", Value::from(false));
    let mut did = format!("deactivated {id} (kept for history)");
    if let Some(target) = clients_to
        && !primary_of.is_empty()
    {
        did.push_str(&format!(
            "; {} client(s) now have {target} as primary",
            primary_of.len()
        ));
    }
    if let Some(target) = supervisees_to
        && !supervisees.is_empty()
    {
        did.push_str(&format!(
            "; {} supervisee(s) now supervised by {target}",
            supervisees.len()
        ));
    }
    summary.did = did;
    summary.affected.insert(0, (id.to_string(), None));
    Ok(Outcome::Changed(summary))
}

fn preview(ids: &[&str]) -> String {
    let mut text = ids.iter().take(5).copied().collect::<Vec<_>>().join(", ");
    if ids.len() > 5 {
        text.push_str(&format!(", … {} more", ids.len() - 5));
    }
    text
}

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
    actor.require(Permission::ManageMembers, None, "grant roles")?;
    if let Some(missing) = replace.iter().find(|old| !member.has_role(old)) {
        return Err(ChangeError::Refused(format!(
            "{id} does not hold `{missing}`, so --replace {missing} cannot swap it"
        )));
    }
    let entry = edit::member(doc, id).ok_or_else(|| missing_entry("member", id))?;
    let mut removed = Vec::new();
    for old in replace.iter().filter(|old| !roles.contains(old)) {
        if edit::pull(entry, "roles", old, Emptied::KeepKey) {
            removed.push(old.as_str());
        }
    }
    let added: Vec<&str> = roles
        .iter()
        .filter(|role| edit::push(entry, "roles", role))
        .map(String::as_str)
        .collect();
    if added.is_empty() && removed.is_empty() {
        return Ok(Outcome::NoChange(format!(
            "{id} already holds {}",
            roles.join(", ")
        )));
    }
    let mut did = format!("{id} now holds {}", added.join(", "));
    if !removed.is_empty() {
        did.push_str(&format!(" instead of {}", removed.join(", ")));
    }
    Ok(Outcome::Changed(Summary::new(did).affecting(id, None)))
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
    actor.require(Permission::ManageMembers, None, "revoke roles")?;
    let held: Vec<&String> = roles.iter().filter(|r| member.has_role(r)).collect();
    if held.is_empty() {
        return Ok(Outcome::NoChange(format!(
            "{id} holds none of {}",
            roles.join(", ")
        )));
    }
    let primary_of = practice.clients_with_primary(id).count();
    if primary_of > 0 && holds_clinical_role(practice, member) {
        let mut after = member.clone();
        after.roles.retain(|r| !roles.contains(&r.value));
        if !holds_clinical_role(practice, &after) {
            return Err(ChangeError::Refused(format!(
                "{id} is primary for {primary_of} client(s) and would be left without a clinical role; \
                 reassign them first (`praxis client assign ID --primary M`)"
            )));
        }
    }
    let entry = edit::member(doc, id).ok_or_else(|| missing_entry("member", id))?;
    for role in &held {
        edit::pull(entry, "roles", role, Emptied::KeepKey);
    }
    let names: Vec<&str> = held.iter().map(|r| r.as_str()).collect();
    Ok(Outcome::Changed(
        Summary::new(format!("{id} no longer holds {}", names.join(", "))).affecting(id, None),
    ))
}

pub fn supervision_add(
    actor: &Actor<'_>,
    doc: &mut DocumentMut,
    supervisee: &str,
    supervisor: &str,
    cosign: &[String],
) -> Result<Outcome, ChangeError> {
    known_member(actor.practice, supervisee)?;
    known_member(actor.practice, supervisor)?;
    actor.require(Permission::EditCredentials, None, "change supervision")?;
    let entry = edit::member(doc, supervisee).ok_or_else(|| missing_entry("member", supervisee))?;
    let added = edit::push(entry, "supervisors", supervisor);
    let mut new_documents = Vec::new();
    for document in cosign {
        if edit::push(entry, "cosign", document) {
            new_documents.push(document.as_str());
        }
    }
    if !added && new_documents.is_empty() {
        return Ok(Outcome::NoChange(format!(
            "{supervisor} already supervises {supervisee}"
        )));
    }
    let mut did = format!("{supervisor} now supervises {supervisee}");
    if !new_documents.is_empty() {
        did.push_str(&format!(", co-signing {}", new_documents.join(" and ")));
    }
    Ok(Outcome::Changed(
        Summary::new(did).affecting(supervisor, None),
    ))
}

pub fn supervision_remove(
    actor: &Actor<'_>,
    doc: &mut DocumentMut,
    supervisee: &str,
    supervisor: &str,
) -> Result<Outcome, ChangeError> {
    known_member(actor.practice, supervisee)?;
    known_member(actor.practice, supervisor)?;
    actor.require(Permission::EditCredentials, None, "change supervision")?;
    let entry = edit::member(doc, supervisee).ok_or_else(|| missing_entry("member", supervisee))?;
    if !edit::pull(entry, "supervisors", supervisor, Emptied::KeepKey) {
        return Ok(Outcome::NoChange(format!(
            "{supervisor} does not supervise {supervisee}"
        )));
    }
    Ok(Outcome::Changed(
        Summary::new(format!("{supervisor} no longer supervises {supervisee}"))
            .affecting(supervisor, None),
    ))
}
