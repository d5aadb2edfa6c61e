//! SPEC §9.1 "Checks on the handle", under attack: while praxis runs, an
//! attacker thread swaps a file praxis is about to read (the practice
//! file, `practice.test.toml`, the lock file) with one of its own, using
//! `renameat2(RENAME_EXCHANGE)` in a tight loop, as another local user in
//! a shared directory can. Whatever the timing, no answer comes from the
//! swapped-in file and no change is written from it.
//!
//! As root (here and in CI) this is the real attack: the victim runs
//! praxis as uid 1000 through `setpriv`, the planted files belong to uid
//! 12345 (root's own files are trusted by design, so neither side may be
//! root). Not root, the test swaps in a FIFO instead, which it can make:
//! praxis must neither hang on it nor read it. Each loop is bounded in
//! runs and seconds; each run is killed after 10 s, which fails the test.

use super::common::{RIVERBEND, edit};
use super::{Outcome, bounded, is_root};
use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

const VICTIM: u32 = 1000;
const ATTACKER: u32 = 12345;
/// At most this many runs of praxis per attack, and at most this long.
const RUNS: usize = 250;
const SECONDS: u64 = 5;
/// The question whose answer the planted file changes: deny in the
/// victim's file, allow in the attacker's.
const QUESTION: &[&str] = &[
    "access",
    "check",
    "gina",
    "clinical.view",
    "--client",
    "C-1001",
];
const GRANT: &[&str] = &["--as", "alice", "client", "grant", "C-1001", "gina"];
const REVOKE: &[&str] = &["--as", "alice", "client", "revoke", "C-1001", "gina"];
/// In every planted file: a victim's file holding it was written from one.
const MARK: &str = "planted by mallory";

/// The attacker's practice: gina on C-1001's chart, so the question is
/// allowed.
fn planted_practice() -> String {
    let text = edit(
        RIVERBEND,
        "C-1001 = { primary = \"bob\" }",
        "C-1001 = { primary = \"bob\", clinicians = [\"gina\"] }",
    );
    format!("# {MARK}\n{text}")
}

/// A shared directory (writable by anyone, as a group's or /tmp is) where
/// the victim keeps the practice, and the binary where the victim can run
/// it.
struct Scene {
    dir: tempfile::TempDir,
    _bin: tempfile::TempDir,
    binary: PathBuf,
}

impl Scene {
    fn new() -> Scene {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(".git")).unwrap();
        let bin = tempfile::tempdir().unwrap();
        let binary = bin.path().join("praxis");
        std::fs::copy(env!("CARGO_BIN_EXE_praxis"), &binary).unwrap();
        for path in [dir.path(), bin.path()] {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o777)).unwrap();
        }
        Scene {
            dir,
            _bin: bin,
            binary,
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// A file of the victim's (as root: uid 1000's).
    fn victims(&self, name: &str, text: &str) {
        let path = self.path(name);
        std::fs::write(&path, text).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        if is_root() {
            std::os::unix::fs::chown(&path, Some(VICTIM), Some(VICTIM)).unwrap();
        }
    }

    /// praxis run by the victim in the shared directory (so the practice
    /// file is discovered), killed after 10 s.
    fn praxis(&self, args: &[&str]) -> Outcome {
        let mut command = if is_root() {
            let mut command = Command::new("setpriv");
            command
                .arg(format!("--reuid={VICTIM}"))
                .arg(format!("--regid={VICTIM}"))
                .args(["--clear-groups", "--"])
                .arg(&self.binary);
            command
        } else {
            Command::new(&self.binary)
        };
        command
            .args(args)
            .current_dir(self.dir.path())
            .env_remove("PRAXIS_FILE")
            .env_remove("PRAXIS_ACTOR")
            .env("HOME", self.dir.path())
            .env("PRAXIS_NO_CACHE", "1")
            .env("PRAXIS_LOCK_TIMEOUT", "2")
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        bounded(command)
    }

    /// Every regular file of the victim's in the directory holds no
    /// planted text: no change was written from the attacker's file. The
    /// attacker is still swapping: each file is judged on the handle read
    /// (the mistake this test exists to catch), and a FIFO is not waited on.
    fn victims_files_are_clean(&self) {
        use std::io::Read;
        use std::os::unix::fs::OpenOptionsExt;
        for entry in std::fs::read_dir(self.dir.path()).unwrap().flatten() {
            let Ok(mut file) = std::fs::OpenOptions::new()
                .read(true)
                .custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW)
                .open(entry.path())
            else {
                continue;
            };
            let metadata = file.metadata().unwrap();
            if metadata.is_file() && metadata.uid() != ATTACKER {
                let mut text = String::new();
                let _ = file.read_to_string(&mut text);
                assert!(
                    !text.contains(MARK),
                    "{} (uid {}) was written from the planted file",
                    entry.path().display(),
                    metadata.uid()
                );
            }
        }
    }
}

