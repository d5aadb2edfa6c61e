//! The read-only command surface through the binary: `validate` (exit codes,
//! formats, findings on stdout), `access check` (decisions, every kind of
//! error, where the practice file comes from, global options, JSON, `--at`),
//! `access check --batch` (SPEC §4 and §7 "Batch") and the directory
//! listings (`member`, `client`, `role` list and show).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use assert_cmd::Command;
use common::{praxis, root};
use predicates::prelude::*;
use serde_json::Value;
use std::path::Path;

const EXAMPLES: [&str; 4] = [
    "therapynotes",
    "sessions-health",
    "community-ehr",
    "simplepractice",
];

const TN: &str = "examples/therapynotes/practice.toml";
const CE: &str = "examples/community-ehr/practice.toml";
const SP: &str = "examples/simplepractice/practice.toml";

fn example(name: &str) -> String {
    format!("examples/{name}/practice.toml")
}

fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn json_of(output: &std::process::Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not one JSON document ({e}):\n{}",
            stdout_of(output)
        )
    })
}

/// A practice with three errors (unknown role, unknown supervisor, unknown
/// key) and two warnings (a member with no roles, temporary access ending
/// on 2026-12-05).
const BROKEN: &str = r#"version = 1

[practice]
name = "Broken"
owner = "alice"

[members.alice]
name = "Alice"
roles = ["administrator", "clinician"]
npi = "1234567893"

[members.bob]
name = "Bob"
roles = ["clinican"]
supervisors = ["bobb"]

[members.carl]
name = "Carl"
rolez = []

[clients]
C-1 = { primary = "alice", temporary = [{ member = "bob", until = 2026-12-05, reason = "cover" }] }
"#;

/// A valid practice whose only finding is a warning about `bob`'s temporary
/// access to C-1, which holds through 2026-12-05.
const WARN: &str = r#"version = 1

[practice]
name = "Warn"
owner = "alice"

[members.alice]
name = "Alice"
roles = ["administrator", "clinician"]

[members.bob]
name = "Bob"
roles = ["clinician"]

[clients]
C-1 = { primary = "alice", temporary = [{ member = "bob", until = 2026-12-05, reason = "cover" }] }
"#;

/// A directory holding `practice.toml` with the given bytes.
fn practice_dir(contents: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("practice.toml"), contents).unwrap();
    dir
}

fn in_dir(dir: &Path) -> Command {
    let mut command = praxis();
    command.current_dir(dir);
    command
}

// ---------------------------------------------------------------- validate

#[test]
fn validate_passes_on_every_example_also_strict() {
    for name in EXAMPLES {
        for strict in [false, true] {
            let mut command = praxis();
            // As of a fixed day: the examples' temporary entries expire.
            command.args(["-f", &example(name), "validate", "--at", "2026-12-01"]);
            if strict {
                command.arg("--strict");
            }
            command
                .assert()
                .code(0)
                .stdout(predicate::str::contains("0 errors"))
                .stderr("");
        }
    }
}

#[test]
fn validate_reports_every_finding_as_text_on_stdout_exit_1() {
    let dir = practice_dir(BROKEN.as_bytes());
    let output = in_dir(dir.path())
        .args(["-f", "practice.toml", "validate", "--at", "2026-12-01"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stderr_of(&output), "", "findings go to stdout");
    let text = stdout_of(&output);
    for expected in [
        "practice.toml:14:10: error[P011]: unknown role `clinican`",
        "roles = [\"clinican\"]",
        "^^^^^^^^^^",
        "did you mean `clinician`?",
        "supervisor `bobb` is not a member",
        "did you mean `bob`?",
        "unknown key `rolez`",
        "did you mean `roles`?",
        // carl's "no roles" (P101) follows from the misspelled `rolez`:
        // reported, briefly, after the rest.
        "these follow from a misspelled key above",
        "warning[P101]",
        "warning[P105]",
        "3 errors, 2 warnings",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
}

#[test]
fn validate_json_is_one_document_with_every_finding() {
    let dir = practice_dir(BROKEN.as_bytes());
    let output = in_dir(dir.path())
        .args(["-f", "practice.toml", "validate", "--at", "2026-12-01"])
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stderr_of(&output), "");
    let report = json_of(&output);
    assert_eq!(report["valid"], false);
    assert_eq!(report["errors"], 3);
    assert_eq!(report["warnings"], 2);
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 5);
    let unknown_role = findings
        .iter()
        .find(|f| f["code"] == "P011")
        .expect("an unknown-role finding");
    assert_eq!(unknown_role["severity"], "error");
    assert_eq!(unknown_role["line"], 14);
    assert_eq!(unknown_role["column"], 10);
    assert_eq!(unknown_role["file"], "practice.toml");
    assert!(unknown_role["hint"].as_str().unwrap().contains("clinician"));
    for finding in findings {
        for key in [
            "code", "severity", "message", "hint", "file", "line", "column",
        ] {
            assert!(finding.get(key).is_some(), "{key} missing in {finding}");
        }
    }
}

#[test]
fn validate_github_prints_workflow_annotations() {
    let dir = practice_dir(BROKEN.as_bytes());
    let output = in_dir(dir.path())
        .args(["--format", "github", "-f", "practice.toml", "validate"])
        .args(["--at", "2026-12-01"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stderr_of(&output), "");
    let text = stdout_of(&output);
    let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 5, "{text}");
    assert_eq!(
        lines.iter().filter(|l| l.starts_with("::error ")).count(),
        3
    );
    assert_eq!(
        lines.iter().filter(|l| l.starts_with("::warning ")).count(),
        2
    );
    assert!(
        lines.iter().any(
            |l| l.starts_with("::error file=practice.toml,line=14,col=10")
                && l.contains("title=P011::")
        ),
        "{text}"
    );
}

#[test]
fn validate_toml_syntax_error_is_a_finding_exit_1() {
    let dir = practice_dir(b"version = 1\n[practice\nname = \"x\"\n");
    for format in ["table", "json", "github", "sarif"] {
        let output = in_dir(dir.path())
            .args(["validate", "--format", format])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{format}");
        assert_eq!(stderr_of(&output), "", "{format}");
        let text = stdout_of(&output);
        assert!(text.contains("P001"), "{format}: {text}");
    }
    in_dir(dir.path())
        .arg("validate")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("practice.toml:2:"))
        .stdout(predicate::str::contains("TOML syntax"));
}

