//! Property tests of the access decision (SPEC §3.2) on generated practices.
//!
//! The generator builds practices that are valid by construction (the
//! references, roles and supervision it writes obey SPEC §3.4), renders them
//! as `practice.toml` text and reads them back through `rules::check`, so the
//! reader is exercised too. Each property then asks every member about every
//! capability on every client.

// Test helpers outside `#[test]` functions may panic on a broken fixture.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use chrono::{Days, NaiveDate};
use praxis::model::{Kind, Practice};
use praxis::rules::check;
use praxis::rules::decide::{Decision, Reason, Relation, Request, Route, Source, decide};
use praxis::rules::matrix::member_row;
use praxis::rules::pattern;
use praxis::rules::review::ReviewRoute;
use praxis::rules::review::reach::{Reach, Reader};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{Index, select, subsequence};
use std::fmt::Write as _;

/// The date the generated practices are validated on; temporary entries end
/// a few days around it and decisions are asked around it.
fn base_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 15).expect("a valid date")
}

fn shifted(days: i64) -> NaiveDate {
    let date = base_date();
    if days >= 0 {
        date.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    }
    .expect("a date near the base date")
}

// ---------------------------------------------------------------------------
// What the generator writes.

const CLIENT_PATTERNS: &[&str] = &[
    "client.view",
    "client.edit",
    "clinical.*",
    "clinical.view",
    "clinical.write",
    "clinical.cosign",
    "billing.*",
    "files.view",
    "schedule.manage",
    "rx.prescribe",
    "*",
];
const CLIENT_SCOPES: &[&str] = &["all", "assigned", "supervisees", "own"];
const PRACTICE_PATTERNS: &[&str] = &[
    "members.*",
    "audit.view",
    "billing.*",
    "hr.view",
    "transport.manage",
    "*",
];
const DENIES: &[&str] = &[
    "clinical.write",
    "clinical.*",
    "billing.*",
    "client.delete",
    "hr.view",
    "clinical.cosign",
    "rx.prescribe",
];
/// Built-in roles (no `intern`, whose rules need credentials) and the two
/// file roles every generated practice defines.
const ROLES: &[&str] = &[
    "administrator",
    "clinician",
    "scheduler",
    "biller",
    "supervisor",
    "clinical-admin",
    "biller-assigned",
    "forms-admin",
    "r0",
    "r1",
];
const REASONS: &[&str] = &["Coverage", "Emergency access", "Leave cover"];

#[derive(Clone, Debug)]
struct GrantSpec {
    can: Vec<&'static str>,
    /// `None`: a practice grant written without `on`.
    on: Option<&'static str>,
}

#[derive(Clone, Debug)]
struct RoleSpec {
    id: &'static str,
    grants: Vec<GrantSpec>,
}

#[derive(Clone, Debug)]
struct MemberSpec {
    id: String,
    active: bool,
    roles: Vec<&'static str>,
    grants: Vec<GrantSpec>,
    denies: Vec<&'static str>,
    supervisors: Vec<String>,
}

#[derive(Clone, Debug)]
struct TemporarySpec {
    member: String,
    /// `until` as days from the base date.
    until: i64,
    reason: &'static str,
}

#[derive(Clone, Debug)]
struct ClientSpec {
    id: String,
    primary: String,
    clinicians: Vec<String>,
    restricted: bool,
    administrative: Vec<String>,
    temporary: Vec<TemporarySpec>,
    /// Written as a `[clients.ID]` table rather than an inline line.
    table: bool,
}

#[derive(Clone, Debug)]
struct PracticeSpec {
    owner: Option<String>,
    roles: Vec<RoleSpec>,
    members: Vec<MemberSpec>,
    clients: Vec<ClientSpec>,
}

// ---------------------------------------------------------------------------
// Raw random choices, normalized into a valid practice by `build`.

#[derive(Clone, Debug)]
struct RawMember {
    active: bool,
    roles: Vec<&'static str>,
    grants: Vec<GrantSpec>,
    denies: Vec<&'static str>,
    supervisors: Vec<Index>,
}

type RawTemporary = (Index, i64, Index);

#[derive(Clone, Debug)]
struct RawClient {
    primary: Index,
    clinicians: Vec<Index>,
    restricted: bool,
    administrative: Vec<Index>,
    temporary: Vec<RawTemporary>,
    table: bool,
}

