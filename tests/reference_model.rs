//! An independent reference model of the access decision (SPEC §3.1–§3.3),
//! compared with `praxis::rules::decide` on random valid practices; and
//! praxis's three paths to an answer compared with each other: the file
//! read and validated, the content-keyed index decoded whole, and the part
//! of the index one `access check` decodes. Their decisions, reasons
//! included, must be identical, and the verdicts of `--batch`
//! (`verdicts::Verdicts`, grants folded into scope bits) must match them.
//!
//! Nothing is shared with `src/rules`: the model below has its own plain
//! structures, its own pattern matcher and its own copy of the built-in role
//! catalog, re-typed from SPEC §3.3. The generator builds a practice in those
//! structures, renders it as `practice.toml` text, and praxis parses that
//! text with `rules::check`; the crate is used only to parse and to decide.
//!
//! ```text
//! cargo test --test reference_model                       # 10,000 cases
//! PRAXIS_MODEL_CASES=10000000 cargo test --release --test reference_model -- --nocapture
//! PRAXIS_MODEL_SEED=12345 cargo test --test reference_model -- --nocapture
//! ```

// A test may panic on a broken fixture.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use chrono::{Days, NaiveDate};
use std::collections::BTreeMap;
use std::time::Instant;

#[path = "reference/model.rs"]
mod reference;
use reference::*;

mod common;
use common::rng::Rng;

fn base_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 15).unwrap()
}

fn shifted(days: i64) -> NaiveDate {
    if days >= 0 {
        base_date().checked_add_days(Days::new(days as u64))
    } else {
        base_date().checked_sub_days(Days::new(days.unsigned_abs()))
    }
    .unwrap()
}

// ---------------------------------------------------------------------------
// Random valid practices.

const CLIENT_PATTERNS: &[&str] = &[
    "*",
    "client.*",
    "clinical.*",
    "billing.*",
    "files.*",
    "schedule.*",
    "client.view",
    "client.edit",
    "client.restrict",
    "clinical.view",
    "clinical.write",
    "clinical.cosign",
    "clinical.delete-signed",
    "notes.admin",
    "billing.claims",
    "rx.prescribe",
    "rx.*",
];
const PRACTICE_PATTERNS: &[&str] = &[
    "*",
    "members.*",
    "billing.*",
    "client.*",
    "client.create",
    "audit.view",
    "hr.view",
    "practice.settings",
    "reports.activity",
    "transport.manage",
    "transport.*",
];
const DENY_PATTERNS: &[&str] = &[
    "*",
    "clinical.*",
    "clinical.view",
    "clinical.write",
    "clinical.cosign",
    "billing.*",
    "client.view",
    "client.create",
    "members.*",
    "hr.view",
    "files.view",
    "rx.prescribe",
    "transport.*",
];
const CLIENT_SCOPES: &[Scope] = &[Scope::All, Scope::Assigned, Scope::Supervisees, Scope::Own];
/// Built-in roles a file may replace here (none has requires or excludes
/// that the replacement would have to repeat, except clinician's exclusion
/// of intern, which intern's own exclusion keeps).
const REPLACEABLE: &[&str] = &["clinician", "supervisor", "scheduler", "biller"];
const ID_STEMS: &[&str] = &["m", "Dr.K", "a_b", "x-y"];

/// Whether a pattern covers a capability that exists.
fn covers_any(model_caps: &[(String, Kind)], pattern: &str, kind: Option<Kind>) -> bool {
    CATALOG
        .iter()
        .map(|(n, k)| (n.to_string(), *k))
        .chain(model_caps.iter().cloned())
        .any(|(name, k)| kind.is_none_or(|kind| kind == k) && pattern_matches(pattern, &name))
}

