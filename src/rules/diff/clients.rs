//! The clients section of a diff: clients added and removed, restricted
//! and unrestricted, and temporary access added, removed or lengthened.

use super::{Lengthened, PracticeDiff, TemporaryAdded};
use crate::model::{Client, Practice};
use chrono::NaiveDate;
use std::collections::BTreeSet;

/// Records every client's change from OLD to NEW in `diff`.
pub(super) fn clients_section(
    old: &Practice,
    new: &Practice,
    ids: &BTreeSet<&str>,
    date: NaiveDate,
    diff: &mut PracticeDiff,
) {
    for id in ids {
        match (old.client(id), new.client(id)) {
            (None, Some(c)) => {
                diff.clients_added.push(id.to_string());
                if c.restricted {
                    diff.clients_restricted.push(id.to_string());
                }
            }
            (Some(_), None) => diff.clients_removed.push(id.to_string()),
            (Some(b), Some(a)) if !b.restricted && a.restricted => {
                diff.clients_restricted.push(id.to_string())
            }
            (Some(b), Some(a)) if b.restricted && !a.restricted => {
                diff.clients_unrestricted.push(id.to_string())
            }
            _ => {}
        }
        if let (Some(b), Some(a)) = (old.client(id), new.client(id)) {
            diff.lengthened.extend(lengthened(id, b, a));
        }
        temporary_section(id, old.client(id), new.client(id), date, diff);
    }
}

/// One client's temporary entries added and removed; those added for
/// members who had none and still holding on `date` count as gained.
fn temporary_section(
    id: &str,
    old: Option<&Client>,
    new: Option<&Client>,
    date: NaiveDate,
    diff: &mut PracticeDiff,
) {
    let (before, after) = (temporaries(id, old), temporaries(id, new));
    let added: Vec<TemporaryAdded> = after
        .iter()
        .filter(|t| !before.contains(t))
        .cloned()
        .collect();
    // New entries for members who had none (an extension is counted in
    // `lengthened`; a reworded reason is no gain).
    diff.temporary_gained += added
        .iter()
        .filter(|t| t.until >= date)
        .filter(|t| !before.iter().any(|b| b.member == t.member))
        .count();
    diff.temporary_added.extend(added);
    diff.temporary_removed
        .extend(before.iter().filter(|t| !after.contains(t)).cloned());
}

/// A client's temporary entries as reported; none for a client that is not
/// there.
fn temporaries(id: &str, client: Option<&Client>) -> Vec<TemporaryAdded> {
    client
        .map(|c| {
            c.temporary
                .iter()
                .map(|t| TemporaryAdded {
                    client: id.to_string(),
                    member: t.member.value.clone(),
                    until: t.until.value,
                    reason: t.reason_text().to_string(),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The last day a member's temporary access to `client` holds, if any.
fn temporary_end(client: &Client, member: &str) -> Option<NaiveDate> {
    client
        .temporary
        .iter()
        .filter(|t| t.member_is(member))
        .map(|t| t.until.value)
        .max()
}

/// Members of `before`'s temporary list whose access ends later in `after`.
fn lengthened(id: &str, before: &Client, after: &Client) -> Vec<Lengthened> {
    let members: BTreeSet<&str> = before
        .temporary
        .iter()
        .map(|t| t.member.value.as_str())
        .filter(|m| !before.is_primary(m) && !before.is_clinician(m))
        .collect();
    members
        .into_iter()
        .filter_map(|member| {
            let from = temporary_end(before, member)?;
            let permanent = after.is_primary(member) || after.is_clinician(member);
            let to = if permanent {
                None
            } else {
                Some(temporary_end(after, member).filter(|to| *to > from)?)
            };
            Some(Lengthened {
                client: id.to_string(),
                member: member.to_string(),
                from,
                to,
            })
        })
        .collect()
}
