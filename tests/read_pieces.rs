//! A large practice is read in pieces (`model::read_practice`); the outcome
//! must equal reading it whole (`model::read_whole`) — every span, every
//! client in the file's order, every finding. Checked on generated
//! practices large enough to be split, clean and with shape errors.

// A test may panic on a broken fixture.
#![allow(clippy::expect_used, clippy::unwrap_used)]

#[path = "../benches/support/generate.rs"]
mod generate;

use praxis::model::{ReadOutcome, read_in_pieces, read_whole};

/// Everything a read says, its findings in order (the look-up tables
/// print as `Index { .. }`).
fn shown(outcome: &ReadOutcome) -> String {
    let mut findings = outcome.findings.clone();
    findings.sort();
    format!("{}\n{:?}\n{:?}", outcome.parsed, outcome.practice, findings)
}

#[test]
fn a_large_practice_reads_in_pieces_as_it_reads_whole() {
    for (members, clients, seed) in [(60, 15_000, 1), (200, 30_000, 2)] {
        let (text, shape) = generate::practice(members, clients, seed);
        assert!(text.len() > 600_000, "large enough to be read in pieces");
        assert_eq!(shape.clients, clients);
        assert!(!shape.clinicians.is_empty());
        // Shape errors and a non-ASCII name inside the client lines.
        let broken = text
            .replace("C-17 = { primary", "C-17 = { bogus = 1, primary")
            .replace(
                "C-2001 = { primary = \"",
                "C-2001 = { restricted = 7, clinicians = [\"Zoë\"], primary = \"",
            );
        for text in [&text, &broken] {
            let pieces = read_in_pieces(text).expect("read in pieces");
            assert_eq!(shown(&pieces), shown(&read_whole(text)));
        }
    }
}
