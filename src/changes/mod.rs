//! Changes to the practice: every mutation of SPEC §4 as a pure function of
//! the practice as it is, the acting member and the document to edit. Each
//! checks, in order, what the arguments name (usage, exit 2), whether the
//! actor may make the change (refused, exit 1), the mutation's own rules
//! (refused, exit 1), and only then edits — or reports that nothing changes.
//! The caller validates the edited document as a whole before writing.

mod apply;
mod clients;
pub mod cut;
pub mod edit;
pub mod endings;
mod members;
mod report;
mod roles;
mod supervision;

pub use apply::{Applied, Change, Refusal, apply};
pub use clients::*;
pub use members::*;
pub use report::{
    Act, ChangeError, ChangeWarning, ChartPlace, Did, EntryKind, RevokeFrom, Unchanged,
};
pub use roles::*;
pub use supervision::*;

use crate::model::{Client, Member, Practice};
use crate::rules::decide::{self, Request};
use crate::rules::permission::Permission;

use chrono::NaiveDate;

/// A change made to the text of the file: the summary and the new text,
/// or why nothing changes.
#[derive(Debug)]
pub enum Edited {
    /// The new text, in `toml_edit`'s line endings where the change wrote
    /// lines (the caller puts the file's own endings back).
    Changed(Summary, String),
    NoChange(Unchanged),
}

/// Makes `change` to the file's `text`: on the text with what `reach` does
/// not touch cut out when that can be done ([`cut`]), else on the whole
/// document — the definition the cut edit must equal. The entries a change
/// touched are tidied. `None` when the text cannot be parsed for editing.
pub fn edit_text(
    text: &str,
    actor: &Actor<'_>,
    reach: cut::Reach<'_>,
    change: impl Fn(&Actor<'_>, &mut toml_edit::DocumentMut) -> Result<Outcome, ChangeError>,
) -> Option<Result<Edited, ChangeError>> {
    if let Some(cut) = cut::cut(text, actor.practice, reach)
        && let Ok(mut doc) = cut.text.parse::<toml_edit::DocumentMut>()
    {
        // An error is left for the whole document to give: it is the
        // authority on what the change says.
        match change(actor, &mut doc) {
            Ok(Outcome::NoChange(why)) => return Some(Ok(Edited::NoChange(why))),
            Ok(Outcome::Changed(summary)) => {
                tidy(&mut doc, &summary);
                if let Some(joined) = cut.rejoin(text, &doc) {
                    return Some(Ok(Edited::Changed(summary, joined)));
                }
            }
            Err(_) => {}
        }
    }
    let mut doc = text.parse::<toml_edit::DocumentMut>().ok()?;
    let edited = match change(actor, &mut doc) {
        Err(error) => Err(error),
        Ok(Outcome::NoChange(why)) => Ok(Edited::NoChange(why)),
        Ok(Outcome::Changed(summary)) => {
            tidy(&mut doc, &summary);
            Ok(Edited::Changed(summary, doc.to_string()))
        }
    };
    Some(edited)
}

/// Re-spaces the client entries the change touched.
fn tidy(doc: &mut toml_edit::DocumentMut, summary: &Summary) {
    let touched = summary
        .affected
        .iter()
        .filter_map(|(_, client)| client.as_deref());
    edit::tidy_clients(doc, touched);
}

/// What a change did, for the one-line summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Changed(Summary),
    /// Nothing to do: the file stays untouched, exit 0.
    NoChange(Unchanged),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// What the change did.
    pub did: Did,
    /// (member, client) pairs whose access to report: with a client, the
    /// client capabilities on it; without, the member's scopes.
    pub affected: Vec<(String, Option<String>)>,
    /// Things the administrator should know, for stderr.
    pub warnings: Vec<ChangeWarning>,
}

impl Summary {
    fn new(did: Did) -> Self {
        Summary {
            did,
            affected: Vec::new(),
            warnings: Vec::new(),
        }
    }

