//! The JSON Schema of every `--format json` output, derived from the typed
//! records the commands print (schemars), so a schema cannot say one thing
//! while the output says another. `praxis schema --output NAME` prints one;
//! `schema/output/` holds them all, and a test keeps them in step.

use super::assertions::Report;
use super::diagnostics::JsonReport;
use super::diff::DiffRecord;
use super::listings::{ClientRecord, MemberDetail, MemberRecord, RoleDetail, RoleRecord};
use super::matrix::GridRecord;
use super::records::{BatchLine, Check, Holdings, Who};
use crate::rules::history::Event;
use crate::rules::review::Review;
use schemars::{JsonSchema, generate::SchemaSettings};

/// An output with a JSON Schema: the command and mode that prints it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    Validate,
    AccessCheck,
    /// One line of `access check --batch` (JSON Lines).
    AccessCheckBatch,
    AccessWho,
    AccessList,
    MemberList,
    MemberShow,
    ClientList,
    ClientShow,
    RoleList,
    RoleShow,
    Matrix,
    Diff,
    Test,
    Review,
    History,
}

impl Output {
    pub const ALL: [Output; 16] = [
        Output::Validate,
        Output::AccessCheck,
        Output::AccessCheckBatch,
        Output::AccessWho,
        Output::AccessList,
        Output::MemberList,
        Output::MemberShow,
        Output::ClientList,
        Output::ClientShow,
        Output::RoleList,
        Output::RoleShow,
        Output::Matrix,
        Output::Diff,
        Output::Test,
        Output::Review,
        Output::History,
    ];

    /// The file name stem under `schema/output/`, and the value of
    /// `praxis schema --output`.
    pub const fn name(self) -> &'static str {
        match self {
            Output::Validate => "validate",
            Output::AccessCheck => "access-check",
            Output::AccessCheckBatch => "access-check-batch",
            Output::AccessWho => "access-who",
            Output::AccessList => "access-list",
            Output::MemberList => "member-list",
            Output::MemberShow => "member-show",
            Output::ClientList => "client-list",
            Output::ClientShow => "client-show",
            Output::RoleList => "role-list",
            Output::RoleShow => "role-show",
            Output::Matrix => "matrix",
            Output::Diff => "diff",
            Output::Test => "test",
            Output::Review => "review",
            Output::History => "history",
        }
    }

    /// The output named `name`.
    pub fn named(name: &str) -> Option<Output> {
        Output::ALL.into_iter().find(|o| o.name() == name)
    }

    /// The schema (draft 2020-12) of this output.
    pub fn schema(self) -> serde_json::Value {
        match self {
            Output::Validate => schema::<JsonReport>(self),
            Output::AccessCheck => schema::<Check>(self),
            Output::AccessCheckBatch => schema::<BatchLine>(self),
            Output::AccessWho => schema::<Who>(self),
            Output::AccessList => schema::<Holdings>(self),
            Output::MemberList => schema::<Vec<MemberRecord>>(self),
            Output::MemberShow => schema::<MemberDetail>(self),
            Output::ClientList => schema::<Vec<ClientRecord>>(self),
            Output::ClientShow => schema::<ClientRecord>(self),
            Output::RoleList => schema::<Vec<RoleRecord>>(self),
            Output::RoleShow => schema::<RoleDetail>(self),
            Output::Matrix => schema::<GridRecord>(self),
            Output::Diff => schema::<DiffRecord>(self),
            Output::Test => schema::<Report>(self),
            Output::Review => schema::<Review>(self),
            Output::History => schema::<Vec<Event>>(self),
        }
    }
}

fn schema<T: JsonSchema>(output: Output) -> serde_json::Value {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let mut schema = generator.into_root_schema_for::<T>();
    let command = match output {
        Output::AccessCheckBatch => "access check --batch".to_string(),
        other => other.name().replace('-', " "),
    };
    schema.insert(
        "title".into(),
        format!("praxis {command} --format json").into(),
    );
    schema.to_value()
}
