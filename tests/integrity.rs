#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot set up should panic"
)]

//! SPEC §9.1 "What is written is what was validated" and "A rewrite moves
//! nothing it does not change", as a property over generated practices of
//! every shape: LF, CRLF and mixed line endings, with and without a
//! byte-order mark, comments and blank lines anywhere in `[clients]` and
//! between tables (the same comment above several entries included),
//! quoted keys, `[clients.X]` tables beside one-line entries, small files
//! and files large enough that the cut edit and the reader's pieces engage.
//! Random sequences of every change command run through the library path
//! `praxis` takes. After each change:
//! - refused or "no change": nothing to write;
//! - made: the text to write reads and validates with the reader every
//!   command uses, and its check is the one the change carried;
//! - the cut edit (what the change reaches) writes exactly what the whole
//!   document edit writes;
//! - every comment line directly above an entry the change did not remove
//!   is still directly above it, with its own bytes.
//!
//! `PRAXIS_INTEGRITY_CHANGES` sets the number of changes (default 3,000;
//! the closing figure is from `PRAXIS_INTEGRITY_CHANGES=100000 cargo test
//! --release --test integrity -- --nocapture`).

mod common;

use common::rng;

use chrono::NaiveDate;
use praxis::changes::cut::{self, Reach};
use praxis::changes::{self, Actor, Change, ChangeError, MemberEdit, NewMember, Outcome, Refusal};
use praxis::changes::{RevokeFrom, TemporaryGrant};
use rng::Rng;
use toml_edit::DocumentMut;

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 1).expect("date")
}

