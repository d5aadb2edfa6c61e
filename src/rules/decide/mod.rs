//! The access decision of SPEC §3.2: a pure function of the practice, the
//! request and the date. A decision carries its reasons as data; rendering
//! them into words is `output`'s job.
//!
//! The types of a decision are in [`reasons`], step 1 (resolving the
//! request's names) in [`resolve`], the relations that make a scope hold
//! in [`relations`]; the steps that weigh grants and denies are here.

mod reasons;
mod relations;
mod resolve;

pub use reasons::{
    Decision, GrantMatch, Need, Reason, Relation, RoleOffer, Route, Shortfall, Source, Unmet,
    allowed_independently, allowed_without_relation,
};
pub(in crate::rules) use relations::scope_holds;
pub use relations::{administrative_relation, care_relation, supervision_route};
pub use resolve::{QueryError, Resolved, find_client, find_member, resolve, resolve_target};

use crate::model::{Grant, Member, Practice, Scope, Stage};
use crate::rules::pattern;
use chrono::NaiveDate;
use reasons::{allow, deny};

/// One access question.
#[derive(Clone, Copy, Debug)]
pub struct Request<'a> {
    pub member: &'a str,
    pub capability: &'a str,
    pub client: Option<&'a str>,
    pub author: Option<&'a str>,
}

/// `decide(member, capability, client?, author?)` as of `date`.
pub fn decide(
    practice: &Practice,
    request: &Request<'_>,
    date: NaiveDate,
) -> Result<Decision, QueryError> {
    let resolved = resolve(practice, request)?;
    Ok(decide_resolved(practice, &resolved, date))
}

/// Whether the member holds a client capability on every client that could
/// exist: as the owner, or through a grant on `all` that no deny takes away
/// (SPEC §8: what a new client's temporary and restriction entries need,
/// since nobody has a relation to a client that did not exist).
pub fn holds_on_all_clients(practice: &Practice, member: &str, capability: &str) -> bool {
    let Some(member) = practice.member(member) else {
        return false;
    };
    if !member.active {
        return false;
    }
    if practice.is_owner(&member.id.value) {
        return true;
    }
    if member
        .denies
        .iter()
        .any(|d| pattern::matches(&d.value, capability))
    {
        return false;
    }
    grants_of(practice, member).any(|(_, grant)| {
        grant.scope() == Scope::All
            && grant
                .can
                .iter()
                .any(|p| pattern::matches(&p.value, capability))
    })
}

/// Steps 2–4 of SPEC §3.2, decided before any grant: an inactive member
/// holds nothing, the owner holds everything, a matching deny refuses.
pub(super) fn before_grants(practice: &Practice, request: &Resolved<'_>) -> Option<Decision> {
    let member = request.member;
    let capability = &request.capability.name;
    if !member.active {
        return Some(deny(vec![Reason::Inactive]));
    }
    if practice.is_owner(&member.id.value) {
        return Some(allow(vec![Reason::Owner]));
    }
    let denied: Vec<Reason> = member
        .denies
        .iter()
        .filter(|d| pattern::matches(&d.value, capability))
        .map(|d| Reason::Denied {
            pattern: d.value.clone(),
        })
        .collect();
    (!denied.is_empty()).then(|| deny(denied))
}

/// Steps 2–6 of SPEC §3.2 for a request already resolved.
pub fn decide_resolved(practice: &Practice, request: &Resolved<'_>, date: NaiveDate) -> Decision {
    if let Some(decision) = before_grants(practice, request) {
        return decision;
    }
    let member = request.member;
    let capability = &request.capability.name;
    let mut granted = Vec::new();
    let mut unmet = Vec::new();
    for (source, grant) in grants_of(practice, member) {
        let scope = grant.scope();
        if scope.kind() != request.capability.kind {
            continue;
        }
        for pattern in grant
            .can
            .iter()
            .filter(|p| pattern::matches(&p.value, capability))
        {
            match scope_holds(practice, scope, member, request, date) {
                Ok(route) => granted.push(Reason::Granted(GrantMatch {
                    source: source.source(),
                    pattern: pattern.value.clone(),
                    scope,
                    route,
                })),
                Err(needs) => unmet.push(Unmet {
                    source: source.source(),
                    pattern: pattern.value.clone(),
                    scope,
                    needs,
                }),
            }
        }
    }
    if !granted.is_empty() {
        return allow(granted);
    }
    let (roles, with_requirements) = roles_that_would_allow(practice, request, date);
    deny(vec![Reason::NotGranted(Shortfall {
        unmet,
        roles,
        with_requirements,
    })])
}

/// A [`Source`] borrowed from the practice: a decision copies it only into
/// the reasons it reports.
#[derive(Clone, Copy, Debug)]
pub enum GrantOrigin<'p> {
    Role(&'p str),
    Member,
}

impl GrantOrigin<'_> {
    pub fn source(self) -> Source {
        match self {
            GrantOrigin::Role(role) => Source::Role(role.to_string()),
            GrantOrigin::Member => Source::Member,
        }
    }
}

/// Every grant the member holds: their roles' grants in role order, then
/// their own. Unknown roles contribute nothing (validation reports them).
pub fn grants_of<'p, S: Stage>(
    practice: &'p Practice<S>,
    member: &'p Member<S>,
) -> impl Iterator<Item = (GrantOrigin<'p>, &'p Grant)> {
    let from_roles = member
        .roles
        .iter()
        .filter_map(move |role| practice.role(&role.value))
        .flat_map(|role| {
            role.grants
                .iter()
                .map(move |grant| (GrantOrigin::Role(&role.id.value), grant))
        });
    from_roles.chain(
        member
            .grants
            .iter()
            .map(|grant| (GrantOrigin::Member, grant)),
    )
}

/// Roles that grant the capability at a scope that would hold for this
/// member and client as they stand: what an administrator could grant.
/// The roles that would allow the request: those the member could be
/// granted as they are, and those that need roles they require granted too.
/// A role excluded by one the member holds (or excluding one) is neither.
fn roles_that_would_allow(
    practice: &Practice,
    request: &Resolved<'_>,
    date: NaiveDate,
) -> (Vec<String>, Vec<RoleOffer>) {
    let member = request.member;
    let compatible = |role: &crate::model::RoleDef| {
        !role.excludes.iter().any(|r| member.has_role(&r.value))
            && !member
                .roles
                .iter()
                .filter_map(|held| practice.role(&held.value))
                .any(|held| held.excludes.iter().any(|x| x.value == role.id.value))
    };
    let grants_here = |role: &crate::model::RoleDef| {
        role.grants.iter().any(|grant| {
            let scope = grant.scope();
            scope.kind() == request.capability.kind
                && grant
                    .can
                    .iter()
                    .any(|p| pattern::matches(&p.value, &request.capability.name))
                && scope_holds(practice, scope, member, request, date).is_ok()
        })
    };
    let mut ready = Vec::new();
    let mut needing = Vec::new();
    for role in practice.roles() {
        if member.has_role(&role.id.value) || !compatible(role) || !grants_here(role) {
            continue;
        }
        let requires: Vec<String> = role
            .requires
            .iter()
            .filter(|r| !member.has_role(&r.value))
            .map(|r| r.value.clone())
            .collect();
        let addable = requires
            .iter()
            .all(|r| practice.role(r).is_some_and(&compatible));
        match (requires.is_empty(), addable) {
            (true, _) => ready.push(role.id.value.clone()),
            (false, true) => needing.push(RoleOffer {
                role: role.id.value.clone(),
                requires,
            }),
            (false, false) => {}
        }
    }
    (ready, needing)
}

#[cfg(test)]
mod tests;
