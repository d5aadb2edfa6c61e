#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot set up should panic"
)]

//! The content-keyed index (issue: a typed load path and a content-keyed
//! index): the same bytes answer the same with and without it, and it never
//! answers for other bytes, from a damaged or foreign entry, or for a file
//! that fails validation.

mod common;

use common::{Fixture, RIVERBEND, edit, run};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

fn entries(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "idx"))
                .collect()
        })
        .unwrap_or_default()
}

struct Cached {
    fixture: Fixture,
    cache: tempfile::TempDir,
}

impl Cached {
    fn new(text: &str) -> Cached {
        Cached {
            fixture: Fixture::new(text),
            cache: tempfile::tempdir().unwrap(),
        }
    }

    fn dir(&self) -> PathBuf {
        self.cache.path().join("praxis")
    }

    fn run(&self, args: &[&str]) -> common::Run {
        let mut command = self.fixture.bare();
        command
            .env("PRAXIS_CACHE_DIR", self.dir())
            .env_remove("PRAXIS_NO_CACHE")
            .arg("-f")
            .arg(&self.fixture.path)
            .args(args);
        run(&mut command)
    }
}

const QUERIES: &[&[&str]] = &[
    &[
        "access",
        "check",
        "gina",
        "clinical.view",
        "--client",
        "C-1004",
        "--explain",
    ],
    &[
        "access",
        "check",
        "dave",
        "clinical.view",
        "--client",
        "C-1003",
    ],
    // Misspelled names: the part of the index a question reads cannot
    // suggest the closest id, so these must come out as the file's do.
    &[
        "access",
        "check",
        "bbo",
        "clinical.view",
        "--client",
        "C-1001",
    ],
    &[
        "access",
        "check",
        "bob",
        "clinical.view",
        "--client",
        "C-1O01",
    ],
    &[
        "access",
        "check",
        "bob",
        "clinical.vew",
        "--client",
        "C-1001",
    ],
    &[
        "access",
        "check",
        "bob",
        "clinical.sign",
        "--client",
        "C-1001",
        "--author",
        "bob",
        "--format",
        "json",
    ],
    &["access", "who", "clinical.view", "--client", "C-1005"],
    &["access", "list", "carol", "--format", "json"],
    &["matrix", "--by", "member"],
    &["review", "--format", "json"],
    &["member", "list"],
    &["client", "show", "C-1004"],
];

#[test]
fn the_index_answers_as_the_file_does() {
    for example in [
        "therapynotes",
        "sessions-health",
        "community-ehr",
        "simplepractice",
    ] {
        let text = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("examples/{example}/practice.toml")),
        )
        .unwrap();
        let cached = Cached::new(&text);
        for date in ["2026-12-01", "2027-08-31", "2027-09-01"] {
            for args in [
                &["--at", date, "review", "--format", "json"][..],
                &["--at", date, "matrix", "--by", "member"][..],
                &["--at", date, "member", "list", "--format", "csv"][..],
            ] {
                let without = cached.run(&[&["--no-cache"], args].concat());
                let first = cached.run(args);
                let second = cached.run(args);
                assert_eq!(first.stdout, without.stdout, "{example} {args:?}");
                assert_eq!(
                    second.stdout, without.stdout,
                    "{example} {args:?} from the index"
                );
                assert_eq!(
                    (first.code, second.code, first.stderr.clone()),
                    (without.code, without.code, without.stderr.clone())
                );
            }
        }
        assert_eq!(entries(&cached.dir()).len(), 1, "one entry for one file");
    }
    let cached = Cached::new(RIVERBEND);
    for args in QUERIES {
        let without = cached.run(&[&["--no-cache"], *args].concat());
        for _ in 0..2 {
            let with = cached.run(args);
            assert_eq!(
                (with.code, &with.stdout, &with.stderr),
                (without.code, &without.stdout, &without.stderr),
                "{args:?}"
            );
        }
    }
}

#[test]
fn other_bytes_are_never_answered_from_an_old_entry() {
    let cached = Cached::new(RIVERBEND);
    let ask = |c: &Cached| {
        c.run(&[
            "access",
            "check",
            "gina",
            "clinical.view",
            "--client",
            "C-1001",
        ])
    };
    assert_eq!(ask(&cached).code, 1);
    assert_eq!(ask(&cached).code, 1);
    // Same size, same mtime, other bytes: gina replaces bob as C-1001's
    // primary ("gina" and "bob " have the same length).
    let metadata = std::fs::metadata(&cached.fixture.path).unwrap();
    let swapped = edit(
        RIVERBEND,
        "C-1001 = { primary = \"bob\" }",
        "C-1001 = { primary =\"gina\" }",
    );
    assert_eq!(swapped.len(), RIVERBEND.len());
    std::fs::write(&cached.fixture.path, &swapped).unwrap();
    let file = std::fs::File::options()
        .write(true)
        .open(&cached.fixture.path)
        .unwrap();
    file.set_modified(metadata.modified().unwrap()).unwrap();
    assert_eq!(ask(&cached).code, 0, "answered from the new bytes");
    // Touched but identical: still answered, from the same entry.
    std::fs::write(&cached.fixture.path, &swapped).unwrap();
    assert_eq!(ask(&cached).code, 0);
    assert_eq!(entries(&cached.dir()).len(), 2);
}

#[test]
fn a_damaged_or_foreign_entry_is_not_used() {
    let cached = Cached::new(RIVERBEND);
    let ask = |c: &Cached| {
        c.run(&[
            "access",
            "check",
            "bob",
            "clinical.view",
            "--client",
            "C-1001",
        ])
    };
    assert_eq!(ask(&cached).code, 0);
    let entry = entries(&cached.dir()).pop().unwrap();
    // Truncated: ignored, rebuilt.
    let bytes = std::fs::read(&entry).unwrap();
    std::fs::write(&entry, &bytes[..bytes.len() / 2]).unwrap();
    assert_eq!(ask(&cached).code, 0);
    assert_eq!(std::fs::read(&entry).unwrap(), bytes, "rebuilt");
    // An entry others could have written (group/world-writable, or in a
    // directory others can enter) is not read.
    std::fs::set_permissions(&entry, std::fs::Permissions::from_mode(0o666)).unwrap();
    assert_eq!(ask(&cached).code, 0);
    std::fs::set_permissions(cached.dir(), std::fs::Permissions::from_mode(0o777)).unwrap();
    assert_eq!(ask(&cached).code, 0);
}

#[test]
fn an_invalid_file_is_never_kept_and_an_unusable_cache_is_no_error() {
    let invalid = edit(
        RIVERBEND,
        "roles = [\"biller\"]",
        "roles = [\"billing-wizard\"]",
    );
    let cached = Cached::new(&invalid);
    for _ in 0..2 {
        let run = cached.run(&["access", "check", "bob", "members.view"]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert_eq!(run.stdout, "");
    }
    assert!(entries(&cached.dir()).is_empty());
    // A cache directory that cannot be made: answered from the file.
    let fixture = Fixture::new(RIVERBEND);
    let mut command = fixture.bare();
    command
        .env("PRAXIS_CACHE_DIR", "/proc/praxis-no-such-place")
        .arg("-f")
        .arg(&fixture.path)
        .args(["access", "check", "bob", "members.view"]);
    assert_eq!(run(&mut command).code, 0);
}
