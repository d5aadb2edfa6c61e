#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot set up should panic"
)]

//! The HTML review and matrix open in a real headless browser — Chromium
//! from Debian's packages, unpacked into `.tools/` by
//! `scripts/install-chromium` (`PRAXIS_CHROMIUM` may name another
//! launcher) — with no console errors and nothing fetched; the text the
//! browser renders holds what `--format json` says; a screenshot and a
//! print-to-PDF are written to `target/html-artifacts/`. Run with
//! `cargo test --test html -- --ignored` (`.ci/run` does); a missing
//! browser fails the test, loudly.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn chromium() -> PathBuf {
    let root = common::root();
    let path = std::env::var_os("PRAXIS_CHROMIUM")
        .map_or_else(|| root.join(".tools/chromium/run"), |p| root.join(p));
    assert!(
        path.exists(),
        "no browser at {}: run scripts/install-chromium (or set PRAXIS_CHROMIUM)",
        path.display()
    );
    path
}

fn praxis(args: &[&str]) -> String {
    let mut command = common::praxis();
    command
        .args([
            "-f",
            "examples/therapynotes/practice.toml",
            "--at",
            "2026-12-01",
        ])
        .args(args);
    let run = common::run(&mut command);
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    run.stdout
}

/// Opens `page` in the browser: the DOM it rendered, and what it logged.
fn open(page: &Path, artifacts: &Path, name: &str) -> (String, String) {
    let url = format!("file://{}", page.display());
    let browser = |extra: &[String]| {
        Command::new(chromium())
            .args([
                "--enable-logging=stderr",
                "--v=0",
                "--window-size=1280,1800",
            ])
            // Nothing may be fetched: every host resolves to nowhere.
            .arg("--host-resolver-rules=MAP * ~NOTFOUND")
            .args(extra)
            .arg(&url)
            .output()
            .unwrap()
    };
    let dom = browser(&["--dump-dom".into()]);
    assert!(
        dom.status.success(),
        "{}",
        String::from_utf8_lossy(&dom.stderr)
    );
    let shot = artifacts.join(format!("{name}.png"));
    let pdf = artifacts.join(format!("{name}.pdf"));
    let shot_run = browser(&[format!("--screenshot={}", shot.display())]);
    assert!(shot_run.status.success());
    let pdf_run = browser(&[
        format!("--print-to-pdf={}", pdf.display()),
        "--no-pdf-header-footer".into(),
    ]);
    assert!(pdf_run.status.success());
    assert!(
        std::fs::read(&shot).unwrap().starts_with(b"\x89PNG"),
        "screenshot"
    );
    let printed = std::fs::read(&pdf).unwrap();
    assert!(
        printed.starts_with(b"%PDF") && printed.len() > 2_000,
        "print to PDF"
    );
    let log = String::from_utf8_lossy(&dom.stderr).into_owned();
    (String::from_utf8(dom.stdout).unwrap(), log)
}

fn no_console_errors(log: &str) {
    let errors: Vec<&str> = log
        .lines()
        .filter(|l| {
            l.contains("CONSOLE") || l.contains("Failed to load resource") || l.contains("Uncaught")
        })
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

fn artifacts() -> PathBuf {
    let dir = common::root().join("target/html-artifacts");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The example practice in a git repository of its own: committed on
/// 2025-06-01, dev given C-1001 on 2026-10-01 (approved by Priya), so the
/// review has stale access and changes since the last review to show.
fn practice_with_history() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        common::root().join("examples/therapynotes/practice.toml"),
        dir.path().join("practice.toml"),
    )
    .unwrap();
    let git = |args: &[&str], day: &str| common::git_on(dir.path(), day, args);
    git(&["init", "-q"], "2025-06-01");
    git(&["add", "practice.toml"], "2025-06-01");
    git(&["commit", "-q", "-m", "The practice"], "2025-06-01");
    let mut grant = common::praxis_in(dir.path());
    grant.args(["-q", "--as", "nora", "client", "grant", "C-1001", "dev"]);
    assert_eq!(common::run(&mut grant).code, 0);
    git(
        &[
            "commit",
            "-q",
            "-a",
            "-m",
            "Give dev C-1001\n\nApproved-by: Priya Raman",
        ],
        "2026-10-01",
    );
    dir
}

