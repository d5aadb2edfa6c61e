#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot set up should panic"
)]

//! SPEC §8 "Commands and `diff --as` agree", as a property.
//!
//! Practices are generated from the bundled examples and the riverbend
//! fixture, seasoned with extra grants and denies for random members,
//! restricted clients and temporary entries (kept only while the file stays
//! valid). Then:
//!
//! - **Commands.** Random sequences of every mutation command, by random
//!   actors, through the library the way `praxis` applies them (resolve the
//!   actor, change the document, tidy, validate as a whole). Every change
//!   that goes through yields a NEW that `authorize::unauthorized(OLD, NEW,
//!   actor)` accepts; every refusal leaves the text byte-identical. For a
//!   sample, `praxis diff OLD NEW --as ACTOR` through the binary exits 0.
//! - **Hand edits.** Edits a pull request could make (self-extension of a
//!   temporary entry, making it permanent, a second own entry, rewriting
//!   one's own reason, making oneself primary, new clients carrying
//!   temporary or restricted entries, re-cased ids, ownership, member
//!   fields, one's own administrative access, role definitions, …) by random
//!   actors. `unauthorized` is non-empty exactly when no command could make
//!   that edit for that actor, decided by the rules written out here
//!   (`could`), independently of `src/rules/authorize.rs`.
//!
//! Sizes: `PRAXIS_AGREEMENT_CASES=N` sets the number of cases of each
//! property (a quick size by default); run the long size in release:
//! `PRAXIS_AGREEMENT_CASES=15000 cargo test --release --test agreement`
//! (about 120,000 command steps; see the README, "In CI and pull requests").

mod common;

use chrono::NaiveDate;
use praxis::changes::{
    self, Actor, ChangeError, MemberEdit, NewMember, Outcome, TemporaryGrant, edit,
};
use praxis::model::{Practice, Scope};
use praxis::rules::permission::MemberField;
use praxis::rules::{self, authorize, decide, pattern};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use std::cell::RefCell;
use toml_edit::{Array, DocumentMut, InlineTable, Item, TableLike, Value};

const BASES: &[(&str, &str)] = &[
    ("riverbend", include_str!("fixtures/riverbend.toml")),
    (
        "therapynotes",
        include_str!("../examples/therapynotes/practice.toml"),
    ),
    (
        "sessions-health",
        include_str!("../examples/sessions-health/practice.toml"),
    ),
    (
        "simplepractice",
        include_str!("../examples/simplepractice/practice.toml"),
    ),
    (
        "community-ehr",
        include_str!("../examples/community-ehr/practice.toml"),
    ),
];

/// Changes are judged as of today (SPEC §8), so the library uses today too:
/// the binary's `diff` then decides on the same date.
fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Cases per property: `PRAXIS_AGREEMENT_CASES`, else `quick`.
fn cases(quick: u32) -> u32 {
    std::env::var("PRAXIS_AGREEMENT_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(quick)
}

fn config(cases: u32) -> Config {
    Config {
        cases,
        max_shrink_iters: 4000,
        failure_persistence: None,
        ..Config::default()
    }
}

// ------------------------------------------------------- generated practices

/// Grants handed to random members: every capability a change can need,
/// on each scope that matters.
const GRANTS: &[&str] = &[
    r#"{ can = ["members.manage"], on = "practice" }"#,
    r#"{ can = ["members.credentials"], on = "practice" }"#,
    r#"{ can = ["practice.settings"], on = "practice" }"#,
    r#"{ can = ["client.create"], on = "practice" }"#,
    r#"{ can = ["client.assign"], on = "all" }"#,
    r#"{ can = ["client.assign"], on = "assigned" }"#,
    r#"{ can = ["client.access"], on = "all" }"#,
    r#"{ can = ["client.access"], on = "assigned" }"#,
    r#"{ can = ["client.restrict"], on = "all" }"#,
    r#"{ can = ["client.restrict"], on = "assigned" }"#,
    r#"{ can = ["client.delete"], on = "all" }"#,
    r#"{ can = ["client.access", "client.assign"], on = "supervisees" }"#,
    r#"{ can = ["client.*"], on = "all" }"#,
];

const DENIES: &[&str] = &[
    "client.access",
    "client.assign",
    "client.restrict",
    "members.credentials",
    "client.*",
];

#[derive(Clone, Debug)]
enum Season {
    Grant(Index, usize),
    Deny(Index, usize),
    Restrict(Index, Index),
    Temporary(Index, Index, bool),
    /// A new member holding one grant and nothing else.
    Solo(usize),
}

fn season() -> impl Strategy<Value = Season> {
    prop_oneof![
        4 => (any::<Index>(), 0..GRANTS.len()).prop_map(|(m, g)| Season::Grant(m, g)),
        1 => (any::<Index>(), 0..DENIES.len()).prop_map(|(m, d)| Season::Deny(m, d)),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(c, m)| Season::Restrict(c, m)),
        3 => (any::<Index>(), any::<Index>(), any::<bool>())
            .prop_map(|(c, m, far)| Season::Temporary(c, m, far)),
        4 => (0..GRANTS.len()).prop_map(Season::Solo),
    ]
}

fn checked(text: &str) -> Option<Practice> {
    let checked = rules::check(text, today());
    (!checked.findings.has_errors()).then_some(checked.practice)
}

fn push_value(table: &mut dyn TableLike, key: &str, value: Value) {
    match table.get_mut(key) {
        Some(Item::Value(Value::Array(array))) => array.push(value),
        _ => {
            let mut array = Array::new();
            array.push(value);
            table.insert(key, Item::Value(Value::Array(array)));
        }
    }
}

/// One seasoning on a valid practice; None when it would not stay valid.
fn apply_season(text: &str, practice: &Practice, season: &Season) -> Option<String> {
    if let Season::Solo(g) = season {
        let n = practice
            .members
            .iter()
            .filter(|m| m.id.value.starts_with("solo"))
            .count();
        let text = format!(
            "{text}\n[members.solo{n}]\nname = \"Solo {n}\"\ngrants = [{}]\n",
            GRANTS[*g]
        );
        return checked(&text).map(|_| text);
    }
    let mut doc: DocumentMut = text.parse().ok()?;
    let member = |i: &Index| {
        practice.members[i.index(practice.members.len())]
            .id
            .value
            .clone()
    };
    let client = |i: &Index| {
        practice.clients[i.index(practice.clients.len())]
            .id
            .value
            .clone()
    };
    match season {
        Season::Grant(m, g) => {
            let value: Value = GRANTS[*g].parse().ok()?;
            push_value(edit::member(&mut doc, &member(m))?, "grants", value);
        }
        Season::Deny(m, d) => {
            let id = member(m);
            edit::push(edit::member(&mut doc, &id)?, "denies", DENIES[*d]);
        }
        Season::Restrict(c, m) => {
            let entry = edit::client(&mut doc, &client(c))?;
            edit::set(entry, "restricted", Value::from(true));
            edit::push(entry, "administrative", &member(m));
        }
        Season::Temporary(c, m, far) => {
            let until = if *far {
                NaiveDate::from_ymd_opt(2099, 12, 31)?
            } else {
                today() + chrono::Days::new(60)
            };
            let id = member(m);
            edit::push_temporary(edit::client(&mut doc, &client(c))?, &id, until, "Covering");
        }
        Season::Solo(_) => return None,
    }
    let text = doc.to_string();
    checked(&text).map(|_| text)
}

