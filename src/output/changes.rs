//! The words for a change: its one-line summary, why it did nothing, its
//! warnings, and why it was refused, with the command or flag that fixes
//! it. The changes return these as data (`changes::report`); the text is
//! made here, once. Free text (a reason) is escaped by whoever shows it,
//! on the whole line.

use crate::changes::{
    Act, ChangeError, ChangeWarning, ChartPlace, Did, EntryKind, RevokeFrom, Unchanged,
};
use crate::rules::decide::Request;
use crate::rules::delta::AccessDelta;
use crate::suggest;
use std::fmt::{self, Display, Formatter};

impl Display for Did {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Did::ClientAdded { client, primary } => {
                write!(f, "added client {client} with primary {primary}")
            }
            Did::PrimaryAssigned {
                client,
                primary,
                previous_stays,
            } => {
                write!(f, "{primary} is now primary of {client}")?;
                match previous_stays {
                    Some(previous) => write!(f, "; {previous} stays on as a clinician"),
                    None => Ok(()),
                }
            }
            Did::ClinicianGranted { member, client } => {
                write!(f, "{member} is now a clinician of {client}")
            }
            Did::TemporaryGranted {
                member,
                client,
                until,
                reason,
            } => write!(
                f,
                "{member} has temporary access to {client} through {until} (\"{reason}\")"
            ),
            Did::AdministrativeGranted { member, client } => write!(
                f,
                "{member} now has administrative access to restricted client {client}"
            ),
            Did::AccessRevoked {
                member,
                client,
                from,
            } => {
                let what = match from {
                    RevokeFrom::ClinicalLists => "clinical access",
                    RevokeFrom::AllLists => "administrative and clinical access",
                };
                write!(f, "revoked {member}'s {what} to {client}")
            }
            Did::Restricted { client } => write!(
                f,
                "{client} is now restricted: all-clients roles reach it only through its administrative list"
            ),
            Did::RestrictionLifted { client } => write!(
                f,
                "{client} is no longer restricted; its administrative list is cleared"
            ),
            Did::ClientRemoved { client } => {
                write!(f, "removed client {client} (git keeps its history)")
            }
            Did::MemberAdded {
                member,
                name,
                roles,
            } => {
                write!(f, "added member {member} ({name}) with ")?;
                match roles.is_empty() {
                    true => write!(f, "no roles"),
                    false => write!(f, "role {}", roles.join(", ")),
                }
            }
            Did::MemberEdited { member, fields } => {
                let keys: Vec<&str> = fields.iter().map(|field| field.key()).collect();
                write!(f, "updated {} of member {member}", keys.join(", "))
            }
            Did::MemberDeactivated {
                member,
                clients_to,
                supervisees_to,
            } => {
                write!(f, "deactivated {member} (kept for history)")?;
                if let Some((target, count)) = clients_to {
                    write!(f, "; {count} client(s) now have {target} as primary")?;
                }
                if let Some((target, count)) = supervisees_to {
                    write!(f, "; {count} supervisee(s) now supervised by {target}")?;
                }
                Ok(())
            }
            Did::RolesGranted {
                member,
                added,
                instead_of,
            } => {
                write!(f, "{member} now holds {}", added.join(", "))?;
                match instead_of.is_empty() {
                    true => Ok(()),
                    false => write!(f, " instead of {}", instead_of.join(", ")),
                }
            }
            Did::RolesRevoked { member, roles } => {
                write!(f, "{member} no longer holds {}", roles.join(", "))
            }
            Did::SupervisionAdded {
                supervisor,
                supervisee,
                cosign,
            } => {
                write!(f, "{supervisor} now supervises {supervisee}")?;
                match cosign.is_empty() {
                    true => Ok(()),
                    false => write!(f, ", co-signing {}", cosign.join(" and ")),
                }
            }
            Did::SupervisionRemoved {
                supervisor,
                supervisee,
            } => write!(f, "{supervisor} no longer supervises {supervisee}"),
        }
    }
}

