//! The terms a practice is written in, whatever its stage: a value and
//! where it was written, a capability's kind, a grant's scope, a grant and
//! a role. The built-in catalog is written in them too, so they stand
//! below both the model and the catalog.

use crate::span::Span;

/// A value and where it was written. Built-in catalog data has an empty span.
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: impl Into<Span>) -> Self {
        Self {
            value,
            span: span.into(),
        }
    }
}

/// Whether a capability needs a client.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
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
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
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

/// `{ can = [...], on = SCOPE }`.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
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

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
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
