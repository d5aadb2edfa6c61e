//! What one change did to the access of the members it affected: for a
//! member and a client, the client capabilities allowed on that client
//! before and not after, or after and not before; for a member alone, the
//! capabilities whose scopes changed. Data for the change's summary.

use crate::model::{Kind, Practice};
use crate::rules::{decide, matrix};
use chrono::NaiveDate;

/// One affected member's access, before and after a change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccessDelta {
    pub member: String,
    /// The client whose capabilities are compared; `None` compares the
    /// member's scopes (`capability (scope)`) across the practice.
    pub client: Option<String>,
    pub gained: Vec<String>,
    pub lost: Vec<String>,
}

impl AccessDelta {
    /// Whether a list of it names reading clinical notes on a client.
    pub fn reads_notes(list: &[String]) -> bool {
        list.iter().any(|c| c == crate::catalog::CLINICAL_READ)
    }
}

/// The access of each (member, client) pair before and after.
pub fn access_deltas(
    affected: &[(String, Option<String>)],
    before: &Practice,
    after: &Practice,
    date: NaiveDate,
) -> Vec<AccessDelta> {
    affected
        .iter()
        .map(|(member, client)| {
            let (gained, lost) = match client {
                Some(client) => client_delta(before, after, member, client, date),
                None => scope_delta(before, after, member),
            };
            AccessDelta {
                member: member.clone(),
                client: client.clone(),
                gained,
                lost,
            }
        })
        .collect()
}

/// Client capabilities on one client allowed before and after.
fn client_delta(
    before: &Practice,
    after: &Practice,
    member: &str,
    client: &str,
    date: NaiveDate,
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
        .filter(|c| c.kind == Kind::Client)
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
