//! The `change` fuzz target's checks, shared with `tests/fuzz_corpus.rs`
//! (included there with `#[path]`), so the committed corpus is replayed on
//! the stable toolchain by `cargo test`.
//!
//! An input is a practice file and changes (two layouts, see [`run`]):
//! either one change and the file's bytes, which the fuzzer edits, or a
//! sequence of changes on one of the valid example practices, laid out as
//! a person might have written it (CRLF, mixed line endings, a byte-order
//! mark, comment and blank lines between clients and between tables, the
//! same comment above several clients, quoted keys, trailing comments).
//! Bytes choose each change, its actor and its arguments (the practice's
//! own ids, new ids, ids in another letter case, unknown ids, hostile free
//! text), into an owned [`Command`] before anything runs: the library may
//! call a change more than once (the cut edit, then the whole document),
//! so the change must be the same change every time.
//!
//! Each change runs through the library path `commands::mutate::apply`
//! takes: decode, `rules::check`, resolve the actor, then
//! `changes::apply` with the part of the file the command reaches (as
//! `src/commands` names it) — and once more with `Reach::Everything`, the
//! whole-document edit that defines what the cut edit must write.
//! Properties (SPEC §4, §7, §8, §9.1):
//! - nothing panics;
//! - the unchanged document, its line endings put back, is the file's text;
//! - the cut edit and the whole-document edit come to the same outcome:
//!   the same text, check, access and warnings, or the same refusal;
//! - a file without errors can always be parsed for editing, and the cut
//!   edit never alters a client it does not reach;
//! - a refusal as invalid names exactly the errors of the text it refused;
//! - a change reported as made changes the text; refused, usage errors
//!   and "no change" carry no text, so nothing is written;
//! - an applied change's bytes (the file's byte-order mark, then its text:
//!   what `mutate` writes) decode to that text, validate with no errors,
//!   and check exactly as the `checked` the change carried;
//! - a file with one kind of line ending everywhere keeps that kind on
//!   every line;
//! - an applied change passes `diff OLD NEW --as ACTOR`
//!   (`authorize::unauthorized` is empty: commands and `diff --as` agree).

use chrono::{Days, NaiveDate};
use praxis::changes::cut::Reach;
use praxis::changes::{
    self, Actor, Change, ChangeError, MemberEdit, NewMember, Outcome, Refusal, TemporaryGrant,
};
use praxis::model::Practice;
use praxis::rules;
use praxis::store::Contents;
use std::sync::atomic::{AtomicU64, Ordering};
use toml_edit::DocumentMut;

/// How inputs ended, printed at every power of two when
/// `PRAXIS_FUZZ_STATS` is set: unreadable or invalid file, unknown actor,
/// usage error, refused, no change, changed but invalid (refused as a
/// whole), accepted.
static ENDS: [AtomicU64; 7] = [const { AtomicU64::new(0) }; 7];
const END_NAMES: [&str; 7] = [
    "bad file",
    "unknown actor",
    "usage",
    "refused",
    "no change",
    "invalid result",
    "accepted",
];

fn ended(how: usize) {
    ENDS[how].fetch_add(1, Ordering::Relaxed);
    let seen: u64 = ENDS.iter().map(|e| e.load(Ordering::Relaxed)).sum();
    if seen.is_power_of_two() && std::env::var_os("PRAXIS_FUZZ_STATS").is_some() {
        let counts: Vec<String> = END_NAMES
            .iter()
            .zip(&ENDS)
            .map(|(name, n)| format!("{name} {}", n.load(Ordering::Relaxed)))
            .collect();
        eprintln!("change: {seen} inputs: {}", counts.join(", "));
    }
}

/// How many leading bytes of an input choose the change.
pub const SPEC_BYTES: usize = 24;

/// "Today" for every change: fixed, so a reproducer stays one.
pub fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 1).unwrap_or_default()
}

