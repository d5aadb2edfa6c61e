#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot set up should panic"
)]

//! `praxis history` agrees with `diff` run commit by commit: a generated git
//! history (written with `git fast-import`) of the example practice, each
//! commit moving access a little — a clinician on C-1001 in turn, a role
//! granted and revoked, temporary access added and extended, a version
//! that does not validate, and a rename — is read back by `history
//! --client C-1001` and compared with the library's own diff of each pair
//! of valid versions. `cargo test --test history` uses 60 commits; `--
//! --ignored --nocapture` 1,000 and prints how long `history` took.

mod common;

use praxis::rules::{self, diff::compare, history};
use std::io::Write;
use std::process::{Command, Stdio};

const ROTATION: [&str; 6] = ["", "dev", "carol", "emma", "frank", "jack"];

/// The text of version `i` of the practice file.
fn version(base: &str, i: usize) -> String {
    let clinician = ROTATION[i % ROTATION.len()];
    let mut text = if clinician.is_empty() {
        base.to_string()
    } else {
        base.replacen(
            "C-1001 = { primary = \"bob\" }",
            &format!("C-1001 = {{ primary = \"bob\", clinicians = [\"{clinician}\"] }}"),
            1,
        )
    };
    if i % 7 == 3 {
        text = text.replacen(
            "roles = [\"scheduler\"]\n",
            "roles = [\"scheduler\", \"biller\"]\n",
            1,
        );
    }
    if i % 11 == 5 {
        let day = 1 + i % 27;
        text = text.replacen(
            "C-1002 = { primary = \"bob\", clinicians = [\"dev\"] }",
            &format!("C-1002 = {{ primary = \"bob\", clinicians = [\"dev\"], temporary = [{{ member = \"emma\", until = 2027-02-{day:02}, reason = \"cover\" }}] }}"),
            1,
        );
    }
    if i % 13 == 12 {
        // Not valid: skipped by history, and the next version is compared
        // with the last valid one.
        text = text.replacen("[members.bob]", "[members.bob]\nrolse = []", 1);
    }
    text
}

/// A repository of `commits` versions; the file is renamed half way.
fn repository(commits: usize) -> (tempfile::TempDir, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let base = std::fs::read_to_string(common::root().join("examples/therapynotes/practice.toml"))
        .unwrap();
    let git = |args: &[&str]| {
        Command::new("git")
            .current_dir(dir.path())
            .args(args)
            .output()
            .unwrap()
    };
    assert!(git(&["init", "-q"]).status.success());
    let mut stream = Vec::new();
    let mut texts = Vec::new();
    for i in 0..commits {
        let text = version(&base, i);
        let path = if i < commits / 2 {
            "practice.toml"
        } else {
            "access/practice.toml"
        };
        let when = 1_767_225_600 + i as u64 * 3600; // 2026-01-01, an hour apart
        let message = if i % 5 == 0 {
            format!("change {i}\n\nApproved-by: Nora Whitfield\n")
        } else {
            format!("change {i}\n")
        };
        write!(stream, "commit refs/heads/main\nmark :{}\ncommitter Alice <alice@example.org> {when} +0000\ndata {}\n{message}", i + 1, message.len()).unwrap();
        if i > 0 {
            writeln!(stream, "from :{i}").unwrap();
        }
        if i == commits / 2 {
            stream.extend_from_slice(b"D practice.toml\n");
        }
        write!(
            stream,
            "M 100644 inline {path}\ndata {}\n{text}\n",
            text.len()
        )
        .unwrap();
        texts.push(text);
    }
    let mut import = Command::new("git")
        .current_dir(dir.path())
        .args(["fast-import", "--quiet"])
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    import.stdin.take().unwrap().write_all(&stream).unwrap();
    assert!(import.wait().unwrap().success());
    assert!(git(&["checkout", "-q", "main"]).status.success());
    (dir, texts)
}

