#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot set up should panic"
)]

//! Every mutation of SPEC §4, run through the binary on a practice file
//! written by hand (comments, blank lines, aligned `=`, odd spacing, clients
//! as one-line inline tables and one as a `[clients.ID]` table, multi-line
//! arrays): the whole file after the change is compared with the expected
//! text, so a test fails when any other line moves. Then the mutation rules
//! under the SPEC table and in §7, exit codes (§5), `--dry-run` and where
//! global options may go.

mod common;

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// The practice every test starts from. It validates with no findings.
const PRACTICE: &str = include_str!("fixtures/riverbend.toml");

/// A practice file in its own directory.
struct Fixture {
    dir: TempDir,
    path: PathBuf,
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Fixture {
    fn new(text: &str) -> Fixture {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("practice.toml");
        std::fs::write(&path, text).expect("write practice.toml");
        Fixture { dir, path }
    }

    fn text(&self) -> String {
        std::fs::read_to_string(&self.path).expect("read practice.toml")
    }

    /// `praxis` in the fixture's directory, isolated from the caller's
    /// environment; `-f` is not added.
    fn bare(&self) -> Command {
        common::praxis_in(self.dir.path())
    }

    /// `praxis -f PATH ARGS…`.
    fn run(&self, args: &[&str]) -> Run {
        let mut command = self.bare();
        command.arg("-f").arg(&self.path).args(args);
        finish(&mut command)
    }

    /// `praxis -f PATH --as ACTOR ARGS…`.
    fn run_as(&self, actor: &str, args: &[&str]) -> Run {
        let mut all = vec!["--as", actor];
        all.extend_from_slice(args);
        self.run(&all)
    }

    /// Names of the files in the directory, sorted.
    fn listing(&self) -> Vec<String> {
        listing(self.dir.path())
    }
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read directory")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn finish(command: &mut Command) -> Run {
    let output = command.output().expect("run praxis");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// `text` with each `(old, new)` replaced; every `old` must occur exactly
/// once, so an expectation cannot silently apply to the wrong place.
fn edited(text: &str, edits: &[(&str, &str)]) -> String {
    let mut out = text.to_string();
    for (old, new) in edits {
        let count = out.matches(old).count();
        assert_eq!(
            count, 1,
            "expected exactly one {old:?} in the fixture, found {count}"
        );
        out = out.replacen(old, new, 1);
    }
    out
}

/// Line diff for failure messages.
fn line_diff(expected: &str, actual: &str) -> String {
    similar::TextDiff::from_lines(expected, actual)
        .unified_diff()
        .header("expected", "actual")
        .to_string()
}

#[track_caller]
fn assert_text(fixture: &Fixture, expected: &str) {
    let actual = fixture.text();
    assert!(
        actual == expected,
        "the file is not as expected:\n{}",
        line_diff(expected, &actual)
    );
}

/// Runs a mutation as `actor` on `start`, expects exit 0 and the whole file
/// to become `start` with `edits` applied and nothing else.
#[track_caller]
fn changes_from(start: &str, actor: &str, args: &[&str], edits: &[(&str, &str)]) -> Run {
    let fixture = Fixture::new(start);
    let expected = edited(start, edits);
    let run = fixture.run_as(actor, args);
    assert_eq!(
        run.code, 0,
        "praxis {args:?} failed\nstdout: {}\nstderr: {}",
        run.stdout, run.stderr
    );
    assert_text(&fixture, &expected);
    assert_eq!(
        fixture.listing(),
        vec!["practice.toml".to_string()],
        "a rewrite leaves no lock or temporary file behind"
    );
    // The rewritten file is still valid.
    let check = fixture.run(&["validate"]);
    assert_eq!(check.code, 0, "{}", check.stdout);
    run
}

#[track_caller]
fn changes(actor: &str, args: &[&str], edits: &[(&str, &str)]) -> Run {
    changes_from(PRACTICE, actor, args, edits)
}

/// Runs a mutation as `actor`, expects `code` and the file byte-identical.
#[track_caller]
fn untouched_from(start: &str, actor: Option<&str>, args: &[&str], code: i32) -> Run {
    let fixture = Fixture::new(start);
    let before = std::fs::read(&fixture.path).expect("read");
    let inode = inode_of(&fixture.path);
    let run = match actor {
        Some(actor) => fixture.run_as(actor, args),
        None => fixture.run(args),
    };
    assert_eq!(
        run.code, code,
        "praxis {args:?}: expected exit {code}\nstdout: {}\nstderr: {}",
        run.stdout, run.stderr
    );
    let after = std::fs::read(&fixture.path).expect("read");
    assert!(
        before == after,
        "praxis {args:?} changed the file:\n{}",
        line_diff(
            &String::from_utf8_lossy(&before),
            &String::from_utf8_lossy(&after)
        )
    );
    assert_eq!(fixture.listing(), vec!["practice.toml".to_string()]);
    assert_eq!(
        inode,
        inode_of(&fixture.path),
        "praxis {args:?} rewrote the file (same bytes, new inode): it must leave it untouched"
    );
    run
}

/// The file's inode: an atomic rewrite replaces it even with equal bytes.
#[cfg(unix)]
fn inode_of(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).expect("metadata").ino()
}

#[cfg(not(unix))]
fn inode_of(_path: &Path) -> u64 {
    0
}

#[track_caller]
fn refused(actor: &str, args: &[&str]) -> Run {
    untouched_from(PRACTICE, Some(actor), args, 1)
}

#[track_caller]
fn usage_error(actor: Option<&str>, args: &[&str]) -> Run {
    untouched_from(PRACTICE, actor, args, 2)
}

#[track_caller]
fn no_change(actor: &str, args: &[&str]) -> Run {
    let run = untouched_from(PRACTICE, Some(actor), args, 0);
    assert!(
        run.stdout.contains("no change"),
        "praxis {args:?} should print \"no change\", printed {:?}",
        run.stdout
    );
    run
}

#[test]
fn the_fixture_is_valid() {
    let fixture = Fixture::new(PRACTICE);
    let run = fixture.run(&["validate"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(run.stdout.contains("0 errors,"), "{}", run.stdout);
}

// ---------------------------------------------------------------- init

#[test]
fn init_creates_the_file_with_the_owner_as_administrator() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("practice.toml");
    let mut command = Command::cargo_bin("praxis").expect("binary");
    command
        .current_dir(dir.path())
        .env_remove("PRAXIS_FILE")
        .env_remove("PRAXIS_ACTOR")
        .args([
            "init",
            "--name",
            "Riverbend Counseling",
            "--owner",
            "alice",
            "--owner-name",
            "Alice Moreno",
            "--owner-email",
            "alice@riverbend.example",
        ]);
    let run = finish(&mut command);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = std::fs::read_to_string(&path).expect("created");
    let expected = "# Access control for Riverbend Counseling, kept by praxis (https://example.invalid/praxis).\n\
# Change it with `praxis member add`, `praxis client grant` …, or edit and run `praxis validate`.\n\
version = 1\n\
\n\
[practice]\n\
name = \"Riverbend Counseling\"\n\
owner = \"alice\"\n\
\n\
[members.alice]\n\
name = \"Alice Moreno\"\n\
email = \"alice@riverbend.example\"\n\
roles = [\"administrator\"]\n\
\n\
[clients]\n";
    assert!(text == expected, "{}", line_diff(expected, &text));
    assert_eq!(listing(dir.path()), vec!["practice.toml".to_string()]);
    // The new file validates, and the owner can go on with it.
    let fixture = Fixture { dir, path };
    assert_eq!(fixture.run(&["validate"]).code, 0);
    let add = fixture.run_as(
        "alice",
        &[
            "member",
            "add",
            "bob",
            "--name",
            "Bob",
            "--role",
            "clinician",
        ],
    );
    assert_eq!(add.code, 0, "{}", add.stderr);
    let add = fixture.run_as("alice", &["client", "add", "C-1", "--primary", "bob"]);
    assert_eq!(add.code, 0, "{}", add.stderr);
    assert!(
        fixture
            .text()
            .ends_with("[clients]\nC-1 = { primary = \"bob\" }\n"),
        "{}",
        fixture.text()
    );
}

#[test]
fn init_refuses_to_overwrite_an_existing_file() {
    untouched_from(
        PRACTICE,
        None,
        &[
            "init",
            "--name",
            "X",
            "--owner",
            "zoe",
            "--owner-name",
            "Zoe",
        ],
        1,
    );
}

#[test]
fn init_dry_run_writes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let mut command = Command::cargo_bin("praxis").expect("binary");
    command
        .current_dir(dir.path())
        .env_remove("PRAXIS_FILE")
        .args([
            "init",
            "--name",
            "X",
            "--owner",
            "zoe",
            "--owner-name",
            "Zoe",
            "--dry-run",
        ]);
    let run = finish(&mut command);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("[members.zoe]"), "{}", run.stdout);
    assert!(listing(dir.path()).is_empty(), "{:?}", listing(dir.path()));
}

