//! The directory listings — `member list|show`, `client list|show`, `role
//! list|show` — as typed records: JSON from the record, tables from the
//! same record, so every format carries the same fields in the same order.
//! A member's fields come in the order of the file format (SPEC §1), then
//! what praxis derives (supervisees, owner, the charts they are on).
//! The roles' records, which read the catalog rather than a member or a
//! client, are [`roles`].

mod roles;

pub use roles::{GrantRecord, Origin, RoleDetail, RoleRecord, role_table};

use super::{Table, temporary_entry};
use crate::model::{Client, Member, Practice, Spanned, Temporary};
use schemars::JsonSchema;
use serde::Serialize;

fn values(list: &[Spanned<String>]) -> Vec<&str> {
    list.iter().map(|v| v.value.as_str()).collect()
}

fn text(field: &Option<Spanned<String>>) -> Option<&str> {
    field.as_ref().map(|f| f.value.as_str())
}

/// A member in `member list --format json`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct MemberRecord<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub legal_name: Option<&'a str>,
    pub email: Option<&'a str>,
    /// The GitHub login `diff --as @LOGIN` resolves to this member.
    pub github: Option<&'a str>,
    pub roles: Vec<&'a str>,
    pub npi: Option<&'a str>,
    pub taxonomy: Option<&'a str>,
    pub supervisors: Vec<&'a str>,
    pub cosign: Vec<&'a str>,
    /// Whether they bill under a supervisor's NPI (always, for an intern).
    pub bill_as_supervisor: bool,
    pub active: bool,
    /// Members who name this one among their supervisors.
    pub supervisees: Vec<&'a str>,
    /// Whether this is the practice owner.
    pub owner: bool,
}

impl<'a> MemberRecord<'a> {
    pub fn new(practice: &'a Practice, member: &'a Member) -> Self {
        let id = member.id.value.as_str();
        MemberRecord {
            id,
            name: member.display_name(),
            legal_name: text(&member.legal_name),
            email: text(&member.email),
            github: text(&member.github),
            roles: values(&member.roles),
            npi: text(&member.npi),
            taxonomy: text(&member.taxonomy),
            supervisors: values(&member.supervisors),
            cosign: values(&member.cosign),
            bill_as_supervisor: member.bills_as_supervisor(),
            active: member.active,
            supervisees: practice
                .supervisees_of(id)
                .iter()
                .map(String::as_str)
                .collect(),
            owner: practice.is_owner(id),
        }
    }

    /// Field and value, in the record's order, for `member show`.
    fn fields(&self) -> Vec<(&'static str, String)> {
        let optional = |v: Option<&str>| v.unwrap_or_default().to_string();
        vec![
            ("id", self.id.to_string()),
            ("name", self.name.to_string()),
            ("legal_name", optional(self.legal_name)),
            ("email", optional(self.email)),
            ("github", optional(self.github)),
            ("roles", self.roles.join(", ")),
            ("npi", optional(self.npi)),
            ("taxonomy", optional(self.taxonomy)),
            ("supervisors", self.supervisors.join(", ")),
            ("cosign", self.cosign.join(", ")),
            ("bill_as_supervisor", self.bill_as_supervisor.to_string()),
            ("active", self.active.to_string()),
            ("supervisees", self.supervisees.join(", ")),
            ("owner", self.owner.to_string()),
        ]
    }
}

/// `member list`'s table: the columns a person scans.
pub fn member_table(records: &[MemberRecord<'_>]) -> Table {
    let mut table = Table::new(&["id", "name", "roles", "email", "supervisors", "active"]);
    for record in records {
        table.push(vec![
            record.id.to_string(),
            record.name.to_string(),
            record.roles.join(", "),
            record.email.unwrap_or_default().to_string(),
            record.supervisors.join(", "),
            record.active.to_string(),
        ]);
    }
    table
}

/// A temporary entry on a chart, from the member's side or the client's.
#[derive(Debug, Serialize, JsonSchema)]
pub struct TemporaryRecord<'a> {
    /// The client (in `member show`) or the member (in `client show`).
    #[serde(flatten)]
    pub who: Party<'a>,
    /// The last day it holds, `YYYY-MM-DD`.
    pub until: chrono::NaiveDate,
    pub reason: &'a str,
}

/// Which side of a temporary entry a listing names.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Party<'a> {
    Client(&'a str),
    Member(&'a str),
}

impl TemporaryRecord<'_> {
    fn cell(&self, with_reason: bool) -> String {
        let who = match self.who {
            Party::Client(id) | Party::Member(id) => id,
        };
        let reason = if with_reason { self.reason } else { "" };
        temporary_entry(who, self.until, reason)
    }
}

