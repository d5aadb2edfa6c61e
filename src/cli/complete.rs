//! Dynamic shell completion of the names in the practice file: member ids,
//! client ids, roles and capabilities (`source <(COMPLETE=bash praxis)`;
//! zsh and fish alike). The file is the one `$PRAXIS_FILE` names, else the
//! nearest `practice.toml` upwards; it is read as written, so a file with
//! findings still completes. Any problem completes nothing rather than
//! printing an error into the shell.

use crate::model::{Practice, Raw, read_practice};
use crate::store;
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};
use std::ffi::OsStr;
use std::path::PathBuf;

/// The practice as read, if there is one to read.
fn practice() -> Option<Practice<Raw>> {
    let named = std::env::var_os("PRAXIS_FILE")
        .filter(|f| !f.is_empty())
        .map(PathBuf::from);
    let store::Located { path, origin } = store::locate(named.as_deref()).ok()?;
    if store::is_stdin(&path) {
        return None;
    }
    let bytes = store::read_practice(&path, origin).ok()?.bytes;
    let text = String::from_utf8(bytes).ok()?;
    Some(read_practice(text.trim_start_matches('\u{feff}')).practice)
}

/// The names that start with what is typed so far, each with its help.
fn candidates(current: &OsStr, names: Vec<(String, Option<String>)>) -> Vec<CompletionCandidate> {
    let Some(typed) = current.to_str() else {
        return Vec::new();
    };
    names
        .into_iter()
        .filter(|(name, _)| name.starts_with(typed))
        .map(|(name, help)| CompletionCandidate::new(name).help(help.map(Into::into)))
        .collect()
}

fn members(current: &OsStr) -> Vec<CompletionCandidate> {
    let names = practice()
        .map(|p| {
            p.members
                .iter()
                .map(|m| {
                    let name = m.name.as_ref().map(|n| n.value.clone());
                    (m.id.value.clone(), name)
                })
                .collect()
        })
        .unwrap_or_default();
    candidates(current, names)
}

fn clients(current: &OsStr) -> Vec<CompletionCandidate> {
    let names = practice()
        .map(|p| {
            p.clients
                .iter()
                .map(|c| (c.id.value.clone(), None))
                .collect()
        })
        .unwrap_or_default();
    candidates(current, names)
}

fn roles(current: &OsStr) -> Vec<CompletionCandidate> {
    let named = |roles: &[crate::model::RoleDef]| -> Vec<(String, Option<String>)> {
        roles
            .iter()
            .map(|r| {
                (
                    r.id.value.clone(),
                    r.description.as_ref().map(|d| d.value.clone()),
                )
            })
            .collect()
    };
    let names = match practice() {
        Some(practice) => named(practice.roles()),
        None => named(Practice::catalog_only().roles()),
    };
    candidates(current, names)
}

fn capabilities(current: &OsStr) -> Vec<CompletionCandidate> {
    let named = |capabilities: &[crate::model::Capability]| -> Vec<(String, Option<String>)> {
        capabilities
            .iter()
            .map(|c| (c.name.clone(), Some(c.description.clone())))
            .collect()
    };
    let names = match practice() {
        Some(practice) => named(practice.capabilities()),
        None => named(Practice::catalog_only().capabilities()),
    };
    candidates(current, names)
}

/// `add = member()` on an argument that names a member.
pub fn member() -> ArgValueCompleter {
    ArgValueCompleter::new(members)
}

/// `add = client()` on an argument that names a client.
pub fn client() -> ArgValueCompleter {
    ArgValueCompleter::new(clients)
}

/// `add = role()` on an argument that names a role.
pub fn role() -> ArgValueCompleter {
    ArgValueCompleter::new(roles)
}

/// `add = capability()` on an argument that names a capability.
pub fn capability() -> ArgValueCompleter {
    ArgValueCompleter::new(capabilities)
}
