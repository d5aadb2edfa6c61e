//! Snapshots of every query and output format on the examples, taken as of
//! 2026-12-01 with `NO_COLOR=1` and `COLUMNS=80` so they are stable. Each
//! snapshot holds the command, its exit code, stdout and (when not empty)
//! stderr. Update with `INSTA_UPDATE=always cargo test --test snapshots`
//! (or `cargo insta review`) and read the diff before committing.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use assert_cmd::Command;
use common::root;
use std::path::Path;

const AT: &str = "2026-12-01";

/// Runs the binary in `dir` and renders the run for a snapshot.
fn run_in(dir: &Path, args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_praxis"))
        .current_dir(dir)
        .env_remove("PRAXIS_FILE")
        .env_remove("PRAXIS_ACTOR")
        .env("NO_COLOR", "1")
        .env("COLUMNS", "80")
        .args(args)
        .output()
        .unwrap();
    // The tool's version (SARIF names it) changes with every release.
    let stdout = String::from_utf8(output.stdout)
        .unwrap()
        .replace(env!("CARGO_PKG_VERSION"), "[VERSION]");
    let mut text = format!(
        "$ praxis {}\nexit: {}\n",
        args.join(" "),
        output
            .status
            .code()
            .map_or_else(|| "signal".to_string(), |c| c.to_string())
    );
    text.push_str("--- stdout\n");
    text.push_str(&stdout);
    let stderr = String::from_utf8(output.stderr).unwrap();
    if !stderr.is_empty() {
        text.push_str("--- stderr\n");
        text.push_str(&stderr);
    }
    text
}

/// Runs `praxis -f examples/NAME/practice.toml --at AT ARGS…`.
fn on(name: &str, args: &[&str]) -> String {
    let file = format!("examples/{name}/practice.toml");
    let full: Vec<&str> = ["-f", &file, "--at", AT]
        .into_iter()
        .chain(args.iter().copied())
        .collect();
    run_in(&root(), &full)
}

const FORMATS: [&str; 4] = ["table", "csv", "json", "markdown"];

// ------------------------------------------------------------------ matrix

#[test]
fn matrix_by_role_every_format() {
    for format in FORMATS {
        insta::assert_snapshot!(
            format!("matrix_role_{format}"),
            on("therapynotes", &["matrix", "--format", format])
        );
    }
}

#[test]
fn matrix_by_role_every_example() {
    for name in ["sessions-health", "community-ehr", "simplepractice"] {
        insta::assert_snapshot!(
            format!("matrix_role_csv_{name}"),
            on(name, &["matrix", "--by", "role", "--format", "csv"])
        );
        insta::assert_snapshot!(format!("matrix_role_table_{name}"), on(name, &["matrix"]));
    }
}

#[test]
fn matrix_of_the_built_in_catalog_without_a_file() {
    let dir = tempfile::tempdir().unwrap();
    insta::assert_snapshot!(
        "matrix_catalog_csv",
        run_in(dir.path(), &["matrix", "--format", "csv"])
    );
}

#[test]
fn matrix_by_member_every_format() {
    for format in FORMATS {
        insta::assert_snapshot!(
            format!("matrix_member_{format}"),
            on(
                "sessions-health",
                &["matrix", "--by", "member", "--format", format]
            )
        );
    }
    insta::assert_snapshot!(
        "matrix_member_inactive_csv",
        on(
            "sessions-health",
            &["matrix", "--by", "member", "--inactive", "--format", "csv"]
        )
    );
}

#[test]
fn matrix_for_a_client_every_format() {
    for format in FORMATS {
        insta::assert_snapshot!(
            format!("matrix_client_{format}"),
            on(
                "therapynotes",
                &["matrix", "--client", "C-1005", "--format", format]
            )
        );
    }
    // A restricted client.
    insta::assert_snapshot!(
        "matrix_client_restricted_csv",
        on(
            "simplepractice",
            &["matrix", "--client", "C-4011", "--format", "csv"]
        )
    );
}

// ------------------------------------------------------------------ access

