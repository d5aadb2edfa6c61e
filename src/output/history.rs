//! How `praxis history` is shown: a line per commit that changed access
//! (date, commit, author, approval), then what it changed, member by member;
//! one row per commit and member change for CSV and markdown.

use super::{Table, escape};
use crate::rules::diff::{AccessChange, TemporaryAdded};
use crate::rules::history::{Event, EventKind};

/// "+ clinical.view on C-1001; roles granted: biller".
fn change_text(change: &AccessChange) -> String {
    let mut parts = Vec::new();
    let list = |sign: &str, map: &std::collections::BTreeMap<String, Vec<String>>| {
        map.iter()
            .map(|(capability, clients)| match clients.len() {
                0 => format!("{sign} {capability}"),
                1..=3 => format!("{sign} {capability} on {}", clients.join(", ")),
                n => format!("{sign} {capability} on {n} clients"),
            })
            .collect::<Vec<_>>()
    };
    if !change.roles_granted.is_empty() {
        parts.push(format!(
            "roles granted: {}",
            change.roles_granted.join(", ")
        ));
    }
    if !change.roles_revoked.is_empty() {
        parts.push(format!(
            "roles revoked: {}",
            change.roles_revoked.join(", ")
        ));
    }
    if !change.supervisors_added.is_empty() {
        parts.push(format!(
            "now supervised by {}",
            change.supervisors_added.join(", ")
        ));
    }
    if !change.supervisors_removed.is_empty() {
        parts.push(format!(
            "no longer supervised by {}",
            change.supervisors_removed.join(", ")
        ));
    }
    parts.extend(list("+", &change.gained));
    parts.extend(list("-", &change.lost));
    parts.join("; ")
}

fn short(commit: &str) -> &str {
    commit.get(..10).unwrap_or(commit)
}

/// "dev on C-1001 through 2026-12-20: Covering while bob is away".
fn temporary_text(entry: &TemporaryAdded) -> String {
    format!(
        "{} on {} through {}: {}",
        entry.member, entry.client, entry.until, entry.reason
    )
}

/// The marker of a backdated commit, for text and tables.
fn backdated_text(event: &Event) -> String {
    match (event.backdated, event.parent_date) {
        (true, Some(parent)) => format!("backdated: its parent is dated {parent}"),
        (true, None) => "backdated".to_string(),
        (false, _) => String::new(),
    }
}

/// The line that opens an event.
fn heading(event: &Event) -> String {
    if event.kind == EventKind::TemporaryEnded {
        return format!("{} (no commit): {}", event.date, event.subject);
    }
    let approved = event
        .approved_by
        .as_deref()
        .map_or(String::new(), |who| format!(", approved by {who}"));
    let backdated = match backdated_text(event) {
        text if text.is_empty() => text,
        text => format!(", {text}"),
    };
    format!(
        "{} {} {} (committed by {}{approved}{backdated}): {}",
        event.date,
        short(event.commit.as_deref().unwrap_or_default()),
        event.author.as_deref().unwrap_or_default(),
        event.committer.as_deref().unwrap_or_default(),
        event.subject
    )
}

/// How a temporary entry is introduced: added by a commit, or ended.
fn temporary_label(event: &Event) -> &'static str {
    match event.kind {
        EventKind::Commit => "temporary",
        EventKind::TemporaryEnded => "ended",
    }
}

/// The timeline as text, oldest first.
pub fn text(events: &[Event]) -> String {
    if events.is_empty() {
        return "no commit changed this access\n".to_string();
    }
    let mut out = String::new();
    for event in events {
        out.push_str(&escape::text(&heading(event)));
        out.push('\n');
        if let Some(why) = &event.skipped {
            out.push_str(&format!("  skipped: {}\n", escape::text(why)));
        }
        for entry in &event.temporary {
            out.push_str(&format!(
                "  {}: {}\n",
                temporary_label(event),
                escape::text(&temporary_text(entry))
            ));
        }
        for (member, change) in &event.changes {
            out.push_str(&format!(
                "  {member}: {}\n",
                escape::text(&change_text(change))
            ));
        }
    }
    out
}

/// One row per commit and member it changed, one per temporary entry it
/// added or that ended, and one per skipped commit.
pub fn table(events: &[Event]) -> Table {
    let mut table = Table::new(&[
        "date",
        "commit",
        "backdated",
        "author",
        "committer",
        "approved_by",
        "subject",
        "member",
        "change",
    ]);
    for event in events {
        let row = |member: &str, change: String| {
            vec![
                event.date.to_string(),
                event.commit.clone().unwrap_or_default(),
                backdated_text(event),
                event.author.clone().unwrap_or_default(),
                event.committer.clone().unwrap_or_default(),
                event.approved_by.clone().unwrap_or_default(),
                event.subject.clone(),
                member.to_string(),
                change,
            ]
        };
        if let Some(why) = &event.skipped {
            table.push(row("", format!("skipped: {why}")));
        }
        for entry in &event.temporary {
            table.push(row(
                &entry.member,
                format!("{}: {}", temporary_label(event), temporary_text(entry)),
            ));
        }
        for (member, change) in &event.changes {
            table.push(row(member, change_text(change)));
        }
    }
    table
}
