//! `diff --as`: whether the acting member may make every change between
//! two versions, judged with their permissions in the old one (SPEC §4 and
//! §7). A command's side effects are judged with the command itself.

use super::diff::{allowed, capability_set, redefined_roles, sorted};
use crate::model::{Client, Member, Practice, Spanned};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeSet;

/// A change the acting member may not make (SPEC §4 `diff --as`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Violation {
    pub change: String,
    pub needs: String,
    pub client: Option<String>,
}

/// Every change from OLD to NEW that `actor` may not make, judged with the
/// actor's permissions in OLD.
pub fn unauthorized(
    old: &Practice,
    new: &Practice,
    actor: &str,
    date: NaiveDate,
) -> Vec<Violation> {
    let mut needed: Vec<(String, &str, Option<String>)> = Vec::new();
    let settings = old.name.as_ref().map(|n| &n.value) != new.name.as_ref().map(|n| &n.value)
        || old.owner_id() != new.owner_id()
        || old.max_supervisors.as_ref().map(|m| m.value)
            != new.max_supervisors.as_ref().map(|m| m.value)
        || old.version.as_ref().map(|v| v.value) != new.version.as_ref().map(|v| v.value);
    if settings {
        needed.push(("change [practice]".into(), "practice.settings", None));
    }
    if !redefined_roles(old, new).is_empty() {
        needed.push(("change [roles]".into(), "practice.settings", None));
    }
    if capability_set(old) != capability_set(new)
        || custom_descriptions(old) != custom_descriptions(new)
    {
        needed.push(("change [capabilities]".into(), "practice.settings", None));
    }
    let ids: BTreeSet<&str> = old
        .members
        .iter()
        .chain(&new.members)
        .map(|m| m.id.value.as_str())
        .collect();
    for id in ids {
        match (old.member(id), new.member(id)) {
            (None, Some(_)) => needed.push((format!("add member {id}"), "members.manage", None)),
            (Some(_), None) => needed.push((format!("delete member {id}"), "members.manage", None)),
            (Some(b), Some(a)) => {
                let (manage, credentials) = member_field_changes(b, a);
                if !manage.is_empty() {
                    needed.push((
                        format!("change {} of member {id}", manage.join(", ")),
                        "members.manage",
                        None,
                    ));
                }
                if !credentials.is_empty() {
                    needed.push((
                        format!("change {} of member {id}", credentials.join(", ")),
                        "members.credentials",
                        None,
                    ));
                }
            }
            (None, None) => {}
        }
    }
    let leaving: BTreeSet<&str> = old
        .members
        .iter()
        .filter(|m| m.active && new.member(&m.id.value).is_none_or(|n| !n.active))
        .map(|m| m.id.value.as_str())
        .collect();
    let ids: BTreeSet<&str> = old
        .clients
        .iter()
        .chain(&new.clients)
        .map(|c| c.id.value.as_str())
        .collect();
    for id in ids {
        match (old.client(id), new.client(id)) {
            (None, Some(_)) => needed.push((format!("add client {id}"), "client.create", None)),
            (Some(_), None) => needed.push((
                format!("remove client {id}"),
                "client.delete",
                Some(id.to_string()),
            )),
            (Some(b), Some(a)) => needed.extend(client_changes(id, b, a, &leaving)),
            (None, None) => {}
        }
    }
    needed
        .into_iter()
        // `a|b`: either capability makes the change.
        .filter(|(_, capabilities, client)| {
            !capabilities
                .split('|')
                .any(|capability| allowed(old, actor, capability, client.as_deref(), date))
        })
        .map(|(change, needs, client)| Violation {
            change,
            needs: needs.replace('|', " or "),
            client,
        })
        .collect()
}

/// Who is on a client's lists, as sets, for comparing two versions.
struct Lists {
    clinicians: BTreeSet<String>,
    temporary: BTreeSet<String>,
    administrative: BTreeSet<String>,
}

impl Lists {
    fn of(client: &Client) -> Lists {
        Lists {
            clinicians: sorted(&client.clinicians),
            temporary: client
                .temporary
                .iter()
                .map(|t| {
                    format!(
                        "{}\u{0}{:?}\u{0}{}",
                        t.member.as_ref().map_or("", |m| m.value.as_str()),
                        t.until.as_ref().map(|u| u.value),
                        t.reason_text()
                    )
                })
                .collect(),
            administrative: sorted(&client.administrative),
        }
    }
}

fn temporary_member(entry: &str) -> &str {
    entry.split('\u{0}').next().unwrap_or("")
}