// ---------------------------------------------------------------- member add

#[test]
fn member_add_appends_a_table_after_the_last_member() {
    changes(
        "alice",
        &[
            "member",
            "add",
            "ivan",
            "--name",
            "Ivan Petrov",
            "--email",
            "ivan@riverbend.example",
            "--role",
            "clinician",
            "--npi",
            "1518190933",
        ],
        &[(
            "npi = \"1908301660\"\n\n[clients]\n",
            "npi = \"1908301660\"\n\n[members.ivan]\nname = \"Ivan Petrov\"\nemail = \"ivan@riverbend.example\"\nroles = [\"clinician\"]\nnpi = \"1518190933\"\n\n[clients]\n",
        )],
    );
}

#[test]
fn member_add_an_intern_with_supervisor_and_cosign() {
    changes(
        "alice",
        &[
            "member",
            "add",
            "jo",
            "--name",
            "Jo Park",
            "--role",
            "intern",
            "--supervisor",
            "helen",
            "--cosign",
            "progress-notes,treatment-plans",
            "--bill-as-supervisor",
        ],
        &[(
            "npi = \"1908301660\"\n\n[clients]\n",
            "npi = \"1908301660\"\n\n[members.jo]\nname = \"Jo Park\"\nroles = [\"intern\"]\nsupervisors = [\"helen\"]\ncosign = [\"progress-notes\", \"treatment-plans\"]\nbill_as_supervisor = true\n\n[clients]\n",
        )],
    );
}

#[test]
fn member_add_refuses_an_id_that_exists_in_another_letter_case() {
    let run = refused("alice", &["member", "add", "BOB", "--name", "Another Bob"]);
    assert!(run.stderr.contains("bob"), "{}", run.stderr);
    refused(
        "alice",
        &["member", "add", "Helen", "--name", "Another Helen"],
    );
}

#[test]
fn member_add_refuses_a_change_that_leaves_the_file_invalid() {
    // A bad NPI check digit, and an e-mail another member has (any case).
    let run = refused(
        "alice",
        &[
            "member",
            "add",
            "ivan",
            "--name",
            "Ivan",
            "--npi",
            "1234567890",
        ],
    );
    assert!(
        run.stderr.contains("ivan") || run.stderr.contains("npi"),
        "{}",
        run.stderr
    );
    refused(
        "alice",
        &[
            "member",
            "add",
            "ivan",
            "--name",
            "Ivan",
            "--email",
            "ALICE@riverbend.example",
        ],
    );
    // An intern without a supervisor.
    let run = refused(
        "alice",
        &[
            "member", "add", "ivan", "--name", "Ivan", "--role", "intern",
        ],
    );
    assert!(run.stderr.contains("supervisor"), "{}", run.stderr);
}

#[test]
fn member_add_needs_members_manage() {
    let run = refused("bob", &["member", "add", "ivan", "--name", "Ivan"]);
    assert!(run.stderr.contains("members.manage"), "{}", run.stderr);
}

#[test]
fn member_add_with_an_unknown_role_or_supervisor_is_a_usage_error() {
    usage_error(
        Some("alice"),
        &[
            "member", "add", "ivan", "--name", "Ivan", "--role", "wizard",
        ],
    );
    usage_error(
        Some("alice"),
        &[
            "member",
            "add",
            "ivan",
            "--name",
            "Ivan",
            "--supervisor",
            "nobody",
        ],
    );
}

// ---------------------------------------------------------------- member edit

#[test]
fn member_edit_keeps_alignment_and_comments() {
    changes(
        "alice",
        &[
            "member",
            "edit",
            "bob",
            "--name",
            "Robert Lindqvist",
            "--npi",
            "1518190933",
        ],
        &[
            (
                "name    = \"Bob Lindqvist\"     # aligned by hand",
                "name    = \"Robert Lindqvist\"     # aligned by hand",
            ),
            ("npi     = \"1131860912\"", "npi     = \"1518190933\""),
        ],
    );
}

#[test]
fn member_edit_adds_and_clears_fields() {
    changes(
        "alice",
        &[
            "member",
            "edit",
            "dave",
            "--email",
            "dave@riverbend.example",
        ],
        &[(
            "roles = [\"scheduler\"]\n",
            "roles = [\"scheduler\"]\nemail = \"dave@riverbend.example\"\n",
        )],
    );
    changes(
        "alice",
        &["member", "edit", "alice", "--clear", "email"],
        &[("email = \"alice@riverbend.example\"\n", "")],
    );
}

/// SPEC §7: "Mutations that change nothing … exit 0, print \"no change\"
/// and leave the file untouched." bob's name line has a trailing comment.
#[test]
fn member_edit_to_the_same_value_is_no_change_even_with_a_trailing_comment() {
    no_change(
        "alice",
        &["member", "edit", "bob", "--name", "Bob Lindqvist"],
    );
}

#[test]
fn member_edit_no_change_and_refusals() {
    no_change(
        "alice",
        &["member", "edit", "dave", "--name", "Dave Okafor"],
    );
    no_change("alice", &["member", "edit", "bob", "--npi", "1131860912"]);
    // Permission before "no change" (SPEC §7).
    refused(
        "frank",
        &["member", "edit", "bob", "--name", "Bob Lindqvist"],
    );
    // The owner cannot be deactivated (the owner can never lose access).
    refused("alice", &["member", "edit", "alice", "--active", "false"]);
    // Nothing to edit is a usage error.
    usage_error(Some("alice"), &["member", "edit", "bob"]);
    usage_error(Some("alice"), &["member", "edit", "nobody", "--name", "X"]);
}

// ---------------------------------------------------------------- member remove

#[test]
fn member_remove_refuses_while_primary_without_a_target() {
    let run = refused("alice", &["member", "remove", "bob"]);
    assert!(
        run.stderr.contains("--reassign-clients-to"),
        "{}",
        run.stderr
    );
}