fn review(dir: &Path, format: &str) -> String {
    let mut command = common::praxis_in(dir);
    command.args([
        "--at",
        "2026-12-01",
        "review",
        "--stale",
        "365d",
        "--since",
        "2026-09-01",
        "--format",
        format,
    ]);
    let run = common::run(&mut command);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
}

#[test]
#[ignore = "needs headless Chromium (scripts/install-chromium); run with --ignored"]
fn the_review_renders_and_says_what_the_json_says() {
    let repository = practice_with_history();
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("review.html");
    std::fs::write(&page, review(repository.path(), "html")).unwrap();
    let (dom, log) = open(&page, &artifacts(), "review");
    no_console_errors(&log);
    let json: serde_json::Value = serde_json::from_str(&review(repository.path(), "json")).unwrap();
    assert!(dom.contains(json["practice"].as_str().unwrap()));
    assert!(dom.contains(json["date"].as_str().unwrap()));
    for chart in json["charts"].as_array().unwrap() {
        let client = chart["client"].as_str().unwrap();
        assert!(
            dom.contains(&format!(
                "<td rowspan=\"{}\">{client}</td>",
                chart["readers"].as_array().unwrap().len()
            )),
            "{client}"
        );
        for reader in chart["readers"].as_array().unwrap() {
            assert!(dom.contains(&format!("<td>{}</td>", reader["member"].as_str().unwrap())));
        }
    }
    for member in json["members"].as_array().unwrap() {
        assert!(dom.contains(member["name"].as_str().unwrap()));
    }
    for finding in json["findings"].as_array().unwrap() {
        let kind = finding["kind"].as_str().unwrap();
        assert!(dom.contains(&format!("<td>{kind}</td>")), "{kind}");
    }
    // Stale access: every row the json lists.
    let stale = json["stale"]["access"].as_array().unwrap();
    assert!(!stale.is_empty());
    assert!(dom.contains("Chart access unchanged for over 365 days"));
    for entry in stale {
        let row = format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            entry["member"].as_str().unwrap(),
            entry["client"].as_str().unwrap(),
            entry["since"].as_str().unwrap(),
            entry["days"]
        );
        assert!(dom.contains(&row), "{row}");
    }
    // The changes since the last review: the commit, who made and who
    // approved it.
    let events = json["changes"]["events"].as_array().unwrap();
    assert_eq!(events.len(), 1);
    assert!(dom.contains("Changes to access since 2026-09-01 (1 commit(s))"));
    for key in ["commit", "author", "approved_by", "subject"] {
        let value = events[0][key]
            .as_str()
            .unwrap()
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        assert!(dom.contains(&value), "{key}: {value}");
    }
    // The all-scope readers: priya through her role, nora as the owner.
    // SPEC §9.4: listed once for the practice, by capability group.
    let heading = "<h2>Who holds capabilities on every unrestricted chart</h2>";
    let section = dom.split(heading).nth(1).expect("the every-chart section");
    let section = section.split("<h2>").next().unwrap_or_default();
    assert!(
        section.contains("priya") && section.contains("clinical-admin"),
        "{section}"
    );
    assert!(section.contains("nora"), "{section}");
    assert!(dom.contains("Covering while bob is on parental leave"));
    assert!(dom.contains("Reviewed by"));
}

#[test]
#[ignore = "needs headless Chromium (scripts/install-chromium); run with --ignored"]
fn the_matrix_heatmap_renders_every_cell_of_the_grid() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("matrix.html");
    std::fs::write(&page, praxis(&["matrix", "--format", "html"])).unwrap();
    let (dom, log) = open(&page, &artifacts(), "matrix");
    no_console_errors(&log);
    let json: serde_json::Value =
        serde_json::from_str(&praxis(&["matrix", "--format", "json"])).unwrap();
    for capability in json["capabilities"].as_array().unwrap() {
        assert!(dom.contains(&format!("<th>{}</th>", capability.as_str().unwrap())));
    }
    let cells = dom.matches("<td class=\"cell").count();
    let expected =
        json["capabilities"].as_array().unwrap().len() * json["rows"].as_array().unwrap().len();
    assert_eq!(cells, expected);
    for row in json["rows"].as_array().unwrap() {
        for value in row["cells"].as_object().unwrap().values() {
            let value = value.as_str().unwrap();
            assert!(
                value.is_empty() || dom.contains(&format!(">{value}</td>")),
                "{value}"
            );
        }
    }
    assert!(dom.contains("class=\"legend\""));
}
