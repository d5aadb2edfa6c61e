//! Validation: every rule of SPEC §3.4 over a read practice. Returns all
//! findings at once; reading (`model::read`) has already reported the shape
//! problems, so this module only sees well-typed values.

use crate::catalog::SUPERVISOR;
use crate::findings::{Code, Finding, Findings};
use crate::model::{Client, Grant, Member, Practice, RoleDef, Scope, Span, Spanned};
use crate::rules::decide::grants_of;
use crate::rules::pattern;
use crate::suggest;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

const COSIGN_DOCUMENTS: &[&str] = &["progress-notes", "treatment-plans"];

/// Every rule finding for the practice, as of `date` (for the temporary
/// access warnings).
pub fn validate(practice: &Practice, date: NaiveDate) -> Findings {
    let mut check = Check {
        practice,
        date,
        findings: Findings::default(),
    };
    check.practice_table();
    check.capabilities();
    for role in &practice.roles {
        check.role(role);
    }
    check.unique_members();
    for member in &practice.members {
        check.member(member);
    }
    check.supervision_cycles();
    check.unique_clients();
    for client in &practice.clients {
        check.client(client);
    }
    check.findings
}

/// Whether the role grants `clinical.write` on `assigned` (SPEC §3.3).
pub fn is_clinical_role(role: &RoleDef) -> bool {
    role.grants.iter().any(|grant| {
        grant.scope() == Scope::Assigned
            && grant
                .can
                .iter()
                .any(|p| pattern::matches(&p.value, "clinical.write"))
    })
}

/// Whether the member holds a clinical role.
pub fn holds_clinical_role(practice: &Practice, member: &Member) -> bool {
    member
        .roles
        .iter()
        .filter_map(|r| practice.role(&r.value))
        .any(is_clinical_role)
}

/// A grant covers `clinical.cosign` on a client scope and no deny takes it
/// away (SPEC §7).
pub fn can_cosign(practice: &Practice, member: &Member) -> bool {
    let granted = grants_of(practice, member).any(|(_, grant)| {
        grant.scope() != Scope::Practice
            && grant
                .can
                .iter()
                .any(|p| pattern::matches(&p.value, "clinical.cosign"))
    });
    granted
        && !member
            .denies
            .iter()
            .any(|d| pattern::matches(&d.value, "clinical.cosign"))
}

/// NPI check digit: Luhn over "80840" followed by the first nine digits.
pub fn is_valid_npi(npi: &str) -> bool {
    if npi.len() != 10 || !npi.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    npi_check_digit(&npi[..9]) == Some(char::from(npi.as_bytes()[9]))
}

/// The NPI check digit for nine digits: Luhn over "80840" and them.
pub fn npi_check_digit(first_nine: &str) -> Option<char> {
    if first_nine.len() != 9 || !first_nine.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let sum: u32 = format!("80840{first_nine}")
        .bytes()
        .rev()
        .map(|b| u32::from(b - b'0'))
        .enumerate()
        // The digit next to the check digit is doubled, then every other one.
        .map(|(i, d)| match (i % 2 == 0, d * 2) {
            (true, doubled) if doubled > 9 => doubled - 9,
            (true, doubled) => doubled,
            (false, _) => d,
        })
        .sum();
    char::from_digit((10 - sum % 10) % 10, 10)
}

pub fn is_valid_taxonomy(taxonomy: &str) -> bool {
    taxonomy.chars().count() == 10 && taxonomy.ends_with('X')
}

struct Check<'p> {
    practice: &'p Practice,
    date: NaiveDate,
    findings: Findings,
}

impl<'p> Check<'p> {
    fn push(&mut self, code: Code, span: Span, message: String, hint: impl Into<String>) {
        self.findings.push(Finding::new(code, span, message, hint));
    }

