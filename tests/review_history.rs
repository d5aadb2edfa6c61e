#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot set up should panic"
)]

//! `review --stale DAYS` and `review --since DATE`: what only the file's
//! git history tells a reviewer. A small repository of the example
//! practice with commits on known days: access nobody has touched for
//! longer than the period is flagged (by member and chart, with a finding
//! to act on), a regrant or an uncommitted change starts the clock again,
//! the owner is not listed, and the changes since the last review are the
//! commits `history` lists for the same days. Also how history reads git:
//! a range starts from the file as it was before it, and a revision git
//! would take for an option is refused.

mod common;

use common::{Fixture, Run};
use serde_json::Value;

const TODAY: &str = "2026-11-30";

fn example() -> Fixture {
    let text = std::fs::read_to_string(common::root().join("examples/therapynotes/practice.toml"))
        .unwrap();
    let fixture = Fixture::new(&text);
    git(&fixture, &["init", "-q", "-b", "main"], "2024-06-01");
    fixture
}

fn git(fixture: &Fixture, args: &[&str], day: &str) {
    common::git_on(fixture.dir.path(), day, args);
}

fn commit(fixture: &Fixture, day: &str, message: &str) {
    git(fixture, &["add", "practice.toml"], day);
    git(fixture, &["commit", "-q", "-m", message], day);
}