#[derive(Clone, Debug)]
struct Raw {
    owner: Option<Index>,
    r0: Vec<GrantSpec>,
    r1: Vec<GrantSpec>,
    scheduler: Option<Vec<GrantSpec>>,
    members: Vec<RawMember>,
    clients: Vec<RawClient>,
}

fn grant() -> impl Strategy<Value = GrantSpec> {
    prop_oneof![
        (subsequence(CLIENT_PATTERNS, 1..=2), select(CLIENT_SCOPES))
            .prop_map(|(can, on)| GrantSpec { can, on: Some(on) }),
        (subsequence(PRACTICE_PATTERNS, 1..=2), any::<bool>()).prop_map(|(can, explicit)| {
            GrantSpec {
                can,
                on: explicit.then_some("practice"),
            }
        }),
    ]
}

fn raw_member() -> impl Strategy<Value = RawMember> {
    (
        prop::bool::weighted(0.85),
        subsequence(ROLES, 0..=3),
        vec(grant(), 0..=1),
        subsequence(DENIES, 0..=1),
        vec(any::<Index>(), 0..=2),
    )
        .prop_map(|(active, roles, grants, denies, supervisors)| RawMember {
            active,
            roles,
            grants,
            denies,
            supervisors,
        })
}

fn raw_client() -> impl Strategy<Value = RawClient> {
    (
        any::<Index>(),
        vec(any::<Index>(), 0..=2),
        prop::bool::weighted(0.4),
        vec(any::<Index>(), 0..=2),
        vec((any::<Index>(), -3i64..12, any::<Index>()), 0..=2),
        any::<bool>(),
    )
        .prop_map(
            |(primary, clinicians, restricted, administrative, temporary, table)| RawClient {
                primary,
                clinicians,
                restricted,
                administrative,
                temporary,
                table,
            },
        )
}

fn raw() -> impl Strategy<Value = Raw> {
    (
        prop::option::weighted(0.7, any::<Index>()),
        vec(grant(), 0..=2),
        vec(grant(), 0..=2),
        prop::option::weighted(0.3, vec(grant(), 0..=2)),
        vec(raw_member(), 2..=6),
        vec(raw_client(), 0..=4),
    )
        .prop_map(|(owner, r0, r1, scheduler, members, clients)| Raw {
            owner,
            r0,
            r1,
            scheduler,
            members,
            clients,
        })
}

fn push_unique(list: &mut Vec<String>, id: &str) {
    if !list.iter().any(|x| x == id) {
        list.push(id.to_string());
    }
}

/// Turns raw choices into a practice that passes validation: requirements
/// met, supervisors earlier in the list (no cycles) who can co-sign, every
/// reference to an active member, no duplicates, primaries holding a
/// clinical role, temporary entries with reasons for members off the chart.
fn build(raw: Raw) -> PracticeSpec {
    let mut members: Vec<MemberSpec> = Vec::new();
    for (i, m) in raw.members.into_iter().enumerate() {
        let clinician = m.roles.contains(&"clinician");
        let roles: Vec<&'static str> = m
            .roles
            .into_iter()
            .filter(|r| clinician || !matches!(*r, "clinical-admin" | "biller-assigned"))
            .collect();
        let mut supervisors = Vec::new();
        if i > 0 {
            for pick in &m.supervisors {
                let s: &MemberSpec = &members[pick.index(i)];
                let can_cosign = s.roles.contains(&"supervisor")
                    && !s
                        .denies
                        .iter()
                        .any(|d| pattern::matches(d, "clinical.cosign"));
                if s.active && can_cosign {
                    push_unique(&mut supervisors, &s.id);
                }
            }
        }
        members.push(MemberSpec {
            id: format!("m{i}"),
            active: m.active,
            roles,
            grants: m.grants,
            denies: m.denies,
            supervisors,
        });
    }
    let active: Vec<String> = members
        .iter()
        .filter(|m| m.active)
        .map(|m| m.id.clone())
        .collect();
    let clinical: Vec<String> = members
        .iter()
        .filter(|m| m.active && m.roles.contains(&"clinician"))
        .map(|m| m.id.clone())
        .collect();
    let owner = match raw.owner {
        Some(pick) if !active.is_empty() => Some(pick.get(&active).clone()),
        _ => None,
    };
    let mut clients = Vec::new();
    if !clinical.is_empty() {
        for (i, c) in raw.clients.into_iter().enumerate() {
            let primary = c.primary.get(&clinical).clone();
            let mut clinicians = Vec::new();
            for pick in &c.clinicians {
                let id = pick.get(&active);
                if *id != primary {
                    push_unique(&mut clinicians, id);
                }
            }
            let mut administrative = Vec::new();
            if c.restricted {
                for pick in &c.administrative {
                    let id: &String = pick.get(&active);
                    push_unique(&mut administrative, id);
                }
            }
            let mut temporary = Vec::new();
            for (pick, until, reason) in &c.temporary {
                let id = pick.get(&active);
                if *id != primary && !clinicians.contains(id) {
                    temporary.push(TemporarySpec {
                        member: id.clone(),
                        until: *until,
                        reason: REASONS[reason.index(REASONS.len())],
                    });
                }
            }
            clients.push(ClientSpec {
                id: format!("C-{i}"),
                primary,
                clinicians,
                restricted: c.restricted,
                administrative,
                temporary,
                table: c.table,
            });
        }
    }
    let mut roles = vec![
        RoleSpec {
            id: "r0",
            grants: raw.r0,
        },
        RoleSpec {
            id: "r1",
            grants: raw.r1,
        },
    ];
    if let Some(grants) = raw.scheduler {
        roles.push(RoleSpec {
            id: "scheduler",
            grants,
        });
    }
    PracticeSpec {
        owner,
        roles,
        members,
        clients,
    }
}