impl Display for Unchanged {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Unchanged::AlreadyPrimary { member, client } => {
                write!(f, "{member} is already primary of {client}")
            }
            Unchanged::AlreadyOnChart {
                member,
                client,
                place,
            } => write!(f, "{member} is already {} of {client}", place_words(*place)),
            Unchanged::AlreadyTemporary {
                member,
                client,
                until,
            } => write!(
                f,
                "{member} already has temporary access to {client} until {until}"
            ),
            Unchanged::AlreadyAdministrative { member, client } => {
                write!(f, "{member} is already on {client}'s administrative list")
            }
            Unchanged::AdministrativeBy {
                member,
                client,
                relation,
            } => write!(
                f,
                "{member} already has administrative access to {client} as {}",
                super::explain::relation(relation)
            ),
            Unchanged::NothingToRevoke {
                member,
                client,
                from,
            } => {
                let what = match from {
                    RevokeFrom::ClinicalLists => "clinical access",
                    RevokeFrom::AllLists => "access",
                };
                write!(f, "{member} has no {what} to {client} to revoke")
            }
            Unchanged::AlreadyRestricted { client } => write!(f, "{client} is already restricted"),
            Unchanged::NotRestricted { client } => write!(f, "{client} is not restricted"),
            Unchanged::SameValues { member } => write!(f, "{member} already has those values"),
            Unchanged::AlreadyInactive { member } => write!(f, "{member} is already inactive"),
            Unchanged::AlreadyHolds { member, roles } => {
                write!(f, "{member} already holds {}", roles.join(", "))
            }
            Unchanged::HoldsNone { member, roles } => {
                write!(f, "{member} holds none of {}", roles.join(", "))
            }
            Unchanged::AlreadySupervises {
                supervisor,
                supervisee,
            } => write!(f, "{supervisor} already supervises {supervisee}"),
            Unchanged::DoesNotSupervise {
                supervisor,
                supervisee,
            } => write!(f, "{supervisor} does not supervise {supervisee}"),
        }
    }
}

impl Display for ChangeWarning {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            ChangeWarning::LosesSupervisor {
                supervisee,
                supervisor,
            } => write!(f, "{supervisee} loses their supervisor {supervisor}"),
            ChangeWarning::InactiveMember { member } => write!(
                f,
                "{member} is inactive, so the role gives no access until they are active again \
                 (`praxis member edit {member} --active true`)"
            ),
        }
    }
}

