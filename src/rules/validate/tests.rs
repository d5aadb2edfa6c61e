//! Validation tests: every finding code of `Code::ALL` triggered by a small
//! practice text, next to a near miss that does not trigger it, and the
//! settled details of SPEC §7 that validation depends on.

use super::*;
use crate::findings::Severity;
use crate::rules::check;

/// The decision date of every test unless it names another.
fn today() -> NaiveDate {
    crate::findings::catalog::example_date()
}

fn day(year: i32, month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, d).expect("a valid date")
}

/// A valid practice: `practice` lines go into `[practice]`, `sections` (each
/// starting with a `[header]`) after the base members, `clients` into the
/// `[clients]` table after the base client. Every base member is needed by
/// some rule (sue supervises ian, so no idle-supervisor warning).
fn practice_text(practice: &str, sections: &str, clients: &str) -> String {
    crate::findings::catalog::base(practice, sections, clients)
}

/// The base practice with extra `[members.X]`, `[roles.X]` or
/// `[capabilities]` sections.
fn with_sections(sections: &str) -> String {
    practice_text("", sections, "")
}

/// The base practice with extra lines in `[clients]`.
fn with_clients(clients: &str) -> String {
    practice_text("", "", clients)
}

fn codes_on(text: &str, date: NaiveDate) -> Vec<Code> {
    check(text, date).findings.iter().map(|f| f.code).collect()
}

fn codes(text: &str) -> Vec<Code> {
    codes_on(text, today())
}

fn names(codes: &[Code]) -> Vec<&'static str> {
    let mut names: Vec<_> = codes.iter().map(|c| c.as_str()).collect();
    names.sort_unstable();
    names
}

/// The text's findings are exactly these codes (in any order, with repeats).
#[track_caller]
fn assert_codes(text: &str, expected: &[Code]) {
    assert_codes_on(text, today(), expected);
}

#[track_caller]
fn assert_codes_on(text: &str, date: NaiveDate, expected: &[Code]) {
    let found = codes_on(text, date);
    assert_eq!(
        names(&found),
        names(expected),
        "findings on {date} differ for:\n{text}\n{:#?}",
        check(text, date).findings
    );
}

/// The text triggers `code` and nothing else (at least once).
#[track_caller]
fn assert_only(text: &str, code: Code) {
    let found = codes(text);
    assert!(
        !found.is_empty() && found.iter().all(|c| *c == code),
        "expected only {} for:\n{text}\nfound {:?}",
        code.as_str(),
        names(&found)
    );
}

/// The text triggers `code`, possibly next to other findings.
#[track_caller]
fn assert_has(text: &str, code: Code) {
    let found = codes(text);
    assert!(
        found.contains(&code),
        "expected {} for:\n{text}\nfound {:?}",
        code.as_str(),
        names(&found)
    );
}

/// The text has no findings at all: the near miss of a rule.
#[track_caller]
fn assert_clean(text: &str) {
    assert_codes(text, &[]);
}

/// The one finding of `code` in the text.
#[track_caller]
fn finding(text: &str, code: Code) -> Finding {
    let checked = check(text, today());
    let found: Vec<_> = checked
        .findings
        .iter()
        .filter(|f| f.code == code)
        .cloned()
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected one {} in {:#?}",
        code.as_str(),
        checked.findings
    );
    found.into_iter().next().expect("one finding")
}

/// A text that triggers each code: the catalogue's example
/// (`findings::catalog`, which `praxis explain` shows), so the documented
/// example is the tested one.
fn trigger(code: Code) -> String {
    crate::findings::catalog::entry(code).1.text()
}

// ---------------------------------------------------------------------------
// The base and the catalogue of codes.

#[test]
fn the_base_practice_is_clean() {
    assert_clean(&practice_text("", "", ""));
}

