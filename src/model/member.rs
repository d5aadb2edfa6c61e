//! A member of the practice as the file writes them, and the few
//! questions asked of a member alone (roles, billing).

use super::{Grant, Raw, Span, Spanned, Stage, Valid};

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
#[serde(bound = "")]
pub struct Member<S: Stage = Valid> {
    pub id: Spanned<String>,
    pub name: S::Required<Spanned<String>>,
    pub legal_name: Option<Spanned<String>>,
    pub email: Option<Spanned<String>>,
    /// The member's GitHub login: who a pull request is judged as (SPEC §8).
    pub github: Option<Spanned<String>>,
    pub roles: Vec<Spanned<String>>,
    pub npi: Option<Spanned<String>>,
    pub taxonomy: Option<Spanned<String>>,
    pub supervisors: Vec<Spanned<String>>,
    pub cosign: Vec<Spanned<String>>,
    pub bill_as_supervisor: Option<Spanned<bool>>,
    pub grants: Vec<Grant>,
    pub denies: Vec<Spanned<String>>,
    pub active: bool,
    pub span: Span,
}

impl<S: Stage> Member<S> {
    pub fn has_role(&self, role: &str) -> bool {
        self.roles.iter().any(|r| r.value == role)
    }

    pub fn is_intern(&self) -> bool {
        self.has_role(crate::catalog::INTERN)
    }

    /// Interns always bill as their supervisor (SPEC §3.3).
    pub fn bills_as_supervisor(&self) -> bool {
        self.is_intern() || self.bill_as_supervisor.as_ref().is_some_and(|b| b.value)
    }
}

impl Member {
    pub fn display_name(&self) -> &str {
        &self.name.value
    }
}

impl Member<Raw> {
    pub(super) fn validated(self) -> Option<Member> {
        Some(Member {
            id: self.id,
            name: self.name?,
            legal_name: self.legal_name,
            email: self.email,
            github: self.github,
            roles: self.roles,
            npi: self.npi,
            taxonomy: self.taxonomy,
            supervisors: self.supervisors,
            cosign: self.cosign,
            bill_as_supervisor: self.bill_as_supervisor,
            grants: self.grants,
            denies: self.denies,
            active: self.active,
            span: self.span,
        })
    }
}