impl Display for ChangeError {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            ChangeError::NoActor => write!(
                f,
                "a change needs an acting member: pass --as MEMBER or set PRAXIS_ACTOR"
            ),
            ChangeError::Actor(error) => write!(f, "{error}"),
            ChangeError::Unknown(error) => write!(f, "{error}"),
            ChangeError::UnknownRole { role, known } => write!(
                f,
                "unknown role `{role}`{}",
                suggest::trailing(role, known.iter().map(String::as_str))
            ),
            ChangeError::EmptyReason => {
                write!(f, "--reason must say why temporary access is needed")
            }
            ChangeError::NotClearable { field } => {
                let clearable: Vec<&str> = crate::rules::permission::MemberField::ALL
                    .iter()
                    .filter(|f| f.clearable())
                    .map(|f| f.key())
                    .collect();
                write!(
                    f,
                    "--clear takes one of {}, not `{}`",
                    clearable.join(", "),
                    field.key()
                )
            }
            ChangeError::SetAndCleared { field } => write!(
                f,
                "`{key}` is both set and cleared (--clear {key}); pass one of them",
                key = field.key()
            ),
            ChangeError::NothingToEdit => write!(
                f,
                "nothing to edit: pass --name, --email, --npi, --taxonomy, --cosign, --active … or --clear FIELD"
            ),
            ChangeError::ReassignToSelf { member } => write!(
                f,
                "cannot reassign {member}'s clients or supervisees to {member}"
            ),
            ChangeError::EntryNotEditable { kind, id } => write!(
                f,
                "{} `{id}` is in the practice but its entry could not be edited",
                kind_word(*kind)
            ),
            ChangeError::Swapped { client, member } => write!(
                f,
                "`{member}` is a member and `{client}` a client: the client comes first \
                 (`… {client} {member}`)"
            ),
            ChangeError::IdTaken { kind, existing } => {
                write!(
                    f,
                    "{} `{existing}` already exists (ids ignore letter case)",
                    kind_word(*kind)
                )?;
                match kind {
                    EntryKind::Member => write!(f, "; edit it with `praxis member edit`"),
                    EntryKind::Client => Ok(()),
                }
            }
            ChangeError::NotPermitted {
                actor,
                act,
                permission,
                client,
                reasons,
            } => {
                let capability = permission.capability();
                let request = Request {
                    member: actor,
                    capability,
                    client: client.as_deref(),
                    author: None,
                };
                // The reasons may quote a temporary entry's reason, free
                // text: the message is escaped as a whole where it is shown.
                let why = super::explain::reasons(reasons, &request).join("; ");
                write!(
                    f,
                    "{actor} may not {}: it needs {capability}{} ({why})",
                    act_words(*act),
                    on(client.as_deref()),
                )
            }
            ChangeError::NotForThemselves {
                actor,
                act,
                permission,
                client,
            } => {
                let capability = permission.capability();
                write!(
                    f,
                    "{actor} may not {} for themselves: their {capability}{} comes only \
                     through their own place on the chart; an administrator, the owner or \
                     someone with {capability} on all clients must make this change",
                    act_words(*act),
                    on(client.as_deref())
                )
            }
            ChangeError::SelfGain { actor, client } => write!(
                f,
                "{actor} may not make this change: it gives {actor} access to {client} \
                 (directly, through a supervisee, or for longer), and {actor}'s permission \
                 for it comes only through their own place on the chart; an \
                 administrator, the owner or someone with client.access on all clients \
                 must make it"
            ),
            ChangeError::TemporaryAddsNothing {
                member,
                client,
                place,
            } => write!(
                f,
                "{member} is already {} of {client}; temporary access would add nothing",
                place_words(*place)
            ),
            ChangeError::ClientNotRestricted { client } => write!(
                f,
                "{client} is not restricted, so everyone with an all-clients role already reaches it; \
                 restrict it first (`praxis client restrict {client}`)"
            ),
            ChangeError::RevokePrimary { member, client } => write!(
                f,
                "{member} is the primary clinician of {client}; assign another primary first \
                 (`praxis client assign {client} --primary M`)"
            ),
            ChangeError::RevokeOwner { member } => write!(
                f,
                "{member} is the practice owner, whose access cannot be revoked"
            ),
            ChangeError::DeactivateOwner { member } => write!(
                f,
                "{member} is the practice owner, who cannot be deactivated"
            ),
            ChangeError::RemoveOwner { member } => write!(
                f,
                "{member} is the practice owner and cannot be removed; make someone else owner in [practice] first"
            ),
            ChangeError::PrimaryOfClients { member, clients } => write!(
                f,
                "{member} is primary for {} client(s) ({}); pass --reassign-clients-to MEMBER",
                clients.len(),
                preview(clients)
            ),
            ChangeError::ReplaceNotHeld { member, role } => write!(
                f,
                "{member} does not hold `{role}`, so --replace {role} cannot swap it"
            ),
            ChangeError::LeftWithoutClinicalRole { member, clients } => write!(
                f,
                "{member} is primary for {clients} client(s) and would be left without a clinical role; \
                 reassign them first (`praxis client assign ID --primary M`)"
            ),
        }
    }
}

fn act_words(act: Act) -> &'static str {
    match act {
        Act::AddClients => "add clients",
        Act::AssignPrimary => "make themselves primary of this client",
        Act::GrantAccess => "grant access to this client",
        Act::ManageAdministrative => "manage this client's administrative list",
        Act::RevokeAccess => "revoke access to this client",
        Act::Restrict => "restrict this client",
        Act::RemoveClient => "remove this client",
        Act::AddMembers => "add members",
        Act::EditMembers => "edit members",
        Act::EditCredentials => "edit credentials and supervision",
        Act::RemoveMembers => "remove members",
        Act::GrantRoles => "grant roles",
        Act::RevokeRoles => "revoke roles",
        Act::ChangeSupervision => "change supervision",
    }
}

fn place_words(place: ChartPlace) -> &'static str {
    match place {
        ChartPlace::Primary => "primary",
        ChartPlace::Clinician => "a clinician",
    }
}

fn kind_word(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Member => "member",
        EntryKind::Client => "client",
    }
}

fn on(client: Option<&str>) -> String {
    client.map_or(String::new(), |c| format!(" on {c}"))
}

/// The first five ids, and how many more.
fn preview(ids: &[String]) -> String {
    let mut text = ids
        .iter()
        .take(5)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    if ids.len() > 5 {
        text.push_str(&format!(", … {} more", ids.len() - 5));
    }
    text
}

