#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot set up should panic"
)]

//! Dynamic completion: with `COMPLETE=SHELL` praxis completes member ids,
//! client ids, roles and capabilities from the practice file it would use
//! (`$PRAXIS_FILE`, else the nearest `practice.toml`). Asked as fish asks
//! (one `value<TAB>help` per line), and the registration scripts for bash,
//! zsh and fish.

mod common;

fn complete(dir: &std::path::Path, words: &[&str]) -> Vec<String> {
    let mut command = common::praxis_in(dir);
    command
        .env("COMPLETE", "fish")
        .arg("--")
        .arg("praxis")
        .args(words);
    let run = common::run(&mut command);
    assert_eq!(run.code, 0, "{words:?}: {}", run.stderr);
    run.stdout
        .lines()
        .map(|l| l.split('\t').next().unwrap().to_string())
        .collect()
}

#[test]
fn ids_roles_and_capabilities_come_from_the_practice_file() {
    let dir = common::root().join("examples/therapynotes");
    let members = complete(&dir, &["member", "show", "b"]);
    assert_eq!(members, ["bob", "ben"]);
    let clients = complete(&dir, &["client", "grant", "C-100"]);
    assert_eq!(clients.len(), 9, "{clients:?}");
    assert!(clients.iter().all(|c| c.starts_with("C-100")));
    // The member after the client.
    assert!(complete(&dir, &["client", "grant", "C-1001", "d"]).contains(&"dev".to_string()));
    let roles = complete(&dir, &["role", "grant", "bob", "cl"]);
    assert_eq!(roles, ["clinician", "clinical-admin"]);
    let capabilities = complete(&dir, &["access", "who", "clinical.v"]);
    assert_eq!(capabilities, ["clinical.view"]);
    assert!(complete(&dir, &["--as", "no"]).contains(&"nora".to_string()));
    assert!(
        complete(
            &dir,
            &[
                "access",
                "check",
                "bob",
                "clinical.view",
                "--client",
                "C-101"
            ]
        )
        .contains(&"C-1010".to_string())
    );
}

#[test]
fn without_a_file_roles_and_capabilities_are_the_catalog_and_ids_are_none() {
    let dir = tempfile::tempdir().unwrap();
    assert!(complete(dir.path(), &["member", "show", "b"]).is_empty());
    assert!(complete(dir.path(), &["role", "show", "sup"]).contains(&"supervisor".to_string()));
    assert!(
        complete(dir.path(), &["access", "who", "billing."]).contains(&"billing.view".to_string())
    );
}

#[test]
fn each_shell_gets_a_registration_script() {
    for shell in ["bash", "zsh", "fish"] {
        let mut command = common::praxis();
        command.env("COMPLETE", shell);
        let run = common::run(&mut command);
        assert_eq!(run.code, 0, "{shell}: {}", run.stderr);
        assert!(run.stdout.contains("praxis"), "{shell}: {}", run.stdout);
    }
}
