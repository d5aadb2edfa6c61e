//! Decision tests: each scope of SPEC §3.1, restricted clients, and each
//! step of §3.2, with the reasons each decision carries.

use super::*;
use crate::rules::check;

fn day(year: i32, month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, d).expect("a valid date")
}

/// The decision date of every test unless it names another.
fn today() -> NaiveDate {
    day(2026, 6, 15)
}

/// The `until` of the fixture's temporary entries: the last day they hold.
fn last_day() -> NaiveDate {
    day(2026, 6, 30)
}

fn day_after() -> NaiveDate {
    day(2026, 7, 1)
}

const FIXTURE: &str = r#"version = 1

[practice]
name = "Riverbend Counseling"
owner = "olive"

[capabilities]
"rx.prescribe" = { scope = "client", description = "Prescribe and manage medications" }
"transport.manage" = { scope = "practice", description = "Administer transportation" }

[roles.prescriber]
description = "Prescribes for assigned clients"
grants = [
  { can = ["rx.*"], on = "assigned" },
  { can = ["transport.manage"], on = "practice" },
]

[members.olive]
name = "Olive Owner"
roles = ["administrator"]
denies = ["*"]

[members.bob]
name = "Bob"
roles = ["clinician"]
npi = "1234567893"

[members.carol]
name = "Carol"
roles = ["clinician"]
npi = "1111111112"

[members.sue]
name = "Sue"
roles = ["clinician", "supervisor"]
npi = "9876543213"

[members.ian]
name = "Ian"
roles = ["intern"]
supervisors = ["sue"]

[members.tess]
name = "Tess"
roles = ["clinician"]
supervisors = ["sue"]

[members.erin]
name = "Erin"
roles = ["clinician"]

[members.dana]
name = "Dana"
roles = ["scheduler"]

[members.bill]
name = "Bill"
roles = ["biller"]

[members.cara]
name = "Cara"
roles = ["clinician", "clinical-admin"]

[members.dee]
name = "Dee"
roles = ["clinician"]
denies = ["clinical.write", "clinical.*"]

[members.mo]
name = "Mo"
grants = [
  { can = ["billing.view"], on = "all" },
  { can = ["audit.view"] },
]

[members.ava]
name = "Ava"
grants = [{ can = ["clinical.*"], on = "own" }]

[members.pat]
name = "Pat"
roles = ["clinician", "prescriber"]

[members.gone]
name = "Gone"
roles = ["clinician", "administrator"]
active = false

[clients]
C-1 = { primary = "bob" }
C-2 = { primary = "bob", clinicians = ["carol"] }
C-3 = { primary = "carol", restricted = true, administrative = ["dana"] }
C-4 = { primary = "bob", temporary = [{ member = "erin", until = 2026-06-30, reason = "Covering leave" }] }
C-5 = { primary = "ian" }
C-6 = { primary = "bob", clinicians = ["tess"] }
C-7 = { primary = "bob", temporary = [{ member = "ian", until = 2026-06-30, reason = "Intern coverage" }] }
C-8 = { primary = "carol", clinicians = ["bob"], restricted = true, temporary = [{ member = "erin", until = 2026-06-30, reason = "Covering leave" }] }
C-9 = { primary = "tess", restricted = true }
C-10 = { primary = "dee" }
C-11 = { primary = "pat" }
"#;

fn fixture() -> Practice {
    practice_of(FIXTURE)
}

/// A practice that passes validation (warnings allowed).
fn practice_of(text: &str) -> Practice {
    let checked = check(text, today());
    assert!(
        !checked.findings.has_errors(),
        "fixture fails validation: {:#?}",
        checked.findings
    );
    checked.practice
}

fn request<'a>(member: &'a str, capability: &'a str, client: Option<&'a str>) -> Request<'a> {
    Request {
        member,
        capability,
        client,
        author: None,
    }
}

