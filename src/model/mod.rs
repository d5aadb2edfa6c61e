//! The practice as plain data: members, roles, grants, clients and custom
//! capabilities, each value with the byte span it was read from so findings
//! can point at the line. No I/O and no rules live here; `read` builds it
//! from TOML text and `rules` decides what it means.

mod read;
mod respan;
pub mod terms;

pub use read::{ReadOutcome, read_in_pieces, read_practice, read_whole};
pub use respan::Respan;
pub use terms::{Grant, Kind, RoleDef, Scope, Spanned};

use chrono::NaiveDate;
use foldhash::HashMap;

pub use crate::span::Span;

/// How a practice holds what the SPEC requires (a member's `name`, a
/// client's `primary`, a temporary entry's `member` and `until`, a custom
/// capability's scope, the file's `version` and `[practice] name`):
/// [`Raw`] as the file was read, each maybe missing, which validation
/// reports; [`Valid`] once it validated, each there. Decisions, listings,
/// diff and review take only a `Practice<Valid>`, the default.
pub trait Stage: Clone + std::fmt::Debug + 'static {
    type Required<T: Field>: Field;

    /// The value, if the file has it (always, once valid).
    fn get<T: Field>(field: &Self::Required<T>) -> Option<&T>;
}

/// What a required field may hold.
pub trait Field:
    Clone + std::fmt::Debug + serde::Serialize + serde::de::DeserializeOwned + 'static
{
}

impl<T> Field for T where
    T: Clone + std::fmt::Debug + serde::Serialize + serde::de::DeserializeOwned + 'static
{
}

/// The practice as read: required fields may be missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Raw;

/// The practice as validated: required fields are there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Valid;

impl Stage for Raw {
    type Required<T: Field> = Option<T>;

    fn get<T: Field>(field: &Option<T>) -> Option<&T> {
        field.as_ref()
    }
}

impl Stage for Valid {
    type Required<T: Field> = T;

    fn get<T: Field>(field: &T) -> Option<&T> {
        Some(field)
    }
}

/// A capability defined in the file's `[capabilities]` table.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
#[serde(bound = "")]
pub struct CustomCapability<S: Stage = Valid> {
    pub name: Spanned<String>,
    /// Raw: missing when the scope was missing or not `client`/`practice`.
    pub kind: S::Required<Kind>,
    pub description: Option<Spanned<String>>,
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
#[serde(bound = "")]
pub struct Member<S: Stage = Valid> {
    pub id: Spanned<String>,
    pub name: S::Required<Spanned<String>>,
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

impl<S: Stage> Member<S> {
    pub fn has_role(&self, role: &str) -> bool {
        self.roles.iter().any(|r| r.value == role)
    }

    pub fn is_intern(&self) -> bool {
        self.has_role(crate::catalog::INTERN)
    }

    /// Interns always bill as their supervisor (SPEC §3.3).
    pub fn bills_as_supervisor(&self) -> bool {
        self.is_intern() || self.bill_as_supervisor.as_ref().is_some_and(|b| b.value)
    }
}

impl Member {
    pub fn display_name(&self) -> &str {
        &self.name.value
    }
}

/// Time-limited clinical access: coverage or "break the glass".
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
#[serde(bound = "")]
pub struct Temporary<S: Stage = Valid> {
    pub member: S::Required<Spanned<String>>,
    /// The last day the entry holds.
    pub until: S::Required<Spanned<NaiveDate>>,
    pub reason: Option<Spanned<String>>,
    pub span: Span,
}

impl<S: Stage> Temporary<S> {
    /// The last day the entry holds, if the file says.
    pub fn last_day(&self) -> Option<NaiveDate> {
        S::get(&self.until).map(|u| u.value)
    }

    /// The member the entry names, if the file says.
    pub fn member_id(&self) -> Option<&str> {
        S::get(&self.member).map(|m| m.value.as_str())
    }

    /// The entry holds through the end of `until`, and not after.
    pub fn holds_on(&self, date: NaiveDate) -> bool {
        self.last_day().is_some_and(|until| until >= date)
    }

    pub fn member_is(&self, id: &str) -> bool {
        self.member_id() == Some(id)
    }

    pub fn reason_text(&self) -> &str {
        self.reason.as_ref().map_or("", |r| r.value.as_str())
    }
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
#[serde(bound = "")]
pub struct Client<S: Stage = Valid> {
    pub id: Spanned<String>,
    pub primary: S::Required<Spanned<String>>,
    pub clinicians: Vec<Spanned<String>>,
    pub restricted: bool,
    pub administrative: Vec<Spanned<String>>,
    pub temporary: Vec<Temporary<S>>,
    pub span: Span,
}

impl<S: Stage> Client<S> {
    /// The primary clinician's id, if the file says.
    pub fn primary_id(&self) -> Option<&str> {
        S::get(&self.primary).map(|p| p.value.as_str())
    }

    pub fn is_primary(&self, member: &str) -> bool {
        self.primary_id() == Some(member)
    }

