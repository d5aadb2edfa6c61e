//! Step 1 of SPEC §3.2: the names a request gives, looked up in the
//! practice. A question that names something missing, or asks in a way the
//! decision does not take, gets a [`QueryError`] with the closest id
//! instead of a decision.

use crate::model::{Capability, Client, Kind, Member, MemberId, Practice};
use crate::rules::pattern;
use crate::suggest;

use super::Request;

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