#[test]
fn access_who_table_and_json() {
    for format in ["table", "json"] {
        insta::assert_snapshot!(
            format!("access_who_client_{format}"),
            on(
                "therapynotes",
                &[
                    "access",
                    "who",
                    "clinical.view",
                    "--client",
                    "C-1005",
                    "--format",
                    format,
                ]
            )
        );
        insta::assert_snapshot!(
            format!("access_who_practice_{format}"),
            on(
                "therapynotes",
                &["access", "who", "members.manage", "--format", format]
            )
        );
    }
    // Restricted client: who keeps it, and through which relation.
    insta::assert_snapshot!(
        "access_who_restricted_table",
        on(
            "simplepractice",
            &["access", "who", "billing.manage", "--client", "C-4010"]
        )
    );
}

#[test]
fn access_list_table_and_json() {
    insta::assert_snapshot!(
        "access_list_table",
        on("therapynotes", &["access", "list", "dev"])
    );
    insta::assert_snapshot!(
        "access_list_client_table",
        on(
            "therapynotes",
            &["access", "list", "dev", "--client", "C-1005"]
        )
    );
    insta::assert_snapshot!(
        "access_list_client_json",
        on(
            "therapynotes",
            &[
                "access", "list", "dev", "--client", "C-1005", "--format", "json"
            ]
        )
    );
    insta::assert_snapshot!(
        "access_list_json",
        on(
            "therapynotes",
            &["access", "list", "walter", "--format", "json"]
        )
    );
}

