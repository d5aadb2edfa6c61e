//! The reference model of the access decision (SPEC §3.1–§3.3), written
//! from the SPEC alone and sharing no code with `src/rules`: plain
//! structures, its own pattern matcher, its own copy of the built-in role
//! catalog, and a renderer of its practices as `practice.toml` text.
//!
//! Included with `#[path]` by `tests/reference_model.rs` (the seeded
//! comparison) and by `fuzz/fuzz_targets/decide.rs` (the fuzzed one), so
//! both compare praxis with the same model.

#![allow(dead_code)]

use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::fmt::Write as _;
// ---------------------------------------------------------------------------
// The model: plain data, as SPEC §1 and §3 describe it.

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Client,
    Practice,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    All,
    Assigned,
    Supervisees,
    Own,
    Practice,
}

impl Scope {
    pub fn kind(self) -> Kind {
        if self == Scope::Practice {
            Kind::Practice
        } else {
            Kind::Client
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            Scope::All => "all",
            Scope::Assigned => "assigned",
            Scope::Supervisees => "supervisees",
            Scope::Own => "own",
            Scope::Practice => "practice",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Grant {
    pub can: Vec<String>,
    pub on: Scope,
    /// A practice grant written without `on` (it means `practice`).
    pub omit_on: bool,
}

#[derive(Clone, Debug)]
pub struct Role {
    pub id: String,
    pub grants: Vec<Grant>,
    pub requires: Vec<String>,
    pub excludes: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct Member {
    pub id: String,
    pub active: bool,
    pub roles: Vec<String>,
    pub grants: Vec<Grant>,
    pub denies: Vec<String>,
    pub supervisors: Vec<String>,
    pub npi: bool,
    pub intern: bool,
}

#[derive(Clone, Debug)]
pub struct Temporary {
    pub member: String,
    pub until: NaiveDate,
    pub reason: String,
}

#[derive(Clone, Debug)]
pub struct Client {
    pub id: String,
    pub primary: String,
    pub clinicians: Vec<String>,
    pub restricted: bool,
    pub administrative: Vec<String>,
    pub temporary: Vec<Temporary>,
    pub table: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Practice {
    pub owner: Option<String>,
    /// Custom capabilities, in file order.
    pub capabilities: Vec<(String, Kind)>,
    /// `[roles.X]` in the file: custom roles and replacements of built-ins.
    pub roles: Vec<Role>,
    pub members: Vec<Member>,
    pub clients: Vec<Client>,
}

/// SPEC §2, re-typed.
pub const CATALOG: &[(&str, Kind)] = &[
    ("client.view", Kind::Client),
    ("client.edit", Kind::Client),
    ("client.delete", Kind::Client),
    ("client.assign", Kind::Client),
    ("client.access", Kind::Client),
    ("client.restrict", Kind::Client),
    ("client.diagnosis", Kind::Client),
    ("clinical.view", Kind::Client),
    ("clinical.write", Kind::Client),
    ("clinical.sign", Kind::Client),
    ("clinical.cosign", Kind::Client),
    ("clinical.delete-signed", Kind::Client),
    ("notes.admin", Kind::Client),
    ("files.view", Kind::Client),
    ("files.upload", Kind::Client),
    ("schedule.view", Kind::Client),
    ("schedule.manage", Kind::Client),
    ("billing.view", Kind::Client),
    ("billing.manage", Kind::Client),
    ("billing.claims", Kind::Client),
    ("client.create", Kind::Practice),
    ("members.view", Kind::Practice),
    ("members.manage", Kind::Practice),
    ("members.credentials", Kind::Practice),
    ("practice.settings", Kind::Practice),
    ("billing.reports", Kind::Practice),
    ("billing.settings", Kind::Practice),
    ("billing.insights", Kind::Practice),
    ("forms.manage", Kind::Practice),
    ("reports.activity", Kind::Practice),
    ("audit.view", Kind::Practice),
    ("hr.view", Kind::Practice),
];

pub fn g(on: Scope, can: &[&str]) -> Grant {
    Grant {
        can: can.iter().map(|s| s.to_string()).collect(),
        on,
        omit_on: false,
    }
}

pub const CLINICIAN_ASSIGNED: &[&str] = &[
    "clinical.view",
    "clinical.write",
    "clinical.sign",
    "notes.admin",
    "files.*",
    "schedule.*",
    "client.edit",
    "client.access",
    "client.diagnosis",
];

/// SPEC §3.3, re-typed. `intern` has its own copy of the clinician grants
/// (the built-in `intern` is "same as clinician" in the catalog).
pub fn builtin_roles() -> Vec<Role> {
    let role = |id: &str, grants: Vec<Grant>, requires: &[&str], excludes: &[&str]| Role {
        id: id.to_string(),
        grants,
        requires: requires.iter().map(|s| s.to_string()).collect(),
        excludes: excludes.iter().map(|s| s.to_string()).collect(),
    };
    let clinician = || {
        vec![
            g(Scope::All, &["client.view"]),
            g(Scope::Assigned, CLINICIAN_ASSIGNED),
            g(Scope::Practice, &["members.view"]),
        ]
    };
    vec![
        role(
            "administrator",
            vec![
                g(
                    Scope::Practice,
                    &[
                        "members.*",
                        "practice.settings",
                        "billing.settings",
                        "billing.reports",
                        "billing.insights",
                        "forms.manage",
                        "audit.view",
                        "client.create",
                        "hr.view",
                    ],
                ),
                g(Scope::All, &["client.view", "client.access"]),
            ],
            &[],
            &[],
        ),
        role("clinician", clinician(), &[], &["intern"]),
        role("intern", clinician(), &[], &["clinician"]),
        role(
            "clinical-admin",
            vec![g(
                Scope::All,
                &[
                    "client.view",
                    "clinical.*",
                    "client.assign",
                    "client.access",
                    "client.diagnosis",
                    "files.*",
                ],
            )],
            &["clinician"],
            &[],
        ),
        role(
            "supervisor",
            vec![g(
                Scope::Supervisees,
                &[
                    "clinical.view",
                    "clinical.cosign",
                    "client.diagnosis",
                    "files.view",
                ],
            )],
            &[],
            &[],
        ),
        role(
            "scheduler",
            vec![
                g(
                    Scope::All,
                    &[
                        "client.view",
                        "client.edit",
                        "client.delete",
                        "client.access",
                        "schedule.*",
                        "notes.admin",
                    ],
                ),
                g(Scope::Practice, &["client.create", "members.view"]),
            ],
            &[],
            &[],
        ),
        role(
            "biller",
            vec![
                g(
                    Scope::All,
                    &["client.view", "client.diagnosis", "billing.*"],
                ),
                g(
                    Scope::Practice,
                    &[
                        "billing.reports",
                        "billing.settings",
                        "billing.insights",
                        "members.view",
                    ],
                ),
            ],
            &[],
            &[],
        ),
        role(
            "biller-assigned",
            vec![g(Scope::Assigned, &["billing.view", "billing.manage"])],
            &["clinician"],
            &[],
        ),
        role(
            "forms-admin",
            vec![g(Scope::Practice, &["forms.manage"])],
            &[],
            &[],
        ),
    ]
}

/// `*` matches everything, `prefix.*` everything under `prefix.`, anything
/// else only itself.
pub fn pattern_matches(pattern: &str, capability: &str) -> bool {
    if pattern == "*" {
        return true;
    }
    match pattern.strip_suffix(".*") {
        Some(prefix) => {
            capability.len() > prefix.len() + 1
                && capability.starts_with(prefix)
                && capability.as_bytes()[prefix.len()] == b'.'
        }
        None => pattern == capability,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Why {
    Error,
    Inactive,
    Owner,
    Denied,
    PracticeGrant,
    AllUnrestricted,
    AllAdministrative,
    Assigned,
    AssignedTemporary,
    Supervisees,
    Own,
    Default,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Allow,
    Deny,
    Error,
}

pub struct Model {
    pub practice: Practice,
    pub roles: BTreeMap<String, Role>,
    pub capabilities: BTreeMap<String, Kind>,
}

impl Model {
    pub fn new(practice: Practice) -> Model {
        let mut roles: BTreeMap<String, Role> = builtin_roles()
            .into_iter()
            .map(|r| (r.id.clone(), r))
            .collect();
        for role in &practice.roles {
            roles.insert(role.id.clone(), role.clone());
        }
        let mut capabilities: BTreeMap<String, Kind> = CATALOG
            .iter()
            .map(|(name, kind)| (name.to_string(), *kind))
            .collect();
        for (name, kind) in &practice.capabilities {
            capabilities.insert(name.clone(), *kind);
        }
        Model {
            practice,
            roles,
            capabilities,
        }
    }

    pub fn member(&self, id: &str) -> Option<&Member> {
        self.practice.members.iter().find(|m| m.id == id)
    }

    pub fn client(&self, id: &str) -> Option<&Client> {
        self.practice.clients.iter().find(|c| c.id == id)
    }

    /// The member's roles' grants, then the member's own.
    pub fn grants_of<'a>(&'a self, member: &'a Member) -> Vec<&'a Grant> {
        let mut out = Vec::new();
        for role in &member.roles {
            if let Some(role) = self.roles.get(role) {
                out.extend(role.grants.iter());
            }
        }
        out.extend(member.grants.iter());
        out
    }

    pub fn is_clinical_role(&self, role: &str) -> bool {
        self.roles.get(role).is_some_and(|role| {
            role.grants.iter().any(|grant| {
                grant.on == Scope::Assigned
                    && grant
                        .can
                        .iter()
                        .any(|p| pattern_matches(p, "clinical.write"))
            })
        })
    }

    pub fn has_clinical_role(&self, member: &Member) -> bool {
        member.roles.iter().any(|r| self.is_clinical_role(r))
    }

    pub fn can_cosign(&self, member: &Member) -> bool {
        let granted = self.grants_of(member).iter().any(|grant| {
            grant.on.kind() == Kind::Client
                && grant
                    .can
                    .iter()
                    .any(|p| pattern_matches(p, "clinical.cosign"))
        });
        granted
            && !member
                .denies
                .iter()
                .any(|d| pattern_matches(d, "clinical.cosign"))
    }

    /// Primary, clinician, or a temporary entry through the end of `until`.
    pub fn on_chart(client: &Client, member: &str, date: NaiveDate) -> Option<Why> {
        if client.primary == member || client.clinicians.iter().any(|c| c == member) {
            return Some(Why::Assigned);
        }
        client
            .temporary
            .iter()
            .any(|t| t.member == member && date <= t.until)
            .then_some(Why::AssignedTemporary)
    }

    pub fn administrative_access(&self, client: &Client, member: &str, date: NaiveDate) -> bool {
        Model::on_chart(client, member, date).is_some()
            || client.administrative.iter().any(|a| a == member)
            || self.practice.owner.as_deref() == Some(member)
    }

    pub fn supervises_someone_on_chart(
        &self,
        client: &Client,
        member: &str,
        date: NaiveDate,
    ) -> bool {
        let mut team: Vec<&str> = vec![client.primary.as_str()];
        team.extend(client.clinicians.iter().map(|c| c.as_str()));
        team.extend(
            client
                .temporary
                .iter()
                .filter(|t| date <= t.until)
                .map(|t| t.member.as_str()),
        );
        team.iter().any(|id| {
            self.member(id)
                .is_some_and(|m| m.supervisors.iter().any(|s| s == member))
        })
    }

    /// SPEC §3.2, step by step.
    pub fn decide(&self, request: &Query, date: NaiveDate) -> Why {
        // 1. Everything named must exist and fit.
        let Some(member) = self.member(&request.member) else {
            return Why::Error;
        };
        if request.capability.contains('*') {
            return Why::Error;
        }
        let Some(&kind) = self.capabilities.get(&request.capability) else {
            return Why::Error;
        };
        let client = match (kind, &request.client) {
            (Kind::Client, None) | (Kind::Practice, Some(_)) => return Why::Error,
            (Kind::Practice, None) => None,
            (Kind::Client, Some(id)) => match self.client(id) {
                Some(client) => Some(client),
                None => return Why::Error,
            },
        };
        if let Some(author) = &request.author
            && (self.member(author).is_none() || kind != Kind::Client)
        {
            return Why::Error;
        }
        // 2. Inactive.
        if !member.active {
            return Why::Inactive;
        }
        // 3. Owner.
        if self.practice.owner.as_deref() == Some(member.id.as_str()) {
            return Why::Owner;
        }
        // 4. Denies.
        if member
            .denies
            .iter()
            .any(|d| pattern_matches(d, &request.capability))
        {
            return Why::Denied;
        }
        // 5. Grants whose pattern matches and whose scope holds.
        for grant in self.grants_of(member) {
            if grant.on.kind() != kind
                || !grant
                    .can
                    .iter()
                    .any(|p| pattern_matches(p, &request.capability))
            {
                continue;
            }
            let held = match (grant.on, client) {
                (Scope::Practice, _) => Some(Why::PracticeGrant),
                (_, None) => None,
                (Scope::All, Some(c)) if !c.restricted => Some(Why::AllUnrestricted),
                (Scope::All, Some(c)) => self
                    .administrative_access(c, &member.id, date)
                    .then_some(Why::AllAdministrative),
                (Scope::Assigned, Some(c)) => Model::on_chart(c, &member.id, date),
                (Scope::Supervisees, Some(c)) => self
                    .supervises_someone_on_chart(c, &member.id, date)
                    .then_some(Why::Supervisees),
                (Scope::Own, Some(_)) => {
                    (request.author.as_deref() == Some(member.id.as_str())).then_some(Why::Own)
                }
            };
            if let Some(why) = held {
                return why;
            }
        }
        // 6. Default deny.
        Why::Default
    }
}

pub fn outcome(why: Why) -> Outcome {
    match why {
        Why::Error => Outcome::Error,
        Why::Inactive | Why::Denied | Why::Default => Outcome::Deny,
        _ => Outcome::Allow,
    }
}

#[derive(Clone, Debug)]
pub struct Query {
    pub member: String,
    pub capability: String,
    pub client: Option<String>,
    pub author: Option<String>,
    pub date: NaiveDate,
}

// ---------------------------------------------------------------------------
// Rendering the model as practice.toml.

pub fn quoted(list: &[String]) -> String {
    let items: Vec<String> = list.iter().map(|s| format!("\"{s}\"")).collect();
    format!("[{}]", items.join(", "))
}

pub fn grants_toml(grants: &[Grant]) -> String {
    let items: Vec<String> = grants
        .iter()
        .map(|grant| {
            if grant.omit_on {
                format!("{{ can = {} }}", quoted(&grant.can))
            } else {
                format!(
                    "{{ can = {}, on = \"{}\" }}",
                    quoted(&grant.can),
                    grant.on.word()
                )
            }
        })
        .collect();
    format!("[{}]", items.join(", "))
}

pub fn render(p: &Practice) -> String {
    let mut out = String::from("version = 1\n\n[practice]\nname = \"Generated Practice\"\n");
    if let Some(owner) = &p.owner {
        writeln!(out, "owner = \"{owner}\"").unwrap();
    }
    if !p.capabilities.is_empty() {
        out.push_str("\n[capabilities]\n");
        for (name, kind) in &p.capabilities {
            let scope = if *kind == Kind::Client {
                "client"
            } else {
                "practice"
            };
            writeln!(
                out,
                "\"{name}\" = {{ scope = \"{scope}\", description = \"custom\" }}"
            )
            .unwrap();
        }
    }
    for role in &p.roles {
        writeln!(out, "\n[roles.{}]", role.id).unwrap();
        writeln!(out, "description = \"generated\"").unwrap();
        writeln!(out, "grants = {}", grants_toml(&role.grants)).unwrap();
        if !role.requires.is_empty() {
            writeln!(out, "requires = {}", quoted(&role.requires)).unwrap();
        }
        if !role.excludes.is_empty() {
            writeln!(out, "excludes = {}", quoted(&role.excludes)).unwrap();
        }
    }
    for m in &p.members {
        writeln!(out, "\n[members.\"{}\"]", m.id).unwrap();
        writeln!(out, "name = \"Member {}\"", m.id).unwrap();
        writeln!(out, "roles = {}", quoted(&m.roles)).unwrap();
        if !m.grants.is_empty() {
            writeln!(out, "grants = {}", grants_toml(&m.grants)).unwrap();
        }
        if !m.denies.is_empty() {
            writeln!(out, "denies = {}", quoted(&m.denies)).unwrap();
        }
        if !m.supervisors.is_empty() {
            writeln!(out, "supervisors = {}", quoted(&m.supervisors)).unwrap();
        }
        if m.npi {
            out.push_str("npi = \"1234567893\"\n");
        }
        if m.intern {
            out.push_str("bill_as_supervisor = true\n");
        }
        if !m.active {
            out.push_str("active = false\n");
        }
    }
    let client_fields = |c: &Client| -> Vec<String> {
        let mut fields = vec![format!("primary = \"{}\"", c.primary)];
        if !c.clinicians.is_empty() {
            fields.push(format!("clinicians = {}", quoted(&c.clinicians)));
        }
        if c.restricted {
            fields.push("restricted = true".into());
        }
        if !c.administrative.is_empty() {
            fields.push(format!("administrative = {}", quoted(&c.administrative)));
        }
        if !c.temporary.is_empty() {
            let items: Vec<String> = c
                .temporary
                .iter()
                .map(|t| {
                    format!(
                        "{{ member = \"{}\", until = {}, reason = \"{}\" }}",
                        t.member, t.until, t.reason
                    )
                })
                .collect();
            fields.push(format!("temporary = [{}]", items.join(", ")));
        }
        fields
    };
    let inline: Vec<&Client> = p.clients.iter().filter(|c| !c.table).collect();
    if !inline.is_empty() {
        out.push_str("\n[clients]\n");
        for c in inline {
            writeln!(out, "\"{}\" = {{ {} }}", c.id, client_fields(c).join(", ")).unwrap();
        }
    }
    for c in p.clients.iter().filter(|c| c.table) {
        writeln!(out, "\n[clients.\"{}\"]", c.id).unwrap();
        for field in client_fields(c) {
            writeln!(out, "{field}").unwrap();
        }
    }
    out
}

pub fn show(q: &Query) -> String {
    let mut s = format!("praxis access check {} {}", q.member, q.capability);
    if let Some(c) = &q.client {
        write!(s, " --client {c}").unwrap();
    }
    if let Some(a) = &q.author {
        write!(s, " --author {a}").unwrap();
    }
    write!(s, " --at {}", q.date).unwrap();
    s
}
