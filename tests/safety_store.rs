#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot set up should panic"
)]

//! SPEC §8 "Reading", "Discovery" and "Writing" through the binary: only
//! regular files are read, discovery stops at the repository root or home
//! and refuses another user's file, the temporary file is private from its
//! first moment, the lock is never followed through a symlink and does not
//! wait forever, and line endings survive line by line.

mod common;
#[path = "safety_store/races.rs"]
mod races;

use common::{Fixture, RIVERBEND, praxis_in, run};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::time::{Duration, Instant};

fn is_root() -> bool {
    praxis::store::owner::is_root()
}

/// What one bounded run did.
struct Outcome {
    code: i32,
    stderr: String,
}

/// Runs `command`, killing it (and failing) after 10 s: praxis must never
/// wait on a FIFO, and a test of that must not hang when it does.
fn bounded(mut command: std::process::Command) -> Outcome {
    let mut child = command.spawn().unwrap();
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let output = child.wait_with_output().unwrap();
            return Outcome {
                code: status.code().unwrap_or(-1),
                stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            };
        }
        if started.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("praxis waited more than 10 s: {command:?}");
        }
        std::thread::sleep(Duration::from_millis(1));
    }
}

const GRANT: &[&str] = &["--as", "alice", "client", "grant", "C-1001", "gina"];
const REVOKE: &[&str] = &["--as", "alice", "client", "revoke", "C-1001", "gina"];

#[test]
fn only_regular_files_are_read_and_nothing_blocks() {
    let fixture = Fixture::new(RIVERBEND);
    let fifo = fixture.dir.path().join("fifo.toml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    for path in [
        fifo.to_str().unwrap(),
        "/dev/zero",
        "/dev/null",
        fixture.dir.path().to_str().unwrap(),
    ] {
        let started = Instant::now();
        let result =
            run(fixture
                .bare()
                .args(["-f", path, "access", "check", "bob", "members.view"]));
        assert_eq!(result.code, 2, "{path}: {}", result.stderr);
        assert_eq!(result.stdout, "", "{path}");
        assert!(
            result.stderr.contains("not a regular file"),
            "{path}: {}",
            result.stderr
        );
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{path} blocked"
        );
        // validate cannot read it either: exit 2, not a finding.
        let result = run(fixture.bare().args(["-f", path, "validate"]));
        assert_eq!(result.code, 2, "validate {path}");
    }
}

/// A planted practice.toml above the repository root or the home directory
/// is never found.
#[test]
fn discovery_stops_at_the_repository_root_and_at_home() {
    let top = tempfile::tempdir().unwrap();
    std::fs::write(top.path().join("practice.toml"), RIVERBEND).unwrap();
    let repo = top.path().join("repo");
    std::fs::create_dir_all(repo.join(".git")).unwrap();
    std::fs::create_dir_all(repo.join("sub")).unwrap();
    let result =
        run(praxis_in(&repo.join("sub")).args(["access", "check", "alice", "members.view"]));
    assert_eq!(result.code, 2, "{}", result.stdout);
    assert!(
        result.stderr.contains("no practice.toml found"),
        "{}",
        result.stderr
    );
    // Inside the repository it is found.
    std::fs::write(repo.join("practice.toml"), RIVERBEND).unwrap();
    let result =
        run(praxis_in(&repo.join("sub")).args(["access", "check", "alice", "members.view"]));
    assert_eq!(result.code, 0, "{}", result.stderr);

    let home = top.path().join("home");
    std::fs::create_dir_all(home.join("work")).unwrap();
    let result = run(praxis_in(&home.join("work")).env("HOME", &home).args([
        "access",
        "check",
        "alice",
        "members.view",
    ]));
    assert_eq!(result.code, 2, "{}", result.stdout);
}

