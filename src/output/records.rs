//! The JSON records of `access check|who|list`, typed, with their keys in
//! the order SPEC §4 writes them: `member`, `capability`, `client`, then the
//! decision. Every path that answers writes one of these, so the same
//! answer has the same shape wherever it comes from; a reason is the same
//! record in each.

use super::Table;
use super::explain;
use crate::rules::decide::{Decision, GrantMatch, Reason, Request, Route, Source};
use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

/// One reason for a decision: the data, plus the sentence as `text`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ReasonRecord<'a> {
    #[serde(flatten)]
    pub reason: &'a Reason,
    pub text: String,
}

/// The reasons of a decision on `request`, as records.
pub fn reasons<'a>(reasons: &'a [Reason], request: &Request<'_>) -> Vec<ReasonRecord<'a>> {
    reasons
        .iter()
        .map(|reason| ReasonRecord {
            reason,
            text: explain::reasons(std::slice::from_ref(reason), request).join("; "),
        })
        .collect()
}

/// A decision as a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Word {
    Allow,
    Deny,
}

impl Word {
    pub fn of(decision: &Decision) -> Word {
        match decision.allowed {
            true => Word::Allow,
            false => Word::Deny,
        }
    }
}

/// `access check --format json`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Check<'a> {
    pub member: &'a str,
    pub capability: &'a str,
    /// `null` when the request has no client.
    pub client: Option<&'a str>,
    pub decision: Word,
    pub reasons: Vec<ReasonRecord<'a>>,
}

/// `access who --format json`: every active member allowed, and why.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Who<'a> {
    pub capability: &'a str,
    pub client: Option<&'a str>,
    pub members: Vec<Allowed<'a>>,
}

/// A member `access who` found allowed.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Allowed<'a> {
    pub member: &'a str,
    pub name: &'a str,
    pub reasons: Vec<ReasonRecord<'a>>,
}

/// `access list --format json`: what a member may do, and where.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Holdings<'a> {
    pub member: &'a str,
    pub client: Option<&'a str>,
    pub capabilities: Vec<Holding<'a>>,
}

/// One capability a member holds: practice-wide, or on these clients.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Holding<'a> {
    Practice {
        capability: &'a str,
        reasons: Vec<ReasonRecord<'a>>,
    },
    Client {
        capability: &'a str,
        clients: Vec<OnClient<'a>>,
    },
}

/// A client a capability holds on, and why.
#[derive(Debug, Serialize, JsonSchema)]
pub struct OnClient<'a> {
    pub client: &'a str,
    pub reasons: Vec<ReasonRecord<'a>>,
}

/// One `access check --batch` answer with a decision.
#[derive(Debug, Serialize, JsonSchema)]
pub struct BatchAnswer<'a> {
    pub member: &'a str,
    pub capability: &'a str,
    pub client: Option<&'a str>,
    pub decision: Word,
}

/// One `access check --batch` line without a decision: what the line let
/// praxis read of it (any JSON value the request held; `null` for the
/// names it did not), then `"decision": "error"`, the error and the line's
/// number.
#[derive(Debug, Serialize, JsonSchema)]
pub struct BatchError {
    pub member: Value,
    pub capability: Value,
    pub client: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<Value>,
    pub decision: NoDecision,
    pub error: String,
    pub line: usize,
}

/// The decision of a batch line that has none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum NoDecision {
    Error,
}

fn first_route<'r>(reasons: impl IntoIterator<Item = &'r Reason>) -> Option<&'r GrantMatch> {
    reasons.into_iter().find_map(|r| match r {
        Reason::Granted(grant) => Some(grant),
        _ => None,
    })
}

/// A short "why" for a table cell: owner, or the first grant's source,
/// scope and route.
fn why(reasons: &[ReasonRecord<'_>]) -> String {
    if reasons.iter().any(|r| matches!(r.reason, Reason::Owner)) {
        return "owner".to_string();
    }
    match first_route(reasons.iter().map(|r| r.reason)) {
        Some(grant) => {
            let source = match &grant.source {
                Source::Role(role) => role.clone(),
                Source::Member => "own grant".to_string(),
            };
            format!(
                "{source} on {}: {}",
                grant.scope.as_str(),
                explain::route_short(&grant.route)
            )
        }
        None => String::new(),
    }
}

impl Who<'_> {
    /// One row per member allowed: id, name, why.
    pub fn table(&self) -> Table {
        let mut table = Table::new(&["member", "name", "why"]);
        for allowed in &self.members {
            table.push(vec![
                allowed.member.to_string(),
                allowed.name.to_string(),
                why(&allowed.reasons),
            ]);
        }
        table
    }
}

impl Holdings<'_> {
    /// One row per capability: its kind and where it holds, out of `total`
    /// clients asked about.
    pub fn table(&self, total: usize) -> Table {
        let mut table = Table::new(&["capability", "kind", "where"]);
        for holding in &self.capabilities {
            table.push(match holding {
                Holding::Practice { capability, .. } => {
                    vec![capability.to_string(), "practice".into(), "practice".into()]
                }
                Holding::Client {
                    capability,
                    clients,
                } => vec![
                    capability.to_string(),
                    "client".into(),
                    where_text(clients, total),
                ],
            });
        }
        table
    }
}

/// "all 40 clients"; else the clients grouped by route, each route named
/// once: "22 unrestricted clients (all-clients role); C-1011 (administrative)".
fn where_text(clients: &[OnClient<'_>], total: usize) -> String {
    if clients.len() == total && total > 1 {
        return format!("all {total} clients");
    }
    let mut groups: Vec<(String, Vec<&str>)> = Vec::new();
    for on in clients {
        let route = first_route(on.reasons.iter().map(|r| r.reason))
            .map_or_else(|| "owner".to_string(), |g| route_word(&g.route));
        match groups.iter_mut().find(|(r, _)| *r == route) {
            Some((_, ids)) => ids.push(on.client),
            None => groups.push((route, vec![on.client])),
        }
    }
    let group = |(route, ids): &(String, Vec<&str>)| {
        if route == "all clients" && ids.len() > 1 {
            return format!("{} unrestricted clients (all-clients role)", ids.len());
        }
        let mut shown = ids.iter().take(8).copied().collect::<Vec<_>>().join(", ");
        if ids.len() > 8 {
            shown.push_str(&format!(" and {} more", ids.len() - 8));
        }
        format!("{shown} ({route})")
    };
    groups.iter().map(group).collect::<Vec<_>>().join("; ")
}

fn route_word(route: &Route) -> String {
    match route {
        Route::Unrestricted => "all clients".to_string(),
        other => explain::route_short(other),
    }
}

/// One line of `access check --batch`: an answer, or an error line.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum BatchLine<'a> {
    Answer(BatchAnswer<'a>),
    Error(Box<BatchError>),
}
