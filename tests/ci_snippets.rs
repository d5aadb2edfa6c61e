//! The CI snippets shipped with praxis run: `ci/github-workflow.yml`'s
//! praxis steps and `.pre-commit-hooks.yaml`'s entries are read from the
//! files (so the test fails when their commands stop working) and run with
//! bash, as GitHub Actions and pre-commit would, on a pull request made in a
//! real git repository holding the TherapyNotes example: a `base` branch
//! cloned as `origin`, and a feature branch changed with the binary.

// Test helpers panic on purpose: a panic is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tempfile::TempDir;

const WORKFLOW: &str = "ci/github-workflow.yml";
const HOOKS: &str = ".pre-commit-hooks.yaml";
const EXAMPLE: &str = "examples/therapynotes";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Strips YAML quoting from a scalar written on one line.
fn scalar(value: &str) -> String {
    let value = value.trim();
    for quote in ['"', '\''] {
        if value.len() >= 2 && value.starts_with(quote) && value.ends_with(quote) {
            return value[1..value.len() - 1].to_string();
        }
    }
    value.to_string()
}

/// The values of `key:` on the lines of a YAML file that hold a praxis
/// command (`key: praxis …`), in order.
fn praxis_commands(file: &str, key: &str) -> Vec<String> {
    let text = std::fs::read_to_string(root().join(file)).unwrap();
    text.lines()
        .filter(|line| line.contains("praxis "))
        .filter_map(|line| {
            let line = line.trim_start().trim_start_matches("- ").trim_start();
            line.strip_prefix(&format!("{key}:")).map(scalar)
        })
        .filter(|command| command.starts_with("praxis "))
        .collect()
}

/// Replaces every `${{ expression }}` with its test value; an expression the
/// test does not know fails the test, so new ones get a value here.
fn substitute(command: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::new();
    let mut rest = command;
    while let Some(start) = rest.find("${{") {
        out.push_str(&rest[..start]);
        let end = rest[start..]
            .find("}}")
            .unwrap_or_else(|| panic!("unclosed expression in {command}"));
        let expression = rest[start + 3..start + end].trim();
        let value = values
            .iter()
            .find(|(name, _)| *name == expression)
            .unwrap_or_else(|| panic!("no test value for `{expression}` in {command}"))
            .1;
        out.push_str(value);
        rest = &rest[start + end + 2..];
    }
    out.push_str(rest);
    out
}

fn git(dir: &Path, args: &[&str]) -> String {
    let output = Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=Praxis Test",
            "-c",
            "user.email=test@praxis.invalid",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=base",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn binary() -> PathBuf {
    assert_cmd::cargo::cargo_bin("praxis")
}

/// Runs a command line with bash the way GitHub Actions runs a `run:` step
/// (`bash --noprofile --norc -eo pipefail`), with the built praxis first on
/// PATH.
fn shell(dir: &Path, line: &str) -> Output {
    let bin = binary();
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    Command::new("bash")
        .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", line])
        .current_dir(dir)
        .env("PATH", path)
        .env_remove("PRAXIS_FILE")
        .env_remove("PRAXIS_ACTOR")
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn praxis(dir: &Path, args: &[&str]) -> Output {
    Command::new(binary())
        .current_dir(dir)
        .env_remove("PRAXIS_FILE")
        .env_remove("PRAXIS_ACTOR")
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap()
}

fn code(output: &Output) -> i32 {
    output.status.code().unwrap()
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// A pull request: `upstream` holds the example on branch `base`; `work` is
/// its clone (so `origin/base` exists, as after `actions/checkout` with
/// `fetch-depth: 0`) on branch `feature`, where nora gives dev clinical
/// access to C-1001 with the binary and commits it.
struct PullRequest {
    _tmp: TempDir,
    work: PathBuf,
}

impl PullRequest {
    fn new() -> PullRequest {
        let tmp = TempDir::new().unwrap();
        let upstream = tmp.path().join("upstream");
        std::fs::create_dir(&upstream).unwrap();
        git(&upstream, &["init", "-q"]);
        for file in ["practice.toml", "practice.test.toml"] {
            std::fs::copy(root().join(EXAMPLE).join(file), upstream.join(file)).unwrap();
        }
        git(&upstream, &["add", "-A"]);
        git(&upstream, &["commit", "-q", "-m", "the practice"]);
        assert_eq!(git(&upstream, &["branch", "--show-current"]).trim(), "base");
        git(tmp.path(), &["clone", "-q", "upstream", "work"]);
        let work = tmp.path().join("work");
        git(&work, &["checkout", "-q", "-b", "feature"]);
        let pr = PullRequest { _tmp: tmp, work };
        let output = praxis(
            &pr.work,
            &["--as", "nora", "client", "grant", "C-1001", "dev"],
        );
        assert_eq!(code(&output), 0, "{}", text(&output));
        pr.commit("dev joins C-1001");
        pr
    }

    fn commit(&self, message: &str) {
        git(&self.work, &["commit", "-q", "-am", message]);
    }

    fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.work.join(name)).unwrap()
    }

    /// Runs one workflow command with the pull request's author.
    fn step(&self, command: &str, author: &str) -> Output {
        let line = substitute(
            command,
            &[
                ("github.base_ref", "base"),
                ("github.event.pull_request.user.login", author),
                ("github.actor", author),
            ],
        );
        shell(&self.work, &line)
    }
}

