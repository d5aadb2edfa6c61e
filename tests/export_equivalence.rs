#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot set up should panic"
)]

//! `praxis export --to openfga` agrees with `praxis access check`, proven by
//! the real engine: the official OpenFGA CLI's `fga model test` (it embeds
//! an OpenFGA server) answers every (member, capability, client, date) of a
//! generated practice — with denies, a custom role, own grants, restricted
//! clients, supervision, an inactive member and temporary access live and
//! expired — and each answer must be praxis's.
//!
//! Needs the CLI: `scripts/install-fga` installs it (pinned, from PyPI)
//! into `.tools/fga`; `PRAXIS_FGA` may name another. Run on demand:
//! `cargo test --test export_equivalence -- --ignored --nocapture` (at
//! least 100,000 requests; `PRAXIS_EQUIVALENCE_REQUESTS=N` sets how many).
//! `.ci/run` runs a quick version. A missing CLI fails the test, loudly.

#[path = "support/equivalence.rs"]
mod equivalence;

use equivalence::{checked, practice_text};
use praxis::model::{Kind, Practice};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

fn fga() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // A relative PRAXIS_FGA is from the checkout; fga runs in a temp dir.
    let path = std::env::var_os("PRAXIS_FGA")
        .map_or_else(|| root.join(".tools/fga/bin/fga"), |p| root.join(p));
    assert!(
        path.exists(),
        "the OpenFGA CLI is not at {}: run scripts/install-fga (or set PRAXIS_FGA)",
        path.display()
    );
    path
}

/// An `fga model test` file (JSON is YAML) asserting praxis's answer to
/// each request, the requests of one (member, object, day) in one check;
/// the count of assertions.
fn test_file(practice: &Practice, budget: usize) -> (Value, usize) {
    let requests = equivalence::requests(practice, budget);
    let mut checks: Vec<Value> = Vec::new();
    let mut last: Option<(String, String, String)> = None;
    for request in &requests {
        let object = match (request.kind, &request.client) {
            (Kind::Client, Some(client)) => format!("client:{client}"),
            _ => "practice:main".to_string(),
        };
        let key = (request.member.clone(), object.clone(), request.day.clone());
        if last.as_ref() != Some(&key) {
            checks.push(json!({
                "user": format!("member:{}", request.member),
                "object": object,
                "context": { "current_date": request.day },
                "assertions": {},
            }));
            last = Some(key);
        }
        let allowed = equivalence::praxis_allows(practice, request);
        if let Some(check) = checks.last_mut() {
            check["assertions"][identifier(&request.capability)] = json!(allowed);
        }
    }
    let file = json!({
        "name": "praxis export equivalence",
        "model_file": "./model.fga",
        "tuple_file": "./tuples.json",
        "tests": [{ "name": "every answer is praxis's", "check": checks }],
    });
    (file, requests.len())
}

fn identifier(capability: &str) -> String {
    capability.replace(['.', '-'], "_")
}

/// Runs `fga model test` on the export of `practice` with `tuples`.
fn run_fga(dir: &Path, practice: &Practice, tuples: &str, budget: usize) -> usize {
    for file in praxis::export::openfga(practice).unwrap() {
        if file.name == "model.fga" {
            std::fs::write(dir.join(file.name), &file.text).unwrap();
        }
    }
    std::fs::write(dir.join("tuples.json"), tuples).unwrap();
    let (test, count) = test_file(practice, budget);
    std::fs::write(dir.join("equivalence.fga.yaml"), test.to_string()).unwrap();
    let output = std::process::Command::new(fga())
        .current_dir(dir)
        .args(["model", "test", "--tests", "equivalence.fga.yaml"])
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&output.stderr);
    let failures: Vec<&str> = report
        .lines()
        .filter(|l| l.starts_with('ⅹ'))
        .take(10)
        .collect();
    assert!(
        output.status.success(),
        "OpenFGA disagrees with praxis:\n{}\n{}",
        failures.join("\n"),
        report.lines().rev().take(4).collect::<Vec<_>>().join("\n")
    );
    assert!(report.contains("passing"), "{report}");
    count
}

fn tuples_of(practice: &Practice) -> String {
    praxis::export::openfga(practice)
        .unwrap()
        .into_iter()
        .find(|f| f.name == "tuples.json")
        .unwrap()
        .text
}

fn budget(default: usize) -> usize {
    equivalence::budget(default)
}

#[test]
#[ignore = "needs the OpenFGA CLI (scripts/install-fga); run with --ignored"]
fn openfga_answers_every_request_as_praxis_does() {
    let dir = tempfile::tempdir().unwrap();
    let practice = checked(&practice_text(60, 400, 11));
    let started = std::time::Instant::now();
    let count = run_fga(
        dir.path(),
        &practice,
        &tuples_of(&practice),
        budget(100_000),
    );
    println!(
        "openfga: {count} requests ({} members, {} clients, 3 dates) agree with praxis in {:.1} s",
        practice.members.len(),
        practice.clients.len(),
        started.elapsed().as_secs_f64()
    );
}

/// `export --diff`'s writes and deletes, applied to the old export's
/// tuples, give a store that answers as praxis does on the new file.
#[test]
#[ignore = "needs the OpenFGA CLI (scripts/install-fga); run with --ignored"]
fn the_diff_moves_a_store_to_the_new_revision() {
    let old_text = practice_text(30, 120, 5);
    let old = checked(&old_text);
    // The next revision: a supervisee moves, a temporary entry is extended,
    // a deny is lifted, a client restricted, a role granted and revoked.
    let new_text = old_text
        .replace(
            "denies = [\"clinical.write\", \"files.*\"]",
            "denies = [\"files.*\"]",
        )
        .replace(
            "until = 2026-12-15, reason = \"ending soon\"",
            "until = 2027-03-31, reason = \"extended\"",
        )
        .replace(
            "X-5 = { primary = \"clin3\", clinicians = [\"granted0\"] }",
            "X-5 = { primary = \"clin3\", clinicians = [\"granted0\"], restricted = true }",
        )
        .replace(
            "[members.reviewer0]\nname = \"Reviewer\"\nroles = [\"reviewer\"]",
            "[members.reviewer0]\nname = \"Reviewer\"\nroles = [\"reviewer\", \"biller\"]",
        )
        .replace(
            "supervisors = [\"sup0\", \"reviewer0\"]",
            "supervisors = [\"reviewer0\"]",
        );
    assert_ne!(new_text, old_text);
    let new = checked(&new_text);
    let changes =
        serde_json::to_value(praxis::export::openfga_changes(&old, &new).unwrap()).unwrap();
    let mut store: Vec<Value> = serde_json::from_str(&tuples_of(&old)).unwrap();
    let key = |t: &Value| {
        (
            t["user"].clone(),
            t["relation"].clone(),
            t["object"].clone(),
        )
    };
    let deletes: Vec<_> = changes["deletes"]["tuple_keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(key)
        .collect();
    assert!(
        !deletes.is_empty()
            && !changes["writes"]["tuple_keys"]
                .as_array()
                .unwrap()
                .is_empty()
    );
    store.retain(|t| !deletes.contains(&key(t)));
    store.extend(
        changes["writes"]["tuple_keys"]
            .as_array()
            .unwrap()
            .iter()
            .cloned(),
    );
    let dir = tempfile::tempdir().unwrap();
    let count = run_fga(
        dir.path(),
        &new,
        &Value::Array(store).to_string(),
        budget(20_000),
    );
    println!("openfga after --diff: {count} requests agree with praxis on the new file");
}
