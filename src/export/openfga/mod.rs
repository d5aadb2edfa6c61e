//! The practice as an OpenFGA authorization model and relationship tuples.
//!
//! Types: `member`, `role`, `practice` (one object, `practice:main`) and
//! `client`. Each client capability is one relation on `client`, each
//! practice capability one relation on `practice`, named with `.` and `-`
//! replaced by `_`. A role's grants are tuples from `role:R#member` to the
//! practice's `CAP_all`, `CAP_assigned` or `CAP_supervisees` (or the
//! practice capability itself), so granting a role is one tuple; a member's
//! own grants and denies are tuples from `member:M`. On a client:
//!
//! ```text
//! CAP_granted = (CAP_all from practice but not restricted)
//!             or (CAP_all from practice and admin_access)
//!             or (CAP_assigned from practice and care_team)
//!             or (CAP_supervisees from practice and supervising)
//! CAP_allowed = CAP_granted but not CAP_denied
//! CAP         = CAP_allowed or owner
//! ```
//!
//! — SPEC §3.2's steps: the owner always, a deny over every grant, then the
//! scopes. Temporary access is a `clinician` tuple with the condition
//! `not_expired(current_date, until)`, so expiry needs no cleanup job: every
//! check passes `{"current_date": "YYYY-MM-DD"}`.

mod render;
mod tuples;

pub use render::{model_dsl, model_json};
pub use tuples::{Condition, Tuple, Until, tuples};

use super::facts::{Facts, identifier};
use crate::model::{Kind, Scope};

/// One relation's definition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rewrite {
    /// Written directly by tuples of these types.
    Direct(Vec<Allowed>),
    /// Another relation of the same object.
    Computed(String),
    /// `relation from tupleset`.
    From {
        relation: String,
        tupleset: String,
    },
    Union(Vec<Rewrite>),
    Intersection(Vec<Rewrite>),
    /// `base but not subtract`.
    Difference(Box<Rewrite>, Box<Rewrite>),
}

/// A type a direct relation accepts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Allowed {
    pub type_name: &'static str,
    pub relation: Option<&'static str>,
    pub wildcard: bool,
    pub condition: Option<&'static str>,
}

const fn member() -> Allowed {
    Allowed {
        type_name: "member",
        relation: None,
        wildcard: false,
        condition: None,
    }
}

const fn role_members() -> Allowed {
    Allowed {
        type_name: "role",
        relation: Some("member"),
        wildcard: false,
        condition: None,
    }
}

/// A type of the model and its relations, in order.
pub struct TypeDefinition {
    pub name: &'static str,
    pub relations: Vec<(String, Rewrite)>,
}

/// Two relations of one type with the same name: the model would not
/// mean what praxis says (a custom capability `clinical_view` becomes the
/// relation of the built-in `clinical.view`, and its grants would read
/// notes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clash {
    pub type_name: &'static str,
    pub relation: String,
    /// The capabilities whose relations these are; `None` for one of the
    /// model's own relations (`owner`, `care_team`, …).
    pub sources: Vec<Option<String>>,
}

/// The first relation defined twice on a type, if any.
pub fn clash(facts: &Facts) -> Option<Clash> {
    for definition in types(facts) {
        let mut seen = std::collections::BTreeSet::new();
        for (relation, _) in &definition.relations {
            if seen.insert(relation.as_str()) {
                continue;
            }
            let mut sources: Vec<Option<String>> = facts
                .capabilities
                .iter()
                .filter(|c| {
                    let id = identifier(&c.name);
                    *relation == id || relation.starts_with(&format!("{id}_"))
                })
                .map(|c| Some(c.name.clone()))
                .collect();
            if sources.len() < 2 {
                sources.push(None);
            }
            return Some(Clash {
                type_name: definition.name,
                relation: relation.clone(),
                sources,
            });
        }
    }
    None
}

/// The condition on temporary access.
pub const NOT_EXPIRED: &str = "not_expired";

fn computed(relation: &str) -> Rewrite {
    Rewrite::Computed(relation.to_string())
}

fn from(relation: &str, tupleset: &str) -> Rewrite {
    Rewrite::From {
        relation: relation.to_string(),
        tupleset: tupleset.to_string(),
    }
}

