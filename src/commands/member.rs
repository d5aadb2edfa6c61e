//! `praxis member …` and `praxis supervision …`: the staff directory and
//! changes to it.

use super::{Context, emit, mutate};
use crate::changes::cut::Reach;
use crate::changes::{self, MemberEdit, NewMember};
use crate::cli::{MemberCommand, MemberListArgs, SupervisionCommand};
use crate::exit::{Exit, Failure};
use crate::model::{Member, Practice, Spanned};
use crate::output::{self, Table};
use serde_json::{Value, json};

pub fn run(command: MemberCommand, context: &Context) -> Result<Exit, Failure> {
    match command {
        MemberCommand::Add(args) => {
            let new = NewMember {
                id: args.id,
                name: args.name,
                legal_name: args.legal_name,
                email: args.email,
                github: args.github,
                roles: args.roles,
                supervisors: args.supervisors,
                npi: args.npi,
                taxonomy: args.taxonomy,
                cosign: args.cosign,
                bill_as_supervisor: args.bill_as_supervisor,
            };
            mutate::apply(
                context,
                args.dry_run.dry_run,
                Reach::NoClients,
                |actor, doc| changes::member_add(actor, doc, &new),
            )
        }
        MemberCommand::Edit(args) => {
            let change = MemberEdit {
                name: args.name,
                legal_name: args.legal_name,
                email: args.email,
                github: args.github,
                npi: args.npi,
                taxonomy: args.taxonomy,
                cosign: args
                    .cosign
                    .map(|c| c.into_iter().filter(|d| !d.is_empty()).collect()),
                bill_as_supervisor: args.bill_as_supervisor,
                active: args.active,
                clear: args.clear.into_iter().map(Into::into).collect(),
            };
            mutate::apply(
                context,
                args.dry_run.dry_run,
                Reach::NoClients,
                |actor, doc| changes::member_edit(actor, doc, &args.id, &change),
            )
        }
        MemberCommand::Remove(args) => mutate::apply(
            context,
            args.dry_run.dry_run,
            Reach::ClientsNaming(&args.id),
            |actor, doc| {
                changes::member_remove(
                    actor,
                    doc,
                    &args.id,
                    args.reassign_clients_to.as_deref(),
                    args.reassign_supervisees_to.as_deref(),
                )
            },
        ),
        MemberCommand::List(args) => list(args, context),
        MemberCommand::Show(args) => show(&args.id, context),
    }
}

pub fn run_supervision(command: SupervisionCommand, context: &Context) -> Result<Exit, Failure> {
    match command {
        SupervisionCommand::Add(args) => mutate::apply(
            context,
            args.dry_run.dry_run,
            Reach::NoClients,
            |actor, doc| {
                changes::supervision_add(actor, doc, &args.supervisee, &args.by, &args.cosign)
            },
        ),
        SupervisionCommand::Remove(args) => mutate::apply(
            context,
            args.dry_run.dry_run,
            Reach::NoClients,
            |actor, doc| changes::supervision_remove(actor, doc, &args.supervisee, &args.by),
        ),
    }
}

fn values(list: &[Spanned<String>]) -> Vec<&str> {
    list.iter().map(|v| v.value.as_str()).collect()
}

fn text(field: &Option<Spanned<String>>) -> Option<&str> {
    field.as_ref().map(|f| f.value.as_str())
}

fn matches_search(member: &Member, needle: &str) -> bool {
    let needle = needle.to_lowercase();
    [
        Some(member.id.value.as_str()),
        Some(member.name.value.as_str()),
        text(&member.legal_name),
        text(&member.email),
    ]
    .into_iter()
    .flatten()
    .any(|field| field.to_lowercase().contains(&needle))
}

fn member_json(practice: &Practice, member: &Member) -> Value {
    json!({
        "id": member.id.value,
        "name": member.display_name(),
        "legal_name": text(&member.legal_name),
        "email": text(&member.email),
        "github": text(&member.github),
        "roles": values(&member.roles),
        "npi": text(&member.npi),
        "taxonomy": text(&member.taxonomy),
        "supervisors": values(&member.supervisors),
        "supervisees": practice.supervisees_of(&member.id.value),
        "cosign": values(&member.cosign),
        "bill_as_supervisor": member.bills_as_supervisor(),
        "active": member.active,
        "owner": practice.is_owner(&member.id.value),
    })
}

fn list(args: MemberListArgs, context: &Context) -> Result<Exit, Failure> {
    let format = context.format(output::LISTING_FORMATS, "member list")?;
    let loaded = context.load()?;
    let practice = &loaded.practice;
    if let Some(role) = &args.role {
        changes::known_role(practice, role)?;
    }
    let members: Vec<&Member> = practice
        .members
        .iter()
        .filter(|m| args.inactive || m.active)
        .filter(|m| args.role.as_ref().is_none_or(|r| m.has_role(r)))
        .filter(|m| args.search.as_ref().is_none_or(|s| matches_search(m, s)))
        .collect();
    let mut table = Table::new(&["id", "name", "roles", "email", "supervisors", "active"]);
    for member in &members {
        table.push(vec![
            member.id.value.clone(),
            member.display_name().to_string(),
            values(&member.roles).join(", "),
            text(&member.email).unwrap_or("").to_string(),
            values(&member.supervisors).join(", "),
            member.active.to_string(),
        ]);
    }
    emit(&output::listing(
        format,
        &table,
        &members
            .iter()
            .map(|m| member_json(practice, m))
            .collect::<Vec<_>>(),
    ))?;
    Ok(Exit::Success)
}

fn show(id: &str, context: &Context) -> Result<Exit, Failure> {
    let format = context.format(output::LISTING_FORMATS, "member show")?;
    let loaded = context.load()?;
    let practice = &loaded.practice;
    let member = changes::known_member(practice, id)?;
    let mut record = member_json(practice, member);
    let primary: Vec<&str> = practice
        .clients_with_primary(id)
        .map(|c| c.id.value.as_str())
        .collect();
    let clinician: Vec<&str> = practice
        .clients
        .iter()
        .filter(|c| c.is_clinician(id))
        .map(|c| c.id.value.as_str())
        .collect();
    let temporary: Vec<(&str, &crate::model::Temporary)> = practice
        .clients
        .iter()
        .flat_map(|c| {
            c.temporary
                .iter()
                .filter(|t| t.member_is(id))
                .map(move |t| (c.id.value.as_str(), t))
        })
        .collect();
    if let Some(object) = record.as_object_mut() {
        object.insert("primary_of".into(), json!(primary));
        object.insert("clinician_of".into(), json!(clinician));
        let entries: Vec<Value> = temporary
            .iter()
            .map(|(client, t)| {
                json!({
                    "client": client,
                    "until": t.until.value.to_string(),
                    "reason": t.reason_text(),
                })
            })
            .collect();
        object.insert("temporary".into(), Value::Array(entries));
    }
    let mut table = output::field_table(&record);
    if let Some(row) = table.rows.iter_mut().find(|r| r[0] == "temporary") {
        row[1] = temporary
            .iter()
            .map(|(client, t)| output::temporary_entry(client, t.until.value, t.reason_text()))
            .collect::<Vec<_>>()
            .join("; ");
    }
    emit(&output::listing(format, &table, &record))?;
    Ok(Exit::Success)
}
