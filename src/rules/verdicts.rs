//! Many questions on one practice (`access check --batch`): the verdicts of
//! `decide`, with every member's grants folded once into the scopes they
//! give per capability, so a question matches no patterns.

use super::decide::{QueryError, Request, before_grants, decide_resolved, resolve, scope_holds};
use crate::model::{Grant, Practice, Scope};
use crate::rules::pattern;
use chrono::NaiveDate;

/// The verdicts of many questions on one practice (`access check --batch`):
/// every member's grants folded once, per capability, into the scopes they
/// give, so a question matches no patterns. The steps are [`decide`]'s; a
/// verdict carries no reasons.
pub struct Verdicts<'p> {
    practice: &'p Practice,
    /// Member position → capability position → scope bits.
    scopes: Vec<Box<[u8]>>,
}

fn scope_bit(scope: Scope) -> u8 {
    1 << (scope as u8)
}

impl<'p> Verdicts<'p> {
    pub fn new(practice: &'p Practice) -> Verdicts<'p> {
        let capabilities = practice.capabilities();
        let bits_of = |grants: &[Grant], bits: &mut [u8]| {
            for grant in grants {
                let scope = grant.scope();
                for pattern in &grant.can {
                    for (bit, capability) in bits.iter_mut().zip(capabilities) {
                        if capability.kind == scope.kind()
                            && pattern::matches(&pattern.value, &capability.name)
                        {
                            *bit |= scope_bit(scope);
                        }
                    }
                }
            }
        };
        let roles: Vec<Vec<u8>> = practice
            .roles()
            .iter()
            .map(|role| {
                let mut bits = vec![0; capabilities.len()];
                bits_of(&role.grants, &mut bits);
                bits
            })
            .collect();
        let scopes = practice
            .members
            .iter()
            .map(|member| {
                let mut bits = vec![0; capabilities.len()].into_boxed_slice();
                for held in member.roles.iter().filter_map(|r| practice.role(&r.value)) {
                    if let Some(role) = practice.roles().element_offset(held) {
                        for (bit, from_role) in bits.iter_mut().zip(&roles[role]) {
                            *bit |= from_role;
                        }
                    }
                }
                bits_of(&member.grants, &mut bits);
                bits
            })
            .collect();
        practice.charts_built();
        Verdicts { practice, scopes }
    }

    pub fn practice(&self) -> &'p Practice {
        self.practice
    }

    /// Whether [`decide`] allows the request.
    pub fn allows(&self, request: &Request<'_>, date: NaiveDate) -> Result<bool, QueryError> {
        let practice = self.practice;
        let resolved = resolve(practice, request)?;
        if let Some(decision) = before_grants(practice, &resolved) {
            return Ok(decision.allowed);
        }
        let bits = practice
            .members
            .element_offset(resolved.member)
            .zip(practice.capabilities().element_offset(resolved.capability))
            .and_then(|(member, capability)| self.scopes.get(member)?.get(capability).copied());
        let Some(bits) = bits else {
            // Not this practice's member or capability: cannot happen, as
            // `resolve` looked them up here; decide the long way.
            return Ok(decide_resolved(practice, &resolved, date).allowed);
        };
        Ok(Scope::ALL.into_iter().any(|scope| {
            bits & scope_bit(scope) != 0
                && scope_holds(practice, scope, resolved.member, &resolved, date).is_ok()
        }))
    }
}