/// The workflow's praxis steps, by what they do.
struct Steps {
    validate: String,
    test: String,
    markdown: String,
    author: String,
}

fn steps() -> Steps {
    let commands = praxis_commands(WORKFLOW, "run");
    let find = |what: &str, pred: &dyn Fn(&str) -> bool| -> String {
        let found: Vec<&String> = commands.iter().filter(|c| pred(c)).collect();
        assert_eq!(
            found.len(),
            1,
            "one {what} step in {WORKFLOW}: {commands:?}"
        );
        found[0].clone()
    };
    let steps = Steps {
        validate: find("validate", &|c| c.starts_with("praxis validate")),
        test: find("test", &|c| c.starts_with("praxis test")),
        markdown: find("diff --format markdown", &|c| {
            c.starts_with("praxis diff") && c.contains("--format markdown")
        }),
        author: find("diff --as", &|c| {
            c.starts_with("praxis diff") && c.contains("--as")
        }),
    };
    assert_eq!(commands.len(), 4, "{commands:?}");
    steps
}

/// The file a `> FILE` redirection at the end of a command writes.
fn redirected(command: &str) -> String {
    let (_, file) = command
        .rsplit_once('>')
        .unwrap_or_else(|| panic!("`{command}` writes no file"));
    scalar(file)
}

#[test]
fn the_workflow_has_the_documented_praxis_steps() {
    let steps = steps();
    assert!(
        steps.validate.contains("--format github"),
        "{}",
        steps.validate
    );
    assert!(steps.test.contains("--format junit"), "{}", steps.test);
    assert!(steps.markdown.contains("--base"), "{}", steps.markdown);
    assert!(steps.author.contains("--base"), "{}", steps.author);
    // The README shows the same four steps.
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    for fragment in [
        "praxis validate --format github",
        "praxis test --format junit",
        "--format markdown",
        "--as \"@${{",
    ] {
        assert!(readme.contains(fragment), "README lacks `{fragment}`");
    }
    // The junit report the upload step names is the one the test step writes.
    let workflow = std::fs::read_to_string(root().join(WORKFLOW)).unwrap();
    assert!(workflow.contains(&format!("path: {}", redirected(&steps.test))));
    // The comment step posts the file the diff step writes.
    assert!(workflow.contains(&format!("--body-file {}", redirected(&steps.markdown))));
    // The checkout fetches the base branch for `diff --base origin/…`.
    assert!(workflow.contains("fetch-depth: 0"));
}

#[test]
fn the_workflow_passes_a_pull_request_its_author_may_make() {
    let pr = PullRequest::new();
    let steps = steps();

    let output = pr.step(&steps.validate, "nora");
    assert_eq!(code(&output), 0, "{}", text(&output));
    assert!(!text(&output).contains("::error"), "{}", text(&output));

    let output = pr.step(&steps.test, "nora");
    assert_eq!(code(&output), 0, "{}", text(&output));
    let report = pr.read(&redirected(&steps.test));
    let expects = pr
        .read("practice.test.toml")
        .lines()
        .filter(|l| l.trim() == "[[expect]]")
        .count();
    assert!(expects > 0);
    assert!(report.starts_with("<?xml"), "{report}");
    assert!(
        report.contains(&format!(
            "<testsuites name=\"praxis\" tests=\"{expects}\" failures=\"0\""
        )),
        "{report}"
    );
    assert_eq!(report.matches("<testcase ").count(), expects);
    assert!(!report.contains("<failure"), "{report}");

    let output = pr.step(&steps.markdown, "nora");
    assert_eq!(code(&output), 0, "{}", text(&output));
    let comment = pr.read(&redirected(&steps.markdown));
    let first = comment.lines().next().unwrap();
    assert!(first.starts_with("### "), "{comment}");
    assert!(first.contains("gain clinical access"), "{comment}");
    assert!(comment.contains("origin/base"), "{comment}");
    assert!(comment.contains("`dev`"), "{comment}");
    assert!(comment.contains("<details>"), "{comment}");
    assert!(
        // A gain is said in words: a `+` could open a nested list.
        comment.lines().any(|l| l.starts_with("- ➕ gains ")
            && l.contains("clinical.view")
            && l.ends_with(" on C-1001")),
        "{comment}"
    );

    // nora, the owner, may make the change; so may bob, C-1001's primary.
    // Each is named by their GitHub login, which differs from their id.
    for (member, login) in [("nora", "nora-whitfield"), ("bob", "rlindqvist")] {
        let output = pr.step(&steps.author, login);
        assert_eq!(code(&output), 0, "{login}: {}", text(&output));
        assert!(
            text(&output).contains(&format!("every change is {member} (@{login})'s to make")),
            "{}",
            text(&output)
        );
    }
}