/// Swaps two names in one step, as `renameat2(RENAME_EXCHANGE)` does;
/// false when one of them is missing.
fn exchange(a: &Path, b: &Path) -> bool {
    let a = CString::new(a.as_os_str().as_bytes()).unwrap();
    let b = CString::new(b.as_os_str().as_bytes()).unwrap();
    // SAFETY: both paths are NUL-terminated strings that outlive the call.
    let done = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    done == 0
}

/// The attacker's thread: puts its file at `planted` whenever it is not
/// there (praxis's rename may have taken it away), then swaps `planted`
/// with `target`, over and over until told to stop. Counts the swaps.
/// With `placing`, a target that is absent (a lock file between changes)
/// gets the planted file for a moment, then it is taken back, so a change
/// starting then meets it where its lock file belongs.
struct Attacker {
    stop: Arc<AtomicBool>,
    swaps: Arc<AtomicU64>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Attacker {
    fn start(target: PathBuf, planted: PathBuf, plant: fn(&Path), placing: bool) -> Attacker {
        let stop = Arc::new(AtomicBool::new(false));
        let swaps = Arc::new(AtomicU64::new(0));
        let thread = {
            let (stop, swaps) = (stop.clone(), swaps.clone());
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    if !attackers(&planted) && !attackers(&target) {
                        plant(&planted);
                    }
                    if exchange(&target, &planted) {
                        swaps.fetch_add(1, Ordering::Relaxed);
                    } else if placing && std::fs::rename(&planted, &target).is_ok() {
                        swaps.fetch_add(1, Ordering::Relaxed);
                        std::thread::sleep(Duration::from_micros(300));
                        if attackers(&target) {
                            let _ = std::fs::rename(&target, &planted);
                        }
                    }
                }
            })
        };
        Attacker {
            stop,
            swaps,
            thread: Some(thread),
        }
    }

    fn stop(mut self) -> u64 {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            thread.join().unwrap();
        }
        self.swaps.load(Ordering::Relaxed)
    }
}

impl Drop for Attacker {
    /// A failed assertion unwinds past `stop`: the thread ends too.
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Whether the attacker's file is at `path`: another user's, or a FIFO.
fn attackers(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| !m.is_file() || m.uid() == ATTACKER)
}

/// Makes `path` the attacker's: as root a regular file of uid 12345 with
/// `text`; otherwise a FIFO (what a user without root can plant).
fn plant_file(path: &Path, text: &str) {
    let temp = path.with_extension("planting");
    let _ = std::fs::remove_file(&temp);
    if is_root() {
        std::fs::write(&temp, text).unwrap();
        std::fs::set_permissions(&temp, std::fs::Permissions::from_mode(0o644)).unwrap();
        std::os::unix::fs::chown(&temp, Some(ATTACKER), Some(ATTACKER)).unwrap();
    } else {
        let name = CString::new(temp.as_os_str().as_bytes()).unwrap();
        // SAFETY: a NUL-terminated path that outlives the call.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o666) }, 0);
    }
    std::fs::rename(&temp, path).unwrap();
}

