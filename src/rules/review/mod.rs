//! The periodic access review (SPEC §4 `review`, §9.4): per client, every
//! member who holds a client capability on it through a relation to it,
//! by route and with the capabilities grouped; once for the practice, the
//! owner and those whose `all` grants reach every unrestricted chart; per
//! member, how many charts and through which routes; and the findings a
//! reviewer must act on. [`reach`] computes who reaches what from each
//! chart's relations, so the review is linear in the file.

pub mod reach;

use crate::catalog::CapabilityGroup;
use crate::findings::{Code, Findings};
use crate::model::Practice;
use crate::rules::decide::Source;
use crate::rules::history::Event;
use chrono::NaiveDate;
use reach::{Reach, Reader};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// How a member reaches a client's chart.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(tag = "route", rename_all = "snake_case")]
pub enum ReviewRoute {
    Primary,
    Granted,
    Temporary {
        until: NaiveDate,
        reason: String,
    },
    Supervision {
        supervisee: String,
    },
    /// An all-scope grant: the role (or the member's own grant) it is in.
    AllClients {
        source: Source,
    },
    Owner,
}

impl ReviewRoute {
    pub fn name(&self) -> &'static str {
        match self {
            ReviewRoute::Primary => "primary",
            ReviewRoute::Granted => "granted",
            ReviewRoute::Temporary { .. } => "temporary",
            ReviewRoute::Supervision { .. } => "supervision",
            ReviewRoute::AllClients { .. } => "all-clients role",
            ReviewRoute::Owner => "owner",
        }
    }
}

/// A route to a chart and the kinds of client work it opens there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ReaderRoute {
    #[serde(flatten)]
    pub route: ReviewRoute,
    /// The groups of client capabilities held through this route.
    pub capabilities: Vec<CapabilityGroup>,
    /// Whether the route reads the chart's clinical notes
    /// (`clinical.view`): the access `--stale` follows.
    #[serde(skip)]
    pub reads_notes: bool,
}

#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct ChartReader {
    pub member: String,
    pub routes: Vec<ReaderRoute>,
}

#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct ChartReview {
    pub client: String,
    pub restricted: bool,
    pub readers: Vec<ChartReader>,
}

#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct MemberReview {
    pub member: String,
    pub name: String,
    pub clients: usize,
    pub routes: BTreeMap<&'static str, usize>,
}

/// What a review finding is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub enum ReviewKind {
    #[serde(rename = "temporary access expired")]
    TemporaryExpired,
    #[serde(rename = "temporary access ending within 7 days")]
    TemporaryExpiring,
    #[serde(rename = "inactive member still named")]
    InactiveNamed,
    #[serde(rename = "supervisor with no supervisees")]
    IdleSupervisor,
    #[serde(rename = "member with no roles")]
    NoRoles,
    #[serde(rename = "all-scope clinical access")]
    AllScopeClinical,
    #[serde(rename = "access unchanged for longer than the period")]
    StaleAccess,
}

#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct ReviewFinding {
    pub kind: ReviewKind,
    pub message: String,
    pub action: String,
}

#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct Review {
    pub practice: String,
    pub date: NaiveDate,
    /// Who holds client capabilities on every unrestricted chart: the owner
    /// and the holders of `all` grants, listed once rather than per chart.
    pub every_chart: Vec<ChartReader>,
    /// Per client, who reaches it through a relation to it; on a restricted
    /// client, everyone who can reach it.
    pub charts: Vec<ChartReview>,
    pub members: Vec<MemberReview>,
    pub findings: Vec<ReviewFinding>,
    /// With `--stale DAYS`: each chart reading unchanged for longer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stale: Option<StaleReview>,
    /// With `--since DATE`: the commits since then that changed access.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changes: Option<ChangesSince>,
}

/// A member's reading of a chart unchanged for longer than the period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct StaleAccess {
    pub member: String,
    pub client: String,
    /// The day of the commit that last gave this access.
    pub since: NaiveDate,
    /// Days from then to the review's date.
    pub days: i64,
}

/// Chart access unchanged for longer than the period (`--stale`).
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct StaleReview {
    /// The period, in days.
    pub days: i64,
    pub access: Vec<StaleAccess>,
}

/// The access changes since the last review, from the file's git history.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct ChangesSince {
    pub since: NaiveDate,
    pub events: Vec<Event>,
}

/// The review's record of a reader: capabilities as groups.
fn chart_reader(reach: &Reach<'_>, reader: Reader<'_>) -> ChartReader {
    ChartReader {
        member: reader.member.to_string(),
        routes: reader
            .routes
            .into_iter()
            .map(|reached| ReaderRoute {
                capabilities: reach.catalog.groups(&reached.capabilities),
                reads_notes: reach.catalog.reads_notes(&reached.capabilities),
                route: reached.route,
            })
            .collect(),
    }
}

