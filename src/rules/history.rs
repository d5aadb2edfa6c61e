//! The access timeline (`praxis history`) as data: for each commit that
//! changed effective access, who changed it, who approved it and what it
//! did, narrowed to one member or client. Reading git is the command's job;
//! this module only judges versions it is handed, as `diff` does.

use super::diff::{AccessChange, PracticeDiff};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

/// One commit's change to access, or why it could not be judged.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Event {
    pub commit: String,
    /// The committer's date.
    pub date: NaiveDate,
    pub author: String,
    pub committer: String,
    /// From an `Approved-by:` (or `Reviewed-by:`) trailer, or the pull
    /// request a merge commit names.
    pub approved_by: Option<String>,
    pub subject: String,
    /// The practice file's path at this commit (it follows renames).
    pub path: String,
    /// Each member whose access changed, and how.
    pub changes: BTreeMap<String, AccessChange>,
    /// Set when the file does not validate at this commit: it is skipped,
    /// and the next valid version is compared with the last valid one.
    pub skipped: Option<String>,
}

/// The part of a diff that concerns `member` and `client`: one member's
/// change, and only the capabilities that cover the client.
pub fn narrow(
    diff: &PracticeDiff,
    member: Option<&str>,
    client: Option<&str>,
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
                change.roles_granted.clear();
                change.roles_revoked.clear();
                change.supervisors_added.clear();
                change.supervisors_removed.clear();
            }
            (!change.is_empty()).then(|| (id.clone(), change))
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
        let narrowed = narrow(&diff, Some("dev"), Some("C-1"));
        assert_eq!(narrowed.len(), 1);
        let dev = &narrowed["dev"];
        assert_eq!(dev.gained.len(), 1);
        assert_eq!(dev.gained["clinical.view"], ["C-1"]);
        assert!(narrow(&diff, None, Some("C-9")).is_empty());
        assert_eq!(narrow(&diff, None, None).len(), 2);
    }
}
