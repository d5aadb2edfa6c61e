//! How `praxis diff` says what changed: the headline, the lines of text,
//! the CSV/table rows and the markdown for a pull-request comment. Every
//! id and reason from the files is free text and is escaped for where it
//! goes. The text and the pieces every format shares are here; the rows
//! are [`rows`], the pull-request comment [`markdown`].

mod markdown;
mod rows;

pub use markdown::markdown;
pub use rows::rows;

use crate::output::escape;
use crate::rules::authorize::Violation;
use crate::rules::diff::{AccessChange, FileKind, Lengthened, PracticeDiff};

/// `diff --format json`: what was compared, whether access changed, and
/// with `--as` what the actor may not make.
#[derive(Debug, serde::Serialize, schemars::JsonSchema)]
pub struct DiffRecord<'a> {
    /// The two versions, as the headline names them.
    pub compared: &'a str,
    /// The day decisions were taken on (temporary access).
    pub date: chrono::NaiveDate,
    /// Whether anything that bears on access changed.
    pub changed: bool,
    /// Whether someone gains clinical access (`--fail-on-gain`).
    pub gains_clinical: bool,
    /// With `--as`: the acting member's id in OLD; else `null`.
    pub actor: Option<&'a str>,
    /// With `--as`: the changes the actor may not make; else `null`.
    pub unauthorized: Option<&'a [Violation]>,
    pub diff: &'a PracticeDiff,
}

const FEW: usize = 5;

fn ids(list: &[String]) -> String {
    if list.len() <= FEW {
        list.join(", ")
    } else {
        format!(
            "{}, … and {} more",
            list[..FEW].join(", "),
            list.len() - FEW
        )
    }
}

fn where_clients(clients: &[String]) -> String {
    match clients.len() {
        0 => String::new(),
        1 => format!(" on {}", clients[0]),
        n => format!(" on {n} clients ({})", ids(clients)),
    }
}

/// "temporary access of dev on C-1005 extended: 2027-08-31 → 2099-12-31".
fn lengthened_text(l: &Lengthened) -> String {
    match l.to {
        Some(to) => format!(
            "temporary access of {} on {} extended: {} → {to}",
            l.member, l.client, l.from
        ),
        None => format!(
            "temporary access of {} on {} made permanent (it ended {})",
            l.member, l.client, l.from
        ),
    }
}

fn file_kind_text(kind: &FileKind) -> String {
    match kind {
        FileKind::Regular => "a regular file".into(),
        FileKind::Symlink(target) => format!("a symbolic link to {target}"),
    }
}

/// The one-line summary a reviewer reads first.
pub fn headline(diff: &PracticeDiff) -> String {
    if diff.is_empty() {
        return "no change in access".to_string();
    }
    let gaining = diff
        .members
        .values()
        .filter(|c| !c.gained.is_empty())
        .count();
    let losing = diff.members.values().filter(|c| !c.lost.is_empty()).count();
    let clinical = diff.members.values().filter(|c| c.gains_clinical()).count();
    let mut parts = vec![
        format!("{gaining} member(s) gain access"),
        format!("{losing} lose access"),
    ];
    if clinical > 0 {
        parts.push(format!("{clinical} gain clinical access"));
    }
    if !diff.lengthened.is_empty() {
        parts.push(format!(
            "{} temporary access lengthened",
            diff.lengthened.len()
        ));
    }
    if diff.file_changed.is_some() {
        parts.push("the practice file changed kind or link target".into());
    }
    for (count, what) in [
        (diff.members_added.len(), "member(s) added"),
        (
            diff.members_removed.len() + diff.members_deactivated.len(),
            "member(s) removed or deactivated",
        ),
        (diff.clients_added.len(), "client(s) added"),
        (diff.clients_removed.len(), "client(s) removed"),
        (diff.clients_restricted.len(), "client(s) restricted"),
        (diff.roles_redefined.len(), "role(s) redefined"),
    ] {
        if count > 0 {
            parts.push(format!("{count} {what}"));
        }
    }
    parts.join("; ")
}

fn structural_lines(diff: &PracticeDiff) -> Vec<String> {
    let mut lines = Vec::new();
    let mut list = |label: &str, values: &[String]| {
        if !values.is_empty() {
            lines.push(format!("{label}: {}", ids(values)));
        }
    };
    list("members added", &diff.members_added);
    list("members removed", &diff.members_removed);
    list("members deactivated", &diff.members_deactivated);
    list("members reactivated", &diff.members_reactivated);
    list("clients added", &diff.clients_added);
    list("clients removed", &diff.clients_removed);
    list("clients restricted", &diff.clients_restricted);
    list("clients unrestricted", &diff.clients_unrestricted);
    list("roles redefined", &diff.roles_redefined);
    if diff.settings_changed {
        lines.push("practice settings or custom capabilities changed".to_string());
    }
    for t in &diff.temporary_added {
        lines.push(format!(
            "temporary access added: {} on {} through {} (\"{}\")",
            t.member, t.client, t.until, t.reason
        ));
    }
    for l in &diff.lengthened {
        lines.push(lengthened_text(l));
    }
    if let Some((old, new)) = &diff.file_changed {
        lines.push(format!(
            "the practice file changed: {} → {}",
            file_kind_text(old),
            file_kind_text(new)
        ));
    }
    for t in &diff.temporary_removed {
        lines.push(format!(
            "temporary access removed: {} on {}",
            t.member, t.client
        ));
    }
    lines
}