/// A discovered file owned by another user is refused with the hint to
/// pass -f; as root the test makes such a file, otherwise it checks that
/// the user's own file is used.
#[test]
fn a_discovered_file_of_another_user_is_refused() {
    let fixture = Fixture::new(RIVERBEND);
    std::fs::create_dir(fixture.dir.path().join(".git")).unwrap();
    if is_root() {
        std::os::unix::fs::chown(&fixture.path, Some(65534), Some(65534)).unwrap();
        let result = run(fixture
            .bare()
            .args(["access", "check", "alice", "members.view"]));
        assert_eq!(result.code, 2, "{}", result.stdout);
        assert_eq!(result.stdout, "");
        assert!(result.stderr.contains("another user"), "{}", result.stderr);
        assert!(result.stderr.contains("-f"), "{}", result.stderr);
        let before = fixture.text();
        let result = run(fixture.bare().args(GRANT));
        assert_eq!(result.code, 2);
        assert_eq!(fixture.text(), before);
        // Named with -f, it is the user's choice.
        let result = fixture.run(&["access", "check", "alice", "members.view"]);
        assert_eq!(result.code, 0, "{}", result.stderr);
    } else {
        let result = run(fixture
            .bare()
            .args(["access", "check", "alice", "members.view"]));
        assert_eq!(result.code, 0, "{}", result.stderr);
    }
}

#[test]
fn a_rewrite_keeps_a_private_mode_and_as_root_the_owner_and_group() {
    let fixture = Fixture::new(RIVERBEND);
    std::fs::set_permissions(&fixture.path, std::fs::Permissions::from_mode(0o640)).unwrap();
    if is_root() {
        std::os::unix::fs::chown(&fixture.path, Some(65534), Some(65533)).unwrap();
    }
    let before = std::fs::metadata(&fixture.path).unwrap();
    let result = fixture.run(GRANT);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let after = std::fs::metadata(&fixture.path).unwrap();
    assert_ne!(before.ino(), after.ino(), "replaced by rename");
    assert_eq!(after.mode() & 0o7777, 0o640);
    assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()));
}

/// While changes run back to back, a watcher lists the directory and tries
/// to read every temporary file it sees: each is 0600 when seen, and a
/// reader running as another user (as root: `nobody`) opens none of them.
#[test]
fn no_other_user_can_open_the_temporary_file() {
    let fixture = Fixture::new(RIVERBEND);
    std::fs::set_permissions(&fixture.path, std::fs::Permissions::from_mode(0o600)).unwrap();
    // A world-writable directory, as /tmp is: the other user can look in.
    std::fs::set_permissions(fixture.dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let stop = fixture.dir.path().join("stop-watching");
    let other_user = is_root().then(|| {
        let script = format!(
            "cd '{}' || exit 3; while [ ! -e stop-watching ]; do for f in .practice.toml.praxis-tmp-*; do \
             [ -e \"$f\" ] || continue; if cat \"$f\" >/dev/null 2>&1; then echo OPENED; else echo DENIED; fi; \
             done; done",
            fixture.dir.path().display()
        );
        std::process::Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--", "sh", "-c", &script])
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("setpriv runs the other user's reader")
    });
    let dir = fixture.dir.path().to_path_buf();
    let watching = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    let watcher = {
        let watching = watching.clone();
        std::thread::spawn(move || {
            let mut seen = Vec::new();
            while watching.load(std::sync::atomic::Ordering::Relaxed) {
                for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                    if entry.file_name().to_string_lossy().contains("praxis-tmp")
                        && let Ok(metadata) = entry.metadata()
                    {
                        seen.push(metadata.mode() & 0o777);
                    }
                }
            }
            seen
        })
    };
    for round in 0..40 {
        let args = if round % 2 == 0 { GRANT } else { REVOKE };
        let result = fixture.run(args);
        assert_eq!(result.code, 0, "{}", result.stderr);
    }
    watching.store(false, std::sync::atomic::Ordering::Relaxed);
    let modes = watcher.join().unwrap();
    assert!(
        modes.iter().all(|m| m & 0o077 == 0),
        "modes seen: {modes:?}"
    );
    std::fs::write(&stop, "").unwrap();
    if let Some(reader) = other_user {
        let output = reader.wait_with_output().unwrap();
        let text = String::from_utf8_lossy(&output.stdout);
        assert_eq!(output.status.code(), Some(0), "the reader ran");
        assert_eq!(
            text.matches("OPENED").count(),
            0,
            "another user opened a temporary file"
        );
        eprintln!(
            "other-user reader: {} attempts on temporary files, all denied; this thread saw {} temporary files, none wider than 0600",
            text.matches("DENIED").count(),
            modes.len()
        );
    }
}