    fn affecting(mut self, member: &str, client: Option<&str>) -> Self {
        self.affected
            .push((member.to_string(), client.map(str::to_string)));
        self
    }
}

/// The practice as it is before the change, and who is making it.
pub struct Actor<'p> {
    pub practice: &'p Practice,
    pub member: &'p Member,
    pub date: NaiveDate,
    /// The permissions the change was judged on, and where: what a change
    /// that turns out to give the actor access must hold independently.
    required: std::cell::RefCell<Vec<(Permission, Option<String>)>>,
}

impl<'p> Actor<'p> {
    /// The acting member: required, and a member of the practice (exit 2).
    pub fn resolve(
        practice: &'p Practice,
        actor: Option<&str>,
        date: NaiveDate,
    ) -> Result<Actor<'p>, ChangeError> {
        let id = actor.ok_or(ChangeError::NoActor)?;
        let member = crate::rules::actor::resolve(practice, id)?;
        Ok(Actor {
            practice,
            member,
            date,
            required: std::cell::RefCell::default(),
        })
    }

    /// Refuses unless the actor may use `capability` (on `client`), per SPEC §3.2.
    pub fn require(
        &self,
        permission: Permission,
        client: Option<&str>,
        act: Act,
    ) -> Result<(), ChangeError> {
        self.require_as(permission, client, act, Standing::AnyRoute)
    }

    /// Whether `member` is the acting member themselves (ids are exact).
    pub fn is(&self, member: &str) -> bool {
        self.member.id.value == member
    }

    /// Like [`Actor::require`] for a change that would give `member` access
    /// to `client`: when that member is the actor, the capability must hold
    /// by a route other than their own care relation to the client (SPEC §8
    /// "No self-grants").
    pub fn require_for(
        &self,
        member: &str,
        permission: Permission,
        client: &str,
        act: Act,
    ) -> Result<(), ChangeError> {
        let standing = if self.is(member) {
            Standing::Independent
        } else {
            Standing::AnyRoute
        };
        self.require_as(permission, Some(client), act, standing)
    }

    fn require_as(
        &self,
        permission: Permission,
        client: Option<&str>,
        act: Act,
        standing: Standing,
    ) -> Result<(), ChangeError> {
        self.required
            .borrow_mut()
            .push((permission, client.map(str::to_string)));
        let request = Request {
            member: &self.member.id.value,
            capability: permission.capability(),
            client,
            author: None,
        };
        let decision = decide::decide(self.practice, &request, self.date)?;
        let actor = self.member.id.value.clone();
        let client = client.map(str::to_string);
        match standing {
            Standing::AnyRoute if decision.allowed => Ok(()),
            Standing::Independent if decide::allowed_independently(&decision) => Ok(()),
            Standing::Independent if decision.allowed => Err(ChangeError::NotForThemselves {
                actor,
                act,
                permission,
                client,
            }),
            _ => Err(ChangeError::NotPermitted {
                actor,
                act,
                permission,
                client,
                reasons: decision.reasons,
            }),
        }
    }
}

