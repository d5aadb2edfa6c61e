//! A structured practice and requests, decided by praxis and by the
//! independent reference model of `tests/reference/model.rs` (SPEC §3);
//! any disagreement is a crash that prints the practice and the request.
//!
//! The input (via `arbitrary`) picks custom capabilities, `[roles]` entries
//! (custom roles and replacements of built-ins, with requires/excludes),
//! members (roles, grants, denies, supervisors, npi, bill_as_supervisor,
//! active), an owner, clients (primary, clinicians, restricted,
//! administrative, temporary entries around the decision date, inline or
//! as a table) and requests. The model renders it as `practice.toml`;
//! praxis parses and validates that text. A practice praxis finds invalid
//! gives no decisions (SPEC §3.2 step 1) and is skipped; on a valid one the
//! fuzzed requests and a sweep over members × capabilities × clients must
//! agree: allow, deny or error.
#![no_main]

use arbitrary::Arbitrary;
use chrono::{Days, NaiveDate};
use libfuzzer_sys::fuzz_target;
use std::sync::atomic::{AtomicU64, Ordering};

#[path = "../../tests/reference/model.rs"]
mod reference;
use reference::*;

const PATTERNS: &[&str] = &[
    "*",
    "client.*",
    "clinical.*",
    "billing.*",
    "files.*",
    "schedule.*",
    "members.*",
    "rx.*",
    "transport.*",
    "notes.*",
    "client.view",
    "client.edit",
    "client.access",
    "client.assign",
    "client.restrict",
    "client.create",
    "client.delete",
    "client.diagnosis",
    "clinical.view",
    "clinical.write",
    "clinical.sign",
    "clinical.cosign",
    "clinical.delete-signed",
    "notes.admin",
    "billing.view",
    "billing.claims",
    "billing.reports",
    "billing.settings",
    "members.view",
    "members.manage",
    "members.credentials",
    "audit.view",
    "hr.view",
    "practice.settings",
    "reports.activity",
    "forms.manage",
    "rx.prescribe",
    "transport.manage",
    "clinical",
    "Clinical.View",
    "clinical.*.*",
];
const ROLE_IDS: &[&str] = &[
    "r0",
    "r1",
    "clinician",
    "supervisor",
    "scheduler",
    "biller",
    "intern",
    "clinical-admin",
    "biller-assigned",
    "administrator",
    "forms-admin",
    "R0",
];
const STEMS: &[&str] = &["m", "Dr.K", "a_b", "x-y"];
const CLIENT_PREFIXES: &[&str] = &["C-", "c", "CL."];
const REASONS: &[&str] = &["Coverage", "Emergency access", "Leave"];

#[derive(Arbitrary, Debug)]
struct GrantIn {
    can: Vec<u8>,
    /// 0 all, 1 assigned, 2 supervisees, 3 own, 4 practice, 5 practice without `on`.
    on: u8,
}

#[derive(Arbitrary, Debug)]
struct RoleIn {
    id: u8,
    grants: Vec<GrantIn>,
    requires: Vec<u8>,
    excludes: Vec<u8>,
}

#[derive(Arbitrary, Debug)]
struct MemberIn {
    stem: u8,
    inactive: bool,
    roles: Vec<u8>,
    grants: Vec<GrantIn>,
    denies: Vec<u8>,
    supervisors: Vec<u8>,
    npi: bool,
    bill_as_supervisor: bool,
}

#[derive(Arbitrary, Debug)]
struct TemporaryIn {
    member: u8,
    /// Days from the base date.
    until: i8,
    reason: u8,
}

#[derive(Arbitrary, Debug)]
struct ClientIn {
    prefix: u8,
    primary: u8,
    clinicians: Vec<u8>,
    restricted: bool,
    administrative: Vec<u8>,
    temporary: Vec<TemporaryIn>,
    table: bool,
}

#[derive(Arbitrary, Debug)]
struct RequestIn {
    member: u8,
    capability: u8,
    client: u8,
    author: u8,
    date: i8,
}

