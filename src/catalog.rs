//! The built-in catalog: every capability of SPEC §2 and every role of §3.3,
//! as data in one place. Validation, the decision, `matrix`, `role list`,
//! `schema` and the docs all read this module, so a capability is never
//! listed twice.

use crate::span::Span;
use crate::terms::{Grant, Kind, RoleDef, Scope, Spanned};

/// A capability of the built-in catalog.
pub struct BuiltinCapability {
    pub name: &'static str,
    pub kind: Kind,
    pub description: &'static str,
}

const fn client(name: &'static str, description: &'static str) -> BuiltinCapability {
    BuiltinCapability {
        name,
        kind: Kind::Client,
        description,
    }
}

const fn practice(name: &'static str, description: &'static str) -> BuiltinCapability {
    BuiltinCapability {
        name,
        kind: Kind::Practice,
        description,
    }
}

/// SPEC §2, in catalog order (the order of matrix columns).
pub const CAPABILITIES: &[BuiltinCapability] = &[
    client(
        "client.view",
        "see the client in the directory: name, contact information",
    ),
    client(
        "client.edit",
        "edit demographics, contact and insurance information",
    ),
    client("client.delete", "remove or discharge the client"),
    client("client.assign", "change the client's primary clinician"),
    client(
        "client.access",
        "grant or revoke other clinicians' clinical access to the client",
    ),
    client(
        "client.restrict",
        "turn restricted access on or off, and manage the client's administrative list",
    ),
    client("client.diagnosis", "view diagnoses"),
    client(
        "clinical.view",
        "read clinical documentation: progress notes, treatment plans, assessments",
    ),
    client("clinical.write", "create and edit clinical documentation"),
    client("clinical.sign", "sign clinical documentation"),
    client("clinical.cosign", "co-sign a supervisee's documentation"),
    client("clinical.delete-signed", "delete a signed note"),
    client(
        "notes.admin",
        "write non-clinical notes: missed appointment, contact, miscellaneous",
    ),
    client("files.view", "open files attached to the chart"),
    client("files.upload", "attach files to the chart"),
    client("schedule.view", "see the client's appointments"),
    client(
        "schedule.manage",
        "schedule, reschedule and cancel the client's appointments",
    ),
    client(
        "billing.view",
        "view billing information, invoices and payments",
    ),
    client(
        "billing.manage",
        "enter payments, create and manage invoices",
    ),
    client("billing.claims", "create and submit insurance claims"),
    practice("client.create", "add new clients"),
    practice("members.view", "see the staff directory"),
    practice(
        "members.manage",
        "add, edit and remove members; grant and revoke roles; reset passwords",
    ),
    practice(
        "members.credentials",
        "edit credentials, NPI, taxonomy, supervision requirements",
    ),
    practice("practice.settings", "change practice-wide settings"),
    practice("billing.reports", "run practice-wide billing reports"),
    practice("billing.settings", "change organization billing settings"),
    practice(
        "billing.insights",
        "see revenue insights and dashboard billing tiles",
    ),
    practice("forms.manage", "create and customize forms"),
    practice(
        "reports.activity",
        "daily provider activity and superbill reports",
    ),
    practice("audit.view", "read the activity log"),
    practice("hr.view", "read human-resources information"),
];

/// Reading a client's clinical notes: what a chart review and a change's
/// summary speak of.
pub const CLINICAL_READ: &str = "clinical.view";

/// The kinds of client work a reviewer reads access by (SPEC §9.4): a
/// review names, for each route to a chart, which of these it opens rather
/// than twenty capability names. Derived from the capability's name here
/// and nowhere else.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, schemars::JsonSchema,
)]
pub enum CapabilityGroup {
    /// `clinical.*`: progress notes, treatment plans, assessments.
    #[serde(rename = "clinical notes")]
    ClinicalNotes,
    /// `client.diagnosis`.
    #[serde(rename = "diagnosis")]
    Diagnosis,
    /// `files.*`.
    #[serde(rename = "files")]
    Files,
    /// `billing.*` on the client.
    #[serde(rename = "billing")]
    Billing,
    /// `schedule.*`.
    #[serde(rename = "scheduling")]
    Scheduling,
    /// The rest of `client.*` and `notes.admin`: the directory card,
    /// demographics, who may access the chart, non-clinical notes.
    #[serde(rename = "client record")]
    ClientRecord,
    /// A custom client capability (`[capabilities]` in the file).
    #[serde(rename = "other")]
    Other,
}

