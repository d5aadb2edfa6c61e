//! What changed between two versions of a practice, compared by meaning,
//! not text: effective access per member and client, roles, supervision,
//! members, clients, restriction and temporary access. Reordering the file
//! changes nothing here; redefining a role shows up on every holder.

use crate::model::{Client, Kind, Member, Practice, Scope, Spanned};
use crate::rules::decide::{self, Request, grants_of};
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
    fn is_empty(&self) -> bool {
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

/// What a decision for this member can depend on, besides the client entry:
/// if it is equal in both versions, so are the member's decisions on any
/// unchanged client.
#[derive(PartialEq, Eq)]
struct MemberStanding<'p> {
    active: bool,
    owner: bool,
    /// Each grant's scope and patterns, roles' first, in order.
    grants: Vec<(Scope, Vec<&'p str>)>,
    denies: BTreeSet<&'p str>,
    supervisees: BTreeSet<&'p str>,
}

impl<'p> MemberStanding<'p> {
    fn of(practice: &'p Practice, member: &'p Member) -> MemberStanding<'p> {
        MemberStanding {
            active: member.active,
            owner: practice.is_owner(&member.id.value),
            grants: grants_of(practice, member)
                .map(|(_, g)| (g.scope(), g.can.iter().map(|p| p.value.as_str()).collect()))
                .collect(),
            denies: member.denies.iter().map(|d| d.value.as_str()).collect(),
            supervisees: practice
                .supervisees_of(&member.id.value)
                .iter()
                .map(String::as_str)
                .collect(),
        }
    }
}

/// A client's entry as a comparable value: lists as sets, temporary entries
/// by member, last day and reason.
#[derive(PartialEq, Eq)]
struct ClientEntry<'p> {
    primary: &'p str,
    clinicians: BTreeSet<&'p str>,
    restricted: bool,
    administrative: BTreeSet<&'p str>,
    temporary: BTreeSet<(&'p str, NaiveDate, &'p str)>,
}

