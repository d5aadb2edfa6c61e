//! `praxis history`: the access timeline from the git history of the
//! practice file. One `git log --follow` lists the commits that touched it
//! (following renames), one `git cat-file --batch` reads the versions one at
//! a time, and each valid version is compared with the last valid one as
//! `diff` does, so only what changed is decided. A version that does not
//! validate, or is over the size limit, is listed as skipped; temporary
//! access ending is an entry of its own on the day after its last day.
//! `review --stale/--since` walk the same history.

use super::timeline::{self, walk};
use super::{Context, emit};
use crate::cli::HistoryArgs;
use crate::exit::{Exit, Failure};
use crate::model::Practice;
use crate::output::{self, Format, history as render};
use crate::rules::decide::QueryError;
use crate::rules::history::Narrow;

pub fn run(args: HistoryArgs, context: &Context) -> Result<Exit, Failure> {
    let format = context.format(args.output.format, "history")?;
    let path = context.path()?;
    if let Some(capability) = &args.capability {
        known_capability(capability, context)?;
    }
    let narrow = Narrow {
        member: args.member.as_deref(),
        client: args.client.as_deref(),
        capability: args.capability.as_deref(),
    };
    let mut events = Vec::new();
    let rev = args.rev.as_deref();
    let walked = walk(&path, "history", rev, context.date, |step| {
        let day = timeline::day(&step);
        let in_range = args.since.is_none_or(|since| day >= since)
            && args.until.is_none_or(|until| day <= until);
        if let Some(event) = timeline::entry(&step, &narrow).filter(|_| in_range) {
            events.push(event);
        }
    })?;
    if let Some(note) = walked.note(&path) {
        context.talk(&note);
    }
    emit(&match format {
        Format::Json => output::json(&events),
        Format::Csv => render::table(&events).to_csv(),
        Format::Markdown => render::table(&events).to_markdown(),
        _ => render::text(&events),
    })?;
    Ok(Exit::Success)
}

/// `--capability` names a capability of the catalog or of the practice
/// file as it is now (the built-in catalog alone when the file does not
/// load: the history may still be read); else exit 2 with the names.
fn known_capability(name: &str, context: &Context) -> Result<(), Failure> {
    let practice = context
        .load()
        .map(|loaded| loaded.practice)
        .unwrap_or_else(|_| Practice::catalog_only());
    if practice.capability(name).is_some() {
        return Ok(());
    }
    let known: Vec<&str> = practice
        .capabilities()
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    let hint = format!(
        "{}\n  the capabilities are: {}",
        crate::suggest::trailing(name, known.iter().copied()),
        known.join(", ")
    );
    Err(QueryError::UnknownCapability {
        name: name.to_string(),
        hint,
    }
    .into())
}
