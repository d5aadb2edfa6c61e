//! The practice as plain data: members, roles, grants, clients and custom
//! capabilities, each value with the byte span it was read from so findings
//! can point at the line. No I/O and no rules live here; `read` builds it
//! from TOML text and `rules` decides what it means.

mod read;
mod respan;

pub use read::{ReadOutcome, read_in_pieces, read_practice, read_whole};
pub use respan::Respan;

use chrono::NaiveDate;
use foldhash::HashMap;

/// A byte range in the practice file's text.
pub type Span = std::ops::Range<usize>;

/// A value and where it was written. Built-in catalog data has an empty span.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Self { value, span }
    }
}

/// Whether a capability needs a client.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Kind {
    Client,
    Practice,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Client => "client",
            Kind::Practice => "practice",
        }
    }
}

/// Where a grant holds (SPEC §3.1).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    All,
    Assigned,
    Supervisees,
    Own,
    Practice,
}

impl Scope {
    pub const ALL: [Scope; 5] = [
        Scope::All,
        Scope::Assigned,
        Scope::Supervisees,
        Scope::Own,
        Scope::Practice,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Scope::All => "all",
            Scope::Assigned => "assigned",
            Scope::Supervisees => "supervisees",
            Scope::Own => "own",
            Scope::Practice => "practice",
        }
    }

    pub fn parse(text: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// The kind of capability this scope grants.
    pub fn kind(self) -> Kind {
        match self {
            Scope::Practice => Kind::Practice,
            _ => Kind::Client,
        }
    }
}

/// A capability defined in the file's `[capabilities]` table.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct CustomCapability {
    pub name: Spanned<String>,
    /// `None` when the scope was missing or not `client`/`practice`.
    pub kind: Option<Kind>,
    pub description: Option<Spanned<String>>,
}

/// `{ can = [...], on = SCOPE }`.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Grant {
    pub can: Vec<Spanned<String>>,
    /// `None` when `on` was missing (practice) — see [`Grant::scope`].
    pub on: Option<Spanned<Scope>>,
    pub span: Span,
}