#[test]
fn member_remove_deactivates_and_reassigns_clients() {
    // gina is a clinician of C-1002 and temporary on C-1004: as the new
    // primary she leaves `clinicians` and `temporary` there.
    changes(
        "alice",
        &["member", "remove", "bob", "--reassign-clients-to", "gina"],
        &[
            (
                "npi     = \"1131860912\"\n",
                "npi     = \"1131860912\"\nactive = false\n",
            ),
            (
                "C-1001 = { primary = \"bob\" }",
                "C-1001 = { primary = \"gina\" }",
            ),
            (
                "C-1002 = {primary=\"bob\", clinicians=[\"gina\"]}   # co-treated",
                "C-1002 = { primary = \"gina\" }   # co-treated",
            ),
            (
                "C-1004 = { primary = \"bob\", temporary = [{ member = \"gina\", until = 2099-12-31, reason = \"Covering\" }] }",
                "C-1004 = { primary = \"gina\" }",
            ),
        ],
    );
}

#[test]
fn member_remove_takes_the_member_off_clinicians_temporary_and_administrative() {
    changes(
        "alice",
        &["member", "remove", "gina"],
        &[
            (
                "supervisors = [\"carol\"]  # newly licensed\n",
                "supervisors = [\"carol\"]  # newly licensed\nactive = false\n",
            ),
            (
                "C-1002 = {primary=\"bob\", clinicians=[\"gina\"]}   # co-treated",
                "C-1002 = { primary = \"bob\" }   # co-treated",
            ),
            (
                "C-1004 = { primary = \"bob\", temporary = [{ member = \"gina\", until = 2099-12-31, reason = \"Covering\" }] }",
                "C-1004 = { primary = \"bob\" }",
            ),
        ],
    );
    changes(
        "alice",
        &["member", "remove", "dave"],
        &[
            (
                "roles = [\"scheduler\"]\n",
                "roles = [\"scheduler\"]\nactive = false\n",
            ),
            (
                "C-1003 = { primary = \"carol\", restricted = true, administrative = [\"dave\"] }",
                "C-1003 = { primary = \"carol\", restricted = true }",
            ),
        ],
    );
}

/// What `member remove carol --reassign-clients-to helen
/// --reassign-supervisees-to helen` changes in the fixture.
const REMOVE_CAROL_TO_HELEN: &[(&str, &str)] = &[
    (
        "npi = \"1390996035\"\n",
        "npi = \"1390996035\"\nactive = false\n",
    ),
    (
        "roles = [\"intern\"]\nsupervisors = [\"carol\"]",
        "roles = [\"intern\"]\nsupervisors = [\"helen\"]",
    ),
    (
        "supervisors = [\"carol\"]  # newly licensed",
        "supervisors = [\"helen\"]  # newly licensed",
    ),
    (
        "C-1003 = { primary = \"carol\", restricted = true, administrative = [\"dave\"] }",
        "C-1003 = { primary = \"helen\", restricted = true, administrative = [\"dave\"] }",
    ),
    (
        "primary = \"erin\"\nclinicians = [\n  \"carol\",\n]\n",
        "primary = \"erin\"\n",
    ),
];

#[test]
fn member_remove_reassigns_supervisees() {
    changes(
        "alice",
        &[
            "member",
            "remove",
            "carol",
            "--reassign-clients-to",
            "helen",
            "--reassign-supervisees-to",
            "helen",
        ],
        REMOVE_CAROL_TO_HELEN,
    );
}

#[test]
fn member_remove_refuses_to_leave_an_intern_without_a_supervisor() {
    let run = refused(
        "alice",
        &[
            "member",
            "remove",
            "carol",
            "--reassign-clients-to",
            "helen",
        ],
    );
    assert!(run.stderr.contains("erin"), "{}", run.stderr);
}

#[test]
fn member_remove_warns_about_supervisees_who_lose_their_supervisor() {
    let start = edited(
        PRACTICE,
        &[(
            "roles = [\"intern\"]\nsupervisors = [\"carol\"]",
            "roles = [\"intern\"]\nsupervisors = [\"carol\", \"helen\"]",
        )],
    );
    let run = changes_from(
        &start,
        "alice",
        &[
            "member",
            "remove",
            "carol",
            "--reassign-clients-to",
            "helen",
        ],
        &[
            (
                "npi = \"1390996035\"\n",
                "npi = \"1390996035\"\nactive = false\n",
            ),
            (
                "supervisors = [\"carol\", \"helen\"]",
                "supervisors = [\"helen\"]",
            ),
            (
                "supervisors = [\"carol\"]  # newly licensed",
                "supervisors = []  # newly licensed",
            ),
            (
                "C-1003 = { primary = \"carol\", restricted = true, administrative = [\"dave\"] }",
                "C-1003 = { primary = \"helen\", restricted = true, administrative = [\"dave\"] }",
            ),
            (
                "primary = \"erin\"\nclinicians = [\n  \"carol\",\n]\n",
                "primary = \"erin\"\n",
            ),
        ],
    );
    assert!(
        run.stderr.contains("gina"),
        "the warning names gina: {}",
        run.stderr
    );
}

#[test]
fn member_remove_refuses_the_owner() {
    let run = refused("alice", &["member", "remove", "alice"]);
    assert!(run.stderr.contains("owner"), "{}", run.stderr);
    // Even when another administrator asks.
    let start = edited(
        PRACTICE,
        &[(
            "roles = [\"scheduler\"]",
            "roles = [\"scheduler\", \"administrator\"]",
        )],
    );
    untouched_from(&start, Some("dave"), &["member", "remove", "alice"], 1);
}

#[test]
fn member_remove_needs_members_manage_and_known_targets() {
    refused("bob", &["member", "remove", "dave"]);
    usage_error(
        Some("alice"),
        &["member", "remove", "bob", "--reassign-clients-to", "nobody"],
    );
    usage_error(Some("alice"), &["member", "remove", "nobody"]);
}

// ---------------------------------------------------------------- role grant / revoke

#[test]
fn role_grant_appends_to_a_one_line_list() {
    changes(
        "alice",
        &["role", "grant", "helen", "clinical-admin"],
        &[(
            "roles = [\"clinician\", \"supervisor\"]",
            "roles = [\"clinician\", \"supervisor\", \"clinical-admin\"]",
        )],
    );
}

#[test]
fn role_grant_keeps_an_oddly_spaced_list() {
    // Not pretty (` , "supervisor"]`), but only bob's roles line changes.
    changes(
        "alice",
        &["role", "grant", "bob", "supervisor"],
        &[(
            "roles   = [ \"clinician\" ]",
            "roles   = [ \"clinician\" , \"supervisor\"]",
        )],
    );
}

/// SPEC §4: "A rewrite changes only the lines it must: comments … elsewhere
/// stay as they were."
#[test]
fn role_grant_grows_a_multi_line_list_by_one_line() {
    changes(
        "alice",
        &["role", "grant", "carol", "clinical-admin"],
        &[(
            "    \"supervisor\",\n]\n",
            "    \"supervisor\",\n    \"clinical-admin\",\n]\n",
        )],
    );
}

#[test]
fn role_grant_replace_swaps_in_one_change() {
    changes(
        "alice",
        &["role", "grant", "erin", "clinician", "--replace", "intern"],
        &[("roles = [\"intern\"]", "roles = [\"clinician\"]")],
    );
}

