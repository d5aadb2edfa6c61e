#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot set up should panic"
)]

//! SPEC §8 "Authorization" and "Dates", through the binary: no self-grants
//! (command and `diff --as`), changes judged as of today, no `--until` in
//! the past, leaving is free, only the owner moves ownership, a new client
//! judged by what it carries, and dates taken exactly as `YYYY-MM-DD`. Each
//! case was accepted by praxis before revision 3.

mod common;

use common::{Fixture, RIVERBEND, edit};

fn assert_refused(fixture: &Fixture, args: &[&str], code: i32, says: &str) {
    let before = fixture.text();
    let run = fixture.run(args);
    assert_eq!(run.code, code, "{args:?}\n{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains(says), "{args:?}: {}", run.stderr);
    assert_eq!(fixture.text(), before, "{args:?} changed the file");
}

/// gina's only route to C-1004 is her temporary entry: she may not make it
/// permanent, extend it, or add herself elsewhere through it.
#[test]
fn a_temporary_member_cannot_make_their_own_access_permanent_or_longer() {
    let fixture = Fixture::new(RIVERBEND);
    for args in [
        &["--as", "gina", "client", "grant", "C-1004", "gina"][..],
        &[
            "--as",
            "gina",
            "client",
            "grant",
            "C-1004",
            "gina",
            "--until",
            "2100-01-01",
            "--reason",
            "longer",
        ][..],
    ] {
        assert_refused(&fixture, args, 1, "for themselves");
    }
    // bob, the primary, may grant gina permanent access: not a self-grant.
    let run = fixture.run(&["--as", "bob", "client", "grant", "C-1004", "gina"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// A clinician who is only primary may not make themselves primary
/// elsewhere, nor put themselves on a restricted chart's administrative
/// list; the owner and all-clients grants may.
#[test]
fn self_grants_need_a_route_outside_the_chart() {
    // carol is on C-1005 as a clinician; making herself primary needs
    // client.assign, which no role of hers grants.
    let fixture = Fixture::new(RIVERBEND);
    assert_refused(
        &fixture,
        &[
            "--as",
            "carol",
            "client",
            "assign",
            "C-1005",
            "--primary",
            "carol",
        ],
        1,
        "client.assign",
    );
    // A member whose own grant gives client.assign and client.access only
    // on assigned clients: on C-1001 (her chart) she still may not.
    let text = edit(
        RIVERBEND,
        "supervisors = [\"carol\"]  # newly licensed",
        "supervisors = [\"carol\"]  # newly licensed\ngrants = [{ can = [\"client.assign\", \"client.restrict\"], on = \"assigned\" }]",
    );
    let text = edit(
        &text,
        "C-1001 = { primary = \"bob\" }",
        "C-1001 = { primary = \"bob\", clinicians = [\"gina\"], restricted = true }",
    );
    let fixture = Fixture::new(&text);
    assert_refused(
        &fixture,
        &[
            "--as",
            "gina",
            "client",
            "assign",
            "C-1001",
            "--primary",
            "gina",
        ],
        1,
        "for themselves",
    );
    assert_refused(
        &fixture,
        &[
            "--as",
            "gina",
            "client",
            "grant",
            "C-1001",
            "gina",
            "--administrative",
        ],
        1,
        "for themselves",
    );
    // She may still hand the chart to someone else: not a self-grant.
    let run = fixture.run(&[
        "--as",
        "gina",
        "client",
        "assign",
        "C-1001",
        "--primary",
        "helen",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The owner grants herself anything; dave (scheduler: client.access on
    // all) may add himself to an unrestricted chart.
    let fixture = Fixture::new(RIVERBEND);
    let run = fixture.run(&[
        "--as",
        "alice",
        "client",
        "assign",
        "C-1001",
        "--primary",
        "alice",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = fixture.run(&["--as", "dave", "client", "grant", "C-1002", "dave"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// Leaving is free: a member without client.access takes themselves off.
#[test]
fn a_member_may_always_take_themselves_off_a_chart() {
    let fixture = Fixture::new(RIVERBEND);
    // gina has client.access on C-1002 only as a clinician; erin has none
    // on C-1005, where she is primary, so take carol (clinician there).
    let run = fixture.run(&["--as", "gina", "client", "revoke", "C-1004", "gina"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!fixture.text().contains("member = \"gina\""));
    // dave leaves C-1003's administrative list without client.restrict.
    let run = fixture.run(&[
        "--as",
        "dave",
        "client",
        "revoke",
        "C-1003",
        "dave",
        "--administrative",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // frank (biller, no client.access) may not take gina off C-1002.
    assert_refused(
        &fixture,
        &["--as", "frank", "client", "revoke", "C-1002", "gina"],
        1,
        "client.access",
    );
}

/// `--at` rewinds nothing on a change: it is a usage error on every one.
#[test]
fn changes_refuse_at() {
    let fixture = Fixture::new(RIVERBEND);
    for args in [
        &["--as", "alice", "client", "grant", "C-1001", "gina"][..],
        &["--as", "alice", "member", "add", "zed", "--name", "Zed"][..],
        &["--as", "alice", "role", "grant", "dave", "biller"][..],
        &[
            "--as",
            "alice",
            "supervision",
            "add",
            "bob",
            "--by",
            "carol",
        ][..],
        &["--as", "alice", "client", "restrict", "C-1001"][..],
        &["--as", "alice", "client", "remove", "C-1001", "--dry-run"][..],
    ] {
        let mut with_at = vec!["--at", "2026-10-01"];
        with_at.extend_from_slice(args);
        assert_refused(&fixture, &with_at, 2, "--at does not apply to changes");
    }
    let dir = tempfile::tempdir().unwrap();
    let run = common::run(common::praxis_in(dir.path()).args([
        "init",
        "--name",
        "X",
        "--owner",
        "o",
        "--owner-name",
        "O",
        "--at",
        "2026-10-01",
    ]));
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(!dir.path().join("practice.toml").exists());
}

#[test]
fn until_in_the_past_is_a_usage_error() {
    let fixture = Fixture::new(RIVERBEND);
    assert_refused(
        &fixture,
        &[
            "--as",
            "alice",
            "client",
            "grant",
            "C-1001",
            "gina",
            "--until",
            "2020-01-01",
            "--reason",
            "old",
        ],
        2,
        "in the past",
    );
}

#[test]
fn dates_are_exactly_year_month_day() {
    let fixture = Fixture::new(RIVERBEND);
    for date in [
        " 2026-12-31",
        "+2026-12-31",
        "2026-2-3",
        "2026-12-31T00:00:00",
        "2026-12-31 ",
    ] {
        let run = fixture.run(&[
            "--at",
            date,
            "access",
            "check",
            "bob",
            "clinical.view",
            "--client",
            "C-1001",
        ]);
        assert_eq!(run.code, 2, "{date:?}: {}", run.stderr);
        assert_eq!(run.stdout, "", "{date:?}");
    }
    let run = fixture.run(&[
        "--at",
        "2026-02-30",
        "access",
        "check",
        "bob",
        "clinical.view",
        "--client",
        "C-1001",
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no such day"), "{}", run.stderr);
    assert_refused(
        &fixture,
        &[
            "--as", "alice", "client", "grant", "C-1001", "gina", "--until", "2099-1-1",
            "--reason", "r",
        ],
        2,
        "YYYY-MM-DD",
    );
}

/// `diff OLD NEW --as ACTOR` for the same edits.
fn diff_as(old: &str, new: &str, actor: &str) -> common::Run {
    let fixture = Fixture::new(old);
    let new_path = fixture.write("new.toml", new);
    let mut command = fixture.bare();
    command
        .arg("diff")
        .arg(&fixture.path)
        .arg(&new_path)
        .args(["--as", actor]);
    common::run(&mut command)
}

#[test]
fn diff_as_refuses_self_grants_the_commands_refuse() {
    let extended = edit(RIVERBEND, "until = 2099-12-31", "until = 9999-12-31");
    let permanent = edit(
        RIVERBEND,
        "C-1004 = { primary = \"bob\", temporary = [{ member = \"gina\", until = 2099-12-31, reason = \"Covering\" }] }",
        "C-1004 = { primary = \"bob\", clinicians = [\"gina\"] }",
    );
    let reason = edit(RIVERBEND, "reason = \"Covering\"", "reason = \"Anything\"");
    for (what, new) in [
        ("extended", &extended),
        ("permanent", &permanent),
        ("reason", &reason),
    ] {
        let run = diff_as(RIVERBEND, new, "gina");
        assert_eq!(run.code, 1, "{what}: {}", run.stdout);
        assert!(
            run.stdout.contains("no self-grants"),
            "{what}: {}",
            run.stdout
        );
        // bob, C-1004's primary, may make the same edit for gina.
        let run = diff_as(RIVERBEND, new, "bob");
        assert_eq!(run.code, 0, "{what} as bob: {}", run.stdout);
    }
    // Leaving is free in a diff too.
    let left = edit(
        RIVERBEND,
        ", temporary = [{ member = \"gina\", until = 2099-12-31, reason = \"Covering\" }]",
        "",
    );
    let run = diff_as(RIVERBEND, &left, "gina");
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn diff_as_judges_a_new_client_by_what_it_carries() {
    // dave (scheduler) has client.create and client.access on all, but not
    // client.restrict.
    let plain = edit(
        RIVERBEND,
        "# one line per client\n",
        "# one line per client\nC-2000 = { primary = \"bob\" }\n",
    );
    assert_eq!(diff_as(RIVERBEND, &plain, "dave").code, 0);
    let restricted = edit(
        RIVERBEND,
        "# one line per client\n",
        "# one line per client\nC-2000 = { primary = \"bob\", restricted = true, administrative = [\"frank\"] }\n",
    );
    let run = diff_as(RIVERBEND, &restricted, "dave");
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains("client.restrict on all clients"),
        "{}",
        run.stdout
    );
    let temporary = edit(
        RIVERBEND,
        "# one line per client\n",
        "# one line per client\nC-2000 = { primary = \"bob\", temporary = [{ member = \"gina\", until = 2099-12-31, reason = \"r\" }] }\n",
    );
    assert_eq!(diff_as(RIVERBEND, &temporary, "dave").code, 0);
    // frank (biller) has no client.create at all.
    assert_eq!(diff_as(RIVERBEND, &plain, "frank").code, 1);
    // Re-casing an id is a removal and an addition: dave may not restrict
    // an existing chart by re-creating it.
    let recased = edit(
        RIVERBEND,
        "C-1001 = { primary = \"bob\" }",
        "c-1001 = { primary = \"bob\", restricted = true }",
    );
    assert_eq!(diff_as(RIVERBEND, &recased, "dave").code, 1);
}

#[test]
fn diff_as_moves_ownership_only_for_the_owner() {
    let text = edit(
        RIVERBEND,
        "roles = [\"scheduler\"]",
        "roles = [\"administrator\"]",
    );
    let moved = edit(&text, "owner = \"alice\"", "owner = \"dave\"");
    let run = diff_as(&text, &moved, "dave");
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stdout.contains("practice owner"), "{}", run.stdout);
    assert_eq!(diff_as(&text, &moved, "alice").code, 0);
}

#[test]
fn diff_as_needs_nothing_for_an_edit_that_changes_no_effective_value() {
    let explicit = edit(
        RIVERBEND,
        "npi     = \"1131860912\"",
        "npi     = \"1131860912\"\nbill_as_supervisor = false",
    );
    let run = diff_as(RIVERBEND, &explicit, "frank");
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn longer_access_is_a_gain() {
    let extended = edit(RIVERBEND, "until = 2099-12-31", "until = 9999-12-31");
    let permanent = edit(
        RIVERBEND,
        "C-1004 = { primary = \"bob\", temporary = [{ member = \"gina\", until = 2099-12-31, reason = \"Covering\" }] }",
        "C-1004 = { primary = \"bob\", clinicians = [\"gina\"] }",
    );
    for (new, says) in [
        (
            &extended,
            "temporary access of gina on C-1004 extended: 2099-12-31 → 9999-12-31",
        ),
        (
            &permanent,
            "temporary access of gina on C-1004 made permanent",
        ),
    ] {
        let fixture = Fixture::new(RIVERBEND);
        let new_path = fixture.write("new.toml", new);
        let mut command = fixture.bare();
        command
            .arg("diff")
            .arg(&fixture.path)
            .arg(&new_path)
            .arg("--fail-on-gain");
        let run = common::run(&mut command);
        assert_eq!(run.code, 1, "{}", run.stdout);
        assert!(run.stdout.contains(says), "{}", run.stdout);
        assert!(run.stdout.contains("lengthened"), "{}", run.stdout);
        let mut command = fixture.bare();
        command
            .arg("diff")
            .arg(&fixture.path)
            .arg(&new_path)
            .args(["--format", "json"]);
        let json: serde_json::Value =
            serde_json::from_str(&common::run(&mut command).stdout).unwrap();
        assert_eq!(json["gains_clinical"], true);
        assert_eq!(json["diff"]["lengthened"][0]["member"], "gina");
    }
}

#[test]
fn turning_the_practice_file_into_a_link_needs_practice_settings() {
    let fixture = Fixture::new(RIVERBEND);
    let backup = fixture.write("backup.toml", RIVERBEND);
    let link = fixture.dir.path().join("linked.toml");
    std::os::unix::fs::symlink(&backup, &link).unwrap();
    let run_as = |actor: &str| {
        let mut command = fixture.bare();
        command
            .arg("diff")
            .arg(&fixture.path)
            .arg(&link)
            .args(["--as", actor]);
        common::run(&mut command)
    };
    let run = run_as("bob");
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains("the practice file changed"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("practice.settings"), "{}", run.stdout);
    assert_eq!(run_as("alice").code, 0);
}

/// Found by an attacker's review: helen reaches C-1001 only through a
/// temporary entry; she holds client.delete and client.access there through
/// it, client.create everywhere, and supervises the intern ivy.
fn helen_covers_c1001() -> String {
    let text = edit(
        RIVERBEND,
        "[members.helen]\nname = \"Helen Ortiz\"\nroles = [\"clinician\", \"supervisor\"]\nnpi = \"1908301660\"\n",
        "[members.helen]\nname = \"Helen Ortiz\"\nroles = [\"clinician\", \"supervisor\"]\nnpi = \"1908301660\"\n\
         grants = [{ can = [\"client.delete\"], on = \"assigned\" }, { can = [\"client.create\"], on = \"practice\" }]\n\n\
         [members.ivy]\nname = \"Ivy Park\"\nroles = [\"intern\"]\nsupervisors = [\"helen\"]\nbill_as_supervisor = true\n",
    );
    edit(
        &text,
        "C-1001 = { primary = \"bob\" }",
        "C-1001 = { primary = \"bob\", temporary = [{ member = \"helen\", until = 2099-12-31, reason = \"Covering bob\" }] }",
    )
}

#[test]
fn a_supervisor_cannot_reach_a_chart_through_a_supervisee_they_put_on_it() {
    let text = helen_covers_c1001();
    let fixture = Fixture::new(&text);
    assert_refused(
        &fixture,
        &["--as", "helen", "client", "grant", "C-1001", "ivy"],
        1,
        "through a supervisee",
    );
    let granted = edit(
        &text,
        "C-1001 = { primary = \"bob\", temporary",
        "C-1001 = { primary = \"bob\", clinicians = [\"ivy\"], temporary",
    );
    let run = diff_as(&text, &granted, "helen");
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stdout.contains("no self-grants"), "{}", run.stdout);
    // bob, the primary, gains nothing by it and may.
    assert_eq!(diff_as(&text, &granted, "bob").code, 0);
    let run = fixture.run(&["--as", "bob", "client", "grant", "C-1001", "ivy"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// No false refusals for edits that change nothing in effect: reordering
/// `[capabilities]`, splitting one grant in two.
#[test]
fn reordering_or_splitting_needs_nothing() {
    let ehr = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/community-ehr/practice.toml"),
    )
    .unwrap();
    let first = "\"sysadmin.console\" = { scope = \"practice\", description = \"Use the system administration interface\" }\n";
    let second = "\"rx.prescribe\" = { scope = \"client\", description = \"Prescribe and manage medications (prescription interface)\" }\n";
    let reordered = edit(
        &ehr,
        &format!("{first}{second}"),
        &format!("{second}{first}"),
    );
    let owner = ehr
        .lines()
        .find_map(|l| l.strip_prefix("owner = \""))
        .and_then(|l| l.split('"').next())
        .unwrap()
        .to_string();
    let some_member = ehr
        .lines()
        .filter_map(|l| l.strip_prefix("[members."))
        .map(|l| l.trim_end_matches(']').to_string())
        .find(|m| *m != owner)
        .unwrap();
    let run = diff_as(&ehr, &reordered, &some_member);
    assert_eq!(run.code, 0, "{}", run.stdout);

    let one = edit(
        RIVERBEND,
        "roles = [\"biller\"]",
        "roles = [\"biller\"]\ngrants = [{ can = [\"audit.view\", \"hr.view\"], on = \"practice\" }]",
    );
    let split = edit(
        &one,
        "grants = [{ can = [\"audit.view\", \"hr.view\"], on = \"practice\" }]",
        "grants = [{ can = [\"hr.view\"] }, { can = [\"audit.view\"], on = \"practice\" }]",
    );
    let run = diff_as(&one, &split, "bob");
    assert_eq!(run.code, 0, "{}", run.stdout);
}

const THERAPYNOTES: &str = include_str!("../examples/therapynotes/practice.toml");
const SIMPLEPRACTICE: &str = include_str!("../examples/simplepractice/practice.toml");

/// Runs a command on OLD as `actor`; returns its exit code and the file
/// after it.
fn command_on(old: &str, actor: &str, args: &[&str]) -> (common::Run, String) {
    let fixture = Fixture::new(old);
    let mut all = vec!["--as", actor];
    all.extend_from_slice(args);
    let run = fixture.run(&all);
    (run, fixture.text())
}

/// Issue 15, finding 6: `member remove walter --reassign-supervisees-to
/// marcus` by a member with `members.manage` alone (sara, given it as her
/// own grant) goes through as a command, and `diff --as sara` accepts the
/// file it wrote: the supervisee's new supervisor is the removal's side
/// effect, covered by `members.manage` (SPEC §4, §8), not a change that
/// needs `members.credentials`.
#[test]
fn member_remove_reassigning_supervisees_passes_diff_as_with_members_manage() {
    let old = edit(
        THERAPYNOTES,
        "[members.sara]\nname = \"Sara Benitez\"\nemail = \"sara@maplegrove.example\"\nroles = [\"scheduler\"]\n",
        "[members.sara]\nname = \"Sara Benitez\"\nemail = \"sara@maplegrove.example\"\nroles = [\"scheduler\"]\ngrants = [{ can = [\"members.manage\"], on = \"practice\" }]\n",
    );
    let (run, new) = command_on(
        &old,
        "sara",
        &[
            "member",
            "remove",
            "walter",
            "--reassign-supervisees-to",
            "marcus",
        ],
    );
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        new.contains("supervisors = [\"marcus\"]\ncosign = [\"treatment-plans\"]"),
        "emma is now supervised by marcus:\n{new}"
    );
    let run = diff_as(&old, &new, "sara");
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    // Supervision itself still needs members.credentials.
    let by_hand = edit(
        &old,
        "supervisors = [\"walter\"]\ncosign = [\"treatment-plans\"]",
        "supervisors = [\"marcus\"]\ncosign = [\"treatment-plans\"]",
    );
    let run = diff_as(&old, &by_hand, "sara");
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stdout.contains("members.credentials"), "{}", run.stdout);
}

/// Issue 15, finding 1 (simplepractice C-4005 and C-4011): ingrid
/// (clinician-basic) holds `client.assign` only on her assigned clients,
/// and is on C-4005 and the restricted C-4011 only through a temporary
/// entry; hugo is on C-4011 as a clinician. Making themselves primary and
/// evicting the old primary is a self-grant: refused by the command and by
/// `diff --as`. The owner may make the same edit.
#[test]
fn a_care_relation_alone_does_not_make_oneself_primary() {
    let c4005 = "C-4005 = { primary = \"hugo\", temporary = [{ member = \"ingrid\", until = 2027-12-31, reason = \"Covering while hugo is on leave\" }] }";
    let c4011 = "C-4011 = { primary = \"ethan\", clinicians = [\"hugo\"], restricted = true, administrative = [\"mona\"], temporary = [{ member = \"ingrid\", until = 2028-04-30, reason = \"Co-facilitating the client's family sessions\" }] }";
    let cases = [
        (
            "ingrid",
            "C-4005",
            edit(SIMPLEPRACTICE, c4005, "C-4005 = { primary = \"ingrid\" }"),
        ),
        (
            "ingrid",
            "C-4011",
            edit(
                SIMPLEPRACTICE,
                c4011,
                "C-4011 = { primary = \"ingrid\", clinicians = [\"hugo\"], restricted = true, administrative = [\"mona\"] }",
            ),
        ),
        (
            "hugo",
            "C-4011",
            edit(
                SIMPLEPRACTICE,
                c4011,
                "C-4011 = { primary = \"hugo\", restricted = true, administrative = [\"mona\"], temporary = [{ member = \"ingrid\", until = 2028-04-30, reason = \"Co-facilitating the client's family sessions\" }] }",
            ),
        ),
    ];
    for (actor, client, new) in &cases {
        let fixture = Fixture::new(SIMPLEPRACTICE);
        assert_refused(
            &fixture,
            &[
                "--as",
                actor,
                "client",
                "assign",
                client,
                "--primary",
                actor,
            ],
            1,
            "for themselves",
        );
        let run = diff_as(SIMPLEPRACTICE, new, actor);
        assert_eq!(run.code, 1, "{actor} on {client}: {}", run.stdout);
        assert!(
            run.stdout.contains("no self-grants") && run.stdout.contains("client.assign"),
            "{actor} on {client}: {}",
            run.stdout
        );
        // The owner may make the same edit.
        let run = diff_as(SIMPLEPRACTICE, new, "olivia");
        assert_eq!(run.code, 0, "olivia on {client}: {}", run.stdout);
    }
}

/// `client revoke C M --administrative` needs `client.restrict` (SPEC §4)
/// and takes M off `clinicians` and `temporary` (§7) on any client, also
/// an unrestricted one, where a clinician has administrative access as
/// much as on a restricted one. `diff --as` demanded `client.access` for
/// that removal unless the client was restricted. Found by
/// `tests/agreement.rs`.
#[test]
fn client_revoke_administrative_passes_diff_as_on_an_unrestricted_client() {
    let old = edit(
        RIVERBEND,
        "roles = [\"biller\"]",
        "roles = [\"biller\"]\ngrants = [{ can = [\"client.restrict\"], on = \"all\" }]",
    );
    let (run, new) = command_on(
        &old,
        "frank",
        &["client", "revoke", "C-1002", "gina", "--administrative"],
    );
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(new.contains("C-1002 = { primary = \"bob\" }"), "{new}");
    let run = diff_as(&old, &new, "frank");
    assert_eq!(run.code, 0, "{}", run.stdout);
    // client.access does it too (dave, a scheduler, holds it on all);
    // neither (erin, an intern off the chart): refused.
    let run = diff_as(&old, &new, "dave");
    assert_eq!(run.code, 0, "{}", run.stdout);
    let run = diff_as(&old, &new, "erin");
    assert_eq!(run.code, 1, "{}", run.stdout);
}

/// dave (scheduler: client.access on all) is on the restricted C-1003's
/// administrative list and also holds a temporary entry there. His
/// client.access holds through the administrative list, a route that does
/// not pass through his own care relation (SPEC §8 "No self-grants"), so he
/// may extend his entry, by command and in a diff. The decision used to
/// report only the care relation and both refused. Found by
/// `tests/agreement.rs`.
#[test]
fn an_all_scope_grant_through_the_administrative_list_is_independent() {
    let old = edit(
        RIVERBEND,
        "administrative = [\"dave\"] }",
        "administrative = [\"dave\"], temporary = [{ member = \"dave\", until = 2099-01-31, reason = \"Intake\" }] }",
    );
    let (run, new) = command_on(
        &old,
        "dave",
        &[
            "client",
            "grant",
            "C-1003",
            "dave",
            "--until",
            "2099-12-31",
            "--reason",
            "Intake",
        ],
    );
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let run = diff_as(&old, &new, "dave");
    assert_eq!(run.code, 0, "{}", run.stdout);
    // Off the administrative list, his only route to C-1003 is the entry.
    let off = edit(&old, "administrative = [\"dave\"], ", "");
    let fixture = Fixture::new(&off);
    assert_refused(
        &fixture,
        &[
            "--as",
            "dave",
            "client",
            "grant",
            "C-1003",
            "dave",
            "--until",
            "2099-12-31",
            "--reason",
            "Intake",
        ],
        1,
        "for themselves",
    );
}

/// `member remove --reassign-clients-to M` hands every chart of the
/// member to M, and `--reassign-supervisees-to S` every supervisee to S:
/// `members.manage` covers that (SPEC §4, §8). An edit that hands them to
/// several members is not one removal: olga (administrator: members.*, no
/// client.assign) may hand all of priya's charts to marcus, not split them
/// between marcus and helen; nor split priya's supervisees without
/// `members.credentials`. Found by `tests/agreement.rs`.
#[test]
fn a_removal_hands_everything_to_one_successor() {
    let (run, whole) = command_on(
        THERAPYNOTES,
        "olga",
        &[
            "member",
            "remove",
            "priya",
            "--reassign-clients-to",
            "marcus",
        ],
    );
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(diff_as(THERAPYNOTES, &whole, "olga").code, 0);
    let split = edit(
        &whole,
        "C-1021 = { primary = \"marcus\" }",
        "C-1021 = { primary = \"helen\", clinicians = [\"marcus\"] }",
    );
    let run = diff_as(THERAPYNOTES, &split, "olga");
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains("change the primary of C-1") && run.stdout.contains("client.assign"),
        "{}",
        run.stdout
    );
    // The owner, who may assign any chart, may split them.
    assert_eq!(diff_as(THERAPYNOTES, &split, "nora").code, 0);
    // Supervisees: helen supervises jack and isla (with priya); a removal
    // by olga's members.manage hands them to one member, not two.
    let managed = edit(
        THERAPYNOTES,
        "roles = [\"administrator\", \"scheduler\", \"biller\"]",
        "roles = [\"scheduler\", \"biller\"]\ngrants = [{ can = [\"members.manage\"], on = \"practice\" }]",
    );
    let (run, whole) = command_on(
        &managed,
        "olga",
        &[
            "member",
            "remove",
            "helen",
            "--reassign-clients-to",
            "marcus",
            "--reassign-supervisees-to",
            "marcus",
        ],
    );
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(diff_as(&managed, &whole, "olga").code, 0);
    let split = edit(
        &whole,
        "supervisors = [\"marcus\"]\ncosign = [\"progress-notes\"]",
        "supervisors = [\"priya\"]\ncosign = [\"progress-notes\"]",
    );
    let run = diff_as(&managed, &split, "olga");
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stdout.contains("members.credentials"), "{}", run.stdout);
}

/// Found by fuzzing: `member edit --cosign … --clear cosign` was reported
/// as a change and wrote nothing; setting and clearing one field is a usage
/// error.
#[test]
fn setting_and_clearing_one_field_is_a_usage_error() {
    let fixture = Fixture::new(RIVERBEND);
    assert_refused(
        &fixture,
        &[
            "--as",
            "alice",
            "member",
            "edit",
            "gina",
            "--cosign",
            "progress-notes",
            "--clear",
            "cosign",
        ],
        2,
        "both set and cleared",
    );
}

/// SPEC §4: `member remove` needs members.manage, "which covers the
/// reassignments it makes", also to the actor; commands and `diff --as`
/// agree on it.
#[test]
fn member_remove_reassigning_charts_to_oneself_is_covered_by_members_manage() {
    let text = edit(
        RIVERBEND,
        "[members.helen]\nname = \"Helen Ortiz\"\nroles = [\"clinician\", \"supervisor\"]\nnpi = \"1908301660\"\n",
        "[members.helen]\nname = \"Helen Ortiz\"\nroles = [\"clinician\", \"supervisor\"]\nnpi = \"1908301660\"\ngrants = [{ can = [\"members.manage\"] }]\n",
    );
    let fixture = Fixture::new(&text);
    let run = fixture.run(&[
        "--as",
        "helen",
        "member",
        "remove",
        "bob",
        "--reassign-clients-to",
        "helen",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = diff_as(&text, &fixture.text(), "helen");
    assert_eq!(run.code, 0, "{}", run.stdout);
}

/// SPEC §9.1 "Self-gains by any route": helen, who holds members.credentials
/// but client.access on no chart, makes herself bob's supervisor. bob is
/// primary on C-1001, C-1002 and C-1004, so the supervisor role's
/// `supervisees` scope would give helen those charts: a self-grant, refused
/// by the command and by `diff --as`. The owner may make the same change,
/// and helen may make someone else the supervisor.
#[test]
fn making_oneself_supervisor_of_someone_on_charts_is_a_self_grant() {
    let old = edit(
        RIVERBEND,
        "[members.helen]\nname = \"Helen Ortiz\"\nroles = [\"clinician\", \"supervisor\"]\nnpi = \"1908301660\"\n",
        "[members.helen]\nname = \"Helen Ortiz\"\nroles = [\"clinician\", \"supervisor\"]\nnpi = \"1908301660\"\n\
         grants = [{ can = [\"members.credentials\"], on = \"practice\" }]\n",
    );
    let fixture = Fixture::new(&old);
    assert_refused(
        &fixture,
        &[
            "--as",
            "helen",
            "supervision",
            "add",
            "bob",
            "--by",
            "helen",
        ],
        1,
        "gives helen access to C-1001",
    );
    let (run, by_owner) = command_on(
        &old,
        "alice",
        &["supervision", "add", "bob", "--by", "helen"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = diff_as(&old, &by_owner, "helen");
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains("give helen access to C-1001"),
        "{}",
        run.stdout
    );
    assert_eq!(diff_as(&old, &by_owner, "alice").code, 0);
    // Someone else as supervisor is no gain of helen's.
    let (run, carol) = command_on(
        &old,
        "helen",
        &["supervision", "add", "bob", "--by", "carol"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(diff_as(&old, &carol, "helen").code, 0);
}

/// SPEC §9.1 "Self-gains by any route": an administrator who is not the
/// owner may not give themselves a role that reads every chart (olga gave
/// herself clinical-admin and read every client's notes, exit 0), neither
/// as a command nor through `diff --as`; the owner may, and olga may give
/// the role to someone else.
#[test]
fn an_administrator_cannot_give_themselves_every_chart() {
    let example =
        std::fs::read_to_string(common::root().join("examples/therapynotes/practice.toml"))
            .expect("example");
    let fixture = Fixture::new(&example);
    assert_refused(
        &fixture,
        &[
            "--as",
            "olga",
            "role",
            "grant",
            "olga",
            "clinician",
            "clinical-admin",
        ],
        1,
        "clinical.view",
    );
    let granted = edit(
        &example,
        "roles = [\"administrator\", \"scheduler\", \"biller\"]",
        "roles = [\"administrator\", \"scheduler\", \"biller\", \"clinician\", \"clinical-admin\"]",
    );
    let run = diff_as(&example, &granted, "olga");
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("olga") && run.stdout.contains("every client"),
        "{}",
        run.stdout
    );
    assert_eq!(diff_as(&example, &granted, "nora").code, 0);
    let owner = fixture.run(&[
        "--as",
        "nora",
        "role",
        "grant",
        "nora",
        "clinician",
        "clinical-admin",
    ]);
    assert_eq!(owner.code, 0, "{}", owner.stderr);
    let other = fixture.run(&["--as", "olga", "role", "grant", "ben", "clinician"]);
    assert_eq!(other.code, 0, "{}", other.stderr);
}