fn temporary<'a>(who: Party<'a>, entry: &'a Temporary) -> TemporaryRecord<'a> {
    TemporaryRecord {
        who,
        until: entry.until.value,
        reason: entry.reason_text(),
    }
}

/// `member show --format json`: the member and the charts they are on.
#[derive(Debug, Serialize, JsonSchema)]
pub struct MemberDetail<'a> {
    #[serde(flatten)]
    pub member: MemberRecord<'a>,
    /// Clients whose primary clinician they are.
    pub primary_of: Vec<&'a str>,
    /// Clients whose clinicians list names them.
    pub clinician_of: Vec<&'a str>,
    /// Their temporary entries, by client.
    pub temporary: Vec<TemporaryRecord<'a>>,
}

impl<'a> MemberDetail<'a> {
    pub fn new(practice: &'a Practice, member: &'a Member) -> Self {
        let id = member.id.value.as_str();
        let on = |client: &'a Client| client.id.value.as_str();
        MemberDetail {
            member: MemberRecord::new(practice, member),
            primary_of: practice.clients_with_primary(id).map(on).collect(),
            clinician_of: practice
                .clients
                .iter()
                .filter(|c| c.is_clinician(id))
                .map(on)
                .collect(),
            temporary: practice
                .clients
                .iter()
                .flat_map(|c| {
                    c.temporary
                        .iter()
                        .filter(|t| t.member_is(id))
                        .map(move |t| temporary(Party::Client(on(c)), t))
                })
                .collect(),
        }
    }

    /// `member show`'s field/value table, in the JSON's order.
    pub fn table(&self) -> Table {
        let mut rows = self.member.fields();
        rows.push(("primary_of", self.primary_of.join(", ")));
        rows.push(("clinician_of", self.clinician_of.join(", ")));
        let entries: Vec<String> = self.temporary.iter().map(|t| t.cell(true)).collect();
        rows.push(("temporary", entries.join("; ")));
        field_table(rows)
    }
}

/// A client's fields as `client list` and `client show` name them, in the
/// JSON's order.
const CLIENT_FIELDS: [&str; 6] = [
    "id",
    "primary",
    "clinicians",
    "restricted",
    "administrative",
    "temporary",
];

/// A client in `client list|show --format json`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ClientRecord<'a> {
    pub id: &'a str,
    /// The primary clinician.
    pub primary: &'a str,
    pub clinicians: Vec<&'a str>,
    pub restricted: bool,
    /// Who keeps administrative access while it is restricted.
    pub administrative: Vec<&'a str>,
    pub temporary: Vec<TemporaryRecord<'a>>,
}

impl<'a> ClientRecord<'a> {
    pub fn new(client: &'a Client) -> Self {
        ClientRecord {
            id: &client.id.value,
            primary: &client.primary.value,
            clinicians: values(&client.clinicians),
            restricted: client.restricted,
            administrative: values(&client.administrative),
            temporary: client
                .temporary
                .iter()
                .map(|t| temporary(Party::Member(&t.member.value), t))
                .collect(),
        }
    }

    /// The record's values in the order of [`CLIENT_FIELDS`].
    fn cells(&self, separator: &str, reasons: bool) -> [String; 6] {
        let entries: Vec<String> = self.temporary.iter().map(|t| t.cell(reasons)).collect();
        [
            self.id.to_string(),
            self.primary.to_string(),
            self.clinicians.join(", "),
            self.restricted.to_string(),
            self.administrative.join(", "),
            entries.join(separator),
        ]
    }

    /// `client show`'s field/value table, in the JSON's order.
    pub fn table(&self) -> Table {
        field_table(
            CLIENT_FIELDS
                .into_iter()
                .zip(self.cells("; ", true))
                .collect(),
        )
    }
}

/// `client list`'s table: one row per client, temporary entries without
/// their reasons.
pub fn client_table(records: &[ClientRecord<'_>]) -> Table {
    let mut table = Table::new(&CLIENT_FIELDS);
    for record in records {
        table.push(record.cells(", ", false).into());
    }
    table
}

/// A record's fields as a two-column field/value table: how `member show`
/// and `client show` print one record.
fn field_table(rows: Vec<(&str, String)>) -> Table {
    let mut table = Table::new(&["field", "value"]);
    for (field, value) in rows {
        table.push(vec![field.to_string(), value]);
    }
    table
}