impl CapabilityGroup {
    /// The group a client capability belongs to, by its name.
    pub fn of(capability: &str) -> CapabilityGroup {
        match capability
            .split_once('.')
            .map_or(capability, |(area, _)| area)
        {
            _ if capability == "client.diagnosis" => CapabilityGroup::Diagnosis,
            "clinical" => CapabilityGroup::ClinicalNotes,
            "files" => CapabilityGroup::Files,
            "billing" => CapabilityGroup::Billing,
            "schedule" => CapabilityGroup::Scheduling,
            "client" | "notes" if is_builtin_capability(capability) => {
                CapabilityGroup::ClientRecord
            }
            _ => CapabilityGroup::Other,
        }
    }

    /// The words a report shows: the JSON name.
    pub fn words(self) -> &'static str {
        match self {
            CapabilityGroup::ClinicalNotes => "clinical notes",
            CapabilityGroup::Diagnosis => "diagnosis",
            CapabilityGroup::Files => "files",
            CapabilityGroup::Billing => "billing",
            CapabilityGroup::Scheduling => "scheduling",
            CapabilityGroup::ClientRecord => "client record",
            CapabilityGroup::Other => "other",
        }
    }
}

/// The role whose holders follow the intern rules (SPEC §3.3), also when the
/// file replaces the built-in definition.
pub const INTERN: &str = "intern";

/// The role that the supervisor-without-supervisees warning is about.
pub const SUPERVISOR: &str = "supervisor";

/// The role `init` gives the owner.
pub const ADMINISTRATOR: &str = "administrator";

struct BuiltinRole {
    name: &'static str,
    description: &'static str,
    grants: &'static [(Scope, &'static [&'static str])],
    requires: &'static [&'static str],
    excludes: &'static [&'static str],
}

const CLINICIAN_GRANTS: &[(Scope, &[&str])] = &[
    (Scope::All, &["client.view"]),
    (
        Scope::Assigned,
        &[
            "clinical.view",
            "clinical.write",
            "clinical.sign",
            "notes.admin",
            "files.*",
            "schedule.*",
            "client.edit",
            "client.access",
            "client.diagnosis",
        ],
    ),
    (Scope::Practice, &["members.view"]),
];

const ROLES: &[BuiltinRole] = &[
    BuiltinRole {
        name: "administrator",
        description: "Runs the practice: staff, settings, billing settings, forms, audit log",
        grants: &[
            (
                Scope::Practice,
                &[
                    "members.*",
                    "practice.settings",
                    "billing.settings",
                    "billing.reports",
                    "billing.insights",
                    "forms.manage",
                    "audit.view",
                    "client.create",
                    "hr.view",
                ],
            ),
            (Scope::All, &["client.view", "client.access"]),
        ],
        requires: &[],
        excludes: &[],
    },
    BuiltinRole {
        name: "clinician",
        description: "Sees every client's contact card; reads and writes assigned charts",
        grants: CLINICIAN_GRANTS,
        requires: &[],
        excludes: &["intern"],
    },
    BuiltinRole {
        name: "intern",
        description: "Like a clinician, under supervision, billing as the supervisor",
        grants: CLINICIAN_GRANTS,
        requires: &[],
        excludes: &["clinician"],
    },
    BuiltinRole {
        name: "clinical-admin",
        description: "Clinical administrator: every chart, assignments, deleting signed notes",
        grants: &[(
            Scope::All,
            &[
                "client.view",
                "clinical.*",
                "client.assign",
                "client.access",
                "client.diagnosis",
                "files.*",
            ],
        )],
        requires: &["clinician"],
        excludes: &[],
    },
    BuiltinRole {
        name: "supervisor",
        description: "Reads and co-signs supervisees' charts",
        grants: &[(
            Scope::Supervisees,
            &[
                "clinical.view",
                "clinical.cosign",
                "client.diagnosis",
                "files.view",
            ],
        )],
        requires: &[],
        excludes: &[],
    },
    BuiltinRole {
        name: "scheduler",
        description: "Front desk: clients, appointments, non-clinical notes; never clinical notes",
        grants: &[
            (
                Scope::All,
                &[
                    "client.view",
                    "client.edit",
                    "client.delete",
                    "client.access",
                    "schedule.*",
                    "notes.admin",
                ],
            ),
            (Scope::Practice, &["client.create", "members.view"]),
        ],
        requires: &[],
        excludes: &[],
    },
    BuiltinRole {
        name: "biller",
        description: "Billing for every client; never clinical notes",
        grants: &[
            (
                Scope::All,
                &["client.view", "client.diagnosis", "billing.*"],
            ),
            (
                Scope::Practice,
                &[
                    "billing.reports",
                    "billing.settings",
                    "billing.insights",
                    "members.view",
                ],
            ),
        ],
        requires: &[],
        excludes: &[],
    },
    BuiltinRole {
        name: "biller-assigned",
        description: "Biller for assigned clients only; cannot submit claims",
        grants: &[(Scope::Assigned, &["billing.view", "billing.manage"])],
        requires: &["clinician"],
        excludes: &[],
    },
    BuiltinRole {
        name: "forms-admin",
        description: "Creates and customizes forms",
        grants: &[(Scope::Practice, &["forms.manage"])],
        requires: &[],
        excludes: &[],
    },
];

