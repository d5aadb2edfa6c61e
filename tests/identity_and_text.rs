#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot set up should panic"
)]

//! SPEC §8 (revision 3) through the binary: ids unique regardless of letter
//! case also for roles and custom capabilities, free text without control
//! or bidirectional characters (in the file and in arguments), GitHub
//! logins on members and `--as @LOGIN`.

mod common;

use common::{Fixture, RIVERBEND as PRACTICE, Run};

/// The fixture with `old` replaced by `new` (exactly once).
fn edited(old: &str, new: &str) -> String {
    assert_eq!(PRACTICE.matches(old).count(), 1, "{old:?}");
    PRACTICE.replacen(old, new, 1)
}

/// The fixture with extra sections before `[clients]`.
fn with_sections(sections: &str) -> String {
    edited("[clients]\n", &format!("{sections}\n[clients]\n"))
}

#[track_caller]
fn assert_finding(run: &Run, code: &str) {
    assert_eq!(
        run.code, 1,
        "stdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
    assert!(
        run.stdout.contains(&format!("error[{code}]")),
        "expected {code}:\n{}",
        run.stdout
    );
}

// ---------------------------------------------------------------------------
// Case-insensitive role ids and capability names.

#[test]
fn validate_refuses_a_custom_role_differing_from_a_builtin_only_in_case() {
    let fixture = Fixture::new(&with_sections(
        "[roles.Clinician]\ngrants = [{ can = [\"client.view\"], on = \"all\" }]\n",
    ));
    let run = fixture.run(&["validate"]);
    assert_finding(&run, "P008");
    assert!(run.stdout.contains("[roles.clinician]"), "{}", run.stdout);
    // Replacing the built-in role under its exact id is fine.
    let fixture = Fixture::new(&with_sections(
        "[roles.clinician]\ngrants = [{ can = [\"clinical.write\", \"clinical.view\", \"clinical.cosign\"], on = \"assigned\" }]\n",
    ));
    let run = fixture.run(&["validate"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn validate_refuses_capabilities_and_roles_differing_only_in_case() {
    let builtin = Fixture::new(&with_sections(
        "[capabilities]\n\"Clinical.View\" = { scope = \"client\", description = \"x\" }\n",
    ));
    assert_finding(&builtin.run(&["validate"]), "P036");
    let twice = Fixture::new(&with_sections(
        "[capabilities]\n\"rx.prescribe\" = { scope = \"client\" }\n\"Rx.Prescribe\" = { scope = \"client\" }\n",
    ));
    assert_finding(&twice.run(&["validate"]), "P008");
    let roles = Fixture::new(&with_sections(
        "[roles.clerk]\ngrants = [{ can = [\"client.view\"], on = \"all\" }]\n\
         [roles.CLERK]\ngrants = [{ can = [\"client.view\"], on = \"all\" }]\n",
    ));
    assert_finding(&roles.run(&["validate"]), "P008");
    // Queries on such a file are errors, never decisions.
    let run = roles.run(&[
        "access",
        "check",
        "bob",
        "client.view",
        "--client",
        "C-1001",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
}

// ---------------------------------------------------------------------------
// Free text in the file.

#[test]
fn validate_reports_control_characters_and_bad_emails_with_their_own_codes() {
    let fixture = Fixture::new(&edited(
        "name = \"Dave Okafor\"",
        "name = \"Dave\\u001b[2J\\u202eOkafor\"\nemail = \"dave@@riverbend.example\"",
    ));
    let run = fixture.run(&["validate"]);
    assert_finding(&run, "P038");
    assert_finding(&run, "P039");
    assert!(
        run.stdout
            .contains("`name` of member `dave` holds a control character (U+001B)"),
        "{}",
        run.stdout
    );
    // Every other command refuses the file (exit 2), with the findings.
    let run = fixture.run(&[
        "access",
        "check",
        "bob",
        "client.view",
        "--client",
        "C-1001",
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("P038"), "{}", run.stderr);
}

#[test]
fn validate_reports_a_member_name_of_zero_width_characters() {
    let fixture = Fixture::new(&edited(
        "name = \"Dave Okafor\"",
        "name = \"\\u200b\\u200d \"",
    ));
    let run = fixture.run(&["validate", "--format", "json"]);
    assert_eq!(run.code, 1);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let codes: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error")
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["P038"]);
}

// ---------------------------------------------------------------------------
// Free text in arguments: a usage error (exit 2), the file untouched.

#[track_caller]
fn assert_usage_error(fixture: &Fixture, args: &[&str], option: &str) {
    let before = fixture.text();
    let run = fixture.run(args);
    assert_eq!(run.code, 2, "{args:?}\n{}", run.stderr);
    // Control and bidi characters are refused before clap reads the
    // arguments (src/arguments.rs), naming the argument by position and
    // showing it escaped; the other rules name the option.
    assert!(
        run.stderr.contains(option)
            || run
                .stderr
                .contains("may hold a control, separator or bidirectional character"),
        "{args:?}: the message names {option}:\n{}",
        run.stderr
    );
    // The value is not echoed back: its escape sequences stay off the terminal.
    assert!(!run.stderr.contains('\u{1b}'), "{}", run.stderr);
    assert_eq!(fixture.text(), before, "{args:?} changed the file");
}

#[test]
fn member_and_client_arguments_that_become_free_text_are_checked() {
    let fixture = Fixture::new(PRACTICE);
    let bad = [
        ("--name", "Zoe\n[members.x]"),
        ("--name", "\u{200b} "),
        ("--legal-name", "Zoe\u{1b}[2J"),
        ("--legal-name", "Zoe\u{202e}gnp.exe"),
        ("--email", "zoe example.org"),
        ("--email", "zoe@@example.org"),
        ("--email", "zoe.example.org"),
    ];
    for (option, value) in bad {
        assert_usage_error(
            &fixture,
            &[
                "--as", "alice", "member", "add", "zoe", "--name", "Zoe", option, value,
            ],
            option,
        );
        assert_usage_error(
            &fixture,
            &["--as", "alice", "member", "edit", "dave", option, value],
            option,
        );
    }
    for reason in ["Cover\r\nfor bob", "   ", "\u{2066}Cover"] {
        assert_usage_error(
            &fixture,
            &[
                "--as",
                "alice",
                "client",
                "grant",
                "C-1001",
                "gina",
                "--until",
                "2099-01-31",
                "--reason",
                reason,
            ],
            "--reason",
        );
    }
    // Clean values still work.
    let run = fixture.run(&[
        "--as",
        "alice",
        "member",
        "add",
        "zoe",
        "--name",
        "Zoë Ng",
        "--legal-name",
        "Zoë Ng-Park",
        "--email",
        "zoe@riverbend.example",
        "--role",
        "scheduler",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// SPEC §9.1: one table of forbidden characters serves the file, the
/// arguments and the environment. Every character of
/// `praxis::rules::text::FORBIDDEN` goes through each path, so one added
/// to the table is covered here without touching this test.
#[test]
fn every_forbidden_character_is_refused_in_the_file_arguments_and_environment() {
    let fixture = Fixture::new(PRACTICE);
    let before = fixture.text();
    for c in praxis::rules::text::forbidden_characters() {
        let code = format!("U+{:04X}", u32::from(c));
        // The file's free text: a finding with the free-text code.
        let file = Fixture::new(&edited(
            "name = \"Dave Okafor\"",
            &format!("name = \"Dave\\u{:04X}Okafor\"", u32::from(c)),
        ));
        let run = file.run(&["validate"]);
        assert_finding(&run, "P038");
        assert!(run.stdout.contains(&code), "{code}: {}", run.stdout);
        // No argument or environment variable can hold U+0000: the
        // operating system ends the string there.
        if c == '\0' {
            continue;
        }
        let value = format!("Dave{c}Okafor");
        // An argument, free text or not: refused before clap reads it.
        for args in [
            vec!["--as", "alice", "member", "edit", "dave", "--name", &value],
            vec![
                "access",
                "check",
                &value,
                "client.view",
                "--client",
                "C-1001",
            ],
        ] {
            let run = fixture.run(&args);
            assert_eq!(run.code, 2, "{code} {args:?}: {}", run.stderr);
            assert!(run.stderr.contains(&code), "{code}: {}", run.stderr);
            assert!(
                !run.stderr.trim_end_matches('\n').contains(c),
                "{code} echoed raw: {}",
                run.stderr
            );
        }
        // An environment variable of praxis's own.
        for variable in ["PRAXIS_ACTOR", "PRAXIS_LOCK_TIMEOUT"] {
            let mut command = fixture.bare();
            command
                .env(variable, &value)
                .arg("-f")
                .arg(&fixture.path)
                .arg("validate");
            let run = common::run(&mut command);
            assert_eq!(run.code, 2, "{code} ${variable}: {}", run.stderr);
            assert!(
                run.stderr.contains(&format!("${variable} holds")),
                "{}",
                run.stderr
            );
            assert!(
                !run.stderr.trim_end_matches('\n').contains(c),
                "{code} echoed raw: {}",
                run.stderr
            );
        }
    }
    assert_eq!(fixture.text(), before);
}

#[test]
fn init_cannot_write_toml_through_a_name() {
    let fixture = Fixture::empty();
    let injected = "Evil\n[members.mallory]\nname = \"M\"\nroles = [\"administrator\"]\n#";
    for args in [
        vec![
            "init",
            "--name",
            injected,
            "--owner",
            "olive",
            "--owner-name",
            "Olive",
        ],
        vec![
            "init",
            "--name",
            "Ok",
            "--owner",
            "olive",
            "--owner-name",
            injected,
        ],
        vec![
            "init",
            "--name",
            "Ok",
            "--owner",
            "olive",
            "--owner-name",
            " ",
        ],
        vec![
            "init",
            "--name",
            "Ok",
            "--owner",
            "olive",
            "--owner-name",
            "Olive",
            "--owner-email",
            "olive\n@x",
        ],
    ] {
        let run = fixture.run(&args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(!fixture.path.exists(), "{args:?} wrote a file");
    }
    // And the function that writes the file escapes the comment on its own.
    let text = praxis::changes::init_text(injected, "olive", "Olive", None);
    let document: toml_edit::DocumentMut = text.parse().expect("TOML");
    let members: Vec<&str> = document["members"]
        .as_table()
        .unwrap()
        .iter()
        .map(|(id, _)| id)
        .collect();
    assert_eq!(members, ["olive"], "{text}");
    let run = fixture.run(&[
        "init",
        "--name",
        "Ok Practice",
        "--owner",
        "olive",
        "--owner-name",
        "Olive",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

// ---------------------------------------------------------------------------
// GitHub logins and `--as @LOGIN`.

/// The fixture with logins for alice (administrator) and bob (clinician).
fn with_logins() -> String {
    edited(
        "email = \"alice@riverbend.example\"",
        "email = \"alice@riverbend.example\"\ngithub = \"alice-moreno\"",
    )
    .replacen(
        "name    = \"Bob Lindqvist\"     # aligned by hand",
        "name    = \"Bob Lindqvist\"     # aligned by hand\ngithub = \"BobL\"",
        1,
    )
}

#[test]
fn validate_checks_github_logins() {
    let fixture = Fixture::new(&with_logins().replacen("\"BobL\"", "\"@bobl\"", 1));
    assert_finding(&fixture.run(&["validate"]), "P040");
    let fixture = Fixture::new(&with_logins().replacen("\"BobL\"", "\"Alice-Moreno\"", 1));
    let run = fixture.run(&["validate"]);
    assert_finding(&run, "P041");
    assert!(run.stdout.contains("member `alice`'s"), "{}", run.stdout);
    let fixture = Fixture::new(&with_logins());
    assert_eq!(fixture.run(&["validate"]).code, 0);
}

#[test]
fn diff_as_at_login_judges_the_member_with_that_login_in_old() {
    let fixture = Fixture::new(&with_logins());
    let old = fixture.write("old.toml", &with_logins());
    // bob (a clinician) grants gina access to his own client: his to make.
    let granted = with_logins().replacen(
        "C-1001 = { primary = \"bob\" }",
        "C-1001 = { primary = \"bob\", clinicians = [\"gina\"] }",
        1,
    );
    let new = fixture.write("new.toml", &granted);
    let (old, new) = (old.to_str().unwrap(), new.to_str().unwrap());
    let run = fixture.run(&["diff", old, new, "--as", "@bobl"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("bob (@bobl)"), "{}", run.stdout);
    let run = fixture.run(&["diff", old, new, "--as", "@bobl", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["actor"], "bob");
    // frank (a biller) may not; nor may a login that is nobody's.
    let run = fixture.run(&["diff", old, new, "--as", "frank"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let run = fixture.run(&["diff", old, new, "--as", "@nobody-here"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("unknown GitHub login `@nobody-here`"),
        "{}",
        run.stderr
    );
    // A login is never read as a member id, nor an id as a login.
    let run = fixture.run(&["diff", old, new, "--as", "@bob"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let run = fixture.run(&["diff", old, new, "--as", "bobl"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let run = fixture.run(&["diff", old, new, "--as", "@bad\u{1b}[2J"]);
    assert_eq!(run.code, 2);
    assert!(!run.stderr.contains('\u{1b}'), "{}", run.stderr);
}

#[test]
fn diff_as_a_login_added_in_new_is_unknown() {
    // The actor is looked up in OLD: a PR cannot add its author's login
    // and be judged as the member it names.
    let fixture = Fixture::new(PRACTICE);
    let old = fixture.write("old.toml", PRACTICE);
    let new = fixture.write("new.toml", &with_logins());
    let run = fixture.run(&[
        "diff",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        "--as",
        "@alice-moreno",
    ]);
    assert_eq!(run.code, 2, "{}", run.stdout);
}

#[test]
fn changing_a_github_login_needs_members_manage() {
    let fixture = Fixture::new(&with_logins());
    let old = fixture.write("old.toml", &with_logins());
    // bob points alice's login at himself... by renaming his own to hers
    // and hers to something else: an identity change.
    let swapped = with_logins()
        .replacen("\"alice-moreno\"", "\"alice-old\"", 1)
        .replacen("\"BobL\"", "\"alice-moreno\"", 1);
    let new = fixture.write("new.toml", &swapped);
    let (old, new) = (old.to_str().unwrap(), new.to_str().unwrap());
    let run = fixture.run(&["diff", old, new, "--as", "@bobl"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains("change github of member bob"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("members.manage"), "{}", run.stdout);
    let run = fixture.run(&["diff", old, new, "--as", "@alice-moreno"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    // Letter case alone changes no login.
    let recased = fixture.write(
        "recased.toml",
        &with_logins().replacen("\"BobL\"", "\"bobl\"", 1),
    );
    let run = fixture.run(&["diff", old, recased.to_str().unwrap(), "--as", "dave"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn member_commands_set_show_and_clear_the_login() {
    let fixture = Fixture::new(&with_logins());
    // Mutations accept `--as @LOGIN` through the same resolver.
    let run = fixture.run(&[
        "--as",
        "@ALICE-MORENO",
        "member",
        "edit",
        "dave",
        "--github",
        "dave-o",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        fixture.text().contains("github = \"dave-o\""),
        "{}",
        fixture.text()
    );
    let run = fixture.run(&["member", "show", "dave", "--format", "json"]);
    let shown: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(shown["github"], "dave-o");
    let run = fixture.run(&["member", "show", "dave"]);
    assert!(run.stdout.contains("dave-o"), "{}", run.stdout);
    // A clinician may not set logins: members.manage.
    let run = fixture.run(&[
        "--as", "@bobl", "member", "edit", "dave", "--github", "dave-x",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    // A login taken (in any case) is refused by validation; a malformed one
    // is a usage error.
    let run = fixture.run(&[
        "--as", "alice", "member", "edit", "dave", "--github", "bobl",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("P041"), "{}", run.stderr);
    for bad in ["@dave", "dave_o", "-dave"] {
        let run = fixture.run(&["--as", "alice", "member", "edit", "dave", "--github", bad]);
        assert_eq!(run.code, 2, "{bad}: {}", run.stderr);
    }
    let run = fixture.run(&[
        "--as",
        "alice",
        "member",
        "add",
        "zoe",
        "--name",
        "Zoe",
        "--role",
        "scheduler",
        "--github",
        "zoe-n",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(fixture.text().contains("github = \"zoe-n\""));
    let run = fixture.run(&[
        "--as", "alice", "member", "edit", "dave", "--clear", "github",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!fixture.text().contains("dave-o"));
    // An unknown login as the actor of a change is exit 2.
    let run = fixture.run(&["--as", "@ghost", "member", "edit", "dave", "--name", "D"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("unknown GitHub login"),
        "{}",
        run.stderr
    );
}