#[derive(Arbitrary, Debug)]
struct Input {
    /// Even: also sweep members × capabilities × clients on this practice.
    sweep: u8,
    rx: bool,
    transport: bool,
    roles: Vec<RoleIn>,
    members: Vec<MemberIn>,
    owner: Option<u8>,
    clients: Vec<ClientIn>,
    requests: Vec<RequestIn>,
    sweep_date: i8,
}

fn base_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 15).unwrap_or_default()
}

fn shifted(days: i8) -> NaiveDate {
    let days = i64::from(days % 12);
    if days >= 0 {
        base_date().checked_add_days(Days::new(days as u64))
    } else {
        base_date().checked_sub_days(Days::new(days.unsigned_abs()))
    }
    .unwrap_or_default()
}

fn pick<'a>(list: &[&'a str], i: u8) -> &'a str {
    list[usize::from(i) % list.len()]
}

fn grant(input: &GrantIn) -> Grant {
    let on = match input.on % 6 {
        0 => Scope::All,
        1 => Scope::Assigned,
        2 => Scope::Supervisees,
        3 => Scope::Own,
        _ => Scope::Practice,
    };
    Grant {
        can: input
            .can
            .iter()
            .take(3)
            .map(|&i| pick(PATTERNS, i).to_string())
            .collect(),
        on,
        omit_on: input.on % 6 == 5,
    }
}

fn build(input: &Input) -> Practice {
    let mut practice = Practice::default();
    if input.rx {
        practice
            .capabilities
            .push(("rx.prescribe".into(), Kind::Client));
    }
    if input.transport {
        practice
            .capabilities
            .push(("transport.manage".into(), Kind::Practice));
    }
    for role in input.roles.iter().take(4) {
        let id = pick(ROLE_IDS, role.id).to_string();
        if practice.roles.iter().any(|r| r.id == id) {
            continue;
        }
        practice.roles.push(Role {
            id,
            grants: role.grants.iter().take(3).map(grant).collect(),
            requires: role
                .requires
                .iter()
                .take(2)
                .map(|&i| pick(ROLE_IDS, i).to_string())
                .collect(),
            excludes: role
                .excludes
                .iter()
                .take(2)
                .map(|&i| pick(ROLE_IDS, i).to_string())
                .collect(),
        });
    }
    let members: Vec<&MemberIn> = input.members.iter().take(7).collect();
    let ids: Vec<String> = members
        .iter()
        .enumerate()
        .map(|(n, m)| format!("{}{n}", pick(STEMS, m.stem)))
        .collect();
    let id = |i: u8| ids[usize::from(i) % ids.len()].clone();
    for (n, m) in members.iter().enumerate() {
        practice.members.push(Member {
            id: ids[n].clone(),
            active: !m.inactive,
            roles: m
                .roles
                .iter()
                .take(3)
                .map(|&i| pick(ROLE_IDS, i).to_string())
                .collect(),
            grants: m.grants.iter().take(2).map(grant).collect(),
            denies: m
                .denies
                .iter()
                .take(2)
                .map(|&i| pick(PATTERNS, i).to_string())
                .collect(),
            supervisors: m.supervisors.iter().take(2).map(|&i| id(i)).collect(),
            npi: m.npi,
            intern: m.bill_as_supervisor,
        });
    }
    if ids.is_empty() {
        return practice;
    }
    practice.owner = input.owner.map(id);
    for (n, c) in input.clients.iter().take(5).enumerate() {
        practice.clients.push(Client {
            id: format!("{}{}", pick(CLIENT_PREFIXES, c.prefix), 1000 + n),
            primary: id(c.primary),
            clinicians: c.clinicians.iter().take(2).map(|&i| id(i)).collect(),
            restricted: c.restricted,
            administrative: c.administrative.iter().take(2).map(|&i| id(i)).collect(),
            temporary: c
                .temporary
                .iter()
                .take(3)
                .map(|t| Temporary {
                    member: id(t.member),
                    until: shifted(t.until),
                    reason: pick(REASONS, t.reason).to_string(),
                })
                .collect(),
            table: c.table,
        });
    }
    practice
}