#[test]
fn the_workflow_stops_an_author_who_may_not_make_the_change() {
    let pr = PullRequest::new();
    let steps = steps();
    // ben (GitHub login `bcastillo`), a biller, may not grant clinical access.
    let output = pr.step(&steps.author, "bcastillo");
    assert_eq!(code(&output), 1, "{}", text(&output));
    assert!(
        text(&output).contains("change who has clinical access to C-1001"),
        "{}",
        text(&output)
    );
    // A GitHub login that is no member: the step fails, it does not pass.
    let output = pr.step(&steps.author, "octocat");
    assert_eq!(code(&output), 2, "{}", text(&output));
}

/// `--as "${{ … }}"` with an expression that expands to nothing (a login
/// missing from the event) must fail the step, not skip the check: SPEC §5
/// "no or unknown actor" is exit 2, and "Nothing fails open".
#[test]
fn an_author_login_that_expands_to_nothing_does_not_pass() {
    let pr = PullRequest::new();
    let output = pr.step(&steps().author, "");
    assert_ne!(
        code(&output),
        0,
        "the author step passed with no author: {}",
        text(&output)
    );
}

#[test]
fn the_workflow_fails_a_pull_request_that_breaks_the_practice() {
    let pr = PullRequest::new();
    let steps = steps();
    // A failing access assertion: bob becomes a clinical administrator, and
    // the example says only priya may delete a signed note.
    let output = praxis(
        &pr.work,
        &["--as", "nora", "role", "grant", "bob", "clinical-admin"],
    );
    assert_eq!(code(&output), 0, "{}", text(&output));
    pr.commit("bob administers");
    let output = pr.step(&steps.validate, "nora");
    assert_eq!(code(&output), 0, "{}", text(&output));
    let output = pr.step(&steps.test, "nora");
    assert_eq!(code(&output), 1, "{}", text(&output));
    let report = pr.read(&redirected(&steps.test));
    let failures = report.matches("<failure ").count();
    assert!(failures >= 1, "{report}");
    assert!(
        report.contains(&format!("failures=\"{failures}\"")),
        "{report}"
    );
    assert!(report.contains("bob clinical.delete-signed"), "{report}");

    // A file that fails validation: annotations and exit 1; the other steps
    // cannot run (exit 2).
    let broken = pr.read("practice.toml").replace(
        "C-1001 = { primary = \"bob\"",
        "C-1001 = { primry = \"bob\"",
    );
    std::fs::write(pr.work.join("practice.toml"), &broken).unwrap();
    pr.commit("typo");
    let line = broken
        .lines()
        .position(|l| l.starts_with("C-1001 ="))
        .unwrap()
        + 1;
    let output = pr.step(&steps.validate, "nora");
    assert_eq!(code(&output), 1, "{}", text(&output));
    let annotations = String::from_utf8(output.stdout.clone()).unwrap();
    let error = annotations
        .lines()
        .find(|l| l.starts_with("::error "))
        .unwrap_or_else(|| panic!("no annotation: {annotations}"));
    assert!(error.contains(&format!(",line={line},")), "{error}");
    let file = error
        .split("file=")
        .nth(1)
        .unwrap()
        .split(',')
        .next()
        .unwrap();
    assert!(
        file == "practice.toml" || Path::new(file) == pr.work.join("practice.toml"),
        "an annotation GitHub can place: {error}"
    );
    for step in [&steps.test, &steps.markdown, &steps.author] {
        let output = pr.step(step, "nora");
        assert_eq!(code(&output), 2, "{step}: {}", text(&output));
    }
}