fn ask_on(
    practice: &Practice,
    member: &str,
    capability: &str,
    client: Option<&str>,
    date: NaiveDate,
) -> Decision {
    decide(practice, &request(member, capability, client), date)
        .unwrap_or_else(|e| panic!("{member} {capability} {client:?}: {e}"))
}

fn ask(practice: &Practice, member: &str, capability: &str, client: Option<&str>) -> Decision {
    ask_on(practice, member, capability, client, today())
}

fn ask_as_author(
    practice: &Practice,
    member: &str,
    capability: &str,
    client: &str,
    author: Option<&str>,
) -> Decision {
    let request = Request {
        member,
        capability,
        client: Some(client),
        author,
    };
    decide(practice, &request, today()).expect("a decision")
}

fn error(practice: &Practice, request: Request<'_>) -> QueryError {
    match decide(practice, &request, today()) {
        Ok(decision) => panic!("expected an error for {request:?}, got {decision:?}"),
        Err(error) => error,
    }
}

fn role(name: &str) -> Source {
    Source::Role(name.to_string())
}

fn granted(source: Source, pattern: &str, scope: Scope, route: Route) -> Reason {
    Reason::Granted(GrantMatch {
        source,
        pattern: pattern.to_string(),
        scope,
        route,
    })
}

fn unmet(source: Source, pattern: &str, scope: Scope, needs: Need) -> Unmet {
    Unmet {
        source,
        pattern: pattern.to_string(),
        scope,
        needs,
    }
}

fn not_granted(unmet: Vec<Unmet>, roles: &[&str]) -> Reason {
    Reason::NotGranted(Shortfall {
        unmet,
        roles: roles.iter().map(|r| r.to_string()).collect(),
        with_requirements: Vec::new(),
    })
}

/// A default deny whose one further way in is clinical-admin, which needs
/// clinician granted with it.
fn not_granted_but_clinical_admin(unmet: Vec<Unmet>, roles: &[&str]) -> Reason {
    Reason::NotGranted(Shortfall {
        unmet,
        roles: roles.iter().map(|r| r.to_string()).collect(),
        with_requirements: vec![crate::rules::decide::RoleOffer {
            role: "clinical-admin".into(),
            requires: vec!["clinician".into()],
        }],
    })
}

fn allowed(reasons: Vec<Reason>) -> Decision {
    Decision {
        allowed: true,
        reasons,
    }
}

fn denied(reasons: Vec<Reason>) -> Decision {
    Decision {
        allowed: false,
        reasons,
    }
}

fn temporary(until: NaiveDate, reason: &str) -> Relation {
    Relation::Temporary {
        until,
        reason: reason.to_string(),
    }
}

#[test]
fn the_fixture_is_valid() {
    let checked = check(FIXTURE, today());
    assert!(!checked.findings.has_errors(), "{:#?}", checked.findings);
}

// ---------------------------------------------------------------------------
// §3.1 scopes: all.

#[test]
fn all_holds_on_every_unrestricted_client() {
    let p = fixture();
    for client in ["C-1", "C-2", "C-5", "C-10"] {
        assert_eq!(
            ask(&p, "dana", "client.view", Some(client)),
            allowed(vec![granted(
                role("scheduler"),
                "client.view",
                Scope::All,
                Route::Unrestricted
            )]),
            "{client}"
        );
    }
    assert_eq!(
        ask(&p, "bill", "billing.claims", Some("C-5")),
        allowed(vec![granted(
            role("biller"),
            "billing.*",
            Scope::All,
            Route::Unrestricted
        )])
    );
}