/// Choices read from the spec bytes; zero once they run out.
struct Choices<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Choices<'_> {
    fn byte(&mut self) -> u8 {
        let b = self.bytes.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        b
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            usize::from(self.byte()) % n
        }
    }

    fn flag(&mut self) -> bool {
        self.byte() & 1 == 1
    }

    fn pick<T: Clone>(&mut self, list: &[T]) -> T {
        list[self.below(list.len())].clone()
    }

    fn maybe<T: Clone>(&mut self, list: &[T]) -> Option<T> {
        if self.flag() {
            Some(self.pick(list))
        } else {
            None
        }
    }

    fn some<T: Clone>(&mut self, list: &[T], max: usize) -> Vec<T> {
        (0..self.below(max + 1)).map(|_| self.pick(list)).collect()
    }
}

const NAMES: &[&str] = &[
    "New Member",
    "Zoë Ångström-Ñúñez",
    "",
    "   ",
    "\u{200b}",
    "a\nb",
    "x\u{1b}]0;pwned\u{7}",
    "\u{202e}evil",
    "\"quoted\" \\ [members.evil]\nroles = [\"administrator\"]",
    "::error::forged",
    "<!-- hidden -->",
];
const EMAILS: &[&str] = &[
    "new@example.org",
    "bad",
    "a@@b.org",
    "a b@c.org",
    "ALICE@EXAMPLE.ORG",
];
const LOGINS: &[&str] = &["new-login", "bad--login", "-x", "Alice"];
const NPIS: &[&str] = &["1234567893", "123", "1234567890"];
const TAXONOMIES: &[&str] = &["101YM0800X", "bad"];
const COSIGN: &[&str] = &["progress-notes", "treatment-plans", "other"];
const CLEAR: &[&str] = &[
    "legal_name",
    "email",
    "github",
    "npi",
    "taxonomy",
    "cosign",
    "bill_as_supervisor",
    "name",
    "bogus",
];
const REASONS: &[&str] = &["Covering a leave", "", "  ", "a\r\nb", "\u{202e}x"];
const UNTIL_DAYS: &[u64] = &[0, 1, 7, 8, 30, 400];

/// Ids a change may name: the practice's own, their other letter case, new
/// ones and unknown ones.
struct Ids {
    members: Vec<String>,
    clients: Vec<String>,
    roles: Vec<String>,
}

fn ids(practice: &Practice) -> Ids {
    let mut members: Vec<String> = practice
        .members
        .iter()
        .map(|m| m.id.value.clone())
        .collect();
    if let Some(first) = members.first().cloned() {
        members.push(first.to_uppercase());
    }
    members.extend(["nu0", "Nu0", "zed", "@x"].iter().map(|s| s.to_string()));
    let mut clients: Vec<String> = practice
        .clients
        .iter()
        .map(|c| c.id.value.clone())
        .collect();
    if let Some(first) = clients.first().cloned() {
        clients.push(first.to_lowercase());
    }
    clients.extend(["C-2000", "c-2000", "C-9999"].iter().map(|s| s.to_string()));
    let mut roles: Vec<String> = practice
        .roles()
        .iter()
        .map(|r| r.id.value.clone())
        .collect();
    roles.extend(["wizard", "Clinician"].iter().map(|s| s.to_string()));
    Ids {
        members,
        clients,
        roles,
    }
}