    pub fn is_clinician(&self, member: &str) -> bool {
        self.clinicians.iter().any(|c| c.value == member)
    }

    pub fn in_administrative(&self, member: &str) -> bool {
        self.administrative.iter().any(|c| c.value == member)
    }

    /// The member's temporary entry that holds on `date`, if any.
    pub fn temporary_for(&self, member: &str, date: NaiveDate) -> Option<&Temporary<S>> {
        self.temporary
            .iter()
            .filter(|t| t.member_is(member) && t.holds_on(date))
            .max_by_key(|t| t.last_day())
    }

    /// Primary, clinicians and unexpired temporary members: who has clinical
    /// access through the chart itself.
    pub fn care_team(&self, date: NaiveDate) -> impl Iterator<Item = &str> {
        self.primary_id()
            .into_iter()
            .chain(self.clinicians.iter().map(|c| c.value.as_str()))
            .chain(
                self.temporary
                    .iter()
                    .filter(move |t| t.holds_on(date))
                    .filter_map(|t| t.member_id()),
            )
    }
}

/// The whole file, read (`Practice<Raw>`) or validated (`Practice`). Its
/// look-up tables are built once, by [`Practice::indexed`], so a decision
/// looks members, roles, capabilities and clients up by id.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
#[serde(bound = "")]
pub struct Practice<S: Stage = Valid> {
    pub version: S::Required<Spanned<i64>>,
    pub name: S::Required<Spanned<String>>,
    pub owner: Option<Spanned<String>>,
    pub max_supervisors: Option<Spanned<i64>>,
    pub capabilities: Vec<CustomCapability<S>>,
    pub roles: Vec<RoleDef>,
    pub members: Vec<Member<S>>,
    pub clients: Vec<Client<S>>,
    /// Built from the data by [`Practice::indexed`], never stored.
    #[serde(skip)]
    index: Index,
}

impl Default for Practice<Raw> {
    /// Nothing read: what a file that is not TOML reads as.
    fn default() -> Self {
        Practice {
            version: None,
            name: None,
            owner: None,
            max_supervisors: None,
            capabilities: Vec::new(),
            roles: Vec::new(),
            members: Vec::new(),
            clients: Vec::new(),
            index: Index::default(),
        }
    }
}

/// The look-ups are derived from the data and their hash order differs
/// from run to run: a practice prints (and compares in tests) by its data.
impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index").finish_non_exhaustive()
    }
}

/// A member's id, interned: their place among the practice's members. A
/// decision compares these instead of strings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MemberId(u32);

/// A client's care relations with member ids interned, built once with the
/// look-ups of a validated practice.
#[derive(Clone, Debug, Default)]
pub struct Chart {
    pub primary: Option<MemberId>,
    pub clinicians: Vec<MemberId>,
    pub administrative: Vec<MemberId>,
    /// Each temporary entry: who, its last day, and its place in the
    /// client's `temporary` list.
    pub temporary: Vec<(MemberId, NaiveDate, usize)>,
}

/// Look-up tables over a [`Practice`], built by [`Practice::indexed`].
#[derive(Clone, Default)]
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
    /// Each client's chart, in the clients' order: built on the first
    /// decision that needs one (validating, listing or a single question
    /// never pays for it).
    charts: std::sync::OnceLock<Vec<Chart>>,
}

/// A capability of the effective catalog: built-in or custom.
#[derive(Clone, Debug)]
pub struct Capability {
    pub name: String,
    pub kind: Kind,
    pub description: String,
    pub builtin: bool,
}

impl<S: Stage> Practice<S> {
    /// The practice with its look-up tables built from its data.
    pub fn indexed(mut self) -> Self {
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
            if let Some(&kind) = S::get(&custom.kind)
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
        self
    }

    /// The clients' care relations with member ids interned; a name no
    /// member has (only in a file that does not validate) is left out.
    fn charts(&self) -> Vec<Chart> {
        let id = |name: &Spanned<String>| self.member_id(&name.value);
        self.clients
            .iter()
            .map(|client| Chart {
                primary: S::get(&client.primary).and_then(id),
                clinicians: client.clinicians.iter().filter_map(id).collect(),
                administrative: client.administrative.iter().filter_map(id).collect(),
                temporary: client
                    .temporary
                    .iter()
                    .enumerate()
                    .filter_map(|(place, t)| {
                        Some((S::get(&t.member).and_then(id)?, t.last_day()?, place))
                    })
                    .collect(),
            })
            .collect()
    }

