#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot set up should panic"
)]

//! `praxis export --to openfga`: the files it writes, `--check` failing on
//! a hand edit, `--diff` printing the tuple changes, and the usage errors.
//! The engine's agreement with praxis is `tests/export_equivalence.rs`.

mod common;

const EXAMPLE: &str = "examples/therapynotes/practice.toml";

fn run(dir: &std::path::Path, args: &[&str]) -> common::Run {
    let mut command = common::praxis_in(dir);
    command
        .arg("-f")
        .arg(common::root().join(EXAMPLE))
        .args(args);
    common::run(&mut command)
}

#[test]
fn writes_the_model_and_tuples_and_checks_them() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["export", "--to", "openfga", "--out", "fga"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let fga = dir.path().join("fga");
    let model = std::fs::read_to_string(fga.join("model.fga")).unwrap();
    assert!(model.starts_with("model\n  schema 1.1\n"));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fga.join("model.json")).unwrap()).unwrap();
    assert_eq!(json["schema_version"], "1.1");
    let tuples: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(fga.join("tuples.json")).unwrap()).unwrap();
    assert!(tuples.iter().any(|t| t["user"] == "member:bob"
        && t["relation"] == "primary"
        && t["object"] == "client:C-1001"));
    let check = run(dir.path(), &["export", "--to", "openfga", "--check", "fga"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    // A hand edit on the engine's side fails the check.
    std::fs::write(fga.join("tuples.json"), "[]\n").unwrap();
    let stale = run(dir.path(), &["export", "--to", "openfga", "--check", "fga"]);
    assert_eq!(stale.code, 1);
    assert!(stale.stderr.contains("tuples.json"), "{}", stale.stderr);
    // A missing directory is stale too, not a pass.
    let missing = run(
        dir.path(),
        &["export", "--to", "openfga", "--check", "nowhere"],
    );
    assert_eq!(missing.code, 1);
}

#[test]
fn diff_prints_writes_and_deletes_and_nothing_for_the_same_file() {
    let dir = tempfile::tempdir().unwrap();
    let same = run(
        dir.path(),
        &[
            "export",
            "--to",
            "openfga",
            "--diff",
            common::root().join(EXAMPLE).to_str().unwrap(),
        ],
    );
    assert_eq!(same.code, 0, "{}", same.stderr);
    let changes: serde_json::Value = serde_json::from_str(&same.stdout).unwrap();
    assert_eq!(changes["writes"]["tuple_keys"], serde_json::json!([]));
    assert_eq!(changes["deletes"]["tuple_keys"], serde_json::json!([]));
}

#[test]
fn an_export_with_nowhere_to_go_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let none = run(dir.path(), &["export", "--to", "openfga"]);
    assert_eq!(none.code, 2);
    assert!(none.stderr.contains("--out DIR"), "{}", none.stderr);
    let unknown = run(dir.path(), &["export", "--to", "zanzibar", "--out", "x"]);
    assert_eq!(unknown.code, 2);
}

#[test]
fn cedar_writes_schema_policies_and_entities_and_checks_them() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["export", "--to", "cedar", "--out", "cedar"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let cedar = dir.path().join("cedar");
    let policies = std::fs::read_to_string(cedar.join("policies.cedar")).unwrap();
    assert!(policies.contains(
        "permit (principal == Praxis::Member::\"nora\", action, resource in Praxis::Practice::\"main\");"
    ));
    assert!(
        std::fs::read_to_string(cedar.join("praxis.cedarschema"))
            .unwrap()
            .contains("entity Client in [Practice]")
    );
    let entities: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(cedar.join("entities.json")).unwrap())
            .unwrap();
    assert!(entities.as_array().unwrap().len() > 40);
    let check = run(dir.path(), &["export", "--to", "cedar", "--check", "cedar"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    std::fs::write(
        cedar.join("policies.cedar"),
        "permit (principal, action, resource);\n",
    )
    .unwrap();
    let stale = run(dir.path(), &["export", "--to", "cedar", "--check", "cedar"]);
    assert_eq!(stale.code, 1);
    assert!(stale.stderr.contains("--to cedar"), "{}", stale.stderr);
    // Tuple changes are OpenFGA's.
    let diff = run(dir.path(), &["export", "--to", "cedar", "--base", "HEAD"]);
    assert_eq!(diff.code, 2);
}

#[test]
fn rego_writes_the_policy_and_data_and_checks_them() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["export", "--to", "rego", "--out", "opa"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let opa = dir.path().join("opa");
    assert!(
        std::fs::read_to_string(opa.join("praxis.rego"))
            .unwrap()
            .contains("package praxis")
    );
    let data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(opa.join("data.json")).unwrap()).unwrap();
    assert_eq!(data["praxis"]["owner"], "nora");
    assert_eq!(
        data["praxis"]["clients"]["C-1005"]["temporary"]["dev"],
        "2027-08-31"
    );
    let check = run(dir.path(), &["export", "--to", "rego", "--check", "opa"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
}

/// `--base REV` compares with the practice file at a git revision: a grant
/// made since is one tuple to write.
#[test]
fn base_prints_the_tuples_a_change_since_a_revision_writes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        common::root().join(EXAMPLE),
        dir.path().join("practice.toml"),
    )
    .unwrap();
    let git = |args: &[&str]| {
        let status = std::process::Command::new("git")
            .current_dir(dir.path())
            .args(args)
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.org")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@example.org")
            .status()
            .unwrap();
        assert!(status.success(), "git {args:?}");
    };
    git(&["init", "-q"]);
    git(&["add", "practice.toml"]);
    git(&["commit", "-qm", "base"]);
    let mut grant = common::praxis_in(dir.path());
    grant.args(["--as", "nora", "client", "grant", "C-1001", "dev"]);
    assert_eq!(common::run(&mut grant).code, 0);
    let mut export = common::praxis_in(dir.path());
    export.args(["export", "--to", "openfga", "--base", "HEAD"]);
    let run = common::run(&mut export);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let changes: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        changes["writes"]["tuple_keys"],
        serde_json::json!([{ "user": "member:dev", "relation": "clinician", "object": "client:C-1001" }])
    );
    assert_eq!(changes["deletes"]["tuple_keys"], serde_json::json!([]));
}

