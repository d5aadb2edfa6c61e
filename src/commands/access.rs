//! `praxis access check|who|list`: the questions scripts and people ask.
//! `check` exits 0 only on allow; every error is exit 2, never 0.

use super::{Context, Loaded, emit};
use crate::cli::{AccessCheckArgs, AccessCommand, AccessListArgs, AccessWhoArgs};
use crate::exit::{Exit, Failure};
use crate::output::Format;
use crate::output::{self, Paint, Table, escape, explain, paint, records};
use crate::rules::decide::{self, Decision, Request};
use crate::rules::kept::Names;
use crate::rules::queries::{self, Held};

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
    let client = args.client.as_deref();
    let allowed = queries::who(&loaded.practice, &args.capability, client, context.date)?;
    let record = records::Who {
        capability: &args.capability,
        client,
        members: allowed
            .iter()
            .map(|(member, reasons)| {
                let request = Request {
                    member: &member.id.value,
                    capability: &args.capability,
                    client,
                    author: None,
                };
                records::Allowed {
                    member: &member.id.value,
                    name: member.display_name(),
                    reasons: records::reasons(reasons, &request),
                }
            })
            .collect(),
    };
    emit(&output::listing(format, &record.table(), &record))?;
    Ok(Exit::Success)
}

fn list(args: AccessListArgs, context: &Context) -> Result<Exit, Failure> {
    let format = context.format(args.output.format, "access list")?;
    let Loaded { practice, .. } = context.load()?;
    let held = queries::held(
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
