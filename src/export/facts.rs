//! What every export says about a practice, read once from the validated
//! model: the owner, each role's grants and each member's (patterns
//! expanded to the capabilities they cover), denies, roles held, supervision,
//! and each client's chart. The targets (OpenFGA, Cedar, Rego) only write
//! these facts in their own terms, so they cannot disagree about what the
//! file says.
//!
//! `own` grants are not exported: they hold only for a document's author,
//! which a request to these engines does not carry (praxis answers them
//! with `access check --author`). Inactive members hold nothing, so none of
//! their roles, grants or denies are exported.

use crate::model::{Grant, Kind, Practice, Scope};
use crate::rules::pattern;
use chrono::NaiveDate;
use std::collections::BTreeSet;

/// A capability and whether it needs a client.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CapabilityFact {
    pub name: String,
    pub kind: Kind,
}

/// A grant expanded: the scope and the capabilities it covers.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct GrantFact {
    pub scope: Scope,
    pub capability: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleFact {
    pub id: String,
    pub grants: BTreeSet<GrantFact>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberFact {
    pub id: String,
    /// Roles held (active members only; empty for an inactive one).
    pub roles: Vec<String>,
    /// The member's own grants, expanded.
    pub grants: BTreeSet<GrantFact>,
    /// Capabilities their denies match.
    pub denies: BTreeSet<String>,
    pub supervisors: Vec<String>,
    pub active: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientFact {
    pub id: String,
    pub primary: String,
    pub clinicians: Vec<String>,
    pub administrative: Vec<String>,
    pub restricted: bool,
    /// Temporary access: the member and the last day it holds (the latest,
    /// when a member has more than one entry).
    pub temporary: Vec<(String, NaiveDate)>,
}

/// The facts of one practice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Facts {
    /// The practice's owner, when it names one (it is optional).
    pub owner: Option<String>,
    pub capabilities: Vec<CapabilityFact>,
    pub roles: Vec<RoleFact>,
    pub members: Vec<MemberFact>,
    pub clients: Vec<ClientFact>,
}

/// A grant's patterns against the catalog: the capabilities of its scope's
/// kind they match. `own` grants are left out (see the module doc).
fn expand(practice: &Practice, grants: &[Grant]) -> BTreeSet<GrantFact> {
    let mut out = BTreeSet::new();
    for grant in grants {
        let scope = grant.scope();
        if scope == Scope::Own {
            continue;
        }
        for capability in practice.capabilities() {
            if capability.kind == scope.kind()
                && grant
                    .can
                    .iter()
                    .any(|p| pattern::matches(&p.value, &capability.name))
            {
                out.insert(GrantFact {
                    scope,
                    capability: capability.name.clone(),
                });
            }
        }
    }
    out
}

impl Facts {
    pub fn of(practice: &Practice) -> Facts {
        let capabilities = practice
            .capabilities()
            .iter()
            .map(|c| CapabilityFact {
                name: c.name.clone(),
                kind: c.kind,
            })
            .collect();
        let roles = practice
            .roles()
            .iter()
            .map(|role| RoleFact {
                id: role.id.value.clone(),
                grants: expand(practice, &role.grants),
            })
            .collect();
        let members = practice
            .members
            .iter()
            .map(|member| {
                let active = member.active;
                let values = |list: &[crate::model::Spanned<String>]| -> Vec<String> {
                    list.iter().map(|v| v.value.clone()).collect()
                };
                MemberFact {
                    id: member.id.value.clone(),
                    roles: if active {
                        values(&member.roles)
                    } else {
                        Vec::new()
                    },
                    grants: if active {
                        expand(practice, &member.grants)
                    } else {
                        BTreeSet::new()
                    },
                    denies: practice
                        .capabilities()
                        .iter()
                        .filter(|_| active)
                        .filter(|c| {
                            member
                                .denies
                                .iter()
                                .any(|d| pattern::matches(&d.value, &c.name))
                        })
                        .map(|c| c.name.clone())
                        .collect(),
                    supervisors: values(&member.supervisors),
                    active,
                }
            })
            .collect();
        let clients = practice
            .clients
            .iter()
            .map(|client| {
                let mut temporary: Vec<(String, NaiveDate)> = Vec::new();
                for entry in &client.temporary {
                    let (who, until) = (entry.member.value.clone(), entry.until.value);
                    match temporary.iter_mut().find(|(m, _)| *m == who) {
                        Some((_, last)) => *last = (*last).max(until),
                        None => temporary.push((who, until)),
                    }
                }
                ClientFact {
                    id: client.id.value.clone(),
                    primary: client.primary.value.clone(),
                    clinicians: client.clinicians.iter().map(|c| c.value.clone()).collect(),
                    administrative: client
                        .administrative
                        .iter()
                        .map(|c| c.value.clone())
                        .collect(),
                    restricted: client.restricted,
                    temporary,
                }
            })
            .collect();
        Facts {
            owner: practice.owner_id().map(str::to_string),
            capabilities,
            roles,
            members,
            clients,
        }
    }
}

/// A capability as an identifier: `clinical.view` → `clinical_view`
/// (`.` and `-` become `_`).
pub fn identifier(capability: &str) -> String {
    capability.replace(['.', '-'], "_")
}
