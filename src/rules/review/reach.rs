//! Who reaches each chart, and with which capabilities (SPEC §9.4),
//! computed without deciding every member against every client.
//!
//! A member holds a client capability on a chart (SPEC §3.2, step 5) by a
//! grant whose scope holds there: `all` on every unrestricted chart and,
//! on a restricted one, through administrative access; `assigned` through
//! the care team; `supervisees` through a supervisee on it; `own` never
//! without a document's author, which a review does not name. So a
//! member's grants are folded once into what each scope gives them (their
//! denies taken out), and a chart is read from its own relations: its care
//! team, their supervisors, its administrative list and, when restricted,
//! the owner. Those whose `all` grants reach every unrestricted chart, and
//! the owner, are listed once for the practice. The work is the members'
//! grants plus the clients' relations, never members × clients.
//!
//! `decide` stays the definition: a property test (tests/properties.rs)
//! asks it every (member, capability, client) of generated practices and
//! compares with what this module says.

use super::ReviewRoute;
use crate::catalog::{CLINICAL_READ, CapabilityGroup};
use crate::model::{Client, Kind, Member, MemberId, Practice, Scope};
use crate::rules::decide::{self, Relation, Route, Source, grants_of};
use crate::rules::pattern;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// A set of client capabilities, each by its place in [`ClientCapabilities`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Capabilities(Vec<u64>);

impl Capabilities {
    fn insert(&mut self, place: usize) {
        let word = place / 64;
        if self.0.len() <= word {
            self.0.resize(word + 1, 0);
        }
        self.0[word] |= 1 << (place % 64);
    }

    pub fn contains(&self, place: usize) -> bool {
        self.0
            .get(place / 64)
            .is_some_and(|word| word & (1 << (place % 64)) != 0)
    }

    fn add(&mut self, other: &Capabilities) {
        if self.0.len() < other.0.len() {
            self.0.resize(other.0.len(), 0);
        }
        for (word, theirs) in self.0.iter_mut().zip(&other.0) {
            *word |= theirs;
        }
    }

    fn remove(&mut self, other: &Capabilities) {
        for (word, theirs) in self.0.iter_mut().zip(&other.0) {
            *word &= !theirs;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|&word| word == 0)
    }

    /// The places in the set, in catalog order.
    pub fn places(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(w, &word)| {
            (0..64)
                .filter(move |bit| word & (1 << bit) != 0)
                .map(move |bit| w * 64 + bit)
        })
    }
}

/// The practice's client capabilities in catalog order (built-in, then
/// custom), with the group each belongs to.
pub struct ClientCapabilities<'p> {
    pub names: Vec<&'p str>,
    groups: Vec<CapabilityGroup>,
    clinical_read: Option<usize>,
}

impl<'p> ClientCapabilities<'p> {
    pub fn of(practice: &'p Practice) -> Self {
        let names: Vec<&str> = practice
            .capabilities()
            .iter()
            .filter(|c| c.kind == Kind::Client)
            .map(|c| c.name.as_str())
            .collect();
        ClientCapabilities {
            groups: names.iter().map(|n| CapabilityGroup::of(n)).collect(),
            clinical_read: names.iter().position(|&n| n == CLINICAL_READ),
            names,
        }
    }

    /// Every client capability: what the owner holds.
    fn every(&self) -> Capabilities {
        let mut all = Capabilities::default();
        (0..self.names.len()).for_each(|place| all.insert(place));
        all
    }

    /// Those any of `patterns` matches.
    fn matching(&self, patterns: &[&str]) -> Capabilities {
        let mut found = Capabilities::default();
        for (place, name) in self.names.iter().enumerate() {
            if patterns.iter().any(|p| pattern::matches(p, name)) {
                found.insert(place);
            }
        }
        found
    }

    /// The groups the set touches, in group order.
    pub fn groups(&self, set: &Capabilities) -> Vec<CapabilityGroup> {
        let mut groups: Vec<CapabilityGroup> = set
            .places()
            .filter_map(|p| self.groups.get(p).copied())
            .collect();
        groups.sort_unstable();
        groups.dedup();
        groups
    }

