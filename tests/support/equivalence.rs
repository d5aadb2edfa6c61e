//! What the export equivalence tests share: a generated practice with every
//! kind of access the decision knows, the requests to ask of it, and
//! praxis's own answer to each.

#![allow(dead_code, reason = "each test binary uses part of it")]

#[path = "../../benches/support/generate.rs"]
mod generate;

use chrono::NaiveDate;
use praxis::model::{Kind, Practice};
use praxis::rules::{self, decide};

/// The days every request is asked on: before everything, a day when the
/// short temporary entry holds, and the day after it ends.
pub const DATES: [&str; 3] = ["2019-06-01", "2026-12-01", "2026-12-16"];

/// The benchmark generator's practice with what it lacks for the proof:
/// denies, a custom role, own grants, an inactive member, a member with two
/// supervisors, restricted clients with administrative lists, and
/// temporary access expired and ending soon.
pub fn practice_text(members: usize, clients: usize, seed: u64) -> String {
    let (text, shape) = generate::practice(members, clients, seed);
    assert_eq!(shape.clients, clients);
    assert!(shape.clinicians.contains(&"clin3".to_string()));
    let (head, tail) = text.split_once("[clients]\n").unwrap_or((&text, ""));
    let extra_sections = r#"[roles.reviewer]
description = "Reads supervisees' charts and views every client's card"
grants = [
  { can = ["clinical.view", "clinical.cosign", "client.diagnosis"], on = "supervisees" },
  { can = ["client.view"], on = "all" },
  { can = ["members.view"], on = "practice" },
]

[members.denied0]
name = "Denied Clinician"
roles = ["clinician"]
denies = ["clinical.write", "files.*"]

[members.granted0]
name = "Own Grants"
roles = ["scheduler"]
grants = [{ can = ["client.diagnosis", "billing.view"], on = "assigned" }, { can = ["billing.reports"], on = "practice" }]
denies = ["schedule.manage"]

[members.reviewer0]
name = "Reviewer"
roles = ["reviewer"]

[members.gone0]
name = "Gone"
roles = ["clinician", "supervisor"]
active = false

[members.interned0]
name = "Supervised by the reviewer"
roles = ["clinician"]
supervisors = ["sup0", "reviewer0"]

"#;
    let extra_clients = r#"X-1 = { primary = "denied0", temporary = [{ member = "clin1", until = 2020-01-31, reason = "expired cover" }] }
X-2 = { primary = "interned0", temporary = [{ member = "granted0", until = 2026-12-15, reason = "ending soon" }] }
X-3 = { primary = "clin2", restricted = true, administrative = ["staff0", "granted0"] }
X-4 = { primary = "interned0", restricted = true }
X-5 = { primary = "clin3", clinicians = ["granted0"] }
"#;
    format!("{head}{extra_sections}[clients]\n{tail}{extra_clients}")
}

/// A valid practice read from `text`.
pub fn checked(text: &str) -> Practice {
    let date = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
    let checked = rules::check(text, date);
    assert!(
        !checked.findings.has_errors(),
        "the generated practice is invalid: {:?}",
        checked.findings.iter().take(3).collect::<Vec<_>>()
    );
    checked.practice
}

pub fn practice(members: usize, clients: usize, seed: u64) -> Practice {
    checked(&practice_text(members, clients, seed))
}

/// One question.
#[derive(Clone, Debug)]
pub struct Request {
    pub member: String,
    pub capability: String,
    pub kind: Kind,
    pub client: Option<String>,
    pub day: String,
}

/// Every practice capability of every member on every day, then every
/// client capability of every member on each client (the extra clients
/// first) on every day, until `budget` requests.
pub fn requests(practice: &Practice, budget: usize) -> Vec<Request> {
    let members: Vec<&str> = practice
        .members
        .iter()
        .map(|m| m.id.value.as_str())
        .collect();
    let of_kind = |kind: Kind| -> Vec<&str> {
        practice
            .capabilities()
            .iter()
            .filter(|c| c.kind == kind)
            .map(|c| c.name.as_str())
            .collect()
    };
    let mut out = Vec::new();
    for member in &members {
        for day in DATES {
            for capability in of_kind(Kind::Practice) {
                out.push(Request {
                    member: member.to_string(),
                    capability: capability.to_string(),
                    kind: Kind::Practice,
                    client: None,
                    day: day.to_string(),
                });
            }
        }
    }
    'clients: for client in practice.clients.iter().rev() {
        for member in &members {
            for day in DATES {
                if out.len() >= budget {
                    break 'clients;
                }
                for capability in of_kind(Kind::Client) {
                    out.push(Request {
                        member: member.to_string(),
                        capability: capability.to_string(),
                        kind: Kind::Client,
                        client: Some(client.id.value.clone()),
                        day: day.to_string(),
                    });
                }
            }
        }
    }
    out
}

/// praxis's answer.
pub fn praxis_allows(practice: &Practice, request: &Request) -> bool {
    let question = decide::Request {
        member: &request.member,
        capability: &request.capability,
        client: request.client.as_deref(),
        author: None,
    };
    let day = NaiveDate::parse_from_str(&request.day, "%Y-%m-%d").unwrap_or_default();
    decide::decide(practice, &question, day).is_ok_and(|d| d.allowed)
}

/// `PRAXIS_EQUIVALENCE_REQUESTS`, else `default`.
pub fn budget(default: usize) -> usize {
    std::env::var("PRAXIS_EQUIVALENCE_REQUESTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}