/// What a change did to one member's access, a line each: reading a
/// chart's clinical notes (`clinical.view`) on its own line, then the other
/// capabilities gained or lost.
///
/// "bob can now read C-1's clinical notes", "bob also gains on C-1: …".
pub fn access_lines(delta: &AccessDelta) -> Vec<String> {
    let mut lines = Vec::new();
    for (list, notes, more, plain) in [
        (&delta.gained, "can now read", "also gains", "gains"),
        (&delta.lost, "can no longer read", "also loses", "loses"),
    ] {
        lines.extend(side(delta, list, notes, more, plain));
    }
    lines
}

fn side(delta: &AccessDelta, list: &[String], notes: &str, more: &str, plain: &str) -> Vec<String> {
    let member = &delta.member;
    let mut lines = Vec::new();
    let mut rest: Vec<&str> = list.iter().map(String::as_str).collect();
    if let Some(client) = &delta.client
        && AccessDelta::reads_notes(list)
    {
        lines.push(format!("{member} {notes} {client}'s clinical notes"));
        rest.retain(|c| *c != crate::catalog::CLINICAL_READ);
    }
    if !rest.is_empty() {
        let verb = if lines.is_empty() { plain } else { more };
        let on = delta
            .client
            .as_ref()
            .map_or(String::new(), |c| format!(" on {c}"));
        lines.push(format!("{member} {verb}{on}: {}", rest.join(", ")));
    }
    lines
}

/// `--dry-run`: the change as a unified diff from `old_name` to
/// `new_name`. The file's own lines are free text: a line ending stays a
/// line ending, anything else a terminal would act on is escaped.
pub fn unified_diff(old: &str, new: &str, old_name: &str, new_name: &str) -> String {
    let diff = similar::TextDiff::from_lines(old, new);
    let unified = diff.unified_diff().header(old_name, new_name).to_string();
    unified
        .split_inclusive('\n')
        .map(|line| {
            let body = line.trim_end_matches(['\n', '\r']);
            format!("{}\n", super::escape::text(body))
        })
        .collect()
}

/// What a new practice needs next, after `init`.
pub fn after_init(owner: &str) -> String {
    let owner = super::escape::text(owner);
    format!(
        "next:\n  praxis member add ID --name NAME --role clinician --as {owner}\n  \
         praxis client add ID --primary MEMBER --as {owner}\n  \
         praxis validate && git add practice.toml\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exit::Failure;

    #[test]
    fn usage_errors_exit_2_and_refusals_exit_1_with_the_flag_that_fixes_them() {
        let usage: Failure = ChangeError::NoActor.into();
        assert_eq!(usage.code(), 2);
        assert!(usage.to_string().contains("--as MEMBER"));
        let refused: Failure = ChangeError::PrimaryOfClients {
            member: "bob".into(),
            clients: (1..=7).map(|n| format!("C-{n}")).collect(),
        }
        .into();
        assert_eq!(refused.code(), 1);
        assert_eq!(
            refused.to_string(),
            "bob is primary for 7 client(s) (C-1, C-2, C-3, C-4, C-5, … 2 more); \
             pass --reassign-clients-to MEMBER"
        );
    }

    #[test]
    fn a_refusal_quoting_free_text_is_escaped_when_shown() {
        let refused: Failure = ChangeError::NotPermitted {
            actor: "bob".into(),
            act: Act::GrantAccess,
            permission: crate::rules::permission::Permission::GrantAccess,
            client: Some("C-1".into()),
            reasons: vec![crate::rules::decide::Reason::Denied {
                pattern: "client.\u{1b}[2J".into(),
            }],
        }
        .into();
        let shown = refused.to_string();
        assert!(
            shown.starts_with(
                "bob may not grant access to this client: it needs client.access on C-1"
            )
        );
        assert!(!shown.contains('\u{1b}'), "{shown}");
    }

    #[test]
    fn notes_are_named_apart_from_the_other_capabilities() {
        let delta = AccessDelta {
            member: "bob".into(),
            client: Some("C-1".into()),
            gained: vec!["client.edit".into(), "clinical.view".into()],
            lost: vec!["client.view".into()],
        };
        assert_eq!(
            access_lines(&delta),
            [
                "bob can now read C-1's clinical notes",
                "bob also gains on C-1: client.edit",
                "bob loses on C-1: client.view",
            ]
        );
    }

    #[test]
    fn a_summary_says_what_moved() {
        let did = Did::MemberDeactivated {
            member: "bob".into(),
            clients_to: Some(("carol".into(), 2)),
            supervisees_to: None,
        };
        assert_eq!(
            did.to_string(),
            "deactivated bob (kept for history); 2 client(s) now have carol as primary"
        );
    }
}