#[test]
fn role_grant_replace_of_a_role_not_held_is_refused() {
    let run = refused(
        "alice",
        &["role", "grant", "bob", "supervisor", "--replace", "intern"],
    );
    assert!(run.stderr.contains("intern"), "{}", run.stderr);
}

#[test]
fn role_grant_that_breaks_a_rule_is_refused_with_findings() {
    // intern excludes clinician.
    let run = refused("alice", &["role", "grant", "erin", "clinician"]);
    assert!(run.stderr.contains("error"), "{}", run.stderr);
    // clinical-admin requires clinician.
    refused("alice", &["role", "grant", "dave", "clinical-admin"]);
}

#[test]
fn role_grant_no_change_permission_and_usage() {
    no_change("alice", &["role", "grant", "bob", "clinician"]);
    refused("frank", &["role", "grant", "bob", "clinician"]);
    usage_error(Some("alice"), &["role", "grant", "bob", "wizard"]);
    usage_error(Some("alice"), &["role", "grant", "nobody", "clinician"]);
    // Usage before permission.
    usage_error(Some("frank"), &["role", "grant", "bob", "wizard"]);
}

#[test]
fn role_revoke_removes_from_the_list() {
    changes(
        "alice",
        &["role", "revoke", "helen", "supervisor"],
        &[(
            "roles = [\"clinician\", \"supervisor\"]",
            "roles = [\"clinician\"]",
        )],
    );
    changes(
        "alice",
        &["role", "revoke", "alice", "clinician"],
        &[(
            "roles = [\"administrator\", \"clinician\"]",
            "roles = [\"administrator\"]",
        )],
    );
}

#[test]
fn role_revoke_refuses_to_leave_a_primary_without_a_clinical_role() {
    let run = refused("alice", &["role", "revoke", "bob", "clinician"]);
    assert!(run.stderr.contains("clinical role"), "{}", run.stderr);
    refused("alice", &["role", "revoke", "erin", "intern"]);
}

#[test]
fn role_revoke_no_change_and_permission_first() {
    no_change("alice", &["role", "revoke", "bob", "scheduler"]);
    // Permission before "no change".
    let run = refused("frank", &["role", "revoke", "bob", "scheduler"]);
    assert!(run.stderr.contains("members.manage"), "{}", run.stderr);
}

// ---------------------------------------------------------------- supervision

#[test]
fn supervision_add_with_cosign_appends_lines() {
    changes(
        "alice",
        &[
            "supervision",
            "add",
            "bob",
            "--by",
            "helen",
            "--cosign",
            "progress-notes,treatment-plans",
        ],
        &[(
            "npi     = \"1131860912\"\n",
            "npi     = \"1131860912\"\nsupervisors = [\"helen\"]\ncosign = [\"progress-notes\", \"treatment-plans\"]\n",
        )],
    );
}

#[test]
fn supervision_add_to_an_existing_list_keeps_its_comment() {
    changes(
        "alice",
        &["supervision", "add", "gina", "--by", "helen"],
        &[(
            "supervisors = [\"carol\"]  # newly licensed",
            "supervisors = [\"carol\", \"helen\"]  # newly licensed",
        )],
    );
    // --cosign on an existing supervision adds only the document.
    changes(
        "alice",
        &[
            "supervision",
            "add",
            "erin",
            "--by",
            "carol",
            "--cosign",
            "treatment-plans",
        ],
        &[(
            "cosign = [\"progress-notes\"]",
            "cosign = [\"progress-notes\", \"treatment-plans\"]",
        )],
    );
}

#[test]
fn supervision_remove_empties_the_list() {
    changes(
        "alice",
        &["supervision", "remove", "gina", "--by", "carol"],
        &[(
            "supervisors = [\"carol\"]  # newly licensed",
            "supervisors = []  # newly licensed",
        )],
    );
}

#[test]
fn supervision_changes_that_leave_the_file_invalid_are_refused() {
    // The intern erin would have no supervisor.
    let run = refused("alice", &["supervision", "remove", "erin", "--by", "carol"]);
    assert!(run.stderr.contains("erin"), "{}", run.stderr);
    // alice cannot co-sign, so she cannot supervise.
    refused("alice", &["supervision", "add", "bob", "--by", "alice"]);
    // Nobody supervises themselves.
    refused("alice", &["supervision", "add", "helen", "--by", "helen"]);
    // gina holds no supervisor role.
    refused("alice", &["supervision", "add", "carol", "--by", "gina"]);
}

#[test]
fn supervision_no_change_permission_and_usage() {
    no_change("alice", &["supervision", "add", "erin", "--by", "carol"]);
    no_change("alice", &["supervision", "remove", "bob", "--by", "carol"]);
    refused("dave", &["supervision", "add", "bob", "--by", "helen"]);
    refused("dave", &["supervision", "add", "erin", "--by", "carol"]);
    usage_error(
        Some("alice"),
        &["supervision", "add", "bob", "--by", "nobody"],
    );
    usage_error(
        Some("dave"),
        &["supervision", "add", "nobody", "--by", "helen"],
    );
}

// ---------------------------------------------------------------- client add

#[test]
fn client_add_appends_one_line_after_the_last_inline_client() {
    changes(
        "alice",
        &[
            "client",
            "add",
            "C-1006",
            "--primary",
            "gina",
            "--clinician",
            "bob",
        ],
        &[(
            "reason = \"Covering\" }] }\n",
            "reason = \"Covering\" }] }\nC-1006 = { primary = \"gina\", clinicians = [\"bob\"] }\n",
        )],
    );
}

#[test]
fn client_add_refusals() {
    // Any letter case (SPEC §7).
    refused("alice", &["client", "add", "c-1001", "--primary", "bob"]);
    // The primary must hold a clinical role.
    let run = refused("alice", &["client", "add", "C-1006", "--primary", "dave"]);
    assert!(run.stderr.contains("dave"), "{}", run.stderr);
    // client.create: a biller has none.
    refused("frank", &["client", "add", "C-1006", "--primary", "bob"]);
    usage_error(
        Some("alice"),
        &["client", "add", "C-1006", "--primary", "nobody"],
    );
    usage_error(
        Some("frank"),
        &[
            "client",
            "add",
            "C-1006",
            "--primary",
            "bob",
            "--clinician",
            "nobody",
        ],
    );
}

#[test]
fn client_add_by_a_scheduler() {
    changes(
        "dave",
        &["client", "add", "C-1006", "--primary", "gina"],
        &[(
            "reason = \"Covering\" }] }\n",
            "reason = \"Covering\" }] }\nC-1006 = { primary = \"gina\" }\n",
        )],
    );
}

// ---------------------------------------------------------------- client assign

#[test]
fn client_assign_moves_the_primary() {
    changes(
        "alice",
        &["client", "assign", "C-1001", "--primary", "gina"],
        &[(
            "C-1001 = { primary = \"bob\" }",
            "C-1001 = { primary = \"gina\" }",
        )],
    );
    // A clinician who becomes primary leaves `clinicians`.
    changes(
        "alice",
        &["client", "assign", "C-1002", "--primary", "gina"],
        &[(
            "C-1002 = {primary=\"bob\", clinicians=[\"gina\"]}",
            "C-1002 = { primary = \"gina\" }",
        )],
    );
    // … and `temporary`.
    changes(
        "alice",
        &["client", "assign", "C-1004", "--primary", "gina"],
        &[(
            "C-1004 = { primary = \"bob\", temporary = [{ member = \"gina\", until = 2099-12-31, reason = \"Covering\" }] }",
            "C-1004 = { primary = \"gina\" }",
        )],
    );
}

