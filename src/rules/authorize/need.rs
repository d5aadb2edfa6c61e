//! What one change needs of the acting member, and whether they hold it in
//! the old version. Kept apart from the walk over members and clients so
//! that every kind of change is judged by the same test.

use super::Violation;
use crate::model::Practice;
use crate::rules::decide::{self, Request};
use crate::rules::diff::allowed;
use crate::rules::permission::Permission;
use chrono::NaiveDate;

/// What a change needs of the acting member.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Permit {
    /// Any allow of one of the capabilities.
    Any,
    /// An allow that does not come through the actor's own care relation to
    /// the client: the change gives the actor access (SPEC §8 "No
    /// self-grants").
    Independent,
    /// The capability on every client (a new client's temporary and
    /// restriction entries, SPEC §8).
    OnAllClients,
    /// Only the current owner may move ownership (SPEC §8).
    Owner,
    /// No command makes this change, so no actor may (SPEC §8 "Commands and
    /// `diff --as` agree"). [`Need::never`] says what to run instead.
    Never,
}

impl Permit {
    /// A change that puts the actor on a list is a self-grant; any other
    /// takes any allow.
    pub(super) fn joining(actor_joins: bool) -> Permit {
        if actor_joins {
            Permit::Independent
        } else {
            Permit::Any
        }
    }
}

#[derive(Clone)]
pub(super) struct Need {
    pub(super) change: String,
    /// Any one of these permissions makes the change.
    pub(super) permissions: &'static [Permission],
    pub(super) client: Option<String>,
    pub(super) permit: Permit,
    /// With [`Permit::Never`]: the command that does what was meant.
    pub(super) instead: Option<String>,
}

impl Need {
    pub(super) fn new(
        change: String,
        permissions: &'static [Permission],
        client: Option<&str>,
    ) -> Need {
        Need {
            change,
            permissions,
            client: client.map(str::to_string),
            permit: Permit::Any,
            instead: None,
        }
    }

    /// A change no command makes: refused for every actor, with what to
    /// run instead.
    pub(super) fn never(mut self, instead: String) -> Need {
        self.permit = Permit::Never;
        self.instead = Some(instead);
        self
    }

    pub(super) fn with(mut self, permit: Permit) -> Need {
        self.permit = permit;
        self
    }

    pub(super) fn met_by(&self, old: &Practice, actor: &str, date: NaiveDate) -> bool {
        match self.permit {
            Permit::Owner => return old.is_owner(actor),
            Permit::Never => return false,
            _ => {}
        }
        self.permissions
            .iter()
            .map(|permission| permission.capability())
            .any(|capability| match self.permit {
                Permit::OnAllClients => decide::holds_on_all_clients(old, actor, capability),
                Permit::Independent => {
                    let request = Request {
                        member: actor,
                        capability,
                        client: self.client.as_deref(),
                        author: None,
                    };
                    decide::decide(old, &request, date)
                        .is_ok_and(|d| decide::allowed_independently(&d))
                }
                _ => allowed(old, actor, capability, self.client.as_deref(), date),
            })
    }

    fn needs(&self) -> String {
        let capabilities = self
            .permissions
            .iter()
            .map(|p| p.capability())
            .collect::<Vec<_>>()
            .join(" or ");
        match self.permit {
            Permit::Any => capabilities,
            Permit::Independent => capabilities,
            Permit::OnAllClients => format!("{capabilities} on all clients"),
            Permit::Owner => "to be the practice owner".into(),
            Permit::Never => format!(
                "a command, and none makes it: {}",
                self.instead.as_deref().unwrap_or_default()
            ),
        }
    }

    /// The need, unmet, as reported.
    pub(super) fn violation(self, self_grant: bool) -> Violation {
        Violation {
            needs: self.needs(),
            self_grant,
            change: self.change,
            client: self.client,
        }
    }
}
