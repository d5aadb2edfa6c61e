//! What changed between two versions of a practice, compared by meaning,
//! not text: effective access per member and client, roles, supervision,
//! members, clients, restriction and temporary access. Reordering the file
//! changes nothing here; redefining a role shows up on every holder.
//!
//! The report's types are here; [`settings`], [`clients`] and [`access`]
//! (members and what each may do) compare one part each.

mod access;
mod clients;
mod settings;

pub(in crate::rules) use access::allowed;
pub(in crate::rules) use settings::{
    capability_set, effective_grants, practice_section_changed, redefined_roles,
};

use crate::model::{Practice, Spanned};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// One member's change in effective access.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct AccessChange {
    /// capability → clients (empty for a practice capability).
    pub gained: BTreeMap<String, Vec<String>>,
    pub lost: BTreeMap<String, Vec<String>>,
    pub roles_granted: Vec<String>,
    pub roles_revoked: Vec<String>,
    pub supervisors_added: Vec<String>,
    pub supervisors_removed: Vec<String>,
}

impl AccessChange {
    pub fn is_empty(&self) -> bool {
        self.gained.is_empty()
            && self.lost.is_empty()
            && self.roles_granted.is_empty()
            && self.roles_revoked.is_empty()
            && self.supervisors_added.is_empty()
            && self.supervisors_removed.is_empty()
    }

    /// Whether the member gains any clinical capability on a client.
    pub fn gains_clinical(&self) -> bool {
        self.gained.keys().any(|c| c.starts_with("clinical."))
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct TemporaryAdded {
    pub client: String,
    pub member: String,
    pub until: NaiveDate,
    pub reason: String,
}

/// Access that holds to a later date than before (SPEC §8 "Longer access
/// is a gain"): a temporary entry extended or made permanent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Lengthened {
    pub client: String,
    pub member: String,
    /// The last day the old access held.
    pub from: NaiveDate,
    /// The new last day; `None` when the access is now permanent.
    pub to: Option<NaiveDate>,
}

/// What the practice file itself is, beside its contents: a PR that turns
/// it into a link moves the checks onto another file (SPEC §8).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(tag = "kind", content = "target", rename_all = "snake_case")]
pub enum FileKind {
    Regular,
    Symlink(String),
}

/// Everything `praxis diff` reports.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct PracticeDiff {
    pub members_added: Vec<String>,
    pub members_removed: Vec<String>,
    pub members_deactivated: Vec<String>,
    pub members_reactivated: Vec<String>,
    pub clients_added: Vec<String>,
    pub clients_removed: Vec<String>,
    pub clients_restricted: Vec<String>,
    pub clients_unrestricted: Vec<String>,
    pub temporary_added: Vec<TemporaryAdded>,
    pub temporary_removed: Vec<TemporaryAdded>,
    /// Temporary access that now holds longer; a gain, whatever it does to
    /// access as of the decision date.
    pub lengthened: Vec<Lengthened>,
    /// Temporary entries added that still hold on the decision date: a gain
    /// even when the member's access today is unchanged.
    pub temporary_gained: usize,
    /// The practice file changed kind or link target: (old, new).
    pub file_changed: Option<(FileKind, FileKind)>,
    pub roles_redefined: Vec<String>,
    pub settings_changed: bool,
    /// member id → their change; only members whose access or roles changed.
    pub members: BTreeMap<String, AccessChange>,
}

impl PracticeDiff {
    pub fn is_empty(&self) -> bool {
        *self == PracticeDiff::default()
    }

    pub fn gains_clinical(&self) -> bool {
        self.members.values().any(AccessChange::gains_clinical)
            || !self.lengthened.is_empty()
            || self.temporary_gained > 0
    }
}

pub(super) fn sorted(list: &[Spanned<String>]) -> BTreeSet<String> {
    list.iter().map(|v| v.value.clone()).collect()
}

fn minus(a: &BTreeSet<String>, b: &BTreeSet<String>) -> Vec<String> {
    a.difference(b).cloned().collect()
}

/// Every member id of either version, in order.
pub(in crate::rules) fn member_ids<'p>(old: &'p Practice, new: &'p Practice) -> BTreeSet<&'p str> {
    ids_of_either(&old.members, &new.members, |m| &m.id)
}

/// Every client id of either version, in order.
pub(in crate::rules) fn client_ids<'p>(old: &'p Practice, new: &'p Practice) -> BTreeSet<&'p str> {
    ids_of_either(&old.clients, &new.clients, |c| &c.id)
}

fn ids_of_either<'p, T>(
    old: &'p [T],
    new: &'p [T],
    id: fn(&'p T) -> &'p Spanned<String>,
) -> BTreeSet<&'p str> {
    old.iter()
        .chain(new)
        .map(|e| id(e).value.as_str())
        .collect()
}

/// Compares effective access of OLD and NEW as of `date`.
pub fn compare(old: &Practice, new: &Practice, date: NaiveDate) -> PracticeDiff {
    let mut diff = PracticeDiff::default();
    let catalog_changed = capability_set(old) != capability_set(new);
    diff.settings_changed = practice_section_changed(old, new) || catalog_changed;
    diff.roles_redefined = redefined_roles(old, new);
    let clients = client_ids(old, new);
    clients::clients_section(old, new, &clients, date, &mut diff);
    access::members_section(old, new, &clients, catalog_changed, date, &mut diff);
    diff
}