#[test]
fn validate_non_utf8_file_is_a_finding_exit_1() {
    let dir = practice_dir(b"version = 1\n[practice]\nname = \"R\xe9sum\xe9\"\n");
    in_dir(dir.path())
        .arg("validate")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("not UTF-8"))
        .stdout(predicate::str::contains("practice.toml:3:"))
        .stderr("");
    let output = in_dir(dir.path())
        .args(["validate", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report = json_of(&output);
    assert_eq!(report["errors"], 1);
    assert_eq!(report["findings"][0]["line"], 3);
}

#[test]
fn validate_missing_file_is_exit_2_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let output = in_dir(dir.path())
        .args(["-f", "nowhere.toml", "validate"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout_of(&output), "");
    assert!(stderr_of(&output).contains("nowhere.toml"));
    // No file given and none found: also exit 2.
    in_dir(dir.path())
        .arg("validate")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no practice.toml found"));
}

#[test]
fn validate_strict_turns_a_warning_into_exit_1() {
    let dir = practice_dir(WARN.as_bytes());
    in_dir(dir.path())
        .args(["validate", "--at", "2026-12-01"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("warning[P105]"))
        .stdout(predicate::str::contains("0 errors, 1 warning"));
    in_dir(dir.path())
        .args(["validate", "--at", "2026-12-01", "--strict"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("P105"));
    let output = in_dir(dir.path())
        .args([
            "validate",
            "--at",
            "2026-12-01",
            "--strict",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(json_of(&output)["valid"], false);
}

#[test]
fn validate_at_moves_the_temporary_warnings() {
    let dir = practice_dir(WARN.as_bytes());
    let codes = |date: &str| -> Vec<String> {
        let output = in_dir(dir.path())
            .args(["validate", "--format", "json", "--at", date])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{date}");
        json_of(&output)["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap().to_string())
            .collect()
    };
    // until − date = 8 days: no warning; 7 and 0 days: expiring; after: expired.
    assert!(codes("2026-11-27").is_empty());
    assert_eq!(codes("2026-11-28"), ["P105"]);
    assert_eq!(codes("2026-12-05"), ["P105"]);
    assert_eq!(codes("2026-12-06"), ["P104"]);
    assert_eq!(codes("2027-06-01"), ["P104"]);
    // The text names the date it is taken as of.
    in_dir(dir.path())
        .args(["validate", "--at", "2026-12-01"])
        .assert()
        .stdout(predicate::str::contains("(4 days)"));
}

// ------------------------------------------------------------ access check

#[test]
fn check_allow_is_exit_0_and_deny_exit_1() {
    praxis()
        .args(["-f", TN, "access", "check", "bob", "clinical.view"])
        .args(["--client", "C-1001"])
        .assert()
        .code(0)
        .stdout("allow\n");
    praxis()
        .args(["-f", TN, "access", "check", "sara", "clinical.view"])
        .args(["--client", "C-1001"])
        .assert()
        .code(1)
        .stdout("deny\n");
    // A practice capability takes no client.
    praxis()
        .args(["-f", TN, "access", "check", "olga", "members.manage"])
        .assert()
        .code(0)
        .stdout("allow\n");
}

#[test]
fn check_explain_gives_the_reasons() {
    praxis()
        .args(["-f", TN, "access", "check", "bob", "clinical.view"])
        .args(["--client", "C-1001", "--explain"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("allow\n"))
        .stdout(predicate::str::contains("clinician"))
        .stdout(predicate::str::contains("primary"));
    praxis()
        .args(["-f", TN, "access", "check", "ruth", "client.view"])
        .args(["--client", "C-1001", "--explain"])
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with("deny\n"))
        .stdout(predicate::str::contains("inactive"));
}

/// An error: exit 2, nothing on stdout, the message on stderr.
fn assert_error(args: &[&str], needles: &[&str]) {
    let output = praxis().args(args).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{args:?}");
    assert_eq!(stdout_of(&output), "", "{args:?}");
    let stderr = stderr_of(&output);
    for needle in needles {
        assert!(
            stderr.contains(needle),
            "{args:?}: {needle:?} not in {stderr}"
        );
    }
}

#[test]
fn check_unknown_names_are_errors_that_suggest_the_closest() {
    let base = ["-f", TN, "access", "check"];
    let with = |rest: &[&'static str]| -> Vec<&str> {
        base.iter().copied().chain(rest.iter().copied()).collect()
    };
    assert_error(
        &with(&["bobb", "clinical.view", "--client", "C-1001"]),
        &["bobb", "`bob`"],
    );
    assert_error(
        &with(&["bob", "clinical.veiw", "--client", "C-1001"]),
        &["clinical.veiw", "`clinical.view`"],
    );
    assert_error(
        &with(&["bob", "clinical.view", "--client", "C-1O01"]),
        &["C-1O01", "`C-1001`"],
    );
    assert_error(
        &with(&[
            "bob",
            "clinical.view",
            "--client",
            "C-1001",
            "--author",
            "carrol",
        ]),
        &["carrol", "`carol`"],
    );
    // The same with --format json: still an error, never a JSON decision.
    assert_error(
        &with(&["bobb", "members.view", "--format", "json"]),
        &["bobb"],
    );
}

#[test]
fn check_questions_asked_wrongly_are_errors() {
    let base = ["-f", TN, "access", "check"];
    let with = |rest: &[&'static str]| -> Vec<&str> {
        base.iter().copied().chain(rest.iter().copied()).collect()
    };
    // A pattern is never a capability in a query.
    assert_error(
        &with(&["bob", "clinical.*", "--client", "C-1001"]),
        &["pattern"],
    );
    assert_error(&with(&["nora", "*"]), &["pattern"]);
    // A client capability needs --client.
    assert_error(&with(&["bob", "clinical.view"]), &["--client"]);
    // A practice capability takes none.
    assert_error(
        &with(&["bob", "members.view", "--client", "C-1001"]),
        &["members.view"],
    );
    // --author only with a client capability.
    assert_error(
        &with(&["bob", "members.view", "--author", "bob"]),
        &["--author"],
    );
    // Even the owner, who is always allowed, gets no decision on a bad question.
    assert_error(&with(&["nora", "clinical.view"]), &["--client"]);
}

#[test]
fn check_on_an_invalid_practice_file_is_an_error() {
    let dir = practice_dir(BROKEN.as_bytes());
    let output = in_dir(dir.path())
        .args(["access", "check", "alice", "members.view"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout_of(&output), "");
    let stderr = stderr_of(&output);
    assert!(stderr.contains("fails validation"), "{stderr}");
    assert!(stderr.contains("P011"), "{stderr}");
    // The owner would be allowed on a valid file: still no decision.
    for contents in [
        b"version = 1\n[practice\nname = \"x\"\n".as_slice(),
        b"version = 1\n[practice]\nname = \"R\xe9sum\xe9\"\n".as_slice(),
    ] {
        let dir = practice_dir(contents);
        in_dir(dir.path())
            .args(["access", "check", "alice", "members.view"])
            .assert()
            .code(2)
            .stdout("");
    }
}

#[test]
fn check_on_a_practice_with_warnings_only_decides() {
    let dir = practice_dir(WARN.as_bytes());
    in_dir(dir.path())
        .args(["access", "check", "bob", "clinical.view", "--client", "C-1"])
        .args(["--at", "2026-12-01"])
        .assert()
        .code(0)
        .stdout("allow\n");
}

#[test]
fn check_without_a_practice_file_says_where_it_looked() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("a").join("b");
    std::fs::create_dir_all(&nested).unwrap();
    let output = in_dir(&nested)
        .args(["access", "check", "bob", "members.view"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout_of(&output), "");
    let stderr = stderr_of(&output);
    assert!(stderr.contains("no practice.toml found"), "{stderr}");
    let nested = nested.canonicalize().unwrap();
    let parent = nested.parent().unwrap();
    assert!(
        stderr.contains(&nested.display().to_string())
            || stderr.contains(&dir.path().join("a/b").display().to_string()),
        "names the directory it started in: {stderr}"
    );
    assert!(
        stderr.contains(&parent.display().to_string())
            || stderr.contains(&dir.path().join("a").display().to_string()),
        "names its ancestors: {stderr}"
    );
    // -f to a file that does not exist: exit 2 naming it.
    praxis()
        .args(["-f", "examples/nope/practice.toml", "access", "check"])
        .args(["bob", "members.view"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("examples/nope/practice.toml"));
}

#[test]
fn check_reads_praxis_file_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let path = root().join(TN);
    in_dir(dir.path())
        .env("PRAXIS_FILE", &path)
        .args([
            "access",
            "check",
            "bob",
            "clinical.view",
            "--client",
            "C-1001",
        ])
        .assert()
        .code(0)
        .stdout("allow\n");
    // -f wins over $PRAXIS_FILE.
    in_dir(dir.path())
        .env("PRAXIS_FILE", root().join("examples/nope.toml"))
        .args(["-f", path.to_str().unwrap()])
        .args(["access", "check", "bob", "members.view"])
        .assert()
        .code(0);
    // $PRAXIS_FILE wins over a practice.toml found by discovery.
    let local = practice_dir(WARN.as_bytes());
    in_dir(local.path())
        .env("PRAXIS_FILE", &path)
        .args([
            "access",
            "check",
            "bob",
            "clinical.view",
            "--client",
            "C-1001",
        ])
        .assert()
        .code(0);
}

/// SPEC §8: `PRAXIS_FILE` set but empty is a usage error, never a fall
/// back to discovery (which would answer from whatever file is found).
#[test]
fn check_refuses_an_empty_praxis_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(root().join(TN), dir.path().join("practice.toml")).unwrap();
    in_dir(dir.path())
        .env("PRAXIS_FILE", "")
        .args(["access", "check", "bob", "members.view"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains("PRAXIS_FILE is set but empty"));
}

#[test]
fn check_finds_practice_toml_in_a_parent_directory() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(root().join(TN), dir.path().join("practice.toml")).unwrap();
    let nested = dir.path().join("notes").join("2026");
    std::fs::create_dir_all(&nested).unwrap();
    in_dir(&nested)
        .args([
            "access",
            "check",
            "bob",
            "clinical.view",
            "--client",
            "C-1001",
        ])
        .assert()
        .code(0)
        .stdout("allow\n");
    // The nearest one wins: a practice.toml in between has no bob.
    std::fs::write(dir.path().join("notes").join("practice.toml"), WARN).unwrap();
    in_dir(&nested)
        .args(["access", "check", "bob", "clinical.view", "--client", "C-1"])
        .args(["--at", "2026-12-01"])
        .assert()
        .code(0);
    in_dir(&nested)
        .args([
            "access",
            "check",
            "bob",
            "clinical.view",
            "--client",
            "C-1001",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("C-1001"));
}

#[test]
fn global_options_go_before_or_after_a_query_subcommand() {
    let orders: [&[&str]; 4] = [
        &[
            "-f",
            TN,
            "--format",
            "json",
            "--at",
            "2027-08-31",
            "access",
            "check",
            "dev",
            "clinical.view",
            "--client",
            "C-1005",
        ],
        &[
            "access",
            "check",
            "dev",
            "clinical.view",
            "--client",
            "C-1005",
            "-f",
            TN,
            "--format",
            "json",
            "--at",
            "2027-08-31",
        ],
        &[
            "--format",
            "json",
            "access",
            "-f",
            TN,
            "check",
            "--at",
            "2027-08-31",
            "dev",
            "clinical.view",
            "--client",
            "C-1005",
        ],
        &[
            "--file",
            TN,
            "access",
            "check",
            "--format=json",
            "dev",
            "clinical.view",
            "--at=2027-08-31",
            "--client",
            "C-1005",
        ],
    ];
    for args in orders {
        let output = praxis().args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert_eq!(json_of(&output)["decision"], "allow", "{args:?}");
    }
    // -q is global too, and does not touch the data on stdout.
    praxis()
        .args(["access", "check", "bob", "members.view", "-q", "-f", TN])
        .assert()
        .code(0)
        .stdout("allow\n");
}

#[test]
fn check_json_has_the_documented_fields() {
    let output = praxis()
        .args(["-f", TN, "--format", "json", "access", "check", "bob"])
        .args(["clinical.view", "--client", "C-1001"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let answer = json_of(&output);
    let mut keys: Vec<&str> = answer
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        ["capability", "client", "decision", "member", "reasons"]
    );
    assert_eq!(answer["member"], "bob");
    assert_eq!(answer["capability"], "clinical.view");
    assert_eq!(answer["client"], "C-1001");
    assert_eq!(answer["decision"], "allow");
    let reasons = answer["reasons"].as_array().unwrap();
    assert!(!reasons.is_empty());
    assert!(reasons[0]["text"].as_str().unwrap().contains("clinician"));

    // Deny: exit 1, decision "deny", client null for a practice capability.
    let output = praxis()
        .args(["-f", TN, "access", "check", "carol", "billing.reports"])
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let answer = json_of(&output);
    assert_eq!(answer["decision"], "deny");
    assert_eq!(answer["client"], Value::Null);
    assert!(!answer["reasons"].as_array().unwrap().is_empty());
}

#[test]
fn check_at_takes_temporary_entries_as_of_that_day() {
    // dev covers C-1005 through 2027-08-31 (therapynotes).
    for (date, code, word) in [
        ("2026-12-01", 0, "allow"),
        ("2027-08-31", 0, "allow"),
        ("2027-09-01", 1, "deny"),
        ("2030-01-01", 1, "deny"),
    ] {
        praxis()
            .args(["-f", TN, "access", "check", "dev", "clinical.view"])
            .args(["--client", "C-1005", "--at", date])
            .assert()
            .code(code)
            .stdout(format!("{word}\n"));
    }
    // A temporary member of a restricted client (simplepractice C-4011,
    // ingrid through 2028-04-30) has clinical access until then only.
    for (date, code) in [("2028-04-30", 0), ("2028-05-01", 1)] {
        praxis()
            .args(["-f", SP, "access", "check", "ingrid", "clinical.view"])
            .args(["--client", "C-4011", "--at", date])
            .assert()
            .code(code);
    }
    // A malformed date is a usage error.
    praxis()
        .args(["-f", TN, "access", "check", "dev", "clinical.view"])
        .args(["--client", "C-1005", "--at", "2027-02-30"])
        .assert()
        .code(2)
        .stdout("");
}

#[test]
fn check_author_decides_own_scope() {
    for (author, code) in [(Some("iris"), 0), (Some("ivan"), 1), (None, 1)] {
        let mut command = praxis();
        command.args(["-f", CE, "access", "check", "iris", "files.view"]);
        command.args(["--client", "C-3001"]);
        if let Some(author) = author {
            command.args(["--author", author]);
        }
        command.assert().code(code);
    }
}

#[test]
fn check_refuses_formats_it_does_not_print() {
    praxis()
        .args(["-f", TN, "access", "check", "bob", "members.view"])
        .args(["--format", "junit"])
        .assert()
        .code(2)
        .stdout("");
}

#[test]
fn check_prints_csv_and_markdown_and_keeps_the_decision_exit_code() {
    praxis()
        .args(["-f", TN, "access", "check", "bob", "members.view"])
        .args(["--format", "csv"])
        .assert()
        .code(0)
        .stdout(predicates::str::starts_with(
            "member,capability,client,decision,reasons\nbob,members.view,,allow,",
        ));
    praxis()
        .args([
            "-f",
            TN,
            "access",
            "check",
            "sara",
            "clinical.view",
            "--client",
            "C-1001",
        ])
        .args(["--format", "markdown"])
        .assert()
        .code(1)
        .stdout(predicates::str::contains(
            "| sara | clinical.view | C-1001 | deny |",
        ));
}

// ------------------------------------------------------------------- batch

fn batch(args: &[&str], input: impl Into<Vec<u8>>) -> (Option<i32>, Vec<Value>, String) {
    let output = praxis()
        .args(["-f", TN, "access", "check", "--batch"])
        .args(args)
        .write_stdin(input.into())
        .output()
        .unwrap();
    let lines = stdout_of(&output)
        .lines()
        .map(|line| {
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not a JSON line ({e}): {line:?}"))
        })
        .collect();
    (output.status.code(), lines, stderr_of(&output))
}

#[test]
fn batch_answers_in_order_and_skips_blank_lines() {
    let input = [
        r#"{"member":"bob","capability":"clinical.view","client":"C-1001"}"#,
        "",
        r#"{"member":"sara","capability":"clinical.view","client":"C-1001"}"#,
        "   ",
        r#"{"member":"olga","capability":"members.manage"}"#,
        "\t",
        r#"{"member":"carol","capability":"billing.claims","client":"C-1003"}"#,
    ]
    .join("\n");
    let (code, lines, _) = batch(&[], input + "\n");
    assert_eq!(code, Some(0));
    let answers: Vec<(&str, &str)> = lines
        .iter()
        .map(|l| {
            (
                l["member"].as_str().unwrap(),
                l["decision"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        answers,
        [
            ("bob", "allow"),
            ("sara", "deny"),
            ("olga", "allow"),
            ("carol", "deny")
        ]
    );
    assert_eq!(lines[0]["capability"], "clinical.view");
    assert_eq!(lines[0]["client"], "C-1001");
    // `client` is null when absent.
    assert_eq!(lines[2]["client"], Value::Null);
    assert!(lines[2].as_object().unwrap().contains_key("client"));
}

#[test]
fn batch_answers_the_same_as_single_checks() {
    let questions = [
        ("bob", "clinical.view", Some("C-1003")),
        ("bob", "client.view", Some("C-1003")),
        ("priya", "clinical.delete-signed", Some("C-1001")),
        ("priya", "clinical.view", Some("C-1010")),
        ("ben", "billing.view", Some("C-1010")),
        ("ruth", "client.view", Some("C-1001")),
        ("nora", "hr.view", None),
        ("carol", "billing.reports", None),
    ];
    let input: String = questions
        .iter()
        .map(|(m, c, client)| {
            serde_json::json!({"member": m, "capability": c, "client": client}).to_string() + "\n"
        })
        .collect();
    let (code, lines, _) = batch(&[], input);
    assert_eq!(code, Some(0));
    assert_eq!(lines.len(), questions.len());
    for ((member, capability, client), line) in questions.iter().zip(&lines) {
        let mut command = praxis();
        command.args(["-f", TN, "access", "check", member, capability]);
        if let Some(client) = client {
            command.args(["--client", client]);
        }
        let output = command.output().unwrap();
        let single = stdout_of(&output);
        assert_eq!(
            line["decision"].as_str().unwrap(),
            single.trim(),
            "{member} {capability} {client:?}"
        );
    }
}

#[test]
fn batch_malformed_line_is_an_error_line_and_the_batch_goes_on() {
    let input = [
        r#"{"member":"bob","capability":"members.view"}"#,
        "",
        "not json",
        r#"{"member":"bob","capability":"members.view""#,
        "[1, 2]",
        r#"{"member":"bob"}"#,
        r#"{"member":"bob","capability":7}"#,
        r#"{"member":"sara","capability":"clinical.view","client":"C-1001"}"#,
    ]
    .join("\n")
        + "\n";
    let (code, lines, _) = batch(&[], input);
    assert_eq!(code, Some(0), "every line answered");
    assert_eq!(lines.len(), 7);
    assert_eq!(lines[0]["decision"], "allow");
    for (line, number) in lines[1..6].iter().zip([3, 4, 5, 6, 7]) {
        assert_eq!(line["decision"], "error", "{line}");
        assert_eq!(line["line"], number, "{line}");
        assert!(!line["error"].as_str().unwrap().is_empty(), "{line}");
    }
    // An error line echoes what it could read.
    assert_eq!(lines[4]["member"], "bob");
    assert_eq!(lines[6]["decision"], "deny");
    assert_eq!(lines[6]["member"], "sara");
}

#[test]
fn batch_request_errors_echo_the_fields_and_the_line() {
    let input = [
        r#"{"member":"zed","capability":"members.view"}"#,
        r#"{"member":"bob","capability":"clinical.veiw","client":"C-1001"}"#,
        r#"{"member":"bob","capability":"clinical.view","client":"C-9999"}"#,
        r#"{"member":"bob","capability":"clinical.view"}"#,
        r#"{"member":"bob","capability":"clinical.*","client":"C-1001"}"#,
        r#"{"member":"bob","capability":"members.view","author":"bob"}"#,
        r#"{"member":"bob","capability":"clinical.view","client":"C-1001","at":"someday"}"#,
    ]
    .join("\n")
        + "\n";
    let (code, lines, _) = batch(&[], input);
    // Every line is answered: exit 0 (SPEC §4); the line says error.
    assert_eq!(code, Some(0));
    assert_eq!(lines.len(), 7);
    for (index, line) in lines.iter().enumerate() {
        assert_eq!(line["decision"], "error", "{line}");
        assert_eq!(line["line"], index + 1, "{line}");
    }
    assert_eq!(lines[0]["member"], "zed");
    assert!(lines[0]["error"].as_str().unwrap().contains("zed"));
    assert_eq!(lines[1]["capability"], "clinical.veiw");
    assert!(
        lines[1]["error"]
            .as_str()
            .unwrap()
            .contains("clinical.view")
    );
    assert_eq!(lines[2]["client"], "C-9999");
    assert_eq!(lines[3]["client"], Value::Null);
}

#[test]
fn batch_unknown_key_is_an_error_line() {
    let input = concat!(
        r#"{"member":"bob","capability":"members.view","clinet":"C-1001"}"#,
        "\n",
        r#"{"member":"bob","capability":"members.view"}"#,
        "\n"
    );
    let (code, lines, _) = batch(&[], input);
    // Every line is answered: exit 0 (SPEC §4); the line says error.
    assert_eq!(code, Some(0));
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["decision"], "error");
    assert_eq!(lines[0]["line"], 1);
    assert!(lines[0]["error"].as_str().unwrap().contains("clinet"));
    assert_eq!(lines[0]["member"], "bob");
    assert_eq!(lines[1]["decision"], "allow");
}

#[test]
fn batch_client_null_is_the_same_as_no_client() {
    let input = concat!(
        r#"{"member":"bob","capability":"members.view","client":null}"#,
        "\n",
        r#"{"member":"bob","capability":"members.view"}"#,
        "\n",
        r#"{"member":"bob","capability":"clinical.view","client":null}"#,
        "\n",
        r#"{"member":"bob","capability":"clinical.view"}"#,
        "\n",
    );
    let (code, lines, _) = batch(&[], input);
    // Every line is answered: exit 0 (SPEC §4); the line says error.
    assert_eq!(code, Some(0));
    assert_eq!(lines[0], lines[1]);
    assert_eq!(lines[0]["decision"], "allow");
    assert_eq!(lines[2]["decision"], "error");
    assert_eq!(lines[2]["error"], lines[3]["error"]);
}

#[test]
fn batch_request_at_wins_over_the_global_at() {
    let request = |at: Option<&str>| {
        let mut value = serde_json::json!({
            "member": "dev", "capability": "clinical.view", "client": "C-1005"
        });
        if let Some(at) = at {
            value["at"] = at.into();
        }
        value.to_string() + "\n"
    };
    let input = request(None) + &request(Some("2027-08-31")) + &request(Some("2027-09-01"));
    let decisions = |args: &[&str]| -> Vec<String> {
        let (code, lines, _) = batch(args, input.clone());
        assert_eq!(code, Some(0));
        lines
            .iter()
            .map(|l| l["decision"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        decisions(&["--at", "2027-09-01"]),
        ["deny", "allow", "deny"]
    );
    assert_eq!(
        decisions(&["--at", "2027-08-31"]),
        ["allow", "allow", "deny"]
    );
}

#[test]
fn batch_author_acts_like_the_option() {
    let input = concat!(
        r#"{"member":"iris","capability":"files.view","client":"C-3001","author":"iris"}"#,
        "\n",
        r#"{"member":"iris","capability":"files.view","client":"C-3001","author":"ivan"}"#,
        "\n",
        r#"{"member":"iris","capability":"files.view","client":"C-3001"}"#,
        "\n",
    );
    let output = praxis()
        .args(["-f", CE, "access", "check", "--batch"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let decisions: Vec<String> = stdout_of(&output)
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["decision"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(decisions, ["allow", "deny", "deny"]);
}

#[test]
fn batch_on_an_invalid_practice_answers_nothing_exit_2() {
    let dir = practice_dir(BROKEN.as_bytes());
    let output = in_dir(dir.path())
        .args(["access", "check", "--batch"])
        .write_stdin(concat!(
            r#"{"member":"alice","capability":"members.view"}"#,
            "\n"
        ))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout_of(&output), "", "no request is answered");
    let stderr = stderr_of(&output);
    assert!(stderr.contains("P011"), "with the findings: {stderr}");
    // No practice file at all: exit 2 too.
    let empty = tempfile::tempdir().unwrap();
    in_dir(empty.path())
        .args(["access", "check", "--batch"])
        .write_stdin("{\"member\":\"a\",\"capability\":\"b\"}\n")
        .assert()
        .code(2)
        .stdout("");
}

#[test]
fn batch_empty_input_is_exit_0_with_no_output() {
    let (code, lines, _) = batch(&[], "");
    assert_eq!(code, Some(0));
    assert!(lines.is_empty());
    let (code, lines, _) = batch(&[], "\n\n  \n");
    assert_eq!(code, Some(0));
    assert!(lines.is_empty());
}

#[test]
fn batch_line_without_newline_and_crlf_are_answered() {
    let (code, lines, _) = batch(
        &[],
        "{\"member\":\"bob\",\"capability\":\"members.view\"}\r\n\r\n{\"member\":\"bob\",\"capability\":\"members.view\"}",
    );
    assert_eq!(code, Some(0));
    assert_eq!(lines.len(), 2);
    assert!(lines.iter().all(|l| l["decision"] == "allow"));
}

/// SPEC §4: "A request that is an error, a malformed line included, gets
/// `"decision": "error"` … and the batch goes on." A line that is not UTF-8
/// is a malformed line: stdin itself was read.
#[test]
fn batch_non_utf8_line_is_an_error_line_and_the_batch_goes_on() {
    let mut input = b"{\"member\":\"bob\",\"capability\":\"members.view\"}\n".to_vec();
    input.extend_from_slice(b"{\"member\":\"b\xe9b\",\"capability\":\"members.view\"}\n");
    input.extend_from_slice(b"{\"member\":\"sara\",\"capability\":\"members.view\"}\n");
    let (code, lines, stderr) = batch(&[], input);
    assert_eq!(code, Some(0), "stderr: {stderr}");
    assert_eq!(lines.len(), 3, "stderr: {stderr}");
    assert_eq!(lines[1]["decision"], "error");
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(lines[2]["decision"], "allow");
}

#[test]
fn batch_conflicts_with_a_single_question() {
    praxis()
        .args([
            "-f",
            TN,
            "access",
            "check",
            "--batch",
            "bob",
            "members.view",
        ])
        .write_stdin("")
        .assert()
        .code(2)
        .stdout("");
    // --batch always writes JSON Lines; --format does not change that.
    praxis()
        .args(["-f", TN, "access", "check", "--batch", "--format", "table"])
        .write_stdin("{\"member\":\"bob\",\"capability\":\"members.view\"}\n")
        .assert()
        .code(0)
        .stdout("{\"member\":\"bob\",\"capability\":\"members.view\",\"client\":null,\"decision\":\"allow\"}\n");
}

// ---------------------------------------------------------------- listings

fn json_ids(args: &[&str], key: &str) -> Vec<String> {
    let output = praxis()
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{args:?}: {}",
        stderr_of(&output)
    );
    json_of(&output)
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m[key].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn member_list_filters() {
    let all = json_ids(&["-f", TN, "member", "list"], "id");
    assert_eq!(all.len(), 17, "{all:?}");
    assert!(!all.contains(&"ruth".to_string()), "inactive left out");
    let with_inactive = json_ids(&["-f", TN, "member", "list", "--inactive"], "id");
    assert_eq!(with_inactive.len(), 18);
    assert!(with_inactive.contains(&"ruth".to_string()));
    assert_eq!(
        json_ids(
            &["-f", TN, "member", "list", "--role", "clinical-admin"],
            "id"
        ),
        ["priya"]
    );
    assert_eq!(
        json_ids(&["-f", TN, "member", "list", "--role", "intern"], "id"),
        ["ian", "isla"]
    );
    assert_eq!(
        json_ids(&["-f", TN, "member", "list", "--role", "scheduler"], "id"),
        ["olga", "sara", "tom"]
    );
    // Search: id, name, legal name or email, any letter case.
    assert_eq!(
        json_ids(&["-f", TN, "member", "list", "--search", "LINDQ"], "id"),
        ["bob"]
    );
    assert_eq!(
        json_ids(&["-f", TN, "member", "list", "--search", "robert"], "id"),
        ["bob"]
    );
    assert_eq!(
        json_ids(&["-f", TN, "member", "list", "--search", "ruth@"], "id"),
        Vec::<String>::new()
    );
    assert_eq!(
        json_ids(
            &[
                "-f",
                TN,
                "member",
                "list",
                "--search",
                "ruth@",
                "--inactive"
            ],
            "id"
        ),
        ["ruth"]
    );
    // Filters combine.
    assert_eq!(
        json_ids(
            &[
                "-f",
                TN,
                "member",
                "list",
                "--role",
                "clinician",
                "--search",
                "LCSW"
            ],
            "id"
        ),
        ["helen", "dev"]
    );
}

#[test]
fn member_list_unknown_role_is_exit_2_with_a_suggestion() {
    assert_error(
        &["-f", TN, "member", "list", "--role", "clinican"],
        &["clinican", "`clinician`"],
    );
}

#[test]
fn member_list_formats() {
    let output = praxis()
        .args(["-f", TN, "member", "list", "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let csv = stdout_of(&output);
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("id,name,roles,email,supervisors,active"));
    assert_eq!(lines.count(), 17);
    assert!(csv.contains("\nbob,Bob Lindqvist,clinician,bob@maplegrove.example,,true\n"));
    praxis()
        .args(["-f", TN, "member", "list"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Bob Lindqvist"));
    praxis()
        .args(["-f", TN, "member", "list", "--format", "markdown"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("| bob |"));
}

#[test]
fn member_show() {
    let output = praxis()
        .args(["-f", TN, "member", "show", "bob", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let bob = json_of(&output);
    assert_eq!(bob["id"], "bob");
    assert_eq!(bob["name"], "Bob Lindqvist");
    assert_eq!(bob["legal_name"], "Robert Lindqvist, LMFT");
    assert_eq!(bob["roles"], serde_json::json!(["clinician"]));
    assert_eq!(bob["npi"], "1131860912");
    assert_eq!(bob["active"], true);
    assert_eq!(bob["owner"], false);
    assert_eq!(
        bob["primary_of"],
        serde_json::json!(["C-1001", "C-1002", "C-1005", "C-1010"])
    );
    assert_eq!(bob["clinician_of"], serde_json::json!(["C-1011"]));
    // Supervision both ways, and temporary access.
    let helen = json_of(
        &praxis()
            .args(["-f", TN, "member", "show", "helen", "--format", "json"])
            .output()
            .unwrap(),
    );
    let supervisees: Vec<&str> = helen["supervisees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(supervisees.contains(&"jack"), "{helen}");
    let dev = json_of(
        &praxis()
            .args(["-f", TN, "member", "show", "dev", "--format", "json"])
            .output()
            .unwrap(),
    );
    assert_eq!(dev["temporary"][0]["client"], "C-1005");
    assert_eq!(dev["temporary"][0]["until"], "2027-08-31");
    // CSV is field,value.
    praxis()
        .args(["-f", TN, "member", "show", "bob", "--format", "csv"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("field,value\n"))
        .stdout(predicate::str::contains("\nid,bob\n"));
    praxis()
        .args(["-f", TN, "member", "show", "bob"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Robert Lindqvist, LMFT"));
    // An inactive member is shown, as history.
    let ruth = json_of(
        &praxis()
            .args(["-f", TN, "member", "show", "ruth", "--format", "json"])
            .output()
            .unwrap(),
    );
    assert_eq!(ruth["active"], false);
    assert_error(&["-f", TN, "member", "show", "bobb"], &["bobb", "`bob`"]);
}

#[test]
fn client_list_and_member_filter() {
    let all = json_ids(&["-f", TN, "client", "list"], "id");
    assert_eq!(all.len(), 24);
    assert_eq!(all[0], "C-1001");
    assert!(
        all.contains(&"C-1024".to_string()),
        "table-form client listed"
    );
    // --member: primary, clinician, temporary or administrative.
    assert_eq!(
        json_ids(&["-f", TN, "client", "list", "--member", "dev"], "id"),
        ["C-1002", "C-1005", "C-1006", "C-1023"]
    );
    assert_eq!(
        json_ids(&["-f", TN, "client", "list", "--member", "ben"], "id"),
        ["C-1010"]
    );
    assert_eq!(
        json_ids(&["-f", TN, "client", "list", "--member", "sara"], "id"),
        Vec::<String>::new()
    );
    assert_error(
        &["-f", TN, "client", "list", "--member", "devv"],
        &["devv", "`dev`"],
    );
    let output = praxis()
        .args([
            "-f", TN, "client", "list", "--member", "dev", "--format", "csv",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout_of(&output),
        "id,primary,clinicians,restricted,administrative,temporary\n\
         C-1002,bob,dev,false,,\n\
         C-1005,bob,,false,,dev until 2027-08-31\n\
         C-1006,dev,,false,,\n\
         C-1023,dev,,false,,\n"
    );
}

#[test]
fn client_show() {
    let output = praxis()
        .args(["-f", TN, "client", "show", "C-1011", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let client = json_of(&output);
    assert_eq!(client["id"], "C-1011");
    assert_eq!(client["primary"], "carol");
    assert_eq!(client["clinicians"], serde_json::json!(["bob"]));
    assert_eq!(client["restricted"], true);
    assert_eq!(
        client["administrative"],
        serde_json::json!(["priya", "olga"])
    );
    let output = praxis()
        .args(["-f", TN, "client", "show", "C-1005", "--format", "json"])
        .output()
        .unwrap();
    let client = json_of(&output);
    assert_eq!(client["temporary"][0]["member"], "dev");
    assert_eq!(client["temporary"][0]["until"], "2027-08-31");
    assert_eq!(
        client["temporary"][0]["reason"],
        "Covering while bob is on parental leave"
    );
    praxis()
        .args(["-f", TN, "client", "show", "C-1005", "--format", "csv"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("field,value\n"))
        .stdout(predicate::str::contains(
            "Covering while bob is on parental leave",
        ));
    praxis()
        .args(["-f", TN, "client", "show", "C-1024"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("marcus"));
    assert_error(
        &["-f", TN, "client", "show", "C-1O24"],
        &["C-1O24", "`C-1024`"],
    );
}

#[test]
fn role_list() {
    let roles = json_ids(&["-f", TN, "role", "list"], "role");
    assert_eq!(
        roles,
        [
            "administrator",
            "clinician",
            "intern",
            "clinical-admin",
            "supervisor",
            "scheduler",
            "biller",
            "biller-assigned",
            "forms-admin"
        ]
    );
    let output = praxis()
        .args(["-f", CE, "role", "list", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let list = json_of(&output);
    let origin = |role: &str| -> String {
        list.as_array()
            .unwrap()
            .iter()
            .find(|r| r["role"] == role)
            .unwrap_or_else(|| panic!("{role} listed"))["origin"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(origin("intaker"), "custom");
    assert_eq!(origin("biller"), "replaces built-in");
    assert_eq!(origin("clinician"), "built-in");
    let holders = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["role"] == "intaker")
        .unwrap()["holders"]
        .clone();
    assert_eq!(holders, serde_json::json!(["iris", "ivan"]));
    let output = praxis()
        .args(["-f", TN, "role", "list", "--format", "csv"])
        .output()
        .unwrap();
    let csv = stdout_of(&output);
    assert!(
        csv.starts_with("role,origin,holders,description\n"),
        "{csv}"
    );
    assert!(csv.contains("\nclinical-admin,built-in,1,"), "{csv}");
    // Without a practice file the built-in catalog is listed.
    let empty = tempfile::tempdir().unwrap();
    in_dir(empty.path())
        .args(["role", "list", "--format", "csv"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("\nbiller-assigned,built-in,0,"));
}

#[test]
fn role_show_built_in_and_custom() {
    let output = praxis()
        .args([
            "-f",
            TN,
            "role",
            "show",
            "clinical-admin",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let role = json_of(&output);
    assert_eq!(role["role"], "clinical-admin");
    assert_eq!(role["origin"], "built-in");
    assert_eq!(role["requires"], serde_json::json!(["clinician"]));
    let grant = &role["grants"][0];
    assert_eq!(grant["on"], "all");
    let covers: Vec<&str> = grant["covers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert!(covers.contains(&"clinical.delete-signed"), "{covers:?}");
    assert!(covers.contains(&"clinical.cosign"), "{covers:?}");
    assert_eq!(role["holders"], serde_json::json!(["priya"]));

    let output = praxis()
        .args(["-f", CE, "role", "show", "intaker", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let role = json_of(&output);
    assert_eq!(role["origin"], "custom");
    let scopes: Vec<&str> = role["grants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["on"].as_str().unwrap())
        .collect();
    assert_eq!(scopes, ["all", "own", "practice"]);
    assert_eq!(
        role["grants"][1]["covers"],
        serde_json::json!(["files.view"])
    );
    // `files.*` style patterns are expanded in `covers`, custom capabilities included.
    let provider = json_of(
        &praxis()
            .args(["-f", CE, "role", "show", "provider", "--format", "json"])
            .output()
            .unwrap(),
    );
    assert!(
        provider["grants"][0]["covers"]
            .as_array()
            .unwrap()
            .contains(&"rx.prescribe".into())
    );
    assert_eq!(provider["excludes"], serde_json::json!(["intern"]));

    praxis()
        .args(["-f", CE, "role", "show", "intaker", "--format", "csv"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("on,can,covers\n"))
        .stdout(predicate::str::contains("\nown,files.view,files.view\n"));
    praxis()
        .args(["-f", CE, "role", "show", "intaker"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("intaker (custom)"));
    // A role the file replaces shows the file's definition.
    let biller = json_of(
        &praxis()
            .args(["-f", CE, "role", "show", "biller", "--format", "json"])
            .output()
            .unwrap(),
    );
    assert_eq!(biller["origin"], "replaces built-in");
    assert_eq!(biller["holders"], serde_json::json!(["bea", "boris"]));
    assert_error(
        &["-f", TN, "role", "show", "clinican"],
        &["clinican", "`clinician`"],
    );
}

#[test]
fn listings_refuse_an_invalid_practice_file() {
    let dir = practice_dir(BROKEN.as_bytes());
    for args in [
        &["member", "list"][..],
        &["member", "show", "alice"],
        &["client", "list"],
        &["client", "show", "C-1"],
        &["role", "list"],
        &["role", "show", "clinician"],
    ] {
        in_dir(dir.path())
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains("fails validation"));
    }
}

// ------------------------------------------------------------- hostile input

#[test]
fn deeply_nested_input_is_a_finding_not_a_crash() {
    let depth = 100_000;
    let text = format!(
        "version = 1\n[practice]\nname = \"x\"\na = {}{}\n",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let dir = practice_dir(text.as_bytes());
    let output = in_dir(dir.path())
        .args(["-f", "practice.toml", "validate"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report = stdout_of(&output);
    assert!(report.contains("error[P001]"), "{report}");
    // The source line is cut around the error, not printed 200,000 wide.
    assert!(report.lines().all(|l| l.chars().count() < 300), "{report}");
    in_dir(dir.path())
        .args([
            "-f",
            "practice.toml",
            "access",
            "check",
            "bob",
            "members.view",
        ])
        .assert()
        .code(2);
}

#[test]
fn a_file_too_large_to_be_a_practice_is_a_finding_for_validate_and_exit_2_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("practice.toml");
    // Sparse: 65 MiB of zeros without writing them.
    std::fs::File::create(&path)
        .unwrap()
        .set_len(65 * 1024 * 1024)
        .unwrap();
    let output = in_dir(dir.path())
        .args(["-f", "practice.toml", "validate"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout_of(&output).contains("error[P037]"),
        "{}",
        stdout_of(&output)
    );
    in_dir(dir.path())
        .args([
            "-f",
            "practice.toml",
            "access",
            "check",
            "bob",
            "members.view",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("up to 16777216 bytes"));
}

/// kubectl's habit: `--as MEMBER access check CAPABILITY` asks about that
/// member; naming two different members is refused, never one ignored.
#[test]
fn access_check_takes_the_member_from_as_kubectl_style() {
    let run = |args: &[&str]| {
        let mut command = common::praxis();
        command
            .args(["-f", "examples/therapynotes/practice.toml"])
            .args(args);
        common::run(&mut command)
    };
    let asked = run(&[
        "--as",
        "bob",
        "access",
        "check",
        "clinical.view",
        "--client",
        "C-1001",
    ]);
    assert_eq!(
        (asked.code, asked.stdout.as_str()),
        (0, "allow\n"),
        "{}",
        asked.stderr
    );
    let asked = run(&[
        "--as",
        "sara",
        "access",
        "check",
        "clinical.view",
        "--client",
        "C-1001",
    ]);
    assert_eq!(
        (asked.code, asked.stdout.as_str()),
        (1, "deny\n"),
        "{}",
        asked.stderr
    );
    let same = run(&[
        "--as",
        "bob",
        "access",
        "check",
        "bob",
        "clinical.view",
        "--client",
        "C-1001",
    ]);
    assert_eq!(same.code, 0, "{}", same.stderr);
    let two = run(&[
        "--as",
        "sara",
        "access",
        "check",
        "bob",
        "clinical.view",
        "--client",
        "C-1001",
    ]);
    assert_eq!(two.code, 2);
    assert!(two.stderr.contains("name two members"), "{}", two.stderr);
    assert!(two.stdout.is_empty());
    let none = run(&["access", "check", "clinical.view"]);
    assert_eq!(none.code, 2);
    assert!(
        none.stderr.contains("needs MEMBER and CAPABILITY"),
        "{}",
        none.stderr
    );
}

/// `review --expiring DAYS`: temporary access ending within the days and
/// expired entries still in the file, for a weekly cron mail.
#[test]
fn review_expiring_lists_coverage_ending_and_expired() {
    let run = |args: &[&str]| {
        let mut command = common::praxis();
        command
            .args(["-f", "examples/therapynotes/practice.toml"])
            .args(args);
        common::run(&mut command)
    };
    let soon = run(&[
        "--at",
        "2027-08-25",
        "review",
        "--expiring",
        "14d",
        "--format",
        "json",
    ]);
    assert_eq!(soon.code, 0, "{}", soon.stderr);
    let entries: Value = serde_json::from_str(&soon.stdout).unwrap();
    assert_eq!(entries.as_array().unwrap().len(), 1);
    assert_eq!(entries[0]["client"], "C-1005");
    assert_eq!(entries[0]["days_left"], 6);
    let late = run(&[
        "--at",
        "2028-02-01",
        "review",
        "--expiring",
        "2w",
        "--format",
        "csv",
    ]);
    assert!(
        late.stdout
            .contains("C-1005,dev,2027-08-31,expired 154 day(s) ago"),
        "{}",
        late.stdout
    );
    assert!(
        late.stdout
            .contains("C-1022,carol,2028-01-31,expired 1 day(s) ago"),
        "{}",
        late.stdout
    );
    let none = run(&["--at", "2026-12-01", "review", "--expiring", "14"]);
    assert_eq!(none.stdout, "no temporary access ends within 14 days\n");
    let bad = run(&["review", "--expiring", "soon"]);
    assert_eq!(bad.code, 2);
}
