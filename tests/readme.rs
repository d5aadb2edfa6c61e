#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot set up should panic"
)]

//! The README runs: its two opening commands, the five-minute tour and the
//! recipes are executed here against the bundled examples and a fresh
//! practice in a temp directory.

use assert_cmd::Command;
use std::path::Path;

fn praxis(dir: &Path) -> Command {
    let mut command = Command::cargo_bin("praxis").unwrap();
    command
        .current_dir(dir)
        .env_remove("PRAXIS_FILE")
        .env_remove("PRAXIS_ACTOR")
        .env("NO_COLOR", "1");
    command
}

fn readme() -> String {
    std::fs::read_to_string("README.md").unwrap()
}

/// The lines of the README's first ```sh block.
fn first_commands() -> Vec<String> {
    let text = readme();
    let block = text
        .split("```sh\n")
        .nth(1)
        .unwrap()
        .split("```")
        .next()
        .unwrap();
    block.lines().map(str::to_string).collect()
}

#[test]
fn opens_with_a_check_on_an_example_and_the_test_command() {
    let commands = first_commands();
    assert_eq!(commands.len(), 2, "{commands:?}");
    assert!(commands[0].starts_with("cargo run -- "));
    assert_eq!(commands[1], "cargo test");
    // Run the first command's arguments against the built binary.
    let args: Vec<&str> = commands[0]
        .trim_start_matches("cargo run -- ")
        .split_whitespace()
        .collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    praxis(root)
        .args(&args)
        .assert()
        .success()
        .stdout(predicates::str::starts_with("allow\n"))
        .stdout(predicates::str::contains(
            "bob is the primary clinician of C-1001",
        ));
}

#[test]
fn ci_script_runs_the_readme_test_command() {
    let ci = std::fs::read_to_string(".ci/run").unwrap();
    assert!(ci.contains("\ncargo test\n"));
    assert!(ci.contains("cargo fmt --check"));
    assert!(ci.contains("cargo clippy --all-targets -- -D warnings"));
}

#[test]
fn the_tour_and_recipes_work_on_a_fresh_practice() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        praxis(dir.path())
            .env("PRAXIS_ACTOR", "alice")
            .args(args)
            .assert()
    };
    run(&[
        "init",
        "--name",
        "Riverbend Counseling",
        "--owner",
        "alice",
        "--owner-name",
        "Alice Moreno",
    ])
    .success();
    run(&[
        "member",
        "add",
        "bob",
        "--name",
        "Bob Lee",
        "--role",
        "clinician",
        "--npi",
        "1234567893",
    ])
    .success();
    run(&["role", "grant", "bob", "supervisor"]).success();
    run(&[
        "member",
        "add",
        "erin",
        "--name",
        "Erin Diaz",
        "--role",
        "intern",
        "--supervisor",
        "bob",
    ])
    .success();
    run(&[
        "member",
        "add",
        "dave",
        "--name",
        "Dave Kim",
        "--role",
        "scheduler",
    ])
    .success();
    run(&["client", "add", "C-1001", "--primary", "bob"]).success();
    run(&[
        "client",
        "grant",
        "C-1001",
        "erin",
        "--until",
        "2026-12-31",
        "--reason",
        "Covering while bob is on leave",
    ])
    .success()
    .stdout(predicates::str::contains(
        "erin can now read C-1001's clinical notes",
    ));
    run(&[
        "access",
        "check",
        "dave",
        "clinical.view",
        "--client",
        "C-1001",
        "--explain",
    ])
    .code(1);
    run(&["access", "who", "clinical.view", "--client", "C-1001"]).success();
    run(&["matrix"]).success();
    run(&["validate"]).success();
    run(&[
        "role",
        "grant",
        "erin",
        "clinician",
        "--replace",
        "intern",
        "--dry-run",
    ])
    .success()
    .stdout(predicates::str::contains("+roles = [\"clinician\"]"));
    // Recipes.
    run(&[
        "member",
        "add",
        "carol",
        "--name",
        "Carol Ng",
        "--email",
        "carol@riverbend.example",
        "--role",
        "clinician",
        "--npi",
        "1245319599",
        "--taxonomy",
        "101YM0800X",
    ])
    .success();
    run(&["role", "grant", "erin", "clinician", "--replace", "intern"]).success();
    run(&[
        "member",
        "edit",
        "erin",
        "--npi",
        "1679576722",
        "--bill-as-supervisor",
        "false",
    ])
    .success();
    run(&["client", "restrict", "C-1001"]).success();
    run(&[
        "member",
        "add",
        "ben",
        "--name",
        "Ben Ortiz",
        "--role",
        "biller",
    ])
    .success();
    run(&["client", "grant", "C-1001", "ben", "--administrative"]).success();
    run(&["role", "grant", "carol", "biller-assigned"]).success();
    run(&[
        "member",
        "remove",
        "bob",
        "--reassign-clients-to",
        "carol",
        "--reassign-supervisees-to",
        "carol",
    ])
    .code(1);
    run(&["supervision", "add", "erin", "--by", "carol"]).code(1);
    run(&["role", "grant", "carol", "supervisor"]).success();
    run(&[
        "member",
        "remove",
        "bob",
        "--reassign-clients-to",
        "carol",
        "--reassign-supervisees-to",
        "carol",
    ])
    .success();
    run(&["review", "--format", "markdown"]).success();
    run(&["validate", "--strict"]).success();
}