#[test]
fn the_pre_commit_hooks_run_and_fail_like_ci() {
    let entries = praxis_commands(HOOKS, "entry");
    assert_eq!(entries.len(), 2, "{entries:?}");
    assert!(entries.contains(&"praxis validate --strict".to_string()));
    assert!(entries.contains(&"praxis test".to_string()));
    let hooks = std::fs::read_to_string(root().join(HOOKS)).unwrap();
    assert_eq!(hooks.matches("pass_filenames: false").count(), 2);

    let pr = PullRequest::new();
    for entry in &entries {
        let output = shell(&pr.work, entry);
        assert_eq!(code(&output), 0, "{entry}: {}", text(&output));
    }

    // A warning passes CI's validate but not the strict hook.
    let output = praxis(
        &pr.work,
        &["--as", "nora", "member", "add", "zoe", "--name", "Zoe Lee"],
    );
    assert_eq!(code(&output), 0, "{}", text(&output));
    let validate = entries.iter().find(|e| e.contains("validate")).unwrap();
    let output = shell(&pr.work, validate);
    assert_eq!(code(&output), 1, "{}", text(&output));
    assert!(text(&output).contains("zoe"), "{}", text(&output));
    let output = pr.step(&steps().validate, "nora");
    assert_eq!(code(&output), 0, "{}", text(&output));

    // A failing assertion stops the test hook.
    let output = praxis(
        &pr.work,
        &["--as", "nora", "role", "grant", "bob", "clinical-admin"],
    );
    assert_eq!(code(&output), 0, "{}", text(&output));
    let test = entries
        .iter()
        .find(|e| e.starts_with("praxis test"))
        .unwrap();
    let output = shell(&pr.work, test);
    assert_eq!(code(&output), 1, "{}", text(&output));
    assert!(text(&output).contains("FAIL"), "{}", text(&output));

    // pre-commit runs hooks from the repository root, also when the commit
    // is made in a subdirectory: the nearest practice.toml is found upwards.
    std::fs::create_dir(pr.work.join("notes")).unwrap();
    let output = shell(&pr.work.join("notes"), test);
    assert_eq!(code(&output), 1, "{}", text(&output));
}

/// The lines of the `run: |` block of the step named `name`, unindented.
fn script(name: &str) -> String {
    let text = std::fs::read_to_string(root().join(WORKFLOW)).unwrap();
    let start = text
        .find(&format!("- name: {name}"))
        .unwrap_or_else(|| panic!("no step `{name}`"));
    let rest = &text[start..];
    let block = rest.find("run: |").unwrap() + "run: |".len();
    let body: Vec<&str> = rest[block..]
        .lines()
        .skip(1)
        .take_while(|l| l.starts_with("          ") || l.trim().is_empty())
        .map(|l| l.get(10..).unwrap_or(""))
        .collect();
    body.join("\n")
}

/// SPEC §8: the workflow runs on every pull request, installs a pinned
/// praxis from a source the practice sets (and says so when it is unset),
/// and never posts a diff comment praxis did not finish.
#[test]
fn the_workflow_cannot_be_slipped_past() {
    let workflow = std::fs::read_to_string(root().join(WORKFLOW)).unwrap();
    assert!(!workflow.contains("paths:"), "no path filter");
    assert!(
        !workflow.contains("example.invalid"),
        "no placeholder source"
    );
    assert!(workflow.contains("--tag \"$PRAXIS_VERSION\""));
    assert!(workflow.contains("if: always() && steps.diff.outcome == 'success'"));
    assert!(
        !workflow.contains("--as \"${{"),
        "judged by @login, not the login as an id"
    );

    let tmp = TempDir::new().unwrap();
    let install = script("Install praxis (pinned)");
    let output = Command::new("bash")
        .args(["-c", &install])
        .current_dir(tmp.path())
        .env("PRAXIS_SOURCE", "")
        .env("PRAXIS_VERSION", "")
        .output()
        .unwrap();
    assert_eq!(code(&output), 1);
    assert!(text(&output).contains("Set the repository variables PRAXIS_SOURCE"));
}

/// A pull request that turns practice.toml into a link fails the
/// workflow's kind step, and `diff --as` needs practice.settings for it.
#[test]
fn the_workflow_fails_when_the_practice_file_changes_kind() {
    let pr = PullRequest::new();
    let kind = script("The practice file is still the same kind of file");
    let run = |pr: &PullRequest| {
        Command::new("bash")
            .args(["-c", &kind])
            .current_dir(&pr.work)
            .env("BASE_REF", "base")
            .output()
            .unwrap()
    };
    assert_eq!(code(&run(&pr)), 0, "{}", text(&run(&pr)));
    std::fs::copy(pr.work.join("practice.toml"), pr.work.join("backup.toml")).unwrap();
    std::fs::remove_file(pr.work.join("practice.toml")).unwrap();
    std::os::unix::fs::symlink("backup.toml", pr.work.join("practice.toml")).unwrap();
    git(&pr.work, &["add", "-A"]);
    pr.commit("practice.toml becomes a link");
    let output = run(&pr);
    assert_eq!(code(&output), 1, "{}", text(&output));
    assert!(text(&output).contains("changed kind or link target"));
    let output = praxis(&pr.work, &["diff", "--base", "origin/base", "--as", "bob"]);
    assert_eq!(code(&output), 1, "{}", text(&output));
    assert!(
        text(&output).contains("practice.settings"),
        "{}",
        text(&output)
    );
}
