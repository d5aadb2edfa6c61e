//! The words for a change: its one-line summary, why it did nothing, its
//! warnings, and why it was refused, with the command or flag that fixes
//! it. The changes return these as data (`changes::report`); the text is
//! made here, once. Free text (a reason) is escaped by whoever shows it,
//! on the whole line. Refusals have their own file ([`refusals`]), being
//! most of the words; what surrounds a change's summary (its access lines,
//! the `--dry-run` diff, what follows `init`) is [`lines`].

mod lines;
mod refusals;

pub use lines::{access_lines, after_init, unified_diff};

use crate::changes::{ChangeWarning, ChartPlace, Did, RevokeFrom, Unchanged};
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

fn place_words(place: ChartPlace) -> &'static str {
    match place {
        ChartPlace::Primary => "primary",
        ChartPlace::Clinician => "a clinician",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
