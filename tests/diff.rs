//! `praxis diff` (SPEC §4, §5, §7 "diff --as"): two files, and a file
//! against a git revision in a real repository made in a temp directory.
//! Every scenario is run both ways (`diff OLD NEW` and `diff --base REV`)
//! and the two JSON reports must agree; then the text, JSON and markdown
//! shapes, `--fail-on-gain`, and `--as` for every row of the actor table.

// Test helpers panic on purpose: a panic is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;
use tempfile::TempDir;

/// The practice every scenario starts from. It validates with no findings.
/// Besides the usual staff it has one member per capability an actor may
/// need: mona (members.manage), cole (members.credentials), sam
/// (practice.settings), hank (client.create), rita (client.restrict on all);
/// ivy holds clinical-admin (client.assign on all), dave and sara are
/// schedulers (client.access and client.delete on all).
const PRACTICE: &str = r#"# Riverbend Counseling
version = 1

[practice]
name = "Riverbend Counseling"
owner = "alice"

[members.alice]
name = "Alice Moreno"
email = "alice@riverbend.example"
roles = ["administrator", "clinician"]
npi = "1245319599"

[members.bob]
name = "Bob Lindqvist"
roles = ["clinician"]
npi = "1131860912"

[members.carol]
name = "Carol Nguyen"
roles = ["clinician", "supervisor"]
npi = "1390996035"

[members.dave]
name = "Dave Okafor"
roles = ["scheduler"]

[members.sara]
name = "Sara Benitez"
roles = ["scheduler"]

[members.erin]
name = "Erin Brooks"
roles = ["intern"]
supervisors = ["carol"]
cosign = ["progress-notes"]
bill_as_supervisor = true

[members.frank]
name = "Frank Adeyemi"
roles = ["biller"]

[members.gina]
name = "Gina Rossi"
roles = ["clinician"]
npi = "1526018159"
supervisors = ["carol"]

[members.ivy]
name = "Ivy Chen"
roles = ["clinician", "clinical-admin"]
npi = "1908301660"

[members.mona]
name = "Mona Field"
grants = [{ can = ["members.manage"], on = "practice" }]

[members.cole]
name = "Cole Park"
grants = [{ can = ["members.credentials"], on = "practice" }]

[members.sam]
name = "Sam Ito"
grants = [{ can = ["practice.settings"], on = "practice" }]

[members.hank]
name = "Hank Moss"
grants = [{ can = ["client.create"], on = "practice" }]

[members.rita]
name = "Rita Vance"
grants = [{ can = ["client.restrict"], on = "all" }]

[clients]
C-1001 = { primary = "bob" }
C-1002 = { primary = "bob", clinicians = ["gina"] }
C-1003 = { primary = "carol", restricted = true, administrative = ["dave"] }
C-1004 = { primary = "erin" }
"#;

/// The same practice, reordered and recommented: members and clients in
/// another order, a client as a table, list items swapped, other comments.
const REORDERED: &str = r#"version = 1 # the format

# ==== the practice ====
[practice]
owner = "alice"
name = "Riverbend Counseling"

[clients]
C-1004 = { primary = "erin" }   # the intern's client
C-1003 = { primary = "carol", administrative = ["dave"], restricted = true }
C-1001 = { primary = "bob" }

[clients.C-1002]
clinicians = ["gina"]
primary = "bob"

[members.rita]
grants = [{ on = "all", can = ["client.restrict"] }]
name = "Rita Vance"

[members.hank]
name = "Hank Moss"
grants = [{ can = ["client.create"], on = "practice" }]

[members.sam]
name = "Sam Ito"
grants = [{ can = ["practice.settings"], on = "practice" }]

[members.cole]
name = "Cole Park"
grants = [{ can = ["members.credentials"], on = "practice" }]

[members.mona]
name = "Mona Field"
grants = [{ can = ["members.manage"], on = "practice" }]

[members.ivy]
roles = ["clinical-admin", "clinician"]
name = "Ivy Chen"
npi = "1908301660"

[members.gina]
supervisors = ["carol"]
name = "Gina Rossi"
npi = "1526018159"
roles = ["clinician"]

[members.frank]
name = "Frank Adeyemi"
roles = ["biller"]

[members.erin]
name = "Erin Brooks"
bill_as_supervisor = true
cosign = ["progress-notes"]
supervisors = ["carol"]
roles = ["intern"]

[members.sara]
name = "Sara Benitez"
roles = ["scheduler"]

[members.dave]
name = "Dave Okafor"
roles = ["scheduler"]

[members.carol]
name = "Carol Nguyen"
npi = "1390996035"
roles = ["supervisor", "clinician"]

[members.bob]
npi = "1131860912"
name = "Bob Lindqvist"
roles = ["clinician"]

[members.alice]
roles = ["clinician", "administrator"]
email = "alice@riverbend.example"
name = "Alice Moreno"
npi = "1245319599"
"#;

const BAD_PRIMARY: &str = "C-1004 = { primary = \"zed\" }";

/// Whether a `+`/`-` line of the text output lists `capability` (capabilities
/// covering the same clients share a line) and ends with `place`.
fn lists(text: &str, sign: char, capability: &str, place: &str) -> bool {
    text.lines().map(str::trim).any(|line| {
        // Markdown details put each line in a list: `- + cap on …`.
        let line = line
            .strip_prefix("- ")
            .filter(|l| l.starts_with(['+', '-']))
            .unwrap_or(line);
        line.strip_prefix(sign).is_some_and(|rest| {
            let (capabilities, clients) = match rest.find(" on ") {
                Some(at) => rest.split_at(at),
                None => (rest, ""),
            };
            capabilities.split(',').any(|c| c.trim() == capability) && clients.starts_with(place)
        })
    })
}

fn praxis(dir: &Path) -> Command {
    common::praxis_in(dir)
}

/// `text` with its one occurrence of `from` replaced by `to`.
fn edit(text: &str, from: &str, to: &str) -> String {
    assert_eq!(
        text.matches(from).count(),
        1,
        "`{from}` must occur exactly once in the practice"
    );
    text.replacen(from, to, 1)
}

fn code(output: &Output) -> i32 {
    output.status.code().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(output)))
}

/// A git repository in a temp directory, with its own identity.
struct Repo {
    _tmp: TempDir,
    root: PathBuf,
}

impl Repo {
    fn new() -> Repo {
        let tmp = TempDir::new().unwrap();
        let root = tmp.path().join("repo");
        std::fs::create_dir(&root).unwrap();
        let repo = Repo { _tmp: tmp, root };
        repo.git(&["-c", "init.defaultBranch=main", "init", "-q"]);
        repo
    }

    /// Runs git in the repository; panics when it fails.
    fn git(&self, args: &[&str]) -> String {
        let output = std::process::Command::new("git")
            .current_dir(&self.root)
            .args([
                "-c",
                "user.name=Praxis Test",
                "-c",
                "user.email=test@praxis.invalid",
                "-c",
                "commit.gpgsign=false",
            ])
            .args(args)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "git {args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    }

    fn write(&self, path: &str, text: &str) {
        let path = self.root.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(path, text).unwrap();
    }

    fn commit(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "--allow-empty", "-m", message]);
    }

    fn praxis(&self) -> Command {
        praxis(&self.root)
    }

    /// A directory outside the repository for loose files.
    fn scratch(&self) -> PathBuf {
        let dir = self.root.parent().unwrap().join("scratch");
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }
}

/// OLD committed, then NEW committed on top, as `practice.toml`.
fn history(old: &str, new: &str) -> Repo {
    let repo = Repo::new();
    repo.write("practice.toml", old);
    repo.commit("old");
    repo.write("practice.toml", new);
    repo.commit("new");
    repo
}