/// A base and its seasoning, as the text of a valid practice.
fn practice() -> impl Strategy<Value = String> {
    (0..BASES.len(), proptest::collection::vec(season(), 0..8)).prop_map(|(base, seasons)| {
        let mut text = BASES[base].1.to_string();
        for season in &seasons {
            let practice = checked(&text).expect("the state is valid");
            if let Some(next) = apply_season(&text, &practice, season) {
                text = next;
            }
        }
        text
    })
}

// ---------------------------------------------------- the permission rules
//
// What a change needs, written out from SPEC §4, §7 and §8 independently of
// `authorize.rs`; `decide` (SPEC §3.2) is the only shared piece.

fn allowed(p: &Practice, member: &str, capability: &str, client: Option<&str>) -> bool {
    decide::decide(
        p,
        &decide::Request {
            member,
            capability,
            client,
            author: None,
        },
        today(),
    )
    .is_ok_and(|d| d.allowed)
}

/// The member's grants on `all` that cover the capability, no deny
/// matching it: the route that does not pass through a care relation.
fn all_scope(p: &Practice, member: &str, capability: &str) -> bool {
    let Some(m) = p.member(member) else {
        return false;
    };
    m.active
        && !m
            .denies
            .iter()
            .any(|d| pattern::matches(&d.value, capability))
        && decide::grants_of(p, m).any(|(_, g)| {
            g.scope() == Scope::All && g.can.iter().any(|c| pattern::matches(&c.value, capability))
        })
}

/// SPEC §8 "No self-grants": the capability on the client by a route
/// other than the member's own care relation to it — the owner, or an
/// all-scope grant that holds there (an unrestricted client, or a
/// restricted one whose administrative list names the member).
fn independently(p: &Practice, member: &str, capability: &str, client: &str) -> bool {
    let active = p.member(member).is_some_and(|m| m.active);
    if !active {
        return false;
    }
    if p.is_owner(member) {
        return true;
    }
    let Some(c) = p.client(client) else {
        return false;
    };
    all_scope(p, member, capability) && (!c.restricted || c.in_administrative(member))
}

/// SPEC §8 "A new client": the capability on every client there could be.
fn on_all_clients(p: &Practice, member: &str, capability: &str) -> bool {
    p.member(member).is_some_and(|m| m.active)
        && (p.is_owner(member) || all_scope(p, member, capability))
}

/// `member` gains access through a change made by `actor`: a self-grant
/// when they are the same.
fn may_give(p: &Practice, actor: &str, member: &str, capability: &str, client: &str) -> bool {
    if actor == member {
        independently(p, actor, capability, client)
    } else {
        allowed(p, actor, capability, Some(client))
    }
}

// ------------------------------------------------------------- choosing

/// Who an argument names, resolved against the practice of the moment.
#[derive(Clone, Debug)]
enum Who {
    /// The acting member themselves.
    Actor,
    Any(Index),
    /// Someone on the step's client's care team.
    OnChart(Index),
    /// A member with grants of their own (the seasoned ones).
    Powerful(Index),
    /// Someone allowed a capability (on the step's client).
    Holds(usize, Index),
    /// An id the practice may not have.
    New(usize),
}

/// What `Who::Holds` looks for.
const HOLDS: &[&str] = &[
    "client.access",
    "client.assign",
    "client.restrict",
    "client.delete",
    "client.create",
    "members.manage",
    "members.credentials",
    "practice.settings",
];

const NEW_IDS: &[&str] = &["nu0", "nu1", "zed"];

fn who() -> impl Strategy<Value = Who> {
    prop_oneof![
        3 => Just(Who::Actor),
        5 => any::<Index>().prop_map(Who::Any),
        6 => any::<Index>().prop_map(Who::OnChart),
        1 => any::<Index>().prop_map(Who::Powerful),
        1 => (0..NEW_IDS.len()).prop_map(Who::New),
    ]
}

/// The actor: the owner sometimes, so that changes get through, and often
/// someone holding one of the capabilities changes need.
fn actor_who() -> impl Strategy<Value = Who> {
    prop_oneof![
        2 => Just(Who::Actor),
        3 => any::<Index>().prop_map(Who::Any),
        4 => any::<Index>().prop_map(Who::OnChart),
        2 => any::<Index>().prop_map(Who::Powerful),
        10 => (0..HOLDS.len(), any::<Index>()).prop_map(|(c, i)| Who::Holds(c, i)),
    ]
}

#[derive(Clone, Debug)]
enum Which {
    Existing(Index),
    /// A client with clinicians, temporary or administrative entries.
    Busy(Index),
    /// An existing id in another letter case.
    Recased(Index),
    New(usize),
}

const NEW_CLIENTS: &[&str] = &["C-9000", "C-9001", "C-9999"];

fn which() -> impl Strategy<Value = Which> {
    prop_oneof![
        9 => any::<Index>().prop_map(Which::Existing),
        6 => any::<Index>().prop_map(Which::Busy),
        1 => any::<Index>().prop_map(Which::Recased),
        2 => (0..NEW_CLIENTS.len()).prop_map(Which::New),
    ]
}

fn swap_case(id: &str) -> String {
    if id.chars().any(|c| c.is_ascii_uppercase()) {
        id.to_ascii_lowercase()
    } else {
        id.to_ascii_uppercase()
    }
}

struct Scene<'p> {
    p: &'p Practice,
    client: String,
    /// The capabilities the change at hand may need: `Who::Holds` picks
    /// someone holding one of them.
    needs: &'static [&'static str],
}

