//! The access decision of SPEC §3.2: a pure function of the practice, the
//! request and the date. A decision carries its reasons as data; rendering
//! them into words is `output`'s job.

use crate::model::{Capability, Client, Grant, Kind, Member, MemberId, Practice, Scope, Stage};
use crate::rules::pattern;
use crate::suggest;
use chrono::NaiveDate;
use serde::Serialize;

/// One access question.
#[derive(Clone, Copy, Debug)]
pub struct Request<'a> {
    pub member: &'a str,
    pub capability: &'a str,
    pub client: Option<&'a str>,
    pub author: Option<&'a str>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Decision {
    pub allowed: bool,
    pub reasons: Vec<Reason>,
}

impl Decision {
    pub fn word(&self) -> &'static str {
        if self.allowed { "allow" } else { "deny" }
    }
}

/// Why a decision came out as it did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// Step 2: an inactive member holds no access.
    Inactive,
    /// Step 3: the account owner can never lose access.
    Owner,
    /// Step 4: a `denies` pattern matched.
    Denied { pattern: String },
    /// Step 5: a grant matched and its scope held.
    Granted(GrantMatch),
    /// Step 6: default deny, with what would have allowed it.
    NotGranted(Shortfall),
}

/// A grant and the relation through which its scope held.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct GrantMatch {
    pub source: Source,
    pub pattern: String,
    pub scope: Scope,
    pub route: Route,
}

/// Where a grant comes from: one of the member's roles, or their own grants.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(tag = "type", content = "name", rename_all = "snake_case")]
pub enum Source {
    Role(String),
    Member,
}

/// The relation to the client that made a scope hold.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(tag = "relation", rename_all = "snake_case")]
pub enum Route {
    /// A practice capability: no client involved.
    Practice,
    /// `all` on a client that is not restricted.
    Unrestricted,
    /// `all` on a restricted client, through administrative access.
    Administrative { via: Relation },
    /// `assigned`: the member is on the chart.
    Assigned { via: Relation },
    /// `supervisees`: the member supervises someone on the chart.
    Supervision { supervisee: String, via: Relation },
    /// `own`: the member wrote the document.
    Author,
}

/// How a member stands in relation to a client.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(tag = "as", rename_all = "snake_case")]
pub enum Relation {
    Primary,
    Clinician,
    Temporary { until: NaiveDate, reason: String },
    AdministrativeList,
    Owner,
}

/// On a default deny: the member's grants that matched but whose scope did
/// not hold, and the roles that would have allowed it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Shortfall {
    pub unmet: Vec<Unmet>,
    pub roles: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Unmet {
    pub source: Source,
    pub pattern: String,
    pub scope: Scope,
    pub needs: Need,
}

/// The relation a scope needed and did not find.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Need {
    /// `all` on a restricted client without administrative access.
    AdministrativeAccess,
    /// `assigned`: primary, clinician or unexpired temporary.
    Assignment,
    /// `supervisees`: a supervisee on the chart.
    Supervisee,
    /// `own`: `--author` naming the member.
    Authorship,
}

/// A question that has no decision: the caller named something that is not
/// there, or asked in a way the decision does not take.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("unknown member `{name}`{hint}")]
    UnknownMember { name: String, hint: String },
    #[error("unknown capability `{name}`{hint}")]
    UnknownCapability { name: String, hint: String },
    #[error("`{name}` is a pattern; ask about one capability by name")]
    CapabilityIsPattern { name: String },
    #[error("`{capability}` is a client capability: name the client with --client")]
    ClientRequired { capability: String },
    #[error("`{capability}` is a practice capability and takes no client; drop --client")]
    ClientNotTaken { capability: String },
    #[error("unknown client `{name}`{hint}")]
    UnknownClient { name: String, hint: String },
    #[error("unknown author `{name}`{hint}")]
    UnknownAuthor { name: String, hint: String },
    #[error(
        "--author only applies to a client capability, and `{capability}` is a practice capability"
    )]
    AuthorWithoutClientCapability { capability: String },
}

/// A request checked against the practice: the things it names, looked up.
pub struct Resolved<'p> {
    pub member: &'p Member,
    /// The member's interned id, for comparisons on the chart.
    pub member_id: MemberId,
    pub capability: &'p Capability,
    pub client: Option<&'p Client>,
    pub author: Option<&'p Member>,
}

/// The member a query names, or an error suggesting the closest id.
pub fn find_member<'p>(practice: &'p Practice, id: &str) -> Result<&'p Member, QueryError> {
    practice
        .member(id)
        .ok_or_else(|| unknown_member(practice, id))
}

fn unknown_member(practice: &Practice, id: &str) -> QueryError {
    QueryError::UnknownMember {
        name: id.to_string(),
        hint: suggest::trailing(id, practice.members.iter().map(|m| m.id.value.as_str())),
    }
}

