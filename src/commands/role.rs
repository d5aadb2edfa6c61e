//! `praxis role …`: the role catalog and who holds what.

use super::{Context, emit, mutate};
use crate::changes;
use crate::changes::cut::Reach;
use crate::cli::{RoleCommand, RoleListArgs, RoleShowArgs};
use crate::exit::{Exit, Failure};
use crate::model::Practice;
use crate::output::Format;
use crate::output::{self, listings};
use listings::{RoleDetail, RoleRecord};

pub fn run(command: RoleCommand, context: &Context) -> Result<Exit, Failure> {
    match command {
        RoleCommand::Grant(args) => mutate::apply(
            context,
            args.dry_run.dry_run,
            Reach::NoClients,
            |actor, doc| changes::role_grant(actor, doc, &args.member, &args.roles, &args.replace),
        ),
        RoleCommand::Revoke(args) => mutate::apply(
            context,
            args.dry_run.dry_run,
            Reach::NoClients,
            |actor, doc| changes::role_revoke(actor, doc, &args.member, &args.roles),
        ),
        RoleCommand::List(args) => list(args, context),
        RoleCommand::Show(args) => show(args, context),
    }
}

/// The practice if there is a file, else the built-in catalog alone.
fn practice_or_catalog(context: &Context) -> Result<Practice, Failure> {
    match context.load() {
        Ok(loaded) => Ok(loaded.practice),
        Err(Failure::Store(crate::store::StoreError::NotFound { .. }))
            if context.file.is_none() =>
        {
            Ok(Practice::catalog_only())
        }
        Err(other) => Err(other),
    }
}

fn list(args: RoleListArgs, context: &Context) -> Result<Exit, Failure> {
    let format = context.format(args.output.format, "role list")?;
    let practice = practice_or_catalog(context)?;
    let records: Vec<RoleRecord> = practice
        .roles()
        .iter()
        .map(|role| RoleRecord::new(&practice, role))
        .collect();
    emit(&output::listing(
        format,
        &listings::role_table(&records),
        &records,
    ))?;
    Ok(Exit::Success)
}

fn show(args: RoleShowArgs, context: &Context) -> Result<Exit, Failure> {
    let format = context.format(args.output.format, "role show")?;
    let name = args.role.as_str();
    let practice = practice_or_catalog(context)?;
    changes::known_role(&practice, name)?;
    let Some(role) = practice.role(name) else {
        return Err(Failure::Usage(format!("unknown role `{name}`")));
    };
    let detail = RoleDetail::new(&practice, role);
    emit(&match format {
        Format::Json => output::json(&detail),
        Format::Csv => detail.grants_table().to_csv(),
        Format::Markdown => detail.grants_table().to_markdown(),
        _ => detail.text(),
    })?;
    Ok(Exit::Success)
}
