//! `praxis access check|who|list`: the questions scripts and people ask.
//! `check` exits 0 only on allow; every error is exit 2, never 0.

use super::{Context, Loaded, emit};
use crate::cli::{AccessCheckArgs, AccessCommand, AccessListArgs, AccessWhoArgs};
use crate::exit::{Exit, Failure};
use crate::model::{Kind, Practice};
use crate::output::Format;
use crate::output::{self, Paint, Table, escape, explain, paint, records};
use crate::rules::decide::{
    self, Reason, Request, Route, decide_resolved, resolve, resolve_target,
};
use crate::rules::kept::Names;
use chrono::NaiveDate;
use serde_json::{Value, json};

pub fn run(command: AccessCommand, context: &Context) -> Result<Exit, Failure> {
    match command {
        AccessCommand::Check(args) if args.batch => super::batch::run(context),
        AccessCommand::Check(args) => check(args, context),
        AccessCommand::Who(args) => who(args, context),
        AccessCommand::List(args) => list(args, context),
    }
}

fn check(args: AccessCheckArgs, context: &Context) -> Result<Exit, Failure> {
    let format = context.format(output::LISTING_FORMATS, "access check")?;
    let (Some(member), Some(capability)) = (args.member.as_deref(), args.capability.as_deref())
    else {
        return Err(Failure::Usage(
            "access check needs MEMBER and CAPABILITY, or --batch".into(),
        ));
    };
    let request = Request {
        member,
        capability,
        client: args.client.as_deref(),
        author: args.author.as_deref(),
    };
    let practice = context.load_for_question(Names {
        member,
        client: request.client,
        author: request.author,
    })?;
    let decision = match decide::decide(&practice, &request, context.date) {
        Ok(decision) => decision,
        // The part of the practice a question reads cannot suggest the
        // closest id of a misspelled one: the whole practice answers errors.
        Err(_) => decide::decide(&context.load()?.practice, &request, context.date)?,
    };
    match format {
        Format::Json => emit(&output::json(&records::Check {
            member,
            capability,
            client: request.client,
            decision: decision.word(),
            reasons: Value::Array(explain::reasons_json(&decision.reasons, &request)),
        }))?,
        Format::Csv | Format::Markdown => {
            let mut table = Table::new(&["member", "capability", "client", "decision", "reasons"]);
            table.push(vec![
                member.to_string(),
                capability.to_string(),
                args.client.clone().unwrap_or_default(),
                decision.word().to_string(),
                explain::reasons(&decision.reasons, &request).join("; "),
            ]);
            emit(&if format == Format::Csv {
                table.to_csv()
            } else {
                table.to_markdown()
            })?;
        }
        _ => {
            let color = output::stdout_color();
            let word = if decision.allowed {
                paint("allow", Paint::Green, color)
            } else {
                paint("deny", Paint::Red, color)
            };
            let mut text = format!("{word}\n");
            if args.explain {
                for line in explain::reasons(&decision.reasons, &request) {
                    text.push_str(&format!("  - {}\n", escape::text(&line)));
                }
            }
            emit(&text)?;
        }
    }
    Ok(if decision.allowed {
        Exit::Success
    } else {
        Exit::Denied
    })
}

fn first_route(reasons: &[Reason]) -> Option<&decide::GrantMatch> {
    reasons.iter().find_map(|r| match r {
        Reason::Granted(grant) => Some(grant),
        _ => None,
    })
}

/// A short "why" for a table cell: owner, or the first grant's source and route.
pub fn why(reasons: &[Reason]) -> String {
    if reasons.iter().any(|r| matches!(r, Reason::Owner)) {
        return "owner".to_string();
    }
    match first_route(reasons) {
        Some(grant) => {
            let source = match &grant.source {
                decide::Source::Role(role) => role.clone(),
                decide::Source::Member => "own grant".to_string(),
            };
            format!(
                "{source} on {}: {}",
                grant.scope.as_str(),
                explain::route_short(&grant.route)
            )
        }
        None => String::new(),
    }
}