/// The actor: the owner most often, else a member, an unknown id, another
/// letter case or a GitHub login.
fn actor(choices: &mut Choices<'_>, practice: &Practice, ids: &Ids) -> String {
    match choices.below(8) {
        0..=2 => practice
            .owner_id()
            .map_or_else(|| choices.pick(&ids.members), str::to_string),
        3 => {
            let logins: Vec<String> = practice
                .members
                .iter()
                .filter_map(|m| m.github.as_ref().map(|g| format!("@{}", g.value)))
                .chain(["@nobody".to_string(), "@".to_string()])
                .collect();
            choices.pick(&logins)
        }
        _ => choices.pick(&ids.members),
    }
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// One change command with its arguments, chosen before it runs.
#[derive(Debug)]
enum Command {
    ClientAdd {
        id: String,
        primary: String,
        clinicians: Vec<String>,
    },
    ClientAssign {
        id: String,
        primary: String,
        keep: bool,
    },
    ClientGrant {
        id: String,
        member: String,
        temporary: Option<TemporaryGrant>,
    },
    ClientGrantAdministrative {
        id: String,
        member: String,
    },
    ClientRevoke {
        id: String,
        member: String,
        administrative: bool,
    },
    ClientRestrict {
        id: String,
        off: bool,
    },
    ClientRemove {
        id: String,
    },
    MemberAdd(NewMember),
    MemberEdit {
        id: String,
        edit: MemberEdit,
    },
    MemberRemove {
        id: String,
        clients_to: Option<String>,
        supervisees_to: Option<String>,
    },
    RoleGrant {
        id: String,
        granted: Vec<String>,
        replace: Vec<String>,
    },
    RoleRevoke {
        id: String,
        revoked: Vec<String>,
    },
    SupervisionAdd {
        supervisee: String,
        by: String,
        cosign: Vec<String>,
    },
    SupervisionRemove {
        supervisee: String,
        by: String,
    },
}

impl Command {
    /// Reads a command from the choices. The order in which choices are
    /// read is the order the earlier hand-made pipeline read them, so the
    /// committed corpus keeps choosing the same changes.
    fn choose(choices: &mut Choices<'_>, ids: &Ids, today: NaiveDate) -> Command {
        let members = &ids.members;
        let clients = &ids.clients;
        let roles = &ids.roles;
        match choices.below(14) {
            0 => Command::ClientAdd {
                id: choices.pick(clients),
                primary: choices.pick(members),
                clinicians: choices.some(members, 2),
            },
            1 => Command::ClientAssign {
                id: choices.pick(clients),
                primary: choices.pick(members),
                keep: choices.flag(),
            },
            2 => Command::ClientGrant {
                id: choices.pick(clients),
                member: choices.pick(members),
                temporary: choices.flag().then(|| TemporaryGrant {
                    until: today
                        .checked_add_days(Days::new(choices.pick(UNTIL_DAYS)))
                        .unwrap_or(today),
                    reason: choices.pick(REASONS).to_string(),
                }),
            },
            3 => Command::ClientGrantAdministrative {
                id: choices.pick(clients),
                member: choices.pick(members),
            },
            4 => Command::ClientRevoke {
                id: choices.pick(clients),
                member: choices.pick(members),
                administrative: choices.flag(),
            },
            5 => Command::ClientRestrict {
                id: choices.pick(clients),
                off: choices.flag(),
            },
            6 => Command::ClientRemove {
                id: choices.pick(clients),
            },
            7 => Command::MemberAdd(NewMember {
                id: choices.pick(members),
                name: choices.pick(NAMES).to_string(),
                legal_name: choices.maybe(NAMES).map(str::to_string),
                email: choices.maybe(EMAILS).map(str::to_string),
                github: choices.maybe(LOGINS).map(str::to_string),
                roles: choices.some(roles, 2),
                supervisors: choices.some(members, 1),
                npi: choices.maybe(NPIS).map(str::to_string),
                taxonomy: choices.maybe(TAXONOMIES).map(str::to_string),
                cosign: strings(&choices.some(COSIGN, 1)),
                bill_as_supervisor: choices.flag(),
            }),
            8 => Command::MemberEdit {
                id: choices.pick(members),
                edit: MemberEdit {
                    name: choices.maybe(NAMES).map(str::to_string),
                    legal_name: choices.maybe(NAMES).map(str::to_string),
                    email: choices.maybe(EMAILS).map(str::to_string),
                    github: choices.maybe(LOGINS).map(str::to_string),
                    npi: choices.maybe(NPIS).map(str::to_string),
                    taxonomy: choices.maybe(TAXONOMIES).map(str::to_string),
                    cosign: choices.flag().then(|| strings(&choices.some(COSIGN, 2))),
                    bill_as_supervisor: choices.flag().then(|| choices.flag()),
                    active: choices.flag().then(|| choices.flag()),
                    // Unknown names never reach the library: clap refuses them.
                    clear: choices
                        .some(CLEAR, 1)
                        .into_iter()
                        .filter_map(praxis::rules::permission::MemberField::from_key)
                        .collect(),
                },
            },
            9 => Command::MemberRemove {
                id: choices.pick(members),
                clients_to: choices.maybe(members),
                supervisees_to: choices.maybe(members),
            },
            10 => Command::RoleGrant {
                id: choices.pick(members),
                granted: choices.some(roles, 2),
                replace: choices.some(roles, 1),
            },
            11 => Command::RoleRevoke {
                id: choices.pick(members),
                revoked: choices.some(roles, 2),
            },
            12 => Command::SupervisionAdd {
                supervisee: choices.pick(members),
                by: choices.pick(members),
                cosign: strings(&choices.some(COSIGN, 2)),
            },
            _ => Command::SupervisionRemove {
                supervisee: choices.pick(members),
                by: choices.pick(members),
            },
        }
    }

    /// The part of the file the command reaches, as its command in
    /// `src/commands` passes it to `mutate::apply`.
    fn reach(&self) -> Reach<'_> {
        match self {
            Command::MemberAdd(_)
            | Command::MemberEdit { .. }
            | Command::RoleGrant { .. }
            | Command::RoleRevoke { .. }
            | Command::SupervisionAdd { .. }
            | Command::SupervisionRemove { .. } => Reach::NoClients,
            Command::MemberRemove { id, .. } => Reach::ClientsNaming(id),
            Command::ClientAdd { id, .. }
            | Command::ClientAssign { id, .. }
            | Command::ClientGrant { id, .. }
            | Command::ClientGrantAdministrative { id, .. }
            | Command::ClientRevoke { id, .. }
            | Command::ClientRestrict { id, .. }
            | Command::ClientRemove { id } => Reach::Client(id),
        }
    }

    /// The change itself: what the command's closure does.
    fn apply(&self, actor: &Actor<'_>, doc: &mut DocumentMut) -> Result<Outcome, ChangeError> {
        match self {
            Command::ClientAdd {
                id,
                primary,
                clinicians,
            } => changes::client_add(actor, doc, id, primary, clinicians),
            Command::ClientAssign { id, primary, keep } => {
                changes::client_assign(actor, doc, id, primary, *keep)
            }
            Command::ClientGrant {
                id,
                member,
                temporary,
            } => changes::client_grant(actor, doc, id, member, temporary.as_ref()),
            Command::ClientGrantAdministrative { id, member } => {
                changes::client_grant_administrative(actor, doc, id, member)
            }
            Command::ClientRevoke {
                id,
                member,
                administrative,
            } => changes::client_revoke(
                actor,
                doc,
                id,
                member,
                changes::RevokeFrom::with_administrative(*administrative),
            ),
            Command::ClientRestrict { id, off } => {
                changes::client_restrict(actor, doc, id, restriction(*off))
            }
            Command::ClientRemove { id } => changes::client_remove(actor, doc, id),
            Command::MemberAdd(new) => changes::member_add(actor, doc, new),
            Command::MemberEdit { id, edit } => changes::member_edit(actor, doc, id, edit),
            Command::MemberRemove {
                id,
                clients_to,
                supervisees_to,
            } => changes::member_remove(
                actor,
                doc,
                id,
                clients_to.as_deref(),
                supervisees_to.as_deref(),
            ),
            Command::RoleGrant {
                id,
                granted,
                replace,
            } => changes::role_grant(actor, doc, id, granted, replace),
            Command::RoleRevoke { id, revoked } => changes::role_revoke(actor, doc, id, revoked),
            Command::SupervisionAdd {
                supervisee,
                by,
                cosign,
            } => changes::supervision_add(actor, doc, supervisee, by, cosign),
            Command::SupervisionRemove { supervisee, by } => {
                changes::supervision_remove(actor, doc, supervisee, by)
            }
        }
    }
}