    /// The clients whose primary clinician is `member`, in file order.
    pub fn clients_with_primary<'p>(
        &'p self,
        member: &'p str,
    ) -> impl Iterator<Item = &'p Client<S>> {
        self.clients.iter().filter(move |c| c.is_primary(member))
    }

    /// The member's interned id.
    pub fn member_id(&self, id: &str) -> Option<MemberId> {
        self.index
            .members
            .get(id)
            .and_then(|&i| u32::try_from(i).ok())
            .map(MemberId)
    }

    /// The member an interned id stands for.
    pub fn member_of(&self, id: MemberId) -> Option<&Member<S>> {
        self.members.get(id.0 as usize)
    }

    /// The client's chart: its care relations, interned.
    pub fn chart(&self, client: &Client<S>) -> Option<&Chart> {
        self.charts_built()
            .get(self.clients.element_offset(client)?)
    }

    /// Every client's chart, built now if it was not yet: for a caller
    /// about to ask many questions (`--batch`), so the first does not pay.
    pub fn charts_built(&self) -> &[Chart] {
        self.index.charts.get_or_init(|| self.charts())
    }

    /// The practice with these members and clients instead of its own,
    /// indexed (the content-keyed index keeps them apart).
    pub fn with_entries(mut self, members: Vec<Member<S>>, clients: Vec<Client<S>>) -> Self {
        self.members = members;
        self.clients = clients;
        self.indexed()
    }

    pub fn member(&self, id: &str) -> Option<&Member<S>> {
        self.index.members.get(id).map(|&i| &self.members[i])
    }

    /// The member whose `github` login is `login`, ignoring letter case as
    /// GitHub does. Validation keeps logins unique, so there is at most one.
    pub fn member_by_github(&self, login: &str) -> Option<&Member<S>> {
        self.members.iter().find(|m| {
            m.github
                .as_ref()
                .is_some_and(|g| g.value.eq_ignore_ascii_case(login))
        })
    }

    pub fn client(&self, id: &str) -> Option<&Client<S>> {
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
        S::get(&self.name).map_or("", |n| n.value.as_str())
    }
}

impl Practice<Raw> {
    /// Nothing read, indexed: what a file that is not TOML reads as.
    pub fn indexed_empty() -> Practice<Raw> {
        Practice::default().indexed()
    }

    /// The validated practice, when every required field is there (always,
    /// for a file that validated without errors).
    pub fn validated(self) -> Option<Practice> {
        let practice = Practice {
            version: self.version?,
            name: self.name?,
            owner: self.owner,
            max_supervisors: self.max_supervisors,
            capabilities: self
                .capabilities
                .into_iter()
                .map(|c| {
                    Some(CustomCapability {
                        name: c.name,
                        kind: c.kind?,
                        description: c.description,
                    })
                })
                .collect::<Option<_>>()?,
            roles: self.roles,
            members: self
                .members
                .into_iter()
                .map(Member::validated)
                .collect::<Option<_>>()?,
            clients: self
                .clients
                .into_iter()
                .map(Client::validated)
                .collect::<Option<_>>()?,
            // The same entries in the same order: the look-ups carry over.
            index: self.index,
        };
        Some(practice)
    }
}

impl Practice {
    /// No file: only the built-in catalog, what `matrix` shows without a
    /// file and what a file with errors leaves for commands that list.
    pub fn catalog_only() -> Practice {
        Practice {
            version: Spanned::new(1, 0..0),
            name: Spanned::new(String::new(), 0..0),
            owner: None,
            max_supervisors: None,
            capabilities: Vec::new(),
            roles: Vec::new(),
            members: Vec::new(),
            clients: Vec::new(),
            index: Index::default(),
        }
        .indexed()
    }
}

impl Member<Raw> {
    fn validated(self) -> Option<Member> {
        Some(Member {
            id: self.id,
            name: self.name?,
            legal_name: self.legal_name,
            email: self.email,
            github: self.github,
            roles: self.roles,
            npi: self.npi,
            taxonomy: self.taxonomy,
            supervisors: self.supervisors,
            cosign: self.cosign,
            bill_as_supervisor: self.bill_as_supervisor,
            grants: self.grants,
            denies: self.denies,
            active: self.active,
            span: self.span,
        })
    }
}

impl Client<Raw> {
    fn validated(self) -> Option<Client> {
        Some(Client {
            id: self.id,
            primary: self.primary?,
            clinicians: self.clinicians,
            restricted: self.restricted,
            administrative: self.administrative,
            temporary: self
                .temporary
                .into_iter()
                .map(|t| {
                    Some(Temporary {
                        member: t.member?,
                        until: t.until?,
                        reason: t.reason,
                        span: t.span,
                    })
                })
                .collect::<Option<_>>()?,
            span: self.span,
        })
    }
}

impl Client {
    /// The same client as read: what a cut edit puts back beside the text
    /// it reads.
    pub fn raw(self) -> Client<Raw> {
        Client {
            id: self.id,
            primary: Some(self.primary),
            clinicians: self.clinicians,
            restricted: self.restricted,
            administrative: self.administrative,
            temporary: self
                .temporary
                .into_iter()
                .map(|t| Temporary {
                    member: Some(t.member),
                    until: Some(t.until),
                    reason: t.reason,
                    span: t.span,
                })
                .collect(),
            span: self.span,
        }
    }
}