/// The model's types.
pub fn types(facts: &Facts) -> Vec<TypeDefinition> {
    let direct = |allowed: Vec<Allowed>| Rewrite::Direct(allowed);
    let member_type = TypeDefinition {
        name: "member",
        relations: vec![("supervisor".into(), direct(vec![member()]))],
    };
    let role_type = TypeDefinition {
        name: "role",
        relations: vec![("member".into(), direct(vec![member()]))],
    };
    let mut practice = vec![("owner".to_string(), direct(vec![member()]))];
    let mut client = vec![
        (
            "practice".to_string(),
            direct(vec![Allowed {
                type_name: "practice",
                relation: None,
                wildcard: false,
                condition: None,
            }]),
        ),
        ("primary".into(), direct(vec![member()])),
        (
            "clinician".into(),
            direct(vec![
                member(),
                Allowed {
                    condition: Some(NOT_EXPIRED),
                    ..member()
                },
            ]),
        ),
        ("administrative".into(), direct(vec![member()])),
        (
            "restricted".into(),
            direct(vec![Allowed {
                wildcard: true,
                ..member()
            }]),
        ),
        ("owner".into(), from("owner", "practice")),
        (
            "care_team".into(),
            Rewrite::Union(vec![computed("primary"), computed("clinician")]),
        ),
        (
            "admin_access".into(),
            Rewrite::Union(vec![computed("administrative"), computed("care_team")]),
        ),
        (
            "supervising".into(),
            Rewrite::Union(vec![
                from("supervisor", "primary"),
                from("supervisor", "clinician"),
            ]),
        ),
    ];
    for capability in &facts.capabilities {
        let name = identifier(&capability.name);
        let granted = direct(vec![member(), role_members()]);
        match capability.kind {
            Kind::Practice => {
                practice.push((format!("{name}_granted"), granted));
                practice.push((format!("{name}_denied"), direct(vec![member()])));
                practice.push((
                    format!("{name}_allowed"),
                    Rewrite::Difference(
                        Box::new(computed(&format!("{name}_granted"))),
                        Box::new(computed(&format!("{name}_denied"))),
                    ),
                ));
                practice.push((
                    name.clone(),
                    Rewrite::Union(vec![
                        computed(&format!("{name}_allowed")),
                        computed("owner"),
                    ]),
                ));
            }
            Kind::Client => {
                for scope in [Scope::All, Scope::Assigned, Scope::Supervisees] {
                    practice.push((format!("{name}_{}", scope.as_str()), granted.clone()));
                }
                practice.push((format!("{name}_denied"), direct(vec![member()])));
                client.extend(client_capability(&name));
            }
        }
    }
    vec![
        member_type,
        role_type,
        TypeDefinition {
            name: "practice",
            relations: practice,
        },
        TypeDefinition {
            name: "client",
            relations: client,
        },
    ]
}

/// The relations on `client` for one client capability.
fn client_capability(name: &str) -> Vec<(String, Rewrite)> {
    let scoped = |scope: &str, relation: &str| {
        Rewrite::Intersection(vec![
            from(&format!("{name}_{scope}"), "practice"),
            computed(relation),
        ])
    };
    let granted = Rewrite::Union(vec![
        Rewrite::Difference(
            Box::new(from(&format!("{name}_all"), "practice")),
            Box::new(computed("restricted")),
        ),
        scoped("all", "admin_access"),
        scoped("assigned", "care_team"),
        scoped("supervisees", "supervising"),
    ]);
    vec![
        (format!("{name}_granted"), granted),
        (
            format!("{name}_denied"),
            from(&format!("{name}_denied"), "practice"),
        ),
        (
            format!("{name}_allowed"),
            Rewrite::Difference(
                Box::new(computed(&format!("{name}_granted"))),
                Box::new(computed(&format!("{name}_denied"))),
            ),
        ),
        (
            name.to_string(),
            Rewrite::Union(vec![
                computed(&format!("{name}_allowed")),
                computed("owner"),
            ]),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules;

    fn facts() -> Facts {
        let text = crate::findings::catalog::base(
            "",
            "[members.zed]\nname = \"Zed\"\nroles = [\"clinician\"]\ndenies = [\"clinical.*\"]\n",
            "C-2 = { primary = \"bob\", restricted = true, administrative = [\"dana\"], temporary = [{ member = \"sue\", until = 2026-12-31, reason = \"Cover\" }] }",
        );
        let checked = rules::check(&text, crate::findings::catalog::example_date());
        assert!(!checked.findings.has_errors(), "{:?}", checked.findings);
        Facts::of(&checked.practice)
    }

    #[test]
    fn each_capability_is_one_relation_named_without_dots() {
        let dsl = model_dsl(&facts());
        assert!(
            dsl.contains("\n    define clinical_view: clinical_view_allowed or owner\n"),
            "{dsl}"
        );
        assert!(
            dsl.contains("\n    define members_manage: members_manage_allowed or owner\n"),
            "{dsl}"
        );
        assert!(
            dsl.contains("define clinical_delete_signed_all: [member, role#member]"),
            "{dsl}"
        );
        assert!(
            dsl.contains("define clinician: [member, member with not_expired]"),
            "{dsl}"
        );
        assert!(
            dsl.contains("condition not_expired(current_date: string, until: string)"),
            "{dsl}"
        );
    }

    #[test]
    fn tuples_carry_roles_grants_denies_charts_and_conditions() {
        let tuples = tuples(&facts());
        let has = |user: &str, relation: &str, object: &str| {
            tuples
                .iter()
                .any(|t| t.user == user && t.relation == relation && t.object == object)
        };
        assert!(has("member:olive", "owner", "practice:main"));
        assert!(has("member:bob", "member", "role:clinician"));
        assert!(has(
            "role:clinician#member",
            "clinical_view_assigned",
            "practice:main"
        ));
        assert!(has("member:zed", "clinical_view_denied", "practice:main"));
        assert!(has("member:*", "restricted", "client:C-2"));
        assert!(has("member:dana", "administrative", "client:C-2"));
        assert!(has("member:sue", "supervisor", "member:ian"));
        let temporary = tuples
            .iter()
            .find(|t| t.user == "member:sue" && t.object == "client:C-2")
            .and_then(|t| t.condition.clone());
        assert_eq!(
            temporary,
            Some(Condition {
                name: NOT_EXPIRED.into(),
                context: Until {
                    until: "2026-12-31".into()
                }
            })
        );
    }
}