fn agree(commits: usize) {
    let (dir, texts) = repository(commits);
    let started = std::time::Instant::now();
    let mut command = common::praxis_in(dir.path());
    command.args([
        "-f",
        "access/practice.toml",
        "history",
        "--client",
        "C-1001",
        "--format",
        "json",
    ]);
    let run = common::run(&mut command);
    let took = started.elapsed();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let events: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    // The library's diff of each pair of valid versions, narrowed alike.
    let mut expected = Vec::new();
    let mut last = praxis::model::Practice::catalog_only();
    for (i, text) in texts.iter().enumerate() {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
            + chrono::Duration::hours(i as i64);
        let checked = rules::check(text, date);
        if checked.findings.has_errors() {
            expected.push((i, None));
            continue;
        }
        let changes = history::narrow(
            &compare(&last, &checked.practice, date),
            None,
            Some("C-1001"),
            None,
        );
        if !changes.is_empty() {
            expected.push((i, Some(serde_json::to_value(changes).unwrap())));
        }
        last = checked.practice;
    }
    assert_eq!(events.len(), expected.len(), "{}", run.stdout);
    for (event, (i, changes)) in events.iter().zip(&expected) {
        assert_eq!(event["subject"], format!("change {i}"));
        match changes {
            None => assert!(event["skipped"].is_string(), "{event}"),
            Some(changes) => assert_eq!(&event["changes"], changes, "commit {i}"),
        }
        assert_eq!(event["approved_by"].is_string(), i % 5 == 0, "{event}");
    }
    println!(
        "history --client C-1001: {commits} commits, {} events, {:.0} ms",
        events.len(),
        took.as_secs_f64() * 1000.0
    );
    review_walks_the_same_history(&dir, commits);
}

/// `review --since` lists the commits `history` lists, and `--stale`
/// dates each chart reading from the same walk.
fn review_walks_the_same_history(dir: &tempfile::TempDir, commits: usize) {
    let json = |args: &[&str]| {
        let mut command = common::praxis_in(dir.path());
        command.args(["-f", "access/practice.toml", "--at", "2027-06-01"]);
        command.args(args).args(["--format", "json"]);
        let run = common::run(&mut command);
        assert_eq!(run.code, 0, "{}", run.stderr);
        serde_json::from_str::<serde_json::Value>(&run.stdout).unwrap()
    };
    let history = json(&["history", "--client", "C-1001", "--since", "2026-01-02"]);
    let started = std::time::Instant::now();
    let review = json(&[
        "review",
        "--client",
        "C-1001",
        "--since",
        "2026-01-02",
        "--stale",
        "30d",
    ]);
    let took = started.elapsed();
    assert_eq!(review["changes"]["events"], history);
    // C-1001's rotating clinician gained it at the last commit that named
    // them; bob, its primary throughout, since the first commit.
    let stale = review["stale"]["access"].as_array().unwrap();
    let bob = stale.iter().find(|e| e["member"] == "bob").unwrap();
    assert_eq!(bob["since"], "2026-01-01");
    println!(
        "review --client C-1001 --since --stale: {commits} commits, {:.0} ms",
        took.as_secs_f64() * 1000.0
    );
}

#[test]
fn history_agrees_with_diff_commit_by_commit() {
    agree(60);
}

#[test]
#[ignore = "1,000 commits: cargo test --release --test history -- --ignored --nocapture"]
fn history_of_a_thousand_commits() {
    agree(1000);
}

/// Runs `command` and returns what it did with its peak resident memory
/// in KiB (`wait4`'s `ru_maxrss`: the process, and the git processes it
/// waited for).
fn run_measured(command: &mut Command) -> (common::Run, i64) {
    #[expect(
        clippy::zombie_processes,
        reason = "reaped by wait4 below, which also reports its peak memory"
    )]
    let child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id() as libc::pid_t;
    let (mut stdout, mut stderr) = (child.stdout.unwrap(), child.stderr.unwrap());
    let reading = std::thread::spawn(move || {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut stderr, &mut text).unwrap();
        text
    });
    let mut out = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut out).unwrap();
    let err = reading.join().unwrap();
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value; wait4 fills it in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our own child, not yet waited for.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid);
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    let run = common::Run {
        code,
        stdout: out,
        stderr: err,
    };
    (run, usage.ru_maxrss)
}