#[test]
fn client_assign_keep_previous_makes_the_old_primary_a_clinician() {
    changes(
        "alice",
        &[
            "client",
            "assign",
            "C-1002",
            "--primary",
            "gina",
            "--keep-previous",
        ],
        &[(
            "C-1002 = {primary=\"bob\", clinicians=[\"gina\"]}",
            "C-1002 = { primary = \"gina\", clinicians = [\"bob\"] }",
        )],
    );
    changes(
        "alice",
        &[
            "client",
            "assign",
            "C-1001",
            "--primary",
            "gina",
            "--keep-previous",
        ],
        &[(
            "C-1001 = { primary = \"bob\" }",
            "C-1001 = { primary = \"gina\", clinicians = [\"bob\"] }",
        )],
    );
}

#[test]
fn client_assign_a_table_client() {
    changes(
        "alice",
        &["client", "assign", "C-1005", "--primary", "carol"],
        &[(
            "primary = \"erin\"\nclinicians = [\n  \"carol\",\n]\n",
            "primary = \"carol\"\n",
        )],
    );
    changes(
        "alice",
        &[
            "client",
            "assign",
            "C-1005",
            "--primary",
            "helen",
            "--keep-previous",
        ],
        &[(
            "primary = \"erin\"\nclinicians = [\n  \"carol\",\n]\n",
            "primary = \"helen\"\nclinicians = [\n  \"carol\",\n  \"erin\",\n]\n",
        )],
    );
}

#[test]
fn client_assign_refusals() {
    no_change("alice", &["client", "assign", "C-1001", "--primary", "bob"]);
    // client.assign: a clinician has none, even on their own client.
    refused("bob", &["client", "assign", "C-1001", "--primary", "gina"]);
    // Permission before "no change".
    refused("bob", &["client", "assign", "C-1001", "--primary", "bob"]);
    // The new primary must hold a clinical role.
    refused(
        "alice",
        &["client", "assign", "C-1001", "--primary", "frank"],
    );
    usage_error(
        Some("alice"),
        &["client", "assign", "C-9999", "--primary", "bob"],
    );
    usage_error(
        Some("bob"),
        &["client", "assign", "C-1001", "--primary", "nobody"],
    );
}

// ---------------------------------------------------------------- client grant

#[test]
fn client_grant_adds_a_clinician() {
    changes(
        "alice",
        &["client", "grant", "C-1001", "gina"],
        &[(
            "C-1001 = { primary = \"bob\" }",
            "C-1001 = { primary = \"bob\", clinicians = [\"gina\"] }",
        )],
    );
    changes(
        "alice",
        &["client", "grant", "C-1002", "helen"],
        &[(
            "C-1002 = {primary=\"bob\", clinicians=[\"gina\"]}   # co-treated",
            "C-1002 = { primary = \"bob\", clinicians = [\"gina\", \"helen\"] }   # co-treated",
        )],
    );
}

#[test]
fn client_grant_on_a_table_client_grows_the_multi_line_list() {
    changes(
        "alice",
        &["client", "grant", "C-1005", "bob"],
        &[(
            "clinicians = [\n  \"carol\",\n]\n",
            "clinicians = [\n  \"carol\",\n  \"bob\",\n]\n",
        )],
    );
}

#[test]
fn client_grant_by_the_primary_clinician() {
    // bob holds client.access on his assigned clients.
    changes(
        "bob",
        &["client", "grant", "C-1001", "gina"],
        &[(
            "C-1001 = { primary = \"bob\" }",
            "C-1001 = { primary = \"bob\", clinicians = [\"gina\"] }",
        )],
    );
    // … but not on a client he is not on.
    refused("bob", &["client", "grant", "C-1005", "gina"]);
}

#[test]
fn client_grant_until_writes_a_temporary_entry() {
    changes(
        "alice",
        &[
            "client",
            "grant",
            "C-1001",
            "gina",
            "--until",
            "2099-01-31",
            "--reason",
            "On leave",
        ],
        &[(
            "C-1001 = { primary = \"bob\" }",
            "C-1001 = { primary = \"bob\", temporary = [{ member = \"gina\", until = 2099-01-31, reason = \"On leave\" }] }",
        )],
    );
    // A new grant for the same member replaces their entry.
    changes(
        "alice",
        &[
            "client",
            "grant",
            "C-1004",
            "gina",
            "--until",
            "2099-06-30",
            "--reason",
            "Extended",
        ],
        &[(
            "temporary = [{ member = \"gina\", until = 2099-12-31, reason = \"Covering\" }]",
            "temporary = [{ member = \"gina\", until = 2099-06-30, reason = \"Extended\" }]",
        )],
    );
}

#[test]
fn client_grant_permanent_supersedes_temporary() {
    changes(
        "alice",
        &["client", "grant", "C-1004", "gina"],
        &[(
            "C-1004 = { primary = \"bob\", temporary = [{ member = \"gina\", until = 2099-12-31, reason = \"Covering\" }] }",
            "C-1004 = { primary = \"bob\", clinicians = [\"gina\"] }",
        )],
    );
}

#[test]
fn client_grant_until_needs_a_reason() {
    // A usage error, even for an actor without the permission.
    usage_error(
        Some("alice"),
        &["client", "grant", "C-1001", "gina", "--until", "2099-01-31"],
    );
    usage_error(
        Some("frank"),
        &["client", "grant", "C-1001", "gina", "--until", "2099-01-31"],
    );
    // A reason of spaces is missing (SPEC §7).
    usage_error(
        Some("alice"),
        &[
            "client",
            "grant",
            "C-1001",
            "gina",
            "--until",
            "2099-01-31",
            "--reason",
            "   ",
        ],
    );
}

#[test]
fn client_grant_administrative_on_a_restricted_client() {
    changes(
        "alice",
        &["client", "grant", "C-1003", "frank", "--administrative"],
        &[(
            "administrative = [\"dave\"]",
            "administrative = [\"dave\", \"frank\"]",
        )],
    );
    // Not restricted: refused.
    refused(
        "alice",
        &["client", "grant", "C-1001", "frank", "--administrative"],
    );
    // client.restrict: the primary clinician does not hold it.
    refused(
        "carol",
        &["client", "grant", "C-1003", "frank", "--administrative"],
    );
    no_change(
        "alice",
        &["client", "grant", "C-1003", "dave", "--administrative"],
    );
}

#[test]
fn client_grant_no_change_permission_and_usage() {
    no_change("alice", &["client", "grant", "C-1001", "bob"]);
    no_change("alice", &["client", "grant", "C-1002", "gina"]);
    // Permission before "no change".
    refused("frank", &["client", "grant", "C-1002", "gina"]);
    usage_error(Some("alice"), &["client", "grant", "C-9999", "gina"]);
    usage_error(Some("alice"), &["client", "grant", "C-1001", "nobody"]);
    usage_error(Some("frank"), &["client", "grant", "C-1001", "nobody"]);
}

// ---------------------------------------------------------------- client revoke