/// How a member's line is marked: in text `+`/`-`, in markdown words a
/// renderer cannot turn into a nested list.
#[derive(Clone, Copy)]
enum Signs {
    Text,
    Markdown,
}

fn member_lines(change: &AccessChange, signs: Signs) -> Vec<String> {
    let (gains, loses) = match signs {
        Signs::Text => ("+", "-"),
        Signs::Markdown => ("➕ gains", "➖ loses"),
    };
    let mut lines = Vec::new();
    for (names, label) in [
        (&change.roles_granted, "roles granted"),
        (&change.roles_revoked, "roles revoked"),
        (&change.supervisors_added, "now supervised by"),
        (&change.supervisors_removed, "no longer supervised by"),
    ] {
        if !names.is_empty() {
            lines.push(format!("{label}: {}", names.join(", ")));
        }
    }
    lines.extend(
        grouped(&change.gained)
            .into_iter()
            .map(|l| format!("{gains} {l}")),
    );
    lines.extend(
        grouped(&change.lost)
            .into_iter()
            .map(|l| format!("{loses} {l}")),
    );
    lines
}

/// Capabilities that cover the same clients on one line:
/// `clinical.view, clinical.write on C-1001`.
fn grouped(changes: &std::collections::BTreeMap<String, Vec<String>>) -> Vec<String> {
    let mut by_clients: Vec<(&Vec<String>, Vec<&str>)> = Vec::new();
    for (capability, clients) in changes {
        match by_clients.iter_mut().find(|(c, _)| *c == clients) {
            Some((_, capabilities)) => capabilities.push(capability),
            None => by_clients.push((clients, vec![capability])),
        }
    }
    by_clients
        .into_iter()
        .map(|(clients, capabilities)| {
            format!("{}{}", capabilities.join(", "), where_clients(clients))
        })
        .collect()
}

fn violation_line(v: &Violation) -> String {
    let on = v
        .client
        .as_ref()
        .map_or(String::new(), |c| format!(" on {c}"));
    let rule = if v.self_grant {
        "; no self-grants: their own place on the chart does not count, only a grant on all \
         clients or ownership"
    } else {
        ""
    };
    format!("{} (needs {}{on}{rule})", v.change, v.needs)
}

pub fn text(
    diff: &PracticeDiff,
    label: &str,
    actor: Option<&str>,
    violations: Option<&[Violation]>,
) -> String {
    // Every line is our words around free text (ids, reasons, paths):
    // each piece of it is escaped, so a line is one line and none begins
    // with `::`.
    let line_start = |text: &str| {
        let text = escape::text(text).into_owned();
        if text.starts_with(':') {
            format!("./{text}")
        } else {
            text
        }
    };
    let mut out = format!("{}: {}\n", line_start(label), headline(diff));
    for line in structural_lines(diff) {
        out.push_str(&format!("  {}\n", escape::text(&line)));
    }
    for (member, change) in &diff.members {
        out.push_str(&format!("\n{}\n", line_start(member)));
        for line in member_lines(change, Signs::Text) {
            out.push_str(&format!("  {}\n", escape::text(&line)));
        }
    }
    if let (Some(actor), Some(violations)) = (actor, violations) {
        let actor = line_start(actor);
        out.push('\n');
        if violations.is_empty() {
            out.push_str(&format!("every change is {actor}'s to make\n"));
        } else {
            out.push_str(&format!(
                "{actor} may not make {} of these changes:\n",
                violations.len()
            ));
            for v in violations {
                out.push_str(&format!("  ✗ {}\n", escape::text(&violation_line(v))));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::diff::TemporaryAdded;

    /// The attack on a pull-request comment: a temporary reason that ends
    /// the list item and opens an HTML comment, hiding the gains table and
    /// showing a forged all-clear after it.
    #[test]
    fn a_reason_cannot_hide_the_gains_table() {
        let mut diff = PracticeDiff::default();
        diff.temporary_added.push(TemporaryAdded {
            client: "C-1".into(),
            member: "eve".into(),
            until: chrono::NaiveDate::from_ymd_opt(2099, 1, 1).unwrap_or_default(),
            reason: "Covering\n\n<!--\n\nNo clinical access changes.\n".into(),
        });
        let mut change = AccessChange::default();
        change
            .gained
            .insert("clinical.view".into(), vec!["C-1".into()]);
        diff.members.insert("eve".into(), change);
        let comment = markdown(&diff, "a → b", None, None);
        assert!(!comment.contains("<!--"), "{comment}");
        assert!(
            comment
                .lines()
                .any(|l| l.starts_with("| `eve` | `clinical.view` (1)")),
            "{comment}"
        );
        assert!(
            comment.lines().all(|l| !l.starts_with("No clinical")),
            "{comment}"
        );
        let text = text(&diff, "a → b", None, None);
        assert!(
            text.lines().all(|l| !l.starts_with("No clinical")),
            "{text}"
        );
    }
}
