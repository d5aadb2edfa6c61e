//! Decisions in words: the reasons of `access check --explain`, `test`
//! failures and `access who`. The decision carries data; this is the one
//! place it becomes sentences.

use crate::rules::decide::{GrantMatch, Need, Reason, Relation, Request, Route, Shortfall, Source};

fn source(source: &Source) -> String {
    match source {
        Source::Role(role) => format!("role `{role}`"),
        Source::Member => "their own grant".to_string(),
    }
}

pub fn relation(relation: &Relation) -> String {
    match relation {
        Relation::Primary => "the primary clinician".to_string(),
        Relation::Clinician => "a clinician".to_string(),
        Relation::Temporary { until, reason } => {
            format!("a temporary clinician through {until} (\"{reason}\")")
        }
        Relation::AdministrativeList => "a member of its administrative list".to_string(),
        Relation::Owner => "the practice owner".to_string(),
    }
}

/// The relation in a word or two, for table cells.
pub fn relation_short(relation: &Relation) -> String {
    match relation {
        Relation::Primary => "primary".to_string(),
        Relation::Clinician => "clinician".to_string(),
        Relation::Temporary { until, .. } => format!("temporary to {until}"),
        Relation::AdministrativeList => "administrative list".to_string(),
        Relation::Owner => "owner".to_string(),
    }
}

/// The route in a few words, for tables (`access who`, `access list`).
pub fn route_short(route: &Route) -> String {
    match route {
        Route::Practice => "practice".to_string(),
        Route::Unrestricted => "all clients".to_string(),
        Route::Administrative { via } => format!("restricted; {}", relation_short(via)),
        Route::Assigned { via } => relation_short(via),
        Route::Supervision { supervisee, .. } => format!("supervises {supervisee}"),
        Route::Author => "author".to_string(),
    }
}

fn route(route: &Route, member: &str, client: Option<&str>) -> String {
    let client = client.unwrap_or("the client");
    match route {
        Route::Practice => "a practice capability, no client involved".to_string(),
        Route::Unrestricted => format!("{client} is not restricted"),
        Route::Administrative { via } => format!(
            "{client} is restricted, and {member} has administrative access as {}",
            relation(via)
        ),
        Route::Assigned {
            via: Relation::Temporary { until, reason },
        } => {
            format!("{member} is a temporary clinician of {client} through {until} (\"{reason}\")")
        }
        Route::Assigned { via } => format!("{member} is {} of {client}", relation(via)),
        Route::Supervision { supervisee, via } => {
            format!(
                "{member} supervises {supervisee}, {} of {client}",
                relation(via)
            )
        }
        Route::Author => format!("{member} wrote the document"),
    }
}

pub fn granted(grant: &GrantMatch, member: &str, client: Option<&str>) -> String {
    format!(
        "{} grants `{}` on {}: {}",
        source(&grant.source),
        grant.pattern,
        grant.scope.as_str(),
        route(&grant.route, member, client)
    )
}

fn need(need: Need, member: &str, request: &Request<'_>) -> String {
    let client = request.client;
    let client = client.unwrap_or("the client");
    match need {
        Need::AdministrativeAccess => format!(
            "{client} is restricted and {member} has no administrative access to it (`praxis client grant {client} {member} --administrative`)"
        ),
        Need::Assignment => format!(
            "{member} is not the primary, a clinician or a temporary clinician of {client} (`praxis client grant {client} {member}`)"
        ),
        Need::Supervisee => format!("nobody {member} supervises is on {client}'s care team"),
        Need::Authorship => {
            format!("the document's author is not {member} (name the author with --author)")
        }
    }
}

fn shortfall(shortfall: &Shortfall, request: &Request<'_>) -> Vec<String> {
    let member = request.member;
    let mut lines = Vec::new();
    let target = request.client.map_or(String::new(), |c| format!(" on {c}"));
    lines.push(format!(
        "no grant of {member}'s allows {}{target}",
        request.capability
    ));
    for unmet in &shortfall.unmet {
        lines.push(format!(
            "{} grants `{}` on {}, but {}",
            source(&unmet.source),
            unmet.pattern,
            unmet.scope.as_str(),
            need(unmet.needs, member, request)
        ));
    }
    let quoted = |roles: &[String]| {
        roles
            .iter()
            .map(|r| format!("`{r}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (shortfall.roles.first(), shortfall.with_requirements.first()) {
        (Some(first), _) => lines.push(format!(
            "would be allowed with role {} (`praxis role grant {member} {first}`)",
            quoted(&shortfall.roles)
        )),
        (None, Some(offer)) => lines.push(format!(
            "would be allowed with role `{}` together with {}, which it requires \
             (`praxis role grant {member} {} {}`)",
            offer.role,
            quoted(&offer.requires),
            offer.requires.join(" "),
            offer.role
        )),
        (None, None) => lines.push(format!(
            "no role that {member} could add grants {} at a scope that would hold here",
            request.capability
        )),
    }
    lines
}

/// Every reason as one or more sentences.
pub fn reasons(reasons: &[Reason], request: &Request<'_>) -> Vec<String> {
    let member = request.member;
    reasons
        .iter()
        .flat_map(|reason| match reason {
            Reason::Inactive => vec![format!("{member} is inactive: inactive members hold no access")],
            Reason::Owner => vec![format!("{member} is the practice owner, who is always allowed")],
            Reason::Denied { pattern } => vec![format!(
                "{member}'s denies list has `{pattern}`, which matches {}: a deny wins over every grant",
                request.capability
            )],
            Reason::Granted(grant) => vec![granted(grant, member, request.client)],
            Reason::NotGranted(missing) => shortfall(missing, request),
        })
        .collect()
}