#[test]
fn every_code_has_a_trigger_that_reports_only_it() {
    let mut failures = Vec::new();
    for &code in Code::ALL {
        let text = trigger(code);
        let found = codes(&text);
        if found.is_empty() || found.iter().any(|c| *c != code) {
            failures.push(format!("{}: found {:?}", code.as_str(), names(&found)));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn findings_carry_their_code_severity_and_a_hint() {
    for &code in Code::ALL {
        let text = trigger(code);
        for f in check(&text, today()).findings.iter() {
            assert_eq!(f.severity, f.code.severity());
            assert!(!f.message.is_empty() && !f.hint.is_empty(), "{f:?}");
            assert!(
                f.span.start <= f.span.end && f.span.end <= text.len(),
                "{f:?}"
            );
        }
    }
}

#[test]
fn warnings_do_not_count_as_errors() {
    let checked = check(&trigger(Code::TemporaryExpired), today());
    assert_eq!(checked.findings.warnings(), 1);
    assert!(!checked.findings.has_errors());
    let mut strict = checked.findings.clone();
    strict.make_strict();
    assert!(strict.has_errors());
}

// ---------------------------------------------------------------------------
// Reading: syntax, types, keys, version.

#[test]
fn p001_syntax() {
    assert_only(&trigger(Code::Syntax), Code::Syntax);
    assert_codes("version = ", &[Code::Syntax]);
    assert_clean(&with_sections(
        "[members.zoe]\nname = \"Zoe\"\nroles = [\"scheduler\"]\n",
    ));
}

#[test]
fn p002_wrong_type() {
    assert_only(&trigger(Code::WrongType), Code::WrongType);
    // A list written as a string is read as no roles: the warning follows.
    assert_codes(
        &with_sections("[members.zoe]\nname = \"Zoe\"\nroles = \"scheduler\"\n"),
        &[Code::WrongType, Code::NoAccessMember],
    );
    assert_has(
        &with_clients("C-2 = { primary = \"bob\", restricted = \"yes\" }"),
        Code::WrongType,
    );
    // `until` is a TOML local date, not a string.
    assert_has(
        &with_clients(
            "C-2 = { primary = \"bob\", temporary = [{ member = \"sue\", until = \"2026-12-31\", reason = \"Cover\" }] }",
        ),
        Code::WrongType,
    );
    assert_clean(&practice_text("max_supervisors = 1", "", ""));
}

#[test]
fn p003_unknown_key_suggests_the_closest() {
    let text = trigger(Code::UnknownKey);
    assert_only(&text, Code::UnknownKey);
    assert!(finding(&text, Code::UnknownKey).hint.contains("`active`"));
    assert_only(
        &with_clients("C-2 = { primary = \"bob\", clinician = [\"sue\"] }"),
        Code::UnknownKey,
    );
    assert_clean(&with_sections(
        "[members.zoe]\nname = \"Zoe\"\nroles = [\"scheduler\"]\nactive = true\n",
    ));
}

#[test]
fn p004_missing_key() {
    assert_only(&trigger(Code::MissingKey), Code::MissingKey);
    // A client's primary and a temporary entry's member and until are required.
    assert_only(
        &with_clients("C-2 = { clinicians = [\"bob\"] }"),
        Code::MissingKey,
    );
    assert_has(
        &with_clients(
            "C-2 = { primary = \"bob\", temporary = [{ member = \"sue\", reason = \"Cover\" }] }",
        ),
        Code::MissingKey,
    );
    // version and the practice name are required.
    let no_version = practice_text("", "", "").replacen("version = 1\n", "", 1);
    assert_only(&no_version, Code::MissingKey);
    let no_name = practice_text("", "", "").replacen("name = \"Riverbend Counseling\"\n", "", 1);
    assert_only(&no_name, Code::MissingKey);
    assert_clean(&with_sections(
        "[members.zoe]\nname = \"Zoe\"\nroles = [\"scheduler\"]\n",
    ));
}

#[test]
fn p005_bad_version() {
    assert_only(&trigger(Code::BadVersion), Code::BadVersion);
    assert_only(
        &practice_text("", "", "").replacen("version = 1", "version = 0", 1),
        Code::BadVersion,
    );
    assert_clean(&practice_text("", "", ""));
}

#[test]
fn p006_max_supervisors_below_one() {
    assert_only(&trigger(Code::MaxSupervisors), Code::MaxSupervisors);
    assert_only(
        &practice_text("max_supervisors = -3", "", ""),
        Code::MaxSupervisors,
    );
    assert_clean(&practice_text("max_supervisors = 1", "", ""));
}

// ---------------------------------------------------------------------------
// Identifiers and uniqueness.

#[test]
fn p007_bad_identifier() {
    assert_only(&trigger(Code::BadIdentifier), Code::BadIdentifier);
    assert_only(
        &with_clients("\"-C-2\" = { primary = \"bob\" }"),
        Code::BadIdentifier,
    );
    let long = "a".repeat(65);
    assert_only(
        &with_sections(&format!(
            "[members.{long}]\nname = \"Long\"\nroles = [\"scheduler\"]\n"
        )),
        Code::BadIdentifier,
    );
    let longest = "a".repeat(64);
    assert_clean(&with_sections(&format!(
        "[members.{longest}]\nname = \"Long\"\nroles = [\"scheduler\"]\n\
         [members.\"z.o_e-1\"]\nname = \"Zoe\"\nroles = [\"scheduler\"]\n"
    )));
}

#[test]
fn p008_member_ids_are_unique_ignoring_case() {
    assert_only(&trigger(Code::DuplicateId), Code::DuplicateId);
    assert_clean(&with_sections(
        "[members.bobby]\nname = \"Bobby\"\nroles = [\"scheduler\"]\n",
    ));
}

#[test]
fn p008_client_ids_are_unique_ignoring_case() {
    assert_only(
        &with_clients("c-1 = { primary = \"bob\" }"),
        Code::DuplicateId,
    );
    assert_clean(&with_clients("C-10 = { primary = \"bob\" }"));
    // Lookups in the file as read stay exact: the first entry keeps its id.
    let read = crate::model::read_practice(&with_clients("c-1 = { primary = \"sue\" }"));
    let first = read.practice.client("C-1").expect("C-1");
    assert!(first.is_primary("bob"));
}

#[test]
fn p009_emails_are_unique_ignoring_case() {
    let text = trigger(Code::DuplicateEmail);
    assert_only(&text, Code::DuplicateEmail);
    assert!(finding(&text, Code::DuplicateEmail).message.contains("zoe"));
    assert_clean(&with_sections(
        "[members.zoe]\nname = \"Zoe\"\nroles = [\"scheduler\"]\nemail = \"desk@example.org\"\n\
         [members.zed]\nname = \"Zed\"\nroles = [\"scheduler\"]\nemail = \"front@example.org\"\n",
    ));
}

// ---------------------------------------------------------------------------
// References.

#[test]
fn p010_unknown_member() {
    assert_only(&trigger(Code::UnknownMember), Code::UnknownMember);
    // In clinicians, administrative, temporary, supervisors and the owner.
    assert_only(
        &with_clients("C-2 = { primary = \"bob\", clinicians = [\"nobody\"] }"),
        Code::UnknownMember,
    );
    assert_only(
        &with_clients(
            "C-2 = { primary = \"bob\", restricted = true, administrative = [\"nobody\"] }",
        ),
        Code::UnknownMember,
    );
    assert_only(
        &with_clients(
            "C-2 = { primary = \"bob\", temporary = [{ member = \"nobody\", until = 2026-12-31, reason = \"Cover\" }] }",
        ),
        Code::UnknownMember,
    );
    assert_only(
        &with_sections(
            "[members.zoe]\nname = \"Zoe\"\nroles = [\"clinician\"]\nsupervisors = [\"nobody\"]\n",
        ),
        Code::UnknownMember,
    );
    assert_only(
        &practice_text("", "", "").replacen("owner = \"olive\"", "owner = \"nobody\"", 1),
        Code::UnknownMember,
    );
    // Lookups by id are exact: `Bob` is not `bob`.
    let text = with_clients("C-2 = { primary = \"Bob\" }");
    assert_only(&text, Code::UnknownMember);
    assert!(finding(&text, Code::UnknownMember).hint.contains("`bob`"));
    assert_clean(&with_clients(
        "C-2 = { primary = \"sue\", clinicians = [\"bob\"] }",
    ));
}

#[test]
fn p011_unknown_role() {
    let text = trigger(Code::UnknownRole);
    assert_only(&text, Code::UnknownRole);
    assert!(
        finding(&text, Code::UnknownRole)
            .hint
            .contains("`scheduler`")
    );
    // In a role's requires and excludes.
    assert_only(
        &with_sections("[roles.desk]\ngrants = []\nrequires = [\"nope\"]\n"),
        Code::UnknownRole,
    );
    assert_only(
        &with_sections("[roles.desk]\ngrants = []\nexcludes = [\"nope\"]\n"),
        Code::UnknownRole,
    );
    // A role defined in the file is known.
    assert_clean(&with_sections(
        "[roles.desk]\ngrants = [{ can = [\"client.view\"], on = \"all\" }]\n\
         [members.zoe]\nname = \"Zoe\"\nroles = [\"desk\"]\n",
    ));
}

#[test]
fn p012_unknown_capability_or_pattern() {
    let text = trigger(Code::UnknownCapability);
    assert_only(&text, Code::UnknownCapability);
    assert!(
        finding(&text, Code::UnknownCapability)
            .hint
            .contains("`clinical.view`")
    );
    // A pattern that matches nothing, in a role's grant and in denies.
    assert_only(
        &with_sections("[roles.desk]\ngrants = [{ can = [\"rx.*\"], on = \"all\" }]\n"),
        Code::UnknownCapability,
    );
    assert_only(
        &with_sections(
            "[members.zoe]\nname = \"Zoe\"\nroles = [\"scheduler\"]\ndenies = [\"nothing.*\"]\n",
        ),
        Code::UnknownCapability,
    );
    // `clin*` is not a pattern form: it matches nothing.
    assert_only(
        &with_sections(
            "[members.zoe]\nname = \"Zoe\"\nroles = [\"scheduler\"]\ndenies = [\"clin*\"]\n",
        ),
        Code::UnknownCapability,
    );
    // Custom capabilities are known to patterns; `*` and families match.
    assert_clean(&with_sections(
        "[capabilities]\n\"rx.prescribe\" = { scope = \"client\", description = \"Prescribe\" }\n\
         [roles.prescriber]\ngrants = [{ can = [\"rx.*\"], on = \"assigned\" }]\n\
         [members.zoe]\nname = \"Zoe\"\nroles = [\"scheduler\"]\ndenies = [\"clinical.*\", \"rx.prescribe\", \"*\"]\n",
    ));
}

#[test]
fn p013_requires_not_met() {
    assert_only(&trigger(Code::RequiresNotMet), Code::RequiresNotMet);
    assert_only(
        &with_sections("[members.zoe]\nname = \"Zoe\"\nroles = [\"biller-assigned\"]\n"),
        Code::RequiresNotMet,
    );
    // A file role's requires.
    assert_only(
        &with_sections(
            "[roles.desk]\ngrants = []\nrequires = [\"scheduler\"]\n\
             [members.zoe]\nname = \"Zoe\"\nroles = [\"desk\"]\n",
        ),
        Code::RequiresNotMet,
    );
    assert_clean(&with_sections(
        "[members.zoe]\nname = \"Zoe\"\nroles = [\"clinical-admin\", \"clinician\"]\n",
    ));
}

#[test]
fn p014_excludes_violated() {
    assert_only(&trigger(Code::ExcludesViolated), Code::ExcludesViolated);
    // clinician and intern exclude each other from both sides: one problem,
    // reported once.
    let _ = finding(&trigger(Code::ExcludesViolated), Code::ExcludesViolated);
    assert_only(
        &with_sections(
            "[roles.desk]\ngrants = []\nexcludes = [\"biller\"]\n\
             [members.zoe]\nname = \"Zoe\"\nroles = [\"desk\", \"biller\"]\n",
        ),
        Code::ExcludesViolated,
    );
    assert_clean(&with_sections(
        "[members.zoe]\nname = \"Zoe\"\nroles = [\"clinician\", \"biller-assigned\"]\n",
    ));
}

// ---------------------------------------------------------------------------
// Grants and scopes.

#[test]
fn p015_pattern_covers_nothing_of_its_scope() {
    assert_only(
        &trigger(Code::PatternScopeMismatch),
        Code::PatternScopeMismatch,
    );
    // A client capability on practice, explicit or by leaving out `on`.
    assert_only(
        &with_sections(
            "[roles.desk]\ngrants = [{ can = [\"clinical.view\"], on = \"practice\" }]\n",
        ),
        Code::PatternScopeMismatch,
    );
    assert_only(
        &with_sections("[roles.desk]\ngrants = [{ can = [\"clinical.view\"] }]\n"),
        Code::PatternScopeMismatch,
    );
    assert_only(
        &with_sections(
            "[capabilities]\n\"transport.manage\" = { scope = \"practice\", description = \"Rides\" }\n\
             [roles.desk]\ngrants = [{ can = [\"transport.*\"], on = \"assigned\" }]\n",
        ),
        Code::PatternScopeMismatch,
    );
    // `billing.*` covers capabilities of both kinds: fine on either scope.
    assert_clean(&with_sections(
        "[roles.desk]\ngrants = [\n  { can = [\"billing.*\"], on = \"all\" },\n  \
         { can = [\"billing.*\"], on = \"practice\" },\n  { can = [\"members.view\"] },\n  \
         { can = [\"*\"], on = \"own\" },\n]\n",
    ));
}

#[test]
fn p016_unknown_scope() {
    assert_only(&trigger(Code::UnknownScope), Code::UnknownScope);
    // A custom capability's scope is `client` or `practice`.
    assert_only(
        &with_sections(
            "[capabilities]\n\"rx.prescribe\" = { scope = \"global\", description = \"Prescribe\" }\n",
        ),
        Code::UnknownScope,
    );
    assert_clean(&with_sections(
        "[members.zoe]\nname = \"Zoe\"\nroles = [\"scheduler\"]\n\
         grants = [{ can = [\"client.view\"], on = \"supervisees\" }]\n",
    ));
}

#[test]
fn p036_custom_capability_shadows_builtin() {
    assert_only(
        &trigger(Code::CapabilityShadowsBuiltin),
        Code::CapabilityShadowsBuiltin,
    );
    assert_only(
        &with_sections(
            "[capabilities]\n\"hr.view\" = { scope = \"practice\", description = \"Mine\" }\n",
        ),
        Code::CapabilityShadowsBuiltin,
    );
    assert_clean(&with_sections(
        "[capabilities]\n\"rx.prescribe\" = { scope = \"client\", description = \"Prescribe\" }\n",
    ));
}

// ---------------------------------------------------------------------------
// Supervision.

#[test]
fn p017_self_supervision() {
    assert_has(&trigger(Code::SelfSupervision), Code::SelfSupervision);
    assert_clean(&with_sections(
        "[members.zoe]\nname = \"Zoe\"\nroles = [\"clinician\"]\nsupervisors = [\"sue\"]\n",
    ));
}

#[test]
fn p018_supervisor_who_cannot_cosign() {
    assert_only(
        &trigger(Code::SupervisorCannotCosign),
        Code::SupervisorCannotCosign,
    );
    assert_clean(&with_sections(
        "[members.zoe]\nname = \"Zoe\"\nroles = [\"clinician\"]\nsupervisors = [\"sue\"]\n",
    ));
}

#[test]
fn p018_can_cosign_comes_from_any_client_scope_grant() {
    // A member's own grant of clinical.cosign on a client scope is enough.
    assert_clean(&with_sections(
        "[members.sam]\nname = \"Sam\"\nroles = [\"clinician\"]\n\
         grants = [{ can = [\"clinical.cosign\"], on = \"assigned\" }]\n\
         [members.zoe]\nname = \"Zoe\"\nroles = [\"clinician\"]\nsupervisors = [\"sam\"]\n",
    ));
    // So is a file role covering it through a pattern.
    assert_clean(&with_sections(
        "[roles.lead]\ngrants = [{ can = [\"clinical.*\"], on = \"supervisees\" }]\n\
         [members.sam]\nname = \"Sam\"\nroles = [\"clinician\", \"lead\"]\n\
         [members.zoe]\nname = \"Zoe\"\nroles = [\"clinician\"]\nsupervisors = [\"sam\"]\n",
    ));
    // A file `supervisor` role without clinical.cosign makes sue unable.
    let replaced = with_sections(
        "[roles.supervisor]\ngrants = [{ can = [\"clinical.view\"], on = \"supervisees\" }]\n",
    );
    assert_has(&replaced, Code::SupervisorCannotCosign);
}

#[test]
fn p018_can_cosign_respects_denies() {
    for deny in ["clinical.cosign", "clinical.*", "*"] {
        let text = with_sections(&format!(
            "[members.sam]\nname = \"Sam\"\nroles = [\"clinician\", \"supervisor\"]\ndenies = [\"{deny}\"]\n\
             [members.zoe]\nname = \"Zoe\"\nroles = [\"clinician\"]\nsupervisors = [\"sam\"]\n",
        ));
        assert_only(&text, Code::SupervisorCannotCosign);
    }
    // A deny that does not match clinical.cosign leaves co-signing alone.
    assert_clean(&with_sections(
        "[members.sam]\nname = \"Sam\"\nroles = [\"clinician\", \"supervisor\"]\ndenies = [\"clinical.write\"]\n\
         [members.zoe]\nname = \"Zoe\"\nroles = [\"clinician\"]\nsupervisors = [\"sam\"]\n",
    ));
}

#[test]
fn p019_supervision_cycle() {
    let text = trigger(Code::SupervisionCycle);
    assert_codes(&text, &[Code::SupervisionCycle]);
    let three = with_sections(
        "[members.ann]\nname = \"Ann\"\nroles = [\"clinician\", \"supervisor\"]\nsupervisors = [\"ben\"]\n\
         [members.ben]\nname = \"Ben\"\nroles = [\"clinician\", \"supervisor\"]\nsupervisors = [\"cat\"]\n\
         [members.cat]\nname = \"Cat\"\nroles = [\"clinician\", \"supervisor\"]\nsupervisors = [\"ann\"]\n",
    );
    assert_codes(&three, &[Code::SupervisionCycle]);
    // A chain is not a cycle.
    assert_clean(&with_sections(
        "[members.ann]\nname = \"Ann\"\nroles = [\"clinician\"]\nsupervisors = [\"ben\"]\n\
         [members.ben]\nname = \"Ben\"\nroles = [\"clinician\", \"supervisor\"]\nsupervisors = [\"sue\"]\n",
    ));
}

#[test]
fn p020_too_many_supervisors() {
    assert_only(&trigger(Code::TooManySupervisors), Code::TooManySupervisors);
    let two = "[members.ann]\nname = \"Ann\"\nroles = [\"clinician\", \"supervisor\"]\nsupervisors = [\"sue\"]\n\
               [members.zoe]\nname = \"Zoe\"\nroles = [\"clinician\"]\nsupervisors = [\"sue\", \"ann\"]\n";
    assert_clean(&practice_text("max_supervisors = 2", two, ""));
    // No limit without max_supervisors.
    assert_clean(&with_sections(two));
}

// ---------------------------------------------------------------------------
// Interns and billing.

#[test]
fn p021_intern_without_supervisor() {
    assert_only(
        &trigger(Code::InternWithoutSupervisor),
        Code::InternWithoutSupervisor,
    );
    assert_clean(&with_sections(
        "[members.zoe]\nname = \"Zoe\"\nroles = [\"intern\"]\nsupervisors = [\"sue\"]\n",
    ));
}

#[test]
fn p022_intern_with_npi() {
    assert_only(&trigger(Code::InternWithNpi), Code::InternWithNpi);
    assert_clean(&with_sections(
        "[members.zoe]\nname = \"Zoe\"\nroles = [\"clinician\"]\nsupervisors = [\"sue\"]\nnpi = \"1111111112\"\n",
    ));
}

#[test]
fn p023_intern_not_billing_as_supervisor() {
    assert_only(
        &trigger(Code::InternNotBillingAsSupervisor),
        Code::InternNotBillingAsSupervisor,
    );
    assert_clean(&with_sections(
        "[members.zoe]\nname = \"Zoe\"\nroles = [\"intern\"]\nsupervisors = [\"sue\"]\nbill_as_supervisor = true\n",
    ));
    // A clinician may bill on their own.
    assert_clean(&with_sections(
        "[members.zoe]\nname = \"Zoe\"\nroles = [\"clinician\"]\nsupervisors = [\"sue\"]\nbill_as_supervisor = false\n",
    ));
}

#[test]
fn p024_no_supervisor_to_bill_under() {
    // The only supervisor has no NPI.
    assert_only(
        &trigger(Code::NoBillingSupervisor),
        Code::NoBillingSupervisor,
    );
    // The only supervisor has an NPI but no clinical role.
    assert_only(
        &with_sections(
            "[members.zed]\nname = \"Zed\"\nroles = [\"supervisor\"]\nnpi = \"1111111112\"\n\
             [members.zoe]\nname = \"Zoe\"\nroles = [\"intern\"]\nsupervisors = [\"zed\"]\n",
        ),
        Code::NoBillingSupervisor,
    );
    // A non-intern who bills as supervisor, with no supervisor at all.
    assert_only(
        &with_sections(
            "[members.zoe]\nname = \"Zoe\"\nroles = [\"clinician\"]\nbill_as_supervisor = true\n",
        ),
        Code::NoBillingSupervisor,
    );
    // One billable supervisor among several is enough.
    assert_clean(&with_sections(
        "[members.zed]\nname = \"Zed\"\nroles = [\"clinician\", \"supervisor\"]\n\
         [members.zoe]\nname = \"Zoe\"\nroles = [\"clinician\"]\nbill_as_supervisor = true\nsupervisors = [\"zed\", \"sue\"]\n",
    ));
}

#[test]
fn intern_rules_follow_the_role_name_when_the_file_replaces_intern() {
    let replaced = "[roles.intern]\ndescription = \"Trainee\"\n\
                    grants = [{ can = [\"clinical.*\"], on = \"assigned\" }]\n";
    // The base intern `ian` keeps its supervisor: the replacement is clean.
    assert_clean(&with_sections(replaced));
    let text = with_sections(&format!(
        "{replaced}[members.zoe]\nname = \"Zoe\"\nroles = [\"intern\"]\nnpi = \"1111111112\"\nbill_as_supervisor = false\n"
    ));
    assert_codes(
        &text,
        &[
            Code::InternWithoutSupervisor,
            Code::InternWithNpi,
            Code::InternNotBillingAsSupervisor,
        ],
    );
    // A role that grants the same under another name is no intern.
    let trainee = "[roles.trainee]\ngrants = [{ can = [\"clinical.*\"], on = \"assigned\" }]\n\
                   [members.zoe]\nname = \"Zoe\"\nroles = [\"trainee\"]\nnpi = \"1111111112\"\nbill_as_supervisor = false\n";
    assert_clean(&with_sections(trainee));
}

// ---------------------------------------------------------------------------
// Co-signature and credentials.

#[test]
fn p025_cosign_without_supervisor() {
    assert_only(
        &trigger(Code::CosignWithoutSupervisor),
        Code::CosignWithoutSupervisor,
    );
    assert_clean(&with_sections(
        "[members.zoe]\nname = \"Zoe\"\nroles = [\"clinician\"]\ncosign = []\n",
    ));
    assert_clean(&with_sections(
        "[members.zoe]\nname = \"Zoe\"\nroles = [\"clinician\"]\nsupervisors = [\"sue\"]\n\
         cosign = [\"progress-notes\", \"treatment-plans\"]\n",
    ));
}

#[test]
fn p026_bad_cosign_value() {
    let text = trigger(Code::BadCosignValue);
    assert_only(&text, Code::BadCosignValue);
    assert!(
        finding(&text, Code::BadCosignValue)
            .hint
            .contains("`progress-notes`")
    );
    assert_clean(&with_sections(
        "[members.zoe]\nname = \"Zoe\"\nroles = [\"clinician\"]\nsupervisors = [\"sue\"]\ncosign = [\"treatment-plans\"]\n",
    ));
}

#[test]
fn p027_bad_npi() {
    assert_only(&trigger(Code::BadNpi), Code::BadNpi);
    for npi in ["123456789", "12345678931", "12345678a3", "", "2222222227"] {
        let text = with_sections(&format!(
            "[members.zoe]\nname = \"Zoe\"\nroles = [\"clinician\"]\nnpi = \"{npi}\"\n"
        ));
        assert_only(&text, Code::BadNpi);
    }
    for npi in ["1234567893", "2222222228", "1000000004"] {
        assert!(is_valid_npi(npi), "{npi}");
        assert_clean(&with_sections(&format!(
            "[members.zoe]\nname = \"Zoe\"\nroles = [\"clinician\"]\nnpi = \"{npi}\"\n"
        )));
    }
}

#[test]
fn p028_bad_taxonomy() {
    assert_only(&trigger(Code::BadTaxonomy), Code::BadTaxonomy);
    assert_only(
        &with_sections(
            "[members.zoe]\nname = \"Zoe\"\nroles = [\"clinician\"]\ntaxonomy = \"101YM08000\"\n",
        ),
        Code::BadTaxonomy,
    );
    assert_only(
        &with_sections(
            "[members.zoe]\nname = \"Zoe\"\nroles = [\"clinician\"]\ntaxonomy = \"101YM0800XX\"\n",
        ),
        Code::BadTaxonomy,
    );
    assert_clean(&with_sections(
        "[members.zoe]\nname = \"Zoe\"\nroles = [\"clinician\"]\ntaxonomy = \"101YM0800X\"\n",
    ));
}

// ---------------------------------------------------------------------------
// Clients.

#[test]
fn p029_primary_without_clinical_role() {
    assert_only(&trigger(Code::PrimaryNotClinical), Code::PrimaryNotClinical);
    // An intern holds a clinical role, and so does a file role granting
    // clinical.write on assigned.
    assert_clean(&with_clients("C-2 = { primary = \"ian\" }"));
    assert_clean(&practice_text(
        "",
        "[roles.therapist]\ngrants = [{ can = [\"clinical.write\"], on = \"assigned\" }]\n\
         [members.zoe]\nname = \"Zoe\"\nroles = [\"therapist\"]\n",
        "C-2 = { primary = \"zoe\" }",
    ));
    // clinical.write on `all` is not a clinical role.
    assert_only(
        &practice_text(
            "",
            "[roles.reader]\ngrants = [{ can = [\"clinical.write\"], on = \"all\" }]\n\
             [members.zoe]\nname = \"Zoe\"\nroles = [\"reader\"]\n",
            "C-2 = { primary = \"zoe\" }",
        ),
        Code::PrimaryNotClinical,
    );
}

#[test]
fn p030_primary_also_clinician() {
    assert_only(
        &trigger(Code::PrimaryAlsoClinician),
        Code::PrimaryAlsoClinician,
    );
    assert_clean(&with_clients(
        "C-2 = { primary = \"bob\", clinicians = [\"sue\"] }",
    ));
}

#[test]
fn p031_administrative_on_unrestricted_client() {
    assert_only(
        &trigger(Code::AdministrativeNotRestricted),
        Code::AdministrativeNotRestricted,
    );
    assert_only(
        &with_clients(
            "C-2 = { primary = \"bob\", restricted = false, administrative = [\"dana\"] }",
        ),
        Code::AdministrativeNotRestricted,
    );
    assert_clean(&with_clients(
        "C-2 = { primary = \"bob\", restricted = true, administrative = [\"dana\"] }",
    ));
    assert_clean(&with_clients(
        "C-2 = { primary = \"bob\", administrative = [] }",
    ));
}

#[test]
fn p032_inactive_member_still_named() {
    let old =
        "[members.old]\nname = \"Old\"\nroles = [\"clinician\", \"supervisor\"]\nactive = false\n";
    assert_only(&trigger(Code::InactiveReferenced), Code::InactiveReferenced);
    let clients = [
        "C-2 = { primary = \"bob\", clinicians = [\"old\"] }",
        "C-2 = { primary = \"bob\", restricted = true, administrative = [\"old\"] }",
        "C-2 = { primary = \"bob\", temporary = [{ member = \"old\", until = 2026-12-31, reason = \"Cover\" }] }",
    ];
    for client in clients {
        assert_only(&practice_text("", old, client), Code::InactiveReferenced);
    }
    assert_only(
        &with_sections(&format!(
            "{old}[members.zoe]\nname = \"Zoe\"\nroles = [\"clinician\"]\nsupervisors = [\"old\"]\n"
        )),
        Code::InactiveReferenced,
    );
    let owner = practice_text("", old, "").replacen("owner = \"olive\"", "owner = \"old\"", 1);
    assert_only(&owner, Code::InactiveReferenced);
    // An inactive member named nowhere is fine, with or without roles.
    assert_clean(&with_sections(old));
    assert_clean(&with_sections(
        "[members.old]\nname = \"Old\"\nactive = false\n",
    ));
}

// ---------------------------------------------------------------------------
// Temporary access.

#[test]
fn p033_temporary_without_reason() {
    assert_only(
        &trigger(Code::TemporaryWithoutReason),
        Code::TemporaryWithoutReason,
    );
    for reason in ["\"\"", "\"   \"", "\"\\t \""] {
        let text = with_clients(&format!(
            "C-2 = {{ primary = \"bob\", temporary = [{{ member = \"sue\", until = 2026-12-31, reason = {reason} }}] }}"
        ));
        assert_only(&text, Code::TemporaryWithoutReason);
    }
    assert_clean(&with_clients(
        "C-2 = { primary = \"bob\", temporary = [{ member = \"sue\", until = 2026-12-31, reason = \" x \" }] }",
    ));
}

#[test]
fn p034_temporary_for_a_member_already_on_the_chart() {
    assert_only(
        &trigger(Code::TemporaryAlreadyClinician),
        Code::TemporaryAlreadyClinician,
    );
    assert_only(
        &with_clients(
            "C-2 = { primary = \"bob\", clinicians = [\"sue\"], temporary = [{ member = \"sue\", until = 2026-12-31, reason = \"Cover\" }] }",
        ),
        Code::TemporaryAlreadyClinician,
    );
    assert_clean(&with_clients(
        "C-2 = { primary = \"bob\", clinicians = [\"ian\"], temporary = [{ member = \"sue\", until = 2026-12-31, reason = \"Cover\" }] }",
    ));
}

#[test]
fn p104_temporary_expired() {
    let text = trigger(Code::TemporaryExpired);
    assert_only(&text, Code::TemporaryExpired);
    assert_eq!(
        finding(&text, Code::TemporaryExpired).severity,
        Severity::Warning
    );
    // The same entry is only expiring the day before.
    assert_codes_on(&text, day(2026, 6, 13), &[Code::TemporaryExpiring]);
}

#[test]
fn p105_temporary_expiring_within_seven_days() {
    let entry = |until: &str| {
        with_clients(&format!(
            "C-2 = {{ primary = \"bob\", temporary = [{{ member = \"sue\", until = {until}, reason = \"Cover\" }}] }}"
        ))
    };
    assert_only(&trigger(Code::TemporaryExpiring), Code::TemporaryExpiring);
    // 0 ≤ until − date ≤ 7.
    assert_codes(&entry("2026-06-15"), &[Code::TemporaryExpiring]); // day 0
    assert_codes(&entry("2026-06-22"), &[Code::TemporaryExpiring]); // day 7
    assert_codes(&entry("2026-06-23"), &[]); // day 8
    assert_codes(&entry("2026-06-14"), &[Code::TemporaryExpired]); // day -1
    // `validate --at`: the warnings follow the date given.
    let text = entry("2026-06-23");
    assert_codes_on(&text, day(2026, 6, 16), &[Code::TemporaryExpiring]);
    assert_codes_on(&text, day(2026, 6, 23), &[Code::TemporaryExpiring]);
    assert_codes_on(&text, day(2026, 6, 24), &[Code::TemporaryExpired]);
    assert_codes_on(&text, day(2025, 1, 1), &[]);
}

// ---------------------------------------------------------------------------
// Duplicates inside lists.

#[test]
fn p035_duplicates_inside_lists() {
    assert_only(&trigger(Code::DuplicateInList), Code::DuplicateInList);
    let members = [
        // supervisors
        "[members.zoe]\nname = \"Zoe\"\nroles = [\"clinician\"]\nsupervisors = [\"sue\", \"sue\"]\n",
        // cosign
        "[members.zoe]\nname = \"Zoe\"\nroles = [\"clinician\"]\nsupervisors = [\"sue\"]\n\
         cosign = [\"progress-notes\", \"progress-notes\"]\n",
        // can, in a member's grant and in a role's
        "[members.zoe]\nname = \"Zoe\"\nroles = [\"scheduler\"]\n\
         grants = [{ can = [\"hr.view\", \"hr.view\"], on = \"practice\" }]\n",
        "[roles.desk]\ngrants = [{ can = [\"client.view\", \"client.view\"], on = \"all\" }]\n",
    ];
    for text in members {
        let text = with_sections(text);
        assert_codes(&text, &[Code::DuplicateInList]);
    }
    let clients = [
        "C-2 = { primary = \"bob\", clinicians = [\"sue\", \"sue\"] }",
        "C-2 = { primary = \"bob\", restricted = true, administrative = [\"dana\", \"dana\"] }",
    ];
    for client in clients {
        assert_codes(&with_clients(client), &[Code::DuplicateInList]);
    }
    // Distinct entries are fine.
    assert_clean(&with_sections(
        "[members.zoe]\nname = \"Zoe\"\nroles = [\"scheduler\", \"biller\"]\n\
         grants = [{ can = [\"hr.view\", \"audit.view\"], on = \"practice\" }]\n",
    ));
    assert_clean(&with_clients(
        "C-2 = { primary = \"bob\", clinicians = [\"sue\", \"ian\"], restricted = true, administrative = [\"dana\"] }",
    ));
}

// ---------------------------------------------------------------------------
// Warnings.

#[test]
fn p101_member_with_no_access() {
    assert_only(&trigger(Code::NoAccessMember), Code::NoAccessMember);
    assert_only(
        &with_sections("[members.zoe]\nname = \"Zoe\"\nroles = []\ngrants = []\n"),
        Code::NoAccessMember,
    );
    // Grants alone are access; an inactive member holds none anyway.
    assert_clean(&with_sections(
        "[members.zoe]\nname = \"Zoe\"\ngrants = [{ can = [\"hr.view\"] }]\n",
    ));
    assert_clean(&with_sections(
        "[members.zoe]\nname = \"Zoe\"\nactive = false\n",
    ));
}

#[test]
fn p102_redundant_administrative_entry() {
    assert_only(
        &trigger(Code::RedundantAdministrative),
        Code::RedundantAdministrative,
    );
    let redundant = [
        // a clinician
        "C-2 = { primary = \"bob\", clinicians = [\"sue\"], restricted = true, administrative = [\"sue\"] }",
        // the owner
        "C-2 = { primary = \"bob\", restricted = true, administrative = [\"olive\"] }",
        // an unexpired temporary member, also on its last day
        "C-2 = { primary = \"bob\", restricted = true, administrative = [\"sue\"], temporary = [{ member = \"sue\", until = 2026-12-31, reason = \"Cover\" }] }",
    ];
    for client in redundant {
        assert_only(&with_clients(client), Code::RedundantAdministrative);
    }
    let last_day = with_clients(
        "C-2 = { primary = \"bob\", restricted = true, administrative = [\"sue\"], temporary = [{ member = \"sue\", until = 2026-06-15, reason = \"Cover\" }] }",
    );
    assert_codes(
        &last_day,
        &[Code::RedundantAdministrative, Code::TemporaryExpiring],
    );
    // An expired temporary entry gives no access: the administrative entry is needed.
    let expired = with_clients(
        "C-2 = { primary = \"bob\", restricted = true, administrative = [\"sue\"], temporary = [{ member = \"sue\", until = 2026-06-14, reason = \"Cover\" }] }",
    );
    assert_codes(&expired, &[Code::TemporaryExpired]);
    // A member with no other administrative route is not redundant.
    assert_clean(&with_clients(
        "C-2 = { primary = \"bob\", restricted = true, administrative = [\"dana\", \"sue\"] }",
    ));
}

#[test]
fn p103_supervisor_role_without_supervisees() {
    assert_only(&trigger(Code::IdleSupervisor), Code::IdleSupervisor);
    // Only active members are warned.
    assert_clean(&with_sections(
        "[members.zoe]\nname = \"Zoe\"\nroles = [\"supervisor\"]\nactive = false\n",
    ));
    // A supervisor with a supervisee is not idle (sue, in the base).
    assert_clean(&with_sections(
        "[members.zoe]\nname = \"Zoe\"\nroles = [\"supervisor\"]\n\
         [members.zed]\nname = \"Zed\"\nroles = [\"scheduler\"]\nsupervisors = [\"zoe\"]\n",
    ));
}

// Revision 3 (SPEC §8): case-insensitive ids, free text, GitHub logins.
mod revision3;

/// Every warning, and every inactive member still named, says whom it is
/// about: `review --member/--client` shows it by that, and a change tells
/// the warnings it brought from those the file had by it.
#[test]
fn findings_a_review_shows_say_whom_they_are_about() {
    for code in [
        Code::NoAccessMember,
        Code::RedundantAdministrative,
        Code::IdleSupervisor,
        Code::TemporaryExpired,
        Code::TemporaryExpiring,
        Code::InactiveReferenced,
    ] {
        let found = finding(&trigger(code), code);
        assert!(
            found
                .about
                .iter()
                .any(|s| matches!(s, crate::findings::Subject::Member(_))),
            "{} names no member: {found:?}",
            code.as_str()
        );
        let named_in_message = found.about.iter().all(|s| match s {
            crate::findings::Subject::Member(id) | crate::findings::Subject::Client(id) => {
                found.message.contains(id.as_str())
            }
        });
        if code != Code::InactiveReferenced {
            assert!(named_in_message, "{found:?}");
        }
    }
}

/// A misspelled key's cascade is reported (SPEC §3.4: every finding) and
/// marked as following from it, so a renderer for people can show it after
/// the mistake: "no roles" (P101) and "primary holds no clinical role"
/// (P029) for the member whose `roles` was misspelled; another member's
/// finding is not marked.
#[test]
fn a_misspelled_keys_cascade_is_reported_and_marked() {
    let base = practice_text("", "", "");
    let misspelled = base.replacen(
        "[members.bob]\nname = \"Bob Clinician\"\nroles = [\"clinician\"]",
        "[members.bob]\nname = \"Bob Clinician\"\nrolse = [\"clinician\"]",
        1,
    );
    let also = misspelled.replacen("roles = [\"scheduler\"]", "roles = []", 1);
    let checked = check(&also, today());
    let marked: Vec<(Code, bool)> = checked
        .findings
        .iter()
        .map(|f| f.code)
        .zip(crate::findings::cascades(&checked.findings))
        .collect();
    assert!(marked.contains(&(Code::UnknownKey, false)), "{marked:?}");
    assert!(
        marked.contains(&(Code::PrimaryNotClinical, true)),
        "{marked:?}"
    );
    assert!(marked.contains(&(Code::NoAccessMember, true)), "{marked:?}");
    // dana's own P101 (her roles emptied) does not follow from bob's key.
    assert!(
        marked.contains(&(Code::NoAccessMember, false)),
        "{marked:?}"
    );
}
