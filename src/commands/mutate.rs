//! The one path every change takes: lock, read, validate, check the actor,
//! edit, validate the result as a whole, then write atomically — or, with
//! `--dry-run`, print the diff. A refused change never touches the file.

use super::Context;
use crate::changes::cut::Reach;
use crate::changes::{Actor, ChangeError, Edited, Outcome, Summary};
use crate::exit::{Exit, Failure};
use crate::model::Practice;
use crate::output::{self, diagnostics};
use crate::rules::{self, decide, matrix};
use crate::store;
use toml_edit::DocumentMut;

impl From<ChangeError> for Failure {
    fn from(error: ChangeError) -> Self {
        match error {
            ChangeError::Usage(message) => Failure::Usage(message),
            ChangeError::Refused(message) => Failure::Refused(message),
        }
    }
}

pub fn apply(
    context: &Context,
    dry_run: bool,
    reach: Reach<'_>,
    change: impl Fn(&Actor<'_>, &mut DocumentMut) -> Result<Outcome, ChangeError>,
) -> Result<Exit, Failure> {
    let date = context.change_date()?;
    let path = context.path()?;
    let target = store::write_target(&path);
    let _lock = if dry_run {
        None
    } else {
        Some(context.lock(&target)?)
    };
    if !dry_run {
        // Whatever this change comes to, clean up after a writer killed
        // mid-write: only the lock holder writes temporary files.
        let dir = match target.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => std::path::Path::new("."),
        };
        store::remove_stale_temporaries(dir, &target);
    }
    let loaded = context.load_path(&path)?;
    let actor = Actor::resolve(&loaded.practice, context.actor.as_deref(), date)?;
    let edited = crate::changes::edit_text(&loaded.contents.text, &actor, reach, change)
        .ok_or_else(|| {
            Failure::Invalid(format!(
                "{}: cannot parse for editing",
                output::escape::path(&path)
            ))
        })??;
    let (summary, new_text) = match edited {
        Edited::NoChange(why) => {
            super::emit(&format!("no change: {}\n", output::escape::text(&why)))?;
            return Ok(Exit::Success);
        }
        Edited::Changed(summary, new_text) => (summary, new_text),
    };
    let checked = rules::check(&new_text, date);
    if checked.findings.has_errors() {
        let mut errors = checked.findings.clone();
        errors
            .0
            .retain(|f| f.severity == crate::findings::Severity::Error);
        let rendered = diagnostics::render_text(
            &format!("{} (after the change)", path.display()),
            &new_text,
            &errors,
            output::stderr_color(),
        );
        return Err(Failure::Refused(format!(
            "the change would leave {} invalid, so nothing was written:\n{rendered}",
            output::escape::path(&path)
        )));
    }
    let clients: std::collections::BTreeSet<&str> = summary
        .affected
        .iter()
        .filter_map(|(_, client)| client.as_deref())
        .collect();
    actor.refuse_self_gain(&checked.practice, &clients.into_iter().collect::<Vec<_>>())?;
    if dry_run {
        let diff = similar::TextDiff::from_lines(&loaded.contents.text, &new_text);
        let name = path.display().to_string();
        let unified = diff.unified_diff().header(&name, &name).to_string();
        // The file's own lines are free text: a line ending stays a line
        // ending, anything else a terminal would act on is escaped.
        let shown: String = unified
            .split_inclusive('\n')
            .map(|line| {
                let body = line.trim_end_matches(['\n', '\r']);
                format!("{}\n", output::escape::text(body))
            })
            .collect();
        super::emit(&shown)?;
        return Ok(Exit::Success);
    }
    let bytes = loaded.contents.encode(&new_text);
    store::write_atomic(
        &target,
        bytes.as_bytes(),
        Some(&loaded.contents.original_bytes()),
    )?;
    // The file as written is validated already: keep it in the index, so
    // the next question about it does not parse it again. Only when the
    // text checked is the text written (no line endings put back), so the
    // kept findings point at the file's own bytes.
    if let Some(cache) = &context.cache
        && bytes.strip_prefix(store::BOM).unwrap_or(&bytes) == new_text
        && let Some(payload) = crate::rules::kept::encode(&checked)
    {
        cache.save(cache.key(bytes.as_bytes()), &payload);
    }
    // The file is written: a summary that cannot be printed is still exit
    // 2 (the answer did not arrive), and says the change was made.
    report(context, date, &summary, &loaded.practice, &checked.practice).map_err(|failure| {
        match failure {
            Failure::Output(error) => Failure::Output(std::io::Error::new(
                error.kind(),
                format!("{error} (the change to {} was written)", path.display()),
            )),
            other => other,
        }
    })?;
    // Warnings the change brought (an expiring grant, an idle supervisor):
    // accepted, but worth saying.
    for finding in checked.findings.iter() {
        if !loaded
            .findings
            .iter()
            .any(|old| old.message == finding.message)
        {
            context.talk(&format!(
                "warning[{}]: {}",
                finding.code.as_str(),
                output::escape::text(&finding.message)
            ));
        }
    }
    Ok(Exit::Success)
}

