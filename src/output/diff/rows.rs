//! `diff --format csv|markdown` as a table: one row per change — member,
//! change, what, clients — for a spreadsheet or a filter, in the order the
//! text tells them.

use super::violation_line;
use crate::output::Table;
use crate::rules::authorize::Violation;
use crate::rules::diff::{AccessChange, PracticeDiff};

/// One row per change, for spreadsheets: member, change, what, clients.
pub fn rows(diff: &PracticeDiff, violations: Option<&[Violation]>) -> Table {
    let mut rows = Rows(Table::new(&["member", "change", "what", "clients"]));
    rows.members(diff);
    for (member, change) in &diff.members {
        rows.access(member, change);
    }
    rows.clients(diff);
    rows.temporary(diff);
    for role in &diff.roles_redefined {
        rows.push("", "role redefined", role, String::new());
    }
    for v in violations.unwrap_or_default() {
        rows.push(
            "",
            "not the actor's to make",
            &violation_line(v),
            v.client.clone().unwrap_or_default(),
        );
    }
    rows.0
}

/// The table being filled, a row per change.
struct Rows(Table);

impl Rows {
    fn push(&mut self, member: &str, change: &str, what: &str, clients: String) {
        self.0.push(vec![
            member.to_string(),
            change.to_string(),
            what.to_string(),
            clients,
        ]);
    }

    /// Members added, removed, deactivated or reactivated: the id in the
    /// member column.
    fn members(&mut self, diff: &PracticeDiff) {
        for (ids, change) in [
            (&diff.members_added, "member added"),
            (&diff.members_removed, "member removed"),
            (&diff.members_deactivated, "member deactivated"),
            (&diff.members_reactivated, "member reactivated"),
        ] {
            for id in ids {
                self.push(id, change, "", String::new());
            }
        }
    }

    /// What changed for one member: roles, supervisors, then the
    /// capabilities gained and lost with the clients they reach.
    fn access(&mut self, member: &str, change: &AccessChange) {
        for (names, what) in [
            (&change.roles_granted, "role granted"),
            (&change.roles_revoked, "role revoked"),
            (&change.supervisors_added, "supervisor added"),
            (&change.supervisors_removed, "supervisor removed"),
        ] {
            for name in names {
                self.push(member, what, name, String::new());
            }
        }
        for (capabilities, what) in [(&change.gained, "gained"), (&change.lost, "lost")] {
            for (capability, clients) in capabilities {
                self.push(member, what, capability, clients.join(" "));
            }
        }
    }

    /// Clients added, removed, restricted or unrestricted: the id in the
    /// what column, the member column empty.
    fn clients(&mut self, diff: &PracticeDiff) {
        for (ids, change) in [
            (&diff.clients_added, "client added"),
            (&diff.clients_removed, "client removed"),
            (&diff.clients_restricted, "client restricted"),
            (&diff.clients_unrestricted, "client unrestricted"),
        ] {
            for id in ids {
                self.push("", change, id, String::new());
            }
        }
    }

    /// Temporary access added, lengthened and removed.
    fn temporary(&mut self, diff: &PracticeDiff) {
        for t in &diff.temporary_added {
            let until = t.until;
            self.push(
                &t.member,
                "temporary access added",
                &format!("until {until}: {}", t.reason),
                t.client.clone(),
            );
        }
        for l in &diff.lengthened {
            let to =
                l.to.map_or_else(|| "permanent".to_string(), |d| d.to_string());
            self.push(
                &l.member,
                "temporary access lengthened",
                &format!("{} → {to}", l.from),
                l.client.clone(),
            );
        }
        for t in &diff.temporary_removed {
            self.push(&t.member, "temporary access removed", "", t.client.clone());
        }
    }
}