fn practice_spec() -> impl Strategy<Value = PracticeSpec> {
    raw().prop_map(build)
}

// ---------------------------------------------------------------------------
// Shuffling: the same practice with its entries in another order.

/// SplitMix64: a small deterministic generator for shuffles from a seed.
struct Mix(u64);

impl Mix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = usize::try_from(self.next() % (i as u64 + 1)).expect("fits");
            items.swap(i, j);
        }
    }

    fn shuffle_grants(&mut self, grants: &mut [GrantSpec]) {
        self.shuffle(grants);
        for grant in grants {
            self.shuffle(&mut grant.can);
        }
    }
}

/// Members, roles, grants, clients and every list inside them, reordered.
fn shuffled(spec: &PracticeSpec, seed: u64) -> PracticeSpec {
    let mut mix = Mix(seed);
    let mut spec = spec.clone();
    mix.shuffle(&mut spec.roles);
    for role in &mut spec.roles {
        mix.shuffle_grants(&mut role.grants);
    }
    mix.shuffle(&mut spec.members);
    for member in &mut spec.members {
        mix.shuffle(&mut member.roles);
        mix.shuffle_grants(&mut member.grants);
        mix.shuffle(&mut member.denies);
        mix.shuffle(&mut member.supervisors);
    }
    mix.shuffle(&mut spec.clients);
    for client in &mut spec.clients {
        mix.shuffle(&mut client.clinicians);
        mix.shuffle(&mut client.administrative);
        mix.shuffle(&mut client.temporary);
    }
    spec
}

// ---------------------------------------------------------------------------
// Rendering as practice.toml text.

fn quoted<S: AsRef<str>>(items: &[S]) -> String {
    let items: Vec<String> = items
        .iter()
        .map(|s| format!("\"{}\"", s.as_ref()))
        .collect();
    format!("[{}]", items.join(", "))
}

fn grants_text(grants: &[GrantSpec]) -> String {
    let items: Vec<String> = grants
        .iter()
        .map(|g| match g.on {
            Some(on) => format!("{{ can = {}, on = \"{on}\" }}", quoted(&g.can)),
            None => format!("{{ can = {} }}", quoted(&g.can)),
        })
        .collect();
    format!("[{}]", items.join(", "))
}

fn client_fields(client: &ClientSpec) -> Vec<String> {
    let mut fields = vec![format!("primary = \"{}\"", client.primary)];
    if !client.clinicians.is_empty() {
        fields.push(format!("clinicians = {}", quoted(&client.clinicians)));
    }
    if client.restricted {
        fields.push("restricted = true".to_string());
    }
    if !client.administrative.is_empty() {
        fields.push(format!(
            "administrative = {}",
            quoted(&client.administrative)
        ));
    }
    if !client.temporary.is_empty() {
        let entries: Vec<String> = client
            .temporary
            .iter()
            .map(|t| {
                format!(
                    "{{ member = \"{}\", until = {}, reason = \"{}\" }}",
                    t.member,
                    shifted(t.until),
                    t.reason
                )
            })
            .collect();
        fields.push(format!("temporary = [{}]", entries.join(", ")));
    }
    fields
}

