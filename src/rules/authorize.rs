//! `diff --as`: whether the acting member may make every change between
//! two versions, judged with their permissions in the old one (SPEC §4 and
//! §7). A command's side effects are judged with the command itself.

use super::decide::{self, Request};
use super::diff::{
    allowed, capability_set, effective_grants, practice_section_changed, redefined_roles, sorted,
};
use super::gains::gains_on_client;
use super::permission::{MemberField, Permission};
use crate::model::{Client, Member, Practice, Spanned};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

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

/// What a change needs of the acting member.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Permit {
    /// Any allow of one of the capabilities.
    Any,
    /// An allow that does not come through the actor's own care relation to
    /// the client: the change gives the actor access (SPEC §8 "No
    /// self-grants").
    Independent,
    /// The capability on every client (a new client's temporary and
    /// restriction entries, SPEC §8).
    OnAllClients,
    /// Only the current owner may move ownership (SPEC §8).
    Owner,
}

#[derive(Clone)]
struct Need {
    change: String,
    /// Any one of these permissions makes the change.
    permissions: &'static [Permission],
    client: Option<String>,
    permit: Permit,
}

impl Need {
    fn new(change: String, permissions: &'static [Permission], client: Option<&str>) -> Need {
        Need {
            change,
            permissions,
            client: client.map(str::to_string),
            permit: Permit::Any,
        }
    }

    fn with(mut self, permit: Permit) -> Need {
        self.permit = permit;
        self
    }

    fn met_by(&self, old: &Practice, actor: &str, date: NaiveDate) -> bool {
        if self.permit == Permit::Owner {
            return old.is_owner(actor);
        }
        self.permissions
            .iter()
            .map(|permission| permission.capability())
            .any(|capability| match self.permit {
                Permit::OnAllClients => decide::holds_on_all_clients(old, actor, capability),
                Permit::Independent => {
                    let request = Request {
                        member: actor,
                        capability,
                        client: self.client.as_deref(),
                        author: None,
                    };
                    decide::decide(old, &request, date)
                        .is_ok_and(|d| decide::allowed_independently(&d))
                }
                _ => allowed(old, actor, capability, self.client.as_deref(), date),
            })
    }

    fn needs(&self) -> String {
        let capabilities = self
            .permissions
            .iter()
            .map(|p| p.capability())
            .collect::<Vec<_>>()
            .join(" or ");
        match self.permit {
            Permit::Any => capabilities,
            Permit::Independent => capabilities,
            Permit::OnAllClients => format!("{capabilities} on all clients"),
            Permit::Owner => "to be the practice owner".into(),
        }
    }
}

