//! The periodic access review (SPEC §4 `review`): per client, who can read
//! its clinical documentation and by which route; per member, how many
//! charts and through which routes; and the findings a reviewer must act on.
//! Candidates per client come from its care team, their supervisors, the
//! members with all-scope clinical grants and the owner, so the review never
//! decides every member against every client.

use crate::catalog::CLINICAL_READ;
use crate::findings::{Code, Findings};
use crate::model::{Client, Practice, Scope};
use crate::rules::decide::{self, Reason, Relation, Request, Route, Source, grants_of};
use crate::rules::history::Event;
use crate::rules::pattern;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// How a member reaches a client's clinical record.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(tag = "route", rename_all = "snake_case")]
pub enum ReviewRoute {
    Primary,
    Granted,
    Temporary {
        until: NaiveDate,
        reason: String,
    },
    Supervision {
        supervisee: String,
    },
    /// An all-scope grant: the role (or the member's own grant) it is in.
    AllClients {
        source: Source,
    },
    Owner,
}

impl ReviewRoute {
    pub fn name(&self) -> &'static str {
        match self {
            ReviewRoute::Primary => "primary",
            ReviewRoute::Granted => "granted",
            ReviewRoute::Temporary { .. } => "temporary",
            ReviewRoute::Supervision { .. } => "supervision",
            ReviewRoute::AllClients { .. } => "all-clients role",
            ReviewRoute::Owner => "owner",
        }
    }
}

#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct ChartReader {
    pub member: String,
    pub routes: Vec<ReviewRoute>,
}

#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct ChartReview {
    pub client: String,
    pub restricted: bool,
    pub readers: Vec<ChartReader>,
}

#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct MemberReview {
    pub member: String,
    pub name: String,
    pub clients: usize,
    pub routes: BTreeMap<&'static str, usize>,
}

/// What a review finding is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub enum ReviewKind {
    #[serde(rename = "temporary access expired")]
    TemporaryExpired,
    #[serde(rename = "temporary access ending within 7 days")]
    TemporaryExpiring,
    #[serde(rename = "inactive member still named")]
    InactiveNamed,
    #[serde(rename = "supervisor with no supervisees")]
    IdleSupervisor,
    #[serde(rename = "member with no roles")]
    NoRoles,
    #[serde(rename = "all-scope clinical access")]
    AllScopeClinical,
    #[serde(rename = "access unchanged for longer than the period")]
    StaleAccess,
}

#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct ReviewFinding {
    pub kind: ReviewKind,
    pub message: String,
    pub action: String,
}

#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct Review {
    pub practice: String,
    pub date: NaiveDate,
    pub charts: Vec<ChartReview>,
    pub members: Vec<MemberReview>,
    pub findings: Vec<ReviewFinding>,
    /// With `--stale DAYS`: each chart reading unchanged for longer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stale: Option<StaleReview>,
    /// With `--since DATE`: the commits since then that changed access.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changes: Option<ChangesSince>,
}

/// A member's reading of a chart unchanged for longer than the period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct StaleAccess {
    pub member: String,
    pub client: String,
    /// The day of the commit that last gave this access.
    pub since: NaiveDate,
    /// Days from then to the review's date.
    pub days: i64,
}

/// Chart access unchanged for longer than the period (`--stale`).
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct StaleReview {
    /// The period, in days.
    pub days: i64,
    pub access: Vec<StaleAccess>,
}

/// The access changes since the last review, from the file's git history.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct ChangesSince {
    pub since: NaiveDate,
    pub events: Vec<Event>,
}

fn routes(reasons: &[Reason]) -> Vec<ReviewRoute> {
    let mut routes: BTreeSet<ReviewRoute> = BTreeSet::new();
    for reason in reasons {
        match reason {
            Reason::Owner => {
                routes.insert(ReviewRoute::Owner);
            }
            Reason::Granted(grant) => {
                let source = grant.source.clone();
                let route = match &grant.route {
                    Route::Assigned {
                        via: Relation::Primary,
                    } => ReviewRoute::Primary,
                    Route::Assigned {
                        via: Relation::Temporary { until, reason },
                    } => ReviewRoute::Temporary {
                        until: *until,
                        reason: reason.clone(),
                    },
                    Route::Assigned { .. } => ReviewRoute::Granted,
                    Route::Supervision { supervisee, .. } => ReviewRoute::Supervision {
                        supervisee: supervisee.clone(),
                    },
                    Route::Unrestricted
                    | Route::Administrative { .. }
                    | Route::Practice
                    | Route::Author => ReviewRoute::AllClients { source },
                };
                routes.insert(route);
            }
            _ => {}
        }
    }
    routes.into_iter().collect()
}

/// The owner's relations to a chart besides ownership.
fn owner_routes(
    practice: &Practice,
    chart: &Client,
    owner: &str,
    date: NaiveDate,
) -> Vec<ReviewRoute> {
    let mut found = Vec::new();
    let relation = practice
        .member_id(owner)
        .and_then(|id| decide::care_relation(practice, chart, id, date));
    match relation {
        Some(Relation::Primary) => found.push(ReviewRoute::Primary),
        Some(Relation::Temporary { until, reason }) => {
            found.push(ReviewRoute::Temporary { until, reason })
        }
        Some(_) => found.push(ReviewRoute::Granted),
        None => {}
    }
    if let Some(Route::Supervision { supervisee, .. }) =
        decide::supervision_route(practice, chart, owner, date)
    {
        found.push(ReviewRoute::Supervision { supervisee });
    }
    found
}

