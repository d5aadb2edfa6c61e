//! `praxis client …`: clients, their care team, restriction and temporary
//! access.

use super::{Context, emit, mutate};
use crate::changes::cut::Reach;
use crate::changes::{self, RevokeFrom, TemporaryGrant};
use crate::cli::{ClientCommand, ClientListArgs, ClientShowArgs};
use crate::exit::{Exit, Failure};
use crate::model::{Client, Practice};
use crate::output::{self, listings};
use listings::ClientRecord;

pub fn run(command: ClientCommand, context: &Context) -> Result<Exit, Failure> {
    match command {
        ClientCommand::Add(args) => mutate::apply(
            context,
            args.dry_run.dry_run,
            Reach::Client(&args.id),
            |actor, doc| changes::client_add(actor, doc, &args.id, &args.primary, &args.clinicians),
        ),
        ClientCommand::Assign(args) => mutate::apply(
            context,
            args.dry_run.dry_run,
            Reach::Client(&args.id),
            |actor, doc| {
                changes::client_assign(actor, doc, &args.id, &args.primary, args.keep_previous)
            },
        ),
        ClientCommand::Grant(args) => {
            let temporary = match (args.until, args.reason) {
                // An already-expired grant would be written only to warn
                // (P104) from then on; refuse it as a typo (SPEC §8).
                (Some(until), Some(_)) if until < super::Context::today() => {
                    return Err(Failure::Usage(format!(
                        "--until {until} is in the past; temporary access ends today or later"
                    )));
                }
                (Some(until), Some(reason)) => Some(TemporaryGrant { until, reason }),
                (Some(_), None) => {
                    return Err(Failure::Usage(
                        "--until needs --reason: say why temporary access is needed".into(),
                    ));
                }
                (None, Some(_)) => {
                    return Err(Failure::Usage(
                        "--reason goes with --until DATE (temporary access)".into(),
                    ));
                }
                (None, None) => None,
            };
            mutate::apply(
                context,
                args.dry_run.dry_run,
                Reach::Client(&args.id),
                |actor, doc| {
                    if args.administrative {
                        changes::client_grant_administrative(actor, doc, &args.id, &args.member)
                    } else {
                        changes::client_grant(
                            actor,
                            doc,
                            &args.id,
                            &args.member,
                            temporary.as_ref(),
                        )
                    }
                },
            )
        }
        ClientCommand::Revoke(args) => mutate::apply(
            context,
            args.dry_run.dry_run,
            Reach::Client(&args.id),
            |actor, doc| {
                let from = RevokeFrom::with_administrative(args.administrative);
                changes::client_revoke(actor, doc, &args.id, &args.member, from)
            },
        ),
        ClientCommand::Restrict(args) => mutate::apply(
            context,
            args.dry_run.dry_run,
            Reach::Client(&args.id),
            |actor, doc| changes::client_restrict(actor, doc, &args.id, restriction(args.off)),
        ),
        ClientCommand::Remove(args) => mutate::apply(
            context,
            args.dry_run.dry_run,
            Reach::Client(&args.id),
            |actor, doc| changes::client_remove(actor, doc, &args.id),
        ),
        ClientCommand::List(args) => list(args, context),
        ClientCommand::Show(args) => show(args, context),
    }
}

fn list(args: ClientListArgs, context: &Context) -> Result<Exit, Failure> {
    let format = context.format(args.output.format, "client list")?;
    let loaded = context.load()?;
    let practice: &Practice = &loaded.practice;
    if let Some(member) = &args.member {
        changes::known_member(practice, member)?;
    }
    let clients: Vec<&Client> = practice
        .clients
        .iter()
        .filter(|c| args.member.as_ref().is_none_or(|m| c.names(m)))
        .collect();
    let records: Vec<ClientRecord> = clients.iter().map(|c| ClientRecord::new(c)).collect();
    emit(&output::listing(
        format,
        &listings::client_table(&records),
        &records,
    ))?;
    Ok(Exit::Success)
}

fn show(args: ClientShowArgs, context: &Context) -> Result<Exit, Failure> {
    let format = context.format(args.output.format, "client show")?;
    let id = args.id.as_str();
    let loaded = context.load()?;
    let client = changes::known_client(&loaded.practice, id)?;
    let record = ClientRecord::new(client);
    emit(&output::listing(format, &record.table(), &record))?;
    Ok(Exit::Success)
}

/// `--off` as the restriction it asks for.
fn restriction(off: bool) -> crate::changes::Restriction {
    if off {
        crate::changes::Restriction::Lift
    } else {
        crate::changes::Restriction::Restrict
    }
}