fn lock_path(fixture: &Fixture) -> std::path::PathBuf {
    fixture.dir.path().join("practice.toml.lock")
}

#[test]
fn a_held_lock_is_reported_then_given_up_on() {
    let fixture = Fixture::new(RIVERBEND);
    let holder = std::fs::File::create(lock_path(&fixture)).unwrap();
    holder.lock().unwrap();
    let before = fixture.text();
    let started = Instant::now();
    let result = run(fixture
        .bare()
        .env("PRAXIS_LOCK_TIMEOUT", "2")
        .arg("-f")
        .arg(&fixture.path)
        .args(GRANT));
    let waited = started.elapsed();
    assert_eq!(result.code, 2, "{}", result.stderr);
    assert!(
        result.stderr.contains("waiting for another praxis change"),
        "{}",
        result.stderr
    );
    assert!(result.stderr.contains("gave up"), "{}", result.stderr);
    assert!(waited >= Duration::from_secs(2), "gave up after {waited:?}");
    assert_eq!(fixture.text(), before);
    // Released, the next change goes through.
    holder.unlock().unwrap();
    drop(holder);
    let result = fixture.run(GRANT);
    assert_eq!(result.code, 0, "{}", result.stderr);
}

#[test]
fn the_lock_file_is_never_followed_through_a_symlink() {
    let fixture = Fixture::new(RIVERBEND);
    let elsewhere = fixture.dir.path().join("victim");
    std::os::unix::fs::symlink(&elsewhere, lock_path(&fixture)).unwrap();
    let before = fixture.text();
    let result = fixture.run(GRANT);
    assert_eq!(result.code, 2, "{}", result.stderr);
    assert!(result.stderr.contains("symbolic link"), "{}", result.stderr);
    assert!(!elsewhere.exists(), "the link's target was created");
    assert_eq!(fixture.text(), before);
}

#[test]
fn line_endings_are_kept_line_by_line() {
    // LF everywhere, one CRLF line: it stays the only one.
    let text = RIVERBEND.replacen("[members.bob]\n", "[members.bob]\r\n", 1);
    let fixture = Fixture::new(&text);
    let result = fixture.run(GRANT);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let after = fixture.text();
    assert_eq!(after.matches("\r\n").count(), 1, "{after:?}");
    assert!(after.contains("[members.bob]\r\n"));
    assert!(after.contains("clinicians = [\"gina\"]"));
    // CRLF first line: added lines take CRLF, the rest keep theirs.
    let text = RIVERBEND.replacen('\n', "\r\n", 1);
    let fixture = Fixture::new(&text);
    let result = fixture.run(&[
        "--as", "alice", "member", "add", "zed", "--name", "Zed", "--role", "biller",
    ]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let after = fixture.text();
    assert!(after.contains("[members.zed]\r\n"), "{after:?}");
    assert!(after.contains("[members.alice]\n"), "{after:?}");
}

/// Runs `binary -f file args` as another user (`setpriv` options); it must
/// succeed.
fn run_as(user: &[&str], binary: &Path, file: &Path, args: &[&str]) {
    let output = std::process::Command::new("setpriv")
        .args(user)
        .arg("--")
        .arg(binary)
        .arg("-f")
        .arg(file)
        .args(args)
        .env("PRAXIS_NO_CACHE", "1")
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A rewrite by a member of the file's group (not root, not the owner)
/// keeps that group, instead of handing the file to the writer's own
/// group; run as root, the test acts as such a user with `setpriv`.
#[test]
fn a_rewrite_by_a_group_member_keeps_the_group() {
    let fixture = Fixture::new(RIVERBEND);
    std::fs::set_permissions(&fixture.path, std::fs::Permissions::from_mode(0o660)).unwrap();
    if !is_root() {
        let before = std::fs::metadata(&fixture.path).unwrap();
        assert_eq!(fixture.run(GRANT).code, 0);
        let after = std::fs::metadata(&fixture.path).unwrap();
        assert_eq!((after.gid(), after.mode() & 0o777), (before.gid(), 0o660));
        return;
    }
    // The binary where another user can run it.
    let bin_dir = tempfile::tempdir().unwrap();
    let binary = bin_dir.path().join("praxis");
    std::fs::copy(env!("CARGO_BIN_EXE_praxis"), &binary).unwrap();
    for dir in [bin_dir.path(), fixture.dir.path()] {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o777)).unwrap();
    }
    std::os::unix::fs::chown(&fixture.path, Some(1001), Some(1002)).unwrap();
    // uid 1003, primary group 1003, also in group 1002.
    run_as(
        &["--reuid=1003", "--regid=1003", "--groups=1002"],
        &binary,
        &fixture.path,
        GRANT,
    );
    let after = std::fs::metadata(&fixture.path).unwrap();
    assert_eq!(after.gid(), 1002, "the file's group is kept");
    assert_eq!(after.mode() & 0o777, 0o660);
    // Not in the group: the new file is not given to the writer's group.
    std::os::unix::fs::chown(&fixture.path, Some(1001), Some(1002)).unwrap();
    std::fs::set_permissions(&fixture.path, std::fs::Permissions::from_mode(0o666)).unwrap();
    run_as(
        &["--reuid=1004", "--regid=1004", "--clear-groups"],
        &binary,
        &fixture.path,
        REVOKE,
    );
    let after = std::fs::metadata(&fixture.path).unwrap();
    assert!(
        after.gid() == 1002 || after.mode() & 0o070 == 0,
        "gid {} mode {:o}",
        after.gid(),
        after.mode()
    );
}