fn gen_grant(rng: &mut Rng, custom: &[(String, Kind)]) -> Grant {
    if rng.chance(0.65) {
        let on = *rng.pick(CLIENT_SCOPES);
        let can: Vec<String> = rng
            .some(CLIENT_PATTERNS, 3)
            .into_iter()
            .filter(|p| covers_any(custom, p, Some(Kind::Client)))
            .map(String::from)
            .collect();
        let can = if can.is_empty() {
            vec!["clinical.view".to_string()]
        } else {
            can
        };
        Grant {
            can,
            on,
            omit_on: false,
        }
    } else {
        let can: Vec<String> = rng
            .some(PRACTICE_PATTERNS, 2)
            .into_iter()
            .filter(|p| covers_any(custom, p, Some(Kind::Practice)))
            .map(String::from)
            .collect();
        let can = if can.is_empty() {
            vec!["audit.view".to_string()]
        } else {
            can
        };
        Grant {
            can,
            on: Scope::Practice,
            omit_on: rng.chance(0.5),
        }
    }
}

fn gen_practice(rng: &mut Rng) -> Practice {
    let mut practice = Practice::default();
    if rng.chance(0.7) {
        practice
            .capabilities
            .push(("rx.prescribe".into(), Kind::Client));
    }
    if rng.chance(0.7) {
        practice
            .capabilities
            .push(("transport.manage".into(), Kind::Practice));
    }
    let custom = practice.capabilities.clone();
    let mut role_pool: Vec<String> = builtin_roles().into_iter().map(|r| r.id).collect();
    for id in ["r0", "r1"] {
        let grants = (0..rng.below(3)).map(|_| gen_grant(rng, &custom)).collect();
        practice.roles.push(Role {
            id: id.into(),
            grants,
            requires: vec![],
            excludes: vec![],
        });
        role_pool.push(id.into());
    }
    for id in REPLACEABLE {
        if rng.chance(0.15) {
            let mut grants: Vec<Grant> = (0..rng.range(1, 3))
                .map(|_| gen_grant(rng, &custom))
                .collect();
            if *id == "clinician" && rng.chance(0.7) {
                // Usually still a clinical role, so clients have primaries.
                grants.push(g(Scope::Assigned, &["clinical.*"]));
            }
            practice.roles.push(Role {
                id: id.to_string(),
                grants,
                requires: vec![],
                excludes: vec![],
            });
        }
    }
    let mut model = Model::new(practice.clone());

    let count = rng.range(2, 8) as usize;
    for i in 0..count {
        let id = format!("{}{}", rng.pick(ID_STEMS), i);
        let active = rng.chance(0.85);
        let mut roles: Vec<String> = rng.some(&role_pool, 3);
        if rng.chance(0.4) && !roles.iter().any(|r| r == "clinician") {
            roles.push("clinician".into());
        }
        let has = |roles: &Vec<String>, r: &str| roles.iter().any(|x| x == r);
        if has(&roles, "intern") && has(&roles, "clinician") {
            roles.retain(|r| r != "intern");
        }
        if !has(&roles, "clinician") {
            roles.retain(|r| r != "clinical-admin" && r != "biller-assigned");
        }
        let grants = (0..rng.below(2)).map(|_| gen_grant(rng, &custom)).collect();
        let denies: Vec<String> = if rng.chance(0.3) {
            rng.some(DENY_PATTERNS, 2)
                .into_iter()
                .filter(|p| covers_any(&custom, p, None))
                .map(String::from)
                .collect()
        } else {
            vec![]
        };
        let mut member = Member {
            id,
            active,
            roles,
            grants,
            denies,
            supervisors: vec![],
            npi: false,
            intern: false,
        };
        // Supervisors come from earlier members (no cycle), active, able
        // to co-sign; an intern needs one with an NPI and a clinical role.
        let candidates: Vec<String> = model
            .practice
            .members
            .iter()
            .filter(|m| m.active && model.can_cosign(m))
            .map(|m| m.id.clone())
            .collect();
        member.supervisors = if rng.chance(0.6) {
            rng.some(&candidates, 2)
        } else {
            vec![]
        };
        if member.roles.iter().any(|r| r == "intern") {
            let billing: Vec<String> = model
                .practice
                .members
                .iter()
                .filter(|m| m.active && m.npi && model.can_cosign(m) && model.has_clinical_role(m))
                .map(|m| m.id.clone())
                .collect();
            if billing.is_empty() {
                member.roles.retain(|r| r != "intern");
            } else {
                let s = rng.pick(&billing).clone();
                if !member.supervisors.contains(&s) {
                    member.supervisors.push(s);
                }
                member.intern = true;
            }
        }
        member.npi = !member.intern && model.has_clinical_role(&member) && rng.chance(0.6);
        model.practice.members.push(member);
    }
    let active: Vec<String> = model
        .practice
        .members
        .iter()
        .filter(|m| m.active)
        .map(|m| m.id.clone())
        .collect();
    let clinical: Vec<String> = model
        .practice
        .members
        .iter()
        .filter(|m| m.active && model.has_clinical_role(m))
        .map(|m| m.id.clone())
        .collect();
    if !active.is_empty() && rng.chance(0.7) {
        model.practice.owner = Some(rng.pick(&active).clone());
    }
    if !clinical.is_empty() {
        for i in 0..rng.range(1, 6) {
            let primary = rng.pick(&clinical).clone();
            let clinicians: Vec<String> = rng
                .some(&active, 2)
                .into_iter()
                .filter(|m| *m != primary)
                .collect();
            let restricted = rng.chance(0.45);
            let administrative = if restricted {
                rng.some(&active, 2)
            } else {
                vec![]
            };
            let mut temporary: Vec<Temporary> = Vec::new();
            // Sometimes two entries for one member: any unexpired one holds.
            for _ in 0..rng.below(3) {
                let member = rng.pick(&active).clone();
                if member != primary
                    && !clinicians.contains(&member)
                    && (rng.chance(0.3) || !temporary.iter().any(|t| t.member == member))
                {
                    temporary.push(Temporary {
                        member,
                        until: shifted(rng.range(-5, 8)),
                        reason: (*rng.pick(&["Coverage", "Emergency access", "Leave"])).into(),
                    });
                }
            }
            let id = format!("{}{}", rng.pick(&["C-", "c", "CL."]), 1000 + i);
            model.practice.clients.push(Client {
                id,
                primary,
                clinicians,
                restricted,
                administrative,
                temporary,
                table: rng.chance(0.3),
            });
        }
    }
    model.practice
}