#[test]
fn every_matching_grant_is_a_reason() {
    let p = fixture();
    // cara's clinician role and clinical-admin role both grant client.view on all.
    assert_eq!(
        ask(&p, "cara", "client.view", Some("C-1")),
        allowed(vec![
            granted(
                role("clinician"),
                "client.view",
                Scope::All,
                Route::Unrestricted
            ),
            granted(
                role("clinical-admin"),
                "client.view",
                Scope::All,
                Route::Unrestricted
            ),
        ])
    );
    // On an allow, grants whose scope did not hold are not reasons.
    assert_eq!(
        ask(&p, "cara", "clinical.view", Some("C-1")),
        allowed(vec![granted(
            role("clinical-admin"),
            "clinical.*",
            Scope::All,
            Route::Unrestricted
        )])
    );
}

// ---------------------------------------------------------------------------
// §3.1 scopes: assigned.

#[test]
fn assigned_holds_for_the_primary() {
    let p = fixture();
    assert_eq!(
        ask(&p, "bob", "clinical.view", Some("C-1")),
        allowed(vec![granted(
            role("clinician"),
            "clinical.view",
            Scope::Assigned,
            Route::Assigned {
                via: Relation::Primary
            }
        )])
    );
}

#[test]
fn assigned_holds_for_a_clinician() {
    let p = fixture();
    assert_eq!(
        ask(&p, "carol", "clinical.write", Some("C-2")),
        allowed(vec![granted(
            role("clinician"),
            "clinical.write",
            Scope::Assigned,
            Route::Assigned {
                via: Relation::Clinician
            }
        )])
    );
    assert_eq!(
        ask(&p, "carol", "files.upload", Some("C-2")),
        allowed(vec![granted(
            role("clinician"),
            "files.*",
            Scope::Assigned,
            Route::Assigned {
                via: Relation::Clinician
            }
        )])
    );
}

#[test]
fn assigned_holds_for_temporary_access_through_its_last_day() {
    let p = fixture();
    let expected = allowed(vec![granted(
        role("clinician"),
        "clinical.view",
        Scope::Assigned,
        Route::Assigned {
            via: temporary(last_day(), "Covering leave"),
        },
    )]);
    assert_eq!(
        ask_on(&p, "erin", "clinical.view", Some("C-4"), today()),
        expected
    );
    assert_eq!(
        ask_on(&p, "erin", "clinical.view", Some("C-4"), last_day()),
        expected
    );
}

#[test]
fn assigned_does_not_hold_for_temporary_access_the_day_after() {
    let p = fixture();
    assert_eq!(
        ask_on(&p, "erin", "clinical.view", Some("C-4"), day_after()),
        denied(vec![not_granted(
            vec![unmet(
                role("clinician"),
                "clinical.view",
                Scope::Assigned,
                Need::Assignment
            )],
            &["clinical-admin"],
        )])
    );
}

#[test]
fn assigned_does_not_hold_off_the_chart() {
    let p = fixture();
    let decision = ask(&p, "bob", "clinical.view", Some("C-5"));
    assert!(!decision.allowed);
    // The contact card is on `all`, though.
    assert!(ask(&p, "bob", "client.view", Some("C-5")).allowed);
}

// ---------------------------------------------------------------------------
// §3.1 scopes: supervisees.

#[test]
fn supervisees_holds_through_the_supervisees_primary() {
    let p = fixture();
    assert_eq!(
        ask(&p, "sue", "clinical.cosign", Some("C-5")),
        allowed(vec![granted(
            role("supervisor"),
            "clinical.cosign",
            Scope::Supervisees,
            Route::Supervision {
                supervisee: "ian".to_string(),
                via: Relation::Primary
            }
        )])
    );
}

#[test]
fn supervisees_holds_through_a_supervisee_clinician() {
    let p = fixture();
    assert_eq!(
        ask(&p, "sue", "clinical.view", Some("C-6")),
        allowed(vec![granted(
            role("supervisor"),
            "clinical.view",
            Scope::Supervisees,
            Route::Supervision {
                supervisee: "tess".to_string(),
                via: Relation::Clinician
            }
        )])
    );
}

