//! Validation findings: a stable code, a severity, the span it points at, a
//! message and a one-line fix hint. Reading and validation both produce them;
//! `output::diagnostics` renders them.

use crate::span::Span;
use serde::Serialize;

#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

pub mod catalog;

macro_rules! codes {
    ($($variant:ident = $code:literal, $severity:ident, $title:literal;)*) => {
        /// Every finding praxis reports. Codes are stable: scripts and CI
        /// configurations may match on them.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
        pub enum Code { $($variant,)* }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)* }
            }

            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }

            /// A short name for the rule, used as the annotation title.
            pub fn title(self) -> &'static str {
                match self { $(Code::$variant => $title,)* }
            }
        }
    };
}

codes! {
    Syntax = "P001", Error, "TOML syntax error";
    WrongType = "P002", Error, "wrong type";
    UnknownKey = "P003", Error, "unknown key";
    MissingKey = "P004", Error, "missing required key";
    BadVersion = "P005", Error, "unsupported format version";
    MaxSupervisors = "P006", Error, "max_supervisors below 1";
    BadIdentifier = "P007", Error, "bad identifier";
    DuplicateId = "P008", Error, "id used twice";
    DuplicateEmail = "P009", Error, "email used twice";
    UnknownMember = "P010", Error, "unknown member";
    UnknownRole = "P011", Error, "unknown role";
    UnknownCapability = "P012", Error, "unknown capability or pattern";
    RequiresNotMet = "P013", Error, "role requirement not met";
    ExcludesViolated = "P014", Error, "roles that exclude each other";
    PatternScopeMismatch = "P015", Error, "pattern covers nothing of its scope's kind";
    UnknownScope = "P016", Error, "unknown scope";
    SelfSupervision = "P017", Error, "member supervises itself";
    SupervisorCannotCosign = "P018", Error, "supervisor cannot co-sign";
    SupervisionCycle = "P019", Error, "supervision cycle";
    TooManySupervisors = "P020", Error, "more supervisors than max_supervisors";
    InternWithoutSupervisor = "P021", Error, "intern without supervisor";
    InternWithNpi = "P022", Error, "intern with an NPI";
    InternNotBillingAsSupervisor = "P023", Error, "intern not billing as supervisor";
    NoBillingSupervisor = "P024", Error, "no supervisor to bill under";
    CosignWithoutSupervisor = "P025", Error, "co-signature without supervisor";
    BadCosignValue = "P026", Error, "unknown co-signature document";
    BadNpi = "P027", Error, "invalid NPI";
    BadTaxonomy = "P028", Error, "invalid taxonomy code";
    PrimaryNotClinical = "P029", Error, "primary holds no clinical role";
    PrimaryAlsoClinician = "P030", Error, "member both primary and clinician";
    AdministrativeNotRestricted = "P031", Error, "administrative list on an unrestricted client";
    InactiveReferenced = "P032", Error, "inactive member still named";
    TemporaryWithoutReason = "P033", Error, "temporary access without reason";
    TemporaryAlreadyClinician = "P034", Error, "temporary access for a member already on the chart";
    DuplicateInList = "P035", Error, "duplicate in list";
    CapabilityShadowsBuiltin = "P036", Error, "custom capability reuses a built-in name";
    FileTooLarge = "P037", Error, "file too large to be a practice file";
    BadText = "P038", Error, "free text with control characters or nothing visible";
    BadEmail = "P039", Error, "malformed email address";
    BadGithubLogin = "P040", Error, "malformed GitHub login";
    DuplicateGithubLogin = "P041", Error, "GitHub login used twice";
    NoAccessMember = "P101", Warning, "member with no roles and no grants";
    RedundantAdministrative = "P102", Warning, "redundant administrative entry";
    IdleSupervisor = "P103", Warning, "supervisor with no supervisees";
    TemporaryExpired = "P104", Warning, "temporary access expired";
    TemporaryExpiring = "P105", Warning, "temporary access expiring";
}

