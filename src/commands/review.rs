//! `praxis review`: the access review an auditor asks for, as a markdown
//! report a person signs, JSON and CSV for tools, or terminal tables.

use super::timeline::{self, Judged, Step};
use super::{Context, emit};
use crate::cli::ReviewArgs;
use crate::exit::{Exit, Failure};
use crate::model::Practice;
use crate::output;
use crate::output::Format;
use crate::output::review::{access_rows, markdown, terminal};
use crate::rules::decide;
use crate::rules::diff::compare;
use crate::rules::history::Narrow;
use crate::rules::review::{ChangesSince, Review, review};
use crate::rules::stale::{LastGained, flagged, stale};

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
    let mut report = review(
        practice,
        &loaded.findings,
        context.date,
        args.member.as_deref(),
        args.client.as_deref(),
    );
    if args.stale.is_some() || args.since.is_some() {
        report = with_history(report, &args, practice, context)?;
    }
    match format {
        Format::Json => emit(&output::json(&report))?,
        Format::Csv => emit(&access_rows(&report).to_csv())?,
        Format::Markdown => emit(&markdown(&report))?,
        Format::Html => emit(&crate::output::html::review(&report))?,
        _ => {
            for section in terminal(&report) {
                emit(&section)?;
            }
        }
    }
    Ok(Exit::Success)
}

/// The review with what only the file's git history tells: chart access
/// unchanged for longer than `--stale`, and the changes since `--since`.
fn with_history(
    mut report: Review,
    args: &ReviewArgs,
    practice: &Practice,
    context: &Context,
) -> Result<Review, Failure> {
    let path = context.path()?;
    let mut last_gained = LastGained::default();
    let mut events = Vec::new();
    let narrow = Narrow {
        member: args.member.as_deref(),
        client: args.client.as_deref(),
        capability: None,
    };
    let reader = "review --stale/--since";
    let walked = timeline::walk(&path, reader, None, context.date, |step| {
        if let Step::Commit(commit, Judged::Changed(diff)) = &step {
            last_gained.record(diff, commit.entered);
        }
        // As `history --since` lists them, skipped versions included.
        let listed = args
            .since
            .is_some_and(|since| timeline::day(&step) >= since);
        if let Some(event) = timeline::entry(&step, &narrow).filter(|_| listed) {
            events.push(event);
        }
    })?;
    if let Some(note) = walked.note(&path) {
        context.talk(&note);
    }
    // What the working file gives beyond the last commit was gained today.
    let committed = walked.last.unwrap_or_else(Practice::catalog_only);
    last_gained.record(&compare(&committed, practice, context.date), context.date);
    if let Some(since) = args.since {
        report.changes = Some(ChangesSince { since, events });
    }
    if let Some(days) = args.stale {
        let found = stale(&report, &last_gained, context.date, days);
        report = flagged(report, found, days);
    }
    Ok(report)
}
