//! `role list|show` as records: where each role comes from, who holds it,
//! and for `show` its grants with the capabilities their patterns cover,
//! its requirements and exclusions.

use super::values;
use crate::model::{Practice, RoleDef};
use crate::output::Table;
use schemars::JsonSchema;
use serde::Serialize;

/// Where a role comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub enum Origin {
    #[serde(rename = "built-in")]
    BuiltIn,
    /// A `[roles.NAME]` table with a built-in role's name.
    #[serde(rename = "replaces built-in")]
    ReplacesBuiltIn,
    #[serde(rename = "custom")]
    Custom,
}

impl Origin {
    pub fn of(role: &RoleDef) -> Origin {
        let named_like_builtin = crate::catalog::builtin_roles()
            .iter()
            .any(|b| b.id.value == role.id.value);
        match (role.builtin, named_like_builtin) {
            (true, _) => Origin::BuiltIn,
            (false, true) => Origin::ReplacesBuiltIn,
            (false, false) => Origin::Custom,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Origin::BuiltIn => "built-in",
            Origin::ReplacesBuiltIn => "replaces built-in",
            Origin::Custom => "custom",
        }
    }
}

/// Active members holding `role`.
fn holders<'a>(practice: &'a Practice, role: &str) -> Vec<&'a str> {
    practice
        .members
        .iter()
        .filter(|m| m.active && m.has_role(role))
        .map(|m| m.id.value.as_str())
        .collect()
}

/// A role in `role list --format json`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct RoleRecord<'a> {
    pub role: &'a str,
    pub origin: Origin,
    pub description: Option<&'a str>,
    /// Active members holding it.
    pub holders: Vec<&'a str>,
}

impl<'a> RoleRecord<'a> {
    pub fn new(practice: &'a Practice, role: &'a RoleDef) -> Self {
        RoleRecord {
            role: &role.id.value,
            origin: Origin::of(role),
            description: role.description.as_ref().map(|d| d.value.as_str()),
            holders: holders(practice, &role.id.value),
        }
    }
}

pub fn role_table(records: &[RoleRecord<'_>]) -> Table {
    let mut table = Table::new(&["role", "origin", "holders", "description"]);
    for record in records {
        table.push(vec![
            record.role.to_string(),
            record.origin.as_str().to_string(),
            record.holders.len().to_string(),
            record.description.unwrap_or_default().to_string(),
        ]);
    }
    table
}

/// One grant of a role, and the capabilities its patterns cover.
#[derive(Debug, Serialize, JsonSchema)]
pub struct GrantRecord<'a> {
    /// The scope: all, assigned, supervisees, own or practice.
    pub on: &'static str,
    pub can: Vec<&'a str>,
    pub covers: Vec<&'a str>,
}

/// `role show --format json`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct RoleDetail<'a> {
    pub role: &'a str,
    pub origin: Origin,
    pub description: Option<&'a str>,
    pub grants: Vec<GrantRecord<'a>>,
    pub requires: Vec<&'a str>,
    pub excludes: Vec<&'a str>,
    pub holders: Vec<&'a str>,
}

impl<'a> RoleDetail<'a> {
    pub fn new(practice: &'a Practice, role: &'a RoleDef) -> Self {
        let grants = role
            .grants
            .iter()
            .map(|grant| {
                let scope = grant.scope();
                let can: Vec<&str> = values(&grant.can);
                let covers = practice
                    .capabilities()
                    .iter()
                    .filter(|c| {
                        c.kind == scope.kind()
                            && can
                                .iter()
                                .any(|p| crate::rules::pattern::matches(p, &c.name))
                    })
                    .map(|c| c.name.as_str())
                    .collect();
                GrantRecord {
                    on: scope.as_str(),
                    can,
                    covers,
                }
            })
            .collect();
        let summary = RoleRecord::new(practice, role);
        RoleDetail {
            role: summary.role,
            origin: summary.origin,
            description: summary.description,
            grants,
            requires: values(&role.requires),
            excludes: values(&role.excludes),
            holders: summary.holders,
        }
    }

    /// `role show` as text: the role, its constraints, its grants' table.
    pub fn text(&self) -> String {
        let escape = |s: &str| crate::output::escape::text(s).into_owned();
        let mut text = format!("{} ({})", escape(self.role), self.origin.as_str());
        if let Some(description) = self.description {
            text.push_str(&format!(": {}", escape(description)));
        }
        text.push('\n');
        for (label, list) in [("requires", &self.requires), ("excludes", &self.excludes)] {
            if !list.is_empty() {
                text.push_str(&format!("{label}: {}\n", escape(&list.join(", "))));
            }
        }
        text.push_str(&self.grants_table().to_text());
        text
    }

    /// One row per grant: scope, patterns, capabilities covered.
    pub fn grants_table(&self) -> Table {
        let mut table = Table::new(&["on", "can", "covers"]);
        for grant in &self.grants {
            table.push(vec![
                grant.on.to_string(),
                grant.can.join(", "),
                grant.covers.join(", "),
            ]);
        }
        table
    }
}
