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
