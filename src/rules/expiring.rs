//! Temporary access ending soon, and break-glass entries already expired
//! but still in the file (`review --expiring`): the list a weekly cron mail
//! sends, so coverage ends on purpose and the file is cleaned up.

use crate::model::Practice;
use chrono::NaiveDate;
use serde::Serialize;

/// One temporary entry that needs attention.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Expiring {
    pub client: String,
    pub member: String,
    /// The last day it holds.
    pub until: NaiveDate,
    /// Days from the decision date to `until`; negative once expired.
    pub days_left: i64,
    pub expired: bool,
    pub reason: String,
}

/// Every temporary entry that has expired, or ends within `days` of
/// `date`, soonest first (expired ones first of all).
pub fn expiring(practice: &Practice, date: NaiveDate, days: i64) -> Vec<Expiring> {
    let mut out: Vec<Expiring> = practice
        .clients
        .iter()
        .flat_map(|client| {
            client.temporary.iter().filter_map(move |entry| {
                let days_left = (entry.until.value - date).num_days();
                (days_left <= days).then(|| Expiring {
                    client: client.id.value.clone(),
                    member: entry.member.value.clone(),
                    until: entry.until.value,
                    days_left,
                    expired: days_left < 0,
                    reason: entry.reason_text().to_string(),
                })
            })
        })
        .collect();
    out.sort_by(|a, b| (a.until, &a.client, &a.member).cmp(&(b.until, &b.client, &b.member)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_the_expired_and_those_ending_within_the_days() {
        let text = crate::findings::catalog::base(
            "",
            "",
            "C-2 = { primary = \"bob\", temporary = [{ member = \"sue\", until = 2026-06-20, reason = \"Cover\" }] }\n\
             C-3 = { primary = \"bob\", temporary = [{ member = \"sue\", until = 2026-06-10, reason = \"Old\" }] }\n\
             C-4 = { primary = \"bob\", temporary = [{ member = \"sue\", until = 2026-09-01, reason = \"Later\" }] }",
        );
        let date = NaiveDate::from_ymd_opt(2026, 6, 15).unwrap_or_default();
        let checked = crate::rules::check(&text, date);
        assert!(!checked.findings.has_errors(), "{:?}", checked.findings);
        let soon = expiring(&checked.practice, date, 14);
        let shown: Vec<(&str, i64, bool)> = soon
            .iter()
            .map(|e| (e.client.as_str(), e.days_left, e.expired))
            .collect();
        assert_eq!(shown, [("C-3", -5, true), ("C-2", 5, false)]);
        assert_eq!(expiring(&checked.practice, date, 100).len(), 3);
    }
}