fn gen_query(rng: &mut Rng, model: &Model) -> Query {
    let p = &model.practice;
    let mut capabilities: Vec<(String, Kind)> =
        CATALOG.iter().map(|(n, k)| (n.to_string(), *k)).collect();
    capabilities.extend(p.capabilities.iter().cloned());
    let (capability, kind) = match rng.below(100) {
        0 => ("clinical.*".to_string(), Some(Kind::Client)),
        1 => ("*".to_string(), None),
        2 => ("clinical.read".to_string(), None),
        3 => ("rx.prescribe".to_string(), Some(Kind::Client)),
        4 => ("Clinical.View".to_string(), Some(Kind::Client)),
        _ => {
            let (n, k) = rng.pick(&capabilities).clone();
            (n, Some(k))
        }
    };
    let some_client = |rng: &mut Rng| -> Option<&Client> {
        if p.clients.is_empty() || rng.chance(0.03) {
            None
        } else {
            Some(rng.pick(&p.clients))
        }
    };
    let (client, client_id) = match kind {
        Some(Kind::Client) if rng.chance(0.97) => match some_client(rng) {
            Some(c) => (Some(c), Some(c.id.clone())),
            None => (None, Some("C-9999".to_string())),
        },
        Some(Kind::Practice) if rng.chance(0.95) => (None, None),
        _ => match some_client(rng) {
            Some(c) if rng.chance(0.5) => (Some(c), Some(c.id.clone())),
            _ => (None, None),
        },
    };
    // Half the time, someone with a relation to the client: on its chart,
    // on its administrative list, supervising someone on it, or the owner.
    let mut related: Vec<String> = Vec::new();
    if let Some(c) = client {
        related.push(c.primary.clone());
        related.extend(c.clinicians.iter().cloned());
        related.extend(c.temporary.iter().map(|t| t.member.clone()));
        related.extend(c.administrative.iter().cloned());
        for m in &p.members {
            if m.supervisors.iter().any(|s| related.contains(s)) || related.contains(&m.id) {
                related.extend(m.supervisors.iter().cloned());
            }
        }
        related.extend(p.owner.iter().cloned());
    }
    let member = match rng.below(60) {
        0 => "nobody".to_string(),
        1 => rng.pick(&p.members).id.to_uppercase(),
        _ if !related.is_empty() && rng.chance(0.5) => rng.pick(&related).clone(),
        _ => rng.pick(&p.members).id.clone(),
    };
    let author = if kind == Some(Kind::Client) || rng.chance(0.05) {
        match rng.below(40) {
            0..=21 => None,
            22..=33 => Some(member.clone()),
            34..=38 => Some(rng.pick(&p.members).id.clone()),
            _ => Some("ghost".to_string()),
        }
    } else {
        None
    };
    // Dates around the temporary entries' ends.
    let date = match client.and_then(|c| (!c.temporary.is_empty()).then_some(c)) {
        Some(c) if rng.chance(0.5) => {
            let until = rng.pick(&c.temporary).until;
            until
                .checked_add_days(Days::new(rng.below(2) as u64))
                .unwrap()
        }
        _ => shifted(rng.range(-8, 10)),
    };
    Query {
        member,
        capability,
        client: client_id,
        author,
        date,
    }
}