fn unspanned(text: &str) -> Spanned<String> {
    Spanned::new(text.to_string(), 0..0)
}

/// The built-in roles as the same data a `[roles.NAME]` table reads into.
pub fn builtin_roles() -> Vec<RoleDef> {
    ROLES
        .iter()
        .map(|role| RoleDef {
            id: unspanned(role.name),
            description: Some(unspanned(role.description)),
            grants: role
                .grants
                .iter()
                .map(|(scope, patterns)| Grant {
                    can: patterns.iter().map(|p| unspanned(p)).collect(),
                    on: Some(Spanned::new(*scope, 0..0)),
                    span: Span::default(),
                })
                .collect(),
            requires: role.requires.iter().map(|r| unspanned(r)).collect(),
            excludes: role.excludes.iter().map(|r| unspanned(r)).collect(),
            builtin: true,
            span: Span::default(),
        })
        .collect()
}

pub fn is_builtin_capability(name: &str) -> bool {
    CAPABILITIES.iter().any(|c| c.name == name)
}

/// The built-in capability whose name equals `name` ignoring letter case
/// (SPEC §8: names are unique regardless of case).
pub fn builtin_capability_ignoring_case(name: &str) -> Option<&'static str> {
    CAPABILITIES
        .iter()
        .map(|c| c.name)
        .find(|builtin| builtin.eq_ignore_ascii_case(name))
}

/// The built-in role whose id equals `id` ignoring letter case.
pub fn builtin_role_ignoring_case(id: &str) -> Option<&'static str> {
    ROLES
        .iter()
        .map(|r| r.name)
        .find(|builtin| builtin.eq_ignore_ascii_case(id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_builtin_client_capability_has_a_named_group() {
        let groups: Vec<(&str, CapabilityGroup)> = CAPABILITIES
            .iter()
            .filter(|c| c.kind == Kind::Client)
            .map(|c| (c.name, CapabilityGroup::of(c.name)))
            .collect();
        assert!(groups.iter().all(|(_, g)| *g != CapabilityGroup::Other));
        let group = |name: &str| groups.iter().find(|(n, _)| *n == name).map(|(_, g)| *g);
        assert_eq!(group("client.diagnosis"), Some(CapabilityGroup::Diagnosis));
        assert_eq!(group("clinical.view"), Some(CapabilityGroup::ClinicalNotes));
        assert_eq!(group("files.upload"), Some(CapabilityGroup::Files));
        assert_eq!(group("billing.claims"), Some(CapabilityGroup::Billing));
        assert_eq!(group("schedule.view"), Some(CapabilityGroup::Scheduling));
        assert_eq!(group("notes.admin"), Some(CapabilityGroup::ClientRecord));
        assert_eq!(group("client.view"), Some(CapabilityGroup::ClientRecord));
        // A custom capability, even one under a built-in area's name.
        assert_eq!(CapabilityGroup::of("rx.prescribe"), CapabilityGroup::Other);
        assert_eq!(CapabilityGroup::of("client.portal"), CapabilityGroup::Other);
    }

    #[test]
    fn a_group_is_shown_by_its_json_name() {
        for group in [
            CapabilityGroup::ClinicalNotes,
            CapabilityGroup::Diagnosis,
            CapabilityGroup::Files,
            CapabilityGroup::Billing,
            CapabilityGroup::Scheduling,
            CapabilityGroup::ClientRecord,
            CapabilityGroup::Other,
        ] {
            assert_eq!(
                serde_json::to_value(group).unwrap(),
                serde_json::Value::from(group.words())
            );
        }
    }

    #[test]
    fn capability_names_are_unique() {
        let names: HashSet<_> = CAPABILITIES.iter().map(|c| c.name).collect();
        assert_eq!(names.len(), CAPABILITIES.len());
        assert_eq!(CAPABILITIES.len(), 32);
    }

    #[test]
    fn every_builtin_role_pattern_names_a_capability_of_its_scope() {
        for role in builtin_roles() {
            for grant in &role.grants {
                let scope = grant
                    .on
                    .as_ref()
                    .map(|s| s.value)
                    .unwrap_or(Scope::Practice);
                for pattern in &grant.can {
                    let covered = CAPABILITIES.iter().any(|c| {
                        c.kind == scope.kind()
                            && crate::rules::pattern::matches(&pattern.value, c.name)
                    });
                    assert!(
                        covered,
                        "{} {} on {:?}",
                        role.id.value, pattern.value, scope
                    );
                }
            }
        }
    }
}