fn who(args: AccessWhoArgs, context: &Context) -> Result<Exit, Failure> {
    let format = context.format(output::LISTING_FORMATS, "access who")?;
    let loaded = context.load()?;
    let practice = &loaded.practice;
    let mut table = Table::new(&["member", "name", "why"]);
    let mut allowed = Vec::new();
    resolve_target(practice, &args.capability, args.client.as_deref())?;
    for member in practice.members.iter().filter(|m| m.active) {
        let request = Request {
            member: &member.id.value,
            capability: &args.capability,
            client: args.client.as_deref(),
            author: None,
        };
        let resolved = resolve(practice, &request)?;
        let decision = decide_resolved(practice, &resolved, context.date);
        if decision.allowed {
            table.push(vec![
                member.id.value.clone(),
                member.display_name().to_string(),
                why(&decision.reasons),
            ]);
            allowed.push(json!({
                "member": member.id.value,
                "name": member.display_name(),
                "reasons": explain::reasons_json(&decision.reasons, &request),
            }));
        }
    }
    emit(&output::listing(
        format,
        &table,
        &json!({
            "capability": args.capability,
            "client": args.client,
            "members": allowed,
        }),
    ))?;
    Ok(Exit::Success)
}

/// Where a member holds one client capability: each client and its route.
pub fn clients_allowed<'p>(
    practice: &'p Practice,
    member: &str,
    capability: &str,
    client: Option<&str>,
    date: NaiveDate,
) -> Result<Vec<(&'p str, Vec<Reason>)>, Failure> {
    let mut allowed = Vec::new();
    let ids: Vec<&str> = match client {
        Some(id) => vec![id],
        None => practice
            .clients
            .iter()
            .map(|c| c.id.value.as_str())
            .collect(),
    };
    for id in ids {
        let request = Request {
            member,
            capability,
            client: Some(id),
            author: None,
        };
        let resolved = resolve(practice, &request)?;
        let decision = decide_resolved(practice, &resolved, date);
        if decision.allowed
            && let Some(client) = resolved.client
        {
            allowed.push((client.id.value.as_str(), decision.reasons));
        }
    }
    Ok(allowed)
}

fn where_text(clients: &[(&str, Vec<Reason>)], total: usize) -> String {
    if clients.len() == total && total > 1 {
        return format!("all {total} clients");
    }
    let shown: Vec<String> = clients
        .iter()
        .take(8)
        .map(|(id, reasons)| {
            let why =
                first_route(reasons).map_or_else(|| "owner".to_string(), |g| route_word(&g.route));
            format!("{id} ({why})")
        })
        .collect();
    let more = clients.len().saturating_sub(shown.len());
    let mut text = shown.join(", ");
    if more > 0 {
        text.push_str(&format!(", and {more} more"));
    }
    text
}

fn route_word(route: &Route) -> String {
    match route {
        Route::Unrestricted => "all clients".to_string(),
        other => explain::route_short(other),
    }
}

fn list(args: AccessListArgs, context: &Context) -> Result<Exit, Failure> {
    let format = context.format(output::LISTING_FORMATS, "access list")?;
    let Loaded { practice, .. } = context.load()?;
    decide::find_member(&practice, &args.member)?;
    if let Some(client) = &args.client {
        decide::find_client(&practice, client)?;
    }
    let mut table = Table::new(&["capability", "kind", "where"]);
    let mut records = Vec::new();
    for capability in practice.capabilities() {
        match capability.kind {
            Kind::Practice => {
                let request = Request {
                    member: &args.member,
                    capability: &capability.name,
                    client: None,
                    author: None,
                };
                let decision = decide::decide(&practice, &request, context.date)?;
                if decision.allowed {
                    table.push(vec![
                        capability.name.clone(),
                        "practice".into(),
                        "practice".into(),
                    ]);
                    records.push(json!({
                        "capability": capability.name,
                        "kind": "practice",
                        "reasons": explain::reasons_json(&decision.reasons, &request),
                    }));
                }
            }
            Kind::Client => {
                let clients = clients_allowed(
                    &practice,
                    &args.member,
                    &capability.name,
                    args.client.as_deref(),
                    context.date,
                )?;
                if clients.is_empty() {
                    continue;
                }
                let total = if args.client.is_some() {
                    1
                } else {
                    practice.clients.len()
                };
                table.push(vec![
                    capability.name.clone(),
                    "client".into(),
                    where_text(&clients, total),
                ]);
                let entries: Vec<Value> = clients
                    .iter()
                    .map(|(id, reasons)| {
                        let request = Request {
                            member: &args.member,
                            capability: &capability.name,
                            client: Some(id),
                            author: None,
                        };
                        json!({ "client": id, "reasons": explain::reasons_json(reasons, &request) })
                    })
                    .collect();
                records.push(json!({
                    "capability": capability.name,
                    "kind": "client",
                    "clients": entries,
                }));
            }
        }
    }
    emit(&output::listing(
        format,
        &table,
        &json!({
            "member": args.member,
            "client": args.client,
            "capabilities": records,
        }),
    ))?;
    Ok(Exit::Success)
}
