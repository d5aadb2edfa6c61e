//! Member rules of SPEC §3.4: ids and emails, roles and their requirements,
//! interns and billing, co-signature and credentials. Supervision (who may
//! supervise, cycles, limits) is [`super::supervision`].

use super::{COSIGN_DOCUMENTS, Check, holds_clinical_role, is_valid_npi, is_valid_taxonomy};
use crate::catalog::SUPERVISOR;
use crate::findings::{Code, Subject};
use crate::model::{Member, Raw, RoleDef};
use crate::suggest;
use foldhash::HashMap;

impl<'p> Check<'p> {
    pub(super) fn unique_members(&mut self) {
        let mut ids = HashMap::default();
        let mut emails = HashMap::default();
        for member in &self.practice.members {
            if let Some(first) = ids.insert(member.id.value.to_lowercase(), &member.id.value) {
                self.push(
                    Code::DuplicateId,
                    member.id.span,
                    format!(
                        "member id `{}` is already used by `{first}` (ids ignore letter case)",
                        member.id.value
                    ),
                    "give each member an id of their own",
                );
            }
            if let Some(email) = &member.email
                && let Some(first) = emails.insert(
                    crate::rules::text::fold_case(&email.value),
                    &member.id.value,
                )
            {
                self.push(
                    Code::DuplicateEmail,
                    email.span,
                    format!(
                        "email `{}` is also member `{first}`'s (no shared logins)",
                        email.value
                    ),
                    "give each member their own email address",
                );
            }
        }
    }
    pub(super) fn member(&mut self, member: &'p Member<Raw>) {
        let id = member.id.value.as_str();
        let owner = format!("member `{id}`");
        self.no_duplicates(&member.roles, "roles");
        let mut known_roles: Vec<&RoleDef> = Vec::new();
        for role in &member.roles {
            if self.role_ref(role)
                && let Some(found) = self.practice.role(&role.value)
            {
                known_roles.push(found);
            }
        }
        self.role_constraints(member, &known_roles);
        for grant in &member.grants {
            self.grant(grant, &owner);
        }
        for deny in &member.denies {
            self.known_pattern(deny);
        }
        self.supervisors(member);
        self.intern_and_billing(member);
        self.cosign(member);
        self.credentials(member);
        if member.active && member.roles.is_empty() && member.grants.is_empty() {
            self.push_about(
                Code::NoAccessMember,
                member.id.span,
                format!("active member `{id}` has no roles and no grants"),
                "grant a role (`praxis role grant`), or set `active = false`",
                vec![Subject::Member(id.to_string())],
            );
        }
        // Any member listing them counts, as the SPEC words it, also an
        // inactive one kept for history.
        let has_supervisees = !self.practice.supervisees_of(id).is_empty();
        if let Some(role) = member.roles.iter().find(|r| r.value == SUPERVISOR)
            && member.active
            && !has_supervisees
        {
            self.push_about(
                Code::IdleSupervisor,
                role.span,
                format!("`{id}` holds the supervisor role but supervises nobody"),
                "add a supervisee (`praxis supervision add`) or revoke the role",
                vec![Subject::Member(id.to_string())],
            );
        }
    }
    fn role_constraints(&mut self, member: &Member<Raw>, roles: &[&RoleDef]) {
        for role in roles {
            let at = member
                .roles
                .iter()
                .find(|r| r.value == role.id.value)
                .map_or_else(|| member.id.span, |r| r.span);
            for required in &role.requires {
                if !member.has_role(&required.value) {
                    self.push_about(
                        Code::RequiresNotMet,
                        at,
                        format!(
                            "`{}` holds `{}`, which requires `{}`",
                            member.id.value, role.id.value, required.value
                        ),
                        format!(
                            "also grant `{}`, or revoke `{}`",
                            required.value, role.id.value
                        ),
                        vec![Subject::Member(member.id.value.clone())],
                    );
                }
            }
            for excluded in &role.excludes {
                // A pair that excludes each other from both sides (intern
                // and clinician) is one problem: report it from the first
                // of the two roles the member lists.
                let reported_from_other_side = roles.iter().any(|other| {
                    other.id.value == excluded.value
                        && other.excludes.iter().any(|x| x.value == role.id.value)
                        && position(member, &other.id.value) < position(member, &role.id.value)
                });
                if member.has_role(&excluded.value) && !reported_from_other_side {
                    self.push(
                        Code::ExcludesViolated,
                        at,
                        format!(
                            "`{}` holds both `{}` and `{}`, which exclude each other",
                            member.id.value, role.id.value, excluded.value
                        ),
                        format!(
                            "keep one of them (`praxis role grant {} NEW --replace OLD`)",
                            member.id.value
                        ),
                    );
                }
            }
        }
    }
    fn intern_and_billing(&mut self, member: &Member<Raw>) {
        let id = &member.id.value;
        if member.is_intern() {
            if member.supervisors.is_empty() {
                self.push_about(
                    Code::InternWithoutSupervisor,
                    member.id.span,
                    format!("intern `{id}` has no supervisor"),
                    format!("add one: `praxis supervision add {id} --by SUPERVISOR`"),
                    vec![Subject::Member(id.clone())],
                );
            }
            if let Some(npi) = &member.npi {
                self.push(
                    Code::InternWithNpi,
                    npi.span,
                    format!("intern `{id}` has an NPI; interns bill under their supervisor's"),
                    "remove `npi` (promote to clinician first if they are licensed now)",
                );
            }
            if let Some(flag) = &member.bill_as_supervisor
                && !flag.value
            {
                self.push_about(
                    Code::InternNotBillingAsSupervisor,
                    flag.span,
                    format!("intern `{id}` must bill as supervisor"),
                    "set `bill_as_supervisor = true` or remove the line",
                    vec![Subject::Member(id.clone())],
                );
            }
        }
        // An intern with no supervisor at all is already reported above.
        if member.bills_as_supervisor() && !(member.is_intern() && member.supervisors.is_empty()) {
            let billable = member
                .supervisors
                .iter()
                .filter_map(|s| self.practice.member(&s.value))
                .any(|s| {
                    // "has an NPI": a malformed one is reported on its own (P027).
                    s.npi.is_some() && holds_clinical_role(self.practice, s)
                });
            if !billable {
                let span = member
                    .bill_as_supervisor
                    .as_ref()
                    .map_or_else(|| member.id.span, |b| b.span);
                self.push_about(
                    Code::NoBillingSupervisor,
                    span,
                    format!("`{id}` bills as supervisor, but no supervisor of theirs has an NPI and a clinical role"),
                    "add a licensed supervisor with an NPI, or give a supervisor an NPI",
                    std::iter::once(id).chain(member.supervisors.iter().map(|s| &s.value)).map(|m| Subject::Member(m.clone())).collect(),
                );
            }
        }
    }
    fn cosign(&mut self, member: &Member<Raw>) {
        self.no_duplicates(&member.cosign, "cosign");
        for document in &member.cosign {
            if !COSIGN_DOCUMENTS.contains(&document.value.as_str()) {
                self.push(
                    Code::BadCosignValue,
                    document.span,
                    format!(
                        "`{}` is not a document that can need co-signature",
                        document.value
                    ),
                    format!(
                        "use `progress-notes` or `treatment-plans`{}",
                        suggest::trailing(&document.value, COSIGN_DOCUMENTS.iter().copied())
                    ),
                );
            }
        }
        if let Some(first) = member.cosign.first()
            && member.supervisors.is_empty()
        {
            self.push_about(
                Code::CosignWithoutSupervisor,
                first.span,
                format!(
                    "`{}` needs co-signatures but has no supervisor",
                    member.id.value
                ),
                "add a supervisor, or empty `cosign`",
                vec![Subject::Member(member.id.value.clone())],
            );
        }
    }
    fn credentials(&mut self, member: &Member<Raw>) {
        if let Some(npi) = &member.npi
            && !is_valid_npi(&npi.value)
        {
            self.push(
                Code::BadNpi,
                npi.span,
                format!(
                    "NPI `{}` is not 10 digits with a valid check digit",
                    npi.value
                ),
                "copy the NPI again from the NPPES registry",
            );
        }
        if let Some(taxonomy) = &member.taxonomy
            && !is_valid_taxonomy(&taxonomy.value)
        {
            self.push(
                Code::BadTaxonomy,
                taxonomy.span,
                format!(
                    "taxonomy `{}` is not 10 characters ending in X",
                    taxonomy.value
                ),
                "use the provider taxonomy code, e.g. `101YM0800X`",
            );
        }
    }
}

/// Where a member lists a role (their roles are few).
fn position(member: &Member<Raw>, role: &str) -> usize {
    member
        .roles
        .iter()
        .position(|r| r.value == role)
        .unwrap_or(usize::MAX)
}