/// Several `access check --explain` runs in one snapshot.
fn explained(name: &str, questions: &[&[&str]], format: Option<&str>) -> String {
    questions
        .iter()
        .map(|question| {
            let mut args = vec!["access", "check"];
            args.extend_from_slice(question);
            args.push("--explain");
            if let Some(format) = format {
                args.extend(["--format", format]);
            }
            on(name, &args)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn access_check_explain_allow() {
    let questions: [&[&str]; 7] = [
        &["bob", "clinical.view", "--client", "C-1001"],
        &["dev", "clinical.view", "--client", "C-1005"],
        &["dev", "clinical.view", "--client", "C-1002"],
        &["priya", "clinical.delete-signed", "--client", "C-1001"],
        &["ben", "billing.view", "--client", "C-1010"],
        &["marcus", "clinical.cosign", "--client", "C-1012"],
        &["nora", "clinical.view", "--client", "C-1010"],
    ];
    insta::assert_snapshot!(
        "access_check_explain_allow",
        explained("therapynotes", &questions, None)
    );
    let questions: [&[&str]; 3] = [
        &[
            "iris",
            "files.view",
            "--client",
            "C-3001",
            "--author",
            "iris",
        ],
        &["olga", "members.manage"],
        &["priya", "clinical.view", "--client", "C-1011"],
    ];
    insta::assert_snapshot!(
        "access_check_explain_allow_more",
        [
            explained("community-ehr", &questions[..1], None),
            explained("therapynotes", &questions[1..], None),
        ]
        .join("\n")
    );
}

#[test]
fn access_check_explain_deny() {
    let questions: [&[&str]; 7] = [
        &["sara", "clinical.view", "--client", "C-1001"],
        &["bob", "clinical.delete-signed", "--client", "C-1001"],
        &["carol", "billing.claims", "--client", "C-1003"],
        &["priya", "clinical.view", "--client", "C-1010"],
        &["ruth", "client.view", "--client", "C-1001"],
        &["walter", "clinical.cosign", "--client", "C-1001"],
        &["carol", "billing.reports"],
    ];
    insta::assert_snapshot!(
        "access_check_explain_deny",
        explained("therapynotes", &questions, None)
    );
    let questions: [&[&str]; 3] = [
        &["pete", "rx.prescribe", "--client", "C-3003"],
        &["iris", "files.view", "--client", "C-3001"],
        &[
            "iris",
            "files.view",
            "--client",
            "C-3001",
            "--author",
            "ivan",
        ],
    ];
    insta::assert_snapshot!(
        "access_check_explain_deny_more",
        explained("community-ehr", &questions, None)
    );
}

#[test]
fn access_check_json() {
    let questions: [&[&str]; 3] = [
        &["dev", "clinical.view", "--client", "C-1005"],
        &["priya", "clinical.view", "--client", "C-1010"],
        &["ruth", "members.view"],
    ];
    insta::assert_snapshot!(
        "access_check_json",
        explained("therapynotes", &questions, Some("json"))
    );
}

#[test]
fn access_check_errors() {
    let questions: [&[&str]; 6] = [
        &["bobb", "clinical.view", "--client", "C-1001"],
        &["bob", "clinical.veiw", "--client", "C-1001"],
        &["bob", "clinical.view", "--client", "C-1O01"],
        &["bob", "clinical.*", "--client", "C-1001"],
        &["bob", "clinical.view"],
        &["bob", "members.view", "--author", "bob"],
    ];
    insta::assert_snapshot!(
        "access_check_errors",
        explained("therapynotes", &questions, None)
    );
}

#[test]
fn access_check_batch() {
    let input = [
        r#"{"member":"bob","capability":"clinical.view","client":"C-1001"}"#,
        "",
        r#"{"member":"dev","capability":"clinical.view","client":"C-1005","at":"2027-09-01"}"#,
        r#"{"member":"zed","capability":"members.view"}"#,
        "not json",
        r#"{"member":"bob","capability":"members.view","client":null,"colour":"red"}"#,
        r#"{"member":"iris","capability":"files.view","client":"C-3001","author":"iris"}"#,
    ]
    .join("\n")
        + "\n";
    let output = Command::new(env!("CARGO_BIN_EXE_praxis"))
        .current_dir(root())
        .env_remove("PRAXIS_FILE")
        .env("NO_COLOR", "1")
        .args([
            "-f",
            "examples/therapynotes/practice.toml",
            "--at",
            AT,
            "access",
            "check",
            "--batch",
        ])
        .write_stdin(input.clone())
        .output()
        .unwrap();
    insta::assert_snapshot!(
        "access_check_batch",
        format!(
            "--- stdin\n{input}exit: {:?}\n--- stdout\n{}--- stderr\n{}",
            output.status.code(),
            String::from_utf8(output.stdout).unwrap(),
            String::from_utf8(output.stderr).unwrap()
        )
    );
}

// ------------------------------------------------------------------ review

#[test]
fn review_every_format() {
    for format in ["table", "markdown", "csv"] {
        insta::assert_snapshot!(
            format!("review_{format}"),
            on("sessions-health", &["review", "--format", format])
        );
    }
    // JSON for one member, to keep the snapshot short.
    insta::assert_snapshot!(
        "review_json",
        on(
            "sessions-health",
            &["review", "--member", "noah", "--format", "json"]
        )
    );
    // Filtered, on a practice with a restricted client and an expiring
    // temporary entry as of the date.
    insta::assert_snapshot!(
        "review_client_markdown",
        on(
            "simplepractice",
            &["review", "--client", "C-4011", "--format", "markdown"]
        )
    );
    insta::assert_snapshot!(
        "review_member_table",
        on("therapynotes", &["review", "--member", "dev"])
    );
    // Three days before dev's coverage of C-1005 ends: a finding.
    insta::assert_snapshot!(
        "review_expiring_markdown",
        run_in(
            &root(),
            &[
                "-f",
                "examples/therapynotes/practice.toml",
                "--at",
                "2027-08-28",
                "review",
                "--format",
                "markdown",
            ]
        )
    );
}

// ---------------------------------------------------------------- validate

/// Errors and warnings of several kinds, each on its own line.
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

[members.dana]
name = "Dana"
roles = ["intern"]
npi = "1234567890"

[members.erin]
name = "Erin"
roles = ["supervisor"]

[clients]
C-1 = { primary = "alice", temporary = [{ member = "bob", until = 2026-12-05, reason = "cover" }] }
C-2 = { primary = "erin", administrative = ["bob"] }
"#;

#[test]
fn validate_a_broken_file_every_format() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("practice.toml"), BROKEN).unwrap();
    for format in ["table", "json", "github", "sarif"] {
        insta::assert_snapshot!(
            format!("validate_broken_{format}"),
            run_in(
                dir.path(),
                &[
                    "-f",
                    "practice.toml",
                    "validate",
                    "--at",
                    AT,
                    "--format",
                    format,
                ]
            )
        );
    }
    insta::assert_snapshot!(
        "validate_broken_strict_github",
        run_in(
            dir.path(),
            &[
                "-f",
                "practice.toml",
                "validate",
                "--strict",
                "--at",
                AT,
                "--format",
                "github",
            ]
        )
    );
}

#[test]
fn validate_syntax_and_encoding_errors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("syntax.toml"),
        "version = 1\n[practice\nname = \"x\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("latin1.toml"),
        b"version = 1\n[practice]\nname = \"R\xe9sum\xe9\"\n",
    )
    .unwrap();
    insta::assert_snapshot!(
        "validate_syntax",
        [
            run_in(dir.path(), &["-f", "syntax.toml", "validate"]),
            run_in(dir.path(), &["-f", "latin1.toml", "validate"]),
            run_in(dir.path(), &["-f", "missing.toml", "validate"]),
        ]
        .join("\n")
    );
}

