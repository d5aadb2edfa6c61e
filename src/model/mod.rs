//! The practice as plain data: members, roles, grants, clients and custom
//! capabilities, each value with the byte span it was read from so findings
//! can point at the line. No I/O and no rules live here; `read` builds it
//! from TOML text and `rules` decides what it means.

mod client;
mod index;
mod member;
mod practice;
mod read;
mod respan;
mod stage;
pub use crate::terms;

pub use client::{Client, Temporary};
pub use index::{Capability, Chart, Index, MemberId};
pub use member::Member;
pub use practice::Practice;
pub use read::{ReadOutcome, read_in_pieces, read_practice, read_whole};
pub use respan::Respan;
pub use stage::{Field, Raw, Stage, Valid};
pub use terms::{Grant, Kind, RoleDef, Scope, Spanned};

pub use crate::span::Span;

/// A capability defined in the file's `[capabilities]` table.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
#[serde(bound = "")]
pub struct CustomCapability<S: Stage = Valid> {
    pub name: Spanned<String>,
    /// Raw: missing when the scope was missing or not `client`/`practice`.
    pub kind: S::Required<Kind>,
    pub description: Option<Spanned<String>>,
}