#[test]
fn supervisees_holds_through_a_supervisees_temporary_access() {
    let p = fixture();
    let expected = allowed(vec![granted(
        role("supervisor"),
        "clinical.view",
        Scope::Supervisees,
        Route::Supervision {
            supervisee: "ian".to_string(),
            via: temporary(last_day(), "Intern coverage"),
        },
    )]);
    assert_eq!(
        ask_on(&p, "sue", "clinical.view", Some("C-7"), last_day()),
        expected
    );
    let after = ask_on(&p, "sue", "clinical.view", Some("C-7"), day_after());
    assert!(!after.allowed);
    let Reason::NotGranted(shortfall) = &after.reasons[0] else {
        panic!("{after:?}")
    };
    assert!(shortfall.unmet.contains(&unmet(
        role("supervisor"),
        "clinical.view",
        Scope::Supervisees,
        Need::Supervisee
    )));
    assert!(shortfall.unmet.contains(&unmet(
        role("clinician"),
        "clinical.view",
        Scope::Assigned,
        Need::Assignment
    )));
}

#[test]
fn supervisees_does_not_hold_without_a_supervisee_on_the_chart() {
    let p = fixture();
    assert_eq!(
        ask(&p, "sue", "clinical.cosign", Some("C-1")),
        denied(vec![not_granted(
            vec![unmet(
                role("supervisor"),
                "clinical.cosign",
                Scope::Supervisees,
                Need::Supervisee
            )],
            &["clinical-admin"],
        )])
    );
    // Supervision runs one way: ian does not reach sue's charts.
    assert!(!ask(&p, "ian", "clinical.view", Some("C-6")).allowed);
}

// ---------------------------------------------------------------------------
// §3.1 scopes: own.

#[test]
fn own_holds_when_the_member_is_the_author() {
    let p = fixture();
    assert_eq!(
        ask_as_author(&p, "ava", "clinical.write", "C-1", Some("ava")),
        allowed(vec![granted(
            Source::Member,
            "clinical.*",
            Scope::Own,
            Route::Author
        )])
    );
}

#[test]
fn own_never_holds_without_an_author() {
    let p = fixture();
    let expected = denied(vec![not_granted_but_clinical_admin(
        vec![unmet(
            Source::Member,
            "clinical.*",
            Scope::Own,
            Need::Authorship,
        )],
        // clinical-admin would allow it, with clinician, which ava lacks.
        &[],
    )]);
    assert_eq!(
        ask_as_author(&p, "ava", "clinical.write", "C-1", None),
        expected
    );
    assert_eq!(
        ask_as_author(&p, "ava", "clinical.write", "C-1", Some("bob")),
        expected
    );
}

#[test]
fn an_author_does_not_change_other_scopes() {
    let p = fixture();
    assert!(ask_as_author(&p, "bob", "clinical.write", "C-1", Some("carol")).allowed);
    assert!(!ask_as_author(&p, "carol", "clinical.write", "C-1", Some("carol")).allowed);
}

// ---------------------------------------------------------------------------
// §3.1 restricted clients.

#[test]
fn restricted_all_holds_for_the_administrative_list() {
    let p = fixture();
    assert_eq!(
        ask(&p, "dana", "client.view", Some("C-3")),
        allowed(vec![granted(
            role("scheduler"),
            "client.view",
            Scope::All,
            Route::Administrative {
                via: Relation::AdministrativeList
            }
        )])
    );
}

#[test]
fn restricted_all_holds_for_the_primary_and_clinicians() {
    let p = fixture();
    assert_eq!(
        ask(&p, "carol", "client.view", Some("C-3")),
        allowed(vec![granted(
            role("clinician"),
            "client.view",
            Scope::All,
            Route::Administrative {
                via: Relation::Primary
            }
        )])
    );
    assert_eq!(
        ask(&p, "bob", "client.view", Some("C-8")),
        allowed(vec![granted(
            role("clinician"),
            "client.view",
            Scope::All,
            Route::Administrative {
                via: Relation::Clinician
            }
        )])
    );
}