/// `praxis ARGS…` in `dir`, isolated from the caller's environment, its
/// output piped, for [`bounded`].
fn praxis_command(dir: &Path, args: &[&str]) -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_praxis"));
    command
        .args(args)
        .current_dir(dir)
        .env_remove("PRAXIS_FILE")
        .env_remove("PRAXIS_ACTOR")
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    command
}

fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(made.success());
}

/// SPEC §9.1: a FIFO, a directory or (as root, who can make one) a device
/// where the lock file belongs is exit 2 at once, naming the path and what
/// to do, never a wait; the practice file is untouched.
#[test]
fn a_fifo_device_or_directory_for_the_lock_file_is_an_error_at_once() {
    let fixture = Fixture::new(RIVERBEND);
    let lock = lock_path(&fixture);
    type Make = Box<dyn Fn(&Path)>;
    let mut kinds: Vec<(&str, Make)> = vec![
        ("FIFO", Box::new(mkfifo)),
        (
            "directory",
            Box::new(|path: &Path| std::fs::create_dir(path).unwrap()),
        ),
    ];
    if is_root() {
        kinds.push((
            "device",
            Box::new(|path: &Path| {
                let made = std::process::Command::new("mknod")
                    .arg(path)
                    .args(["c", "1", "3"])
                    .status()
                    .unwrap();
                assert!(made.success());
            }),
        ));
    }
    let before = fixture.text();
    for (kind, make) in &kinds {
        make(&lock);
        let started = Instant::now();
        let mut command = praxis_command(fixture.dir.path(), &["-f", "practice.toml"]);
        command.args([
            "--as", "alice", "member", "add", "zed", "--name", "Zed", "--role", "biller",
        ]);
        let outcome = bounded(command);
        assert_eq!(outcome.code, 2, "{kind}: {}", outcome.stderr);
        assert!(
            outcome.stderr.contains("practice.toml.lock")
                && outcome.stderr.contains("not a regular file")
                && outcome.stderr.contains("remove it"),
            "{kind}: {}",
            outcome.stderr
        );
        assert!(started.elapsed() < Duration::from_secs(5), "{kind} waited");
        assert_eq!(fixture.text(), before, "{kind}");
        if std::fs::symlink_metadata(&lock).unwrap().is_dir() {
            std::fs::remove_dir(&lock).unwrap();
        } else {
            std::fs::remove_file(&lock).unwrap();
        }
    }
    // Removed, as the message says, the change goes through.
    let result = fixture.run(&[
        "--as", "alice", "member", "add", "zed", "--name", "Zed", "--role", "biller",
    ]);
    assert_eq!(result.code, 0, "{}", result.stderr);
}