/// The summary line, then what changed in access for each affected member.
fn report(
    context: &Context,
    date: chrono::NaiveDate,
    summary: &Summary,
    before: &Practice,
    after: &Practice,
) -> Result<(), Failure> {
    let mut text = format!("{}\n", output::escape::text(&summary.did));
    for line in access_changes(summary, before, after, date) {
        text.push_str(&format!("  {}\n", output::escape::text(&line)));
    }
    if !context.quiet {
        super::emit(&text)?;
    }
    for warning in &summary.warnings {
        context.talk(&format!("warning: {}", output::escape::text(warning)));
    }
    Ok(())
}

fn access_changes(
    summary: &Summary,
    before: &Practice,
    after: &Practice,
    date: chrono::NaiveDate,
) -> Vec<String> {
    let mut lines = Vec::new();
    for (member, client) in &summary.affected {
        let (gained, lost) = match client {
            Some(client) => client_delta(before, after, member, client, date),
            None => scope_delta(before, after, member),
        };
        let on = client
            .as_ref()
            .map_or(String::new(), |c| format!(" on {c}"));
        let reads = |list: &[String]| list.iter().any(|c| c == "clinical.view");
        if !gained.is_empty() {
            let headline = if reads(&gained) && client.is_some() {
                format!(
                    "{member} can now read {}'s clinical notes",
                    client.as_deref().unwrap_or("")
                )
            } else {
                format!("{member} gains{on}")
            };
            lines.push(format!("{headline}: {}", gained.join(", ")));
        }
        if !lost.is_empty() {
            let headline = if reads(&lost) && client.is_some() {
                format!(
                    "{member} can no longer read {}'s clinical notes",
                    client.as_deref().unwrap_or("")
                )
            } else {
                format!("{member} loses{on}")
            };
            lines.push(format!("{headline}: {}", lost.join(", ")));
        }
    }
    lines
}

/// Client capabilities on one client allowed before and after.
fn client_delta(
    before: &Practice,
    after: &Practice,
    member: &str,
    client: &str,
    date: chrono::NaiveDate,
) -> (Vec<String>, Vec<String>) {
    let allowed = |practice: &Practice, capability: &str| {
        decide::decide(
            practice,
            &decide::Request {
                member,
                capability,
                client: Some(client),
                author: None,
            },
            date,
        )
        .is_ok_and(|d| d.allowed)
    };
    let mut gained = Vec::new();
    let mut lost = Vec::new();
    for capability in after
        .capabilities()
        .iter()
        .filter(|c| c.kind == crate::model::Kind::Client)
    {
        match (
            allowed(before, &capability.name),
            allowed(after, &capability.name),
        ) {
            (false, true) => gained.push(capability.name.clone()),
            (true, false) => lost.push(capability.name.clone()),
            _ => {}
        }
    }
    (gained, lost)
}

/// Capabilities whose scopes changed for the member, as `cap (scope)`.
fn scope_delta(before: &Practice, after: &Practice, member: &str) -> (Vec<String>, Vec<String>) {
    let row = |practice: &Practice| {
        practice.member(member).map_or_else(Vec::new, |m| {
            let cells = matrix::member_row(practice, m);
            practice
                .capabilities()
                .iter()
                .zip(cells)
                .flat_map(|(c, scopes)| {
                    scopes
                        .into_iter()
                        .map(move |s| format!("{} ({})", c.name, s.as_str()))
                })
                .collect::<Vec<_>>()
        })
    };
    let (old, new) = (row(before), row(after));
    let gained = new.iter().filter(|c| !old.contains(c)).cloned().collect();
    let lost = old.iter().filter(|c| !new.contains(c)).cloned().collect();
    (gained, lost)
}