impl Scene<'_> {
    fn new<'p>(p: &'p Practice, which: &Which, needs: &'static [&'static str]) -> Scene<'p> {
        let pick = |i: &Index| p.clients[i.index(p.clients.len())].id.value.clone();
        let client = match which {
            Which::Existing(i) => pick(i),
            Which::Busy(i) => {
                let busy: Vec<&str> = p
                    .clients
                    .iter()
                    .filter(|c| {
                        !c.clinicians.is_empty()
                            || !c.temporary.is_empty()
                            || !c.administrative.is_empty()
                    })
                    .map(|c| c.id.value.as_str())
                    .collect();
                if busy.is_empty() {
                    pick(i)
                } else {
                    busy[i.index(busy.len())].to_string()
                }
            }
            Which::Recased(i) => swap_case(&pick(i)),
            Which::New(n) => NEW_CLIENTS[*n].to_string(),
        };
        Scene { p, client, needs }
    }

    fn member(&self, who: &Who, actor: &str) -> String {
        let p = self.p;
        let any = |i: &Index| p.members[i.index(p.members.len())].id.value.clone();
        match who {
            Who::Actor if !actor.is_empty() => actor.to_string(),
            Who::Actor => p.owner_id().unwrap_or("zed").to_string(),
            Who::Any(i) => any(i),
            Who::OnChart(i) => {
                let team: Vec<&str> = p
                    .client(&self.client)
                    .map(|c| {
                        c.care_team(today())
                            .filter(|m| !c.is_primary(m))
                            .chain(c.administrative.iter().map(|a| a.value.as_str()))
                            .chain(c.temporary.iter().map(|t| t.member.value.as_str()))
                            .collect()
                    })
                    .unwrap_or_default();
                if team.is_empty() {
                    any(i)
                } else {
                    team[i.index(team.len())].to_string()
                }
            }
            Who::Powerful(i) => {
                let strong: Vec<&str> = p
                    .members
                    .iter()
                    .filter(|m| !m.grants.is_empty())
                    .map(|m| m.id.value.as_str())
                    .collect();
                if strong.is_empty() {
                    any(i)
                } else {
                    strong[i.index(strong.len())].to_string()
                }
            }
            Who::Holds(capability, i) => {
                let capability = if self.needs.is_empty() {
                    HOLDS[*capability]
                } else {
                    self.needs[*capability % self.needs.len()]
                };
                let practice_wide = p
                    .capability(capability)
                    .is_some_and(|c| c.kind == praxis::model::Kind::Practice);
                let client = p.client(&self.client).map(|c| c.id.value.as_str());
                let able: Vec<&str> = p
                    .members
                    .iter()
                    .map(|m| m.id.value.as_str())
                    .filter(|m| match (practice_wide, client) {
                        (true, _) => allowed(p, m, capability, None),
                        (false, Some(c)) => allowed(p, m, capability, Some(c)),
                        (false, None) => all_scope(p, m, capability),
                    })
                    .collect();
                if able.is_empty() {
                    any(i)
                } else {
                    able[i.index(able.len())].to_string()
                }
            }
            Who::New(n) => NEW_IDS[*n].to_string(),
        }
    }
}

// -------------------------------------------------------------- commands

/// A command of SPEC §4, with its arguments resolved.
#[derive(Clone, Debug)]
enum Command {
    MemberAdd(NewMember),
    MemberEdit(String, MemberEdit),
    MemberRemove(String, Option<String>, Option<String>),
    RoleGrant(String, Vec<String>, Vec<String>),
    RoleRevoke(String, Vec<String>),
    SupervisionAdd(String, String, Vec<String>),
    SupervisionRemove(String, String),
    ClientAdd(String, String, Vec<String>),
    ClientAssign(String, String, bool),
    ClientGrant(String, String, Option<(NaiveDate, String)>),
    ClientGrantAdministrative(String, String),
    ClientRevoke(String, String, bool),
    ClientRestrict(String, bool),
    ClientRemove(String),
}

impl Command {
    fn apply(&self, actor: &Actor<'_>, doc: &mut DocumentMut) -> Result<Outcome, ChangeError> {
        match self {
            Command::MemberAdd(new) => changes::member_add(actor, doc, new),
            Command::MemberEdit(id, change) => changes::member_edit(actor, doc, id, change),
            Command::MemberRemove(id, clients, supervisees) => {
                changes::member_remove(actor, doc, id, clients.as_deref(), supervisees.as_deref())
            }
            Command::RoleGrant(id, roles, replace) => {
                changes::role_grant(actor, doc, id, roles, replace)
            }
            Command::RoleRevoke(id, roles) => changes::role_revoke(actor, doc, id, roles),
            Command::SupervisionAdd(supervisee, by, cosign) => {
                changes::supervision_add(actor, doc, supervisee, by, cosign)
            }
            Command::SupervisionRemove(supervisee, by) => {
                changes::supervision_remove(actor, doc, supervisee, by)
            }
            Command::ClientAdd(id, primary, clinicians) => {
                changes::client_add(actor, doc, id, primary, clinicians)
            }
            Command::ClientAssign(id, primary, keep) => {
                changes::client_assign(actor, doc, id, primary, *keep)
            }
            Command::ClientGrant(id, member, temporary) => {
                let temporary = temporary.as_ref().map(|(until, reason)| TemporaryGrant {
                    until: *until,
                    reason: reason.clone(),
                });
                changes::client_grant(actor, doc, id, member, temporary.as_ref())
            }
            Command::ClientGrantAdministrative(id, member) => {
                changes::client_grant_administrative(actor, doc, id, member)
            }
            Command::ClientRevoke(id, member, administrative) => changes::client_revoke(
                actor,
                doc,
                id,
                member,
                changes::RevokeFrom::with_administrative(*administrative),
            ),
            Command::ClientRestrict(id, off) => {
                changes::client_restrict(actor, doc, id, restriction(*off))
            }
            Command::ClientRemove(id) => changes::client_remove(actor, doc, id),
        }
    }
}

/// A command before its arguments meet a practice.
#[derive(Clone, Debug)]
struct Step {
    actor: Who,
    kind: u8,
    client: Which,
    a: Who,
    b: Who,
    c: Who,
    flags: (bool, bool, bool),
    choice: Index,
}

const COMMAND_KINDS: u8 = 14;

fn step() -> impl Strategy<Value = Step> {
    (
        actor_who(),
        0..COMMAND_KINDS,
        which(),
        (who(), who(), who()),
        any::<(bool, bool, bool)>(),
        any::<Index>(),
    )
        .prop_map(|(actor, kind, client, (a, b, c), flags, choice)| Step {
            actor,
            kind,
            client,
            a,
            b,
            c,
            flags,
            choice,
        })
}

const NPIS: &[&str] = &["1245319599", "1131860912", "1390996035", "12345"];
const TAXONOMIES: &[&str] = &["101YM0800X", "106H00000X"];

fn pick<T: Clone>(list: &[T], i: &Index) -> T {
    list[i.index(list.len())].clone()
}

