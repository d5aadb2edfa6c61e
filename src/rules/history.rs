//! The access timeline (`praxis history`) as data: for each commit that
//! changed effective access, who changed it, who approved it and what it
//! did, narrowed to one member or client. Reading git is the command's job;
//! this module only judges versions it is handed, as `diff` does.

use super::diff::{AccessChange, PracticeDiff, TemporaryAdded, compare};
use crate::model::Practice;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// What a timeline entry records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub enum EventKind {
    /// A commit that changed the practice file.
    #[serde(rename = "commit")]
    Commit,
    /// Temporary access that ended on `date`, the day after its last day,
    /// by the file's own dates: no commit is involved.
    #[serde(rename = "temporary access ended")]
    TemporaryEnded,
}

/// One commit's change to access, or why it could not be judged; or
/// temporary access that ended on a day (no commit).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Event {
    pub kind: EventKind,
    /// The commit; `None` for temporary access that ended.
    pub commit: Option<String>,
    /// The committer's date; for an ending, the first day without access.
    pub date: NaiveDate,
    /// The commit's date is earlier than its first parent's: set by hand,
    /// so the date is a claim the branch's order disproves.
    pub backdated: bool,
    /// The first parent's committer date, when the commit is backdated.
    pub parent_date: Option<NaiveDate>,
    pub author: Option<String>,
    pub committer: Option<String>,
    /// From an `Approved-by:` (or `Reviewed-by:`) trailer, or the pull
    /// request a merge commit names.
    pub approved_by: Option<String>,
    pub subject: String,
    /// The practice file's path at this commit (it follows renames).
    pub path: String,
    /// Each member whose access changed, and how.
    pub changes: BTreeMap<String, AccessChange>,
    /// Temporary entries, with their last day and reason: on a commit,
    /// those it added or changed; on an ending, those that ended.
    pub temporary: Vec<TemporaryAdded>,
    /// Set when the file does not validate at this commit, or is over the
    /// size limit: it is skipped, and the next valid version is compared
    /// with the last valid one.
    pub skipped: Option<String>,
}

/// What part of the timeline to show: one member, one client, one
/// capability (each optional).
#[derive(Clone, Copy, Debug, Default)]
pub struct Narrow<'a> {
    pub member: Option<&'a str>,
    pub client: Option<&'a str>,
    pub capability: Option<&'a str>,
}

impl Narrow<'_> {
    /// The part of a diff that concerns the narrowing: the members' access
    /// changes, and the temporary entries (added, or `ended`) among them.
    pub fn apply(
        &self,
        diff: &PracticeDiff,
        temporary: &[TemporaryAdded],
    ) -> (BTreeMap<String, AccessChange>, Vec<TemporaryAdded>) {
        let changes = narrow(diff, self.member, self.client, self.capability);
        let touched: BTreeSet<(&str, &str)> = changes
            .iter()
            .flat_map(|(member, change)| {
                change
                    .gained
                    .values()
                    .chain(change.lost.values())
                    .flatten()
                    .map(move |client| (member.as_str(), client.as_str()))
            })
            .collect();
        let temporary = temporary
            .iter()
            .filter(|t| self.member.is_none_or(|m| m == t.member))
            .filter(|t| self.client.is_none_or(|c| c == t.client))
            // One capability: the entries through which it came or went.
            .filter(|t| {
                self.capability.is_none()
                    || touched.contains(&(t.member.as_str(), t.client.as_str()))
            })
            .cloned()
            .collect();
        (changes, temporary)
    }
}

/// The part of a diff that concerns `member`, `client` and `capability`:
/// one member's change, only the capabilities that cover the client, only
/// one capability's gains and losses.
pub fn narrow(
    diff: &PracticeDiff,
    member: Option<&str>,
    client: Option<&str>,
    capability: Option<&str>,
) -> BTreeMap<String, AccessChange> {
    diff.members
        .iter()
        .filter(|(id, _)| member.is_none_or(|m| m == id.as_str()))
        .filter_map(|(id, change)| {
            let mut change = change.clone();
            if let Some(client) = client {
                let on = |m: &mut BTreeMap<String, Vec<String>>| {
                    m.retain(|_, clients| clients.iter().any(|c| c == client));
                    for clients in m.values_mut() {
                        clients.retain(|c| c == client);
                    }
                };
                on(&mut change.gained);
                on(&mut change.lost);
            }
            if let Some(capability) = capability {
                change.gained.retain(|c, _| c == capability);
                change.lost.retain(|c, _| c == capability);
            }
            // Roles and supervision are not one client's or one
            // capability's: what they gave or took shows as capabilities.
            if client.is_some() || capability.is_some() {
                change.roles_granted.clear();
                change.roles_revoked.clear();
                change.supervisors_added.clear();
                change.supervisors_removed.clear();
            }
            (!change.is_empty()).then(|| (id.clone(), change))
        })
        .collect()
}

