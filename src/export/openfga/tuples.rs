//! The relationship tuples: the practice's facts as OpenFGA's Write API
//! takes them.

use super::NOT_EXPIRED;
use crate::export::facts::{Facts, identifier};
use crate::model::Scope;
use serde::Serialize;

/// One relationship tuple, in the shape of OpenFGA's Write API.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Tuple {
    pub user: String,
    pub relation: String,
    pub object: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition: Option<Condition>,
}

/// A tuple's condition and its stored parameters.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Condition {
    pub name: String,
    pub context: Until,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Until {
    pub until: String,
}

fn tuple(user: String, relation: impl Into<String>, object: String) -> Tuple {
    Tuple {
        user,
        relation: relation.into(),
        object,
        condition: None,
    }
}

const PRACTICE: &str = "practice:main";

/// Every tuple the practice needs, in a stable order.
pub fn tuples(facts: &Facts) -> Vec<Tuple> {
    let practice = || PRACTICE.to_string();
    let member = |id: &str| format!("member:{id}");
    let mut out: Vec<Tuple> = facts
        .owner
        .iter()
        .map(|owner| tuple(member(owner), "owner", practice()))
        .collect();
    let grant_relation = |scope: Scope, capability: &str| match scope {
        Scope::Practice => format!("{}_granted", identifier(capability)),
        other => format!("{}_{}", identifier(capability), other.as_str()),
    };
    for role in &facts.roles {
        for grant in &role.grants {
            out.push(tuple(
                format!("role:{}#member", role.id),
                grant_relation(grant.scope, &grant.capability),
                practice(),
            ));
        }
    }
    for m in facts.members.iter().filter(|m| m.active) {
        for role in &m.roles {
            out.push(tuple(member(&m.id), "member", format!("role:{role}")));
        }
        for grant in &m.grants {
            out.push(tuple(
                member(&m.id),
                grant_relation(grant.scope, &grant.capability),
                practice(),
            ));
        }
        for capability in &m.denies {
            out.push(tuple(
                member(&m.id),
                format!("{}_denied", identifier(capability)),
                practice(),
            ));
        }
        for supervisor in &m.supervisors {
            out.push(tuple(member(supervisor), "supervisor", member(&m.id)));
        }
    }
    for c in &facts.clients {
        let object = format!("client:{}", c.id);
        out.push(tuple(practice(), "practice", object.clone()));
        out.push(tuple(member(&c.primary), "primary", object.clone()));
        for clinician in &c.clinicians {
            out.push(tuple(member(clinician), "clinician", object.clone()));
        }
        for admin in &c.administrative {
            out.push(tuple(member(admin), "administrative", object.clone()));
        }
        if c.restricted {
            out.push(tuple("member:*".into(), "restricted", object.clone()));
        }
        for (who, until) in &c.temporary {
            out.push(Tuple {
                condition: Some(Condition {
                    name: NOT_EXPIRED.to_string(),
                    context: Until {
                        until: until.to_string(),
                    },
                }),
                ..tuple(member(who), "clinician", object.clone())
            });
        }
    }
    out
}
