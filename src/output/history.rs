//! How `praxis history` is shown: a line per commit that changed access
//! (date, commit, author, approval), then what it changed, member by member;
//! one row per commit and member change for CSV and markdown.

use super::{Table, escape};
use crate::rules::diff::AccessChange;
use crate::rules::history::Event;

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

/// The timeline as text, oldest first.
pub fn text(events: &[Event]) -> String {
    if events.is_empty() {
        return "no commit changed this access\n".to_string();
    }
    let mut out = String::new();
    for event in events {
        let approved = event
            .approved_by
            .as_deref()
            .map_or(String::new(), |who| format!(", approved by {who}"));
        out.push_str(&escape::text(&format!(
            "{} {} {} (committed by {}{approved}): {}",
            event.date,
            short(&event.commit),
            event.author,
            event.committer,
            event.subject
        )));
        out.push('\n');
        if let Some(why) = &event.skipped {
            out.push_str(&format!("  skipped: {}\n", escape::text(why)));
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

/// One row per commit and member it changed (and one per skipped commit).
pub fn table(events: &[Event]) -> Table {
    let mut table = Table::new(&[
        "date",
        "commit",
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
                event.commit.clone(),
                event.author.clone(),
                event.committer.clone(),
                event.approved_by.clone().unwrap_or_default(),
                event.subject.clone(),
                member.to_string(),
                change,
            ]
        };
        if let Some(why) = &event.skipped {
            table.push(row("", format!("skipped: {why}")));
        }
        for (member, change) in &event.changes {
            table.push(row(member, change_text(change)));
        }
    }
    table
}
