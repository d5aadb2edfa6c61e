//! The members section of a diff: who was added, removed, deactivated or
//! reactivated, and each member's change in effective access, found by
//! asking the decision in both versions. Only the questions whose answer
//! can differ are asked: a member whose standing is unchanged is asked
//! only about the clients whose entries changed.

use super::{AccessChange, PracticeDiff, capability_set, member_ids, minus, sorted};
use crate::model::{Client, Kind, Member, Practice, Scope, Spanned};
use crate::rules::decide::{self, Request, grants_of};
use chrono::NaiveDate;
use std::collections::BTreeSet;

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

pub(in crate::rules) fn allowed(
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

/// Records every member's change from OLD to NEW in `diff`.
/// `catalog_changed`: the effective capability catalog differs, which
/// changes every member's standing.
pub(super) fn members_section(
    old: &Practice,
    new: &Practice,
    client_ids: &BTreeSet<&str>,
    catalog_changed: bool,
    date: NaiveDate,
    diff: &mut PracticeDiff,
) {
    let all_clients: Vec<&str> = client_ids.iter().copied().collect();
    let changed_clients: Vec<&str> = client_ids
        .iter()
        .copied()
        .filter(|id| old.client(id).map(ClientEntry::of) != new.client(id).map(ClientEntry::of))
        .collect();
    for id in &member_ids(old, new) {
        let (before, after) = (old.member(id), new.member(id));
        record_presence(id, before, after, diff);
        let member_changed = catalog_changed
            || before.map(|m| MemberStanding::of(old, m))
                != after.map(|m| MemberStanding::of(new, m));
        let (changed, clients) = if member_changed {
            (Changed::Standing, &all_clients)
        } else {
            (Changed::ClientsOnly, &changed_clients)
        };
        let mut change = access_change(old, new, id, clients, changed, date);
        roles_and_supervisors(&mut change, before, after);
        if !change.is_empty() {
            diff.members.insert(id.to_string(), change);
        }
    }
}

/// A member added, removed, deactivated or reactivated.
fn record_presence(
    id: &str,
    before: Option<&Member>,
    after: Option<&Member>,
    diff: &mut PracticeDiff,
) {
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
}

/// The roles and supervisors a member gained and lost.
fn roles_and_supervisors(
    change: &mut AccessChange,
    before: Option<&Member>,
    after: Option<&Member>,
) {
    let roles = |m: Option<&Member>| m.map(|m| sorted(&m.roles)).unwrap_or_default();
    change.roles_granted = minus(&roles(after), &roles(before));
    change.roles_revoked = minus(&roles(before), &roles(after));
    let supervisors = |m: Option<&Member>| m.map(|m| sorted(&m.supervisors)).unwrap_or_default();
    change.supervisors_added = minus(&supervisors(after), &supervisors(before));
    change.supervisors_removed = minus(&supervisors(before), &supervisors(after));
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
