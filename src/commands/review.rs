//! `praxis review`: the access review an auditor asks for, as a markdown
//! report a person signs, JSON and CSV for tools, or terminal tables.

use super::{Context, emit};
use crate::cli::ReviewArgs;
use crate::exit::{Exit, Failure};
use crate::output;
use crate::output::Format;
use crate::output::review::{access_rows, markdown, terminal};
use crate::rules::decide;
use crate::rules::review::review;

pub fn run(args: ReviewArgs, context: &Context) -> Result<Exit, Failure> {
    let format = context.format(args.format, "review")?;
    let loaded = context.load()?;
    let practice = &loaded.practice;
    if let Some(member) = &args.member {
        decide::find_member(practice, member)?;
    }
    if let Some(client) = &args.client {
        decide::find_client(practice, client)?;
    }
    if let Some(days) = args.expiring {
        let entries = crate::rules::expiring::expiring(practice, context.date, days);
        let table = output::review::expiring_table(&entries);
        emit(&match format {
            Format::Json => output::json(&entries),
            Format::Csv => table.to_csv(),
            Format::Markdown | Format::Html => table.to_markdown(),
            _ if entries.is_empty() => format!("no temporary access ends within {days} days\n"),
            _ => table.to_text(),
        })?;
        return Ok(Exit::Success);
    }
    let report = review(
        practice,
        &loaded.findings,
        context.date,
        args.member.as_deref(),
        args.client.as_deref(),
    );
    emit(&match format {
        Format::Json => output::json(&report),
        Format::Csv => access_rows(&report).to_csv(),
        Format::Markdown => markdown(&report),
        Format::Html => crate::output::html::review(&report),
        _ => terminal(&report),
    })?;
    Ok(Exit::Success)
}
