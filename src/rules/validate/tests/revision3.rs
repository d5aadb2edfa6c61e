//! Validation rules of SPEC §8 (revision 3): role ids and custom capability
//! names unique regardless of letter case, free text, GitHub logins.

use super::*;

// ---------------------------------------------------------------------------
// Case-insensitive ids.

#[test]
fn p008_a_custom_role_may_not_differ_from_a_builtin_only_in_case() {
    let text = with_sections(
        "[roles.Clinician]\ndescription = \"Mine\"\ngrants = [{ can = [\"client.view\"], on = \"all\" }]\n",
    );
    assert_only(&text, Code::DuplicateId);
    let found = finding(&text, Code::DuplicateId);
    assert!(found.message.contains("`clinician`"), "{}", found.message);
    assert!(found.hint.contains("[roles.clinician]"), "{}", found.hint);
    // Replacing the built-in role uses its exact id.
    assert_clean(&with_sections(
        "[roles.clinician]\ndescription = \"Ours\"\n\
         grants = [{ can = [\"clinical.write\", \"clinical.view\", \"clinical.cosign\"], on = \"assigned\" }]\n",
    ));
}

#[test]
fn p008_two_custom_roles_may_not_differ_only_in_case() {
    let text = with_sections(
        "[roles.records-clerk]\ngrants = [{ can = [\"client.view\"], on = \"all\" }]\n\
         [roles.Records-Clerk]\ngrants = [{ can = [\"client.view\"], on = \"all\" }]\n",
    );
    assert_only(&text, Code::DuplicateId);
    assert!(
        finding(&text, Code::DuplicateId)
            .message
            .contains("records-clerk")
    );
    assert_clean(&with_sections(
        "[roles.records-clerk]\ngrants = [{ can = [\"client.view\"], on = \"all\" }]\n\
         [roles.records-clerk2]\ngrants = [{ can = [\"client.view\"], on = \"all\" }]\n",
    ));
}

#[test]
fn role_lookups_stay_exact() {
    // The built-in role keeps its grants; `Clinician` is a different id
    // and is reported, not merged into it.
    let checked = check(
        &with_sections("[roles.Clinician]\ngrants = [{ can = [\"*\"], on = \"all\" }]\n"),
        today(),
    );
    let builtin = checked
        .practice
        .role("clinician")
        .expect("built-in clinician");
    assert!(builtin.builtin);
    let custom = checked.practice.role("Clinician").expect("the file's role");
    assert!(!custom.builtin);
    // A member naming a role in another case names an unknown role.
    assert_only(
        &with_sections("[members.zoe]\nname = \"Zoe\"\nroles = [\"Scheduler\"]\n"),
        Code::UnknownRole,
    );
}

#[test]
fn p036_a_custom_capability_may_not_match_a_builtin_in_any_case() {
    let text = with_sections(
        "[capabilities]\n\"Clinical.View\" = { scope = \"client\", description = \"Mine\" }\n",
    );
    assert_only(&text, Code::CapabilityShadowsBuiltin);
    let found = finding(&text, Code::CapabilityShadowsBuiltin);
    assert!(
        found.message.contains("`clinical.view`"),
        "{}",
        found.message
    );
}

#[test]
fn p008_two_custom_capabilities_may_not_differ_only_in_case() {
    let text = with_sections(
        "[capabilities]\n\"rx.prescribe\" = { scope = \"client\", description = \"Prescribe\" }\n\
         \"RX.Prescribe\" = { scope = \"client\", description = \"Prescribe\" }\n",
    );
    assert_only(&text, Code::DuplicateId);
    assert!(
        finding(&text, Code::DuplicateId)
            .message
            .contains("`rx.prescribe`")
    );
    assert_clean(&with_sections(
        "[capabilities]\n\"rx.prescribe\" = { scope = \"client\", description = \"Prescribe\" }\n\
         \"rx.refill\" = { scope = \"client\", description = \"Refill\" }\n",
    ));
}
