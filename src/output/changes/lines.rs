//! The lines around a change's summary: what it did to each member's
//! access, the `--dry-run` diff, and what a new practice needs next.

use crate::rules::delta::AccessDelta;

/// What a change did to one member's access, a line each: reading a
/// chart's clinical notes (`clinical.view`) on its own line, then the other
/// capabilities gained or lost.
///
/// "bob can now read C-1's clinical notes", "bob also gains on C-1: …".
pub fn access_lines(delta: &AccessDelta) -> Vec<String> {
    let mut lines = Vec::new();
    for (list, notes, more, plain) in [
        (&delta.gained, "can now read", "also gains", "gains"),
        (&delta.lost, "can no longer read", "also loses", "loses"),
    ] {
        lines.extend(side(delta, list, notes, more, plain));
    }
    lines
}

fn side(delta: &AccessDelta, list: &[String], notes: &str, more: &str, plain: &str) -> Vec<String> {
    let member = &delta.member;
    let mut lines = Vec::new();
    let mut rest: Vec<&str> = list.iter().map(String::as_str).collect();
    if let Some(client) = &delta.client
        && AccessDelta::reads_notes(list)
    {
        lines.push(format!("{member} {notes} {client}'s clinical notes"));
        rest.retain(|c| *c != crate::catalog::CLINICAL_READ);
    }
    if !rest.is_empty() {
        let verb = if lines.is_empty() { plain } else { more };
        let on = delta
            .client
            .as_ref()
            .map_or(String::new(), |c| format!(" on {c}"));
        lines.push(format!("{member} {verb}{on}: {}", rest.join(", ")));
    }
    lines
}

/// `--dry-run`: the change as a unified diff from `old_name` to
/// `new_name`. The file's own lines are free text: a line ending stays a
/// line ending, anything else a terminal would act on is escaped.
pub fn unified_diff(old: &str, new: &str, old_name: &str, new_name: &str) -> String {
    let diff = similar::TextDiff::from_lines(old, new);
    let unified = diff.unified_diff().header(old_name, new_name).to_string();
    unified
        .split_inclusive('\n')
        .map(|line| {
            let body = line.trim_end_matches(['\n', '\r']);
            format!("{}\n", crate::output::escape::text(body))
        })
        .collect()
}

/// What a new practice needs next, after `init`.
pub fn after_init(owner: &str) -> String {
    let owner = crate::output::escape::text(owner);
    format!(
        "next:\n  praxis member add ID --name NAME --role clinician --as {owner}\n  \
         praxis client add ID --primary MEMBER --as {owner}\n  \
         praxis validate && git add practice.toml\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_are_named_apart_from_the_other_capabilities() {
        let delta = AccessDelta {
            member: "bob".into(),
            client: Some("C-1".into()),
            gained: vec!["client.edit".into(), "clinical.view".into()],
            lost: vec!["client.view".into()],
        };
        assert_eq!(
            access_lines(&delta),
            [
                "bob can now read C-1's clinical notes",
                "bob also gains on C-1: client.edit",
                "bob loses on C-1: client.view",
            ]
        );
    }
}