// ---------------------------------------------------------------------------
// The comparison.

fn env_u64(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(value) => value
            .replace('_', "")
            .parse()
            .unwrap_or_else(|_| panic!("{name}={value} is not a number")),
        Err(_) => default,
    }
}

#[test]
fn praxis_decides_like_the_reference_model() {
    let cases = env_u64("PRAXIS_MODEL_CASES", 10_000);
    let seed = env_u64("PRAXIS_MODEL_SEED", 20_261_130);
    let per_practice = env_u64("PRAXIS_MODEL_QUERIES_PER_PRACTICE", 40).max(1);
    println!(
        "reference model: seed {seed} (PRAXIS_MODEL_SEED), {cases} cases, {per_practice} per practice"
    );
    let started = Instant::now();
    let mut rng = Rng::new(seed);
    let (mut done, mut practices, mut invalid) = (0u64, 0u64, 0u64);
    let mut outcomes: BTreeMap<&str, u64> = BTreeMap::new();
    let mut routes: BTreeMap<Why, u64> = BTreeMap::new();
    let mut invalid_examples: Vec<String> = Vec::new();
    let mut disagreements: Vec<String> = Vec::new();
    let mut index_disagreements: Vec<String> = Vec::new();
    while done < cases {
        let practice = gen_practice(&mut rng);
        let text = render(&practice);
        practices += 1;
        let checked = praxis::rules::check(&text, base_date());
        if checked.findings.has_errors() {
            invalid += 1;
            if invalid_examples.len() < 3 {
                invalid_examples.push(format!("{text}\n{:#?}", checked.findings.0));
            }
            continue;
        }
        let model = Model::new(practice);
        let kept_payload = praxis::rules::kept::encode(&checked).expect("a valid file is kept");
        let kept_view = praxis::rules::kept::View::parse(&kept_payload).expect("its frame reads");
        let verdicts = praxis::rules::verdicts::Verdicts::new(&checked.practice);
        for _ in 0..per_practice.min(cases - done) {
            let query = gen_query(&mut rng, &model);
            let why = model.decide(&query, query.date);
            let expected = outcome(why);
            let request = praxis::rules::Request {
                member: &query.member,
                capability: &query.capability,
                client: query.client.as_deref(),
                author: query.author.as_deref(),
            };
            let full = praxis::rules::decide(&checked.practice, &request, query.date);
            // The index's paths must answer exactly as the file does: the
            // whole kept practice, and the part one question reads (with
            // the whole practice answering its errors, as `access check`).
            let kept = kept_view.checked(query.date).expect("the index decodes");
            let from_index = praxis::rules::decide(&kept.practice, &request, query.date);
            let names = praxis::rules::kept::Names {
                member: request.member,
                client: request.client,
                author: request.author,
            };
            let from_part = kept_view
                .practice_for(names)
                .and_then(|part| praxis::rules::decide(&part, &request, query.date).ok())
                .map_or_else(|| full.clone(), Ok);
            let verdict = verdicts.allows(&request, query.date);
            if verdict != full.as_ref().map(|d| d.allowed).map_err(Clone::clone) {
                index_disagreements.push(format!(
                    "request: {}\nfile: {full:?}\nverdict: {verdict:?}\n{text}",
                    show(&query)
                ));
            }
            if from_index != full || from_part != full {
                index_disagreements.push(format!(
                    "request: {}\nfile: {full:?}\nindex: {from_index:?}\npart: {from_part:?}\n{text}",
                    show(&query)
                ));
            }
            let actual = match full {
                Ok(d) if d.allowed => Outcome::Allow,
                Ok(_) => Outcome::Deny,
                Err(_) => Outcome::Error,
            };
            done += 1;
            *routes.entry(why).or_default() += 1;
            *outcomes
                .entry(match actual {
                    Outcome::Allow => "allow",
                    Outcome::Deny => "deny",
                    Outcome::Error => "error",
                })
                .or_default() += 1;
            if actual != expected && disagreements.len() < 5 {
                disagreements.push(format!(
                    "case {done} (replay: PRAXIS_MODEL_SEED={seed} PRAXIS_MODEL_CASES={done} \
                     PRAXIS_MODEL_QUERIES_PER_PRACTICE={per_practice})\n\
                     request: {}\nmodel: {expected:?} ({why:?}), praxis: {actual:?}\n\
                     --- practice.toml ---\n{text}---",
                    show(&query)
                ));
            } else if actual != expected {
                disagreements.push(String::new());
            }
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "reference model: {done} cases on {practices} generated practices ({invalid} invalid, skipped) in {seconds:.1} s"
    );
    println!("reference model: outcomes {outcomes:?}");
    println!("reference model: model routes {routes:?}");
    println!("reference model: {} disagreements", disagreements.len());
    for d in disagreements.iter().filter(|d| !d.is_empty()) {
        println!("DISAGREEMENT {d}");
    }
    assert!(
        invalid * 5 <= practices,
        "{invalid} of {practices} generated practices were invalid (more than 20%): the generator no \
         longer builds valid practices. Examples:\n{}",
        invalid_examples.join("\n\n")
    );
    assert!(
        index_disagreements.is_empty(),
        "{} answers from the index differ from the file's; the first:\n{}",
        index_disagreements.len(),
        index_disagreements[0]
    );
    assert!(
        disagreements.is_empty(),
        "{} disagreements between praxis and the reference model (first ones printed above)",
        disagreements.len()
    );
    // The run must have exercised every rule, or it proves little.
    for why in [
        Why::Error,
        Why::Inactive,
        Why::Owner,
        Why::Denied,
        Why::PracticeGrant,
        Why::AllUnrestricted,
        Why::AllAdministrative,
        Why::Assigned,
        Why::AssignedTemporary,
        Why::Supervisees,
        Why::Own,
        Why::Default,
    ] {
        assert!(
            routes.get(&why).copied().unwrap_or(0) > 0,
            "no case decided by {why:?}: the generator misses a rule"
        );
    }
    let allows = outcomes.get("allow").copied().unwrap_or(0);
    let denies = outcomes.get("deny").copied().unwrap_or(0);
    assert!(
        allows * 10 >= done && denies * 10 >= done,
        "allows and denies must both be common"
    );
}

/// The model itself on a few hand-checked cases from SPEC §3, so a model
/// that drifted into agreeing with a wrong praxis would be caught here.
#[test]
fn the_model_follows_the_spec_on_hand_checked_cases() {
    let date = base_date();
    let member = |id: &str, roles: &[&str]| Member {
        id: id.into(),
        active: true,
        roles: roles.iter().map(|s| s.to_string()).collect(),
        grants: vec![],
        denies: vec![],
        supervisors: vec![],
        npi: false,
        intern: false,
    };
    let mut erin = member("erin", &["clinician"]);
    erin.supervisors = vec!["sam".into()];
    let mut dora = member("dora", &["biller"]);
    dora.denies = vec!["billing.*".into()];
    let mut ivan = member("ivan", &["administrator"]);
    ivan.active = false;
    let practice = Practice {
        owner: Some("alice".into()),
        capabilities: vec![],
        roles: vec![],
        members: vec![
            member("alice", &[]),
            member("bob", &["clinician"]),
            member("carol", &["biller"]),
            member("sam", &["supervisor"]),
            erin,
            dora,
            ivan,
        ],
        clients: vec![
            Client {
                id: "C1".into(),
                primary: "bob".into(),
                clinicians: vec![],
                restricted: false,
                administrative: vec![],
                temporary: vec![Temporary {
                    member: "erin".into(),
                    until: date,
                    reason: "cover".into(),
                }],
                table: false,
            },
            Client {
                id: "C2".into(),
                primary: "bob".into(),
                clinicians: vec![],
                restricted: true,
                administrative: vec![],
                temporary: vec![],
                table: false,
            },
        ],
    };
    let model = Model::new(practice);
    let ask = |m: &str, c: &str, client: Option<&str>, author: Option<&str>, at: NaiveDate| {
        outcome(model.decide(
            &Query {
                member: m.into(),
                capability: c.into(),
                client: client.map(String::from),
                author: author.map(String::from),
                date: at,
            },
            at,
        ))
    };
    let next_day = shifted(1);
    use Outcome::*;
    assert_eq!(
        ask("alice", "clinical.delete-signed", Some("C2"), None, date),
        Allow
    );
    assert_eq!(ask("bob", "clinical.view", Some("C1"), None, date), Allow);
    assert_eq!(ask("carol", "clinical.view", Some("C1"), None, date), Deny);
    assert_eq!(
        ask("carol", "billing.claims", Some("C1"), None, date),
        Allow
    );
    assert_eq!(ask("carol", "billing.claims", Some("C2"), None, date), Deny);
    assert_eq!(ask("carol", "billing.reports", None, None, date), Allow);
    assert_eq!(ask("dora", "billing.view", Some("C1"), None, date), Deny);
    assert_eq!(ask("erin", "clinical.view", Some("C1"), None, date), Allow);
    assert_eq!(
        ask("erin", "clinical.view", Some("C1"), None, next_day),
        Deny
    );
    assert_eq!(ask("sam", "clinical.cosign", Some("C1"), None, date), Allow);
    assert_eq!(
        ask("sam", "clinical.cosign", Some("C1"), None, next_day),
        Deny
    );
    assert_eq!(ask("sam", "clinical.cosign", Some("C2"), None, date), Deny);
    assert_eq!(ask("ivan", "members.manage", None, None, date), Deny);
    assert_eq!(ask("bob", "clinical.*", Some("C1"), None, date), Error);
    assert_eq!(ask("bob", "members.view", Some("C1"), None, date), Error);
    assert_eq!(ask("bob", "clinical.view", None, None, date), Error);
    assert_eq!(ask("bob", "members.view", None, Some("bob"), date), Error);
    assert_eq!(
        ask("bob", "clinical.view", Some("C1"), Some("zed"), date),
        Error
    );
    assert_eq!(ask("Bob", "clinical.view", Some("C1"), None, date), Error);
    assert!(pattern_matches("clinical.*", "clinical.view"));
    assert!(!pattern_matches("clinical.*", "clinicalx.view"));
    assert!(!pattern_matches("client.*", "clinical.view"));
}