/// The acting member and the command of a step on this practice.
fn resolve(p: &Practice, step: &Step) -> (String, Command) {
    let needs: &'static [&'static str] = match step.kind {
        0 | 2..=4 => &["members.manage"],
        1 | 5 | 6 => &["members.manage", "members.credentials"],
        7 => &["client.create"],
        8 => &["client.assign", "client.access"],
        9 => &["client.access"],
        10 | 12 => &["client.restrict"],
        11 => &["client.access", "client.restrict"],
        _ => &["client.delete"],
    };
    let scene = Scene::new(p, &step.client, needs);
    let actor = scene.member(&step.actor, "");
    let a = scene.member(&step.a, &actor);
    let b = scene.member(&step.b, &actor);
    let c = scene.member(&step.c, &actor);
    let id = scene.client.clone();
    let (f1, f2, f3) = step.flags;
    let roles: Vec<String> = p.roles().iter().map(|r| r.id.value.clone()).collect();
    let held = |m: &str| -> Vec<String> {
        p.member(m)
            .map(|m| m.roles.iter().map(|r| r.value.clone()).collect())
            .unwrap_or_default()
    };
    let role_of = |m: &str| {
        let held = held(m);
        if held.is_empty() || f3 {
            pick(&roles, &step.choice)
        } else {
            pick(&held, &step.choice)
        }
    };
    let command = match step.kind {
        0 => {
            let new_id = match &step.a {
                Who::New(n) => NEW_IDS[*n].to_string(),
                _ if f3 => swap_case(&a),
                _ => format!("nu{}", step.choice.index(3)),
            };
            Command::MemberAdd(NewMember {
                id: new_id,
                name: "New Member".into(),
                roles: if f1 {
                    vec![pick(&roles, &step.choice)]
                } else {
                    Vec::new()
                },
                supervisors: if f2 { vec![b] } else { Vec::new() },
                npi: f3.then(|| NPIS[0].to_string()),
                ..NewMember::default()
            })
        }
        1 => {
            let mut change = MemberEdit::default();
            match step.choice.index(12) {
                0 => change.name = Some("Renamed Member".into()),
                1 => change.legal_name = Some("Legal Name, LPC".into()),
                2 => change.email = Some(format!("{a}@new.example")),
                3 => change.github = Some(format!("{a}-gh")),
                4 => change.npi = Some(pick(NPIS, &step.choice).to_string()),
                5 => change.taxonomy = Some(pick(TAXONOMIES, &step.choice).to_string()),
                6 => change.cosign = Some(vec!["progress-notes".into()]),
                7 => change.bill_as_supervisor = Some(f1),
                8 => change.active = Some(f1),
                9 => change.clear = vec![MemberField::BillAsSupervisor],
                10 => change.clear = vec![MemberField::Npi],
                _ => {
                    change.name = Some("Renamed Member".into());
                    change.taxonomy = Some(pick(TAXONOMIES, &step.choice).to_string());
                }
            }
            Command::MemberEdit(a, change)
        }
        2 => Command::MemberRemove(a, f1.then_some(b), f2.then_some(c)),
        3 => Command::RoleGrant(
            a.clone(),
            vec![pick(&roles, &step.choice)],
            if f1 { vec![role_of(&a)] } else { Vec::new() },
        ),
        4 => Command::RoleRevoke(a.clone(), vec![role_of(&a)]),
        5 => Command::SupervisionAdd(
            a,
            b,
            if f1 {
                vec!["progress-notes".into()]
            } else {
                Vec::new()
            },
        ),
        6 => {
            let supervisors: Vec<String> = p
                .member(&a)
                .map(|m| m.supervisors.iter().map(|s| s.value.clone()).collect())
                .unwrap_or_default();
            let by = if supervisors.is_empty() || f1 {
                b
            } else {
                pick(&supervisors, &step.choice)
            };
            Command::SupervisionRemove(a, by)
        }
        7 => {
            let id = if matches!(step.client, Which::Existing(_) | Which::Busy(_)) && !f3 {
                format!("C-90{}", step.choice.index(10))
            } else {
                id
            };
            Command::ClientAdd(id, a, if f1 { vec![b] } else { Vec::new() })
        }
        8 => Command::ClientAssign(id, a, f1),
        9 => {
            let temporary = f1.then(|| {
                let existing = p.client(&id).and_then(|c| {
                    c.temporary
                        .iter()
                        .find(|t| t.member_is(&a))
                        .map(|t| (t.until.value, t.reason_text().to_string()))
                });
                match (step.choice.index(4), existing) {
                    (0, Some((until, reason))) => (until, reason),
                    (1, Some((until, _))) => (until, "Another reason".to_string()),
                    (2, _) => (today() + chrono::Days::new(10), "Covering".to_string()),
                    _ => (
                        NaiveDate::from_ymd_opt(2099, 12, 31).expect("date"),
                        "Covering a leave".to_string(),
                    ),
                }
            });
            Command::ClientGrant(id, a, temporary)
        }
        10 => Command::ClientGrantAdministrative(id, a),
        11 => Command::ClientRevoke(id, a, f1),
        12 => Command::ClientRestrict(id, f1),
        _ => Command::ClientRemove(id),
    };
    (actor, command)
}

#[derive(Default, Debug)]
struct Tally {
    steps: usize,
    changed: usize,
    refused: usize,
    no_change: usize,
    invalid: usize,
    binary: usize,
}

/// One command through the library; returns the text after it and, when
/// it changed the file, the actor.
fn command_step(
    text: &str,
    step: &Step,
    tally: &mut Tally,
) -> Result<(String, Option<String>), TestCaseError> {
    let practice = checked(text).expect("the state is valid");
    let (actor_id, command) = resolve(&practice, step);
    tally.steps += 1;
    let actor = Actor::resolve(&practice, Some(&actor_id), today()).expect("a member acts");
    let mut doc: DocumentMut = text.parse().expect("parses");
    let summary = match command.apply(&actor, &mut doc) {
        Err(_) => {
            prop_assert_eq!(
                doc.to_string(),
                text,
                "a refused {:?} left the text",
                command
            );
            tally.refused += 1;
            return Ok((text.to_string(), None));
        }
        Ok(Outcome::NoChange(why)) => {
            prop_assert_eq!(
                doc.to_string(),
                text,
                "\"no change\" ({}) left the text",
                why
            );
            tally.no_change += 1;
            return Ok((text.to_string(), None));
        }
        Ok(Outcome::Changed(summary)) => summary,
    };
    edit::tidy_clients(
        &mut doc,
        summary.affected.iter().filter_map(|(_, c)| c.as_deref()),
    );
    let new_text = doc.to_string();
    let Some(after) = checked(&new_text) else {
        // `praxis` refuses it (exit 1) and writes nothing.
        tally.invalid += 1;
        return Ok((text.to_string(), None));
    };
    // As `mutate::apply` does: a change that turns out to give the actor
    // more access to a chart needs its permission independently.
    if actor.refuse_self_gain_of(&summary, &after).is_err() {
        tally.refused += 1;
        return Ok((text.to_string(), None));
    }
    let violations = authorize::unauthorized(&practice, &after, &actor_id, today());
    prop_assert!(
        violations.is_empty(),
        "`{:?}` as {} went through, but diff --as refuses it: {:#?}\n--- OLD\n{}\n--- NEW\n{}",
        command,
        actor_id,
        violations,
        text,
        new_text
    );
    tally.changed += 1;
    Ok((new_text, Some(actor_id)))
}

/// `praxis diff OLD NEW --as ACTOR`: its exit code.
fn diff_as(old: &str, new: &str, actor: &str) -> (i32, String) {
    let fixture = common::Fixture::new(old);
    let new_path = fixture.write("new.toml", new);
    let mut command = fixture.bare();
    command
        .arg("diff")
        .arg(&fixture.path)
        .arg(&new_path)
        .args(["--as", actor]);
    let run = common::run(&mut command);
    (run.code, format!("{}{}", run.stdout, run.stderr))
}

fn commands_case(
    text: String,
    steps: &[Step],
    binary: bool,
    tally: &mut Tally,
) -> Result<(), TestCaseError> {
    let mut text = text;
    for step in steps {
        let (next, actor) = command_step(&text, step, tally)?;
        if let (true, Some(actor)) = (binary, actor) {
            let (code, output) = diff_as(&text, &next, &actor);
            tally.binary += 1;
            prop_assert_eq!(code, 0, "praxis diff --as {}:\n{}", actor, output);
        }
        text = next;
    }
    Ok(())
}