fn plant_practice(path: &Path) {
    plant_file(path, &planted_practice());
}

fn plant_expectations(path: &Path) {
    plant_file(path, &expectations("allow"));
}

/// A practice.test.toml asking the question; the victim's expects deny
/// (and passes), the attacker's allow (and would fail).
fn expectations(decision: &str) -> String {
    format!(
        "[[expect]]\nmember = \"gina\"\ncapability = \"clinical.view\"\nclient = \"C-1001\"\n\
         decision = \"{decision}\"\n"
    )
}

/// Tallies the runs of one attack: exit code → count.
#[derive(Default, Debug)]
struct Tally {
    runs: usize,
    by_code: std::collections::BTreeMap<i32, usize>,
}

impl Tally {
    fn add(&mut self, outcome: &Outcome) {
        self.runs += 1;
        *self.by_code.entry(outcome.code).or_default() += 1;
    }

    fn count(&self, code: i32) -> usize {
        self.by_code.get(&code).copied().unwrap_or(0)
    }
}

/// Runs `one` until [`RUNS`] runs or [`SECONDS`] have passed.
fn attack(mut one: impl FnMut(usize) -> Outcome) -> Tally {
    let mut tally = Tally::default();
    let started = Instant::now();
    while tally.runs < RUNS && started.elapsed() < Duration::from_secs(SECONDS) {
        let outcome = one(tally.runs);
        tally.add(&outcome);
    }
    tally
}

/// The refusal a swapped-in file gets: another user's (as root) or not a
/// regular file (otherwise), or replaced while being opened.
fn refused_for_the_swap(outcome: &Outcome) -> bool {
    outcome.code == 2
        && (outcome.stderr.contains("another user")
            || outcome.stderr.contains("not a regular file")
            || outcome.stderr.contains("replaced while praxis opened it")
            || outcome.stderr.contains("no practice.toml found")
            || outcome.stderr.contains("changed by another program"))
}

#[test]
fn a_practice_file_swapped_in_never_answers() {
    let scene = Scene::new();
    scene.victims("practice.toml", RIVERBEND);
    assert_eq!(scene.praxis(QUESTION).code, 1, "the victim's file denies");
    let attacker = Attacker::start(
        scene.path("practice.toml"),
        scene.path("planted.toml"),
        plant_practice,
        false,
    );
    let tally = attack(|_| {
        let outcome = scene.praxis(QUESTION);
        assert!(
            outcome.code == 1 || refused_for_the_swap(&outcome),
            "exit {}: {}",
            outcome.code,
            outcome.stderr
        );
        outcome
    });
    let swaps = attacker.stop();
    eprintln!(
        "practice file swapped: {} runs, {swaps} swaps, {} deny (the victim's file), {} refused, {} allow",
        tally.runs,
        tally.count(1),
        tally.count(2),
        tally.count(0)
    );
    assert_eq!(tally.count(0), 0, "an answer came from the planted file");
    assert!(
        swaps > 0 && tally.count(1) > 0 && tally.count(2) > 0,
        "{tally:?}"
    );
}

#[test]
fn no_change_is_written_from_a_practice_file_swapped_in() {
    let scene = Scene::new();
    scene.victims("practice.toml", RIVERBEND);
    let attacker = Attacker::start(
        scene.path("practice.toml"),
        scene.path("planted.toml"),
        plant_practice,
        false,
    );
    let tally = attack(|run| {
        let outcome = scene.praxis(if run % 2 == 0 { GRANT } else { REVOKE });
        assert!(
            outcome.code == 0 || refused_for_the_swap(&outcome),
            "exit {}: {}",
            outcome.code,
            outcome.stderr
        );
        scene.victims_files_are_clean();
        outcome
    });
    let swaps = attacker.stop();
    scene.victims_files_are_clean();
    eprintln!(
        "practice file swapped during changes: {} runs, {swaps} swaps, {} written, {} refused, 0 written from the planted file",
        tally.runs,
        tally.count(0),
        tally.count(2)
    );
    assert!(
        swaps > 0 && tally.count(0) > 0 && tally.count(2) > 0,
        "{tally:?}"
    );
}