impl<'p> ClientEntry<'p> {
    fn of(client: &'p Client) -> ClientEntry<'p> {
        let set = |list: &'p [Spanned<String>]| list.iter().map(|v| v.value.as_str()).collect();
        ClientEntry {
            primary: &client.primary.value,
            clinicians: set(&client.clinicians),
            restricted: client.restricted,
            administrative: set(&client.administrative),
            temporary: client
                .temporary
                .iter()
                .map(|t| (t.member.value.as_str(), t.until.value, t.reason_text()))
                .collect(),
        }
    }
}

pub(super) fn allowed(
    practice: &Practice,
    member: &str,
    capability: &str,
    client: Option<&str>,
    date: NaiveDate,
) -> bool {
    let request = Request {
        member,
        capability,
        client,
        author: None,
    };
    decide::decide(practice, &request, date).is_ok_and(|d| d.allowed)
}

/// Compares effective access of OLD and NEW as of `date`.
/// `[practice]` differs: its name, owner, `max_supervisors` or the format
/// version. `diff` reports it and `diff --as` judges it from this one place.
pub(super) fn practice_section_changed(old: &Practice, new: &Practice) -> bool {
    old.name.value != new.name.value
        || old.owner_id() != new.owner_id()
        || old.max_supervisors.as_ref().map(|m| m.value)
            != new.max_supervisors.as_ref().map(|m| m.value)
        || old.version.value != new.version.value
}

pub fn compare(old: &Practice, new: &Practice, date: NaiveDate) -> PracticeDiff {
    let mut diff = PracticeDiff::default();
    let catalog_changed = capability_set(old) != capability_set(new);
    diff.settings_changed = practice_section_changed(old, new) || catalog_changed;
    diff.roles_redefined = redefined_roles(old, new);
    let member_ids: BTreeSet<&str> = old
        .members
        .iter()
        .chain(&new.members)
        .map(|m| m.id.value.as_str())
        .collect();
    let client_ids: BTreeSet<&str> = old
        .clients
        .iter()
        .chain(&new.clients)
        .map(|c| c.id.value.as_str())
        .collect();
    let changed_clients: BTreeSet<&str> = client_ids
        .iter()
        .copied()
        .filter(|id| old.client(id).map(ClientEntry::of) != new.client(id).map(ClientEntry::of))
        .collect();
    clients_section(old, new, &client_ids, date, &mut diff);
    for id in &member_ids {
        let (before, after) = (old.member(id), new.member(id));
        match (before, after) {
            (None, Some(_)) => diff.members_added.push(id.to_string()),
            (Some(_), None) => diff.members_removed.push(id.to_string()),
            (Some(b), Some(a)) if b.active && !a.active => {
                diff.members_deactivated.push(id.to_string())
            }
            (Some(b), Some(a)) if !b.active && a.active => {
                diff.members_reactivated.push(id.to_string())
            }
            _ => {}
        }
        let member_changed = catalog_changed
            || before.map(|m| MemberStanding::of(old, m))
                != after.map(|m| MemberStanding::of(new, m));
        let (changed, clients): (Changed, Vec<&str>) = if member_changed {
            (Changed::Standing, client_ids.iter().copied().collect())
        } else {
            (
                Changed::ClientsOnly,
                changed_clients.iter().copied().collect(),
            )
        };
        let mut change = access_change(old, new, id, &clients, changed, date);
        let roles = |m: Option<&Member>| m.map(|m| sorted(&m.roles)).unwrap_or_default();
        change.roles_granted = minus(&roles(after), &roles(before));
        change.roles_revoked = minus(&roles(before), &roles(after));
        let supervisors =
            |m: Option<&Member>| m.map(|m| sorted(&m.supervisors)).unwrap_or_default();
        change.supervisors_added = minus(&supervisors(after), &supervisors(before));
        change.supervisors_removed = minus(&supervisors(before), &supervisors(after));
        if !change.is_empty() {
            diff.members.insert(id.to_string(), change);
        }
    }
    diff
}

/// The effective catalog as a set: the order capabilities are written in
/// changes nothing.
pub(super) fn capability_set(practice: &Practice) -> BTreeSet<(String, Kind)> {
    practice
        .capabilities()
        .iter()
        .map(|c| (c.name.clone(), c.kind))
        .collect()
}

/// What a list of grants allows, as a set of (scope, pattern): splitting a
/// grant in two, merging two or reordering changes nothing.
pub(super) fn effective_grants(grants: &[crate::model::Grant]) -> BTreeSet<(Scope, String)> {
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

pub(super) fn redefined_roles(old: &Practice, new: &Practice) -> Vec<String> {
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

fn clients_section(
    old: &Practice,
    new: &Practice,
    ids: &BTreeSet<&str>,
    date: NaiveDate,
    diff: &mut PracticeDiff,
) {
    for id in ids {
        match (old.client(id), new.client(id)) {
            (None, Some(c)) => {
                diff.clients_added.push(id.to_string());
                if c.restricted {
                    diff.clients_restricted.push(id.to_string());
                }
            }
            (Some(_), None) => diff.clients_removed.push(id.to_string()),
            (Some(b), Some(a)) if !b.restricted && a.restricted => {
                diff.clients_restricted.push(id.to_string())
            }
            (Some(b), Some(a)) if b.restricted && !a.restricted => {
                diff.clients_unrestricted.push(id.to_string())
            }
            _ => {}
        }
        let temporaries = |c: Option<&Client>| -> Vec<TemporaryAdded> {
            c.map(|c| {
                c.temporary
                    .iter()
                    .map(|t| TemporaryAdded {
                        client: id.to_string(),
                        member: t.member.value.clone(),
                        until: t.until.value,
                        reason: t.reason_text().to_string(),
                    })
                    .collect()
            })
            .unwrap_or_default()
        };
        if let (Some(b), Some(a)) = (old.client(id), new.client(id)) {
            diff.lengthened.extend(lengthened(id, b, a));
        }
        let (before, after) = (temporaries(old.client(id)), temporaries(new.client(id)));
        let added: Vec<TemporaryAdded> = after
            .iter()
            .filter(|t| !before.contains(t))
            .cloned()
            .collect();
        // New entries for members who had none (an extension is counted in
        // `lengthened`; a reworded reason is no gain).
        diff.temporary_gained += added
            .iter()
            .filter(|t| t.until >= date)
            .filter(|t| !before.iter().any(|b| b.member == t.member))
            .count();
        diff.temporary_added.extend(added);
        diff.temporary_removed
            .extend(before.iter().filter(|t| !after.contains(t)).cloned());
    }
}

/// The last day a member's temporary access to `client` holds, if any.
fn temporary_end(client: &Client, member: &str) -> Option<NaiveDate> {
    client
        .temporary
        .iter()
        .filter(|t| t.member_is(member))
        .map(|t| t.until.value)
        .max()
}

/// Members of `before`'s temporary list whose access ends later in `after`.
fn lengthened(id: &str, before: &Client, after: &Client) -> Vec<Lengthened> {
    let members: BTreeSet<&str> = before
        .temporary
        .iter()
        .map(|t| t.member.value.as_str())
        .filter(|m| !before.is_primary(m) && !before.is_clinician(m))
        .collect();
    members
        .into_iter()
        .filter_map(|member| {
            let from = temporary_end(before, member)?;
            let permanent = after.is_primary(member) || after.is_clinician(member);
            let to = if permanent {
                None
            } else {
                Some(temporary_end(after, member).filter(|to| *to > from)?)
            };
            Some(Lengthened {
                client: id.to_string(),
                member: member.to_string(),
                from,
                to,
            })
        })
        .collect()
}

/// What about a member differs between the versions, so which of their
/// decisions to compare.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Changed {
    /// Their standing (roles, grants, denies, supervisees, the catalog):
    /// practice capabilities and every client.
    Standing,
    /// Only client entries: the clients that changed.
    ClientsOnly,
}

fn access_change(
    old: &Practice,
    new: &Practice,
    member: &str,
    clients: &[&str],
    changed: Changed,
    date: NaiveDate,
) -> AccessChange {
    let mut change = AccessChange::default();
    let capabilities: BTreeSet<(String, Kind)> = capability_set(old)
        .into_iter()
        .chain(capability_set(new))
        .collect();
    let in_practice = |p: &Practice, capability: &str| {
        p.capability(capability).is_some() && p.member(member).is_some()
    };
    for (capability, kind) in &capabilities {
        let mut record = |was: bool, is: bool, client: Option<&str>| {
            let target = match (was, is) {
                (false, true) => &mut change.gained,
                (true, false) => &mut change.lost,
                _ => return,
            };
            let entry = target.entry(capability.clone()).or_default();
            if let Some(client) = client {
                entry.push(client.to_string());
            }
        };
        match kind {
            Kind::Practice if changed == Changed::Standing => {
                let was =
                    in_practice(old, capability) && allowed(old, member, capability, None, date);
                let is =
                    in_practice(new, capability) && allowed(new, member, capability, None, date);
                record(was, is, None);
            }
            Kind::Practice => {}
            Kind::Client => {
                for client in clients {
                    let was = old.client(client).is_some()
                        && in_practice(old, capability)
                        && allowed(old, member, capability, Some(client), date);
                    let is = new.client(client).is_some()
                        && in_practice(new, capability)
                        && allowed(new, member, capability, Some(client), date);
                    record(was, is, Some(client));
                }
            }
        }
    }
    change
}