/// Every command that goes through passes `diff --as`; every refusal
/// leaves the text alone.
#[test]
fn commands_that_go_through_pass_diff_as() {
    let tally = RefCell::new(Tally::default());
    let strategy = (practice(), proptest::collection::vec(step(), 1..16));
    let started = std::time::Instant::now();
    TestRunner::new(config(cases(256)))
        .run(&strategy, |(text, steps)| {
            commands_case(text, &steps, false, &mut tally.borrow_mut())
        })
        .unwrap_or_else(|e| panic!("{e}"));
    eprintln!(
        "commands_that_go_through_pass_diff_as: {:?} in {:.1?}",
        tally.borrow(),
        started.elapsed()
    );
}

// ------------------------------------------------------------ hand edits

/// An edit of the file a pull request could make.
#[derive(Clone, Debug)]
struct HandEdit {
    actor: Who,
    kind: u8,
    client: Which,
    a: Who,
    b: Who,
    flags: (bool, bool, bool),
    choice: Index,
}

const EDIT_KINDS: u8 = 23;

fn hand_edit() -> impl Strategy<Value = HandEdit> {
    (
        actor_who(),
        0..EDIT_KINDS,
        which(),
        (who(), who()),
        any::<(bool, bool, bool)>(),
        any::<Index>(),
    )
        .prop_map(|(actor, kind, client, (a, b), flags, choice)| HandEdit {
            actor,
            kind,
            client,
            a,
            b,
            flags,
            choice,
        })
}

fn far() -> NaiveDate {
    NaiveDate::from_ymd_opt(9999, 12, 31).expect("date")
}

/// The fields of an existing client as a one-line entry.
fn client_fields(p: &Practice, id: &str) -> Option<InlineTable> {
    let c = p.client(id)?;
    let mut fields = InlineTable::new();
    fields.insert("primary", Value::from(c.primary.value.as_str()));
    let list = |v: &[praxis::model::Spanned<String>]| {
        edit::string_array(&v.iter().map(|s| s.value.clone()).collect::<Vec<_>>())
    };
    if !c.clinicians.is_empty() {
        fields.insert("clinicians", list(&c.clinicians));
    }
    if c.restricted {
        fields.insert("restricted", Value::from(true));
    }
    if !c.administrative.is_empty() {
        fields.insert("administrative", list(&c.administrative));
    }
    if !c.temporary.is_empty() {
        let mut array = Array::new();
        for t in &c.temporary {
            let mut entry = InlineTable::new();
            entry.insert("member", Value::from(t.member.value.as_str()));
            entry.insert("until", edit::date_value(t.until.value));
            entry.insert("reason", Value::from(t.reason_text()));
            array.push(Value::InlineTable(entry));
        }
        fields.insert("temporary", Value::Array(array));
    }
    Some(fields)
}

