//! The `change` fuzz target's checks, shared with `tests/fuzz_corpus.rs`
//! (included there with `#[path]`), so the committed corpus is replayed on
//! the stable toolchain by `cargo test`.
//!
//! An input is a practice file and changes (two layouts, see [`run`]):
//! either one change and the file's bytes, which the fuzzer edits, or a
//! sequence of changes on one of the valid example practices. Bytes choose
//! each change, its actor and its arguments (the practice's own ids, new
//! ids, ids in another letter case, unknown ids, hostile free text). Each
//! change runs through the library exactly as `commands::mutate::apply`
//! runs it: decode, `check`, parse the document, resolve the actor, apply the change
//! to the `DocumentMut`, tidy the touched clients, `rules::check` the
//! result, `Contents::encode` it. Properties (SPEC §4, §7, §8):
//! - nothing panics;
//! - encoding the unchanged text gives back the bytes read, and so does
//!   encoding the unchanged document;
//! - a refused change, a usage error and a "no change" leave the document
//!   byte-identical;
//! - a change reported as made changes the text;
//! - an accepted change (the result has no errors) writes bytes that decode
//!   and validate with no errors, hold the same text up to line endings, and
//!   pass `diff OLD NEW --as ACTOR` (`authorize::unauthorized` is empty:
//!   commands and `diff --as` agree).

use chrono::{Days, NaiveDate};
use praxis::changes::{self, Actor, ChangeError, MemberEdit, NewMember, Outcome, TemporaryGrant};
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

/// Applies the chosen change; the description names it for a failure.
fn apply(
    choices: &mut Choices<'_>,
    ids: &Ids,
    actor: &Actor<'_>,
    doc: &mut DocumentMut,
) -> (String, Result<Outcome, ChangeError>) {
    let members = &ids.members;
    let clients = &ids.clients;
    let roles = &ids.roles;
    let today = actor.date;
    match choices.below(14) {
        0 => {
            let (id, primary) = (choices.pick(clients), choices.pick(members));
            let clinicians = choices.some(members, 2);
            let what = format!("client add {id} --primary {primary} --clinicians {clinicians:?}");
            (
                what,
                changes::client_add(actor, doc, &id, &primary, &clinicians),
            )
        }
        1 => {
            let (id, primary, keep) =
                (choices.pick(clients), choices.pick(members), choices.flag());
            let what = format!("client assign {id} --primary {primary} keep={keep}");
            (
                what,
                changes::client_assign(actor, doc, &id, &primary, keep),
            )
        }
        2 => {
            let (id, member) = (choices.pick(clients), choices.pick(members));
            let temporary = choices.flag().then(|| TemporaryGrant {
                until: today
                    .checked_add_days(Days::new(choices.pick(UNTIL_DAYS)))
                    .unwrap_or(today),
                reason: choices.pick(REASONS).to_string(),
            });
            let what = format!("client grant {id} {member} {temporary:?}");
            (
                what,
                changes::client_grant(actor, doc, &id, &member, temporary.as_ref()),
            )
        }
        3 => {
            let (id, member) = (choices.pick(clients), choices.pick(members));
            let what = format!("client grant {id} {member} --administrative");
            (
                what,
                changes::client_grant_administrative(actor, doc, &id, &member),
            )
        }
        4 => {
            let (id, member, adm) = (choices.pick(clients), choices.pick(members), choices.flag());
            let what = format!("client revoke {id} {member} administrative={adm}");
            (
                what,
                changes::client_revoke(
                    actor,
                    doc,
                    &id,
                    &member,
                    changes::RevokeFrom::with_administrative(adm),
                ),
            )
        }
        5 => {
            let (id, off) = (choices.pick(clients), choices.flag());
            let what = format!("client restrict {id} off={off}");
            (
                what,
                changes::client_restrict(actor, doc, &id, restriction(off)),
            )
        }
        6 => {
            let id = choices.pick(clients);
            let what = format!("client remove {id}");
            (what, changes::client_remove(actor, doc, &id))
        }
        7 => {
            let new = NewMember {
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
            };
            let what = format!("member add {new:?}");
            (what, changes::member_add(actor, doc, &new))
        }
        8 => {
            let id = choices.pick(members);
            let edit = MemberEdit {
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
            };
            let what = format!("member edit {id} {edit:?}");
            (what, changes::member_edit(actor, doc, &id, &edit))
        }
        9 => {
            let id = choices.pick(members);
            let clients_to = choices.maybe(members);
            let supervisees_to = choices.maybe(members);
            let what = format!("member remove {id} {clients_to:?} {supervisees_to:?}");
            (
                what,
                changes::member_remove(
                    actor,
                    doc,
                    &id,
                    clients_to.as_deref(),
                    supervisees_to.as_deref(),
                ),
            )
        }
        10 => {
            let id = choices.pick(members);
            let granted = choices.some(roles, 2);
            let replace = choices.some(roles, 1);
            let what = format!("role grant {id} {granted:?} --replace {replace:?}");
            (
                what,
                changes::role_grant(actor, doc, &id, &granted, &replace),
            )
        }
        11 => {
            let id = choices.pick(members);
            let revoked = choices.some(roles, 2);
            let what = format!("role revoke {id} {revoked:?}");
            (what, changes::role_revoke(actor, doc, &id, &revoked))
        }
        12 => {
            let (supervisee, by) = (choices.pick(members), choices.pick(members));
            let cosign = strings(&choices.some(COSIGN, 2));
            let what = format!("supervision add {supervisee} --by {by} --cosign {cosign:?}");
            (
                what,
                changes::supervision_add(actor, doc, &supervisee, &by, &cosign),
            )
        }
        _ => {
            let (supervisee, by) = (choices.pick(members), choices.pick(members));
            let what = format!("supervision remove {supervisee} --by {by}");
            (
                what,
                changes::supervision_remove(actor, doc, &supervisee, &by),
            )
        }
    }
}