#[test]
fn client_revoke_removes_a_clinician_or_temporary_entry() {
    changes(
        "alice",
        &["client", "revoke", "C-1002", "gina"],
        &[(
            "C-1002 = {primary=\"bob\", clinicians=[\"gina\"]}   # co-treated",
            "C-1002 = { primary = \"bob\" }   # co-treated",
        )],
    );
    changes(
        "alice",
        &["client", "revoke", "C-1004", "gina"],
        &[(
            "C-1004 = { primary = \"bob\", temporary = [{ member = \"gina\", until = 2099-12-31, reason = \"Covering\" }] }",
            "C-1004 = { primary = \"bob\" }",
        )],
    );
    changes(
        "alice",
        &["client", "revoke", "C-1005", "carol"],
        &[(
            "primary = \"erin\"\nclinicians = [\n  \"carol\",\n]\n",
            "primary = \"erin\"\n",
        )],
    );
}

#[test]
fn client_revoke_refuses_the_primary_and_the_owner() {
    let run = refused("alice", &["client", "revoke", "C-1001", "bob"]);
    assert!(run.stderr.contains("primary"), "{}", run.stderr);
    let start = edited(
        PRACTICE,
        &[(
            "C-1001 = { primary = \"bob\" }",
            "C-1001 = { primary = \"bob\", clinicians = [\"alice\"] }",
        )],
    );
    let run = untouched_from(
        &start,
        Some("alice"),
        &["client", "revoke", "C-1001", "alice"],
        1,
    );
    assert!(run.stderr.contains("owner"), "{}", run.stderr);
    untouched_from(
        &start,
        Some("bob"),
        &["client", "revoke", "C-1001", "alice"],
        1,
    );
}

#[test]
fn client_revoke_administrative() {
    changes(
        "alice",
        &["client", "revoke", "C-1003", "dave", "--administrative"],
        &[(
            "C-1003 = { primary = \"carol\", restricted = true, administrative = [\"dave\"] }",
            "C-1003 = { primary = \"carol\", restricted = true }",
        )],
    );
}

#[test]
fn client_revoke_administrative_also_removes_clinicians_and_temporary() {
    let start = edited(
        PRACTICE,
        &[(
            "C-1003 = { primary = \"carol\", restricted = true, administrative = [\"dave\"] }",
            "C-1003 = { primary = \"carol\", clinicians = [\"gina\"], restricted = true, administrative = [\"dave\"], temporary = [{ member = \"helen\", until = 2099-12-31, reason = \"Crisis\" }] }",
        )],
    );
    changes_from(
        &start,
        "alice",
        &["client", "revoke", "C-1003", "gina", "--administrative"],
        &[(", clinicians = [\"gina\"], restricted", ", restricted")],
    );
    changes_from(
        &start,
        "alice",
        &["client", "revoke", "C-1003", "helen", "--administrative"],
        &[(
            ", administrative = [\"dave\"], temporary = [{ member = \"helen\", until = 2099-12-31, reason = \"Crisis\" }] }",
            ", administrative = [\"dave\"] }",
        )],
    );
}

#[test]
fn client_revoke_administrative_refuses_the_primary_and_the_owner() {
    refused(
        "alice",
        &["client", "revoke", "C-1003", "carol", "--administrative"],
    );
    refused(
        "alice",
        &["client", "revoke", "C-1003", "alice", "--administrative"],
    );
}

#[test]
fn client_revoke_no_change_permission_and_usage() {
    no_change("alice", &["client", "revoke", "C-1001", "gina"]);
    no_change(
        "alice",
        &["client", "revoke", "C-1001", "dave", "--administrative"],
    );
    // Permission before "no change": frank has no client.access.
    refused("frank", &["client", "revoke", "C-1001", "gina"]);
    // --administrative needs client.restrict, which bob does not hold.
    refused(
        "bob",
        &["client", "revoke", "C-1002", "gina", "--administrative"],
    );
    usage_error(Some("alice"), &["client", "revoke", "C-9999", "gina"]);
    usage_error(Some("frank"), &["client", "revoke", "C-1001", "nobody"]);
}

// ---------------------------------------------------------------- client restrict

#[test]
fn client_restrict_on_and_off() {
    changes(
        "alice",
        &["client", "restrict", "C-1001"],
        &[(
            "C-1001 = { primary = \"bob\" }",
            "C-1001 = { primary = \"bob\", restricted = true }",
        )],
    );
    changes(
        "alice",
        &["client", "restrict", "C-1005"],
        &[("  \"carol\",\n]\n", "  \"carol\",\n]\nrestricted = true\n")],
    );
    // --off also removes the administrative list.
    changes(
        "alice",
        &["client", "restrict", "C-1003", "--off"],
        &[(
            "C-1003 = { primary = \"carol\", restricted = true, administrative = [\"dave\"] }",
            "C-1003 = { primary = \"carol\" }",
        )],
    );
}

#[test]
fn client_restrict_no_change_and_permission() {
    no_change("alice", &["client", "restrict", "C-1003"]);
    no_change("alice", &["client", "restrict", "C-1001", "--off"]);
    // Permission before "no change"; the primary holds no client.restrict.
    refused("bob", &["client", "restrict", "C-1001"]);
    refused("bob", &["client", "restrict", "C-1001", "--off"]);
    usage_error(Some("bob"), &["client", "restrict", "C-9999"]);
}

// ---------------------------------------------------------------- client remove

#[test]
fn client_remove_deletes_the_entry() {
    changes(
        "alice",
        &["client", "remove", "C-1002"],
        &[(
            "C-1002 = {primary=\"bob\", clinicians=[\"gina\"]}   # co-treated\n",
            "",
        )],
    );
    // A scheduler holds client.delete.
    changes(
        "dave",
        &["client", "remove", "C-1003"],
        &[(
            "C-1003 = { primary = \"carol\", restricted = true, administrative = [\"dave\"] }\n",
            "",
        )],
    );
}

#[test]
fn client_remove_a_table_client() {
    changes(
        "alice",
        &["client", "remove", "C-1005"],
        &[(
            "\n# a client written as a table\n[clients.C-1005]\nprimary = \"erin\"\nclinicians = [\n  \"carol\",\n]\n",
            "",
        )],
    );
}

#[test]
fn client_remove_permission_and_usage() {
    refused("bob", &["client", "remove", "C-1001"]);
    usage_error(Some("alice"), &["client", "remove", "C-9999"]);
    // A biller holds no client.delete.
    refused("frank", &["client", "remove", "C-1003"]);
}

// ---------------------------------------------------------------- general rules

#[test]
fn a_mutation_needs_a_known_actor() {
    let run = usage_error(None, &["member", "add", "ivan", "--name", "Ivan"]);
    assert!(run.stderr.contains("--as"), "{}", run.stderr);
    usage_error(Some("nobody"), &["member", "add", "ivan", "--name", "Ivan"]);
    // Ids are exact: the actor `Alice` is not `alice`.
    usage_error(Some("Alice"), &["member", "add", "ivan", "--name", "Ivan"]);
    usage_error(None, &["client", "grant", "C-1001", "gina"]);
    usage_error(None, &["client", "restrict", "C-1001"]);
}

