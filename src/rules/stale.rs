//! Stale access (`review --stale DAYS`): a member's reading of a chart that
//! nobody has touched for longer than the period, so nobody has looked at
//! it since. "Touched" means gained: the last commit in the file's history
//! that gave the member clinical read on that client (a regrant after a
//! revoke starts again; an uncommitted gain counts as today). The history
//! is read by the command; this module folds the diffs it is handed.

use super::diff::PracticeDiff;
use super::review::{
    ChartReader, Review, ReviewFinding, ReviewKind, ReviewRoute, StaleAccess, StaleReview,
};
use crate::catalog::CLINICAL_READ;
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap, HashSet};

/// When each member last gained clinical read on each client.
#[derive(Debug, Default)]
pub struct LastGained {
    /// member → client → the day of the commit that gave it.
    gained: HashMap<String, HashMap<String, NaiveDate>>,
}

impl LastGained {
    /// Folds in one version's change, made on `date`.
    pub fn record(&mut self, diff: &PracticeDiff, date: NaiveDate) {
        for (member, change) in &diff.members {
            let Some(clients) = change.gained.get(CLINICAL_READ) else {
                continue;
            };
            let entry = self.gained.entry(member.clone()).or_default();
            for client in clients {
                entry.insert(client.clone(), date);
            }
        }
    }

    /// The day `member` last gained `client`'s chart, if the history says.
    pub fn since(&self, member: &str, client: &str) -> Option<NaiveDate> {
        self.gained.get(member)?.get(client).copied()
    }

    /// Every chart the history says `member` gained, with the day.
    fn gained_by(&self, member: &str) -> impl Iterator<Item = (&str, NaiveDate)> {
        self.gained
            .get(member)
            .into_iter()
            .flatten()
            .map(|(client, &day)| (client.as_str(), day))
    }
}

/// Whether the reader reads the chart's notes by a route other than
/// ownership, which nothing but a change of owner takes away.
fn reads_notes_as_member(reader: &ChartReader) -> bool {
    reader
        .routes
        .iter()
        .any(|r| r.reads_notes && r.route != ReviewRoute::Owner)
}

/// The reviewed charts whose notes a member reads, last gained more than
/// `days` days before `today`, by member then client. The owner's access,
/// which nothing but a change of owner takes away, is not listed; a reader
/// the history knows nothing of (a gain not yet committed) is not stale.
/// A reader of every unrestricted chart is looked up by the charts the
/// history says they gained, so the work follows the history and the
/// charts' relations, never every member against every chart.
pub fn stale(review: &Review, last: &LastGained, today: NaiveDate, days: i64) -> Vec<StaleAccess> {
    let mut reading: HashSet<(&str, &str)> = HashSet::new();
    for chart in &review.charts {
        for reader in chart.readers.iter().filter(|r| reads_notes_as_member(r)) {
            reading.insert((&reader.member, &chart.client));
        }
    }
    let unrestricted: HashSet<&str> = review
        .charts
        .iter()
        .filter(|c| !c.restricted)
        .map(|c| c.client.as_str())
        .collect();
    for reader in review
        .every_chart
        .iter()
        .filter(|r| reads_notes_as_member(r))
    {
        for (client, _) in last.gained_by(&reader.member) {
            if let Some(&client) = unrestricted.get(client) {
                reading.insert((&reader.member, client));
            }
        }
    }
    let mut found: Vec<StaleAccess> = reading
        .into_iter()
        .filter_map(|(member, client)| {
            let since = last.since(member, client)?;
            let age = (today - since).num_days();
            (age > days).then(|| StaleAccess {
                member: member.to_string(),
                client: client.to_string(),
                since,
                days: age,
            })
        })
        .collect();
    found.sort_by(|a, b| (&a.member, &a.client).cmp(&(&b.member, &b.client)));
    found
}

/// Charts whose clinical names are listed in one stale-access finding
/// before "and N more": an all-scope reader would list every client.
const STALE_LISTED: usize = 5;