    fn practice_table(&mut self) {
        let practice = self.practice;
        if let Some(version) = &practice.version
            && version.value != 1
        {
            self.push(
                Code::BadVersion,
                version.span.clone(),
                format!("format version {} is not supported", version.value),
                "set `version = 1`",
            );
        }
        if let Some(max) = &practice.max_supervisors
            && max.value < 1
        {
            self.push(
                Code::MaxSupervisors,
                max.span.clone(),
                format!("max_supervisors is {}, below 1", max.value),
                "set max_supervisors to 1 or more, or remove it",
            );
        }
        if let Some(owner) = &practice.owner {
            self.active_member_ref(owner, "practice owner");
        }
    }

    fn capabilities(&mut self) {
        for capability in &self.practice.capabilities {
            if crate::catalog::is_builtin_capability(&capability.name.value) {
                self.push(
                    Code::CapabilityShadowsBuiltin,
                    capability.name.span.clone(),
                    format!(
                        "custom capability `{}` reuses a built-in name",
                        capability.name.value
                    ),
                    "remove it, or give the custom capability a name of its own (e.g. `x.view`)",
                );
            }
        }
    }

    fn role(&mut self, role: &RoleDef) {
        let owner = format!("role `{}`", role.id.value);
        for grant in &role.grants {
            self.grant(grant, &owner);
        }
        for list in [&role.requires, &role.excludes] {
            for name in list {
                self.role_ref(name);
            }
        }
    }

    fn grant(&mut self, grant: &Grant, owner: &str) {
        let scope = grant.scope();
        self.no_duplicates(&grant.can, "can", false);
        for pattern in &grant.can {
            if !self.known_pattern(pattern) {
                continue;
            }
            if pattern::covered_of_kind(self.practice, &pattern.value, scope.kind())
                .next()
                .is_none()
            {
                let kind = scope.kind().as_str();
                self.push(
                    Code::PatternScopeMismatch,
                    pattern.span.clone(),
                    format!(
                        "`{}` in {owner} covers no {kind} capability, but the grant is on `{}`",
                        pattern.value,
                        scope.as_str()
                    ),
                    if scope == Scope::Practice {
                        "grant client capabilities on all, assigned, supervisees or own"
                    } else {
                        "grant practice capabilities in a separate grant with `on = \"practice\"`"
                    },
                );
            }
        }
    }

    /// Reports a pattern that matches no capability at all; true when it matches one.
    fn known_pattern(&mut self, pattern: &Spanned<String>) -> bool {
        if pattern::covered(self.practice, &pattern.value)
            .next()
            .is_some()
        {
            return true;
        }
        let names = self.practice.capabilities().iter().map(|c| c.name.as_str());
        let hint = match suggest::closest(&pattern.value, names) {
            Some(near) => format!("did you mean `{near}`? (or define it under [capabilities])"),
            None => "use a capability of the catalog (`praxis matrix`), `family.*` or `*`, or define it under [capabilities]".to_string(),
        };
        self.push(
            Code::UnknownCapability,
            pattern.span.clone(),
            format!("`{}` matches no capability", pattern.value),
            hint,
        );
        false
    }

    fn role_ref(&mut self, name: &Spanned<String>) -> bool {
        if self.practice.role(&name.value).is_some() {
            return true;
        }
        let names = self.practice.roles().iter().map(|r| r.id.value.as_str());
        let hint = match suggest::closest(&name.value, names) {
            Some(near) => format!("did you mean `{near}`?"),
            None => {
                "use a built-in role (`praxis role list`) or define it under [roles]".to_string()
            }
        };
        self.push(
            Code::UnknownRole,
            name.span.clone(),
            format!("unknown role `{}`", name.value),
            hint,
        );
        false
    }