#[test]
fn the_actor_can_come_from_praxis_actor() {
    let fixture = Fixture::new(PRACTICE);
    let mut command = fixture.bare();
    command
        .env("PRAXIS_ACTOR", "alice")
        .args(["-f"])
        .arg(&fixture.path)
        .args(["client", "grant", "C-1001", "gina"]);
    let run = finish(&mut command);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        fixture
            .text()
            .contains("C-1001 = { primary = \"bob\", clinicians = [\"gina\"] }")
    );
    // --as wins over the variable.
    let fixture = Fixture::new(PRACTICE);
    let mut command = fixture.bare();
    command
        .env("PRAXIS_ACTOR", "alice")
        .args(["--as", "frank", "-f"])
        .arg(&fixture.path)
        .args(["client", "grant", "C-1001", "gina"]);
    assert_eq!(finish(&mut command).code, 1);
    assert_eq!(fixture.text(), PRACTICE);
    // An empty variable is no actor.
    let mut command = fixture.bare();
    command
        .env("PRAXIS_ACTOR", "")
        .args(["-f"])
        .arg(&fixture.path)
        .args(["client", "grant", "C-1001", "gina"]);
    assert_eq!(finish(&mut command).code, 2);
    assert_eq!(fixture.text(), PRACTICE);
    // An unknown actor in the variable is a usage error.
    let mut command = fixture.bare();
    command
        .env("PRAXIS_ACTOR", "nobody")
        .args(["-f"])
        .arg(&fixture.path)
        .args(["client", "grant", "C-1001", "gina"]);
    assert_eq!(finish(&mut command).code, 2);
    assert_eq!(fixture.text(), PRACTICE);
}

#[test]
fn usage_is_reported_before_permission() {
    // frank may change none of these; each names something unknown.
    usage_error(Some("frank"), &["member", "remove", "nobody"]);
    usage_error(Some("frank"), &["role", "revoke", "bob", "wizard"]);
    usage_error(
        Some("frank"),
        &["supervision", "remove", "bob", "--by", "nobody"],
    );
    usage_error(
        Some("frank"),
        &["client", "assign", "C-9999", "--primary", "bob"],
    );
    usage_error(Some("frank"), &["client", "remove", "C-9999"]);
    usage_error(
        Some("frank"),
        &["client", "grant", "C-1003", "nobody", "--administrative"],
    );
}

#[test]
fn permission_is_checked_before_no_change() {
    refused("frank", &["role", "grant", "bob", "clinician"]);
    refused("frank", &["supervision", "remove", "bob", "--by", "carol"]);
    refused("frank", &["client", "revoke", "C-1001", "gina"]);
    refused("frank", &["client", "restrict", "C-1003"]);
    refused("frank", &["member", "edit", "bob", "--npi", "1131860912"]);
}

#[test]
fn a_mutation_on_an_invalid_file_is_not_attempted() {
    let invalid = edited(
        PRACTICE,
        &[(
            "roles = [\"biller\"]",
            "roles = [\"biller\"]\nnmae = \"typo\"",
        )],
    );
    let run = untouched_from(
        &invalid,
        Some("alice"),
        &["client", "grant", "C-1001", "gina"],
        2,
    );
    assert!(
        run.stderr.contains("nmae"),
        "the findings are shown: {}",
        run.stderr
    );
    // Even a change that would fix nothing, by anyone, and a no-op.
    untouched_from(
        &invalid,
        Some("alice"),
        &["client", "grant", "C-1001", "bob"],
        2,
    );
    untouched_from(
        &invalid,
        Some("frank"),
        &["member", "add", "ivan", "--name", "Ivan"],
        2,
    );
    // A file that does not parse.
    let broken = format!("{PRACTICE}\n[clients\n");
    untouched_from(
        &broken,
        Some("alice"),
        &["client", "grant", "C-1001", "gina"],
        2,
    );
}

#[test]
fn a_change_that_leaves_the_file_invalid_prints_the_findings() {
    let run = refused("alice", &["supervision", "remove", "erin", "--by", "carol"]);
    assert!(
        run.stderr.contains("error["),
        "findings with codes: {}",
        run.stderr
    );
    assert!(run.stderr.contains("erin"), "{}", run.stderr);
}

#[test]
fn a_missing_file_is_exit_2() {
    let dir = tempfile::tempdir().expect("dir");
    let mut command = Command::cargo_bin("praxis").expect("binary");
    command
        .current_dir(dir.path())
        .env_remove("PRAXIS_FILE")
        .env_remove("PRAXIS_ACTOR")
        .args([
            "--as",
            "alice",
            "-f",
            "missing.toml",
            "client",
            "grant",
            "C-1001",
            "gina",
        ]);
    assert_eq!(finish(&mut command).code, 2);
    assert!(listing(dir.path()).is_empty(), "{:?}", listing(dir.path()));
}