/// `--off` as the restriction it asks for.
fn restriction(off: bool) -> praxis::changes::Restriction {
    if off {
        praxis::changes::Restriction::Lift
    } else {
        praxis::changes::Restriction::Restrict
    }
}

/// Valid practices a sequence of changes starts from.
pub const SEEDS: &[&str] = &[
    include_str!("../../tests/fixtures/riverbend.toml"),
    include_str!("../../examples/therapynotes/practice.toml"),
    include_str!("../../examples/simplepractice/practice.toml"),
    include_str!("../../examples/sessions-health/practice.toml"),
    include_str!("../../examples/community-ehr/practice.toml"),
];

/// How many changes a sequence applies at most.
const STEPS: usize = 6;

/// Bits of the sequence mode's first byte.
const CRLF: u8 = 0x40;
const BOM: u8 = 0x20;

/// Bits of the sequence mode's layout byte (the second byte): how the seed
/// practice is written before the changes run.
pub mod layout {
    /// Some lines end the other way (LF in a CRLF file, CRLF in an LF file).
    pub const MIXED: u8 = 0x01;
    /// A comment line above client entries.
    pub const CLIENT_NOTES: u8 = 0x02;
    /// A blank line above client entries.
    pub const BLANKS: u8 = 0x04;
    /// The client comment is the same line above every client, not one
    /// naming the client.
    pub const SAME_NOTE: u8 = 0x08;
    /// A blank line and a comment line above every table header.
    pub const TABLE_NOTES: u8 = 0x10;
    /// Client keys in quotes (`"C-1001" = { … }`, `[clients."C-1005"]`).
    pub const QUOTED: u8 = 0x20;
    /// A trailing comment after client entries.
    pub const TRAILING: u8 = 0x40;
    /// Notes, blanks and trailing comments on some clients only, chosen by
    /// a generator seeded with the layout; without it, on every client.
    pub const SOME: u8 = 0x80;
}

