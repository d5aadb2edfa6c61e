//! `praxis access check|who|list`: the questions scripts and people ask.
//! `check` exits 0 only on allow; every error is exit 2, never 0.

use super::{Context, Loaded, emit};
use crate::cli::{AccessCheckArgs, AccessCommand, AccessListArgs, AccessWhoArgs};
use crate::exit::{Exit, Failure};
use crate::model::{Kind, Practice};
use crate::output::Format;
use crate::output::{self, Paint, Table, escape, explain, paint, records};
use crate::rules::decide::{
    self, Decision, Reason, Request, decide_resolved, resolve, resolve_target,
};
use crate::rules::kept::Names;
use chrono::NaiveDate;

pub fn run(command: AccessCommand, context: &Context) -> Result<Exit, Failure> {
    match command {
        AccessCommand::Check(args) if args.batch => super::batch::run(context),
        AccessCommand::Check(args) => check(args, context),
        AccessCommand::Who(args) => who(args, context),
        AccessCommand::List(args) => list(args, context),
    }
}

fn check(args: AccessCheckArgs, context: &Context) -> Result<Exit, Failure> {
    let format = context.format(args.output.format, "access check")?;
    let (member, capability) = asked(&args, context.as_given.as_deref())?;
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
    emit(&answer(format, &request, &decision, args.explain))?;
    Ok(if decision.allowed {
        Exit::Success
    } else {
        Exit::Denied
    })
}

/// The answer to one question, in `format`; with `explain`, the text
/// answer lists the reasons.
fn answer(format: Format, request: &Request<'_>, decision: &Decision, explain: bool) -> String {
    match format {
        Format::Json => output::json(&records::Check {
            member: request.member,
            capability: request.capability,
            client: request.client,
            decision: records::Word::of(decision),
            reasons: records::reasons(&decision.reasons, request),
        }),
        Format::Csv | Format::Markdown => {
            let mut table = Table::new(&["member", "capability", "client", "decision", "reasons"]);
            table.push(vec![
                request.member.to_string(),
                request.capability.to_string(),
                request.client.unwrap_or_default().to_string(),
                decision.word().to_string(),
                explain::reasons(&decision.reasons, request).join("; "),
            ]);
            if format == Format::Csv {
                table.to_csv()
            } else {
                table.to_markdown()
            }
        }
        _ => {
            let color = output::stdout_color();
            let word = if decision.allowed {
                paint("allow", Paint::Green, color)
            } else {
                paint("deny", Paint::Red, color)
            };
            let mut text = format!("{word}\n");
            if explain {
                for line in explain::reasons(&decision.reasons, request) {
                    text.push_str(&format!("  - {}\n", escape::text(&line)));
                }
            }
            text
        }
    }
}

/// Who asks and for what: `access check MEMBER CAPABILITY`, or kubectl's
/// `--as MEMBER access check CAPABILITY`. Naming two different members is
/// refused rather than one silently ignored.
fn asked<'a>(
    args: &'a AccessCheckArgs,
    as_given: Option<&'a str>,
) -> Result<(&'a str, &'a str), Failure> {
    match (args.member.as_deref(), args.capability.as_deref(), as_given) {
        (Some(member), Some(capability), None) => Ok((member, capability)),
        (Some(member), Some(capability), Some(given)) if given == member => {
            Ok((member, capability))
        }
        (Some(member), Some(_), Some(given)) => Err(Failure::Usage(format!(
            "--as {given} and MEMBER {member} name two members; ask about one: \
             `praxis access check {member} CAPABILITY` or `praxis --as {given} access check CAPABILITY`"
        ))),
        (Some(capability), None, Some(given)) => Ok((given, capability)),
        _ => Err(Failure::Usage(
            "access check needs MEMBER and CAPABILITY (`praxis access check bob clinical.view \
             --client C-1001`), or --as MEMBER and the CAPABILITY, or --batch"
                .into(),
        )),
    }
}

fn who(args: AccessWhoArgs, context: &Context) -> Result<Exit, Failure> {
    let format = context.format(args.output.format, "access who")?;
    let loaded = context.load()?;
    let practice = &loaded.practice;
    resolve_target(practice, &args.capability, args.client.as_deref())?;
    let mut allowed = Vec::new();
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
            allowed.push((member, request, decision.reasons));
        }
    }
    let record = records::Who {
        capability: &args.capability,
        client: args.client.as_deref(),
        members: allowed
            .iter()
            .map(|(member, request, reasons)| records::Allowed {
                member: &member.id.value,
                name: member.display_name(),
                reasons: records::reasons(reasons, request),
            })
            .collect(),
    };
    emit(&output::listing(format, &record.table(), &record))?;
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

/// What a member holds: each capability practice-wide (with its reasons),
/// or the clients it holds on (with theirs).
enum Held<'p> {
    Practice(Vec<Reason>),
    Clients(Vec<(&'p str, Vec<Reason>)>),
}

fn list(args: AccessListArgs, context: &Context) -> Result<Exit, Failure> {
    let format = context.format(args.output.format, "access list")?;
    let Loaded { practice, .. } = context.load()?;
    decide::find_member(&practice, &args.member)?;
    if let Some(client) = &args.client {
        decide::find_client(&practice, client)?;
    }
    let held = holdings(
        &practice,
        &args.member,
        args.client.as_deref(),
        context.date,
    )?;
    let request = |capability, client| Request {
        member: &args.member,
        capability,
        client,
        author: None,
    };
    let record = records::Holdings {
        member: &args.member,
        client: args.client.as_deref(),
        capabilities: held
            .iter()
            .map(|(capability, held)| match held {
                Held::Practice(reasons) => records::Holding::Practice {
                    capability,
                    reasons: records::reasons(reasons, &request(capability, None)),
                },
                Held::Clients(clients) => records::Holding::Client {
                    capability,
                    clients: clients
                        .iter()
                        .map(|(client, reasons)| records::OnClient {
                            client,
                            reasons: records::reasons(reasons, &request(capability, Some(client))),
                        })
                        .collect(),
                },
            })
            .collect(),
    };
    let total = match args.client {
        Some(_) => 1,
        None => practice.clients.len(),
    };
    emit(&output::listing(format, &record.table(total), &record))?;
    Ok(Exit::Success)
}

/// Every capability `member` holds, practice-wide or on clients (`client`
/// alone, when given), in catalog order.
fn holdings<'p>(
    practice: &'p Practice,
    member: &str,
    client: Option<&str>,
    date: NaiveDate,
) -> Result<Vec<(&'p str, Held<'p>)>, Failure> {
    let mut held = Vec::new();
    for capability in practice.capabilities() {
        match capability.kind {
            Kind::Practice => {
                let request = Request {
                    member,
                    capability: &capability.name,
                    client: None,
                    author: None,
                };
                let decision = decide::decide(practice, &request, date)?;
                if decision.allowed {
                    held.push((capability.name.as_str(), Held::Practice(decision.reasons)));
                }
            }
            Kind::Client => {
                let clients = clients_allowed(practice, member, &capability.name, client, date)?;
                if !clients.is_empty() {
                    held.push((capability.name.as_str(), Held::Clients(clients)));
                }
            }
        }
    }
    Ok(held)
}