#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    pub hint: String,
    pub span: Span,
    /// The members and clients the finding is about, for a reader that
    /// shows one member's or one client's findings (`review --member`) and
    /// for telling a warning a change brought from one the file had.
    pub about: Vec<Subject>,
}

/// A member or client a finding is about.
#[derive(
    Clone,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
pub enum Subject {
    Member(String),
    Client(String),
}

impl Finding {
    pub fn new(
        code: Code,
        span: impl Into<Span>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Self {
        Finding {
            code,
            severity: code.severity(),
            message: message.into(),
            hint: hint.into(),
            span: span.into(),
            about: Vec::new(),
        }
    }

    /// The finding, about these members and clients.
    pub fn about(mut self, about: Vec<Subject>) -> Self {
        self.about = about;
        self
    }

    /// Whether the finding is about the member `id` (or any, for `None`)
    /// and the client `client` (or any).
    pub fn concerns(&self, member: Option<&str>, client: Option<&str>) -> bool {
        let has = |wanted: Subject| self.about.contains(&wanted);
        member.is_none_or(|m| has(Subject::Member(m.to_string())))
            && client.is_none_or(|c| has(Subject::Client(c.to_string())))
    }

    /// The same finding in another version of the file: the same rule
    /// about the same members and clients (spans move with any edit).
    pub fn same_as(&self, other: &Finding) -> bool {
        self.code == other.code && self.about == other.about
    }
}

/// Which findings follow from another: a member with a misspelled key
/// (`rolse = [...]`, P003) is not read whole, so what follows from the
/// value it lost — no roles (P101), a supervisor who cannot co-sign (P018),
/// a primary without a clinical role (P029) … — is a cascade of the one
/// mistake. Every finding is still reported (SPEC §3.4); a renderer for
/// people shows these briefly, after the mistake they follow from.
pub fn cascades(findings: &Findings) -> Vec<bool> {
    const CASCADES: [Code; 8] = [
        Code::NoAccessMember,
        Code::SupervisorCannotCosign,
        Code::NoBillingSupervisor,
        Code::PrimaryNotClinical,
        Code::InternWithoutSupervisor,
        Code::InternNotBillingAsSupervisor,
        Code::CosignWithoutSupervisor,
        Code::RequiresNotMet,
    ];
    let unsure: Vec<&Subject> = findings
        .iter()
        .filter(|f| f.code == Code::UnknownKey)
        .flat_map(|f| &f.about)
        .filter(|s| matches!(s, Subject::Member(_)))
        .collect();
    findings
        .iter()
        .map(|f| CASCADES.contains(&f.code) && f.about.iter().any(|s| unsure.contains(&s)))
        .collect()
}

/// Findings as validation returns them, with the counts commands act on.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct Findings(pub Vec<Finding>);

impl Findings {
    pub fn push(&mut self, finding: Finding) {
        self.0.push(finding);
    }

    pub fn errors(&self) -> usize {
        self.0
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count()
    }

    pub fn warnings(&self) -> usize {
        self.0
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .count()
    }

    pub fn has_errors(&self) -> bool {
        self.errors() > 0
    }

    /// `--strict`: warnings count as errors.
    pub fn make_strict(&mut self) {
        for finding in &mut self.0 {
            finding.severity = Severity::Error;
        }
    }

    /// Orders findings by position so reports read top to bottom.
    pub fn sort(&mut self) {
        // Total, so findings gathered in another order (the content-keyed
        // index adds the dated ones last) come out the same.
        self.0.sort_by(|a, b| {
            (a.span.start, a.code.as_str(), &a.message).cmp(&(
                b.span.start,
                b.code.as_str(),
                &b.message,
            ))
        });
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Finding> {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique() {
        let codes: HashSet<_> = Code::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(codes.len(), Code::ALL.len());
    }

    #[test]
    fn warnings_are_p1xx_and_errors_p0xx() {
        for code in Code::ALL {
            let warning = code.as_str().starts_with("P1");
            assert_eq!(
                warning,
                code.severity() == Severity::Warning,
                "{}",
                code.as_str()
            );
        }
    }
}