/// `practice.test.toml` is read as the practice file is: a FIFO or a
/// directory there is exit 2 without waiting.
#[test]
fn a_special_file_for_the_assertions_is_an_error_at_once() {
    let fixture = Fixture::new(RIVERBEND);
    let tests = fixture.dir.path().join("practice.test.toml");
    mkfifo(&tests);
    let outcome = bounded(praxis_command(
        fixture.dir.path(),
        &["-f", "practice.toml", "test"],
    ));
    assert_eq!(outcome.code, 2, "{}", outcome.stderr);
    assert!(
        outcome.stderr.contains("not a regular file"),
        "{}",
        outcome.stderr
    );
    std::fs::remove_file(&tests).unwrap();
    std::fs::create_dir(&tests).unwrap();
    let outcome = bounded(praxis_command(
        fixture.dir.path(),
        &["-f", "practice.toml", "test"],
    ));
    assert_eq!(outcome.code, 2, "{}", outcome.stderr);
}

/// A cache entry replaced by a FIFO is not waited on and not used: the
/// answer comes from the file.
#[test]
fn a_fifo_for_a_cache_entry_is_skipped() {
    let fixture = Fixture::new(RIVERBEND);
    let cache = tempfile::tempdir().unwrap();
    let ask = || {
        let mut command = praxis_command(
            fixture.dir.path(),
            &[
                "-f",
                "practice.toml",
                "access",
                "check",
                "alice",
                "members.view",
            ],
        );
        command.env("PRAXIS_CACHE_DIR", cache.path().join("praxis"));
        bounded(command)
    };
    assert_eq!(ask().code, 0);
    let entries: Vec<_> = std::fs::read_dir(cache.path().join("praxis"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(entries.len(), 1, "{entries:?}");
    std::fs::remove_file(&entries[0]).unwrap();
    mkfifo(&entries[0]);
    std::fs::set_permissions(&entries[0], std::fs::Permissions::from_mode(0o600)).unwrap();
    let outcome = ask();
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
}

/// SPEC §9.1: running as root with a HOME or XDG_CACHE_HOME of another
/// user's, praxis creates nothing there (the cache is skipped). Not root,
/// the test checks the other side: the user's own HOME gets its cache.
#[test]
fn as_root_no_cache_directory_is_made_in_another_users_home() {
    let fixture = Fixture::new(RIVERBEND);
    let ask = |variable: &str, value: &Path| {
        let mut command = praxis_command(
            fixture.dir.path(),
            &[
                "-f",
                "practice.toml",
                "access",
                "check",
                "alice",
                "members.view",
            ],
        );
        command
            .env_remove("PRAXIS_CACHE_DIR")
            .env_remove("XDG_CACHE_HOME")
            .env_remove("PRAXIS_NO_CACHE")
            .env(variable, value);
        let outcome = bounded(command);
        assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    };
    let home = tempfile::tempdir().unwrap();
    if !is_root() {
        ask("HOME", home.path());
        assert!(home.path().join(".cache/praxis").is_dir());
        return;
    }
    std::os::unix::fs::chown(home.path(), Some(12345), Some(12345)).unwrap();
    ask("HOME", home.path());
    assert!(!home.path().join(".cache").exists(), "a .cache was made");
    let xdg = tempfile::tempdir().unwrap();
    std::os::unix::fs::chown(xdg.path(), Some(12345), Some(12345)).unwrap();
    ask("XDG_CACHE_HOME", xdg.path());
    assert!(
        !xdg.path().join("praxis").exists(),
        "a praxis cache was made"
    );
    // Set explicitly to a place inside that user's directory: the same.
    ask("PRAXIS_CACHE_DIR", &xdg.path().join("mine"));
    assert!(!xdg.path().join("mine").exists());
    // Root's own HOME gets its cache, as anyone's does.
    let own = tempfile::tempdir().unwrap();
    ask("HOME", own.path());
    assert!(own.path().join(".cache/praxis").is_dir());
}
