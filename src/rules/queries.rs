//! The listing questions — who may use a capability, and what a member
//! holds — answered from the decision of SPEC §3.2, for `access who`,
//! `access list` and `praxis test`'s `[[who]]` and `[[list]]` expectations.

use super::QueryError;
use super::decide::{self, Reason, Request, decide_resolved, resolve, resolve_target};
use crate::model::{Kind, Member, Practice};
use chrono::NaiveDate;

/// Every active member allowed `capability` (on `client`), with the
/// reasons, in the file's order.
pub fn who<'p>(
    practice: &'p Practice,
    capability: &str,
    client: Option<&str>,
    date: NaiveDate,
) -> Result<Vec<(&'p Member, Vec<Reason>)>, QueryError> {
    resolve_target(practice, capability, client)?;
    let mut allowed = Vec::new();
    for member in practice.members.iter().filter(|m| m.active) {
        let request = Request {
            member: &member.id.value,
            capability,
            client,
            author: None,
        };
        let resolved = resolve(practice, &request)?;
        let decision = decide_resolved(practice, &resolved, date);
        if decision.allowed {
            allowed.push((member, decision.reasons));
        }
    }
    Ok(allowed)
}

/// Where a member holds one client capability: each client (or only
/// `client`) and its reasons.
pub fn clients_allowed<'p>(
    practice: &'p Practice,
    member: &str,
    capability: &str,
    client: Option<&str>,
    date: NaiveDate,
) -> Result<Vec<(&'p str, Vec<Reason>)>, QueryError> {
    let ids: Vec<&str> = match client {
        Some(id) => vec![id],
        None => practice
            .clients
            .iter()
            .map(|c| c.id.value.as_str())
            .collect(),
    };
    let mut allowed = Vec::new();
    for id in ids {
        let request = Request {
            member,
            capability,
            client: Some(id),
            author: None,
        };
        let resolved = resolve(practice, &request)?;
        let decision = decide_resolved(practice, &resolved, date);
        if decision.allowed
            && let Some(client) = resolved.client
        {
            allowed.push((client.id.value.as_str(), decision.reasons));
        }
    }
    Ok(allowed)
}

/// How a member holds a capability.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Held<'p> {
    /// A practice capability, and why.
    Practice(Vec<Reason>),
    /// A client capability: the clients and why on each.
    Clients(Vec<(&'p str, Vec<Reason>)>),
}

/// Every capability `member` holds (on `client`, if given), in catalog
/// order.
pub fn held<'p>(
    practice: &'p Practice,
    member: &str,
    client: Option<&str>,
    date: NaiveDate,
) -> Result<Vec<(&'p str, Held<'p>)>, QueryError> {
    decide::find_member(practice, member)?;
    if let Some(client) = client {
        decide::find_client(practice, client)?;
    }
    let mut held = Vec::new();
    for capability in practice.capabilities() {
        let name = capability.name.as_str();
        match capability.kind {
            Kind::Practice => {
                let request = Request {
                    member,
                    capability: name,
                    client: None,
                    author: None,
                };
                let decision = decide::decide(practice, &request, date)?;
                if decision.allowed {
                    held.push((name, Held::Practice(decision.reasons)));
                }
            }
            Kind::Client => {
                let clients = clients_allowed(practice, member, name, client, date)?;
                if !clients.is_empty() {
                    held.push((name, Held::Clients(clients)));
                }
            }
        }
    }
    Ok(held)
}