/// Members whose grants cover clinical.view on `all`: they reach every
/// unrestricted chart.
fn all_scope_readers(practice: &Practice) -> Vec<&str> {
    practice
        .members
        .iter()
        .filter(|m| m.active)
        .filter(|m| {
            grants_of(practice, m).any(|(_, g)| {
                g.scope() == Scope::All
                    && g.can
                        .iter()
                        .any(|p| pattern::matches(&p.value, CLINICAL_READ))
            })
        })
        .map(|m| m.id.value.as_str())
        .collect()
}

fn candidates<'p>(
    practice: &'p Practice,
    client: &'p Client,
    all_clients_readers: &[&'p str],
    date: NaiveDate,
) -> BTreeSet<&'p str> {
    let mut set: BTreeSet<&str> = all_clients_readers.iter().copied().collect();
    for member in client.care_team(date) {
        set.insert(member);
        if let Some(found) = practice.member(member) {
            set.extend(found.supervisors.iter().map(|s| s.value.as_str()));
        }
    }
    if let Some(owner) = practice.owner_id() {
        set.insert(owner);
    }
    set
}

/// The review as of `date`, optionally narrowed to one member or client.
/// `findings` are the practice's validation findings as of that date (the
/// caller has them from loading the file).
pub fn review(
    practice: &Practice,
    findings: &Findings,
    date: NaiveDate,
    member: Option<&str>,
    client: Option<&str>,
) -> Review {
    let all_clients_readers = all_scope_readers(practice);
    let charts: Vec<ChartReview> = practice
        .clients
        .iter()
        .filter(|c| client.is_none_or(|id| c.id.value == id))
        .map(|chart| ChartReview {
            client: chart.id.value.clone(),
            restricted: chart.restricted,
            readers: chart_readers(practice, chart, &all_clients_readers, member, date),
        })
        .collect();
    let members = member_reviews(practice, &charts, member);
    Review {
        practice: practice.practice_name().to_string(),
        date,
        charts,
        members,
        findings: to_act_on(practice, findings, &all_clients_readers, member, client),
        stale: None,
        changes: None,
    }
}

/// Who may read the chart's clinical documentation, and by which routes;
/// only `member`, when the review is narrowed to one.
fn chart_readers(
    practice: &Practice,
    chart: &Client,
    all_clients_readers: &[&str],
    member: Option<&str>,
    date: NaiveDate,
) -> Vec<ChartReader> {
    let mut readers = Vec::new();
    for candidate in candidates(practice, chart, all_clients_readers, date) {
        if member.is_some_and(|m| m != candidate) {
            continue;
        }
        let request = Request {
            member: candidate,
            capability: CLINICAL_READ,
            client: Some(&chart.id.value),
            author: None,
        };
        let Ok(decision) = decide::decide(practice, &request, date) else {
            continue;
        };
        if !decision.allowed {
            continue;
        }
        let mut routes = routes(&decision.reasons);
        if practice.is_owner(candidate) {
            // The owner is allowed outright; list their chart routes too.
            routes.extend(owner_routes(practice, chart, candidate, date));
        }
        readers.push(ChartReader {
            member: candidate.to_string(),
            routes,
        });
    }
    readers
}

/// Per active member (only `member`, when narrowed to one): how many of the
/// reviewed charts they read, and how often by each route.
fn member_reviews(
    practice: &Practice,
    charts: &[ChartReview],
    member: Option<&str>,
) -> Vec<MemberReview> {
    let mut per_member: BTreeMap<&str, (BTreeSet<&str>, BTreeMap<&'static str, usize>)> =
        BTreeMap::new();
    for chart in charts {
        for reader in &chart.readers {
            let entry = per_member.entry(reader.member.as_str()).or_default();
            entry.0.insert(&chart.client);
            for route in &reader.routes {
                *entry.1.entry(route.name()).or_default() += 1;
            }
        }
    }
    practice
        .members
        .iter()
        .filter(|m| m.active && member.is_none_or(|id| m.id.value == id))
        .map(|m| {
            let (clients, routes) = per_member.remove(m.id.value.as_str()).unwrap_or_default();
            MemberReview {
                member: m.id.value.clone(),
                name: m.display_name().to_string(),
                clients: clients.len(),
                routes,
            }
        })
        .collect()
}

fn to_act_on(
    practice: &Practice,
    findings: &Findings,
    all_clients_readers: &[&str],
    member: Option<&str>,
    client: Option<&str>,
) -> Vec<ReviewFinding> {
    let mut out = Vec::new();
    for finding in findings.iter() {
        let kind = match finding.code {
            Code::TemporaryExpired => ReviewKind::TemporaryExpired,
            Code::TemporaryExpiring => ReviewKind::TemporaryExpiring,
            Code::InactiveReferenced => ReviewKind::InactiveNamed,
            Code::IdleSupervisor => ReviewKind::IdleSupervisor,
            Code::NoAccessMember => ReviewKind::NoRoles,
            _ => continue,
        };
        if finding.concerns(member, client) {
            out.push(ReviewFinding {
                kind,
                message: finding.message.clone(),
                action: finding.hint.clone(),
            });
        }
    }
    for id in all_clients_readers {
        if practice.is_owner(id) || member.is_some_and(|m| m != *id) {
            continue;
        }
        out.push(ReviewFinding {
            kind: ReviewKind::AllScopeClinical,
            message: format!("`{id}` can read the clinical notes of every unrestricted client"),
            action: "confirm this role needs every chart; otherwise grant on assigned clients only"
                .to_string(),
        });
    }
    out
}
