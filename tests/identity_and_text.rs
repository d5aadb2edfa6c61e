#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot set up should panic"
)]

//! SPEC §8 (revision 3) through the binary: ids unique regardless of letter
//! case also for roles and custom capabilities, free text without control
//! or bidirectional characters (in the file and in arguments), GitHub
//! logins on members and `--as @LOGIN`.

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

const PRACTICE: &str = include_str!("fixtures/riverbend.toml");

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

    fn empty() -> Fixture {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("practice.toml");
        Fixture { dir, path }
    }

    fn text(&self) -> String {
        std::fs::read_to_string(&self.path).expect("read practice.toml")
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).expect("write");
        path
    }

    fn run(&self, args: &[&str]) -> Run {
        let mut command = Command::cargo_bin("praxis").expect("the praxis binary");
        command
            .current_dir(self.dir.path())
            .env_remove("PRAXIS_FILE")
            .env_remove("PRAXIS_ACTOR")
            .env("NO_COLOR", "1")
            .arg("-f")
            .arg(&self.path)
            .args(args);
        let output = command.output().expect("run praxis");
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    fn dir(&self) -> &Path {
        self.dir.path()
    }
}

/// The fixture with `old` replaced by `new` (exactly once).
fn edited(old: &str, new: &str) -> String {
    assert_eq!(PRACTICE.matches(old).count(), 1, "{old:?}");
    PRACTICE.replacen(old, new, 1)
}

/// The fixture with extra sections before `[clients]`.
fn with_sections(sections: &str) -> String {
    edited("[clients]\n", &format!("{sections}\n[clients]\n"))
}

#[track_caller]
fn assert_finding(run: &Run, code: &str) {
    assert_eq!(
        run.code, 1,
        "stdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
    assert!(
        run.stdout.contains(&format!("error[{code}]")),
        "expected {code}:\n{}",
        run.stdout
    );
}

// ---------------------------------------------------------------------------
// Case-insensitive role ids and capability names.

#[test]
fn validate_refuses_a_custom_role_differing_from_a_builtin_only_in_case() {
    let fixture = Fixture::new(&with_sections(
        "[roles.Clinician]\ngrants = [{ can = [\"client.view\"], on = \"all\" }]\n",
    ));
    let run = fixture.run(&["validate"]);
    assert_finding(&run, "P008");
    assert!(run.stdout.contains("[roles.clinician]"), "{}", run.stdout);
    // Replacing the built-in role under its exact id is fine.
    let fixture = Fixture::new(&with_sections(
        "[roles.clinician]\ngrants = [{ can = [\"clinical.write\", \"clinical.view\", \"clinical.cosign\"], on = \"assigned\" }]\n",
    ));
    let run = fixture.run(&["validate"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn validate_refuses_capabilities_and_roles_differing_only_in_case() {
    let builtin = Fixture::new(&with_sections(
        "[capabilities]\n\"Clinical.View\" = { scope = \"client\", description = \"x\" }\n",
    ));
    assert_finding(&builtin.run(&["validate"]), "P036");
    let twice = Fixture::new(&with_sections(
        "[capabilities]\n\"rx.prescribe\" = { scope = \"client\" }\n\"Rx.Prescribe\" = { scope = \"client\" }\n",
    ));
    assert_finding(&twice.run(&["validate"]), "P008");
    let roles = Fixture::new(&with_sections(
        "[roles.clerk]\ngrants = [{ can = [\"client.view\"], on = \"all\" }]\n\
         [roles.CLERK]\ngrants = [{ can = [\"client.view\"], on = \"all\" }]\n",
    ));
    assert_finding(&roles.run(&["validate"]), "P008");
    // Queries on such a file are errors, never decisions.
    let run = roles.run(&[
        "access",
        "check",
        "bob",
        "client.view",
        "--client",
        "C-1001",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
}