fn render(spec: &PracticeSpec) -> String {
    let mut text = String::from("version = 1\n\n[practice]\nname = \"Generated Practice\"\n");
    if let Some(owner) = &spec.owner {
        writeln!(text, "owner = \"{owner}\"").expect("write");
    }
    text.push_str(
        "\n[capabilities]\n\
         \"rx.prescribe\" = { scope = \"client\", description = \"Prescribe\" }\n\
         \"transport.manage\" = { scope = \"practice\", description = \"Transport\" }\n",
    );
    for role in &spec.roles {
        writeln!(
            text,
            "\n[roles.{}]\ngrants = {}",
            role.id,
            grants_text(&role.grants)
        )
        .expect("write");
    }
    for m in &spec.members {
        writeln!(text, "\n[members.{}]\nname = \"Member {}\"", m.id, m.id).expect("write");
        writeln!(text, "roles = {}", quoted(&m.roles)).expect("write");
        if !m.grants.is_empty() {
            writeln!(text, "grants = {}", grants_text(&m.grants)).expect("write");
        }
        if !m.denies.is_empty() {
            writeln!(text, "denies = {}", quoted(&m.denies)).expect("write");
        }
        if !m.supervisors.is_empty() {
            writeln!(text, "supervisors = {}", quoted(&m.supervisors)).expect("write");
        }
        if !m.active {
            text.push_str("active = false\n");
        }
    }
    text.push_str("\n[clients]\n");
    for client in spec.clients.iter().filter(|c| !c.table) {
        writeln!(
            text,
            "{} = {{ {} }}",
            client.id,
            client_fields(client).join(", ")
        )
        .expect("write");
    }
    for client in spec.clients.iter().filter(|c| c.table) {
        writeln!(
            text,
            "\n[clients.{}]\n{}",
            client.id,
            client_fields(client).join("\n")
        )
        .expect("write");
    }
    text
}

/// The practice read back from its text, which must pass validation.
fn load(spec: &PracticeSpec) -> Result<Practice, TestCaseError> {
    let text = render(spec);
    let checked = check(&text, base_date());
    prop_assert!(
        !checked.findings.has_errors(),
        "generated practice fails validation:\n{text}\n{:#?}",
        checked.findings
    );
    Ok(checked.practice)
}

// ---------------------------------------------------------------------------
// The questions.

/// One access question, owned.
#[derive(Clone, Debug)]
struct Question {
    member: String,
    capability: String,
    client: Option<String>,
    author: Option<String>,
}

impl Question {
    fn request(&self) -> Request<'_> {
        Request {
            member: &self.member,
            capability: &self.capability,
            client: self.client.as_deref(),
            author: self.author.as_deref(),
        }
    }
}

/// Every member × capability × client (× author, for client capabilities:
/// none or any member), in the spec's own order.
fn questions(spec: &PracticeSpec, practice: &Practice) -> Vec<Question> {
    let mut questions = Vec::new();
    for member in &spec.members {
        for capability in practice.capabilities() {
            match capability.kind {
                Kind::Practice => questions.push(Question {
                    member: member.id.clone(),
                    capability: capability.name.clone(),
                    client: None,
                    author: None,
                }),
                Kind::Client => {
                    for client in &spec.clients {
                        let authors = std::iter::once(None)
                            .chain(spec.members.iter().map(|m| Some(m.id.clone())));
                        for author in authors {
                            questions.push(Question {
                                member: member.id.clone(),
                                capability: capability.name.clone(),
                                client: Some(client.id.clone()),
                                author,
                            });
                        }
                    }
                }
            }
        }
    }
    questions
}

fn ask(
    practice: &Practice,
    question: &Question,
    date: NaiveDate,
) -> Result<Decision, TestCaseError> {
    decide(practice, &question.request(), date)
        .map_err(|e| TestCaseError::fail(format!("{question:?} is an error: {e}")))
}

