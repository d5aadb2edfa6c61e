//! The look-up tables of a practice, built once from its data by
//! [`Practice::indexed`]: members, clients, roles and capabilities by id,
//! supervisees by supervisor, and each client's chart with member ids
//! interned. A decision looks things up here instead of scanning lists.

use super::{Client, CustomCapability, Kind, Member, Practice, RoleDef, Spanned, Stage};
use chrono::NaiveDate;
use foldhash::HashMap;

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
        let roles = effective_roles(&self.roles);
        for (i, role) in roles.iter().enumerate() {
            index.role_ids.insert(role.id.value.clone(), i);
        }
        index.roles = roles;
        let capabilities = effective_capabilities(&self.capabilities);
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
}

/// The built-in roles with the file's over them: a file role of a built-in
/// id takes its place, a new one comes after.
fn effective_roles(file_roles: &[RoleDef]) -> Vec<RoleDef> {
    let mut roles = crate::catalog::builtin_roles();
    for role in file_roles {
        match roles.iter_mut().find(|r| r.id.value == role.id.value) {
            Some(slot) => *slot = role.clone(),
            None => roles.push(role.clone()),
        }
    }
    roles
}

/// The built-in capabilities in catalog order, then the file's custom ones
/// that have a scope and do not reuse a built-in name.
fn effective_capabilities<S: Stage>(file_capabilities: &[CustomCapability<S>]) -> Vec<Capability> {
    let mut capabilities: Vec<Capability> = crate::catalog::CAPABILITIES
        .iter()
        .map(|c| Capability {
            name: c.name.to_string(),
            kind: c.kind,
            description: c.description.to_string(),
            builtin: true,
        })
        .collect();
    for custom in file_capabilities {
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
    capabilities
}
