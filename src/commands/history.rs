//! `praxis history`: the access timeline from the git history of the
//! practice file. One `git log --follow` lists the commits that touched it
//! (following renames), one `git cat-file --batch` reads every version, and
//! each valid version is compared with the last valid one as `diff` does,
//! so only what changed is decided. A version that does not validate is
//! listed as skipped. `review --stale/--since` walk the same history.

use super::timeline::{Judged, event, walk};
use super::{Context, emit};
use crate::cli::HistoryArgs;
use crate::exit::{Exit, Failure};
use crate::output::{self, Format, history as render};
use crate::rules::history;
use std::collections::BTreeMap;

pub fn run(args: HistoryArgs, context: &Context) -> Result<Exit, Failure> {
    let format = context.format(args.output.format, "history")?;
    let path = context.path()?;
    let mut events = Vec::new();
    let walked = walk(&path, "history", args.rev.as_deref(), |commit, judged| {
        let in_range = args.since.is_none_or(|since| commit.entered >= since)
            && args.until.is_none_or(|until| commit.entered <= until);
        if !in_range {
            return;
        }
        let event = match judged {
            Judged::Skipped(why) => event(commit, BTreeMap::new(), Some(why)),
            Judged::Changed(diff) => {
                let changes = history::narrow(diff, args.member.as_deref(), args.client.as_deref());
                if changes.is_empty() {
                    return;
                }
                event(commit, changes, None)
            }
        };
        events.push(event);
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