    /// Whether the set holds `clinical.view`: reading the chart's notes.
    pub fn reads_notes(&self, set: &Capabilities) -> bool {
        self.clinical_read.is_some_and(|p| set.contains(p))
    }
}

/// What one member's grants give on each client scope, denies taken out.
#[derive(Clone, Debug, Default)]
struct Holdings {
    active: bool,
    owner: bool,
    assigned: Capabilities,
    supervisees: Capabilities,
    /// `all` grants by where they come from, in the member's grant order.
    all: Vec<(Source, Capabilities)>,
}

/// A route to a chart and the client capabilities it gives.
#[derive(Clone, Debug)]
pub struct Reached {
    pub route: ReviewRoute,
    pub capabilities: Capabilities,
}

/// A member who reaches a chart (or every unrestricted chart).
#[derive(Clone, Debug)]
pub struct Reader<'p> {
    pub member: &'p str,
    pub routes: Vec<Reached>,
}

/// Who reaches what in a practice on a date: [`Reach::every_chart`] once,
/// the rest per chart from its relations.
pub struct Reach<'p> {
    practice: &'p Practice,
    date: NaiveDate,
    pub catalog: ClientCapabilities<'p>,
    holdings: Vec<Holdings>,
}

impl<'p> Reach<'p> {
    /// Folds every member's grants: linear in the members' grants.
    pub fn new(practice: &'p Practice, date: NaiveDate) -> Self {
        let catalog = ClientCapabilities::of(practice);
        let holdings = practice
            .members
            .iter()
            .map(|member| holdings(practice, &catalog, member))
            .collect();
        Reach {
            practice,
            date,
            catalog,
            holdings,
        }
    }

    fn of(&self, member: MemberId) -> Option<&Holdings> {
        let place = self
            .practice
            .members
            .element_offset(self.practice.member_of(member)?)?;
        self.holdings.get(place).filter(|h| h.active)
    }

    /// The members who hold client capabilities on every unrestricted
    /// chart, sorted by id: the owner (every capability) and those with
    /// grants on `all`, one route per role or own grants.
    pub fn every_chart(&self) -> Vec<Reader<'p>> {
        let mut readers: Vec<Reader<'p>> = self
            .practice
            .members
            .iter()
            .zip(&self.holdings)
            .filter(|(_, h)| h.active)
            .filter_map(|(member, h)| {
                let routes = match h.owner {
                    true => vec![Reached {
                        route: ReviewRoute::Owner,
                        capabilities: self.catalog.every(),
                    }],
                    false => all_scope_routes(h),
                };
                (!routes.is_empty()).then_some(Reader {
                    member: member.id.value.as_str(),
                    routes,
                })
            })
            .collect();
        readers.sort_by(|a, b| a.member.cmp(b.member));
        readers
    }

    /// Who reaches the chart through a relation to it, sorted by id: the
    /// care team (primary, clinicians, live temporary entries), their
    /// supervisors, and on a restricted chart everyone with administrative
    /// access whose `all` grants hold there, the owner included. On an
    /// unrestricted chart, `all` grants are [`Reach::every_chart`]'s.
    pub fn chart(&self, client: &'p Client) -> Vec<Reader<'p>> {
        let Some(chart) = self.practice.chart(client) else {
            return Vec::new();
        };
        let mut found: BTreeMap<&'p str, Vec<Reached>> = BTreeMap::new();
        let mut reach = |member: MemberId, route: ReviewRoute, capabilities: &Capabilities| {
            if capabilities.is_empty() {
                return;
            }
            let Some(found_member) = self.practice.member_of(member) else {
                return;
            };
            let routes = found.entry(found_member.id.value.as_str()).or_default();
            match routes.iter_mut().find(|r| r.route == route) {
                Some(known) => known.capabilities.add(capabilities),
                None => routes.push(Reached {
                    route,
                    capabilities: capabilities.clone(),
                }),
            }
        };
        let live = chart
            .temporary
            .iter()
            .filter(|&&(_, until, _)| until >= self.date)
            .map(|&(who, _, _)| who);
        let mut team: Vec<MemberId> = chart
            .primary
            .into_iter()
            .chain(chart.clinicians.iter().copied())
            .chain(live)
            .collect();
        team.sort_unstable();
        team.dedup();
        let mut supervisors: Vec<&str> = Vec::new();
        for &member in &team {
            let Some(h) = self.of(member) else { continue };
            if let Some(relation) = decide::care_relation(self.practice, client, member, self.date)
            {
                reach(member, care_route(relation), &h.assigned);
            }
            if let Some(found_member) = self.practice.member_of(member) {
                supervisors.extend(found_member.supervisors.iter().map(|s| s.value.as_str()));
            }
        }
        supervisors.sort_unstable();
        supervisors.dedup();
        for supervisor in supervisors {
            let Some(id) = self.practice.member_id(supervisor) else {
                continue;
            };
            let Some(h) = self.of(id) else { continue };
            if let Some(Route::Supervision { supervisee, .. }) =
                decide::supervision_route(self.practice, client, supervisor, self.date)
            {
                reach(id, ReviewRoute::Supervision { supervisee }, &h.supervisees);
            }
        }
        if client.restricted {
            // Administrative access (SPEC §3.1): the care team, the
            // administrative list and the owner; `all` holds through it.
            let owner = self
                .practice
                .owner_id()
                .and_then(|o| self.practice.member_id(o));
            let mut administrative: Vec<MemberId> = team
                .iter()
                .chain(&chart.administrative)
                .copied()
                .chain(owner)
                .collect();
            administrative.sort_unstable();
            administrative.dedup();
            for member in administrative {
                let Some(h) = self.of(member) else { continue };
                if h.owner {
                    reach(member, ReviewRoute::Owner, &self.catalog.every());
                    continue;
                }
                for reached in all_scope_routes(h) {
                    reach(member, reached.route, &reached.capabilities);
                }
            }
        }
        found
            .into_iter()
            .map(|(member, mut routes)| {
                routes.sort_by(|a, b| a.route.cmp(&b.route));
                Reader { member, routes }
            })
            .collect()
    }
}

