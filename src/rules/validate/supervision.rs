//! Supervision rules of SPEC §3.4: whom a member names as supervisor (not
//! themselves, someone active who can co-sign, no more than the practice
//! allows) and the cycles the supervisor entries make across the practice.

use super::{Check, can_cosign};
use crate::findings::{Code, Subject};
use crate::model::{Member, Raw, Spanned};
use foldhash::{HashMap, HashSet};

impl<'p> Check<'p> {
    pub(super) fn supervisors(&mut self, member: &Member<Raw>) {
        let id = &member.id.value;
        self.no_duplicates(&member.supervisors, "supervisors");
        for supervisor in &member.supervisors {
            if supervisor.value == *id {
                self.push(
                    Code::SelfSupervision,
                    supervisor.span,
                    format!("`{id}` is listed as their own supervisor"),
                    "name another member as supervisor",
                );
                continue;
            }
            let Some(found) =
                self.active_member_ref(supervisor, "supervisor", Some(Subject::Member(id.clone())))
            else {
                continue;
            };
            if !can_cosign(self.practice, found) {
                self.push_about(
                    Code::SupervisorCannotCosign,
                    supervisor.span,
                    format!(
                        "supervisor `{}` cannot co-sign (no grant of clinical.cosign)",
                        supervisor.value
                    ),
                    format!(
                        "grant `{}` the supervisor role, or choose another supervisor",
                        supervisor.value
                    ),
                    vec![
                        Subject::Member(supervisor.value.clone()),
                        Subject::Member(id.clone()),
                    ],
                );
            }
        }
        if let Some(max) = &self.practice.max_supervisors
            && max.value >= 1
            && member.supervisors.len() as i64 > max.value
        {
            let span = member.supervisors[0].span.start
                ..member.supervisors.last().map_or(0, |s| s.span.end);
            self.push(
                Code::TooManySupervisors,
                span,
                format!(
                    "`{id}` has {} supervisors; the practice allows at most {}",
                    member.supervisors.len(),
                    max.value
                ),
                "remove a supervisor, or raise [practice] max_supervisors",
            );
        }
    }
    /// Reports each supervision cycle once, at the supervisor entry closing it.
    pub(super) fn supervision_cycles(&mut self) {
        let practice = self.practice;
        let mut reported: HashSet<Vec<&str>> = HashSet::default();
        let mut state: HashMap<&str, u8> = HashMap::default(); // 1 = on the path, 2 = done
        for start in &practice.members {
            if state.contains_key(start.id.value.as_str()) {
                continue;
            }
            // Iterative depth-first search; `path` holds (member, next supervisor index).
            let mut path: Vec<(&Member<Raw>, usize)> = vec![(start, 0)];
            state.insert(&start.id.value, 1);
            while let Some((member, next)) = path.last_mut() {
                let member: &Member<Raw> = member;
                let Some(edge) = member.supervisors.get(*next) else {
                    state.insert(&member.id.value, 2);
                    path.pop();
                    continue;
                };
                *next += 1;
                if edge.value == member.id.value {
                    continue;
                }
                let Some(supervisor) = practice.member(&edge.value) else {
                    continue;
                };
                match state.get(supervisor.id.value.as_str()) {
                    None => {
                        state.insert(&supervisor.id.value, 1);
                        path.push((supervisor, 0));
                    }
                    Some(1) => self.report_cycle(&path, supervisor, edge, &mut reported),
                    Some(_) => {}
                }
            }
        }
    }
    /// The cycle `edge` closes by naming `supervisor`, who is on `path`
    /// already: reported once, whichever member the search reached it from.
    fn report_cycle(
        &mut self,
        path: &[(&'p Member<Raw>, usize)],
        supervisor: &'p Member<Raw>,
        edge: &Spanned<String>,
        reported: &mut HashSet<Vec<&'p str>>,
    ) {
        let from = path
            .iter()
            .position(|(m, _)| m.id.value == supervisor.id.value)
            .unwrap_or(0);
        let cycle: Vec<&str> = path[from..]
            .iter()
            .map(|(m, _)| m.id.value.as_str())
            .collect();
        let mut key = cycle.clone();
        key.sort_unstable();
        if !reported.insert(key) {
            return;
        }
        let chain = cycle
            .iter()
            .chain(std::iter::once(&supervisor.id.value.as_str()))
            .copied()
            .collect::<Vec<_>>()
            .join(" → ");
        self.push(
            Code::SupervisionCycle,
            edge.span,
            format!("supervision cycle: {chain} (each supervised by the next)"),
            "remove one of these supervisor entries",
        );
    }
}