#[test]
fn restricted_all_holds_for_unexpired_temporary_members() {
    let p = fixture();
    assert_eq!(
        ask_on(&p, "erin", "client.view", Some("C-8"), last_day()),
        allowed(vec![granted(
            role("clinician"),
            "client.view",
            Scope::All,
            Route::Administrative {
                via: temporary(last_day(), "Covering leave")
            }
        )])
    );
    assert_eq!(
        ask_on(&p, "erin", "client.view", Some("C-8"), day_after()),
        denied(vec![not_granted(
            vec![unmet(
                role("clinician"),
                "client.view",
                Scope::All,
                Need::AdministrativeAccess
            )],
            &[],
        )])
    );
}

#[test]
fn restricted_all_holds_for_the_owner() {
    let p = fixture();
    let client = p.client("C-3").expect("C-3");
    assert_eq!(
        administrative_relation(&p, client, "olive", today()),
        Some(Relation::Owner)
    );
    assert_eq!(administrative_relation(&p, client, "bill", today()), None);
    assert_eq!(
        ask(&p, "olive", "clinical.view", Some("C-3")),
        allowed(vec![Reason::Owner])
    );
}

#[test]
fn restricted_all_does_not_hold_without_administrative_access() {
    let p = fixture();
    assert_eq!(
        ask(&p, "bill", "client.view", Some("C-3")),
        denied(vec![not_granted(
            vec![unmet(
                role("biller"),
                "client.view",
                Scope::All,
                Need::AdministrativeAccess
            )],
            &[],
        )])
    );
    // A clinical administrator's `all` does not reach a restricted chart either.
    assert_eq!(
        ask(&p, "cara", "clinical.view", Some("C-3")),
        denied(vec![not_granted(
            vec![
                unmet(
                    role("clinician"),
                    "clinical.view",
                    Scope::Assigned,
                    Need::Assignment
                ),
                unmet(
                    role("clinical-admin"),
                    "clinical.*",
                    Scope::All,
                    Need::AdministrativeAccess
                ),
            ],
            &[],
        )])
    );
    // The administrative list gives `all` grants only: dana's scheduler role
    // holds no clinical capability.
    assert!(!ask(&p, "dana", "clinical.view", Some("C-3")).allowed);
}

#[test]
fn restriction_does_not_affect_assigned_supervisees_or_own() {
    let p = fixture();
    assert_eq!(
        ask(&p, "carol", "clinical.view", Some("C-3")),
        allowed(vec![granted(
            role("clinician"),
            "clinical.view",
            Scope::Assigned,
            Route::Assigned {
                via: Relation::Primary
            }
        )])
    );
    assert_eq!(
        ask(&p, "sue", "clinical.view", Some("C-9")),
        allowed(vec![granted(
            role("supervisor"),
            "clinical.view",
            Scope::Supervisees,
            Route::Supervision {
                supervisee: "tess".to_string(),
                via: Relation::Primary
            }
        )])
    );
    assert_eq!(
        ask_as_author(&p, "ava", "clinical.view", "C-3", Some("ava")),
        allowed(vec![granted(
            Source::Member,
            "clinical.*",
            Scope::Own,
            Route::Author
        )])
    );
    // Temporary access is clinical access on a restricted chart.
    assert!(ask_on(&p, "erin", "clinical.write", Some("C-8"), last_day()).allowed);
}

// ---------------------------------------------------------------------------
// §3.2 step 1: errors, never decisions.

#[test]
fn step1_unknown_member() {
    let p = fixture();
    let e = error(&p, request("nobody", "client.view", Some("C-1")));
    assert!(
        matches!(&e, QueryError::UnknownMember { name, .. } if name == "nobody"),
        "{e:?}"
    );
    // Lookups are exact, and suggest the closest id.
    let e = error(&p, request("Bob", "client.view", Some("C-1")));
    let QueryError::UnknownMember { hint, .. } = &e else {
        panic!("{e:?}")
    };
    assert!(hint.contains("`bob`"), "{hint}");
}

