//! `praxis export`: the practice compiled into the policy engines a
//! distributed system runs — OpenFGA (a Zanzibar-style store that many
//! services query), Cedar (in the application's process) and Rego (OPA
//! as a sidecar, or regorus) — so a practice that outgrows one process enforces
//! exactly what its `practice.toml` says, and keeps them in step after every
//! merge. praxis stays the source of truth, reviewed in git. Pure: the
//! command writes the files.

pub mod cedar;
pub mod facts;
pub mod openfga;
pub mod rego;

use crate::model::Practice;
use facts::Facts;
use serde::Serialize;
use std::collections::BTreeSet;

/// Why a practice cannot be exported.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    /// Names that become the same OpenFGA relation.
    #[error(
        "cannot export to OpenFGA: {} become the same relations (`{}` on `{}`: OpenFGA names a capability with `.` and `-` replaced by `_`), so a grant of one would be a grant of the other\n  rename the custom capability so that no two names differ only in `.`, `-` and `_`",
        clash_sources(&.0.sources), .0.relation, .0.type_name
    )]
    RelationClash(openfga::Clash),
}

fn clash_sources(sources: &[Option<String>]) -> String {
    let named: Vec<String> = sources
        .iter()
        .map(|s| match s {
            Some(capability) => format!("capability `{capability}`"),
            None => "a relation of the model itself".to_string(),
        })
        .collect();
    named.join(" and ")
}

/// A file of an export: its name in the output directory and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportFile {
    pub name: &'static str,
    pub text: String,
}

/// The OpenFGA export: `model.fga` (the modeling language), `model.json`
/// (the `WriteAuthorizationModel` body) and `tuples.json` (a JSON array of
/// tuples in the Write API's shape).
pub fn openfga(practice: &Practice) -> Result<Vec<ExportFile>, ExportError> {
    let facts = Facts::of(practice);
    if let Some(clash) = openfga::clash(&facts) {
        return Err(ExportError::RelationClash(clash));
    }
    Ok(vec![
        ExportFile {
            name: "model.fga",
            text: openfga::model_dsl(&facts),
        },
        ExportFile {
            name: "model.json",
            text: pretty(&openfga::model_json(&facts)),
        },
        ExportFile {
            name: "tuples.json",
            text: pretty(&openfga::tuples(&facts)),
        },
    ])
}

/// The Cedar export: `praxis.cedarschema`, `policies.cedar` and
/// `entities.json`.
pub fn cedar(practice: &Practice) -> Vec<ExportFile> {
    let facts = Facts::of(practice);
    vec![
        ExportFile {
            name: "praxis.cedarschema",
            text: cedar::schema(&facts),
        },
        ExportFile {
            name: "policies.cedar",
            text: cedar::policies(&facts),
        },
        ExportFile {
            name: "entities.json",
            text: pretty(&cedar::entities(&facts)),
        },
    ]
}

/// The Rego export: `praxis.rego` (the policy) and `data.json` (the
/// practice).
pub fn rego(practice: &Practice) -> Vec<ExportFile> {
    let facts = Facts::of(practice);
    vec![
        ExportFile {
            name: "praxis.rego",
            text: rego::POLICY.to_string(),
        },
        ExportFile {
            name: "data.json",
            text: pretty(&rego::data(&facts)),
        },
    ]
}

fn pretty<T: Serialize + ?Sized>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// What moves an OpenFGA store from one practice to the next: the body of
/// a Write API call, `{"writes": {"tuple_keys": […]}, "deletes": {…}}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TupleChanges {
    pub writes: TupleKeys,
    pub deletes: TupleKeys,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TupleKeys {
    pub tuple_keys: Vec<openfga::Tuple>,
}

/// The tuples to write and delete to go from `old` to `new`. A tuple whose
/// condition changed (temporary access extended) is deleted and written
/// again; deletes name the tuple without its condition, as the API takes
/// them. Refused when `new` cannot be exported (its tuples would not mean
/// what praxis says).
pub fn openfga_changes(old: &Practice, new: &Practice) -> Result<TupleChanges, ExportError> {
    let new_facts = Facts::of(new);
    if let Some(clash) = openfga::clash(&new_facts) {
        return Err(ExportError::RelationClash(clash));
    }
    let before: BTreeSet<openfga::Tuple> = openfga::tuples(&Facts::of(old)).into_iter().collect();
    let after: BTreeSet<openfga::Tuple> = openfga::tuples(&new_facts).into_iter().collect();
    let writes = after.difference(&before).cloned().collect();
    let deletes = before
        .difference(&after)
        .map(|t| openfga::Tuple {
            condition: None,
            ..t.clone()
        })
        .collect();
    Ok(TupleChanges {
        writes: TupleKeys { tuple_keys: writes },
        deletes: TupleKeys {
            tuple_keys: deletes,
        },
    })
}