impl Actor<'_> {
    /// [`Actor::refuse_self_gain`] on the charts a change can give the
    /// actor: those it names and, for a change to members (a role, a
    /// supervision), every chart the actor or their supervisees are on in
    /// `after` (SPEC §9.1 "Self-gains by any route").
    pub fn refuse_self_gain_of(
        &self,
        summary: &Summary,
        after: &Practice,
    ) -> Result<(), ChangeError> {
        let mut clients: std::collections::BTreeSet<&str> = summary
            .affected
            .iter()
            .filter_map(|(_, client)| client.as_deref())
            .collect();
        if summary.affected.iter().any(|(_, client)| client.is_none()) {
            clients.extend(crate::rules::gains::charts_within_reach(
                after,
                &self.member.id.value,
            ));
        }
        // `member remove`'s reassignments are covered by members.manage
        // (SPEC §4, §8): the one change whose chart side effects need
        // nothing more.
        let removal = matches!(summary.did, Did::MemberDeactivated { .. });
        let me = self.member.id.value.as_str();
        if !self.practice.is_owner(me) {
            let everywhere = crate::rules::gains::all_scope_gains(self.practice, after, me);
            if !everywhere.is_empty() {
                return Err(ChangeError::SelfGainEverywhere {
                    actor: me.to_string(),
                    capabilities: everywhere,
                });
            }
        }
        self.refuse_self_gain(after, &clients.into_iter().collect::<Vec<_>>(), removal)
    }

    /// SPEC §8 "No self-grants", whatever route the gain takes: when the
    /// change gives the actor more access to a client (now or for longer;
    /// through a supervisee put on the chart, a chart unrestricted), each
    /// permission it was judged on for that client must hold without the
    /// actor's own place on the chart. A change judged on practice
    /// permissions alone (a role, a supervision) that gives the actor a
    /// chart needs `client.access` on it held that way: what a `client
    /// grant` of themselves would need. `member remove` (`removal`) is the
    /// exception SPEC §4 makes: members.manage covers its reassignments.
    pub fn refuse_self_gain(
        &self,
        after: &Practice,
        clients: &[&str],
        removal: bool,
    ) -> Result<(), ChangeError> {
        let me = self.member.id.value.as_str();
        let required = self.required.borrow();
        for &client in clients {
            // A new client's primary and clinicians come with client.create
            // (SPEC §8 "A new client"): only existing charts are judged here.
            if self.practice.client(client).is_none()
                || !crate::rules::gains::gains_on_client(
                    self.practice,
                    after,
                    me,
                    client,
                    self.date,
                )
            {
                continue;
            }
            let independent = |permission: Permission| {
                let request = Request {
                    member: me,
                    capability: permission.capability(),
                    client: Some(client),
                    author: None,
                };
                decide::decide(self.practice, &request, self.date)
                    .is_ok_and(|d| decide::allowed_independently(&d))
            };
            let on_client: Vec<Permission> = required
                .iter()
                .filter(|(_, c)| c.as_deref() == Some(client))
                .map(|(p, _)| *p)
                .collect();
            let held = match on_client.is_empty() {
                true if removal => true,
                true => independent(Permission::GrantAccess),
                false => on_client.into_iter().all(independent),
            };
            if !held {
                return Err(ChangeError::SelfGain {
                    actor: me.to_string(),
                    client: client.to_string(),
                });
            }
        }
        Ok(())
    }
}

/// Which routes to a capability count for a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Standing {
    /// Any allow will do.
    AnyRoute,
    /// Only an allow that does not come through the actor's own care
    /// relation to the client: the change gives the actor access.
    Independent,
}

/// A member named in the arguments: unknown is a usage error (exit 2),
/// worded as the query's error is.
pub fn known_member<'p>(practice: &'p Practice, id: &str) -> Result<&'p Member, ChangeError> {
    Ok(decide::find_member(practice, id)?)
}

/// A client named in the arguments: unknown is a usage error (exit 2).
pub fn known_client<'p>(practice: &'p Practice, id: &str) -> Result<&'p Client, ChangeError> {
    Ok(decide::find_client(practice, id)?)
}

/// A role named in the arguments: unknown is a usage error (exit 2).
pub fn known_role(practice: &Practice, id: &str) -> Result<(), ChangeError> {
    match practice.role(id) {
        Some(_) => Ok(()),
        None => Err(ChangeError::UnknownRole {
            role: id.to_string(),
            known: practice
                .roles()
                .iter()
                .map(|r| r.id.value.clone())
                .collect(),
        }),
    }
}

/// Ids are unique regardless of letter case (SPEC §7).
/// Validation compares ids by `to_lowercase`, so this does too.
fn taken<'a>(id: &str, mut existing: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let id = id.to_lowercase();
    existing.find(|e| e.to_lowercase() == id)
}

fn missing_entry(kind: EntryKind, id: &str) -> ChangeError {
    ChangeError::EntryNotEditable {
        kind,
        id: id.to_string(),
    }
}
