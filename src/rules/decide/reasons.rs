//! What a decision says: allowed or not, and why, as data (SPEC §3.2).
//! These are the types every renderer reads (`access check`, `explain`,
//! `review`, JSON output), kept apart from the steps that make them.

use crate::model::Scope;
use chrono::NaiveDate;
use serde::Serialize;

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
    /// Roles the member could be granted as they are that would allow it.
    pub roles: Vec<String>,
    /// Roles that would allow it once the roles they require are granted
    /// too (`clinical-admin` with `clinician`).
    pub with_requirements: Vec<RoleOffer>,
}

/// A role that would allow a request, and the roles it requires that the
/// member does not hold yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct RoleOffer {
    pub role: String,
    pub requires: Vec<String>,
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

pub(super) fn allow(reasons: Vec<Reason>) -> Decision {
    Decision {
        allowed: true,
        reasons,
    }
}

pub(super) fn deny(reasons: Vec<Reason>) -> Decision {
    Decision {
        allowed: false,
        reasons,
    }
}