#[test]
fn step1_unknown_capability() {
    let p = fixture();
    let e = error(&p, request("bob", "clinical.veiw", Some("C-1")));
    let QueryError::UnknownCapability { name, hint } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(name, "clinical.veiw");
    assert!(hint.contains("`clinical.view`"), "{hint}");
}

#[test]
fn step1_a_pattern_is_not_a_capability() {
    let p = fixture();
    for pattern in ["clinical.*", "*", "rx.*"] {
        let e = error(&p, request("bob", pattern, Some("C-1")));
        assert_eq!(
            e,
            QueryError::CapabilityIsPattern {
                name: pattern.to_string()
            }
        );
        // Even for the owner, who is allowed everything.
        let e = error(&p, request("olive", pattern, None));
        assert!(matches!(e, QueryError::CapabilityIsPattern { .. }), "{e:?}");
    }
}

#[test]
fn step1_a_practice_capability_takes_no_client() {
    let p = fixture();
    assert_eq!(
        error(&p, request("olive", "members.manage", Some("C-1"))),
        QueryError::ClientNotTaken {
            capability: "members.manage".to_string()
        }
    );
    assert_eq!(
        error(&p, request("pat", "transport.manage", Some("C-11"))),
        QueryError::ClientNotTaken {
            capability: "transport.manage".to_string()
        }
    );
}

#[test]
fn step1_a_client_capability_needs_a_client() {
    let p = fixture();
    assert_eq!(
        error(&p, request("olive", "clinical.view", None)),
        QueryError::ClientRequired {
            capability: "clinical.view".to_string()
        }
    );
    assert_eq!(
        error(&p, request("pat", "rx.prescribe", None)),
        QueryError::ClientRequired {
            capability: "rx.prescribe".to_string()
        }
    );
}

#[test]
fn step1_unknown_client() {
    let p = fixture();
    let e = error(&p, request("bob", "client.view", Some("C-99")));
    assert!(
        matches!(&e, QueryError::UnknownClient { name, .. } if name == "C-99"),
        "{e:?}"
    );
    // Client lookups are exact too.
    let e = error(&p, request("bob", "client.view", Some("c-1")));
    assert!(matches!(e, QueryError::UnknownClient { .. }), "{e:?}");
}

#[test]
fn step1_unknown_author() {
    let p = fixture();
    let e = error(
        &p,
        Request {
            member: "ava",
            capability: "clinical.view",
            client: Some("C-1"),
            author: Some("nobody"),
        },
    );
    assert!(
        matches!(&e, QueryError::UnknownAuthor { name, .. } if name == "nobody"),
        "{e:?}"
    );
}

#[test]
fn step1_an_author_needs_a_client_capability() {
    let p = fixture();
    let e = error(
        &p,
        Request {
            member: "mo",
            capability: "audit.view",
            client: None,
            author: Some("mo"),
        },
    );
    assert_eq!(
        e,
        QueryError::AuthorWithoutClientCapability {
            capability: "audit.view".to_string()
        }
    );
}

#[test]
fn step1_errors_come_before_inactive_and_owner() {
    let p = fixture();
    assert!(matches!(
        error(&p, request("gone", "no.such", None)),
        QueryError::UnknownCapability { .. }
    ));
    assert!(matches!(
        error(&p, request("olive", "client.view", Some("C-99"))),
        QueryError::UnknownClient { .. }
    ));
}

// ---------------------------------------------------------------------------
// §3.2 steps 2–6.

#[test]
fn step2_an_inactive_member_is_denied() {
    let p = fixture();
    // gone holds clinician and administrator, which would grant all of these.
    for (capability, client) in [
        ("client.view", Some("C-1")),
        ("members.manage", None),
        ("hr.view", None),
    ] {
        assert_eq!(
            ask(&p, "gone", capability, client),
            denied(vec![Reason::Inactive]),
            "{capability}"
        );
    }
}