/// Every change from OLD to NEW that `actor` may not make, judged with the
/// actor's permissions in OLD.
pub fn unauthorized(
    old: &Practice,
    new: &Practice,
    actor: &str,
    date: NaiveDate,
) -> Vec<Violation> {
    let mut needed: Vec<Need> = Vec::new();
    if practice_section_changed(old, new) {
        needed.push(Need::new(
            "change [practice]".into(),
            &[Permission::ChangeSettings],
            None,
        ));
    }
    if old.owner_id() != new.owner_id() {
        needed.push(
            Need::new(
                "change the practice owner".into(),
                &[Permission::ChangeSettings],
                None,
            )
            .with(Permit::Owner),
        );
    }
    if !redefined_roles(old, new).is_empty() {
        needed.push(Need::new(
            "change [roles]".into(),
            &[Permission::ChangeSettings],
            None,
        ));
    }
    if capability_set(old) != capability_set(new)
        || custom_descriptions(old) != custom_descriptions(new)
    {
        needed.push(Need::new(
            "change [capabilities]".into(),
            &[Permission::ChangeSettings],
            None,
        ));
    }
    let leaving: BTreeSet<&str> = old
        .members
        .iter()
        .filter(|m| m.active && new.member(&m.id.value).is_none_or(|n| !n.active))
        .map(|m| m.id.value.as_str())
        .collect();
    let handed_on = handed_on_clients(old, new, &leaving, actor, date);
    let successors = successors(old, new, &leaving);
    let ids: BTreeSet<&str> = old
        .members
        .iter()
        .chain(&new.members)
        .map(|m| m.id.value.as_str())
        .collect();
    for id in ids {
        match (old.member(id), new.member(id)) {
            (None, Some(_)) => {
                needed.push(Need::new(
                    format!("add member {id}"),
                    &[Permission::ManageMembers],
                    None,
                ));
            }
            (Some(_), None) => needed.push(Need::new(
                format!("delete member {id}"),
                &[Permission::ManageMembers],
                None,
            )),
            (Some(b), Some(a)) => {
                let (manage, credentials) = member_field_changes(b, a, &leaving, &successors);
                if !manage.is_empty() {
                    needed.push(Need::new(
                        format!("change {} of member {id}", manage.join(", ")),
                        &[Permission::ManageMembers],
                        None,
                    ));
                }
                if !credentials.is_empty() {
                    needed.push(Need::new(
                        format!("change {} of member {id}", credentials.join(", ")),
                        &[Permission::EditCredentials],
                        None,
                    ));
                }
            }
            (None, None) => {}
        }
    }
    let ids: BTreeSet<&str> = old
        .clients
        .iter()
        .chain(&new.clients)
        .map(|c| c.id.value.as_str())
        .collect();
    for id in ids {
        match (old.client(id), new.client(id)) {
            (None, Some(added)) => needed.extend(new_client(id, added)),
            (Some(_), None) => needed.push(Need::new(
                format!("remove client {id}"),
                &[Permission::DeleteClients],
                Some(id),
            )),
            (Some(b), Some(a)) => {
                let mut needs = client_changes(id, b, a, &leaving, &handed_on, actor);
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
            Violation {
                needs: need.needs(),
                self_grant,
                change: need.change,
                client: need.client,
            }
        })
        .collect()
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
    (!need.met_by(old, actor, date)).then(|| Violation {
        needs: need.needs(),
        self_grant: false,
        change: need.change,
        client: None,
    })
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
    let old_primary = Some(before.primary.value.as_str());
    let new_primary = Some(after.primary.value.as_str());
    // Members whose leaving a list is explained by another change; the
    // actor leaving is free (SPEC §8 "Leaving is free").
    let mut explained: BTreeSet<&str> = leaving.clone();
    explained.insert(actor);
    let mut explained_joining: BTreeSet<&str> = BTreeSet::new();
    let self_grant = |joins: bool| {
        if joins {
            Permit::Independent
        } else {
            Permit::Any
        }
    };
    if old_primary != new_primary {
        if !handed_on.contains(id) {
            needed.push(
                Need::new(
                    format!("change the primary of {id}"),
                    &[Permission::AssignPrimary],
                    Some(id),
                )
                .with(self_grant(new_primary == Some(actor))),
            );
            // --keep-previous moves the old primary into clinicians.
            explained_joining.extend(old_primary);
        }
        explained.extend(new_primary);
    }
    let admin_removed: Vec<&String> = old.administrative.difference(&new.administrative).collect();
    let admin_added: Vec<&String> = new.administrative.difference(&old.administrative).collect();
    let admin_changed = admin_added.iter().any(|m| m.as_str() != actor)
        || admin_removed
            .iter()
            .any(|m| !explained.contains(m.as_str()));
    if before.restricted != after.restricted || admin_changed {
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
    let only_removals =
        new.clinicians.is_subset(&old.clinicians) && new.temporary.is_subset(&old.temporary);
    if clinician_changed || temporary_changed {
        // `client revoke --administrative` (client.restrict) also takes
        // members off clinicians and temporary, on any client: a clinician
        // has administrative access whether or not the client is restricted.
        let needs: &'static [Permission] = if only_removals {
            &[Permission::GrantAccess, Permission::Restrict]
        } else {
            &[Permission::GrantAccess]
        };
        needed.push(Need::new(
            format!("change who has clinical access to {id}"),
            needs,
            Some(id),
        ));
    }
    // Joining a chart, extending or rewriting one's own temporary entry:
    // a self-grant.
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

/// Changed fields of a member, split by the capability each needs (SPEC §7).
/// A member's supervisors changed only as `member remove
/// --reassign-supervisees-to` changes them: leaving supervisors taken off,
/// at most one successor put on. That side effect is the removal's, which
/// needs `members.manage` (SPEC §4, §8), not `members.credentials`.
fn supervisors_handed_on(
    before: &Member,
    after: &Member,
    leaving: &BTreeSet<&str>,
    successors: &BTreeMap<String, BTreeSet<String>>,
) -> bool {
    let (old, new) = (sorted(&before.supervisors), sorted(&after.supervisors));
    let removed: Vec<&String> = old.difference(&new).collect();
    !removed.is_empty()
        && removed.iter().all(|m| leaving.contains(m.as_str()))
        && new.difference(&old).count() <= 1
        // One removal hands every supervisee on to the same member.
        && removed
            .iter()
            .all(|m| successors.get(m.as_str()).is_none_or(|s| s.len() <= 1))
}

/// For each leaving member, the members put on as supervisor where they
/// were taken off: `member remove --reassign-supervisees-to` names one.
fn successors(
    old: &Practice,
    new: &Practice,
    leaving: &BTreeSet<&str>,
) -> BTreeMap<String, BTreeSet<String>> {
    let mut successors: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for before in &old.members {
        let Some(after) = new.member(&before.id.value) else {
            continue;
        };
        let (old_list, new_list) = (sorted(&before.supervisors), sorted(&after.supervisors));
        let added: Vec<&String> = new_list.difference(&old_list).collect();
        for removed in old_list.difference(&new_list) {
            if leaving.contains(removed.as_str()) {
                successors
                    .entry(removed.clone())
                    .or_default()
                    .extend(added.iter().map(|a| (*a).clone()));
            }
        }
    }
    successors
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
    // leaving member → new primary → clients.
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
    let mut handed_on = BTreeSet::new();
    for targets in moves.values() {
        let assignable = |target: &str, clients: &[&str]| {
            clients.iter().all(|client| {
                Need::new(String::new(), &[Permission::AssignPrimary], Some(client))
                    .with(if target == actor {
                        Permit::Independent
                    } else {
                        Permit::Any
                    })
                    .met_by(old, actor, date)
            })
        };
        // The target whose charts are handed on: one all of whose others
        // the actor could have assigned, else the one with the most.
        let chosen = targets
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
            });
        if let Some(chosen) = chosen {
            handed_on.extend(targets[chosen].iter().map(|c| (*c).to_string()));
        }
    }
    handed_on
}

