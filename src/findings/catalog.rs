//! The catalogue of finding codes: for each, what it means and a small
//! practice file that triggers it. `praxis explain CODE` shows one,
//! `docs/findings.md` all of them, and the validation tests check that each
//! example reports its code and nothing else. The match is exhaustive, so a
//! new code does not compile until it is explained here.

use super::Code;
use chrono::NaiveDate;

/// The day the examples are validated on (the expiry examples depend on it).
pub fn example_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 15).unwrap_or_default()
}

/// Where an example adds its lines to the base practice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Example {
    /// Lines in `[practice]`.
    Practice(&'static str),
    /// `[members.X]`, `[roles.X]` or `[capabilities]` sections.
    Sections(&'static str),
    /// Lines in `[clients]`.
    Clients(&'static str),
    /// Lines in `[practice]` and sections together.
    PracticeAndSections(&'static str, &'static str),
    /// Sections and clients together.
    SectionsAndClients(&'static str, &'static str),
    /// The base file with `version = 2`.
    Version2,
    /// A file over the size limit: no example to print.
    TooLarge,
}

impl Example {
    /// The lines that make the finding, as a reader would add them.
    pub fn snippet(self) -> String {
        match self {
            Example::Practice(lines) => format!("[practice]\n{lines}\n"),
            Example::Sections(sections) => sections.to_string(),
            Example::Clients(clients) => format!("[clients]\n{clients}\n"),
            Example::PracticeAndSections(lines, sections) => {
                format!("[practice]\n{lines}\n\n{sections}")
            }
            Example::SectionsAndClients(sections, clients) => {
                format!("{sections}\n[clients]\n{clients}\n")
            }
            Example::Version2 => "version = 2\n".to_string(),
            Example::TooLarge => "(a file over 16 MiB)\n".to_string(),
        }
    }

    /// The whole practice file: a valid base with the example's lines.
    pub fn text(self) -> String {
        match self {
            Example::Practice(lines) => base(lines, "", ""),
            Example::Sections(sections) => base("", sections, ""),
            Example::Clients(clients) => base("", "", clients),
            Example::PracticeAndSections(lines, sections) => base(lines, sections, ""),
            Example::SectionsAndClients(sections, clients) => base("", sections, clients),
            Example::Version2 => base("", "", "").replacen("version = 1", "version = 2", 1),
            Example::TooLarge => "#".repeat(crate::limits::MAX_FILE_BYTES as usize + 1),
        }
    }
}

/// A valid practice: `practice` lines go into `[practice]`, `sections` (each
/// starting with a `[header]`) after the base members, `clients` into the
/// `[clients]` table after the base client. Every base member is needed by
/// some rule (sue supervises ian, so no idle-supervisor warning).
pub fn base(practice: &str, sections: &str, clients: &str) -> String {
    format!(
        r#"version = 1

[practice]
name = "Riverbend Counseling"
owner = "olive"
{practice}

[members.olive]
name = "Olive Owner"
roles = ["administrator"]

[members.bob]
name = "Bob Clinician"
roles = ["clinician"]
npi = "1234567893"

[members.sue]
name = "Sue Supervisor"
roles = ["clinician", "supervisor"]
npi = "9876543213"

[members.ian]
name = "Ian Intern"
roles = ["intern"]
supervisors = ["sue"]

[members.dana]
name = "Dana Desk"
roles = ["scheduler"]

{sections}

[clients]
C-1 = {{ primary = "bob" }}
{clients}
"#
    )
}

/// What the code means and why it matters, and an example that triggers it.
pub fn entry(code: Code) -> (&'static str, Example) {
    use Example::*;
    match code {
        Code::Syntax => (
            "The file is not TOML: a bracket, quote or `=` is missing or extra. Nothing else is checked until it parses.",
            Sections("[members.zoe\nname = \"Zoe\"\n"),
        ),
        Code::WrongType => (
            "A key holds the wrong kind of value: a string where a number, list or table belongs, or the reverse.",
            Practice("max_supervisors = \"1\""),
        ),
        Code::UnknownKey => (
            "A key praxis does not know, usually a misspelling. It would be ignored, so praxis refuses it rather than guess what was meant.",
            Sections("[members.zoe]\nname = \"Zoe\"\nroles = [\"scheduler\"]\nactve = true\n"),
        ),
        Code::MissingKey => (
            "A required key is missing: a member's `name`, a client's `primary`, a temporary entry's `member` or `until`, `[practice]`'s `name` or `owner`.",
            Sections("[members.zoe]\nroles = [\"scheduler\"]\n"),
        ),
        Code::BadVersion => (
            "The file says a format version this praxis does not read. Only `version = 1` exists.",
            Version2,
        ),
        Code::MaxSupervisors => (
            "`max_supervisors` must be at least 1: with 0 no intern could ever be supervised.",
            Practice("max_supervisors = 0"),
        ),
        Code::BadIdentifier => (
            "Ids (members, roles, clients) are letters, digits, `.`, `_` and `-`, up to 64, starting with a letter or digit, so they are safe in a shell, a URL and a diff.",
            Sections("[members.\"zoe smith\"]\nname = \"Zoe\"\nroles = [\"scheduler\"]\n"),
        ),
        Code::DuplicateId => (
            "Two members, roles or clients share an id, ignoring letter case: `Bob` and `bob` would be the same login in most systems.",
            Sections("[members.Bob]\nname = \"Other Bob\"\nroles = [\"scheduler\"]\n"),
        ),
        Code::DuplicateEmail => (
            "Two members share an email address (ignoring case): a shared login defeats knowing who did what.",
            Sections(
                "[members.zoe]\nname = \"Zoe\"\nroles = [\"scheduler\"]\nemail = \"desk@example.org\"\n\
                 [members.zed]\nname = \"Zed\"\nroles = [\"scheduler\"]\nemail = \"Desk@Example.org\"\n",
            ),
        ),
        Code::UnknownMember => (
            "A member id is named (a client's primary, a supervisor, the owner …) but there is no such member.",
            Clients("C-2 = { primary = \"nobody\" }"),
        ),
        Code::UnknownRole => (
            "A member holds, or a role requires or excludes, a role that is neither built in nor defined under `[roles]`.",
            Sections("[members.zoe]\nname = \"Zoe\"\nroles = [\"schedular\"]\n"),
        ),
        Code::UnknownCapability => (
            "A grant or deny names a capability or pattern that matches nothing: a misspelled capability would grant or deny nothing at all.",
            Sections(
                "[members.zoe]\nname = \"Zoe\"\nroles = [\"scheduler\"]\n\
                 grants = [{ can = [\"clinical.veiw\"], on = \"all\" }]\n",
            ),
        ),
        Code::RequiresNotMet => (
            "A member holds a role without a role it requires (`clinical-admin` requires `clinician`).",
            Sections("[members.zoe]\nname = \"Zoe\"\nroles = [\"clinical-admin\"]\n"),
        ),
        Code::ExcludesViolated => (
            "A member holds two roles that exclude each other (an `intern` is not also a `clinician`).",
            Sections(
                "[members.zoe]\nname = \"Zoe\"\nroles = [\"clinician\", \"intern\"]\nsupervisors = [\"sue\"]\n",
            ),
        ),
        Code::PatternScopeMismatch => (
            "A grant's patterns cover no capability of its scope's kind: client scopes (`all`, `assigned`, …) take client capabilities, `practice` takes practice capabilities.",
            Sections(
                "[members.zoe]\nname = \"Zoe\"\nroles = [\"scheduler\"]\n\
                 grants = [{ can = [\"members.manage\"], on = \"all\" }]\n",
            ),
        ),
        Code::UnknownScope => (
            "A grant's `on` is not one of `all`, `assigned`, `supervisees`, `own`, `practice`.",
            Sections(
                "[members.zoe]\nname = \"Zoe\"\nroles = [\"scheduler\"]\n\
                 grants = [{ can = [\"client.view\"], on = \"everywhere\" }]\n",
            ),
        ),
        Code::SelfSupervision => (
            "A member lists themselves among their supervisors.",
            Sections(
                "[members.zoe]\nname = \"Zoe\"\nroles = [\"clinician\", \"supervisor\"]\nsupervisors = [\"zoe\"]\n",
            ),
        ),
        Code::SupervisorCannotCosign => (
            "A supervisor holds no grant of `clinical.cosign`, so they could not co-sign their supervisee's notes.",
            Sections(
                "[members.zoe]\nname = \"Zoe\"\nroles = [\"clinician\"]\nsupervisors = [\"bob\"]\n",
            ),
        ),
        Code::SupervisionCycle => (
            "Supervision goes round in a circle (ann supervises ben, ben supervises ann): supervisees' charts would be reachable through each other.",
            Sections(
                "[members.ann]\nname = \"Ann\"\nroles = [\"clinician\", \"supervisor\"]\nsupervisors = [\"ben\"]\n\
                 [members.ben]\nname = \"Ben\"\nroles = [\"clinician\", \"supervisor\"]\nsupervisors = [\"ann\"]\n",
            ),
        ),
        Code::TooManySupervisors => (
            "A member has more supervisors than `[practice] max_supervisors` allows.",
            PracticeAndSections(
                "max_supervisors = 1",
                "[members.ann]\nname = \"Ann\"\nroles = [\"clinician\", \"supervisor\"]\nsupervisors = [\"sue\"]\n\
                 [members.zoe]\nname = \"Zoe\"\nroles = [\"clinician\"]\nsupervisors = [\"sue\", \"ann\"]\n",
            ),
        ),
        Code::InternWithoutSupervisor => (
            "An intern needs at least one supervisor: their notes are co-signed and their sessions billed under a supervisor.",
            Sections("[members.zoe]\nname = \"Zoe\"\nroles = [\"intern\"]\n"),
        ),
        Code::InternWithNpi => (
            "An intern bills under a supervisor's NPI and has none of their own on file.",
            Sections(
                "[members.zoe]\nname = \"Zoe\"\nroles = [\"intern\"]\nsupervisors = [\"sue\"]\nnpi = \"1111111112\"\n",
            ),
        ),
        Code::InternNotBillingAsSupervisor => (
            "Every intern bills as supervisor; `bill_as_supervisor = false` contradicts the role.",
            Sections(
                "[members.zoe]\nname = \"Zoe\"\nroles = [\"intern\"]\nsupervisors = [\"sue\"]\n\
                 bill_as_supervisor = false\n",
            ),
        ),
        Code::NoBillingSupervisor => (
            "A member bills as supervisor, but none of their supervisors has an NPI and a clinical role to bill under.",
            Sections(
                "[members.zed]\nname = \"Zed\"\nroles = [\"clinician\", \"supervisor\"]\n\
                 [members.zoe]\nname = \"Zoe\"\nroles = [\"intern\"]\nsupervisors = [\"zed\"]\n",
            ),
        ),
        Code::CosignWithoutSupervisor => (
            "A member's documents need a co-signature but they have no supervisor to give it.",
            Sections(
                "[members.zoe]\nname = \"Zoe\"\nroles = [\"clinician\"]\ncosign = [\"progress-notes\"]\n",
            ),
        ),
        Code::BadCosignValue => (
            "`cosign` lists a document kind other than `progress-notes` and `treatment-plans`.",
            Sections(
                "[members.zoe]\nname = \"Zoe\"\nroles = [\"clinician\"]\nsupervisors = [\"sue\"]\n\
                 cosign = [\"progress-note\"]\n",
            ),
        ),
        Code::BadNpi => (
            "An NPI is 10 digits whose last is the Luhn check digit (with the 80840 prefix); a typo would send claims under someone else's number.",
            Sections(
                "[members.zoe]\nname = \"Zoe\"\nroles = [\"clinician\"]\nnpi = \"1234567890\"\n",
            ),
        ),
        Code::BadTaxonomy => (
            "A provider taxonomy code is 10 characters ending in `X`.",
            Sections(
                "[members.zoe]\nname = \"Zoe\"\nroles = [\"clinician\"]\ntaxonomy = \"101YM0800\"\n",
            ),
        ),
        Code::PrimaryNotClinical => (
            "A client's primary clinician holds no clinical role (`clinician` or `intern`, or a role granting clinical access on assigned clients).",
            Clients("C-2 = { primary = \"dana\" }"),
        ),
        Code::PrimaryAlsoClinician => (
            "The primary clinician is also listed in `clinicians`: one place on the chart is enough.",
            Clients("C-2 = { primary = \"bob\", clinicians = [\"bob\"] }"),
        ),
        Code::AdministrativeNotRestricted => (
            "An `administrative` list on a client that is not restricted means nothing: every all-clients role already reaches it.",
            Clients("C-2 = { primary = \"bob\", administrative = [\"dana\"] }"),
        ),
        Code::InactiveReferenced => (
            "An inactive member is still named where only active members belong (a primary, a clinician, a supervisor, the owner).",
            SectionsAndClients(
                "[members.old]\nname = \"Old\"\nroles = [\"clinician\"]\nactive = false\n",
                "C-2 = { primary = \"old\" }",
            ),
        ),
        Code::TemporaryWithoutReason => (
            "Temporary (break-the-glass or coverage) access needs a `reason`: an auditor asks why.",
            Clients(
                "C-2 = { primary = \"bob\", temporary = [{ member = \"sue\", until = 2026-12-31 }] }",
            ),
        ),
        Code::TemporaryAlreadyClinician => (
            "Temporary access for a member already on the chart adds nothing, and would hide when their own access ends.",
            Clients(
                "C-2 = { primary = \"bob\", temporary = [{ member = \"bob\", until = 2026-12-31, reason = \"Cover\" }] }",
            ),
        ),
        Code::DuplicateInList => (
            "A list names the same id twice.",
            Sections("[members.zoe]\nname = \"Zoe\"\nroles = [\"scheduler\", \"scheduler\"]\n"),
        ),
        Code::CapabilityShadowsBuiltin => (
            "A custom capability under `[capabilities]` reuses a built-in name, which would change what existing grants mean.",
            Sections(
                "[capabilities]\n\"client.view\" = { scope = \"client\", description = \"Mine\" }\n",
            ),
        ),
        Code::FileTooLarge => (
            "The file is over 16 MiB, far more than any practice (100,000 clients is about 5 MiB); it is refused before it is parsed.",
            TooLarge,
        ),
        Code::BadText => (
            "Free text (a name, a reason, an email) holds a control character, a line or paragraph separator (U+2028, U+2029) or a bidirectional control, or nothing visible: it could rewrite a terminal or disguise itself in a review.",
            Sections("[members.zoe]\nname = \"Zoe\\u001b[2J\"\nroles = [\"scheduler\"]\n"),
        ),
        Code::BadEmail => (
            "An email address without one `@` between a local part and a domain.",
            Sections(
                "[members.zoe]\nname = \"Zoe\"\nroles = [\"scheduler\"]\nemail = \"zoe.example.org\"\n",
            ),
        ),
        Code::BadGithubLogin => (
            "`github` is a GitHub login as GitHub allows it: letters, digits and single hyphens, no `@`.",
            Sections("[members.zoe]\nname = \"Zoe\"\nroles = [\"scheduler\"]\ngithub = \"@zoe\"\n"),
        ),
        Code::DuplicateGithubLogin => (
            "Two members share a GitHub login (ignoring case): `diff --as @LOGIN` must judge a pull request as exactly one member.",
            Sections(
                "[members.zoe]\nname = \"Zoe\"\nroles = [\"scheduler\"]\ngithub = \"zoe-n\"\n\
                 [members.zed]\nname = \"Zed\"\nroles = [\"scheduler\"]\ngithub = \"Zoe-N\"\n",
            ),
        ),
        Code::NoAccessMember => (
            "An active member with no roles and no grants can do nothing; usually a forgotten role or someone who left.",
            Sections("[members.zoe]\nname = \"Zoe\"\n"),
        ),
        Code::RedundantAdministrative => (
            "A member on a restricted client's administrative list already reaches it another way (they are on the chart, or the owner).",
            Clients("C-2 = { primary = \"bob\", restricted = true, administrative = [\"bob\"] }"),
        ),
        Code::IdleSupervisor => (
            "A member holds the supervisor role but supervises nobody: the role's access to supervisees' charts is unused.",
            Sections("[members.zoe]\nname = \"Zoe\"\nroles = [\"supervisor\"]\n"),
        ),
        Code::TemporaryExpired => (
            "Temporary access ended and no longer holds, but the entry is still in the file; remove it to keep the record clean.",
            Clients(
                "C-2 = { primary = \"bob\", temporary = [{ member = \"sue\", until = 2026-06-14, reason = \"Cover\" }] }",
            ),
        ),
        Code::TemporaryExpiring => (
            "Temporary access ends within 7 days: extend it or let it lapse on purpose.",
            Clients(
                "C-2 = { primary = \"bob\", temporary = [{ member = \"sue\", until = 2026-06-20, reason = \"Cover\" }] }",
            ),
        ),
    }
}

/// The code a text names (`P024`, `p024`), if any.
pub fn code_named(name: &str) -> Option<Code> {
    Code::ALL
        .iter()
        .copied()
        .find(|code| code.as_str().eq_ignore_ascii_case(name.trim()))
}
