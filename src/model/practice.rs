//! The whole practice file: its `[practice]` settings and every entry,
//! and the moves between stages (validated, back to raw, the built-in
//! catalog alone).

use super::{Client, CustomCapability, Index, Member, Raw, RoleDef, Spanned, Stage, Valid};

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
    pub(super) index: Index,
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

impl<S: Stage> Practice<S> {
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
