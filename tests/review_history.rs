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
    git(&fixture, &["init", "-q"], "2024-06-01");
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
    let owner = json["charts"][0]["readers"]
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