/// A decision with the order its reasons were collected in taken out: the
/// reasons as a sorted multiset, a shortfall's lists sorted, and the
/// supervisee or temporary entry a route went through reduced to its kind
/// (which of several equally good routes is named may follow file order).
fn normalized(decision: &Decision) -> (bool, Vec<String>) {
    fn relation(relation: &Relation) -> String {
        match relation {
            Relation::Temporary { until, .. } => format!("temporary until {until}"),
            other => format!("{other:?}"),
        }
    }
    let mut reasons: Vec<String> = decision
        .reasons
        .iter()
        .map(|reason| match reason {
            Reason::Granted(g) => {
                let route = match &g.route {
                    Route::Supervision { .. } => "supervision".to_string(),
                    Route::Assigned { via } => format!("assigned via {}", relation(via)),
                    Route::Administrative { via } => {
                        format!("administrative via {}", relation(via))
                    }
                    other => format!("{other:?}"),
                };
                format!("granted {:?} {} {:?} {route}", g.source, g.pattern, g.scope)
            }
            Reason::NotGranted(shortfall) => {
                let mut unmet: Vec<String> =
                    shortfall.unmet.iter().map(|u| format!("{u:?}")).collect();
                unmet.sort();
                let mut roles = shortfall.roles.clone();
                roles.sort();
                format!("not granted {unmet:?} would allow {roles:?}")
            }
            other => format!("{other:?}"),
        })
        .collect();
    reasons.sort();
    (decision.allowed, reasons)
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 64,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------
// The properties.

proptest! {
    #![proptest_config(config())]

    /// (a) Reordering members, roles, grants, clients and the lists inside
    /// them changes no decision.
    #[test]
    fn decisions_do_not_depend_on_file_order(
        spec in practice_spec(),
        seed in any::<u64>(),
        at in -2i64..14,
    ) {
        let date = shifted(at);
        let original = load(&spec)?;
        let other = shuffled(&spec, seed);
        let reordered = load(&other)?;
        for question in questions(&spec, &original) {
            let first = ask(&original, &question, date)?;
            let second = ask(&reordered, &question, date)?;
            prop_assert_eq!(
                normalized(&first),
                normalized(&second),
                "{:?}\n--- original ---\n{}\n--- reordered ---\n{}",
                question,
                render(&spec),
                render(&other)
            );
        }
    }

    /// (b) Every allow carries at least one reason, each the owner or a grant
    /// the member holds whose pattern matches the capability.
    #[test]
    fn every_allow_carries_a_reason(spec in practice_spec(), at in -2i64..14) {
        let practice = load(&spec)?;
        let date = shifted(at);
        for question in questions(&spec, &practice) {
            let decision = ask(&practice, &question, date)?;
            prop_assert!(!decision.reasons.is_empty(), "{:?}: {:?}", question, decision);
            if !decision.allowed {
                continue;
            }
            let member = practice.member(&question.member).expect("asked about a member");
            for reason in &decision.reasons {
                match reason {
                    Reason::Owner => {
                        prop_assert!(practice.is_owner(&question.member));
                    }
                    Reason::Granted(g) => {
                        prop_assert!(pattern::matches(&g.pattern, &question.capability));
                        if let Source::Role(role) = &g.source {
                            prop_assert!(member.has_role(role), "{:?}: {:?}", question, g);
                        }
                    }
                    other => prop_assert!(false, "{:?}: an allow with {:?}", question, other),
                }
            }
        }
    }

    /// (c) The owner is always allowed, an inactive member never.
    #[test]
    fn owner_always_allowed_and_inactive_never(spec in practice_spec(), at in -2i64..14) {
        let practice = load(&spec)?;
        let date = shifted(at);
        for question in questions(&spec, &practice) {
            let decision = ask(&practice, &question, date)?;
            let active = spec.members.iter().any(|m| m.id == question.member && m.active);
            if spec.owner.as_deref() == Some(question.member.as_str()) {
                prop_assert!(decision.allowed, "{:?}: {:?}", question, decision);
                prop_assert_eq!(&decision.reasons, &vec![Reason::Owner]);
            }
            if !active {
                prop_assert!(!decision.allowed, "{:?}: {:?}", question, decision);
                prop_assert_eq!(&decision.reasons, &vec![Reason::Inactive]);
            }
        }
    }

    /// (d) A deny that no earlier step decided (active, not the owner, no
    /// matching deny) is the default deny: exactly one NotGranted reason.
    #[test]
    fn every_default_deny_says_what_was_not_granted(spec in practice_spec(), at in -2i64..14) {
        let practice = load(&spec)?;
        let date = shifted(at);
        for question in questions(&spec, &practice) {
            let decision = ask(&practice, &question, date)?;
            let member = spec
                .members
                .iter()
                .find(|m| m.id == question.member)
                .expect("asked about a member");
            let earlier_step = !member.active
                || spec.owner.as_deref() == Some(member.id.as_str())
                || member.denies.iter().any(|d| pattern::matches(d, &question.capability));
            let not_granted = decision
                .reasons
                .iter()
                .filter(|r| matches!(r, Reason::NotGranted(_)))
                .count();
            if !decision.allowed && !earlier_step {
                prop_assert_eq!(decision.reasons.len(), 1, "{:?}: {:?}", question, decision);
                prop_assert_eq!(not_granted, 1, "{:?}: {:?}", question, decision);
            } else {
                prop_assert_eq!(not_granted, 0, "{:?}: {:?}", question, decision);
            }
        }
    }

    /// The matrix and the decision read the same grants: a practice
    /// capability is allowed exactly when the member's matrix cell is not
    /// empty, and a client capability allowed on some client has a cell.
    #[test]
    fn matrix_agrees_with_decisions(spec in practice_spec(), at in -2i64..14) {
        let practice = load(&spec)?;
        let date = shifted(at);
        for member in &practice.members {
            let row = member_row(&practice, member);
            for (cell, capability) in row.iter().zip(practice.capabilities()) {
                let questions: Vec<Question> = match capability.kind {
                    Kind::Practice => vec![Question {
                        member: member.id.value.clone(),
                        capability: capability.name.clone(),
                        client: None,
                        author: None,
                    }],
                    Kind::Client => spec
                        .clients
                        .iter()
                        .map(|c| Question {
                            member: member.id.value.clone(),
                            capability: capability.name.clone(),
                            client: Some(c.id.clone()),
                            author: Some(member.id.value.clone()),
                        })
                        .collect(),
                };
                let mut any_allowed = false;
                for question in &questions {
                    any_allowed |= ask(&practice, question, date)?.allowed;
                }
                if capability.kind == Kind::Practice {
                    prop_assert_eq!(any_allowed, !cell.is_empty(), "{} {}", member.id.value, capability.name);
                } else if any_allowed {
                    prop_assert!(!cell.is_empty(), "{} {}", member.id.value, capability.name);
                }
            }
        }
    }
}

/// Whether the decision's reasons show the review's route: the grant's
/// scope held through that relation (SPEC §9.4 names the route a reader
/// reaches a chart by, so it must be the decision's own).
fn route_is_decided(route: &ReviewRoute, decision: &Decision) -> bool {
    decision.reasons.iter().any(|reason| {
        let Reason::Granted(grant) = reason else {
            return false;
        };
        match (route, &grant.route) {
            (ReviewRoute::Primary, Route::Assigned { via }) => *via == Relation::Primary,
            (ReviewRoute::Granted, Route::Assigned { via }) => *via == Relation::Clinician,
            (ReviewRoute::Temporary { until, .. }, Route::Assigned { via }) => {
                matches!(via, Relation::Temporary { until: u, .. } if u == until)
            }
            (ReviewRoute::Supervision { supervisee }, Route::Supervision { supervisee: s, .. }) => {
                s == supervisee
            }
            (
                ReviewRoute::AllClients { source },
                Route::Unrestricted | Route::Administrative { .. },
            ) => grant.source == *source,
            _ => false,
        }
    })
}

/// The places of the capabilities a reader holds by any route.
fn holds(readers: &[Reader<'_>], member: &str, place: usize) -> bool {
    readers.iter().filter(|r| r.member == member).any(|r| {
        r.routes
            .iter()
            .any(|route| route.capabilities.contains(place))
    })
}

proptest! {
    #![proptest_config(config())]

    /// The review's readers (SPEC §9.4), computed from each chart's
    /// relations and the holders on every unrestricted chart, are exactly
    /// the decision's: every (member, client capability, client) the
    /// decision allows is in the review, on the chart or (unrestricted
    /// charts) among the holders everywhere; nothing else is; each route
    /// is one the decision itself went through; the owner is on every
    /// restricted chart; and the per-member chart counts are the
    /// decision's.
    #[test]
    fn the_review_reach_is_the_decision(spec in practice_spec(), at in -2i64..14) {
        let practice = load(&spec)?;
        let date = shifted(at);
        let reach = Reach::new(&practice, date);
        let everywhere = reach.every_chart();
        let mut reached: std::collections::HashMap<&str, usize> = Default::default();
        for client in &practice.clients {
            let here = reach.chart(client);
            if client.restricted
                && let Some(owner) = practice.owner_id()
            {
                prop_assert!(here.iter().any(|r| r.member == owner), "owner missing on {}", client.id.value);
            }
            for member in &practice.members {
                let id = member.id.value.as_str();
                let mut any = false;
                for (place, capability) in reach.catalog.names.iter().enumerate() {
                    let question = Question {
                        member: id.to_string(),
                        capability: capability.to_string(),
                        client: Some(client.id.value.clone()),
                        author: None,
                    };
                    let decision = ask(&practice, &question, date)?;
                    let listed = holds(&here, id, place)
                        || (!client.restricted && holds(&everywhere, id, place));
                    prop_assert_eq!(
                        decision.allowed, listed,
                        "{:?}: {:?}\n{}", question, decision, render(&spec)
                    );
                    any |= decision.allowed;
                    if practice.is_owner(id) {
                        continue;
                    }
                    for reader in here.iter().chain(&everywhere).filter(|r| r.member == id) {
                        for route in &reader.routes {
                            let on_this_chart = here.iter().any(|r| std::ptr::eq(r, reader));
                            if route.capabilities.contains(place) && (on_this_chart || !client.restricted) {
                                prop_assert!(
                                    route_is_decided(&route.route, &decision),
                                    "{:?} by {:?}: {:?}", question, route.route, decision
                                );
                            }
                        }
                    }
                }
                if any {
                    *reached.entry(id).or_default() += 1;
                }
            }
        }
        let findings = check(&render(&spec), date).findings;
        let review = praxis::rules::review::review(&practice, &findings, date, None, None);
        for summary in &review.members {
            prop_assert_eq!(
                summary.clients,
                reached.get(summary.member.as_str()).copied().unwrap_or(0),
                "charts of {}", summary.member
            );
        }
    }
}

#[test]
fn the_generator_writes_both_client_forms_and_reads_them_back() {
    let spec = PracticeSpec {
        owner: Some("m0".to_string()),
        roles: vec![RoleSpec {
            id: "r0",
            grants: vec![GrantSpec {
                can: vec!["audit.view"],
                on: None,
            }],
        }],
        members: vec![
            MemberSpec {
                id: "m0".to_string(),
                active: true,
                roles: vec!["clinician", "supervisor"],
                grants: vec![],
                denies: vec![],
                supervisors: vec![],
            },
            MemberSpec {
                id: "m1".to_string(),
                active: true,
                roles: vec!["clinician", "r0"],
                grants: vec![],
                denies: vec!["hr.view"],
                supervisors: vec!["m0".to_string()],
            },
        ],
        clients: vec![
            ClientSpec {
                id: "C-0".to_string(),
                primary: "m0".to_string(),
                clinicians: vec![],
                restricted: true,
                administrative: vec![],
                temporary: vec![TemporarySpec {
                    member: "m1".to_string(),
                    until: 30,
                    reason: "Coverage",
                }],
                table: true,
            },
            ClientSpec {
                id: "C-1".to_string(),
                primary: "m1".to_string(),
                clinicians: vec![],
                restricted: false,
                administrative: vec![],
                temporary: vec![],
                table: false,
            },
        ],
    };
    let text = render(&spec);
    let checked = check(&text, base_date());
    assert!(
        checked.findings.iter().next().is_none(),
        "{text}\n{:#?}",
        checked.findings
    );
    let practice = checked.practice;
    assert_eq!(practice.clients.len(), 2);
    let c0 = practice.client("C-0").expect("C-0");
    assert!(c0.restricted && c0.temporary.len() == 1);
    let question = Question {
        member: "m1".to_string(),
        capability: "clinical.view".to_string(),
        client: Some("C-0".to_string()),
        author: None,
    };
    let decision = decide(&practice, &question.request(), base_date()).expect("a decision");
    assert!(decision.allowed, "{decision:?}");
}