/// A small deterministic generator: the layout byte is the whole choice,
/// so an input reproduces without a seed of its own.
struct Lcg(u32);

impl Lcg {
    fn next(&mut self) -> u32 {
        self.0 = self.0.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        self.0 >> 16
    }

    /// True about one time in `n`.
    fn one_in(&mut self, n: u32) -> bool {
        self.next().is_multiple_of(n)
    }
}

/// The key of a one-line client entry (`ID = { … }`), if `line` is one.
fn client_entry_key(line: &str) -> Option<&str> {
    let trimmed = line.trim_start();
    if trimmed.starts_with('#') || trimmed.starts_with('[') {
        return None;
    }
    let (key, value) = trimmed.split_once('=')?;
    value.trim_start().starts_with('{').then(|| key.trim())
}

/// `key` in double quotes, unless it is quoted already.
fn quoted(key: &str) -> String {
    if key.starts_with('"') || key.starts_with('\'') {
        key.to_string()
    } else {
        format!("\"{key}\"")
    }
}

/// The seed practice (written with LF) laid out as `mode` and `layout`
/// ask: the same practice, in another hand.
pub fn lay_out(seed: &str, mode: u8, layout: u8) -> String {
    let mut rng = Lcg((u32::from(layout) << 8) | u32::from(mode));
    let mut lines: Vec<String> = Vec::new();
    let mut in_clients = false;
    for line in seed.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with('[') {
            in_clients = trimmed.starts_with("[clients]");
            if layout & layout::TABLE_NOTES != 0 && !lines.is_empty() {
                lines.push(String::new());
                lines.push(format!("# ---- {} ----", trimmed.trim_matches(['[', ']'])));
            }
            match trimmed.strip_prefix("[clients.") {
                Some(rest) if layout & layout::QUOTED != 0 => {
                    let (id, after) = rest.split_once(']').unwrap_or((rest, ""));
                    lines.push(format!("[clients.{}]{after}", quoted(id.trim())));
                }
                _ => lines.push(line.to_string()),
            }
            continue;
        }
        let key = if in_clients {
            client_entry_key(line)
        } else {
            None
        };
        let Some(key) = key else {
            lines.push(line.to_string());
            continue;
        };
        let this_one = |rng: &mut Lcg| layout & layout::SOME == 0 || rng.one_in(2);
        if layout & layout::BLANKS != 0 && this_one(&mut rng) {
            lines.push(String::new());
        }
        if layout & layout::CLIENT_NOTES != 0 && this_one(&mut rng) {
            lines.push(if layout & layout::SAME_NOTE != 0 {
                "# sealed: court order".to_string()
            } else {
                format!("# note on {}", key.trim_matches(['"', '\'']))
            });
        }
        let mut entry = if layout & layout::QUOTED != 0 {
            let (_, value) = line.split_once('=').unwrap_or((line, ""));
            format!("{} ={value}", quoted(key))
        } else {
            line.to_string()
        };
        if layout & layout::TRAILING != 0 && this_one(&mut rng) {
            entry.push_str("  # trailing");
        }
        lines.push(entry);
    }
    let crlf = mode & CRLF != 0;
    let mut text = String::new();
    if mode & BOM != 0 {
        text.push('\u{feff}');
    }
    for line in lines {
        text.push_str(&line);
        let other = layout & layout::MIXED != 0 && rng.one_in(3);
        text.push_str(if crlf != other { "\r\n" } else { "\n" });
    }
    text
}

