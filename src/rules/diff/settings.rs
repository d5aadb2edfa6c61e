//! What changed in the practice's settings: `[practice]`, the effective
//! capability catalog and the roles, each compared as it takes effect
//! (order and the way grants are split do not count). `diff` reports these
//! and `diff --as` judges them from the same comparisons.

use super::sorted;
use crate::model::{Grant, Kind, Practice, Scope};
use std::collections::BTreeSet;

/// `[practice]` differs: its name, owner, `max_supervisors` or the format
/// version. `diff` reports it and `diff --as` judges it from this one place.
pub(in crate::rules) fn practice_section_changed(old: &Practice, new: &Practice) -> bool {
    old.name.value != new.name.value
        || old.owner_id() != new.owner_id()
        || old.max_supervisors.as_ref().map(|m| m.value)
            != new.max_supervisors.as_ref().map(|m| m.value)
        || old.version.value != new.version.value
}

/// The effective catalog as a set: the order capabilities are written in
/// changes nothing.
pub(in crate::rules) fn capability_set(practice: &Practice) -> BTreeSet<(String, Kind)> {
    practice
        .capabilities()
        .iter()
        .map(|c| (c.name.clone(), c.kind))
        .collect()
}

/// What a list of grants allows, as a set of (scope, pattern): splitting a
/// grant in two, merging two or reordering changes nothing.
pub(in crate::rules) fn effective_grants(grants: &[Grant]) -> BTreeSet<(Scope, String)> {
    grants
        .iter()
        .flat_map(|g| g.can.iter().map(move |p| (g.scope(), p.value.clone())))
        .collect()
}

/// A role as it takes effect, for comparing two versions.
#[derive(PartialEq, Eq)]
struct RoleEffect<'a> {
    grants: BTreeSet<(Scope, String)>,
    requires: BTreeSet<String>,
    excludes: BTreeSet<String>,
    description: Option<&'a str>,
}

fn role_effect<'a>(practice: &'a Practice, id: &str) -> Option<RoleEffect<'a>> {
    practice.role(id).map(|role| RoleEffect {
        grants: effective_grants(&role.grants),
        requires: sorted(&role.requires),
        excludes: sorted(&role.excludes),
        description: role.description.as_ref().map(|d| d.value.as_str()),
    })
}

pub(in crate::rules) fn redefined_roles(old: &Practice, new: &Practice) -> Vec<String> {
    let ids: BTreeSet<&str> = old
        .roles()
        .iter()
        .chain(new.roles())
        .map(|r| r.id.value.as_str())
        .collect();
    ids.into_iter()
        .filter(|id| role_effect(old, id) != role_effect(new, id))
        .map(str::to_string)
        .collect()
}
