//! Whether a change gives a member more access to one client, now or for
//! longer (SPEC §8 "No self-grants", "Longer access is a gain"). A member's
//! access to a chart can grow without their own id joining any list: through
//! a supervisee put on it, a temporary entry of a supervisee extended, the
//! chart unrestricted, or a chart removed and added again. The commands and
//! `diff --as` ask this one question about the acting member.

use crate::model::{Kind, Practice};
use crate::rules::decide::{self, Request};
use chrono::{Days, NaiveDate};
use std::collections::BTreeSet;

/// Whether `member` may do something on `client` in `after`, on `date` or
/// any later day, that they could not do on that day in `before` (where the
/// client may not exist).
pub fn gains_on_client(
    before: &Practice,
    after: &Practice,
    member: &str,
    client: &str,
    date: NaiveDate,
) -> bool {
    let Some(now) = after.client(client) else {
        return false;
    };
    // Access changes only where a temporary entry ends: the day after each
    // `until`. Checking the decision date and each such day covers every
    // day from the decision date on.
    let mut days: BTreeSet<NaiveDate> = BTreeSet::from([date]);
    let untils = before
        .client(client)
        .into_iter()
        .chain([now])
        .flat_map(|c| &c.temporary)
        .map(|t| t.until.value);
    for until in untils {
        if let Some(next) = until.checked_add_days(Days::new(1))
            && next > date
        {
            days.insert(next);
        }
    }
    let decision = |practice: &Practice, capability: &str, day: NaiveDate| {
        let request = Request {
            member,
            capability,
            client: Some(client),
            author: None,
        };
        decide::decide(practice, &request, day).ok()
    };
    let allowed = |practice: &Practice, capability: &str, day: NaiveDate| {
        decision(practice, capability, day).is_some_and(|d| d.allowed)
    };
    let is_new = before.client(client).is_none();
    after
        .capabilities()
        .iter()
        .filter(|c| c.kind == Kind::Client)
        .any(|capability| {
            days.iter().any(|&day| {
                if is_new {
                    // On a new client, what an all-clients grant gives is
                    // no gain (the member has it on every client); access
                    // through a relation to the chart is.
                    decision(after, &capability.name, day).is_some_and(|d| through_relation(&d))
                } else {
                    allowed(after, &capability.name, day) && !allowed(before, &capability.name, day)
                }
            })
        })
}

/// The charts `member` or one of their supervisees is on in `practice`
/// (primary, clinicians, temporary, administrative): where a change to
/// members — a role, a supervision — can give `member` access. One pass
/// over the clients.
pub fn charts_within_reach<'p>(practice: &'p Practice, member: &str) -> Vec<&'p str> {
    let mut people: BTreeSet<&str> = practice
        .supervisees_of(member)
        .iter()
        .map(String::as_str)
        .collect();
    people.insert(member);
    practice
        .clients
        .iter()
        .filter(|c| {
            c.primary_id()
                .into_iter()
                .chain(c.clinicians.iter().map(|m| m.value.as_str()))
                .chain(c.administrative.iter().map(|m| m.value.as_str()))
                .chain(c.temporary.iter().map(|t| t.member.value.as_str()))
                .any(|m| people.contains(m))
        })
        .map(|c| c.id.value.as_str())
        .collect()
}

/// An allow through the member's or a supervisee's place on the chart, or
/// the administrative list: not through ownership or an all-clients grant
/// on an unrestricted chart.
fn through_relation(decision: &decide::Decision) -> bool {
    decision.allowed && !decide::allowed_without_relation(decision)
}

/// The client capabilities `member` holds on every (unrestricted) chart in
/// `after` and did not in `before`: a role or own grant at `all` scope. For
/// a change the member makes themselves this is a self-grant on every chart
/// at once (SPEC §9.1 "Self-gains by any route"); only the owner, who holds
/// every capability already, never gains one.
pub fn all_scope_gains(before: &Practice, after: &Practice, member: &str) -> Vec<String> {
    let everywhere = |practice: &Practice| -> BTreeSet<String> {
        let Some(found) = practice.member(member) else {
            return BTreeSet::new();
        };
        practice
            .capabilities()
            .iter()
            .zip(crate::rules::matrix::member_row(practice, found))
            .filter(|(capability, scopes)| {
                capability.kind == Kind::Client && scopes.contains(&crate::terms::Scope::All)
            })
            .map(|(capability, _)| capability.name.clone())
            .collect()
    };
    let held = everywhere(before);
    everywhere(after)
        .into_iter()
        .filter(|capability| !held.contains(capability))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn practice(clients: &str) -> Practice {
        let text = format!(
            "version = 1\n[practice]\nname = \"x\"\nowner = \"o\"\n\
             [members.o]\nname = \"O\"\nroles = [\"administrator\"]\n\
             [members.h]\nname = \"H\"\nroles = [\"clinician\", \"supervisor\"]\nnpi = \"1245319599\"\n\
             [members.i]\nname = \"I\"\nroles = [\"intern\"]\nsupervisors = [\"h\"]\nbill_as_supervisor = true\n\
             [members.b]\nname = \"B\"\nroles = [\"clinician\"]\n\
             [clients]\n{clients}\n"
        );
        let checked = crate::rules::check(&text, day(2026, 12, 1));
        assert!(!checked.findings.has_errors(), "{:?}", checked.findings);
        checked.practice
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn a_supervisee_put_on_a_chart_gives_the_supervisor_access() {
        let before = practice("C-1 = { primary = \"b\" }");
        let after = practice("C-1 = { primary = \"b\", clinicians = [\"i\"] }");
        assert!(gains_on_client(
            &before,
            &after,
            "h",
            "C-1",
            day(2026, 12, 1)
        ));
        assert!(!gains_on_client(
            &before,
            &after,
            "b",
            "C-1",
            day(2026, 12, 1)
        ));
    }

    #[test]
    fn a_new_client_is_a_gain_only_through_a_relation() {
        let before = practice("C-1 = { primary = \"b\" }");
        let after = practice("C-1 = { primary = \"b\" }\nC-2 = { primary = \"i\" }");
        let today = day(2026, 12, 1);
        // h supervises i, the new primary; b only sees the card (all).
        assert!(gains_on_client(&before, &after, "h", "C-2", today));
        assert!(!gains_on_client(&before, &after, "b", "C-2", today));
        assert!(!gains_on_client(&before, &after, "o", "C-2", today));
    }

    #[test]
    fn longer_access_is_a_gain_and_the_same_access_is_not() {
        let entry = |until: &str| {
            format!(
                "C-1 = {{ primary = \"b\", temporary = [{{ member = \"h\", until = {until}, reason = \"r\" }}] }}"
            )
        };
        let before = practice(&entry("2026-12-10"));
        let longer = practice(&entry("2027-12-10"));
        let same = practice(&entry("2026-12-10").replace("\"r\"", "\"s\""));
        let today = day(2026, 12, 1);
        assert!(gains_on_client(&before, &longer, "h", "C-1", today));
        assert!(!gains_on_client(&before, &same, "h", "C-1", today));
        assert!(!gains_on_client(&longer, &before, "h", "C-1", today));
    }
}
