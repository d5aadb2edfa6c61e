//! `praxis role …`: the role catalog and who holds what.

use super::{Context, emit, mutate};
use crate::changes;
use crate::changes::cut::Reach;
use crate::cli::RoleCommand;
use crate::exit::{Exit, Failure};
use crate::model::{Practice, RoleDef};
use crate::output::Format;
use crate::output::{self, Table};
use crate::rules::pattern;
use serde_json::json;

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
        RoleCommand::List => list(context),
        RoleCommand::Show(args) => show(&args.role, context),
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

fn origin(practice: &Practice, role: &RoleDef) -> &'static str {
    match (
        role.builtin,
        crate::catalog::builtin_roles()
            .iter()
            .any(|b| b.id.value == role.id.value),
    ) {
        (true, _) => "built-in",
        (false, true) => "replaces built-in",
        (false, false) if practice.role(&role.id.value).is_some() => "custom",
        _ => "custom",
    }
}

fn holders(practice: &Practice, role: &str) -> Vec<String> {
    practice
        .members
        .iter()
        .filter(|m| m.active && m.has_role(role))
        .map(|m| m.id.value.clone())
        .collect()
}

fn description(role: &crate::model::RoleDef) -> Option<&str> {
    role.description.as_ref().map(|d| d.value.as_str())
}

fn list(context: &Context) -> Result<Exit, Failure> {
    let format = context.format(output::LISTING_FORMATS, "role list")?;
    let practice = practice_or_catalog(context)?;
    let mut table = Table::new(&["role", "origin", "holders", "description"]);
    let mut records = Vec::new();
    for role in practice.roles() {
        let holders = holders(&practice, &role.id.value);
        table.push(vec![
            role.id.value.clone(),
            origin(&practice, role).to_string(),
            holders.len().to_string(),
            description(role).unwrap_or_default().to_string(),
        ]);
        records.push(json!({
            "role": role.id.value,
            "origin": origin(&practice, role),
            "description": description(role),
            "holders": holders,
        }));
    }
    emit(&output::listing(format, &table, &records))?;
    Ok(Exit::Success)
}

fn show(name: &str, context: &Context) -> Result<Exit, Failure> {
    let format = context.format(output::LISTING_FORMATS, "role show")?;
    let practice = practice_or_catalog(context)?;
    changes::known_role(&practice, name)?;
    let Some(role) = practice.role(name) else {
        return Err(Failure::Usage(format!("unknown role `{name}`")));
    };
    let mut table = Table::new(&["on", "can", "covers"]);
    let mut grants = Vec::new();
    for grant in &role.grants {
        let scope = grant.scope();
        let patterns: Vec<&str> = grant.can.iter().map(|p| p.value.as_str()).collect();
        let covers: Vec<String> = practice
            .capabilities()
            .iter()
            .filter(|c| {
                c.kind == scope.kind() && patterns.iter().any(|p| pattern::matches(p, &c.name))
            })
            .map(|c| c.name.clone())
            .collect();
        table.push(vec![
            scope.as_str().to_string(),
            patterns.join(", "),
            covers.join(", "),
        ]);
        grants.push(json!({ "on": scope.as_str(), "can": patterns, "covers": covers }));
    }
    let names = |list: &[crate::model::Spanned<String>]| {
        list.iter().map(|r| r.value.clone()).collect::<Vec<_>>()
    };
    let requires = names(&role.requires);
    let excludes = names(&role.excludes);
    emit(&match format {
        Format::Json => output::json(&json!({
            "role": role.id.value,
            "origin": origin(&practice, role),
            "description": description(role),
            "grants": grants,
            "requires": requires,
            "excludes": excludes,
            "holders": holders(&practice, name),
        })),
        Format::Csv => table.to_csv(),
        Format::Markdown => table.to_markdown(),
        _ => {
            let mut text = format!(
                "{} ({})",
                output::escape::text(&role.id.value),
                origin(&practice, role)
            );
            if let Some(description) = description(role) {
                text.push_str(&format!(": {}", output::escape::text(description)));
            }
            text.push('\n');
            if !requires.is_empty() {
                text.push_str(&format!(
                    "requires: {}\n",
                    output::escape::text(&requires.join(", "))
                ));
            }
            if !excludes.is_empty() {
                text.push_str(&format!(
                    "excludes: {}\n",
                    output::escape::text(&excludes.join(", "))
                ));
            }
            text.push_str(&table.to_text());
            text
        }
    })?;
    Ok(Exit::Success)
}
