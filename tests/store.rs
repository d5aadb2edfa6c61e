#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot set up should panic"
)]

//! The file on disk (SPEC §4, last rule, and §7 "A write that fails"):
//! permissions, symlinks, CRLF and BOM, no leftovers, failed writes,
//! writers killed mid-write, and concurrent writers.
//!
//! Run with `--nocapture` to see the crash and concurrency figures.

mod common;
use common::rng::Rng;

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

const PRACTICE: &str = r#"# Riverbend Counseling
# Kept by hand and by praxis.

version = 1

[practice]
name = "Riverbend Counseling"
owner = "alice"   # account owner

[members.alice]
name = "Alice Moreno"
roles = ["administrator", "clinician"]

[members.bob]
name = "Bob Lindqvist"
roles = ["clinician"]

[clients]
# one line per client
C-1001 = { primary = "bob" }
C-1002 = { primary = "bob", clinicians = ["alice"] }
"#;

fn binary() -> PathBuf {
    assert_cmd::cargo::cargo_bin("praxis")
}

fn praxis(dir: &Path) -> Command {
    let mut command = Command::new(binary());
    command
        .current_dir(dir)
        .env_remove("PRAXIS_FILE")
        .env_remove("PRAXIS_ACTOR")
        .env("NO_COLOR", "1");
    command
}

/// Runs `praxis --as alice -f PATH ARGS…`; returns (exit code, stderr).
fn mutate(path: &Path, args: &[&str]) -> (i32, String) {
    let dir = path.parent().expect("parent");
    let output = praxis(dir)
        .arg("--as")
        .arg("alice")
        .arg("-f")
        .arg(path)
        .args(args)
        .output()
        .expect("run praxis");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read directory")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn setup(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("practice.toml");
    std::fs::write(&path, text).expect("write");
    (dir, path)
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// The text parses and validates without errors.
fn valid(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    !praxis::rules::check(text, today()).findings.has_errors()
}

const ADD_CLIENT_LINE: &str = "C-1003 = { primary = \"bob\" }\n";

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o7777
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

#[cfg(unix)]
#[test]
fn a_rewrite_keeps_the_file_permissions() {
    for wanted in [0o600, 0o640, 0o664] {
        let (dir, path) = setup(PRACTICE);
        set_mode(&path, wanted);
        let (code, stderr) = mutate(&path, &["client", "add", "C-1003", "--primary", "bob"]);
        assert_eq!(code, 0, "{stderr}");
        assert!(
            std::fs::read_to_string(&path)
                .expect("read")
                .contains(ADD_CLIENT_LINE)
        );
        assert_eq!(
            mode(&path),
            wanted,
            "mode {wanted:o} must survive a rewrite"
        );
        assert_eq!(listing(dir.path()), vec!["practice.toml"]);
    }
}

#[cfg(unix)]
#[test]
fn a_symlinked_practice_file_is_written_through_to_its_target() {
    let dir = tempfile::tempdir().expect("dir");
    let real = dir.path().join("config");
    std::fs::create_dir(&real).expect("mkdir");
    let target = real.join("riverbend.toml");
    std::fs::write(&target, PRACTICE).expect("write");
    set_mode(&target, 0o600);
    let work = dir.path().join("work");
    std::fs::create_dir(&work).expect("mkdir");
    let link = work.join("practice.toml");
    std::os::unix::fs::symlink("../config/riverbend.toml", &link).expect("symlink");

    let (code, stderr) = mutate(&link, &["client", "add", "C-1003", "--primary", "bob"]);
    assert_eq!(code, 0, "{stderr}");

    let meta = std::fs::symlink_metadata(&link).expect("link metadata");
    assert!(meta.file_type().is_symlink(), "the link survives");
    assert_eq!(
        std::fs::read_link(&link).expect("read link"),
        PathBuf::from("../config/riverbend.toml"),
        "the link still points where it did"
    );
    let expected = PRACTICE.to_string() + ADD_CLIENT_LINE;
    assert_eq!(
        std::fs::read_to_string(&target).expect("read target"),
        expected
    );
    assert_eq!(mode(&target), 0o600);
    assert_eq!(listing(&work), vec!["practice.toml"]);
    assert_eq!(listing(&real), vec!["riverbend.toml"]);

    // Found upwards through the link, too.
    let output = praxis(&work)
        .args([
            "--as",
            "alice",
            "client",
            "add",
            "C-1004",
            "--primary",
            "bob",
        ])
        .output()
        .expect("run");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&target)
            .expect("read")
            .ends_with("C-1004 = { primary = \"bob\" }\n")
    );
    assert_eq!(listing(&work), vec!["practice.toml"]);
    assert_eq!(listing(&real), vec!["riverbend.toml"]);
}

