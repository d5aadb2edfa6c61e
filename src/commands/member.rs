//! `praxis member …` and `praxis supervision …`: the staff directory and
//! changes to it.

use super::{Context, emit, mutate};
use crate::changes::cut::Reach;
use crate::changes::{self, MemberEdit, NewMember};
use crate::cli::{MemberCommand, MemberListArgs, MemberShowArgs, SupervisionCommand};
use crate::exit::{Exit, Failure};
use crate::model::Member;
use crate::output::{self, listings};
use listings::{MemberDetail, MemberRecord};

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
        MemberCommand::Show(args) => show(args, context),
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

fn matches_search(member: &Member, needle: &str) -> bool {
    let needle = needle.to_lowercase();
    [
        Some(&member.id),
        Some(&member.name),
        member.legal_name.as_ref(),
        member.email.as_ref(),
    ]
    .into_iter()
    .flatten()
    .any(|field| field.value.to_lowercase().contains(&needle))
}

fn list(args: MemberListArgs, context: &Context) -> Result<Exit, Failure> {
    let format = context.format(args.output.format, "member list")?;
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
    let records: Vec<MemberRecord> = members
        .iter()
        .map(|m| MemberRecord::new(practice, m))
        .collect();
    emit(&output::listing(
        format,
        &listings::member_table(&records),
        &records,
    ))?;
    Ok(Exit::Success)
}

fn show(args: MemberShowArgs, context: &Context) -> Result<Exit, Failure> {
    let format = context.format(args.output.format, "member show")?;
    let id = args.id.as_str();
    let loaded = context.load()?;
    let practice = &loaded.practice;
    let member = changes::known_member(practice, id)?;
    let record = MemberDetail::new(practice, member);
    emit(&output::listing(format, &record.table(), &record))?;
    Ok(Exit::Success)
}
