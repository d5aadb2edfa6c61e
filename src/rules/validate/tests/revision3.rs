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
    let read = crate::model::read_practice(&with_sections(
        "[roles.Clinician]\ngrants = [{ can = [\"*\"], on = \"all\" }]\n",
    ));
    let builtin = read.practice.role("clinician").expect("built-in clinician");
    assert!(builtin.builtin);
    let custom = read.practice.role("Clinician").expect("the file's role");
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

// ---------------------------------------------------------------------------
// Free text.

/// A member `zoe` with these extra lines (a name unless one is given).
fn zoe(lines: &str) -> String {
    let name = if lines.contains("name =") && !lines.contains("legal_name =") {
        ""
    } else {
        "name = \"Zoe\"\n"
    };
    with_sections(&format!(
        "[members.zoe]\n{name}roles = [\"scheduler\"]\n{lines}\n"
    ))
}

#[test]
fn p038_control_and_bidi_characters_in_every_free_text_field() {
    // TOML escapes, so the file itself stays one line per key.
    for bad in [
        "\\n",
        "\\r",
        "\\t",
        "\\u001b[31m",
        "\\u007f",
        "\\u0085",
        "\\u202e",
        "\\u2066",
        "\\u200f",
        "\\u061c",
    ] {
        for lines in [
            format!("name = \"Zoe{bad}x\""),
            format!("legal_name = \"Zoe{bad}x\""),
            format!("email = \"zoe{bad}@example.org\""),
        ] {
            let text = zoe(&lines);
            assert_only(&text, Code::BadText);
        }
        let role = with_sections(&format!(
            "[roles.clerk]\ndescription = \"Reads{bad}\"\ngrants = [{{ can = [\"client.view\"], on = \"all\" }}]\n"
        ));
        assert_only(&role, Code::BadText);
        let capability = with_sections(&format!(
            "[capabilities]\n\"rx.prescribe\" = {{ scope = \"client\", description = \"Rx{bad}\" }}\n"
        ));
        assert_only(&capability, Code::BadText);
        let reason = with_clients(&format!(
            "C-2 = {{ primary = \"bob\", temporary = [{{ member = \"sue\", until = 2026-12-31, reason = \"Cover{bad}\" }}] }}"
        ));
        assert_only(&reason, Code::BadText);
        let practice = practice_text("", "", "").replacen(
            "Riverbend Counseling",
            &format!("Riverbend{bad}"),
            1,
        );
        assert_only(&practice, Code::BadText);
    }
    // A literal multi-line string is free text with a newline in it too.
    assert_only(&zoe("legal_name = '''\nZoe\n'''"), Code::BadText);
}

#[test]
fn p038_names_the_field_and_what_to_do() {
    let text = trigger(Code::BadText);
    let found = finding(&text, Code::BadText);
    assert_eq!(
        found.message,
        "`name` of member `zoe` holds a control character (U+001B)"
    );
    assert!(found.hint.contains("plain text"), "{}", found.hint);
    // The span is the value, so the caret points at it.
    assert_eq!(&text[found.span.range()], "\"Zoe\\u001b[2J\"");
}

#[test]
fn p038_required_text_needs_something_visible() {
    for invisible in [
        "",
        "   ",
        "\\u200b",
        "\\u200c\\u200d",
        "\\u2060",
        "\\ufeff",
        "\\u3000",
    ] {
        let text = zoe(&format!("name = \"{invisible}\""));
        assert_only(&text, Code::BadText);
        assert!(
            finding(&text, Code::BadText)
                .message
                .contains("no visible character"),
            "{invisible}"
        );
        let practice = practice_text("", "", "").replacen(
            "\"Riverbend Counseling\"",
            &format!("\"{invisible}\""),
            1,
        );
        assert_only(&practice, Code::BadText);
        // A reason with nothing visible is a missing reason (SPEC §7).
        let reason = with_clients(&format!(
            "C-2 = {{ primary = \"bob\", temporary = [{{ member = \"sue\", until = 2026-12-31, reason = \"{invisible}\" }}] }}"
        ));
        assert_only(&reason, Code::TemporaryWithoutReason);
    }
    // Optional text may be empty; visible text around spaces is fine.
    assert_clean(&zoe("legal_name = \"\""));
    assert_clean(&zoe("name = \" Zoë Ng \""));
    assert_clean(&with_sections(
        "[roles.clerk]\ndescription = \"\"\ngrants = [{ can = [\"client.view\"], on = \"all\" }]\n",
    ));
}

#[test]
fn p039_email_has_one_at_and_no_whitespace() {
    assert_only(&trigger(Code::BadEmail), Code::BadEmail);
    for bad in [
        "zoe@@example.org",
        "zoe@a@example.org",
        "zoe @example.org",
        "zoe@example.org\\u00a0",
        "",
    ] {
        assert_only(&zoe(&format!("email = \"{bad}\"")), Code::BadEmail);
    }
    assert_clean(&zoe("email = \"zoe+desk@example.org\""));
}

// ---------------------------------------------------------------------------
// GitHub logins.

#[test]
fn p040_github_login_must_be_a_login() {
    assert_only(&trigger(Code::BadGithubLogin), Code::BadGithubLogin);
    for bad in [
        "",
        "-zoe",
        "zoe-",
        "zo--e",
        "zoe_n",
        "https://github.com/zoe",
        "zoe\\n",
    ] {
        let text = zoe(&format!("github = \"{bad}\""));
        assert_has(&text, Code::BadGithubLogin);
    }
    assert_only(
        &zoe(&format!("github = \"{}\"", "z".repeat(40))),
        Code::BadGithubLogin,
    );
    assert_clean(&zoe(&format!("github = \"{}\"", "z".repeat(39))));
    assert_clean(&zoe("github = \"Zoe-N2\""));
    // Not a string: a wrong type, read as no login.
    assert_only(&zoe("github = 42"), Code::WrongType);
}

#[test]
fn p041_github_logins_are_unique_ignoring_case() {
    let text = trigger(Code::DuplicateGithubLogin);
    assert_only(&text, Code::DuplicateGithubLogin);
    assert!(
        finding(&text, Code::DuplicateGithubLogin)
            .message
            .contains("`zoe`")
    );
    assert_clean(&with_sections(
        "[members.zoe]\nname = \"Zoe\"\nroles = [\"scheduler\"]\ngithub = \"zoe-n\"\n\
         [members.zed]\nname = \"Zed\"\nroles = [\"scheduler\"]\ngithub = \"zed-n\"\n",
    ));
}