#[test]
fn dry_run_prints_a_unified_diff_and_writes_nothing() {
    let run = untouched_from(
        PRACTICE,
        Some("alice"),
        &["client", "grant", "C-1001", "gina", "--dry-run"],
        0,
    );
    let path_line = run.stdout.lines().next().unwrap_or("");
    assert!(path_line.starts_with("--- "), "{}", run.stdout);
    assert!(run.stdout.contains("\n+++ "), "{}", run.stdout);
    assert!(run.stdout.contains("\n@@ "), "{}", run.stdout);
    assert!(
        run.stdout.contains("\n-C-1001 = { primary = \"bob\" }\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("\n+C-1001 = { primary = \"bob\", clinicians = [\"gina\"] }\n"),
        "{}",
        run.stdout
    );
    // Context lines, and nothing else marked as changed.
    assert!(
        run.stdout.contains("\n # one line per client\n"),
        "{}",
        run.stdout
    );
    let changed = run
        .stdout
        .lines()
        .filter(|l| {
            (l.starts_with('+') || l.starts_with('-'))
                && !l.starts_with("+++")
                && !l.starts_with("---")
        })
        .count();
    assert_eq!(changed, 2, "{}", run.stdout);

    // Every mutation takes --dry-run.
    for args in [
        &["member", "add", "ivan", "--name", "Ivan", "--dry-run"][..],
        &["member", "edit", "bob", "--name", "Rob", "--dry-run"],
        &[
            "member",
            "remove",
            "bob",
            "--reassign-clients-to",
            "gina",
            "--dry-run",
        ],
        &["role", "grant", "helen", "clinical-admin", "--dry-run"],
        &["role", "revoke", "helen", "supervisor", "--dry-run"],
        &["supervision", "add", "bob", "--by", "helen", "--dry-run"],
        &[
            "supervision",
            "remove",
            "gina",
            "--by",
            "carol",
            "--dry-run",
        ],
        &["client", "add", "C-1006", "--primary", "bob", "--dry-run"],
        &[
            "client",
            "assign",
            "C-1001",
            "--primary",
            "gina",
            "--dry-run",
        ],
        &["client", "revoke", "C-1002", "gina", "--dry-run"],
        &["client", "restrict", "C-1001", "--dry-run"],
        &["client", "remove", "C-1001", "--dry-run"],
    ] {
        let run = untouched_from(PRACTICE, Some("alice"), args, 0);
        assert!(run.stdout.starts_with("--- "), "{args:?}: {}", run.stdout);
    }
    // A refused change is refused under --dry-run too.
    untouched_from(
        PRACTICE,
        Some("alice"),
        &["member", "remove", "bob", "--dry-run"],
        1,
    );
    untouched_from(
        PRACTICE,
        Some("frank"),
        &["client", "grant", "C-1001", "gina", "--dry-run"],
        1,
    );
}

#[test]
fn global_options_go_before_or_after_a_change_subcommand() {
    let expected = edited(
        PRACTICE,
        &[(
            "npi = \"1908301660\"\n\n[clients]\n",
            "npi = \"1908301660\"\n\n[members.ivan]\nname = \"Ivan\"\nroles = [\"clinician\"]\n\n[clients]\n",
        )],
    );
    let path_arg = |f: &Fixture| f.path.to_string_lossy().into_owned();

    let before = Fixture::new(PRACTICE);
    let path = path_arg(&before);
    let mut command = before.bare();
    command.args([
        "--as",
        "alice",
        "-f",
        &path,
        "member",
        "add",
        "ivan",
        "--name",
        "Ivan",
        "--role",
        "clinician",
    ]);
    let run = finish(&mut command);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_text(&before, &expected);

    let after = Fixture::new(PRACTICE);
    let path = path_arg(&after);
    let mut command = after.bare();
    command.args([
        "member",
        "add",
        "ivan",
        "--name",
        "Ivan",
        "--role",
        "clinician",
        "-f",
        &path,
        "--as",
        "alice",
    ]);
    let run = finish(&mut command);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_text(&after, &expected);

    let between = Fixture::new(PRACTICE);
    let path = path_arg(&between);
    let mut command = between.bare();
    command.args([
        "member",
        "--file",
        &path,
        "add",
        "ivan",
        "--as=alice",
        "--name",
        "Ivan",
        "--role",
        "clinician",
        "-q",
    ]);
    let run = finish(&mut command);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_text(&between, &expected);
    assert_eq!(run.stdout, "", "-q prints nothing on success");

    // $PRAXIS_FILE and the nearest practice.toml upwards.
    let env = Fixture::new(PRACTICE);
    let mut command = env.bare();
    command
        .env("PRAXIS_FILE", &env.path)
        .current_dir(std::env::temp_dir())
        .args([
            "member",
            "add",
            "ivan",
            "--name",
            "Ivan",
            "--role",
            "clinician",
            "--as",
            "alice",
        ]);
    assert_eq!(finish(&mut command).code, 0);
    assert_text(&env, &expected);

    let upwards = Fixture::new(PRACTICE);
    let sub = upwards.dir.path().join("notes").join("2026");
    std::fs::create_dir_all(&sub).expect("mkdir");
    let mut command = upwards.bare();
    command.current_dir(&sub).args([
        "member",
        "add",
        "ivan",
        "--name",
        "Ivan",
        "--role",
        "clinician",
        "--as",
        "alice",
    ]);
    assert_eq!(finish(&mut command).code, 0);
    assert_text(&upwards, &expected);
}

#[test]
fn a_successful_change_reports_what_it_did() {
    let run = changes(
        "alice",
        &["client", "grant", "C-1001", "gina"],
        &[(
            "C-1001 = { primary = \"bob\" }",
            "C-1001 = { primary = \"bob\", clinicians = [\"gina\"] }",
        )],
    );
    assert!(run.stdout.contains("gina"), "{}", run.stdout);
    assert!(run.stdout.contains("C-1001"), "{}", run.stdout);
    assert!(!run.stdout.contains("no change"), "{}", run.stdout);
}

#[test]
fn array_of_tables_temporary_entries_are_edited_in_place() {
    let start = format!(
        "{PRACTICE}
[[clients.C-1005.temporary]]
member = \"helen\"   # on call
until = 2099-12-31
reason = \"Crisis cover\"
"
    );
    changes_from(
        &start,
        "alice",
        &["client", "revoke", "C-1005", "helen"],
        &[(
            "\n[[clients.C-1005.temporary]]\nmember = \"helen\"   # on call\nuntil = 2099-12-31\nreason = \"Crisis cover\"\n",
            "",
        )],
    );
}

/// SPEC §4: "A rewrite changes only the lines it must: comments … elsewhere
/// stay as they were." The `# licensed` comment sits on the `"clinician",`
/// line; replacing the role on the next line must keep it.
#[test]
fn role_grant_replace_keeps_the_comment_on_the_line_above() {
    changes(
        "alice",
        &[
            "role",
            "grant",
            "carol",
            "clinical-admin",
            "--replace",
            "supervisor",
        ],
        &[("    \"supervisor\",\n]\n", "    \"clinical-admin\",\n]\n")],
    );
}

/// A practice where `olga` holds `members.manage` but not
/// `members.credentials` (a custom role).
fn with_office_manager() -> String {
    edited(
        PRACTICE,
        &[(
            "# ---- staff ----\n",
            "[roles.office-manager]\n\
             description = \"Adds and removes staff; no credentials\"\n\
             grants = [{ can = [\"members.manage\"], on = \"practice\" }]\n\
             \n\
             # ---- staff ----\n\
             \n\
             [members.olga]\n\
             name = \"Olga Kessler\"\n\
             roles = [\"office-manager\"]\n",
        )],
    )
}

#[test]
fn credentials_and_supervision_need_members_credentials() {
    let start = with_office_manager();
    let fixture = Fixture::new(&start);
    let check = fixture.run(&["validate"]);
    assert_eq!(check.code, 0, "{}", check.stdout);
    // members.manage is enough for names and e-mails …
    changes_from(
        &start,
        "olga",
        &["member", "edit", "dave", "--name", "David Okafor"],
        &[("name = \"Dave Okafor\"", "name = \"David Okafor\"")],
    );
    // … but not for NPI, taxonomy, co-signing or supervision.
    let run = untouched_from(
        &start,
        Some("olga"),
        &["member", "edit", "bob", "--npi", "1518190933"],
        1,
    );
    assert!(run.stderr.contains("members.credentials"), "{}", run.stderr);
    untouched_from(
        &start,
        Some("olga"),
        &["member", "edit", "helen", "--taxonomy", "101YM0800X"],
        1,
    );
    untouched_from(
        &start,
        Some("olga"),
        &[
            "member",
            "edit",
            "bob",
            "--name",
            "Rob",
            "--npi",
            "1518190933",
        ],
        1,
    );
    untouched_from(
        &start,
        Some("olga"),
        &["supervision", "add", "bob", "--by", "helen"],
        1,
    );
    untouched_from(
        &start,
        Some("olga"),
        &["supervision", "remove", "gina", "--by", "carol"],
        1,
    );
}

#[test]
fn members_manage_covers_the_reassignments_member_remove_makes() {
    changes_from(
        &with_office_manager(),
        "olga",
        &[
            "member",
            "remove",
            "carol",
            "--reassign-clients-to",
            "helen",
            "--reassign-supervisees-to",
            "helen",
        ],
        REMOVE_CAROL_TO_HELEN,
    );
}

#[test]
fn swapped_client_and_member_are_named_as_swapped() {
    let fixture = Fixture::new(PRACTICE);
    for command in [["client", "grant"], ["client", "revoke"]] {
        let run = fixture.run_as("alice", &[command[0], command[1], "gina", "C-1001"]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(
            run.stderr
                .contains("`gina` is a member and `C-1001` a client: the client comes first"),
            "{}",
            run.stderr
        );
    }
    assert_eq!(fixture.text(), PRACTICE);
}

#[test]
fn a_role_granted_to_an_inactive_member_warns_that_it_gives_nothing() {
    let fixture = Fixture::new(PRACTICE);
    let edit = fixture.run_as("alice", &["member", "edit", "frank", "--active", "false"]);
    assert_eq!(edit.code, 0, "{}", edit.stderr);
    let grant = fixture.run_as("alice", &["role", "grant", "frank", "scheduler"]);
    assert_eq!(grant.code, 0, "{}", grant.stderr);
    assert!(
        grant
            .stderr
            .contains("frank is inactive, so the role gives no access"),
        "{}",
        grant.stderr
    );
}