/// The client a query names, or an error suggesting the closest id.
pub fn find_client<'p>(practice: &'p Practice, id: &str) -> Result<&'p Client, QueryError> {
    practice
        .client(id)
        .ok_or_else(|| QueryError::UnknownClient {
            name: id.to_string(),
            hint: suggest::trailing(id, practice.clients.iter().map(|c| c.id.value.as_str())),
        })
}

/// The capability a query names (never a pattern) and its client, which
/// must be given for a client capability and absent otherwise.
pub fn resolve_target<'p>(
    practice: &'p Practice,
    capability: &str,
    client: Option<&str>,
) -> Result<(&'p Capability, Option<&'p Client>), QueryError> {
    if pattern::is_pattern(capability) {
        return Err(QueryError::CapabilityIsPattern {
            name: capability.to_string(),
        });
    }
    let capability =
        practice
            .capability(capability)
            .ok_or_else(|| QueryError::UnknownCapability {
                name: capability.to_string(),
                hint: suggest::trailing(
                    capability,
                    practice.capabilities().iter().map(|c| c.name.as_str()),
                ),
            })?;
    let client = match (capability.kind, client) {
        (Kind::Client, None) => {
            return Err(QueryError::ClientRequired {
                capability: capability.name.clone(),
            });
        }
        (Kind::Practice, Some(_)) => {
            return Err(QueryError::ClientNotTaken {
                capability: capability.name.clone(),
            });
        }
        (Kind::Practice, None) => None,
        (Kind::Client, Some(id)) => Some(find_client(practice, id)?),
    };
    Ok((capability, client))
}

/// Step 1 of SPEC §3.2: everything the request names must exist and fit.
pub fn resolve<'p>(
    practice: &'p Practice,
    request: &Request<'_>,
) -> Result<Resolved<'p>, QueryError> {
    // One look-up: the interned id, then the member it stands for.
    let found = practice
        .member_id(request.member)
        .and_then(|id| Some((id, practice.member_of(id)?)));
    let (member_id, member) = match found {
        Some(found) => found,
        None => return Err(unknown_member(practice, request.member)),
    };
    let (capability, client) = resolve_target(practice, request.capability, request.client)?;
    let author = match request.author {
        None => None,
        Some(id) => {
            let author = practice
                .member(id)
                .ok_or_else(|| QueryError::UnknownAuthor {
                    name: id.to_string(),
                    hint: suggest::trailing(
                        id,
                        practice.members.iter().map(|m| m.id.value.as_str()),
                    ),
                })?;
            if capability.kind != Kind::Client {
                return Err(QueryError::AuthorWithoutClientCapability {
                    capability: capability.name.clone(),
                });
            }
            Some(author)
        }
    };
    Ok(Resolved {
        member,
        member_id,
        capability,
        client,
        author,
    })
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

/// Whether an allow stands without the member's own care relation to the
/// client (SPEC §8 "No self-grants"): as the owner, or through an
/// all-scope grant that holds on an unrestricted client or through the
/// administrative list. A member who is on a chart only as its primary,
/// clinician or temporary member cannot use that to extend their own access.
pub fn allowed_independently(decision: &Decision) -> bool {
    decision.allowed
        && decision.reasons.iter().any(|reason| match reason {
            Reason::Owner => true,
            Reason::Granted(grant) => matches!(
                grant.route,
                Route::Unrestricted
                    | Route::Practice
                    | Route::Administrative {
                        via: Relation::AdministrativeList | Relation::Owner
                    }
            ),
            _ => false,
        })
}

/// Whether an allow stands on ownership or on all-clients grants of an
/// unrestricted client alone: no route through anyone's place on the chart
/// or its administrative list.
pub fn allowed_without_relation(decision: &Decision) -> bool {
    decision.allowed
        && decision.reasons.iter().any(|reason| match reason {
            Reason::Owner => true,
            Reason::Granted(grant) => matches!(grant.route, Route::Unrestricted | Route::Practice),
            _ => false,
        })
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
    let roles = roles_that_would_allow(practice, request, date);
    deny(vec![Reason::NotGranted(Shortfall { unmet, roles })])
}

fn allow(reasons: Vec<Reason>) -> Decision {
    Decision {
        allowed: true,
        reasons,
    }
}