fn change(fixture: &Fixture, args: &[&str]) {
    let mut all = vec!["-q", "--as", "nora"];
    all.extend(args);
    let run = fixture.run(&all);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

fn review(fixture: &Fixture, args: &[&str]) -> (Run, Value) {
    let mut all = vec!["--at", TODAY, "review", "--format", "json"];
    all.extend(args);
    let run = fixture.run(&all);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = serde_json::from_str(&run.stdout).unwrap();
    (run, json)
}

/// (member, client, since) of each stale entry.
fn stale(json: &Value) -> Vec<(String, String, String)> {
    json["stale"]["access"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["member"].as_str().unwrap().to_string(),
                e["client"].as_str().unwrap().to_string(),
                e["since"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn has(list: &[(String, String, String)], member: &str, client: &str) -> bool {
    list.iter().any(|(m, c, _)| m == member && c == client)
}

#[test]
fn access_untouched_for_longer_than_the_period_is_flagged() {
    let fixture = example();
    commit(&fixture, "2024-06-01", "The practice as it was");
    change(&fixture, &["client", "grant", "C-1001", "dev"]);
    commit(&fixture, "2026-10-01", "Give dev C-1001");
    change(&fixture, &["client", "grant", "C-1002", "sara"]);
    commit(&fixture, "2024-07-01", "Give sara C-1002");
    // Revoked, then granted again: the clock starts at the regrant.
    change(&fixture, &["client", "revoke", "C-1002", "sara"]);
    commit(&fixture, "2024-08-01", "Take C-1002 from sara");
    change(&fixture, &["client", "grant", "C-1002", "sara"]);
    commit(&fixture, "2026-01-10", "Give C-1002 back to sara");
    // Not committed yet: gained today.
    change(&fixture, &["client", "grant", "C-1006", "carol"]);

    let (_, json) = review(&fixture, &["--stale", "365d"]);
    let found = stale(&json);
    assert_eq!(json["stale"]["days"], 365);
    assert!(
        found.contains(&("bob".into(), "C-1001".into(), "2024-06-01".into())),
        "{found:?}"
    );
    assert!(!has(&found, "dev", "C-1001"), "granted 60 days ago");
    assert!(!has(&found, "sara", "C-1002"), "regranted 324 days ago");
    assert!(
        !has(&found, "carol", "C-1006"),
        "gained in the working file"
    );
    // The owner is listed once for the practice (SPEC §9.4), not per chart.
    let owner = json["every_chart"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| {
            r["routes"]
                .as_array()
                .unwrap()
                .iter()
                .any(|x| x["route"] == "owner")
        })
        .map(|r| r["member"].as_str().unwrap().to_string())
        .expect("the owner reads every chart");
    assert!(
        found.iter().all(|(m, _, _)| *m != owner),
        "the owner is not listed: {found:?}"
    );
    assert!(found.iter().all(|(_, _, since)| since == "2024-06-01"));
    // One finding per member to act on, naming the period.
    let findings: Vec<&Value> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "access unchanged for longer than the period")
        .collect();
    let members: std::collections::BTreeSet<&str> =
        found.iter().map(|(m, _, _)| m.as_str()).collect();
    assert_eq!(findings.len(), members.len());
    let bob = findings
        .iter()
        .find(|f| f["message"].as_str().unwrap().starts_with("`bob`"))
        .unwrap();
    assert!(bob["message"].as_str().unwrap().contains("over 365 days"));
    assert!(
        bob["message"]
            .as_str()
            .unwrap()
            .contains("C-1001 since 2024-06-01")
    );

    // A longer period than bob's 912 days flags nothing of his.
    let (_, json) = review(&fixture, &["--stale", "1000d"]);
    assert!(!has(&stale(&json), "bob", "C-1001"));
    // Narrowed to a client, only its chart's readers.
    let (_, json) = review(&fixture, &["--stale", "52w", "--client", "C-1002"]);
    assert!(stale(&json).iter().all(|(_, c, _)| c == "C-1002"));
    assert!(has(&stale(&json), "bob", "C-1002"));
    // Without --stale there is no such list.
    let (_, json) = review(&fixture, &[]);
    assert!(json.get("stale").is_none());
}

#[test]
fn the_changes_since_the_last_review_are_the_commits_history_lists() {
    let fixture = example();
    commit(&fixture, "2026-01-05", "The practice as it was");
    change(&fixture, &["client", "grant", "C-1001", "dev"]);
    commit(&fixture, "2026-08-20", "Give dev C-1001");
    change(&fixture, &["role", "grant", "sara", "biller"]);
    commit(&fixture, "2026-09-15", "sara bills");
    change(&fixture, &["client", "grant", "C-1002", "carol"]);
    commit(&fixture, "2026-10-02", "Give carol C-1002");

    let (_, json) = review(&fixture, &["--since", "2026-09-01"]);
    let changes = &json["changes"];
    assert_eq!(changes["since"], "2026-09-01");
    let subjects: Vec<&str> = changes["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["subject"].as_str().unwrap())
        .collect();
    assert_eq!(subjects, ["sara bills", "Give carol C-1002"]);
    let history = fixture.run(&["history", "--since", "2026-09-01", "--format", "json"]);
    assert_eq!(history.code, 0, "{}", history.stderr);
    let history: Value = serde_json::from_str(&history.stdout).unwrap();
    assert_eq!(changes["events"], history);

    // Narrowed to one client, the changes that touch it (sara's billing
    // role reaches every client), as `history --client` lists them.
    let (_, json) = review(&fixture, &["--since", "2026-01-01", "--client", "C-1002"]);
    let subjects: Vec<&str> = json["changes"]["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["subject"].as_str().unwrap())
        .collect();
    assert_eq!(
        subjects,
        ["The practice as it was", "sara bills", "Give carol C-1002"]
    );
    let history = fixture.run(&["history", "--client", "C-1002", "--format", "json"]);
    let history: Value = serde_json::from_str(&history.stdout).unwrap();
    assert_eq!(json["changes"]["events"], history);

    // Every format shows the section.
    for (format, heading) in [
        ("table", "Changes to access since 2026-09-01 (2 commit(s))"),
        (
            "markdown",
            "## Changes to access since 2026-09-01 (2 commit(s))",
        ),
        (
            "html",
            "<h2>Changes to access since 2026-09-01 (2 commit(s))</h2>",
        ),
    ] {
        let run = fixture.run(&[
            "--at",
            TODAY,
            "review",
            "--since",
            "2026-09-01",
            "--format",
            format,
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(run.stdout.contains(heading), "{format}: {}", run.stdout);
        assert!(run.stdout.contains("Give carol C-1002"), "{format}");
    }
}

#[test]
fn history_options_need_the_file_in_git() {
    let text = std::fs::read_to_string(common::root().join("examples/therapynotes/practice.toml"))
        .unwrap();
    let fixture = Fixture::new(&text);
    for option in [["--stale", "365d"], ["--since", "2026-01-01"]] {
        let mut args = vec!["review"];
        args.extend(option);
        let run = fixture.run(&args);
        assert_eq!(run.code, 2, "{option:?}: {}", run.stdout);
        assert!(run.stdout.is_empty(), "nothing half-done on stdout");
        assert!(
            run.stderr.contains("is not in a git repository") && run.stderr.contains("git init"),
            "{}",
            run.stderr
        );
    }
    // --expiring needs no history, and does not mix with it.
    let run = fixture.run(&["review", "--expiring", "14d", "--stale", "365d"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
}

#[test]
fn a_range_shows_what_its_commits_did_not_every_grant_as_new() {
    let fixture = example();
    commit(&fixture, "2026-01-05", "The practice as it was");
    change(&fixture, &["client", "grant", "C-1001", "dev"]);
    commit(&fixture, "2026-08-20", "Give dev C-1001");
    let run = fixture.run(&["history", "--rev", "HEAD~1..HEAD", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let events: Value = serde_json::from_str(&run.stdout).unwrap();
    let events = events.as_array().unwrap();
    assert_eq!(events.len(), 1);
    let members: Vec<&String> = events[0]["changes"].as_object().unwrap().keys().collect();
    assert_eq!(members, ["dev"], "only what the commit did");
    // The same as diff between the two revisions.
    let diff = fixture.run(&["diff", "--base", "HEAD~1", "--format", "json"]);
    let diff: Value = serde_json::from_str(&diff.stdout).unwrap();
    assert_eq!(
        events[0]["changes"]["dev"]["gained"],
        diff["diff"]["members"]["dev"]["gained"]
    );
}

#[test]
fn a_revision_that_git_would_read_as_an_option_is_refused() {
    let fixture = example();
    commit(&fixture, "2026-01-05", "The practice as it was");
    let written = fixture.dir.path().join("written-by-git");
    let option = format!("--output={}", written.display());
    for args in [
        vec!["history".to_string(), format!("--rev={option}")],
        vec!["diff".to_string(), format!("--base={option}")],
        vec![
            "export".into(),
            "--to".into(),
            "openfga".into(),
            format!("--base={option}"),
        ],
    ] {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = fixture.run(&args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stdout);
        assert!(
            run.stderr.contains("is not a git revision"),
            "{}",
            run.stderr
        );
        assert!(!written.exists(), "{args:?} let git write a file");
    }
}

fn history_json(fixture: &Fixture, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["history", "--format", "json"];
    all.extend(args);
    let run = fixture.run(&all);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str::<Value>(&run.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn subjects(events: &[Value]) -> Vec<&str> {
    events
        .iter()
        .map(|e| e["subject"].as_str().unwrap())
        .collect()
}

#[test]
fn no_byte_in_a_message_or_a_name_can_hide_a_commit() {
    let fixture = example();
    commit(&fixture, "2020-01-01", "The practice as it was");
    change(&fixture, &["client", "grant", "C-1003", "dev"]);
    // The separators an older reader split on, in a subject and a name.
    commit(&fixture, "2021-03-01", "Fix typo\u{1e}\u{1f}\u{1}");
    change(&fixture, &["client", "grant", "C-1009", "emma"]);
    git(&fixture, &["add", "practice.toml"], "2026-06-15");
    let output = std::process::Command::new("git")
        .current_dir(fixture.dir.path())
        .args(["commit", "-q", "-m", "Emma covers C-1009"])
        .env("GIT_AUTHOR_NAME", "X\u{1f}Y\u{1e}Z")
        .env("GIT_AUTHOR_EMAIL", "x@example.org")
        .env("GIT_COMMITTER_NAME", "Nora Whitfield")
        .env("GIT_COMMITTER_EMAIL", "nora@example.org")
        .env("GIT_AUTHOR_DATE", "2026-06-15T10:00:00+0000")
        .env("GIT_COMMITTER_DATE", "2026-06-15T10:00:00+0000")
        .output()
        .unwrap();
    assert!(output.status.success());
    let events = history_json(&fixture, &[]);
    assert_eq!(events.len(), 3, "{events:#?}");
    assert!(
        events[1]["changes"]["dev"]["gained"]["clinical.view"] == serde_json::json!(["C-1003"])
    );
    assert!(events[2]["changes"].get("dev").is_none());
    assert!(events[2]["changes"]["emma"].is_object());
    assert_eq!(events[2]["author"], "X\u{1f}Y\u{1e}Z <x@example.org>");
    // In text the control characters are shown escaped.
    let text = fixture.run(&["history"]);
    assert!(text.stdout.contains("Fix typo\\u{1e}"), "{}", text.stdout);
}

#[test]
fn merged_pull_requests_are_the_timeline_of_the_main_branch() {
    let fixture = example();
    commit(&fixture, "2020-01-01", "The practice as it was");
    git(&fixture, &["checkout", "-q", "-b", "p1"], "2026-06-01");
    change(&fixture, &["client", "grant", "C-1003", "dev"]);
    commit(&fixture, "2026-06-01", "dev covers C-1003");
    git(&fixture, &["checkout", "-q", "main"], "2026-06-01");
    git(&fixture, &["checkout", "-q", "-b", "p2"], "2026-06-02");
    change(&fixture, &["client", "grant", "C-1009", "emma"]);
    commit(&fixture, "2026-06-02", "emma covers C-1009");
    git(&fixture, &["checkout", "-q", "main"], "2026-06-03");
    for (day, number) in [("2026-06-03", "1"), ("2026-06-04", "2")] {
        let message = format!("Merge pull request #{number} from practice/p{number}");
        let branch = format!("p{number}");
        git(
            &fixture,
            &["merge", "-q", "--no-ff", &branch, "-m", &message],
            day,
        );
    }
    let events = history_json(&fixture, &["--client", "C-1003"]);
    assert_eq!(
        subjects(&events)[1..],
        ["Merge pull request #1 from practice/p1"]
    );
    assert_eq!(events[1]["approved_by"], "pull request #1");
    assert!(
        events[1]["changes"]["dev"]["lost"]
            .as_object()
            .unwrap()
            .is_empty()
    );
    // Merged after the last review: listed, though its branch commit is older.
    let (_, json) = review(&fixture, &["--since", "2026-06-03", "--client", "C-1009"]);
    assert_eq!(
        subjects(json["changes"]["events"].as_array().unwrap()),
        ["Merge pull request #2 from practice/p2"]
    );
    // dev's access dates from the merge, not from the file's working copy.
    let (_, json) = review(&fixture, &["--stale", "30d", "--client", "C-1003"]);
    assert!(stale(&json).contains(&("dev".into(), "C-1003".into(), "2026-06-03".into())));
}

#[test]
fn a_shallow_clone_or_an_uncommitted_file_is_refused_not_read_as_new() {
    let fixture = example();
    commit(&fixture, "2020-01-01", "The practice as it was");
    change(&fixture, &["client", "grant", "C-1003", "dev"]);
    commit(&fixture, "2026-06-01", "dev covers C-1003");
    let clone = tempfile::tempdir().unwrap();
    let source = format!("file://{}", fixture.dir.path().display());
    common::git_on(
        clone.path(),
        "2026-06-01",
        &["clone", "-q", "--depth", "1", &source, "shallow"],
    );
    let shallow = clone.path().join("shallow/practice.toml");
    for args in [
        vec!["history"],
        vec!["review", "--stale", "365d"],
        vec!["review", "--since", "2026-01-01"],
    ] {
        let mut command = common::praxis_in(clone.path());
        command.arg("-f").arg(&shallow).args(&args);
        let run = common::run(&mut command);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stdout);
        assert!(run.stderr.contains("shallow clone"), "{}", run.stderr);
        assert!(
            run.stderr.contains("git fetch --unshallow"),
            "{}",
            run.stderr
        );
    }
    // A repository where the file was never committed has no history.
    let fresh = Fixture::new(&fixture.text());
    common::git_on(fresh.dir.path(), "2026-06-01", &["init", "-q"]);
    let run = fresh.run(&["review", "--stale", "365d"]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(run.stderr.contains("has no commits"), "{}", run.stderr);
}

#[test]
fn paths_git_would_quote_are_read_as_they_are() {
    let text = std::fs::read_to_string(common::root().join("examples/therapynotes/practice.toml"))
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("Thérapie \"main\"");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("prätice.toml"), &text).unwrap();
    common::git_on(dir.path(), "2020-01-01", &["init", "-q"]);
    common::git_on(dir.path(), "2020-01-01", &["add", "."]);
    common::git_on(dir.path(), "2020-01-01", &["commit", "-q", "-m", "base"]);
    let mut command = common::praxis_in(dir.path());
    command
        .arg("-f")
        .arg(folder.join("prätice.toml"))
        .args(["history", "--member", "dev", "--format", "json"]);
    let run = common::run(&mut command);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let events: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(events.len(), 1);
    assert!(events[0]["skipped"].is_null(), "{}", run.stdout);
    assert!(events[0]["changes"]["dev"].is_object());
}

#[test]
fn a_backdated_commit_counts_from_when_it_entered_the_branch() {
    let fixture = example();
    commit(&fixture, "2026-09-10", "The practice as it was");
    change(&fixture, &["client", "grant", "C-1003", "dev"]);
    // Committed after the review of 2026-09-01, dated as if long before.
    commit(&fixture, "2026-01-05", "dev covers C-1003");
    let (_, json) = review(&fixture, &["--since", "2026-09-01", "--client", "C-1003"]);
    let events = json["changes"]["events"].as_array().unwrap();
    assert_eq!(
        subjects(events),
        ["The practice as it was", "dev covers C-1003"]
    );
    assert_eq!(events[1]["backdated"], true);
    assert_eq!(events[1]["parent_date"], "2026-09-10");
    assert_eq!(events[0]["backdated"], false);
    let events = history_json(&fixture, &["--since", "2026-09-01", "--member", "dev"]);
    assert_eq!(
        subjects(&events),
        ["The practice as it was", "dev covers C-1003"]
    );
    assert_eq!(events[1]["backdated"], true);
    // Every format marks it.
    let marker = "backdated: its parent is dated 2026-09-10";
    for format in ["table", "csv", "markdown"] {
        let run = fixture.run(&["history", "--member", "dev", "--format", format]);
        assert!(run.stdout.contains(marker), "{format}: {}", run.stdout);
    }
    for format in ["table", "markdown", "html"] {
        let run = fixture.run(&[
            "--at",
            TODAY,
            "review",
            "--since",
            "2026-09-01",
            "--format",
            format,
        ]);
        assert!(run.stdout.contains(marker), "{format}: {}", run.stdout);
    }
}

/// Backdating is judged against the commit's parent, whatever the parent
/// changed: a commit that touched only another file still dates the line.
#[test]
fn a_commit_dated_before_a_parent_that_changed_another_file_is_backdated() {
    let fixture = example();
    commit(&fixture, "2026-01-05", "The practice as it was");
    std::fs::write(fixture.dir.path().join("NOTES"), "review done\n").unwrap();
    git(&fixture, &["add", "NOTES"], "2026-09-10");
    git(
        &fixture,
        &["commit", "-q", "-m", "Review notes"],
        "2026-09-10",
    );
    change(&fixture, &["client", "grant", "C-1003", "dev"]);
    commit(&fixture, "2026-08-20", "dev covers C-1003");
    let events = history_json(
        &fixture,
        &[
            "--member",
            "dev",
            "--client",
            "C-1003",
            "--capability",
            "clinical.view",
        ],
    );
    assert_eq!(subjects(&events), ["dev covers C-1003"]);
    assert_eq!(events[0]["backdated"], true);
    assert_eq!(events[0]["parent_date"], "2026-09-10");
    // It entered the branch after the notes of 2026-09-10 at the earliest.
    let (_, json) = review(
        &fixture,
        &[
            "--since",
            "2026-09-01",
            "--member",
            "dev",
            "--client",
            "C-1003",
        ],
    );
    assert_eq!(
        subjects(json["changes"]["events"].as_array().unwrap()),
        ["dev covers C-1003"]
    );
}

#[test]
fn temporary_access_ending_is_an_event_on_the_day_after_its_last_day() {
    let fixture = example();
    commit(&fixture, "2026-09-01", "The practice as it was");
    change(
        &fixture,
        &[
            "client",
            "grant",
            "C-1003",
            "dev",
            "--until",
            "2027-10-20",
            "--reason",
            "Covering carol",
        ],
    );
    // Written as of an earlier day: the file's date is what matters.
    let text = fixture.text().replace("2027-10-20", "2026-10-20");
    std::fs::write(&fixture.path, text).unwrap();
    commit(&fixture, "2026-10-01", "dev covers C-1003");
    let at = |day: &str, args: &[&str]| {
        let mut all = vec!["--at", day, "history", "--format", "json"];
        all.extend(args);
        let run = fixture.run(&all);
        assert_eq!(run.code, 0, "{}", run.stderr);
        serde_json::from_str::<Value>(&run.stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    };
    let events = at(
        TODAY,
        &[
            "--member",
            "dev",
            "--client",
            "C-1003",
            "--capability",
            "clinical.view",
        ],
    );
    assert_eq!(events.len(), 2, "{events:#?}");
    // The grant carries its last day and reason.
    assert_eq!(events[0]["kind"], "commit");
    assert_eq!(
        events[0]["temporary"],
        serde_json::json!([{"client": "C-1003", "member": "dev", "until": "2026-10-20", "reason": "Covering carol"}])
    );
    // The ending: no commit, the day after the last day, what was lost.
    let ended = &events[1];
    assert_eq!(ended["kind"], "temporary access ended");
    assert!(ended["commit"].is_null() && ended["author"].is_null());
    assert_eq!(ended["date"], "2026-10-21");
    assert_eq!(ended["temporary"][0]["until"], "2026-10-20");
    assert_eq!(ended["temporary"][0]["reason"], "Covering carol");
    assert_eq!(
        ended["changes"]["dev"]["lost"]["clinical.view"],
        serde_json::json!(["C-1003"])
    );
    // The output fits its committed schema.
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(common::root().join("schema/output/history.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let instance = Value::Array(events.clone());
    assert!(validator.is_valid(&instance), "{instance:#}");
    // Not before it ends, nor outside the range shown.
    assert_eq!(
        at(
            "2026-10-20",
            &[
                "--member",
                "dev",
                "--client",
                "C-1003",
                "--capability",
                "clinical.view"
            ]
        )
        .len(),
        1
    );
    assert_eq!(
        at(
            TODAY,
            &[
                "--member",
                "dev",
                "--client",
                "C-1003",
                "--capability",
                "clinical.view",
                "--until",
                "2026-10-20"
            ]
        )
        .len(),
        1
    );
    assert_eq!(
        at(
            TODAY,
            &[
                "--member",
                "dev",
                "--client",
                "C-1003",
                "--capability",
                "clinical.view",
                "--since",
                "2026-10-21"
            ]
        )
        .len(),
        1
    );
    // Every format shows it, with the entry's last day and reason.
    for format in ["table", "csv", "markdown"] {
        let run = fixture.run(&[
            "--at",
            TODAY,
            "history",
            "--member",
            "dev",
            "--client",
            "C-1003",
            "--capability",
            "clinical.view",
            "--format",
            format,
        ]);
        assert!(
            run.stdout.contains("temporary access ended"),
            "{format}: {}",
            run.stdout
        );
        assert!(
            run.stdout
                .contains("dev on C-1003 through 2026-10-20: Covering carol"),
            "{format}: {}",
            run.stdout
        );
    }
    let text = fixture.run(&[
        "--at",
        TODAY,
        "history",
        "--member",
        "dev",
        "--client",
        "C-1003",
        "--capability",
        "clinical.view",
    ]);
    assert!(
        text.stdout
            .contains("2026-10-21 (no commit): temporary access ended"),
        "{}",
        text.stdout
    );
    // review --since lists it as history does.
    let (_, json) = review(
        &fixture,
        &[
            "--since",
            "2026-10-02",
            "--member",
            "dev",
            "--client",
            "C-1003",
        ],
    );
    assert_eq!(
        json["changes"]["events"][0]["kind"],
        "temporary access ended"
    );

    // Extended before its end: it ends only at the new last day.
    let text = fixture.text().replace("2026-10-20", "2026-11-10");
    std::fs::write(&fixture.path, text).unwrap();
    commit(&fixture, "2026-10-15", "dev stays on C-1003");
    let events = at(
        TODAY,
        &[
            "--member",
            "dev",
            "--client",
            "C-1003",
            "--capability",
            "clinical.view",
        ],
    );
    let ends: Vec<&str> = events
        .iter()
        .filter(|e| e["kind"] == "temporary access ended")
        .map(|e| e["date"].as_str().unwrap())
        .collect();
    assert_eq!(ends, ["2026-11-11"], "{events:#?}");
}

#[test]
fn history_narrows_to_one_capability() {
    let fixture = example();
    commit(&fixture, "2026-01-05", "The practice as it was");
    change(&fixture, &["role", "grant", "sara", "biller"]);
    commit(&fixture, "2026-08-20", "sara bills");
    change(&fixture, &["client", "grant", "C-1003", "dev"]);
    commit(&fixture, "2026-09-15", "dev covers C-1003");
    let events = history_json(
        &fixture,
        &["--capability", "clinical.view", "--since", "2026-02-01"],
    );
    assert_eq!(subjects(&events), ["dev covers C-1003"]);
    let gained = events[0]["changes"]["dev"]["gained"].as_object().unwrap();
    assert_eq!(gained.keys().collect::<Vec<_>>(), ["clinical.view"]);
    let events = history_json(
        &fixture,
        &["--capability", "billing.view", "--since", "2026-02-01"],
    );
    assert_eq!(subjects(&events), ["sara bills"]);
    assert!(
        events[0]["changes"]["sara"]["roles_granted"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    // An unknown capability is an error naming the near one and the rest.
    let run = fixture.run(&["history", "--capability", "clinical.veiw"]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr.contains("did you mean `clinical.view`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("billing.view"), "{}", run.stderr);
}

#[test]
fn base_follows_the_file_across_a_move_so_revokes_are_not_lost() {
    let fixture = example();
    change(&fixture, &["client", "grant", "C-1003", "dev"]);
    commit(&fixture, "2026-01-02", "dev covers C-1003");
    git(&fixture, &["tag", "v1"], "2026-01-02");
    std::fs::create_dir(fixture.dir.path().join("access")).unwrap();
    git(&fixture, &["mv", "practice.toml", "access/"], "2026-01-03");
    git(&fixture, &["commit", "-q", "-m", "Move it"], "2026-01-03");
    let moved = fixture.dir.path().join("access/practice.toml");
    let at = |args: &[&str]| {
        let mut command = fixture.bare();
        command.arg("-f").arg(&moved).args(args);
        common::run(&mut command)
    };
    let run = at(&["-q", "--as", "nora", "client", "revoke", "C-1003", "dev"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let diff = at(&["diff", "--base", "v1", "--format", "json"]);
    assert_eq!(diff.code, 0, "{}", diff.stderr);
    let diff: Value = serde_json::from_str(&diff.stdout).unwrap();
    assert_eq!(
        diff["diff"]["members"]["dev"]["lost"]["clinical.view"],
        serde_json::json!(["C-1003"])
    );
    let export = at(&["export", "--to", "openfga", "--base", "v1"]);
    assert_eq!(export.code, 0, "{}", export.stderr);
    assert!(
        export.stderr.contains("was practice.toml at v1"),
        "{}",
        export.stderr
    );
    let changes: Value = serde_json::from_str(&export.stdout).unwrap();
    let deletes = changes["deletes"]["tuple_keys"].as_array().unwrap();
    assert!(
        deletes.iter().any(|t| t["user"] == "member:dev"
            && t["relation"] == "clinician"
            && t["object"] == "client:C-1003"),
        "{deletes:?}"
    );
    assert!(
        changes["writes"]["tuple_keys"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    // The history reaches back before the move too, with no note that it
    // was cut.
    let run = at(&["history", "--member", "dev", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("note:"), "{}", run.stderr);
    let events: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(subjects(&events), ["dev covers C-1003"]);
    // Standard input has no history to compare against.
    let mut command = fixture.bare();
    command
        .args(["-f", "-", "export", "--to", "openfga", "--base", "HEAD"])
        .write_stdin(std::fs::read(&moved).unwrap());
    let run = common::run(&mut command);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no standard input"), "{}", run.stderr);
}

#[test]
fn a_history_that_begins_with_an_add_on_earlier_commits_says_so() {
    let fixture = example();
    let readme = fixture.dir.path().join("README");
    std::fs::write(&readme, "practice files\n").unwrap();
    git(&fixture, &["add", "README"], "2025-01-01");
    git(&fixture, &["commit", "-q", "-m", "Start"], "2025-01-01");
    commit(&fixture, "2025-02-01", "Add the practice");
    let run = fixture.run(&["history", "--member", "dev"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("begins at") && run.stderr.contains("which added it"),
        "{}",
        run.stderr
    );
    // -q silences the note, never the data.
    let quiet = fixture.run(&["-q", "history", "--member", "dev"]);
    assert!(quiet.stderr.is_empty(), "{}", quiet.stderr);
    assert_eq!(quiet.stdout, run.stdout);
}
