//! What a change did, why it did nothing and why it was refused, as data.
//! The changes decide; `output::changes` words each case for the admin
//! (and names the command-line flags that fix it), so the core says nothing
//! about how it is called.

use crate::rules::QueryError;
use crate::rules::actor::ActorError;
use crate::rules::decide::{Reason, Relation};
use crate::rules::permission::{MemberField, Permission};
use chrono::NaiveDate;

/// What a change did, for the one-line summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Did {
    ClientAdded {
        client: String,
        primary: String,
    },
    PrimaryAssigned {
        client: String,
        primary: String,
        /// The previous primary, kept on as a clinician (`--keep-previous`).
        previous_stays: Option<String>,
    },
    ClinicianGranted {
        member: String,
        client: String,
    },
    TemporaryGranted {
        member: String,
        client: String,
        until: NaiveDate,
        reason: String,
    },
    AdministrativeGranted {
        member: String,
        client: String,
    },
    AccessRevoked {
        member: String,
        client: String,
        from: RevokeFrom,
    },
    Restricted {
        client: String,
    },
    RestrictionLifted {
        client: String,
    },
    ClientRemoved {
        client: String,
    },
    MemberAdded {
        member: String,
        name: String,
        roles: Vec<String>,
    },
    MemberEdited {
        member: String,
        fields: Vec<MemberField>,
    },
    MemberDeactivated {
        member: String,
        /// The new primary and how many charts moved to them.
        clients_to: Option<(String, usize)>,
        /// The new supervisor and how many supervisees moved to them.
        supervisees_to: Option<(String, usize)>,
    },
    RolesGranted {
        member: String,
        added: Vec<String>,
        /// Roles `--replace` took away.
        instead_of: Vec<String>,
    },
    RolesRevoked {
        member: String,
        roles: Vec<String>,
    },
    SupervisionAdded {
        supervisor: String,
        supervisee: String,
        /// Documents newly co-signed.
        cosign: Vec<String>,
    },
    SupervisionRemoved {
        supervisor: String,
        supervisee: String,
    },
}

/// Why a change leaves the file as it is (exit 0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unchanged {
    AlreadyPrimary {
        member: String,
        client: String,
    },
    /// Already primary or a clinician of the chart.
    AlreadyOnChart {
        member: String,
        client: String,
        place: ChartPlace,
    },
    AlreadyTemporary {
        member: String,
        client: String,
        until: NaiveDate,
    },
    AlreadyAdministrative {
        member: String,
        client: String,
    },
    /// Administrative access already comes another way.
    AdministrativeBy {
        member: String,
        client: String,
        relation: Relation,
    },
    NothingToRevoke {
        member: String,
        client: String,
        from: RevokeFrom,
    },
    AlreadyRestricted {
        client: String,
    },
    NotRestricted {
        client: String,
    },
    SameValues {
        member: String,
    },
    AlreadyInactive {
        member: String,
    },
    AlreadyHolds {
        member: String,
        roles: Vec<String>,
    },
    HoldsNone {
        member: String,
        roles: Vec<String>,
    },
    AlreadySupervises {
        supervisor: String,
        supervisee: String,
    },
    DoesNotSupervise {
        supervisor: String,
        supervisee: String,
    },
}

/// Something a change did that the admin should know (stderr).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeWarning {
    /// `member remove` without `--reassign-supervisees-to`.
    LosesSupervisor {
        supervisee: String,
        supervisor: String,
    },
    /// A role granted to an inactive member holds nothing until they are
    /// active again.
    InactiveMember { member: String },
}

/// A member's place on a chart that temporary access cannot add to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartPlace {
    Primary,
    Clinician,
}

/// What `client revoke` takes a member off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RevokeFrom {
    /// The clinicians list and temporary entries.
    ClinicalLists,
    /// Those and the administrative list (`--administrative`).
    AllLists,
}

impl RevokeFrom {
    /// What `client revoke` takes a member off, given its `--administrative`.
    pub fn with_administrative(administrative: bool) -> RevokeFrom {
        match administrative {
            true => RevokeFrom::AllLists,
            false => RevokeFrom::ClinicalLists,
        }
    }
}

/// Which kind of entry an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    Member,
    Client,
}

/// What the actor set out to do, for a refusal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    AddClients,
    AssignPrimary,
    GrantAccess,
    ManageAdministrative,
    RevokeAccess,
    Restrict,
    RemoveClient,
    AddMembers,
    EditMembers,
    EditCredentials,
    RemoveMembers,
    GrantRoles,
    RevokeRoles,
    ChangeSupervision,
}

/// Why a change was not made. The usage errors (exit 2) come first: the
/// command line names something unknown or asks for something that cannot
/// be; the rest are refusals (exit 1) by the actor's permissions or the
/// change's own rules. `output::changes` words each.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChangeError {
    // Usage (exit 2).
    NoActor,
    Actor(#[from] ActorError),
    Unknown(#[from] QueryError),
    UnknownRole {
        role: String,
        known: Vec<String>,
    },
    EmptyReason,
    NotClearable {
        field: MemberField,
    },
    SetAndCleared {
        field: MemberField,
    },
    NothingToEdit,
    ReassignToSelf {
        member: String,
    },
    EntryNotEditable {
        kind: EntryKind,
        id: String,
    },
    /// `client grant MEMBER CLIENT`: the arguments the wrong way round.
    Swapped {
        client: String,
        member: String,
    },
    // Refused (exit 1).
    IdTaken {
        kind: EntryKind,
        existing: String,
    },
    /// The actor does not hold the permission the act needs.
    NotPermitted {
        actor: String,
        act: Act,
        permission: Permission,
        client: Option<String>,
        /// The decision's reasons for the deny.
        reasons: Vec<Reason>,
    },
    /// The actor holds the permission only through their own place on the
    /// chart, and the change is for themselves (SPEC §8).
    NotForThemselves {
        actor: String,
        act: Act,
        permission: Permission,
        client: Option<String>,
    },
    /// The change gives the actor access by any route (SPEC §8).
    SelfGain {
        actor: String,
        client: String,
    },
    /// The change gives the actor client capabilities on every chart (a
    /// role or grant at `all` scope): only the owner may (SPEC §9.1).
    SelfGainEverywhere {
        actor: String,
        capabilities: Vec<String>,
    },
    TemporaryAddsNothing {
        member: String,
        client: String,
        place: ChartPlace,
    },
    ClientNotRestricted {
        client: String,
    },
    RevokePrimary {
        member: String,
        client: String,
    },
    RevokeOwner {
        member: String,
    },
    DeactivateOwner {
        member: String,
    },
    RemoveOwner {
        member: String,
    },
    PrimaryOfClients {
        member: String,
        clients: Vec<String>,
    },
    ReplaceNotHeld {
        member: String,
        role: String,
    },
    LeftWithoutClinicalRole {
        member: String,
        clients: usize,
    },
}

impl ChangeError {
    /// Whether the command line is at fault (exit 2) rather than the change
    /// refused (exit 1).
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            ChangeError::NoActor
                | ChangeError::Actor(_)
                | ChangeError::Unknown(_)
                | ChangeError::UnknownRole { .. }
                | ChangeError::EmptyReason
                | ChangeError::NotClearable { .. }
                | ChangeError::SetAndCleared { .. }
                | ChangeError::NothingToEdit
                | ChangeError::ReassignToSelf { .. }
                | ChangeError::EntryNotEditable { .. }
                | ChangeError::Swapped { .. }
        )
    }
}