fn deny(reasons: Vec<Reason>) -> Decision {
    Decision {
        allowed: false,
        reasons,
    }
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

/// Whether `scope` holds for this member on the request's client.
pub(super) fn scope_holds(
    practice: &Practice,
    scope: Scope,
    member: &Member,
    request: &Resolved<'_>,
    date: NaiveDate,
) -> Result<Route, Need> {
    let id = member.id.value.as_str();
    let Some(client) = request.client else {
        return Ok(Route::Practice);
    };
    match scope {
        Scope::Practice => Ok(Route::Practice),
        Scope::All if !client.restricted => Ok(Route::Unrestricted),
        // The administrative list first: a member on it and on the care
        // team holds the all-scope grant by a route that does not pass
        // through their own care relation (SPEC §8 "No self-grants").
        Scope::All if client.in_administrative(id) => Ok(Route::Administrative {
            via: Relation::AdministrativeList,
        }),
        Scope::All => administrative_relation(practice, client, id, date)
            .map(|via| Route::Administrative { via })
            .ok_or(Need::AdministrativeAccess),
        Scope::Assigned => care_relation(practice, client, request.member_id, date)
            .map(|via| Route::Assigned { via })
            .ok_or(Need::Assignment),
        Scope::Supervisees => supervision_route(practice, client, id, date).ok_or(Need::Supervisee),
        Scope::Own => match request.author {
            Some(author) if author.id.value == id => Ok(Route::Author),
            _ => Err(Need::Authorship),
        },
    }
}

/// Primary, clinician or unexpired temporary: clinical access through the
/// chart, compared by interned id.
pub fn care_relation(
    practice: &Practice,
    client: &Client,
    member: MemberId,
    date: NaiveDate,
) -> Option<Relation> {
    let chart = practice.chart(client)?;
    if chart.primary == Some(member) {
        Some(Relation::Primary)
    } else if chart.clinicians.contains(&member) {
        Some(Relation::Clinician)
    } else {
        chart
            .temporary
            .iter()
            .filter(|&&(who, until, _)| who == member && until >= date)
            .max_by_key(|&&(_, until, _)| until)
            .map(|&(_, until, place)| Relation::Temporary {
                until,
                reason: client
                    .temporary
                    .get(place)
                    .map_or_else(String::new, |t| t.reason_text().to_string()),
            })
    }
}

/// Administrative access to a restricted client (SPEC §3.1): the chart's
/// care team, its administrative list, and the owner.
pub fn administrative_relation(
    practice: &Practice,
    client: &Client,
    member: &str,
    date: NaiveDate,
) -> Option<Relation> {
    practice
        .member_id(member)
        .and_then(|id| care_relation(practice, client, id, date))
        .or_else(|| {
            if client.in_administrative(member) {
                Some(Relation::AdministrativeList)
            } else if practice.is_owner(member) {
                Some(Relation::Owner)
            } else {
                None
            }
        })
}

/// The first supervisee of `member` (in the file's order) on the client's
/// care team. Looked for from the chart's side: a chart has a handful of
/// members on it, a supervisor may have dozens of supervisees.
pub fn supervision_route(
    practice: &Practice,
    client: &Client,
    member: &str,
    date: NaiveDate,
) -> Option<Route> {
    let chart = practice.chart(client)?;
    let on_chart = chart.primary.iter().chain(&chart.clinicians).chain(
        chart
            .temporary
            .iter()
            .filter(|&&(_, until, _)| until >= date)
            .map(|(who, _, _)| who),
    );
    let supervisee = on_chart
        .copied()
        .filter(|&id| {
            practice
                .member_of(id)
                .is_some_and(|m| m.supervisors.iter().any(|s| s.value == member))
        })
        .min()?;
    let via = care_relation(practice, client, supervisee, date)?;
    Some(Route::Supervision {
        supervisee: practice.member_of(supervisee)?.id.value.clone(),
        via,
    })
}

/// Roles that grant the capability at a scope that would hold for this
/// member and client as they stand: what an administrator could grant.
fn roles_that_would_allow(
    practice: &Practice,
    request: &Resolved<'_>,
    date: NaiveDate,
) -> Vec<String> {
    let member = request.member;
    practice
        .roles()
        .iter()
        .filter(|role| !member.has_role(&role.id.value))
        // Only roles the member could hold as they are: requirements met,
        // no exclusion either way.
        .filter(|role| role.requires.iter().all(|r| member.has_role(&r.value)))
        .filter(|role| !role.excludes.iter().any(|r| member.has_role(&r.value)))
        .filter(|role| {
            !member
                .roles
                .iter()
                .filter_map(|held| practice.role(&held.value))
                .any(|held| held.excludes.iter().any(|x| x.value == role.id.value))
        })
        .filter(|role| {
            role.grants.iter().any(|grant| {
                let scope = grant.scope();
                scope.kind() == request.capability.kind
                    && grant
                        .can
                        .iter()
                        .any(|p| pattern::matches(&p.value, &request.capability.name))
                    && scope_holds(practice, scope, member, request, date).is_ok()
            })
        })
        .map(|role| role.id.value.clone())
        .collect()
}

#[cfg(test)]
#[path = "decide_tests.rs"]
mod tests;