#[test]
fn crlf_line_endings_survive_a_rewrite() {
    let crlf = PRACTICE.replace('\n', "\r\n");
    let (dir, path) = setup(&crlf);
    let (code, stderr) = mutate(&path, &["client", "add", "C-1003", "--primary", "bob"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, stderr) = mutate(
        &path,
        &[
            "member",
            "add",
            "carol",
            "--name",
            "Carol",
            "--role",
            "clinician",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let (code, stderr) = mutate(&path, &["client", "grant", "C-1001", "carol"]);
    assert_eq!(code, 0, "{stderr}");
    let text = std::fs::read_to_string(&path).expect("read");
    let expected = PRACTICE
        .replace(
            "[clients]\n",
            "[members.carol]\nname = \"Carol\"\nroles = [\"clinician\"]\n\n[clients]\n",
        )
        .replace(
            "C-1001 = { primary = \"bob\" }",
            "C-1001 = { primary = \"bob\", clinicians = [\"carol\"] }",
        )
        + ADD_CLIENT_LINE;
    assert_eq!(text, expected.replace('\n', "\r\n"));
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "every line ends in CRLF"
    );
    assert_eq!(listing(dir.path()), vec!["practice.toml"]);
}

#[test]
fn a_utf8_bom_survives_a_rewrite() {
    for crlf in [false, true] {
        let body = if crlf {
            PRACTICE.replace('\n', "\r\n")
        } else {
            PRACTICE.to_string()
        };
        let (dir, path) = setup(&format!("\u{feff}{body}"));
        let (code, stderr) = mutate(&path, &["client", "add", "C-1003", "--primary", "bob"]);
        assert_eq!(code, 0, "{stderr}");
        let bytes = std::fs::read(&path).expect("read");
        assert!(bytes.starts_with(b"\xef\xbb\xbf"), "the BOM is kept");
        assert!(!bytes[3..].starts_with(b"\xef\xbb\xbf"), "and not doubled");
        let mut expected = PRACTICE.to_string() + ADD_CLIENT_LINE;
        if crlf {
            expected = expected.replace('\n', "\r\n");
        }
        assert_eq!(String::from_utf8_lossy(&bytes[3..]), expected);
        assert_eq!(listing(dir.path()), vec!["practice.toml"]);
    }
}

#[test]
fn no_lock_or_temporary_file_is_left_behind() {
    let (dir, path) = setup(PRACTICE);
    let steps: &[(&[&str], i32)] = &[
        (&["client", "add", "C-1003", "--primary", "bob"], 0),
        (&["client", "grant", "C-1003", "alice"], 0),
        (&["client", "grant", "C-1003", "alice"], 0), // no change
        (&["client", "revoke", "C-1003", "bob"], 1),  // refused: primary
        (&["client", "grant", "C-1003", "nobody"], 2), // usage
        (
            &["client", "add", "C-1003", "--primary", "bob", "--dry-run"],
            1,
        ),
        (&["client", "restrict", "C-1003", "--dry-run"], 0),
        (&["client", "restrict", "C-1003"], 0),
        (
            &["member", "remove", "bob", "--reassign-clients-to", "alice"],
            0,
        ),
    ];
    for (args, code) in steps {
        let (got, stderr) = mutate(&path, args);
        assert_eq!(got, *code, "{args:?}: {stderr}");
        assert_eq!(listing(dir.path()), vec!["practice.toml"], "after {args:?}");
    }
    assert!(valid(&std::fs::read_to_string(&path).expect("read")));
}

#[test]
fn a_stale_temporary_file_and_lock_file_do_not_block_the_next_change() {
    let (dir, path) = setup(PRACTICE);
    // What a writer killed mid-write leaves: its temporary file and the
    // lock file (no longer locked: the lock died with the process).
    let stale_temp = dir.path().join(".practice.toml.praxis-tmp-99999-12345");
    std::fs::write(&stale_temp, "half a fi").expect("write");
    std::fs::write(dir.path().join("practice.toml.lock"), "").expect("write");
    let started = Instant::now();
    let (code, stderr) = mutate(&path, &["client", "add", "C-1003", "--primary", "bob"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        PRACTICE.to_string() + ADD_CLIENT_LINE
    );
    assert_eq!(listing(dir.path()), vec!["practice.toml"], "cleaned up");
}

#[test]
fn a_change_that_writes_nothing_still_cleans_up_stale_temporaries() {
    let (dir, path) = setup(PRACTICE);
    let stale_temp = dir.path().join(".practice.toml.praxis-tmp-99999-12345");
    std::fs::write(&stale_temp, "half a fi").expect("write");
    // Adding an existing member is refused; the stale file still goes.
    let (code, stderr) = mutate(&path, &["member", "add", "bob", "--name", "Bob"]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), PRACTICE);
    assert_eq!(listing(dir.path()), vec!["practice.toml"], "cleaned up");
}

/// Removes the immutable flag and restores the mode, even on panic.
#[cfg(unix)]
struct Unlock {
    dir: PathBuf,
    immutable: bool,
}

#[cfg(unix)]
impl Drop for Unlock {
    fn drop(&mut self) {
        if self.immutable {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(&self.dir)
                .status();
        }
        set_mode(&self.dir, 0o755);
    }
}

/// Makes `dir` unwritable: `chmod 555`, and when that is not enough
/// (root), `chattr +i`. None when neither works.
#[cfg(unix)]
fn make_read_only(dir: &Path) -> Option<Unlock> {
    set_mode(dir, 0o555);
    let mut guard = Unlock {
        dir: dir.to_path_buf(),
        immutable: false,
    };
    let probe = dir.join(".probe");
    if std::fs::write(&probe, "x").is_err() {
        return Some(guard);
    }
    let _ = std::fs::remove_file(&probe);
    let chattr = std::process::Command::new("chattr")
        .arg("+i")
        .arg(dir)
        .stderr(Stdio::null())
        .status();
    if !chattr.is_ok_and(|s| s.success()) {
        return None;
    }
    guard.immutable = true;
    if std::fs::write(&probe, "x").is_err() {
        return Some(guard);
    }
    let _ = std::fs::remove_file(&probe);
    None
}

#[cfg(unix)]
#[test]
fn a_write_into_a_read_only_directory_exits_2_and_leaves_the_file() {
    // Once without and once with a lock file already there (so the failure
    // comes from locking, then from writing the temporary file).
    for with_lock in [false, true] {
        let (dir, path) = setup(PRACTICE);
        if with_lock {
            std::fs::write(dir.path().join("practice.toml.lock"), "").expect("write");
        }
        // A test that cannot set up must fail, not pass unseen.
        let Some(_guard) = make_read_only(dir.path()) else {
            set_mode(dir.path(), 0o755);
            panic!(
                "cannot make a directory read-only here: chmod 555 does not stop this user \
                 (root) and `chattr +i` is missing or unsupported by the file system; run \
                 the test as a non-root user or on a file system with chattr (ext4, xfs)"
            );
        };
        let before_listing = listing(dir.path());
        let (code, stderr) = mutate(&path, &["client", "add", "C-1003", "--primary", "bob"]);
        assert_eq!(code, 2, "a failed write is exit 2: {stderr}");
        assert!(
            stderr.contains("practice.toml"),
            "the reason names the file: {stderr}"
        );
        assert_eq!(std::fs::read_to_string(&path).expect("read"), PRACTICE);
        assert_eq!(listing(dir.path()), before_listing);
        eprintln!(
            "read-only directory (lock file present: {with_lock}): exit {code}: {}",
            stderr.trim()
        );
    }
}

fn mutation_args(i: usize) -> Vec<String> {
    let words: Vec<String> = match i % 4 {
        0 => vec![
            "member".into(),
            "add".into(),
            format!("m{i}"),
            "--name".into(),
            format!("Member {i}"),
            "--role".into(),
            "clinician".into(),
        ],
        1 => vec![
            "client".into(),
            "add".into(),
            format!("K-{i}"),
            "--primary".into(),
            "bob".into(),
        ],
        2 => vec![
            "client".into(),
            "grant".into(),
            format!("K-{}", i - 1),
            format!("m{}", i - 2),
        ],
        _ => vec![
            "client".into(),
            "assign".into(),
            format!("K-{}", i - 2),
            "--primary".into(),
            format!("m{}", i - 3),
            "--keep-previous".into(),
        ],
    };
    words
}

fn spawn(path: &Path, args: &[String]) -> Child {
    std::process::Command::new(binary())
        .current_dir(path.parent().expect("parent"))
        .env_remove("PRAXIS_FILE")
        .env_remove("PRAXIS_ACTOR")
        .args(["--as", "alice", "-q", "-f"])
        .arg(path)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn praxis")
}

/// Waits for a child, killing it after `limit` (a stale lock would block).
fn wait_with_limit(child: &mut Child, limit: Duration) -> std::process::ExitStatus {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("try_wait") {
            return status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("praxis did not finish within {limit:?} (blocked by a stale lock?)");
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

#[cfg(unix)]
#[test]
fn a_writer_killed_at_any_moment_leaves_the_old_or_the_new_file_whole() {
    use std::os::unix::process::ExitStatusExt;

    let (dir, path) = setup(PRACTICE);
    let scratch_dir = tempfile::tempdir().expect("scratch");
    let scratch = scratch_dir.path().join("practice.toml");
    // Private, so any temporary file a kill leaves behind must be private
    // too (SPEC §8: 0600 from creation, never wider than the original).
    set_mode(&path, 0o600);
    let mut rng = Rng::seeded();
    // 200 in CI; `PRAXIS_KILL_ROUNDS=10000` for the long run.
    let rounds: usize = std::env::var("PRAXIS_KILL_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(200);
    let (mut kills, mut finished_first, mut old_after, mut new_after, mut temps_seen) =
        (0, 0, 0, 0, 0);
    let mut step = 0;
    let started = Instant::now();
    for _ in 0..rounds {
        let old = std::fs::read_to_string(&path).expect("read");
        let args = mutation_args(step);
        // The new version: the same change, run to the end on a copy.
        std::fs::write(&scratch, &old).expect("write scratch");
        let timer = Instant::now();
        let mut whole = spawn(&scratch, &args);
        let status = wait_with_limit(&mut whole, Duration::from_secs(20));
        let duration = timer.elapsed();
        assert!(status.success(), "{args:?} fails even uninterrupted");
        let new = std::fs::read_to_string(&scratch).expect("read scratch");
        assert_ne!(old, new);

        // Now the same change, killed at a random moment: anywhere in the
        // run, or (half the time) near its end, where the write happens.
        let micros = duration.as_micros() as u64;
        let delay = if rng.below_u64(2) == 0 {
            rng.below_u64(micros + micros / 5)
        } else {
            micros * 6 / 10 + rng.below_u64(micros / 2)
        };
        let mut child = spawn(&path, &args);
        std::thread::sleep(Duration::from_micros(delay));
        child.kill().expect("kill");
        let status = child.wait().expect("wait");
        if status.signal() == Some(9) {
            kills += 1;
        } else {
            finished_first += 1;
        }
        let after = std::fs::read_to_string(&path).expect("the file is still there");
        assert!(
            after == old || after == new,
            "after a kill at {delay}µs the file is neither the old nor the new version:\n{after}"
        );
        assert!(valid(&after), "the file after a kill is valid");
        if after == new {
            new_after += 1;
            step += 1;
        } else {
            old_after += 1;
        }
        for temp in listing(dir.path())
            .iter()
            .filter(|n| n.contains("praxis-tmp"))
        {
            temps_seen += 1;
            let temp_mode = mode(&dir.path().join(temp));
            assert_eq!(temp_mode & 0o077, 0, "{temp} left with mode {temp_mode:o}");
        }
        assert_eq!(mode(&path) & 0o777, 0o600, "the file keeps its mode");
    }
    // The next change cleans up, and no stale lock blocks it.
    let args = mutation_args(step);
    let mut last = spawn(&path, &args);
    let status = wait_with_limit(&mut last, Duration::from_secs(20));
    assert!(status.success(), "the change after the kills succeeds");
    assert_eq!(
        listing(dir.path()),
        vec!["practice.toml"],
        "nothing left behind"
    );
    assert!(valid(&std::fs::read_to_string(&path).expect("read")));
    eprintln!(
        "crash test: {rounds} runs, {kills} killed (SIGKILL), {finished_first} finished before the kill; \
         file afterwards: {old_after} old, {new_after} new, 0 torn; \
         {temps_seen} stale temporary files seen and cleaned up; {:.1}s",
        started.elapsed().as_secs_f64()
    );
    assert!(
        kills > rounds / 10,
        "enough runs were really killed ({kills})"
    );
}

/// `writers` processes at once, each making `changes` changes one after
/// another: 16 × 2 in CI, `PRAXIS_WRITERS=32 PRAXIS_CHANGES_PER_WRITER=100`
/// for the long run.
#[test]
fn concurrent_writers_lose_nothing() {
    let (dir, path) = setup(PRACTICE);
    let number = |name: &str, default: usize| {
        std::env::var(name)
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(default)
    };
    let writers = number("PRAXIS_WRITERS", 16);
    let changes = number("PRAXIS_CHANGES_PER_WRITER", 2);
    let started = Instant::now();
    let threads: Vec<_> = (0..writers)
        .map(|writer| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut failures = 0;
                for change in 0..changes {
                    let id = format!("w{writer}x{change}");
                    let args: Vec<String> = if writer % 2 == 0 {
                        vec![
                            "member".into(),
                            "add".into(),
                            id.clone(),
                            "--name".into(),
                            format!("Writer {writer}"),
                            "--role".into(),
                            "clinician".into(),
                        ]
                    } else {
                        vec![
                            "client".into(),
                            "add".into(),
                            id.clone(),
                            "--primary".into(),
                            "bob".into(),
                        ]
                    };
                    // Thirty-two writers queue for one lock: on a busy
                    // machine one may wait longer than the default 30 s
                    // (that timeout has its own test), so wait here.
                    let output = std::process::Command::new(binary())
                        .current_dir(path.parent().expect("parent"))
                        .env_remove("PRAXIS_FILE")
                        .env_remove("PRAXIS_ACTOR")
                        .env("PRAXIS_LOCK_TIMEOUT", "600")
                        .args(["--as", "alice", "-q", "-f"])
                        .arg(&path)
                        .args(&args)
                        .output()
                        .expect("run praxis");
                    if !output.status.success() {
                        failures += 1;
                        eprintln!(
                            "writer {id} failed: {}: {}",
                            output.status,
                            String::from_utf8_lossy(&output.stderr)
                        );
                    }
                }
                failures
            })
        })
        .collect();
    let failures: usize = threads
        .into_iter()
        .map(|t| t.join().expect("writer thread"))
        .sum();
    let text = std::fs::read_to_string(&path).expect("read");
    let checked = praxis::rules::check(&text, today());
    assert!(!checked.findings.has_errors(), "the file is valid:\n{text}");
    let mut lost = 0;
    for writer in 0..writers {
        for change in 0..changes {
            let id = format!("w{writer}x{change}");
            let present = if writer % 2 == 0 {
                checked.practice.member(&id).is_some()
            } else {
                checked.practice.client(&id).is_some()
            };
            if !present {
                lost += 1;
                eprintln!("lost: {id}");
            }
        }
    }
    eprintln!(
        "concurrency test: {writers} writers at once × {changes} changes each = {} changes, \
         {failures} failed, {lost} lost; {} members and {} clients in the file; {:.1}s",
        writers * changes,
        checked.practice.members.len(),
        checked.practice.clients.len(),
        started.elapsed().as_secs_f64()
    );
    assert_eq!(failures, 0);
    assert_eq!(lost, 0);
    assert_eq!(listing(dir.path()), vec!["practice.toml"]);
}