/// Runs `diff` both ways on OLD → NEW with `args` added: two files, and
/// `--base HEAD~1` in a repository. Both must exit alike; with `--format
/// json` among `args` their `diff` and `unauthorized` fields must agree.
/// Returns the two-file run.
fn run_diff(old: &str, new: &str, args: &[&str]) -> Output {
    let repo = history(old, new);
    let scratch = repo.scratch();
    std::fs::write(scratch.join("old.toml"), old).unwrap();
    std::fs::write(scratch.join("new.toml"), new).unwrap();
    let files = praxis(&scratch)
        .args(["diff", "old.toml", "new.toml"])
        .args(args)
        .output()
        .unwrap();
    let git = repo
        .praxis()
        .args(["diff", "--base", "HEAD~1"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(
        code(&files),
        code(&git),
        "diff OLD NEW and diff --base disagree:\n{}{}\n---\n{}{}",
        stdout(&files),
        stderr(&files),
        stdout(&git),
        stderr(&git)
    );
    if args.contains(&"json") && code(&files) != 2 {
        let (a, b) = (json(&files), json(&git));
        assert_eq!(a["diff"], b["diff"], "the two ways see different changes");
        assert_eq!(a["unauthorized"], b["unauthorized"]);
    }
    files
}

fn diff_json(old: &str, new: &str, args: &[&str]) -> Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let output = run_diff(old, new, &all);
    assert_ne!(code(&output), 2, "{}", stderr(&output));
    json(&output)
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("not an array: {value}"))
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

fn clients(list: &[&str]) -> Vec<String> {
    list.iter().map(|c| c.to_string()).collect()
}

// ---- what changed ----

#[test]
fn an_added_member_is_listed_with_the_access_they_gain() {
    let new =
        format!("{PRACTICE}\n[members.nina]\nname = \"Nina Park\"\nroles = [\"scheduler\"]\n");
    let report = diff_json(PRACTICE, &new, &[]);
    let diff = &report["diff"];
    assert_eq!(strings(&diff["members_added"]), ["nina"]);
    let nina = &diff["members"]["nina"];
    assert_eq!(strings(&nina["roles_granted"]), ["scheduler"]);
    // all-clients roles do not reach the restricted C-1003.
    assert_eq!(
        strings(&nina["gained"]["client.view"]),
        clients(&["C-1001", "C-1002", "C-1004"])
    );
    assert_eq!(
        strings(&nina["gained"]["client.create"]),
        Vec::<String>::new()
    );
    assert!(nina["gained"].get("clinical.view").is_none());
    assert_eq!(report["gains_clinical"], false);
    // Nobody else changes.
    assert_eq!(diff["members"].as_object().unwrap().len(), 1);

    let output = run_diff(PRACTICE, &new, &[]);
    assert_eq!(code(&output), 0);
    let text = stdout(&output);
    assert!(text.contains("members added: nina"), "{text}");
    assert!(text.contains("\nnina\n"), "{text}");
    assert!(text.contains("roles granted: scheduler"), "{text}");
    assert!(
        lists(
            &text,
            '+',
            "client.view",
            " on 3 clients (C-1001, C-1002, C-1004)"
        ),
        "{text}"
    );
}

#[test]
fn a_revoked_role_shows_the_role_and_the_access_lost() {
    let new = edit(
        PRACTICE,
        "roles = [\"clinician\", \"clinical-admin\"]",
        "roles = [\"clinician\"]",
    );
    let report = diff_json(PRACTICE, &new, &[]);
    let ivy = &report["diff"]["members"]["ivy"];
    assert_eq!(strings(&ivy["roles_revoked"]), ["clinical-admin"]);
    assert_eq!(strings(&ivy["roles_granted"]), Vec::<String>::new());
    assert_eq!(
        strings(&ivy["lost"]["clinical.view"]),
        clients(&["C-1001", "C-1002", "C-1004"])
    );
    assert!(ivy["lost"].get("clinical.delete-signed").is_some());
    assert!(ivy["lost"].get("client.assign").is_some());
    assert_eq!(ivy["gained"], serde_json::json!({}));
    assert_eq!(report["gains_clinical"], false);
    assert_eq!(report["diff"]["members"].as_object().unwrap().len(), 1);

    let text = stdout(&run_diff(PRACTICE, &new, &[]));
    assert!(text.contains("roles revoked: clinical-admin"), "{text}");
    assert!(
        lists(
            &text,
            '-',
            "clinical.view",
            " on 3 clients (C-1001, C-1002, C-1004)"
        ),
        "{text}"
    );
}

#[test]
fn a_role_redefined_in_roles_shows_on_every_holder() {
    // The built-in scheduler, replaced by one that also reads notes.
    let new = format!(
        "{PRACTICE}\n[roles.scheduler]\ndescription = \"Scheduler who reads notes\"\ngrants = [\n  {{ can = [\"client.view\", \"client.edit\", \"client.delete\", \"client.access\", \"schedule.*\", \"notes.admin\", \"clinical.view\"], on = \"all\" }},\n  {{ can = [\"client.create\", \"members.view\"], on = \"practice\" }},\n]\n"
    );
    let report = diff_json(PRACTICE, &new, &[]);
    let diff = &report["diff"];
    assert_eq!(strings(&diff["roles_redefined"]), ["scheduler"]);
    let members = diff["members"].as_object().unwrap();
    assert_eq!(
        members.keys().collect::<Vec<_>>(),
        ["dave", "sara"],
        "exactly the holders change"
    );
    // dave is on C-1003's administrative list, sara is not.
    assert_eq!(
        strings(&diff["members"]["dave"]["gained"]["clinical.view"]),
        clients(&["C-1001", "C-1002", "C-1003", "C-1004"])
    );
    assert_eq!(
        strings(&diff["members"]["sara"]["gained"]["clinical.view"]),
        clients(&["C-1001", "C-1002", "C-1004"])
    );
    assert_eq!(report["gains_clinical"], true);

    let text = stdout(&run_diff(PRACTICE, &new, &[]));
    assert!(text.contains("roles redefined: scheduler"), "{text}");
    for holder in ["\ndave\n", "\nsara\n"] {
        let section = text
            .split(holder)
            .nth(1)
            .unwrap_or_else(|| panic!("{text}"));
        assert!(lists(section, '+', "clinical.view", " on"), "{text}");
    }
}

#[test]
fn a_custom_role_redefined_shows_on_its_holder() {
    let old = format!(
        "{}\n[roles.records]\ndescription = \"Reads charts\"\ngrants = [{{ can = [\"client.view\"], on = \"all\" }}]\n",
        edit(
            PRACTICE,
            "name = \"Frank Adeyemi\"\nroles = [\"biller\"]",
            "name = \"Frank Adeyemi\"\nroles = [\"biller\", \"records\"]"
        )
    );
    let new = edit(
        &old,
        "can = [\"client.view\"], on = \"all\"",
        "can = [\"client.view\", \"clinical.view\"], on = \"all\"",
    );
    let report = diff_json(&old, &new, &[]);
    assert_eq!(strings(&report["diff"]["roles_redefined"]), ["records"]);
    assert_eq!(
        strings(&report["diff"]["members"]["frank"]["gained"]["clinical.view"]),
        clients(&["C-1001", "C-1002", "C-1004"])
    );
}

#[test]
fn restricting_a_client_takes_it_from_all_clients_roles() {
    let new = edit(
        PRACTICE,
        "C-1001 = { primary = \"bob\" }",
        "C-1001 = { primary = \"bob\", restricted = true }",
    );
    let report = diff_json(PRACTICE, &new, &[]);
    let diff = &report["diff"];
    assert_eq!(strings(&diff["clients_restricted"]), ["C-1001"]);
    let members = &diff["members"];
    for all_scope in ["dave", "sara", "frank", "ivy", "carol", "gina", "erin"] {
        assert_eq!(
            strings(&members[all_scope]["lost"]["client.view"]),
            ["C-1001"],
            "{all_scope}: {members}"
        );
    }
    assert_eq!(
        strings(&members["ivy"]["lost"]["clinical.view"]),
        ["C-1001"]
    );
    assert_eq!(
        strings(&members["frank"]["lost"]["billing.view"]),
        ["C-1001"]
    );
    // The primary and the owner keep everything.
    assert!(members.get("bob").is_none(), "{members}");
    assert!(members.get("alice").is_none(), "{members}");
    assert!(
        members
            .as_object()
            .unwrap()
            .values()
            .all(|m| m["gained"] == serde_json::json!({}))
    );

    let back = diff_json(&new, PRACTICE, &[]);
    assert_eq!(strings(&back["diff"]["clients_unrestricted"]), ["C-1001"]);
    assert_eq!(
        strings(&back["diff"]["members"]["dave"]["gained"]["client.view"]),
        ["C-1001"]
    );

    let text = stdout(&run_diff(PRACTICE, &new, &[]));
    assert!(text.contains("clients restricted: C-1001"), "{text}");
    assert!(lists(&text, '-', "client.view", " on C-1001"), "{text}");
}

#[test]
fn temporary_access_shows_its_reason_and_expiry() {
    let new = edit(
        PRACTICE,
        "C-1001 = { primary = \"bob\" }",
        "C-1001 = { primary = \"bob\", temporary = [{ member = \"gina\", until = 2026-12-31, reason = \"Covering while bob is on leave\" }] }",
    );
    let report = diff_json(PRACTICE, &new, &["--at", "2026-12-01"]);
    let added = &report["diff"]["temporary_added"];
    assert_eq!(added.as_array().unwrap().len(), 1);
    assert_eq!(added[0]["client"], "C-1001");
    assert_eq!(added[0]["member"], "gina");
    assert_eq!(added[0]["until"], "2026-12-31");
    assert_eq!(added[0]["reason"], "Covering while bob is on leave");
    assert_eq!(
        strings(&report["diff"]["members"]["gina"]["gained"]["clinical.view"]),
        ["C-1001"]
    );
    // gina's supervisor reaches the client through her.
    assert_eq!(
        strings(&report["diff"]["members"]["carol"]["gained"]["clinical.view"]),
        ["C-1001"]
    );
    assert_eq!(report["gains_clinical"], true);
    assert_eq!(report["date"], "2026-12-01");

    let text = stdout(&run_diff(PRACTICE, &new, &["--at", "2026-12-01"]));
    assert!(
        text.contains(
            "temporary access added: gina on C-1001 through 2026-12-31 (\"Covering while bob is on leave\")"
        ),
        "{text}"
    );
    assert!(lists(&text, '+', "clinical.view", " on C-1001"), "{text}");

    // Taken away again: listed as removed, and the access is lost.
    let back = diff_json(&new, PRACTICE, &["--at", "2026-12-01"]);
    assert_eq!(back["diff"]["temporary_removed"][0]["member"], "gina");
    assert_eq!(
        strings(&back["diff"]["members"]["gina"]["lost"]["clinical.view"]),
        ["C-1001"]
    );
    let text = stdout(&run_diff(&new, PRACTICE, &["--at", "2026-12-01"]));
    assert!(
        text.contains("temporary access removed: gina on C-1001"),
        "{text}"
    );

    // Its last day still counts.
    let report = diff_json(PRACTICE, &new, &["--at", "2026-12-31"]);
    assert!(
        report["diff"]["members"]["gina"]["gained"]
            .get("clinical.view")
            .is_some()
    );
}

#[test]
fn temporary_access_expired_by_the_date_changes_no_access() {
    let new = edit(
        PRACTICE,
        "C-1001 = { primary = \"bob\" }",
        "C-1001 = { primary = \"bob\", temporary = [{ member = \"gina\", until = 2026-03-31, reason = \"Covering\" }] }",
    );
    let report = diff_json(PRACTICE, &new, &["--at", "2026-06-01"]);
    assert_eq!(report["diff"]["members"], serde_json::json!({}));
    assert_eq!(report["gains_clinical"], false);
    // The entry itself is still shown for the reviewer.
    assert_eq!(report["diff"]["temporary_added"][0]["until"], "2026-03-31");
    let output = run_diff(PRACTICE, &new, &["--at", "2026-06-01", "--fail-on-gain"]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    let text = stdout(&output);
    assert!(!text.contains("\ngina\n"), "{text}");
    assert!(!text.contains("+ "), "{text}");
    // The day after `until` is the first day without access.
    let report = diff_json(PRACTICE, &new, &["--at", "2026-04-01"]);
    assert_eq!(report["diff"]["members"], serde_json::json!({}));
}

#[test]
fn a_reordered_and_recommented_file_is_no_change_in_access() {
    for format in ["table", "json", "markdown"] {
        let output = run_diff(
            PRACTICE,
            REORDERED,
            &["--format", format, "--fail-on-gain", "--as", "frank"],
        );
        assert_eq!(code(&output), 0, "{}{}", stdout(&output), stderr(&output));
        match format {
            "json" => {
                let report = json(&output);
                assert_eq!(report["changed"], false);
                assert_eq!(report["diff"]["members"], serde_json::json!({}));
                assert_eq!(report["unauthorized"], serde_json::json!([]));
            }
            _ => assert!(
                stdout(&output).contains("no change in access"),
                "{}",
                stdout(&output)
            ),
        }
    }
    let text = stdout(&run_diff(PRACTICE, REORDERED, &[]));
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.trim_end().ends_with(": no change in access"), "{text}");
}

#[test]
fn deactivated_members_lose_everything() {
    let new = edit(
        PRACTICE,
        "name = \"Frank Adeyemi\"\nroles = [\"biller\"]",
        "name = \"Frank Adeyemi\"\nroles = [\"biller\"]\nactive = false",
    );
    let new = edit(
        &new,
        "name = \"Mona Field\"",
        "name = \"Mona Field\"\nactive = false",
    );
    let report = diff_json(PRACTICE, &new, &[]);
    let diff = &report["diff"];
    assert_eq!(strings(&diff["members_deactivated"]), ["frank", "mona"]);
    assert_eq!(strings(&diff["members_removed"]), Vec::<String>::new());
    let frank = &diff["members"]["frank"];
    assert_eq!(
        strings(&frank["lost"]["billing.claims"]),
        clients(&["C-1001", "C-1002", "C-1004"])
    );
    assert!(frank["lost"].get("billing.reports").is_some());
    assert_eq!(frank["gained"], serde_json::json!({}));
    assert!(
        diff["members"]["mona"]["lost"]
            .get("members.manage")
            .is_some()
    );

    let back = diff_json(&new, PRACTICE, &[]);
    assert_eq!(
        strings(&back["diff"]["members_reactivated"]),
        ["frank", "mona"]
    );
    assert!(
        back["diff"]["members"]["frank"]["gained"]
            .get("billing.reports")
            .is_some()
    );

    let text = stdout(&diff_text(PRACTICE, &new));
    assert!(text.contains("members deactivated: frank, mona"), "{text}");
    assert!(lists(&text, '-', "billing.reports", ""), "{text}");
}

fn diff_text(old: &str, new: &str) -> Output {
    let output = run_diff(old, new, &[]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    output
}

#[test]
fn a_removed_client_and_member_are_listed() {
    let new = edit(PRACTICE, "C-1004 = { primary = \"erin\" }\n", "");
    let new = edit(
        &new,
        "[members.hank]\nname = \"Hank Moss\"\ngrants = [{ can = [\"client.create\"], on = \"practice\" }]\n",
        "",
    );
    let report = diff_json(PRACTICE, &new, &[]);
    assert_eq!(strings(&report["diff"]["clients_removed"]), ["C-1004"]);
    assert_eq!(strings(&report["diff"]["members_removed"]), ["hank"]);
    assert_eq!(
        strings(&report["diff"]["members"]["erin"]["lost"]["clinical.view"]),
        ["C-1004"]
    );
    assert!(
        report["diff"]["members"]["hank"]["lost"]
            .get("client.create")
            .is_some()
    );
}

// ---- git ----

#[test]
fn base_on_a_revision_without_the_file_gains_everything() {
    let repo = Repo::new();
    repo.write("README.md", "# practice\n");
    repo.commit("first");
    repo.write("practice.toml", PRACTICE);
    repo.commit("add the practice");
    let output = repo
        .praxis()
        .args(["diff", "--base", "HEAD~1", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let report = json(&output);
    let diff = &report["diff"];
    let members = strings(&diff["members_added"]);
    assert_eq!(members.len(), 14, "{members:?}");
    assert_eq!(
        strings(&diff["clients_added"]),
        clients(&["C-1001", "C-1002", "C-1003", "C-1004"])
    );
    assert_eq!(strings(&diff["clients_restricted"]), ["C-1003"]);
    for member in &members {
        let change = &diff["members"][member];
        assert_ne!(change["gained"], serde_json::json!({}), "{member}");
        assert_eq!(change["lost"], serde_json::json!({}), "{member}");
    }
    assert_eq!(
        strings(&diff["members"]["bob"]["gained"]["clinical.view"]),
        clients(&["C-1001", "C-1002"])
    );
    assert_eq!(report["gains_clinical"], true);
    // And --fail-on-gain stops it.
    repo.praxis()
        .args(["diff", "--base", "HEAD~1", "--fail-on-gain"])
        .assert()
        .code(1);
}

#[test]
fn base_compares_the_working_tree_with_a_revision() {
    let repo = Repo::new();
    repo.write("practice.toml", PRACTICE);
    repo.commit("practice");
    // Uncommitted: the working tree is NEW.
    repo.write(
        "practice.toml",
        &edit(
            PRACTICE,
            "C-1001 = { primary = \"bob\" }",
            "C-1001 = { primary = \"bob\", clinicians = [\"gina\"] }",
        ),
    );
    let output = repo
        .praxis()
        .args(["diff", "--base", "HEAD"])
        .output()
        .unwrap();
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("HEAD:"), "{text}");
    assert!(lists(&text, '+', "clinical.view", " on C-1001"), "{text}");
    // A branch name is a revision too.
    repo.git(&["branch", "base"]);
    repo.praxis()
        .args(["diff", "--base", "base", "--format", "json"])
        .assert()
        .success()
        .stdout(predicates::str::contains("\"gains_clinical\": true"));
}

#[test]
fn base_takes_a_path_in_a_subdirectory_and_the_file_option() {
    let repo = Repo::new();
    repo.write("ops/practice.toml", PRACTICE);
    repo.commit("old");
    let new = edit(
        PRACTICE,
        "roles = [\"clinician\", \"clinical-admin\"]",
        "roles = [\"clinician\"]",
    );
    repo.write("ops/practice.toml", &new);
    repo.commit("new");
    let check = |output: Output| {
        assert_eq!(code(&output), 0, "{}", stderr(&output));
        let report = json(&output);
        assert_eq!(
            strings(&report["diff"]["members"]["ivy"]["roles_revoked"]),
            ["clinical-admin"]
        );
        assert_eq!(report["diff"]["members"].as_object().unwrap().len(), 1);
    };
    // PATH from the repository root.
    check(
        repo.praxis()
            .args([
                "diff",
                "--base",
                "HEAD~1",
                "ops/practice.toml",
                "--format",
                "json",
            ])
            .output()
            .unwrap(),
    );
    // -f, from the repository root.
    check(
        repo.praxis()
            .args([
                "-f",
                "ops/practice.toml",
                "diff",
                "--base",
                "HEAD~1",
                "--format",
                "json",
            ])
            .output()
            .unwrap(),
    );
    // An absolute PATH, from outside the repository.
    let path = repo.root.join("ops/practice.toml");
    check(
        praxis(&repo.scratch())
            .args(["diff", "--base", "HEAD~1", "--format", "json"])
            .arg(&path)
            .output()
            .unwrap(),
    );
    // The nearest practice.toml, from the subdirectory.
    check(
        praxis(&repo.root.join("ops"))
            .args(["diff", "--base", "HEAD~1", "--format", "json"])
            .output()
            .unwrap(),
    );
}

#[test]
fn an_unknown_revision_is_exit_2() {
    let repo = Repo::new();
    repo.write("practice.toml", PRACTICE);
    repo.commit("practice");
    for rev in [
        "no-such-branch",
        "HEAD~5",
        "0123456789abcdef0123456789abcdef01234567",
    ] {
        let output = repo
            .praxis()
            .args(["diff", "--base", rev])
            .output()
            .unwrap();
        assert_eq!(code(&output), 2, "{rev}: {}", stdout(&output));
        assert!(stderr(&output).contains(rev), "{}", stderr(&output));
        assert!(stdout(&output).is_empty(), "{}", stdout(&output));
    }
    // Outside any git repository.
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("practice.toml"), PRACTICE).unwrap();
    praxis(dir.path())
        .env("GIT_CEILING_DIRECTORIES", dir.path().parent().unwrap())
        .args(["diff", "--base", "HEAD"])
        .assert()
        .code(2);
}

#[test]
fn an_invalid_old_or_new_is_exit_2_with_the_findings() {
    let bad = edit(PRACTICE, "C-1004 = { primary = \"erin\" }", BAD_PRIMARY);
    for (old, new) in [(PRACTICE, bad.as_str()), (bad.as_str(), PRACTICE)] {
        let output = run_diff(old, new, &[]);
        assert_eq!(code(&output), 2);
        let err = stderr(&output);
        assert!(err.contains("P010"), "{err}");
        assert!(err.contains("zed"), "{err}");
        let line = bad.lines().position(|l| l == BAD_PRIMARY).unwrap() + 1;
        assert!(
            err.contains(&format!(":{line}:")),
            "the finding's line {line}: {err}"
        );
        assert!(stdout(&output).is_empty(), "{}", stdout(&output));
    }
    // TOML that does not parse, and a missing file.
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("old.toml"), PRACTICE).unwrap();
    std::fs::write(dir.path().join("syntax.toml"), "version = \n").unwrap();
    praxis(dir.path())
        .args(["diff", "old.toml", "syntax.toml"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("P001"));
    praxis(dir.path())
        .args(["diff", "old.toml", "missing.toml"])
        .assert()
        .code(2);
    // Only one file, and no file at all.
    praxis(dir.path())
        .args(["diff", "old.toml"])
        .assert()
        .code(2);
    // --as does not turn an invalid file into a refusal.
    let output = run_diff(PRACTICE, &bad, &["--as", "alice"]);
    assert_eq!(code(&output), 2);
}

// ---- output shapes ----

#[test]
fn json_has_the_documented_fields() {
    let new = edit(
        PRACTICE,
        "C-1001 = { primary = \"bob\" }",
        "C-1001 = { primary = \"bob\", clinicians = [\"gina\"] }",
    );
    let report = diff_json(PRACTICE, &new, &["--at", "2026-06-01"]);
    for key in [
        "compared",
        "date",
        "changed",
        "gains_clinical",
        "diff",
        "actor",
        "unauthorized",
    ] {
        assert!(report.get(key).is_some(), "no `{key}`: {report}");
    }
    assert_eq!(report["changed"], true);
    assert_eq!(report["actor"], Value::Null);
    assert_eq!(report["unauthorized"], Value::Null);
    assert_eq!(report["date"], "2026-06-01");
    assert!(report["compared"].as_str().unwrap().contains("→"));
    let diff = &report["diff"];
    for key in [
        "members_added",
        "members_removed",
        "members_deactivated",
        "members_reactivated",
        "clients_added",
        "clients_removed",
        "clients_restricted",
        "clients_unrestricted",
        "temporary_added",
        "temporary_removed",
        "roles_redefined",
        "settings_changed",
        "members",
    ] {
        assert!(diff.get(key).is_some(), "no diff.{key}: {diff}");
    }
    let gina = &diff["members"]["gina"];
    for key in [
        "gained",
        "lost",
        "roles_granted",
        "roles_revoked",
        "supervisors_added",
        "supervisors_removed",
    ] {
        assert!(gina.get(key).is_some(), "no members.gina.{key}: {gina}");
    }
    assert_eq!(strings(&gina["gained"]["clinical.view"]), ["C-1001"]);
    assert_eq!(report["gains_clinical"], true);
    // Supervision changes.
    let new = edit(
        PRACTICE,
        "name = \"Bob Lindqvist\"",
        "name = \"Bob Lindqvist\"\nsupervisors = [\"carol\"]",
    );
    let report = diff_json(PRACTICE, &new, &[]);
    assert_eq!(
        strings(&report["diff"]["members"]["bob"]["supervisors_added"]),
        ["carol"]
    );
    assert_eq!(
        strings(&report["diff"]["members"]["carol"]["gained"]["clinical.cosign"]),
        ["C-1001"],
        "carol already supervised gina on C-1002"
    );
}

#[test]
fn markdown_opens_with_the_summary_and_folds_the_details() {
    let new = edit(
        PRACTICE,
        "roles = [\"clinician\", \"clinical-admin\"]",
        "roles = [\"clinician\"]",
    );
    let new = edit(
        &new,
        "C-1001 = { primary = \"bob\" }",
        "C-1001 = { primary = \"bob\", temporary = [{ member = \"gina\", until = 2026-12-31, reason = \"Covering while bob is on leave\" }] }",
    );
    let output = run_diff(
        PRACTICE,
        &new,
        &["--format", "markdown", "--at", "2026-12-01"],
    );
    assert_eq!(code(&output), 0);
    let text = stdout(&output);
    let first = text.lines().next().unwrap();
    assert!(first.starts_with("### "), "{text}");
    assert!(
        first.contains("2 member(s) gain access; 1 lose access; 2 gain clinical access"),
        "{first}"
    );
    let open = text.find("<details>").unwrap_or_else(|| panic!("{text}"));
    let close = text.find("</details>").unwrap_or_else(|| panic!("{text}"));
    assert!(open < close);
    assert!(text[open..].contains("<summary>"), "{text}");
    // The per-member details are inside the fold, the summary table before.
    let table = text.find("| member |").unwrap_or_else(|| panic!("{text}"));
    assert!(table < open, "{text}");
    let details = &text[open..close];
    assert!(details.contains("**ivy**"), "{details}");
    assert!(
        lists(details, '-', "clinical.view", " on 3 clients"),
        "{details}"
    );
    assert!(details.contains("**gina**"), "{details}");
    assert!(
        text[..open].contains("Covering while bob is on leave")
            && text[..open].contains("2026-12-31"),
        "{text}"
    );
    assert!(text.trim_end().ends_with("</details>"), "{text}");

    // No change: just the summary line.
    let output = run_diff(PRACTICE, REORDERED, &["--format", "markdown"]);
    let text = stdout(&output);
    assert!(text.starts_with("### "), "{text}");
    assert!(text.lines().next().unwrap().contains("no change in access"));
    assert!(!text.contains("<details>"), "{text}");
}

#[test]
fn fail_on_gain_stops_clinical_gains_only() {
    let gain = edit(
        PRACTICE,
        "C-1001 = { primary = \"bob\" }",
        "C-1001 = { primary = \"bob\", clinicians = [\"gina\"] }",
    );
    let output = run_diff(PRACTICE, &gain, &["--fail-on-gain"]);
    assert_eq!(code(&output), 1, "{}", stdout(&output));
    // The report is still printed.
    assert!(lists(&stdout(&output), '+', "clinical.view", " on C-1001"));
    // Without the flag a gain is fine.
    assert_eq!(code(&run_diff(PRACTICE, &gain, &[])), 0);

    // Only losses.
    let loss = edit(
        PRACTICE,
        "C-1002 = { primary = \"bob\", clinicians = [\"gina\"] }",
        "C-1002 = { primary = \"bob\" }",
    );
    let output = run_diff(PRACTICE, &loss, &["--fail-on-gain"]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    assert!(lists(&stdout(&output), '-', "clinical.view", " on C-1002"));
    // The reverse direction is a gain.
    assert_eq!(code(&run_diff(&loss, PRACTICE, &["--fail-on-gain"])), 1);

    // A gain that is not clinical (a scheduler added).
    let scheduler =
        format!("{PRACTICE}\n[members.nina]\nname = \"Nina Park\"\nroles = [\"scheduler\"]\n");
    assert_eq!(
        code(&run_diff(PRACTICE, &scheduler, &["--fail-on-gain"])),
        0
    );
    // A clinician added with a client is a clinical gain.
    let clinician = edit(
        &format!("{PRACTICE}\n[members.nina]\nname = \"Nina Park\"\nroles = [\"clinician\"]\n"),
        "C-1004 = { primary = \"erin\" }",
        "C-1004 = { primary = \"erin\", clinicians = [\"nina\"] }",
    );
    let output = run_diff(
        PRACTICE,
        &clinician,
        &["--fail-on-gain", "--format", "json"],
    );
    assert_eq!(code(&output), 1);
    assert_eq!(json(&output)["gains_clinical"], true);
}

// ---- diff --as ----

/// Issue 20, finding 8 (SPEC §4, §8): no command deletes a member —
/// `member remove` keeps the entry and sets `active = false` — so a member
/// entry deleted by hand fails `diff --as` for every actor, `members.manage`
/// and the owner included, and the refusal says what to run instead. The
/// command's own file passes.
#[test]
fn diff_as_refuses_a_member_deleted_by_hand_for_everyone() {
    let deleted = edit(
        PRACTICE,
        "[members.hank]\nname = \"Hank Moss\"\ngrants = [{ can = [\"client.create\"], on = \"practice\" }]\n",
        "",
    );
    for actor in ["mona", "alice", "cole"] {
        let output = run_diff(PRACTICE, &deleted, &["--as", actor]);
        assert_eq!(code(&output), 1, "{actor}: {}", stdout(&output));
        assert!(
            stdout(&output).contains(
                "delete member hank (needs a command, and none makes it: keep the entry and \
                 mark the member inactive with `praxis member remove hank`)"
            ),
            "{actor}: {}",
            stdout(&output)
        );
    }
    // What `member remove hank` writes is mona's to make.
    let fixture = common::Fixture::new(PRACTICE);
    let run = fixture.run(&["--as", "mona", "member", "remove", "hank"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let removed = fixture.text();
    assert!(removed.contains("[members.hank]"), "{removed}");
    let output = run_diff(PRACTICE, &removed, &["--as", "mona"]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
}

/// One row of the actor table: a change, an actor who may make it and one
/// who may not, and what the refusal must say.
struct Case {
    what: &'static str,
    new: String,
    allowed: &'static str,
    refused: &'static str,
    listed: String,
}

fn case(
    what: &'static str,
    new: String,
    allowed: &'static str,
    refused: &'static str,
    listed: &str,
) -> Case {
    Case {
        what,
        new,
        allowed,
        refused,
        listed: listed.to_string(),
    }
}

fn member_edit(member: &str, after_name: &str) -> String {
    let anchor = PRACTICE
        .split(&format!("[members.{member}]\n"))
        .nth(1)
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .to_string();
    assert!(anchor.starts_with("name = "));
    edit(
        PRACTICE,
        &format!("[members.{member}]\n{anchor}"),
        &format!("[members.{member}]\n{anchor}\n{after_name}"),
    )
}

fn check_case(old: &str, case: &Case) {
    let Case {
        what,
        new,
        allowed,
        refused,
        listed,
    } = case;
    let output = run_diff(old, new, &["--as", *allowed]);
    assert_eq!(
        code(&output),
        0,
        "{what}: {allowed} may make it\n{}{}",
        stdout(&output),
        stderr(&output)
    );
    assert!(
        stdout(&output).contains(&format!("every change is {allowed}'s to make")),
        "{what}: {}",
        stdout(&output)
    );
    let output = run_diff(old, new, &["--as", *refused]);
    assert_eq!(
        code(&output),
        1,
        "{what}: {refused} may not make it\n{}{}",
        stdout(&output),
        stderr(&output)
    );
    let text = stdout(&output);
    assert!(
        text.contains(&format!("{refused} may not make")),
        "{what}: {text}"
    );
    assert!(text.contains(&format!("✗ {listed}")), "{what}: {text}");
    // The owner may make every change.
    let output = run_diff(old, new, &["--as", "alice"]);
    assert_eq!(code(&output), 0, "{what}: the owner\n{}", stdout(&output));
}

#[test]
fn as_practice_roles_and_capabilities_need_practice_settings() {
    let roles = format!(
        "{PRACTICE}\n[roles.records]\ndescription = \"Reads charts\"\ngrants = [{{ can = [\"client.view\"], on = \"all\" }}]\n"
    );
    let scheduler = format!(
        "{PRACTICE}\n[roles.scheduler]\ndescription = \"Scheduler\"\ngrants = [{{ can = [\"client.view\", \"schedule.*\"], on = \"all\" }}]\n"
    );
    let capabilities = format!(
        "{PRACTICE}\n[capabilities]\n\"rx.prescribe\" = {{ scope = \"client\", description = \"Prescribe medications\" }}\n"
    );
    for case in [
        case(
            "practice name",
            edit(
                PRACTICE,
                "name = \"Riverbend Counseling\"",
                "name = \"Riverbend Counseling LLC\"",
            ),
            "sam",
            "mona",
            "change [practice] (needs practice.settings)",
        ),
        // SPEC §8: ownership moves only by the current owner; sam holds
        // practice.settings but is not the owner.
        case(
            "the owner",
            edit(PRACTICE, "owner = \"alice\"", "owner = \"ivy\""),
            "alice",
            "sam",
            "change the practice owner (needs to be the practice owner)",
        ),
        case(
            "max_supervisors",
            edit(
                PRACTICE,
                "owner = \"alice\"",
                "owner = \"alice\"\nmax_supervisors = 2",
            ),
            "sam",
            "bob",
            "change [practice] (needs practice.settings)",
        ),
        case(
            "a new role",
            roles,
            "sam",
            "mona",
            "change [roles] (needs practice.settings)",
        ),
        case(
            "a built-in role replaced",
            scheduler,
            "sam",
            "cole",
            "change [roles] (needs practice.settings)",
        ),
        case(
            "a custom capability",
            capabilities,
            "sam",
            "bob",
            "change [capabilities] (needs practice.settings)",
        ),
    ] {
        check_case(PRACTICE, &case);
    }
}

#[test]
fn as_a_description_change_in_roles_or_capabilities_needs_practice_settings() {
    let old = format!(
        "{PRACTICE}\n[roles.records]\ndescription = \"Reads charts\"\ngrants = [{{ can = [\"client.view\"], on = \"all\" }}]\n\n[capabilities]\n\"rx.prescribe\" = {{ scope = \"client\", description = \"Prescribe medications\" }}\n"
    );
    check_case(
        &old,
        &case(
            "a custom capability's description",
            edit(
                &old,
                "Prescribe medications",
                "Prescribe and manage medications",
            ),
            "sam",
            "mona",
            "change [capabilities] (needs practice.settings)",
        ),
    );
    check_case(
        &old,
        &case(
            "a role's description (SPEC §4: changes to [roles] need practice.settings)",
            edit(&old, "Reads charts", "Reads every chart"),
            "sam",
            "mona",
            "change [roles] (needs practice.settings)",
        ),
    );
}

#[test]
fn as_member_fields_need_members_manage() {
    let cases = [
        (
            "name",
            edit(
                PRACTICE,
                "name = \"Gina Rossi\"",
                "name = \"Gina R. Rossi\"",
            ),
        ),
        (
            "legal_name",
            member_edit("gina", "legal_name = \"Regina Rossi, LPC\""),
        ),
        (
            "email",
            member_edit("gina", "email = \"gina@riverbend.example\""),
        ),
        (
            "roles",
            edit(
                PRACTICE,
                "name = \"Gina Rossi\"\nroles = [\"clinician\"]",
                "name = \"Gina Rossi\"\nroles = [\"clinician\", \"biller-assigned\"]",
            ),
        ),
        (
            "grants",
            member_edit(
                "gina",
                "grants = [{ can = [\"audit.view\"], on = \"practice\" }]",
            ),
        ),
        ("denies", member_edit("gina", "denies = [\"files.*\"]")),
        ("active", member_edit("frank", "active = false")),
    ];
    for (field, new) in cases {
        let member = if field == "active" { "frank" } else { "gina" };
        let listed = format!("change {field} of member {member} (needs members.manage)");
        check_case(PRACTICE, &case(field, new, "mona", "cole", &listed));
    }
    check_case(
        PRACTICE,
        &case(
            "a member added",
            format!("{PRACTICE}\n[members.nina]\nname = \"Nina Park\"\nroles = [\"scheduler\"]\n"),
            "mona",
            "cole",
            "add member nina (needs members.manage)",
        ),
    );
    // Judged with the actor's permissions in OLD: cole cannot give himself
    // members.manage, mona can give hers away.
    check_case(
        PRACTICE,
        &case(
            "granting oneself members.manage",
            edit(
                PRACTICE,
                "grants = [{ can = [\"members.credentials\"], on = \"practice\" }]",
                "grants = [{ can = [\"members.credentials\", \"members.manage\"], on = \"practice\" }]",
            ),
            "mona",
            "cole",
            "change grants of member cole (needs members.manage)",
        ),
    );
    check_case(
        PRACTICE,
        &case(
            "giving up one's own members.manage",
            edit(
                PRACTICE,
                "grants = [{ can = [\"members.manage\"], on = \"practice\" }]",
                "grants = [{ can = [\"members.view\"], on = \"practice\" }]",
            ),
            "mona",
            "sam",
            "change grants of member mona (needs members.manage)",
        ),
    );
}

#[test]
fn as_credentials_and_supervision_need_members_credentials() {
    let cases = [
        (
            "npi",
            "gina",
            edit(PRACTICE, "npi = \"1526018159\"", "npi = \"1948219930\""),
        ),
        (
            "taxonomy",
            "gina",
            member_edit("gina", "taxonomy = \"101YM0800X\""),
        ),
        (
            "supervisors",
            "bob",
            member_edit("bob", "supervisors = [\"carol\"]"),
        ),
        (
            "cosign",
            "erin",
            edit(
                PRACTICE,
                "cosign = [\"progress-notes\"]",
                "cosign = [\"progress-notes\", \"treatment-plans\"]",
            ),
        ),
        (
            "bill_as_supervisor",
            "gina",
            member_edit("gina", "bill_as_supervisor = true"),
        ),
    ];
    for (field, member, new) in cases {
        let listed = format!("change {field} of member {member} (needs members.credentials)");
        check_case(PRACTICE, &case(field, new, "cole", "mona", &listed));
    }
}

#[test]
fn as_client_access_needs_client_access_on_that_client_as_in_old() {
    let temporary = edit(
        PRACTICE,
        "C-1001 = { primary = \"bob\" }",
        "C-1001 = { primary = \"bob\", temporary = [{ member = \"gina\", until = 2099-12-31, reason = \"Covering\" }] }",
    );
    // bob is C-1001's primary (client.access on assigned); gina is not on
    // it, and giving herself access is a self-grant (SPEC §8).
    check_case(
        PRACTICE,
        &case(
            "temporary",
            temporary,
            "bob",
            "gina",
            "give gina clinical access to C-1001 (needs client.access on C-1001)",
        ),
    );
    let clinicians = edit(
        PRACTICE,
        "C-1001 = { primary = \"bob\" }",
        "C-1001 = { primary = \"bob\", clinicians = [\"gina\"] }",
    );
    check_case(
        PRACTICE,
        &case(
            "clinicians",
            clinicians,
            "bob",
            "carol",
            "change who has clinical access to C-1001 (needs client.access on C-1001)",
        ),
    );
    // bob adds himself to carol's restricted client: in NEW he would have
    // client.access there, in OLD he has not. dave (a scheduler on its
    // administrative list) may.
    let himself = edit(
        PRACTICE,
        "C-1003 = { primary = \"carol\", restricted = true, administrative = [\"dave\"] }",
        "C-1003 = { primary = \"carol\", clinicians = [\"bob\"], restricted = true, administrative = [\"dave\"] }",
    );
    check_case(
        PRACTICE,
        &case(
            "oneself onto a client",
            himself,
            "dave",
            "bob",
            "give bob clinical access to C-1003 (needs client.access on C-1003)",
        ),
    );
    // Removing gina from C-1002: bob (primary) may, sara (a scheduler) may,
    // frank (a biller) may not. `client revoke --administrative` makes the
    // same removal with client.restrict, on any client.
    let removed = edit(
        PRACTICE,
        "C-1002 = { primary = \"bob\", clinicians = [\"gina\"] }",
        "C-1002 = { primary = \"bob\" }",
    );
    check_case(
        PRACTICE,
        &case(
            "a clinician removed",
            removed.clone(),
            "sara",
            "frank",
            "change who has clinical access to C-1002 (needs client.access or client.restrict on C-1002)",
        ),
    );
    assert_eq!(code(&run_diff(PRACTICE, &removed, &["--as", "bob"])), 0);
    assert_eq!(code(&run_diff(PRACTICE, &removed, &["--as", "rita"])), 0);
}

#[test]
fn as_client_lifecycle_needs_create_assign_restrict_and_delete() {
    check_case(
        PRACTICE,
        &case(
            "a new client",
            edit(
                PRACTICE,
                "C-1004 = { primary = \"erin\" }",
                "C-1004 = { primary = \"erin\" }\nC-1005 = { primary = \"gina\" }",
            ),
            "hank",
            "bob",
            "add client C-1005 (needs client.create)",
        ),
    );
    check_case(
        PRACTICE,
        &case(
            "the primary",
            edit(
                PRACTICE,
                "C-1001 = { primary = \"bob\" }",
                "C-1001 = { primary = \"gina\" }",
            ),
            "ivy",
            "bob",
            "change the primary of C-1001 (needs client.assign on C-1001)",
        ),
    );
    check_case(
        PRACTICE,
        &case(
            "restricted",
            edit(
                PRACTICE,
                "C-1001 = { primary = \"bob\" }",
                "C-1001 = { primary = \"bob\", restricted = true }",
            ),
            "rita",
            "bob",
            "change the restriction of C-1001 (needs client.restrict on C-1001)",
        ),
    );
    // rita's client.restrict on all does not reach the restricted C-1003,
    // whose administrative list she is not on; the owner's does.
    let administrative = edit(
        PRACTICE,
        "administrative = [\"dave\"]",
        "administrative = [\"dave\", \"frank\"]",
    );
    let output = run_diff(PRACTICE, &administrative, &["--as", "rita"]);
    assert_eq!(code(&output), 1, "{}", stdout(&output));
    assert!(
        stdout(&output)
            .contains("✗ change the restriction of C-1003 (needs client.restrict on C-1003)")
    );
    assert_eq!(
        code(&run_diff(PRACTICE, &administrative, &["--as", "alice"])),
        0
    );
    check_case(
        PRACTICE,
        &case(
            "a client removed",
            edit(PRACTICE, "C-1004 = { primary = \"erin\" }\n", ""),
            "dave",
            "bob",
            "remove client C-1004 (needs client.delete on C-1004)",
        ),
    );
}

#[test]
fn as_lists_every_refused_change_in_every_format() {
    let new = edit(
        PRACTICE,
        "name = \"Riverbend Counseling\"",
        "name = \"Riverbend Counseling LLC\"",
    );
    let new = edit(
        &new,
        "C-1001 = { primary = \"bob\" }",
        "C-1001 = { primary = \"bob\", clinicians = [\"gina\"] }",
    );
    let new = edit(&new, "npi = \"1526018159\"", "npi = \"1948219930\"");
    // bob may grant access to his own client, nothing else here.
    let output = run_diff(PRACTICE, &new, &["--as", "bob"]);
    assert_eq!(code(&output), 1);
    let text = stdout(&output);
    assert!(
        text.contains("bob may not make 2 of these changes"),
        "{text}"
    );
    assert!(text.contains("✗ change [practice]"), "{text}");
    assert!(text.contains("✗ change npi of member gina"), "{text}");
    assert!(!text.contains("✗ change who has clinical access"), "{text}");

    let output = run_diff(PRACTICE, &new, &["--as", "bob", "--format", "json"]);
    assert_eq!(code(&output), 1, "a refusal is exit 1 in JSON too");
    let report = json(&output);
    assert_eq!(report["actor"], "bob");
    let refused = report["unauthorized"].as_array().unwrap();
    assert_eq!(refused.len(), 2, "{refused:?}");
    assert!(refused.iter().any(|v| v["needs"] == "practice.settings"
        && v["client"] == Value::Null
        && v["change"].as_str().unwrap().contains("[practice]")));
    assert!(refused.iter().any(|v| v["needs"] == "members.credentials"));

    let output = run_diff(PRACTICE, &new, &["--as", "bob", "--format", "markdown"]);
    assert_eq!(code(&output), 1, "a refusal is exit 1 in markdown too");
    let text = stdout(&output);
    assert!(text.starts_with("### "), "{text}");
    assert!(text.contains("may not make 2 change(s)"), "{text}");
    assert!(
        text.contains("- change npi of member gina (needs members.credentials)"),
        "{text}"
    );

    // The owner: every change is hers.
    let output = run_diff(PRACTICE, &new, &["--as", "alice", "--format", "markdown"]);
    assert_eq!(code(&output), 0);
    assert!(stdout(&output).contains("Every change is `alice`'s to make"));

    // --fail-on-gain and --as together: either failing is exit 1.
    let output = run_diff(PRACTICE, &new, &["--as", "alice", "--fail-on-gain"]);
    assert_eq!(code(&output), 1);
}

#[test]
fn as_an_unknown_actor_is_exit_2() {
    let new = edit(
        PRACTICE,
        "C-1001 = { primary = \"bob\" }",
        "C-1001 = { primary = \"bob\", clinicians = [\"gina\"] }",
    );
    for actor in ["zed", "Bob"] {
        let output = run_diff(PRACTICE, &new, &["--as", actor]);
        assert_eq!(code(&output), 2, "--as {actor:?}: {}", stdout(&output));
        assert!(stdout(&output).is_empty(), "{}", stdout(&output));
    }
    // A member who exists only in NEW is not an actor of OLD.
    let added =
        format!("{PRACTICE}\n[members.nina]\nname = \"Nina Park\"\nroles = [\"administrator\"]\n");
    let output = run_diff(PRACTICE, &added, &["--as", "nina"]);
    assert_eq!(code(&output), 2, "{}", stdout(&output));
    assert!(stderr(&output).contains("nina"), "{}", stderr(&output));
}

#[test]
fn as_comes_from_praxis_actor_too() {
    let new = edit(
        PRACTICE,
        "C-1001 = { primary = \"bob\" }",
        "C-1001 = { primary = \"bob\", clinicians = [\"gina\"] }",
    );
    let repo = history(PRACTICE, &new);
    repo.praxis()
        .env("PRAXIS_ACTOR", "bob")
        .args(["diff", "--base", "HEAD~1"])
        .assert()
        .success()
        .stdout(predicates::str::contains("every change is bob's to make"));
    repo.praxis()
        .env("PRAXIS_ACTOR", "carol")
        .args(["diff", "--base", "HEAD~1"])
        .assert()
        .code(1)
        .stdout(predicates::str::contains(
            "✗ change who has clinical access to C-1001 (needs client.access on C-1001)",
        ));
    repo.praxis()
        .env("PRAXIS_ACTOR", "zed")
        .args(["diff", "--base", "HEAD~1"])
        .assert()
        .code(2);
    // --as wins over the environment.
    repo.praxis()
        .env("PRAXIS_ACTOR", "carol")
        .args(["diff", "--base", "HEAD~1", "--as", "bob"])
        .assert()
        .success();
    // Two files work with the environment as well.
    let scratch = repo.scratch();
    std::fs::write(scratch.join("old.toml"), PRACTICE).unwrap();
    std::fs::write(scratch.join("new.toml"), &new).unwrap();
    praxis(&scratch)
        .env("PRAXIS_ACTOR", "carol")
        .args(["diff", "old.toml", "new.toml"])
        .assert()
        .code(1);
}

/// `--as ""` names no member: in CI an expression that expands to nothing
/// (`--as "${{ ... }}"`) must not turn the author check into a pass.
#[test]
fn as_an_empty_actor_is_exit_2_not_a_skipped_check() {
    let new = edit(
        PRACTICE,
        "name = \"Riverbend Counseling\"",
        "name = \"Riverbend Counseling LLC\"",
    );
    let output = run_diff(PRACTICE, &new, &["--as", ""]);
    assert_eq!(
        code(&output),
        2,
        "`diff --as \"\"` ran without the check:\n{}",
        stdout(&output)
    );
}

// ---- diff --as agrees with the mutations ----

/// PRACTICE plus axel (client.assign on all, nothing else), gina as a
/// clinician of the restricted C-1003 and rita on its administrative list.
fn practice_with_axel() -> String {
    let text = edit(
        PRACTICE,
        "C-1003 = { primary = \"carol\", restricted = true, administrative = [\"dave\"] }",
        "C-1003 = { primary = \"carol\", clinicians = [\"gina\"], restricted = true, administrative = [\"dave\", \"rita\"] }",
    );
    edit(
        &text,
        "[members.rita]",
        "[members.axel]\nname = \"Axel Berg\"\ngrants = [{ can = [\"client.assign\"], on = \"all\" }]\n\n[members.rita]",
    )
}

/// Makes a change with the binary as `actor` on a committed practice, then
/// asks `diff --base HEAD --as actor` about it. None when the diff agrees
/// that the change is the actor's to make, else what it said.
fn made_by(actor: &str, args: &[&str]) -> Option<String> {
    let repo = Repo::new();
    repo.write("practice.toml", &practice_with_axel());
    repo.commit("base");
    let change = repo
        .praxis()
        .args(["--as", actor])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(
        code(&change),
        0,
        "praxis --as {actor} {args:?}: {}{}",
        stdout(&change),
        stderr(&change)
    );
    let output = repo
        .praxis()
        .args(["diff", "--base", "HEAD", "--as", actor])
        .output()
        .unwrap();
    match code(&output) {
        0 => None,
        n => Some(format!(
            "`praxis --as {actor} {}` is allowed, but `diff --as {actor}` exits {n}:\n{}",
            args.join(" "),
            stdout(&output)
                .lines()
                .filter(|l| l.contains('✗'))
                .collect::<Vec<_>>()
                .join("\n")
        )),
    }
}

fn all_made_by(cases: &[(&str, &[&str])]) {
    let refused: Vec<String> = cases
        .iter()
        .filter_map(|(actor, args)| made_by(actor, args))
        .collect();
    assert!(refused.is_empty(), "{}", refused.join("\n\n"));
}

#[test]
fn as_accepts_the_changes_praxis_lets_the_actor_make() {
    all_made_by(&[
        (
            "mona",
            &[
                "member",
                "add",
                "nina",
                "--name",
                "Nina",
                "--role",
                "scheduler",
            ],
        ),
        ("mona", &["member", "edit", "gina", "--name", "Gina R."]),
        ("mona", &["role", "grant", "gina", "supervisor"]),
        ("mona", &["role", "revoke", "ivy", "clinical-admin"]),
        ("cole", &["supervision", "add", "bob", "--by", "carol"]),
        (
            "cole",
            &["member", "edit", "gina", "--taxonomy", "101YM0800X"],
        ),
        ("bob", &["client", "grant", "C-1001", "gina"]),
        (
            "bob",
            &[
                "client",
                "grant",
                "C-1001",
                "gina",
                "--until",
                "2099-12-31",
                "--reason",
                "Covering",
            ],
        ),
        ("bob", &["client", "revoke", "C-1002", "gina"]),
        ("hank", &["client", "add", "C-1009", "--primary", "gina"]),
        ("axel", &["client", "assign", "C-1001", "--primary", "gina"]),
        (
            "ivy",
            &[
                "client",
                "assign",
                "C-1001",
                "--primary",
                "gina",
                "--keep-previous",
            ],
        ),
        ("rita", &["client", "restrict", "C-1001"]),
        (
            "rita",
            &["client", "grant", "C-1003", "frank", "--administrative"],
        ),
        ("rita", &["client", "restrict", "C-1003", "--off"]),
        ("dave", &["client", "remove", "C-1004"]),
    ]);
}

/// SPEC §4: `diff --as` checks the changes against "the table above", where
/// `member remove` needs `members.manage` "which covers the reassignments it
/// makes", `client assign` needs `client.assign` (its primary leaving
/// `clinicians`, `--keep-previous` moving the old primary there: §7) and
/// `client revoke --administrative` needs `client.restrict` (also taking the
/// member off `clinicians` and `temporary`). A change praxis itself lets the
/// actor make must not be refused by the author check in CI.
#[test]
fn as_accepts_the_side_effects_of_a_change_the_actor_may_make() {
    all_made_by(&[
        ("mona", &["member", "remove", "gina"]),
        (
            "mona",
            &["member", "remove", "bob", "--reassign-clients-to", "gina"],
        ),
        ("axel", &["client", "assign", "C-1002", "--primary", "gina"]),
        (
            "axel",
            &[
                "client",
                "assign",
                "C-1001",
                "--primary",
                "gina",
                "--keep-previous",
            ],
        ),
        (
            "rita",
            &["client", "revoke", "C-1003", "gina", "--administrative"],
        ),
    ]);
}