#[test]
fn an_assertions_file_swapped_in_is_never_run() {
    let scene = Scene::new();
    scene.victims("practice.toml", RIVERBEND);
    scene.victims("practice.test.toml", &expectations("deny"));
    assert_eq!(scene.praxis(&["test"]).code, 0, "the victim's tests pass");
    let attacker = Attacker::start(
        scene.path("practice.test.toml"),
        scene.path("planted.test.toml"),
        plant_expectations,
        false,
    );
    let tally = attack(|_| {
        let outcome = scene.praxis(&["test"]);
        assert!(
            outcome.code == 0 || refused_for_the_swap(&outcome),
            "exit {}: {}",
            outcome.code,
            outcome.stderr
        );
        outcome
    });
    let swaps = attacker.stop();
    eprintln!(
        "practice.test.toml swapped: {} runs, {swaps} swaps, {} passed (the victim's), {} refused, {} failed (the planted file)",
        tally.runs,
        tally.count(0),
        tally.count(2),
        tally.count(1)
    );
    assert_eq!(tally.count(1), 0, "the planted assertions ran");
    assert!(
        swaps > 0 && tally.count(0) > 0 && tally.count(2) > 0,
        "{tally:?}"
    );
}

/// The lock file swapped for the attacker's (a FIFO, or as root also
/// another user's regular file): no run waits on it past its timeout, and
/// the practice file stays the victim's, valid and clean.
#[test]
fn a_lock_file_swapped_in_neither_hangs_nor_lets_a_change_through_wrongly() {
    let scene = Scene::new();
    scene.victims("practice.toml", RIVERBEND);
    let attacker = Attacker::start(
        scene.path("practice.toml.lock"),
        scene.path("planted.lock"),
        plant_lock,
        true,
    );
    let tally = attack(|run| {
        let outcome = scene.praxis(if run % 2 == 0 { GRANT } else { REVOKE });
        assert!(
            outcome.code == 0 || outcome.code == 2,
            "exit {}: {}",
            outcome.code,
            outcome.stderr
        );
        outcome
    });
    let swaps = attacker.stop();
    let practice = std::fs::symlink_metadata(scene.path("practice.toml")).unwrap();
    assert!(practice.is_file());
    if is_root() {
        assert_eq!(practice.uid(), VICTIM);
    }
    let valid = scene.praxis(&["validate"]);
    assert_eq!(valid.code, 0, "{}", valid.stderr);
    scene.victims_files_are_clean();
    eprintln!(
        "lock file swapped: {} runs, {swaps} swaps or plants, {} written, {} refused, none waited",
        tally.runs,
        tally.count(0),
        tally.count(2)
    );
    assert!(tally.count(2) > 0, "{tally:?}");
}

/// A FIFO every other time, and as root otherwise another user's file;
/// both writable by anyone, so the victim's open for locking gets through
/// to them (a FIFO opened for writing waits for a reader, unless the open
/// does not block).
fn plant_lock(path: &Path) {
    static TURN: AtomicU64 = AtomicU64::new(0);
    if is_root() && TURN.fetch_add(1, Ordering::Relaxed).is_multiple_of(2) {
        plant_file(path, "");
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o666)).unwrap();
        return;
    }
    let temp = path.with_extension("planting");
    let _ = std::fs::remove_file(&temp);
    let name = CString::new(temp.as_os_str().as_bytes()).unwrap();
    // SAFETY: a NUL-terminated path that outlives the call.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o666) }, 0);
    std::fs::set_permissions(&temp, std::fs::Permissions::from_mode(0o666)).unwrap();
    if is_root() {
        std::os::unix::fs::chown(&temp, Some(ATTACKER), Some(ATTACKER)).unwrap();
    }
    std::fs::rename(&temp, path).unwrap();
}