#[test]
fn step2_inactive_comes_before_owner() {
    // Such a file fails validation, but the order of the steps still holds.
    let text = FIXTURE.replacen(
        "roles = [\"administrator\"]\ndenies = [\"*\"]\n",
        "roles = [\"administrator\"]\ndenies = [\"*\"]\nactive = false\n",
        1,
    );
    let checked = check(&text, today());
    assert!(checked.findings.has_errors());
    // Decided on the file as read, its required keys all there.
    let read = crate::model::read_practice(&text).practice.validated();
    let practice = read.unwrap_or_else(|| panic!("every required key is there"));
    assert_eq!(
        ask(&practice, "olive", "hr.view", None),
        denied(vec![Reason::Inactive])
    );
}

#[test]
fn step3_the_owner_is_allowed_even_with_denies() {
    let p = fixture();
    // olive holds administrator only, and denies `*`.
    for (capability, client) in [
        ("clinical.delete-signed", Some("C-3")),
        ("clinical.write", Some("C-1")),
        ("rx.prescribe", Some("C-11")),
        ("hr.view", None),
        ("reports.activity", None),
        ("transport.manage", None),
    ] {
        assert_eq!(
            ask(&p, "olive", capability, client),
            allowed(vec![Reason::Owner]),
            "{capability}"
        );
    }
}

#[test]
fn step4_denies_win_over_grants() {
    let p = fixture();
    // dee is primary of C-10 and a clinician: every matching deny is a reason.
    assert_eq!(
        ask(&p, "dee", "clinical.write", Some("C-10")),
        denied(vec![
            Reason::Denied {
                pattern: "clinical.write".to_string()
            },
            Reason::Denied {
                pattern: "clinical.*".to_string()
            },
        ])
    );
    assert_eq!(
        ask(&p, "dee", "clinical.view", Some("C-10")),
        denied(vec![Reason::Denied {
            pattern: "clinical.*".to_string()
        }])
    );
    // A deny that does not match leaves the grants alone.
    assert!(ask(&p, "dee", "client.edit", Some("C-10")).allowed);
}

#[test]
fn step5_member_level_grants() {
    let p = fixture();
    assert_eq!(
        ask(&p, "mo", "billing.view", Some("C-3")),
        denied(vec![not_granted(
            vec![unmet(
                Source::Member,
                "billing.view",
                Scope::All,
                Need::AdministrativeAccess
            )],
            &[],
        )])
    );
    assert_eq!(
        ask(&p, "mo", "billing.view", Some("C-1")),
        allowed(vec![granted(
            Source::Member,
            "billing.view",
            Scope::All,
            Route::Unrestricted
        )])
    );
    // A grant without `on` is a practice grant.
    assert_eq!(
        ask(&p, "mo", "audit.view", None),
        allowed(vec![granted(
            Source::Member,
            "audit.view",
            Scope::Practice,
            Route::Practice
        )])
    );
}

#[test]
fn step5_practice_and_custom_capabilities() {
    let p = fixture();
    assert_eq!(
        ask(&p, "bob", "members.view", None),
        allowed(vec![granted(
            role("clinician"),
            "members.view",
            Scope::Practice,
            Route::Practice
        )])
    );
    assert_eq!(
        ask(&p, "pat", "rx.prescribe", Some("C-11")),
        allowed(vec![granted(
            role("prescriber"),
            "rx.*",
            Scope::Assigned,
            Route::Assigned {
                via: Relation::Primary
            }
        )])
    );
    assert_eq!(
        ask(&p, "pat", "transport.manage", None),
        allowed(vec![granted(
            role("prescriber"),
            "transport.manage",
            Scope::Practice,
            Route::Practice
        )])
    );
}