/// The review as of `date`, optionally narrowed to one member or client.
/// `findings` are the practice's validation findings as of that date (the
/// caller has them from loading the file).
pub fn review(
    practice: &Practice,
    findings: &Findings,
    date: NaiveDate,
    member: Option<&str>,
    client: Option<&str>,
) -> Review {
    let reach = Reach::new(practice, date);
    let concerned = |reader: &Reader<'_>| member.is_none_or(|m| m == reader.member);
    let every_chart: Vec<ChartReader> = reach
        .every_chart()
        .into_iter()
        .filter(concerned)
        .map(|reader| chart_reader(&reach, reader))
        .collect();
    let charts: Vec<ChartReview> = practice
        .clients
        .iter()
        .filter(|c| client.is_none_or(|id| c.id.value == id))
        .map(|chart| ChartReview {
            client: chart.id.value.clone(),
            restricted: chart.restricted,
            readers: reach
                .chart(chart)
                .into_iter()
                .filter(concerned)
                .map(|reader| chart_reader(&reach, reader))
                .collect(),
        })
        .collect();
    let members = member_reviews(practice, &every_chart, &charts, member);
    let to_act_on = to_act_on(practice, findings, &every_chart, member, client);
    Review {
        practice: practice.practice_name().to_string(),
        date,
        every_chart,
        charts,
        members,
        findings: to_act_on,
        stale: None,
        changes: None,
    }
}

/// How many of the reviewed charts a member reaches, and by each route.
#[derive(Default)]
struct Tally {
    charts: usize,
    routes: BTreeMap<&'static str, usize>,
}

/// Per active member (only `member`, when narrowed to one): how many of the
/// reviewed charts they reach, and on how many by each route. A reader of
/// every unrestricted chart reaches each of those once, whatever else
/// brings them there; counted from the readers, never member by client.
fn member_reviews(
    practice: &Practice,
    every_chart: &[ChartReader],
    charts: &[ChartReview],
    member: Option<&str>,
) -> Vec<MemberReview> {
    let unrestricted = charts.iter().filter(|c| !c.restricted).count();
    let mut tallies: HashMap<&str, Tally> = HashMap::new();
    let everywhere: std::collections::HashSet<&str> =
        every_chart.iter().map(|r| r.member.as_str()).collect();
    for reader in every_chart {
        let tally = tallies.entry(&reader.member).or_default();
        tally.charts = unrestricted;
        for name in route_names(reader) {
            *tally.routes.entry(name).or_default() += unrestricted;
        }
    }
    for chart in charts {
        for reader in &chart.readers {
            let tally = tallies.entry(&reader.member).or_default();
            if chart.restricted || !everywhere.contains(reader.member.as_str()) {
                tally.charts += 1;
            }
            for name in route_names(reader) {
                *tally.routes.entry(name).or_default() += 1;
            }
        }
    }
    practice
        .members
        .iter()
        .filter(|m| m.active && member.is_none_or(|id| m.id.value == id))
        .map(|m| {
            let tally = tallies.remove(m.id.value.as_str()).unwrap_or_default();
            MemberReview {
                member: m.id.value.clone(),
                name: m.display_name().to_string(),
                clients: tally.charts,
                routes: tally.routes,
            }
        })
        .collect()
}

/// The names of a reader's routes, each once (two roles with `all` grants
/// are one "all-clients role" reach).
fn route_names(reader: &ChartReader) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = reader.routes.iter().map(|r| r.route.name()).collect();
    names.sort_unstable();
    names.dedup();
    names
}

fn to_act_on(
    practice: &Practice,
    findings: &Findings,
    every_chart: &[ChartReader],
    member: Option<&str>,
    client: Option<&str>,
) -> Vec<ReviewFinding> {
    let mut out = Vec::new();
    for finding in findings.iter() {
        let kind = match finding.code {
            Code::TemporaryExpired => ReviewKind::TemporaryExpired,
            Code::TemporaryExpiring => ReviewKind::TemporaryExpiring,
            Code::InactiveReferenced => ReviewKind::InactiveNamed,
            Code::IdleSupervisor => ReviewKind::IdleSupervisor,
            Code::NoAccessMember => ReviewKind::NoRoles,
            _ => continue,
        };
        if finding.concerns(member, client) {
            out.push(ReviewFinding {
                kind,
                message: finding.message.clone(),
                action: finding.hint.clone(),
            });
        }
    }
    // In the file's member order, as the findings above are.
    let notes_everywhere: std::collections::HashSet<&str> = every_chart
        .iter()
        .filter(|r| r.routes.iter().any(|route| route.reads_notes))
        .map(|r| r.member.as_str())
        .collect();
    for id in practice.members.iter().map(|m| m.id.value.as_str()) {
        if !notes_everywhere.contains(id)
            || practice.is_owner(id)
            || member.is_some_and(|m| m != id)
        {
            continue;
        }
        out.push(ReviewFinding {
            kind: ReviewKind::AllScopeClinical,
            message: format!("`{id}` can read the clinical notes of every unrestricted client"),
            action: "confirm this role needs every chart; otherwise grant on assigned clients only"
                .to_string(),
        });
    }
    out
}
