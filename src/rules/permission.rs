//! The SPEC §4 permission table as data: what each change to the practice
//! needs of the acting member. The commands (`changes`) and `diff --as`
//! (`authorize`) both read it, so the two cannot drift apart: a drift would
//! be a way past review.

/// A permission a change needs: one capability of the catalog, judged on
/// the client the change touches where the table says "on that client".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Permission {
    /// Add, edit and remove members; grant and revoke roles.
    ManageMembers,
    /// Credentials and supervision: npi, taxonomy, supervisors, cosign,
    /// bill_as_supervisor.
    EditCredentials,
    /// Add clients.
    CreateClients,
    /// Change a client's primary clinician.
    AssignPrimary,
    /// Grant or revoke clinical access (clinicians, temporary entries).
    GrantAccess,
    /// Restrict a client and manage its administrative list.
    Restrict,
    /// Remove a client.
    DeleteClients,
    /// `[practice]`, `[roles]` and `[capabilities]`.
    ChangeSettings,
}

impl Permission {
    /// The capability that grants this permission.
    pub const fn capability(self) -> &'static str {
        match self {
            Permission::ManageMembers => "members.manage",
            Permission::EditCredentials => "members.credentials",
            Permission::CreateClients => "client.create",
            Permission::AssignPrimary => "client.assign",
            Permission::GrantAccess => "client.access",
            Permission::Restrict => "client.restrict",
            Permission::DeleteClients => "client.delete",
            Permission::ChangeSettings => "practice.settings",
        }
    }
}

/// A member's fields, each with the permission a change to it needs (SPEC
/// §7 "`diff --as`", §4 `member edit`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MemberField {
    Name,
    LegalName,
    Email,
    Github,
    Roles,
    Grants,
    Denies,
    Active,
    Npi,
    Taxonomy,
    Supervisors,
    Cosign,
    BillAsSupervisor,
}

impl MemberField {
    pub const ALL: [MemberField; 13] = [
        MemberField::Name,
        MemberField::LegalName,
        MemberField::Email,
        MemberField::Github,
        MemberField::Roles,
        MemberField::Grants,
        MemberField::Denies,
        MemberField::Active,
        MemberField::Npi,
        MemberField::Taxonomy,
        MemberField::Supervisors,
        MemberField::Cosign,
        MemberField::BillAsSupervisor,
    ];

    /// The key in `[members.ID]`.
    pub const fn key(self) -> &'static str {
        match self {
            MemberField::Name => "name",
            MemberField::LegalName => "legal_name",
            MemberField::Email => "email",
            MemberField::Github => "github",
            MemberField::Roles => "roles",
            MemberField::Grants => "grants",
            MemberField::Denies => "denies",
            MemberField::Active => "active",
            MemberField::Npi => "npi",
            MemberField::Taxonomy => "taxonomy",
            MemberField::Supervisors => "supervisors",
            MemberField::Cosign => "cosign",
            MemberField::BillAsSupervisor => "bill_as_supervisor",
        }
    }

    /// Whether `member edit --clear` may remove it: optional fields only.
    pub const fn clearable(self) -> bool {
        matches!(
            self,
            MemberField::LegalName
                | MemberField::Email
                | MemberField::Github
                | MemberField::Npi
                | MemberField::Taxonomy
                | MemberField::Cosign
                | MemberField::BillAsSupervisor
        )
    }

    /// The field whose key this is.
    pub fn from_key(key: &str) -> Option<MemberField> {
        MemberField::ALL.into_iter().find(|f| f.key() == key)
    }

    /// What changing this field needs.
    pub const fn permission(self) -> Permission {
        match self {
            MemberField::Npi
            | MemberField::Taxonomy
            | MemberField::Supervisors
            | MemberField::Cosign
            | MemberField::BillAsSupervisor => Permission::EditCredentials,
            MemberField::Name
            | MemberField::LegalName
            | MemberField::Email
            | MemberField::Github
            | MemberField::Roles
            | MemberField::Grants
            | MemberField::Denies
            | MemberField::Active => Permission::ManageMembers,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;

    #[test]
    fn every_permission_is_a_catalog_capability() {
        for permission in [
            Permission::ManageMembers,
            Permission::EditCredentials,
            Permission::CreateClients,
            Permission::AssignPrimary,
            Permission::GrantAccess,
            Permission::Restrict,
            Permission::DeleteClients,
            Permission::ChangeSettings,
        ] {
            assert!(
                catalog::CAPABILITIES
                    .iter()
                    .any(|c| c.name == permission.capability()),
                "{permission:?}"
            );
        }
    }

    #[test]
    fn credential_fields_are_those_of_spec_section_7() {
        let credentials: Vec<&str> = MemberField::ALL
            .into_iter()
            .filter(|f| f.permission() == Permission::EditCredentials)
            .map(MemberField::key)
            .collect();
        assert_eq!(
            credentials,
            [
                "npi",
                "taxonomy",
                "supervisors",
                "cosign",
                "bill_as_supervisor"
            ]
        );
        for field in MemberField::ALL {
            assert_eq!(MemberField::from_key(field.key()), Some(field));
        }
    }
}