#[test]
fn step5_a_pattern_grants_only_capabilities_of_its_scopes_kind() {
    // `billing.*` on all covers the client billing capabilities, not the
    // practice ones (and the reverse on practice).
    let text = FIXTURE
        .replacen(
            "[members.olive]",
            "[roles.billing-clients]\ngrants = [{ can = [\"billing.*\"], on = \"all\" }]\n\n[members.olive]",
            1,
        )
        .replacen(
            "[members.mo]\nname = \"Mo\"\n",
            "[members.mo]\nname = \"Mo\"\nroles = [\"billing-clients\"]\n",
            1,
        );
    let p = practice_of(&text);
    assert!(ask(&p, "mo", "billing.claims", Some("C-1")).allowed);
    assert!(!ask(&p, "mo", "billing.reports", None).allowed);
    assert!(ask(&p, "bill", "billing.reports", None).allowed);
    assert!(!ask(&p, "bill", "members.manage", None).allowed);
}

#[test]
fn step5_a_file_role_replaces_the_builtin_one() {
    let text = FIXTURE.replacen(
        "[members.olive]",
        "[roles.scheduler]\ngrants = [{ can = [\"schedule.*\"], on = \"all\" }]\n\n[members.olive]",
        1,
    );
    let p = practice_of(&text);
    assert!(ask(&p, "dana", "schedule.manage", Some("C-1")).allowed);
    assert_eq!(
        ask(&p, "dana", "client.view", Some("C-1")),
        denied(vec![not_granted_but_clinical_admin(
            vec![],
            // clinical-admin requires clinician, which dana does not hold.
            &["administrator", "clinician", "intern", "biller"],
        )])
    );
}

#[test]
fn step6_default_deny_lists_unmet_grants_and_roles_that_would_allow() {
    let p = fixture();
    assert_eq!(
        ask(&p, "carol", "clinical.view", Some("C-1")),
        denied(vec![not_granted(
            vec![unmet(
                role("clinician"),
                "clinical.view",
                Scope::Assigned,
                Need::Assignment
            )],
            &["clinical-admin"],
        )])
    );
    // No grant matched at all, and the one role that would allow it
    // (clinical-admin) requires clinician, which dana does not hold: it is
    // offered with clinician.
    assert_eq!(
        ask(&p, "dana", "clinical.view", Some("C-1")),
        denied(vec![not_granted_but_clinical_admin(vec![], &[])])
    );
    assert_eq!(
        ask(&p, "bob", "members.manage", None),
        denied(vec![not_granted(vec![], &["administrator"])])
    );
    // No role grants reports.activity.
    assert_eq!(
        ask(&p, "bob", "reports.activity", None),
        denied(vec![not_granted(vec![], &[])])
    );
}

#[test]
fn step6_roles_that_would_allow_follow_the_members_relations() {
    let p = fixture();
    // bob is primary of C-1: an assigned-scope role would do.
    assert_eq!(
        ask(&p, "bob", "rx.prescribe", Some("C-1")),
        denied(vec![not_granted(vec![], &["prescriber"])])
    );
    // carol is not on C-1: it would not.
    assert_eq!(
        ask(&p, "carol", "rx.prescribe", Some("C-1")),
        denied(vec![not_granted(vec![], &[])])
    );
    // A held role is never suggested; biller-assigned needs the assignment.
    assert_eq!(
        ask(&p, "bob", "billing.manage", Some("C-1")),
        denied(vec![not_granted(vec![], &["biller", "biller-assigned"])])
    );
    assert_eq!(
        ask(&p, "carol", "billing.manage", Some("C-1")),
        denied(vec![not_granted(vec![], &["biller"])])
    );
}

#[test]
fn decisions_name_their_word() {
    let p = fixture();
    assert_eq!(ask(&p, "bob", "clinical.view", Some("C-1")).word(), "allow");
    assert_eq!(ask(&p, "bob", "clinical.view", Some("C-5")).word(), "deny");
}
