//! The queries agree with each other and with the decision (SPEC §3.2, §4):
//!
//! - `access check --batch` answers every (member, capability, client) of
//!   every example exactly as `praxis::rules::decide::decide` does;
//! - `matrix --by member --client C --format json` agrees cell for cell with
//!   that decision, for every client and member;
//! - `access who CAP [--client C]` and `access list M [--client C]` list
//!   exactly the allowed triples, with the decision's reasons.
//!
//! Each is taken on two dates: one where every temporary entry of the
//! examples holds, and one after most have expired.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use chrono::NaiveDate;
use common::{praxis, root};
use praxis::model::{Kind, Practice};
use praxis::rules::decide::{Request, decide};
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};

const EXAMPLES: [&str; 4] = [
    "therapynotes",
    "sessions-health",
    "community-ehr",
    "simplepractice",
];

const DATES: [&str; 2] = ["2026-12-01", "2028-05-01"];

fn file(name: &str) -> String {
    format!("examples/{name}/practice.toml")
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// The example read and validated by the library.
fn load(name: &str, at: &str) -> Practice {
    let text = std::fs::read_to_string(root().join(file(name))).unwrap();
    let checked = praxis::rules::check(&text, date(at));
    assert!(!checked.findings.has_errors(), "{name} is valid");
    checked.practice
}

fn run_json(args: &[&str]) -> Value {
    let output = praxis().args(args).output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

fn member_ids(practice: &Practice) -> Vec<String> {
    practice
        .members
        .iter()
        .map(|m| m.id.value.clone())
        .collect()
}

fn client_ids(practice: &Practice) -> Vec<String> {
    practice
        .clients
        .iter()
        .map(|c| c.id.value.clone())
        .collect()
}

fn capability_names(practice: &Practice, kind: Kind) -> Vec<String> {
    practice
        .capabilities()
        .iter()
        .filter(|c| c.kind == kind)
        .map(|c| c.name.clone())
        .collect()
}

/// (member, capability, client) → allowed, for every question the example
/// can be asked, by the library.
type Answers = BTreeMap<(String, String, Option<String>), bool>;

fn library_answers(practice: &Practice, at: &str) -> Answers {
    let mut answers = Answers::new();
    for member in member_ids(practice) {
        for capability in capability_names(practice, Kind::Practice) {
            let request = Request {
                member: &member,
                capability: &capability,
                client: None,
                author: None,
            };
            let decision = decide(practice, &request, date(at)).unwrap();
            answers.insert((member.clone(), capability, None), decision.allowed);
        }
        for capability in capability_names(practice, Kind::Client) {
            for client in client_ids(practice) {
                let request = Request {
                    member: &member,
                    capability: &capability,
                    client: Some(&client),
                    author: None,
                };
                let decision = decide(practice, &request, date(at)).unwrap();
                answers.insert(
                    (member.clone(), capability.clone(), Some(client)),
                    decision.allowed,
                );
            }
        }
    }
    answers
}

#[test]
fn batch_check_agrees_with_the_library_on_every_question() {
    for name in EXAMPLES {
        for at in DATES {
            let practice = load(name, at);
            let expected = library_answers(&practice, at);
            let questions: Vec<_> = expected.keys().cloned().collect();
            let input: String = questions
                .iter()
                .map(|(member, capability, client)| {
                    json!({"member": member, "capability": capability, "client": client})
                        .to_string()
                        + "\n"
                })
                .collect();
            let output = praxis()
                .args(["-f", &file(name), "--at", at, "access", "check", "--batch"])
                .write_stdin(input)
                .output()
                .unwrap();
            assert_eq!(output.status.code(), Some(0));
            let text = String::from_utf8(output.stdout).unwrap();
            let lines: Vec<&str> = text.lines().collect();
            assert_eq!(lines.len(), questions.len(), "{name} {at}");
            for (question, line) in questions.iter().zip(lines) {
                let answer: Value = serde_json::from_str(line).unwrap();
                assert_eq!(answer["member"], question.0.as_str());
                assert_eq!(answer["capability"], question.1.as_str());
                assert_eq!(answer["client"], json!(question.2));
                let word = if expected[question] { "allow" } else { "deny" };
                assert_eq!(answer["decision"], word, "{name} {at} {question:?}");
            }
        }
    }
}

#[test]
fn single_checks_agree_with_the_library() {
    // A sample through the one-question form: exit code and JSON both.
    let name = "therapynotes";
    let at = DATES[0];
    let practice = load(name, at);
    let answers = library_answers(&practice, at);
    let sample = answers
        .iter()
        .filter(|((member, capability, _), _)| {
            ["bob", "priya", "ben", "walter", "nora", "ruth"].contains(&member.as_str())
                && ["clinical.view", "billing.claims", "members.manage"]
                    .contains(&capability.as_str())
        })
        .step_by(3);
    for ((member, capability, client), allowed) in sample {
        let mut command = praxis();
        command.args(["-f", &file(name), "--at", at, "--format", "json"]);
        command.args(["access", "check", member, capability]);
        if let Some(client) = client {
            command.args(["--client", client]);
        }
        let output = command.output().unwrap();
        assert_eq!(
            output.status.code(),
            Some(if *allowed { 0 } else { 1 }),
            "{member} {capability} {client:?}"
        );
        let answer: Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(answer["decision"], if *allowed { "allow" } else { "deny" });
    }
}

#[test]
fn matrix_by_client_agrees_cell_for_cell_with_access_check() {
    for name in EXAMPLES {
        for at in DATES {
            let practice = load(name, at);
            let answers = library_answers(&practice, at);
            let client_capabilities = capability_names(&practice, Kind::Client);
            for client in client_ids(&practice) {
                let grid = run_json(&[
                    "-f",
                    &file(name),
                    "--at",
                    at,
                    "matrix",
                    "--by",
                    "member",
                    "--client",
                    &client,
                    "--inactive",
                    "--format",
                    "json",
                ]);
                assert_eq!(grid["client"], client.as_str());
                // With --client, only client capabilities are columns.
                assert_eq!(grid["capabilities"], json!(client_capabilities));
                let rows = grid["rows"].as_array().unwrap();
                let members: Vec<&str> =
                    rows.iter().map(|r| r["member"].as_str().unwrap()).collect();
                assert_eq!(members, member_ids(&practice), "{name}: every member");
                for row in rows {
                    let member = row["member"].as_str().unwrap();
                    let cells = row["cells"].as_object().unwrap();
                    assert_eq!(cells.len(), client_capabilities.len());
                    for capability in &client_capabilities {
                        let key = (member.to_string(), capability.clone(), Some(client.clone()));
                        let word = if answers[&key] { "allow" } else { "deny" };
                        assert_eq!(
                            cells[capability.as_str()],
                            word,
                            "{name} {at} matrix cell {key:?}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn matrix_by_client_leaves_out_inactive_members_unless_asked() {
    for name in EXAMPLES {
        let practice = load(name, DATES[0]);
        let client = client_ids(&practice)[0].clone();
        let grid = run_json(&[
            "-f",
            &file(name),
            "matrix",
            "--client",
            &client,
            "--format",
            "json",
        ]);
        let members: Vec<&str> = grid["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["member"].as_str().unwrap())
            .collect();
        let active: Vec<String> = practice
            .members
            .iter()
            .filter(|m| m.active)
            .map(|m| m.id.value.clone())
            .collect();
        assert_eq!(members, active, "{name}");
        assert!(
            active.len() < practice.members.len(),
            "{name} has an inactive member"
        );
    }
}

/// The CSV form of the client matrix carries the same cells as the JSON.
#[test]
fn matrix_by_client_csv_matches_json() {
    for name in EXAMPLES {
        let practice = load(name, DATES[0]);
        for client in client_ids(&practice).iter().take(3) {
            let args = [
                "-f",
                &file(name),
                "--at",
                DATES[0],
                "matrix",
                "--client",
                client,
            ];
            let grid = run_json(&[&args[..], &["--format", "json"]].concat());
            let output = praxis()
                .args(args)
                .args(["--format", "csv"])
                .output()
                .unwrap();
            let csv = String::from_utf8(output.stdout).unwrap();
            let mut lines = csv.lines();
            let header: Vec<&str> = lines.next().unwrap().split(',').collect();
            assert_eq!(header[0], "member");
            assert_eq!(json!(header[1..]), grid["capabilities"]);
            for (line, row) in lines.zip(grid["rows"].as_array().unwrap()) {
                let cells: Vec<&str> = line.split(',').collect();
                assert_eq!(cells[0], row["member"].as_str().unwrap());
                for (capability, cell) in header[1..].iter().zip(&cells[1..]) {
                    assert_eq!(row["cells"][*capability], *cell, "{name} {client}");
                }
            }
        }
    }
}

/// The set of (member, capability, client) an `access who` document lists,
/// with each entry's reasons.
type Listed = BTreeMap<(String, String, Option<String>), Value>;

fn reasons_of(practice: &Practice, key: &(String, String, Option<String>), at: &str) -> Value {
    let request = Request {
        member: &key.0,
        capability: &key.1,
        client: key.2.as_deref(),
        author: None,
    };
    let decision = decide(practice, &request, date(at)).unwrap();
    json!(praxis::output::records::reasons(
        &decision.reasons,
        &request
    ))
}

fn who_listed(name: &str, at: &str, capability: &str, client: Option<&str>) -> Listed {
    let mut args = vec!["-f", name, "--at", at, "access", "who", capability];
    if let Some(client) = client {
        args.extend(["--client", client]);
    }
    args.extend(["--format", "json"]);
    let document = run_json(&args);
    assert_eq!(document["capability"], capability);
    assert_eq!(document["client"], json!(client));
    document["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| {
            (
                (
                    entry["member"].as_str().unwrap().to_string(),
                    capability.to_string(),
                    client.map(str::to_string),
                ),
                entry["reasons"].clone(),
            )
        })
        .collect()
}

fn list_listed(name: &str, at: &str, member: &str, client: Option<&str>) -> Listed {
    let mut args = vec!["-f", name, "--at", at, "access", "list", member];
    if let Some(client) = client {
        args.extend(["--client", client]);
    }
    args.extend(["--format", "json"]);
    let document = run_json(&args);
    assert_eq!(document["member"], member);
    assert_eq!(document["client"], json!(client));
    let mut listed = Listed::new();
    for entry in document["capabilities"].as_array().unwrap() {
        let capability = entry["capability"].as_str().unwrap().to_string();
        match entry["kind"].as_str().unwrap() {
            "practice" => {
                listed.insert(
                    (member.to_string(), capability, None),
                    entry["reasons"].clone(),
                );
            }
            "client" => {
                let clients = entry["clients"].as_array().unwrap();
                assert!(
                    !clients.is_empty(),
                    "a client capability listed has clients"
                );
                for held in clients {
                    listed.insert(
                        (
                            member.to_string(),
                            capability.clone(),
                            Some(held["client"].as_str().unwrap().to_string()),
                        ),
                        held["reasons"].clone(),
                    );
                }
            }
            other => panic!("unknown kind {other}"),
        }
    }
    listed
}

fn allowed_set(
    answers: &Answers,
    keep: impl Fn(&(String, String, Option<String>)) -> bool,
) -> BTreeSet<(String, String, Option<String>)> {
    answers
        .iter()
        .filter(|(key, allowed)| **allowed && keep(key))
        .map(|(key, _)| key.clone())
        .collect()
}

fn assert_reasons(practice: &Practice, listed: &Listed, at: &str, what: &str) {
    for (key, reasons) in listed {
        assert_eq!(
            *reasons,
            reasons_of(practice, key, at),
            "{what}: reasons for {key:?}"
        );
    }
}

/// The clients that restriction, temporary access or a second clinician
/// make interesting, and the first one.
fn interesting_clients(practice: &Practice) -> Vec<String> {
    practice
        .clients
        .iter()
        .enumerate()
        .filter(|(i, c)| *i == 0 || c.restricted || !c.temporary.is_empty())
        .map(|(_, c)| c.id.value.clone())
        .collect()
}

/// `access who` and `access list` list exactly the allowed triples, with
/// the decision's reasons, and agree with each other:
///
/// - `who` for every practice capability; for every client capability on
///   the interesting clients; for the clinical and billing views on every
///   client (`all_clients`);
/// - `list` for every member without `--client` (every client at once), and
///   (`all_clients`) with `--client` on the interesting clients.
fn queries_agree(name: &str, at: &str, all_clients: bool) {
    let practice = load(name, at);
    let answers = library_answers(&practice, at);
    let path = file(name);
    let chosen = interesting_clients(&practice);

    // who
    let mut who = Listed::new();
    let mut asked = BTreeSet::new();
    for capability in capability_names(&practice, Kind::Practice) {
        who.extend(who_listed(&path, at, &capability, None));
        asked.insert((capability, None));
    }
    for capability in capability_names(&practice, Kind::Client) {
        for client in client_ids(&practice) {
            let wide =
                all_clients && ["clinical.view", "billing.view"].contains(&capability.as_str());
            if wide || chosen.contains(&client) {
                who.extend(who_listed(&path, at, &capability, Some(&client)));
                asked.insert((capability.clone(), Some(client)));
            }
        }
    }
    let listed: BTreeSet<_> = who.keys().cloned().collect();
    let expected = allowed_set(&answers, |(_, capability, client)| {
        asked.contains(&(capability.clone(), client.clone()))
    });
    assert_eq!(listed, expected, "{name} {at}: who");
    assert_reasons(&practice, &who, at, &format!("{name} {at} who"));

    // list, every client at once
    let mut list = Listed::new();
    for member in member_ids(&practice) {
        list.extend(list_listed(&path, at, &member, None));
    }
    let listed: BTreeSet<_> = list.keys().cloned().collect();
    assert_eq!(listed, allowed_set(&answers, |_| true), "{name} {at}: list");
    assert_reasons(&practice, &list, at, &format!("{name} {at} list"));

    // who and list agree, reasons included
    for (key, reasons) in &who {
        assert_eq!(
            list.get(key),
            Some(reasons),
            "{name} {at}: who vs list {key:?}"
        );
    }

    // list --client (the decision date changes nothing here that the runs
    // above do not already cover)
    if !all_clients {
        return;
    }
    for client in &chosen {
        for member in member_ids(&practice) {
            let one = list_listed(&path, at, &member, Some(client));
            let listed: BTreeSet<_> = one.keys().cloned().collect();
            let expected = allowed_set(&answers, |(m, _, c)| {
                *m == member && (c.is_none() || c.as_deref() == Some(client.as_str()))
            });
            assert_eq!(
                listed, expected,
                "{name} {at}: list {member} --client {client}"
            );
            for (key, reasons) in &one {
                assert_eq!(list.get(key), Some(reasons), "{name} {at}: {key:?}");
            }
        }
    }
}

#[test]
fn who_and_list_agree_with_check_therapynotes() {
    queries_agree("therapynotes", DATES[0], true);
    queries_agree("therapynotes", DATES[1], false);
}

#[test]
fn who_and_list_agree_with_check_sessions_health() {
    queries_agree("sessions-health", DATES[0], true);
    queries_agree("sessions-health", DATES[1], false);
}

#[test]
fn who_and_list_agree_with_check_community_ehr() {
    queries_agree("community-ehr", DATES[0], true);
    queries_agree("community-ehr", DATES[1], false);
}

#[test]
fn who_and_list_agree_with_check_simplepractice() {
    queries_agree("simplepractice", DATES[0], true);
    queries_agree("simplepractice", DATES[1], false);
}

#[test]
fn who_and_list_refuse_what_check_refuses() {
    let path = file("therapynotes");
    for args in [
        &["access", "who", "clinical.view"][..],
        &["access", "who", "members.view", "--client", "C-1001"],
        &["access", "who", "clinical.*", "--client", "C-1001"],
        &["access", "who", "clinical.veiw", "--client", "C-1001"],
        &["access", "who", "clinical.view", "--client", "C-9999"],
        &["access", "list", "bobb"],
        &["access", "list", "bob", "--client", "C-9999"],
    ] {
        praxis()
            .args(["-f", &path])
            .args(args)
            .assert()
            .code(2)
            .stdout("");
    }
}
