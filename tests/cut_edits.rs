//! A change that edits only the client entries it can reach (the rest cut
//! out of the text and put back, `changes::cut`) must write exactly the
//! bytes the whole-document edit writes (LF and CRLF files), and its check of the new file,
//! assembled from the pieces, must equal reading the new file whole. Checked on generated practices
//! with every change that touches clients, on random clients and members,
//! including the first and the last client and clients that share lines
//! with cut neighbours.
//!
//! `PRAXIS_CUT_CASES` sets the number of changes (default 400).

// A test may panic on a broken fixture.
#![allow(clippy::expect_used, clippy::unwrap_used)]

#[path = "../benches/support/generate.rs"]
mod generate;

use chrono::NaiveDate;
use praxis::changes::cut::Reach;
use praxis::changes::{self, Actor, ChangeError, Edited, Outcome, TemporaryGrant, edit};
use praxis::model::Practice;
use praxis::store::Contents;
use toml_edit::DocumentMut;

type Edit<'a> = Box<dyn Fn(&Actor<'_>, &mut DocumentMut) -> Result<Outcome, ChangeError> + 'a>;

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The whole-document edit, as praxis made every change before cutting.
fn whole(text: &str, actor: &Actor<'_>, change: &Edit<'_>) -> Result<Edited, ChangeError> {
    let mut doc: DocumentMut = text.parse().expect("the text parses");
    match change(actor, &mut doc)? {
        Outcome::NoChange(why) => Ok(Edited::NoChange(why)),
        Outcome::Changed(summary) => {
            let touched = summary
                .affected
                .iter()
                .filter_map(|(_, client)| client.as_deref());
            edit::tidy_clients(&mut doc, touched);
            Ok(Edited::Changed(summary, doc.to_string()))
        }
    }
}

/// Everything a check says (the look-up tables print as `Index { .. }`).
fn contents(checked: &praxis::rules::Checked) -> String {
    format!("{:?}\n{:?}", checked.practice, checked.findings)
}

/// What a change comes to, with the bytes the store would write for it
/// (toml_edit writes `\n`; the store puts each line's own ending back).
fn shown(file: &str, result: &Result<Edited, ChangeError>) -> String {
    let contents = Contents::decode(file.as_bytes().to_vec()).expect("UTF-8");
    match result {
        Ok(edited @ (Edited::Changed(summary, _) | Edited::Rejoined(summary, _))) => {
            let written = contents.encode(edited.text().unwrap_or_default());
            format!("changed {summary:?}\n{written}")
        }
        Ok(Edited::NoChange(why)) => format!("no change: {why}"),
        Err(error) => format!("error: {error:?}"),
    }
}

#[test]
fn a_cut_edit_writes_what_the_whole_document_edit_writes() {
    let cases: usize = std::env::var("PRAXIS_CUT_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(400);
    let mut rng = generate::Lcg::new(20261130);
    let mut done = 0;
    let mut cut_used = 0;
    let mut checked_by_pieces = 0;
    let mut seed = 0;
    while done < cases {
        seed += 1;
        let (text, shape) = generate::practice(20, 60, seed);
        // Every third practice with CRLF line endings, as Windows editors
        // write them.
        // Comments and blank lines between some entries: toml_edit keeps
        // them with the entry below.
        let text: String = text
            .split_inclusive('\n')
            .enumerate()
            .map(|(i, line)| match (line.starts_with("C-"), i % 7, i % 11) {
                (true, 0, _) => format!("# about the next chart\n{line}"),
                (true, _, 0) => format!("\n{line}"),
                _ => line.to_string(),
            })
            .collect();
        // Every third practice with CRLF line endings, as Windows editors
        // write them.
        let text = if seed % 3 == 0 {
            text.replace('\n', "\r\n")
        } else {
            text
        };
        let checked = praxis::rules::check(&text, today());
        assert!(!checked.findings.has_errors(), "{:?}", checked.findings);
        let practice: &Practice = &checked.practice;
        let actor = Actor::resolve(practice, Some("owner"), today()).unwrap();
        for _ in 0..20 {
            let client = match rng.below(6) {
                0 => "C-0".to_string(),
                1 => format!("C-{}", shape.clients - 1),
                _ => format!("C-{}", rng.below(shape.clients)),
            };
            let member = shape.clinicians[rng.below(shape.clinicians.len())].clone();
            let other = shape.clinicians[rng.below(shape.clinicians.len())].clone();
            let until = today() + chrono::Days::new(30);
            let (reach, change): (Reach<'_>, Edit<'_>) = match rng.below(10) {
                0 => (
                    Reach::Client(&client),
                    Box::new(|a, d| changes::client_grant(a, d, &client, &member, None)),
                ),
                1 => (
                    Reach::Client(&client),
                    Box::new(|a, d| {
                        let temporary = TemporaryGrant {
                            until,
                            reason: "coverage".into(),
                        };
                        changes::client_grant(a, d, &client, &member, Some(&temporary))
                    }),
                ),
                2 => (
                    Reach::Client(&client),
                    Box::new(|a, d| {
                        changes::client_revoke(
                            a,
                            d,
                            &client,
                            &member,
                            changes::RevokeFrom::ClinicalLists,
                        )
                    }),
                ),
                3 => (
                    Reach::Client(&client),
                    Box::new(|a, d| changes::client_assign(a, d, &client, &member, true)),
                ),
                4 => (
                    Reach::Client("C-NEW"),
                    Box::new(|a, d| changes::client_add(a, d, "C-NEW", &member, &[])),
                ),
                5 => (
                    Reach::Client(&client),
                    Box::new(|a, d| changes::client_remove(a, d, &client)),
                ),
                6 => (
                    Reach::Client(&client),
                    Box::new(|a, d| {
                        changes::client_restrict(a, d, &client, changes::Restriction::Restrict)
                    }),
                ),
                7 => (
                    Reach::Client(&client),
                    Box::new(|a, d| changes::client_grant_administrative(a, d, &client, "staff1")),
                ),
                8 => (
                    Reach::ClientsNaming(&member),
                    Box::new(|a, d| changes::member_remove(a, d, &member, Some(&other), None)),
                ),
                _ => (
                    Reach::NoClients,
                    Box::new(|a, d| {
                        changes::role_grant(a, d, &member, &["supervisor".to_string()], &[])
                    }),
                ),
            };
            let expected = whole(&text, &actor, &change);
            let actual = changes::edit_text(&text, &actor, reach, &change).expect("parses");
            assert_eq!(
                shown(&text, &actual),
                shown(&text, &expected),
                "seed {seed}, reach {reach:?}"
            );
            // The new file validated from its pieces (the edited part read,
            // the untouched clients moved) equals reading it whole.
            if let Ok(changes::Change::Applied(applied)) =
                changes::apply(&text, &checked.findings, &actor, today(), reach, &change)
            {
                let whole = praxis::rules::check(&applied.text, today());
                assert_eq!(
                    contents(&applied.checked),
                    contents(&whole),
                    "seed {seed}, reach {reach:?}: the pieces' check differs from the whole's"
                );
                checked_by_pieces += 1;
            }
            if changes::cut::cut(&text, practice, reach).is_some() {
                cut_used += 1;
            }
            done += 1;
        }
    }
    assert!(
        checked_by_pieces * 4 > done,
        "{checked_by_pieces} of {done} applied"
    );
    assert!(
        cut_used * 2 > done,
        "the cut path must be the one mostly taken ({cut_used} of {done})"
    );
}
