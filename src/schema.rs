//! The JSON Schema of `practice.toml` (draft 2020-12), for editors such as
//! Taplo or VS Code's Even Better TOML. Built from the catalog so capability
//! and role names never drift from what validation accepts. The schema
//! checks shape; `praxis validate` checks the rules.

use crate::catalog::{CAPABILITIES, builtin_roles};
use serde_json::{Value, json};

const IDENTIFIER: &str = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
/// GitHub's login rule without look-ahead, which not every editor's
/// schema engine supports; the length is `maxLength`.
const GITHUB_LOGIN: &str = "^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$";

fn identifier_list(description: &str) -> Value {
    json!({
        "type": "array",
        "description": description,
        "items": { "type": "string", "pattern": IDENTIFIER },
        "uniqueItems": true,
    })
}

fn grants() -> Value {
    let names: Vec<&str> = CAPABILITIES.iter().map(|c| c.name).collect();
    json!({
        "type": "array",
        "items": {
            "type": "object",
            "additionalProperties": false,
            "required": ["can"],
            "properties": {
                "can": {
                    "type": "array",
                    "description": "Capability names or patterns (`family.*`, `*`)",
                    "items": { "type": "string", "examples": names },
                    "uniqueItems": true,
                },
                "on": {
                    "enum": ["all", "assigned", "supervisees", "own", "practice"],
                    "description": "Where the grant holds; omitted means practice",
                },
            },
        },
    })
}

pub fn practice_schema() -> Value {
    let roles: Vec<String> = builtin_roles().into_iter().map(|r| r.id.value).collect();
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://example.invalid/praxis/practice.schema.json",
        "title": "praxis practice.toml",
        "description": "A therapy practice's staff, roles, supervision and chart access.",
        "type": "object",
        "additionalProperties": false,
        "required": ["version", "practice"],
        "properties": {
            "version": { "const": 1, "description": "Format version" },
            "practice": practice_section(),
            "capabilities": capabilities_section(),
            "roles": roles_section(&roles),
            "members": members_section(&roles),
            "clients": clients_section(),
        },
    })
}

/// A table of entries keyed by id (`[members.ID]`, `[clients] ID = {…}`):
/// the keys' schema, and each entry's.
fn keyed(names: Value, entry: Value) -> Value {
    json!({
        "type": "object",
        "propertyNames": names,
        "additionalProperties": entry,
    })
}

/// A table with these keys and no others, the `required` ones present.
fn closed(required: &[&str], properties: Value) -> Value {
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": required,
        "properties": properties,
    })
}

/// `[practice]`: the name, the owner and the supervision limit.
fn practice_section() -> Value {
    closed(
        &["name"],
        json!({
            "name": { "type": "string" },
            "owner": { "type": "string", "pattern": IDENTIFIER, "description": "The account owner: can never lose access" },
            "max_supervisors": { "type": "integer", "minimum": 1 },
        }),
    )
}

/// `[capabilities.NAME]`: custom capabilities and their scope.
fn capabilities_section() -> Value {
    keyed(
        json!({ "pattern": IDENTIFIER }),
        closed(
            &["scope"],
            json!({
                "scope": { "enum": ["client", "practice"] },
                "description": { "type": "string" },
            }),
        ),
    )
}

/// `[roles.ID]`; `roles`, the built-in role ids, are offered as examples
/// for the ids.
fn roles_section(roles: &[String]) -> Value {
    keyed(
        json!({ "pattern": IDENTIFIER, "examples": roles }),
        json!({
            "type": "object",
            "additionalProperties": false,
            "properties": {
                "description": { "type": "string" },
                "grants": grants(),
                "requires": identifier_list("Roles a holder must also hold"),
                "excludes": identifier_list("Roles a holder must not also hold"),
            },
        }),
    )
}

/// `[members.ID]`; `roles`, the built-in role ids, are offered as examples
/// for a member's `roles`.
fn members_section(roles: &[String]) -> Value {
    keyed(
        json!({ "pattern": IDENTIFIER }),
        closed(
            &["name"],
            json!({
                "name": { "type": "string", "description": "Preferred/display name" },
                "legal_name": { "type": "string", "description": "Name on claims" },
                "email": { "type": "string", "pattern": "^[^@\\s]*@[^@\\s]*$", "description": "Unique across members" },
                "github": {
                    "type": "string",
                    "pattern": GITHUB_LOGIN,
                    "maxLength": 39,
                    "description": "GitHub login, unique ignoring case: `praxis diff --as @LOGIN` judges this member's pull requests",
                },
                "roles": {
                    "type": "array",
                    "items": { "type": "string", "pattern": IDENTIFIER, "examples": roles },
                    "uniqueItems": true,
                },
                "npi": { "type": "string", "pattern": "^[0-9]{10}$" },
                "taxonomy": { "type": "string", "pattern": "^.{9}X$" },
                "supervisors": identifier_list("Member ids who supervise this member"),
                "cosign": {
                    "type": "array",
                    "items": { "enum": ["progress-notes", "treatment-plans"] },
                    "uniqueItems": true,
                },
                "bill_as_supervisor": { "type": "boolean" },
                "grants": grants(),
                "denies": { "type": "array", "items": { "type": "string" } },
                "active": { "type": "boolean" },
            }),
        ),
    )
}

/// `[clients]`: each chart's primary, care team, restriction and
/// temporary access.
fn clients_section() -> Value {
    let temporary = closed(
        &["member", "until", "reason"],
        json!({
            "member": { "type": "string", "pattern": IDENTIFIER },
            "until": { "type": "string", "format": "date", "description": "A TOML local date: the last day it holds" },
            "reason": { "type": "string", "minLength": 1 },
        }),
    );
    keyed(
        json!({ "pattern": IDENTIFIER }),
        closed(
            &["primary"],
            json!({
                "primary": { "type": "string", "pattern": IDENTIFIER },
                "clinicians": identifier_list("Other members with clinical access"),
                "restricted": { "type": "boolean" },
                "administrative": identifier_list("Members who keep administrative access while restricted"),
                "temporary": { "type": "array", "items": temporary },
            }),
        ),
    )
}
