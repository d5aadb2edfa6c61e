//! What changes to clients need (SPEC §4, §7, §8): a new client, and for a
//! changed one its primary, restriction and clinical access, each judged
//! with the side effects of the command that makes it (`member remove`
//! hands charts on, `client assign` moves the new primary off
//! `clinicians`, `client revoke --administrative` also takes clinical
//! access).

use super::need::{Need, Permit};
use crate::model::{Client, Practice};
use crate::rules::diff::{client_ids, sorted};
use crate::rules::gains::gains_on_client;
use crate::rules::permission::Permission;
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

/// What every client added, removed or changed from OLD to NEW needs of
/// `actor`.
pub(super) fn client_needs(
    old: &Practice,
    new: &Practice,
    leaving: &BTreeSet<&str>,
    actor: &str,
    date: NaiveDate,
) -> Vec<Need> {
    let handed_on = handed_on_clients(old, new, leaving, actor, date);
    let mut needed = Vec::new();
    for id in client_ids(old, new) {
        match (old.client(id), new.client(id)) {
            (None, Some(added)) => needed.extend(new_client(id, added)),
            (Some(_), None) => needed.push(Need::new(
                format!("remove client {id}"),
                &[Permission::DeleteClients],
                Some(id),
            )),
            (Some(b), Some(a)) => {
                let mut needs = client_changes(id, b, a, leaving, &handed_on, actor);
                // A change to this chart that gives the actor more access,
                // by whatever route (a supervisee put on it, a supervisee's
                // entry extended, the chart unrestricted): every permission
                // it needs must hold without the actor's place on the chart.
                if !needs.is_empty() && gains_on_client(old, new, actor, id, date) {
                    for need in &mut needs {
                        if need.permit == Permit::Any {
                            need.permit = Permit::Independent;
                        }
                    }
                }
                needed.extend(needs);
            }
            (None, None) => {}
        }
    }
    needed
}

/// A client that is new in NEW (SPEC §8): `client.create` brings its
/// primary and clinicians, as `client add` sets them; anything else on it
/// needs the capability that would set it, held on all clients, since the
/// actor has no relation to a client that did not exist. A client whose id
/// changed only in letter case is a removal and an addition.
fn new_client(id: &str, client: &Client) -> Vec<Need> {
    let mut needed = vec![Need::new(
        format!("add client {id}"),
        &[Permission::CreateClients],
        None,
    )];
    if !client.temporary.is_empty() {
        needed.push(
            Need::new(
                format!("give temporary access to new client {id}"),
                &[Permission::GrantAccess],
                None,
            )
            .with(Permit::OnAllClients),
        );
    }
    if client.restricted || !client.administrative.is_empty() {
        needed.push(
            Need::new(
                format!("restrict new client {id}"),
                &[Permission::Restrict],
                None,
            )
            .with(Permit::OnAllClients),
        );
    }
    needed
}

/// Who is on a client's lists, as sets, for comparing two versions.
struct Lists<'p> {
    clinicians: BTreeSet<String>,
    temporary: BTreeSet<TemporaryEntry<'p>>,
    administrative: BTreeSet<String>,
}

/// A temporary entry as a comparable value: the same member, last day and
/// reason is the same entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct TemporaryEntry<'p> {
    member: &'p str,
    until: NaiveDate,
    reason: &'p str,
}

impl<'p> Lists<'p> {
    fn of(client: &'p Client) -> Lists<'p> {
        Lists {
            clinicians: sorted(&client.clinicians),
            temporary: client
                .temporary
                .iter()
                .map(|t| TemporaryEntry {
                    member: &t.member.value,
                    until: t.until.value,
                    reason: t.reason_text(),
                })
                .collect(),
            administrative: sorted(&client.administrative),
        }
    }
}

/// One client's lists in both versions, and who is acting.
struct Chart<'a> {
    id: &'a str,
    actor: &'a str,
    old: &'a Lists<'a>,
    new: &'a Lists<'a>,
}