/// The owner is optional (SPEC §2): a practice without one exports no
/// owner at all — no `member:` tuple with an empty id, no owner permit,
/// a null owner for Rego — and `--diff` from it deletes nothing invalid.
#[test]
fn a_practice_without_an_owner_exports_no_owner() {
    let text = std::fs::read_to_string(common::root().join(EXAMPLE)).unwrap();
    let ownerless = common::edit(&text, "\nowner = \"nora\"\n", "\n");
    let fixture = common::Fixture::new(&ownerless);
    assert_eq!(fixture.run(&["validate"]).code, 0);
    let out = fixture.dir.path().join("out");
    for target in ["openfga", "cedar", "rego"] {
        let run = fixture.run(&[
            "export",
            "--to",
            target,
            "--out",
            out.join(target).to_str().unwrap(),
        ]);
        assert_eq!(run.code, 0, "{target}: {}", run.stderr);
    }
    let tuples = std::fs::read_to_string(out.join("openfga/tuples.json")).unwrap();
    assert!(!tuples.contains("\"member:\""), "an empty member id");
    assert!(!tuples.contains("\"relation\": \"owner\""));
    let policies = std::fs::read_to_string(out.join("cedar/policies.cedar")).unwrap();
    assert!(!policies.contains("@id(\"owner\")"));
    let data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("rego/data.json")).unwrap())
            .unwrap();
    assert!(data["praxis"]["owner"].is_null());
    // From the example (with its owner) to the ownerless file: the owner
    // tuple is deleted, and no tuple anywhere has an empty id.
    let old = fixture.write("old.toml", &text);
    let run = fixture.run(&["export", "--to", "openfga", "--diff", old.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains("\"member:\""), "{}", run.stdout);
    assert!(run.stdout.contains("\"relation\": \"owner\""));
}

/// OpenFGA names a capability with `.` and `-` replaced by `_`, so a
/// custom capability `clinical_view` would be the built-in `clinical.view`
/// there, and a grant of it would read notes. Such a practice is not
/// exported to OpenFGA (exit 2, nothing written, and no tuples to apply);
/// Cedar and Rego, which keep the names, export it.
#[test]
fn capabilities_that_become_one_openfga_relation_are_not_exported() {
    let text = std::fs::read_to_string(common::root().join(EXAMPLE)).unwrap();
    for custom in ["clinical_view", "clinical-view"] {
        let clashing = common::edit(
            &text,
            "\nowner = \"nora\"\n",
            &format!("\nowner = \"nora\"\n\n[capabilities]\n\"{custom}\" = {{ scope = \"client\", description = \"Chart index\" }}\n"),
        )
        .replacen(
            "roles = [\"administrator\", \"scheduler\", \"biller\"]\n",
            &format!("roles = [\"administrator\", \"scheduler\", \"biller\"]\ngrants = [{{ can = [\"{custom}\"], on = \"all\" }}]\n"),
            1,
        );
        let fixture = common::Fixture::new(&clashing);
        assert_eq!(fixture.run(&["validate"]).code, 0, "{custom}");
        let deny = fixture.run(&[
            "access",
            "check",
            "olga",
            "clinical.view",
            "--client",
            "C-1001",
        ]);
        assert_eq!(deny.stdout.trim(), "deny");
        let out = fixture.dir.path().join("fga");
        let old = fixture.write("old.toml", &text);
        for args in [
            vec!["export", "--to", "openfga", "--out", out.to_str().unwrap()],
            vec![
                "export",
                "--to",
                "openfga",
                "--check",
                out.to_str().unwrap(),
            ],
            vec!["export", "--to", "openfga", "--diff", old.to_str().unwrap()],
        ] {
            let run = fixture.run(&args);
            assert_eq!(run.code, 2, "{custom} {args:?}: {}", run.stdout);
            assert!(run.stdout.is_empty(), "no tuples to apply: {}", run.stdout);
            assert!(
                run.stderr.contains(&format!("capability `{custom}`"))
                    && run.stderr.contains("capability `clinical.view`"),
                "{}",
                run.stderr
            );
        }
        assert!(!out.exists(), "nothing written");
        for target in ["cedar", "rego"] {
            let dir = fixture.dir.path().join(target);
            let run = fixture.run(&["export", "--to", target, "--out", dir.to_str().unwrap()]);
            assert_eq!(run.code, 0, "{target}: {}", run.stderr);
        }
    }
}