/// Runs every check on one input; panics (with the reason) on a violation.
///
/// The first byte chooses the mode. Below 0x80: one change, chosen by the
/// bytes up to [`SPEC_BYTES`], on the file that the remaining bytes hold
/// (which the fuzzer edits). From 0x80: a sequence of up to [`STEPS`]
/// changes, chosen by the bytes after the second, on one of the valid
/// [`SEEDS`] (the low five bits of byte 0 pick it; bit 0x40 writes it with
/// CRLF endings and bit 0x20 with a byte-order mark; byte 1 is the
/// [`layout`]), each change on the result of the last one applied.
pub fn run(data: &[u8]) {
    let mode = data.first().copied().unwrap_or(0);
    if mode < 0x80 {
        let split = data.len().min(SPEC_BYTES);
        let (spec, file) = data.split_at(split);
        let mut choices = Choices {
            bytes: spec.get(1..).unwrap_or_default(),
            at: 0,
        };
        step(file, &mut choices);
        return;
    }
    let seed = SEEDS[usize::from(mode & 0x1f) % SEEDS.len()];
    let layout = data.get(1).copied().unwrap_or(0);
    let mut file = lay_out(seed, mode, layout).into_bytes();
    let mut choices = Choices {
        bytes: data.get(2..).unwrap_or_default(),
        at: 0,
    };
    for _ in 0..STEPS {
        if choices.at >= choices.bytes.len() {
            break;
        }
        if let Some(written) = step(&file, &mut choices) {
            file = written;
        }
    }
}

/// A change's outcome, whole: two outcomes are the same change when these
/// are equal.
fn outcome(result: &Result<Change, Refusal>) -> String {
    format!("{result:?}")
}

/// A change's outcome, short, for a failure message.
fn brief(result: &Result<Change, Refusal>) -> String {
    match result {
        Ok(Change::Applied(applied)) => format!("applied {:?}\n{}", applied.summary, applied.text),
        Ok(Change::NoChange(why)) => format!("no change: {why}"),
        Err(Refusal::Invalid { text, errors }) => format!("invalid {errors:?}\n{text}"),
        Err(other) => format!("refused: {other} ({other:?})"),
    }
}

/// How many lines end with a bare LF and how many with CRLF.
fn line_endings(text: &str) -> (usize, usize) {
    let crlf = text.matches("\r\n").count();
    (text.matches('\n').count() - crlf, crlf)
}