impl Grant {
    /// A grant without `on` is a practice grant (SPEC §3.1).
    pub fn scope(&self) -> Scope {
        self.on.as_ref().map_or(Scope::Practice, |s| s.value)
    }
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct RoleDef {
    pub id: Spanned<String>,
    pub description: Option<Spanned<String>>,
    pub grants: Vec<Grant>,
    pub requires: Vec<Spanned<String>>,
    pub excludes: Vec<Spanned<String>>,
    /// True for the catalog's own definition, false for a `[roles.NAME]` table.
    pub builtin: bool,
    pub span: Span,
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Member {
    pub id: Spanned<String>,
    pub name: Option<Spanned<String>>,
    pub legal_name: Option<Spanned<String>>,
    pub email: Option<Spanned<String>>,
    /// The member's GitHub login: who a pull request is judged as (SPEC §8).
    pub github: Option<Spanned<String>>,
    pub roles: Vec<Spanned<String>>,
    pub npi: Option<Spanned<String>>,
    pub taxonomy: Option<Spanned<String>>,
    pub supervisors: Vec<Spanned<String>>,
    pub cosign: Vec<Spanned<String>>,
    pub bill_as_supervisor: Option<Spanned<bool>>,
    pub grants: Vec<Grant>,
    pub denies: Vec<Spanned<String>>,
    pub active: bool,
    pub span: Span,
}

impl Member {
    pub fn has_role(&self, role: &str) -> bool {
        self.roles.iter().any(|r| r.value == role)
    }

    pub fn display_name(&self) -> &str {
        self.name.as_ref().map_or(&self.id.value, |n| &n.value)
    }

    pub fn is_intern(&self) -> bool {
        self.has_role(crate::catalog::INTERN)
    }

    /// Interns always bill as their supervisor (SPEC §3.3).
    pub fn bills_as_supervisor(&self) -> bool {
        self.is_intern() || self.bill_as_supervisor.as_ref().is_some_and(|b| b.value)
    }
}

/// Time-limited clinical access: coverage or "break the glass".
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Temporary {
    pub member: Option<Spanned<String>>,
    /// The last day the entry holds.
    pub until: Option<Spanned<NaiveDate>>,
    pub reason: Option<Spanned<String>>,
    pub span: Span,
}

impl Temporary {
    /// The entry holds through the end of `until`, and not after.
    pub fn holds_on(&self, date: NaiveDate) -> bool {
        self.until.as_ref().is_some_and(|u| u.value >= date)
    }

    pub fn member_is(&self, id: &str) -> bool {
        self.member.as_ref().is_some_and(|m| m.value == id)
    }

    pub fn reason_text(&self) -> &str {
        self.reason.as_ref().map_or("", |r| r.value.as_str())
    }
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Client {
    pub id: Spanned<String>,
    pub primary: Option<Spanned<String>>,
    pub clinicians: Vec<Spanned<String>>,
    pub restricted: bool,
    pub administrative: Vec<Spanned<String>>,
    pub temporary: Vec<Temporary>,
    pub span: Span,
}

impl Client {
    pub fn is_primary(&self, member: &str) -> bool {
        self.primary.as_ref().is_some_and(|p| p.value == member)
    }

    pub fn is_clinician(&self, member: &str) -> bool {
        self.clinicians.iter().any(|c| c.value == member)
    }

    pub fn in_administrative(&self, member: &str) -> bool {
        self.administrative.iter().any(|c| c.value == member)
    }

    /// The member's temporary entry that holds on `date`, if any.
    pub fn temporary_for(&self, member: &str, date: NaiveDate) -> Option<&Temporary> {
        self.temporary
            .iter()
            .filter(|t| t.member_is(member) && t.holds_on(date))
            .max_by_key(|t| t.until.as_ref().map(|u| u.value))
    }

    /// Primary, clinicians and unexpired temporary members: who has clinical
    /// access through the chart itself.
    pub fn care_team(&self, date: NaiveDate) -> impl Iterator<Item = &str> {
        self.primary
            .iter()
            .map(|p| p.value.as_str())
            .chain(self.clinicians.iter().map(|c| c.value.as_str()))
            .chain(
                self.temporary
                    .iter()
                    .filter(move |t| t.holds_on(date))
                    .filter_map(|t| t.member.as_ref().map(|m| m.value.as_str())),
            )
    }
}

/// The whole file, read. Indexes are built once by [`Practice::index`] so a
/// decision looks members, roles, capabilities and clients up by id.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Practice {
    pub version: Option<Spanned<i64>>,
    pub name: Option<Spanned<String>>,
    pub owner: Option<Spanned<String>>,
    pub max_supervisors: Option<Spanned<i64>>,
    pub capabilities: Vec<CustomCapability>,
    pub roles: Vec<RoleDef>,
    pub members: Vec<Member>,
    pub clients: Vec<Client>,
    /// Rebuilt after reading (from the file or the cache), never stored.
    #[serde(skip)]
    pub index: Index,
}

/// Look-up tables over a [`Practice`], rebuilt by [`Practice::index`].
#[derive(Clone, Debug, Default)]
pub struct Index {
    members: HashMap<String, usize>,
    clients: HashMap<String, usize>,
    /// Effective roles: the built-in catalog with the file's roles over it.
    roles: Vec<RoleDef>,
    role_ids: HashMap<String, usize>,
    capabilities: Vec<Capability>,
    capability_ids: HashMap<String, usize>,
    /// member id → ids of the members they supervise.
    supervisees: HashMap<String, Vec<String>>,
}

/// A capability of the effective catalog: built-in or custom.
#[derive(Clone, Debug)]
pub struct Capability {
    pub name: String,
    pub kind: Kind,
    pub description: String,
    pub builtin: bool,
}

impl Practice {
    /// Rebuilds the look-up tables; call after changing the data.
    pub fn index(&mut self) {
        let mut index = Index::default();
        for (i, member) in self.members.iter().enumerate() {
            index.members.entry(member.id.value.clone()).or_insert(i);
            for supervisor in &member.supervisors {
                index
                    .supervisees
                    .entry(supervisor.value.clone())
                    .or_default()
                    .push(member.id.value.clone());
            }
        }
        for (i, client) in self.clients.iter().enumerate() {
            index.clients.entry(client.id.value.clone()).or_insert(i);
        }
        let mut roles = crate::catalog::builtin_roles();
        for role in &self.roles {
            match roles.iter_mut().find(|r| r.id.value == role.id.value) {
                Some(slot) => *slot = role.clone(),
                None => roles.push(role.clone()),
            }
        }
        for (i, role) in roles.iter().enumerate() {
            index.role_ids.insert(role.id.value.clone(), i);
        }
        index.roles = roles;
        let mut capabilities: Vec<Capability> = crate::catalog::CAPABILITIES
            .iter()
            .map(|c| Capability {
                name: c.name.to_string(),
                kind: c.kind,
                description: c.description.to_string(),
                builtin: true,
            })
            .collect();
        for custom in &self.capabilities {
            if let Some(kind) = custom.kind
                && !crate::catalog::is_builtin_capability(&custom.name.value)
            {
                capabilities.push(Capability {
                    name: custom.name.value.clone(),
                    kind,
                    description: custom
                        .description
                        .as_ref()
                        .map(|d| d.value.clone())
                        .unwrap_or_default(),
                    builtin: false,
                });
            }
        }
        for (i, capability) in capabilities.iter().enumerate() {
            index.capability_ids.insert(capability.name.clone(), i);
        }
        index.capabilities = capabilities;
        self.index = index;
    }

    /// No practice at all, indexed: what a file that is not TOML reads as.
    pub fn indexed_empty() -> Practice {
        let mut practice = Practice::default();
        practice.index();
        practice
    }

    pub fn member(&self, id: &str) -> Option<&Member> {
        self.index.members.get(id).map(|&i| &self.members[i])
    }

    /// The member whose `github` login is `login`, ignoring letter case as
    /// GitHub does. Validation keeps logins unique, so there is at most one.
    pub fn member_by_github(&self, login: &str) -> Option<&Member> {
        self.members.iter().find(|m| {
            m.github
                .as_ref()
                .is_some_and(|g| g.value.eq_ignore_ascii_case(login))
        })
    }

    pub fn client(&self, id: &str) -> Option<&Client> {
        self.index.clients.get(id).map(|&i| &self.clients[i])
    }

    pub fn role(&self, id: &str) -> Option<&RoleDef> {
        self.index.role_ids.get(id).map(|&i| &self.index.roles[i])
    }

    /// Built-in roles in catalog order, then the file's new roles.
    pub fn roles(&self) -> &[RoleDef] {
        &self.index.roles
    }

    pub fn capability(&self, name: &str) -> Option<&Capability> {
        self.index
            .capability_ids
            .get(name)
            .map(|&i| &self.index.capabilities[i])
    }

    /// Built-in capabilities in catalog order, then custom ones in file order.
    pub fn capabilities(&self) -> &[Capability] {
        &self.index.capabilities
    }

    /// Members who list `id` among their supervisors.
    pub fn supervisees_of(&self, id: &str) -> &[String] {
        self.index.supervisees.get(id).map_or(&[], Vec::as_slice)
    }

    pub fn owner_id(&self) -> Option<&str> {
        self.owner.as_ref().map(|o| o.value.as_str())
    }

    pub fn is_owner(&self, member: &str) -> bool {
        self.owner_id() == Some(member)
    }

    pub fn practice_name(&self) -> &str {
        self.name.as_ref().map_or("", |n| n.value.as_str())
    }

    /// The practice with only the built-in catalog: what `matrix` shows
    /// without a file.
    pub fn catalog_only() -> Practice {
        let mut practice = Practice::default();
        practice.index();
        practice
    }
}
