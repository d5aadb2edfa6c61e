//! Step 5 of SPEC §3.2: whether a grant's scope holds for the member on
//! the client, and through which relation (care team, administrative list,
//! supervision, authorship). The chart is looked up by interned id.

use super::{Need, Relation, Resolved, Route};
use crate::model::{Client, Member, MemberId, Practice, Scope};
use chrono::NaiveDate;

/// Whether `scope` holds for this member on the request's client.
pub(in crate::rules) fn scope_holds(
    practice: &Practice,
    scope: Scope,
    member: &Member,
    request: &Resolved<'_>,
    date: NaiveDate,
) -> Result<Route, Need> {
    let id = member.id.value.as_str();
    let Some(client) = request.client else {
        return Ok(Route::Practice);
    };
    match scope {
        Scope::Practice => Ok(Route::Practice),
        Scope::All if !client.restricted => Ok(Route::Unrestricted),
        // The administrative list first: a member on it and on the care
        // team holds the all-scope grant by a route that does not pass
        // through their own care relation (SPEC §8 "No self-grants").
        Scope::All if client.in_administrative(id) => Ok(Route::Administrative {
            via: Relation::AdministrativeList,
        }),
        Scope::All => administrative_relation(practice, client, id, date)
            .map(|via| Route::Administrative { via })
            .ok_or(Need::AdministrativeAccess),
        Scope::Assigned => care_relation(practice, client, request.member_id, date)
            .map(|via| Route::Assigned { via })
            .ok_or(Need::Assignment),
        Scope::Supervisees => supervision_route(practice, client, id, date).ok_or(Need::Supervisee),
        Scope::Own => match request.author {
            Some(author) if author.id.value == id => Ok(Route::Author),
            _ => Err(Need::Authorship),
        },
    }
}

/// Primary, clinician or unexpired temporary: clinical access through the
/// chart, compared by interned id.
pub fn care_relation(
    practice: &Practice,
    client: &Client,
    member: MemberId,
    date: NaiveDate,
) -> Option<Relation> {
    let chart = practice.chart(client)?;
    if chart.primary == Some(member) {
        Some(Relation::Primary)
    } else if chart.clinicians.contains(&member) {
        Some(Relation::Clinician)
    } else {
        chart
            .temporary
            .iter()
            .filter(|&&(who, until, _)| who == member && until >= date)
            .max_by_key(|&&(_, until, _)| until)
            .map(|&(_, until, place)| Relation::Temporary {
                until,
                reason: client
                    .temporary
                    .get(place)
                    .map_or_else(String::new, |t| t.reason_text().to_string()),
            })
    }
}

/// Administrative access to a restricted client (SPEC §3.1): the chart's
/// care team, its administrative list, and the owner.
pub fn administrative_relation(
    practice: &Practice,
    client: &Client,
    member: &str,
    date: NaiveDate,
) -> Option<Relation> {
    practice
        .member_id(member)
        .and_then(|id| care_relation(practice, client, id, date))
        .or_else(|| {
            if client.in_administrative(member) {
                Some(Relation::AdministrativeList)
            } else if practice.is_owner(member) {
                Some(Relation::Owner)
            } else {
                None
            }
        })
}

/// The first supervisee of `member` (in the file's order) on the client's
/// care team. Looked for from the chart's side: a chart has a handful of
/// members on it, a supervisor may have dozens of supervisees.
pub fn supervision_route(
    practice: &Practice,
    client: &Client,
    member: &str,
    date: NaiveDate,
) -> Option<Route> {
    let chart = practice.chart(client)?;
    let on_chart = chart.primary.iter().chain(&chart.clinicians).chain(
        chart
            .temporary
            .iter()
            .filter(|&&(_, until, _)| until >= date)
            .map(|(who, _, _)| who),
    );
    let supervisee = on_chart
        .copied()
        .filter(|&id| {
            practice
                .member_of(id)
                .is_some_and(|m| m.supervisors.iter().any(|s| s.value == member))
        })
        .min()?;
    let via = care_relation(practice, client, supervisee, date)?;
    Some(Route::Supervision {
        supervisee: practice.member_of(supervisee)?.id.value.clone(),
        via,
    })
}
