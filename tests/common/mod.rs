//! Helpers shared by the CLI tests: a practice file in its own temporary
//! directory, and `praxis` run against it with the caller's environment
//! kept out (`PRAXIS_FILE`, `PRAXIS_ACTOR`, colour).

#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "each test file uses a part of these; a test that cannot set up should panic"
)]

pub mod rng;

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// The hand-written practice most CLI tests start from (no findings).
pub const RIVERBEND: &str = include_str!("../fixtures/riverbend.toml");

/// A practice file in its own directory.
pub struct Fixture {
    pub dir: TempDir,
    pub path: PathBuf,
}

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Fixture {
    pub fn new(text: &str) -> Fixture {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("practice.toml");
        std::fs::write(&path, text).expect("write practice.toml");
        Fixture { dir, path }
    }

    /// A directory where `practice.toml` does not exist yet (for `init`).
    pub fn empty() -> Fixture {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("practice.toml");
        Fixture { dir, path }
    }

    pub fn text(&self) -> String {
        std::fs::read_to_string(&self.path).expect("read practice.toml")
    }

    /// A second file beside the practice (for `diff OLD NEW`).
    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).expect("write file");
        path
    }

    /// `praxis` in the fixture's directory, isolated from the caller's
    /// environment; `-f` is not added.
    pub fn bare(&self) -> Command {
        praxis_in(self.dir.path())
    }

    /// `praxis -f PATH ARGS…`.
    pub fn run(&self, args: &[&str]) -> Run {
        let mut command = self.bare();
        command.arg("-f").arg(&self.path).args(args);
        run(&mut command)
    }
}

/// The checkout: where the examples, fixtures and committed files are.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `praxis` run in the checkout, isolated from the caller's environment.
pub fn praxis() -> Command {
    praxis_in(&root())
}

/// `praxis` run in `dir` with no practice file or actor from the caller.
pub fn praxis_in(dir: &Path) -> Command {
    let mut command = Command::cargo_bin("praxis").expect("the praxis binary");
    command
        .current_dir(dir)
        .env_remove("PRAXIS_FILE")
        .env_remove("PRAXIS_ACTOR")
        .env("NO_COLOR", "1")
        .env("COLUMNS", "80")
        .timeout(std::time::Duration::from_secs(60));
    command
}

pub fn run(command: &mut Command) -> Run {
    let output = command.output().expect("run praxis");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// `text` with `from` replaced by `to`, which must be there exactly once.
pub fn edit(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "`{from}` once in the text");
    text.replacen(from, to, 1)
}

/// Runs `git ARGS…` in `dir` as Nora Whitfield, with the author's and
/// committer's dates both set to `day` (`YYYY-MM-DD`), so a test's history
/// has known days; identities go through the environment, never a config.
pub fn git_on(dir: &Path, day: &str, args: &[&str]) {
    let when = format!("{day}T10:00:00+0000");
    let output = std::process::Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "Nora Whitfield")
        .env("GIT_AUTHOR_EMAIL", "nora@example.org")
        .env("GIT_COMMITTER_NAME", "Nora Whitfield")
        .env("GIT_COMMITTER_EMAIL", "nora@example.org")
        .env("GIT_AUTHOR_DATE", &when)
        .env("GIT_COMMITTER_DATE", &when)
        .output()
        .expect("run git");
    assert!(output.status.success(), "git {args:?}: {output:?}");
}
