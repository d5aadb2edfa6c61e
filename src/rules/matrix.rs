//! The permissions matrix: for a role or a member, the scopes at which each
//! capability is granted (SPEC §4 `matrix`). Built from the same grants the
//! decision reads, so the two cannot disagree.

use crate::model::{Kind, Member, Practice, RoleDef, Scope};
use crate::rules::decide::grants_of;
use crate::rules::pattern;
use std::collections::BTreeSet;

/// The scopes of each capability, in the practice's catalog order.
pub type Row = Vec<BTreeSet<Scope>>;

fn add_grants<'g>(
    practice: &Practice,
    row: &mut Row,
    grants: impl Iterator<Item = &'g crate::model::Grant>,
) {
    for grant in grants {
        let scope = grant.scope();
        for (cell, capability) in row.iter_mut().zip(practice.capabilities()) {
            if capability.kind == scope.kind()
                && grant
                    .can
                    .iter()
                    .any(|p| pattern::matches(&p.value, &capability.name))
            {
                cell.insert(scope);
            }
        }
    }
}

pub fn role_row(practice: &Practice, role: &RoleDef) -> Row {
    let mut row = vec![BTreeSet::new(); practice.capabilities().len()];
    add_grants(practice, &mut row, role.grants.iter());
    row
}

/// A member's effective scopes: inactive holds nothing, the owner holds
/// everything, a deny empties the cell.
pub fn member_row(practice: &Practice, member: &Member) -> Row {
    let capabilities = practice.capabilities();
    if !member.active {
        return vec![BTreeSet::new(); capabilities.len()];
    }
    if practice.is_owner(&member.id.value) {
        return capabilities
            .iter()
            .map(|c| {
                BTreeSet::from([match c.kind {
                    Kind::Client => Scope::All,
                    Kind::Practice => Scope::Practice,
                }])
            })
            .collect();
    }
    let mut row = vec![BTreeSet::new(); capabilities.len()];
    add_grants(
        practice,
        &mut row,
        grants_of(practice, member).map(|(_, grant)| grant),
    );
    for (cell, capability) in row.iter_mut().zip(capabilities) {
        if member
            .denies
            .iter()
            .any(|d| pattern::matches(&d.value, &capability.name))
        {
            cell.clear();
        }
    }
    row
}

/// `all+assigned`, or empty.
pub fn cell_text(scopes: &BTreeSet<Scope>) -> String {
    scopes
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join("+")
}
