//! `diff --as`: whether the acting member may make every change between
//! two versions, judged with their permissions in the old one (SPEC §4 and
//! §7). A command's side effects are judged with the command itself.
//!
//! Each change becomes a [`need::Need`]: settings here, members in
//! [`members`], clients in [`clients`]; the needs the actor does not meet
//! in the old version are the violations.

mod clients;
mod members;
mod need;

use super::diff::{capability_set, practice_section_changed, redefined_roles};
use crate::model::Practice;
use crate::rules::permission::Permission;
use chrono::NaiveDate;
use need::{Need, Permit};
use serde::Serialize;
use std::collections::BTreeMap;

/// A change the acting member may not make (SPEC §4 `diff --as`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Violation {
    pub change: String,
    pub needs: String,
    pub client: Option<String>,
    /// The change gives the actor access, so their own place on the chart
    /// does not count towards what it needs (SPEC §8 "No self-grants").
    pub self_grant: bool,
}

/// Every change from OLD to NEW that `actor` may not make, judged with the
/// actor's permissions in OLD.
pub fn unauthorized(
    old: &Practice,
    new: &Practice,
    actor: &str,
    date: NaiveDate,
) -> Vec<Violation> {
    let leaving = members::leaving(old, new);
    let mut needed = settings_needs(old, new);
    needed.extend(members::member_needs(old, new, &leaving));
    needed.extend(clients::client_needs(old, new, &leaving, actor, date));
    needed.extend(charts_gained_through_members(
        old, new, &leaving, actor, date, &needed,
    ));
    // SPEC §9.1: a client capability on every chart, given to the actor
    // by their own change (a role, an own grant), is a self-grant on every
    // chart at once; only the owner, who holds them all, is not judged so.
    let everywhere = crate::rules::gains::all_scope_gains(old, new, actor);
    if !everywhere.is_empty() {
        needed.push(
            Need::new(
                format!("give {actor} {} on every client", everywhere.join(", ")),
                &[],
                None,
            )
            .with(Permit::Owner),
        );
    }
    needed
        .into_iter()
        .filter(|need| !need.met_by(old, actor, date))
        .map(|need| {
            // Said only where it is the reason: the actor holds the
            // permission, but only through their own place on the chart.
            let self_grant = need.permit == Permit::Independent && {
                let mut any_route = need.clone();
                any_route.permit = Permit::Any;
                any_route.met_by(old, actor, date)
            };
            need.violation(self_grant)
        })
        .collect()
}

/// SPEC §9.1 "Self-gains by any route": a change to members (a role, a
/// supervision) can give the actor a chart whose own entry did not change,
/// through a supervisee on it. Each such chart needs `client.access` held
/// without the actor's place on it, as a `client grant` of themselves
/// would. Charts handed on by a removal to the actor (`member remove
/// --reassign-supervisees-to`) are the removal's, covered by members.manage
/// (SPEC §4), and charts whose entry changed are judged in [`clients`].
fn charts_gained_through_members(
    old: &Practice,
    new: &Practice,
    leaving: &std::collections::BTreeSet<&str>,
    actor: &str,
    date: NaiveDate,
    needed: &[Need],
) -> Vec<Need> {
    if members::handed_on_to(old, new, leaving, actor) {
        return Vec::new();
    }
    crate::rules::gains::charts_within_reach(new, actor)
        .into_iter()
        .filter(|&client| {
            old.client(client)
                .zip(new.client(client))
                .is_some_and(|(before, after)| !care_changed(before, after))
                && !needed.iter().any(|n| n.client.as_deref() == Some(client))
                && crate::rules::gains::gains_on_client(old, new, actor, client, date)
        })
        .map(|client| {
            Need::new(
                format!("give {actor} access to {client} through a change to members"),
                &[Permission::GrantAccess],
                Some(client),
            )
            .with(Permit::Independent)
        })
        .collect()
}

/// Whether a chart's entry changed who is on it or how: such a chart is
/// judged with its own change (`clients`), side effects of a removal
/// included.
fn care_changed(before: &crate::model::Client, after: &crate::model::Client) -> bool {
    let team = |c: &crate::model::Client| {
        let ids = |list: &[crate::model::Spanned<String>]| {
            list.iter().map(|m| m.value.clone()).collect::<Vec<_>>()
        };
        let temporary: Vec<(String, NaiveDate)> = c
            .temporary
            .iter()
            .map(|t| (t.member.value.clone(), t.until.value))
            .collect();
        (
            c.primary_id().map(str::to_string),
            ids(&c.clinicians),
            ids(&c.administrative),
            temporary,
            c.restricted,
        )
    };
    team(before) != team(after)
}

/// What changes to `[practice]`, its owner, `[roles]` and
/// `[capabilities]` need: `practice.settings`, and the owner to move
/// ownership.
fn settings_needs(old: &Practice, new: &Practice) -> Vec<Need> {
    let settings = |change: &str| Need::new(change.into(), &[Permission::ChangeSettings], None);
    let mut needed = Vec::new();
    if practice_section_changed(old, new) {
        needed.push(settings("change [practice]"));
    }
    if old.owner_id() != new.owner_id() {
        needed.push(settings("change the practice owner").with(Permit::Owner));
    }
    if !redefined_roles(old, new).is_empty() {
        needed.push(settings("change [roles]"));
    }
    if capability_set(old) != capability_set(new)
        || custom_descriptions(old) != custom_descriptions(new)
    {
        needed.push(settings("change [capabilities]"));
    }
    needed
}

/// The practice file changed kind or link target between OLD and NEW
/// (SPEC §8 "The file itself"): a PR that turns `practice.toml` into a link
/// moves every later check onto another file, so it needs
/// `practice.settings`.
pub fn file_change(old: &Practice, actor: &str, date: NaiveDate) -> Option<Violation> {
    let need = Need::new(
        "change what the practice file is (a regular file or a link, and its target)".into(),
        &[Permission::ChangeSettings],
        None,
    );
    (!need.met_by(old, actor, date)).then(|| need.violation(false))
}

/// Custom capabilities' descriptions by name: reordering changes nothing.
fn custom_descriptions(practice: &Practice) -> BTreeMap<String, String> {
    practice
        .capabilities
        .iter()
        .map(|c| {
            let description = c.description.as_ref().map(|d| d.value.clone());
            (c.name.value.clone(), description.unwrap_or_default())
        })
        .collect()
}