/// How a generated file is laid out.
#[derive(Clone, Copy, Debug)]
struct Shape {
    members: usize,
    clients: usize,
    endings: Endings,
    bom: bool,
    quoted: bool,
    tables: bool,
    comments: f64,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Endings {
    Lf,
    Crlf,
    Mixed,
}

const ROLES: &[&str] = &["clinician", "clinician", "clinician", "scheduler", "biller"];
/// Roles the changes grant and revoke.
const CHANGED_ROLES: [&str; 3] = ["clinician", "supervisor", "biller"];
const NOTES: &[&str] = &[
    "# sealed: court order",
    "# note",
    "#",
    "  # indented note",
    "# transferred from the old EHR",
];

fn member_id(i: usize) -> String {
    format!("m{i}")
}

fn client_id(i: usize) -> String {
    format!("C-{}", 1000 + i)
}

/// A practice of `shape`, written as a person might have written it.
fn practice_text(shape: Shape, rng: &mut Rng) -> String {
    let mut lines: Vec<String> = vec![
        "# generated practice".into(),
        "version = 1".into(),
        String::new(),
        "[practice]".into(),
        "name = \"Generated Practice\"".into(),
        "owner = \"m0\"".into(),
    ];
    let key = |id: String, rng: &mut Rng| {
        if shape.quoted && rng.chance(0.5) {
            format!("\"{id}\"")
        } else {
            id
        }
    };
    let mut clinicians = Vec::new();
    let mut supervisors = Vec::new();
    for i in 0..shape.members {
        lines.push(String::new());
        if rng.chance(shape.comments) {
            lines.push((*rng.pick(NOTES)).to_string());
        }
        let id = member_id(i);
        lines.push(format!("[members.{}]", key(id.clone(), rng)));
        lines.push(format!("name = \"Member {i}\""));
        if rng.chance(0.3) {
            lines.push(format!("email = \"m{i}@practice.example\""));
        }
        let role = if i == 0 {
            "administrator"
        } else if i % 5 == 1 {
            "supervisor\", \"clinician"
        } else {
            rng.pick(ROLES)
        };
        lines.push(format!("roles = [\"{role}\"]"));
        if role.contains("clinician") {
            if role.contains("supervisor") {
                supervisors.push(id.clone());
            } else if let Some(by) = supervisors.last()
                && rng.chance(0.4)
            {
                lines.push(format!("supervisors = [\"{by}\"]"));
            }
            clinicians.push(id);
        }
    }
    lines.push(String::new());
    if rng.chance(shape.comments) {
        lines.push("# ---- clients ----".into());
    }
    lines.push("[clients]".into());
    let mut table_clients = Vec::new();
    for i in 0..shape.clients {
        let id = client_id(i);
        let primary = rng.pick(&clinicians).clone();
        let mut fields = vec![format!("primary = \"{primary}\"")];
        let other = rng.pick(&clinicians).clone();
        let with_other = rng.chance(0.3) && other != primary;
        if with_other {
            fields.push(format!("clinicians = [\"{other}\"]"));
        }
        let restricted = rng.chance(0.1);
        if restricted {
            fields.push("restricted = true".into());
        }
        let cover = rng.pick(&clinicians).clone();
        if rng.chance(0.05) && cover != primary && !(with_other && cover == other) {
            fields.push(format!(
                "temporary = [{{ member = \"{cover}\", until = 2027-01-31, reason = \"cover\" }}]"
            ));
        }
        if shape.tables && rng.chance(0.05) {
            table_clients.push((id, fields));
            continue;
        }
        if rng.chance(shape.comments / 2.0) {
            lines.push(String::new());
        }
        if restricted && rng.chance(0.7) {
            lines.push("# sealed: court order".into());
        } else if rng.chance(shape.comments / 2.0) {
            lines.push((*rng.pick(NOTES)).to_string());
        }
        let trailing = if rng.chance(shape.comments / 4.0) {
            "  # trailing"
        } else {
            ""
        };
        lines.push(format!(
            "{} = {{ {} }}{trailing}",
            key(id, rng),
            fields.join(", ")
        ));
    }
    for (id, fields) in table_clients {
        lines.push(String::new());
        if rng.chance(shape.comments) {
            lines.push("# sealed: court order".into());
        }
        lines.push(format!("[clients.{}]", key(id, rng)));
        lines.extend(fields);
    }
    let mut text = String::new();
    if shape.bom {
        text.push('\u{feff}');
    }
    for line in lines {
        text.push_str(&line);
        let crlf = match shape.endings {
            Endings::Lf => false,
            Endings::Crlf => true,
            Endings::Mixed => rng.chance(0.5),
        };
        text.push_str(if crlf { "\r\n" } else { "\n" });
    }
    text
}

fn random_shape(rng: &mut Rng, large: bool) -> Shape {
    Shape {
        members: rng.range(4, 14) as usize,
        clients: if large {
            rng.range(9_000, 11_000) as usize
        } else {
            rng.range(2, 40) as usize
        },
        endings: *rng.pick(&[Endings::Lf, Endings::Crlf, Endings::Mixed]),
        bom: rng.chance(0.3),
        quoted: rng.chance(0.4),
        tables: rng.chance(0.4),
        comments: *rng.pick(&[0.0, 0.2, 0.6, 1.0]),
    }
}

/// One change command with its arguments, and the part of the file it
/// reaches (as its command in `src/commands` names it).
#[derive(Debug, Clone)]
enum Op {
    MemberAdd(String, &'static str),
    MemberEditEmail(String, String),
    MemberRemove(String, Option<String>),
    RoleGrant(String, &'static str),
    RoleRevoke(String, &'static str),
    SupervisionAdd(String, String),
    SupervisionRemove(String, String),
    ClientAdd(String, String),
    ClientAssign(String, String, bool),
    ClientGrant(String, String, bool),
    ClientGrantAdministrative(String, String),
    ClientRevoke(String, String, bool),
    ClientRestrict(String, bool),
    ClientRemove(String),
}

impl Op {
    fn random(rng: &mut Rng, members: usize, clients: usize, fresh: usize) -> Op {
        let m = |rng: &mut Rng| member_id(rng.below(members + 1));
        let c = |rng: &mut Rng| client_id(rng.below(clients + 2));
        match rng.below(14) {
            0 => Op::MemberAdd(format!("n{fresh}"), ROLES[rng.below(ROLES.len())]),
            1 => Op::MemberEditEmail(m(rng), format!("x{fresh}@practice.example")),
            2 => Op::MemberRemove(m(rng), rng.chance(0.5).then(|| m(rng))),
            3 => Op::RoleGrant(m(rng), CHANGED_ROLES[rng.below(3)]),
            4 => Op::RoleRevoke(m(rng), CHANGED_ROLES[rng.below(3)]),
            5 => Op::SupervisionAdd(m(rng), m(rng)),
            6 => Op::SupervisionRemove(m(rng), m(rng)),
            7 => Op::ClientAdd(format!("C-{}", 90_000 + fresh), m(rng)),
            8 => Op::ClientAssign(c(rng), m(rng), rng.chance(0.5)),
            9 => Op::ClientGrant(c(rng), m(rng), rng.chance(0.3)),
            10 => Op::ClientGrantAdministrative(c(rng), m(rng)),
            11 => Op::ClientRevoke(c(rng), m(rng), rng.chance(0.3)),
            12 => Op::ClientRestrict(c(rng), rng.chance(0.5)),
            _ => Op::ClientRemove(c(rng)),
        }
    }

    fn reach(&self) -> Reach<'_> {
        match self {
            Op::MemberAdd(..)
            | Op::MemberEditEmail(..)
            | Op::RoleGrant(..)
            | Op::RoleRevoke(..)
            | Op::SupervisionAdd(..)
            | Op::SupervisionRemove(..) => Reach::NoClients,
            Op::MemberRemove(id, _) => Reach::ClientsNaming(id),
            Op::ClientAdd(id, _)
            | Op::ClientAssign(id, ..)
            | Op::ClientGrant(id, ..)
            | Op::ClientGrantAdministrative(id, _)
            | Op::ClientRevoke(id, ..)
            | Op::ClientRestrict(id, _)
            | Op::ClientRemove(id) => Reach::Client(id),
        }
    }

    fn apply(&self, actor: &Actor<'_>, doc: &mut DocumentMut) -> Result<Outcome, ChangeError> {
        match self {
            Op::MemberAdd(id, role) => changes::member_add(
                actor,
                doc,
                &NewMember {
                    id: id.clone(),
                    name: "New Member".into(),
                    roles: vec![(*role).to_string()],
                    ..NewMember::default()
                },
            ),
            Op::MemberEditEmail(id, email) => changes::member_edit(
                actor,
                doc,
                id,
                &MemberEdit {
                    email: Some(email.clone()),
                    ..MemberEdit::default()
                },
            ),
            Op::MemberRemove(id, to) => {
                changes::member_remove(actor, doc, id, to.as_deref(), to.as_deref())
            }
            Op::RoleGrant(id, role) => {
                changes::role_grant(actor, doc, id, &[(*role).to_string()], &[])
            }
            Op::RoleRevoke(id, role) => {
                changes::role_revoke(actor, doc, id, &[(*role).to_string()])
            }
            Op::SupervisionAdd(who, by) => changes::supervision_add(actor, doc, who, by, &[]),
            Op::SupervisionRemove(who, by) => changes::supervision_remove(actor, doc, who, by),
            Op::ClientAdd(id, primary) => changes::client_add(actor, doc, id, primary, &[]),
            Op::ClientAssign(id, primary, keep) => {
                changes::client_assign(actor, doc, id, primary, *keep)
            }
            Op::ClientGrant(id, member, temporary) => {
                let temporary = temporary.then(|| TemporaryGrant {
                    until: NaiveDate::from_ymd_opt(2026, 9, 30).expect("date"),
                    reason: "covering a leave".into(),
                });
                changes::client_grant(actor, doc, id, member, temporary.as_ref())
            }
            Op::ClientGrantAdministrative(id, member) => {
                changes::client_grant_administrative(actor, doc, id, member)
            }
            Op::ClientRevoke(id, member, administrative) => {
                let from = RevokeFrom::with_administrative(*administrative);
                changes::client_revoke(actor, doc, id, member, from)
            }
            Op::ClientRestrict(id, off) => {
                let restriction = if *off {
                    changes::Restriction::Lift
                } else {
                    changes::Restriction::Restrict
                };
                changes::client_restrict(actor, doc, id, restriction)
            }
            Op::ClientRemove(id) => changes::client_remove(actor, doc, id),
        }
    }
}

/// A change's outcome, comparable across the two edits.
fn outcome(result: &Result<Change, Refusal>) -> String {
    match result {
        Ok(Change::Applied(applied)) => format!("applied {:?}\n{}", applied.summary, applied.text),
        Ok(Change::NoChange(why)) => format!("no change: {why}"),
        Err(Refusal::Invalid { text, errors }) => format!("invalid {errors:?}\n{text}"),
        Err(other) => format!("refused: {other}"),
    }
}

/// The comment lines directly above each entry line (a table header or a
/// `key =` line), with their bytes, keyed by the entry line's content and
/// the table it is in.
fn comments_above(text: &str) -> std::collections::HashMap<String, Vec<String>> {
    let mut above = std::collections::HashMap::new();
    let mut block: Vec<String> = Vec::new();
    let mut table = String::new();
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']).trim();
        if content.starts_with('#') {
            block.push(line.to_string());
            continue;
        }
        if content.is_empty() {
            continue;
        }
        let entry = if content.starts_with('[') {
            table = content.to_string();
            content.to_string()
        } else {
            let key = content.split('=').next().unwrap_or("").trim();
            format!("{table} {key}")
        };
        above.insert(entry, std::mem::take(&mut block));
    }
    above
}

struct Tally {
    changes: usize,
    applied: usize,
    cut: usize,
    large: usize,
}

fn run_sequence(seed: u64, large: bool, steps: usize, tally: &mut Tally) {
    let mut rng = Rng::new(seed);
    let shape = random_shape(&mut rng, large);
    let file = practice_text(shape, &mut rng);
    // The store sets a byte-order mark aside before a change sees the text.
    let mut text = file.strip_prefix('\u{feff}').unwrap_or(&file).to_string();
    let start = praxis::rules::check(&text, date());
    if start.findings.has_errors() {
        panic!(
            "seed {seed}: the generated practice does not validate: {:?}\n{file}",
            start.findings
        );
    }
    for step in 0..steps {
        let checked = praxis::rules::check(&text, date());
        assert!(!checked.findings.has_errors(), "seed {seed} step {step}");
        let practice = &checked.practice;
        let actor_id = if rng.chance(0.85) {
            "m0".to_string()
        } else {
            member_id(rng.below(shape.members))
        };
        let Ok(actor) = Actor::resolve(practice, Some(&actor_id), date()) else {
            continue;
        };
        let op = Op::random(&mut rng, shape.members, shape.clients, step);
        let change = |actor: &Actor<'_>, doc: &mut DocumentMut| op.apply(actor, doc);
        let fast = changes::apply(&text, &checked.findings, &actor, date(), op.reach(), change);
        let plain = changes::apply(
            &text,
            &checked.findings,
            &actor,
            date(),
            Reach::Everything,
            change,
        );
        tally.changes += 1;
        tally.large += usize::from(large);
        if cut::cut(&text, practice, op.reach()).is_some() {
            tally.cut += 1;
        }
        let context = || format!("seed {seed} step {step} {op:?} as {actor_id} ({shape:?})");
        assert_eq!(
            outcome(&fast),
            outcome(&plain),
            "{}: the cut edit differs from the whole-document edit",
            context()
        );
        let Ok(Change::Applied(applied)) = fast else {
            continue;
        };
        tally.applied += 1;
        let reread = praxis::rules::check(&applied.text, date());
        assert!(
            !reread.findings.has_errors(),
            "{}: the written bytes do not validate: {:?}",
            context(),
            reread.findings
        );
        assert_eq!(
            format!("{:?}{:?}", reread.practice, reread.findings),
            format!(
                "{:?}{:?}",
                applied.checked.practice, applied.checked.findings
            ),
            "{}: the check carried is not the check of the bytes written",
            context()
        );
        let before = comments_above(&text);
        let after = comments_above(&applied.text);
        for (entry, comments) in &after {
            if let Some(old) = before.get(entry)
                && !comments.is_empty()
            {
                assert_eq!(
                    old,
                    comments,
                    "{}: the comments above {entry} changed",
                    context()
                );
            }
        }
        for (entry, comments) in &before {
            if let Some(now) = after.get(entry) {
                assert_eq!(
                    comments,
                    now,
                    "{}: the comments above {entry} moved",
                    context()
                );
            }
        }
        text = applied.text.clone();
    }
}

#[test]
fn every_change_writes_what_it_validated_and_moves_nothing_else() {
    let changes: usize = std::env::var("PRAXIS_INTEGRITY_CHANGES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(3_000);
    let started = std::time::Instant::now();
    let mut tally = Tally {
        changes: 0,
        applied: 0,
        cut: 0,
        large: 0,
    };
    // One large practice in fifty: enough to engage the reader's pieces
    // and the cut edit on hundreds of kilobytes without taking minutes.
    let mut seed = 0;
    while tally.changes < changes {
        seed += 1;
        let large = seed % 50 == 7;
        run_sequence(seed, large, if large { 6 } else { 30 }, &mut tally);
    }
    println!(
        "{} changes ({} made, {} through the cut edit, {} on large files) in {:.1} s",
        tally.changes,
        tally.applied,
        tally.cut,
        tally.large,
        started.elapsed().as_secs_f64()
    );
    assert!(
        tally.applied * 4 > tally.changes,
        "too few changes were made"
    );
    assert!(tally.cut * 2 > tally.changes, "the cut edit rarely engaged");
}

/// The binary, on a shipped example turned CRLF with a comment line and a
/// blank line above every client (issue 20, finding 1: the first client
/// was written under the member table above it, exit 0, and every later
/// command failed).
#[test]
fn member_changes_on_a_crlf_file_with_comments_between_clients_keep_every_client() {
    let example =
        std::fs::read_to_string(common::root().join("examples/community-ehr/practice.toml"))
            .expect("example");
    let mut lines = Vec::new();
    let mut in_clients = false;
    for line in example.lines() {
        if line.starts_with('[') {
            in_clients = line.trim() == "[clients]";
        }
        if in_clients && line.contains(" = {") {
            lines.push("# note");
            lines.push("");
        }
        lines.push(line);
    }
    let crlf = lines.join("\r\n") + "\r\n";
    let clients = |fixture: &common::Fixture| {
        let run = fixture.run(&["--at", "2026-12-01", "client", "list", "--format", "json"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.stdout.matches("\"id\"").count()
    };
    for change in [
        &[
            "member",
            "add",
            "newbie",
            "--name",
            "New Person",
            "--role",
            "clinician",
        ][..],
        &[
            "member",
            "edit",
            "paul",
            "--email",
            "paul@elsewhere.example",
        ],
        &["member", "remove", "ines", "--reassign-clients-to", "paul"],
    ] {
        let fixture = common::Fixture::new(&crlf);
        let before = clients(&fixture);
        let mut args = vec!["--as", "amir"];
        args.extend_from_slice(change);
        let run = fixture.run(&args);
        assert_eq!(run.code, 0, "{change:?}: {}", run.stderr);
        let after = fixture.text();
        let validate = fixture.run(&["--at", "2026-12-01", "validate"]);
        assert_eq!(
            validate.code, 0,
            "{change:?} left an invalid file:\n{}",
            validate.stderr
        );
        assert_eq!(clients(&fixture), before, "{change:?} lost clients");
        assert_eq!(
            after.matches("\r\n").count(),
            after.matches('\n').count(),
            "{change:?}: a line lost its CRLF"
        );
    }
}

/// Issue 20, finding 2: the same comment above two restricted clients;
/// removing one must leave the other's note on it, and on no other entry.
#[test]
fn removing_a_client_leaves_the_same_comment_on_the_other_entry() {
    let text = common::RIVERBEND.replace(
        "[clients]\n",
        "[clients]\n# sealed: court order\nC-9001 = { primary = \"bob\", restricted = true }\nC-9002 = { primary = \"bob\" }\n# sealed: court order\nC-9003 = { primary = \"bob\", restricted = true }\n",
    );
    assert_ne!(text, common::RIVERBEND, "the fixture has a [clients] line");
    let fixture = common::Fixture::new(&text);
    let run = fixture.run(&["--as", "alice", "client", "remove", "C-9001"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let after = fixture.text();
    assert!(
        after.contains("C-9002 = { primary = \"bob\" }\n# sealed: court order\nC-9003 = { primary = \"bob\", restricted = true }\n"),
        "{after}"
    );
    assert_eq!(after.matches("# sealed: court order").count(), 1, "{after}");
    assert!(!after.contains("# sealed: court order\nC-9002"), "{after}");
}