// --------------------------------------------------------------- listings

#[test]
fn listings() {
    insta::assert_snapshot!(
        "member_list_table",
        on("therapynotes", &["member", "list", "--role", "clinician"])
    );
    insta::assert_snapshot!(
        "member_show_table",
        on("therapynotes", &["member", "show", "dev"])
    );
    insta::assert_snapshot!(
        "client_list_table",
        on("simplepractice", &["client", "list"])
    );
    insta::assert_snapshot!(
        "client_show_table",
        on("simplepractice", &["client", "show", "C-4011"])
    );
    insta::assert_snapshot!("role_list_table", on("community-ehr", &["role", "list"]));
    insta::assert_snapshot!(
        "role_show_table",
        on("therapynotes", &["role", "show", "clinician"])
    );
}

#[test]
fn praxis_test_formats() {
    let dir = tempfile::tempdir().unwrap();
    let tests = dir.path().join("some.test.toml");
    std::fs::write(
        &tests,
        r#"[[expect]]
member = "sara"
capability = "clinical.view"
client = "C-1001"
decision = "allow"

[[expect]]
member = "dev"
capability = "clinical.view"
client = "C-1005"
at = 2027-08-31
decision = "allow"

[[expect]]
member = "zed"
capability = "clinical.view"
client = "C-1001"
decision = "deny"
"#,
    )
    .unwrap();
    std::fs::copy(
        root().join("examples/therapynotes/practice.toml"),
        dir.path().join("practice.toml"),
    )
    .unwrap();
    for format in ["table", "json", "junit"] {
        insta::assert_snapshot!(
            format!("test_{format}"),
            run_in(
                dir.path(),
                &[
                    "-f",
                    "practice.toml",
                    "--at",
                    AT,
                    "test",
                    "some.test.toml",
                    "--format",
                    format,
                ]
            )
        );
    }
}

// --------------------------------------------------------- on every example

const EXAMPLES: [&str; 4] = [
    "therapynotes",
    "sessions-health",
    "community-ehr",
    "simplepractice",
];

/// Every query on each example, in its most compact format, so a change in
/// any example's access shows up in review.
#[test]
fn every_query_on_every_example() {
    for name in EXAMPLES {
        let text =
            std::fs::read_to_string(root().join(format!("examples/{name}/practice.toml"))).unwrap();
        let date = chrono::NaiveDate::parse_from_str(AT, "%Y-%m-%d").unwrap();
        let practice = praxis::rules::check(&text, date).practice;
        let client = &practice.clients[0];
        let member = client.primary.value.as_str();
        let client = client.id.value.as_str();
        let queries: [(&str, Vec<&str>); 9] = [
            (
                "matrix_member",
                vec!["matrix", "--by", "member", "--format", "csv"],
            ),
            (
                "matrix_client",
                vec!["matrix", "--client", client, "--format", "csv"],
            ),
            (
                "who",
                vec![
                    "access",
                    "who",
                    "clinical.view",
                    "--client",
                    client,
                    "--format",
                    "csv",
                ],
            ),
            ("list", vec!["access", "list", member, "--format", "csv"]),
            ("review", vec!["review", "--format", "markdown"]),
            (
                "members",
                vec!["member", "list", "--inactive", "--format", "csv"],
            ),
            ("clients", vec!["client", "list", "--format", "csv"]),
            ("roles", vec!["role", "list", "--format", "csv"]),
            ("test", vec!["test", "--format", "csv"]),
        ];
        for (query, args) in queries {
            insta::assert_snapshot!(format!("example_{name}_{query}"), on(name, &args));
        }
    }
}