/// Every capability a query may name, and a few it may not.
fn capabilities(practice: &Practice) -> Vec<String> {
    let mut all: Vec<String> = CATALOG.iter().map(|(n, _)| n.to_string()).collect();
    all.extend(practice.capabilities.iter().map(|(n, _)| n.clone()));
    all.extend(
        ["clinical.*", "*", "rx.prescribe", "Clinical.View", "nope"]
            .iter()
            .map(|s| s.to_string()),
    );
    all
}

fn compare(text: &str, praxis: &praxis::model::Practice, model: &Model, query: &Query) {
    let why = model.decide(query, query.date);
    let expected = outcome(why);
    let request = praxis::rules::Request {
        member: &query.member,
        capability: &query.capability,
        client: query.client.as_deref(),
        author: query.author.as_deref(),
    };
    let actual = match praxis::rules::decide(praxis, &request, query.date) {
        Ok(d) if d.allowed => Outcome::Allow,
        Ok(_) => Outcome::Deny,
        Err(_) => Outcome::Error,
    };
    COMPARED.fetch_add(1, Ordering::Relaxed);
    if actual != expected {
        panic!(
            "praxis and the reference model disagree\nrequest: {}\nmodel: {expected:?} ({why:?}), \
             praxis: {actual:?}\n--- practice.toml ---\n{text}---",
            show(query)
        );
    }
}

/// Inputs seen, and those praxis found valid (and so compared): printed
/// at every power of two when `PRAXIS_FUZZ_STATS` is set.
static SEEN: AtomicU64 = AtomicU64::new(0);
static VALID: AtomicU64 = AtomicU64::new(0);
static COMPARED: AtomicU64 = AtomicU64::new(0);

fn count(valid: bool) {
    let seen = SEEN.fetch_add(1, Ordering::Relaxed) + 1;
    if valid {
        VALID.fetch_add(1, Ordering::Relaxed);
    }
    if seen.is_power_of_two() && std::env::var_os("PRAXIS_FUZZ_STATS").is_some() {
        eprintln!(
            "decide: {seen} inputs, {} valid practices, {} decisions compared",
            VALID.load(Ordering::Relaxed),
            COMPARED.load(Ordering::Relaxed)
        );
    }
}

fuzz_target!(|input: Input| {
    let practice = build(&input);
    if practice.members.is_empty() {
        count(false);
        return;
    }
    let text = render(&practice);
    let checked = praxis::rules::check(&text, base_date());
    count(!checked.findings.has_errors());
    if checked.findings.has_errors() {
        return;
    }
    let model = Model::new(practice);
    let members: Vec<String> = model
        .practice
        .members
        .iter()
        .map(|m| m.id.clone())
        .chain(["nobody".to_string()])
        .collect();
    let capabilities = capabilities(&model.practice);
    let clients: Vec<Option<String>> = model
        .practice
        .clients
        .iter()
        .map(|c| Some(c.id.clone()))
        .chain([None, Some("C-9999".to_string())])
        .collect();
    let pick_string = |list: &[String], i: u8| list[usize::from(i) % list.len()].clone();
    for r in input.requests.iter().take(16) {
        let member = pick_string(&members, r.member);
        let author = match r.author % 4 {
            0 => None,
            1 => Some(member.clone()),
            2 => Some(pick_string(&members, r.author / 4)),
            _ => Some("ghost".to_string()),
        };
        let query = Query {
            member,
            capability: pick_string(&capabilities, r.capability),
            client: clients[usize::from(r.client) % clients.len()].clone(),
            author,
            date: shifted(r.date),
        };
        compare(&text, &checked.practice, &model, &query);
    }
    if input.sweep % 2 == 0 {
        let date = shifted(input.sweep_date);
        for member in &members {
            for capability in &capabilities {
                for client in &clients {
                    for author in [None, Some(member.clone())] {
                        let query = Query {
                            member: member.clone(),
                            capability: capability.clone(),
                            client: client.clone(),
                            author,
                            date,
                        };
                        compare(&text, &checked.practice, &model, &query);
                    }
                }
            }
        }
    }
});