/// `review` with the stale access found with a period of `days`: the
/// list, and one finding per member to act on.
pub fn flagged(mut review: Review, stale: Vec<StaleAccess>, days: i64) -> Review {
    let mut per_member: BTreeMap<&str, Vec<&StaleAccess>> = BTreeMap::new();
    for entry in &stale {
        per_member.entry(&entry.member).or_default().push(entry);
    }
    for (member, entries) in per_member {
        let mut listed: Vec<String> = entries
            .iter()
            .take(STALE_LISTED)
            .map(|e| format!("{} since {}", e.client, e.since))
            .collect();
        if entries.len() > STALE_LISTED {
            listed.push(format!("{} more", entries.len() - STALE_LISTED));
        }
        review.findings.push(ReviewFinding {
            kind: ReviewKind::StaleAccess,
            message: format!(
                "`{member}` has read {} chart(s) unchanged for over {days} days: {}",
                entries.len(),
                listed.join(", ")
            ),
            action: format!(
                "confirm `{member}` still needs each; `praxis access check {member} {CLINICAL_READ} --client CLIENT --explain` names where one comes from, to remove it there"
            ),
        });
    }
    review.stale = Some(StaleReview {
        days,
        access: stale,
    });
    review
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::CapabilityGroup;
    use crate::rules::decide::Source;
    use crate::rules::diff::AccessChange;
    use crate::rules::review::{ChartReview, ReaderRoute};

    fn day(text: &str) -> NaiveDate {
        crate::rules::dates::parse_day(text).unwrap()
    }

    fn gains(member: &str, capability: &str, clients: &[&str]) -> PracticeDiff {
        let mut change = AccessChange::default();
        change.gained.insert(
            capability.into(),
            clients.iter().map(|c| c.to_string()).collect(),
        );
        let mut diff = PracticeDiff::default();
        diff.members.insert(member.into(), change);
        diff
    }

    fn reader(member: &str, route: &ReviewRoute, reads_notes: bool) -> ChartReader {
        ChartReader {
            member: member.to_string(),
            routes: vec![ReaderRoute {
                route: route.clone(),
                capabilities: vec![CapabilityGroup::ClinicalNotes],
                reads_notes,
            }],
        }
    }

    fn chart(client: &str, readers: &[(&str, ReviewRoute)]) -> ChartReview {
        ChartReview {
            client: client.into(),
            restricted: false,
            readers: readers.iter().map(|(m, r)| reader(m, r, true)).collect(),
        }
    }

    fn review(charts: Vec<ChartReview>, every_chart: Vec<ChartReader>) -> Review {
        Review {
            practice: "P".into(),
            date: day("2026-11-30"),
            every_chart,
            charts,
            members: Vec::new(),
            findings: Vec::new(),
            stale: None,
            changes: None,
        }
    }

    #[test]
    fn the_last_gain_of_clinical_read_is_when_access_was_last_touched() {
        let mut last = LastGained::default();
        last.record(
            &gains("bob", CLINICAL_READ, &["C-1", "C-2"]),
            day("2024-01-10"),
        );
        // Another capability does not touch the chart's reading.
        last.record(&gains("bob", "billing.view", &["C-1"]), day("2026-01-10"));
        // A regrant (after a revoke) does.
        last.record(&gains("bob", CLINICAL_READ, &["C-2"]), day("2026-06-01"));
        assert_eq!(last.since("bob", "C-1"), Some(day("2024-01-10")));
        assert_eq!(last.since("bob", "C-2"), Some(day("2026-06-01")));
        assert_eq!(last.since("dev", "C-1"), None);
    }

    #[test]
    fn older_than_the_period_is_stale_and_the_owner_is_not_listed() {
        let mut last = LastGained::default();
        last.record(
            &gains("bob", CLINICAL_READ, &["C-1", "C-2"]),
            day("2024-01-10"),
        );
        last.record(&gains("nora", CLINICAL_READ, &["C-1"]), day("2020-01-01"));
        last.record(&gains("bob", CLINICAL_READ, &["C-2"]), day("2026-06-01"));
        let charts = review(
            vec![
                chart(
                    "C-1",
                    &[("bob", ReviewRoute::Primary), ("nora", ReviewRoute::Owner)],
                ),
                chart("C-2", &[("bob", ReviewRoute::Granted)]),
                chart("C-3", &[("dev", ReviewRoute::Granted)]),
            ],
            vec![reader("nora", &ReviewRoute::Owner, true)],
        );
        let today = day("2026-11-30");
        let found = stale(&charts, &last, today, 365);
        assert_eq!(
            found,
            [StaleAccess {
                member: "bob".into(),
                client: "C-1".into(),
                since: day("2024-01-10"),
                days: 1055,
            }]
        );
        // Exactly the period is not over it.
        assert!(stale(&charts, &last, today, 1055).is_empty());
        assert_eq!(stale(&charts, &last, today, 1054).len(), 1);
    }

    #[test]
    fn a_reader_of_every_chart_is_stale_on_the_unrestricted_charts_the_history_gave() {
        let mut last = LastGained::default();
        last.record(
            &gains("lena", CLINICAL_READ, &["C-1", "C-2", "C-9"]),
            day("2020-01-01"),
        );
        last.record(&gains("sam", CLINICAL_READ, &["C-1"]), day("2020-01-01"));
        let mut restricted = chart("C-2", &[]);
        restricted.restricted = true;
        let all = ReviewRoute::AllClients {
            source: Source::Member,
        };
        let charts = review(
            // C-9 is not among the reviewed charts (`--client`, or removed).
            vec![chart("C-1", &[("lena", ReviewRoute::Primary)]), restricted],
            // sam's all-scope grant does not read notes (billing, say).
            vec![reader("lena", &all, true), reader("sam", &all, false)],
        );
        let found = stale(&charts, &last, day("2026-11-30"), 365);
        let listed: Vec<(&str, &str)> = found
            .iter()
            .map(|s| (s.member.as_str(), s.client.as_str()))
            .collect();
        // C-1 once, though lena reads it both as primary and everywhere;
        // the restricted C-2 is not hers to read.
        assert_eq!(listed, [("lena", "C-1")]);
    }
}