/// Applies the edit; returns whether a command could make it for the actor
/// (SPEC §4, §7, §8) and what it is, or None when it does not apply here.
fn make_edit(
    p: &Practice,
    text: &str,
    doc: &mut DocumentMut,
    e: &HandEdit,
) -> Option<(String, bool, String)> {
    let needs: &'static [&'static str] = match e.kind {
        0..=5 => &["client.access"],
        6 | 7 => &["client.assign"],
        8 => &["client.create", "client.access", "client.restrict"],
        9 => &["client.delete", "client.create", "client.restrict"],
        10 | 15 => &["practice.settings", "members.manage"],
        11 | 12 | 20 => &["members.manage", "members.credentials", "practice.settings"],
        13 | 14 | 18 => &["client.restrict"],
        16 => &["client.access", "client.restrict"],
        19 => &["client.delete"],
        22 => &["members.manage", "members.credentials", "client.assign"],
        _ => &[],
    };
    let scene = Scene::new(p, &e.client, needs);
    let actor = scene.member(&e.actor, "");
    let a = scene.member(&e.a, &actor);
    let b = scene.member(&e.b, &actor);
    let id = scene.client.clone();
    let (f1, f2, f3) = e.flags;
    let client = p.client(&id);
    let can = |capability: &str| allowed(p, &actor, capability, Some(&id));
    let practice_can = |capability: &str| allowed(p, &actor, capability, None);
    // Clients on which `m` has temporary entries.
    let temporaries_of = |m: &str| -> Vec<String> {
        p.clients
            .iter()
            .filter(|c| c.temporary.iter().any(|t| t.member_is(m)))
            .map(|c| c.id.value.clone())
            .collect()
    };
    let (could, what) = match e.kind {
        // Extend a temporary entry (the actor's own, or someone else's).
        0 | 1 => {
            let m = if e.kind == 0 {
                actor.clone()
            } else {
                a.clone()
            };
            let on = temporaries_of(&m);
            if on.is_empty() {
                return None;
            }
            let id = pick(&on, &e.choice);
            let c = p.client(&id)?;
            let t = c.temporary.iter().find(|t| t.member_is(&m))?;
            if t.until.value == far() {
                return None;
            }
            let reason = t.reason_text().to_string();
            let entry = edit::client(doc, &id)?;
            edit::pull_temporary(entry, &m);
            edit::push_temporary(entry, &m, far(), &reason);
            (
                may_give(p, &actor, &m, "client.access", &id),
                format!("extend {m}'s temporary access to {id}"),
            )
        }
        // Make a temporary entry permanent.
        2 | 3 => {
            let m = if e.kind == 2 {
                actor.clone()
            } else {
                a.clone()
            };
            let on = temporaries_of(&m);
            if on.is_empty() {
                return None;
            }
            let id = pick(&on, &e.choice);
            let entry = edit::client(doc, &id)?;
            edit::pull_temporary(entry, &m);
            edit::push(entry, "clinicians", &m);
            (
                may_give(p, &actor, &m, "client.access", &id),
                format!("make {m}'s temporary access to {id} permanent"),
            )
        }
        // A second own entry.
        4 => {
            let on = temporaries_of(&actor);
            if on.is_empty() {
                return None;
            }
            let id = pick(&on, &e.choice);
            let entry = edit::client(doc, &id)?;
            edit::push_temporary(entry, &actor, far(), "A second entry");
            (
                independently(p, &actor, "client.access", &id),
                format!("add a second temporary entry of {actor} to {id}"),
            )
        }
        // Rewrite one's own reason.
        5 => {
            let on = temporaries_of(&actor);
            if on.is_empty() {
                return None;
            }
            let id = pick(&on, &e.choice);
            let c = p.client(&id)?;
            let mut own = c.temporary.iter().filter(|t| t.member_is(&actor));
            let t = own.next()?;
            if own.next().is_some() {
                return None;
            }
            let until = t.until.value;
            let entry = edit::client(doc, &id)?;
            edit::pull_temporary(entry, &actor);
            edit::push_temporary(entry, &actor, until, "Rewritten reason");
            (
                independently(p, &actor, "client.access", &id),
                format!("rewrite {actor}'s reason on {id}"),
            )
        }
        // Make someone (the actor, often) primary, the way `client assign`
        // does, with or without keeping the previous primary.
        6 | 7 => {
            let m = if e.kind == 6 {
                actor.clone()
            } else {
                a.clone()
            };
            let c = client?;
            if c.is_primary(&m) {
                return None;
            }
            let previous = c.primary.value.clone();
            let entry = edit::client(doc, &id)?;
            edit::set(entry, "primary", Value::from(m.as_str()));
            edit::pull(entry, "clinicians", &m, edit::Emptied::DropKey);
            edit::pull_temporary(entry, &m);
            if f1 {
                edit::push(entry, "clinicians", &previous);
            }
            (
                may_give(p, &actor, &m, "client.assign", &id),
                format!("make {m} primary of {id} (keep previous: {f1})"),
            )
        }
        // A new client, maybe carrying temporary, restricted and
        // administrative entries.
        8 => {
            let new_id = format!("C-95{}", e.choice.index(10));
            if p.clients
                .iter()
                .any(|c| c.id.value.eq_ignore_ascii_case(&new_id))
            {
                return None;
            }
            let mut fields = InlineTable::new();
            fields.insert("primary", Value::from(a.as_str()));
            if f1 {
                let mut entry = InlineTable::new();
                entry.insert("member", Value::from(b.as_str()));
                entry.insert("until", edit::date_value(far()));
                entry.insert("reason", Value::from("From the start"));
                let mut array = Array::new();
                array.push(Value::InlineTable(entry));
                fields.insert("temporary", Value::Array(array));
            }
            if f2 {
                fields.insert("restricted", Value::from(true));
                if f3 {
                    fields.insert(
                        "administrative",
                        edit::string_array(std::slice::from_ref(&actor)),
                    );
                }
            }
            edit::add_client(doc, &new_id, fields);
            (
                practice_can("client.create")
                    && (!f1 || on_all_clients(p, &actor, "client.access"))
                    && (!f2 || on_all_clients(p, &actor, "client.restrict")),
                format!(
                    "add client {new_id} (temporary {f1}, restricted {f2}, administrative {f3})"
                ),
            )
        }
        // Re-case a client id, maybe restricting it on the way.
        9 => {
            let c = client?;
            let mut fields = client_fields(p, &id)?;
            if f1 {
                fields.insert("restricted", Value::from(true));
            }
            let restricted = c.restricted || f1;
            edit::remove_client(doc, &id);
            let recased = swap_case(&id);
            edit::add_client(doc, &recased, fields);
            (
                can("client.delete")
                    && practice_can("client.create")
                    && (c.temporary.is_empty() || on_all_clients(p, &actor, "client.access"))
                    && (!restricted || on_all_clients(p, &actor, "client.restrict")),
                format!("re-case {id} as {recased} (restrict: {f1})"),
            )
        }
        // Ownership.
        10 => {
            if p.is_owner(&a) {
                return None;
            }
            doc["practice"]["owner"] = toml_edit::value(a.as_str());
            (p.is_owner(&actor), format!("make {a} the owner"))
        }
        // A member's fields.
        11 | 12 => {
            let m = if e.kind == 11 {
                actor.clone()
            } else {
                a.clone()
            };
            let member = p.member(&m)?;
            let entry = edit::member(doc, &m)?;
            let manage = "members.manage";
            let credentials = "members.credentials";
            let (field, needs) = match e.choice.index(13) {
                0 => {
                    edit::set(entry, "name", Value::from("Someone Else"));
                    ("name", Some(manage))
                }
                1 => {
                    edit::set(
                        entry,
                        "email",
                        Value::from(format!("{m}@elsewhere.example")),
                    );
                    ("email", Some(manage))
                }
                2 => {
                    let role = pick(p.roles(), &e.choice).id.value.clone();
                    edit::push(entry, "roles", &role);
                    ("roles", Some(manage))
                }
                3 => {
                    let grant = pick(GRANTS, &e.choice);
                    let value: Value = grant.parse().ok()?;
                    push_value(entry, "grants", value);
                    // A grant the member already holds, written again,
                    // changes no effective value and needs nothing (§8).
                    let held = member.grants.iter().any(|g| {
                        let on = format!("{:?}", g.scope()).to_lowercase();
                        g.can.iter().any(|c| {
                            grant == format!(r#"{{ can = ["{}"], on = "{on}" }}"#, c.value)
                        })
                    });
                    ("grants", (!held).then_some(manage))
                }
                4 => {
                    if member.denies.is_empty() {
                        return None;
                    }
                    entry.remove("denies");
                    ("denies", Some(manage))
                }
                5 => {
                    edit::set(entry, "active", Value::from(false));
                    ("active", Some(manage))
                }
                6 => {
                    edit::set(entry, "github", Value::from(format!("{m}-login")));
                    ("github", Some(manage))
                }
                7 => {
                    edit::set(entry, "npi", Value::from(pick(NPIS, &e.choice)));
                    ("npi", Some(credentials))
                }
                8 => {
                    edit::set(entry, "taxonomy", Value::from(pick(TAXONOMIES, &e.choice)));
                    ("taxonomy", Some(credentials))
                }
                9 => {
                    edit::push(entry, "supervisors", &b);
                    ("supervisors", Some(credentials))
                }
                10 => {
                    edit::set(
                        entry,
                        "cosign",
                        edit::string_array(&["treatment-plans".into()]),
                    );
                    ("cosign", Some(credentials))
                }
                11 => {
                    // Flip how the member bills.
                    let bills = member.bills_as_supervisor();
                    edit::set(entry, "bill_as_supervisor", Value::from(!bills));
                    ("bill_as_supervisor", Some(credentials))
                }
                _ => {
                    // Write the effective value out: no change at all.
                    if member.bill_as_supervisor.is_some() {
                        return None;
                    }
                    let bills = member.bills_as_supervisor();
                    edit::set(entry, "bill_as_supervisor", Value::from(bills));
                    ("bill_as_supervisor written out", None)
                }
            };
            (
                needs.is_none_or(practice_can),
                format!("change {field} of member {m}"),
            )
        }
        // Put oneself (or someone else) on a restricted client's
        // administrative list.
        13 | 14 => {
            let m = if e.kind == 13 {
                actor.clone()
            } else {
                a.clone()
            };
            let c = client?;
            if !c.restricted || c.in_administrative(&m) {
                return None;
            }
            let entry = edit::client(doc, &id)?;
            edit::push(entry, "administrative", &m);
            (
                may_give(p, &actor, &m, "client.restrict", &id),
                format!("put {m} on {id}'s administrative list"),
            )
        }
        // Redefine or add a role.
        15 => {
            let addition = if f1 {
                "\n[roles.extra-role]\ndescription = \"Sees everything\"\ngrants = [{ can = [\"clinical.view\"], on = \"all\" }]\n".to_string()
            } else {
                let role = pick(p.roles(), &e.choice).id.value.clone();
                if p.roles.iter().any(|r| r.id.value == role) {
                    return None;
                }
                // Replacing a built-in role, with one more grant.
                let grants: Vec<String> = p
                    .role(&role)?
                    .grants
                    .iter()
                    .map(|g| {
                        let can: Vec<String> =
                            g.can.iter().map(|c| format!("\"{}\"", c.value)).collect();
                        format!(
                            "{{ can = [{}], on = \"{}\" }}",
                            can.join(", "),
                            g.scope().as_str()
                        )
                    })
                    .chain(["{ can = [\"client.view\"], on = \"all\" }".to_string()])
                    .collect();
                let r = p.role(&role)?;
                let list = |v: &[praxis::model::Spanned<String>]| {
                    v.iter()
                        .map(|s| format!("\"{}\"", s.value))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                format!(
                    "\n[roles.{role}]\ngrants = [{}]\nrequires = [{}]\nexcludes = [{}]\n",
                    grants.join(", "),
                    list(&r.requires),
                    list(&r.excludes)
                )
            };
            *doc = format!("{text}{addition}").parse().ok()?;
            (
                practice_can("practice.settings"),
                "redefine a role".to_string(),
            )
        }
        // Someone (the actor, often) joins or leaves clinicians.
        16 => {
            let m = if f2 { actor.clone() } else { a.clone() };
            let c = client?;
            let entry = edit::client(doc, &id)?;
            if c.is_clinician(&m) {
                edit::pull(entry, "clinicians", &m, edit::Emptied::DropKey);
                // `client revoke` (client.access), or `client revoke
                // --administrative` (client.restrict, then `client grant
                // --administrative` to keep them on that list).
                (
                    m == actor || can("client.access") || can("client.restrict"),
                    format!("take {m} off {id}'s clinicians"),
                )
            } else {
                if c.is_primary(&m) {
                    return None;
                }
                edit::pull_temporary(entry, &m);
                edit::push(entry, "clinicians", &m);
                (
                    may_give(p, &actor, &m, "client.access", &id),
                    format!("put {m} on {id}'s clinicians"),
                )
            }
        }
        // Leaving a list is free.
        17 => {
            let c = client?;
            let entry = edit::client(doc, &id)?;
            let left = edit::pull(entry, "clinicians", &actor, edit::Emptied::DropKey)
                | edit::pull_temporary(entry, &actor)
                | (f1 && edit::pull(entry, "administrative", &actor, edit::Emptied::DropKey));
            if !left {
                return None;
            }
            let _ = c;
            (true, format!("{actor} leaves {id}'s lists"))
        }
        // Restriction on or off.
        18 => {
            let c = client?;
            let entry = edit::client(doc, &id)?;
            if c.restricted {
                edit::remove(entry, "restricted");
                edit::remove(entry, "administrative");
            } else {
                edit::set(entry, "restricted", Value::from(true));
            }
            (
                can("client.restrict"),
                format!("toggle the restriction of {id}"),
            )
        }
        // Remove a client; add a member; rename the practice.
        19 => {
            client?;
            edit::remove_client(doc, &id);
            (can("client.delete"), format!("remove client {id}"))
        }
        20 => {
            if f1 {
                *doc = format!("{text}\n[members.nu7]\nname = \"Nu Seven\"\nroles = []\n")
                    .parse()
                    .ok()?;
                (practice_can("members.manage"), "add member nu7".to_string())
            } else {
                doc["practice"]["name"] = toml_edit::value("Renamed Practice");
                (
                    practice_can("practice.settings"),
                    "rename the practice".to_string(),
                )
            }
        }
        // `member remove` by hand: the member deactivated and taken off
        // every list, their charts handed to one member (or, with f1, one
        // chart to another), their supervisees to one member (or, with f2,
        // one supervisee to another).
        22 => {
            let leaving = p.member(&a)?;
            if !leaving.active || p.is_owner(&a) || a == b {
                return None;
            }
            let charts: Vec<String> = p
                .clients
                .iter()
                .filter(|c| c.is_primary(&a))
                .map(|c| c.id.value.clone())
                .collect();
            let supervisees: Vec<String> = p.supervisees_of(&a).to_vec();
            // Successors who keep the file valid: clinicians for charts,
            // co-signers for supervisees (the actor, when they are one).
            let able = |fits: &dyn Fn(&praxis::model::Member) -> bool| -> Vec<String> {
                let mut ids: Vec<String> = p
                    .members
                    .iter()
                    .filter(|m| m.active && m.id.value != a && fits(m))
                    .map(|m| m.id.value.clone())
                    .collect();
                if let Some(i) = ids.iter().position(|m| *m == actor) {
                    ids.swap(0, i);
                }
                ids
            };
            let clinicians = able(&|m| rules::validate::holds_clinical_role(p, m));
            let cosigners = able(&|m| {
                decide::grants_of(p, m).any(|(_, g)| {
                    g.scope() != Scope::Practice
                        && g.can
                            .iter()
                            .any(|c| pattern::matches(&c.value, "clinical.cosign"))
                })
            });
            // The main successor (the actor first, with f3) and another.
            let list = if charts.is_empty() {
                &cosigners
            } else {
                &clinicians
            };
            let (b, other) = match list.len() {
                0 => (b, actor.clone()),
                1 => (list[0].clone(), actor.clone()),
                n => {
                    let i = if f3 { 0 } else { e.choice.index(n) };
                    (list[i].clone(), list[(i + 1) % n].clone())
                }
            };
            if a == b {
                return None;
            }
            let split_charts = f1 && charts.len() >= 2 && other != a;
            let split_supervisees = f2 && supervisees.len() >= 2 && other != a;
            let mut chart_targets = std::collections::BTreeSet::new();
            let mut successors = std::collections::BTreeSet::new();
            for (client_id, entry) in edit::clients(doc) {
                edit::pull(entry, "clinicians", &a, edit::Emptied::DropKey);
                edit::pull(entry, "administrative", &a, edit::Emptied::DropKey);
                edit::pull_temporary(entry, &a);
                if edit::get_str(entry, "primary") == Some(a.as_str()) {
                    let to = if split_charts && client_id == charts[0] {
                        &other
                    } else {
                        &b
                    };
                    edit::set(entry, "primary", Value::from(to.as_str()));
                    chart_targets.insert(to.clone());
                    edit::pull(entry, "clinicians", to, edit::Emptied::DropKey);
                    edit::pull_temporary(entry, to);
                }
            }
            for (member_id, entry) in edit::members(doc) {
                if !edit::list_contains(entry, "supervisors", &a) {
                    continue;
                }
                let to = if split_supervisees && member_id == supervisees[0] {
                    &other
                } else {
                    &b
                };
                if to != &member_id && !edit::list_contains(entry, "supervisors", to) {
                    edit::replace(entry, "supervisors", &a, to);
                    successors.insert(to.clone());
                } else {
                    edit::pull(entry, "supervisors", &a, edit::Emptied::KeepKey);
                }
            }
            edit::set(edit::member(doc, &a)?, "active", Value::from(false));
            // A split of the charts: the odd one assigned first, or all the
            // others; a split of the supervisees: supervision by hand.
            let assigned = |to: &str, clients: &[String]| {
                clients
                    .iter()
                    .all(|c| may_give(p, &actor, to, "client.assign", c))
            };
            let charts_ok = chart_targets.len() <= 1
                || assigned(&other, &charts[..1])
                || assigned(&b, &charts[1..]);
            (
                practice_can("members.manage")
                    && charts_ok
                    && (successors.len() <= 1 || practice_can("members.credentials")),
                format!(
                    "remove {a} by hand: charts to {b}{}, supervisees to {b}{}",
                    if split_charts {
                        format!(" and {other}")
                    } else {
                        String::new()
                    },
                    if split_supervisees {
                        format!(" and {other}")
                    } else {
                        String::new()
                    },
                ),
            )
        }
        // Writing a default out: no effective change, needs nothing.
        _ => {
            let c = client?;
            if c.restricted {
                return None;
            }
            let entry = edit::client(doc, &id)?;
            edit::set(entry, "restricted", Value::from(false));
            (true, format!("write restricted = false on {id}"))
        }
    };
    Some((actor, could, what))
}

#[derive(Default, Debug)]
struct EditTally {
    cases: usize,
    judged: usize,
    could: usize,
    could_not: usize,
    not_applicable: usize,
    invalid: usize,
    binary: usize,
}

fn edit_case(
    text: String,
    prefix: &[Step],
    e: &HandEdit,
    binary: bool,
    tally: &mut EditTally,
) -> Result<(), TestCaseError> {
    tally.cases += 1;
    let mut text = text;
    let mut steps = Tally::default();
    for step in prefix {
        text = command_step(&text, step, &mut steps)?.0;
    }
    let old = checked(&text).expect("the state is valid");
    let mut doc: DocumentMut = text.parse().expect("parses");
    let Some((actor, could, what)) = make_edit(&old, &text, &mut doc, e) else {
        tally.not_applicable += 1;
        return Ok(());
    };
    let new_text = doc.to_string();
    if new_text == text {
        tally.not_applicable += 1;
        return Ok(());
    }
    let Some(new) = checked(&new_text) else {
        // `diff` refuses an invalid NEW outright (exit 2).
        tally.invalid += 1;
        return Ok(());
    };
    tally.judged += 1;
    let could = could && no_self_gain(&old, &new, &actor);
    if could {
        tally.could += 1;
    } else {
        tally.could_not += 1;
    }
    let violations = authorize::unauthorized(&old, &new, &actor, today());
    prop_assert_eq!(
        violations.is_empty(),
        could,
        "{} as {}: a command {} make it, and diff --as says {:#?}\n--- OLD\n{}\n--- NEW\n{}",
        what,
        actor,
        if could { "could" } else { "could not" },
        violations,
        text,
        new_text
    );
    if binary {
        let (code, output) = diff_as(&text, &new_text, &actor);
        tally.binary += 1;
        prop_assert_eq!(
            code,
            if could { 0 } else { 1 },
            "praxis diff --as {} for {}:\n{}",
            actor,
            what,
            output
        );
    }
    Ok(())
}

/// SPEC §8 "No self-grants" by any route: an edit to an existing chart
/// that gives the actor more access to it (through a supervisee, for
/// longer) could be made by a command only with every permission it needs
/// there held independently. Which access counts as more is the library's
/// `gains_on_client`, shared like `decide`; what each field needs is
/// written out here.
fn no_self_gain(old: &Practice, new: &Practice, actor: &str) -> bool {
    old.clients.iter().all(|before| {
        let id = before.id.value.as_str();
        let Some(after) = new.client(id) else {
            return true;
        };
        if !rules::gains::gains_on_client(old, new, actor, id, today()) {
            return true;
        }
        let list = |v: &[praxis::model::Spanned<String>]| {
            v.iter()
                .map(|s| s.value.clone())
                .collect::<std::collections::BTreeSet<_>>()
        };
        let mut needs = Vec::new();
        let (old_primary, new_primary) = (
            Some(before.primary.value.clone()),
            Some(after.primary.value.clone()),
        );
        // `client assign` moves the new primary off the lists and, with
        // --keep-previous, the old one onto `clinicians`: part of the assign.
        let moved = |m: &String| {
            old_primary != new_primary
                && (Some(m) == old_primary.as_ref() || Some(m) == new_primary.as_ref())
        };
        // `member remove` hands a leaving primary's charts on, covered by
        // members.manage (SPEC §4): no permission on the chart is taken.
        let handed_on = old_primary.as_ref().is_some_and(|m| {
            old.member(m).is_some_and(|o| o.active) && new.member(m).is_none_or(|n| !n.active)
        });
        if handed_on {
            return true;
        }
        if old_primary != new_primary {
            needs.push("client.assign");
        }
        let others = |c: &praxis::model::Client| {
            let mut clinicians = list(&c.clinicians);
            clinicians.retain(|m| !moved(m));
            let temporary: Vec<String> = c
                .temporary
                .iter()
                .filter(|t| !moved(&t.member.value))
                .map(|t| {
                    format!(
                        "{:?}{:?}{}",
                        Some(&t.member.value),
                        Some(t.until.value),
                        t.reason_text()
                    )
                })
                .collect();
            (clinicians, temporary)
        };
        if others(before) != others(after) {
            needs.push("client.access");
        }
        if before.restricted != after.restricted
            || list(&before.administrative) != list(&after.administrative)
        {
            needs.push("client.restrict");
        }
        needs.is_empty() || needs.iter().all(|cap| independently(old, actor, cap, id))
    })
}

/// A hand edit passes `diff --as` exactly when a command could make it
/// for the actor.
#[test]
fn hand_edits_pass_diff_as_exactly_when_a_command_could_make_them() {
    let tally = RefCell::new(EditTally::default());
    let strategy = (
        practice(),
        proptest::collection::vec(step(), 0..4),
        hand_edit(),
    );
    let started = std::time::Instant::now();
    TestRunner::new(config(cases(512)))
        .run(&strategy, |(text, prefix, e)| {
            edit_case(text, &prefix, &e, false, &mut tally.borrow_mut())
        })
        .unwrap_or_else(|e| panic!("{e}"));
    eprintln!(
        "hand_edits_pass_diff_as_exactly_when_a_command_could_make_them: {:?} in {:.1?}",
        tally.borrow(),
        started.elapsed()
    );
}

/// A sample of both through the binary: `praxis diff OLD NEW --as ACTOR`.
#[test]
fn the_binary_diff_agrees_on_a_sample() {
    let commands = RefCell::new(Tally::default());
    let edits = RefCell::new(EditTally::default());
    let sample = (cases(256) / 16).clamp(16, 400);
    TestRunner::new(config(sample))
        .run(
            &(practice(), proptest::collection::vec(step(), 1..6)),
            |(text, steps)| commands_case(text, &steps, true, &mut commands.borrow_mut()),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    TestRunner::new(config(sample * 2))
        .run(&(practice(), hand_edit()), |(text, e)| {
            edit_case(text, &[], &e, true, &mut edits.borrow_mut())
        })
        .unwrap_or_else(|e| panic!("{e}"));
    eprintln!(
        "the_binary_diff_agrees_on_a_sample: {:?}, {:?}",
        commands.borrow(),
        edits.borrow()
    );
}

/// `--off` as the restriction it asks for.
fn restriction(off: bool) -> praxis::changes::Restriction {
    if off {
        praxis::changes::Restriction::Lift
    } else {
        praxis::changes::Restriction::Restrict
    }
}
