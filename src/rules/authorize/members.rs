//! What changes to members need (SPEC §7): which fields changed, split by
//! the permission each needs, with the side effects of `member remove`
//! (supervisees handed on to a successor) judged with the removal.

use super::need::Need;
use crate::model::{Member, Practice, Spanned};
use crate::rules::diff::{effective_grants, member_ids, sorted};
use crate::rules::permission::{MemberField, Permission};
use std::collections::{BTreeMap, BTreeSet};

/// Active members of OLD that NEW removes or deactivates.
pub(super) fn leaving<'p>(old: &'p Practice, new: &Practice) -> BTreeSet<&'p str> {
    old.members
        .iter()
        .filter(|m| m.active && new.member(&m.id.value).is_none_or(|n| !n.active))
        .map(|m| m.id.value.as_str())
        .collect()
}

/// What every member added, deleted or changed from OLD to NEW needs.
pub(super) fn member_needs(old: &Practice, new: &Practice, leaving: &BTreeSet<&str>) -> Vec<Need> {
    let successors = successors(old, new, leaving);
    let mut needed = Vec::new();
    for id in member_ids(old, new) {
        let manage = |change: String| Need::new(change, &[Permission::ManageMembers], None);
        match (old.member(id), new.member(id)) {
            (None, Some(_)) => needed.push(manage(format!("add member {id}"))),
            // `member remove` keeps the record for history (SPEC §4): no
            // command deletes one, so a deleted entry fails for every
            // actor, the owner included (SPEC §8).
            (Some(_), None) => needed.push(manage(format!("delete member {id}")).never(format!(
                "keep the entry and mark the member inactive with `praxis member remove {id}`"
            ))),
            (Some(b), Some(a)) => {
                let (managed, credentials) = member_field_changes(b, a, leaving, &successors);
                if !managed.is_empty() {
                    needed.push(manage(format!(
                        "change {} of member {id}",
                        managed.join(", ")
                    )));
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
    needed
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

/// Whether a removal hands supervisees on to `actor` (`member remove
/// --reassign-supervisees-to ACTOR`).
pub(super) fn handed_on_to(
    old: &Practice,
    new: &Practice,
    leaving: &BTreeSet<&str>,
    actor: &str,
) -> bool {
    successors(old, new, leaving)
        .values()
        .any(|to| to.contains(actor))
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