    /// Reports an unknown member; returns the member when known.
    fn member_ref(&mut self, name: &Spanned<String>, what: &str) -> Option<&'p Member> {
        let found = self.practice.member(&name.value);
        if found.is_none() {
            let names = self.practice.members.iter().map(|m| m.id.value.as_str());
            let hint = match suggest::closest(&name.value, names) {
                Some(near) => format!("did you mean `{near}`?"),
                None => "add the member under [members] first, or correct the id".to_string(),
            };
            self.push(
                Code::UnknownMember,
                name.span.clone(),
                format!("{what} `{}` is not a member", name.value),
                hint,
            );
        }
        found
    }

    /// A reference to a member who must exist and be active.
    fn active_member_ref(&mut self, name: &Spanned<String>, what: &str) -> Option<&'p Member> {
        let member = self.member_ref(name, what)?;
        if !member.active {
            self.push(
                Code::InactiveReferenced,
                name.span.clone(),
                format!("{what} `{}` is inactive", name.value),
                "name an active member instead, or reactivate them",
            );
        }
        Some(member)
    }

    fn no_duplicates(&mut self, list: &[Spanned<String>], what: &str, ignore_case: bool) {
        let mut seen = HashSet::new();
        for entry in list {
            let key = if ignore_case {
                entry.value.to_lowercase()
            } else {
                entry.value.clone()
            };
            if !seen.insert(key) {
                self.push(
                    Code::DuplicateInList,
                    entry.span.clone(),
                    format!("`{}` appears twice in `{what}`", entry.value),
                    "remove the second entry",
                );
            }
        }
    }

    fn unique_members(&mut self) {
        let mut ids = HashMap::new();
        let mut emails = HashMap::new();
        for member in &self.practice.members {
            if let Some(first) = ids.insert(member.id.value.to_lowercase(), &member.id.value) {
                self.push(
                    Code::DuplicateId,
                    member.id.span.clone(),
                    format!(
                        "member id `{}` is already used by `{first}` (ids ignore letter case)",
                        member.id.value
                    ),
                    "give each member an id of their own",
                );
            }
            if let Some(email) = &member.email
                && let Some(first) = emails.insert(email.value.to_lowercase(), &member.id.value)
            {
                self.push(
                    Code::DuplicateEmail,
                    email.span.clone(),
                    format!(
                        "email `{}` is also member `{first}`'s (no shared logins)",
                        email.value
                    ),
                    "give each member their own email address",
                );
            }
        }
    }

    fn unique_clients(&mut self) {
        let mut ids = HashMap::new();
        for client in &self.practice.clients {
            if let Some(first) = ids.insert(client.id.value.to_lowercase(), &client.id.value) {
                self.push(
                    Code::DuplicateId,
                    client.id.span.clone(),
                    format!(
                        "client id `{}` is already used by `{first}` (ids ignore letter case)",
                        client.id.value
                    ),
                    "merge the two entries or correct the id",
                );
            }
        }
    }

    fn member(&mut self, member: &'p Member) {
        let id = member.id.value.as_str();
        let owner = format!("member `{id}`");
        self.no_duplicates(&member.roles, "roles", false);
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
            self.push(
                Code::NoAccessMember,
                member.id.span.clone(),
                format!("active member `{id}` has no roles and no grants"),
                "grant a role (`praxis role grant`), or set `active = false`",
            );
        }
        let has_supervisees = self
            .practice
            .supervisees_of(id)
            .iter()
            .any(|s| self.practice.member(s).is_some_and(|m| m.active));
        if let Some(role) = member.roles.iter().find(|r| r.value == SUPERVISOR)
            && member.active
            && !has_supervisees
        {
            self.push(
                Code::IdleSupervisor,
                role.span.clone(),
                format!("`{id}` holds the supervisor role but supervises no active member"),
                "add a supervisee (`praxis supervision add`) or revoke the role",
            );
        }
    }

    fn role_constraints(&mut self, member: &Member, roles: &[&RoleDef]) {
        for role in roles {
            let at = member
                .roles
                .iter()
                .find(|r| r.value == role.id.value)
                .map_or_else(|| member.id.span.clone(), |r| r.span.clone());
            for required in &role.requires {
                if !member.has_role(&required.value) {
                    self.push(
                        Code::RequiresNotMet,
                        at.clone(),
                        format!(
                            "`{}` holds `{}`, which requires `{}`",
                            member.id.value, role.id.value, required.value
                        ),
                        format!(
                            "also grant `{}`, or revoke `{}`",
                            required.value, role.id.value
                        ),
                    );
                }
            }
            for excluded in &role.excludes {
                if member.has_role(&excluded.value) {
                    self.push(
                        Code::ExcludesViolated,
                        at.clone(),
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

    fn supervisors(&mut self, member: &Member) {
        let id = &member.id.value;
        self.no_duplicates(&member.supervisors, "supervisors", false);
        for supervisor in &member.supervisors {
            if supervisor.value == *id {
                self.push(
                    Code::SelfSupervision,
                    supervisor.span.clone(),
                    format!("`{id}` is listed as their own supervisor"),
                    "name another member as supervisor",
                );
                continue;
            }
            let Some(found) = self.active_member_ref(supervisor, "supervisor") else {
                continue;
            };
            if !can_cosign(self.practice, found) {
                self.push(
                    Code::SupervisorCannotCosign,
                    supervisor.span.clone(),
                    format!(
                        "supervisor `{}` cannot co-sign (no grant of clinical.cosign)",
                        supervisor.value
                    ),
                    format!(
                        "grant `{}` the supervisor role, or choose another supervisor",
                        supervisor.value
                    ),
                );
            }
        }
        if let Some(max) = &self.practice.max_supervisors
            && max.value >= 1
            && member.supervisors.len() as i64 > max.value
        {
            let span = member.supervisors[0].span.start
                ..member.supervisors.last().map_or(0, |s| s.span.end);
            self.push(
                Code::TooManySupervisors,
                span,
                format!(
                    "`{id}` has {} supervisors; the practice allows at most {}",
                    member.supervisors.len(),
                    max.value
                ),
                "remove a supervisor, or raise [practice] max_supervisors",
            );
        }
    }

    fn intern_and_billing(&mut self, member: &Member) {
        let id = &member.id.value;
        if member.is_intern() {
            if member.supervisors.is_empty() {
                self.push(
                    Code::InternWithoutSupervisor,
                    member.id.span.clone(),
                    format!("intern `{id}` has no supervisor"),
                    format!("add one: `praxis supervision add {id} --by SUPERVISOR`"),
                );
            }
            if let Some(npi) = &member.npi {
                self.push(
                    Code::InternWithNpi,
                    npi.span.clone(),
                    format!("intern `{id}` has an NPI; interns bill under their supervisor's"),
                    "remove `npi` (promote to clinician first if they are licensed now)",
                );
            }
            if let Some(flag) = &member.bill_as_supervisor
                && !flag.value
            {
                self.push(
                    Code::InternNotBillingAsSupervisor,
                    flag.span.clone(),
                    format!("intern `{id}` must bill as supervisor"),
                    "set `bill_as_supervisor = true` or remove the line",
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
                    s.npi.as_ref().is_some_and(|n| is_valid_npi(&n.value))
                        && holds_clinical_role(self.practice, s)
                });
            if !billable {
                let span = member
                    .bill_as_supervisor
                    .as_ref()
                    .map_or_else(|| member.id.span.clone(), |b| b.span.clone());
                self.push(
                    Code::NoBillingSupervisor,
                    span,
                    format!("`{id}` bills as supervisor, but no supervisor of theirs has an NPI and a clinical role"),
                    "add a licensed supervisor with an NPI, or give a supervisor an NPI",
                );
            }
        }
    }

    fn cosign(&mut self, member: &Member) {
        self.no_duplicates(&member.cosign, "cosign", false);
        for document in &member.cosign {
            if !COSIGN_DOCUMENTS.contains(&document.value.as_str()) {
                self.push(
                    Code::BadCosignValue,
                    document.span.clone(),
                    format!(
                        "`{}` is not a document that can need co-signature",
                        document.value
                    ),
                    format!(
                        "use `progress-notes` or `treatment-plans`{}",
                        suggest::closest(&document.value, COSIGN_DOCUMENTS.iter().copied())
                            .map_or_else(String::new, |n| format!(" (did you mean `{n}`?)"))
                    ),
                );
            }
        }
        if let Some(first) = member.cosign.first()
            && member.supervisors.is_empty()
        {
            self.push(
                Code::CosignWithoutSupervisor,
                first.span.clone(),
                format!(
                    "`{}` needs co-signatures but has no supervisor",
                    member.id.value
                ),
                "add a supervisor, or empty `cosign`",
            );
        }
    }

    fn credentials(&mut self, member: &Member) {
        if let Some(npi) = &member.npi
            && !is_valid_npi(&npi.value)
        {
            self.push(
                Code::BadNpi,
                npi.span.clone(),
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
                taxonomy.span.clone(),
                format!(
                    "taxonomy `{}` is not 10 characters ending in X",
                    taxonomy.value
                ),
                "use the provider taxonomy code, e.g. `101YM0800X`",
            );
        }
    }

    /// Reports each supervision cycle once, at the supervisor entry closing it.
    fn supervision_cycles(&mut self) {
        let practice = self.practice;
        let mut reported: HashSet<Vec<&str>> = HashSet::new();
        let mut state: HashMap<&str, u8> = HashMap::new(); // 1 = on the path, 2 = done
        for start in &practice.members {
            if state.contains_key(start.id.value.as_str()) {
                continue;
            }
            // Iterative depth-first search; `path` holds (member, next supervisor index).
            let mut path: Vec<(&Member, usize)> = vec![(start, 0)];
            state.insert(&start.id.value, 1);
            while let Some((member, next)) = path.last_mut() {
                let member: &Member = member;
                let Some(edge) = member.supervisors.get(*next) else {
                    state.insert(&member.id.value, 2);
                    path.pop();
                    continue;
                };
                *next += 1;
                if edge.value == member.id.value {
                    continue;
                }
                let Some(supervisor) = practice.member(&edge.value) else {
                    continue;
                };
                match state.get(supervisor.id.value.as_str()) {
                    None => {
                        state.insert(&supervisor.id.value, 1);
                        path.push((supervisor, 0));
                    }
                    Some(1) => {
                        let from = path
                            .iter()
                            .position(|(m, _)| m.id.value == supervisor.id.value)
                            .unwrap_or(0);
                        let cycle: Vec<&str> = path[from..]
                            .iter()
                            .map(|(m, _)| m.id.value.as_str())
                            .collect();
                        let mut key = cycle.clone();
                        key.sort_unstable();
                        if reported.insert(key) {
                            let chain = cycle
                                .iter()
                                .chain(std::iter::once(&supervisor.id.value.as_str()))
                                .copied()
                                .collect::<Vec<_>>()
                                .join(" → ");
                            self.push(
                                Code::SupervisionCycle,
                                edge.span.clone(),
                                format!("supervision cycle: {chain} (each supervised by the next)"),
                                "remove one of these supervisor entries",
                            );
                        }
                    }
                    Some(_) => {}
                }
            }
        }
    }

    fn client(&mut self, client: &'p Client) {
        let id = &client.id.value;
        if let Some(primary) = &client.primary
            && let Some(member) =
                self.active_member_ref(primary, &format!("primary of client `{id}`"))
            && !holds_clinical_role(self.practice, member)
        {
            self.push(
                Code::PrimaryNotClinical,
                primary.span.clone(),
                format!(
                    "primary `{}` of client `{id}` holds no clinical role",
                    primary.value
                ),
                format!(
                    "grant `{}` a clinical role (clinician, intern), or assign another primary",
                    primary.value
                ),
            );
        }
        self.no_duplicates(&client.clinicians, "clinicians", false);
        for clinician in &client.clinicians {
            self.active_member_ref(clinician, &format!("clinician of client `{id}`"));
            if client.is_primary(&clinician.value) {
                self.push(
                    Code::PrimaryAlsoClinician,
                    clinician.span.clone(),
                    format!(
                        "`{}` is both primary and clinician of client `{id}`",
                        clinician.value
                    ),
                    "remove them from `clinicians`: the primary already has clinical access",
                );
            }
        }
        self.no_duplicates(&client.administrative, "administrative", false);
        if let Some(first) = client.administrative.first()
            && !client.restricted
        {
            self.push(
                Code::AdministrativeNotRestricted,
                first.span.clone(),
                format!("client `{id}` has an administrative list but is not restricted"),
                "remove `administrative`, or set `restricted = true`",
            );
        }
        for admin in &client.administrative {
            self.active_member_ref(admin, &format!("administrative member of client `{id}`"));
            if client.restricted {
                self.redundant_administrative(client, admin);
            }
        }
        for entry in &client.temporary {
            self.temporary(client, entry);
        }
    }

    fn redundant_administrative(&mut self, client: &Client, admin: &Spanned<String>) {
        let name = admin.value.as_str();
        let route = if client.is_primary(name) {
            Some("its primary")
        } else if client.is_clinician(name) {
            Some("one of its clinicians")
        } else if client.temporary_for(name, self.date).is_some() {
            Some("a temporary member")
        } else if self.practice.is_owner(name) {
            Some("the practice owner")
        } else {
            None
        };
        if let Some(route) = route {
            self.push(
                Code::RedundantAdministrative,
                admin.span.clone(),
                format!(
                    "`{name}` already has administrative access to client `{}` as {route}",
                    client.id.value
                ),
                "remove them from `administrative`",
            );
        }
    }

    fn temporary(&mut self, client: &Client, entry: &crate::model::Temporary) {
        let id = &client.id.value;
        let span = entry
            .member
            .as_ref()
            .map_or_else(|| entry.span.clone(), |m| m.span.clone());
        if let Some(member) = &entry.member {
            self.active_member_ref(member, &format!("temporary member of client `{id}`"));
            if client.is_primary(&member.value) || client.is_clinician(&member.value) {
                self.push(
                    Code::TemporaryAlreadyClinician,
                    member.span.clone(),
                    format!(
                        "`{}` already has clinical access to client `{id}`",
                        member.value
                    ),
                    "remove the temporary entry",
                );
            }
        }
        if entry
            .reason
            .as_ref()
            .is_none_or(|r| r.value.trim().is_empty())
        {
            let at = entry
                .reason
                .as_ref()
                .map_or_else(|| span.clone(), |r| r.span.clone());
            self.push(
                Code::TemporaryWithoutReason,
                at,
                format!("temporary access to client `{id}` has no reason"),
                "add `reason = \"...\"`: why this access was needed (coverage, emergency)",
            );
        }
        if let Some(until) = &entry.until {
            let days = (until.value - self.date).num_days();
            let who = entry.member.as_ref().map_or("?", |m| m.value.as_str());
            if days < 0 {
                self.push(
                    Code::TemporaryExpired,
                    until.span.clone(),
                    format!(
                        "temporary access of `{who}` to client `{id}` held through {} and has expired",
                        until.value
                    ),
                    format!("remove it: `praxis client revoke {id} {who}`"),
                );
            } else if days <= 7 {
                self.push(
                    Code::TemporaryExpiring,
                    until.span.clone(),
                    format!(
                        "temporary access of `{who}` to client `{id}` ends on {} ({days} days)",
                        until.value
                    ),
                    "extend it with a new `client grant --until`, or let it lapse",
                );
            }
        }
    }
}

#[cfg(test)]
#[path = "validate_tests.rs"]
mod tests;
