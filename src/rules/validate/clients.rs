//! Client rules of SPEC §3.4 and §7: ids, the primary and care team,
//! restriction and the administrative list, temporary access and its expiry.

use super::{Check, holds_clinical_role};
use crate::findings::{Code, Subject};
use crate::model::{Client, Raw, Spanned, Stage};
use foldhash::HashMap;

impl<'p> Check<'p> {
    pub(super) fn unique_clients(&mut self) {
        let mut ids = HashMap::default();
        for client in &self.practice.clients {
            if let Some(first) = ids.insert(client.id.value.to_lowercase(), &client.id.value) {
                self.push(
                    Code::DuplicateId,
                    client.id.span,
                    format!(
                        "client id `{}` is already used by `{first}` (ids ignore letter case)",
                        client.id.value
                    ),
                    "merge the two entries or correct the id",
                );
            }
        }
    }
    pub(super) fn client(&mut self, client: &'p Client<Raw>) {
        self.primary(client);
        self.clinicians(client);
        self.administrative(client);
        for entry in &client.temporary {
            self.temporary(client, entry);
        }
    }
    /// The primary: an active member who holds a clinical role.
    fn primary(&mut self, client: &'p Client<Raw>) {
        let id = &client.id.value;
        if let Some(primary) = &client.primary
            && let Some(member) = self.active_member_ref(
                primary,
                &format!("primary of client `{id}`"),
                Some(Subject::Client(id.clone())),
            )
            && !holds_clinical_role(self.practice, member)
        {
            self.push_about(
                Code::PrimaryNotClinical,
                primary.span,
                format!(
                    "primary `{}` of client `{id}` holds no clinical role",
                    primary.value
                ),
                format!(
                    "grant `{}` a clinical role (clinician, intern), or assign another primary",
                    primary.value
                ),
                vec![
                    Subject::Member(primary.value.clone()),
                    Subject::Client(id.clone()),
                ],
            );
        }
    }
    /// The clinicians: active members, each once, the primary not among them.
    fn clinicians(&mut self, client: &Client<Raw>) {
        let id = &client.id.value;
        self.no_duplicates(&client.clinicians, "clinicians");
        for clinician in &client.clinicians {
            self.active_member_ref(
                clinician,
                &format!("clinician of client `{id}`"),
                Some(Subject::Client(id.clone())),
            );
            if client.is_primary(&clinician.value) {
                self.push(
                    Code::PrimaryAlsoClinician,
                    clinician.span,
                    format!(
                        "`{}` is both primary and clinician of client `{id}`",
                        clinician.value
                    ),
                    "remove them from `clinicians`: the primary already has clinical access",
                );
            }
        }
    }
    /// The administrative list: active members, each once, on a restricted
    /// client only.
    fn administrative(&mut self, client: &Client<Raw>) {
        let id = &client.id.value;
        self.no_duplicates(&client.administrative, "administrative");
        if let Some(first) = client.administrative.first()
            && !client.restricted
        {
            self.push(
                Code::AdministrativeNotRestricted,
                first.span,
                format!("client `{id}` has an administrative list but is not restricted"),
                "remove `administrative`, or set `restricted = true`",
            );
        }
        for admin in &client.administrative {
            self.active_member_ref(
                admin,
                &format!("administrative member of client `{id}`"),
                Some(Subject::Client(id.clone())),
            );
        }
    }
    fn temporary(&mut self, client: &Client<Raw>, entry: &crate::model::Temporary<Raw>) {
        let id = &client.id.value;
        let span = entry.member.as_ref().map_or_else(|| entry.span, |m| m.span);
        if let Some(member) = &entry.member {
            self.active_member_ref(
                member,
                &format!("temporary member of client `{id}`"),
                Some(Subject::Client(id.clone())),
            );
            if client.is_primary(&member.value) || client.is_clinician(&member.value) {
                self.push(
                    Code::TemporaryAlreadyClinician,
                    member.span,
                    format!(
                        "`{}` already has clinical access to client `{id}`",
                        member.value
                    ),
                    "remove the temporary entry",
                );
            }
        }
        if entry
            .reason
            .as_ref()
            .is_none_or(|r| !crate::rules::text::has_visible(&r.value))
        {
            let at = entry.reason.as_ref().map_or_else(|| span, |r| r.span);
            self.push(
                Code::TemporaryWithoutReason,
                at,
                format!("temporary access to client `{id}` has no reason"),
                "add `reason = \"...\"`: why this access was needed (coverage, emergency)",
            );
        }
    }
}

/// The rules that depend on the decision date, over the practice as read or
/// as kept in the index.
impl<S: Stage> Check<'_, S> {
    /// The findings that depend on the decision date (P102 through a
    /// temporary entry, P104, P105): kept apart so a cached validation can
    /// add them for another date.
    pub(super) fn dated(&mut self, client: &Client<S>) {
        let id = &client.id.value;
        if client.restricted {
            for admin in &client.administrative {
                self.redundant_administrative(client, admin);
            }
        }
        for entry in &client.temporary {
            if let Some(until) = S::get(&entry.until) {
                let days = (until.value - self.date).num_days();
                // A raw entry may name no member (reported as P004).
                let who = entry.member_id().unwrap_or("?");
                if days < 0 {
                    self.push_about(
                        Code::TemporaryExpired,
                        until.span,
                        format!(
                            "temporary access of `{who}` to client `{id}` held through {} and has expired",
                            until.value
                        ),
                        format!("remove it: `praxis client revoke {id} {who}`"),
                        about(who, id),
                    );
                } else if days <= 7 {
                    self.push_about(
                        Code::TemporaryExpiring,
                        until.span,
                        format!(
                            "temporary access of `{who}` to client `{id}` ends on {} ({days} days)",
                            until.value
                        ),
                        "extend it with a new `client grant --until`, or let it lapse",
                        about(who, id),
                    );
                }
            }
        }
    }

    fn redundant_administrative(&mut self, client: &Client<S>, admin: &Spanned<String>) {
        let name = admin.value.as_str();
        let route = if client.is_primary(name) {
            Some("its primary")
        } else if client.is_clinician(name) {
            Some("one of its clinicians")
        } else if client.temporary_for(name, self.date).is_some() {
            Some("a temporary member")
        } else if self.practice.is_owner(name) {
            Some("the practice owner")
        } else {
            None
        };
        if let Some(route) = route {
            self.push_about(
                Code::RedundantAdministrative,
                admin.span,
                format!(
                    "`{name}` already has administrative access to client `{}` as {route}",
                    client.id.value
                ),
                "remove them from `administrative`",
                about(name, &client.id.value),
            );
        }
    }
}

/// A finding about one member on one client.
fn about(member: &str, client: &str) -> Vec<Subject> {
    vec![
        Subject::Member(member.to_string()),
        Subject::Client(client.to_string()),
    ]
}