/// The capabilities a change to one client needs (SPEC §4, §7, §8). The
/// side effects of one command are judged with it, as the command table
/// does: `member remove` (members.manage) takes the member off every list
/// and hands their charts on; `client assign` moves the new primary out of
/// `clinicians`; `client revoke --administrative` also takes clinical
/// access. The actor taking themselves off a list needs nothing; the actor
/// putting themselves on one is a self-grant.
fn client_changes(
    id: &str,
    before: &Client,
    after: &Client,
    leaving: &BTreeSet<&str>,
    handed_on: &BTreeSet<String>,
    actor: &str,
) -> Vec<Need> {
    let mut needed = Vec::new();
    let (old, new) = (Lists::of(before), Lists::of(after));
    let old_primary = before.primary.value.as_str();
    let new_primary = after.primary.value.as_str();
    // Members whose leaving a list is explained by another change; the
    // actor leaving is free (SPEC §8 "Leaving is free").
    let mut explained: BTreeSet<&str> = leaving.clone();
    explained.insert(actor);
    let mut explained_joining: BTreeSet<&str> = BTreeSet::new();
    if old_primary != new_primary {
        if !handed_on.contains(id) {
            needed.push(
                Need::new(
                    format!("change the primary of {id}"),
                    &[Permission::AssignPrimary],
                    Some(id),
                )
                .with(Permit::joining(new_primary == actor)),
            );
            // --keep-previous moves the old primary into clinicians.
            explained_joining.insert(old_primary);
        }
        explained.insert(new_primary);
    }
    let chart = Chart {
        id,
        actor,
        old: &old,
        new: &new,
    };
    let restriction_changed = before.restricted != after.restricted;
    needed.extend(restriction_changes(
        &chart,
        restriction_changed,
        &mut explained,
    ));
    needed.extend(clinical_access_changes(
        &chart,
        &explained,
        &explained_joining,
    ));
    needed
}

/// The restriction and the administrative list: anyone but the actor put
/// on, or taken off without another change explaining it, is a change of
/// the restriction, and explains those it takes off; the actor putting
/// themselves on is a self-grant.
fn restriction_changes<'a>(
    chart: &Chart<'a>,
    restriction_changed: bool,
    explained: &mut BTreeSet<&'a str>,
) -> Vec<Need> {
    let (id, actor, old, new) = (chart.id, chart.actor, chart.old, chart.new);
    let mut needed = Vec::new();
    let admin_removed: Vec<&String> = old.administrative.difference(&new.administrative).collect();
    let admin_added: Vec<&String> = new.administrative.difference(&old.administrative).collect();
    let admin_changed = admin_added.iter().any(|m| m.as_str() != actor)
        || admin_removed
            .iter()
            .any(|m| !explained.contains(m.as_str()));
    if restriction_changed || admin_changed {
        needed.push(Need::new(
            format!("change the restriction of {id}"),
            &[Permission::Restrict],
            Some(id),
        ));
        explained.extend(admin_removed.iter().map(|m| m.as_str()));
    }
    if admin_added.iter().any(|m| m.as_str() == actor) {
        needed.push(
            Need::new(
                format!("put {actor} on the administrative list of {id}"),
                &[Permission::Restrict],
                Some(id),
            )
            .with(Permit::Independent),
        );
    }
    needed
}

/// Clinicians and temporary entries: anyone but the actor put on, or taken
/// off without another change explaining it, changes who has clinical
/// access; the actor joining a chart, extending or rewriting their own
/// temporary entry is a self-grant.
fn clinical_access_changes(
    chart: &Chart<'_>,
    explained: &BTreeSet<&str>,
    explained_joining: &BTreeSet<&str>,
) -> Vec<Need> {
    let (id, actor, old, new) = (chart.id, chart.actor, chart.old, chart.new);
    let mut needed = Vec::new();
    let joined_clinicians: Vec<&String> = new
        .clinicians
        .difference(&old.clinicians)
        .filter(|m| !explained_joining.contains(m.as_str()))
        .collect();
    let joined_temporary: Vec<&TemporaryEntry<'_>> =
        new.temporary.difference(&old.temporary).collect();
    let clinician_changed = joined_clinicians.iter().any(|m| m.as_str() != actor)
        || old
            .clinicians
            .difference(&new.clinicians)
            .any(|m| !explained.contains(m.as_str()));
    let temporary_changed = joined_temporary.iter().any(|t| t.member != actor)
        || old
            .temporary
            .difference(&new.temporary)
            .any(|t| !explained.contains(t.member));
    if clinician_changed || temporary_changed {
        needed.push(Need::new(
            format!("change who has clinical access to {id}"),
            clinical_permissions(old, new),
            Some(id),
        ));
    }
    let actor_joins = joined_clinicians.iter().any(|m| m.as_str() == actor)
        || joined_temporary.iter().any(|t| t.member == actor);
    if actor_joins {
        needed.push(
            Need::new(
                format!("give {actor} clinical access to {id}"),
                &[Permission::GrantAccess],
                Some(id),
            )
            .with(Permit::Independent),
        );
    }
    needed
}