/// Valid practices a sequence of changes starts from.
const SEEDS: &[&str] = &[
    include_str!("../../tests/fixtures/riverbend.toml"),
    include_str!("../../examples/therapynotes/practice.toml"),
    include_str!("../../examples/simplepractice/practice.toml"),
    include_str!("../../examples/sessions-health/practice.toml"),
    include_str!("../../examples/community-ehr/practice.toml"),
];

/// How many changes a sequence applies at most.
const STEPS: usize = 6;

/// Runs every check on one input; panics (with the reason) on a violation.
///
/// The first byte chooses the mode. Below 0x80: one change, chosen by the
/// bytes up to [`SPEC_BYTES`], on the file that the remaining bytes hold
/// (which the fuzzer edits). From 0x80: a sequence of up to [`STEPS`]
/// changes, chosen by all the remaining bytes, on one of the valid
/// [`SEEDS`] (byte 0 picks it; bit 0x40 writes it with CRLF endings and bit
/// 0x20 with a byte-order mark), each change on the result of the last one
/// accepted.
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
    let mut text = if mode & 0x40 != 0 {
        seed.replace('\n', "\r\n")
    } else {
        seed.to_string()
    };
    if mode & 0x20 != 0 {
        text.insert(0, '\u{feff}');
    }
    let mut file = text.into_bytes();
    let mut choices = Choices {
        bytes: &data[1..],
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

/// One change on `file`; the bytes to write when it is accepted.
fn step(file: &[u8], choices: &mut Choices<'_>) -> Option<Vec<u8>> {
    let Ok(contents) = Contents::decode(file.to_vec()) else {
        ended(0);
        return None;
    };
    let original = contents.original_bytes();
    assert_eq!(original.as_slice(), file, "decode lost bytes");
    assert_eq!(
        contents.encode(&contents.text).as_bytes(),
        file,
        "encode of the unchanged text differs from the file"
    );
    let date = date();
    let loaded = rules::check(&contents.text, date);
    if loaded.findings.has_errors() {
        // `mutate::apply` refuses the file before any change.
        ended(0);
        return None;
    }
    let Ok(mut doc) = contents.text.parse::<toml_edit::DocumentMut>() else {
        panic!("a file without errors does not parse as a document to edit");
    };
    let before = doc.to_string();
    assert_eq!(
        contents.encode(&before).as_bytes(),
        file,
        "the unchanged document does not encode to the file's bytes"
    );
    let practice = &loaded.practice;
    let ids = ids(practice);
    let actor_id = actor(choices, practice, &ids);
    let Ok(actor) = Actor::resolve(practice, Some(&actor_id), date) else {
        ended(1);
        return None;
    };
    let (what, outcome) = apply(choices, &ids, &actor, &mut doc);
    let context = || format!("change: --as {actor_id} {what}\n--- practice.toml ---\n{before}---");
    let summary = match outcome {
        Err(_) | Ok(Outcome::NoChange(_)) => {
            if doc.to_string() != before {
                panic!(
                    "a refused or empty change ({outcome:?}) edited the document to:\n{}\n{}",
                    doc,
                    context()
                );
            }
            ended(match outcome {
                Err(error) if error.is_usage() => 2,
                Err(_) => 3,
                Ok(_) => 4,
            });
            return None;
        }
        Ok(Outcome::Changed(summary)) => summary,
    };
    let clients: Vec<&str> = summary
        .affected
        .iter()
        .filter_map(|(_, client)| client.as_deref())
        .collect();
    changes::edit::tidy_clients(&mut doc, clients.iter().copied());
    let new_text = doc.to_string();
    if new_text == before {
        panic!(
            "a change reported as made ({summary:?}) left the text as it was\n{}",
            context()
        );
    }
    let checked = rules::check(&new_text, date);
    if checked.findings.has_errors() {
        // Refused as a whole by `apply`: nothing is written.
        ended(5);
        return None;
    }
    // As `apply` does: a change that gives the actor more access to a
    // chart needs its permission without their own place on it.
    if actor
        .refuse_self_gain_of(&summary, &checked.practice)
        .is_err()
    {
        ended(3);
        return None;
    }
    let bytes = contents.encode(&new_text);
    let written = match Contents::decode(bytes.clone().into_bytes()) {
        Ok(written) => written,
        Err(_) => panic!("the written bytes are not UTF-8\n{}", context()),
    };
    let again = rules::check(&written.text, date);
    if again.findings.has_errors() {
        panic!(
            "the bytes written validate with errors {:?}\n--- written ---\n{}\n{}",
            again.findings.0,
            written.text,
            context()
        );
    }
    if written.text.replace("\r\n", "\n") != new_text.replace("\r\n", "\n") {
        panic!(
            "the bytes written differ from the edited text beyond line endings\n--- written ---\n{}\n--- edited ---\n{new_text}\n{}",
            written.text,
            context()
        );
    }
    let violations =
        rules::authorize::unauthorized(practice, &checked.practice, &actor.member.id.value, date);
    if !violations.is_empty() {
        panic!(
            "a change the actor made passes no `diff --as`: {violations:?}\n--- after ---\n{new_text}\n{}",
            context()
        );
    }
    ended(6);
    Some(bytes.into_bytes())
}

/// `--off` as the restriction it asks for.
fn restriction(off: bool) -> praxis::changes::Restriction {
    if off {
        praxis::changes::Restriction::Lift
    } else {
        praxis::changes::Restriction::Restrict
    }
}
