//! Validation: every rule of SPEC §3.4 over a read practice. Returns all
//! findings at once; reading (`model::read`) has already reported the shape
//! problems, so this module only sees well-typed values.

use crate::findings::{Code, Finding, Findings, Subject};
use crate::model::{Grant, Member, Practice, Raw, RoleDef, Scope, Span, Spanned, Stage};
use crate::rules::decide::grants_of;
use crate::rules::pattern;
use crate::suggest;
use chrono::NaiveDate;

mod clients;
mod free_text;
mod ids;
mod members;
mod supervision;
use foldhash::HashSet;

const COSIGN_DOCUMENTS: &[&str] = &["progress-notes", "treatment-plans"];

/// Every rule finding for the practice, as of `date` (for the temporary
/// access warnings).
pub fn validate(practice: &Practice<Raw>, date: NaiveDate) -> Findings {
    let mut findings = undated(practice);
    findings.0.extend(dated(practice, date).0);
    findings
}

/// The findings that depend only on the file: a cached validation keeps
/// these and adds [`dated`] for the decision date.
pub fn undated(practice: &Practice<Raw>) -> Findings {
    let mut check = Check {
        practice,
        // No rule reached from here reads the date (see `dated`).
        date: NaiveDate::MIN,
        findings: Findings::default(),
    };
    check.practice_table();
    check.free_text();
    check.unique_capability_names();
    check.unique_role_ids();
    for role in &practice.roles {
        check.role(role);
    }
    check.unique_members();
    check.unique_github_logins();
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

/// The codes [`dated`] can report; all other findings depend on the file
/// alone.
pub fn dated_codes() -> [crate::findings::Code; 3] {
    use crate::findings::Code;
    [
        Code::RedundantAdministrative,
        Code::TemporaryExpired,
        Code::TemporaryExpiring,
    ]
}

/// The findings that depend on the decision date: redundant administrative
/// entries through a temporary entry, expired and expiring temporary access.
pub fn dated<S: Stage>(practice: &Practice<S>, date: NaiveDate) -> Findings {
    let mut check = Check {
        practice,
        date,
        findings: Findings::default(),
    };
    for client in &practice.clients {
        check.dated(client);
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
pub fn holds_clinical_role<S: Stage>(practice: &Practice<S>, member: &Member<S>) -> bool {
    member
        .roles
        .iter()
        .filter_map(|r| practice.role(&r.value))
        .any(is_clinical_role)
}

/// A grant covers `clinical.cosign` on a client scope and no deny takes it
/// away (SPEC §7).
pub fn can_cosign<S: Stage>(practice: &Practice<S>, member: &Member<S>) -> bool {
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

/// The rules run over the practice as read (`Raw`); the dated ones also
/// over a kept, validated practice.
struct Check<'p, S: Stage = Raw> {
    practice: &'p Practice<S>,
    date: NaiveDate,
    findings: Findings,
}

impl<S: Stage> Check<'_, S> {
    fn push(
        &mut self,
        code: Code,
        span: impl Into<Span>,
        message: String,
        hint: impl Into<String>,
    ) {
        self.findings.push(Finding::new(code, span, message, hint));
    }

    /// A finding about these members and clients (every warning says whom
    /// it is about: `review` filters by it, a change compares by it).
    fn push_about(
        &mut self,
        code: Code,
        span: impl Into<Span>,
        message: String,
        hint: impl Into<String>,
        about: Vec<Subject>,
    ) {
        self.findings
            .push(Finding::new(code, span, message, hint).about(about));
    }
}

impl<'p> Check<'p> {
    fn practice_table(&mut self) {
        let practice = self.practice;
        if let Some(version) = &practice.version
            && version.value != 1
        {
            self.push(
                Code::BadVersion,
                version.span,
                format!("format version {} is not supported", version.value),
                "set `version = 1`",
            );
        }
        if let Some(max) = &practice.max_supervisors
            && max.value < 1
        {
            self.push(
                Code::MaxSupervisors,
                max.span,
                format!("max_supervisors is {}, below 1", max.value),
                "set max_supervisors to 1 or more, or remove it",
            );
        }
        if let Some(owner) = &practice.owner {
            self.active_member_ref(owner, "practice owner", None);
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
        self.no_duplicates(&grant.can, "can");
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
                    pattern.span,
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
            Some(near) => format!("{} (or define it under [capabilities])", suggest::mean(near)),
            None => "use a capability of the catalog (`praxis matrix`), `family.*` or `*`, or define it under [capabilities]".to_string(),
        };
        self.push(
            Code::UnknownCapability,
            pattern.span,
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
            Some(near) => suggest::mean(near),
            None => {
                "use a built-in role (`praxis role list`) or define it under [roles]".to_string()
            }
        };
        self.push(
            Code::UnknownRole,
            name.span,
            format!("unknown role `{}`", name.value),
            hint,
        );
        false
    }

    /// Reports an unknown member; returns the member when known.
    fn member_ref(&mut self, name: &Spanned<String>, what: &str) -> Option<&'p Member<Raw>> {
        let found = self.practice.member(&name.value);
        if found.is_none() {
            let names = self.practice.members.iter().map(|m| m.id.value.as_str());
            let hint = match suggest::closest(&name.value, names) {
                Some(near) => suggest::mean(near),
                None => "add the member under [members] first, or correct the id".to_string(),
            };
            self.push(
                Code::UnknownMember,
                name.span,
                format!("{what} `{}` is not a member", name.value),
                hint,
            );
        }
        found
    }

    /// A reference to a member who must exist and be active.
    /// `place` is where the reference is: the client or member naming them.
    fn active_member_ref(
        &mut self,
        name: &Spanned<String>,
        what: &str,
        place: Option<Subject>,
    ) -> Option<&'p Member<Raw>> {
        let member = self.member_ref(name, what)?;
        if !member.active {
            let mut about = vec![Subject::Member(name.value.clone())];
            about.extend(place);
            self.push_about(
                Code::InactiveReferenced,
                name.span,
                format!("{what} `{}` is inactive", name.value),
                "name an active member instead, or reactivate them",
                about,
            );
        }
        Some(member)
    }

    fn no_duplicates(&mut self, list: &[Spanned<String>], what: &str) {
        let mut seen = HashSet::default();
        for entry in list {
            if !seen.insert(entry.value.as_str()) {
                self.push(
                    Code::DuplicateInList,
                    entry.span,
                    format!("`{}` appears twice in `{what}`", entry.value),
                    "remove the second entry",
                );
            }
        }
    }
}

#[cfg(test)]
mod tests;
