#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot set up should panic"
)]

//! `-f -`: every read-only command reads the practice from standard input;
//! a change refuses it (there is no file to write) unless it only shows its
//! diff, and commands that need stdin or a directory for something else
//! say so. Nothing is ever written to a file named `-`.

mod common;

use common::Run;

const EXAMPLE: &str = "examples/therapynotes/practice.toml";

fn piped(dir: &std::path::Path, args: &[&str]) -> Run {
    let text = std::fs::read(common::root().join(EXAMPLE)).unwrap();
    let mut command = common::praxis_in(dir);
    command.args(["-f", "-"]).args(args).write_stdin(text);
    common::run(&mut command)
}

fn from_file(args: &[&str]) -> Run {
    let mut command = common::praxis();
    command.args(["-f", EXAMPLE]).args(args);
    common::run(&mut command)
}

#[test]
fn read_only_commands_answer_from_stdin_as_from_the_file() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        vec![
            "access",
            "check",
            "bob",
            "clinical.view",
            "--client",
            "C-1001",
        ],
        vec![
            "access",
            "check",
            "sara",
            "clinical.view",
            "--client",
            "C-1001",
        ],
        vec!["access", "who", "clinical.view", "--client", "C-1005"],
        vec!["access", "list", "dev", "--format", "json"],
        vec!["member", "list", "--format", "csv"],
        vec!["client", "show", "C-1005"],
        vec!["role", "list"],
        vec!["matrix", "--format", "csv"],
        vec!["review", "--format", "json"],
    ] {
        let (stdin, file) = (piped(dir.path(), &args), from_file(&args));
        assert_eq!(
            (stdin.code, &stdin.stdout),
            (file.code, &file.stdout),
            "{args:?}"
        );
    }
    let validated = piped(dir.path(), &["validate"]);
    assert_eq!(validated.code, 0, "{}", validated.stderr);
    let tests = common::root().join("examples/therapynotes/practice.test.toml");
    let tested = piped(dir.path(), &["test", tests.to_str().unwrap()]);
    assert_eq!(tested.code, 0, "{}", tested.stderr);
}

#[test]
fn a_change_refuses_stdin_but_shows_its_diff() {
    let dir = tempfile::tempdir().unwrap();
    // A file named `-` beside it is not written either.
    std::fs::write(dir.path().join("-"), "untouched").unwrap();
    let change = ["--as", "nora", "member", "add", "zed", "--name", "Zed"];
    let refused = piped(dir.path(), &change);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(
        refused.stderr.contains("no file to change"),
        "{}",
        refused.stderr
    );
    let mut dry = change.to_vec();
    dry.push("--dry-run");
    let shown = piped(dir.path(), &dry);
    assert_eq!(shown.code, 0, "{}", shown.stderr);
    assert!(shown.stdout.contains("+[members.zed]"), "{}", shown.stdout);
    let init = piped(
        dir.path(),
        &["init", "--name", "X", "--owner", "o", "--owner-name", "O"],
    );
    assert_eq!(init.code, 2, "{}", init.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("-")).unwrap(),
        "untouched"
    );
}

#[test]
fn stdin_cannot_serve_twice() {
    let dir = tempfile::tempdir().unwrap();
    let batch = piped(dir.path(), &["access", "check", "--batch"]);
    assert_eq!(batch.code, 2);
    assert!(
        batch.stderr.contains("--batch reads its requests"),
        "{}",
        batch.stderr
    );
    let test = piped(dir.path(), &["test"]);
    assert_eq!(test.code, 2);
    assert!(
        test.stderr.contains("praxis -f - test FILE"),
        "{}",
        test.stderr
    );
}