/// The review's name for a care relation.
fn care_route(relation: Relation) -> ReviewRoute {
    match relation {
        Relation::Primary => ReviewRoute::Primary,
        Relation::Temporary { until, reason } => ReviewRoute::Temporary { until, reason },
        Relation::Clinician | Relation::AdministrativeList | Relation::Owner => {
            ReviewRoute::Granted
        }
    }
}

/// A member's `all` grants as routes, one per role or own grants.
fn all_scope_routes(h: &Holdings) -> Vec<Reached> {
    h.all
        .iter()
        .filter(|(_, capabilities)| !capabilities.is_empty())
        .map(|(source, capabilities)| Reached {
            route: ReviewRoute::AllClients {
                source: source.clone(),
            },
            capabilities: capabilities.clone(),
        })
        .collect()
}

/// Steps 2–5 of SPEC §3.2 folded over the member's grants: inactive holds
/// nothing; the owner is not bound by denies; a deny takes its
/// capabilities out of every scope.
fn holdings(practice: &Practice, catalog: &ClientCapabilities<'_>, member: &Member) -> Holdings {
    let owner = practice.is_owner(&member.id.value);
    let mut h = Holdings {
        active: member.active,
        owner,
        ..Holdings::default()
    };
    if !member.active {
        return h;
    }
    let denied = match owner {
        true => Capabilities::default(),
        false => {
            let denies: Vec<&str> = member.denies.iter().map(|d| d.value.as_str()).collect();
            catalog.matching(&denies)
        }
    };
    for (origin, grant) in grants_of(practice, member) {
        let can: Vec<&str> = grant.can.iter().map(|p| p.value.as_str()).collect();
        let mut given = catalog.matching(&can);
        given.remove(&denied);
        match grant.scope() {
            Scope::Assigned => h.assigned.add(&given),
            Scope::Supervisees => h.supervisees.add(&given),
            Scope::All => {
                let source = origin.source();
                match h.all.iter_mut().find(|(known, _)| *known == source) {
                    Some((_, known)) => known.add(&given),
                    None => h.all.push((source, given)),
                }
            }
            // `own` needs a document's author; practice grants no client.
            Scope::Own | Scope::Practice => {}
        }
    }
    h
}