/// Temporary access in `practice` that ends on a day after `after` and no
/// later than `through` (the day after an entry's last day), one per day,
/// oldest first: the day, what ending took (as `diff` computes it between
/// the practice with and without those entries, on their last day) and the
/// entries that ended.
pub fn endings(
    practice: &Practice,
    after: NaiveDate,
    through: NaiveDate,
) -> Vec<(NaiveDate, PracticeDiff, Vec<TemporaryAdded>)> {
    let last_days: BTreeSet<NaiveDate> = practice
        .clients
        .iter()
        .flat_map(|c| c.temporary.iter().map(|t| t.until.value))
        .filter(|until| {
            until
                .succ_opt()
                .is_some_and(|end| end > after && end <= through)
        })
        .collect();
    last_days
        .into_iter()
        .filter_map(|last_day| {
            let end = last_day.succ_opt()?;
            let mut without = practice.clone();
            let mut ended = Vec::new();
            for client in &mut without.clients {
                for entry in client
                    .temporary
                    .iter()
                    .filter(|t| t.until.value == last_day)
                {
                    ended.push(TemporaryAdded {
                        client: client.id.value.clone(),
                        member: entry.member.value.clone(),
                        until: last_day,
                        reason: entry.reason_text().to_string(),
                    });
                }
                client.temporary.retain(|t| t.until.value != last_day);
            }
            let diff = compare(practice, &without.indexed(), last_day);
            Some((end, diff, ended))
        })
        .collect()
}

/// Who approved a commit: an `Approved-by:` or `Reviewed-by:` trailer (in
/// the message's last paragraph, as git reads trailers; never the
/// subject), else, for a merge commit, the pull request it names ("Merge
/// pull request #12 from …"). What the message says is the committer's
/// claim: the forge's own record is the proof.
pub fn approval(message: &str, merge: bool) -> Option<String> {
    let mut paragraphs = message.trim().split("\n\n");
    let subject = paragraphs.next().unwrap_or_default();
    let trailer = paragraphs.last().and_then(|block| {
        block.lines().rev().find_map(|line| {
            let line = line.trim();
            ["Approved-by:", "Reviewed-by:"]
                .iter()
                .find_map(|key| line.strip_prefix(key))
                .map(|who| who.trim().to_string())
                .filter(|who| !who.is_empty())
        })
    });
    trailer.or_else(|| {
        let rest = subject
            .strip_prefix("Merge pull request #")
            .filter(|_| merge)?;
        let number: String = rest.chars().take_while(char::is_ascii_digit).collect();
        (!number.is_empty()).then(|| format!("pull request #{number}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn approval_comes_from_a_trailer_or_a_merged_pull_request() {
        assert_eq!(
            approval(
                "Give dev C-1001\n\nCovering.\n\nApproved-by: Nora Whitfield <nora@example.org>\n",
                false
            ),
            Some("Nora Whitfield <nora@example.org>".into())
        );
        assert_eq!(
            approval(
                "Merge pull request #42 from practice/cover\n\nCover C-1001",
                true
            ),
            Some("pull request #42".into())
        );
        assert_eq!(approval("Fix a typo\n", false), None);
        // Not a merge: its subject proves nothing.
        assert_eq!(
            approval("Merge pull request #42 from practice/cover", false),
            None
        );
        // A trailer is in the last paragraph, never the subject.
        assert_eq!(approval("Approved-by: me", false), None);
        assert_eq!(
            approval(
                "Give dev C-1001\n\nApproved-by: Nora\n\nMore words after it",
                false
            ),
            None
        );
    }

    #[test]
    fn narrowing_keeps_one_members_changes_on_one_client() {
        let mut diff = PracticeDiff::default();
        let mut change = AccessChange::default();
        change
            .gained
            .insert("clinical.view".into(), vec!["C-1".into(), "C-2".into()]);
        change
            .gained
            .insert("billing.view".into(), vec!["C-2".into()]);
        change.roles_granted.push("biller".into());
        diff.members.insert("dev".into(), change.clone());
        diff.members.insert("bob".into(), change);
        let narrowed = narrow(&diff, Some("dev"), Some("C-1"), None);
        assert_eq!(narrowed.len(), 1);
        let dev = &narrowed["dev"];
        assert_eq!(dev.gained.len(), 1);
        assert_eq!(dev.gained["clinical.view"], ["C-1"]);
        assert!(narrow(&diff, None, Some("C-9"), None).is_empty());
        assert_eq!(narrow(&diff, None, None, None).len(), 2);
        // One capability: only its gains, and no roles.
        let billing = narrow(&diff, None, None, Some("billing.view"));
        assert_eq!(
            billing["bob"].gained.keys().collect::<Vec<_>>(),
            ["billing.view"]
        );
        assert!(billing["bob"].roles_granted.is_empty());
        assert!(narrow(&diff, None, None, Some("files.view")).is_empty());
    }
}