/// The capabilities a change to one client needs (SPEC §4, §7). The side
/// effects of one command are judged with it, as the command table does:
/// `member remove` (members.manage) takes the member off every list and
/// hands their charts on; `client assign` moves the new primary out of
/// `clinicians`; `client revoke --administrative` also takes clinical access.
fn client_changes(
    id: &str,
    before: &Client,
    after: &Client,
    leaving: &BTreeSet<&str>,
) -> Vec<(String, &'static str, Option<String>)> {
    let mut needed = Vec::new();
    let on = Some(id.to_string());
    let (old, new) = (Lists::of(before), Lists::of(after));
    let old_primary = before.primary.as_ref().map(|p| p.value.as_str());
    let new_primary = after.primary.as_ref().map(|p| p.value.as_str());
    // Members whose leaving a list is explained by another change.
    let mut explained: BTreeSet<&str> = leaving.clone();
    let mut explained_joining: BTreeSet<&str> = BTreeSet::new();
    if old_primary != new_primary {
        let handed_on = old_primary.is_some_and(|p| leaving.contains(p));
        if !handed_on {
            needed.push((
                format!("change the primary of {id}"),
                "client.assign",
                on.clone(),
            ));
            // --keep-previous moves the old primary into clinicians.
            explained_joining.extend(old_primary);
        }
        explained.extend(new_primary);
    }
    let admin_removed: Vec<&String> = old.administrative.difference(&new.administrative).collect();
    let admin_added = new
        .administrative
        .difference(&old.administrative)
        .next()
        .is_some();
    let admin_changed = admin_added || admin_removed.iter().any(|m| !leaving.contains(m.as_str()));
    if before.restricted != after.restricted || admin_changed {
        needed.push((
            format!("change the restriction of {id}"),
            "client.restrict",
            on.clone(),
        ));
        explained.extend(admin_removed.iter().map(|m| m.as_str()));
    }
    let clinician_changed = new
        .clinicians
        .difference(&old.clinicians)
        .any(|m| !explained_joining.contains(m.as_str()))
        || old
            .clinicians
            .difference(&new.clinicians)
            .any(|m| !explained.contains(m.as_str()));
    let temporary_changed = new.temporary.difference(&old.temporary).next().is_some()
        || old
            .temporary
            .difference(&new.temporary)
            .any(|t| !explained.contains(temporary_member(t)));
    let only_removals =
        new.clinicians.is_subset(&old.clinicians) && new.temporary.is_subset(&old.temporary);
    if clinician_changed || temporary_changed {
        // On a restricted client, `client revoke --administrative`
        // (client.restrict) also takes members off clinicians and temporary.
        let needs = if before.restricted && only_removals {
            "client.access|client.restrict"
        } else {
            "client.access"
        };
        needed.push((format!("change who has clinical access to {id}"), needs, on));
    }
    needed
}

fn custom_descriptions(practice: &Practice) -> Vec<(String, String)> {
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
fn member_field_changes(before: &Member, after: &Member) -> (Vec<&'static str>, Vec<&'static str>) {
    let text = |v: &Option<Spanned<String>>| v.as_ref().map(|s| s.value.clone());
    let grants = |m: &Member| {
        let mut g: Vec<String> = m
            .grants
            .iter()
            .map(|g| format!("{:?}{:?}", g.scope(), sorted(&g.can)))
            .collect();
        g.sort();
        g
    };
    let mut manage = Vec::new();
    let mut credentials = Vec::new();
    // A login compares ignoring case, as GitHub compares logins: writing
    // `Octocat` for `octocat` changes no one's identity.
    let login = |m: &Member| m.github.as_ref().map(|g| g.value.to_lowercase());
    let checks: [(&'static str, bool, bool); 13] = [
        ("name", text(&before.name) != text(&after.name), false),
        (
            "legal_name",
            text(&before.legal_name) != text(&after.legal_name),
            false,
        ),
        ("email", text(&before.email) != text(&after.email), false),
        // Who a pull request is judged as (SPEC §8): as much the member's
        // identity as their email, so `members.manage`.
        ("github", login(before) != login(after), false),
        (
            "roles",
            sorted(&before.roles) != sorted(&after.roles),
            false,
        ),
        ("grants", grants(before) != grants(after), false),
        (
            "denies",
            sorted(&before.denies) != sorted(&after.denies),
            false,
        ),
        ("active", before.active != after.active, false),
        ("npi", text(&before.npi) != text(&after.npi), true),
        (
            "taxonomy",
            text(&before.taxonomy) != text(&after.taxonomy),
            true,
        ),
        (
            "supervisors",
            sorted(&before.supervisors) != sorted(&after.supervisors),
            true,
        ),
        (
            "cosign",
            sorted(&before.cosign) != sorted(&after.cosign),
            true,
        ),
        (
            "bill_as_supervisor",
            before.bill_as_supervisor.as_ref().map(|b| b.value)
                != after.bill_as_supervisor.as_ref().map(|b| b.value),
            true,
        ),
    ];
    for (field, changed, is_credential) in checks {
        if changed {
            if is_credential {
                credentials.push(field);
            } else {
                manage.push(field);
            }
        }
    }
    (manage, credentials)
}