/// One change on `file`; the bytes to write when it is applied.
fn step(file: &[u8], choices: &mut Choices<'_>) -> Option<Vec<u8>> {
    let Ok(contents) = Contents::decode(file.to_vec()) else {
        ended(0);
        return None;
    };
    assert_eq!(contents.original_bytes(), file, "decode lost bytes");
    let text = contents.text.as_str();
    let date = date();
    let loaded = rules::check(text, date);
    if loaded.findings.has_errors() {
        // `mutate::apply` refuses the file before any change.
        ended(0);
        return None;
    }
    let Ok(doc) = text.parse::<DocumentMut>() else {
        panic!("a file without errors does not parse as a document to edit");
    };
    assert_eq!(
        changes::endings::keep_line_endings(text, &doc.to_string()),
        text,
        "the unchanged document, its line endings put back, is not the file's text"
    );
    let practice = &loaded.practice;
    let ids = ids(practice);
    let actor_id = actor(choices, practice, &ids);
    // Each run of a change gets its own actor, as each command does: the
    // actor records the permissions the change was judged on.
    let resolve = || Actor::resolve(practice, Some(&actor_id), date);
    let Ok(actor) = resolve() else {
        ended(1);
        return None;
    };
    let command = Command::choose(choices, &ids, date);
    let change = |actor: &Actor<'_>, doc: &mut DocumentMut| command.apply(actor, doc);
    let reach = command.reach();
    let cut = changes::apply(text, &loaded.findings, &actor, date, reach, change);
    let whole = match resolve() {
        Ok(again) => changes::apply(
            text,
            &loaded.findings,
            &again,
            date,
            Reach::Everything,
            change,
        ),
        Err(error) => panic!("the actor resolved once, then not: {error}"),
    };
    let context = || {
        format!("change: --as {actor_id} {command:?} ({reach:?})\n--- practice.toml ---\n{text}---")
    };
    if outcome(&cut) != outcome(&whole) {
        panic!(
            "the cut edit differs from the whole-document edit\n--- cut ---\n{}\n--- whole ---\n{}\n{}",
            brief(&cut),
            brief(&whole),
            context()
        );
    }
    let applied = match cut {
        Ok(Change::Applied(applied)) => applied,
        Ok(Change::NoChange(_)) => {
            ended(4);
            return None;
        }
        Err(Refusal::Change(error)) => {
            ended(if error.is_usage() { 2 } else { 3 });
            return None;
        }
        Err(Refusal::Invalid {
            text: refused,
            errors,
        }) => {
            let mut found = rules::check(&refused, date).findings;
            found
                .0
                .retain(|f| f.severity == praxis::findings::Severity::Error);
            if errors.0.is_empty() || format!("{found:?}") != format!("{errors:?}") {
                panic!(
                    "a change refused as invalid names errors {errors:?}, its text has {found:?}\n--- refused ---\n{refused}\n{}",
                    context()
                );
            }
            ended(5);
            return None;
        }
        Err(refusal @ (Refusal::Unparsable | Refusal::Mismatch { .. })) => {
            panic!(
                "a change to a file without errors was refused: {refusal}\n{}",
                context()
            );
        }
    };
    if applied.text == text {
        panic!(
            "a change reported as made ({:?}) left the text as it was\n{}",
            applied.summary,
            context()
        );
    }
    // What `mutate::write` writes: the file's byte-order mark, then the text.
    let [bom, _] = contents.original_parts();
    let mut bytes = bom.to_vec();
    bytes.extend_from_slice(applied.text.as_bytes());
    let written = match Contents::decode(bytes.clone()) {
        Ok(written) => written,
        Err(_) => panic!("the written bytes are not UTF-8\n{}", context()),
    };
    if written.text != applied.text || written.bom != contents.bom {
        panic!(
            "the written bytes read back as other text (byte-order mark {} -> {})\n--- written ---\n{}\n{}",
            contents.bom,
            written.bom,
            written.text,
            context()
        );
    }
    let again = rules::check(&written.text, date);
    if again.findings.has_errors() {
        panic!(
            "the bytes written validate with errors {:?}\n--- written ---\n{}\n{}",
            again.findings.0,
            written.text,
            context()
        );
    }
    if format!("{:?}{:?}", again.practice, again.findings)
        != format!(
            "{:?}{:?}",
            applied.checked.practice, applied.checked.findings
        )
    {
        panic!(
            "the check the change carried is not the check of the bytes written\n--- written ---\n{}\n{}",
            written.text,
            context()
        );
    }
    match line_endings(text) {
        (lf, crlf) if crlf == 0 || lf == 0 => {
            let (lf_now, crlf_now) = line_endings(&applied.text);
            let kept = if crlf == 0 {
                crlf_now == 0
            } else {
                lf_now == 0
            };
            if !kept {
                panic!(
                    "a file with one kind of line ending ({lf} LF, {crlf} CRLF) was written with both ({lf_now} LF, {crlf_now} CRLF)\n--- written ---\n{}\n{}",
                    applied.text.escape_debug(),
                    context()
                );
            }
        }
        _ => {}
    }
    let violations = rules::authorize::unauthorized(
        practice,
        &applied.checked.practice,
        &actor.member.id.value,
        date,
    );
    if !violations.is_empty() {
        panic!(
            "a change the actor made passes no `diff --as`: {violations:?}\n--- after ---\n{}\n{}",
            applied.text,
            context()
        );
    }
    ended(6);
    Some(bytes)
}