/// `--check` passes only the export's own files, each a regular file with
/// the expected text: an added policy file (an engine loading the whole
/// directory would load it), a link, a FIFO or a directory in place of a
/// file fails it, and nothing there makes it hang.
#[cfg(unix)]
#[test]
fn check_fails_on_anything_but_the_exports_own_regular_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("opa");
    let fresh = || {
        let _ = std::fs::remove_dir_all(&out);
        let wrote = run(dir.path(), &["export", "--to", "rego", "--out", "opa"]);
        assert_eq!(wrote.code, 0, "{}", wrote.stderr);
        assert_eq!(
            run(dir.path(), &["export", "--to", "rego", "--check", "opa"]).code,
            0
        );
    };
    let check = || run(dir.path(), &["export", "--to", "rego", "--check", "opa"]);
    fresh();
    std::fs::write(
        out.join("backdoor.rego"),
        "package praxis\nallow if input.member == \"mallory\"\n",
    )
    .unwrap();
    let run_extra = check();
    assert_eq!(run_extra.code, 1);
    assert!(
        run_extra
            .stderr
            .contains("backdoor.rego (not part of the export)"),
        "{}",
        run_extra.stderr
    );

    fresh();
    let data = out.join("data.json");
    let elsewhere = dir.path().join("elsewhere.json");
    std::fs::rename(&data, &elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &data).unwrap();
    let run_link = check();
    assert_eq!(run_link.code, 1);
    assert!(
        run_link.stderr.contains("not a regular file"),
        "{}",
        run_link.stderr
    );

    fresh();
    std::fs::remove_file(&data).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(&data)
        .status()
        .unwrap();
    assert!(made.success());
    let started = std::time::Instant::now();
    let run_fifo = check();
    assert_eq!(run_fifo.code, 1);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "waited on a FIFO"
    );
    std::fs::remove_file(&data).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &data).unwrap();
    assert_eq!(check().code, 1);
}

/// `--out` replaces a link planted in the directory instead of writing
/// through it or copying its target's owner and mode; a directory in the
/// way is refused before any file is written.
#[cfg(unix)]
#[test]
fn out_replaces_a_planted_link_and_writes_nothing_when_it_cannot_write_all() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("fga");
    std::fs::create_dir(&out).unwrap();
    let victim = dir.path().join("victim");
    std::fs::write(&victim, "not the export\n").unwrap();
    std::fs::set_permissions(&victim, std::fs::Permissions::from_mode(0o666)).unwrap();
    std::os::unix::fs::symlink(&victim, out.join("tuples.json")).unwrap();
    let run_link = run(dir.path(), &["export", "--to", "openfga", "--out", "fga"]);
    assert_eq!(run_link.code, 0, "{}", run_link.stderr);
    assert_eq!(
        std::fs::read_to_string(&victim).unwrap(),
        "not the export\n"
    );
    let written = std::fs::symlink_metadata(out.join("tuples.json")).unwrap();
    assert!(written.is_file(), "the link was replaced by a file");
    assert_eq!(
        written.permissions().mode() & 0o777,
        0o600,
        "not the target's mode"
    );

    let other = dir.path().join("cedar");
    std::fs::create_dir_all(other.join("policies.cedar")).unwrap();
    let run_dir = run(dir.path(), &["export", "--to", "cedar", "--out", "cedar"]);
    assert_eq!(run_dir.code, 2, "{}", run_dir.stderr);
    assert!(
        run_dir.stderr.contains("nothing was written"),
        "{}",
        run_dir.stderr
    );
    assert!(
        !other.join("praxis.cedarschema").exists(),
        "a half-written export"
    );
}