/// `bill_as_supervisor` as it takes effect: unset means false, except for
/// an intern, who always bills as supervisor. Writing the default out needs
/// nothing (SPEC §8); when neither version writes it, a role change (intern
/// → clinician) moves it, and the role change is what is judged.
fn bills_as_supervisor(member: &Member) -> bool {
    member
        .bill_as_supervisor
        .as_ref()
        .map_or_else(|| member.has_role("intern"), |b| b.value)
}

fn member_field_changes(
    before: &Member,
    after: &Member,
    leaving: &BTreeSet<&str>,
    successors: &BTreeMap<String, BTreeSet<String>>,
) -> (Vec<&'static str>, Vec<&'static str>) {
    let mut manage = Vec::new();
    let mut credentials = Vec::new();
    for field in MemberField::ALL {
        if !field_changed(field, before, after) {
            continue;
        }
        // `member remove --reassign-supervisees-to` changes supervisors as
        // a side effect of the removal, which members.manage covers.
        let permission = match field {
            MemberField::Supervisors
                if supervisors_handed_on(before, after, leaving, successors) =>
            {
                Permission::ManageMembers
            }
            _ => field.permission(),
        };
        match permission {
            Permission::EditCredentials => credentials.push(field.key()),
            _ => manage.push(field.key()),
        }
    }
    (manage, credentials)
}

/// Whether a member field's effective value differs between two versions.
fn field_changed(field: MemberField, before: &Member, after: &Member) -> bool {
    let text = |v: &Option<Spanned<String>>| v.as_ref().map(|s| s.value.clone());
    // A login compares ignoring case, as GitHub compares logins: writing
    // `Octocat` for `octocat` changes no one's identity.
    let login = |m: &Member| m.github.as_ref().map(|g| g.value.to_lowercase());
    match field {
        MemberField::Name => before.name.value != after.name.value,
        MemberField::LegalName => text(&before.legal_name) != text(&after.legal_name),
        MemberField::Email => text(&before.email) != text(&after.email),
        MemberField::Github => login(before) != login(after),
        MemberField::Roles => sorted(&before.roles) != sorted(&after.roles),
        MemberField::Grants => effective_grants(&before.grants) != effective_grants(&after.grants),
        MemberField::Denies => sorted(&before.denies) != sorted(&after.denies),
        MemberField::Active => before.active != after.active,
        MemberField::Npi => text(&before.npi) != text(&after.npi),
        MemberField::Taxonomy => text(&before.taxonomy) != text(&after.taxonomy),
        MemberField::Supervisors => sorted(&before.supervisors) != sorted(&after.supervisors),
        MemberField::Cosign => sorted(&before.cosign) != sorted(&after.cosign),
        MemberField::BillAsSupervisor => {
            (before.bill_as_supervisor.is_some() || after.bill_as_supervisor.is_some())
                && bills_as_supervisor(before) != bills_as_supervisor(after)
        }
    }
}
