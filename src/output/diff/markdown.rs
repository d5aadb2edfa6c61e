//! `diff --format markdown`: the pull-request comment — headline, the
//! actor's verdict, what changed in the file, a table of who gains and
//! loses, and the details folded away. Every value from the files or the
//! command line goes through `escape::markdown` (or a code span when it is
//! a plain id): a reason cannot open a comment that hides the table below
//! it, nor a link, heading or list of its own.

use super::{Signs, headline, member_lines, structural_lines, violation_line};
use crate::output::escape;
use crate::rules::authorize::Violation;
use crate::rules::diff::PracticeDiff;
use std::collections::BTreeMap;

pub fn markdown(
    diff: &PracticeDiff,
    label: &str,
    actor: Option<&str>,
    violations: Option<&[Violation]>,
) -> String {
    let icon = if diff.gains_clinical() {
        "⚠️"
    } else {
        "🔒"
    };
    // The headline is ours: counts and words.
    let mut out = format!("### {icon} praxis: {}\n\n", headline(diff));
    out.push_str(&format!("Compared {}.\n\n", escape::markdown(label)));
    if let (Some(actor), Some(violations)) = (actor, violations) {
        out.push_str(&verdict(actor, violations));
    }
    out.push_str(&structural(diff));
    if !diff.members.is_empty() {
        out.push_str(&members_table(diff));
        out.push_str(&details(diff));
    }
    out
}

/// With `--as`: whether every change is the actor's to make, and if not,
/// which are not.
fn verdict(actor: &str, violations: &[Violation]) -> String {
    let actor = escape::markdown_code(actor);
    if violations.is_empty() {
        return format!("✅ Every change is {actor}'s to make.\n\n");
    }
    let mut out = format!(
        "❌ {actor} may not make {} change(s):\n\n",
        violations.len()
    );
    for v in violations {
        out.push_str(&format!("- {}\n", escape::markdown(&violation_line(v))));
    }
    out.push('\n');
    out
}

/// What changed in the file beyond members' access, an item each.
fn structural(diff: &PracticeDiff) -> String {
    let structural = structural_lines(diff);
    if structural.is_empty() {
        return String::new();
    }
    let mut out = String::new();
    for line in structural {
        out.push_str(&format!("- {}\n", escape::markdown(&line)));
    }
    out.push('\n');
    out
}

/// A row per member: capabilities gained and lost (with how many clients),
/// roles granted and revoked.
fn members_table(diff: &PracticeDiff) -> String {
    let code = |id: &str| escape::markdown_code(id);
    let count = |m: &BTreeMap<String, Vec<String>>| {
        m.iter()
            .map(|(c, clients)| match clients.len() {
                0 => code(c),
                n => format!("{} ({n})", code(c)),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = String::from("| member | gains | loses | roles |\n|---|---|---|---|\n");
    for (member, change) in &diff.members {
        let mut roles = Vec::new();
        roles.extend(
            change
                .roles_granted
                .iter()
                .map(|r| format!("➕ {}", escape::markdown(r))),
        );
        roles.extend(
            change
                .roles_revoked
                .iter()
                .map(|r| format!("➖ {}", escape::markdown(r))),
        );
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            code(member),
            count(&change.gained),
            count(&change.lost),
            roles.join(" ")
        ));
    }
    out.push_str(
        "\n_(n): on n clients; a capability without a count is practice-wide. \
         ➕ granted, ➖ revoked._\n",
    );
    out
}

/// Each member's lines, per client, folded under a summary.
fn details(diff: &PracticeDiff) -> String {
    let mut out = String::from("\n<details><summary>Details per member and client</summary>\n\n");
    for (member, change) in &diff.members {
        out.push_str(&format!("**{}**\n\n", escape::markdown(member)));
        for line in member_lines(change, Signs::Markdown) {
            out.push_str(&format!("- {}\n", escape::markdown(&line)));
        }
        out.push('\n');
    }
    out.push_str("</details>\n");
    out
}