/// SPEC §9.1 "Every read bounded, git included": a version of the file
/// over the size limit (here 64 MiB of zeros, which git stores in a few
/// KiB) is never read: `history` and `review` list it as skipped, `diff
/// --base` and `export --base` refuse it (exit 2, naming the revision, the
/// size and the limit), and none of them comes near holding it.
#[test]
fn a_version_over_the_size_limit_is_never_read() {
    const HUGE: usize = 64 * 1024 * 1024;
    let base = std::fs::read_to_string(common::root().join("examples/therapynotes/practice.toml"))
        .unwrap();
    let fixture = common::Fixture::new(&base);
    let dir = fixture.dir.path();
    let git = |day: &str, args: &[&str]| common::git_on(dir, day, args);
    git("2026-01-01", &["init", "-q"]);
    git("2026-01-01", &["add", "practice.toml"]);
    git("2026-01-01", &["commit", "-q", "-m", "The practice"]);
    // The oversized version, streamed into git without a file on disk.
    let mut hash = Command::new("git")
        .current_dir(dir)
        .args(["hash-object", "-w", "--stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = hash.stdin.take().unwrap();
    let chunk = vec![0u8; 1024 * 1024];
    for _ in 0..HUGE / chunk.len() {
        stdin.write_all(&chunk).unwrap();
    }
    drop(stdin);
    let output = hash.wait_with_output().unwrap();
    let oid = String::from_utf8(output.stdout).unwrap();
    let entry = format!("100644,{},practice.toml", oid.trim());
    git("2026-02-01", &["update-index", "--cacheinfo", &entry]);
    git("2026-02-01", &["commit", "-q", "-m", "A huge version"]);
    git("2026-03-01", &["add", "practice.toml"]);
    git(
        "2026-03-01",
        &[
            "commit",
            "-q",
            "--allow-empty",
            "-m",
            "Back to the practice",
        ],
    );
    // The working file is still the valid one; HEAD~1 is the huge one.
    git(
        "2026-03-01",
        &["checkout", "-q", "HEAD", "--", "practice.toml"],
    );
    let limit = 16 * 1024 * 1024;

    let praxis = |args: &[&str]| {
        let mut command = Command::new(assert_cmd::cargo::cargo_bin("praxis"));
        command
            .current_dir(dir)
            .env_remove("PRAXIS_FILE")
            .env_remove("PRAXIS_ACTOR")
            .arg("-f")
            .arg(&fixture.path)
            .args(args);
        command
    };
    let mut command = praxis(&["history", "--format", "json"]);
    let (run, peak) = run_measured(&mut command);
    println!("history with a {HUGE}-byte version: peak {peak} KiB");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let events: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    let huge = events
        .iter()
        .find(|e| e["subject"] == "A huge version")
        .unwrap();
    let why = huge["skipped"].as_str().unwrap();
    assert!(
        why.contains("over the size limit") && why.contains(&HUGE.to_string()),
        "{why}"
    );
    assert!(
        (peak as usize) * 1024 < HUGE / 4,
        "history held {peak} KiB for a version of {HUGE} bytes"
    );
    // Every format lists it as skipped.
    for format in ["table", "csv", "markdown"] {
        let run = fixture.run(&["history", "--format", format]);
        assert!(run.stdout.contains("over the size limit"), "{format}");
    }
    let (_, review) = {
        let run = fixture.run(&["review", "--since", "2026-01-15", "--format", "json"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        (
            (),
            serde_json::from_str::<serde_json::Value>(&run.stdout).unwrap(),
        )
    };
    assert!(
        review["changes"]["events"][0]["skipped"]
            .as_str()
            .unwrap()
            .contains("over the size limit")
    );

    for args in [
        vec!["diff", "--base", "HEAD~1"],
        vec!["export", "--to", "openfga", "--base", "HEAD~1"],
    ] {
        let (run, peak) = run_measured(&mut praxis(&args));
        assert_eq!(run.code, 2, "{args:?}: {}", run.stdout);
        for part in [
            "HEAD~1:",
            &HUGE.to_string(),
            &limit.to_string(),
            "over the size limit",
        ] {
            assert!(run.stderr.contains(part), "{args:?}: {}", run.stderr);
        }
        println!("{args:?} with a {HUGE}-byte base: peak {peak} KiB");
        assert!((peak as usize) * 1024 < HUGE / 4, "{args:?}: {peak} KiB");
    }
}
