//! The seeds' distinctive rules (SPEC §3.3 and the header comment of each
//! file in `examples/`), checked through the binary on every client of the
//! example, not just on the cases `practice.test.toml` names; then
//! `praxis test` on each example and on a broken expectation.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::{praxis, root};
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::path::PathBuf;

const EXAMPLES: [&str; 4] = [
    "therapynotes",
    "sessions-health",
    "community-ehr",
    "simplepractice",
];

/// Every decision in this file is taken as of this day.
const AT: &str = "2026-12-01";

fn example(name: &str) -> String {
    format!("examples/{name}/practice.toml")
}

/// One access question.
#[derive(Clone, Debug)]
struct Ask {
    member: String,
    capability: String,
    client: Option<String>,
    author: Option<String>,
}

fn ask(member: &str, capability: &str, client: Option<&str>) -> Ask {
    Ask {
        member: member.into(),
        capability: capability.into(),
        client: client.map(str::to_string),
        author: None,
    }
}

/// Answers every question in one `access check --batch` run; an error line
/// fails the test.
fn decide_all(file: &str, questions: &[Ask]) -> Vec<bool> {
    let input: String = questions
        .iter()
        .map(|q| {
            let mut request = json!({"member": q.member, "capability": q.capability});
            if let Some(client) = &q.client {
                request["client"] = client.as_str().into();
            }
            if let Some(author) = &q.author {
                request["author"] = author.as_str().into();
            }
            request.to_string() + "\n"
        })
        .collect();
    let output = praxis()
        .args(["-f", file, "--at", AT, "access", "check", "--batch"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).unwrap();
    let answers: Vec<bool> = text
        .lines()
        .zip(questions)
        .map(|(line, question)| {
            let answer: Value = serde_json::from_str(line).unwrap();
            match answer["decision"].as_str() {
                Some("allow") => true,
                Some("deny") => false,
                _ => panic!("{question:?}: {answer}"),
            }
        })
        .collect();
    assert_eq!(answers.len(), questions.len());
    answers
}

/// A client as `client list --format json` prints it.
struct ClientInfo {
    id: String,
    primary: String,
    /// primary, clinicians and temporary members unexpired on `AT`.
    care_team: BTreeSet<String>,
    restricted: bool,
    administrative: BTreeSet<String>,
}

fn clients(file: &str) -> Vec<ClientInfo> {
    let output = praxis()
        .args(["-f", file, "client", "list", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let list: Value = serde_json::from_slice(&output.stdout).unwrap();
    let names = |value: &Value| -> BTreeSet<String> {
        value
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    };
    list.as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let primary = c["primary"].as_str().unwrap().to_string();
            let mut care_team = names(&c["clinicians"]);
            care_team.insert(primary.clone());
            for temporary in c["temporary"].as_array().unwrap() {
                if temporary["until"].as_str().unwrap() >= AT {
                    care_team.insert(temporary["member"].as_str().unwrap().to_string());
                }
            }
            ClientInfo {
                id: c["id"].as_str().unwrap().to_string(),
                primary,
                care_team,
                restricted: c["restricted"].as_bool().unwrap(),
                administrative: names(&c["administrative"]),
            }
        })
        .collect()
}

/// Active members' ids and roles.
fn members(file: &str) -> Vec<(String, Vec<String>)> {
    let output = praxis()
        .args(["-f", file, "member", "list", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let list: Value = serde_json::from_slice(&output.stdout).unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let roles = m["roles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r.as_str().unwrap().to_string())
                .collect();
            (m["id"].as_str().unwrap().to_string(), roles)
        })
        .collect()
}

/// Asks `capability` for each member on each client; returns the
/// (member, client) pairs allowed.
fn allowed_pairs(
    file: &str,
    members: &[&str],
    capability: &str,
    clients: &[ClientInfo],
) -> BTreeSet<(String, String)> {
    let questions: Vec<Ask> = members
        .iter()
        .flat_map(|m| clients.iter().map(move |c| ask(m, capability, Some(&c.id))))
        .collect();
    decide_all(file, &questions)
        .into_iter()
        .zip(&questions)
        .filter(|(allowed, _)| *allowed)
        .map(|(_, q)| (q.member.clone(), q.client.clone().unwrap_or_default()))
        .collect()
}

fn pairs<'a>(
    members: &[&str],
    clients: &'a [ClientInfo],
    keep: impl Fn(&str, &'a ClientInfo) -> bool,
) -> BTreeSet<(String, String)> {
    members
        .iter()
        .flat_map(|m| clients.iter().map(move |c| (*m, c)))
        .filter(|(m, c)| keep(m, c))
        .map(|(m, c)| (m.to_string(), c.id.clone()))
        .collect()
}

// ----------------------------------------------------------- TherapyNotes

const TN: &str = "examples/therapynotes/practice.toml";

#[test]
fn therapynotes_schedulers_and_billers_never_read_clinical_notes() {
    let clients = clients(TN);
    let staff: Vec<String> = members(TN)
        .into_iter()
        .filter(|(_, roles)| {
            roles.iter().any(|r| r == "scheduler" || r == "biller")
                && !roles
                    .iter()
                    .any(|r| r.starts_with("clinic") || r == "intern")
        })
        .map(|(id, _)| id)
        .collect();
    let staff: Vec<&str> = staff.iter().map(String::as_str).collect();
    assert_eq!(staff, ["olga", "sara", "tom", "ben"]);
    for capability in [
        "clinical.view",
        "clinical.write",
        "clinical.sign",
        "files.view",
    ] {
        assert_eq!(
            allowed_pairs(TN, &staff, capability, &clients),
            BTreeSet::new(),
            "{capability}"
        );
    }
    // A scheduler still schedules for everyone and writes non-clinical notes
    // on every client it can reach (every unrestricted one).
    let schedulers = ["sara", "tom"];
    let reachable = pairs(&schedulers, &clients, |_, c| !c.restricted);
    for capability in ["schedule.manage", "notes.admin", "client.edit"] {
        assert_eq!(
            allowed_pairs(TN, &schedulers, capability, &clients),
            reachable,
            "{capability}"
        );
    }
}

#[test]
fn therapynotes_only_the_clinical_administrator_deletes_a_signed_note() {
    let clients = clients(TN);
    let everyone: Vec<String> = members(TN).into_iter().map(|(id, _)| id).collect();
    let everyone: Vec<&str> = everyone.iter().map(String::as_str).collect();
    let allowed = allowed_pairs(TN, &everyone, "clinical.delete-signed", &clients);
    // priya (clinical-admin) everywhere she has administrative access, and
    // the owner, who can never lose access. Nobody else: not even the
    // primary clinician of the chart.
    let expected = pairs(&everyone, &clients, |m, c| {
        m == "nora"
            || (m == "priya"
                && (!c.restricted
                    || c.administrative.contains("priya")
                    || c.care_team.contains("priya")))
    });
    assert_eq!(allowed, expected);
    assert!(allowed.contains(&("priya".into(), "C-1011".into())));
    assert!(!allowed.contains(&("priya".into(), "C-1010".into())));
    // The clinical administrator must also be a clinician.
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join(TN)).unwrap().replace(
        r#"roles = ["clinician", "clinical-admin", "supervisor"]"#,
        r#"roles = ["clinical-admin", "supervisor"]"#,
    );
    let path = dir.path().join("practice.toml");
    std::fs::write(&path, text).unwrap();
    let output = praxis()
        .args(["-f", path.to_str().unwrap(), "validate", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let messages = report["findings"].to_string();
    assert!(messages.contains("clinical-admin"), "{report}");
}

#[test]
fn therapynotes_biller_for_assigned_patients_cannot_submit_claims() {
    let clients = clients(TN);
    let billers = ["carol", "frank"];
    assert_eq!(
        allowed_pairs(TN, &billers, "billing.claims", &clients),
        BTreeSet::new()
    );
    // They bill their own (assigned) clients only.
    let own = pairs(&billers, &clients, |m, c| c.care_team.contains(m));
    assert!(!own.is_empty());
    for capability in ["billing.view", "billing.manage"] {
        assert_eq!(
            allowed_pairs(TN, &billers, capability, &clients),
            own,
            "{capability}"
        );
    }
    // No practice-wide billing reports.
    let practice: Vec<Ask> = billers
        .iter()
        .flat_map(|m| {
            ["billing.reports", "billing.settings", "billing.insights"].map(|c| ask(m, c, None))
        })
        .collect();
    assert!(decide_all(TN, &practice).iter().all(|allowed| !allowed));
    // The role is not open to interns (it requires clinician, which intern
    // excludes).
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join(TN))
        .unwrap()
        .replace(
            "legal_name = \"Ian Brooks, MA, Intern\"\nemail = \"ian@maplegrove.example\"\nroles = [\"intern\"]",
            "legal_name = \"Ian Brooks, MA, Intern\"\nemail = \"ian@maplegrove.example\"\nroles = [\"intern\", \"biller-assigned\"]",
        );
    assert!(text.contains(r#"roles = ["intern", "biller-assigned"]"#));
    let path = dir.path().join("practice.toml");
    std::fs::write(&path, text).unwrap();
    let output = praxis()
        .args(["-f", path.to_str().unwrap(), "validate", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(
        report["findings"].to_string().contains("biller-assigned"),
        "{report}"
    );
}

#[test]
fn therapynotes_clinicians_see_every_contact_card_but_only_assigned_charts() {
    let clients = clients(TN);
    // Members whose only role is clinician (no supervisor, no clinical-admin).
    let clinicians: Vec<String> = members(TN)
        .into_iter()
        .filter(|(_, roles)| {
            roles
                .iter()
                .all(|r| r == "clinician" || r == "biller-assigned")
        })
        .map(|(id, _)| id)
        .collect();
    let clinicians: Vec<&str> = clinicians.iter().map(String::as_str).collect();
    assert_eq!(clinicians, ["bob", "carol", "dev", "emma", "frank", "jack"]);
    let cards = pairs(&clinicians, &clients, |m, c| {
        !c.restricted || c.care_team.contains(m)
    });
    assert_eq!(
        allowed_pairs(TN, &clinicians, "client.view", &clients),
        cards
    );
    let charts = pairs(&clinicians, &clients, |m, c| c.care_team.contains(m));
    for capability in ["clinical.view", "clinical.write", "clinical.sign"] {
        assert_eq!(
            allowed_pairs(TN, &clinicians, capability, &clients),
            charts,
            "{capability}"
        );
    }
    // Interns alike.
    let interns = ["ian", "isla"];
    assert_eq!(
        allowed_pairs(TN, &interns, "clinical.view", &clients),
        pairs(&interns, &clients, |m, c| c.care_team.contains(m))
    );
    assert!(
        clients
            .iter()
            .any(|c| c.care_team.len() > 1 && c.primary != "bob")
    );
}

#[test]
fn therapynotes_supervisors_reach_their_supervisees_charts() {
    let clients = clients(TN);
    // walter supervises emma only: he reaches emma's charts, nobody else's.
    let walter = ["walter"];
    assert_eq!(
        allowed_pairs(TN, &walter, "clinical.cosign", &clients),
        pairs(&walter, &clients, |_, c| c.care_team.contains("emma"))
    );
    // Nobody bills under walter: he is not a clinician.
    assert_eq!(
        allowed_pairs(TN, &walter, "clinical.write", &clients),
        BTreeSet::new()
    );
}

// --------------------------------------------------------- SimplePractice

const SP: &str = "examples/simplepractice/practice.toml";

#[test]
fn simplepractice_restriction_takes_a_client_from_the_biller_not_the_primary() {
    let clients = clients(SP);
    let restricted = clients.iter().find(|c| c.id == "C-4010").unwrap();
    assert!(restricted.restricted);
    assert_eq!(restricted.primary, "gabe");
    let questions = [
        ask("nate", "billing.manage", Some("C-4001")),
        ask("nate", "billing.manage", Some("C-4010")),
        ask("nate", "billing.claims", Some("C-4010")),
        ask("nate", "client.view", Some("C-4010")),
        ask("gabe", "clinical.view", Some("C-4010")),
        ask("gabe", "billing.claims", Some("C-4010")),
        ask("nadia", "billing.manage", Some("C-4010")),
    ];
    assert_eq!(
        decide_all(SP, &questions),
        [true, false, false, false, true, true, true]
    );
    // nate reaches every client but the restricted ones he is not listed on.
    let nate = ["nate"];
    assert_eq!(
        allowed_pairs(SP, &nate, "billing.manage", &clients),
        pairs(&nate, &clients, |m, c| !c.restricted
            || c.administrative.contains(m))
    );
}

#[test]
fn simplepractice_restricting_a_client_through_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("practice.toml");
    std::fs::copy(root().join(SP), &path).unwrap();
    let file = path.to_str().unwrap();
    let check = |member: &str, capability: &str| -> i32 {
        praxis()
            .args([
                "-f", file, "--at", AT, "access", "check", member, capability,
            ])
            .args(["--client", "C-4008"])
            .output()
            .unwrap()
            .status
            .code()
            .unwrap()
    };
    assert_eq!(check("nate", "billing.manage"), 0);
    assert_eq!(check("gabe", "billing.manage"), 0);
    // Only the Account Owner manages restriction.
    praxis()
        .args(["-f", file, "--as", "mona", "client", "restrict", "C-4008"])
        .assert()
        .code(1);
    praxis()
        .args(["-f", file, "--as", "olivia", "client", "restrict", "C-4008"])
        .assert()
        .code(0);
    assert_eq!(check("nate", "billing.manage"), 1, "the biller loses it");
    assert_eq!(check("nate", "client.view"), 1);
    assert_eq!(check("gabe", "billing.manage"), 0, "the primary keeps it");
    assert_eq!(check("gabe", "clinical.view"), 0);
    assert_eq!(check("ethan", "clinical.view"), 1, "entire-practice too");
    // Listed in the administrative list, the biller has it back.
    praxis()
        .args(["-f", file, "--as", "olivia", "client", "grant", "C-4008"])
        .args(["nate", "--administrative"])
        .assert()
        .code(0);
    assert_eq!(check("nate", "billing.manage"), 0);
    assert_eq!(check("nadia", "billing.manage"), 1);
}

// -------------------------------------------------------- Community EHR

const CE: &str = "examples/community-ehr/practice.toml";

#[test]
fn community_ehr_intakers_open_only_the_files_they_authored() {
    let clients = clients(CE);
    let authors: Vec<String> = members(CE).into_iter().map(|(id, _)| id).collect();
    for intaker in ["iris", "ivan"] {
        let mut questions = Vec::new();
        for client in &clients {
            for author in &authors {
                let mut question = ask(intaker, "files.view", Some(&client.id));
                question.author = Some(author.clone());
                questions.push(question);
            }
            questions.push(ask(intaker, "files.view", Some(&client.id)));
            questions.push(ask(intaker, "files.upload", Some(&client.id)));
            questions.push(ask(intaker, "clinical.view", Some(&client.id)));
        }
        let answers = decide_all(CE, &questions);
        for (question, allowed) in questions.iter().zip(answers) {
            let client = clients
                .iter()
                .find(|c| Some(&c.id) == question.client.as_ref())
                .unwrap();
            let expected = match question.capability.as_str() {
                // `own` is not affected by restriction.
                "files.view" => question.author.as_deref() == Some(intaker),
                "files.upload" => !client.restricted || client.administrative.contains(intaker),
                _ => false,
            };
            assert_eq!(allowed, expected, "{question:?}");
        }
    }
}

#[test]
fn community_ehr_providers_open_only_their_own_files() {
    let questions: Vec<Ask> = ["paul", "iris", "quinn"]
        .into_iter()
        .map(|author| {
            let mut question = ask("paul", "files.view", Some("C-3001"));
            question.author = Some(author.into());
            question
        })
        .collect();
    assert_eq!(decide_all(CE, &questions), [true, false, false]);
}

// ------------------------------------------------------- Sessions Health

const SH: &str = "examples/sessions-health/practice.toml";

#[test]
fn sessions_health_practitioners_bill_their_own_clients() {
    let clients = clients(SH);
    let practitioners = ["maya", "noah", "rosa", "lena", "june", "omar"];
    for capability in ["billing.view", "billing.manage", "billing.claims"] {
        assert_eq!(
            allowed_pairs(SH, &practitioners, capability, &clients),
            pairs(&practitioners, &clients, |m, c| c.care_team.contains(m)),
            "{capability}"
        );
    }
    // kai's billing is switched off: no client's billing, no insights.
    let kai = ["kai"];
    assert_eq!(
        allowed_pairs(SH, &kai, "billing.view", &clients),
        BTreeSet::new()
    );
    assert_eq!(
        decide_all(SH, &[ask("kai", "billing.insights", None)]),
        [false]
    );
    // Practitioners do not see unassigned clients at all.
    let plain = ["maya", "noah", "kai"];
    assert_eq!(
        allowed_pairs(SH, &plain, "client.view", &clients),
        pairs(&plain, &clients, |m, c| c.care_team.contains(m))
    );
}

#[test]
fn sessions_health_administrator_sees_all_invoices_and_no_notes() {
    let clients = clients(SH);
    let xavier = ["xavier"];
    assert_eq!(
        allowed_pairs(SH, &xavier, "billing.view", &clients),
        pairs(&xavier, &clients, |_, c| !c.restricted)
    );
    assert!(clients.iter().any(|c| c.restricted));
    for capability in ["billing.manage", "billing.claims", "clinical.view"] {
        assert_eq!(
            allowed_pairs(SH, &xavier, capability, &clients),
            BTreeSet::new(),
            "{capability}"
        );
    }
    // Forms administrator access is automatic for the administrator.
    assert_eq!(
        decide_all(SH, &[ask("xavier", "forms.manage", None)]),
        [true]
    );
}

#[test]
fn sessions_health_one_supervisor_per_practitioner() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join(SH)).unwrap().replace(
        r#"supervisors = ["theo"]"#,
        r#"supervisors = ["theo", "lena"]"#,
    );
    let path = dir.path().join("practice.toml");
    std::fs::write(&path, text).unwrap();
    praxis()
        .args(["-f", path.to_str().unwrap(), "validate"])
        .assert()
        .code(1)
        .stdout(predicates::str::contains("`noah` has 2 supervisors"))
        .stdout(predicates::str::contains("at most 1"));
}

// ------------------------------------------------------------ praxis test

#[test]
fn praxis_test_passes_on_every_example() {
    for name in EXAMPLES {
        praxis()
            .args(["-f", &example(name), "test"])
            .assert()
            .code(0)
            .stdout(predicates::str::contains(" 0 failed"));
    }
}

/// The example's practice.test.toml with its first `decision` flipped.
fn flipped(name: &str) -> (tempfile::TempDir, PathBuf, String) {
    let text = std::fs::read_to_string(root().join(format!("examples/{name}/practice.test.toml")))
        .unwrap();
    let at = text.find("decision = \"").unwrap();
    let rest = &text[at..];
    let (old, new) = if rest.starts_with("decision = \"allow\"") {
        ("decision = \"allow\"", "decision = \"deny\"")
    } else {
        ("decision = \"deny\"", "decision = \"allow\"")
    };
    let changed = format!("{}{}{}", &text[..at], new, &rest[old.len()..]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("flipped.test.toml");
    std::fs::write(&path, &changed).unwrap();
    (dir, path, changed)
}

#[test]
fn praxis_test_fails_on_a_wrong_expectation_with_the_explanation() {
    for name in EXAMPLES {
        let (_dir, path, _) = flipped(name);
        let output = praxis()
            .args(["-f", &example(name), "test", path.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{name}");
        let text = String::from_utf8(output.stdout).unwrap();
        assert!(text.contains("FAIL"), "{name}: {text}");
        assert!(text.contains(" 1 failed"), "{name}: {text}");
        // The explanation of the actual decision follows the failure.
        assert!(
            text.lines().any(|l| l.trim_start().starts_with("- ")),
            "{name}: {text}"
        );
    }
    // The therapynotes file flipped: sara may read C-1001 (she may not).
    let (_dir, path, _) = flipped("therapynotes");
    praxis()
        .args(["-f", TN, "test", path.to_str().unwrap()])
        .assert()
        .code(1)
        .stdout(predicates::str::contains("sara"))
        .stdout(predicates::str::contains("clinical.view"))
        .stdout(predicates::str::contains("no grant of sara's"));
}

#[test]
fn praxis_test_finds_the_test_file_beside_the_practice() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(root().join(TN), dir.path().join("practice.toml")).unwrap();
    let (_flipped_dir, _, changed) = flipped("therapynotes");
    std::fs::write(dir.path().join("practice.test.toml"), changed).unwrap();
    praxis()
        .current_dir(dir.path())
        .arg("test")
        .assert()
        .code(1);
}

/// Checks that every tag opened is closed in order, and returns the tag
/// names seen (a small well-formedness check, enough for JUnit output).
fn xml_tags(xml: &str) -> Vec<String> {
    let mut stack: Vec<String> = Vec::new();
    let mut seen = Vec::new();
    let mut rest = xml.trim_start();
    if let Some(after) = rest.strip_prefix("<?xml") {
        let end = after.find("?>").expect("declaration closed");
        rest = &after[end + 2..];
    }
    while let Some(open) = rest.find('<') {
        let text = &rest[..open];
        assert!(!text.contains('>'), "stray `>` in text: {text:?}");
        assert_no_bare_ampersand(text);
        let close = rest[open..].find('>').expect("tag closed") + open;
        let tag = &rest[open + 1..close];
        assert!(!tag.contains('<'), "`<` inside a tag: {tag:?}");
        if let Some(name) = tag.strip_prefix('/') {
            let top = stack.pop().unwrap_or_else(|| panic!("unopened </{name}>"));
            assert_eq!(top, name.trim(), "mismatched closing tag");
        } else {
            let self_closing = tag.ends_with('/');
            let body = tag.trim_end_matches('/');
            let name = body.split_whitespace().next().expect("a tag name");
            assert_attributes(body[name.len()..].trim());
            seen.push(name.to_string());
            if !self_closing {
                stack.push(name.to_string());
            }
        }
        rest = &rest[close + 1..];
    }
    assert!(rest.trim().is_empty(), "text after the root: {rest:?}");
    assert!(stack.is_empty(), "unclosed: {stack:?}");
    seen
}

fn assert_no_bare_ampersand(text: &str) {
    for (i, _) in text.match_indices('&') {
        let entity = &text[i..];
        assert!(
            ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#"]
                .iter()
                .any(|e| entity.starts_with(e)),
            "bare & in {text:?}"
        );
    }
}

/// `name="value"` pairs with no raw `<` or `"` inside the values.
fn assert_attributes(mut attributes: &str) {
    while !attributes.is_empty() {
        let eq = attributes.find('=').expect("name=value");
        let after = attributes[eq + 1..].trim_start();
        assert!(after.starts_with('"'), "quoted value: {attributes:?}");
        let end = after[1..].find('"').expect("closing quote") + 1;
        let value = &after[1..end];
        assert!(!value.contains('<'), "`<` in an attribute: {value:?}");
        assert_no_bare_ampersand(value);
        attributes = after[end + 1..].trim_start();
    }
}

#[test]
fn praxis_test_junit_is_well_formed() {
    for name in EXAMPLES {
        let (_dir, path, _) = flipped(name);
        let output = praxis()
            .args(["-f", &example(name), "test", path.to_str().unwrap()])
            .args(["--format", "junit"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{name}");
        let xml = String::from_utf8(output.stdout).unwrap();
        let tags = xml_tags(&xml);
        assert_eq!(
            tags.first().map(String::as_str),
            Some("testsuites"),
            "{xml}"
        );
        assert!(tags.iter().any(|t| t == "testsuite"), "{xml}");
        let cases = tags.iter().filter(|t| *t == "testcase").count();
        let expected = std::fs::read_to_string(&path)
            .unwrap()
            .matches("[[expect]]")
            .count();
        assert_eq!(cases, expected, "{name}: one testcase per expectation");
        assert_eq!(tags.iter().filter(|t| *t == "failure").count(), 1, "{xml}");
        assert!(xml.contains("failures=\"1\""), "{xml}");
    }
    // All passing: no <failure>.
    let output = praxis()
        .args(["-f", TN, "test", "--format", "junit"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let tags = xml_tags(&String::from_utf8(output.stdout).unwrap());
    assert!(tags.iter().all(|t| t != "failure"));
}