/// `client revoke --administrative` (client.restrict) also takes members
/// off clinicians and temporary, on any client: a clinician has
/// administrative access whether or not the client is restricted. So a
/// change that only takes members off takes either permission.
fn clinical_permissions(old: &Lists<'_>, new: &Lists<'_>) -> &'static [Permission] {
    let only_removals =
        new.clinicians.is_subset(&old.clinicians) && new.temporary.is_subset(&old.temporary);
    if only_removals {
        &[Permission::GrantAccess, Permission::Restrict]
    } else {
        &[Permission::GrantAccess]
    }
}

/// For each leaving member, where their charts went: the new primary and
/// the clients that moved to them.
fn primary_moves<'p>(
    old: &'p Practice,
    new: &'p Practice,
    leaving: &BTreeSet<&str>,
) -> BTreeMap<&'p str, BTreeMap<&'p str, Vec<&'p str>>> {
    let mut moves: BTreeMap<&str, BTreeMap<&str, Vec<&str>>> = BTreeMap::new();
    for before in &old.clients {
        let id = before.id.value.as_str();
        let (Some(from), Some(to)) = (
            Some(before.primary.value.as_str()),
            new.client(id).map(|c| c.primary.value.as_str()),
        ) else {
            continue;
        };
        if from != to && leaving.contains(from) {
            moves
                .entry(from)
                .or_default()
                .entry(to)
                .or_default()
                .push(id);
        }
    }
    moves
}

/// Clients whose primary changed as `member remove --reassign-clients-to`
/// changes it (SPEC §4): their primary is leaving, and every chart of one
/// leaving member goes to the same member. Where a leaving member's charts
/// go to several, the charts of one of them are handed on and the others
/// were assigned (`client assign` first, which needs `client.assign`):
/// the one that leaves the actor nothing to answer for, if any.
fn handed_on_clients(
    old: &Practice,
    new: &Practice,
    leaving: &BTreeSet<&str>,
    actor: &str,
    date: NaiveDate,
) -> BTreeSet<String> {
    let assignable = |target: &str, clients: &[&str]| {
        clients.iter().all(|client| {
            Need::new(String::new(), &[Permission::AssignPrimary], Some(client))
                .with(Permit::joining(target == actor))
                .met_by(old, actor, date)
        })
    };
    let mut handed_on = BTreeSet::new();
    for targets in primary_moves(old, new, leaving).values() {
        if let Some(chosen) = handed_on_target(targets, assignable) {
            handed_on.extend(targets[chosen].iter().map(|c| (*c).to_string()));
        }
    }
    handed_on
}

/// Of the members a leaving member's charts went to, the one whose charts
/// were handed on: one all of whose others the actor could have assigned,
/// else the one with the most.
fn handed_on_target<'t, 'p>(
    targets: &'t BTreeMap<&'p str, Vec<&'p str>>,
    assignable: impl Fn(&str, &[&str]) -> bool,
) -> Option<&'t &'p str> {
    targets
        .keys()
        .find(|kept| {
            targets
                .iter()
                .filter(|(target, _)| target != kept)
                .all(|(target, clients)| assignable(target, clients))
        })
        .or_else(|| {
            targets
                .iter()
                .max_by_key(|(_, clients)| clients.len())
                .map(|(target, _)| target)
        })
}
