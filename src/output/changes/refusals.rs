//! Why a change was refused, in words that name the command or flag that
//! fixes it: the longest of the change messages, kept apart from the
//! summaries so each file reads as one kind of message.

use super::place_words;
use crate::changes::{Act, ChangeError, EntryKind};
use crate::rules::decide::Request;
use crate::suggest;
use std::fmt::{self, Display, Formatter};

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
                let why = crate::output::explain::reasons(reasons, &request).join("; ");
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
            ChangeError::SelfGainEverywhere {
                actor,
                capabilities,
            } => write!(
                f,
                "{actor} may not make this change: it gives {actor} {} on every client, \
                 and nobody grants access to themselves; another member with members.manage \
                 or the owner must make it",
                capabilities.join(", ")
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
}
